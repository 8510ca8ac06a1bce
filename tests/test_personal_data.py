"""personal-data: findings never repeat the value, and the phone library loads only when needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tonecheck.testing import Case, checker_for, load_fixture

FIXTURE = load_fixture(Path(__file__).parent / "fixtures" / "rules" / "personal-data.toml")
FLAGS = [c for c in FIXTURE.cases if c.kind == "flags"]


@pytest.mark.parametrize("case", FLAGS, ids=lambda c: c.name)
def test_findings_never_repeat_the_value(case: Case) -> None:
    text = case.text
    findings = checker_for("personal-data", case.options).check(text).findings
    assert findings
    for f in findings:
        value = text[f.start : f.end]
        assert value not in f.message
        assert all(value not in str(v) for v in f.data.values())
        assert all(value not in s.replacement for s in f.suggestions)


def test_phone_library_is_imported_only_for_phone_like_numbers() -> None:
    code = (
        "import sys\n"
        "from tonecheck.testing import checker_for\n"
        "c = checker_for('personal-data')\n"
        "c.check('Kick-off at 19:45 on 12/05/2024, tickets £25. Email hello@example.org')\n"
        "assert 'phonenumbers' not in sys.modules\n"
        "assert c.check('Call Jo on 07911 123456').findings\n"
        "assert 'phonenumbers' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
