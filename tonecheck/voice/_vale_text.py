r"""String and regex helpers that reproduce Vale's Go behaviour in Python.

Vale compiles rule patterns with regexp2 (.NET syntax) and formats messages with Go's ``fmt``;
these helpers translate both: inline flags such as ``(?i)`` in the middle of a pattern are scoped
to the rest of their group (as .NET does, where Python's ``regex`` would apply them to the whole
pattern), ``$1`` replacement references become ``\\g<1>``, and ``%s`` messages are formatted the
way ``core.FormatMessage`` does.
"""

from __future__ import annotations

from typing import Any

import regex

__all__: list[str] = []

_FLAG_GROUP = regex.compile(r"\(\?([a-zA-Z]*(?:-[a-zA-Z]*)?)\)")


def scope_inline_flags(pattern: str) -> str:
    """Rewrite ``(?i)`` and friends that are not at the start of the pattern into scoped groups.

    In .NET (Vale's engine) an inline option applies from where it stands to the end of the
    enclosing group; Python's ``regex`` (version 0) would apply it to the whole pattern. So
    ``(?:a|(?i)b|c)`` becomes ``(?:a|(?i:b|c))``.
    """
    if "(?" not in pattern:
        return pattern
    out: list[str] = []
    # For every open group: how many scoped flag groups we opened inside it (closed with it).
    stack: list[int] = [0]
    i = 0
    n = len(pattern)
    in_class = False
    at_start = True  # only global flag groups emitted so far
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            at_start = False
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
            out.append(ch)
            i += 1
            continue
        if ch == "[":
            at_start = False
            in_class = True
            out.append(ch)
            i += 1
            # A ']' right after '[' or '[^' is a literal.
            if i < n and pattern[i] == "^":
                out.append("^")
                i += 1
            if i < n and pattern[i] == "]":
                out.append("]")
                i += 1
            continue
        if ch == "(":
            m = _FLAG_GROUP.match(pattern, i)
            if m is not None:
                flags = m.group(1)
                if at_start and "-" not in flags:
                    out.append(m.group())  # a global flag at the very start: Python reads it the same way
                else:
                    out.append(f"(?{flags}:")
                    stack[-1] += 1
                i = m.end()
                continue
            at_start = False
            stack.append(0)
            out.append(ch)
            i += 1
            continue
        at_start = False
        if ch == ")":
            opened = stack.pop() if len(stack) > 1 else 0
            out.append(")" * opened)
            out.append(ch)
            i += 1
            continue
        out.append(ch)
        i += 1
    out.append(")" * stack[0])
    return "".join(out)


def compile_pattern(pattern: str) -> regex.Pattern[str]:
    """Compile a Vale (.NET-style) pattern; raises ``regex.error`` (message names the problem)."""
    return regex.compile(scope_inline_flags(pattern))


_CAPTURE_OPEN = regex.compile(r"(?<!\\)\((?!\?)")


def convert_capture_groups(pattern: str) -> str:
    """Make every capture group non-capturing, as Vale does for swap keys (``convertCaptureGroups``)."""
    return _CAPTURE_OPEN.sub("(?:", pattern)


def has_capture_group(pattern: str) -> bool:
    """Vale's test for an unescaped ``(`` that does not start ``(?...)``."""
    opens = pattern.count("(")
    return opens > pattern.count("(?") + pattern.count("\\(")


_DOTNET_REF = regex.compile(r"\$(?:(\d+)|\{(\w+)\}|(\$)|(&))")


def dotnet_replacement(template: str) -> str:
    """Translate a .NET replacement string (``$1``, ``${name}``, ``$$``, ``$&``) for ``regex.sub``."""

    def repl(m: regex.Match[str]) -> str:
        if m.group(1) is not None:
            return f"\\g<{m.group(1)}>"
        if m.group(2) is not None:
            return f"\\g<{m.group(2)}>"
        if m.group(3) is not None:
            return "$"
        return "\\g<0>"

    escaped = template.replace("\\", "\\\\")
    return _DOTNET_REF.sub(repl, escaped)


def cap_first(s: str) -> str:
    """Go's ``core.CapFirst``: upper-case the first character."""
    return s[:1].upper() + s[1:] if s else s


