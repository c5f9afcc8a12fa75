"""Cross-document resolution on synthetic document-level event records (docs/ARCHITECTURE.md)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from sukien import store_events as se
from sukien.models import Document, MetaValue, Segment
from sukien.resolve import DateVal, date_relation, parse_date, resolve
from sukien.store import Store

COUNTRY = {"Donald Trump": "United States", "Marco Rubio": "United States", "Vladimir Putin": "Russia",
           "Sergei Lavrov": "Russia", "Volodymyr Zelensky": "Ukraine", "To Lam": "Vietnam",
           "Xi Jinping": "China", "Luong Cuong": "Vietnam", "Abbas Araghchi": "Iran",
           "Steve Witkoff": "United States"}


class FakeActors:
    def country_of(self, name):
        return COUNTRY.get(name, name)

    def by_name(self, name):
        return None


class FakeRes:
    def __init__(self):
        self.actors = FakeActors()
        from sukien.config import Config
        self.config = Config()
        self.summary_templates = self.load_yaml("events/summary.yaml")

    def load_yaml(self, rel):
        import yaml
        from sukien.config import PACKAGE_DATA
        return yaml.safe_load((PACKAGE_DATA / rel).read_text(encoding="utf-8"))


def mk(doc, n, type_, participants, date=None, **kw):
    text = kw.pop("sentence", f"câu về sự kiện {n} trong {doc}")
    ev = {"doc_event_id": f"{doc}#{n}", "doc": doc, "type": type_, "cameo": None, "status": "occurred",
          "date": date, "date_confidence": 0.9 if date else 0.0, "date_basis": "sentence" if date else "none",
          "year_explicit": True, "participants": participants, "initiator": None, "duration_minutes": None,
          "location": None, "topics": [], "quantities": {}, "ordinal": None, "main": n == 0,
          "mentions": [{"doc": doc, "start": 10 * n, "end": 10 * n + 5, "sentence": text, "source": None}],
          "evidence": {}, "pub_date": None, "outlet": None}
    ev.update(kw)
    if ev["date"] and "date" not in ev["evidence"]:
        ev["evidence"]["date"] = [{"value": ev["date"], "doc": doc, "start": 10 * n, "end": 10 * n + 5,
                                   "sentence": text, "source": None}]
    return ev


def put_doc(store, doc_id, pub=None):
    text = "Nội dung bài báo thử nghiệm. " * 5
    d = Document(doc_id=doc_id, text=text, segments=[Segment(0, len(text), "body")], content_hash="h-" + doc_id,
                 pub_date=MetaValue(pub, "test") if pub else None)
    store.put_document(d)


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "t.db")
    yield s
    s.close()


@pytest.fixture
def res():
    return FakeRes()


def load(store, docs_events, res, pubs=None, incremental=False):
    for doc, evs in docs_events.items():
        put_doc(store, doc, (pubs or {}).get(doc))
        for ev in evs:
            if pubs and doc in pubs:
                ev["pub_date"] = pubs[doc]
        se.save_doc_events(store, doc, evs)
        if incremental:
            resolve(store, res, [doc])
    if not incremental:
        resolve(store, res, list(docs_events))
    return se.list_events(store, limit=None)


def by_docs(events):
    return {tuple(sorted({m["doc"] for m in e["mentions"]})): e for e in events}


# ---------------------------------------------------------------- dates

def test_parse_date_forms():
    assert parse_date("2025-03-18") == DateVal(2025, 3, 18, True, 0.5)
    assert parse_date("2025-03").d is None and parse_date("2025-03").m == 3
    assert parse_date("--10-16").y is None and parse_date("--10-16").d == 16
    assert parse_date("garbage") is None and parse_date(None) is None


def test_date_relation_kinds():
    full = DateVal(2025, 10, 16, True, 0.9)
    assert date_relation(full, DateVal(2025, 10, 16, True, 0.9))[0] == "exact"
    assert date_relation(full, DateVal(None, 10, 16, False, 0.9))[0] == "month_day"
    assert date_relation(full, DateVal(2024, 10, 16, False, 0.6))[0] == "month_day"   # inferred year
    assert date_relation(full, DateVal(2025, 10, 20, True, 0.9))[0] == "conflict"
    assert date_relation(full, DateVal(2025, 10, 17, True, 0.6))[0] == "near"
    assert date_relation(full, DateVal(2025, 10, None, True, 0.9))[0] == "month"
    assert date_relation(full, DateVal(2025, 11, None, True, 0.9))[0] == "conflict"


# ---------------------------------------------------------------- clustering

def test_same_call_in_two_articles_merges_and_conflicting_duration_is_kept(store, res):
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-02-12", duration_minutes=90)],
        "b.txt": [mk("b.txt", 0, "phone_call", ["Vladimir Putin", "Donald Trump"], "2025-02-12", duration_minutes=150)],
        "c.txt": [mk("c.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-02-12", duration_minutes=90)],
    }, res)
    assert len(evs) == 1
    ev = evs[0]
    assert ev["duration_minutes"] == 90                         # majority
    conf = {c["field"]: c["values"] for c in ev["conflicts"]}
    assert conf["duration_minutes"] == [{"value": 90, "docs": ["a.txt", "c.txt"]}, {"value": 150, "docs": ["b.txt"]}]
    assert ev["n_sources"] == 3 and ev["date"] == "2025-02-12"


def test_different_casts_same_day_stay_apart(store, res):
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-05-19"),
                  mk("a.txt", 1, "phone_call", ["Donald Trump", "Volodymyr Zelensky"], "2025-05-19")],
        "b.txt": [mk("b.txt", 0, "phone_call", ["Marco Rubio", "Sergei Lavrov"], "2025-05-19")],
    }, res)
    assert len(evs) == 3      # US-RU vs US-UA: partial overlap; Rubio-Lavrov vs Trump-Putin: other persons


def test_two_events_of_one_document_never_merge(store, res):
    evs = load(store, {"a.txt": [
        mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-18"),
        mk("a.txt", 1, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-18"),
    ]}, res)
    assert len(evs) == 2


def test_explicit_different_dates_never_merge(store, res):
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-18",
                     topics=["ceasefire"], duration_minutes=120)],
        "b.txt": [mk("b.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-05-19",
                     topics=["ceasefire"], duration_minutes=120)],
    }, res)
    assert len(evs) == 2


def test_undated_report_takes_the_date_through_shared_story(store, res):
    """An article without date or publication date reports a call and its outcomes; another
    article reports the same outcomes with the date: the call, truce and exchange all join."""
    dated = [mk("x.txt", 0, "phone_call", ["Vladimir Putin", "Donald Trump"], "2025-03-18", topics=["ceasefire"]),
             mk("x.txt", 1, "ceasefire", ["Vladimir Putin", "Donald Trump"], "2025-03-18", quantities={"days": 30}),
             mk("x.txt", 2, "prisoner_exchange", ["Russia", "Ukraine"], "2025-03-19", status="planned",
                quantities={"prisoners_each_side": 175})]
    other_call = [mk("z.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-02-12", topics=["ceasefire"])]
    undated = [mk("y.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], None, topics=["ceasefire"]),
               mk("y.txt", 1, "ceasefire", ["Vladimir Putin", "Donald Trump"], None, quantities={"days": 30}),
               mk("y.txt", 2, "prisoner_exchange", ["Russia", "Ukraine"], "2026-03-19", status="planned",
                  year_explicit=False, date_confidence=0.5)]
    evs = load(store, {"x.txt": dated, "z.txt": other_call, "y.txt": undated}, res)
    call = next(e for e in evs if e["type"] == "phone_call" and "y.txt" in e["documents"])
    assert call["documents"] == ["x.txt", "y.txt"] and call["date"] == "2025-03-18"
    truce = next(e for e in evs if e["type"] == "ceasefire")
    assert truce["documents"] == ["x.txt", "y.txt"] and truce["date"] == "2025-03-18"
    assert "y.txt" in call["provenance"]["date_filled_for"]
    exch = next(e for e in evs if e["type"] == "prisoner_exchange")
    assert exch["date"] == "2025-03-19"                       # year taken from the explicit mate
    assert {m["doc"] for m in exch["mentions"]} == {"x.txt", "y.txt"}
    assert not [c for c in exch["conflicts"] if c["field"] == "date"]
    assert next(e for e in evs if e["documents"] == ["z.txt"])["date"] == "2025-02-12"


def test_undated_without_distinctive_facts_stays_apart(store, res):
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-18")],
        "b.txt": [mk("b.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], None)],
    }, res)
    assert len(evs) == 2


def test_undated_report_joins_the_recent_call_by_publication_window(store, res):
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "phone_call", ["To Lam", "Xi Jinping"], "2025-04-14", topics=["trade"])],
        "b.txt": [mk("b.txt", 0, "phone_call", ["Xi Jinping", "To Lam"], None, topics=["trade"])],
    }, res, pubs={"a.txt": "2025-04-15", "b.txt": "2025-04-15"})
    assert len(evs) == 1 and evs[0]["date"] == "2025-04-14"


def test_an_undated_occurred_report_cannot_be_a_later_event(store, res):
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "meeting", ["To Lam", "Xi Jinping"], "2025-06-20", location="Hanoi")],
        "b.txt": [mk("b.txt", 0, "meeting", ["Xi Jinping", "To Lam"], None, location="Hanoi")],
    }, res, pubs={"b.txt": "2025-05-01"})
    assert len(evs) == 2


def test_year_less_date_gets_year_from_mate(store, res):
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "visit", ["Luong Cuong", "China"], "2025-10-16", location="Beijing")],
        "b.txt": [mk("b.txt", 0, "visit", ["Luong Cuong", "China"], "--10-16", year_explicit=False,
                     location="Beijing")],
    }, res)
    assert len(evs) == 1 and evs[0]["date"] == "2025-10-16"
    assert evs[0]["provenance"]["year_from"]["filled_for"] == ["b.txt"]


def test_status_occurred_wins_when_the_date_has_passed(store, res):
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], "2025-03-19", status="planned",
                     quantities={"prisoners_each_side": 175})],
        "b.txt": [mk("b.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], "2025-03-19",
                     quantities={"prisoners_each_side": 175})],
    }, res, pubs={"a.txt": "2025-03-18", "b.txt": "2025-03-20"})
    assert len(evs) == 1 and evs[0]["status"] == "occurred"
    # planned before the day, occurred after it: the event's history, not a disagreement
    assert not any(c["field"] == "status" for c in evs[0]["conflicts"])
    assert evs[0]["provenance"]["status_progression"] == [
        {"status": "planned", "docs": ["a.txt"]}, {"status": "occurred", "docs": ["b.txt"]}]


def test_status_conflict_when_a_report_after_the_day_still_says_planned(store, res):
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], "2025-03-19", status="planned",
                     quantities={"prisoners_each_side": 175})],
        "b.txt": [mk("b.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], "2025-03-19",
                     quantities={"prisoners_each_side": 175})],
    }, res, pubs={"a.txt": "2025-03-21", "b.txt": "2025-03-20"})
    assert len(evs) == 1 and evs[0]["status"] == "occurred"
    assert any(c["field"] == "status" for c in evs[0]["conflicts"])
    assert "status_progression" not in evs[0]["provenance"]


def test_conflicting_quantities_block_a_merge_of_undated_events(store, res):
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], None, status="planned",
                     quantities={"prisoners_each_side": 1000})],
        "b.txt": [mk("b.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], None, status="planned",
                     quantities={"prisoners_each_side": 175})],
    }, res)
    assert len(evs) == 2


def test_undated_reports_chained_week_after_week_are_not_one_event(store, res, incremental=False):
    # every neighbour pair is within the publication window and shares the cast and the number,
    # but the chain spans three months: no single undated event takes every report of the season
    docs = {f"w{k}.txt": [mk(f"w{k}.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], None,
                             quantities={"prisoners_each_side": 100}, topics=["prisoners"])]
            for k in range(13)}
    pubs = {f"w{k}.txt": (date(2025, 3, 1) + timedelta(days=7 * k)).isoformat() for k in range(13)}
    evs = load(store, docs, res, pubs=pubs)
    spans = []
    for e in evs:
        days = sorted(pubs[m["doc"]] for m in e["mentions"])
        spans.append((date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days)
    assert len(evs) > 1 and max(spans) <= 30
    assert any(len({m["doc"] for m in e["mentions"]}) > 1 for e in evs)     # near reports still merge


@pytest.mark.parametrize("incremental", [False, True])
def test_undated_chain_limit_holds_incrementally(store, res, incremental):
    docs = {f"w{k}.txt": [mk(f"w{k}.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], None,
                             quantities={"prisoners_each_side": 100})] for k in range(8)}
    pubs = {f"w{k}.txt": (date(2025, 3, 1) + timedelta(days=10 * k)).isoformat() for k in range(8)}
    evs = load(store, docs, res, pubs=pubs, incremental=incremental)
    for e in evs:
        days = sorted(date.fromisoformat(pubs[m["doc"]]) for m in e["mentions"])
        assert (days[-1] - days[0]).days <= 30


def test_a_dated_report_does_not_license_a_season_of_undated_ones(store, res):
    # one report dates the exchange; undated reports of the same cast follow every week for
    # three months: only those of its first month may be that exchange
    docs = {"d0.txt": [mk("d0.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], "2025-03-01",
                          quantities={"prisoners_each_side": 100})]}
    pubs = {"d0.txt": "2025-03-01"}
    for k in range(1, 13):
        doc = f"w{k}.txt"
        docs[doc] = [mk(doc, 0, "prisoner_exchange", ["Russia", "Ukraine"], None,
                        quantities={"prisoners_each_side": 100})]
        pubs[doc] = (date(2025, 3, 1) + timedelta(days=7 * k)).isoformat()
    evs = load(store, docs, res, pubs=pubs)
    for e in evs:
        undated = sorted(date.fromisoformat(pubs[m["doc"]]) for m in e["mentions"] if m["doc"] != "d0.txt")
        if undated:
            assert (undated[-1] - undated[0]).days <= 30


def test_weakly_dated_reports_chain_no_further_than_undated_ones(store, res):
    # "next week" talks, reported weekly, half the reports with a weak guess of the day (never a
    # conflict), half undated: the chain over three months is not one planned meeting
    docs, pubs = {}, {}
    for k in range(13):
        doc = f"p{k}.txt"
        day = date(2025, 3, 1) + timedelta(days=7 * k)
        guess = (day + timedelta(days=7)).isoformat() if k % 2 else None      # every other report: undated
        docs[doc] = [mk(doc, 0, "meeting", ["Donald Trump", "Vladimir Putin"], guess, status="planned",
                        date_confidence=0.3, date_basis="relative", location="Riyadh", topics=["ukraine"])]
        pubs[doc] = day.isoformat()
    evs = load(store, docs, res, pubs=pubs)
    assert len(evs) > 1
    for e in evs:
        days = sorted(date.fromisoformat(pubs[m["doc"]]) for m in e["mentions"])
        assert (days[-1] - days[0]).days <= 30


def test_parent_event_date_propagates_inside_a_document(store, res):
    evs = load(store, {"a.txt": [
        mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-18"),
        mk("a.txt", 1, "ceasefire", ["Donald Trump", "Vladimir Putin"], None, parent="a.txt#0"),
    ]}, res)
    cf = next(e for e in evs if e["type"] == "ceasefire")
    assert cf["date"] == "2025-03-18" and cf["provenance"]["date_from_event"]["doc_event"] == "a.txt#0"


# ---------------------------------------------------------------- ids, incremental, ordinals

def _corpus():
    return {
        "a.txt": [mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-18", topics=["ceasefire"]),
                  mk("a.txt", 1, "ceasefire", ["Donald Trump", "Vladimir Putin"], "2025-03-18", quantities={"days": 30})],
        "b.txt": [mk("b.txt", 0, "phone_call", ["Vladimir Putin", "Donald Trump"], None, topics=["ceasefire"]),
                  mk("b.txt", 1, "ceasefire", ["Donald Trump", "Vladimir Putin"], None, quantities={"days": 30})],
        "c.txt": [mk("c.txt", 0, "meeting", ["Donald Trump", "Volodymyr Zelensky"], "2025-12-28", status="planned",
                     location="Mar-a-Lago")],
    }


def _signature(evs):
    return sorted((e["id"], tuple(sorted({m["doc"] for m in e["mentions"]})), e["date"]) for e in evs)


def test_ids_are_stable_across_runs_and_ingest_orders(tmp_path, res):
    sigs = []
    for i, order in enumerate([["a.txt", "b.txt", "c.txt"], ["c.txt", "b.txt", "a.txt"], ["b.txt", "a.txt", "c.txt"]]):
        with Store(tmp_path / f"s{i}.db") as s:
            corpus = _corpus()
            sigs.append(_signature(load(s, {d: corpus[d] for d in order}, res, incremental=True)))
    with Store(tmp_path / "batch.db") as s:
        sigs.append(_signature(load(s, _corpus(), res)))
    assert sigs[0] == sigs[1] == sigs[2] == sigs[3]
    assert len(sigs[0]) == 3


def test_old_id_resolves_through_alias_after_the_cluster_gains_a_date(store, res):
    corpus = _corpus()
    load(store, {"b.txt": corpus["b.txt"]}, res)
    old = {e["type"]: e["id"] for e in se.list_events(store, limit=None)}
    load(store, {"a.txt": corpus["a.txt"]}, res)
    new = {e["type"]: e["id"] for e in se.list_events(store, limit=None)}
    assert old["phone_call"] != new["phone_call"]
    assert se.get_event(store, old["phone_call"])["id"] == new["phone_call"]


def test_reprocessing_a_document_is_idempotent(store, res):
    corpus = _corpus()
    first = _signature(load(store, corpus, res))
    se.save_doc_events(store, "a.txt", corpus["a.txt"])
    resolve(store, res, ["a.txt"])
    assert _signature(se.list_events(store, limit=None)) == first
    assert store.conn.execute("SELECT COUNT(*) FROM doc_events WHERE event_id IS NULL").fetchone()[0] == 0


def test_a_document_that_loses_an_event_leaves_no_orphan(store, res):
    corpus = _corpus()
    load(store, corpus, res)
    se.save_doc_events(store, "c.txt", [])
    resolve(store, res, ["c.txt"])
    assert [e for e in se.list_events(store, limit=None) if e["type"] == "meeting"] == []


def test_ordinal_checked_against_the_series(store, res):
    docs = {
        "a.txt": [mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-02-12")],
        "b.txt": [mk("b.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-18")],
        "c.txt": [mk("c.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-05-19", ordinal=2)],
        "d.txt": [mk("d.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-08-01", ordinal=9)],
    }
    load(store, docs, res, incremental=True)
    g = by_docs(se.list_events(store, limit=None))
    assert [f["flag"] for f in g[("c.txt",)]["flags"]] == ["ordinal_inconsistent"]
    assert [f["flag"] for f in g[("d.txt",)]["flags"]] == ["ordinal_series_incomplete"]


def test_blocking_never_compares_far_apart_dates(res):
    from sukien.resolve import DAY_WINDOW, _Countries, _candidate_pairs, _pregroup
    evs = [mk(f"d{i}.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"],
              f"2025-{1 + i // 28:02d}-{1 + i % 28:02d}") for i in range(300)]
    nodes = _pregroup(evs, _Countries(res), 0)
    pairs = _candidate_pairs(nodes)
    assert len(pairs) < 300 * 5          # a sliding window, not 300*299/2 pairs
    assert len(set(pairs)) == len(pairs)                      # each pair once
    for code in pairs:                                        # i * len(nodes) + j, i < j
        i, j = divmod(code, len(nodes))
        assert i < j and abs(nodes[i].tkey()[1] - nodes[j].tkey()[1]) <= DAY_WINDOW


def test_ordinal_flags_follow_the_series_when_an_earlier_event_arrives_later(store, res):
    load(store, {"c.txt": [mk("c.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-05-19", ordinal=2)]},
         res)
    assert [f["flag"] for f in se.list_events(store)[0]["flags"]] == ["ordinal_series_incomplete"]
    load(store, {"a.txt": [mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-02-12")]}, res)
    later = next(e for e in se.list_events(store) if e["date"] == "2025-05-19")
    assert later["flags"] == []                                # now consistent: one earlier call on record


def test_outcome_of_an_undated_main_event_is_dated_when_the_event_is(store, res):
    """An article never dates its call nor the truce agreed in it; once the call is dated from
    another article, the truce takes that date."""
    dated = [mk("x.txt", 0, "phone_call", ["Vladimir Putin", "Donald Trump"], "2025-03-18", duration_minutes=150),
             mk("x.txt", 1, "prisoner_exchange", ["Russia", "Ukraine"], "2025-03-19", quantities={"wounded": 23})]
    undated = [mk("y.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], None, duration_minutes=150),
               mk("y.txt", 1, "agreement", ["Vladimir Putin", "Donald Trump"], None, main=False),
               mk("y.txt", 2, "prisoner_exchange", ["Ukraine"], "2026-03-19", year_explicit=False,
                  quantities={"wounded": 23})]
    evs = load(store, {"x.txt": dated, "y.txt": undated}, res)
    agr = next(e for e in evs if e["type"] == "agreement")
    assert agr["date"] == "2025-03-18"
    assert agr["provenance"]["date_from_event"]["rule"] == "outcome_of_main_event"


def test_status_without_a_date_goes_to_the_majority_then_the_latest_report(store, res):
    q = {"prisoners_each_side": 300}
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], None, status="planned", quantities=q)],
        "b.txt": [mk("b.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], None, quantities=q)],
    }, res, pubs={"a.txt": "2025-06-01", "b.txt": "2025-06-03"})
    assert len(evs) == 1 and evs[0]["status"] == "occurred"          # the later report says it happened
    store.conn.execute("DELETE FROM events")
    evs = load(store, {
        "c.txt": [mk("c.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], None, status="planned", quantities=q)],
        "d.txt": [mk("d.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], None, quantities=q)],
    }, res, pubs={"c.txt": "2025-07-05", "d.txt": "2025-07-01"})
    assert next(e for e in evs if "c.txt" in e["documents"])["status"] == "planned"


def test_participants_are_the_sides_most_reports_name(store, res):
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "ceasefire", ["Donald Trump", "Vladimir Putin", "Volodymyr Zelensky"], "2025-03-18",
                     quantities={"days": 30})],
        "b.txt": [mk("b.txt", 0, "ceasefire", ["Vladimir Putin", "Donald Trump"], "2025-03-18", quantities={"days": 30})],
        "c.txt": [mk("c.txt", 0, "ceasefire", ["Russia", "United States"], "2025-03-18", quantities={"days": 30})],
    }, res)
    assert len(evs) == 1
    assert sorted(evs[0]["participants"]) == ["Donald Trump", "Vladimir Putin"]   # Ukraine: one report in three
    evs = load(store, {
        "d.txt": [mk("d.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], "2025-05-23", quantities={"n": 390})],
        "e.txt": [mk("e.txt", 0, "prisoner_exchange", ["Vladimir Putin", "Ukraine"], "2025-05-23", quantities={"n": 390})],
    }, res)
    exch = next(e for e in evs if e["type"] == "prisoner_exchange")
    assert sorted(exch["participants"]) == ["Ukraine", "Vladimir Putin"]             # Russia is Putin's side


def _rich_corpus():
    c = _corpus()
    c["d.txt"] = [mk("d.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], "2025-03-19", quantities={"n": 175}),
                  mk("d.txt", 1, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-18", duration_minutes=150)]
    c["e.txt"] = [mk("e.txt", 0, "prisoner_exchange", ["Ukraine"], "--03-19", year_explicit=False,
                     quantities={"n": 175}),
                  mk("e.txt", 1, "meeting", ["Donald Trump", "Volodymyr Zelensky"], "2025-12-28", location="Mar-a-Lago")]
    # an article that dates neither its call nor the agreement reached in it
    c["f.txt"] = [mk("f.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], None, duration_minutes=150,
                     pub_date="2025-03-19"),
                  mk("f.txt", 1, "agreement", ["Donald Trump", "Vladimir Putin"], None, topics=["working groups"],
                     pub_date="2025-03-19")]
    return c


def test_any_ingest_order_gives_the_batch_result(tmp_path_factory):
    from hypothesis import given, settings, strategies as st
    res = FakeRes()
    with Store(tmp_path_factory.mktemp("batch") / "b.db") as s:
        expected = _signature(load(s, _rich_corpus(), res))

    @settings(max_examples=12, deadline=None)
    @given(st.permutations(sorted(_rich_corpus())), st.integers(1, 3))
    def check(order, step):
        with Store(tmp_path_factory.mktemp("inc") / "i.db") as s:
            corpus = _rich_corpus()
            for i in range(0, len(order), step):
                chunk = order[i:i + step]
                for d in chunk:
                    put_doc(s, d)
                    se.save_doc_events(s, d, corpus[d])
                resolve(s, res, chunk)
            assert _signature(se.list_events(s, limit=None)) == expected

    assert ("ev-", ("f.txt",), "2025-03-18") in {(i[:3], d, t) for i, d, t in expected}   # the agreement
    check()


def test_a_guessed_year_is_repaired_by_the_ordinal_series(store, res):
    """An article without publication date says "the third call this year" on 19/5; the language
    layer guessed a wrong year. The series on record (two earlier calls in 2025) fixes the year,
    and the article's other guessed-year events move with it."""
    load(store, {
        "a.txt": [mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-02-12")],
        "b.txt": [mk("b.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-18")],
    }, res)
    guess = dict(year_explicit=False, date_confidence=0.6)
    evs = load(store, {"c.txt": [
        mk("c.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2022-05-19", ordinal=3, **guess),
        mk("c.txt", 1, "phone_call", ["Marco Rubio", "Sergei Lavrov"], "2022-05-17", **guess),
    ]}, res)
    g = {e["participants"][0]: e for e in evs if e["documents"] == ["c.txt"]}
    assert g["Donald Trump"]["date"] == "2025-05-19" and g["Donald Trump"]["flags"] == []
    assert g["Marco Rubio"]["date"] == "2025-05-17"
    assert g["Donald Trump"]["provenance"]["year_from_series"]["guessed"] == 2022


def test_a_stated_year_is_never_repaired(store, res):
    load(store, {"a.txt": [mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-02-12")],
                 "b.txt": [mk("b.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-18")]}, res)
    evs = load(store, {"c.txt": [mk("c.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2022-05-19",
                                    ordinal=3)]}, res)
    c = next(e for e in evs if e["documents"] == ["c.txt"])
    assert c["date"] == "2022-05-19" and c["flags"][0]["flag"] == "ordinal_series_incomplete"


def test_year_repair_does_not_depend_on_ingest_order(tmp_path):
    res = FakeRes()
    guess = dict(year_explicit=False, date_confidence=0.6)
    corpus = {
        "a.txt": [mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-02-12", ordinal=1)],
        "b.txt": [mk("b.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-18")],
        "c.txt": [mk("c.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2022-05-19", ordinal=3, **guess),
                  mk("c.txt", 1, "negotiation", ["Russia", "Ukraine"], "2022-05-16", location="Istanbul", **guess)],
    }
    sigs = []
    for i, order in enumerate([["a.txt", "b.txt", "c.txt"], ["c.txt", "b.txt", "a.txt"], ["c.txt", "a.txt", "b.txt"]]):
        with Store(tmp_path / f"o{i}.db") as s:
            sigs.append(_signature(load(s, {d: json_copy(corpus[d]) for d in order}, res, incremental=True)))
    assert sigs[0] == sigs[1] == sigs[2]
    assert {t for _, _, t in sigs[0]} == {"2025-02-12", "2025-03-18", "2025-05-19", "2025-05-16"}


def json_copy(x):
    import json
    return json.loads(json.dumps(x))


def test_one_truce_reported_with_different_sides_joins_on_a_shared_quantity(store, res):
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "ceasefire", ["Vladimir Putin", "Donald Trump"], "2025-03-18", quantities={"days": 30})],
        "b.txt": [mk("b.txt", 0, "ceasefire", ["Russia", "Ukraine"], "2025-03-18", quantities={"days": 30})],
        "c.txt": [mk("c.txt", 0, "ceasefire", ["Russia", "Ukraine"], "2025-03-18", quantities={"days": 10})],
        "d.txt": [mk("d.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-18")],
        "e.txt": [mk("e.txt", 0, "phone_call", ["Donald Trump", "Volodymyr Zelensky"], "2025-03-18")],
    }, res)
    truces = sorted(e["documents"] for e in evs if e["type"] == "ceasefire")
    assert truces == [["a.txt", "b.txt"], ["c.txt"]]
    assert len([e for e in evs if e["type"] == "phone_call"]) == 2      # calls: no such exception


