"""Alt text is a description, not a file name

## What it checks

Flags alt text that is a file name: `IMG_1234.jpg`, `DSC0042`, `PXL_20240501_101010.jpg`,
`Screenshot 2024-04-28 at 10.01.22.png`, `final_v2.png`, or a UUID. The whole alt text must be the
file name: a description that mentions a format ("Diagram of the .png export settings") is fine.

## Why it matters

Some tools fill in the file name when no alt text was written. A screen reader then reads out
"I M G underscore one two three four dot J P G", which says nothing about the image and wastes the
listener's time.

## Example

Attach an image with the alt text "IMG_2291.JPG" to this post:

```text kind=image alt=IMG_2291.JPG
Sunset from the pier tonight
```

## Use instead

Use the alt text "An orange sun setting behind the end of the pier, with gulls on the railing":

```text kind=image alt='An orange sun setting behind the end of the pier, with gulls on the railing'
Sunset from the pier tonight
```

## Fix

No automatic fix: replace the file name with what the image shows and why it is in the post.

## References

- https://github.com/github/accessibility-scanner-alt-text-plugin
- https://github.com/double-great/alt-text
- https://github.com/equalizedigital/accessibility-checker/issues/228
"""

from __future__ import annotations

from typing import ClassVar

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext
from tonecheck.rules.alt_text._shared import described_media, is_filename, is_placeholder, kind_noun, trimmed


@register
class AltTextFilename(Rule):
    id = "alt-text-filename"
    category = Category.ACCESSIBILITY
    severity = Severity.ERROR
    summary = "Alt text is a description, not a file name"
    messages: ClassVar = {
        "filename": '"{alt}" is a file name. Replace it with what the {kind} shows and why it is in the post.',
    }
    tags = frozenset({"wcag2a", "wcag111"})
    references = (
        "https://github.com/github/accessibility-scanner-alt-text-plugin",
        "https://github.com/double-great/alt-text",
        "https://github.com/equalizedigital/accessibility-checker/issues/228",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        for i, item in described_media(draft):
            alt = item.alt
            if alt and is_filename(alt) and not is_placeholder(alt):
                start, end = trimmed(alt)
                ctx.report("filename", start, end, target=f"media:{i}", alt=alt[start:end], kind=kind_noun(item))
