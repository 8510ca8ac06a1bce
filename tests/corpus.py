"""Corpora for the whole-corpus tests (tests/test_robustness.py, tests/test_traits.py).

Two corpora:

- ``built-in``: on every clone. The repository's own drafts (samples/, every text of the rule fixtures) and
  posts generated from their words with a fixed seed, mixed with what social posts carry: hashtags in every
  case style, @mentions, links, cashtags, emoji (ZWJ sequences, flags, skin tones, keycaps, runs), capitals,
  fake Unicode fonts, right-to-left and CJK words, combining marks, invisible characters, line breaks.
- ``tweeteval``: 12,284 real posts (the TweetEval sentiment test set, SemEval-2017 Task 4), only when
  ``../shared/corpus/tweeteval/`` sits beside the repository (as on the team's machines). It is not in the
  repository: TweetEval leaves each task's data under the original dataset's and X/Twitter's terms, and
  neither grants a licence to redistribute the posts.

The test ids name the corpus (``test_whole_corpus[built-in]``), and the run's header says which were found.
"""

from __future__ import annotations

import csv
import functools
import random
import tomllib
from dataclasses import dataclass
from pathlib import Path

__all__ = ["TWEETEVAL", "Corpus", "available", "builtin", "header", "tweeteval"]

_REPO = Path(__file__).resolve().parent.parent
TWEETEVAL = _REPO.parent / "shared" / "corpus" / "tweeteval" / "sentiment_test_text.txt"
_GENERATED = 4_000
_SEED = 20261207


@dataclass(frozen=True)
class Corpus:
    """A named list of posts."""

    name: str
    description: str
    posts: tuple[str, ...]


def _sample_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted((_REPO / "samples" / "drafts").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    for path in sorted((_REPO / "samples" / "drafts").glob("*.toml")):
        texts.append(tomllib.loads(path.read_text(encoding="utf-8"))["text"])
    with (_REPO / "samples" / "scheduled-posts.csv").open(encoding="utf-8", newline="") as handle:
        texts.extend(row["text"] for row in csv.DictReader(handle))
    for path in sorted((_REPO / "tests" / "fixtures" / "rules").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for section in ("flags", "passes"):
            texts.extend(case["text"] for case in data.get(section, []) if isinstance(case.get("text"), str))
    return [t for t in texts if t.strip()]


_EMOJI = ["🎉", "🔥", "😍", "😂", "❤️", "👍🏽", "👩‍💻", "👨‍👩‍👧", "🏳️‍🌈", "🇬🇧", "🇺🇸",
          "5️⃣", "#️⃣", "✨", "🙏", "🌷", "☀️", "🤦‍♀️"]
_LINKS = ["https://example.org/news", "http://bit.ly/4abc", "www.example.co.uk/events?day=sat", "example.com",
          "https://t.co/AbC123", "https://example.org/a_(b)", "https://xn--caf-dma.example/menu"]
_MENTIONS = ["@user", "@bob_smith", "@CityCouncil", "@example@mastodon.social", "@alice.bsky.social"]
_FOREIGN = ["مرحبا", "שלום", "你好世界", "こんにちは", "안녕하세요", "Привет",
            "naïve", "café", "e\u0301te\u0301", "Zürich"]
_INVISIBLE = ["\u200b", "\u200d", "\u2800", "\ufe0f", "\u00a0", "\u202e", "\t"]
_ENDS = [".", "!", "!!!", "?", "...", " 😂", ":", " -", ""]
_BOLD = {c: chr(0x1D400 + i) for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")} | {
    c: chr(0x1D41A + i) for i, c in enumerate("abcdefghijklmnopqrstuvwxyz")
}


def _words(texts: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for text in texts:
        for token in text.split():
            word = token.strip(".,!?:;\"'()[]")
            if word.isalpha() and word.isascii():
                seen.setdefault(word, None)
    return list(seen)


def _hashtag(rng: random.Random, words: list[str]) -> str:
    parts = rng.sample(words, rng.randint(1, 3))
    style = rng.randrange(4)
    if style == 0:
        body = "".join(p.lower() for p in parts)
    elif style == 1:
        body = "".join(p.capitalize() for p in parts)
    elif style == 2:
        body = "".join(p.upper() for p in parts)
    else:
        body = "_".join(parts) + str(rng.randint(1, 2030))
    return "#" + body


def _word(rng: random.Random, words: list[str]) -> str:
    roll = rng.random()
    if roll < 0.55:
        return rng.choice(words)
    if roll < 0.63:
        return rng.choice(words).upper()
    if roll < 0.68:
        return "".join(_BOLD.get(c, c) for c in rng.choice(words))
    if roll < 0.73:
        return rng.choice(_FOREIGN)
    if roll < 0.78:
        return str(rng.choice([rng.randint(0, 99), rng.randint(100, 99_999), "10am", "£5", "50%", "3.5", "2026"]))
    if roll < 0.84:
        return rng.choice(_EMOJI) * rng.choice([1, 1, 1, 2, 3, 5])
    if roll < 0.88:
        return _hashtag(rng, words)
    if roll < 0.92:
        return rng.choice(_MENTIONS)
    if roll < 0.95:
        return rng.choice(_LINKS)
    if roll < 0.97:
        return "$" + rng.choice(["TSLA", "AAPL", "BTC", "GBP"])
    return rng.choice(words) + rng.choice(_INVISIBLE) + rng.choice(words)


def _generated(rng: random.Random, words: list[str], count: int) -> list[str]:
    posts = []
    for _ in range(count):
        sentences = []
        for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
            sentence = " ".join(_word(rng, words) for _ in range(rng.randint(1, 18)))
            sentences.append(sentence[:1].upper() + sentence[1:] + rng.choice(_ENDS))
        post = rng.choice([" ", " ", "\n", "\n\n"]).join(sentences)
        if rng.random() < 0.3:
            post += " " + " ".join(_hashtag(rng, words) for _ in range(rng.randint(1, 6)))
        if rng.random() < 0.1:
            post = rng.choice(_MENTIONS) + " " + post
        posts.append(post)
    return posts


@functools.cache
def builtin() -> Corpus:
    """The corpus every clone has: the repository's drafts plus generated social-looking posts."""
    samples = _sample_texts()
    generated = _generated(random.Random(_SEED), _words(samples), _GENERATED)
    return Corpus(
        "built-in",
        f"{len(samples):,} drafts from samples/ and the rule fixtures, {len(generated):,} generated posts",
        tuple(samples + generated),
    )


@functools.cache
def tweeteval() -> Corpus | None:
    """The TweetEval sentiment test set from ../shared, or None when it is not beside the repository."""
    if not TWEETEVAL.is_file():
        return None
    posts = tuple(p for p in TWEETEVAL.read_text(encoding="utf-8").splitlines() if p.strip())
    return Corpus("tweeteval", f"{len(posts):,} real posts from {TWEETEVAL}", posts)


def available() -> list[Corpus]:
    """The built-in corpus, and TweetEval when it is present."""
    real = tweeteval()
    return [builtin()] if real is None else [builtin(), real]


def header() -> str:
    """One line for the test run's header: which corpora the whole-corpus tests use."""
    real = tweeteval()
    found = f"tweeteval ({real.description})" if real else f"tweeteval not found at {TWEETEVAL} (not run)"
    return f"whole-corpus tests: built-in ({builtin().description}); {found}"
