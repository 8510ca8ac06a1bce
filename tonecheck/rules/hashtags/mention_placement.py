"""Runs of @mentions do not come before or inside the message

## What it checks

Three or more @mentions in a row (separated by spaces, commas, "&" or "and"):

- in the middle of the text, with words of the same sentence after them, as in "Thanks @ana
  @ben @cat for a great panel";
- at the start of the post, before the message.

A run at the start is not flagged when it may be the reply prefix that Mastodon clients put in
front of a reply: on Mastodon, and when the platform is not given. X has not put reply handles in
the post text since 2017 (the handles shown at the start of a reply are not part of it), and
Bluesky, Threads, LinkedIn, Facebook and Instagram never did, so there a run at the start was
typed and is flagged. So is a run after other text (".@ana @ben @cat …").

Mentions at the end of a sentence or the post ("Thanks to @ana @ben @cat!") are fine, and so is a
run followed only by hashtags ("@ana @ben @cat #a11y"): it is at the end. A Mastodon
address (`@user@instance.social`) or a Bluesky handle (`@name.bsky.social`) is one mention.

## Why it matters

Screen readers read every handle aloud, letter by letter when it is not a word, before the rest
of the sentence. Guidance from the NSW government is to put @mentions at the end, or to name
people in words and tag them at the end.

## Example

```text
Thanks @ana_lee @benj @catmakes for a great panel on accessible design
```

## Use instead

```text
Thanks to Ana, Ben and Cat for a great panel on accessible design. @ana_lee @benj @catmakes
```

## Options

`min_run`: how many mentions in a row are flagged (default 3).

`reply_platforms`: platforms whose clients may put a reply's handles at the start of the text; a
run at the start is not flagged there, nor when no platform is given (default `["mastodon"]`).

## Fix

No automatic fix: name people in words in the sentence and put their handles at the end.

## References

- https://communications.dpc.nsw.gov.au/digital/website-accessibility-wcag/social-media/
- https://blog.hootsuite.com/inclusive-design-social-media/
- https://docs.x.com/resources/fundamentals/counting-characters
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import ClassVar

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext, spoken_list
from tonecheck.text import Token

# What may stand between two mentions of one run: spaces, commas, "&", "+" and "and".
_GAP = re.compile(r"[\s,;&+]*(?:(?:and|&amp;)[\s,;&+]*)?", re.IGNORECASE)


@register
class MentionPlacement(Rule):
    id = "mention-placement"
    category = Category.ACCESSIBILITY
    severity = Severity.SUGGESTION
    summary = "Runs of @mentions do not come before or inside the message"
    messages: ClassVar = {
        "start": (
            "Screen readers read all {count} handles ({handles}) before your message. "
            "Name people in words and tag them at the end."
        ),
        "inline": (
            "Screen readers read all {count} handles ({handles}) before the rest of this sentence. "
            "Name people in words and tag them at the end."
        ),
    }
    tags = frozenset({"readability"})
    references = (
        "https://communications.dpc.nsw.gov.au/digital/website-accessibility-wcag/social-media/",
        "https://blog.hootsuite.com/inclusive-design-social-media/",
        "https://docs.x.com/resources/fundamentals/counting-characters",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        parsed = draft.parsed
        min_run = int(ctx.options["min_run"])
        if len(parsed.mentions) < min_run:
            return
        words = [w for w in parsed.words if any(ch.isalpha() for ch in w.text)]
        if not words:
            return
        text = draft.text
        starts = [w.start for w in words]
        maybe_reply = draft.platform is None or draft.platform in ctx.options["reply_platforms"]
        for run in _runs(text, parsed.mentions):
            if len(run) < min_run:
                continue
            start, end = run[0].start, run[-1].end
            first_after = bisect_left(starts, end)
            if first_after == len(words):
                continue  # at the end of the post
            handles = spoken_list([m.text for m in run], limit=3)
            if end <= words[0].start:
                if maybe_reply and end == parsed.reply_prefix_end:
                    continue  # may be the handles a client puts in front of a reply
                ctx.report("start", start, end, count=len(run), handles=handles)
                continue
            sentence = parsed.sentence_at(start)
            sentence_end = sentence.end if sentence is not None else len(text)
            if words[first_after].start < sentence_end:
                ctx.report("inline", start, end, count=len(run), handles=handles)


def _runs(text: str, mentions: list[Token]) -> list[list[Token]]:
    """Group mentions separated only by spaces, commas, "&", "+" or "and"."""
    runs: list[list[Token]] = []
    for mention in mentions:
        if runs and _GAP.fullmatch(text, runs[-1][-1].end, mention.start):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    return runs
