"""The sample drafts: clean ones raise nothing; flawed ones match the reviewed golden output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tonecheck import Checker
from tonecheck.sources import read_drafts

ROOT = Path(__file__).parent.parent
DRAFTS = ROOT / "samples" / "drafts"
GOLDEN = Path(__file__).parent / "golden" / "samples.json"
CHECKER = Checker(raise_errors=True)
PLATFORMS = [None, "x", "mastodon", "bluesky", "threads", "linkedin", "instagram", "facebook"]


# The plain-text samples have links, which Instagram captions cannot hold; the TOML samples name their platform.
CLEAN = [
    pytest.param(path, platform, id=f"{path.name}-{platform}")
    for path in sorted(DRAFTS.glob("clean-*"))
    for platform in PLATFORMS
    if not (platform == "instagram" and path.suffix == ".txt")
]


@pytest.mark.parametrize(("path", "platform"), CLEAN)
def test_clean_samples_raise_nothing(path: Path, platform: str | None) -> None:
    for draft in read_drafts(str(path), platform=platform):
        report = CHECKER.check(draft.text, platform=draft.platform, media=draft.media)
        assert [f"{f.rule}: {f.message}" for f in report.findings] == []


def _snapshot() -> dict[str, object]:
    out: dict[str, object] = {}
    for path in [*sorted(DRAFTS.glob("flawed-*")), ROOT / "samples" / "scheduled-posts.csv"]:
        for draft in read_drafts(str(path), platform="x"):
            report = CHECKER.check(draft.text, platform=draft.platform, media=draft.media).to_dict()
            findings = [
                {k: f[k] for k in ("rule", "severity", "target", "start", "end", "offset", "length", "message")}
                | {"suggestions": [s["replacement"] for s in f["suggestions"]]}
                for f in report["findings"]
            ]
            out[draft.label.replace(str(ROOT) + "/", "")] = {"findings": findings, "scores": report["scores"]}
    return out


def test_flawed_samples_match_golden(update_golden: bool) -> None:
    current = _snapshot()
    if update_golden or not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(current, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert current == expected, "review the change, then run pytest --update-golden"
    assert all(entry["findings"] for key, entry in current.items() if "flawed-" in key)  # type: ignore[index]
