"""Compact storage of the language layer and the per-document rows of the pipeline.

Schema v3 (``migrations/003_compact_rows.sql``) keeps a document's sentences and its actor,
time and quantity mentions in ONE row of ``doc_analyses``: one JSON document per article
instead of ~40 sentence rows and ~100 mention rows with one JSON record each (the JSON encoder
and the row inserts were most of the cost of storing an analysis). Layout of ``data_json``::

    {"v": 1,
     "fields": {"actor": [...], "time": [...], "quantity": [...], "attribution": [...]},
     "sentences": [[index, start, end, paragraph, role, attribution], ...],
     "mentions": [[sentence_index, kind, record], ...]}

``fields`` names the attributes of each record kind (the model's fields, in order); a record is
the list of its values in that order, or a JSON object when its attributes differ (never the
case for the models of ``sukien.models``, kept so that any record round-trips). ``attribution``
is null for the outlet's own voice. Mentions keep the order of the analysis (per sentence:
actors, times, quantities) — the order of the rows of the v1 ``mentions`` table.

Readers (``analysis_rows``, ``sentence_at``, ``language_counts``) also read the v1 tables
``sentences``/``mentions``, so a store written by an earlier version still shows its documents.

``document_rows`` builds everything the pipeline writes for one document (it runs in the worker
processes when there are any); ``write_documents`` writes a batch of them in ONE transaction
with a savepoint per document, so that a failure in one document loses only that document.
"""
from __future__ import annotations

import dataclasses
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from .models import Analysis
from .store import Store, now_iso

FORMAT_VERSION = 1
KINDS = ("actor", "time", "quantity")


def _default(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj):
        return obj.__dict__
    if isinstance(obj, (set, frozenset)):
        return sorted(obj)
    raise TypeError(f"not JSON serializable: {type(obj).__name__}")


# The same text as json.dumps(obj, ensure_ascii=False, default=...) (the v1 rows) from one
# encoder built once (json.dumps builds a new encoder on every call with these arguments).
_ENCODE = json.JSONEncoder(ensure_ascii=False, default=_default).encode
_ENCODE_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_default).encode


