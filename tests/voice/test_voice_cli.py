"""`tonecheck voice test` keeps a team's examples honest; `voice explain` shows why a draft reads as it does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tonecheck.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples" / "profiles").glob("*.toml"))


def test_there_are_three_sample_profiles_with_six_examples_each() -> None:
    from tonecheck.voice.profile import load_profile

    assert len(SAMPLES) >= 3
    for path in SAMPLES:
        examples = [e for p in load_profile(path).principles for e in p.examples]
        assert len([e for e in examples if e.kind == "good"]) >= 3, path.name
        assert len([e for e in examples if e.kind == "bad"]) >= 3, path.name


@pytest.mark.parametrize("path", [*SAMPLES, *sorted((ROOT / "tonecheck/data/voice/examples").glob("*.toml"))],
                         ids=lambda p: p.name)
def test_voice_test_passes_on_every_sample_profile(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["voice", "test", str(path)]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out
    assert "examples behave as filed" in out


def test_a_broken_example_fails_with_a_clear_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (ROOT / "samples/profiles/council.toml").read_text(encoding="utf-8")
    broken = text.replace(
        'why = "Says sorry and what happens next, calmly."',
        'why = "Says sorry and what happens next, calmly."\n\n[[principles.examples]]\n'
        'bad = "You can collect a new recycling box from the library."\nwhy = "Deliberately misfiled."',
    )
    broken = broken.replace(
        'good = "Your green bin will be collected',
        'good = "Residents are advised that the refuse collection shall commence prior to 7am. Your green bin will be'
        ' collected',
    )
    path = tmp_path / "council.toml"
    path.write_text(broken, encoding="utf-8")
    assert main(["voice", "test", str(path)]) == 1
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.strip().startswith("FAIL")]
    assert len(lines) == 2, out
    assert any("good" in line and "voice/plain" in line for line in lines), out
    assert any("bad" in line and "nothing from voice/warm-not-flippant" in line for line in lines), out
    assert main(["voice", "test", str(path), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert sum(not r["passed"] for r in data[0]["results"]) == 2


def test_invalid_profile_is_a_usage_error_naming_file_and_key(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "team.toml"
    path.write_text('[profile]\nformat = 1\nname = "x"\n[[principles]]\nid = "Bad Id"\nsummary = "s"\n')
    assert main(["voice", "test", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: principles[0].id:" in err and "Traceback" not in err
    assert main(["check", "--text", "hello", "--profile", str(path)]) == 2
    assert f"{path}: principles[0].id:" in capsys.readouterr().err


def test_voice_explain_shows_traits_targets_and_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    profile = str(ROOT / "samples/profiles/bank.toml")
    text = "We think the new app might possibly help you manage your money a bit better, maybe."
    assert main(["voice", "explain", text, "--profile", profile]) == 0
    out = capsys.readouterr().out
    for trait in ("formality", "warmth", "energy", "confidence", "directness", "plainness"):
        assert trait in out
    assert '"We think" (hedge)' in out
    assert "confidence:" in out and "OUTSIDE target" in out
    assert "voice/confident" in out
    assert main(["voice", "explain", text, "--profile", profile, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    hedges = [e for e in data["traits"]["confidence"]["evidence"] if e["label"] == "hedge"]
    assert text[hedges[0]["start"]:hedges[0]["end"]] == "We think"
    assert data["scores"]["voice/confident"] < 100
    assert any(f["rule"] == "voice/confident" for f in data["findings"])


def test_check_with_profile_reports_voice_and_policy(capsys: pytest.CaptureFixture[str]) -> None:
    profile = str(ROOT / "samples/profiles/bank.toml")
    code = main(["check", "--text", "HarbourPlus Gold is coming: guaranteed returns for all", "--profile", profile,
                 "--format", "json", "--fail-on", "error"])
    assert code == 1
    data = json.loads(capsys.readouterr().out)
    rules = {f["rule"] for draft in data["drafts"] for f in draft["report"]["findings"]}
    assert {"embargoed-term", "term-avoid"} <= rules
