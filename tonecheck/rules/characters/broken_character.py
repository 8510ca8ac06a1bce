"""Posts hold only whole characters, not broken ones

## What it checks

Broken characters in the post, its alt texts and its content warning: half of an emoji (a lone
UTF-16 surrogate, left when an emoji is cut in half, for example by a tool that shortens text), a
byte that is not valid text, and the replacement character U+FFFD (�), which a program puts where
it lost a character while copying or converting the text. One finding covers a run of them.

## Why it matters

A broken character cannot be shown. The platform posts it as a box or a question mark, or refuses
the post, and a screen reader reads it as "replacement character" or skips it. Readers then see
that something is missing but cannot tell what.

## Example

```text
Thanks to everyone who came to the fair� See you next year
```

## Use instead

```text
Thanks to everyone who came to the fair! See you next year
```

## Fix

Suggests removing the broken character (with any accent or mark on it). Where a replacement
character stands in for a lost letter or punctuation mark, that suggestion is marked as one to
check: type the lost character again instead. A broken character in the content warning is
reported at the start of the post, without a suggestion.

## References

- https://www.unicode.org/versions/Unicode16.0.0/core-spec/chapter-3/
- https://webidl.spec.whatwg.org/#idl-USVString
- https://www.unicode.org/charts/PDF/UFFF0.pdf
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from tonecheck import surrogates
from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext
from tonecheck.text import whole_graphemes

_FFFD = surrogates.REPLACEMENT


@register
class BrokenCharacter(Rule):
    id = "broken-character"
    category = Category.ACCESSIBILITY
    severity = Severity.ERROR
    summary = "Posts hold only whole characters, not broken ones"
    messages: ClassVar = {
        "broken": (
            "This is a broken character, such as half of an emoji. It posts as a box or a question mark. "
            "Remove it, or type the emoji again."
        ),
        "lost": (
            "This box (\ufffd) marks a character that was lost when the text was copied or converted. "
            "Type the lost character again, or remove the box."
        ),
        "content-warning": (
            "The content warning has a broken character, such as half of an emoji. It posts as a box. "
            "Remove it from the content warning."
        ),
    }
    fix = FixAvailability.SOMETIMES
    tags = frozenset({"screen-reader"})
    references = (
        "https://www.unicode.org/versions/Unicode16.0.0/core-spec/chapter-3/",
        "https://webidl.spec.whatwg.org/#idl-USVString",
        "https://www.unicode.org/charts/PDF/UFFF0.pdf",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        replaced = surrogates.replaced(draft.parsed)
        _report(ctx, draft.text, replaced.text, "text")
        for i, item in enumerate(draft.media):
            if item.alt:
                _report(ctx, item.alt, replaced.alt.get(i, ()), f"media:{i}")
        cw = draft.content_warning
        if cw and _FFFD in cw:
            ctx.report("content-warning", 0, 0, severity=None if replaced.content_warning else Severity.WARNING)


def _report(ctx: RuleContext, text: str, was_surrogate: tuple[int, ...], target: str) -> None:
    if _FFFD not in text:
        return
    surrogate_at = frozenset(was_surrogate)
    for start, end in _runs(text):
        broken = any(i in surrogate_at for i in range(start, end))
        # Marks after the box belong to the lost character: the span takes in the whole character.
        wide_start, wide_end = whole_graphemes(text, start, end)
        kept = text[wide_start:start].replace(_FFFD, "")
        if broken:
            suggestion = Suggestion(kept, "Remove the broken character")
            ctx.report("broken", wide_start, wide_end, suggestions=[suggestion], target=target)
        else:
            # The box stood for a letter or a mark: removing it may leave a misspelt word.
            suggestion = Suggestion(kept, "Remove the box", safe=False)
            ctx.report("lost", wide_start, wide_end, suggestions=[suggestion], target=target,
                       severity=Severity.WARNING)


def _runs(text: str) -> Iterator[tuple[int, int]]:
    """Each run of U+FFFD as ``(start, end)``."""
    pos = text.find(_FFFD)
    while pos != -1:
        end = pos + 1
        while end < len(text) and text[end] == _FFFD:
            end += 1
        yield pos, end
        pos = text.find(_FFFD, end)
