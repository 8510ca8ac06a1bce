"""Tests for tonecheck.flash (WCAG 2.3.1 flash analysis) and the `flashing` rule.

Frames are made with numpy and fed to the detector directly (exact durations), and real GIFs are
made with Pillow and read through tonecheck.media, as an attached file would be.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import numpy as np
import pytest
from PIL import Image

from tonecheck.flash import FlashDetector, FlashResult
from tonecheck.model import Media, Severity

W, H = 480, 270
Frame = np.ndarray


def solid(value: int | tuple[int, int, int], w: int = W, h: int = H) -> Frame:
    frame = np.zeros((h, w, 3), np.uint8)
    frame[...] = value
    return frame


BLACK, WHITE = solid(0), solid(255)


def run(
    frames: Sequence[Frame], durations: Sequence[int] | int, *, loop: bool = True, **options: object
) -> FlashResult:
    h, w = frames[0].shape[:2]
    if isinstance(durations, int):
        durations = [durations] * len(frames)
    detector = FlashDetector(w, h, loop=loop, options=options or None)
    start = 0
    for frame, duration in zip(frames, durations, strict=True):
        detector.feed(frame, start, duration)
        start += duration
    return detector.result()


def toggle(a: Frame, b: Frame, n: int = 40) -> list[Frame]:
    return [a if i % 2 == 0 else b for i in range(n)]


def patch(size: tuple[int, int], at: tuple[int, int] = (0, 0), w: int = W, h: int = H) -> Frame:
    """A white rectangle (width, height) at (x, y) on black."""
    frame = solid(0, w, h)
    x, y = at
    frame[y : y + size[1], x : x + size[0]] = 255
    return frame


# -- general flashes: rate ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("per_second", "duration", "flagged", "count"),
    [
        (2, 250, False, 2),
        (10, 50, True, 10),
        (4, 125, True, 4),
        (5, 100, True, 5),
    ],
)
def test_full_frame_black_white_toggles(per_second: int, duration: int, flagged: bool, count: int) -> None:
    result = run(toggle(BLACK, WHITE), duration)
    assert result.flagged is flagged, result
    assert result.count == count
    assert result.kind == "general"
    assert result.area == pytest.approx(1.0)
    assert result.luminance_change == pytest.approx(1.0)


def test_exactly_three_flashes_a_second_passes() -> None:
    """Six transitions in every second (1/6 s frames): 'no more than three' passes, as a near miss."""
    result = run(toggle(BLACK, WHITE, 60), [166, 167, 167] * 20)
    assert not result.flagged
    assert result.count == 3
    assert result.near


def test_just_over_three_flashes_a_second_fails() -> None:
    """160 ms frames are 3.125 flashes a second: some one-second window holds 7 transitions."""
    result = run(toggle(BLACK, WHITE), 160)
    assert result.flagged
    assert result.count == 4


def test_seven_transitions_in_a_second_is_more_than_three_flashes() -> None:
    frames = [BLACK, *toggle(WHITE, BLACK, 7), BLACK]
    result = run(frames, [1000] + [140] * 7 + [3000], loop=False)
    assert result.flagged and result.count == 4


def test_six_transitions_in_a_second_pass() -> None:
    frames = [BLACK, *toggle(WHITE, BLACK, 6), BLACK]
    result = run(frames, [1000] + [140] * 6 + [3000], loop=False)
    assert not result.flagged and result.count == 3


def test_at_ms_points_to_the_burst() -> None:
    frames = [BLACK, *toggle(WHITE, BLACK, 10), BLACK]
    result = run(frames, [2300] + [60] * 10 + [2000])
    assert result.flagged
    assert 2300 <= result.at_ms < 2400


def test_a_scene_cut_is_one_transition_not_a_flash() -> None:
    result = run([BLACK] * 10 + [WHITE] * 10, 100)
    assert not result.flagged and result.count <= 1


# -- general flashes: contrast ----------------------------------------------------------------------


def test_low_contrast_flicker_passes() -> None:
    """sRGB 124 and 140 are relative luminance 0.20 and 0.26: a change under 0.1."""
    result = run(toggle(solid(124), solid(140)), 50)
    assert not result.flagged and result.kind is None and not result.near


def test_dark_flicker_below_the_change_threshold_passes() -> None:
    """Black and sRGB 60 (luminance 0.045): both dark, change under 0.1."""
    assert not run(toggle(BLACK, solid(60)), 50).flagged


def test_dark_flicker_over_the_change_threshold_fails() -> None:
    """Black and sRGB 100 (luminance 0.127): the darker state is dark and the change is over 0.1."""
    result = run(toggle(BLACK, solid(100)), 50)
    assert result.flagged
    assert result.luminance_change == pytest.approx(0.127, abs=0.005)


def test_bright_flicker_where_the_darker_state_is_over_080_passes() -> None:
    """sRGB 235 (luminance 0.83) and white: a change of 0.17 but the darker state is over 0.80."""
    assert not run(toggle(solid(235), WHITE), 50).flagged


def test_slow_fades_pass() -> None:
    ramp = [solid(v) for v in range(0, 256, 8)]
    frames = ramp + ramp[::-1]
    result = run(frames, 40)  # 2.6 s per cycle, looping
    assert not result.flagged and not result.near


# -- area ------------------------------------------------------------------------------------------


def test_small_flashing_patch_passes() -> None:
    """A 60 x 40 patch of a 480 x 270 GIF is about 11,000 px on the 1024 x 768 screen."""
    result = run(toggle(BLACK, patch((60, 40), (200, 100))), 50)
    assert not result.flagged
    assert result.count == 10  # it does flash, but over too small an area
    assert result.area < 0.05


def test_large_flashing_patch_fails() -> None:
    result = run(toggle(BLACK, patch((300, 200), (100, 40))), 50)
    assert result.flagged
    assert 0.4 < result.area < 0.6


def test_area_threshold_at_the_reference_size() -> None:
    """On a 1024 x 768 frame (shown 1:1), 87,296 px is the limit: 26 x 20 cells fail, 22 x 16 pass."""
    over = run(toggle(solid(0, 1024, 768), patch((364, 280), w=1024, h=768)), 50)
    under = run(toggle(solid(0, 1024, 768), patch((308, 224), w=1024, h=768)), 50)
    assert over.flagged
    assert not under.flagged and under.near


def test_flashes_far_apart_are_not_combined() -> None:
    """Two patches of 60% of the limit each, in opposite corners: no 10 degree field holds both."""
    frame = patch((252, 210), (0, 0), 1024, 768)
    frame[768 - 210 :, 1024 - 252 :] = 255
    result = run(toggle(solid(0, 1024, 768), frame), 50)
    assert not result.flagged
    assert result.near


def test_fine_checkerboard_inversion_is_exempt() -> None:
    """A 1-pixel checkerboard (under 0.1 degree) inverting 10 times a second averages to grey."""
    yy, xx = np.mgrid[0:H, 0:W]
    board = (((yy + xx) % 2) * 255).astype(np.uint8)
    a = np.repeat(board[..., None], 3, axis=2)
    result = run(toggle(a, 255 - a), 50)
    assert not result.flagged and not result.near


def test_coarse_checkerboard_inversion_fails() -> None:
    yy, xx = np.mgrid[0:H, 0:W]
    board = ((((yy // 40) + (xx // 40)) % 2) * 255).astype(np.uint8)
    a = np.repeat(board[..., None], 3, axis=2)
    assert run(toggle(a, 255 - a), 50).flagged


def test_white_noise_is_exempt() -> None:
    rng = np.random.default_rng(7)
    frames = [rng.integers(0, 256, (H, W, 3), dtype=np.uint8) for _ in range(50)]
    assert not run(frames, 40).flagged


def test_a_moving_ball_is_motion_not_flashing() -> None:
    """A dark ball bouncing across a white frame, 0.6 s each way: each place changes in turn."""
    yy, xx = np.mgrid[0:H, 0:W]
    frames = []
    for i in range(30):
        x = 60 + 24 * (i if i < 15 else 30 - i)
        frame = solid(255)
        frame[(yy - 135) ** 2 + (xx - x) ** 2 < 60**2] = 0
        frames.append(frame)
    result = run(frames, 40)
    assert not result.flagged and not result.near


def test_tiny_and_odd_frames() -> None:
    assert run(toggle(solid(0, 1, 1), solid(255, 1, 1)), 50).flagged  # shown full screen
    assert run(toggle(solid(0, 7, 3), solid(255, 7, 3)), 50).flagged
    assert not run(toggle(solid(0, 2000, 3), solid(255, 2000, 3)), 50).flagged  # a thin strip


# -- red flashes -----------------------------------------------------------------------------------

RED = solid((255, 0, 0))
GREEN = solid((0, 148, 0))  # the same relative luminance as pure red (0.21)
BLUE = solid((0, 0, 255))


def test_red_green_at_equal_luminance_fails_as_red() -> None:
    result = run(toggle(RED, GREEN), 125)
    assert result.flagged and result.kind == "red" and result.count == 4
    assert result.luminance_change < 0.1
    assert not run(toggle(RED, GREEN), 125, red_ratio=1.1).flagged  # no red state: no general flash


def test_red_blue_alternation_fails() -> None:
    result = run(toggle(RED, BLUE), 125)
    assert result.flagged and result.kind == "red"


def test_red_black_alternation_fails() -> None:
    assert run(toggle(RED, BLACK), 100).flagged


def test_barely_visible_red_is_no_red_flash() -> None:
    """sRGB (30, 0, 0) is saturated but too dim: (R - G - B) x 320 = 4; (100, 0, 0) gives 41."""
    assert not run(toggle(BLACK, solid((30, 0, 0))), 50).flagged
    result = run(toggle(BLACK, solid((100, 0, 0))), 50)
    assert result.flagged and result.kind == "red"  # the luminance change alone (0.027) is no flash


def test_red_at_three_a_second_passes() -> None:
    assert not run(toggle(RED, GREEN, 60), [166, 167, 167] * 20).flagged


def test_unsaturated_reds_do_not_make_red_flashes() -> None:
    """Pink (255, 150, 150) is not saturated red (linear R/(R+G+B) < 0.8); no luminance flash either."""
    result = run(toggle(solid((255, 150, 150)), solid((255, 170, 170))), 50)
    assert not result.flagged and result.kind is None


def test_small_red_patch_passes() -> None:
    frame = solid(0)
    frame[100:140, 200:260] = (255, 0, 0)
    assert not run(toggle(BLACK, frame), 50).flagged


# -- looping and timing ----------------------------------------------------------------------------


def test_flashes_across_the_loop_boundary() -> None:
    """Four toggles at the end and four at the start: only the loop as played puts them together."""
    grey = solid(40)
    burst = toggle(WHITE, BLACK, 4)
    frames = [*burst, grey, *burst]
    durations = [60] * 4 + [3000] + [60] * 4
    assert not run(frames, durations, loop=False).flagged
    assert run(frames, durations, loop=True).flagged


def test_a_short_looping_gif_never_passes_for_being_short() -> None:
    looping = run([BLACK, WHITE], 100, loop=True)
    assert looping.flagged and looping.count == 5  # 10 transitions a second
    assert not run([BLACK, WHITE], 100, loop=False).flagged


def test_one_frame_is_never_a_flash() -> None:
    assert run([WHITE], 100).kind is None


def test_varied_delays() -> None:
    frames = toggle(BLACK, WHITE, 12)
    slow = [400, 100] * 6  # two transitions every 500 ms: 2 flashes a second
    fast = [100, 150] * 6  # 8 transitions in 1000 ms
    assert not run(frames, slow).flagged
    assert run(frames, fast).flagged


def test_zero_delay_frames_as_played_at_100_ms() -> None:
    """The feeding side turns 0 ms delays into the browser's 100 ms; the detector uses what it is given."""
    assert run(toggle(BLACK, WHITE, 10), 100).count == 5


