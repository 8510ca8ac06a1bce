"""Grammar and spelling through LanguageTool, optional and safe when it is absent.

:class:`LanguageToolClient` talks to a LanguageTool server through language-tool-python's client
(``LanguageTool(language, remote_server=url)``), or to a local server that language-tool-python
starts (Java ≥ 17 and a LanguageTool install under ``LTP_PATH``). language-tool-python is imported
only when LanguageTool is configured, so checks without it cost nothing.

What the client does for each draft:

* sends LanguageTool *annotated text* (the ``data`` form field): URLs, @mentions, #hashtags,
  $cashtags and emoji (the spans of :attr:`tonecheck.text.ParsedText.protected`) are ``markup``, so
  they are never spell-checked, and LanguageTool still reports offsets into the whole draft;
* converts LanguageTool's offsets, which are UTF-16 code units, to code points with
  :class:`tonecheck.offsets.OffsetMap` (the only conversion; language-tool-python's own correction
  is not used because its ``Match`` objects are not built);
* drops matches on the protected spans, spelling matches on accepted words (brand and product
  names), and matches other than unknown words right next to an emoji, which LanguageTool reads as a
  blank: "I ❤️ this" is not "I this";
* waits at most ``timeout`` seconds, once (no retry), and after a failure skips LanguageTool for
  ``retry-after`` seconds so a batch of drafts is not slowed down by a server that is down;
* remembers answers in a bounded LRU cache keyed by text, language and options.

It never logs the draft text; errors name only the server and the kind of failure.
"""

from __future__ import annotations

import os
import re
import threading
import time
import urllib.parse
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tonecheck.config import ENV_LANGUAGETOOL_URL, LanguageToolSettings
from tonecheck.lexicon import load_toml
from tonecheck.offsets import OffsetMap
from tonecheck.text import ParsedText

__all__ = [
    "GrammarMatch",
    "LanguageToolClient",
    "LanguageToolUnavailableError",
    "Status",
    "data",
    "lt_language",
    "status",
]


def data() -> Mapping[str, Any]:
    """``data/rules/languagetool.toml``: severities by issue type, limits and default disabled rules."""
    return load_toml("rules/languagetool.toml")


#: A function that builds a language-tool-python ``LanguageTool`` for a language and a server URL
#: (``None`` for local mode), waiting at most *timeout* seconds per request.
ToolFactory = Callable[[str, str | None, float], Any]

# LanguageTool spell-checks a language only with a variant ("en" alone has no dictionary).
_VARIANTS = {"en": "en-US", "de": "de-DE", "pt": "pt-PT", "ca": "ca-ES"}
_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]([a-zA-Z0-9]{2,8}))?$")
_VOWEL = frozenset("aeiouAEIOU")
_SAFE_ISSUE_TYPES = frozenset({"duplication", "whitespace", "typographical"})


class LanguageToolUnavailableError(Exception):
    """LanguageTool could not check this draft; ``reason`` says why in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class GrammarMatch:
    """One LanguageTool match, with its span in code points of the draft."""

    start: int
    end: int
    rule_id: str
    category_id: str
    issue_type: str
    type_name: str
    message: str
    replacements: tuple[str, ...]
    #: What LanguageTool's clients show besides the message (kept for the LanguageTool-compatible API).
    short_message: str = ""
    description: str = ""
    category_name: str = ""
    urls: tuple[str, ...] = ()

    @property
    def is_spelling(self) -> bool:
        """True for spelling mistakes: an unknown word, or a match of LanguageTool's ``TYPOS`` category."""
        return self.type_name == "UnknownWord" or self.category_id == "TYPOS"


def lt_language(language: str) -> str:
    """The LanguageTool language code for a tonecheck language: ``en`` → ``en-US``, ``en_gb`` → ``en-GB``."""
    m = _TAG.match(language.strip())
    if not m:
        return language.strip()
    base, region = m.group(1).lower(), m.group(2)
    if region is None:
        return _VARIANTS.get(base, base)
    return f"{base}-{region.upper() if len(region) == 2 else region}"


def _server_tool(language: str, url: str | None, timeout: float) -> Any:
    """language-tool-python's client, waiting at most *timeout* seconds per request."""
    import language_tool_python

    # The client's request timeout is a class constant (300 s); a subclass sets ours.
    tool_cls = type("TonecheckLanguageTool", (language_tool_python.LanguageTool,), {"_TIMEOUT": timeout})
    if url is None:
        return tool_cls(language)
    return tool_cls(language, remote_server=url)


