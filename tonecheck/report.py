"""The result of checking a draft, and its JSON form.

Serialised findings carry ``start``/``end`` in code points **and** ``offset``/``length`` in UTF-16
code units (what JavaScript and LanguageTool use), plus a 1-based ``line`` and ``column``
(column in code points). The conversion happens here, through :mod:`tonecheck.offsets` only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tonecheck.model import Finding, Severity, Skipped
from tonecheck.offsets import OffsetMap

__all__ = ["SCHEMA_VERSION", "Report"]

#: Version of the JSON shape produced by :meth:`Report.to_dict`.
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Report:
    """Findings (sorted by position), scores, metrics and skipped checks for one draft."""

    text: str = field(repr=False)
    findings: tuple[Finding, ...]
    scores: Mapping[str, int]
    metrics: Mapping[str, Any]
    skipped: tuple[Skipped, ...] = ()
    platform: str | None = None
    alt_texts: tuple[str | None, ...] = field(default=(), repr=False)

    def at_least(self, severity: Severity) -> list[Finding]:
        """Findings of *severity* or worse."""
        return [f for f in self.findings if f.severity.rank >= severity.rank]

    def target_text(self, target: str) -> str:
        """The text a finding's span points into: the post, or one media item's alt text."""
        if target == "text":
            return self.text
        if target.startswith("media:"):
            index = int(target.split(":", 1)[1])
            if 0 <= index < len(self.alt_texts):
                return self.alt_texts[index] or ""
        raise ValueError(f"unknown finding target {target!r}")

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (schema version :data:`SCHEMA_VERSION`)."""
        maps: dict[str, OffsetMap] = {}
        findings = []
        for f in self.findings:
            m = maps.get(f.target)
            if m is None:
                m = maps[f.target] = OffsetMap(self.target_text(f.target))
            offset, length = m.utf16_span(f.start, f.end)
            line, column = m.line_col(f.start)
            findings.append(
                {
                    "rule": f.rule,
                    "category": f.category.value,
                    "severity": f.severity.value,
                    "message": f.message,
                    "target": f.target,
                    "start": f.start,
                    "end": f.end,
                    "offset": offset,
                    "length": length,
                    "line": line,
                    "column": column,
                    "suggestions": [s.to_dict() for s in f.suggestions],
                    "help": f.help,
                    "message_id": f.message_id,
                }
            )
        return {
            "schema": SCHEMA_VERSION,
            "platform": self.platform,
            "findings": findings,
            "scores": dict(self.scores),
            "metrics": dict(self.metrics),
            "skipped": [s.to_dict() for s in self.skipped],
        }
