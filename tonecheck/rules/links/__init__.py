"""Rules in the links group."""

from tonecheck.rules.links import link_count, link_shortener, link_text, sensory_language

__all__ = ["link_count", "link_shortener", "link_text", "sensory_language"]
