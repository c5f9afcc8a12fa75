#!/usr/bin/env python3
"""Benchmark: the full pipeline (ingest → clean → analyze → extract → resolve → store) over
>= 10,000 varied Vietnamese articles.

Articles are generated deterministically (``--seed``) from the seeds (../shared/corpus/seeds,
read at run time, never copied) and the example corpus: paragraphs are shuffled (the first one
stays first), leaders are swapped for others from the actor dictionary, dates are shifted by a
random number of days and numbers are scaled, so no two articles are identical. By default
every article is about diplomacy and dense with events (the worst case for extraction and
resolution); ``--offtopic-share 0.8`` draws that share from the off-topic set instead
(tests/data/offtopic: sports, business, domestic news full of "gặp", "ký", "đàm phán" in other
senses), closer to a general news feed.

Reports articles/s on one core and on all cores (worker processes for analyze/extract;
resolution is the single writer), peak memory, and a cProfile summary of where time goes.

    .venv/bin/python bench/bench_pipeline.py                 # 10,000 articles
    .venv/bin/python bench/bench_pipeline.py --n 2000 --profile-n 500 --json out.json
    .venv/bin/python bench/bench_pipeline.py --offtopic-share 0.8   # a general news feed
"""
from __future__ import annotations

import argparse
import cProfile
import html as _html
import io
import json
import os
import pstats
import random
import re
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

SOURCES = [ROOT.parent / "shared" / "corpus" / "seeds", ROOT / "examples" / "corpus"]
# articles that are not about diplomacy (sports, business, domestic news ... full of "gặp", "ký",
# "đàm phán" in other senses): written for tests/test_offtopic.py; --offtopic-share mixes them in
OFFTOPIC = ROOT / "tests" / "data" / "offtopic"
DATE_RE = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\b")
NUM_RE = re.compile(r"(?<![\d/.,])(\d{2,4})(?![\d/.,])")
PUB_RE = re.compile(r"(\d{4}-\d{2}-\d{2})")
TAG_RE = re.compile(r"<[^>]+>")


def _load_sources(dirs: list[Path] = SOURCES) -> list[tuple[str, str | None]]:
    out = []
    for d in dirs:
        if not d.is_dir():
            continue
        for p in sorted(d.iterdir()):
            if p.suffix not in (".txt", ".md", ".html", ".htm"):
                continue
            text = p.read_text(encoding="utf-8", errors="replace")
            if p.suffix in (".html", ".htm"):
                text = _html.unescape(TAG_RE.sub("\n", text))
                text = "\n".join(line.strip() for line in text.splitlines() if line.strip())
            m = PUB_RE.search(p.name)
            out.append((text, m.group(1) if m else None))
    if not out:
        sys.exit(f"no source articles found ({', '.join(str(d) for d in dirs)})")
    return out


def _leaders() -> list[tuple[str, list[str]]]:
    """(primary alias, all aliases) of people with a head-of-state/government role."""
    import yaml
    people = yaml.safe_load((ROOT / "src" / "sukien" / "data" / "actors" / "people.yaml").read_text(encoding="utf-8"))
    out = []
    for p in people or []:
        roles = {r.get("role") for r in p.get("roles") or []}
        if roles & {"head_of_state", "head_of_government", "foreign_minister"} and p.get("aliases"):
            aliases = sorted({a for a in p["aliases"] if len(a) >= 4}, key=lambda a: (-len(a), a))
            if aliases:
                out.append((p["aliases"][0], aliases))
    return out


