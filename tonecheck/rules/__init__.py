"""The built-in rules, one module per rule, grouped by theme.

Each group package imports its rule modules from an explicit, sorted list; importing a module
registers its rule. Add a new rule's module to its group's list.
"""

from tonecheck.rules import (
    alt_text,
    characters,
    emoji,
    grammar,
    hashtags,
    links,
    media,
    plain_language,
    platform,
    policy,
    voice,
)

__all__ = [
    "alt_text",
    "characters",
    "emoji",
    "grammar",
    "hashtags",
    "links",
    "media",
    "plain_language",
    "platform",
    "policy",
    "voice",
]
