"""Read drafts from files for the command line (and later the server): text, TOML drafts and CSV batches.

## Formats

- ``*.txt`` (any suffix other than ``.toml`` and ``.csv``, or ``-`` for standard input): the whole
  file is one draft.
- ``*.toml``: one draft with ``text`` (required), ``platform``, ``content_warning`` and ``[[media]]``
  tables (``path``, ``alt``, ``kind``, ``captions``). Unknown keys and wrong types are errors that
  name the file and the key, with a did-you-mean.
- ``*.csv``: a batch of scheduled posts, one a row, under a header row. The accepted column names
  (those scheduling tools export) are in :data:`COLUMNS`; names are matched ignoring case, spaces,
  ``_``, ``-`` and camelCase (``message_text``, ``Post Text`` and ``postText`` are the same).

## Paths

Media paths in a TOML draft or a CSV row are relative to the folder of that file, not to the current
folder. Every media path is checked when the file is read: a path that does not exist, is a folder or
cannot be opened is an input error naming the path. (A file that exists but is not valid media is
the ``media-unreadable`` rule's finding, not an input error.) Web addresses are not downloaded: a URL
in a media column is that row's error, because a file we cannot see cannot be checked for flashing.

## Errors

A problem with the whole file (cannot be read, not UTF-8 and no clear encoding, not valid TOML, a CSV
without a text column) raises :class:`SourceError`. A problem with one CSV row (unknown platform, a
missing media file, a bad images count …) does not stop the batch: that row is yielded as a
:class:`DraftSource` whose :attr:`~DraftSource.error` says what is wrong, and the next rows follow.

## Encodings

UTF-8 (with or without a byte order mark), UTF-16 and UTF-32 with a byte order mark, and Excel's
Windows-1252 when that is clear: the bytes are not valid UTF-8, contain none of the five bytes
Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) and no control characters, and every
non-ASCII character decodes to a letter or common punctuation, in runs of at most three (longer
runs mean another code page, such as Cyrillic or Japanese). Letters that are common Mac Roman
look-alikes (Š š Ž ž Ÿ ƒ ˆ ˜) also make it unclear. When unclear, the error says how to save the
file as UTF-8.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import stat
import tomllib
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tonecheck import platforms
from tonecheck.model import MEDIA_KINDS, InputError, Media
from tonecheck.suggest import closest, did_you_mean

__all__ = [
    "COLUMNS",
    "EMPTY_DRAFT",
    "DraftSource",
    "SourceError",
    "decode",
    "draft_problem",
    "media_file",
    "read_drafts",
    "scheduler_platform",
]

_MAX_FILE_BYTES = 50 * 1024 * 1024
#: No platform takes more attachments than this (Instagram and Threads carousels take 20).
_MAX_IMAGES = 50

#: CSV columns by role, in order of preference. Names are compared after :func:`_column_key`.
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "text": (
        "text", "post", "post text", "message", "message text", "content", "post content", "body",
        "caption", "copy", "post copy", "tweet", "status",
    ),
    "platform": (
        "platform", "network", "social network", "channel", "service", "platforms", "networks",
        "profile", "social profile", "profile type",
    ),
    "label": (
        "id", "post id", "name", "title", "date", "publish date", "scheduled at", "scheduled date",
        "scheduled time", "schedule date", "scheduled", "posting time", "post at specific time",
        "date time", "when", "time",
    ),
    "count": ("images", "image count", "images count", "number of images", "attachment count"),
    "media": (
        "media", "media path", "media paths", "media file", "media files", "file", "files", "image",
        "image path", "image file", "attachment", "attachments", "media url", "media urls", "image url",
        "image urls",
    ),
    "content_warning": ("content warning", "cw", "spoiler", "spoiler text"),
}

# Words in a scheduler's platform value that do not change the platform ("LinkedIn Page").
_QUALIFIERS = frozenset({
    "page", "pages", "profile", "profiles", "business", "company", "account", "personal", "professional",
    "creator", "group", "groups", "showcase", "formerly", "the", "for", "com", "social",
})
# Platform names schedulers use that our own aliases do not cover.
_SCHEDULER_NAMES = {"linked in": "linkedin", "blue sky": "bluesky", "face book": "facebook", "insta": "instagram"}

_TOML_KEYS = ("text", "platform", "content_warning", "media")
_MEDIA_KEYS = ("path", "alt", "kind", "captions")
# Keys people write for ours; the did-you-mean names ours.
_TOML_ALIASES = {
    "body": "text", "post": "text", "message": "text", "content": "text", "caption": "text",
    "network": "platform", "channel": "platform",
    "cw": "content_warning", "spoiler": "content_warning", "spoiler_text": "content_warning",
    "images": "media", "attachments": "media", "image": "media",
}
_MEDIA_ALIASES = {
    "file": "path", "filename": "path", "image": "path", "src": "path", "url": "path",
    "alt_text": "alt", "alttext": "alt", "alt-text": "alt", "description": "alt",
    "type": "kind", "caption": "captions", "subtitles": "captions",
}

_SEP_LINE = re.compile(r"^sep=([,;\t|])\r?\n?$")
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_CP1252_DOUBTFUL = frozenset("ŠšŽžŸƒˆ˜")
_CP1252_PUNCTUATION = frozenset("\u00a0\u00ad‘’‚“”„–—…€•™°«»·§©®¢£¥¿¡±×÷¶µ²³¹¼½¾ªº¨´¸¯¬¦†‡‰‹›")
_SAVE_AS_UTF8 = (
    "Save it as UTF-8: in Excel, File > Save As > \"CSV UTF-8 (Comma delimited)\"; "
    "in Google Sheets, File > Download > \"Comma-separated values\" (always UTF-8)."
)


class SourceError(InputError):
    """A file that cannot be read as drafts at all; :attr:`line` is its line number when known."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path, self.reason, self.line = path, reason, line
        super().__init__(f"{path}:{line}: {reason}" if line else f"{path}: {reason}")


