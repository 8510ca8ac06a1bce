"""Long posts read at or below the target school grade

## What it checks

Estimates the reading grade of the post with the Flesch–Kincaid formula and flags it when the
grade is above the target: at least 1 grade above is a suggestion, at least 3 grades above is a
warning. Links, @handles, hashtags and emoji are left out of the count.

The grade is a US school grade, the number that Flesch–Kincaid gives. The default target is
grade 9, the level most general guidance aims at. In the UK, guidance is often given as a reading
age, which is about the grade plus 5: GOV.UK writes for a reading age of 9, about grade 4, so set
`max_grade = 4` to follow it.

The rule only judges posts of at least 100 words, so a single post on X or Bluesky is never
graded. On shorter posts the formula is unreliable (in a 20-word post, one long word can move the
grade by two years), so there the evidence that holds up on short text does the work, at any
length: `sentence-length` marks sentences over 25 words, and `plain-words` marks formal words with
a plainer alternative and rare long words (by word frequency).

## Why it matters

A text above the reader's level is skipped or misread. People with low literacy, a learning
disability or a cognitive disability, and people reading in a second language, need plain,
short sentences and everyday words. The GOV.UK reading age of 9 exists so that everyone can
understand a text the first time they read it.

The grade is a rough estimate. It counts syllables and sentence length, not meaning: it can
score proper names, titles and technical terms as hard even when your audience knows them.

## Example

```text
Following extensive consultation with residents, community organisations and statutory partners, \
the council has approved a comprehensive programme of infrastructure improvements intended to \
facilitate safer, more sustainable transportation throughout the district. The programme incorporates \
additional protected cycle lanes, considerably wider pavements adjacent to educational establishments, \
and reconfigured junctions designed to reduce conflicts between vulnerable road users and motorised \
traffic. Construction activities will commence in the spring and are anticipated to continue for \
approximately eighteen months, although individual schemes may experience temporary disruption \
depending on utility investigations. Residents requiring further information regarding specific \
locations, anticipated timescales or alternative arrangements are encouraged to consult the detailed \
documentation available on the council website.
```

## Use instead

```text
We asked people who live and work here how to make our streets safer. Thank you to everyone who took \
part. The council has now agreed a plan to make it easier and safer to walk, cycle and use the bus. \
We will build new cycle lanes with kerbs to keep bikes apart from cars. We will make pavements wider \
near schools. We will change some junctions so people on foot and on bikes are safer. Work starts in \
the spring and will take about a year and a half. Some roads may close for a short time while we \
check pipes and cables. You can find a map of each change and the dates on our website.
```

## Options

`max_grade`: the target US school grade (default 9; 4 matches the GOV.UK reading age of 9).

`min_words`: the fewest words a post needs before its grade is judged (default 100).

`suggestion_margin`: how many grades above the target give a suggestion (default 1).

`warning_margin`: how many grades above the target give a warning (default 3).

## Fix

No automatic fix: use shorter sentences and everyday words. The `sentence-length` and
`plain-words` rules show where to start.

## References

- https://blog.stormid.com/content-accessibility-plain-english/
- https://www.w3.org/TR/WCAG22/#reading-level
- http://www.csun.edu/science/ref/textbooks/readability.htm
- https://trans4mind.com/personal_development/writing/readability_software.htm
- https://support.webservices.ufhealth.org/social/writing-for-social/
"""

from __future__ import annotations

from typing import ClassVar

from tonecheck import readability
from tonecheck.model import Category, Severity
from tonecheck.registry import register
from tonecheck.rule import Draft, Rule, RuleContext

# US grade 12 is the last school year; above it, a "reading age" means little.
_LAST_SCHOOL_GRADE = 12


@register
class ReadingLevel(Rule):
    id = "reading-level"
    category = Category.ACCESSIBILITY
    severity = Severity.SUGGESTION
    summary = "Long posts read at or below the target school grade"
    messages: ClassVar = {
        "too-hard": "This post reads at about US school grade {grade} (reading age {age}). Aim for grade {max} "
        "or lower: use shorter sentences and everyday words.",
        "university": "This post reads at university level (about US grade {grade}). Aim for grade {max} or "
        "lower: use shorter sentences and everyday words.",
    }
    tags = frozenset({"readability", "plain-language", "wcag2aaa", "wcag315"})
    references = (
        "https://blog.stormid.com/content-accessibility-plain-english/",
        "https://www.w3.org/TR/WCAG22/#reading-level",
        "https://trans4mind.com/personal_development/writing/readability_software.htm",
        "https://support.webservices.ufhealth.org/social/writing-for-social/",
    )
    languages = ("en",)

    def check(self, draft: Draft, ctx: RuleContext) -> None:
        parsed = draft.parsed
        words = parsed.words
        opts = ctx.options
        if len(words) < opts["min_words"]:
            return
        if sum(1 for w in words if not w.text.isdigit()) < opts["min_words"]:
            return
        grade = readability.grade(parsed, draft.language)
        if grade is None:
            return
        target = float(opts["max_grade"])
        over = grade - target
        if over >= opts["warning_margin"]:
            severity = Severity.WARNING
        elif over >= opts["suggestion_margin"]:
            severity = Severity.SUGGESTION
        else:
            return
        shown = round(grade)
        ctx.report(
            "too-hard" if shown <= _LAST_SCHOOL_GRADE else "university",
            words[0].start,
            words[-1].end,
            severity=severity,
            grade=shown,
            age=shown + 5,
            max=f"{target:g}",
            score=grade,
        )
