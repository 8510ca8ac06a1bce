"""Posts fit the platform's length limit

## What it checks

Counts the post the way the target platform counts it and flags the part past the limit. X weighs
characters (most count 1, CJK characters and emoji count 2) and counts every link as 23; Mastodon
counts the content warning and the post together, every link as 23 and `@user@server` as
`@user`; Bluesky counts characters (with links shortened as its app shows them) and also limits
the post to 3000 bytes; Threads counts each emoji as several characters. The finding marks the
text that does not fit, like X's own composer. Needs a platform: without one there is no limit.

## Why it matters

A post that is over the limit cannot be posted, or is cut off. Counting the platform's way means
the number matches what the composer shows, so the writer is not surprised at the last moment.

## Example

```text platform=x
Join us on Saturday for the spring fair at the town hall, with stalls from local makers,
music from the school choir, a cake competition, free face painting for children and a raffle
for the new playground. Doors open at ten and close at four, and entry is free for everyone,
so bring the whole family along.
```

## Use instead

```text platform=x
Join us on Saturday for the spring fair at the town hall: stalls, music, cakes and a raffle
for the new playground. Free entry, 10am to 4pm.
```

## Fix

No automatic fix. Cut the marked text, or split the post into a thread: the message says how many
posts it needs, and `tonecheck split` (or `tonecheck.split.split_thread`) shows the split. Limits
per platform are in `tonecheck/data/platforms.toml`; set your Mastodon instance's limit with
`[platforms.mastodon] max_length = …` in tonecheck.toml.

## References

- https://docs.x.com/resources/fundamentals/counting-characters
- https://docs.joinmastodon.org/user/posting/
- https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/post.json
"""

from __future__ import annotations

from typing import ClassVar

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext
from tonecheck.split import split_thread


@register
class LengthLimit(Rule):
    id = "length-limit"
    category = Category.PLATFORM
    severity = Severity.ERROR
    summary = "Posts fit the platform's length limit"
    messages: ClassVar = {
        "too-long": (
            "This post is {length} characters on {platform}, and the limit is {limit}. "
            "Cut {over} characters, or split it into {parts} posts."
        ),
        "too-many-bytes": (
            "This post takes {bytes} bytes on {platform}, and the limit is {limit}. "
            "Cut some text, or split it into {parts} posts."
        ),
    }
    tags = frozenset({"platform-limits"})
    references = (
        "https://docs.x.com/resources/fundamentals/counting-characters",
        "https://docs.joinmastodon.org/user/posting/",
        "https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/feed/post.json",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        length = draft.length
        if length is None or (not length.over and not length.bytes_over):
            return
        text = draft.text
        end = len(text.rstrip())
        start = min(length.fits_end, end)
        if start >= end:
            start, end = length.fits_end, len(text)
        parts = _parts(draft)
        if length.over:
            ctx.report(
                "too-long", start, end,
                length=length.length, limit=length.limit, over=length.over,
                platform=draft.venue.name, parts=parts,
            )
        else:
            ctx.report(
                "too-many-bytes", start, end,
                bytes=length.bytes, limit=length.byte_limit, platform=draft.venue.name, parts=parts,
            )


def _parts(draft: Draft) -> int:
    """How many posts the draft needs as a thread (at least 2)."""
    venue = draft.venue
    overrides = {k: v for k in ("max_length", "max_bytes", "url_length") if (v := getattr(venue, k)) is not None}
    try:
        posts = split_thread(draft.text, draft.platform, overrides=overrides, content_warning=draft.content_warning)
        return max(2, len(posts))
    except ValueError:  # a single link or tag longer than a post: it cannot be split
        length = draft.length
        assert length is not None and length.limit
        return max(2, -(-length.length // length.limit))
