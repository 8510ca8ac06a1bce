"""The command line: formats, exit codes, batch CSV, errors without tracebacks."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tonecheck.cli import main

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "samples"


def run(args: list[str], capsys: pytest.CaptureFixture[str], stdin: str | None = None,
        monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str, str]:
    if stdin is not None and monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_has_caret_and_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--text", "Sale 🎉 today #one #two #three", "--color", "never"], capsys)
    assert code == 0  # warnings only; default --fail-on error
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if "[hashtag-count]" in line)
    assert lines[i].startswith("--text:1:")
    assert lines[i + 1] == "    Sale 🎉 today #one #two #three"
    assert lines[i + 2] == "    " + " " * len("Sale ** today #one #two ") + "^" * len("#three")
    assert "finding" in lines[-1]


def test_caret_accounts_for_wide_emoji(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", "--text", "🎉 #one #two #three", "--select", "hashtag-count"], capsys)
    caret = out.splitlines()[2]
    # 🎉 takes two terminal columns, so the caret starts at column 4 + 2 + len(" #one #two ").
    assert caret == "    " + " " * (2 + len(" #one #two ")) + "^" * len("#three")


def test_fail_on(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", "--text", "#one #two #three", "--select", "hashtag-count"]
    assert run([*args, "--fail-on", "warning"], capsys)[0] == 1
    assert run([*args, "--fail-on", "error"], capsys)[0] == 0
    assert run(["check", "--text", "Plain text.", "--fail-on", "suggestion"], capsys)[0] in (0, 1)


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", "--text", "🎉 #one #two #three", "--format", "json",
                        "--select", "hashtag-count"], capsys)
    data = json.loads(out)
    finding = data["drafts"][0]["report"]["findings"][0]
    assert finding["rule"] == "hashtag-count"
    assert (finding["start"], finding["offset"]) == (12, 13)


def test_sarif_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    post = tmp_path / "post.txt"
    post.write_text("Hello\n#one #two #three\n", encoding="utf-8")
    _, out, _ = run(["check", str(post), "--format", "sarif", "--select", "hashtag-count"], capsys)
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    result = run_["results"][0]
    assert result["ruleId"] == "hashtag-count" and result["level"] == "warning"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (2, 11, 17)
    assert run_["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "hashtag-count"


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _, out, _ = run(["check", "-", "--select", "hashtag-count"], capsys, "#a #b #c", monkeypatch)
    assert "<stdin>:1:7" in out


def test_batch_csv(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", str(SAMPLES / "scheduled-posts.csv"), "--format", "json"], capsys)
    drafts = json.loads(out)["drafts"]
    assert len(drafts) == 5
    assert [d["row"] for d in drafts] == [2, 3, 4, 5, 6]
    assert [d["report"]["platform"] for d in drafts] == ["x", "linkedin", "mastodon", "instagram", "bluesky"]
    assert [d["report"]["metrics"]["media"] for d in drafts] == [1, 1, 2, 1, 0]


def test_batch_csv_text_summary(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", str(SAMPLES / "scheduled-posts.csv")], capsys)
    assert out.splitlines()[-1].endswith("of 5 drafts.")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "missing-file.txt"], "cannot read the file"),
        (["check", "--text", "x", "--platform", "myspace"], "unknown platform 'myspace'"),
        (["check", "--text", "x", "--select", "no-such-rule"], "unknown rule or category"),
        (["explain", "no-such-rule"], "unknown rule"),
        (["check", "--text", "x", "--format", "xml"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_usage_and_input_errors_exit_2(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(args, capsys)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_bad_csv_and_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "posts.csv"
    bad.write_text("title,date\nhello,2024\n", encoding="utf-8")
    code, _, err = run(["check", str(bad)], capsys)
    assert code == 2 and "needs a 'text' column" in err
    cfg = tmp_path / "tonecheck.toml"
    cfg.write_text("[rules.hashtag-count]\nmax = 'two'\n", encoding="utf-8")
    code, _, err = run(["check", "--text", "x", "--config", str(cfg)], capsys)
    assert code == 2 and "rules.hashtag-count.max: must be a whole number" in err
    binary = tmp_path / "post.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    code, _, err = run(["check", str(binary)], capsys)
    assert code == 2 and "not UTF-8" in err


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules"], capsys)
    assert code == 0 and "hashtag-count" in out
    code, out, _ = run(["rules", "--json"], capsys)
    assert any(r["id"] == "hashtag-count" and r["options"] == {"max": 2} for r in json.loads(out))
    code, out, _ = run(["explain", "hashtag-count"], capsys)
    assert out.startswith("# hashtag-count") and "## Why it matters" in out and "`max` = `2`" in out


def test_console_script_runs_as_a_process() -> None:
    proc = subprocess.run([sys.executable, "-m", "tonecheck", "check", "--text", "#a #b #c", "--format", "json"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["drafts"][0]["report"]["metrics"]["hashtags"] == 3


def test_media_files_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    gif = str(ROOT / "samples" / "media" / "strobe-4-per-second.gif")
    code, out, _ = run(["check", "--text", "Friday mood!", "--media", gif, "--alt", "A black and white strobe",
                        "--format", "json"], capsys)
    assert code == 1  # flashing is an error
    findings = json.loads(out)["drafts"][0]["report"]["findings"]
    assert any(f["rule"] == "flashing" and f["target"] == "media:0" for f in findings)
    code, _, err = run(["check", "--text", "x", "--media", gif, "--media", gif, "--alt", "one"], capsys)
    assert code == 2 and "one --alt per --media" in err
