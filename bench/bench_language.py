"""Benchmark the language layer (sukien.vi.analyze) on the seed articles.

    python bench/bench_language.py [--repeat N] [--seeds DIR] [--data-dir DIR] [--profile]

Runs analyze() over the seeds N times (default 1,000 passes over the 5 seeds) on one core and
prints throughput in MB/s (of article text) and ms per article. Documents are cleaned as ingest does
(boilerplate removed), so only kept text is analyzed.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from sukien.config import Config, Resources
from sukien.vi import analyze

from benchlib import DEFAULT_SEEDS, load_cleaned

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=1000, help="passes over the seeds (default 1000)")
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    ap.add_argument("--data-dir", type=Path, default=None)
    ap.add_argument("--profile", action="store_true", help="print a cProfile summary of one pass x 50")
    args = ap.parse_args(argv)
    res = Resources(Config(data_dir=args.data_dir) if args.data_dir else Config())
    docs = load_cleaned(args.seeds, res)
    if not docs:
        print(f"no seeds under {args.seeds}", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    res.actors                                  # warm: load dictionaries once
    for d in docs:
        analyze(d, res)
    load_s = time.perf_counter() - t0
    kept_bytes = sum(len(d.text[s.start:s.end].encode("utf-8")) for d in docs for s in d.segments)
    total_bytes = sum(len(d.text.encode("utf-8")) for d in docs)
    if args.profile:
        pr = cProfile.Profile()
        pr.enable()
        for _ in range(50):
            for d in docs:
                analyze(d, res)
        pr.disable()
        pstats.Stats(pr).sort_stats("cumulative").print_stats(25)
    t0, c0 = time.perf_counter(), time.process_time()
    n = 0
    for _ in range(args.repeat):
        for d in docs:
            analyze(d, res)
            n += 1
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    mb = total_bytes * args.repeat / 1e6
    print(f"articles: {n}  ({len(docs)} seeds x {args.repeat})  text: {mb:.2f} MB "
          f"(kept segments {kept_bytes * args.repeat / 1e6:.2f} MB)")
    print(f"first pass incl. loading: {load_s * 1000:.0f} ms")
    print(f"wall: {dt:.2f} s   throughput: {mb / dt:.2f} MB/s   {dt / n * 1000:.3f} ms/article "
          f"(avg article {total_bytes / len(docs) / 1000:.1f} KB)")
    print(f"cpu:  {cpu:.2f} s   throughput: {mb / cpu:.2f} MB/s   {cpu / n * 1000:.3f} ms/article   "
          f"{cpu / n * 1000 * 5000 / (total_bytes / len(docs)):.3f} ms per 5 KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