def _base_url(url: str) -> str:
    """The server's base URL without a trailing ``/v2`` (language-tool-python adds ``v2/``)."""
    url = url.strip().rstrip("/")
    url = url.removesuffix("/v2")
    return url + "/"


class LanguageToolClient:
    """Checks drafts with LanguageTool. One per :class:`~tonecheck.Checker`; safe to share between threads.

    *url* is a server's base URL or ``None`` for local mode. *factory* builds the
    language-tool-python client (tests and embedders can inject their own).
    """

    def __init__(
        self,
        url: str | None,
        *,
        timeout: float | None = None,
        disabled_rules: Iterable[str] = (),
        disabled_categories: Iterable[str] = (),
        accept: Iterable[str] = (),
        max_length: int | None = None,
        cache_size: int | None = None,
        retry_after: float | None = None,
        suggestions: int | None = None,
        language: str | None = None,
        factory: ToolFactory | None = None,
    ) -> None:
        limits = data()["limits"]
        self.url = _base_url(url) if url is not None else None
        #: Language for LanguageTool that overrides the draft's (``[languagetool] language``).
        self.language = language
        self.timeout = float(timeout if timeout is not None else limits["timeout"])
        self.disabled_rules = frozenset(data()["disabled"]["rules"]) | frozenset(disabled_rules)
        self.disabled_categories = frozenset(disabled_categories)
        self.accept = frozenset(w.casefold() for w in accept)
        self.max_length = int(max_length if max_length is not None else limits["max-length"])
        self.cache_size = int(cache_size if cache_size is not None else limits["cache-size"])
        self.retry_after = float(retry_after if retry_after is not None else limits["retry-after"])
        self.suggestions = int(suggestions if suggestions is not None else limits["suggestions"])
        self._factory: ToolFactory = factory or _server_tool
        self._lock = threading.Lock()
        self._tools: dict[str, Any] = {}
        self._cache: OrderedDict[tuple[str, str, tuple[str, ...]], tuple[GrammarMatch, ...]] = OrderedDict()
        self._down_until = 0.0
        self._down_reason = ""
        self._bad_languages: dict[str, str] = {}
        self._options = (
            "disabledRules=" + ",".join(sorted(self.disabled_rules)),
            "disabledCategories=" + ",".join(sorted(self.disabled_categories)),
            "accept=" + ",".join(sorted(self.accept)),
        )
        #: Requests sent to LanguageTool (checks, not cache hits); for tests and ``doctor``.
        self.requests = 0

    @property
    def mode(self) -> str:
        """``"server"`` or ``"local"``."""
        return "local" if self.url is None else "server"

    @property
    def where(self) -> str:
        """The server's URL, or "a local LanguageTool server"."""
        return self.url.rstrip("/") if self.url is not None else "a local LanguageTool server"

    @classmethod
    def from_settings(
        cls,
        settings: LanguageToolSettings,
        environ: Mapping[str, str] | None = None,
        *,
        factory: ToolFactory | None = None,
    ) -> LanguageToolClient | None:
        """The client the settings ask for, or ``None`` when LanguageTool is off or not configured.

        The ``url`` setting wins; without one, ``TONECHECK_LANGUAGETOOL_URL`` is used.
        """
        url = configured_url(settings, environ)
        if url is None or url == "off":
            return None
        return cls(
            None if url == "local" else url,
            timeout=settings.timeout,
            disabled_rules=settings.disabled_rules,
            disabled_categories=settings.disabled_categories,
            accept=settings.accept,
            max_length=settings.max_length,
            cache_size=settings.cache_size,
            language=settings.language,
            factory=factory,
        )

    # -- checking -----------------------------------------------------------------------------

    def check(self, parsed: ParsedText, language: str) -> tuple[GrammarMatch, ...]:
        """LanguageTool's matches for the draft *parsed* in *language*.

        Raises :class:`LanguageToolUnavailableError` (with a reason fit for ``Report.skipped``) when the
        draft is too long, the language is not supported, or LanguageTool fails or is too slow.
        """
        text = parsed.text
        if len(text) > self.max_length:
            raise LanguageToolUnavailableError(
                f"the draft is longer than {self.max_length:,} characters, the limit for LanguageTool"
            )
        if not text.strip():
            return ()
        code = lt_language(language)
        key = (text, code, self._options)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
            if code in self._bad_languages:
                raise LanguageToolUnavailableError(self._bad_languages[code])
            if time.monotonic() < self._down_until:
                raise LanguageToolUnavailableError(self._down_reason)
        matches = self._fetch(parsed, code)
        if self.cache_size:
            with self._lock:
                self._cache[key] = matches
                self._cache.move_to_end(key)
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return matches

    def _fetch(self, parsed: ParsedText, code: str) -> tuple[GrammarMatch, ...]:
        from language_tool_python.exceptions import LanguageToolError
        from requests import RequestException

        # language-tool-python raises plain requests, OS and value errors too, and SystemExit when it
        # cannot read `java -version`: none of them may escape a check.
        errors = (LanguageToolError, RequestException, ValueError, FileNotFoundError, OSError, SystemError,
                  ImportError, KeyError, TypeError, SystemExit)
        try:
            tool = self._tool(code)
        except LanguageToolUnavailableError:
            raise
        except errors as exc:
            if isinstance(exc, ValueError) and "unsupported language" in str(exc):
                reason = f"LanguageTool does not support the language {code!r}"
                with self._lock:
                    self._bad_languages[code] = reason
                raise LanguageToolUnavailableError(reason) from None
            raise self._failed(exc) from None
        params = self._params(parsed, code)
        try:
            with self._lock:
                self.requests += 1
            answer = tool._query_server(urllib.parse.urljoin(tool.url, "check"), params, num_tries=1, method="post")
        except errors as exc:
            raise self._failed(exc) from None
        try:
            return self._matches(answer, parsed)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise self._failed(None, "LanguageTool sent an answer tonecheck could not read") from None

    def _tool(self, code: str) -> Any:
        with self._lock:
            tool = self._tools.get(code)
        if tool is None:
            url = self.url
            if url is None and self._tools:
                # Local mode: the server started for one language checks every language.
                url = _base_url(next(iter(self._tools.values())).url)
            # Built outside the lock: the constructor asks the server for its languages.
            tool = self._factory(code, url, self.timeout)
            with self._lock:
                tool = self._tools.setdefault(code, tool)
        return tool

    def _params(self, parsed: ParsedText, code: str) -> dict[str, str]:
        import json

        params = {"language": code}
        if parsed.protected:
            params["data"] = json.dumps({"annotation": annotation(parsed)}, ensure_ascii=False)
        else:
            params["text"] = parsed.text
        if self.disabled_rules:
            params["disabledRules"] = ",".join(sorted(self.disabled_rules))
        if self.disabled_categories:
            params["disabledCategories"] = ",".join(sorted(self.disabled_categories))
        return params

    def _matches(self, answer: Any, parsed: ParsedText) -> tuple[GrammarMatch, ...]:
        text = parsed.text
        offsets = OffsetMap(text)
        emoji_starts = {e.start for e in parsed.emoji}
        emoji_ends = {e.end for e in parsed.emoji}
        found: list[GrammarMatch] = []
        for m in answer["matches"]:
            offset, length = m["offset"], m["length"]
            if not isinstance(offset, int) or not isinstance(length, int) or length < 0:
                raise ValueError("offset and length must be whole numbers")
            start = offsets.to_codepoint(offset)
            end = offsets.to_codepoint(offset + length)
            rule = m["rule"]
            replacements = tuple(
                r["value"] for r in m.get("replacements", ()) if isinstance(r, dict) and isinstance(r.get("value"), str)
            )
            match = GrammarMatch(
                start=start,
                end=end,
                rule_id=str(rule["id"]),
                category_id=str(rule.get("category", {}).get("id", "")),
                issue_type=str(rule.get("issueType", "uncategorized")),
                type_name=str(m.get("type", {}).get("typeName", "")),
                message=str(m["message"]),
                replacements=replacements[: self.suggestions],
                short_message=str(m.get("shortMessage") or ""),
                description=str(rule.get("description") or ""),
                category_name=str(rule.get("category", {}).get("name") or ""),
                urls=tuple(
                    str(u["value"]) for u in rule.get("urls", ())
                    if isinstance(u, dict) and isinstance(u.get("value"), str)
                ),
            )
            if start >= end or parsed.is_protected(start, end):
                continue
            if match.type_name != "UnknownWord" and _next_to_emoji(text, start, end, emoji_starts, emoji_ends):
                continue
            if match.is_spelling and text[start:end].casefold() in self.accept:
                continue
            found.append(match)
        return tuple(found)

    def _failed(self, exc: BaseException | None, reason: str | None = None) -> LanguageToolUnavailableError:
        if reason is None:
            reason = self._reason(exc)
        with self._lock:
            self._down_until = time.monotonic() + self.retry_after
            self._down_reason = reason
            self._tools.clear()
        return LanguageToolUnavailableError(reason)

    def _reason(self, exc: BaseException | None) -> str:
        import requests

        seconds = f"{self.timeout:g} s"
        chain: list[BaseException] = []
        while exc is not None and len(chain) < 10:
            chain.append(exc)
            exc = exc.__cause__ or exc.__context__
        if any(isinstance(e, requests.Timeout | TimeoutError) for e in chain):
            return f"LanguageTool did not answer within {seconds} ({self.where})"
        if any(isinstance(e, requests.ConnectionError | ConnectionError) for e in chain):
            return f"LanguageTool could not be reached at {self.where}"
        if any(isinstance(e, FileNotFoundError | ImportError | SystemError) for e in chain) and self.url is None:
            return (
                "LanguageTool could not start locally (needs Java 17 or later and a LanguageTool install; see LTP_PATH)"
            )
        if any("JSON" in type(e).__name__ or "Expecting value" in str(e) for e in chain):
            return f"LanguageTool sent an answer tonecheck could not read ({self.where})"
        name = type(chain[0]).__name__ if chain else "unknown error"
        return f"LanguageTool failed ({name}, {self.where})"

    # -- diagnostics --------------------------------------------------------------------------

    def probe(self, language: str = "en") -> str:
        """One line for ``tonecheck doctor``: is the server answering, and which version.

        Raises :class:`LanguageToolUnavailableError` when it is not.
        """
        from language_tool_python.exceptions import LanguageToolError
        from requests import RequestException

        code = lt_language(language)
        try:
            tool = self._factory(code, self.url, self.timeout)
            languages = sorted(x for x in tool.language.languages if x != "auto")
            answer = tool._query_server(
                urllib.parse.urljoin(tool.url, "check"), {"language": code, "text": "Hello."}, num_tries=1,
                method="post",
            )
        except (LanguageToolError, RequestException, ValueError, OSError, SystemError, ImportError, KeyError,
                TypeError, AttributeError, SystemExit) as exc:
            if isinstance(exc, ValueError) and "unsupported language" in str(exc):
                raise LanguageToolUnavailableError(f"LanguageTool at {self.where} does not support {code!r}") from None
            raise LanguageToolUnavailableError(self._reason(exc)) from None
        if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
            raise LanguageToolUnavailableError(f"LanguageTool sent an answer tonecheck could not read ({self.where})")
        software = answer.get("software", {})
        version = software.get("version", "version unknown") if isinstance(software, dict) else "version unknown"
        name = software.get("name", "LanguageTool") if isinstance(software, dict) else "LanguageTool"
        return f"{name} {version} at {self.where} answers ({len(languages)} language codes; checking {code})"


