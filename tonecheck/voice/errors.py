"""The error raised for an invalid voice profile, Vale style or vocabulary."""

from __future__ import annotations

__all__ = ["ProfileError"]


class ProfileError(ValueError):
    """A profile (or a Vale file it loads) that cannot be used.

    ``str(error)`` names the file and the key or line, for example
    ``samples/profiles/council.toml: principles[2].targets.warmth: min must be a number from 0 to 100``.
    """

    def __init__(self, source: str, where: str | None, message: str) -> None:
        self.source = source
        self.where = where
        self.message = message
        location = f"{source}: {where}" if where else source
        super().__init__(f"{location}: {message}")
