"""Automatic alt text is checked and edited before posting

## What it checks

Flags alt text that a platform or tool wrote by itself and that was left as it came: "May be an
image of…", "Image may contain…", "No photo description available", "No alt text provided",
Office's "A picture containing…" and "…Description automatically generated", and Facebook's
French, Spanish, German and Portuguese forms ("Peut être une image de…").

## Why it matters

Automatic alt text guesses: it lists objects ("2 people, outdoors, text") and misses what the
image is for. Accessible Social says it should never be posted without review, and Defra says not
to rely on any automated alt text. The phrase "may be" also tells a screen-reader user that
nobody checked.

## Example

Attach an image with the alt text "May be an image of 2 people and text that says 'OPEN'" to this
post:

```text kind=image alt="May be an image of 2 people and text that says 'OPEN'"
We're open late every Thursday in December!
```

## Use instead

Use the alt text "Two of our baristas holding up a hand-painted sign that says 'Open late
Thursdays'":

```text kind=image alt="Two of our baristas holding up a hand-painted sign that says 'Open late Thursdays'"
We're open late every Thursday in December!
```

## Fix

No automatic fix. Check that the description is right, remove the "may be" wording, and add what
matters for this post: who is shown, what they are doing, and any text in the image.

## References

- https://www.accessible-social.com/images-and-visuals/platform-image-accessibility
- https://defra-design.github.io/accessibility/resources/content/improve-social-media-accessibility/
- https://www.boia.org/blog/becoming-more-accessible-on-facebook-4-tips-for-reaching-a-broader-audience
- https://nic.teamdynamix.com/TDClient/1783/Portal/KB/PrintArticle?ID=160691
"""

from __future__ import annotations

from functools import cache
from typing import ClassVar

import regex

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext
from tonecheck.rules.alt_text._shared import described_media


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(
        regex.escape(p).replace(r"\ ", r"\s+").replace(r"\-", r"[\-‑\s]?")
        for p in sorted(phrases, key=len, reverse=True)
    )


@cache
def _patterns(openers: tuple[str, ...], anywhere: tuple[str, ...]) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    return (
        regex.compile(rf"(?i)^\s*(?:{_alternation(openers)})(?![\p{{L}}])"),
        regex.compile(rf"(?i)(?<![\p{{L}}])(?:{_alternation(anywhere)})(?![\p{{L}}])"),
    )


@register
class AltTextAuto(Rule):
    id = "alt-text-auto"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Automatic alt text is checked and edited before posting"
    messages: ClassVar = {
        "auto": (
            'This looks like automatic alt text ("{phrase}"). Check it is right, and add what matters for this post.'
        ),
    }
    tags = frozenset({"wcag111"})
    references = (
        "https://www.accessible-social.com/images-and-visuals/platform-image-accessibility",
        "https://defra-design.github.io/accessibility/resources/content/improve-social-media-accessibility/",
        "https://www.boia.org/blog/becoming-more-accessible-on-facebook-4-tips-for-reaching-a-broader-audience",
        "https://nic.teamdynamix.com/TDClient/1783/Portal/KB/PrintArticle?ID=160691",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        if not draft.media:
            return
        phrases = self.data["phrases"]
        opener, anywhere = _patterns(tuple(phrases["openers"]), tuple(phrases["anywhere"]))
        for i, item in described_media(draft):
            alt = item.alt
            if not alt:
                continue
            m = opener.match(alt) or anywhere.search(alt)
            if m is None:
                continue
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            ctx.report("auto", start, m.end(), target=f"media:{i}", phrase=alt[start : m.end()])
