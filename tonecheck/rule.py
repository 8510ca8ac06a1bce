"""The rule base class, its metadata, and the context a rule reports through.

A rule is one class in one module (``tonecheck/rules/<group>/<rule_id>.py``) with declared
metadata and a sectioned docstring that is its documentation (see :mod:`tonecheck.docs`).
Its thresholds and word lists live in ``tonecheck/data/rules/<rule-id>.toml``: the ``[options]``
table gives the defaults (users override them in ``tonecheck.toml``), the ``[sources]`` table says
where each number comes from, and any other tables are the rule's own data.

Rules never build a :class:`~tonecheck.model.Finding` themselves: they call
:meth:`RuleContext.report` with a message id and data, and the context fills in the rule id,
category, severity, rendered message and help text, so every finding is consistent. A rule that
relays another tool's checks (``languagetool``) may give each finding a sub-id
(``languagetool/EN_A_VS_AN``); a rule that cannot run says so with :meth:`RuleContext.skip`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from tonecheck import platforms
from tonecheck.model import Category, Finding, Media, Severity, Suggestion
from tonecheck.platforms import Length, Platform
from tonecheck.text import ParsedText

if TYPE_CHECKING:
    from tonecheck.languagetool import LanguageToolClient
    from tonecheck.options import OptionSpec
    from tonecheck.voice.profile import Profile

__all__ = ["Draft", "FixAvailability", "Rule", "RuleContext", "Status", "clip", "overflow_span", "spoken_list"]


class FixAvailability(enum.StrEnum):
    """Whether a rule offers replacement suggestions."""

    NEVER = "never"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


class Status(enum.StrEnum):
    """Preview rules run only when the configuration turns preview on (or names them)."""

    PREVIEW = "preview"
    STABLE = "stable"


@dataclass(frozen=True, slots=True)
class Draft:
    """Everything a rule may read about the draft being checked.

    ``platform`` is the platform id (``None`` when no platform was given) and ``venue`` its data
    (limits and caps; the neutral default when none was given). ``length`` is the post's length
    counted the platform's way, when a platform was given. ``profile`` is the brand voice profile
    the draft is checked against, if any.
    """

    text: str
    parsed: ParsedText
    platform: str | None = None
    media: tuple[Media, ...] = ()
    language: str = "en"
    content_warning: str | None = None
    venue: Platform = field(default_factory=lambda: platforms.get(None))
    length: Length | None = None
    profile: Profile | None = None


class Rule:
    """Base class of every rule. Subclasses declare the metadata below and implement :meth:`check`."""

    id: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    summary: ClassVar[str]
    messages: ClassVar[Mapping[str, str]]
    fix: ClassVar[FixAvailability] = FixAvailability.NEVER
    tags: ClassVar[frozenset[str]] = frozenset()
    references: ClassVar[tuple[str, ...]]
    status: ClassVar[Status] = Status.STABLE
    #: Rules that only make sense for languages with these prefixes ("en"); empty means any language.
    languages: ClassVar[tuple[str, ...]] = ()
    #: A rule that relays rules defined elsewhere under their own names (a team's Vale rules,
    #: ``Acme.Jargon``) may give its findings any id with a dot in it, not only ``<id>/<sub-id>``.
    relays_named_rules: ClassVar[bool] = False

    # Filled in by the registry from the data file and the docstring.
    defaults: ClassVar[Mapping[str, Any]] = {}
    sources: ClassVar[Mapping[str, str]] = {}
    data: ClassVar[Mapping[str, Any]] = {}
    #: What each option accepts (``[schema]`` of the data file; see :mod:`tonecheck.options`).
    schema: ClassVar[Mapping[str, OptionSpec]] = {}
    help: ClassVar[str] = ""

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        """Look at *draft* and call ``ctx.report(...)`` for each problem found."""
        raise NotImplementedError


class RuleContext:
    """What one rule sees while checking one draft: its options, services, and where to report.

    ``languagetool`` is the checker's LanguageTool client, or ``None`` when LanguageTool is off.
    """

    __slots__ = ("_findings", "_override", "_rule", "languagetool", "options", "ran", "skip_reason")

    def __init__(
        self,
        rule: type[Rule],
        options: Mapping[str, Any],
        findings: list[Finding],
        severity_override: Severity | None = None,
        *,
        languagetool: LanguageToolClient | None = None,
    ) -> None:
        self._rule = rule
        self.options = options
        self._findings = findings
        self._override = severity_override
        self.languagetool = languagetool
        #: False once the rule called :meth:`skip`: its category gets no score from this draft.
        self.ran = True
        self.skip_reason: str | None = None

    def skip(self, reason: str | None = None) -> None:
        """Say that the rule could not check this draft.

        With a *reason* ("LanguageTool did not answer within 2 s") the report lists the rule in
        ``Report.skipped``; without one the rule just counts as not run (for an optional service the
        user never set up, which is not worth a notice on every draft). Findings already reported stay.
        """
        self.ran = False
        self.skip_reason = reason

    def report(
        self,
        message_id: str,
        start: int,
        end: int,
        *,
        suggestions: Iterable[Suggestion] = (),
        target: str = "text",
        severity: Severity | None = None,
        rule_id: str | None = None,
        **data: Any,
    ) -> None:
        """Record a finding with the message *message_id* rendered from *data*.

        *severity* lowers or raises this one finding relative to the rule's default (for example
        one inline hashtag is a suggestion, several are a warning); a severity set by the user's
        configuration always wins. *rule_id* gives the finding a sub-id of this rule's id
        (``languagetool/EN_A_VS_AN``); it must start with the rule's id and ``/``.
        """
        rule = self._rule
        if rule_id is None:
            rule_id = rule.id
        elif rule.relays_named_rules and "." in rule_id.strip("."):
            pass
        elif not rule_id.startswith(rule.id + "/") or len(rule_id) == len(rule.id) + 1:
            raise ValueError(f"rule_id {rule_id!r} must be {rule.id!r} + '/' + a sub-id")
        template = rule.messages[message_id]
        chosen = self._override or severity or rule.severity
        self._findings.append(
            Finding(
                rule=rule_id,
                category=rule.category,
                severity=chosen,
                message=template.format(**data),
                start=start,
                end=end,
                suggestions=tuple(suggestions),
                help=rule.help,
                target=target,
                message_id=message_id,
                data=data,
            )
        )


def clip(text: str, limit: int = 40) -> str:
    """*text* on one line, cut to *limit* characters with "…", for quoting the draft in a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def spoken_list(names: Sequence[str], limit: int = 4) -> str:
    """Join spoken names for a message: "fire, fire, fire" (shortened with "…" after *limit*)."""
    shown = list(names[:limit])
    if len(names) > limit:
        shown.append("…")
    return ", ".join(shown)



class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def overflow_span(parsed: ParsedText, items: Sequence[_Spanned], limit: int) -> tuple[int, int]:
    """The span of the items past *limit*, for "too many" findings.

    The extra items are marked together when they stand side by side (a block of hashtags at the
    end); when the writer's words stand between them, only the first extra item is marked, so the
    finding does not underline whole sentences.
    """
    first, last = items[limit], items[-1]
    if any(first.start <= w.start < last.end for w in parsed.words):
        return first.start, first.end
    return first.start, last.end
