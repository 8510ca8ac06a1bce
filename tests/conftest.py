"""Shared test options and fixtures, and the no-skip rule of `make test`.

With ``TONECHECK_NO_SKIP=1`` (``make test`` and CI set it) a skipped test FAILS, with its skip reason as
the failure: CI must run everything, so whatever a test needs (Chromium, node, twitter-text's JavaScript,
later Java for a real LanguageTool) must be installed there. A plain ``pytest`` still skips, and ``-ra``
lists each skip with its reason. Expected failures (xfail) are not skips and are not affected.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator

import pytest

from tests import corpus
from tests.languagetool_stub import StubLanguageTool
from tonecheck.config import ENV_LANGUAGETOOL_URL

#: Set to 1 to fail every skipped test (``make test`` does).
ENV_NO_SKIP = "TONECHECK_NO_SKIP"


def _no_skip() -> bool:
    return os.environ.get(ENV_NO_SKIP, "") == "1"


#: Node ids of the skips turned into failures in this run.
_FAILED_SKIPS: list[str] = []


def _failed_skip(report: pytest.TestReport | pytest.CollectReport) -> None:
    _FAILED_SKIPS.append(report.nodeid)
    longrepr = report.longrepr
    reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
    report.outcome = "failed"
    report.longrepr = f"skipped, and {ENV_NO_SKIP}=1 fails every skip (install what it needs): {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, None, None]:
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if _no_skip() and report.skipped and not hasattr(report, "wasxfail"):
        _failed_skip(report)


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Generator[None, None, None]:
    outcome = yield
    report: pytest.CollectReport = outcome.get_result()
    if _no_skip() and report.skipped:
        _failed_skip(report)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # Printed even with -q (make test): which corpora ran, and the no-skip rule's outcome.
    terminalreporter.write_line(corpus.header())
    if _no_skip():
        found = len(_FAILED_SKIPS)
        terminalreporter.write_line(
            f"{ENV_NO_SKIP}=1: {found} skipped test(s), each failed the run" if found else f"{ENV_NO_SKIP}=1: 0 skipped"
        )


def pytest_report_header(config: pytest.Config) -> list[str]:
    strict = f"{ENV_NO_SKIP}=1: a skipped test fails"
    skips = strict if _no_skip() else f"skips allowed (set {ENV_NO_SKIP}=1 to fail them)"
    return [skips, corpus.header()]


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
