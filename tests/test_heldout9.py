"""Ninth held-out set (blind-written, long articles): quality floor on Vietnamese diplomacy news, via the CLI.

tests/data/heldout9/*.txt are 8 hand-written articles of 3,000–6,000 characters (our own wording, written
without reading the extractor, its dictionaries, the devset or the articles of the earlier held-out sets)
in the styles of Báo Nhân Dân, VOV, Tiền Phong, Báo Thế giới & Việt Nam, Công an Nhân dân, Báo Đầu tư,
VnExpress and Báo Lao Động, with long scraped boilerplate and background sections;
tests/data/heldout9/gold.jsonl annotates them in the seeds-gold format (../shared/eval/README.md);
tests/data/heldout9/README.md says what each article tests and the annotation conventions.

Same procedure as tests/test_heldout8.py: the .txt files are copied to a temporary folder, ingested
with ``python -m sukien ingest`` into a fresh database in a subprocess, exported with
``python -m sukien export --format jsonl``, scored with ../shared/eval/score.py, and the scores must
not drop below tests/data/heldout9/scores.json (re-pin only upward, and say why).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from evalsets import (ROOT, assert_no_drop, check_articles, check_gold, check_pinned_file,
                      cli_ingest_and_export, read_jsonl, shared_scorer, shared_events)

HELDOUT9 = ROOT / "tests" / "data" / "heldout9"
GOLD = HELDOUT9 / "gold.jsonl"
PINNED = HELDOUT9 / "scores.json"
NO_PUB_DATE_DOC = "08_laodong_hoa-binh-nam-kavkaz-va-vai-tro-nha-trang.txt"


def articles() -> list[Path]:
    return sorted(HELDOUT9.glob("*.txt"))


@pytest.fixture(scope="module")
def heldout9_export(tmp_path_factory) -> Path:
    return cli_ingest_and_export(articles(), tmp_path_factory.mktemp("heldout9"), "heldout9")


@pytest.fixture(scope="module")
def heldout9_result(heldout9_export) -> dict:
    return shared_scorer()(str(GOLD), str(heldout9_export))


# ---------------------------------------------------------------- the data itself

def test_articles_are_plain_nfc_vietnamese_of_seed_like_length():
    check_articles(articles(), 8, lo=3000, hi=6000)


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
    # 08 has no pub date and no year: its core dates come from 07 only
    assert by_doc[NO_PUB_DATE_DOC]["pub_date"] is None
    assert all(g.get("date_source") == "cross_document"
               for g in by_doc[NO_PUB_DATE_DOC]["events"] if g["core"])
    # two cross-document pairs: 02/03 (Tô Lâm in Singapore), 07/08 (Armenia–Azerbaijan); 6 link pairs
    shared = shared_events(gold)
    assert set(shared) == {frozenset({"02", "03"}), frozenset({"07", "08"})}
    assert len(shared) == 6


def test_pinned_file_is_well_formed():
    check_pinned_file(PINNED)


# ---------------------------------------------------------------- the floor

def test_no_drop_below_the_pinned_heldout9_scores(heldout9_result):
    assert_no_drop(heldout9_result, PINNED, "the ninth held-out set")
