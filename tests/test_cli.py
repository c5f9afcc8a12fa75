"""CLI: ingest, status, docs, show (typer CliRunner), --help examples, python -m sukien."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from sukien.cli import app

runner = CliRunner()

BODY = ("Hai bộ trưởng ngoại giao đã có cuộc hội đàm kéo dài hơn một giờ tại thủ đô. "
        "Hai bên nhất trí thúc đẩy hợp tác kinh tế, văn hóa và giáo dục trong năm tới.")


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text("date 2025-03-19\nHai nước nhất trí nâng cấp quan hệ\n" + BODY, encoding="utf-8")
    (d / "b.md").write_text("---\ntitle: Điện đàm cấp cao\ndate: 2025-03-20\n---\n" + BODY + " Bổ sung.",
                            encoding="utf-8")
    return d


def run(*args, env=None):
    return runner.invoke(app, list(args), env=env or {}, catch_exceptions=False)


def test_ingest_status_docs_show(corpus, tmp_path):
    db = str(tmp_path / "cli.db")
    r = run("ingest", str(corpus), "--db", db, "--no-pipeline")
    assert r.exit_code == 0, r.output
    assert "2 new" in r.output and "0 failed" in r.output
    r = run("ingest", str(corpus), "--db", db, "--no-pipeline")
    assert r.exit_code == 0 and "2 unchanged" in r.output

    r = run("status", "--db", db)
    assert r.exit_code == 0 and "documents" in r.output and "2" in r.output
    counts = json.loads(run("status", "--db", db, "--json").output)
    assert counts["documents"] == 2 and counts["versions"] == 2

    r = run("docs", "--db", db)
    assert r.exit_code == 0 and "a.txt" in r.output and "b.md" in r.output and "2025-03-19" in r.output
    rows = json.loads(run("docs", "--db", db, "--json").output)
    assert [(x["doc_id"], x["pub_date"], x["pub_date_source"]) for x in rows] == [
        ("a.txt", "2025-03-19", "header-line"), ("b.md", "2025-03-20", "front-matter")]

    r = run("show", "a.txt", "--db", db)
    assert r.exit_code == 0
    assert "[removed: metadata-" in r.output and "date 2025-03-19" in r.output
    assert "hội đàm" in r.output
    shown = json.loads(run("show", "b.md", "--db", db, "--json").output)
    assert shown["pub_date"]["source"] == "front-matter"
    assert any(x["reason"] == "front-matter" or x["start"] == 0 for x in shown["removed"])
    assert all("title:" not in s["text"] for s in shown["segments"])


def test_ingest_exit_status_is_non_zero_when_an_input_failed(corpus, tmp_path):
    (corpus / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "cli.db")
    r = run("ingest", str(corpus), "--db", db, "--no-pipeline")
    assert r.exit_code == 1
    assert "2 new" in r.output and "1 failed" in r.output and "empty.txt" in r.output
    assert json.loads(run("status", "--db", db, "--json").output)["errors"] == 1


def test_ingest_from_stdin(tmp_path):
    db = str(tmp_path / "stdin.db")
    r = runner.invoke(app, ["ingest", "-", "--db", db, "--no-pipeline"], input=BODY)
    assert r.exit_code == 0, r.output
    assert "1 new" in r.output
    rows = json.loads(run("docs", "--db", db, "--json").output)
    assert rows[0]["doc_id"].startswith("stdin-") and rows[0]["origin"] == "stdin"


def test_db_defaults_to_env_var(corpus, tmp_path):
    db = tmp_path / "env.db"
    r = run("ingest", str(corpus / "a.txt"), "--no-pipeline", env={"SUKIEN_DB": str(db)})
    assert r.exit_code == 0 and db.exists()
    assert "a.txt" in run("docs", env={"SUKIEN_DB": str(db)}).output


def test_read_commands_on_a_missing_db_or_doc(tmp_path, corpus):
    r = runner.invoke(app, ["status", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 2 and "no database" in r.output
    db = str(tmp_path / "cli.db")
    run("ingest", str(corpus), "--db", db, "--no-pipeline")
    r = runner.invoke(app, ["show", "missing.txt", "--db", db])
    assert r.exit_code == 1 and "no document" in r.output


@pytest.mark.parametrize("command", ["ingest", "status", "docs", "show"])
def test_every_command_help_has_an_example(command):
    r = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert r.exit_code == 0 and "Example" in r.output and f"sukien {command}" in r.output


def test_python_dash_m_sukien_works(tmp_path, corpus):
    out = subprocess.run([sys.executable, "-m", "sukien", "--help"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "ingest" in out.stdout and "status" in out.stdout
    db = str(tmp_path / "m.db")
    out = subprocess.run([sys.executable, "-m", "sukien", "ingest", str(corpus), "--db", db, "--no-pipeline"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "2 new" in out.stdout
