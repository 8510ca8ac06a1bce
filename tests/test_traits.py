"""Tone traits: orderings on realistic pairs, exact evidence spans, invariants, VADER parity, the corpus."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import corpus as corpora
from tonecheck.text import parse
from tonecheck.voice import traits
from tonecheck.voice.traits import TRAITS, Evidence, Trait, describe_scale, measure

BANK_NOTICE = (
    "Customers are advised that all branches will be closed on 25 and 26 December. Online banking remains "
    "available. We apologise for any inconvenience caused."
)
BANK_TERMS = (
    "Please be advised that, in accordance with our terms and conditions, accounts that remain inactive for a "
    "period in excess of 12 months may be subject to closure."
)
CHATTY_BRAND = "We're so excited!!! You'll LOVE this 😍 Our new summer range is here 🎉🎉"
COUNCIL_PLAIN = "You can now apply for a garden waste permit online. It takes 5 minutes. Apply today on our website."
COUNCIL_FORMAL = (
    "Applications for the hardship fund may be submitted via the council website prior to 31 March. "
    "Applicants are required to provide proof of residence."
)
ROADS_NOTICE = (
    "Roads will be closed between 9am and 5pm on Sunday for the marathon. "
    "Buses will be diverted via the high street."
)
THANKS = "Thank you so much for all your lovely messages ❤️ We couldn't have done it without you!"
APOLOGY = (
    "We are sorry for the delay to your order. We know this is frustrating and annoying, and it is not good enough."
)


def _value(text: str, name: str) -> int:
    value = measure(parse(text))[name].value
    assert value is not None, (name, text)
    return value


def _spans(text: str, name: str, label: str | None = None) -> list[str]:
    return [text[e.start : e.end] for e in measure(parse(text))[name].evidence if label is None or e.label == label]


# ---- realistic pairs that must order correctly ------------------------------------------------------------

HIGHER_LOWER = [
    pytest.param("formality", BANK_NOTICE, CHATTY_BRAND, id="formality: bank notice > chatty brand post"),
    pytest.param("formality", BANK_TERMS, COUNCIL_PLAIN, id="formality: bank terms > plain council post"),
    pytest.param("formality", COUNCIL_FORMAL, COUNCIL_PLAIN, id="formality: formal council notice > plain one"),
    pytest.param("energy", CHATTY_BRAND, ROADS_NOTICE, id="energy: excited brand post > road notice"),
    pytest.param(
        "energy",
        "Big news!! Our new library opens TOMORROW and it's amazing 🎉",
        "Our new library opens tomorrow at 9am.",
        id="energy: exclamation marks, capitals and party popper > plain statement",
    ),
    pytest.param(
        "confidence", "This helps you save time every single month.",
        "We think this might maybe help you save time every month.",
        id="confidence: plain statement > hedged statement",
    ),
    pytest.param(
        "confidence",
        "This will definitely help you save time every month.",
        "This will help you save time every month.",
        id="confidence: certainty word > plain statement",
    ),
    pytest.param(
        "directness", "You can apply for a grant today on our website.",
        "Applications for a grant may be submitted today on our website.",
        id="directness: 'you can apply' > passive",
    ),
    pytest.param("directness", COUNCIL_PLAIN, COUNCIL_FORMAL, id="directness: instructions and 'you' > impersonal"),
    pytest.param("warmth", THANKS, APOLOGY, id="warmth: thank-you post > apology"),
    pytest.param("warmth", THANKS, ROADS_NOTICE, id="warmth: thank-you post > neutral notice"),
    pytest.param("plainness", COUNCIL_PLAIN, BANK_TERMS, id="plainness: short sentences > long legal sentence"),
    pytest.param("plainness", COUNCIL_PLAIN, COUNCIL_FORMAL, id="plainness: everyday words > long words"),
]


@pytest.mark.parametrize(("name", "higher", "lower"), HIGHER_LOWER)
def test_realistic_pairs_order(name: str, higher: str, lower: str) -> None:
    assert _value(higher, name) > _value(lower, name)


def test_neutral_notice_sits_at_the_neutral_points() -> None:
    result = measure(parse("The library reopens on 3 April with longer opening hours for everyone."))
    assert result["formality"].value == 50
    assert result["warmth"].value == 50
    assert result["energy"].value == 0
    assert result["confidence"].value == 75
    assert result["directness"].value == 50


# ---- evidence: exact spans and labels ---------------------------------------------------------------------


def test_formality_evidence() -> None:
    assert _spans(BANK_NOTICE, "formality") == ["Customers are advised", "inconvenience"]
    result = measure(parse(CHATTY_BRAND))["formality"]
    assert [(CHATTY_BRAND[e.start : e.end], e.label, e.effect) for e in result.evidence] == [
        ("We're", "contraction", -1),
        ("You'll", "contraction", -1),
        ("😍", "emoji", -1),
        ("🎉🎉", "emoji", -1),
    ]
    assert result.detail == "2 contractions and 2 emoji in 12 words."


def test_formal_words_from_the_plain_words_list_and_latinate_nouns() -> None:
    text = "We will utilise the funding in order to commence the consultation and improve the application process."
    assert _spans(text, "formality") == ["utilise", "in order to", "commence", "consultation", "application"]
    labels = {e.label for e in measure(parse(text))["formality"].evidence}
    assert labels == {"formal word", "long Latin-based word"}


def test_energy_evidence() -> None:
    result = measure(parse(CHATTY_BRAND))["energy"]
    assert [(CHATTY_BRAND[e.start : e.end], e.label) for e in result.evidence] == [
        ("so", "intensifier"),
        ("excited", "excited word"),
        ("!!!", "run of exclamation marks"),
        ("LOVE", "word in capitals"),
        ("😍", "lively emoji"),
        ("🎉", "lively emoji"),
        ("🎉", "lively emoji"),
    ]
    assert result.value == 100


def test_confidence_evidence() -> None:
    text = "We think this might maybe help, but we're not sure yet. Of course we'll keep you posted."
    result = measure(parse(text))["confidence"]
    assert [(text[e.start : e.end], e.label, e.effect) for e in result.evidence] == [
        ("We think", "hedge", -1),
        ("might", "hedge", -1),
        ("maybe", "hedge", -1),
        ("not sure", "hedge", -1),
        ("Of course", "certainty word", 1),
    ]
    assert result.detail == "4 hedges and 1 certainty word in 17 words."


def test_directness_evidence() -> None:
    assert _spans(COUNCIL_PLAIN, "directness") == ["You", "Apply"]
    assert _spans(COUNCIL_FORMAL, "directness") == ["be submitted", "Applicants are required"]
    assert _spans(ROADS_NOTICE, "directness", "passive verb") == ["be closed", "be diverted"]


def test_warmth_evidence_words_emoji_and_negation() -> None:
    text = "Thank you for the lovely flowers 💐 but the delivery was not good and very late 😞 today."
    result = measure(parse(text))["warmth"]
    found = [(text[e.start : e.end], e.label, e.effect) for e in result.evidence]
    assert ("Thank", "positive word", 1) in found
    assert ("lovely", "positive word", 1) in found
    assert ("good", "negated positive word", -1) in found
    assert ("😞", "negative emoji", -1) in found
    assert result.detail.startswith("Sentiment ")


def test_plainness_evidence() -> None:
    result = measure(parse(BANK_TERMS))["plainness"]
    spans = [BANK_TERMS[e.start : e.end] for e in result.evidence]
    assert spans[0].startswith("Please be advised") and spans[0].endswith("closure")
    assert "accordance" in spans and "conditions" in spans
    assert {e.label for e in result.evidence} == {"long sentence", "long word"}
    assert result.detail == "27 words a sentence and 7 long words (26%) in 27 words: LIX 53."


def test_spans_after_astral_emoji() -> None:
    text = "🎉👩🏽‍💻🇬🇧 We're thrilled!!! You'll maybe love it 😍 👏🏽 👌🏽"
    result = measure(parse(text))
    assert _spans(text, "formality", "contraction") == ["We're", "You'll"]
    assert _spans(text, "formality", "emoji") == ["🎉👩🏽‍💻🇬🇧", "😍 👏🏽 👌🏽"]
    assert _spans(text, "confidence") == ["maybe"]
    assert _spans(text, "energy", "run of exclamation marks") == ["!!!"]
    assert _spans(text, "energy", "lively emoji") == ["🎉", "😍", "👏🏽"]
    assert _spans(text, "directness") == ["You'll"]
    warm = {text[e.start : e.end]: e.label for e in result["warmth"].evidence}
    assert warm["thrilled"] == "positive word"
    assert warm["😍"] == "positive emoji"
    assert warm["👌🏽"] == "positive emoji"  # VADER reads "OK hand" as "ok": the whole cluster is the evidence


def test_evidence_skips_links_handles_and_hashtags() -> None:
    text = "@maybe_we_think Read https://example.com/you-might-love-this #YouWillLoveIt today, it's free."
    for name in TRAITS:
        for e in measure(parse(text))[name].evidence:
            assert not parse(text).is_protected(e.start, e.end) or name == "warmth", (name, text[e.start : e.end])
    assert _spans(text, "confidence") == []


# ---- precision: what must NOT count ---------------------------------------------------------------------

NO_PASSIVE = [
    "We are excited to announce our new opening hours for the summer.",
    "I'm really interested in the new community garden project here.",
    "The office is closed on Monday for the bank holiday weekend.",
    "Our new app is set to launch next week across the whole country.",
    "She's taken the new job at the library and starts on Monday.",
    "It's changed my life and I want to thank everyone who helped.",
    "Get started with your new account in three easy steps today.",
    "The staff are fed up with the new rules about parking here.",
    "We are committed to making our services easier for everyone.",
    "They are indeed the best team in the league by a long way this year.",
]


@pytest.mark.parametrize("text", NO_PASSIVE)
def test_not_passive(text: str) -> None:
    assert _spans(text, "directness", "passive verb") == []


PASSIVE = [
    ("Roads will be closed on Sunday for the city marathon this year.", "be closed"),
    ("Tonight's event has been cancelled because of the storm warning.", "been cancelled"),
    ("The new bridge was built by local engineers in just two years.", "was built"),
    ("It's written by a local author and illustrated by her son.", "It's written"),
    ("Your bin is not collected on bank holidays, so please check first.", "is not collected"),
    ("Three people got hurt in the crash on the ring road this morning.", "got hurt"),
]


@pytest.mark.parametrize(("text", "span"), PASSIVE)
def test_passive(text: str, span: str) -> None:
    assert _spans(text, "directness", "passive verb") == [span]


@pytest.mark.parametrize(
    "text",
    [
        "The festival starts on 5 May in the town park with live music.",
        "What kind of events would you like to see in the park this summer?",
        "We just launched our new website with a map of every bus stop.",
        "Help is available for anyone who needs it over the winter months.",
        "May I ask everyone to keep the noise down after ten at night?",
        "The bombs fell on the city in may 2015 and nobody was held to account.",
    ],
)
def test_no_hedge(text: str) -> None:
    assert _spans(text, "confidence", "hedge") == []


def test_just_as_a_softener_is_a_hedge() -> None:
    assert _spans("Just wanted to say thank you to everyone who came along today.", "confidence") == ["Just wanted"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Help us keep the park clean by taking your litter home with you.", ["Help"]),
        ("Help is available for anyone who needs it over the winter months.", []),
        ("Update your app today to get the new timetable and live arrivals.", ["Update"]),
        ("Please call us on 0800 123 456 if your bin was not emptied today.", ["Please call"]),
        ("Thank you to everyone who came to the fun day in the park on Sunday.", []),
    ],
)
def test_instructions(text: str, expected: list[str]) -> None:
    assert _spans(text, "directness", "instruction") == expected


def test_names_and_acronyms_are_not_signs() -> None:
    text = "The NHS and BBC will cover the Super Bowl in the Information Centre on Monday."
    result = measure(parse(text))
    assert result["energy"].evidence == ()
    assert result["formality"].evidence == ()


def test_hesitation_is_not_energy() -> None:
    assert _spans("Hmmm not sure about the new bus timetable at all tbh", "energy") == []
    assert _spans("Sooo happy with the new bus timetable, yesss", "energy") == ["Sooo", "yesss"]


def test_organisational_words_are_not_negative() -> None:
    # VADER reads "waste", "empty" and "leave" as negative; in a council post they are neutral.
    text = "Please leave your garden waste bin out by 7am and we will empty it on Tuesday."
    assert measure(parse(text))["warmth"].value == 50


def test_fire_emoji_is_energy_not_negative_warmth() -> None:
    text = "Our summer menu is finally here and it is a treat 🔥🔥"
    result = measure(parse(text))
    assert _spans(text, "energy", "lively emoji") == ["🔥", "🔥"]
    assert all(e.effect > 0 for e in result["warmth"].evidence)


# ---- invariants -------------------------------------------------------------------------------------------


def test_too_short_gives_none_with_a_reason() -> None:
    result = measure(parse("Great news! 🎉 #launch @acme https://acme.com/launch"))
    assert set(result) == set(TRAITS)
    for trait in result.values():
        assert trait.value is None
        assert trait.evidence == ()
        assert trait.detail == "Too short to judge: 2 words, and tone needs at least 6."


def test_numbers_do_not_count_as_words() -> None:
    assert measure(parse("Open 9 to 5, 7 days a week, 365"))["warmth"].value is None


def test_other_languages_give_none() -> None:
    result = measure(parse("Nous sommes ravis de vous annoncer notre nouvelle collection."), "fr")
    assert all(t.value is None and "English only" in t.detail for t in result.values())
    assert measure(parse(COUNCIL_PLAIN), "en-GB")["plainness"].value is not None


def test_result_is_cached_on_the_parsed_text() -> None:
    parsed = parse(COUNCIL_PLAIN)
    first = measure(parsed)
    assert parsed.cache["voice.traits"] is first
    assert measure(parsed) is first
    assert measure(parsed, "de")["warmth"].value is None  # another language is measured again


def test_describe_scale() -> None:
    for name in TRAITS:
        line = describe_scale(name)
        assert "0" in line and "100" in line and "\n" not in line
    with pytest.raises(KeyError, match="unknown tone trait"):
        describe_scale("sarcasm")


def test_public_types() -> None:
    trait = measure(parse(COUNCIL_PLAIN))["directness"]
    assert isinstance(trait, Trait) and trait.name == "directness"
    assert all(isinstance(e, Evidence) for e in trait.evidence)
    with pytest.raises(AttributeError):
        trait.value = 3  # type: ignore[misc]


def _check_invariants(text: str) -> None:
    result = measure(parse(text))
    assert list(result) == list(TRAITS)
    for name, trait in result.items():
        assert trait.name == name
        assert trait.detail and "\n" not in trait.detail
        if trait.value is None:
            assert trait.evidence == ()
            continue
        assert 0 <= trait.value <= 100
        for e in trait.evidence:
            assert 0 <= e.start < e.end <= len(text), (name, e)
            assert e.effect in (-1, 1)
            assert e.label in traits._PLURALS, e.label
        assert list(trait.evidence) == sorted(trait.evidence, key=lambda e: (e.start, e.end))


_WORDS = [
    "we", "you", "your", "we're", "don't", "maybe", "might", "think", "definitely", "so", "very", "excited",
    "amazing", "LOVE", "NHS", "is", "are", "was", "been", "closed", "advised", "customers", "utilise", "prior",
    "to", "apply", "Apply", "Help", "us", "the", "a", "new", "library", "application", "lol", "hey", "good", "bad",
    "not", "but", "no", "kind", "of", "just", "wanted", "sooo", "please", "😍", "🎉", "🔥", "👏🏽", "❤️", "!",
    "!!!", ".", ",", "?", "\n", "#tag", "@user", "https://x.co/a", "May", "may", "I", "it's", "being", "built",
]
_draft_like = st.lists(st.sampled_from(_WORDS), min_size=0, max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_draft_like)
def test_invariants_on_draft_like_text(text: str) -> None:
    _check_invariants(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_invariants_on_any_unicode(text: str) -> None:
    _check_invariants(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_draft_like)
def test_adding_a_hedge_never_raises_confidence(text: str) -> None:
    before = measure(parse(text + "."))["confidence"].value
    after = measure(parse(text + ".\nMaybe."))["confidence"].value  # a line break: "no. Maybe" reads as "No. 5"
    if before is not None:
        assert after is not None and after <= before


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_draft_like)
def test_adding_a_contraction_never_raises_formality(text: str) -> None:
    before = measure(parse(text + "."))["formality"].value
    after = measure(parse(text + ".\nIt's."))["formality"].value
    if before is not None:
        assert after is not None and after <= before


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_draft_like)
def test_adding_an_exclamation_mark_never_lowers_energy(text: str) -> None:
    before = measure(parse(text + " ."))["energy"].value
    after = measure(parse(text + " !"))["energy"].value
    if before is not None:
        assert after is not None and after >= before


# ---- VADER parity -------------------------------------------------------------------------------------------

VADER_SENTENCES = [
    "VADER is smart, handsome, and funny.",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.",
    "At least it isn't a horrible book.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today only kinda sux! But I'll get by, lol",
    "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "Not bad at all",
    "Sentiment analysis has never been this good!",
    "With VADER, sentiment analysis is the shit!",
    "Without a doubt, excellent idea.",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "No no no, not good, no way, nor great.",
    "good but good but bad, but good good ?? !! ????",
    "😀😀x😀 ok😁",
    "",
    "   ",
]


@pytest.mark.parametrize("text", VADER_SENTENCES)
def test_vader_port_matches_polarity_scores(text: str) -> None:
    expected = traits._analyzer().polarity_scores(text)["compound"]
    assert traits._vader_scores(text)[0] == expected


# The built-in corpus on every clone, TweetEval's real posts too when ../shared has them (tests/corpus.py).
@pytest.mark.parametrize("corpus", corpora.available(), ids=lambda c: c.name)
def test_whole_corpus(corpus: corpora.Corpus) -> None:
    analyzer = traits._analyzer()
    data = traits._data()
    posts = corpus.posts
    assert len(posts) > {"tweeteval": 12_000}.get(corpus.name, 4_000)
    judged = 0
    for post in posts:
        parsed = parse(post)
        result = measure(parsed)
        judged += result["warmth"].value is not None
        for name, trait in result.items():
            assert trait.value is None or 0 <= trait.value <= 100, (name, post)
            for e in trait.evidence:
                assert 0 <= e.start < e.end <= len(post)
        prepared = traits._vader_input(parsed, data.skip_emoji, data.neutral_words)[0]
        assert traits._vader_scores(prepared)[0] == analyzer.polarity_scores(prepared)["compound"], post
    # Warmth is judged for most posts (it needs a few words): 11,016 of TweetEval's, 76% of the built-in ones.
    assert judged > {"tweeteval": 10_000}.get(corpus.name, len(posts) * 6 // 10)
