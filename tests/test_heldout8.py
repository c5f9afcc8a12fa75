"""Eighth held-out set (blind-written, long articles): quality floor on Vietnamese diplomacy news, via the CLI.

tests/data/heldout8/*.txt are 8 hand-written articles of 3,000–6,500 characters (our own wording, written
without reading the extractor, its dictionaries, the devset or the articles of the earlier held-out sets)
in the styles of Báo Thế giới & Việt Nam, VTC News, Tuổi Trẻ, Quân đội nhân dân, VietNamNet, Pháp luật
TP.HCM, Báo điện tử Chính phủ and Dân Việt, with long scraped boilerplate and background sections;
tests/data/heldout8/gold.jsonl annotates them in the seeds-gold format (../shared/eval/README.md);
tests/data/heldout8/README.md says what each article tests and the annotation conventions.

Same procedure as tests/test_heldout7.py: the .txt files are copied to a temporary folder, ingested
with ``python -m sukien ingest`` into a fresh database in a subprocess, exported with
``python -m sukien export --format jsonl``, scored with ../shared/eval/score.py, and the scores must
not drop below tests/data/heldout8/scores.json (re-pin only upward, and say why).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from evalsets import (ROOT, assert_no_drop, check_articles, check_gold, check_pinned_file,
                      cli_ingest_and_export, read_jsonl, shared_scorer, shared_events)

HELDOUT8 = ROOT / "tests" / "data" / "heldout8"
GOLD = HELDOUT8 / "gold.jsonl"
PINNED = HELDOUT8 / "scores.json"
BUSAN_NO_YEAR_DOC = "03_tuoitre_dinh-chien-thuong-mai-mot-nam.txt"
GAZA_DOC = "05_vietnamnet_hamas-tha-bon-nu-binh-si.txt"
GULF_DOC = "07_baochinhphu_thu-tuong-dien-dam-thai-tu-saudi-arabia.txt"
TRILATERAL_DOC = "08_danviet_gap-cap-cao-ba-dang-viet-nam-lao-campuchia.txt"


def articles() -> list[Path]:
    return sorted(HELDOUT8.glob("*.txt"))


@pytest.fixture(scope="module")
def heldout8_export(tmp_path_factory) -> Path:
    return cli_ingest_and_export(articles(), tmp_path_factory.mktemp("heldout8"), "heldout8")


@pytest.fixture(scope="module")
def heldout8_result(heldout8_export) -> dict:
    return shared_scorer()(str(GOLD), str(heldout8_export))


# ---------------------------------------------------------------- the data itself

def test_articles_are_plain_nfc_vietnamese_of_seed_like_length():
    check_articles(articles(), 8, lo=3000, hi=6500)


def test_gold_is_well_formed_and_names_every_article():
    gold = read_jsonl(GOLD)
    check_gold(gold, [p.name for p in articles()])
    for r in gold:
        for g in r["events"]:
            assert unicodedata.normalize("NFC", str(g)) == str(g), g["gid"]
        assert 2 <= sum(g["core"] for g in r["events"]) <= 5, r["doc"]
    by_doc = {r["doc"]: r for r in gold}
    # 03 has no pub date and no year: the Busan meeting's date comes from 02 only
    assert by_doc[BUSAN_NO_YEAR_DOC]["pub_date"] is None
    busan = [g for g in by_doc[BUSAN_NO_YEAR_DOC]["events"]
             if g["canonical"] == "trump-xi-busan-meeting-2025-10-30"]
    assert len(busan) == 1 and busan[0]["date_source"] == "cross_document" and busan[0]["core"]
    # the Gaza ceasefire and its exchanges are between Israel and Hamas (mediators are not participants)
    gaza = [g for g in by_doc[GAZA_DOC]["events"] if g["core"]]
    assert all(g["participants"] == ["Israel", "Hamas"] for g in gaza)
    # the PM's call with the Saudi crown prince was placed at Vietnam's request
    call = [g for g in by_doc[GULF_DOC]["events"] if g["core"] and g["type"] == "phone_call"
            and "Mohammed bin Salman" in g["participants"]]
    assert len(call) == 1 and call[0]["initiator"] == "Pham Minh Chinh"
    # a denied meeting is core in 08
    assert any(g["core"] and g["status"] == "denied" for g in by_doc[TRILATERAL_DOC]["events"])
    # two cross-document pairs: 02/03 (Busan), 05/06 (Gaza ceasefire); 5 link pairs
    shared = shared_events(gold)
    assert set(shared) == {frozenset({"02", "03"}), frozenset({"05", "06"})}
    assert len(shared) == 5


def test_pinned_file_is_well_formed():
    check_pinned_file(PINNED)


# ---------------------------------------------------------------- the floor

def test_no_drop_below_the_pinned_heldout8_scores(heldout8_result):
    assert_no_drop(heldout8_result, PINNED, "the eighth held-out set")
