"""Links use their full address, not a third-party link shortener

## What it checks

Flags links on public link-shortening services such as bit.ly, tinyurl.com, ow.ly, buff.ly,
goo.gl, is.gd, rebrand.ly, cutt.ly, tiny.cc, rb.gy and s.id. It also flags links that a platform
made when a post went out (t.co on X, lnkd.in on LinkedIn) and that were copied into a new draft:
the platform adds those itself when you post the original link.

The host must match a listed domain exactly or be one of its subdomains, and the link must have
a path: a bare "bit.ly" in a sentence is the name of the service, not a short link. Brand short
domains that name their destination (youtu.be, amzn.to) and Google Maps share links are not
flagged.

## Why it matters

A short link hides where it goes, so people cannot judge it before they open it, and screen
reader users hear a string of random letters. Short links can carry tracking, can be used to hide
harmful sites, and they stop working when the service closes (many goo.gl links stopped working
in 2025). They save nothing: X and Mastodon count every link as 23 characters, however long it is.

Some guidance still recommends short links for brevity; this rule follows UK government advice
against them. Short links on your organisation's own domain are never flagged. If you use a
listed service on purpose (for example a branded address such as yourname.short.gy), add it to
`allow`.

## Example

```text
Our winter opening hours are on the website: https://bit.ly/3xYzAbc
```

## Use instead

```text
Our winter opening hours are on the website: https://example.org/opening-hours
```

## Options

`allow`: domains that are never flagged (default none). A listed domain also allows its
subdomains.

## Fix

No automatic fix: open the short link and paste the full address it leads to.

## References

- https://gcs.civilservice.gov.uk/blog/link-shorteners-the-long-and-short-of-why-you-shouldnt-use-them/
- https://commsandmarketing.blog.essex.gov.uk/2023/09/12/short-links-tall-problems-why-you-should-stop-using-third-party-link-shortening-tools/
- https://mastodawn.com/post/114931320008191208
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import ClassVar

import regex

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext

_SCHEME = regex.compile(r"[a-z][a-z0-9+.\-]*://", regex.I)


@register
class LinkShortener(Rule):
    id = "link-shortener"
    category = Category.ACCESSIBILITY
    severity = Severity.SUGGESTION
    summary = "Links use their full address, not a third-party link shortener"
    messages: ClassVar = {
        "shortener": "{host} links hide where they go. X and Mastodon count every link as 23 characters "
        "anyway, so use the full link.",
        "wrapped": "{host} links are made by {platform} when a post goes out, and they hide where they go. "
        "Paste the original link instead.",
    }
    tags = frozenset({"links", "trust"})
    references = (
        "https://gcs.civilservice.gov.uk/blog/link-shorteners-the-long-and-short-of-why-you-shouldnt-use-them/",
        "https://commsandmarketing.blog.essex.gov.uk/2023/09/12/short-links-tall-problems-why-you-should-stop-using-third-party-link-shortening-tools/",
        "https://mastodawn.com/post/114931320008191208",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        urls = draft.parsed.urls
        if not urls:
            return
        shorteners, exceptions = _lists(self)
        allow = _domains(ctx.options["allow"])
        for url in urls:
            host, path = _host(url.text)
            if not path.strip("/?#"):
                continue
            matched = _match(host, shorteners)
            if matched is None or _match(host, allow) or _excepted(host, path, exceptions):
                continue
            wrapper = self.data["shorteners"]["wrappers"].get(matched)
            if wrapper:
                ctx.report("wrapped", url.start, url.end, host=matched, platform=wrapper, url=url.text)
            else:
                ctx.report("shortener", url.start, url.end, host=matched, url=url.text)

_LISTS: dict[int, tuple[frozenset[str], frozenset[str]]] = {}


def _lists(rule: Rule) -> tuple[frozenset[str], frozenset[str]]:
    """The shortener domains and the exceptions of the data file, normalised once."""
    table = rule.data["shorteners"]
    lists = _LISTS.get(id(table))
    if lists is None:
        lists = _LISTS[id(table)] = (_domains(tuple(table["domains"])), _domains(tuple(table["exceptions"])))
    return lists


@cache
def _domains_cached(domains: tuple[str, ...]) -> frozenset[str]:
    return frozenset(d.strip().lower().removeprefix("www.").rstrip(".") for d in domains if d.strip())


def _domains(domains: Iterable[str]) -> frozenset[str]:
    """Domains in lower case without ``www.`` (the user's ``allow`` list is cached by value)."""
    return _domains_cached(tuple(domains))


def _host(url: str) -> tuple[str, str]:
    """The lower-case host of a URL token (without ``www.``, user or port), and the rest of it."""
    m = _SCHEME.match(url)
    rest = url[m.end() :] if m else url
    cut = len(rest)
    for sep in "/?#":
        i = rest.find(sep)
        if i != -1 and i < cut:
            cut = i
    host = rest[:cut].rsplit("@", 1)[-1].split(":", 1)[0].lower().rstrip(".")
    return host.removeprefix("www."), rest[cut:]


def _excepted(host: str, path: str, exceptions: frozenset[str]) -> bool:
    """Whether the link is a listed exception: a host ("maps.app.goo.gl") or a host and path ("goo.gl/maps")."""
    if host in exceptions:
        return True
    first = path.lstrip("/").split("/", 1)[0].lower()
    return bool(first) and f"{host}/{first}" in exceptions


def _match(host: str, domains: Sequence[str] | frozenset[str]) -> str | None:
    """The listed domain that *host* is, or is a subdomain of."""
    if not domains:
        return None
    candidate = host
    while True:
        if candidate in domains:
            return candidate
        dot = candidate.find(".")
        if dot == -1:
            return None
        candidate = candidate[dot + 1 :]
