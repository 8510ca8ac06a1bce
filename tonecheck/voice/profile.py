"""Voice profiles: a team's voice, terms and posting policy in one TOML file.

A profile (format 1, validated against ``tonecheck/data/voice/profile.schema.json``) holds:

- ``[profile]``: ``format = 1``, ``name``, optional ``id`` (defaults to the file name), ``language``,
  ``summary`` (the voice in a few sentences) and ``extends`` (profiles this one builds on);
- ``[settings]``: tonecheck settings applied with the profile, with the keys of ``tonecheck.toml``
  (``rules``, ``severity``, ``enable``, ``disable``, ``platforms``);
- ``[[principles]]``: ``id``, ``summary``, ``limits`` (in words), ``targets`` on the tone traits
  (``warmth = { min = 40 }``), ``rules`` whose findings count for the principle, ``severity``, and
  ``[[principles.examples]]`` with ``good`` or ``bad`` text and a ``why``;
- ``[terms]``: ``[[terms.prefer]]`` (``use`` / ``instead-of``), ``[[terms.avoid]]`` (``terms``, ``why``)
  and ``brands`` (names with their exact capitalisation);
- ``[policy]``: ``personal-data`` (on unless set to false), ``[[policy.embargo]]`` (``term``, ``until``,
  ``why``) and ``[policy.disclosure]`` (``required``, ``markers``, ``promotional``);
- ``[vale]``: a team's Vale setup: ``config`` (a ``.vale.ini``), ``styles``, ``vocabularies``.

``extends`` merges profiles in order, then this file: principles with the same id are replaced,
terms and brands are added, policy and settings keys are overridden. Every error names the file and
the key (or the TOML line), as :class:`~tonecheck.voice.errors.ProfileError`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tonecheck.config import Config, ConfigError
from tonecheck.model import Category, Finding, Severity
from tonecheck.voice.errors import ProfileError

if TYPE_CHECKING:
    from tonecheck.voice.vale import ValeRuleSet

__all__ = [
    "AvoidTerm",
    "Disclosure",
    "Embargo",
    "Example",
    "Policy",
    "PreferredTerm",
    "Principle",
    "Profile",
    "ProfileStore",
    "Target",
    "load_profile",
    "profile_from_mapping",
]

FORMAT = 1
_ID_UNSAFE = re.compile(r"[^a-z0-9._-]+")
_MAX_EXTENDS_DEPTH = 8
_MAX_FILE_BYTES = 2_000_000


@dataclass(frozen=True, slots=True)
class Target:
    """A principle's range for one tone trait (0–100); ``None`` means no bound on that side."""

    trait: str
    min: float | None = None
    max: float | None = None

    def describe(self) -> str:
        """The range in words: "40 or more", "at most 60", "from 20 to 60"."""
        if self.min is not None and self.max is not None:
            return f"from {self.min:g} to {self.max:g}"
        if self.min is not None:
            return f"{self.min:g} or more"
        return f"at most {self.max:g}"


@dataclass(frozen=True, slots=True)
class Example:
    """A team's own example of a principle: ``good`` text must pass, ``bad`` text must be caught."""

    kind: str  # "good" or "bad"
    text: str
    why: str
    platform: str | None = None


@dataclass(frozen=True, slots=True)
class Principle:
    """One voice principle: what it is, where it stops, its measurable targets and examples."""

    id: str
    summary: str
    limits: str = ""
    targets: tuple[Target, ...] = ()
    rules: frozenset[str] = frozenset()
    severity: Severity = Severity.SUGGESTION
    examples: tuple[Example, ...] = ()

    @property
    def rule_id(self) -> str:
        """The id of this principle's findings: ``voice/<id>``."""
        return f"voice/{self.id}"

    def counts(self, rule: str) -> bool:
        """True when a finding of *rule* counts for this principle.

        ``rules`` may name a rule (``term-prefer``), a rule with sub-ids (``languagetool``) or a whole
        Vale style (``Acme`` for ``Acme.Jargon``).
        """
        return (
            rule == self.rule_id or rule in self.rules
            or rule.split("/", 1)[0] in self.rules or rule.split(".", 1)[0] in self.rules
        )


