"""Platforms: their limits (``tonecheck/data/platforms.toml``) and post length counted their way.

Every platform counts differently, so there is no single "character": X weights code points and
counts every link as 23; Mastodon counts grapheme clusters of the content warning and the text
together, links with a scheme as 23 and ``@user@domain`` as ``@user``; Bluesky counts graphemes
and UTF-8 bytes of the text as its app posts it (link text shortened); Threads counts each emoji as
its UTF-8 bytes. :func:`measure` returns the length, the limit, and where the part that fits ends.

>>> count("Hello 👋 https://example.com/a/very/long/path", "x")
32
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import regex

from tonecheck import entities
from tonecheck.lexicon import load_toml
from tonecheck.model import InputError
from tonecheck.suggest import did_you_mean
from tonecheck.text import grapheme_ends

__all__ = ["OVERRIDABLE", "Length", "Platform", "count", "get", "measure", "names", "resolve"]

#: Numbers a configuration may override per platform (``[platforms.<id>]`` in tonecheck.toml).
OVERRIDABLE = (
    "max_length",
    "max_bytes",
    "url_length",
    "max_hashtags",
    "max_links",
    "max_mentions",
    "max_media",
    "alt_text_max",
    "alt_text_soft",
)

_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\p{Regional_Indicator}\u20e3]")


@dataclass(frozen=True)
class Platform:
    """One platform's counting method, limits and caps."""

    id: str
    name: str
    counting: str
    max_length: int | None = None
    max_bytes: int | None = None
    url_length: int = 23
    max_hashtags: int | None = None
    max_links: int | None = None
    max_mentions: int | None = None
    max_media: int | None = None
    alt_text_max: int | None = None
    alt_text_soft: int | None = None
    links_clickable: bool = True
    content_warning: str = "none"
    sources: Mapping[str, str] = field(default_factory=dict, repr=False)

    @property
    def unit(self) -> str:
        """How the length is counted, in words for messages."""
        return {
            "twitter-text": "characters (X counts links as 23 and emoji as 2)",
            "mastodon": "characters",
            "bluesky": "characters",
            "threads": "characters (emoji count as several)",
        }.get(self.counting, "characters")


@dataclass(frozen=True, slots=True)
class Length:
    """A post's length counted the platform's way, and where the part that fits ends."""

    length: int
    limit: int | None
    #: Code-point offset into the text where the part that fits ends (``len(text)`` when it all fits).
    fits_end: int
    #: UTF-8 bytes and their limit, for platforms that also limit bytes (Bluesky).
    bytes: int | None = None
    byte_limit: int | None = None

    @property
    def over(self) -> int:
        """How far the post is over the length limit (0 when it fits)."""
        return max(0, self.length - self.limit) if self.limit is not None else 0

    @property
    def bytes_over(self) -> int:
        """How far the post is over the byte limit (0 when it fits or there is none)."""
        if self.bytes is None or self.byte_limit is None:
            return 0
        return max(0, self.bytes - self.byte_limit)


@cache
def _table() -> Mapping[str, Mapping[str, Any]]:
    return load_toml("platforms.toml")


@cache
def _aliases() -> dict[str, str]:
    table: dict[str, str] = {}
    for pid, entry in _table().items():
        table[pid] = pid
        for alias in entry.get("aliases", []):
            table[alias] = pid
    return table


def names() -> list[str]:
    """Platform ids (without ``default``), sorted."""
    return sorted(p for p in _table() if p != "default")


def resolve(platform: str) -> str:
    """The platform id for *platform* (case-insensitive, aliases allowed); :class:`InputError` if unknown."""
    pid = _aliases().get(platform.strip().lower()) if isinstance(platform, str) else None
    if pid is None or pid == "default":
        listing = f"(use one of: {', '.join(names())})"
        known = [name for name in _aliases() if name != "default"]
        hint = did_you_mean(platform, known) if isinstance(platform, str) else ""
        raise InputError(f"unknown platform {platform!r}.{hint} {listing}" if hint else
                         f"unknown platform {platform!r} {listing}")
    return pid


def get(platform: str | None, overrides: Mapping[str, Any] | None = None) -> Platform:
    """The platform's data (``None`` for the neutral default), with configured *overrides* applied."""
    pid = "default" if platform is None else resolve(platform)
    entry = dict(_table()[pid])
    entry.pop("aliases", None)
    sources = entry.pop("sources", {})
    entry.update(overrides or {})
    return Platform(id=pid, sources=sources, **entry)


