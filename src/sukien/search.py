"""Full-text search over events and documents (SQLite FTS5, BM25 ranking).

Search is accent- and tone-placement-insensitive: both the indexed text and the
query go through :func:`sukien.textnorm.fold` (lower case, diacritics removed,
``đ`` → ``d``), so "dien dam" finds "điện đàm" and "hoà" finds "hòa".

What is indexed
* events: type, summary, participants, initiator, location, topics and every
  mention / evidence sentence (weighted: summary and participants count more);
* documents: title (weighted) and the kept text (cleaned segments; the whole
  text layer while a document has no segments yet).

The index is a *derived cache*: its tables (``search_events``, ``search_docs``,
``search_meta``) are created on demand by :func:`reindex`, never by a schema
migration, and can be dropped and rebuilt at any time. ``search_meta`` keeps a
signature per indexed row (``events.updated_at`` + size of ``data_json``;
``documents.content_hash`` + version + stage + ``updated_at``) so :func:`reindex`
is incremental: only rows whose signature changed are re-folded, and rows that
disappeared are removed.

Read-only databases: the index cannot be written into the file, so
:class:`SearchIndex` builds it in a private in-memory database instead (see
:meth:`SearchIndex.for_store`).
"""
from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from .textnorm import fold

# ----------------------------------------------------------------- folding

_WORD = re.compile(r"\w+", re.UNICODE)


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00), *range(0x0300, 0x0370)]:
        ch = chr(cp)
        f = fold(ch)
        if len(f) <= 1 and f != ch:
            table[cp] = f
    return table


_FOLD_TABLE = _build_fold_table()     # constant after import: precomposed Latin letter → folded letter


def fast_fold(text: str) -> str:
    """``textnorm.fold`` at C speed (``str.translate``) for NFC text; same result as ``fold``."""
    if not unicodedata.is_normalized("NFC", text):
        return fold(text)
    return text.translate(_FOLD_TABLE).lower()


def fold_aligned(text: str) -> str:
    """``fold`` with exactly ``len(text)`` characters, so offsets map one to one.

    Used to find a folded query term in a folded text and map the match back to the
    original (for highlighted snippets). NFC text folds to the same length already; in
    the rare other case (NFD input, "İ") the text is folded character by character and a
    character whose fold is not one character is kept lower-cased or as it is.
    """
    f = fast_fold(text)
    if len(f) == len(text):
        return f
    return "".join(_fold_char(ch) for ch in text)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    f = fold(ch)
    if len(f) == 1:
        return f
    low = ch.lower()
    return low if len(low) == 1 else ch


def query_terms(q: str) -> list[str]:
    """Folded word tokens of a user query ("Điện đàm, hoà!" → ["dien", "dam", "hoa"])."""
    return _WORD.findall(fast_fold(unicodedata.normalize("NFC", q or "")))


def _fts_query(terms: list[str], op: str = "AND") -> str:
    # Every term is quoted: FTS5 operators/column filters in user input are inert.
    return f" {op} ".join('"' + t.replace('"', '""') + '"' for t in terms)


# ----------------------------------------------------------------- schema

_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS {s}.search_events USING fts5(
    event_id UNINDEXED, head, body, tokenize = 'unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS {s}.search_docs USING fts5(
    doc_id UNINDEXED, title, body, tokenize = 'unicode61');