def test_merged_evidence_keeps_each_distinct_item_once_in_first_seen_order(res):
    from sukien.resolve import Node
    from sukien.resolve_merge import merge_cluster
    item = {"value": "2025-03-18", "start": 0, "end": 5, "sentence": "s", "source": None}
    a = mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-18", evidence={
        "date": [dict(item), dict(item, value=["2025-03-18"]), dict(item, start=7)]})
    b = mk("b.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-18", evidence={
        "date": [dict(item, doc="a.txt"), dict(item, doc="a.txt", value=["2025-03-18"])]})
    rec = merge_cluster(Node(key=0, members=[a, b], family="phone_call"), res)
    assert [(e["doc"], e["start"], e["value"]) for e in rec["evidence"]["date"]] == [
        ("a.txt", 0, "2025-03-18"), ("a.txt", 0, ["2025-03-18"]), ("a.txt", 7, "2025-03-18")]


# ---------------------------------------------------------------- year-less day-month (partial key)

def mk_dm(doc, n, type_, participants, day_month, **kw):
    """A record as the extractor writes it for "16/10" with no year and no publication date."""
    text = kw.pop("sentence", f"Tối {day_month[3:]}/{day_month[:2]}, sự kiện {n} trong {doc}.")
    ev = mk(doc, n, type_, participants, None, sentence=text, **kw)
    ev.update({"date_basis": "day_month", "date_confidence": 0.27, "year_explicit": False,
               "day_month": day_month})
    ev["evidence"]["day_month"] = [{"value": day_month, "doc": doc, "start": 10 * n, "end": 10 * n + 5,
                                    "sentence": text, "source": None}]
    return ev


