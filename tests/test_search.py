"""Search index (sukien.search): accent/tone-insensitive FTS5, BM25 ranking, incremental reindex."""
from __future__ import annotations

import json

import pytest

from sukien import search
from sukien.search import SearchIndex, fold_aligned, highlight, query_terms
from sukien.store import Store

NOW = "2026-01-01T00:00:00+00:00"


def add_doc(st: Store, doc_id: str, text: str, title: str | None = None, segments=None) -> None:
    with st.transaction() as c:
        c.execute("INSERT OR REPLACE INTO documents (doc_id, version, content_hash, fmt, origin, text, title,"
                  " stage, ingested_at, updated_at) VALUES (?, 1, ?, 'txt', ?, ?, ?, 'resolved', ?, ?)",
                  (doc_id, str(hash(text)), doc_id, text, title, NOW, NOW))
        c.execute("DELETE FROM segments WHERE doc_id = ?", (doc_id,))
        for i, (s, e) in enumerate(segments or []):
            c.execute("INSERT INTO segments (doc_id, idx, start, end, role) VALUES (?, ?, ?, ?, 'body')",
                      (doc_id, i, s, e))


def add_event(st: Store, eid: str, summary: str, *, participants=(), sentences=(), updated=NOW,
              etype="phone_call", date="2025-03-18") -> None:
    data = {"id": eid, "type": etype, "status": "occurred", "date": date, "participants": list(participants),
            "mentions": [{"doc": "d", "start": 0, "end": 1, "sentence": s, "source": None} for s in sentences],
            "summary": summary, "conflicts": []}
    with st.transaction() as c:
        c.execute("INSERT OR REPLACE INTO events (event_id, type, status, date, date_sort, summary, n_sources,"
                  " n_conflicts, data_json, updated_at) VALUES (?, ?, 'occurred', ?, ?, ?, 1, 0, ?, ?)",
                  (eid, etype, date, date, summary, json.dumps(data, ensure_ascii=False), updated))


@pytest.fixture
def st(tmp_path):
    s = Store(tmp_path / "s.db")
    add_event(s, "ev-call", "Hai tổng thống điện đàm về lệnh ngừng bắn",
              participants=["Vladimir Putin", "Donald Trump"],
              sentences=["Theo Điện Kremlin, cuộc điện đàm kéo dài hơn hai giờ."])
    add_event(s, "ev-peace", "Hai bên ký thỏa thuận hoà bình", etype="agreement",
              participants=["Armenia", "Azerbaijan"], sentences=["Lễ ký diễn ra tại thủ đô."])
    add_event(s, "ev-visit", "Thủ tướng thăm chính thức Nhật Bản", etype="visit",
              participants=["Phạm Minh Chính", "Japan"],
              sentences=["Chuyến thăm nhằm thúc đẩy hợp tác; hai bên cũng điện đàm trước đó."])
    text = "Bản tin sáng\nCuộc điện đàm giữa hai nhà lãnh đạo diễn ra tối qua.\nĐăng ký nhận tin: điện đàm điện đàm"
    kept_end = text.index("\nĐăng ký")
    add_doc(s, "doc-1.txt", text, title="Điện đàm Nga - Mỹ", segments=[(0, kept_end)])
    add_doc(s, "doc-2.txt", "Quan hệ hòa bình và hữu nghị giữa hai nước được củng cố.", title="Hữu nghị")
    yield s
    s.close()


def ids(hits) -> list[str]:
    return [h.id for h in hits]


def test_query_terms_fold_accents_and_punctuation():
    assert query_terms("Điện đàm, hoà!") == ["dien", "dam", "hoa"]
    assert query_terms("  ") == []
    assert query_terms('dien" OR x NEAR(') == ["dien", "or", "x", "near"]


def test_fold_aligned_keeps_length_and_offsets():
    s = "Điện Kremlin: hoà bình, THUỶ"
    f = fold_aligned(s)
    assert len(f) == len(s)
    assert f == "dien kremlin: hoa binh, thuy"


def test_accent_insensitive_search_finds_events_and_documents(st):
    idx = SearchIndex(st)
    idx.refresh()
    r = idx.search("dien dam")
    assert "ev-call" in ids(r["events"]) and "ev-visit" in ids(r["events"])
    assert "ev-peace" not in ids(r["events"])
    assert ids(r["documents"]) == ["doc-1.txt"]
    assert r["mode"] == "all"
    # the accented query gives the same hits
    assert ids(idx.search("điện đàm")["events"]) == ids(r["events"])


def test_tone_placement_insensitive(st):
    idx = SearchIndex(st)
    idx.refresh()
    # the event says "hoà" (old placement), doc-2 says "hòa" (new placement): both queries find both
    for q in ("hoà bình", "hòa bình", "hoa binh"):
        r = idx.search(q)
        assert ids(r["events"]) == ["ev-peace"], q
        assert ids(r["documents"]) == ["doc-2.txt"], q


def test_place_names_and_participants(st):
    idx = SearchIndex(st)
    idx.refresh()
    assert ids(idx.search("Dien Kremlin")["events"]) == ["ev-call"]
    assert ids(idx.search("pham minh chinh")["events"]) == ["ev-visit"]
    assert ids(idx.search("putin")["events"]) == ["ev-call"]


def test_bm25_ranking_prefers_summary_hits(st):
    idx = SearchIndex(st)
    idx.refresh()
    r = idx.search("dien dam")
    # ev-call has "điện đàm" in its summary (weighted head) and its sentence; ev-visit only in a sentence
    assert ids(r["events"])[0] == "ev-call"
    assert r["events"][0].score < r["events"][1].score       # bm25: lower is better


