"""Emoji do not stand in for words or interrupt a sentence

## What it checks

Looks at where each emoji (or run of emoji) sits:

- **in a sentence, in place of a word**: words on both sides, on one line, with no punctuation
  between, and the word before needs a word after it ("I ❤️ NY", "The ⏳ is running out",
  "a slice of 🍕 right now"), or a keycap number between words ("Only 5️⃣ more days"). It is a
  suggestion, not a warning, when the emoji's spoken name still reads as a word there ("pizza")
  or repeats the word next to it, and for flags (read as the country's name);
- **inside a word**: "L❤️VE", "G💡OD" (the letters around the emoji make a word with one letter
  put back);
- **at the very start of the post** (a suggestion): the first thing a screen reader says is the
  emoji's name;
- **touching a word** with no space, "Done✅" or "🎉Congrats" (a suggestion).

Emoji used as list bullets are left to the emoji-bullets rule, so one problem gets one report.
An emoji that ends a sentence before the next one ("Great day 🎉 Join us"), one after punctuation
("Great day! 🎉 Join us"), a flag after a country's name ("France 🇫🇷 today"), and emoji inside
hashtags or links are not flagged as interrupting. Writing in scripts without spaces between words
(Chinese, Japanese, Thai) is never asked to add a space.

## Why it matters

Screen readers read an emoji's name where it stands, so "I ❤️ NY" is heard as "I red heart NY",
and "The ⏳ is running out" as "The hourglass not done is running out". Accessibility guidance is
not to use emoji in place of words, and to put emoji at the end of a post.

## Example

```text
I ❤️ NY and the ⏳ is running out
```

## Use instead

```text
I love New York, and time is running out ⏳
```

## Fix

No automatic fix: write the word, and move any emoji to the end of the sentence or post.

## References

- https://accessibility.ucsd.edu/checklists/social-media.html
- https://www.aims.edu/accessibility-learning-hub/staff-resources/social-media-content-creators
- https://www.studio24.net/guides/accessibility/emojis
- https://ada.uky.edu/digital-accessibility/social-media
- https://elgin.edu/accessibility/social-media/
- https://othersmallcities.net/writing/a11y/emoji-sr-adhd-a11y-weekly
- https://clemson.edu/accessibility/digital/guides/social-media/index.html
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, ClassVar

import regex

from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext, spoken_list
from tonecheck.rules.emoji._layout import FLAG, KEYCAP, LETTER, PICTURE, bullet_items, emoji_kind, emoji_layout
from tonecheck.text import Emoji, ParsedText

_INLINE = " \t\u00a0"
# Scripts written without spaces between words: an emoji may touch a word there.
_UNSPACED = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}]"
)
_NAME_WORDS = regex.compile(r"[\p{L}\p{N}]+")
_LETTER_OR_DIGIT = regex.compile(r"[\p{L}\p{N}]")
# Vowels and letters an emoji most often stands for inside a word ("L❤️VE", "G💡OD", "S☀️N").
_HIDDEN_LETTERS = ("o", "a", "e", "i", "u", "")


@cache
def _wordcost() -> dict[str, float]:
    import wordninja

    costs: dict[str, float] = wordninja.DEFAULT_LANGUAGE_MODEL._wordcost
    return costs


def _letters_before(text: str, prose: str, pos: int) -> str:
    i = pos
    while i > 0 and prose[i - 1].isalpha():
        i -= 1
    return text[i:pos]


def _letters_after(text: str, prose: str, pos: int) -> str:
    i, n = pos, len(text)
    while i < n and prose[i].isalpha():
        i += 1
    return text[pos:i]


def _word_before(parsed: ParsedText, pos: int) -> tuple[str, int] | None:
    """The prose word ending just before *pos* (only inline spaces between) and its start."""
    text, prose = parsed.text, parsed.prose
    i = pos
    while i > 0 and text[i - 1] in _INLINE:
        i -= 1
    end = i
    while i > 0 and (prose[i - 1].isalnum() or (prose[i - 1] in "'’" and i - 1 > 0 and prose[i - 2].isalnum())):
        i -= 1
    if i == end:
        return None
    return text[i:end], i


def _word_after(parsed: ParsedText, pos: int) -> str | None:
    """The prose word starting just after *pos* (only inline spaces between)."""
    text, prose = parsed.text, parsed.prose
    i, n = pos, len(text)
    while i < n and text[i] in _INLINE:
        i += 1
    start = i
    while i < n and (prose[i].isalnum() or (prose[i] in "'’" and i + 1 < n and prose[i + 1].isalnum())):
        i += 1
    return text[start:i] if i > start else None


def _is_titlecase(word: str) -> bool:
    return word[:1].isupper() and any(c.islower() for c in word[1:])


@register
class EmojiPlacement(Rule):
    id = "emoji-placement"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Emoji do not stand in for words or interrupt a sentence"
    messages: ClassVar = {
        "mid-sentence": (
            'Screen readers say "{spoken}" in the middle of this sentence. '
            "Write the word instead, and put any emoji at the end."
        ),
        "in-word": 'Screen readers say "{spoken}" inside the word "{word}". Spell the word with letters only.',
        "at-start": (
            'This post starts with "{spoken}", so screen readers say that first. '
            "Start with your words and put emoji at the end."
        ),
        "adjacent": 'Put a space between {emoji} ("{spoken}") and the word next to it, so they are read separately.',
    }
    tags = frozenset({"readability"})
    references = (
        "https://accessibility.ucsd.edu/checklists/social-media.html",
        "https://www.aims.edu/accessibility-learning-hub/staff-resources/social-media-content-creators",
        "https://www.studio24.net/guides/accessibility/emojis",
        "https://ada.uky.edu/digital-accessibility/social-media",
        "https://elgin.edu/accessibility/social-media/",
        "https://othersmallcities.net/writing/a11y/emoji-sr-adhd-a11y-weekly",
        "https://clemson.edu/accessibility/digital/guides/social-media/index.html",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        parsed = draft.parsed
        if not parsed.emoji:
            return
        layout = emoji_layout(parsed)
        in_chain = {e.start for chain in layout.clap_chains for g in chain for e in g.items}
        # Bullets are emoji-bullets' finding: one problem, one report.
        bullets = {item.start for item in bullet_items(parsed)}
        first_run = True
        for whole in layout.runs:
            is_first, first_run = first_run, False
            run: Sequence[Emoji] = [e for e in whole if e.start not in bullets] if bullets else whole
            if not run or run[0].start in in_chain:
                continue
            self._check_run(parsed, run, is_first and run[0] is whole[0], ctx)

    def _check_run(self, parsed: ParsedText, run: Sequence[Emoji], is_first: bool, ctx: RuleContext) -> None:
        text, prose = parsed.text, parsed.prose
        start, end = run[0].start, run[-1].end
        kinds = {emoji_kind(e) for e in run}
        spoken = spoken_list([e.name for e in run])
        left = _letters_before(text, prose, start)
        right = _letters_after(text, prose, end)
        left_ok = bool(left) and not _UNSPACED.match(left[-1])
        right_ok = bool(right) and not _UNSPACED.match(right[0])
        if (left_ok or right_ok) and KEYCAP not in kinds and self._inside_word(left, right, kinds):
            ctx.report("in-word", start, end, spoken=spoken, word=left + text[start:end] + right)
            return
        severity = self._mid_sentence(parsed, run, kinds)
        if severity is not None:
            ctx.report("mid-sentence", start, end, severity=severity, spoken=spoken)
            return
        if is_first and not text[:start].strip() and self._starts_post(parsed, run):
            ctx.report("at-start", start, end, severity=Severity.SUGGESTION, spoken=spoken)
            return
        if (left_ok or right_ok) and kinds == {PICTURE}:
            emoji = run[0].text if left_ok else run[-1].text
            name = run[0].name if left_ok else run[-1].name
            ctx.report("adjacent", start, end, severity=Severity.SUGGESTION, emoji=emoji, spoken=name)

    def _inside_word(self, left: str, right: str, kinds: set[str]) -> bool:
        """True when the letters around the emoji make one word with it ("L❤️VE" is "love")."""
        if LETTER in kinds:
            # "🅱️ig", "L🅾️VE"; not "Type🅰️" (a letter emoji after a word).
            return bool(left and right) or right[:1].islower()
        if not left or not right:
            return False
        joined = left + right
        if not (joined.isupper() or joined.islower()):
            return False  # "Sami💐Wishing": two words run together, not one word
        costs = _wordcost()
        limit = self.data["max_word_cost"]
        for letter in _HIDDEN_LETTERS:
            candidate = (left + letter + right).lower()
            cost = costs.get(candidate)
            if cost is not None and cost <= limit and len(candidate) >= 4:
                return True
        return False

    def _mid_sentence(self, parsed: ParsedText, run: Sequence[Emoji], kinds: set[str]) -> Severity | None:
        start, end = run[0].start, run[-1].end
        before = _word_before(parsed, start)
        after = _word_after(parsed, end)
        if before is None or after is None:
            return None
        word, word_start = before
        lower = word.lower()
        data: Any = self.data
        if KEYCAP in kinds:
            # "Only 5️⃣ more days"; not a ranking written on one line ("4️⃣ Sookie 3️⃣ Taylor").
            return Severity.WARNING if kinds == {KEYCAP} and after[0].islower() else None
        if lower in data["leads"]:
            if _not_a_lead(parsed, word, word_start, data):
                return None
        elif lower in data["subjects"]:
            if _is_titlecase(after):
                return None  # "so do we 🎉 Thanks": the next sentence may start here
        else:
            return None
        if FLAG in kinds or (len(run) == 1 and self._reads_as_word(run[0], lower, after.lower())):
            return Severity.SUGGESTION
        return Severity.WARNING

    def _reads_as_word(self, e: Emoji, before: str, after: str) -> bool:
        """True when the emoji's name is one word ("pizza") or repeats a neighbouring word."""
        words = [w.lower() for w in _NAME_WORDS.findall(e.name)]
        if len(words) == 1:
            return True
        neighbours = {before, after, before.rstrip("s"), after.rstrip("s")}
        return any(w in neighbours for w in words)

    def _starts_post(self, parsed: ParsedText, run: Sequence[Emoji]) -> bool:
        # A post of emoji (and tags) only has no words to put first.
        return _LETTER_OR_DIGIT.search(parsed.prose, run[-1].end) is not None


def _not_a_lead(parsed: ParsedText, word: str, start: int, data: Any) -> bool:
    """Uses of a lead word after which nothing is missing.

    "Oh my 😱 what a game" (an exclamation), "I got an A 🎉 today" (a grade, not the article) and
    "Part I 🎬 begins" (a number, not the pronoun).
    """
    previous = _previous_word(parsed, start)
    if word.lower() == "my":
        return previous in data["after_my"]
    if word == "A":
        return previous != ""  # the article "A" only starts a sentence
    if word == "I":
        return previous in data["before_numeral_i"]
    return False


def _previous_word(parsed: ParsedText, pos: int) -> str:
    found = _word_before(parsed, pos)
    return found[0].lower() if found else ""
