"""Configuration: which rules run (one RuleSelection), did-you-mean hints, option values checked at load."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import jsonschema
import pytest

from tonecheck import Category, Checker, Config, ConfigError, Severity, platforms
from tonecheck.cli import main
from tonecheck.config import load_config
from tonecheck.config_schema import render
from tonecheck.model import InputError
from tonecheck.options import OptionSpec, SchemaError, check_value, parse_schema
from tonecheck.registry import Registry, RuleMetadataError, default_registry
from tonecheck.rule import Draft, Rule, RuleContext, Status
from tonecheck.selection import RuleSelection, SelectionError
from tonecheck.voice.errors import ProfileError
from tonecheck.voice.profile import load_profile

DOC = '''Flags nothing at all

## What it checks

Nothing.

## Why it matters

It is a test rule.

## Example

```text
x
```

## Use instead

```text
y
```

## Fix

None.

## References

- https://example.org/test
'''

# Shouts, four different emoji, an unsplit hashtag: all-caps, emoji-count and hashtag-camel-case flag it.
DRAFT = "THIS WEEKEND ONLY AT ALL OUR STORES 🎉 🌱 🍕 🚀 come along #socialmediatips"


class _Preview(Rule):
    __doc__ = DOC
    id = "test-preview"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Flags nothing at all"
    messages: ClassVar = {"x": "x"}
    references = ("https://example.org/test",)
    status = Status.PREVIEW

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        return None


def _ids(**selection: object) -> set[str]:
    return {r.id for r in RuleSelection(**selection).rules(default_registry())}  # type: ignore[arg-type]


def _category(name: str) -> set[str]:
    return {r.id for r in default_registry() if r.category.value == name}


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _found(args: list[str], capsys: pytest.CaptureFixture[str]) -> set[str]:
    code, out, err = _run(["check", "--text", DRAFT, "--format", "json", *args], capsys)
    assert code in (0, 1), err
    return {f["rule"] for d in json.loads(out)["drafts"] for f in d["report"]["findings"]}


class TestSelectionPrecedence:
    def test_default_runs_every_stable_rule(self) -> None:
        assert _ids() == set(default_registry().ids)

    def test_select_a_category_runs_its_rules(self) -> None:
        assert _ids(select=frozenset({"accessibility"})) == _category("accessibility")

    def test_ignore_a_rule_wins_over_selecting_its_category(self) -> None:
        ids = _ids(select=frozenset({"accessibility"}), ignore=frozenset({"emoji-count"}))
        assert ids == _category("accessibility") - {"emoji-count"}

    def test_select_a_rule_wins_over_ignoring_its_category(self) -> None:
        assert _ids(select=frozenset({"all-caps"}), ignore=frozenset({"accessibility"})) == {"all-caps"}

    def test_the_same_name_selected_and_ignored_is_ignored(self) -> None:
        assert _ids(select=frozenset({"all-caps", "link-count"}), ignore=frozenset({"all-caps"})) == {"link-count"}

    def test_a_rule_enabled_wins_over_its_disabled_category(self) -> None:
        ids = _ids(disable=frozenset({"accessibility"}), enable=frozenset({"emoji-count"}))
        assert "emoji-count" in ids and not ids & (_category("accessibility") - {"emoji-count"})

    def test_a_rule_disabled_wins_over_its_enabled_category(self) -> None:
        ids = _ids(enable=frozenset({"accessibility"}), disable=frozenset({"emoji-count"}))
        assert ids == set(default_registry().ids) - {"emoji-count"}

    def test_enable_a_category_does_not_undo_disabling_it(self) -> None:
        assert not _ids(enable=frozenset({"policy"}), disable=frozenset({"policy"})) & _category("policy")

    def test_voice_in_both_lists_runs_the_voice_rule_alone(self) -> None:
        ids = _ids(disable=frozenset({"voice"}), enable=frozenset({"voice"}))
        assert "voice" in ids and not ids & (_category("voice") - {"voice"})
        assert not _ids(disable=frozenset({"voice"})) & _category("voice")

    def test_select_replaces_the_configured_choice(self) -> None:
        assert _ids(select=frozenset({"policy"}), disable=frozenset({"personal-data"})) == _category("policy")

    def test_ignore_wins_over_the_configured_enable(self) -> None:
        assert "all-caps" not in _ids(enable=frozenset({"all-caps"}), ignore=frozenset({"all-caps"}))
        assert "all-caps" not in _ids(enable=frozenset({"all-caps"}), ignore=frozenset({"accessibility"}))

    def test_preview_rules(self) -> None:
        registry = Registry([_Preview, *default_registry()])

        def ids(**selection: object) -> set[str]:
            return {r.id for r in RuleSelection(**selection).rules(registry)}  # type: ignore[arg-type]

        assert "test-preview" not in ids()
        assert "test-preview" not in ids(select=frozenset({"accessibility"}))
        assert "test-preview" in ids(select=frozenset({"accessibility"}), preview=True)
        assert ids(select=frozenset({"test-preview"})) == {"test-preview"}  # selected by id: it runs
        assert "test-preview" in ids(enable=frozenset({"test-preview"}))
        assert "test-preview" in ids(preview=True)
        checker = Checker(Config(select=frozenset({"test-preview"})), registry=registry)
        assert [r.id for r in checker.rules] == ["test-preview"]

    def test_config_carries_the_selection(self) -> None:
        config = Config.from_mapping({"disable": ["accessibility"], "enable": ["emoji-count"], "preview": True})
        assert config.selection == RuleSelection(
            enable=frozenset({"emoji-count"}), disable=frozenset({"accessibility"}), preview=True
        )
        assert {r.id for r in Checker(config).rules} == set(default_registry().ids) - (
            _category("accessibility") - {"emoji-count"}
        )


class TestCommandLineSelection:
    def test_select_a_category(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert _found(["--select", "accessibility"], capsys) == {
            "all-caps", "emoji-count", "emoji-repeat", "hashtag-camel-case"
        }

    def test_select_a_category_and_ignore_a_rule(self, capsys: pytest.CaptureFixture[str]) -> None:
        found = _found(["--select", "accessibility", "--ignore", "emoji-count"], capsys)
        assert "emoji-count" not in found and {"all-caps", "hashtag-camel-case"} <= found

    def test_comma_separated_names(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert _found(["--select", "all-caps, emoji-count"], capsys) == {"all-caps", "emoji-count"}
        assert _found(["--select", "platform,policy"], capsys) == set()

    def test_config_enable_disable(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        cfg = tmp_path / "tonecheck.toml"
        cfg.write_text('disable = ["accessibility"]\nenable = ["emoji-count"]\n', encoding="utf-8")
        assert _found(["--config", str(cfg)], capsys) == {"emoji-count"}
        # --select replaces the file's choice; --ignore wins over the file's enable.
        assert _found(["--config", str(cfg), "--select", "all-caps"], capsys) == {"all-caps"}
        assert _found(["--config", str(cfg), "--ignore", "emoji-count"], capsys) == set()


class TestDidYouMean:
    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["check", "--text", "x", "--select", "acessibility"],
             "--select: unknown rule or category 'acessibility'. Did you mean 'accessibility'?"),
            (["check", "--text", "x", "--ignore", "emoji-cont"],
             "--ignore: unknown rule or category 'emoji-cont'. Did you mean 'emoji-count'"),
            (["explain", "hashtag-camelcase"], "unknown rule 'hashtag-camelcase'. Did you mean 'hashtag-camel-case'"),
            (["check", "--text", "x", "--platform", "mastodn"], "unknown platform 'mastodn'. Did you mean 'mastodon'?"),
            (["split", "--text", "x", "--platform", "blusky"], "Did you mean 'bluesky'"),
            (["check", "--text", "x", "--select", "zzzz"], "unknown rule or category 'zzzz'. Run `tonecheck rules`"),
        ],
    )
    def test_cli_exits_2_with_the_hint(self, args: list[str], message: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
        code, _, err = _run(args, capsys)
        assert code == 2 and message in err and "Traceback" not in err

    @pytest.mark.parametrize(
        ("body", "message"),
        [
            ('enable = ["hashtag-camelcase"]\n', "enable: unknown rule or category 'hashtag-camelcase'. Did you mean "
                                                 "'hashtag-camel-case'"),
            ('disable = ["acessibility"]\n', "disable: unknown rule or category 'acessibility'. Did you mean "
                                            "'accessibility'?"),
            ('[severity]\nemoji-cuont = "error"\n', "severity: unknown rule 'emoji-cuont'. Did you mean 'emoji-count'"),
            ('[rules.hashtag-cont]\nmax = 3\n', "rules: unknown rule 'hashtag-cont'. Did you mean 'hashtag-count'"),
            ('[rules.hashtag-count]\nmaximum = 3\n', "rules.hashtag-count: unknown option 'maximum'. Did you mean "
                                                    "'max'? (options: max)"),
            ('[rules.sentence-length]\nzzz = 3\n', "rules.sentence-length: unknown option 'zzz' (options: max_words)"),
            ('disabel = ["all-caps"]\n', "unknown key 'disabel'. Did you mean 'disable'? (known keys: "),
            ('[languagetool]\ntimout = 3\n', "languagetool: unknown key 'timout'. Did you mean 'timeout'?"),
            ('[platforms.mastodn]\nmax_length = 500\n', "platforms: unknown platform 'mastodn'. Did you mean "
                                                       "'mastodon'?"),
            ('[platforms.mastodon]\nmax_lenght = 500\n', "platforms.mastodon: unknown limit 'max_lenght'. Did you "
                                                        "mean 'max_length'"),
        ],
    )
    def test_config_errors_name_file_key_and_hint(self, tmp_path: Path, body: str, message: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
        cfg = tmp_path / "tonecheck.toml"
        cfg.write_text(body, encoding="utf-8")
        with pytest.raises(ConfigError) as caught:
            Checker(load_config(cfg))
        assert str(caught.value).startswith(f"{cfg}: ") and message in str(caught.value)
        code, _, err = _run(["check", "--text", "x", "--config", str(cfg)], capsys)
        assert code == 2 and message in err

    def test_platform_functions_carry_the_hint(self) -> None:
        for call in (lambda: platforms.resolve("threds"), lambda: platforms.get("threds"),
                     lambda: Checker().check("hi", platform="threds")):
            with pytest.raises(InputError, match=r"unknown platform 'threds'\. Did you mean 'threads'\?"):
                call()
        with pytest.raises(InputError) as caught:
            platforms.resolve("myspace")
        assert "Did you mean" not in str(caught.value) and "use one of: bluesky" in str(caught.value)

    def test_selection_errors(self) -> None:
        with pytest.raises(SelectionError, match="ignore: unknown rule or category 'emojii'"):
            RuleSelection(ignore=frozenset({"emojii"})).validate(default_registry())


class TestOptionValues:
    @pytest.mark.parametrize(
        ("table", "message"),
        [
            ("[rules.hashtag-count]\nmax = -5\n", "rules.hashtag-count.max: -5 is below the minimum 1 (allowed 1–30)"),
            ("[rules.hashtag-count]\nmax = 500\n",
             "rules.hashtag-count.max: 500 is above the maximum 30 (allowed 1–30)"),
            ("[rules.hashtag-count]\nmax = 2.5\n", "rules.hashtag-count.max: must be a whole number, not 2.5"),
            ("[rules.hashtag-count]\nmax = true\n", "rules.hashtag-count.max: must be a whole number, not true"),
            ("[rules.reading-level]\nmax_grade = 0\n",
             "rules.reading-level.max_grade: 0 is below the minimum 1.0 (allowed 1.0–18.0)"),
            ("[rules.alt-text-duplicate]\nsimilarity = 1.5\n", "above the maximum 1.0 (allowed 0.5–1.0)"),
            ('[rules.emoji-repeat]\napart = "yes"\n', "rules.emoji-repeat.apart: must be true or false, not 'yes'"),
            ('[rules.mention-placement]\nreply_platforms = ["mastodn"]\n',
             "rules.mention-placement.reply_platforms: item 1 'mastodn' is not one of: bluesky, facebook, instagram, "
             "linkedin, mastodon, threads, x. Did you mean 'mastodon'?"),
            ('[rules.personal-data]\nphone_regions = ["US", "uk"]\n',
             "rules.personal-data.phone_regions: item 2 'uk' is not a two-letter region code in capitals"),
            ('[rules.link-shortener]\nallow = ["https://bit.ly/x"]\n', "is not a domain such as \"example.org\""),
            ("[rules.link-shortener]\nallow = [1]\n", "rules.link-shortener.allow: must be a list of strings"),
        ],
    )
    def test_bad_values_name_file_key_and_range(self, tmp_path: Path, table: str, message: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
        cfg = tmp_path / "tonecheck.toml"
        cfg.write_text(table, encoding="utf-8")
        with pytest.raises(ConfigError) as caught:
            Checker(cfg)
        assert str(caught.value) == f"{cfg}: {message}" or message in str(caught.value)
        assert str(caught.value).startswith(f"{cfg}: rules.")
        code, _, err = _run(["check", "--text", "x", "--config", str(cfg)], capsys)
        assert code == 2 and message in err and "Traceback" not in err

    def test_the_exact_message(self, tmp_path: Path) -> None:
        cfg = tmp_path / "tonecheck.toml"
        cfg.write_text("[rules.hashtag-count]\nmax = -5\n", encoding="utf-8")
        with pytest.raises(ConfigError) as caught:
            Checker(cfg)
        assert str(caught.value) == f"{cfg}: rules.hashtag-count.max: -5 is below the minimum 1 (allowed 1–30)"

    def test_values_at_the_ends_of_the_range_are_allowed(self) -> None:
        Checker({"rules": {"hashtag-count": {"max": 1}, "sentence-length": {"max_words": 100}}})
        Checker({"rules": {"reading-level": {"max_grade": 4}}})  # a whole number for a float option is fine
        Checker({"rules": {"mention-placement": {"reply_platforms": []}, "personal-data": {"phone_regions": ["AU"]}}})

    def test_a_profile_settings_inherit_the_check(self, tmp_path: Path) -> None:
        path = tmp_path / "team.toml"
        path.write_text('[profile]\nformat = 1\nname = "Team"\n\n[settings.rules.hashtag-count]\nmax = 0\n',
                        encoding="utf-8")
        with pytest.raises(ProfileError) as caught:
            load_profile(path)
        assert str(caught.value).startswith(f"{path}: settings: ")
        assert "rules.hashtag-count.max: 0 is below the minimum 1 (allowed 1–30)" in str(caught.value)

    def test_every_number_option_has_a_range_its_default_is_in(self) -> None:
        for rule in default_registry():
            for key, default in rule.defaults.items():
                spec = rule.schema[key]
                if isinstance(default, int | float) and not isinstance(default, bool):
                    assert spec.minimum is not None and spec.maximum is not None, (rule.id, key)
                    assert spec.minimum <= default <= spec.maximum, (rule.id, key)
                assert check_value(spec, default) is None

    def test_reply_platforms_are_the_platforms(self) -> None:
        spec = default_registry().get("mention-placement").schema["reply_platforms"]
        assert list(spec.enum) == platforms.names()


class TestSchemaDeclarations:
    @pytest.mark.parametrize(
        ("defaults", "table", "message"),
        [
            ({"max": 2}, {"maximum": {"min": 1, "max": 3}}, "names 'maximum', which is not an option. Did you mean "
                                                            "'max'?"),
            ({"max": 2}, {"max": {"min": 3, "max": 9}}, "the default of 'max' breaks its own schema: 2 is below"),
            ({"max": 2}, {}, "max: a number option must declare both min and max"),
            ({"max": 2}, {"max": {"min": 1}}, "a number option must declare both min and max"),
            ({"max": 2}, {"max": {"min": 5, "max": 1}}, "min is larger than max"),
            ({"max": 2}, {"max": {"min": 0.5, "max": 3}}, "min and max must be whole numbers"),
            ({"max": 2}, {"max": {"min": 1, "max": 3, "step": 1}}, "unknown constraint 'step'"),
            ({"on": True}, {"on": {"min": 0, "max": 1}}, "min and max are only for number options"),
            ({"ratio": 0.5}, {"ratio": {"min": 0, "max": 1, "enum": ["a"]}}, "only for string and list options"),
            ({"words": []}, {"words": {"items": "number"}}, "items must be \"string\""),
            ({"mode": "a"}, {"mode": {"enum": ["b", "c"]}}, "breaks its own schema: 'a' is not one of: b, c"),
            ({"ids": ["x"]}, {"ids": {"pattern": "("}}, "pattern is not a regular expression"),
        ],
    )
    def test_broken_schemas_are_bugs(self, defaults: dict[str, object], table: dict[str, object],
                                     message: str) -> None:
        with pytest.raises(SchemaError, match=None) as caught:
            parse_schema(defaults, table)
        assert message in str(caught.value)

    def test_the_registry_refuses_a_broken_data_file(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import tonecheck.registry as registry_module

        hashtag_count = default_registry().get("hashtag-count")  # built before the data file is swapped
        broken = {"options": {"max": 2}, "sources": {"max": "a source"}, "schema": {"max": {"min": 5, "max": 9}}}
        monkeypatch.setattr(registry_module, "load_toml", lambda name: broken)

        class _Copy(hashtag_count):  # type: ignore[misc,valid-type]
            __doc__ = hashtag_count.__doc__

        with pytest.raises(RuleMetadataError) as caught:
            Registry([_Copy])
        assert ("data/rules/hashtag-count.toml: the default of 'max' breaks its own schema: 2 is below the minimum 5 "
                "(allowed 5–9)") in str(caught.value)

    def test_a_good_schema(self) -> None:
        specs = parse_schema({"max": 2, "ratio": 0.5, "mode": "a", "on": False, "words": ["x"]},
                             {"max": {"min": 1, "max": 3}, "ratio": {"min": 0.0, "max": 1.0},
                              "mode": {"enum": ["a", "b"]}, "words": {"items": "string"}})
        assert specs["max"] == OptionSpec("integer", 1, 3)
        assert specs["on"] == OptionSpec("boolean")
        assert check_value(specs["mode"], "c") == "'c' is not one of: a, b"
        assert check_value(specs["ratio"], 1) is None


class TestConfigJsonSchema:
    PATH = Path(__file__).parent.parent / "tonecheck" / "data" / "config.schema.json"

    def test_the_stored_schema_is_current(self, update_golden: bool) -> None:
        current = render()
        if update_golden:
            self.PATH.write_text(current, encoding="utf-8")
        assert self.PATH.read_text(encoding="utf-8") == current, (
            "regenerate: .venv/bin/python -m tonecheck.config_schema > tonecheck/data/config.schema.json"
        )

    def test_it_agrees_with_config_loading(self) -> None:
        schema = json.loads(self.PATH.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        good = {
            "language": "en-GB", "preview": False, "disable": ["link-count", "grammar"], "enable": ["emoji-count"],
            "max-length": 5000, "severity": {"emoji-count": "suggestion"},
            "rules": {"hashtag-count": {"max": 3}, "mention-placement": {"reply_platforms": ["x"]}},
            "platforms": {"mastodon": {"max_length": 1000}},
            "languagetool": {"url": "http://localhost:8010", "timeout": 2.0, "disabled-rules": ["EN_QUOTES"]},
        }
        assert list(validator.iter_errors(good)) == []
        Checker(good)  # the library accepts it too
        for bad in ({"rules": {"hashtag-count": {"max": -5}}}, {"rules": {"hashtag-count": {"maximum": 3}}},
                    {"enable": ["hashtag-camelcase"]}, {"colour": "red"}, {"severity": {"all-caps": "fatal"}},
                    {"rules": {"mention-placement": {"reply_platforms": ["myspace"]}}}):
            assert list(validator.iter_errors(bad)), bad
            with pytest.raises(ConfigError):
                Checker(bad)

    def test_the_module_docstring_example_is_valid(self) -> None:
        import tomllib

        import tonecheck.config

        doc = tonecheck.config.__doc__ or ""
        example = doc.split("::\n", 1)[1].split("\nEvery key is checked", 1)[0]
        data = tomllib.loads("\n".join(line[4:] for line in example.splitlines()))
        validator = jsonschema.Draft202012Validator(json.loads(self.PATH.read_text(encoding="utf-8")))
        assert list(validator.iter_errors(data)) == []
        Checker(Config.from_mapping(data))
