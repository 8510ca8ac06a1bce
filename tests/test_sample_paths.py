"""Every samples/... path that the README, CONTRIBUTING or a sample's own comments name exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
# A path under samples/, as written in prose or a command: letters, digits, . _ - / and * globs.
_PATH = re.compile(r"(?<![\w/.-])samples/[\w./*-]*[\w*/]")


def _documents() -> list[Path]:
    docs = [ROOT / "README.md", ROOT / "CONTRIBUTING.md"]
    docs += sorted(p for p in (ROOT / "samples").rglob("*") if p.suffix in {".toml", ".txt", ".csv", ".md"})
    return [p for p in docs if p.is_file()]


def _named() -> list[tuple[str, str]]:
    found = []
    for doc in _documents():
        text = doc.read_text(encoding="utf-8")
        if doc.suffix == ".toml":
            text = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
        for path in sorted(set(_PATH.findall(text))):
            found.append((doc.relative_to(ROOT).as_posix(), path))
    return found


def test_the_documents_name_sample_paths() -> None:
    named = {path for _, path in _named()}
    assert "samples/profiles/council.toml" in named  # the scan finds paths at all
    assert "samples/drafts/flawed-council-voice.txt" in named


@pytest.mark.parametrize(("doc", "path"), _named(), ids=lambda v: str(v))
def test_named_sample_path_exists(doc: str, path: str) -> None:
    if "*" in path:
        assert list(ROOT.glob(path)), f"{doc} names {path}, which matches no file"
    else:
        assert (ROOT / path).exists(), f"{doc} names {path}, which does not exist"


def test_the_check_catches_a_missing_path() -> None:
    assert _PATH.findall("# tonecheck check samples/drafts/flawed-council.txt --profile x") == [
        "samples/drafts/flawed-council.txt"
    ]
    assert not (ROOT / "samples/drafts/flawed-council.txt").exists()