@dataclass(frozen=True)
class DraftSource:
    """One draft read from a file, with where it came from.

    ``row`` is the CSV line number where the row's record starts (a cell with line breaks spans
    several lines). ``origin`` is the ``(line, column)`` in the file where the draft text starts,
    when the text appears there unchanged (a text file; a TOML string or CSV cell without escapes);
    ``None`` when positions can only be counted inside the text. ``error`` is set when this draft
    cannot be checked (for example a CSV row naming an unknown platform); the other fields then
    say where it is. ``tag`` is the row's own label (its id or date column).
    """

    label: str
    path: str
    text: str
    platform: str | None = None
    media: tuple[Media, ...] = ()
    row: int | None = None
    content_warning: str | None = None
    error: str | None = None
    origin: tuple[int, int] | None = None
    tag: str | None = None

    @property
    def where(self) -> str:
        """``path:row`` for a CSV row, else the label."""
        return f"{self.path}:{self.row}" if self.row is not None else self.label


#: What is said about a draft with no text (or only spaces and line breaks) and no media.
EMPTY_DRAFT = "the draft is empty"


def draft_problem(source: DraftSource) -> str | None:
    """What is wrong with the draft itself, before any rule: ``EMPTY_DRAFT`` when there is nothing to post.

    A draft is empty when its text is empty or only whitespace and no media is attached (an image
    post with no caption is a real post). An invisible character such as U+2800 is not whitespace:
    the ``invisible-characters`` rule explains it instead. The caller reports it as an input error.
    """
    if not source.text.strip() and not source.media:
        return EMPTY_DRAFT
    return None


