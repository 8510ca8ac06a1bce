"""Shared helpers for the alt-text rules: which media items need alt text, and normalised alt text.

- :func:`described_media`: the items that need a text alternative (images, GIFs, videos; an item
  with no kind is guessed from its file name or first bytes, and otherwise counts as an image;
  audio needs a transcript instead and is skipped);
- :func:`normalise`: alt text lower-cased, with punctuation and extra spaces removed (as GitHub's
  alt-text plugin does), for comparing against lists and against each other;
- :func:`is_placeholder` / :func:`is_filename`: so one rule reports a placeholder or a file name,
  and the other rules leave it alone;
- :func:`parsed_alt`: the alt text tokenised once per draft (cached in ``ParsedText.cache``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from tonecheck.lexicon import load_toml
from tonecheck.model import Media
from tonecheck.rule import Draft
from tonecheck.text import ParsedText, parse

__all__ = [
    "described_media",
    "is_filename",
    "is_placeholder",
    "kind_noun",
    "normalise",
    "parsed_alt",
    "redundant_prefix",
    "trimmed",
]

_PUNCTUATION = regex.compile(r"[\p{P}\p{Z}\s]*")
_NOT_WORD = regex.compile(r"[^\p{L}\p{M}\p{N}]+")
_NUMBERED = regex.compile(r"^(?:image|photo|picture|img|pic|screenshot|slide|figure|gif|video)\s*\d{1,3}$")
_EXT = r"(?:png|jpe?g|jfif|gif|webp|svg|heic|heif|avif|bmp|ico|tiff?|mp4|mov|m4v|webm)"
_FILENAME = (
    # One token that ends in an image or video extension: cat.jpg, final_v2.png, IMG_1234.JPG.
    regex.compile(rf"(?i)^(?!\S*://)(?!www\.)\S*[\p{{L}}\p{{N}}_\-)\]]\.{_EXT}$"),
    # Camera and phone file names without the extension: IMG_1234, DSC0042, PXL_20240501_101010.
    regex.compile(r"(?i)^(?:(?:img|dsc[nf]?|dcim|pxl|mvimg|vid|pano|gopr|dji)[_\-]?\d{3,}|p\d{7})[\w\-.~]*$"),
    # Screenshot and messenger names: "Screenshot 2024-04-28 at 10.01.22", "WhatsApp Image 2024-05-01 at 10.22.33".
    regex.compile(
        rf"(?i)^(?:screenshot|screen shot|bildschirmfoto|capture d.écran|schermafbeelding|whatsapp image|"
        rf"photo|image|img|untitled)[ _\-]*[(\d][\d\-_ .:()]*(?:(?:at|um|à|om|a las|alle)[ _]*[\d\-_ .:]+)?"
        rf"(?: ?[ap]\.?m\.?)?(?: ?\(\d+\))?(?:\.{_EXT})?$"
    ),
    # A UUID, with or without an extension.
    regex.compile(rf"(?i)^[0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}}(?:\.{_EXT})?$"),
)


_SUFFIX_KINDS = {
    **dict.fromkeys(("mp3", "wav", "m4a", "aac", "flac", "oga", "opus", "wma", "aif", "aiff"), "audio"),
    **dict.fromkeys(("mp4", "mov", "m4v", "webm", "mkv", "avi"), "video"),
    "gif": "gif",
}
# Magic numbers of audio-only formats (MP3 with an ID3 tag or a frame sync, WAV, FLAC).
_AUDIO_MAGIC = (b"ID3", b"fLaC")


def _kind(item: Media) -> str:
    """The item's kind; when not given, a cheap guess from the file name or the first bytes."""
    if item.kind is not None:
        return item.kind
    if item.path is not None:
        suffix = str(item.path).rsplit(".", 1)[-1].lower() if "." in str(item.path) else ""
        return _SUFFIX_KINDS.get(suffix, "image")
    head = item.data[:12] if item.data else b""
    if head.startswith(_AUDIO_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WAVE"):
        return "audio"
    if head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "audio"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    return "image"


def described_media(draft: Draft) -> Iterator[tuple[int, Media]]:
    """The media items that need alt text, with their index in ``draft.media`` (audio is skipped)."""
    for i, item in enumerate(draft.media):
        if _kind(item) != "audio":
            yield i, item


def kind_noun(item: Media) -> str:
    """What to call the item in a message: "image", "GIF" or "video"."""
    return {"gif": "GIF", "video": "video"}.get(_kind(item), "image")


def normalise(alt: str) -> str:
    """Lower case, punctuation and symbols removed, spaces collapsed."""
    return _NOT_WORD.sub(" ", alt.casefold()).strip()


def trimmed(alt: str) -> tuple[int, int]:
    """The span of *alt* without leading and trailing white space."""
    start = len(alt) - len(alt.lstrip())
    return start, max(start, len(alt.rstrip()))


@cache
def _placeholders() -> frozenset[str]:
    words = load_toml("rules/alt-text-placeholder.toml").get("placeholders", {}).get("words", [])
    return frozenset(normalise(w) for w in words)


def is_placeholder(alt: str) -> bool:
    """Whether non-empty *alt* is boilerplate ("image", "todo", "alt text", "-", "Image 1")."""
    norm = normalise(alt)
    if not norm:  # "." or "-" is a placeholder; "🐶" is left to alt-text-content
        return _PUNCTUATION.fullmatch(alt) is not None
    return norm in _placeholders() or _NUMBERED.match(norm) is not None


def is_filename(alt: str) -> bool:
    """Whether *alt* is a file name (IMG_1234.jpg, "Screenshot 2024-04-28 at 10.01.22.png", a UUID)."""
    text = alt.strip()
    if not text or len(text) > 120:
        return False
    return any(p.match(text) for p in _FILENAME)


def parsed_alt(draft: Draft, index: int, alt: str) -> ParsedText:
    """The alt text of media item *index*, tokenised once per draft."""
    key = f"alt:{index}"
    found = draft.parsed.cache.get(key)
    if isinstance(found, ParsedText) and found.text == alt:
        return found
    parsed = parse(alt)
    draft.parsed.cache[key] = parsed
    return parsed


# Series titles that start like a prefix: "Photo of the Day: …".
_TITLE = regex.compile(r"(?i)the (?:day|week|month|year)\b")
_CONTENT = regex.compile(r"[\p{L}\p{N}]")


@cache
def _prefix_pattern() -> regex.Pattern[str]:
    """"Image of", "A photo showing", "GIF of": built once from alt-text-redundant-prefix's lists."""
    lists = load_toml("rules/alt-text-redundant-prefix.toml")["prefix"]
    noun = "|".join(regex.escape(n).replace(r"\ ", r"\s+") for n in sorted(lists["nouns"], key=len, reverse=True))
    link = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(lists["links"], key=len, reverse=True))
    return regex.compile(
        rf"(?i)^\s*(?:(?:this\s+is\s+)?(?:an?|this)\s+)?(?:{noun})\s+(?:{link})\b[\s:,\-–—]*",
    )


def redundant_prefix(alt: str) -> int | None:
    """Where a redundant prefix ("Image of", "GIF of") ends, when one starts *alt* and something follows it.

    ``None`` for a series title ("Photo of the Day: …") and for a prefix with nothing after it (that
    is a placeholder, another rule's finding).
    """
    m = _prefix_pattern().match(alt)
    if m is None:
        return None
    rest = alt[m.end() :]
    if not _CONTENT.search(rest) or _TITLE.match(rest):
        return None
    return m.end()

