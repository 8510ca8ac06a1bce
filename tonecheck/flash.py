"""Flash analysis for animations, following WCAG 2.3.1 (Three Flashes or Below Threshold).

:class:`FlashDetector` is fed the frames of an animation one at a time, as they are displayed
(sRGB, with each frame's real display time), and keeps only small per-cell summaries, so memory
is bounded by the frame size, not by the number of frames. :meth:`FlashDetector.result` says
whether the animation fails WCAG 2.3.1.

How the analysis follows the WCAG 2.2 definitions (numbers in ``data/rules/flashing.toml``):

* **Scale.** Content is analysed "at the largest scale at which a user may view the content":
  each frame is scaled to fit the 1024 x 768 reference screen (social apps open GIFs full screen).
* **Cells.** The frame is divided into square cells of 0.2 degree of visual field (13.6 px on that
  screen). Light is averaged over each cell in linear RGB, as the eye integrates it. A cell then
  holds at least two squares per side of any pattern finer than 0.1 degree, so the fine balanced
  patterns WCAG exempts (checkerboards, white noise) average to a steady grey, while coarser
  patterns still flash.
* **General flashes.** Per cell, relative luminance (sRGB linearised at 0.04045) is followed from
  one local extreme to the next. A transition is a change of at least 0.1 between successive
  extremes where the darker state is below 0.80. A flash is a pair of opposing transitions.
* **Red flashes.** Per cell, a transition is a move of more than 0.2 in CIE 1976 u'v'
  chromaticity to or from a saturated red state (linear R / (R + G + B) >= 0.8). A red too dim
  to see is not a saturated red state: it needs (R - G - B) x 320 > 20, as in WCAG's older
  definition (about sRGB 72 for a pure red).
* **Rate.** Transitions are counted in every one-second window (half-open, using each frame's
  own duration). More than three flashes (seven or more transitions) fails.
* **Area.** A window fails only when the cells failing together cover more than 341 x 256 px of
  the reference screen (25% of a 10 degree field) inside some 682 x 512 px field.
* **Looping.** A looping animation is analysed as it plays: after the last frame the first second
  is played again (short animations repeatedly), so flashes across the loop boundary count and a
  short GIF never passes just because it is short.

The result is not a guarantee of safety: it says no flashes above the WCAG 2.3.1 thresholds were
detected. HDR content, video and patterns that move (rather than flash) are out of scope.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from tonecheck.lexicon import load_toml

__all__ = ["FlashDetector", "FlashResult", "default_options"]

_F32 = npt.NDArray[np.float32]
_Bool = npt.NDArray[np.bool_]
_I16 = npt.NDArray[np.int16]

_WINDOW_MS = 1000
#: Below this duration a short looping animation is replayed until this much time has played.
_SHORT_REPLAY_MS = 2000
#: A float tolerance so that a change of exactly 0.1 counts ("10% or more").
_EPS = 1e-6


def _srgb_to_linear_table() -> _F32:
    c = np.arange(256, dtype=np.float64) / 255.0
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return lin.astype(np.float32)


_LINEAR = _srgb_to_linear_table()
_LUMA = np.array([0.2126, 0.7152, 0.0722], dtype=np.float32)
# Linear sRGB to CIE XYZ (D65), rows X, Y, Z (Understanding SC 2.3.1).
_XYZ = np.array(
    [
        [0.4124564, 0.3575761, 0.1804375],
        [0.2126729, 0.7151522, 0.0721750],
        [0.0193339, 0.1191920, 0.9503041],
    ],
    dtype=np.float32,
)
# Black has no chromaticity: a tiny amount of the D65 white is added so that black reads as neutral
# (black to saturated red is then a red transition, as under the older (R-G-B) x 320 definition).
_WHITE_XYZ = _XYZ.sum(axis=1) * np.float32(1e-3)


def default_options() -> dict[str, Any]:
    """The detector's defaults: the ``[options]`` of ``data/rules/flashing.toml``."""
    return dict(load_toml("rules/flashing.toml")["options"])


@dataclass(frozen=True)
class FlashResult:
    """What the analysis found, for the worst one-second window.

    ``flagged``: fails WCAG 2.3.1 (general or red flashes, area taken into account).
    ``kind``: ``"general"`` or ``"red"`` (the worse one), ``None`` when nothing flashes.
    ``count``: flashes in that window (over a large enough area when there is one; otherwise in the
    largest flashing region, however small). ``at_ms``: where that window's first flash is in the
    animation. ``area``: fraction of the frame (0–1) that flashes that often. ``luminance_change``:
    typical relative-luminance change (0–1) of those flashes. ``near``: passes, but is close to the
    threshold (at least two clear flashes a second over a large area, or more than three over at
    least half the area threshold), with at least half that area changing in the same frame (so
    moving objects are not near misses) — worth a content warning. Never set when ``flagged`` is.
    """

    flagged: bool
    kind: str | None
    count: int
    at_ms: int
    area: float
    luminance_change: float
    near: bool


