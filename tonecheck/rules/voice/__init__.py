"""Voice rules: a team's voice profile — its principles, preferred and avoided terms, brand names and Vale rules."""

from tonecheck.rules.voice import brand_spelling, term_avoid, term_prefer, vale, voice

__all__ = ["brand_spelling", "term_avoid", "term_prefer", "vale", "voice"]
