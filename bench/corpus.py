"""What the benchmarks share: the tweeteval corpus and a per-item timer (best of several passes)."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "tweeteval" / "sentiment_test_text.txt"

_T = TypeVar("_T")


def posts(limit: int | None = None) -> list[str]:
    """The corpus posts (non-empty lines), the first *limit* of them when given; exits when the corpus is missing."""
    if not CORPUS.is_file():
        sys.exit(f"corpus not found: {CORPUS}")
    found = [p for p in CORPUS.read_text(encoding="utf-8").splitlines() if p.strip()]
    return found[:limit] if limit else found


def time_each(run: Callable[[_T], object], items: Sequence[_T], rounds: int,
              prepare: Callable[[], Sequence[_T]] | None = None) -> list[int]:
    """Nanoseconds of ``run(item)`` per item: the best of *rounds* passes (reduces scheduler noise).

    *prepare*, when given, makes fresh items before each pass (not timed), e.g. new parses whose caches are empty.
    """
    best = [sys.maxsize] * len(items)
    clock = time.perf_counter_ns
    for _ in range(rounds):
        batch = prepare() if prepare is not None else items
        gc.disable()
        for i, item in enumerate(batch):
            t0 = clock()
            run(item)
            elapsed = clock() - t0
            if elapsed < best[i]:
                best[i] = elapsed
        gc.enable()
    return best