def annotation(parsed: ParsedText) -> list[dict[str, str]]:
    """LanguageTool annotated text for the draft: protected spans become markup.

    Joined, the ``text`` and ``markup`` parts are exactly the draft, so LanguageTool's offsets point
    into the draft. URLs, mentions, hashtags and cashtags read as a short name (so the sentence
    around them still parses: "Thanks Sam!"), emoji as a space.
    """
    text = parsed.text
    entity_starts = {t.start for t in (*parsed.urls, *parsed.mentions, *parsed.hashtags, *parsed.cashtags)}
    parts: list[dict[str, str]] = []
    last = 0
    for start, end in parsed.protected:
        if start > last:
            parts.append({"text": text[last:start]})
        parts.append({"markup": text[start:end], "interpretAs": _stand_in(text, start, end, entity_starts)})
        last = end
    if last < len(text):
        parts.append({"text": text[last:]})
    return parts


def _next_to_emoji(text: str, start: int, end: int, emoji_starts: set[int], emoji_ends: set[int]) -> bool:
    """True when only blanks separate the span from an emoji.

    An emoji reads to LanguageTool as a space, so grammar around one is judged on a sentence with a
    word missing: "I ❤️ this" becomes "I this" ("did you mean *if*?"), "an 🍎" becomes "an" before a
    consonant. Such matches are guesses; an unknown word (``UnknownWord``) is not: the word itself is wrong.
    """
    if not emoji_starts:
        return False
    before = start
    while before > 0 and text[before - 1].isspace():
        before -= 1
    after = end
    while after < len(text) and text[after].isspace():
        after += 1
    return before in emoji_ends or after in emoji_starts


