"""X's post length, counted as twitter-text v3 counts it (``parseTweet``).

This is a port of ``parseTweet`` from **twitter-text 3.1.0** (the ``twitter-text`` npm package,
https://github.com/twitter/twitter-text, Copyright 2018 Twitter, Inc., licensed under the Apache
License, Version 2.0). Its configurations (``config/v3.json``, ``config/v2.json``) are in
``tonecheck/data/twitter-text.toml``. twitter-text's conformance cases for weighted length
(``conformance/validate.yml``: ``WeightedTweetsCounterTest``, ``WeightedTweetsWithDiscountedEmojiCounterTest``
and ``UnicodeDirectionalMarkerCounterTest``) pass in full, all seven fields; see
``tests/test_twitter_count.py``, which also compares random texts with the JavaScript run in Node.

>>> parse_tweet("Hi http://test.co").weighted_length
26
>>> weighted_length("故人西辞"), weighted_length("👨‍👩‍👧‍👦"), weighted_length("👨‍👩‍👧‍👦", version=2)
(8, 2, 11)

The algorithm (``parseTweet.js``):

1. Normalise the text to NFC.
2. Find its URLs with twitter-text's extractor (:func:`tonecheck.entities.extract_urls`, which also
   finds URLs without a scheme, such as ``example.com``) and, under v3, its emoji sequences.
3. Walk the normalised text. A URL weighs ``transformedURLLength * scale`` (2300) and an emoji
   sequence ``defaultWeight`` (200), however many code points they have; any other code point
   weighs the weight of the first configured range that holds it (100 for U+0000..U+10FF,
   U+2000..U+200D, U+2010..U+201F and U+2032..U+2037), else ``defaultWeight``. twitter-text's
   JavaScript looks up the low surrogate of an astral character, so these always weigh 200.
4. ``weightedLength`` is the total divided by ``scale``; the post is valid when it is above 0, at
   most ``maxWeightedTweetLength`` (280) and has no invalid character (U+FFFE, U+FEFF, U+FFFF).
   ``permillage`` is ``floor(weightedLength / 280 * 1000)``, computed in floating point as there.
5. The ranges are UTF-16 code-unit indices with inclusive ends, as twitter-text reports them:
   ``displayRangeEnd`` is the last index of the text, and ``validRangeEnd`` the last index of the
   last URL, emoji or code point that still fits before any invalid character, found in the
   normalised text and then shifted by the difference in length between the text and its
   normalised form (so it can be off when NFC changes the length, exactly as in twitter-text).

:attr:`TweetLength.valid_end` says the same in code points of the original text: ``text[:valid_end]``
is the part that fits. It starts from twitter-text's cut, maps it back through NFC, and takes the
last grapheme-cluster boundary, outside any URL and before any invalid character, whose prefix
(weighed again, as a text of its own) fits; so it never splits a user-perceived character or a
URL, and adding the next grapheme cluster would not fit (or starts a URL that would not).

Emoji. twitter-text finds emoji with twemoji-parser 11.0.2, whose data is Emoji 11.0 (2018), so
it counts every newer emoji sequence code point by code point (🐦‍🔥 as 5, 🧑‍🧑‍🧒 as 8), while X
documents that every emoji counts 2. Here the known sequences come from the maintained ``emoji``
package (Unicode's ``emoji-test.txt`` and CLDR; emoji 2.16.0 has Emoji 18.0): every
fully-qualified sequence of two or more code points, keycaps with or without U+FE0F (``1⃣``),
every character with an emoji variation sequence followed by U+FE0F (``©️``, ``⚪️``), and, as
twemoji-parser has them, text-style modifier bases with U+FE0F and a skin tone (``☝️🏽``).
twemoji-parser's way of matching is kept: left to right without overlaps, the longest known
sequence at each position, so 😷🏽, 😷‍👨‍⚕️ and 🇦🇦 count as the emoji they are made of (4, 5, 4),
and a single code point weighs what any character weighs (``©`` 1, ``™`` 2, ``1`` 1; ``©︎`` 3).
A well-formed emoji sequence (UTS #51) that the ``emoji`` package does not know counts as one
emoji only when it has an ``Extended_Pictographic`` code point that the package does not know and
that is an emoji or unassigned in the ``regex`` module's Unicode data: a sequence from an Emoji
version newer than the installed package.

The differences from twitter-text 3.1.0's JavaScript (``tests/test_twitter_count.py`` checks them,
and compares thousands of random texts without them, all seven fields):

* Emoji 12.0 and later sequences count 2 (🤝🏽, ❤️‍🔥, 🫱🏻‍🫲🏿, 🐦‍🔥, 🍋‍🟩, 🚶🏽‍➡️).
* An emoji-presentation character with U+FE0F (``⏩️``, ``👽️``: variation sequences added in
  Unicode 14.0) counts 2, not 4; so do ``♾️`` and ``👁️‍🗨️``, which twemoji-parser 11 lacks (4, 5).
* The unqualified ``👁‍🗨`` counts 5 and the skier with a skin tone ``⛷🏽`` 4: twemoji-parser
  has them as one emoji, Unicode's data does not.
* twitter-text skips ``url.length`` characters from a URL's start index. When the start index of
  a URL without a scheme comes from ``indexOf`` finding an earlier copy of its domain (in
  ``test.coY⚔t.co/abc`` the URL ``t.co/abc`` is placed at the ``t.co`` of ``test.co``), the two
  differ and the JavaScript counts part of the URL twice; here the whole span counts 23.
* NFC follows Python's ``unicodedata`` (Unicode 14.0 on Python 3.11), the JavaScript ICU; they
  can differ only for characters with canonical decompositions assigned since.

Speed: nothing is compiled or loaded at import. Pure-ASCII text without a ``.`` takes a few string
tests; other text a few C-level scans (NFC check, URL and emoji candidates, one ``re.sub`` for the
weights), and only a post over the limit (or with an invalid character) is walked code point by
code point to find the cut. The emoji table is built on the first text with a sequence joiner
(U+200D, U+FE0F, U+20E3, a skin tone, a regional indicator or a tag character). Over the TweetEval
sentiment test set (12,284 posts) :func:`parse_tweet` takes a median of about 4 µs per post.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from tonecheck import lexicon
from tonecheck.entities import extract_urls

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    import regex

__all__ = ["TweetLength", "parse_tweet", "weighted_length"]


@dataclass(frozen=True, slots=True)
class TweetLength:
    """twitter-text's ``parseTweet`` result, plus where the part that fits ends in code points."""

    weighted_length: int
    valid: bool
    permillage: int
    display_range_start: int  # UTF-16, inclusive (as twitter-text reports)
    display_range_end: int
    valid_range_start: int
    valid_range_end: int
    # Code-point offset into the original (un-normalised) text where the valid part ends (exclusive):
    # text[:valid_end] is what fits; len(text) when everything fits. Never inside a grapheme cluster or URL.
    valid_end: int


