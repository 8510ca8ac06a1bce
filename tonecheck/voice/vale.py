"""Vale compatibility: run a team's Vale styles, vocabularies and ``.vale.ini`` on plain-text posts.

Supported rule types: ``existence``, ``substitution``, ``occurrence``, ``repetition``,
``capitalization``, ``conditional``, ``consistency``, ``readability`` and ``metric``, plus
``accept.txt``/``reject.txt`` vocabularies (``Vale.Terms``, ``Vale.Avoid``) and the built-in
``Vale.Repetition``. ``sequence`` (needs a part-of-speech tagger), ``script`` (Tengo programs) and
``spelling`` (Hunspell dictionaries) are not supported and are always reported, never skipped
silently. Rule ids keep Vale's names (``Style.Rule``).

Alerts follow Vale's semantics on a ``.txt`` file (vale-cli/vale ``internal/check``), with spans in
code points (Vale's rune columns). A plain-text file has these blocks, and a rule runs on the ones
its ``scope`` selects (Vale's own selector logic):

- ``text`` (the default) and ``raw``: the whole post; ``paragraph``: text split at blank lines;
  ``sentence``: tonecheck's sentences; ``summary``: the whole post, where ``readability`` and
  ``metric`` rules measure it (their alert spans the whole post, without surrounding white space);
- markup scopes (``heading``, ``table``, ``list``, ``blockquote``, ``alt``, ``title``...) never
  occur in plain text, so such rules load but never fire, exactly as in Vale
  (:attr:`ValeRule.active` is false); the inline scopes ``code``, ``link``, ``strong`` and
  ``emphasis`` are rejected, as Vale rejects them ("use 'raw' instead").

Deliberate differences from Vale:

- **URLs and @mentions.** Vale would match inside ``https://…/utilize`` or ``@leverage_hq``; an
  alert that overlaps a URL or mention without covering all of it is dropped (precision first).
  ``readability``/``metric`` counts also leave out URLs, mentions, hashtags, cashtags and emoji.
- **Sentences** come from tonecheck's tokeniser (line breaks end sentences), not prose's Punkt
  model; ``capitalization`` cannot tell AP's infinitive "To" from the preposition (no tagger) and
  accepts either.
- **Substitution suggestions.** Vale offers a fix only with ``action: replace``; tonecheck also
  suggests a literal ``swap`` value (never a regex).
- **Stricter loading.** ``consistency`` rules reject unknown keys (Vale ignores them); an unknown
  readability metric is an error (Vale silently averages in a zero); ``.yaml`` files in a style are
  reported, not loaded (Vale only loads ``.yml``); only a style's top-level rules are loaded.

Loading collects every problem of a style or config and raises one :class:`ValeStyleError` (a
:class:`~tonecheck.voice.errors.ProfileError`) naming each file and key or line. With
``strict=False``, rules that are valid Vale but unsupported here (``sequence``, ``script``,
``spelling``, ``matchcase``, ``action: suggest``, Vale.Spelling, markup-only settings) are
skipped and listed in :attr:`ValeRuleSet.unsupported`; invalid rules still raise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tonecheck.voice._vale_load import Problem, build_rule, glob_matches, read_ini, read_vocabulary
from tonecheck.voice._vale_rules import (
    LEVEL_RANK,
    LEVELS,
    Context,
    Existence,
    Repetition,
    Substitution,
    ValeAlert,
    ValeRule,
    finish,
)
from tonecheck.voice.errors import ProfileError

if TYPE_CHECKING:
    from tonecheck.text import ParsedText

__all__ = [
    "LEVELS",
    "ValeAlert",
    "ValeRule",
    "ValeRuleSet",
    "ValeStyleError",
    "combine",
    "load_config",
    "load_style",
    "load_vocabulary",
    "with_min_level",
]

_SAMPLE_TXT = "draft.txt"
_SAMPLE_MD = "draft.md"


class ValeStyleError(ProfileError):
    """Several problems in a Vale style, vocabulary or config; ``problems`` holds each one."""

    def __init__(self, source: str, problems: Iterable[ProfileError]) -> None:
        self.problems = tuple(problems)
        if len(self.problems) == 1:
            only = self.problems[0]
            super().__init__(only.source, only.where, only.message)
        else:
            listing = "\n".join(f"  {p}" for p in self.problems)
            super().__init__(source, None, f"{len(self.problems)} problems:\n{listing}")


@dataclass
class ValeRuleSet:
    """Loaded Vale rules and the settings that decide which alerts a draft gets."""

    rules: tuple[ValeRule, ...] = ()
    min_level: str = "suggestion"
    #: Level overrides by rule id (``Style.Rule``) or style name, from ``.vale.ini``.
    levels: Mapping[str, str] = field(default_factory=dict)
    #: Rule ids or style names switched off (``Style.Rule = NO``).
    disabled: frozenset[str] = frozenset()
    #: Vocabulary terms: accepted terms are exceptions in every rule with ``vocab: true``.
    accepted: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()
    #: Whether this set runs ``Vale.Terms``/``Vale.Avoid`` for its vocabulary.
    vocabulary_rules: bool = False
    #: Valid Vale that tonecheck skipped (``strict=False``), one line each: ``file: where: what``.
    unsupported: tuple[str, ...] = ()
    #: Informational notes (for example which ``.vale.ini`` sections apply to plain text).
    notes: tuple[str, ...] = ()

    _effective: tuple[ValeRule, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _paragraphs: bool = field(default=False, init=False, repr=False, compare=False)

    @property
    def ids(self) -> tuple[str, ...]:
        """Ids of the loaded rules."""
        return tuple(r.id for r in self.rules)

    @property
    def inactive(self) -> tuple[str, ...]:
        """Ids of rules whose scope never occurs in plain text (headings, tables...)."""
        return tuple(r.id for r in self.rules if not r.active)

    def effective_rules(self) -> tuple[ValeRule, ...]:
        """The rules that run: enabled, at their final level, at or above ``min_level``, active."""
        if self._effective is None:
            floor = LEVEL_RANK.get(self.min_level, 0)
            out: list[ValeRule] = []
            for rule in self.rules:
                style = rule.id.split(".", 1)[0]
                if rule.id in self.disabled or style in self.disabled or not rule.active:
                    continue
                level = self.levels.get(rule.id) or self.levels.get(style)
                if level and level != rule.level:
                    rule = rule.with_level(level)
                if LEVEL_RANK[rule.level] < floor:
                    continue
                out.append(rule)
            self._effective = tuple(out)
            self._paragraphs = any("paragraph" in r.blocks for r in out)
        return self._effective

    def check(self, text: str, parsed: ParsedText | None = None) -> list[ValeAlert]:
        """Every alert on *text*, sorted by position then rule id."""
        rules = self.effective_rules()
        if not rules or not text.strip():
            return []
        ctx = Context(text, parsed, split_paragraphs=self._paragraphs)
        alerts: list[ValeAlert] = []
        for rule in rules:
            found = rule._run(ctx)
            if found:
                alerts.extend(finish(rule, found, ctx))
        alerts.sort(key=lambda a: (a.start, a.end, a.rule))
        return alerts


# -- loading -----------------------------------------------------------------------------------


def _raise(source: str, problems: list[Problem]) -> None:
    if problems:
        raise ValeStyleError(source, [p.error() for p in problems])


def _split(problems: list[Problem], strict: bool) -> tuple[list[Problem], tuple[str, ...]]:
    """Fatal problems (raise) and the unsupported ones to record (non-strict)."""
    if strict:
        return problems, ()
    fatal = [p for p in problems if not p.unsupported]
    return fatal, tuple(str(p) for p in problems if p.unsupported)


def _load_style_rules(
    directory: Path,
    *,
    only: set[str] | None = None,
    levels: Mapping[str, str] | None = None,
    word_template: str = "",
) -> tuple[list[ValeRule], list[Problem], list[str]]:
    style = directory.name
    rules: list[ValeRule] = []
    problems: list[Problem] = []
    notes: list[str] = []
    if not directory.is_dir():
        return [], [Problem(str(directory), None, f"style '{style}' not found (no such folder)")], []
    for path in sorted(directory.iterdir()):
        if path.suffix == ".yaml" and path.is_file():
            notes.append(f"{path}: not loaded: Vale only loads rule files ending in .yml")
            continue
        if path.suffix != ".yml" or not path.is_file():
            continue
        rule_id = f"{style}.{path.stem}"
        if only is not None and rule_id not in only:
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(path), None, f"cannot read: {exc}"))
            continue
        level = None
        if levels:
            level = levels.get(rule_id) or levels.get(style)
        rule, found = build_rule(rule_id, str(path), text, level=level, word_template=word_template)
        problems.extend(found)
        if rule is not None:
            rules.append(rule)
    return rules, problems, notes


def load_style(directory: str | Path, *, strict: bool = True) -> ValeRuleSet:
    """Load a Vale style folder: each ``*.yml`` file is one rule, id ``<FolderName>.<FileStem>``.

    Raises :class:`ValeStyleError` listing every problem (file and key or line). With
    ``strict=False`` unsupported rules are skipped and listed in ``unsupported``.
    """
    path = Path(directory)
    rules, problems, notes = _load_style_rules(path)
    fatal, unsupported = _split(problems, strict)
    _raise(str(path), fatal)
    return ValeRuleSet(rules=tuple(rules), unsupported=unsupported, notes=tuple(notes))


def _vocab_files(directory: Path) -> tuple[list[str], list[str], list[Problem]]:
    accepted: list[str] = []
    rejected: list[str] = []
    problems: list[Problem] = []
    if not directory.is_dir():
        return [], [], [Problem(str(directory), None, "vocabulary not found (no such folder)")]
    for name, target in (("accept.txt", accepted), ("reject.txt", rejected)):
        for path in sorted(directory.rglob(name)):
            terms, found = read_vocabulary(path)
            target.extend(terms)
            problems.extend(found)
    return accepted, rejected, problems


def load_vocabulary(directory: str | Path) -> ValeRuleSet:
    """Load a Vale vocabulary folder (``accept.txt`` and/or ``reject.txt``).

    Accepted terms become ``Vale.Terms`` (the exact form is required; case-sensitive unless the
    entry has ``(?i)``) and exceptions for other rules once combined; rejected terms become
    ``Vale.Avoid``. Each line is a regular expression; blank lines and ``# comments`` are skipped.
    """
    path = Path(directory)
    accepted, rejected, problems = _vocab_files(path)
    _raise(str(path), problems)
    if not accepted and not rejected:
        raise ProfileError(str(path), None, "no accept.txt or reject.txt in the vocabulary folder")
    return _with_vocabulary(ValeRuleSet(accepted=tuple(accepted), rejected=tuple(rejected), vocabulary_rules=True))


_TERMS_ID = "Vale.Terms"
_AVOID_ID = "Vale.Avoid"
_REPETITION_ID = "Vale.Repetition"


def _vocabulary_rules(accepted: tuple[str, ...], rejected: tuple[str, ...]) -> list[ValeRule]:
    rules: list[ValeRule] = []
    if accepted:
        swap = {term.lower(): term for term in accepted}
        rules.append(
            Substitution(
                _TERMS_ID,
                "accept.txt",
                {
                    "message": "Use '%s' instead of '%s'.",
                    "level": "error",
                    "scope": ["text"],
                    "ignorecase": True,
                    "swap": swap,
                    "vocab": False,
                },
            )
        )
    if rejected:
        rules.append(
            Existence(
                _AVOID_ID,
                "reject.txt",
                {
                    "message": "Avoid using '%s'.",
                    "level": "error",
                    "scope": ["text"],
                    "ignorecase": False,
                    "tokens": list(rejected),
                },
                accepted,
            )
        )
    return rules


def _builtin_repetition() -> ValeRule:
    return Repetition(
        _REPETITION_ID,
        "built-in",
        {
            "message": "'%s' is repeated!",
            "level": "error",
            "scope": ["text"],
            "ignorecase": True,
            "alpha": True,
            "action": {"name": "edit", "params": ["truncate", " "]},
            "tokens": [r"[^\s.!?]+"],
        },
    )


def _with_vocabulary(rule_set: ValeRuleSet) -> ValeRuleSet:
    """Rebuild vocabulary rules and vocab exceptions for the set's accepted/rejected terms."""
    others = [r for r in rule_set.rules if r.id not in (_TERMS_ID, _AVOID_ID)]
    others = [r.with_vocabulary(rule_set.accepted) for r in others]
    vocab = _vocabulary_rules(rule_set.accepted, rule_set.rejected) if rule_set.vocabulary_rules else []
    return ValeRuleSet(
        rules=tuple(vocab + others),
        min_level=rule_set.min_level,
        levels=dict(rule_set.levels),
        disabled=rule_set.disabled,
        accepted=rule_set.accepted,
        rejected=rule_set.rejected,
        vocabulary_rules=rule_set.vocabulary_rules,
        unsupported=rule_set.unsupported,
        notes=rule_set.notes,
    )


