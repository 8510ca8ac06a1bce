"""Platform rules: length counted the platform's way, and per-platform caps."""

from tonecheck.rules.platform import length_limit, platform_limit

__all__ = ["length_limit", "platform_limit"]
