"""Words the team decided not to use are left out

## What it checks

Looks for the words and phrases a voice profile lists under `[[terms.avoid]]`, as whole words in any
capitals, with a space or a hyphen between the words of a phrase. Links, hashtags and mentions are
left alone. The message gives the team's reason when the profile has one.

## Why it matters

Teams keep a list of words that do not fit their voice: jargon that tells readers nothing ("synergy",
"best-in-class"), words that sound careless about complaints, or words that exclude people. A check
while writing catches them before a reader does. Vale calls this an existence rule. See
https://vale.sh/docs/checks/existence

## Example

```text profile=acme
Our best-in-class boots are here.
```

## Use instead

```text profile=acme
Our new boots are waterproof and weigh 900 g.
```

## Fix

No automatic fix: the right word depends on what you meant. Say the thing itself.

## References

- https://vale.sh/docs/checks/existence
- https://www.gov.uk/guidance/style-guide/a-to-z
"""

from __future__ import annotations

from typing import ClassVar

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext
from tonecheck.rules.voice._terms import TermMatcher, cached
from tonecheck.voice.profile import Profile


def _matcher(profile: Profile) -> TermMatcher:
    return TermMatcher([(word, i) for i, entry in enumerate(profile.avoid) for word in entry.terms])


@register
class TermAvoid(Rule):
    id = "term-avoid"
    category = Category.VOICE
    severity = Severity.WARNING
    summary = "Words the team decided not to use are left out"
    messages: ClassVar = {
        "avoid": 'Our voice does not use "{found}". Say it another way.',
        "avoid-why": 'Our voice does not use "{found}". {why}',
    }
    fix = FixAvailability.NEVER
    tags = frozenset({"voice", "terms"})
    references = ("https://vale.sh/docs/checks/existence", "https://www.gov.uk/guidance/style-guide/a-to-z")

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        profile = draft.profile
        if profile is None or not profile.avoid:
            ctx.skip()
            return
        for m in cached(profile, "term-avoid", _matcher).find(draft.parsed):
            entry = profile.avoid[m.index]
            ctx.report("avoid-why" if entry.why else "avoid", m.start, m.end, severity=entry.severity,
                       found=m.found, why=entry.why)
