"""Alt text fits the platform and is long enough to help

## What it checks

- Alt text over the platform's limit (X 1,000 characters, Mastodon 1,500, Bluesky 2,000): an
  error, because the platform refuses or cuts it. The part past the limit is marked.
- Alt text over a platform's soft limit (the Instagram and Facebook apps suggest about 100
  characters; LinkedIn's composer takes 1,000): a suggestion.
- Very long alt text (over 1,000 characters, or several paragraphs and over 500 characters) on
  any platform: a suggestion to put the key point first.
- Alt text too short to help: fewer than 3 words and fewer than 15 characters ("Dog", "My cat").
  Only what follows a redundant prefix counts, so "Image of volunteers" is too short too.
  Logos and icons ("Acme logo") are fine, and so is text in scripts written without spaces
  (Chinese, Japanese, Thai), where few characters say a lot.

Characters are counted as code points, except on Bluesky, whose app counts UTF-16 units (an emoji
counts as 2). Without a platform only the length checks that apply everywhere run.

## Why it matters

Alt text is the only way a blind person gets what the image shows. One word ("Dog") tells them
almost nothing: RNIB asks for "a few key details that paint the picture". Alt text that is too
long for the platform is refused or cut off, and a very long description is tiring to listen to,
so the most important point belongs first.

## Example

Attach an image with the alt text "Dog" to this post:

```text kind=image alt=Dog
Meet the newest member of our team!
```

## Use instead

Use the alt text "A scruffy grey terrier wearing a staff badge, sitting at a desk":

```text kind=image alt='A scruffy grey terrier wearing a staff badge, sitting at a desk'
Meet the newest member of our team!
```

## Options

`min_words` and `min_chars`: alt text with fewer words AND fewer characters is too short (3 and
15). `long_chars`: alt text over this many characters gets a note to put the key point first
(1,000). `long_paragraphs` and `long_paragraph_chars`: so does alt text with at least this many
paragraphs that is also longer than `long_paragraph_chars` (2 and 500). Platform limits come from
the platform data (`alt_text_max`, `alt_text_soft`) and can be set per platform in tonecheck.toml.

## Fix

No automatic fix. For short alt text, add who or what is shown, what is happening and where. For
long alt text, start with the main point. For a chart, give the main trend, the key numbers and
the source; put the full data in the post or behind a link.

## References

- https://www.rnib.org.uk/rnibconnect/technology/making-your-social-media-accessible
- https://github.com/mastodon/mastodon/blob/main/app/models/media_attachment.rb
- https://github.com/bluesky-social/social-app/blob/main/src/lib/constants.ts
- https://docs.rs/crate/twapi-v2/latest/source/maker/api/post_2_media_metadata_create.yaml
- https://www.accessible-social.com/images-and-visuals/platform-image-accessibility
- https://communications.admin.ox.ac.uk/digital-communications/accessibility/social
"""

from __future__ import annotations

from typing import ClassVar

import regex

from tonecheck.model import Category, Media, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext
from tonecheck.rules.alt_text._shared import (
    described_media,
    is_filename,
    is_placeholder,
    kind_noun,
    redundant_prefix,
    trimmed,
)

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*")
_LETTER = regex.compile(r"\p{L}")
# Scripts written without spaces between words: a few characters can be a full description.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}]")
_PARAGRAPH_BREAK = regex.compile(r"\n[ \t]*(?:\r?\n)+")


def _units(alt: str, utf16: bool) -> int:
    return len(alt.encode("utf-16-le")) // 2 if utf16 else len(alt)


def _cut(alt: str, limit: int, utf16: bool) -> int:
    """Where the part that fits in *limit* units ends (never inside a surrogate pair)."""
    if not utf16:
        return limit
    used = 0
    for pos, ch in enumerate(alt):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > limit:
            return pos
    return len(alt)


