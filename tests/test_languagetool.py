"""Grammar through LanguageTool, against a stub server that speaks LanguageTool's HTTP API v2.

The stub (tests/languagetool_stub.py) replays canned responses in LanguageTool's exact shape and computes
UTF-16 offsets like the real server; tonecheck reaches it through language-tool-python's real
client code. Nothing here leaves 127.0.0.1, and no test builds ``LanguageTool(lang)`` without a
server URL (that would try to download LanguageTool).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests

import tonecheck
from tests.languagetool_stub import StubLanguageTool
from tonecheck import languagetool
from tonecheck.cli import main
from tonecheck.config import ENV_LANGUAGETOOL_URL, Config, ConfigError, LanguageToolSettings, load_config
from tonecheck.languagetool import LanguageToolClient, LanguageToolUnavailableError, annotation, lt_language
from tonecheck.model import Category
from tonecheck.offsets import OffsetMap
from tonecheck.rule import RuleContext
from tonecheck.rules.grammar.languagetool import LanguageTool as LanguageToolRule
from tonecheck.text import parse

SOCIAL = "Launch day with @alicesmth #launchday $TSLA 🎉 https://exmpl.co/launchday"


def _checker(url: str, **table: Any) -> tonecheck.Checker:
    return tonecheck.Checker({"languagetool": {"url": url, **table}})


def _grammar(report: tonecheck.Report) -> list[tonecheck.Finding]:
    return [f for f in report.findings if f.category is Category.GRAMMAR]


def _plain_seen(form: dict[str, str]) -> str:
    if "text" in form:
        return form["text"]
    return "".join(p.get("text", p.get("interpretAs", "")) for p in json.loads(form["data"])["annotation"])


# -- acceptance ---------------------------------------------------------------------------------


def test_finding_is_placed_exactly_after_several_astral_emoji(languagetool_stub: StubLanguageTool) -> None:
    text = "🎉🚀👩🏽‍💻🇬🇧 We shipped teh new app today."
    report = _checker(languagetool_stub.url).check(text)
    [finding] = _grammar(report)
    start = text.index("teh")
    assert finding.span == (start, start + 3)
    assert text[finding.start : finding.end] == "teh"
    assert finding.rule == "languagetool/MORFOLOGIK_RULE_EN_US"
    assert finding.message == '"teh" may be a spelling mistake.'
    # The stub answered in UTF-16 code units, which differ from code points here.
    form = languagetool_stub.requests[-1]
    assert "data" in form
    as_json = report.to_dict()["findings"]
    grammar = next(f for f in as_json if f["rule"].startswith("languagetool/"))
    assert grammar["offset"] == OffsetMap(text).to_utf16(start) != start
    assert grammar["length"] == 3


def test_replacements_are_offered_as_suggestions(languagetool_stub: StubLanguageTool) -> None:
    [finding] = _grammar(_checker(languagetool_stub.url).check("We shipped teh new app today."))
    assert [s.replacement for s in finding.suggestions] == ["the", "tech", "ten"]  # the first three of nine
    assert all(not s.safe for s in finding.suggestions)  # a spelling guess may change the meaning
    assert finding.suggestions[0].label == 'Replace with "the"'


def test_no_findings_on_handles_hashtags_cashtags_urls_and_emoji(languagetool_stub: StubLanguageTool) -> None:
    # Sent as plain text, LanguageTool (and so the stub) calls the handle, hashtag and URL misspelt…
    raw = requests.post(f"{languagetool_stub.url}/v2/check", data={"text": SOCIAL, "language": "en-US"}, timeout=5)
    offsets = OffsetMap(SOCIAL)
    flagged = {
        SOCIAL[offsets.to_codepoint(m["offset"]) : offsets.to_codepoint(m["offset"] + m["length"])]
        for m in raw.json()["matches"]
    }
    assert flagged == {"alicesmth", "launchday", "exmpl"}
    # …but tonecheck sends them as markup, so the stub never sees them.
    report = _checker(languagetool_stub.url).check(SOCIAL)
    assert _grammar(report) == []
    assert report.skipped == ()
    seen = _plain_seen(languagetool_stub.requests[-1])
    for word in ("alicesmth", "launchday", "exmpl", "TSLA", "🎉"):
        assert word not in seen
    assert seen.startswith("Launch day with ")


def test_server_stopped_other_findings_within_one_second(languagetool_stub: StubLanguageTool) -> None:
    checker = _checker(languagetool_stub.url)
    languagetool_stub.stop()
    text = "🎉🎉🎉 We shipped teh new app today."
    began = time.perf_counter()
    report = tonecheck.Checker(checker.config).check(text)
    elapsed = time.perf_counter() - began
    assert elapsed < 1.0
    assert {f.rule for f in report.findings} >= {"emoji-repeat"}
    assert _grammar(report) == []
    [skipped] = [s for s in report.skipped if s.check == "languagetool"]
    assert skipped.reason.startswith("grammar was not checked: LanguageTool could not be reached at http://127.0.0.1:")
    assert "grammar" not in report.scores  # grammar did not run, so it gets no score


def test_slow_server_times_out_and_later_drafts_do_not_wait(languagetool_stub: StubLanguageTool) -> None:
    languagetool_stub.delay = 1.5
    checker = _checker(languagetool_stub.url, timeout=0.3)
    began = time.perf_counter()
    report = checker.check("We shipped teh new app today.")
    assert time.perf_counter() - began < 1.2
    [skipped] = report.skipped
    url = languagetool_stub.url
    assert skipped.reason == f"grammar was not checked: LanguageTool did not answer within 0.3 s ({url})"
    # After a failure the client skips LanguageTool for a while instead of waiting again for each draft.
    began = time.perf_counter()
    again = checker.check("Another draft for teh batch.")
    assert time.perf_counter() - began < 0.1
    assert again.skipped == report.skipped
    assert len(languagetool_stub.requests) == 1


def test_malformed_answer_is_skipped(languagetool_stub: StubLanguageTool) -> None:
    languagetool_stub.malformed = True
    report = _checker(languagetool_stub.url).check("We shipped teh new app today.")
    assert _grammar(report) == []
    assert [s.reason for s in report.skipped] == [
        f"grammar was not checked: LanguageTool sent an answer tonecheck could not read ({languagetool_stub.url})"
    ]


@pytest.mark.parametrize(
    "answer",
    [{"matches": [{"offset": "3"}]}, {"no": "matches"}, [1, 2], {"matches": [{"offset": 999, "length": 1}]}],
    ids=["offset-string", "no-matches", "list", "offset-outside"],
)
def test_unexpected_json_shape_is_skipped(answer: Any) -> None:
    class Tool:
        url = "http://127.0.0.1:9/v2/"
        language = type("L", (), {"languages": {"en-US"}})()

        def _query_server(self, *args: Any, **kwargs: Any) -> Any:
            return answer

    client = LanguageToolClient("http://127.0.0.1:9", factory=lambda *a: Tool())
    with pytest.raises(LanguageToolUnavailableError, match="could not read"):
        client.check(parse("We shipped teh new app today."), "en")


# -- language, options, cache ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sent"),
    [("en", "en-US"), ("en-GB", "en-GB"), ("en_gb", "en-GB"), ("de", "de-DE"), ("fr", "fr"), ("es", "es")],
)
def test_language_is_passed_on(languagetool_stub: StubLanguageTool, language: str, sent: str) -> None:
    tonecheck.Checker({"language": language, "languagetool": {"url": languagetool_stub.url}}).check("Hello there.")
    assert languagetool_stub.requests[-1]["language"] == sent


def test_languagetool_language_overrides_the_drafts(languagetool_stub: StubLanguageTool) -> None:
    report = _checker(languagetool_stub.url, language="de").check("Das ist ein Fehller im Text.")
    assert languagetool_stub.requests[-1]["language"] == "de-DE"
    assert [f.rule for f in _grammar(report)] == ["languagetool/GERMAN_SPELLER_RULE"]


def test_unsupported_language_is_skipped(languagetool_stub: StubLanguageTool) -> None:
    report = tonecheck.Checker({"language": "xx", "languagetool": {"url": languagetool_stub.url}}).check("Hello.")
    assert [s.reason for s in report.skipped if s.check == "languagetool"] == [
        "grammar was not checked: LanguageTool does not support the language 'xx'"
    ]


def test_english_only_rules_skip_other_languages_and_grammar_still_runs(languagetool_stub: StubLanguageTool) -> None:
    report = tonecheck.Checker({"language": "de", "languagetool": {"url": languagetool_stub.url}}).check(
        "Das ist ein Fehller im Text."
    )
    assert [f.rule for f in _grammar(report)] == ["languagetool/GERMAN_SPELLER_RULE"]
    english_only = {s.check for s in report.skipped}
    assert "languagetool" not in english_only
    assert english_only and all(s.reason == "only for en text" for s in report.skipped)


def test_cache_hits_do_not_ask_again(languagetool_stub: StubLanguageTool) -> None:
    checker = _checker(languagetool_stub.url, **{"cache-size": 2})
    first = checker.check("We shipped teh new app today.")
    second = checker.check("We shipped teh new app today.")
    assert first.findings == second.findings
    assert len(languagetool_stub.requests) == 1
    checker.check("Hello one.")
    checker.check("Hello two.")  # evicts the first draft (cache-size 2)
    checker.check("We shipped teh new app today.")
    assert len(languagetool_stub.requests) == 4
    assert languagetool_stub.languages_requests == 1  # one client per language, built once


def test_disabled_rules_and_categories_are_sent(languagetool_stub: StubLanguageTool) -> None:
    checker = _checker(
        languagetool_stub.url, **{"disabled-rules": ["EN_A_VS_AN"], "disabled-categories": ["TYPOS"]}
    )
    report = checker.check("I bought a apple and and a pear. We shipped teh app.")
    assert [f.rule for f in _grammar(report)] == ["languagetool/ENGLISH_WORD_REPEAT_RULE"]
    form = languagetool_stub.requests[-1]
    assert form["disabledRules"] == "CONSECUTIVE_SPACES,EN_A_VS_AN,WHITESPACE_RULE"
    assert form["disabledCategories"] == "TYPOS"


def test_accepted_brand_names_are_not_spelling_mistakes(languagetool_stub: StubLanguageTool) -> None:
    text = "Try tonecheck before you post."
    assert [f.rule for f in _grammar(_checker(languagetool_stub.url).check(text))] == [
        "languagetool/MORFOLOGIK_RULE_EN_US"
    ]
    assert _grammar(_checker(languagetool_stub.url, accept=["ToneCheck"]).check(text)) == []


def test_severity_follows_issue_type(languagetool_stub: StubLanguageTool) -> None:
    report = _checker(languagetool_stub.url).check("I bought a apple and and a pear.")
    assert [(f.rule, f.severity.value) for f in _grammar(report)] == [
        ("languagetool/EN_A_VS_AN", "warning"),
        ("languagetool/ENGLISH_WORD_REPEAT_RULE", "warning"),
    ]
    by_rule = {f.rule: f for f in _grammar(report)}
    assert by_rule["languagetool/ENGLISH_WORD_REPEAT_RULE"].suggestions[0].safe
    assert report.scores["grammar"] < 100


def test_user_severity_wins(languagetool_stub: StubLanguageTool) -> None:
    checker = tonecheck.Checker(
        {"languagetool": {"url": languagetool_stub.url}, "severity": {"languagetool": "suggestion"}}
    )
    assert {f.severity.value for f in _grammar(checker.check("I bought a apple."))} == {"suggestion"}


def test_max_length_skips_without_asking(languagetool_stub: StubLanguageTool) -> None:
    report = _checker(languagetool_stub.url, **{"max-length": 20}).check("We shipped teh new app today.")
    assert [s.reason for s in report.skipped] == [
        "grammar was not checked: the draft is longer than 20 characters, the limit for LanguageTool"
    ]
    assert languagetool_stub.requests == []


def test_threads_share_one_checker(languagetool_stub: StubLanguageTool) -> None:
    checker = _checker(languagetool_stub.url)
    texts = [f"{'🎉' * i} We shipped teh new app today." for i in range(12)]
    with ThreadPoolExecutor(4) as pool:
        reports = list(pool.map(checker.check, texts))
    for text, report in zip(texts, reports, strict=True):
        [finding] = _grammar(report)
        assert text[finding.start : finding.end] == "teh"


def test_annotation_joins_back_to_the_draft() -> None:
    for text in (SOCIAL, "@a @b hi 👋🏽", "plain", "👨‍👩‍👧 #x", "an #AI tool and a #launch"):
        parts = annotation(parse(text))
        assert "".join(p.get("text", p.get("markup", "")) for p in parts) == text
    stand_ins = [p["interpretAs"] for p in annotation(parse("an #AI tool and a #launch 🎉")) if "markup" in p]
    assert stand_ins == ["Ann", "Sam", " "]


def test_lt_language() -> None:
    assert [lt_language(x) for x in ("en", "EN", "en-gb", "pt", "pt-BR", "fr", "auto")] == [
        "en-US", "en-US", "en-GB", "pt-PT", "pt-BR", "fr", "auto"
    ]


# -- configuration, environment, CLI ------------------------------------------------------------


def test_off_by_default_costs_nothing() -> None:
    checker = tonecheck.Checker()
    assert checker.languagetool is None
    report = checker.check("We shipped teh new app today.")
    assert report.skipped == ()  # not configured is not worth a notice on every draft
    assert "grammar" not in report.scores
    code = "import sys, tonecheck; tonecheck.check('We shipped teh app.'); print('language_tool_python' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent.parent, env={"PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "False"


def test_environment_variable_and_precedence(
    languagetool_stub: StubLanguageTool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_LANGUAGETOOL_URL, languagetool_stub.url)
    report = tonecheck.Checker().check("We shipped teh new app today.")
    assert [f.rule for f in _grammar(report)] == ["languagetool/MORFOLOGIK_RULE_EN_US"]
    assert tonecheck.Checker({"languagetool": {"url": "off"}}).languagetool is None
    assert tonecheck.Checker({"disable": ["grammar"]}).languagetool is None
    assert tonecheck.Checker({"languagetool": {"url": "http://127.0.0.1:9"}}).languagetool.url == "http://127.0.0.1:9/"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"server": "x"}, "languagetool: unknown key 'server'"),
        ({"url": "ftp://x"}, "languagetool.url must be an http(s) URL"),
        ({"timeout": 0}, "languagetool.timeout must be a number of seconds"),
        ({"timeout": True}, "languagetool.timeout"),
        ({"accept": "tonecheck"}, "languagetool.accept must be a list of strings"),
        ({"max-length": -1}, "languagetool.max-length must be a whole number"),
        ({"language": ""}, "languagetool.language must be a language code"),
    ],
)
def test_config_errors_name_file_and_key(tmp_path: Path, table: dict[str, Any], message: str) -> None:
    path = tmp_path / "tonecheck.toml"
    lines = ["[languagetool]"] + [f"{k} = {json.dumps(v)}" for k, v in table.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=str(path).replace("\\", "\\\\")) as err:
        tonecheck.Checker(path)
    assert message in str(err.value)


def test_config_file_table(tmp_path: Path) -> None:
    path = tmp_path / "tonecheck.toml"
    path.write_text(
        '[languagetool]\nurl = "http://lt.example:8010/v2/"\ntimeout = 1\naccept = ["tonecheck"]\n'
        'disabled-rules = ["EN_QUOTES"]\n', encoding="utf-8"
    )
    config = load_config(path)
    assert config.languagetool == LanguageToolSettings(
        url="http://lt.example:8010/v2/", timeout=1.0, accept=frozenset({"tonecheck"}),
        disabled_rules=frozenset({"EN_QUOTES"}),
    )
    client = LanguageToolClient.from_settings(config.languagetool, {})
    assert client is not None and client.url == "http://lt.example:8010/" and client.timeout == 1.0


def test_cli_check_with_languagetool_flag(
    languagetool_stub: StubLanguageTool, capsys: pytest.CaptureFixture[str]
) -> None:
    url = languagetool_stub.url
    code = main(["check", "--languagetool", url, "-t", "🎉🎉 We shipped teh app.", "--fail-on", "never"])
    out = capsys.readouterr().out
    assert code == 0
    assert '[languagetool/MORFOLOGIK_RULE_EN_US] "teh" may be a spelling mistake.' in out
    assert "--text:1:15:" in out


def test_cli_notes_skipped_grammar_once(
    languagetool_stub: StubLanguageTool, capsys: pytest.CaptureFixture[str]
) -> None:
    url = languagetool_stub.url
    languagetool_stub.stop()
    main(["check", "--languagetool", url, "-t", "One teh.", "-t", "Two teh.", "--fail-on", "never"])
    err = capsys.readouterr().err
    assert err.count(f"tonecheck: note: grammar was not checked: LanguageTool could not be reached at {url}") == 1


def test_cli_rejects_a_bad_languagetool_value(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--languagetool", "nonsense", "-t", "Hi."]) == 2
    assert "--languagetool: languagetool.url must be" in capsys.readouterr().err


# -- doctor -------------------------------------------------------------------------------------


def test_doctor_server_mode(languagetool_stub: StubLanguageTool, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["doctor", "--languagetool", languagetool_stub.url]) == 0
    out = capsys.readouterr().out
    assert f"LanguageTool: server mode (--languagetool is {languagetool_stub.url})." in out
    assert f"LanguageTool 6.6 at {languagetool_stub.url} answers (" in out
    assert "checking en-US" in out


def test_doctor_server_down(languagetool_stub: StubLanguageTool, capsys: pytest.CaptureFixture[str]) -> None:
    url = languagetool_stub.url
    languagetool_stub.stop()
    assert main(["doctor", "--languagetool", url]) == 1
    assert f"Not working: LanguageTool could not be reached at {url}." in capsys.readouterr().out


def test_doctor_bad_answer_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    stub = StubLanguageTool(malformed=True).start()
    try:
        assert main(["doctor", "--languagetool", stub.url]) == 1
    finally:
        stub.stop()
    assert f"Not working: LanguageTool sent an answer tonecheck could not read ({stub.url})." in capsys.readouterr().out


def test_doctor_answer_without_matches_is_not_working(
    languagetool_stub: StubLanguageTool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Some other JSON service on LanguageTool's port: it answers, but not as LanguageTool does.
    real = StubLanguageTool._check_view

    def not_languagetool(self: StubLanguageTool) -> Any:
        real(self)
        return self.app.response_class('{"status": "ok"}', mimetype="application/json")

    monkeypatch.setattr(StubLanguageTool, "_check_view", not_languagetool)
    stub = StubLanguageTool().start()
    try:
        state = languagetool.status(LanguageToolSettings(url=stub.url), environ={})
    finally:
        stub.stop()
    assert not state.ok
    assert "could not read" in state.lines[-1]


def test_doctor_config_file_server_exits_by_its_state(
    languagetool_stub: StubLanguageTool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "tonecheck.toml"
    config.write_text(f'[languagetool]\nurl = "{languagetool_stub.url}"\n', encoding="utf-8")
    assert main(["doctor", "-c", str(config)]) == 0
    languagetool_stub.stop()
    assert main(["doctor", "-c", str(config)]) == 1
    assert "[languagetool] url is" in capsys.readouterr().out


def test_doctor_local_mode_exit_codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt"))
    monkeypatch.setattr(languagetool, "_java_version", lambda: None)
    assert main(["doctor", "--languagetool", "local"]) == 1
    assert "Not working: Java is missing" in capsys.readouterr().out
    monkeypatch.setattr(languagetool, "_java_version", lambda: (21, 'openjdk version "21.0.5"'))
    assert main(["doctor", "--languagetool", "local"]) == 1
    assert "Not ready: no LanguageTool install yet" in capsys.readouterr().out
    (tmp_path / "lt" / "LanguageTool-6.6").mkdir(parents=True)
    (tmp_path / "lt" / "LanguageTool-6.6" / "languagetool-server.jar").write_bytes(b"")
    assert main(["doctor", "--languagetool", "local"]) == 0
    assert main(["doctor", "--languagetool", "off"]) == 0


def test_doctor_help_documents_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["doctor", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "Exit codes: 0 when LanguageTool works or is not configured" in out
    assert "1 when it is configured but not working" in out


def test_doctor_from_environment(
    languagetool_stub: StubLanguageTool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(ENV_LANGUAGETOOL_URL, languagetool_stub.url)
    main(["doctor"])
    assert f"server mode ({ENV_LANGUAGETOOL_URL} is {languagetool_stub.url})" in capsys.readouterr().out


def test_doctor_off(capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "LanguageTool: off (not configured)." in out
    assert ENV_LANGUAGETOOL_URL in out


def test_doctor_local_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(languagetool, "_java_version", lambda: (17, 'openjdk version "17.0.15" 2025-04-15'))
    settings = LanguageToolSettings(url="local")
    missing = languagetool.status(settings, environ={"LTP_PATH": str(tmp_path)})
    assert missing.mode == "local" and not missing.ok
    assert any("LanguageTool install: none in" in line for line in missing.lines)
    (tmp_path / "LanguageTool-6.8").mkdir()
    (tmp_path / "LanguageTool-6.8" / "languagetool-server.jar").write_bytes(b"")
    found = languagetool.status(settings, environ={"LTP_PATH": str(tmp_path)})
    assert found.ok and any("LanguageTool-6.8" in line for line in found.lines)
    monkeypatch.setattr(languagetool, "_java_version", lambda: (11, 'openjdk version "11.0.2"'))
    assert not languagetool.status(settings, environ={"LTP_PATH": str(tmp_path)}).ok


def test_local_mode_failure_is_skipped_with_reason() -> None:
    def no_install(language: str, url: str | None, timeout: float) -> Any:
        assert url is None  # local mode: no server URL
        raise FileNotFoundError("LanguageTool not found in LTP_CACHE_DIR.")

    checker = tonecheck.Checker(languagetool=LanguageToolClient(None, factory=no_install))
    report = checker.check("We shipped teh new app today.")
    assert [s.reason for s in report.skipped] == [
        "grammar was not checked: LanguageTool could not start locally (needs Java 17 or later and a LanguageTool "
        "install; see LTP_PATH)"
    ]


# -- the rule API -------------------------------------------------------------------------------


def test_sub_rule_ids_must_extend_the_rules_own_id() -> None:
    found: list[tonecheck.Finding] = []
    ctx = RuleContext(LanguageToolRule, {}, found)
    ctx.report("grammar", 0, 1, rule_id="languagetool/EN_A_VS_AN", lt_message="m")
    assert found[0].rule == "languagetool/EN_A_VS_AN"
    for bad in ("languagetoolX/Y", "other/EN", "languagetool/"):
        with pytest.raises(ValueError, match="must be 'languagetool'"):
            ctx.report("grammar", 0, 1, rule_id=bad, lt_message="m")


def test_skip_without_reason_is_silent() -> None:
    ctx = RuleContext(LanguageToolRule, {}, [])
    assert ctx.ran
    ctx.skip()
    assert not ctx.ran and ctx.skip_reason is None


def test_config_default_has_no_languagetool() -> None:
    assert Config().languagetool == LanguageToolSettings()
    assert LanguageToolClient.from_settings(LanguageToolSettings(), {}) is None


def test_local_mode_starts_one_server_for_all_languages(languagetool_stub: StubLanguageTool) -> None:
    calls: list[str | None] = []

    def local(language: str, url: str | None, timeout: float) -> Any:
        calls.append(url)
        # Stands in for the server language-tool-python would start: the stub, reached as a server.
        return languagetool._server_tool(language, url or languagetool_stub.url, timeout)

    checker = tonecheck.Checker(languagetool=LanguageToolClient(None, factory=local))
    checker.check("We shipped teh new app today.")
    tonecheck.Checker({"language": "de"}, languagetool=checker.languagetool).check("Das ist ein Fehller.")
    assert calls == [None, f"{languagetool_stub.url}/"]
    assert [r["language"] for r in languagetool_stub.requests] == ["en-US", "de-DE"]
