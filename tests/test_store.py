"""Store: migrations, document versions, segments/removed spans, signatures, links, errors, counts."""
from __future__ import annotations

import hashlib
import sqlite3

import pytest

from sukien.models import Document, MetaValue, RemovedSpan, Segment
from sukien.store import Store, _migrations

TEXT = "Hai nước ký thỏa thuận hợp tác.\nTin liên quan\nMột bài khác"


def make_doc(doc_id="d1.txt", text=TEXT) -> Document:
    return Document(
        doc_id=doc_id, text=text, fmt="txt", origin=f"/in/{doc_id}", encoding="utf-8",
        title=MetaValue("Hai nước ký thỏa thuận", "first-line", 0.6),
        pub_date=MetaValue("2025-03-18", "dateline", 0.85), outlet=MetaValue("baoquocte.vn", "url-host", 0.9),
        url=MetaValue("https://baoquocte.vn/a.html", "jsonl", 1.0),
        segments=[Segment(0, 31, "body")], removed=[RemovedSpan(32, len(text), "related-links")],
        content_hash=hashlib.sha256(text.encode()).hexdigest())


def test_migrations_applied_wal_and_foreign_keys(store):
    assert store.schema_version == max(v for v, _, _ in _migrations())
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.migrate() == store.schema_version          # idempotent


def test_put_get_roundtrip(store):
    doc = make_doc()
    assert store.put_document(doc, signature=("m", b"\x01\x02")) == ("new", 1)
    got = store.get_document("d1.txt")
    assert got.text == TEXT and got.version == 1 and got.content_hash == doc.content_hash
    assert (got.pub_date.value, got.pub_date.source, got.pub_date.confidence) == ("2025-03-18", "dateline", 0.85)
    assert got.title.value == "Hai nước ký thỏa thuận" and got.outlet.value == "baoquocte.vn"
    assert got.url.value == "https://baoquocte.vn/a.html"
    assert got.segments == doc.segments and got.removed == doc.removed
    assert store.signature("d1.txt") == ("m", b"\x01\x02")
    assert store.document_row("d1.txt")["stage"] == "cleaned"
    assert store.get_document("nope") is None


def test_unchanged_and_new_version(store):
    store.put_document(make_doc())
    assert store.put_document(make_doc()) == ("unchanged", 1)
    changed = make_doc(text=TEXT + " Thêm.")
    changed.segments = [Segment(0, 10, "title")]
    changed.removed = []
    assert store.put_document(changed) == ("updated", 2)
    got = store.get_document("d1.txt")
    assert got.version == 2 and got.segments == [Segment(0, 10, "title")] and got.removed == []
    assert [v["version"] for v in store.versions("d1.txt")] == [1, 2]
    assert store.version_text("d1.txt", 1) == TEXT
    assert store.versions("d1.txt")[0]["meta"]["pub_date"]["source"] == "dateline"


def test_update_replaces_downstream_rows_and_links(store):
    store.put_document(make_doc())
    store.put_document(make_doc("d2.txt"), near_duplicates=[("d1.txt", 1.0, "exact-hash")])
    with store.transaction() as c:
        c.execute("INSERT INTO sentences (doc_id, idx, start, end, paragraph, role) VALUES ('d1.txt',0,0,5,0,'body')")
        c.execute("INSERT INTO mentions (doc_id, sent_idx, kind, start, end, text, data_json)"
                  " VALUES ('d1.txt',0,'actor',0,3,'Hai','{}')")
        c.execute("INSERT INTO doc_events (doc_event_id, doc_id, type, data_json) VALUES ('d1.txt#1','d1.txt','other','{}')")
    assert len(store.near_duplicates("d1.txt")) == 1
    store.put_document(make_doc(text="Nội dung mới hoàn toàn."))
    for table in ("sentences", "mentions", "doc_events"):
        assert store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    assert store.near_duplicates("d1.txt") == []                # stale links dropped with the old content


def test_near_duplicate_pairs_are_ordered_and_unique(store):
    store.put_document(make_doc("b.txt"))
    store.put_document(make_doc("a.txt", TEXT + "!"), near_duplicates=[("b.txt", 0.8, "minhash")])
    store.link_near_duplicates("b.txt", "a.txt", 0.9, "minhash")
    links = store.near_duplicates()
    assert [(r["doc_a"], r["doc_b"], r["similarity"]) for r in links] == [("a.txt", "b.txt", 0.9)]


def test_failed_transaction_stores_nothing(store):
    doc = make_doc()
    doc.segments = [Segment(0, 5, "body"), Segment(1, 6, "body")]
    real = store._link_many

    def boom(*a):
        raise RuntimeError("disk full")
    store._link_many = boom
    with pytest.raises(RuntimeError):
        store.put_document(doc, signature=("m", b"x"), near_duplicates=[("zzz", 1.0, "m")])
    store._link_many = real
    assert store.status_counts()["documents"] == 0
    assert store.conn.execute("SELECT COUNT(*) FROM document_versions").fetchone()[0] == 0
    assert store.conn.execute("SELECT COUNT(*) FROM segments").fetchone()[0] == 0
    assert store.integrity_problems() == []


