"""Posts keep to a few emoji

## What it checks

Counts the emoji in the post and flags the ones past the limit (three by default). An emoji is
counted whole: a skin tone, a flag, a keycap or a family (👨‍👩‍👧) is one emoji. The same emoji
repeated back to back (🔥🔥🔥) counts once here, because the emoji-repeat rule reports it. Emoji
used as list bullets (✅ at the start of each line) are not counted: the emoji-bullets rule reports
them, and a post is not flagged twice for one problem.

## Why it matters

Screen readers read every emoji by its name ("party popper, fire, blue heart"), so a post full of
emoji takes longer to hear and buries the message. Accessibility guides say to use
two or three at most.

## Example

```text
Our summer fair is back 🎉 Food 🍔 music 🎶 games 🎯 and more ☀️
```

## Use instead

```text
Our summer fair is back, with food, music, games and more 🎉
```

## Options

`max`: the most emoji a post may have (default 3).

## Fix

No automatic fix: keep the one to three emoji that matter most, at the end of the post.

## References

- https://accessibility.ucsd.edu/checklists/social-media.html
- https://elgin.edu/accessibility/social-media/
- https://www.insytful.com/community/blog/three-accessibility-mistakes-youre-probably-making-on-social-media
"""

from __future__ import annotations

from typing import ClassVar

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext, overflow_span, spoken_list
from tonecheck.rules.emoji._layout import bullet_items, emoji_layout


@register
class EmojiCount(Rule):
    id = "emoji-count"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Posts keep to a few emoji"
    messages: ClassVar = {
        "too-many": (
            'This post has {count} emoji, and screen readers read each one: "{spoken}". Keep to {max}.'
        ),
        "besides-bullets": (
            'This post has {count} emoji besides its list bullets, and screen readers read each one: "{spoken}". '
            "Keep to {max}."
        ),
    }
    tags = frozenset({"readability"})
    references = (
        "https://accessibility.ucsd.edu/checklists/social-media.html",
        "https://elgin.edu/accessibility/social-media/",
        "https://www.insytful.com/community/blog/three-accessibility-mistakes-youre-probably-making-on-social-media",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        parsed = draft.parsed
        found = parsed.emoji
        limit = ctx.options["max"]
        if len(found) <= limit:
            return
        groups = emoji_layout(parsed).groups
        if len(groups) <= limit:
            return
        # Bullets are emoji-bullets' finding: one problem, one report.
        bullets = {item.start for item in bullet_items(parsed)}
        if bullets:
            found = [e for e in found if e.start not in bullets]
            groups = tuple(g for g in groups if g.start not in bullets)
            if len(groups) <= limit:
                return
        start, end = overflow_span(parsed, groups, limit)
        ctx.report(
            "besides-bullets" if bullets else "too-many",
            start,
            end,
            count=len(found),
            max=limit,
            spoken=spoken_list([e.name for e in found]),
        )
