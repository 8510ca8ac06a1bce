"""Configuration: which rules run, at what severity, with which options.

Read from ``tonecheck.toml`` (top level) or from ``[tool.tonecheck]`` in ``pyproject.toml``::

    language = "en"                 # the drafts' language (rules that only suit English say so)
    preview = false                 # run preview rules too
    disable = ["link-count", "grammar"]   # rule ids or whole categories
    enable = ["some-preview-rule"]        # switch on single rules (wins over a disabled category)
    max-length = 63206              # longest text accepted, in characters (Facebook's limit)

    [severity]
    emoji-count = "suggestion"      # error | warning | suggestion

    [rules.hashtag-count]
    max = 3                         # per-rule options; defaults and sources: RULES.md

    [platforms.mastodon]
    max_length = 1000               # your instance's limits (defaults and sources: data/platforms.toml)

    [languagetool]                  # grammar and spelling through a LanguageTool server (README)
    url = "http://localhost:8010"   # a server, "local" (Java + LTP_PATH install) or "off"
    timeout = 2.0                   # seconds to wait for an answer
    language = "en-GB"              # overrides `language` for LanguageTool only
    disabled-rules = ["EN_QUOTES"]  # LanguageTool rule ids
    disabled-categories = ["TYPOS"] # LanguageTool category ids
    accept = ["tonecheck"]          # brand and product names that are not spelling mistakes
    max-length = 20000              # longer drafts skip grammar
    cache-size = 256                # answers remembered (by text, language and options)

Every key is checked: an unknown rule, option or value is a :class:`ConfigError` that names the
file and the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tonecheck.model import Category, Severity

if TYPE_CHECKING:
    from tonecheck.registry import Registry

__all__ = [
    "CONFIG_FILES",
    "ENV_LANGUAGETOOL_URL",
    "Config",
    "ConfigError",
    "LanguageToolSettings",
    "find_config",
    "load_config",
]

CONFIG_FILES = ("tonecheck.toml", "pyproject.toml")
#: Environment variable naming a LanguageTool server when the configuration names none.
ENV_LANGUAGETOOL_URL = "TONECHECK_LANGUAGETOOL_URL"
# The longest draft accepted by default: Facebook's post limit, the longest of the platforms (platforms.toml).
_MAX_LENGTH = 63_206
_KEYS = {"language", "preview", "disable", "enable", "severity", "rules", "platforms", "max-length", "languagetool"}
_LT_KEYS = {
    "url", "timeout", "language", "disabled-rules", "disabled-categories", "accept", "max-length", "cache-size",
}
_CATEGORIES = {c.value for c in Category}


class ConfigError(ValueError):
    """A configuration file or mapping with an unknown or invalid key."""


@dataclass(frozen=True)
class LanguageToolSettings:
    """The ``[languagetool]`` table. ``None`` means "use the default" (``data/rules/languagetool.toml``).

    ``url`` is a server's base URL (``http://localhost:8010``), ``"local"`` (language-tool-python starts
    a local server: Java ≥ 17 and a LanguageTool install under ``LTP_PATH``) or ``"off"``. When it is
    ``None`` the ``TONECHECK_LANGUAGETOOL_URL`` environment variable is used, if set.
    """

    url: str | None = None
    timeout: float | None = None
    language: str | None = None
    disabled_rules: frozenset[str] = frozenset()
    disabled_categories: frozenset[str] = frozenset()
    accept: frozenset[str] = frozenset()
    max_length: int | None = None
    cache_size: int | None = None

    @classmethod
    def from_mapping(cls, table: Any, source: str) -> LanguageToolSettings:
        """Read and check the ``[languagetool]`` table."""
        if not isinstance(table, Mapping):
            raise ConfigError(f"{source}: 'languagetool' must be a table")
        unknown = sorted(set(table) - _LT_KEYS)
        if unknown:
            raise ConfigError(
                f"{source}: languagetool: unknown key {unknown[0]!r} (known keys: {', '.join(sorted(_LT_KEYS))})"
            )
        url = table.get("url")
        if url is not None and (not isinstance(url, str) or not _valid_url(url)):
            raise ConfigError(f"{source}: languagetool.url must be an http(s) URL, \"local\" or \"off\"")
        timeout = table.get("timeout")
        if timeout is not None and (
            not isinstance(timeout, int | float) or isinstance(timeout, bool) or not 0 < timeout <= 60
        ):
            raise ConfigError(f"{source}: languagetool.timeout must be a number of seconds above 0 and at most 60")
        language = table.get("language")
        if language is not None and (not isinstance(language, str) or not language.strip()):
            raise ConfigError(f"{source}: languagetool.language must be a language code such as \"en-GB\"")
        numbers: dict[str, int | None] = {}
        for key in ("max-length", "cache-size"):
            value = table.get(key)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
                raise ConfigError(f"{source}: languagetool.{key} must be a whole number (0 or more)")
            numbers[key] = value
        return cls(
            url=url.strip() if url is not None else None,
            timeout=float(timeout) if timeout is not None else None,
            language=language.strip() if language is not None else None,
            disabled_rules=_strings(table, "disabled-rules", source),
            disabled_categories=_strings(table, "disabled-categories", source),
            accept=_strings(table, "accept", source),
            max_length=numbers["max-length"],
            cache_size=numbers["cache-size"],
        )


def _valid_url(url: str) -> bool:
    url = url.strip()
    return url in ("local", "off") or (url.startswith(("http://", "https://")) and len(url) > len("https://"))


def _strings(table: Mapping[str, Any], key: str, source: str) -> frozenset[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{source}: languagetool.{key} must be a list of strings")
    return frozenset(v.strip() for v in value)


@dataclass(frozen=True)
class Config:
    """Settings for a :class:`~tonecheck.Checker`. Build with :meth:`from_mapping` or :func:`load_config`."""

    language: str = "en"
    preview: bool = False
    disable: frozenset[str] = frozenset()
    enable: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    platforms: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    max_length: int = _MAX_LENGTH
    languagetool: LanguageToolSettings = field(default_factory=LanguageToolSettings)
    source: str = "<defaults>"

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], source: str = "<config>") -> Config:
        """Build a configuration from parsed TOML (or a plain dict), checking its shape."""
        if not isinstance(data, Mapping):
            raise ConfigError(f"{source}: the configuration must be a table")
        unknown = sorted(set(data) - _KEYS)
        if unknown:
            raise ConfigError(f"{source}: unknown key {unknown[0]!r} (known keys: {', '.join(sorted(_KEYS))})")
        language = data.get("language", "en")
        if not isinstance(language, str) or not language.strip():
            raise ConfigError(f"{source}: 'language' must be a language code such as \"en\" or \"en-GB\"")
        preview = data.get("preview", False)
        if not isinstance(preview, bool):
            raise ConfigError(f"{source}: 'preview' must be true or false")
        max_length = data.get("max-length", _MAX_LENGTH)
        if not isinstance(max_length, int) or isinstance(max_length, bool) or max_length < 1:
            raise ConfigError(f"{source}: 'max-length' must be a positive whole number")
        severity: dict[str, Severity] = {}
        sev_table = data.get("severity", {})
        if not isinstance(sev_table, Mapping):
            raise ConfigError(f"{source}: 'severity' must be a table of rule = \"level\"")
        for rule_id, level in sev_table.items():
            if not isinstance(level, str):
                raise ConfigError(f"{source}: severity.{rule_id} must be a string")
            try:
                severity[rule_id] = Severity.parse(level)
            except ValueError as exc:
                raise ConfigError(f"{source}: severity.{rule_id}: {exc}") from None
        rules = data.get("rules", {})
        if not isinstance(rules, Mapping) or not all(isinstance(v, Mapping) for v in rules.values()):
            raise ConfigError(f"{source}: 'rules' must hold one table of options per rule")
        return cls(
            platforms=_platforms(data.get("platforms", {}), source),
            language=language.strip(),
            preview=preview,
            disable=_names(data, "disable", source),
            enable=_names(data, "enable", source),
            severity=severity,
            rules={k: dict(v) for k, v in rules.items()},
            max_length=max_length,
            languagetool=LanguageToolSettings.from_mapping(data.get("languagetool", {}), source),
            source=source,
        )

    def validate(self, registry: Registry) -> None:
        """Check rule ids and option names and types against *registry*."""
        src = self.source
        for key in ("disable", "enable"):
            for name in sorted(getattr(self, key)):
                if name not in _CATEGORIES and name not in registry:
                    raise ConfigError(f"{src}: {key}: unknown rule or category {name!r}")
        for rule_id in self.severity:
            if rule_id not in registry:
                raise ConfigError(f"{src}: severity: unknown rule {rule_id!r}")
        for rule_id, options in self.rules.items():
            if rule_id not in registry:
                raise ConfigError(f"{src}: rules: unknown rule {rule_id!r}")
            defaults = registry.get(rule_id).defaults
            for key, value in options.items():
                if key not in defaults:
                    known = ", ".join(sorted(defaults)) or "none"
                    raise ConfigError(f"{src}: rules.{rule_id}: unknown option {key!r} (options: {known})")
                if not _same_type(defaults[key], value):
                    kind = type(defaults[key]).__name__
                    raise ConfigError(f"{src}: rules.{rule_id}.{key} must be of type {kind}")


def _platforms(table: Any, source: str) -> dict[str, dict[str, int]]:
    from tonecheck import platforms

    if not isinstance(table, Mapping):
        raise ConfigError(f"{source}: 'platforms' must hold one table of limits per platform")
    out: dict[str, dict[str, int]] = {}
    for name, limits in table.items():
        try:
            pid = platforms.resolve(name)
        except ValueError as exc:
            raise ConfigError(f"{source}: platforms: {exc}") from None
        if not isinstance(limits, Mapping):
            raise ConfigError(f"{source}: platforms.{name} must be a table")
        for key, value in limits.items():
            if key not in platforms.OVERRIDABLE:
                raise ConfigError(
                    f"{source}: platforms.{name}: unknown limit {key!r} (limits: {', '.join(platforms.OVERRIDABLE)})"
                )
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ConfigError(f"{source}: platforms.{name}.{key} must be a whole number")
        out[pid] = dict(limits)
    return out


def _names(data: Mapping[str, Any], key: str, source: str) -> frozenset[str]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: {key!r} must be a list of rule ids or categories")
    return frozenset(value)


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, int | float)
    if isinstance(default, list):
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, type(default))


def load_config(path: str | Path) -> Config:
    """Read a ``tonecheck.toml`` or the ``[tool.tonecheck]`` table of a ``pyproject.toml``."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the file ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        raw = raw.get("tool", {}).get("tonecheck", {})
    return Config.from_mapping(raw, source=str(path))


def find_config(start: str | Path = ".") -> Path | None:
    """The nearest ``tonecheck.toml`` (or ``pyproject.toml`` with ``[tool.tonecheck]``) upwards from *start*."""
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "tonecheck.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if "tonecheck" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                    return pyproject
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
                continue
    return None
