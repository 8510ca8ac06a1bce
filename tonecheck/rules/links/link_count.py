"""Posts keep to one link

## What it checks

Counts the links in the post (with or without `https://`) and marks every link past the limit,
which is one by default.

## Why it matters

Each link is a stop for keyboard and screen reader users: they have to move through every one
to reach the rest of the post. Several links also split attention. UK government guidance is to
limit links to one per post, with a clear call to action.

Threads of sources or citation posts may need more: raise `max` for them.

## Example

```text
Our new guide to bus passes is out: https://example.org/bus-passes Apply at https://example.org/apply
```

## Use instead

```text
Our new guide to bus passes explains how to apply: https://example.org/bus-passes
```

## Options

`max`: the most links a post may have (default 1).

## Fix

No automatic fix: keep the link that matters most, or put the others in a reply.

## References

- https://ashton.codes/?p=3876
"""

from __future__ import annotations

from typing import ClassVar

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext, overflow_span


@register
class LinkCount(Rule):
    id = "link-count"
    category = Category.ACCESSIBILITY
    severity = Severity.SUGGESTION
    summary = "Posts keep to one link"
    messages: ClassVar = {
        "too-many": "This post has {count} links. Keep to {max} per post: keyboard and screen reader users must "
        "move through every link.",
    }
    tags = frozenset({"links", "keyboard"})
    references = (
        "https://ashton.codes/?p=3876",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        urls = draft.parsed.urls
        limit = ctx.options["max"]
        if len(urls) > limit:
            start, end = overflow_span(draft.parsed, urls, limit)
            ctx.report("too-many", start, end, count=len(urls), max=limit)
