"""Lists do not use emoji or symbols as bullets

## What it checks

Finds lists whose lines start with an emoji (✅ 👉 🔹 ✨), a keycap number (1️⃣ 2️⃣) or a
pictographic symbol (▪ ► ➤ →): two or more lines in a row, or lines with the same bullet
separated only by blank lines. Each bullet is reported on its own line. Plain bullets ("•", "-",
"*") and numbers ("1.") are never flagged, and a line that is only emoji is not a list item.

## Why it matters

Screen readers read the name of the bullet at the start of every line, so a list of 👉🏽 items
is read as "backhand index pointing right: medium skin tone" before each one. Accessibility
guidance from government and universities says not to use emoji as bullet points.

## Example

```text
What's on:
✅ Free entry
✅ Live music
✅ Food stalls
```

## Use instead

```text
What's on:
- Free entry
- Live music
- Food stalls
```

## Options

`min_lines`: how many bullet lines make a list (default 2).

## Fix

Replace each bullet with "-" (or "1." for keycap numbers). When the emoji differ from line to line
(📅 📍 🕖) they may carry meaning, so the suggestion is shown for checking: a word such as
"Date:" may be better.

## References

- https://defra-design.github.io/accessibility/resources/content/improve-social-media-accessibility/
- https://cerovac.com/a11y/2025/01/accessibility-of-emojis-for-list-bullets-potential-issues/
- https://www.mass.gov/info-details/social-media-post-accessibility-testing-checklist
- https://ada.uky.edu/digital-accessibility/social-media
- https://clemson.edu/accessibility/digital/guides/social-media/index.html
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import ClassVar

import regex

from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext
from tonecheck.text import Emoji, ParsedText

_LEADING_SPACE = " \t\u00a0\u3000"
_CONTENT = regex.compile(r"[\p{L}\p{N}]")


@dataclass(frozen=True, slots=True)
class BulletItem:
    """A line that starts with an emoji or symbol bullet."""

    start: int
    end: int
    kind: str  # "emoji", "keycap" or "symbol"
    text: str
    name: str
    base: str


def _symbols() -> str:
    value = EmojiBullets.data.get("symbols", "")
    return value if isinstance(value, str) else ""


def bullet_lists(parsed: ParsedText) -> list[list[BulletItem]]:
    """Groups of bullet lines (any length), computed once per draft and shared by the emoji rules."""
    cached = parsed.cache.get("emoji-bullets")
    if isinstance(cached, list):
        return cached
    found = _find_lists(parsed) if "\n" in parsed.text else []
    parsed.cache["emoji-bullets"] = found
    return found


def bullet_items(parsed: ParsedText) -> list[BulletItem]:
    """The bullets of lists with at least two lines (the default), for other emoji rules to skip."""
    return [item for group in bullet_lists(parsed) if len(group) >= 2 for item in group]


def _find_lists(parsed: ParsedText) -> list[list[BulletItem]]:
    text = parsed.text
    starts = {e.start: e for e in parsed.emoji}
    symbols = _symbols()
    lists: list[list[BulletItem]] = []
    current: list[BulletItem] = []
    gap = False
    for line in parsed.lines:
        stripped = line.text.lstrip(_LEADING_SPACE)
        if not stripped.strip():
            gap = True
            continue
        pos = line.end - len(stripped)
        item = _bullet_at(text, pos, line.end, starts, symbols)
        if item is None:
            current = []
        elif current and (not gap or item.base == current[-1].base):
            current.append(item)
        else:
            current = [item]
            lists.append(current)
        gap = False
    return lists


def _bullet_at(
    text: str, pos: int, line_end: int, starts: dict[int, Emoji], symbols: str
) -> BulletItem | None:
    e = starts.get(pos)
    if e is not None:
        end = e.end
        first = e.text[0]
        kind = "keycap" if first in "#*0123456789" or e.text == "🔟" else "emoji"
        item = BulletItem(pos, end, kind, e.text, e.name, e.base)
    elif text[pos] in symbols:
        end = pos + 1
        if end < line_end and text[end] in "\ufe0e\ufe0f":
            end += 1  # a variation selector belongs to the symbol
        name = unicodedata.name(text[pos], "symbol").lower()
        item = BulletItem(pos, end, "symbol", text[pos], name, text[pos])
    else:
        return None
    # A bullet stands alone: "★★★★☆ Food" and "⭐⭐⭐ Service" are ratings, "1️⃣0️⃣" is a number.
    if end < line_end and (end in starts or text[end] in symbols):
        return None
    # A list item has words or numbers after its bullet; a line of emoji alone is not one.
    if _CONTENT.search(text, end, line_end) is None:
        return None
    return item


def _replacement(item: BulletItem, following: str) -> str:
    if item.kind == "keycap":
        first = item.text[0]
        marker = "10." if item.text == "🔟" else f"{first}." if first.isdigit() else "-"
    else:
        marker = "-"
    return marker if following.isspace() else marker + " "


@register
class EmojiBullets(Rule):
    id = "emoji-bullets"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Lists do not use emoji or symbols as bullets"
    messages: ClassVar = {
        "same": (
            'Screen readers say "{name}" at the start of each of these lines. Start the lines with "-" instead.'
        ),
        "mixed": (
            'Screen readers say "{name}" at the start of this line. '
            'Start list lines with "-" or a word, not an emoji.'
        ),
        "keycap": 'Screen readers say "{name}" at the start of this line. Write "{number}" instead.',
        "symbol": (
            'Some screen readers say "{name}" at the start of each of these lines. Start the lines with "-" instead.'
        ),
    }
    fix = FixAvailability.SOMETIMES
    tags = frozenset({"readability"})
    references = (
        "https://defra-design.github.io/accessibility/resources/content/improve-social-media-accessibility/",
        "https://cerovac.com/a11y/2025/01/accessibility-of-emojis-for-list-bullets-potential-issues/",
        "https://www.mass.gov/info-details/social-media-post-accessibility-testing-checklist",
        "https://ada.uky.edu/digital-accessibility/social-media",
        "https://clemson.edu/accessibility/digital/guides/social-media/index.html",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        if "\n" not in draft.text:
            return
        minimum = max(2, ctx.options["min_lines"])
        text = draft.text
        for items in bullet_lists(draft.parsed):
            if len(items) < minimum:
                continue
            bases = Counter(item.base for item in items)
            for item in items:
                same = bases[item.base] > 1
                following = text[item.end : item.end + 1]
                replacement = _replacement(item, following)
                if item.kind == "keycap":
                    number = replacement.strip()
                    ctx.report(
                        "keycap",
                        item.start,
                        item.end,
                        suggestions=[Suggestion(replacement, f'Use "{number}"')],
                        severity=Severity.SUGGESTION,
                        name=item.name,
                        number=number,
                    )
                elif item.kind == "symbol":
                    ctx.report(
                        "symbol",
                        item.start,
                        item.end,
                        suggestions=[Suggestion(replacement, 'Use "-"')],
                        severity=Severity.SUGGESTION,
                        name=item.name,
                    )
                else:
                    ctx.report(
                        "same" if same else "mixed",
                        item.start,
                        item.end,
                        suggestions=[Suggestion(replacement, 'Use "-"', safe=same)],
                        name=item.name,
                    )
