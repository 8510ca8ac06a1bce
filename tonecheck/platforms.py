"""The platforms tonecheck knows (data in ``tonecheck/data/platforms.toml``)."""

from __future__ import annotations

from functools import cache

from tonecheck.lexicon import load_toml
from tonecheck.model import InputError

__all__ = ["names", "resolve"]


@cache
def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for pid, entry in load_toml("platforms.toml").items():
        table[pid] = pid
        for alias in entry.get("aliases", []):
            table[alias] = pid
    return table


def names() -> list[str]:
    """Platform ids, sorted."""
    return sorted(load_toml("platforms.toml"))


def resolve(platform: str) -> str:
    """The platform id for *platform* (case-insensitive, aliases allowed); ``ValueError`` if unknown."""
    pid = _aliases().get(platform.strip().lower()) if isinstance(platform, str) else None
    if pid is None:
        raise InputError(f"unknown platform {platform!r} (use one of: {', '.join(names())})")
    return pid
