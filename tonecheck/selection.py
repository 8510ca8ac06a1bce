"""Which rules run: one :class:`RuleSelection`, built by the configuration, the CLI and the server.

A selection has two layers. The **configuration** layer (``tonecheck.toml``, a profile's settings):

- ``preview``: preview rules run too;
- ``disable``: rule ids or categories that do not run;
- ``enable``: rule ids or categories that run (a rule named by id runs even when it is a preview rule).

The **invocation** layer (``--select``/``--ignore`` on the command line, ``rules`` in an HTTP request)
sits on top of it:

- ``select``: rule ids or categories to run *instead of* the configuration's choice;
- ``ignore``: rule ids or categories not to run, whatever else says.

Precedence, for each rule:

1. ``ignore`` naming the rule or its category wins over everything, except that ``select`` naming the
   rule by id wins over ``ignore`` naming only its category (``--select all-caps --ignore accessibility``
   runs ``all-caps``). So ``--select accessibility --ignore emoji-count`` runs the accessibility rules
   but ``emoji-count``.
2. With ``select``, only the rules it names run; the configuration's ``enable``/``disable`` are not
   consulted.
3. Otherwise the more specific of ``enable`` and ``disable`` wins: a rule id beats its category, so
   ``disable = ["accessibility"]`` with ``enable = ["emoji-count"]`` runs ``emoji-count`` alone of its
   category, and ``enable = ["accessibility"]`` with ``disable = ["emoji-count"]`` runs all the others.
   The same name in both lists is disabled, except ``voice``, which is both a rule and a category: in
   ``disable`` it means the category, in ``enable`` the rule, so naming it in both runs the voice rule.
4. A rule named by id (in ``select`` or ``enable``) runs even when it is a preview rule; a rule
   reached through its category, or by default, runs when it is stable or ``preview`` is on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tonecheck.model import Category
from tonecheck.suggest import did_you_mean

if TYPE_CHECKING:
    from tonecheck.registry import Registry
    from tonecheck.rule import Rule

__all__ = ["CATEGORIES", "RuleSelection", "SelectionError", "check_names", "unknown_name"]

#: The category names, in their declared order.
CATEGORIES: tuple[str, ...] = tuple(c.value for c in Category)

_BY_ID, _BY_CATEGORY, _NOT_NAMED = 2, 1, 0


class SelectionError(ValueError):
    """A rule id or category name that no rule or category has; the message carries a did-you-mean hint."""

    def __init__(self, message: str, name: str) -> None:
        super().__init__(message)
        self.name = name


def unknown_name(name: str, registry: Registry, *, listing: str = " Run `tonecheck rules` for the list.") -> str:
    """``unknown rule or category 'x'`` with a did-you-mean hint (categories and rule ids), else *listing*."""
    hint = did_you_mean(name, [*CATEGORIES, *registry.ids]) or listing
    return f"unknown rule or category {name!r}.{hint}"


def check_names(names: Iterable[str], registry: Registry, where: str) -> None:
    """:class:`SelectionError` (``"<where>: unknown rule or category ..."``) for the first unknown name."""
    for name in sorted(names):
        if name not in CATEGORIES and name not in registry:
            raise SelectionError(f"{where}: {unknown_name(name, registry)}", name)


@dataclass(frozen=True)
class RuleSelection:
    """Which rules run; see the module documentation for the precedence."""

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    enable: frozenset[str] = frozenset()
    disable: frozenset[str] = frozenset()
    preview: bool = False

    def validate(self, registry: Registry) -> None:
        """:class:`SelectionError` naming the list and the first unknown name in it."""
        for where, names in (("disable", self.disable), ("enable", self.enable), ("select", self.select or ()),
                             ("ignore", self.ignore)):
            check_names(names, registry, where)

    def runs(self, rule: type[Rule]) -> bool:
        """Whether *rule* runs under this selection."""
        ignored = _named(rule, self.ignore, positive=False)
        if self.select is not None:
            selected = _named(rule, self.select, positive=True)
            if selected == _NOT_NAMED or ignored >= selected:
                return False
            return selected == _BY_ID or self._by_default(rule)
        if ignored:
            return False
        enabled = _named(rule, self.enable, positive=True)
        disabled = _named(rule, self.disable, positive=False)
        if disabled >= enabled and disabled:
            return False
        return enabled == _BY_ID or self._by_default(rule)

    def rules(self, registry: Registry) -> list[type[Rule]]:
        """The rules of *registry* that run, sorted by id."""
        return [rule for rule in registry if self.runs(rule)]

    def _by_default(self, rule: type[Rule]) -> bool:
        return rule.status.value == "stable" or self.preview


def _named(rule: type[Rule], names: frozenset[str], *, positive: bool) -> int:
    """How specifically *names* names *rule*: by id, by its category, or not at all.

    A name that is both a rule id and a category (``voice``) names the rule in a positive list
    (``select``, ``enable``) and the category in a negative one (``ignore``, ``disable``).
    """
    if rule.id in names and (positive or rule.id not in CATEGORIES):
        return _BY_ID
    if rule.category.value in names:
        return _BY_CATEGORY
    return _NOT_NAMED
