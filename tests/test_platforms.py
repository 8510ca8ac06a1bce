"""Platform data and counting: each platform counted its own way, limits from data, overrides."""

from __future__ import annotations

import pytest

import tonecheck
from tonecheck import Checker, ConfigError, InputError, platforms
from tonecheck.platforms import bluesky_link_text, count, get, measure

FAMILY = "👩\u200d👩\u200d👧\u200d👦"


class TestData:
    def test_every_platform_has_sourced_numbers(self) -> None:
        for pid in platforms.names():
            p = get(pid)
            assert p.max_length, pid
            numbers = [k for k in platforms.OVERRIDABLE if k != "url_length" and getattr(p, k) is not None]
            missing = [k for k in numbers if k not in p.sources]
            assert not missing, f"{pid}: no source for {missing}"
            for source in p.sources.values():
                assert "Checked 20" in source, f"{pid}: a source must say when it was checked"

    def test_default_has_no_limit(self) -> None:
        assert get(None).max_length is None
        assert "length" not in tonecheck.check("a" * 5000).metrics

    def test_instagram_hashtag_cap_is_the_2025_figure(self) -> None:
        assert get("instagram").max_hashtags == 5
        assert "2025-12-19" in get("instagram").sources["max_hashtags"]


class TestCounting:
    def test_x_a_long_url_counts_23(self) -> None:
        text = "a" * 256 + " https://example.com/" + "long/" * 40
        assert count(text, "x") == 256 + 1 + 23
        assert not [f for f in tonecheck.check(text, platform="x").findings if f.rule == "length-limit"]

    def test_x_emoji_count_two_even_the_newest(self) -> None:
        for e in ["🎉", FAMILY, "❤️‍🔥", "🐦‍🔥", "🫎", "🧑‍🧑‍🧒", "🇬🇧"]:
            assert count(e, "x") == 2, e

    def test_x_cjk_counts_two(self) -> None:
        assert count("日本語", "x") == 6

    def test_bluesky_300_family_emoji_are_300_graphemes(self) -> None:
        length = measure(FAMILY * 300, get("bluesky"))
        assert (length.length, length.limit, length.over) == (300, 300, 0)
        assert length.bytes == 25 * 300 and length.bytes_over == 25 * 300 - 3000

    def test_bluesky_links_count_as_the_app_shows_them(self) -> None:
        assert bluesky_link_text("https://example.com/") == "example.com"
        assert bluesky_link_text("https://Example.com/short") == "example.com/short"
        assert bluesky_link_text("https://example.com/a/very/long/path") == "example.com/a/very/long/..."
        assert bluesky_link_text("example.com/q?x=1#top") == "example.com/q?x=1#top"
        assert count("see https://example.com/a/very/long/path", "bluesky") == 4 + 27

    def test_mastodon(self) -> None:
        assert count("hi @alice@mastodon.social", "mastodon") == 3 + 6
        assert count("see https://example.com/" + "x" * 100, "mastodon") == 4 + 23
        assert count("see example.com/" + "x" * 10, "mastodon") == 4 + 22  # no scheme: literal length
        assert count("body", "mastodon", content_warning="spoiler") == 11
        assert count(FAMILY + "é", "mastodon") == 2

    def test_threads_counts_emoji_bytes(self) -> None:
        assert count("hi 😀", "threads") == 3 + 4
        assert count(FAMILY, "threads") == 25

    def test_others_count_characters(self) -> None:
        assert count("héllo 😀", "linkedin") == 7
        assert count("x" * 10) == 10

    def test_fits_end_never_splits_a_character(self) -> None:
        text = "a" * 279 + FAMILY + "b"
        length = measure(text, get("x"))
        assert length.fits_end == 279
        assert measure("a" * 2999 + FAMILY, get("linkedin")).fits_end == 2999


class TestChecking:
    def test_metrics_for_a_platform(self) -> None:
        m = tonecheck.check("hello", platform="bluesky").metrics
        assert (m["length"], m["length_limit"], m["bytes"], m["byte_limit"]) == (5, 300, 5, 3000)
        assert "bytes" not in tonecheck.check("hello", platform="x").metrics

    def test_instance_limit_from_config(self) -> None:
        text = "a" * 600
        assert any(f.rule == "length-limit" for f in tonecheck.check(text, platform="mastodon").findings)
        big = Checker({"platforms": {"mastodon": {"max_length": 1000}}})
        report = big.check(text, platform="mastodon")
        assert report.metrics["length_limit"] == 1000
        assert not any(f.rule == "length-limit" for f in report.findings)

    def test_bad_platform_config(self) -> None:
        with pytest.raises(ConfigError, match="unknown limit 'max_chars'"):
            Checker({"platforms": {"mastodon": {"max_chars": 1000}}})
        with pytest.raises(ConfigError, match="unknown platform 'myspace'"):
            Checker({"platforms": {"myspace": {"max_length": 1}}})
        with pytest.raises(ConfigError, match="whole number"):
            Checker({"platforms": {"x": {"max_length": "lots"}}})

    def test_length_message_says_by_how_much(self) -> None:
        report = tonecheck.check("word " * 60, platform="x")
        (finding,) = [f for f in report.findings if f.rule == "length-limit"]
        assert finding.message.startswith("This post is 300 characters on X, and the limit is 280. Cut 20 characters")
        assert finding.span == (280, 299)

    def test_content_warning_must_be_text(self) -> None:
        with pytest.raises(InputError):
            tonecheck.check("x", platform="mastodon", content_warning=3)  # type: ignore[arg-type]
