"""Fifth held-out set (blind-written): quality floor on new Vietnamese diplomacy news, via the CLI.

tests/data/heldout5/*.txt are 10 hand-written articles (our own wording, written without reading the
extractor, its dictionaries, the devset or the articles of the four earlier held-out sets) in the styles
of VietnamPlus, Tuổi Trẻ, Báo Quốc tế, VnExpress, VOV, Thanh Niên, CAND, Tiền Phong and Người Lao Động;
tests/data/heldout5/gold.jsonl annotates them in the seeds-gold format (../shared/eval/README.md);
tests/data/heldout5/README.md says what each article tests and the annotation conventions.

Same procedure as tests/test_heldout4.py: the .txt files are copied to a temporary folder, ingested
with ``python -m sukien ingest`` into a fresh database in a subprocess, exported with
``python -m sukien export --format jsonl``, scored with ../shared/eval/score.py, and the scores must
not drop below tests/data/heldout5/scores.json (re-pin only upward, and say why).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from evalsets import (ROOT, assert_no_drop, check_articles, check_gold, check_pinned_file,
                      cli_ingest_and_export, events_of, read_jsonl, shared_scorer, shared_events)

HELDOUT5 = ROOT / "tests" / "data" / "heldout5"
GOLD = HELDOUT5 / "gold.jsonl"
PINNED = HELDOUT5 / "scores.json"
G20_DOC = "03_baoquocte_thu-tuong-du-g20-johannesburg.txt"
EU_CALL_DOC = "06_baoquocte_macron-dien-dam-merz.txt"
LETTER_DOC = "10_nguoilaodong_thu-tuong-dien-dam-anwar.txt"


def articles() -> list[Path]:
    return sorted(HELDOUT5.glob("*.txt"))


@pytest.fixture(scope="module")
def heldout5_export(tmp_path_factory) -> Path:
    return cli_ingest_and_export(articles(), tmp_path_factory.mktemp("heldout5"), "heldout5")


@pytest.fixture(scope="module")
def heldout5_result(heldout5_export) -> dict:
    return shared_scorer()(str(GOLD), str(heldout5_export))


# ---------------------------------------------------------------- the data itself

def test_articles_are_plain_nfc_vietnamese_of_realistic_length():
    check_articles(articles(), 10)


def test_gold_is_well_formed_and_names_every_article():
    gold = read_jsonl(GOLD)
    check_gold(gold, [p.name for p in articles()])
    for r in gold:
        for g in r["events"]:
            assert unicodedata.normalize("NFC", str(g)) == str(g), g["gid"]
    letter = next(r for r in gold if r["doc"] == LETTER_DOC)
    # the congratulatory letter is a statement, never a call
    assert not [g for g in letter["events"] if g["type"] == "phone_call" and "Luong Cuong" in g["participants"]]
    # two cross-document pairs: 01/02 (Ishiba in Hanoi), 04/05 (the Thailand–Cambodia ceasefire)
    shared = shared_events(gold)
    assert set(shared) == {
        frozenset({"01", "02"}), frozenset({"04", "05"})}


def test_pinned_file_is_well_formed():
    check_pinned_file(PINNED)


# ---------------------------------------------------------------- the floor

def test_no_drop_below_the_pinned_heldout5_scores(heldout5_result):
    assert_no_drop(heldout5_result, PINNED, "the fifth held-out set")


# ---------------------------------------------------------------- behaviours that hold now

def test_a_congratulatory_letter_is_never_a_phone_call(heldout5_export):
    """'gửi thư chúc mừng' next to a real call in the same article is a statement, not a call."""
    assert not [ev for ev in events_of(heldout5_export, LETTER_DOC)
                if ev["type"] == "phone_call" and "Luong Cuong" in ev["participants"]]


def test_call_initiators_and_durations(heldout5_export):
    """'theo đề nghị của phía Malaysia … khoảng 30 phút' → Anwar, 30; 'Macron đã gọi điện cho … Merz' → Macron."""
    anwar = [ev for ev in events_of(heldout5_export, LETTER_DOC)
             if ev["type"] == "phone_call" and ev["date"] == "2026-01-12"]
    assert len(anwar) == 1 and anwar[0]["initiator"] == "Anwar Ibrahim", anwar
    assert anwar[0]["duration_minutes"] == 30, anwar
    eu = [ev for ev in events_of(heldout5_export, EU_CALL_DOC)
          if ev["type"] == "phone_call" and ev["date"] == "2025-12-02"]
    assert len(eu) == 1 and eu[0]["initiator"] == "Emmanuel Macron" and eu[0]["duration_minutes"] == 45, eu


def test_sideline_meetings_on_different_days_keep_their_own_dates(heldout5_export):
    """'chiều 22/11' (Merz), 'Sáng 23/11' (Erdogan), 'Cũng trong ngày 23/11' (Carney): three meetings."""
    got = {(ev["date"], p) for ev in events_of(heldout5_export, G20_DOC) if ev["type"] == "meeting"
           for p in ev["participants"] if p != "Pham Minh Chinh"}
    assert {("2025-11-22", "Friedrich Merz"), ("2025-11-23", "Recep Tayyip Erdogan"),
            ("2025-11-23", "Mark Carney")} <= got, got
