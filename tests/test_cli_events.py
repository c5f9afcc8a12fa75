"""CLI event commands over a database filled with synthetic resolved events."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from sukien.cli import _register_optional_commands, app
from sukien.store import Store
from test_store_events import _populate

_register_optional_commands()
runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "ev.db"
    with Store(path) as st:
        _populate(st)
    return str(path)


def _call_id(db):
    out = runner.invoke(app, ["timeline", "--db", db, "--json", "--type", "phone_call"])
    return json.loads(out.output.splitlines()[0])["id"]


def test_every_event_command_has_help_with_an_example():
    for cmd in ("timeline", "event", "export", "eval"):
        r = runner.invoke(app, [cmd, "--help"])
        assert r.exit_code == 0 and "Example: sukien " + cmd in r.output.replace("\n", " ")


def test_timeline_table_and_filters(db):
    r = runner.invoke(app, ["timeline", "--db", db], env={"COLUMNS": "250"})
    assert r.exit_code == 0, r.output
    assert "2025-03-18" in r.output and "⚠" in r.output and "3 of 3 events" in r.output
    r = runner.invoke(app, ["timeline", "--db", db, "--actor", "Xi Jinping", "--json"])
    assert [json.loads(x)["type"] for x in r.output.splitlines()] == ["meeting"]
    # the one actor rule (docs/API.md): accent/case-insensitive name, dictionary id, country; no substring
    for key, types in (("xi jinping", ["meeting"]), ("vladimir_putin", ["phone_call"]), ("Putin", ["phone_call"]), ("Puti", []),
                       ("Russia", ["phone_call", "prisoner_exchange"])):
        r = runner.invoke(app, ["timeline", "--db", db, "--actor", key, "--json"])
        assert r.exit_code == 0, r.output
        assert [json.loads(x)["type"] for x in r.output.splitlines()] == types, key
    r = runner.invoke(app, ["timeline", "--db", db, "--q", "hanoi", "--json"])
    assert [json.loads(x)["type"] for x in r.output.splitlines()] == ["meeting"]
    r = runner.invoke(app, ["timeline", "--db", db, "--status", "planned", "--json"])
    assert [json.loads(x)["type"] for x in r.output.splitlines()] == ["prisoner_exchange"]
    r = runner.invoke(app, ["timeline", "--db", db, "--from", "2025-04-01", "--to", "2025-12", "--json"])
    assert [json.loads(x)["date"] for x in r.output.splitlines()] == ["2025-04-14"]


def test_timeline_uses_sukien_db_env(db):
    r = runner.invoke(app, ["timeline", "--json"], env={"SUKIEN_DB": db})
    assert r.exit_code == 0 and len(r.output.splitlines()) == 3


def test_event_shows_evidence_and_conflicts(db):
    eid = _call_id(db)
    r = runner.invoke(app, ["event", eid, "--db", db], env={"COLUMNS": "250"})
    assert r.exit_code == 0, r.output
    assert "Hai tổng thống điện đàm hơn hai giờ." in r.output and "a.txt" in r.output
    assert "conflicts" in r.output and "duration_minutes" in r.output
    r = runner.invoke(app, ["event", "ev-nope", "--db", db])
    assert r.exit_code == 1


def test_export_jsonl_and_csv(db, tmp_path):
    out = tmp_path / "e.jsonl"
    r = runner.invoke(app, ["export", "--db", db, "--format", "jsonl", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    r = runner.invoke(app, ["export", "--db", db, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert len(rows) == 3 and "plover" in rows[0]
    assert runner.invoke(app, ["export", "--db", db, "--format", "xml"]).exit_code == 2


def test_eval_scores_the_store(db, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "a.txt", "pub_date": None, "events": [
        {"gid": "a-1", "canonical": "call", "core": True, "type": "phone_call", "status": "occurred",
         "date": "2025-03-18", "participants": ["Donald Trump", "Vladimir Putin"], "duration_minutes": 150}]}) + "\n"
        + json.dumps({"doc": "b.txt", "pub_date": None, "events": [
            {"gid": "b-1", "canonical": "call", "core": True, "type": "phone_call", "status": "occurred",
             "date": "2025-03-18", "participants": ["Donald Trump", "Vladimir Putin"]}]}) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["eval", str(gold), "--db", db, "--json"])
    assert r.exit_code == 0, r.output
    res = json.loads(r.output)
    assert res["core_tp"] == 2 and res["cross_doc_links"] == "1/1" and res["unmatched_system"] == 1
    assert res["slots"]["duration"] == "1/1"          # 150 vs 90, one source each: a conflict, 150 kept


def test_read_only_commands_on_a_missing_database(tmp_path):
    r = runner.invoke(app, ["timeline", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 2
