"""Parallel preparation for ingest (``Config.workers > 1``).

The per-document pure work — decode (``ingest.build_document``), clean and metadata
(``ingest.finish_document``) and the MinHash signature — runs in worker processes while the main
process stores. The main process still decides everything that depends on the database, in input
order and exactly as without workers: it validates the input, checks whether the document is
unchanged (so an error in cleaning an unchanged document is never reported, as before), links
near-duplicates and writes. Results come back in input order; at most two blocks of inputs are in
flight, so a large JSONL file is never read whole.

Errors raised in a worker travel as data (``_Failure``) and are raised again in the main process
at the point where the single-process path would raise them, with the same message.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from itertools import islice
from typing import Any, Iterable, Iterator

from .config import Config
from .models import Document, RawInput, SukienError

BLOCK_PER_WORKER = 32           # inputs per worker in one block (two blocks in flight)


@dataclass
class _Failure:
    """An exception from a worker: enough to raise an equivalent one in the main process."""
    kind: str                   # "sukien" | the exception class name
    message: str
    doc: str | None = None
    stage: str | None = None
    line: int | None = None

    @classmethod
    def of(cls, exc: BaseException) -> _Failure:
        if isinstance(exc, SukienError):
            return cls("sukien", exc.reason, exc.doc, exc.stage, exc.line)
        return cls(type(exc).__name__, str(exc))

    def exception(self) -> Exception:
        if self.kind == "sukien":
            return SukienError(self.message, doc=self.doc, stage=self.stage, line=self.line)
        return type(self.kind, (Exception,), {})(self.message)     # same class name and message


@dataclass
class Prepared:
    """What a worker computed for one input (each step only when the one before succeeded)."""
    built: Document | None = None          # after build_document (the text layer, content hash)
    build_error: _Failure | None = None
    doc: Document | None = None            # after cleaning and metadata
    finish_error: _Failure | None = None
    signature: bytes | None = None         # MinHashSigner.to_bytes of doc's signature
    signature_error: _Failure | None = None

    def raise_build_error(self) -> None:
        if self.build_error is not None:
            raise self.build_error.exception()

    def raise_finish_error(self) -> None:
        if self.finish_error is not None:
            raise self.finish_error.exception()

    def raise_signature_error(self) -> None:
        if self.signature_error is not None:
            raise self.signature_error.exception()


class _WorkerState:
    """The resources of one worker process, set by ``_init`` (one instance per process)."""
    res: Any = None
    signer: Any = None


def _init(config: Config) -> None:          # runs once in each worker process
    from .config import Resources
    from .neardup import MinHashSigner
    _WorkerState.res = Resources(config)
    _WorkerState.signer = MinHashSigner(config)


def prepare(raw: Any, res: Any, signer: Any) -> Prepared | None:
    """The pure work for one input (None for what is not a ``RawInput``: the main process reports it)."""
    from .ingest import build_document, finish_document
    if not isinstance(raw, RawInput):
        return None
    out = Prepared()
    try:
        doc, html_src = build_document(raw, res.config)
    except Exception as exc:  # noqa: BLE001 - reported by the main process
        out.build_error = _Failure.of(exc)
        return out
    out.built = Document(doc_id=doc.doc_id, text=doc.text, fmt=doc.fmt, origin=doc.origin, raw=None,
                         encoding=doc.encoding, content_hash=doc.content_hash)
    try:
        out.doc = finish_document(doc, raw, html_src, res)
    except Exception as exc:  # noqa: BLE001
        out.finish_error = _Failure.of(exc)
        return out
    try:
        out.signature = signer.to_bytes(signer.signature(out.doc))
    except Exception as exc:  # noqa: BLE001
        out.signature_error = _Failure.of(exc)
    return out


def _run(raw: Any) -> Prepared | None:
    return prepare(raw, _WorkerState.res, _WorkerState.signer)


def prepared_stream(raws: Iterable[Any], config: Config, workers: int) -> Iterator[tuple[Any, Prepared | None]]:
    """``(raw, Prepared)`` for every input, in input order, prepared by ``workers`` processes.

    Fewer than two inputs in the first block are prepared in this process (no pool to start)."""
    it = iter(raws)
    size = max(2, workers * BLOCK_PER_WORKER)
    block = list(islice(it, size))
    if len(block) < 2:
        if block:
            from .config import Resources
            from .neardup import MinHashSigner
            res, signer = Resources(config), MinHashSigner(config)
            yield block[0], prepare(block[0], res, signer)
        return
    import multiprocessing as mp
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    pool = ctx.Pool(workers, initializer=_init, initargs=(config,))
    chunk = max(1, BLOCK_PER_WORKER // 4)
    try:
        results = pool.imap(_run, block, chunksize=chunk)
        while block:
            nxt = list(islice(it, size))                       # the next block is prepared meanwhile
            nxt_results = pool.imap(_run, nxt, chunksize=chunk) if nxt else None
            yield from zip(block, results)
            block, results = nxt, nxt_results
        pool.close()
        pool.join()
    finally:
        pool.terminate()


__all__ = ["Prepared", "prepare", "prepared_stream"]
