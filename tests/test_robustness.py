"""check() never raises on any Unicode, and every span is valid and on grapheme boundaries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tonecheck
from tests import corpus as corpora
from tonecheck import Checker, Report, entities, platforms
from tonecheck.text import parse
from tonecheck.twitter_count import parse_tweet, weighted_length

CHECKER = Checker(raise_errors=True)
PLATFORMS = [None, "x", "mastodon", "bluesky", "threads", "linkedin", "instagram", "facebook"]

# Text that looks like social posts: emoji, ZWJ, flags, combining marks, fancy letters, RTL, invisible characters.
_alphabet = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    st.sampled_from([*"#@$:/.?!-_ \n\t'\"()[]", "\u200d", "\u200b", "\u2800", "\ufe0f", "\u0301", "\U0001f3fd"]),
    st.sampled_from(["🎉", "👩‍💻", "🇬🇧", "5️⃣", "𝐁", "ⓗ", "https://", "www.", ".com", "@bob", "#Tag", "bit.ly/"]),
)
social_text = st.lists(_alphabet, max_size=60).map("".join)


def assert_valid(report: Report) -> None:
    for f in report.findings:
        text = report.target_text(f.target)
        assert 0 <= f.start <= f.end <= len(text), f
        boundaries = {0} | {m.end() for m in regex.finditer(r"\X", text)}
        assert f.start in boundaries and f.end in boundaries, (f.rule, f.start, f.end, text)
        assert f.message
    report.to_dict()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(social_text, st.sampled_from(PLATFORMS))
def test_never_raises_and_spans_are_valid(text: str, platform: str | None) -> None:
    report = CHECKER.check(text, platform=platform)
    assert not report.skipped
    assert_valid(report)


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_any_unicode(text: str) -> None:
    assert_valid(CHECKER.check(text))


# The built-in corpus on every clone, TweetEval's real posts too when ../shared has them (tests/corpus.py).
@pytest.mark.parametrize("corpus", corpora.available(), ids=lambda c: c.name)
def test_whole_corpus(corpus: corpora.Corpus) -> None:
    posts = corpus.posts
    assert len(posts) > {"tweeteval": 12_000}.get(corpus.name, 4_000)
    for i, post in enumerate(posts):
        report = CHECKER.check(post, platform=PLATFORMS[i % len(PLATFORMS)])
        assert not report.skipped, (i, report.skipped)
        assert_valid(report)


def test_pathological_inputs_finish() -> None:
    for text in ["#" * 5000, "@" * 5000, "a." * 5000, "🎉" * 5000, "\u200d" * 5000, "http://" * 2000,
                 "x" * 49_000, "A " * 20_000, "\n" * 10_000, "̶" * 5000]:
        assert_valid(tonecheck.check(text))


_PROFILE_WORDS = st.sampled_from([
    "utilise", "prior to", "Linkedin", "Trailpro", "Project Nightjar", "#ProjectNightjar", "nightjar", "use code",
    "leverage", "synergy", "e-mail", "We think", "maybe", "!!!", "HUGE", "guaranteed returns", "HarbourPlus Gold",
    "Crumbly Co.", "cookie", "\u0301", "\u200d", "🎉", "👩‍💻", " ", "\n", "-", "_",
])
_profile_text = st.lists(st.one_of(_alphabet, _PROFILE_WORDS), max_size=40).map("".join)
_PROFILES = [
    *sorted((Path(__file__).parent.parent / "samples" / "profiles").glob("*.toml")),
    Path(__file__).parent.parent / "tonecheck" / "data" / "voice" / "examples" / "acme-vale.toml",
]


@pytest.fixture(scope="module")
def profiles() -> list[object]:
    from tonecheck.voice.profile import load_profile

    return [load_profile(p) for p in _PROFILES]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(_profile_text, st.integers(0, len(_PROFILES) - 1), st.sampled_from(PLATFORMS))
def test_voice_profiles_never_raise_and_spans_are_valid(
    profiles: list[object], text: str, which: int, platform: str | None
) -> None:
    report = CHECKER.check(text, platform=platform, profile=profiles[which])  # type: ignore[arg-type]
    assert not report.skipped
    assert_valid(report)


# --- Broken text: lone surrogates and control characters (issue 12) --------------------------------

_SURROGATES = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
_CONTROLS = st.characters(min_codepoint=0, max_codepoint=0x1F) | st.sampled_from(["\x7f", "\x85", "\x9f"])
_broken_text = st.lists(st.one_of(_alphabet, _SURROGATES, _CONTROLS), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_broken_text, st.sampled_from(PLATFORMS), _broken_text, _broken_text)
def test_lone_surrogates_and_controls_never_raise(text: str, platform: str | None, alt: str, cw: str) -> None:
    report = CHECKER.check(text, platform=platform, media=[tonecheck.Media(alt=alt)], content_warning=cw)
    assert not report.skipped
    assert_valid(report)
    # Spans still index the caller's text: the same length, each surrogate now U+FFFD.
    assert len(report.text) == len(text)
    assert report.text == regex.sub(r"[\ud800-\udfff]", "\ufffd", text)
    flagged = [f for f in report.findings if f.rule == "broken-character" and f.target == "text" and f.end > f.start]
    for i, ch in enumerate(text):
        if 0xD800 <= ord(ch) <= 0xDFFF:
            assert any(f.start <= i < f.end for f in flagged), (i, text)
    json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8")  # serialisable as UTF-8


@pytest.mark.parametrize("platform", PLATFORMS)
def test_issue_12_lone_surrogate_on_every_platform(platform: str | None) -> None:
    """A truncated emoji used to raise UnicodeEncodeError on Mastodon, Bluesky and Threads."""
    text = "Party time \ud83d"
    report = CHECKER.check(text, platform=platform)
    [finding] = [f for f in report.findings if f.rule == "broken-character"]
    assert (finding.span, finding.message_id, finding.severity.value) == ((11, 12), "broken", "error")
    assert [s.replacement for s in finding.suggestions] == [""] and finding.suggestions[0].safe
    assert report.to_dict()["findings"][0]["offset"] == 11  # one UTF-16 unit, one code point
    if platform is not None:
        assert report.metrics["length"] == CHECKER.check("Party time \ufffd", platform=platform).metrics["length"]


def test_issue_12_surrogate_halves_written_as_two_code_points() -> None:
    """A pair split into two code points (not one astral character) is two broken characters, one finding."""
    report = CHECKER.check("Hi \ud83d\ude00!", platform="bluesky")
    assert [(f.rule, f.span) for f in report.findings if f.rule == "broken-character"] == [("broken-character", (3, 5))]


def test_issue_12_lone_surrogates_in_alt_text_and_content_warning() -> None:
    media = [tonecheck.Media(alt="A dog on a beach at sunset \udc9f"), tonecheck.Media(alt="A cat asleep")]
    report = CHECKER.check("Our pets", platform="mastodon", media=media, content_warning="Cute \ud83d")
    broken = sorted((f.target, f.span, f.message_id) for f in report.findings if f.rule == "broken-character")
    assert broken == [("media:0", (27, 28), "broken"), ("text", (0, 0), "content-warning")]
    assert report.alt_texts[0] == "A dog on a beach at sunset \ufffd"


def test_issue_12_surrogateescape_bytes_from_the_command_line() -> None:
    """Bytes that are not UTF-8, read with errors="surrogateescape" (sys.argv), are broken characters too."""
    text = b"caf\xe9 open".decode("utf-8", "surrogateescape")
    report = CHECKER.check(text, platform="threads")
    assert [f.span for f in report.findings if f.rule == "broken-character"] == [(3, 4)]


def test_issue_12_surrogates_in_the_json_api() -> None:
    """JSON's "\\ud83d" escape and CESU-style bytes reach the library as lone surrogates and are reported."""
    from tonecheck_server import Settings, create_app

    client = create_app(Settings(access_log=False)).test_client()
    body = '{"text": "Party \\ud83d now", "platform": "bluesky", "media": [{"alt": "A dog \\udc00"}]}'
    response = client.post("/v1/check", data=body, content_type="application/json")
    assert response.status_code == 200
    found = [(f["target"], f["start"], f["offset"]) for f in response.get_json()["findings"]
             if f["rule"] == "broken-character"]
    assert found == [("text", 6, 6), ("media:0", 6, 6)]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_issue_12_controls_are_flagged_on_every_platform(platform: str | None) -> None:
    report = CHECKER.check("Open\x00 now\x1b", platform=platform)
    spans = [f.span for f in report.findings if f.rule == "invisible-characters"]
    assert spans == [(4, 5), (9, 10)]


