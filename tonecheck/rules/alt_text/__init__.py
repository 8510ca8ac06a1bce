"""Alt-text rules: the descriptions of attached images, GIFs and videos."""

from tonecheck.rules.alt_text import (
    alt_text_auto,
    alt_text_content,
    alt_text_duplicate,
    alt_text_filename,
    alt_text_length,
    alt_text_missing,
    alt_text_placeholder,
    alt_text_redundant_prefix,
)

__all__ = [
    "alt_text_auto",
    "alt_text_content",
    "alt_text_duplicate",
    "alt_text_filename",
    "alt_text_length",
    "alt_text_missing",
    "alt_text_placeholder",
    "alt_text_redundant_prefix",
]
