"""store_events: language rows, doc events, canonical events and their queries."""
from __future__ import annotations

from sukien import store_analysis as sa, store_events as se
from sukien.models import ActorMention, Analysis, Anchor, Attribution, Quantity, Sentence, TimeMention
from sukien.resolve import resolve
from test_resolve import FakeRes, mk, put_doc


def _analysis(doc_id):
    s = Sentence(0, 40, "Ông A điện đàm với ông B ngày 3/4.", 0, 0, "body",
                 times=[TimeMention(28, 33, "3/4", "partial_date", "2025-04-03", 0.8, relative=True)],
                 actors=[ActorMention(0, 5, "Ông A", "a", "Person A", "person", country="X")],
                 quantities=[Quantity(10, 12, "90", "duration", 90.0, "minutes")],
                 attribution=Attribution("theo TTXVN", None, None, "theo", 0, 10))
    return Analysis(doc_id, Anchor("2025-04-04", "pub_date", 1.0), [s])


def test_save_analysis_replaces_rows_and_records_the_anchor(store):
    put_doc(store, "a.txt", "2025-04-04")
    for _ in range(2):
        se.save_analysis(store, "a.txt", _analysis("a.txt"))
    c = store.conn
    assert tuple(c.execute("SELECT n_sentences, n_mentions FROM doc_analyses WHERE doc_id='a.txt'").fetchone()) == (1, 3)
    sents, ments = sa.analysis_rows(store, "a.txt")
    assert len(sents) == 1
    assert sorted(m["kind"] for m in ments) == ["actor", "quantity", "time"]
    assert [m["key"] for m in ments if m["kind"] == "time"] == ["2025-04-03"]
    assert store.document_row("a.txt")["anchor_date"] == "2025-04-04"
    counts = store.status_counts()
    assert (counts["sentences"], counts["mentions"]) == (1, 3)


def test_compact_analysis_row_reads_back_the_v1_records(store):
    """One JSON row per document holds what the v1 rows held: every record whole (its JSON
    object, as json.dumps wrote it into mentions.data_json), the mention keys, the sentences."""
    import json
    put_doc(store, "a.txt", "2025-04-04")
    an = _analysis("a.txt")
    se.save_analysis(store, "a.txt", an)
    sents, ments = sa.analysis_rows(store, "a.txt")
    s = an.sentences[0]
    v1 = lambda o: json.loads(json.dumps(o, ensure_ascii=False, default=se._default))  # noqa: E731
    assert sents == [{"index": 0, "start": 0, "end": 40, "paragraph": 0, "role": "body",
                      "attribution": v1(s.attribution)}]
    want = sorted([("actor", s.actors[0], "a"), ("time", s.times[0], "2025-04-03"), ("quantity", s.quantities[0], "90")],
                  key=lambda t: (t[1].start, t[1].end))
    assert ments == [{"kind": k, "start": o.start, "end": o.end, "text": o.text, "key": key, "sentence": 0,
                      "data": v1(o)} for k, o, key in want]
    assert sa.sentence_at(store, "a.txt", 12) == (0, 40) and sa.sentence_at(store, "a.txt", 40) is None


def test_language_rows_of_an_earlier_version_are_still_read(store):
    put_doc(store, "old.txt")
    with store.transaction() as c:
        c.execute("INSERT INTO sentences (doc_id, idx, start, end, paragraph, role) VALUES ('old.txt',0,0,5,0,'body')")
        c.execute("INSERT INTO mentions (doc_id, sent_idx, kind, start, end, text, key, data_json)"
                  " VALUES ('old.txt',0,'actor',0,3,'Hai','hai','{\"start\": 0}')")
    sents, ments = sa.analysis_rows(store, "old.txt")
    assert [s["start"] for s in sents] == [0] and [m["data"] for m in ments] == [{"start": 0}]
    assert (store.status_counts()["sentences"], store.status_counts()["mentions"]) == (1, 1)
    se.save_analysis(store, "old.txt", _analysis("old.txt"))        # a new analysis replaces the old rows
    assert store.conn.execute("SELECT COUNT(*) FROM sentences").fetchone()[0] == 0
    assert len(sa.analysis_rows(store, "old.txt")[1]) == 3


