"""The ``tonecheck`` command.

Exit codes: 0 when nothing reaches ``--fail-on``, 1 when something does, 2 for usage or input
errors (a clear message, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from tonecheck import __version__, docs
from tonecheck.config import Config, ConfigError, LanguageToolSettings, find_config, load_config
from tonecheck.engine import Checker
from tonecheck.model import InputError, Media, Severity
from tonecheck.output import Result, render_json, render_sarif, render_summary, render_text
from tonecheck.registry import default_registry
from tonecheck.sources import DraftSource, read_drafts
from tonecheck.voice.errors import ProfileError
from tonecheck.voice.profile import load_profile

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tonecheck",
        description="Check social media drafts for accessibility, plain language and platform problems.",
    )
    parser.add_argument("--version", action="version", version=f"tonecheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    chk = sub.add_parser("check", help="check drafts (text, TOML draft or CSV batch files, or - for stdin)")
    chk.add_argument("files", nargs="*", metavar="FILE", help="files to check; - reads standard input")
    chk.add_argument("-t", "--text", action="append", default=[], help="check this text (repeatable)")
    chk.add_argument("-p", "--platform", help="target platform: x, mastodon, bluesky, threads, linkedin, …")
    chk.add_argument("--media", action="append", default=None, metavar="FILE",
                     help="an attached image, GIF, video or audio file (repeat per file; pairs with --alt in order)")
    chk.add_argument("--alt", action="append", default=None, metavar="TEXT",
                     help="alt text of an attached image (repeat per image; '' for an empty one)")
    chk.add_argument("--cw", "--content-warning", dest="content_warning", metavar="TEXT",
                     help="the post's content warning (counted with the post on Mastodon)")
    chk.add_argument("--profile", metavar="FILE", help="brand voice profile (TOML; see samples/profiles/)")
    chk.add_argument("-c", "--config", metavar="FILE", help="tonecheck.toml (default: the nearest one)")
    chk.add_argument("-f", "--format", choices=("text", "json", "sarif"), default="text")
    chk.add_argument("--fail-on", choices=("error", "warning", "suggestion", "never"), default="error",
                     help="lowest severity that makes the exit code 1 (default: error)")
    chk.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    chk.add_argument("--select", metavar="RULES", help="comma-separated rule ids or categories to run (only these)")
    chk.add_argument("--ignore", metavar="RULES", help="comma-separated rule ids or categories to skip")
    chk.add_argument("--languagetool", metavar="URL",
                     help="LanguageTool server for grammar and spelling (or 'local', or 'off'); "
                          "default: [languagetool] url, then $TONECHECK_LANGUAGETOOL_URL")

    doc = sub.add_parser("doctor", help="show which optional services (LanguageTool) are active, and why")
    doc.add_argument("-c", "--config", metavar="FILE", help="tonecheck.toml (default: the nearest one)")
    doc.add_argument("--languagetool", metavar="URL", help="LanguageTool server to test (or 'local', or 'off')")

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--markdown", action="store_true", help="print RULES.md")
    rules.add_argument("--json", action="store_true", help="print the rules as JSON")

    exp = sub.add_parser("explain", help="print a rule's documentation")
    exp.add_argument("rule", help="rule id, e.g. hashtag-camel-case")

    spl = sub.add_parser("split", help="split an over-long draft into a thread of posts that fit the platform")
    spl.add_argument("file", nargs="?", metavar="FILE", help="a text or TOML draft file; - reads standard input")
    spl.add_argument("-t", "--text", help="split this text")
    spl.add_argument("-p", "--platform", help="target platform: x, mastodon, bluesky, threads, linkedin, …")
    spl.add_argument("--numbering", action="store_true", help="end each post with ' 1/3' (counted in the limit)")
    spl.add_argument("--limit", type=int, metavar="N", help="maximum post length (instead of the platform's)")
    spl.add_argument("--cw", "--content-warning", dest="content_warning", metavar="TEXT",
                     help="content warning on every post (counted on Mastodon)")
    spl.add_argument("-f", "--format", choices=("text", "json"), default="text")
    spl.add_argument("-c", "--config", metavar="FILE", help="tonecheck.toml with platform limits (default: nearest)")

    srv = sub.add_parser("serve", help="run the HTTP server: API, LanguageTool-compatible API and playground")
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1; any other "
                     "address needs API keys)")
    srv.add_argument("--port", type=int, default=8765, help="port (default: 8765; 0 picks a free one)")
    srv.add_argument("--threads", type=int, default=8, help="worker threads (default: 8)")
    srv.add_argument("--profiles", metavar="DIR", help="voice profiles directory (default: $TONECHECK_PROFILES)")
    srv.add_argument("--api-keys-file", metavar="FILE",
                     help="API keys, one per line: KEY [PROFILE] (default: $TONECHECK_API_KEYS_FILE)")
    srv.add_argument("--max-text", type=int, metavar="N",
                     help="longest draft in characters (default: 63206, Facebook's limit)")
    srv.add_argument("--max-body", type=int, metavar="BYTES", help="largest request body (default: 24 MiB)")
    srv.add_argument("-c", "--config", metavar="FILE", help="tonecheck.toml for every check (default: nearest)")
    srv.add_argument("--languagetool", metavar="URL", help="LanguageTool server for grammar (or 'local', or 'off')")
    srv.add_argument("--no-access-log", action="store_true", help="do not log requests")

    from tonecheck.voice import commands as voice_commands

    voice_commands.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "split":
            return _split_command(args)
        if args.command == "doctor":
            return _doctor(args)
        if args.command == "serve":
            return _serve(args)
        if args.command == "voice":
            from tonecheck.voice import commands as voice_commands

            return voice_commands.run(args, Checker(_config(args)))
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    except _UsageError as exc:
        print(f"tonecheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (InputError, ConfigError, ProfileError) as exc:
        print(f"tonecheck: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("tonecheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); say nothing more.
        sys.stderr.close()
        return EXIT_OK


def _config(args: argparse.Namespace) -> Config:
    path = getattr(args, "config", None) or find_config()
    config = load_config(path) if path else Config()
    if getattr(args, "languagetool", None):
        from dataclasses import replace

        url = LanguageToolSettings.from_mapping({"url": args.languagetool}, "--languagetool").url
        config = replace(config, languagetool=replace(config.languagetool, url=url))
    if getattr(args, "select", None) or getattr(args, "ignore", None):
        from dataclasses import replace

        from tonecheck.model import Category

        select = _split(args.select)
        ignore = _split(args.ignore)
        if select:
            config = replace(config, disable=frozenset(c.value for c in Category), enable=frozenset(select))
        if ignore:
            config = replace(config, disable=config.disable | ignore, enable=config.enable - ignore)
    return config


def _split(value: str | None) -> frozenset[str]:
    return frozenset(v.strip() for v in (value or "").split(",") if v.strip())


def _check(args: argparse.Namespace) -> int:
    if not args.files and not args.text:
        if sys.stdin is None or sys.stdin.isatty():
            raise _UsageError("give FILE arguments, --text TEXT, or '-' to read standard input")
        args.files = ["-"]
    checker = Checker(_config(args))
    profile = load_profile(args.profile) if args.profile else None
    media = _media(args.media or [], args.alt or [])
    sources: list[DraftSource] = [
        DraftSource(f"--text {i + 1}" if len(args.text) > 1 else "--text", "<text>", t, args.platform, media)
        for i, t in enumerate(args.text)
    ]
    for name in args.files:
        for src in read_drafts(name, sys.stdin, platform=args.platform):  # type: ignore[arg-type]
            sources.append(src if src.media or not media else _with_media(src, media))
    colour = _use_colour(args.color, sys.stdout)
    progress = _Progress(len(sources)) if args.format == "text" and len(sources) > 5 else None
    results = []
    for src in sources:
        try:
            report = checker.check(
                src.text, platform=src.platform, media=src.media, profile=profile,
                content_warning=src.content_warning or args.content_warning,
            )
        except InputError as exc:
            if src.row is None:
                raise
            raise InputError(f"{src.label}: {exc}") from None
        result = Result(src, report)
        results.append(result)
        if args.format == "text":
            chunk = render_text(result, colour=colour)
            if chunk:
                if progress:
                    progress.clear()
                sys.stdout.write(chunk)
        if progress:
            progress.step()
    if progress:
        progress.clear()
    if args.format == "text":
        sys.stdout.write(render_summary(results, colour=colour))
        # Say once (not per draft) when grammar could not be checked; JSON and SARIF carry `skipped`.
        notes = dict.fromkeys(s.reason for r in results for s in r.report.skipped if s.check == "languagetool")
        for note in notes:
            print(f"tonecheck: note: {note}", file=sys.stderr)
    elif args.format == "json":
        sys.stdout.write(render_json(results))
    else:
        sys.stdout.write(render_sarif(results, checker.rules, __version__))
    if args.fail_on == "never":
        return EXIT_OK
    threshold = Severity(args.fail_on)
    failed = any(r.report.at_least(threshold) for r in results)
    return EXIT_FINDINGS if failed else EXIT_OK


def _media(files: list[str], alts: list[str]) -> tuple[Media, ...]:
    """Media items from --media FILE and --alt TEXT, paired in order (an --alt without a file is an image)."""
    if len(files) > len(alts) and alts:
        raise _UsageError("give one --alt per --media file, in the same order (or none)")
    items = [Media(path=f, alt=alts[i] if i < len(alts) else None) for i, f in enumerate(files)]
    items += [Media(alt=a, kind="image") for a in alts[len(files):]]
    return tuple(items)


def _with_media(src: DraftSource, media: tuple[Media, ...]) -> DraftSource:
    from dataclasses import replace

    return replace(src, media=media)


def _use_colour(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


class _Progress:
    """A one-line progress bar on standard error, shown only on a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.enabled = sys.stderr.isatty()

    def step(self) -> None:
        self.done += 1
        if self.enabled:
            width = 30
            filled = width * self.done // self.total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} posts")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()


