"""A LanguageTool-compatible API: ``GET /v2/languages`` and ``GET|POST /v2/check``.

Clients that speak LanguageTool's HTTP API v2 — LanguageTool's browser add-on ("Other server"),
LTeX (``ltex.languageToolHttpServerUri``), the Obsidian LanguageTool plugin, language_tool_python
(``remote_server=``) — get tonecheck's findings as LanguageTool matches (see
:mod:`tonecheck_server.ltmatches`), together with LanguageTool's own grammar matches when the server
has a LanguageTool server configured.

Parameters of ``/v2/check`` (form fields or query): ``text`` or ``data`` (annotated text),
``language`` (required; ``auto`` means the server's language), ``enabledRules``, ``disabledRules``,
``enabledCategories``, ``disabledCategories``, ``enabledOnly``, ``level`` (``picky`` also runs
preview rules), ``mode`` (``textLevelOnly`` answers no matches, so clients that send the text twice,
once per mode, see each match once), ``apiKey``, and tonecheck's own ``platform`` and ``profile``.
Rule ids are tonecheck's (``hashtag-camel-case``) or LanguageTool's (``EN_A_VS_AN``); category ids
are ``ACCESSIBILITY``, ``BRAND_VOICE``, ``POLICY``, ``PLATFORM`` or LanguageTool's.

CORS: browser add-ons and Obsidian call these endpoints from their own origins
(``chrome-extension://``, ``moz-extension://``, ``safari-web-extension://``, ``app://obsidian.md``) and
any origin listed in ``TONECHECK_CORS_ORIGINS``; only those get ``Access-Control-Allow-Origin``.
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Mapping
from typing import Any

from flask import Blueprint, Response, request

from tonecheck import InputError, __version__
from tonecheck.model import Category
from tonecheck_server import context
from tonecheck_server.api import json_response, resolve_platform, resolve_profile
from tonecheck_server.auth import require_access
from tonecheck_server.checking import Library, UnknownNameError
from tonecheck_server.errors import ApiError
from tonecheck_server.ltmatches import CATEGORY_IDS, AnnotatedText, category_id, lt_rule_id, matches

__all__ = ["LANGUAGES", "bp"]

bp = Blueprint("v2", __name__, url_prefix="/v2")

#: The languages tonecheck's rules are written for (LanguageTool's names and codes).
LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (Australian)", "code": "en", "longCode": "en-AU"},
    {"name": "English (Canadian)", "code": "en", "longCode": "en-CA"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (New Zealand)", "code": "en", "longCode": "en-NZ"},
    {"name": "English (South African)", "code": "en", "longCode": "en-ZA"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
]
_NAMES = {entry["longCode"].lower(): entry["name"] for entry in LANGUAGES}
_MODES = ("all", "textLevelOnly", "allButTextLevelOnly")
# Grammar findings carry LanguageTool's own categories (its GRAMMAR, TYPOS, …), so "GRAMMAR" is not ours.
_CATEGORY_BY_ID = {lt_id: cat for cat, (lt_id, _) in CATEGORY_IDS.items() if cat is not Category.GRAMMAR}
_OUR_CATEGORIES = frozenset(c.value for c in Category)
_CORS_SCHEMES = ("chrome-extension://", "moz-extension://", "safari-web-extension://")
_CORS_APPS = frozenset({"app://obsidian.md"})
_LT_LANGUAGES_TTL = 600.0


# -- CORS -------------------------------------------------------------------------------------


@bp.after_request
def _cors(response: Response) -> Response:
    origin = request.headers.get("Origin")
    if not origin or not _origin_allowed(origin):
        return response
    response.headers["Access-Control-Allow-Origin"] = origin
    response.vary.add("Origin")
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type, Authorization, X-Api-Key"
        response.headers["Access-Control-Max-Age"] = "600"
    return response


def _origin_allowed(origin: str) -> bool:
    extra = context.settings().cors_origins
    return origin.startswith(_CORS_SCHEMES) or origin in _CORS_APPS or origin in extra or "*" in extra


# -- GET /v2/languages ------------------------------------------------------------------------


@bp.get("/languages")
def languages() -> Response:
    """The languages this server checks: English, plus LanguageTool's when one is configured."""
    return json_response(_language_list())


