"""``tonecheck voice test`` and ``tonecheck voice explain``.

``voice test`` keeps a voice guide honest by running its examples; ``voice explain`` shows why a draft reads as it does.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from typing import Any

from tonecheck.engine import Checker
from tonecheck.model import Finding, Skipped
from tonecheck.report import Report
from tonecheck.rule import clip
from tonecheck.voice.profile import Example, Principle, Profile, load_profile

__all__ = ["ExampleResult", "add_parser", "run", "test_examples"]


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """The outcome of one of a profile's examples."""

    principle: Principle
    example: Example
    passed: bool
    findings: tuple[Finding, ...]  # the voice findings that decided the outcome
    errors: tuple[Skipped, ...] = ()  # checks that failed on this example

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "principle": self.principle.id,
            "kind": self.example.kind,
            "text": self.example.text,
            "why": self.example.why,
            "passed": self.passed,
            "findings": [{"rule": f.rule, "message": f.message} for f in self.findings],
            "errors": [s.to_dict() for s in self.errors],
        }


def test_examples(profile: Profile, checker: Checker | None = None) -> list[ExampleResult]:
    """Check every example of *profile*: good ones raise no voice finding, bad ones one of their principle."""
    checker = checker or Checker()
    results = []
    for principle in profile.principles:
        for example in principle.examples:
            report = checker.check(example.text, platform=example.platform, profile=profile)
            broken = [s for s in report.skipped if s.reason.startswith("internal error")]
            if broken:  # a check that crashed proves nothing either way
                results.append(ExampleResult(principle, example, False, (), tuple(broken)))
                continue
            if example.kind == "good":
                found = tuple(f for f in report.findings if profile.voiced(f))
                results.append(ExampleResult(principle, example, not found, found))
            else:
                found = tuple(f for f in report.findings if principle.counts(f.rule))
                results.append(ExampleResult(principle, example, bool(found), found))
    return results


def add_parser(sub: Any) -> None:
    """Add ``voice test`` and ``voice explain`` to the command line's subcommands."""
    voice = sub.add_parser("voice", help="voice profiles: test a profile's examples, explain a draft's tone")
    vsub = voice.add_subparsers(dest="voice_command", metavar="VOICE_COMMAND", parser_class=type(voice))
    test = vsub.add_parser("test", help="run a profile's good and bad examples as tests (exit 1 on a failure)")
    test.add_argument("profiles", nargs="+", metavar="PROFILE", help="voice profile file(s)")
    test.add_argument("-f", "--format", choices=("text", "json"), default="text")
    exp = vsub.add_parser("explain", help="show a draft's tone traits, the profile's targets and the evidence")
    exp.add_argument("text", nargs="?", help="the draft text (or - for standard input)")
    exp.add_argument("--profile", metavar="FILE", help="voice profile to compare with")
    exp.add_argument("-p", "--platform", help="target platform")
    exp.add_argument("-f", "--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace, checker: Checker) -> int:
    """Run a ``voice`` subcommand; returns the exit code."""
    if args.voice_command == "test":
        return _test(args, checker)
    if args.voice_command == "explain":
        return _explain(args, checker)
    print("usage: tonecheck voice {test,explain} …", file=sys.stderr)
    return 2


def _test(args: argparse.Namespace, checker: Checker) -> int:
    failed = 0
    out: list[dict[str, Any]] = []
    for path in args.profiles:
        profile = load_profile(path)
        results = test_examples(profile, checker)
        failed += sum(not r.passed for r in results)
        if args.format == "json":
            out.append({"profile": profile.id, "file": path, "results": [r.to_dict() for r in results]})
            continue
        print(f"{profile.name} ({path})")
        if not results:
            print("  no examples: add [[principles.examples]] with good and bad text")
        _table(results)
        passed = sum(r.passed for r in results)
        print(f"  {passed} of {len(results)} examples behave as filed.\n")
    if args.format == "json":
        print(json.dumps(out, ensure_ascii=False, indent=2))
    return 1 if failed else 0


def _table(results: list[ExampleResult]) -> None:
    rows = [("result", "principle", "kind", "example", "found")]
    for r in results:
        if r.errors:
            found = "; ".join(f"{s.check} could not run: {s.reason}" for s in r.errors)
        elif r.example.kind == "good":
            found = "; ".join(f"{f.rule}: {clip(f.message, 60)}" for f in r.findings) or "nothing (as expected)"
        else:
            found = "; ".join(dict.fromkeys(f.rule for f in r.findings))
            found = found or f"nothing from voice/{r.principle.id} or its rules"
        rows.append(("pass" if r.passed else "FAIL", r.principle.id, r.example.kind, clip(r.example.text, 44), found))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  " + "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])