def _stand_in(text: str, start: int, end: int, entity_starts: set[int]) -> str:
    if start not in entity_starts:
        return " "
    # "an #AI tool" must stay "an" + vowel, or LanguageTool flags the article.
    first = next((ch for ch in text[start:end] if ch.isalpha()), "s")
    return "Ann" if first in _VOWEL else "Sam"


def configured_url(settings: LanguageToolSettings, environ: Mapping[str, str] | None = None) -> str | None:
    """The configured server URL, ``"local"``, ``"off"``, or ``None`` when nothing names one."""
    if settings.url:
        return settings.url
    env = (os.environ if environ is None else environ).get(ENV_LANGUAGETOOL_URL, "").strip()
    return env or None


# -- status for `tonecheck doctor` -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Status:
    """Which LanguageTool mode is active and why, for ``tonecheck doctor``."""

    mode: str  # "server", "local" or "off"
    ok: bool
    lines: tuple[str, ...]


def _java_version() -> tuple[int, str] | None:
    import shutil
    import subprocess

    java = shutil.which("java")
    if not java:
        return None
    try:
        out = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    first = (out.stderr or out.stdout).strip().splitlines()
    m = re.search(r'version "(\d+)(?:\.(\d+))?', first[0] if first else "")
    if not m:
        return None
    major = int(m.group(1))
    if major == 1 and m.group(2):
        major = int(m.group(2))
    return major, first[0]


