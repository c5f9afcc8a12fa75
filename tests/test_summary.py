"""One-line Vietnamese summaries; the templates are data (data/events/summary.yaml)."""
from __future__ import annotations

import re
import unicodedata

import yaml

from sukien.config import PACKAGE_DATA
from sukien.summary import summarize

TYPES = ["phone_call", "meeting", "visit", "negotiation", "agreement", "ceasefire", "prisoner_exchange",
         "proposal", "statement", "other"]


def _data():
    text = (PACKAGE_DATA / "events" / "summary.yaml").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    return yaml.safe_load(text)


def test_templates_cover_every_type_and_status_and_have_examples():
    data = _data()
    for t in TYPES:
        for status in ("occurred", "planned", "hypothetical", "denied"):
            entries = data["types"][t][status]
            assert entries, (t, status)
            for e in entries:
                assert e["example"] and re.findall(r"\{(\w+)\}", e["template"])
    for f in data["fragments"]:
        assert f["example"]


def test_summary_uses_values_that_exist_and_skips_the_rest():
    s = summarize({"type": "ceasefire", "status": "occurred", "participants": ["Russia", "Ukraine"],
                   "date": "2025-03", "quantities": {"days": 30}})
    assert s == "Russia và Ukraine nhất trí ngừng bắn 30 ngày, tháng 3/2025"
    s = summarize({"type": "ceasefire", "status": "occurred", "participants": ["A", "B", "C"], "date": None})
    assert s == "A, B và C nhất trí ngừng bắn"
    s = summarize({"type": "meeting", "status": "planned", "participants": [], "location": "Busan",
                   "date": "2025"})
    assert s == "các bên dự kiến gặp nhau, năm 2025, tại Busan"


def test_summary_with_the_actor_dictionary_uses_vietnamese_names():
    from sukien.config import Resources
    res = Resources()
    s = summarize({"type": "phone_call", "status": "occurred", "participants": ["To Lam", "Russia"],
                   "date": "2025-05-10", "duration_minutes": 45.0, "ordinal": 2}, res)
    assert s == "Tô Lâm và Nga điện đàm, ngày 10/05/2025, kéo dài 45 phút, lần thứ 2"


def test_places_and_institutions_are_written_as_the_vietnamese_press_writes_them():
    from sukien.config import Resources
    from sukien.summary import display_name, summarize
    res = Resources()
    assert display_name("White House", res) == "Nhà Trắng"
    assert display_name("Kremlin", res) == "Điện Kremlin"
    assert display_name("Russia", res) == "Nga"
    assert display_name("Vladimir Putin", res) == "Vladimir Putin"     # a foreign person as the press writes him
    assert display_name("To Lam", res) == "Tô Lâm"
    assert display_name("Nowhere Unknown", res) == "Nowhere Unknown"
    assert res.display_names["White House"] == "Nhà Trắng"              # one lookup per name and run
    s = summarize({"type": "meeting", "status": "occurred", "participants": ["Donald Trump", "Volodymyr Zelensky"],
                   "location": "White House", "date": "2025-08-18"}, res)
    assert "Nhà Trắng" in s and "White House" not in s


def test_a_body_named_with_its_country_is_written_as_the_press_writes_it():
    from sukien.config import Resources
    from sukien.summary import display_name
    res = Resources()
    assert display_name("National Assembly of Laos", res) == "Quốc hội Lào"
    assert display_name("Ministry of Foreign Affairs of Japan", res) == "Bộ Ngoại giao Nhật Bản"
    assert display_name("Bank of Nowhere", res) == "Bank of Nowhere"
