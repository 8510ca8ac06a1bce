"""Did-you-mean hints for unknown names (rule ids, platforms, categories, keys).

One helper, so every error message that names an unknown thing offers the same kind of hint.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["closest", "did_you_mean"]


def closest(word: str, choices: Iterable[str], *, limit: int = 3) -> list[str]:
    """The known names closest to ``word`` (case-insensitive), best first; empty when none is close.

    A choice that contains ``word`` (or is contained in it) counts as close too, so
    ``hashtag-camelcase`` finds ``hashtag-camel-case`` and ``caps`` finds ``all-caps``.
    """
    names = list(dict.fromkeys(choices))
    lowered = {name.lower(): name for name in names}
    key = word.strip().lower()
    if not key:
        return []
    found = [lowered[m] for m in difflib.get_close_matches(key, list(lowered), n=limit, cutoff=0.6)]
    squashed = key.replace("-", "").replace("_", "")
    for low, name in lowered.items():
        if len(found) >= limit:
            break
        flat = low.replace("-", "").replace("_", "")
        if name not in found and (squashed == flat or (len(key) >= 4 and (key in low or low in key))):
            found.append(name)
    return found[:limit]


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``" Did you mean 'x'?"`` (or ``'x' or 'y'``) for an unknown ``word``, or ``""`` when nothing is close.

    >>> did_you_mean("plaform", ["platform", "text", "media"])
    " Did you mean 'platform'?"
    >>> did_you_mean("zzz", ["platform"])
    ''
    """
    found = closest(word, choices)
    if not found:
        return ""
    return " Did you mean " + " or ".join(f"'{name}'" for name in found) + "?"