def test_write_documents_keeps_the_others_when_one_fails(store):
    """One transaction for the batch, a savepoint per document: a failing document is rolled
    back alone."""
    for d in ("a.txt", "b.txt", "c.txt"):
        put_doc(store, d)
    rows = [sa.document_rows(d, _analysis(d), [mk(d, 0, "phone_call", ["Donald Trump", "Vladimir Putin"], None)])
            for d in ("a.txt", "b.txt", "c.txt")]
    rows[1].doc_events.append(rows[1].doc_events[0])          # a duplicate primary key: b.txt fails
    failed = sa.write_documents(store, rows)
    assert [d for d, _ in failed] == ["b.txt"]
    c = store.conn
    assert sorted(r[0] for r in c.execute("SELECT doc_id FROM doc_events")) == ["a.txt", "c.txt"]
    assert sorted(r[0] for r in c.execute("SELECT doc_id FROM doc_analyses")) == ["a.txt", "c.txt"]
    assert {r[0]: r[1] for r in c.execute("SELECT doc_id, stage FROM documents")}["b.txt"] != "extracted"
    assert store.document_row("a.txt")["stage"] == "extracted"


def test_save_doc_events_is_idempotent_and_rejects_foreign_events(store):
    put_doc(store, "a.txt")
    evs = [mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-18")]
    se.save_doc_events(store, "a.txt", evs)
    se.save_doc_events(store, "a.txt", evs)
    assert len(se.load_doc_events(store, ["a.txt"])) == 1
    import pytest
    with pytest.raises(ValueError):
        se.save_doc_events(store, "a.txt", [mk("b.txt", 0, "phone_call", ["Donald Trump"], None)])


def _populate(store):
    res = FakeRes()
    docs = {
        "a.txt": [mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-18",
                     duration_minutes=150, sentence="Hai tổng thống điện đàm hơn hai giờ.")],
        "b.txt": [mk("b.txt", 0, "phone_call", ["Vladimir Putin", "Donald Trump"], "2025-03-18", duration_minutes=90),
                  mk("b.txt", 1, "meeting", ["To Lam", "Xi Jinping"], "2025-04-14", location="Hanoi")],
        "c.txt": [mk("c.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], None, status="planned")],
    }
    for d, evs in docs.items():
        put_doc(store, d)
        se.save_doc_events(store, d, evs)
    resolve(store, res, list(docs))


def test_queries_and_filters(store):
    _populate(store)
    evs = se.list_events(store)
    assert [e["date"] for e in evs] == ["2025-03-18", "2025-04-14", None]      # undated last
    assert se.count_events(store) == 3
    assert [e["type"] for e in se.list_events(store, actor="Vladimir Putin")] == ["phone_call"]
    assert [e["type"] for e in se.list_events(store, actor="Ukraine")] == ["prisoner_exchange"]
    assert se.count_events(store, q="hanoi") == 1                               # q: full text, any case


def test_actor_rule_one_for_every_caller(store):
    """docs/API.md "Actor filter": exact name, case/accent-insensitive name, dictionary id, country."""
    _populate(store)
    types = lambda key: [e["type"] for e in se.list_events(store, actor=key)]     # noqa: E731
    assert types("Vladimir Putin") == types("vladimir putin") == types("vladimir_putin") == ["phone_call"]
    assert types("Tô Lâm") == types("TO LAM") == ["meeting"]                     # accents and case ignored
    assert types("Putin") == [] and types("Nobody") == []                      # no substring matching
    assert se.count_events(store, actor="Putin") == 0
    # a country: events it takes part in and events with a participant of that country
    assert types("Russia") == types("russia") == ["phone_call", "prisoner_exchange"]
    assert types("Vietnam") == ["meeting"]
    assert se.resolve_actor(store, "xi_jinping") == "Xi Jinping"
    assert se.resolve_actor(store, "Putin") is None                            # no dictionary: names only
    # with the actor dictionary, a key that is one whole alias resolves ("Putin", "Nga", "Tập Cận Bình")
    from sukien.config import Resources
    db = Resources().actors
    assert se.resolve_actor(store, "Putin", actors=db) == "Vladimir Putin"
    assert [e["type"] for e in se.list_events(store, actor="Putin", actors=db)] == ["phone_call"]
    assert [e["type"] for e in se.list_events(store, actor="Nga", actors=db)] == ["phone_call", "prisoner_exchange"]
    assert [e["type"] for e in se.list_events(store, actor="Tập Cận Bình", actors=db)] == ["meeting"]
    assert se.resolve_actor(store, "Put", actors=db) is None                   # still no substring matching
    assert [e["type"] for e in se.events_for_actor(store, "Russia")] == ["phone_call", "prisoner_exchange"]
    # event_ids restricts (the web passes its full-text matches); an empty list matches nothing
    call = se.list_events(store, type="phone_call")[0]["id"]
    assert [e["id"] for e in se.list_events(store, event_ids=[call])] == [call]
    assert se.count_events(store, event_ids=[]) == 0
    assert se.count_events(store, actor="Russia", event_ids=[call]) == 1
    assert [e["type"] for e in se.list_events(store, type="meeting,phone_call")] == ["phone_call", "meeting"]
    assert se.count_events(store, status="planned") == 1
    assert [e["date"] for e in se.list_events(store, date_from="2025-04")] == ["2025-04-14"]
    assert [e["date"] for e in se.list_events(store, date_to="2025-03")] == ["2025-03-18"]
    assert se.count_events(store, q="Hanoi") == 1
    assert len(se.list_events(store, limit=1, offset=1)) == 1
    assert {e["type"] for e in se.events_for_document(store, "b.txt")} == {"phone_call", "meeting"}
    assert [e["type"] for e in se.events_for_actor(store, "Xi Jinping")] == ["meeting"]


def test_get_event_has_evidence_rows_actors_and_keys(store):
    _populate(store)
    call = se.list_events(store, type="phone_call")[0]
    full = se.get_event(store, call["id"])
    assert full["doc_events"] == ["a.txt#0", "b.txt#0"] and full["n_sources"] == 2
    assert {c["field"] for c in full["conflicts"]} == {"duration_minutes"}
    rows = store.conn.execute("SELECT field, doc_id, sentence FROM evidence WHERE event_id = ?", (call["id"],)).fetchall()
    assert ("mention", "a.txt", "Hai tổng thống điện đàm hơn hai giờ.") in [tuple(r) for r in rows]
    assert {r[0] for r in rows} >= {"mention", "date"}
    actors = {r[0] for r in store.conn.execute("SELECT actor FROM event_actors WHERE event_id = ?", (call["id"],))}
    assert actors == {"Donald Trump", "Vladimir Putin"}
    keys = {r[0] for r in store.conn.execute("SELECT country FROM event_keys WHERE event_id = ?", (call["id"],))}
    assert keys == {"United States", "Russia"}
    assert se.get_event(store, "ev-doesnotexist") is None


def test_date_sort_key():
    assert se.date_sort_key("2025") == "2025-00-00"
    assert se.date_sort_key("2025-03") == "2025-03-00"
    assert se.date_sort_key(None) is None
    assert se.family_of("visit") == "meeting" and se.family_of("ceasefire") == "agreement"
    assert se.family_of("whatever") == "other"


def test_load_doc_events_skips_the_records_the_caller_holds(store):
    put_doc(store, "a.txt")
    se.save_doc_events(store, "a.txt", [mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], None),
                                        mk("a.txt", 1, "meeting", ["To Lam", "Xi Jinping"], None)])
    assert [e["doc_event_id"] for e in se.load_doc_events(store, ["a.txt"], exclude={"a.txt#0"})] == ["a.txt#1"]
    assert [e["doc_event_id"] for e in se.load_doc_events(store, None, exclude={"a.txt#1"})] == ["a.txt#0"]


