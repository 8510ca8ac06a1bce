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
Government guidance is not to repeat the same emoji.

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

- https://stagingmolly.molevalley.gov.uk/?p=5007
- https://www.listenincluderespect.com/socialmedia
- https://www.a11ywithlindsey.com/blog/7-ways-tweets-more-accessible
- https://adrianroselli.com/2018/01/improving-your-tweet-accessibility.html
- https://elgin.edu/accessibility/social-media/
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any, ClassVar

import regex

from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext, spoken_list
from tonecheck.rules.emoji.emoji_bullets import bullet_items
from tonecheck.text import Emoji, ParsedText

# White space that does not end a line: emoji separated only by this form one run.
_INLINE_SPACE = regex.compile(r"[^\S\n\r\v\f\x85\u2028\u2029]*")
# The gap of the clap pattern: exactly one word between two emoji, on one line.
_ONE_WORD = regex.compile(
    r"[^\S\n\r\v\f\x85\u2028\u2029]*([\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*)[^\S\n\r\v\f\x85\u2028\u2029]*"
)
_REGIONAL = range(0x1F1E6, 0x1F200)
_TAGS = range(0xE0020, 0xE0080)
# Emoji that stand for letters: the A, B, O, P and AB buttons and circled M.
_LETTER_EMOJI = frozenset("🅰🅱🅾🅿🆎Ⓜ")

KEYCAP = "keycap"
FLAG = "flag"
LETTER = "letter"
PICTURE = "emoji"


def emoji_kind(e: Emoji) -> str:
    """``keycap`` (1️⃣ 🔟), ``flag`` (🇫🇷 🏴󠁧󠁢󠁳󠁣󠁴󠁿), ``letter`` (🅰, a lone 🇱) or ``emoji``."""
    first = e.text[0]
    if first in "#*0123456789" or e.text == "🔟":
        return KEYCAP
    if ord(first) in _REGIONAL:
        return FLAG if len(e.text) == 2 else LETTER
    if first == "🏴" and len(e.text) > 1 and ord(e.text[1]) in _TAGS:
        return FLAG
    if first in _LETTER_EMOJI:
        return LETTER
    return PICTURE


@dataclass(frozen=True, slots=True)
class Group:
    """One emoji, or the same emoji repeated back to back, inside a run."""

    items: tuple[Emoji, ...]
    run: int
    kind: str
    #: The emoji without skin tone or variation selector.
    base: str

    @property
    def start(self) -> int:
        """Start of the first emoji."""
        return self.items[0].start

    @property
    def end(self) -> int:
        """End of the last emoji."""
        return self.items[-1].end


@dataclass(frozen=True, slots=True)
class Layout:
    """How the emoji of a draft sit together: runs (only spaces between) and groups of one emoji."""

    runs: tuple[tuple[Emoji, ...], ...]
    groups: tuple[Group, ...]
    clap_chains: tuple[tuple[Group, ...], ...]


def emoji_layout(parsed: ParsedText) -> Layout:
    """The runs, groups and clap chains of *parsed* (computed once per draft, shared by the emoji rules)."""
    cached = parsed.cache.get("emoji-layout")
    if isinstance(cached, Layout):
        return cached
    layout = _build_layout(parsed)
    parsed.cache["emoji-layout"] = layout
    return layout


def _build_layout(parsed: ParsedText) -> Layout:
    text = parsed.text
    runs: list[list[Emoji]] = []
    groups: list[Group] = []
    current: list[Emoji] = []
    last: Emoji | None = None
    for e in parsed.emoji:
        kind = emoji_kind(e)
        base = e.base
        joined = last is not None and (last.end == e.start or _INLINE_SPACE.fullmatch(text, last.end, e.start))
        if not joined:
            current = []
            runs.append(current)
        current.append(e)
        group = groups[-1] if joined and groups else None
        if group is not None and kind in (PICTURE, FLAG) and group.kind == kind and group.base == base:
            groups[-1] = Group((*group.items, e), group.run, kind, base)
        else:
            groups.append(Group((e,), len(runs) - 1, kind, base))
        last = e
    frozen_groups = tuple(groups)
    return Layout(
        runs=tuple(tuple(r) for r in runs),
        groups=frozen_groups,
        clap_chains=tuple(_clap_chains(parsed, frozen_groups)),
    )


def _clap_chains(parsed: ParsedText, groups: tuple[Group, ...]) -> Iterable[tuple[Group, ...]]:
    """Chains of one emoji placed between single words: "Thank 👏 you 👏 Kent"."""
    text = parsed.text
    chain: list[Group] = []
    for group in groups:
        if chain:
            prev = chain[-1]
            gap = _ONE_WORD.fullmatch(text, prev.end, group.start)
            if (
                gap is not None
                and group.kind == PICTURE
                and group.base == prev.base
                and parsed.prose[gap.start(1)] != " "  # the word is prose, not part of a link or tag
            ):
                chain.append(group)
                continue
            if _is_clap_chain(parsed, chain):
                yield tuple(chain)
        chain = [group] if group.kind == PICTURE else []
    if _is_clap_chain(parsed, chain):
        yield tuple(chain)


def _is_clap_chain(parsed: ParsedText, chain: list[Group]) -> bool:
    if len(chain) >= 3:
        return True
    if len(chain) < 2:
        return False
    # Two emoji: only when the words form a short phrase of their own, with words before and after
    # ("Thank 👏 you 👏 Kent"), not two sentence endings ("Love it ❤️ Thanks ❤️ See you").
    before = _word_before(parsed, chain[0].start)
    after = _word_after(parsed, chain[-1].end)
    if before is None or after is None:
        return False
    return _phrase_edge_before(parsed.text, before) or _phrase_edge_after(parsed.text, after)


def _word_before(parsed: ParsedText, pos: int) -> int | None:
    """Start of the prose word that ends just before *pos* (only inline spaces between), if any."""
    text, prose = parsed.text, parsed.prose
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    if i == 0 or not _is_word_char(prose[i - 1]):
        return None
    while i > 0 and (_is_word_char(prose[i - 1]) or prose[i - 1] in "'’"):
        i -= 1
    return i


def _word_after(parsed: ParsedText, pos: int) -> int | None:
    """End of the prose word that starts just after *pos* (only inline spaces between), if any."""
    text, prose = parsed.text, parsed.prose
    i, n = pos, len(text)
    while i < n and text[i] in " \t\u00a0":
        i += 1
    if i == n or not _is_word_char(prose[i]):
        return None
    while i < n and (_is_word_char(prose[i]) or prose[i] in "'’"):
        i += 1
    return i


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _phrase_edge_before(text: str, start: int) -> bool:
    """True when the word at *start* opens its line or follows punctuation."""
    i = start
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    return i == 0 or text[i - 1] in "\n\r.!?:;,\"“”'‘’()[]…"


def _phrase_edge_after(text: str, end: int) -> bool:
    """True when the word ending at *end* closes its line or comes before punctuation."""
    i, n = end, len(text)
    while i < n and text[i] in " \t\u00a0":
        i += 1
    return i == n or text[i] in "\n\r.!?:;,\"“”'‘’()[]…"


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
        "https://stagingmolly.molevalley.gov.uk/?p=5007",
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
