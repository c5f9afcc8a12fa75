"""The pipeline after ingest: analyze → extract → document-level events → resolve → store.

``process(store, res, doc_ids)`` is idempotent: a document's language rows and document-level
events are replaced, then resolution joins them to the canonical events on record. A failure
in one document is recorded (``ingest_errors``, with its stage) and the batch goes on.

With ``res.config.workers > 1`` the language and extraction stages run in worker processes
over batches of documents (one ``Resources`` per worker), and the workers also build the rows
to store (``store_analysis.document_rows``); storing and resolution stay in this process
(single writer), which only executes the SQL.

Storing: the rows of up to ``FLUSH_DOCS`` documents are written in one transaction, with a
savepoint per document (``store_analysis.write_documents``): a document that fails to store is
rolled back alone and recorded; the others are kept.
"""
from __future__ import annotations

import gc
import logging
import sys
import time
from typing import Any, Iterable

from . import store_analysis as sa
from .models import SukienError

log = logging.getLogger("sukien.pipeline")

FLUSH_DOCS = 256        # documents written per transaction (a savepoint each)


def analyze_and_extract(doc, res) -> tuple[Any, list[dict]]:
    """Language layer and event extraction for one document: (analysis, document-level events).
    Raises SukienError naming the document and the stage that failed."""
    stage = "analyze"
    try:
        from . import extract, vi
        analysis = vi.analyze(doc, res)
        stage = "extract"
        mentions = extract.extract_mentions(doc, analysis, res)
        doc_events = extract.document_events(doc, analysis, mentions, res)
        stage = "scope"
        from .extract_scope import in_scope
        doc_events = in_scope(doc, analysis, doc_events, res)     # diplomatic events only
    except SukienError as err:
        if err.doc is None:
            err.doc = doc.doc_id
        raise
    except Exception as exc:  # noqa: BLE001 - any bug in one document must not stop the batch
        raise SukienError(f"{type(exc).__name__}: {exc}", doc=doc.doc_id, stage=stage) from exc
    for ev in doc_events:
        ev.setdefault("doc", doc.doc_id)
        if ev.get("pub_date") is None and doc.pub_date is not None:
            ev["pub_date"] = doc.pub_date.value
        if ev.get("outlet") is None and doc.outlet is not None:
            ev["outlet"] = doc.outlet.value
    return analysis, doc_events


# ---------------------------------------------------------------- worker processes

_WORKER: dict[str, Any] = {}


def _worker_init(config) -> None:   # runs once in each worker process
    from .config import Resources
    _WORKER["res"] = Resources(config)


def _worker_run(doc) -> tuple[str, Any, list[dict] | None, SukienError | None]:
    """In a worker: analyze and extract, then build the store rows too (the main process only
    executes SQL; the rows are also cheaper to send back than the analysis)."""
    try:
        analysis, evs = analyze_and_extract(doc, _WORKER["res"])
    except SukienError as err:
        return doc.doc_id, None, None, err
    try:
        return doc.doc_id, sa.document_rows(doc.doc_id, analysis, evs), None, None     # (the rows hold the events)
    except Exception as exc:  # noqa: BLE001
        return doc.doc_id, None, None, SukienError(f"{type(exc).__name__}: {exc}", doc=doc.doc_id, stage="store")


def _in_process(docs: list, res) -> Iterable[tuple[str, Any, list[dict] | None, SukienError | None]]:
    for doc in docs:
        try:
            analysis, evs = analyze_and_extract(doc, res)
            yield doc.doc_id, analysis, evs, None
        except SukienError as err:
            yield doc.doc_id, None, None, err


