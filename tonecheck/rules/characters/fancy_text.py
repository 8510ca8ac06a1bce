"""Text uses plain letters, not "fake font" symbols

## What it checks

Runs of "fake font" letters that text generators produce to fake bold, italic or decorative
type: mathematical letters (𝐛𝐨𝐥𝐝, 𝘪𝘵𝘢𝘭𝘪𝘤, 𝓼𝓬𝓻𝓲𝓹𝓽, 𝔣𝔯𝔞𝔨𝔱𝔲𝔯, 𝕕𝕠𝕦𝕓𝕝𝕖, 𝚖𝚘𝚗𝚘), circled, squared and
parenthesised letters (ⓗⓘ, 🄷🄸, 🅷🅸, 🅗🅘), fullwidth letters (ＨＩ), small capitals (ᴛʜɪs),
"superscript" letters (ʰⁱ), upside-down text (ʇxǝʇ) and letters with a line drawn through or under
them (h̶i̶, h̲i̲). One finding covers a whole run, including the spaces, digits and punctuation
between fancy words.

It does not flag a single stylised letter (a brand name such as "ℍappy"), Greek, Cyrillic, IPA or
CJK text, maths (𝑥 + 𝑦 = 2, ℕ ⊂ ℝ, single italic variables), symbols such as ℃, ™ and №,
superscript ordinals (1ˢᵗ, Mˡˡᵉ), flags (regional indicators are emoji), or fullwidth letters and
digits in Chinese, Japanese or Korean text, where they are normal.

## Why it matters

These letters are maths and other symbols, not a font, so screen readers handle them badly:
some skip them and the words are silently lost, others read every letter as "mathematical bold
capital H". Adrian Roselli's tests found both in current screen readers. Search, translation,
braille displays and reading tools break on them too.

Public-sector guidance (Mass.gov) is to avoid non-standard characters. For emphasis,
choose strong words, or put the key words first.

## Example

```text
𝐁𝐢𝐠 𝐧𝐞𝐰𝐬: our spring sale starts today!
```

## Use instead

```text
Big news: our spring sale starts today!
```

## Options

`min_letters`: the fewest fancy letters in a run that are flagged (default 2), so a single
stylised letter is left alone.

## Fix

Suggests the same text in plain letters (Unicode NFKC normalisation, plus a table for negative
squared and circled letters, small capitals and upside-down text). Upside-down text is turned
back and reversed. Lines drawn through or under letters are removed: the suggestion for those is
marked as one to check, because a strike-through often carries meaning ("I l̶o̶v̶e̶ like it").

## References

- https://adrianroselli.com/2025/03/dont-use-fake-bold-or-italic-in-social-media.html
- https://www.mass.gov/info-details/social-media-post-accessibility-0
- https://defra-design.github.io/accessibility/resources/content/improve-social-media-accessibility/
- https://business.scope.org.uk/article/accessibility-screen-readers-special-characters-and-unicode-symbols
- https://github.com/mastodon/mastodon/issues/23641
- https://github.com/nvaccess/nvda/pull/16521
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

import regex

from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext, clip
from tonecheck.text import ParsedText, Spans, whole_graphemes

# Kinds of fancy letter.
_MATH = "math"  # Mathematical Alphanumeric Symbols and the script/double-struck letters in Letterlike Symbols
_ENCLOSED = "enclosed"  # circled, squared, negative and parenthesised letters
_FULLWIDTH = "fullwidth"
_SMALL_CAP = "small-cap"
_MODIFIER = "modifier"  # "superscript" letters
_TURNED = "turned"  # upside-down text
_OVERLAY = "overlay"  # a letter with a combining line drawn through or under it

# Combining marks that text generators add after each letter: low line, double low line, tilde,
# short and long stroke, short and long solidus overlays.
_OVERLAYS = frozenset("\u0332\u0333\u0334\u0335\u0336\u0337\u0338")
_VS16 = "\ufe0f"
# One user-perceived character (extended grapheme cluster): finding spans never split one.

# Letters that are also emoji (🅰 🅱 🅾 🅿 Ⓜ): a run of only these is blood types or a metro sign.
_EMOJI_LETTERS = frozenset("\U0001f170\U0001f171\U0001f17e\U0001f17f\u24c2")

# Letterlike symbols that NFKC maps to a plain letter but that are not fake fonts.
_NOT_FANCY = frozenset("\u2139\u212a\u212b")  # ℹ information source, K kelvin, Å angstrom

# Operators that make a line of single-letter or short maths words an equation.
_MATH_OPERATORS = frozenset("=+−×÷±∓∫∬∮∑∏√∛∂∇≤≥≠≈≡∝∞∈∉∋⊂⊃⊆⊇∪∩∀∃∄∧∨¬⊕⊗⋅∘^′″′")

# The Unicode blocks that hold every fancy letter and overlay (a cheap first test: the standard
# library's engine scans a short class of ranges several times faster than `regex`).
_BLOCKS = re.compile(
    "[\u0183\u01dd\u0250-\u02ff\u0332-\u0338\u1d00-\u1dbf\u2070-\u209c\u2100-\u214f\u249c-\u24e9"
    "\ua730\ua731\uff10-\uff5a\U0001d400-\U0001d7ff\U0001f110-\U0001f189]"
)

# Scripts in which fullwidth Latin letters and digits are ordinary typography.
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Bopomofo}]")

# Ranges scanned for fancy letters (everything NFKC may map to a plain letter, plus the tables).
_RANGES = (
    (0x1D400, 0x1D7FF),  # Mathematical Alphanumeric Symbols
    (0x2100, 0x214F),  # Letterlike Symbols (ℋ ℯ ℝ ℭ …)
    (0x249C, 0x24E9),  # parenthesised and circled letters
    (0x1F110, 0x1F189),  # parenthesised, squared, negative circled and negative squared letters
    (0xFF10, 0xFF19),  # fullwidth digits
    (0xFF21, 0xFF3A),  # fullwidth capitals
    (0xFF41, 0xFF5A),  # fullwidth small letters
    (0x02B0, 0x02FF),  # Spacing Modifier Letters (ʰ ʲ ʳ ˡ ˢ ˣ)
    (0x1D2C, 0x1D6A),  # modifier letters (ᴬ ᵇ ᵉ ᵗ …)
    (0x1D9B, 0x1DBF),  # modifier letters (ᶜ ᶠ ᶻ …)
    (0x2071, 0x2071),  # superscript i
    (0x207F, 0x207F),  # superscript n
    (0x2090, 0x209C),  # subscript letters
)


@dataclass(frozen=True, slots=True)
class _Tables:
    plain: dict[str, str]  # fancy letter → plain letter or digit
    kind: dict[str, str]  # fancy letter → kind
    italic: frozenset[str]  # mathematical italic letters (maths variables)
    turned_strong: frozenset[str]
    upside_down: dict[str, str]
    ipa: frozenset[str]
    word: regex.Pattern[str]  # a word: letters, marks, digits and enclosed letters


@register
class FancyText(Rule):
    id = "fancy-text"
    category = Category.ACCESSIBILITY
    severity = Severity.WARNING
    summary = 'Text uses plain letters, not "fake font" symbols'
    messages: ClassVar = {
        "fancy": (
            'Some screen readers skip "{text}", and others read each letter as a symbol, such as '
            '"{spoken}". Use plain text: "{plain}".'
        ),
        "upside-down": (
            'Screen readers cannot read the upside-down letters in "{text}". Use plain text: "{plain}".'
        ),
        "overlay": (
            'Screen readers skip the lines through or under "{text}", so their meaning is lost. '
            "Use plain words to say it."
        ),
    }
    fix = FixAvailability.ALWAYS
    tags = frozenset({"readability", "screen-reader"})
    references = (
        "https://adrianroselli.com/2025/03/dont-use-fake-bold-or-italic-in-social-media.html",
        "https://www.mass.gov/info-details/social-media-post-accessibility-0",
        "https://defra-design.github.io/accessibility/resources/content/improve-social-media-accessibility/",
        "https://business.scope.org.uk/article/accessibility-screen-readers-special-characters-and-unicode-symbols",
        "https://github.com/mastodon/mastodon/issues/23641",
        "https://github.com/nvaccess/nvda/pull/16521",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        text = draft.text
        if text.isascii():
            return
        if _BLOCKS.search(text) is None:
            return
        tables = _tables()
        parsed = draft.parsed
        blocked = Spans((t.start, t.end) for t in (*parsed.urls, *parsed.mentions, *parsed.cashtags))
        cjk = _CJK.search(text) is not None
        maths_lines: dict[int, bool] = {}
        run: list[_Word] = []
        for m in tables.word.finditer(text):
            word = _classify(m.group(), m.start(), tables, cjk)
            joins = word.state in _IN_RUN and not blocked.overlaps(m.start(), m.end())
            if joins or (word.state == _NEUTRAL and run):
                run.append(word)
            else:
                self._finish(run, draft, ctx, tables, maths_lines)
                run = []
        self._finish(run, draft, ctx, tables, maths_lines)

    def _finish(
        self, run: list[_Word], draft: Draft, ctx: RuleContext, tables: _Tables, maths_lines: dict[int, bool]
    ) -> None:
        while run and run[-1].state not in _IN_RUN:
            run.pop()
        if not any(w.state == _FANCY for w in run):
            return
        letters = sum(w.fancy for w in run)
        if letters < ctx.options["min_letters"]:
            return
        if all(c in _EMOJI_LETTERS for w in run for c in w.fancy_chars):
            return
        kinds: set[str] = set().union(*(w.kinds for w in run))
        text = draft.text
        start, end = whole_graphemes(text, run[0].start, run[-1].end)
        if _is_maths(run, kinds, draft.parsed, start, end, maths_lines):
            return
        if kinds <= {_SMALL_CAP, _TURNED, _MODIFIER} and _in_ipa_brackets(text, start, end):
            return
        span = text[start:end]
        if kinds == {_OVERLAY}:
            plain = _strip_overlays(span)
            label = "Remove the lines drawn through or under the letters"
            ctx.report(
                "overlay", start, end,
                suggestions=[Suggestion(plain, label, safe=False)],
                text=clip(span), plain=clip(plain),
            )
        elif _TURNED in kinds:
            plain = _turn_back(span, tables)
            ctx.report(
                "upside-down", start, end,
                suggestions=[Suggestion(plain, "Use plain text", safe=False)],
                text=clip(span), plain=clip(plain),
            )
        else:
            plain = _plain(span, tables)
            ctx.report(
                "fancy", start, end,
                suggestions=[Suggestion(plain, "Use plain text")],
                text=clip(span), plain=clip(plain), spoken=_spoken(run[0].fancy_chars[0]),
            )


# -- words -------------------------------------------------------------------------------------

_FANCY = "fancy"
_WEAK = "weak"  # one turned letter or small capital in a word: fancy only next to a fancy word
_NEUTRAL = "neutral"  # digits only: part of a run when between fancy words
_PLAIN = "plain"
_IN_RUN = frozenset({_FANCY, _WEAK})


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    state: str
    fancy: int = 0  # number of fancy letters
    kinds: frozenset[str] = frozenset()
    fancy_chars: tuple[str, ...] = ()
    short: bool = True  # at most three letters (maths variables, function names)
    all_italic: bool = False


def _classify(word: str, start: int, tables: _Tables, cjk: bool) -> _Word:
    """Decide whether one word is fancy, and count its fancy letters by kind."""
    end = start + len(word)
    if word.isascii():  # no fancy letter, overlay or phonetic marker is ASCII
        return _Word(start, end, _NEUTRAL if word.isdigit() else _PLAIN)
    kinds: set[str] = set()
    fancy_chars: list[str] = []
    ordinary = small_caps = turned = letters = 0
    ipa = False
    prev = ""  # the previous base character when it is an ordinary letter or digit
    for ch in word:
        if ch in _OVERLAYS:
            if prev:
                kinds.add(_OVERLAY)
                fancy_chars.append(ch)
                ordinary -= prev.isalpha()
                prev = ""
            continue
        if ch == _VS16 or unicodedata.combining(ch):
            continue
        kind = tables.kind.get(ch)
        if (kind == _FULLWIDTH and cjk) or (kind == _MODIFIER and prev):
            kind = None  # fullwidth letters in CJK text; superscript suffixes: 1ˢᵗ, Mˡˡᵉ, 2ᵉ
        if kind is not None:
            letters += 1
            kinds.add(kind)
            fancy_chars.append(ch)
            small_caps += kind == _SMALL_CAP
            turned += ch in tables.turned_strong
            prev = ""
            continue
        prev = ch if ch.isalnum() else ""
        ipa = ipa or ch in tables.ipa
        if ch.isalpha():
            letters += 1
            ordinary += 1
    fancy = len(fancy_chars)
    if fancy == 0:
        return _Word(start, end, _NEUTRAL if ordinary == 0 and word.isdigit() else _PLAIN)
    state = _FANCY
    if kinds & {_SMALL_CAP, _TURNED}:
        if ipa:
            return _Word(start, end, _PLAIN)
        if _TURNED in kinds:
            if turned == 0:
                return _Word(start, end, _PLAIN)  # only ʌ, ɔ or ɾ: IPA and African alphabets
            # The plain letters of an upside-down word (u, p, d, s, o) are upside down too.
            state = _FANCY if turned >= 2 or ordinary == 0 else _WEAK
            fancy += ordinary
        elif small_caps < 2 and ordinary > 0:
            state = _WEAK  # "ɪs" in "ᴛʜɪs ɪs": generators keep a plain s, x or q
    elif ordinary > 0 and fancy < 2:
        return _Word(start, end, _PLAIN)  # one stylised letter in a word: "ℍappy"
    return _Word(
        start, end, state, fancy=fancy, kinds=frozenset(kinds), fancy_chars=tuple(fancy_chars),
        short=letters <= 3, all_italic=all(c in tables.italic for c in fancy_chars),
    )



def _is_maths(
    run: list[_Word], kinds: set[str], parsed: ParsedText, start: int, end: int, maths_lines: dict[int, bool]
) -> bool:
    """Mathematical letters used as maths: italic variables, or short symbols in an equation.

    *maths_lines* remembers, by the start of each line, whether it has an operator (each line is read once).
    """
    text = parsed.text
    if kinds != {_MATH}:
        return False
    fancy = [w for w in run if w.state == _FANCY]
    if not all(w.short for w in fancy):
        return False
    if all(w.fancy == 1 and w.all_italic for w in fancy):
        return True
    first = parsed.line_at(start)
    known = maths_lines.get(first.start)
    if known is None:
        line_end = text.find("\n", end)
        line = text[first.start : len(text) if line_end == -1 else line_end]
        known = maths_lines[first.start] = any(ch in _MATH_OPERATORS for ch in line)
    return known


def _in_ipa_brackets(text: str, start: int, end: int) -> bool:
    """A phonetic transcription between slashes or square brackets: /ɹʌn/, [ɪn]."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return (before, after) in {("/", "/"), ("[", "]")}


