r"""Find URLs, hashtags, @mentions and cashtags in a post, with their offsets.

This is a port of the entity extraction of **twitter-text 3.1.0** (the ``twitter-text`` npm
package, https://github.com/twitter/twitter-text, Copyright 2018 Twitter, Inc., licensed under the
Apache License, Version 2.0): ``extractUrlsWithIndices``, ``extractHashtagsWithIndices``,
``extractMentionsWithIndices``, ``extractCashtagsWithIndices``, ``extractEntitiesWithIndices``,
``removeOverlappingEntities``, ``lib/idna`` and the regular expressions in ``regexp/`` that they
use. The TLD lists (``regexp/validGTLD.js`` and ``regexp/validCCTLD.js``) are in
``tonecheck/data/tlds.txt``. twitter-text's conformance suite (``conformance/extract.yml``) passes
in full; see ``tests/test_entities.py``.

Every span is a half-open ``(start, end)`` pair of **code point** offsets (Python ``str``
indices), like the offsets twitter-text's conformance suite gives (its runners convert them from
UTF-16). A span includes the sign: ``#``/``＃``, ``@``/``＠`` and ``$``.

>>> text = "Read https://example.com/a11y #a11y @jane_doe $ACME"
>>> extract_entities(text)
{'urls': [(5, 29)], 'hashtags': [(30, 35)], 'mentions': [(36, 45)], 'cashtags': [(46, 51)]}

How the port stays faithful, and where it differs:

* It was checked against the JavaScript (run in Node): 1.7 million random texts built from URL,
  hashtag, mention and cashtag fragments, letters of many scripts, emoji, directional marks and
  case variants, and every BMP code point in each URL, mention and cashtag context, with no
  difference outside the one listed last. ``tests/test_entities.py`` has an opt-in version.
* JavaScript regular expressions without the ``u`` flag see an astral character (most emoji) as
  two UTF-16 code units. That only matters for URLs, whose negated classes (domain characters, the
  character before a URL) match each half of a surrogate pair; so URLs are matched on a UTF-16
  view of a text that has astral characters, and mapped back to code points. The URL length limit
  (4096) is counted in UTF-16 code units, as in twitter-text.
* The case-insensitive (``i``) parts follow JavaScript's case folding, not Python's: ``[a-z]``
  does not match ``ſ`` (U+017F) or the Kelvin sign (U+212A), and the Latin-accent and Cyrillic
  classes also match the few code points that JavaScript's folding adds to them.
* Quirks of the JavaScript are kept, such as the missing group in ``validUrlPath`` (see
  :func:`_url_re`) and punycode lengths as punycode.js 1.4.1, the version twitter-text 3.1.0
  depends on, computes them.
* Hashtag letters, marks and digits are the Unicode properties ``\p{L}``, ``\p{M}`` and
  ``\p{Nd}`` (of the ``regex`` module's Unicode version), as in twitter-text's Java and Ruby
  versions. The JavaScript has generated tables instead (``bmpLetterAndMarks``,
  ``astralLetterAndMarks``, ``bmpNumerals``, ``astralNumerals``): a Unicode 7 era snapshot of the
  same properties plus 68 private-use code points (U+F870..U+F8FF). So letters and digits of
  scripts added to Unicode since then (such as CJK extensions E to I) are hashtag characters here
  and not in twitter-text's JavaScript. This is the one intended difference.

With ``fediverse=True`` (the default), :func:`extract_mentions` and :func:`extract_entities` also
find two kinds of mention that twitter-text splits or drops:

* Mastodon and other ActivityPub mentions ``@user@instance.example``: one span for the whole
  address. The user name is ``[A-Za-z0-9_]`` with inner ``.``/``-``; the instance is a dotted host
  name whose last label is alphabetic (it need not be in the TLD list, so ``.example`` works).
* Bluesky domain handles ``@alice.bsky.social``, ``@alice.example.com``: one span for the whole
  handle. Labels follow the DNS rules (ASCII letters, digits, inner hyphens, 1 to 63 characters,
  at most 253 in all) and the last label must be a TLD from the list, in lower case, as in
  Bluesky's own facet detection (so in ``thanks @bob.It was`` the mention is ``@bob``).

Both start only where a twitter-text mention can start: not after an ASCII letter or digit (so an
e-mail address like ``bob@example.com`` is never a mention), but after other letters, as in
``の@alice.bsky.social`` (so, as in twitter-text, ``café@example.com`` has a mention). They end
before trailing punctuation: in ``thanks @bob.`` the mention is ``@bob``. A twitter-text mention
that overlaps one of these is replaced by it.

Speed: nothing is compiled at import; each pattern is compiled on first use and cached (about
25 ms in all). A text without ``.`` skips the URL pattern, and one without ``#``/``＃``,
``@``/``＠`` or ``$`` skips that entity's pattern. The URL pattern only runs around a ``.`` (from
the space before it to the space after it, as a URL never contains a space) that is followed by
something that can start a TLD, and the TLD alternation is compiled as a trie, so a failed TLD
costs a few character tests instead of 1,574 alternatives. The URL, mention and cashtag patterns
use the standard ``re`` engine, which is faster for them; hashtags and fediverse hosts need
``regex`` for ``\p{L}`` and ``\p{M}``; each ``regex`` call at a position is given a bounded
end (its time grows with the text after the position). Unlike twitter-text's single pattern, the
URL path and query are read by a linear scanner (:func:`_url_tail`), and starts inside long runs
that cannot end a label are skipped (:func:`_without_dead_starts`), so neither balanced
parentheses nor ``a-a-…-a-.com`` take quadratic time; a long run of dots can still cost more
than linear time in contrived cases.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

__all__ = [
    "Span",
    "extract_cashtags",
    "extract_entities",
    "extract_hashtags",
    "extract_mentions",
    "extract_urls",
]

Span = tuple[int, int]
"""A half-open ``(start, end)`` range of code point offsets."""

# --- Character groups from twitter-text's regexp/*.js (as character class contents) ---------------

# directionalMarkersGroup.js
_DIRECTIONAL = r"\u202A-\u202E\u061C\u200E\u200F\u2066\u2067\u2068\u2069"
# invalidCharsGroup.js
_INVALID = r"\uFFFE\uFEFF\uFFFF"
# spacesGroup.js
_SPACES = r"\t-\r\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
# JavaScript's \s (ECMAScript 2016 and later), used by validCashtag.js.
_JS_WHITESPACE = r"\t\n\x0B\x0C\r\x20\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF"
# punct.js (it has neither '"' nor '`'); the two variants leave out "_" and "-", or "-".
_PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]\^_{|}~$"
_PUNCT_BUT_UNDERSCORE_HYPHEN = r"!'#%&()*+,\\./:;<=>?@\[\]\^{|}~$"
_PUNCT_BUT_HYPHEN = r"!'#%&()*+,\\./:;<=>?@\[\]\^_{|}~$"
# latinAccentChars.js
_LATIN_ACCENTS = (
    r"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268"
    r"\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF"
)
# latinAccentChars.js under the JavaScript "i" flag: it also matches the code points whose case
# folding (Canonicalize in ECMA-262; computed with Node 20, Unicode 17) lands in the class.
_LATIN_ACCENTS_I = _LATIN_ACCENTS + (
    r"\u0260\u0269\u0275\u0280\u0283\u0288\u028A\u028C\u0292\u0399\u03B9\u1FBE\u2C65\u2C66\u2C7E"
    r"\u2C7F\uA7DC"
)
# cyrillicLettersAndMarks.js under the "i" flag (U+1C80..U+1C87 fold to Cyrillic capitals).
_CYRILLIC_I = r"\u0400-\u04FF\u1C80-\u1C87"
# hashtagAlphaNumeric.js is letters, marks, decimal digits and hashtagSpecialChars.js.
_HASHTAG_SPECIALS = r"_\u200C\u200D\uA67E\u05BE\u05F3\u05F4\uFF5E\u301C\u309B\u309C\u30A0\u30FB\u3003\u0F0B\u0F0C\xB7"
_HASHTAG_ALNUM = r"\p{L}\p{M}\p{Nd}" + _HASHTAG_SPECIALS
# The hashtag characters that are not letters or marks (hashtagAlpha.js).
_HASHTAG_NON_ALPHA = r"\p{Nd}" + _HASHTAG_SPECIALS
# validGeneralUrlPathChars.js, validUrlQueryChars.js, validUrlQueryEndingChars.js ("i" spelled out).
_PATH_CHAR = rf"[a-zA-Z{_CYRILLIC_I}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS_I}]"
_QUERY = r"(?:\?[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-zA-Z0-9\-_&=#/])"
# validPunycode.js
_PUNYCODE = r"xn--[\-0-9a-z]+"  # matched against lowered text (see _urls)

# The characters whose str.lower() would change what the URL patterns match (see _urls).
_LOWERING_TRAPS = ("\u0130", "\u212a", "\u212b")

_MAX_URL_LENGTH = 4096
# Runs of subdomain characters shorter than this are left to the URL pattern (see _without_dead_starts).
_DEAD_RUN = 64
_MAX_TCO_SLUG_LENGTH = 40
_MAX_DOMAIN_LABEL_LENGTH = 63
_MAX_HANDLE_LENGTH = 253
# The longest ``@user@host`` taken as a mention: "@", a generous 64-character user name, "@" and a
# 253-character host name (Mastodon allows user names of 30 characters).
_MAX_FEDIVERSE_MENTION = 1 + 64 + 1 + _MAX_HANDLE_LENGTH
_DEFAULT_PROTOCOL = "https://"

_ASCII_ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
# validMentionPrecedingChars.js, as the characters that may NOT come before the "@" ...
_MENTION_BAD_BEFORE = frozenset(_ASCII_ALNUM + "_!#$%&*@＠")
# ... and before an "RT" or "RT:" prefix.
_RT_BAD_BEFORE = frozenset(_ASCII_ALNUM + "_+~.-")
_RT = frozenset(("rt", "RT", "rT", "Rt"))


# --- Data and compiled patterns (built on first use) -----------------------------------------------


@cache
def _tlds() -> tuple[str, ...]:
    """The TLDs of ``data/tlds.txt``: generic, then country-code, in twitter-text's order."""
    data = resources.files("tonecheck").joinpath("data", "tlds.txt").read_text(encoding="utf-8")
    lines = (raw.strip() for raw in data.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def _ascii_tlds() -> frozenset[str]:
    """The ASCII TLDs (for Bluesky handles and _may_have_url)."""
    return frozenset(tld for tld in _tlds() if tld.isascii())


def _tld_char(ch: str) -> str:
    """A TLD character in a pattern that is matched against lowered text (see _urls).

    A non-ASCII letter matches its other cases: for the characters of the TLD list, Python's
    (?i) matches the same characters as JavaScript's "i" flag. (For ASCII letters it would not: it
    also matches "ſ" to "s", "K" to "k" and "İ" to "i"; hence the lowering.)
    """
    if ch.isascii() or ch.lower() == ch.upper():
        return re.escape(ch)
    return f"(?i:{re.escape(ch)})"


_Trie = dict[str, "_Trie"]


def _trie_pattern(words: list[str]) -> str:
    """One alternation of *words* (see _tld_char) that tries a longer word before its prefix.

    twitter-text lists the TLDs in reverse order, so that a TLD comes before its prefixes; each
    alternative is followed by a look-ahead, so backtracking can still fall back to a prefix. A
    trie with greedy optional tails tries the same words in the same order, but without testing
    every alternative at every position.
    """
    root: _Trie = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def alternatives(node: _Trie) -> str:
        branches = [_tld_char(ch) + tail(node[ch]) for ch in sorted((k for k in node if k), reverse=True)]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    def tail(node: _Trie) -> str:
        if len(node) == 1 and "" in node:
            return ""
        return f"(?:{alternatives(node)})?" if "" in node else alternatives(node)

    return "(?:" + alternatives(root) + ")"


@cache
def _tld_pattern() -> str:
    """validGTLD.js|validCCTLD.js, each with its look-ahead.

    Merging the two lists changes nothing: where a generic TLD is a prefix of a country-code TLD
    or the other way round (``ve``, ``vermögensberatung``), both cannot end before a valid
    boundary at the same place.
    """
    tlds = sorted(set(_tlds()), reverse=True)
    return _trie_pattern(tlds) + r"(?=[^0-9a-zA-Z@+\-]|\Z)"


@cache
def _tld_start_re() -> re.Pattern[str]:
    """A "." that may be followed by a TLD: a cheap, exact test that a window can hold a URL.

    Like the URL patterns, this is matched against lowered text (see _urls).

    A URL's domain ends in "." and a TLD or punycode label. Unless a non-ASCII character follows
    them (as in "vermögensberatung"), the ASCII letters after the dot must be an ASCII TLD as a
    whole (the look-ahead after a TLD rejects another letter), so that run is captured and looked
    up; the other alternatives are only candidates.
    """
    ascii_tlds = [tld for tld in _tlds() if tld.isascii()]
    longest = max(len(tld) for tld in ascii_tlds)
    first_chars = sorted({tld[0] for tld in _tlds() if not tld[0].isascii()})
    return re.compile(
        rf"\.(?:[a-z]+[^\x00-\x7F]|(?P<ascii>[a-z]{{2,{longest}}})(?![a-z0-9@+\-])|xn--"
        rf"|(?i:[{re.escape(''.join(first_chars))}]))"
    )


def _may_have_url(lowered: str, start: int, end: int) -> bool:
    """Whether lowered[start:end] has a "." followed by something that may be a TLD."""
    ascii_tlds = _ascii_tlds()
    for m in _tld_start_re().finditer(lowered, start, end):
        candidate = m["ascii"]
        if candidate is None or candidate in ascii_tlds:
            return True
    return False


@cache
def _url_re() -> re.Pattern[str]:
    """extractUrl.js."""
    # validUrlBalancedParens.js, validUrlPathEndingChars.js, validUrlPath.js. validUrlPath.js
    # splices in the source of validUrlPathEndingChars.js, "[...]|(?:parens)", without a group
    # around it, so its "|" splits validUrlPath.js: balanced parentheses can only end a path
    # segment on their own, not after other path characters. (So "/a_(b)" is matched as "/a_"
    # and then "(b)" as a second segment, but "/..(b)" stops before the dots.)
    # The path and query are matched by _url_tail (see there), as the path pattern takes quadratic time
    # on a long run of balanced parentheses.
    # validDomainChars.js is D. validSubdomain.js, (?:(?:D(?:[_-]|D)*)?D\.), is a run of D, "_" and
    # "-" that starts and ends with D and is followed by ".", so the run is all there is before the
    # "." and can be matched possessively; the look-behind rejects a last "_" or "-". The same for
    # validDomainName.js, (?:(?:D(?:-|D)*)?D\.).
    others = _SPACES + _INVALID + _DIRECTIONAL
    domain_char = f"[^{_PUNCT}{others}]"
    subdomain = rf"{domain_char}[^{_PUNCT_BUT_UNDERSCORE_HYPHEN}{others}]*+(?<![_\-])\."
    domain_name = rf"{domain_char}[^{_PUNCT_BUT_HYPHEN}{others}]*+(?<!-)\."
    domain = rf"(?:{subdomain})*{domain_name}(?:{_tld_pattern()}|{_PUNYCODE})"
    # validUrlPrecedingChars.js
    before = rf"[^A-Za-z0-9@＠$#＃{_INVALID}]|[{_DIRECTIONAL}]|^"
    return re.compile(
        rf"(?P<before>{before})"
        rf"(?P<url>(?P<protocol>https?://)?(?P<domain>{domain})"
        rf"(?::[0-9]+)?)"
    )


_PARENS = rf"\((?:{_PATH_CHAR}+|{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*)\)"
_PATH_END = rf"[+\-a-zA-Z{_CYRILLIC_I}0-9=_#/{_LATIN_ACCENTS_I}]"


@cache
def _path_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A run of path characters, the same up to its last path-ending character, balanced parens, the query."""
    return (
        re.compile(f"{_PATH_CHAR}*"),
        re.compile(f"{_PATH_CHAR}*{_PATH_END}"),
        re.compile(_PARENS),
        re.compile(_QUERY),
    )


def _url_tail(lowered: str, pos: int, end: int) -> tuple[int, bool]:
    """Where the ``(?P<path>/{path}*)?{_QUERY}?`` of extractUrl.js ends after *pos*, and whether there is a path.

    validUrlPath.js (see _url_re) is ``P*(?:B P*)*E | B | @P+/`` with P the path characters, E the
    path-ending ones (all of them path characters) and B balanced parentheses, repeated. Nothing
    after it can fail, so the regular expression takes, at each step, the first alternative that
    matches: the first one, when the run of P and B from here has an E outside parentheses, ends
    after the last such E (the third never matches where the first does not: its "/" is an E);
    else one B. After the last E of a run only B can follow. Here each run is read once, where the
    pattern reads it again from every B, which is quadratic in the number of B.
    """
    run_re, last_end_re, parens_re, query_re = _path_res()
    has_path = pos < end and lowered[pos] == "/"
    if has_path:
        pos += 1
        scan, last = pos, -1
        while True:
            run_end = run_re.match(lowered, scan, end).end()  # type: ignore[union-attr]
            if run_end > scan and (m := last_end_re.match(lowered, scan, run_end)) is not None:
                last = m.end()
            scan = run_end
            if scan < end and lowered[scan] == "(" and (b := parens_re.match(lowered, scan, end)) is not None:
                scan = b.end()
                continue
            break
        if last >= 0:
            pos = last
        while pos < end and lowered[pos] == "(" and (b := parens_re.match(lowered, pos, end)) is not None:
            pos = b.end()
    query = query_re.match(lowered, pos, end)
    return (pos if query is None else query.end()), has_path


@cache
def _ascii_domain_re() -> re.Pattern[str]:
    """validAsciiDomain.js."""
    return re.compile(rf"(?:[\-a-zA-Z0-9{_LATIN_ACCENTS_I}]++\.)+(?:{_tld_pattern()}|{_PUNYCODE})")


@cache
def _tco_re() -> re.Pattern[str]:
    """validTcoUrl.js."""
    return re.compile(rf"https?://t\.co/([a-z0-9]+){_QUERY}?")


@cache
def _ascii_upper_re() -> re.Pattern[str]:
    return re.compile("[A-Z]+")


@cache
def _astral_re() -> re.Pattern[str]:
    return re.compile("[\U00010000-\U0010ffff]")


@cache
def _punycode_separators_re() -> re.Pattern[str]:
    """The label separators of punycode.js's mapDomain other than the full stop."""
    return re.compile("[\u3002\uff0e\uff61]")


@cache
def _hashtag_re() -> regex.Pattern[str]:
    """validHashtag.js after hashtagBoundary.js (which _hashtags checks).

    ``[non-alpha]*+[alpha][alnum]*+`` matches what ``[alnum]*[alpha][alnum]*`` does: the whole run
    of hashtag characters, if it has a letter or mark.
    """
    import regex

    return regex.compile(rf"[#＃](?!\uFE0F|\u20E3)[{_HASHTAG_NON_ALPHA}]*+[\p{{L}}\p{{M}}][{_HASHTAG_ALNUM}]*+")


@cache
def _not_hashtag_boundary_re() -> regex.Pattern[str]:
    """A character that hashtagBoundary.js does not accept before a hash sign."""
    import regex

    return regex.compile(rf"(?![\uFE0E\uFE0F])[{_HASHTAG_ALNUM}&\uD800-\uDFFF]")


@cache
def _mention_re() -> re.Pattern[str]:
    """validMentionOrList.js without the preceding characters (see _mention_can_start)."""
    return re.compile(r"[@＠][a-zA-Z0-9_]{1,20}(/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?")


@cache
def _end_mention_re() -> re.Pattern[str]:
    """endMentionMatch.js (no "i" flag)."""
    return re.compile(rf"[@＠{_LATIN_ACCENTS}]|://")


@cache
def _cashtag_re() -> re.Pattern[str]:
    """validCashtag.js; the space before is a look-behind, as it never overlaps a match."""
    return re.compile(
        rf"(?<![^{_SPACES}])\$[a-zA-Z]{{1,6}}(?:[._][a-zA-Z]{{1,2}})?(?=\Z|[{_JS_WHITESPACE}]|[{_PUNCT}])"
    )


@cache
def _mastodon_re() -> regex.Pattern[str]:
    """``@user@host.tld``, followed by a boundary."""
    import regex

    label = r"[\p{L}\p{M}\p{Nd}]++(?:-++[\p{L}\p{M}\p{Nd}]++)*+"
    tld = r"(?:\p{L}[\p{L}\p{M}]++|[xX][nN]--[a-zA-Z0-9\-]*[a-zA-Z0-9])"
    return regex.compile(
        rf"[@＠][A-Za-z0-9_]++(?:[.\-]++[A-Za-z0-9_]++)*+[@＠](?:{label}\.)+{tld}"
        r"(?![\p{L}\p{M}\p{Nd}_@＠+\-]|://)"
    )


@cache
def _at_sign_re() -> re.Pattern[str]:
    """An "@" that may start a fediverse mention: a user name or a handle's first label follows."""
    return re.compile("[@＠](?=[A-Za-z0-9_])")


@cache
def _mastodon_user_re() -> re.Pattern[str]:
    """The start of :func:`_mastodon_re`, ``@user@``: a cheap first test in the standard engine."""
    return re.compile(r"[@＠][A-Za-z0-9_]++(?:[.\-]++[A-Za-z0-9_]++)*+[@＠]")


@cache
def _fediverse_run_re() -> regex.Pattern[str]:
    """A run of the characters that an ``@user@host`` mention (:func:`_mastodon_re`) is made of."""
    import regex

    return regex.compile(r"[A-Za-z0-9_.\-@＠\p{L}\p{M}\p{Nd}]*+")


@cache
def _handle_run_re() -> re.Pattern[str]:
    return re.compile(r"[A-Za-z0-9.\-]+")


@cache
def _not_fediverse_end_re() -> regex.Pattern[str]:
    """What may not follow a fediverse mention."""
    import regex

    return regex.compile(r"[\p{L}\p{M}\p{Nd}_@＠+\-]|://")


# --- URLs ------------------------------------------------------------------------------------------


def _adapt_bias(delta: int, points: int, first: bool) -> int:
    """punycode.js's adapt()."""
    delta = delta // 700 if first else delta >> 1
    delta += delta // points
    k = 0
    while delta > 455:
        delta //= 35
        k += 36
    return k + 36 * delta // (delta + 38)


def _punycode_encoded_length(part: str, limit: int) -> int:
    """``len(punycode.encode(part))`` if it is at most *limit*, else a number above *limit*.

    Python's "punycode" codec gives the same output but takes hundreds of microseconds for a
    30-character CJK label. This follows punycode.js's encode(), with the inner loop over the
    input replaced by counting, in a sorted list, the positions of the code points already handled.
    """
    code_points = [ord(ch) for ch in part]
    basic = sum(cp < 0x80 for cp in code_points)
    length = basic + (1 if basic else 0)
    if length + len(code_points) - basic > limit:  # every other code point adds a digit or more
        return limit + 1
    handled_positions = [i for i, cp in enumerate(code_points) if cp < 0x80]
    positions_by_value: dict[int, list[int]] = {}
    for i, cp in enumerate(code_points):
        if cp >= 0x80:
            positions_by_value.setdefault(cp, []).append(i)
    n, delta, bias, handled = 0x80, 0, 72, basic
    for m in sorted(positions_by_value):
        positions = positions_by_value[m]
        delta += (m - n) * (handled + 1)
        previous = -1
        for position in positions:
            # The handled code points between the previous occurrence and this one.
            delta += bisect_left(handled_positions, position) - bisect_right(handled_positions, previous)
            q, k = delta, 36
            while True:
                t = 1 if k <= bias else 26 if k >= bias + 26 else k - bias
                if q < t:
                    break
                length += 1
                q = (q - t) // (36 - t)
                k += 36
            length += 1
            if length > limit:
                return length
            bias = _adapt_bias(delta, handled + 1, handled == basic)
            delta = 0
            handled += 1
            previous = position
        delta += len(handled_positions) - bisect_right(handled_positions, previous) + 1
        for position in positions:
            insort(handled_positions, position)
        n = m + 1
    return length


@lru_cache(maxsize=1024)
def _label_fits(label: str) -> bool:
    """``1 <= len(punycode.toASCII(label)) <= 63`` for a label without "." or "@" (punycode.js 1.4.1).

    punycode.js 1.4.1 encodes a label unless it is all printable ASCII (U+0020..U+007E), and
    splits it at the ideographic and full-width full stops first. (Node's built-in punycode
    module, 2.x, also leaves control characters alone.)
    """
    if label.isascii() and label.isprintable():
        return 1 <= len(label) <= _MAX_DOMAIN_LABEL_LENGTH
    parts = [label] if label.isascii() else _punycode_separators_re().split(label)
    budget = _MAX_DOMAIN_LABEL_LENGTH - (len(parts) - 1)
    for part in parts:
        if part.isascii() and part.isprintable():
            budget -= len(part)
        else:
            # punycode.js decodes surrogate pairs (of the UTF-16 view) into code points first.
            part = part.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
            budget -= 4 + _punycode_encoded_length(part, budget - 4)
        if budget < 0:
            return False
    return True


def _valid_domain(domain: str, lowered: str) -> bool:
    """lib/idna.js's toAscii(domain) is not empty. (It returns the domain itself, not its encoding.)

    *lowered* is *domain* as matched (see _urls); the "xn--" test and the punycode lengths need the
    original.
    """
    if domain[:4] == "xn--" and _ascii_domain_re().search(lowered) is None:
        return False
    return all(_label_fits(label) for label in domain.split("."))


def _add_url(m: re.Match[str], end: int, has_path: bool, lowered: str, text: str, out: list[Span]) -> None:
    """The loop body of extractUrlsWithIndices.js for one match of extractUrl.js.

    The match (of the URL up to its port, which ends at *end* with its path and query: see
    _url_tail) is on *text* with letters lowered (see _urls); idna.js's "xn--" test, the punycode
    lengths and the ``indexOf`` below need the original.
    """
    protocol = m["protocol"]
    lowered_domain = lowered[m.start("domain") : m.end("domain")]
    domain = text[m.start("domain") : m.end("domain")]
    start = m.start("url")
    url = lowered[start:end]
    # isValidUrl. The text has no astral characters here, so len() counts UTF-16 code units.
    if len(protocol or _DEFAULT_PROTOCOL) + len(url) > _MAX_URL_LENGTH or not _valid_domain(domain, lowered_domain):
        return
    if protocol:
        tco = _tco_re().match(url)
        if tco is not None:
            # A t.co URL ends after its slug and query.
            if len(tco[1]) > _MAX_TCO_SLUG_LENGTH:
                return
            end = start + tco.end()
        out.append((start, end))
        return
    before = m["before"]
    if before and before in "-_./":  # invalidUrlWithoutProtocolPrecedingChars.js
        return
    # Without a protocol, each ASCII-only domain in the match is a URL; the path (and only with a
    # path, the query) goes with the last one. (The JavaScript finds each one's offset with
    # indexOf, which can find an earlier copy of it; the search is case-sensitive.)
    found: list[list[int]] = []
    ascii_end = 0
    for ascii_match in _ascii_domain_re().finditer(lowered_domain):
        ascii_domain = domain[ascii_match.start() : ascii_match.end()]
        ascii_start = domain.find(ascii_domain, ascii_end)
        ascii_end = ascii_start + len(ascii_domain)
        found.append([start + ascii_start, start + ascii_end])
    if not found:
        return
    if has_path:
        found[-1][1] = end
    out.extend((s, e) for s, e in found)


def _lower_ascii(match: re.Match[str]) -> str:
    return match[0].lower()


def _without_dead_starts(lowered: str) -> str:
    """*lowered* with the URL starts that cannot succeed taken out, so that the URL pattern skips them.

    A URL's first label runs from where it starts to the end of its run of subdomain characters
    (validSubdomain.js), which must be a "." after a character other than "-" or "_"; a shorter
    label (validDomainName.js, without "_") ends at the same place or at a "_", where it fails
    too. So in a run that does not end that way ("a-a-a-…-a-.com", "a-b-c…!") no URL starts, but
    the pattern tries one after each character that may precede a URL ("-", "_", any non-ASCII
    character) and reads the run to its end each time: quadratic in the run. Here each such
    character inside a long dead run becomes "a", which may not precede a URL, is a subdomain
    character like the one it replaces, and is not the last character, which the look-behinds
    read. Kept: a character before "http://" or "https://" (a URL can start there), and, in a run
    after a ".", the characters a TLD or punycode label starting the run may read. The path and
    query are read from the text itself (_url_tail).
    """
    if len(lowered) < _DEAD_RUN:
        return lowered
    chars: list[str] | None = None
    for run in _label_run_re().finditer(lowered):
        run_start, run_end = run.span()
        if run_end < len(lowered) and lowered[run_end] == "." and lowered[run_end - 1] not in "-_":
            continue  # the run can end a label
        first = run_start
        if run_start and lowered[run_start - 1] == ".":
            if lowered.startswith("xn--", run_start):
                continue
            first = run_start + _tld_reach()
        for before in _before_in_run_re().finditer(lowered, first, run_end - 1):
            at = before.start()
            if not lowered.startswith(("http://", "https://"), at + 1):
                if chars is None:
                    chars = list(lowered)
                chars[at] = "a"
    return lowered if chars is None else "".join(chars)


@cache
def _label_run_re() -> re.Pattern[str]:
    """A run of at least _DEAD_RUN subdomain characters (see _url_re and _without_dead_starts)."""
    others = _SPACES + _INVALID + _DIRECTIONAL
    return re.compile(rf"[^{_PUNCT_BUT_UNDERSCORE_HYPHEN}{others}]{{{_DEAD_RUN},}}")


@cache
def _before_in_run_re() -> re.Pattern[str]:
    """A subdomain character that validUrlPrecedingChars.js accepts before a URL."""
    return re.compile("[^A-Za-z0-9＠＃]")


@cache
def _tld_reach() -> int:
    """How far a TLD starting a run may read into it: the longest TLD and its one-character look-ahead."""
    return max(len(tld) for tld in _tlds()) + 2


def _urls(text: str) -> list[Span]:
    """extractUrlsWithIndices.js for a text without astral characters."""
    # twitter-text's URL patterns are case-insensitive. They are matched against the text with
    # ASCII letters lowered (which is what JavaScript's "i" flag does for them), so the TLD trie
    # only needs lower-case ASCII letters. Lowering other letters too changes no match (the
    # classes have both cases, and the TLD characters are case-insensitive), except for three
    # characters: "İ" lowers to two characters, the Kelvin sign to "k" and the Angstrom sign to "å".
    if text.isascii() or not any(ch in text for ch in _LOWERING_TRAPS):
        lowered = text.lower()
    else:
        lowered = _ascii_upper_re().sub(_lower_ascii, text)
    url_re = _url_re()
    view = _without_dead_starts(lowered)
    spans: list[Span] = []
    length = len(text)
    scan = 0
    # A URL contains a "." and no space, so the pattern only runs between the last space before a
    # "." and the next space after it (or the ends of the text). Searching from ``start`` is what
    # the JavaScript does with lastIndex: no match can start between ``scan`` and ``start``, and
    # "^" only matches at 0. (Any other whitespace only makes the window larger than it needs to
    # be; it still starts and ends at whitespace, where the pattern matches as on the whole text.)
    while (dot := text.find(".", scan)) >= 0:
        start = text.rfind(" ", scan, dot)
        if start < 0:
            start = scan
        end = text.find(" ", dot)
        if end < 0:
            end = length
        if _may_have_url(lowered, dot, end):
            while (m := url_re.search(view, start, end)) is not None:
                url_end, has_path = _url_tail(lowered, m.end(), end)
                start = url_end
                _add_url(m, url_end, has_path, lowered, text, spans)
        scan = end
    return spans


def _surrogates(ch: str) -> str:
    code = ord(ch) - 0x10000
    return chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF))


