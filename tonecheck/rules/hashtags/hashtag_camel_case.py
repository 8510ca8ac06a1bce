"""Multi-word hashtags have a capital letter for each word

## What it checks

Hashtags made of several English words but written in one case: all lower case
(`#socialmediatips`), all capitals (`#BLACKFRIDAY`), or with only the first letter capitalised
(`#Socialmediatips`, three words or more). It suggests the same tag with a capital letter at the
start of each word (`#SocialMediaTips`), keeping digits (`#worldcup2026` → `#WorldCup2026`).

The words come from the `wordninja` word segmenter, which ranks splits by how often each word is
used. A tag is flagged only when the split is certain enough to be right:

- every part is a common English word (in the pronouncing dictionary and frequent enough, see
  *Options*); two-letter parts must be common words such as "of" or "me", and single letters or
  fragments ("ie", "oo") never count;
- the whole tag is not itself a word: `#therapist`, `#butterfly` and `#wellbeing` are single words
  even though they can be cut into shorter ones;
- the tag is not an acronym or initialism (`#NHS`, `#WCAG`, `#wfh`, `#a11y`), a number, already
  in mixed case (`#iPhone`, `#socialMediaTips`) or written in another script (`#日本語`).

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

`max_cost`, `max_cost_four_letters`, `max_cost_three_letters`: how rare a word may be and still
count as a word in a split, as a wordninja cost (lower means more common; 13.0 is roughly the
37,000 most common words, 12.0 the 14,000, 11.0 the 5,000). Short parts must be more common,
because short rare "words" are mostly names and fragments.

`min_words_capitalised`: a tag with only its first letter capitalised (`#Socialmediatips`) is
flagged only when it has at least this many words of three letters or more (default 3): two-part
capitalised tags are often names written as one word (`#Blindspot`, `#Pizzagate`).

`ambiguity_margin`: when another split costs at most this much more than the best one, both are
shown and the suggestion is marked as one to check.

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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise, product
from typing import Any, ClassVar

from tonecheck import lexicon
from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext

_INF = float("inf")
# Letter runs and digit runs of an ASCII hashtag body.
_RUNS = re.compile(r"[A-Za-z]+|[0-9]+")
# Letters after a number that belong to it ("80s", "8th") and are left as typed.
_NUMBER_SUFFIXES = frozenset({"s", "st", "nd", "rd", "th"})
# The longest word looked up while splitting (wordninja's own list has longer junk entries).
_MAX_WORD = 30
# Uncased platforms' topic tags may contain spaces, so their end is not known.
_SKIP_PLATFORMS = frozenset({"threads"})


@dataclass(frozen=True, slots=True)
class _Limits:
    """The options that decide whether a split is trusted (hashable, for the cache)."""

    max_cost: float
    max_cost_four: float
    max_cost_three: float
    min_words_capitalised: int
    ambiguity_margin: float


@dataclass(frozen=True, slots=True)
class _Verdict:
    """What to suggest for one hashtag body: the best form, and another likely one if unsure."""

    suggestion: str
    alternative: str | None


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Word costs (wordninja), pronunciations (CMU dictionary) and the rule's word lists."""

    costs: Mapping[str, float]
    pronunciations: Mapping[str, Sequence[Sequence[str]]]
    letter_sounds: Mapping[str, frozenset[tuple[str, ...]]]
    two_letter: frozenset[str]
    one_word: frozenset[str]
    prefixes: frozenset[str]
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
        max_cost=float(options["max_cost"]),
        max_cost_four=float(options["max_cost_four_letters"]),
        max_cost_three=float(options["max_cost_three_letters"]),
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
    lex = _lexicon()
    trusted = _trusted_words(limits)
    letters = "".join(c for c in body if c.isalpha())
    capitalised = not letters.isupper() and letters[0].isupper()
    best: list[str] = []
    other: list[str] = []
    unsure = False
    words = 0
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
        found = _split_run(run.lower(), lex, trusted, limits, last=index == len(runs) - 1)
        if found is None:
            return None  # a part we cannot read with confidence: do not guess
        parts, alternative = found
        words += sum(1 for p in parts if len(p) > 2)
        split_found = split_found or len(parts) > 1
        spelled = [_spell(p) for p in parts]
        best.extend(spelled)
        if alternative is None:
            other.extend(spelled)
        else:
            other.extend(_spell(p) for p in alternative)
            unsure = True
    if not split_found or (capitalised and words < limits.min_words_capitalised):
        return None
    suggestion = "".join(best)
    if suggestion == body:
        return None
    return _Verdict(suggestion, "".join(other) if unsure else None)


