"""Names under embargo do not appear before their launch date

## What it checks

Looks for the names a voice profile lists under `[[policy.embargo]]`, until the embargo's `until`
date (or always, when it has none). It matches them however they are written: in any capitals, with
spaces, hyphens, dots or underscores between or inside the words, run together, or inside a hashtag,
a mention or a link ("Project Nightjar", "project-nightjar", "#ProjectNightjar",
"example.com/nightjar-launch" for the name "Nightjar"). A name only matches as whole words: "Nova" does
not match "Novak" or "supernova".

## Why it matters

Social media policies forbid announcing products, deals or appointments before they are public. A
code name in a scheduled post, a hashtag or a link slug leaks the launch as surely as the full
announcement, and a deleted post is still screenshotted. The check runs before posting, while the
draft can still change.
See https://www.gov.uk/government/publications/social-media-guidance-for-civil-servants

## Example

```text profile=acme
Something big is coming... #ProjectNightjar
```

## Use instead

```text profile=acme
Something big is coming. Watch this space!
```

## Fix

No automatic fix: remove the name, or wait until the embargo ends.

## References

- https://www.gov.uk/government/publications/social-media-guidance-for-civil-servants
- https://vale.sh/docs/checks/existence
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import regex

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext
from tonecheck.rules.voice._terms import cached
from tonecheck.voice.profile import Profile

_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")

# Characters that may stand between (or inside) the words of a name without breaking the match.
_JOINERS = frozenset(" \t\r\n-_.·/‐‑–—'’")


def _normalised(profile: Profile) -> tuple[tuple[str, int], ...]:
    embargo = profile.policy.embargo
    return tuple(("".join(c for c in e.term.casefold() if c.isalnum()), i) for i, e in enumerate(embargo))


def _folded(text: str) -> tuple[str, list[int]]:
    """The letters and digits of *text*, case-folded, with the index of each in *text*."""
    chars: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        if c.isalnum():
            folded = c.casefold()
            chars.append(folded)
            where.extend([i] * len(folded))
    return "".join(chars), where


def _edge_before(text: str, i: int) -> bool:
    if i == 0 or not text[i - 1].isalnum():
        return True
    return text[i - 1].islower() and text[i].isupper()  # a CamelCase join: #LaunchProjectNightjar


def _edge_after(text: str, j: int) -> bool:
    if j >= len(text) or not text[j].isalnum():
        return True
    return (text[j - 1].islower() and text[j].isupper()) or text[j - 1].isalpha() != text[j].isalpha()


@register
class EmbargoedTerm(Rule):
    id = "embargoed-term"
    category = Category.POLICY
    severity = Severity.ERROR
    summary = "Names under embargo do not appear before their launch date"
    messages: ClassVar = {
        "embargoed": '"{term}" is under embargo until {until}. Remove it before posting.',
        "embargoed-why": '"{term}" is under embargo until {until}. {why}',
        "embargoed-always": '"{term}" must not be posted. Remove it.',
    }
    fix = FixAvailability.NEVER
    tags = frozenset({"policy", "confidential"})
    references = (
        "https://www.gov.uk/government/publications/social-media-guidance-for-civil-servants",
        "https://vale.sh/docs/checks/existence",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        profile = draft.profile
        if profile is None or not profile.policy.embargo:
            ctx.skip()
            return
        now = dt.datetime.now(dt.UTC)
        active = [(key, i) for key, i in cached(profile, "embargoed-term", _normalised)
                  if key and profile.policy.embargo[i].active(now)]
        if not active:
            return
        text = draft.text
        quick = _NOT_ALNUM.sub("", text.casefold())
        active = [(key, i) for key, i in active if key in quick]
        if not active:  # the common case: one C-speed pass, no position map
            return
        folded, where = _folded(text)
        taken: list[tuple[int, int]] = []
        for key, i in sorted(active, key=lambda a: -len(a[0])):
            pos = folded.find(key)
            while pos != -1:
                start, end = where[pos], where[pos + len(key) - 1] + 1
                if (
                    _edge_before(text, start) and _edge_after(text, end)
                    and all(c.isalnum() or c in _JOINERS for c in text[start:end])
                    and not any(s < end and start < e for s, e in taken)
                ):
                    taken.append((start, end))
                    self._report(ctx, profile, i, start, end)  # the engine widens a span to whole characters
                pos = folded.find(key, pos + 1)

    @staticmethod
    def _report(ctx: RuleContext, profile: Profile, index: int, start: int, end: int) -> None:
        embargo = profile.policy.embargo[index]
        if embargo.until is None:
            ctx.report("embargoed-always", start, end, term=embargo.term)
            return
        until = f"{embargo.until.day} {embargo.until:%B %Y}"
        if embargo.why:
            ctx.report("embargoed-why", start, end, term=embargo.term, until=until, why=embargo.why)
        else:
            ctx.report("embargoed", start, end, term=embargo.term, until=until)
