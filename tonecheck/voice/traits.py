"""Tone traits of a draft: formality, warmth, energy, confidence, directness and plainness

Every draft gets six tone traits, each a whole number from 0 to 100 with the evidence behind it:
the spans of the draft that raised or lowered it. Brand voice profiles set targets on them
(`warmth = {min = 40}`), so the traits are built to be stable and explainable rather than clever:
each is a short formula over counts of signs that anyone can check by reading the evidence.

## What counts as text

Words are the words of the draft outside links, @handles, #hashtags, $cashtags and emoji (they are
not the writer's prose), and only words with a letter count (not bare numbers). A draft with fewer
than 6 such words gets no values (`None`): there is too little text to judge a tone. Traits are
measured for English only; other languages get `None`. Emoji are not words, but they are part of the
tone: they count as signs of informality, warmth and energy (see each trait).

Most traits count signs per word. A draft shorter than 12 words is treated as 12 words long, so one
sign in a short post moves a trait by a fair amount but not from one end of the scale to the other.
Below, `W` is `max(words, 12)`.

A word written with a capital letter inside a sentence (not at its start) is taken for a name
("Super Bowl", "May", "Information Commissioner") and does not count as a sign in the word lists.

## Formality

How formal the wording is. 0 is chatty, 50 neutral, 100 formal.

    formality = 50 + 250 × (formal − informal) / W

- formal signs (+1 each): a formal word or phrase ("utilise", "prior to", "hereby", "whilst",
  "please note"; the plain-words rule's list plus our own), impersonal phrasing ("it is
  recommended", "customers are advised", "please be advised"); long Latin-based nouns of 10+
  letters ending in -tion, -ment, -ance, -ence or -ity ("application", "requirements") count half,
  except everyday ones ("government", "experience").
- informal signs (−1 each): contractions ("we're", "don't", "it's"), chatty words and text-speak
  ("lol", "hey", "gonna", "awesome", "y'all") and each run of emoji.

The signs follow Heylighen and Dewaele's formality measure and Biber's register studies:
contractions and interjections mark involved, informal text; nominalisations and Latinate words
mark formal, detached text.

## Warmth

How positive the words and emoji are: the VADER sentiment of the draft (Hutto and Gilbert, 2014), a
lexicon and rules tuned to social media text that handle negation ("not good"), degree words ("very
good"), capitals and exclamation marks. 0 is very negative, 50 neutral, 100 very positive.

    warmth = 50 + 50 × compound

where `compound` is VADER's compound score (−1 to +1), computed by an exact port of VADER 3.3.2 that
also says which words it scored. VADER reads the draft with links, @handles and $cashtags left out;
hashtags and emoji stay in (VADER knows many emoji by name, and emoji modifiers such as the variation
selector in "❤️" are removed so it recognises them). Two adjustments for the posts of organisations:
the fire emoji is left out (VADER reads its name as negative, but it means "hot, exciting" on social
media), and a few words VADER scores out of context are read as neutral: "please", "sorry",
"waste", "empty", "leave", "hard", "number", "matter", "security" ("garden waste", "empty your
bin"). Evidence: each word VADER scored (a positive or negative word, or one turned round by a
negation such as "not good") and each emoji it scored.

## Energy

How excited the draft sounds. 0 is calm, 100 is a sign of excitement every three words or more.

    energy = 300 × signs / W        (at most 100)

Signs: an exclamation mark (+1; a run such as "!!!" or "!?!" +2), a word in capitals for emphasis
("LOVE", not acronyms such as NHS), an intensifier ("very", "really", "totally"; "so" and "such" only
before a feeling word: "so excited"), an excited word ("amazing", "thrilled", "can't wait"), a
stretched word ("sooo", "yesss") and a lively emoji (party popper, rocket, fire, clapping hands…).
These are VADER's own intensity cues.

## Confidence

How sure the draft sounds. A draft that states things without hedging scores 75; hedges lower it,
certainty words raise it.

    confidence = 75 + 250 × (certainty − hedges) / W

Hedges (Hyland 1998, 2005): "maybe", "perhaps", "might", "may" (not "May", nor "may I"),
"probably", "hopefully", "we think", "I believe", "it seems", "sort of" and "kind of" (not "what kind
of"), "a bit", "could be", and "just" as a softener ("just wanted to", "just checking"; not "we just
launched"). Certainty words: "definitely", "certainly", "of course", "no doubt", "we're confident",
"rest assured".

## Directness

How directly the draft speaks to the reader. 0 is impersonal, 50 neutral, 100 direct.

    directness = 50 + 250 × (direct − indirect) / W

Direct signs: words that address the reader ("you", "your", "you'll") and instructions (a sentence
that starts with a verb such as "Apply", "Book", "Join", "Please…", "Don't…"; verbs that are also
nouns, such as "Help" or "Update", only before an object: "Help us", "Update your app").
Indirect signs: passive verbs ("will be closed", "was cancelled", "has been agreed") and
impersonal phrasing ("customers are advised", "it is recommended").

A passive verb is a form of "be" (or "get") followed by a past participle, with at most two words
such as "not" or "now" between them. Adjectives that look like participles are not passives: "we
are excited", "I'm interested", "she is married"; words that also describe a state only count after
"be", "been" or "being" ("will be closed", not "the office is closed"), and "is set to", "used to",
"supposed to", "get started", "get involved" never count.

## Plainness

How easy the draft is to read, from LIX (Björnsson 1968): the average sentence length plus the
percentage of long words (more than six letters; names inside a sentence are not counted as long).
LIX works the same on a 10-word post and on a long thread, unlike grade formulas that count
syllables.

    LIX = words / sentences + 100 × long words / words
    plainness = 100 − 2.5 × (LIX − 20)        (0 to 100)

LIX 20 or less (very easy) is 100, LIX 40 (a newspaper) is 50, LIX 60 or more (official documents)
is 0. Evidence: each long word, and each sentence of more than 20 words.

## Sources

The word lists, thresholds and their sources are in `tonecheck/data/voice/traits.toml`.

- Heylighen, F. and Dewaele, J.-M. (2002), "Variation in the contextuality of language",
  Foundations of Science 7: https://doi.org/10.1023/A:1019661126744
- Biber, D. (1988), Variation across speech and writing: https://doi.org/10.1017/CBO9780511621024
- Hutto, C. J. and Gilbert, E. (2014), "VADER: a parsimonious rule-based model for sentiment
  analysis of social media text", ICWSM-14: https://ojs.aaai.org/index.php/ICWSM/article/view/14550
- Hyland, K. (1998), Hedging in Scientific Research Articles: https://doi.org/10.1075/pbns.54
- Anderson, J. (1983), "Lix and Rix: variations on a little-known readability index", Journal of
  Reading 26(6): https://www.jstor.org/stable/40031755
- GOV.UK, Writing for GOV.UK: https://www.gov.uk/guidance/content-design/writing-for-gov-uk
- Plain English Campaign, How to write in plain English: https://www.plainenglish.co.uk/files/howto.pdf
"""

