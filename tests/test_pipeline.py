"""pipeline.process with the language layer and the extractor replaced by fakes: stages,
idempotence, per-document errors, worker processes."""
from __future__ import annotations

import types

import pytest

import sukien
from sukien import pipeline
from sukien import store_events as se
from sukien.config import Config, Resources
from sukien.models import Analysis, Anchor, Sentence, SukienError
from test_resolve import COUNTRY, mk, put_doc


def _fake_analyze(doc, res):
    if "HỎNG" in doc.text:
        raise ValueError("cannot analyze")
    sents = [Sentence(0, len(doc.text), doc.text, 0, 0, "body")]
    return Analysis(doc.doc_id, Anchor(doc.pub_date.value if doc.pub_date else None, "pub_date", 1.0), sents)


def _fake_mentions(doc, analysis, res):
    if "LỖI" in doc.text:
        raise SukienError("bad trigger table", stage="extract")
    return []


def _fake_doc_events(doc, analysis, mentions, res):
    # every test document reports the same call; the date only where the id says so
    date = "2025-03-18" if "dated" in doc.doc_id else None
    return [mk(doc.doc_id, 0, "phone_call", ["Donald Trump", "Vladimir Putin"], date, topics=["ceasefire"],
               quantities={"days": 30}, pub_date=None)]


class _Actors:
    def country_of(self, name):
        return COUNTRY.get(name, name)

    def by_name(self, name):
        return None


@pytest.fixture
def fakes(monkeypatch):
    vi = types.SimpleNamespace(analyze=_fake_analyze)
    ex = types.SimpleNamespace(extract_mentions=_fake_mentions, document_events=_fake_doc_events)
    monkeypatch.setattr(sukien, "vi", vi, raising=False)
    monkeypatch.setattr(sukien, "extract", ex, raising=False)
    monkeypatch.setitem(__import__("sys").modules, "sukien.vi", vi)
    monkeypatch.setitem(__import__("sys").modules, "sukien.extract", ex)
    monkeypatch.setattr(Resources, "actors", property(lambda self: _Actors()))
    # the scope check (extract_scope) needs the real language layer's mentions: kept out here
    sc = types.SimpleNamespace(in_scope=lambda doc, analysis, evs, res: evs)
    monkeypatch.setattr(sukien, "extract_scope", sc, raising=False)
    monkeypatch.setitem(__import__("sys").modules, "sukien.extract_scope", sc)
    return sc


def _res(tmp_path, workers=1):
    return Resources(Config(db=str(tmp_path / "p.db"), run_pipeline=True, workers=workers))


def test_process_stores_stages_and_resolves(store, tmp_path, fakes):
    for d in ("a-dated.txt", "b.txt"):
        put_doc(store, d, "2025-03-19")
    stats = pipeline.process(store, _res(tmp_path), ["a-dated.txt", "b.txt"], progress="none")
    assert stats["doc_events"] == 2 and not stats["failed"]
    assert store.document_stages() == {"a-dated.txt": "resolved", "b.txt": "resolved"}
    assert store.document_row("b.txt")["anchor_date"] == "2025-03-19"
    evs = se.list_events(store)
    assert len(evs) == 1 and evs[0]["date"] == "2025-03-18" and evs[0]["n_sources"] == 2
    assert evs[0]["doc_events"] == ["a-dated.txt#0", "b.txt#0"]
    # per-stage timings: wall clock and this process's CPU time, the same three stages
    assert set(stats["seconds"]) == set(stats["cpu_seconds"]) == {"analyze_extract", "store", "resolve"}
    assert all(v >= 0 for v in stats["cpu_seconds"].values()) and stats["cpu_seconds"]["resolve"] > 0


def test_the_scope_check_decides_which_document_events_are_stored(store, tmp_path, fakes):
    """analyze_and_extract passes the document's events through extract_scope.in_scope: what it
    drops (news that is not diplomatic) is never stored."""
    fakes.in_scope = lambda doc, analysis, evs, res: [] if "b" in doc.doc_id else evs
    for d in ("a-dated.txt", "b.txt"):
        put_doc(store, d, "2025-03-19")
    stats = pipeline.process(store, _res(tmp_path), ["a-dated.txt", "b.txt"], progress="none")
    assert stats["doc_events"] == 1 and not stats["failed"]
    assert se.list_events(store)[0]["doc_events"] == ["a-dated.txt#0"]


