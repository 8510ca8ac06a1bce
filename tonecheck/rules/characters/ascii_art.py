r"""Feelings and pictures are not drawn with punctuation and symbols

## What it checks

Three kinds of pictures made of characters:

- text emoticons such as `:)`, `;-)`, `:P`, `XD`, `<3`, `:-/` and `^_^`;
- kaomoji such as `¯\_(ツ)_/¯`, `(╯°□°)╯︵ ┻━┻` and `( ͡° ͜ʖ ͡°)`;
- ASCII art: lines made mostly of symbols, such as box drawings, braille-pattern pictures and the
  "sign bunny".

An emoticon must stand on its own, after a space or at the start, so times (12:30), ratios (3:1),
Bible verses (John 3:16), list items ("a)", "8)"), a colon before a bracket ("(see note:)") and
links are left alone. A bracketed group is a kaomoji only when it is made of face parts, so
Japanese text such as "（笑）", ordinary brackets and logic ("(∀x∃y)") are not flagged. A line of
six characters or more, or a block of three or more shorter lines, is art when more than 60% of
its characters are symbols and it uses at least three different ones: divider lines ("-----",
"═════"), star ratings ("★★★★☆") and markdown tables are not art, and links, handles, hashtags
and emoji count as text. Code between backticks is skipped.

One emoticon is reported at `suggestion` severity; two or more, kaomoji and art are warnings.

## Why it matters

Screen readers read these pictures one symbol at a time, or skip them: a shrug can come out as
"macron, backslash, underscore, left paren". Clemson University's accessibility guide gives this
example, and mass.gov's social media guidance says to avoid ASCII art.

Emoticons are read as punctuation ("colon, right paren"), and the feeling is lost.

## Example

```text
Monday again ¯\_(ツ)_/¯
```

## Use instead

```text
Monday again. Oh well! 🤷
```

## Options

`min_line_length`: the fewest characters (not counting spaces) in a line of art (default 6).

`min_symbol_ratio`: the share of symbols above which a line counts as art (default 0.6).

`min_distinct_symbols`: the fewest different symbols in a line or block of art (default 3), so
dividers and ratings are left alone.

`several_emoticons`: from this many emoticons in a post, each is a warning (default 2).

## Fix

No automatic fix: say the feeling in words, or use one emoji at the end of the sentence. Post art
as an image with alt text.

## References

- https://clemson.edu/accessibility/digital/guides/social-media/index.html
- https://www.mass.gov/info-details/social-media-post-accessibility-0
- https://communications.dpc.nsw.gov.au/digital/website-accessibility-wcag/social-media/
- https://ada.uky.edu/digital-accessibility/social-media
- https://www.path.ie/news/social-media-accessibility
- https://adrianroselli.com/2021/10/blaming-screen-readers-red-flag.html
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

import regex

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext, spoken_list
from tonecheck.text import Spans, whole_graphemes

# A text emoticon standing on its own: after the start, a space or an opening bracket or quote, and
# before the end, a space or closing punctuation.
_EMOTICON = regex.compile(
    r"""
    (?<![^\s(\["'“‘.…!?])
    (?:
        [:;]['’]?[-^oO]?(?:\)+|\(+|\]+|\[+|D+|P+|p+|/|\\|\|+|O|o|3+|\*)
      | =[-^]?(?:\)+|\(+|D+|P+|p+)
      | <+/?3+
      | [xX]D+
      | \^_*\^ | \^\.\^ | \^o\^ | -_+- | T_+T | >_+< | >\.< | o_O | O_o | o\.O | O\.o
      | x_x | X_X | ;_; | u_u | =_= | -\.-
    )
    (?=$|[\s.,!?…"'”’)\]])
    """,
    regex.X,
)
# A bracketed group that may be a kaomoji face.
_BRACKETS = regex.compile(r"[(（ʕ༼][^()（）ʕʔ༼༽\n]{1,14}[)）ʔ༽]")
# An ASCII-only face inside brackets: eye, mouth, eye ("-_-", "o.O", "^o^", "T_T").
_ASCII_FACE = regex.compile(r"^[*;]?[\^\-T><oO=;@xX~*'`uU.][_.o]+[\^\-T><oO=;@xX~*'`uU.][;*'`]*$")
# What may come just before an emoticon: a space, an opening bracket or quote, or the end of a
# sentence ("so good...:)").
_BEFORE_EMOTICON = frozenset("([\"'“‘.…!?")
# Three symbols close together (a cheap test before looking for lines of art). The standard
# library's engine is faster than `regex` for this simple class.
_ART_HINT = re.compile(
    r"[^\w\s.,!?:;\"'“”‘’«»…‼⁉¿¡#@&%。、，！？：；][ ]?[^\w\s.,!?:;\"'“”‘’«»…‼⁉¿¡#@&%。、，！？：；]"
    r"[ ]?[^\w\s.,!?:;\"'“”‘’«»…‼⁉¿¡#@&%。、，！？：；]"
)
_CODE = regex.compile(r"```.*?(?:```|$)|`[^`\n]+`", regex.S)
_ALNUM = regex.compile(r"[\p{L}\p{N}]")
_DIGIT = regex.compile(r"\d")
_UNIT = regex.compile(r"°[CFK]")
# Punctuation that ends a kaomoji's arms and does not count as a symbol in a line of art.
_PROSE_PUNCTUATION = frozenset(".,!?:;\"'“”‘’«»…‼⁉¿¡#@&%。、，！？：；「」『』【】〈〉《》・")
_ART_CATEGORIES = frozenset({"So", "Sm", "Sk", "Pc", "Pd", "Ps", "Pe", "Po"})
_BRAILLE_BLANK = "\u2800"
# One user-perceived character (extended grapheme cluster): finding spans never split one.
_SPACERS = frozenset("\u2800\u3164\uffa0\u115f\u1160\u200b\u200c\u200d\u2060\ufeff")


@dataclass(frozen=True, slots=True)
class _Data:
    face: frozenset[str]
    arms: frozenset[str]
    shrug: regex.Pattern[str]
    names: Mapping[str, str]


@register
class AsciiArt(Rule):
    id = "ascii-art"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Feelings and pictures are not drawn with punctuation and symbols"
    messages: ClassVar = {
        "emoticon": 'Screen readers may read "{text}" as "{spoken}". Use words, or one emoji at the end.',
        "kaomoji": (
            'Screen readers read "{text}" one symbol at a time: "{spoken}". Say the feeling in words.'
        ),
        "art": (
            'Screen readers read this picture one symbol at a time: "{spoken}". Post it as an image '
            "with alt text, or describe it in words."
        ),
    }
    tags = frozenset({"screen-reader"})
    references = (
        "https://clemson.edu/accessibility/digital/guides/social-media/index.html",
        "https://www.mass.gov/info-details/social-media-post-accessibility-0",
        "https://communications.dpc.nsw.gov.au/digital/website-accessibility-wcag/social-media/",
        "https://ada.uky.edu/digital-accessibility/social-media",
        "https://www.path.ie/news/social-media-accessibility",
        "https://adrianroselli.com/2021/10/blaming-screen-readers-red-flag.html",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        prose = draft.parsed.prose
        if "`" in prose:
            prose = _mask(prose, ((m.start(), m.end()) for m in _CODE.finditer(prose)))
        data = _data()
        kaomoji = _kaomoji(prose, data) if "(" in prose or not prose.isascii() else []
        faces = Spans(kaomoji)
        emoticons = [(s, e) for s, e in _emoticons(prose, draft.text) if not faces.overlaps(s, e)]
        art: list[tuple[int, int]] = []
        if _ART_HINT.search(prose):
            # Links, handles, hashtags, emoji and emoticons count as text when judging a line of art.
            lines = _mask(_mask(prose, emoticons, "x"), draft.parsed.protected, "x")
            art = _art(lines, kaomoji, ctx.options)
        if art:  # a face or emoticon inside a picture is part of it
            pictures = Spans(art)
            kaomoji = [(s, e) for s, e in kaomoji if not pictures.contains(s, e)]
            emoticons = [(s, e) for s, e in emoticons if not pictures.contains(s, e)]
        found = [("kaomoji", s, e) for s, e in kaomoji] + [("art", s, e) for s, e in art]
        found += [("emoticon", s, e) for s, e in emoticons]
        several = len(emoticons) >= ctx.options["several_emoticons"]
        text = draft.text
        for message_id, start, end in sorted(found, key=lambda f: f[1]):
            severity = None
            if message_id == "emoticon" and not several:
                severity = Severity.SUGGESTION
            start, end = whole_graphemes(text, start, end)
            shown = text[start:end]
            ctx.report(
                message_id, start, end, severity=severity,
                text=shown, spoken=_spoken(shown, data.names),
            )


# -- emoticons ---------------------------------------------------------------------------------


def _emoticons(prose: str, text: str) -> list[tuple[int, int]]:
    out = []
    brackets = _Brackets(prose)
    for m in _EMOTICON.finditer(prose):
        start, end = m.start(), m.end()
        if start > 0 and not text[start - 1].isspace() and text[start - 1] not in _BEFORE_EMOTICON:
            continue  # right after a link, handle or emoji: "example.com/:)"
        face = m.group()
        if face[-1].isdigit() and _after_number(prose, start):
            continue  # "scored 2 :3"
        if face.endswith("))") and brackets.open_before(start):
            end -= 1  # "(so good :))": the last bracket closes the aside
        out.append((start, end))
    return out


def _after_number(prose: str, start: int) -> bool:
    i = start
    while i > 0 and prose[i - 1].isspace():
        i -= 1
    return i > 0 and prose[i - 1].isdigit()


class _Brackets:
    """Whether a bracket is open on a line before a position, counted once as the positions move on."""

    __slots__ = ("_balance", "_pos", "_prose")

    def __init__(self, prose: str) -> None:
        self._prose = prose
        self._pos = self._balance = 0  # counted up to _pos, from the start of its line

    def open_before(self, start: int) -> bool:
        """More "(" than ")" between the start of the line and *start* (cheap when asked in increasing order)."""
        prose = self._prose
        if start < self._pos:
            self._pos = self._balance = 0
        line_break = prose.rfind("\n", self._pos, start)
        if line_break != -1:
            self._pos, self._balance = line_break + 1, 0
        self._balance += prose.count("(", self._pos, start) - prose.count(")", self._pos, start)
        self._pos = start
        return self._balance > 0


# -- kaomoji -----------------------------------------------------------------------------------


def _kaomoji(prose: str, data: _Data) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in data.shrug.finditer(prose)]
    shrugs = Spans(spans)
    # Bracketed groups come in order and a face only widens its group, so a later group overlaps an
    # earlier face exactly when it starts before the furthest end of the faces so far.
    reach = -1
    for m in _BRACKETS.finditer(prose):
        start, end = m.start(), m.end()
        if reach > start or shrugs.overlaps(start, end):
            continue
        has_arms = (start > 0 and prose[start - 1] in data.arms) or (end < len(prose) and prose[end] in data.arms)
        if not _is_face(m.group()[1:-1], has_arms, data):
            continue
        face = _extend(prose, start, end, data)
        spans.append(face)
        reach = max(reach, face[1])
    return sorted(spans)


def _is_face(inner: str, has_arms: bool, data: _Data) -> bool:
    """Whether the inside of a bracketed group is a face: made of face parts, not words or numbers."""
    if _DIGIT.search(inner) or _UNIT.search(inner):
        return False
    previous_letter = False
    strong = 0
    for ch in inner:
        if ch in data.face:
            strong += 1
            previous_letter = False
        elif ch.isalpha():
            if previous_letter:
                return False  # a word: "(笑う)", "(see note)"
            previous_letter = True
        else:
            previous_letter = False
    if strong == 0:
        bare = inner.replace(" ", "")
        # Not "(...)" nor the file pattern "(*.*)".
        return len(set(bare)) >= 2 and bare != "*.*" and _ASCII_FACE.match(bare) is not None
    others = sum(1 for ch in inner if not ch.isspace() and ch not in data.face and not ch.isalpha())
    return strong >= 2 or (strong >= 1 and (others >= 1 or has_arms))


def _extend(prose: str, start: int, end: int, data: _Data) -> tuple[int, int]:
    """Widen a face to its arms and props: ヽ(…)ノ, (╯°□°)╯︵ ┻━┻, ┬─┬ノ( º _ ºノ)."""

    def part(ch: str) -> bool:
        return ch in data.arms or ch in data.face or (
            not ch.isspace() and not ch.isalnum() and ch not in _PROSE_PUNCTUATION
        )

    while start > 0 and part(prose[start - 1]):
        start -= 1
    while end < len(prose) and part(prose[end]):
        end += 1
    # A table as a prop, one space away: "(╯°□°)╯︵ ┻━┻", "┬─┬ ノ( ゜-゜ノ)".
    after = end + 1
    while after < len(prose) and prose[end] == " " and _is_box(prose[after]):
        after += 1
    if after - end > 2:
        end = after
    before = start - 2
    while before >= 0 and prose[start - 1] == " " and _is_box(prose[before]):
        before -= 1
    if start - before > 3:
        start = before + 1
    return start, end


def _is_box(ch: str) -> bool:
    """Box drawing and block elements, and the presentation brackets that kaomoji draw tables with."""
    return "\u2500" <= ch <= "\u259f" or ch in "︵︶"


# -- art ---------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    art: bool  # mostly symbols (and at least three characters)
    long: bool  # and at least min_line_length characters
    symbols: frozenset[str]


# Art lines shorter than min_line_length count in a block of at least this many ("More than 2 lines
# of mostly non-alphanumeric characters", the catalogue's threshold for ASCII art).
_SHORT_LINES_IN_A_BLOCK = 3
_SHORTEST_LINE = 3


def _art(prose: str, kaomoji: list[tuple[int, int]], options: Mapping[str, Any]) -> list[tuple[int, int]]:
    """Blocks of lines of art. A single line that is only a kaomoji is left to the kaomoji finding."""
    lines = _art_lines(prose, options)
    if not any(line.art for line in lines):
        return []
    faces = Spans(kaomoji)
    found = []
    i = 0
    while i < len(lines):
        if not lines[i].art:
            i += 1
            continue
        j = i
        # A block goes on over one line of text framed by art (the words on the sign bunny's sign).
        while j + 1 < len(lines) and (
            lines[j + 1].art or (j + 2 < len(lines) and lines[j + 2].art and _has_text(prose, lines[j + 1]))
        ):
            j += 1
        block = lines[i : j + 1]
        i = j + 1
        art_lines = [line for line in block if line.art]
        if not any(line.long for line in art_lines) and len(art_lines) < _SHORT_LINES_IN_A_BLOCK:
            continue
        symbols = frozenset().union(*(line.symbols for line in art_lines))
        if len(symbols) < options["min_distinct_symbols"]:
            continue
        start = block[0].start + _leading(prose, block[0])
        end = block[-1].end - _trailing(prose, block[-1])
        if len(block) == 1 and faces.overlaps(start, end):
            inside = [(max(s, start) - start, min(e, end) - start) for s, e in faces.overlapping(start, end)]
            rest = _art_lines(_mask(prose[start:end], inside), options)[0]
            if not rest.long or len(rest.symbols) < options["min_distinct_symbols"]:
                continue
        found.append((start, end))
    return found


def _art_lines(prose: str, options: Mapping[str, Any]) -> list[_Line]:
    lines: list[_Line] = []
    min_length = options["min_line_length"]
    ratio = options["min_symbol_ratio"]
    pos = 0
    for raw in prose.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        art = False
        symbols: frozenset[str] = frozenset()
        if len(raw) >= _SHORTEST_LINE and not raw.isalnum():
            braille = not raw.isascii() and any("\u2801" <= ch <= "\u28ff" for ch in raw)
            content = [
                ch for ch in raw
                if not ch.isspace() and (ch not in _SPACERS or (braille and ch == _BRAILLE_BLANK))
            ]
            if len(content) >= _SHORTEST_LINE and len(_ALNUM.findall(raw)) < (1 - ratio) * len(content):
                found = [ch for ch in content if _is_art_symbol(ch)]
                symbols = frozenset(found)
                # A line of one symbol repeated is a divider ("-----", "═════"), except in braille pictures.
                divider = len(symbols) == 1 and len(found) == len(content) and not braille
                art = len(found) > ratio * len(content) and not divider
        lines.append(_Line(start, end, art, art and len(content) >= min_length, symbols if art else frozenset()))
    return lines


def _is_art_symbol(ch: str) -> bool:
    if ch in _PROSE_PUNCTUATION:
        return False
    return "\u2800" <= ch <= "\u28ff" or _category(ch) in _ART_CATEGORIES


@cache
def _category(ch: str) -> str:
    return unicodedata.category(ch)


def _has_text(prose: str, line: _Line) -> bool:
    return _ALNUM.search(prose, line.start, line.end) is not None


def _leading(prose: str, line: _Line) -> int:
    raw = prose[line.start : line.end]
    return len(raw) - len(raw.lstrip())


def _trailing(prose: str, line: _Line) -> int:
    raw = prose[line.start : line.end]
    return len(raw) - len(raw.rstrip())


# -- helpers -----------------------------------------------------------------------------------


def _mask(text: str, spans: Iterable[tuple[int, int]], fill: str = " ") -> str:
    """*text* with the spans replaced by *fill* characters (line breaks kept)."""
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append("".join("\n" if ch == "\n" else fill for ch in text[start:end]))
        pos = end
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)



def _spoken(shown: str, names: Mapping[str, str], limit: int = 4) -> str:
    spoken = []
    for ch in shown:
        if ch.isspace() or ch in _SPACERS or unicodedata.combining(ch):
            continue
        name = names.get(ch)
        if name is None:
            name = ch if ch.isascii() and ch.isalnum() else unicodedata.name(ch, "symbol").lower()
        spoken.append(name)
    return spoken_list(spoken, limit)


@cache
def _data() -> _Data:
    """The rule's character lists, read once."""
    data: Mapping[str, Any] = AsciiArt.data
    kaomoji = data["kaomoji"]
    return _Data(
        face=frozenset(kaomoji["face"]),
        arms=frozenset(kaomoji["arms"]),
        shrug=regex.compile(kaomoji["shrug"]),
        names=dict(data["names"]),
    )
