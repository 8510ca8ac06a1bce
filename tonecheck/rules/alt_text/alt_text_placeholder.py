"""Alt text says more than a placeholder such as "image" or "todo"

## What it checks

Flags alt text that is only a placeholder: "image", "photo", "picture", "alt text", "todo",
"TBD", "Image 1", or punctuation such as "." or "-". Words are compared after removing case and
punctuation, so "Alt-text." counts too. Alt text that merely starts with such a word ("Image
Comics logo", "Photo booth strip of four friends") is not flagged.

## Why it matters

A screen reader already says "image", so alt text such as "image" or "photo" tells the listener
nothing. Placeholders are often left by tools and drafts ("todo", "alt text"), and one scheduler
even sent "image" as the alt text of every picture.

## Example

Attach an image with the alt text "photo" to this post:

```text kind=image alt=photo
Our new office is finally open!
```

## Use instead

Use the alt text "Our team cutting a green ribbon in front of the new office on Mill Street":

```text kind=image alt='Our team cutting a green ribbon in front of the new office on Mill Street'
Our new office is finally open!
```

## Fix

No automatic fix: replace the placeholder with what the image shows and why it is in the post.

## References

- https://github.com/github/accessibility-scanner-alt-text-plugin
- https://github.com/double-great/alt-text
- https://github.com/gitroomhq/postiz-app/issues/695
"""

from __future__ import annotations

from typing import ClassVar

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext
from tonecheck.rules.alt_text._shared import described_media, is_placeholder, kind_noun, trimmed


@register
class AltTextPlaceholder(Rule):
    id = "alt-text-placeholder"
    category = Category.ACCESSIBILITY
    severity = Severity.ERROR
    summary = 'Alt text says more than a placeholder such as "image" or "todo"'
    messages: ClassVar = {
        "placeholder": '"{alt}" does not say what the {kind} shows. Describe it and say why it is in the post.',
        "blank": "The alt text of this {kind} is only spaces. Describe what it shows and why it is in the post.",
    }
    tags = frozenset({"wcag2a", "wcag111"})
    references = (
        "https://github.com/github/accessibility-scanner-alt-text-plugin",
        "https://github.com/double-great/alt-text",
        "https://github.com/gitroomhq/postiz-app/issues/695",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        for i, item in described_media(draft):
            alt = item.alt
            if alt and len(alt) <= 40 and is_placeholder(alt):
                start, end = trimmed(alt)
                if start == end:
                    ctx.report("blank", 0, len(alt), target=f"media:{i}", kind=kind_noun(item))
                else:
                    ctx.report("placeholder", start, end, target=f"media:{i}", alt=alt[start:end], kind=kind_noun(item))
