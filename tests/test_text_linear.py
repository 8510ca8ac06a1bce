"""The bisection and local-scan helpers of tonecheck.text give the same answers as a full scan."""

from __future__ import annotations

import random

import regex

from tonecheck.text import Spans, grapheme_ends, parse, whole_graphemes

_CLUSTER = regex.compile(r"\X", regex.S)
# Letters, spaces, line breaks, marks, joiners, regional indicators, skin tones, Indic conjunct parts,
# Hangul jamo, a prepended sign, keycaps and astral letters: every kind of cluster boundary.
_ALPHABET = [
    "a", " ", "\n", "\r", "\u0301", "\u200d", "\u200c", "\ufe0f", "🇬", "🇧", "🎉", "👩", "\U0001f3fb",
    "\u0915", "\u094d", "\u0903", "\u1100", "\u1161", "\u11a8", "\uac00", "\u0600", "𝐁", "今", "#", "1", "\u20e3",
]


def _scan_whole(text: str, start: int, end: int) -> tuple[int, int]:
    """The reference: clusters scanned from the start of the line (ASCII text has no clusters to widen)."""
    if text.isascii():
        return start, end
    line_start = text.rfind("\n", 0, start) + 1
    new_start, new_end = start, end
    for m in _CLUSTER.finditer(text, line_start):
        if m.start() <= start < m.end():
            new_start = m.start()
        if m.end() >= end:
            new_end = m.end()
            break
    return new_start, new_end


def test_whole_graphemes_and_count_match_a_full_scan() -> None:
    rng = random.Random(12)
    for _ in range(4000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 30)))
        assert parse(text).grapheme_count == len(_CLUSTER.findall(text)), repr(text)
        for _ in range(3):
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            assert whole_graphemes(text, start, end) == _scan_whole(text, start, end), (repr(text), start, end)


def test_flags_in_a_long_run_pair_up() -> None:
    text = "🇬🇧" * 500 + "🇫"
    parsed = parse(text)
    assert parsed.grapheme_count == 501
    assert [e.text for e in parsed.emoji[:2]] == ["🇬🇧", "🇬🇧"] and parsed.emoji[-1].text == "🇫"
    assert len(parsed.emoji) == 501
    assert whole_graphemes(text, 601, 602) == (600, 602)


def test_grapheme_ends_match_the_pattern_from_any_start_to_any_end() -> None:
    rng = random.Random(7)
    # Runs of flags and ZWJ sequences, mixed with every other kind of boundary.
    tag_flag = "\U0001f3f4\U000e0067\U000e0062\U000e007f"
    pieces = [*_ALPHABET, "🇬🇧", "🇬🇧🇬🇧🇬🇧", "🇬", "👩\u200d👩\u200d👧", "\u200d🎉", tag_flag]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        assert grapheme_ends(text) == [m.end() for m in _CLUSTER.finditer(text)], repr(text)
        for _ in range(3):
            start = rng.randint(0, len(text))
            end = rng.randint(start, len(text))
            expected = [m.end() for m in _CLUSTER.finditer(text, start, end)]
            assert grapheme_ends(text, start, end) == expected, (repr(text), start, end)


def test_grapheme_ends_of_a_long_flag_run_start_mid_pair() -> None:
    text = "🇬🇧" * 300 + "🇫a"
    assert grapheme_ends(text) == [*range(2, 601, 2), 601, 602]
    assert grapheme_ends(text, 1, 6) == [2, 4, 6]
    assert grapheme_ends(text, 5) == [6, *range(8, 601, 2), 601, 602]
    assert grapheme_ends(text, 3, 3) == [] and grapheme_ends("") == []


def test_spans_match_a_scan_of_every_span() -> None:
    rng = random.Random(3)
    for _ in range(500):
        spans = []
        for _ in range(rng.randint(0, 8)):
            a = rng.randint(0, 40)
            spans.append((a, a + rng.randint(1, 8)))
        index = Spans(spans)
        for _ in range(10):
            s = rng.randint(0, 45)
            e = s + rng.randint(0, 6)
            assert index.overlaps(s, e) == any(a < e and s < b for a, b in spans)
            assert index.overlapping(s, e) == sorted((a, b) for a, b in spans if a < e and s < b)
            assert index.contains(s, e) == any(a <= s and e <= b for a, b in spans)


def test_words_in_sentence_at_and_line_at() -> None:
    parsed = parse("One two. Three four five!\nSix")
    first, second, third = parsed.sentences
    assert [w.text for w in parsed.words_in(second.start, second.end)] == ["Three", "four", "five"]
    assert parsed.words_in(first.start + 1, first.end) == [parsed.words[1]]
    assert parsed.sentence_at(second.start + 2) == second and parsed.sentence_at(first.end) is None
    assert parsed.line_at(third.start).text == "Six" and parsed.line_at(0).text == "One two. Three four five!"
    assert parsed.line_index(len("One two. Three four five!")) == 0  # the line break ends the first line
