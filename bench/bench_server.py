"""Benchmark the server on loopback: latency of /v1/check under `tonecheck serve`, and team throughput.

Prints figures against the budgets of the server issue; never asserts (people judge the output):

- latency: one client, keep-alive, sequential ``POST /v1/check`` of 280-character posts made from the
  tweeteval corpus (platform x, no LanguageTool), against ``tonecheck serve`` (waitress), with the
  access log on: p50, p90, p99, max. Budget: p50 ≤ 3 ms, p99 ≤ 20 ms.
- throughput: the README's team command (gunicorn, 2 workers × 4 threads, ``--preload``, API key
  required) loaded for ``--duration`` seconds (default 60) with ``wrk -t2 -c16`` (Debian's wrk; a
  Python load generator when wrk is missing), every request a different post with a Bearer key.
  Budget: ≥ 1,000 requests/s on 2 cores and 0 errors. wrk runs on the same cores as the server.

Run: ``make bench`` (or ``.venv/bin/python bench/bench_server.py [--duration 60] [--requests 3000]``).
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "tweeteval" / "sentiment_test_text.txt"
BUDGET = {"p50_ms": 3.0, "p99_ms": 20.0, "rps": 1000.0}
KEY = "bench-key-0123456789abcdef0123"
BIN = Path(sys.executable).parent


def posts_280(limit: int) -> list[str]:
    """Posts of 270–280 characters: the corpus posts run together, cut at the last space before 280."""
    if not CORPUS.is_file():
        sys.exit(f"corpus not found: {CORPUS}")
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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait(port: int, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("the server exited while starting")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/health")
            if conn.getresponse().status == 200:
                conn.close()
                return
        except OSError:
            time.sleep(0.1)
    sys.exit("the server did not start")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def latency(posts: list[str], requests: int, workdir: Path) -> dict[str, float]:
    """Sequential requests over one keep-alive connection to `tonecheck serve`."""
    port = _free_port()
    log = (workdir / "serve.log").open("wb")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TONECHECK_")}
    process = subprocess.Popen([str(BIN / "tonecheck"), "serve", "--port", str(port)], cwd=workdir, stdout=log,
                               stderr=log, env=env)
    try:
        _wait(port, process)
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
    finally:
        _stop(process)
        log.close()
    ordered = sorted(times)
    n = len(ordered)
    return {"requests": n, "errors": errors, "p50": statistics.median(ordered), "p90": ordered[int(n * 0.9) - 1],
            "p99": ordered[int(n * 0.99) - 1], "max": ordered[-1], "mean": statistics.fmean(ordered)}


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


def _python_load(port: int, posts: list[str], seconds: float, connections: int) -> tuple[int, int]:
    """A fallback load generator: *connections* processes with keep-alive connections."""
    with multiprocessing.Pool(connections) as pool:
        results = pool.starmap(_client, [(port, posts[i::connections], seconds) for i in range(connections)])
    return sum(r[0] for r in results), sum(r[1] for r in results)


def _client(port: int, posts: list[str], seconds: float) -> tuple[int, int]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {KEY}"}
    bodies = [json.dumps({"text": p, "platform": "x"}).encode() for p in posts]
    done = errors = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        conn.request("POST", "/v1/check", body=bodies[done % len(bodies)], headers=headers)
        response = conn.getresponse()
        response.read()
        done += 1
        errors += response.status != 200
    conn.close()
    return done, errors


def throughput(posts: list[str], seconds: float, workdir: Path) -> dict[str, object]:
    """The README's gunicorn team command, loaded for *seconds*."""
    gunicorn = BIN / "gunicorn"
    if not gunicorn.exists():
        return {"skipped": "gunicorn is not installed (pip install 'tonecheck[team]')"}
    keys = workdir / "keys"
    keys.write_text(KEY + "\n", encoding="utf-8")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TONECHECK_")}
    env["TONECHECK_API_KEYS_FILE"] = str(keys)
    command = [str(gunicorn), "--workers", "2", "--threads", "4", "--worker-class", "gthread", "--preload",
               "--bind", f"127.0.0.1:{port}", "tonecheck_server.wsgi:app"]
    log = (workdir / "gunicorn.log").open("wb")
    process = subprocess.Popen(command, cwd=workdir, stdout=log, stderr=log, env=env)
    try:
        _wait(port, process)
        wrk = shutil.which("wrk")
        if wrk:
            script = workdir / "post.lua"
            _wrk_script(posts, script)
            warm = subprocess.run([wrk, "-t2", "-c16", "-d5s", "-s", str(script), f"http://127.0.0.1:{port}"],
                                  capture_output=True, text=True, check=False, timeout=60)
            if warm.returncode != 0 or "error" in warm.stderr.lower():
                sys.exit(f"wrk failed: {warm.stderr.strip()}")
            out = subprocess.run([wrk, "-t2", "-c16", f"-d{int(seconds)}s", "--latency", "-s", str(script),
                                  f"http://127.0.0.1:{port}"], capture_output=True, text=True, check=False,
                                 timeout=seconds + 60).stdout
            rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
            total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
            non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
            socket_errors = re.search(r"Socket errors: (.*)", out)
            result: dict[str, object] = {
                "tool": "wrk -t2 -c16", "requests": total, "rps": rps,
                "errors": int(non2xx.group(1)) if non2xx else 0,
                "socket_errors": socket_errors.group(1) if socket_errors else "none",
            }
            latency_line = re.search(r"99%\s+(\S+)", out)
            if latency_line:
                result["p99"] = latency_line.group(1)
        else:
            done, errors = _python_load(port, posts, seconds, 8)
            result = {"tool": "python load generator (8 processes)", "requests": done, "rps": done / seconds,
                      "errors": errors, "socket_errors": "none"}
    finally:
        _stop(process)
        log.close()
    log_text = (workdir / "gunicorn.log").read_text(encoding="utf-8", errors="replace")
    result["command"] = " ".join(command[0:1] + command[1:]).replace(str(BIN) + "/", "")
    result["access_lines"] = log_text.count('"POST /v1/check" 200')
    result["tracebacks"] = log_text.count("Traceback")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000, help="latency: timed requests (after 200 warm-up)")
    parser.add_argument("--duration", type=float, default=60.0, help="throughput: seconds of load (default 60)")
    parser.add_argument("--skip-throughput", action="store_true")
    args = parser.parse_args()
    posts = posts_280(1000)
    mean_len = statistics.fmean(len(p) for p in posts)
    print(f"server bench: {len(posts)} posts from tweeteval, mean {mean_len:.0f} characters (270-280), platform x, "
          f"no LanguageTool; {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="tonecheck-bench-") as tmp:
        workdir = Path(tmp)
        lat = latency(posts, args.requests, workdir)
        ok50 = "ok" if lat["p50"] <= BUDGET["p50_ms"] else "OVER BUDGET"
        ok99 = "ok" if lat["p99"] <= BUDGET["p99_ms"] else "OVER BUDGET"
        print(f"latency  tonecheck serve (waitress, 8 threads), 1 client, {int(lat['requests'])} requests, "
              f"{int(lat['errors'])} errors")
        print(f"  p50 {lat['p50']:.2f} ms (budget {BUDGET['p50_ms']} ms: {ok50})   p90 {lat['p90']:.2f} ms   "
              f"p99 {lat['p99']:.2f} ms (budget {BUDGET['p99_ms']} ms: {ok99})   max {lat['max']:.2f} ms")
        if args.skip_throughput:
            return
        thr = throughput(posts, args.duration, workdir)
        if "skipped" in thr:
            print(f"throughput skipped: {thr['skipped']}")
            return
        rps = float(thr["rps"])  # type: ignore[arg-type]
        ok = "ok" if rps >= BUDGET["rps"] and thr["errors"] == 0 and thr["socket_errors"] == "none" else "NOT MET"
        print(f"throughput  {thr['command']}")
        print(f"  {thr['tool']}, {args.duration:.0f} s: {int(thr['requests']):,} requests, {rps:,.0f} req/s "  # type: ignore[call-overload]
              f"(budget ≥ {BUDGET['rps']:,.0f}: {ok}), {thr['errors']} non-2xx, socket errors: {thr['socket_errors']}"
              + (f", p99 {thr['p99']}" if "p99" in thr else ""))
        print(f"  access log: {thr['access_lines']:,} lines 'POST /v1/check 200'; tracebacks: {thr['tracebacks']}")


if __name__ == "__main__":
    main()
