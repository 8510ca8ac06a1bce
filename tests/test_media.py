"""Safe media reading (tonecheck.media): kind inference, delays as played, loops, hostile files."""

from __future__ import annotations

import dataclasses
import io
import math
import os
import random
import struct
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

import tonecheck
from tonecheck.media import Limits, analyse, infer_kind, limits, played_delay, sniff
from tonecheck.model import Media, Severity
from tonecheck.testing import checker_for

# -- builders ---------------------------------------------------------------------------------


def _frames(n: int, size: tuple[int, int] = (32, 24), moving: bool = True) -> list[Image.Image]:
    out = []
    for i in range(n):
        im = Image.new("RGB", size, (40, 40, 40))
        x = (i * 3) % size[0] if moving else 5
        ImageDraw.Draw(im).rectangle([x, 2, x + 5, 8], fill=(200, 180, 60))
        out.append(im)
    return out


def _gif(frames: list[Image.Image], **kw: object) -> bytes:
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:], **kw)
    return buf.getvalue()


def _still(fmt: str, **kw: object) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 200)).save(buf, fmt, **kw)
    return buf.getvalue()


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims *width* × *height* pixels."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b"")


def _gif_screen(width: int, height: int, frames: int = 2) -> bytes:
    """A GIF whose logical screen and frames claim *width* × *height* (tiny file, huge pixels)."""
    header = b"GIF89a" + struct.pack("<HHBBB", width, height, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    netscape = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
    block = b"\x21\xf9\x04\x00\x0a\x00\x00\x00" + b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0)
    block += b"\x02\x02\x44\x01\x00"  # minimal LZW data
    return header + netscape + block * frames + b";"


