"""Read Vale rule files, vocabularies and ``.vale.ini`` into rule definitions, with exact errors.

Rule YAML is read with a YAML 1.2-style resolver (as Go's yaml.v3 does, ``yes``/``no``/``on``/``off``
stay strings), mapping keys are matched case-insensitively and decoded "weakly" (a single string
where a list is expected becomes a one-item list, ``"3"`` becomes 3), like Vale's mapstructure
decoder with ``ErrorUnused``: a key Vale would reject is an error here too.
"""

from __future__ import annotations

import configparser
import fnmatch
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
import yaml  # type: ignore[import-untyped]

from tonecheck.voice._vale_rules import LEVELS, RULE_TYPES, UNSUPPORTED_TYPES, RuleError, ValeRule
from tonecheck.voice._vale_text import compile_pattern
from tonecheck.voice.errors import ProfileError

__all__: list[str] = []

COMMON_KEYS = {
    "extends": "str",
    "message": "str",
    "level": "str",
    "scope": "list",
    "link": "str",
    "description": "str",
    "limit": "int",
    "action": "action",
}
#: Keys Vale accepts that have no effect on a rule's alerts (``name`` is overwritten by the file
#: name; ``tests`` holds ``vale test`` cases).
IGNORED_KEYS = frozenset({"name", "tests"})
#: Keys or values that exist in (recent) Vale but that tonecheck does not implement.
UNSUPPORTED_KEYS = {"matchcase": "key 'matchcase' (recase replacements) is not supported by tonecheck"}
INLINE_SCOPES = frozenset({"code", "link", "strong", "emphasis"})


class _Loader(yaml.SafeLoader):  # type: ignore[misc]
    """SafeLoader with YAML 1.2 booleans (only true/false), as Go's yaml.v3 reads rule files."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    regex.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file; ``unsupported`` problems are valid Vale that tonecheck lacks."""

    source: str
    where: str | None
    message: str
    unsupported: bool = False

    def error(self) -> ProfileError:
        return ProfileError(self.source, self.where, self.message)

    def __str__(self) -> str:
        return str(self.error())


def _node_to_python(loader: _Loader, node: yaml.Node, source: str, problems: list[Problem]) -> Any:
    """Build plain Python data; mapping keys are the scalars' own text (Go's map[string]any)."""
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(Problem(source, f"line {key_node.start_mark.line + 1}", "mapping keys must be text"))
                continue
            key = key_node.value
            if key in out:
                problems.append(
                    Problem(source, f"line {key_node.start_mark.line + 1}", f"key '{key}' is defined twice")
                )
            out[key] = _node_to_python(loader, value_node, source, problems)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_node_to_python(loader, n, source, problems) for n in node.value]
    return loader.construct_object(node, deep=True)


