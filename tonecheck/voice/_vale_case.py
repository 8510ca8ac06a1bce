"""Vale's ``capitalization`` tests: ``$title`` (AP or Chicago), ``$sentence``, ``$lower``, ``$upper``.

A block passes when more than ``threshold`` (default 0.8) of its words have the expected case
(Vale's ``title`` and ``sentence`` in ``internal/check/variables.go``); the title-case converter
follows prose's ``strcase.TitleConverter``. prose decides AP's "to" with a part-of-speech tagger
(lower-case before a noun, capitalised in an infinitive); tonecheck has no tagger, so "to" passes
in either case — a miss, never a false alarm.
"""

from __future__ import annotations

import regex

from tonecheck.voice._vale_text import go_title

__all__: list[str] = []

SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "en",
        "for",
        "if",
        "in",
        "nor",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "vs",
        "vs.",
        "via",
        "v",
        "v.",
    ]
)
PREPOSITIONS = frozenset(
    [
        "with",
        "from",
        "into",
        "during",
        "including",
        "until",
        "against",
        "among",
        "throughout",
        "despite",
        "towards",
        "upon",
        "concerning",
        "about",
        "over",
        "through",
        "before",
        "between",
        "after",
        "since",
        "without",
        "under",
        "within",
        "along",
        "following",
        "across",
        "beyond",
        "around",
        "down",
        "near",
        "above",
    ]
)
_SPLIT = regex.compile(r"[\p{N}\p{L}]+[^\s\-/]*")
_WORDS = r"[\p{N}\p{L}*]+[^\s]*"
_SANITIZE = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-"})


def _word_pattern(exceptions: regex.Pattern[str] | None) -> regex.Pattern[str]:
    return regex.compile(exceptions.pattern + "|" + _WORDS if exceptions is not None else _WORDS)


def _in_vocab(vocab: tuple[str, ...], word: str) -> str:
    for token in vocab:
        if token.lower() == word.lower():
            return token
        try:
            if regex.search(token, word):
                return word
        except regex.error:
            continue
    return ""


def title_case(s: str, style: str, vocab: tuple[str, ...], prefix: str) -> str:
    """Prose's ``TitleConverter.Convert`` with the AP or Chicago word lists."""
    head = ""
    if prefix:
        m = regex.match(prefix, s)
        if m is not None:
            head = m.group()
            s = s[len(head) :]
    t = s.replace("\u2026", "...").translate(_SANITIZE)
    end = len(t)
    out: list[str] = []
    last = 0
    idx = 0
    for m in _SPLIT.finditer(s):
        word = m.group()
        out.append(s[last : m.start()])
        last = m.end()
        found = t.find(word, idx)
        pos = found if found >= 0 else m.start()
        idx = pos + len(word)
        lower = word.lower()
        prev = t[pos - 1] if pos >= 1 else ""
        before = t[pos - 2] if pos >= 2 else ""
        after = t[pos + len(word)] if pos + len(word) < len(t) else ""
        bounding = pos == 0 or idx == end
        small = lower in SMALL_WORDS or (style == "Chicago" and lower in PREPOSITIONS)
        entry = _in_vocab(vocab, word)
        if entry:
            out.append(entry)
        elif (
            not bounding
            and small
            and prev in (" ", "-", "/")
            and before not in (":", "-")
            and (after != "-" or prev == "-")
        ):
            out.append(lower)
        else:
            out.append(word[:1].upper() + word[1:])
    out.append(s[last:])
    return head + "".join(out)


def sentence_case(s: str, vocab: tuple[str, ...], indicators: tuple[str, ...], prefix: str) -> str:
    """Prose's ``SentenceConverter.Convert`` (the suggestion for a ``$sentence`` rule)."""
    head = ""
    if prefix:
        m = regex.match(prefix, s)
        if m is not None:
            head = m.group()
            s = s[len(head) :]
    made: list[str] = []
    tokens = regex.findall("(?i)" + _WORDS, s)
    for i, token in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        entry = _in_vocab(vocab, token)
        if entry:
            made.append(entry)
        elif i == 0 or prev.endswith(":") or any(prev.endswith(x) for x in indicators):
            made.append(token[:1].upper() + token[1:].lower())
        else:
            made.append(token.lower())
    return head + " ".join(made)


def is_title(
    s: str, exceptions: regex.Pattern[str] | None, style: str, vocab: tuple[str, ...], prefix: str, threshold: float
) -> bool:
    """Vale's ``title``: the share of words already in title case is above *threshold*."""
    words_re = _word_pattern(exceptions)
    expected = [w for w in words_re.findall(title_case(s, style, vocab, prefix)) if w]
    count = words = 0.0
    for i, word in enumerate(w for w in words_re.findall(s) if w):
        if (
            i >= len(expected)
            or word == expected[i]
            or (exceptions is not None and exceptions.search(word))
            or word == word.upper()
            or (style != "Chicago" and word.lower() == "to" and expected[i].lower() == "to")
        ):
            count += 1
        words += 1
    return words == 0 or count / words > threshold


def is_sentence(s: str, exceptions: regex.Pattern[str] | None, indicators: tuple[str, ...], threshold: float) -> bool:
    """Vale's ``sentence``: the first word is capitalised and enough of the rest are lower case."""
    words_re = _word_pattern(exceptions)
    tokens = [w for w in words_re.findall(s.rstrip("?!.:")) if w]
    count = words = 0.0
    for i, token in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        w = token
        if "-" in w:
            w = w.split("-")[0]
        elif "'" in w:
            w = w.split("'")[0]
        elif "’" in w:
            w = w.split("’")[0]
        if (
            w == w.upper()
            or any(prev.endswith(x) for x in indicators)
            or (exceptions is not None and exceptions.search(w))
        ):
            count += 1
        elif i == 0 and w != go_title(w.lower()):
            return False
        elif i == 0 or w == w.lower():
            count += 1
        words += 1
    return words == 0 or count / words > threshold
