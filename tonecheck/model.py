"""Value types shared by the library, the command line and the server.

Spans are half-open ranges of **code points** into the unmodified draft text (or into one media
item's alt text, when ``Finding.target`` is ``"media:<i>"``). Conversion to UTF-16 code units
happens only in :mod:`tonecheck.offsets`, when a report is serialised.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "Category",
    "Finding",
    "InputError",
    "Media",
    "Severity",
    "Skipped",
    "Suggestion",
]


class InputError(ValueError):
    """A draft that cannot be checked (wrong type, too long, unknown platform, bad media)."""


class Severity(enum.StrEnum):
    """How much a finding matters. Ordered: ``suggestion < warning < error``."""

    SUGGESTION = "suggestion"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for suggestion, 1 for warning, 2 for error."""
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Read a severity name, accepting ``info`` as an alias of ``suggestion``."""
        name = value.strip().lower()
        if name == "info":
            name = "suggestion"
        try:
            return cls(name)
        except ValueError:
            valid = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (use one of: {valid})") from None


_SEVERITY_RANK = {Severity.SUGGESTION: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(enum.StrEnum):
    """What kind of problem a finding is about."""

    ACCESSIBILITY = "accessibility"
    VOICE = "voice"
    POLICY = "policy"
    PLATFORM = "platform"
    GRAMMAR = "grammar"


MEDIA_KINDS = ("image", "gif", "video", "audio")


@dataclass(frozen=True, slots=True)
class Media:
    """An attached image, GIF, video or audio clip and its alt text.

    ``alt=None`` means the alt text was never set; ``alt=""`` means it was set to empty on purpose.
    ``kind`` is one of ``image``, ``gif``, ``video``, ``audio``; ``None`` means "work it out from
    the file" (done by the media checks). ``captions`` says whether a video has captions: ``True``
    confirmed, ``False`` none, ``None`` not said.
    """

    path: str | Path | None = None
    data: bytes | None = field(default=None, repr=False)
    alt: str | None = None
    kind: str | None = None
    captions: bool | None = None

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in MEDIA_KINDS:
            raise ValueError(f"unknown media kind {self.kind!r} (use one of: {', '.join(MEDIA_KINDS)})")
        if self.alt is not None and not isinstance(self.alt, str):
            raise TypeError("Media.alt must be a string or None")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A replacement for a finding's span. Never applied automatically.

    ``safe`` is ``False`` when the replacement may change the meaning (for example a word split
    that the writer must confirm), so editors should not offer it as a one-click fix without
    showing it.
    """

    replacement: str
    label: str
    safe: bool = True

    def to_dict(self) -> dict[str, Any]:
        """The suggestion as plain JSON-ready data."""
        return {"replacement": self.replacement, "label": self.label, "safe": self.safe}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a draft.

    ``start``/``end`` are code points into the text named by ``target`` (``"text"`` for the post,
    ``"media:<i>"`` for the alt text of media item *i*). A finding about the whole draft (for
    example "too many hashtags") still marks the part that shows the problem.
    """

    rule: str
    category: Category
    severity: Severity
    message: str
    start: int
    end: int
    suggestions: tuple[Suggestion, ...] = ()
    help: str = ""
    target: str = "text"
    message_id: str = ""
    data: Mapping[str, Any] = field(default_factory=dict)

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` in code points."""
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A check that could not run, and why (for example "LanguageTool is not configured")."""

    check: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        """The entry as plain JSON-ready data."""
        return {"check": self.check, "reason": self.reason}
