"""Grammar and spelling against a real LanguageTool server (6.6, started by ``make languagetool-start``).

What LanguageTool finds is its own business; these tests check what tonecheck does with it: spans in code
points after astral emoji, ZWJ sequences and CJK; nothing inside hashtags, handles, links, cashtags or
emoji; accepted words and profile brands left alone; the language variant passed on; and the ``/v2``
API of ``tonecheck serve`` relaying real matches merged with tonecheck's, read by language_tool_python.
Expectations are LanguageTool 6.6's observed answers (its English rules, with the pinned version).
"""

from __future__ import annotations

import os
import subprocess
import urllib.parse
from pathlib import Path

import pytest

import tonecheck
from tests.grammar_real.conftest import TIMEOUT, raw_matches
from tests.server.conftest import start_server
from tonecheck.model import Category
from tonecheck.offsets import OffsetMap
from tonecheck.text import parse

pytestmark = pytest.mark.languagetool

ROOT = Path(__file__).resolve().parents[2]

#: Misspelt words inside every kind of social entity, with emoji (astral, ZWJ, skin tone, flag) between.
SOCIAL = (
    "Thx @recievr for the #tehbest #wrongspeling tips $TSLAA 🤦‍♀️ see https://exmpl.co/teh-recieve "
    "👩🏽‍💻 and www.recieveit.io 🇬🇧"
)


def _grammar(report: tonecheck.Report) -> list[tonecheck.Finding]:
    return [f for f in report.findings if f.category is Category.GRAMMAR]


def _flagged(text: str, report: tonecheck.Report) -> list[tuple[str, str]]:
    return [(f.rule, text[f.start : f.end]) for f in _grammar(report)]


def _checker(url: str, **table: object) -> tonecheck.Checker:
    return tonecheck.Checker({"languagetool": {"url": url, "timeout": TIMEOUT, **table}})


# -- spans ----------------------------------------------------------------------------------------


def test_spans_are_exact_after_astral_emoji_zwj_sequences_and_cjk(real_checker: tonecheck.Checker) -> None:
    text = "🎉🚀 👩‍👩‍👧 日本語のテキスト。 We recieved teh parcel. This is an test."
    report = real_checker.check(text)
    assert _flagged(text, report) == [
        ("languagetool/MORFOLOGIK_RULE_EN_US", "recieved"),
        ("languagetool/MORFOLOGIK_RULE_EN_US", "teh"),
        ("languagetool/EN_A_VS_AN", "an"),
    ]
    recieved = _grammar(report)[0]
    assert recieved.span == (text.index("recieved"), text.index("recieved") + len("recieved"))
    assert recieved.message == '"recieved" may be a spelling mistake.'
    assert "received" in [s.replacement for s in recieved.suggestions]
    # The JSON form counts UTF-16 code units, as LanguageTool and JavaScript do: five astral code points
    # (🎉, 🚀 and the three people of the ZWJ family) come before, each two code units.
    as_json = next(f for f in report.to_dict()["findings"] if f["rule"] == "languagetool/MORFOLOGIK_RULE_EN_US")
    assert as_json["offset"] == OffsetMap(text).to_utf16(recieved.start) == recieved.start + 5
    assert as_json["length"] == len("recieved")


def test_the_span_is_exact_at_the_very_end_after_a_flag_and_a_skin_tone(real_checker: tonecheck.Checker) -> None:
    text = "🇬🇧👍🏽 Thanks to everyone who came, see you nxt"
    report = real_checker.check(text)
    assert ("languagetool/MORFOLOGIK_RULE_EN_US", "nxt") in _flagged(text, report)
    finding = next(f for f in _grammar(report) if text[f.start : f.end] == "nxt")
    assert finding.end == len(text)


def test_repeated_word_is_found_across_the_right_span(real_checker: tonecheck.Checker) -> None:
    text = "🎉 We went to the the shop."
    assert _flagged(text, real_checker.check(text)) == [("languagetool/ENGLISH_WORD_REPEAT_RULE", "the the")]


def test_a_clean_post_with_emoji_and_entities_has_no_grammar_findings(real_checker: tonecheck.Checker) -> None:
    text = "🎉 Our new library opens on Monday at 9am. Come and see us! #LibraryLife @RiversideLibs"
    assert _grammar(real_checker.check(text)) == []


# -- social entities ------------------------------------------------------------------------------


