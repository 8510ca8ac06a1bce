"""Rule registration and metadata validation.

Rule modules decorate their class with :func:`register`, which validates the metadata at import
time and attaches the rule's data file (defaults, sources, lists) and help text. The built-in
rules are imported from an explicit, sorted list in :mod:`tonecheck.rules`; no directory is
scanned. :class:`Registry` is a plain object: tests build their own with the rules they want.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from tonecheck import docs
from tonecheck.lexicon import load_toml
from tonecheck.model import Category, Severity
from tonecheck.options import SchemaError, parse_schema
from tonecheck.rule import FixAvailability, Rule, Status

__all__ = ["REDIRECTS", "Registry", "RuleMetadataError", "default_registry", "register"]

R = TypeVar("R", bound=type[Rule])

#: Renamed rule ids (old → new), so saved settings keep working.
REDIRECTS: Mapping[str, str] = {}

_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:/[a-z0-9][a-z0-9._-]*)?$")
_TAG = re.compile(r"^[a-z0-9][a-z0-9.-]*$")
_PLACEHOLDER = re.compile(r"\{(\w+)")
_OPTION_TYPES = (bool, int, float, str, list)

_registered: list[type[Rule]] = []


class RuleMetadataError(TypeError):
    """A rule whose declared metadata is incomplete or malformed."""


def register(rule: R) -> R:
    """Class decorator: validate a rule's metadata, load its data file, and add it to the built-ins."""
    _prepare(rule)
    _registered.append(rule)
    return rule


def _prepare(rule: type[Rule]) -> None:
    where = f"{rule.__module__}.{rule.__qualname__}"
    if not rule.__doc__:
        # The documentation is the rule module's docstring (like ruff's doc comments).
        rule.__doc__ = sys.modules[rule.__module__].__doc__

    def fail(problem: str) -> None:
        raise RuleMetadataError(f"{where}: {problem}")

    for attr in ("id", "category", "severity", "summary", "messages", "references"):
        if attr not in vars(rule) and not hasattr(rule, attr):
            fail(f"missing metadata {attr!r}")
    if not _ID.match(rule.id):
        fail(f"id {rule.id!r} is not kebab-case")
    if not isinstance(rule.category, Category):
        fail("category must be a Category")
    if not isinstance(rule.severity, Severity):
        fail("severity must be a Severity")
    if not isinstance(rule.fix, FixAvailability):
        fail("fix must be a FixAvailability")
    if not isinstance(rule.status, Status):
        fail("status must be a Status")
    summary = rule.summary
    if not summary or len(summary) > 70 or summary.endswith(".") or "should" in summary.lower():
        fail("summary must be one line of at most 70 characters, without 'should' or a full stop")
    if not rule.messages or not all(isinstance(v, str) and v for v in rule.messages.values()):
        fail("messages must map message ids to templates")
    if not rule.references or not all(r.startswith("https://") for r in rule.references):
        fail("references must list at least one https:// URL")
    for tag in rule.tags:
        if not _TAG.match(tag):
            fail(f"tag {tag!r} is not lower-case")
    try:
        summary_line, sections = docs.parse_docstring(rule.__doc__)
    except docs.DocstringError as exc:
        fail(f"docstring: {exc}")
        raise  # unreachable; keeps type checkers happy
    if summary_line.rstrip(".") != summary:
        fail("the docstring's first line must be the summary")
    for url in rule.references:
        if url not in sections["References"]:
            fail(f"reference {url} is not listed in the docstring's References section")
    _load_data(rule, fail)
    if rule.defaults and "Options" not in sections:
        fail("a rule with options documents them in an Options section")
    why = docs.first_paragraph(sections["Why it matters"])
    rule.help = f"{why} See {rule.references[0]}"


def _load_data(rule: type[Rule], fail: Any) -> None:
    name = f"rules/{rule.id}.toml"
    path = resources.files("tonecheck").joinpath("data", "rules", f"{rule.id}.toml")
    if not path.is_file():
        rule.defaults, rule.sources, rule.data, rule.schema = {}, {}, {}, {}
        return
    content = dict(load_toml(name))
    defaults = content.pop("options", {})
    sources = content.pop("sources", {})
    for key, value in defaults.items():
        if not isinstance(value, _OPTION_TYPES):
            fail(f"option {key!r} in data/{name} has an unsupported type")
        if key not in sources:
            fail(f"option {key!r} in data/{name} has no entry in [sources]")
    try:
        schema = parse_schema(defaults, content.pop("schema", {}))
    except SchemaError as exc:
        fail(f"data/{name}: {exc}")
        raise  # unreachable; keeps type checkers happy
    rule.defaults, rule.sources, rule.data, rule.schema = defaults, sources, content, schema


class Registry:
    """A set of rules, looked up by id."""

    def __init__(self, rules: Iterable[type[Rule]] = ()) -> None:
        self._rules: dict[str, type[Rule]] = {}
        for rule in rules:
            self.add(rule)

    def add(self, rule: type[Rule]) -> None:
        """Add a rule (validating it if it was not registered with :func:`register`)."""
        if rule not in _registered:
            _prepare(rule)
        if rule.id in self._rules:
            raise RuleMetadataError(f"duplicate rule id {rule.id!r}")
        self._rules[rule.id] = rule

    def get(self, rule_id: str) -> type[Rule]:
        """The rule with this id (following renames); ``KeyError`` if there is none."""
        return self._rules[REDIRECTS.get(rule_id, rule_id)]

    def __contains__(self, rule_id: object) -> bool:
        return isinstance(rule_id, str) and REDIRECTS.get(rule_id, rule_id) in self._rules

    def __iter__(self) -> Iterator[type[Rule]]:
        return iter(sorted(self._rules.values(), key=lambda r: r.id))

    def __len__(self) -> int:
        return len(self._rules)

    @property
    def ids(self) -> list[str]:
        """All rule ids, sorted."""
        return sorted(self._rules)


@cache
def default_registry() -> Registry:
    """The built-in rules."""
    import tonecheck.rules  # noqa: F401  (imports every rule module, which registers it)

    return Registry(_registered)


def message_fields(template: str) -> set[str]:
    """Names of the ``{placeholders}`` in a message template."""
    return set(_PLACEHOLDER.findall(template))
