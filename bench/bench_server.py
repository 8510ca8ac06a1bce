"""Benchmark the server on loopback: latency with one client, throughput at 1, 8 and 32 connections.

Checks the figures against the budgets of the server issues and exits 1 when one is missed (2 when a
server cannot be started or measured), so ``make bench`` fails loudly:

- latency: one client, keep-alive, sequential ``POST /v1/check`` of 280-character posts made from the
  tweeteval corpus (platform x, no LanguageTool), against ``tonecheck serve`` as it starts by default
  (one process, access log on). Budget: p50 ≤ 3 ms, p99 ≤ 20 ms, no errors.
- throughput: the team command ``tonecheck serve --workers 2`` (API keys on, access log on), loaded
  for ``--duration`` seconds (default 10, at most 30) at 1, 8 and 32 keep-alive connections with
  Debian's ``wrk`` (a Python load generator when wrk is missing), every request a different post with
  a Bearer key. Budget: ≥ 1,000 requests/s at 8 and at 32 connections, 0 errors. The README's gunicorn
  command is measured the same way when gunicorn is installed (``--no-gunicorn`` skips it).

wrk runs on the same cores as the server, and the machine may be busy with other work: every figure
is printed with the load average just before it. Run it twice before believing a figure.

Run: ``make bench`` (or ``.venv/bin/python bench/bench_server.py [--duration 10] [--requests 3000]``).
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "tweeteval" / "sentiment_test_text.txt"
BUDGET = {"p50_ms": 3.0, "p99_ms": 20.0, "rps": 1000.0}
#: Connection counts loaded for throughput, and those the requests/s budget applies to.
CONNECTIONS = (1, 8, 32)
BUDGETED = (8, 32)
KEY = "bench-key-0123456789abcdef0123"
BIN = Path(sys.executable).parent
WORKERS = 2
MAX_DURATION = 30.0
_EXIT_MISSED = 1
_EXIT_BROKEN = 2


class BenchError(Exception):
    """The bench could not measure (a server did not start, the load tool failed)."""


@dataclass
class Load:
    """One throughput run."""

    connections: int
    requests: int
    rps: float
    errors: int
    socket_errors: str
    p50: str = "-"
    p99: str = "-"
    load_average: str = ""


@dataclass
class Server:
    """A server started for the bench; its output goes to *log*."""

    command: list[str]
    process: subprocess.Popen[bytes]
    port: int
    log: Path
    loads: list[Load] = field(default_factory=list)


def posts_280(limit: int) -> list[str]:
    """Posts of 270–280 characters: the corpus posts run together, cut at the last space before 280."""
    if not CORPUS.is_file():
        raise BenchError(f"corpus not found: {CORPUS}")
    stream = " ".join(p.strip() for p in CORPUS.read_text(encoding="utf-8").splitlines() if p.strip())
    out: list[str] = []
    at = 0
    while len(out) < limit and at < len(stream):
        chunk = stream[at:at + 280]
        cut = chunk.rfind(" ")
        if len(chunk) == 280 and cut > 270:
            chunk = chunk[:cut]
        out.append(chunk.strip())
        at += len(chunk) + 1
    return out


def load_average() -> str:
    """The 1-minute load average and the core count, for the figure printed next to it."""
    try:
        one = os.getloadavg()[0]
    except OSError:
        return "load average unknown"
    return f"load {one:.2f} on {os.cpu_count()} cores"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TONECHECK_")}
    env.update(extra)
    return env


def start(command: list[str], port: int, workdir: Path, name: str, env: dict[str, str]) -> Server:
    """Start *command* and wait (at most 60 s) until ``/health`` answers."""
    log = workdir / f"{name}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=workdir, stdout=out, stderr=subprocess.STDOUT, env=env)
    server = Server(command, process, port, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"{name} exited while starting:\n{log.read_text(encoding='utf-8', errors='replace')}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/health")
            ok = conn.getresponse().status == 200
            conn.close()
            if ok:
                return server
        except OSError:
            pass
        time.sleep(0.1)
    stop(server)
    raise BenchError(f"{name} did not answer /health within 60 s")


def stop(server: Server) -> None:
    """SIGTERM, then SIGKILL after 20 s."""
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


def latency(posts: list[str], requests: int, workdir: Path) -> dict[str, float]:
    """Sequential requests over one keep-alive connection to ``tonecheck serve`` (one process)."""
    port = _free_port()
    server = start([str(BIN / "tonecheck"), "serve", "--port", str(port)], port, workdir, "serve", _env())
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        bodies = [json.dumps({"text": p, "platform": "x"}).encode() for p in posts]
        headers = {"Content-Type": "application/json"}
        times: list[float] = []
        errors = 0
        for i in range(requests + 200):
            body = bodies[i % len(bodies)]
            t0 = time.perf_counter()
            conn.request("POST", "/v1/check", body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            elapsed = (time.perf_counter() - t0) * 1000
            if response.status != 200:
                errors += 1
            if i >= 200:  # the first 200 warm the caches
                times.append(elapsed)
        conn.close()
    except OSError as exc:
        raise BenchError(f"latency run failed: {exc}") from None
    finally:
        stop(server)
    ordered = sorted(times)
    n = len(ordered)
    return {"requests": n, "errors": errors, "p50": statistics.median(ordered), "p90": ordered[int(n * 0.9) - 1],
            "p99": ordered[int(n * 0.99) - 1], "max": ordered[-1]}


def _wrk_script(posts: list[str], path: Path) -> None:
    lines = ["local bodies = {"]
    for p in posts:
        lines.append("  " + _lua_string(json.dumps({"text": p, "platform": "x"})) + ",")
    lines += [
        "}",
        "local i = 0",
        'local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer ' + KEY + '"}',
        "request = function()",
        "  i = i + 1",
        '  return wrk.format("POST", "/v1/check", headers, bodies[(i % #bodies) + 1])',
        "end",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _lua_string(text: str) -> str:
    return '"' + "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else
                         "".join(f"\\{b:03d}" for b in c.encode()) for c in text) + '"'


def _wrk(wrk: str, script: Path, port: int, connections: int, seconds: float) -> Load:
    threads = min(2, connections)
    command = [wrk, f"-t{threads}", f"-c{connections}", f"-d{int(seconds)}s", "--timeout", "10s", "--latency",
               "-s", str(script), f"http://127.0.0.1:{port}"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=seconds + 30)
    except subprocess.TimeoutExpired:
        raise BenchError(f"wrk did not finish within {seconds + 30:.0f} s") from None
    out = result.stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    if result.returncode != 0 or rps is None or total is None:
        raise BenchError(f"wrk failed: {result.stderr.strip() or out.strip()}")
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    p50 = re.search(r"^\s*50%\s+(\S+)", out, re.MULTILINE)
    p99 = re.search(r"^\s*99%\s+(\S+)", out, re.MULTILINE)
    return Load(connections, int(total.group(1)), float(rps.group(1)), int(non2xx.group(1)) if non2xx else 0,
                socket_errors.group(1).strip() if socket_errors else "none",
                p50.group(1) if p50 else "-", p99.group(1) if p99 else "-")


def _python_load(port: int, posts: list[str], seconds: float, connections: int) -> Load:
    """A fallback load generator: one process per connection, each with a keep-alive connection."""
    with multiprocessing.Pool(connections) as pool:
        results = pool.starmap(_client, [(port, posts[i::connections] or posts, seconds) for i in range(connections)])
    done, errors = sum(r[0] for r in results), sum(r[1] for r in results)
    return Load(connections, done, done / seconds, errors, "none")


def _client(port: int, posts: list[str], seconds: float) -> tuple[int, int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {KEY}"}
    bodies = [json.dumps({"text": p, "platform": "x"}).encode() for p in posts]
    done = errors = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            conn.request("POST", "/v1/check", body=bodies[done % len(bodies)], headers=headers)
            response = conn.getresponse()
            response.read()
            errors += response.status != 200
        except OSError:
            errors += 1
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        done += 1
    conn.close()
    return done, errors


def throughput(name: str, command: list[str], port: int, posts: list[str], seconds: float, workdir: Path,
               env: dict[str, str]) -> Server:
    """Start *command*, warm it for 2 s, then load it at each of :data:`CONNECTIONS`."""
    server = start(command, port, workdir, name, env)
    wrk = shutil.which("wrk")
    script = workdir / "post.lua"
    try:
        if wrk:
            _wrk_script(posts, script)
            _wrk(wrk, script, port, 8, 2)  # warm every worker's caches
        for connections in CONNECTIONS:
            measured_at = load_average()
            if wrk:
                result = _wrk(wrk, script, port, connections, seconds)
            else:
                result = _python_load(port, posts, seconds, connections)
            result.load_average = measured_at
            server.loads.append(result)
    finally:
        stop(server)
    return server


def _budget_ok(load: Load) -> bool:
    return load.rps >= BUDGET["rps"] and load.errors == 0 and load.socket_errors == "none"


def _shown(command: list[str]) -> str:
    return " ".join(command).replace(str(BIN) + "/", "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000, help="latency: timed requests (after 200 warm-up)")
    parser.add_argument("--duration", type=float, default=10.0,
                        help=f"throughput: load seconds of load per row (default 10, at most {MAX_DURATION:.0f})")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--no-gunicorn", action="store_true", help="do not measure the gunicorn command")
    args = parser.parse_args()
    if not 1 <= args.duration <= MAX_DURATION:
        parser.error(f"--duration must be from 1 to {MAX_DURATION:.0f} seconds")
    if not 100 <= args.requests <= 100_000:
        parser.error("--requests must be from 100 to 100000")
    try:
        return _run(args)
    except BenchError as exc:
        print(f"bench failed: {exc}", file=sys.stderr)
        return _EXIT_BROKEN


def _run(args: argparse.Namespace) -> int:
    posts = posts_280(1000)
    mean_len = statistics.fmean(len(p) for p in posts)
    tool = "wrk" if shutil.which("wrk") else "a Python load generator (wrk not found)"
    print(f"server bench: {len(posts)} posts from tweeteval, mean {mean_len:.0f} characters (270-280), platform x, "
          f"no LanguageTool, access log on; {os.cpu_count()} cores; load from {tool} on the same cores")
    missed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="tonecheck-bench-") as tmp:
        workdir = Path(tmp)
        measured_at = load_average()
        lat = latency(posts, args.requests, workdir)
        ok50 = lat["p50"] <= BUDGET["p50_ms"]
        ok99 = lat["p99"] <= BUDGET["p99_ms"] and lat["errors"] == 0
        print(f"\nlatency  tonecheck serve (1 process, 8 threads), 1 client, {int(lat['requests'])} requests, "
              f"{int(lat['errors'])} errors ({measured_at})")
        print(f"  p50 {lat['p50']:.2f} ms (budget ≤ {BUDGET['p50_ms']:.0f} ms: {'ok' if ok50 else 'MISSED'})   "
              f"p90 {lat['p90']:.2f} ms   p99 {lat['p99']:.2f} ms (budget ≤ {BUDGET['p99_ms']:.0f} ms: "
              f"{'ok' if ok99 else 'MISSED'})   max {lat['max']:.2f} ms")
        if not ok50:
            missed.append("latency p50")
        if not ok99:
            missed.append("latency p99 / errors")
        if not args.skip_throughput:
            keys = workdir / "keys"
            keys.write_text(KEY + "\n", encoding="utf-8")
            env = _env(TONECHECK_API_KEYS_FILE=str(keys))
            runs: list[tuple[str, list[str], int]] = []
            port = _free_port()
            runs.append(("serve-workers", [str(BIN / "tonecheck"), "serve", "--workers", str(WORKERS), "--port",
                                           str(port)], port))
            gunicorn = BIN / "gunicorn"
            if args.no_gunicorn:
                pass
            elif gunicorn.exists() and sys.platform != "win32":
                port = _free_port()
                runs.append(("gunicorn", [str(gunicorn), "--workers", str(WORKERS), "--threads", "4", "--worker-class",
                                          "gthread", "--preload", "--bind", f"127.0.0.1:{port}",
                                          "tonecheck_server.wsgi:app"], port))
            else:
                print("\n(gunicorn is not installed: its command is not measured)")
            for name, command, port in runs:
                server = throughput(name, command, port, posts, args.duration, workdir, env)
                missed += _print_throughput(server, args.duration)
    if missed:
        print(f"\nbudgets MISSED: {', '.join(missed)}")
        return _EXIT_MISSED
    print("\nall budgets met")
    return 0


def _print_throughput(server: Server, seconds: float) -> list[str]:
    missed = []
    print(f"\nthroughput  {_shown(server.command)}  ({seconds:.0f} s per row)")
    for load in server.loads:
        if load.connections in BUDGETED:
            verdict = f"budget ≥ {BUDGET['rps']:,.0f}, 0 errors: {'ok' if _budget_ok(load) else 'MISSED'}"
            if not _budget_ok(load):
                missed.append(f"{server.command[0].rsplit('/', 1)[-1]} at {load.connections} connections")
        else:
            verdict = "no budget"
        print(f"  {load.connections:>2} connections: {load.rps:>7,.0f} req/s  ({load.requests:,} requests, "
              f"{load.errors} non-2xx, socket errors: {load.socket_errors}; p50 {load.p50}, p99 {load.p99}; "
              f"{load.load_average})  {verdict}")
    text = server.log.read_text(encoding="utf-8", errors="replace")
    tracebacks = text.count("Traceback")
    print(f"  access log: {text.count(chr(34) + 'POST /v1/check' + chr(34) + ' 200'):,} lines 'POST /v1/check 200'; "
          f"tracebacks: {tracebacks}")
    if tracebacks:
        missed.append(f"{server.command[0].rsplit('/', 1)[-1]}: tracebacks in its log")
    return missed


if __name__ == "__main__":
    sys.exit(main())