def read_drafts(name: str, stdin: io.TextIOBase | None = None, *, platform: str | None = None) -> Iterator[DraftSource]:
    """Drafts in the file *name* (``-`` for standard input); *platform* is the default platform.

    Raises :class:`SourceError` for a file that cannot be read at all; a bad CSV row is yielded with
    its :attr:`DraftSource.error` set, so every other row is still read.
    """
    if name == "-":
        if stdin is None:
            raise SourceError("<stdin>", "no standard input")
        yield DraftSource("<stdin>", "<stdin>", stdin.read(), platform, origin=(1, 1))
        return
    path = Path(name)
    suffix = path.suffix.lower()
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(name, "this is a folder, not a draft file")
        if info.st_size > _MAX_FILE_BYTES:
            raise SourceError(name, f"the file is too large ({info.st_size:,} bytes)")
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(name, f"cannot read the file ({exc.strerror or exc})") from None
    if suffix == ".toml":
        yield _toml_draft(name, _decode_toml(name, raw), path.parent, platform)
        return
    content = decode(raw, name, csv_hint=suffix == ".csv")
    if suffix == ".csv":
        yield from _csv_drafts(name, content, path.parent, platform)
    else:
        yield DraftSource(name, name, content, platform, origin=(1, 1))


# -- encodings -----------------------------------------------------------------------------------


