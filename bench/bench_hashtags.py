"""Benchmark hashtag-camel-case on public hashtag segmentation sets, next to wordsegment and wordninja.

Prints figures; never asserts. The sets (see ``tests/conformance/hashtags/SOURCE.md``):

- STAN-small (Bansal et al. 2015, corrected by Maddela et al. 2019) and STAN-large train/dev/test
  (Maddela et al. 2019), committed under ``tests/conformance/hashtags/``;
- BOUN dev and test (Celebi & Özgür 2016), which carry no licence and so are not committed: put
  ``Dev-BOUN`` and ``Test-BOUN`` from github.com/ardax/hashtag-segmentor in ``$TONECHECK_BOUN_DIR``
  (default ``~/.cache/tonecheck/boun``); without them the BOUN rows are skipped with a message.

The rule was tuned on STAN-small, STAN-large train and dev and BOUN dev; STAN-large test and BOUN
test are held out (marked ``held out`` in the output).

Definitions (every tool is scored the same way):

- A tag is *one-case* when its letters are all lower case, all capitals, or only the first is a
  capital. Only one-case tags can be flagged (a writer who typed capitals has chosen the words).
- A tag is *multi-word* when no gold segmentation has the word boundaries of the tag as typed
  (read at its capitals and at changes between letters and digits), so at least one run of letters
  holds several words; *single-word* when every gold segmentation has the boundaries of the tag as
  typed (``lions2009`` = "lions 2009" is single-word: the digits already part it). Tags whose
  annotators disagree (``throwdown`` / ``throw down``) are neither, and count only in whole-tag
  accuracy, where either answer is right.
- A tool *flags* a tag when it suggests a split: tonecheck when the rule reports it; a peer when it
  splits a one-case tag into two parts or more.
- precision = flagged multi-word tags / flagged tags that are multi-word or single-word;
  recall = flagged multi-word one-case tags / multi-word one-case tags;
  false-alarm rate = flagged single-word tags / single-word one-case tags;
  suggestion accuracy = flagged multi-word tags whose suggestion has the gold word boundaries /
  flagged multi-word tags;
  whole-tag accuracy = tags where the tag the writer is left with (the suggestion if flagged, else
  the tag as typed, read at its capitals and digits) has the boundaries of one of the gold
  segmentations (compared without case; a contraction the gold splits at its apostrophe,
  "don t", also matches "dont"), over all tags (``whole``) and over one-case tags only
  (``1case``: the tags a tool can act on; a tag typed in mixed case is scored as typed).
- ms/tag: the median time to check a draft holding only the tag (tonecheck: the whole default
  check, every rule; peers: their segment call).

Run: ``.venv/bin/python bench/bench_hashtags.py [--sets stan-small,boun-dev,...]``.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "conformance" / "hashtags"
BOUN = Path(os.environ.get("TONECHECK_BOUN_DIR", Path.home() / ".cache" / "tonecheck" / "boun"))
SETS = {
    "stan-small": (DATA / "stan-small.tsv", "tuning"),
    "stan-large-train": (DATA / "stan-large-train.tsv", "tuning"),
    "stan-large-dev": (DATA / "stan-large-dev.tsv", "tuning"),
    "boun-dev": (BOUN / "Dev-BOUN", "tuning"),
    "stan-large-test": (DATA / "stan-large-test.tsv", "held out"),
    "boun-test": (BOUN / "Test-BOUN", "held out"),
}
# How a tag as typed is read: words at capitals, capitals runs, digits runs.
_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")
_ALNUM = re.compile(r"[A-Za-z]+|[0-9]+")


@dataclass(frozen=True, slots=True)
class Tag:
    text: str  # without the sign
    golds: tuple[tuple[str, ...], ...]  # each gold segmentation as lower-case words

    @property
    def kind(self) -> str:
        typed = read(self.text)
        if typed not in self.golds:
            return "multi"
        if all(g == typed for g in self.golds):
            return "single"
        return "either"


# Gold segmentations split contractions where the apostrophe was ("don t", "let s"); a tag written
# "DontStop" reads the same, so the joined form is accepted too.
_CLITICS = frozenset({"s", "t", "m", "re", "ve", "ll", "d"})


def _gold_words(segmentation: str) -> tuple[str, ...]:
    return tuple(w.lower() for part in segmentation.split() for w in _ALNUM.findall(part))


def _joined(words: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for w in words:
        if out and w in _CLITICS and out[-1].isalpha():
            out[-1] += w
        else:
            out.append(w)
    return tuple(out)


def load(name: str) -> list[Tag] | None:
    path, _ = SETS[name]
    if not path.exists():
        return None
    tags: list[Tag] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if name.startswith("boun"):
            gold = line.strip()
            text, golds = gold.replace(" ", ""), [gold]
        else:
            text, *golds = line.split("\t")
        split = [w for w in (_gold_words(g) for g in golds) if w]
        words = tuple(dict.fromkeys([*split, *(_joined(w) for w in split)]))
        if text and words:
            tags.append(Tag(text, words))
    return tags


def one_case(text: str) -> bool:
    letters = "".join(c for c in text if c.isalpha())
    return bool(letters) and (
        letters.islower() or letters.isupper() or (letters[0].isupper() and letters[1:].islower())
    )


def read(written: str) -> tuple[str, ...]:
    """The words a reader (or screen reader) sees in a tag as written."""
    return tuple(w.lower() for w in _WORDS.findall(written))


# A tool maps a tag (no sign) to the tag it suggests, or None when it does not flag it.
Tool = Callable[[str], "str | None"]


def _tonecheck() -> Tool:
    import tonecheck

    checker = tonecheck.Checker()

    def run(text: str) -> str | None:
        report = checker.check("#" + text)
        for f in report.findings:
            if f.rule == "hashtag-camel-case" and f.suggestions:
                return f.suggestions[0].replacement[1:]
        return None

    return run


def _peer(segment: Callable[[str], list[str]]) -> Tool:
    def run(text: str) -> str | None:
        if not one_case(text):
            return None
        parts = [p for p in segment(text) if p.strip()]
        if len(parts) < 2:
            return None
        return "".join(p[:1].upper() + p[1:] for p in parts)

    return run


def _wordsegment() -> Tool | None:
    try:
        import wordsegment
    except ImportError:
        return None
    wordsegment.load()
    return _peer(wordsegment.segment)


def _wordninja() -> Tool:
    import wordninja

    return _peer(wordninja.split)


@dataclass
class Score:
    flagged: int = 0
    flagged_known: int = 0
    true_flags: int = 0
    multi: int = 0
    single: int = 0
    false_alarms: int = 0
    right_suggestions: int = 0
    whole_right: int = 0
    total: int = 0
    one_case_right: int = 0
    one_case_total: int = 0

    def row(self) -> tuple[float, float, float, float, float, float]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else float("nan")

        return (
            ratio(self.true_flags, self.flagged_known),
            ratio(self.true_flags, self.multi),
            ratio(self.false_alarms, self.single),
            ratio(self.right_suggestions, self.true_flags),
            ratio(self.whole_right, self.total),
            ratio(self.one_case_right, self.one_case_total),
        )


def score(tool: Tool, tags: Iterable[Tag], misses: list[str] | None = None) -> tuple[Score, float]:
    s = Score()
    times: list[float] = []
    for tag in tags:
        start = time.perf_counter()
        suggestion = tool(tag.text)
        times.append(time.perf_counter() - start)
        kind = tag.kind
        candidate = one_case(tag.text)
        left_with = read(suggestion if suggestion is not None else tag.text)
        right = left_with in tag.golds
        s.total += 1
        s.whole_right += right
        s.one_case_total += candidate
        s.one_case_right += candidate and right
        if candidate and kind == "multi":
            s.multi += 1
        if candidate and kind == "single":
            s.single += 1
        if suggestion is not None:
            s.flagged += 1
            if kind != "either":
                s.flagged_known += 1
            if kind == "multi":
                s.true_flags += 1
                s.right_suggestions += right
            elif kind == "single":
                s.false_alarms += 1
        if misses is not None and not right:
            misses.append(f"{kind:6} {tag.text} -> {suggestion} gold={'|'.join(' '.join(g) for g in tag.golds)}")
    return s, statistics.median(times) * 1000 if times else float("nan")


def _rule_speed(tags: list[Tag]) -> str:
    """The rule's own verdict per tag, caches cleared first: median, p99 and max in ms."""
    from tonecheck import segment
    from tonecheck.rules.hashtags import hashtag_camel_case as rule

    limits = rule._limits(rule.HashtagCamelCase.defaults)
    rule._judge.cache_clear()
    segment.readings.cache_clear()
    times: list[float] = []
    for tag in tags:
        start = time.perf_counter()
        if rule._is_candidate(tag.text):
            rule._judge(tag.text, limits)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    return f"median {statistics.median(times):.3f} ms, p99 {p99:.3f} ms, max {times[-1]:.3f} ms per tag"