def test_save_events_in_one_batch_replaces_rows_and_the_last_record_of_an_id_wins(store):
    _populate(store)
    call = se.list_events(store, type="phone_call")[0]
    n_rows = store.conn.execute("SELECT COUNT(*) FROM evidence WHERE event_id = ?", (call["id"],)).fetchone()[0]
    changed = dict(call, location="Hanoi")
    se.save_events(store, [call, changed])
    assert se.get_event(store, call["id"])["location"] == "Hanoi"
    assert store.conn.execute("SELECT COUNT(*) FROM evidence WHERE event_id = ?",
                              (call["id"],)).fetchone()[0] == n_rows           # rewritten, not duplicated
    undated = se.undated_event_ids(store, "prisoner_exchange", "Ukraine")
    assert len(undated) == 1 and se.get_event(store, undated[0])["type"] == "prisoner_exchange"


def _evidence_rows(store, eid):
    return sorted(tuple(r) for r in store.conn.execute(
        "SELECT field, value, doc_id, start, end, sentence, source FROM evidence WHERE event_id = ?", (eid,)))


def test_saving_an_event_again_writes_only_the_evidence_rows_that_changed(store):
    """A re-merged event keeps the rows of its older members (same rowid) and gets exactly the
    rows of its new record: gone rows deleted, new ones inserted, repeated rows kept as often as
    the record has them, other events untouched."""
    _populate(store)
    call = se.list_events(store, type="phone_call")[0]
    other = [e for e in se.list_events(store) if e["id"] != call["id"]][0]
    other_rows = _evidence_rows(store, other["id"])
    rowids = {tuple(r[1:]): r[0] for r in store.conn.execute(
        "SELECT rowid, field, value, doc_id, start, end, sentence, source FROM evidence WHERE event_id = ?",
        (call["id"],))}
    kept, gone = call["mentions"][0], call["mentions"][1]
    new_m = dict(kept, doc="c.txt", start=3, end=9, sentence="Câu mới về cuộc điện đàm.")
    grown = dict(call, mentions=[kept, new_m, new_m])          # one mention gone, a new one twice
    se.save_events(store, [grown])
    rows = _evidence_rows(store, call["id"])
    mentions = [r for r in rows if r[0] == "mention"]
    assert [(r[2], r[3]) for r in mentions] == [(kept["doc"], kept["start"]), ("c.txt", 3), ("c.txt", 3)]
    assert (gone["doc"], gone["start"]) not in [(r[2], r[3]) for r in mentions]
    key = ("mention", None, kept["doc"], kept["start"], kept["end"], kept.get("sentence") or "", kept.get("source"))
    assert store.conn.execute("SELECT rowid FROM evidence WHERE event_id = ? AND field = 'mention' AND doc_id = ?"
                              " AND start = ?", (call["id"], kept["doc"], kept["start"])).fetchone()[0] == rowids[key]
    assert _evidence_rows(store, other["id"]) == other_rows
    # the same record again: nothing changes
    se.save_events(store, [grown])
    assert _evidence_rows(store, call["id"]) == rows
    # the event row was updated in place (an upsert: no cascade emptied its evidence)
    assert se.get_event(store, call["id"])["mentions"][1]["doc"] == "c.txt"


def test_a_record_equal_to_the_stored_one_is_not_written_again(store):
    """Resolution merges some stored events again (an ordinal to re-check, an undated outcome);
    when the record comes out equal to the stored one nothing is written: the row keeps its
    updated_at and rowid, its actors, keys and evidence rows stay; a changed record is written."""
    _populate(store)
    call = se.list_events(store, type="phone_call")[0]
    row = lambda: store.conn.execute("SELECT rowid, updated_at FROM events WHERE event_id = ?",
                                     (call["id"],)).fetchone()
    store.conn.execute("UPDATE events SET updated_at = '2000-01-01T00:00:00' WHERE event_id = ?", (call["id"],))
    before, ev_rows = tuple(row()), _evidence_rows(store, call["id"])
    se.save_events(store, [se.get_event(store, call["id"])])
    assert tuple(row()) == before and _evidence_rows(store, call["id"]) == ev_rows
    se.save_events(store, [dict(se.get_event(store, call["id"]), location="Hanoi")])
    assert row()[1] != "2000-01-01T00:00:00" and se.get_event(store, call["id"])["location"] == "Hanoi"
