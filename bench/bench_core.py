"""Benchmark the core check: per-post latency over the corpus, against proselint in the same run.

Prints figures and ratios; never asserts (the budgets are judged by people reading the output):

- per-post latency of ``Checker.check(post, platform="x")`` over every post of the tweeteval corpus
  (median, p90, p99, max), default configuration, no LanguageTool;
- proselint's in-process linting of the same posts in the same run, and the ratio;
- the cost of tokenising alone (``tonecheck.text.parse``) and of counting the length X's way;
- ``import tonecheck`` plus the first check, in a fresh process;
- peak RSS of a process that imports tonecheck and checks the whole corpus;
- the same check with a voice profile of 200 terms (preferred, avoided, brand names) and 20 Vale rules,
  and with the same profile without its terms and Vale rules (its principles and policy only): what a
  profile itself costs (tone traits, voice and policy rules) and what the terms and Vale rules add on top.

Run: ``make bench`` (or ``.venv/bin/python bench/bench_core.py [--posts N]``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import corpus  # bench/corpus.py

ROOT = corpus.ROOT
CORPUS = corpus.CORPUS
BUDGET = {
    "terms_vale_added_ms": 0.3, "count_ms": 0.05, "median_ms": 0.5, "p99_ms": 5.0, "vs_proselint": 3.0,
    "first_check_s": 1.5, "rss_mb": 200,
}


def _posts(limit: int | None) -> list[str]:
    return corpus.posts(limit)


def _time_each(fn: Callable[[str], object], posts: list[str], rounds: int) -> list[float]:
    """Per-post times in ms: the best of *rounds* passes for each post."""
    return [ns / 1e6 for ns in corpus.time_each(fn, posts, rounds)]


def _stats(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    n = len(ordered)
    return {
        "median": statistics.median(ordered),
        "p90": ordered[int(n * 0.90) - 1],
        "p99": ordered[int(n * 0.99) - 1],
        "max": ordered[-1],
        "mean": statistics.fmean(ordered),
    }


def _fresh(code: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


_FIRST_CHECK = """
import json, time
t0 = time.perf_counter()
import tonecheck
t1 = time.perf_counter()
tonecheck.check("Big news 🎉 our #socialmediatips guide is out, read it at https://example.com today!", platform="x")
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first": t2 - t1, "total": t2 - t0}))
"""

_PEAK_RSS = """
import json, resource, sys
import tonecheck
checker = tonecheck.Checker()
for line in open(sys.argv[1] if len(sys.argv) > 1 else %r, encoding="utf-8"):
    checker.check(line.rstrip("\\n"), platform="x")
