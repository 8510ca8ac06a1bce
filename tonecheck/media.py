"""Safe reading of attached media: what kind of file it is, how it plays, and one decode pass.

:func:`infer_kind` names a :class:`~tonecheck.model.Media` item's kind (``image``, ``gif``,
``video``, ``audio``) from its first bytes (magic numbers), falling back to the file name's suffix;
a ``kind`` given by the caller always wins. Animated WebP, animated PNG (APNG) and AVIF image
sequences count as ``gif``: they autoplay and loop like GIFs, so the motion and flashing rules
apply to them in the same way.

:func:`analyse` reads one item once per check (cached in ``draft.parsed.cache["media:<i>"]``)
and returns a :class:`MediaAnalysis`: size, frames, each frame's delay *as browsers play it*, the
loop count and the total play time. For animations it makes ONE streaming pass over the frames
and feeds each composited frame to :class:`tonecheck.flash.FlashDetector` (when that module is
installed); only the current frame is held in memory, so memory depends on the frame size, not
on the number of frames.

Frame delays as played: Firefox (``image/FrameTimeout.h``, ``FromRawMilliseconds``) and WebKit and
Chromium (``ImageSource::frameDurationAtIndex``: "use a duration of 100 ms for any frames that
specify a duration of <= 10 ms", https://bugs.webkit.org/show_bug.cgi?id=36082) play any frame
delay of 0–10 ms (0 or 1 hundredths of a second in a GIF) as 100 ms. :func:`played_delay` does
the same, for every animated format.

Loop counts: ``loop = 0`` plays forever; no loop count plays once. For a loop count *N* we count
*N* plays. Chrome plays a GIF with NETSCAPE loop count *N* one extra time (*N* repeats after the
first play); counting *N* plays is the lower bound, so a play time we report is never too long.

Hostile input never escapes as an exception: a missing file, an empty or unknown file, a file too
big, a decompression bomb (Pillow's guard is on and its ``DecompressionBombWarning`` is an error),
a damaged or truncated file, or an animation past the caps in ``tonecheck/data/media.toml``
(frames, pixels, a time budget) sets :attr:`MediaAnalysis.error` to a plain reason (and
:attr:`MediaAnalysis.error_code` to a short code). Decoding stops at the caps, and what was read
so far is kept (``complete=False``). Paths are read only when they name a regular file (never a
pipe or a device), and only the first bytes of video and audio files are read: no video decoder
is available, so videos report ``decoded=False`` and ``note="video frames are not analysed"``.
HEIC, BMP and TIFF images are recognised (kind ``image``) but not decoded: no platform needs them
checked, and each decoder skipped is code hostile files cannot reach.

Frames are fed to the flash detector as displayed: composited by Pillow (GIF disposal applied),
converted to RGB (transparent pixels show their stored colour), clipped to the GIF's screen, and
shrunk by a whole-number factor (box average) when wider than ``max_detector_width``, which keeps
each area's share of the frame. A frame that differs from the one before counts as motion.

Reading uses :func:`warnings.catch_warnings` to make Pillow's bomb warning an error; that context
manager is not thread-safe before Python 3.14, so a threaded server may see other warnings
filtered while a file is read.
"""

from __future__ import annotations

import importlib
import io
import logging
import math
import os
import stat
import time
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from tonecheck.lexicon import load_toml
from tonecheck.model import Media

if TYPE_CHECKING:
    from PIL import Image as PILImage

    from tonecheck.rule import Draft

__all__ = ["Limits", "MediaAnalysis", "analyse", "infer_kind", "limits", "played_delay", "sniff"]

_log = logging.getLogger(__name__)

#: How many leading bytes are read to recognise a file.
HEAD_BYTES = 65_536

#: Frame delays of this many milliseconds or less play as :data:`DEFAULT_DELAY_MS` in browsers.
SHORT_DELAY_MS = 10
DEFAULT_DELAY_MS = 100

