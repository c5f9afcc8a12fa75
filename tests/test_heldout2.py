"""Second held-out set (blind-written): quality floor on new Vietnamese diplomacy news, via the CLI.

tests/data/heldout2/*.txt are 12 hand-written articles (our own wording, written without reading the
extractor, its dictionaries, the devset or the first held-out set's articles) in the styles of
VietnamPlus, VnExpress, Tuổi Trẻ, Báo Quốc tế, VOV, Tiền Phong, CAND and Người Lao Động;
tests/data/heldout2/gold.jsonl annotates them in the seeds-gold format (../shared/eval/README.md);
tests/data/heldout2/README.md says what each article tests and the annotation conventions.

Same procedure as tests/test_heldout.py: the .txt files are copied to a temporary folder, ingested
with ``python -m sukien ingest`` into a fresh database in a subprocess, exported with
``python -m sukien export --format jsonl``, scored with ../shared/eval/score.py, and the scores must
not drop below tests/data/heldout2/scores.json (re-pin only upward, and say why).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from evalsets import (ROOT, assert_no_drop, check_articles, check_gold, check_pinned_file,
                      cli_ingest_and_export, events_of, read_jsonl, shared_scorer, shared_events)

HELDOUT2 = ROOT / "tests" / "data" / "heldout2"
GOLD = HELDOUT2 / "gold.jsonl"
PINNED = HELDOUT2 / "scores.json"
TELEGRAM_DOC = "08_nguoilaodong_dien-mung-takaichi.txt"
DENIAL_DOC = "12_tuoitre_an-do-phu-nhan-dien-dam-modi-trump.txt"
POW_DOC = "07_cand_nga-ukraine-trao-doi-tu-binh.txt"
PLANNED_DOC, REPORT_DOC = "04_baoquocte_tong-bi-thu-tham-indonesia.txt", "05_vov_to-lam-puan-maharani.txt"


def articles() -> list[Path]:
    return sorted(HELDOUT2.glob("*.txt"))


@pytest.fixture(scope="module")
def heldout2_export(tmp_path_factory) -> Path:
    return cli_ingest_and_export(articles(), tmp_path_factory.mktemp("heldout2"), "heldout2")


@pytest.fixture(scope="module")
def heldout2_result(heldout2_export) -> dict:
    return shared_scorer()(str(GOLD), str(heldout2_export))


# ---------------------------------------------------------------- the data itself

def test_articles_are_plain_nfc_vietnamese_of_realistic_length():
    check_articles(articles(), 12)


def test_gold_is_well_formed_and_names_every_article():
    gold = read_jsonl(GOLD)
    check_gold(gold, [p.name for p in articles()])
    for r in gold:
        for g in r["events"]:
            assert unicodedata.normalize("NFC", str(g)) == str(g), g["gid"]
    telegram = next(r for r in gold if r["doc"] == TELEGRAM_DOC)
    assert all(g["type"] != "phone_call" for g in telegram["events"])
    # two cross-document pairs: 02/03 (India–Pakistan) and 04/05 (Tô Lâm in Indonesia)
    shared = shared_events(gold)
    assert set(shared) == {frozenset({"02", "03"}),
                                                                     frozenset({"04", "05"})}


def test_pinned_file_is_well_formed():
    check_pinned_file(PINNED)


# ---------------------------------------------------------------- the floor

def test_no_drop_below_the_pinned_heldout2_scores(heldout2_result):
    assert_no_drop(heldout2_result, PINNED, "the second held-out set")


# ---------------------------------------------------------------- behaviours that hold now

def test_a_congratulatory_telegram_is_never_a_phone_call(heldout2_export):
    """'gửi điện chúc mừng' / 'điện mừng' are statements; the 'Tin liên quan' headline about a call
    at the end of the article is boilerplate and must not become an event."""
    for ev in events_of(heldout2_export, TELEGRAM_DOC):
        assert ev["type"] != "phone_call", ev


def test_a_denied_call_is_denied_and_a_possible_meeting_is_hypothetical(heldout2_export):
    evs = events_of(heldout2_export, DENIAL_DOC)
    assert any(ev["type"] == "phone_call" and ev["status"] == "denied" and ev["date"] == "2025-10-15"
               for ev in evs), evs
    assert not any(ev["type"] == "phone_call" and ev["status"] == "occurred" and ev["date"] == "2025-10-15"
                   for ev in evs), evs
    assert any(ev["type"] == "meeting" and ev["status"] == "hypothetical" for ev in evs), evs


def test_a_prisoner_exchange_keeps_its_count_and_date(heldout2_export):
    evs = [ev for ev in events_of(heldout2_export, POW_DOC) if ev["type"] == "prisoner_exchange"]
    assert any(ev["date"] == "2025-08-14" and (ev.get("quantities") or {}).get("prisoners_each_side") == 84
               for ev in evs), evs


def test_a_planned_audience_and_its_later_report_are_one_event(heldout2_export):
    """04 announces 'sáng 11/3 … sẽ hội kiến' Puan Maharani; 05 reports it 'Sáng nay (11/3)'."""
    both = [ev for ev in events_of(heldout2_export, PLANNED_DOC)
            if REPORT_DOC in {m.get("doc") for m in ev.get("mentions") or []}
            and "Puan Maharani" in (ev.get("participants") or [])]
    assert len(both) == 1 and both[0]["date"] == "2025-03-11", both
