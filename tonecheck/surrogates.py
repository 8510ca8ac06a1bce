r"""Lone surrogates: the broken characters a Python string can hold, replaced before anything reads them.

A surrogate (U+D800..U+DFFF) is half of a UTF-16 pair. On its own it is not a character: UTF-8
cannot encode it, so it cannot be posted, and Python raises when it meets one in ``str.encode``.
JSON (``"\ud83d"``), an emoji cut in half by a truncation in JavaScript, and bytes that are not
UTF-8 read with ``errors="surrogateescape"`` (file names, ``sys.argv``) all produce them.

The policy, applied once at the library's door (:meth:`tonecheck.Checker.check`, so the server
and the command line inherit it): each surrogate code point in the draft, its content warning and
its alt texts is replaced by U+FFFD REPLACEMENT CHARACTER, which is what a browser does with
them (WHATWG Web IDL, ``USVString``) and what the post would show. One code point replaces one, so
the text keeps its length and every span still indexes the caller's text; in UTF-16 a lone
surrogate is one code unit and so is U+FFFD, so UTF-16 offsets stay the same too. Where the
replacements were is kept on the parse (:func:`replaced`) for the ``broken-character`` rule.

>>> clean("Hi \ud83d!")
('Hi �!', (3,))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tonecheck.text import ParsedText

__all__ = ["REPLACEMENT", "Replaced", "clean", "replaced", "store"]

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")
_CACHE_KEY = "surrogates.replaced"


@dataclass(frozen=True, slots=True)
class Replaced:
    """Code-point offsets that held a lone surrogate before :func:`clean`, per text of the draft."""

    text: tuple[int, ...] = ()
    content_warning: tuple[int, ...] = ()
    #: Media index -> offsets in that item's alt text.
    alt: dict[int, tuple[int, ...]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.text or self.content_warning or self.alt)


_NOTHING = Replaced()


def clean(text: str) -> tuple[str, tuple[int, ...]]:
    """*text* with each surrogate code point replaced by U+FFFD, and the offsets replaced."""
    if text.isascii():
        return text, ()
    positions = tuple(m.start() for m in _SURROGATE.finditer(text))
    if not positions:
        return text, ()
    return _SURROGATE.sub(REPLACEMENT, text), positions


def store(parsed: ParsedText, found: Replaced) -> None:
    """Keep where the draft held lone surrogates, for the rules (nothing is stored when there were none)."""
    if found:
        parsed.cache[_CACHE_KEY] = found


def replaced(parsed: ParsedText) -> Replaced:
    """Where the draft held lone surrogates before they were replaced (empty when it held none)."""
    found = parsed.cache.get(_CACHE_KEY, _NOTHING)
    assert isinstance(found, Replaced)
    return found
