"""`tonecheck serve` as a real process: HTTP over a socket, worker processes, the LanguageTool client, privacy,
refusals.

Also runs the README's gunicorn team command once (Linux only), so the documented command stays true.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.languagetool_stub import StubLanguageTool
from tests.server.conftest import KEY, ServerProcess, tonecheck_command


def _request(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
             method: str | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


def _post_json(url: str, payload: Any, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    status, _, body = _request(url, data=json.dumps(payload).encode(),
                               headers={"Content-Type": "application/json", **(headers or {})})
    return status, json.loads(body)


def test_serve_answers_over_http(server_process: Callable[..., ServerProcess]) -> None:
    server = server_process()
    status, _, body = _request(server.url + "/health")
    assert status == 200 and json.loads(body)["status"] == "ok"
    status, report = _post_json(server.url + "/v1/check", {"text": "Sale 🎉 #socialmediatips", "platform": "x"})
    assert status == 200
    assert any(f["rule"] == "hashtag-camel-case" and f["offset"] == 8 for f in report["findings"])
    status, headers, page = _request(server.url + "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html") and b"playground" in page
    status, headers, body = _request(server.url + "/v1/check", data=b"{", headers={"Content-Type": "application/json"})
    assert status == 400 and json.loads(body)["error"]["code"] == "malformed_json"
    status, _, body = _request(server.url + "/v1/check", data=b"x" * 4096, headers={"Content-Type": "text/plain"})
    assert status == 415 and json.loads(body)["error"]["code"] == "unsupported_media_type"
    _, stderr = server.stop()
    assert '"POST /v1/check" 200' in stderr and "tonecheck: stopped" in stderr


def test_body_limit_over_http(server_process: Callable[..., ServerProcess]) -> None:
    server = server_process("--max-body", "4096")
    status, _, body = _request(server.url + "/v1/check", data=json.dumps({"text": "a" * 10_000}).encode(),
                               headers={"Content-Type": "application/json"})
    assert status == 413 and json.loads(body)["error"]["code"] == "too_large"


def test_language_tool_python_client(server_process: Callable[..., ServerProcess], tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import language_tool_python

    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))
    server = server_process()
    tool = language_tool_python.LanguageTool("en-US", remote_server=server.url)
    try:
        text = "🎉🎉 Big news from the team 🚀 #socialmediatips"
        matches = tool.check(text)
        hashtag = next(m for m in matches if m.rule_id == "hashtag-camel-case")
        # The client turns LanguageTool's UTF-16 offsets into code points: three emoji come before the hashtag.
        assert text[hashtag.offset:hashtag.offset + len("#socialmediatips")] == "#socialmediatips"
        assert hashtag.replacements == ["#SocialMediaTips"]
        assert hashtag.category == "ACCESSIBILITY" and hashtag.rule_issue_type == "typographical"
        assert tool.correct(text).endswith("#SocialMediaTips")
        tool.disabled_rules = {"hashtag-camel-case"}
        assert all(m.rule_id != "hashtag-camel-case" for m in tool.check(text))
    finally:
        tool.close()


def test_language_tool_python_with_grammar(server_process: Callable[..., ServerProcess],
                                           languagetool_stub_session: StubLanguageTool, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import language_tool_python

    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))
    server = server_process("--languagetool", languagetool_stub_session.url)
    tool = language_tool_python.LanguageTool("en-US", remote_server=server.url)
    try:
        text = "🎉 We shipped teh new app #launchday"
        by_rule = {m.rule_id: m for m in tool.check(text)}
        spelling = by_rule["MORFOLOGIK_RULE_EN_US"]
        assert text[spelling.offset:spelling.offset + spelling.error_length] == "teh"
        assert "the" in spelling.replacements and spelling.category == "TYPOS"
    finally:
        tool.close()


def test_no_draft_text_in_output_or_files(server_process: Callable[..., ServerProcess],
                                          languagetool_stub_session: StubLanguageTool) -> None:
    marker = "zq" + uuid.uuid4().hex[:10] + "marker"
    draft = f"Join us at the {marker} launch 🎉 #socialmediatips"
    server = server_process("--languagetool", languagetool_stub_session.url, "--max-text", "2000", name="privacy")
    url = server.url
    assert _post_json(url + "/v1/check", {"text": draft, "media": [{"alt": f"{marker} photo"}]})[0] == 200
    form = urllib.parse.urlencode({"text": draft, "language": "en-US"}).encode()
    assert _request(url + "/v2/check", data=form)[0] == 200
    assert _request(url + "/v2/check?" + form.decode())[0] == 200
    annotated = json.dumps({"annotation": [{"markup": "<p>"}, {"text": draft}, {"markup": "</p>"}]})
    annotated_form = urllib.parse.urlencode({"data": annotated, "language": "en"}).encode()
    assert _request(url + "/v2/check", data=annotated_form)[0] == 200
    # Errors must not echo the draft into the logs either.
    assert _request(url + "/v1/check", data=f'{{"text": "{marker}'.encode(),
                    headers={"Content-Type": "application/json"})[0] == 400
    assert _post_json(url + "/v1/check", {"text": (draft + " ") * 60})[0] == 413
    assert _request(url + "/v1/check", data=draft.encode(), headers={"Content-Type": "text/plain"})[0] == 415
    assert _post_json(url + "/v1/check", {"text": draft, "platform": marker})[0] == 400
    assert _post_json(url + "/v1/check", {"text": draft, "rules": [marker]})[0] == 400
    assert any(marker in r.get("text", "") or marker in r.get("data", "") for r in languagetool_stub_session.requests)
    stdout, stderr = server.stop()
    assert '"POST /v1/check" 200' in stderr and '"GET /v2/check" 200' in stderr  # the access log is on
    assert marker not in stdout and marker not in stderr
    for path in server.workdir.rglob("*"):
        if path.is_file():
            assert marker.encode() not in path.read_bytes(), f"draft text written to {path}"


def test_refuses_public_address_without_keys(tmp_path: Path) -> None:
    result = subprocess.run([*tonecheck_command(), "serve", "--host", "0.0.0.0", "--port", "0"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode == 2
    assert "without API keys" in result.stderr and "Traceback" not in result.stderr


def test_bad_keys_file_is_a_clear_error(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    keys.write_text("short\n", encoding="utf-8")
    result = subprocess.run([*tonecheck_command(), "serve", "--port", "0", "--api-keys-file", str(keys)],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode == 2 and "at least 16 characters" in result.stderr
    assert "Traceback" not in result.stderr


def test_python_m_tonecheck_server(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "tonecheck_server", "--help"], capture_output=True, text=True,
                            timeout=60, cwd=tmp_path)
    assert result.returncode == 0 and "--api-keys-file" in result.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.mark.skipif(sys.platform == "win32" or shutil.which("gunicorn", path=str(Path(sys.executable).parent)) is None,
                    reason="gunicorn runs on POSIX only, and is installed with the 'team' extra")
def test_gunicorn_team_command(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    keys.write_text(f"{KEY}\n", encoding="utf-8")
    port = _free_port()
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TONECHECK_API_KEYS_FILE": str(keys)}
    log = tmp_path / "gunicorn.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [gunicorn, "--workers", "2", "--threads", "4", "--worker-class", "gthread", "--preload",
             "--bind", f"127.0.0.1:{port}", "tonecheck_server.wsgi:app"],
            cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                status, _, _ = _request(f"http://127.0.0.1:{port}/health")
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise AssertionError(log.read_text(encoding="utf-8")) from None
                time.sleep(0.1)
        assert status == 200
        url = f"http://127.0.0.1:{port}/v1/check"
        assert _post_json(url, {"text": "hi"})[0] == 401
        status, report = _post_json(url, {"text": "🎉 #socialmediatips"}, {"Authorization": f"Bearer {KEY}"})
        assert status == 200 and report["findings"]
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert '"POST /v1/check" 200' in log.read_text(encoding="utf-8")


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(p) for p in (task / "children").read_text().split()}
    return found


def _wait_for(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the worker processes in /proc (Linux)")
def test_workers_serve_restart_and_stop(server_process: Callable[..., ServerProcess]) -> None:
    server = server_process("--workers", "2")
    parent = server.process.pid
    assert "2 workers × 1 thread" in server.stderr.read_text(encoding="utf-8")  # no LanguageTool: 1 thread each
    _wait_for(lambda: len(_children(parent)) == 2)
    first = _children(parent)
    for _ in range(6):
        status, report = _post_json(server.url + "/v1/check", {"text": "Sale 🎉 #socialmediatips", "platform": "x"})
        assert status == 200 and any(f["rule"] == "hashtag-camel-case" for f in report["findings"])
    # A worker that dies is replaced, and the server keeps answering meanwhile.
    killed = min(first)
    os.kill(killed, signal.SIGKILL)
    _wait_for(lambda: len(_children(parent)) == 2 and killed not in _children(parent))
    assert _post_json(server.url + "/v1/check", {"text": "hello"})[0] == 200
    workers = _children(parent)
    _, stderr = server.stop()
    assert server.process.returncode == 0
    assert f"worker {killed} was stopped by signal 9" in stderr and "tonecheck: stopped" in stderr
    assert '"POST /v1/check" 200' in stderr and "Traceback" not in stderr
    for pid in workers:  # no worker outlives the server
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()


@pytest.mark.parametrize(("flags", "message"), [
    (("--workers", "0"), "--workers must be from 1 to 64"),
    (("--threads", "0"), "--threads must be from 1 to 256"),
])
def test_bad_worker_counts_are_clear_errors(tmp_path: Path, flags: tuple[str, ...], message: str) -> None:
    result = subprocess.run([*tonecheck_command(), "serve", "--port", "0", *flags], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "fork"), reason="--workers above 1 forks (Linux, macOS)")
def test_workers_with_languagetool_keep_threads(server_process: Callable[..., ServerProcess],
                                                languagetool_stub_session: StubLanguageTool) -> None:
    # Requests wait for LanguageTool, so each worker keeps its threads; --threads always wins.
    server = server_process("--workers", "2", "--languagetool", languagetool_stub_session.url, name="lt")
    assert "2 workers × 8 threads" in server.stderr.read_text(encoding="utf-8")
    chosen = server_process("--workers", "2", "--threads", "3", name="chosen")
    assert "2 workers × 3 threads" in chosen.stderr.read_text(encoding="utf-8")
    assert _post_json(chosen.url + "/v1/check", {"text": "hello"})[0] == 200
