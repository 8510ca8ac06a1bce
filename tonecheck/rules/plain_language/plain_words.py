"""Everyday words replace formal ones

## What it checks

Flags words and phrases that have a plainer everyday alternative, and suggests it: "utilise" →
"use", "in order to" → "to", "commence" → "start", "prior to" → "before", "sufficient" →
"enough", "approximately" → "about", "facilitate" → "help". The list (about 230 forms of 120
words and phrases) comes from the GOV.UK words to avoid, plainlanguage.gov, the Plain English
Campaign and two other plain-language guides, and names its source for every entry.

Only whole words match, in any letter case. A word with another everyday meaning is only flagged
where that meaning is ruled out: "assist" as a verb ("we can assist you") but not a footballer's
"assist", "purchased" and "to purchase" but not "your purchase", "permit" before a person ("permit
you to") but not "a parking permit". A capitalised word in the middle of a sentence is taken for a
name ("Assist Ltd", "the MODIFY watch range") and left alone, and so are words inside quotation
marks: a quotation cannot be reworded. Links, hashtags and @handles are never checked.

It also flags **rare long words** that are not in the list: words of three or more syllables that
are rare in everyday English in every form (about once in three million words, from wordfreq's
word frequencies), such as "obfuscate" or "jocular". This is the evidence that works on a post of any length, where a
reading grade does not (the `reading-level` rule only judges posts of 100 words or more). Only
dictionary words in lower case count, in drafts whose sentences start with capitals: names,
capitals, misspellings, new coinages ("retweeting"), rare forms of common words ("clarifies"),
words built from common words ("toymaker", "mishandle") and quotations are left alone. There is
no suggestion, because the right word depends on the sentence.

## Why it matters

Everyday words are quicker to read and easier to understand for everyone, and essential for
people with low literacy, a learning disability or English as a second language. By the age of 9,
children have a basic vocabulary of about 5,000 words, and adults still find those words the
easiest to recognise. Formal words such as "utilise" add nothing that "use" does not say.

## Example

```text
We will commence work on the new playground in order to utilise the space.
```

## Use instead

```text
We will start work on the new playground to use the space.
```

## Options

`rare_max_zipf`: a word rarer than this on the Zipf scale (3 = once per million words), in every
form, is rare (default 2.5, about once in three million words). `rare_min_syllables`: a rare word
needs at least this many syllables to be flagged (default 3).

## Fix

For listed words, suggests the plainer word, keeping the original letter case ("Utilise" →
"Use", "UTILISE" → "USE"). The suggestion is marked unsafe when the swap may need rewording (for
example "facilitate" → "help", or "terminated", which can mean "fired"): read the sentence before
you apply it. For a rare word, choose an everyday word that fits the sentence, or explain it.

## References

- https://www.gov.uk/guidance/style-guide/a-to-z-of-gov-uk-style#words-to-avoid
- https://www.plainlanguage.gov/guidelines/words/use-simple-words-phrases/
- https://www.plainenglish.co.uk/the-a-z-of-alternative-words.html
- https://blog.stormid.com/content-accessibility-plain-english/
- https://github.com/rspeer/wordfreq
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from tonecheck import lexicon
from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext
from tonecheck.text import ParsedText

# A word is letters and digits (\w without "_"); a match never starts or ends inside a word,
# including words joined by a hyphen or an apostrophe ("self-sufficient", "utilise's").
_BEFORE = r"(?<![^\W_])(?<![^\W_][-'’])"
_AFTER = r"(?![^\W_])(?![-'’][^\W_])"
_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_][\w'’-]*)")
_SENTENCE_END = frozenset(".!?…:;\n•|")
_OPENERS = frozenset("\"'“‘([«")
# Rare words: only plain lower-case words this long are looked up (a cheap first filter).
_RARE_MIN_LETTERS = 7
# How far back to look for an opening quotation mark, and for the word before a match.
_QUOTE_REACH = 300
_LOOK_BACK = 200


@dataclass(frozen=True, slots=True)
class _Entry:
    replacement: str
    safe: bool
    after: frozenset[str] | None
    not_after: frozenset[str]
    before: frozenset[str] | None
    not_before: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Table:
    pattern: re.Pattern[str]
    entries: Mapping[str, _Entry]
    first_words: frozenset[str]


_TABLES: dict[int, _Table] = {}


@register
class PlainWords(Rule):
    id = "plain-words"
    category = Category.ACCESSIBILITY
    severity = Severity.SUGGESTION
    summary = "Everyday words replace formal ones"
    messages: ClassVar = {
        "plainer": "Try \"{use}\" instead of \"{word}\". Everyday words are easier to read and understand.",
        "rare": "\"{word}\" is a long word that few people use. Use an everyday word if there is one.",
    }
    fix = FixAvailability.SOMETIMES
    tags = frozenset({"plain-language", "readability"})
    references = (
        "https://www.gov.uk/guidance/style-guide/a-to-z-of-gov-uk-style#words-to-avoid",
        "https://www.plainlanguage.gov/guidelines/words/use-simple-words-phrases/",
        "https://www.plainenglish.co.uk/the-a-z-of-alternative-words.html",
        "https://blog.stormid.com/content-accessibility-plain-english/",
        "https://github.com/rspeer/wordfreq",
    )
    languages = ("en",)

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        parsed = draft.parsed
        table = _table(self.data["words"])
        firsts = table.first_words
        prose = parsed.prose
        end = 0
        max_zipf = float(ctx.options["rare_max_zipf"])
        min_syllables = int(ctx.options["rare_min_syllables"])
        for word in parsed.words:
            if word.start < end:
                continue
            if word.text.lower() not in firsts:
                text = word.text
                if len(text) >= _RARE_MIN_LETTERS and _is_rare(parsed, word.start, text, max_zipf, min_syllables):
                    ctx.report("rare", word.start, word.end, word=word.text)
                continue
            m = table.pattern.match(prose, word.start)
            if m is None:
                continue
            found = m.group()
            entry = table.entries[" ".join(found.lower().split())]
            if (
                not _context_allows(prose, m.start(), m.end(), entry)
                or _is_name(parsed, m.start(), found)
                or _in_quotes(prose, m.start())
            ):
                continue
            end = m.end()
            use = _cased(found, entry.replacement)
            ctx.report(
                "plainer",
                m.start(),
                m.end(),
                suggestions=[Suggestion(use, f"Use \"{use}\"", entry.safe)],
                use=use,
                word=found,
            )


def _is_rare(parsed: ParsedText, start: int, text: str, max_zipf: float, min_syllables: int) -> bool:
    """A long dictionary word that is rare in everyday English ("obfuscate", "jocular").

    Only plain words in lower case are judged, in a draft whose sentences start with capitals:
    names and capitals (even at the start of a sentence, where a name cannot be told apart), any
    word of a draft written in lower case (names may be in lower case there too), misspellings and
    new coinages (not in the CMU dictionary), words made of two common words ("toymaker",
    "mishandle") and quotations are left alone.
    """
    if not (text.isascii() and text.isalpha() and text.islower()):
        return False
    low = text
    said = lexicon.pronunciations().get(low)
    if not said or min(sum(1 for p in pron if p[-1].isdigit()) for pron in said) < min_syllables:
        return False
    zipf = lexicon.zipf_frequency(low)
    if not 0 < zipf < max_zipf:
        return False
    # "clarifies", "saluting", "ugliest": a rare form of a common word is not a rare word.
    if any(lexicon.zipf_frequency(base) >= max_zipf for base in _bases(low)) or _is_compound(low):
        return False
    return not _in_quotes(parsed.prose, start) and not _casual_case(parsed)


def _casual_case(parsed: ParsedText) -> bool:
    """Whether a sentence starts in lower case ("rick porcello for Cy Young"): names may be in lower case too."""
    cached = parsed.cache.get("plain-words:casual")
    if isinstance(cached, bool):
        return cached
    prose = parsed.prose
    casual = False
    for sentence in parsed.sentences:
        first = next((ch for ch in prose[sentence.start : sentence.end] if ch.isalpha()), "")
        if first.islower():
            casual = True
            break
    parsed.cache["plain-words:casual"] = casual
    return casual


# Prefixes that leave a word as plain as its stem: "mishandle", "underpay", "reimposing".
_PREFIXES = frozenset(
    {"anti", "co", "counter", "dis", "mis", "non", "out", "over", "post", "pre", "re", "sub", "un", "under", "up"}
)
# How common each half of a compound must be: "toy" + "maker", "fire" + "bombing".
_COMMON_HALF = 4.0
_COMMON_STEM = 3.5


def _is_compound(word: str) -> bool:
    """Whether *word* is a common word after a prefix, or two common words joined ("toymaker")."""
    zipf = lexicon.zipf_frequency
    for i in range(2, len(word) - 2):
        left, right = word[:i], word[i:]
        if left not in _PREFIXES and (i < 3 or zipf(left) < _COMMON_HALF):
            continue
        if zipf(right) >= _COMMON_STEM or any(zipf(b) >= _COMMON_STEM for b in _bases(right)):
            return True
    return False


# Endings of inflected and derived forms, and what to put back: "clarifies" → "clarify", "saluting" → "salute".
_ENDINGS = (
    ("ies", ("y",)), ("ied", ("y",)), ("iest", ("y",)), ("ier", ("y",)), ("ily", ("y",)), ("iness", ("y",)),
    ("less", ("",)), ("ful", ("",)), ("y", ("",)), ("ated", ("", "ate")), ("ation", ("", "e", "ate")),
    ("es", ("", "e")), ("s", ("",)), ("ed", ("", "e")), ("ing", ("", "e")), ("est", ("", "e")),
    ("er", ("", "e")), ("ly", ("",)), ("ness", ("",)), ("ism", ("", "e")), ("ist", ("", "e")),
    ("ists", ("", "e")), ("ity", ("", "e")), ("ment", ("",)), ("ize", ("",)), ("ise", ("",)),
)


def _bases(word: str) -> list[str]:
    """Possible base forms of *word*: "relaxes" → "relax", "uprooted" → "uproot", "stopped" → "stop"."""
    out: list[str] = []
    for ending, restores in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            out.extend(stem + r for r in restores)
            if len(stem) > 3 and stem[-1] == stem[-2]:  # "stopped" → "stop"
                out.append(stem[:-1])
    return out


def _table(words: Mapping[str, Any]) -> _Table:
    """The compiled word table, built once from the data file."""
    table = _TABLES.get(id(words))
    if table is None:
        table = _TABLES[id(words)] = _build(words)
    return table


def _build(words: Mapping[str, Any]) -> _Table:
    entries: dict[str, _Entry] = {}
    for group in words.values():
        after = group.get("after")
        before = group.get("before")
        for form, replacement in group["forms"].items():
            entries[" ".join(form.lower().split())] = _Entry(
                replacement=replacement,
                safe=group.get("safe", True),
                after=frozenset(after) if after is not None else None,
                not_after=frozenset(group.get("not_after", ())),
                before=frozenset(before) if before is not None else None,
                not_before=tuple(" ".join(p.lower().split()) for p in group.get("not_before", ())),
            )
    pattern = re.compile(_BEFORE + "(?:" + _trie(entries) + ")" + _AFTER, re.IGNORECASE)
    return _Table(pattern, entries, frozenset(form.split()[0] for form in entries))


def _trie(forms: Mapping[str, Any]) -> str:
    """One regex alternation for all forms, factored by common prefixes (much faster than a flat list)."""
    root: dict[str, Any] = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Matching is greedy, so a longer form ("in order to") wins over its prefix ("in order").
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _context_allows(prose: str, start: int, end: int, entry: _Entry) -> bool:
    """Check the words around the match against the entry's conditions."""
    if entry.after is not None or entry.not_after:
        prev = _previous_word(prose, start)
        if entry.after is not None and prev not in entry.after:
            return False
        if prev in entry.not_after:
            return False
    if entry.before is not None:
        m = _NEXT_WORD.match(prose, end)
        if m is None or m.group(1).lower() not in entry.before:
            return False
    if entry.not_before:
        rest = " ".join(prose[end : end + 40].lower().split())
        for phrase in entry.not_before:
            if rest.startswith(phrase) and (len(rest) == len(phrase) or not rest[len(phrase)].isalnum()):
                return False
    return True


