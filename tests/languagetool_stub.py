"""A stub LanguageTool server speaking LanguageTool's HTTP API v2, for tests (no Java, no download).

It answers ``GET /v2/languages`` and ``GET|POST /v2/check`` like the real server
(``languagetool-server``'s ``ApiV2``): form fields ``text`` *or* ``data`` (annotated text),
``language`` (required), ``disabledRules``, ``enabledRules``, ``disabledCategories``, … Matches come
from canned responses in LanguageTool's exact shape (``tests/fixtures/languagetool/*.json``, written by
hand after LanguageTool's ``RuleMatchesAsJsonSerializer`` and real rule ids and messages, because no
LanguageTool server can be reached from the build machines to capture them): each canned
match is replayed wherever its error text occurs in the plain text the stub received, with
``offset``/``length`` recomputed in **UTF-16 code units** into the original text *including markup*
(as LanguageTool's AnnotatedText mapping does), so one recording works whatever emoji come first.

Only 127.0.0.1 is used.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask, Response, request
from werkzeug.serving import WSGIRequestHandler, make_server

RECORDINGS = Path(__file__).parent / "fixtures" / "languagetool"

# Rules whose error text is too short to find on its own are found by the pattern that makes them fire.
_TRIGGERS = {
    "EN_A_VS_AN": r"\b(a)(?= [aeiouAEIOU])",
    "ENGLISH_WORD_REPEAT_RULE": r"\b(\w+) \1\b",
    # Recorded from LanguageTool 6.6: "I ❤️ this" reads as "I   this" (the emoji is markup read as a blank).
    "I_IF": r"\b(I)(?=\s+this\b)",
}


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args: Any, **kwargs: Any) -> None:  # no access log in test output
        pass


def u16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


@dataclass
class _Recorded:
    language: str
    match: dict[str, Any]
    pattern: re.Pattern[str]


def _load() -> tuple[list[_Recorded], dict[str, Any]]:
    recorded: list[_Recorded] = []
    software: dict[str, Any] = {}
    for path in sorted(RECORDINGS.glob("*.json")):
        if path.name == "languages.json":
            continue
        answer = json.loads(path.read_text(encoding="utf-8"))
        software = answer["software"]
        for m in answer["matches"]:
            ctx = m["context"]
            # context.offset and length are UTF-16 code units too.
            units = ctx["text"].encode("utf-16-le")
            error = units[2 * ctx["offset"] : 2 * (ctx["offset"] + ctx["length"])].decode("utf-16-le")
            trigger = _TRIGGERS.get(m["rule"]["id"])
            pattern = re.compile(trigger if trigger else r"(?<!\w)(" + re.escape(error) + r")(?!\w)")
            recorded.append(_Recorded(answer["language"]["code"].lower(), m, pattern))
    return recorded, software


def _plain(data: dict[str, Any]) -> tuple[str, str, list[tuple[int, int, int, int, bool]]]:
    """Plain text, original text (text + markup) and segments (plain start/len, original start/len, is text)."""
    plain: list[str] = []
    original: list[str] = []
    segments = []
    p = o = 0
    for part in data["annotation"]:
        if "text" in part:
            if "markup" in part or "interpretAs" in part:
                raise ValueError("'text' with 'markup' or 'interpretAs'")
            piece = part["text"]
            segments.append((p, len(piece), o, len(piece), True))
            plain.append(piece)
            original.append(piece)
            p += len(piece)
            o += len(piece)
        else:
            markup, stand_in = part["markup"], part.get("interpretAs", "")
            segments.append((p, len(stand_in), o, len(markup), False))
            plain.append(stand_in)
            original.append(markup)
            p += len(stand_in)
            o += len(markup)
    return "".join(plain), "".join(original), segments


def _to_original(pos: int, segments: list[tuple[int, int, int, int, bool]], *, end: bool) -> int:
    for p, plen, o, olen, is_text in segments:
        if p <= pos < p + plen or (end and pos == p + plen and plen):
            if is_text:
                return o + (pos - p)
            return o + olen if end else o
    return segments[-1][2] + segments[-1][3] if segments else 0


@dataclass
class StubLanguageTool:
    """The stub: start it, point tonecheck at ``url``, read ``requests`` afterwards."""

    delay: float = 0.0
    malformed: bool = False
    requests: list[dict[str, str]] = field(default_factory=list)
    languages_requests: int = 0
    url: str = ""

    def __post_init__(self) -> None:
        self._recorded, self._software = _load()
        self._languages = json.loads((RECORDINGS / "languages.json").read_text(encoding="utf-8"))
        self._server: Any = None
        self._thread: threading.Thread | None = None
        app = Flask("stub-languagetool")
        app.add_url_rule("/v2/languages", view_func=self._languages_view, methods=["GET"])
        app.add_url_rule("/v2/check", view_func=self._check_view, methods=["GET", "POST"])
        self.app = app

    # -- server -------------------------------------------------------------------------------

    def start(self) -> StubLanguageTool:
        self._server = make_server("127.0.0.1", 0, self.app, threaded=True, request_handler=_QuietHandler)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    # -- API ----------------------------------------------------------------------------------

    def _languages_view(self) -> Response:
        self.languages_requests += 1
        return _json(self._languages)

    def _check_view(self) -> Response:
        form = dict(request.values.items())
        self.requests.append(form)
        if self.delay:
            time.sleep(self.delay)
        if self.malformed:
            return Response("<html><body>502 Bad Gateway</body></html>", status=200, mimetype="application/json")
        language = form.get("language")
        if not language:
            return _error("Error: Missing 'language' parameter")
        if ("text" in form) == ("data" in form):
            return _error("Error: Set only 'text' or 'data' parameter, not both")
        if "text" in form:
            plain = original = form["text"]
            segments = [(0, len(plain), 0, len(plain), True)]
        else:
            try:
                plain, original, segments = _plain(json.loads(form["data"]))
            except (ValueError, KeyError) as exc:
                return _error(f"Error: Invalid 'data' parameter: {exc}")
        codes = {c["longCode"].lower() for c in self._languages} | {c["code"].lower() for c in self._languages}
        if language.lower() not in codes:
            return _error(f"Error: '{language}' is not a language code known to LanguageTool.")
        disabled = set(filter(None, form.get("disabledRules", "").split(",")))
        disabled_categories = set(filter(None, form.get("disabledCategories", "").split(",")))
        matches = []
        for rec in self._recorded:
            rule = rec.match["rule"]
            if rec.language != language.lower() or rule["id"] in disabled:
                continue
            if rule["category"]["id"] in disabled_categories:
                continue
            for found in rec.pattern.finditer(plain):
                start = _to_original(found.start(), segments, end=False)
                end = _to_original(found.end(), segments, end=True)
                matches.append(self._replay(rec.match, original, start, end))
        matches.sort(key=lambda m: m["offset"])
        return _json({
            "software": self._software,
            "warnings": {"incompleteResults": False},
            "language": {"name": language, "code": language,
                         "detectedLanguage": {"name": language, "code": language, "confidence": 0.99}},
            "matches": matches,
        })

    @staticmethod
    def _replay(match: dict[str, Any], original: str, start: int, end: int) -> dict[str, Any]:
        c_start, c_end = max(0, start - 40), min(len(original), end + 40)
        out = dict(match)
        out["offset"] = u16(original[:start])
        out["length"] = u16(original[start:end])
        out["context"] = {"text": original[c_start:c_end], "offset": u16(original[c_start:start]),
                          "length": u16(original[start:end])}
        return out


def _json(payload: Any) -> Response:
    return Response(json.dumps(payload, ensure_ascii=False), mimetype="application/json")


def _error(message: str) -> Response:
    return Response(message, status=400, mimetype="text/plain")