# -- suggestions and messages ------------------------------------------------------------------


def _plain(span: str, tables: _Tables) -> str:
    out: list[str] = []
    prev_fancy = False
    for ch in span:
        if ch in _OVERLAYS or (ch == _VS16 and prev_fancy):
            continue
        mapped = tables.plain.get(ch)
        prev_fancy = mapped is not None
        out.append(ch if mapped is None else mapped)
    return "".join(out)


def _strip_overlays(span: str) -> str:
    return "".join(ch for ch in span if ch not in _OVERLAYS)


def _turn_back(span: str, tables: _Tables) -> str:
    """Upside-down text read the right way up: reversed, each letter turned back."""
    out = []
    for ch in reversed(span):
        if ch in _OVERLAYS:
            continue
        out.append(tables.upside_down.get(ch) or tables.plain.get(ch) or ch)
    return "".join(out)


def _spoken(ch: str) -> str:
    if ch in _OVERLAYS:
        return unicodedata.name(ch, "combining mark").lower()
    return unicodedata.name(ch, "symbol").lower()



# -- tables ------------------------------------------------------------------------------------


@cache
def _tables() -> _Tables:
    """Build the character tables once, on the first draft with a non-ASCII character."""
    data: dict[str, Any] = dict(FancyText.data)
    plain: dict[str, str] = {}
    kind: dict[str, str] = {}
    italic: set[str] = set()
    for first, last in _RANGES:
        for cp in range(first, last + 1):
            ch = chr(cp)
            if ch in _NOT_FANCY:
                continue
            mapped = _nfkc_letter(ch)
            if mapped is None:
                continue
            name = unicodedata.name(ch, "")
            if not name:
                continue
            if 0xFF10 <= cp <= 0xFF5A:
                kind[ch] = _FULLWIDTH
            elif "MODIFIER" in name or "SUPERSCRIPT" in name or "SUBSCRIPT" in name:
                if mapped.isdigit():
                    continue  # ² ₂: units, footnotes and chemistry
                kind[ch] = _MODIFIER
            elif name.startswith(("CIRCLED", "SQUARED", "PARENTHESIZED", "NEGATIVE")):
                if mapped.isdigit():
                    continue  # ① ⑴: list numbers
                kind[ch] = _ENCLOSED
            else:
                kind[ch] = _MATH
                if "ITALIC" in name and "BOLD" not in name:
                    italic.add(ch)
            plain[ch] = mapped
    for first, last in data["letters"]["negative_capitals"]:
        for offset, cp in enumerate(range(first, last + 1)):
            plain[chr(cp)] = chr(ord("A") + offset)
            kind[chr(cp)] = _ENCLOSED
    for ch, mapped in data["small_capitals"].items():
        plain[ch] = mapped
        kind[ch] = _SMALL_CAP
    upside = data["upside_down"]
    turned_strong = frozenset(upside["turned_strong"])
    upside_map: dict[str, str] = dict(upside["map"])
    for ch in upside["turned"]:
        plain[ch] = upside_map[ch]
        kind[ch] = _TURNED
    enclosed = regex.escape("".join(sorted(ch for ch, k in kind.items() if k == _ENCLOSED)))
    return _Tables(
        plain=plain,
        kind=kind,
        italic=frozenset(italic),
        turned_strong=turned_strong,
        upside_down=upside_map,
        ipa=frozenset(data["ipa"]["markers"]) - turned_strong - frozenset(kind),
        word=regex.compile(r"(?:[\p{L}\p{N}]|[" + enclosed + r"])(?:[\p{L}\p{M}\p{N}]|[" + enclosed + "])*"),
    )


def _nfkc_letter(ch: str) -> str | None:
    """The single plain ASCII letter or digit that NFKC maps *ch* to ("(a)" counts as "a")."""
    mapped = unicodedata.normalize("NFKC", ch)
    if len(mapped) == 3 and mapped[0] == "(" and mapped[2] == ")":
        mapped = mapped[1]
    if len(mapped) == 1 and mapped.isascii() and mapped.isalnum() and mapped != ch:
        return mapped
    return None
