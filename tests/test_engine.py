"""The engine: public API, rule selection, configuration, errors, reports."""

from __future__ import annotations

import json
from typing import ClassVar

import pytest

import tonecheck
from tonecheck import Category, Checker, Config, ConfigError, InputError, Media, Severity
from tonecheck.registry import Registry, RuleMetadataError
from tonecheck.rule import Draft, Rule, RuleContext

DOC = '''Flags the word boom

## What it checks

The word "boom".

## Why it matters

Loud words startle people.

## Example

```text
boom
```

## Use instead

```text
quiet
```

## Fix

Replace it with "quiet".

## References

- https://example.org/boom
'''


class _Boom(Rule):
    __doc__ = DOC
    id = "test-boom"
    category = Category.VOICE
    severity = Severity.WARNING
    summary = "Flags the word boom"
    messages: ClassVar = {"boom": "Replace {word} with a quiet word."}
    references = ("https://example.org/boom",)

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        for w in draft.parsed.words:
            if w.text.lower() == "boom":
                ctx.report("boom", w.start, w.end, suggestions=[tonecheck.Suggestion("quiet", "Use quiet")],
                           word=w.text)


class _Crash(Rule):
    __doc__ = DOC.replace("Flags the word boom", "Always fails")
    id = "test-crash"
    category = Category.ACCESSIBILITY
    severity = Severity.ERROR
    summary = "Always fails"
    messages: ClassVar = {"x": "x"}
    references = ("https://example.org/boom",)

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        raise RuntimeError("bug")


REG = Registry([_Boom, _Crash])


class TestPublicApi:
    def test_check_returns_a_report(self) -> None:
        report = tonecheck.check("Hello world. #socialmediatips #a #b #c", platform="x")
        assert isinstance(report, tonecheck.Report)
        assert report.platform == "x"
        assert report.metrics["words"] == 2
        assert report.metrics["hashtags"] == 4
        assert "overall" in report.scores
        assert all(0 <= v <= 100 for v in report.scores.values())
        assert list(report.findings) == sorted(report.findings, key=lambda f: (f.start, f.end))

    def test_names_are_exported(self) -> None:
        for name in tonecheck.__all__:
            assert hasattr(tonecheck, name)

    def test_checker_is_reusable(self) -> None:
        checker = Checker()
        assert checker.check("one").findings == checker.check("one").findings


class TestFindings:
    def test_finding_fields(self) -> None:
        report = Checker(registry=REG, raise_errors=False).check("Big boom 🎉 boom")
        booms = [f for f in report.findings if f.rule == "test-boom"]
        assert [f.span for f in booms] == [(4, 8), (11, 15)]
        f = booms[1]
        assert f.category is Category.VOICE and f.severity is Severity.WARNING
        assert f.message == "Replace boom with a quiet word."
        assert f.suggestions[0].replacement == "quiet"
        assert "Loud words startle people." in f.help and "https://example.org/boom" in f.help

    def test_to_dict_has_both_offset_units(self) -> None:
        report = Checker(registry=REG).check("🎉🎉 boom\nboom")
        data = report.to_dict()
        json.dumps(data)
        first, second = (f for f in data["findings"] if f["rule"] == "test-boom")
        assert (first["start"], first["end"], first["offset"], first["length"]) == (3, 7, 5, 4)
        assert (first["line"], first["column"]) == (1, 4)
        assert (second["line"], second["column"]) == (2, 1)
        assert data["schema"] == 1

    def test_a_failing_rule_is_skipped_not_fatal(self) -> None:
        report = Checker(registry=REG).check("boom")
        assert [s.check for s in report.skipped] == ["test-crash"]
        assert "RuntimeError" in report.skipped[0].reason
        assert "accessibility" not in report.scores  # its only rule did not run
        with pytest.raises(RuntimeError):
            Checker(registry=REG, raise_errors=True).check("boom")


