"""HTTP API and HTML pages (sukien.server) over a fixture database filled per the schema.

The fixture is our own writing (never seed sentences): a phone call reported by two
articles that disagree on its duration, a planned visit, a ceasefire attributed to the
Kremlin, an undated statement, a related agreement, and an article whose text contains
a <script> element.
"""
from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from sukien.server import create_app
from sukien.store import Store

NOW = "2026-01-01T00:00:00+00:00"
SCRIPT = "<script>alert(1)</script>"

DOC_A = ("Thủ tướng Việt Nam điện đàm với Thủ tướng Nhật Bản\n"
         "Chiều 9/4, Thủ tướng Phạm Minh Chính đã điện đàm với Thủ tướng Nhật Bản Ishiba Shigeru trong khoảng 45 phút. "
         "Hai bên nhất trí thúc đẩy hoà bình và hợp tác kinh tế.\n"
         "Xem thêm: Những tin liên quan khác")
DOC_B = ("Nhật Bản: cuộc gọi với Hà Nội kéo dài một giờ\n"
         f"Phía Nhật Bản cho biết cuộc điện đàm hôm 9/4 kéo dài 60 phút. {SCRIPT} "
         "Hai nhà lãnh đạo cũng hẹn gặp nhau vào cuối tháng.")
DOC_C = ("Tổng thống Pháp dự kiến thăm Việt Nam\n"
         "Tổng thống Pháp Emmanuel Macron dự kiến sẽ thăm Việt Nam vào tháng 5/2025.")
DOC_D = ("Nga và Ukraine ngừng bắn\n"
         "Theo Điện Kremlin, Nga và Ukraine đồng ý ngừng bắn 30 ngày kể từ ngày 20/11/2024.")
URL_ID = "https://example.vn/the-gioi/tin-123.html"


def _span(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


def _sentence_of(text: str, start: int) -> tuple[int, int, str]:
    lo = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1)
    lo = lo + 1 if lo >= 0 else 0
    while lo < len(text) and text[lo] == " ":
        lo += 1
    hi_candidates = [i for i in (text.find(". ", start), text.find("\n", start)) if i >= 0]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    return lo, hi, text[lo:hi]


def add_document(c, doc_id: str, text: str, *, title: str, outlet: str, pub_date: str | None,
                 removed: list[tuple[str, str]] = (), mentions: list[tuple[str, str, str]] = ()) -> None:
    c.execute("INSERT INTO documents (doc_id, version, content_hash, fmt, origin, text, title, pub_date, outlet,"
              " stage, ingested_at, updated_at) VALUES (?, 1, ?, 'txt', ?, ?, ?, ?, ?, 'resolved', ?, ?)",
              (doc_id, f"h-{doc_id}", doc_id, text, title, pub_date, outlet, NOW, NOW))
    cut = [(_span(text, r)[0], _span(text, r)[1], reason) for r, reason in removed]
    # kept segments: every line that is not removed (title first)
    pos, idx = 0, 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if any(a <= s and e <= b for a, b, _ in cut) or not line.strip():
            continue
        c.execute("INSERT INTO segments (doc_id, idx, start, end, role) VALUES (?, ?, ?, ?, ?)",
                  (doc_id, idx, s, e, "title" if idx == 0 and s == 0 else "body"))
        idx += 1
    for a, b, reason in cut:
        c.execute("INSERT INTO removed_spans (doc_id, start, end, reason) VALUES (?, ?, ?, ?)", (doc_id, a, b, reason))
    sents: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n.]+(?:\.|$)", text, re.M):
        if m.group(0).strip():
            s = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            sents.append((s, m.end()))
    for n, (s, e) in enumerate(sents):
        c.execute("INSERT INTO sentences (doc_id, idx, start, end, paragraph, role) VALUES (?, ?, ?, ?, 0, 'body')",
                  (doc_id, n, s, e))
    for kind, needle, key in mentions:
        s, e = _span(text, needle)
        sent = next((n for n, (a, b) in enumerate(sents) if a <= s < b), 0)
        c.execute("INSERT INTO mentions (doc_id, sent_idx, kind, start, end, text, key, data_json)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (doc_id, sent, kind, s, e, needle, key,
                                                       json.dumps({"text": needle, "key": key}, ensure_ascii=False)))


