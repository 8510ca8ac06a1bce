"""Rule documentation as safe HTML (the extension's "Why?" page), rendered by markdown-it-py.

CommonMark with raw HTML switched off (it is shown as text), bare ``https://`` URLs made into links
(linkify-it-py), and only ``http(s)`` and ``mailto`` links allowed; every link opens without a referrer.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from markdown_it import MarkdownIt

__all__ = ["render"]

_SAFE_SCHEMES = ("http://", "https://", "mailto:")


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": True}).enable("linkify")
    md.validateLink = lambda url: url.strip().lower().startswith(_SAFE_SCHEMES)  # type: ignore[method-assign]

    def link_open(renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        tokens[idx].attrSet("rel", "noreferrer")
        return str(renderer.renderToken(tokens, idx, options, env))

    md.add_render_rule("link_open", link_open)
    return md


def render(markdown: str) -> str:
    """*markdown* as an HTML fragment."""
    return str(_parser().render(markdown))