def _explain(args: argparse.Namespace, checker: Checker) -> int:
    from tonecheck.text import parse
    from tonecheck.voice import traits as tone

    text = sys.stdin.read() if args.text in (None, "-") else args.text
    profile = load_profile(args.profile) if args.profile else None
    language = (profile.language if profile and profile.language else checker.config.language)
    measured = tone.measure(parse(text), language)
    report = checker.check(text, platform=args.platform, profile=profile) if profile else None
    if args.format == "json":
        print(json.dumps(_explain_dict(text, measured, profile, report), ensure_ascii=False, indent=2))
        return 0
    print("Tone traits (0–100):")
    for name in tone.TRAITS:
        trait = measured[name]
        shown = "  –" if trait.value is None else f"{trait.value:3d}"
        print(f"  {name:<11} {shown}  {trait.detail}")
        print(f"  {'':<11}      {tone.describe_scale(name)}")
        for e in sorted(trait.evidence, key=lambda e: e.start)[:8]:
            sign = "+" if e.effect > 0 else "−"
            print(f"  {'':<11}      {sign} \"{clip(text[e.start:e.end], 40)}\" ({e.label})")
    if profile is None or report is None:
        return 0
    print(f"\nProfile: {profile.name}")
    for principle in profile.principles:
        score = report.scores.get(principle.rule_id)
        print(f"  {principle.id}: {principle.summary}" + (f" — score {score}" if score is not None else ""))
        if principle.limits:
            print(f"    limits: {principle.limits}")
        for target in principle.targets:
            value = measured[target.trait].value
            inside = value is None or ((target.min is None or value >= target.min) and (
                target.max is None or value <= target.max))
            state = "not measured" if value is None else ("within target" if inside else "OUTSIDE target")
            print(f"    {target.trait}: {value if value is not None else '–'} (target {target.describe()}): {state}")
        for f in report.findings:
            if principle.counts(f.rule):
                print(f"    {f.rule} [{f.severity.value}] \"{clip(text[f.start:f.end], 30)}\": {f.message}")
    if "voice" in report.scores:
        print(f"  Voice score: {report.scores['voice']}")
    return 0


def _explain_dict(
    text: str, measured: dict[str, Any], profile: Profile | None, report: Report | None
) -> dict[str, Any]:
    from tonecheck.offsets import OffsetMap

    offsets = OffsetMap(text)
    out: dict[str, Any] = {
        "traits": {
            name: {
                "value": t.value,
                "detail": t.detail,
                "evidence": [
                    {"start": e.start, "end": e.end, "offset": offsets.to_utf16(e.start),
                     "length": offsets.to_utf16(e.end) - offsets.to_utf16(e.start), "label": e.label,
                     "effect": e.effect}
                    for e in t.evidence
                ],
            }
            for name, t in measured.items()
        }
    }
    if profile is not None and report is not None:
        out["profile"] = profile.id
        out["scores"] = {k: v for k, v in report.scores.items() if k == "voice" or k.startswith("voice/")}
        serialised = report.to_dict()["findings"]
        out["findings"] = [d for f, d in zip(report.findings, serialised, strict=True) if profile.voiced(f)]
    return out
