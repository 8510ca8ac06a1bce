"""``tonecheck serve``: run the app with waitress (a production WSGI server on Linux, macOS and Windows).

Refuses to listen on an address other than loopback without API keys (exit code 2). Request bodies
and responses are kept in memory (waitress would otherwise spill large ones to temporary files), so
drafts never touch the disk.

One process answers with ``--threads`` threads. Checking a draft is Python work that holds the
interpreter lock, so threads share one core: ``--workers N`` (Linux and macOS) forks N processes
that share the listening sockets, each with its own waitress and threads. The parent loads the
checker once before forking, so the workers share its memory and answer at once; it restarts a
worker that dies and stops them all on SIGTERM or Ctrl+C.
"""

from __future__ import annotations

import contextlib
import gc
import ipaddress
import logging
import os
import signal
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tonecheck_server.keys import KeyRing, KeysError
from tonecheck_server.settings import Settings, SettingsError

__all__ = ["DEFAULT_PORT", "DEFAULT_THREADS", "DEFAULT_WORKERS", "MAX_WORKERS", "configure_logging", "freeze_loaded",
           "is_loopback_host", "main"]

DEFAULT_PORT = 8765
DEFAULT_THREADS = 8
DEFAULT_WORKERS = 1
MAX_WORKERS = 64
_EXIT_USAGE = 2
_EXIT_FAILED = 1
_BACKLOG = 1024
#: A worker that exits sooner than this after starting counts as a failed start.
_QUICK_EXIT_SECONDS = 5.0
#: After this many failed starts in a row the server gives up (a worker that cannot start at all).
_MAX_QUICK_EXITS = 5
_STOP_SECONDS = 15.0

_log = logging.getLogger("tonecheck.server")


def configure_logging() -> None:
    """Log to standard error (access lines and errors); never any request content."""
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        root.addHandler(handler)
    for name in ("tonecheck", "tonecheck.access", "tonecheck.server", "waitress"):
        logging.getLogger(name).setLevel(logging.INFO)


def is_loopback_host(host: str) -> bool:
    """Whether listening on *host* is reachable only from this machine."""
    host = host.strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except OSError:
        return False
    return bool(addresses) and all(ipaddress.ip_address(str(a).split("%", 1)[0]).is_loopback for a in addresses)


def main(args: Any) -> int:
    """Run the server from parsed ``tonecheck serve`` arguments; returns the exit code."""
    host: str = getattr(args, "host", None) or "127.0.0.1"
    given_port = getattr(args, "port", None)
    port = int(given_port) if given_port is not None else DEFAULT_PORT
    given_threads = getattr(args, "threads", None)
    threads = int(given_threads) if given_threads is not None else DEFAULT_THREADS
    given_workers = getattr(args, "workers", None)
    workers = int(given_workers) if given_workers is not None else DEFAULT_WORKERS
    if not 0 <= port <= 65535:
        return _fail(f"--port must be from 0 to 65535, not {port}")
    if not 1 <= threads <= 256:
        return _fail(f"--threads must be from 1 to 256, not {threads}")
    if not 1 <= workers <= MAX_WORKERS:
        return _fail(f"--workers must be from 1 to {MAX_WORKERS}, not {workers}")
    if workers > 1 and not hasattr(os, "fork"):
        return _fail("--workers above 1 needs Linux or macOS (it forks worker processes); "
                     "on this system run one worker, or one server per port behind a load balancer")
    try:
        settings = Settings.from_env(
            profiles=_path(getattr(args, "profiles", None)),
            api_keys_file=_path(getattr(args, "api_keys_file", None)),
            max_text=getattr(args, "max_text", None),
            max_body=getattr(args, "max_body", None),
            config=_path(getattr(args, "config", None)),
            languagetool=getattr(args, "languagetool", None),
            access_log=False if getattr(args, "no_access_log", False) else None,
        )
        keys = KeyRing(settings.api_keys_file, settings.api_keys)
    except (SettingsError, KeysError) as exc:
        return _fail(str(exc))
    if not keys and not is_loopback_host(host):
        return _fail(
            f"refusing to listen on {host} without API keys: anyone who can reach it could use it. "
            "Give --api-keys-file FILE (or set TONECHECK_API_KEYS_FILE / TONECHECK_API_KEYS), "
            "or listen on 127.0.0.1."
        )

    import waitress

    from tonecheck.config import ConfigError
    from tonecheck_server import create_app

    configure_logging()
    try:
        app = create_app(settings)
    except (ConfigError, KeysError) as exc:
        return _fail(str(exc))
    library = app.extensions["tonecheck.library"]
    library.warm_up()
    if given_threads is None and workers > 1 and library.checker.languagetool is None:
        # Without LanguageTool a request never waits: it is Python work holding the interpreter lock, so
        # more threads in a worker only contend for it (2 workers, 8 connections: 1 thread answered about
        # twice as many requests per second as 8 threads). Waiting for LanguageTool is what threads are for.
        threads = 1
    freeze_loaded()
    try:
        sockets = _listen(host, port)
    except OSError as exc:
        return _fail(f"cannot listen on {host}:{port} ({exc.strerror or exc})")
    # Keep every body in memory: waitress writes bodies above `inbuf_overflow` to temporary files.
    in_memory = settings.max_body + 1024 * 1024

    def make_server() -> Any:
        return waitress.create_server(
            app, sockets=sockets, threads=threads, ident="tonecheck", backlog=_BACKLOG,
            max_request_body_size=in_memory, inbuf_overflow=in_memory, outbuf_overflow=64 * 1024 * 1024,
            clear_untrusted_proxy_headers=True,
        )

    shown_workers = f", {workers} workers × {threads} thread{'s' if threads > 1 else ''}" if workers > 1 else ""
    for sock in sockets:
        bound_host, bound_port = sock.getsockname()[:2]
        shown = f"[{bound_host}]" if ":" in bound_host else bound_host
        print(f"tonecheck: serving on http://{shown}:{bound_port} (playground at /, API at /v1, "
              f"LanguageTool API at /v2{shown_workers})", file=sys.stderr, flush=True)
    try:
        code = _run_one(make_server) if workers == 1 else _run_workers(make_server, workers)
    finally:
        for sock in sockets:
            sock.close()
    print("tonecheck: stopped", file=sys.stderr, flush=True)
    return code


