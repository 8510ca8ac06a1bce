"""Build ``tonecheck/data/segment/en.txt`` from wordsegment's unigram and bigram counts.

Run with the dev dependencies installed: ``.venv/bin/python -m tonecheck.segment._build``.

The counts are wordsegment's (Grant Jenks, Apache-2.0), from the Google Web Trillion Word Corpus
(Brants & Franz 2006) as cut down by Peter Norvig for "Natural Language Corpus Data" (Beautiful
Data, 2009). Words those counts (from 2006) lack but wordfreq 3.1 (Robyn Speer; Apache-2.0 code,
data CC BY-SA 4.0) knows at a frequency of at least one in ten million (``instagram``,
``wikileaks``, ``unfollow``) are added with that frequency scaled to the same corpus size. The
table keeps every word and the word pairs seen at least 10^5.2 times, with each count rounded to a tenth of a
power of ten and grouped by that value, so that loading is one split per group.
"""

from __future__ import annotations

import math
from collections import defaultdict
from importlib import resources
from pathlib import Path

__all__ = ["build"]

_OUT = Path(__file__).resolve().parents[1] / "data" / "segment" / "en.txt"
_HEADER = (
    "# Word and word-pair counts for hashtag segmentation, built by tonecheck/segment/_build.py.\n"
    "# From wordsegment 1.3.1 (Apache-2.0, https://github.com/grantjenks/python-wordsegment): the\n"
    "# Google Web Trillion Word Corpus counts (Brants & Franz 2006) as published by Peter Norvig,\n"
    "# with words they lack added from wordfreq 3.1 (data CC BY-SA 4.0, https://github.com/rspeer/wordfreq).\n"
    "# Licences of this data: Apache-2.0 (wordsegment's counts), CC BY-SA 4.0 (the words from wordfreq).\n"
    "# Each line: 'u' (word) or 'b' (pair, words joined by '_'), log10 of the count to one decimal,\n"
    "# then the words with that rounded count.\n"
)


def _read(name: str) -> dict[str, int]:
    text = resources.files("wordsegment").joinpath(name).read_text(encoding="utf-8")
    counts: dict[str, int] = {}
    for line in text.splitlines():
        key, _, value = line.rpartition("\t")
        if key:
            counts[key] = int(value)
    return counts


# Words from wordfreq at or above this frequency are added when the Google counts lack them.
_MIN_FREQUENCY = 1e-7
_TOTAL = 1024908267229
# Word pairs rarer than this (log10 count) are left out: on the tuning sets they changed no
# verdict, and the table loads faster without their 100,000 entries.
_MIN_PAIR = 5.2


def _newer_words(known: dict[str, int]) -> dict[str, int]:
    import wordfreq

    return {
        word: round(freq * _TOTAL)
        for word, freq in wordfreq.get_frequency_dict("en", "large").items()
        if freq >= _MIN_FREQUENCY and word.isascii() and word.isalpha() and word.islower() and word not in known
    }


def build(out: Path = _OUT) -> None:
    groups: dict[tuple[str, float], list[str]] = defaultdict(list)
    unigrams = _read("unigrams.txt")
    unigrams.update(_newer_words(unigrams))
    for kind, table in (("u", unigrams), ("b", _read("bigrams.txt"))):
        for key, count in table.items():
            if kind == "b":
                first, _, second = key.partition(" ")
                if not first or not second or " " in second:
                    continue
                key = f"{first}_{second}"
            value = round(math.log10(count), 1)
            if kind == "b" and value < _MIN_PAIR:
                continue
            groups[(kind, value)].append(key)
    lines = [f"{kind} {value:.1f} {' '.join(sorted(words))}" for (kind, value), words in sorted(groups.items())]
    out.write_text(_HEADER + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build()