@register
class AltTextLength(Rule):
    id = "alt-text-length"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Alt text fits the platform and is long enough to help"
    messages: ClassVar = {
        "over-limit": (
            "This alt text has {length} characters, and {platform} takes at most {limit}. "
            "Cut it down, or move the detail into the post."
        ),
        "over-soft": (
            "This alt text has {length} characters. The {platform} app suggests about {limit}, "
            "so put the key point first."
        ),
        "long": (
            "This alt text has {length} characters. Long descriptions suit complex images, "
            "but put the main point first."
        ),
        "short": '"{alt}" is very short. Add a few key details: who or what is shown, what is happening, and where.',
        "short-after-prefix": (
            '"{alt}" only says "{rest}" about the image. Add a few key details: who or what is shown, '
            "what is happening, and where."
        ),
    }
    tags = frozenset({"wcag111"})
    references = (
        "https://www.rnib.org.uk/rnibconnect/technology/making-your-social-media-accessible",
        "https://github.com/mastodon/mastodon/blob/main/app/models/media_attachment.rb",
        "https://github.com/bluesky-social/social-app/blob/main/src/lib/constants.ts",
        "https://docs.rs/crate/twapi-v2/latest/source/maker/api/post_2_media_metadata_create.yaml",
        "https://www.accessible-social.com/images-and-visuals/platform-image-accessibility",
        "https://communications.admin.ox.ac.uk/digital-communications/accessibility/social",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        if not draft.media:
            return
        for i, item in described_media(draft):
            alt = item.alt
            if not alt or not alt.strip():
                continue
            if not self._check_long(draft, ctx, i, alt):
                self._check_short(ctx, i, item, alt)

    def _check_long(self, draft: Draft, ctx: RuleContext, i: int, alt: str) -> bool:
        opts = ctx.options
        venue = draft.venue
        utf16 = draft.platform in self.data.get("counting", {}).get("utf16", [])
        length = _units(alt, utf16)
        target = f"media:{i}"
        hard = venue.alt_text_max if draft.platform else None
        soft = venue.alt_text_soft if draft.platform else None
        limits = ((hard, "over-limit", Severity.ERROR), (soft, "over-soft", Severity.SUGGESTION))
        for limit, message, severity in limits:
            if limit is not None and length > limit:
                ctx.report(
                    message,
                    _cut(alt, limit, utf16),
                    len(alt),
                    target=target,
                    severity=severity,
                    length=f"{length:,}",
                    platform=venue.name,
                    limit=f"{limit:,}",
                )
                return True
        start, end = trimmed(alt)
        size = end - start
        paragraphs = len(_PARAGRAPH_BREAK.findall(alt[start:end])) + 1
        if size > opts["long_chars"] or (paragraphs >= opts["long_paragraphs"] and size > opts["long_paragraph_chars"]):
            ctx.report("long", start, end, target=target, severity=Severity.SUGGESTION, length=f"{length:,}")
            return True
        return False

    def _check_short(self, ctx: RuleContext, i: int, item: Media, alt: str) -> None:
        start, end = trimmed(alt)
        text = alt[start:end]
        if not _LETTER.search(text) or _UNSPACED.search(text):
            return
        # "Image of volunteers": only what follows the prefix describes the image.
        prefix_end = redundant_prefix(alt)
        described = alt[prefix_end:end].strip() if prefix_end is not None else text
        if len(described) >= ctx.options["min_chars"]:
            return
        words = _WORD.findall(described)
        if len(words) >= ctx.options["min_words"]:
            return
        logos = self.data.get("logos", {}).get("words", [])
        if any(w.casefold() in logos for w in words):
            return
        if is_placeholder(alt) or is_filename(alt):
            return
        if prefix_end is not None:
            ctx.report("short-after-prefix", start, end, target=f"media:{i}", alt=text, rest=described)
            return
        ctx.report("short", start, end, target=f"media:{i}", alt=text, kind=kind_noun(item))
