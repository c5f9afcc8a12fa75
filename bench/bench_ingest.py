"""Benchmark: ingest the seed articles x N (default 5 x 1,000) into a temporary database.

    .venv/bin/python bench/bench_ingest.py                 # ingest + clean + near-dups, no pipeline
    .venv/bin/python bench/bench_ingest.py --pipeline      # also language -> events -> resolution
    .venv/bin/python bench/bench_ingest.py --copies 200 --vary --files
    .venv/bin/python bench/bench_ingest.py --workers 4         # decode/clean/signatures in 4 processes

Copies get distinct ids. By default they are exact copies (the content-hash shortcut links each
to the first copy); ``--vary`` appends a distinct line to each copy, so every document goes
through MinHash LSH candidate checks (the worst case for near-duplicate linking).
Prints wall time, documents/s, CPU time (``time.process_time``: steadier than wall time on a busy
machine; it includes one-time start-up such as building the near-duplicate index), peak RSS
(resource.getrusage) and the database size.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from sukien.config import Config, Resources
from sukien.ingest import ingest_paths
from sukien.store import Store

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"


def peak_rss_mib() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss      # KiB on Linux
    return kb / 1024


def make_inputs(seeds: list[Path], copies: int, vary: bool, files: bool, out: Path) -> list[str]:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in seeds]
    if files:
        d = out / "corpus"
        d.mkdir()
        for k in range(copies):
            for name, text in texts:
                extra = f"\nBản sao số {k} của bài {name}.\n" if vary else ""
                (d / f"c{k:05d}_{name}").write_text(text + extra, encoding="utf-8")
        return [str(d)]
    path = out / "batch.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(copies):
            for name, text in texts:
                extra = f"\nBản sao số {k} của bài {name}.\n" if vary else ""
                fh.write(json.dumps({"id": f"c{k:05d}_{name}", "text": text + extra}, ensure_ascii=False) + "\n")
    return [str(path)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=Path, default=SEEDS)
    ap.add_argument("--copies", type=int, default=1000)
    ap.add_argument("--pipeline", action="store_true", help="also run language -> events -> resolution")
    ap.add_argument("--vary", action="store_true", help="make every copy's content distinct")
    ap.add_argument("--files", action="store_true", help="one file per copy instead of one JSONL batch")
    ap.add_argument("--rerun", action="store_true", help="ingest a second time (all unchanged) and time it")
    ap.add_argument("--workers", type=int, default=1,
                    help="processes for decode/clean/metadata/signatures (Config.workers; cpu_s is this process only)")
    args = ap.parse_args()
    seeds = sorted(args.seeds.glob("*.txt"))
    if not seeds:
        print(f"no seeds in {args.seeds}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="sukien-bench-") as tmp:
        tmpd = Path(tmp)
        t = time.perf_counter()
        inputs = make_inputs(seeds, args.copies, args.vary, args.files, tmpd)
        prep = time.perf_counter() - t
        db = tmpd / "bench.db"
        res = Resources(Config(db=str(db), run_pipeline=args.pipeline, workers=args.workers))
        rss0 = peak_rss_mib()
        store = Store(db)
        t, cpu = time.perf_counter(), time.process_time()
        report = ingest_paths(inputs, store, res, progress="log" if sys.stderr.isatty() else "none")
        elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
        n = report.documents + len(report.failed)
        result = {
            "inputs": n, "copies": args.copies, "workers": args.workers, "seeds": len(seeds),
            "mode": "files" if args.files else "jsonl",
            "vary": args.vary, "pipeline": args.pipeline, "prepare_s": round(prep, 2),
            "total_s": round(elapsed, 2), "ingest_s": round(report.elapsed, 2),
            "docs_per_s": round(n / report.elapsed, 1),
            "cpu_s": round(cpu, 2), "cpu_ms_per_doc": round(1000 * cpu / max(1, n), 3),
            "pipeline_s": round(elapsed - report.elapsed, 2) if args.pipeline else None,
            "pipeline_report": report.pipeline,
            "new": len(report.new), "failed": len(report.failed),
            "near_duplicate_links": len(report.near_duplicates),
            "peak_rss_mib_before": round(rss0, 1), "peak_rss_mib": round(peak_rss_mib(), 1),
            "db_mib": round(sum(os.path.getsize(p) for p in tmpd.glob("bench.db*")) / 2**20, 1),
        }
        if args.rerun:
            t = time.perf_counter()
            again = ingest_paths(inputs, store, res, progress="none")
            result["rerun_s"] = round(time.perf_counter() - t, 2)
            result["rerun_unchanged"] = len(again.unchanged)
        store.close()
    print(json.dumps(result, indent=2))
    return 0 if not report.failed else 1


if __name__ == "__main__":
    sys.exit(main())
