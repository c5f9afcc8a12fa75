"""metadata: date/title/outlet helpers, datelines (formats, weekday check, top lines and bylines only),
the devset publication dates (the end-to-end provenance tests are in test_ingest.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sukien.metadata import (MetaCandidates, date_from_url, dateline_confidence, explicit_meta, extract_metadata,
                             find_dateline, iso_date, outlet_from_url, parse_date_value, parse_dateline)
from sukien.models import Document, RawInput, Segment


def test_metadata_helpers():
    assert outlet_from_url("https://www.baoquocte.vn/a/b.html") == "baoquocte.vn"
    assert date_from_url("https://x.vn/2025/2/13/a.html") == "2025-02-13"
    assert date_from_url("https://x.vn/2025/02/13/") == "2025-02-13"
    assert date_from_url("https://x.vn/2025/13/45/a") is None
    assert parse_date_value("2025-03-19T08:15:00+07:00") == "2025-03-19"
    assert parse_date_value("19/3/2025") == "2025-03-19"
    assert parse_date_value("không rõ") is None


def test_best_candidate_is_the_most_confident_and_the_first_on_ties():
    c = MetaCandidates()
    c.add("pub_date", "2025-02-13", "image-url", 0.4)
    c.add("pub_date", "2025-02-12", "dateline", 0.85)
    c.add("pub_date", "2025-02-11", "byline-date", 0.85)
    c.add("pub_date", None, "jsonl", 1.0)                      # empty values are not candidates
    best = c.best("pub_date")
    assert (best.value, best.source) == ("2025-02-12", "dateline")
    assert c.best("title") is None


def test_iso_date_validates():
    assert iso_date(2025, 2, 29) is None and iso_date("2024", "2", "29") == "2024-02-29"


# ------------------------------------------------------------------ datelines (own examples)

DEVSET = Path(__file__).parent / "data" / "devset"


@pytest.mark.parametrize("line,expected,weekday_ok", [
    ("Thứ Năm, 06-03-2025, 18:05", "2025-03-06", True),           # dashes, time after the date
    ("Thứ Tư, 07:10, 01/10/2025", "2025-10-01", True),            # time before the date
    ("Thứ Ba, 14/10/2025 - 08:30", "2025-10-14", True),
    ("thứ bảy, 4/1/2025 | 9h05", "2025-01-04", True),             # lower case, "9h05"
    ("T6, 03/01/2025 16:20", "2025-01-03", True),                 # short weekday
    ("Chủ nhật, 28/12/2025, 20:00 (GMT+7)", "2025-12-28", True),
    ("Chủ Nhật, ngày 5 tháng 1 năm 2025", "2025-01-05", True),    # month written out
    ("14/10/2025 08:30 GMT+7", "2025-10-14", None),
    ("Cập nhật: 19/05/2025 21:15", "2025-05-19", None),
    ("Ngày 12/2/2025", "2025-02-12", None),
    ("12:30 | 13/02/2025", "2025-02-13", None),
    ("2025-02-13T09:00:00+07:00", "2025-02-13", None),
    ("2025-02-13 09:00", "2025-02-13", None),
    ("07.11.2024", "2024-11-07", None),
])
def test_dateline_formats(line, expected, weekday_ok):
    dl = parse_dateline(line)
    assert dl is not None, line
    assert (dl.date, dl.weekday_ok) == (expected, weekday_ok)


@pytest.mark.parametrize("line", [
    "Ngày 12/2/2025, hai bên đã ký kết thỏa thuận.",      # a sentence with a date
    "Hà Nội đón đoàn khách ngày 12/2/2025",
    "31/02/2025 10:00",                                    # no such day
    "12/2/2025 25:10",                                     # no such hour
    "Thứ Ba",                                              # no date
    "2 - 3 người 12/2/2025",
    "",
])
def test_not_datelines(line):
    assert parse_dateline(line) is None


def test_weekday_is_checked_against_the_date():
    right = parse_dateline("Thứ Sáu, 24/10/2025 - 07:00")
    wrong = parse_dateline("Thứ Hai, 24/10/2025 - 07:00")         # 24/10/2025 is a Friday
    assert right.weekday == 4 and right.weekday_ok is True
    assert wrong.weekday == 0 and wrong.weekday_ok is False
    assert dateline_confidence(right) == ("dateline", 0.85)
    assert dateline_confidence(wrong)[1] < dateline_confidence(parse_dateline("24/10/2025 07:00"))[1]


def test_dateline_labels_and_confidence():
    assert dateline_confidence(parse_dateline("Ngày 12/2/2025")) == ("dateline", 0.8)
    assert dateline_confidence(parse_dateline("Cập nhật lúc 21:15 19/05/2025")) == ("dateline", 0.7)
    assert dateline_confidence(parse_dateline("19/05/2025 21:15")) == ("byline-date", 0.75)
    assert dateline_confidence(parse_dateline("19/05/2025")) == ("byline-date", 0.6)
    # published and updated on one line: the published date is the publication date
    both = parse_dateline("Cập nhật: 13/2/2025 10:00 | Đăng: 12/2/2025 08:00")
    assert (both.date, both.label) == ("2025-02-12", "published")


def test_byline_with_a_name_prefix():
    assert find_dateline("Minh Châu | 20/05/2025 21:40").date == "2025-05-20"
    assert find_dateline("Minh Châu - Thứ Ba, 20/05/2025").weekday_ok is True
    assert find_dateline("hai bên ký, 12/2/2025") is None                      # not name-like
    assert find_dateline("hai bên ký, 12/2/2025", byline=True).date == "2025-02-12"
    assert find_dateline("Hai bên ký kết văn kiện quan trọng, 12/2/2025") is None   # lower-case words


def _doc(lines: list[str], roles: dict[int, str] | None = None) -> Document:
    text = "\n".join(lines)
    segs, pos = [], 0
    for i, ln in enumerate(lines):
        segs.append(Segment(pos, pos + len(ln), (roles or {}).get(i, "body")))
        pos += len(ln) + 1
    return Document(doc_id="d.txt", text=text, segments=segs)


BODY = ["Bộ trưởng Công Thương hai nước họp trực tuyến về chuỗi cung ứng.",
        "Hai bên thống nhất lập nhóm công tác chung về logistics và cảng biển.",
        "Đoàn doanh nghiệp sẽ sang khảo sát thị trường vào quý sau.",
        "Các chuyên gia cho rằng kim ngạch có thể tăng mạnh.",
        "Cuộc họp tiếp theo dự kiến diễn ra tại Đà Nẵng."]


def test_only_top_lines_and_bylines_are_datelines():
    raw = RawInput(doc_id="d.txt", origin="d.txt", text="")
    top = _doc(["Hai nước bàn về chuỗi cung ứng", "Thứ Ba, 14/10/2025 - 08:30"] + BODY)
    extract_metadata(top, raw)
    assert (top.pub_date.value, top.pub_date.source) == ("2025-10-14", "dateline")
    deep = _doc(["Hai nước bàn về chuỗi cung ứng"] + BODY + ["Thứ Ba, 14/10/2025 - 08:30"])   # line 7
    extract_metadata(deep, raw)
    assert deep.pub_date is None
    signed = _doc(["Hai nước bàn về chuỗi cung ứng"] + BODY + ["Thanh Hương - 14/10/2025 08:30"],
                  roles={6: "byline"})
    extract_metadata(signed, raw)
    assert (signed.pub_date.value, signed.pub_date.source) == ("2025-10-14", "byline-date")


def test_explicit_meta_is_only_the_stated_fields():
    raw = RawInput(doc_id="x", origin="x", text="t", meta={"pub_date": "2025-01-02", "title": "", "charset": "utf-8",
                                                           "fetched_url": "https://x.vn/a"})
    assert explicit_meta(raw) == {"pub_date": "2025-01-02"}


def test_every_devset_file_gets_its_gold_publication_date():
    """The devset datelines/headers ("Thứ Năm, 06-03-2025, 18:05", "Thứ Tư, 07:10, 01/10/2025", ...)
    give the gold pub_date; files without a date line get none (body dates are not used)."""
    from sukien.config import Config, Resources
    from sukien.ingest import prepare_document
    gold = {r["doc"]: r.get("pub_date") for r in
            (json.loads(ln) for ln in (DEVSET / "gold.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip())}
    res = Resources(Config(db=":memory:", run_pipeline=False))
    files = sorted(DEVSET.glob("*.txt"))
    assert files and {f.name for f in files} <= set(gold)
    got = {}
    for f in files:
        doc, _ = prepare_document(RawInput(doc_id=f.name, origin=str(f), data=f.read_bytes(), fmt="txt"),
                                  res.config, res)
        got[f.name] = doc.pub_date.value if doc.pub_date else None
    assert got == {f.name: gold[f.name] for f in files}
    assert sum(v is not None for v in got.values()) >= 10


def test_a_dateline_is_not_a_title():
    doc = _doc(["Thứ Tư, 07:10, 15/10/2025"] + BODY)
    doc.segments = [Segment(s.start, s.end, "body") for s in doc.segments]
    extract_metadata(doc, RawInput(doc_id="d.txt", origin="d.txt", text=""))
    assert doc.pub_date.value == "2025-10-15"
    assert doc.title is None or doc.title.value != "Thứ Tư, 07:10, 15/10/2025"


def test_front_matter_loader_agrees_with_pyyaml_safe_load():
    # libyaml reads plain front matter; the pure-Python loader decides elsewhere: same results
    import random
    import yaml
    from sukien.metadata import _load_front_matter
    atoms = ["title", "date", "outlet", "url", ":", ": ", " ", "\n", "\n  ", "- ", "'", '"', "#", "&a", "*a", "!!str ",
             "%", "@", "`", "|", ">", "[", "]", "{", "}", ",", "?", "2025-01-02", "12:30", "yes", "null", "~",
             "Tiêu đề", "“x”", "\\", "https://a.vn/x?y=1#z", "---", "...", "\t", "\r\n", "\x85", "\u2028",
             "\ufeff", "😀", "2025-01-02T03:04:05Z", "a #b", "'it''s'", "\n%", "\n- [x](y)", "key: |\n  lit\n", "k: >\n  f\n"]
    rnd = random.Random(17)
    for _ in range(4000):
        src = "".join(rnd.choice(atoms) for _ in range(rnd.randint(1, 20)))
        try:
            expected = yaml.safe_load(src)
        except Exception:  # noqa: BLE001
            expected = None
        assert repr(_load_front_matter(src)) == repr(expected), src


def test_follow_line_prefilter_literal_is_in_the_pattern():
    # extract_metadata scans for follow lines only when their literal start occurs in the text
    from sukien import metadata
    assert metadata._FOLLOW_RE.pattern.startswith(r"^[ \t]*Theo dõi[ \t]+")


def test_a_dateline_after_a_menu_is_still_at_the_top():
    """Scraped pages open with their menu and a breadcrumb ("Thời sự", "Thế giới › Phân tích"):
    such lines (four words or fewer, no digit) do not count toward the first lines where a
    dateline is looked for."""
    raw = RawInput(doc_id="d.txt", origin="d.txt", text="")
    menu = ["Thời sự", "Thế giới", "Kinh doanh", "Khoa học công nghệ", "Góc nhìn", "Thế giới › Phân tích"]
    doc = _doc(menu + ["Thứ Hai, 29/12/2025, 06:30 (GMT+7)", "Hai nước bàn về chuỗi cung ứng"] + BODY)
    extract_metadata(doc, raw)
    assert doc.pub_date is not None and doc.pub_date.value == "2025-12-29"
    # body lines still count: a date after five body lines is no dateline
    deep = _doc(menu + ["Hai nước bàn về chuỗi cung ứng"] + BODY + ["Thứ Ba, 14/10/2025 - 08:30"])
    extract_metadata(deep, raw)
    assert deep.pub_date is None
