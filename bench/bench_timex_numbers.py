"""Benchmark find_times / find_quantities / infer_anchor (sukien.vi.timex, sukien.vi.numbers).

    python bench/bench_timex_numbers.py [--repeat N] [--seeds DIR]

Calls them the way ``analyze`` does (once per sentence of the kept segments) on the seed
articles, N passes (default 200), on one core; prints CPU ms per article, µs per sentence and
MB/s of kept text.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from sukien.config import Resources
from sukien.vi.numbers import find_quantities
from sukien.vi.sentences import split_sentences
from sukien.vi.timex import find_times, infer_anchor

from benchlib import DEFAULT_SEEDS, load_cleaned

def best_cpu(fn, repeat: int, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for _ in range(repeat):
            fn()
        best = min(best, (time.process_time() - t0) / repeat)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    args = ap.parse_args(argv)
    res = Resources()
    res.temporal
    docs = load_cleaned(args.seeds, res)
    if not docs:
        print(f"no seeds under {args.seeds}", file=sys.stderr)
        return 1
    work = []
    for d in docs:
        a = infer_anchor(d.text, d.segments, d.pub_date.value, res)
        work.append((d.text, a, [(s.start, s.end) for s in split_sentences(d.text, d.segments)]))
    kept = sum(len(d.text[s.start:s.end].encode("utf-8")) for d in docs for s in d.segments)
    nsent = sum(len(w[2]) for w in work)
    n = len(docs)
    r = max(1, args.repeat // 10)
    ft = best_cpu(lambda: [find_times(t, s, e, a, res) for t, a, ss in work for s, e in ss], r)
    fq = best_cpu(lambda: [find_quantities(t, s, e, res) for t, a, ss in work for s, e in ss], r)
    ia = best_cpu(lambda: [infer_anchor(d.text, d.segments, None, res) for d in docs], r)
    print(f"{n} articles x {r * 3} passes, {nsent / n:.0f} sentences and {kept / n / 1024:.1f} KB kept text per article")
    for name, v in (("find_times", ft), ("find_quantities", fq)):
        print(f"{name:16s} {v / n * 1e3:6.3f} ms/article  {v / nsent * 1e6:5.1f} us/sentence  {kept / v / 1e6:5.1f} MB/s")
    print(f"{'both':16s} {(ft + fq) / n * 1e3:6.3f} ms/article  {kept / (ft + fq) / 1e6:5.1f} MB/s")
    print(f"{'infer_anchor':16s} {ia / n * 1e3:6.3f} ms/article (no pub_date: one extra scan of the kept text)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
