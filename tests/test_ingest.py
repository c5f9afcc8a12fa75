"""Ingestion: decoding, bad inputs, JSONL, stdin, URLs, metadata, versions, near-duplicates,
interruption (Ctrl-C and kill -9)."""
from __future__ import annotations

import io
import json
import logging
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import types
from pathlib import Path

import httpx
import pytest

from sukien.config import Config, Resources
from sukien.ingest import LEGACY_MESSAGE, IngestReport, content_hash, ingest_paths, ingest_raws
from sukien.models import RawInput, SukienError
from sukien.store import Store
from test_decode import VI_1, VI_2, VI_LOWER, to_tcvn3



def _words(seed: int, n: int = 120) -> str:
    vocab = ("hợp tác kinh tế ngoại giao đối thoại an ninh khu vực thương mại đầu tư giáo dục văn hóa "
             "năng lượng hạ tầng du lịch nông nghiệp công nghệ y tế môi trường biển đảo hàng không "
             "cảng biển điện gió lúa gạo cà phê dệt may học bổng sinh viên bệnh viện vắc xin").split()
    rnd = random.Random(seed)
    return " ".join(rnd.choice(vocab) for _ in range(n)) + "."


@pytest.fixture
def html_layer(monkeypatch):
    """The real ``sukien.clean.html_to_text`` when it exists; until then a tiny stand-in (tests only)."""
    try:
        import sukien.clean as clean
        if hasattr(clean, "html_to_text"):
            return clean
    except ModuleNotFoundError:
        pass
    import re as _re

    def html_to_text(h: str) -> str:
        h = _re.sub(r"(?is)<(script|style|head)\b.*?</\1>", "", h)
        h = _re.sub(r"(?i)</?(p|h[1-6]|div|li|article|br)\b[^>]*>", "\n", h)
        return "\n".join(ln.strip() for ln in _re.sub(r"<[^>]+>", "", h).splitlines() if ln.strip())
    fake = types.ModuleType("sukien.clean")
    fake.html_to_text = html_to_text
    monkeypatch.setitem(sys.modules, "sukien.clean", fake)
    return fake


def _ingest(paths, store, res, **kw) -> IngestReport:
    kw.setdefault("progress", "none")
    return ingest_paths([str(p) for p in paths], store, res, **kw)


def test_bad_files_in_a_batch_are_reported_and_the_rest_is_stored(tmp_path, store, res):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(VI_1, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    (d / "legacy.txt").write_bytes(to_tcvn3(VI_LOWER))
    (d / "big.md").write_text("# Tiêu đề\n\n" + VI_2 * 2000, encoding="utf-8")
    (d / "notes.pdf").write_bytes(b"%PDF-1.4")           # not an article extension: ignored in folders
    res = Resources(Config(db=store.path, run_pipeline=False, max_bytes=50_000))
    report = _ingest([d, tmp_path / "missing.txt"], store, res)
    assert report.new == ["good.txt"]
    reasons = {Path(e.doc).name: e.reason for e in report.failed}
    assert set(reasons) == {"empty.txt", "image.html", "legacy.txt", "big.md", "missing.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["image.html"]
    assert LEGACY_MESSAGE in reasons["legacy.txt"]
    assert "size cap" in reasons["big.md"]
    assert "no such file" in reasons["missing.txt"]
    assert not report.ok
    stored = {Path(e["origin"]).name for e in store.errors()}
    assert stored == set(reasons)


# ------------------------------------------------------------------ JSONL

def test_jsonl_records_and_malformed_lines(tmp_path, store, res):
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "url": "https://baoquocte.vn/bai-viet-1.html", "title": "Hội đàm",
                    "pub_date": "2025-03-19", "outlet": "Báo Quốc tế", "text": VI_1}, ensure_ascii=False),
        "{not json",
        "",
        json.dumps({"id": "a2", "text": "   "}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "a3", "url": "https://vnexpress.net/2025/02/13/tin.html", "text": VI_2},
                   ensure_ascii=False),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = _ingest([f], store, res)
    assert report.new == ["a1", "a3"]
    failed = sorted((e.line, e.reason) for e in report.failed)
    assert [ln for ln, _ in failed] == [2, 4, 5]
    assert "malformed JSON" in failed[0][1]
    assert all(str(f) in str(e) and f":{e.line}" in str(e) for e in report.failed)
    a1 = store.get_document("a1")
    assert a1.pub_date.value == "2025-03-19" and a1.pub_date.source == "jsonl" and a1.pub_date.confidence == 1.0
    assert a1.title.value == "Hội đàm" and a1.outlet.value == "Báo Quốc tế"
    a3 = store.get_document("a3")
    assert (a3.pub_date.value, a3.pub_date.source) == ("2025-02-13", "url-path")
    assert (a3.outlet.value, a3.outlet.source) == ("vnexpress.net", "url-host")
    assert {(e["line"]) for e in store.errors()} == {2, 4, 5}


