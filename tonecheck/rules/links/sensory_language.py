"""Instructions do not rely on sight, colour or position

## What it checks

Flags instructions and references that only make sense if you can see the screen: where something
is ("see the image below", "the photo on the left", "the icon in the top right corner") or what
colour it is ("tap the green button", "the areas highlighted in red", "details in the red box").

Colours and places as topics are not flagged: "our new blue logo", "the Green Party", "red wine",
"above all", "below average", "the picture above the fireplace". Neither are everyday phrases
such as "watch this space" or "as shown above", which do not point at a picture.

## Why it matters

Screen reader users do not know what is "below" or "on the left", and people who are colour
blind may not be able to tell "the green button" from the red one. Layouts also change between
apps and screen sizes. Name the thing, or describe what the picture shows, so the instruction
works for everyone.

## Example

```text
Tap the green button to book your place, and see the image below for the route.
```

## Use instead

```text
Tap "Book now" to book your place. The route starts at the station and follows the river.
```

## Fix

No automatic fix: name the button by its label, or say what the image shows.

## References

- https://www.mass.gov/info-details/social-media-post-accessibility-testing-checklist
- https://www.w3.org/TR/WCAG22/#sensory-characteristics
- https://www.w3.org/TR/WCAG22/#use-of-color
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext

# A place word that is followed by a noun phrase is a preposition ("above the fireplace").
# "The right picture" usually means the correct one, so only "left" and "right-hand" mark a place.
_NOT_PREPOSITION = r"(?!\s+(?:the|a|an|my|our|your|his|her|their|its|this|that|these|those|\d)\b)"
_PLACE_WORDS = ("below", "above", "left", "right", "top", "bottom", "upper", "lower", "pictured")
# How far a match can reach before and after its place or colour word ("these attached screenshots to the left").
_REACH_BEFORE = 45
_REACH_AFTER = 50
_COMPILED: dict[int, tuple[re.Pattern[str], frozenset[str]]] = {}


@register
class SensoryLanguage(Rule):
    id = "sensory-language"
    category = Category.ACCESSIBILITY
    severity = Severity.SUGGESTION
    summary = "Instructions do not rely on sight, colour or position"
    messages: ClassVar = {
        "position": "\"{phrase}\" relies on seeing where things are on the screen. Name the thing or say what it "
        "shows instead.",
        "colour": "\"{phrase}\" relies on colour, which some people cannot see or tell apart. Name the thing by its "
        "label instead.",
    }
    tags = frozenset({"wcag2a", "wcag133", "wcag141"})
    references = (
        "https://www.mass.gov/info-details/social-media-post-accessibility-testing-checklist",
        "https://www.w3.org/TR/WCAG22/#sensory-characteristics",
        "https://www.w3.org/TR/WCAG22/#use-of-color",
    )
    languages = ("en",)

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        parsed = draft.parsed
        # Every pattern holds a place or colour word: search only around those words.
        pattern, keywords = _compiled(self.data["words"])
        windows: list[tuple[int, int]] = []
        for word in parsed.words:
            low = word.text.lower()
            if low in keywords or ("-" in low and not keywords.isdisjoint(low.split("-"))):
                lo, hi = max(0, word.start - _REACH_BEFORE), word.end + _REACH_AFTER
                if windows and lo <= windows[-1][1]:
                    windows[-1] = (windows[-1][0], hi)
                else:
                    windows.append((lo, hi))
        if not windows:
            return
        prose = parsed.prose
        for lo, hi in windows:
            for m in pattern.finditer(prose, lo, hi):
                kind = m.lastgroup or "position"
                if kind == "colour" and _is_name(m.group()):
                    continue
                group = "position" if kind == "bare" else kind
                ctx.report(group, m.start(kind), m.end(kind), phrase=" ".join(m.group(kind).split()))


def _compiled(words: Mapping[str, Sequence[str]]) -> tuple[re.Pattern[str], frozenset[str]]:
    """One regex for every pattern, and the place and colour words, built once from the data file's lists."""
    cached = _COMPILED.get(id(words))
    if cached is not None:
        return cached

    def alt(key: str) -> str:
        return "(?:" + "|".join(re.escape(w) for w in sorted(words[key], key=len, reverse=True)) + ")"

    visual, colour, control, frame, highlight = (alt(k) for k in ("visual", "colour", "control", "frame", "highlight"))
    place = r"(?:below|above|on\s+the\s+(?:left|right)|to\s+the\s+(?:left|right)|at\s+the\s+(?:top|bottom))"
    corner = r"(?:top|bottom|upper|lower)(?:[\s-]+(?:left|right))?(?:[\s-]+hand)?(?:[\s-]+corner)?"
    # Each alternative is a named group; "bare" marks only the part after "see" ("see [image below]").
    pattern = re.compile(
        rf"""
          (?P<position>
              \b(?:the|this|these)\s+(?:attached\s+)?{visual}\s+{place}\b{_NOT_PREPOSITION}
            | \bthe\s+(?:left|(?:left|right)[\s-]+hand)\s+{visual}\b
            | \bpictured\s+(?:(?:on\s+the\s+)?(?:left|right)|above|below)\b{_NOT_PREPOSITION}
            | \b{control}\s+(?:in|at|on)\s+the\s+{corner}\b
            | \b(?:top|bottom|upper|lower)[\s-]+(?:left|right)(?:[\s-]+hand)?[\s-]+corner\s+of\s+(?:the\s+|your\s+)?
                  (?:screen|page|app|image|picture|photo)\b
          )
        | \b(?:see|check)\s+(?P<bare>{visual}\s+{place}\b{_NOT_PREPOSITION})
        | (?P<colour>
              \b(?:click|tap|press|hit|select|choose)\s+(?:on\s+)?(?:the\s+)?(?:big\s+|little\s+|small\s+)?
                  {colour}\s+{control}\b
            | \b(?:in|inside|within)\s+the\s+{colour}\s+{frame}\b
            | \b{highlight}\s+in\s+(?:bright\s+|dark\s+|light\s+)?{colour}\b(?!\s*-)
          )
        """,
        re.IGNORECASE | re.VERBOSE,
    )
    keywords = frozenset((*_PLACE_WORDS, *(w.lower() for w in words["colour"])))
    _COMPILED[id(words)] = (pattern, keywords)
    return pattern, keywords


def _is_name(phrase: str) -> bool:
    """"Press the Red Button" (a service's name): the colour and the thing are both capitalised."""
    words = [w for w in phrase.split() if w.isalpha()]
    return len(words) >= 2 and words[-2][0].isupper() and words[-1][0].isupper()