def _previous_word(prose: str, start: int) -> str:
    """The word right before *start* (only spaces between), lower case, or "" after punctuation."""
    i = start
    stop = max(0, start - _LOOK_BACK)
    while i > stop and prose[i - 1] in " \t":
        i -= 1
    j = i
    while j > stop and (prose[j - 1].isalnum() or prose[j - 1] in "'’"):
        j -= 1
    return prose[j:i].lower().replace("’", "'")


def _is_name(parsed: ParsedText, start: int, found: str) -> bool:
    """A capitalised word in mid-sentence is taken for a name or a title ("Assist Ltd", "the MODIFY range").

    Capitals count as shouting, not a name, when the word before is in capitals too ("WE WILL UTILISE").
    """
    if not found[0].isupper():
        return False
    prose = parsed.prose
    i = start
    stop = max(0, start - _LOOK_BACK)
    while i > stop:
        ch = prose[i - 1]
        if ch in _SENTENCE_END:
            return False
        if ch.isspace() or ch in _OPENERS:
            i -= 1
            continue
        if found.isupper():
            prev = _previous_word(prose, i)
            return not (len(prev) > 1 and prose[i - len(prev) : i].isupper())
        return True
    return False


def _in_quotes(prose: str, start: int) -> bool:
    """Whether *start* is inside quotation marks in its sentence: a quotation cannot be reworded."""
    window = prose[max(0, start - _QUOTE_REACH) : start]
    before = window[max(window.rfind(ch) for ch in _SENTENCE_END) + 1 :]
    if before.count('"') % 2 or before.count("“") > before.count("”") or before.count("‘") > before.count("’"):
        return True
    opened = 0
    k = before.find("'")
    while k != -1:
        left = before[k - 1] if k else " "
        right = before[k + 1] if k + 1 < len(before) else prose[start]
        if not left.isalnum() and right.isalnum():
            opened += 1
        elif left.isalnum() and not right.isalnum() and opened:
            opened -= 1
        k = before.find("'", k + 1)
    return opened > 0


def _cased(original: str, replacement: str) -> str:
    """*replacement* in the letter case of *original*: "Utilise" → "Use", "UTILISE" → "USE"."""
    letters = [ch for ch in original if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return replacement.upper()
    if original[0].isupper():
        return replacement[0].upper() + replacement[1:]
    return replacement
