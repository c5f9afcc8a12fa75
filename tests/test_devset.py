"""Held-out development set: quality floor on unseen-style Vietnamese news.

tests/data/devset/*.txt are 16 hand-written articles (our own wording) in the styles of
VnExpress, Tuổi Trẻ, Thanh Niên, VOV, Báo Quốc tế, Nhân Dân, VietnamPlus and Dân trí about
events other than the Russia–US calls of the seeds (Vietnamese leaders' calls and visits,
summits, telegrams, ceasefires, prisoner exchanges, a denied call, planned and hypothetical
meetings, year-less dates near New Year). tests/data/devset/gold.jsonl annotates them in the
seeds-gold format (../shared/eval/README.md); tests/data/devset/README.md says what each tests.

The articles are ingested with the full pipeline into a fresh database, exported, scored with
../shared/eval/score.py (falling back to sukien.evaluate, which agrees with it), and the scores
must not drop below tests/data/devset/scores.json (re-pin only upward).
"""
from __future__ import annotations

import importlib.util
import json
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "data" / "devset"
GOLD = DEVSET / "gold.jsonl"
PINNED = DEVSET / "scores.json"
SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
TYPES = {"phone_call", "meeting", "visit", "negotiation", "agreement", "ceasefire", "prisoner_exchange",
         "proposal", "statement", "other"}
TELEGRAM_DOC = "03_vov_dien-mung-quoc-khanh-trung-quoc.txt"


def articles() -> list[Path]:
    return sorted(DEVSET.glob("*.txt"))


def gold_records() -> list[dict]:
    return [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]


def scorer():
    """``score(gold_path, system_path) -> dict`` from ../shared/eval/score.py, else sukien.evaluate."""
    if SHARED_SCORER.exists():
        spec = importlib.util.spec_from_file_location("shared_eval_score", SHARED_SCORER)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        return mod.score
    from sukien.evaluate import score
    return score


def ratio(value: str) -> float:
    right, asked = (int(x) for x in value.split("/"))
    return right / asked if asked else 1.0


def export_devset(tmp: Path) -> Path:
    """Ingest the devset articles (only the .txt files, not gold/README) with the full pipeline."""
    pytest.importorskip("sukien.extract")
    from sukien.config import Config, Resources
    from sukien.export import export_jsonl
    from sukien.ingest import ingest_paths
    from sukien.store import Store
    db = tmp / "devset.db"
    res = Resources(Config(db=str(db), run_pipeline=True))
    with Store(db) as store:
        report = ingest_paths([str(p) for p in articles()], store, res, progress="none")
        assert not report.failed, report.failed
        out = tmp / "devset-events.jsonl"
        with open(out, "w", encoding="utf-8") as fh:
            export_jsonl(store, fh)
    return out


@pytest.fixture(scope="module")
def devset_export(tmp_path_factory) -> Path:
    return export_devset(tmp_path_factory.mktemp("devset"))


@pytest.fixture(scope="module")
def devset_result(devset_export) -> dict:
    return scorer()(str(GOLD), str(devset_export))


# ---------------------------------------------------------------- the data itself

def test_articles_are_plain_nfc_vietnamese_of_realistic_length():
    files = articles()
    assert len(files) == 16
    for p in files:
        text = p.read_text(encoding="utf-8")
        assert unicodedata.normalize("NFC", text) == text, p.name
        assert 1200 <= len(text) <= 4000, (p.name, len(text))
        assert any(c in text for c in "ạảấầẩẫậắằẳẵặđếềểễệịọỏốồổỗộớờởỡợụủứừửữự"), p.name


def test_gold_is_well_formed_and_names_every_article():
    gold = gold_records()
    assert [r["doc"] for r in gold] == [p.name for p in articles()]
    gids = [g["gid"] for r in gold for g in r["events"]]
    assert len(gids) == len(set(gids))
    for r in gold:
        assert r["pub_date"] is None or len(r["pub_date"]) == 10
        assert any(g["core"] for g in r["events"]) or r["doc"] == TELEGRAM_DOC, r["doc"]
        for g in r["events"]:
            assert {"gid", "canonical", "core", "type", "status", "date", "participants"} <= set(g), g["gid"]
            assert g["type"] in TYPES and g["status"] in {"occurred", "planned", "hypothetical", "denied"}
            assert g["participants"], g["gid"]
            if g.get("date_accept"):
                assert g["date"] in g["date_accept"], g["gid"]
    # a telegram is not a call: the gold of the telegram article has no phone_call
    telegram = next(r for r in gold if r["doc"] == TELEGRAM_DOC)
    assert all(g["type"] != "phone_call" for g in telegram["events"])
    # the Alaska summit is reported by two outlets: a cross-document pair
    canon = {}
    for r in gold:
        for g in r["events"]:
            if g["core"]:
                canon.setdefault(g["canonical"], set()).add(r["doc"])
    assert any(len(docs) >= 2 for docs in canon.values())


def test_pinned_file_is_well_formed():
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    assert {"f1", "recall", "precision", "slots", "cross_doc_links", "overmerged"} <= set(pinned)
    for v in pinned["slots"].values():
        assert 0.0 <= v <= 1.0


# ---------------------------------------------------------------- the floor

def test_no_drop_below_the_pinned_devset_scores(devset_result):
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    got = devset_result
    drops = []
    for k in ("f1", "recall", "precision"):
        if got[k] + 1e-9 < pinned[k]:
            drops.append(f"{k}: {got[k]} < pinned {pinned[k]}")
    for name, floor in pinned["slots"].items():
        have = ratio(got["slots"].get(name, "0/0"))
        if have + 1e-9 < floor:
            drops.append(f"slot {name}: {got['slots'].get(name)} < pinned {floor}")
    if ratio(got["cross_doc_links"]) + 1e-9 < pinned["cross_doc_links"]:
        drops.append(f"cross_doc_links: {got['cross_doc_links']} < pinned {pinned['cross_doc_links']}")
    if got["overmerged"] > pinned["overmerged"]:
        drops.append(f"overmerged: {got['overmerged']} > pinned {pinned['overmerged']}")
    assert not drops, "quality drop on the devset:\n" + "\n".join(drops) + \
        "\nmisses: " + json.dumps(got["misses"], ensure_ascii=False, indent=1) + \
        "\nextras: " + json.dumps(got["extras"], ensure_ascii=False, indent=1)


def test_a_telegram_is_never_exported_as_a_phone_call(devset_export):
    """'gửi điện mừng' (congratulatory telegram) is a statement, never a phone call."""
    for line in devset_export.read_text(encoding="utf-8").splitlines():
        ev = json.loads(line)
        docs = {m.get("doc") for m in ev.get("mentions") or []}
        if TELEGRAM_DOC in docs:
            assert ev["type"] != "phone_call", ev
