r"""Find URLs, hashtags, @mentions and cashtags in a post, with their offsets.

This is a port of the entity extraction of **twitter-text 3.1.0** (the ``twitter-text`` npm
package, https://github.com/twitter/twitter-text, Copyright 2018 Twitter, Inc., licensed under the
Apache License, Version 2.0): ``extractUrlsWithIndices``, ``extractHashtagsWithIndices``,
``extractMentionsWithIndices``, ``extractCashtagsWithIndices``, ``extractEntitiesWithIndices``,
``removeOverlappingEntities`` and the regular expressions in ``regexp/`` that they use. The TLD
lists (``regexp/validGTLD.js`` and ``regexp/validCCTLD.js``) are in ``tonecheck/data/tlds.txt``.
twitter-text's conformance suite (``conformance/extract.yml``) passes in full; see
``tests/test_entities.py``.

Every span is a half-open ``(start, end)`` pair of **code point** offsets (Python ``str``
indices), like the offsets twitter-text reports after ``convertUnicodeIndices``. A span includes
the sign: ``#``/``＃``, ``@``/``＠`` and ``$``.

>>> text = "Read https://example.com/a11y #a11y @jane_doe $ACME"
>>> extract_entities(text)
{'urls': [(5, 29)], 'hashtags': [(30, 35)], 'mentions': [(36, 45)], 'cashtags': [(46, 51)]}

Where the port differs from the JavaScript, and why:

* JavaScript regular expressions without the ``u`` flag work on UTF-16 code units; these work on
  code points. The results are the same (as code point offsets) except that a lone surrogate is
  never part of an entity or a hashtag boundary. The URL length limit (4096) is still counted in
  UTF-16 code units, as in twitter-text.
* Hashtag letters, marks and digits are the Unicode properties ``\p{L}``, ``\p{M}`` and
  ``\p{Nd}`` of the ``regex`` module's Unicode version. twitter-text's generated tables
  (``bmpLetterAndMarks``, ``astralLetterAndMarks``, ``bmpNumerals``, ``astralNumerals``) are a
  Unicode 7 era snapshot of the same properties (plus 68 private-use code points in
  U+F870..U+F8FF), so letters of scripts added since then also make hashtags here.
* The case-insensitive (``i``) parts follow JavaScript's rules, not Python's: ``[a-z]`` does not
  match ``ſ`` (U+017F) or the Kelvin sign (U+212A); the Latin-accent and Cyrillic classes also
  match the few code points that JavaScript's case folding adds to them (listed below).

With ``fediverse=True`` (the default), :func:`extract_mentions` and :func:`extract_entities` also
find two kinds of mention that twitter-text splits or drops:

* Mastodon and other ActivityPub mentions ``@user@instance.example``: one span for the whole
  address. The user name is ``[A-Za-z0-9_]`` with inner ``.``/``-``; the instance is a dotted host
  name whose last label is alphabetic (it need not be in the TLD list, so ``.example`` works).
* Bluesky domain handles ``@alice.bsky.social``, ``@alice.example.com``: one span for the whole
  handle. Labels follow the DNS rules (ASCII letters, digits, inner hyphens, at most 63 characters;
  253 in all) and the last label must be a TLD from the list, in lower case, as in Bluesky's own
  facet detection (so ``thanks @bob.It was`` stays the mention ``@bob``).

Both start only where a twitter-text mention can start (never inside a word, so an e-mail address
like ``bob@example.com`` is never a mention) and end before trailing punctuation: in
``thanks @bob.`` the mention is ``@bob``. A twitter-text mention that overlaps one of these is
replaced by it.

Speed: the patterns are compiled on first use, not at import. A text without ``.`` skips the URL
pattern, one without ``#``/``＃``, ``@``/``＠`` or ``$`` skips that entity's pattern, and the URL
pattern only runs over the whitespace-delimited runs that contain a ``.``.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from importlib import resources

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

# --- Character groups from twitter-text's regexp/*.js (as regex character class contents) ---------

# directionalMarkersGroup.js
_DIRECTIONAL = r"\u202A-\u202E\u061C\u200E\u200F\u2066\u2067\u2068\u2069"
# invalidCharsGroup.js
_INVALID = r"\uFFFE\uFEFF\uFFFF"
# spacesGroup.js
_SPACES = r"\t-\r\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
# JavaScript's \s (ECMAScript 2016 and later); used by validCashtag.js.
_JS_WHITESPACE = r"\t\n\x0B\x0C\r\x20\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF"
# punct.js: note that it has neither '"' nor '`'.
_PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]\^_{|}~$"
# latinAccentChars.js
_LATIN_ACCENTS = (
    r"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B\u0263\u0268"
    r"\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF"
)
# latinAccentChars.js under the JavaScript "i" flag: the code points whose case folding
# (Canonicalize in ECMA-262, computed with Node 20 / Unicode 17) lands in the class.
_LATIN_ACCENTS_I = (
    _LATIN_ACCENTS
    + r"\u0260\u0269\u0275\u0280\u0283\u0288\u028A\u028C\u0292\u0399\u03B9\u1FBE\u2C65\u2C66"
    + r"\u2C7E\u2C7F\uA7DC"
)
# cyrillicLettersAndMarks.js under the "i" flag (U+1C80..U+1C87 fold to Cyrillic capitals).
_CYRILLIC_I = r"\u0400-\u04FF\u1C80-\u1C87"

# hashtagAlphaNumeric.js: letters, marks, decimal digits and hashtagSpecialChars.js.
_HASHTAG_SPECIALS = (
    r"_\u200C\u200D\uA67E\u05BE\u05F3\u05F4\uFF5E\u301C\u309B\u309C\u30A0\u30FB\u3003\u0F0B\u0F0C\xB7"
)
_HASHTAG_ALNUM = r"\p{L}\p{M}\p{Nd}" + _HASHTAG_SPECIALS
# The hashtag characters that are not letters or marks (hashtagAlpha.js).
_HASHTAG_NON_ALPHA = r"\p{Nd}" + _HASHTAG_SPECIALS

# Characters twitter-text's JavaScript matches case-insensitively in ways Python's case folding does
# not reproduce for the TLD list: Python's (?i) also matches "İ" to "i", "ſ" to "s", "K" to "k".
_CASE_TRAPS = ("\u0130", "\u017f", "\u212a")

_MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG_LENGTH = 40
_MAX_DOMAIN_LABEL_LENGTH = 63
_MAX_HANDLE_LENGTH = 253
_DEFAULT_PROTOCOL = "https://"

# validMentionPrecedingChars.js, as sets of characters that may NOT come before the "@" ...
_MENTION_BAD_BEFORE = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_!#$%&*@＠"
)
# ... and before an "RT"/"RT:" prefix.
_RT_BAD_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+~.-")
_RT = frozenset(("rt", "RT", "rT", "Rt"))


# --- Data and compiled patterns (built on first use) -----------------------------------------------


@cache
def _tlds() -> tuple[str, ...]:
    """The TLDs of ``data/tlds.txt``, generic then country-code, in the file's order."""
    data = resources.files("tonecheck").joinpath("data", "tlds.txt").read_text(encoding="utf-8")
    return tuple(
        line for line in (raw.strip() for raw in data.splitlines()) if line and not line.startswith("#")
    )


