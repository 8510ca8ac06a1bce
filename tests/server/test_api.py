"""API v1 with Flask's test client: every endpoint, and every error as JSON."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from PIL import Image

from tonecheck import platforms

DRAFT = "Big news 🎉🎉 today! #socialmediatips"
MEDIA = Path(__file__).resolve().parents[2] / "samples" / "media"


def _error(response, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]


class TestCheck:
    def test_report_has_both_offset_units(self, client: FlaskClient) -> None:
        response = client.post("/v1/check", json={"text": DRAFT, "platform": "x"})
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "no-store"
        report = response.get_json()
        assert report["schema"] == 1 and report["platform"] == "x"
        hashtag = next(f for f in report["findings"] if f["rule"] == "hashtag-camel-case")
        # Two emoji before the hashtag: code points and UTF-16 units differ by two.
        assert DRAFT[hashtag["start"]:hashtag["end"]] == "#socialmediatips"
        assert hashtag["offset"] == hashtag["start"] + 2 and hashtag["length"] == 16
        assert DRAFT.encode("utf-16-le")[2 * hashtag["offset"]:2 * (hashtag["offset"] + hashtag["length"])].decode(
            "utf-16-le") == "#socialmediatips"
        assert hashtag["suggestions"][0]["replacement"] == "#SocialMediaTips"
        assert "overall" in report["scores"]
        assert report["metrics"]["length_limit"] == 280
        assert report["profile"] is None

    def test_same_report_as_the_library(self, client: FlaskClient) -> None:
        import tonecheck

        expected = tonecheck.check(DRAFT, platform="mastodon").to_dict()
        report = client.post("/v1/check", json={"text": DRAFT, "platform": "mastodon"}).get_json()
        del report["profile"]
        assert report == expected

    def test_platform_alias(self, client: FlaskClient) -> None:
        assert client.post("/v1/check", json={"text": "Hi", "platform": "Twitter"}).get_json()["platform"] == "x"

    def test_content_warning_counts_on_mastodon(self, client: FlaskClient) -> None:
        plain = client.post("/v1/check", json={"text": "Hello", "platform": "mastodon"}).get_json()
        with_cw = client.post("/v1/check", json={"text": "Hello", "platform": "mastodon",
                                                 "content_warning": "Spoilers"}).get_json()
        assert with_cw["metrics"]["length"] == plain["metrics"]["length"] + len("Spoilers")

    def test_rules_list_selects(self, client: FlaskClient) -> None:
        report = client.post("/v1/check", json={"text": "SALE TODAY ONLY #socialmediatips",
                                                "rules": ["hashtag-camel-case"]}).get_json()
        assert {f["rule"] for f in report["findings"]} == {"hashtag-camel-case"}

    def test_rules_select_category_and_ignore(self, client: FlaskClient) -> None:
        text = "THIS WEEKEND ONLY AT ALL OUR STORES #socialmediatips"
        everything = {f["rule"] for f in client.post("/v1/check", json={"text": text}).get_json()["findings"]}
        assert {"all-caps", "hashtag-camel-case"} <= everything
        report = client.post("/v1/check", json={"text": text, "rules": {"select": ["accessibility"],
                                                                         "ignore": ["all-caps"]}}).get_json()
        found = {f["rule"] for f in report["findings"]}
        assert "hashtag-camel-case" in found and "all-caps" not in found

    def test_unknown_rule(self, client: FlaskClient) -> None:
        error = _error(client.post("/v1/check", json={"text": "Hi", "rules": ["no-such-rule"]}), 400, "unknown_rule")
        assert "no-such-rule" in error["message"]

    def test_language_runs_only_matching_rules(self, client: FlaskClient) -> None:
        report = client.post("/v1/check", json={"text": "Wir nutzen dies.", "language": "de"}).get_json()
        assert any("only for en" in s["reason"] for s in report["skipped"])

    def test_media_alt_text_and_data(self, client: FlaskClient) -> None:
        buffer = io.BytesIO()
        Image.new("RGB", (8, 8), "white").save(buffer, format="PNG")
        media = [
            {"alt": "IMG_1234.jpg"},
            {"kind": "image", "data": base64.b64encode(buffer.getvalue()).decode(), "alt": None},
        ]
        report = client.post("/v1/check", json={"text": "Our new shop", "media": media}).get_json()
        rules = {(f["rule"], f["target"]) for f in report["findings"]}
        assert ("alt-text-filename", "media:0") in rules
        assert any(rule == "alt-text-missing" for rule, _ in rules)

    def test_hostile_media_is_a_finding_not_a_failure(self, client: FlaskClient) -> None:
        bogus = base64.b64encode(b"GIF89a" + b"\x00" * 40).decode()
        response = client.post("/v1/check", json={"text": "Hi", "media": [{"kind": "gif", "data": bogus,
                                                                            "alt": "A cat waving"}]})
        assert response.status_code == 200
        assert any(f["rule"] == "media-unreadable" for f in response.get_json()["findings"])

    def test_data_url_media(self, client: FlaskClient) -> None:
        gif = (MEDIA / "strobe-4-per-second.gif").read_bytes()
        data = "data:image/gif;base64," + base64.b64encode(gif).decode()
        report = client.post("/v1/check", json={"text": "Friday!", "media": [{"data": data, "alt": "A strobe"}]})
        assert report.status_code == 200
        assert any(f["rule"] == "flashing" for f in report.get_json()["findings"])


class TestCheckErrors:
    def test_wrong_content_type(self, client: FlaskClient) -> None:
        _error(client.post("/v1/check", data="text=hi", content_type="application/x-www-form-urlencoded"), 415,
               "unsupported_media_type")

    @pytest.mark.parametrize("body", [b"{", b"[1, 2]", b"", b"\xff\xfe{}", b'"text"'])
    def test_malformed_json(self, client: FlaskClient, body: bytes) -> None:
        _error(client.post("/v1/check", data=body, content_type="application/json"), 400, "malformed_json")

    def test_missing_text(self, client: FlaskClient) -> None:
        assert "text" in _error(client.post("/v1/check", json={"platform": "x"}), 400, "missing_field")["message"]

    @pytest.mark.parametrize("body", [
        {"text": 3},
        {"text": "hi", "platform": 1},
        {"text": "hi", "language": "english please"},
        {"text": "hi", "media": "cat.png"},
        {"text": "hi", "media": [{"kind": "sculpture"}]},
        {"text": "hi", "media": [{"alt": 5}]},
        {"text": "hi", "media": [{"data": "not base64!"}]},
        {"text": "hi", "media": [{"captions": "yes"}]},
        {"text": "hi", "media": [{}] * 21},
        {"text": "hi", "rules": "all-caps"},
        {"text": "hi", "rules": {"select": "all-caps"}},
    ])
    def test_invalid_fields(self, client: FlaskClient, body: dict) -> None:  # type: ignore[type-arg]
        _error(client.post("/v1/check", json=body), 400, "invalid_field")

    @pytest.mark.parametrize("body", [{"text": "hi", "colour": "red"}, {"text": "hi", "media": [{"url": "x"}]},
                                      {"text": "hi", "rules": {"only": []}}])
    def test_unknown_fields(self, client: FlaskClient, body: dict) -> None:  # type: ignore[type-arg]
        _error(client.post("/v1/check", json=body), 400, "unknown_field")

    def test_unknown_platform_names_the_valid_ones(self, client: FlaskClient) -> None:
        error = _error(client.post("/v1/check", json={"text": "hi", "platform": "myspace"}), 400, "unknown_platform")
        assert error["valid"] == platforms.names()
        assert "mastodon" in error["message"]

    def test_unknown_profile(self, client: FlaskClient) -> None:
        error = _error(client.post("/v1/check", json={"text": "hi", "profile": "acme"}), 400, "unknown_profile")
        assert "acme" in error["message"]

    def test_text_too_long(self, make_app: Callable[..., Flask]) -> None:
        client = make_app(max_text=100).test_client()
        assert client.post("/v1/check", json={"text": "a" * 100}).status_code == 200
        error = _error(client.post("/v1/check", json={"text": "a" * 101}), 413, "text_too_long")
        assert "100" in error["message"]

    def test_body_too_large(self, make_app: Callable[..., Flask]) -> None:
        client = make_app(max_body=2048).test_client()
        _error(client.post("/v1/check", json={"text": "a" * 4096}), 413, "too_large")

    def test_method_not_allowed(self, client: FlaskClient) -> None:
        response = client.get("/v1/check")
        _error(response, 405, "method_not_allowed")
        assert "POST" in response.headers["Allow"]

    def test_not_found_is_json(self, client: FlaskClient) -> None:
        _error(client.get("/v1/nothing-here"), 404, "not_found")
        _error(client.get("/static/nothing.js"), 404, "not_found")

    def test_internal_error_is_json_without_the_message(self, client: FlaskClient, app: Flask,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        caplog: pytest.LogCaptureFixture) -> None:
        checker = app.extensions["tonecheck.library"].checker

        def broken(text: str, **kwargs: object) -> None:
            raise RuntimeError(f"failed on {text}")

        monkeypatch.setattr(checker, "check", broken)
        error = _error(client.post("/v1/check", json={"text": "secret-draft-words"}), 500, "internal_error")
        assert "secret-draft-words" not in error["message"]
        assert "RuntimeError" in caplog.text and "secret-draft-words" not in caplog.text


class TestCatalogues:
    def test_rules(self, client: FlaskClient) -> None:
        rules = client.get("/v1/rules").get_json()["rules"]
        ids = [r["id"] for r in rules]
        assert "hashtag-camel-case" in ids and "languagetool" in ids
        camel = next(r for r in rules if r["id"] == "hashtag-camel-case")
        assert camel["enabled"] is True and camel["url"] == "/v1/rules/hashtag-camel-case"
        assert camel["html_url"] == "/rules/hashtag-camel-case"

    def test_rule_documentation(self, client: FlaskClient) -> None:
        doc = client.get("/v1/rules/hashtag-camel-case").get_json()
        assert doc["id"] == "hashtag-camel-case"
        assert doc["markdown"].startswith("# hashtag-camel-case")
        assert doc["help"] and doc["references"]
        assert list(doc["sections"])[:2] == ["What it checks", "Why it matters"]

    def test_grammar_sub_rule_documents_the_rule(self, client: FlaskClient) -> None:
        assert client.get("/v1/rules/languagetool/EN_A_VS_AN").get_json()["id"] == "languagetool"

    def test_unknown_rule(self, client: FlaskClient) -> None:
        _error(client.get("/v1/rules/no-such-rule"), 404, "unknown_rule")
        _error(client.get("/rules/no-such-rule"), 404, "unknown_rule")

    def test_rule_page(self, client: FlaskClient) -> None:
        page = client.get("/rules/hashtag-camel-case")
        assert page.status_code == 200 and page.mimetype == "text/html"
        html = page.get_data(as_text=True)
        assert "<h1>hashtag-camel-case</h1>" in html and "<pre><code" in html
        assert "script-src 'self'" in page.headers["Content-Security-Policy"]

    def test_platforms(self, client: FlaskClient) -> None:
        listed = client.get("/v1/platforms").get_json()["platforms"]
        assert [p["id"] for p in listed] == platforms.names()
        x = next(p for p in listed if p["id"] == "x")
        assert x["max_length"] == 280 and x["url_length"] == 23

    def test_profiles_without_a_directory(self, client: FlaskClient) -> None:
        assert client.get("/v1/profiles").get_json() == {"profiles": [], "default": None}
        _error(client.get("/v1/profiles/acme"), 404, "unknown_profile")

    def test_health(self, client: FlaskClient) -> None:
        import tonecheck

        health = client.get("/health").get_json()
        assert health == {"status": "ok", "version": tonecheck.__version__, "languagetool": {"status": "off"},
                          "profiles": False}

    def test_health_with_languagetool(self, make_app: Callable[..., Flask], lt_checker) -> None:  # type: ignore[no-untyped-def]
        health = make_app(checker=lt_checker).test_client().get("/health").get_json()
        assert health["languagetool"] == {"status": "ok", "mode": "server"}

    def test_playground_page(self, client: FlaskClient) -> None:
        page = client.get("/")
        assert page.status_code == 200 and page.mimetype == "text/html"
        assert '<label for="draft"' in page.get_data(as_text=True)
        assert "default-src 'none'" in page.headers["Content-Security-Policy"]
        for name in ("playground.js", "playground.css"):
            with client.get(f"/static/{name}") as response:
                assert response.status_code == 200

    def test_common_headers(self, client: FlaskClient) -> None:
        response = client.get("/v1/rules")
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "Access-Control-Allow-Origin" not in response.headers
