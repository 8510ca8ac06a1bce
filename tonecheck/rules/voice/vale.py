"""A team's Vale rules run on every draft, under their Vale names

## What it checks

Runs the Vale styles and vocabularies that a voice profile names in its `[vale]` table (a `.vale.ini`,
style folders, `accept.txt` / `reject.txt` vocabularies) and reports each alert under the Vale rule's
own name (`Acme.Jargon`, `Vale.Terms`), with the rule's message, level and suggestions. tonecheck
supports the rule types `existence`, `substitution`, `occurrence`, `repetition`, `capitalization`,
`conditional`, `consistency`, `readability` and `metric`; loading a style with other types or unknown
keys fails with a message naming the file. Alerts inside links and mentions are left out.

## Why it matters

Many teams already keep their style as Vale rules for their documentation. Running the same rules
while writing social posts keeps one source of truth for terms and style, instead of a second list
that drifts. See https://vale.sh/docs/topics/styles

## Example

```text profile=acme-vale
We leverage our synergy.
```

## Use instead

```text profile=acme-vale
We use what we know.
```

## Fix

Vale `substitution` rules and `action: replace` give suggestions; other alerts need rewording.

## References

- https://vale.sh/docs/topics/styles
- https://vale.sh/docs/checks/existence
"""

from __future__ import annotations

from typing import ClassVar

from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext

_LEVELS = {"suggestion": Severity.SUGGESTION, "warning": Severity.WARNING, "error": Severity.ERROR}


@register
class Vale(Rule):
    id = "vale"
    category = Category.VOICE
    severity = Severity.WARNING
    summary = "A team's Vale rules run on every draft, under their Vale names"
    messages: ClassVar = {"alert": "{message}"}
    fix = FixAvailability.SOMETIMES
    tags = frozenset({"voice", "vale"})
    references = ("https://vale.sh/docs/topics/styles", "https://vale.sh/docs/checks/existence")
    relays_named_rules = True

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        profile = draft.profile
        if profile is None or profile.vale is None or not profile.vale.rules:
            ctx.skip()
            return
        for alert in profile.vale.check(draft.text, draft.parsed):
            ctx.report(
                "alert", alert.start, alert.end, rule_id=alert.rule, severity=_LEVELS.get(alert.level),
                suggestions=[Suggestion(s, f'Write "{s}"', safe=False) for s in alert.suggestions],
                message=alert.message,
            )
