"""Run the selected rules over a draft and assemble the :class:`~tonecheck.report.Report`."""

from __future__ import annotations

import logging
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tonecheck import platforms, readability, surrogates
from tonecheck.config import Config, ConfigError, load_config
from tonecheck.model import Category, Finding, InputError, Media, Skipped
from tonecheck.registry import Registry, default_registry
from tonecheck.report import Report
from tonecheck.rule import Draft, Rule, RuleContext
from tonecheck.scores import scores, voice_scores
from tonecheck.text import grapheme_ends, parse
from tonecheck.voice import traits

if TYPE_CHECKING:
    from tonecheck.languagetool import LanguageToolClient
    from tonecheck.voice.profile import Profile

    ProfileLike = Profile | str | Path | None

__all__ = ["Checker", "InputError", "check"]

_log = logging.getLogger("tonecheck")

ConfigLike = Config | Mapping[str, Any] | str | Path | None
_PROFILE_CACHE = 32


class _Planned:
    __slots__ = ("options", "override", "rule", "rule_cls")

    def __init__(self, rule_cls: type[Rule], config: Config) -> None:
        self.rule_cls = rule_cls
        self.rule = rule_cls()
        self.options = {**rule_cls.defaults, **config.rules.get(rule_cls.id, {})}
        self.override = config.severity.get(rule_cls.id)


