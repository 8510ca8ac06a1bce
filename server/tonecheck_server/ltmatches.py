"""Turn a tonecheck report into LanguageTool matches (``/v2/check``), and read annotated text.

Offsets are UTF-16 code units into the text the client sent, *including markup* when it sent
annotated text (``data``), as LanguageTool's own server reports them. The checker sees the plain
text: ``text`` parts as they are and each ``markup`` part as its ``interpretAs`` (or nothing).

How tonecheck findings look to LanguageTool clients (``rule.issueType`` drives the colour: LanguageTool's
add-on draws ``misspelling`` red and ``style`` blue, everything else yellow):

=====================================  =========================  ======================  ==============
tonecheck                              ``rule.category``          ``rule.issueType``      ``typeName``
=====================================  =========================  ======================  ==============
accessibility (most rules)             ``ACCESSIBILITY``          ``style``               ``Hint``
characters and hashtag case rules      ``ACCESSIBILITY``          ``typographical``       by severity
``alt-text-missing``                   ``ACCESSIBILITY``          ``omission``            ``Other``
voice                                  ``BRAND_VOICE``            ``style``               ``Hint``
voice terms and brand spellings        ``BRAND_VOICE``            ``terminology``         by severity
policy                                 ``POLICY``                 ``legal``               ``Other``
``length-limit``                       ``PLATFORM``               ``length``              ``Other``
``platform-limit``                     ``PLATFORM``               ``non-conformance``     ``Other``
grammar (``languagetool/<id>``)        LanguageTool's own         LanguageTool's own      LanguageTool's
=====================================  =========================  ======================  ==============

"by severity": ``Hint`` for suggestions, ``Other`` for warnings and errors. Grammar findings come
back with LanguageTool's rule id, category, issue type and message, so clients' "turn off this
rule" settings keep working.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tonecheck import Finding, Severity
from tonecheck.model import Category
from tonecheck.offsets import OffsetMap, utf16_length
from tonecheck.registry import Registry

__all__ = [
    "CATEGORY_IDS",
    "AnnotatedText",
    "category_id",
    "issue_type",
    "matches",
]

#: tonecheck category → LanguageTool category id.
CATEGORY_IDS = {
    Category.ACCESSIBILITY: ("ACCESSIBILITY", "Accessibility"),
    Category.VOICE: ("BRAND_VOICE", "Brand voice"),
    Category.POLICY: ("POLICY", "Policy"),
    Category.PLATFORM: ("PLATFORM", "Platform limits"),
    Category.GRAMMAR: ("GRAMMAR", "Grammar"),
}
_CATEGORY_ISSUE = {
    Category.ACCESSIBILITY: "style",
    Category.VOICE: "style",
    Category.POLICY: "legal",
    Category.PLATFORM: "non-conformance",
    Category.GRAMMAR: "grammar",
}
_RULE_ISSUE = {
    "all-caps": "typographical",
    "fancy-text": "typographical",
    "spaced-letters": "typographical",
    "invisible-characters": "typographical",
    "ascii-art": "typographical",
    "hashtag-camel-case": "typographical",
    "alt-text-missing": "omission",
    "length-limit": "length",
    "term-avoid": "terminology",
    "term-prefer": "terminology",
    "brand-spelling": "terminology",
}
_HINT_ISSUES = frozenset({"style", "register", "locale-violation"})
# LanguageTool's English category names (LanguageTool keeps only the id in tonecheck's findings).
_LT_CATEGORY_NAMES = {
    "TYPOS": "Possible Typo", "GRAMMAR": "Grammar", "PUNCTUATION": "Punctuation", "STYLE": "Style",
    "TYPOGRAPHY": "Typography", "CASING": "Capitalization", "CONFUSED_WORDS": "Commonly Confused Words",
    "REDUNDANCY": "Redundant Phrases", "COLLOCATIONS": "Collocations", "MISC": "Miscellaneous",
    "SEMANTICS": "Semantics", "COMPOUNDING": "Compounding", "NONSTANDARD_PHRASES": "Nonstandard Phrases",
    "PLAIN_ENGLISH": "Plain English", "REPETITIONS_STYLE": "Repetitions (Style)", "REPETITIONS": "Repetitions",
    "FALSE_FRIENDS": "False Friends", "GENDER_NEUTRALITY": "Gender Neutrality", "CREATIVE_WRITING": "Creative Writing",
    "AMERICAN_ENGLISH_STYLE": "American English Style", "BRITISH_ENGLISH": "British English",
}
_CONTEXT = 40


def issue_type(finding: Finding) -> str:
    """LanguageTool's ``rule.issueType`` for a finding."""
    if finding.rule.startswith("languagetool/"):
        return str(finding.data.get("issue_type") or "uncategorized")
    return _RULE_ISSUE.get(finding.rule, _CATEGORY_ISSUE.get(finding.category, "uncategorized"))