_FIRST = """
import time
t0 = time.perf_counter()
import tonecheck
t1 = time.perf_counter()
tonecheck.check("Big news!! plain words", platform="x")
t2 = time.perf_counter()
tonecheck.check("Big news!! #socialmediatips", platform="x")
t3 = time.perf_counter()
from tonecheck import segment
segment.model.cache_clear()
t4 = time.perf_counter()
segment.model()
t5 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t5 - t4)
"""


def _first_check() -> str:
    """Fresh processes: import, a first check without a hashtag, then the first hashtag, and the table load."""
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", _FIRST], capture_output=True, text=True, check=True, cwd=ROOT)
        runs.append([float(x) for x in out.stdout.split()])
    best = [min(r[i] for r in runs) for i in range(4)]
    return (f"import tonecheck {best[0]:.3f} s; first check {best[1]:.3f} s; then the first hashtag "
            f"{best[2]:.3f} s (of which loading the word table {best[3]:.3f} s); best of 3 fresh processes")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated: " + ", ".join(SETS))
    parser.add_argument("--misses", type=Path, help="write tonecheck's wrong tags to this file (tuning sets only)")
    parser.add_argument("--only-tonecheck", action="store_true", help="skip the peers")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.sets.split(",") if n.strip()]
    unknown = [n for n in names if n not in SETS]
    if unknown:
        parser.error(f"unknown set: {', '.join(unknown)}")

    tools: dict[str, Tool] = {"tonecheck": _tonecheck()}
    if not args.only_tonecheck:
        ws = _wordsegment()
        if ws is None:
            print("wordsegment is not installed: pip install wordsegment (a dev dependency)", file=sys.stderr)
        else:
            tools["wordsegment"] = ws
        tools["wordninja"] = _wordninja()

    misses: list[str] = []
    columns = ("tags", "prec", "recall", "false", "sugg", "whole", "1case", "ms/tag")
    print(f"{'set':28} {'tool':12} " + " ".join(f"{c:>6}" for c in columns))
    for name in names:
        tags = load(name)
        if tags is None:
            path = SETS[name][0]
            print(f"{name:28} skipped: {path} not found (BOUN has no licence, so it is not committed: copy "
                  "Dev-BOUN and Test-BOUN from github.com/ardax/hashtag-segmentor into $TONECHECK_BOUN_DIR "
                  f"or {BOUN})")
            continue
        for tool_name, tool in tools.items():
            keep = misses if args.misses and tool_name == "tonecheck" and SETS[name][1] == "tuning" else None
            s, ms = score(tool, tags, keep)
            p, r, fa, sug, whole, whole1 = s.row()
            label = name + (" (held out)" if SETS[name][1] == "held out" else "")
            figures = " ".join(f"{x:6.3f}" for x in (p, r, fa, sug, whole, whole1, ms))
            print(f"{label:28} {tool_name:12} {s.total:6} {figures}")
        counts = {k: sum(1 for t in tags if t.kind == k and one_case(t.text)) for k in ("multi", "single")}
        print(f"{'':28} one-case multi-word {counts['multi']}, single-word {counts['single']}; "
              f"rule alone: {_rule_speed(tags)}")
    print(_first_check())
    if args.misses:
        args.misses.write_text("\n".join(misses) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
