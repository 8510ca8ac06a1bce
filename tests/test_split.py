"""Splitting a long draft into a thread: every post fits, nothing is lost, no entity is cut."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tonecheck import InputError, platforms
from tonecheck.platforms import get, measure
from tonecheck.split import split_thread
from tonecheck.text import parse

FAMILY = "👩\u200d👩\u200d👧\u200d👦"  # 7 code points, 25 UTF-8 bytes, one grapheme cluster
PLATFORMS = ["x", "mastodon", "bluesky", "threads", "linkedin", "instagram"]
_MARKER = re.compile(r" (\d+)/(\d+)\Z")

LOREM = (
    "Accessible posts reach more people. Alt text describes an image for people who cannot see it. "
    "Camel case hashtags are read word by word by screen readers. Emoji in the middle of a sentence "
    "interrupt the flow, because each one is announced by name. Plain language helps everyone, not only "
    "people with disabilities. Short sentences are easier to read on a small screen. Links should say "
    "where they go. Captions make videos usable without sound. Contrast matters for text in images. "
    "Check your draft before you post it, and fix what you can."
)


def _venue(platform: str | None, limit: int | None = None) -> platforms.Platform:
    venue = get(platform)
    return venue if limit is None else get(platform, {"max_length": limit})


def _assert_fits(posts: list[str], platform: str | None, limit: int | None = None) -> None:
    venue = _venue(platform, limit)
    for post in posts:
        length = measure(post, venue)
        assert length.over == 0 and length.bytes_over == 0, (post, length)


def _slices(text: str, posts: list[str], numbering: bool) -> list[tuple[int, int]]:
    """Where each post (without its marker) lies in *text*; checks that only white space is left out."""
    if numbering and len(posts) > 1:
        bare = []
        for i, post in enumerate(posts, start=1):
            m = _MARKER.search(post)
            assert m and (int(m[1]), int(m[2])) == (i, len(posts)), post
            bare.append(post[: m.start()])
        posts = bare
    spans = []
    pos = 0
    for post in posts:
        assert post and post == post.strip(), repr(post)
        start = text.find(post, pos)
        assert start >= 0, f"post not in the text: {post!r}"
        assert text[pos:start].strip() == "", f"text lost before {post!r}: {text[pos:start]!r}"
        spans.append((start, start + len(post)))
        pos = start + len(post)
    assert text[pos:].strip() == "", f"text lost at the end: {text[pos:]!r}"
    return spans


def _assert_clean_cuts(text: str, spans: list[tuple[int, int]]) -> None:
    """No post ends or starts inside a grapheme cluster or an entity of the original text."""
    boundaries = {m.start() for m in regex.finditer(r"\X", text)} | {len(text)}
    parsed = parse(text)
    for start, end in spans:
        for pos in (start, end):
            assert pos in boundaries, (text, pos)
            assert not any(s < pos < e for s, e in parsed.protected), (text[max(0, pos - 20) : pos + 20], pos)


def _check_thread(text: str, platform: str | None, *, numbering: bool = False, limit: int | None = None) -> list[str]:
    posts = split_thread(text, platform, numbering=numbering, limit=limit)
    _assert_fits(posts, platform, limit)
    if measure(text, _venue(platform, limit)).over == 0 and measure(text, _venue(platform, limit)).bytes_over == 0:
        assert posts == [text]
        return posts
    _assert_clean_cuts(text, _slices(text, posts, numbering))
    return posts


# -- property -----------------------------------------------------------------------------------

_WORDS = ["the", "a", "post", "accessibility", "don't", "well-known", "GOV.UK", "3.5", "naïve", "e\u0301te\u0301",
          "Straße", "привет", "مرحبا", "שלום", "सहायता", "extraordinarilylongwordwithoutanybreaks"]
_ENDS = [".", "!", "?", "…", ",", ":", ";", ""]
_ENTITIES = ["https://example.com/a/b?c=1", "http://t.co/xyz", "example.org", "https://ex.am/ple/" + "p" * 15,
             "#a11y", "#CamelCaseTag", "#日本", "@alice", "@bob@mastodon.social", "@carol.bsky.social", "$ACME",
             "🎉", FAMILY, "🇬🇧", "👍🏽", "❤️", "1️⃣", "©", "☀"]
_CJK = ["日本語", "の文です。", "中文字", "한국어", "テスト、", "「引用」"]
_SEPARATORS = [" ", " ", " ", " ", "  ", "\n", "\n\n", " \n ", "\t", "\u3000", ""]

_token = st.one_of(
    st.tuples(st.sampled_from(_WORDS), st.sampled_from(_ENDS)).map("".join),
    st.sampled_from(_ENTITIES),
    st.sampled_from(_CJK),
)
_text = st.lists(st.tuples(_token, st.sampled_from(_SEPARATORS)), min_size=15, max_size=200).map(
    lambda parts: "".join(t + s for t, s in parts)
)


@pytest.mark.parametrize("platform", [*PLATFORMS, None])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_text, limit=st.one_of(st.integers(45, 120), st.integers(45, 300), st.none()), numbering=st.booleans(),
       lead=st.sampled_from(["", " ", "\n"]))
def test_every_post_fits_and_nothing_is_lost(
    platform: str | None, text: str, limit: int | None, numbering: bool, lead: str
) -> None:
    if platform is None and limit is None:
        limit = 100
    text = lead + text
    try:
        posts = _check_thread(text, platform, numbering=numbering, limit=limit)
    except ValueError as exc:
        # Only when an entity or emoji alone cannot fit (tokens glued together make long hashtags).
        assert "does not fit" in str(exc)
        venue, marker = _venue(platform, limit), " 99/99" if numbering else ""
        too_long = [text[s:e] for s, e in parse(text).protected if measure(text[s:e] + marker, venue).over]
        assert too_long, str(exc)
        return
    event("posts: " + ("1" if len(posts) == 1 else "2-4" if len(posts) < 5 else "5+"))


_ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=500) | st.text(
    st.sampled_from(" \n\r\t\u0301\u200d\ufe0f🏽👩a.é。\u0600\u1100\u1161"), max_size=300
)


@settings(max_examples=150, deadline=None)
@given(text=_ANY_TEXT, platform=st.sampled_from([*PLATFORMS, None]), numbering=st.booleans(),
       limit=st.integers(10, 80))
def test_arbitrary_unicode(text: str, platform: str | None, numbering: bool, limit: int) -> None:
    # A combining mark may follow a space here (one grapheme cluster that is not white space), so
    # posts may start or end with a space; the other properties hold.
    try:
        posts = split_thread(text, platform, numbering=numbering, limit=limit)
    except ValueError as exc:
        assert "does not fit" in str(exc)
        return
    _assert_fits(posts, platform, limit)
    if posts == [text]:
        return
    bare = [_MARKER.sub("", p) for p in posts] if numbering and len(posts) > 1 else posts
    assert "".join("".join(p.split()) for p in bare) == "".join(text.split())
    spans, pos = [], 0
    for post in bare:
        start = text.find(post, pos)
        spans.append((start, start + len(post)))
        pos = start + len(post)
    _assert_clean_cuts(text, spans)


# -- specific cases -----------------------------------------------------------------------------


def test_fitting_text_is_returned_unchanged() -> None:
    text = "  Short post 🎉\n"
    assert split_thread(text, "x") == [text]
    assert split_thread(text, "x", numbering=True) == [text]  # a single post gets no "1/1"
    assert split_thread("", "x") == [""]


def test_600_characters_on_x_split_at_sentence_ends() -> None:
    text = (LOREM + " " + LOREM)[:620].rsplit(". ", 1)[0] + "."
    assert 570 <= len(text) <= 620
    posts = _check_thread(text, "x")
    assert len(posts) == 3
    sentences = [s.text for s in parse(text).sentences]
    for post in posts:
        assert post.endswith((".", "!", "?")), post
        assert all(s.text in sentences for s in parse(post).sentences)  # whole sentences only
    assert " ".join(posts) == text


def test_256_characters_and_a_long_url_are_one_post_on_x() -> None:
    text = "a" * 256 + " https://example.com/" + "long/" * 40
    assert split_thread(text, "x") == [text]
    assert measure(text, get("x")).length == 280


def test_urls_count_23_on_x_and_mastodon_so_they_always_fit() -> None:
    url = "https://example.com/" + "segment/" * 60
    text = " ".join(["word"] * 100 + [url] * 5 + ["end."] * 50)
    for platform in ("x", "mastodon"):
        posts = _check_thread(text, platform)
        assert sum(p.count(url) for p in posts) == 5


def test_a_sentence_longer_than_a_post_is_split_between_words() -> None:
    text = "This sentence has no full stop until the very end and it goes on " * 8 + "end."
    posts = _check_thread(text, "x")
    assert len(posts) == 2
    assert all(text.count(p) for p in posts)
    assert not any(p.endswith(("thi", "sen")) for p in posts)


def test_a_word_longer_than_a_post_is_split_between_characters_but_not_in_an_emoji() -> None:
    word = ("ab" + FAMILY) * 200
    posts = _check_thread(word, "bluesky")
    assert "".join(posts) == word
    for post in posts:
        assert post.replace(FAMILY, "").replace("ab", "") == ""


def test_a_word_is_never_cut_inside_a_url() -> None:
    url = "https://example.com/" + "x" * 30
    word = "<>".join([url] * 10)  # one long "word" of ten URLs
    assert len(parse(word).urls) == 10
    posts = _check_thread(word, "linkedin", limit=120)
    for post in posts:
        assert post.replace(url, "").replace("<>", "").replace("<", "").replace(">", "") == "", post


def test_paragraph_breaks_are_preferred() -> None:
    first = "First paragraph, long enough to fill more than half of a post. " * 3  # 191 characters
    text = first.strip() + "\n\n" + "Second paragraph. Its sentences are short. " * 8
    posts = _check_thread(text, "x")
    assert posts[0] == first.strip()  # not the first paragraph and three sentences of the second
    short = "A short first paragraph."
    posts = _check_thread(short + "\n\n" + "Second paragraph. Its sentences are short. " * 8, "x")
    assert posts[0].startswith(short + "\n\nSecond")  # too short to stand alone


def test_line_breaks_stay_inside_a_post() -> None:
    text = "Shopping list:\n- eggs\n- milk\n- bread\n\n" + LOREM
    posts = _check_thread(text, "mastodon")
    assert posts[0].startswith("Shopping list:\n- eggs\n- milk\n- bread")


def test_cjk_text_without_spaces_is_cut_after_a_full_stop() -> None:
    text = "今日は良い天気です。" * 40  # 400 characters, 800 on X
    posts = _check_thread(text, "x")
    assert all(p.endswith("。") for p in posts)
    assert "".join(posts) == text
    assert split_thread("価格は３．５万円。" * 3, limit=10) == ["価格は３．５万円。"] * 3  # not after "３．"


def test_numbering_with_ten_or_more_posts_stays_within_the_limit() -> None:
    text = LOREM * 6
    posts = _check_thread(text, "x", numbering=True)
    assert len(posts) >= 10
    assert posts[0].endswith(f" 1/{len(posts)}") and posts[-1].endswith(f" {len(posts)}/{len(posts)}")


def test_numbering_that_adds_a_digit_packs_again() -> None:
    # Nine sentences of exactly 40 characters: nine posts without markers, but with a marker no
    # sentence fits whole any more, so the thread grows past 9 posts and the markers get wider.
    sentence = "Tiny words fill this line up to forty k."
    assert len(sentence) == 40
    text = " ".join([sentence] * 9)
    assert len(split_thread(text, limit=40)) == 9
    posts = _check_thread(text, None, numbering=True, limit=40)
    assert len(posts) >= 10
    assert all(len(p) <= 40 for p in posts)
    assert posts[9].endswith(f" 10/{len(posts)}")


def test_bluesky_byte_limit_with_emoji_heavy_text() -> None:
    text = " ".join([FAMILY * 10] * 40)  # 440 graphemes, about 10 kB
    posts = _check_thread(text, "bluesky")
    assert len(posts) >= 4
    for post in posts:
        length = measure(post, get("bluesky"))
        assert length.length <= 300 and length.bytes is not None and length.bytes <= 3000
    one_word = FAMILY * 300  # 300 graphemes fit, 7,500 bytes do not
    posts = _check_thread(one_word, "bluesky", numbering=True)
    assert len(posts) == 3 and all(p.split(" ")[0].replace(FAMILY, "") == "" for p in posts)


def test_threads_counts_emoji_bytes() -> None:
    text = "Great news 🎉 " * 60
    _check_thread(text, "threads")


def test_overrides_change_the_limit() -> None:
    text = LOREM[:450]
    assert split_thread(text, "mastodon") == [text]
    posts = split_thread(text, "mastodon", overrides={"max_length": 100})
    assert len(posts) > 1 and all(measure(p, get("mastodon")).length <= 100 for p in posts)
    assert split_thread(text, "mastodon", limit=100) == posts


def test_white_space_only_text_that_does_not_fit_gives_no_posts() -> None:
    assert split_thread(" " * 500, "x") == []


class TestErrors:
    def test_no_platform_and_no_limit(self) -> None:
        with pytest.raises(ValueError, match="platform or a limit"):
            split_thread("text")

    def test_bad_limit(self) -> None:
        for limit in (0, -5):
            with pytest.raises(ValueError, match="limit"):
                split_thread("text", "x", limit=limit)

    def test_unknown_platform(self) -> None:
        with pytest.raises(InputError, match="unknown platform"):
            split_thread("text", "myspace")

    def test_a_hashtag_longer_than_a_post(self) -> None:
        text = "Tags: #" + "VeryLongHashtag" * 5 + " and more"
        with pytest.raises(ValueError, match=r"hashtag '#VeryLong.*' does not fit"):
            split_thread(text, limit=50)

    def test_a_url_longer_than_a_post_where_links_count_in_full(self) -> None:
        with pytest.raises(ValueError, match="URL"):
            split_thread("see https://example.com/" + "a" * 100, "linkedin", limit=60)

    def test_limit_too_small_for_the_markers(self) -> None:
        with pytest.raises(ValueError, match="marker"):
            split_thread("one two three four five six", limit=5, numbering=True)


def test_white_space_is_what_str_split_splits_on() -> None:
    from tonecheck.split import _SPACE_RUN

    spaces = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())
    assert all(_SPACE_RUN.fullmatch(ch) for ch in spaces)
    assert not any(_SPACE_RUN.search(ch) for ch in ("\u200b", "\u180e", "\ufeff", "a", "\u0301"))


def test_a_content_warning_counts_on_every_mastodon_post() -> None:
    text = "word " * 200
    cw = "Spoilers for the final episode"
    posts = split_thread(text.strip(), "mastodon", content_warning=cw)
    venue = platforms.get("mastodon")
    assert all(platforms.measure(p, venue, content_warning=cw).over == 0 for p in posts)
    assert len(posts) > len(split_thread(text.strip(), "mastodon"))
    # Platforms that do not count the content warning are not affected.
    assert split_thread(text.strip(), "bluesky", content_warning=cw) == split_thread(text.strip(), "bluesky")
    with pytest.raises(ValueError, match="content warning alone"):
        split_thread(text, "mastodon", content_warning="c" * 500)
