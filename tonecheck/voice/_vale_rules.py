"""Compiled Vale rules: one class per supported ``extends`` type.

Each rule is built once from its (validated, coerced) YAML definition; :meth:`ValeRule.check`
runs it over a plain-text draft. The Go sources these mirror are named in each class docstring
(vale-cli/vale ``internal/check/*.go``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any, ClassVar

import regex

from tonecheck._lazy import lazy
from tonecheck.voice import _vale_case as case
from tonecheck.voice import _vale_metrics as metrics
from tonecheck.voice._vale_text import (
    cap_first,
    compile_pattern,
    convert_capture_groups,
    convert_message,
    dotnet_replacement,
    format_message,
    get_options,
    has_capture_group,
    is_code,
    is_letter,
    is_phrase,
    to_sentence,
)

if TYPE_CHECKING:
    from tonecheck.text import ParsedText

__all__: list[str] = []

LEVELS = ("suggestion", "warning", "error")
LEVEL_RANK = {name: i for i, name in enumerate(LEVELS)}

WORD_TEMPLATE = r"(?m)\b(?:%s)\b"
NONWORD_TEMPLATE = r"(?m)(?:%s)"

# Where a plain-text draft has blocks, and the selector sections Vale gives them for a .txt file.
BLOCK_SECTIONS: dict[str, tuple[str, ...]] = {
    "text": ("text", "txt"),
    "paragraph": ("paragraph", "text", "txt"),
    "sentence": ("sentence", "text", "txt"),
    "raw": ("raw", "txt"),
    "summary": ("summary", "txt"),
}

_WORDS = regex.compile(r"\w+")
_LITERAL = regex.compile(r"[\p{L}\p{N}_ '’\-]*\w[\p{L}\p{N}_ '’\-]*")
_SENTENCE_BREAK = regex.compile(r"[.!?…]+[\"'”’)\]]*\s")


class RuleError(ValueError):
    """A rule definition that cannot be compiled; ``key`` names the YAML key at fault."""

    def __init__(self, key: str | None, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


@dataclass(frozen=True, slots=True)
class ValeAlert:
    """One Vale alert on a draft: the rule id (``Style.Rule``) and a code-point span."""

    rule: str
    start: int
    end: int
    message: str
    level: str
    suggestions: tuple[str, ...] = ()
    link: str | None = None
    description: str | None = None

    @property
    def match(self) -> tuple[int, int]:
        """The span as a ``(start, end)`` pair."""
        return self.start, self.end


# -- the per-draft context ---------------------------------------------------------------------


class Context:
    """What every rule reads from one draft: its blocks, words and entity spans (built lazily)."""

    def __init__(self, text: str, parsed: ParsedText | None, *, split_paragraphs: bool = True) -> None:
        self.text = text
        self._parsed = parsed
        self.want_paragraphs = split_paragraphs
        #: Per-rule memory across blocks (Vale's ``File.Sequences``).
        self.sequences: dict[str, list[str]] = {}

    @lazy
    def parsed(self) -> ParsedText:
        if self._parsed is None:
            from tonecheck.text import parse

            self._parsed = parse(self.text)
        return self._parsed

    @lazy
    def lower(self) -> str:
        return self.text.lower()

    @lazy
    def words(self) -> frozenset[str]:
        return frozenset(_WORDS.findall(self.lower))

    @lazy
    def paragraphs(self) -> list[tuple[int, int]]:
        return split_paragraphs(self.text) if self.want_paragraphs else []

    @lazy
    def sentences(self) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in self.parsed.sentences]

    def blocks(self, kind: str) -> list[tuple[int, int]]:
        if kind == "sentence":
            return self.sentences
        if kind == "paragraph":
            return self.paragraphs
        return [(0, len(self.text))]

    @lazy
    def shielded(self) -> tuple[list[tuple[int, int]], list[int]]:
        """URL and mention spans, where Vale's plain-text matches are dropped."""
        parsed = self.parsed
        spans = sorted((t.start, t.end) for t in (*parsed.urls, *parsed.mentions))
        return spans, [s for s, _ in spans]

    def in_shield(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a URL or mention without covering all of it."""
        spans, starts = self.shielded
        if not spans:
            return False
        i = bisect_right(starts, end) - 1
        while i >= 0:
            s, e = spans[i]
            if e <= start:
                return False
            if s < end and not (start <= s and e <= end):
                return True
            i -= 1
        return False

    @lazy
    def stats(self) -> metrics.Stats:
        parsed = self.parsed
        prose = parsed.prose
        sentences = [prose[s.start : s.end] for s in parsed.sentences]
        paragraphs = sum(1 for a, b in split_paragraphs(prose) if prose[a:b].strip())
        return metrics.stats(prose, sentences, paragraphs)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    r"""Vale's paragraph blocks: ``strings.SplitAfter(text, "\\n\\n")``."""
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        i = text.find("\n\n", start)
        if i < 0:
            spans.append((start, len(text)))
            return spans
        spans.append((start, i + 2))
        start = i + 2


# -- rules -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Action:
    """A rule's ``action`` (``name`` and ``params``)."""

    name: str = ""
    params: tuple[str, ...] = ()


class ValeRule:
    """One loaded Vale rule. Subclasses implement one ``extends`` type each."""

    extends: ClassVar[str] = ""
    #: Type-specific keys (lower case) this rule accepts, with their coercion ("str", "bool", ...).
    keys: ClassVar[Mapping[str, str]] = {}
    #: Whether accepted vocabulary terms become exceptions by default (Vale's ``vocab: true``).
    uses_vocab: ClassVar[bool] = False

    def __init__(
        self, rule_id: str, source: str, definition: Mapping[str, Any], accepted: tuple[str, ...] = ()
    ) -> None:
        self.id = rule_id
        self.source = source
        self.definition = dict(definition)
        self.accepted = accepted
        d = self.definition
        self.message: str = d.get("message", "")
        self.description: str | None = d.get("description") or None
        self.link: str | None = d.get("link") or None
        self.level: str = d.get("level") or "warning"
        self.limit: int = d.get("limit", 0)
        self.scope: tuple[str, ...] = tuple(d.get("scope") or ("text",))
        action = d.get("action") or {}
        self.action = Action(str(action.get("name", "") or ""), tuple(action.get("params") or ()))
        self.blocks: tuple[str, ...] = scope_blocks(self.scope)
        #: ``WordTemplate`` from ``.vale.ini`` (Vale's default wraps tokens in ``\b(?:...)\b``).
        self.word_template: str = d.get("_word_template") or WORD_TEMPLATE
        self._compile()

    # Subclasses override.
    def _compile(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _run(self, ctx: Context) -> list[ValeAlert]:  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def active(self) -> bool:
        """False when the rule's scope never occurs in plain text (headings, tables, lists...)."""
        return bool(self.blocks)

    def with_vocabulary(self, accepted: tuple[str, ...]) -> ValeRule:
        """Rebuild the rule with *accepted* vocabulary terms as exceptions (when it uses them)."""
        if not self.uses_vocab or accepted == self.accepted:
            return self
        return type(self)(self.id, self.source, self.definition, accepted)

    def with_level(self, level: str) -> ValeRule:
        """Rebuild the rule at another alert level."""
        if level == self.level:
            return self
        definition = dict(self.definition)
        definition["level"] = level
        return type(self)(self.id, self.source, definition, self.accepted)

    def check(self, text: str, parsed: ParsedText | None = None) -> list[ValeAlert]:
        """Alerts of this rule on *text*, sorted; matches inside URLs and mentions are dropped."""
        ctx = Context(text, parsed, split_paragraphs="paragraph" in self.blocks)
        return finish(self, self._run(ctx), ctx)

    # -- helpers shared by the types --------------------------------------------------------

    def _alert(
        self, start: int, end: int, message: str, description: str | None, suggestions: Iterable[str] = ()
    ) -> ValeAlert:
        return ValeAlert(self.id, start, end, message, self.level, tuple(suggestions), self.link, description)

    def _match_alert(self, start: int, end: int, match: str) -> ValeAlert:
        """Vale's ``makeAlert``: message with the match (and the action's fix when there is one)."""
        suggestions = self._fixes(match)
        if self.action.name:
            repl = match
            if len(suggestions) == 1:
                repl = suggestions[0]
            elif len(suggestions) > 1:
                repl = to_sentence(list(suggestions), "or")
            message = format_message(self.message, match, repl)
            description = format_message(self.description, match, repl) if self.description else None
        else:
            message = format_message(self.message, match)
            description = format_message(self.description, match) if self.description else None
        return self._alert(start, end, message, description, suggestions)

    def _fixes(self, match: str) -> tuple[str, ...]:
        """Vale's ``FixAlert`` for the actions that need no spelling dictionary or script."""
        name, params = self.action.name, self.action.params
        if name == "replace":
            return params
        if name == "remove":
            return ("",)
        if name == "convert" and params and params[0] == "simple":
            return (_simple_case(match),)
        if name == "edit" and params:
            return _edit(match, params)
        return ()

    def _exceptions(self, exceptions: list[str], use_vocab: bool) -> regex.Pattern[str] | None:
        terms = list(exceptions) + (list(self.accepted) if use_vocab else [])
        if not terms:
            return None
        terms.sort(key=len, reverse=True)
        scoped = [t if t.startswith("(?i)") else f"(?-i:{t})" for t in terms]
        try:
            return compile_pattern(WORD_TEMPLATE % "|".join(scoped))
        except regex.error as exc:
            raise RuleError("exceptions", f"invalid exception pattern: {exc}") from exc

    def _phrases(self, exceptions: list[str], use_vocab: bool) -> regex.Pattern[str] | None:
        terms = list(exceptions) + (list(self.accepted) if use_vocab else [])
        phrases = [t for t in terms if " " in t or "\t" in t or "\\s" in t]
        if not phrases:
            return None
        try:
            return compile_pattern(r"(?i)\b(?:" + "|".join(phrases) + r")\b")
        except regex.error:
            return None

    def __repr__(self) -> str:
        return f"<ValeRule {self.id} extends={self.extends} level={self.level}>"


def finish(rule: ValeRule, alerts: list[ValeAlert], ctx: Context) -> list[ValeAlert]:
    """Drop alerts inside URLs and mentions, de-duplicate, sort, and apply the rule's ``limit``."""
    seen: set[tuple[int, int, str]] = set()
    kept: list[ValeAlert] = []
    for a in alerts:
        key = (a.start, a.end, a.message)
        if key in seen or ctx.in_shield(a.start, a.end):
            continue
        seen.add(key)
        kept.append(a)
    kept.sort(key=lambda a: (a.start, a.end))
    if rule.limit > 0:
        kept = kept[: rule.limit]
    return kept


def _within(phrases: regex.Pattern[str] | None, text: str, start: int, end: int) -> bool:
    if phrases is None:
        return False
    return any(m.start() <= start and end <= m.end() for m in phrases.finditer(text))


def _compile(pattern: str, key: str) -> regex.Pattern[str]:
    try:
        return compile_pattern(pattern)
    except regex.error as exc:
        raise RuleError(key, f"invalid regular expression: {exc}") from exc


def _literal_keys(tokens: Iterable[str]) -> frozenset[str] | None:
    """Lower-cased first words of literal tokens, for a cheap "cannot match" test (None: no test)."""
    keys: set[str] = set()
    for token in tokens:
        if not _LITERAL.fullmatch(token):
            return None
        first = _WORDS.search(token.lower())
        if first is None:  # pragma: no cover - _LITERAL requires a word character
            return None
        keys.add(first.group())
    return frozenset(keys)


def _simple_case(s: str) -> str:
    out: list[str] = []
    old = " "
    for i, c in enumerate(s):
        alpha = c.isalpha() or c.isnumeric()
        if (i > 1 and old.islower() and c.isupper()) or not alpha or (c.isspace() and c != " "):
            out.append(" ")
        if alpha or c == " ":
            out.append(c.lower())
        old = c
    return regex.sub(" +", " ", "".join(out).strip())


def _edit(match: str, params: tuple[str, ...]) -> tuple[str, ...]:
    op = params[0]
    if op == "regex" and len(params) == 3:
        try:
            match = regex.sub(params[1], dotnet_replacement(params[2]), match)
        except regex.error:
            return ()
    elif op in ("trim_right", "trim_left", "trim") and len(params) == 2:
        chars = params[1]
        match = {"trim_right": match.rstrip, "trim_left": match.lstrip, "trim": match.strip}[op](chars)
    elif op == "truncate" and len(params) == 2:
        match = match.split(params[1])[0]
    elif op == "split" and len(params) == 3:
        try:
            match = match.split(params[1])[int(params[2])]
        except (ValueError, IndexError):
            return ()
    else:
        return ()
    return (match.strip(),)


# -- scopes ------------------------------------------------------------------------------------


def scope_blocks(scope: tuple[str, ...]) -> tuple[str, ...]:
    """The plain-text block kinds a scope matches (Vale's ``Scope.Matches``)."""
    kinds: list[str] = []
    for kind, sections in BLOCK_SECTIONS.items():
        fragment = kind == "sentence"
        for entry in scope:
            parts = [_selector(p) for p in entry.split("&")]
            if fragment and not any(not neg and "sentence" in secs for neg, secs in parts):
                continue
            if _part_matches(sections, parts):
                kinds.append(kind)
                break
    return tuple(kinds)


def _selector(part: str) -> tuple[bool, tuple[str, ...]]:
    part = part.strip()
    negated = part.startswith("~")
    return negated, tuple(s.strip() for s in part.lstrip("~").split("."))


def _part_matches(target: tuple[str, ...], parts: list[tuple[bool, tuple[str, ...]]]) -> bool:
    for negated, sections in parts:
        contains = all(s in target for s in sections)
        if negated and not contains:
            if "raw" in target or "summary" in target:
                return False
        elif (not negated and not contains) or (negated and contains):
            return False
    return True


def _ruled_out(keys: frozenset[str] | None, word: bool, ctx: Context) -> bool:
    """True when none of a rule's literal words (or, for non-word rules, substrings) is in the text."""
    if keys is None:
        return False
    if word:
        return keys.isdisjoint(ctx.words)
    return not any(k in ctx.lower for k in keys)


# -- existence ---------------------------------------------------------------------------------


class Existence(ValeRule):
    """``existence`` (``existence.go``): flag every match of ``tokens``/``raw``."""

    extends = "existence"
    keys: ClassVar[Mapping[str, str]] = {
        "tokens": "list",
        "raw": "list",
        "exceptions": "list",
        "append": "bool",
        "ignorecase": "bool",
        "nonword": "bool",
        "vocab": "bool",
    }
    uses_vocab = True

    def _compile(self) -> None:
        d = self.definition
        tokens = [t for t in d.get("tokens", []) if t.strip()]
        raw = "".join(d.get("raw", []))
        nonword = d.get("nonword", False)
        use_vocab = d.get("vocab", True) and not nonword
        self.exceptions = self._exceptions(d.get("exceptions", []), use_vocab)
        self.phrases = self._phrases(d.get("exceptions", []), use_vocab)
        word = not nonword and bool(tokens)
        body = "|".join(tokens)
        if word:
            template = self.word_template % body
        elif tokens:
            template = NONWORD_TEMPLATE % body
        else:
            template = ""
        pattern = template + raw if d.get("append", False) else raw + template
        if d.get("ignorecase", False):
            pattern = "(?i)" + pattern
        if not pattern:
            raise RuleError("tokens", "the rule has no tokens and no raw pattern")
        self.pattern = _compile(pattern, "tokens" if tokens else "raw")
        self.prefilter = None if raw else _literal_keys(tokens)
        self.word = word and self.word_template == WORD_TEMPLATE  # else the substring test

    def _run(self, ctx: Context) -> list[ValeAlert]:
        if _ruled_out(self.prefilter, self.word, ctx):
            return []
        alerts: list[ValeAlert] = []
        text = ctx.text
        for kind in self.blocks:
            for bs, be in ctx.blocks(kind):
                for m in self.pattern.finditer(text, bs, be):
                    observed = m.group().strip()
                    if self.exceptions is not None and self.exceptions.search(observed):
                        continue
                    if _within(self.phrases, text[bs:be], m.start() - bs, m.end() - bs):
                        continue
                    alerts.append(self._match_alert(m.start(), m.end(), m.group()))
        return alerts


# -- substitution ------------------------------------------------------------------------------


class Substitution(ValeRule):
    """``substitution`` (``substitution.go``): suggest the ``swap`` value for each key's match."""

    extends = "substitution"
    keys: ClassVar[Mapping[str, str]] = {
        "swap": "map",
        "exceptions": "list",
        "ignorecase": "bool",
        "nonword": "bool",
        "vocab": "bool",
        "capitalize": "bool",
        "pos": "str",
    }
    uses_vocab = True

    def _compile(self) -> None:
        d = self.definition
        swap: dict[str, str] = d.get("swap", {})
        if not swap:
            raise RuleError("swap", "the rule has no swap entries")
        self.ignorecase = d.get("ignorecase", False)
        self.capitalize = d.get("capitalize", False)
        self.exceptions = self._exceptions(d.get("exceptions", []), d.get("vocab", True))
        terms = sorted(swap, key=len, reverse=True)
        self.keys_order = terms
        self.replacements = [swap[t] for t in terms]
        groups: list[str] = []
        for term in terms:
            body = convert_capture_groups(term) if has_capture_group(term) else term
            try:
                compile_pattern(body)
            except regex.error as exc:
                raise RuleError("swap", f"invalid regular expression '{term}': {exc}") from exc
            groups.append(f"({body})")
        nonword = d.get("nonword", False)
        pattern = (NONWORD_TEMPLATE if nonword else self.word_template) % "|".join(groups)
        if self.ignorecase:
            pattern = "(?i)" + pattern
        self.pattern = _compile(pattern, "swap")
        self.word = not nonword and self.word_template == WORD_TEMPLATE  # else the substring test
        self.prefilter = _literal_keys(terms)
        self._key_patterns: dict[int, regex.Pattern[str]] = {}

    def _expected(self, index: int, observed: str) -> str:
        expected = self.replacements[index]
        if self.capitalize and observed == cap_first(observed):
            expected = cap_first(expected)
        if "$" not in expected or not regex.search(r"\$\d+", expected):
            return expected
        pattern = self._key_patterns.get(index)
        if pattern is None:
            key = self.keys_order[index]
            pattern = compile_pattern(("(?i)" if self.ignorecase else "") + key)
            self._key_patterns[index] = pattern
        return pattern.sub(dotnet_replacement(expected), observed)

    def _run(self, ctx: Context) -> list[ValeAlert]:
        if _ruled_out(self.prefilter, self.word, ctx):
            return []
        alerts: list[ValeAlert] = []
        text = ctx.text
        replace = self.action.name == "replace"
        for kind in self.blocks:
            for bs, be in ctx.blocks(kind):
                for m in self.pattern.finditer(text, bs, be):
                    index = (m.lastindex or 1) - 1
                    observed = m.group(index + 1)
                    start, end = m.span(index + 1)
                    expected = self._expected(index, observed)
                    same = observed in get_options(expected) if replace else _match_token(expected, observed)
                    if same or (self.exceptions is not None and self.exceptions.search(observed)):
                        continue
                    message = self.message
                    options = get_options(expected)
                    if replace and not self.action.params:
                        if self.capitalize and observed == cap_first(observed):
                            options = [cap_first(o) for o in options]
                        expected = to_sentence(options, "or")
                        message = convert_message(message)
                        suggestions: tuple[str, ...] = tuple(options)
                    elif replace:
                        suggestions = self.action.params
                    else:
                        # Vale offers no fix without `action: replace`; a literal swap value is
                        # still the obvious suggestion, so tonecheck keeps it (never a regex).
                        suggestions = tuple(o for o in options if is_phrase(o.replace("'", "").replace("’", "")))
                    description = format_message(self.description, expected, observed) if self.description else None
                    alerts.append(
                        self._alert(start, end, format_message(message, expected, observed), description, suggestions)
                    )
        return alerts


def _match_token(expected: str, observed: str) -> bool:
    """Vale's ``matchToken``: exact comparison for a phrase, otherwise an anchored regex match."""
    if is_phrase(expected):
        return expected == observed
    try:
        return regex.fullmatch(rf"^(?:{expected})$", observed) is not None
    except regex.error:
        return expected == observed


# -- occurrence --------------------------------------------------------------------------------


class Occurrence(ValeRule):
    """``occurrence`` (``occurrence.go``): count ``token`` per scope against ``max``/``min``."""

    extends = "occurrence"
    keys: ClassVar[Mapping[str, str]] = {"token": "str", "max": "int", "min": "int", "ignorecase": "bool"}

    def _compile(self) -> None:
        d = self.definition
        token = d.get("token", "")
        if not token:
            raise RuleError("token", "the rule needs a 'token' pattern")
        self.pattern = _compile(("(?i)" if d.get("ignorecase", False) else "") + f"(?:{token})", "token")
        self.max: int = d.get("max", 0)
        self.min: int = d.get("min", 0)
        if self.max <= 0 and self.min <= 0:
            raise RuleError("max", "the rule needs a positive 'max' or 'min'")

    def _run(self, ctx: Context) -> list[ValeAlert]:
        alerts: list[ValeAlert] = []
        text = ctx.text
        for kind in self.blocks:
            for bs, be in ctx.blocks(kind):
                found = list(self.pattern.finditer(text, bs, be))
                n = len(found)
                if not ((self.max > 0 and n > self.max) or (self.min > 0 and n < self.min)):
                    continue
                message = format_message(self.message, n)
                description = format_message(self.description, n) if self.description else None
                if n == 0:
                    alerts.append(self._alert(bs, be, message, description))
                    continue
                first = next((m for m in found if m.group().strip() and not is_code(m.group())), None)
                if first is None:
                    continue
                alerts.append(self._alert(first.start(), first.end(), message, description, self._fixes(first.group())))
        return alerts


# -- repetition --------------------------------------------------------------------------------


class Repetition(ValeRule):
    """``repetition`` (``repetition.go``): the same token twice in a row (``this this``)."""

    extends = "repetition"
    keys: ClassVar[Mapping[str, str]] = {
        "tokens": "list",
        "max": "int",
        "ignorecase": "bool",
        "alpha": "bool",
        "vocab": "bool",
        "exceptions": "list",
    }
    uses_vocab = True

    def _compile(self) -> None:
        d = self.definition
        tokens = d.get("tokens", [])
        if not tokens:
            raise RuleError("tokens", "the rule needs 'tokens'")
        self.ignorecase = d.get("ignorecase", False)
        self.alpha = d.get("alpha", False)
        self.max: int = d.get("max", 0)
        self.exceptions = self._exceptions(d.get("exceptions", []), d.get("vocab", True))
        self.phrases = self._phrases(d.get("exceptions", []), d.get("vocab", True))
        self.pattern = _compile(("(?i)" if self.ignorecase else "") + "(" + "|".join(tokens) + ")", "tokens")

    def _may_repeat(self, text: str, start: int, end: int) -> bool:
        """A cheap test (matching in C, one comparison per token): do two consecutive tokens read the same?"""
        found = self.pattern.findall(text, start, end)
        if not found or not isinstance(found[0], str):
            return bool(found)  # tokens with groups of their own: let the full scan decide
        words = [f.strip().casefold() for f in found] if self.ignorecase else [f.strip() for f in found]
        return any(a == b and a for a, b in pairwise(words))

    def _run(self, ctx: Context) -> list[ValeAlert]:
        alerts: list[ValeAlert] = []
        text = ctx.text
        for kind in self.blocks:
            for bs, be in ctx.blocks(kind):
                if not self._may_repeat(text, bs, be):
                    continue
                prev = ""
                prev_start = 0
                count = 0
                for m in self.pattern.finditer(text, bs, be):
                    curr = m.group().strip()
                    if self.ignorecase:
                        hit = curr != "" and curr.casefold() == prev.casefold()
                    else:
                        hit = curr != "" and curr == prev
                    hit = hit and (not self.alpha or is_letter(curr))
                    if hit:
                        count += 1
                    if hit and count > self.max:
                        span_text = text[prev_start : m.end()]
                        if not _SENTENCE_BREAK.search(span_text):
                            excepted = self.exceptions is not None and self.exceptions.search(span_text)
                            if not excepted and not _within(self.phrases, text[bs:be], prev_start - bs, m.end() - bs):
                                message = format_message(self.message, curr)
                                description = format_message(self.description, curr) if self.description else None
                                alerts.append(
                                    self._alert(prev_start, m.end(), message, description, self._fixes(span_text))
                                )
                                count = 0
                    prev_start = m.start()
                    prev = curr
        return alerts


# -- consistency -------------------------------------------------------------------------------


class Consistency(ValeRule):
    """``consistency`` (``consistency.go``): only one of each ``either`` pair may appear."""

    extends = "consistency"
    keys: ClassVar[Mapping[str, str]] = {"either": "map", "nonword": "bool", "ignorecase": "bool"}

    def _compile(self) -> None:
        d = self.definition
        either: dict[str, str] = d.get("either", {})
        if not either:
            raise RuleError("either", "the rule has no 'either' pairs")
        template = NONWORD_TEMPLATE if d.get("nonword", False) else self.word_template
        prefix = "(?i)" if d.get("ignorecase", False) else ""
        self.steps: list[tuple[regex.Pattern[str], tuple[str, str]]] = []
        for i, (first, second) in enumerate(either.items()):
            subs = (f"g{2 * i + 2}", f"g{2 * i + 3}")
            body = f"(?P<{subs[0]}>{first})|(?P<{subs[1]}>{second})"
            self.steps.append((_compile(prefix + template % body, "either"), subs))

    def _run(self, ctx: Context) -> list[ValeAlert]:
        alerts: list[ValeAlert] = []
        seen = ctx.sequences.setdefault(self.id, [])
        text = ctx.text
        for kind in self.blocks:
            for bs, be in ctx.blocks(kind):
                last: tuple[int, int] | None = None
                for pattern, subs in self.steps:
                    matched = False
                    for m in pattern.finditer(text, bs, be):
                        matched = True
                        for name in subs:
                            if m.start(name) >= 0:
                                last = m.span(name)
                                seen.append(name)
                    if matched and last is not None and subs[0] in seen and subs[1] in seen:
                        # Vale locates this alert by searching for the matched text, so it lands
                        # on the first occurrence in the block.
                        found = text[last[0] : last[1]]
                        start = text.find(found, bs, be)
                        start = last[0] if start < 0 else start
                        alerts.append(self._match_alert(start, start + len(found), found))
        return alerts


# -- conditional -------------------------------------------------------------------------------


class Conditional(ValeRule):
    """``conditional`` (``conditional.go``): each ``first`` match needs a ``second`` (a definition)."""

    extends = "conditional"
    keys: ClassVar[Mapping[str, str]] = {
        "first": "str",
        "second": "str",
        "exceptions": "list",
        "ignorecase": "bool",
        "vocab": "bool",
    }
    uses_vocab = True

    def _compile(self) -> None:
        d = self.definition
        first, second = d.get("first", ""), d.get("second", "")
        if not first:
            raise RuleError("first", "the rule needs a 'first' pattern")
        if not second:
            raise RuleError("second", "the rule needs a 'second' pattern")
        self.second = _compile(second, "second")
        self.first = _compile(first, "first")
        self.second_has_group = has_capture_group(second)
        self.exceptions = self._exceptions(d.get("exceptions", []), d.get("vocab", True))
        self.phrases = self._phrases(d.get("exceptions", []), d.get("vocab", True))

    def _run(self, ctx: Context) -> list[ValeAlert]:
        alerts: list[ValeAlert] = []
        text = ctx.text
        defined = ctx.sequences.setdefault(self.id, [])
        for kind in self.blocks:
            for bs, be in ctx.blocks(kind):
                if not self.second_has_group:
                    if self.second.search(text, bs, be):
                        continue
                else:
                    for m in self.second.finditer(text, bs, be):
                        defined.extend(g for g in m.groups() if g)
                for m in self.first.finditer(text, bs, be):
                    s = m.group()
                    if self.second_has_group and s in defined:
                        continue
                    if self.exceptions is not None and self.exceptions.search(s):
                        continue
                    if _within(self.phrases, text[bs:be], m.start() - bs, m.end() - bs):
                        continue
                    alerts.append(self._match_alert(m.start(), m.end(), s))
        return alerts


# -- capitalization ----------------------------------------------------------------------------


class Capitalization(ValeRule):
    """``capitalization`` (``capitalization.go``): the whole block must be in the given case."""

    extends = "capitalization"
    keys: ClassVar[Mapping[str, str]] = {
        "match": "str",
        "style": "str",
        "exceptions": "list",
        "indicators": "list",
        "threshold": "float",
        "vocab": "bool",
        "prefix": "str",
    }
    uses_vocab = True

    def _compile(self) -> None:
        d = self.definition
        self.match = d.get("match", "")
        if not self.match:
            raise RuleError("match", "the rule needs 'match' ($title, $sentence, $lower, $upper or a pattern)")
        self.style = d.get("style", "") or "AP"
        if self.style not in ("AP", "Chicago"):
            raise RuleError("style", f"style must be 'AP' or 'Chicago', not '{self.style}'")
        self.threshold: float = d.get("threshold", 0.0) or 0.8
        self.indicators = tuple(d.get("indicators", []))
        self.prefix: str = d.get("prefix", "")
        use_vocab = d.get("vocab", True)
        self.vocab_terms = tuple(d.get("exceptions", [])) + (self.accepted if use_vocab else ())
        self.exceptions = self._exceptions(d.get("exceptions", []), use_vocab)
        self.regex: regex.Pattern[str] | None = None
        if not self.match.startswith("$"):
            self.regex = _compile(self.match, "match")
        elif self.match not in ("$title", "$sentence", "$lower", "$upper"):
            raise RuleError("match", f"unknown case '{self.match}' (use $title, $sentence, $lower or $upper)")

    def _passes(self, s: str) -> tuple[bool, str]:
        exc = self.exceptions
        if self.match == "$title":
            ok = case.is_title(s, exc, self.style, self.vocab_terms, self.prefix, self.threshold)
            return ok, "" if ok else case.title_case(s, self.style, self.vocab_terms, self.prefix)
        if self.match == "$sentence":
            ok = case.is_sentence(s, exc, self.indicators, self.threshold)
            return ok, "" if ok else case.sentence_case(s, self.vocab_terms, self.indicators, self.prefix)
        if self.match == "$lower":
            return s == s.lower() or bool(exc is not None and exc.search(s)), self.match
        if self.match == "$upper":
            return s == s.upper() or bool(exc is not None and exc.search(s)), self.match
        assert self.regex is not None
        return bool(self.regex.search(s)) or bool(exc is not None and exc.search(s)), self.match

    def _run(self, ctx: Context) -> list[ValeAlert]:
        alerts: list[ValeAlert] = []
        text = ctx.text
        for kind in self.blocks:
            for bs, be in ctx.blocks(kind):
                s = text[bs:be]
                if not s.strip():
                    continue
                ok, expected = self._passes(s)
                if ok:
                    continue
                suggestions: tuple[str, ...] = ()
                if self.action.name == "replace":
                    if self.action.params:
                        suggestions = self.action.params
                    elif self.match in ("$title", "$sentence"):
                        suggestions = (expected,)
                message = format_message(self.message, s, expected)
                description = format_message(self.description, s, expected) if self.description else None
                alerts.append(self._alert(bs, be, message, description, suggestions))
        return alerts


# -- readability and metric --------------------------------------------------------------------


class Readability(ValeRule):
    """``readability`` (``readability.go``): the average grade of ``metrics`` must not exceed ``grade``."""

    extends = "readability"
    keys: ClassVar[Mapping[str, str]] = {"metrics": "list", "grade": "float"}

    def __init__(
        self, rule_id: str, source: str, definition: Mapping[str, Any], accepted: tuple[str, ...] = ()
    ) -> None:
        definition = dict(definition)
        definition["scope"] = _measured_scope(definition.get("scope"))
        super().__init__(rule_id, source, definition, accepted)

    def _compile(self) -> None:
        d = self.definition
        names = tuple(d.get("metrics", []))
        if not names:
            raise RuleError("metrics", "the rule needs 'metrics'")
        unknown = [m for m in names if m not in metrics.READABILITY_METRICS]
        if unknown:
            known = ", ".join(metrics.READABILITY_METRICS)
            raise RuleError("metrics", f"unknown metric '{unknown[0]}' (use {known})")
        self.metrics = names
        self.grade: float = d.get("grade", 0.0)

    def _run(self, ctx: Context) -> list[ValeAlert]:
        if not self.blocks:
            return []
        grade = metrics.readability(self.metrics, ctx.stats)
        if grade is None or grade <= self.grade:
            return []
        value = f"{grade:.2f}"
        start, end = _trimmed(ctx.text)
        description = format_message(self.description, value) if self.description else None
        return [self._alert(start, end, format_message(self.message, value), description)]


class Metric(ValeRule):
    """``metric`` (``metric.go``): a formula over document counts, alerting when ``condition`` holds."""

    extends = "metric"
    keys: ClassVar[Mapping[str, str]] = {"formula": "str", "condition": "str"}

    def __init__(
        self, rule_id: str, source: str, definition: Mapping[str, Any], accepted: tuple[str, ...] = ()
    ) -> None:
        definition = dict(definition)
        definition["scope"] = _measured_scope(definition.get("scope"))
        super().__init__(rule_id, source, definition, accepted)

    def _compile(self) -> None:
        d = self.definition
        try:
            self.formula = metrics.Formula(d.get("formula", ""))
        except metrics.FormulaError as exc:
            raise RuleError("formula", str(exc)) from exc
        condition = d.get("condition", "")
        try:
            # Vale appends the condition to the computed value ("12.500000 > 8"); parsed once here with
            # the value as a variable.
            self.condition = metrics.Formula(f"{_RESULT} {condition}", frozenset({_RESULT}))
        except metrics.FormulaError as exc:
            raise RuleError("condition", f"invalid condition {condition!r}") from exc
        self.condition_text = condition

    def _run(self, ctx: Context) -> list[ValeAlert]:
        if not self.blocks:
            return []
        s = ctx.stats
        if not s.words:
            return []
        variables = s.variables()
        try:
            result = float(self.formula.evaluate(variables))
            holds = self.condition.evaluate({**variables, _RESULT: float(f"{result:f}")})
        except metrics.FormulaError:
            return []  # division by zero on a post without sentences: nothing to judge
        if not holds:
            return []
        value = f"{result:.2f}"
        start, end = _trimmed(ctx.text)
        description = format_message(self.description, value) if self.description else None
        return [self._alert(start, end, format_message(self.message, value), description)]


_RESULT = "vale_result"


def _measured_scope(declared: Any) -> list[str]:
    if not declared or list(declared) == ["text"]:
        return ["summary"]
    return list(declared)


def _trimmed(text: str) -> tuple[int, int]:
    start = len(text) - len(text.lstrip())
    return start, max(start, len(text.rstrip()))


RULE_TYPES: dict[str, type[ValeRule]] = {
    cls.extends: cls
    for cls in (
        Existence,
        Substitution,
        Occurrence,
        Repetition,
        Consistency,
        Conditional,
        Capitalization,
        Readability,
        Metric,
    )
}
UNSUPPORTED_TYPES = ("spelling", "sequence", "script")
