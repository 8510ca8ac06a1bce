"""API keys, loopback-only service, keys files and the profile a key selects."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from tonecheck_server.auth import is_loopback
from tonecheck_server.keys import KeyRing, KeysError
from tonecheck_server.serve import is_loopback_host

from tests.server.conftest import KEY, OTHER_KEY

PROTECTED = [("POST", "/v1/check"), ("GET", "/v1/profiles"), ("GET", "/v1/profiles/council"), ("POST", "/v2/check")]
OPEN = ["/health", "/", "/v1/rules", "/v1/rules/all-caps", "/rules/all-caps", "/v1/platforms", "/v1/openapi.json",
        "/v2/languages"]


def _call(client: FlaskClient, method: str, path: str, **kwargs: object):  # type: ignore[no-untyped-def]
    if path == "/v1/check":
        kwargs.setdefault("json", {"text": "hi"})
    if path == "/v2/check":
        kwargs.setdefault("data", {"text": "hi", "language": "en-US", **kwargs.pop("form", {})})  # type: ignore[dict-item]
    return client.open(path, method=method, **kwargs)  # type: ignore[arg-type]


class TestKeys:
    @pytest.mark.parametrize(("method", "path"), PROTECTED)
    def test_missing_key_is_401(self, keyed_client: FlaskClient, method: str, path: str) -> None:
        response = _call(keyed_client, method, path)
        assert response.status_code == 401
        assert response.get_json()["error"]["code"] == "api_key_required"
        assert response.headers["WWW-Authenticate"].startswith("Bearer")

    @pytest.mark.parametrize(("method", "path"), PROTECTED)
    def test_wrong_key_is_403(self, keyed_client: FlaskClient, method: str, path: str) -> None:
        response = _call(keyed_client, method, path, headers={"Authorization": "Bearer wrong-key-0123456789"})
        assert response.status_code == 403
        assert response.get_json()["error"]["code"] == "api_key_invalid"

    @pytest.mark.parametrize("path", OPEN)
    def test_documentation_and_health_are_open(self, keyed_client: FlaskClient, path: str) -> None:
        with keyed_client.get(path) as response:
            assert response.status_code == 200

    @pytest.mark.parametrize("headers", [{"Authorization": f"Bearer {KEY}"}, {"authorization": f"bearer {KEY}"},
                                         {"X-Api-Key": KEY}])
    def test_key_in_headers(self, keyed_client: FlaskClient, headers: dict[str, str]) -> None:
        assert _call(keyed_client, "POST", "/v1/check", headers=headers).status_code == 200

    def test_key_in_the_path_for_languagetool_clients(self, keyed_client: FlaskClient) -> None:
        response = keyed_client.post(f"/k/{KEY}/v2/check", data={"text": "hi", "language": "en-US"})
        assert response.status_code == 200
        assert keyed_client.get(f"/k/{KEY}/v2/languages").status_code == 200
        assert keyed_client.post("/k/not-the-key-0123456789/v2/check",
                                 data={"text": "hi", "language": "en"}).status_code == 403

    def test_key_as_languagetool_api_key_field(self, keyed_client: FlaskClient) -> None:
        assert _call(keyed_client, "POST", "/v2/check", form={"apiKey": KEY}).status_code == 200
        # Only the LanguageTool endpoint reads it from the form.
        assert keyed_client.post("/v1/check", json={"text": "hi", "apiKey": KEY}).status_code == 401

    def test_second_key_works(self, keyed_client: FlaskClient) -> None:
        assert _call(keyed_client, "POST", "/v1/check", headers={"X-Api-Key": OTHER_KEY}).status_code != 401


class TestLoopbackOnly:
    def test_without_keys_other_machines_are_refused(self, client: FlaskClient) -> None:
        remote = {"REMOTE_ADDR": "203.0.113.7"}
        for method, path in PROTECTED:
            response = _call(client, method, path, environ_base=remote)
            assert response.status_code == 403
            assert response.get_json()["error"]["code"] == "loopback_only"
        assert client.get("/health", environ_base=remote).status_code == 200

    @pytest.mark.parametrize("address", ["127.0.0.1", "127.8.9.1", "::1", "::ffff:127.0.0.1"])
    def test_loopback_clients_are_answered(self, client: FlaskClient, address: str) -> None:
        assert _call(client, "POST", "/v1/check", environ_base={"REMOTE_ADDR": address}).status_code == 200

    def test_with_keys_other_machines_need_one(self, keyed_client: FlaskClient) -> None:
        remote = {"REMOTE_ADDR": "203.0.113.7"}
        assert _call(keyed_client, "POST", "/v1/check", environ_base=remote).status_code == 401
        assert _call(keyed_client, "POST", "/v1/check", environ_base=remote,
                     headers={"X-Api-Key": KEY}).status_code == 200

    @pytest.mark.parametrize(("address", "expected"), [("127.0.0.1", True), ("::1", True), ("10.0.0.1", False),
                                                       ("0.0.0.0", False), ("", False), ("nonsense", False)])
    def test_is_loopback(self, address: str, expected: bool) -> None:
        assert is_loopback(address) is expected

    @pytest.mark.parametrize(("host", "expected"), [("127.0.0.1", True), ("localhost", True), ("[::1]", True),
                                                    ("0.0.0.0", False), ("::", False), ("192.0.2.1", False)])
    def test_is_loopback_host(self, host: str, expected: bool) -> None:
        assert is_loopback_host(host) is expected


class TestKeyRing:
    def test_file_with_profiles_and_comments(self, tmp_path: Path) -> None:
        keys = tmp_path / "keys"
        keys.write_text(f"# team keys\n{KEY}  council\n\n{OTHER_KEY} # no profile\n", encoding="utf-8")
        ring = KeyRing(keys)
        assert ring
        first, second = ring.match(KEY), ring.match(OTHER_KEY)
        assert first is not None and first.profile == "council"
        assert second is not None and second.profile is None
        assert ring.match("x" * 30) is None and ring.match("") is None and ring.match(None) is None
        assert KEY not in repr(first)

    def test_environment_format(self) -> None:
        ring = KeyRing(None, f"{KEY}:bank, {OTHER_KEY}")
        found = ring.match(KEY)
        assert found is not None and found.profile == "bank"
        assert ring.match(OTHER_KEY) is not None
        assert not KeyRing(None, "")

    @pytest.mark.parametrize("content", ["short", f"{KEY} council extra", "ab\u0007" * 8])
    def test_bad_keys_are_refused(self, tmp_path: Path, content: str) -> None:
        keys = tmp_path / "keys"
        keys.write_text(content + "\n", encoding="utf-8")
        with pytest.raises(KeysError, match="line 1"):
            KeyRing(keys)

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(KeysError, match="cannot read"):
            KeyRing(tmp_path / "nope")

    def test_file_changes_are_picked_up(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        import tonecheck_server.keys as keys_module

        monkeypatch.setattr(keys_module, "_RECHECK_SECONDS", 0.0)
        keys = tmp_path / "keys"
        keys.write_text(f"{KEY}\n", encoding="utf-8")
        ring = KeyRing(keys)
        assert ring.match(KEY) and not ring.match(OTHER_KEY)
        keys.write_text(f"{OTHER_KEY}\n", encoding="utf-8")
        stat = keys.stat()
        os.utime(keys, (stat.st_atime, stat.st_mtime + 5))
        assert ring.match(OTHER_KEY) and not ring.match(KEY)
        # A broken file keeps the last good keys.
        keys.write_text("short\n", encoding="utf-8")
        os.utime(keys, (stat.st_atime, stat.st_mtime + 10))
        assert ring.match(OTHER_KEY)

    def test_keys_file_in_the_app(self, make_app: Callable[..., Flask], tmp_path: Path) -> None:
        keys = tmp_path / "keys"
        keys.write_text(f"{KEY}\n", encoding="utf-8")
        client = make_app(api_keys_file=keys).test_client()
        assert client.post("/v1/check", json={"text": "hi"}).status_code == 401
        assert client.post("/v1/check", json={"text": "hi"}, headers={"X-Api-Key": KEY}).status_code == 200
