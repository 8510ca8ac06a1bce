"""Words are written normally, not spaced out letter by letter

## What it checks

Words written with a space between each letter for effect, such as "S A L E" or
"B I G  N E W S" (a wider gap between words). At least four single Latin letters must be spaced
out, and the letters must make common English words, so these are not flagged: initials
("J R R Tolkien"), variables ("x y z"), lists of letters ("grades A B C D"), the pronoun "I" and
the article "a", words spelled out on purpose ("it is spelled K A T E"), and text in other
scripts.

## Why it matters

Screen readers read spaced-out letters one at a time ("S, A, L, E"), so the word is hard to
follow, and search and translation do not find it. The mass.gov social media guidance says not to
use extra spaces to mimic text formatting.

## Example

```text
B I G  N E W S: our shop opens on Monday.
```

## Use instead

```text
Big news: our shop opens on Monday.
```

## Options

`min_letters`: the fewest spaced letters that are flagged (default 4).

`max_cost`: how common the joined word must be, as a wordninja cost (default 13.0, roughly the
37,000 most common English words).

`max_cost_split`: how common each word must be when letters without a wider gap are split into
several words (default 11.0, roughly the 5,000 most common words).

## Fix

Suggests the letters joined into words ("BIG NEWS"), keeping their case. When there is no wider
gap between the words, the suggested split is marked as one to check.

## References

- https://www.mass.gov/info-details/social-media-post-accessibility-0
- https://www.mass.gov/info-details/social-media-post-accessibility-testing-checklist
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

import regex

from tonecheck import lexicon
from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext
from tonecheck.text import whole_graphemes

# Three or more single Latin letters with one to three spaces between them, standing on their own.
_SPACED = regex.compile(
    r"(?<![^\s\"'“‘(\[])(?=\p{L})\p{Latin}(?:[ ]{1,3}(?=\p{L})\p{Latin}){2,}(?![\p{L}\p{M}\p{N}'’\-])"
)
# Two single letters with a space between them: a cheap first test (the standard library's engine is
# faster than `regex` for it). Every run of spaced letters that can be flagged contains such a pair.
_HINT = re.compile(r"(?<!\S)[^\W\d_] [^\W\d_](?![^\W\d_])")
_GAP = regex.compile(r" {2,}")
_PREVIOUS_WORDS = regex.compile(r"[\p{L}']+")
_SENTENCE_BREAK = regex.compile(r"[.!?]\s|\n")
_ONE_LETTER_WORDS = frozenset("aAI")
# One user-perceived character (extended grapheme cluster): finding spans never split one.


@dataclass(frozen=True, slots=True)
class _Lexicon:
    costs: Mapping[str, float]
    dictionary: Mapping[str, object]
    spelling_cues: frozenset[str]


@register
class SpacedLetters(Rule):
    id = "spaced-letters"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Words are written normally, not spaced out letter by letter"
    messages: ClassVar = {
        "spaced": (
            '"{text}" is spaced out, so screen readers read it one letter at a time. Write "{fixed}".'
        ),
    }
    fix = FixAvailability.ALWAYS
    tags = frozenset({"screen-reader", "readability"})
    references = (
        "https://www.mass.gov/info-details/social-media-post-accessibility-0",
        "https://www.mass.gov/info-details/social-media-post-accessibility-testing-checklist",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        text = draft.text
        if _HINT.search(text) is None:
            return
        for m in _SPACED.finditer(text):
            start, end = m.start(), m.end()
            if draft.parsed.is_protected(start, end):
                continue
            groups = [g.replace(" ", "") for g in _GAP.split(m.group())]
            if sum(len(g) for g in groups) < ctx.options["min_letters"]:
                continue
            lex = _lexicon()
            if _spelled_on_purpose(text, start, lex):
                continue
            suggestion = _join(groups, lex, ctx.options)
            if suggestion is None:
                continue
            wide_start, wide_end = whole_graphemes(text, start, end)
            replacement = text[wide_start:start] + suggestion.replacement + text[end:wide_end]
            ctx.report(
                "spaced", wide_start, wide_end,
                suggestions=[Suggestion(replacement, suggestion.label, suggestion.safe)],
                text=m.group(), fixed=suggestion.replacement,
            )


def _join(groups: list[str], lex: _Lexicon, options: Mapping[str, Any]) -> Suggestion | None:
    """The spaced letters as words, when they clearly make words."""
    max_cost = options["max_cost"]
    if len(groups) > 1:
        if all(_is_word(g, lex, max_cost) or g in _ONE_LETTER_WORDS for g in groups):
            return Suggestion(" ".join(groups), "Write the words without spaces")
        return None
    word = groups[0]
    if len(set(word.lower())) > 1 and _is_word(word, lex, max_cost):
        return Suggestion(word, "Write the word without spaces")
    parts = _split(word, lex, options["max_cost_split"])
    if parts is None:
        return None
    return Suggestion(" ".join(parts), "Write the words without spaces", safe=False)


def _is_word(word: str, lex: _Lexicon, max_cost: float) -> bool:
    lower = word.lower()
    return len(lower) > 1 and lower in lex.dictionary and lex.costs.get(lower, 99.0) <= max_cost


def _split(word: str, lex: _Lexicon, max_cost: float) -> list[str] | None:
    """Letters with no wider gap between words ("BIGNEWS"), split into common words, or None."""
    import wordninja

    parts: list[str] = wordninja.split(word.lower())
    if len(parts) < 2 or "".join(parts) != word.lower():
        return None
    if not all(len(p) >= 3 and _is_word(p, lex, max_cost) for p in parts):
        return None
    out = []
    pos = 0
    for part in parts:
        out.append(word[pos : pos + len(part)])
        pos += len(part)
    return out



def _spelled_on_purpose(text: str, start: int, lex: _Lexicon) -> bool:
    """A cue earlier in the sentence: "it is spelled K A T E, not C A T E", "the letters A B C D"."""
    window = text[max(0, start - 80) : start]
    sentence = _SENTENCE_BREAK.split(window)[-1]
    return any(w.lower() in lex.spelling_cues for w in _PREVIOUS_WORDS.findall(sentence)[-8:])


@cache
def _lexicon() -> _Lexicon:
    """Word costs (wordninja) and the CMU Pronouncing Dictionary, loaded on the first candidate."""
    import wordninja  # builds its 126,000-word table on import

    costs: Mapping[str, float] = wordninja.DEFAULT_LANGUAGE_MODEL._wordcost
    words = SpacedLetters.data.get("words", {})
    return _Lexicon(
        costs=costs,
        dictionary=lexicon.pronunciations(),
        spelling_cues=frozenset(words.get("spelling_cues", ())),
    )

