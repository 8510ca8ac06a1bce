"""The OpenAPI 3.1 document served at ``/v1/openapi.json`` (schemas are JSON Schema 2020-12)."""

from __future__ import annotations

from functools import cache
from typing import Any

from tonecheck import __version__, platforms
from tonecheck.model import MEDIA_KINDS, Category, Severity

__all__ = ["openapi_document"]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _errors(*statuses: int) -> dict[str, Any]:
    text = {
        400: "Malformed JSON, a missing or invalid field, an unknown platform, profile or rule.",
        401: "An API key is required.",
        403: "The API key is not valid, or the server answers only loopback clients.",
        404: "No such rule or profile.",
        413: "The body or the text is too large.",
        415: "Wrong content type.",
    }
    return {str(s): _json(_ref("Error"), text[s]) for s in statuses}


_STRINGS = {"type": "array", "items": {"type": "string"}}
_NULLABLE_INT = {"type": ["integer", "null"]}

_SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {
                    "code": {"type": "string", "examples": ["unknown_platform"]},
                    "message": {"type": "string"},
                    "valid": {**_STRINGS, "description": "The valid names, when a name was unknown."},
                },
            }
        },
    },
    "CheckRequest": {
        "type": "object",
        "required": ["text"],
        "additionalProperties": False,
        "properties": {
            "text": {"type": "string", "description": "The draft."},
            "platform": {"type": ["string", "null"], "description": "Platform id or alias (GET /v1/platforms)."},
            "profile": {"type": ["string", "null"], "description": "Voice profile name (default: the API key's)."},
            "language": {"type": ["string", "null"], "examples": ["en", "en-GB"]},
            "content_warning": {"type": ["string", "null"], "description": "Content warning (counted on Mastodon)."},
            "media": {"type": ["array", "null"], "maxItems": 20, "items": _ref("MediaItem")},
            "rules": {
                "description": "A list of rule ids or categories to run instead of the default set, or "
                "{select, ignore}.",
                "oneOf": [
                    _STRINGS,
                    {"type": "object", "additionalProperties": False,
                     "properties": {"select": {"type": ["array", "null"], "items": {"type": "string"}},
                                    "ignore": _STRINGS}},
                    {"type": "null"},
                ],
            },
        },
    },
    "MediaItem": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "kind": {"enum": [*MEDIA_KINDS, None]},
            "alt": {"type": ["string", "null"], "description": "Alt text; null means never set."},
            "data": {"type": ["string", "null"], "contentEncoding": "base64", "description": "The file, base64."},
            "captions": {"type": ["boolean", "null"]},
        },
    },
    "Suggestion": {
        "type": "object",
        "required": ["replacement", "label", "safe"],
        "properties": {"replacement": {"type": "string"}, "label": {"type": "string"}, "safe": {"type": "boolean"}},
    },
    "Finding": {
        "type": "object",
        "required": ["rule", "category", "severity", "message", "target", "start", "end", "offset", "length",
                     "line", "column", "suggestions", "help", "message_id"],
        "properties": {
            "rule": {"type": "string", "examples": ["hashtag-camel-case", "languagetool/EN_A_VS_AN"]},
            "category": {"enum": [c.value for c in Category]},
            "severity": {"enum": [s.value for s in Severity]},
            "message": {"type": "string"},
            "target": {"type": "string", "description": "'text', or 'media:<i>' for the alt text of media item i."},
            "start": {"type": "integer", "minimum": 0, "description": "Start, in code points."},
            "end": {"type": "integer", "minimum": 0, "description": "End, in code points."},
            "offset": {"type": "integer", "minimum": 0, "description": "Start, in UTF-16 code units."},
            "length": {"type": "integer", "minimum": 0, "description": "Length, in UTF-16 code units."},
            "line": {"type": "integer", "minimum": 1},
            "column": {"type": "integer", "minimum": 1},
            "suggestions": {"type": "array", "items": _ref("Suggestion")},
            "help": {"type": "string"},
            "message_id": {"type": "string"},
        },
    },
    "Report": {
        "type": "object",
        "required": ["schema", "platform", "findings", "scores", "metrics", "skipped"],
        "properties": {
            "schema": {"const": 1},
            "platform": {"type": ["string", "null"]},
            "profile": {"type": ["string", "null"]},
            "findings": {"type": "array", "items": _ref("Finding")},
            "scores": {"type": "object", "required": ["overall"], "additionalProperties": {"type": "integer"}},
            "metrics": {"type": "object"},
            "skipped": {
                "type": "array",
                "items": {"type": "object", "required": ["check", "reason"],
                          "properties": {"check": {"type": "string"}, "reason": {"type": "string"}}},
            },
        },
    },
    "RuleSummary": {
        "type": "object",
        "required": ["id", "category", "severity", "summary", "fix", "status", "tags", "enabled", "url", "html_url"],
        "properties": {
            "id": {"type": "string"},
            "category": {"enum": [c.value for c in Category]},
            "severity": {"enum": [s.value for s in Severity]},
            "summary": {"type": "string"},
            "fix": {"type": "string"},
            "status": {"type": "string"},
            "tags": _STRINGS,
            "enabled": {"type": "boolean", "description": "Whether this server runs it by default."},
            "url": {"type": "string"},
            "html_url": {"type": "string", "description": "The documentation as a page (\"Why?\" links)."},
        },
    },
    "Rule": {
        "allOf": [
            _ref("RuleSummary"),
            {
                "type": "object",
                "required": ["help", "sections", "markdown", "references", "options"],
                "properties": {
                    "help": {"type": "string"},
                    "sections": {"type": "object", "additionalProperties": {"type": "string"}},
                    "markdown": {"type": "string"},
                    "references": _STRINGS,
                    "options": {"type": "object"},
                },
            },
        ]
    },
    "Platform": {
        "type": "object",
        "required": ["id", "name", "counting", "max_length"],
        "properties": {
            "id": {"type": "string"}, "name": {"type": "string"}, "counting": {"type": "string"},
            "unit": {"type": "string"}, "max_length": _NULLABLE_INT, "max_bytes": _NULLABLE_INT,
            "url_length": {"type": "integer"}, "max_hashtags": _NULLABLE_INT, "max_links": _NULLABLE_INT,
            "max_mentions": _NULLABLE_INT, "max_media": _NULLABLE_INT, "alt_text_max": _NULLABLE_INT,
            "links_clickable": {"type": "boolean"}, "content_warning": {"type": "string"},
        },
    },
    "ProfileSummary": {
        "type": "object",
        "required": ["id", "name", "summary"],
        "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "summary": {"type": "string"},
                       "error": {"type": "string", "description": "Why the profile file cannot be used."}},
    },
    "Health": {
        "type": "object",
        "required": ["status", "version", "languagetool"],
        "properties": {
            "status": {"const": "ok"},
            "version": {"type": "string"},
            "languagetool": {
                "type": "object",
                "required": ["status"],
                "properties": {"status": {"enum": ["off", "ok", "unavailable"]}, "mode": {"enum": ["server", "local"]}},
            },
            "profiles": {"type": "boolean", "description": "Whether voice profiles are available."},
        },
    },
    "LTLanguage": {
        "type": "object",
        "required": ["name", "code", "longCode"],
        "properties": {"name": {"type": "string"}, "code": {"type": "string"}, "longCode": {"type": "string"}},
    },
    "LTMatch": {
        "type": "object",
        "required": ["message", "shortMessage", "replacements", "offset", "length", "context", "sentence", "type",
                     "rule", "ignoreForIncompleteSentence", "contextForSureMatch"],
        "properties": {
            "message": {"type": "string"},
            "shortMessage": {"type": "string"},
            "replacements": {"type": "array", "items": {"type": "object", "required": ["value"],
                                                         "properties": {"value": {"type": "string"}}}},
            "offset": {"type": "integer", "minimum": 0, "description": "UTF-16 code units, markup included."},
            "length": {"type": "integer", "minimum": 0},
            "context": {"type": "object", "required": ["text", "offset", "length"],
                        "properties": {"text": {"type": "string"}, "offset": {"type": "integer"},
                                       "length": {"type": "integer"}}},
            "sentence": {"type": "string"},
            "type": {"type": "object", "required": ["typeName"],
                     "properties": {"typeName": {"enum": ["UnknownWord", "Hint", "Other"]}}},
            "rule": {
                "type": "object",
                "required": ["id", "description", "issueType", "category"],
                "properties": {
                    "id": {"type": "string"}, "description": {"type": "string"}, "issueType": {"type": "string"},
                    "urls": {"type": "array", "items": {"type": "object", "properties": {"value": {"type": "string"}}}},
                    "category": {"type": "object", "required": ["id", "name"],
                                 "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
                },
            },
            "ignoreForIncompleteSentence": {"type": "boolean"},
            "contextForSureMatch": {"type": "integer"},
        },
    },
    "LTCheckResponse": {
        "type": "object",
        "required": ["software", "warnings", "language", "matches"],
        "properties": {
            "software": {"type": "object", "required": ["name", "version", "apiVersion"],
                         "properties": {"name": {"type": "string"}, "version": {"type": "string"},
                                        "apiVersion": {"type": "integer"}}},
            "warnings": {"type": "object", "required": ["incompleteResults"],
                         "properties": {"incompleteResults": {"type": "boolean"},
                                        "incompleteResultsReason": {"type": "string"}}},
            "language": {"type": "object", "required": ["name", "code", "detectedLanguage"],
                         "properties": {"name": {"type": "string"}, "code": {"type": "string"},
                                        "detectedLanguage": {"type": "object"}}},
            "matches": {"type": "array", "items": _ref("LTMatch")},
        },
    },
}

