"""WSGI middleware: the access log, and API keys carried in the path (``/k/<key>/v2/check``).

The access log writes one line per request to the ``tonecheck.access`` logger::

    127.0.0.1 "POST /v1/check" 200 1834 1.9ms

It never writes the query string (``GET /v2/check?text=…`` carries the draft), request or response
bodies, or an API key (a key in the path is written as ``/k/***``).

Clients that only take a server's base URL (LanguageTool's browser add-on, LTeX, Obsidian) cannot
send an ``Authorization`` header; they are given ``https://host/k/<key>`` as the server URL. The
middleware moves the key out of the path into the ``tonecheck.path_key`` WSGI variable.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

__all__ = ["AccessLog", "PathKey"]

_log = logging.getLogger("tonecheck.access")
_PLAIN_PATH = re.compile(r"^[A-Za-z0-9_./~*-]{0,120}$")

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class PathKey:
    """Take ``/k/<key>`` off the front of the path and keep the key in ``environ["tonecheck.path_key"]``."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path.startswith("/k/"):
            key, _, rest = path[3:].partition("/")
            environ["tonecheck.path_key"] = key
            environ["PATH_INFO"] = "/" + rest
        return self.app(environ, start_response)


class AccessLog:
    """Log method, path, status, response size and time of every request; nothing from the body."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        started = time.perf_counter()
        path = environ.get("PATH_INFO", "")
        if path.startswith("/k/"):
            path = "/k/***/" + path[3:].partition("/")[2]
        status: list[str] = []

        def _start(code: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            status[:] = [code.split(" ", 1)[0]]
            return start_response(code, headers, exc_info) if exc_info else start_response(code, headers)

        body = self.app(environ, _start)
        return _Logged(body, environ.get("REMOTE_ADDR", "-"), environ.get("REQUEST_METHOD", "-"), path, status,
                       started)


class _Logged:
    """The response body, passed through; logs the line when the server closes it."""

    def __init__(
        self, body: Iterable[bytes], remote: str, method: str, path: str, status: list[str], started: float
    ) -> None:
        self._body = body
        self._line = (remote, method, _printable(path), status, started)
        self._size = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._body:
            self._size += len(chunk)
            yield chunk

    def close(self) -> None:
        try:
            close = getattr(self._body, "close", None)
            if close is not None:
                close()
        finally:
            remote, method, path, status, started = self._line
            elapsed = (time.perf_counter() - started) * 1000
            _log.info('%s "%s %s" %s %d %.1fms', remote, method, path, status[0] if status else "-", self._size,
                      elapsed)


def _printable(path: str) -> str:
    # Our paths are short ids (rule ids, profile names). Anything else (spaces, %-escapes, long) could be
    # text a client put in the address, so it is not written.
    return path if _PLAIN_PATH.match(path) else "<path withheld>"
