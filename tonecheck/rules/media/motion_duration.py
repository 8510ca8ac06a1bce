"""Animations stop moving within five seconds

## What it checks

Reads each attached animation (GIF, animated PNG or WebP) and flags one that keeps moving for
more than five seconds, counting its loops: a moving GIF that loops forever always counts. Frames
that do not change are not motion, and the last picture, which stays on screen once an animation ends,
is not counted. Videos are not checked, since their frames are not read.

## Why it matters

Motion that starts by itself and lasts more than five seconds distracts people with attention
or reading difficulties, and can make some people dizzy or sick. WCAG 2.2.2 asks for a way to
pause it, and a post cannot add one: the animation itself has to be short.

## Example

```text file=samples/media/loop-forever.gif alt="A cat typing fast"
Friday mood!
```

## Use instead

```text file=samples/media/three-plays.gif alt="A cat typing fast"
Friday mood!
```

(with a GIF that plays three times in four seconds and stops)

## Options

`max_seconds`: the longest an animation may keep moving (default 5).

## Fix

Trim the animation to a few seconds and set it to play once or a few times, not forever. Describe
what happens in the alt text, so people who stop or hide it still get the point.

## References

- https://www.w3.org/TR/WCAG22/#pause-stop-hide
- https://tempertemper.net/blog/accessible-animated-gifs-are-pointless
- https://fedi.tips/dont-use-flashing-images-or-emoji/
"""

from __future__ import annotations

import math
from typing import ClassVar

from tonecheck.media import analyse, infer_kind
from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext


@register
class MotionDuration(Rule):
    id = "motion-duration"
    category = Category.ACCESSIBILITY
    severity = Severity.SUGGESTION
    summary = "Animations stop moving within five seconds"
    messages: ClassVar = {
        "forever": (
            "Attachment {number} loops forever. Long motion can distract people or make them dizzy. "
            "Make it stop within {max} seconds, and describe it in the alt text."
        ),
        "too-long": (
            "Attachment {number} keeps moving for {seconds} seconds. Long motion can distract people or "
            "make them dizzy. Make it stop within {max} seconds, and describe it in the alt text."
        ),
    }
    tags = frozenset({"wcag2a", "wcag222"})
    references = (
        "https://www.w3.org/TR/WCAG22/#pause-stop-hide",
        "https://tempertemper.net/blog/accessible-animated-gifs-are-pointless",
        "https://fedi.tips/dont-use-flashing-images-or-emoji/",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        if not draft.media:
            return
        limit = ctx.options["max_seconds"]
        for index, item in enumerate(draft.media):
            if item.path is None and item.data is None:
                continue
            if infer_kind(item) in ("video", "audio"):
                continue
            analysis = analyse(draft, index)
            if not analysis.animated or analysis.motion_ms <= limit * 1000:
                continue
            if math.isinf(analysis.motion_ms):
                ctx.report("forever", 0, 0, target=f"media:{index}", number=index + 1, max=_number(limit))
            else:
                seconds = _number(math.floor(analysis.motion_ms / 100) / 10)
                ctx.report(
                    "too-long", 0, 0, target=f"media:{index}", number=index + 1, seconds=seconds, max=_number(limit)
                )


def _number(value: float) -> str:
    """A number for a message: "5", "7.5"."""
    return f"{value:g}"
