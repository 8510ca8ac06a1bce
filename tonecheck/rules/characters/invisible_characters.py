"""Posts use real spaces and line breaks, not invisible characters

## What it checks

Invisible characters used to fake spaces or blank lines, or hidden in the text: the braille
pattern blank (U+2800), Hangul fillers (U+3164, U+FFA0, U+115F, U+1160), the zero width space
(U+200B), the word joiner (U+2060), the zero width no-break space (U+FEFF, except as a byte order
mark at the very start), the Mongolian vowel separator outside Mongolian, soft hyphens that are
not inside a word, tag characters outside an emoji, and zero width joiners and non-joiners standing
between spaces. One finding covers a run of them.

It also flags control characters, which no post needs: NUL, escape and the other C0 controls
(U+0000..U+001F) except the tab, line feed and carriage return, delete (U+007F), and the C1
controls (U+0080..U+009F), which usually come from text decoded with the wrong encoding. A
vertical tab, form feed or next line (U+0085) is a line break from a word processor or an old
system.

It does not flag what scripts and emoji need: zero width joiners and variation selectors inside
emoji (👩‍💻, 🏴󠁧󠁢󠁳󠁣󠁴󠁿), zero width joiners and non-joiners inside words (Persian, Arabic, Hindi and
other Indic scripts), zero width spaces and word joiners between the letters of Thai, Lao, Khmer,
Burmese, Tibetan, Chinese and Japanese, soft hyphens that mark where a long word may break,
braille blanks inside braille, Hangul fillers in old Hangul syllables, non-breaking and
narrow spaces (French typography), and a zero width space next to "@", "#", ".", ":" or "/",
typed on purpose so that a handle or link does not link.

A joiner or tag character clings to the character before it, so the finding's span takes that
character in (the suggestion keeps it).

## Why it matters

Invisible characters are real characters to assistive technology. Braille displays show them as
blank cells, and some screen readers announce them by name ("braille pattern blank") or stop at
them, so a post padded with them is read with pauses and noise. The Unicode standard says U+2800
does not act as a space. Hidden characters inside words also break search, hashtags and
translation. The mass.gov checklist asks writers not to use non-standard characters or extra
spaces to mimic formatting.

## Example

```text
New menu out now!
⠀
Come and try it this weekend.
```

## Use instead

```text
New menu out now!

Come and try it this weekend.
```

## Fix

Suggests removing the invisible characters, or replacing them with a normal space where they
stand between two words. A control character is removed (a C1 control is marked as one to check:
the letters around it may be garbled too); one that stands for a line break becomes a normal line
break.

## References

- https://www.mass.gov/info-details/social-media-post-accessibility-0
- https://en.wikipedia.org/wiki/Braille_pattern_dots-0
- https://www.mass.gov/info-details/social-media-post-accessibility-testing-checklist
"""

from __future__ import annotations

import re
from typing import ClassVar

import regex

from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext
from tonecheck.text import Spans, whole_graphemes

_ZWJ, _ZWNJ, _ZWSP, _WJ, _BOM, _SHY = "\u200d", "\u200c", "\u200b", "\u2060", "\ufeff", "\u00ad"
_BRAILLE_BLANK, _MONGOLIAN_SEPARATOR = "\u2800", "\u180e"
# Blank characters with a width: used as a space between words.
_WIDE_BLANKS = frozenset("\u2800\u3164\uffa0\u115f\u1160")
_JAMO_FILLERS = frozenset("\u115f\u1160")
# Punctuation next to which a zero width space stops a handle, hashtag or link from being linked.
_DEFUSED = frozenset("@#.:/")

