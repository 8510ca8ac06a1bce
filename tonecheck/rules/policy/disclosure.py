"""Promotional posts carry the disclosure the team's policy requires

## What it checks

Runs only when the voice profile sets `[policy.disclosure] required = true`. A draft reads as
promotional when it has one of the signals of paid or gifted promotion: a discount or affiliate code
("use code", "promo code"), an affiliate link, or a partner named as sponsor ("sponsored by", "in
partnership with", "gifted by"). The profile's `promotional` list replaces these signals. Such a
draft must carry one of the profile's `markers` (by default `#ad` or "Paid partnership"): a marker
that starts with `#` must be a hashtag of the draft, any other marker a phrase in it, in any capitals.

## Why it matters

Advertising rules in the UK and the US require paid, gifted and affiliate posts to say so clearly, in
the post itself. The UK's Advertising Standards Authority and Competition and Markets Authority ask
for a label such as "#ad" upfront; the US Federal Trade Commission says the same. A missed label
misleads readers and can bring a ruling against the brand. See https://www.asa.org.uk/resource/influencers-guide.html

## Example

```text profile=acme
Loving my new boots! Use code TRAIL20 for 20% off.
```

## Use instead

```text profile=acme
#ad Loving my new boots! Use code TRAIL20 for 20% off.
```

## Fix

No automatic fix: add the disclosure at the start of the post, where people see it first.

## References

- https://www.asa.org.uk/resource/influencers-guide.html
- https://www.ftc.gov/business-guidance/resources/disclosures-101-social-media-influencers
"""

from __future__ import annotations

from typing import ClassVar

import regex

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext
from tonecheck.rules.voice._terms import TermMatcher, cached
from tonecheck.voice.profile import Profile


def _signals(profile: Profile) -> TermMatcher:
    disclosure = profile.policy.disclosure
    words = disclosure.promotional if disclosure and disclosure.promotional else tuple(Disclosure.data["signals"])
    return TermMatcher([(w, i) for i, w in enumerate(words)])


def _markers(profile: Profile) -> tuple[frozenset[str], regex.Pattern[str] | None]:
    disclosure = profile.policy.disclosure
    markers = disclosure.markers if disclosure else ()
    tags = frozenset(m.casefold() for m in markers if m.startswith("#"))
    phrases = [m for m in markers if not m.startswith("#")]
    pattern = (
        regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(r"\s+".join(map(regex.escape, p.split())) for p in phrases)
                      + r")(?![\p{L}\p{N}])", regex.IGNORECASE)
        if phrases else None
    )
    return tags, pattern


@register
class Disclosure(Rule):
    id = "disclosure"
    category = Category.POLICY
    severity = Severity.ERROR
    summary = "Promotional posts carry the disclosure the team's policy requires"
    messages: ClassVar = {
        "missing": 'This reads as a promotion ("{signal}") but has no label. Add {markers} at the start.',
    }
    fix = FixAvailability.NEVER
    tags = frozenset({"policy", "advertising"})
    references = (
        "https://www.asa.org.uk/resource/influencers-guide.html",
        "https://www.ftc.gov/business-guidance/resources/disclosures-101-social-media-influencers",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        profile = draft.profile
        disclosure = profile.policy.disclosure if profile is not None else None
        if profile is None or disclosure is None or not disclosure.required:
            ctx.skip()
            return
        signal = next(cached(profile, "disclosure.signals", _signals).find(draft.parsed), None)
        if signal is None:
            return
        tags, phrases = cached(profile, "disclosure.markers", _markers)
        parsed = draft.parsed
        if any(h.text.casefold() in tags for h in parsed.hashtags):
            return
        if phrases is not None and phrases.search(draft.text):
            return
        shown = " or ".join(f'"{m}"' for m in disclosure.markers[:2])
        ctx.report("missing", signal.start, signal.end, signal=signal.found, markers=shown)
