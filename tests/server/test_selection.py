"""The server's rule selection is the library's RuleSelection; its 400s carry the library's hints."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tonecheck import Checker, Config

DRAFT = "THIS WEEKEND ONLY AT ALL OUR STORES 🎉 🌱 🍕 🚀 come along #socialmediatips"


def _rules(client: FlaskClient, **body: Any) -> set[str]:
    response = client.post("/v1/check", json={"text": DRAFT, **body})
    assert response.status_code == 200, response.get_json()
    return {f["rule"] for f in response.get_json()["findings"]}


def _error(client: FlaskClient, body: dict[str, Any], code: str) -> str:
    response = client.post("/v1/check", json=body)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == code
    return str(error["message"])


def test_select_a_category_and_ignore_a_rule(client: FlaskClient) -> None:
    assert _rules(client, rules={"select": ["accessibility"]}) == {
        "all-caps", "emoji-count", "emoji-repeat", "hashtag-camel-case"
    }
    assert "emoji-count" not in _rules(client, rules={"select": ["accessibility"], "ignore": ["emoji-count"]})
    assert _rules(client, rules={"select": ["all-caps"], "ignore": ["accessibility"]}) == {"all-caps"}
    assert _rules(client, rules={"ignore": ["accessibility"]}) == set()


def test_the_servers_configuration_is_the_base(make_app: Callable[..., Flask]) -> None:
    config = Config.from_mapping({"disable": ["accessibility"], "enable": ["emoji-count"]})
    client = make_app(checker=Checker(config)).test_client()
    assert _rules(client) == {"emoji-count"}
    # A request's select replaces the configured choice, as --select does on the command line.
    assert _rules(client, rules=["all-caps"]) == {"all-caps"}
    assert _rules(client, rules={"ignore": ["emoji-count"]}) == set()


def test_v2_disabled_and_enabled_rules(client: FlaskClient) -> None:
    body = client.post("/v2/check", data={"text": DRAFT, "language": "en-US", "disabledRules": "emoji-count"})
    assert "emoji-count" not in {m["rule"]["id"] for m in body.get_json()["matches"]}


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        (["hashtag-camelcase"], "rules.select: unknown rule or category 'hashtag-camelcase'. Did you mean "
                                "'hashtag-camel-case'"),
        ({"select": ["acessibility"]}, "rules.select: unknown rule or category 'acessibility'. Did you mean "
                                       "'accessibility'?"),
        ({"ignore": ["emoji-cuont"]}, "rules.ignore: unknown rule or category 'emoji-cuont'. Did you mean "
                                      "'emoji-count'"),
        (["zzzz"], "unknown rule or category 'zzzz'. GET /v1/rules lists the rules."),
    ],
)
def test_unknown_rules_carry_the_hint(client: FlaskClient, rules: Any, message: str) -> None:
    assert message in _error(client, {"text": "hi", "rules": rules}, "unknown_rule")


def test_unknown_platform_carries_the_hint(client: FlaskClient) -> None:
    message = _error(client, {"text": "hi", "platform": "mastodn"}, "unknown_platform")
    assert message.startswith("unknown platform 'mastodn'. Did you mean 'mastodon'?")
    response = client.post("/v2/check", data={"text": "hi", "language": "en-US", "platform": "blusky"})
    assert response.status_code == 400 and "Did you mean 'bluesky'" in response.get_json()["error"]["message"]


def test_sub_rule_ids_name_their_rule(client: FlaskClient) -> None:
    # languagetool/EN_A_VS_AN is accepted and means the languagetool rule (no server here: no findings).
    assert _rules(client, rules=["languagetool/EN_A_VS_AN"]) == set()
