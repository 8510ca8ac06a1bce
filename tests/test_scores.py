"""Scores are 0–100, documented, and monotonic."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tonecheck.model import Category, Finding, Severity
from tonecheck.scores import score, scores


def _f(sev: Severity, cat: Category = Category.ACCESSIBILITY) -> Finding:
    return Finding("r", cat, sev, "m", 0, 1)


def test_documented_values_for_a_short_post() -> None:
    assert score([], 10) == 100
    assert score([_f(Severity.SUGGESTION)], 10) == 90
    assert score([_f(Severity.WARNING)], 10) == 72
    assert score([_f(Severity.ERROR)], 10) == 51
    assert score([_f(Severity.WARNING)] * 3, 10) == 37


def test_longer_drafts_weigh_the_same_findings_less() -> None:
    assert score([_f(Severity.WARNING)], 100) > score([_f(Severity.WARNING)], 10)


def test_per_category_and_overall() -> None:
    found = [_f(Severity.ERROR), _f(Severity.WARNING, Category.VOICE)]
    out = scores(found, 10, [Category.ACCESSIBILITY, Category.VOICE])
    assert out == {"accessibility": 51, "voice": 72, "overall": 37}


severities = st.sampled_from(list(Severity))


@given(st.lists(severities, max_size=30), severities, st.integers(min_value=0, max_value=2000))
def test_adding_a_finding_never_raises_a_score(sevs: list[Severity], extra: Severity, words: int) -> None:
    base = [_f(s) for s in sevs]
    assert score([*base, _f(extra)], words) <= score(base, words)


@given(st.lists(severities, min_size=1, max_size=30), st.integers(min_value=0, max_value=2000))
def test_raising_a_severity_never_raises_a_score(sevs: list[Severity], words: int) -> None:
    worse = [Severity.ERROR if s is Severity.WARNING else s for s in sevs]
    assert score([_f(s) for s in worse], words) <= score([_f(s) for s in sevs], words)
