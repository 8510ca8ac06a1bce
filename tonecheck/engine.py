"""Run the selected rules over a draft and assemble the :class:`~tonecheck.report.Report`."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tonecheck import platforms, readability
from tonecheck.config import Config, ConfigError, load_config
from tonecheck.model import Category, Finding, InputError, Media, Skipped
from tonecheck.registry import Registry, default_registry
from tonecheck.report import Report
from tonecheck.rule import Draft, Rule, RuleContext
from tonecheck.scores import scores
from tonecheck.text import parse

if TYPE_CHECKING:
    from tonecheck.languagetool import LanguageToolClient

__all__ = ["Checker", "InputError", "check"]

_log = logging.getLogger("tonecheck")

ConfigLike = Config | Mapping[str, Any] | str | Path | None


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
        self._plan = [_Planned(r, self.config) for r in self.registry if self._enabled(r)]
        self._venues: dict[str | None, platforms.Platform] = {}
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

    def _enabled(self, rule: type[Rule]) -> bool:
        cfg = self.config
        if rule.id in cfg.disable:
            return False
        if rule.id in cfg.enable:
            return True
        if rule.category.value in cfg.disable:
            return False
        return rule.status.value == "stable" or cfg.preview

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
        profile: object | None = None,
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
            raise InputError("voice profiles are not supported by this version of tonecheck")
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

        parsed = parse(text)
        length = platforms.measure(text, venue, content_warning=content_warning) if platform else None
        draft = Draft(text, parsed, platform, media, self.config.language, content_warning, venue, length)
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

        findings.sort(key=_order)
        metrics = _metrics(draft)
        return Report(
            text=text,
            findings=tuple(findings),
            scores=scores(findings, metrics["words"], sorted(ran, key=lambda c: c.value)),
            metrics=metrics,
            skipped=tuple(skipped),
            platform=platform,
            alt_texts=tuple(m.alt for m in media),
        )


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
    if draft.length is not None:
        metrics["length"] = draft.length.length
        metrics["length_limit"] = draft.length.limit
        if draft.length.byte_limit is not None:
            metrics["bytes"] = draft.length.bytes
            metrics["byte_limit"] = draft.length.byte_limit
    return metrics


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
    profile: object | None = None,
    config: ConfigLike = None,
    content_warning: str | None = None,
) -> Report:
    """Check one draft with the default rules (or *config*) and return the :class:`Report`.

    *platform* is one of ``x``, ``mastodon``, ``bluesky``, ``threads``, ``linkedin``, ``instagram``,
    ``facebook`` (or ``None``); *content_warning* is the post's content warning or spoiler text,
    counted where the platform counts it (Mastodon).
    """
    global _default
    if _default is None:
        _default = Checker()
    return _default.check(
        text, platform=platform, media=media, profile=profile, config=config, content_warning=content_warning
    )