def test_options_change_the_thresholds() -> None:
    assert not run(toggle(BLACK, WHITE), 125, max_flashes=4).flagged
    assert run(toggle(BLACK, solid(60)), 50, luminance_change=0.04).flagged


# -- robustness, memory and speed ------------------------------------------------------------------


def test_bad_input_raises_value_error() -> None:
    detector = FlashDetector(4, 4, loop=False)
    with pytest.raises(ValueError):
        detector.feed(np.zeros((4, 5, 3), np.uint8), 0, 100)
    with pytest.raises(ValueError):
        detector.feed(np.zeros((4, 4, 3), np.float32), 0, 100)  # type: ignore[arg-type]
    detector.result()
    with pytest.raises(ValueError):
        detector.feed(np.zeros((4, 4, 3), np.uint8), 0, 100)
    with pytest.raises(ValueError):
        FlashDetector(0, 10, loop=True)


def test_memory_is_bounded_by_frame_size_not_frame_count() -> None:
    detector = FlashDetector(W, H, loop=True)
    for i in range(600):
        detector.feed(WHITE if i % 2 else BLACK, i * 50, 50)
    assert len(detector._window) <= 21  # one second of frames
    assert len(detector._replay) == 20  # the first second, kept for the loop
    assert detector.result().flagged


