"""Hashtag and mention rules."""

from tonecheck.rules.hashtags import hashtag_camel_case, hashtag_count, hashtag_placement, mention_placement

__all__ = ["hashtag_camel_case", "hashtag_count", "hashtag_placement", "mention_placement"]