_LT_FORM = {
    "type": "object",
    "required": ["language"],
    "properties": {
        "text": {"type": "string"},
        "data": {"type": "string", "description": "Annotated text: {\"annotation\": [{\"text\"} | {\"markup\", "
                 "\"interpretAs\"}]} or {\"text\"}."},
        "language": {"type": "string", "examples": ["en-US", "auto"]},
        "enabledRules": {"type": "string"}, "disabledRules": {"type": "string"},
        "enabledCategories": {"type": "string"}, "disabledCategories": {"type": "string"},
        "enabledOnly": {"type": "string", "enum": ["true", "false"]},
        "level": {"type": "string", "enum": ["default", "picky"]},
        "mode": {"type": "string", "enum": ["all", "textLevelOnly", "allButTextLevelOnly"]},
        "apiKey": {"type": "string"}, "platform": {"type": "string"}, "profile": {"type": "string"},
    },
}


@cache
def openapi_document() -> dict[str, Any]:
    """The OpenAPI 3.1 document of this server."""
    secured: list[dict[str, list[str]]] = [{"bearer": []}, {"header": []}]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "tonecheck",
            "version": __version__,
            "summary": "Check social media drafts before posting: accessibility, platform limits, voice, policy, "
                       "grammar.",
            "description": "API keys are needed when the server has any (always on non-loopback addresses). "
                           "Offsets: `start`/`end` are code points, `offset`/`length` UTF-16 code units. "
                           "Every error is `{\"error\": {\"code\", \"message\"}}`.",
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "servers": [{"url": "/"}],
        "components": {
            "schemas": _SCHEMAS,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "header": {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
            },
        },
        "paths": {
            "/v1/check": {"post": {
                "operationId": "check",
                "summary": "Check a draft",
                "security": secured,
                "requestBody": {"required": True, "content": {"application/json": {"schema": _ref("CheckRequest")}}},
                "responses": {"200": _json(_ref("Report"), "The report."), **_errors(400, 401, 403, 413, 415)},
            }},
            "/v1/rules": {"get": {
                "operationId": "listRules", "summary": "List the rules",
                "responses": {"200": _json({"type": "object", "required": ["rules"],
                                            "properties": {"rules": {"type": "array", "items": _ref("RuleSummary")}}},
                                           "The rules.")},
            }},
            "/v1/rules/{id}": {"get": {
                "operationId": "getRule", "summary": "A rule's documentation",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": _json(_ref("Rule"), "The rule."), **_errors(404)},
            }},
            "/v1/platforms": {"get": {
                "operationId": "listPlatforms", "summary": "List the platforms and their limits",
                "responses": {"200": _json({"type": "object", "required": ["platforms"],
                                            "properties": {"platforms": {"type": "array", "items": _ref("Platform"),
                                                                         "minItems": len(platforms.names())}}},
                                           "The platforms.")},
            }},
            "/v1/profiles": {"get": {
                "operationId": "listProfiles", "summary": "List the voice profiles", "security": secured,
                "responses": {"200": _json({"type": "object", "required": ["profiles", "default"],
                                            "properties": {"profiles": {"type": "array",
                                                                        "items": _ref("ProfileSummary")},
                                                           "default": {"type": ["string", "null"]}}},
                                           "The profiles, and the API key's default."), **_errors(401, 403)},
            }},
            "/v1/profiles/{name}": {"get": {
                "operationId": "getProfile", "summary": "A voice profile", "security": secured,
                "parameters": [{"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": _json({"type": "object"}, "The profile (Profile.to_dict())."),
                              **_errors(401, 403, 404)},
            }},
            "/v1/openapi.json": {"get": {
                "operationId": "openapi", "summary": "This document",
                "responses": {"200": _json({"type": "object"}, "The OpenAPI document.")},
            }},
            "/health": {"get": {
                "operationId": "health", "summary": "Version and LanguageTool status",
                "responses": {"200": _json(_ref("Health"), "The worker is up.")},
            }},
            "/v2/languages": {"get": {
                "operationId": "ltLanguages", "summary": "LanguageTool-compatible: languages",
                "responses": {"200": _json({"type": "array", "items": _ref("LTLanguage")}, "The languages.")},
            }},
            "/v2/check": {"post": {
                "operationId": "ltCheck", "summary": "LanguageTool-compatible: check a text",
                "security": [*secured, {}],
                "requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {
                    "schema": _LT_FORM}}},
                "responses": {"200": _json(_ref("LTCheckResponse"), "LanguageTool's JSON shape, UTF-16 offsets."),
                              **_errors(400, 401, 403, 413, 415)},
            }},
        },
    }
