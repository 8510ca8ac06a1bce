"""Helpers for testing rules, public so teams can test their own rules the same way.

A rule's fixture file (``tests/fixtures/rules/<rule-id>.toml``) has this shape::

    rule = "hashtag-count"

    [[flags]]                         # drafts the rule must flag, exhaustively
    name = "three hashtags"
    text = "Sale today #a #b #c"
    platform = "x"                    # optional
    language = "de"                   # optional draft language (default "en")
    content_warning = "CW text"       # optional content warning / spoiler text
    options = { max = 2 }             # optional rule options
    media = [{ kind = "image", alt = "A dog" }]   # optional
    findings = [
      { message_id = "too-many", at = "#c", severity = "warning", fixed = "..." },
    ]

    [[passes]]                        # drafts the rule must not flag (name false alarms here)
    name = "issue-12: two hashtags are fine"
    text = "Sale today #a #b"

A fixture may give a voice profile that every case is checked against, as a ``[voice]`` table
holding the profile's own tables (``[voice.profile]``, ``[[voice.principles]]``, ``[voice.terms]``,
``[voice.policy]``, …); a case with ``profile = false`` is checked without it.

In a finding, ``at`` is the flagged text (``occurrence`` picks the n-th match, from 1) or ``span``
gives ``[start, end]`` in code points; ``target`` defaults to ``"text"``; ``fixed`` is the whole
text after applying the finding's first suggestion (and that text must have fewer findings); ``safe``
says whether that suggestion is marked safe to apply without review.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tonecheck.config import Config
from tonecheck.engine import Checker
from tonecheck.model import Category, Finding, Media
from tonecheck.registry import Registry, default_registry
from tonecheck.report import Report

if TYPE_CHECKING:
    from tonecheck.voice.profile import Profile

__all__ = ["Case", "Fixture", "apply", "checker_for", "describe", "expected_span", "load_fixture", "of_rule"]


@dataclass(frozen=True)
class Case:
    """One draft of a fixture file and what the rule must report for it."""

    kind: str  # "flags" or "passes"
    name: str
    text: str
    platform: str | None = None
    language: str = "en"
    content_warning: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    media: tuple[Media, ...] = ()
    findings: tuple[Mapping[str, Any], ...] = ()
    profile: Profile | None = None


@dataclass(frozen=True)
class Fixture:
    """A rule's fixture file."""

    rule: str
    path: Path
    cases: tuple[Case, ...]


_CASE_KEYS = {"name", "text", "platform", "language", "content_warning", "options", "media", "findings", "profile"}


def load_fixture(path: str | Path) -> Fixture:
    """Read and check the shape of a fixture file."""
    path = Path(path)
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    rule = raw.get("rule")
    if not isinstance(rule, str):
        raise ValueError(f"{path}: missing 'rule = \"<rule-id>\"'")
    unknown = set(raw) - {"rule", "flags", "passes", "voice"}
    if unknown:
        raise ValueError(f"{path}: unknown keys {sorted(unknown)}")
    profile = None
    if "voice" in raw:
        from tonecheck.voice.profile import profile_from_mapping

        profile = profile_from_mapping(raw["voice"], source=f"{path} [voice]", base_dir=path.parent)
    cases = []
    for kind in ("flags", "passes"):
        for entry in raw.get(kind, []):
            extra = set(entry) - _CASE_KEYS
            if extra:
                raise ValueError(f"{path}: case {entry.get('name')!r} has unknown keys {sorted(extra)}")
            if kind == "flags" and not entry.get("findings"):
                raise ValueError(f"{path}: flags case {entry.get('name')!r} lists no findings")
            if kind == "passes" and entry.get("findings"):
                raise ValueError(f"{path}: passes case {entry.get('name')!r} must not list findings")
            cases.append(
                Case(
                    kind=kind,
                    name=entry["name"],
                    text=entry["text"],
                    platform=entry.get("platform"),
                    language=entry.get("language", "en"),
                    content_warning=entry.get("content_warning"),
                    options=entry.get("options", {}),
                    media=tuple(Media(**m) for m in entry.get("media", [])),
                    findings=tuple(entry.get("findings", [])),
                    profile=profile if entry.get("profile", True) is not False else None,
                )
            )
    names = [c.name for c in cases]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise ValueError(f"{path}: duplicate case names {sorted(duplicates)}")
    return Fixture(rule=rule, path=path, cases=tuple(cases))


def checker_for(
    rule_id: str,
    options: Mapping[str, Any] | None = None,
    registry: Registry | None = None,
    language: str = "en",
) -> Checker:
    """A checker that runs only *rule_id* (also when it is a preview rule), raising rule errors."""
    config = Config(
        language=language,
        disable=frozenset(c.value for c in Category),
        enable=frozenset({rule_id}),
        rules={rule_id: dict(options)} if options else {},
    )
    return Checker(config, registry=registry or default_registry(), raise_errors=True)


def expected_span(case: Case, expected: Mapping[str, Any], report: Report) -> tuple[int, int]:
    """The code-point span an expected finding names with ``span`` or ``at``/``occurrence``."""
    if "span" in expected:
        start, end = expected["span"]
        return int(start), int(end)
    text = report.target_text(expected.get("target", "text"))
    needle = expected["at"]
    occurrence = int(expected.get("occurrence", 1))
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos == -1:
            raise AssertionError(f"{case.name}: {needle!r} (occurrence {occurrence}) is not in the text")
    return pos, pos + len(needle)


def of_rule(finding: Finding, rule_id: str) -> bool:
    """True when *finding* comes from the rule *rule_id* (also with a sub-id: ``languagetool/EN_A_VS_AN``).

    A rule that relays named rules (``vale``) owns the findings with a dotted id (``Acme.Jargon``).
    """
    if finding.rule == rule_id or finding.rule.startswith(rule_id + "/"):
        return True
    return "." in finding.rule and "/" not in finding.rule and default_registry().get(rule_id).relays_named_rules


def apply(text: str, finding: Finding, index: int = 0) -> str:
    """*text* with the finding's span replaced by its suggestion number *index*."""
    return text[: finding.start] + finding.suggestions[index].replacement + text[finding.end :]


def describe(findings: Sequence[Finding]) -> list[str]:
    """Short descriptions of findings for assertion messages."""
    return [f"{f.message_id}@{f.target}[{f.start}:{f.end}] {f.message}" for f in findings]