# -- kind inference ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "kind", "fmt"),
    [
        (_still("PNG"), "image", "png"),
        (_still("JPEG"), "image", "jpeg"),
        (_still("WEBP"), "image", "webp"),
        (_still("BMP"), "image", "bmp"),
        (_still("GIF"), "gif", "gif"),
        (_gif(_frames(3), duration=100, loop=0), "gif", "gif"),
        (b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2mp41", "video", "mp4"),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  ", "video", "mov"),
        (b"\x00\x00\x00\x18ftypM4A \x00\x00\x02\x00M4A mp42isom", "audio", "m4a"),
        (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf", "image", "avif"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "image", "heic"),
        (b"\x00\x00\x00\x1cftypavis\x00\x00\x00\x00avisavifmsf1", "gif", "avif-sequence"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01webm", "video", "webm"),
        (b"RIFF\x00\x00\x00\x00AVI LIST", "video", "avi"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "audio", "wav"),
        (b"ID3\x04\x00\x00\x00\x00\x00\x00", "audio", "mp3"),
        (b"\xff\xfb\x90\x64\x00\x00", "audio", "mp3"),
        (b"OggS\x00\x02" + b"\x00" * 22 + b"\x01vorbis", "audio", "ogg"),
        (b"OggS\x00\x02" + b"\x00" * 22 + b"\x80theora", "video", "ogg"),
        (b"fLaC\x00\x00\x00\x22", "audio", "flac"),
    ],
)
def test_sniff_and_infer_kind_from_bytes(data: bytes, kind: str, fmt: str) -> None:
    assert sniff(data[:65536]) == (kind, fmt)
    assert infer_kind(Media(data=data)) == kind


def test_animated_webp_and_apng_count_as_gif() -> None:
    frames = _frames(3)
    for fmt, name in (("WEBP", "webp-animated"), ("PNG", "apng")):
        buf = io.BytesIO()
        frames[0].save(buf, fmt, save_all=True, append_images=frames[1:], duration=100, loop=0)
        assert sniff(buf.getvalue()) == ("gif", name)
        analysis = analyse(Media(data=buf.getvalue()))
        assert analysis.animated and analysis.frames == 3 and analysis.loops_forever, analysis


def test_the_callers_kind_wins_and_the_suffix_is_the_fallback(tmp_path: Path) -> None:
    assert infer_kind(Media(data=_still("PNG"), kind="gif")) == "gif"
    assert infer_kind(Media(path=tmp_path / "missing.mp4")) == "video"
    odd = tmp_path / "clip.mov"
    odd.write_bytes(b"not a recognisable header at all")
    assert infer_kind(Media(path=odd)) == "video"
    assert infer_kind(Media()) is None
    assert infer_kind(Media(path=tmp_path)) is None  # a folder: no suffix, no bytes


# -- timing -----------------------------------------------------------------------------------


def test_short_delays_play_as_100_ms() -> None:
    assert [played_delay(d) for d in (0, 10, 11, 20, 40, None, "x", -5, math.nan)] == [
        100, 100, 11, 20, 40, 100, 100, 100, 100,
    ]
    data = _gif(_frames(4), duration=[0, 10, 20, 70], loop=0)
    analysis = analyse(Media(data=data))
    assert analysis.delays_ms == (100, 100, 20, 70)
    assert analysis.duration_ms == 290


@pytest.mark.parametrize(
    ("loop", "plays", "total"),
    [(None, 1, 1000.0), (0, None, math.inf), (1, 1, 1000.0), (3, 3, 3000.0)],
)
def test_loop_counts_and_total_play_time(loop: int | None, plays: int | None, total: float) -> None:
    kw: dict[str, object] = {"duration": 100}
    if loop is not None:
        kw["loop"] = loop
    analysis = analyse(Media(data=_gif(_frames(10), **kw)))
    assert analysis.error is None
    assert analysis.frames == 10 and analysis.width == 32 and analysis.height == 24
    assert analysis.plays == plays
    assert analysis.total_ms == total
    assert analysis.loops_forever is (loop == 0)


def test_motion_ignores_the_last_picture_and_unchanging_frames() -> None:
    once = analyse(Media(data=_gif(_frames(10), duration=100)))
    assert once.motion_ms == 900  # the last frame stays on screen: it is not motion
    held = analyse(Media(data=_gif(_frames(5), duration=[100, 100, 100, 100, 60000])))
    assert held.total_ms == 60400 and held.motion_ms == 400
    forever = analyse(Media(data=_gif(_frames(4), duration=100, loop=0)))
    assert forever.motion_ms == math.inf


def test_a_still_image_is_not_animated() -> None:
    for fmt in ("PNG", "JPEG", "GIF", "WEBP"):
        analysis = analyse(Media(data=_still(fmt)))
        assert analysis.error is None, (fmt, analysis)
        assert not analysis.animated and analysis.decoded and analysis.total_ms == 0
        assert (analysis.width, analysis.height) == (40, 30)


def test_video_and_audio_are_not_decoded() -> None:
    video = analyse(Media(data=b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2mp41"))
    assert video.kind == "video" and not video.decoded and video.flash is None
    assert video.note == "video frames are not analysed" and video.error is None
    audio = analyse(Media(data=b"ID3\x04\x00\x00\x00\x00\x00\x00"))
    assert audio.kind == "audio" and audio.error is None


def test_unrecognised_bytes_for_a_declared_video_are_not_an_error() -> None:
    analysis = analyse(Media(data=b"\x00\x01\x02 odd container", kind="video"))
    assert analysis.error is None and analysis.kind == "video"


def test_the_analysis_is_cached_per_draft() -> None:
    from tonecheck.rule import Draft
    from tonecheck.text import parse

    draft = Draft("hi", parse("hi"), media=(Media(data=_gif(_frames(3), duration=100, loop=0)),))
    first = analyse(draft, 0)
    assert analyse(draft, 0) is first
    assert draft.parsed.cache["media:0"] is first


def test_frames_go_to_the_flash_detector_when_installed() -> None:
    pytest.importorskip("tonecheck.flash")
    analysis = analyse(Media(data=_gif(_frames(6), duration=100, loop=0)))
    assert analysis.flash is not None


# -- hostile input ----------------------------------------------------------------------------


# The frame and pixel caps as shipped, without the time budget (tests of the other caps must not depend on speed).
_NO_TIME_BUDGET = dataclasses.replace(limits(), time_budget_seconds=3600.0)


def _timed(media: Media, caps: Limits | None = None) -> tuple[float, object]:
    start = time.perf_counter()
    result = analyse(media, caps=caps)
    return time.perf_counter() - start, result


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (random.Random(1).randbytes(4096), "unknown"),
        (b"GIF89a\x20\x00\x18\x00\x00\x00\x00,\x00\x00\x00\x00\x20\x00\x18\x00\x00\x08"
         + random.Random(2).randbytes(2000), "broken"),
        (_png_claiming(100_000, 100_000), "bomb"),
        (_png_claiming(20_000, 20_000), "bomb"),
        (_gif_screen(65_535, 65_535), "bomb"),
        (_gif_screen(5_000, 5_000), "too-large"),
        (_still("PNG")[:60], "broken"),
        (_still("JPEG")[:200], "broken"),
    ],
    ids=["empty", "random", "gif-garbage", "png-bomb", "png-bomb-just-over", "gif-bomb", "gif-huge-frames",
         "png-cut", "jpeg-cut"],
)
def test_hostile_bytes_give_a_reason_quickly(data: bytes, code: str) -> None:
    elapsed, result = _timed(Media(data=data))
    assert result.error_code == code, result  # type: ignore[attr-defined]
    assert result.error  # type: ignore[attr-defined]
    assert elapsed < 1.0


def test_a_truncated_gif_keeps_what_was_read() -> None:
    data = _gif(_frames(10), duration=100, loop=0)
    analysis = analyse(Media(data=data[: len(data) // 2]))
    assert analysis.error_code == "broken" and not analysis.complete
    assert 0 < analysis.frames < 10


def test_missing_paths_folders_and_devices(tmp_path: Path) -> None:
    assert analyse(Media(path=tmp_path / "nope.gif")).error == "We cannot read the file."
    assert analyse(Media(path=tmp_path)).error_code == "missing"
    if os.path.exists("/dev/zero"):
        elapsed, result = _timed(Media(path="/dev/zero"))
        assert result.error_code == "missing" and elapsed < 1  # type: ignore[attr-defined]
    fifo = tmp_path / "pipe.gif"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)
        elapsed, result = _timed(Media(path=fifo))  # opening a pipe would hang: never opened
        assert result.error_code == "missing" and elapsed < 1  # type: ignore[attr-defined]
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    assert analyse(Media(path=empty)).error_code == "empty"


def test_a_file_over_the_size_cap() -> None:
    result = analyse(Media(data=_still("PNG")), caps=Limits(max_file_bytes=50))
    assert result.error_code == "too-big"


def test_an_endless_gif_stops_at_the_frame_cap() -> None:
    data = _gif(_frames(4000, size=(8, 8)), duration=20, loop=0)
    # No time budget here: on a loaded machine the 2 s budget stops the pass first (at 1,505 frames once).
    result = analyse(Media(data=data), caps=_NO_TIME_BUDGET)
    assert result.error_code == "too-long" and not result.complete
    assert result.frames == 3000 and result.loops_forever
    report = checker_for("media-unreadable").check("GIF", media=[Media(data=data)])
    [finding] = report.findings
    assert finding.message_id == "too-long" and finding.severity == Severity.SUGGESTION
    assert finding.message.startswith("Attachment 1: the animation is too long to check in full.")
    assert finding.target == "media:0" and finding.span == (0, 0)


def test_the_time_budget_is_respected() -> None:
    data = _gif(_frames(400, size=(160, 120)), duration=40, loop=0)
    elapsed, result = _timed(Media(data=data), caps=Limits(time_budget_seconds=0.05))
    assert result.error_code == "too-long", result  # type: ignore[attr-defined]
    assert 0 < result.frames < 400  # type: ignore[attr-defined]
    assert elapsed < 0.5
    assert "too long to check in full" in result.error  # type: ignore[attr-defined]


def test_memory_is_bounded_by_frame_size_not_frame_count() -> None:
    data = _gif(_frames(500, size=(320, 240)), duration=40, loop=0)
    tracemalloc.start()
    try:
        result = analyse(Media(data=data), caps=_NO_TIME_BUDGET)  # all 500 frames, however loaded the machine
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.frames == 500 and result.error is None
    # All 500 frames as RGB would be 115 MB; a few frames plus the file is a few MB.
    assert peak < 20_000_000, peak


@pytest.mark.parametrize(
    "media",
    [
        Media(data=b""),
        Media(data=os.urandom(1000)),
        Media(data=_png_claiming(100_000, 100_000)),
        Media(data=_gif_screen(65_535, 65_535)),
        Media(path="/no/such/file.gif"),
        Media(data=b"\x00\x00\x00\x18ftypisom", kind=None),
    ],
)
def test_check_never_raises_on_hostile_media(media: Media) -> None:
    report = tonecheck.check("Look at this", media=[media])
    assert not [s for s in report.skipped if "internal error" in s.reason], report.skipped


def test_pillows_bomb_warning_is_an_error() -> None:
    # 90 million pixels: over Image.MAX_IMAGE_PIXELS, where Pillow only warns.
    elapsed, result = _timed(Media(data=_png_claiming(10_000, 9_000)))
    assert result.error_code == "bomb" and elapsed < 1.0  # type: ignore[attr-defined]
    assert "too large to check safely" in result.error  # type: ignore[attr-defined]


def test_tiff_and_bmp_are_recognised_but_not_decoded() -> None:
    buf = io.BytesIO()
    frames = _frames(3)
    frames[0].save(buf, "TIFF", save_all=True, append_images=frames[1:])
    for data in (buf.getvalue(), _still("BMP")):
        analysis = analyse(Media(data=data))
        assert analysis.error is None and not analysis.animated and not analysis.decoded
        assert analysis.kind == "image" and analysis.note


def test_a_gif_frame_reaching_past_the_screen_is_clipped() -> None:
    data = bytearray(_gif(_frames(4), duration=100, loop=0))
    # Make the logical screen smaller than the frames (32 × 24 → 20 × 10).
    data[6:10] = struct.pack("<HH", 20, 10)
    analysis = analyse(Media(data=bytes(data)))
    assert analysis.note is None, analysis
    assert analysis.frames == 4


def test_a_path_that_is_not_text_is_never_used_as_a_file_descriptor() -> None:
    result = analyse(Media(path=0))  # type: ignore[arg-type]
    assert result.error_code == "missing"
    assert infer_kind(Media(path=0)) is None  # type: ignore[arg-type]


def test_a_big_still_image_is_checked_from_its_header_only() -> None:
    buf = io.BytesIO()
    Image.new("RGB", (5000, 4000), (1, 2, 3)).save(buf, "WEBP", quality=10)
    result = analyse(Media(data=buf.getvalue()))
    assert result.error is None and not result.decoded and (result.width, result.height) == (5000, 4000)


def test_mutated_files_never_raise_and_stay_fast() -> None:
    seeds = [_gif(_frames(5), duration=50, loop=0), _still("PNG"), _still("JPEG"), _still("WEBP")]
    buf = io.BytesIO()
    frames = _frames(4)
    frames[0].save(buf, "WEBP", save_all=True, append_images=frames[1:], duration=50, loop=0)
    seeds.append(buf.getvalue())
    rng = random.Random(3)
    for _ in range(400):
        data = bytearray(rng.choice(seeds))
        for _ in range(rng.randint(1, 6)):
            if not data:
                break
            op = rng.random()
            if op < 0.6:
                data[rng.randrange(len(data))] = rng.randrange(256)
            elif op < 0.8:
                del data[rng.randrange(len(data)) :]
            else:
                at = rng.randrange(len(data))
                data[at:at] = rng.randbytes(rng.randint(1, 8))
        elapsed, result = _timed(Media(data=bytes(data)))
        assert elapsed < 1.5
        assert result.note != "flash analysis failed", result  # type: ignore[attr-defined]