# -- real GIFs through tonecheck.media ---------------------------------------------------------------


def gif(frames: Sequence[Frame], duration: int | list[int], loop: int | None = 0) -> bytes:
    images = [_paletted(f) for f in frames]
    out = io.BytesIO()
    extra = {} if loop is None else {"loop": loop}
    images[0].save(out, "GIF", save_all=True, append_images=images[1:], duration=duration, **extra)
    return out.getvalue()


def _paletted(frame: Frame) -> Image.Image:
    """A palette image made without quantising (fast): frames here use at most 256 colours."""
    flat = frame.reshape(-1, 3)
    colours, index = np.unique(flat, axis=0, return_inverse=True)
    image = Image.fromarray(index.reshape(frame.shape[:2]).astype(np.uint8), mode="P")
    image.putpalette(colours.astype(np.uint8).tobytes())
    return image


SMALL_BLACK, SMALL_WHITE = solid(0, 64, 36), solid(255, 64, 36)


@pytest.mark.parametrize(
    ("duration", "flagged"),
    [(250, False), (170, False), (120, True), (50, True)],  # 2, 2.9, 4.2 and 10 flashes a second
)
def test_real_gif_rates(duration: int, flagged: bool) -> None:
    from tonecheck.media import analyse

    result = analyse(Media(data=gif(toggle(SMALL_BLACK, SMALL_WHITE, 20), duration))).flash
    assert result is not None and result.flagged is flagged