def _local_install(environ: Mapping[str, str]) -> Path | None:
    root = Path(environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python")
    if not root.is_dir():
        return None
    for folder in sorted(root.glob("LanguageTool*"), reverse=True):
        for jar in ("languagetool-server.jar", "languagetool.jar"):
            if (folder / jar).is_file():
                return folder
    return None


def status(
    settings: LanguageToolSettings,
    language: str = "en",
    environ: Mapping[str, str] | None = None,
    *,
    source: str | None = None,
    factory: ToolFactory | None = None,
) -> Status:
    """Work out the active LanguageTool mode and test it (contacts the server, never downloads).

    *source* names where the URL setting came from when it was not the configuration file
    (``--languagetool``).
    """
    env = os.environ if environ is None else environ
    url = configured_url(settings, env)
    source = source or ("[languagetool] url" if settings.url else ENV_LANGUAGETOOL_URL)
    if url is None:
        return Status("off", True, (
            "LanguageTool: off (not configured).",
            f"  Grammar and spelling are not checked. Set {ENV_LANGUAGETOOL_URL}, [languagetool] url in",
            "  tonecheck.toml, or --languagetool URL to use a LanguageTool server (README: Grammar).",
        ))
    if url == "off":
        return Status("off", True, (f"LanguageTool: off ({source} is \"off\").",))
    if url == "local":
        lines = [f"LanguageTool: local mode ({source} is \"local\")."]
        java = _java_version()
        install = _local_install(env)
        no_java = "  Java: not found on PATH (LanguageTool needs Java 17 or later)"
        lines.append(f"  Java: {java[1]}" if java else no_java)
        where = env.get("LTP_PATH") or "~/.cache/language_tool_python (set LTP_PATH to change)"
        lines.append(f"  LanguageTool install: {install}" if install else
                     f"  LanguageTool install: none in {where}; language-tool-python downloads it when online")
        ok = java is not None and java[0] >= 17 and install is not None
        if java is None or java[0] < 17:
            why = " is older than 17" if java is not None else " is missing"
            lines.append(f"  Not working: Java{why}, so local mode cannot start. Grammar will be skipped.")
        elif install is None:
            lines.append("  Not ready: no LanguageTool install yet. Grammar is skipped until one is downloaded.")
        return Status("local", ok, tuple(lines))
    client = LanguageToolClient(url, timeout=settings.timeout, factory=factory)
    lines = [f"LanguageTool: server mode ({source} is {client.where})."]
    try:
        lines.append("  " + client.probe(settings.language or language))
        ok = True
    except LanguageToolUnavailableError as exc:
        lines.append(f"  Not working: {exc.reason}. Grammar will be skipped (see Report.skipped).")
        ok = False
    return Status("server", ok, tuple(lines))