def generate(n: int, seed: int, offtopic_share: float = 0.0, arrival: str = "random") -> list[dict]:
    """``n`` articles; with ``offtopic_share`` > 0, that share of them (drawn at random) are
    variants of the off-topic articles instead (a general news feed: most articles are not
    about diplomacy). ``arrival``: "random" (the articles' days, spread over about two years,
    come in random order: every batch meets events of the whole timeline) or "time" (in the
    order of their days, as a news feed delivers them: a batch meets the recent events)."""
    rnd = random.Random(seed)
    sources = _load_sources()
    n_dip = len(sources)
    if offtopic_share > 0:
        sources = sources + _load_sources([OFFTOPIC])
    pick = random.Random(seed + 1)
    leaders = _leaders()
    alias_to = {a: k for k, (_, aliases) in enumerate(leaders) for a in aliases}
    any_alias = re.compile(r"\b(" + "|".join(re.escape(a) for a in sorted(alias_to, key=lambda a: (-len(a), a))) + r")\b")
    outlets = ["baoA.vn", "tinB.vn", "nhipC.vn", "thoisuD.vn", "cauE.vn"]
    present_by_src: dict[int, list[str]] = {}
    out = []
    for i in range(n):
        k = i % n_dip
        if offtopic_share > 0 and pick.random() < offtopic_share:
            k = n_dip + pick.randrange(len(sources) - n_dip)
        text, pub = sources[k]
        paras = [p for p in text.split("\n") if p.strip()]
        head, body = paras[:1], paras[1:]
        rnd.shuffle(body)
        text = "\n".join(head + body)
        # swap about half of the leaders named in the article for others (consistently)
        if k not in present_by_src:
            present_by_src[k] = sorted({m.group(1) for m in any_alias.finditer(sources[k][0])},
                                       key=lambda a: (-len(a), a))
        present = present_by_src[k]
        swap = {k: leaders[rnd.randrange(len(leaders))][0]
                for k in sorted({alias_to[a] for a in present}) if rnd.random() < 0.5}
        for a in present:
            if alias_to[a] in swap:
                text = text.replace(a, swap[alias_to[a]])
        # shift dates consistently
        shift = rnd.randint(-400, 400)
        base = date.fromisoformat(pub) if pub else date(2025, 6, 1)
        def _shift(m):
            d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
            try:
                dt = date(int(y) if y else base.year, mo, d) + timedelta(days=shift)
            except ValueError:
                return m.group(0)
            return f"{dt.day}/{dt.month}/{dt.year}" if y else f"{dt.day}/{dt.month}"
        text = DATE_RE.sub(_shift, text)
        text = NUM_RE.sub(lambda m: str(max(2, int(int(m.group(1)) * rnd.uniform(0.5, 1.5))))
                          if not (1900 <= int(m.group(1)) <= 2100) else m.group(1), text)
        pub_date = (base + timedelta(days=shift)).isoformat() if (pub or rnd.random() < 0.8) else None
        rec = {"id": f"bench-{i:06d}", "text": text, "outlet": outlets[i % len(outlets)]}
        if pub_date:
            rec["pub_date"] = pub_date
        out.append((base + timedelta(days=shift), i, rec))
    if arrival == "time":
        out.sort(key=lambda x: (x[0], x[1]))
    return [rec for _, _, rec in out]


def run(records: list[dict], workdir: Path, workers: int, label: str, profile: bool = False,
        events_out: str | None = None) -> dict:
    from sukien.config import Config, Resources
    from sukien.ingest import ingest_paths
    from sukien.store import Store
    src = workdir / f"{label}.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    db = workdir / f"{label}.db"
    from sukien.pipeline import process
    res = Resources(Config(db=str(db), workers=workers, run_pipeline=False))
    prof = cProfile.Profile() if profile else None
    with Store(db) as store:
        t0 = time.perf_counter()
        c0 = time.process_time()
        if prof:
            prof.enable()
        report = ingest_paths([str(src)], store, res, progress="none")       # read, decode, clean, store
        t1 = time.perf_counter()
        stats = process(store, res, report.new + report.updated, workers=workers, progress="none")
        if prof:
            prof.disable()
        elapsed = time.perf_counter() - t0
        cpu = time.process_time() - c0          # this process only (workers are not included)
        counts = store.status_counts()
        if events_out:                       # the exported events, to compare two versions byte for byte
            from sukien.export import export_jsonl
            with open(events_out, "w", encoding="utf-8") as fh:
                export_jsonl(store, fh)
    out = {"label": label, "articles": len(records), "workers": workers, "seconds": round(elapsed, 2),
           "articles_per_s": round(len(records) / elapsed, 1),
           "main_process_cpu_ms_per_article": round(1000 * cpu / len(records), 2),
           "ms_per_article": {k: round(1000 * v / len(records), 2)
                              for k, v in {"ingest_clean_store": t1 - t0, **stats["seconds"]}.items()},
           "stage_seconds": {"ingest_clean_store": round(t1 - t0, 2), **stats["seconds"]},
           # CPU time of the main process per stage (steadier than wall time on a busy machine)
           "cpu_ms_per_article": {k: round(1000 * v / len(records), 2) for k, v in stats["cpu_seconds"].items()},
           "doc_events": counts["doc_events"], "events": counts["events"],
           "failed": len(report.failed) + len(stats["failed"]), "errors": counts["errors"],
           # the store's size on disk (database + write-ahead log) per article: the storage footprint
           "db_kb_per_article": round(sum(os.path.getsize(p) for p in (db, Path(f"{db}-wal")) if os.path.exists(p))
                                      / 1024 / len(records), 1)}
    if prof:
        out["profile"] = _profile_summary(prof)
    return out