_lt_cache: dict[str, tuple[float, list[dict[str, str]]]] = {}
_lt_lock = threading.Lock()


def _language_list() -> list[dict[str, str]]:
    client = context.library().checker.languagetool
    if client is None or client.url is None:
        return LANGUAGES
    now = time.monotonic()
    with _lt_lock:
        cached = _lt_cache.get(client.url)
    if cached is None or now - cached[0] > _LT_LANGUAGES_TTL:
        cached = (now, _fetch_lt_languages(client.url, client.timeout))
        with _lt_lock:
            _lt_cache[client.url] = cached
    merged = {e["longCode"]: e for e in (*LANGUAGES, *cached[1])}
    return sorted(merged.values(), key=lambda e: (e["name"], e["longCode"]))


def _fetch_lt_languages(url: str, timeout: float) -> list[dict[str, str]]:
    import requests

    try:
        answer = requests.get(urllib.parse.urljoin(url, "v2/languages"), timeout=timeout)
        answer.raise_for_status()
        entries = answer.json()
    except (requests.RequestException, ValueError):
        return []
    if not isinstance(entries, list):
        return []
    return [
        {"name": str(e["name"]), "code": str(e["code"]), "longCode": str(e["longCode"])}
        for e in entries
        if isinstance(e, dict) and all(isinstance(e.get(k), str) for k in ("name", "code", "longCode"))
    ]


@bp.get("/info")
def info() -> Response:
    """Which software answers (LanguageTool clients show it)."""
    return json_response({"software": _software()})


@bp.get("/maxtextlength")
def max_text_length() -> Response:
    """The longest text this server checks, as a plain number (as LanguageTool answers)."""
    return Response(str(context.settings().max_text), mimetype="text/plain")


# -- /v2/check --------------------------------------------------------------------------------


@bp.route("/check", methods=["GET", "POST"])
def check() -> Response:
    """Check a text and answer in LanguageTool's JSON shape, with UTF-16 offsets."""
    params = _params()
    key = require_access(params)
    language = params.get("language", "").strip()
    if not language:
        raise ApiError(400, "missing_field", "Missing 'language' parameter")
    if ("text" in params) == ("data" in params):
        raise ApiError(400, "missing_field" if "text" not in params else "invalid_field",
                       "Set 'text' or 'data' (annotated text), not both")
    try:
        text = AnnotatedText.from_text(params["text"]) if "text" in params else AnnotatedText.from_data(params["data"])
    except ValueError as exc:
        raise ApiError(400, "invalid_field", f"Invalid 'data' parameter: {exc}") from None
    limit = context.settings().max_text
    if len(text.plain) > limit:
        raise ApiError(413, "text_too_long", f"the text is {len(text.plain):,} characters long; this server accepts "
                                             f"{limit:,}")
    enabled_rules = _list(params, "enabledRules")
    disabled_rules = _list(params, "disabledRules")
    enabled_categories = {_category(c) for c in _list(params, "enabledCategories")}
    disabled_categories = {_category(c) for c in _list(params, "disabledCategories")}
    enabled_only = params.get("enabledOnly", "false").strip().lower() == "true"
    if enabled_only and (disabled_rules or disabled_categories):
        raise ApiError(400, "invalid_field", "enabledOnly cannot be combined with disabledRules or disabledCategories")
    if enabled_only and not (enabled_rules or enabled_categories):
        raise ApiError(400, "invalid_field", "enabledOnly needs enabledRules or enabledCategories")
    level = params.get("level", "default").strip() or "default"
    if level not in ("default", "picky"):
        raise ApiError(400, "invalid_field", "level must be 'default' or 'picky'")
    mode = params.get("mode", "all").strip() or "all"
    if mode not in _MODES:
        raise ApiError(400, "invalid_field", f"mode must be one of: {', '.join(_MODES)}")

    library = context.library()
    code = library.language if language.lower() == "auto" else language
    try:
        library.check_language(code)
    except ValueError:
        raise ApiError(400, "unknown_language", f"'{language}' is not a language code such as 'en-US'") from None
    platform = resolve_platform(params.get("platform") or None)
    profile_name = params.get("profile") or (key.profile if key else None)
    profile = resolve_profile(profile_name)

    found: list[dict[str, Any]] = []
    incomplete = ""
    if mode != "textLevelOnly" and text.plain.strip():
        ours = set(library.registry.ids)
        selection = _selection(library, ours, enabled_rules, disabled_rules, enabled_categories,
                               disabled_categories, enabled_only)
        try:
            checker = library.checker_for(language=code, preview=level == "picky", **selection)
            report = checker.check(text.plain, platform=platform, profile=profile)
        except (InputError, UnknownNameError) as exc:
            raise ApiError(400, "invalid_input", str(exc)) from None
        kept = [
            f for f in report.findings
            if _kept(lt_rule_id(f), category_id(f), enabled_rules, disabled_rules, enabled_categories,
                     disabled_categories, enabled_only)
        ]
        found = matches(kept, text, library.registry, request.host_url + "rules/")
        if checker.languagetool is not None:
            incomplete = next((s.reason for s in report.skipped if s.check == "languagetool"), "")
    name = _NAMES.get(code.lower(), code)
    warnings: dict[str, Any] = {"incompleteResults": bool(incomplete)}
    if incomplete:
        warnings["incompleteResultsReason"] = incomplete
    payload = {
        "software": _software(),
        "warnings": warnings,
        "language": {
            "name": name,
            "code": code,
            "detectedLanguage": {"name": name, "code": code, "confidence": 1.0},
        },
        "matches": found,
    }
    return json_response(payload, private=True)


