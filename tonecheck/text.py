"""Parse a draft once: URLs, mentions, hashtags, cashtags, emoji, words, sentences and lines.

Every rule reads the same :class:`ParsedText`, so no rule fires inside a URL, a handle or a
hashtag by accident, and no rule tokenises the text again. All spans are half-open code-point
ranges into the original, unmodified text.

Parts that only some rules need (sentences, graphemes, the word list) are computed on first use.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

import regex

from tonecheck import entities, lexicon
from tonecheck._lazy import lazy

__all__ = ["Emoji", "ParsedText", "Spans", "Token", "emoji_name", "grapheme_ends", "parse", "whole_graphemes"]


@dataclass(frozen=True, slots=True)
class Token:
    """A piece of the draft with its kind and code-point span."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Emoji:
    """One emoji (a whole grapheme cluster: ZWJ sequence, skin tone, flag or keycap)."""

    start: int
    end: int
    text: str
    name: str

    @property
    def base(self) -> str:
        """The emoji without skin-tone modifiers or variation selectors, for "same emoji" tests."""
        return _SKIN_TONES.sub("", self.text).replace("\ufe0f", "")


# A grapheme cluster that may be an emoji: it starts with a character that has the Emoji property
# (which includes digits, '#' and '*' for keycaps) or a regional indicator (flags).
_EMOJI_CANDIDATE = regex.compile(r"(?=[\p{Emoji}\p{Regional_Indicator}])\X")
_EMOJI_PRESENTATION = regex.compile(r"[\p{Emoji_Presentation}\p{Emoji_Modifier}\p{Regional_Indicator}]")
_PICTOGRAPHIC = regex.compile(r"\p{Extended_Pictographic}")
_SKIN_TONES = regex.compile(r"[\U0001F3FB-\U0001F3FF]")
# A candidate that starts with one of these belongs to the grapheme before it ("A🏻" is one cluster),
# unless it follows a control character such as a line break.
_CONTINUES = regex.compile(r"[\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}]")
_CONTROL = regex.compile(r"\p{GCB=Control}|\p{GCB=CR}|\p{GCB=LF}")
_KEYCAP = regex.compile(r"[#*0-9]\ufe0f?\u20e3")
_FLAG = regex.compile(r"\p{Regional_Indicator}{2}|\U0001F3F4[\U000E0020-\U000E007E]+\U000E007F")

# Words: letters, marks and digits, with inner apostrophes, hyphens and periods (e.g. "don't",
# "well-known", "GOV.UK", "3.5"). Underscores are not word characters in prose.
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*")

# A sentence ends at terminal punctuation (with closing quotes or brackets) followed by white
# space, or at a line break. Abbreviations ("e.g.", "Dr.") are handled after matching.
_SENTENCE_END = regex.compile(r"[.!?…‼⁉？！。]+['\"”’)\]]*(?=\s|$)|\n")
_SENTENCE_STRIP = " \t\r\n\u00a0"