_INVISIBLE = regex.compile(
    r"[\u2800\u3164\uffa0\u115f\u1160\u200b\u200c\u200d\u2060\ufeff\u180e\u00ad\U000e0001\U000e0020-\U000e007f]+"
)
# Scripts written without spaces, where a zero width space or word joiner marks word boundaries.
_NO_SPACE_SCRIPT = regex.compile(
    r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\p{Tibetan}\p{Han}\p{Hiragana}\p{Katakana}\p{Javanese}"
    r"\p{Balinese}\p{Tai_Tham}\p{New_Tai_Lue}\p{Tai_Viet}\p{Buginese}\p{Sundanese}]"
)
_JAMO = regex.compile(r"[\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]")
_MONGOLIAN = regex.compile(r"\p{Mongolian}")
_BRAILLE = regex.compile(r"[\u2801-\u28ff]")
# Control characters other than tab, LF and CR (C0, DEL and C1); the standard engine is faster for them.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
# Controls that stand for a line break: vertical tab (Word's manual line break), form feed, next line.
_LINE_BREAKS = frozenset("\x0b\x0c\x85")
_CONTROL_NAMES = {
    "\x00": "null", "\x0b": "vertical tab", "\x0c": "form feed", "\x1b": "escape", "\x7f": "delete",
    "\x85": "next line",
}
# One user-perceived character (extended grapheme cluster): finding spans never split one.

_NAMES = {
    "\u2800": "braille pattern blank",
    "\u3164": "Hangul filler",
    "\uffa0": "halfwidth Hangul filler",
    "\u115f": "Hangul choseong filler",
    "\u1160": "Hangul jungseong filler",
    _ZWSP: "zero width space",
    _ZWNJ: "zero width non-joiner",
    _ZWJ: "zero width joiner",
    _WJ: "word joiner",
    _BOM: "zero width no-break space",
    _MONGOLIAN_SEPARATOR: "Mongolian vowel separator",
    _SHY: "soft hyphen",
}


@register
class InvisibleCharacters(Rule):
    id = "invisible-characters"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = "Posts use real spaces and line breaks, not invisible characters"
    messages: ClassVar = {
        "blank-line": (
            "This line is filled with invisible characters ({names}). Braille displays and some screen "
            "readers announce them. Leave the line empty instead."
        ),
        "spacer": (
            "Invisible characters ({names}) are used as a space here. Braille displays and some screen "
            "readers announce them. Use a normal space."
        ),
        "hidden": (
            "Invisible characters ({names}) are hidden here. Some screen readers announce them or split "
            "the word, and they break search. Remove them."
        ),
        "control": (
            "Control characters ({names}) are hidden here. Apps show them as boxes or not at all, "
            "and some refuse the post. Remove them."
        ),
        "line-break": (
            "A control character ({names}) stands for a line break here. Apps show it as a box or not "
            "at all. Use a normal line break."
        ),
    }
    fix = FixAvailability.ALWAYS
    tags = frozenset({"screen-reader", "braille"})
    references = (
        "https://www.mass.gov/info-details/social-media-post-accessibility-0",
        "https://en.wikipedia.org/wiki/Braille_pattern_dots-0",
        "https://www.mass.gov/info-details/social-media-post-accessibility-testing-checklist",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        text = draft.text
        for control in _CONTROLS.finditer(text):
            _report_controls(control.group(), control.start(), control.end(), ctx)
        if text.isascii():
            return
        emoji = Spans((e.start, e.end) for e in draft.parsed.emoji)
        for m in _INVISIBLE.finditer(text):
            for start, end in _outside_emoji(m.start(), m.end(), emoji):
                if _needed(text, start, end):
                    continue
                self._report(text, start, end, ctx)

    def _report(self, text: str, start: int, end: int, ctx: RuleContext) -> None:
        run = text[start:end]
        before = text[start - 1] if start > 0 else "\n"
        after = text[end] if end < len(text) else "\n"
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start:start] + text[end : len(text) if line_end == -1 else line_end]
        if not line.strip():
            message, replacement, label = "blank-line", "", "Remove the invisible characters"
        elif not before.isspace() and not after.isspace() and any(ch in _WIDE_BLANKS for ch in run):
            message, replacement, label = "spacer", " ", "Use a normal space"
        else:
            message, replacement, label = "hidden", "", "Remove the invisible characters"
        # Joiners and tag characters cling to the character before them: the span takes it in.
        wide_start, wide_end = whole_graphemes(text, start, end)
        replacement = text[wide_start:start] + replacement + text[end:wide_end]
        ctx.report(
            message, wide_start, wide_end, suggestions=[Suggestion(replacement, label)], names=_names(run)
        )


