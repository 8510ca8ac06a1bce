"""Hashtag and mention rules."""

from tonecheck.rules.hashtags import hashtag_count

__all__ = ["hashtag_count"]