def _rules(args: argparse.Namespace) -> int:
    registry = default_registry()
    if args.markdown:
        sys.stdout.write(docs.render_rules_md(registry))
        return EXIT_OK
    if args.json:
        payload = [
            {
                "id": r.id,
                "category": r.category.value,
                "severity": r.severity.value,
                "summary": r.summary,
                "fix": r.fix.value,
                "status": r.status.value,
                "tags": sorted(r.tags),
                "options": dict(r.defaults),
                "references": list(r.references),
            }
            for r in registry
        ]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    width = max(len(r.id) for r in registry)
    for r in registry:
        sys.stdout.write(f"{r.id:<{width}}  {r.category.value:<13}  {r.severity.value:<10}  {r.summary}\n")
    return EXIT_OK


def _explain(args: argparse.Namespace) -> int:
    registry = default_registry()
    if args.rule not in registry:
        close = [r for r in registry.ids if args.rule.lower() in r]
        hint = f" Did you mean: {', '.join(close)}?" if close else " Run `tonecheck rules` for the list."
        raise InputError(f"unknown rule {args.rule!r}.{hint}")
    sys.stdout.write(docs.explain(registry.get(args.rule)))
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    """Run the HTTP server (the `tonecheck_server` package; Flask is imported only here)."""
    import importlib

    try:
        serve = importlib.import_module("tonecheck_server.serve")
    except ImportError as exc:
        missing = exc.name or exc
        raise InputError(f"the server cannot start: {missing} is not installed (pip install tonecheck)") from None
    return int(serve.main(args))


