"""Render reports for the command line: readable text with carets, JSON, and SARIF 2.1.0."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from tonecheck.model import Finding, Severity, Suggestion
from tonecheck.report import Report
from tonecheck.sources import DraftSource
from tonecheck.text import grapheme_ends

__all__ = ["Result", "render_json", "render_sarif", "render_summary", "render_text"]

_COLOURS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[33m", Severity.SUGGESTION: "\x1b[36m"}
_DIM, _BOLD, _RESET = "\x1b[2m", "\x1b[1m", "\x1b[0m"
_WIDE = regex.compile(r"[\p{Emoji_Presentation}\p{Extended_Pictographic}]")
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}
_INFO_URI = "https://github.com/tonecheck/tonecheck"


@dataclass(frozen=True)
class Result:
    """A draft: where it came from, and its report.

    ``report`` is ``None`` when ``source.error`` says why the draft could not be checked (an input error).
    """

    source: DraftSource
    report: Report | None


# -- text ----------------------------------------------------------------------------------------


def render_text(result: Result, *, colour: bool = False) -> str:
    """Each finding with its location, the line with a caret under the span, and suggestions."""
    report = result.report
    paint = _painter(colour)
    if result.source.error is not None or report is None:
        return f"{result.source.where}: {paint('error', _COLOURS[Severity.ERROR])} " \
            f"{paint('[input-error]', _DIM)} {result.source.error}\n"
    if not report.findings:
        return ""
    out: list[str] = []
    for f in report.findings:
        text = report.target_text(f.target)
        about_file = f.target != "text" and f.start == f.end  # the attachment itself, not its alt text
        where = _where(result.source, f, text, about_file)
        out.append(
            f"{where}: {paint(f.severity.value, _COLOURS[f.severity])} "
            f"{paint('[' + f.rule + ']', _DIM)} {f.message}"
        )
        if not about_file:
            out.extend(_excerpt(text, f, paint))
        for s in f.suggestions[:3]:
            note = "" if s.safe else " (check before using)"
            out.append(f"    {paint('suggestion:', _BOLD)} {_suggestion_text(text, f, s)}{note}")
    return "\n".join(out) + "\n"


def _suggestion_text(text: str, f: Finding, s: Suggestion) -> str:
    """What a suggestion does, in words: the replacement itself when it reads as the fix on its own.

    An empty replacement is a deletion. A replacement that is only part of a word ("Image of V" →
    "V") or what is left after removing words ("Image of a" → "A") means nothing alone, so the
    label is shown with how the text reads after the fix.
    """
    replacement = s.replacement
    if not replacement.strip():
        return f"{s.label} (delete the marked text)"
    flagged = text[f.start : f.end]
    cuts_word = (f.start > 0 and text[f.start - 1].isalnum() and flagged[:1].isalnum()) or (
        f.end < len(text) and text[f.end].isalnum() and flagged[-1:].isalnum()
    )
    folded, kept = flagged.casefold(), replacement.casefold()
    gap = len(folded) - len(kept) - 1  # where the space before a kept last word would be
    removes_words = gap >= 0 and any(c.isalpha() for c in kept) and (
        (folded.endswith(kept) and folded[gap].isspace()) or (folded.startswith(kept) and folded[len(kept)].isspace())
    )
    if not (cuts_word or removes_words):
        return replacement
    return f"{s.label}, so it reads \"{_after_fix(text, f.start, f.end, replacement)}\""


def _after_fix(text: str, start: int, end: int, replacement: str, before: int = 20, after: int = 50) -> str:
    """The line of *text* around the fix once it is applied, cut at word boundaries with "…"."""
    fixed = text[:start] + replacement + text[end:]
    line_start = fixed.rfind("\n", 0, start) + 1
    line_end = fixed.find("\n", start)
    line_end = len(fixed) if line_end == -1 else line_end
    show_start = line_start
    if start - line_start > before:
        space = fixed.rfind(" ", line_start, start - before)
        show_start = space + 1 if space != -1 else start
    limit = start + len(replacement) + after
    show_end = line_end
    if line_end > limit:
        space = fixed.find(" ", limit)
        show_end = space if space != -1 and space < line_end else line_end
    shown = fixed[show_start:show_end].rstrip("\r")
    return ("…" if show_start > line_start else "") + shown + ("…" if show_end < line_end else "")


def render_summary(results: Sequence[Result], *, colour: bool = False) -> str:
    """One closing line: how many drafts, findings by severity, and the overall score.

    Drafts with an input error are counted apart ("2 drafts not checked"): they were not checked,
    so they never count as having no problems.
    """
    paint = _painter(colour)
    checked = [r.report for r in results if r.report is not None and r.source.error is None]
    failed = len(results) - len(checked)
    not_checked = f" {failed} {'draft' if failed == 1 else 'drafts'} not checked (input errors)." if failed else ""
    counts: Counter[Severity] = Counter(f.severity for r in checked for f in r.findings)
    total = sum(counts.values())
    drafts = len(checked)
    noun = "draft" if drafts == 1 else "drafts"
    if not checked:
        return f"{failed} {'draft' if failed == 1 else 'drafts'} not checked (input errors).\n"
    if not total:
        if failed:
            return f"No problems found in {drafts} checked {noun}.{not_checked}\n"
        return f"{paint('No problems found', _BOLD)} in {drafts} {noun}.\n"
    parts = [f"{counts[s]} {s.value}{'' if counts[s] == 1 else 's'}" for s in reversed(Severity) if counts[s]]
    flagged = sum(1 for r in checked if r.findings)
    line = f"{total} finding{'' if total == 1 else 's'} ({', '.join(parts)})"
    if len(results) == 1:
        score = checked[0].scores.get("overall")
        return f"{line}. Score: {score}/100.\n"
    return f"{line} in {flagged} of {drafts} {'checked ' if failed else ''}{noun}.{not_checked}\n"


def _painter(colour: bool) -> Any:
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    return paint


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _in_file(source: DraftSource, line: int, col: int) -> tuple[int, int] | None:
    """A position inside the draft text as a line and column of the file, when the file holds the text."""
    if source.origin is None:
        return None
    origin_line, origin_col = source.origin
    return origin_line + line - 1, (col + origin_col - 1 if line == 1 else col)


def _where(source: DraftSource, f: Finding, text: str, about_file: bool) -> str:
    """The location printed before a finding (see the ``tonecheck.cli`` docstring)."""
    if f.target != "text":
        number = int(f.target.split(":")[1]) + 1
        return f"{source.where}: {'attachment' if about_file else 'alt text of attachment'} {number}"
    line, col = _line_col(text, f.start)
    if source.row is None:
        line, col = _in_file(source, line, col) or (line, col)
    return f"{source.where}:{line}:{col}"


def _excerpt(text: str, f: Finding, paint: Any, window: int = 100) -> list[str]:
    """The finding's line (cut to about *window* characters around the span) and a caret line."""
    line_start = text.rfind("\n", 0, f.start) + 1
    line_end = text.find("\n", f.start)
    if line_end == -1:
        line_end = len(text)
    if text[line_end - 1 : line_end] == "\r":
        line_end -= 1
    show_start = line_start if f.start - line_start <= window // 2 else f.start - window // 4
    show_end = min(line_end, show_start + window)
    before = "…" if show_start > line_start else ""
    after = "…" if show_end < line_end else ""
    end = min(f.end, show_end)
    pad = _width(before + text[show_start : f.start])
    marks = max(1, _width(text[f.start : end]))
    return [
        f"    {before}{text[show_start:show_end]}{after}",
        "    " + " " * pad + paint("^" * marks, _COLOURS[f.severity]),
    ]


