"""Benchmark the tone traits: per-post cost of ``tonecheck.voice.traits.measure`` over the corpus.

Prints figures; never asserts (the budget, about 0.12 ms median per post, is judged by people reading
the output):

- ``measure(parsed)`` per post, with the draft already tokenised and its words and sentences already
  computed, as they are by the time the engine's rules have run (the cost traits add to a check);
- the same from a bare ``parse(post)`` (traits pay for the words and sentences too);
- VADER's own ``polarity_scores`` on the same posts, against tonecheck's port of it (same scores);
- the distribution of each trait over the corpus (quartiles), for setting profile targets.

Run: ``.venv/bin/python bench/bench_traits.py [--posts N] [--rounds R]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Callable

import corpus  # bench/corpus.py

ROOT = corpus.ROOT
sys.path.insert(0, str(ROOT))

from tonecheck.text import ParsedText, parse  # noqa: E402
from tonecheck.voice import traits  # noqa: E402

CORPUS = corpus.CORPUS
BUDGET_MEDIAN_US = 120.0


def _posts(limit: int | None) -> list[str]:
    return corpus.posts(limit)


def _time_each(
    prepare: Callable[[str], object], run: Callable[[object], object], posts: list[str], rounds: int
) -> list[float]:
    """Per-post times in µs of ``run(prepare(post))`` (``prepare`` not timed): best of *rounds* passes."""
    return [ns / 1e3 for ns in corpus.time_each(run, posts, rounds, lambda: [prepare(p) for p in posts])]


def _summary(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    n = len(ordered)
    return (
        f"{name:<44} median {statistics.median(ordered):7.1f} µs   p90 {ordered[int(n * 0.9) - 1]:7.1f} µs   "
        f"p99 {ordered[int(n * 0.99) - 1]:7.1f} µs   max {ordered[-1]:8.1f} µs"
    )


def _tokenised(post: str) -> ParsedText:
    parsed = parse(post)
    _ = parsed.words, parsed.sentences  # what the engine's rules have computed already
    return parsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=None, help="only the first N posts")
    parser.add_argument("--rounds", type=int, default=3, help="passes per post; the best time counts")
    args = parser.parse_args()
    posts = _posts(args.posts)
    traits.measure(parse("Warm up the word lists, VADER and the pronouncing dictionary, PLEASE."))

    print(f"{len(posts)} posts from {CORPUS.name}, best of {args.rounds} rounds per post\n")
    warm = _time_each(_tokenised, lambda p: traits.measure(p), posts, args.rounds)  # type: ignore[arg-type]
    print(_summary("measure(), words and sentences ready", warm))
    cold = _time_each(parse, lambda p: traits.measure(p), posts, args.rounds)  # type: ignore[arg-type]
    print(_summary("measure() from a bare parse", cold))

    analyzer = traits._analyzer()
    data = traits._data()
    inputs = [traits._vader_input(parse(p), data.skip_emoji, data.neutral_words)[0] for p in posts]
    ours = _time_each(lambda s: s, lambda s: traits._vader_scores(s), inputs, args.rounds)  # type: ignore[arg-type]
    theirs = _time_each(lambda s: s, lambda s: analyzer.polarity_scores(s), inputs, args.rounds)
    print(_summary("VADER port (warmth, with token spans)", ours))
    print(_summary("vaderSentiment polarity_scores()", theirs))
    same = sum(traits._vader_scores(s)[0] == analyzer.polarity_scores(s)["compound"] for s in inputs)
    print(f"compound scores equal to polarity_scores(): {same} of {len(inputs)}")

    median = statistics.median(warm)
    verdict = "within" if median <= BUDGET_MEDIAN_US else "OVER"
    print(f"\nbudget: median {median:.1f} µs vs {BUDGET_MEDIAN_US:.0f} µs: {verdict}")

    values: dict[str, list[int]] = {name: [] for name in traits.TRAITS}
    judged = 0
    for post in posts:
        result = traits.measure(parse(post))
        if result["warmth"].value is None:
            continue
        judged += 1
        for name in traits.TRAITS:
            value = result[name].value
            assert value is not None
            values[name].append(value)
    print(f"\ntrait distribution over the {judged} posts long enough to judge ({len(posts) - judged} too short):")
    for name in traits.TRAITS:
        v = sorted(values[name])
        q1, q2, q3 = statistics.quantiles(v, n=4)
        print(
            f"  {name:<11} p10 {v[len(v) // 10]:3d}   Q1 {q1:5.1f}   median {q2:5.1f}   Q3 {q3:5.1f}   "
            f"p90 {v[len(v) * 9 // 10]:3d}   mean {statistics.mean(v):5.1f}"
        )


if __name__ == "__main__":
    main()
