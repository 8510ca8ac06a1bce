"""Rules in the characters group."""

from tonecheck.rules.characters import (
    all_caps,
    ascii_art,
    broken_character,
    fancy_text,
    invisible_characters,
    spaced_letters,
)

__all__ = ["all_caps", "ascii_art", "broken_character", "fancy_text", "invisible_characters", "spaced_letters"]