def test_jsonl_encodings_and_bad_bytes(tmp_path, store, res):
    rec = lambda i, t: json.dumps({"id": f"e{i}", "text": t}, ensure_ascii=False)  # noqa: E731
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + (rec(1, VI_1) + "\n").encode("utf-8"))
    (tmp_path / "u16.jsonl").write_bytes((rec(2, VI_2) + "\n").encode("utf-16"))
    (tmp_path / "mixed.jsonl").write_bytes((rec(3, VI_1 + " Một.") + "\n").encode("utf-8")
                                           + b'{"id": "e4", "text": "caf\xe9 \xb5"}\n'
                                           + (rec(5, VI_2 + " Hai.") + "\n").encode("utf-8"))
    (tmp_path / "empty.jsonl").write_bytes(b"\n\n")
    report = _ingest([tmp_path], store, res)
    assert sorted(report.new) == ["e1", "e2", "e3", "e5"]
    reasons = {(Path(e.doc).name, e.line): e.reason for e in report.failed}
    assert "not valid UTF-8" in reasons[("mixed.jsonl", 2)]
    assert "empty" in reasons[("empty.jsonl", None)]
    assert store.get_document("e2").text == VI_2


def test_jsonl_html_records_use_the_html_layer(tmp_path, store, res, html_layer):
    html = ("<html><head><title>Thủ tướng tiếp Đại sứ - Báo Mẫu</title>"
            "<meta property=\"article:published_time\" content=\"2025-02-12T09:30:00+07:00\">"
            "<meta property=\"og:title\" content=\"Thủ tướng tiếp Đại sứ\"></head>"
            f"<body><article><h1>Thủ tướng tiếp Đại sứ</h1><p>{VI_1}</p><p>{VI_2}</p></article></body></html>")
    f = tmp_path / "h.jsonl"
    f.write_text(json.dumps({"id": "h1", "html": html}, ensure_ascii=False) + "\n", encoding="utf-8")
    report = _ingest([f], store, res)
    assert report.new == ["h1"], report.failed
    doc = store.get_document("h1", with_raw=True)
    assert "<p>" not in doc.text and "hội đàm" in doc.text
    assert doc.raw.decode("utf-8") == html
    assert (doc.pub_date.value, doc.pub_date.source) == ("2025-02-12", "html-meta")
    assert doc.title.value == "Thủ tướng tiếp Đại sứ" and doc.title.source == "html-meta"


# ------------------------------------------------------------------ stdin and URLs

def test_stdin_text_and_jsonl(store, res):
    report = _ingest(["-"], store, res, stdin=io.BytesIO(VI_1.encode("utf-8")))
    assert len(report.new) == 1 and report.new[0].startswith("stdin-")
    doc = store.get_document(report.new[0])
    assert doc.text == VI_1 and doc.origin == "stdin"
    again = _ingest(["-"], store, res, stdin=io.BytesIO(VI_1.encode("utf-8")))
    assert again.unchanged == report.new
    jl = (json.dumps({"id": "s1", "text": VI_2}, ensure_ascii=False) + "\n").encode("utf-8")
    report = _ingest(["-"], store, res, stdin=io.BytesIO(jl))
    assert report.new == ["s1"]


def _mock_client(handler) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=True)


def test_url_ingest_with_outlet_and_dated_path(store, res, html_layer):
    page = (f"<html><head><title>Điện đàm cấp cao</title></head><body><article><h1>Điện đàm cấp cao</h1>"
            f"<p>{VI_1}</p></article></body></html>")

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/html; charset=utf-8"}, content=page.encode())
    url = "https://www.baoquocte.vn/2025/2/13/dien-dam-cap-cao.html"
    report = _ingest([url], store, res, http_client=_mock_client(handler))
    assert report.new == [url], report.failed
    doc = store.get_document(url)
    assert doc.fmt == "html"
    assert (doc.outlet.value, doc.outlet.source) == ("baoquocte.vn", "url-host")
    assert doc.pub_date.value == "2025-02-13" and doc.pub_date.source == "url-path"


