"""The ``tonecheck`` command.

Exit codes of ``tonecheck check``, worst first:

- 2: a usage error (a clear message on standard error, never a traceback), or an input error in
  any draft: a file that cannot be read, a TOML draft with an unknown key, a media file that is
  missing, a CSV row with an unknown platform or a bad images count, a draft over the maximum
  length. A bad CSV row or draft file does not stop the others: each is reported at its location
  (in the text output, and as an ``input-error`` in JSON and SARIF) and every other draft is
  checked. ``--fail-on never`` does not hide input errors: a draft that was not checked is not a pass.
- 1: no input error, and a finding reaches ``--fail-on`` (default ``error``).
- 0: otherwise.

Locations in the text output: ``file:line:col`` for a text or TOML draft (the line and column in
the file; inside a TOML string written with escapes, counted inside the text instead), and
``file:row:line:col`` for a CSV row, where ``row`` is the CSV line where the row's record starts and
``line:col`` is the position inside the post text. Columns count code points from 1.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from tonecheck import __version__, docs
from tonecheck.config import Config, ConfigError, LanguageToolSettings, find_config, load_config
from tonecheck.engine import Checker
from tonecheck.model import InputError, Media, Severity
from tonecheck.output import Result, render_json, render_sarif, render_summary, render_text
from tonecheck.registry import default_registry
from tonecheck.selection import SelectionError, check_names
from tonecheck.sources import DraftSource, SourceError, draft_problem, media_file, read_drafts, scheduler_platform
from tonecheck.suggest import did_you_mean
from tonecheck.voice.errors import ProfileError
from tonecheck.voice.profile import load_profile

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """The command's parser: usage errors raise (exit 2 with a clear message).

    Options are never abbreviated, so an unknown ``--language`` is reported as unknown instead of
    being read as ``--languagetool``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

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

    doc = sub.add_parser(
        "doctor", help="show which optional services (LanguageTool) are active, and why",
        description="Show the configuration in use and which LanguageTool mode is active, and test it.",
        epilog="Exit codes: 0 when LanguageTool works or is not configured (or is off); 1 when it is configured "
               "but not working (server unreachable or giving a bad answer, or local mode without Java 17+ or "
               "a LanguageTool install); 2 for usage or configuration errors.",
    )
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
    srv.add_argument("--threads", type=int, help="threads per worker process (default: 8; 1 with --workers above 1 "
                     "and no LanguageTool)")
    srv.add_argument("--workers", type=int, default=1, help="worker processes, each with its threads; about one per "
                     "core (default: 1; above 1 on Linux and macOS only)")
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
    """The configuration file (``--config`` or the nearest), with the command line's choices on top."""
    from dataclasses import replace

    path = getattr(args, "config", None) or find_config()
    config = load_config(path) if path else Config()
    if getattr(args, "languagetool", None):
        url = LanguageToolSettings.from_mapping({"url": args.languagetool}, "--languagetool").url
        config = replace(config, languagetool=replace(config.languagetool, url=url))
    select = _split(getattr(args, "select", None))
    ignore = _split(getattr(args, "ignore", None))
    if select or ignore:
        # Checked here so the message names the flag, not the configuration file.
        registry = default_registry()
        try:
            check_names(select, registry, "--select")
            check_names(ignore, registry, "--ignore")
        except SelectionError as exc:
            raise _UsageError(str(exc)) from None
        # --select replaces the configuration's choice of rules; --ignore wins over both (tonecheck.selection).
        config = replace(config, select=select or config.select, ignore=config.ignore | ignore)
    return config


def _split(value: str | None) -> frozenset[str]:
    """The names of a comma-separated flag value (``"accessibility, emoji-count"``)."""
    return frozenset(v.strip() for v in (value or "").split(",") if v.strip())


