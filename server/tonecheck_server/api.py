"""API v1 (JSON): ``POST /v1/check`` and the rule, platform and profile catalogues.

Views only translate HTTP to the library: they read and validate the request, call
:class:`tonecheck.Checker`, and send :meth:`tonecheck.Report.to_dict` back. The shapes are described by
the OpenAPI document at ``/v1/openapi.json`` (:mod:`tonecheck_server.openapi`).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from typing import Any

from flask import Blueprint, Response, request, url_for

from tonecheck import InputError, Media, docs, platforms
from tonecheck.model import MEDIA_KINDS
from tonecheck_server import context
from tonecheck_server.auth import require_access
from tonecheck_server.checking import UnknownNameError
from tonecheck_server.errors import ApiError
from tonecheck_server.openapi import openapi_document

__all__ = ["MAX_MEDIA", "bp", "json_response", "resolve_profile"]

bp = Blueprint("v1", __name__, url_prefix="/v1")

#: Most media items one request may attach (Instagram and LinkedIn carousels hold 20).
MAX_MEDIA = 20
_FIELDS = ("text", "platform", "profile", "language", "media", "rules", "content_warning")
_MEDIA_FIELDS = ("kind", "alt", "data", "captions")


def json_response(payload: Any, status: int = 200, *, private: bool = False) -> Response:
    """*payload* as JSON (UTF-8, not ASCII-escaped). *private* responses are never cached."""
    response = Response(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), status=status,
                        mimetype="application/json")
    if private:
        response.headers["Cache-Control"] = "no-store"
    return response


# -- POST /v1/check ---------------------------------------------------------------------------


@bp.post("/check")
def check() -> Response:
    """Check one draft and answer with the report."""
    key = require_access()
    body = _json_object()
    unknown = [k for k in body if k not in _FIELDS]
    if unknown:
        raise ApiError(400, "unknown_field", f"unknown field {unknown[0]!r} (fields: {', '.join(_FIELDS)})")
    text = body.get("text")
    if "text" not in body:
        raise ApiError(400, "missing_field", "the field 'text' is required")
    if not isinstance(text, str):
        raise ApiError(400, "invalid_field", "'text' must be a string")
    limit = context.settings().max_text
    if len(text) > limit:
        raise ApiError(413, "text_too_long",
                       f"the draft is {len(text):,} characters long; this server accepts {limit:,}")
    platform = resolve_platform(_optional_str(body, "platform"))
    content_warning = _optional_str(body, "content_warning")
    language = _optional_str(body, "language")
    media = _media(body.get("media"))
    select, ignore = _rules(body.get("rules"))
    profile_name = _optional_str(body, "profile") or (key.profile if key else None)
    profile = resolve_profile(profile_name)
    library = context.library()
    try:
        checker = library.checker_for(language=language, select=select, ignore=ignore)
    except UnknownNameError as exc:
        raise ApiError(400, "unknown_rule", str(exc)) from None
    except ValueError as exc:
        raise ApiError(400, "invalid_field", f"'language': {exc}") from None
    try:
        report = checker.check(text, platform=platform, media=media, profile=profile, content_warning=content_warning)
    except InputError as exc:
        raise ApiError(400, "invalid_input", str(exc)) from None
    payload = report.to_dict()
    payload["profile"] = profile_name if profile is not None else None
    return json_response(payload, private=True)


def resolve_platform(name: str | None) -> str | None:
    """The platform id for *name*; 400 naming the valid ones when it is unknown."""
    if name is None:
        return None
    try:
        return platforms.resolve(name)
    except InputError as exc:  # the library's message, with its did-you-mean hint
        raise ApiError(400, "unknown_platform", str(exc), valid=platforms.names()) from None


def resolve_profile(name: str | None) -> Any:
    """The profile *name* (``None`` for none); 400 naming the valid ones when it is unknown."""
    if name is None:
        return None
    profiles = context.profiles()
    try:
        return profiles.get(name)
    except UnknownNameError as exc:
        raise ApiError(400, "unknown_profile", str(exc), valid=exc.valid) from None
    except ValueError as exc:  # tonecheck.voice.ProfileError: the file is invalid
        raise ApiError(500, "profile_invalid", f"the profile {name!r} cannot be used: {exc}") from None


def _json_object() -> dict[str, Any]:
    mimetype = request.mimetype
    if mimetype != "application/json" and not mimetype.endswith("+json"):
        raise ApiError(415, "unsupported_media_type", "send the request as JSON (Content-Type: application/json)")
    raw = request.get_data(cache=False)
    if not raw:
        raise ApiError(400, "malformed_json", "the request body is empty; send a JSON object")
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        raise ApiError(400, "malformed_json", "the request body is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        # The decoder's message names the position only, never the text.
        raise ApiError(400, "malformed_json", f"the request body is not valid JSON ({exc.msg} at line {exc.lineno}, "
                                              f"column {exc.colno})") from None
    if not isinstance(data, dict):
        raise ApiError(400, "malformed_json", "the request body must be a JSON object")
    return data


def _optional_str(body: Mapping[str, Any], key: str) -> str | None:
    value = body.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ApiError(400, "invalid_field", f"{key!r} must be a string")
    return value


def _media(value: Any) -> tuple[Media, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ApiError(400, "invalid_field", "'media' must be a list of objects")
    if len(value) > MAX_MEDIA:
        raise ApiError(400, "invalid_field", f"at most {MAX_MEDIA} media items per draft")
    items = []
    for i, item in enumerate(value):
        where = f"media[{i}]"
        if not isinstance(item, dict):
            raise ApiError(400, "invalid_field", f"{where} must be an object")
        unknown = [k for k in item if k not in _MEDIA_FIELDS]
        if unknown:
            fields = ", ".join(_MEDIA_FIELDS)
            raise ApiError(400, "unknown_field", f"{where}: unknown field {unknown[0]!r} (fields: {fields})")
        kind, alt, data, captions = (item.get(k) for k in _MEDIA_FIELDS)
        if kind is not None and kind not in MEDIA_KINDS:
            raise ApiError(400, "invalid_field", f"{where}.kind must be one of: {', '.join(MEDIA_KINDS)}")
        if alt is not None and not isinstance(alt, str):
            raise ApiError(400, "invalid_field", f"{where}.alt must be a string or null")
        if captions is not None and not isinstance(captions, bool):
            raise ApiError(400, "invalid_field", f"{where}.captions must be true, false or null")
        content = _base64(data, where) if data is not None else None
        if content is None and kind is None:
            kind = "image"  # alt text without a file: an image, as on the command line
        items.append(Media(data=content, alt=alt, kind=kind, captions=captions))
    return tuple(items)


def _base64(data: Any, where: str) -> bytes:
    if not isinstance(data, str):
        raise ApiError(400, "invalid_field", f"{where}.data must be a base64 string")
    if data.startswith("data:") and ";base64," in data[:200]:
        data = data.split(";base64,", 1)[1]
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise ApiError(400, "invalid_field", f"{where}.data is not valid base64") from None


def _rules(value: Any) -> tuple[list[str] | None, list[str]]:
    if value is None:
        return None, []
    if isinstance(value, list):
        return _names(value, "rules"), []
    if isinstance(value, dict):
        unknown = [k for k in value if k not in ("select", "ignore")]
        if unknown:
            raise ApiError(400, "unknown_field", f"rules: unknown field {unknown[0]!r} (fields: select, ignore)")
        select = _names(value["select"], "rules.select") if value.get("select") is not None else None
        return select, _names(value.get("ignore") or [], "rules.ignore")
    raise ApiError(400, "invalid_field", "'rules' must be a list of rule ids or {\"select\": [...], \"ignore\": [...]}")


def _names(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ApiError(400, "invalid_field", f"{where!r} must be a list of rule ids or categories")
    return value


# -- catalogues -------------------------------------------------------------------------------


@bp.get("/rules")
def rules() -> Response:
    """Every rule, with whether this server runs it by default."""
    library = context.library()
    running = {r.id for r in library.checker.rules}
    return json_response({"rules": [_rule_summary(r, r.id in running) for r in library.registry]})


@bp.get("/rules/<path:rule_id>")
def rule(rule_id: str) -> Response:
    """One rule's documentation (``languagetool/EN_A_VS_AN`` documents ``languagetool``)."""
    library = context.library()
    base = rule_id.split("/", 1)[0]
    if base not in library.registry:
        raise ApiError(404, "unknown_rule", f"unknown rule {rule_id!r} (GET /v1/rules lists them)")
    cls = library.registry.get(base)
    _, sections = docs.parse_docstring(cls.__doc__)
    payload = _rule_summary(cls, cls in library.checker.rules)
    payload |= {
        "help": docs.first_paragraph(sections.get("Why it matters", "")),
        "sections": sections,
        "markdown": docs.explain(cls),
        "references": list(cls.references),
        "options": dict(cls.defaults),
    }
    return json_response(payload)