def _tld_pattern(exact_case: bool) -> str:
    """validGTLD.js|validCCTLD.js with their look-ahead, matched case-insensitively.

    Both lists are one alternation in reverse code point order, so a TLD comes before any TLD it
    is a prefix of, as in the JavaScript. (No generic TLD is a prefix of a country-code TLD or the
    other way round where both could end before a valid boundary, so merging the lists changes
    nothing.) With ``exact_case`` the ASCII letters are spelled as ``[cC]`` classes, which is
    slower to compile but exact for texts containing one of ``_CASE_TRAPS``.
    """
    tlds = sorted(set(_tlds()), reverse=True)
    if exact_case:
        parts = []
        for tld in tlds:
            parts.append(
                "".join(
                    f"[{ch}{ch.upper()}]" if "a" <= ch <= "z" else f"(?i:{regex.escape(ch)})" for ch in tld
                )
            )
        alternation = "(?:" + "|".join(parts) + ")"
    else:
        alternation = "(?i:" + "|".join(regex.escape(tld) for tld in tlds) + ")"
    return alternation + r"(?=[^0-9a-zA-Z@+\-]|\Z)"


# validPunycode.js
_PUNYCODE = r"[xX][nN]--[\-0-9a-zA-Z]+"


@cache
def _url_re(exact_case: bool) -> regex.Pattern[str]:
    """extractUrl.js."""
    # validGeneralUrlPathChars.js, validUrlPathEndingChars.js, validUrlBalancedParens.js,
    # validUrlPath.js, validUrlQueryChars.js, validUrlQueryEndingChars.js ("i" flag spelled out).
    path_char = rf"[a-zA-Z{_CYRILLIC_I}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS_I}]"
    parens = rf"\((?:{path_char}+|{path_char}*\({path_char}+\){path_char}*)\)"
    path_end = rf"(?:[+\-a-zA-Z{_CYRILLIC_I}0-9=_#/{_LATIN_ACCENTS_I}]|{parens})"
    path = rf"(?:{path_char}*(?:{parens}{path_char}*)*{path_end}|@{path_char}+/)"
    query = r"[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
    query_end = r"[a-zA-Z0-9\-_&=#/]"
    # validDomainChars.js. validSubdomain.js is (?:(?:D(?:[_-]|D)*)?D\.) and validDomainName.js
    # (?:(?:D(?:-|D)*)?D\.): a label of D, "_" and "-" that starts and ends with D. As "." is
    # not a label character, the label is the whole run before the dot, so it can be matched
    # possessively; the look-behind rejects a label ending in "_" or "-".
    others = _SPACES + _INVALID + _DIRECTIONAL
    domain_char = rf"[^{_PUNCT}{others}]"
    sub_char = rf"[^!'#%&()*+,\\./:;<=>?@\[\]\^{{|}}~${others}]"  # domain_char, "_" and "-"
    name_char = rf"[^!'#%&()*+,\\./:;<=>?@\[\]\^_{{|}}~${others}]"  # domain_char and "-"
    subdomain = rf"{domain_char}{sub_char}*+(?<![_\-])\."
    domain_name = rf"{domain_char}{name_char}*+(?<!-)\."
    domain = rf"(?:{subdomain})*{domain_name}(?:{_tld_pattern(exact_case)}|{_PUNYCODE})"
    # validUrlPrecedingChars.js
    before = rf"[^A-Za-z0-9@＠$#＃{_INVALID}]|[{_DIRECTIONAL}]|^"
    return regex.compile(
        rf"(?P<before>{before})"
        rf"(?P<url>(?P<protocol>[hH][tT][tT][pP][sS]?://)?"
        rf"(?P<domain>{domain})"
        r"(?::[0-9]+)?"
        rf"(?P<path>/{path}*)?"
        rf"(?:\?{query}*{query_end})?)"
    )


