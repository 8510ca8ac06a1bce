"""Voice profiles through the server: a shared directory, reloaded without a restart, and key defaults.

These tests run when tonecheck has voice profiles (``tonecheck.voice.ProfileStore``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from tests.server.conftest import KEY, OTHER_KEY

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "profiles"


@pytest.fixture
def profiles_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "profiles"
    folder.mkdir()
    shutil.copy(SAMPLES / "council.toml", folder / "council.toml")
    return folder


def _touch_later(path: Path, seconds: float) -> None:
    stat = path.stat()
    os.utime(path, (stat.st_atime, stat.st_mtime + seconds))


def test_list_and_describe(make_app: Callable[..., Flask], profiles_dir: Path) -> None:
    client = make_app(profiles=profiles_dir).test_client()
    listed = client.get("/v1/profiles").get_json()
    assert [p["id"] for p in listed["profiles"]] == ["council"]
    assert listed["profiles"][0]["name"] and listed["default"] is None
    described = client.get("/v1/profiles/council").get_json()
    assert described["id"] == "council" and described["principles"]
    assert client.get("/health").get_json()["profiles"] is True


def test_unknown_profile_names_the_valid_ones(make_app: Callable[..., Flask], profiles_dir: Path) -> None:
    client = make_app(profiles=profiles_dir).test_client()
    response = client.post("/v1/check", json={"text": "Hello", "profile": "acme"})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "unknown_profile" and error["valid"] == ["council"] and "council" in error["message"]
    assert client.get("/v1/profiles/acme").status_code == 404


def test_check_with_a_profile(make_app: Callable[..., Flask], profiles_dir: Path) -> None:
    client = make_app(profiles=profiles_dir).test_client()
    response = client.post("/v1/check", json={"text": "Please utilise the portal to action your request.",
                                               "profile": "council"})
    assert response.status_code == 200, response.get_data(as_text=True)
    report = response.get_json()
    assert report["profile"] == "council"
    plain = client.post("/v1/check", json={"text": "Please utilise the portal to action your request."}).get_json()
    assert report != plain


def test_changes_are_picked_up_without_a_restart(make_app: Callable[..., Flask], profiles_dir: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    client = make_app(profiles=profiles_dir).test_client()
    store = client.application.extensions["tonecheck.profiles"]._store
    monkeypatch.setattr(store, "_recheck", 0.0, raising=False)
    assert [p["id"] for p in client.get("/v1/profiles").get_json()["profiles"]] == ["council"]
    shutil.copy(SAMPLES / "bank.toml", profiles_dir / "bank.toml")
    _touch_later(profiles_dir / "bank.toml", 5)
    assert {p["id"] for p in client.get("/v1/profiles").get_json()["profiles"]} == {"bank", "council"}
    (profiles_dir / "broken.toml").write_text("[profile]\nformat = 1\nid = 3\n", encoding="utf-8")
    listed = client.get("/v1/profiles").get_json()["profiles"]
    broken = next(p for p in listed if p["id"] == "broken")
    assert "broken.toml" in broken["error"]


def test_a_key_selects_its_default_profile(make_app: Callable[..., Flask], profiles_dir: Path) -> None:
    client = make_app(profiles=profiles_dir, api_keys=f"{KEY},{OTHER_KEY}:council").test_client()
    text = {"text": "Please utilise the portal to action your request."}
    with_default = client.post("/v1/check", json=text, headers={"X-Api-Key": OTHER_KEY}).get_json()
    assert with_default["profile"] == "council"
    assert client.post("/v1/check", json=text, headers={"X-Api-Key": KEY}).get_json()["profile"] is None
    assert client.get("/v1/profiles", headers={"X-Api-Key": OTHER_KEY}).get_json()["default"] == "council"
    # A request can still name another profile (or none at all by naming one explicitly).
    lt = client.post("/v2/check", data={**text, "language": "en-GB"}, headers={"X-Api-Key": OTHER_KEY})
    assert lt.status_code == 200