# Pillow plugin names for the formats we decode: the image formats social platforms take. BMP
# and TIFF are recognised but not decoded (no platform takes them, and every decoder we skip is
# less code that hostile files can reach).
_PILLOW_FORMATS = {
    "gif": "GIF",
    "png": "PNG",
    "apng": "PNG",
    "jpeg": "JPEG",
    "webp": "WEBP",
    "webp-animated": "WEBP",
    "avif": "AVIF",
    "avif-sequence": "AVIF",
}

# Formats whose extra frames are an animation (multi-page TIFF and MPO photos are not).
_ANIMATABLE = frozenset({"gif", "png", "apng", "webp", "webp-animated", "avif", "avif-sequence"})

_SUFFIX_KINDS = {
    ".gif": "gif",
    ".png": "image",
    ".apng": "gif",
    ".jpg": "image",
    ".jpeg": "image",
    ".jfif": "image",
    ".webp": "image",
    ".avif": "image",
    ".heic": "image",
    ".heif": "image",
    ".bmp": "image",
    ".tif": "image",
    ".tiff": "image",
    ".mp4": "video",
    ".m4v": "video",
    ".mov": "video",
    ".webm": "video",
    ".mkv": "video",
    ".avi": "video",
    ".3gp": "video",
    ".mp3": "audio",
    ".wav": "audio",
    ".ogg": "audio",
    ".oga": "audio",
    ".opus": "audio",
    ".flac": "audio",
    ".m4a": "audio",
    ".aac": "audio",
}