def encode(obj: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False)`` with dataclasses as their attribute dicts."""
    return _ENCODE(obj)


@dataclass
class DocumentRows:
    """What the pipeline stores for one analyzed document (built once, written by SQL only)."""
    doc_id: str
    analysis: tuple[int, int, str]                      # (n_sentences, n_mentions, data_json)
    anchor: tuple[str | None, str, float] | None        # (date, source, confidence)
    doc_events: list[tuple[str, str, str, str | None, str]]   # doc_events rows (without event_id)


# ---------------------------------------------------------------- building rows

def analysis_json(analysis: Analysis) -> tuple[int, int, str]:
    """(number of sentences, number of mentions, data_json) of one analysis (layout above)."""
    fields: dict[str, tuple[str, ...]] = {}
    sents: list[tuple] = []
    ments: list[tuple] = []

    def rec(kind: str, obj: Any) -> Any:
        d = obj.__dict__
        keys = tuple(d)
        f = fields.get(kind)
        if f is None:
            f = fields[kind] = keys
        return tuple(d.values()) if keys == f else d

    for s in analysis.sentences:
        i = s.index
        at = s.attribution
        sents.append((i, s.start, s.end, s.paragraph, s.role, None if at is None else rec("attribution", at)))
        for a in s.actors:
            ments.append((i, "actor", rec("actor", a)))
        for t in s.times:
            ments.append((i, "time", rec("time", t)))
        for q in s.quantities:
            ments.append((i, "quantity", rec("quantity", q)))
    data = {"v": FORMAT_VERSION, "fields": fields, "sentences": sents, "mentions": ments}
    return len(sents), len(ments), _ENCODE_COMPACT(data)


def doc_event_rows(doc_id: str, doc_events: list[dict]) -> list[tuple[str, str, str, str | None, str]]:
    """``doc_events`` rows (doc_event_id, doc_id, type, date, data_json); "_..." keys are in-memory only."""
    rows = []
    for ev in doc_events:
        if ev.get("doc") not in (None, doc_id):
            raise ValueError(f"doc event {ev.get('doc_event_id')} belongs to {ev.get('doc')}, not {doc_id}")
        stored = {k: v for k, v in ev.items() if not k.startswith("_")}
        rows.append((ev["doc_event_id"], doc_id, ev.get("type") or "other", ev.get("date"), _ENCODE(stored)))
    return rows


def document_rows(doc_id: str, analysis: Analysis, doc_events: list[dict]) -> DocumentRows:
    anchor = analysis.anchor
    return DocumentRows(doc_id, analysis_json(analysis),
                        None if anchor is None else (anchor.date, anchor.source, anchor.confidence),
                        doc_event_rows(doc_id, doc_events))


# ---------------------------------------------------------------- writing

_DELETE_V1 = ("DELETE FROM sentences WHERE doc_id = ?", "DELETE FROM mentions WHERE doc_id = ?")


def write_analysis(c, doc_id: str, analysis: tuple[int, int, str],
                   anchor: tuple[str | None, str, float] | None, stage: str | None = None) -> None:
    """Replace the document's language rows and record its anchor (and ``stage``, when given)
    inside the caller's transaction. The documents row is updated once: an UPDATE rewrites the
    whole row, text and raw bytes included."""
    for sql in _DELETE_V1:                      # rows of an earlier version of sukien
        c.execute(sql, (doc_id,))
    c.execute("INSERT OR REPLACE INTO doc_analyses (doc_id, n_sentences, n_mentions, data_json) VALUES (?, ?, ?, ?)",
              (doc_id, *analysis))
    if anchor is not None and stage is not None:
        c.execute("UPDATE documents SET anchor_date = ?, anchor_source = ?, anchor_conf = ?, updated_at = ?,"
                  " stage = ? WHERE doc_id = ?", (*anchor, now_iso(), stage, doc_id))
    elif anchor is not None:
        c.execute("UPDATE documents SET anchor_date = ?, anchor_source = ?, anchor_conf = ?, updated_at = ?"
                  " WHERE doc_id = ?", (*anchor, now_iso(), doc_id))
    elif stage is not None:
        c.execute("UPDATE documents SET stage = ? WHERE doc_id = ?", (stage, doc_id))


def write_doc_events(c, doc_id: str, rows: list[tuple]) -> None:
    c.execute("DELETE FROM doc_events WHERE doc_id = ?", (doc_id,))
    c.executemany("INSERT INTO doc_events (doc_event_id, doc_id, event_id, type, date, data_json)"
                  " VALUES (?, ?, NULL, ?, ?, ?)", rows)


def write_documents(store: Store, batch: list[DocumentRows], *, stage: str = "extracted"
                    ) -> list[tuple[str, Exception]]:
    """Write the rows of many documents in ONE transaction, each document under its own
    savepoint: a document that fails is rolled back alone and returned with its error; the
    others are stored. Each stored document's stage becomes ``stage``."""
    failed: list[tuple[str, Exception]] = []
    if not batch:
        return failed
    with store.transaction() as c:
        for rows in batch:
            c.execute("SAVEPOINT sukien_doc")
            try:
                write_doc_events(c, rows.doc_id, rows.doc_events)
                write_analysis(c, rows.doc_id, rows.analysis, rows.anchor, stage)
            except Exception as exc:  # noqa: BLE001 - one bad document must not lose the others
                c.execute("ROLLBACK TO sukien_doc")
                c.execute("RELEASE sukien_doc")
                failed.append((rows.doc_id, exc))
            else:
                c.execute("RELEASE sukien_doc")
    return failed


# ---------------------------------------------------------------- reading

def _mention_key(kind: str, d: dict) -> Any:
    if kind == "actor":
        return d.get("actor_id") or d.get("name")
    if kind == "time":
        return d.get("value")
    v = d.get("value")
    return None if v is None else f"{v:g}"


