"""Instructions do not rely on sight, colour or position

## What it checks

Flags instructions and references that only make sense if you can see the screen: where something
is ("see the image below", "the photo on the left", "the icon in the top right corner"), directions
that depend on the layout ("thread below", "details below", "see above", "scroll down", "swipe
left", "on the right-hand side of the page") or what colour it is ("tap the green button", "the
areas highlighted in red", "details in the red box").

Colours and places as topics are not flagged: "our new blue logo", "the Green Party", "red wine",
"above all", "below average", "below freezing", "the picture above the fireplace", "on the
right-hand side of the road". "Scroll down" and "swipe left" count only as instructions ("Swipe
left to see more", not "I scroll down my feed" or "swipe left on him"), and "the link below" is
left to the link-text rule. Neither are everyday phrases
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
_PLACE_WORDS = ("below", "above", "left", "right", "top", "bottom", "upper", "lower", "pictured", "scroll", "swipe")
# Words after "below"/"above" that make it a comparison, not a place ("below zero", "above average").
_NOT_PLACE = (
    r"(?!\s+(?:the|a|an|my|our|your|his|her|their|its|this|that|these|those|\d"
    r"|zero|average|par|freezing|normal|expectations?|all)\b)"
)
# Words that may come before "scroll down" or "swipe left" when it is an instruction.
_LEADERS = frozenset({"please", "pls", "plz", "just", "simply", "and", "then", "so", "now", "or"})
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
        "layout": "\"{phrase}\" depends on where things sit on the screen, which changes between apps. Name what "
        "people will find instead.",
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
                if kind == "gesture" and not _starts_clause(prose, m.start()):
                    continue  # "I scroll down my feed" describes, it does not instruct
                group = {"bare": "position", "gesture": "layout", "pointer": "layout"}.get(kind, kind)
                ctx.report(group, m.start(kind), m.end(kind), phrase=" ".join(m.group(kind).split()))


def _compiled(words: Mapping[str, Sequence[str]]) -> tuple[re.Pattern[str], frozenset[str]]:
    """One regex for every pattern, and the place and colour words, built once from the data file's lists."""
    cached = _COMPILED.get(id(words))
    if cached is not None:
        return cached

    def alt(key: str) -> str:
        return "(?:" + "|".join(re.escape(w) for w in sorted(words[key], key=len, reverse=True)) + ")"

    visual, colour, control, frame, highlight = (alt(k) for k in ("visual", "colour", "control", "frame", "highlight"))
    place = (
        r"(?:below|above|(?:on|to)\s+the\s+(?:left|right)(?:[\s-]+hand(?:\s+side)?)?|at\s+the\s+(?:top|bottom))"
    )
    screen = r"(?:screen|page|app|image|picture|photo|post|video|graphic|chart)"
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
            | \b(?:the|a)\s+(?!links?\b){control}\s+{place}\b{_NOT_PREPOSITION}
          )
        | (?P<pointer>
              \b(?:on|to)\s+the\s+(?:left|right)(?:[\s-]+hand(?:\s+side)?)?\s+of\s+(?:the|your|this)\s+{screen}\b
            | \b(?<!more\s)(?:see|read|thread|details|info|information|everything|listed)\s+below\b{_NOT_PLACE}
            | \b(?<!more\s)(?:see|details|info|information)\s+above\b{_NOT_PLACE}
            | \bthe\s+(?:thread|tweet|post|posts|list)\s+(?:below|above)\b{_NOT_PLACE}
          )
        | (?P<gesture>\b(?:scroll\s+(?:down|up)|swipe\s+(?:left|right|up))\b(?!\s+on\b))
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


def _starts_clause(prose: str, pos: int) -> bool:
    """Only punctuation, an emoji or link (blank in the prose), or "please"/"just" comes before *pos*."""
    i = pos
    while i > 0 and prose[i - 1].isspace():
        i -= 1
    if i == 0 or not prose[i - 1].isalnum():
        return True
    j = i
    while j > 0 and prose[j - 1].isalpha():
        j -= 1
    return prose[j:i].lower() in _LEADERS