def extract_urls(text: str) -> list[Span]:
    """The URLs in *text*, with or without ``http(s)://``, by twitter-text's rules.

    A URL needs a domain with a TLD from twitter-text's list. One without a scheme must be ASCII
    and may not follow ``-``, ``_``, ``.`` or ``/``, and its query only counts after a path. A
    ``t.co`` link ends after its slug and query. Trailing punctuation is left out and balanced
    parentheses are kept, as in ``https://en.wikipedia.org/wiki/Primer_(film)``.

    >>> extract_urls("See example.com/a11y, or http://t.co/abc's")
    [(4, 20), (25, 40)]
    """
    if "." not in text:
        return []
    if text.isascii() or _astral_re().search(text) is None:
        return _urls(text)
    # JavaScript sees each astral character as two UTF-16 code units, and twitter-text's negated
    # classes (domain characters, the character before a URL) match each of them; so match on a
    # view of the text with the surrogate pairs spelled out. A URL starts and ends between pairs.
    spans = _urls(_astral_re().sub(lambda m: _surrogates(m[0]), text))
    if not spans:
        return spans
    # The view offset of the k-th low surrogate is the k-th astral character's offset + k + 1.
    low_surrogates = [m.start() + k + 1 for k, m in enumerate(_astral_re().finditer(text))]
    return [
        (start - bisect_left(low_surrogates, start), end - bisect_left(low_surrogates, end)) for start, end in spans
    ]


