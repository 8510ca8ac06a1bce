"""Matching a profile's terms in a draft: compiled once per profile, matched on the masked prose."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

import regex

from tonecheck.text import ParsedText
from tonecheck.voice.profile import Profile

_T = TypeVar("_T")
_SEPARATOR = regex.compile(r"[\s\-‐‑]+")
_WORD_EDGE_BEFORE = r"(?<![\p{L}\p{N}_'’])"
_WORD_EDGE_AFTER = r"(?![\p{L}\p{N}_]|['’]\p{L})"


@dataclass(frozen=True, slots=True)
class Match:
    """One term found in the draft: its span, the text as written and the entry it belongs to."""

    start: int
    end: int
    found: str
    written: str  # the term as the profile writes it
    index: int  # which entry of the profile's list


class TermMatcher:
    """One regular expression for a list of (term, entry index) pairs; longest terms first."""

    def __init__(self, terms: Sequence[tuple[str, int]]) -> None:
        self._lookup: dict[str, tuple[str, int]] = {}
        alternatives = []
        for term, index in sorted(terms, key=lambda t: -len(t[0])):
            key = _key(term)
            if not key or key in self._lookup:
                continue
            self._lookup[key] = (term, index)
            alternatives.append(r"[\s\-‐‑]+".join(regex.escape(part) for part in _SEPARATOR.split(term.strip())))
        self._pattern = (
            regex.compile(_WORD_EDGE_BEFORE + "(?:" + "|".join(alternatives) + ")" + _WORD_EDGE_AFTER,
                          regex.IGNORECASE | regex.V1)
            if alternatives else None
        )

    def find(self, parsed: ParsedText) -> Iterator[Match]:
        """Whole-word, case-insensitive matches in the prose (never inside links, tags or mentions)."""
        if self._pattern is None:
            return
        for m in self._pattern.finditer(parsed.prose):
            entry = self._lookup.get(_key(m.group()))
            if entry is not None:
                yield Match(m.start(), m.end(), parsed.text[m.start() : m.end()], entry[0], entry[1])


def _key(term: str) -> str:
    return _SEPARATOR.sub(" ", term.strip()).casefold()


_CACHE: weakref.WeakKeyDictionary[Profile, dict[str, object]] = weakref.WeakKeyDictionary()


def cached(profile: Profile, name: str, build: Callable[[Profile], _T]) -> _T:
    """``build(profile)``, computed once per profile (profiles are immutable)."""
    slot = _CACHE.get(profile)
    if slot is None:
        slot = _CACHE.setdefault(profile, {})
    if name not in slot:
        slot[name] = build(profile)
    return slot[name]  # type: ignore[return-value]


def keep_case(found: str, written: str, replacement: str) -> str:
    """*replacement* cased like *found*: "Utilise" → "Use", "UTILISE" → "USE" (unless the term is an acronym)."""
    letters = [c for c in found if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters) and not written.isupper() and replacement.islower():
        return replacement.upper()
    if found[:1].isupper() and not written[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