from __future__ import annotations

import itertools
import math
import re
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

import regex

from tonecheck import lexicon
from tonecheck.text import ParsedText, Token

__all__ = ["TRAITS", "Evidence", "Trait", "describe_scale", "measure"]

TRAITS: tuple[str, ...] = ("formality", "warmth", "energy", "confidence", "directness", "plainness")

_CACHE_KEY = "voice.traits"
_DATA_FILE = "voice/traits.toml"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the draft behind a trait: ``effect`` +1 raises the trait, -1 lowers it."""

    start: int
    end: int
    label: str
    effect: int


@dataclass(frozen=True, slots=True)
class Trait:
    """One tone trait of a draft: a value from 0 to 100 (``None`` when it cannot be judged)."""

    name: str
    value: int | None
    evidence: tuple[Evidence, ...]
    detail: str


_SCALES: Mapping[str, str] = {
    "formality": "0 is chatty (contractions, slang, emoji), 50 neutral, 100 formal (formal words, impersonal phrases).",
    "warmth": "0 is very negative, 50 neutral, 100 very positive (VADER sentiment of the words and emoji).",
    "energy": "0 is calm, 100 has a sign of excitement (exclamation mark, capitals, intensifier) every three words.",
    "confidence": '0 is heavily hedged ("maybe", "we think"), 75 says things plainly, 100 is emphatic ("definitely").',
    "directness": (
        '0 is impersonal (passive verbs, "customers are advised"), 50 neutral, '
        '100 speaks to the reader ("you", instructions).'
    ),
    "plainness": "0 is very hard to read (LIX 60 or more), 50 reads like a newspaper (LIX 40), 100 is very easy.",
}

# Plural forms of the evidence labels, for the one-sentence details.
_PLURALS: Mapping[str, str] = {
    "formal word": "formal words",
    "impersonal phrase": "impersonal phrases",
    "long Latin-based word": "long Latin-based words",
    "contraction": "contractions",
    "chatty word": "chatty words",
    "emoji": "emoji",
    "positive word": "positive words",
    "negative word": "negative words",
    "negated positive word": "negated positive words",
    "negated negative word": "negated negative words",
    "positive emoji": "positive emoji",
    "negative emoji": "negative emoji",
    "exclamation mark": "exclamation marks",
    "run of exclamation marks": "runs of exclamation marks",
    "word in capitals": "words in capitals",
    "intensifier": "intensifiers",
    "excited word": "excited words",
    "stretched word": "stretched words",
    "lively emoji": "lively emoji",
    "hedge": "hedges",
    "certainty word": "certainty words",
    "word addressing the reader": "words addressing the reader",
    "instruction": "instructions",
    "passive verb": "passive verbs",
    "long word": "long words",
    "long sentence": "long sentences",
}

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_HAS_LETTER = regex.compile(r"\p{L}")
_EXCLAMATION = regex.compile(r"[!?！？‽]*[!！‽][!?！？‽]*")
_STRETCHED = regex.compile(r"(\p{L})\1\1")
_SQUEEZE = regex.compile(r"(\p{L})\1+")
_STRETCHED_ANY = re.compile(r"([^\W\d_])\1\1")  # a quick test before _STRETCHED runs word by word
_CONTRACTION_ENDINGS = ("n't", "'re", "'ve", "'ll", "'d", "'m")


# ---- public API -----------------------------------------------------------------------------------


def measure(parsed: ParsedText, language: str = "en") -> dict[str, Trait]:
    """The six tone traits of a draft, computed once and cached in ``parsed.cache["voice.traits"]``."""
    cached = parsed.cache.get(_CACHE_KEY)
    if isinstance(cached, dict) and parsed.cache.get(_CACHE_KEY + ".language") == language:
        return cached
    result = _measure(parsed, language)
    parsed.cache[_CACHE_KEY] = result
    parsed.cache[_CACHE_KEY + ".language"] = language
    return result


def describe_scale(name: str) -> str:
    """One line saying what 0 and 100 mean for a trait (``KeyError`` for an unknown name)."""
    try:
        return _SCALES[name]
    except KeyError:
        raise KeyError(f"unknown tone trait {name!r}; traits are {', '.join(TRAITS)}") from None


# ---- data -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Phrase:
    words: tuple[str, ...]
    not_after: frozenset[str]
    not_before: frozenset[str]


class _Phrases:
    """Word sequences found by their first word; the longest phrase wins at each position."""

    __slots__ = ("_by_first", "firsts")

    def __init__(self, phrases: Iterable[str], conditions: Mapping[str, Mapping[str, Sequence[str]]] | None = None):
        by_first: dict[str, list[_Phrase]] = {}
        conditions = conditions or {}
        seen: set[tuple[str, ...]] = set()
        for phrase in phrases:
            words = tuple(_norm(phrase).split())
            if not words or words in seen:
                continue
            seen.add(words)
            cond = conditions.get(phrase, {})
            by_first.setdefault(words[0], []).append(
                _Phrase(words, frozenset(cond.get("not_after", ())), frozenset(cond.get("not_before", ())))
            )
        for entries in by_first.values():
            entries.sort(key=lambda p: -len(p.words))
        self._by_first = by_first
        #: The words a phrase can start with.
        self.firsts = frozenset(by_first)

    def match(self, d: _Draft, i: int) -> int:
        """The end (exclusive word index) of the longest phrase starting at word *i*, or 0."""
        entries = self._by_first.get(d.lower[i])
        if not entries:
            return 0
        for p in entries:
            end = d.sequence(i, p.words)
            if not end:
                continue
            if p.not_after and i and d.tight[i - 1] and d.lower[i - 1] in p.not_after:
                continue
            if p.not_before and end < len(d.lower) and d.tight[end - 1] and d.lower[end] in p.not_before:
                continue
            return end
        return 0


@dataclass(frozen=True, slots=True)
class _Data:
    options: Mapping[str, Any]
    formal: _Phrases
    impersonal: _Phrases
    chatty: frozenset[str]
    latinate_endings: tuple[str, ...]
    latinate_everyday: frozenset[str]
    intensifiers: frozenset[str]
    before_feeling: frozenset[str]
    degree_heads: frozenset[str]
    not_stretched: frozenset[str]
    energy_words: frozenset[str]
    excited: _Phrases
    lively_emoji: frozenset[str]
    short_shouts: frozenset[str]
    hedges: _Phrases
    certainty: _Phrases
    reader_words: frozenset[str]
    imperatives: _Phrases
    imperatives_with_object: frozenset[str]
    object_words: frozenset[str]
    lead_ins: frozenset[str]
    be_finite: frozenset[str]
    be_nonfinite: frozenset[str]
    be_verbs: frozenset[str]
    be_bases: frozenset[str]
    get_forms: frozenset[str]
    between: frozenset[str]
    irregular: frozenset[str]
    not_participles: frozenset[str]
    adjectival: frozenset[str]
    stative: frozenset[str]
    not_before: Mapping[str, frozenset[str]]
    not_after_get: frozenset[str]
    skip_emoji: frozenset[str]
    neutral_words: frozenset[str]


def _norm(word: str) -> str:
    return word.lower().translate(_APOSTROPHES)


def _set(items: Iterable[str]) -> frozenset[str]:
    return frozenset(_norm(item) for item in items)


@cache
def _data() -> _Data:
    raw = lexicon.load_toml(_DATA_FILE)
    formality, energy, confidence = raw["formality"], raw["energy"], raw["confidence"]
    directness, passive = raw["directness"], raw["passive"]
    impersonal = list(formality["impersonal"])
    impersonal += [
        f"{reader} {link} {verb}"
        for reader in formality["impersonal_readers"]
        for link in formality["impersonal_links"]
        for verb in formality["impersonal_verbs"]
    ]
    return _Data(
        options=raw["options"],
        formal=_Phrases([*formality["formal_words"], *_plain_words_forms()]),
        impersonal=_Phrases(impersonal),
        chatty=_set(formality["chatty"]),
        latinate_endings=tuple(formality["latinate_endings"]),
        latinate_everyday=_set(formality["latinate_everyday"]),
        intensifiers=_set(energy["intensifiers"]),
        before_feeling=_set(energy["intensifiers_before_feeling"]),
        degree_heads=_set(energy["degree_heads"]),
        not_stretched=_set(energy["not_stretched"]),
        energy_words=_set(energy["intensifiers"]) | _set(energy["intensifiers_before_feeling"]),
        excited=_Phrases(energy["excited"]),
        lively_emoji=frozenset(energy["lively_emoji"]),
        short_shouts=_set(energy["short_shouts"]),
        hedges=_Phrases(confidence["hedges"], confidence.get("conditions", {})),
        certainty=_Phrases(confidence["certainty"]),
        reader_words=_set(directness["reader_words"]),
        imperatives=_Phrases(directness["imperatives"]),
        imperatives_with_object=_set(directness["imperatives_with_object"]),
        object_words=_set(directness["object_words"]),
        lead_ins=_set(directness["lead_ins"]),
        be_finite=_set(passive["be_finite"]),
        be_nonfinite=_set(passive["be_nonfinite"]),
        be_verbs=_set([*passive["be_finite"], *passive["be_nonfinite"], *passive["get_forms"]]),
        be_bases=_set(passive["be_contraction_bases"]),
        get_forms=_set(passive["get_forms"]),
        between=_set(passive["between"]),
        irregular=_set(passive["irregular"]),
        not_participles=_set(passive["not_participles"]),
        adjectival=_set(passive["adjectival"]),
        stative=_set(passive["stative"]),
        not_before={_norm(k): _set(v) for k, v in passive["not_before"].items()},
        not_after_get=_set(passive["not_after_get"]),
        skip_emoji=frozenset(raw["warmth"]["skip_emoji"]),
        neutral_words=_set(raw["warmth"]["neutral_words"]),
    )


def _plain_words_forms() -> list[str]:
    """Formal words and phrases of the plain-words rule that it flags in every context.

    Entries with context conditions ("assist" only as a verb) have an everyday sense, so they are
    left out here.
    """
    words = lexicon.load_toml("rules/plain-words.toml").get("words", {})
    conditions = ("after", "not_after", "before", "not_before")
    forms: list[str] = []
    for group in words.values():
        if not any(key in group for key in conditions):
            forms.extend(group.get("forms", {}))
    return forms


# ---- the draft, tokenised once for all traits ------------------------------------------------------


class _Sign(NamedTuple):
    start: int
    end: int
    label: str
    effect: int
    weight: float = 1.0


class _Draft:
    """The words of a draft with what the traits need about them, computed once."""

    __slots__ = ("counted", "lettered", "lower", "names", "parsed", "sentences", "starts", "text", "tight", "words")

    def __init__(self, parsed: ParsedText) -> None:
        self.parsed = parsed
        self.text = text = parsed.text
        self.words: list[Token] = parsed.words
        words = self.words
        raw = [w.text for w in words]
        lower = [t.lower() for t in raw]
        if "’" in text or "‘" in text:
            lower = [low.translate(_APOSTROPHES) for low in lower]
        self.lower = lower
        self.tight = [text[a.end : b.start].isspace() for a, b in itertools.pairwise(words)]
        #: Whether each word has a letter (bare numbers are not counted as words).
        self.lettered = [t.isalpha() or _HAS_LETTER.search(t) is not None for t in raw]
        self.counted = sum(self.lettered)
        #: The word indices of each sentence, and the index of each sentence's first word.
        self.sentences = self._sentence_words()
        self.starts = {group[0] for group in self.sentences}
        self.names = [False] * len(raw)
        for i in [i for i, t in enumerate(raw) if not t.islower()]:
            self.names[i] = self._is_name(i, raw[i])

    def _sentence_words(self) -> list[list[int]]:
        groups: list[list[int]] = []
        sentences = self.parsed.sentences
        si = -1
        for i, w in enumerate(self.words):
            moved = False
            while si + 1 < len(sentences) and sentences[si + 1].start <= w.start:
                si += 1
                moved = True
            if moved or not groups:
                groups.append([i])
            else:
                groups[-1].append(i)
        return groups

    def _is_name(self, i: int, word: str) -> bool:
        """A capitalised word inside a sentence, or a word with inner capitals ("iPhone", "BigBowie")."""
        if word.islower() or word.isupper() or not word[0].isalpha():
            return False
        if self.lower[i].startswith("i'"):
            return False  # "I'm", "I'M"
        if any(ch.isupper() for ch in word[1:]):
            return True
        return word[0].isupper() and i not in self.starts

    def sequence(self, i: int, phrase: tuple[str, ...]) -> int:
        """The end of *phrase* when it starts at word *i* (words separated by white space only), or 0."""
        end = i + len(phrase)
        if end > len(self.lower):
            return 0
        lower, tight = self.lower, self.tight
        for k in range(1, len(phrase)):
            if not tight[i + k - 1] or lower[i + k] != phrase[k]:
                return 0
        return end

    def span(self, i: int, j: int) -> tuple[int, int]:
        return self.words[i].start, self.words[j - 1].end

    def next_word(self, j: int) -> str | None:
        """The word right after word *j - 1* when only white space separates them."""
        if j < len(self.lower) and self.tight[j - 1]:
            return self.lower[j]
        return None


def _phrase_signs(
    d: _Draft,
    phrases: _Phrases,
    label: str,
    effect: int,
    taken: list[bool],
    *,
    names: bool = False,
) -> list[_Sign]:
    """Signs for every phrase found in words not taken yet (marks their words as taken)."""
    found: list[_Sign] = []
    firsts = phrases.firsts.intersection(d.lower)  # in C; most drafts have none of a list's first words
    if not firsts:
        return found
    after = 0
    for i in [i for i, low in enumerate(d.lower) if low in firsts]:
        if i < after or taken[i]:
            continue
        end = phrases.match(d, i)
        if end and not any(taken[i:end]) and (names or end - i > 1 or not d.names[i]):
            start, stop = d.span(i, end)
            found.append(_Sign(start, stop, label, effect))
            for k in range(i, end):
                taken[k] = True
            after = end
    return found


# ---- measuring ----------------------------------------------------------------------------------------


def _measure(parsed: ParsedText, language: str) -> dict[str, Trait]:
    if not language.lower().startswith("en"):
        why = f"Tone traits are measured for English only; this draft is in {language!r}."
        return {name: Trait(name, None, (), why) for name in TRAITS}
    data = _data()
    d = _Draft(parsed)
    minimum = int(data.options["min_words"])
    if d.counted < minimum:
        words = "1 word" if d.counted == 1 else f"{d.counted} words"
        why = f"Too short to judge: {words}, and tone needs at least {minimum}."
        return {name: Trait(name, None, (), why) for name in TRAITS}
    measures: Mapping[str, Callable[[_Draft, _Data], Trait]] = {
        "formality": _formality,
        "warmth": _warmth,
        "energy": _energy,
        "confidence": _confidence,
        "directness": _directness,
        "plainness": _plainness,
    }
    return {name: measures[name](d, data) for name in TRAITS}


def _scaled(base: float, gain: float, signs: Sequence[_Sign], d: _Draft, data: _Data) -> int:
    """``base + gain × (weighted signs) / max(words, min_denominator)``, rounded and clipped to 0..100."""
    total = sum(s.effect * s.weight for s in signs)
    per_word = total / max(d.counted, int(data.options["min_denominator"]))
    return _clip(base + gain * per_word)


def _clip(value: float) -> int:
    return max(0, min(100, math.floor(value + 0.5)))


def _trait(name: str, value: int, signs: Iterable[_Sign], detail: str) -> Trait:
    evidence = tuple(Evidence(s.start, s.end, s.label, s.effect) for s in sorted(signs, key=lambda s: (s.start, s.end)))
    return Trait(name, value, evidence, detail)


def _listed(signs: Sequence[_Sign]) -> str:
    """The signs counted by label, in order of appearance: "2 contractions and 1 formal word"."""
    order: dict[str, int] = {}
    for s in signs:
        order[s.label] = order.get(s.label, 0) + 1
    parts = [f"{n} {label if n == 1 else _PLURALS.get(label, label + 's')}" for label, n in order.items()]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _counts(signs: Sequence[_Sign], words: int, nothing: str) -> str:
    """One sentence: "2 contractions and 1 formal word in 18 words"."""
    return f"{_listed(signs) or nothing} in {words} words."


# ---- formality --------------------------------------------------------------------------------------


def _formality(d: _Draft, data: _Data) -> Trait:
    taken = [False] * len(d.lower)
    signs = _phrase_signs(d, data.impersonal, "impersonal phrase", +1, taken, names=True)
    signs += _phrase_signs(d, data.formal, "formal word", +1, taken)
    min_letters = int(data.options["latinate_min_letters"])
    chatty = data.chatty
    for i in [i for i, low in enumerate(d.lower) if "'" in low or low in chatty or len(low) >= min_letters]:
        if taken[i]:
            continue
        low, w = d.lower[i], d.words[i]
        if _is_contraction(low, data):
            signs.append(_Sign(w.start, w.end, "contraction", -1))
        elif low in data.chatty and not d.names[i] and (len(low) > 2 or not w.text.isupper()):
            signs.append(_Sign(w.start, w.end, "chatty word", -1))
        elif (
            len(low) >= min_letters
            and low.endswith(data.latinate_endings)
            and low not in data.latinate_everyday
            and low.isalpha()
            and not d.names[i]
        ):
            signs.append(_Sign(w.start, w.end, "long Latin-based word", +1, 0.5))
    signs += [_Sign(start, end, "emoji", -1) for start, end in _emoji_runs(d.parsed)]
    signs.sort(key=lambda s: s.start)
    value = _scaled(float(data.options["formality_base"]), float(data.options["formality_gain"]), signs, d, data)
    return _trait("formality", value, signs, _counts(signs, d.counted, "No formal or informal signs"))


def _is_contraction(low: str, data: _Data) -> bool:
    if "'" not in low:
        return False
    if low.endswith(_CONTRACTION_ENDINGS):
        return low not in ("ma'am",)
    if low.endswith("'s"):
        return low[:-2] in data.be_bases or low == "let's"
    return False


def _emoji_runs(parsed: ParsedText) -> list[tuple[int, int]]:
    """Spans of runs of emoji (only white space between them)."""
    runs: list[tuple[int, int]] = []
    text = parsed.text
    for e in parsed.emoji:
        if runs and (e.start == runs[-1][1] or text[runs[-1][1] : e.start].isspace()):
            runs[-1] = (runs[-1][0], e.end)
        else:
            runs.append((e.start, e.end))
    return runs


# ---- warmth (VADER) ----------------------------------------------------------------------------------


def _warmth(d: _Draft, data: _Data) -> Trait:
    compound, scored = _sentiment(d, data)
    signs: list[_Sign] = []
    emoji_sum: dict[tuple[int, int], float] = {}
    for start, end, valence, base, emoji in scored:
        if emoji:
            emoji_sum[(start, end)] = emoji_sum.get((start, end), 0.0) + valence
            continue
        effect = 1 if valence > 0 else -1
        if (base > 0) == (valence > 0):
            label = "positive word" if valence > 0 else "negative word"
        else:
            label = "negated negative word" if valence > 0 else "negated positive word"
        signs.append(_Sign(start, end, label, effect))
    for (start, end), total in emoji_sum.items():
        if total:
            signs.append(_Sign(start, end, "positive emoji" if total > 0 else "negative emoji", 1 if total > 0 else -1))
    signs.sort(key=lambda s: s.start)
    value = _clip(50 + 50 * compound)
    if signs:
        detail = f"Sentiment {compound:+.2f} on VADER's scale from -1 to +1, from {_listed(signs)}."
    else:
        detail = "No positive or negative words: sentiment 0.00 on VADER's scale from -1 to +1."
    return _trait("warmth", value, signs, detail)


@cache
def _analyzer() -> Any:
    """VADER's analyser (lexicon and emoji table), created once on first use."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@cache