CREATE TABLE IF NOT EXISTS {s}.search_meta (
    kind  TEXT NOT NULL,          -- event | doc
    id    TEXT NOT NULL,
    sig   TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
"""

# column weights for bm25(): (id, head/title, body)
_EVENT_WEIGHTS = (0.0, 4.0, 1.0)
_DOC_WEIGHTS = (0.0, 3.0, 1.0)

_EVENT_SIG = "e.updated_at || '|' || length(e.data_json) || '|' || coalesce(e.summary, '')"
_DOC_SIG = ("d.content_hash || '|' || d.version || '|' || d.stage || '|' || d.updated_at"
            " || '|' || coalesce(d.title, '')")


@dataclass
class Hit:
    kind: str                     # "event" | "document"
    id: str
    score: float                  # bm25 (lower = better, as SQLite returns it)
    snippet: list[tuple[str, bool]] = field(default_factory=list)   # (text, is_match) pieces

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "score": float(f"{self.score:.6g}"),
                "snippet": "".join(t for t, _ in self.snippet),
                "highlights": [t for t, m in self.snippet if m]}


class SearchIndex:
    """An FTS5 index over one store's events and documents.

    ``conn`` is where the index tables live: the store's own connection (persistent
    index in the database file) or a private in-memory connection (read-only store).
    """

    def __init__(self, store, conn: sqlite3.Connection | None = None,
                 query_conn: sqlite3.Connection | None = None):
        self.store = store
        self.src: sqlite3.Connection = store.conn          # events / documents are read here
        self.conn: sqlite3.Connection = conn if conn is not None else store.conn   # index lives here
        self.qconn: sqlite3.Connection = query_conn if query_conn is not None else self.conn
        self.persistent = conn is None
        self.frozen = False              # True: the up-to-date index in a read-only file, used as it is
        self._seen_version: int | None = None
        if self.persistent and getattr(store, "read_only", False):
            self.frozen = True           # cannot write: for_store() only builds this when tables exist
        else:
            self._ensure_schema()

    # -------------------------------------------------------------- construction
    @classmethod
    def for_store(cls, store) -> "SearchIndex":
        """The index of ``store``: persistent when the store is writable. For a read-only store,
        the index already in the file when there is one (used while it is up to date: the first
        :meth:`refresh` that finds a change moves to memory), else one built in memory."""
        if getattr(store, "read_only", False):
            names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if {"search_events", "search_docs", "search_meta"} <= names:
                return cls(store)
            return cls(store, _memory_conn())
        return cls(store)

    def _to_memory(self) -> None:
        self.conn = self.qconn = _memory_conn()
        self.persistent = self.frozen = False
        self._ensure_schema()

    def _ensure_schema(self) -> None:
        sql = _SCHEMA.format(s="main")
        if self.persistent and self.conn.in_transaction:
            for stmt in filter(None, (x.strip() for x in sql.split(";"))):
                self.conn.execute(stmt)
            return
        with self.conn:
            for stmt in filter(None, (x.strip() for x in sql.split(";"))):
                self.conn.execute(stmt)

    # -------------------------------------------------------------- staleness
    def data_version(self) -> int:
        """``PRAGMA data_version`` of the source connection: it changes whenever *another*
        connection (another process, the server's writer) commits to the database."""
        return self.src.execute("PRAGMA data_version").fetchone()[0]

    def is_stale(self) -> bool:
        """True when another connection committed since the last refresh (or never refreshed).

        Writes made through the source connection itself are not seen here: whoever makes
        them calls :meth:`refresh` afterwards (the server does after every POST)."""
        return self._seen_version is None or self._seen_version != self.data_version()

    def refresh_if_stale(self) -> dict[str, int] | None:
        if not self.is_stale():
            return None
        return self.refresh()

    # -------------------------------------------------------------- (re)indexing
    def _existing_tables(self) -> set[str]:
        rows = self.src.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        return {r[0] for r in rows}

    def refresh(self, *, full: bool = False) -> dict[str, int]:
        """Bring the index up to date with the store (incremental unless ``full``)."""
        if full and self.frozen:
            self._to_memory()
        if full:
            with self.conn:
                self.conn.execute("DELETE FROM search_events")
                self.conn.execute("DELETE FROM search_docs")
                self.conn.execute("DELETE FROM search_meta")
        seen = self.data_version()          # read first: a commit during the refresh re-stales
        tables = self._existing_tables()
        ev_sigs = self._source_sigs("event") if "events" in tables else {}
        doc_sigs = self._source_sigs("doc") if "documents" in tables else {}
        old = {(k, i): s for k, i, s in self.conn.execute("SELECT kind, id, sig FROM search_meta")}
        stats = {"events": 0, "documents": 0, "removed": 0}
        changed_ev = [i for i, s in ev_sigs.items() if old.get(("event", i)) != s]
        changed_doc = [i for i, s in doc_sigs.items() if old.get(("doc", i)) != s]
        gone = [(k, i) for (k, i) in old if (ev_sigs if k == "event" else doc_sigs).get(i) is None]
        if self.frozen:
            if changed_ev or changed_doc or gone:     # the file's index is behind: rebuild in memory
                self._to_memory()
                return self.refresh()
            self._seen_version = seen
            return stats
        ev_rows = self._event_rows(changed_ev)
        doc_rows = self._doc_rows(changed_doc)
        ctx = self.conn if not self.conn.in_transaction else _nullctx()
        with ctx:
            for kind, i in gone:
                self._delete(kind, i)
                stats["removed"] += 1
            for eid, head, body in ev_rows:
                self._delete("event", eid)
                self.conn.execute("INSERT INTO search_events(event_id, head, body) VALUES (?, ?, ?)",
                                  (eid, head, body))
                self.conn.execute("INSERT OR REPLACE INTO search_meta(kind, id, sig) VALUES ('event', ?, ?)",
                                  (eid, ev_sigs[eid]))
                stats["events"] += 1
            for did, title, body in doc_rows:
                self._delete("doc", did)
                self.conn.execute("INSERT INTO search_docs(doc_id, title, body) VALUES (?, ?, ?)",
                                  (did, title, body))
                self.conn.execute("INSERT OR REPLACE INTO search_meta(kind, id, sig) VALUES ('doc', ?, ?)",
                                  (did, doc_sigs[did]))
                stats["documents"] += 1
        self._seen_version = seen
        return stats

    def _delete(self, kind: str, i: str) -> None:
        if kind == "event":
            self.conn.execute("DELETE FROM search_events WHERE event_id = ?", (i,))
        else:
            self.conn.execute("DELETE FROM search_docs WHERE doc_id = ?", (i,))
        self.conn.execute("DELETE FROM search_meta WHERE kind = ? AND id = ?", (kind, i))

    def _source_sigs(self, kind: str) -> dict[str, str]:
        if kind == "event":
            q = f"SELECT e.event_id, {_EVENT_SIG} FROM events e"
        else:
            q = f"SELECT d.doc_id, {_DOC_SIG} FROM documents d"
        return {r[0]: r[1] for r in self.src.execute(q)}

    def _event_rows(self, ids: list[str]) -> Iterable[tuple[str, str, str]]:
        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            rows = self.src.execute(
                f"SELECT event_id, type, summary, data_json FROM events WHERE event_id IN ({marks})",
                chunk).fetchall()
            ev_sents: dict[str, list[str]] = {}
            for r in self.src.execute(
                    f"SELECT event_id, sentence, value FROM evidence WHERE event_id IN ({marks})"
                    " ORDER BY event_id, field, doc_id, start, end, rowid", chunk):
                ev_sents.setdefault(r[0], []).extend(x for x in (r[1], r[2]) if x)
            for eid, etype, summary, data_json in rows:
                yield (eid, *event_text(eid, etype, summary, data_json, ev_sents.get(eid, [])))

    def _doc_rows(self, ids: list[str]) -> Iterable[tuple[str, str, str]]:
        for chunk in _chunks(ids, 200):
            marks = ",".join("?" * len(chunk))
            segs: dict[str, list[tuple[int, int]]] = {}
            for r in self.src.execute(
                    f"SELECT doc_id, start, end FROM segments WHERE doc_id IN ({marks}) ORDER BY doc_id, idx",
                    chunk):
                segs.setdefault(r[0], []).append((r[1], r[2]))
            for did, title, text, outlet in self.src.execute(
                    f"SELECT doc_id, title, text, outlet FROM documents WHERE doc_id IN ({marks})", chunk):
                spans = segs.get(did)
                kept = "\n".join(text[s:e] for s, e in spans) if spans else text
                head = " ".join(x for x in (title, outlet, did) if x)
                yield did, fast_fold(head), fast_fold(kept)

    # -------------------------------------------------------------- queries
    def search(self, q: str, *, kinds: tuple[str, ...] = ("event", "document"),
               limit: int = 20, offset: int = 0) -> dict[str, Any]:
        """Ranked hits per kind: ``{"query", "terms", "events": [Hit], "documents": [Hit],
        "total_events", "total_documents", "mode"}``; mode is "all" (every term) or "any"."""
        terms = query_terms(q)
        out: dict[str, Any] = {"query": q, "terms": terms, "events": [], "documents": [],
                               "total_events": 0, "total_documents": 0, "mode": "all"}
        if not terms:
            return out
        for mode, op in (("all", "AND"), ("any", "OR")):
            if mode == "any" and len(terms) == 1:
                break
            out["mode"] = mode
            match = _fts_query(terms, op)
            phrase = _phrase_query(terms)
            if "event" in kinds:
                out["total_events"], out["events"] = self._query(
                    "search_events", "event_id", _EVENT_WEIGHTS, match, limit, offset, "event", phrase)
            if "document" in kinds:
                out["total_documents"], out["documents"] = self._query(
                    "search_docs", "doc_id", _DOC_WEIGHTS, match, limit, offset, "document", phrase)
            if out["total_events"] or out["total_documents"]:
                break
        return out

    def event_ids(self, q: str) -> list[str]:
        """Every event matching all terms of ``q``, best first (for the events list filter)."""
        terms = query_terms(q)
        if not terms:
            return []
        w = ", ".join(str(x) for x in _EVENT_WEIGHTS)
        rows = self.qconn.execute(
            f"SELECT event_id FROM search_events WHERE search_events MATCH ? "
            f"ORDER BY bm25(search_events, {w})", (_fts_query(terms),)).fetchall()
        return [r[0] for r in rows]

    def _query(self, table: str, idcol: str, weights, match: str, limit: int, offset: int,
               kind: str, phrase: str | None = None) -> tuple[int, list[Hit]]:
        """Hits ranked by: the query words adjacent as a phrase first, then BM25 (column-weighted)."""
        w = ", ".join(str(x) for x in weights)
        total = self.qconn.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?",
                                   (match,)).fetchone()[0]
        if phrase:
            rows = self.qconn.execute(
                f"SELECT {idcol}, bm25({table}, {w}) AS score,"
                f" rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH ?) AS ph"
                f" FROM {table} WHERE {table} MATCH ? ORDER BY ph DESC, score, {idcol} LIMIT ? OFFSET ?",
                (phrase, match, limit, offset)).fetchall()
        else:
            rows = self.qconn.execute(
                f"SELECT {idcol}, bm25({table}, {w}) AS score FROM {table} WHERE {table} MATCH ? "
                f"ORDER BY score, {idcol} LIMIT ? OFFSET ?", (match, limit, offset)).fetchall()
        return total, [Hit(kind, r[0], r[1]) for r in rows]


