"""Server settings: command-line flags and environment variables, resolved once per worker.

Every setting has an environment variable, so the same values reach ``tonecheck serve``, gunicorn
workers (``tonecheck_server.wsgi:app``) and tests:

=============================  ==========================================================  =========
variable                       meaning                                                     default
=============================  ==========================================================  =========
``TONECHECK_PROFILES``         directory of voice profiles (``*.toml``), reloaded on change  none
``TONECHECK_API_KEYS_FILE``    file of API keys, one per line: ``KEY [PROFILE]``            none
``TONECHECK_API_KEYS``         API keys, comma-separated: ``KEY[:PROFILE],…``               none
``TONECHECK_MAX_TEXT``         longest draft accepted, in characters (413 above)            63,206
``TONECHECK_MAX_BODY``         largest request body, in bytes (413 above)                   24 MiB
``TONECHECK_CONFIG``           ``tonecheck.toml`` for every check (rules, LanguageTool)     nearest
``TONECHECK_CORS_ORIGINS``     extra origins allowed to call ``/v2/*`` from a browser       none
``TONECHECK_ACCESS_LOG``       ``0`` turns the access log off                               on
=============================  ==========================================================  =========
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DEFAULT_MAX_BODY", "DEFAULT_MAX_TEXT", "Settings", "SettingsError"]

DEFAULT_MAX_TEXT = 63_206  # Facebook's post limit, the longest of the platforms
DEFAULT_MAX_BODY = 24 * 1024 * 1024


class SettingsError(ValueError):
    """A setting that cannot be used; the message names the flag or variable."""


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to answer requests. Workers keep no other state."""

    profiles: Path | None = None
    api_keys_file: Path | None = None
    api_keys: str = ""
    max_text: int = DEFAULT_MAX_TEXT
    max_body: int = DEFAULT_MAX_BODY
    config: Path | None = None
    languagetool: str | None = None
    cors_origins: tuple[str, ...] = ()
    access_log: bool = True

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from the environment; keyword arguments (flags) win when they are not ``None``."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {
            "profiles": _path(env.get("TONECHECK_PROFILES")),
            "api_keys_file": _path(env.get("TONECHECK_API_KEYS_FILE")),
            "api_keys": env.get("TONECHECK_API_KEYS", ""),
            "max_text": _positive(env.get("TONECHECK_MAX_TEXT"), "TONECHECK_MAX_TEXT", DEFAULT_MAX_TEXT),
            "max_body": _positive(env.get("TONECHECK_MAX_BODY"), "TONECHECK_MAX_BODY", DEFAULT_MAX_BODY),
            "config": _path(env.get("TONECHECK_CONFIG")),
            "cors_origins": tuple(o.strip() for o in env.get("TONECHECK_CORS_ORIGINS", "").split(",") if o.strip()),
            "access_log": env.get("TONECHECK_ACCESS_LOG", "1").strip().lower() not in ("0", "false", "no", "off"),
        }
        for key, value in overrides.items():
            if key not in values and key != "languagetool":
                raise TypeError(f"unknown setting {key!r}")
            if value is not None:
                values[key] = value
        settings = cls(**values)  # type: ignore[arg-type]
        settings.validate()
        return settings

    def validate(self) -> None:
        """Check the values that came from flags (the environment is checked while reading)."""
        if self.max_text < 1:
            raise SettingsError("--max-text must be at least 1")
        if self.max_body < 1024:
            raise SettingsError("--max-body must be at least 1024 bytes")
        if self.profiles is not None and not self.profiles.is_dir():
            raise SettingsError(f"profiles directory {str(self.profiles)!r} does not exist")


def _path(value: str | None) -> Path | None:
    value = (value or "").strip()
    return Path(value).expanduser() if value else None


def _positive(value: str | None, name: str, default: int) -> int:
    if value is None or not value.strip():
        return default
    try:
        number = int(value.replace("_", "").strip())
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {value!r}") from None
    if number < 1:
        raise SettingsError(f"{name} must be at least 1")
    return number
