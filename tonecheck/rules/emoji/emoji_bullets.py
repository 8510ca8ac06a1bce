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

from collections import Counter
from typing import ClassVar

from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext
from tonecheck.rules.emoji._layout import BulletItem, bullet_lists


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