_IMAGE_BRANDS = {b"avif", b"heic", b"heix", b"heim", b"heis", b"mif1", b"mif2", b"jpeg"}
_SEQUENCE_BRANDS = {b"avis", b"msf1", b"hevc", b"hevx"}
_AUDIO_BRANDS = {b"M4A ", b"M4B ", b"M4P ", b"F4A ", b"F4B "}


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps that keep reading a hostile file fast and small (defaults: ``data/media.toml``)."""

    max_file_bytes: int = 52_428_800
    max_image_pixels: int = 89_478_485
    max_frame_pixels: int = 16_777_216
    max_frames: int = 3000
    max_total_pixels: int = 400_000_000
    time_budget_seconds: float = 2.0
    max_detector_width: int = 640


@cache
def limits() -> Limits:
    """The default caps, read once from ``tonecheck/data/media.toml``."""
    table = load_toml("media.toml")["limits"]
    return Limits(**table)


@dataclass(frozen=True, slots=True)
class MediaAnalysis:
    """What was learnt by reading one media item.

    ``error`` is a plain sentence saying why the file could not be read safely (``None`` when it
    was fine) and ``error_code`` a short code for it: ``missing``, ``empty``, ``too-big``,
    ``unknown``, ``too-large``, ``bomb``, ``broken``, ``too-long``. ``complete`` is ``False``
    when decoding stopped early (at a cap or a damaged frame): the frame counts and times are
    then what was read so far, a lower bound. ``delays_ms`` are the frame delays as browsers play
    them; ``loop`` is the file's loop count (0 = forever, ``None`` = none given, plays once);
    ``plays`` the number of plays (``None`` when forever); ``duration_ms`` one play;
    ``total_ms`` all plays (``math.inf`` when it loops forever). ``motion_ms`` is how long the
    picture keeps changing: 0 when every frame is the same, and not counting the last picture,
    which stays on screen after a finite animation ends (``math.inf`` when it moves and loops
    forever). ``flash`` is the
    :class:`tonecheck.flash.FlashDetector` result for animations (``None`` when that module is
    missing, for still images and for videos).
    """

    kind: str | None
    format: str | None = None
    width: int | None = None
    height: int | None = None
    frames: int = 0
    delays_ms: tuple[int, ...] = ()
    loop: int | None = None
    plays: int | None = 1
    duration_ms: int = 0
    total_ms: float = 0.0
    motion_ms: float = 0.0
    animated: bool = False
    decoded: bool = False
    complete: bool = True
    error: str | None = None
    error_code: str | None = None
    note: str | None = None
    flash: Any = field(default=None, repr=False)

    @property
    def loops_forever(self) -> bool:
        """True when the animation repeats without end."""
        return self.animated and self.loop == 0


# -- kind inference ---------------------------------------------------------------------------


def sniff(head: bytes) -> tuple[str | None, str | None]:
    """``(kind, format)`` from a file's first bytes, or ``(None, None)`` when not recognised.

    >>> sniff(b"GIF89a...")
    ('gif', 'gif')
    """
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif", "gif"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        actl, idat = head.find(b"acTL"), head.find(b"IDAT")
        if actl != -1 and (idat == -1 or actl < idat):
            return "gif", "apng"
        return "image", "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image", "jpeg"
    if head.startswith(b"RIFF") and len(head) >= 12:
        form = head[8:12]
        if form == b"WEBP":
            animated = head[12:16] == b"VP8X" and len(head) > 20 and head[20] & 0x02
            return ("gif", "webp-animated") if animated else ("image", "webp")
        if form == b"WAVE":
            return "audio", "wav"
        if form == b"AVI ":
            return "video", "avi"
        return None, None
    if head[4:8] == b"ftyp":
        return _sniff_ftyp(head)
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video", "webm"
    if head.startswith(b"OggS"):
        video = b"\x80theora" in head[:4096] or b"\x01video" in head[:4096]
        return ("video", "ogg") if video else ("audio", "ogg")
    if head.startswith(b"fLaC"):
        return "audio", "flac"
    if head.startswith(b"ID3") or (len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return "audio", "mp3"
    if head.startswith(b"FORM") and head[8:12] in (b"AIFF", b"AIFC"):
        return "audio", "aiff"
    if head.startswith(b"FLV\x01"):
        return "video", "flv"
    if head.startswith(b"\x30\x26\xb2\x75\x8e\x66\xcf\x11"):
        return "video", "asf"
    if len(head) > 188 and head[0] == 0x47 and head[188] == 0x47:
        return "video", "mpeg-ts"
    if head.startswith(b"\x00\x00\x01\xba"):
        return "video", "mpeg-ps"
    if head.startswith(b"BM") and len(head) >= 26 and head[6:10] == b"\x00\x00\x00\x00":
        return "image", "bmp"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image", "tiff"
    return None, None


def _sniff_ftyp(head: bytes) -> tuple[str | None, str | None]:
    """ISO base media files (MP4, MOV, M4A, AVIF, HEIC) by their major and compatible brands."""
    size = int.from_bytes(head[0:4], "big")
    end = min(len(head), size if 16 <= size <= 4096 else 16)
    major = head[8:12]
    brands = {major} | {head[i : i + 4] for i in range(16, end - 3, 4)}
    if major in _SEQUENCE_BRANDS:
        return "gif", "avif-sequence" if major == b"avis" else "heif-sequence"
    if major in _IMAGE_BRANDS:
        return "image", "avif" if b"avif" in brands else "heic"
    if major in _AUDIO_BRANDS:
        return "audio", "m4a"
    if major == b"qt  ":
        return "video", "mov"
    return "video", "mp4"


def infer_kind(media: Media) -> str | None:
    """The item's kind: the caller's ``kind``, else from its bytes, else from its file suffix.

    Never raises: an unreadable file gives the suffix's kind or ``None``.
    """
    if media.kind is not None:
        return media.kind
    try:
        head = _head(media)
    except (_UnreadableError, OSError, ValueError, TypeError):
        head = b""
    kind, _ = sniff(head)
    return kind or _suffix_kind(media)


def _suffix_kind(media: Media) -> str | None:
    if not isinstance(media.path, str | os.PathLike):
        return None
    try:
        return _SUFFIX_KINDS.get(Path(media.path).suffix.lower())
    except (TypeError, ValueError):
        return None


def played_delay(raw_ms: object) -> int:
    """A frame delay as browsers play it: 0–10 ms (and missing or bad values) play as 100 ms."""
    if not isinstance(raw_ms, int | float) or isinstance(raw_ms, bool) or not math.isfinite(raw_ms):
        return DEFAULT_DELAY_MS
    delay = int(raw_ms)
    return DEFAULT_DELAY_MS if delay <= SHORT_DELAY_MS else delay


# -- reading ----------------------------------------------------------------------------------


class _UnreadableError(Exception):
    """Stops reading, with a code and a plain reason."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def _regular_file(path: object) -> os.stat_result:
    if not isinstance(path, str | os.PathLike) or isinstance(path, bytes):
        # An int would be taken as an open file descriptor: never read those.
        raise _UnreadableError("missing", "We cannot read the file: its path is not text.")
    try:
        info = os.stat(path)
    except (OSError, ValueError, TypeError):
        raise _UnreadableError("missing", "We cannot read the file.") from None
    if not stat.S_ISREG(info.st_mode):
        raise _UnreadableError("missing", "We cannot read the file: it is not a regular file.")
    return info