def ev_item(doc_id: str, text: str, needle: str, source: str | None = None, value=None) -> dict:
    s, e = _span(text, needle)
    lo, hi, sent = _sentence_of(text, s)
    d = {"doc": doc_id, "start": s, "end": e, "sentence": sent, "source": source}
    if value is not None:
        d["value"] = value
    return d


def add_event(c, eid: str, *, type: str, status: str, date: str | None, participants: list[str], summary: str,
              mentions: list[dict], evidence: dict[str, list[dict]] | None = None, conflicts=(), extra=None) -> None:
    evidence = evidence or {}
    rec = {"id": eid, "type": type, "cameo": "041" if type == "phone_call" else "0", "status": status,
           "date": date, "date_confidence": 0.9 if date else 0.0, "participants": participants,
           "initiator": None, "duration_minutes": None, "location": None, "topics": [], "quantities": {},
           "ordinal": None, "mentions": mentions, "conflicts": list(conflicts), "summary": summary,
           "evidence": evidence, "doc_events": [f"{m['doc']}#0" for m in mentions], **(extra or {})}
    docs = sorted({m["doc"] for m in mentions})
    date_sort = None if not date else "-".join((date.split("-") + ["00", "00"])[:3])
    c.execute("INSERT INTO events (event_id, type, status, date, date_sort, summary, n_sources, n_conflicts,"
              " data_json, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              (eid, type, status, date, date_sort, summary, len(docs), len(rec["conflicts"]),
               json.dumps(rec, ensure_ascii=False), NOW))
    for p in participants:
        c.execute("INSERT INTO event_actors (event_id, actor, role) VALUES (?, ?, 'participant')", (eid, p))
    for field, items in [("mention", mentions), *evidence.items()]:
        for it in items:
            c.execute("INSERT INTO evidence (event_id, field, value, doc_id, start, end, sentence, source)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (eid, field, None if it.get("value") is None
                                                          else str(it["value"]), it["doc"], it["start"], it["end"],
                                                          it["sentence"], it["source"]))
    for d in docs:
        c.execute("INSERT OR IGNORE INTO doc_events (doc_event_id, doc_id, event_id, type, date, data_json)"
                  " VALUES (?, ?, ?, ?, ?, '{}')", (f"{d}#{eid}", d, eid, type, date))


def build_fixture_db(path) -> str:
    st = Store(path)
    with st.transaction() as c:
        add_document(c, "a.txt", DOC_A, title="Thủ tướng Việt Nam điện đàm với Thủ tướng Nhật Bản",
                     outlet="Báo A", pub_date="2025-04-10",
                     removed=[("Xem thêm: Những tin liên quan khác", "related-links")],
                     mentions=[("actor", "Phạm Minh Chính", "pham-minh-chinh"), ("time", "Chiều 9/4", "2025-04-09"),
                               ("quantity", "45 phút", "45")])
        add_document(c, "b.txt", DOC_B, title="Nhật Bản: cuộc gọi với Hà Nội kéo dài một giờ", outlet="Báo B",
                     pub_date="2025-04-10", mentions=[("quantity", "60 phút", "60")])
        add_document(c, "c.txt", DOC_C, title="Tổng thống Pháp dự kiến thăm Việt Nam", outlet="Báo C",
                     pub_date="2025-03-01")
        add_document(c, URL_ID, DOC_D, title="Nga và Ukraine ngừng bắn", outlet="example.vn", pub_date="2024-11-21")
        call_a = ev_item("a.txt", DOC_A, "điện đàm với Thủ tướng Nhật Bản Ishiba Shigeru")
        call_b = ev_item("b.txt", DOC_B, "cuộc điện đàm", source="Phía Nhật Bản")
        add_event(c, "ev-call", type="phone_call", status="occurred", date="2025-04-09",
                  participants=["Pham Minh Chinh", "Ishiba Shigeru"],
                  summary="Thủ tướng Phạm Minh Chính điện đàm với Thủ tướng Nhật Bản Ishiba Shigeru",
                  mentions=[call_a, call_b],
                  evidence={"date": [ev_item("a.txt", DOC_A, "Chiều 9/4", value="2025-04-09")],
                            "duration_minutes": [ev_item("a.txt", DOC_A, "45 phút", value=45),
                                                 ev_item("b.txt", DOC_B, "60 phút", source="Phía Nhật Bản", value=60)]},
                  conflicts=[{"field": "duration_minutes",
                              "values": [{"value": 45, "docs": ["a.txt"]}, {"value": 60, "docs": ["b.txt"]}]}],
                  extra={"duration_minutes": 45})
        add_event(c, "ev-agree", type="agreement", status="occurred", date="2025-04-20",
                  participants=["Pham Minh Chinh", "Ishiba Shigeru"],
                  summary="Việt Nam và Nhật Bản nhất trí thúc đẩy hòa bình",
                  mentions=[ev_item("a.txt", DOC_A, "nhất trí thúc đẩy hoà bình")])
        add_event(c, "ev-visit", type="visit", status="planned", date="2025-05",
                  participants=["Emmanuel Macron", "Vietnam"],
                  summary="Tổng thống Pháp Emmanuel Macron dự kiến thăm Việt Nam",
                  mentions=[ev_item("c.txt", DOC_C, "dự kiến sẽ thăm Việt Nam")])
        add_event(c, "ev-cease", type="ceasefire", status="occurred", date="2024-11-20",
                  participants=["Russia", "Ukraine"], summary="Nga và Ukraine ngừng bắn 30 ngày",
                  mentions=[ev_item(URL_ID, DOC_D, "đồng ý ngừng bắn 30 ngày", source="Điện Kremlin")])
        add_event(c, "ev-stmt", type="statement", status="occurred", date=None, participants=["Ishiba Shigeru"],
                  summary=f"Phía Nhật Bản ra tuyên bố {SCRIPT}",
                  mentions=[ev_item("b.txt", DOC_B, "Phía Nhật Bản cho biết", source="Phía Nhật Bản")])
    st.close()
    return str(path)


