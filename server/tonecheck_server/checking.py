"""The library side of a worker: one shared :class:`tonecheck.Checker`, rule selections and profiles.

A worker builds one :class:`Library` at start-up. It holds the base :class:`~tonecheck.Checker`
(thread-safe, with the LanguageTool client and its cache) and, for requests that choose their own
rules or language, a small bounded cache of checkers built from the same configuration (sharing
the LanguageTool client). Nothing about a request is kept: workers are stateless.

Rule selection (``rules`` in ``POST /v1/check``; ``enabledRules``/``disabledRules`` in ``/v2/check``):
``select`` lists rule ids or categories to run *instead of* the server's default set; ``ignore``
lists rule ids or categories not to run; ``enable`` adds rules (also preview rules) to the set.
They are the library's :class:`tonecheck.selection.RuleSelection` on top of the server's
configuration, with the same precedence as ``--select``/``--ignore`` on the command line. Unknown
names are an error naming them, with the library's did-you-mean hint.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from tonecheck import Checker, Config
from tonecheck.config import find_config, load_config
from tonecheck.model import Category
from tonecheck.registry import Registry
from tonecheck.selection import CATEGORIES, unknown_name
from tonecheck.voice import Profile, ProfileStore

__all__ = ["Library", "Profiles", "UnknownNameError"]

_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}$")
_CACHE_SIZE = 32


class UnknownNameError(ValueError):
    """A rule, category or profile name the server does not know; ``valid`` lists the known ones."""

    def __init__(self, message: str, valid: list[str]) -> None:
        super().__init__(message)
        self.valid = valid


class Library:
    """The checker a worker shares between its threads, and the checkers derived from it."""

    def __init__(
        self,
        config: Config | None = None,
        *,
        config_path: Path | None = None,
        languagetool: str | None = None,
        checker: Checker | None = None,
    ) -> None:
        if checker is None:
            if config is None:
                path = config_path or find_config()
                config = load_config(path) if path else Config()
            if languagetool:
                config = replace(config, languagetool=replace(config.languagetool, url=languagetool))
            checker = Checker(config)
        self.checker = checker
        self.registry: Registry = checker.registry
        self._default_ids = frozenset(r.id for r in checker.rules)
        self._lock = threading.Lock()
        self._derived: OrderedDict[tuple[Any, ...], Checker] = OrderedDict()

    @property
    def language(self) -> str:
        """The default language of drafts."""
        return self.checker.config.language

    def checker_for(
        self,
        *,
        language: str | None = None,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        enable: Iterable[str] = (),
        preview: bool = False,
    ) -> Checker:
        """The checker for a request's language and rule choice (the shared one when nothing changes)."""
        if select is None and not ignore and not enable and not preview and language in (None, self.language):
            return self.checker
        base = self.checker.config
        chosen = self.names(select, "rules.select") if select is not None else None
        ignored = self.names(ignore, "rules.ignore")
        enabled = self.names(enable, "rules.enable")
        if language is not None:
            language = self.check_language(language)
        config = replace(
            base,
            language=language or base.language,
            # What a request enables is added to what it selects; ids beat a disabled category.
            select=chosen | enabled if chosen is not None else base.select,
            ignore=base.ignore | ignored,
            enable=base.enable | enabled,
            disable=base.disable - enabled,
            preview=base.preview or preview,
        )
        ids = frozenset(r.id for r in config.selection.rules(self.registry))
        if config.language == base.language and ids == self._default_ids:
            return self.checker
        key = (config.language, ids)
        with self._lock:
            found = self._derived.get(key)
            if found is not None:
                self._derived.move_to_end(key)
                return found
        checker = Checker(config, registry=self.registry, languagetool=self.checker.languagetool)
        with self._lock:
            self._derived[key] = checker
            while len(self._derived) > _CACHE_SIZE:
                self._derived.popitem(last=False)
        return checker

    def warm_up(self) -> None:
        """Check one sample draft (without LanguageTool) so the first real request does not pay for loading."""
        sample = "WARM-UP: our #communitygarden opens today 🌱🌱 at 10am! Details: https://example.org/garden @team"
        checker = self.checker_for(ignore=[Category.GRAMMAR.value])
        for platform in (None, "x"):
            checker.check(sample, platform=platform)

    def names(self, names: Iterable[str] | None, where: str = "rules") -> frozenset[str]:
        """Rule ids and category names as given (``languagetool/EN_A_VS_AN`` means ``languagetool``).

        :class:`UnknownNameError` for a name that is neither, with the library's did-you-mean hint.
        """
        out: set[str] = set()
        for name in names or ():
            if name not in CATEGORIES and name not in self.registry and "/" in name:
                name = name.split("/", 1)[0]
            if name not in CATEGORIES and name not in self.registry:
                message = unknown_name(name, self.registry, listing=" GET /v1/rules lists the rules.")
                raise UnknownNameError(f"{where}: {message}", sorted(CATEGORIES))
            out.add(name)
        return frozenset(out)

    @staticmethod
    def check_language(language: str) -> str:
        """*language* if it looks like a language tag (``en``, ``en-GB``), else :class:`ValueError`."""
        if not _LANGUAGE.match(language):
            raise ValueError(f"{language!r} is not a language code such as \"en\" or \"en-GB\"")
        return language


class Profiles:
    """The voice profiles of a directory, through :class:`tonecheck.voice.ProfileStore`.

    Files are read again when they change (the store compares modification times), so a team edits
    the shared directory and every worker sees the change on its next request. Without a directory
    there are no profiles.
    """

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._store: ProfileStore | None = ProfileStore(directory) if directory is not None else None

    @property
    def available(self) -> bool:
        """Whether this server can use profiles at all."""
        return self._store is not None

    def names(self) -> list[str]:
        """The profile names, sorted."""
        return sorted(self._store.names()) if self._store is not None else []

    def errors(self) -> dict[str, str]:
        """Profile files that cannot be used, by name, with the reason."""
        if self._store is None:
            return {}
        return {name: str(exc) for name, exc in self._store.errors().items()}

    def get(self, name: str) -> Profile:
        """The profile *name*: :class:`UnknownNameError` when there is none, ``ProfileError`` when it is invalid."""
        if self._store is None:
            raise UnknownNameError(f"unknown profile {name!r}: this server has no voice profiles", [])
        try:
            return self._store.get(name)
        except KeyError:
            valid = self.names()
            listed = ", ".join(valid) if valid else "none"
            raise UnknownNameError(f"unknown profile {name!r} (profiles: {listed})", valid) from None