def _width(s: str) -> int:
    """Terminal columns taken by *s* (wide East Asian characters and emoji take two)."""
    if s.isascii():
        return len(s)
    width = 0
    start = 0
    for end in grapheme_ends(s):
        g, start = s[start:end], end
        if _WIDE.match(g) or unicodedata.east_asian_width(g[0]) in ("W", "F"):
            width += 2
        elif unicodedata.category(g[0]) not in ("Mn", "Me", "Cf"):
            width += 1
    return width


# -- JSON ----------------------------------------------------------------------------------------


def render_json(results: Sequence[Result]) -> str:
    """All results as one JSON document: ``{"drafts": [{"source", "path", "row", "report"}]}``.

    A CSV row's id or date is ``row_label``. A draft that could not be checked has ``"report": null``
    and ``"error": {"kind": "input-error", "message": …}``.
    """
    payload = {"drafts": [_json_draft(r) for r in results]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _json_draft(result: Result) -> dict[str, Any]:
    src = result.source
    entry: dict[str, Any] = {"source": src.label, "path": src.path, "row": src.row}
    if src.tag is not None:
        entry["row_label"] = src.tag
    if src.error is not None or result.report is None:
        return entry | {"error": {"kind": "input-error", "message": src.error}, "report": None}
    return entry | {"report": result.report.to_dict()}


# -- SARIF ---------------------------------------------------------------------------------------


def render_sarif(results: Sequence[Result], rules: Iterable[Any], version: str) -> str:
    """SARIF 2.1.0 for code-scanning tools. Columns are code points (``columnKind``)."""
    rule_list = sorted(rules, key=lambda r: r.id)
    index = {r.id: i for i, r in enumerate(rule_list)}
    sarif_results = []
    errors = [r.source for r in results if r.source.error is not None or r.report is None]
    for result in results:
        src = result.source
        if src.error is not None or result.report is None:
            sarif_results.append(_sarif_input_error(src))
            continue
        for f in result.report.findings:
            text = result.report.target_text(f.target)
            start = _in_file(src, *_line_col(text, f.start)) if f.target == "text" else None
            end = _in_file(src, *_line_col(text, f.end)) if f.target == "text" else None
            region: dict[str, int]
            if start is not None and end is not None:
                region = {"startLine": start[0], "startColumn": start[1], "endLine": end[0], "endColumn": end[1]}
            else:
                # An alt text, or a text the file holds with escapes: point at the draft's first line.
                region = {"startLine": src.row or (src.origin or (1, 1))[0]}
            # Fixes only where the file holds the text as is (a text file): a TOML or CSV file would
            # need the replacement escaped.
            in_file = src.row is None and src.origin == (1, 1) and not src.path.lower().endswith(".toml")
            in_file = in_file and start is not None
            entry: dict[str, Any] = {
                "ruleId": f.rule,
                "level": _SARIF_LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": result.source.path}, "region": region}}
                ],
            }
            # A sub-rule id ("languagetool/EN_A_VS_AN") is a SARIF hierarchical id of its rule's descriptor.
            parent = f.rule.split("/", 1)[0]
            if parent in index:
                entry["ruleIndex"] = index[parent]
            if f.target != "text":
                entry["properties"] = {"target": f.target}
            if f.suggestions and in_file:
                entry["fixes"] = [
                    {
                        "description": {"text": s.label},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": result.source.path},
                                "replacements": [
                                    {
                                        "deletedRegion": region,
                                        "insertedContent": {"text": s.replacement},
                                    }
                                ],
                            }
                        ],
                    }
                    for s in f.suggestions[:3]
                ]
            sarif_results.append(entry)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "tonecheck",
                        "version": version,
                        "informationUri": _INFO_URI,
                        "rules": [
                            {
                                "id": r.id,
                                "shortDescription": {"text": r.summary},
                                "fullDescription": {"text": r.help},
                                "helpUri": r.references[0],
                                "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
                                "properties": {"category": r.category.value, "tags": sorted(r.tags)},
                            }
                            for r in rule_list
                        ]
                        + ([_INPUT_ERROR_RULE] if errors else []),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [
                    {
                        "executionSuccessful": not errors,
                        "toolExecutionNotifications": [
                            {"level": "error", "message": {"text": e.error or ""}} | _sarif_location(e)
                            for e in errors
                        ],
                    }
                ],
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


_INPUT_ERROR_RULE: dict[str, Any] = {
    "id": "input-error",
    "shortDescription": {"text": "A draft could not be read or checked"},
    "fullDescription": {
        "text": "The draft file, CSV row or attached file could not be read, so the draft was not checked. "
        "Fix the input and run the check again."
    },
    "defaultConfiguration": {"level": "error"},
}


def _sarif_location(src: DraftSource) -> dict[str, Any]:
    location: dict[str, Any] = {"artifactLocation": {"uri": src.path}}
    if src.row is not None:
        location["region"] = {"startLine": src.row}
    return {"locations": [{"physicalLocation": location}]}


def _sarif_input_error(src: DraftSource) -> dict[str, Any]:
    return {
        "ruleId": "input-error",
        "level": "error",
        "message": {"text": src.error or "the draft could not be checked"},
        "properties": {"kind": "input-error"},
    } | _sarif_location(src)
