"""Vale compatibility: conformance with Vale's own expected alerts, rule semantics, loading errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tonecheck.voice.errors import ProfileError
from tonecheck.voice.vale import (
    ValeAlert,
    ValeRuleSet,
    ValeStyleError,
    combine,
    load_config,
    load_style,
    load_vocabulary,
    with_min_level,
)

FIXTURES = Path(__file__).parent / "fixtures" / "vale"
ACME = FIXTURES / "acme"


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """Vale's 1-based line and rune column of a code-point offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _style(tmp_path: Path, files: dict[str, str], name: str = "Brand") -> Path:
    folder = tmp_path / name
    folder.mkdir(parents=True, exist_ok=True)
    for file_name, body in files.items():
        (folder / file_name).write_text(body, encoding="utf-8")
    return folder


def _one(tmp_path: Path, body: str, name: str = "Rule") -> ValeRuleSet:
    return load_style(_style(tmp_path, {f"{name}.yml": body}))


def _texts(rule_set: ValeRuleSet, text: str) -> list[tuple[str, str]]:
    return [(a.rule, text[a.start : a.end]) for a in rule_set.check(text)]


# -- conformance with Vale's test suites -------------------------------------------------------


@pytest.mark.parametrize(("suite", "style"), [("write-good", "write-good"), ("vale-core", "Bugs")])
def test_alerts_equal_vales_expected_output(suite: str, style: str) -> None:
    root = FIXTURES / suite
    rule_set = load_style(root / "styles" / style)
    ours: list[str] = []
    for path in sorted(root.glob("*/test.md")):
        text = path.read_text(encoding="utf-8")
        for alert in rule_set.check(text):
            line, col = _line_col(text, alert.start)
            ours.append(f"{path.parent.name}/test.md:{line}:{col}:{alert.rule}:{alert.message}")
    expected = (root / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert sorted(ours) == sorted(expected)


def test_substitution_replace_suggestions_follow_vale() -> None:
    rule_set = load_style(FIXTURES / "vale-core" / "styles" / "Bugs")
    alerts = {(a.rule, a.suggestions) for a in rule_set.check("Mankind,, and ios.")}
    assert ("Bugs.MatchCase", ("Human kind",)) in alerts
    assert ("Bugs.Commas", (",", "...")) in alerts
    assert ("Bugs.TermCase", ("iOS",)) in alerts


def test_real_microsoft_contractions_rule() -> None:
    rule_set = load_style(FIXTURES / "microsoft" / "styles" / "Microsoft")
    text = "It is cold outside. Let's find it, wherever it is."
    [alert] = rule_set.check(text)
    assert (alert.rule, text[alert.start : alert.end]) == ("Microsoft.Contractions", "It is")
    assert alert.message == "Use 'it's' instead of 'It is'."
    assert alert.suggestions == ("it's",)
    assert alert.level == "error"
    assert alert.link == "https://docs.microsoft.com/en-us/style-guide/word-choice/use-contractions"


# -- spans -------------------------------------------------------------------------------------


def test_spans_are_code_points_after_emoji() -> None:
    rule_set = load_style(ACME / "styles" / "Acme")
    text = "👩🏽‍💻🎉 We utilize the e-mail now"
    found = {(a.rule, text[a.start : a.end]) for a in rule_set.check(text)}
    assert ("Acme.Jargon", "utilize") in found
    assert ("Acme.Terms", "e-mail") in found
    jargon = next(a for a in rule_set.check(text) if a.rule == "Acme.Jargon")
    assert jargon.start == text.index("utilize")


def test_matches_inside_urls_and_mentions_are_dropped() -> None:
    rule_set = load_style(ACME / "styles" / "Acme")
    text = "See https://example.com/utilize and ask @leverage today"
    assert [a for a in rule_set.check(text) if a.rule == "Acme.Jargon"] == []
    text2 = "We utilize https://example.com/utilize"
    assert [text2[a.start : a.end] for a in rule_set.check(text2) if a.rule == "Acme.Jargon"] == ["utilize"]


# -- each rule type ----------------------------------------------------------------------------


def test_existence_exceptions_nonword_and_message(tmp_path: Path) -> None:
    body = "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [very, really]\nexceptions: [very well]\n"
    rule_set = _one(tmp_path, body)
    # Case-sensitive tokens skip "Very"; "very" inside the multi-word exception "very well" is not
    # flagged (Vale's withinPhrase); the last "very" is.
    text = "Very good, very well and very fine"
    assert [a.start for a in rule_set.check(text)] == [text.rindex("very")]
    assert _texts(rule_set, "It was very good") == [("Brand.Rule", "very")]
    assert rule_set.check("It was very good")[0].message == "Avoid 'very'."
    assert rule_set.check("It was very good")[0].level == "warning"  # Vale's default level
    nonword = _one(tmp_path / "n", "extends: existence\nmessage: '%s'\nnonword: true\ntokens: ['!{2,}']\n")
    assert _texts(nonword, "Wow!!! ok!") == [("Brand.Rule", "!!!")]


def test_existence_is_case_sensitive_unless_ignorecase(tmp_path: Path) -> None:
    rule_set = _one(tmp_path, "extends: existence\nmessage: x\ntokens: [Acme]\n")
    assert _texts(rule_set, "acme and Acme") == [("Brand.Rule", "Acme")]


def test_substitution_regex_keys_group_refs_and_alternatives(tmp_path: Path) -> None:
    body = (
        "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nignorecase: true\n"
        "swap:\n  '(\\w+)-able': $1able\n  utilise|utilize: use\n  log in to: sign in to|log into\n"
    )
    rule_set = _one(tmp_path, body)
    alerts = rule_set.check("Please utilise it. Log in to the share-able page.")
    by_text = {"Please utilise it. Log in to the share-able page."[a.start : a.end]: a for a in alerts}
    assert by_text["utilise"].message == "Use 'use' instead of 'utilise'."
    assert by_text["share-able"].message == "Use 'shareable' instead of 'share-able'."
    assert by_text["Log in to"].suggestions == ("sign in to", "log into")


def test_substitution_skips_text_already_in_the_expected_form(tmp_path: Path) -> None:
    rule_set = _one(
        tmp_path, "extends: substitution\nmessage: '%s not %s'\nignorecase: true\nswap:\n  github: GitHub\n"
    )
    assert _texts(rule_set, "GitHub and Github") == [("Brand.Rule", "Github")]


def test_occurrence_max_and_min(tmp_path: Path) -> None:
    excl = load_style(ACME / "styles" / "Acme")
    [alert] = [a for a in excl.check("Great!! Really.") if a.rule == "Acme.Excl"]
    assert alert.message == "More than 2 exclamation marks."
    low = _one(tmp_path, "extends: occurrence\nmessage: 'Only %s words.'\nmin: 5\ntoken: '\\b\\w+\\b'\n")
    [short] = low.check("Too short.")
    assert (short.start, short.end, short.message) == (0, 3, "Only 2 words.")  # Vale marks the first match
    none = _one(tmp_path / "z", "extends: occurrence\nmessage: 'Needs a link (%s).'\nmin: 1\ntoken: 'https?://'\n")
    [missing] = none.check("No link here.")
    assert (missing.start, missing.end, missing.message) == (0, 13, "Needs a link (0).")


def test_repetition_and_sentence_boundaries(tmp_path: Path) -> None:
    rule_set = load_style(ACME / "styles" / "Acme")
    assert ("Acme.Rep", "the the") in _texts(rule_set, "Go to the the shop")
    rep = _one(tmp_path, "extends: repetition\nmessage: x\nignorecase: true\nalpha: true\ntokens: ['[^\\s.!?]+']\n")
    assert _texts(rep, "I like that. That is all.") == []
    assert _texts(rep, "That that is") == [("Brand.Rule", "That that")]


def test_conditional_acronym_must_be_defined() -> None:
    rule_set = load_style(ACME / "styles" / "Acme")
    text = "The World Health Organization (WHO) met. WHO and NASA agreed. USA too."
    found = [t for r, t in _texts(rule_set, text) if r == "Acme.Acr"]
    assert found == ["NASA"]


def test_conditional_presence_without_group(tmp_path: Path) -> None:
    body = "extends: conditional\nmessage: \"'%s' needs a link\"\nfirst: '\\bdocs\\b'\nsecond: 'https?://'\n"
    rule_set = _one(tmp_path, body)
    assert _texts(rule_set, "Read the docs.") == [("Brand.Rule", "docs")]
    assert _texts(rule_set, "Read the docs: https://x.org") == []


def test_consistency_reports_the_first_occurrence_of_the_later_form() -> None:
    rule_set = load_style(ACME / "styles" / "Acme")
    text = "My adviser and my advisor. Another advisor."
    [alert] = [a for a in rule_set.check(text) if a.rule == "Acme.Cons"]
    assert text[alert.start : alert.end] == "advisor"
    assert alert.start == text.index("advisor")


def test_capitalization_sentence_title_and_case_variables(tmp_path: Path) -> None:
    rule_set = load_style(ACME / "styles" / "Acme")
    assert [t for r, t in _texts(rule_set, "This Is Not Sentence Case. This is fine.") if r == "Acme.Caps"] == [
        "This Is Not Sentence Case."
    ]
    title = _one(
        tmp_path,
        "extends: capitalization\nmessage: '%s'\nmatch: $title\naction:\n  name: replace\n",
    )
    [alert] = title.check("The art of war and peace")
    assert alert.suggestions == ("The Art of War and Peace",)
    assert title.check("The Art of War and Peace") == []
    upper = _one(tmp_path / "u", "extends: capitalization\nmessage: '%s'\nmatch: $upper\n")
    assert upper.check("ALL CAPS") == []
    assert len(upper.check("Not caps")) == 1


def test_readability_and_metric(tmp_path: Path) -> None:
    hard = (
        "Notwithstanding considerable organisational complexity, interdisciplinary collaboration "
        "fundamentally necessitates comprehensive institutional accountability mechanisms."
    )
    grade = _one(tmp_path, "extends: readability\nmessage: 'Grade %s'\nmetrics: [Flesch-Kincaid]\ngrade: 8\n")
    [alert] = grade.check(hard)
    assert alert.message.startswith("Grade ") and float(alert.message.split()[1]) > 8
    assert (alert.start, alert.end) == (0, len(hard))
    assert grade.check("I like it. It is fun.") == []
    metric = _one(
        tmp_path / "m",
        "extends: metric\nmessage: 'Too long: %s'\nformula: words / sentences\ncondition: '> 5'\n",
    )
    assert [a.message for a in metric.check("One two three four five six seven.")] == ["Too long: 7.00"]
    assert metric.check("Short one.") == []


def test_metric_formula_with_math_and_logic(tmp_path: Path) -> None:
    body = (
        "extends: metric\nmessage: '%s'\n"
        "formula: 'math.sqrt(polysyllabic_words * 30 / sentences) + (heading.h1 * 0)'\ncondition: '>= 0 && 1 < 2'\n"
    )
    rule_set = _one(tmp_path, body)
    assert len(rule_set.check("Beautiful elephants everywhere.")) == 1


def test_limit_keeps_the_first_alerts(tmp_path: Path) -> None:
    rule_set = _one(tmp_path, "extends: existence\nmessage: x\nlimit: 1\ntokens: [foo]\n")
    assert [a.start for a in rule_set.check("foo foo foo")] == [0]


def test_markup_scopes_load_but_never_fire_and_sentence_scope_works(tmp_path: Path) -> None:
    rule_set = load_style(ACME / "styles" / "Markup")
    assert rule_set.inactive == ("Markup.Headings",)
    assert rule_set.check("this Heading Is Odd") == []
    sentence = _one(tmp_path, "extends: occurrence\nmessage: x\nscope: sentence\nmax: 3\ntoken: '\\w+'\n")
    text = "One two. One two three four five."
    [alert] = sentence.check(text)
    assert alert.start == text.index("One two three")


# -- vocabularies and configs ------------------------------------------------------------------


def test_vocabulary_terms_and_avoid() -> None:
    vocab = load_vocabulary(ACME / "styles" / "config" / "vocabularies" / "Brand")
    text = "Try Tonecheck with mongodb for synergy. #hashtagword"
    found = {(a.rule, text[a.start : a.end], a.message) for a in vocab.check(text)}
    assert ("Vale.Terms", "Tonecheck", "Use 'tonecheck' instead of 'Tonecheck'.") in found
    assert ("Vale.Avoid", "synergy", "Avoid using 'synergy'.") in found
    assert not any(t == "mongodb" for _, t, _ in found)  # "(?i)MongoDB" accepts any case
    assert not any(r == "Vale.Avoid" and "hashtagword" in t for r, t, _ in found)  # "#..." is a term, not "# "
    assert all(a.level == "error" for a in vocab.check(text))


def test_accepted_terms_become_exceptions_when_combined() -> None:
    style = load_style(ACME / "styles" / "Acme")
    vocab = load_vocabulary(ACME / "styles" / "config" / "vocabularies" / "Brand")
    text = "We leverage data"
    assert ("Acme.Jargon", "leverage") in _texts(style, text)
    assert ("Acme.Jargon", "leverage") not in _texts(combine(style, vocab), text)


def test_config_levels_switches_vocab_and_builtins() -> None:
    rule_set = load_config(ACME / ".vale.ini")
    assert "Acme.Caps" in rule_set.disabled
    text = "we utilize synergy and the the tonecheck things"
    alerts = {a.rule: a for a in rule_set.check(text)}
    assert alerts["Acme.Jargon"].level == "error"  # Acme.Jargon = error
    assert "Vale.Avoid" in alerts
    assert "Vale.Repetition" in alerts or "Acme.Rep" in alerts
    assert "Acme.Caps" not in alerts
    assert rule_set.unsupported == ()


def test_config_min_level_and_with_min_level() -> None:
    rule_set = with_min_level(load_config(ACME / ".vale.ini"), "error")
    assert {a.level for a in rule_set.check("we utilize e-mail")} == {"error"}
    with pytest.raises(ValueError, match="min-level"):
        with_min_level(rule_set, "fatal")


def test_config_without_txt_section_uses_markdown_sections() -> None:
    rule_set = load_config(ACME / "md-only.ini")
    assert any("no section applies to plain text" in n for n in rule_set.notes)
    assert "Acme.Grade" in rule_set.disabled
    assert any(a.rule == "Acme.Jargon" for a in rule_set.check("We utilize it"))


def test_config_reports_spelling_and_unsupported_settings(tmp_path: Path) -> None:
    ini = tmp_path / ".vale.ini"
    ini.write_text(f"StylesPath = {ACME / 'styles'}\nPackages = Google\n\n[*]\nBasedOnStyles = Vale\n")
    with pytest.raises(ValeStyleError) as info:
        load_config(ini)
    assert len(info.value.problems) == 2
    assert "Packages" in str(info.value) and "Vale.Spelling" in str(info.value)
    relaxed = load_config(ini, strict=False)
    assert len(relaxed.unsupported) == 2
    assert any(r.id == "Vale.Repetition" for r in relaxed.rules)


def test_config_errors_name_the_line(tmp_path: Path) -> None:
    ini = tmp_path / ".vale.ini"
    ini.write_text("StylesPath = styles\nMinAlertLevel = loud\n[*]\nBasedOnStyles = Nope\nFoo.Bar = maybe\n")
    with pytest.raises(ProfileError) as info:
        load_config(ini)
    message = str(info.value)
    assert "line 2: MinAlertLevel" in message
    assert "line 5: Foo.Bar" in message
    assert "style 'Nope' does not exist" in message


# -- loading errors ----------------------------------------------------------------------------


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as info:
        _one(tmp_path, "extends: existence\nmessage: x\ntokens: [a, b\nlevel: error\n")
    assert info.value.source.endswith("Rule.yml")
    assert info.value.where is not None and info.value.where.startswith("line ")


def test_unknown_key_is_an_error_naming_file_and_key(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as info:
        _one(tmp_path, "extends: existence\nmessage: x\ntokens: [a]\nignorecas: true\n")
    assert info.value.where == "line 4: ignorecas"
    assert "unknown key 'ignorecas'" in info.value.message


def test_keys_are_case_insensitive_and_weakly_typed(tmp_path: Path) -> None:
    rule_set = _one(tmp_path, "extends: existence\nmessage: x\nIgnoreCase: 'true'\ntokens: foo\nlimit: '2'\n")
    assert _texts(rule_set, "FOO") == [("Brand.Rule", "FOO")]


def test_yes_and_no_are_strings_as_in_vale(tmp_path: Path) -> None:
    rule_set = _one(tmp_path, "extends: substitution\nmessage: '%s'\nswap:\n  yes: yeah\n  no: nope\n")
    assert {t for _, t in _texts(rule_set, "yes or no")} == {"yes", "no"}


@pytest.mark.parametrize("kind", ["sequence", "script", "spelling"])
def test_unsupported_types_are_reported(tmp_path: Path, kind: str) -> None:
    folder = _style(
        tmp_path,
        {"Odd.yml": f"extends: {kind}\nmessage: x\n", "Ok.yml": "extends: existence\nmessage: x\ntokens: [a]\n"},
    )
    with pytest.raises(ProfileError) as info:
        load_style(folder)
    assert f"rule type '{kind}' is not supported by tonecheck" in str(info.value)
    assert "Odd.yml" in str(info.value)
    relaxed = load_style(folder, strict=False)
    assert relaxed.ids == ("Brand.Ok",)
    assert len(relaxed.unsupported) == 1 and "Odd.yml" in relaxed.unsupported[0]


def test_unknown_type_and_missing_keys(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="'extends' must be one of"):
        _one(tmp_path, "extends: existance\nmessage: x\n")
    with pytest.raises(ProfileError, match="missing the required 'extends' key"):
        _one(tmp_path / "a", "message: x\n")
    with pytest.raises(ProfileError, match="missing the required 'message' key"):
        _one(tmp_path / "b", "extends: existence\ntokens: [a]\n")
    with pytest.raises(ProfileError, match="'level' must be one of"):
        _one(tmp_path / "c", "extends: existence\nmessage: x\nlevel: fatal\ntokens: [a]\n")


def test_bad_regex_names_the_key(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as info:
        _one(tmp_path, "extends: existence\nmessage: x\ntokens: ['(unclosed']\n")
    assert info.value.where == "line 3: tokens"
    assert "invalid regular expression" in info.value.message


def test_unknown_metric_variable(tmp_path: Path) -> None:
    with pytest.raises(ProfileError) as info:
        _one(tmp_path, "extends: metric\nmessage: x\nformula: words / paragraph_count\ncondition: '> 2'\n")
    assert info.value.where == "line 3: formula"
    assert "unknown metric variable 'paragraph_count'" in info.value.message


def test_formula_rejects_code(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="only math"):
        _one(tmp_path, "extends: metric\nmessage: x\nformula: __import__('os').getcwd()\ncondition: '> 2'\n")


def test_unknown_readability_metric_and_inline_scope(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="unknown metric 'LIX'"):
        _one(tmp_path, "extends: readability\nmessage: x\nmetrics: [LIX]\ngrade: 8\n")
    with pytest.raises(ProfileError, match="scope 'code' is not supported; use 'raw' instead"):
        _one(tmp_path / "s", "extends: existence\nmessage: x\nscope: code\ntokens: [a]\n")


def test_a_style_reports_all_problems_at_once(tmp_path: Path) -> None:
    folder = _style(
        tmp_path,
        {
            "A.yml": "extends: existence\nmessage: x\nbogus: 1\ntokens: [a]\n",
            "B.yml": "extends: existence\nmessage: x\ntokens: ['[']\n",
            "C.yml": "extends: existence\nmessage: x\ntokens: [c]\n",
        },
    )
    with pytest.raises(ValeStyleError) as info:
        load_style(folder)
    assert len(info.value.problems) == 2
    assert {Path(p.source).name for p in info.value.problems} == {"A.yml", "B.yml"}


def test_vocabulary_bad_regex_names_the_line(tmp_path: Path) -> None:
    folder = tmp_path / "Vocab"
    folder.mkdir()
    (folder / "accept.txt").write_text("# comment\nGood\nbad[\n")
    with pytest.raises(ProfileError) as info:
        load_vocabulary(folder)
    assert info.value.where == "line 3"
    assert info.value.source.endswith("accept.txt")


def test_yaml_files_are_noted_not_loaded(tmp_path: Path) -> None:
    folder = _style(tmp_path, {"A.yaml": "extends: existence\nmessage: x\ntokens: [a]\n"})
    rule_set = load_style(folder)
    assert rule_set.rules == () and "only loads rule files ending in .yml" in rule_set.notes[0]


def test_alert_is_a_frozen_value() -> None:
    alert = ValeAlert("A.B", 0, 1, "m", "warning")
    assert alert.match == (0, 1) and alert.suggestions == () and alert.link is None
