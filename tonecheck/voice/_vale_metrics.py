"""Document statistics for Vale's ``readability`` and ``metric`` rules, and a safe formula evaluator.

Counts follow prose's ``summarize.Document`` (the library Vale uses): words from a word-boundary
tokeniser, syllables from prose's vowel-group heuristic, *polysyllabic* words have more than two
syllables, *complex* words are polysyllabic after dropping an ``-es``/``-ed``/``-ing`` suffix,
*long* words have more than six characters, and characters are letters and digits. Sentences come
from tonecheck's tokeniser. URLs, mentions, hashtags, cashtags and emoji are left out (they are not
prose; see the module docs of :mod:`tonecheck.voice.vale`).

Formulas are Tengo expressions (``words / sentences``, ``math.sqrt(x)``, ``a > 3 && b < 2``). They
are parsed with :mod:`ast` after translating Tengo's ``&&``, ``||`` and ``!`` and evaluated by
walking a whitelist of node types: never ``eval()``.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex

__all__: list[str] = []

READABILITY_METRICS = ("Gunning Fog", "Coleman-Liau", "Flesch-Kincaid", "SMOG", "Automated Readability")

#: Variables a ``metric`` formula may use (``heading.h1`` is accepted and rewritten to ``heading_h1``).
METRIC_VARIABLES = frozenset(
    {
        "words",
        "sentences",
        "characters",
        "syllables",
        "paragraphs",
        "complex_words",
        "long_words",
        "polysyllabic_words",
        "pre",
        "list",
        "blockquote",
        *(f"heading_h{i}" for i in range(1, 7)),
    }
)

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*")
_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True, slots=True)
class Stats:
    """Counts of one block of prose."""

    words: int
    sentences: int
    characters: int
    syllables: int
    complex_words: int
    polysyllabic_words: int
    long_words: int
    paragraphs: int

    def variables(self) -> dict[str, float]:
        values = {
            "words": float(self.words),
            "sentences": float(self.sentences),
            "characters": float(self.characters),
            "syllables": float(self.syllables),
            "complex_words": float(self.complex_words),
            "polysyllabic_words": float(self.polysyllabic_words),
            "long_words": float(self.long_words),
            "paragraphs": float(self.paragraphs),
        }
        for name in METRIC_VARIABLES:
            values.setdefault(name, 0.0)  # markup counts (pre, list, headings) are 0 in plain text
        return values


def syllables(word: str) -> int:
    """Prose's ``summarize.Syllables``: vowel groups, minus a final ``e`` or ``es``."""
    word = word.lower()
    count = 0
    last_was_vowel = False
    for ch in word:
        vowel = ch in _VOWELS
        if vowel and not last_was_vowel:
            count += 1
        last_was_vowel = vowel
    if (len(word) > 2 and word.endswith("es")) or (len(word) > 1 and word.endswith("e")):
        count -= 1
    return count


@lru_cache(maxsize=32_768)
def _word_stats(word: str) -> tuple[int, int, int, int, int]:
    """Letters and digits, syllables, and whether polysyllabic, complex and long (0 or 1), of one word."""
    n = syllables(word)
    complex_word = (n - 1 if word.lower().endswith(("es", "ed", "ing")) else n) > 2
    return sum(1 for ch in word if ch.isalnum()), n, int(n > 2), int(complex_word), int(len(word) > 6)


def stats(prose: str, sentence_texts: list[str], paragraphs: int) -> Stats:
    """Count the words, syllables and characters of the sentences of *prose*."""
    words = sentences = characters = total_syllables = complex_words = polysyllabic = long_words = 0
    for sentence in sentence_texts:
        found = _WORD.findall(sentence)
        if not found:
            continue
        sentences += 1
        for word in found:
            chars, n, poly, complex_word, long_word = _word_stats(word)
            words += 1
            characters += chars
            total_syllables += n
            polysyllabic += poly
            complex_words += complex_word
            long_words += long_word
    return Stats(words, sentences, characters, total_syllables, complex_words, polysyllabic, long_words, paragraphs)


def readability(metrics: tuple[str, ...], s: Stats) -> float | None:
    """The average grade of *metrics* (``None`` when the text has no words)."""
    if not s.words or not s.sentences:
        return None
    grade = 0.0
    w, st = float(s.words), float(s.sentences)
    for metric in metrics:
        if metric == "SMOG":
            grade += 1.0430 * math.sqrt(s.polysyllabic_words * 30.0 / st) + 3.1291
        elif metric == "Gunning Fog":
            grade += 0.4 * (w / st + 100.0 * s.complex_words / w)
        elif metric == "Coleman-Liau":
            grade += 0.0588 * (s.characters / w) * 100 - 0.296 * (st / w) * 100 - 15.8
        elif metric == "Flesch-Kincaid":
            grade += 0.39 * w / st + 11.8 * s.syllables / w - 15.59
        elif metric == "Automated Readability":
            grade += 4.71 * (s.characters / w) + 0.5 * (w / st) - 21.43
    return grade / len(metrics)


# -- formulas ------------------------------------------------------------------------------------

_HEADING = regex.compile(r"heading\.(h[1-6])")
_TENGO_OPS = regex.compile(r"&&|\|\||!(?!=)")

