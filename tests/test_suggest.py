from tonecheck.suggest import closest, did_you_mean


def test_typo_finds_the_name() -> None:
    assert closest("plaform", ["platform", "text", "media"]) == ["platform"]


def test_missing_hyphen_finds_the_rule() -> None:
    assert closest("hashtag-camelcase", ["hashtag-camel-case", "hashtag-count"])[0] == "hashtag-camel-case"


def test_case_is_ignored_and_original_spelling_returned() -> None:
    assert closest("MASTODON", ["mastodon", "x"]) == ["mastodon"]


def test_nothing_close_gives_no_hint() -> None:
    assert did_you_mean("zzz", ["platform"]) == ""
    assert did_you_mean("", ["platform"]) == ""


def test_hint_names_up_to_three() -> None:
    hint = did_you_mean("alt", ["alt", "alt-text", "alt_text", "salt"])
    assert hint.startswith(" Did you mean 'alt'")
    assert hint.count("'") <= 6