def test_date_relation_year_less_against_a_dated_report():
    part = DateVal(None, 10, 16, False, 0.5)
    assert date_relation(part, DateVal(2025, 10, 16, True, 0.9))[0] == "month_day"
    assert date_relation(DateVal(2025, 10, 17, True, 0.9), part)[0] == "near"      # time zones
    assert date_relation(part, DateVal(2025, 10, 19, True, 0.9))[0] == "conflict"
    assert date_relation(DateVal(None, 12, 31, False, 0.5), DateVal(2026, 1, 1, True, 0.9))[0] == "near"


@pytest.mark.parametrize("incremental", [False, True])
def test_day_month_without_year_takes_the_year_of_a_dated_mate(store, res, incremental):
    evs = load(store, {
        "nodate.txt": [mk_dm("nodate.txt", 0, "meeting", ["To Lam", "Xi Jinping"], "10-16")],
        "dated.txt": [mk("dated.txt", 0, "meeting", ["Xi Jinping", "To Lam"], "2025-10-16")],
    }, res, pubs={"dated.txt": "2025-10-17"}, incremental=incremental)
    assert len(evs) == 1
    ev = evs[0]
    assert ev["date"] == "2025-10-16"
    assert ev["provenance"]["year_from"] == {"docs": ["dated.txt"], "filled_for": ["nodate.txt"]}
    filled = [e for e in ev["evidence"]["date"] if e["doc"] == "nodate.txt"]
    assert filled and filled[0]["value"] == "2025-10-16" and filled[0]["year_from"] == ["dated.txt"]
    assert "16/10" in filled[0]["sentence"]


