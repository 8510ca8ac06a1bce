"""tonecheck: check social media drafts before they are posted.

>>> import tonecheck
>>> report = tonecheck.check("Big news!! #socialmediatips", platform="x")
>>> [f.rule for f in report.findings]
['hashtag-camel-case']

``check`` uses a shared default :class:`Checker`; build your own ``Checker(config)`` to reuse a
configuration. Findings carry code-point spans into the text; ``Report.to_dict()`` adds UTF-16
offsets for JavaScript and LanguageTool clients.
"""

from tonecheck.config import Config, ConfigError, load_config
from tonecheck.engine import Checker, check
from tonecheck.model import Category, Finding, InputError, Media, Severity, Skipped, Suggestion
from tonecheck.report import Report
from tonecheck.rule import FixAvailability, Rule, RuleContext, Status

__version__ = "0.1.0"

__all__ = [
    "Category",
    "Checker",
    "Config",
    "ConfigError",
    "Finding",
    "FixAvailability",
    "InputError",
    "Media",
    "Report",
    "Rule",
    "RuleContext",
    "Severity",
    "Skipped",
    "Status",
    "Suggestion",
    "__version__",
    "check",
    "load_config",
]
