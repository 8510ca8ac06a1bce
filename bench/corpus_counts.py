"""Count findings per rule over the tweeteval corpus and the sample drafts: a before/after check of precision.

Prints one line per rule: how many findings it gives (and how many at each severity) over every post of
``shared/corpus/tweeteval/sentiment_test_text.txt`` (checked as X posts, default configuration, no
LanguageTool) and over the drafts in ``samples/drafts`` (each with its own platform when it is a TOML
draft, else ``--platform``). Never prints or writes post text or excerpts, so its output can be kept.

``--json FILE`` writes the counts as JSON; ``--compare FILE`` prints the difference from an earlier
``--json`` file. ``--sample RULE --seed N --limit K`` is for reading findings by hand: it prints K random
findings of RULE with their posts to the terminal (corpus text is never written to a file by this script;
do not commit what it prints).

Run: ``.venv/bin/python bench/corpus_counts.py [--json counts.json] [--compare before.json]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

import corpus  # bench/corpus.py

ROOT = corpus.ROOT
SAMPLES = ROOT / "samples" / "drafts"


def _sample_drafts(platform: str) -> list[tuple[str, str | None]]:
    drafts: list[tuple[str, str | None]] = []
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix == ".txt":
            drafts.append((path.read_text(encoding="utf-8"), platform))
        elif path.suffix == ".toml":
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            drafts.append((str(data["text"]), data.get("platform", platform)))
    return drafts


def _count(drafts: list[tuple[str, str | None]]) -> dict[str, dict[str, int]]:
    import tonecheck

    checker = tonecheck.Checker()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for text, platform in drafts:
        for f in checker.check(text, platform=platform).findings:
            rule = f.rule.split("/")[0]
            counts[rule]["total"] += 1
            counts[rule][f.severity.value] += 1
    return {rule: dict(c) for rule, c in sorted(counts.items())}


def _print(title: str, counts: dict[str, dict[str, int]], before: dict[str, dict[str, int]] | None) -> None:
    print(f"== {title}")
    rules = sorted(set(counts) | set(before or {}))
    for rule in rules:
        now = counts.get(rule, {})
        line = f"{rule:28} {now.get('total', 0):6}"
        line += "".join(f"  {sev[:4]} {now.get(sev, 0):5}" for sev in ("error", "warning", "suggestion"))
        if before is not None:
            was = before.get(rule, {}).get("total", 0)
            diff = now.get("total", 0) - was
            line += f"   before {was:6}  ({diff:+d})"
        print(line)


def _sample(rule: str, platform: str, seed: int, limit: int, only_new: Path | None) -> None:
    import tonecheck

    checker = tonecheck.Checker()
    found = []
    for n, post in enumerate(corpus.posts()):
        for f in checker.check(post, platform=platform).findings:
            if f.rule.split("/")[0] == rule:
                found.append((n, post, f))
    if only_new is not None:
        old = {tuple(x) for x in json.loads(only_new.read_text(encoding="utf-8")).get(rule, [])}
        found = [x for x in found if (x[0], x[2].start, x[2].end, x[2].message_id) not in old]
    random.Random(seed).shuffle(found)
    print(f"{len(found)} findings of {rule}; showing {min(limit, len(found))}", file=sys.stderr)
    for n, post, f in found[:limit]:
        print(f"--- post {n} [{f.severity.value} {f.message_id}] {f.start}-{f.end}: {post[f.start:f.end]!r}")
        print(post)
        print("    ", f.message)


def _spans(platform: str, rules: list[str]) -> dict[str, list[tuple[int, int, int, str]]]:
    """Which findings each rule gives (post number, span, message id) — no text, for --only-new."""
    import tonecheck

    checker = tonecheck.Checker()
    out: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)
    for n, post in enumerate(corpus.posts()):
        for f in checker.check(post, platform=platform).findings:
            rule = f.rule.split("/")[0]
            if rule in rules:
                out[rule].append((n, f.start, f.end, f.message_id))
    return dict(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", default="x")
    parser.add_argument("--json", type=Path, help="write the counts to this file")
    parser.add_argument("--compare", type=Path, help="an earlier --json file to compare with")
    parser.add_argument("--sample", metavar="RULE", help="print random findings of RULE with their posts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=30)
    parser.add_argument("--spans", type=Path, help="write the findings' positions (no text) of --rules here")
    parser.add_argument("--rules", default="", help="comma-separated rule ids for --spans")
    parser.add_argument("--only-new", type=Path, help="with --sample: skip findings listed in this --spans file")
    args = parser.parse_args()
    if args.sample:
        _sample(args.sample, args.platform, args.seed, args.limit, args.only_new)
        return
    if args.spans:
        args.spans.write_text(json.dumps(_spans(args.platform, args.rules.split(","))), encoding="utf-8")
        return
    result = {
        "corpus": _count([(p, args.platform) for p in corpus.posts()]),
        "samples": _count(_sample_drafts(args.platform)),
    }
    before = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    _print(f"corpus ({len(corpus.posts())} posts, platform {args.platform})", result["corpus"],
           before["corpus"] if before else None)
    _print("samples/drafts", result["samples"], before["samples"] if before else None)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