def test_day_month_blocks_over_all_years_in_the_store(store, res):
    # the dated report is stored first, long before: the year-less one still finds it
    evs = load(store, {
        "old.txt": [mk("old.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2023-03-05")],
        "other.txt": [mk("other.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"], "2025-03-20")],
        "nodate.txt": [mk_dm("nodate.txt", 0, "phone_call", ["Vladimir Putin", "Donald Trump"], "03-05")],
    }, res, pubs={"old.txt": "2023-03-05", "other.txt": "2025-03-20"}, incremental=True)
    g = by_docs(evs)
    assert ("nodate.txt", "old.txt") in g and g[("nodate.txt", "old.txt")]["date"] == "2023-03-05"
    assert ("other.txt",) in g


def test_day_month_of_another_day_stays_apart(store, res):
    evs = load(store, {
        "nodate.txt": [mk_dm("nodate.txt", 0, "meeting", ["To Lam", "Xi Jinping"], "10-20")],
        "dated.txt": [mk("dated.txt", 0, "meeting", ["Xi Jinping", "To Lam"], "2025-10-16")],
    }, res)
    assert len(evs) == 2
    assert next(e for e in evs if e["documents"] == ["nodate.txt"])["date"] is None


def test_two_year_less_reports_of_one_day_stay_undated(store, res):
    evs = load(store, {
        "a.txt": [mk_dm("a.txt", 0, "meeting", ["To Lam", "Xi Jinping"], "10-16", location="Hanoi")],
        "b.txt": [mk_dm("b.txt", 0, "meeting", ["Xi Jinping", "To Lam"], "10-16", location="Hanoi")],
    }, res)
    assert len(evs) == 1 and evs[0]["date"] is None
    assert evs[0]["provenance"].get("date_partial") == "--10-16"


