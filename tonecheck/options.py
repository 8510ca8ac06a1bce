"""Rule options' allowed values: the ``[schema]`` table of ``tonecheck/data/rules/<rule-id>.toml``.

Each key of ``[schema]`` names an option of ``[options]`` and declares what values it accepts::

    [options]
    max = 2
    reply_platforms = ["mastodon", "x"]

    [schema]
    max = { min = 0, max = 30 }                 # numbers: the allowed range (both ends included)
    reply_platforms = { enum = ["bluesky", "mastodon", "x"] }   # strings, or each item of a list
    phone_regions = { pattern = "^[A-Z]{2}$", expect = "a two-letter region code" }

Every number option declares ``min`` and ``max``; ``enum`` and ``pattern`` apply to a string option or
to each item of a list option (``items = "string"`` says a list holds strings, which every list does).
The registry checks the table when a rule is registered (:func:`parse_schema`: a constraint naming an
unknown option, or a default outside its own range, is a bug) and configuration loading checks every
user value with :func:`check_value`, whose message gives the allowed range.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tonecheck.suggest import did_you_mean

__all__ = ["OptionSpec", "SchemaError", "check_value", "json_schema", "kind_of", "parse_schema"]

_KEYS = frozenset({"min", "max", "enum", "pattern", "expect", "items"})


class SchemaError(ValueError):
    """A ``[schema]`` table that does not fit its ``[options]`` (a bug in the rule's data file)."""


@dataclass(frozen=True)
class OptionSpec:
    """What one option accepts: its kind (``integer``, ``number``, ``boolean``, ``string``, ``list``) and limits."""

    kind: str
    minimum: int | float | None = None
    maximum: int | float | None = None
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    expect: str | None = None

    @property
    def allowed(self) -> str:
        """The allowed values in words: ``1–30``, ``one of: a, b``, or ``""`` when anything of the kind goes."""
        if self.minimum is not None and self.maximum is not None:
            return f"{_number(self.minimum)}–{_number(self.maximum)}"
        if self.enum:
            return "one of: " + ", ".join(self.enum)
        if self.expect:
            return self.expect
        return ""


def kind_of(default: Any) -> str:
    """The kind of option a default value makes."""
    if isinstance(default, bool):
        return "boolean"
    if isinstance(default, int):
        return "integer"
    if isinstance(default, float):
        return "number"
    if isinstance(default, str):
        return "string"
    if isinstance(default, list):
        return "list"
    raise SchemaError(f"unsupported option type {type(default).__name__}")


def parse_schema(defaults: Mapping[str, Any], table: Any) -> dict[str, OptionSpec]:
    """One :class:`OptionSpec` per option, from its default and its ``[schema]`` entry.

    :class:`SchemaError` when the entry names an unknown option or constraint, or the default breaks it.
    """
    if not isinstance(table, Mapping):
        raise SchemaError("[schema] must be a table of option = { constraints }")
    for key in table:
        if key not in defaults:
            raise SchemaError(f"[schema] names {key!r}, which is not an option.{did_you_mean(key, defaults)}")
    specs: dict[str, OptionSpec] = {}
    for key, default in defaults.items():
        spec = _spec(key, kind_of(default), table.get(key, {}))
        problem = check_value(spec, default)
        if problem:
            raise SchemaError(f"the default of {key!r} breaks its own schema: {problem}")
        specs[key] = spec
    return specs


def _spec(key: str, kind: str, entry: Any) -> OptionSpec:
    if not isinstance(entry, Mapping):
        raise SchemaError(f"[schema] {key} must be an inline table such as {{ min = 1, max = 10 }}")
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise SchemaError(f"[schema] {key}: unknown constraint {unknown[0]!r}.{did_you_mean(unknown[0], _KEYS)}")
    numeric = kind in ("integer", "number")
    if numeric and not {"min", "max"} <= set(entry):
        raise SchemaError(f"[schema] {key}: a number option must declare both min and max")
    if not numeric and ({"min", "max"} & set(entry)):
        raise SchemaError(f"[schema] {key}: min and max are only for number options")
    if kind not in ("string", "list") and ({"enum", "pattern", "items"} & set(entry)):
        raise SchemaError(f"[schema] {key}: enum, pattern and items are only for string and list options")
    if "items" in entry and (kind != "list" or entry["items"] != "string"):
        raise SchemaError(f"[schema] {key}: items must be \"string\" (lists of strings are the only lists)")
    low, high = entry.get("min"), entry.get("max")
    for bound in (low, high):
        if bound is not None and not _is_number(bound, integer=kind == "integer"):
            numbers = "whole numbers" if kind == "integer" else "numbers"
            raise SchemaError(f"[schema] {key}: min and max must be {numbers}")
    if low is not None and high is not None and low > high:
        raise SchemaError(f"[schema] {key}: min is larger than max")
    enum = entry.get("enum", [])
    if not isinstance(enum, list) or not all(isinstance(v, str) for v in enum):
        raise SchemaError(f"[schema] {key}: enum must be a list of strings")
    pattern = entry.get("pattern")
    if pattern is not None:
        try:
            re.compile(pattern)
        except (re.error, TypeError):
            raise SchemaError(f"[schema] {key}: pattern is not a regular expression") from None
    expect = entry.get("expect")
    if expect is not None and not isinstance(expect, str):
        raise SchemaError(f"[schema] {key}: expect must be a string")
    return OptionSpec(kind, low, high, tuple(enum), pattern, expect)


def check_value(spec: OptionSpec, value: Any) -> str | None:
    """What is wrong with *value* for this option, in words (``None`` when it is allowed).

    >>> check_value(OptionSpec("integer", 1, 30), -5)
    '-5 is below the minimum 1 (allowed 1–30)'
    """
    if not _is_kind(spec.kind, value):
        return f"must be {_KINDS[spec.kind]}, not {_shown(value)}"
    if spec.minimum is not None and value < spec.minimum:
        return f"{_number(value)} is below the minimum {_number(spec.minimum)} (allowed {spec.allowed})"
    if spec.maximum is not None and value > spec.maximum:
        return f"{_number(value)} is above the maximum {_number(spec.maximum)} (allowed {spec.allowed})"
    items = value if spec.kind == "list" else [value] if spec.kind == "string" else []
    for index, item in enumerate(items):
        where = f"item {index + 1} " if spec.kind == "list" else ""
        if spec.enum and item not in spec.enum:
            return f"{where}{item!r} is not one of: {', '.join(spec.enum)}.{did_you_mean(item, spec.enum)}".rstrip(".")
        if spec.pattern is not None and not re.search(spec.pattern, item):
            return f"{where}{item!r} is not {spec.expect or 'in the expected form'}"
    return None


def json_schema(spec: OptionSpec) -> dict[str, Any]:
    """The JSON Schema of one option."""
    if spec.kind == "list":
        items: dict[str, Any] = {"type": "string"}
        if spec.enum:
            items["enum"] = list(spec.enum)
        if spec.pattern is not None:
            items["pattern"] = spec.pattern
        return {"type": "array", "items": items}
    out: dict[str, Any] = {"type": spec.kind}
    if spec.minimum is not None:
        out["minimum"] = spec.minimum
    if spec.maximum is not None:
        out["maximum"] = spec.maximum
    if spec.enum:
        out["enum"] = list(spec.enum)
    if spec.pattern is not None:
        out["pattern"] = spec.pattern
    return out


_KINDS = {
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "string": "a string",
    "list": "a list of strings",
}


def _is_number(value: Any, *, integer: bool) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) if integer else isinstance(value, int | float)


def _is_kind(kind: str, value: Any) -> bool:
    if kind == "boolean":
        return isinstance(value, bool)
    if kind in ("integer", "number"):
        return _is_number(value, integer=kind == "integer")
    if kind == "string":
        return isinstance(value, str)
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _number(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) and abs(value) >= 10_000 else str(value)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, list):
        return "a list" if not all(isinstance(v, str) for v in value) else repr(value)
    if isinstance(value, Mapping):
        return "a table"
    return str(value)
