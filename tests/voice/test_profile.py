"""Loading voice profiles: the format, extends, errors that name the file and key, the shared folder."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

import tonecheck
from tonecheck.config import Config
from tonecheck.voice.errors import ProfileError
from tonecheck.voice.profile import ProfileStore, load_profile

MINIMAL = '[profile]\nformat = 1\nname = "Minimal"\n'


def _write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def _error(path: Path) -> str:
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    return str(info.value)


def test_minimal_profile_takes_its_id_from_the_file(tmp_path: Path) -> None:
    profile = load_profile(_write(tmp_path, "my-team.toml", MINIMAL))
    assert profile.id == "my-team"
    assert profile.name == "Minimal"
    assert profile.policy.personal_data is True
    assert profile.principles == ()


def test_id_from_an_untidy_file_name(tmp_path: Path) -> None:
    assert load_profile(_write(tmp_path, "Our Team (2026).toml", MINIMAL)).id == "our-team-2026"


def test_full_profile_reads_every_part() -> None:
    profile = load_profile(Path("tonecheck/data/voice/examples/acme.toml"))
    assert [p.id for p in profile.principles] == ["plain", "confident"]
    plain = profile.principle("plain")
    assert plain.targets[0].trait == "formality" and plain.targets[0].max == 60
    assert {e.kind for e in plain.examples} == {"good", "bad"}
    assert plain.counts("voice/plain") and plain.counts("term-prefer") and not plain.counts("term-avoid")
    assert profile.prefer[0].use == "use" and "utilize" in profile.prefer[0].instead_of
    assert profile.brands == ("Acme", "TrailPro", "GOV.UK")
    assert profile.policy.embargo[0].active()
    assert profile.policy.disclosure is not None and profile.policy.disclosure.required
    data = profile.to_dict()
    assert data["principles"][0]["rule"] == "voice/plain"
    assert data["policy"]["embargoed-terms"] == 1


@pytest.mark.parametrize(
    ("body", "where", "says"),
    [
        ('[profile]\nformat = 1\nname = "x"\ncolour = "blue"\n', "profile", "unknown key 'colour'"),
        ('[profile]\nformat = 2\nname = "x"\n', "profile.format", "profile format 1"),
        ('[profile]\nformat = 1\n', "profile", "missing key 'name'"),
        (MINIMAL + '[[principles]]\nid = "warm"\nsummary = "Warm"\ntargets = { kindness = { min = 3 } }\n',
         "principles[0].targets", "unknown key 'kindness'"),
        (MINIMAL + '[[principles]]\nid = "warm"\nsummary = "Warm"\ntargets = { warmth = { min = 130 } }\n',
         "principles[0].targets.warmth.min", "outside 0–100"),
        (MINIMAL + '[[principles]]\nid = "warm"\nsummary = "Warm"\ntargets = { warmth = { min = 70, max = 20 } }\n',
         "principles[0].targets.warmth", "min is larger than max"),
        (MINIMAL + '[[principles]]\nid = "a"\nsummary = "A"\n[[principles]]\nid = "a"\nsummary = "B"\n',
         "principles[1].id", "used twice"),
        (MINIMAL + '[[principles]]\nid = "a"\nsummary = "A"\nrules = ["no-such-rule"]\n',
         "principles[0].rules", "unknown rule 'no-such-rule'"),
        (MINIMAL + '[[principles]]\nid = "a"\nsummary = "A"\n[[principles.examples]]\ngood = "x"\nbad = "y"\n'
         'why = "z"\n', "principles[0].examples[0]", "either 'good' or 'bad'"),
        (MINIMAL + '[[principles]]\nid = "a"\nsummary = "A"\n[[principles.examples]]\nwhy = "z"\n',
         "principles[0].examples[0]", "needs 'good' or 'bad'"),
        (MINIMAL + '[settings.rules.sentence-length]\nmax_wordz = 3\n', "settings", "unknown option 'max_wordz'"),
        (MINIMAL + '[[policy.embargo]]\nterm = "Nightjar"\nuntil = "soon"\n', "policy.embargo[0].until",
         "does not have the expected form"),
        (MINIMAL + '[terms]\nbrands = "Acme"\n', "terms.brands", "must be of type array"),
    ],
)
def test_invalid_profiles_name_file_and_key(tmp_path: Path, body: str, where: str, says: str) -> None:
    path = _write(tmp_path, "team.toml", body)
    message = _error(path)
    assert message.startswith(f"{path}: {where}: "), message
    assert says in message, message


def test_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    message = _error(_write(tmp_path, "team.toml", '[profile]\nformat = 1\nname = "unclosed\n'))
    assert "not valid TOML" in message and "line 3" in message


def test_missing_file_and_not_utf8(tmp_path: Path) -> None:
    assert _error(tmp_path / "nope.toml").endswith("no such file")
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b'[profile]\nformat = 1\nname = "caf\xe9"\n')
    assert "not UTF-8" in _error(bad)


def test_extends_merges_parent_then_child(tmp_path: Path) -> None:
    _write(tmp_path, "base.toml", MINIMAL + """
        [[principles]]
        id = "plain"
        summary = "Plain words"
        targets = { plainness = { min = 50 } }

        [[principles]]
        id = "warm"
        summary = "Warm"

        [terms]
        brands = ["Acme"]

        [[terms.prefer]]
        use = "use"
        instead-of = ["utilise"]

        [[policy.embargo]]
        term = "Nightjar"

        [settings.rules.sentence-length]
        max_words = 30
    """)
    child = load_profile(_write(tmp_path, "team.toml", """
        [profile]
        format = 1
        name = "Team"
        extends = "base.toml"

        [[principles]]
        id = "plain"
        summary = "Plainer words"

        [terms]
        brands = ["TrailPro"]

        [policy]
        personal-data = false

        [settings.rules.sentence-length]
        max_words = 25
    """))
    assert [p.id for p in child.principles] == ["plain", "warm"]
    assert child.principle("plain").summary == "Plainer words"
    assert child.brands == ("Acme", "TrailPro")
    assert [t.use for t in child.prefer] == ["use"]
    assert [e.term for e in child.policy.embargo] == ["Nightjar"]
    assert child.policy.personal_data is False
    assert child.settings["rules"]["sentence-length"]["max_words"] == 25
    assert {p.name for p in child.files} == {"base.toml", "team.toml"}


def test_extends_loop_and_missing_parent(tmp_path: Path) -> None:
    _write(tmp_path, "a.toml", '[profile]\nformat = 1\nname = "A"\nextends = "b.toml"\n')
    _write(tmp_path, "b.toml", '[profile]\nformat = 1\nname = "B"\nextends = "a.toml"\n')
    assert "loop" in _error(tmp_path / "a.toml")
    message = _error(_write(tmp_path, "c.toml", '[profile]\nformat = 1\nname = "C"\nextends = "zz.toml"\n'))
    assert "profile.extends" in message and "'zz.toml'" in message and "no such file" in message


def test_profile_settings_apply_to_the_check(tmp_path: Path) -> None:
    path = _write(tmp_path, "team.toml", MINIMAL + """
        [policy]
        personal-data = false

        [terms]
        brands = ["TrailPro boots"]

        [settings.rules.hashtag-count]
        max = 1
    """)
    profile = load_profile(path)
    config = profile.config(Config())
    assert "personal-data" in config.disable
    assert config.rules["hashtag-count"]["max"] == 1
    assert {"TrailPro", "boots"} <= config.languagetool.accept
    text = "Call Jane on 07911 123456 #one #two"
    assert any(f.rule == "personal-data" for f in tonecheck.check(text).findings)
    with_profile = tonecheck.check(text, profile=profile)
    assert not any(f.rule == "personal-data" for f in with_profile.findings)
    assert any(f.rule == "hashtag-count" for f in with_profile.findings)
    # A path works too, and the profile is not loaded again for every draft of a checker.
    assert tonecheck.check(text, profile=str(path)).findings == with_profile.findings


def test_store_lists_reloads_and_reports_broken_files(tmp_path: Path) -> None:
    good = _write(tmp_path, "alpha.toml", MINIMAL)
    _write(tmp_path, "broken.toml", "[profile]\nformat = 1\n")
    store = ProfileStore(tmp_path, recheck_seconds=0)
    assert store.names() == ["alpha"]
    assert "missing key 'name'" in str(store.errors()["broken"])
    with pytest.raises(ProfileError):
        store.get("broken")
    with pytest.raises(KeyError):
        store.get("nobody")
    assert store.get("alpha").name == "Minimal"
    good.write_text(MINIMAL.replace("Minimal", "Renamed") + "\n", encoding="utf-8")
    stat = good.stat()
    os.utime(good, (stat.st_atime, stat.st_mtime + 5))
    assert store.get("alpha").name == "Renamed"
    _write(tmp_path, "beta.toml", '[profile]\nformat = 1\nname = "Beta"\nid = "team-b"\n')
    assert store.names() == ["alpha", "team-b"]
    _write(tmp_path, "gamma.toml", '[profile]\nformat = 1\nname = "Gamma"\nid = "team-b"\n')
    assert store.names() == ["alpha", "team-b"]
    assert "'team-b' is already used by" in str(store.errors()["gamma"])


def test_store_needs_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="not a folder"):
        ProfileStore(tmp_path / "missing")


def test_a_principle_counts_its_rules_their_sub_ids_and_whole_vale_styles() -> None:
    from tonecheck.voice.profile import Principle

    principle = Principle("plain", "Plain", rules=frozenset({"Acme", "languagetool", "term-prefer"}))
    for rule in ("voice/plain", "term-prefer", "languagetool/EN_A_VS_AN", "Acme.Jargon"):
        assert principle.counts(rule), rule
    for rule in ("voice/warm", "term-avoid", "Other.Jargon"):
        assert not principle.counts(rule), rule
