"""Read drafts from files for the command line: plain text, TOML drafts and CSV batches.

- ``*.txt`` (or standard input): the whole file is one draft.
- ``*.toml``: one draft with ``text``, optional ``platform``, ``content_warning`` and ``[[media]]``
  items (``kind``, ``alt``, ``path``).
- ``*.csv``: a batch of scheduled posts, one a row, with a header. ``text`` (or ``post``,
  ``message``, ``content``) is required; ``platform``/``network`` is optional; every column whose name
  starts with ``alt`` (``alt``, ``alt1``, ``alt_text_2`` …) is the alt text of one attached image;
  an empty cell means no image, unless an ``images`` (or ``media``) column says how many images are
  attached, in which case images without a filled-in alt cell have no alt text;
  ``id``/``name``/``date`` label the row.
"""

from __future__ import annotations

import csv
import io
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tonecheck.model import InputError, Media

__all__ = ["DraftSource", "read_drafts"]

_TEXT_COLUMNS = ("text", "post", "message", "content", "body")
_PLATFORM_COLUMNS = ("platform", "network", "channel")
_LABEL_COLUMNS = ("id", "name", "date", "scheduled", "when")
_COUNT_COLUMNS = ("images", "media", "attachments")
_CW_COLUMNS = ("content_warning", "cw", "spoiler")
_MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class DraftSource:
    """One draft read from a file, with where it came from."""

    label: str
    path: str
    text: str
    platform: str | None = None
    media: tuple[Media, ...] = ()
    row: int | None = None
    content_warning: str | None = None


def read_drafts(name: str, stdin: io.TextIOBase | None = None, *, platform: str | None = None) -> Iterator[DraftSource]:
    """Drafts in the file *name* (``-`` for standard input); *platform* is the default platform."""
    if name == "-":
        if stdin is None:
            raise InputError("no standard input")
        yield DraftSource("<stdin>", "<stdin>", stdin.read(), platform)
        return
    path = Path(name)
    try:
        size = path.stat().st_size
        if size > _MAX_FILE_BYTES:
            raise InputError(f"{name}: the file is too large ({size:,} bytes)")
        content = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"{name}: cannot read the file ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(f"{name}: the file is not UTF-8 text") from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        yield from _csv_drafts(name, content, platform)
    elif suffix == ".toml":
        yield _toml_draft(name, content, platform)
    else:
        yield DraftSource(name, name, content, platform)


def _toml_draft(name: str, content: str, platform: str | None) -> DraftSource:
    try:
        data = tomllib.loads(content)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{name}: not valid TOML ({exc})") from None
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError(f"{name}: a draft file needs a 'text' string")
    media = []
    for i, item in enumerate(data.get("media", [])):
        if not isinstance(item, dict):
            raise InputError(f"{name}: media item {i + 1} must be a table")
        try:
            media.append(Media(path=item.get("path"), alt=item.get("alt"), kind=item.get("kind")))
        except (TypeError, ValueError) as exc:
            raise InputError(f"{name}: media item {i + 1}: {exc}") from None
    cw = data.get("content_warning")
    if cw is not None and not isinstance(cw, str):
        raise InputError(f"{name}: 'content_warning' must be a string")
    return DraftSource(name, name, text, data.get("platform", platform), tuple(media), content_warning=cw)


def _csv_drafts(name: str, content: str, platform: str | None) -> Iterator[DraftSource]:
    try:
        dialect = csv.Sniffer().sniff(content[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(content, newline=""), dialect=dialect)
    fields = {(f or "").strip().lower(): f for f in reader.fieldnames or []}
    text_col = next((fields[c] for c in _TEXT_COLUMNS if c in fields), None)
    if text_col is None:
        raise InputError(f"{name}: the CSV needs a 'text' column (found: {', '.join(fields) or 'no header'})")
    platform_col = next((fields[c] for c in _PLATFORM_COLUMNS if c in fields), None)
    label_col = next((fields[c] for c in _LABEL_COLUMNS if c in fields), None)
    count_col = next((fields[c] for c in _COUNT_COLUMNS if c in fields), None)
    cw_col = next((fields[c] for c in _CW_COLUMNS if c in fields), None)
    alt_cols = [orig for low, orig in fields.items() if low.startswith("alt")]
    try:
        for number, row in enumerate(reader, start=2):
            text = row.get(text_col) or ""
            label = f"{name}:{number}" + (f" ({row[label_col]})" if label_col and row.get(label_col) else "")
            alts = [_alt(row.get(col)) for col in alt_cols]
            if count_col:
                count = _count(row.get(count_col), name, number)
                alts = (alts + [None] * count)[:count] if count > len(alts) else alts[:count]
            else:
                alts = [a for a in alts if a is not None]
            media = tuple(Media(alt=a, kind="image") for a in alts)
            row_platform = (row.get(platform_col) or "").strip() if platform_col else ""
            cw = (row.get(cw_col) or None) if cw_col else None
            yield DraftSource(label, name, text, row_platform or platform, media, number, cw)
    except csv.Error as exc:
        raise InputError(f"{name}: not a readable CSV file ({exc})") from None


def _count(cell: str | None, name: str, number: int) -> int:
    value = (cell or "0").strip() or "0"
    if not value.isdigit():
        raise InputError(f"{name}:{number}: the images column must be a number, not {value!r}")
    return int(value)


def _alt(cell: str | None) -> str | None:
    """An empty CSV cell means the image has no alt text."""
    if cell is None or not cell.strip():
        return None
    return cell