def test_nothing_is_flagged_inside_handles_hashtags_cashtags_links_or_emoji(real_checker: tonecheck.Checker) -> None:
    # LanguageTool 6.6 skips most of these even in plain text; tonecheck sends them as markup, so nothing
    # inside them can be flagged whatever the server's version: the one real mistake is "Thx".
    report = real_checker.check(SOCIAL)
    assert _flagged(SOCIAL, report) == [("languagetool/MORFOLOGIK_RULE_EN_US", "Thx")]
    parsed = parse(SOCIAL)
    assert all(not parsed.is_protected(f.start, f.end) for f in _grammar(report))


@pytest.mark.parametrize(
    "text",
    [
        "Thanks to @alice and @bob for the help",
        "Congrats @alice! You did it.",
        "Check out #python and #rust today.",
        "Join @alice, @bob and @carol at 6pm.",
        "Read more at https://exmpl.co/abc today.",
        "Buy $TSLA now.",
        "This is a #ThrowbackThursday post for an #AI fan.",
        "We ❤️ our volunteers and 🙌 to all.",
        "A 🍕 party is on tonight.",
    ],
)
def test_sentences_around_entities_and_emoji_still_parse(real_checker: tonecheck.Checker, text: str) -> None:
    assert _grammar(real_checker.check(text)) == []


@pytest.mark.parametrize(
    ("text", "raw_rule"),
    [
        # False alarms found against the real server: an emoji reads as a blank, so LanguageTool judged
        # "I this" ("did you mean 'if'?") and "an for" ("use 'a'").
        ("I ❤️ this new feature.", "I_IF"),
        ("It was an 🍎 for the teacher.", "EN_A_VS_AN"),
        ("❤️ the new look!", "UPPERCASE_SENTENCE_START"),  # the emoji is the sentence's first word
    ],
)
def test_no_false_alarm_from_grammar_next_to_an_emoji_used_as_a_word(
    real_languagetool: str, real_checker: tonecheck.Checker, text: str, raw_rule: str
) -> None:
    # The server does make this match on what tonecheck sends (so the test shows the filter at work) ...
    assert raw_rule in {m["rule"]["id"] for m in raw_matches(real_languagetool, text)}
    # ... and tonecheck does not report it.
    assert _grammar(real_checker.check(text)) == []


def test_a_misspelt_word_next_to_an_emoji_is_still_found(real_checker: tonecheck.Checker) -> None:
    # An unknown word is wrong whatever the emoji stands for. (The price of the filter above: in
    # "🎉 teh best day" LanguageTool reports THE_SUPERLATIVE, not a spelling match, and it is dropped.)
    text = "Big news 🤦‍♀️ recieved today."
    assert _flagged(text, real_checker.check(text)) == [("languagetool/MORFOLOGIK_RULE_EN_US", "recieved")]


def test_a_draft_made_only_of_entities_and_emoji_has_no_grammar_findings(real_checker: tonecheck.Checker) -> None:
    text = "@recievr #tehbest $TSLAA 🤦‍♀️ https://exmpl.co/teh-recieve 👩🏽‍💻 🇬🇧 #wrongspeling"
    report = real_checker.check(text)
    assert _grammar(report) == []
    assert all(s.check != "languagetool" for s in report.skipped)


# -- accepted words and profile brands -----------------------------------------------------------


def test_accepted_words_are_not_spelling_mistakes(real_languagetool: str) -> None:
    text = "Try Snackzilla, the new snack from Crumblr. It is tastey."
    plain = _flagged(text, _checker(real_languagetool).check(text))
    assert {w for _, w in plain} == {"Snackzilla", "Crumblr", "tastey"}
    accepted = _flagged(text, _checker(real_languagetool, accept=["snackzilla", "Crumblr"]).check(text))
    assert accepted == [("languagetool/MORFOLOGIK_RULE_EN_US", "tastey")]


def test_a_profiles_brand_names_are_not_spelling_mistakes(real_languagetool: str) -> None:
    # council.toml lists "MyRiverside" under [terms] brands and sets language = "en-GB".
    text = "Pay your council tax with MyRiverside today. Try Snackzilla."
    checker = _checker(real_languagetool, language="en-GB")
    without = _flagged(text, checker.check(text))
    assert ("languagetool/MORFOLOGIK_RULE_EN_GB", "MyRiverside") in without
    profile = str(ROOT / "samples" / "profiles" / "council.toml")
    with_profile = _flagged(text, checker.check(text, profile=profile))
    assert with_profile == [("languagetool/MORFOLOGIK_RULE_EN_GB", "Snackzilla")]


