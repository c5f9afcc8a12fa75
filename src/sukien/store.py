"""Storage: a small interface over an embedded SQLite database.

SQLite by default (one file, WAL, foreign keys, versioned migrations). All SQL
lives behind ``Store`` so another backend (PostgreSQL) can be added later by
implementing the same methods.

Migrations are ``migrations/NNN_name.sql`` files applied in order; the applied
version is kept in ``PRAGMA user_version``. Each migration runs in a transaction.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources as ilr
from pathlib import Path
from typing import Any, Iterable, Iterator

from .models import Document, MetaValue, RemovedSpan, Segment

SCHEMA_PACKAGE = "sukien.migrations"


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _migrations() -> list[tuple[int, str, str]]:
    out = []
    for entry in ilr.files(SCHEMA_PACKAGE).iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            out.append((int(name[:3]), name, entry.read_text(encoding="utf-8")))
    return sorted(out)


class Store:
    """SQLite-backed store. Use as a context manager or call ``close()``."""

    def __init__(self, path: str | Path, *, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        if read_only:
            uri = f"file:{Path(self.path).resolve()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            self.conn = sqlite3.connect(self.path, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA busy_timeout = 10000")
        if not read_only:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.migrate()

    # ------------------------------------------------------------ lifecycle
    def migrate(self) -> int:
        current = self.conn.execute("PRAGMA user_version").fetchone()[0]
        for version, name, sql in _migrations():
            if version <= current:
                continue
            with self.transaction():
                for stmt in _split_sql(sql):
                    self.conn.execute(stmt)
                self.conn.execute(f"PRAGMA user_version = {version}")
            current = version
        return current

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work: all of it is stored, or none of it."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()

    @contextmanager
    def savepoint(self, name: str = "unit") -> Iterator[sqlite3.Connection]:
        """A nested atomic unit inside an open transaction (a group commit): on an error only its
        own writes are undone and the error goes on; outside a transaction, ``transaction()``."""
        if not self.conn.in_transaction:
            with self.transaction() as c:
                yield c
            return
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
            raise
        else:
            self.conn.execute(f"RELEASE {name}")

    def begin(self) -> None:
        """Open a write transaction that the caller ends with ``commit()`` or ``rollback()``
        (group commit: many units, each in a ``savepoint``, stored together or not at all)."""
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------ documents
    # Downstream tables whose rows belong to one document version; replaced when the
    # document's content changes (the pipeline fills them again).
    DOWNSTREAM_TABLES = ("doc_analyses", "sentences", "mentions", "doc_events")   # doc_analyses: schema v3

    def current_hash(self, doc_id: str) -> str | None:
        row = self.conn.execute("SELECT content_hash FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def put_document(self, doc: Document, *, signature: tuple[str, bytes] | None = None,
                     near_duplicates: Iterable[tuple[str, float, str]] = (),
                     stage: str | None = None) -> tuple[str, int]:
        """Store ``doc`` with its segments, removed spans, signature and near-duplicate links in
        ONE transaction. Returns ``(status, version)``: status is "new", "updated" (content
        changed: a new version; the old one stays in document_versions and the document's
        downstream rows are dropped) or "unchanged" (same content hash: nothing is written).

        ``near_duplicates`` holds ``(other_doc_id, similarity, method)`` tuples.
        """
        if not doc.content_hash:
            raise ValueError("put_document: doc.content_hash is empty")
        stage = stage or ("cleaned" if doc.segments or doc.removed else "ingested")
        ts = now_iso()
        with self.transaction() as c:
            row = c.execute("SELECT version, content_hash, ingested_at FROM documents WHERE doc_id = ?",
                            (doc.doc_id,)).fetchone()
            if row is not None and row["content_hash"] == doc.content_hash:
                doc.version = row["version"]
                return "unchanged", row["version"]
            if row is None:
                status, version, first = "new", 1, ts
                prev = c.execute("SELECT MAX(version) FROM document_versions WHERE doc_id = ?",
                                 (doc.doc_id,)).fetchone()[0]
                if prev:  # versions survive a deleted document row: keep numbering going
                    version = prev + 1
            else:
                status, version, first = "updated", row["version"] + 1, row["ingested_at"]
                for table in self.DOWNSTREAM_TABLES:
                    c.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc.doc_id,))
                c.execute("DELETE FROM segments WHERE doc_id = ?", (doc.doc_id,))
                c.execute("DELETE FROM removed_spans WHERE doc_id = ?", (doc.doc_id,))
                c.execute("DELETE FROM doc_signatures WHERE doc_id = ?", (doc.doc_id,))
                c.execute("DELETE FROM near_duplicates WHERE doc_a = ? OR doc_b = ?", (doc.doc_id, doc.doc_id))
            doc.version = version
            meta = _meta_json(doc)
            c.execute(
                "INSERT INTO document_versions (doc_id, version, content_hash, text, raw, meta_json, ingested_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (doc.doc_id, version, doc.content_hash, doc.text, doc.raw, json.dumps(meta, ensure_ascii=False), ts))
            values = (version, doc.content_hash, doc.fmt, doc.origin, doc.encoding, doc.raw, doc.text,
                      *_mv(doc.title), *_mv(doc.pub_date), *_mv(doc.outlet)[:2],
                      doc.url.value if doc.url else None, stage, ts)
            if row is None:
                c.execute(
                    "INSERT INTO documents (version, content_hash, fmt, origin, encoding, raw, text,"
                    " title, title_source, title_conf, pub_date, pub_date_source, pub_date_conf,"
                    " outlet, outlet_source, url, stage, updated_at, ingested_at, doc_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, first, doc.doc_id))
            else:
                c.execute(
                    "UPDATE documents SET version = ?, content_hash = ?, fmt = ?, origin = ?, encoding = ?,"
                    " raw = ?, text = ?, title = ?, title_source = ?, title_conf = ?, pub_date = ?,"
                    " pub_date_source = ?, pub_date_conf = ?, outlet = ?, outlet_source = ?, url = ?,"
                    " stage = ?, updated_at = ?, anchor_date = NULL, anchor_source = NULL, anchor_conf = NULL"
                    " WHERE doc_id = ?", (*values, doc.doc_id))
            d = doc.doc_id
            self._insert_rows("INSERT INTO segments (doc_id, idx, start, end, role) VALUES ", 5,
                              [x for i, s in enumerate(doc.segments) for x in (d, i, s.start, s.end, s.role)])
            self._insert_rows("INSERT INTO removed_spans (doc_id, start, end, reason) VALUES ", 4,
                              [x for r in doc.removed for x in (d, r.start, r.end, r.reason)])
            if signature is not None:
                c.execute("INSERT OR REPLACE INTO doc_signatures (doc_id, method, sig) VALUES (?, ?, ?)",
                          (doc.doc_id, signature[0], signature[1]))
            self._link_many(doc.doc_id, near_duplicates)
        return status, version

    def _link_many(self, a: str, links: Iterable[tuple[str, float, str]]) -> None:
        self._insert_rows("INSERT OR REPLACE INTO near_duplicates (doc_a, doc_b, similarity, method) VALUES ", 4,
                          [x for b, sim, method in links if b != a for x in (*sorted((a, b)), float(sim), method)])

    _ROWS_PER_INSERT = 100

    def _insert_rows(self, head: str, ncols: int, flat: list[Any]) -> None:
        """INSERT ``flat`` (rows of ``ncols`` values, one after the other) with multi-row VALUES
        statements of up to ``_ROWS_PER_INSERT`` rows: the rows of one executemany, in the same
        order, with fewer statement steps."""
        step = self._ROWS_PER_INSERT * ncols
        row = "(" + ", ".join("?" * ncols) + ")"
        for at in range(0, len(flat), step):
            part = flat[at:at + step]
            self.conn.execute(head + ", ".join([row] * (len(part) // ncols)), part)

    def _link(self, a: str, b: str, similarity: float, method: str) -> None:
        self._link_many(a, [(b, similarity, method)])

    def link_near_duplicates(self, a: str, b: str, similarity: float, method: str) -> None:
        with self.transaction():
            self._link(a, b, similarity, method)

    def get_document(self, doc_id: str, *, with_raw: bool = False) -> Document | None:
        row = self.conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        return Document(
            doc_id=row["doc_id"], text=row["text"], fmt=row["fmt"], origin=row["origin"],
            raw=row["raw"] if with_raw else None, encoding=row["encoding"] or "",
            title=_to_mv(row["title"], row["title_source"], row["title_conf"]),
            pub_date=_to_mv(row["pub_date"], row["pub_date_source"], row["pub_date_conf"]),
            outlet=_to_mv(row["outlet"], row["outlet_source"], 1.0),
            url=_to_mv(row["url"], "stored", 1.0),
            segments=self.segments(doc_id), removed=self.removed_spans(doc_id),
            content_hash=row["content_hash"], version=row["version"])

    def document_row(self, doc_id: str) -> dict[str, Any] | None:
        """The documents row as a dict (without text/raw) — stage, anchor, timestamps."""
        row = self.conn.execute(
            "SELECT doc_id, version, content_hash, fmt, origin, encoding, title, title_source, title_conf,"
            " pub_date, pub_date_source, pub_date_conf, outlet, outlet_source, url, anchor_date,"
            " anchor_source, anchor_conf, stage, ingested_at, updated_at FROM documents WHERE doc_id = ?",
            (doc_id,)).fetchone()
        return dict(row) if row else None

    def list_documents(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Document summaries (no text), ordered by publication date then id."""
        sql = ("SELECT doc_id, version, fmt, origin, title, title_source, pub_date, pub_date_source,"
               " pub_date_conf, outlet, outlet_source, url, stage, ingested_at, updated_at, length(text) AS chars"
               " FROM documents ORDER BY pub_date IS NULL, pub_date, doc_id")
        params: tuple = ()
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = (limit, offset)
        return [dict(r) for r in self.conn.execute(sql, params)]

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT doc_id FROM documents ORDER BY doc_id")]

    def document_stages(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT doc_id, stage FROM documents")}

    def document_hashes(self) -> list[tuple[str, str]]:
        """(doc_id, content_hash) in first-ingested order."""
        return [(r[0], r[1]) for r in self.conn.execute(
            "SELECT doc_id, content_hash FROM documents ORDER BY ingested_at, rowid")]

    def docs_with_hash(self, content_hash: str) -> list[str]:
        """Documents whose current version has this content hash (uses the versions hash index)."""
        return [r[0] for r in self.conn.execute(
            "SELECT v.doc_id FROM document_versions v JOIN documents d"
            " ON d.doc_id = v.doc_id AND d.version = v.version WHERE v.content_hash = ?"
            " ORDER BY d.ingested_at, d.rowid", (content_hash,))]

    def versions(self, doc_id: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT doc_id, version, content_hash, meta_json, ingested_at, length(text) AS chars"
            " FROM document_versions WHERE doc_id = ? ORDER BY version", (doc_id,))
        return [dict(r) | {"meta": json.loads(r["meta_json"])} for r in rows]

    def version_text(self, doc_id: str, version: int) -> str | None:
        row = self.conn.execute("SELECT text FROM document_versions WHERE doc_id = ? AND version = ?",
                                (doc_id, version)).fetchone()
        return row[0] if row else None

    def set_stage(self, doc_ids: Iterable[str], stage: str) -> None:
        with self.transaction() as c:
            c.executemany("UPDATE documents SET stage = ?, updated_at = ? WHERE doc_id = ?",
                          [(stage, now_iso(), d) for d in doc_ids])

    def segments(self, doc_id: str) -> list[Segment]:
        return [Segment(r[0], r[1], r[2]) for r in self.conn.execute(
            "SELECT start, end, role FROM segments WHERE doc_id = ? ORDER BY idx", (doc_id,))]

    def removed_spans(self, doc_id: str) -> list[RemovedSpan]:
        return [RemovedSpan(r[0], r[1], r[2]) for r in self.conn.execute(
            "SELECT start, end, reason FROM removed_spans WHERE doc_id = ? ORDER BY start, end", (doc_id,))]

    def signature(self, doc_id: str) -> tuple[str, bytes] | None:
        row = self.conn.execute("SELECT method, sig FROM doc_signatures WHERE doc_id = ?", (doc_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def signatures(self) -> Iterator[tuple[str, str, bytes]]:
        """(doc_id, method, signature bytes) for every stored document."""
        yield from ((r[0], r[1], r[2]) for r in self.conn.execute(
            "SELECT s.doc_id, s.method, s.sig FROM doc_signatures s JOIN documents d ON d.doc_id = s.doc_id"
            " ORDER BY d.ingested_at, d.rowid"))

    def replace_signatures(self, rows: Iterable[tuple[str, str, bytes]]) -> None:
        """Store ``(doc_id, method, signature bytes)`` in place of the documents' signatures."""
        self.conn.executemany("INSERT OR REPLACE INTO doc_signatures (doc_id, method, sig) VALUES (?, ?, ?)",
                              list(rows))

    def texts_and_segments(self, doc_ids: Iterable[str]) -> Iterator[tuple[str, str, list[tuple[int, int]]]]:
        """``(doc_id, text, [(start, end) of each kept segment, in order])`` of the current
        versions of ``doc_ids`` (those that exist), in ``doc_ids`` order."""
        ids = list(doc_ids)
        for at in range(0, len(ids), 500):
            part = ids[at:at + 500]
            marks = ", ".join("?" * len(part))
            texts = dict(self.conn.execute(f"SELECT doc_id, text FROM documents WHERE doc_id IN ({marks})", part))
            spans: dict[str, list[tuple[int, int]]] = {}
            for d, a, b in self.conn.execute(
                    f"SELECT doc_id, start, end FROM segments WHERE doc_id IN ({marks}) ORDER BY doc_id, idx", part):
                spans.setdefault(d, []).append((a, b))
            yield from ((d, texts[d], spans.get(d, [])) for d in part if d in texts)

    def near_duplicates(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        if doc_id is None:
            rows = self.conn.execute("SELECT * FROM near_duplicates ORDER BY doc_a, doc_b")
        else:
            rows = self.conn.execute(
                "SELECT * FROM near_duplicates WHERE doc_a = ? OR doc_b = ? ORDER BY similarity DESC, doc_a, doc_b",
                (doc_id, doc_id))
        return [dict(r) for r in rows]

    def record_error(self, origin: str, reason: str, *, line: int | None = None, stage: str = "ingest") -> None:
        with self.transaction() as c:
            c.execute("INSERT INTO ingest_errors (origin, line, stage, reason, at) VALUES (?, ?, ?, ?, ?)",
                      (origin, line, stage, reason, now_iso()))

    def errors(self, *, limit: int = 100) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute(
            "SELECT id, origin, line, stage, reason, at FROM ingest_errors ORDER BY id DESC LIMIT ?", (limit,))]

    def status_counts(self) -> dict[str, Any]:
        """Counts per stage for ``sukien status``."""
        q = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        by_stage = {r[0]: r[1] for r in self.conn.execute(
            "SELECT stage, COUNT(*) FROM documents GROUP BY stage ORDER BY stage")}
        return {
            "documents": q("SELECT COUNT(*) FROM documents"),
            "documents_by_stage": by_stage,
            "versions": q("SELECT COUNT(*) FROM document_versions"),
            "segments": q("SELECT COUNT(*) FROM segments"),
            "removed_spans": q("SELECT COUNT(*) FROM removed_spans"),
            "near_duplicate_links": q("SELECT COUNT(*) FROM near_duplicates"),
            # language rows: compact per-document rows (schema v3) + rows of earlier versions
            "sentences": q("SELECT COALESCE(SUM(n_sentences), 0) FROM doc_analyses") + q("SELECT COUNT(*) FROM sentences"),
            "mentions": q("SELECT COALESCE(SUM(n_mentions), 0) FROM doc_analyses") + q("SELECT COUNT(*) FROM mentions"),
            "doc_events": q("SELECT COUNT(*) FROM doc_events"),
            "events": q("SELECT COUNT(*) FROM events"),
            "errors": q("SELECT COUNT(*) FROM ingest_errors"),
        }

    def integrity_problems(self) -> list[str]:
        """Consistency checks used after an interrupted run (and by tests)."""
        out = [r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        out += [f"foreign key: {tuple(r)}" for r in self.conn.execute("PRAGMA foreign_key_check")]
        for r in self.conn.execute(
                "SELECT d.doc_id FROM documents d LEFT JOIN document_versions v"
                " ON v.doc_id = d.doc_id AND v.version = d.version AND v.content_hash = d.content_hash"
                " WHERE v.doc_id IS NULL"):
            out.append(f"document {r[0]}: current version missing from document_versions")
        return out

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _mv(mv: MetaValue | None) -> tuple[Any, str | None, float | None]:
    if mv is None or mv.value in (None, ""):
        return None, None, None
    return mv.value, mv.source, mv.confidence


def _to_mv(value: Any, source: str | None, conf: float | None) -> MetaValue | None:
    if value is None:
        return None
    return MetaValue(value, source or "", 1.0 if conf is None else conf)


def _meta_json(doc: Document) -> dict[str, Any]:
    out: dict[str, Any] = {"fmt": doc.fmt, "origin": doc.origin, "encoding": doc.encoding}
    for name in ("title", "pub_date", "outlet", "url"):
        mv = getattr(doc, name)
        if mv is not None:
            out[name] = {"value": mv.value, "source": mv.source, "confidence": mv.confidence}
    return out


def _split_sql(sql: str) -> list[str]:
    """Split a migration file into statements (no semicolons inside literals in our files)."""
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    parts = [p.strip() for p in "\n".join(lines).split(";")]
    return [p for p in parts if p]
