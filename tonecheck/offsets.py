"""Convert offsets between code points (Python) and UTF-16 code units (JavaScript, LanguageTool).

This is the only module that changes the unit of an offset. The library works in code points;
the HTTP API and the browser extension work in UTF-16 code units, like LanguageTool and the DOM.
A character outside the Basic Multilingual Plane (most emoji) is one code point but two UTF-16
code units, so every offset after it differs by one.

>>> m = OffsetMap("🎉 Party")
>>> m.to_utf16(2), m.to_codepoint(3)
(3, 2)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

__all__ = ["OffsetMap", "to_codepoint", "to_utf16", "utf16_length"]


def utf16_length(text: str) -> int:
    """Length of *text* in UTF-16 code units."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


class OffsetMap:
    """Offsets of one text in code points, UTF-16 code units and lines/columns.

    Building the map is O(n) once; each conversion is O(log n). Plain BMP text converts
    without any table.
    """

    __slots__ = ("_astral_cp", "_astral_u16", "_line_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        if text.isascii():
            astral: list[int] = []
        else:
            astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._astral_cp = astral
        # UTF-16 start of the k-th astral character: its code-point index plus the k pairs before it.
        self._astral_u16 = [cp + k for k, cp in enumerate(astral)]
        self._line_starts: list[int] | None = None

    def to_utf16(self, cp: int) -> int:
        """UTF-16 offset of code-point offset *cp* (0 ≤ cp ≤ len(text))."""
        self._check(cp, len(self.text))
        return cp + bisect_left(self._astral_cp, cp)

    def to_codepoint(self, u16: int) -> int:
        """Code-point offset of UTF-16 offset *u16*.

        An offset that falls between the two halves of a surrogate pair is rounded down to the
        start of that character, so a span never splits a character.
        """
        self._check(u16, len(self.text) + len(self._astral_cp))
        return u16 - bisect_left(self._astral_u16, u16)

    def utf16_span(self, start: int, end: int) -> tuple[int, int]:
        """``(offset, length)`` in UTF-16 code units for a code-point span."""
        u_start = self.to_utf16(start)
        return u_start, self.to_utf16(end) - u_start

    def line_col(self, cp: int) -> tuple[int, int]:
        """1-based line and 1-based column (in code points) of code-point offset *cp*."""
        self._check(cp, len(self.text))
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts = starts
        line = bisect_right(self._line_starts, cp) - 1
        return line + 1, cp - self._line_starts[line] + 1

    @staticmethod
    def _check(offset: int, limit: int) -> None:
        if not 0 <= offset <= limit:
            raise ValueError(f"offset {offset} is outside the text (0..{limit})")


def to_utf16(text: str, cp: int) -> int:
    """UTF-16 offset of code-point offset *cp* in *text* (one-off; use :class:`OffsetMap` for many)."""
    return OffsetMap(text).to_utf16(cp)


def to_codepoint(text: str, u16: int) -> int:
    """Code-point offset of UTF-16 offset *u16* in *text* (one-off; use :class:`OffsetMap` for many)."""
    return OffsetMap(text).to_codepoint(u16)