_MATH_FUNCTIONS: dict[str, Callable[..., float]] = {
    "abs": abs,
    "ceil": math.ceil,
    "floor": math.floor,
    "round": round,
    "trunc": math.trunc,
    "sqrt": math.sqrt,
    "cbrt": math.cbrt,
    "pow": math.pow,
    "exp": math.exp,
    "exp2": lambda x: 2.0**x,
    "log": math.log,
    "log10": math.log10,
    "log2": math.log2,
    "log1p": math.log1p,
    "max": max,
    "min": min,
    "mod": math.fmod,
    "hypot": math.hypot,
    "sin": math.sin,
    "cos": math.cos,
    "tan": math.tan,
    "asin": math.asin,
    "acos": math.acos,
    "atan": math.atan,
    "atan2": math.atan2,
}
_MATH_CONSTANTS = {"pi": math.pi, "e": math.e, "sqrt2": math.sqrt(2), "ln2": math.log(2), "ln10": math.log(10)}

_BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Mod: math.fmod,
}
_COMPARE: dict[type[ast.cmpop], Callable[[float, float], bool]] = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}


class FormulaError(ValueError):
    """A formula that cannot be parsed or uses something the evaluator does not allow."""


class Formula:
    """A parsed Tengo expression over :data:`METRIC_VARIABLES`."""

    def __init__(self, source: str, extra: frozenset[str] = frozenset()) -> None:
        self._extra = extra
        text = _HEADING.sub(r"heading_\1", source.strip())
        if not text:
            raise FormulaError("empty expression")
        translated = _TENGO_OPS.sub(lambda m: {"&&": " and ", "||": " or ", "!": " not "}[m.group()], text)
        try:
            tree = ast.parse(translated, mode="eval")
        except SyntaxError as exc:
            raise FormulaError(f"invalid expression {source!r}") from exc
        self.source = source
        self._body = tree.body
        self.variables = frozenset(self._check(tree.body))

    def _check(self, node: ast.AST) -> set[str]:
        names: set[str] = set()
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or not isinstance(node.value, int | float):
                raise FormulaError(f"only numbers are allowed, not {node.value!r}")
        elif isinstance(node, ast.Name):
            if node.id not in METRIC_VARIABLES and node.id not in self._extra:
                raise FormulaError(f"unknown metric variable '{node.id}'")
            names.add(node.id)
        elif isinstance(node, ast.BinOp):
            if type(node.op) not in _BINARY and not isinstance(node.op, ast.Div):
                raise FormulaError(f"operator {type(node.op).__name__} is not allowed")
            names |= self._check(node.left) | self._check(node.right)
        elif isinstance(node, ast.UnaryOp):
            if not isinstance(node.op, ast.USub | ast.UAdd | ast.Not):
                raise FormulaError(f"operator {type(node.op).__name__} is not allowed")
            names |= self._check(node.operand)
        elif isinstance(node, ast.BoolOp):
            for value in node.values:
                names |= self._check(value)
        elif isinstance(node, ast.Compare):
            if any(type(op) not in _COMPARE for op in node.ops):
                raise FormulaError("only <, <=, >, >=, == and != comparisons are allowed")
            for part in (node.left, *node.comparators):
                names |= self._check(part)
        elif isinstance(node, ast.Call):
            func = node.func
            if (
                not (
                    isinstance(func, ast.Attribute)
                    and isinstance(func.value, ast.Name)
                    and func.value.id == "math"
                    and func.attr in _MATH_FUNCTIONS
                )
                or node.keywords
            ):
                raise FormulaError("only math.<function>(...) calls are allowed")
            for arg in node.args:
                names |= self._check(arg)
        elif isinstance(node, ast.Attribute):
            if not (isinstance(node.value, ast.Name) and node.value.id == "math" and node.attr in _MATH_CONSTANTS):
                raise FormulaError(f"unknown name '{ast.unparse(node)}'")
        else:
            raise FormulaError(f"'{ast.unparse(node)}' is not allowed in a formula")
        return names

    def evaluate(self, variables: dict[str, float]) -> float | bool:
        """Evaluate with *variables*; raises :class:`FormulaError` on division by zero and the like."""
        try:
            return _eval(self._body, variables)
        except (ZeroDivisionError, ValueError, OverflowError, TypeError) as exc:
            raise FormulaError(f"cannot evaluate {self.source!r}: {exc}") from exc


def _eval(node: ast.AST, env: dict[str, float]) -> float | bool:
    if isinstance(node, ast.Constant):
        return float(node.value) if isinstance(node.value, int | float) else 0.0
    if isinstance(node, ast.Name):
        return env.get(node.id, 0.0)
    if isinstance(node, ast.BinOp):
        left, right = _eval(node.left, env), _eval(node.right, env)
        if isinstance(node.op, ast.Div):
            lv = node.left.value if isinstance(node.left, ast.Constant) else None
            rv = node.right.value if isinstance(node.right, ast.Constant) else None
            if isinstance(lv, int) and isinstance(rv, int) and rv:
                return float(math.trunc(lv / rv))  # Tengo divides integer literals as integers
            return float(left) / float(right)
        return _BINARY[type(node.op)](float(left), float(right))
    if isinstance(node, ast.UnaryOp):
        value = _eval(node.operand, env)
        if isinstance(node.op, ast.Not):
            return not value
        return -float(value) if isinstance(node.op, ast.USub) else float(value)
    if isinstance(node, ast.BoolOp):
        values = [_eval(v, env) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.Compare):
        left = float(_eval(node.left, env))
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            right = float(_eval(comparator, env))
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        args = [float(_eval(a, env)) for a in node.args]
        return float(_MATH_FUNCTIONS[node.func.attr](*args))
    if isinstance(node, ast.Attribute):
        return _MATH_CONSTANTS[node.attr]
    raise FormulaError("unsupported expression")  # pragma: no cover - rejected by Formula._check