def freeze_loaded() -> None:
    """Move what start-up loaded (rules, word lists, dictionaries) out of the garbage collector's sight.

    Those objects live as long as the process, so scanning them again in every full collection only
    costs time (and, in forked workers, copies pages the workers could share).
    """
    gc.collect()
    gc.freeze()


def _listen(host: str, port: int) -> list[socket.socket]:
    """Listening sockets for *host* and *port*, as waitress would open them, made before any fork."""
    from waitress.adjustments import Adjustments

    sockets: list[socket.socket] = []
    try:
        for family, kind, proto, address in Adjustments(host=host, port=port).listen:
            sock = socket.socket(family, kind, proto)
            sockets.append(sock)
            if os.name == "posix":
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            sock.bind(address)
            sock.listen(_BACKLOG)
    except (OSError, ValueError) as exc:
        for sock in sockets:
            sock.close()
        raise exc if isinstance(exc, OSError) else OSError(str(exc)) from None
    return sockets


def _run_one(make_server: Callable[[], Any]) -> int:
    """Serve in this process until SIGTERM or Ctrl+C."""
    server = make_server()
    signal.signal(signal.SIGTERM, _stop)
    try:
        server.run()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.close()
    return 0


def _run_workers(make_server: Callable[[], Any], count: int) -> int:
    """Fork *count* workers that serve the shared sockets; restart any that dies; stop them on a signal."""
    workers: dict[int, float] = {}  # pid -> start time
    stopping: list[int] = []

    def _on_signal(signum: int, frame: object) -> None:
        stopping.append(signum)

    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    quick_exits = 0
    code = 0
    try:
        for _ in range(count):
            pid = _fork_worker(make_server)
            workers[pid] = time.monotonic()
        while not stopping:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:  # no worker left (cannot happen while every exit is replaced)
                return _EXIT_FAILED
            if pid == 0:
                time.sleep(0.1)
                continue
            started = workers.pop(pid, None)
            if started is None:
                continue
            if stopping:
                break
            lived = time.monotonic() - started
            quick_exits = quick_exits + 1 if lived < _QUICK_EXIT_SECONDS else 0
            _log.warning("worker %d %s after %.1f s", pid, _exit_reason(status), lived)
            if quick_exits >= _MAX_QUICK_EXITS:
                print(f"tonecheck: error: {quick_exits} workers in a row stopped within {_QUICK_EXIT_SECONDS:.0f} s "
                      "of starting; giving up (see the messages above)", file=sys.stderr, flush=True)
                code = _EXIT_FAILED
                break
            pid = _fork_worker(make_server)
            workers[pid] = time.monotonic()
    finally:
        _stop_workers(workers)
    return code


def _fork_worker(make_server: Callable[[], Any]) -> int:
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid
    code = _EXIT_FAILED
    try:
        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        code = _run_one(make_server)
    except BaseException:  # a worker must never return into the parent's code
        _log.exception("worker %d failed", os.getpid())
    finally:
        sys.stderr.flush()
        os._exit(code)


def _stop_workers(workers: dict[int, float]) -> None:
    for pid in workers:
        _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + _STOP_SECONDS
    while workers:
        for pid in list(workers):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid
            if done:
                del workers[pid]
        if not workers:
            break
        if time.monotonic() > deadline:
            for pid in workers:
                _signal(pid, signal.SIGKILL)
            for pid in workers:
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, 0)
            break
        time.sleep(0.05)


def _signal(pid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signum)


def _exit_reason(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"was stopped by signal {os.WTERMSIG(status)}"
    return f"exited with code {os.WEXITSTATUS(status)}"


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _path(value: str | None) -> Path | None:
    return Path(value).expanduser() if value else None


def _fail(message: str) -> int:
    print(f"tonecheck: error: {message}", file=sys.stderr)
    return _EXIT_USAGE
