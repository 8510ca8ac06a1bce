"""Brand and product names are written exactly as the brand writes them

## What it checks

Looks for the brand and product names a voice profile lists under `[terms] brands`, written with
other capitals or spacing: "Linkedin" or "Linked In" for "LinkedIn", "Gov.uk" for "GOV.UK", "I Phone"
for "iPhone". Links, hashtags and mentions are left alone, with one exception: a brand that looks like
a bare domain ("GOV.UK") is also checked where a draft writes exactly that domain with other capitals
("Gov.uk", which platforms and tonecheck read as a link). Written in small letters ("gov.uk"), or with a
scheme, "www.", a path, a port or a query ("https://gov.uk/x"), it is a web address and left alone.
To avoid false alarms it does not flag:

- a name written all in small letters when that is an everyday word or a common name ("apple" for
  Apple, "target" for Target), or when it is split into words ("trail pro" for TrailPro); names with
  capitals or dots inside ("linkedin" for LinkedIn) are always flagged;
- a name in capitals inside a sentence that already uses capitals for emphasis ("NEW FROM ACME").

## Why it matters

A brand name written three ways looks careless, and readers notice. Names with capitals inside
("LinkedIn", "iPhone") also help screen readers say them properly, for the same reason as CamelCase
hashtags. Voice guides and Vale's vocabularies list names with their exact spelling for this reason.
See https://vale.sh/docs/keys/vocab

## Example

```text profile=acme
Our new Trailpro boots are in shops now.
```

## Use instead

```text profile=acme
Our new TrailPro boots are in shops now.
```

## Fix

Replace the name with the brand's spelling (a safe fix: it only changes capitals and spacing).

## References

- https://vale.sh/docs/keys/vocab
- https://www.gov.uk/guidance/style-guide/a-to-z
"""

from __future__ import annotations

from typing import ClassVar

import regex

from tonecheck import lexicon
from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext
from tonecheck.rules.voice._terms import cached
from tonecheck.text import whole_graphemes
from tonecheck.voice.profile import Profile

# Where a name splits into parts that writers may space or join differently.
_PARTS = regex.compile(r"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+|[^\p{L}\p{N}\s.\-]+")
_SEPARATORS = regex.compile(r"[\s.\-]")
_CAPS_WORD = regex.compile(r"\b\p{Lu}{3,}\b")
# A brand written like a domain: letters and digits in dot-separated labels, the last all letters.
_BARE_DOMAIN = regex.compile(r"(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+\p{L}{2,}")


class _Brands:
    def __init__(self, brands: tuple[str, ...]) -> None:
        self.by_key: dict[str, str] = {}
        #: The first part of each name, case-folded: a cheap test before the regular expression runs.
        self.first_parts: frozenset[str] = frozenset(
            parts[0].casefold() for parts in (_PARTS.findall(b) for b in brands) if parts
        )
        alternatives = []
        for brand in sorted(brands, key=len, reverse=True):
            parts = _PARTS.findall(brand)
            key = "".join(parts).casefold()
            if not parts or key in self.by_key:
                continue
            self.by_key[key] = brand
            alternatives.append(r"[\s.\-]?".join(regex.escape(p) for p in parts))
        #: Brands that look like a bare domain ("GOV.UK"), by their case-folded spelling.
        self.domains: dict[str, str] = {b.casefold(): b for b in brands if _BARE_DOMAIN.fullmatch(b)}
        self.pattern = (
            regex.compile(r"(?<![\p{L}\p{N}_.@#])(?:" + "|".join(alternatives) + r")(?![\p{L}\p{N}_]|\.\p{L})",
                          regex.IGNORECASE)
            if alternatives else None
        )


def _domain_brand(text: str, start: int, end: int, brands: _Brands) -> str | None:
    """The brand a link written as a bare domain really is: "Gov.uk" → "GOV.UK"; else ``None``.

    Only a whole link that is exactly the brand in other capitals counts, written with a capital
    letter somewhere (a name, not an address): no scheme, "www.", path, port, query or fragment,
    nothing glued before it ("help@gov.uk", "x.gov.uk"). "gov.uk" in small letters, "www.gov.uk" and
    "https://gov.uk/x" are web addresses and stay as written.
    """
    found = text[start:end]
    brand = brands.domains.get(found.casefold())
    if brand is None or found == brand or found.islower():
        return None
    before = text[start - 1 : start]
    if before and (before.isalnum() or before in "@./_-:"):
        return None
    after = text[end : end + 2]
    if after[:1] in ("/", ":", "?", "#", "@") or (after[:1] in ".-_" and after[1:2].isalnum()):
        return None
    if whole_graphemes(text, start, end) != (start, end):
        return None
    return brand


def _brands(profile: Profile) -> _Brands:
    return _Brands(profile.brands)


def _everyday(found: str, brand: str) -> bool:
    """True for a lower-case form that may be ordinary English ("apple" for Apple, "trail pro" for TrailPro).

    A name with capitals or dots inside ("LinkedIn", "GOV.UK") is never an everyday word run together.
    """
    if not found.islower():
        return False
    if _SEPARATORS.search(found):
        return True
    if any(c.isupper() for c in brand[1:]) or not brand.isalpha():
        return False
    return found in lexicon.pronunciations()


@register
class BrandSpelling(Rule):
    id = "brand-spelling"
    category = Category.VOICE
    severity = Severity.WARNING
    summary = "Brand and product names are written exactly as the brand writes them"
    messages: ClassVar = {"spelling": 'Write "{brand}", not "{found}".'}
    fix = FixAvailability.ALWAYS
    tags = frozenset({"voice", "terms"})
    references = ("https://vale.sh/docs/keys/vocab", "https://www.gov.uk/guidance/style-guide/a-to-z")

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        profile = draft.profile
        if profile is None or not profile.brands:
            ctx.skip()
            return
        brands = cached(profile, "brand-spelling", _brands)
        if brands.pattern is None:
            return
        parsed = draft.parsed
        folded = parsed.prose.casefold()
        if any(part in folded for part in brands.first_parts):
            for m in brands.pattern.finditer(parsed.prose):
                found = m.group()
                brand = brands.by_key.get("".join(_PARTS.findall(found)).casefold())
                if brand is None or found == brand or _everyday(found, brand):
                    continue
                if self._shouting(draft, m.start(), found, brand):
                    continue
                if whole_graphemes(draft.text, m.start(), m.end()) != (m.start(), m.end()):
                    continue  # a mark or joiner clings to it ("Gov.uké"): not the name
                self._report(ctx, m.start(), m.end(), found, brand)
        if brands.domains:
            for url in parsed.urls:
                brand = _domain_brand(draft.text, url.start, url.end, brands)
                if brand is not None and not self._shouting(draft, url.start, url.text, brand):
                    self._report(ctx, url.start, url.end, url.text, brand)

    @staticmethod
    def _report(ctx: RuleContext, start: int, end: int, found: str, brand: str) -> None:
        ctx.report("spelling", start, end, suggestions=[Suggestion(brand, f'Write "{brand}"', safe=True)],
                   brand=brand, found=found)

    @staticmethod
    def _shouting(draft: Draft, start: int, found: str, brand: str) -> bool:
        if not found.isupper() or brand.isupper():
            return False
        for sentence in draft.parsed.sentences:
            if sentence.start <= start < sentence.end:
                caps = [w for w in _CAPS_WORD.findall(sentence.text) if w != found]
                return bool(caps)
        return False