def _check(args: argparse.Namespace) -> int:
    if not args.files and not args.text:
        if sys.stdin is None or sys.stdin.isatty():
            raise _UsageError("give FILE arguments, --text TEXT, or '-' to read standard input")
        args.files = ["-"]
    if args.platform is not None:
        args.platform = _platform(args.platform)
    checker = Checker(_config(args))
    profile = load_profile(args.profile) if args.profile else None
    media = _media(args.media or [], args.alt or [])
    sources: list[DraftSource] = [
        DraftSource(f"--text {i + 1}" if len(args.text) > 1 else "--text", "<text>", t, args.platform, media,
                    origin=(1, 1))
        for i, t in enumerate(args.text)
    ]
    for name in args.files:
        try:
            for src in read_drafts(name, sys.stdin, platform=args.platform):  # type: ignore[arg-type]
                sources.append(src if src.media or not media or src.error else _with_media(src, media))
        except SourceError as exc:
            # The file (or the rest of it) cannot be read; the drafts read so far and the other files are checked.
            sources.append(DraftSource(name, name, "", row=exc.line, error=exc.reason))
    colour = _use_colour(args.color, sys.stdout)
    progress = _Progress(len(sources)) if args.format == "text" and len(sources) > 5 else None
    results = []
    for src in sources:
        report = None
        if src.error is None and (problem := draft_problem(src)) is not None:
            src = dataclasses.replace(src, error=problem)  # an empty draft is an input error, not a pass
        if src.error is None:
            try:
                report = checker.check(
                    src.text, platform=src.platform, media=src.media, profile=profile,
                    content_warning=src.content_warning or args.content_warning,
                )
            except InputError as exc:
                src = dataclasses.replace(src, error=str(exc))
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
    errors = [r for r in results if r.source.error is not None]
    if args.format == "text":
        sys.stdout.write(render_summary(results, colour=colour))
        # Say once (not per draft) when grammar could not be checked; JSON and SARIF carry `skipped`.
        notes = dict.fromkeys(
            s.reason for r in results if r.report for s in r.report.skipped if s.check == "languagetool"
        )
        for note in notes:
            print(f"tonecheck: note: {note}", file=sys.stderr)
    else:
        sys.stdout.write(render_json(results) if args.format == "json" else
                         render_sarif(results, checker.rules, __version__))
        for r in errors:
            print(f"tonecheck: error: {r.source.where}: {r.source.error}", file=sys.stderr)
    if errors:
        noun = "draft was" if len(errors) == 1 else "drafts were"
        print(f"tonecheck: error: {len(errors)} {noun} not checked because of input errors", file=sys.stderr)
        return EXIT_USAGE
    if args.fail_on == "never":
        return EXIT_OK
    threshold = Severity(args.fail_on)
    failed = any(r.report.at_least(threshold) for r in results if r.report)
    return EXIT_FINDINGS if failed else EXIT_OK


def _platform(value: str) -> str:
    """The platform id for --platform (named as in a CSV row), or a usage error with a did-you-mean."""
    try:
        return scheduler_platform(value)
    except InputError as exc:
        raise _UsageError(str(exc)) from None


def _media(files: list[str], alts: list[str]) -> tuple[Media, ...]:
    """Media items from --media FILE and --alt TEXT, paired in order.

    With --media, give exactly one --alt per file (or none). Without --media, each --alt is an
    image with that alt text and no file (only the alt text is checked). A --media path that does
    not exist, is a folder or cannot be opened is an input error naming the path.
    """
    if files and alts and len(files) != len(alts):
        raise _UsageError(
            f"give one --alt per --media file, in the same order (or no --alt): "
            f"{len(files)} --media and {len(alts)} --alt"
        )
    if not files:
        return tuple(Media(alt=a, kind="image") for a in alts)
    return tuple(Media(path=media_file(f), alt=alts[i] if alts else None) for i, f in enumerate(files))


def _with_media(src: DraftSource, media: tuple[Media, ...]) -> DraftSource:
    return dataclasses.replace(src, media=media)


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
        hint = did_you_mean(args.rule, registry.ids) or " Run `tonecheck rules` for the list."
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
    """Print the active configuration and which LanguageTool mode is active, and why.

    Exits 1 when LanguageTool is configured but not working, 0 when it works or is not configured.
    """
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
    return EXIT_OK if state.ok else EXIT_FINDINGS


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
        if drafts[0].error is not None:
            raise InputError(f"{drafts[0].where}: {drafts[0].error}")
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
