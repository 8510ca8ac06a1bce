"""Videos come with captions

## What it checks

Flags an attached video whose captions are not confirmed: `captions=False` (none) or not said.
Set `captions=True` on the media item once the video has captions, as a caption file or burned
into the picture. Audio clips and GIFs are not flagged.

## Why it matters

Deaf and hard-of-hearing people, and everyone watching with the sound off, miss whatever is
said in a video without captions. WCAG 1.2.2 asks for captions on recorded video with sound, and
1.2.5 for a description of anything that is shown but not said.

## Example

```text kind=video alt="Our explainer video" captions=false
Watch our new explainer!
```

## Use instead

```text kind=video alt="Our explainer video" captions=true
Watch our new explainer!
```

(with the same video and `captions=True`)

## Fix

Add a caption file (.srt or .vtt) where the platform takes one (X, Bluesky, Facebook, LinkedIn,
YouTube). Mastodon takes no caption files: burn the captions into the video instead. Check
automatic captions for mistakes. Say or describe anything that is only shown on screen, such as
text or actions that carry meaning.

## References

- https://www.w3.org/TR/WCAG22/#time-based-media
- https://www.buffalo.edu/ubsocial/best-practices/accessibility.html
- https://github.com/mastodon/mastodon/issues/7169
- https://www.mass.gov/info-details/social-media-post-accessibility-0
"""

from __future__ import annotations

from typing import ClassVar

from tonecheck.media import infer_kind
from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext


@register
class VideoCaptions(Rule):
    id = "video-captions"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Videos come with captions"
    messages: ClassVar = {
        "none": (
            "Attachment {number} is a video without captions. If it has speech, add captions. "
            "Describe anything that is only shown on screen."
        ),
        "unconfirmed": (
            "If attachment {number}, a video, has speech, check that it has captions. "
            "Describe anything that is only shown on screen."
        ),
        "none-burn-in": (
            "Attachment {number} is a video without captions. {platform} takes no caption files, so "
            "burn captions into the video if it has speech."
        ),
        "unconfirmed-burn-in": (
            "If attachment {number}, a video, has speech, check that it has captions. {platform} takes "
            "no caption files, so burn them into the video."
        ),
    }
    tags = frozenset({"wcag2a", "wcag122", "wcag125"})
    references = (
        "https://www.w3.org/TR/WCAG22/#time-based-media",
        "https://www.buffalo.edu/ubsocial/best-practices/accessibility.html",
        "https://github.com/mastodon/mastodon/issues/7169",
        "https://www.mass.gov/info-details/social-media-post-accessibility-0",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        if not draft.media:
            return
        burn_in = draft.platform in self.data.get("caption_files", {}).get("unsupported", ())
        for index, item in enumerate(draft.media):
            if item.captions is True or infer_kind(item) != "video":
                continue
            message = "none" if item.captions is False else "unconfirmed"
            if burn_in:
                message += "-burn-in"
            ctx.report(message, 0, 0, target=f"media:{index}", number=index + 1, platform=draft.venue.name)
