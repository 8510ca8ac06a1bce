"""Shared analysis of a draft's emoji for the emoji rules, computed once per draft.

- :func:`emoji_layout`: runs of emoji (only spaces between), groups of one emoji repeated back to
  back, and "clap" chains ("Thank 👏 you 👏 Kent"), so each pattern is reported by one rule only;
- :func:`bullet_lists` / :func:`bullet_items`: lines that start with an emoji or symbol used as a
  list bullet.

Results are stored in ``ParsedText.cache``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from tonecheck.lexicon import load_toml
from tonecheck.text import Emoji, ParsedText

__all__ = [
    "FLAG",
    "KEYCAP",
    "LETTER",
    "PICTURE",
    "BulletItem",
    "Group",
    "Layout",
    "bullet_items",
    "bullet_lists",
    "emoji_kind",
    "emoji_layout",
]

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
    """Symbols used as bullets (▪ ► →), from the emoji-bullets rule's data file."""
    value = load_toml("rules/emoji-bullets.toml").get("symbols", "")
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
    # (items, run, kind, base) of each group; the items grow in place and are frozen at the end
    # (a new tuple per repeated emoji made a long run quadratic).
    groups: list[tuple[list[Emoji], int, str, str]] = []
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
        if group is not None and kind in (PICTURE, FLAG) and group[2] == kind and group[3] == base:
            group[0].append(e)
        else:
            groups.append(([e], len(runs) - 1, kind, base))
        last = e
    frozen_groups = tuple(Group(tuple(items), run, kind, base) for items, run, kind, base in groups)
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
