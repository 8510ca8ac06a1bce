"""Text is not written in long runs of capital letters

## What it checks

Runs of three or more shouted words in capital letters ("THIS IS NOT A DRILL"). A run goes on
across punctuation, emoji, hashtags and links, and ends at a word in lower or mixed case.

Only words that are clearly words count: words of four letters or more that are in the CMU
Pronouncing Dictionary (or written with accented letters, as in "QUÉ" or "INCREÍBLE"), and
common short words such as "IS", "NOT" and "YOU". Acronyms and initialisms (NHS, BBC, NASA, GOV.UK,
AI), Roman numerals (XIV), unknown short capitals (NY, CNN), ticker symbols, single letters
("I", "A"), hashtags, handles, links and words glued to them do not count, so "I LOVE NY" and
"NHS UK BBC" are not flagged. One emphatic word ("This is NOT a drill") is not flagged either.
Scripts without capital letters are never checked, nor are Greek and Cyrillic, whose capitals
drop accents. Fullwidth and mathematical capitals are left to `fancy-text`.

A heading in capitals on a line of its own, above text in sentence case, is reported at
`suggestion` severity.

## Why it matters

Text in capitals is harder to read, especially for people with dyslexia: words lose their shape.
Some screen readers spell out words in capitals letter by letter, as if they were acronyms, and
many readers take capitals as shouting. University of Arkansas accessibility guidance warns that
screen readers read all caps differently.

## Example

```text
THIS IS NOT A DRILL: the office is closed today.
```

## Use instead

```text
This is not a drill: the office is closed today. The NHS and BBC have details.
```

## Options

`min_words`: the fewest shouted words in a run that are flagged (default 3).

## Fix

Suggests the run in sentence case, keeping known acronyms, unknown initialisms and "I" in
capitals and starting each sentence with a capital. Names keep their capitals: days and months
("CLOSED ON MONDAY" → "Closed on Monday"; "MAY" and "MARCH" only next to a number or after "in",
"of", "until" …), the voice profile's brand names, and place names from GeoNames (cities of 15,000
people or more, countries, US states) unless they are everyday words ("Reading", "Sale"). Other
names would lose their capitals, so the suggestion is always one to check, and its label says to
put capitals back on names when a lowered word is not an everyday word.

The span stops at the end of a sentence: words after it that are not shouted ("… PICK ONE. I
think") are not part of the finding.

## References

- https://www.uada.edu/employees/division-accessibility/social_media/
- https://ada.uky.edu/digital-accessibility/social-media
- https://blogs.lanecc.edu/webteam/2017/03/07/using-all-capital-letters/
- https://scaramanga.marketing/articles/2022/writing-an-accessible-social-post
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice, pairwise
from typing import ClassVar

import regex

from tonecheck import lexicon
from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext, clip
from tonecheck.rules.characters._names import NameFinder, is_familiar
from tonecheck.text import Token, whole_graphemes

# A word of two or more capitals: counting them is the cheap test that lets most drafts out at once.
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}[\p{Lu}\p{M}'’]*\p{Lu}(?![\p{L}\p{M}])")
_LATIN = regex.compile(r"^[\p{Latin}\p{M}\p{N}'’.\-]+$")
_ROMAN = regex.compile(r"^M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_ELONGATED = regex.compile(r"(\p{L})\1{2,}")
_SUFFIX = regex.compile(r"['’]S$")
_SENTENCE_END = frozenset(".!?…\n")
# One user-perceived character (extended grapheme cluster): finding spans never split one.

# What a word is in a run.
_SHOUT = "shout"  # a shouted word: counts towards the run
_QUIET = "quiet"  # not surely a word (DEPLORABLES, IT, US): not counted, but lowered in the suggestion
_KEEP = "keep"  # an acronym, initialism or Roman numeral (NHS, CNN, XIV): not counted, kept in capitals
_NEUTRAL = "neutral"  # no letters to change ("I", "A", numbers): neither counts nor breaks a run
_BREAK = "break"  # lower or mixed case, or another script: ends the run


@dataclass(frozen=True, slots=True)
class _Lexicon:
    short: frozenset[str]
    dictionary: Mapping[str, object]
    acronyms: frozenset[str]


@register
class AllCaps(Rule):
    id = "all-caps"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Text is not written in long runs of capital letters"
    messages: ClassVar = {
        "shouting": (
            '"{text}" is in capital letters. It is harder to read, and some screen readers spell it '
            "out. Use sentence case."
        ),
        "heading": (
            'The heading "{text}" is in capital letters, which is harder to read. Use sentence case.'
        ),
    }
    fix = FixAvailability.ALWAYS
    tags = frozenset({"readability", "dyslexia", "screen-reader"})
    references = (
        "https://www.uada.edu/employees/division-accessibility/social_media/",
        "https://ada.uky.edu/digital-accessibility/social-media",
        "https://blogs.lanecc.edu/webteam/2017/03/07/using-all-capital-letters/",
        "https://scaramanga.marketing/articles/2022/writing-an-accessible-social-post",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        parsed = draft.parsed
        minimum = ctx.options["min_words"]
        if len(_CAPITALISED.findall(parsed.prose)) < minimum:
            return  # fewer words in capitals than a run needs
        lex = _lexicon()
        entities = (*parsed.urls, *parsed.mentions, *parsed.hashtags, *parsed.cashtags)
        edges = {t.start for t in entities} | {t.end for t in entities}
        run: list[tuple[Token, str]] = []
        for word in parsed.words:
            # A word glued to a link or handle is a fragment of it ("TRENDhttps://…").
            kind = _BREAK if word.start in edges or word.end in edges else _kind(word.text, lex)
            if kind != _BREAK:
                run.append((word, kind))
                continue
            self._finish(run, minimum, draft, ctx)
            run = []
        self._finish(run, minimum, draft, ctx)

    def _finish(self, run: list[tuple[Token, str]], minimum: int, draft: Draft, ctx: RuleContext) -> None:
        if sum(kind == _SHOUT for _, kind in run) < minimum:
            return
        run = _sentences_with_shouting(_trim(_trim(run)[::-1])[::-1], draft.text)
        text = draft.text
        start, end = run[0][0].start, run[-1][0].end
        fixed, unsure = _sentence_case(run, draft)
        message = "heading" if _is_heading(draft, start, end) else "shouting"
        wide_start, wide_end = whole_graphemes(text, start, end)
        fixed = text[wide_start:start] + fixed + text[end:wide_end]
        start, end = wide_start, wide_end
        label = "Use sentence case, then put capitals back on any names" if unsure else "Use sentence case"
        ctx.report(
            message, start, end,
            suggestions=[Suggestion(fixed, label, safe=False)],
            severity=Severity.SUGGESTION if message == "heading" else None,
            text=clip(text[start:end]),
        )


def _kind(word: str, lex: _Lexicon) -> str:
    """What one word is in a run of capitals."""
    if word.isascii() and word != word.upper():
        return _BREAK  # a small letter: most words, decided without a loop over the letters
    letters = [ch for ch in word if ch.isalpha()]
    if not letters:
        return _NEUTRAL
    if any(ch.islower() for ch in letters):
        return _BREAK
    if not any(ch.isupper() for ch in letters):
        return _BREAK  # a script without case (Arabic, Chinese, Hindi …)
    if _LATIN.match(word) is None:
        return _BREAK  # Greek, Cyrillic …: capitals drop accents, so no safe suggestion
    if len(letters) == 1 or any(ch.isdigit() for ch in word) or "." in word:
        return _NEUTRAL  # "I", "A", "3PM", "U.S.A"
    bare = _SUFFIX.sub("", word)
    if bare.upper() in lex.acronyms or word.upper() in lex.acronyms:
        return _QUIET if bare.lower() in lex.short else _KEEP  # "IT", "US" and "WHO" are words too
    if "-" in bare:
        parts = [_kind(p, lex) for p in bare.split("-") if p]
        if _KEEP in parts:
            return _KEEP  # "COVID-LIKE", "BBC-LED"
        return _SHOUT if _SHOUT in parts else _QUIET
    lower = word.lower().replace("’", "'")
    if not word.isascii():
        if any("\uff00" <= ch <= "\uffef" for ch in word):
            return _NEUTRAL  # fullwidth letters: the fancy-text rule's
        return _SHOUT  # accented capitals are words, not initialisms: "QUÉ", "DÍA", "GRÜN"
    if len(letters) <= 3:
        return _SHOUT if lower in lex.short else _KEEP  # NY, CNN, NFL: probably initialisms
    if _ROMAN.match(word):
        return _KEEP
    if _is_word(lower, lex):
        return _SHOUT
    squeezed = _ELONGATED.sub(r"\1", lower)
    if squeezed != lower and (_is_word(squeezed, lex) or _is_word(_ELONGATED.sub(r"\1\1", lower), lex)):
        return _SHOUT  # "SOOOO", "YESSS", "NOOOO"
    return _QUIET  # a name, a typo or a ticker symbol


def _is_word(lower: str, lex: _Lexicon) -> bool:
    return lower in lex.short or lower in lex.dictionary or lower.replace("'", "") in lex.dictionary


def _trim(run: list[tuple[Token, str]]) -> list[tuple[Token, str]]:
    """Drop numbers, codes ("E78") and spaced letters ("S A L E") from the start of a run.

    A lone "I" or "A" stays, as in "I LOVE NY".
    """
    lead = 0
    while run[lead][1] == _NEUTRAL:
        lead += 1
    if lead == 1 and not any(ch.isdigit() for ch in run[0][0].text):
        return run
    return run[lead:]


def _sentences_with_shouting(run: list[tuple[Token, str]], text: str) -> list[tuple[Token, str]]:
    """The run without whole sentences at its ends that have no shouted word.

    "WE ALL NEED TO PICK ONE.   I think" ends at "ONE.": the "I" starts the next sentence.
    """
    starts = [i for i, (word, _) in enumerate(run) if i and _starts_sentence(text, word.start)]
    bounds = [0, *starts, len(run)]
    groups = [run[a:b] for a, b in pairwise(bounds)]
    shouted = [i for i, group in enumerate(groups) if any(kind == _SHOUT for _, kind in group)]
    return [item for group in groups[shouted[0] : shouted[-1] + 1] for item in group]


# -- the suggestion -----------------------------------------------------------------------------


def _sentence_case(run: Sequence[tuple[Token, str]], draft: Draft) -> tuple[str, bool]:
    """The run in sentence case, keeping names; and whether a lowered word may have been a name."""
    text = draft.text
    lex = _lexicon()
    bare = [_SUFFIX.sub("", word.text) for word, _ in run]
    brands = draft.profile.brands if draft.profile is not None else ()
    names = _finder(brands).find(bare, lex.short)
    written: dict[int, str] = {}
    for i, (size, name) in names.items():
        parts = name.split()
        for k in range(size):
            written[i + k] = parts[k] if len(parts) == size else (name if k == 0 else "")
    out: list[str] = []
    pos = run[0][0].start
    unsure = False
    for i, (word, kind) in enumerate(run):
        out.append(text[pos : word.start])
        pos = word.end
        if i in written:
            out.append(written[i] + ("'s" if bare[i] != word.text else ""))
            continue
        cased = _case_word(word.text, kind, _starts_sentence(text, word.start))
        if cased != word.text and kind != _NEUTRAL and not _familiar(bare[i], lex):
            unsure = True  # a name we do not know would lose its capitals
        out.append(cased)
    return "".join(out), unsure


def _familiar(word: str, lex: _Lexicon) -> bool:
    lower = word.lower().replace("’", "'")
    return lower in lex.short or all(is_familiar(part) for part in lower.split("-") if part)


@lru_cache(maxsize=64)
def _finder(brands: tuple[str, ...]) -> NameFinder:
    return NameFinder(AllCaps.data, brands)


def _case_word(word: str, kind: str, first: bool) -> str:
    if kind == _KEEP or (kind == _NEUTRAL and word != "A"):
        return _SUFFIX.sub(lambda m: m.group()[0] + "s", word)  # "NHS'S" → "NHS's"; "I", "U.S.A"
    lower = word.lower()
    if lower == "i" or lower.startswith(("i'", "i’")):
        return "I" + lower[1:]
    if first:
        return lower[:1].upper() + lower[1:]
    return lower


def _starts_sentence(text: str, start: int) -> bool:
    """True when nothing but spaces, quotes, brackets or emoji comes between a sentence end and *start*."""
    i = start - 1
    while i >= 0:
        ch = text[i]
        if ch in _SENTENCE_END:
            return True
        if ch.isalnum() or ch in ",;:-–—&+/":
            return False
        i -= 1
    return True


def _is_heading(draft: Draft, start: int, end: int) -> bool:
    """A line that is only the run, with a line of ordinary text below it."""
    parsed = draft.parsed
    lines = parsed.lines
    i = parsed.line_index(start)  # by bisection: a scan of every line per run was quadratic
    line = lines[i]
    if not (line.start <= start and end <= line.end):
        return False
    if any(ch.isalpha() for ch in parsed.prose[line.start : start] + parsed.prose[end : line.end]):
        return False
    following = next((ln for ln in islice(lines, i + 1, None) if any(ch.isalpha() for ch in ln.text)), None)
    return following is not None and any(ch.islower() for ch in following.text)




@cache
def _lexicon() -> _Lexicon:
    """Load the word lists once, on the first draft with two capitals in a row."""
    words = AllCaps.data.get("words", {})
    return _Lexicon(
        short=frozenset(words.get("short", ())),
        dictionary=lexicon.pronunciations(),
        acronyms=lexicon.acronyms(),
    )

