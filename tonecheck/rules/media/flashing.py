"""Animations do not flash more than three times a second

## What it checks

Plays each attached GIF or animation as it loops, frame by frame with each frame's own delay, and
counts flashes in every one-second window, as WCAG 2.3.1 defines them: a pair of opposing changes
in brightness (relative luminance) of 10% or more where the darker state is below 0.80, or a
change to or from saturated red. It flags more than three flashes in any second over an area
bigger than a quarter of a 10 degree field of view (341 x 256 pixels on a 1024 x 768 screen,
with the GIF shown full screen). Fine balanced patterns such as static noise are exempt.

Animations that pass but still flash two or more times a second over a large area get a
suggestion to add a flashing warning, unless the post or its content warning already mentions
flashing. tonecheck cannot look inside videos, so each video gets a suggestion to check it
yourself: saying nothing would look like a pass. For the same reason, an animation whose flash
analysis failed gets a warning. Files that cannot be read, or are too long to check in full, are
reported by `media-unreadable`.

## Why it matters

Flashing can cause seizures in people with photosensitive epilepsy, and people have been sent
flashing GIFs on purpose to harm them. A content warning does not make a flashing GIF safe,
because autoplay starts it before anyone can look away.

A pass means no flashes above the WCAG 2.3.1 thresholds were found, not that the animation is
safe for everyone.

## Example

```text file=samples/media/strobe-4-per-second.gif alt="Black and white strobe"
Friday mood!
```

(with a GIF that flashes black and white 4 times a second over the whole picture)

## Use instead

```text file=samples/media/slow-fade.gif alt="A light slowly fading in and out"
Friday mood!
```

(with a GIF that changes at most 3 times a second, fades gently, or flashes only in a small part
of the picture)

## Options

`luminance_change` (0.1) and `dark_limit` (0.8): what counts as a general flash.
`max_flashes` (3): the most flashes allowed in any one second. `red_ratio` (0.8) and
`red_chroma_change` (0.2): what counts as a red flash. `screen_width`, `screen_height`,
`flash_area`, `field_width`, `field_height`: the WCAG area rule on a 1024 x 768 screen.
`fine_pattern` (6.82 px, 0.1 degree): patterns finer than this are exempt. `max_cells`: a speed
cap. `near_flashes` (2) and `near_change` (0.2): flashes a second, and how strong, that deserve a
warning.

## Fix

No automatic fix, and a warning alone is not enough. Slow the animation down to three flashes a
second or fewer, lower the contrast between the light and dark frames, keep any flashing to a
small part of the picture, avoid flashing saturated red, or do not post it. The message says when
the worst second starts ("at 0:02") so you can find it. For a video, check it with a flash
analyser such as the free PEAT before posting. A pass means no flashes above the WCAG 2.3.1
limits were found, not a guarantee.

## References

- https://www.w3.org/TR/WCAG22/#dfn-general-flash-and-red-flash-thresholds
- https://www.w3.org/WAI/WCAG22/Understanding/three-flashes-or-below-threshold
- https://github.com/alphagov/guide-to-wcag/wiki/2.3.1
- https://fedi.tips/dont-use-flashing-images-or-emoji/
"""

from __future__ import annotations

from typing import Any, ClassVar

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext

#: Words in a post or content warning that show the writer already warns about flashing.
_WARNING_WORDS = ("flash", "strob", "epilep", "photosensitiv", "seizure")


def _when(ms: int) -> str:
    seconds = max(0, ms) // 1000
    return f"{seconds // 60}:{seconds % 60:02d}"


def _area_words(area: float) -> str:
    if area >= 0.9:
        return "the whole picture"
    if area >= 0.5:
        return "most of the picture"
    return f"{max(1, round(area * 100))}% of the picture"


def _already_warned(draft: Draft) -> bool:
    texts = (draft.content_warning or "", draft.text)
    return any(word in text.lower() for text in texts for word in _WARNING_WORDS)


@register
class Flashing(Rule):
    id = "flashing"
    category = Category.ACCESSIBILITY
    severity = Severity.ERROR
    summary = "Animations do not flash more than three times a second"
    messages: ClassVar = {
        "general": (
            "This {what} flashes {count} times in one second at {when} "
            "({change}% brightness change over {area}). "
            "Over 3 flashes a second can cause seizures. Slow it down or don't post it."
        ),
        "red": (
            "This {what} flashes red {count} times in one second at {when} (over {area}). "
            "Over 3 red flashes a second can cause seizures. Slow it down or don't post it."
        ),
        "near": (
            "This {what} flashes {count} times in one second at {when} (over {area}). "
            "It is under the seizure limit, but add a flashing warning to the post."
        ),
        "unchecked": (
            "tonecheck could not check this {what} for flashing. "
            "Check it yourself, and don't post it if it flashes more than 3 times a second."
        ),
        "video": (
            "tonecheck cannot check videos for flashing. "
            "Check this video yourself, and don't post it if it flashes more than 3 times a second."
        ),
    }
    tags = frozenset({"wcag2a", "wcag231"})
    references = (
        "https://www.w3.org/TR/WCAG22/#dfn-general-flash-and-red-flash-thresholds",
        "https://www.w3.org/WAI/WCAG22/Understanding/three-flashes-or-below-threshold",
        "https://github.com/alphagov/guide-to-wcag/wiki/2.3.1",
        "https://fedi.tips/dont-use-flashing-images-or-emoji/",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        if not draft.media:
            return
        from tonecheck.media import analyse

        # The default options share the decode other media rules make; changed ones decode again.
        options = None if dict(ctx.options) == dict(self.defaults) else ctx.options
        for index in range(len(draft.media)):
            target = f"media:{index}"
            span = (0, 0)  # the finding is about the picture, not its alt text
            analysis = analyse(draft, index, flash_options=options)
            kind = analysis.kind
            if kind == "video":
                ctx.report("video", *span, target=target, severity=Severity.SUGGESTION)
                continue
            what = "GIF" if analysis.format == "gif" else "animation"
            flash: Any = analysis.flash
            if flash is None:
                if analysis.animated and analysis.error is None:
                    # The analysis itself failed: say so rather than look like a pass.
                    ctx.report("unchecked", *span, target=target, severity=Severity.WARNING, what=what)
                continue
            if flash.kind is None:
                continue
            fields = {
                "what": what,
                "count": flash.count,
                "when": _when(flash.at_ms),
                "area": _area_words(flash.area),
                "change": round(flash.luminance_change * 100),
            }
            if flash.flagged:
                ctx.report(flash.kind, *span, target=target, **fields)
            elif flash.near and not _already_warned(draft):
                ctx.report("near", *span, target=target, severity=Severity.SUGGESTION, **fields)
