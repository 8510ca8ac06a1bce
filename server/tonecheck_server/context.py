"""The app's shared objects, for the views: the library, settings, profiles and API keys of the running app."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from flask import current_app

if TYPE_CHECKING:
    from tonecheck_server.checking import Library, Profiles
    from tonecheck_server.keys import KeyRing
    from tonecheck_server.settings import Settings

__all__ = ["keys", "library", "profiles", "settings"]


def library() -> Library:
    """The tonecheck checker and rule registry of this app."""
    return cast("Library", current_app.extensions["tonecheck.library"])


def settings() -> Settings:
    """The settings of this app."""
    return cast("Settings", current_app.extensions["tonecheck.settings"])


def profiles() -> Profiles:
    """The voice profiles folder of this app (may be empty)."""
    return cast("Profiles", current_app.extensions["tonecheck.profiles"])


def keys() -> KeyRing:
    """The API keys of this app."""
    return cast("KeyRing", current_app.extensions["tonecheck.keys"])
