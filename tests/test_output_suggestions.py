"""How text output shows a suggestion: the replacement when it reads as the fix, else what the fix does."""

from __future__ import annotations

import pytest

from tonecheck.cli import main


def _suggestions(args: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    main([*args, "--color", "never", "--fail-on", "never"])
    out = capsys.readouterr().out
    return [line.strip() for line in out.splitlines() if line.strip().startswith("suggestion:")]


def test_part_of_a_word_shows_the_label_and_the_result(capsys: pytest.CaptureFixture[str]) -> None:
    # The fix replaces "Image of v" with "V": "V" alone tells the writer nothing.
    shown = _suggestions(["check", "--text", "Photo", "--alt", "Image of vanessa at the park"], capsys)
    assert shown == ['suggestion: Remove "Image of", so it reads "Vanessa at the park"']


def test_what_is_left_after_removing_words_shows_the_label(capsys: pytest.CaptureFixture[str]) -> None:
    # "Image of a" → "A" is a whole word, but it is what is left, not what to write.
    alt = "Image of a dog running on the beach at sunset"
    shown = _suggestions(["check", "--text", "Photo", "--alt", alt], capsys)
    assert shown == ['suggestion: Remove "Image of", so it reads "A dog running on the beach at sunset"']


def test_empty_replacement_is_a_deletion(capsys: pytest.CaptureFixture[str]) -> None:
    shown = _suggestions(["check", "--text", "Photo", "--alt", "Photo of: Vanessa at the park"], capsys)
    assert shown == ['suggestion: Remove "Photo of" (delete the marked text)']


def test_a_whole_replacement_is_shown_as_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    shown = _suggestions(["check", "--text", "S A L E now on", "--select", "spaced-letters"], capsys)
    assert shown == ["suggestion: SALE"]


def test_one_emoji_for_a_repeated_emoji_is_shown_as_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    shown = _suggestions(["check", "--text", "Big news 🔥🔥🔥 today", "--select", "emoji-repeat"], capsys)
    assert shown and all("so it reads" not in s for s in shown)


def test_the_result_of_a_long_line_is_cut_at_words(capsys: pytest.CaptureFixture[str]) -> None:
    alt = "Image of vanessa " + "standing next to the big red tractor at the county show in the rain " * 2
    shown = _suggestions(["check", "--text", "Photo", "--alt", alt.strip()], capsys)
    assert len(shown) == 1
    assert shown[0].startswith('suggestion: Remove "Image of", so it reads "Vanessa standing next to')
    assert shown[0].endswith('…"')
    assert len(shown[0]) < 120