def test_url_errors_are_clear(store, res):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/missing":
            return httpx.Response(404)
        if request.url.path == "/huge":
            return httpx.Response(200, content=b"a" * 5000)
        raise httpx.ConnectError("Name or service not known", request=request)
    res = Resources(Config(db=store.path, run_pipeline=False, url_max_bytes=1000))
    urls = ["https://example.vn/missing", "https://example.vn/huge", "https://offline.example/x"]
    report = _ingest(urls, store, res, http_client=_mock_client(handler))
    reasons = {e.doc: e.reason for e in report.failed}
    assert "HTTP 404" in reasons[urls[0]]
    assert "over the cap" in reasons[urls[1]]
    assert "cannot connect" in reasons[urls[2]] and "offline" in reasons[urls[2]]
    assert report.new == []


def test_url_unreachable_port_without_mock(store):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()                                 # nothing listens there now
    res = Resources(Config(db=store.path, run_pipeline=False, url_timeout=3))
    url = f"http://127.0.0.1:{port}/bai-viet"
    report = _ingest([url], store, res)
    assert len(report.failed) == 1 and report.failed[0].doc == url
    assert "cannot connect" in report.failed[0].reason


# ------------------------------------------------------------------ metadata

def test_seed_001_header_line_is_the_publication_date(seeds_dir, store, res):
    report = _ingest([seeds_dir / "001_8c7800fb1b5b7653.txt"], store, res)
    assert report.new == ["001_8c7800fb1b5b7653.txt"]
    doc = store.get_document("001_8c7800fb1b5b7653.txt")
    assert doc.pub_date.value == "2025-12-29"
    assert doc.pub_date.source == "header-line" and doc.pub_date.confidence >= 0.9
    # the header is metadata, not article text
    header = doc.text.index("date 2025-12-29")
    assert any(r.start <= header and header + 15 <= r.end for r in doc.removed)
    assert all("2025-12-29" not in doc.text[s.start:s.end] for s in doc.segments)


def test_seed_003_dated_image_url_gives_a_low_confidence_date(seeds_dir, store, res):
    _ingest([seeds_dir / "003_7851fbe2871cd3f2.txt"], store, res)
    doc = store.get_document("003_7851fbe2871cd3f2.txt")
    assert doc.pub_date.value == "2025-02-13"
    assert doc.pub_date.source == "image-url" and doc.pub_date.confidence < 0.5


def test_seed_004_related_links_tail_does_not_set_the_date(seeds_dir, store, res):
    _ingest([seeds_dir / "004_f28134e0e548c162.txt"], store, res)
    doc = store.get_document("004_f28134e0e548c162.txt")
    assert doc.pub_date is None or not doc.pub_date.value.startswith("2026")


@pytest.mark.parametrize("text,expected,source", [
    ("Thứ Tư, 19/3/2025 08:15 (GMT+7)\n" + VI_1, "2025-03-19", "dateline"),
    ("Chủ nhật, ngày 2/2/2025\n" + VI_1, "2025-02-02", "dateline"),
    ("Hà Nội, ngày 12/2/2025\n" + VI_1, "2025-02-12", "dateline"),
    ("Điện đàm cấp cao giữa hai nước\nPhương Linh\n20/05/2025 21:40\n" + VI_1, "2025-05-20", "byline-date"),
    ("date 2025-12-29\n" + VI_1, "2025-12-29", "header-line"),
    ("Published: 29/12/2025\n" + VI_1, "2025-12-29", "header-line"),
    ("---\ntitle: Hội đàm\ndate: 2025-04-01\nurl: https://dantri.com.vn/2024/1/1/x.htm\n---\n" + VI_1,
     "2025-04-01", "front-matter"),
    (VI_1 + "\n![Ảnh minh họa](https://cdn.example.vn/images/2025/2/13/anh-1.jpg)\n" + VI_2,
     "2025-02-13", "image-url"),
    (VI_1 + "\nNgày 12/2/2025, hai bên đã ký kết thỏa thuận.", None, None),   # body date: not a dateline
])
def test_publication_date_sources(tmp_path, store, res, text, expected, source):
    f = tmp_path / "a.md"
    f.write_text(text, encoding="utf-8")
    _ingest([f], store, res)
    doc = store.get_document("a.md")
    if expected is None:
        assert doc.pub_date is None
    else:
        assert (doc.pub_date.value, doc.pub_date.source) == (expected, source)


def test_best_date_wins_by_confidence_and_front_matter_fields(tmp_path, store, res):
    f = tmp_path / "fm.md"
    f.write_text("---\ntitle: Hai nước ký thỏa thuận hợp tác\noutlet: Báo Mẫu\n"
                 "url: https://www.dantri.com.vn/2024/1/1/bai.htm\ndate: 2025-04-01\n---\n"
                 "Thứ Hai, 31/3/2025 10:00\n" + VI_1, encoding="utf-8")
    _ingest([f], store, res)
    doc = store.get_document("fm.md")
    assert (doc.pub_date.value, doc.pub_date.source) == ("2025-04-01", "front-matter")
    assert doc.title.value == "Hai nước ký thỏa thuận hợp tác"
    assert doc.outlet.value == "Báo Mẫu"                      # explicit beats the URL host
    assert doc.url.value == "https://www.dantri.com.vn/2024/1/1/bai.htm"
    fm_end = doc.text.index("---\nThứ") + 4
    assert any(r.reason == "front-matter" or r.end >= fm_end - 1 for r in doc.removed if r.start == 0)
    assert all(s.start >= fm_end - 1 for s in doc.segments)


