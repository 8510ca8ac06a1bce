"""The built-in rules, one module per rule, grouped by theme.

Each group package imports its rule modules from an explicit, sorted list; importing a module
registers its rule. Add a new rule's module to its group's list.
"""

from tonecheck.rules import characters, emoji, hashtags, links, plain_language, platform

__all__ = ["characters", "emoji", "hashtags", "links", "plain_language", "platform"]
