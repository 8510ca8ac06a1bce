"""Tests for tonecheck.entities: twitter-text's conformance suite plus the fediverse extensions.

The conformance cases come from twitter-text's ``conformance/extract.yml`` (Copyright 2011 Twitter,
Inc., Apache License 2.0), read from ``tests/conformance/twitter-text/extract.yml`` (a byte-for-byte copy,
see ``SOURCE.md`` there) or the file named by ``TONECHECK_TWITTER_TEXT_EXTRACT_YML``. Its indices are code
point offsets (the reference runners convert them from UTF-16), the same unit as tonecheck's spans.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.twitter_text_js import run_js
from tonecheck import entities
from tonecheck.entities import (
    extract_cashtags,
    extract_entities,
    extract_hashtags,
    extract_mentions,
    extract_urls,
)

# twitter-text's own file (Apache-2.0), kept in the repository so every clone runs the whole suite.
_DEFAULT_YML = Path(__file__).resolve().parent / "conformance" / "twitter-text" / "extract.yml"
_YML = Path(os.environ.get("TONECHECK_TWITTER_TEXT_EXTRACT_YML", _DEFAULT_YML))

# Every section of extract.yml and what checks it. "replies" is about extractReplies (the @name a
# reply starts with), which tonecheck does not port; it is the only section left out.
_SECTIONS = {
    "mentions": "mentions",
    "mentions_with_indices": "mentions_with_indices",
    "mentions_or_lists_with_indices": "mentions_or_lists_with_indices",
    "urls": "urls",
    "urls_with_indices": "urls_with_indices",
    "urls_with_directional_markers": "urls_with_indices",
    "tco_urls_with_params": "urls",
    "hashtags": "hashtags",
    "hashtags_from_astral": "hashtags",
    "hashtags_with_indices": "hashtags_with_indices",
    "cashtags": "cashtags",
    "cashtags_with_indices": "cashtags_with_indices",
}
_NOT_PORTED = {"replies"}


def _load() -> dict[str, list[dict[str, Any]]]:
    data = yaml.safe_load(_YML.read_text(encoding="utf-8"))
    tests: dict[str, list[dict[str, Any]]] = data["tests"]
    return tests


_TESTS = _load()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:70]


def _cases() -> list[Any]:
    params = []
    for section, cases in _TESTS.items():
        if section in _NOT_PORTED:
            continue
        for number, case in enumerate(cases, 1):
            params.append(pytest.param(section, case, id=f"{section}-{number:02d}-{_slug(case['description'])}"))
    return params


def _texts(text: str, spans: list[tuple[int, int]], skip: int = 0) -> list[str]:
    return [text[start + skip : end] for start, end in spans]


def test_conformance_files_match_source_md() -> None:
    """The copied twitter-text files are byte for byte the upstream ones (git blob SHA-1s in SOURCE.md)."""
    folder = _DEFAULT_YML.parent
    table = re.findall(r"^\| `([^`]+)` \| `[^`]+` \| (\d+) \| `([0-9a-f]{40})` \|$",
                       (folder / "SOURCE.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert {name for name, _, _ in table} == {"validate.yml", "extract.yml", "v3.json", "v2.json", "LICENSE"}
    for name, size, sha1 in table:
        data = (folder / name).read_bytes()
        assert len(data) == int(size), name
        assert hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest() == sha1, name


def test_conformance_file_is_present() -> None:
    assert set(_TESTS) == set(_SECTIONS) | _NOT_PORTED, "extract.yml has sections this test does not know"


@pytest.mark.parametrize(("section", "case"), _cases())
def test_twitter_text_conformance(section: str, case: dict[str, Any]) -> None:
    text: str = case["text"]
    expected = case["expected"] or []
    kind = _SECTIONS[section]
    if kind == "mentions":
        assert _texts(text, extract_mentions(text, fediverse=False), 1) == expected
    elif kind == "mentions_with_indices":
        spans = extract_mentions(text, fediverse=False)
        assert [list(span) for span in spans] == [item["indices"] for item in expected]
        assert _texts(text, spans, 1) == [item["screen_name"] for item in expected]
    elif kind == "mentions_or_lists_with_indices":
        # The public function returns mentions only (extractMentionsWithIndices) ...
        mentions = [item for item in expected if item["list_slug"] == ""]
        spans = extract_mentions(text, fediverse=False)
        assert [list(span) for span in spans] == [item["indices"] for item in mentions]
        # ... while the internal scanner also reports the lists, which extract_entities needs.
        found = entities._mentions_or_lists(text)
        assert [[start, end] for start, end, _ in found] == [item["indices"] for item in expected]
        assert [is_list for _, _, is_list in found] == [item["list_slug"] != "" for item in expected]
    elif kind == "urls":
        assert _texts(text, extract_urls(text)) == expected
    elif kind == "urls_with_indices":
        spans = extract_urls(text)
        assert [list(span) for span in spans] == [item["indices"] for item in expected]
        assert _texts(text, spans) == [item["url"] for item in expected]
    elif kind == "hashtags":
        assert _texts(text, extract_hashtags(text), 1) == expected
    elif kind == "hashtags_with_indices":
        spans = extract_hashtags(text)
        assert [list(span) for span in spans] == [item["indices"] for item in expected]
        assert _texts(text, spans, 1) == [item["hashtag"] for item in expected]
    elif kind == "cashtags":
        assert _texts(text, extract_cashtags(text), 1) == expected
    elif kind == "cashtags_with_indices":
        spans = extract_cashtags(text)
        assert [list(span) for span in spans] == [item["indices"] for item in expected]
        assert _texts(text, spans, 1) == [item["cashtag"] for item in expected]
    else:  # pragma: no cover
        raise AssertionError(kind)


@pytest.mark.parametrize(("section", "case"), _cases())
def test_entities_agree_with_the_single_extractors(section: str, case: dict[str, Any]) -> None:
    """extract_entities never invents entities and only drops overlapping ones."""
    text: str = case["text"]
    result = extract_entities(text, fediverse=False)
    assert result["urls"] == extract_urls(text)
    assert set(result["hashtags"]) <= set(extract_hashtags(text))
    assert set(result["mentions"]) <= set(extract_mentions(text, fediverse=False))
    assert set(result["cashtags"]) <= set(extract_cashtags(text))
    spans = sorted(span for found in result.values() for span in found)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


# --- Differential test against the JavaScript (opt-in) --------------------------------------------

# Loads twitter-text's CommonJS build without its npm dependencies: core-js polyfills are not
# needed on Node, and "punycode" is the 1.4.1 behaviour twitter-text depends on (Node's built-in
# module, 2.x, does not encode labels with control characters).
_ORACLE_JS = r"""
const tt = {};
for (const name of ['extractUrlsWithIndices', 'extractHashtagsWithIndices', 'extractMentionsWithIndices',
                    'extractCashtagsWithIndices', 'extractEntitiesWithIndices']) tt[name] = require(dist + '/' + name);