@cache
def _ascii_domain_re(exact_case: bool) -> regex.Pattern[str]:
    """validAsciiDomain.js."""
    label = rf"[\-a-zA-Z0-9{_LATIN_ACCENTS_I}]"
    return regex.compile(rf"(?:{label}++\.)+(?:{_tld_pattern(exact_case)}|{_PUNYCODE})")


@cache
def _tco_re() -> regex.Pattern[str]:
    """validTcoUrl.js."""
    query = r"[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
    query_end = r"[a-zA-Z0-9\-_&=#/]"
    return regex.compile(rf"[hH][tT][tT][pP][sS]?://[tT]\.[cC][oO]/([a-zA-Z0-9]+)(?:\?{query}*{query_end})?")


@cache
def _dot_run_re() -> regex.Pattern[str]:
    """A whitespace-delimited run of text that contains a ".": the only place a URL can be."""
    return regex.compile(rf"(?<![^{_SPACES}])[^{_SPACES}.]*+\.[^{_SPACES}]*+")


@cache
def _astral_re() -> regex.Pattern[str]:
    return regex.compile(r"[\U00010000-\U0010FFFF]")


@cache
def _punycode_separators_re() -> regex.Pattern[str]:
    """The label separators of punycode.js's mapDomain other than the full stop."""
    return regex.compile(r"[\u3002\uFF0E\uFF61]")


@cache
def _hashtag_re() -> regex.Pattern[str]:
    """validHashtag.js with hashtagBoundary.js as a look-behind.

    ``[non-alpha]*+[alpha][alnum]*+`` matches what ``[alnum]*[alpha][alnum]*`` does: the whole
    run of hashtag characters, if it contains a letter or mark.
    """
    boundary = rf"(?:(?<=[\uFE0E\uFE0F])|(?<![{_HASHTAG_ALNUM}&\uD800-\uDFFF]))"
    return regex.compile(
        rf"{boundary}[#＃](?!\uFE0F|\u20E3)[{_HASHTAG_NON_ALPHA}]*+[\p{{L}}\p{{M}}][{_HASHTAG_ALNUM}]*+"
    )


@cache
def _mention_re() -> regex.Pattern[str]:
    """validMentionOrList.js without the preceding characters (checked by _mention_can_start)."""
    return regex.compile(r"[@＠][a-zA-Z0-9_]{1,20}(/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?")


