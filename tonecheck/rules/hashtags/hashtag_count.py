"""Posts keep to a few hashtags

## What it checks

Counts the hashtags in the post and flags the ones past the limit (two by default).

## Why it matters

Screen readers announce every hashtag as "hashtag" followed by its words, and each one is a link
that keyboard users tab through. A string of tags buries the message. Social media guides put the best
number at one or two.

## Example

```text
Our spring sale starts today! #sale #spring #fashion #deals
```

## Use instead

```text
Our spring sale starts today! #SpringSale #Fashion
```

## Options

`max`: the most hashtags a post may have (default 2).

## Fix

No automatic fix: choose the one or two tags that matter most.

## References

- https://www.civicwebmedia.com.au/hashtag-hacks-best-hashtag-practice/
- https://tfn.scot/opinion/hashtags-and-accessibility
- https://www.mass.gov/info-details/social-media-post-accessibility-0
"""

from __future__ import annotations

from typing import ClassVar

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext, overflow_span


@register
class HashtagCount(Rule):
    id = "hashtag-count"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Posts keep to a few hashtags"
    messages: ClassVar = {
        "too-many": "This post has {count} hashtags. Keep to {max}: each one is read aloud as a link.",
    }
    tags = frozenset({"readability"})
    references = (
        "https://www.civicwebmedia.com.au/hashtag-hacks-best-hashtag-practice/",
        "https://tfn.scot/opinion/hashtags-and-accessibility",
        "https://www.mass.gov/info-details/social-media-post-accessibility-0",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        tags = draft.parsed.hashtags
        limit = ctx.options["max"]
        if len(tags) > limit:
            start, end = overflow_span(draft.parsed, tags, limit)
            ctx.report("too-many", start, end, count=len(tags), max=limit)