def _vader_emoji_chars() -> frozenset[str]:
    """The characters VADER replaces with their names (it reads the text one code point at a time)."""
    return frozenset(ch for ch in _analyzer().emojis if len(ch) == 1)


@cache
def _vader_constants() -> tuple[Mapping[str, float], frozenset[str], Mapping[str, float], float, float, frozenset[str]]:
    """VADER's own tables, and the words of its multi-word idioms and degree phrases ("kind of")."""
    from vaderSentiment import vaderSentiment as vader  # noqa: N813

    special: Mapping[str, float] = vader.SPECIAL_CASES
    boosters: Mapping[str, float] = vader.BOOSTER_DICT
    idiom_words = frozenset(
        word for phrase in (*special, *boosters) if " " in phrase for word in phrase.split()
    )
    return boosters, frozenset(vader.NEGATE), special, float(vader.N_SCALAR), float(vader.C_INCR), idiom_words


# Emoji modifiers VADER does not know: a variation selector glued to "❤" makes its name "heart\ufe0f",
# which is not in the lexicon. They are dropped before VADER reads the text.
_VADER_DROP = frozenset("\ufe0f\ufe0e\u200d" + "".join(chr(c) for c in range(0x1F3FB, 0x1F400)))
_PUNCTUATION = string.punctuation