def combine(*sets: ValeRuleSet) -> ValeRuleSet:
    """One set from several: rules of later sets replace same-id rules of earlier ones.

    Vocabularies are merged (accepted terms then act as exceptions in every rule with
    ``vocab: true``, as in Vale); level overrides merge (later wins); disabled rules add up; the
    highest ``min_level`` applies.
    """
    rules: dict[str, ValeRule] = {}
    levels: dict[str, str] = {}
    disabled: set[str] = set()
    accepted: list[str] = []
    rejected: list[str] = []
    unsupported: list[str] = []
    notes: list[str] = []
    min_level = "suggestion"
    vocabulary_rules = False
    for s in sets:
        for rule in s.rules:
            rules[rule.id] = rule
        levels.update(s.levels)
        disabled |= s.disabled
        accepted.extend(t for t in s.accepted if t not in accepted)
        rejected.extend(t for t in s.rejected if t not in rejected)
        unsupported.extend(s.unsupported)
        notes.extend(s.notes)
        vocabulary_rules = vocabulary_rules or s.vocabulary_rules
        if LEVEL_RANK.get(s.min_level, 0) > LEVEL_RANK[min_level]:
            min_level = s.min_level
    return _with_vocabulary(
        ValeRuleSet(
            rules=tuple(rules.values()),
            min_level=min_level,
            levels=levels,
            disabled=frozenset(disabled),
            accepted=tuple(accepted),
            rejected=tuple(rejected),
            vocabulary_rules=vocabulary_rules,
            unsupported=tuple(unsupported),
            notes=tuple(notes),
        )
    )


