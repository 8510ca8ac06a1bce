"""One generic test that runs every case of every rule fixture file (tests/fixtures/rules/*.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tonecheck.model import Category, Severity
from tonecheck.registry import default_registry
from tonecheck.rule import FixAvailability
from tonecheck.testing import Case, apply, checker_for, describe, expected_span, load_fixture, of_rule

FIXTURES = Path(__file__).parent.parent / "fixtures" / "rules"


def _cases() -> list[pytest.param]:
    params = []
    for path in sorted(FIXTURES.glob("*.toml")):
        fixture = load_fixture(path)
        for case in fixture.cases:
            params.append(pytest.param(fixture.rule, case, id=f"{fixture.rule}/{case.kind}/{case.name}"))
    return params


@pytest.mark.parametrize(("rule_id", "case"), _cases())
def test_fixture_case(rule_id: str, case: Case, request: pytest.FixtureRequest) -> None:
    rule = default_registry().get(rule_id)
    if rule.category is Category.GRAMMAR:
        request.getfixturevalue("languagetool_env")  # grammar rules check through the stub LanguageTool
    checker = checker_for(rule_id, case.options, language=case.language)
    report = checker.check(case.text, platform=case.platform, media=case.media, content_warning=case.content_warning,
                           profile=case.profile)
    found = [f for f in report.findings if of_rule(f, rule_id)]
    if not (case.kind == "passes" and rule.languages and not case.language.startswith(rule.languages)):
        assert not report.skipped, report.skipped
    if case.kind == "passes":
        assert found == [], f"unexpected findings: {describe(found)}"
        return
    assert len(found) == len(case.findings), f"expected {len(case.findings)}, got {describe(found)}"
    for finding, expected in zip(found, case.findings, strict=True):
        assert finding.message_id == expected["message_id"], describe([finding])
        assert finding.target == expected.get("target", "text"), describe([finding])
        assert finding.span == expected_span(case, expected, report), describe([finding])
        if "severity" in expected:
            assert finding.severity == Severity.parse(expected["severity"]), describe([finding])
        assert finding.message and "{" not in finding.message, finding.message
        if rule.fix == FixAvailability.NEVER:
            assert not finding.suggestions, "rule declares fix = never but suggested a fix"
        if rule.fix == FixAvailability.ALWAYS:
            assert finding.suggestions, "rule declares fix = always but offered no suggestion"
        if "safe" in expected:
            assert finding.suggestions and finding.suggestions[0].safe is expected["safe"], describe([finding])
        if "fixed" in expected:
            assert finding.suggestions, "a 'fixed' result needs a suggestion"
            target_text = report.target_text(finding.target)
            fixed = apply(target_text, finding)
            assert fixed == expected["fixed"]
            if finding.target == "text":
                again = checker.check(fixed, platform=case.platform, media=case.media,
                                      content_warning=case.content_warning, profile=case.profile).findings
                again = [f for f in again if of_rule(f, rule_id)]
                assert len(again) < len(found), f"the fix did not remove the finding: {describe(again)}"
        elif rule.fix == FixAvailability.ALWAYS:
            pytest.fail("a rule that always fixes needs 'fixed' on every expected finding")
