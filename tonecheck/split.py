"""Split an over-long draft into a thread of posts that each fit the platform.

>>> split_thread("First point. " * 3, limit=30)
['First point. First point.', 'First point.']

Every post is a slice of the draft, trimmed of the white space at the cut; nothing is reworded, and
line breaks inside a post stay. Each post fits the platform as :func:`tonecheck.platforms.measure`
counts it: X's weighted length (links 23, emoji 2), Mastodon's graphemes (links 23), Bluesky's
graphemes *and* UTF-8 bytes, Threads' emoji bytes, or plain characters.

Where a post ends, best first:

1. the end of the draft, when the rest fits;
2. a paragraph break (a blank line), if the post up to it is at least half as long as the post up to
   the last sentence end that fits;
3. the end of a sentence (terminal punctuation followed by white space, a line break, or a CJK full
   stop such as ``。`` even without a space): as many whole sentences as fit;
4. the end of a word, for a sentence longer than a post (a CJK comma such as ``、`` also counts);
5. as a last resort, for a single "word" longer than a post, between two grapheme clusters.

A post never ends inside a URL, @mention, #hashtag, $cashtag or emoji (or any other grapheme
cluster). When one of those cannot fit in a post on its own, :func:`split_thread` raises
:class:`ValueError` saying so.

Numbering (``numbering=True``) appends a space and ``i/n`` to each post (``"… 1/3"``); the marker is
counted against the limit, and the thread is packed again when the number of posts changes the
marker's width (``9/9`` → ``10/10``). A draft that already fits is returned unchanged as one post,
without a marker (``[text]``), whether or not numbering is asked for; so is any thread that turns
out to be a single post once trimmed. A draft of only white space that does not fit gives ``[]``.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import regex

from tonecheck import platforms
from tonecheck.platforms import Platform
from tonecheck.text import ParsedText, grapheme_ends, parse

__all__ = ["split_thread"]

# Where a post may end, best first.
_END, _PARAGRAPH, _SENTENCE, _WORD = range(4)

# Exactly the characters for which Python's str.isspace() is true (so str.split() agrees with the cuts).
_SPACE_CHARS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SPACE_RUN = regex.compile(f"[{_SPACE_CHARS}]+")
# Places to cut in text written without spaces (Chinese, Japanese): after a full stop (a sentence)
# or a comma (a word), with any closing brackets or quotes, when no white space follows anyway.
_CJK_STOP = regex.compile(f"[。！？．｡](?:[」』）】〕〉》”’\"')]*)(?=[^{_SPACE_CHARS}\\p{{Nd}}])")
_CJK_COMMA = regex.compile(f"[、，；：､](?:[」』）】〕〉》”’\"')]*)(?=[^{_SPACE_CHARS}\\p{{Nd}}])")


@dataclass(frozen=True, slots=True)
class _Cut:
    """A place where a post may end: the post ends at ``end``, the next one starts at ``next``."""

    end: int
    next: int
    rank: int


class _Layout:
    """The places where the draft may be cut, found once for all the passes."""

    def __init__(self, text: str) -> None:
        self.text = text
        parsed: ParsedText = parse(text)
        self.parsed = parsed
        self.protected = parsed.protected
        self._protected_starts = [s for s, _ in self.protected]
        # Grapheme-cluster boundaries: every offset of an ASCII text except inside "\r\n".
        self._boundaries: list[int] | None = None
        if not text.isascii():
            self._boundaries = [0, *grapheme_ends(text)]
        sentence_ends = sorted(t.end for t in parsed.sentences)
        runs = [(m.start(), m.end()) for m in _SPACE_RUN.finditer(text)]
        lead = self._floor(runs[0][1]) if runs and runs[0][0] == 0 else 0
        trail = self._ceil(runs[-1][0]) if runs and runs[-1][1] == len(text) else len(text)
        self.start, self.stop = (lead, trail) if lead < trail else (len(text), len(text))
        cuts: list[_Cut] = []
        for start, end in runs:
            start, end = self._ceil(start), self._floor(end)
            if not self.start < start < end <= self.stop or self._inside(start) or self._inside(end):
                continue
            run = text[start:end]
            breaks = run.count("\n") + run.count("\u2029") + run.replace("\r\n", "").count("\r")
            i = bisect_left(sentence_ends, start)
            at_sentence_end = i < len(sentence_ends) and sentence_ends[i] <= end
            rank = _PARAGRAPH if breaks >= 2 else _SENTENCE if breaks or at_sentence_end else _WORD
            cuts.append(_Cut(start, end, rank))
        if not text.isascii():
            for pattern, rank in ((_CJK_STOP, _SENTENCE), (_CJK_COMMA, _WORD)):
                for m in pattern.finditer(text, self.start, self.stop):
                    pos = m.end()
                    if self.is_boundary(pos) and not self._inside(pos):
                        cuts.append(_Cut(pos, pos, rank))
            cuts.sort(key=lambda c: c.end)
        cuts.append(_Cut(self.stop, len(text), _END))
        self.cuts = cuts
        self.cut_ends = [c.end for c in cuts]

    def is_boundary(self, pos: int) -> bool:
        """True when *pos* lies between two grapheme clusters."""
        if self._boundaries is None:
            return not (0 < pos < len(self.text) and self.text[pos - 1] == "\r" and self.text[pos] == "\n")
        i = bisect_left(self._boundaries, pos)
        return i < len(self._boundaries) and self._boundaries[i] == pos

    def _floor(self, pos: int) -> int:
        if self._boundaries is None:
            return pos if self.is_boundary(pos) else pos - 1
        return self._boundaries[bisect_right(self._boundaries, pos) - 1]

    def _ceil(self, pos: int) -> int:
        if self._boundaries is None:
            return pos if self.is_boundary(pos) else pos + 1
        return self._boundaries[bisect_left(self._boundaries, pos)]

    def _inside(self, pos: int) -> bool:
        """True when *pos* lies strictly inside a URL, mention, hashtag, cashtag or emoji."""
        i = bisect_right(self._protected_starts, pos) - 1
        return i >= 0 and self.protected[i][0] < pos < self.protected[i][1]

    def grapheme_cuts(self, start: int, end: int) -> list[int]:
        """Offsets in ``(start, end)`` between two grapheme clusters and outside every entity."""
        if self._boundaries is None:
            return [p for p in range(start + 1, end) if self.is_boundary(p) and not self._inside(p)]
        b = self._boundaries
        return [p for p in b[bisect_right(b, start) : bisect_left(b, end)] if not self._inside(p)]

    def safe_boundary(self, pos: int, *, down: bool = False) -> int:
        """The grapheme boundary outside entities nearest *pos*: after it, or at or before it with *down*."""
        pos = min(max(pos, 0), len(self.text))
        pos = self._floor(pos) if down else self._ceil(pos)
        i = bisect_right(self._protected_starts, pos) - 1
        if i >= 0 and self.protected[i][0] < pos < self.protected[i][1]:
            pos = self.protected[i][0] if down else self.protected[i][1]
        return pos

    def entity_at(self, pos: int) -> tuple[str, str] | None:
        """The kind and text of the entity or emoji that starts at or covers *pos*, if any."""
        parsed = self.parsed
        for kind, tokens in (("URL", parsed.urls), ("mention", parsed.mentions),
                             ("hashtag", parsed.hashtags), ("cashtag", parsed.cashtags)):
            for token in tokens:
                if token.start <= pos < token.end:
                    return kind, token.text
        for emoji in parsed.emoji:
            if emoji.start <= pos < emoji.end:
                return "emoji", emoji.text
        return None


def split_thread(
    text: str,
    platform: str | None = None,
    *,
    numbering: bool = False,
    limit: int | None = None,
    overrides: Mapping[str, int] | None = None,
    content_warning: str | None = None,
) -> list[str]:
    """The posts of a thread made from *text*, each fitting *platform* (see the module docstring).

    *limit* replaces the platform's ``max_length`` (a Bluesky byte limit still applies); it is
    required when no platform is given, which counts plain characters. *overrides* are the
    configured limits for the platform (``[platforms.<id>]`` in tonecheck.toml). A
    *content_warning* is taken to go on every post, and counted where the platform counts it
    (Mastodon). Raises :class:`ValueError` (:class:`~tonecheck.model.InputError` for an unknown
    platform) when there is no limit, when the content warning leaves no room, or when a URL,
    mention, hashtag, cashtag or emoji is too long for one post.
    """
    venue = _venue(platform, limit, overrides)
    if content_warning and venue.content_warning == "counted" and venue.max_length is not None:
        room = venue.max_length - platforms.count(content_warning)
        if room < 1:
            raise ValueError("the content warning alone is as long as a post: shorten it")
        venue = dataclasses.replace(venue, max_length=room)
    whole = platforms.measure(text, venue)
    if whole.over == 0 and whole.bytes_over == 0:
        return [text]
    layout = _Layout(text)
    if not numbering:
        return [text[a:b] for a, b in _pack(layout, venue, lambda _i: "")]
    # A marker's width depends only on the number of digits of the post count; start from a guess.
    assert venue.max_length is not None
    guess = -(-whole.length // venue.max_length)
    if whole.bytes is not None and whole.byte_limit:
        guess = max(guess, -(-whole.bytes // whole.byte_limit))
    digits = len(str(max(guess, 2)))
    packed: dict[int, list[tuple[int, int]]] = {}
    while True:
        if digits not in packed:
            packed[digits] = _pack(layout, venue, _numbered("9" * digits))
        spans = packed[digits]
        needed = len(str(len(spans)))
        if needed == digits:
            break
        if needed > digits:
            digits = needed  # wider markers than reserved: pack again
        elif needed in packed:
            break  # narrower markers need more posts: keep this packing, whose markers only get narrower
        else:
            digits = needed  # fewer posts than reserved for: narrower markers may pack tighter
    if len(spans) == 1:
        return [text[spans[0][0] : spans[0][1]]]
    return [f"{text[a:b]} {i}/{len(spans)}" for i, (a, b) in enumerate(spans, start=1)]


def _venue(platform: str | None, limit: int | None, overrides: Mapping[str, int] | None) -> Platform:
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        raise ValueError(f"limit must be a whole number of at least 1, not {limit!r}")
    venue = platforms.get(platform, overrides)
    if limit is not None:
        venue = dataclasses.replace(venue, max_length=limit)
    if venue.max_length is None:
        raise ValueError("split_thread needs a platform or a limit: without a platform there is no length limit")
    return venue


def _numbered(total: str) -> Callable[[int], str]:
    """The marker of post *i* in a thread of *total* posts: a space and ``i/total``.

    Packing uses a *total* of nines with as many digits as the real count: digits cost one each on
    every platform, so the real marker is never wider.
    """
    return lambda i: f" {i}/{total}"


def _fits(post: str, venue: Platform) -> bool:
    length = platforms.measure(post, venue)
    return length.over == 0 and length.bytes_over == 0


def _pack(layout: _Layout, venue: Platform, marker: Callable[[int], str]) -> list[tuple[int, int]]:
    """Greedily cut the draft into ``(start, end)`` slices; post *i* (from 1) ends with ``marker(i)``."""
    spans: list[tuple[int, int]] = []
    start = layout.start
    while start < layout.stop:
        post = _Post(layout, venue, start, marker(len(spans) + 1))
        cut = post.best_cut()
        if cut is None:
            raise ValueError(_too_long(layout, start, venue, post.suffix))
        spans.append((start, cut.end))
        start = cut.next
    return spans


class _Post:
    """The search for where one post, starting at ``start`` and ending with ``suffix``, should end."""

    def __init__(self, layout: _Layout, venue: Platform, start: int, suffix: str) -> None:
        self.layout, self.venue, self.start, self.suffix = layout, venue, start, suffix
        self._memo: dict[int, bool] = {}
        #: Where the window counted by :meth:`estimate` ends.
        self.window_end = start

    def fits(self, end: int) -> bool:
        """Whether ``text[start:end]`` plus the suffix fits, counted exactly as the platform counts it."""
        if end not in self._memo:
            self._memo[end] = _fits(self.layout.text[self.start : end] + self.suffix, self.venue)
        return self._memo[end]

    def estimate(self) -> int:
        """Where the part that fits ends, from one count of a window of text after the start.

        The suffix is left out and its length taken off the limits instead (it is ASCII, so it costs
        one per character on every platform). The window ends at a cut, or, in a very long word, at a
        grapheme boundary outside entities, so its count matches the count of a post cut there.
        """
        layout, start, size = self.layout, self.start, len(self.suffix)
        venue = self.venue
        assert venue.max_length is not None
        reduced = dataclasses.replace(
            venue,
            max_length=venue.max_length - size,
            max_bytes=None if venue.max_bytes is None else venue.max_bytes - size,
        )
        if venue.max_length - size < 1 or (reduced.max_bytes is not None and reduced.max_bytes < 1):
            return start  # the marker alone fills the post
        width = venue.max_length + 64
        while True:
            j = min(bisect_left(layout.cut_ends, start + width), len(layout.cuts) - 1)
            end = layout.cuts[j].end
            if end > start + 2 * width:
                end = layout.safe_boundary(start + width)
            counted = platforms.measure(layout.text[start:end], reduced)
            self.window_end = end
            if counted.fits_end < end - start:
                return start + counted.fits_end
            if end >= layout.stop:
                return layout.stop
            width *= 2

    def best_cut(self) -> _Cut | None:
        """The best place to end the post, or ``None`` when not even its first character or entity fits."""
        layout, start = self.layout, self.start
        cuts, ends = layout.cuts, layout.cut_ends
        first = bisect_right(ends, start)  # the first cut after the start (the end of the text at the latest)
        bound = self.estimate()
        found = bisect_right(ends, bound) - 1
        last: int | None = found
        if found >= first and not self.fits(ends[found]):
            # The count is not strictly monotonic (entities, normalisation): search the cuts before it.
            last = _last_fitting(ends, first, found, self.fits)
        elif found < first:
            # A first word that runs past the counted window does not fit; a shorter one is checked.
            if ends[first] > self.window_end or not self.fits(ends[first]):
                return self._inside_word(min(bound, ends[first]), ends[first])
            # The estimate was wrong (the count is not strictly monotonic): the first word fits after all.
            last = _last_fitting(ends, first, len(ends), self.fits)
        if last is None:
            return self._inside_word(ends[first], ends[first])
        if cuts[last].rank == _END:
            return cuts[last]
        sentence = paragraph = None
        for i in range(last, first - 1, -1):
            rank = cuts[i].rank
            if rank == _PARAGRAPH and paragraph is None:
                paragraph = i
            if rank <= _SENTENCE and sentence is None:
                sentence = i
            if paragraph is not None:
                break
        if sentence is None:
            return cuts[last]
        choice = sentence
        if paragraph is not None and 2 * (cuts[paragraph].end - start) >= cuts[sentence].end - start:
            choice = paragraph
        return cuts[choice] if choice == last or self.fits(cuts[choice].end) else cuts[last]

    def _inside_word(self, bound: int, word_end: int) -> _Cut | None:
        """The last grapheme boundary outside entities, up to *bound*, where a post inside a word fits."""
        layout, start = self.layout, self.start
        pos = layout.safe_boundary(bound, down=True)
        if pos <= start or not self.fits(pos):
            inner = layout.grapheme_cuts(start, pos if pos > start else word_end)
            best = _last_fitting(inner, 0, len(inner), self.fits)
            if best is None:
                return None
            pos = inner[best]
        return _Cut(pos, pos, _WORD)


def _last_fitting(ends: list[int], lo: int, hi: int, fits: Callable[[int], bool]) -> int | None:
    """The last index in ``[lo, hi)`` whose end fits, bisecting (the count grows with the end)."""
    if lo >= hi or not fits(ends[lo]):
        return None
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if fits(ends[mid]):
            lo = mid
        else:
            hi = mid
    return lo


def _too_long(layout: _Layout, start: int, venue: Platform, suffix: str) -> str:
    entity = layout.entity_at(start)
    if entity is None:
        end = layout.grapheme_cuts(start, len(layout.text))
        piece = layout.text[start : end[0] if end else len(layout.text)]
        what = f"the character {piece!r}"
    else:
        kind, piece = entity
        shown = piece if len(piece) <= 60 else piece[:57] + "..."
        what = f"the {kind} {shown!r}"
    length = platforms.measure(piece + suffix, venue)
    counted = f"{length.length} > {venue.max_length}" if length.over else f"{length.length} of {venue.max_length}"
    if length.bytes_over:
        counted += f", {length.bytes} > {length.byte_limit} UTF-8 bytes"
    where = "a post" if venue.id == "default" else f"a {venue.name} post"
    with_marker = f" with the marker {suffix.strip()!r}" if suffix else ""
    return f"cannot split the text: {what} does not fit in {where} on its own{with_marker} ({counted})"