def load_config(vale_ini_path: str | Path, *, strict: bool = True) -> ValeRuleSet:
    """Load a ``.vale.ini``: its styles, vocabularies, levels and switches, as Vale applies them to a ``.txt`` file.

    Sections whose glob matches a ``.txt`` file apply (``[*]``, ``[*.txt]``, ``[*.{md,txt}]``).
    When none does, the ``[*.md]``-style sections apply instead (a post is closest to Markdown
    prose) and :attr:`ValeRuleSet.notes` says so.
    """
    path = Path(vale_ini_path)
    ini = read_ini(path)
    problems = list(ini.problems)
    notes: list[str] = []

    sections = [s for s in ini.sections if glob_matches(s.name, _SAMPLE_TXT)]
    if not any(s.based_on or s.settings for s in sections):
        md = [s for s in ini.sections if glob_matches(s.name, _SAMPLE_MD)]
        if md:
            sections = md
            notes.append(f"{path}: no section applies to plain text; using {', '.join(f'[{s.name}]' for s in md)}")
    based_on: list[str] = []
    settings: dict[str, str] = {}
    for section in sections:
        based_on.extend(s for s in section.based_on if s not in based_on)
        settings.update(section.settings)

    levels = {k: v for k, v in settings.items() if v in LEVELS}
    disabled = frozenset(k for k, v in settings.items() if v == "NO")
    named = {k for k, v in settings.items() if v != "NO" and "." in k}

    search = [Path(p) for p in ini.styles_path]
    if (based_on or named) and not search:
        problems.append(Problem(str(path), "StylesPath", "StylesPath is required to load styles"))

    rules: list[ValeRule] = []
    for style in based_on:
        if style == "Vale":
            continue
        folder = _find(search, style)
        if folder is None:
            problems.append(Problem(str(path), "BasedOnStyles", f"style '{style}' does not exist on StylesPath"))
            continue
        found, style_problems, style_notes = _load_style_rules(folder, levels=levels, word_template=ini.word_template)
        rules.extend(found)
        problems.extend(style_problems)
        notes.extend(style_notes)
    # Rules switched on one by one (`Style.Rule = YES`) from styles not listed in BasedOnStyles.
    by_style: dict[str, set[str]] = {}
    for rule_id in sorted(named):
        style = rule_id.split(".", 1)[0]
        if style in based_on or style == "Vale":
            continue
        by_style.setdefault(style, set()).add(rule_id)
    for style, ids in by_style.items():
        folder = _find(search, style)
        if folder is None:
            problems.append(Problem(str(path), ", ".join(sorted(ids)), f"style '{style}' does not exist on StylesPath"))
            continue
        found, style_problems, style_notes = _load_style_rules(
            folder, only=ids, levels=levels, word_template=ini.word_template
        )
        missing = ids - {r.id for r in found} - {p.source for p in style_problems}
        for rule_id in sorted(missing):
            if not (folder / f"{rule_id.split('.', 1)[1]}.yml").is_file():
                problems.append(Problem(str(path), rule_id, f"rule '{rule_id}' not found in {folder}"))
        rules.extend(found)
        problems.extend(style_problems)
        notes.extend(style_notes)

    use_vale = "Vale" in based_on
    if use_vale or _REPETITION_ID in named:
        rules.append(_builtin_repetition())
    if (use_vale or "Vale.Spelling" in named) and "Vale.Spelling" not in disabled and "Vale" not in disabled:
        problems.append(
            Problem(
                str(path),
                "BasedOnStyles",
                "Vale.Spelling (Hunspell spelling) is not supported by tonecheck; "
                "set 'Vale.Spelling = NO' to silence this",
                unsupported=True,
            )
        )

    accepted: list[str] = []
    rejected: list[str] = []
    for name in ini.vocab:
        folder = None
        for base in search:
            for candidate in (base / "config" / "vocabularies" / name, base / "Vocab" / name):
                if candidate.is_dir():
                    folder = candidate
                    break
            if folder is not None:
                break
        if folder is None:
            problems.append(Problem(str(path), "Vocab", f"'{name}' vocabulary not found under StylesPath"))
            continue
        acc, rej, found_problems = _vocab_files(folder)
        accepted.extend(acc)
        rejected.extend(rej)
        problems.extend(found_problems)

    fatal, unsupported = _split(problems, strict)
    _raise(str(path), fatal)
    rule_set = ValeRuleSet(
        rules=tuple(rules),
        min_level=ini.min_level if ini.min_level in LEVELS else "suggestion",
        levels=levels,
        disabled=disabled,
        accepted=tuple(accepted),
        rejected=tuple(rejected),
        vocabulary_rules=use_vale or _TERMS_ID in named or _AVOID_ID in named,
        unsupported=unsupported,
        notes=tuple(notes),
    )
    return _with_vocabulary(rule_set)


def _find(search: list[Path], style: str) -> Path | None:
    for base in search:
        candidate = base / style
        if candidate.is_dir():
            return candidate
    return None


def with_min_level(rule_set: ValeRuleSet, level: str) -> ValeRuleSet:
    """The same rules with another ``MinAlertLevel`` (``suggestion``, ``warning`` or ``error``)."""
    if level not in LEVELS:
        raise ValueError(f"min-level must be one of {', '.join(LEVELS)}, not {level!r}")
    return ValeRuleSet(
        rules=rule_set.rules,
        min_level=level,
        levels=dict(rule_set.levels),
        disabled=rule_set.disabled,
        accepted=rule_set.accepted,
        rejected=rule_set.rejected,
        vocabulary_rules=rule_set.vocabulary_rules,
        unsupported=rule_set.unsupported,
        notes=rule_set.notes,
    )
