"""JSON errors: every error the server sends is ``{"error": {"code", "message"}}``, never HTML.

:class:`ApiError` is raised by views; HTTP errors from Flask and werkzeug (404, 405, 413, …) and any
unexpected exception are turned into the same shape. Unexpected exceptions are logged by type and
path only: their message could quote the draft.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, json, request
from werkzeug.exceptions import HTTPException

__all__ = ["ApiError", "error_response", "register_error_handlers"]

_log = logging.getLogger("tonecheck.server")

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    411: "length_required",
    413: "too_large",
    415: "unsupported_media_type",
    429: "too_many_requests",
    500: "internal_error",
    501: "not_implemented",
}
_MESSAGES = {
    404: "There is nothing at this address. The API is described at /v1/openapi.json.",
    405: "This address does not accept that method.",
    413: "The request body is larger than this server accepts.",
    500: "The server failed to answer this request.",
}


class ApiError(Exception):
    """An error answered as JSON with *status*, a short machine-readable *code* and a plain *message*."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra


def error_response(status: int, code: str, message: str, **extra: Any) -> Response:
    """The JSON error response."""
    body = {"error": {"code": code, "message": message, **extra}}
    response = Response(json.dumps(body), status=status, mimetype="application/json")
    response.headers["Cache-Control"] = "no-store"
    return response


def _api_error(exc: ApiError) -> Response:
    response = error_response(exc.status, exc.code, exc.message, **exc.extra)
    if exc.status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="tonecheck"'
    return response


def _http_error(exc: HTTPException) -> Response:
    status = exc.code or 500
    message = _MESSAGES.get(status) or (exc.description or exc.name or "Error").strip()
    response = error_response(status, _CODES.get(status, "error"), message)
    valid = getattr(exc, "valid_methods", None)
    if status == 405 and valid:
        response.headers["Allow"] = ", ".join(sorted(valid))
    return response


def _unexpected(exc: Exception) -> Response:
    if isinstance(exc, HTTPException):
        return _http_error(exc)
    # Type and path only: an exception's message may quote the draft.
    _log.error("internal error (%s) on %s %s", type(exc).__name__, request.method, request.path)
    return error_response(500, "internal_error", f"The server failed to answer this request ({type(exc).__name__}).")


def register_error_handlers(app: Flask) -> None:
    """Answer every error of *app* with JSON."""
    app.register_error_handler(ApiError, _api_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
