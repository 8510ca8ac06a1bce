"""The shared tokeniser: entities, emoji clusters, words, sentences, lines, protected spans."""

from __future__ import annotations

from tonecheck.text import parse


def spans(tokens: list) -> list[str]:  # type: ignore[type-arg]
    return [t.text for t in tokens]


class TestEntities:
    def test_urls_mentions_hashtags_cashtags(self) -> None:
        p = parse("Hi @bob! See https://example.com/a#frag and example.org. #News $TSLA")
        assert spans(p.urls) == ["https://example.com/a#frag", "example.org"]
        assert spans(p.mentions) == ["@bob"]
        assert spans(p.hashtags) == ["#News"]
        assert spans(p.cashtags) == ["$TSLA"]

    def test_fediverse_handles(self) -> None:
        p = parse("Thanks @alice@mastodon.social and @bob.bsky.social, write to carol@example.com")
        assert spans(p.mentions) == ["@alice@mastodon.social", "@bob.bsky.social"]

    def test_unicode_hashtags(self) -> None:
        p = parse("Fête #Café #日本語 #2024 #über")
        assert spans(p.hashtags) == ["#Café", "#日本語", "#über"]


class TestEmoji:
    def test_clusters_and_names(self) -> None:
        p = parse("Go 👩‍💻 👍🏽 🇬🇧 5️⃣ ☔️ ❤ 🔥")
        assert spans(p.emoji) == ["👩‍💻", "👍🏽", "🇬🇧", "5️⃣", "☔️", "❤", "🔥"]
        names = [e.name for e in p.emoji]
        assert names[0] == "woman technologist"
        assert names[1] == "thumbs up: medium skin tone"
        assert names[2] == "flag: United Kingdom"
        assert names[3] == "keycap: 5"
        assert names[-1] == "fire"

    def test_text_symbols_are_not_emoji(self) -> None:
        p = parse("© 2024 Acme™ ↔ 5 #1 *")
        assert p.emoji == []

    def test_base_ignores_skin_tone(self) -> None:
        a, b = parse("👍🏽👍").emoji
        assert a.base == b.base

    def test_newest_emoji(self) -> None:
        p = parse("❤️‍🔥 🐦‍🔥 🫎 🧑‍🧑‍🧒")
        assert len(p.emoji) == 4


class TestWordsSentencesLines:
    def test_words_skip_entities(self) -> None:
        p = parse("Don't miss https://x.com/a-b 🎉 #BigNews with @bob, it's well-known 3.5 news")
        assert spans(p.words) == ["Don't", "miss", "with", "it's", "well-known", "3.5", "news"]

    def test_sentences(self) -> None:
        p = parse("First one. Second, e.g. this one! Third?\nFourth line\n\n  Fifth")
        assert spans(p.sentences) == ["First one.", "Second, e.g. this one!", "Third?", "Fourth line", "Fifth"]

    def test_url_dots_do_not_end_sentences(self) -> None:
        p = parse("Read example.com/a.b today. Thanks")
        assert spans(p.sentences) == ["Read example.com/a.b today.", "Thanks"]

    def test_lines(self) -> None:
        p = parse("a\r\nb\n\nc")
        assert spans(p.lines) == ["a", "b", "", "c"]

    def test_prose_keeps_offsets(self) -> None:
        text = "🎉 Go to https://a.com #Tag now"
        p = parse(text)
        assert len(p.prose) == len(text)
        assert p.prose.split() == ["Go", "to", "now"]
        assert p.is_protected(0, 1)
        assert not p.is_protected(2, 4)
        assert p.is_protected(8, 30)

    def test_reply_prefix(self) -> None:
        assert parse("@a @b thanks!").reply_prefix_end == 5
        assert parse("thanks @a").reply_prefix_end == 0
        assert parse("@a@b.social hi").reply_prefix_end == len("@a@b.social")

    def test_graphemes(self) -> None:
        assert parse("👩‍👩‍👧‍👦 é").grapheme_count == 3
        assert parse("ab\r\nc").grapheme_count == 4