def _head(media: Media) -> bytes:
    """The first bytes of the item (from ``data``, else from ``path``)."""
    if media.data is not None:
        return bytes(media.data[:HEAD_BYTES])
    if media.path is None:
        return b""
    _regular_file(media.path)
    with open(media.path, "rb") as handle:
        return handle.read(HEAD_BYTES)


def analyse(
    target: Draft | Media,
    index: int = 0,
    *,
    flash_options: Mapping[str, Any] | None = None,
    caps: Limits | None = None,
) -> MediaAnalysis:
    """Read media item *index* of a draft (or one :class:`Media`) once, safely.

    With a draft, the result is cached in ``draft.parsed.cache[f"media:{index}"]``, so every rule
    shares one decode. *flash_options* are passed to the flash detector; a cached result made
    with other flash options is made again (rules that do not care pass ``None``). *caps*
    replaces the default :func:`limits` (for tests and servers with other budgets; it is not
    part of the cache key). Never raises for bad input: problems are reported in
    :attr:`MediaAnalysis.error`.
    """
    lim = caps or limits()
    if isinstance(target, Media):
        return _analyse(target, flash_options, lim)
    media = target.media[index]
    store = target.parsed.cache
    key = f"media:{index}"
    cached = store.get(key)
    if isinstance(cached, MediaAnalysis) and (
        flash_options is None or store.get(key + ":flash-options") == dict(flash_options)
    ):
        return cached
    result = _analyse(media, flash_options, lim)
    store[key] = result
    store[key + ":flash-options"] = dict(flash_options) if flash_options is not None else None
    return result


def _analyse(media: Media, flash_options: Mapping[str, Any] | None, lim: Limits) -> MediaAnalysis:
    try:
        return _read(media, flash_options, lim)
    except _UnreadableError as exc:
        return MediaAnalysis(kind=_safe_kind(media), complete=False, error=exc.reason, error_code=exc.code)
    except MemoryError:
        return MediaAnalysis(
            kind=_safe_kind(media),
            complete=False,
            error="The file needs too much memory to check safely.",
            error_code="too-large",
        )


def _safe_kind(media: Media) -> str | None:
    return media.kind or _suffix_kind(media)


def _read(media: Media, flash_options: Mapping[str, Any] | None, lim: Limits) -> MediaAnalysis:
    data = media.data
    if data is not None:
        if not isinstance(data, bytes | bytearray | memoryview):
            raise _UnreadableError("unknown", "The file data is not bytes.")
        size = len(data)
        head = bytes(data[:HEAD_BYTES])
    elif media.path is not None:
        size = _regular_file(media.path).st_size
        try:
            with open(media.path, "rb") as handle:
                head = handle.read(HEAD_BYTES)
        except OSError:
            raise _UnreadableError("missing", "We cannot read the file.") from None
    else:
        return MediaAnalysis(kind=media.kind, note="no file was attached")
    if size == 0 or not head:
        raise _UnreadableError("empty", "The file is empty.")
    kind, fmt = sniff(head)
    shown_kind = media.kind or kind or _suffix_kind(media)
    if fmt is None:
        if media.kind in ("video", "audio"):
            return MediaAnalysis(kind=shown_kind, note="the file's format is not recognised")
        raise _UnreadableError("unknown", "The file is not an image, GIF, video or audio file we can read.")
    if kind in ("video", "audio"):
        note = "video frames are not analysed" if kind == "video" else "audio is not analysed"
        return MediaAnalysis(kind=shown_kind, format=fmt, note=note)
    pillow = _PILLOW_FORMATS.get(fmt)
    if pillow is None or not _pillow_has(pillow):
        return MediaAnalysis(kind=shown_kind, format=fmt, note=f"{fmt.upper()} images are not decoded")
    if size > lim.max_file_bytes:
        mib = lim.max_file_bytes // 1_048_576
        raise _UnreadableError("too-big", f"The file is {size / 1_048_576:.0f} MB; we check files up to {mib} MB.")
    source: BinaryIO
    if data is not None:
        source = io.BytesIO(data)
        return _decode(source, shown_kind, fmt, pillow, flash_options, lim)
    assert media.path is not None
    with open(media.path, "rb") as source:
        return _decode(source, shown_kind, fmt, pillow, flash_options, lim)


