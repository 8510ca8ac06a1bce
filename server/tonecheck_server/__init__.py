"""tonecheck's HTTP server: a Flask app that translates HTTP to the :mod:`tonecheck` library.

``create_app()`` builds the app (settings from the environment, see :mod:`tonecheck_server.settings`);
``tonecheck serve`` runs it with waitress, and ``tonecheck_server.wsgi:app`` is the same app for
gunicorn. Endpoints:

* ``POST /v1/check``, ``GET /v1/rules``, ``/v1/rules/<id>``, ``/v1/platforms``, ``/v1/profiles``,
  ``/v1/profiles/<name>``, ``/v1/openapi.json`` (:mod:`~tonecheck_server.api`);
* ``GET /v2/languages``, ``GET|POST /v2/check``: LanguageTool's API (:mod:`~tonecheck_server.ltcompat`);
* ``GET /health`` (:mod:`~tonecheck_server.health`); the playground at ``/`` and rule pages
  (:mod:`~tonecheck_server.pages`).

Workers keep no state between requests beyond caches, so any number can run behind a load balancer.
"""

from __future__ import annotations

import io
from typing import IO, Any

from flask import Flask, Request, Response

from tonecheck import Checker
from tonecheck_server import api, health, ltcompat, pages
from tonecheck_server.access import AccessLog, PathKey
from tonecheck_server.checking import Library, Profiles
from tonecheck_server.errors import register_error_handlers
from tonecheck_server.keys import KeyRing
from tonecheck_server.settings import Settings

__all__ = ["Settings", "create_app"]


class _Request(Request):
    """Uploaded form files stay in memory (bounded by the body limit): drafts never touch the disk."""

    def _get_file_stream(
        self, total_content_length: int | None, content_type: str | None, filename: str | None = None,
        content_length: int | None = None,
    ) -> IO[bytes]:
        return io.BytesIO()


def create_app(settings: Settings | None = None, *, checker: Checker | None = None) -> Flask:
    """The Flask app. *settings* default to the environment; *checker* replaces the configured one (tests)."""
    settings = settings if settings is not None else Settings.from_env()
    app = Flask(__name__, static_folder="static", static_url_path="/static")
    app.request_class = _Request
    app.config.update(
        MAX_CONTENT_LENGTH=settings.max_body,
        MAX_FORM_MEMORY_SIZE=settings.max_body,
        MAX_FORM_PARTS=1000,
        SEND_FILE_MAX_AGE_DEFAULT=300,
    )
    app.extensions["tonecheck.settings"] = settings
    app.extensions["tonecheck.keys"] = KeyRing(settings.api_keys_file, settings.api_keys)
    app.extensions["tonecheck.library"] = Library(
        config_path=settings.config, languagetool=settings.languagetool, checker=checker
    )
    app.extensions["tonecheck.profiles"] = Profiles(settings.profiles)
    register_error_handlers(app)
    for blueprint in (api.bp, ltcompat.bp, health.bp, pages.bp):
        app.register_blueprint(blueprint)
    app.after_request(_headers)
    wsgi: Any = PathKey(app.wsgi_app)
    if settings.access_log:
        wsgi = AccessLog(wsgi)
    app.wsgi_app = wsgi  # type: ignore[method-assign]
    return app


def _headers(response: Response) -> Response:
    headers = response.headers
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    return response
