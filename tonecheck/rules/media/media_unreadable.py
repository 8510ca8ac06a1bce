"""Attached files can be opened and checked

## What it checks

Reads every attached file safely and flags one that cannot be read: a missing or empty file, a
file that is not an image, GIF, video or audio file, a damaged or cut-short file, an image far
too large to open safely (a "decompression bomb"), or an animation too long to check in full.

## Why it matters

A file that cannot be opened may fail to upload, show as a broken picture, or crash the apps of
the people who see it. It also cannot be checked for flashing or motion, so we cannot tell you
whether it is safe for people with photosensitive epilepsy. See the WCAG 2.3.1 guidance.

## Example

```text file=samples/media/damaged.png alt="Bar chart of visitors by month"
Here is the chart from today's talk.
```

## Use instead

```text file=samples/media/chart.png alt="Bar chart of visitors by month"
Here is the chart from today's talk.
```

(with the chart saved again as a PNG that opens on your computer)

## Fix

Open the file on your own computer first. If it does not open, save or export it again and
attach the new copy. Resize very large images and shorten very long animations before posting.

## References

- https://www.w3.org/WAI/WCAG22/Understanding/three-flashes-or-below-threshold
- https://pillow.readthedocs.io/en/stable/reference/Image.html#PIL.Image.open
"""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from tonecheck.media import analyse
from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext

# Codes that mean "read, but only in part": a reminder, not a warning.
_PARTIAL = frozenset({"too-long"})


@register
class MediaUnreadable(Rule):
    id = "media-unreadable"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Attached files can be opened and checked"
    messages: ClassVar = {
        "missing": "{attachment}: {reason} Check that the file is there and attach it again.",
        "empty": "{attachment}: {reason} Attach the file again.",
        "too-big": "{attachment}: {reason} Use a smaller file.",
        "unknown": "{attachment}: {reason} Check that it is the file you meant to attach.",
        "too-large": "{attachment}: {reason} Resize it before you post it.",
        "bomb": "{attachment}: {reason} Do not post a file you do not trust.",
        "broken": "{attachment}: {reason} Save or export it again, then attach the new copy.",
        "too-long": "{attachment}: {reason} Shorten it so it is quick to check and safe to watch.",
    }
    tags = frozenset({"media"})
    references = (
        "https://www.w3.org/WAI/WCAG22/Understanding/three-flashes-or-below-threshold",
        "https://pillow.readthedocs.io/en/stable/reference/Image.html#PIL.Image.open",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        for index, item in enumerate(draft.media):
            if item.path is None and item.data is None:
                continue
            analysis = analyse(draft, index)
            code = analysis.error_code
            if code is None or analysis.error is None:
                continue
            ctx.report(
                code if code in self.messages else "broken",
                0,
                0,
                target=f"media:{index}",
                severity=Severity.SUGGESTION if code in _PARTIAL else None,
                number=index + 1,
                attachment=_name(index, item.path),
                reason=analysis.error[:1].lower() + analysis.error[1:],
            )


def _name(index: int, path: object) -> str:
    """``Attachment 2 ("chart.png")``: the file's name is shown (it is not draft text), its folder is not."""
    if isinstance(path, str | PurePath) and str(path):
        return f'Attachment {index + 1} ("{PurePath(path).name}")'
    return f"Attachment {index + 1}"
