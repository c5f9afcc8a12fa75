"""Ingestion: files, folders, JSONL, stdin and URLs → stored, cleaned, versioned documents.

``ingest_paths(paths, store, res)`` is the library entry point for files, folders, stdin and
URLs (the CLI's ``sukien ingest`` is a thin layer over it); ``ingest_raws(raws, store, res)``
is the one for inputs already in memory (``models.RawInput``: the web API uses it). Both
run the same core (``_ingest_stream``). For every input it

1. reads the bytes (size cap from ``Config``) and decodes them: UTF-8 with or without BOM,
   UTF-16 (BOM), Windows-1258 (decoded then NFC-composed). Legacy Vietnamese font encodings
   (TCVN3/ABC, VNI) are detected and refused with a clear message instead of storing mojibake;
   binary, empty and undecodable inputs fail with the file name and the reason;
2. builds the text layer (``Document.text``): the decoded text as it is (offsets refer to it);
   for HTML the block text rendered by ``sukien.clean.html_to_text``;
3. skips documents whose content hash is already the current one: sha256 of the text layer,
   plus the explicit metadata (JSONL fields / API parameters ``url``, ``title``, ``pub_date``,
   ``outlet``) when there is any, so a corrected ``pub_date`` is a new version (front matter is
   part of the text). Re-sending the same text with NO explicit metadata is "unchanged": the
   metadata stated before stays;
4. cleans (``sukien.clean.clean_document`` fills kept segments and removed spans);
5. reads metadata with provenance and confidence (``models.MetaValue``);
6. computes a MinHash signature and links near-duplicates (``sukien.neardup``: LSH over stored
   signatures);
7. stores the document, its new version, segments, removed spans, signature and links
   atomically: documents are written in group transactions (up to ``GROUP_MAX_DOCS`` documents
   or ``GROUP_MAX_SECONDS``), each document in its own savepoint, so an error in one document
   undoes only that document, an interrupted run (Ctrl-C, kill -9) leaves whole documents and a
   consistent database, and a re-run completes it.

Bad input never stops the batch: each failure is recorded in ``ingest_errors`` and returned in
the ``IngestReport``.
"""
from __future__ import annotations

import hashlib
import importlib
import inspect
import json
import logging
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator

from .config import Config, Resources
from .decode import LEGACY_MESSAGE, decode_bytes, detect_legacy_encoding, sniff_format
from .metadata import (date_from_url, exclude_spans, explicit_meta, extract_metadata, iso_date,
                       outlet_from_url, parse_date_value)
from .models import Document, RawInput, SukienError
from .neardup import MAX_LINKS_PER_DOC, SHINGLE_WORDS, NearDupIndex  # noqa: F401 - re-exported
from .store import Store

log = logging.getLogger("sukien.ingest")

EXTENSIONS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
              ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl"}
FORMATS = ("txt", "md", "html", "jsonl", "auto")
EXPLICIT_SOURCES = ("jsonl", "request", "explicit")   # metadata sources of explicit fields (metadata.py)


# ================================================================== report

@dataclass
class IngestReport:
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[SukienError] = field(default_factory=list)
    near_duplicates: list[tuple[str, str, float]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pipeline: str = "not run"
    pipeline_failed: list[str] = field(default_factory=list)   # documents the pipeline could not process
    elapsed: float = 0.0
    interrupted: bool = False

    @property
    def documents(self) -> int:
        return len(self.new) + len(self.updated) + len(self.unchanged)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.pipeline_failed and not self.interrupted

    @property
    def rate(self) -> float:
        return (self.documents + len(self.failed)) / self.elapsed if self.elapsed > 0 else 0.0

    def summary(self) -> str:
        head = "ingest interrupted" if self.interrupted else "ingest"
        return (f"{head}: {len(self.new)} new, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
                f"{len(self.failed)} failed, {len(self.near_duplicates)} near-duplicate links "
                f"({self.documents + len(self.failed)} inputs in {self.elapsed:.1f} s, {self.rate:.1f} docs/s; "
                f"pipeline: {self.pipeline})")

    def to_dict(self) -> dict[str, Any]:
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "failed": [{"origin": e.doc, "line": e.line, "stage": e.stage, "reason": e.reason}
                           for e in self.failed],
                "near_duplicates": [list(t) for t in self.near_duplicates], "warnings": self.warnings,
                "pipeline": self.pipeline, "pipeline_failed": self.pipeline_failed, "elapsed": self.elapsed, "interrupted": self.interrupted}