def test_removed_boilerplate_is_not_indexed(st):
    idx = SearchIndex(st)
    idx.refresh()
    assert idx.search("dang ky nhan")["documents"] == []


def test_all_terms_then_any_terms_fallback(st):
    idx = SearchIndex(st)
    idx.refresh()
    r = idx.search("kremlin xyzzy")
    assert r["mode"] == "any" and ids(r["events"]) == ["ev-call"]
    assert idx.search("xyzzy")["events"] == []


def test_fts_syntax_in_query_is_inert(st):
    idx = SearchIndex(st)
    idx.refresh()
    for q in ('"', "NEAR(dien dam)", "title:dien", "*", "dien AND", ")("):
        idx.search(q)           # must not raise sqlite3.OperationalError


def test_incremental_reindex_updates_changed_and_removed_rows(st):
    idx = SearchIndex(st)
    first = idx.refresh()
    assert first == {"events": 3, "documents": 2, "removed": 0}
    assert idx.refresh() == {"events": 0, "documents": 0, "removed": 0}
    add_event(st, "ev-peace", "Hai bên ký hiệp ước thương mại", etype="agreement",
              updated="2026-01-02T00:00:00+00:00")
    with st.transaction() as c:
        c.execute("DELETE FROM events WHERE event_id = 'ev-visit'")
    stats = idx.refresh()
    assert stats == {"events": 1, "documents": 0, "removed": 1}
    assert idx.search("thuong mai")["events"][0].id == "ev-peace"
    assert idx.search("hoa binh")["events"] == []
    assert "ev-visit" not in ids(idx.search("thu tuong")["events"])


def test_index_persists_in_the_database_file(st, tmp_path):
    search.reindex(st)
    other = Store(st.path)
    try:
        idx = SearchIndex(other)
        assert ids(idx.search("kremlin")["events"]) == ["ev-call"]     # no refresh needed: stored
    finally:
        other.close()


def test_read_only_store_gets_an_in_memory_index(st):
    ro = Store(st.path, read_only=True)
    try:
        idx = SearchIndex.for_store(ro)
        assert not idx.persistent
        idx.refresh()
        assert ids(idx.search("dien dam")["events"])[:1] == ["ev-call"]
        with pytest.raises(ValueError):
            search.reindex(ro)
    finally:
        ro.close()


def test_staleness_follows_commits_of_other_connections(st):
    ro = Store(st.path, read_only=True)
    try:
        idx = SearchIndex.for_store(ro)
        idx.refresh()
        assert not idx.is_stale()
        add_event(st, "ev-new", "Ngoại trưởng hai nước hội đàm tại Hà Nội", etype="meeting")
        assert idx.is_stale()
        idx.refresh_if_stale()
        assert ids(idx.search("ha noi")["events"]) == ["ev-new"]
        assert not idx.is_stale()
    finally:
        ro.close()


def test_module_level_search_returns_dicts(st):
    r = search.search(st, "Điện Kremlin")
    assert r["events"][0]["id"] == "ev-call"
    assert "score" in r["events"][0]


def test_highlight_maps_folded_matches_back_to_original_text():
    text = "Tin mới: Thủ tướng đã điện đàm với người đồng cấp về hoà bình."
    pieces = highlight(text, query_terms("dien dam hoa"))
    hits = [p for p, m in pieces if m]
    assert hits == ["điện", "đàm", "hoà"]
    assert "".join(p for p, _ in pieces) == text
    assert highlight("", ["x"]) == []


def test_adjacent_phrase_ranks_before_scattered_words(tmp_path):
    s = Store(tmp_path / "p.db")
    try:
        # "điện" and "đàm" appear often but apart (Điện Kremlin ... đàm phán) in one event,
        # once as the phrase "điện đàm" in the other: the phrase wins despite lower counts
        add_event(s, "ev-scattered", "Điện Kremlin nói về đàm phán; Điện Kremlin muốn đàm phán tiếp",
                  etype="negotiation")
        add_event(s, "ev-phrase", "Hai bên đã điện đàm", etype="phone_call")
        idx = SearchIndex(s)
        idx.refresh()
        assert ids(idx.search("dien dam")["events"]) == ["ev-phrase", "ev-scattered"]
    finally:
        s.close()


def test_fast_fold_equals_textnorm_fold():
    from sukien.search import fast_fold
    from sukien.textnorm import fold
    letters = ("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
               "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ"
               "çñüößæøå ,.;:!?()[]«»“”–—0123456789\n\t")
    import random
    rnd = random.Random(7)
    for _ in range(300):
        s = "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 40)))
        assert fast_fold(s) == fold(s), s
    nfd = "Đie\u0302\u0323n đa\u0300m"          # decomposed input takes the slow path, same result
    assert fast_fold(nfd) == fold(nfd) == "dien dam"


def test_read_only_store_uses_the_files_index_until_it_is_behind(st):
    search.reindex(st)                                   # the file now holds an up-to-date index
    ro = Store(st.path, read_only=True)
    try:
        idx = SearchIndex.for_store(ro)
        assert idx.persistent and idx.frozen
        assert idx.refresh() == {"events": 0, "documents": 0, "removed": 0}
        assert idx.conn is ro.conn and ids(idx.search("kremlin")["events"]) == ["ev-call"]
        add_event(st, "ev-new", "Ngoại trưởng hai nước hội đàm tại Hà Nội", etype="meeting",
                  updated="2026-02-01T00:00:00+00:00")
        stats = idx.refresh_if_stale()                    # the file's index is behind: memory copy
        assert stats["events"] == 4 and not idx.persistent and idx.conn is not ro.conn
        assert ids(idx.search("ha noi")["events"]) == ["ev-new"]
        assert ids(idx.search("kremlin")["events"]) == ["ev-call"]
    finally:
        ro.close()
