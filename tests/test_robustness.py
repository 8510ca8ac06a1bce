"""check() never raises on any Unicode, and every span is valid and on grapheme boundaries."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tonecheck
from tests import corpus as corpora
from tonecheck import Checker, Report

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