@cache
def _end_mention_re() -> regex.Pattern[str]:
    """endMentionMatch.js (no "i" flag)."""
    return regex.compile(rf"[@＠{_LATIN_ACCENTS}]|://")


@cache
def _cashtag_re() -> regex.Pattern[str]:
    """validCashtag.js; the preceding space is a look-behind (it never overlaps a match)."""
    return regex.compile(
        rf"(?<![^{_SPACES}])\$[a-zA-Z]{{1,6}}(?:[._][a-zA-Z]{{1,2}})?(?=\Z|[{_JS_WHITESPACE}]|[{_PUNCT}])"
    )


@cache
def _fediverse_re() -> regex.Pattern[str]:
    """Mastodon ``@user@host.tld`` and Bluesky ``@handle.tld`` mentions (see the module docstring)."""
    host_label = r"[\p{L}\p{M}\p{Nd}]++(?:-++[\p{L}\p{M}\p{Nd}]++)*+"
    host_tld = r"(?:\p{L}[\p{L}\p{M}]++|[xX][nN]--[a-zA-Z0-9\-]*[a-zA-Z0-9])"
    mastodon = rf"[A-Za-z0-9_]++(?:[.\-]++[A-Za-z0-9_]++)*+[@＠](?:{host_label}\.)+{host_tld}"
    handle_label = r"(?>[a-zA-Z0-9][a-zA-Z0-9\-]{0,62})(?<!-)\."
    handle_tld = r"(?:\L<handle_tlds>|xn--[a-z0-9\-]*[a-z0-9])"
    bluesky = rf"(?P<handle>(?:{handle_label})+{handle_tld})"
    tlds = [tld for tld in _tlds() if tld.isascii()]
    return regex.compile(
        rf"[@＠](?:{mastodon}|{bluesky})(?![\p{{L}}\p{{M}}\p{{Nd}}_@＠+\-]|://)", handle_tlds=tlds
    )


# --- URLs ------------------------------------------------------------------------------------------


