"""Rules in the grammar group."""

from tonecheck.rules.grammar import languagetool

__all__ = ["languagetool"]
