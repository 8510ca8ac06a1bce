"""Every image, GIF and video has alt text

## What it checks

Flags each attached image, GIF or video whose alt text (image description) was never set, and
each one whose alt text was set to empty, which marks it as decoration. When the post itself
carries a description ("Image description: …" or "[ID: …]"), the finding is only a suggestion.
Audio clips are not checked: they need a transcript instead.

## Why it matters

People who are blind or have low vision hear the alt text instead of seeing the image. Without
it, a screen reader only says "image", and the point of the post is lost. WCAG 1.1.1 asks for a
text alternative for every non-text item, and on social media an image is almost never just
decoration.

A description in the post text helps, but it is read as part of the post, not with the image.
Put it in the alt-text field too.

## Example

Attach a photo without alt text to this post:

```text kind=image alt=<none>
Look who came to visit the garden today!
```

## Use instead

Attach the same photo with the alt text "A red fox sitting on our lawn, looking straight at the
camera":

```text kind=image alt='A red fox sitting on our lawn, looking straight at the camera'
Look who came to visit the garden today! Image description: a red fox sitting on our lawn.
```

## Fix

No automatic fix: write the alt text. Say what matters for this post: who or what is shown, what
is happening, the setting, and any text in the image. For a GIF, describe the action and why you
post it ("Kermit typing fast: me finishing this report"). For a chart, give the main trend, the
key numbers and the source.

## References

- https://www.w3.org/TR/WCAG22/#non-text-content
- https://www.umassp.edu/inclusive-by-design/creating-inclusive-experience/create-inclusive-social-media-content
- https://www.rnib.org.uk/rnibconnect/technology/making-your-social-media-accessible
- https://github.com/micr0-dev/Altbot/issues/37
"""

from __future__ import annotations

from typing import ClassVar

import regex

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext
from tonecheck.rules.alt_text._shared import described_media, kind_noun

# "Image description:", "[ID: ...]", "Alt text:" at the start of a line or after a bracket.
_IN_POST = regex.compile(
    r"(?:^|\n|[(\[]|(?<=[.!?…])\s)\s*"
    r"(?:(?i:image description|img desc|image desc|picture description|photo description|alt text|alt-text)|ID)"
    r"\s*[:：\-–—]",
)


@register
class AltTextMissing(Rule):
    id = "alt-text-missing"
    category = Category.ACCESSIBILITY
    severity = Severity.ERROR
    summary = "Every image, GIF and video has alt text"
    messages: ClassVar = {
        "missing": "This {kind} has no alt text. Describe what it shows and why it is in the post.",
        "empty": (
            "The alt text of this {kind} is empty, which marks it as decoration. "
            "Images in posts are rarely decoration: describe it."
        ),
        "in-post": (
            "The post describes this {kind}, but its alt text is not set. Put the description in the alt text too."
        ),
    }
    tags = frozenset({"wcag2a", "wcag111"})
    references = (
        "https://www.w3.org/TR/WCAG22/#non-text-content",
        "https://www.umassp.edu/inclusive-by-design/creating-inclusive-experience/create-inclusive-social-media-content",
        "https://www.rnib.org.uk/rnibconnect/technology/making-your-social-media-accessible",
        "https://github.com/micr0-dev/Altbot/issues/37",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        if not draft.media:
            return
        described: bool | None = None
        for i, item in described_media(draft):
            if item.alt:
                continue
            if described is None:
                described = _IN_POST.search(draft.text) is not None
            kind = kind_noun(item)
            if described:
                ctx.report("in-post", 0, 0, target=f"media:{i}", severity=Severity.SUGGESTION, kind=kind)
            elif item.alt is None:
                ctx.report("missing", 0, 0, target=f"media:{i}", kind=kind)
            else:
                ctx.report("empty", 0, 0, target=f"media:{i}", severity=Severity.WARNING, kind=kind)
