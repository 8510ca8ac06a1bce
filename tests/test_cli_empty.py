"""Empty drafts on the command line: said once per draft, the other drafts still checked, exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tonecheck.cli import main
from tonecheck.model import Media
from tonecheck.sources import EMPTY_DRAFT, DraftSource, draft_problem


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("text", ["", " ", "\n", " \t\r\n\n", "\u3000"])
def test_empty_or_whitespace_text_without_media_is_empty(text: str) -> None:
    assert draft_problem(DraftSource("post.txt", "post.txt", text)) == EMPTY_DRAFT


@pytest.mark.parametrize(
    ("text", "media"),
    [
        ("", (Media(alt="A dog on a beach", kind="image"),)),  # an image post with no caption is a post
        ("Hi", ()),
        ("\u2800", ()),  # braille blank is not whitespace: invisible-characters explains it
    ],
)
def test_a_draft_with_something_to_post_is_not_empty(text: str, media: tuple[Media, ...]) -> None:
    assert draft_problem(DraftSource("post.txt", "post.txt", text, media=media)) is None


def test_empty_text_option_says_so_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["check", "--text", "", "--color", "never"], capsys)
    assert code == 2
    assert out == "--text: error [input-error] the draft is empty\n1 draft not checked (input errors).\n"


def test_empty_is_exit_2_even_with_fail_on_never(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["check", "--text", "  ", "--fail-on", "never"], capsys)[0] == 2


def test_image_without_caption_is_checked_not_empty(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["check", "--text", "", "--alt", "A brown dog running on a wet beach at sunset"], capsys)
    assert code == 0
    assert "empty" not in out


def test_empty_files_among_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty, blank, good = tmp_path / "empty.txt", tmp_path / "blank.txt", tmp_path / "good.txt"
    empty.write_text("", encoding="utf-8")
    blank.write_text("  \n\n", encoding="utf-8")
    good.write_text("#one #two #three\n", encoding="utf-8")
    code, out, _ = _run(["check", str(empty), str(blank), str(good), "--select", "hashtag-count",
                         "--color", "never"], capsys)
    assert code == 2
    lines = out.splitlines()
    assert lines[0] == f"{empty}: error [input-error] the draft is empty"
    assert lines[1] == f"{blank}: error [input-error] the draft is empty"
    assert any("[hashtag-count]" in line for line in lines)  # the good draft was still checked
    assert lines[-1] == "1 finding (1 warning) in 1 of 1 checked draft. 2 drafts not checked (input errors)."


def test_empty_toml_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.toml"
    draft.write_text('text = ""\nplatform = "x"\n', encoding="utf-8")
    code, out, _ = _run(["check", str(draft)], capsys)
    assert (code, out.splitlines()[0]) == (2, f"{draft}: error [input-error] the draft is empty")


def test_empty_csv_row_is_that_rows_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = tmp_path / "posts.csv"
    batch.write_text("id,text\nmon,Hello there.\ntue,\nwed,  \n", encoding="utf-8")
    code, out, _ = _run(["check", str(batch), "--color", "never"], capsys)
    assert code == 2
    assert out.splitlines() == [
        f"{batch}:3: error [input-error] the draft is empty",
        f"{batch}:4: error [input-error] the draft is empty",
        "No problems found in 1 checked draft. 2 drafts not checked (input errors).",
    ]


def test_empty_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["check", "--text", "", "--text", "Hello there.", "--format", "json"], capsys)
    assert code == 2
    drafts = json.loads(out)["drafts"]
    assert drafts[0]["error"] == {"kind": "input-error", "message": "the draft is empty"}
    assert drafts[0]["report"] is None
    assert "error" not in drafts[1]
    assert drafts[1]["report"]["findings"] == []


def test_empty_in_sarif(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    code, out, _ = _run(["check", str(empty), "--format", "sarif"], capsys)
    assert code == 2
    run = json.loads(out)["runs"][0]
    assert run["invocations"][0]["executionSuccessful"] is False
    (result,) = run["results"]
    assert (result["ruleId"], result["level"], result["message"]["text"]) == (
        "input-error", "error", "the draft is empty",
    )
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == str(empty)


def test_sarif_without_empty_drafts_is_a_successful_run(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(["check", "--text", "Hello there.", "--format", "sarif"], capsys)
    assert json.loads(out)["runs"][0]["invocations"][0]["executionSuccessful"] is True
