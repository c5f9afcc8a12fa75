"""Quality gate: ingest the seeds, export, score against the seeds gold; fail on any drop below
the pinned scores in tests/quality/seeds_scores.json (re-pin only upward)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from evalsets import ROOT, TYPES, STATUSES, assert_no_drop, check_pinned_file, ingest_and_export, read_jsonl
from sukien.evaluate import score

SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
GOLD = ROOT.parent / "shared" / "eval" / "seeds-gold.jsonl"
PINNED = ROOT / "tests" / "quality" / "seeds_scores.json"


def export_seeds(tmp: Path) -> Path:
    """Ingest the seeds with the full pipeline into a fresh database; return its JSONL export."""
    if not SEEDS.is_dir() or not GOLD.exists():
        pytest.skip("seed corpus / gold not found")
    return ingest_and_export([SEEDS], tmp, "seeds")


@pytest.fixture(scope="module")
def seeds_result(tmp_path_factory):
    return score(GOLD, export_seeds(tmp_path_factory.mktemp("gate")))


def test_pinned_file_is_well_formed():
    check_pinned_file(PINNED)


def test_no_drop_below_the_pinned_seed_scores(seeds_result):
    assert_no_drop(seeds_result, PINNED, "the seeds")


def test_example_gold_is_well_formed_and_names_example_documents():
    """examples/gold.jsonl: same format as the seeds gold, one line per example document."""
    gold = read_jsonl(ROOT / "examples" / "gold.jsonl")
    corpus = ROOT / "examples" / "corpus"
    ids = {p.name for p in corpus.iterdir() if p.suffix != ".jsonl"}
    for p in corpus.glob("*.jsonl"):
        ids |= {json.loads(x)["id"] for x in p.read_text(encoding="utf-8").splitlines() if x.strip()}
    assert {r["doc"] for r in gold} == ids
    gids = [g["gid"] for r in gold for g in r["events"]]
    assert len(gids) == len(set(gids))
    for r in gold:
        for g in r["events"]:
            assert {"gid", "canonical", "core", "type", "status", "date", "participants"} <= set(g)
            assert g["type"] in TYPES and g["status"] in STATUSES
            assert g["participants"]


def test_seed_ids_are_the_same_run_after_run_and_in_any_ingest_order(tmp_path):
    """Same input → same ids; one document at a time in reverse order → the batch result."""
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
    first, again = export_seeds(tmp_path / "a"), export_seeds(tmp_path / "b")
    from sukien.config import Config, Resources
    from sukien.export import export_jsonl
    from sukien.ingest import ingest_paths
    from sukien.store import Store
    db = tmp_path / "rev.db"
    with Store(db) as store:
        res = Resources(Config(db=str(db), run_pipeline=True))
        for path in sorted(SEEDS.iterdir(), reverse=True):
            ingest_paths([str(path)], store, res, progress="none")
        with open(tmp_path / "rev.jsonl", "w", encoding="utf-8") as fh:
            export_jsonl(store, fh)

    def sig(p):
        return sorted((e["id"], e["date"], tuple(sorted({m["doc"] for m in e["mentions"]})))
                      for e in map(json.loads, Path(p).read_text(encoding="utf-8").splitlines()))
    assert sig(first) == sig(again) == sig(tmp_path / "rev.jsonl")
