"""API keys: where they come from, how a request's key is checked, and the profile a key selects.

Keys come from a file (``--api-keys-file`` / ``TONECHECK_API_KEYS_FILE``) and from the environment
(``TONECHECK_API_KEYS``). The file has one key per line, optionally followed by the name of the
voice profile the key selects when a request names none; ``#`` starts a comment::

    # tonecheck API keys
    3f9c0b8e6a7d41e2b5c7a9d0e1f2a3b4  council
    d41e2b5c7a9d0e1f2a3b43f9c0b8e6a7

``TONECHECK_API_KEYS`` holds the same as ``KEY[:PROFILE]`` items separated by commas. Keys are at
least 16 characters long. The file is read again when it changes, so keys can be added or revoked
without a restart.

Only SHA-256 digests of the keys are kept, and a presented key is compared with every digest with
:func:`hmac.compare_digest` (constant time, no early exit).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import threading
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["MIN_KEY_LENGTH", "ApiKey", "KeyRing", "KeysError"]

MIN_KEY_LENGTH = 16
_RECHECK_SECONDS = 1.0


class KeysError(ValueError):
    """A keys file or variable that cannot be used; the message names the source and line."""


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A valid key: its position in the sources (for logs, never the key) and its default profile."""

    label: str
    profile: str | None


class KeyRing:
    """The configured keys. ``bool(ring)`` says whether any key is configured."""

    def __init__(self, file: Path | None = None, inline: str = "") -> None:
        self.file = file
        self._lock = threading.Lock()
        self._inline = _parse(inline.replace(",", "\n"), "TONECHECK_API_KEYS", separator=":")
        self._from_file: list[tuple[bytes, ApiKey]] = []
        self._mtime: float | None = None
        self._checked = 0.0
        if file is not None:
            self._load_file()

    def __bool__(self) -> bool:
        self._refresh()
        return bool(self._inline or self._from_file)

    def match(self, presented: str | None) -> ApiKey | None:
        """The key *presented* matches, or ``None``. Takes the same time whichever key matches."""
        if not presented:
            return None
        self._refresh()
        digest = _digest(presented)
        found: ApiKey | None = None
        for known, key in (*self._inline, *self._from_file):
            if hmac.compare_digest(digest, known) and found is None:
                found = key
        return found

    def _refresh(self) -> None:
        if self.file is None:
            return
        now = time.monotonic()
        if now - self._checked < _RECHECK_SECONDS:
            return
        self._checked = now
        try:
            mtime = self.file.stat().st_mtime
        except OSError:
            mtime = None
        if mtime != self._mtime:
            # Keep the last good keys when the file cannot be read: a half-written file must not lock
            # everyone out or let anyone in.
            with contextlib.suppress(KeysError):
                self._load_file()

    def _load_file(self) -> None:
        assert self.file is not None
        try:
            stat = self.file.stat()
            text = self.file.read_text(encoding="utf-8")
        except OSError as exc:
            raise KeysError(f"{self.file}: cannot read the API keys file ({exc.strerror})") from None
        keys = _parse(text, str(self.file), separator=None)
        with self._lock:
            self._from_file = keys
            self._mtime = stat.st_mtime


def _digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()


def _parse(text: str, source: str, *, separator: str | None) -> list[tuple[bytes, ApiKey]]:
    keys: list[tuple[bytes, ApiKey]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if separator is None:
            parts = line.split()
            if len(parts) > 2:
                raise KeysError(f"{source}: line {number}: write a key and at most one profile name")
        else:
            parts = [p.strip() for p in line.split(separator, 1)]
        key, profile = parts[0], (parts[1] if len(parts) > 1 and parts[1] else None)
        where = f"line {number}" if separator is None else f"item {number}"
        if len(key) < MIN_KEY_LENGTH:
            raise KeysError(f"{source}: {where}: an API key needs at least {MIN_KEY_LENGTH} characters")
        if any(ch.isspace() or not ch.isprintable() for ch in key):
            raise KeysError(f"{source}: {where}: an API key cannot contain spaces or control characters")
        keys.append((_digest(key), ApiKey(f"{source}:{number}", profile)))
    return keys