def _utf16_length(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _punycode_length(label: str) -> int:
    """``len(punycode.toASCII(label))`` for a label without "." or "@" (punycode.js 1.4.1).

    twitter-text 3.1.0 depends on punycode 1.4.1, which encodes a label unless it is all printable
    ASCII (U+0020..U+007E). (Node's built-in punycode module leaves control characters alone.)
    """
    parts = [label] if label.isascii() else _punycode_separators_re().split(label)
    length = len(parts) - 1
    for part in parts:
        if part.isascii() and part.isprintable():
            length += len(part)
        else:
            # punycode.js decodes surrogate pairs (of the UTF-16 view) into code points first.
            part = part.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
            length += 4 + len(part.encode("punycode"))
    return length


def _valid_domain(domain: str, exact_case: bool) -> bool:
    """lib/idna.js's toAscii(domain) is not empty."""
    if domain[:4] == "xn--" and _ascii_domain_re(exact_case).search(domain) is None:
        return False
    for label in domain.split("."):
        if label.isascii() and label.isprintable():
            if not 1 <= len(label) <= _MAX_DOMAIN_LABEL_LENGTH:
                return False
        elif not 1 <= _punycode_length(label) <= _MAX_DOMAIN_LABEL_LENGTH:
            return False
    return True


def _url_match_spans(m: regex.Match[str], exact_case: bool, out: list[Span]) -> None:
    """The loop body of extractUrlsWithIndices.js for one match of extractUrl.js."""
    url = m["url"]
    protocol = m["protocol"]
    domain = m["domain"]
    start = m.start("url")
    end = m.end()
    # isValidUrl: idna.toAscii returns the domain unchanged, so only the URL's length counts.
    if not _valid_domain(domain, exact_case):
        return
    if len(protocol or _DEFAULT_PROTOCOL) + _utf16_length(url) > _MAX_URL_LENGTH:
        return
    if not protocol:
        before = m["before"]
        if before and before in "-_./":  # invalidUrlWithoutProtocolPrecedingChars.js
            return
        last: list[int] | None = None
        found: list[list[int]] = []
        ascii_end = 0
        for ascii_match in _ascii_domain_re(exact_case).finditer(domain):
            ascii_domain = ascii_match[0]
            ascii_start = domain.find(ascii_domain, ascii_end)
            ascii_end = ascii_start + len(ascii_domain)
            last = [start + ascii_start, start + ascii_end]
            found.append(last)
        if last is None:
            return
        if m["path"]:
            last[1] = end
        out.extend((s, e) for s, e in found)
        return
    tco = _tco_re().match(url)
    if tco is not None:
        if len(tco[1]) > _MAX_TCO_SLUG_LENGTH:
            return
        end = start + len(tco[0])
    out.append((start, end))


def _utf16_view(text: str) -> tuple[str, list[int]]:
    """*text* with each astral character split into its two surrogates, like a JavaScript string.

    Also returns the view offsets of the low surrogates, to map offsets back to code points.
    """
    low_surrogates: list[int] = []
    parts: list[str] = []
    last = 0
    for m in _astral_re().finditer(text):
        start = m.start()
        parts.append(text[last:start])
        code = ord(m[0]) - 0x10000
        parts.append(chr(0xD800 + (code >> 10)) + chr(0xDC00 + (code & 0x3FF)))
        low_surrogates.append(start + len(low_surrogates) + 1)
        last = start + 1
    parts.append(text[last:])
    return "".join(parts), low_surrogates


def extract_urls(text: str) -> list[Span]:
    """The URLs in *text*, with or without ``http(s)://``, by twitter-text's rules.

    A URL without a scheme needs an ASCII domain with a TLD from twitter-text's list and must not
    follow ``-``, ``_``, ``.`` or ``/``; its query is only included when it has a path. A ``t.co``
    link ends after its slug and query. Trailing punctuation is left out and balanced parentheses
    are kept, as in ``https://en.wikipedia.org/wiki/Primer_(film)``.

    >>> extract_urls("See example.com/a11y, or http://t.co/abc's")
    [(4, 20), (25, 40)]
    """
    if "." not in text:
        return []
    if text.isascii():
        return _urls(text, exact_case=False)
    exact_case = any(trap in text for trap in _CASE_TRAPS)
    if max(text) <= "\uffff":
        return _urls(text, exact_case)
    # twitter-text's patterns see an astral character as two code units, and its negated classes
    # (domain characters, the character before a URL) match each of them. Matching on a UTF-16
    # view reproduces that; URLs themselves always start and end between code points.
    view, low_surrogates = _utf16_view(text)
    return [
        (start - bisect_left(low_surrogates, start), end - bisect_left(low_surrogates, end))
        for start, end in _urls(view, exact_case)
    ]


def _urls(text: str, exact_case: bool) -> list[Span]:
    """extractUrlsWithIndices.js on a text without astral characters."""
    url_re = _url_re(exact_case)
    spans: list[Span] = []
    pos = 0
    # A URL never contains a space, so the regex only needs to run over the runs that contain a
    # ".", starting one character early for the preceding space. Searching from ``pos`` is what
    # the JavaScript does with lastIndex; "^" still only matches at 0.
    for run in _dot_run_re().finditer(text):
        run_start, run_end = run.span()
        pos = max(pos, run_start - 1 if run_start else 0)
        while (m := url_re.search(text, pos, run_end)) is not None:
            pos = m.end()
            _url_match_spans(m, exact_case, spans)
    return spans


# --- Hashtags --------------------------------------------------------------------------------------


def _hashtags(text: str) -> list[Span]:
    """extractHashtagsWithIndices.js with checkUrlOverlap false."""
    if "#" not in text and "＃" not in text:
        return []
    spans: list[Span] = []
    last_end = 0
    for m in _hashtag_re().finditer(text):
        start, end = m.span()
        if start and start == last_end:
            # The boundary character was consumed by the previous match in the JavaScript.
            continue
        last_end = end
        if text.startswith(("#", "＃", "://"), end):  # endHashtagMatch.js
            continue
        spans.append((start, end))
    return spans


def _remove_overlaps(entities: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """removeOverlappingEntities.js: sort by start (stably) and drop each entity that overlaps."""
    entities.sort(key=lambda entity: entity[0])
    kept: list[tuple[int, int, int]] = []
    for entity in entities:
        if not kept or kept[-1][1] <= entity[0]:
            kept.append(entity)
    return kept


def extract_hashtags(text: str, url_spans: list[Span] | None = None) -> list[Span]:
    """The hashtags in *text* (each span includes its ``#`` or ``＃``), by twitter-text's rules.

    A hashtag needs a letter or mark, may not follow a letter, digit or ``&``, and is dropped when
    followed by another hash sign or ``://``. Hashtags that overlap a URL are dropped; pass
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


def _mention_can_start(text: str, at: int, scan_pos: int) -> bool:
    """validMentionPrecedingChars.js matches before the "@" at *at*, starting at or after *scan_pos*.

    In the JavaScript the preceding characters are part of the match, so they cannot reuse
    characters of the previous match (which ended at *scan_pos*).
    """
    if at == 0:
        return True
    if at - 1 >= scan_pos and text[at - 1] not in _MENTION_BAD_BEFORE:
        return True
    # (?:^|[^a-zA-Z0-9_+~.-])(?:rt|RT|rT|Rt):?
    for rt_start in (at - 2, at - 3):
        if rt_start < scan_pos:
            break
        if text[rt_start : rt_start + 2] not in _RT or (rt_start == at - 3 and text[at - 1] != ":"):
            continue
        if rt_start == 0 or (rt_start - 1 >= scan_pos and text[rt_start - 1] not in _RT_BAD_BEFORE):
            return True
    return False


def _mentions_or_lists(text: str) -> list[tuple[int, int, bool]]:
    """extractMentionsOrListsWithIndices.js: ``(start, end, is_list)``."""
    found: list[tuple[int, int, bool]] = []
    last_end = 0
    end_mention = _end_mention_re()
    for m in _mention_re().finditer(text):
        start, end = m.span()
        if not _mention_can_start(text, start, last_end):
            continue
        last_end = end
        if end_mention.match(text, end) is None:
            found.append((start, end, m[1] is not None))
    return found


def _fediverse_mentions(text: str) -> list[Span]:
    spans: list[Span] = []
    fediverse_re = _fediverse_re()
    pos = 0
    while (m := fediverse_re.search(text, pos)) is not None:
        start, end = m.span()
        handle = m["handle"]
        if _mention_can_start(text, start, 0) and (handle is None or len(handle) <= _MAX_HANDLE_LENGTH):
            spans.append((start, end))
            pos = end
        else:
            pos = start + 1
    return spans


def _all_mentions(text: str, fediverse: bool) -> list[tuple[int, int, bool]]:
    """Mentions and lists, with the fediverse mentions replacing what they overlap."""
    if "@" not in text and "＠" not in text:
        return []
    found = _mentions_or_lists(text)
    if not fediverse:
        return found
    extra = _fediverse_mentions(text)
    if not extra:
        return found
    kept = [m for m in found if not any(m[0] < e and s < m[1] for s, e in extra)]
    kept.extend((s, e, False) for s, e in extra)
    kept.sort()
    return kept


def extract_mentions(text: str, *, fediverse: bool = True) -> list[Span]:
    """The @mentions in *text* (each span includes its ``@`` or ``＠``); lists are left out.

    With ``fediverse=False`` these are exactly twitter-text's mentions: 1 to 20 of ``[A-Za-z0-9_]``
    after an ``@`` that does not follow a letter, digit, ``_`` or one of ``!#$%&*@``, and that is not
    followed by another ``@``, a Latin accented letter or ``://``. With ``fediverse=True``,
    Mastodon (``@user@instance.example``) and Bluesky (``@alice.bsky.social``) addresses are one
    mention each; see the module docstring.

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

_URL, _MENTION, _HASHTAG, _CASHTAG = range(4)
_KEYS = {_URL: "urls", _HASHTAG: "hashtags", _MENTION: "mentions", _CASHTAG: "cashtags"}


def extract_entities(text: str, *, fediverse: bool = True) -> dict[str, list[Span]]:
    """URLs, hashtags, mentions and cashtags, without overlaps, as extractEntitiesWithIndices.js.

    All entities are sorted by start; an entity that overlaps the one kept before it is dropped.
    On a tie the URL wins, then the mention, the hashtag, the cashtag. Lists (``@user/list``) take
    part in this but are not returned.

    >>> extract_entities("#tag http://example.com/#tag @bob")
    {'urls': [(5, 28)], 'hashtags': [(0, 4)], 'mentions': [(29, 33)], 'cashtags': []}
    """
    entities: list[tuple[int, int, int]] = [(s, e, _URL) for s, e in extract_urls(text)]
    entities.extend((s, e, -1 if is_list else _MENTION) for s, e, is_list in _all_mentions(text, fediverse))
    entities.extend((s, e, _HASHTAG) for s, e in _hashtags(text))
    entities.extend((s, e, _CASHTAG) for s, e in extract_cashtags(text))
    result: dict[str, list[Span]] = {"urls": [], "hashtags": [], "mentions": [], "cashtags": []}
    if entities:
        for start, end, kind in _remove_overlaps(entities):
            if kind >= 0:
                result[_KEYS[kind]].append((start, end))
    return result
