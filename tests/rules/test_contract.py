"""Completeness checks: every rule has a module, a fixture, documentation that behaves as written."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import tonecheck
from tonecheck import docs
from tonecheck.model import Category
from tonecheck.registry import default_registry, message_fields
from tonecheck.rule import Rule
from tonecheck.testing import checker_for, load_fixture, of_rule

ROOT = Path(__file__).parent.parent.parent
RULES_DIR = ROOT / "tonecheck" / "rules"
FIXTURES = ROOT / "tests" / "fixtures" / "rules"
REGISTRY = default_registry()
RULES = list(REGISTRY)
DOGFOOD_RULES = ["sentence-length", "plain-words", "all-caps", "fancy-text", "spaced-letters", "link-text"]


def _rule_modules() -> list[Path]:
    # Modules starting with "_" hold analysis shared by the rules of a group, not rules.
    return sorted(p for p in RULES_DIR.glob("*/*.py") if not p.name.startswith("_"))


@pytest.mark.parametrize("path", _rule_modules(), ids=lambda p: p.stem)
def test_module_registers_one_rule_named_after_it(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    registered = [
        node for node in tree.body
        if isinstance(node, ast.ClassDef) and any(getattr(d, "id", None) == "register" for d in node.decorator_list)
    ]
    assert len(registered) == 1, f"{path} must register exactly one rule"
    rule_id = path.stem.replace("_", "-")
    assert rule_id in REGISTRY, f"{path}: no registered rule with id {rule_id!r}"
    group_init = (path.parent / "__init__.py").read_text(encoding="utf-8")
    assert path.stem in group_init, f"{path.stem} is missing from {path.parent.name}/__init__.py"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_fixture_with_flags_and_passes(rule: type[Rule]) -> None:
    path = FIXTURES / f"{rule.id}.toml"
    assert path.is_file(), f"add {path.relative_to(ROOT)}"
    fixture = load_fixture(path)
    assert fixture.rule == rule.id
    kinds = {c.kind for c in fixture.cases}
    assert kinds == {"flags", "passes"}, "a fixture needs flags and passes cases"
    for case in fixture.cases:
        for expected in case.findings:
            assert expected["message_id"] in rule.messages, f"{case.name}: unknown message id"


def test_every_fixture_names_a_rule() -> None:
    for path in FIXTURES.glob("*.toml"):
        assert path.stem in REGISTRY, f"{path.name} names no registered rule"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_docstring_examples_behave(rule: type[Rule], request: pytest.FixtureRequest) -> None:
    _, sections = docs.parse_docstring(rule.__doc__)
    if rule.category is Category.GRAMMAR:
        request.getfixturevalue("languagetool_env")  # grammar rules check through the stub LanguageTool
    checker = checker_for(rule.id)
    for ex in docs.example_texts(sections["Example"]):
        found = checker.check(ex.text, platform=ex.platform, media=ex.media, profile=ex.load_profile()).findings
        assert [f for f in found if of_rule(f, rule.id)], f"Example not flagged: {ex}"
    for ex in docs.example_texts(sections["Use instead"]):
        report = checker.check(ex.text, platform=ex.platform, media=ex.media, profile=ex.load_profile())
        found = [f.message for f in report.findings if of_rule(f, rule.id)]
        assert not found, f"Use instead is flagged: {found}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_messages_are_short_and_plain(rule: type[Rule]) -> None:
    present = [r for r in DOGFOOD_RULES if r in REGISTRY and r != rule.id]
    checker = tonecheck.Checker({"disable": [c.value for c in tonecheck.Category], "enable": present})
    for message_id, template in rule.messages.items():
        sample = template.format(**{k: "x" for k in message_fields(template)})
        assert len(sample.split()) <= 30, f"{message_id}: messages stay under 30 words"
        found = [f"{f.rule}: {f.message}" for f in checker.check(sample).findings]
        assert not found, f"{message_id} fails our own plain-language rules: {found}"
    assert rule.help and rule.references[0] in rule.help


def test_rules_md_is_current() -> None:
    expected = docs.render_rules_md(REGISTRY)
    actual = (ROOT / "RULES.md").read_text(encoding="utf-8")
    assert actual == expected, "RULES.md is stale: run `tonecheck rules --markdown > RULES.md`"
