"""The OpenAPI 3.1 document: every route is described, and real answers match the schemas."""

from __future__ import annotations

import re
from typing import Any

import jsonschema
import pytest
from flask import Flask
from flask.testing import FlaskClient

DRAFT = "🎉🎉 THIS WEEKEND ONLY #socialmediatips click here"


@pytest.fixture
def document(client: FlaskClient) -> dict[str, Any]:
    response = client.get("/v1/openapi.json")
    assert response.status_code == 200
    body: dict[str, Any] = response.get_json()
    return body


def _validate(document: dict[str, Any], schema: dict[str, Any], instance: Any) -> None:
    root = {**schema, "components": document["components"]}
    jsonschema.Draft202012Validator.check_schema(root)
    jsonschema.Draft202012Validator(root).validate(instance)


def _response_schema(document: dict[str, Any], path: str, method: str, status: str) -> dict[str, Any]:
    schema: dict[str, Any] = document["paths"][path][method]["responses"][status]["content"]["application/json"][
        "schema"]
    return schema


def test_document_basics(document: dict[str, Any]) -> None:
    assert document["openapi"].startswith("3.1")
    assert document["info"]["title"] == "tonecheck"
    assert set(document["components"]["securitySchemes"]) == {"bearer", "header"}


def test_every_api_route_is_described(app: Flask, document: dict[str, Any]) -> None:
    described = {(path, method) for path, item in document["paths"].items() for method in item}
    for rule in app.url_map.iter_rules():
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule).replace("{rule_id}", "{id}")
        if not path.startswith(("/v1/", "/v2/languages", "/v2/check", "/health")):
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:  # type: ignore[operator]
            if path == "/v2/check" and method == "GET":
                continue  # the same as POST, with query parameters (as LanguageTool)
            assert (path, method.lower()) in described, f"{method} {path} is not in the OpenAPI document"


@pytest.mark.parametrize(("path", "method", "request_kwargs"), [
    ("/v1/check", "post", {"json": {"text": DRAFT, "platform": "x"}}),
    ("/v1/rules", "get", {}),
    ("/v1/rules/{id}", "get", {}),
    ("/v1/platforms", "get", {}),
    ("/v1/profiles", "get", {}),
    ("/health", "get", {}),
    ("/v2/languages", "get", {}),
    ("/v2/check", "post", {"data": {"text": DRAFT, "language": "en-US"}}),
])
def test_answers_match_the_schemas(client: FlaskClient, document: dict[str, Any], path: str, method: str,
                                   request_kwargs: dict[str, Any]) -> None:
    url = path.replace("{id}", "hashtag-camel-case")
    response = client.open(url, method=method.upper(), **request_kwargs)
    assert response.status_code == 200
    _validate(document, _response_schema(document, path, method, "200"), response.get_json())


def test_the_request_schema_accepts_what_the_server_accepts(document: dict[str, Any]) -> None:
    request = document["paths"]["/v1/check"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    _validate(document, request, {"text": "hi", "platform": "x", "media": [{"alt": "A cat", "kind": "image"}],
                                  "rules": {"select": ["accessibility"], "ignore": ["all-caps"]}})
    with pytest.raises(jsonschema.ValidationError):
        _validate(document, request, {"platform": "x"})


@pytest.mark.parametrize(("path", "method", "request_kwargs", "status"), [
    ("/v1/check", "post", {"json": {"text": 1}}, "400"),
    ("/v1/check", "post", {"data": "x", "content_type": "text/plain"}, "415"),
    ("/v1/rules/{id}", "get", {}, "404"),
])
def test_errors_match_the_error_schema(client: FlaskClient, document: dict[str, Any], path: str, method: str,
                                       request_kwargs: dict[str, Any], status: str) -> None:
    response = client.open(path.replace("{id}", "nope"), method=method.upper(), **request_kwargs)
    assert str(response.status_code) == status
    _validate(document, _response_schema(document, path, method, status), response.get_json())
