"""The Python API returns the same objects as the CLI."""
from __future__ import annotations

import io
import json

from sukien.api import Sukien
from sukien.store import Store
from test_store_events import _populate


def test_api_events_event_documents_export(tmp_path):
    db = tmp_path / "api.db"
    with Store(db) as st:
        _populate(st)
    with Sukien(db=db) as sk:
        evs = sk.events()
        assert [e["type"] for e in evs] == ["phone_call", "meeting", "prisoner_exchange"]
        assert sk.count_events(type="meeting") == 1
        assert [e["type"] for e in sk.events(actor="russia")] == ["phone_call", "prisoner_exchange"]
        assert [e["type"] for e in sk.events(actor="Putin")] == ["phone_call"]   # an alias of the dictionary
        assert sk.events(actor="Puti") == [] and sk.count_events(actor="vladimir_putin") == 1
        full = sk.event(evs[0]["id"])
        assert full == evs[0] and full["evidence"]
        assert sk.event("ev-unknown") is None
        assert {d["doc_id"] for d in sk.documents()} == {"a.txt", "b.txt", "c.txt"}
        doc = sk.document("b.txt")
        assert doc["text"] and set(doc["events"]) == {e["id"] for e in evs[:2]}
        assert sk.document("nope") is None
        buf = io.StringIO()
        assert sk.export("jsonl", buf) == 3
        assert [json.loads(x)["id"] for x in buf.getvalue().splitlines()] == [e["id"] for e in evs]
        import pytest
        with pytest.raises(ValueError):
            sk.export("xml", io.StringIO())
