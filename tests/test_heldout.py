"""Held-out set (blind-written): quality floor on new Vietnamese news, driven through the CLI.

tests/data/heldout/*.txt are 14 hand-written articles (our own wording, written without reading the
extractor, its dictionaries or the devset) in the styles of VietnamPlus, VnExpress, Báo Quốc tế,
VOV, Tuổi Trẻ, Tiền Phong, CAND and Người Lao Động; tests/data/heldout/gold.jsonl annotates them in
the seeds-gold format (../shared/eval/README.md); tests/data/heldout/README.md says what each tests
and the annotation conventions.

The .txt files are copied to a temporary folder, ingested with ``python -m sukien ingest`` into a
fresh database in a subprocess, exported with ``python -m sukien export --format jsonl``, scored
with ../shared/eval/score.py (imported by path), and the scores must not drop below
tests/data/heldout/scores.json: f1, recall, precision, slot ratios and cross-document links must
not fall, ``overmerged`` must not rise. Re-pin only upward (and say why in the commit).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from evalsets import (ROOT, assert_no_drop, check_articles, check_gold, check_pinned_file,
                      cli_ingest_and_export, read_jsonl, shared_scorer)

HELDOUT = ROOT / "tests" / "data" / "heldout"
GOLD = HELDOUT / "gold.jsonl"
PINNED = HELDOUT / "scores.json"
LETTER_DOC = "12_vov_to-lam-thu-chuc-mung-lee-jae-myung.txt"
DENIAL_DOC = "13_vietnamplus_trung-quoc-phu-nhan-dam-phan-thue.txt"


def articles() -> list[Path]:
    return sorted(HELDOUT.glob("*.txt"))


@pytest.fixture(scope="module")
def heldout_export(tmp_path_factory) -> Path:
    return cli_ingest_and_export(articles(), tmp_path_factory.mktemp("heldout"), "heldout")


@pytest.fixture(scope="module")
def heldout_result(heldout_export) -> dict:
    return shared_scorer()(str(GOLD), str(heldout_export))


exported = read_jsonl


# ---------------------------------------------------------------- the data itself

def test_articles_are_plain_nfc_vietnamese_of_realistic_length():
    check_articles(articles(), 14)


def test_gold_is_well_formed_and_names_every_article():
    gold = read_jsonl(GOLD)
    check_gold(gold, [p.name for p in articles()], no_core_ok={LETTER_DOC})
    letter = next(r for r in gold if r["doc"] == LETTER_DOC)
    assert all(g["type"] != "phone_call" for g in letter["events"])


def test_pinned_file_is_well_formed():
    check_pinned_file(PINNED)


# ---------------------------------------------------------------- the floor

def test_no_drop_below_the_pinned_heldout_scores(heldout_result):
    assert_no_drop(heldout_result, PINNED, "the held-out set")


# ---------------------------------------------------------------- behaviours that hold now

def test_a_congratulatory_letter_is_never_a_phone_call(heldout_export):
    """'gửi thư chúc mừng' / 'gửi điện mừng' are statements; the 'Tin liên quan' headline about a
    call at the end of the article is boilerplate and must not become an event."""
    for ev in exported(heldout_export):
        if LETTER_DOC in {m.get("doc") for m in ev.get("mentions") or []}:
            assert ev["type"] != "phone_call", ev


def test_a_denied_meeting_is_denied_and_a_planned_call_is_planned(heldout_export):
    evs = [ev for ev in exported(heldout_export)
           if DENIAL_DOC in {m.get("doc") for m in ev.get("mentions") or []}]
    assert not any(ev["status"] == "occurred" and ev["type"] in {"meeting", "negotiation", "phone_call"}
                   for ev in evs), evs
    assert any(ev["status"] == "denied" for ev in evs), evs
    assert any(ev["type"] == "phone_call" and ev["status"] == "planned" for ev in evs), evs