def test_a_city_and_its_country_are_one_place(store, res):
    COUNTRY_PLACES = {"Hanoi": "Vietnam"}
    res.actors.country_of = lambda name: COUNTRY_PLACES.get(name) or COUNTRY.get(name, name)
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "visit", ["Xi Jinping", "To Lam"], "2025-10-16", location="Vietnam")],
        "b.txt": [mk_dm("b.txt", 0, "visit", ["Xi Jinping"], "10-16", location="Hanoi")],
    }, res)
    assert len(evs) == 1 and evs[0]["date"] == "2025-10-16"


def _varied_records() -> list[dict]:
    """Records that exercise every veto and score branch: casts, persons, dates of every kind,
    publication days, statuses, quantities, durations, places, ordinals, initiators."""
    import random
    rnd = random.Random(4)
    casts = [["Donald Trump", "Vladimir Putin"], ["Marco Rubio", "Sergei Lavrov"], ["Russia", "Ukraine"],
             ["Ukraine"], ["Vladimir Putin", "Volodymyr Zelensky"], ["To Lam", "Xi Jinping"], ["United States"]]
    dates = [None, "2025-03-18", "2025-03-19", "2025-03-21", "2025-03", "2024-03-18", "2025"]
    out = []
    for i in range(90):
        extra = {}
        if rnd.random() < 0.3:
            extra["day_month"], extra["date_basis"] = "03-18", "day_month"
        ev = mk(f"d{i % 40}.txt", i, rnd.choice(["phone_call", "meeting", "ceasefire", "agreement"]),
                list(rnd.choice(casts)), rnd.choice(dates),
                year_explicit=rnd.random() < 0.8, date_confidence=rnd.choice([0.3, 0.6, 0.9]),
                pub_date=rnd.choice([None, "2025-03-19", "2025-03-25", "2025-01-10"]),
                status=rnd.choice(["occurred", "occurred", "planned"]),
                quantities=rnd.choice([{}, {"days": 30}, {"days": 20}, {"prisoners": 175}]),
                duration_minutes=rnd.choice([None, 90, 150, 95]), location=rnd.choice([None, "Hanoi", "Vietnam", "Riyadh"]),
                ordinal=rnd.choice([None, None, 2, 3]), initiator=rnd.choice([None, "Donald Trump", "Vladimir Putin"]),
                topics=rnd.choice([[], ["Ukraine"], ["trade", "Ukraine"]]), **extra)
        out.append(ev)
    return out


