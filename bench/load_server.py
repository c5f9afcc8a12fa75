#!/usr/bin/env python3
"""Load test of the HTTP API: p50/p99 latency and requests/s for /api/events and /api/search.

Builds a database from the seeds (../shared/corpus/seeds) and the example corpus
(examples/corpus) with the full pipeline (unless --db is given), starts `sukien serve` on
127.0.0.1 at a free port in a separate process, then sends a bounded number of requests
to each endpoint with bounded concurrency (httpx async) and a time cap per endpoint.

    .venv/bin/python bench/load_server.py                      # 2,000 requests each, 16 concurrent
    .venv/bin/python bench/load_server.py --requests 500 --concurrency 8 --cap 30
    .venv/bin/python bench/load_server.py --db demo.db --read-only

Only loopback is used. The server and this client share the machine's cores: the figures
are a lower bound for a server with the machine to itself.
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
EXAMPLES = ROOT / "examples" / "corpus"

EVENT_QUERIES = [
    "/api/events", "/api/events?limit=20", "/api/events?type=phone_call", "/api/events?status=planned",
    "/api/events?from=2025-03&to=2025-05", "/api/events?actor=Vladimir%20Putin", "/api/events?limit=10&offset=10",
    "/api/events?q=ngung%20ban", "/api/events?actor=Donald%20Trump&type=phone_call",
]
SEARCH_QUERIES = [
    "dien dam", "điện đàm", "ngừng bắn", "Putin", "hoà bình", "tu binh", "Dien Kremlin", "Nhà Trắng",
    "trao đổi tù nhân 175", "thỏa thuận", "Zelensky", "năng lượng",
]


def build_db(path: Path) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from sukien.config import Config, Resources
    from sukien.ingest import ingest_paths
    from sukien.store import Store
    inputs = [p for p in (SEEDS, EXAMPLES) if p.is_dir()]
    st = Store(path)
    try:
        t0 = time.perf_counter()
        rep = ingest_paths(inputs, st, Resources(Config(db=str(path))), progress="none")
        print(f"built {path}: {rep.summary()} [{time.perf_counter() - t0:.1f} s]")
    finally:
        st.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, read_only: bool) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "sukien", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port),
           "--log-level", "warning"] + (["--read-only"] if read_only else [])
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen(cmd, env=env)
    url = f"http://127.0.0.1:{port}/api/events?limit=1"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("server did not start in 30 s")


async def hammer(base: str, paths: list[str], n: int, concurrency: int, cap: float) -> dict:
    lat: list[float] = []
    errors = 0
    statuses: dict[int, int] = {}
    cycle = itertools.cycle(paths)
    todo = [next(cycle) for _ in range(n)]
    queue: asyncio.Queue[str] = asyncio.Queue()
    for p in todo:
        queue.put_nowait(p)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    t0 = time.perf_counter()
    deadline = t0 + cap
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        async def worker():
            nonlocal errors
            while time.perf_counter() < deadline:
                try:
                    p = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                s = time.perf_counter()
                try:
                    r = await client.get(p)
                    await r.aread()
                    statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                lat.append(time.perf_counter() - s)
        await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall = time.perf_counter() - t0
    lat.sort()
    q = statistics.quantiles(lat, n=100) if len(lat) >= 2 else [lat[0]] * 99 if lat else [0.0] * 99
    return {"requests": len(lat), "errors": errors, "statuses": statuses, "wall_s": wall,
            "rps": len(lat) / wall if wall else 0.0, "p50_ms": q[49] * 1000, "p99_ms": q[98] * 1000,
            "max_ms": (lat[-1] * 1000) if lat else 0.0, "capped": len(lat) < n}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="use this database instead of building one from the seeds + examples")
    ap.add_argument("--requests", type=int, default=2000, help="requests per endpoint (default 2000)")
    ap.add_argument("--concurrency", type=int, default=16, help="concurrent requests (default 16)")
    ap.add_argument("--cap", type=float, default=60.0, help="time cap per endpoint in seconds (default 60)")
    ap.add_argument("--read-only", action="store_true", help="serve the database read-only")
    args = ap.parse_args()
    args.requests = max(1, min(args.requests, 20000))
    args.concurrency = max(1, min(args.concurrency, 64))
    args.cap = max(1.0, min(args.cap, 120.0))

    tmp = None
    if args.db:
        db = args.db
    else:
        tmp = tempfile.TemporaryDirectory(prefix="sukien-load-")
        db = str(Path(tmp.name) / "load.db")
        build_db(Path(db))
    port = free_port()
    proc = start_server(db, port, args.read_only)
    base = f"http://127.0.0.1:{port}"
    try:
        counts = httpx.get(base + "/api/events?limit=1").json()["total"], \
            httpx.get(base + "/api/documents?limit=1").json()["total"]
        print(f"server {base} over {db}: {counts[0]} events, {counts[1]} documents; "
              f"{args.requests} requests per endpoint, {args.concurrency} concurrent, cap {args.cap:.0f} s")
        asyncio.run(hammer(base, EVENT_QUERIES[:2], 50, 4, 10))            # warm-up
        results = {
            "/api/events": asyncio.run(hammer(base, EVENT_QUERIES, args.requests, args.concurrency, args.cap)),
            "/api/search": asyncio.run(hammer(base, [f"/api/search?q={q}" for q in SEARCH_QUERIES],
                                              args.requests, args.concurrency, args.cap)),
        }
        print(f"{'endpoint':<14}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'req/s':>9}")
        for name, r in results.items():
            print(f"{name:<14}{r['requests']:>9}{r['errors']:>8}{r['p50_ms']:>9.1f}{r['p99_ms']:>9.1f}"
                  f"{r['max_ms']:>9.1f}{r['rps']:>9.1f}" + ("  (time cap reached)" if r["capped"] else ""))
        bad = sum(r["errors"] for r in results.values())
        if bad:
            print(f"warning: {bad} failed requests: " + str({k: v['statuses'] for k, v in results.items()}))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()
