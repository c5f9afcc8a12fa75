"""Tenth held-out set (blind-written, long articles): quality floor on diplomacy news, via the CLI.

tests/data/heldout10/*.txt are 6 hand-written articles of 3,000–5,000 characters (our own wording, written
without reading the extractor, its dictionaries, the devset or the articles of the earlier held-out sets)
in the styles of VnExpress, Dân trí, Báo Nhân Dân, Báo Thế giới & Việt Nam, VOV and Tiền Phong, with
scraped boilerplate and background sections; tests/data/heldout10/gold.jsonl annotates them in the
seeds-gold format (../shared/eval/README.md); tests/data/heldout10/README.md says what each article tests
and the annotation conventions.

Same procedure as tests/test_heldout9.py: the .txt files are copied to a temporary folder, ingested
with ``python -m sukien ingest`` into a fresh database in a subprocess, exported with
``python -m sukien export --format jsonl``, scored with ../shared/eval/score.py, and the scores must
not drop below tests/data/heldout10/scores.json (re-pin only upward, and say why).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from evalsets import (ROOT, assert_no_drop, check_articles, check_gold, check_pinned_file,
                      cli_ingest_and_export, read_jsonl, shared_scorer, shared_events)

HELDOUT10 = ROOT / "tests" / "data" / "heldout10"
GOLD = HELDOUT10 / "gold.jsonl"
PINNED = HELDOUT10 / "scores.json"
NO_PUB_DATE_DOC = "02_dantri_zelensky-toi-florida-gap-trump.txt"


def articles() -> list[Path]:
    return sorted(HELDOUT10.glob("*.txt"))


@pytest.fixture(scope="module")
def heldout10_export(tmp_path_factory) -> Path:
    return cli_ingest_and_export(articles(), tmp_path_factory.mktemp("heldout10"), "heldout10")


@pytest.fixture(scope="module")
def heldout10_result(heldout10_export) -> dict:
    return shared_scorer()(str(GOLD), str(heldout10_export))


# ---------------------------------------------------------------- the data itself

def test_articles_are_plain_nfc_vietnamese_of_seed_like_length():
    check_articles(articles(), 6, lo=3000, hi=5000)


def test_gold_is_well_formed_and_names_every_article():
    gold = read_jsonl(GOLD)
    check_gold(gold, [p.name for p in articles()])
    for r in gold:
        for g in r["events"]:
            assert unicodedata.normalize("NFC", str(g)) == str(g), g["gid"]
            if g.get("date_source"):
                assert g["date_source"] == "cross_document", g["gid"]
        assert 2 <= sum(g["core"] for g in r["events"]) <= 5, r["doc"]
    by_doc = {r["doc"]: r for r in gold}
    # 02 has no pub date and no year: its core dates come from 01 only
    assert by_doc[NO_PUB_DATE_DOC]["pub_date"] is None
    assert all(g.get("date_source") == "cross_document"
               for g in by_doc[NO_PUB_DATE_DOC]["events"] if g["core"])
    # two cross-document pairs: 01/02 (Putin–Trump call, Mar-a-Lago), 03/04 (Lương Cường in Brazil); 5 link pairs
    shared = shared_events(gold)
    assert set(shared) == {frozenset({"01", "02"}), frozenset({"03", "04"})}
    assert len(shared) == 5


def test_pinned_file_is_well_formed():
    check_pinned_file(PINNED)


# ---------------------------------------------------------------- the floor

def test_no_drop_below_the_pinned_heldout10_scores(heldout10_result):
    assert_no_drop(heldout10_result, PINNED, "the tenth held-out set")