def _params() -> dict[str, str]:
    """The request's parameters: query and form fields, first value of each."""
    mimetype = request.mimetype
    if request.method == "GET" or mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        values = request.values
        return {k: values.get(k, "") for k in values}
    if mimetype in ("", "text/plain"):
        # Some clients post the form without a content type (LanguageTool's server accepts that).
        try:
            body = request.get_data(cache=False).decode("utf-8")
        except UnicodeDecodeError:
            raise ApiError(400, "bad_request", "the form is not UTF-8 text") from None
        fields = dict(urllib.parse.parse_qsl(body, keep_blank_values=True, max_num_fields=1000))
        return {**{k: request.args.get(k, "") for k in request.args}, **fields}
    raise ApiError(415, "unsupported_media_type",
                   "send the form as application/x-www-form-urlencoded, as LanguageTool clients do")


def _category(name: str) -> str:
    """A LanguageTool category id; tonecheck's category names (``voice``) are accepted too."""
    if name.lower() in _OUR_CATEGORIES and name.lower() != Category.GRAMMAR.value:
        return CATEGORY_IDS[Category(name.lower())][0]
    return name.upper()


def _list(params: Mapping[str, str], key: str) -> set[str]:
    return {v.strip() for v in params.get(key, "").split(",") if v.strip()}


def _selection(
    library: Library,
    ours: set[str],
    enabled_rules: set[str],
    disabled_rules: set[str],
    enabled_categories: set[str],
    disabled_categories: set[str],
    enabled_only: bool,
) -> dict[str, Any]:
    """Which tonecheck rules to run for LanguageTool-style rule and category lists."""
    def categories(ids: set[str]) -> list[str]:
        return [_CATEGORY_BY_ID[c].value for c in ids if c in _CATEGORY_BY_ID]

    ignore = [r for r in disabled_rules if r in ours] + categories(disabled_categories)
    if enabled_only:
        select = [r for r in enabled_rules if r in ours] + categories(enabled_categories)
        # LanguageTool's own rule or category ids need LanguageTool.
        if any(r not in ours for r in enabled_rules) or any(c not in _CATEGORY_BY_ID for c in enabled_categories):
            select.append("languagetool")
        return {"select": select, "ignore": ignore}
    return {"ignore": ignore, "enable": [r for r in enabled_rules if r in ours]}


def _kept(
    rule_id: str,
    category: str,
    enabled_rules: set[str],
    disabled_rules: set[str],
    enabled_categories: set[str],
    disabled_categories: set[str],
    enabled_only: bool,
) -> bool:
    if enabled_only:
        return rule_id in enabled_rules or category in enabled_categories
    return rule_id not in disabled_rules and category not in disabled_categories


def _software() -> dict[str, Any]:
    return {"name": "tonecheck", "version": __version__, "buildDate": "", "apiVersion": 1, "premium": False,
            "status": ""}