def test_real_gif_zero_delay_plays_at_browser_speed() -> None:
    from tonecheck.media import analyse

    result = analyse(Media(data=gif([SMALL_BLACK, SMALL_WHITE], 0))).flash
    assert result is not None and result.flagged  # 0 ms plays at 100 ms: 5 flashes a second


def test_real_gif_red() -> None:
    from tonecheck.media import analyse

    frames = toggle(solid((255, 0, 0), 64, 36), solid((0, 148, 0), 64, 36), 8)
    result = analyse(Media(data=gif(frames, 120))).flash
    assert result is not None and result.flagged and result.kind == "red"


def test_real_gif_100_noisy_frames_480x270() -> None:
    """100 noisy 480 x 270 frames are decoded in full and not flagged (its speed: bench/bench_media.py)."""
    from tonecheck.media import analyse

    rng = np.random.default_rng(2)
    index = rng.integers(0, 256, (H, W), dtype=np.uint8)
    palette = rng.integers(0, 256, 768, dtype=np.uint8).tobytes()
    images = []
    for i in range(100):
        image = Image.fromarray(np.roll(index, i * 3, axis=1), mode="P")
        image.putpalette(palette)
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, "GIF", save_all=True, append_images=images[1:], duration=40, loop=0)
    analysis = analyse(Media(data=out.getvalue()))
    assert analysis.frames == 100 and analysis.flash is not None
    assert not analysis.flash.flagged  # fine noise moving sideways is exempt


# -- the rule ----------------------------------------------------------------------------------------


def check(media: Sequence[Media], text: str = "Friday mood", content_warning: str | None = None) -> list:  # type: ignore[type-arg]
    from tonecheck.registry import Registry
    from tonecheck.rules.media.flashing import Flashing
    from tonecheck.testing import checker_for

    checker = checker_for("flashing", registry=Registry([Flashing]))
    report = checker.check(text, media=tuple(media), content_warning=content_warning)
    return [f for f in report.findings if f.rule == "flashing"]