# --- Adversarial shapes finish (no timing asserts here: see the report of issue 12) ------------------

_LONG = 63_206
_BIG = Checker(config={"max-length": 70_000}, raise_errors=True)


def _fill(unit: str) -> str:
    return (unit * (_LONG // len(unit) + 1))[:_LONG]


_SHAPES = {
    "one long URL": "https://example.com/" + "a" * (_LONG - 20),
    "a 5,000-character URL": "https://example.com/" + "a" * 4980,
    "10k emoji": "🎉" * 10_000,
    "10k hashtags": _fill("#tag "),
    "# x 5000": "#" * 5000,
    "50k combining marks": "a" + "\u0301" * 50_000,
    "many @": _fill("@"),
    "many @mentions": _fill("@bob "),
    "many dots": _fill("."),
    "many http://": _fill("http://"),
    "many fediverse mentions": _fill("é@a@b.social "),
    "many Bluesky handles": _fill("@a.bsky.social "),
    "many lone surrogates": _fill("\ud83d"),
    "many NULs": _fill("\x00"),
}


@pytest.mark.parametrize("platform", ["x", "mastodon", "bluesky", "threads"])
@pytest.mark.parametrize("shape", list(_SHAPES))
def test_adversarial_shapes_finish(shape: str, platform: str) -> None:
    text = _SHAPES[shape]
    length = platforms.measure(text, platforms.get(platform))
    assert 0 <= length.fits_end <= len(text)
    parsed = parse(text)
    for token in (*parsed.urls, *parsed.mentions, *parsed.hashtags):
        assert 0 <= token.start < token.end <= len(text)


@pytest.mark.parametrize("shape", ["one long URL", "10k hashtags", "many @mentions", "many lone surrogates"])
def test_adversarial_shapes_check(shape: str) -> None:
    report = _BIG.check(_SHAPES[shape], platform="x")
    assert not report.skipped
    assert all(0 <= f.start <= f.end <= len(report.text) for f in report.findings)


def test_a_long_url_cut_on_x_still_fits_and_the_next_character_does_not() -> None:
    """The cut inside a URL too long to be one (over 4,096) is where its prefix, a link of 23, stops being one."""
    text = "https://example.com/" + "a" * 4980
    end = parse_tweet(text).valid_end
    assert weighted_length(text[:end]) <= 280 < weighted_length(text[: end + 1])


_FEDI_ALPHABET = st.sampled_from([*"@＠ab_.-1é故:/+", "\u0301", " ", "social", "xn--a", "bsky"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_FEDI_ALPHABET, max_size=40).map("".join))
def test_bounded_mastodon_match_is_the_whole_text_match(text: str) -> None:
    """The windowed ``@user@host`` match equals the pattern's match on the whole text."""
    for at in (i for i, ch in enumerate(text) if ch in "@＠"):
        whole = entities._mastodon_re().match(text, at)
        assert entities._mastodon_end(text, at) == (None if whole is None else whole.end()), (text, at)


@pytest.mark.parametrize("platform", ["x", "mastodon", "bluesky", "threads", "linkedin"])
def test_the_post_is_measured_once_per_check(platform: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = platforms.measure

    def counting(*args: object, **kwargs: object) -> platforms.Length:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(platforms, "measure", counting)
    report = CHECKER.check("A short post with a link https://example.com and #OneTag 🎉", platform=platform)
    assert len(calls) == 1
    assert report.metrics["length"] > 0


_URL_ALPHABET = st.sampled_from([
    *"a-_.é故/:@#$!(ж1", " ", "com", "co", "jp", "xn--", "http://", "https://", "www.", ".com", "-.", "_.", "a" * 30,
    "\u202a", "\u3002", "ＡＢ", "＠", "vermögensberatung",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_URL_ALPHABET, max_size=40).map("".join))
def test_skipping_dead_url_starts_changes_no_url(text: str) -> None:
    """URLs found with the dead starts taken out (every run, however short) are the pattern's own."""
    entities._label_run_re.cache_clear()
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(entities, "_DEAD_RUN", 1)
            skipped = entities.extract_urls(text)
            patch.setattr(entities, "_without_dead_starts", lambda lowered: lowered)
            plain = entities.extract_urls(text)
    finally:
        entities._label_run_re.cache_clear()
    assert skipped == plain, text