@cache
def _pillow_has(plugin: str) -> bool:
    from PIL import Image

    Image.init()
    return plugin in Image.OPEN


def _decode(
    source: BinaryIO,
    kind: str | None,
    fmt: str,
    plugin: str,
    flash_options: Mapping[str, Any] | None,
    lim: Limits,
) -> MediaAnalysis:
    from PIL import Image, UnidentifiedImageError

    state = _State(kind=kind, fmt=fmt, lim=lim)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(source, formats=[plugin]) as im:
                state.run(im, flash_options)
        except _UnreadableError as exc:
            state.fail(exc.code, exc.reason)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            state.fail("bomb", _bomb_reason(state.width, state.height))
        except UnidentifiedImageError:  # it starts like an image of this format, but is not one
            state.fail("broken", "The file is damaged or cut short, so it cannot be read.")
        except MemoryError:
            state.fail("too-large", "The file needs too much memory to check safely.")
        except Exception as exc:  # hostile files raise all sorts (OSError, SyntaxError, struct.error…)
            _log.debug("media decode failed: %s", type(exc).__name__)
            state.fail("broken", "The file is damaged or cut short, so it cannot be read.")
    return state.result()


def _bomb_reason(width: int | None, height: int | None) -> str:
    size = f" ({width:,} × {height:,} pixels)" if width and height else ""
    return f"The image is too large to check safely{size}. It may be built to crash apps (a decompression bomb)."


@cache
def _detector_class() -> Any:
    """``tonecheck.flash.FlashDetector``, or ``None`` when that module is not installed."""
    try:
        module = importlib.import_module("tonecheck.flash")
    except ModuleNotFoundError as exc:
        if exc.name != "tonecheck.flash":
            raise
        return None
    return getattr(module, "FlashDetector", None)


