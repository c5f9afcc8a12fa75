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

import json
import unicodedata
from pathlib import Path

import pytest

from evalsets import (ROOT, assert_no_drop, check_gold, check_pinned_file, ingest_and_export,
                      read_jsonl, shared_scorer)

DEVSET = ROOT / "tests" / "data" / "devset"
GOLD = DEVSET / "gold.jsonl"
PINNED = DEVSET / "scores.json"
TELEGRAM_DOC = "03_vov_dien-mung-quoc-khanh-trung-quoc.txt"


def articles() -> list[Path]:
    return sorted(DEVSET.glob("*.txt"))


@pytest.fixture(scope="module")
def devset_export(tmp_path_factory) -> Path:
    # only the .txt articles, not gold.jsonl / README.md / scores.json
    return ingest_and_export(articles(), tmp_path_factory.mktemp("devset"), "devset")


@pytest.fixture(scope="module")
def devset_result(devset_export) -> dict:
    return shared_scorer()(str(GOLD), str(devset_export))


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
    gold = read_jsonl(GOLD)
    check_gold(gold, [p.name for p in articles()], no_core_ok={TELEGRAM_DOC})
    # a telegram is not a call: the gold of the telegram article has no phone_call
    telegram = next(r for r in gold if r["doc"] == TELEGRAM_DOC)
    assert all(g["type"] != "phone_call" for g in telegram["events"])


def test_pinned_file_is_well_formed():
    check_pinned_file(PINNED)


# ---------------------------------------------------------------- the floor

def test_no_drop_below_the_pinned_devset_scores(devset_result):
    assert_no_drop(devset_result, PINNED, "the devset")


def test_a_telegram_is_never_exported_as_a_phone_call(devset_export):
    """'gửi điện mừng' (congratulatory telegram) is a statement, never a phone call."""
    for line in devset_export.read_text(encoding="utf-8").splitlines():
        ev = json.loads(line)
        docs = {m.get("doc") for m in ev.get("mentions") or []}
        if TELEGRAM_DOC in docs:
            assert ev["type"] != "phone_call", ev
