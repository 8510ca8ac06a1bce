"""Hashtags go at the end, not in the middle of a sentence

## What it checks

Hashtags that interrupt the text instead of coming after it:

- a hashtag (or a run of hashtags) followed by three or more words before its sentence ends, as
  in "Join us at #WorldBookDay #Reading this Saturday at the library";
- a block of hashtags at the start of the post, before the message.

Hashtags at the end are fine: after the last words of the post, at the end of a sentence or a
line, or on lines of their own. So is a hashtag near the end of a sentence ("Proud to support
#WorldBookDay today"). A hashtag followed by a capitalised word that usually opens a sentence
("I", "We", "The", "Thanks") is taken to end its sentence even without a full stop ("Thanks for
coming #community We will be back in May"), and so is a lone "@" that starts a location check-in
("Sunset #tbt @ Brighton Palace Pier").

One hashtag out of place is a suggestion; two or more in a post are a warning.

Not checked on Threads: a Threads topic tag may contain spaces, so where it ends is not known.

## Why it matters

Screen readers announce each hashtag as a link, saying "hashtag" and then its words, so a
hashtag in a sentence breaks it up. Guidance from UC San Diego, Hootsuite and the NSW government
is to put hashtags at the end so the message reads without interruptions.

A block of hashtags at the start makes people listen to every tag before they hear what the post
is about.

## Example

```text
Join us at #WorldBookDay #Reading this Saturday at the library
```

## Use instead

```text
Join us this Saturday at the library. #WorldBookDay #Reading
```

## Options

`min_words_after`: how many words must follow a hashtag in its sentence before it counts as
interrupting (default 3); a block at the start must be followed by at least this many words.

`warning_from`: how many misplaced hashtags in one post make the findings warnings (default 2).

## Fix

No automatic fix: move the hashtags to the end of the post, or write the words in the sentence
and add the tag at the end.

## References

- https://accessibility.ucsd.edu/checklists/social-media.html
- https://blog.hootsuite.com/inclusive-design-social-media/
- https://communications.dpc.nsw.gov.au/digital/website-accessibility-wcag/social-media/
- https://www.androidcentral.com/apps-software/meta-threads-adds-hashtags
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext
from tonecheck.text import Token

# Threads topic tags may contain spaces, so the tag's end (and what follows it) is unknown.
_SKIP_PLATFORMS = frozenset({"threads"})
# What may stand between two hashtags of one run.
_RUN_GAP = frozenset(" \t,")
# A lone "@" before a place name starts a location check-in ("... #tbt @ Brighton Pier").
_PLACE_MARK = " @ "


@dataclass(frozen=True, slots=True)
class _Run:
    """Hashtags next to each other, separated only by spaces or commas (or all before the text)."""

    start: int
    end: int
    tags: tuple[str, ...]


@register
class HashtagPlacement(Rule):
    id = "hashtag-placement"
    category = Category.ACCESSIBILITY
    severity = Severity.SUGGESTION
    summary = "Hashtags go at the end, not in the middle of a sentence"
    messages: ClassVar = {
        "inline": (
            "Move {tags} to the end of the post. In the middle of a sentence, a hashtag breaks "
            "the flow for screen reader users."
        ),
        "inline-several": (
            "Move {tags} to the end of the post. In the middle of a sentence, hashtags break "
            "the flow for screen reader users."
        ),
        "start": "Move {tags} to the end of the post, so people hear your message first.",
    }
    tags = frozenset({"readability"})
    references = (
        "https://accessibility.ucsd.edu/checklists/social-media.html",
        "https://blog.hootsuite.com/inclusive-design-social-media/",
        "https://communications.dpc.nsw.gov.au/digital/website-accessibility-wcag/social-media/",
        "https://www.androidcentral.com/apps-software/meta-threads-adds-hashtags",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        parsed = draft.parsed
        if not parsed.hashtags or draft.platform in _SKIP_PLATFORMS:
            return
        min_after = int(ctx.options["min_words_after"])
        words = [w for w in parsed.words if _has_letter(w.text)]
        if len(words) < min_after:
            return
        text = draft.text
        starts = [w.start for w in words]
        starters = _sentence_starters()
        misplaced: list[tuple[str, _Run]] = []
        opening = [t for t in parsed.hashtags if t.end <= words[0].start]
        # Advertising rules ask for "#ad" first, so a disclosure tag at the start is where it belongs.
        placed = [t for t in opening if t.text.casefold() not in _disclosure_tags()]
        if placed:
            # Everything before the first word is one block, whatever stands between the tags.
            misplaced.append(("start", _Run(placed[0].start, placed[-1].end, tuple(t.text for t in placed))))
        for run in _runs(text, parsed.hashtags[len(opening) :]):
            first_after = bisect_left(starts, run.end)
            if first_after == len(words):
                continue  # nothing but tags, links, mentions or emoji after it
            if words[first_after].text in starters:
                continue  # "... #community We will be back": a new sentence without its full stop
            sentence = parsed.sentence_at(run.start)
            sentence_end = sentence.end if sentence is not None else len(text)
            place = text.find(_PLACE_MARK, run.end, sentence_end)
            if place != -1:
                sentence_end = place  # "#CousinLovin @ East Hampton": a check-in, not the sentence
            if bisect_left(starts, sentence_end) - first_after >= min_after:
                misplaced.append(("inline", run))
        if not misplaced:
            return
        total = sum(len(run.tags) for _, run in misplaced)
        severity = Severity.WARNING if total >= int(ctx.options["warning_from"]) else Severity.SUGGESTION
        for kind, run in misplaced:
            message_id = "inline-several" if kind == "inline" and len(run.tags) > 1 else kind
            ctx.report(message_id, run.start, run.end, severity=severity, tags=" ".join(run.tags))


@cache
def _sentence_starters() -> frozenset[str]:
    """Capitalised words that open a sentence ("I", "The", "Thanks"), from the data file."""
    return frozenset(HashtagPlacement.data.get("words", {}).get("sentence_starters", ()))


def _runs(text: str, tags: list[Token]) -> list[_Run]:
    """Group hashtags that follow each other with only spaces or commas between them."""
    runs: list[_Run] = []
    for tag in tags:
        if runs and all(ch in _RUN_GAP for ch in text[runs[-1].end : tag.start]):
            last = runs[-1]
            runs[-1] = _Run(last.start, tag.end, (*last.tags, tag.text))
        else:
            runs.append(_Run(tag.start, tag.end, (tag.text,)))
    return runs


def _has_letter(word: str) -> bool:
    return any(ch.isalpha() for ch in word)


@cache
def _disclosure_tags() -> frozenset[str]:
    """Advertising disclosure tags ("#ad"), which belong at the start of a post, from the data file."""
    return frozenset(t.casefold() for t in HashtagPlacement.data.get("words", {}).get("disclosure_tags", ()))
