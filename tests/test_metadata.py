"""metadata: date/title/outlet helpers (the end-to-end provenance tests are in test_ingest.py)."""
from __future__ import annotations

from sukien.metadata import MetaCandidates, date_from_url, iso_date, outlet_from_url, parse_date_value


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
