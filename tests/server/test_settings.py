"""Settings from the environment, the Markdown renderer of rule pages, and the access log."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from flask import Flask
from tonecheck_server import Settings, create_app
from tonecheck_server.markdown import render
from tonecheck_server.settings import DEFAULT_MAX_BODY, DEFAULT_MAX_TEXT, SettingsError

from tonecheck import ConfigError


class TestSettings:
    def test_defaults(self) -> None:
        settings = Settings.from_env({})
        assert settings.max_text == DEFAULT_MAX_TEXT and settings.max_body == DEFAULT_MAX_BODY
        assert settings.profiles is None and settings.api_keys == "" and settings.access_log is True

    def test_environment(self, tmp_path: Path) -> None:
        settings = Settings.from_env({
            "TONECHECK_PROFILES": str(tmp_path), "TONECHECK_MAX_TEXT": "1_000", "TONECHECK_MAX_BODY": "4096",
            "TONECHECK_API_KEYS": "k" * 20, "TONECHECK_CORS_ORIGINS": "https://a.example, https://b.example",
            "TONECHECK_ACCESS_LOG": "off",
        })
        assert settings.profiles == tmp_path and settings.max_text == 1000 and settings.max_body == 4096
        assert settings.cors_origins == ("https://a.example", "https://b.example")
        assert settings.access_log is False

    def test_flags_win(self, tmp_path: Path) -> None:
        settings = Settings.from_env({"TONECHECK_MAX_TEXT": "10"}, max_text=20, profiles=None)
        assert settings.max_text == 20

    @pytest.mark.parametrize(("env", "message"), [
        ({"TONECHECK_MAX_TEXT": "lots"}, "TONECHECK_MAX_TEXT must be a whole number"),
        ({"TONECHECK_MAX_BODY": "0"}, "TONECHECK_MAX_BODY must be at least 1"),
        ({"TONECHECK_PROFILES": "/no/such/folder"}, "does not exist"),
    ])
    def test_bad_values(self, env: dict[str, str], message: str) -> None:
        with pytest.raises(SettingsError, match=message):
            Settings.from_env(env)


class TestConfigFile:
    """``TONECHECK_CONFIG`` / ``--config`` goes through the library's Config checks at start-up."""

    @pytest.mark.parametrize(("body", "message"), [
        ("[rules.hashtag-count]\nmax = -5\n", "rules.hashtag-count.max: -5 is below the minimum 1 (allowed 1–30)"),
        ('disable = ["acessibility"]\n', "disable: unknown rule or category 'acessibility'. Did you mean"),
    ])
    def test_a_bad_config_stops_the_server_with_the_message(self, tmp_path: Path, body: str, message: str) -> None:
        config = tmp_path / "tonecheck.toml"
        config.write_text(body, encoding="utf-8")
        with pytest.raises(ConfigError) as caught:
            create_app(Settings(config=config, access_log=False))
        assert str(caught.value) == f"{config}: {message}" or str(caught.value).startswith(f"{config}: {message}")

    def test_the_config_file_chooses_the_rules(self, tmp_path: Path) -> None:
        config = tmp_path / "tonecheck.toml"
        config.write_text('disable = ["accessibility"]\nenable = ["all-caps"]\n', encoding="utf-8")
        client = create_app(Settings(config=config, access_log=False)).test_client()
        enabled = {r["id"] for r in client.get("/v1/rules").get_json()["rules"] if r["enabled"]}
        assert "all-caps" in enabled and "emoji-count" not in enabled and "personal-data" in enabled


class TestMarkdown:
    def test_subset(self) -> None:
        html = render("# Title\n\nSome `code` and *facts* and **bold**.\n\n- one\n- two https://example.org/x\n\n"
                      "```text\n<b>draft</b>\n```\n[link](https://example.org)")
        assert "<h1>Title</h1>" in html
        assert "<code>code</code>" in html and "<em>facts</em>" in html and "<strong>bold</strong>" in html
        assert '<li>two <a href="https://example.org/x" rel="noreferrer">https://example.org/x</a></li>' in html
        assert '<pre><code class="language-text">&lt;b&gt;draft&lt;/b&gt;\n</code></pre>' in html
        assert '<a href="https://example.org" rel="noreferrer">link</a>' in html

    def test_escapes_html_and_unsafe_links(self) -> None:
        html = render('<script>alert(1)</script> [x](javascript:alert(1)) "quoted"')
        assert "<script>" not in html and "&lt;script&gt;" in html
        assert 'href="javascript' not in html


class TestAccessLog:
    def _app(self) -> Flask:
        return create_app(Settings(access_log=True))

    def test_lines_without_query_or_key(self, caplog: pytest.LogCaptureFixture) -> None:
        client = self._app().test_client()
        with caplog.at_level(logging.INFO, logger="tonecheck.access"):
            for path in ("/v2/check?text=secret+words&language=en-US", "/k/abcdefghijklmnop0123/v2/languages",
                         "/some place with spaces"):
                with client.get(path):
                    pass
        lines = [r.getMessage() for r in caplog.records if r.name == "tonecheck.access"]
        assert len(lines) == 3
        assert '"GET /v2/check" 200' in lines[0] and "secret" not in lines[0]
        assert '"GET /k/***/v2/languages" 200' in lines[1] and "abcdefghijklmnop0123" not in lines[1]
        assert "<path withheld>" in lines[2] and "place" not in lines[2]