def count(text: str, platform: str | None = None, *, content_warning: str | None = None) -> int:
    """The length of *text* as *platform* counts it (characters when no platform is given)."""
    return measure(text, get(platform), content_warning=content_warning).length


def measure(text: str, platform: Platform, *, content_warning: str | None = None) -> Length:
    """Count *text* (and a content warning where the platform counts it) against the platform's limits."""
    counting = platform.counting
    if counting == "twitter-text":
        from tonecheck.twitter_count import parse_tweet

        parsed = parse_tweet(text, max_length=platform.max_length)
        return Length(parsed.weighted_length, platform.max_length, parsed.valid_end)
    cw = content_warning or ""
    if counting == "mastodon":
        return _walk(text, platform, _mastodon_special(text, platform), _GRAPHEMES, start=_graphemes(cw))
    if counting == "bluesky":
        return _walk(text, platform, _bluesky_special(text), _GRAPHEMES)
    if counting == "threads":
        return _walk(text, platform, [], _THREADS)
    limit = platform.max_length
    if limit is None or len(text) <= limit:
        return Length(len(text), limit, len(text))
    return Length(len(text), limit, _grapheme_floor(text, limit))


# -- counting -------------------------------------------------------------------------------------

Unit = tuple[int, int, int, int]  # (start, end, length cost, byte cost) of one countable piece


class _Plain:
    """How one platform counts the text between links and mentions: per grapheme cluster.

    :meth:`total` counts a whole run at once (C-level scans), so a long post costs a few calls per
    link instead of a Python step per character; :meth:`clusters` walks a run one cluster at a time,
    and is only used for the one run where a limit is crossed.
    """

    def total(self, text: str, start: int, end: int) -> tuple[int, int]:
        """(length cost, byte cost) of ``text[start:end]``: one per cluster, and its UTF-8 bytes."""
        piece = text[start:end]
        if piece.isascii():
            return len(piece) - piece.count("\r\n"), len(piece)
        return len(grapheme_ends(text, start, end)), _utf8_length(piece)

    def clusters(self, text: str, start: int, end: int) -> Iterator[Unit]:
        """One unit per grapheme cluster of ``text[start:end]``."""
        return _clusters(text, start, end)


class _ThreadsPlain(_Plain):
    """Threads counts a cluster as its code points, or as its UTF-8 bytes when it is an emoji."""

    def total(self, text: str, start: int, end: int) -> tuple[int, int]:
        piece = text[start:end]
        size = len(piece) if piece.isascii() else _utf8_length(piece)
        if piece.isascii() or _EMOJI.search(piece) is None:
            return len(piece), size
        # Each emoji cluster counts its bytes instead of its code points.
        extra = sum(
            _utf8_length(cluster) - len(cluster)
            for cluster in _cluster_texts(text, start, end)
            if not cluster.isascii() and _EMOJI.search(cluster) is not None
        )
        return len(piece) + extra, size

    def clusters(self, text: str, start: int, end: int) -> Iterator[Unit]:
        for unit_start, unit_end, _cost, size in _clusters(text, start, end):
            cluster = text[unit_start:unit_end]
            emoji = not cluster.isascii() and _EMOJI.search(cluster) is not None
            yield (unit_start, unit_end, size if emoji else len(cluster), size)


_GRAPHEMES = _Plain()
_THREADS = _ThreadsPlain()


def _utf8_length(text: str) -> int:
    # "surrogatepass": platforms.measure() may be called directly with a lone surrogate, which
    # posts as U+FFFD, also three bytes (Checker.check replaces them first; see tonecheck.surrogates).
    return len(text.encode("utf-8", "surrogatepass"))