def test_rule_flags_a_flashing_gif() -> None:
    found = check([Media(data=gif(toggle(SMALL_BLACK, SMALL_WHITE, 20), 120), alt="Strobe")])
    assert len(found) == 1
    finding = found[0]
    assert finding.severity == Severity.ERROR
    assert finding.target == "media:0" and finding.span == (0, 0)
    assert finding.message == (
        "This GIF flashes 4 times in one second at 0:00 (100% brightness change over the whole picture). "
        "Over 3 flashes a second can cause seizures. Slow it down or don't post it."
    )


def test_rule_flags_red_and_names_the_second() -> None:
    red, green = solid((255, 0, 0), 64, 36), solid((0, 148, 0), 64, 36)
    frames = [green, *toggle(red, green, 10)]
    data = gif(frames, [2000] + [100] * 10)
    found = check([Media(alt="A dog", kind="image"), Media(data=data)])
    assert [(f.message_id, f.target) for f in found] == [("red", "media:1")]
    assert "flashes red 5 times in one second at 0:02" in found[0].message


def test_rule_near_miss_is_a_suggestion_unless_the_post_warns() -> None:
    data = gif(toggle(SMALL_BLACK, SMALL_WHITE, 20), 250)
    found = check([Media(data=data)])
    assert [(f.message_id, f.severity) for f in found] == [("near", Severity.SUGGESTION)]
    assert check([Media(data=data)], content_warning="Flashing lights") == []
    assert check([Media(data=data)], text="Flash warning: party GIF") == []


def test_rule_never_downgrades_a_failure_because_of_a_warning() -> None:
    data = gif(toggle(SMALL_BLACK, SMALL_WHITE, 20), 50)
    found = check([Media(data=data)], content_warning="CW: flashing")
    assert [f.message_id for f in found] == ["general"]


def test_rule_is_silent_on_calm_and_still_media() -> None:
    calm = gif([solid(v, 64, 36) for v in range(0, 256, 16)], 100)
    still = io.BytesIO()
    Image.fromarray(SMALL_WHITE).save(still, "PNG")
    assert check([Media(data=calm), Media(data=still.getvalue()), Media(alt="x", kind="image")]) == []


def test_rule_says_videos_are_not_checked() -> None:
    found = check([Media(kind="video", alt="A talk")])
    assert [(f.message_id, f.severity, f.target) for f in found] == [("video", Severity.SUGGESTION, "media:0")]


# -- cross-check against a brute-force count ------------------------------------------------------


def _brute_force_flashes(levels: Sequence[int], durations: Sequence[int], loop: bool) -> int:
    """Most transitions in any one-second window, for uniform frames alternating between two greys."""
    starts, t = [], 0
    for d in durations:
        starts.append(t)
        t += d
    total = t
    plays = 2 + 3000 // total if loop else 1
    events = []
    previous = None
    for play in range(plays):
        for level, start in zip(levels, starts, strict=True):
            if previous is not None and level != previous:
                events.append(play * total + start)
            previous = level
    return max((sum(1 for e in events if s <= e < s + 1000) for s in events), default=0)


@pytest.mark.parametrize("seed", range(60))
def test_windows_and_loops_match_a_brute_force_count(seed: int) -> None:
    """Random two-level sequences with random delays (always a flash-sized change): same verdict."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 30))
    levels = [int(x) for x in rng.integers(0, 2, n)]
    durations = [int(x) for x in rng.choice([20, 40, 60, 100, 130, 170, 250, 500], n)]
    loop = bool(rng.integers(0, 2))
    frames = [solid(255 if level else 0, 8, 8) for level in levels]
    transitions = _brute_force_flashes(levels, durations, loop)
    result = run(frames, durations, loop=loop)
    assert result.flagged is (transitions >= 7), (transitions, result)
    if result.flagged:
        assert result.count == max(transitions // 2, 4)


def test_rule_warns_when_the_analysis_itself_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    import tonecheck.media

    class Broken:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise RuntimeError("boom")

    monkeypatch.setattr(tonecheck.media, "_detector_class", lambda: Broken)
    found = check([Media(data=gif(toggle(SMALL_BLACK, SMALL_WHITE, 20), 50))])
    assert [(f.message_id, f.severity) for f in found] == [("unchecked", Severity.WARNING)]