class Checker:
    """A reusable checker: holds the loaded configuration and the selected rules.

    Build one and call :meth:`check` for each draft; it is safe to share between threads. It holds
    one LanguageTool client, built from ``config.languagetool`` (or ``TONECHECK_LANGUAGETOOL_URL``)
    unless *languagetool* passes one in.
    """

    def __init__(
        self,
        config: ConfigLike = None,
        *,
        registry: Registry | None = None,
        raise_errors: bool = False,
        languagetool: LanguageToolClient | None = None,
    ) -> None:
        self.registry = registry if registry is not None else default_registry()
        self.config = _resolve(config)
        self.config.validate(self.registry)
        self._raise_errors = raise_errors
        # Which rules run is decided in one place, for the CLI, the server and the library alike.
        self._plan = [_Planned(r, self.config) for r in self.config.selection.rules(self.registry)]
        self._venues: dict[str | None, platforms.Platform] = {}
        self._profiled: dict[int, tuple[Profile, Checker]] = {}
        self._lock = threading.Lock()
        if languagetool is None and any(p.rule_cls.category is Category.GRAMMAR for p in self._plan):
            from tonecheck.languagetool import LanguageToolClient

            languagetool = LanguageToolClient.from_settings(self.config.languagetool)
        #: The LanguageTool client (``None`` when LanguageTool is off or not configured).
        self.languagetool = languagetool

    def _venue(self, platform: str | None) -> platforms.Platform:
        venue = self._venues.get(platform)
        if venue is None:
            overrides = self.config.platforms.get(platform, {}) if platform else {}
            venue = self._venues[platform] = platforms.get(platform, overrides)
        return venue

    def _with_profile(self, profile: Profile) -> Checker:
        """The checker for drafts checked against *profile*: this configuration with the profile's settings."""
        with self._lock:
            cached = self._profiled.get(id(profile))
            if cached is not None and cached[0] is profile:
                return cached[1]
        resolved = profile.config(self.config)
        same = resolved.languagetool == self.config.languagetool
        checker = Checker(
            resolved, registry=self.registry, raise_errors=self._raise_errors,
            languagetool=self.languagetool if same else None,
        )
        with self._lock:
            if len(self._profiled) >= _PROFILE_CACHE:
                self._profiled.pop(next(iter(self._profiled)))
            self._profiled[id(profile)] = (profile, checker)
        return checker

    @property
    def rules(self) -> list[type[Rule]]:
        """The rules this checker runs, sorted by id."""
        return [p.rule_cls for p in self._plan]

    def check(
        self,
        text: str,
        *,
        platform: str | None = None,
        media: Iterable[Media] = (),
        profile: ProfileLike = None,
        config: ConfigLike = None,
        content_warning: str | None = None,
    ) -> Report:
        """Check one draft. See :func:`tonecheck.check`."""
        if config is not None:
            resolved = _resolve(config)
            # Keep the LanguageTool client (and its cache) when the other configuration names the same server.
            same = resolved.languagetool == self.config.languagetool
            return Checker(
                resolved, registry=self.registry, raise_errors=self._raise_errors,
                languagetool=self.languagetool if same else None,
            ).check(
                text, platform=platform, media=media, profile=profile, content_warning=content_warning
            )
        if profile is not None:
            loaded = _profile(profile)
            return self._with_profile(loaded)._run(text, platform, media, content_warning, loaded)
        return self._run(text, platform, media, content_warning, None)

    def _run(
        self,
        text: str,
        platform: str | None,
        media: Iterable[Media],
        content_warning: str | None,
        profile: Profile | None,
    ) -> Report:
        if not isinstance(text, str):
            raise InputError(f"the draft text must be a string, not {type(text).__name__}")
        if len(text) > self.config.max_length:
            raise InputError(
                f"the draft is {len(text):,} characters long; the limit is {self.config.max_length:,}"
            )
        if content_warning is not None and not isinstance(content_warning, str):
            raise InputError("the content warning must be a string")
        if platform is not None:
            platform = platforms.resolve(platform)
        venue = self._venue(platform)
        media = tuple(media)
        for item in media:
            if not isinstance(item, Media):
                raise InputError("media items must be tonecheck.Media objects")
        # Lone surrogates become U+FFFD here, once, so nothing after this meets one (see tonecheck.surrogates).
        text, content_warning, media, replaced = _without_surrogates(text, content_warning, media)

        parsed = parse(text)
        surrogates.store(parsed, replaced)
        length = platforms.measure(text, venue, content_warning=content_warning) if platform else None
        draft = Draft(text, parsed, platform, media, self.config.language, content_warning, venue, length, profile)
        findings: list[Finding] = []
        skipped: list[Skipped] = []
        ran: set[Category] = set()
        language = draft.language.lower()
        for planned in self._plan:
            rule_cls = planned.rule_cls
            if rule_cls.languages and not language.startswith(rule_cls.languages):
                skipped.append(Skipped(rule_cls.id, f"only for {', '.join(rule_cls.languages)} text"))
                continue
            ctx = RuleContext(rule_cls, planned.options, findings, planned.override, languagetool=self.languagetool)
            try:
                planned.rule.check(draft, ctx)
            except Exception as exc:
                if self._raise_errors:
                    raise
                # Never log the draft: it may be confidential. The rule id and error type are enough.
                _log.error("rule %s failed: %s", rule_cls.id, type(exc).__name__)
                skipped.append(Skipped(rule_cls.id, f"internal error ({type(exc).__name__})"))
                continue
            if not ctx.ran:
                if ctx.skip_reason:
                    skipped.append(Skipped(rule_cls.id, ctx.skip_reason))
                continue
            ran.add(rule_cls.category)

        findings = _one_hint_per_fix(_whole_characters(findings, text))
        findings.sort(key=_order)
        metrics = _metrics(draft)
        report_scores = scores(findings, metrics["words"], sorted(ran, key=lambda c: c.value))
        if profile is not None:
            report_scores.update(voice_scores(profile, findings, metrics["words"]))
        return Report(
            text=text,
            findings=tuple(findings),
            scores=report_scores,
            metrics=metrics,
            skipped=tuple(skipped),
            platform=platform,
            alt_texts=tuple(m.alt for m in media),
        )


def _without_surrogates(
    text: str, content_warning: str | None, media: tuple[Media, ...]
) -> tuple[str, str | None, tuple[Media, ...], surrogates.Replaced]:
    """The draft with every lone surrogate replaced by U+FFFD (same lengths), and where they were."""
    text, in_text = surrogates.clean(text)
    in_cw: tuple[int, ...] = ()
    if content_warning:
        content_warning, in_cw = surrogates.clean(content_warning)
    in_alt: dict[int, tuple[int, ...]] = {}
    if any(m.alt and not m.alt.isascii() for m in media):
        cleaned = []
        for i, item in enumerate(media):
            if item.alt:
                alt, found = surrogates.clean(item.alt)
                if found:
                    item = replace(item, alt=alt)
                    in_alt[i] = found
            cleaned.append(item)
        media = tuple(cleaned)
    return text, content_warning, media, surrogates.Replaced(in_text, in_cw, in_alt)


