"""Sixth held-out set (blind-written, long articles): quality floor on Vietnamese diplomacy news, via the CLI.

tests/data/heldout6/*.txt are 8 hand-written articles of 3,000–6,500 characters (our own wording, written
without reading the extractor, its dictionaries, the devset or the articles of the earlier held-out sets)
in the styles of VnExpress, Tuổi Trẻ, Thanh Niên, Znews, VietnamPlus, Báo Quốc tế, VOV and Dân trí, with
long scraped boilerplate and background sections; tests/data/heldout6/gold.jsonl annotates them in the
seeds-gold format (../shared/eval/README.md); tests/data/heldout6/README.md says what each article tests
and the annotation conventions (cancelled summit → ``denied``, body returns → optional
``prisoner_exchange``).

Same procedure as tests/test_heldout5.py: the .txt files are copied to a temporary folder, ingested
with ``python -m sukien ingest`` into a fresh database in a subprocess, exported with
``python -m sukien export --format jsonl``, scored with ../shared/eval/score.py, and the scores must
not drop below tests/data/heldout6/scores.json (re-pin only upward, and say why).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from evalsets import (ROOT, assert_no_drop, check_articles, check_gold, check_pinned_file,
                      cli_ingest_and_export, read_jsonl, shared_scorer, shared_events)

HELDOUT6 = ROOT / "tests" / "data" / "heldout6"
GOLD = HELDOUT6 / "gold.jsonl"
PINNED = HELDOUT6 / "scores.json"
IRAN_DOC = "08_dantri_iran-my-dam-phan-gian-tiep-oman.txt"
BUDAPEST_DOCS = ("03_thanhnien_thuong-dinh-budapest-bi-huy.txt", "04_znews_trump-gac-lai-cuoc-gap-putin.txt")


def articles() -> list[Path]:
    return sorted(HELDOUT6.glob("*.txt"))


@pytest.fixture(scope="module")
def heldout6_export(tmp_path_factory) -> Path:
    return cli_ingest_and_export(articles(), tmp_path_factory.mktemp("heldout6"), "heldout6")


@pytest.fixture(scope="module")
def heldout6_result(heldout6_export) -> dict:
    return shared_scorer()(str(GOLD), str(heldout6_export))


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
    # Oman mediates the Iran–US talks: never a participant
    iran = next(r for r in gold if r["doc"] == IRAN_DOC)
    assert not [g for g in iran["events"] if g["type"] == "negotiation"
                and {"Oman", "Badr Albusaidi"} & set(g["participants"])]
    # the called-off Budapest summit is 'denied', undated, in both articles
    for r in gold:
        if r["doc"] in BUDAPEST_DOCS:
            summit = [g for g in r["events"] if g["canonical"] == "trump-putin-budapest-summit-cancelled"]
            assert len(summit) == 1 and summit[0]["status"] == "denied" and summit[0]["date"] is None
    # two cross-document pairs: 01/02 (Istanbul round 2), 03/04 (Budapest summit called off); 7 link pairs
    shared = shared_events(gold)
    assert set(shared) == {frozenset({"01", "02"}), frozenset({"03", "04"})}
    assert len(shared) == 7


def test_pinned_file_is_well_formed():
    check_pinned_file(PINNED)


# ---------------------------------------------------------------- the floor

def test_no_drop_below_the_pinned_heldout6_scores(heldout6_result):
    assert_no_drop(heldout6_result, PINNED, "the sixth held-out set")