def test_veto_score_is_veto_then_score(res):
    """The fused pair check of ``cluster`` gives exactly ``None if veto(a, b) else score(a, b)``."""
    from sukien.resolve import _Countries, _node_from_member, score, veto, veto_score
    cof = _Countries(res)
    nodes = [_node_from_member(k, ev, cof) for k, ev in enumerate(_varied_records())]
    big = nodes[0]
    for n in nodes[1:6]:             # super-nodes: several members, dates, pubs
        if not veto(big, n):
            big.absorb(n)
    kinds = set()
    for a in nodes:
        for b in nodes:
            if a is b:
                continue
            want = None if veto(a, b) else score(a, b)
            assert veto_score(a, b) == want
            kinds.add(want is None)
    assert kinds == {True, False}


def test_store_blocks_answer_like_the_single_window_query(store, res):
    """StoreBlocks (one read per merged range) returns for every window what
    candidate_event_ids returned for it, LIMIT included."""
    from sukien.resolve_candidates import StoreBlocks
    rows = [(f"ev-{i:03d}", "phone_call", c, f"2025-03-{1 + i % 28:02d}" if i % 7 else None)
            for i in range(300) for c in (("Russia",) if i % 3 else ("Russia", "Ukraine"))]
    with store.transaction() as c:
        c.executemany("INSERT INTO events (event_id, type, status, data_json, updated_at)"
                      " VALUES (?, 'phone_call', 'occurred', '{}', '')", sorted({(r[0],) for r in rows}))
        c.executemany("INSERT INTO event_keys (event_id, family, country, date_sort) VALUES (?, ?, ?, ?)", rows)
    windows = [("2025-03-02", "2025-03-06"), ("2025-03-05", "2025-03-09"), ("2025-03-20", "2025-03-24"),
               ("2025-03-00", "2025-03-99"), ("2025-02-10", "2025-03-03"), ("2025-04-01", "2025-04-05")]
    blocks = StoreBlocks(store)
    for country in ("Russia", "Ukraine", "China"):
        for lo, hi in windows:
            blocks.want("phone_call", country, lo, hi)
    blocks.fetch()
    for country in ("Russia", "Ukraine", "China"):
        for lo, hi in windows:
            for limit in (200, 5):
                want = se.candidate_event_ids(store, "phone_call", [country], lo, hi, undated=False, limit=limit)
                assert sorted(blocks.window("phone_call", country, lo, hi, limit)) == want
    assert len(blocks.window("phone_call", "Russia", "2025-03-00", "2025-03-99")) == 200     # the LIMIT


def test_the_cheap_day_check_of_cluster_is_a_date_conflict():
    """``cluster`` skips a pair of single-day nodes without scoring it only where
    ``date_relation`` calls their days a conflict (a veto)."""
    from sukien.resolve import Node, _days_conflict, _single_day
    vals = [DateVal(y, m, d, ex, c) for y in (2024, 2025) for m, d in ((3, 18), (3, 19), (3, 20), (2, 29), (12, 31))
            for ex in (True, False) for c in (0.2, 0.3, 0.4, 0.8, 0.9, 1.0)]
    skipped = 0
    for a in vals:
        for b in vals:
            da = _single_day(Node(key=0, members=[], family="x", dates={a}))
            db = _single_day(Node(key=1, members=[], family="x", dates={b}))
            if da is not None and db is not None and _days_conflict(da, db):
                skipped += 1
                assert date_relation(a, b)[0] == "conflict", (a, b)
    assert skipped > 100


def test_resolution_pauses_the_collector_and_restores_it(store, res, monkeypatch):
    import gc

    from sukien import resolve_driver
    seen = []

    def fake_run(*a, **k):
        seen.append(gc.isenabled())
        raise RuntimeError("boom")
    monkeypatch.setattr(resolve_driver, "run", fake_run)
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        resolve(store, res, [])
    assert seen == [False] and gc.isenabled()          # paused inside, restored after an error
    gc.disable()
    try:
        with pytest.raises(RuntimeError):
            resolve(store, res, [])
        assert not gc.isenabled()                        # a caller's own setting is kept
    finally:
        gc.enable()


# ---------------------------------------------------------------- places, durations, story context

class _Place:
    def __init__(self, name, kind, country, subkind=None):
        self.name, self.kind, self.country, self.subkind = name, kind, country, subkind


PLACES = {"Alaska": _Place("Alaska", "place", "United States", "region"),
          "Anchorage": _Place("Anchorage", "place", "United States", "city"),
          "Washington": _Place("Washington", "place", "United States", "city"),
          "Kremlin": _Place("Kremlin", "organization", "Russia", None),
          "Budapest": _Place("Hungary", "country", "Hungary"),       # a capital: the dictionary gives its country
          "Hungary": _Place("Hungary", "country", "Hungary")}


class PlaceActors(FakeActors):
    def country_of(self, name):
        p = PLACES.get(name)
        return (p.name if p.kind == "country" else p.country) if p else super().country_of(name)

    def by_name(self, name):
        return PLACES.get(name)


class PlaceRes(FakeRes):
    def __init__(self):
        super().__init__()
        self.actors = PlaceActors()


def _pair(type_, loc_a, loc_b, **kw):
    from sukien.resolve import _Countries, _node_from_member, veto_score
    cof = _Countries(PlaceRes())
    a = _node_from_member(0, mk("a.txt", 0, type_, ["Donald Trump", "Vladimir Putin"], "2025-08-15", location=loc_a,
                                duration_minutes=kw.get("dur_a")), cof)
    b = _node_from_member(1, mk("b.txt", 0, type_, ["Donald Trump", "Vladimir Putin"], "2025-08-15", location=loc_b,
                                duration_minutes=kw.get("dur_b")), cof)
    return veto_score(a, b)


def test_a_region_and_a_place_of_the_same_country_do_not_disagree():
    # "tại bang Alaska" in one report, "tại Anchorage" in the other: a coarser statement, no penalty
    assert _pair("meeting", "Anchorage", "Alaska") == pytest.approx(_pair("meeting", None, None))
    # two cities of one country still disagree (not the same venue)
    assert _pair("meeting", "Anchorage", "Washington") == pytest.approx(_pair("meeting", None, None) - 0.6)


