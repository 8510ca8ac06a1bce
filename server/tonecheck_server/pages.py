"""Pages for people: the playground at ``/`` and each rule's documentation at ``/rules/<id>``."""

from __future__ import annotations

import html
from importlib import resources

from flask import Blueprint, Response

from tonecheck import docs
from tonecheck_server import context
from tonecheck_server.errors import ApiError
from tonecheck_server.markdown import render

__all__ = ["CSP", "bp"]

bp = Blueprint("pages", __name__)

#: Content Security Policy of the HTML pages: only this server's own files, no inline script.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def _html(body: str) -> Response:
    response = Response(body, mimetype="text/html")
    response.headers["Content-Security-Policy"] = CSP
    return response


@bp.get("/")
def playground() -> Response:
    """The playground: paste a draft, pick platform and profile, see the hints in place."""
    page = resources.files("tonecheck_server").joinpath("static", "playground.html").read_text(encoding="utf-8")
    return _html(page)


@bp.get("/rules/<path:rule_id>")
def rule_page(rule_id: str) -> Response:
    """A rule's documentation as a page (the target of "Why?" links)."""
    library = context.library()
    base = rule_id.split("/", 1)[0]
    if base not in library.registry:
        raise ApiError(404, "unknown_rule", f"unknown rule {rule_id!r} (GET /v1/rules lists them)")
    rule = library.registry.get(base)
    title = html.escape(f"{rule.id} — tonecheck")
    body = render(docs.explain(rule))
    return _html(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{title}</title><link rel=\"icon\" href=\"data:,\">"
        "<link rel=\"stylesheet\" href=\"/static/playground.css\"></head>"
        f"<body><main class=\"doc\">{body}<p><a href=\"/\">Try a draft in the playground</a></p></main></body></html>"
    )