def read_yaml(text: str, source: str, problems: list[Problem]) -> tuple[dict[str, Any] | None, dict[str, int]]:
    """Parse one rule file; returns the mapping and each top-level key's line (1-based)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}" if mark is not None else None
        problems.append(Problem(source, where, f"YAML syntax error: {exc.problem or exc.context}"))
        return None, {}
    except yaml.YAMLError as exc:
        problems.append(Problem(source, None, f"YAML error: {exc}"))
        return None, {}
    finally:
        loader.dispose()
    if node is None:
        problems.append(Problem(source, "line 1", "the file is empty"))
        return None, {}
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(source, "line 1", "a rule must be a YAML mapping of keys to values"))
        return None, {}
    lines = {k.value.lower(): k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    try:
        data = _node_to_python(loader, node, source, problems)
    except yaml.YAMLError as exc:
        problems.append(Problem(source, None, f"YAML error: {exc}"))
        return None, {}
    return data, lines


# -- weak decoding (mapstructure with WeaklyTypedInput) ------------------------------------------


class _DecodeError(ValueError):
    pass


def _to_str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, str | int | float):
        return str(value)
    raise _DecodeError(f"expected text, got {_kind(value)}")


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, str):
        lowered = value.strip()
        if lowered in ("1", "t", "T", "TRUE", "true", "True"):
            return True
        if lowered in ("0", "f", "F", "FALSE", "false", "False", ""):
            return False
    raise _DecodeError(f"expected true or false, got {value!r}")


def _to_int(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip() or "0", 0)
        except ValueError:
            pass
    raise _DecodeError(f"expected a whole number, got {value!r}")


def _to_float(value: Any) -> float:
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip() or "0")
        except ValueError:
            pass
    raise _DecodeError(f"expected a number, got {value!r}")


def _to_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [_to_str(v) for v in value]
    return [_to_str(value)]


def _to_map(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _DecodeError(f"expected a mapping, got {_kind(value)}")
    return {str(k): _to_str(v) for k, v in value.items()}


def _to_action(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _DecodeError(f"expected a mapping with 'name' and 'params', got {_kind(value)}")
    out: dict[str, Any] = {}
    for key, item in value.items():
        k = key.lower()
        if k == "name":
            out["name"] = _to_str(item)
        elif k == "params":
            out["params"] = _to_list(item)
        else:
            raise _DecodeError(f"unknown key 'action.{key}' (use 'name' and 'params')")
    return out


_COERCE = {
    "str": _to_str,
    "bool": _to_bool,
    "int": _to_int,
    "float": _to_float,
    "list": _to_list,
    "map": _to_map,
    "action": _to_action,
}

_ACTIONS = ("replace", "remove", "edit", "convert", "suggest")


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def build_rule(
    rule_id: str,
    source: str,
    text: str,
    *,
    level: str | None = None,
    accepted: tuple[str, ...] = (),
    word_template: str = "",
) -> tuple[ValeRule | None, list[Problem]]:
    """Parse, validate and compile one rule file. Returns the rule (or None) and its problems."""
    problems: list[Problem] = []
    data, lines = read_yaml(text, source, problems)
    if data is None or problems:
        return None, problems

    def where(key: str) -> str:
        line = lines.get(key)
        return f"line {line}: {key}" if line else key

    lowered: dict[str, tuple[str, Any]] = {}
    for key, value in data.items():
        lowered[key.lower()] = (key, value)

    extends = lowered.get("extends", (None, None))[1]
    if extends is None:
        return None, [Problem(source, "line 1", "missing the required 'extends' key")]
    extends = _to_str(extends) if not isinstance(extends, dict | list) else ""
    if extends in UNSUPPORTED_TYPES:
        return None, [
            Problem(source, where("extends"), f"rule type '{extends}' is not supported by tonecheck", unsupported=True)
        ]
    cls = RULE_TYPES.get(extends)
    if cls is None:
        known = ", ".join([*RULE_TYPES, *UNSUPPORTED_TYPES])
        return None, [Problem(source, where("extends"), f"'extends' must be one of {known}, not '{extends}'")]
    if "message" not in lowered:
        problems.append(Problem(source, "line 1", "missing the required 'message' key"))

    definition: dict[str, Any] = {}
    for key, (original, value) in lowered.items():
        if key in IGNORED_KEYS:
            continue
        if key == "code":
            problems.append(Problem(source, where(key), "`code` is deprecated; use `scope: raw` instead"))
            continue
        if key in UNSUPPORTED_KEYS:
            problems.append(Problem(source, where(key), UNSUPPORTED_KEYS[key], unsupported=True))
            continue
        kind = COMMON_KEYS.get(key) or cls.keys.get(key)
        if kind is None:
            problems.append(Problem(source, where(key), f"unknown key '{original}' for a '{extends}' rule"))
            continue
        try:
            definition[key] = _COERCE[kind](value)
        except _DecodeError as exc:
            problems.append(Problem(source, where(key), str(exc)))

    if "level" in definition and definition["level"] not in LEVELS:
        problems.append(
            Problem(source, where("level"), f"'level' must be one of {', '.join(LEVELS)}, not '{definition['level']}'")
        )
    for scope in definition.get("scope", []):
        for part in scope.split("&"):
            base = part.strip().lstrip("~").split(".")[0]
            if " " in base:
                problems.append(Problem(source, where("scope"), f"scope '{base}' contains spaces"))
            elif base in INLINE_SCOPES:
                problems.append(Problem(source, where("scope"), f"scope '{base}' is not supported; use 'raw' instead"))
    action = definition.get("action") or {}
    if action.get("name") and action["name"] not in _ACTIONS:
        problems.append(Problem(source, where("action"), f"unknown action '{action['name']}'"))
    elif action.get("name") == "suggest":
        problems.append(
            Problem(
                source,
                where("action"),
                "action 'suggest' (spelling or script suggestions) is not supported by tonecheck",
                unsupported=True,
            )
        )
        definition.pop("action")
    if problems and not all(p.unsupported for p in problems):
        return None, problems
    if any(p.unsupported for p in problems) and "matchcase" in lowered:
        return None, problems
    if level is not None:
        definition["level"] = level
    definition.setdefault("level", "warning")
    if word_template:
        definition["_word_template"] = word_template
    try:
        rule = cls(rule_id, source, definition, accepted)
    except RuleError as exc:
        key = exc.key or "extends"
        return None, [*problems, Problem(source, where(key), exc.message)]
    return rule, problems


# -- vocabularies ------------------------------------------------------------------------------


def read_vocabulary(path: Path) -> tuple[list[str], list[Problem]]:
    """Terms of an ``accept.txt`` or ``reject.txt`` (Vale's ``addWordList``), each checked as a regex."""
    source = str(path)
    problems: list[Problem] = []
    terms: list[str] = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        return [], [Problem(source, None, f"cannot read: {exc.strerror or exc}")]
    except UnicodeDecodeError:
        return [], [Problem(source, None, "not UTF-8 text")]
    for number, line in enumerate(lines, 1):
        word = line.strip()
        if not word or word.startswith("# "):
            continue
        try:
            compile_pattern(word)
        except regex.error as exc:
            problems.append(Problem(source, f"line {number}", f"invalid regular expression '{word}': {exc}"))
            continue
        terms.append(word)
    return terms, problems


# -- .vale.ini ---------------------------------------------------------------------------------


CORE_KEYS = frozenset(
    {
        "stylespath",
        "minalertlevel",
        "vocab",
        "packages",
        "ignoredscopes",
        "skippedscopes",
        "ignoredclasses",
        "wordtemplate",
        "nlpendpoint",
    }
)
SYNTAX_KEYS = frozenset(
    {
        "basedonstyles",
        "blockignores",
        "tokenignores",
        "ignorepatterns",
        "commentdelimiters",
        "transform",
        "lang",
        "view",
    }
)
#: Settings that only affect markup (HTML classes and scopes); plain text has none, so they change nothing.
MARKUP_ONLY = frozenset({"ignoredscopes", "skippedscopes", "ignoredclasses"})
RULE_VALUES = ("YES", "NO", "suggestion", "warning", "error")


@dataclass
class IniSection:
    name: str
    based_on: list[str]
    settings: dict[str, str]  # Style or Style.Rule -> YES|NO|level
    lines: dict[str, int]


@dataclass
class IniConfig:
    path: str
    styles_path: list[str]
    min_level: str
    vocab: list[str]
    word_template: str
    core_lines: dict[str, int]
    sections: list[IniSection]
    problems: list[Problem]


class _Parser(configparser.RawConfigParser):
    def optionxform(self, optionstr: str) -> str:
        return optionstr


def read_ini(path: Path) -> IniConfig:
    """Parse ``.vale.ini`` (keys before any section are core settings)."""
    source = str(path)
    problems: list[Problem] = []
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ProfileError(source, None, f"cannot read: {exc.strerror or exc}") from exc
    parser = _Parser(
        strict=False,
        interpolation=None,
        inline_comment_prefixes=(" #", " ;"),
        comment_prefixes=("#", ";"),
        default_section="\x00none",
    )
    # Core settings come before the first section; give them a section of their own.
    lines_by_key: dict[tuple[str, str], int] = {}
    section = "\x00core"
    for number, line in enumerate(raw.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1].strip()
        elif "=" in stripped and not stripped.startswith(("#", ";")):
            lines_by_key.setdefault((section, stripped.split("=", 1)[0].strip()), number)
    try:
        parser.read_string("[\x00core]\n" + raw, source)
    except configparser.Error as exc:
        raise ProfileError(source, None, f"cannot parse: {exc.message if hasattr(exc, 'message') else exc}") from exc

    base = path.parent
    core = dict(parser.items("\x00core")) if parser.has_section("\x00core") else {}
    styles_path: list[str] = []
    min_level = "suggestion"
    vocab: list[str] = []
    word_template = ""
    core_lines = {k: lines_by_key.get(("\x00core", k), 0) for k in core}

    def where(sec: str, key: str) -> str:
        line = lines_by_key.get((sec, key))
        return f"line {line}: {key}" if line else key

    for key, value in core.items():
        k = key.lower()
        if k == "stylespath":
            styles_path = [str((base / value.strip()).resolve())] if value.strip() else []
        elif k == "minalertlevel":
            min_level = value.strip()
            if min_level not in LEVELS:
                problems.append(
                    Problem(source, where("\x00core", key), "MinAlertLevel must be 'suggestion', 'warning', or 'error'")
                )
        elif k == "vocab":
            vocab = [v.strip() for v in value.split(",") if v.strip()]
        elif k == "wordtemplate":
            word_template = value.strip()
        elif k in MARKUP_ONLY:
            continue
        elif k == "packages":
            problems.append(
                Problem(
                    source,
                    where("\x00core", key),
                    "Packages are not downloaded by tonecheck; put the styles under StylesPath",
                    unsupported=True,
                )
            )
        elif k == "nlpendpoint":
            problems.append(
                Problem(source, where("\x00core", key), "NLPEndpoint is not supported by tonecheck", unsupported=True)
            )
        elif k in SYNTAX_KEYS:
            if k == "basedonstyles":
                problems.append(
                    Problem(
                        source,
                        where("\x00core", key),
                        f"'{key}' is a syntax-specific option; put it under a section such as [*]",
                    )
                )
            else:
                problems.append(
                    Problem(source, where("\x00core", key), f"'{key}' is not supported by tonecheck", unsupported=True)
                )
        else:
            problems.append(Problem(source, where("\x00core", key), f"unknown setting '{key}'"))

    sections: list[IniSection] = []
    for name in parser.sections():
        if name in ("\x00core", "formats", "asciidoctor", "DEFAULT"):
            if name in ("formats", "asciidoctor") and parser.items(name):
                problems.append(
                    Problem(
                        source,
                        f"[{name}]",
                        f"[{name}] only affects markup files; ignored for plain text",
                        unsupported=True,
                    )
                )
            continue
        sec = IniSection(name, [], {}, {})
        for key, value in parser.items(name):
            k = key.lower()
            sec.lines[key] = lines_by_key.get((name, key), 0)
            if k in CORE_KEYS:
                problems.append(
                    Problem(source, where(name, key), f"'{key}' is a core option; define it above any [section]")
                )
            elif k == "basedonstyles":
                sec.based_on = [v.strip() for v in value.split(",") if v.strip()]
            elif k in SYNTAX_KEYS:
                problems.append(
                    Problem(
                        source, where(name, key), f"'{key}' in [{name}] is not supported by tonecheck", unsupported=True
                    )
                )
            else:
                value = value.strip()
                if value not in RULE_VALUES:
                    problems.append(
                        Problem(
                            source,
                            where(name, key),
                            f"'{key}' must be YES, NO, suggestion, warning or error, not '{value}'",
                        )
                    )
                    continue
                sec.settings[key] = value
        sections.append(sec)
    return IniConfig(source, styles_path, min_level, vocab, word_template, core_lines, sections, problems)


def glob_matches(pattern: str, name: str) -> bool:
    """Vale's section globs (``*``, ``*.{md,txt}``, ``[*.txt]``) against a file name."""
    return any(fnmatch.fnmatchcase(name, expanded) for expanded in _expand_braces(pattern))


def _expand_braces(pattern: str) -> list[str]:
    m = regex.search(r"\{([^{}]*)\}", pattern)
    if m is None:
        return [pattern]
    out: list[str] = []
    for option in m.group(1).split(","):
        out.extend(_expand_braces(pattern[: m.start()] + option + pattern[m.end() :]))
    return out
