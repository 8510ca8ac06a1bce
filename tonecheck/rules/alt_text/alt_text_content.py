"""Alt text holds no emoji, hashtags, links, handles or photo credits

## What it checks

Looks inside alt text for emoji, hashtags, links (with `https://`, `www.` or a path), @handles and
photo credits ("Photo by Jane Doe", "Credit: …", "©"). Each one is marked. Text in quotation
marks is left alone, and so are handles, hashtags, links and credits in alt text that copies the
text of a screenshot, sign or poster ("Screenshot of a post by @jane that reads …"), because there
they are part of what the image shows. Emoji are still flagged there unless quoted.

## Why it matters

Alt text is read aloud in one go, and nothing in it can be clicked. Emoji are read by their
formal names ("face with tears of joy"), hashtags and links are read out character by character,
and credits are not part of the picture. Accessibility guides from Later and Sprout Social both
say to keep credits, links and hashtags out of alt text, and double-great says to replace emoji
with words.

## Example

Attach an image with the alt text "Our team at the summit 🏔️🎉 #TeamBuilding Photo by Sam Lee" to
this post:

```text kind=image alt='Our team at the summit 🏔️🎉 #TeamBuilding Photo by Sam Lee'
What a climb!
```

## Use instead

Use the alt text "Our team of six celebrating at the snowy summit, arms raised" and put the
credit in the post:

```text kind=image alt='Our team of six celebrating at the snowy summit, arms raised'
What a climb! Photo: Sam Lee #TeamBuilding
```

## Fix

No automatic fix. Describe an emoji's meaning in words ("laughing", "celebrating"), move hashtags,
links and tags into the post, and give credits in the post text. When the image shows text with
handles or hashtags (a screenshot of a post), copy that text in quotation marks.

## References

- https://later.com/blog/alt-text/
- https://support.sproutsocial.com/hc/en-us/articles/360048295771
- https://github.com/double-great/alt-text
- https://doublegreat.dev/listen/emoji/
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any, ClassVar, Protocol, TypeVar

import regex

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext, spoken_list
from tonecheck.rules.alt_text._shared import described_media, parsed_alt
from tonecheck.text import Token

_QUOTED = regex.compile(r'"[^"\n]*"|“[^”]*”|„[^“”]*[“”]|«[^»]*»|‹[^›]*›|「[^」]*」|『[^』]*』|‘[^’]*’')
# The end of a credit: a sentence, line or bracket ends, or hashtags, links or emoji follow.
_CREDIT_END = r"[^\n)\]]*?(?=[)\]|]|\.\s|\.$|\n|$|\s+#|\s+https?://|\s*\p{Extended_Pictographic})"
_COPYRIGHT = regex.compile(rf"(?:©\s*(?=[\p{{Lu}}\p{{N}}])|\((?i:c)\)\s*(?=\d{{4}})){_CREDIT_END}")
_MAYBE_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}\u20e3＃＠]")
_TRAILING = " \t.,;:-–—|"
# Only whitespace between two tokens of a run.
_GAP = regex.compile(r"\s*")


@cache
def _credit(openers: tuple[str, ...]) -> regex.Pattern[str]:
    # "… by" openers need a name after them ("Photo by Sam", not "photo by the lake"); the others
    # need a colon or a dash ("Credit: Sam", not "Credit card on a table").
    by = [o for o in openers if o.endswith((" by", " of"))]
    plain = [o for o in openers if o not in by]

    def alt(words: list[str]) -> str:
        return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    def capitalised(words: list[str]) -> list[str]:
        return [w[0].upper() + w[1:] for w in words]

    # At the start, a line, a sentence or a bracket in any case; elsewhere only capitalised
    # ("… at the summit 🎉 Photo by Sam Lee").
    edge = r"(?:(?<=^|\n|[(\[|•·—–]\s*)|(?<=[.!?]\s+))"
    rest = _CREDIT_END
    return regex.compile(
        rf"(?:{edge}(?:(?i:{alt(by)})\s*:?\s+(?=[\p{{Lu}}@])|(?i:{alt(plain)})\s*[:\-–—]\s*(?=\S))"
        rf"|(?<=\s)(?:(?:{alt(capitalised(by))})\s*:?\s+(?=[\p{{Lu}}@])|(?:{alt(capitalised(plain))})\s*[:\-–—]\s*(?=\S))){rest}"
    )


@cache
def _cues(words: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile(r"(?i)(?<![\p{L}])(?:" + "|".join(regex.escape(w) for w in words) + r")(?![\p{L}])")


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_T = TypeVar("_T", bound=_Spanned)
_Found = list[tuple[int, int, str, dict[str, Any]]]


def _runs(tokens: Iterable[_T], text: str) -> Iterator[tuple[int, int, list[_T]]]:
    """Tokens that stand side by side (only spaces between) as one run."""
    run: list[_T] = []
    for t in tokens:
        if run and not _GAP.fullmatch(text, run[-1].end, t.start):
            yield run[0].start, run[-1].end, run
            run = []
        run.append(t)
    if run:
        yield run[0].start, run[-1].end, run


def _may_have_tokens(alt: str) -> bool:
    """A cheap test before tokenising: could *alt* hold a hashtag, handle, link or emoji?"""
    if "#" in alt or "@" in alt or "/" in alt or "www." in alt.lower():
        return True
    return not alt.isascii() and _MAYBE_EMOJI.search(alt) is not None


@register
class AltTextContent(Rule):
    id = "alt-text-content"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Alt text holds no emoji, hashtags, links, handles or photo credits"
    messages: ClassVar = {
        "emoji": 'This alt text has emoji, read aloud as "{names}". Say what you mean in words instead.',
        "hashtag": "This alt text has {tags}. Put hashtags in the post, not in the description.",
        "url": "This alt text has the link {url}, which nobody can open from there. Put links in the post.",
        "mention": "This alt text has {handles}. Name people in words, and tag them in the post.",
        "credit": 'This alt text has a credit: "{credit}". Put credits in the post, and describe the image here.',
    }
    tags = frozenset({"wcag111"})
    references = (
        "https://later.com/blog/alt-text/",
        "https://support.sproutsocial.com/hc/en-us/articles/360048295771",
        "https://github.com/double-great/alt-text",
        "https://doublegreat.dev/listen/emoji/",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        if not draft.media:
            return
        credit = _credit(tuple(self.data["credits"]["openers"]))
        cues = _cues(tuple(self.data["transcription"]["cues"]))
        for i, item in described_media(draft):
            alt = item.alt
            if not alt or not alt.strip():
                continue
            target = f"media:{i}"
            quoted = (
                [(m.start(), m.end()) for m in _QUOTED.finditer(alt)] if any(q in alt for q in '"“„«‹「『‘') else []
            )

            def free(start: int, end: int, quoted: list[tuple[int, int]] = quoted) -> bool:
                return not any(qs <= start and end <= qe for qs, qe in quoted)

            transcribes = cues.search(alt) is not None
            parsed = parsed_alt(draft, i, alt) if _may_have_tokens(alt) else None
            found: _Found = []
            if parsed is not None:
                emoji = [e for e in parsed.emoji if free(e.start, e.end)]
                for start, end, faces in _runs(emoji, alt):
                    names = [e.name for e in faces]
                    found.append((start, end, "emoji", {"names": spoken_list(names)}))
                if not transcribes:
                    tags = [t for t in parsed.hashtags if free(t.start, t.end)]
                    for start, end, run in _runs(tags, alt):
                        found.append((start, end, "hashtag", {"tags": _tag_words(run)}))
                    for t in parsed.urls:
                        if free(t.start, t.end) and (
                            "://" in t.text or t.text.lower().startswith("www.") or "/" in t.text
                        ):
                            found.append((t.start, t.end, "url", {"url": t.text}))
                    handles = [t for t in parsed.mentions if free(t.start, t.end)]
                    for start, end, run in _runs(handles, alt):
                        found.append((start, end, "mention", {"handles": _handle_words(run)}))
            if not transcribes:
                for m in credit.finditer(alt):
                    self._credit(found, alt, m.start(), m.end(), free)
                if "©" in alt or "(c)" in alt.lower():
                    for m in _COPYRIGHT.finditer(alt):
                        self._credit(found, alt, m.start(), m.end(), free)
            for start, end, message_id, data in sorted(found, key=lambda f: (f[0], f[1])):
                ctx.report(message_id, start, end, target=target, **data)

    @staticmethod
    def _credit(found: _Found, alt: str, start: int, end: int, free: Callable[[int, int], bool]) -> None:
        while end > start and alt[end - 1] in _TRAILING:
            end -= 1
        if end <= start or not free(start, start + 1):  # a credit that starts inside quotes is quoted text
            return
        if any(s < end and start < e for s, e, _, _ in found):
            # A credit that holds a handle ("Photo by @sam") is reported once, as a credit.
            found[:] = [f for f in found if not (f[0] < end and start < f[1])]
        found.append((start, end, "credit", {"credit": alt[start:end]}))


def _handle_words(run: list[Token]) -> str:
    if len(run) == 1:
        return f"the handle {run[0].text}"
    return "the handles " + spoken_list([t.text for t in run])


def _tag_words(run: list[Token]) -> str:
    if len(run) == 1:
        return f"the hashtag {run[0].text}"
    return "the hashtags " + spoken_list([t.text for t in run])
