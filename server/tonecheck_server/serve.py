"""``tonecheck serve``: run the app with waitress (a production WSGI server on Linux, macOS and Windows).

Refuses to listen on an address other than loopback without API keys (exit code 2). Request bodies
and responses are kept in memory (waitress would otherwise spill large ones to temporary files), so
drafts never touch the disk.
"""

from __future__ import annotations

import ipaddress
import logging
import signal
import socket
import sys
from pathlib import Path
from typing import Any

from tonecheck_server.keys import KeyRing, KeysError
from tonecheck_server.settings import Settings, SettingsError

__all__ = ["DEFAULT_PORT", "DEFAULT_THREADS", "configure_logging", "is_loopback_host", "main"]

DEFAULT_PORT = 8765
DEFAULT_THREADS = 8
_EXIT_USAGE = 2


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
    threads: int = getattr(args, "threads", None) or DEFAULT_THREADS
    if not 0 <= port <= 65535:
        return _fail(f"--port must be from 0 to 65535, not {port}")
    if not 1 <= threads <= 256:
        return _fail(f"--threads must be from 1 to 256, not {threads}")
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
    app.extensions["tonecheck.library"].warm_up()
    # Keep every body in memory: waitress writes bodies above `inbuf_overflow` to temporary files.
    in_memory = settings.max_body + 1024 * 1024
    try:
        server = waitress.create_server(
            app, host=host, port=port, threads=threads, ident="tonecheck",
            max_request_body_size=in_memory, inbuf_overflow=in_memory, outbuf_overflow=64 * 1024 * 1024,
            clear_untrusted_proxy_headers=True,
        )
    except OSError as exc:
        return _fail(f"cannot listen on {host}:{port} ({exc.strerror or exc})")
    for bound_host, bound_port in _listening(server, host):
        shown = f"[{bound_host}]" if ":" in bound_host else bound_host
        print(f"tonecheck: serving on http://{shown}:{bound_port} (playground at /, API at /v1, "
              f"LanguageTool API at /v2)", file=sys.stderr, flush=True)
    signal.signal(signal.SIGTERM, _stop)
    try:
        server.run()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.close()
    print("tonecheck: stopped", file=sys.stderr, flush=True)
    return 0


def _listening(server: Any, host: str) -> list[tuple[str, int]]:
    if hasattr(server, "effective_port"):
        return [(str(getattr(server, "effective_host", host)), int(server.effective_port))]
    return [(str(h), int(p)) for h, p, *_ in getattr(server, "effective_listen", [])] or [(host, 0)]


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _path(value: str | None) -> Path | None:
    return Path(value).expanduser() if value else None


def _fail(message: str) -> int:
    print(f"tonecheck: error: {message}", file=sys.stderr)
    return _EXIT_USAGE
