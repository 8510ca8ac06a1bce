"""The real LanguageTool server for the tests in this folder (``make languagetool-start``).

``make test`` starts LanguageTool's HTTP server on 127.0.0.1:8081 and exports its URL as
``TONECHECK_TEST_LANGUAGETOOL_URL``. Without a server (no Java, or ``pytest`` run on its own) every test
here is skipped with the reason; ``make test`` sets ``TONECHECK_NO_SKIP=1``, so on CI a missing server
fails instead. The stub in ``tests/languagetool_stub.py`` remains for fault injection (timeouts, 5xx,
garbage answers) in ``tests/test_languagetool.py``.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
import requests

import tonecheck
from tonecheck.languagetool import annotation
from tonecheck.text import parse

#: Set by the Makefile; a different variable from TONECHECK_LANGUAGETOOL_URL, which tests never inherit.
ENV_URL = "TONECHECK_TEST_LANGUAGETOOL_URL"
DEFAULT_URL = "http://127.0.0.1:8081"
#: Generous: these tests check what LanguageTool finds, not how fast (timeouts are the stub's tests).
TIMEOUT = 30.0


@pytest.fixture(scope="session")
def real_languagetool() -> str:
    """The base URL of a real LanguageTool server that checks English, or a skip saying how to start one."""
    url = os.environ.get(ENV_URL, "").strip().rstrip("/") or DEFAULT_URL
    how = f"run `make languagetool-start` (needs Java 17+ and Maven) or set {ENV_URL}"
    try:
        answer = requests.get(url + "/v2/languages", timeout=5)
        answer.raise_for_status()
        languages: list[dict[str, Any]] = answer.json()
    except (requests.RequestException, ValueError) as exc:
        pytest.skip(f"no LanguageTool server at {url} ({type(exc).__name__}): {how}")
    codes = {str(lang.get("longCode")) for lang in languages}
    if not {"en-US", "en-GB"} <= codes:
        pytest.skip(f"the LanguageTool server at {url} does not check en-US and en-GB: {how}")
    return url


@pytest.fixture(scope="session")
def real_checker(real_languagetool: str) -> tonecheck.Checker:
    """A checker whose grammar rule asks the real server (American English)."""
    return tonecheck.Checker({"languagetool": {"url": real_languagetool, "timeout": TIMEOUT}})


def raw_matches(url: str, text: str, language: str = "en-US") -> list[dict[str, Any]]:
    """LanguageTool's own matches for *text* sent as tonecheck sends it (entities and emoji as markup)."""
    form = {"data": json.dumps({"annotation": annotation(parse(text))}), "language": language}
    answer = requests.post(url + "/v2/check", data=form, timeout=TIMEOUT)
    answer.raise_for_status()
    matches: list[dict[str, Any]] = answer.json()["matches"]
    return matches