def _rule_summary(cls: Any, enabled: bool) -> dict[str, Any]:
    return {
        "id": cls.id,
        "category": cls.category.value,
        "severity": cls.severity.value,
        "summary": cls.summary,
        "fix": cls.fix.value,
        "status": cls.status.value,
        "tags": sorted(cls.tags),
        "enabled": enabled,
        "url": url_for("v1.rule", rule_id=cls.id),
        "html_url": url_for("pages.rule_page", rule_id=cls.id),
    }


@bp.get("/platforms")
def platform_list() -> Response:
    """The platforms and their limits."""
    out = []
    for pid in platforms.names():
        p = platforms.get(pid)
        out.append({
            "id": p.id, "name": p.name, "counting": p.counting, "unit": p.unit, "max_length": p.max_length,
            "max_bytes": p.max_bytes, "url_length": p.url_length, "max_hashtags": p.max_hashtags,
            "max_links": p.max_links, "max_mentions": p.max_mentions, "max_media": p.max_media,
            "alt_text_max": p.alt_text_max, "links_clickable": p.links_clickable,
            "content_warning": p.content_warning,
        })
    return json_response({"platforms": out})


@bp.get("/profiles")
def profile_list() -> Response:
    """The voice profiles of the shared directory (read again when files change)."""
    key = require_access()
    profiles = context.profiles()
    out = []
    for name in profiles.names():
        try:
            profile = profiles.get(name)
        except (UnknownNameError, ValueError):
            continue  # removed or broken since names() was read; listed with the errors below
        out.append({"id": profile.id, "name": profile.name, "summary": profile.summary})
    # Files that cannot be used are listed with the reason, so a team sees why its profile is missing.
    out += [{"id": name, "name": name, "summary": "", "error": reason} for name, reason in profiles.errors().items()]
    out.sort(key=lambda p: p["id"])
    return json_response({"profiles": out, "default": key.profile if key else None}, private=True)


@bp.get("/profiles/<name>")
def profile(name: str) -> Response:
    """One profile's description (principles, targets, term counts)."""
    require_access()
    profiles = context.profiles()
    try:
        found = profiles.get(name)
    except UnknownNameError as exc:
        raise ApiError(404, "unknown_profile", str(exc), valid=exc.valid) from None
    except ValueError as exc:
        raise ApiError(500, "profile_invalid", f"the profile {name!r} cannot be used: {exc}") from None
    return json_response(found.to_dict(), private=True)


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 description of this API."""
    return json_response(openapi_document())