const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(texts.map((text) => {
  const cp = []; let n = 0;  // UTF-16 offset -> code point offset
  for (let i = 0; i <= text.length; i++) {
    cp.push(n); const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { cp.push(n); i++; }
    }
    n++;
  }
  const spans = (entities) => entities.map((e) => [cp[e.indices[0]], cp[e.indices[1]]]);
  const all = tt.extractEntitiesWithIndices(text);
  return {
    urls: spans(tt.extractUrlsWithIndices(text)),
    hashtags: spans(tt.extractHashtagsWithIndices(text)),
    mentions: spans(tt.extractMentionsWithIndices(text)),
    cashtags: spans(tt.extractCashtagsWithIndices(text)),
    entities: {
      urls: spans(all.filter((e) => e.url !== undefined)),
      hashtags: spans(all.filter((e) => e.hashtag !== undefined)),
      mentions: spans(all.filter((e) => e.screenName !== undefined && e.listSlug === '')),
      cashtags: spans(all.filter((e) => e.cashtag !== undefined)),
    },
  };
})));
"""

_FRAGMENTS = [
    *"abZ1./()#@$ -_:?=&'![]~%é😀\n",
    *[".", ".", " ", " ", "com", "co", "jp", "t.co/", "www.", "http://", "HTTPS://", "xn--", "XN--", "RT", "rt:"],
    *["\ufe0f", "\ufe0e", "\u20e3", "\u200d", "\u202a", "\u2066", "\ufeff", "\u3000", "\xa0", "\u3002"],
    *["ſ", "\u212a", "\u212b", "İ", "ı", "Ⱥ", "ж", "Ж", "É", "ẞ", "Σ", "日本語", "中国", "みんな", "한국"],
    *["＃", "＠", "\U00020021", "\U000104a0", "٣", "\x01", "\x7f", "AAPL", "TEST.T", "user", "/list-name"],
    *[".vermögensberatung", ".ΕΛ", ".social", ".COM", "(a)", "/..(x)", "a" * 25, "b" * 64],
]


def test_matches_twitter_text_js() -> None:
    """Random texts give the same entities as twitter-text's JavaScript.

    The fragments have no letters that Unicode added after twitter-text's hashtag tables.

    ``make test`` installs twitter-text 3.1.0 into tests/oracle (``npm ci --prefix tests/oracle``);
    TONECHECK_TWITTER_TEXT_JS points elsewhere, and TONECHECK_FUZZ_TEXTS sets the number of texts.
    """
    import json
    import random

    rng = random.Random(20261124)
    count = int(os.environ.get("TONECHECK_FUZZ_TEXTS", "20000"))
    texts = ["".join(rng.choice(_FRAGMENTS) for _ in range(rng.randint(1, 30))) for _ in range(count)]
    failures = []
    for text, expected in zip(texts, run_js(_ORACLE_JS, texts), strict=True):
        found: dict[str, Any] = {
            "urls": extract_urls(text),
            "hashtags": extract_hashtags(text),
            "mentions": extract_mentions(text, fediverse=False),
            "cashtags": extract_cashtags(text),
            "entities": extract_entities(text, fediverse=False),
        }
        found = json.loads(json.dumps(found))
        if found != expected:
            failures.append((text, found, expected))
    assert not failures, failures[:5]


# --- Fediverse mentions ----------------------------------------------------------------------------


def _mention_texts(text: str, *, fediverse: bool = True) -> list[str]:
    return _texts(text, extract_mentions(text, fediverse=fediverse))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("hi @user@mastodon.social!", ["@user@mastodon.social"], id="mastodon"),
        pytest.param("@user@instance.example", ["@user@instance.example"], id="mastodon-any-tld"),
        pytest.param("cc @first.last@social.example.org.", ["@first.last@social.example.org"], id="mastodon-dots"),
        pytest.param("＠user＠mastodon.social", ["＠user＠mastodon.social"], id="mastodon-fullwidth-at"),
        pytest.param("ping @alice.bsky.social", ["@alice.bsky.social"], id="bluesky"),
        pytest.param("(@alice.example.com)", ["@alice.example.com"], id="bluesky-custom-domain"),
        pytest.param("Thanks @alice.bsky.social.", ["@alice.bsky.social"], id="bluesky-end-of-sentence"),
        pytest.param("@Alice-B.bsky.social, hi", ["@Alice-B.bsky.social"], id="bluesky-hyphen"),
        pytest.param("thanks @bob.", ["@bob"], id="twitter-mention-before-dot"),
        pytest.param("thanks @bob.It was fun", ["@bob"], id="capitalised-word-is-not-a-tld"),
        pytest.param("@bob.notatld here", ["@bob"], id="unknown-tld"),
        pytest.param("mail bob@example.com now", [], id="email"),
        pytest.param("mail bob.smith@example.co.uk now", [], id="email-dotted"),
        pytest.param("write to me@mastodon.social", [], id="email-like-mastodon-host"),
        pytest.param("@jane_doe. and @x_y.bsky.social", ["@jane_doe", "@x_y"], id="underscore-is-not-a-handle"),
        pytest.param("RT @user@mastodon.social: wow", ["@user@mastodon.social"], id="retweet-prefix"),
        pytest.param("@a@b.social@c", [], id="followed-by-at"),
        pytest.param("@bob/list @carol", ["@carol"], id="lists-are-not-mentions"),
        pytest.param("@alice.bsky.social@", ["@alice"], id="handle-followed-by-at"),
        pytest.param("の@alice.bsky.social、", ["@alice.bsky.social"], id="after-cjk"),
        pytest.param("RT:@bob@mastodon.social", ["@bob@mastodon.social"], id="retweet-colon"),
        pytest.param("@bob@mastodon.social/users", ["@bob@mastodon.social"], id="mastodon-then-path"),
        pytest.param("@bob@mastodon.social1", [], id="mastodon-tld-then-digit"),
        pytest.param("@bob@münchen.social", ["@bob@münchen.social"], id="mastodon-idn-host"),
        pytest.param("@a.b.social.x", ["@a.b.social"], id="handle-longest-tld"),
        pytest.param("@a.xn--p1ai ok", ["@a.xn--p1ai"], id="handle-punycode-tld"),
        pytest.param("@-a.bsky.social", [], id="handle-leading-hyphen"),
    ],
)
def test_fediverse_mentions(text: str, expected: list[str]) -> None:
    assert _mention_texts(text) == expected


def test_fediverse_off_is_twitter_text() -> None:
    text = "@user@mastodon.social @alice.bsky.social thanks @bob."
    assert _mention_texts(text, fediverse=False) == ["@alice", "@bob"]
    assert _mention_texts(text) == ["@user@mastodon.social", "@alice.bsky.social", "@bob"]


def test_fediverse_mentions_in_extract_entities() -> None:
    text = "Great talk by @alice.bsky.social and @bob@hachyderm.io! Slides: example.com/slides #a11y"
    result = extract_entities(text)
    assert _texts(text, result["mentions"]) == ["@alice.bsky.social", "@bob@hachyderm.io"]
    assert _texts(text, result["urls"]) == ["example.com/slides"]
    assert _texts(text, result["hashtags"]) == ["#a11y"]
    assert extract_entities(text, fediverse=False)["mentions"] == [(14, 20)]


def test_handle_length_limits() -> None:
    long_label = "a" * 63
    assert _mention_texts(f"@{long_label}.bsky.social") == [f"@{long_label}.bsky.social"]
    # A 64-character label is not a handle; twitter-text's mention takes the first 20 characters,
    # which are followed by another letter (not an end character), so it stays a mention.
    assert _mention_texts(f"@{'a' * 64}.bsky.social") == ["@" + "a" * 20]
    too_long = ".".join(["a" * 63] * 4) + ".social"  # 259 characters
    assert _mention_texts(f"@{too_long}") == ["@" + "a" * 20]


# --- Behaviour worth pinning -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "see https://en.wikipedia.org/wiki/Primer_(film).",
            ["https://en.wikipedia.org/wiki/Primer_(film)"],
            id="parens",
        ),
        pytest.param("go to example.com, then", ["example.com"], id="trailing-comma"),
        pytest.param(
            "go to example.com?q=1 and example.com/a?q=1", ["example.com", "example.com/a?q=1"], id="query-needs-path"
        ),
        pytest.param("HTTP://EXAMPLE.COM/A", ["HTTP://EXAMPLE.COM/A"], id="upper-case"),
        pytest.param("http://ΕΛΛΆΔΑ.ελ/", ["http://ΕΛΛΆΔΑ.ελ/"], id="greek-idn"),
        pytest.param("http://example.ΕΛ/", ["http://example.ΕΛ/"], id="upper-case-idn-tld"),
        pytest.param("http://example.ſe/ and example.ſe", [], id="long-s-is-not-s"),
        pytest.param("http://example.\u212ai/", [], id="kelvin-sign-is-not-k"),
        pytest.param("file.tar.bz2 and version 1.2.3", [], id="not-tlds"),
        pytest.param("a.com/" + "x" * 5000, [], id="too-long"),
        pytest.param("http://" + "a" * 64 + ".com", [], id="label-too-long"),
        pytest.param('"example.com"', ["example.com"], id="double-quotes"),
        pytest.param("@example.com #example.com", [], id="after-at-or-hash"),
    ],
)
def test_urls(text: str, expected: list[str]) -> None:
    assert _texts(text, extract_urls(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # validUrlPath.js splices "[...]|(?:parens)" in without a group, so balanced parentheses
        # only end a path segment on their own.
        pytest.param("x t.co/..(a) http://x.com/a.(b)c", ["t.co/", "http://x.com/a.(b)c"], id="js-path-precedence"),
        pytest.param("x t.co/(a) x.com/a_(b)", ["t.co/(a)", "x.com/a_(b)"], id="parens-after-path"),
        # JavaScript sees "😀" as two code units; the high one can be the character before a
        # domain that starts with the low one, and the ASCII part of that domain is the URL.
        pytest.param("RT\ufeff😀-xn--ls8h.jp b", ["-xn--ls8h.jp"], id="utf16-surrogate-halves"),
        pytest.param(
            "🎉🎉 see example.com/🎉 and https://例え.jp/パス",
            ["example.com/", "https://例え.jp/"],
            id="astral-offsets",
        ),
        # One long label: its punycode form is longer than 63 characters, so there is no URL.
        pytest.param(
            "今日は新しいアクセシビリティガイドを公開しました！詳しくはexample.com/guideをご覧ください。",
            [],
            id="cjk-label-too-long",
        ),
        pytest.param("詳しくはexample.com/guideをご覧ください。", ["example.com/guide"], id="cjk-label"),
        # punycode.js 1.4.1 encodes a label with a control character: 57 + 1 + "-" + "xn--" = 63.
        pytest.param("http://a\x01" + "b" * 56 + ".com", ["http://a\x01" + "b" * 56 + ".com"], id="punycode-63"),
        pytest.param("http://a\x01" + "b" * 57 + ".com", [], id="punycode-64"),
        # Lowering "İ" would shift offsets, and the Angstrom sign (unlike "å") is no path character.
        pytest.param("İstanbul: HTTP://Example.COM/\u212b", ["HTTP://Example.COM/"], id="lowering-traps"),
    ],
)
def test_url_quirks(text: str, expected: list[str]) -> None:
    assert _texts(text, extract_urls(text)) == expected


def test_url_offsets_from_index_of() -> None:
    # extractUrlsWithIndices.js finds a URL without protocol in its domain with indexOf
    # (case-sensitive), which can find an earlier copy that is not a URL itself.
    assert extract_urls("ab.cx1Σab.cx") == [(0, 5)]
    assert extract_urls("ab.cX1Σab.cx") == [(7, 12)]


def test_punycode_length_matches_the_codec() -> None:
    import random

    rng = random.Random(1)
    pool = [chr(c) for c in [*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x3040, 0x3100), 0x1F600, 0x10FFFF, 1]]
    for _ in range(2000):
        part = "".join(rng.choice(pool) for _ in range(rng.randint(1, 40)))
        expected = len(part.encode("punycode"))
        for limit in (1000, 59, 20, 0):
            found = entities._punycode_encoded_length(part, limit)
            assert found == expected if expected <= limit else found > limit, (part, limit)


def test_hashtags_and_urls() -> None:
    text = "#one #2 #three#four http://example.com/#frag #café&#x"
    assert _texts(text, extract_hashtags(text)) == ["#one", "#café"]
    # The URL spans can be passed in; an empty list turns the URL check off.
    assert _texts(text, extract_hashtags(text, [])) == ["#one", "#frag", "#café"]
    assert extract_hashtags(text, extract_urls(text)) == extract_hashtags(text)


def test_hashtag_special_characters_are_not_letters() -> None:
    specials = entities._HASHTAG_SPECIALS.encode().decode("unicode_escape")
    import regex

    assert not regex.search(r"[\p{L}\p{M}]", specials)


def test_cashtags() -> None:
    text = "$AAPL vs $BRK.B, not $12, x$Y or $ſ; $TOOLONG"
    assert _texts(text, extract_cashtags(text)) == ["$AAPL", "$BRK.B"]


def test_entity_overlaps() -> None:
    text = "http://example.com/#tag @bob/list#x $AB"
    result = extract_entities(text)
    assert result == {"urls": [(0, 23)], "hashtags": [], "mentions": [], "cashtags": [(36, 39)]}


def test_offsets_are_code_points() -> None:
    text = "🎉🎉 #party @bob example.com $AB"
    result = extract_entities(text)
    assert _texts(text, result["hashtags"]) == ["#party"]
    assert result["hashtags"] == [(3, 9)]
    assert _texts(text, result["mentions"]) == ["@bob"]
    assert _texts(text, result["urls"]) == ["example.com"]
    assert _texts(text, result["cashtags"]) == ["$AB"]


def test_empty_and_plain_text() -> None:
    empty: dict[str, list[tuple[int, int]]] = {"urls": [], "hashtags": [], "mentions": [], "cashtags": []}
    assert extract_entities("") == empty
    assert extract_entities("Just some words, nothing else.") == empty


def test_tld_trie_matches_like_the_alternation() -> None:
    """The TLD trie tries the same TLDs in the same order as twitter-text's alternation."""
    tlds = sorted(set(entities._tlds()), reverse=True)
    spelled = ["".join(entities._tld_char(ch) for ch in tld) for tld in tlds]
    alternation = re.compile("(?:" + "|".join(spelled) + r")(?=[^0-9a-zA-Z@+\-]|\Z)")
    trie = re.compile(entities._tld_pattern())
    suffixes = ["", " ", "x", "1", "-", ".", "/", "é", "大酒店", "म्"]
    for tld in tlds:
        for text in [tld + suffix for suffix in suffixes] + [tld.upper(), tld.title(), tld[:-1]]:
            expected = alternation.match(text)
            found = trie.match(text)
            assert (found and found.span()) == (expected and expected.span()), text


def test_import_is_lazy() -> None:
    code = (
        "import tonecheck.entities as e\n"
        "assert e._url_re.cache_info().currsize == 0\n"
        "assert e._tlds.cache_info().currsize == 0\n"
        "assert e.extract_entities('no entities here') == "
        "{'urls': [], 'hashtags': [], 'mentions': [], 'cashtags': []}\n"
        "assert e._tlds.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[1])


def test_tld_data_file() -> None:
    tlds = entities._tlds()
    assert len(tlds) == len(set(tlds)) == 1259 + 315
    assert all(tld == tld.lower() for tld in tlds)
    assert {"com", "social", "uk", "みんな", "پاکستان"} <= set(tlds)