def test_process_is_idempotent(store, tmp_path, fakes):
    for d in ("a-dated.txt", "b.txt"):
        put_doc(store, d, "2025-03-19")
    res = _res(tmp_path)
    pipeline.process(store, res, ["a-dated.txt", "b.txt"], progress="none")
    first = [(e["id"], e["doc_events"]) for e in se.list_events(store)]
    pipeline.process(store, res, ["b.txt", "a-dated.txt"], progress="none")
    assert [(e["id"], e["doc_events"]) for e in se.list_events(store)] == first
    assert store.conn.execute("SELECT COUNT(*) FROM doc_events").fetchone()[0] == 2


def test_errors_name_document_and_stage_and_do_not_stop_the_batch(store, tmp_path, fakes):
    from sukien.models import Document, Segment
    for doc_id, text in (("bad1.txt", "HỎNG HỎNG HỎNG"), ("bad2.txt", "LỖI LỖI LỖI")):
        store.put_document(Document(doc_id=doc_id, text=text, segments=[Segment(0, len(text), "body")],
                                    content_hash="h" + doc_id))
    put_doc(store, "ok-dated.txt")
    stats = pipeline.process(store, _res(tmp_path), ["bad1.txt", "bad2.txt", "ok-dated.txt", "missing.txt"],
                             progress="none")
    errors = {(e["origin"], e["stage"]) for e in store.errors()}
    assert errors == {("bad1.txt", "analyze"), ("bad2.txt", "extract"), ("missing.txt", "load")}
    assert len(stats["failed"]) == 3
    assert store.document_stages()["ok-dated.txt"] == "resolved"
    assert store.document_stages()["bad1.txt"] != "resolved"
    assert len(se.list_events(store)) == 1


def test_worker_processes_give_the_same_result(tmp_path, fakes):
    from sukien.store import Store
    results = []
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.db") as st:
            ids = [f"d{i}{'-dated' if i % 3 == 0 else ''}.txt" for i in range(6)]
            for d in ids:
                put_doc(st, d, "2025-03-19")
            pipeline.process(st, _res(tmp_path, workers), ids, progress="none")
            results.append([(e["id"], e["doc_events"]) for e in se.list_events(st)])
    assert results[0] == results[1] and results[0]


def test_worker_pool_over_several_batches_gives_the_same_result(tmp_path, fakes):
    # one pool for the run: the next batch is analyzed while the current one is resolved
    from sukien.store import Store
    results = []
    for workers in (1, 2):
        with Store(tmp_path / f"b{workers}.db") as st:
            ids = [f"d{i}{'-dated' if i % 3 == 0 else ''}.txt" for i in range(7)]
            for d in ids:
                put_doc(st, d, "2025-03-19")
            stats = pipeline.process(st, _res(tmp_path, workers), ids + ["missing.txt"], progress="none",
                                     batch_size=3)
            assert len(stats["failed"]) == 1 and stats["documents"] == 8
            assert set(st.document_stages().values()) == {"resolved"}
            results.append([(e["id"], e["doc_events"]) for e in se.list_events(st)])
    assert results[0] == results[1] and results[0]


def test_process_freezes_long_lived_objects_only_during_the_run(store, tmp_path, fakes, monkeypatch):
    """gc.freeze after the first document (the Resources loaded), gc.unfreeze at the end; a
    caller's own freeze is left alone."""
    import gc
    counts = []
    real = pipeline.analyze_and_extract

    def spying(doc, res):
        counts.append(gc.get_freeze_count())
        return real(doc, res)
    monkeypatch.setattr(pipeline, "analyze_and_extract", spying)
    for d in ("a-dated.txt", "b.txt"):
        put_doc(store, d, "2025-03-19")
    assert gc.get_freeze_count() == 0
    pipeline.process(store, _res(tmp_path), ["a-dated.txt", "b.txt"], progress="none")
    assert counts[0] == 0 and counts[1] > 0 and gc.get_freeze_count() == 0
    gc.freeze()
    try:
        mine = gc.get_freeze_count()
        pipeline.process(store, _res(tmp_path), ["b.txt"], progress="none")
        assert gc.get_freeze_count() == mine
    finally:
        gc.unfreeze()