# ================================================================== inputs

@dataclass
class _Source:
    kind: str                  # file | stdin | url
    origin: str                # path as shown, "stdin", or the URL
    path: Path | None = None
    doc_id: str = ""
    fmt: str = "txt"


def _short_hash(s: str, n: int = 8) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:n]


def expand_inputs(paths: Iterable[str | Path], report: IngestReport) -> list[_Source]:
    """Resolve the command-line inputs into sources (folders recursively, sorted)."""
    sources: list[_Source] = []
    seen_files: set[Path] = set()
    for p in paths:
        ps = str(p)
        if ps == "-":
            sources.append(_Source("stdin", "stdin", fmt="auto"))
            continue
        if re.match(r"^https?://", ps, re.I):
            sources.append(_Source("url", ps, doc_id=ps, fmt="auto"))
            continue
        path = Path(ps)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*")
                           if f.is_file() and f.suffix.lower() in EXTENSIONS
                           and not any(part.startswith(".") for part in f.relative_to(path).parts))
        elif path.exists():
            files = [path]
        else:
            err = SukienError("no such file, folder or URL", doc=ps, stage="read")
            report.failed.append(err)
            continue
        for f in files:
            key = f.resolve()
            if key in seen_files:
                continue
            seen_files.add(key)
            sources.append(_Source("file", str(f), path=f, doc_id=f.name,
                                   fmt=EXTENSIONS.get(f.suffix.lower(), "auto")))
    # two different files with one name: the later one gets a deterministic suffix
    taken: dict[str, _Source] = {}
    for src in sources:
        if src.kind != "file" or src.fmt == "jsonl":
            continue
        if src.doc_id in taken:
            new_id = f"{src.doc_id}~{_short_hash(str(src.path))}"
            msg = (f"{src.origin}: file name {src.doc_id!r} is also used by {taken[src.doc_id].origin}; "
                   f"stored as document id {new_id!r}")
            report.warnings.append(msg)
            log.warning(msg)
            src.doc_id = new_id
        taken[src.doc_id] = src
    return sources




def _jsonl_lines(path: Path) -> Iterator[bytes]:
    """The lines of a JSONL file as UTF-8 bytes, streamed (a batch file may be far bigger than
    memory should hold); UTF-16/32 files (with a BOM) are decoded whole and re-encoded."""
    with open(path, "rb") as fh:
        head = fh.read(4)
        fh.seek(0)
        if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
            text, _ = decode_bytes(fh.read(), str(path))
            yield from (ln.encode("utf-8") for ln in text.splitlines())
            return
        yield from fh


