"""Drafts stay within the tone targets of the team's voice principles

## What it checks

Measures the draft's tone traits (formality, warmth, energy, confidence, directness and plainness,
each from 0 to 100; see `tonecheck voice explain`) and compares them with the targets of each
principle in the voice profile, such as `confidence = { min = 40 }`. When a trait is outside a
target, the finding is filed under the principle (`voice/<principle-id>`), says the value and the
target, and marks the words that moved the trait the wrong way.

It stays quiet when it cannot explain itself: drafts too short to judge (traits need a few words),
and traits that are outside the target without any words pushing them there (a neutral notice is
not "cold", it just has no warm words).

## Why it matters

Voice guides say "we're friendly" and then struggle to apply it: what does friendly mean in a post,
and where does it stop? Principles with measurable targets and the team's own good and bad examples
make the guide testable, and showing the words behind a score lets writers see why a draft reads as
it does. See https://www.gov.uk/guidance/content-design/writing-for-gov-uk

## Example

```text profile=acme
We think the new jacket might possibly keep you somewhat dry, maybe.
```

## Use instead

```text profile=acme
The new waterproof jacket keeps you dry in heavy rain.
```

## Fix

No automatic fix: reword the marked words. The team's good examples for the principle show the way.

## References

- https://www.gov.uk/guidance/content-design/writing-for-gov-uk
- https://vale.sh/docs/checks/metric
"""

from __future__ import annotations

from typing import ClassVar

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext, clip
from tonecheck.voice import traits

_SHOWN = 3


@register
class Voice(Rule):
    id = "voice"
    category = Category.VOICE
    severity = Severity.SUGGESTION
    summary = "Drafts stay within the tone targets of the team's voice principles"
    messages: ClassVar = {
        "too-low": '"{principle}": {trait} is {value}; this voice aims for {aim}. Lowered by {evidence}.',
        "too-high": '"{principle}": {trait} is {value}; this voice aims for {aim}. Raised by {evidence}.',
    }
    fix = FixAvailability.NEVER
    tags = frozenset({"voice", "tone"})
    references = ("https://www.gov.uk/guidance/content-design/writing-for-gov-uk", "https://vale.sh/docs/checks/metric")

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        profile = draft.profile
        if profile is None or not any(p.targets for p in profile.principles):
            ctx.skip()
            return
        measured = traits.measure(draft.parsed, draft.language)
        for principle in profile.principles:
            for target in principle.targets:
                trait = measured[target.trait]
                if trait.value is None:
                    continue
                if target.min is not None and trait.value < target.min:
                    message_id, effect = "too-low", -1
                elif target.max is not None and trait.value > target.max:
                    message_id, effect = "too-high", 1
                else:
                    continue
                evidence = sorted((e for e in trait.evidence if e.effect == effect), key=lambda e: e.start)
                if not evidence:
                    continue
                text = draft.text
                quoted = list(dict.fromkeys(f'"{clip(text[e.start:e.end], 30)}" ({e.label})' for e in evidence))
                shown = ", ".join(quoted[:_SHOWN])
                if len(quoted) > _SHOWN:
                    shown += f" and {len(quoted) - _SHOWN} more"
                first = evidence[0]
                ctx.report(
                    message_id, first.start, first.end, rule_id=principle.rule_id, severity=principle.severity,
                    principle=principle.summary, trait=target.trait, value=trait.value, aim=target.describe(),
                    evidence=shown,
                )