@pytest.fixture
def fixture_db(tmp_path) -> str:
    return build_fixture_db(tmp_path / "web.db")


@pytest.fixture
def client(fixture_db):
    with TestClient(create_app(fixture_db)) as c:
        yield c


@pytest.fixture
def ro_client(fixture_db):
    with TestClient(create_app(fixture_db, read_only=True)) as c:
        yield c


# ------------------------------------------------------------------ /api/events

def test_events_list_ordered_by_date_undated_last(client):
    r = client.get("/api/events")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 5
    assert [e["id"] for e in body["items"]] == ["ev-cease", "ev-call", "ev-agree", "ev-visit", "ev-stmt"]
    call = body["items"][1]
    assert call["participants"] == ["Pham Minh Chinh", "Ishiba Shigeru"] and call["n_sources"] == 2


@pytest.mark.parametrize("params,expected", [
    ({"type": "phone_call"}, ["ev-call"]),
    ({"status": "planned"}, ["ev-visit"]),
    ({"actor": "Ishiba Shigeru"}, ["ev-call", "ev-agree", "ev-stmt"]),
    ({"actor": "ishiba shigeru"}, ["ev-call", "ev-agree", "ev-stmt"]),
    ({"actor": "Nobody"}, []),
    ({"from": "2025-04-10"}, ["ev-agree", "ev-visit"]),
    ({"from": "2025", "to": "2025-04"}, ["ev-call", "ev-agree"]),
    ({"to": "2024"}, ["ev-cease"]),
    ({"from": "2025-05", "to": "2025-05-31"}, ["ev-visit"]),
    ({"q": "ngung ban"}, ["ev-cease"]),
    ({"q": "Nhat Ban", "type": "agreement"}, ["ev-agree"]),
])
def test_events_filters(client, params, expected):
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    assert [e["id"] for e in r.json()["items"]] == expected
    assert r.json()["total"] == len(expected)


@pytest.mark.parametrize("key", ["Ishiba Shigeru", "ISHIBA shigeru", "ishiba_shigeru", "Phạm Minh Chính",
                                 "pham minh chinh", "Ishiba", "Russia", "Nobody"])
def test_actor_filter_is_the_store_rule(client, fixture_db, key):
    """/api/events?actor= and the CLI / Python API (store_events.list_events) give the same events."""
    from sukien import store_events as se
    http = client.get("/api/events", params={"actor": key, "limit": 500}).json()
    with Store(fixture_db, read_only=True) as st:
        expected = [e["id"] for e in se.list_events(st, actor=key, limit=None)]
        assert http["total"] == se.count_events(st, actor=key) == len(expected)
    assert [e["id"] for e in http["items"]] == expected
    assert (expected == []) == (key in ("Ishiba", "Nobody"))            # no substring matching