def test_meetings_in_two_countries_disagree_more_than_calls_placed_from_two_capitals():
    base = _pair("meeting", None, None)
    assert _pair("meeting", "Kremlin", "Alaska") == pytest.approx(base - 1.2)
    # a call is placed from two places: the Kremlin and the White House are both right
    assert _pair("phone_call", "Kremlin", "Alaska") == pytest.approx(_pair("phone_call", None, None) - 0.6)
    # a place the dictionary does not know is never "another country"
    assert _pair("meeting", "Kremlin", "Phòng Bầu dục") == pytest.approx(base - 0.6)


def test_durations_that_outlets_round_differently_are_not_a_disagreement():
    base = _pair("phone_call", None, None)
    assert _pair("phone_call", None, None, dur_a=150, dur_b=148) == pytest.approx(base + 0.6)   # within 10%
    assert _pair("phone_call", None, None, dur_a=150, dur_b=120) == pytest.approx(base)         # "hơn hai giờ"
    assert _pair("phone_call", None, None, dur_a=150, dur_b=60) == pytest.approx(base - 0.4)    # another call


def test_story_context_reads_a_capital_and_its_country_as_one_place():
    """Two reports of an undated call whose articles both report the planned summit, one "ở
    Budapest", the other "tại Hungary": the shared place counts for the story context."""
    from sukien.resolve import Context, _Countries, _node_from_member
    cof = _Countries(PlaceRes())
    call_a = mk("a.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"])
    call_b = mk("b.txt", 0, "phone_call", ["Donald Trump", "Vladimir Putin"])
    summit_a = mk("a.txt", 1, "meeting", ["Donald Trump", "Vladimir Putin"], location="Budapest")
    summit_b = mk("b.txt", 1, "meeting", ["Donald Trump", "Vladimir Putin"], location="Hungary")
    by_doc = {"a.txt": [call_a, summit_a], "b.txt": [call_b, summit_b]}
    a, b = _node_from_member(0, call_a, cof), _node_from_member(1, call_b, cof)
    assert Context(by_doc, cof).bonus(a, b, {}) == pytest.approx(0.6)
    assert Context(by_doc).bonus(a, b, {}) == 0.0          # without the dictionary: two different strings


def test_a_recap_published_weeks_later_meets_the_reports_of_the_day(store, res):
    """"ngày 16/5" without a year in a report of 20/5 and in a recap of 10/6 (both years inferred):
    the recap is blocked by its date too, not only by its publication day 21 days later."""
    evs = load(store, {
        "day.txt": [mk("day.txt", 0, "negotiation", ["Russia", "Ukraine"], "2025-05-16", year_explicit=False,
                       location="Istanbul")],
        "recap.txt": [mk("recap.txt", 0, "negotiation", ["Russia", "Ukraine"], "2025-05-16", year_explicit=False,
                         location="Istanbul", ordinal=1)],
    }, res, pubs={"day.txt": "2025-05-20", "recap.txt": "2025-06-10"})
    assert len(evs) == 1 and evs[0]["date"] == "2025-05-16"
    # another day of the same pair is still another event
    evs = load(store, {
        "later.txt": [mk("later.txt", 0, "negotiation", ["Russia", "Ukraine"], "2025-06-02", year_explicit=False,
                         location="Istanbul")]}, res, pubs={"later.txt": "2025-06-10"})
    assert len(evs) == 2


def test_years_two_or_more_apart_conflict_even_when_one_was_inferred():
    """"Lần gần nhất hai nhà lãnh đạo gặp trực tiếp là năm 2019" and "cuộc gặp hồi cuối tháng 2" in
    an August 2025 article (year inferred: 2025): an inferred year may be one off, never six."""
    recap_2019 = DateVal(2019, None, None, True, 0.9)
    feb_inferred = DateVal(2025, 2, None, False, 0.68)
    assert date_relation(recap_2019, feb_inferred)[0] == "conflict"
    assert date_relation(DateVal(2019, 10, 2, True, 0.9), DateVal(2025, 10, 16, False, 0.6))[0] == "conflict"
    # the same day-month: the inferred year of an article without a publication date may be far
    # off (a year it states); its mates give the right one
    assert date_relation(DateVal(2025, 8, 8, True, 0.9), DateVal(2023, 8, 8, False, 0.56))[0] == "month_day"
    # two inferred years: either may be the wrong one
    assert date_relation(DateVal(2027, 8, None, False, 0.45), DateVal(2025, 8, 8, False, 0.6))[0] != "conflict"
    # one year off stays possible for an inferred year (a January article about "16/12")
    assert date_relation(DateVal(2024, 12, 16, True, 0.9), DateVal(2025, 12, 16, False, 0.6))[0] == "month_day"
    # a weak date never conflicts
    assert date_relation(recap_2019, DateVal(2025, 2, None, False, 0.3))[0] != "conflict"


def test_a_soft_year_from_a_publication_date_beats_one_an_undated_article_guessed(store, res):
    """An article without a publication date took 2023 from a year it states ("Năm 2023, ..."); a
    dated article's "8/8" is 2025 from its publication date: the day is one, the year is 2025 (even
    against two such undated articles)."""
    evs = load(store, {
        "dated.txt": [mk("dated.txt", 0, "meeting", ["Donald Trump", "Vladimir Putin"], "2025-08-08", year_explicit=False)],
        "undated.txt": [mk("undated.txt", 0, "meeting", ["Donald Trump", "Vladimir Putin"], "2023-08-08",
                           year_explicit=False, date_confidence=0.6)],
        "undated2.txt": [mk("undated2.txt", 0, "meeting", ["Donald Trump", "Vladimir Putin"], "2023-08-08",
                            year_explicit=False, date_confidence=0.6)],
    }, res, pubs={"dated.txt": "2025-08-09"})
    assert len(evs) == 1 and evs[0]["date"] == "2025-08-08"


def test_a_denial_published_before_the_day_of_a_talk_is_not_that_talk(res):
    """"Ông Ushakov bác bỏ thông tin ... gặp ông Zelensky" (undated, denied, published 16/8) and a
    negotiation told for 18/8 (its year inferred) by an article of 19/8: the denial speaks of
    something before it was written, so it is never the talk of 18/8 (a veto)."""
    from sukien.resolve import _Countries, _node_from_member, veto
    cof = _Countries(res)
    deny = mk("deny.txt", 0, "meeting", ["Volodymyr Zelensky", "Russia"], status="denied", pub_date="2025-08-16")
    talk = mk("talk.txt", 0, "negotiation", ["Russia", "Ukraine"], "2025-08-18", year_explicit=False,
              pub_date="2025-08-19")
    assert veto(_node_from_member(0, deny, cof), _node_from_member(1, talk, cof))
    # a denial published after the day may well be about that talk (outlets disagree)
    late = dict(deny, pub_date="2025-08-20", doc_event_id="late.txt#0", doc="late.txt")
    late.pop("_dateval", None)
    assert not veto(_node_from_member(2, late, cof), _node_from_member(1, talk, cof))