# -- language variants ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "flagged", "rule"),
    [
        # Observed with LanguageTool 6.6: each variant's speller knows only its own spelling, and suggests
        # the other ("colour" → "color" in en-US, "color" → "colour" in en-GB).
        ("en-US", "colour", "MORFOLOGIK_RULE_EN_US"),
        ("en", "colour", "MORFOLOGIK_RULE_EN_US"),  # tonecheck's "en" is American English
        ("en-GB", "color", "MORFOLOGIK_RULE_EN_GB"),
        ("en_gb", "color", "MORFOLOGIK_RULE_EN_GB"),
    ],
)
def test_the_language_variant_decides_the_spelling(
    real_languagetool: str, language: str, flagged: str, rule: str
) -> None:
    checker = _checker(real_languagetool, language=language)
    other = "color" if flagged == "colour" else "colour"
    wrong = f"🎨 I like the {flagged} of the sky."
    right = f"🎨 I like the {other} of the sky."
    [finding] = _grammar(checker.check(wrong))
    assert (finding.rule, wrong[finding.start : finding.end]) == (f"languagetool/{rule}", flagged)
    assert [s.replacement for s in finding.suggestions][:1] == [other]
    assert _grammar(checker.check(right)) == []


def test_a_language_the_server_lacks_is_skipped_with_the_reason(real_languagetool: str) -> None:
    # The project's server has English (and the modules its language identifier needs), not French.
    report = _checker(real_languagetool, language="fr").check("Bonjour, je suis allé au marché.")
    assert _grammar(report) == []
    [skipped] = [s for s in report.skipped if s.check == "languagetool"]
    assert skipped.reason == "grammar was not checked: LanguageTool does not support the language 'fr'"


# -- the /v2 API of `tonecheck serve`, with the real language_tool_python client --------------------


def test_v2_api_relays_real_matches_merged_with_tonecheck_s(
    real_languagetool: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import language_tool_python

    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))  # nothing may be downloaded
    server = start_server(tmp_path / "serve", "--languagetool", real_languagetool)
    try:
        tool = language_tool_python.LanguageTool("en-US", remote_server=server.url)
        try:
            text = "🎉👩‍👩‍👧 We recieved teh new app today #launchday @recievr"
            by_rule: dict[str, list[language_tool_python.Match]] = {}
            for m in tool.check(text):
                by_rule.setdefault(m.rule_id, []).append(m)
            # Real LanguageTool's spelling matches, at the right place once the client maps UTF-16 back.
            spelling = by_rule["MORFOLOGIK_RULE_EN_US"]
            assert [text[m.offset : m.offset + m.error_length] for m in spelling] == ["recieved", "teh"]
            assert "received" in spelling[0].replacements and spelling[0].category == "TYPOS"
            # tonecheck's own finding in the same answer.
            [hashtag] = by_rule["hashtag-camel-case"]
            assert text[hashtag.offset : hashtag.offset + hashtag.error_length] == "#launchday"
            # Nothing inside the handle or the hashtag.
            handle = text.index("@recievr")
            assert all(not (m.offset < handle + 8 and m.offset + m.error_length > handle)
                       for m in spelling)
        finally:
            tool.close()
    finally:
        server.stop()


# -- the provisioned server ------------------------------------------------------------------------


def _port(url: str) -> int:
    port = urllib.parse.urlsplit(url).port
    if port is None or urllib.parse.urlsplit(url).hostname != "127.0.0.1":
        pytest.skip(f"{url} is not a server started by make languagetool-start")
    return port


def _listening_addresses(port: int) -> set[str]:
    """The local addresses (hex, as the kernel writes them) of the TCP sockets listening on *port*."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table, encoding="ascii") as lines:
            for line in lines.readlines()[1:]:
                fields = line.split()
                address, _, port_hex = fields[1].rpartition(":")
                if fields[3] == "0A" and int(port_hex, 16) == port:  # 0A: LISTEN
                    found.add(address.upper())
    return found


_LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"}


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads the Linux kernel's socket tables")
def test_the_server_listens_on_loopback_only(real_languagetool: str) -> None:
    # No --public: LanguageTool's HTTPServer binds 127.0.0.1, so it is not reachable from the network.
    addresses = _listening_addresses(_port(real_languagetool))
    assert addresses and addresses <= _LOOPBACK, addresses


def test_start_reuses_a_server_that_answers(real_languagetool: str) -> None:
    port = _port(real_languagetool)
    result = subprocess.run([str(ROOT / "tools" / "languagetool" / "server.sh"), "start"], capture_output=True,
                            text=True, env={**os.environ, "LT_PORT": str(port)}, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "already answers" in result.stdout and "(reused)" in result.stdout
