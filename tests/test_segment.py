"""tonecheck.segment: the word-pair model that hashtag-camel-case reads hashtags with."""

from __future__ import annotations

from tonecheck import segment


def test_the_table_loads_words_and_pairs() -> None:
    model = segment.model()
    assert model.unigrams["the"] > model.unigrams["therapist"] > 4.0
    assert "good_morning" in model.bigrams
    # Words the 2006 counts lack come from wordfreq.
    assert "instagram" in model.unigrams


def test_a_known_pair_is_more_likely_than_its_words_alone() -> None:
    model = segment.model()
    with_pair = model.word("morning", "good")
    alone = model.word("morning", None)
    assert with_pair is not None and alone is not None and with_pair > alone
    assert model.word("qzxv", None) is None


def test_readings_rank_the_phrase_first() -> None:
    best = segment.readings("socialmediatips")[0]
    assert best.words == ("social", "media", "tips")


def test_a_single_word_beats_its_parts() -> None:
    ranked = segment.readings("nakedness")
    assert ranked[0].words == ("nakedness",)
    assert ranked == tuple(sorted(ranked, key=lambda r: -r.score))


def test_an_unknown_run_is_still_a_reading_of_itself() -> None:
    ranked = segment.readings("qzxvqzxv")
    assert ranked[0].words == ("qzxvqzxv",)
    assert ranked[0].score == segment.model().unknown("qzxvqzxv")


def test_a_long_run_is_read_in_one_pass() -> None:
    run = "youthinkimkiddingimseriousiamhavingmeatloafwithdrawals" * 2
    best = segment.readings(run)[0]
    assert "".join(best.words) == run
    assert len(best.words) > 10