class Spans:
    """Half-open ``(start, end)`` spans sorted by start (they may overlap), asked about by bisection.

    For rules that test each candidate against earlier findings ("inside a link?", "overlaps a
    face?"): a scan of every span per candidate makes a long draft quadratic.
    """

    __slots__ = ("_ends", "_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._ends = [e for _, e in ordered]
        reach: list[int] = []
        furthest = -1
        for e in self._ends:
            furthest = max(furthest, e)
            reach.append(furthest)
        #: The furthest end among the spans up to each index.
        self._reach = reach

    def __len__(self) -> int:
        return len(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any span overlaps ``[start, end)`` (shares at least one position with it)."""
        i = bisect_left(self._starts, end) - 1
        return i >= 0 and self._reach[i] > start

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans that overlap ``[start, end)``, sorted."""
        found: list[tuple[int, int]] = []
        i = bisect_left(self._starts, end) - 1
        while i >= 0 and self._reach[i] > start:
            if self._ends[i] > start:
                found.append((self._starts[i], self._ends[i]))
            i -= 1
        found.reverse()
        return found

    def contains(self, start: int, end: int) -> bool:
        """Whether one span holds all of ``[start, end)``."""
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and self._reach[i] >= end


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(" " * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


class ParsedText:
    """The tokens of one draft. Build it with :func:`parse`; treat it as read-only."""

    def __init__(self, text: str, *, fediverse: bool = True) -> None:
        self.text = text
        found = entities.extract_entities(text, fediverse=fediverse)
        # twitter-text may end an entity before a combining mark or variation selector; findings must
        # not split a character, so each entity is widened to the end of its last grapheme cluster.
        snap = (lambda end: end) if text.isascii() else (lambda end: _grapheme_end(text, end))
        self.urls = [Token("url", s, snap(e), text[s : snap(e)]) for s, e in found["urls"]]
        self.mentions = [Token("mention", s, snap(e), text[s : snap(e)]) for s, e in found["mentions"]]
        self.hashtags = [Token("hashtag", s, snap(e), text[s : snap(e)]) for s, e in found["hashtags"]]
        self.cashtags = [Token("cashtag", s, snap(e), text[s : snap(e)]) for s, e in found["cashtags"]]
        self.emoji = self._find_emoji()
        entity_spans = sorted(
            (t.start, t.end) for t in (*self.urls, *self.mentions, *self.hashtags, *self.cashtags)
        )
        self.protected = _merge(entity_spans + [(e.start, e.end) for e in self.emoji])
        self._protected_starts = [s for s, _ in self.protected]
        #: The text with URLs, mentions, hashtags, cashtags and emoji blanked out (same length),
        #: for phrase rules that must never match inside them.
        self.prose = _masked(text, self.protected)
        #: Derived analyses shared between rules (for example the reading grade), keyed by name.
        self.cache: dict[str, object] = {}

    # -- entities -----------------------------------------------------------------------------

    def _find_emoji(self) -> list[Emoji]:
        text = self.text
        if text.isascii():
            return []
        found: list[Emoji] = []
        for m in _EMOJI_CANDIDATE.finditer(_scannable(text)):
            start = m.start()
            cluster = text[start : m.end()]
            if start and _CONTINUES.match(cluster) and not _CONTROL.match(text[start - 1]):
                continue
            if _is_emoji(cluster):
                found.append(Emoji(m.start(), m.end(), cluster, emoji_name(cluster)))
        return found

    def is_protected(self, start: int, end: int) -> bool:
        """True when the span overlaps a URL, mention, hashtag, cashtag or emoji."""
        i = bisect_right(self._protected_starts, start) - 1
        if i >= 0 and self.protected[i][1] > start:
            return True
        return i + 1 < len(self.protected) and self.protected[i + 1][0] < end

    # -- words, sentences, lines --------------------------------------------------------------

    @lazy
    def words(self) -> list[Token]:
        """Words of the prose (outside URLs, mentions, hashtags, cashtags and emoji)."""
        prose = self.prose
        return [Token("word", m.start(), m.end(), m.group()) for m in _WORD.finditer(prose)]

    @lazy
    def sentences(self) -> list[Token]:
        """Sentences of the prose, trimmed of surrounding white space; line breaks end sentences."""
        prose = self.prose
        spans: list[Token] = []
        start = 0
        for m in _SENTENCE_END.finditer(prose):
            if m.group() != "\n" and _ends_with_abbreviation(prose, m.start()):
                continue
            self._add_sentence(spans, start, m.end())
            start = m.end()
        self._add_sentence(spans, start, len(prose))
        return spans

    def _add_sentence(self, spans: list[Token], start: int, end: int) -> None:
        text = self.text
        while start < end and text[start] in _SENTENCE_STRIP:
            start += 1
        while end > start and text[end - 1] in _SENTENCE_STRIP:
            end -= 1
        if end > start:
            spans.append(Token("sentence", start, end, text[start:end]))

    @lazy
    def lines(self) -> list[Token]:
        """Lines of the text (without their line breaks), including empty ones."""
        out: list[Token] = []
        start = 0
        text = self.text
        while True:
            nl = text.find("\n", start)
            end = len(text) if nl == -1 else nl
            stop = end - 1 if end > start and text[end - 1] == "\r" else end
            out.append(Token("line", start, stop, text[start:stop]))
            if nl == -1:
                return out
            start = nl + 1

    @lazy
    def _word_starts(self) -> list[int]:
        return [w.start for w in self.words]

    @lazy
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @lazy
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.lines]

    def line_index(self, pos: int) -> int:
        """The index in :attr:`lines` of the line that holds code-point offset *pos* (found by bisection).

        A line break belongs to the line it ends.
        """
        return bisect_right(self._line_starts, pos) - 1

    def line_at(self, pos: int) -> Token:
        """The line that holds code-point offset *pos* (a line break belongs to the line it ends)."""
        return self.lines[self.line_index(pos)]

    def words_in(self, start: int, end: int) -> list[Token]:
        """The prose words that lie inside ``[start, end)``."""
        # Words are sorted and never overlap, so the ones inside form one run: found by bisection, not a scan.
        words = self.words
        i = bisect_left(self._word_starts, start)
        j = i
        while j < len(words) and words[j].end <= end:
            j += 1
        return words[i:j]

    def sentence_at(self, pos: int) -> Token | None:
        """The sentence containing code-point offset *pos*, if any."""
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i].end:
            return self.sentences[i]
        return None

    @lazy
    def grapheme_count(self) -> int:
        """Number of user-perceived characters (extended grapheme clusters)."""
        if self.text.isascii():
            return len(self.text) - self.text.count("\r\n")
        return _count_graphemes(self.text)

    @lazy
    def reply_prefix_end(self) -> int:
        """End of the leading run of @mentions that a client inserts for a reply (0 if none)."""
        end = 0
        text = self.text
        for m in self.mentions:
            if text[end:m.start].strip():
                break
            end = m.end
        return end if end and (end == len(text) or text[end].isspace()) else 0


def parse(text: str, *, fediverse: bool = True) -> ParsedText:
    """Tokenise *text* once. ``fediverse`` also recognises ``@user@instance`` and domain handles."""
    return ParsedText(text, fediverse=fediverse)


_GRAPHEME = regex.compile(r"\X", regex.S)
# Characters that may join the character before them into one cluster, and characters that may join
# the character after them (Unicode UAX #29: marks, joiners, prepended signs, Hangul jamo, regional
# indicators, CR, and Extend for Indic conjuncts). Between two characters outside these classes there is
# always a cluster boundary, so a span only needs a grapheme scan near characters of these classes.
_GLUES_BACK = regex.compile(
    r"[\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}\p{GCB=Regional_Indicator}\p{GCB=L}\p{GCB=V}\p{GCB=T}"
    r"\p{GCB=LV}\p{GCB=LVT}]"
)
_GLUES_ON = regex.compile(
    r"[\p{GCB=Prepend}\p{GCB=ZWJ}\p{GCB=Extend}\p{GCB=Regional_Indicator}\p{GCB=L}\p{GCB=V}\p{GCB=T}"
    r"\p{GCB=LV}\p{GCB=LVT}\p{GCB=CR}]"
)
_GLUE = regex.compile(_GLUES_BACK.pattern[:-1] + _GLUES_ON.pattern[1:])
# In a run of regional indicators (flags) each pair is one cluster, and the `regex` module counts the
# run back from every position (quadratic); the second of each pair is replaced by a spacing mark,
# which keeps the pairs as clusters, for scanning only.
_RI_PAIR = regex.compile(r"(\p{Regional_Indicator})\p{Regional_Indicator}")
_RI_STAND_IN = "\u0903"  # DEVANAGARI SIGN VISARGA, GCB=SpacingMark: joins the indicator before it


def _scannable(text: str) -> str:
    """*text* with the same length and clusters, but flag pairs that the grapheme pattern scans in linear time."""
    if _RI_PAIR.search(text) is None:
        return text
    return _RI_PAIR.sub("\\1" + _RI_STAND_IN, text)


_RI = regex.compile(r"\p{Regional_Indicator}")


def grapheme_ends(text: str, start: int = 0, end: int | None = None) -> list[int]:
    r"""The end offset of each grapheme cluster that ``\X`` finds from *start* up to *end* in *text*.

    The same clusters as ``regex.compile(r"\X").finditer(text, start, end)`` (a cluster may begin at
    *start* even inside a flag, as there), but linear on runs of flags, where the pattern is quadratic.
    """
    stop = len(text) if end is None else min(end, len(text))
    if start >= stop:
        return []
    if _RI.search(text, start, stop) is None:
        return list(accumulate(map(len, _GRAPHEME.findall(text, start, stop)), initial=start))[1:]
    # Scan from a sure boundary at or before *start*: nothing before it changes a cluster after it.
    first = start
    while not _boundary(text, first):
        first -= 1
    window = _scannable(text[first:stop])
    return list(accumulate(map(len, _GRAPHEME.findall(window, start - first)), initial=start))[1:]


def _boundary(text: str, pos: int) -> bool:
    """True when a grapheme cluster boundary surely lies at *pos* (False means: scan to know)."""
    return (
        pos <= 0
        or pos >= len(text)
        or text[pos - 1] == "\n"
        or not (_GLUES_BACK.match(text, pos) or _GLUES_ON.match(text, pos - 1))
    )


def _cluster_at(text: str, pos: int) -> tuple[int, int]:
    """The grapheme cluster that contains *pos*, found near it.

    Only the characters between the sure boundaries either side of *pos* are scanned (not the whole
    line), so widening every finding of a long draft stays linear.
    """
    first = pos
    while not _boundary(text, first):
        first -= 1
    last = pos + 1
    while not _boundary(text, last):
        last += 1
    window = _scannable(text[first:last])
    for m in _GRAPHEME.finditer(window):
        if m.end() + first > pos:
            return m.start() + first, m.end() + first
    return pos, last


def _count_graphemes(text: str) -> int:
    """Grapheme clusters in *text*: each character outside a run of joining ones counts one, without a scan."""
    glue = list(_GLUE.finditer(text))
    if len(glue) * 8 > len(text):  # mostly joining characters: one scan of the whole text is quicker
        return len(_GRAPHEME.findall(_scannable(text)))
    count = pos = 0
    for m in glue:
        if m.start() < pos:
            continue
        first = m.start()
        while first > pos and not _boundary(text, first):
            first -= 1
        last = m.end()
        while not _boundary(text, last):
            last += 1
        count += first - pos + len(_GRAPHEME.findall(_scannable(text[first:last])))
        pos = last
    return count + len(text) - pos


def whole_graphemes(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole user-perceived characters (a mark or joiner may cling to a neighbour)."""
    if text.isascii():
        return start, end
    if end <= start:
        return _whole_graphemes_scan(text, start, end, text.rfind("\n", 0, start) + 1)
    # Each edge is settled by the few characters around it (a line break is always a boundary).
    new_start = start if _boundary(text, start) else _cluster_at(text, start)[0]
    new_end = end if _boundary(text, end) else _cluster_at(text, end - 1)[1]
    return new_start, new_end


def _whole_graphemes_scan(text: str, start: int, end: int, line_start: int) -> tuple[int, int]:
    """:func:`whole_graphemes` for an empty span: the clusters from the start of its line."""
    new_start, new_end = start, end
    for m in _GRAPHEME.finditer(_scannable(text), line_start):
        if m.start() <= start < m.end():
            new_start = m.start()
        if m.end() >= end:
            new_end = m.end()
            break
    return new_start, new_end


def _grapheme_end(text: str, end: int) -> int:
    while end < len(text) and _CONTINUES.match(text[end]):
        end += 1
    return end


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _is_emoji(cluster: str) -> bool:
    """Whether a grapheme cluster is shown as an emoji (not a digit, '#', '©' or a text arrow)."""
    if "\ufe0e" in cluster:  # text presentation requested
        return False
    if len(cluster) > 1 and cluster[0] in "#*0123456789":
        return _KEYCAP.fullmatch(cluster) is not None
    if cluster[0] in "#*0123456789":
        return False
    if "\ufe0f" in cluster or _EMOJI_PRESENTATION.search(cluster):
        return True
    # Text-default pictographs from U+2600 up (☀ ❤ ✔ ✈) are shown as emoji by most phones and read by
    # name; ©, ®, ™, ‼ and arrows below U+2600 read as ordinary symbols.
    first = cluster[0]
    return ord(first) >= 0x2600 and _PICTOGRAPHIC.match(first) is not None


@cache
def emoji_name(cluster: str) -> str:
    """What a screen reader announces for an emoji: its CLDR short name ("fire", "red heart")."""
    data = lexicon.emoji_data()
    for candidate in (cluster, cluster.replace("\ufe0f", ""), cluster[0] + "\ufe0f" + cluster[1:]):
        entry = data.get(candidate)
        if entry:
            name = _clean_name(str(entry["en"]))
            if _FLAG.match(cluster) and not name.startswith("flag"):
                name = "flag: " + name  # CLDR names flags "flag: France"; the emoji package omits "flag"
            return name
    try:
        return unicodedata.name(cluster[0]).lower()
    except ValueError:
        return "emoji"


def _clean_name(cldr: str) -> str:
    name = cldr.strip(":").replace("_", " ")
    if name.startswith("keycap ") and ":" not in name:
        return "keycap: " + name[len("keycap ") :]
    # The emoji package writes skin tones as "... medium skin tone"; screen readers say "...: medium skin tone".
    for tone in ("light", "medium-light", "medium", "medium-dark", "dark"):
        suffix = f" {tone} skin tone"
        if name.endswith(suffix) and ":" not in name:
            return name[: -len(suffix)] + ":" + suffix
    return name


def _ends_with_abbreviation(prose: str, end: int) -> bool:
    """True when the '.' at *end* closes a known abbreviation such as "e.g." or "Dr."."""
    if prose[end] != ".":
        return False
    start = end
    while start > 0 and not prose[start - 1].isspace() and prose[start - 1] not in "([\"'“‘":
        start -= 1
    word = prose[start : end + 1].lower()
    return word in lexicon.abbreviations()