def _vader_input(
    parsed: ParsedText,
    skip_emoji: frozenset[str] = frozenset(),
    neutral: frozenset[str] = frozenset(),
    lower: Sequence[str] | None = None,
) -> tuple[str, list[int] | None]:
    """The text VADER reads for a draft, and where each of its characters comes from (None: same place).

    Links, @handles and $cashtags are blanked (same length), emoji named in *skip_emoji* too. Words in
    *neutral* become underscores (VADER still counts them as words, with no sentiment). Emoji
    modifiers (variation selectors, joiners, skin tones) are dropped. Hashtags and emoji stay.
    """
    text = parsed.text
    blanks = [(t.start, t.end, " ") for t in (*parsed.urls, *parsed.mentions, *parsed.cashtags)]
    blanks += [(e.start, e.end, " ") for e in parsed.emoji if e.name in skip_emoji]
    if neutral:
        words = parsed.words
        lower = lower if lower is not None else [_norm(w.text) for w in words]
        blanks += [(words[i].start, words[i].end, "_") for i, low in enumerate(lower) if low in neutral]
    if blanks:
        blanks.sort()
        parts: list[str] = []
        last = 0
        for start, end, fill in blanks:
            start = max(start, last)
            parts.append(text[last:start])
            parts.append(fill * max(0, end - start))
            last = max(last, end)
        parts.append(text[last:])
        text = "".join(parts)
    if text.isascii() or _VADER_DROP.isdisjoint(text):
        return text, None
    kept = [i for i, ch in enumerate(text) if ch not in _VADER_DROP]
    return "".join(text[i] for i in kept), kept


