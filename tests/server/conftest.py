"""Fixtures for the server tests: apps built with injected settings, and a real `tonecheck serve` process."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from tonecheck_server import Settings, create_app

from tests.languagetool_stub import StubLanguageTool
from tonecheck import Checker, Config

KEY = "k3y-for-tests-0123456789abcdef"
OTHER_KEY = "another-key-0123456789abcdef"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., Flask]:
    """Build an app with these settings (no environment, no access log unless asked)."""

    def make(*, checker: Checker | None = None, **values: Any) -> Flask:
        values.setdefault("access_log", False)
        return create_app(Settings(**values), checker=checker)

    return make


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def keyed_client(make_app: Callable[..., Flask]) -> FlaskClient:
    """A client of a server with API keys (the second key selects the profile "council")."""
    return make_app(api_keys=f"{KEY},{OTHER_KEY}:council").test_client()


@pytest.fixture
def lt_checker(languagetool_stub_session: StubLanguageTool) -> Checker:
    """A checker whose grammar rule asks the stub LanguageTool server."""
    config = Config.from_mapping({"languagetool": {"url": languagetool_stub_session.url}})
    return Checker(config)


# -- real processes ---------------------------------------------------------------------------


def tonecheck_command() -> list[str]:
    """The installed `tonecheck` script next to this Python, or `python -m tonecheck`."""
    script = Path(sys.executable).with_name("tonecheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tonecheck"]


@dataclass
class ServerProcess:
    """`tonecheck serve` running on a free port; its output goes to files under *workdir*."""

    process: subprocess.Popen[bytes]
    url: str
    workdir: Path
    stdout: Path
    stderr: Path
    _closed: bool = field(default=False)

    def stop(self) -> tuple[str, str]:
        """Stop the server (SIGTERM) and return its standard output and error."""
        if not self._closed:
            self._closed = True
            if self.process.poll() is None:
                self.process.send_signal(signal.SIGTERM)
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=10)
        return self.stdout.read_text(encoding="utf-8"), self.stderr.read_text(encoding="utf-8")


def start_server(workdir: Path, *args: str, env: dict[str, str] | None = None) -> ServerProcess:
    """Start `tonecheck serve --port 0 …` in *workdir* and wait until it says where it listens."""
    workdir.mkdir(parents=True, exist_ok=True)
    stdout, stderr = workdir / "stdout.log", workdir / "stderr.log"
    environment = {k: v for k, v in os.environ.items() if not k.startswith("TONECHECK_")}
    environment.update({"HOME": str(workdir), "TMPDIR": str(workdir), "PYTHONDONTWRITEBYTECODE": "1"})
    environment.update(env or {})
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(
            [*tonecheck_command(), "serve", "--port", "0", *args], cwd=workdir, stdout=out, stderr=err,
            env=environment,
        )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = re.search(r"serving on (http://\S+?) ", stderr.read_text(encoding="utf-8"))
        if found:
            return ServerProcess(process, found.group(1), workdir, stdout, stderr)
        if process.poll() is not None:
            break
        time.sleep(0.05)
    process.kill()
    process.wait(timeout=10)
    raise AssertionError(f"tonecheck serve did not start:\n{stderr.read_text(encoding='utf-8')}")


@pytest.fixture
def server_process(tmp_path: Path) -> Iterator[Callable[..., ServerProcess]]:
    started: list[ServerProcess] = []

    def start(*args: str, env: dict[str, str] | None = None, name: str = "server") -> ServerProcess:
        server = start_server(tmp_path / name, *args, env=env)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