# invalidCharsGroup.js
_INVALID = "\ufffe\ufeff\uffff"
# The second code point of every emoji sequence: ZWJ, VS16, combining enclosing keycap, skin tones,
# regional indicators and tag characters (checked against the emoji table in the tests).
_JOINERS = "\u200d\ufe0f\u20e3\U0001f3fb-\U0001f3ff\U0001f1e6-\U0001f1ff\U000e0020-\U000e007f"
_SKIN_TONES = frozenset("\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")


# --- Configuration (tonecheck/data/twitter-text.toml) ----------------------------------------------


class _Config(NamedTuple):
    max_length: int
    scale: int
    default_weight: int
    url_weight: int  # transformedURLLength * scale
    emoji: bool
    # (start, end, weight) for each run of code points with a configured weight: sorted, disjoint.
    segments: tuple[tuple[int, int, int], ...]
    # For each weight other than the default: a class of the code points that weigh it, and the difference.
    classes: tuple[tuple[re.Pattern[str], int], ...]
    ascii_weight: int | None  # the weight of every ASCII character, when they all weigh the same


def _disjoint(ranges: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The ranges as sorted, disjoint pieces; where ranges overlap the first one wins, as in twitter-text."""
    pieces: list[tuple[int, int, int]] = []
    for start, end, weight in ranges:
        todo = [(start, end)]
        for p_start, p_end, _ in pieces:
            todo = [
                part
                for s, e in todo
                for part in ((s, min(e, p_start - 1)), (max(s, p_end + 1), e))
                if part[0] <= part[1]
            ]
        pieces.extend((s, e, weight) for s, e in todo)
    return sorted(pieces)


@cache
def _config(version: int) -> _Config:
    data = lexicon.load_toml("twitter-text.toml")
    raw = data.get(f"v{version}")
    if raw is None:
        raise ValueError(f"unknown twitter-text config version {version!r} (known: 2, 3)")
    default = int(raw["defaultWeight"])
    scale = int(raw["scale"])
    ranges = [(int(r["start"]), int(r["end"]), int(r["weight"])) for r in raw["ranges"]]
    segments = _disjoint(ranges)
    if any(s <= 0xDFFF and e >= 0xD800 for s, e, _ in segments):
        # The JavaScript weighs an astral character by its low surrogate; this port assumes that is
        # the default weight, which holds while no range touches the surrogates.
        raise ValueError("twitter-text ranges that include surrogates are not supported")
    classes = []
    for weight in sorted({w for _, _, w in segments if w != default}):
        members = "".join(f"\\U{s:08x}-\\U{e:08x}" for s, e, w in segments if w == weight)
        classes.append((re.compile(f"[{members}]+"), weight - default))
    ascii_weights = {_segment_weight(segments, default, cp) for cp in range(128)}
    return _Config(
        max_length=int(raw["maxWeightedTweetLength"]),
        scale=scale,
        default_weight=default,
        url_weight=int(raw["transformedURLLength"]) * scale,
        emoji=bool(raw.get("emojiParsingEnabled", False)),
        segments=tuple(segments),
        classes=tuple(classes),
        ascii_weight=ascii_weights.pop() if len(ascii_weights) == 1 else None,
    )


def _segment_weight(segments: Sequence[tuple[int, int, int]], default: int, cp: int) -> int:
    i = bisect_right(segments, (cp, 0x110000, 0)) - 1
    if i >= 0 and segments[i][0] <= cp <= segments[i][1]:
        return segments[i][2]
    return default


def _char_weight(config: _Config, ch: str) -> int:
    return _segment_weight(config.segments, config.default_weight, ord(ch))


def _run_weight(config: _Config, run: str) -> int:
    """The weight of *run* counted code point by code point."""
    total = config.default_weight * len(run)
    for pattern, delta in config.classes:
        total += delta * (len(run) - len(pattern.sub("", run)))
    return total


# --- Patterns and emoji data (built on first use) --------------------------------------------------


@cache
def _joiner_re() -> re.Pattern[str]:
    return re.compile(f"[{_JOINERS}]")


@cache
def _invalid_re() -> re.Pattern[str]:
    return re.compile(f"[{_INVALID}]")


@cache
def _sequence_re() -> regex.Pattern[str]:
    """A well-formed emoji sequence of UTS #51 (flag, keycap, modifier, tag or ZWJ sequence)."""
    import regex

    element = (
        r"(?:\p{Regional_Indicator}{2}|[#*0-9]\ufe0f?\u20e3"
        r"|[\p{Extended_Pictographic}\p{Emoji_Presentation}]"
        r"(?:\ufe0f?\p{Emoji_Modifier}|\ufe0f|[\U000e0020-\U000e007e]+\U000e007f)?)"
    )
    return regex.compile(rf"{element}(?:\u200d{element})+|{element}")


@cache
def _new_pictograph_re() -> regex.Pattern[str]:
    """An Extended_Pictographic character that is an emoji or not assigned yet (in ``regex``'s data)."""
    import regex

    return regex.compile(r"(?=\p{Extended_Pictographic})[\p{Emoji}\p{Cn}]")


class _EmojiTable(NamedTuple):
    sequences: frozenset[str]  # emoji of two or more code points
    sizes: dict[str, tuple[int, ...]]  # first code point -> lengths of its sequences, longest first
    known: frozenset[str]  # every code point that is an emoji on its own (with or without VS16)


@cache
def _emoji_table() -> _EmojiTable:
    import emoji

    data = lexicon.emoji_data()
    fully_qualified = emoji.STATUS["fully_qualified"]
    sequences = {
        key
        for key, entry in data.items()
        if len(key) > 1 and (entry["status"] == fully_qualified or key[-1] == "\u20e3")
    }
    # twemoji-parser also takes a text-style modifier base with VS16 and a skin tone: ☝️🏽.
    sequences |= {
        key[0] + "\ufe0f" + key[1]
        for key in list(sequences)
        if len(key) == 2 and key[1] in _SKIN_TONES and key[0] + "\ufe0f" in sequences
    }
    # A character with an emoji variation sequence takes VS16 even when it is an emoji on its own: ⚪️.
    sequences |= {key + "\ufe0f" for key, entry in data.items() if len(key) == 1 and entry.get("variant")}
    sizes: dict[str, set[int]] = {}
    for key in sequences:
        sizes.setdefault(key[0], set()).add(len(key))
    known = frozenset(key[0] for key in data if len(key) == 1 or (len(key) == 2 and key[1] == "\ufe0f"))
    return _EmojiTable(
        sequences=frozenset(sequences),
        sizes={first: tuple(sorted(lengths, reverse=True)) for first, lengths in sizes.items()},
        known=known,
    )


def _newer_sequence_end(text: str, start: int, table: _EmojiTable) -> int:
    """The end of a well-formed emoji sequence at *start* that the emoji table is too old to know, or 0."""
    m = _sequence_re().match(text, start)
    if m is None or m.end() - start < 2:
        return 0
    for p in _new_pictograph_re().finditer(text, start, m.end()):
        if p.group() not in table.known:
            return m.end()
    return 0


def _emoji_spans(text: str) -> list[tuple[int, int]]:
    """The emoji sequences of two or more code points, left to right and without overlaps.

    Single code points are left out: they weigh the same as an emoji or as a character.
    """
    table = _emoji_table()
    sequences, sizes = table.sequences, table.sizes
    spans: list[tuple[int, int]] = []
    last = 0
    room = len(text)
    for m in _joiner_re().finditer(text, 1):
        start = m.start() - 1
        if start < last:
            continue
        end = 0
        for size in sizes.get(text[start], ()):
            if start + size <= room and text[start : start + size] in sequences:
                end = start + size
                break
        else:
            end = _newer_sequence_end(text, start, table)
        if end:
            spans.append((start, end))
            last = end
    return spans


# --- Counting --------------------------------------------------------------------------------------


def _utf16_length(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


_Unit = tuple[int, int, int, bool]
"""A URL or emoji sequence: (start, end, weight, is_url)."""


def _units(text: str, config: _Config) -> list[_Unit]:
    """The URLs and emoji sequences that twitter-text's walk meets, in order.

    A URL that starts at the same place as an emoji wins, and whatever starts inside the previous
    one is never met (twitter-text skips over it).
    """
    found = [(start, 0, end) for start, end in extract_urls(text)]
    if config.emoji and not text.isascii() and _joiner_re().search(text) is not None:
        found.extend((start, 1, end) for start, end in _emoji_spans(text))
        found.sort()
    units: list[_Unit] = []
    pos = 0
    for start, kind, end in found:
        if start >= pos:
            units.append((start, end, config.default_weight if kind else config.url_weight, not kind))
            pos = end
    return units


def _total(text: str, config: _Config, units: list[_Unit]) -> int:
    if not units:
        return _run_weight(config, text)
    total = 0
    rest: list[str] = []
    pos = 0
    for start, end, weight, _ in units:
        rest.append(text[pos:start])
        total += weight
        pos = end
    rest.append(text[pos:])
    return total + _run_weight(config, "".join(rest))


def _cut(text: str, config: _Config, units: list[_Unit], budget: int, stop: int) -> int:
    """Where the part of normalised *text* that fits ends (an offset into it).

    That is after the last URL, emoji or code point whose running total is within *budget*, and
    before *stop* (the first invalid character).
    """
    used = 0
    pos = 0
    for start, end, weight, _ in [*units, (len(text), len(text), 0, False)]:
        if pos < start:
            if start <= stop and used + (gap := _run_weight(config, text[pos:start])) <= budget:
                used += gap
            else:
                run_end = min(start, stop)
                each = config.ascii_weight
                if each and text[pos:run_end].isascii():
                    # Every character weighs the same: the first one past the budget is found by division.
                    return min(pos + (budget - used) // each, run_end)
                for i in range(pos, run_end):
                    used += _char_weight(config, text[i])
                    if used > budget:
                        return i
                return run_end
        if start >= stop or used + weight > budget:
            return start
        used += weight
        pos = end
    return pos


def _prefix_weight(text: str, config: _Config) -> int:
    normalized = _normalize(text)
    return _total(normalized, config, _units(normalized, config))


def _cluster_ends(text: str) -> list[int]:
    """The end offset of each grapheme cluster of *text*."""
    if text.isascii():
        ends = list(range(1, len(text) + 1))
        if "\r\n" in text:
            # "\r\n" is one cluster: drop the boundary between the two.
            inside = set()
            pos = text.find("\r\n")
            while pos != -1:
                inside.add(pos + 1)
                pos = text.find("\r\n", pos + 1)
            ends = [end for end in ends if end not in inside]
        return ends
    from tonecheck.text import grapheme_ends

    return grapheme_ends(text)


def _boundaries(text: str, normalized: str) -> list[tuple[int, int]]:
    """(offset in *text*, offset in *normalized*) at each grapheme-cluster boundary of *text*."""
    ends = _cluster_ends(text)
    if normalized is text:
        return [(0, 0), *zip(ends, ends, strict=True)]
    starts = [0, *ends[:-1]]
    pieces = [unicodedata.normalize("NFC", text[start:end]) for start, end in zip(starts, ends, strict=True)]
    pairs = [(0, 0)]
    if "".join(pieces) == normalized:
        done = 0
        for end, piece in zip(ends, pieces, strict=True):
            done += len(piece)
            pairs.append((end, done))
        return pairs
    # NFC joined something across a cluster boundary: keep the boundaries where it did not.
    for end in ends:
        head = unicodedata.normalize("NFC", text[:end])
        if normalized.startswith(head):
            pairs.append((end, len(head)))
    return pairs


def _valid_end(text: str, normalized: str, config: _Config, units: list[_Unit], cut: int, limit: int) -> int:
    """Where the part of *text* that fits ends, starting from *cut* (an offset in *normalized*).

    That is the last grapheme-cluster boundary of *text*, outside URLs and before any invalid
    character, whose prefix fits in *limit*, searched for around *cut*. A prefix is a text of its
    own, so it is weighed again: cutting "foo.com@bar" after "foo.com" makes a URL, and cutting
    🇦🇦🇮 (🇦, then the flag 🇦🇮) after 🇦🇦 makes two regional indicators.
    """
    pairs = _boundaries(text, normalized)
    urls = [(start, end) for start, end, _, is_url in units if is_url]
    url_starts = [start for start, _ in urls]
    budget = limit * config.scale
    invalid = _invalid_re().search(text)
    stop = len(text) if invalid is None else invalid.start()

    def fits(index: int) -> bool:
        end, normalized_end = pairs[index]
        u = bisect_right(url_starts, normalized_end) - 1
        if u >= 0 and urls[u][0] < normalized_end < urls[u][1]:
            return False
        return end <= stop and _prefix_weight(text[:end], config) <= budget

    i = bisect_right(pairs, cut, key=lambda pair: pair[1]) - 1
    while i > 0 and not fits(i):
        i -= 1
    return pairs[_last_fit(fits, i, len(pairs) - 1)][0]


def _last_fit(fits: Callable[[int], bool], i: int, last: int) -> int:
    """From a boundary *i* that fits (or 0), one whose next boundary does not fit (or *last*).

    Each step weighs a whole prefix again, so it steps one boundary at a time only at first (where
    the answer almost always is), then in doubling strides, and bisects the stride that stops
    fitting. That keeps it to a logarithmic number of prefixes when a long run keeps fitting: a
    4,000-character link without a scheme is too long to be a link, but each of its prefixes is a
    link of 23.
    """
    step = 1
    for _ in range(8):
        if i == last or not fits(i + 1):
            return i
        i += 1
    while True:
        step *= 2
        probe = min(i + step, last)
        if not fits(probe):
            break
        i = probe
        if i == last:
            return i
    # fits(i) and not fits(probe): some boundary between them fits and its next one does not.
    low, high = i, probe
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low


def _normalize(text: str) -> str:
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _check(version: int, max_length: int | None) -> tuple[_Config, int]:
    config = _config(version)
    limit = config.max_length if max_length is None else max_length
    if limit < 1:
        raise ValueError(f"max_length must be at least 1, not {limit}")
    return config, limit


def parse_tweet(text: str, *, version: int = 3, max_length: int | None = None) -> TweetLength:
    """Weigh *text* as X does (twitter-text's ``parseTweet``) and say how much of it fits.

    ``version=2`` uses twitter-text's v2 configuration, which weighs each code point of an emoji;
    ``max_length`` replaces ``maxWeightedTweetLength`` (280), e.g. 25_000 for X Premium.

    >>> result = parse_tweet("Hi http://test.co")
    >>> result.weighted_length, result.valid, result.permillage, result.display_range_end, result.valid_range_end
    (26, True, 92, 16, 16)
    >>> result = parse_tweet("x" * 300)
    >>> result.weighted_length, result.valid, result.valid_range_end, result.valid_end
    (300, False, 279, 280)
    """
    config, limit = _check(version, max_length)
    if not text:
        return TweetLength(0, False, 0, 0, 0, 0, 0, 0)
    budget = limit * config.scale
    if config.ascii_weight is not None and text.isascii() and "." not in text:
        # The fast path: no URL, no emoji, nothing to normalise, every character weighs the same.
        total = config.ascii_weight * len(text)
        if total <= budget:
            weight = total // config.scale
            last = len(text) - 1
            return TweetLength(weight, weight > 0, math.floor(weight / limit * 1000), 0, last, 0, last, len(text))
    normalized = _normalize(text)
    units = _units(normalized, config)
    total = _total(normalized, config, units)
    invalid = None if normalized.isascii() else _invalid_re().search(normalized)
    weight = total // config.scale
    valid = invalid is None and 0 < weight <= limit
    text_length = _utf16_length(text)
    if total <= budget and invalid is None:
        valid_range_end = text_length - 1
        valid_end = len(text)
    else:
        stop = len(normalized) if invalid is None else invalid.start()
        cut = _cut(normalized, config, units, budget, stop)
        display_index = _utf16_length(normalized[:cut]) - 1 if cut else 0
        valid_range_end = display_index + text_length - _utf16_length(normalized)
        valid_end = _valid_end(text, normalized, config, units, cut, limit)
    return TweetLength(
        weighted_length=weight,
        valid=valid,
        permillage=math.floor(weight / limit * 1000),
        display_range_start=0,
        display_range_end=text_length - 1,
        valid_range_start=0,
        valid_range_end=valid_range_end,
        valid_end=valid_end,
    )


def weighted_length(text: str, *, version: int = 3) -> int:
    """X's weighted length of *text*: ``parse_tweet(text, version=version).weighted_length``.

    >>> weighted_length("café ☕ https://example.com/menu")
    31
    """
    config = _config(version)
    if config.ascii_weight is not None and text.isascii() and "." not in text:
        return config.ascii_weight * len(text) // config.scale
    normalized = _normalize(text)
    return _total(normalized, config, _units(normalized, config)) // config.scale
