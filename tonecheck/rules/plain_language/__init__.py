"""Rules in the plain_language group."""

from tonecheck.rules.plain_language import plain_words, reading_level, sentence_length

__all__ = ["plain_words", "reading_level", "sentence_length"]
