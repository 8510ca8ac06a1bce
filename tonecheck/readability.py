"""Reading grade (Flesch–Kincaid) of a draft's prose, computed once per draft.

URLs, mentions, hashtags, cashtags and emoji are left out (they distort syllable and sentence
counts); sentences and words come from the shared tokeniser, and syllables from textstat (the CMU
Pronouncing Dictionary, with Pyphen for words it does not know). The formula is English-only, so
other languages get ``None``. On short posts the figure is a rough estimate: the
``reading-level`` rule only judges drafts long enough for it to mean something.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tonecheck.text import ParsedText

__all__ = ["grade", "syllables"]

_LONGEST_WORD = 45  # letters in "pneumonoultramicroscopicsilicovolcanoconiosis"
_VOWELS = re.compile(r"[aeiouy]+", re.IGNORECASE)


def syllables(words: str) -> int:
    """Estimated syllables in a space-separated run of English words."""
    import textstat  # imported on first use: it loads a pronouncing dictionary

    count: int = textstat.syllable_count(words)
    return count


def grade(parsed: ParsedText, language: str = "en") -> float | None:
    """Flesch–Kincaid grade of the prose, or ``None`` for non-English text or text without words."""
    if not language.lower().startswith("en"):
        return None
    if "fk_grade" in parsed.cache:
        cached = parsed.cache["fk_grade"]
        return cached if isinstance(cached, float) else None
    words = [w.text for w in parsed.words if any(ch.isalpha() for ch in w.text)]
    sentences = sum(1 for s in parsed.sentences if parsed.words_in(s.start, s.end))
    result: float | None = None
    if words and sentences:
        per_sentence = len(words) / sentences
        # Pyphen's cost grows with the length of a word times its longest pattern; no English word is
        # longer than 45 letters, so a longer run ("aaaa…" pasted 60,000 times) is estimated by its vowels.
        usual = [w for w in words if len(w) <= _LONGEST_WORD]
        if len(usual) < len(words):
            total = syllables(" ".join(usual)) + sum(
                max(1, len(_VOWELS.findall(w))) for w in words if len(w) > _LONGEST_WORD
            )
        else:
            total = syllables(" ".join(words))
        per_word = total / len(words)
        result = max(0.0, round(0.39 * per_sentence + 11.8 * per_word - 15.59, 1))
    parsed.cache["fk_grade"] = result
    return result