def is_phrase(s: str) -> bool:
    """Vale's ``core.IsPhrase``: only letters, digits, spaces and hyphens (so not a regex)."""
    return all(ch.isalpha() or ch.isdigit() or ch in " -" for ch in s)


def is_letter(s: str) -> bool:
    """Vale's ``core.IsLetter`` (true for the empty string, as in Go)."""
    return all(ch.isalpha() for ch in s)


def is_code(s: str) -> bool:
    """Vale's ``core.IsCode``: a token made only of ``*`` and ``@``."""
    return all(ch in "*@" for ch in s)


def to_sentence(words: list[str], conjunction: str) -> str:
    """Vale's ``core.ToSentence``: ``'a'``, ``'a' or 'b'``, ``'a', 'b', or 'c'``."""
    n = len(words)
    if n == 0:
        return ""
    if n == 1:
        return f"'{words[0]}'"
    if n == 2:
        return f"'{words[0]}' {conjunction} '{words[1]}'"
    quoted = [f"'{w}'" for w in words]
    quoted[-1] = f"{conjunction} {quoted[-1]}"
    return ", ".join(quoted)


def get_options(match: str) -> list[str]:
    r"""Vale's ``getOptions``: split ``a|b|c`` into options, honouring ``\\|`` escapes."""
    temp = match.replace("\\|", "\x00")
    return [opt.replace("\x00", "|") for opt in temp.split("|") if opt]


def convert_message(message: str) -> str:
    """Vale's ``convertMessage``: avoid double quotes around a ``ToSentence`` list."""
    for spec in ("'%s'", '"%s"'):
        if message.count(spec) == 2:
            message = message.replace(spec, "%s", 1)
    return message


_VERB = regex.compile(r"%([-+# 0]*)(?:\[(\d+)\])?(\d+)?(?:\.(\d+))?([a-zA-Z%])")


def go_format(template: str, *args: Any) -> str:
    """Go's ``fmt.Sprintf`` for the verbs Vale messages use, ignoring surplus arguments.

    This is ``core.CondSprintf``: ``%s``/``%v``/``%d``/``%q``/``%f`` with explicit indexes
    (``%[2]s``); a verb without an argument prints ``%!s(MISSING)`` as Go does.
    """
    if "%" not in template:
        return template
    next_arg = 0
    out: list[str] = []
    last = 0
    for m in _VERB.finditer(template):
        out.append(template[last : m.start()])
        last = m.end()
        flags, index, width, precision, verb = m.groups()
        if verb == "%":
            out.append("%")
            continue
        if index is not None:
            next_arg = int(index) - 1
        if next_arg < 0 or next_arg >= len(args):
            out.append(f"%!{verb}(MISSING)" if index is None else f"%!{verb}(BADINDEX)")
            next_arg += 1
            continue
        value = args[next_arg]
        next_arg += 1
        out.append(_format_one(value, flags, width, precision, verb))
    out.append(template[last:])
    return "".join(out)


def _format_one(value: Any, flags: str, width: str | None, precision: str | None, verb: str) -> str:
    if verb in "fFeEgG" and isinstance(value, int | float) and not isinstance(value, bool):
        spec = f"{'.' + precision if precision is not None else '.6'}{verb if verb != 'F' else 'f'}"
        text = format(float(value), spec)
    elif verb == "q":
        text = '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'
    else:
        text = str(value)
        if verb == "s" and precision is not None:
            text = text[: int(precision)]
    if width:
        w = int(width)
        text = text.ljust(w) if "-" in flags else text.rjust(w)
    return text


def format_message(template: str, *subs: Any) -> str:
    """``core.FormatMessage``: substitute *subs* into a Vale message or description."""
    return go_format(template, *subs)


def go_title(s: str) -> str:
    """Go's deprecated ``strings.Title``: upper-case letters that start a word."""
    out: list[str] = []
    prev = " "
    for ch in s:
        out.append(ch.upper() if _is_separator(prev) else ch)
        prev = ch
    return "".join(out)


def _is_separator(ch: str) -> bool:
    if ch.isascii():
        return not (ch.isalnum() or ch == "_")
    if ch.isalpha() or ch.isdigit():
        return False
    return ch.isspace()
