"""Benchmark adversarial draft shapes: every check must stay linear and fit Facebook's whole limit in 50 ms.

For each shape (fancy letters, "wow!!! ", one word per line, one line of many sentences, a realistic
long post built from the corpus, one long URL, thousands of emoji, hashtags, combining marks, CJK,
right-to-left text, …) the draft is built at 280, 1,000, 4,000, 16,000 and 63,206 characters (Facebook's
limit) and checked on every platform with the default configuration, no LanguageTool. It prints the
milliseconds per size (the slowest platform; best of ``--rounds`` passes) and the scaling exponent: the
least-squares slope of log(time) against log(size) over the sizes from 4,000 up, where the fixed cost of
a check no longer hides how the work grows (1.0 is linear, 2.0 quadratic).

Exits non-zero when a shape's exponent exceeds 1.2 or a 63,206-character check exceeds 50 ms (issue 12).
Once a check would take longer than ``--give-up`` seconds at the next size if it grew quadratically,
that shape's larger sizes are skipped (and it fails), and a check slower than 250 ms is timed once, so
the run stays short even when a rule has gone quadratic.

Run: ``make bench`` (or ``.venv/bin/python bench/bench_shapes.py [--shape NAME] [--platform ID] [--all]``).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable
from functools import partial

import corpus  # bench/corpus.py

SIZES = (280, 1_000, 4_000, 16_000, 63_206)
FIT_FROM = 4_000
MAX_EXPONENT = 1.2
BUDGET_MS = 50.0
_SLOW_NS = 5 * int(BUDGET_MS * 1e6)


def _repeat(unit: str) -> Callable[[int], str]:
    """A builder: *unit* repeated and cut to exactly *n* code points."""
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _realistic(n: int) -> str:
    """Corpus posts joined into one long post, paragraph by paragraph (the shape of a real long draft)."""
    posts = corpus.posts()
    parts: list[str] = []
    size = 0
    i = 0
    while size < n:
        post = posts[i % len(posts)]
        parts.append(post)
        size += len(post) + 2
        i += 1
    return "\n\n".join(parts)[:n]


def _long_url(n: int) -> str:
    head = "Read the full report: https://example.com/reports/2026/"
    return (head + "a" * n)[:n]


def _one_grapheme(n: int) -> str:
    """One letter carrying every combining mark (a single user-perceived character)."""
    return "e" + "\u0301" * (n - 1)


SHAPES: dict[str, Callable[[int], str]] = {
    "fancy letters": _repeat("𝐁𝐈𝐆 𝐍𝐄𝐖𝐒 "),
    "fancy script words": _repeat("𝓣𝓱𝓮 𝓫𝓲𝓰 𝓼𝓪𝓵𝓮 𝓲𝓼 𝓸𝓷. "),
    "wow!!!": _repeat("wow!!! "),
    "one word per line": _repeat("word\n"),
    "one line of sentences": _repeat("This is a short sentence. "),
    "realistic long post": _realistic,
    "one long URL": _long_url,
    "many URLs": _repeat("https://example.com/a "),
    "emoji only": _repeat("🎉"),
    "emoji with spaces": _repeat("🎉 "),
    "ZWJ emoji": _repeat("👩‍👩‍👧‍👦"),
    "flags": _repeat("🇬🇧"),
    "emoji bullets": _repeat("✅ Free entry\n"),
    "hashtags": _repeat("#BigNews "),
    "lower-case hashtags": _repeat("#socialmediatips "),
    "mentions": _repeat("@someone "),
    "cashtags": _repeat("$TSLA "),
    "combining marks": _one_grapheme,
    "zalgo words": _repeat("z\u0301\u0302\u0303\u0304\u0305a\u0306\u0307\u0308l\u0309\u030a\u030bg\u030co "),
    "CJK": _repeat("今日はとても良い天気です。"),
    "Arabic (RTL)": _repeat("مرحبا بكم في موقعنا الجديد. "),
    "Hebrew (RTL)": _repeat("שלום לכולם, ברוכים הבאים. "),
    "capitals": _repeat("BIG NEWS TODAY "),
    "spaced letters": _repeat("B I G  N E W S  "),
    "no spaces": _repeat("a"),
    "one long word with hyphens": _repeat("well-"),
    "punctuation only": _repeat("!"),
    "line breaks only": _repeat("\n"),
    "spaces only": _repeat(" "),
    "personal data": _repeat("Call 020 7946 0958 or mail jo@example.com. "),
    "numbers": _repeat("1234567890 "),
    "ASCII art": _repeat("(╯°□°)╯︵ ┻━┻ "),
    "box drawing": _repeat("┌──┐│██│└──┘\n"),
    "invisible characters": _repeat("a\u200b"),
    "full-width letters": _repeat("ＢＩＧ ＮＥＷＳ "),
    "abbreviations": _repeat("e.g. Dr. Smith vs. Mr. Jones etc. "),
    "long words": _repeat("internationalisation "),
}

# Shapes dominated by platform counting and URL validation (tonecheck/platforms.py, twitter_count.py),
# which another slice of issue 12 owns; reported here all the same.
COUNTING_SHAPES = frozenset({"one long URL", "many URLs"})


def _exponent(sizes: list[int], times: list[float]) -> float:
    """Least-squares slope of log(time) against log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def _judge(times: list[float]) -> tuple[float, bool]:
    """The fitted exponent of one platform's times, and whether they keep both limits."""
    fit = [(s, t) for s, t in zip(SIZES, times, strict=False) if s >= FIT_FROM]
    exp = _exponent([s for s, _ in fit], [t for _, t in fit]) if len(fit) >= 2 else float("nan")
    complete = len(times) == len(SIZES)
    return exp, complete and exp <= MAX_EXPONENT and times[-1] <= BUDGET_MS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", action="append", help="only this shape (repeatable; a substring of its name)")
    parser.add_argument("--platform", action="append", help="only this platform (repeatable)")
    parser.add_argument("--rounds", type=int, default=3, help="passes per size (best kept)")
    parser.add_argument("--give-up", type=float, default=3.0, metavar="S",
                        help="skip a shape's larger sizes once a quadratic check would take more than S seconds")
    parser.add_argument("--all", action="store_true", help="print every platform, not only the slowest")
    args = parser.parse_args()

    sys.path.insert(0, str(corpus.ROOT))
    import tonecheck
    from tonecheck import platforms

    checker = tonecheck.Checker(config={"max-length": max(SIZES)})
    venues = args.platform or platforms.names()
    shapes = {name: build for name, build in SHAPES.items()
              if not args.shape or any(s.lower() in name.lower() for s in args.shape)}
    for name in venues:
        checker.check(_realistic(1_000), platform=name)  # warm up lazy imports and dictionaries

    print(f"tonecheck shape benchmark — ms per check (best of {args.rounds}), slowest of "
          f"{len(venues)} platform(s); exponent fitted from {FIT_FROM:,} characters; limits: exponent "
          f"≤ {MAX_EXPONENT}, {max(SIZES):,} characters ≤ {BUDGET_MS:.0f} ms")
    head = f"{'shape':<28}" + "".join(f"{s:>9,}" for s in SIZES) + f"{'exp':>7}  {'slowest':<10} ok"
    print(head)
    print("-" * len(head))
    failed: list[str] = []
    for shape, build in shapes.items():
        texts = {n: build(n) for n in SIZES}
        per_platform: dict[str, list[float]] = {}
        for venue in venues:
            times: list[float] = []
            for n in SIZES:
                run = partial(checker.check, platform=venue)
                ns = corpus.time_each(run, [texts[n]], 1)[0]
                if args.rounds > 1 and ns < _SLOW_NS:  # a very slow check is not worth repeating
                    ns = min(ns, corpus.time_each(run, [texts[n]], args.rounds - 1)[0])
                times.append(ns / 1e6)
                if n != SIZES[-1] and ns / 1e9 * (SIZES[SIZES.index(n) + 1] / n) ** 2 > args.give_up:
                    break  # the next size would take longer than --give-up if the check is quadratic
            per_platform[venue] = times
        judged = {venue: _judge(times) for venue, times in per_platform.items()}
        slowest = max(per_platform, key=lambda v: (len(per_platform[v]), per_platform[v][-1]))
        for venue in per_platform if args.all else [slowest]:
            times = per_platform[venue]
            exp, ok = judged[venue]
            cells = "".join(f"{t:>9.2f}" for t in times) + "".join(f"{'>':>9}" for _ in SIZES[len(times):])
            label = f"{shape} ({venue})" if args.all else shape
            note = "  (counting: h3)" if not ok and shape in COUNTING_SHAPES else ""
            print(f"{label:<28}{cells}{exp:>7.2f}  {venue:<10} {'yes' if ok else 'NO'}{note}")
        if not all(ok for _, ok in judged.values()):
            failed.append(shape)
        sys.stdout.flush()
    print()
    if failed:
        print(f"FAILED ({len(failed)} of {len(shapes)} shapes): {', '.join(failed)}")
        return 1
    print(f"all {len(shapes)} shapes linear and within {BUDGET_MS:.0f} ms at {max(SIZES):,} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