def _split_run(
    run: str, lex: _Lexicon, trusted: Mapping[str, float], limits: _Limits, *, last: bool
) -> tuple[list[str], list[str] | None] | None:
    """The words of one lower-case letter run and another likely split, or ``None`` if unsure.

    A run that is a word on its own (or an acronym) stays whole. Otherwise the split is
    wordninja's most likely one (never the run itself as one token: its list has joined-up
    entries such as "worldcup"), and every part must be a trusted word. Another split into
    trusted words whose cost is within the ambiguity margin ("pen island" for "penis land") is
    returned as the alternative.
    """
    if run.upper() in lex.acronyms or run in lex.one_word or run in lex.pronunciations:
        return [run], None
    parts, candidates = _splits(run, lex.costs, trusted)
    if parts is None or not all(p in trusted for p in parts) or not _plausible(parts, lex, last):
        return None
    if len(parts) == 2 and parts[0] in lex.prefixes:
        return [run], None  # "cybersecurity", "supergirl": one word with a prefix
    best_cost = sum(trusted[p] for p in parts)
    for candidate, cost in candidates:
        if candidate != parts and cost - best_cost <= limits.ambiguity_margin and _plausible(candidate, lex, last):
            return parts, candidate
    return parts, None


def _plausible(parts: Sequence[str], lex: _Lexicon, last: bool) -> bool:
    """Whether short words sit where a phrase can have them.

    "us" first is the country ("usnavy"); a phrase does not end in "to", "of" or "or"
    ("panto" is not "pan to"), unless a number follows ("repealthe8th"); a final "us" after a
    name-like part is a name ending ("reedus"); and a repeated two-letter word ("is is") is a
    fragment, not a phrase.
    """
    if parts[0] in lex.never_first or (last and parts[-1] in lex.never_last):
        return False
    if parts[-1] == "us" and len(parts) > 1:
        before = parts[-2]
        if len(before) > 2 and before not in lex.before_us:
            return False
    return not any(a == b and len(a) == 2 for a, b in pairwise(parts))


@lru_cache(maxsize=8)
def _trusted_words(limits: _Limits) -> Mapping[str, float]:
    """The words a split may use, with their costs: common, in the dictionary, not fragments.

    Two-letter words only from the rule's list; acronyms from the shared list even when the
    dictionary does not know them ("nhs" in "nhsheroes"); other words must be in the CMU
    dictionary and under the cost limit for their length. Built once per set of options.
    """
    lex = _lexicon()
    limit_for = {3: limits.max_cost_three, 4: limits.max_cost_four}
    return {
        word: cost
        for word, cost in lex.costs.items()
        if _is_trusted(word, cost <= limit_for.get(len(word), limits.max_cost), lex)
    }


def _is_trusted(word: str, common: bool, lex: _Lexicon) -> bool:
    if len(word) <= 2:
        return word in lex.two_letter
    if word not in lex.pronunciations:
        return word.upper() in lex.acronyms
    return common