def _profile_summary(prof: cProfile.Profile, top: int = 25) -> dict:
    st = pstats.Stats(prof)
    by_module: dict[str, float] = {}
    for (fname, _, _), (_, _, tt, _, _) in st.stats.items():
        key = fname
        if "/sukien/" in fname:
            key = "sukien/" + fname.split("/sukien/", 1)[1]
        elif "site-packages/" in fname:
            key = fname.split("site-packages/", 1)[1].split("/", 1)[0]
        elif fname.startswith("~") or fname.startswith("<"):
            key = "builtins"
        else:
            key = Path(fname).name
        by_module[key] = by_module.get(key, 0.0) + tt
    total = sum(by_module.values()) or 1.0
    modules = sorted(by_module.items(), key=lambda kv: -kv[1])[:top]
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(top)
    return {"self_time_by_module": [{"module": k, "seconds": round(v, 2), "share": round(v / total, 3)}
                                    for k, v in modules],
            "cumulative_top": buf.getvalue().splitlines()[:top + 12]}


def synthetic_doc_events(n: int, seed: int) -> dict[str, list[dict]]:
    """Document-level event records as the extractor gives them (for --resolution-only): a
    main event between two leaders, often a truce or an exchange, dated or not."""
    rnd = random.Random(seed)
    import yaml
    people = yaml.safe_load((ROOT / "src" / "sukien" / "data" / "actors" / "people.yaml").read_text(encoding="utf-8"))
    leaders = [p["name"] for p in people if p.get("country") and any(
        r.get("role") == "head_of_state" for r in p.get("roles") or [])][:40]
    stories = []
    for _ in range(max(1, n // 8)):                      # ~8 reports per real event
        a, b = rnd.sample(leaders, 2)
        day = date(2025, 1, 1) + timedelta(days=rnd.randrange(365))
        stories.append((a, b, day, rnd.choice([None, 30, 60, 90, 120]), rnd.choice(["phone_call", "meeting"]),
                        rnd.choice([None, 10, 30]), rnd.choice([None, 50, 175, 1000])))
    out: dict[str, list[dict]] = {}
    for i in range(n):
        a, b, day, dur, etype, truce, pows = stories[rnd.randrange(len(stories))]
        doc = f"syn-{i:06d}"
        pub = (day + timedelta(days=rnd.randint(0, 2))).isoformat()
        dated = rnd.random() < 0.8
        def ev(k, t, parts, d, **kw):
            sent = f"câu {k} của {doc}"
            rec = {"doc_event_id": f"{doc}#{k}", "doc": doc, "type": t, "cameo": None, "status": "occurred",
                   "date": d, "date_confidence": 0.8 if d else 0.0, "date_basis": "sentence" if d else "none",
                   "year_explicit": rnd.random() < 0.5, "participants": parts, "initiator": None,
                   "duration_minutes": None, "location": None, "topics": [], "quantities": {}, "ordinal": None,
                   "main": k == 0, "mentions": [{"doc": doc, "start": k * 50, "end": k * 50 + 20, "sentence": sent,
                                                 "source": None}], "evidence": {}, "pub_date": pub, "outlet": None}
            rec.update(kw)
            return rec
        evs = [ev(0, etype, [a, b], day.isoformat() if dated else None, duration_minutes=dur)]
        if truce and rnd.random() < 0.7:
            evs.append(ev(1, "ceasefire", [a, b], None, quantities={"days": truce}))
        if pows and rnd.random() < 0.7:
            evs.append(ev(len(evs), "prisoner_exchange", [a, b], (day + timedelta(days=1)).isoformat(),
                          quantities={"prisoners_each_side": pows}))
        out[doc] = evs
    return out


def bench_resolution(n: int, seed: int, batch: int = 2000) -> dict:
    """Resolution and event storage alone, over synthetic document-level events."""
    from sukien import store_events as se
    from sukien.config import Config, Resources
    from sukien.models import Document, Segment
    from sukien.resolve import resolve
    from sukien.store import Store
    docs = synthetic_doc_events(n, seed)
    with tempfile.TemporaryDirectory(prefix="sukien-bench-res-") as tmp:
        db = Path(tmp) / "r.db"
        res = Resources(Config(db=str(db)))
        with Store(db) as store:
            for d in docs:
                store.put_document(Document(doc_id=d, text="x", segments=[Segment(0, 1, "body")], content_hash=d))
            ids = sorted(docs)
            t0 = time.perf_counter()
            for i in range(0, len(ids), batch):
                chunk = ids[i:i + batch]
                with store.transaction():
                    for d in chunk:
                        se.save_doc_events(store, d, docs[d])
                resolve(store, res, chunk)
            elapsed = time.perf_counter() - t0
            events = store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    return {"documents": n, "doc_events": sum(len(v) for v in docs.values()), "events": events,
            "seconds": round(elapsed, 2), "documents_per_s": round(n / elapsed, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000, help="articles per run (default 10,000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes for the all-cores run")
    ap.add_argument("--profile-n", type=int, default=1000, help="articles in the profiled single-core run")
    ap.add_argument("--skip-single", action="store_true")
    ap.add_argument("--skip-multi", action="store_true")
    ap.add_argument("--json", help="also write the results to this file")
    ap.add_argument("--events-out", metavar="FILE",
                    help="write the one-core run's exported events (JSONL) to FILE (compare versions with cmp)")
    ap.add_argument("--offtopic-share", type=float, default=0.0, metavar="F",
                    help="share of articles drawn from the off-topic set (tests/data/offtopic): a general"
                         " news feed instead of the default all-diplomacy one (e.g. 0.8)")
    ap.add_argument("--arrival", choices=("random", "time"), default="random",
                    help="order of the articles: random days over about two years (the default: every"
                         " batch meets the whole timeline, the worst case for resolution) or 'time' (in"
                         " the order of their days, as a news feed delivers them)")
    ap.add_argument("--resolution-only", type=int, metavar="N",
                    help="only time resolution + event storage over N synthetic documents' events")
    args = ap.parse_args()
    if args.resolution_only:
        r = bench_resolution(args.resolution_only, args.seed)
        print(f"resolution: {r['documents_per_s']} documents/s ({r['documents']} documents, {r['doc_events']} "
              f"document-level events → {r['events']} events, {r['seconds']} s)")
        if args.json:
            Path(args.json).write_text(json.dumps(r, indent=2), encoding="utf-8")
        return
    t0 = time.perf_counter()
    records = generate(args.n, args.seed, args.offtopic_share, args.arrival)
    gen_s = time.perf_counter() - t0
    distinct = len({r["text"] for r in records})
    results = {"generated": args.n, "offtopic_share": args.offtopic_share, "arrival": args.arrival, "distinct_texts": distinct, "generate_seconds": round(gen_s, 2),
               "cpu_count": os.cpu_count(), "runs": []}
    print(f"generated {args.n} articles ({distinct} distinct texts) in {gen_s:.1f}s", flush=True)
    with tempfile.TemporaryDirectory(prefix="sukien-bench-") as tmp:
        tmp = Path(tmp)
        if not args.skip_single:
            r = run(records, tmp, 1, "single", events_out=args.events_out)
            results["runs"].append(r)
            print(f"one core:  {r['articles_per_s']} articles/s ({r['seconds']} s, {r['events']} events, "
                  f"{r['failed']} failed; stages {r['stage_seconds']}; ms/article {r['ms_per_article']}; "
                  f"CPU {r['main_process_cpu_ms_per_article']} ms/article, by stage {r['cpu_ms_per_article']}; "
                  f"store {r['db_kb_per_article']} KB/article)",
                  flush=True)
        if not args.skip_multi and args.workers > 1:
            r = run(records, tmp, args.workers, "multi")
            results["runs"].append(r)
            print(f"{args.workers} cores: {r['articles_per_s']} articles/s ({r['seconds']} s, {r['events']} events; "
                  f"stages {r['stage_seconds']}; main-process CPU {r['main_process_cpu_ms_per_article']} ms/article, "
                  f"by stage {r['cpu_ms_per_article']})",
                  flush=True)
        if args.profile_n:
            r = run(records[:args.profile_n], tmp, 1, "profile", profile=True)
            results["profile"] = r.pop("profile")
            results["runs"].append(r)
    results["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    results["peak_rss_children_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    print(f"peak memory: {results['peak_rss_mb']} MB (main), {results['peak_rss_children_mb']} MB (largest worker)")
    if "profile" in results:
        print("self time by module (profiled single-core run):")
        for row in results["profile"]["self_time_by_module"][:15]:
            print(f"  {row['share']:6.1%}  {row['seconds']:8.2f}s  {row['module']}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