def test_headline_like_first_line_becomes_the_title(tmp_path, store, res):
    f = tmp_path / "t.txt"
    f.write_text("Hai nước nhất trí nâng cấp quan hệ đối tác\n\n" + VI_1, encoding="utf-8")
    g = tmp_path / "u.txt"
    g.write_text(VI_1 + "\n" + VI_2, encoding="utf-8")
    _ingest([f, g], store, res)
    assert store.get_document("t.txt").title.value == "Hai nước nhất trí nâng cấp quan hệ đối tác"
    title = store.get_document("u.txt").title
    assert title is None or title.value != VI_1                # a sentence is not a headline


# ------------------------------------------------------------------ ids

def test_same_file_name_in_two_folders_gets_a_unique_deterministic_id(tmp_path, store, res, caplog):
    for sub, text in (("a", VI_1), ("b", VI_2)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "bai.txt").write_text(text, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="sukien.ingest"):
        report = _ingest([tmp_path / "a", tmp_path / "b"], store, res)
    assert report.new[0] == "bai.txt"
    assert report.new[1].startswith("bai.txt~") and len(report.new[1]) == len("bai.txt~") + 8
    assert report.warnings and "bai.txt" in caplog.text
    again = _ingest([tmp_path / "a", tmp_path / "b"], store, res)
    assert again.unchanged == report.new                       # deterministic


# ------------------------------------------------------------------ idempotency and versions

def test_same_content_is_unchanged_and_changed_content_is_a_new_version(tmp_path, store, res):
    f = tmp_path / "bai.txt"
    f.write_text(VI_1, encoding="utf-8")
    assert _ingest([f], store, res).new == ["bai.txt"]
    before = store.status_counts()
    report = _ingest([f], store, res)
    assert report.unchanged == ["bai.txt"] and not report.new and not report.updated
    assert store.status_counts() == before
    # downstream rows of the old version must be replaced
    with store.transaction() as c:
        c.execute("INSERT INTO sentences (doc_id, idx, start, end, paragraph, role) VALUES ('bai.txt', 0, 0, 5, 0, 'body')")
    f.write_text(VI_1 + "\n" + VI_2, encoding="utf-8")
    report = _ingest([f], store, res)
    assert report.updated == ["bai.txt"]
    doc = store.get_document("bai.txt")
    assert doc.version == 2 and VI_2 in doc.text
    versions = store.versions("bai.txt")
    assert [v["version"] for v in versions] == [1, 2]
    assert store.version_text("bai.txt", 1) == VI_1                 # the old version is kept
    assert store.conn.execute("SELECT COUNT(*) FROM sentences WHERE doc_id='bai.txt'").fetchone()[0] == 0
    assert store.integrity_problems() == []


