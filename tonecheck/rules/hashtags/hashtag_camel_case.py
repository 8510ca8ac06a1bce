"""Multi-word hashtags have a capital letter for each word

## What it checks

Hashtags made of several English words but written in one case: all lower case
(`#socialmediatips`), all capitals (`#BLACKFRIDAY`), or with only the first letter capitalised
(`#Socialmediatips`, three words or more). It suggests the same tag with a capital letter at the
start of each word (`#SocialMediaTips`), keeping digits (`#worldcup2026` → `#WorldCup2026`).

The words come from a word-pair language model (`tonecheck.segment`: word and word-pair counts
from the Google Web Trillion Word Corpus, as shipped by `wordsegment`, with newer words from
`wordfreq`), which ranks every way to read the tag. A tag is flagged only when the best reading is
clearly several words:

- it is more likely than the tag read as one word, by the margin in *Options*: `#superbowl`,
  `#nakedness`, `#pembrokeshire` and `#therapist` are more likely single words than "super bowl",
  "naked ness", "pembroke shire" or "the rapist"; `#goodmorning` is more likely "good morning";
- it is likely enough for its length, so an unknown name is not cut into rare words (`#soletrando`);
- every part is a common word (see *Options*); one- and two-letter parts must be words such as
  "a", "I", "of", "me" or acronyms such as "UK"; "a" and "I" count only next to words they are often
  used with (`#ihaveaproblem`, but not `#iphone`); prefixes and suffixes ("un", "para", "ness",
  "less") never stand alone (`#unfollow`, `#paragliding`, `#threadless`);
- the tag is not an acronym or initialism (`#NHS`, `#WCAG`, `#wfh`, `#a11y`), a number, already
  in mixed case (`#iPhone`, `#socialMediaTips`) or written in another script (`#日本語`).

Names written with inner capitals are suggested in their own form (`#soundcloud` → `#SoundCloud`).
Only English drafts are checked: for other languages the rule stays silent.

When a tag can be split in two likely ways (`#penisland`), the message shows both and the
suggestion is marked as one to check. Parts spoken letter by letter are written in capitals
(`#bbcnews` → `#BBCNews`).

Not checked on Threads, where a topic tag may contain spaces.

## Why it matters

Screen readers read a one-case hashtag as one long made-up word, or spell it out, so
`#socialmediatips` comes out as nonsense. A capital letter at the start of each word lets them
read the words apart, and it helps everyone read the tag, with no change to where it links.

Words that run together can also be read with a different meaning, as with `#puppyslaughter`.
On Mastodon, the composer may offer an existing lower-case form of a tag: retype it with capitals.

## Example

```text
Our top 10 #socialmediatips for the new year
```

## Use instead

```text
Our top 10 #SocialMediaTips for the new year
```

## Options

`min_count`, `min_count_four_letters`, `min_count_three_letters`: how common a word must be to count
as a part of a split, as log10 of its count in the trillion-word corpus (4.5 is about 30,000 uses,
6.0 a million). Short parts must be more common, because short rare "words" are mostly names and
fragments.

`min_margin`: how much more likely (log10) the split must be than the tag read as one word (0.5:
about three times as likely).

`min_score_per_letter`: the least log10 probability per letter of the split; below it the tag is
more likely an unknown name or word than the phrase.

`min_words_capitalised`: a tag with only its first letter capitalised (`#Socialmediatips`) is
flagged only when it has at least this many words of three letters or more (default 3): two-part
capitalised tags are often names written as one word (`#Blindspot`, `#Pizzagate`, `#Musicmonday`).

`ambiguity_margin`: when another split is at most this much less likely (log10) than the best one,
both are shown and the suggestion is marked as one to check.

## Fix

Suggests the tag with a capital letter at the start of each word. The suggestion is marked safe
only when the split is clear; when the tag could be split another way, both splits are shown and
the writer chooses.

## References

- https://accessibility.ucsd.edu/checklists/social-media.html
- https://defra-design.github.io/accessibility/resources/content/improve-social-media-accessibility/
- https://www.mass.gov/info-details/social-media-post-accessibility-0
- https://www.learntoenable.co.uk/socialmedia
- https://github.com/mastodon/mastodon/issues/24554
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any, ClassVar

from tonecheck import lexicon, segment
from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext

# Letter runs and digit runs of an ASCII hashtag body.
_RUNS = re.compile(r"[A-Za-z]+|[0-9]+")
# Letters after a number that belong to it ("80s", "8th") and are left as typed.
_NUMBER_SUFFIXES = frozenset({"s", "st", "nd", "rd", "th"})
# Uncased platforms' topic tags may contain spaces, so their end is not known.
_SKIP_PLATFORMS = frozenset({"threads"})
_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True, slots=True)
class _Limits:
    """The options that decide whether a split is trusted (hashable, for the cache)."""

    min_count: float
    min_count_four: float
    min_count_three: float
    min_margin: float
    min_score_per_letter: float
    min_words_capitalised: int
    ambiguity_margin: float


@dataclass(frozen=True, slots=True)
class _Verdict:
    """What to suggest for one hashtag body: the best form, and another likely one if unsure."""

    suggestion: str
    alternative: str | None


@dataclass(frozen=True, slots=True)
class _Words:
    """The rule's word lists (from its data file) and the shared acronyms."""

    short: frozenset[str]
    not_parts: frozenset[str]
    one_word: frozenset[str]
    brands: Mapping[str, str]
    never_first: frozenset[str]
    never_last: frozenset[str]
    before_us: frozenset[str]
    acronyms: frozenset[str]