print(json.dumps({"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _bench_profile(folder: Path, posts: list[str]) -> Path:
    """A profile with 200 terms and 20 Vale rules (those of bench/bench_vale.py), written to *folder*."""
    import random
    import re

    from bench_vale import RULES  # bench/ is on the path: the scripts run from it

    words = sorted({w.lower() for p in posts for w in re.findall(r"\b[A-Za-z]{5,}\b", p)})
    rng = random.Random(11)
    picked = rng.sample(words, 200)
    style = folder / "styles" / "Bench"
    style.mkdir(parents=True)
    for name, body in RULES.items():
        (style / f"{name}.yml").write_text(body, encoding="utf-8")
    lines = ['[profile]\nformat = 1\nname = "Bench"\n',
             '[[principles]]\nid = "plain"\nsummary = "Plain"\ntargets = { formality = { max = 60 }, '
             'plainness = { min = 40 } }\n',
             '[[principles]]\nid = "calm"\nsummary = "Calm"\ntargets = { energy = { max = 50 }, '
             'confidence = { min = 30 } }\n',
             '[vale]\nstyles = ["styles/Bench"]\n',
             '[terms]\nbrands = [' + ", ".join(f'"{w.capitalize()}Pro"' for w in picked[:20]) + "]\n"]
    for w in picked[20:120]:
        lines.append(f'[[terms.prefer]]\nuse = "{w[:4]}"\ninstead-of = ["{w}"]\n')
    lines.append('[[terms.avoid]]\nterms = [' + ", ".join(f'"{w}"' for w in picked[120:200]) + "]\n")
    lines.append('[[policy.embargo]]\nterm = "Project Nightjar"\n[policy.disclosure]\nrequired = true\n')
    path = folder / "bench.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=None, help="use only the first N posts")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the corpus (best per post)")
    args = parser.parse_args()
    posts = _posts(args.posts)

    sys.path.insert(0, str(ROOT))
    import tonecheck
    from tonecheck.text import parse

    checker = tonecheck.Checker()
    for post in posts[:200]:  # warm up caches, lazy imports and the pronouncing dictionary
        checker.check(post, platform="x")
    ours = _stats(_time_each(lambda p: checker.check(p, platform="x"), posts, args.rounds))
    tokenise = _stats(_time_each(parse, posts, args.rounds))
    import tempfile

    from tonecheck.voice.profile import load_profile

    with tempfile.TemporaryDirectory() as tmp:
        profile = load_profile(_bench_profile(Path(tmp), posts))
    from dataclasses import replace

    plain_profile = replace(profile, prefer=(), avoid=(), brands=(), vale=None)
    for post in posts[:200]:
        checker.check(post, platform="x", profile=profile)
        checker.check(post, platform="x", profile=plain_profile)
    profiled = _stats(_time_each(lambda p: checker.check(p, platform="x", profile=profile), posts, args.rounds))
    principled = _stats(
        _time_each(lambda p: checker.check(p, platform="x", profile=plain_profile), posts, args.rounds)
    )
    added = profiled["median"] - principled["median"]
    added_all = profiled["median"] - ours["median"]
    from tonecheck import platforms

    venue = platforms.get("x")
    counting = _stats(_time_each(lambda p: platforms.measure(p, venue), posts, args.rounds))

    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile

        CheckRegistry().register_many(__register__)
        LintFile("<warm>", posts[0]).lint()
        peer: dict[str, float] | None = _stats(
            _time_each(lambda p: LintFile("<post>", p).lint() if p.strip() else None, posts, args.rounds)
        )
    except ImportError:
        peer = None

    from tonecheck.split import split_thread

    draft = "\n\n".join(posts[:80])[:5000]
    split_ms = {
        p: min(_time_each(lambda t, p=p: split_thread(t, p, numbering=True), [draft], 5)) for p in ("x", "mastodon")
    }
    first = min((_fresh(_FIRST_CHECK) for _ in range(3)), key=lambda r: r["total"])
    rss = _fresh(_PEAK_RSS % str(CORPUS))

    print(f"tonecheck core benchmark — {len(posts):,} posts from {CORPUS.name}, platform x, best of {args.rounds}")
    print(f"{'':24}{'median':>10}{'p90':>10}{'p99':>10}{'max':>10}{'mean':>10}   (ms per post)")
    print(f"{'tonecheck check()':24}" + "".join(f"{ours[k]:>10.3f}" for k in ("median", "p90", "p99", "max", "mean")))
    cols = ("median", "p90", "p99", "max", "mean")
    print(f"{'  tokenise only':24}" + "".join(f"{tokenise[k]:>10.3f}" for k in cols))
    print(f"{'with a voice profile':24}" + "".join(f"{profiled[k]:>10.3f}" for k in cols)
          + "   (200 terms, 20 Vale rules, 4 trait targets)")
    print(f"{'  without terms, Vale':24}" + "".join(f"{principled[k]:>10.3f}" for k in cols)
          + "   (the same principles and policy: tone traits, voice and policy rules)")
    print(f"{'  count for X only':24}" + "".join(f"{counting[k]:>10.3f}" for k in cols))
    if peer:
        print(f"{'proselint lint()':24}" + "".join(f"{peer[k]:>10.3f}" for k in cols))
        ratio = peer["median"] / ours["median"]
        print(f"ratio proselint/tonecheck (median): {ratio:.1f}x   (mean: {peer['mean'] / ours['mean']:.1f}x)")
    else:
        ratio = float("nan")
        print("proselint not installed: no peer figures (pip install proselint)")
    print(f"import tonecheck: {first['import']:.3f} s; first check: {first['first']:.3f} s; "
          f"together: {first['total']:.3f} s (best of 3 fresh processes)")
    print(f"peak RSS after checking the whole corpus: {rss['rss_mb']:.0f} MB")
    print("split a 5,000-character draft into a numbered thread: "
          + ", ".join(f"{p} {ms:.1f} ms" for p, ms in split_ms.items()))
    print()
    print("budget                      figure      limit   ok")
    rows = [
        ("median per post (ms)", ours["median"], BUDGET["median_ms"], ours["median"] <= BUDGET["median_ms"]),
        ("p99 per post (ms)", ours["p99"], BUDGET["p99_ms"], ours["p99"] <= BUDGET["p99_ms"]),
        ("profile adds in all (ms)", added_all, BUDGET["terms_vale_added_ms"],
         added_all <= BUDGET["terms_vale_added_ms"]),
        ("  of which terms+Vale (ms)", added, BUDGET["terms_vale_added_ms"], added <= BUDGET["terms_vale_added_ms"]),
        ("X counting, median (ms)", counting["median"], BUDGET["count_ms"], counting["median"] <= BUDGET["count_ms"]),
        ("faster than proselint (x)", ratio, BUDGET["vs_proselint"], ratio >= BUDGET["vs_proselint"]),
        ("import + first check (s)", first["total"], BUDGET["first_check_s"],
         first["total"] <= BUDGET["first_check_s"]),
        ("peak RSS (MB)", rss["rss_mb"], BUDGET["rss_mb"], rss["rss_mb"] <= BUDGET["rss_mb"]),
    ]
    for name, value, limit, ok in rows:
        print(f"{name:<26}{value:>8.3f}{limit:>11}   {'yes' if ok else 'NO'}")


if __name__ == "__main__":
    main()