def decode(raw: bytes, name: str, *, csv_hint: bool = False) -> str:
    """The text of a file's bytes (see "Encodings" above); :class:`SourceError` when unclear."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(codec)
            except UnicodeDecodeError:
                raise SourceError(name, f"the file starts with a {codec.upper()} mark but is not {codec.upper()} "
                                  "text") from None
    try:
        text: str | None = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = _cp1252(raw)
    else:
        if text is not None and "\x00" in text:
            text = None  # NUL characters: UTF-16 without a byte order mark, or not text at all
    if text is not None:
        return text
    hint = _SAVE_AS_UTF8 if csv_hint else "Save it as UTF-8 text."
    raise SourceError(name, f"the file is not UTF-8 text, and its encoding is unclear. {hint}")


#: A multi-byte UTF-8 sequence (a lead byte and its continuation bytes); rare in real Windows-1252 text.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _cp1252(raw: bytes) -> str | None:
    """*raw* as Windows-1252 when that reading is clear, else ``None``.

    Bytes that form UTF-8 sequences (E2 80 94, an em dash) beside bytes that do not are a
    UTF-8 file with a stray byte (or two encodings pasted together): reading it as Windows-1252
    would turn every such character into mojibake ("â€”"), so that reading is not clear.
    """
    if _CP1252_UNDEFINED.intersection(raw) or any(b < 0x20 and b not in (0x09, 0x0A, 0x0D) for b in raw):
        return None
    if _UTF8_SEQUENCE.search(raw):
        return None
    text = raw.decode("cp1252")
    run = 0
    for ch in text:
        if ch.isascii():
            run = 0
            continue
        run += 1
        if run > 3 or ch in _CP1252_DOUBTFUL:
            return None
        if ch not in _CP1252_PUNCTUATION and not unicodedata.category(ch).startswith("L"):
            return None
    return text


def _decode_toml(name: str, raw: bytes) -> str:
    try:
        return raw.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError:
        raise SourceError(name, "a TOML file must be UTF-8 text") from None


# -- media paths ---------------------------------------------------------------------------------


def media_file(value: str, base: Path | None = None) -> str:
    """The path of an attached file, relative to *base* (a draft file's folder) unless absolute.

    Raises :class:`InputError` naming the path when it does not exist, is a folder or cannot be
    opened. Whether the file is valid media is for the ``media-unreadable`` rule.
    """
    if not value.strip():
        raise InputError("a media path is empty")
    if _URL.match(value):
        raise InputError(f"media {value!r} is a web address; tonecheck does not download files. "
                         "Save the file and give its path.")
    path = Path(value)
    if base is not None and not path.is_absolute():
        path = base / path
    shown = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"media file {shown!r} does not exist") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read media file {shown!r} ({getattr(exc, 'strerror', None) or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"media path {shown!r} is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"media path {shown!r} is not a regular file")
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        raise InputError(f"cannot read media file {shown!r} ({exc.strerror or exc})") from None
    os.close(fd)
    return shown


# -- TOML drafts ---------------------------------------------------------------------------------


def _toml_draft(name: str, content: str, base: Path, platform: str | None) -> DraftSource:
    try:
        data = tomllib.loads(content)
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(name, f"not valid TOML ({exc})") from None
    for key in data:
        if key not in _TOML_KEYS:
            raise SourceError(name, f"unknown key {key!r}.{_toml_hint(key)}")
    text = data.get("text")
    if text is None:
        raise SourceError(name, "a draft file needs a 'text' string")
    if not isinstance(text, str):
        raise SourceError(name, f"'text' must be a string, not {_type(text)}")
    draft_platform = data.get("platform", platform)
    if draft_platform is not None:
        if not isinstance(draft_platform, str):
            raise SourceError(name, f"'platform' must be a string, not {_type(draft_platform)}")
        try:
            draft_platform = scheduler_platform(draft_platform)
        except InputError as exc:
            raise SourceError(name, str(exc)) from None
    cw = data.get("content_warning")
    if cw is not None and not isinstance(cw, str):
        raise SourceError(name, f"'content_warning' must be a string, not {_type(cw)}")
    items = data.get("media", [])
    if not isinstance(items, list):
        raise SourceError(name, "'media' must be a list of [[media]] tables")
    try:
        media = tuple(_toml_media(item, i + 1, base) for i, item in enumerate(items))
    except InputError as exc:
        raise SourceError(name, str(exc)) from None
    return DraftSource(name, name, text, draft_platform, media, content_warning=cw,
                       origin=_toml_origin(content, text))


def _toml_media(item: object, number: int, base: Path) -> Media:
    where = f"[[media]] item {number}"
    if not isinstance(item, dict):
        raise InputError(f"{where} must be a table")
    for key in item:
        if key not in _MEDIA_KEYS:
            alias = _MEDIA_ALIASES.get(key)
            hint = f" Did you mean {alias!r}?" if alias else did_you_mean(key, _MEDIA_KEYS)
            raise InputError(f"{where}: unknown key {key!r}.{hint}")
    for key, kind in (("path", str), ("alt", str), ("kind", str), ("captions", bool)):
        if key in item and not isinstance(item[key], kind):
            raise InputError(f"{where}: {key!r} must be a {'boolean' if kind is bool else 'string'}, "
                             f"not {_type(item[key])}")
    if "kind" in item and item["kind"] not in MEDIA_KINDS:
        raise InputError(f"{where}: unknown kind {item['kind']!r}.{did_you_mean(item['kind'], MEDIA_KINDS)}"
                         f" Use one of: {', '.join(MEDIA_KINDS)}.")
    path = media_file(item["path"], base) if "path" in item else None
    if path is None and "kind" not in item:
        raise InputError(f"{where} needs a 'path' (the file) or a 'kind' (image, gif, video, audio)")
    return Media(path=path, alt=item.get("alt"), kind=item.get("kind"), captions=item.get("captions"))


def _toml_hint(key: str) -> str:
    if key in _TOML_ALIASES:
        return f" Did you mean {_TOML_ALIASES[key]!r}?"
    if key in _MEDIA_KEYS or key in _MEDIA_ALIASES:
        field = key if key in _MEDIA_KEYS else _MEDIA_ALIASES[key]
        return f" An attachment's {field!r} goes in a [[media]] table."
    return did_you_mean(key, _TOML_KEYS)


def _type(value: object) -> str:
    return {str: "text", bool: "a boolean", int: "a number", float: "a number", list: "a list",
            dict: "a table"}.get(type(value), type(value).__name__)


_TOML_TEXT_KEY = re.compile(r"""(?m)^[ \t]*(?:text|"text"|'text')[ \t]*=[ \t]*("{3}|'{3}|"|')""")


def _toml_origin(content: str, text: str) -> tuple[int, int] | None:
    """Where *text* starts in the TOML file, when the string is written there unchanged."""
    first_table = re.search(r"(?m)^[ \t]*\[", content)
    limit = first_table.start() if first_table else len(content)
    for m in _TOML_TEXT_KEY.finditer(content, 0, limit):
        quote, start = m.group(1), m.end()
        if len(quote) == 3:
            if content.startswith("\r\n", start):
                start += 2
            elif content.startswith("\n", start):
                start += 1
        end = start + len(text)
        raw = content[start:end]
        if raw != text or not content.startswith(quote, end) or ('"' in quote and "\\" in raw):
            return None
        return _line_col(content, start)
    return None


def _line_col(content: str, pos: int) -> tuple[int, int]:
    return content.count("\n", 0, pos) + 1, pos - (content.rfind("\n", 0, pos) + 1) + 1


# -- CSV batches ---------------------------------------------------------------------------------


def _column_key(name: str) -> str:
    """``Message_Text``, ``message-text`` and ``messageText`` become ``message text``.

    ``(s)`` is read as ``s``: ``Media URL(s)`` becomes ``media urls``.
    """
    name = _CAMEL.sub(" ", name.strip().lstrip("\ufeff").replace("(s)", "s").replace("(S)", "S"))
    return " ".join(re.split(r"[\s_\-.]+", name.lower())).strip()


def _csv_drafts(name: str, content: str, base: Path, platform: str | None) -> Iterator[DraftSource]:
    lines = io.StringIO(content, newline="").readlines()
    header_at = next((i for i, ln in enumerate(lines) if ln.strip()), 0)
    header_line = lines[header_at] if lines else ""
    sep = _SEP_LINE.match(header_line)
    if sep:
        # Excel's "sep=;" first line names the delimiter; it is not the header.
        delimiter = "\t" if sep.group(1) == "\t" else sep.group(1)
        consumed = header_at + 1
    else:
        delimiter = max((",", ";", "\t"), key=lambda d: (_count_outside_quotes(header_line, d), d == ","))
        consumed = 0
    reader = csv.reader(iter(lines[consumed:]), delimiter=delimiter)
    offset = consumed
    header: list[str] | None = None
    columns: dict[str, Any] = {}
    try:
        for record in reader:
            start, consumed = consumed + 1, offset + reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = record
                columns = _columns(name, header)
                continue
            yield _csv_row(name, lines, start, consumed, record, header, columns, base, platform)
    except csv.Error as exc:
        raise SourceError(name, f"not a readable CSV file ({exc})", offset + reader.line_num) from None
    if header is None:
        raise SourceError(name, "the CSV file is empty (it needs a header row and a 'text' column)")


def _count_outside_quotes(line: str, delimiter: str) -> int:
    return sum(part.count(delimiter) for part in line.split('"')[::2])


def _columns(name: str, header: Sequence[str]) -> dict[str, Any]:
    keys = [_column_key(h) for h in header]
    found: dict[str, Any] = {}
    for role, names in COLUMNS.items():
        found[role] = next((keys.index(n) for n in names if n in keys), None)
    found["alt"] = [i for i, k in enumerate(keys) if k.startswith("alt")]
    if found["text"] is None:
        shown = ", ".join(repr(h) for h in header if h.strip()) or "no header"
        hint = next((did_you_mean(k, COLUMNS["text"]) for k in keys if closest(k, COLUMNS["text"])), "")
        raise SourceError(name, f"the CSV needs a text column, such as 'text', 'message' or 'caption' "
                                f"(found: {shown}).{hint}", 1)
    return found


def _csv_row(
    name: str,
    lines: Sequence[str],
    start: int,
    end: int,
    record: Sequence[str],
    header: Sequence[str],
    columns: Mapping[str, Any],
    base: Path,
    default_platform: str | None,
) -> DraftSource:
    def cell(role: str) -> str:
        index = columns[role]
        return record[index] if index is not None and index < len(record) else ""

    text = cell("text")
    tag = cell("label").strip() or None
    label = f"{name}:{start}" + (f" ({tag})" if tag else "")
    origin = _cell_origin(lines, start, end, text)
    cw = cell("content_warning") or None
    row = DraftSource(label, name, text, row=start, content_warning=cw, origin=origin, tag=tag)
    try:
        value = cell("platform").strip()
        row_platform = scheduler_platform(value) if value else default_platform
        media = _row_media(cell("media"), [record[i] if i < len(record) else "" for i in columns["alt"]],
                           cell("count") if columns["count"] is not None else None, base)
    except InputError as exc:
        return replace(row, error=str(exc))
    return replace(row, platform=row_platform, media=media)


def _cell_origin(lines: Sequence[str], start: int, end: int, text: str) -> tuple[int, int] | None:
    """Where the text cell starts in the file, when it appears once in its record unchanged."""
    if not text:
        return None
    record = "".join(lines[start - 1 : end])
    at = record.find(text)
    if at < 0 or record.find(text, at + 1) >= 0:
        return None
    line, col = _line_col(record, at)
    return start + line - 1, col


def _row_media(paths_cell: str, alt_cells: list[str], count_cell: str | None, base: Path) -> tuple[Media, ...]:
    alts = [a if a.strip() else None for a in alt_cells]
    filled = sum(1 for a in alts if a is not None)
    paths = [p.strip() for p in re.split(r"[;|\n]", paths_cell) if p.strip()]
    if paths:
        if paths[0].isdigit() and len(paths) == 1:
            raise InputError(f"the media column holds file paths, not a number ({paths[0]}); "
                             "use an 'images' column for how many images are attached")
        files = [media_file(p, base) for p in paths]
        if count_cell is not None and count_cell.strip() and _count(count_cell) != len(files):
            raise InputError(f"the images column says {count_cell.strip()}, but the media column names "
                             f"{len(files)} file{'' if len(files) == 1 else 's'}")
        last_alt = max((i for i, a in enumerate(alts) if a is not None), default=-1)
        if last_alt >= len(files):
            raise InputError(f"alt text is given for attachment {last_alt + 1}, but the media column names "
                             f"{len(files)} file{'' if len(files) == 1 else 's'}")
        return tuple(Media(path=f, alt=alts[i] if i < len(alts) else None) for i, f in enumerate(files))
    if count_cell is not None:
        count = _count(count_cell)
        if filled > count:
            raise InputError(f"the images column says {count}, but {filled} alt text cells are filled in")
        kept = [a for a in alts if a is not None]
        return tuple(Media(alt=a, kind="image") for a in kept + [None] * (count - len(kept)))
    return tuple(Media(alt=a, kind="image") for a in alts if a is not None)


def _count(cell: str) -> int:
    value = cell.strip() or "0"
    if value.endswith(".0"):
        value = value[:-2]  # spreadsheets write whole numbers as 1.0
    if not value.isdigit() or not value.isascii():
        raise InputError(f"the images column must be a whole number, not {cell.strip()!r}")
    count = int(value)
    if count > _MAX_IMAGES:
        raise InputError(f"the images column says {count}; no platform takes more than {_MAX_IMAGES}")
    return count


# -- platforms -----------------------------------------------------------------------------------


def scheduler_platform(value: str) -> str:
    """Our platform id for a platform name as schedulers export it, when that is unambiguous.

    ``X (Twitter)``, ``LinkedIn Page``, ``Facebook Page`` and ``Instagram Business`` are accepted;
    a value naming no platform, or more than one (``Twitter, Facebook``), is an :class:`InputError`
    with a did-you-mean over the platform names.
    """
    try:
        return platforms.resolve(value)
    except InputError:
        pass
    words = [w for w in re.split(r"[^a-z0-9]+", value.lower()) if w]
    phrase = " ".join(words)
    if phrase in _SCHEDULER_NAMES:
        return _SCHEDULER_NAMES[phrase]
    found: set[str] = set()
    unknown: list[str] = []
    for word in words:
        if word in _QUALIFIERS:
            continue
        try:
            found.add(platforms.resolve(word))
        except InputError:
            unknown.append(word)
    if len(found) == 1 and not unknown:
        return found.pop()
    if len(found) > 1:
        raise InputError(f"{value!r} names several platforms ({', '.join(sorted(found))}); "
                         "give one platform a row")
    known = [*platforms.names(), "twitter"]
    hint = did_you_mean(value, known) or next((did_you_mean(w, known) for w in unknown if closest(w, known)), "")
    raise InputError(f"unknown platform {value!r}.{hint or ' Use one of: ' + ', '.join(platforms.names()) + '.'}")