def _memory_conn() -> sqlite3.Connection:
    return sqlite3.connect(":memory:", check_same_thread=False)


def _phrase_query(terms: list[str]) -> str | None:
    """The terms as one FTS5 phrase ("dien dam" adjacent), or None for a single term."""
    if len(terms) < 2:
        return None
    return '"' + " ".join(t.replace('"', '""') for t in terms) + '"'


class _nullctx:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _chunks(seq: list, n: int):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


def event_text(eid: str, etype: str, summary: str | None, data_json: str,
               extra_sentences: list[str]) -> tuple[str, str]:
    """(head, body) folded texts of one event: head = summary + participants + type, body = sentences."""
    try:
        data = json.loads(data_json) if data_json else {}
    except ValueError:
        data = {}
    head_parts = [summary or data.get("summary") or "", etype or "", etype.replace("_", " ") if etype else ""]
    for key in ("participants",):
        head_parts.extend(str(x) for x in data.get(key) or [])
    for key in ("initiator", "location"):
        if data.get(key):
            head_parts.append(str(data[key]))
    head_parts.extend(str(x) for x in data.get("topics") or [])
    body_parts: list[str] = []
    seen: set[str] = set()
    for m in data.get("mentions") or []:
        s = m.get("sentence") if isinstance(m, dict) else None
        if s and s not in seen:
            seen.add(s)
            body_parts.append(s)
        src = m.get("source") if isinstance(m, dict) else None
        if src and src not in seen:
            seen.add(src)
            body_parts.append(src)
    for s in extra_sentences:
        if s and s not in seen:
            seen.add(s)
            body_parts.append(s)
    return fast_fold(" ".join(head_parts)), fast_fold("\n".join(body_parts))