@register
class HashtagCamelCase(Rule):
    id = "hashtag-camel-case"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Multi-word hashtags have a capital letter for each word"
    messages: ClassVar = {
        "one-case": "Write {tag} as {suggestion} so screen readers read each word.",
        "one-case-unsure": (
            "Write {tag} with a capital letter for each word so screen readers read each word. "
            "Did you mean {suggestion} or {alternative}?"
        ),
    }
    fix = FixAvailability.ALWAYS
    tags = frozenset({"readability"})
    references = (
        "https://accessibility.ucsd.edu/checklists/social-media.html",
        "https://defra-design.github.io/accessibility/resources/content/improve-social-media-accessibility/",
        "https://www.mass.gov/info-details/social-media-post-accessibility-0",
        "https://www.learntoenable.co.uk/socialmedia",
        "https://github.com/mastodon/mastodon/issues/24554",
    )
    languages = ("en",)

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        tags = draft.parsed.hashtags
        if not tags or draft.platform in _SKIP_PLATFORMS:
            return
        limits: _Limits | None = None
        for tag in tags:
            body = tag.text[1:]
            if not _is_candidate(body):
                continue
            if limits is None:
                limits = _limits(ctx.options)
            verdict = _judge(body, limits)
            if verdict is None:
                continue
            sign = tag.text[0]
            best = sign + verdict.suggestion
            if verdict.alternative is None:
                ctx.report(
                    "one-case",
                    tag.start,
                    tag.end,
                    suggestions=[Suggestion(best, f"Write {best}")],
                    tag=tag.text,
                    suggestion=best,
                )
                continue
            other = sign + verdict.alternative
            ctx.report(
                "one-case-unsure",
                tag.start,
                tag.end,
                suggestions=[
                    Suggestion(best, f"Write {best}", safe=False),
                    Suggestion(other, f"Write {other}", safe=False),
                ],
                tag=tag.text,
                suggestion=best,
                alternative=other,
            )


def _limits(options: Mapping[str, Any]) -> _Limits:
    return _Limits(
        min_count=float(options["min_count"]),
        min_count_four=float(options["min_count_four_letters"]),
        min_count_three=float(options["min_count_three_letters"]),
        min_margin=float(options["min_margin"]),
        min_score_per_letter=float(options["min_score_per_letter"]),
        min_words_capitalised=int(options["min_words_capitalised"]),
        ambiguity_margin=float(options["ambiguity_margin"]),
    )


def _is_candidate(body: str) -> bool:
    """Cheap checks before any dictionary work: ASCII letters and digits in one case, 5+ letters."""
    if not body.isascii() or not body.isalnum():
        return False  # other scripts, accents, underscores
    letters = [c for c in body if c.isalpha()]
    if len(letters) < 5:
        return False
    word = "".join(letters)
    if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
        return False  # already in mixed case (#iPhone, #SocialMediaTips)
    return body.upper() not in lexicon.acronyms()


@lru_cache(maxsize=4096)
def _judge(body: str, limits: _Limits) -> _Verdict | None:
    """The CamelCase form of a hashtag body, or ``None`` when it is not surely several words."""
    words = _words()
    letters = "".join(c for c in body if c.isalpha())
    capitalised = not letters.isupper() and letters[0].isupper()
    brand = words.brands.get(body.lower())
    if brand is not None:
        return None if brand == body else _Verdict(brand, None)
    best: list[str] = []
    other: list[str] = []
    unsure = False
    long_words = 0
    split_found = False
    previous = ""
    runs = _RUNS.findall(body)
    for index, run in enumerate(runs):
        if run.isdigit() or (previous.isdigit() and run.lower() in _NUMBER_SUFFIXES):
            best.append(run)  # numbers, and "80s", "8th" as typed
            other.append(run)
            previous = run
            continue
        previous = run
        found = _split_run(run.lower(), words, limits, last=index == len(runs) - 1)
        if found is None:
            return None  # a part we cannot read with confidence: do not guess
        parts, alternative = found
        long_words += sum(1 for p in parts if len(p) > 2)
        split_found = split_found or len(parts) > 1
        spelled = [_spell(p) for p in parts]
        best.extend(spelled)
        if alternative is None:
            other.extend(spelled)
        else:
            other.extend(_spell(p) for p in alternative)
            unsure = True
    if not split_found or (capitalised and long_words < limits.min_words_capitalised):
        return None
    suggestion = "".join(best)
    if suggestion == body:
        return None
    return _Verdict(suggestion, "".join(other) if unsure else None)


