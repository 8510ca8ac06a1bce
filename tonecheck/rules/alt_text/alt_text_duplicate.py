"""Alt text describes the image, not the post or another image

## What it checks

- Alt text that copies the post text (80 % alike or more, once case and punctuation are ignored;
  both need at least 5 words).
- The same alt text on two or more images of one post: the second and later ones are marked.

A quote card, where the image is just the text of the post, can legitimately have the same alt
text. tonecheck cannot see that, so these findings are warnings that say so.

## Why it matters

A screen-reader user hears the post and then the alt text. When they are the same, they hear the
same words twice and learn nothing about the image. When several images share one description,
the listener cannot tell them apart. SUNY Buffalo State and North Idaho College guidance both say
not to repeat the post in the alt text.

## Example

Post this with an image whose alt text is "Join us on Saturday for the Riverside park clean-up
at 10am":

```text kind=image alt='Join us on Saturday for the Riverside park clean-up at 10am'
Join us on Saturday for the Riverside park clean-up at 10am!
```

## Use instead

Use the alt text "Volunteers in yellow vests picking up litter along the river bank":

```text kind=image alt='Volunteers in yellow vests picking up litter along the river bank'
Join us on Saturday for the Riverside park clean-up at 10am!
```

## Options

`similarity`: how alike (0 to 1) the alt text and the post must be to be flagged (0.8).
`min_words`: both need at least this many words (5).

## Fix

No automatic fix. Describe what the image shows that the post does not say. For several images,
describe what is different in each one ("Before: …", "After: …").

## References

- https://marcomm.buffalostate.edu/social-media-accessibility
- https://nic.teamdynamix.com/TDClient/1783/Portal/KB/PrintArticle?ID=160691
- https://github.com/github/accessibility-scanner-alt-text-plugin
"""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import ClassVar

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext
from tonecheck.rules.alt_text._shared import described_media, is_placeholder, kind_noun, normalise, trimmed


def _similar(a: str, b: str, threshold: float) -> bool:
    """Whether difflib's ratio of *a* and *b* reaches *threshold*, with cheap upper bounds first."""
    la, lb = len(a), len(b)
    if 2 * min(la, lb) / (la + lb) < threshold:  # SequenceMatcher.real_quick_ratio
        return False
    words_a, words_b = set(a.split()), set(b.split())
    if len(words_a & words_b) < threshold * min(len(words_a), len(words_b)) / 2:
        return False  # far fewer shared words than a close copy has
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


@register
class AltTextDuplicate(Rule):
    id = "alt-text-duplicate"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Alt text describes the image, not the post or another image"
    messages: ClassVar = {
        "copies-post": (
            "This alt text repeats the post. Describe what the {kind} shows instead, "
            "unless the {kind} is just this text."
        ),
        "repeated": "This alt text is the same as on {kind} {first}. Say what is different in each one.",
    }
    tags = frozenset({"wcag111"})
    references = (
        "https://marcomm.buffalostate.edu/social-media-accessibility",
        "https://nic.teamdynamix.com/TDClient/1783/Portal/KB/PrintArticle?ID=160691",
        "https://github.com/github/accessibility-scanner-alt-text-plugin",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        if not draft.media:
            return
        min_words = ctx.options["min_words"]
        threshold = ctx.options["similarity"]
        post: str | None = None
        seen: dict[str, int] = {}
        for i, item in described_media(draft):
            alt = item.alt
            if not alt:
                continue
            norm = normalise(alt)
            if not norm or is_placeholder(alt):
                continue
            start, end = trimmed(alt)
            target = f"media:{i}"
            if norm in seen:
                first = seen[norm]
                ctx.report("repeated", start, end, target=target, kind=kind_noun(draft.media[first]), first=first + 1)
                continue
            seen[norm] = i
            if norm.count(" ") + 1 < min_words:
                continue
            if post is None:
                post = normalise(draft.parsed.prose)
            if post.count(" ") + 1 < min_words:
                continue
            if _similar(norm, post, threshold):
                ctx.report("copies-post", start, end, target=target, kind=kind_noun(item))