def test_story_context_links_events_of_one_type_not_a_trip_and_its_talks(res):
    """Two articles of one story (the same 9 documents signed): the context bonus joins their
    undated meetings, or a meeting and negotiations, never a visit with a meeting."""
    from sukien.resolve import Context, _Countries, _node_from_member
    cof = _Countries(res)
    docs_a = mk("a.txt", 1, "agreement", ["Vietnam", "Japan"], quantities={"documents": 9})
    docs_b = mk("b.txt", 1, "agreement", ["Vietnam", "Japan"], quantities={"documents": 9})
    talk_a = mk("a.txt", 0, "meeting", ["To Lam", "Japan"])
    talk_b = mk("b.txt", 0, "negotiation", ["To Lam", "Japan"])
    trip_b = mk("b.txt", 2, "visit", ["Japan"])
    ctx = Context({"a.txt": [talk_a, docs_a], "b.txt": [talk_b, docs_b, trip_b]}, cof)
    a, b, t = (_node_from_member(k, ev, cof) for k, ev in enumerate((talk_a, talk_b, trip_b)))
    assert ctx.bonus(a, b, {}) == pytest.approx(0.6)
    assert ctx.bonus(a, t, {}) == 0.0


def test_a_month_told_weeks_later_meets_the_days_of_that_month(store, res):
    """"lệnh ngừng bắn có hiệu lực từ ngày 19/1" (published 25/1) and "thỏa thuận ngừng bắn hồi
    tháng 1" in an article of 18/3: blocking pairs the month with the days in it, so the story's
    shared facts can join them (here: the same 42-day truce)."""
    evs = load(store, {
        "day.txt": [mk("day.txt", 0, "ceasefire", ["Israel", "Hamas"], "2025-01-19", year_explicit=False,
                       quantities={"days": 42})],
        "recap.txt": [mk("recap.txt", 0, "ceasefire", ["Israel", "Hamas"], "2025-01", year_explicit=False,
                         quantities={"days": 42})],
    }, res, pubs={"day.txt": "2025-01-25", "recap.txt": "2025-03-18"})
    assert len(evs) == 1 and evs[0]["date"] == "2025-01-19"
    # another month of the same sides is another truce
    evs = load(store, {
        "later.txt": [mk("later.txt", 0, "ceasefire", ["Israel", "Hamas"], "2025-03", year_explicit=False,
                         quantities={"days": 42})]}, res, pubs={"later.txt": "2025-03-20"})
    assert len(evs) == 2


def test_month_span_covers_the_whole_month_december_included(res):
    from datetime import date as d
    from sukien.resolve import _Countries, _node_from_member
    cof = _Countries(res)
    dec = _node_from_member(0, mk("a.txt", 0, "meeting", ["Donald Trump", "Vladimir Putin"], "2025-12",
                                  year_explicit=False), cof)
    assert dec.month_span() == (d(2025, 12, 1).toordinal(), d(2025, 12, 31).toordinal())
    feb = _node_from_member(1, mk("b.txt", 0, "meeting", ["Donald Trump", "Vladimir Putin"], "2024-02"), cof)
    assert feb.month_span() == (d(2024, 2, 1).toordinal(), d(2024, 2, 29).toordinal())
    day = _node_from_member(2, mk("c.txt", 0, "meeting", ["Donald Trump", "Vladimir Putin"], "2025-12-28"), cof)
    assert day.month_span() is None          # a day is blocked by its day


# ---------------------------------------------------------------- counted two ways

def test_document_counts_close_together_are_one_signing(store, res):
    # "ký kết và trao 6 văn kiện" / "trao 5 văn kiện": outlets count one signing differently
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "agreement", ["Vietnam", "United Kingdom"], "2025-10-29",
                     quantities={"documents": 6})],
        "b.txt": [mk("b.txt", 0, "agreement", ["Vietnam", "United Kingdom"], "2025-10-29",
                     quantities={"documents": 5})],
    }, res)
    assert len(evs) == 1
    assert any(c["field"] == "quantities.documents" for c in evs[0]["conflicts"])      # both counts are kept


def test_document_counts_far_apart_are_two_signings(store, res):
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "agreement", ["Vietnam", "United Kingdom"], "2025-10-29",
                     quantities={"documents": 12})],
        "b.txt": [mk("b.txt", 0, "agreement", ["Vietnam", "United Kingdom"], "2025-10-29",
                     quantities={"documents": 6})],
    }, res)
    assert len(evs) == 2


def test_close_counts_of_prisoners_still_disagree(store, res):
    # only document counts are rough: 175 and 150 prisoners are two exchanges
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], "2025-05-19",
                     quantities={"prisoners_each_side": 175})],
        "b.txt": [mk("b.txt", 0, "prisoner_exchange", ["Russia", "Ukraine"], "2025-05-19",
                     quantities={"prisoners_each_side": 150})],
    }, res)
    assert len(evs) == 2


def test_a_one_sided_best_report_is_completed_by_the_other_side_named(store, res):
    # the best report (most mentions) names only the leader who witnessed the signing; the other
    # report names both states: the canonical event keeps both sides
    b_mentions = [{"doc": "b.txt", "start": k, "end": k + 5, "sentence": "lễ ký", "source": None} for k in (0, 20, 40)]
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "agreement", ["Vietnam", "United Kingdom"], "2025-10-29",
                     quantities={"documents": 6})],
        "b.txt": [mk("b.txt", 0, "agreement", ["To Lam"], "2025-10-29", quantities={"documents": 6},
                     mentions=b_mentions)],
    }, res)
    assert len(evs) == 1
    assert {"To Lam", "United Kingdom"} <= set(evs[0]["participants"])


def test_a_side_named_as_a_state_by_most_reports_stays_the_state(store, res):
    # "Iran và Mỹ đàm phán" in two reports, the two envoys in a third: the talks are the states'
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "negotiation", ["Iran", "United States"], "2025-04-12", location="Muscat")],
        "b.txt": [mk("b.txt", 0, "negotiation", ["Iran", "United States"], "2025-04-12", location="Muscat")],
        "c.txt": [mk("c.txt", 0, "negotiation", ["Abbas Araghchi", "Steve Witkoff"], "2025-04-12",
                     location="Muscat")],
    }, res)
    assert len(evs) == 1 and sorted(evs[0]["participants"]) == ["Iran", "United States"]


def test_a_side_named_by_its_leader_in_most_reports_stays_the_person(store, res):
    # negative: "Putin" twice and "Nga" once is Vladimir Putin
    evs = load(store, {
        "a.txt": [mk("a.txt", 0, "phone_call", ["Vladimir Putin", "Donald Trump"], "2025-03-18")],
        "b.txt": [mk("b.txt", 0, "phone_call", ["Vladimir Putin", "Donald Trump"], "2025-03-18")],
        "c.txt": [mk("c.txt", 0, "phone_call", ["Russia", "Donald Trump"], "2025-03-18")],
    }, res)
    assert len(evs) == 1 and sorted(evs[0]["participants"]) == ["Donald Trump", "Vladimir Putin"]
