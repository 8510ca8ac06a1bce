"""Rule documentation: read the sectioned docstrings and render RULES.md and ``tonecheck explain``.

A rule's docstring is its documentation. After a one-line summary it has these Markdown sections,
in this order (``Options`` only when the rule has options)::

    ## What it checks
    ## Why it matters
    ## Example          (a ```text fenced block that the rule flags)
    ## Use instead      (a ```text fenced block that the rule does not flag)

A fence may give the platform and attached media the draft is checked with, as ``key=value``
words (quote values with spaces): ```text platform=x alt="IMG_1234.jpg" kind=image``. ``alt``,
``kind``, ``file`` (a path from the repository root) and ``captions`` (true/false) describe a media
item; naming a key again starts the next item; ``alt=<none>`` means no alt text. ``profile=acme``
checks the draft against the example voice profile ``tonecheck/data/voice/examples/acme.toml``.
    ## Options
    ## Fix
    ## References       (a list of URLs)

``tests/test_docs.py`` fails when RULES.md is stale, and the contract tests run each Example and
Use instead block through the rule.
"""

from __future__ import annotations

import inspect
import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tonecheck.model import Media

if TYPE_CHECKING:
    from tonecheck.rule import Rule
    from tonecheck.voice.profile import Profile

__all__ = [
    "REQUIRED_SECTIONS",
    "SECTIONS",
    "DocExample",
    "DocstringError",
    "example_texts",
    "explain",
    "first_paragraph",
    "parse_docstring",
    "render_rules_md",
]

SECTIONS = ("What it checks", "Why it matters", "Example", "Use instead", "Options", "Fix", "References")
REQUIRED_SECTIONS = tuple(s for s in SECTIONS if s != "Options")

_FENCE = re.compile(r"```text([^\n]*)\n(.*?)\n```", re.S)
_MEDIA_KEYS = ("alt", "kind", "file", "captions")


class DocstringError(ValueError):
    """A rule docstring that does not follow the required layout."""


def parse_docstring(doc: str | None) -> tuple[str, dict[str, str]]:
    """Split a rule docstring into its summary line and its sections (in order)."""
    if not doc:
        raise DocstringError("missing docstring")
    lines = inspect.cleandoc(doc).splitlines()
    summary = lines[0].strip()
    sections: dict[str, str] = {}
    current: str | None = None
    body: list[str] = []
    for line in lines[1:]:
        if line.startswith("## "):
            if current is not None:
                sections[current] = "\n".join(body).strip()
            current = line[3:].strip()
            if current not in SECTIONS:
                raise DocstringError(f"unknown section {current!r} (allowed: {', '.join(SECTIONS)})")
            if current in sections:
                raise DocstringError(f"section {current!r} appears twice")
            body = []
        elif current is None:
            if line.strip():
                raise DocstringError("text between the summary line and the first section")
        else:
            body.append(line)
    if current is not None:
        sections[current] = "\n".join(body).strip()
    missing = [s for s in REQUIRED_SECTIONS if not sections.get(s)]
    if missing:
        raise DocstringError(f"missing section(s): {', '.join(missing)}")
    order = [s for s in SECTIONS if s in sections]
    if list(sections) != order:
        raise DocstringError(f"sections out of order: expected {', '.join(order)}")
    for name in ("Example", "Use instead"):
        if not _FENCE.search(sections[name]):
            raise DocstringError(f"section {name!r} needs a ```text block with a draft")
    return summary, sections


@dataclass(frozen=True)
class DocExample:
    """A draft from a docstring's ```text block, with the platform and media its fence names."""

    text: str
    platform: str | None = None
    media: tuple[Media, ...] = ()
    profile: str | None = None

    def load_profile(self) -> Profile | None:
        """The example voice profile the fence names, if any."""
        if self.profile is None:
            return None
        from tonecheck.voice.profile import load_profile

        return load_profile(example_profile_path(self.profile))


def example_profile_path(name: str) -> Path:
    """The file of the example voice profile *name* shipped with tonecheck."""
    return Path(__file__).parent / "data" / "voice" / "examples" / f"{name}.toml"


def example_texts(section: str) -> list[DocExample]:
    """The drafts in a section's ```text blocks."""
    return [_example(m.group(2), m.group(1)) for m in _FENCE.finditer(section)]


def _example(text: str, info: str) -> DocExample:
    platform: str | None = None
    profile: str | None = None
    items: list[dict[str, Any]] = []
    for word in shlex.split(info):
        key, _, value = word.partition("=")
        if key == "platform":
            platform = value
        elif key == "profile":
            profile = value
        elif key in _MEDIA_KEYS:
            if not items or key in items[-1]:
                items.append({})
            items[-1][key] = value
        else:
            raise DocstringError(f"unknown example setting {key!r}")
    media = tuple(
        Media(
            path=item.get("file"),
            alt=None if item.get("alt", "<none>") == "<none>" else item["alt"],
            kind=item.get("kind"),
            captions={"true": True, "false": False}.get(item.get("captions", "").lower()),
        )
        for item in items
    )
    return DocExample(text, platform, media, profile)


def first_paragraph(section: str) -> str:
    """The first paragraph of a section, on one line."""
    para = section.strip().split("\n\n", 1)[0]
    return " ".join(para.split())


def explain(rule: type[Rule]) -> str:
    """The full Markdown documentation of one rule."""
    _, sections = parse_docstring(rule.__doc__)
    out = [f"# {rule.id}", "", rule.summary, "", _facts(rule), ""]
    for name, body in sections.items():
        out += [f"## {name}", "", body, ""]
    if rule.defaults:
        out += ["## Defaults", "", *_option_lines(rule), ""]
    return "\n".join(out).rstrip() + "\n"


def render_rules_md(rules: Iterable[type[Rule]]) -> str:
    """RULES.md: an index table, then every rule's documentation. Generated; do not edit by hand."""
    ordered = sorted(rules, key=lambda r: (r.category.value, r.id))
    out = [
        "# tonecheck rules",
        "",
        "<!-- Generated from the rule docstrings by `tonecheck rules --markdown > RULES.md`. Do not edit. -->",
        "",
        "| Rule | Category | Severity | Fix | Summary |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in ordered:
        out.append(
            f"| [`{rule.id}`](#{rule.id}) | {rule.category.value} | {rule.severity.value} "
            f"| {rule.fix.value} | {rule.summary} |"
        )
    out.append("")
    for rule in ordered:
        text = explain(rule).replace("\n## ", "\n### ").replace("# " + rule.id, "## " + rule.id, 1)
        out += [text.rstrip(), ""]
    return "\n".join(out)


def _facts(rule: type[Rule]) -> str:
    parts = [
        f"Category: {rule.category.value}",
        f"default severity: {rule.severity.value}",
        f"fix: {rule.fix.value}",
        f"status: {rule.status.value}",
    ]
    if rule.tags:
        parts.append("tags: " + ", ".join(sorted(rule.tags)))
    return "*" + "; ".join(parts) + ".*"


def _option_lines(rule: type[Rule]) -> list[str]:
    lines = []
    for key, value in rule.defaults.items():
        source = rule.sources.get(key)
        spec = rule.schema.get(key)
        allowed = f" (allowed {spec.allowed})" if spec is not None and spec.allowed else ""
        lines.append(f"- `{key}` = `{value!r}`{allowed}" + (f" — {source}" if source else ""))
    return lines