def _sentiment(d: _Draft, data: _Data) -> tuple[float, list[tuple[int, int, float, float, bool]]]:
    """VADER's compound score and the scored pieces: (start, end, valence, lexicon valence, is emoji)."""
    parsed = d.parsed
    prepared, kept = _vader_input(parsed, data.skip_emoji, data.neutral_words, d.lower)
    compound, tokens = _vader_scores(prepared)
    if not tokens:
        return compound, []
    emoji_at: dict[int, tuple[int, int]] = {}
    for e in parsed.emoji:
        for k in range(e.start, e.end):
            emoji_at[k] = (e.start, e.end)
    scored: list[tuple[int, int, float, float, bool]] = []
    for start, end, valence, base in tokens:
        first, last = start, end - 1
        if kept is not None:
            first, last = kept[first], kept[last]
        cluster = emoji_at.get(first)
        if cluster is not None:
            scored.append((cluster[0], cluster[1], valence, base, True))
        else:
            scored.append((first, last + 1, valence, base, False))
    return compound, scored


def _vader_scores(text: str) -> tuple[float, list[tuple[int, int, float, float]]]:
    """VADER's compound score of *text*, exactly as ``polarity_scores(text)["compound"]``, and its scored tokens.

    A port of vaderSentiment 3.3.2's ``polarity_scores`` (same lexicon, constants and rules, including
    its quirks) that computes each lowered token once and skips drafts without a lexicon word. The
    tokens are ``(start, end, valence, lexicon valence)`` for every token with a non-zero valence;
    offsets are into *text*, and a token made from an emoji's name spans that emoji's character.
    The test suite checks the compound score against ``polarity_scores`` over a corpus of posts.
    """
    analyzer = _analyzer()
    lex: Mapping[str, float] = analyzer.lexicon
    emojis: Mapping[str, str] = analyzer.emojis
    # VADER replaces each emoji character with its name (space before it unless one is there already).
    origin: list[int] | None = None
    if not text.isascii() and not _vader_emoji_chars().isdisjoint(text):
        out: list[str] = []
        origin = []
        prev_space = True
        for idx, ch in enumerate(text):
            name = emojis.get(ch)
            if name is not None:
                if not prev_space:
                    out.append(" ")
                    origin.append(idx)
                out.append(name)
                origin.extend([idx] * len(name))
                prev_space = False
            else:
                out.append(ch)
                origin.append(idx)
                prev_space = ch == " "
        text = "".join(out)
    # VADER splits on white space and strips punctuation from a token unless that leaves 2 characters or fewer.
    raw = text.split()
    stripped = [t.strip(_PUNCTUATION) for t in raw]
    tokens = [s if len(s) > 2 else r for r, s in zip(raw, stripped, strict=True)]
    lowers = [t.lower() for t in tokens]
    in_lex = [low in lex for low in lowers]
    if not any(in_lex):
        return 0.0, []
    sentiments = _vader_sentiments(tokens, lowers, in_lex, lex)
    _vader_but_check(lowers, sentiments)
    total = float(sum(sentiments))
    amplifier = _vader_punctuation(text)
    if total > 0:
        total += amplifier
    elif total < 0:
        total -= amplifier
    compound = round(total / math.sqrt(total * total + 15), 4) if total else 0.0
    scored: list[tuple[int, int, float, float]] = []
    if not any(sentiments):
        return compound, scored
    pos = 0
    for k, token in enumerate(raw):
        pos = text.find(token, pos)
        if sentiments[k]:
            start = pos + (len(token) - len(token.lstrip(_PUNCTUATION)) if tokens[k] is not token else 0)
            end = start + len(tokens[k])
            if origin is not None:
                start, end = origin[start], origin[end - 1] + 1
            scored.append((start, end, float(sentiments[k]), lex.get(lowers[k], 0.0)))
        pos += len(token)
    return compound, scored