# --- Hashtags --------------------------------------------------------------------------------------


def _hashtags(text: str) -> list[Span]:
    """extractHashtagsWithIndices.js with checkUrlOverlap false."""
    if "#" not in text and "＃" not in text:
        return []
    not_boundary = _not_hashtag_boundary_re()
    spans: list[Span] = []
    last_end = 0
    for m in _hashtag_re().finditer(text):
        start, end = m.span()
        # hashtagBoundary.js: the start, or a character that is consumed by the match, so it
        # cannot be the last character of the previous match.
        if start and (start == last_end or not_boundary.match(text, start - 1, start)):
            continue
        last_end = end
        if not text.startswith(("#", "＃", "://"), end):  # endHashtagMatch.js
            spans.append((start, end))
    return spans


def _remove_overlaps(entities: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """removeOverlappingEntities.js: sort by start (stably), drop each entity that overlaps."""
    entities.sort(key=lambda entity: entity[0])
    kept: list[tuple[int, int, int]] = []
    for entity in entities:
        if not kept or kept[-1][1] <= entity[0]:
            kept.append(entity)
    return kept


def extract_hashtags(text: str, url_spans: list[Span] | None = None) -> list[Span]:
    """The hashtags in *text* (each span includes its ``#`` or ``＃``), by twitter-text's rules.

    A hashtag needs a letter or mark, may not follow a letter, digit or ``&``, and is dropped when
    another hash sign or ``://`` follows it. Hashtags that overlap a URL are dropped; pass
    *url_spans* if you already have :func:`extract_urls`'s result.

    >>> extract_hashtags("#one #2 #three#four http://example.com/#frag")
    [(0, 4)]
    """
    tags = _hashtags(text)
    if not tags:
        return tags
    urls = extract_urls(text) if url_spans is None else url_spans
    if not urls:
        return tags
    entities = [(s, e, 0) for s, e in tags] + [(s, e, 1) for s, e in urls]
    return [(s, e) for s, e, kind in _remove_overlaps(entities) if kind == 0]


# --- Mentions --------------------------------------------------------------------------------------


def _mention_can_start(text: str, at: int, scan: int) -> bool:
    """validMentionPrecedingChars.js matches before the "@" at *at*, from *scan* on.

    In the JavaScript the preceding characters are part of the match, so they cannot be
    characters of the previous match, which ended at *scan*.
    """
    if at == 0:
        return True
    if at > scan and text[at - 1] not in _MENTION_BAD_BEFORE:
        return True
    # (?:^|[^a-zA-Z0-9_+~.-])(?:rt|RT|rT|Rt):?
    for rt_start in (at - 2, at - 3):
        if rt_start < scan:
            return False
        if (
            text[rt_start : rt_start + 2] in _RT
            and (rt_start == at - 2 or text[at - 1] == ":")
            and (rt_start == 0 or (rt_start > scan and text[rt_start - 1] not in _RT_BAD_BEFORE))
        ):
            return True
    return False


def _mentions_or_lists(text: str) -> list[tuple[int, int, bool]]:
    """extractMentionsOrListsWithIndices.js, as ``(start, end, is_list)``."""
    found: list[tuple[int, int, bool]] = []
    last_end = 0
    end_mention = _end_mention_re()
    for m in _mention_re().finditer(text):
        start, end = m.span()
        if _mention_can_start(text, start, last_end):
            last_end = end
            if end_mention.match(text, end) is None:
                found.append((start, end, m[1] is not None))
    return found


def _handle_end(text: str, at: int) -> int | None:
    """The end of the Bluesky handle mentioned by the "@" at *at*, if there is one.

    This is ``@`` then labels separated by dots, the last one a TLD, and a boundary after it. The
    handle takes as many labels as it can: it ends with the last label that is a TLD and has only
    valid labels before it.
    """
    run = _handle_run_re().match(text, at + 1)
    if run is None or "." not in run[0]:
        return None
    labels = run[0].split(".")
    tlds = _ascii_tlds()
    best = None
    label_start = at + 1
    for index, label in enumerate(labels):
        label_end = label_start + len(label)
        is_tld = label in tlds or (label.startswith("xn--") and len(label) > 4 and label.islower() and label[-1] != "-")
        # Inside the run a dot follows the label; after the run, check the boundary.
        if index and is_tld and (
            index < len(labels) - 1 or _not_fediverse_end_re().match(text, label_end, label_end + 3) is None
        ):
            best = label_end
        if not 1 <= len(label) <= _MAX_DOMAIN_LABEL_LENGTH or label[0] == "-" or label[-1] == "-":
            break
        label_start = label_end + 1
    if best is None or best - at - 1 > _MAX_HANDLE_LENGTH:
        return None
    return best


def _fediverse_mentions(text: str) -> list[Span]:
    """Mastodon and Bluesky mentions (see the module docstring)."""
    spans: list[Span] = []
    scan = 0
    last_sign = max(text.rfind("@"), text.rfind("＠"))
    for sign in _at_sign_re().finditer(text):
        at = sign.start()
        if at < scan or not _mention_can_start(text, at, 0):
            continue
        end: int | None = None
        if last_sign >= at + 2:
            end = _mastodon_end(text, at)
        if end is None:
            end = _handle_end(text, at)
        if end is not None:
            spans.append((at, end))
            scan = end
    return spans


def _mastodon_end(text: str, at: int) -> int | None:
    """The end of the ``@user@host`` mention at *at*, if there is one.

    The ``regex`` engine's time per call grows with the text after the position it is given, so the
    pattern is given only the run of characters a mention can hold (and the three after it, which
    is as far as its look-ahead reads): the same match as on the whole text. A run longer than
    :data:`_MAX_FEDIVERSE_MENTION` is longer than any real address, so it holds no mention here.
    """
    if _mastodon_user_re().match(text, at) is None:
        return None
    limit = at + _MAX_FEDIVERSE_MENTION
    run = _fediverse_run_re().match(text, at, limit + 1)
    if run is None or run.end() > limit:
        return None
    mastodon = _mastodon_re().match(text, at, run.end() + 3)
    return None if mastodon is None else mastodon.end()


def _without_overlaps(found: list[tuple[int, int, bool]], extra: list[Span]) -> list[tuple[int, int, bool]]:
    """The mentions of *found* that overlap none of *extra* (both sorted by start, *extra* without overlaps)."""
    kept = []
    i = 0
    for mention in found:
        start, end, _ = mention
        while i < len(extra) and extra[i][1] <= start:
            i += 1
        if i < len(extra) and extra[i][0] < end:
            continue
        kept.append(mention)
    return kept


def _all_mentions(text: str, fediverse: bool) -> list[tuple[int, int, bool]]:
    """Mentions and lists; fediverse mentions replace what they overlap."""
    if "@" not in text and "＠" not in text:
        return []
    found = _mentions_or_lists(text)
    if not fediverse:
        return found
    extra = _fediverse_mentions(text)
    if not extra:
        return found
    kept = _without_overlaps(found, extra)
    kept.extend((s, e, False) for s, e in extra)
    kept.sort()
    return kept


def extract_mentions(text: str, *, fediverse: bool = True) -> list[Span]:
    """The @mentions in *text* (each span includes its ``@`` or ``＠``); lists are left out.

    With ``fediverse=False`` these are exactly twitter-text's mentions: 1 to 20 of ``[A-Za-z0-9_]``
    after an ``@`` that does not follow a letter, digit, ``_`` or one of ``!#$%&*@`` (``RT`` is
    fine), and that is not followed by another ``@``, a Latin accented letter or ``://``. With
    ``fediverse=True``, Mastodon (``@user@instance.example``) and Bluesky (``@alice.bsky.social``)
    addresses are one mention each; see the module docstring.

    >>> text = "thanks @bob. cc @user@mastodon.social @alice.bsky.social bob@example.com"
    >>> extract_mentions(text)
    [(7, 11), (16, 37), (38, 56)]
    >>> extract_mentions(text, fediverse=False)
    [(7, 11), (38, 44)]
    """
    return [(s, e) for s, e, is_list in _all_mentions(text, fediverse) if not is_list]


# --- Cashtags --------------------------------------------------------------------------------------


def extract_cashtags(text: str) -> list[Span]:
    """The cashtags in *text* (each span includes its ``$``), by twitter-text's rules.

    A cashtag is ``$`` at the start or after a space, 1 to 6 ASCII letters, optionally ``.`` or
    ``_`` and 1 or 2 more letters, then the end, a space or punctuation.

    >>> extract_cashtags("$AAPL vs $BRK.B, not $12 or x$Y")
    [(0, 5), (9, 15)]
    """
    if "$" not in text:
        return []
    return [m.span() for m in _cashtag_re().finditer(text)]


# --- All entities ----------------------------------------------------------------------------------

_LIST, _URL, _MENTION, _HASHTAG, _CASHTAG = range(5)
_KEYS = {_URL: "urls", _HASHTAG: "hashtags", _MENTION: "mentions", _CASHTAG: "cashtags"}


def extract_entities(text: str, *, fediverse: bool = True) -> dict[str, list[Span]]:
    """URLs, hashtags, mentions and cashtags without overlaps, as extractEntitiesWithIndices.js.

    The entities are sorted by start and each one that overlaps the one kept before it is dropped;
    on a tie the URL wins, then the mention, the hashtag and the cashtag. Lists (``@user/list``)
    take part in this but are not returned.

    >>> extract_entities("#tag http://example.com/#tag @bob")
    {'urls': [(5, 28)], 'hashtags': [(0, 4)], 'mentions': [(29, 33)], 'cashtags': []}
    """
    entities: list[tuple[int, int, int]] = [(s, e, _URL) for s, e in extract_urls(text)]
    entities.extend((s, e, _LIST if is_list else _MENTION) for s, e, is_list in _all_mentions(text, fediverse))
    entities.extend((s, e, _HASHTAG) for s, e in _hashtags(text))
    entities.extend((s, e, _CASHTAG) for s, e in extract_cashtags(text))
    result: dict[str, list[Span]] = {"urls": [], "hashtags": [], "mentions": [], "cashtags": []}
    if entities:
        for start, end, kind in _remove_overlaps(entities):
            if kind != _LIST:
                result[_KEYS[kind]].append((start, end))
    return result