def _walk(text: str, platform: Platform, special: list[Unit], plain: _Plain, start: int = 0) -> Length:
    """Add up the *special* units (links, mentions) and the *plain* text between them.

    ``fits_end`` is where the first unit that breaks a limit starts; *start* is what is counted
    before the text (Mastodon's content warning).
    """
    length, size = start, 0
    limit, byte_limit = platform.max_length, platform.max_bytes
    fits_end: int | None = 0 if limit is not None and start > limit else None

    def over(length: int, size: int) -> bool:
        return (limit is not None and length > limit) or (byte_limit is not None and size > byte_limit)

    pos = 0
    n = len(text)
    for unit_start, unit_end, cost, byte_cost in [*special, (n, n, 0, 0)]:
        if unit_start < pos:
            continue  # overlaps the unit before it
        if pos < unit_start:
            run_cost, run_size = plain.total(text, pos, unit_start)
            if fits_end is None and over(length + run_cost, size + run_size):
                walked, walked_size = length, size
                for cluster_start, _end, cluster_cost, cluster_size in plain.clusters(text, pos, unit_start):
                    walked += cluster_cost
                    walked_size += cluster_size
                    if over(walked, walked_size):
                        fits_end = cluster_start
                        break
            length += run_cost
            size += run_size
        if unit_start == n:
            break
        length += cost
        size += byte_cost
        if fits_end is None and over(length, size):
            fits_end = unit_start
        pos = unit_end
    return Length(
        length,
        limit,
        n if fits_end is None else fits_end,
        size if byte_limit is not None else None,
        byte_limit,
    )


def _grapheme_floor(text: str, pos: int) -> int:
    """The start of the grapheme cluster that contains *pos* (so a cut never splits a character)."""
    if text.isascii():
        return pos - 1 if text[pos - 1 : pos + 1] == "\r\n" else pos
    line_start = text.rfind("\n", 0, pos) + 1
    cluster_start = line_start
    for cluster_end in grapheme_ends(text, line_start):
        if cluster_end > pos:
            return cluster_start
        cluster_start = cluster_end
    return pos


def _graphemes(text: str) -> int:
    return len(text) if text.isascii() and "\r" not in text else len(grapheme_ends(text))


def _clusters(text: str, start: int, end: int) -> Iterator[Unit]:
    """One unit per grapheme cluster of ``text[start:end]``."""
    if text.isascii():
        for i in range(start, end):
            if text[i] == "\n" and i > start and text[i - 1] == "\r":
                continue  # "\r\n" is one cluster
            size = 2 if text[i] == "\r" and text[i + 1 : i + 2] == "\n" else 1
            yield (i, i + size, 1, size)
        return
    cluster_start = start
    for cluster_end in grapheme_ends(text, start, end):
        yield (cluster_start, cluster_end, 1, _utf8_length(text[cluster_start:cluster_end]))
        cluster_start = cluster_end


def _cluster_texts(text: str, start: int, end: int) -> Iterator[str]:
    """Each grapheme cluster of ``text[start:end]``."""
    cluster_start = start
    for cluster_end in grapheme_ends(text, start, end):
        yield text[cluster_start:cluster_end]
        cluster_start = cluster_end


def _mastodon_special(text: str, platform: Platform) -> list[Unit]:
    special: list[Unit] = []
    if "://" in text:
        for start, end in entities.extract_urls(text):
            if text[start:end].lower().startswith(("http://", "https://")):
                special.append((start, end, platform.url_length, platform.url_length))
    if "@" in text:
        for start, end in entities.extract_mentions(text, fediverse=True):
            local = text[start:end].split("@")[1]
            if "@" in text[start + 1 : end]:
                special.append((start, end, 1 + _graphemes(local), _utf8_length("@" + local)))
    special.sort()
    return special


def _bluesky_special(text: str) -> list[Unit]:
    special: list[Unit] = []
    if "." in text:
        for start, end in entities.extract_urls(text):
            shown = bluesky_link_text(text[start:end])
            special.append((start, end, _graphemes(shown), _utf8_length(shown)))
    return special


def bluesky_link_text(url: str) -> str:
    """The text Bluesky's app posts for a link: host plus path, a long path cut to 13 characters + "..."."""
    full = url if "://" in url else "https://" + url
    try:
        parts = urlsplit(full)
        host = parts.netloc.rsplit("@", 1)[-1].encode("idna").decode("ascii").lower()
    except (ValueError, UnicodeError):
        return url
    if parts.scheme.lower() not in ("http", "https"):
        return url
    path = "" if parts.path == "/" else parts.path
    if parts.query:
        path += "?" + parts.query
    if parts.fragment:
        path += "#" + parts.fragment
    return host + (path[:13] + "..." if len(path) > 15 else path)