@dataclass(frozen=True, slots=True)
class PreferredTerm:
    """Write ``use`` instead of any of ``instead_of``."""

    use: str
    instead_of: tuple[str, ...]
    why: str = ""


@dataclass(frozen=True, slots=True)
class AvoidTerm:
    """Words the team does not use, with the reason."""

    terms: tuple[str, ...]
    why: str = ""
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class Embargo:
    """A name not to post before ``until`` (always, when ``until`` is not set)."""

    term: str
    until: dt.datetime | None = None
    why: str = ""

    def active(self, now: dt.datetime | None = None) -> bool:
        """True while the embargo holds."""
        if self.until is None:
            return True
        now = now or dt.datetime.now(dt.UTC)
        return now < self.until


@dataclass(frozen=True, slots=True)
class Disclosure:
    """Promotional posts must carry one of ``markers`` (``#ad``, "Paid partnership")."""

    required: bool
    markers: tuple[str, ...] = ("#ad", "Paid partnership")
    promotional: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Policy:
    """What the team's social media policy forbids or requires."""

    personal_data: bool = True
    embargo: tuple[Embargo, ...] = ()
    disclosure: Disclosure | None = None


@dataclass(frozen=True, eq=False)
class Profile:
    """A loaded voice profile. Pass it to :func:`tonecheck.check` as ``profile=``."""

    id: str
    name: str
    language: str | None = None
    summary: str = ""
    principles: tuple[Principle, ...] = ()
    prefer: tuple[PreferredTerm, ...] = ()
    avoid: tuple[AvoidTerm, ...] = ()
    brands: tuple[str, ...] = ()
    policy: Policy = field(default_factory=Policy)
    settings: Mapping[str, Any] = field(default_factory=dict)
    vale: ValeRuleSet | None = None
    source: str = "<profile>"
    #: Every file the profile was read from (itself, the profiles it extends, Vale files), for reloading.
    files: tuple[Path, ...] = ()

    def voiced(self, finding: Finding) -> bool:
        """True for a finding about the voice: of the voice category, or counted by one of the principles."""
        return finding.category is Category.VOICE or any(p.counts(finding.rule) for p in self.principles)

    def principle(self, principle_id: str) -> Principle:
        """The principle with *principle_id* (KeyError when there is none)."""
        for p in self.principles:
            if p.id == principle_id:
                return p
        raise KeyError(principle_id)

    def config(self, base: Config) -> Config:
        """*base* with this profile's settings, language, policy and brand names applied."""
        return _apply(base, self)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description (for the API and ``tonecheck voice show``)."""
        return {
            "id": self.id,
            "name": self.name,
            "language": self.language,
            "summary": self.summary,
            "principles": [
                {
                    "id": p.id,
                    "rule": p.rule_id,
                    "summary": p.summary,
                    "limits": p.limits,
                    "severity": p.severity.value,
                    "targets": {t.trait: {k: v for k, v in (("min", t.min), ("max", t.max)) if v is not None}
                                for t in p.targets},
                    "rules": sorted(p.rules),
                    "examples": [{"kind": e.kind, "text": e.text, "why": e.why} for e in p.examples],
                }
                for p in self.principles
            ],
            "terms": {
                "prefer": [{"use": t.use, "instead-of": list(t.instead_of), "why": t.why} for t in self.prefer],
                "avoid": [{"terms": list(t.terms), "why": t.why} for t in self.avoid],
                "brands": list(self.brands),
            },
            "policy": {
                "personal-data": self.policy.personal_data,
                "embargoed-terms": len(self.policy.embargo),
                "disclosure": None if self.policy.disclosure is None else {
                    "required": self.policy.disclosure.required,
                    "markers": list(self.policy.disclosure.markers),
                },
            },
            "vale-rules": sorted(r.id for r in self.vale.rules) if self.vale is not None else [],
        }


# --------------------------------------------------------------------------------------------- loading


def load_profile(path: str | os.PathLike[str]) -> Profile:
    """Read, validate and merge the profile at *path* (and the profiles it extends)."""
    return _load(Path(path), ())


def profile_from_mapping(data: Mapping[str, Any], source: str = "<profile>", base_dir: Path | None = None) -> Profile:
    """Build a profile from parsed TOML (tests and fixtures). ``extends`` and Vale paths resolve from *base_dir*."""
    folder = base_dir or Path.cwd()
    return _build(dict(data), source, folder, (), fallback_id="profile")


def _load(path: Path, chain: tuple[Path, ...]) -> Profile:
    source = str(path)
    resolved = path.resolve()
    if resolved in chain:
        raise ProfileError(source, "profile.extends", "profiles extend each other in a loop")
    if len(chain) >= _MAX_EXTENDS_DEPTH:
        raise ProfileError(source, "profile.extends", f"more than {_MAX_EXTENDS_DEPTH} levels of 'extends'")
    try:
        if path.stat().st_size > _MAX_FILE_BYTES:
            raise ProfileError(source, None, "the file is larger than 2 MB; is it really a profile?")
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(source, None, "no such file") from None
    except OSError as exc:
        raise ProfileError(source, None, f"cannot read the file ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise ProfileError(source, None, "the file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(source, None, f"not valid TOML: {exc}") from None
    fallback_id = _ID_UNSAFE.sub("-", path.stem.lower()).strip("-._")[:64] or "profile"
    return _build(raw, source, path.parent, (*chain, resolved), fallback_id=fallback_id, own_file=resolved)


def _build(
    raw: dict[str, Any], source: str, folder: Path, chain: tuple[Path, ...], *, fallback_id: str,
    own_file: Path | None = None,
) -> Profile:
    _validate_schema(raw, source)
    meta = raw["profile"]
    parents: list[Profile] = []
    extends = meta.get("extends", [])
    for name in [extends] if isinstance(extends, str) else extends:
        parent_path = folder / name
        try:
            parents.append(_load(parent_path, chain))
        except ProfileError as exc:
            if exc.source == str(parent_path):
                raise ProfileError(source, "profile.extends", f"{name!r}: {exc.where + ': ' if exc.where else ''}"
                                   f"{exc.message}") from None
            raise

    principles = _principles(raw.get("principles", []), source)
    terms = raw.get("terms", {})
    prefer = tuple(
        PreferredTerm(t["use"].strip(), tuple(w.strip() for w in t["instead-of"]), t.get("why", "").strip())
        for t in terms.get("prefer", [])
    )
    avoid = tuple(
        AvoidTerm(tuple(w.strip() for w in t["terms"]), t.get("why", "").strip(),
                  Severity.parse(t["severity"]) if "severity" in t else None)
        for t in terms.get("avoid", [])
    )
    brands = tuple(b.strip() for b in terms.get("brands", []))
    policy_raw = raw.get("policy", {})
    settings = raw.get("settings", {})
    vale, vale_files = _vale(raw.get("vale"), source, folder)

    files = tuple(p for parent in parents for p in parent.files)
    if own_file is not None:
        files = (*files, own_file)
    files = tuple(dict.fromkeys((*files, *vale_files)))

    base: Profile | None = None
    for parent in parents:
        base = parent if base is None else _merge(base, parent, sibling=True)
    own = Profile(
        id=meta.get("id", fallback_id),
        name=meta["name"].strip(),
        language=meta.get("language"),
        summary=" ".join(meta.get("summary", "").split()),
        principles=principles, prefer=prefer, avoid=avoid, brands=brands,
        policy=_policy(policy_raw, source, base.policy if base is not None else Policy()),
        settings=settings, vale=vale, source=source, files=files,
    )
    profile = own if base is None else _merge(base, own)
    _check_meaning(profile, source)
    return profile


def _merge(base: Profile, top: Profile, *, sibling: bool = False) -> Profile:
    """*top* on *base*: principles by id, terms added, settings deep-merged.

    A child's policy was read on top of its parents' policy already; two parents (*sibling*) combine theirs.
    """
    policy = top.policy
    if sibling:
        policy = Policy(
            personal_data=top.policy.personal_data,
            embargo=(*base.policy.embargo, *top.policy.embargo),
            disclosure=top.policy.disclosure or base.policy.disclosure,
        )
    by_id = {p.id: p for p in base.principles}
    for p in top.principles:
        by_id[p.id] = p
    vale = base.vale
    if top.vale is not None:
        from tonecheck.voice.vale import combine

        vale = top.vale if vale is None else combine(vale, top.vale)
    return Profile(
        id=top.id, name=top.name, language=top.language or base.language, summary=top.summary or base.summary,
        principles=tuple(by_id.values()), prefer=(*base.prefer, *top.prefer), avoid=(*base.avoid, *top.avoid),
        brands=tuple(dict.fromkeys((*base.brands, *top.brands))), policy=policy,
        settings=_deep_merge(base.settings, top.settings), vale=vale, source=top.source,
        files=tuple(dict.fromkeys((*base.files, *top.files))),
    )


def _deep_merge(a: Mapping[str, Any], b: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(a)
    for key, value in b.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _deep_merge(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list) and key in ("enable", "disable"):
            out[key] = list(dict.fromkeys([*out[key], *value]))
        else:
            out[key] = value
    return out


def _principles(items: Sequence[Mapping[str, Any]], source: str) -> tuple[Principle, ...]:
    seen: set[str] = set()
    out = []
    for i, item in enumerate(items):
        where = f"principles[{i}]"
        pid = item["id"]
        if pid in seen:
            raise ProfileError(source, f"{where}.id", f"the principle id {pid!r} is used twice")
        seen.add(pid)
        targets = []
        for trait, bounds in item.get("targets", {}).items():
            low, high = bounds.get("min"), bounds.get("max")
            if low is not None and high is not None and low > high:
                raise ProfileError(source, f"{where}.targets.{trait}", "min is larger than max")
            targets.append(Target(trait, low, high))
        examples = tuple(
            Example("good" if "good" in e else "bad", (e.get("good") or e["bad"]), " ".join(e["why"].split()),
                    e.get("platform"))
            for e in item.get("examples", [])
        )
        for j, e in enumerate(examples):
            if e.platform is not None:
                _check_platform(e.platform, source, f"{where}.examples[{j}].platform")
        out.append(
            Principle(
                id=pid,
                summary=" ".join(item["summary"].split()),
                limits=" ".join(item.get("limits", "").split()),
                targets=tuple(targets),
                rules=frozenset(item.get("rules", [])),
                severity=Severity.parse(item.get("severity", "suggestion")),
                examples=examples,
            )
        )
    return tuple(out)


def _policy(raw: Mapping[str, Any], source: str, base: Policy) -> Policy:
    embargo = list(base.embargo)
    for i, item in enumerate(raw.get("embargo", [])):
        embargo.append(Embargo(item["term"].strip(), _until(item.get("until"), source, f"policy.embargo[{i}].until"),
                               item.get("why", "").strip()))
    disclosure = base.disclosure
    if "disclosure" in raw:
        d = raw["disclosure"]
        old = disclosure or Disclosure(required=False)
        disclosure = Disclosure(
            required=d["required"],
            markers=tuple(m.strip() for m in d.get("markers", old.markers)),
            promotional=tuple(p.strip() for p in d.get("promotional", old.promotional)),
        )
    return Policy(
        personal_data=raw.get("personal-data", base.personal_data),
        embargo=tuple(embargo),
        disclosure=disclosure,
    )


def _until(value: Any, source: str, where: str) -> dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, dt.date):
        parsed = dt.datetime(value.year, value.month, value.day)
    else:
        try:
            parsed = dt.datetime.fromisoformat(str(value))
        except ValueError:
            raise ProfileError(source, where, f"{value!r} is not a date such as 2027-01-15") from None
    if parsed.tzinfo is None:  # a plain date: the embargo ends at the start of that day, UTC
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


def _check_platform(name: str, source: str, where: str) -> None:
    from tonecheck import platforms

    try:
        platforms.resolve(name)
    except ValueError as exc:
        raise ProfileError(source, where, str(exc)) from None


def _vale(raw: Mapping[str, Any] | None, source: str, folder: Path) -> tuple[ValeRuleSet | None, tuple[Path, ...]]:
    if not raw:
        return None, ()
    from tonecheck.voice import vale as vale_mod

    sets = []
    files: list[Path] = []

    def _path(key: str, value: str) -> Path:
        path = (folder / value).resolve()
        if not path.exists():
            raise ProfileError(source, f"vale.{key}", f"{value!r} does not exist (looked in {folder})")
        return path

    if "config" in raw:
        ini = _path("config", raw["config"])
        sets.append(vale_mod.load_config(ini))
        files.append(ini)
    for i, value in enumerate(raw.get("styles", [])):
        style = _path(f"styles[{i}]", value)
        sets.append(vale_mod.load_style(style))
        files.extend(sorted(style.glob("*.yml")))
    for i, value in enumerate(raw.get("vocabularies", [])):
        vocab = _path(f"vocabularies[{i}]", value)
        sets.append(vale_mod.load_vocabulary(vocab))
        files.extend(sorted(vocab.glob("*.txt")))
    combined = vale_mod.combine(*sets)
    if "min-level" in raw:
        try:
            combined = vale_mod.with_min_level(combined, raw["min-level"])
        except ValueError as exc:
            raise ProfileError(source, "vale.min-level", str(exc)) from None
    return combined, tuple(files)


def _check_meaning(profile: Profile, source: str) -> None:
    """Checks the schema cannot express: rule ids exist, settings are valid tonecheck settings."""
    from tonecheck.registry import default_registry

    registry = default_registry()
    vale_ids = {r.id for r in profile.vale.rules} if profile.vale is not None else set()
    for i, p in enumerate(profile.principles):
        for rule in sorted(p.rules):
            if rule not in registry and rule not in vale_ids and rule.split(".", 1)[0] not in _styles(vale_ids):
                raise ProfileError(source, f"principles[{i}].rules",
                                   f"unknown rule {rule!r} (not a tonecheck rule or a loaded Vale rule)")
    try:
        Config.from_mapping(profile.settings, source=source).validate(registry)
    except ConfigError as exc:
        raise ProfileError(source, "settings", str(exc).removeprefix(f"{source}: ")) from None


def _styles(vale_ids: set[str]) -> set[str]:
    return {v.split(".", 1)[0] for v in vale_ids}


@cache
def _schema_validator() -> Any:
    import jsonschema

    text = resources.files("tonecheck.data.voice").joinpath("profile.schema.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    return jsonschema.Draft202012Validator(schema)


def _validate_schema(raw: Mapping[str, Any], source: str) -> None:
    data = _jsonable(raw)
    errors = sorted(_schema_validator().iter_errors(data), key=lambda e: (len(e.absolute_path), list(map(str,
                    e.absolute_path))))
    if not errors:
        return
    error = errors[0]
    where = _path_text(error.absolute_path) or None
    raise ProfileError(source, where, _explain(error))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def _path_text(path: Sequence[Any]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _explain(error: Any) -> str:
    """A plain message for a JSON Schema error."""
    kind = error.validator
    if kind == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        known = ", ".join(sorted(error.schema.get("properties", {})))
        return f"unknown key {extra[0]!r} (known keys: {known})" if extra else error.message
    if kind == "required":
        return f"missing key {error.message.split(' ')[0]}"
    if kind == "const":
        return f"this is profile format {FORMAT}; found {error.instance!r}"
    if kind == "oneOf" and isinstance(error.instance, Mapping) and {"good", "bad"} <= set(error.instance):
        return "an example is either 'good' or 'bad', not both"
    if kind == "oneOf" and isinstance(error.instance, Mapping):
        return "an example needs 'good' or 'bad' text"
    if kind == "type":
        return f"must be of type {error.validator_value}, not {type(error.instance).__name__}"
    if kind == "pattern":
        return f"{error.instance!r} does not have the expected form"
    if kind in ("minimum", "maximum"):
        return f"{error.instance} is outside 0–100"
    return str(error.message)


# --------------------------------------------------------------------------------------------- applying


def _apply(base: Config, profile: Profile) -> Config:
    over = Config.from_mapping(profile.settings, source=profile.source)
    enable = (base.enable - over.disable) | over.enable
    disable = (base.disable - over.enable) | over.disable
    if not profile.policy.personal_data:
        disable |= {"personal-data"}
        enable -= {"personal-data"}
    rules = {k: dict(v) for k, v in base.rules.items()}
    for rule_id, options in over.rules.items():
        rules[rule_id] = {**rules.get(rule_id, {}), **options}
    platforms = {k: dict(v) for k, v in base.platforms.items()}
    for name, limits in over.platforms.items():
        platforms[name] = {**platforms.get(name, {}), **limits}
    languagetool = base.languagetool
    if profile.brands:  # brand names are not spelling mistakes
        words = {w for brand in profile.brands for w in brand.split()}
        languagetool = replace(languagetool, accept=languagetool.accept | frozenset(words))
    return replace(
        base,
        language=profile.language or base.language,
        enable=enable,
        disable=disable,
        severity={**base.severity, **over.severity},
        rules=rules,
        platforms=platforms,
        languagetool=languagetool,
        source=f"{base.source} + {profile.source}",
    )


# --------------------------------------------------------------------------------------------- a folder


class ProfileStore:
    """The profiles in a folder (``*.toml``), reloaded when a file changes; safe to share between threads.

    ``get(name)`` finds a profile by its id (or file name). Files are checked for changes at most once
    a second, so a team can edit a shared folder without restarting the server.
    """

    def __init__(self, directory: str | os.PathLike[str], *, recheck_seconds: float = 1.0) -> None:
        self.directory = Path(directory)
        if not self.directory.is_dir():
            raise ProfileError(str(self.directory), None, "not a folder")
        self._recheck = recheck_seconds
        self._lock = threading.Lock()
        self._checked = -1e9
        self._stamp: tuple[tuple[str, float, int], ...] = ()
        self._profiles: dict[str, Profile] = {}
        self._errors: dict[str, ProfileError] = {}

    def _files(self) -> list[Path]:
        return sorted(p for p in self.directory.glob("*.toml") if p.is_file())

    def _refresh(self) -> None:
        import time

        now = time.monotonic()
        with self._lock:
            if now - self._checked < self._recheck:
                return
            self._checked = now
            files = self._files()
            watched = set(files)
            for profile in self._profiles.values():
                watched.update(profile.files)
            stamp = tuple(sorted((str(p), *_mtime(p)) for p in watched))
            if stamp == self._stamp:
                return
            profiles: dict[str, Profile] = {}
            errors: dict[str, ProfileError] = {}
            for path in files:
                try:
                    profile = load_profile(path)
                except ProfileError as exc:
                    errors[path.stem] = exc
                    continue
                if profile.id in profiles:
                    other = profiles[profile.id].source
                    message = f"{profile.id!r} is already used by {other}"
                    errors[path.stem] = ProfileError(str(path), "profile.id", message)
                    continue
                profiles[profile.id] = profile
            # Watch the files the new profiles read too (extends, Vale styles).
            watched = set(files)
            for profile in profiles.values():
                watched.update(profile.files)
            self._stamp = tuple(sorted((str(p), *_mtime(p)) for p in watched))
            self._profiles, self._errors = profiles, errors

    def names(self) -> list[str]:
        """The ids of the valid profiles, sorted."""
        self._refresh()
        return sorted(self._profiles)

    def errors(self) -> dict[str, ProfileError]:
        """Files that could not be loaded, by file name (without ``.toml``)."""
        self._refresh()
        return dict(self._errors)

    def get(self, name: str) -> Profile:
        """The profile *name*. KeyError when there is none; ProfileError when its file is invalid."""
        self._refresh()
        if name in self._profiles:
            return self._profiles[name]
        if name in self._errors:
            raise self._errors[name]
        raise KeyError(name)


def _mtime(path: Path) -> tuple[float, int]:
    try:
        st = path.stat()
    except OSError:
        return (0.0, -1)
    return (st.st_mtime, st.st_size)
