"""Shared test options and fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.languagetool_stub import StubLanguageTool
from tonecheck.config import ENV_LANGUAGETOOL_URL


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.json from current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True)
def _no_languagetool_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    # A developer's own TONECHECK_LANGUAGETOOL_URL must not reach the tests (nor their server).
    monkeypatch.delenv(ENV_LANGUAGETOOL_URL, raising=False)


@pytest.fixture(scope="session")
def languagetool_stub_session() -> Iterator[StubLanguageTool]:
    """One stub LanguageTool server on 127.0.0.1 for the whole run (for rule fixtures and docs)."""
    stub = StubLanguageTool().start()
    yield stub
    stub.stop()


@pytest.fixture
def languagetool_stub() -> Iterator[StubLanguageTool]:
    """A fresh stub LanguageTool server on 127.0.0.1 (its request log and behaviour are the test's own)."""
    stub = StubLanguageTool().start()
    yield stub
    stub.stop()


@pytest.fixture
def languagetool_env(languagetool_stub_session: StubLanguageTool, monkeypatch: pytest.MonkeyPatch) -> str:
    """Point TONECHECK_LANGUAGETOOL_URL at the session stub; returns its URL."""
    monkeypatch.setenv(ENV_LANGUAGETOOL_URL, languagetool_stub_session.url)
    return languagetool_stub_session.url