@dataclass
class _Window:
    """The worst window seen so far for one kind of flash."""

    transitions: int = 0  # transitions per cell, reached over a large enough area (0: none)
    at_ms: int = 0
    area: float = 0.0
    change: float = 0.0
    raw: int = 0  # most transitions in any cell, whatever the area
    raw_at_ms: int = 0
    raw_area: float = 0.0
    raw_change: float = 0.0
    near_area: float = 0.0  # largest field area (px on the reference screen) failing the rate
    frame_area: float = 0.0  # largest area changing together in one frame (px on the screen)


@dataclass
class _Frame:
    """One frame in the sliding one-second window: its time and the cells that made a transition."""

    start_ms: int
    at_ms: int  # position in the animation (for replayed frames, the original time)
    general: _Bool
    red: _Bool


class FlashDetector:
    """Counts WCAG 2.3.1 flashes in frames fed in play order.

    *width* and *height* are the frame size in pixels. *loop* says whether the animation repeats;
    when it does, :meth:`result` plays the first second again after the last frame. *options*
    override the defaults of :func:`default_options`.
    """

    def __init__(
        self, width: int, height: int, *, loop: bool, options: Mapping[str, Any] | None = None
    ) -> None:
        if width <= 0 or height <= 0:
            raise ValueError(f"frame size must be positive, got {width} x {height}")
        opts = default_options()
        if options:
            opts.update({k: v for k, v in options.items() if k in opts})
        self._width, self._height, self._loop = width, height, loop
        self._threshold = float(opts["luminance_change"]) - _EPS
        self._dark = float(opts["dark_limit"])
        self._fail = 2 * int(opts["max_flashes"]) + 1
        self._near = 2 * int(opts["near_flashes"])
        self._near_change = float(opts["near_change"])
        self._red_ratio = float(opts["red_ratio"])
        self._red_change = float(opts["red_chroma_change"])
        self._red_floor = float(opts["red_floor"])
        # Display scale (fit to the reference screen) and the cell size in frame pixels.
        scale = min(float(opts["screen_width"]) / width, float(opts["screen_height"]) / height)
        # A balanced pattern averages out only when a cell holds two of its squares per side, so
        # cells span two 0.1 degree steps: any pattern finer than 0.1 degree then averages out.
        cell = min(max(1, round(2 * float(opts["fine_pattern"]) / scale)), width, height)
        max_cells = int(opts["max_cells"])
        cell = min(max(cell, math.isqrt(width * height // max(1, max_cells))), width, height)
        while (width // cell) * (height // cell) > max_cells and cell < min(width, height):
            cell += 1
        self._cell = cell
        self._rows, self._cols = height // cell, width // cell
        #: Side and area of one cell on the reference screen, in px.
        cell_side = cell * scale
        self._cell_area = cell_side * cell_side
        self._frame_area = self._rows * self._cols * self._cell_area
        self._flash_area = float(opts["flash_area"])
        self._field = (
            max(1, min(self._rows, round(float(opts["field_height"]) / cell_side))),
            max(1, min(self._cols, round(float(opts["field_width"]) / cell_side))),
        )
        shape = (self._rows, self._cols)
        # General-flash state per cell: the running extreme, the extreme before it, the direction.
        self._ext = np.zeros(shape, np.float32)
        self._anchor = np.zeros(shape, np.float32)
        self._rising = np.ones(shape, np.bool_)
        self._counted = np.zeros(shape, np.bool_)
        self._change = np.zeros(shape, np.float32)  # largest counted luminance change per cell
        # Red-flash state per cell: the chromaticity and redness of the last state.
        self._red_uv = np.zeros((2, *shape), np.float32)
        self._red_sat = np.zeros(shape, np.bool_)
        # Sliding one-second window.
        self._window: deque[_Frame] = deque()
        self._count_general = np.zeros(shape, np.int16)
        self._count_red = np.zeros(shape, np.int16)
        self._worst = {"general": _Window(), "red": _Window()}
        # The first second of summaries, replayed after the last frame when the animation loops.
        self._replay: list[tuple[int, int, _F32, _F32, _Bool]] = []
        self._frames = 0
        self._end_ms = 0
        self._done: FlashResult | None = None

    # -- feeding -------------------------------------------------------------------------------

    def feed(self, rgb: npt.NDArray[np.uint8], start_ms: int, duration_ms: int) -> None:
        """Add one displayed frame: a ``uint8`` array of shape (height, width, 3) in sRGB."""
        if self._done is not None:
            raise ValueError("feed() called after result()")
        if rgb.shape != (self._height, self._width, 3) or rgb.dtype != np.uint8:
            raise ValueError(
                f"expected a uint8 frame of shape ({self._height}, {self._width}, 3), "
                f"got {rgb.dtype} {rgb.shape}"
            )
        duration_ms = max(1, int(duration_ms))
        lum, uv, red = self._summarise(rgb)
        if start_ms < _WINDOW_MS:
            self._replay.append((int(start_ms), duration_ms, lum, uv, red))
        self._step(int(start_ms), int(start_ms), lum, uv, red)
        self._frames += 1
        self._end_ms = max(self._end_ms, int(start_ms) + duration_ms)

    def _summarise(self, rgb: npt.NDArray[np.uint8]) -> tuple[_F32, _F32, _Bool]:
        """Per-cell relative luminance, u'v' chromaticity and saturated-red flag."""
        c, rows, cols = self._cell, self._rows, self._cols
        lin = np.take(_LINEAR, rgb[: rows * c, : cols * c])
        if c > 1:
            # Strided adds (row offsets, then column offsets) are the fastest block sum in numpy.
            rows_sum = lin[0::c].copy()
            for k in range(1, c):
                rows_sum += lin[k::c]
            means = rows_sum[:, 0::c].copy()
            for k in range(1, c):
                means += rows_sum[:, k::c]
            means *= np.float32(1.0 / (c * c))
        else:
            means = lin
        lum = means @ _LUMA
        xyz = means @ _XYZ.T + _WHITE_XYZ
        denom = xyz[..., 0] + 15 * xyz[..., 1] + 3 * xyz[..., 2]
        uv = np.stack((4 * xyz[..., 0] / denom, 9 * xyz[..., 1] / denom)).astype(np.float32)
        total = means.sum(axis=2)
        red = means[..., 0] >= self._red_ratio * np.maximum(total, 1e-6)
        # A barely visible red is no red flash: the older WCAG definition's (R - G - B) x 320 > 20.
        red &= (means[..., 0] - means[..., 1] - means[..., 2]) * 320 > self._red_floor
        return lum.astype(np.float32), uv, red

    def _step(self, start_ms: int, at_ms: int, lum: _F32, uv: _F32, red: _Bool) -> None:
        first = self._frames == 0 and not self._window
        if first:
            self._ext[...] = lum
            self._anchor[...] = lum
            self._red_uv[...] = uv
            self._red_sat[...] = red
            general = np.zeros(lum.shape, np.bool_)
            red_events = general
        else:
            general = self._general_step(lum)
            red_events = self._red_step(uv, red)
        frame = _Frame(start_ms, at_ms, general, red_events)
        self._window.append(frame)
        self._count_general += general
        self._count_red += red_events
        while self._window and self._window[0].start_ms <= start_ms - _WINDOW_MS:
            old = self._window.popleft()
            self._count_general -= old.general
            self._count_red -= old.red
        for kind, events, counts in (
            ("general", general, self._count_general),
            ("red", red_events, self._count_red),
        ):
            changed = int(np.count_nonzero(events))
            if changed:
                worst = self._worst[kind]
                worst.frame_area = max(worst.frame_area, changed * self._cell_area)
                self._evaluate(kind, counts)

    def _general_step(self, lum: _F32) -> _Bool:
        """Follow each cell's luminance from extreme to extreme; return the new transitions."""
        rising, ext, th = self._rising, self._ext, self._threshold
        np.copyto(ext, np.where(rising, np.maximum(ext, lum), np.minimum(ext, lum)))
        reversed_ = np.where(rising, ext - lum, lum - ext) >= th
        if reversed_.any():
            np.copyto(self._anchor, ext, where=reversed_)
            np.copyto(ext, lum, where=reversed_)
            self._rising ^= reversed_
            self._counted &= ~reversed_
        amplitude = np.abs(ext - self._anchor)
        new: _Bool = ~self._counted & (amplitude >= th) & (np.minimum(ext, self._anchor) < self._dark)
        if new.any():
            self._counted |= new
            np.maximum(self._change, np.where(new, amplitude, 0), out=self._change)
        return new

    def _red_step(self, uv: _F32, red: _Bool) -> _Bool:
        """A red transition: a u'v' move of more than 0.2 to or from a saturated red state."""
        distance = np.hypot(uv[0] - self._red_uv[0], uv[1] - self._red_uv[1])
        new: _Bool = (distance > self._red_change) & (red | self._red_sat)
        if new.any():
            np.copyto(self._red_uv, uv, where=new)
            np.copyto(self._red_sat, red, where=new)
        return new

    # -- judging -------------------------------------------------------------------------------

    def _window_start(self, kind: str) -> int:
        for frame in self._window:
            if (frame.general if kind == "general" else frame.red).any():
                return frame.at_ms
        return self._window[0].at_ms

    def _field_area(self, mask: _Bool) -> float:
        """The largest area (reference-screen px) of *mask* inside any 10 degree field."""
        fh, fw = self._field
        table = np.zeros((self._rows + 1, self._cols + 1), np.int32)
        np.cumsum(np.cumsum(mask, axis=0, dtype=np.int32), axis=1, out=table[1:, 1:])
        sums = table[fh:, fw:] - table[:-fh, fw:] - table[fh:, :-fw] + table[:-fh, :-fw]
        return float(sums.max()) * self._cell_area

    def _evaluate(self, kind: str, counts: _I16) -> None:
        worst = self._worst[kind]
        top = int(counts.max())
        if top > worst.raw:
            mask = counts >= top
            worst.raw, worst.raw_at_ms = top, self._window_start(kind)
            worst.raw_area = float(mask.sum()) * self._cell_area / self._frame_area
            worst.raw_change = self._typical_change(mask)
        if top >= self._fail:
            worst.near_area = max(worst.near_area, self._field_area(counts >= self._fail))
        if top < self._near or top <= worst.transitions:
            return
        # The most transitions reached together over more than the area threshold.
        area_at = np.bincount(counts.ravel(), minlength=top + 1)[::-1].cumsum()[::-1] * self._cell_area
        for level in range(top, max(self._near, worst.transitions + 1) - 1, -1):
            if area_at[level] <= self._flash_area:
                continue
            mask = counts >= level
            if self._field_area(mask) > self._flash_area:
                worst.transitions, worst.at_ms = level, self._window_start(kind)
                worst.area = float(area_at[level]) / self._frame_area
                worst.change = self._typical_change(mask)
                return

    def _typical_change(self, mask: _Bool) -> float:
        values = self._change[mask]
        return float(np.median(values)) if values.size else 0.0

    def result(self) -> FlashResult:
        """Finish the analysis (replaying the loop when the animation loops) and say what it found."""
        if self._done is None:
            if self._loop and self._frames > 1:
                self._play_loop()
            self._done = self._judge()
        return self._done

    def _play_loop(self) -> None:
        total = self._end_ms
        if total <= 0:
            return
        goal = _SHORT_REPLAY_MS if total < _WINDOW_MS else _WINDOW_MS
        offset = total
        played = 0
        while played < goal:
            for start, duration, lum, uv, red in self._replay:
                self._step(offset + start, start, lum, uv, red)
                played = offset + start + duration - total
                if played >= goal:
                    break
            offset += total
        self._replay.clear()

    def _judge(self) -> FlashResult:
        general, red = self._worst["general"], self._worst["red"]
        fail = self._fail
        kinds = [("red", red), ("general", general)]  # red first: it wins ties
        failing = [(k, w) for k, w in kinds if w.transitions >= fail]
        if failing:
            kind, w = max(failing, key=lambda item: item[1].transitions)
            count = max(_flashes(w.transitions), fail // 2 + 1)
            return FlashResult(True, kind, count, w.at_ms, w.area, w.change, False)
        # A near miss needs a clear flicker (dim shimmer such as noise or grain gets no advisory)
        # where a large area changes at once: an object moving across the picture changes each
        # place in turn, which is motion, not a strobe.
        half = self._flash_area / 2
        over_area = [(k, w) for k, w in kinds if w.transitions > 0]
        clear = [
            (k, w)
            for k, w in over_area
            if (k == "red" or w.change >= self._near_change) and w.frame_area > half
        ]
        near = bool(clear) or any(w.near_area > half and w.frame_area > half for _, w in kinds)
        chosen = clear or over_area
        if chosen:
            kind, w = max(chosen, key=lambda item: item[1].transitions)
            return FlashResult(False, kind, _flashes(w.transitions), w.at_ms, w.area, w.change, near)
        kind, w = max(kinds, key=lambda item: item[1].raw)
        if w.raw == 0:
            return FlashResult(False, None, 0, 0, 0.0, 0.0, False)
        return FlashResult(False, kind, _flashes(w.raw), w.raw_at_ms, w.raw_area, w.raw_change, near)


def _flashes(transitions: int) -> int:
    """Whole flashes (pairs of opposing transitions) in a window of *transitions*.

    A failing window of 7 transitions holds 3 whole flashes and the start of a fourth: more than
    three, so a failure is always reported as at least 4 (see ``_judge``).
    """
    return transitions // 2
