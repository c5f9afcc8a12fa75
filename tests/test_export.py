"""export: JSONL exactly per ../shared/spec/EXPORT.md, flat CSV with CAMEO + PLOVER."""
from __future__ import annotations

import csv
import io
import json

from sukien.export import CSV_FIELDS, FIELDS, export_csv, export_jsonl
from test_store_events import _populate

SPEC_TYPES = {"phone_call", "meeting", "visit", "negotiation", "agreement", "ceasefire", "prisoner_exchange",
              "proposal", "statement", "other"}


def test_jsonl_records_follow_the_spec(store):
    _populate(store)
    buf = io.StringIO()
    assert export_jsonl(store, buf) == 3
    lines = [json.loads(x) for x in buf.getvalue().splitlines()]
    for rec in lines:
        assert list(rec)[:len(FIELDS)] == FIELDS                     # every spec field, in the spec's order
        assert isinstance(rec["id"], str) and rec["id"].startswith("ev-")
        assert rec["type"] in SPEC_TYPES and isinstance(rec["cameo"], str)
        assert rec["status"] in {"occurred", "planned", "hypothetical", "denied"}
        assert rec["date"] is None or len(rec["date"]) in (4, 7, 10)
        assert 0 <= rec["date_confidence"] <= 1
        assert isinstance(rec["participants"], list) and isinstance(rec["topics"], list)
        assert isinstance(rec["quantities"], dict)
        for m in rec["mentions"]:
            assert set(m) == {"doc", "start", "end", "sentence", "source"}
            assert isinstance(m["start"], int) and m["end"] >= m["start"]
        for c in rec["conflicts"]:
            assert set(c) == {"field", "values"} and all(set(v) == {"value", "docs"} for v in c["values"])
        assert rec["summary"] and rec["plover"]
    call = next(r for r in lines if r["type"] == "phone_call")
    assert call["cameo"] == "041" and call["plover"] == "CONSULT"


def test_export_is_deterministic(store):
    _populate(store)
    a, b = io.StringIO(), io.StringIO()
    export_jsonl(store, a)
    export_jsonl(store, b)
    assert a.getvalue() == b.getvalue()


def test_csv_is_flat_with_joined_lists(store):
    _populate(store)
    buf = io.StringIO()
    export_csv(store, buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(rows[0]) == CSV_FIELDS and len(rows) == 3
    call = next(r for r in rows if r["type"] == "phone_call")
    assert call["participants"] == "Donald Trump; Vladimir Putin"
    assert call["documents"] == "a.txt; b.txt" and call["cameo"] == "041" and call["plover"] == "CONSULT"
    assert call["conflicts"].startswith("duration_minutes: ")
    assert next(r for r in rows if r["type"] == "prisoner_exchange")["date"] == ""


def test_filters_apply_to_export(store):
    _populate(store)
    buf = io.StringIO()
    assert export_jsonl(store, buf, type="meeting") == 1
