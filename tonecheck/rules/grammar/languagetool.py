"""Grammar and spelling mistakes found by LanguageTool

## What it checks

Sends the post to a LanguageTool server (your team's, or a local one) and reports each of its
matches as a finding with the rule id `languagetool/<LanguageTool rule id>`, for example
`languagetool/EN_A_VS_AN`. It runs only when LanguageTool is configured: `[languagetool] url` in
`tonecheck.toml`, the `TONECHECK_LANGUAGETOOL_URL` environment variable, or `--languagetool URL`.

URLs, @mentions, #hashtags, $cashtags and emoji are never sent as words to check, so they are never
called spelling mistakes. An emoji reads to LanguageTool as a blank, so its grammar guesses right
beside one are dropped ("I ❤️ this" is not "I this"); unknown words next to an emoji are still
reported. Brand and product names listed in `[languagetool] accept` are not spelling mistakes
either. The draft's language (`language`, or `[languagetool] language`) is passed on; `en` means
American English.

When LanguageTool is configured but fails, is slow (more than `[languagetool] timeout` seconds,
2 by default) or the post is too long for it, the other checks still run and the report lists
grammar under `skipped` with the reason. When it is not configured, nothing is said;
`tonecheck doctor` explains how to set it up.

## Why it matters

Spelling and grammar mistakes make a post harder to read, especially for people who read slowly,
use a screen reader, or read in a second language, and they cost an organisation trust.

Severity follows LanguageTool's issue type: misspellings, grammar and repeated words are warnings,
style and typography are suggestions.

## Example

```text
We shipped teh new app today.
```

## Use instead

```text
We shipped the new app today.
```

## Fix

Choose one of LanguageTool's replacements, or rephrase. Replacements are never applied
automatically: a spelling guess may change what you meant.

## References

- https://dev.languagetool.org/http-server
- https://languagetool.org/http-api/
- https://github.com/jxmorris12/language_tool_python
"""

from __future__ import annotations

from functools import cache
from typing import ClassVar

from tonecheck.languagetool import GrammarMatch, LanguageToolUnavailableError, data
from tonecheck.model import Category, Severity, Suggestion
from tonecheck.registry import register
from tonecheck.rule import Draft, FixAvailability, Rule, RuleContext

_SAFE = frozenset({"duplication", "whitespace", "typographical"})


@register
class LanguageTool(Rule):
    id = "languagetool"
    category = Category.GRAMMAR
    severity = Severity.WARNING
    summary = "Grammar and spelling mistakes found by LanguageTool"
    messages: ClassVar = {
        "spelling": "\"{text}\" may be a spelling mistake.",
        "grammar": "{lt_message}",
    }
    fix = FixAvailability.SOMETIMES
    tags = frozenset({"grammar", "spelling", "languagetool"})
    references = (
        "https://dev.languagetool.org/http-server",
        "https://languagetool.org/http-api/",
        "https://github.com/jxmorris12/language_tool_python",
    )

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        client = ctx.languagetool
        if client is None:
            # Not configured: say nothing on every draft (`tonecheck doctor` explains the set-up).
            ctx.skip()
            return
        try:
            matches = client.check(draft.parsed, client.language or draft.language)
        except LanguageToolUnavailableError as exc:
            ctx.skip(f"grammar was not checked: {exc.reason}")
            return
        text = draft.text
        for m in matches:
            ctx.report(
                "spelling" if m.is_spelling else "grammar",
                m.start,
                m.end,
                suggestions=_suggestions(m, text),
                severity=_severities().get(m.issue_type, Severity.SUGGESTION),
                rule_id=f"languagetool/{m.rule_id}",
                text=text[m.start : m.end],
                lt_message=m.message,
                lt_rule=m.rule_id,
                lt_category=m.category_id,
                lt_category_name=m.category_name,
                lt_short_message=m.short_message,
                lt_description=m.description,
                lt_type_name=m.type_name,
                lt_urls=list(m.urls),
                issue_type=m.issue_type,
            )


@cache
def _severities() -> dict[str, Severity]:
    """LanguageTool issue type → severity, from ``data/rules/languagetool.toml`` (read when first needed)."""
    return {issue: Severity.parse(level) for issue, level in data()["severity"].items()}


def _suggestions(m: GrammarMatch, text: str) -> list[Suggestion]:
    safe = m.issue_type in _SAFE
    flagged = text[m.start : m.end]
    return [
        Suggestion(value, f"Replace with \"{value}\"" if value else f"Delete \"{flagged}\"", safe)
        for value in m.replacements
        if value != flagged
    ]