def test_group_transaction_with_a_savepoint_per_document(store):
    # group commit: a failing document is undone alone, the others of the group are stored together
    real = store._link_many

    def boom(a, links):
        if a == "bad.txt":
            raise RuntimeError("disk full")
        return real(a, links)
    store._link_many = boom
    store.begin()
    for name in ("a.txt", "bad.txt", "b.txt"):
        try:
            with store.savepoint("doc"):
                store.put_document(make_doc(name, TEXT + name), signature=("m", b"x"),
                                   near_duplicates=[("a.txt", 0.9, "m")])
        except RuntimeError:
            pass
    assert store.conn.in_transaction
    store.commit()
    store._link_many = real
    assert store.document_ids() == ["a.txt", "b.txt"]
    assert store.conn.execute("SELECT COUNT(*) FROM document_versions").fetchone()[0] == 2
    assert store.conn.execute("SELECT COUNT(*) FROM doc_signatures").fetchone()[0] == 2
    assert [(r["doc_a"], r["doc_b"]) for r in store.near_duplicates()] == [("a.txt", "b.txt")]
    assert store.integrity_problems() == []
    # a group that is rolled back stores nothing; a savepoint outside a group is a transaction
    store.begin()
    with store.savepoint("doc"):
        store.put_document(make_doc("c.txt", TEXT + "c"))
    store.rollback()
    assert "c.txt" not in store.document_ids()
    with store.savepoint("doc"):
        store.put_document(make_doc("c.txt", TEXT + "c"))
    assert not store.conn.in_transaction and "c.txt" in store.document_ids()


def test_list_documents_ordered_by_date(store):
    late, early, undated = make_doc("late.txt", "A"), make_doc("early.txt", "B"), make_doc("none.txt", "C")
    early.pub_date = MetaValue("2025-01-02", "jsonl", 1.0)
    undated.pub_date = None
    for d in (late, early, undated):
        d.content_hash = hashlib.sha256(d.text.encode()).hexdigest()
        store.put_document(d)
    assert [r["doc_id"] for r in store.list_documents()] == ["early.txt", "late.txt", "none.txt"]
    assert [r["doc_id"] for r in store.list_documents(limit=1, offset=1)] == ["late.txt"]
    assert store.docs_with_hash(late.content_hash) == ["late.txt"]


def test_errors_and_status_counts(store):
    store.put_document(make_doc())
    store.record_error("bad.jsonl", "malformed JSON", line=3, stage="read")
    errs = store.errors()
    assert errs[0]["origin"] == "bad.jsonl" and errs[0]["line"] == 3 and errs[0]["stage"] == "read"
    counts = store.status_counts()
    assert counts["documents"] == 1 and counts["documents_by_stage"] == {"cleaned": 1}
    assert counts["errors"] == 1 and counts["segments"] == 1 and counts["removed_spans"] == 1
    for key in ("sentences", "mentions", "doc_events", "events", "versions", "near_duplicate_links"):
        assert key in counts
    store.set_stage(["d1.txt"], "resolved")
    assert store.status_counts()["documents_by_stage"] == {"resolved": 1}


def test_read_only_store_cannot_write(db_path):
    Store(db_path).close()
    ro = Store(db_path, read_only=True)
    with pytest.raises(sqlite3.OperationalError):
        ro.put_document(make_doc())
    ro.close()


def test_many_segments_spans_and_links_are_stored_in_order(store):
    # rows go in multi-row INSERTs of at most _ROWS_PER_INSERT rows: more than that, in order
    n = 2 * store._ROWS_PER_INSERT + 37
    text = " ".join(f"w{i:03d}" for i in range(n))
    doc = make_doc("many.txt", text)
    doc.segments = [Segment(i * 5, i * 5 + 4, "body") for i in range(n)]
    doc.removed = [RemovedSpan(i * 5 + 4, i * 5 + 5, "markup") for i in range(n - 1)]
    for i in range(n):
        store.put_document(make_doc(f"o{i:03d}.txt", TEXT + str(i)))
    store.put_document(doc, near_duplicates=[(f"o{i:03d}.txt", 0.7, "m") for i in range(n)] + [("many.txt", 1.0, "m")])
    assert store.segments("many.txt") == doc.segments
    assert store.removed_spans("many.txt") == doc.removed
    rows = store.conn.execute("SELECT start FROM removed_spans WHERE doc_id = 'many.txt' ORDER BY rowid").fetchall()
    assert [r[0] for r in rows] == [r.start for r in doc.removed]
    assert len(store.near_duplicates("many.txt")) == n
