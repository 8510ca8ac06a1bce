"""Calls to action say where the link goes

## What it checks

Flags calls to action that do not say where a link goes: "click here", "tap here", "read more",
"learn more", "find out more", "more info", "more details", "check it out", "this link", and
pointers such as "link in bio", "link in comments" and "the link above".

A call to action is fine when its sentence names the destination: "Read more about our grants
programme at …", "Booking form for the 12 May event – link in bio", "Tap the link in our bio to
donate", or when it points to the next line and that line labels the link ("Find out more below:"
then "Festival programme: …"). "Click here to find out more about …" only names the page when the
words right after "about" do ("our grants programme", not "our amazing new product that …").
When only a headline names the destination, before the call or in an earlier sentence ("Storm
hits the coast – read more: …"), the finding is a suggestion, not a warning.

"Read more", "more info" and "check it out" only count as calls to action when they start a
sentence or a clause and lead to a link, so "I should read more books" is never flagged. Neither
is a phrase inside quotation marks, such as a headline.

## Why it matters

Screen reader users often jump from link to link, and everyone skims. "Click here" and "read
more" say nothing about the destination, so people cannot decide whether to follow the link.
UK government guidance asks for calls to action that give a clear onward journey, such as
"Read guidance on applying for a driving licence" followed by the link.

On Instagram, links in captions do not work, so "link in bio" is often the only option. That is
fine: name the page next to it.

## Example

```text
Big news! Read more: https://example.org/news/2025/spring
```

## Use instead

```text
Read our guide to applying for a bus pass: https://example.org/bus-pass
```

## Options

`min_named_words`: how many content words the sentence needs, besides the call to action and
common words, before it counts as naming the destination (default 2).

## Fix

No automatic fix: say what the page is or what people can do there, then give the link.

## References

- https://ashton.codes/?p=3876
- https://blog.hootsuite.com/inclusive-design-social-media/
- https://www.uada.edu/employees/division-accessibility/social_media/
- https://www.w3.org/TR/WCAG22/#link-purpose-in-context
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from typing import ClassVar

import regex

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext
from tonecheck.text import ParsedText, Token

# Calls to action. "click"/"tap" need an imperative position; "more"/"info" also need a link.
_CTA = regex.compile(
    r"""
      (?P<click>\b(?:click|tap)\s+(?:on\s+)?(?:here|this\s+link|the\s+link(?:\s+(?:below|above))?
                 |links?\s+(?:below|above))\b)
    | (?P<pointer>\blinks?\s+(?:is\s+|are\s+)?(?:in|on)\s+(?:(?:my|our|the)\s+)?(?:bio|profile)\b
                 |\blinks?\s+(?:is\s+|are\s+)?in\s+(?:the\s+)?(?:first\s+|1st\s+)?(?:comments?|replies|reply)\b
                 |\blink\s+(?:is\s+)?(?:below|above)\b(?!\s+(?:the|a|an|my|our|your|their|this|that)\b))
    | (?P<this>(?<=\b(?:via|at|through|follow|use|open|visit|see|check\s+out)\s+)this\s+link\b)
    | (?P<more>\b(?:read|learn|find\s+out)\s+more\b)
    | (?P<info>\b(?:for\s+)?more\s+(?:info(?:rmation)?|details)\b)
    | (?P<check>\bcheck\s+(?:it|this|them)\s+out\b)
    """,
    regex.I | regex.X,
)
_KEYWORDS = ("here", "link", "more", "check")
# Calls to action whose own words must come after them: words before ("Storm hits coast - read more:")
# are a headline, which makes the call a suggestion, not a named destination.
_NAMED_AFTER = frozenset({"more", "info", "check"})
# "Click here to find out more about …": a second vague call; only the topic after "about" can name the page.
_CHAIN = regex.compile(r"\s+to\s+(?:find\s+out|learn|read|see|discover|know)\s+more\b", regex.I)
# "Tap the link in our bio to donate": the purpose right after a pointer says what the link is for.
_PURPOSE = regex.compile(
    r"(?:\s+(?:is\s+)?(?:in|on)\s+(?:(?:my|our|the)\s+)?(?:bio|profile|comments?))?\s+to\s+([\p{L}'’]+)", regex.I
)
# Words that end the topic phrase after "about": "more about our new product [that we …]".
_TOPIC_END = frozenset(
    {"that", "which", "who", "we", "you", "i", "and", "but", "so", "to", "with", "for", "at", "in", "from",
     "here", "there", "now", "today", "is", "are", "was", "will", "can", "if", "when", "via", "by", "or"}
)
# Words that may come right after "read more"/"more info" when it is a call to action.
_FOLLOWERS = frozenset(
    {
        "here", "at", "on", "in", "via", "below", "above", "about", "from", "through", "online", "now",
        "today", "by", "with", "using", "visit", "see", "go", "head", "check", "click", "tap", "please",
    }
)
# Words that may come right before "click"/"read more": the call to action starts its clause.
_LEADERS = frozenset({"please", "pls", "plz", "just", "simply", "can", "and", "or", "then", "so", "now"})
_BOUNDARY = frozenset(":;,.!?-–—|/(>»→•*")
_POINTING = regex.compile(r"\b(?:links?|bio|profile|below|above|comments?|url)\b|[↓→⤵]", regex.I)
_POINTING_EMOJI = frozenset("👇👉⬇➡🔗⤵")
_TOPIC = frozenset({"about", "on"})
_LONGEST_LEADER = max(map(len, _LEADERS))
_LONGEST_FOLLOWER = max(map(len, _FOLLOWERS))
# How far back to look for an opening quotation mark.
_QUOTE_REACH = 300


@register
class LinkText(Rule):
    id = "link-text"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Calls to action say where the link goes"
    messages: ClassVar = {
        "vague": "\"{cta}\" does not say where the link goes. Name the page or what people can do there, "
        "for example \"Read the full report: [link]\".",
        "vague-context": "\"{cta}\" does not say where the link goes on its own. Name the page in the same "
        "sentence, for example \"Read the full report: [link]\".",
        "pointer": "\"{cta}\" does not say what people will find there. Name the page next to it, for example "
        "\"Booking form for the 12 May event – {example}\".",
        "pointer-context": "\"{cta}\" does not name the page on its own. Name it in the same sentence, for "
        "example \"Booking form for the 12 May event – {example}\".",
    }
    tags = frozenset({"links", "wcag2a", "wcag244"})
    references = (
        "https://ashton.codes/?p=3876",
        "https://blog.hootsuite.com/inclusive-design-social-media/",
        "https://www.uada.edu/employees/division-accessibility/social_media/",
        "https://www.w3.org/TR/WCAG22/#link-purpose-in-context",
    )
    languages = ("en",)

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        parsed = draft.parsed
        low = parsed.prose.lower()
        if not any(k in low for k in _KEYWORDS):
            return
        post: _Post | None = None
        needed = ctx.options["min_named_words"]
        seen: set[int] = set()
        for m in _CTA.finditer(parsed.prose):
            if post is None:
                post = _Post(parsed, _ignored(self))
            kind = m.lastgroup or ""
            start, end = m.span()
            i = post.sentence_index(start)
            if i is None or i in seen or not post.is_call_to_action(i, kind, start, end):
                continue
            if post.names_destination(i, kind, start, end, needed) or post.next_names_destination(i, needed):
                continue
            seen.add(i)
            message = "pointer" if kind == "pointer" else "vague"
            severity = None
            # Context only softens the finding, so one content word is enough there ("New episode out now!").
            context = max(1, needed - 1)
            if post.earlier_names_destination(i, context) or (
                kind in _NAMED_AFTER and post.words_before(i, start) >= context
            ):
                message += "-context"
                severity = Severity.SUGGESTION
            cta = draft.text[start:end]
            ctx.report(message, start, end, severity=severity, cta=cta, example=" ".join(cta.lower().split()))


_IGNORED: dict[int, frozenset[str]] = {}


def _ignored(rule: Rule) -> frozenset[str]:
    """The stop-words and vague words of the data file, as one lower-case set (built once)."""
    words = rule.data["words"]
    ignore = _IGNORED.get(id(words))
    if ignore is None:
        ignore = _IGNORED[id(words)] = frozenset(w.lower() for w in (*words["stop"], *words["vague"]))
    return ignore


class _Post:
    """The sentences, words, links and emoji of one draft, indexed for this rule's lookups.

    Built only when a call to action matches; every lookup is a binary search, so a long draft full
    of calls to action stays linear.
    """

    def __init__(self, parsed: ParsedText, ignore: frozenset[str]) -> None:
        self.parsed = parsed
        self.ignore = ignore
        self.sentences = parsed.sentences
        self.sentence_starts = [s.start for s in self.sentences]
        self.words = parsed.words
        self.word_starts = [w.start for w in self.words]
        self.url_starts = [u.start for u in parsed.urls]
        self.emoji_starts = [e.start for e in parsed.emoji]
        self.counts: dict[int, int] = {}
        # Words needed → (how far the scan got, index of the first sentence that names something).
        self.named_scan: dict[int, tuple[int, int | None]] = {}

    def sentence_index(self, pos: int) -> int | None:
        i = bisect_right(self.sentence_starts, pos) - 1
        return i if i >= 0 and pos < self.sentences[i].end else None

    def words_between(self, start: int, end: int) -> list[Token]:
        words = self.words
        i = bisect_left(self.word_starts, start)
        out = []
        while i < len(words) and words[i].end <= end:
            out.append(words[i])
            i += 1
        return out

    def has_url(self, start: int, end: int) -> bool:
        i = bisect_left(self.url_starts, start)
        return i < len(self.url_starts) and self.url_starts[i] < end

    def content_words(self, i: int, skip: tuple[int, int] = (0, 0)) -> int:
        """Words of sentence *i* that could name a destination: not stop-words, vague words or numbers."""
        if skip == (0, 0) and i in self.counts:
            return self.counts[i]
        sentence = self.sentences[i]
        count = 0
        for w in self.words_between(sentence.start, sentence.end):
            if skip[0] <= w.start < skip[1]:
                continue
            if self.counts_as_content(w.text):
                count += 1
        if skip == (0, 0):
            self.counts[i] = count
        return count

    def counts_as_content(self, text: str) -> bool:
        """Whether a word could name a destination: not a stop-word, a vague word or a number."""
        word = text.lower().replace("’", "'")
        if not word.isascii():
            word = unicodedata.normalize("NFKC", word).lower()  # "𝐁𝐈𝐆 𝐍𝐄𝐖𝐒" is "big news"
        return len(word) >= 2 and not word.isdigit() and word not in self.ignore

    def words_after(self, i: int, end: int) -> int:
        """Content words of sentence *i* after *end*."""
        return sum(1 for w in self.words_between(end, self.sentences[i].end) if self.counts_as_content(w.text))

    def words_before(self, i: int, start: int) -> int:
        """Content words of sentence *i* before *start* (a headline before "read more:")."""
        return sum(1 for w in self.words_between(self.sentences[i].start, start) if self.counts_as_content(w.text))

    def topic_words(self, i: int, pos: int) -> int:
        """Content words of the topic phrase after "about"/"on" at *pos*, up to a clause word ("that", "we")."""
        text = self.parsed.text
        after = self.words_between(pos, self.sentences[i].end)
        if not after or after[0].text.lower() not in _TOPIC or text[pos : after[0].start].strip():
            return 0
        count = 0
        rest = after[0].end
        for w in after[1:]:
            if text[rest : w.start].strip() or w.text.lower() in _TOPIC_END:
                break
            count += self.counts_as_content(w.text)
            rest = w.end
        return count

    # -- is it a call to action? ---------------------------------------------------------------

    def is_call_to_action(self, i: int, kind: str, start: int, end: int) -> bool:
        """Whether the matched phrase is really a call to action here (not quoted, in the right position)."""
        sentence = self.sentences[i]
        if _in_quotes(self.parsed.text, sentence.start, start):
            return False
        if kind in ("click", "more", "info", "check") and not self.starts_clause(sentence.start, start):
            return False
        if kind in _NAMED_AFTER:
            return self.followed_like_cta(end, sentence.end) and self.leads_to_link(i)
        return True

    def starts_clause(self, sentence_start: int, pos: int) -> bool:
        """Only punctuation, an emoji, a link or a word such as "please" comes before *pos* in its clause."""
        parsed = self.parsed
        prose = parsed.prose
        i = pos
        while i > sentence_start and prose[i - 1].isspace():
            i -= 1
            if parsed.is_protected(i, i + 1):
                return True
        if i == sentence_start or prose[i - 1] in _BOUNDARY:
            return True
        j = i
        while j > sentence_start and i - j < _LONGEST_LEADER and (prose[j - 1].isalpha() or prose[j - 1] in "'’"):
            j -= 1
        return prose[j:i].lower() in _LEADERS

    def followed_like_cta(self, end: int, sentence_end: int) -> bool:
        """Whether the words after it fit a call to action: "Read more:", "read more at …", not "read more books"."""
        parsed = self.parsed
        prose = parsed.prose
        i = end
        while i < sentence_end and prose[i].isspace():
            if parsed.is_protected(i, i + 1):
                return True
            i += 1
        if i >= sentence_end or not prose[i].isalpha():
            return True
        j = i
        while j < sentence_end and j - i <= _LONGEST_FOLLOWER and prose[j].isalpha():
            j += 1
        return prose[i:j].lower() in _FOLLOWERS

    def leads_to_link(self, i: int) -> bool:
        """The sentence holds a link or points at one, or the next thing after it is a link."""
        parsed = self.parsed
        sentence = self.sentences[i]
        if self.has_url(sentence.start, sentence.end):
            return True
        if _POINTING.search(parsed.prose, sentence.start, sentence.end):
            return True
        k = bisect_left(self.emoji_starts, sentence.start)
        while k < len(self.emoji_starts) and self.emoji_starts[k] < sentence.end:
            if parsed.emoji[k].text[0] in _POINTING_EMOJI:
                return True
            k += 1
        text = parsed.text
        pos = sentence.end
        while pos < len(text) and text[pos].isspace():
            pos += 1
        return self.has_url(pos, pos + 1)

    # -- does the post say where the link goes? ------------------------------------------------

    def names_destination(self, i: int, kind: str, start: int, end: int, needed: int) -> bool:
        """Whether the call to action's own sentence says where the link goes."""
        prose = self.parsed.prose
        if kind == "click":
            chain = _CHAIN.match(prose, end)
            if chain is not None:  # "Click here to find out more about …": only the topic can name it
                return self.topic_words(i, chain.end()) >= needed
        if kind == "pointer" or (kind == "click" and "link" in prose[start:end].lower()):
            purpose = _PURPOSE.match(prose, end)
            if purpose is not None and self.counts_as_content(purpose.group(1)):
                return True  # "Tap the link in our bio to donate"
        if kind in _NAMED_AFTER:
            return self.words_after(i, end) >= needed or self.names_topic(i, end)
        return self.content_words(i, (start, end)) >= needed or self.names_topic(i, end)

    def names_topic(self, i: int, end: int) -> bool:
        """Whether "about"/"on" follows and names the topic: "Read more about recycling", "more info on @Library"."""
        parsed = self.parsed
        text = parsed.text
        sentence = self.sentences[i]
        after = self.words_between(end, sentence.end)
        if not after or after[0].text.lower() not in _TOPIC or text[end : after[0].start].strip():
            return False
        rest = after[0].end
        for w in after[1:]:
            if text[rest : w.start].strip() and not parsed.is_protected(rest, w.start):
                break
            word = w.text.lower()
            if word == "us" or (len(word) > 1 and word not in self.ignore):
                return True
            rest = w.end
        # A hashtag or handle right after "about"/"on" names the topic or the page.
        nxt = after[0].end
        while nxt < sentence.end and text[nxt].isspace():
            nxt += 1
        return any(t.start == nxt for t in (*parsed.hashtags, *parsed.mentions))

    def next_names_destination(self, i: int, needed: int) -> bool:
        """Whether the next line labels its link: "Find out more below:" then "Festival programme: https://…"."""
        sentence = self.sentences[i]
        if self.has_url(sentence.start, sentence.end) or i + 1 >= len(self.sentences):
            return False
        nxt = self.sentences[i + 1]
        if self.parsed.text.count("\n", sentence.end, nxt.start) > 1 or not self.has_url(nxt.start, nxt.end):
            return False
        return self.content_words(i + 1) >= needed

    def earlier_names_destination(self, i: int, needed: int) -> bool:
        """Whether an earlier sentence of the post names something ("Our spring programme is out! Link in bio")."""
        k, found = self.named_scan.get(needed, (0, None))
        while found is None and k < i:  # calls come in text order, so the scan resumes where it stopped
            if self.content_words(k) >= needed:
                found = k
            else:
                k += 1
        self.named_scan[needed] = (k, found)
        return found is not None and found < i


def _in_quotes(text: str, sentence_start: int, pos: int) -> bool:
    """Whether *pos* is inside double or curly quotation marks in its sentence (a headline, a quotation)."""
    before = text[max(sentence_start, pos - _QUOTE_REACH) : pos]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”") or before.count("‘") > before.count("’")