def _report_controls(run: str, start: int, end: int, ctx: RuleContext) -> None:
    names = ", ".join(dict.fromkeys(_control_name(ch) for ch in run))
    replacement = "".join("\n" for ch in run if ch in _LINE_BREAKS)
    if replacement:
        suggestion = Suggestion(replacement, "Use a normal line break")
        ctx.report("line-break", start, end, suggestions=[suggestion], names=names)
    else:
        # C1 controls usually mean text decoded with the wrong encoding ("â\x80\x99" for "’"): check the letters around.
        safe = not any("\x80" <= ch <= "\x9f" for ch in run)
        suggestion = Suggestion("", "Remove the control characters", safe=safe)
        ctx.report("control", start, end, suggestions=[suggestion], names=names)


def _control_name(ch: str) -> str:
    code = f"U+{ord(ch):04X}"
    name = _CONTROL_NAMES.get(ch)
    return f"{name} {code}" if name else code


def _outside_emoji(start: int, end: int, emoji: Spans) -> list[tuple[int, int]]:
    """Split a run of invisible characters around emoji (whose joiners and tags are part of them).

    The emoji it overlaps are found by bisection, so a draft of many ZWJ sequences stays linear.
    """
    spans = emoji.overlapping(start, end)
    if not spans:
        return [(start, end)]
    out = []
    pos = start
    for s, e in spans:
        if s > pos:
            out.append((pos, min(s, end)))
        pos = max(pos, e)
    if pos < end:
        out.append((pos, end))
    return out


def _needed(text: str, start: int, end: int) -> bool:
    """True when every character of the run does a job in its context (a script or emoji needs it)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    neighbours = before + after
    return all(_needed_char(ch, text, start, before, after, neighbours) for ch in set(text[start:end]))


def _needed_char(ch: str, text: str, start: int, before: str, after: str, neighbours: str) -> bool:
    if ch in (_ZWJ, _ZWNJ):
        # Joiners shape Arabic, Persian and Indic words; flagged only when standing between spaces.
        return not (_edge(before) and _edge(after))
    if ch in (_ZWSP, _WJ, _BOM):
        if ch == _BOM and start == 0:
            return True  # a byte order mark at the start
        if before in _DEFUSED or after in _DEFUSED:
            return True  # "@" + ZWSP + "name": written on purpose, so it does not link or notify
        return _NO_SPACE_SCRIPT.search(neighbours) is not None
    if ch == _SHY:
        return before.isalpha() and after.isalpha()  # a hyphenation point inside a word
    if ch in _JAMO_FILLERS:
        return _JAMO.search(neighbours) is not None
    if ch == _MONGOLIAN_SEPARATOR:
        return _MONGOLIAN.search(neighbours) is not None
    if ch == _BRAILLE_BLANK:
        return _BRAILLE.search(neighbours) is not None or _braille_nearby(text, start)
    return False


def _edge(ch: str) -> bool:
    return not ch or ch.isspace()


def _braille_nearby(text: str, start: int) -> bool:
    """Braille patterns on this line or the next or previous one: a blank cell of braille art."""
    line_start = text.rfind("\n", 0, start) + 1
    prev_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1 if line_start else line_start
    next_end = text.find("\n", start)
    if next_end != -1:
        following = text.find("\n", next_end + 1)
        next_end = len(text) if following == -1 else following
    else:
        next_end = len(text)
    return _BRAILLE.search(text, prev_start, next_end) is not None



def _names(run: str) -> str:
    names: list[str] = []
    for ch in run:
        name = _NAMES.get(ch, "tag characters")
        if name not in names:
            names.append(name)
    return ", ".join(names)
