"""The LanguageTool-compatible API (/v2) with Flask's test client."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from tonecheck_server.ltmatches import AnnotatedText

from tonecheck import Checker

DRAFT = "We 💙 our volunteers 🎉 #socialmediatips"


def _u16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _flagged(text: str, match: dict[str, Any]) -> str:
    units = text.encode("utf-16-le")
    return units[2 * match["offset"]:2 * (match["offset"] + match["length"])].decode("utf-16-le")


def _check(client: FlaskClient, **form: str) -> dict[str, Any]:
    response = client.post("/v2/check", data=form)
    assert response.status_code == 200, response.get_data(as_text=True)
    body: dict[str, Any] = response.get_json()
    return body


class TestLanguages:
    def test_english_variants(self, client: FlaskClient) -> None:
        languages = client.get("/v2/languages").get_json()
        assert {"name": "English (US)", "code": "en", "longCode": "en-US"} in languages
        assert [x["name"] for x in languages] == sorted(x["name"] for x in languages)

    def test_with_languagetool_adds_its_languages(self, make_app: Callable[..., Flask], lt_checker: Checker) -> None:
        languages = make_app(checker=lt_checker).test_client().get("/v2/languages").get_json()
        codes = {x["longCode"] for x in languages}
        assert {"en-US", "de-DE", "ca-ES"} <= codes

    def test_info_and_max_text_length(self, make_app: Callable[..., Flask]) -> None:
        client = make_app(max_text=1234).test_client()
        assert client.get("/v2/info").get_json()["software"]["name"] == "tonecheck"
        response = client.get("/v2/maxtextlength")
        assert response.get_data(as_text=True) == "1234" and response.mimetype == "text/plain"


class TestCheck:
    def test_shape_and_utf16_offsets(self, client: FlaskClient) -> None:
        body = _check(client, text=DRAFT, language="en-US")
        assert body["software"]["name"] == "tonecheck" and body["software"]["apiVersion"] == 1
        assert body["warnings"] == {"incompleteResults": False}
        assert body["language"]["code"] == "en-US" and body["language"]["name"] == "English (US)"
        assert body["language"]["detectedLanguage"]["code"] == "en-US"
        match = next(m for m in body["matches"] if m["rule"]["id"] == "hashtag-camel-case")
        assert match["offset"] == _u16(DRAFT[: DRAFT.index("#")])
        assert _flagged(DRAFT, match) == "#socialmediatips"
        assert match["replacements"] == [{"value": "#SocialMediaTips"}]
        assert match["rule"]["category"] == {"id": "ACCESSIBILITY", "name": "Accessibility"}
        assert match["rule"]["issueType"] == "typographical"
        assert match["rule"]["urls"] == [{"value": "http://localhost/rules/hashtag-camel-case"}]
        assert match["type"] == {"typeName": "Other"}
        assert match["ignoreForIncompleteSentence"] is False and match["contextForSureMatch"] == 0
        ctx = match["context"]
        assert _flagged(ctx["text"], ctx) == "#socialmediatips"
        assert match["sentence"] == DRAFT

    def test_suggestion_severity_is_a_hint(self, client: FlaskClient) -> None:
        body = _check(client, text="Our work helps people. #a #b #c #d #e #f", language="en-US")
        counted = next(m for m in body["matches"] if m["rule"]["id"] == "hashtag-count")
        assert counted["type"]["typeName"] in ("Hint", "Other")
        assert all(m["type"]["typeName"] in ("Hint", "Other", "UnknownWord") for m in body["matches"])

    def test_get_with_query(self, client: FlaskClient) -> None:
        response = client.get("/v2/check", query_string={"text": DRAFT, "language": "en-US"})
        assert any(m["rule"]["id"] == "hashtag-camel-case" for m in response.get_json()["matches"])

    def test_form_without_content_type(self, client: FlaskClient) -> None:
        from urllib.parse import urlencode

        response = client.post("/v2/check", data=urlencode({"text": DRAFT, "language": "auto"}), content_type="")
        body = response.get_json()
        assert response.status_code == 200 and body["language"]["code"] == "en"
        assert body["matches"]

    def test_annotated_text_offsets_count_markup(self, client: FlaskClient) -> None:
        annotation = [
            {"markup": "<p>", "interpretAs": "\n\n"},
            {"text": "We 💙 "},
            {"markup": "<b>"},
            {"text": "volunteers"},
            {"markup": "</b>"},
            {"text": " #socialmediatips"},
            {"markup": "</p>"},
        ]
        original = "".join(p.get("text", p.get("markup", "")) for p in annotation)
        body = _check(client, data=json.dumps({"annotation": annotation}), language="en-US")
        match = next(m for m in body["matches"] if m["rule"]["id"] == "hashtag-camel-case")
        assert match["offset"] == _u16(original[: original.index("#")])
        assert _flagged(original, match) == "#socialmediatips"

    def test_data_with_plain_text(self, client: FlaskClient) -> None:
        body = _check(client, data=json.dumps({"text": DRAFT}), language="en-US")
        assert any(m["rule"]["id"] == "hashtag-camel-case" for m in body["matches"])

    def test_disabled_rules_and_categories(self, client: FlaskClient) -> None:
        text = "THIS WEEKEND ONLY AT ALL OUR STORES #socialmediatips"
        rules = {m["rule"]["id"] for m in _check(client, text=text, language="en-US",
                                                  disabledRules="all-caps,WHITESPACE_RULE")["matches"]}
        assert "hashtag-camel-case" in rules and "all-caps" not in rules
        assert _check(client, text=text, language="en-US", disabledCategories="ACCESSIBILITY")["matches"] == []
        assert _check(client, text=text, language="en-US", disabledCategories="accessibility")["matches"] == []

    def test_enabled_only(self, client: FlaskClient) -> None:
        text = "THIS WEEKEND ONLY AT ALL OUR STORES #socialmediatips"
        body = _check(client, text=text, language="en-US", enabledRules="all-caps", enabledOnly="true")
        assert {m["rule"]["id"] for m in body["matches"]} == {"all-caps"}

    def test_text_level_only_mode_answers_nothing(self, client: FlaskClient) -> None:
        # LanguageTool's add-on sends each text twice (textLevelOnly, allButTextLevelOnly): one copy of each match.
        assert _check(client, text=DRAFT, language="en-US", mode="textLevelOnly")["matches"] == []
        assert _check(client, text=DRAFT, language="en-US", mode="allButTextLevelOnly")["matches"]

    def test_platform_and_picky(self, client: FlaskClient) -> None:
        long_post = "word " * 70
        body = _check(client, text=long_post, language="en-US", platform="x", level="picky")
        limit = next(m for m in body["matches"] if m["rule"]["id"] == "length-limit")
        assert limit["rule"]["category"]["id"] == "PLATFORM" and limit["rule"]["issueType"] == "length"

    def test_grammar_matches_from_languagetool(self, make_app: Callable[..., Flask], lt_checker: Checker) -> None:
        client = make_app(checker=lt_checker).test_client()
        text = "🎉 We shipped teh new app. It is a amazing day #launchday"
        body = _check(client, text=text, language="en-US")
        by_rule = {m["rule"]["id"]: m for m in body["matches"]}
        spelling = by_rule["MORFOLOGIK_RULE_EN_US"]
        assert _flagged(text, spelling) == "teh"
        assert spelling["type"]["typeName"] == "UnknownWord"
        assert spelling["rule"]["category"] == {"id": "TYPOS", "name": "Possible Typo"}
        assert spelling["rule"]["issueType"] == "misspelling"
        assert {"value": "the"} in spelling["replacements"]
        article = by_rule["EN_A_VS_AN"]
        assert _flagged(text, article) == "a"
        assert article["message"].startswith("Use")
        # tonecheck's own findings come in the same answer.
        assert "hashtag-camel-case" in by_rule
        # LanguageTool rule ids can be disabled like LanguageTool's own.
        body = _check(client, text=text, language="en-US", disabledRules="EN_A_VS_AN", disabledCategories="TYPOS")
        ids = {m["rule"]["id"] for m in body["matches"]}
        assert "hashtag-camel-case" in ids and not ids & {"EN_A_VS_AN", "MORFOLOGIK_RULE_EN_US"}

    def test_languagetool_down_is_an_incomplete_result(self, make_app: Callable[..., Flask]) -> None:
        from tonecheck import Config

        checker = Checker(Config.from_mapping({"languagetool": {"url": "http://127.0.0.1:9", "timeout": 0.5}}))
        body = _check(make_app(checker=checker).test_client(), text="We shipped teh app #launchday", language="en-US")
        assert body["warnings"]["incompleteResults"] is True
        assert "LanguageTool" in body["warnings"]["incompleteResultsReason"]
        assert body["matches"]  # tonecheck's own findings still come


class TestErrors:
    @pytest.mark.parametrize(("form", "code"), [
        ({"text": "hi"}, "missing_field"),
        ({"language": "en-US"}, "missing_field"),
        ({"language": "en-US", "text": "hi", "data": "{}"}, "invalid_field"),
        ({"language": "en-US", "data": "{"}, "invalid_field"),
        ({"language": "en-US", "data": json.dumps({"annotation": [{"text": "a", "markup": "<b>"}]})}, "invalid_field"),
        ({"language": "en-US", "data": json.dumps({"annotation": [{"bold": "a"}]})}, "invalid_field"),
        ({"language": "en-US", "data": json.dumps({"text": "a", "annotation": []})}, "invalid_field"),
        ({"language": "en-US", "text": "hi", "level": "extreme"}, "invalid_field"),
        ({"language": "en-US", "text": "hi", "mode": "fast"}, "invalid_field"),
        ({"language": "en-US", "text": "hi", "enabledOnly": "true"}, "invalid_field"),
        ({"language": "en-US", "text": "hi", "enabledOnly": "true", "enabledRules": "all-caps",
          "disabledRules": "x"}, "invalid_field"),
        ({"language": "not a language", "text": "hi"}, "unknown_language"),
        ({"language": "en-US", "text": "hi", "platform": "myspace"}, "unknown_platform"),
    ])
    def test_bad_parameters(self, client: FlaskClient, form: dict[str, str], code: str) -> None:
        response = client.post("/v2/check", data=form)
        assert response.status_code == 400
        assert response.get_json()["error"]["code"] == code

    def test_json_body_is_the_wrong_content_type(self, client: FlaskClient) -> None:
        response = client.post("/v2/check", json={"text": "hi", "language": "en-US"})
        assert response.status_code == 415 and response.get_json()["error"]["code"] == "unsupported_media_type"

    def test_text_too_long(self, make_app: Callable[..., Flask]) -> None:
        response = make_app(max_text=10).test_client().post("/v2/check", data={"text": "x" * 11, "language": "en"})
        assert response.status_code == 413 and response.get_json()["error"]["code"] == "text_too_long"


class TestCors:
    @pytest.mark.parametrize("origin", ["chrome-extension://oldceeleldhonbafppcapldpdifcinji",
                                        "moz-extension://1c2d3e4f", "app://obsidian.md"])
    def test_language_tool_clients_get_cors(self, client: FlaskClient, origin: str) -> None:
        preflight = client.options("/v2/check", headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                                                         "Access-Control-Request-Headers": "content-type"})
        assert preflight.status_code == 200
        assert preflight.headers["Access-Control-Allow-Origin"] == origin
        assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
        assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]
        response = client.post("/v2/check", data={"text": "hi", "language": "en-US"}, headers={"Origin": origin})
        assert response.headers["Access-Control-Allow-Origin"] == origin
        assert "Origin" in response.headers["Vary"]
        assert client.get("/v2/languages", headers={"Origin": origin}).headers["Access-Control-Allow-Origin"] == origin

    def test_web_pages_get_no_cors(self, client: FlaskClient) -> None:
        for path in ("/v2/check", "/v1/check"):
            response = client.options(path, headers={"Origin": "https://evil.example",
                                                     "Access-Control-Request-Method": "POST"})
            assert "Access-Control-Allow-Origin" not in response.headers
        response = client.post("/v1/check", json={"text": "hi"}, headers={"Origin": "chrome-extension://abc"})
        assert "Access-Control-Allow-Origin" not in response.headers

    def test_configured_origin(self, make_app: Callable[..., Flask]) -> None:
        client = make_app(cors_origins=("https://intranet.example",)).test_client()
        response = client.get("/v2/languages", headers={"Origin": "https://intranet.example"})
        assert response.headers["Access-Control-Allow-Origin"] == "https://intranet.example"


class TestAnnotatedText:
    def test_positions_inside_a_stand_in_cover_its_markup(self) -> None:
        text = AnnotatedText.from_data(json.dumps({"annotation": [
            {"text": "A "}, {"markup": "<br/>", "interpretAs": "\n"}, {"text": "b"}]}))
        assert text.plain == "A \nb" and text.original == "A <br/>b"
        assert text.to_original(2, end=False) == 2
        assert text.to_original(3, end=True) == 7
        assert text.to_original(3, end=False) == 7
        assert text.to_original(4, end=True) == 8