def _record(fields: dict, kind: str, r: Any) -> dict:
    return r if isinstance(r, dict) else dict(zip(fields.get(kind) or (), r))


def analysis_rows(store: Store, doc_id: str) -> tuple[list[dict], list[dict]]:
    """The document's sentences ``{index, start, end, paragraph, role, attribution}`` (by index)
    and mentions ``{kind, start, end, text, key, sentence, data}`` (by start, end)."""
    try:
        row = store.conn.execute("SELECT data_json FROM doc_analyses WHERE doc_id = ?", (doc_id,)).fetchone()
    except sqlite3.OperationalError:        # a read-only store of schema v2 (not migrated)
        row = None
    if row is None:
        return _analysis_rows_v1(store, doc_id)
    data = json.loads(row[0])
    fields = data.get("fields") or {}
    sents = [{"index": i, "start": s, "end": e, "paragraph": p, "role": role,
              "attribution": _record(fields, "attribution", at) if at is not None else None}
             for i, s, e, p, role, at in data.get("sentences") or []]
    sents.sort(key=lambda x: x["index"])
    ments = []
    for si, kind, r in data.get("mentions") or []:
        d = _record(fields, kind, r)
        ments.append({"kind": kind, "start": d.get("start"), "end": d.get("end"), "text": d.get("text"),
                      "key": _mention_key(kind, d), "sentence": si, "data": d})
    ments.sort(key=lambda m: (m["start"], m["end"]))
    return sents, ments


def _loads(s: str | None) -> Any:
    return json.loads(s) if s else None


def _analysis_rows_v1(store: Store, doc_id: str) -> tuple[list[dict], list[dict]]:
    ments = [{"kind": r["kind"], "start": r["start"], "end": r["end"], "text": r["text"],
              "key": r["key"], "sentence": r["sent_idx"], "data": _loads(r["data_json"])}
             for r in store.conn.execute(
                 "SELECT sent_idx, kind, start, end, text, key, data_json FROM mentions"
                 " WHERE doc_id = ? ORDER BY start, end", (doc_id,))]
    sents = [{"index": r["idx"], "start": r["start"], "end": r["end"], "paragraph": r["paragraph"],
              "role": r["role"], "attribution": _loads(r["attribution_json"]) or None}
             for r in store.conn.execute(
                 "SELECT idx, start, end, paragraph, role, attribution_json FROM sentences"
                 " WHERE doc_id = ? ORDER BY idx", (doc_id,))]
    return sents, ments


def sentence_at(store: Store, doc_id: str, start: int) -> tuple[int, int] | None:
    """(start, end) of the sentence of ``doc_id`` that contains offset ``start`` (the last one
    that starts there, when several do)."""
    try:       # only the sentence list of the compact row (SQLite extracts it)
        row = store.conn.execute("SELECT json_extract(data_json, '$.sentences') FROM doc_analyses WHERE doc_id = ?",
                                 (doc_id,)).fetchone()
    except sqlite3.OperationalError:        # a read-only store of schema v2 (not migrated)
        row = None
    if row is None:
        spans = [(s["start"], s["end"]) for s in _analysis_rows_v1(store, doc_id)[0]]
    else:
        spans = [(s[1], s[2]) for s in json.loads(row[0] or "[]")]
    best = None
    for s, e in spans:
        if s <= start < e and (best is None or s >= best[0]):
            best = (s, e)
    return best


def language_counts(store: Store) -> tuple[int, int]:
    """(sentences, mentions) stored, both layouts together."""
    c = store.conn
    n_s, n_m = c.execute("SELECT COALESCE(SUM(n_sentences), 0), COALESCE(SUM(n_mentions), 0)"
                         " FROM doc_analyses").fetchone()
    return (n_s + c.execute("SELECT COUNT(*) FROM sentences").fetchone()[0],
            n_m + c.execute("SELECT COUNT(*) FROM mentions").fetchone()[0])