def _doctor(args: argparse.Namespace) -> int:
    """Print the active configuration and which LanguageTool mode is active, and why. Always exits 0."""
    from tonecheck import languagetool

    path = getattr(args, "config", None) or find_config()
    config = _config(args)
    sys.stdout.write(f"tonecheck {__version__}\n")
    sys.stdout.write(f"Configuration: {path if path else 'none found (defaults)'}\n")
    sys.stdout.write(f"Language: {config.language}\n")
    state = languagetool.status(
        config.languagetool, config.language, source="--languagetool" if args.languagetool else None
    )
    sys.stdout.write("\n".join(state.lines) + "\n")
    return EXIT_OK


def _split_command(args: argparse.Namespace) -> int:
    """Print the posts of a thread made from one draft, each with its length counted the platform's way."""
    from tonecheck import platforms
    from tonecheck.split import split_thread

    if args.file is not None and args.text is not None:
        raise _UsageError("give a FILE or --text, not both")
    if args.limit is not None and args.limit < 1:
        raise _UsageError(f"--limit must be at least 1, not {args.limit}")
    text, platform = args.text, args.platform
    if text is None:
        name = args.file
        if name is None:
            if sys.stdin is None or sys.stdin.isatty():
                raise _UsageError("give a FILE, --text TEXT, or '-' to read standard input")
            name = "-"
        drafts = list(read_drafts(name, sys.stdin, platform=platform))  # type: ignore[arg-type]
        if len(drafts) != 1:
            raise InputError(f"{name}: split takes one draft, and the file has {len(drafts)}")
        # The line break that ends a file is not part of the draft.
        text, platform = drafts[0].text.removesuffix("\n").removesuffix("\r"), drafts[0].platform
        args.content_warning = args.content_warning or drafts[0].content_warning
    if platform is None and args.limit is None:
        raise _UsageError("give --platform (or --limit N to count plain characters)")
    path = getattr(args, "config", None) or find_config()
    config = load_config(path) if path else Config()
    overrides = dict(config.platforms.get(platforms.resolve(platform), {})) if platform else {}
    try:
        posts = split_thread(
            text, platform, numbering=args.numbering, limit=args.limit, overrides=overrides,
            content_warning=args.content_warning,
        )
    except ValueError as exc:
        raise InputError(str(exc)) from None
    if args.limit is not None:
        overrides["max_length"] = args.limit
    venue = platforms.get(platform, overrides)
    cw = args.content_warning
    counted = [(post, platforms.measure(post, venue, content_warning=cw)) for post in posts]
    if args.format == "json":
        payload = [
            {"text": post, "length": n.length, "limit": n.limit}
            | ({"bytes": n.bytes, "byte_limit": n.byte_limit} if n.byte_limit is not None else {})
            for post, n in counted
        ]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for i, (post, n) in enumerate(counted, start=1):
        size = f", {n.bytes}/{n.byte_limit} bytes" if n.byte_limit is not None else ""
        sys.stdout.write(f"--- {i}/{len(counted)} ({n.length}/{n.limit}{size}) ---\n{post}\n")
    return EXIT_OK
