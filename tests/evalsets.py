"""Shared harness of the quality gates (seeds, devset, held-out set).

Each gate ingests a folder of articles with the full pipeline into a fresh database, exports
the canonical events (EXPORT.md JSONL), scores them with ../shared/eval/score.py and fails when a
score drops below the values pinned next to the gold (re-pin only upward).
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from sukien.evaluate import slot_ratio

ROOT = Path(__file__).resolve().parents[1]
SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
TYPES = {"phone_call", "meeting", "visit", "negotiation", "agreement", "ceasefire", "prisoner_exchange",
         "proposal", "statement", "other"}
STATUSES = {"occurred", "planned", "hypothetical", "denied"}


def shared_scorer():
    """``score(gold_path, system_path) -> dict`` from ../shared/eval/score.py (the reference)."""
    if not SHARED_SCORER.exists():
        pytest.skip(f"shared scorer not found at {SHARED_SCORER}")
    spec = importlib.util.spec_from_file_location("shared_eval_score", SHARED_SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.score


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines() if x.strip()]


def ingest_and_export(paths: list[Path], tmp: Path, name: str) -> Path:
    """Ingest ``paths`` with the full pipeline into ``tmp/<name>.db``; return its JSONL export."""
    from sukien.config import Config, Resources
    from sukien.export import export_jsonl
    from sukien.ingest import ingest_paths
    from sukien.store import Store
    db = tmp / f"{name}.db"
    res = Resources(Config(db=str(db), run_pipeline=True))
    with Store(db) as store:
        report = ingest_paths([str(p) for p in paths], store, res, progress="none")
        assert not report.failed, report.failed
        out = tmp / f"{name}-events.jsonl"
        with open(out, "w", encoding="utf-8") as fh:
            export_jsonl(store, fh)
    return out


def cli_ingest_and_export(articles: list[Path], tmp: Path, name: str) -> Path:
    """The held-out sets' path through the CLI: copy only the articles (not gold.jsonl, README.md,
    scores.json) to ``tmp/articles``, ``python -m sukien ingest`` them into a fresh database in a
    subprocess, ``python -m sukien export --format jsonl``; return the export."""
    corpus = tmp / "articles"
    corpus.mkdir()
    for p in articles:
        shutil.copy2(p, corpus / p.name)
    db, out = tmp / f"{name}.db", tmp / f"{name}-events.jsonl"
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("SUKIEN_DB", None)
    for args in (["ingest", str(corpus), "--db", str(db), "--progress", "none"],
                 ["export", "--format", "jsonl", "--db", str(db), "-o", str(out)]):
        run = subprocess.run([sys.executable, "-m", "sukien", *args], cwd=tmp, env=env,
                             capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stdout + run.stderr
    assert out.exists()
    return out


def events_of(export: Path, doc: str) -> list[dict]:
    """The exported events that have a mention in ``doc``."""
    return [ev for ev in read_jsonl(export) if doc in {m.get("doc") for m in ev.get("mentions") or []}]


def check_articles(files: list[Path], count: int, lo: int = 1000, hi: int = 3500) -> None:
    """``count`` articles of plain NFC Vietnamese (with its diacritics), each ``lo``–``hi`` characters."""
    assert len(files) == count
    for p in files:
        text = p.read_text(encoding="utf-8")
        assert unicodedata.normalize("NFC", text) == text, p.name
        assert lo <= len(text) <= hi, (p.name, len(text))
        assert any(c in text for c in "ạảấầẩẫậắằẳẵặđếềểễệịọỏốồổỗộớờởỡợụủứừửữự"), p.name


def floor_drops(got: dict, pinned: dict) -> list[str]:
    """Every score in ``got`` that fell below its pinned floor (overmerged: rose above it)."""
    drops = []
    for k in ("f1", "recall", "precision"):
        if got[k] + 1e-9 < pinned[k]:
            drops.append(f"{k}: {got[k]} < pinned {pinned[k]}")
    for name, floor in pinned["slots"].items():
        if slot_ratio(got["slots"].get(name, "0/0")) + 1e-9 < floor:
            drops.append(f"slot {name}: {got['slots'].get(name)} < pinned {floor}")
    if slot_ratio(got["cross_doc_links"]) + 1e-9 < pinned["cross_doc_links"]:
        drops.append(f"cross_doc_links: {got['cross_doc_links']} < pinned {pinned['cross_doc_links']}")
    if got["overmerged"] > pinned["overmerged"]:
        drops.append(f"overmerged: {got['overmerged']} > pinned {pinned['overmerged']}")
    return drops


def assert_no_drop(got: dict, pinned_path: Path, what: str) -> None:
    drops = floor_drops(got, json.loads(pinned_path.read_text(encoding="utf-8")))
    assert not drops, f"quality drop on {what}:\n" + "\n".join(drops) + \
        "\nmisses: " + json.dumps(got["misses"], ensure_ascii=False, indent=1) + \
        "\nextras: " + json.dumps(got["extras"], ensure_ascii=False, indent=1)


def check_pinned_file(pinned_path: Path) -> None:
    pinned = json.loads(pinned_path.read_text(encoding="utf-8"))
    assert {"f1", "recall", "precision", "slots", "cross_doc_links", "overmerged"} <= set(pinned)
    for v in pinned["slots"].values():
        assert 0.0 <= v <= 1.0


def check_gold(gold: list[dict], docs: list[str], *, no_core_ok: set[str] = frozenset()) -> None:
    """The gold names every document once, in order; events are well formed; gids are unique;
    at least one core event is reported by two documents (a cross-document pair)."""
    assert [r["doc"] for r in gold] == docs
    gids = [g["gid"] for r in gold for g in r["events"]]
    assert len(gids) == len(set(gids))
    canon: dict[str, set] = {}
    for r in gold:
        assert r["pub_date"] is None or len(r["pub_date"]) == 10
        assert any(g["core"] for g in r["events"]) or r["doc"] in no_core_ok, r["doc"]
        for g in r["events"]:
            assert {"gid", "canonical", "core", "type", "status", "date", "participants"} <= set(g), g["gid"]
            assert g["type"] in TYPES and g["status"] in STATUSES, g["gid"]
            assert g["participants"], g["gid"]
            if g.get("date_accept"):
                assert g["date"] in g["date_accept"], g["gid"]
            if g["core"]:
                canon.setdefault(g["canonical"], set()).add(r["doc"])
    assert any(len(d) >= 2 for d in canon.values()), "no cross-document pair in the gold"


def shared_events(gold: list[dict]) -> list[frozenset]:
    """For each real event (gold ``canonical``) that is core in two or more documents, the set of
    those documents' two-digit prefixes ("01", "02"): the cross-document pairs of a set."""
    docs_of: dict[str, set] = {}
    for r in gold:
        for g in r["events"]:
            if g["core"]:
                docs_of.setdefault(g["canonical"], set()).add(r["doc"][:2])
    return [frozenset(d) for d in docs_of.values() if len(d) > 1]


