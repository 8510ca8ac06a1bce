"""Brand voice: profiles, tone traits and Vale styles."""

from __future__ import annotations

from tonecheck.voice.errors import ProfileError

__all__ = ["ProfileError"]
