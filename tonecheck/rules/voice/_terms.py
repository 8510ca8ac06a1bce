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


@dataclass(frozen=True, slots=True)
class Match:
    """One term found in the draft: its span, the text as written and the entry it belongs to."""

    start: int
    end: int
    found: str
    written: str  # the term as the profile writes it
    index: int  # which entry of the profile's list


class TermMatcher:
    """Finds a list of (term, entry index) pairs among the draft's words; longest terms first.

    Terms and the draft are compared word by word (words split at hyphens too), in any capitals, so
    "best-in-class" also matches "best in class" and "Best-In-Class". Matching reads the words the
    tokeniser found, so it never looks inside links, hashtags or mentions.
    """

    def __init__(self, terms: Sequence[tuple[str, int]]) -> None:
        self._first: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
        seen: set[tuple[str, ...]] = set()
        for term, index in terms:
            words = tuple(w.casefold() for w in _SEPARATOR.split(term.strip()) if w)
            if not words or words in seen:
                continue
            seen.add(words)
            self._first.setdefault(words[0], []).append((words, term, index))
        for options in self._first.values():
            options.sort(key=lambda o: -len(o[0]))

    def find(self, parsed: ParsedText) -> Iterator[Match]:
        """Whole-word, case-insensitive matches in the prose (never inside links, tags or mentions)."""
        if not self._first:
            return
        atoms = _atoms(parsed)
        text = parsed.text
        i, n = 0, len(atoms)
        while i < n:
            options = self._first.get(atoms[i][2])
            hit = None
            if options is not None:
                for words, term, index in options:
                    if i + len(words) <= n and _joined(atoms, i, words, text):
                        hit = (words, term, index)
                        break
            if hit is None:
                i += 1
                continue
            words, term, index = hit
            start, end = atoms[i][0], atoms[i + len(words) - 1][1]
            yield Match(start, end, text[start:end], term, index)
            i += len(words)


def _joined(atoms: list[tuple[int, int, str]], i: int, words: tuple[str, ...], text: str) -> bool:
    """True when the atoms from *i* spell *words*, separated only by spaces or hyphens."""
    for k in range(1, len(words)):
        prev, atom = atoms[i + k - 1], atoms[i + k]
        if atom[2] != words[k] or not _GAP.fullmatch(text, prev[1], atom[0]):
            return False
    return True


_GAP = regex.compile(r"[\s\-‐‑]+")
_HYPHEN = regex.compile(r"[\-‐‑]")


def _atoms(parsed: ParsedText) -> list[tuple[int, int, str]]:
    """The draft's words split at hyphens, as (start, end, case-folded text); computed once per draft."""
    cached_atoms = parsed.cache.get("voice.atoms")
    if cached_atoms is None:
        out: list[tuple[int, int, str]] = []
        for w in parsed.words:
            if "-" not in w.text and "‐" not in w.text and "‑" not in w.text:
                out.append((w.start, w.end, w.text.casefold()))
                continue
            pos = w.start
            for part in _HYPHEN.split(w.text):
                if part:
                    out.append((pos, pos + len(part), part.casefold()))
                pos += len(part) + 1
        parsed.cache["voice.atoms"] = cached_atoms = out
    return cached_atoms  # type: ignore[return-value]


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