def _splits(
    run: str, costs: Mapping[str, float], trusted: Mapping[str, float]
) -> tuple[list[str] | None, list[tuple[list[str], float]]]:
    """Split *run* into two or more parts, in one pass over its substrings.

    Returns wordninja's least-cost split into any dictionary entries (``None`` if there is none)
    and the two least-cost splits into trusted words, best first.
    """
    n = len(run)
    total = [0.0] + [_INF] * n
    back = [0] * (n + 1)
    # For each end position, up to two (cost, start, rank of the entry at start) entries.
    top: list[list[tuple[float, int, int]]] = [[(0.0, -1, -1)]] + [[] for _ in range(n)]
    lookup = costs.get
    for end in range(1, n + 1):
        entries: list[tuple[float, int, int]] = []
        lowest = _INF
        # The whole run is never one part: at the last position, start from 1.
        for start in range(max(1 if end == n else 0, end - _MAX_WORD), end):
            word = run[start:end]
            cost = lookup(word)
            if cost is None:
                continue
            if total[start] + cost < lowest:
                lowest = total[start] + cost
                back[end] = start
            if word in trusted:
                for rank, entry in enumerate(top[start]):
                    entries.append((entry[0] + cost, start, rank))
        total[end] = lowest
        if entries:
            entries.sort()
            top[end] = entries[:2]
    best = None if total[n] == _INF else _backtrack(run, back)
    found: list[tuple[list[str], float]] = []
    for rank, (cost, _, _) in enumerate(top[n]):
        parts: list[str] = []
        end, r = n, rank
        while end > 0:
            _, start, prev_rank = top[end][r]
            parts.append(run[start:end])
            end, r = start, prev_rank
        parts.reverse()
        found.append((parts, cost))
    return best, found


def _backtrack(run: str, back: Sequence[int]) -> list[str]:
    parts: list[str] = []
    end = len(run)
    while end > 0:
        parts.append(run[back[end] : end])
        end = back[end]
    parts.reverse()
    return parts


@lru_cache(maxsize=8192)
def _spell(part: str) -> str:
    """A word of the suggestion: capitals for parts read letter by letter, else a capital first."""
    if _is_initialism(part, _lexicon()):
        return part.upper()
    return part[:1].upper() + part[1:]


def _is_initialism(part: str, lex: _Lexicon) -> bool:
    if len(part) > 5:
        return False
    if part.upper() in lex.acronyms and part not in lex.pronunciations:
        return True
    return _spelled_out(part, lex)


def _spelled_out(part: str, lex: _Lexicon) -> bool:
    """True when the dictionary says *part* is only ever pronounced letter by letter ("bbc")."""
    said = lex.pronunciations.get(part)
    if not said:
        return False
    options = [lex.letter_sounds.get(ch, frozenset()) for ch in part]
    if not all(options):
        return False
    spelled = {tuple(phone for letter in combo for phone in letter) for combo in product(*options)}
    # Every pronunciation must be letter by letter: "us" is also said as a word.
    return all(tuple(_unstressed(p)) in spelled for p in said)


def _unstressed(phones: Iterable[str]) -> list[str]:
    return [p.rstrip("012") for p in phones]


@cache
def _lexicon() -> _Lexicon:
    """Load the word costs and the pronouncing dictionary once, on the first candidate hashtag."""
    import wordninja  # builds its 126,000-word table on import

    data = HashtagCamelCase.data.get("words", {})
    pronunciations = lexicon.pronunciations()
    letter_sounds = {
        ch: frozenset(tuple(_unstressed(p)) for p in pronunciations.get(ch, ()))
        for ch in "abcdefghijklmnopqrstuvwxyz"
    }
    costs: Mapping[str, float] = wordninja.DEFAULT_LANGUAGE_MODEL._wordcost
    return _Lexicon(
        costs=costs,
        pronunciations=pronunciations,
        letter_sounds=letter_sounds,
        two_letter=frozenset(data.get("two_letter", ())),
        one_word=frozenset(data.get("one_word", ())),
        prefixes=frozenset(data.get("prefixes", ())),
        never_first=frozenset(data.get("never_first", ())),
        never_last=frozenset(data.get("never_last", ())),
        before_us=frozenset(data.get("before_us", ())),
        acronyms=lexicon.acronyms(),
    )

