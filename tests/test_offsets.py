"""Offsets: code points ⇄ UTF-16, against the shared conformance data (also used by the extension)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tonecheck.offsets import OffsetMap, to_codepoint, to_utf16, utf16_length

CASES = json.loads((Path(__file__).parent / "conformance" / "offsets.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_conformance(case: dict[str, Any]) -> None:
    text = case["text"]
    m = OffsetMap(text)
    assert utf16_length(text) == case["utf16_length"]
    for cp, u16 in case["offsets"]:
        assert m.to_utf16(cp) == u16
        assert m.to_codepoint(u16) == cp


def test_offset_inside_a_surrogate_pair_rounds_down() -> None:
    m = OffsetMap("a🎉b")
    assert m.to_codepoint(2) == 1  # between the two halves of 🎉
    assert m.to_codepoint(3) == 2


def test_out_of_range_is_an_error() -> None:
    with pytest.raises(ValueError, match="outside the text"):
        OffsetMap("abc").to_utf16(4)
    with pytest.raises(ValueError, match="outside the text"):
        OffsetMap("🎉").to_codepoint(3)


def test_span_and_lines() -> None:
    m = OffsetMap("🎉 one\n👩‍💻 two")
    assert m.utf16_span(2, 5) == (3, 3)
    assert m.line_col(0) == (1, 1)
    assert m.line_col(6) == (2, 1)
    assert m.line_col(len("🎉 one\n👩‍💻 ")) == (2, 5)


def test_one_off_helpers() -> None:
    assert to_utf16("🎉x", 1) == 2
    assert to_codepoint("🎉x", 2) == 1


@given(st.text())
def test_round_trip_on_any_text(text: str) -> None:
    m = OffsetMap(text)
    for cp in range(len(text) + 1):
        u16 = m.to_utf16(cp)
        assert u16 == len(text[:cp].encode("utf-16-le")) // 2
        assert m.to_codepoint(u16) == cp
