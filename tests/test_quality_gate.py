"""Quality gate: ingest the seeds, export, score against the seeds gold; fail on any drop below
the pinned scores in tests/quality/seeds_scores.json (re-pin only upward)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sukien.evaluate import score, slot_ratio

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
GOLD = ROOT.parent / "shared" / "eval" / "seeds-gold.jsonl"
PINNED = ROOT / "tests" / "quality" / "seeds_scores.json"


def export_seeds(tmp: Path) -> Path:
    """Ingest the seeds with the full pipeline into a fresh database; return its JSONL export."""
    if not SEEDS.is_dir() or not GOLD.exists():
        pytest.skip("seed corpus / gold not found")
    pytest.importorskip("sukien.extract")
    from sukien.config import Config, Resources
    from sukien.export import export_jsonl
    from sukien.ingest import ingest_paths
    from sukien.store import Store
    db = tmp / "seeds.db"
    res = Resources(Config(db=str(db), run_pipeline=True))
    with Store(db) as store:
        report = ingest_paths([str(SEEDS)], store, res, progress="none")
        assert not report.failed, report.failed
        out = tmp / "seeds-events.jsonl"
        with open(out, "w", encoding="utf-8") as fh:
            export_jsonl(store, fh)
    return out


@pytest.fixture(scope="module")
def seeds_result(tmp_path_factory):
    return score(GOLD, export_seeds(tmp_path_factory.mktemp("gate")))


def test_pinned_file_is_well_formed():
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    assert {"f1", "recall", "precision", "slots", "cross_doc_links", "overmerged"} <= set(pinned)
    for v in pinned["slots"].values():
        assert 0.0 <= v <= 1.0


def test_no_drop_below_the_pinned_seed_scores(seeds_result):
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    got = seeds_result
    drops = []
    for k in ("f1", "recall", "precision"):
        if got[k] < pinned[k]:
            drops.append(f"{k}: {got[k]} < pinned {pinned[k]}")
    for name, floor in pinned["slots"].items():
        have = slot_ratio(got["slots"].get(name, "0/0"))
        if have + 1e-9 < floor:
            drops.append(f"slot {name}: {got['slots'].get(name)} < pinned {floor}")
    if slot_ratio(got["cross_doc_links"]) + 1e-9 < pinned["cross_doc_links"]:
        drops.append(f"cross_doc_links: {got['cross_doc_links']} < pinned {pinned['cross_doc_links']}")
    if got["overmerged"] > pinned["overmerged"]:
        drops.append(f"overmerged: {got['overmerged']} > pinned {pinned['overmerged']}")
    assert not drops, "quality drop on the seeds:\n" + "\n".join(drops) + \
        "\nmisses: " + json.dumps(got["misses"], ensure_ascii=False) + \
        "\nextras: " + json.dumps(got["extras"], ensure_ascii=False)


def test_example_gold_is_well_formed_and_names_example_documents():
    """examples/gold.jsonl: same format as the seeds gold, one line per example document."""
    gold = [json.loads(x) for x in (ROOT / "examples" / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    corpus = ROOT / "examples" / "corpus"
    ids = {p.name for p in corpus.iterdir() if p.suffix != ".jsonl"}
    for p in corpus.glob("*.jsonl"):
        ids |= {json.loads(x)["id"] for x in p.read_text(encoding="utf-8").splitlines() if x.strip()}
    assert {r["doc"] for r in gold} == ids
    gids = [g["gid"] for r in gold for g in r["events"]]
    assert len(gids) == len(set(gids))
    types = {"phone_call", "meeting", "visit", "negotiation", "agreement", "ceasefire", "prisoner_exchange",
             "proposal", "statement", "other"}
    for r in gold:
        for g in r["events"]:
            assert {"gid", "canonical", "core", "type", "status", "date", "participants"} <= set(g)
            assert g["type"] in types and g["status"] in {"occurred", "planned", "hypothetical", "denied"}
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