class _State:
    """The running state of one decode pass."""

    def __init__(self, kind: str | None, fmt: str, lim: Limits) -> None:
        self.kind, self.fmt, self.lim = kind, fmt, lim
        self.width: int | None = None
        self.height: int | None = None
        self.delays: list[int] = []
        self.loop: int | None = None
        self.decoded = False
        self.complete = True
        self.error: str | None = None
        self.error_code: str | None = None
        self.note: str | None = None
        self.flash: Any = None
        self.detector: Any = None
        self.previous: Any = None
        self.last_change_ms: int | None = None
        self.started = time.perf_counter()

    def fail(self, code: str, reason: str) -> None:
        self.error, self.error_code, self.complete = reason, code, False

    def run(self, im: PILImage.Image, flash_options: Mapping[str, Any] | None) -> None:
        self.width, self.height = im.size
        pixels = im.width * im.height
        if pixels > self.lim.max_image_pixels:
            raise _UnreadableError("bomb", _bomb_reason(im.width, im.height))
        animated = self.fmt in _ANIMATABLE and bool(getattr(im, "is_animated", False))
        if not animated:
            self._still(im, pixels)
            return
        if pixels > self.lim.max_frame_pixels:
            raise _UnreadableError(
                "too-large", f"The animation is too large to check safely ({im.width:,} × {im.height:,} pixels)."
            )
        self._frames(im, flash_options)

    def _still(self, im: PILImage.Image, pixels: int) -> None:
        """Check a still image decodes (damage shows here), without holding big pixel buffers."""
        if self.fmt == "png":
            im.verify()  # checks every chunk's checksum without inflating the pixels
        elif self.fmt == "jpeg":
            im.draft("RGB", (max(1, im.width // 8), max(1, im.height // 8)))
            im.load()
        elif pixels <= self.lim.max_frame_pixels:
            im.load()
        else:
            self.note = "the image is too large to decode; only its header was read"
            return
        self.decoded = True

    def _frames(self, im: PILImage.Image, flash_options: Mapping[str, Any] | None) -> None:
        import numpy as np

        lim = self.lim
        screen = im.size
        factor = max(1, math.ceil(im.width / lim.max_detector_width))
        total_pixels = 0
        start_ms = 0
        index = 0
        detector_cls = _detector_class()
        while True:
            if index:
                try:
                    im.seek(index)
                except EOFError:
                    break
            w, h = im.size
            if w * h > lim.max_frame_pixels:
                reason = f"The animation is too large to check safely ({w:,} × {h:,} pixels)."
                raise _UnreadableError("too-large", reason)
            if index >= lim.max_frames or total_pixels + w * h > lim.max_total_pixels:
                self._stop()
                return
            if time.perf_counter() - self.started > lim.time_budget_seconds:
                self._stop()
                return
            im.load()
            self.decoded = True
            loop = im.info.get("loop")
            if isinstance(loop, int):
                self.loop = loop
            delay = played_delay(im.info.get("duration"))
            frame = im.convert("RGB")
            if frame.size != screen:
                # A frame reaching past the GIF's screen: browsers clip it to the screen.
                frame = frame.crop((0, 0, *screen))
            if factor > 1:
                frame = frame.reduce(factor)
            rgb = np.asarray(frame)
            if self.previous is not None and not np.array_equal(rgb, self.previous):
                self.last_change_ms = start_ms
            self.previous = rgb
            if detector_cls is not None:
                self._feed(detector_cls, rgb, start_ms, delay, flash_options)
            self.delays.append(delay)
            start_ms += delay
            total_pixels += w * h
            index += 1

    def _feed(
        self, detector_cls: Any, rgb: Any, start_ms: int, delay: int, flash_options: Mapping[str, Any] | None
    ) -> None:
        """Give one frame to the flash detector; a detector failure is noted, never blamed on the file."""
        if self.note == "flash analysis failed":
            return
        try:
            if self.detector is None:
                height, width = rgb.shape[:2]
                loops = self.loop is not None and self.loop != 1
                self.detector = detector_cls(width, height, loop=loops, options=flash_options)
            self.detector.feed(rgb, start_ms, delay)
        except Exception as exc:
            _log.error("flash detector failed: %s", type(exc).__name__)
            self.note = "flash analysis failed"
            self.detector = None

    def _stop(self) -> None:
        seconds = sum(self.delays) / 1000
        self.fail(
            "too-long",
            f"The animation is too long to check in full. We checked the first {len(self.delays)} frames "
            f"({seconds:.1f} seconds).",
        )

    def result(self) -> MediaAnalysis:
        frames = len(self.delays)
        animated = frames > 1
        duration = sum(self.delays)
        loop = self.loop if animated else None
        plays: int | None
        if not animated:
            plays, total = 1, float(duration)
        elif loop == 0:
            plays, total = None, math.inf
        else:
            plays = max(1, loop or 1)
            total = float(duration * plays)
        motion = 0.0
        if animated and self.last_change_ms is not None:
            motion = math.inf if plays is None else float(duration * (plays - 1) + self.last_change_ms)
        self.previous = None
        flash = None
        if self.detector is not None and animated:
            try:
                flash = self.detector.result()
            except Exception as exc:  # never let the analysis of one file break the whole check
                _log.error("flash detector failed: %s", type(exc).__name__)
                self.note = "flash analysis failed"
        return MediaAnalysis(
            kind=self.kind,
            format=self.fmt,
            width=self.width,
            height=self.height,
            frames=frames if animated else int(self.decoded),
            delays_ms=tuple(self.delays) if animated else (),
            loop=loop,
            plays=plays,
            duration_ms=duration if animated else 0,
            total_ms=total if animated else 0.0,
            motion_ms=motion,
            animated=animated,
            decoded=self.decoded,
            complete=self.complete,
            error=self.error,
            error_code=self.error_code,
            note=self.note,
            flash=flash,
        )