def _jsonl_records(lines: Iterable[bytes], origin: str, cfg: Config,
                   hash_ids: bool = False) -> Iterator[RawInput | SukienError]:
    """One ``RawInput`` (or ``SukienError``) per non-empty line. A record without ``id`` and
    ``url`` gets ``<file name>:<line>`` as id, or with ``hash_ids`` ``<origin>-<sha1(text)[:12]>``."""
    any_line = False
    try:
        for lineno, raw in enumerate(lines, 1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            any_line = True
            yield from _jsonl_record(raw, lineno, origin, cfg, hash_ids)
    except SukienError as exc:
        yield exc
        return
    if not any_line:
        yield SukienError("empty input (no text)", doc=origin, stage="read")


def _jsonl_record(raw: bytes, lineno: int, origin: str, cfg: Config,
                  hash_ids: bool = False) -> Iterator[RawInput | SukienError]:
    def err(reason: str) -> SukienError:
        return SukienError(reason, doc=origin, line=lineno, stage="read")
    if len(raw) > cfg.max_bytes:
        yield err(f"record is over the size cap of {cfg.max_bytes:,} bytes (Config.max_bytes)")
        return
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield err(f"not valid UTF-8 at byte {exc.start} (JSON Lines must be UTF-8)")
        return
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        yield err(f"malformed JSON: {exc.msg} at column {exc.colno}")
        return
    if not isinstance(rec, dict):
        yield err("a JSONL line must be a JSON object")
        return
    body, markup = rec.get("text"), rec.get("html")
    if not (isinstance(body, str) and body.strip()) and not (isinstance(markup, str) and markup.strip()):
        yield err("record has neither a non-empty 'text' nor 'html' field")
        return
    content = body if isinstance(body, str) and body.strip() else markup
    fallback = f"{origin}-{_short_hash(content, 12)}" if hash_ids else f"{Path(origin).name}:{lineno}"
    doc_id = rec.get("id") if rec.get("id") not in (None, "") else (rec.get("url") or fallback)
    meta = {k: rec.get(k) for k in ("url", "title", "pub_date", "outlet") if rec.get(k) not in (None, "")}
    yield RawInput(doc_id=str(doc_id), origin=f"{origin}:{lineno}",
                   text=body if isinstance(body, str) and body.strip() else None,
                   html=markup if not (isinstance(body, str) and body.strip()) else None,
                   fmt="jsonl", meta=meta)


def fetch_url(url: str, cfg: Config, client=None) -> RawInput:
    """Download ``url`` (timeout and size cap from ``cfg``). Raises ``SukienError`` with a clear
    reason when offline / unreachable / HTTP error / too large."""
    import httpx

    def fail(reason: str) -> SukienError:
        return SukienError(reason, doc=url, stage="fetch")

    own = client is None
    if own:
        from . import __version__
        client = httpx.Client(timeout=cfg.url_timeout, follow_redirects=True,
                              headers={"User-Agent": f"sukien/{__version__}"})
    try:
        with client.stream("GET", url) as r:
            if r.status_code >= 400:
                raise fail(f"HTTP {r.status_code} {r.reason_phrase}")
            declared = r.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > cfg.url_max_bytes:
                raise fail(f"response is {int(declared):,} bytes, over the cap of {cfg.url_max_bytes:,} bytes")
            buf = bytearray()
            for chunk in r.iter_bytes():
                buf += chunk
                if len(buf) > cfg.url_max_bytes:
                    raise fail(f"response is over the cap of {cfg.url_max_bytes:,} bytes (Config.url_max_bytes)")
            ctype = r.headers.get("content-type", "").lower()
            final_url = str(r.url)
    except httpx.ConnectError as exc:
        raise fail(f"cannot connect (offline, or the host is unreachable): {exc}") from None
    except httpx.TimeoutException:
        raise fail(f"no response within {cfg.url_timeout:g} s (timeout)") from None
    except httpx.HTTPError as exc:
        raise fail(f"download failed: {exc.__class__.__name__}: {exc}") from None
    finally:
        if own:
            client.close()
    data = bytes(buf)
    charset = re.search(r"charset=([\w-]+)", ctype)
    fmt = "html" if "html" in ctype else ("md" if "markdown" in ctype else "auto")
    meta = {"fetched_url": final_url, "charset": charset.group(1) if charset else None}
    return RawInput(doc_id=url, origin=url, data=data, fmt=fmt, meta=meta)


def _iter_raw(src: _Source, cfg: Config, stdin: BinaryIO | None, http_client) -> Iterator[RawInput | SukienError]:
    if src.kind == "url":
        try:
            yield fetch_url(src.origin, cfg, http_client)
        except SukienError as exc:
            yield exc
        return
    if src.kind == "stdin":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(cfg.max_bytes * 64 + 1)
        try:
            sniff = data[:4000].decode("utf-8", errors="replace")
        except Exception:  # noqa: BLE001
            sniff = ""
        fmt = sniff_format(sniff)
        if fmt == "jsonl":
            yield from _jsonl_records(data.splitlines(), "stdin", cfg)
            return
        if len(data) > cfg.max_bytes:
            yield SukienError(f"input is over the size cap of {cfg.max_bytes:,} bytes (Config.max_bytes)",
                              doc="stdin", stage="read")
            return
        yield RawInput(doc_id=f"stdin-{hashlib.sha256(data).hexdigest()[:12]}", origin="stdin", data=data, fmt=fmt)
        return
    path = src.path
    assert path is not None
    if src.fmt == "jsonl":
        try:
            yield from _jsonl_records(_jsonl_lines(path), src.origin, cfg)
        except OSError as exc:
            yield SukienError(f"cannot read: {exc.strerror or exc}", doc=src.origin, stage="read")
        return
    try:
        size = path.stat().st_size
        if size > cfg.max_bytes:
            yield SukienError(f"file is {size:,} bytes, over the size cap of {cfg.max_bytes:,} bytes "
                              "(Config.max_bytes)", doc=src.origin, stage="read")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield SukienError(f"cannot read: {exc.strerror or exc}", doc=src.origin, stage="read")
        return
    yield RawInput(doc_id=src.doc_id, origin=src.origin, data=data, fmt=src.fmt)


def count_inputs(sources: list[_Source]) -> int | None:
    total = 0
    for s in sources:
        if s.kind == "file" and s.fmt == "jsonl":
            try:
                with open(s.path, "rb") as fh:
                    total += sum(1 for ln in fh if ln.strip())
            except OSError:
                total += 1
        elif s.kind == "stdin":
            return None
        else:
            total += 1
    return total


# ================================================================== documents

def _clean_module():
    try:
        return importlib.import_module("sukien.clean")
    except ModuleNotFoundError as exc:
        if exc.name != "sukien.clean":
            raise
        return None


def build_document(raw: RawInput, cfg: Config) -> tuple[Document, str | None]:
    """Decode a raw input into a ``Document`` (text layer + content hash). Returns the document
    and the HTML source when the input is HTML."""
    html_src: str | None = None
    raw_bytes: bytes | None = None
    encoding = "utf-8"
    fmt = raw.fmt
    if raw.data is not None:
        charset = (raw.meta or {}).get("charset")
        text = None
        if charset:
            try:
                text, encoding = raw.data.decode(charset), charset
                if not text.strip():
                    raise SukienError("empty input (no text)", doc=raw.origin, stage="decode")
                if detect_legacy_encoding(text):
                    raise SukienError(LEGACY_MESSAGE, doc=raw.origin, stage="decode")
            except (LookupError, UnicodeDecodeError):
                text = None
        if text is None:
            text, encoding = decode_bytes(raw.data, raw.origin, max_bytes=cfg.max_bytes)
        if fmt == "auto":
            fmt = sniff_format(text)
            if fmt == "jsonl":
                fmt = "txt"
        if fmt == "html":
            html_src, raw_bytes = text, raw.data
        elif encoding not in ("utf-8", "utf-8-sig"):
            raw_bytes = raw.data          # keep the original bytes when they are not the text layer
    elif raw.html is not None:
        html_src = raw.html
        raw_bytes = raw.html.encode("utf-8")
        if len(raw_bytes) > cfg.max_bytes:
            raise SukienError(f"HTML is over the size cap of {cfg.max_bytes:,} bytes (Config.max_bytes)",
                              doc=raw.origin, stage="read")
    else:
        text = raw.text or ""
        if len(text) > cfg.max_bytes // 4 and len(text.encode("utf-8")) > cfg.max_bytes:
            raise SukienError(f"text is over the size cap of {cfg.max_bytes:,} bytes (Config.max_bytes)",
                              doc=raw.origin, stage="read")
        if detect_legacy_encoding(text):
            raise SukienError(f"{LEGACY_MESSAGE} ({detect_legacy_encoding(text)})", doc=raw.origin, stage="decode")
    if html_src is not None:
        clean = _clean_module()
        if clean is None or not hasattr(clean, "html_to_text"):
            raise SukienError("HTML input needs sukien.clean.html_to_text, which is not available",
                              doc=raw.origin, stage="clean")
        if detect_legacy_encoding(html_src):
            raise SukienError(LEGACY_MESSAGE, doc=raw.origin, stage="decode")
        text = clean.html_to_text(html_src)
    if not text.strip():
        raise SukienError("empty document: no text", doc=raw.origin, stage="decode")
    doc = Document(doc_id=raw.doc_id, text=text, fmt=fmt, origin=raw.origin, raw=raw_bytes, encoding=encoding,
                   content_hash=content_hash(text, raw))
    return doc, html_src


def content_hash(text: str, raw: RawInput | None = None) -> str:
    """sha256 of the text layer; with explicit metadata (JSONL fields, API parameters) also of
    that metadata (``pub_date`` normalized to ISO), so correcting it makes a new version. Without
    explicit metadata the hash is that of the text alone (as in databases stored before)."""
    h = hashlib.sha256(text.encode("utf-8"))
    meta = explicit_meta(raw) if raw is not None else {}
    if meta:
        if "pub_date" in meta:
            meta["pub_date"] = parse_date_value(meta["pub_date"]) or str(meta["pub_date"])
        h.update(b"\x00meta\x00" + json.dumps({k: str(v) for k, v in meta.items()}, sort_keys=True,
                                               ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def prepare_document(raw: RawInput, cfg: Config, res: Resources,
                     known_hash: Callable[[str], str | None] | None = None,
                     known_text: Callable[[str], str | None] | None = None) -> tuple[Document, bool]:
    """Decode, clean and read metadata. Returns (doc, unchanged); when ``known_hash(doc_id)``
    equals the new content hash, cleaning is skipped and ``unchanged`` is True. An input with no
    explicit metadata whose text equals ``known_text(doc_id)`` is unchanged too (the metadata
    stated with an earlier version is kept, not erased)."""
    doc, html_src = build_document(raw, cfg)
    if _is_unchanged(doc, raw, known_hash, known_text):
        return doc, True
    return finish_document(doc, raw, html_src, res), False


def _is_unchanged(doc: Document, raw: RawInput, known_hash: Callable[[str], str | None] | None,
                  known_text: Callable[[str], str | None] | None) -> bool:
    if known_hash is None:
        return False
    previous = known_hash(doc.doc_id)
    return previous is not None and (previous == doc.content_hash or (
        known_text is not None and not explicit_meta(raw) and known_text(doc.doc_id) == doc.text))


def finish_document(doc: Document, raw: RawInput, html_src: str | None, res: Resources) -> Document:
    """Clean a built document and read its metadata (the pure part of ``prepare_document``)."""
    clean = _clean_module()
    if clean is not None and hasattr(clean, "clean_document"):
        try:
            doc = clean.clean_document(doc, res) or doc
        except SukienError:
            raise
        except Exception as exc:  # noqa: BLE001 - a cleaning bug must not stop the batch
            raise SukienError(f"cleaning failed: {exc.__class__.__name__}: {exc}", doc=raw.origin,
                              stage="clean") from exc
    cands = extract_metadata(doc, raw, html_src)
    exclude_spans(doc, cands.spans)
    return doc


# ================================================================== progress

class _Progress:
    def __init__(self, mode: str, total: int | None, log_every: int):
        if mode == "auto":
            mode = "bar" if sys.stderr.isatty() else "log"
        self.mode, self.total, self.log_every = mode, total, max(1, log_every)
        self.done = 0
        self.t0 = time.monotonic()
        self._bar = None
        if mode == "bar":
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                       TimeElapsedColumn)
            self._bar = Progress(SpinnerColumn(), TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[rate]:.1f} docs/s"), TimeElapsedColumn(),
                                 TextColumn("{task.fields[failed]} failed"),
                                 console=Console(stderr=True), transient=False)
            self._bar.start()
            self._task = self._bar.add_task("ingest", total=total, rate=0.0, failed=0)
        self.failed = 0

    def emit(self, msg: str, level: int = logging.WARNING) -> None:
        if self._bar is not None:
            self._bar.console.print(msg, markup=False, highlight=False)
        elif self.mode != "none" or level >= logging.WARNING:
            log.log(level, msg)

    def step(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        rate = self.done / max(1e-9, time.monotonic() - self.t0)
        if self._bar is not None:
            self._bar.update(self._task, advance=1, rate=rate, failed=self.failed)
        elif self.mode == "log" and self.done % self.log_every == 0:
            of = f"/{self.total}" if self.total else ""
            log.info("ingest: %d%s inputs (%.1f docs/s, %d failed)", self.done, of, rate, self.failed)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


# ================================================================== main entry point

def ingest_paths(paths: Iterable[str | Path], store: Store, res: Resources, *, progress: str = "auto",
                 stdin: BinaryIO | None = None, http_client=None, log_every: int = 500) -> IngestReport:
    """Ingest files, folders (recursive), ``-`` (stdin) and http(s) URLs into ``store``.

    ``progress``: "auto" (a Rich bar on a terminal, log lines otherwise), "bar", "log" or "none".
    Every document is stored atomically (group commit, one savepoint per document); failures
    are recorded and the batch goes on. After storing, runs ``sukien.pipeline.process`` on the new/changed (and not yet
    processed) documents when ``res.config.run_pipeline``. The inputs are read into
    ``RawInput``s lazily and go through the same core as ``ingest_raws``.
    """
    cfg = res.config
    report = IngestReport()
    t0 = time.monotonic()
    sources = expand_inputs(paths, report)
    for err in report.failed:
        store.record_error(err.doc or "", err.reason, line=err.line, stage=err.stage or "read")
        log.error("%s", err)
    raws = (raw for src in sources for raw in _iter_raw(src, cfg, stdin, http_client))
    return _ingest_stream(raws, store, res, report, t0, progress=progress, total=count_inputs(sources),
                          log_every=log_every)


def ingest_raws(raws: Iterable[RawInput | SukienError], store: Store, res: Resources, *, progress: str = "none",
                log_every: int = 500, total: int | None = None) -> IngestReport:
    """Ingest inputs already in memory (``models.RawInput``: bytes in ``data``, or decoded
    ``text``/``html``; ``fmt`` txt | md | html | jsonl | auto; explicit metadata in ``meta``).

    Validation, decoding, cleaning, metadata, near-duplicates, storing and the pipeline are
    exactly those of ``ingest_paths``. A ``RawInput`` with ``fmt="jsonl"`` and ``data`` is a
    JSON Lines stream: it is split into one record per line (bad lines are reported with their
    line number; a record without ``id``/``url`` gets ``<origin>-<sha1(text)[:12]>``). A
    ``SukienError`` in ``raws`` is recorded as a failed input.
    """
    report = IngestReport()
    t0 = time.monotonic()
    cfg = res.config

    def expand() -> Iterator[RawInput | SukienError]:
        for raw in raws:
            if isinstance(raw, RawInput) and raw.fmt == "jsonl" and raw.data is not None:
                yield from _jsonl_records(raw.data.splitlines(), raw.origin, cfg, hash_ids=True)
            else:
                yield raw
    return _ingest_stream(expand(), store, res, report, t0, progress=progress, total=total, log_every=log_every)


GROUP_MAX_DOCS = 200            # documents stored per transaction (group commit) at most ...
GROUP_MAX_SECONDS = 0.5         # ... and seconds a transaction stays open at most


@dataclass
class _Stored:
    """A document written in the open group transaction (kept until it is committed)."""
    doc: Document
    signature: tuple[str, bytes]
    links: list[tuple[str, float, str]]
    stage: str
    status: str


class _GroupCommit:
    """Many documents per transaction, each in its own savepoint: a document is stored whole or
    not at all (an error rolls back its savepoint only), a batch is committed whole or not at
    all, so a kill -9 leaves whole documents (whole batches) and a re-run completes the rest."""

    def __init__(self, store: Store, report: IngestReport, touched: list[str],
                 max_docs: int | None = None, max_seconds: float | None = None):
        self.store, self.report, self.touched = store, report, touched
        self.max_docs = GROUP_MAX_DOCS if max_docs is None else max_docs
        self.max_seconds = GROUP_MAX_SECONDS if max_seconds is None else max_seconds
        self.pending: list[_Stored] = []
        self.since: float | None = None          # monotonic time the open transaction began

    def put(self, doc: Document, signature: tuple[str, bytes], links: list[tuple[str, float, str]],
            stage: str) -> tuple[str, int]:
        """``Store.put_document`` inside the group transaction (opened on the first document)."""
        if self.since is None and not self.store.conn.in_transaction:
            self.store.begin()
            self.since = time.monotonic()
        with self.store.savepoint("doc"):
            status, version = self.store.put_document(doc, signature=signature, near_duplicates=links, stage=stage)
        if self.since is not None:
            self.pending.append(_Stored(doc, signature, links, stage, status))
        return status, version

    def due(self) -> bool:
        return self.since is not None and (len(self.pending) >= self.max_docs
                                           or time.monotonic() - self.since >= self.max_seconds)

    def commit(self) -> None:
        """Commit the open group; if the commit itself fails, store its documents one by one."""
        if self.since is None:
            return
        pending, self.pending, self.since = self.pending, [], None
        try:
            self.store.commit()
            return
        except Exception:  # noqa: BLE001 - e.g. disk full at commit: retry each document alone
            log.exception("group commit failed; storing its %d documents one by one", len(pending))
            self.store.rollback()
        for item in pending:
            try:
                self.store.put_document(item.doc, signature=item.signature, near_duplicates=item.links,
                                        stage=item.stage)
            except Exception as exc:  # noqa: BLE001 - report the document as failed, go on
                self._unreport(item.doc.doc_id, item.status)
                err = SukienError(f"internal error: {exc.__class__.__name__}: {exc}", doc=item.doc.origin,
                                  stage="store")
                self.report.failed.append(err)
                try:
                    self.store.record_error(item.doc.origin, err.reason, stage="store")
                except Exception:  # noqa: BLE001
                    log.exception("could not record the error")

    def _unreport(self, doc_id: str, status: str) -> None:
        lst = {"new": self.report.new, "updated": self.report.updated}.get(status)
        if lst is not None and doc_id in lst:
            lst.remove(doc_id)
        if doc_id in self.touched:
            self.touched.remove(doc_id)
        self.report.near_duplicates[:] = [t for t in self.report.near_duplicates if t[0] != doc_id]


def _ingest_stream(raws: Iterable[RawInput | SukienError], store: Store, res: Resources, report: IngestReport,
                   t0: float, *, progress: str, total: int | None, log_every: int) -> IngestReport:
    """The core shared by every entry point: documents stored in group transactions (each one
    atomic), then the pipeline."""
    index = NearDupIndex(store, res.config)
    bar = _Progress(progress, total, log_every)
    touched: list[str] = []
    group = _GroupCommit(store, report, touched)
    workers = max(1, int(getattr(res.config, "workers", 1) or 1))
    if workers > 1:        # decode, clean, metadata and signatures in worker processes
        from .ingest_workers import prepared_stream
        stream: Iterator[tuple[Any, Any]] = prepared_stream(raws, res.config, workers)
    else:
        stream = ((raw, None) for raw in raws)
    try:
        for raw, pre in stream:
            _ingest_one(raw, store, res, index, report, bar, touched, group, pre)
            if group.due():
                group.commit()
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        stream.close()                   # stops the worker processes
        try:
            group.commit()               # the whole documents stored so far (also when interrupted)
        except BaseException:
            store.rollback()
            raise
        finally:
            bar.stop()
            report.elapsed = time.monotonic() - t0
    if not report.interrupted:
        _run_pipeline(store, res, touched, report, progress)
    return report


def _ingest_one(raw: RawInput | SukienError, store: Store, res: Resources, index: NearDupIndex,
                report: IngestReport, bar: _Progress, touched: list[str], group: _GroupCommit,
                pre: Any = None) -> None:
    """Validate, prepare (or take what a worker prepared: ``ingest_workers.Prepared``), link and
    store one input; every failure is reported and recorded, the batch goes on."""
    try:
        if isinstance(raw, SukienError):
            raise raw
        if not isinstance(raw, RawInput):
            raise SukienError(f"not an input: {type(raw).__name__}", doc=str(raw)[:80], stage="read")
        if not str(raw.doc_id or "").strip():
            raise SukienError("input has no document id", doc=raw.origin or "?", stage="read")
        if raw.fmt not in FORMATS:
            raise SukienError(f"unknown format {raw.fmt!r} (use {', '.join(FORMATS)})", doc=raw.origin, stage="read")
        known: dict[str, str | None] = {}

        def known_hash(doc_id: str) -> str | None:
            known[doc_id] = h = store.current_hash(doc_id)
            return h
        known_text = lambda d: _stored_text_with_explicit_meta(store, d)  # noqa: E731
        if pre is None:
            doc, unchanged = prepare_document(raw, res.config, res, known_hash=known_hash, known_text=known_text)
        else:                            # the same steps, in the same order, on the worker's results
            pre.raise_build_error()
            doc = pre.built
            unchanged = _is_unchanged(doc, raw, known_hash, known_text)
            if not unchanged:
                pre.raise_finish_error()
                doc = pre.doc
        if unchanged:
            report.unchanged.append(doc.doc_id)
            touched.append(doc.doc_id)
            bar.step()
            return
        previous = known[doc.doc_id] if doc.doc_id in known else store.current_hash(doc.doc_id)
        if previous is not None:
            index.forget(doc.doc_id, store)
        mh = index.signature_of_copy(doc)
        if mh is None and pre is not None:
            pre.raise_signature_error()
            mh = index.from_bytes(pre.signature)
        elif mh is None:
            mh = index.signature(doc)
        links = index.candidates(doc, mh)
        cleaned = getattr(_clean_module(), "clean_document", None) is not None
        status, version = group.put(doc, (index.method, index.to_bytes(mh)), links,
                                    "cleaned" if cleaned else "ingested")
        index.add(doc, mh)
    except SukienError as err:
        report.failed.append(err)
        try:
            store.record_error(err.doc or "", err.reason, line=err.line, stage=err.stage or "ingest")
        except Exception:  # noqa: BLE001 - recording must not hide the original error
            log.exception("could not record the error")
        bar.emit(f"error: {err}")
        bar.step(failed=True)
        return
    except Exception as exc:  # noqa: BLE001 - an unexpected bug in one document must not stop the batch
        log.debug("unexpected error", exc_info=True)
        origin = raw.origin if isinstance(raw, RawInput) else str(raw)
        err = SukienError(f"internal error: {exc.__class__.__name__}: {exc}", doc=origin, stage="ingest")
        report.failed.append(err)
        try:
            store.record_error(origin, err.reason, stage="ingest")
        except Exception:  # noqa: BLE001
            log.exception("could not record the error")
        bar.emit(f"error: {err}")
        bar.step(failed=True)
        return
    {"new": report.new, "updated": report.updated, "unchanged": report.unchanged}[status].append(doc.doc_id)
    report.near_duplicates.extend((doc.doc_id, other, sim) for other, sim, _ in links)
    touched.append(doc.doc_id)
    if status == "updated":
        bar.emit(f"{doc.doc_id}: content changed, stored as version {version}", logging.INFO)
    bar.step()


def _stored_text_with_explicit_meta(store: Store, doc_id: str) -> str | None:
    """The stored text of ``doc_id`` when its current version came with explicit metadata (only
    then can its hash differ from an input with the same text and no metadata); else None."""
    row = store.document_row(doc_id)
    if not row or not any(row.get(f"{k}_source") in EXPLICIT_SOURCES for k in ("title", "pub_date", "outlet")):
        return None
    return store.version_text(doc_id, row["version"])


def _run_pipeline(store: Store, res: Resources, touched: list[str], report: IngestReport,
                  progress: str = "auto") -> None:
    if not res.config.run_pipeline:
        report.pipeline = "off"
        return
    try:
        pipeline = importlib.import_module("sukien.pipeline")
    except ModuleNotFoundError as exc:
        if exc.name != "sukien.pipeline":
            raise
        log.debug("sukien.pipeline is not available: language/event stages skipped")
        report.pipeline = "not available"
        return
    stages = store.document_stages()
    todo = list(dict.fromkeys(d for d in touched if stages.get(d) != "resolved"))
    if not todo:
        report.pipeline = "nothing to do"
        return
    kwargs = {}
    if "progress" in inspect.signature(pipeline.process).parameters:
        kwargs["progress"] = progress
    t0 = time.monotonic()
    try:
        stats = pipeline.process(store, res, todo, **kwargs)
        failed = list((stats or {}).get("failed") or []) if isinstance(stats, dict) else []
        report.pipeline_failed.extend(str(f) for f in failed)
        report.pipeline = (f"processed {len(todo)} documents in {time.monotonic() - t0:.1f} s"
                           + (f", {len(failed)} failed" if failed else ""))
    except SukienError as err:
        report.failed.append(err)
        store.record_error(err.doc or "pipeline", err.reason, line=err.line, stage=err.stage or "pipeline")
        report.pipeline = f"failed: {err}"
    except KeyboardInterrupt:
        report.interrupted = True
        report.pipeline = "interrupted"
    except Exception as exc:  # noqa: BLE001 - documents are stored; report the stage that broke
        log.exception("pipeline failed")
        err = SukienError(f"{exc.__class__.__name__}: {exc}", doc="pipeline", stage="pipeline")
        report.failed.append(err)
        store.record_error("pipeline", err.reason, stage="pipeline")
        report.pipeline = f"failed: {err.reason}"


__all__ = ["IngestReport", "ingest_paths", "ingest_raws", "content_hash", "decode_bytes", "detect_legacy_encoding",
           "extract_metadata", "build_document", "prepare_document", "fetch_url", "expand_inputs", "NearDupIndex",
           "exclude_spans", "parse_date_value", "iso_date", "outlet_from_url", "date_from_url", "LEGACY_MESSAGE"]
