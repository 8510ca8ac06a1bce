"""Posts stay within the platform's caps on tags, links and media

## What it checks

Compares the post with the caps of the target platform (`tonecheck/data/platforms.toml`, each
with its source): Instagram allows five hashtags and 20 mentions per post; Threads turns only one
tag into a topic tag and allows five different links; X, Mastodon and Bluesky take four images.
On Instagram it also flags links in the caption, which cannot be clicked. Needs a platform.

## Why it matters

Past a cap the platform refuses the post, drops the extra tags, or shows a link nobody can open.
Finding out before posting saves a failed or broken post.

## Example

```text platform=instagram
New candles for winter https://shop.example.com/candles
#candles #cozy #homedecor #winter #gifts #handmade
```

## Use instead

```text platform=instagram
New candles for winter, link in bio #Candles #HomeDecor
```

## Fix

No automatic fix: choose which tags, links, mentions or images to keep. Change a cap for your
account with `[platforms.<id>]` in tonecheck.toml.

## References

- https://developers.facebook.com/docs/threads/posts
- https://help.instagram.com/351460621611097
- https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/embed/images.json
"""

from __future__ import annotations

from typing import ClassVar

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext, overflow_span


@register
class PlatformLimit(Rule):
    id = "platform-limit"
    category = Category.PLATFORM
    severity = Severity.ERROR
    summary = "Posts stay within the platform's caps on tags, links and media"
    messages: ClassVar = {
        "hashtags": "{platform} allows {max} hashtags per post, and this post has {count}. Keep the {max} that matter.",
        "topic-tag": "{platform} makes only the first tag a topic tag, so {extra} will not be a tag.",
        "links": "{platform} allows {max} different links per post, and this post has {count}.",
        "mentions": "{platform} allows {max} mentions per post, and this post has {count}.",
        "media": "{platform} takes {max} images or videos per post, and this post has {count}.",
        "not-clickable": (
            "Links in {platform} captions cannot be clicked. Put the link in your bio and say what it is."
        ),
    }
    tags = frozenset({"platform-limits"})
    references = (
        "https://developers.facebook.com/docs/threads/posts",
        "https://help.instagram.com/351460621611097",
        "https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/embed/images.json",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        if draft.platform is None:
            return
        venue, parsed = draft.venue, draft.parsed
        name = venue.name
        tags = parsed.hashtags
        if venue.max_hashtags is not None and len(tags) > venue.max_hashtags:
            start, end = overflow_span(parsed, tags, venue.max_hashtags)
            if venue.max_hashtags == 1 and venue.id == "threads":
                extra = " ".join(t.text for t in tags[1:4]) + (" …" if len(tags) > 4 else "")
                ctx.report("topic-tag", start, end, severity=Severity.WARNING, platform=name, extra=extra)
            else:
                ctx.report("hashtags", start, end, platform=name, max=venue.max_hashtags, count=len(tags))
        urls = parsed.urls
        if not venue.links_clickable:
            for url in urls:
                ctx.report("not-clickable", url.start, url.end, severity=Severity.WARNING, platform=name)
        elif venue.max_links is not None:
            seen: dict[str, int] = {}
            for i, url in enumerate(urls):
                seen.setdefault(url.text.rstrip("/").lower(), i)
            distinct = [urls[i] for i in sorted(seen.values())]
            if len(distinct) > venue.max_links:
                start, end = overflow_span(parsed, distinct, venue.max_links)
                ctx.report("links", start, end, platform=name, max=venue.max_links, count=len(distinct))
        mentions = parsed.mentions
        if venue.max_mentions is not None and len(mentions) > venue.max_mentions:
            start, end = overflow_span(parsed, mentions, venue.max_mentions)
            ctx.report("mentions", start, end, platform=name, max=venue.max_mentions, count=len(mentions))
        if venue.max_media is not None and len(draft.media) > venue.max_media:
            ctx.report(
                "media", 0, 0, target=f"media:{venue.max_media}",
                platform=name, max=venue.max_media, count=len(draft.media),
            )
