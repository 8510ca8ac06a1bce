"""The team's preferred words are used instead of the words it replaced

## What it checks

Looks for the words and phrases a voice profile lists under `[[terms.prefer]]` `instead-of`, as whole
words in any capitals, with a space or a hyphen between the words of a phrase. Links, hashtags and
mentions are left alone. The suggestion keeps the capitals of the word it replaces ("Utilise" becomes
"Use"). Only the forms the profile lists are matched: list "utilises" too if you want it caught.

## Why it matters

A voice guide's word list is where "we write like people talk" becomes concrete: "use", not "utilise";
"before", not "prior to". Writers cannot remember a whole list while drafting, and readers notice when
one post sounds different from the rest. Plain words also help people with low literacy and everyone
reading on a phone, as the GOV.UK style guide explains. See https://www.gov.uk/guidance/style-guide/a-to-z

## Example

```text profile=acme
Utilise our new map to plan your walk.
```

## Use instead

```text profile=acme
Use our new map to plan your walk.
```

## Fix

Replace the word with the preferred one. The suggestion is marked safe only for single words; a phrase
may need the sentence around it reworded.

## References

- https://www.gov.uk/guidance/style-guide/a-to-z
- https://vale.sh/docs/checks/substitution
"""

from __future__ import annotations

from typing import ClassVar

from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext
from tonecheck.rules.voice._terms import TermMatcher, cached, keep_case
from tonecheck.voice.profile import Profile


def _matcher(profile: Profile) -> TermMatcher:
    return TermMatcher([(word, i) for i, entry in enumerate(profile.prefer) for word in entry.instead_of])


@register
class TermPrefer(Rule):
    id = "term-prefer"
    category = Category.VOICE
    severity = Severity.WARNING
    summary = "The team's preferred words are used instead of the words it replaced"
    messages: ClassVar = {
        "prefer": 'Write "{use}" instead of "{found}".',
        "prefer-why": 'Write "{use}" instead of "{found}". {why}',
    }
    fix = FixAvailability.ALWAYS
    tags = frozenset({"voice", "terms"})
    references = ("https://www.gov.uk/guidance/style-guide/a-to-z", "https://vale.sh/docs/checks/substitution")

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        profile = draft.profile
        if profile is None or not profile.prefer:
            ctx.skip()
            return
        for m in cached(profile, "term-prefer", _matcher).find(draft.parsed):
            entry = profile.prefer[m.index]
            use = keep_case(m.found, m.written, entry.use)
            single = len(m.found.split()) == 1 and len(use.split()) == 1
            ctx.report(
                "prefer-why" if entry.why else "prefer", m.start, m.end,
                suggestions=[Suggestion(use, f'Write "{use}"', safe=single)],
                use=use, found=m.found, why=entry.why,
            )
