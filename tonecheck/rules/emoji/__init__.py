"""Rules in the emoji group."""

from tonecheck.rules.emoji import emoji_bullets, emoji_count, emoji_placement, emoji_repeat

__all__ = ["emoji_bullets", "emoji_count", "emoji_placement", "emoji_repeat"]