def _vader_sentiments(
    tokens: list[str], lowers: list[str], in_lex: list[bool], lex: Mapping[str, float]
) -> list[float]:
    """The valence of each token (VADER's ``polarity_scores`` loop and ``sentiment_valence``)."""
    boosters, negate, special, n_scalar, c_incr, idiom_words = _vader_constants()
    n = len(tokens)
    caps = sum(1 for t in tokens if t.isupper())
    is_cap_diff = 0 < n - caps < n
    idioms = not idiom_words.isdisjoint(lowers)

    def scalar(i: int, valence: float) -> float:
        word, low = tokens[i], lowers[i]
        s = boosters.get(low, 0.0)
        if s:
            if valence < 0:
                s = -s
            if word.isupper() and is_cap_diff:
                s = s + c_incr if valence > 0 else s - c_incr
        return s

    def negated(low: str) -> bool:
        return low in negate or "n't" in low

    sentiments = [0.0] * n
    for i in [i for i in range(n) if in_lex[i]]:
        low = lowers[i]
        if low in boosters or (i < n - 1 and low == "kind" and lowers[i + 1] == "of"):
            continue
        valence = lex[low]
        if low == "no" and i != n - 1 and in_lex[i + 1]:
            valence = 0.0
        if (
            (i > 0 and lowers[i - 1] == "no")
            or (i > 1 and lowers[i - 2] == "no")
            or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ("or", "nor"))
        ):
            valence = lex[low] * n_scalar
        if tokens[i].isupper() and is_cap_diff:
            valence = valence + c_incr if valence > 0 else valence - c_incr
        for start_i in range(3):
            if i > start_i and not in_lex[i - (start_i + 1)]:
                s = scalar(i - (start_i + 1), valence)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _vader_negation(valence, lowers, start_i, i, negated, n_scalar)
                if start_i == 2 and idioms:
                    valence = _vader_idioms(valence, lowers, i, special, boosters)
        valence = _vader_least(valence, lowers, i, lex, n_scalar)
        sentiments[i] = valence
    return sentiments


def _vader_negation(
    valence: float, lowers: list[str], start_i: int, i: int, negated: Callable[[str], bool], n_scalar: float
) -> float:
    if start_i == 0:
        if negated(lowers[i - 1]):
            valence = valence * n_scalar
    elif start_i == 1:
        if lowers[i - 2] == "never" and lowers[i - 1] in ("so", "this"):
            valence = valence * 1.25
        elif lowers[i - 2] == "without" and lowers[i - 1] == "doubt":
            pass
        elif negated(lowers[i - 2]):
            valence = valence * n_scalar
    elif (lowers[i - 3] == "never" and lowers[i - 2] in ("so", "this")) or lowers[i - 1] in ("so", "this"):
        valence = valence * 1.25
    elif lowers[i - 3] == "without" and (lowers[i - 2] == "doubt" or lowers[i - 1] == "doubt"):
        pass
    elif negated(lowers[i - 3]):
        valence = valence * n_scalar
    return valence


