"""The same emoji is not repeated, and emoji do not come in long runs

## What it checks

Looks for emoji that screen readers would read again and again:

- the same emoji several times in a row (🔥🔥🔥), counting skin-tone variants as the same emoji;
- the "clap between words" pattern (Thank 👏 you 👏 Kent), where one emoji sits between the words;
- more than three different emoji in a row (🎂🎉🎈🎁), as a suggestion (emoji-count reports the
  total for the whole post);
- the same emoji used again later in the post (🎉 … 🎉), as a suggestion marked on its second use.

Keycap digits (1️⃣0️⃣ is "10"), single regional-indicator letters and letter emoji (🅰 🅱) spell
numbers and words, so they never count as repeats. Rows of one emoji in different skin tones are
left alone: they often stand for different people. Country flags in a row (🇫🇷🇩🇪🇪🇸) name
countries, so they are not a long run, and a flag used in two places (a match score) is not a
repeat. Line-start
emoji that form a list are left to the emoji-bullets rule.

## Why it matters

Screen readers read every emoji by its name, so 🔥🔥🔥 is read as "fire, fire, fire", and an emoji
between every word breaks the sentence apart ("Thank clapping hands you clapping hands Kent").
Accessibility checklists say not to repeat the same emoji.

## Example

```text
This is the best news 🔥🔥🔥
```

## Use instead

```text
This is the best news 🔥
```

## Options

- `max_run`: the most different emoji allowed in a row (default 3).
- `apart`: also report the same emoji used again later in the post (default true).

## Fix

A run of one emoji can be replaced by a single copy (safe for emoji used for emphasis, such as
faces, hearts and 🔥; shown for checking otherwise, since 👶👶 may mean twins). Rating-like emoji
(⭐⭐⭐⭐) get no suggestion: write the number in words. For the clap pattern the suggestion keeps
the words and drops the emoji between them; check it, as an emoji may stand for a word. Long runs
and repeats far apart have no automatic fix: choose the emoji that matters.

## References

- https://accessibility.ucsd.edu/checklists/social-media.html
- https://www.listenincluderespect.com/socialmedia
- https://www.a11ywithlindsey.com/blog/7-ways-tweets-more-accessible
- https://adrianroselli.com/2018/01/improving-your-tweet-accessibility.html
- https://elgin.edu/accessibility/social-media/
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from itertools import pairwise
from typing import Any, ClassVar

from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext, spoken_list
from tonecheck.rules.emoji._layout import FLAG, KEYCAP, LETTER, PICTURE, Group, Layout, bullet_items, emoji_layout
from tonecheck.text import ParsedText


@cache
def _emoji_set(entries: tuple[str, ...]) -> frozenset[str]:
    """A data list of emoji and ranges ("😀-🙏") as a set of single code points and sequences."""
    found: set[str] = set()
    for entry in entries:
        if len(entry) == 3 and entry[1] == "-":
            found.update(chr(c) for c in range(ord(entry[0]), ord(entry[2]) + 1))
        else:
            found.add(entry.replace("\ufe0f", ""))
    return frozenset(found)


def _in_set(base: str, data: Mapping[str, Any], key: str) -> bool:
    return base in _emoji_set(tuple(data.get(key, ())))


def _bullet_starts(parsed: ParsedText) -> frozenset[int]:
    return frozenset(item.start for item in bullet_items(parsed))


@register
class EmojiRepeat(Rule):
    id = "emoji-repeat"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "The same emoji is not repeated, and emoji do not come in long runs"
    messages: ClassVar = {
        "repeated": 'Screen readers say "{spoken}". Use one {emoji}.',
        "repeated-maybe-number": (
            'Screen readers say "{spoken}". Use one {emoji}, or write the number in words if it matters.'
        ),
        "repeated-number": 'Screen readers say "{spoken}". If the number matters, write it in words too.',
        "clap": (
            'Screen readers say "{name}" between the words here. Write the words without the emoji between them.'
        ),
        "long-run": 'Screen readers read {count} emoji in a row here: "{spoken}". Keep one or two.',
        "apart": 'Screen readers say "{name}" {count} times in this post. Use {emoji} once.',
    }
    fix = FixAvailability.SOMETIMES
    tags = frozenset({"readability"})
    references = (
        "https://accessibility.ucsd.edu/checklists/social-media.html",
        "https://www.listenincluderespect.com/socialmedia",
        "https://www.a11ywithlindsey.com/blog/7-ways-tweets-more-accessible",
        "https://adrianroselli.com/2018/01/improving-your-tweet-accessibility.html",
        "https://elgin.edu/accessibility/social-media/",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        parsed = draft.parsed
        if len(parsed.emoji) < 2:
            return
        layout = emoji_layout(parsed)
        in_chain: set[int] = set()
        for chain in layout.clap_chains:
            self._report_clap(draft.text, chain, ctx)
            in_chain.update(g.start for g in chain)
        for group in layout.groups:
            if len(group.items) > 1 and group.start not in in_chain:
                self._report_repeat(group, ctx)
        self._report_long_runs(layout, ctx)
        if ctx.options["apart"]:
            self._report_apart(parsed, layout, in_chain, ctx)

    def _report_clap(self, text: str, chain: tuple[Group, ...], ctx: RuleContext) -> None:
        words = [text[a.end : b.start].strip() for a, b in pairwise(chain)]
        ctx.report(
            "clap",
            chain[0].start,
            chain[-1].end,
            suggestions=[Suggestion(" ".join(words), "Remove the emoji between the words", safe=False)],
            name=chain[0].items[0].name,
        )

    def _report_repeat(self, group: Group, ctx: RuleContext) -> None:
        items = group.items
        if len({e.text for e in items}) > 1:
            return  # different skin tones: often different people, so not a repeat to collapse
        names = [e.name for e in items]
        if _in_set(group.base, self.data, "counted"):
            ctx.report("repeated-number", group.start, group.end, spoken=spoken_list(names))
            return
        first = items[0].text
        safe = group.kind == FLAG or _in_set(group.base, self.data, "emphasis")
        ctx.report(
            "repeated" if safe else "repeated-maybe-number",
            group.start,
            group.end,
            suggestions=[Suggestion(first, f"Use one {first}", safe=safe)],
            spoken=spoken_list(names),
            emoji=first,
        )

    def _report_long_runs(self, layout: Layout, ctx: RuleContext) -> None:
        limit = ctx.options["max_run"]
        by_run: dict[int, list[Group]] = {}
        for group in layout.groups:
            by_run.setdefault(group.run, []).append(group)
        for run_index, groups in by_run.items():
            if len(groups) <= limit or any(g.kind in (KEYCAP, LETTER) for g in groups):
                continue
            if sum(1 for g in groups if g.kind == PICTURE) <= limit:
                continue
            run = layout.runs[run_index]
            ctx.report(
                "long-run",
                run[0].start,
                run[-1].end,
                severity=Severity.SUGGESTION,
                count=len(run),
                spoken=spoken_list([e.name for e in run]),
            )

    def _report_apart(
        self, parsed: ParsedText, layout: Layout, in_chain: set[int], ctx: RuleContext
    ) -> None:
        seen: dict[str, list[Group]] = {}
        for group in layout.groups:
            if group.kind == PICTURE and group.start not in in_chain:
                seen.setdefault(group.base, []).append(group)
        repeated = [groups for groups in seen.values() if len(groups) > 1]
        if not repeated:
            return
        bullets = _bullet_starts(parsed)
        for groups in repeated:
            groups = [g for g in groups if g.start not in bullets]
            if len({g.run for g in groups}) < 2:
                continue  # within one run, the long-run check covers it
            count = sum(len(g.items) for g in groups)
            first = groups[0].items[0]
            ctx.report(
                "apart",
                groups[1].start,
                groups[1].end,
                severity=Severity.SUGGESTION,
                name=first.name,
                count=count,
                emoji=first.text,
            )