class LongFormSet:
    """The shell every long-form blind held-out set shares (tests/test_heldout6.py … heldout10):
    the articles are well-formed, the gold names every article (NFC, two to five core events an
    article, the stated cross-document pairs), the pinned file is well-formed, and the CLI's export
    scores no lower than the pinned floors. A set's module subclasses it as ``Test<Set>``, sets the
    attributes below and adds its own gold checks in ``check_set``."""

    name: str = ""                        # the folder under tests/data
    count: int = 8                        # articles
    lo, hi = 3000, 6500                   # their length in characters
    what: str = ""                        # for the drop message ("the ninth held-out set")
    pairs: set = set()                    # the cross-document pairs of two-digit prefixes
    links: int = 0                        # the link pairs they make
    no_pub_date_doc: str | None = None    # an article without publication date and year: its core dates come
    #                                       from the other article of its pair ("cross_document")

    @property
    def folder(self) -> Path:
        return ROOT / "tests" / "data" / self.name

    def articles(self) -> list[Path]:
        return sorted(self.folder.glob("*.txt"))

    def check_set(self, gold: list[dict], by_doc: dict[str, dict]) -> None:
        """The set's own checks of its gold (conventions a reader could get wrong)."""

    def test_articles_are_plain_nfc_vietnamese_of_seed_like_length(self):
        check_articles(self.articles(), self.count, lo=self.lo, hi=self.hi)

    def test_gold_is_well_formed_and_names_every_article(self):
        gold = read_jsonl(self.folder / "gold.jsonl")
        check_gold(gold, [p.name for p in self.articles()])
        for r in gold:
            for g in r["events"]:
                assert unicodedata.normalize("NFC", str(g)) == str(g), g["gid"]
            assert 2 <= sum(g["core"] for g in r["events"]) <= 5, r["doc"]
        shared = shared_events(gold)
        assert set(shared) == self.pairs
        assert len(shared) == self.links
        by_doc = {r["doc"]: r for r in gold}
        if self.no_pub_date_doc is not None:
            for r in gold:
                for g in r["events"]:
                    if g.get("date_source"):
                        assert g["date_source"] == "cross_document", g["gid"]
            assert by_doc[self.no_pub_date_doc]["pub_date"] is None
            assert all(g.get("date_source") == "cross_document"
                       for g in by_doc[self.no_pub_date_doc]["events"] if g["core"])
        self.check_set(gold, by_doc)

    def test_pinned_file_is_well_formed(self):
        check_pinned_file(self.folder / "scores.json")

    def test_no_drop_below_the_pinned_scores(self, tmp_path_factory):
        export = cli_ingest_and_export(self.articles(), tmp_path_factory.mktemp(self.name), self.name)
        result = shared_scorer()(str(self.folder / "gold.jsonl"), str(export))
        assert_no_drop(result, self.folder / "scores.json", self.what)
