"""Sentences stay under 25 words

## What it checks

Counts the words in each sentence and flags sentences longer than the limit (25 words by
default). Links, @handles, hashtags and emoji are not counted. A line break ends a sentence, so
a post written as short lines without full stops is judged line by line.

## Why it matters

Long sentences are hard to follow, especially for people with low literacy, dyslexia or a
cognitive disability, and for anyone reading in a second language. Research quoted by GOV.UK found
that when sentences average 14 words, readers understand more than 90% of the text; at 43 words,
less than 10%. UK government guidance is to stick to 25 words per sentence.

## Example

```text
We are delighted to let everyone know that the community library on the high street will open later \
on Thursdays and Fridays from next month so more people can visit after work.
```

## Use instead

```text
From next month the community library on the high street opens later on Thursdays and Fridays. \
Now more people can visit after work.
```

## Options

`max_words`: the most words a sentence may have (default 25).

## Fix

No automatic fix: split the sentence where one idea ends and the next begins, or cut words that
add nothing.

## References

- https://insidegovuk.blog.gov.uk/2014/08/04/sentence-length-why-25-words-is-our-limit/
- https://gcs.civilservice.gov.uk/guidance/digital-communication/planning-creating-and-publishing-accessible-social-media-campaigns/
- https://stylemanual.gov.au/about-style-manual/government-writing-handbook/editors-tips/sentence-length
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext
from tonecheck.text import ParsedText, Token


@register
class SentenceLength(Rule):
    id = "sentence-length"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Sentences stay under 25 words"
    messages: ClassVar = {
        "too-long": "This sentence has {count} words. Split it: sentences over {max} words are hard to follow.",
    }
    tags = frozenset({"readability", "plain-language"})
    references = (
        "https://insidegovuk.blog.gov.uk/2014/08/04/sentence-length-why-25-words-is-our-limit/",
        "https://gcs.civilservice.gov.uk/guidance/digital-communication/planning-creating-and-publishing-accessible-social-media-campaigns/",
        "https://stylemanual.gov.au/about-style-manual/government-writing-handbook/editors-tips/sentence-length",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        parsed = draft.parsed
        limit = ctx.options["max_words"]
        words = parsed.words
        if len(words) <= limit:
            return
        emoji_starts: list[int] | None = None
        for sentence, first, count in _word_counts(parsed.sentences, words):
            if count <= limit:
                continue
            # Emoji often stand in for full stops ("Best day ever 😍 Thanks to everyone who came"):
            # an emoji followed by a capital letter ends a sentence too.
            if emoji_starts is None:
                emoji_starts = [e.start for e in parsed.emoji]
            parts = _split_at_emoji(parsed, sentence, emoji_starts)
            for part, _, part_count in _word_counts(parts, words[first : first + count]):
                if part_count > limit:
                    start, end = _trim(parsed, part.start, part.end)
                    ctx.report("too-long", start, end, count=part_count, max=limit)


def _word_counts(sentences: list[Token], words: list[Token]) -> list[tuple[Token, int, int]]:
    """Each sentence with the index of its first word and its number of words (one pass over both lists)."""
    out: list[tuple[Token, int, int]] = []
    i = 0
    n = len(words)
    for sentence in sentences:
        while i < n and words[i].start < sentence.start:
            i += 1
        first = i
        while i < n and words[i].end <= sentence.end:
            i += 1
        out.append((sentence, first, i - first))
    return out


def _split_at_emoji(parsed: ParsedText, sentence: Token, emoji_starts: list[int]) -> list[Token]:
    """The sentence cut after each emoji that is followed by a capital letter."""
    text = parsed.text
    emoji = parsed.emoji
    parts: list[Token] = []
    start = sentence.start
    k = bisect_right(emoji_starts, sentence.start)
    nxt = sentence.start
    while k < len(emoji) and emoji[k].start < sentence.end:
        end = emoji[k].end
        k += 1
        if end <= start:
            continue
        # Everything up to the last look-ahead is space or emoji: in a run of emoji, look on from there
        # (looking again from each emoji was quadratic in the length of the run).
        nxt = max(nxt, end)
        while nxt < sentence.end and (text[nxt].isspace() or parsed.is_protected(nxt, nxt + 1)):
            nxt += 1
        if nxt < sentence.end and text[nxt].isupper():
            parts.append(Token("sentence", start, end, text[start:end]))
            start = nxt
    parts.append(Token("sentence", start, sentence.end, text[start : sentence.end]))
    return parts


def _trim(parsed: ParsedText, start: int, end: int) -> tuple[int, int]:
    """Narrow a sentence span past leading and trailing white space, links, handles, hashtags and emoji."""
    text = parsed.text
    while start < end and (text[start].isspace() or parsed.is_protected(start, start + 1)):
        start += 1
    while end > start and (text[end - 1].isspace() or parsed.is_protected(end - 1, end)):
        end -= 1
    return start, end
