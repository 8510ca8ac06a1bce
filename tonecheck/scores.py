"""Scores from 0 to 100, per category and overall.

A score measures findings relative to the length of the draft, like Acrolinx's per-goal scores:

    weight   = 1.0 per error + 0.5 per warning + 0.15 per suggestion
    units    = max(1, words / 25)            (one unit is one 25-word sentence; short posts count as one)
    score    = round(100 × exp(−weight / (1.5 × units)))

So a short post with no findings scores 100, one suggestion 90, one warning 72, one error 51, and
three warnings 37. Adding a finding, or raising its severity, never raises a score (the function
is monotonic); the same findings weigh less in a longer draft. ``overall`` uses every finding.
A category appears only when at least one of its checks ran.

With a voice profile, each principle gets a score ``voice/<principle-id>`` from the findings that
count for it (its own ``voice/<id>`` findings and those of the rules it lists), and ``voice`` is the
overall voice score: every finding of the voice category plus every finding counted by a principle.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from tonecheck.model import Category, Finding, Severity

if TYPE_CHECKING:
    from tonecheck.voice.profile import Profile

__all__ = ["SEVERITY_WEIGHTS", "score", "scores", "voice_scores"]

SEVERITY_WEIGHTS = {Severity.ERROR: 1.0, Severity.WARNING: 0.5, Severity.SUGGESTION: 0.15}
_WORDS_PER_UNIT = 25
_SCALE = 1.5


def score(findings: Iterable[Finding], words: int) -> int:
    """The 0–100 score of *findings* in a draft of *words* words."""
    weight = sum(SEVERITY_WEIGHTS[f.severity] for f in findings)
    units = max(1.0, words / _WORDS_PER_UNIT)
    return round(100 * math.exp(-weight / (_SCALE * units)))


def scores(findings: Iterable[Finding], words: int, categories: Iterable[Category]) -> dict[str, int]:
    """Scores for each category in *categories* and ``overall``."""
    found = list(findings)
    out = {c.value: score((f for f in found if f.category == c), words) for c in categories}
    out["overall"] = score(found, words)
    return out


def voice_scores(profile: Profile, findings: Iterable[Finding], words: int) -> dict[str, int]:
    """``voice/<principle-id>`` for each principle of *profile*, and the overall ``voice`` score."""
    found = list(findings)
    out = {p.rule_id: score((f for f in found if p.counts(f.rule)), words) for p in profile.principles}
    out["voice"] = score((f for f in found if profile.voiced(f)), words)
    return out