def category_id(finding: Finding) -> str:
    """LanguageTool's ``rule.category.id`` for a finding."""
    if finding.rule.startswith("languagetool/"):
        return str(finding.data.get("lt_category") or "MISC")
    return CATEGORY_IDS[finding.category][0]


def lt_rule_id(finding: Finding) -> str:
    """The rule id a LanguageTool client sees: LanguageTool's own for grammar, else tonecheck's."""
    if finding.rule.startswith("languagetool/"):
        return str(finding.data.get("lt_rule") or finding.rule.split("/", 1)[1])
    return finding.rule


@dataclass(frozen=True, slots=True)
class _Segment:
    plain: int
    plain_len: int
    original: int
    original_len: int
    is_text: bool


class AnnotatedText:
    """The text a client sent (``original``: text and markup) and what is checked (``plain``)."""

    def __init__(self, plain: str, original: str, segments: list[_Segment] | None = None) -> None:
        self.plain = plain
        self.original = original
        self._segments = [s for s in segments or () if s.plain_len > 0]
        self._starts = [s.plain for s in self._segments]
        self._mapped = segments is not None

    @classmethod
    def from_text(cls, text: str) -> AnnotatedText:
        """Plain text: nothing to map."""
        return cls(text, text)

    @classmethod
    def from_data(cls, raw: str) -> AnnotatedText:
        """LanguageTool's ``data`` parameter; :class:`ValueError` (with a message for the client) when invalid."""
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ValueError(f"'data' is not valid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(data, dict):
            raise ValueError("'data' must be a JSON object with 'text' or 'annotation'")
        if "text" in data and "annotation" in data:
            raise ValueError("'data' can have 'text' or 'annotation', not both")
        if "text" in data:
            if not isinstance(data["text"], str):
                raise ValueError("'data.text' must be a string")
            return cls.from_text(data["text"])
        parts = data.get("annotation")
        if not isinstance(parts, list):
            raise ValueError("'data' needs 'text' or an 'annotation' list")
        plain: list[str] = []
        original: list[str] = []
        segments: list[_Segment] = []
        p = o = 0
        for i, part in enumerate(parts):
            if not isinstance(part, dict):
                raise ValueError(f"annotation[{i}] must be an object")
            if "text" in part:
                if "markup" in part or "interpretAs" in part:
                    raise ValueError(f"annotation[{i}]: 'text' cannot be combined with 'markup' or 'interpretAs'")
                piece = part["text"]
                if not isinstance(piece, str):
                    raise ValueError(f"annotation[{i}].text must be a string")
                segments.append(_Segment(p, len(piece), o, len(piece), True))
                plain.append(piece)
                original.append(piece)
                p += len(piece)
                o += len(piece)
            elif "markup" in part:
                markup, stand_in = part["markup"], part.get("interpretAs", "")
                if not isinstance(markup, str) or not isinstance(stand_in, str):
                    raise ValueError(f"annotation[{i}]: 'markup' and 'interpretAs' must be strings")
                segments.append(_Segment(p, len(stand_in), o, len(markup), False))
                plain.append(stand_in)
                original.append(markup)
                p += len(stand_in)
                o += len(markup)
            else:
                raise ValueError(f"annotation[{i}] needs 'text' or 'markup'")
        return cls("".join(plain), "".join(original), segments)

    def to_original(self, pos: int, *, end: bool) -> int:
        """Code-point position in ``original`` of position *pos* in ``plain``.

        A position inside a stand-in (``interpretAs``) maps to the start (or, for an end, the end) of
        its markup, so a span never cuts through markup.
        """
        if not self._mapped:
            return pos
        if not self._segments:
            return len(self.original) if pos else 0
        i = (bisect_left(self._starts, pos) if end else bisect_right(self._starts, pos)) - 1
        if i < 0:
            return self._segments[0].original
        seg = self._segments[i]
        if pos >= seg.plain + seg.plain_len:
            return seg.original + seg.original_len
        if seg.is_text:
            return seg.original + (pos - seg.plain)
        return seg.original + seg.original_len if end else seg.original


def matches(
    findings: Iterator[Finding] | list[Finding],
    text: AnnotatedText,
    registry: Registry,
    rule_url: str,
) -> list[dict[str, Any]]:
    """LanguageTool matches for the *findings* on the draft (not its media). *rule_url* ends with ``/``."""
    original = text.original
    offsets = OffsetMap(original)
    lines = _LineIndex(text.plain)
    out = []
    for f in findings:
        if f.target != "text":
            continue
        start = text.to_original(f.start, end=False)
        end = max(start, text.to_original(f.end, end=True))
        offset, length = offsets.utf16_span(start, end)
        out.append({
            "message": _message(f),
            "shortMessage": _short_message(f, registry),
            "replacements": [{"value": s.replacement} for s in f.suggestions],
            "offset": offset,
            "length": length,
            "context": _context(original, start, end, length),
            "sentence": lines.line(f.start),
            "type": {"typeName": _type_name(f)},
            "rule": _rule(f, registry, rule_url),
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
        })
    return out


def _message(f: Finding) -> str:
    if f.rule.startswith("languagetool/"):
        return str(f.data.get("lt_message") or f.message)
    return f.message


def _short_message(f: Finding, registry: Registry) -> str:
    if f.rule.startswith("languagetool/"):
        return str(f.data.get("lt_short_message") or "")
    return registry.get(f.rule).summary if f.rule in registry else ""


def _type_name(f: Finding) -> str:
    if f.rule.startswith("languagetool/"):
        given = f.data.get("lt_type_name")
        if isinstance(given, str) and given:
            return given
        return "UnknownWord" if f.message_id == "spelling" else "Other"
    if f.severity is Severity.SUGGESTION or issue_type(f) in _HINT_ISSUES:
        return "Hint"
    return "Other"


def _rule(f: Finding, registry: Registry, rule_url: str) -> dict[str, Any]:
    rule_id = lt_rule_id(f)
    if f.rule.startswith("languagetool/"):
        cat = category_id(f)
        name = str(f.data.get("lt_category_name") or _LT_CATEGORY_NAMES.get(cat, cat.replace("_", " ").title()))
        description = str(
            f.data.get("lt_description") or f.data.get("lt_short_message") or f"LanguageTool rule {rule_id}"
        )
        urls = f.data.get("lt_urls") or [f"https://community.languagetool.org/rule/show/{rule_id}?lang=en"]
        return {
            "id": rule_id,
            "description": description,
            "issueType": issue_type(f),
            "urls": [{"value": str(u)} for u in urls],
            "category": {"id": cat, "name": name},
        }
    cat_id, cat_name = CATEGORY_IDS[f.category]
    base = f.rule.split("/", 1)[0]
    return {
        "id": rule_id,
        "description": registry.get(base).summary if base in registry else rule_id,
        "issueType": issue_type(f),
        "urls": [{"value": rule_url + base}],
        "category": {"id": cat_id, "name": cat_name},
    }


def _context(original: str, start: int, end: int, length: int) -> dict[str, Any]:
    c_start, c_end = max(0, start - _CONTEXT), min(len(original), end + _CONTEXT)
    before = ("..." if c_start > 0 else "") + original[c_start:start]
    snippet = before + original[start:c_end] + ("..." if c_end < len(original) else "")
    # Same length: line breaks become spaces, as in LanguageTool's context.
    snippet = snippet.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return {"text": snippet, "offset": utf16_length(before), "length": length}


class _LineIndex:
    """The line of the plain text around a position, as the match's ``sentence``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def line(self, pos: int) -> str:
        i = bisect_right(self._starts, pos) - 1
        start = self._starts[max(i, 0)]
        end = self.text.find("\n", start)
        return self.text[start : end if end != -1 else len(self.text)].strip()
