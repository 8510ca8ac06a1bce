"""Every rule's references point at a publisher's live page, never at a staging, test or local host."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tonecheck.registry import default_registry

DATA = Path(__file__).parent.parent.parent / "tonecheck" / "data" / "rules"
_URL = re.compile(r"https?://[^\s'\"()<>,;]+")
# A label of the host name (not its top-level domain: ".dev" is a real one) that means a page that
# is not the published one: "stagingmolly.", "test.", "site-dev.", "uat.".
_UNPUBLISHED_LABEL = re.compile(r"(?:^|-)(?:staging|stage|test|testing|dev|preview|uat|qa|sandbox)(?:-|\d|$)|^staging")
_LOCAL_HOST = re.compile(r"^localhost$|^127\.|^0\.0\.0\.0$|^10\.|^192\.168\.|\.(?:local|test|invalid|example)$")
_EXAMPLE = frozenset({"example.com", "example.org", "example.net"})
#: Hosts whose name looks like a test host but that are the publisher's own live site.
_PUBLISHED = {"dev.languagetool.org": "LanguageTool's published developer documentation"}


def _not_published(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    if host in _PUBLISHED:
        return False
    if not host or _LOCAL_HOST.search(host) or host in _EXAMPLE or host.endswith(tuple("." + e for e in _EXAMPLE)):
        return True
    return any(_UNPUBLISHED_LABEL.search(label) for label in host.split(".")[:-1])


def _references_section(doc: str) -> str:
    """The docstring's "## References" section (examples elsewhere may use example.org on purpose)."""
    _, _, rest = doc.partition("## References")
    return rest.split("\n## ", 1)[0]


def _rule_urls() -> list[tuple[str, str]]:
    found = []
    for rule in default_registry():
        urls = set(rule.references) | set(_URL.findall(_references_section(rule.__doc__ or ""))) | set(
            u for text in rule.sources.values() for u in _URL.findall(text)
        )
        found += [(rule.id, url.rstrip(".")) for url in sorted(urls)]
    for path in sorted(DATA.glob("*.toml")):
        found += [(path.name, url.rstrip(".")) for url in sorted(set(_URL.findall(path.read_text(encoding="utf-8"))))]
    return found


@pytest.mark.parametrize(("where", "url"), _rule_urls(), ids=lambda v: str(v))
def test_reference_is_not_a_staging_or_test_host(where: str, url: str) -> None:
    assert not _not_published(url), f"{where} cites {url}: use the publisher's live page"


@pytest.mark.parametrize(
    "url",
    [
        "https://stagingmolly.molevalley.gov.uk/?p=5007",
        "https://staging.example.org/page",
        "http://localhost:8000/guide",
        "http://127.0.0.1/x",
        "https://test.gov.uk/page",
        "https://dev.example.com/a",
        "https://site-dev.netlify.app/a",
        "https://uat.council.gov.uk/",
    ],
)
def test_the_check_knows_unpublished_hosts(url: str) -> None:
    assert _not_published(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://accessibility.ucsd.edu/checklists/social-media.html",
        "https://www.w3.org/TR/WCAG22/#link-purpose-in-context",
        "https://developer.x.com/en/docs/counting-characters",
        "https://www.gov.uk/guidance/style-guide/a-to-z",
        "https://www.contest.org/rules",
    ],
)
def test_published_hosts_pass(url: str) -> None:
    assert not _not_published(url)
