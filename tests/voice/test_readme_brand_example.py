"""The README's brand-spelling example fires end to end through the command line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tonecheck.cli import main

README = Path(__file__).parent.parent.parent / "README.md"


def test_readme_brand_example_fires(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    line = next(ln for ln in README.read_text(encoding="utf-8").splitlines() if ln.startswith("brands = ["))
    m = re.fullmatch(r'(brands = \[.*\])\s+# brand-spelling: "([^"]+)" → "([^"]+)"', line)
    assert m, line
    brands, wrong, right = m.groups()
    profile = tmp_path / "profile.toml"
    profile.write_text(f'[profile]\nformat = 1\nname = "README"\n\n[terms]\n{brands}\n', encoding="utf-8")
    draft = tmp_path / "post.txt"
    draft.write_text(f"Bin days are on {wrong} now.\n", encoding="utf-8")
    code = main(["check", str(draft), "--profile", str(profile), "--color", "never", "--fail-on", "warning"])
    out = capsys.readouterr().out
    assert code == 1
    assert f'[brand-spelling] Write "{right}", not "{wrong}".' in out
    assert f"suggestion: {right}" in out
