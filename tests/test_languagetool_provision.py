"""tools/languagetool/server.sh (``make languagetool-start``/``-stop``) without Java or Maven: clear errors.

The real server itself is exercised by tests/grammar_real (which ``make test`` runs against it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tools" / "languagetool" / "server.sh"
#: What the script needs before it looks for Java (curl is optional there: no curl, no server answers).
_TOOLS = ("sh", "sed", "head", "dirname", "cat", "tr", "grep", "rm", "mkdir", "touch", "ls", "du", "wc", "cut")


def _run(tmp_path: Path, *args: str, with_java: bool) -> subprocess.CompletedProcess[str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for name in (*_TOOLS, "java", "curl") if with_java else _TOOLS:
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed")
        (bin_dir / name).symlink_to(found)
    env = {"PATH": str(bin_dir), "LT_PORT": "8097", "LT_CACHE": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    return subprocess.run([str(bin_dir / "sh"), str(SCRIPT), *args], capture_output=True, text=True, env=env,
                          timeout=60, check=False)


def test_start_without_java_says_so(tmp_path: Path) -> None:
    result = _run(tmp_path, "start", with_java=False)
    assert result.returncode == 1
    assert "Java is not installed" in result.stderr and "Java 17 or later" in result.stderr
    assert not (tmp_path / "cache").exists()


def test_start_without_maven_says_so(tmp_path: Path) -> None:
    if shutil.which("java") is None:
        pytest.skip("java is not installed")
    result = _run(tmp_path, "start", with_java=True)
    if "needs Java 17 or later" in result.stderr:
        pytest.skip("this machine's Java is older than 17")
    assert result.returncode == 1
    assert "Maven (mvn) is not installed" in result.stderr


def test_stop_without_a_server_is_a_no_op(tmp_path: Path) -> None:
    result = _run(tmp_path, "stop", with_java=False)
    assert result.returncode == 0
    assert "no server of ours on port 8097" in result.stdout


def test_unknown_command_prints_usage(tmp_path: Path) -> None:
    result = _run(tmp_path, "restart", with_java=False)
    assert result.returncode == 2 and "usage:" in result.stderr


def test_the_pinned_version_is_read_from_the_pom() -> None:
    pom = (ROOT / "tools" / "languagetool" / "pom.xml").read_text(encoding="utf-8")
    assert "<languagetool.version>6.6</languagetool.version>" in pom
    assert "<artifactId>language-all</artifactId>" in pom  # as an exclusion
    assert os.access(SCRIPT, os.X_OK)
