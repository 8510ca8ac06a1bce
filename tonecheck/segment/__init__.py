"""Word segmentation of hashtags with a word-pair (bigram) language model.

The model is the one of wordsegment (Norvig's "Natural Language Corpus Data"): the probability
of a word given the word before it is the pair's count over the first word's count when the pair
is known, else the word's own count over the corpus size. Unknown strings are allowed only as a
whole run (the "not split" reading), so every split is made of known words.

The counts ship in ``tonecheck/data/segment/en.txt`` (built by :mod:`tonecheck.segment._build`) and
are loaded once, on the first call, in a few tenths of a second.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

__all__ = ["Model", "Reading", "model", "readings"]

# log10 of the corpus size (wordsegment's TOTAL, 1,024,908,267,229 words).
_LOG_TOTAL = 12.0107
# The longest word looked up.
_MAX_WORD = 24
# How many partial readings are kept at each position.
_BEAM = 3


@dataclass(frozen=True, slots=True)
class Model:
    """log10 counts of words (``unigrams``) and of word pairs joined by ``_`` (``bigrams``)."""

    unigrams: Mapping[str, float]
    bigrams: Mapping[str, float]

    def word(self, word: str, previous: str | None) -> float | None:
        """log10 P(word | previous), or ``None`` for a word the model does not know."""
        count = self.unigrams.get(word)
        if count is None:
            return None
        if previous is not None:
            pair = self.bigrams.get(previous + "_" + word)
            if pair is not None:
                return pair - self.unigrams[previous]
        return count - _LOG_TOTAL

    def unknown(self, text: str) -> float:
        """log10 P of a string the model does not know (wordsegment's penalty: longer, less likely)."""
        return 1.0 - _LOG_TOTAL - len(text)


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a run of letters: its words and log10 probability."""

    words: tuple[str, ...]
    score: float


@cache
def model() -> Model:
    """The English model, loaded on first use."""
    text = resources.files("tonecheck").joinpath("data/segment/en.txt").read_text(encoding="utf-8")
    unigrams: dict[str, float] = {}
    bigrams: dict[str, float] = {}
    for line in text.split("\n"):
        if not line or line[0] == "#":
            continue
        kind, value, words = line.split(" ", 2)
        (unigrams if kind == "u" else bigrams).update(dict.fromkeys(words.split(" "), float(value)))
    return Model(unigrams, bigrams)


@lru_cache(maxsize=4096)
def readings(run: str, limit: int = 3) -> tuple[Reading, ...]:
    """The *limit* most likely readings of a lower-case run of letters, best first.

    The run as one word is always a reading (as an unknown string when the model does not know it);
    the others are splits into known words.
    """
    m = model()
    n = len(run)
    unigrams = m.unigrams
    bigrams = m.bigrams
    # beams[i]: readings of run[:i] as (score, words), best first.
    empty: tuple[str, ...] = ()
    beams: list[list[tuple[float, tuple[str, ...]]]] = [[(0.0, empty)]] + [[] for _ in range(n)]
    for end in range(1, n + 1):
        found: list[tuple[float, tuple[str, ...]]] = []
        for start in range(max(0, end - _MAX_WORD), end):
            beam = beams[start]
            if not beam:
                continue
            piece = run[start:end]
            count = unigrams.get(piece)
            if count is None:
                continue
            alone = count - _LOG_TOTAL
            for score, words in beam:
                if words:
                    previous = words[-1]
                    pair = bigrams.get(previous + "_" + piece)
                    p = alone if pair is None else pair - unigrams[previous]
                else:
                    p = alone
                found.append((score + p, (*words, piece)))
        if found:
            found.sort(reverse=True)
            beams[end] = found[:_BEAM]
    results = {words: score for score, words in beams[n]}
    if (run,) not in results:
        results[(run,)] = m.unknown(run)
    ranked = sorted(results.items(), key=lambda item: -item[1])
    return tuple(Reading(words, score) for words, score in ranked[:limit])