def _vader_idioms(
    valence: float, lowers: list[str], i: int, special: Mapping[str, float], boosters: Mapping[str, float]
) -> float:
    one_zero = f"{lowers[i - 1]} {lowers[i]}"
    two_one_zero = f"{lowers[i - 2]} {lowers[i - 1]} {lowers[i]}"
    two_one = f"{lowers[i - 2]} {lowers[i - 1]}"
    three_two_one = f"{lowers[i - 3]} {lowers[i - 2]} {lowers[i - 1]}"
    three_two = f"{lowers[i - 3]} {lowers[i - 2]}"
    for seq in (one_zero, two_one_zero, two_one, three_two_one, three_two):
        if seq in special:
            valence = special[seq]
            break
    if len(lowers) - 1 > i:
        zero_one = f"{lowers[i]} {lowers[i + 1]}"
        if zero_one in special:
            valence = special[zero_one]
    if len(lowers) - 1 > i + 1:
        zero_one_two = f"{lowers[i]} {lowers[i + 1]} {lowers[i + 2]}"
        if zero_one_two in special:
            valence = special[zero_one_two]
    for n_gram in (three_two_one, three_two, two_one):
        if n_gram in boosters:
            valence = valence + boosters[n_gram]
    return valence


def _vader_least(valence: float, lowers: list[str], i: int, lex: Mapping[str, float], n_scalar: float) -> float:
    if i > 1 and lowers[i - 1] not in lex and lowers[i - 1] == "least":
        if lowers[i - 2] != "at" and lowers[i - 2] != "very":
            valence = valence * n_scalar
    elif i > 0 and lowers[i - 1] not in lex and lowers[i - 1] == "least":
        valence = valence * n_scalar
    return valence


def _vader_but_check(lowers: list[str], sentiments: list[float]) -> None:
    """VADER's "but" rule, kept as written (it finds each value by ``list.index``, as VADER does)."""
    if "but" not in lowers:
        return
    bi = lowers.index("but")
    for sentiment in sentiments:
        si = sentiments.index(sentiment)
        if si < bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 0.5)
        elif si > bi:
            sentiments.pop(si)
            sentiments.insert(si, sentiment * 1.5)


def _vader_punctuation(text: str) -> float:
    ep = min(text.count("!"), 4) * 0.292
    qm_count = text.count("?")
    qm = 0.0
    if qm_count > 1:
        qm = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep + qm


# ---- energy ---------------------------------------------------------------------------------------------


def _energy(d: _Draft, data: _Data) -> Trait:
    signs: list[_Sign] = []
    prose = d.parsed.prose
    found = _EXCLAMATION.finditer(prose) if "!" in prose or "！" in prose or "‽" in prose else ()
    for m in found:
        if sum(1 for ch in m.group() if ch in "!！‽") > 1:
            signs.append(_Sign(m.start(), m.end(), "run of exclamation marks", +1, 2.0))
        else:
            signs.append(_Sign(m.start(), m.end(), "exclamation mark", +1))
    words, lower = d.words, d.lower
    taken = [False] * len(lower)
    for i in [i for i, w in enumerate(words) if w.text.isupper()]:
        if _is_shouted(words[i].text, lower[i], data):
            signs.append(_Sign(words[i].start, words[i].end, "word in capitals", +1))
            taken[i] = True
    signs += _phrase_signs(d, data.excited, "excited word", +1, taken)
    lex: Mapping[str, float] = _analyzer().lexicon
    for i in [i for i, low in enumerate(lower) if low in data.energy_words]:
        if taken[i] or d.names[i]:
            continue
        low = lower[i]
        after = d.next_word(i + 1)
        if low in data.intensifiers or (after is not None and (after in lex or after in data.degree_heads)):
            signs.append(_Sign(words[i].start, words[i].end, "intensifier", +1))
            taken[i] = True
    if _STRETCHED_ANY.search(" ".join(lower)):
        for i, low in enumerate(lower):
            if not taken[i] and _is_stretched(low) and _SQUEEZE.sub(r"\1", low) not in data.not_stretched:
                signs.append(_Sign(words[i].start, words[i].end, "stretched word", +1))
    for e in d.parsed.emoji:
        if e.name.split(":")[0] in data.lively_emoji:
            signs.append(_Sign(e.start, e.end, "lively emoji", +1))
    signs.sort(key=lambda s: s.start)
    value = _scaled(float(data.options["energy_base"]), float(data.options["energy_gain"]), signs, d, data)
    return _trait("energy", value, signs, _counts(signs, d.counted, "No exclamation marks, capitals or intensifiers"))


def _is_shouted(word: str, low: str, data: _Data) -> bool:
    """A word in capitals for emphasis ("LOVE", "NOT"), not an acronym ("NHS", "POTUS")."""
    if not word.isupper() or not word.isalpha():
        return False
    if len(word) < 3 or word in lexicon.acronyms():
        return False
    if len(word) == 3:
        return low in data.short_shouts
    if _is_stretched(low):
        return True
    return low in lexicon.pronunciations()


def _is_stretched(low: str) -> bool:
    """A word with a letter repeated three times or more ("sooo", "yesss"), but not "xxx" or "zzz"."""
    return len(set(low)) > 1 and low.isalpha() and _STRETCHED.search(low) is not None


# ---- confidence -----------------------------------------------------------------------------------------


def _confidence(d: _Draft, data: _Data) -> Trait:
    taken = [False] * len(d.lower)
    # "May" with a capital is the month or a name, never a hedge.
    for i in [i for i, low in enumerate(d.lower) if low == "may"]:
        taken[i] = d.words[i].text != "may"
    signs = _phrase_signs(d, data.hedges, "hedge", -1, taken)
    signs += _phrase_signs(d, data.certainty, "certainty word", +1, taken)
    signs.sort(key=lambda s: s.start)
    value = _scaled(float(data.options["confidence_base"]), float(data.options["confidence_gain"]), signs, d, data)
    return _trait("confidence", value, signs, _counts(signs, d.counted, "No hedges or certainty words"))