class TestConfiguration:
    def test_disable_by_id_and_category(self) -> None:
        assert Checker({"disable": ["test-crash"]}, registry=REG).rules == [_Boom]
        assert Checker({"disable": ["voice", "accessibility"]}, registry=REG).rules == []
        assert Checker({"disable": ["voice"], "enable": ["test-boom"]}, registry=REG).rules == [_Boom, _Crash]

    def test_severity_override(self) -> None:
        report = Checker({"severity": {"test-boom": "suggestion"}, "disable": ["test-crash"]},
                         registry=REG).check("boom")
        assert report.findings[0].severity is Severity.SUGGESTION

    def test_rule_options_are_checked(self) -> None:
        with pytest.raises(ConfigError, match="unknown option 'maximum'"):
            Checker({"rules": {"hashtag-count": {"maximum": 3}}})
        with pytest.raises(ConfigError, match=r"rules.hashtag-count.max: must be a whole number, not .three."):
            Checker({"rules": {"hashtag-count": {"max": "three"}}})
        with pytest.raises(ConfigError, match="unknown rule or category 'nope'"):
            Checker({"disable": ["nope"]})
        with pytest.raises(ConfigError, match="unknown key 'colour'"):
            Checker({"colour": "red"})
        with pytest.raises(ConfigError, match="unknown severity"):
            Checker({"severity": {"hashtag-count": "fatal"}})

    def test_options_change_behaviour(self) -> None:
        text = "#one #two #three"
        assert any(f.rule == "hashtag-count" for f in tonecheck.check(text).findings)
        relaxed = tonecheck.check(text, config={"rules": {"hashtag-count": {"max": 3}}})
        assert not any(f.rule == "hashtag-count" for f in relaxed.findings)

    def test_load_from_files(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        (tmp_path / "tonecheck.toml").write_text('disable = ["hashtag-count"]\n', encoding="utf-8")
        assert "hashtag-count" not in [r.id for r in Checker(tmp_path / "tonecheck.toml").rules]
        (tmp_path / "pyproject.toml").write_text('[tool.tonecheck]\npreview = true\n', encoding="utf-8")
        assert tonecheck.load_config(tmp_path / "pyproject.toml").preview is True
        (tmp_path / "bad.toml").write_text("disable = [", encoding="utf-8")
        with pytest.raises(ConfigError, match="not valid TOML"):
            tonecheck.load_config(tmp_path / "bad.toml")

    def test_config_object(self) -> None:
        config = Config.from_mapping({"language": "en-GB", "max-length": 10})
        assert config.language == "en-GB"
        with pytest.raises(InputError, match="limit is 10"):
            Checker(config).check("x" * 11)


class TestBadInput:
    def test_wrong_type(self) -> None:
        with pytest.raises(InputError, match="must be a string"):
            tonecheck.check(b"bytes")  # type: ignore[arg-type]

    def test_unknown_platform_names_the_valid_ones(self) -> None:
        with pytest.raises(InputError, match="use one of: bluesky, facebook"):
            tonecheck.check("hi", platform="myspace")

    def test_platform_aliases(self) -> None:
        assert tonecheck.check("hi", platform="Twitter").platform == "x"

    def test_media_must_be_media(self) -> None:
        with pytest.raises(InputError):
            tonecheck.check("hi", media=["cat.png"])  # type: ignore[list-item]
        with pytest.raises(ValueError, match="unknown media kind"):
            Media(kind="hologram")

    def test_huge_text_is_refused_quickly(self) -> None:
        with pytest.raises(InputError, match="characters long"):
            tonecheck.check("a" * 1_000_000)


class TestRegistry:
    def test_bad_metadata_is_rejected(self) -> None:
        class NoRefs(_Boom):
            id = "no-refs"
            references = ()

        with pytest.raises(RuleMetadataError, match="references"):
            Registry([NoRefs])

        class BadId(_Boom):
            id = "Bad_Id"

        with pytest.raises(RuleMetadataError, match="kebab-case"):
            Registry([BadId])

        class NoDocs(_Boom):
            __doc__ = "Flags the word boom\n\n## What it checks\n\nx\n"
            id = "no-docs"

        with pytest.raises(RuleMetadataError, match="missing section"):
            Registry([NoDocs])

    def test_duplicate_ids(self) -> None:
        with pytest.raises(RuleMetadataError, match="duplicate"):
            Registry([_Boom, _Boom])
