"""Benchmark media analysis: one 100-frame 480×270 GIF, against the 300 ms budget.

Generates a GIF that looks like real footage (a moving gradient, moving shapes, a panning texture
and some grain, 256 colours, 40 ms a frame, looping), then times, best of 5 runs:

- ``tonecheck.media.analyse`` (decode + kind/timing + motion + the flash detector when installed);
- Pillow's decode alone (seek through every frame and ``load()``), for comparison;
- Pillow's decode plus ``convert("RGB")`` of every frame (what any analysis needs).

Prints the figures and the ratio against the budget; never asserts.

Run: ``.venv/bin/python bench/bench_media.py [--frames 100] [--runs 5]``.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tonecheck.media import _detector_class, analyse
from tonecheck.model import Media

BUDGET_MS = 300.0
WIDTH, HEIGHT = 480, 270


def make_gif(frames: int, seed: int = 7) -> bytes:
    """A footage-like animated GIF: every frame different, smooth areas and detail."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    texture = rng.integers(0, 60, size=(HEIGHT, WIDTH * 2), dtype=np.int16)
    images = []
    for i in range(frames):
        t = i / frames
        r = 120 + 80 * np.sin(xx / 90 + 6.28 * t)
        g = 100 + 70 * np.cos(yy / 60 - 6.28 * t)
        b = 140 + 60 * np.sin((xx + yy) / 120 + 3.14 * t)
        frame = np.stack([r, g, b], axis=-1)
        shift = (i * 4) % WIDTH
        frame += texture[:, shift : shift + WIDTH, None] - 30
        cx, cy = int(60 + 360 * t), int(135 + 80 * np.sin(6.28 * t))
        frame[max(0, cy - 30) : cy + 30, max(0, cx - 40) : cx + 40] = (230, 60, 40)
        frame += rng.normal(0, 6, size=frame.shape)
        rgb = np.clip(frame, 0, 255).astype(np.uint8)
        images.append(Image.fromarray(rgb, "RGB").quantize(256, method=Image.Quantize.MEDIANCUT))
    buf = io.BytesIO()
    images[0].save(buf, "GIF", save_all=True, append_images=images[1:], duration=40, loop=0, optimize=False)
    return buf.getvalue()


def _decode_only(data: bytes) -> None:
    with Image.open(io.BytesIO(data)) as im:
        for index in range(getattr(im, "n_frames", 1)):
            im.seek(index)
            im.load()


def _decode_rgb(data: bytes) -> None:
    with Image.open(io.BytesIO(data)) as im:
        for index in range(getattr(im, "n_frames", 1)):
            im.seek(index)
            np.asarray(im.convert("RGB"))


def _best_ms(fn: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    data = make_gif(args.frames)
    media = Media(data=data)
    result = analyse(media)  # warm up (imports Pillow plugins, numpy, the detector)
    analyse_ms = _best_ms(lambda: analyse(media), args.runs)
    decode_ms = _best_ms(lambda: _decode_only(data), args.runs)
    rgb_ms = _best_ms(lambda: _decode_rgb(data), args.runs)

    detector = "yes" if _detector_class() is not None else "no (tonecheck.flash not installed)"
    print(f"GIF: {args.frames} frames, {WIDTH}x{HEIGHT}, {len(data) / 1e6:.2f} MB; flash detector: {detector}")
    print(f"analysis: error={result.error!r} frames={result.frames} loops_forever={result.loops_forever} "
          f"flash={result.flash}")
    print(f"analyse (best of {args.runs}):        {analyse_ms:7.1f} ms")
    print(f"Pillow decode only:              {decode_ms:7.1f} ms")
    print(f"Pillow decode + convert('RGB'):  {rgb_ms:7.1f} ms")
    print(f"analyse / decode only:           {analyse_ms / decode_ms:7.2f}x")
    print(f"analyse / budget ({BUDGET_MS:.0f} ms):       {analyse_ms / BUDGET_MS:7.2f}  "
          f"({'within' if analyse_ms <= BUDGET_MS else 'OVER'} budget)")


if __name__ == "__main__":
    main()
