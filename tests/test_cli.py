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
        (["check", "missing-file.txt"], "missing-file.txt: error [input-error] cannot read the file"),
        (["check", "--text", "x", "--media", "nothere.png"], "media file 'nothere.png' does not exist"),
        (["check", "--text", "x", "--media", "samples"], "media path 'samples' is a folder"),
        (["check", "--text", "x", "--platform", "twiter"], "unknown platform 'twiter'. Did you mean 'twitter'?"),
        (["check", "--text", "x", "--platform", "myspace"], "unknown platform 'myspace'"),
        (["check", "--text", "x", "--select", "no-such-rule"], "unknown rule or category"),
        (["explain", "no-such-rule"], "unknown rule"),
        (["check", "--text", "x", "--format", "xml"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_usage_and_input_errors_exit_2(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(args, capsys)
    assert code == 2
    assert message in out + err
    assert "Traceback" not in out + err


def test_bad_csv_and_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "posts.csv"
    bad.write_text("title,date\nhello,2024\n", encoding="utf-8")
    code, out, _ = run(["check", str(bad)], capsys)
    assert code == 2 and f"{bad}:1: error [input-error] the CSV needs a text column" in out
    cfg = tmp_path / "tonecheck.toml"
    cfg.write_text("[rules.hashtag-count]\nmax = 'two'\n", encoding="utf-8")
    code, _, err = run(["check", "--text", "x", "--config", str(cfg)], capsys)
    assert code == 2 and "rules.hashtag-count.max: must be a whole number" in err
    binary = tmp_path / "post.txt"
    binary.write_bytes(b"caf\x81 \x90bad")  # bytes Windows-1252 leaves undefined: no clear encoding
    code, out, _ = run(["check", str(binary)], capsys)
    assert code == 2 and "not UTF-8 text, and its encoding is unclear" in out


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


@pytest.mark.parametrize("alts", [["a", "b", "c"], ["a", "b"], ["a", "b", "c", "d"]])
def test_alt_count_must_match_media_count(alts: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    gif = str(SAMPLES / "media" / "strobe-4-per-second.gif")
    args = ["check", "--text", "x", "--media", gif]
    for alt in alts:
        args += ["--alt", alt]
    code, out, err = run(args, capsys)
    assert code == 2 and out == ""
    assert f"1 --media and {len(alts)} --alt" in err


def test_alt_without_media_is_an_image_with_that_alt_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--text", "Our poster", "--alt", "IMG_2041.jpg", "--alt", "Poster of the fair",
                        "--format", "json"], capsys)
    assert code == 1  # a file name as alt text is an error
    report = json.loads(out)["drafts"][0]["report"]
    assert report["metrics"]["media"] == 2
    assert any(f["rule"] == "alt-text-filename" and f["target"] == "media:0" for f in report["findings"])


# -- files, rows and locations (issue 12) ---------------------------------------------------


def _repo(tmp_path: Path) -> Path:
    """drafts/post.toml with a flashing GIF in drafts/media/, like a content repo."""
    media = tmp_path / "drafts" / "media"
    media.mkdir(parents=True)
    (media / "x.gif").write_bytes((SAMPLES / "media" / "strobe-4-per-second.gif").read_bytes())
    (tmp_path / "drafts" / "post.toml").write_text(
        'platform = "x"\ntext = "Friday mood"\n[[media]]\npath = "media/x.gif"\nalt = "A black and white strobe"\n',
        encoding="utf-8",
    )
    return tmp_path


def test_toml_media_path_works_from_any_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repo(tmp_path)
    for cwd in (repo, repo / "drafts", repo / "drafts" / "media"):
        monkeypatch.chdir(cwd)
        code, out, _ = run(["check", str(repo / "drafts" / "post.toml"), "--format", "json"], capsys)
        assert code == 1, "the flashing GIF is found and is an error"
        assert any(f["rule"] == "flashing" for f in json.loads(out)["drafts"][0]["report"]["findings"])


def test_toml_draft_naming_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = _repo(tmp_path)
    draft = repo / "drafts" / "post.toml"
    draft.write_text(draft.read_text(encoding="utf-8").replace("media/x.gif", "media/y.gif"), encoding="utf-8")
    code, out, err = run(["check", str(draft), "--fail-on", "never"], capsys)
    assert code == 2  # an unchecked draft is never a pass, whatever --fail-on says
    assert f"{draft}: error [input-error] media file '{repo / 'drafts' / 'media' / 'y.gif'}' does not exist" in out
    assert "1 draft not checked" in out and "1 draft was not checked" in err


def test_toml_unknown_key_exits_2_and_the_other_files_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "typo.toml"
    typo.write_text('text = "Hi"\nplaform = "x"\n', encoding="utf-8")
    good = tmp_path / "good.toml"
    good.write_text('text = "#one #two #three"\n', encoding="utf-8")
    code, out, _ = run(["check", str(typo), str(good), "--select", "hashtag-count"], capsys)
    assert code == 2
    assert f"{typo}: error [input-error] unknown key 'plaform'. Did you mean 'platform'?" in out
    assert f"{good}:1:19: warning [hashtag-count]" in out  # line and column in the TOML file, not in the text


def test_unreadable_media_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = SAMPLES / "media" / "damaged.png"
    code, out, _ = run(["check", "--text", "Chart", "--media", str(damaged), "--alt", "Bar chart of visitors",
                        "--select", "media-unreadable"], capsys)
    assert code == 0  # a file that exists but is not valid media is a finding (a warning), not an input error
    assert '[media-unreadable] Attachment 1 ("damaged.png"):' in out


BATCH = (
    "id,network,images,message,alt1\n"
    '1,X (Twitter),0,"Hello\nworld #one #two #three",\n'
    "2,TikTok,0,Hi,\n"
    "3,LinkedIn Page,lots,Count,\n"
    "4,Instagram Business,0,Fine #one #two #three,\n"
)


def test_csv_bad_rows_are_reported_and_the_others_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch.csv"
    batch.write_text(BATCH, encoding="utf-8")
    code, out, err = run(["check", str(batch), "--select", "hashtag-count", "--color", "never"], capsys)
    assert code == 2
    lines = out.splitlines()
    message = "This post has 3 hashtags. Keep to 2: each one is read aloud as a link."
    assert f"{batch}:2:2:17: warning [hashtag-count] {message}" in lines
    assert f"{batch}:4: error [input-error] unknown platform 'TikTok'. Use one of: bluesky, facebook, instagram, " \
        "linkedin, mastodon, threads, x." in lines
    assert f"{batch}:5: error [input-error] the images column must be a whole number, not 'lots'" in lines
    assert any(line.startswith(f"{batch}:6:1:") for line in lines)  # the row after the bad ones is checked
    assert lines[-1] == "2 findings (2 warnings) in 2 of 2 checked drafts. 2 drafts not checked (input errors)."
    assert "2 drafts were not checked" in err


def test_csv_exit_code_is_the_worst_result(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch.csv"
    batch.write_text("text,platform\n#one #two #three,x\nFine.,x\n", encoding="utf-8")
    args = ["check", str(batch), "--select", "hashtag-count"]
    assert run([*args, "--fail-on", "warning"], capsys)[0] == 1
    assert run(args, capsys)[0] == 0
    batch.write_text("text,platform\n#one #two #three,x\nFine.,myspace\n", encoding="utf-8")
    assert run([*args, "--fail-on", "warning"], capsys)[0] == 2
    assert run([*args, "--fail-on", "never"], capsys)[0] == 2


def test_csv_row_over_the_maximum_length_is_that_rows_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch.csv"
    batch.write_text("text\n" + "a" * 63_207 + "\nShort.\n", encoding="utf-8")
    code, out, _ = run(["check", str(batch), "--format", "json"], capsys)
    first, second = json.loads(out)["drafts"]
    assert code == 2
    assert first["report"] is None and "the limit is 63,206" in first["error"]["message"]
    assert first["error"]["kind"] == "input-error" and first["row"] == 2
    assert second["report"] is not None and second["row"] == 3


def test_csv_errors_in_json_and_sarif(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch.csv"
    batch.write_text(BATCH, encoding="utf-8")
    code, out, err = run(["check", str(batch), "--format", "json", "--select", "hashtag-count"], capsys)
    drafts = json.loads(out)["drafts"]
    assert code == 2
    assert [d["row"] for d in drafts] == [2, 4, 5, 6]
    assert [d["row_label"] for d in drafts] == ["1", "2", "3", "4"]
    assert [d["error"]["message"][:16] if d.get("error") else None for d in drafts] == [
        None, "unknown platform", "the images colum", None]
    assert f"tonecheck: error: {batch}:4: unknown platform 'TikTok'" in err

    code, out, _ = run(["check", str(batch), "--format", "sarif", "--select", "hashtag-count"], capsys)
    run_ = json.loads(out)["runs"][0]
    assert code == 2
    errors = [r for r in run_["results"] if r["ruleId"] == "input-error"]
    assert [e["locations"][0]["physicalLocation"]["region"] for e in errors] == [{"startLine": 4}, {"startLine": 5}]
    assert all(e["level"] == "error" for e in errors)
    assert run_["invocations"][0]["executionSuccessful"] is False
    assert "input-error" in [r["id"] for r in run_["tool"]["driver"]["rules"]]
    found = [r for r in run_["results"] if r["ruleId"] == "hashtag-count"]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in found]
    # Row 2's text starts after the quote on line 2; "#three" is on line 3 of the file, column 17.
    assert regions[0] == {"startLine": 3, "startColumn": 17, "endLine": 3, "endColumn": 23}
    # Row 6 (unquoted): the text starts at column 24 of line 6.
    start = len("4,Instagram Business,0,") + 1 + len("Fine #one #two ")
    assert regions[1] == {"startLine": 6, "startColumn": start, "endLine": 6, "endColumn": start + len("#three")}
    assert all("fixes" not in r for r in found)  # a replacement would need CSV quoting


def test_csv_multiline_cell_lines_in_text_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch.csv"
    batch.write_text('text\n"First line\n\n#one #two #three"\nNext,\n', encoding="utf-8")
    _, out, _ = run(["check", str(batch), "--select", "hashtag-count"], capsys)
    assert out.startswith(f"{batch}:2:3:11: warning [hashtag-count]")


def test_csv_in_windows_1252_from_excel(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "batch.csv"
    batch.write_bytes("text;platform\nCafé “opening” – #one #two #three;x\n".encode("cp1252"))
    code, out, _ = run(["check", str(batch), "--format", "json", "--select", "hashtag-count"], capsys)
    [draft] = json.loads(out)["drafts"]
    assert code == 0 and draft["report"]["findings"][0]["rule"] == "hashtag-count"


def test_options_are_never_abbreviated(capsys: pytest.CaptureFixture[str]) -> None:
    """issue-12: `--language en-GB` was read as `--languagetool en-GB` ("must be an http(s) URL")."""
    assert main(["check", "--text", "Hello there.", "--language", "en-GB"]) == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments: --language" in err
    assert "URL" not in err
