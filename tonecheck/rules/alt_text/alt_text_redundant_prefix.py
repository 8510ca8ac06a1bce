"""Alt text starts with what the image shows, not "Image of"

## What it checks

Flags alt text that starts with "Image of", "Picture of", "Photo of", "A photo of", "Graphic of",
"Photo showing", "This is an image of", "GIF of" or "Animation of", and suggests the text without
it. Naming the medium
is allowed when it matters: "Screenshot of…", "Illustration of…", "Chart showing…", "Painting
of…". Titles ("Image Comics cover of…", "Photo of the Day: …") and alt text in other languages are
left alone.

## Why it matters

Screen readers already announce "image" before the alt text, so "Image of a dog" is heard as
"image, image of a dog"; a GIF is announced as an image or a GIF too. The extra words delay what
matters. University of Oxford and Hootsuite
guidance both say to drop "image of" and "picture of".

## Example

Attach an image with the alt text "Image of a golden retriever catching a frisbee" to this post:

```text kind=image alt='Image of a golden retriever catching a frisbee'
Best boy at the park today
```

## Use instead

Use the alt text "A golden retriever catching a frisbee mid-air":

```text kind=image alt='A golden retriever catching a frisbee mid-air'
Best boy at the park today
```

## Fix

The suggestion removes the prefix and capitalises the next word. Start with the subject and the
action; say "Screenshot of…" or "Chart showing…" only when the kind of image matters.

## References

- https://communications.admin.ox.ac.uk/digital-communications/accessibility/social
- https://github.com/double-great/alt-text
- https://blog.hootsuite.com/inclusive-design-social-media/
- https://support.sproutsocial.com/hc/en-us/articles/360048295771
"""

from __future__ import annotations

from typing import ClassVar

from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext
from tonecheck.rules.alt_text._shared import described_media, is_placeholder, redundant_prefix


@register
class AltTextRedundantPrefix(Rule):
    id = "alt-text-redundant-prefix"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = 'Alt text starts with what the image shows, not "Image of"'
    messages: ClassVar = {
        "prefix": 'Screen readers already say "image". Drop "{prefix}" and start with what it shows.',
    }
    fix = FixAvailability.ALWAYS
    tags = frozenset({"wcag111"})
    references = (
        "https://communications.admin.ox.ac.uk/digital-communications/accessibility/social",
        "https://github.com/double-great/alt-text",
        "https://blog.hootsuite.com/inclusive-design-social-media/",
        "https://support.sproutsocial.com/hc/en-us/articles/360048295771",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        if not draft.media:
            return
        for i, item in described_media(draft):
            alt = item.alt
            if not alt:
                continue
            prefix_end = redundant_prefix(alt)
            if prefix_end is None or is_placeholder(alt):
                continue
            rest = alt[prefix_end:]
            start = len(alt) - len(alt.lstrip())
            end = prefix_end
            first = rest[:1]
            replacement = ""
            if first.islower():  # "Image of a dog" → "A dog": the capital is part of the fix
                end += 1
                replacement = first.upper()
            prefix = alt[start:prefix_end].rstrip(" :,-–—")
            ctx.report(
                "prefix",
                start,
                end,
                target=f"media:{i}",
                suggestions=[Suggestion(replacement, f'Remove "{prefix}"')],
                prefix=prefix,
            )