def _whole_characters(findings: list[Finding], text: str) -> list[Finding]:
    """Widen any span that would split a user-perceived character (a joiner or mark clinging to a word).

    The text's cluster boundaries are found once, so this stays linear however many findings there are.
    An empty span (a finding about the whole post, or a place) stays empty, moved to a boundary.
    """
    if text.isascii() or not any(f.target == "text" for f in findings):
        return findings
    bounds = [0, *grapheme_ends(text)]
    out = []
    for f in findings:
        if f.target == "text":
            start = bounds[bisect_right(bounds, f.start) - 1]
            end = start if f.end == f.start else bounds[bisect_left(bounds, f.end)]
            if (start, end) != (f.start, f.end):
                f = replace(f, start=start, end=end)
        out.append(f)
    return out


def _one_hint_per_fix(findings: list[Finding]) -> list[Finding]:
    """Drop a finding that marks the same span with the same fix as another (plain-words and the team's term-prefer).

    The one kept has the higher severity; on a tie, the voice profile's own rule wins, since it is the team's word.
    """
    best: dict[tuple[str, int, int, str], Finding] = {}
    for f in findings:
        if f.suggestions:
            key = (f.target, f.start, f.end, f.suggestions[0].replacement)
            kept = best.get(key)
            if kept is None or (f.severity.rank, f.category is Category.VOICE) > (
                kept.severity.rank, kept.category is Category.VOICE
            ):
                best[key] = f
    if len(best) == sum(1 for f in findings if f.suggestions):
        return findings
    chosen = {id(f) for f in best.values()}
    return [f for f in findings if not f.suggestions or id(f) in chosen]


def _order(f: Finding) -> tuple[int, str, int, int, int, str]:
    return (f.target != "text", f.target, f.start, f.end, -f.severity.rank, f.rule)


def _metrics(draft: Draft) -> dict[str, Any]:
    p = draft.parsed
    metrics: dict[str, Any] = {
        "characters": len(draft.text),
        "graphemes": p.grapheme_count,
        "words": len(p.words),
        "sentences": len(p.sentences),
        "emoji": len(p.emoji),
        "hashtags": len(p.hashtags),
        "mentions": len(p.mentions),
        "links": len(p.urls),
        "media": len(draft.media),
        "reading_grade": readability.grade(p, draft.language),
    }
    if draft.profile is not None:
        # Tone traits cost about a third of a check of a 280-character post: measured when a voice
        # profile asks for them (and by `tonecheck voice explain` for any draft).
        measured = traits.measure(p, draft.language)
        metrics["traits"] = {name: t.value for name, t in measured.items()}
    if draft.length is not None:
        metrics["length"] = draft.length.length
        metrics["length_limit"] = draft.length.limit
        if draft.length.byte_limit is not None:
            metrics["bytes"] = draft.length.bytes
            metrics["byte_limit"] = draft.length.byte_limit
    return metrics


def _profile(profile: ProfileLike) -> Profile:
    from tonecheck.voice.profile import Profile, load_profile

    if isinstance(profile, Profile):
        return profile
    if isinstance(profile, str | Path):
        return load_profile(profile)
    raise InputError(f"profile must be a Profile or the path of a profile file, not {type(profile).__name__}")


def _resolve(config: ConfigLike) -> Config:
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    if isinstance(config, str | Path):
        return load_config(config)
    if isinstance(config, Mapping):
        return Config.from_mapping(config)
    raise ConfigError(f"config must be a Config, a mapping or a path, not {type(config).__name__}")


_default: Checker | None = None


def check(
    text: str,
    *,
    platform: str | None = None,
    media: Iterable[Media] = (),
    profile: ProfileLike = None,
    config: ConfigLike = None,
    content_warning: str | None = None,
) -> Report:
    """Check one draft with the default rules (or *config*) and return the :class:`Report`.

    *platform* is one of ``x``, ``mastodon``, ``bluesky``, ``threads``, ``linkedin``, ``instagram``,
    ``facebook`` (or ``None``); *content_warning* is the post's content warning or spoiler text,
    counted where the platform counts it (Mastodon). *profile* is a brand voice profile
    (:class:`tonecheck.voice.Profile` or the path of its TOML file).
    """
    global _default
    if _default is None:
        _default = Checker()
    return _default.check(
        text, platform=platform, media=media, profile=profile, config=config, content_warning=content_warning
    )