def _jsonl_file(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_corrected_jsonl_metadata_is_a_new_version(tmp_path, store, res):
    rec = {"id": "m1", "text": VI_1, "pub_date": "2025-03-18", "title": "Hội đàm cấp bộ trưởng"}
    f = _jsonl_file(tmp_path / "b.jsonl", [rec])
    assert _ingest([f], store, res).new == ["m1"]
    assert _ingest([f], store, res).unchanged == ["m1"]                 # same text, same metadata
    _jsonl_file(f, [{**rec, "pub_date": "19/3/2025"}])                   # the corrected date
    report = _ingest([f], store, res)
    assert report.updated == ["m1"] and not report.unchanged
    doc = store.get_document("m1")
    assert doc.version == 2 and (doc.pub_date.value, doc.pub_date.source) == ("2025-03-19", "jsonl")
    assert [v["version"] for v in store.versions("m1")] == [1, 2]
    _jsonl_file(f, [{**rec, "pub_date": "2025-03-19"}])                  # same date, other spelling
    assert _ingest([f], store, res).unchanged == ["m1"]
    _jsonl_file(f, [{**rec, "pub_date": "2025-03-19", "outlet": "Báo Mẫu"}])
    assert _ingest([f], store, res).updated == ["m1"]
    # the same text with no metadata stated keeps what was stated before
    _jsonl_file(f, [{"id": "m1", "text": VI_1}])
    assert _ingest([f], store, res).unchanged == ["m1"]
    assert store.get_document("m1").pub_date.value == "2025-03-19"


def test_content_hash_covers_explicit_metadata_only():
    import hashlib
    plain = RawInput(doc_id="x", origin="x", text=VI_1, meta={"fetched_url": "https://x.vn/a", "charset": "utf-8"})
    assert content_hash(VI_1, plain) == hashlib.sha256(VI_1.encode()).hexdigest()    # as stored before
    dated = RawInput(doc_id="x", origin="x", text=VI_1, fmt="jsonl", meta={"pub_date": "2025-03-19"})
    assert content_hash(VI_1, dated) != content_hash(VI_1, plain)
    assert content_hash(VI_1, dated) == content_hash(
        VI_1, RawInput(doc_id="x", origin="x", text=VI_1, fmt="jsonl", meta={"pub_date": "19/03/2025"}))


def test_changed_front_matter_is_a_new_version(tmp_path, store, res):
    f = tmp_path / "fm.md"
    f.write_text("---\ntitle: Hội đàm\ndate: 2025-04-01\n---\n" + VI_1, encoding="utf-8")
    assert _ingest([f], store, res).new == ["fm.md"]
    f.write_text("---\ntitle: Hội đàm\ndate: 2025-04-02\n---\n" + VI_1, encoding="utf-8")
    assert _ingest([f], store, res).updated == ["fm.md"]
    assert store.get_document("fm.md").pub_date.value == "2025-04-02"


# ------------------------------------------------------------------ in-memory inputs (ingest_raws)

def test_ingest_raws_text_bytes_html_and_jsonl_stream(store, res, html_layer):
    body = "\n".join([
        json.dumps({"id": "r-j1", "text": VI_2}, ensure_ascii=False),
        "{broken",
        json.dumps({"text": VI_LOWER + "."}, ensure_ascii=False),           # no id: a content-hash id
    ]).encode("utf-8")
    raws = [
        RawInput(doc_id="r-text", origin="mem", text="Thứ Ba, 14/10/2025 - 08:30\n" + VI_1),
        RawInput(doc_id="r-md", origin="mem", data=("---\ntitle: Tin mẫu\ndate: 2025-05-06\n---\n" + VI_1
                                                   + "\n" + VI_2).encode("utf-8"), fmt="md"),
        RawInput(doc_id="r-html", origin="mem", html="<html><body><article><p>" + VI_2 + " Thêm một câu.</p>"
                 "</article></body></html>", fmt="html"),
        RawInput(doc_id="batch", origin="mem", data=body, fmt="jsonl"),
        SukienError("refused upstream", doc="mem", stage="read"),
    ]
    report = ingest_raws(raws, store, res)
    assert report.new[:4] == ["r-text", "r-md", "r-html", "r-j1"]
    assert len(report.new) == 5 and report.new[4].startswith("mem-") and len(report.new[4]) == len("mem-") + 12
    assert sorted((e.line or 0, e.reason) for e in report.failed)[0] == (0, "refused upstream")
    assert [e.line for e in report.failed if e.line] == [2]
    text_doc = store.get_document("r-text")
    assert (text_doc.pub_date.value, text_doc.pub_date.source) == ("2025-10-14", "dateline")
    md_doc = store.get_document("r-md")
    assert (md_doc.pub_date.value, md_doc.title.value, md_doc.fmt) == ("2025-05-06", "Tin mẫu", "md")
    assert VI_2 in store.get_document("r-html").text
    assert {e["line"] for e in store.errors()} >= {2}
    again = ingest_raws([RawInput(doc_id="batch", origin="mem", data=body, fmt="jsonl")], store, res)
    assert sorted(again.unchanged) == sorted(["r-j1", report.new[4]])           # hash ids are stable


def test_ingest_raws_validates_like_files(tmp_path, store, res):
    cfg_small = Resources(Config(db=str(tmp_path / "x.db"), run_pipeline=False, max_bytes=1000))
    report = ingest_raws([
        RawInput(doc_id="", origin="mem:1", text=VI_1),                              # no id
        RawInput(doc_id="a", origin="mem:2", text=VI_1, fmt="pdf"),                  # unknown format
        RawInput(doc_id="b", origin="mem:3", data=b"%PDF-1.7 binary"),               # binary bytes
        RawInput(doc_id="c", origin="mem:4", text=to_tcvn3(VI_1).decode("latin-1")),  # legacy encoding
        RawInput(doc_id="d", origin="mem:5", text=VI_1 * 20),                        # over the size cap
        RawInput(doc_id="e", origin="mem:6", text="   "),                            # empty
        RawInput(doc_id="ok", origin="mem:7", text=VI_1),
    ], store, cfg_small)
    assert report.new == ["ok"]
    reasons = {e.doc: e.reason for e in report.failed}
    assert set(reasons) == {f"mem:{i}" for i in range(1, 7)}
    assert "no document id" in reasons["mem:1"] and "unknown format" in reasons["mem:2"]
    assert "binary" in reasons["mem:3"] and LEGACY_MESSAGE in reasons["mem:4"]
    assert "size cap" in reasons["mem:5"] and "empty" in reasons["mem:6"]


def test_ingest_raws_and_ingest_paths_share_ids_and_hashes(tmp_path, store, res):
    f = tmp_path / "same.txt"
    f.write_text(VI_1 + "\n" + VI_2, encoding="utf-8")
    assert ingest_raws([RawInput(doc_id="same.txt", origin="mem", data=f.read_bytes(), fmt="txt")],
                       store, res).new == ["same.txt"]
    assert _ingest([f], store, res).unchanged == ["same.txt"]


# ------------------------------------------------------------------ near-duplicates

def test_near_duplicates_are_linked_not_dropped(tmp_path, store, res):
    base = _words(1, 200)
    (tmp_path / "a.txt").write_text(base, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Theo hãng tin mẫu, " + base.replace("hợp tác", "hợp tác", 1) + " Hết.",
                                    encoding="utf-8")
    (tmp_path / "c.txt").write_text(_words(2, 200), encoding="utf-8")
    (tmp_path / "d.txt").write_text(base, encoding="utf-8")          # exact copy
    report = _ingest([tmp_path / n for n in ("a.txt", "b.txt", "c.txt", "d.txt")], store, res)
    assert sorted(report.new) == ["a.txt", "b.txt", "c.txt", "d.txt"]
    links = {(r["doc_a"], r["doc_b"]): r for r in store.near_duplicates()}
    assert ("a.txt", "b.txt") in links and links[("a.txt", "b.txt")]["similarity"] >= 0.6
    assert links[("a.txt", "d.txt")]["method"] == "exact-hash"
    assert not any("c.txt" in k for k in links)


def test_near_duplicates_are_found_incrementally_across_runs(tmp_path, store, res):
    base = _words(7, 250)
    (tmp_path / "first.txt").write_text(base, encoding="utf-8")
    _ingest([tmp_path / "first.txt"], store, res)
    (tmp_path / "second.txt").write_text(base + " Thêm một câu kết thúc bài.", encoding="utf-8")
    report = _ingest([tmp_path / "second.txt"], store, res)
    assert [(a, b) for a, b, _ in report.near_duplicates] == [("second.txt", "first.txt")]
    assert store.near_duplicates("first.txt")[0]["doc_b"] == "second.txt"


# ------------------------------------------------------------------ progress, summary, pipeline hook

def test_log_progress_and_summary(tmp_path, store, res, caplog):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(_words(i), encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="sukien.ingest"):
        report = ingest_paths([str(tmp_path)], store, res, progress="log", log_every=2)
    assert "docs/s" in caplog.text and "4/5 inputs" in caplog.text
    s = report.summary()
    assert "5 new" in s and "0 failed" in s and "docs/s" in s and report.ok


def test_progress_bar_mode_runs_and_reports_rate(tmp_path, store, res, capsys):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(_words(50 + i), encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"")
    report = ingest_paths([str(tmp_path)], store, res, progress="bar")
    err = capsys.readouterr().err
    assert "docs/s" in err and "4/4" in err and "1 failed" in err
    assert len(report.new) == 3 and len(report.failed) == 1


def test_pipeline_is_called_with_changed_documents(tmp_path, store, monkeypatch):
    calls = []
    spy = types.ModuleType("sukien.pipeline")
    spy.process = lambda st, rs, ids: calls.append(list(ids))
    monkeypatch.setitem(sys.modules, "sukien.pipeline", spy)
    res = Resources(Config(db=store.path, run_pipeline=True))
    (tmp_path / "x.txt").write_text(VI_1, encoding="utf-8")
    (tmp_path / "y.txt").write_text(VI_2, encoding="utf-8")
    report = _ingest([tmp_path], store, res)
    assert calls == [["x.txt", "y.txt"]] and report.pipeline.startswith("processed 2")
    store.set_stage(["x.txt"], "resolved")
    _ingest([tmp_path], store, res)                 # y.txt was not marked done: processed again
    assert calls[-1] == ["y.txt"]
    res_off = Resources(Config(db=store.path, run_pipeline=False))
    assert _ingest([tmp_path], store, res_off).pipeline == "off" and len(calls) == 2
    # per-document pipeline failures make the run fail (exit status), documents stay stored
    spy.process = lambda st, rs, ids: {"failed": ["y.txt [analyze]: boom"]}
    report = _ingest([tmp_path], store, res)
    assert not report.ok and report.pipeline_failed == ["y.txt [analyze]: boom"] and "1 failed" in report.pipeline


def test_an_unexpected_bug_in_one_document_does_not_stop_the_batch(tmp_path, store, res, monkeypatch):
    import sukien.ingest as ingest_mod
    real = ingest_mod.extract_metadata

    def flaky(doc, raw, html=None):
        if doc.doc_id == "b.txt":
            raise RuntimeError("bug")
        return real(doc, raw, html)
    monkeypatch.setattr(ingest_mod, "extract_metadata", flaky)
    for name, text in (("a.txt", VI_1), ("b.txt", VI_2), ("c.txt", _words(3))):
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = _ingest([tmp_path], store, res)
    assert report.new == ["a.txt", "c.txt"]
    assert len(report.failed) == 1 and "internal error: RuntimeError: bug" in str(report.failed[0])
    assert store.errors()[0]["origin"].endswith("b.txt")


def test_ctrl_c_mid_batch_leaves_a_consistent_db_and_a_rerun_completes(tmp_path, db_path, res, monkeypatch):
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(_words(100 + i), encoding="utf-8")
    st = Store(db_path)
    real = Store.put_document
    n = {"calls": 0}

    def interrupted(self, doc, **kw):
        n["calls"] += 1
        if n["calls"] == 4:
            raise KeyboardInterrupt
        return real(self, doc, **kw)
    monkeypatch.setattr(Store, "put_document", interrupted)
    report = _ingest([tmp_path], st, res)
    assert report.interrupted and len(report.new) == 3
    monkeypatch.setattr(Store, "put_document", real)
    assert st.integrity_problems() == []
    report = _ingest([tmp_path], st, res)
    assert len(report.unchanged) == 3 and len(report.new) == 3 and report.ok
    st.close()


@pytest.mark.slow
def test_kill_9_mid_batch_leaves_a_consistent_db_and_a_rerun_completes(tmp_path):
    total = 4000
    batch = tmp_path / "big.jsonl"
    with open(batch, "w", encoding="utf-8") as fh:
        for i in range(total):
            fh.write(json.dumps({"id": f"doc-{i:05d}", "pub_date": "2025-03-18",
                                 "text": f"Bài số {i}.\n" + _words(i, 150)}, ensure_ascii=False) + "\n")
    db = tmp_path / "kill.db"
    cmd = [sys.executable, "-m", "sukien", "ingest", str(batch), "--db", str(db), "--no-pipeline",
           "--progress", "none"]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    stored = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
            if db.exists():
                try:
                    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                    stored = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
                    con.close()
                except sqlite3.Error:
                    continue
                if stored >= 200:
                    break
        assert proc.poll() is None, "the ingest finished before it could be killed; make the batch bigger"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    st = Store(db)
    assert st.integrity_problems() == []
    n_docs = st.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    assert 200 <= n_docs < total
    # no partial document (documents are committed in groups, each whole): every stored
    # document has its version row and its signature
    assert st.conn.execute("SELECT COUNT(*) FROM document_versions").fetchone()[0] == n_docs
    assert st.conn.execute("SELECT COUNT(*) FROM doc_signatures").fetchone()[0] == n_docs
    st.close()
    done = subprocess.run(cmd[:-2] + ["--json", "--progress", "none"], capture_output=True, text=True,
                          env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    rep = json.loads(done.stdout)
    assert len(rep["unchanged"]) == n_docs and len(rep["new"]) == total - n_docs
    st = Store(db)
    assert st.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == total
    assert st.integrity_problems() == []
    st.close()


def test_group_commit_an_error_in_one_document_keeps_the_others(tmp_path, store, res, monkeypatch):
    # b.txt fails after its rows are written: its savepoint is rolled back, a.txt and c.txt of the
    # same group transaction are stored
    real = Store.put_document

    def failing_after_write(self, doc, **kw):
        out = real(self, doc, **kw)
        if doc.doc_id == "b.txt":
            raise sqlite3.OperationalError("disk I/O error")
        return out
    monkeypatch.setattr(Store, "put_document", failing_after_write)
    for name, text in (("a.txt", VI_1), ("b.txt", VI_2), ("c.txt", _words(3))):
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = _ingest([tmp_path], store, res)
    assert report.new == ["a.txt", "c.txt"] and len(report.failed) == 1
    assert "internal error: OperationalError: disk I/O error" in str(report.failed[0])
    assert store.document_ids() == ["a.txt", "c.txt"]
    for table in ("document_versions", "segments", "removed_spans", "doc_signatures"):
        assert store.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE doc_id = 'b.txt'").fetchone()[0] == 0
    assert store.errors()[0]["origin"].endswith("b.txt") and store.integrity_problems() == []
    monkeypatch.setattr(Store, "put_document", real)
    again = _ingest([tmp_path], store, res)            # a re-run completes the batch
    assert again.new == ["b.txt"] and again.unchanged == ["a.txt", "c.txt"] and again.ok


def test_group_commit_sizes_and_a_failed_commit(tmp_path, store, res, monkeypatch):
    import sukien.ingest as ingest_mod
    monkeypatch.setattr(ingest_mod, "GROUP_MAX_DOCS", 2)
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(_words(200 + i), encoding="utf-8")
    commits = []
    real_commit = Store.commit

    def counting(self):
        commits.append(len(self.document_ids()))
        if len(commits) == 2:                             # the second group fails to commit ...
            raise sqlite3.OperationalError("database or disk is full")
        return real_commit(self)
    monkeypatch.setattr(Store, "commit", counting)
    report = _ingest([tmp_path], store, res)
    # groups of 2, 2 and 1 documents; the failed group is stored again one document at a time
    assert len(commits) == 3 and report.ok
    assert report.new == [f"{i}.txt" for i in range(5)]
    assert store.document_ids() == [f"{i}.txt" for i in range(5)] and store.integrity_problems() == []
    assert not store.conn.in_transaction


def _tables(st: Store) -> dict:
    q = {"documents": "SELECT doc_id, version, content_hash, fmt, origin, encoding, raw, text, title, title_source,"
                      " title_conf, pub_date, pub_date_source, pub_date_conf, outlet, outlet_source, url, stage"
                      " FROM documents ORDER BY doc_id",
         "versions": "SELECT doc_id, version, content_hash, meta_json FROM document_versions ORDER BY doc_id, version",
         "segments": "SELECT * FROM segments ORDER BY doc_id, idx",
         "removed": "SELECT * FROM removed_spans ORDER BY doc_id, start, end, reason",
         "sigs": "SELECT * FROM doc_signatures ORDER BY doc_id",
         "links": "SELECT * FROM near_duplicates ORDER BY doc_a, doc_b",
         "errors": "SELECT origin, line, stage, reason FROM ingest_errors ORDER BY id"}
    return {k: [tuple(r) for r in st.conn.execute(sql)] for k, sql in q.items()}


def test_worker_processes_store_exactly_what_one_process_stores(tmp_path, monkeypatch):
    import sukien.ingest as ingest_mod
    real = ingest_mod.extract_metadata

    def flaky(doc, raw, html=None):          # a bug in one document (inherited by forked workers)
        if doc.doc_id == "bug.txt":
            raise RuntimeError("bug")
        return real(doc, raw, html)
    monkeypatch.setattr(ingest_mod, "extract_metadata", flaky)
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i in range(40):
        (corpus / f"{i:02d}.txt").write_text(f"Bài {i}.\n" + _words(i % 7, 200), encoding="utf-8")
    (corpus / "bug.txt").write_text(VI_1, encoding="utf-8")
    (corpus / "empty.txt").write_text("  \n", encoding="utf-8")
    (corpus / "legacy.txt").write_bytes(to_tcvn3(VI_1))
    with open(corpus / "batch.jsonl", "w", encoding="utf-8") as fh:
        for i in range(30):
            fh.write(json.dumps({"id": f"j{i % 9}", "text": _words(100 + i, 150), "pub_date": "2025-03-18"},
                                ensure_ascii=False) + "\n")
        fh.write("{not json\n")
        fh.write(json.dumps({"id": "h", "html": "<html><body><h1>Tiêu đề bài báo</h1><p>" + VI_2 + "</p>"
                             "<nav>Trang chủ</nav></body></html>"}) + "\n")
    out = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        res = Resources(Config(db=str(db), run_pipeline=False, workers=workers))
        with Store(db) as st:
            first = _ingest([corpus], st, res).to_dict()
            (corpus / "03.txt").write_text("Đã sửa.\n" + _words(3, 200), encoding="utf-8")
            second = _ingest([corpus], st, res).to_dict()
            (corpus / "03.txt").write_text("Bài 3.\n" + _words(3, 200), encoding="utf-8")
            for rep in (first, second):
                rep.pop("elapsed")
            out[workers] = (first, second, _tables(st))
    assert out[1][0]["failed"] and "03.txt" in out[1][1]["updated"]
    assert any("internal error: RuntimeError: bug" in f["reason"] for f in out[1][0]["failed"])
    assert out[2] == out[1]