def _start(docs: list, res, workers: int, pool) -> Iterable[tuple[str, Any, list[dict] | None, SukienError | None]]:
    """The results of ``docs`` in order. With a pool the work starts now (in the workers) and
    goes on while the caller does something else (stores, resolves the previous batch)."""
    if pool is None or len(docs) < 2:
        return _in_process(docs, res)
    chunk = max(1, min(64, len(docs) // (workers * 4) or 1))
    return pool.imap(_worker_run, docs, chunksize=chunk)


def _pool(res, workers: int):
    import multiprocessing as mp
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    return ctx.Pool(workers, initializer=_worker_init, initargs=(res.config,))


# ---------------------------------------------------------------- progress

class _Bar:
    def __init__(self, total: int, mode: str):
        self.bar = None
        if mode == "auto":
            mode = "bar" if sys.stderr.isatty() else "none"
        if mode == "bar" and total > 1:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
            self.bar = Progress(TextColumn("events"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("events", total=total)

    def step(self) -> None:
        if self.bar is not None:
            self.bar.update(self.task, advance=1)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


# ---------------------------------------------------------------- entry point

def process(store, res, doc_ids: Iterable[str], *, workers: int | None = None, progress: str = "auto",
            batch_size: int = 2000) -> dict[str, Any]:
    """Run analyze → extract → resolve over ``doc_ids``; returns counts and per-stage timings."""
    doc_ids = list(dict.fromkeys(doc_ids))
    workers = workers if workers is not None else max(1, int(getattr(res.config, "workers", 1) or 1))
    stats: dict[str, Any] = {"documents": len(doc_ids), "doc_events": 0, "failed": [], "seconds": {}}
    bar = _Bar(len(doc_ids), progress)
    t_lang = t_store = t_resolve = 0.0
    c_lang = c_store = c_resolve = 0.0       # the same stages in this process's CPU time
    # one pool for the whole run (not one per batch)
    pool = _pool(res, workers) if workers > 1 and len(doc_ids) >= 2 else None

    def load(batch_ids: list[str]) -> list:
        docs = []
        for d in batch_ids:
            doc = store.get_document(d)
            if doc is None:
                _fail(store, stats, SukienError("document not found", doc=d, stage="load"))
                continue
            docs.append(doc)
        return docs

    starts = list(range(0, len(doc_ids), batch_size))
    ahead = None
    frozen: bool | None = None      # long-lived objects moved out of the collector's sight (see _freeze)
    try:
        for bi, start in enumerate(starts):
            if ahead is None:
                results = _start(load(doc_ids[start:start + batch_size]), res, workers, pool)
            else:
                results, ahead = ahead, None
            if pool is not None and bi + 1 < len(starts):
                # queue the next batch now: the workers go on with it while this process stores
                # and resolves the current one
                nxt = starts[bi + 1]
                ahead = _start(load(doc_ids[nxt:nxt + batch_size]), res, workers, pool)
            done: list[str] = []
            pending: list[sa.DocumentRows] = []

            def flush() -> None:
                """Write the pending documents: one transaction, a savepoint per document."""
                try:
                    failed = sa.write_documents(store, pending)
                except Exception as exc:  # noqa: BLE001 - the transaction itself failed: none stored
                    failed = [(r.doc_id, exc) for r in pending]
                bad = {d for d, _ in failed}
                for d, exc in failed:
                    _fail(store, stats, SukienError(f"{type(exc).__name__}: {exc}", doc=d, stage="store"))
                for r in pending:
                    if r.doc_id not in bad:
                        stats["doc_events"] += len(r.doc_events)
                        done.append(r.doc_id)
                pending.clear()

            t0, k0 = time.perf_counter(), time.process_time()
            for doc_id, payload, evs, err in results:
                t1, k1 = time.perf_counter(), time.process_time()
                t_lang += t1 - t0
                c_lang += k1 - k0
                if frozen is None:
                    frozen = _freeze()
                if err is not None:
                    _fail(store, stats, err)
                else:
                    try:        # rows built here when the worker did not build them (workers=1)
                        rows = payload if isinstance(payload, sa.DocumentRows) else \
                            sa.document_rows(doc_id, payload, evs)
                    except Exception as exc:  # noqa: BLE001
                        _fail(store, stats, SukienError(f"{type(exc).__name__}: {exc}", doc=doc_id, stage="store"))
                    else:
                        pending.append(rows)
                        if len(pending) >= FLUSH_DOCS:
                            flush()
                bar.step()
                t0, k0 = time.perf_counter(), time.process_time()
                t_store += t0 - t1
                c_store += k0 - k1
            t1, k1 = time.perf_counter(), time.process_time()
            flush()
            t_store += time.perf_counter() - t1
            c_store += time.process_time() - k1
            if done:
                t2, k2 = time.perf_counter(), time.process_time()
                try:
                    from .resolve import resolve
                    resolve(store, res, done)
                    store.set_stage(done, "resolved")
                except Exception as exc:  # noqa: BLE001 - keep the extracted rows; report the batch
                    log.exception("resolution failed")
                    _fail(store, stats, SukienError(f"{type(exc).__name__}: {exc}", doc=done[0] if len(done) == 1
                                                    else f"{len(done)} documents", stage="resolve"))
                t_resolve += time.perf_counter() - t2
                c_resolve += time.process_time() - k2
    finally:
        if frozen:
            gc.unfreeze()
        bar.stop()
        if pool is not None:
            pool.terminate()
            pool.join()
    stats["seconds"] = {"analyze_extract": round(t_lang, 3), "store": round(t_store, 3),
                        "resolve": round(t_resolve, 3)}
    # CPU time of this process per stage: steadier than wall time on a busy machine (with
    # workers, "analyze_extract" is only this process's share: receiving the workers' results)
    stats["cpu_seconds"] = {"analyze_extract": round(c_lang, 3), "store": round(c_store, 3),
                            "resolve": round(c_resolve, 3)}
    return stats


def _freeze() -> bool:
    """Once the first document is through (the Resources loaded: dictionaries, lexicons,
    automata — millions of long-lived objects), move every live object to the collector's
    permanent generation (``gc.freeze``) so that its full passes stop scanning them; ``process``
    undoes it at the end (``gc.unfreeze``), so that nothing stays exempt after the run. Not done
    when the caller froze objects itself (its freeze is left as it is). Returns whether it froze."""
    if gc.get_freeze_count():
        return False
    gc.freeze()
    return True


def _fail(store, stats: dict, err: SukienError) -> None:
    stats["failed"].append(str(err))
    log.warning("%s", err)
    try:
        store.record_error(err.doc or "", err.reason, line=err.line, stage=err.stage or "pipeline")
    except Exception:  # noqa: BLE001
        log.exception("could not record the error")
