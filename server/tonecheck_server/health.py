"""``GET /health``: is this worker up, which version, and can it reach LanguageTool."""

from __future__ import annotations

import threading
import time
from typing import Any

from flask import Blueprint, Response

from tonecheck import __version__
from tonecheck.languagetool import LanguageToolClient, LanguageToolUnavailableError
from tonecheck_server import context
from tonecheck_server.api import json_response

__all__ = ["bp"]

bp = Blueprint("health", __name__)

_PROBE_SECONDS = 30.0
_lock = threading.Lock()
_probes: dict[int, tuple[float, dict[str, Any]]] = {}


@bp.get("/health")
def health() -> Response:
    """``{"status": "ok", "version", "languagetool": {"status": "off" | "ok" | "unavailable"}}``."""
    library = context.library()
    payload = {
        "status": "ok",
        "version": __version__,
        "languagetool": _languagetool(library.checker.languagetool, library.language),
        "profiles": context.profiles().available,
    }
    response = json_response(payload)
    response.headers["Cache-Control"] = "no-store"
    return response


def _languagetool(client: LanguageToolClient | None, language: str) -> dict[str, Any]:
    """LanguageTool's state, probed at most every 30 seconds (a health check must stay cheap)."""
    if client is None:
        return {"status": "off"}
    now = time.monotonic()
    with _lock:
        cached = _probes.get(id(client))
        if cached is not None and now - cached[0] < _PROBE_SECONDS:
            return cached[1]
        try:
            client.probe(language)
            state: dict[str, Any] = {"status": "ok", "mode": client.mode}
        except LanguageToolUnavailableError:
            state = {"status": "unavailable", "mode": client.mode}
        _probes[id(client)] = (now, state)
    return state
