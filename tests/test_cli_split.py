"""`tonecheck split`: posts with dividers and lengths, JSON, input from files and stdin, errors."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from tonecheck.cli import main
from tonecheck.platforms import get, measure

TEXT = (
    "Accessible posts reach more people. Alt text describes an image for people who cannot see it. "
    "Camel case hashtags are read word by word by screen readers. Emoji in the middle of a sentence "
    "interrupt the flow, because each one is announced by name. Plain language helps everyone. "
    "Short sentences are easier to read on a small screen. Links should say where they go."
)
DIVIDER = re.compile(r"^--- (\d+)/(\d+) \((\d+)/(\d+)(?:, (\d+)/(\d+) bytes)?\) ---$")


@pytest.fixture(autouse=True)
def _no_stray_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no tonecheck.toml above the working directory changes the limits


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def parse_text_output(out: str) -> list[tuple[re.Match[str], str]]:
    """The divider matches and the posts of the text output."""
    posts: list[tuple[re.Match[str], str]] = []
    lines: list[str] = []
    header: re.Match[str] | None = None
    for line in out.splitlines():
        m = DIVIDER.match(line)
        if m:
            if header:
                posts.append((header, "\n".join(lines)))
            header, lines = m, []
        else:
            lines.append(line)
    assert header is not None, out
    posts.append((header, "\n".join(lines)))
    return posts


def test_text_output_has_a_divider_with_the_length(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["split", "--text", TEXT, "--platform", "x"], capsys)
    assert code == 0 and err == ""
    posts = parse_text_output(out)
    assert len(posts) == 2
    for i, (header, post) in enumerate(posts, start=1):
        assert (int(header[1]), int(header[2])) == (i, 2)
        assert int(header[3]) == measure(post, get("x")).length <= int(header[4]) == 280
    assert " ".join(post for _, post in posts) == TEXT
    assert out.startswith("--- 1/2 (")


def test_numbering_and_limit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["split", "--text", TEXT, "-p", "mastodon", "--limit", "100", "--numbering"], capsys)
    assert code == 0
    posts = parse_text_output(out)
    assert len(posts) > 3
    for i, (header, post) in enumerate(posts, start=1):
        assert post.endswith(f" {i}/{len(posts)}")
        assert int(header[3]) <= int(header[4]) == 100


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["split", "--text", TEXT, "--platform", "x", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert [set(item) for item in data] == [{"text", "length", "limit"}] * 2
    assert all(item["length"] == measure(item["text"], get("x")).length for item in data)
    assert all(item["limit"] == 280 for item in data)


def test_bluesky_shows_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    family = "👩\u200d👩\u200d👧\u200d👦"
    code, out, _ = run(["split", "--text", family * 200, "-p", "bluesky"], capsys)
    assert code == 0
    posts = parse_text_output(out)
    assert len(posts) == 2
    for header, _post in posts:
        assert header[5] is not None and int(header[5]) <= int(header[6]) == 3000
    code, out, _ = run(["split", "--text", family * 200, "-p", "bluesky", "-f", "json"], capsys)
    assert all(item["bytes"] <= item["byte_limit"] == 3000 for item in json.loads(out))


def test_limit_without_a_platform_counts_characters(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["split", "--text", "One two three. Four five six.", "--limit", "15"], capsys)
    assert code == 0
    assert [post for _, post in parse_text_output(out)] == ["One two three.", "Four five six."]


def test_a_text_that_fits_is_one_post(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["split", "--text", "Short.", "-p", "x", "--numbering"], capsys)
    assert code == 0
    assert out == "--- 1/1 (6/280) ---\nShort.\n"


def test_file_and_stdin(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(TEXT + "\n", encoding="utf-8")
    code, out, _ = run(["split", str(path), "-p", "x"], capsys)
    assert code == 0 and len(parse_text_output(out)) == 2
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEXT + "\n"))
    assert run(["split", "-", "-p", "x"], capsys)[1] == out
    monkeypatch.setattr(sys, "stdin", io.StringIO("Fits.\n"))
    assert run(["split", "-p", "x"], capsys)[1] == "--- 1/1 (5/280) ---\nFits.\n"  # the final line break is dropped


def test_toml_draft_gives_the_platform(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "draft.toml"
    path.write_text(f'platform = "bluesky"\ntext = "{TEXT}"\n', encoding="utf-8")
    code, out, _ = run(["split", str(path)], capsys)
    assert code == 0
    assert all(int(h[4]) == 300 for h, _ in parse_text_output(out))


def test_config_overrides_the_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "tonecheck.toml"
    config.write_text("[platforms.mastodon]\nmax_length = 120\n", encoding="utf-8")
    code, out, _ = run(["split", "--text", TEXT, "-p", "mastodon", "-c", str(config)], capsys)
    assert code == 0
    posts = parse_text_output(out)
    assert len(posts) > 2 and all(int(h[3]) <= int(h[4]) == 120 for h, _ in posts)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["split", "--text", "hello"], "--platform"),
        (["split", "--text", "hello", "-p", "myspace"], "unknown platform"),
        (["split", "--text", "hello", "--limit", "0"], "at least 1"),
        (["split", "--text", "hello", "somefile.txt", "-p", "x"], "not both"),
        (["split", "no-such-file.txt", "-p", "x"], "cannot read"),
        (["split", "--text", "hi #" + "a" * 40, "--limit", "20"], "hashtag"),
        (["split", "--text", "hello", "-p", "x", "--format", "sarif"], "invalid choice"),
    ],
)
def test_errors_exit_2_with_a_message(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(args, capsys)
    assert code == 2
    assert out == ""
    assert message in err and "Traceback" not in err


def test_no_input_on_a_terminal(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    code, _, err = run(["split", "-p", "x"], capsys)
    assert code == 2 and "--text" in err


def test_a_csv_batch_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("text\nOne\nTwo\n", encoding="utf-8")
    code, _, err = run(["split", str(path), "-p", "x"], capsys)
    assert code == 2 and "one draft" in err