# ----------------------------------------------------------------- snippets

def highlight(text: str, terms: list[str], *, width: int = 220) -> list[tuple[str, bool]]:
    """A window of ``text`` around the first matched term, as (piece, is_match) pieces.

    Matching is on folded whole words, so the pieces are the *original* text (accents kept).
    The caller escapes each piece when rendering.
    """
    if not text:
        return []
    folded = fold_aligned(text)
    words = sorted({t for t in terms if t}, key=len, reverse=True)
    pat = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in words) + r")(?!\w)") if words else None
    m0 = pat.search(folded) if pat else None
    if m0 is None:
        piece = text[:width] + ("…" if len(text) > width else "")
        return [(piece, False)]
    first = m0.start()
    lo = max(0, first - width // 3)
    if lo > 0:
        sp = text.rfind(" ", 0, lo)
        lo = sp + 1 if sp >= 0 and lo - sp < 20 else lo
    hi = min(len(text), lo + width)
    pieces: list[tuple[str, bool]] = []
    if lo > 0:
        pieces.append(("…", False))
    pos = lo
    for m in pat.finditer(folded, lo, hi):
        s, e = m.span()
        if e > hi:
            continue
        if s > pos:
            pieces.append((text[pos:s], False))
        pieces.append((text[s:e], True))
        pos = e
    if pos < hi:
        pieces.append((text[pos:hi], False))
    if hi < len(text):
        pieces.append(("…", False))
    return pieces


# ----------------------------------------------------------------- module-level API

def reindex(store, *, full: bool = False) -> dict[str, int]:
    """Update the persistent index in ``store``'s database (incremental unless ``full``).

    Call after ingest / pipeline runs. Returns counts of re-indexed and removed rows.
    """
    if getattr(store, "read_only", False):
        raise ValueError("reindex needs a writable store; use SearchIndex.for_store() for read-only ones")
    return SearchIndex(store).refresh(full=full)


def search(store, q: str, *, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Search ``store`` (refreshing its index first when stale). Results as plain dicts."""
    idx = SearchIndex.for_store(store)
    idx.refresh()
    res = idx.search(q, limit=limit, offset=offset)
    res["events"] = [h.to_dict() for h in res["events"]]
    res["documents"] = [h.to_dict() for h in res["documents"]]
    return res


__all__ = ["SearchIndex", "Hit", "reindex", "search", "highlight", "query_terms", "fold_aligned",
           "event_text"]