def _split_run(
    run: str, words: _Words, limits: _Limits, *, last: bool
) -> tuple[list[str], list[str] | None] | None:
    """The words of one lower-case letter run and another likely split, or ``None`` if unsure.

    The run's readings come from the word-pair model (:mod:`tonecheck.segment`). A run is split
    only when its best reading has several parts, every part is a trusted word, and that reading
    is at least ``min_margin`` (log10) more likely than the run read as one word: "nakedness" and
    "superbowl" are more likely as one word than as "naked ness" or "super bowl". A run too short
    to split, an acronym or a known single word stays whole. Another reading into trusted words
    whose score is within the ambiguity margin ("pen island" for "penis land") is the alternative.
    """
    if len(run) < 2 or run.upper() in words.acronyms or run in words.one_word:
        return [run], None
    if run[:2] * (len(run) // 2) == run or run[:1] * len(run) == run:
        return None  # a repeated fragment ("isisisis"), not a phrase
    ranked = segment.readings(run)
    whole = next((r.score for r in ranked if len(r.words) == 1), None)
    best = ranked[0]
    if len(best.words) == 1:
        return [run], None
    if whole is None:
        whole = segment.model().unknown(run)
    parts = list(best.words)
    if best.score - whole < limits.min_margin or best.score / len(run) < limits.min_score_per_letter:
        return None
    if not _plausible(parts, words, limits, last):
        return None
    for reading in ranked[1:]:
        if len(reading.words) == 1 or best.score - reading.score > limits.ambiguity_margin:
            continue
        candidate = list(reading.words)
        if _plausible(candidate, words, limits, last):
            return parts, candidate
    return parts, None


def _plausible(parts: Sequence[str], words: _Words, limits: _Limits, last: bool) -> bool:
    """Whether every part is a trusted word and short words sit where a phrase can have them.

    "us" first is the country ("usnavy"); a phrase does not end in "to", "of" or "or"
    ("panto" is not "pan to"), unless a number follows ("repealthe8th"); a final "us" after a
    name-like part is a name ending ("reedus"); and a repeated two-letter word ("is is") is a
    fragment, not a phrase.
    """
    if not all(_trusted(p, words, limits) for p in parts):
        return False
    if any(len(p) == 1 and not _in_pair(parts, i) for i, p in enumerate(parts)):
        return False  # "a" and "i" only next to a word they are often used with ("iphone" is not "i phone")
    if parts[0] in words.never_first or (last and parts[-1] in words.never_last):
        return False
    if parts[-1] == "us" and len(parts) > 1:
        before = parts[-2]
        if len(before) > 2 and before not in words.before_us:
            return False
    return not any(a == b and len(a) <= 2 for a, b in pairwise(parts))


def _in_pair(parts: Sequence[str], index: int) -> bool:
    """Whether a one-letter part is used with its neighbours: "a" with both, "i" with one."""
    pairs = segment.model().bigrams
    before = index == 0 or f"{parts[index - 1]}_{parts[index]}" in pairs
    after = index + 1 == len(parts) or f"{parts[index]}_{parts[index + 1]}" in pairs
    if parts[index] == "a":
        return before and after
    return (before and index > 0) or (after and index + 1 < len(parts))


def _trusted(part: str, words: _Words, limits: _Limits) -> bool:
    """A common word: short ones from the rule's list or the acronyms, longer ones frequent enough."""
    if part in words.not_parts:
        return False
    if len(part) <= 2:
        return part in words.short or part.upper() in words.acronyms
    count = segment.model().unigrams.get(part)
    if count is None:
        return False
    limit = {3: limits.min_count_three, 4: limits.min_count_four}.get(len(part), limits.min_count)
    return count >= limit or part.upper() in words.acronyms


@lru_cache(maxsize=8192)
def _spell(part: str) -> str:
    """A word of the suggestion: capitals for parts read letter by letter, else a capital first."""
    if _is_initialism(part, _words()):
        return part.upper()
    return part[:1].upper() + part[1:]


def _is_initialism(part: str, words: _Words) -> bool:
    """Known acronyms ("nhs") and short parts without a vowel ("bbc", "mtv") are read letter by letter."""
    if part in words.short:
        return False
    if part.upper() in words.acronyms:
        return True
    return 2 <= len(part) <= 4 and not (_VOWELS & set(part))


@cache
def _words() -> _Words:
    """The rule's word lists, loaded on the first candidate hashtag."""
    data = HashtagCamelCase.data.get("words", {})
    brands = {form.lower(): form for form in data.get("brands", ())}
    return _Words(
        short=frozenset(data.get("short", ())),
        not_parts=frozenset(data.get("not_parts", ())),
        one_word=frozenset(data.get("one_word", ())),
        brands=brands,
        never_first=frozenset(data.get("never_first", ())),
        never_last=frozenset(data.get("never_last", ())),
        before_us=frozenset(data.get("before_us", ())),
        acronyms=lexicon.acronyms(),
    )