# ---- directness -----------------------------------------------------------------------------------------


def _directness(d: _Draft, data: _Data) -> Trait:
    taken = [False] * len(d.lower)
    signs = _phrase_signs(d, data.impersonal, "impersonal phrase", -1, taken, names=True)
    signs += _instructions(d, data, taken)
    for i in [i for i, low in enumerate(d.lower) if low in data.reader_words]:
        if taken[i]:
            continue
        low, w = d.lower[i], d.words[i]
        if low in ("u", "ur") and w.text != low:
            continue
        signs.append(_Sign(w.start, w.end, "word addressing the reader", +1))
    signs += _passives(d, data, taken)
    signs.sort(key=lambda s: s.start)
    value = _scaled(float(data.options["directness_base"]), float(data.options["directness_gain"]), signs, d, data)
    detail = _counts(signs, d.counted, "No words addressing the reader, instructions or passives")
    return _trait("directness", value, signs, detail)


def _instructions(d: _Draft, data: _Data, taken: list[bool]) -> list[_Sign]:
    """Sentences that start with a verb telling the reader what to do ("Apply today", "Please call us")."""
    found: list[_Sign] = []
    n = len(d.lower)
    for first in sorted(d.starts):
        i = first
        please = d.lower[i] in ("please", "pls", "plz")
        while i < n - 1 and d.lower[i] in data.lead_ins and d.tight[i]:
            i += 1
        end = 0 if taken[i] else data.imperatives.match(d, i)
        if not end and d.lower[i] in data.imperatives_with_object:
            after = d.next_word(i + 1)
            if after is not None and (after in data.object_words or after[:1].isdigit()):
                end = i + 1
        if not end and please:
            i, end = first, first + 1
        if end and not any(taken[first:end]):
            start, stop = d.span(first, end)
            found.append(_Sign(start, stop, "instruction", +1))
            for k in range(first, end):
                taken[k] = True
    return found


def _passives(d: _Draft, data: _Data, taken: list[bool]) -> list[_Sign]:
    """Passive verbs: a form of "be" or "get", up to two words such as "not", and a past participle."""
    found: list[_Sign] = []
    lower, words = d.lower, d.words
    n = len(lower)
    verbs = data.be_verbs
    for i in [i for i, low in enumerate(lower) if low in verbs or "'" in low]:
        low = lower[i]
        if i == n - 1 or taken[i]:
            continue
        finite = low in data.be_finite or _is_be_contraction(low, data)
        is_get = low in data.get_forms
        if not (finite or is_get or low in data.be_nonfinite):
            continue
        j = i + 1
        while j < n and j - i <= 2 and d.tight[j - 1] and (lower[j] in data.between or _is_adverb(lower[j])):
            j += 1
        if j >= n or not d.tight[j - 1] or taken[j]:
            continue
        part = lower[j]
        if not _is_participle(part, words[j].text, data):
            continue
        after = d.next_word(j + 1)
        if part in data.adjectival or (finite and part in data.stative and after != "by"):
            continue
        if is_get and part in data.not_after_get:
            continue
        if after is not None and after in data.not_before.get(part, ()):
            continue
        if low.endswith("'s") and not _is_passive_after_s(part, after, data):
            continue
        start, stop = d.span(i, j + 1)
        found.append(_Sign(start, stop, "passive verb", -1))
        for k in range(i, j + 1):
            taken[k] = True
    return found


def _is_passive_after_s(part: str, after: str | None, data: _Data) -> bool:
    """Whether "'s" is "is" before this participle, not "has" ("it's changed my life", "he's worked here").

    Only a following "by", or a participle in -n that is not followed by an object ("it's written in
    pen", not "she's taken the job"), makes it a passive.
    """
    if after == "by":
        return True
    return part in data.irregular and part.endswith("n") and after not in data.object_words


def _is_be_contraction(low: str, data: _Data) -> bool:
    for ending in ("'s", "'re", "'m"):
        if low.endswith(ending):
            return low[: -len(ending)] in data.be_bases
    return False


def _is_adverb(low: str) -> bool:
    return len(low) > 4 and low.endswith("ly") and low.isalpha()


def _is_participle(low: str, original: str, data: _Data) -> bool:
    if not (original.islower() or original.isupper()):
        return False  # a name ("is Ted") or a title
    if low in data.irregular:
        return True
    return len(low) >= 4 and low.endswith("ed") and low.isalpha() and low not in data.not_participles


# ---- plainness ------------------------------------------------------------------------------------------


def _plainness(d: _Draft, data: _Data) -> Trait:
    opts = data.options
    long_letters = int(opts["long_word_letters"])
    long_sentence = int(opts["long_sentence_words"])
    words, names, lettered = d.words, d.names, d.lettered
    signs: list[_Sign] = []
    for i, w in enumerate(words):
        text = w.text
        if len(text) > long_letters and not names[i] and sum(1 for ch in text if ch.isalpha()) > long_letters:
            signs.append(_Sign(w.start, w.end, "long word", -1))
    long_words = len(signs)
    sentences = 0
    for group in d.sentences:
        inside = [i for i in group if lettered[i]]
        if inside:
            sentences += 1
        if len(inside) > long_sentence:
            signs.append(_Sign(words[inside[0]].start, words[inside[-1]].end, "long sentence", -1))
    count = d.counted
    sentences = max(sentences, 1)
    lix = count / sentences + 100 * long_words / count
    value = _clip(100 - float(opts["plainness_slope"]) * (lix - float(opts["plainness_lix_floor"])))
    share = round(100 * long_words / count)
    detail = (
        f"{count / sentences:.0f} words a sentence and {long_words} long "
        f"{'word' if long_words == 1 else 'words'} ({share}%) in {count} words: LIX {lix:.0f}."
    )
    return _trait("plainness", value, signs, detail)