def test_events_pagination(client):
    a = client.get("/api/events", params={"limit": 2}).json()
    b = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    c = client.get("/api/events", params={"limit": 2, "offset": 4}).json()
    assert a["total"] == b["total"] == c["total"] == 5
    ids = [e["id"] for x in (a, b, c) for e in x["items"]]
    assert len(ids) == 5 and len(set(ids)) == 5
    assert client.get("/api/events", params={"offset": 10}).json()["items"] == []


@pytest.mark.parametrize("params", [
    {"from": "2025-13-01"}, {"from": "2025-02-30"}, {"to": "yesterday"}, {"from": "2025-05", "to": "2025-04"},
    {"type": "war"}, {"status": "maybe"}, {"limit": 0}, {"limit": 501}, {"limit": "many"}, {"offset": -1},
])
def test_events_bad_parameters_are_422_json(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["status"] == 422 and err["type"] == "invalid_parameter" and err["message"]


# ------------------------------------------------------------------ /api/events/{id}

def test_event_detail_has_attributes_evidence_sources_conflicts(client):
    r = client.get("/api/events/ev-call")
    assert r.status_code == 200
    ev = r.json()
    assert ev["type"] == "phone_call" and ev["date"] == "2025-04-09" and ev["duration_minutes"] == 45
    assert {m["doc"] for m in ev["mentions"]} == {"a.txt", "b.txt"}
    assert [x["value"] for x in ev["evidence"]["duration_minutes"]] == ["45", "60"]
    assert ev["conflicts"][0]["field"] == "duration_minutes"
    sources = {s["source"]: s for s in ev["sources"]}
    assert set(sources) == {None, "Phía Nhật Bản"}          # outlet's own voice vs the Japanese side
    assert sources["Phía Nhật Bản"]["docs"] == ["b.txt"]
    assert [x["id"] for x in ev["related"]] == ["ev-agree"]    # same actors, 11 days later
    for m in ev["mentions"]:
        text = client.get(f"/api/documents/{m['doc']}").json()["text"]
        assert text[m["start"]:m["end"]] in m["sentence"]


def test_unknown_event_is_404_json(client):
    r = client.get("/api/events/no-such-event")
    assert r.status_code == 404
    assert r.json()["error"]["type"] == "not_found"


# ------------------------------------------------------------------ documents

def test_documents_list_and_detail(client):
    r = client.get("/api/documents", params={"limit": 2})
    body = r.json()
    assert body["total"] == 4 and len(body["items"]) == 2
    d = client.get("/api/documents/a.txt").json()
    assert d["text"] == DOC_A
    assert "Xem thêm" not in d["kept_text"] and "Ishiba Shigeru" in d["kept_text"]
    assert d["removed"] == [{"start": DOC_A.index("Xem thêm"), "end": len(DOC_A), "reason": "related-links",
                             "text": "Xem thêm: Những tin liên quan khác"}]
    kinds = {m["kind"] for m in d["mentions"]}
    assert kinds == {"actor", "time", "quantity"}
    assert {e["id"] for e in d["events"]} == {"ev-call", "ev-agree"}


def test_document_with_url_id(client):
    from urllib.parse import quote
    r = client.get("/api/documents/" + quote(URL_ID, safe=""))
    assert r.status_code == 200 and r.json()["doc_id"] == URL_ID
    assert client.get("/documents/" + quote(URL_ID, safe="")).status_code == 200


@pytest.mark.parametrize("path", [
    "/api/documents/..%2F..%2Fetc%2Fpasswd", "/api/documents/../../etc/passwd", "/api/documents/%2Fetc%2Fpasswd",
    "/api/events/..%2F..%2Fetc%2Fpasswd", "/documents/..%2F..%2Fetc%2Fpasswd", "/api/actors/..%2F..%2Fetc%2Fpasswd",
    "/static/..%2F..%2F..%2Fetc%2Fpasswd", "/static/../server.py", "/static/%2e%2e/%2e%2e/server.py",
])
def test_path_traversal_is_404(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert "root:" not in r.text and "create_app" not in r.text


def test_unknown_document_404_json_and_html(client):
    r = client.get("/api/documents/nope.txt")
    assert r.status_code == 404 and r.json()["error"]["type"] == "not_found"
    h = client.get("/documents/nope.txt")
    assert h.status_code == 404 and h.headers["content-type"].startswith("text/html")


# ------------------------------------------------------------------ actors, search, export

def test_actors(client):
    body = client.get("/api/actors").json()
    by = {a["name"]: a for a in body["items"]}
    assert by["Ishiba Shigeru"]["n_events"] == 3
    assert by["Russia"]["first"] == "2024-11-20"
    a = client.get("/api/actors/" + by["Ishiba Shigeru"]["id"]).json()
    assert [e["id"] for e in a["events"]] == ["ev-call", "ev-agree", "ev-stmt"]
    assert client.get("/api/actors/Nobody").status_code == 404


def test_search_api_accent_insensitive(client):
    r = client.get("/api/search", params={"q": "dien dam"})
    assert r.status_code == 200
    body = r.json()
    assert body["events"][0]["id"] == "ev-call"
    assert {d["id"] for d in body["documents"]} >= {"a.txt", "b.txt"}
    assert "điện đàm" in body["events"][0]["snippet"].lower()
    r2 = client.get("/api/search", params={"q": "Dien Kremlin"}).json()
    assert [e["id"] for e in r2["events"]] == ["ev-cease"]
    assert client.get("/api/search", params={"q": "hoà bình"}).json()["events"][0]["id"] == "ev-agree"
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": ""}).status_code == 422


def test_export(client, monkeypatch):
    r = client.get("/api/export", params={"format": "jsonl"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(x) for x in r.text.splitlines() if x.strip()]
    assert {x["id"] for x in lines} == {"ev-call", "ev-agree", "ev-visit", "ev-cease", "ev-stmt"}
    c = client.get("/api/export", params={"format": "csv"})
    assert c.status_code == 200 and c.headers["content-type"].startswith("text/csv")
    assert "ev-call" in c.text
    assert client.get("/api/export", params={"format": "xml"}).status_code == 422


# ------------------------------------------------------------------ writes

def test_post_document_runs_ingest_and_updates_search(client):
    text = ("Ngoại trưởng hai nước hội đàm tại Hà Nội\n"
            "Sáng 3/6/2025, Bộ trưởng Ngoại giao Việt Nam hội đàm với Ngoại trưởng Singapore tại Hà Nội.")
    r = client.post("/api/documents", params={"doc_id": "post-1.txt", "pub_date": "2025-06-03"},
                    content=text.encode(), headers={"content-type": "text/plain; charset=utf-8"})
    assert r.status_code == 201, r.text
    assert r.json()["new"] == ["post-1.txt"]
    d = client.get("/api/documents/post-1.txt").json()
    assert d["text"].startswith("Ngoại trưởng hai nước")
    hits = client.get("/api/search", params={"q": "ngoai truong singapore"}).json()["documents"]
    assert [h["id"] for h in hits] == ["post-1.txt"]
    again = client.post("/api/documents", params={"doc_id": "post-1.txt"}, content=text.encode(),
                        headers={"content-type": "text/plain"})
    assert again.status_code == 200 and again.json()["unchanged"] == ["post-1.txt"]


def test_post_jsonl_reports_bad_lines(client):
    body = (json.dumps({"id": "j1", "text": "Chủ tịch nước tiếp Đại sứ Pháp tại Hà Nội ngày 2/6/2025."},
                       ensure_ascii=False) + "\n{not json}\n").encode()
    r = client.post("/api/documents", content=body, headers={"content-type": "application/x-ndjson"})
    assert r.status_code == 201
    out = r.json()
    assert out["new"] == ["j1"] and len(out["failed"]) == 1 and out["failed"][0]["line"] == 2


def test_post_markdown_front_matter(client):
    md = ("---\ntitle: Hai Bộ trưởng Ngoại giao trao đổi qua điện thoại\ndate: 2025-06-10\noutlet: Báo Thử\n---\n"
          "Tối 10/6/2025, Bộ trưởng Ngoại giao Việt Nam trao đổi qua điện thoại với Ngoại trưởng Brazil.\n")
    r = client.post("/api/documents", params={"id": "md-post"}, content=md.encode(),
                    headers={"content-type": "text/markdown; charset=utf-8"})
    assert r.status_code == 201, r.text
    assert r.json()["new"] == ["md-post"]
    d = client.get("/api/documents/md-post").json()
    assert (d["fmt"], d["origin"]) == ("md", "api")
    assert (d["pub_date"], d["pub_date_source"]) == ("2025-06-10", "front-matter")
    assert d["title"] == "Hai Bộ trưởng Ngoại giao trao đổi qua điện thoại" and d["outlet"] == "Báo Thử"
    assert "outlet:" not in d["kept_text"] and "Ngoại trưởng Brazil" in d["kept_text"]


def test_post_id_parameter_header_and_content_hash_id(client):
    import hashlib
    text = "Sáng 11/6/2025, Thủ tướng tiếp Đại sứ Chile tại trụ sở Chính phủ."
    r = client.post("/api/documents", params={"id": "by-param"}, content=text.encode(),
                    headers={"content-type": "text/plain"})
    assert r.status_code == 201 and r.json()["new"] == ["by-param"]
    r = client.post("/api/documents", content=text.encode(),
                    headers={"content-type": "text/plain", "x-document-id": "by-header"})
    assert r.status_code == 201 and r.json()["new"] == ["by-header"]
    r = client.post("/api/documents", content=text.encode(), headers={"content-type": "text/plain"})
    auto = "api-" + hashlib.sha1(text.encode()).hexdigest()[:12]
    assert r.status_code == 201 and r.json()["new"] == [auto]
    again = client.post("/api/documents", content=text.encode(), headers={"content-type": "text/plain"})
    assert again.status_code == 200 and again.json()["unchanged"] == [auto]
    assert client.get(f"/api/documents/{auto}").json()["origin"] == "api"


def test_post_corrected_pub_date_is_a_new_version(client):
    text = "Chiều 12/6, Phó Thủ tướng hội kiến Bộ trưởng Ngoại giao Peru tại Hà Nội."
    first = client.post("/api/documents", params={"id": "dated", "pub_date": "2025-06-11"}, content=text.encode(),
                        headers={"content-type": "text/plain"})
    assert first.status_code == 201 and first.json()["new"] == ["dated"]
    fixed = client.post("/api/documents", params={"id": "dated", "pub_date": "2025-06-12"}, content=text.encode(),
                        headers={"content-type": "text/plain"})
    assert fixed.status_code == 201 and fixed.json()["updated"] == ["dated"]
    d = client.get("/api/documents/dated").json()
    assert (d["version"], d["pub_date"], d["pub_date_source"]) == (2, "2025-06-12", "request")


def test_post_jsonl_records_without_id_get_content_hash_ids(client):
    body = "\n".join(json.dumps({"text": t}, ensure_ascii=False) for t in (
        "Ngày 3/6/2025, Chủ tịch Quốc hội tiếp Đại sứ Ai Cập tại Hà Nội.",
        "Ngày 4/6/2025, Phó Chủ tịch nước tiếp Đại sứ Mexico tại Hà Nội.")).encode()
    r = client.post("/api/documents", content=body, headers={"content-type": "application/jsonl"})
    assert r.status_code == 201, r.text
    ids = r.json()["new"]
    assert len(ids) == 2 and all(i.startswith("api-") and len(i) == 16 for i in ids) and ids[0] != ids[1]


def test_post_rejects_bad_bodies(client):
    assert client.post("/api/documents", content=b"", headers={"content-type": "text/plain"}).status_code == 400
    r = client.post("/api/documents", content=b"abc", headers={"content-type": "image/png"})
    assert r.status_code == 415 and r.json()["error"]["type"] == "unsupported_media_type"
    r = client.post("/api/documents", content=b"%PDF-1.4 binary", headers={"content-type": "text/plain"})
    assert r.status_code == 422 and r.json()["report"]["failed"]
    r = client.post("/api/documents", params={"pub_date": "2025-99-01"}, content="Tin".encode(),
                    headers={"content-type": "text/plain"})
    assert r.status_code == 422


def test_post_body_over_limit_is_413(client):
    big = b"a" * (5 * 1024 * 1024 + 1)
    r = client.post("/api/documents", content=big, headers={"content-type": "text/plain"})
    assert r.status_code == 413
    assert r.json()["error"]["type"] == "payload_too_large"


def test_streamed_body_over_limit_is_413(client):
    def gen():
        for _ in range(6):
            yield b"b" * (1024 * 1024)
    r = client.post("/api/documents", content=gen(), headers={"content-type": "text/plain"})
    assert r.status_code == 413


def test_read_only_refuses_writes_and_still_serves(ro_client, fixture_db):
    r = ro_client.post("/api/documents", content="Tin mới".encode(), headers={"content-type": "text/plain"})
    assert r.status_code == 403 and r.json()["error"]["type"] == "forbidden"
    assert ro_client.get("/api/events").json()["total"] == 5
    assert ro_client.get("/api/search", params={"q": "dien dam"}).json()["events"][0]["id"] == "ev-call"
    assert "chỉ đọc" in ro_client.get("/").text
    st = Store(fixture_db)
    try:
        assert st.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 4
    finally:
        st.close()


def test_read_only_missing_database_fails_clearly(tmp_path):
    with pytest.raises(FileNotFoundError):
        create_app(str(tmp_path / "missing.db"), read_only=True)


# ------------------------------------------------------------------ HTML pages and XSS

def test_xss_is_escaped_on_document_and_event_pages(client):
    for url in ("/documents/b.txt", "/events/ev-stmt", "/events/ev-call", "/search?q=tuyen+bo", "/"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert SCRIPT not in r.text, url
        assert "<script>alert" not in r.text, url
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get("/documents/b.txt").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get("/events/ev-stmt").text


def test_pages_send_a_strict_content_security_policy(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    # no page refers to an external host
    for url in ("/", "/events/ev-call", "/documents/a.txt", "/docs", "/search?q=x", "/actors"):
        html = client.get(url).text
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), url


def test_timeline_page_axis_list_and_status_styles(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.text
    assert 'class="mk t-phone_call s-occurred"' in html
    assert 'class="mk t-visit s-planned approx"' in html         # planned + month-only date
    assert "Chưa rõ ngày" in html                                  # the undated statement
    assert html.count('class="ev-item"') == 5
    assert ">2024<" in html and ">2025<" in html                   # one axis row per year
    m = client.get("/", params={"zoom": "month"}).text
    assert "T4 2025" in m and "T11 2024" in m
    f = client.get("/", params={"type": "visit"}).text
    assert f.count('class="ev-item"') == 1
    assert client.get("/", params={"from": "bad"}).status_code == 422


def test_event_page_highlights_evidence_and_shows_conflicts_and_sources(client):
    html = client.get("/events/ev-call").text
    assert '<mark class="ev-mark">45 phút</mark>' in html
    assert '<mark class="ev-mark">60 phút</mark>' in html
    assert 'class="ev-sent"' in html
    assert 'id="conflicts"' in html and "has-conflict" in html
    assert "Phía Nhật Bản" in html and "Lời của chính tờ báo" in html     # sources side by side
    assert "/events/ev-agree" in html                                      # related event
    assert "/documents/a.txt?hl=" in html


def test_event_page_shows_a_planned_then_occurred_history_apart_from_conflicts(fixture_db):
    import sqlite3
    con = sqlite3.connect(fixture_db)
    rec = json.loads(con.execute("SELECT data_json FROM events WHERE event_id = 'ev-agree'").fetchone()[0])
    rec["provenance"] = {"status_progression": [{"status": "planned", "docs": ["c.txt"]},
                                                {"status": "occurred", "docs": ["a.txt"]}]}
    con.execute("UPDATE events SET data_json = ? WHERE event_id = 'ev-agree'", (json.dumps(rec, ensure_ascii=False),))
    con.commit()
    con.close()
    with TestClient(create_app(fixture_db)) as c:
        html = c.get("/events/ev-agree").text
        assert 'id="progression"' in html and 'id="conflicts"' not in html
        block = html[html.index('id="progression"'):]
        block = block[:block.index("</ol>")]
        assert block.index("Dự kiến") < block.index("/documents/c.txt") < block.index("Đã diễn ra") \
            < block.index("/documents/a.txt")
        assert 'id="progression"' not in c.get("/events/ev-call").text


def test_document_page_collapses_boilerplate_and_highlights_mentions(client):
    html = client.get("/documents/a.txt").text
    assert "<details" in html and "related-links" in html
    assert '<mark class="m-actor">Phạm Minh Chính</mark>' in html
    assert '<mark class="m-time">Chiều 9/4</mark>' in html
    assert '<mark class="m-quantity">45 phút</mark>' in html
    s, e = _span(DOC_A, "45 phút")
    h = client.get(f"/documents/a.txt?hl={s}-{e}").text
    assert '<mark class="ev-mark">45 phút</mark>' in h
    assert client.get("/documents/a.txt?hl=9999999-1").status_code == 200


def test_actor_search_docs_pages(client):
    assert "Ishiba Shigeru" in client.get("/actors").text
    page = client.get("/actors/Ishiba%20Shigeru")
    assert page.status_code == 200 and page.text.count('class="ev-item"') == 3
    s = client.get("/search", params={"q": "dien dam"}).text
    assert '<mark class="hit">' in s and "/events/ev-call" in s
    docs = client.get("/docs").text
    assert "/api/events" in docs and "/api/search" in docs
    assert client.get("/openapi.json").json()["paths"]["/api/events"]


def test_english_toggle_by_query_and_cookie(client):
    vi = client.get("/").text
    assert "Dòng thời gian" in vi
    en = client.get("/", params={"lang": "en"})
    assert "Timeline" in en.text and en.cookies.get("lang") == "en"
    again = client.get("/")          # the cookie is kept by the client
    assert "Timeline" in again.text
    assert "Dòng thời gian" in client.get("/", params={"lang": "vi"}).text


def test_python_api_facade_actors_and_search(fixture_db):
    from sukien.api import Sukien
    with Sukien(db=fixture_db) as sk:
        names = [a["name"] for a in sk.actors()]
        assert names[0] == "Ishiba Shigeru" and "Russia" in names
        assert [e["id"] for e in sk.actor("ishiba shigeru")["events"]] == ["ev-call", "ev-agree", "ev-stmt"]
        assert sk.actor("nobody") is None
        r = sk.search("Dien Kremlin")
        assert [e["id"] for e in r["events"]] == ["ev-cease"]


def test_post_html_with_script_is_cleaned_and_escaped(client):
    html = ("<html><head><title>Bộ trưởng hai nước gặp nhau</title></head><body><article>"
            "<h1>Bộ trưởng hai nước gặp nhau</h1>"
            "<p>Ngày 5/6/2025, Bộ trưởng Ngoại giao Việt Nam gặp Ngoại trưởng Lào tại Viêng Chăn.</p>"
            "<p>Đoạn văn có chữ &lt;script&gt;alert(2)&lt;/script&gt; được viết ra như văn bản.</p>"
            "<script>alert(1)</script></article></body></html>")
    r = client.post("/api/documents", params={"doc_id": "post-2.html", "outlet": "Báo D"},
                    content=html.encode(), headers={"content-type": "text/html"})
    assert r.status_code == 201, r.text
    page = client.get("/documents/post-2.html")
    assert page.status_code == 200
    assert "<script>alert" not in page.text
    assert "Viêng Chăn" in page.text
    d = client.get("/api/documents/post-2.html").json()
    assert d["outlet"] == "Báo D"
    assert client.get("/api/search", params={"q": "vieng chan"}).json()["documents"][0]["id"] == "post-2.html"


def test_interface_strings_exist_in_both_languages():
    from pathlib import Path
    import sukien.server as srv
    web = Path(srv.__file__).parent / "web" / "templates"
    strings = json.loads((web / "i18n.json").read_text(encoding="utf-8"))
    assert set(strings["vi"]) == set(strings["en"])
    used = set()
    for f in web.glob("*.html"):
        used |= set(re.findall(r"(?<![\w.])t\.([a-z_]+)", f.read_text(encoding="utf-8")))
    assert used and not used - set(strings["vi"]), used - set(strings["vi"])
    for ty in srv.EVENT_TYPES:
        assert "t_" + ty in strings["vi"]
    for st in srv.STATUSES:
        assert "s_" + st in strings["en"]


def test_language_link_cannot_point_to_another_host(client):
    r = client.get("/%2F%2Fevil.example/x")          # the path decodes to ///evil.example/x
    assert r.status_code == 404
    href = re.search(r'<a class="lang" href="([^"]*)"', r.text).group(1)
    assert href.startswith("/") and not href.startswith("//"), href
