"""Fourth held-out set (blind-written): quality floor on new Vietnamese diplomacy news, via the CLI.

tests/data/heldout4/*.txt are 12 hand-written articles (our own wording, written without reading the
extractor, its dictionaries, the devset or the articles of the three earlier held-out sets) in the styles
of VietnamPlus, Tuổi Trẻ, VnExpress, Thanh Niên, Báo Quốc tế, Người Lao Động, VOV, CAND and Tiền Phong;
tests/data/heldout4/gold.jsonl annotates them in the seeds-gold format (../shared/eval/README.md);
tests/data/heldout4/README.md says what each article tests and the annotation conventions.

Same procedure as tests/test_heldout3.py: the .txt files are copied to a temporary folder, ingested
with ``python -m sukien ingest`` into a fresh database in a subprocess, exported with
``python -m sukien export --format jsonl``, scored with ../shared/eval/score.py, and the scores must
not drop below tests/data/heldout4/scores.json (re-pin only upward, and say why).
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from evalsets import (ROOT, assert_no_drop, check_articles, check_gold, check_pinned_file,
                      cli_ingest_and_export, events_of, read_jsonl, shared_scorer, shared_events)

HELDOUT4 = ROOT / "tests" / "data" / "heldout4"
GOLD = HELDOUT4 / "gold.jsonl"
PINNED = HELDOUT4 / "scores.json"
TELEGRAM_DOC = "06_nguoilaodong_dien-mung-quoc-khanh-80-nam.txt"
ONLINE_DOC = "12_baoquocte_hoi-dam-truc-tuyen-viet-nam-lao.txt"
RU_ASKED_DOC = "05_baoquocte_bo-truong-son-dien-dam-lavrov.txt"
UAE_DOCS = ("07_vov_nga-ukraine-trao-doi-tu-binh-uae.txt", "08_cand_trao-doi-tu-binh-cuoi-tuan.txt")


def articles() -> list[Path]:
    return sorted(HELDOUT4.glob("*.txt"))


@pytest.fixture(scope="module")
def heldout4_export(tmp_path_factory) -> Path:
    return cli_ingest_and_export(articles(), tmp_path_factory.mktemp("heldout4"), "heldout4")


@pytest.fixture(scope="module")
def heldout4_result(heldout4_export) -> dict:
    return shared_scorer()(str(GOLD), str(heldout4_export))


# ---------------------------------------------------------------- the data itself

def test_articles_are_plain_nfc_vietnamese_of_realistic_length():
    check_articles(articles(), 12)


def test_gold_is_well_formed_and_names_every_article():
    gold = read_jsonl(GOLD)
    check_gold(gold, [p.name for p in articles()])
    for r in gold:
        for g in r["events"]:
            assert unicodedata.normalize("NFC", str(g)) == str(g), g["gid"]
    telegrams = next(r for r in gold if r["doc"] == TELEGRAM_DOC)
    # the congratulatory telegrams and the letter are statements, never calls
    assert not [g for g in telegrams["events"] if g["type"] == "phone_call"]
    # three cross-document pairs: 01/02 (Xi in Hanoi), 03/04 (Busan), 07/08 (the UAE-mediated exchange)
    shared = shared_events(gold)
    assert set(shared) == {
        frozenset({"01", "02"}), frozenset({"03", "04"}), frozenset({"07", "08"})}


def test_pinned_file_is_well_formed():
    check_pinned_file(PINNED)


# ---------------------------------------------------------------- the floor

def test_no_drop_below_the_pinned_heldout4_scores(heldout4_result):
    assert_no_drop(heldout4_result, PINNED, "the fourth held-out set")


# ---------------------------------------------------------------- behaviours that hold now

def test_congratulatory_telegrams_are_never_phone_calls(heldout4_export):
    """'gửi điện mừng' / 'gửi điện chúc mừng' / 'gửi thư chúc mừng' are not calls."""
    assert not [ev for ev in events_of(heldout4_export, TELEGRAM_DOC) if ev["type"] == "phone_call"]


def test_online_talks_are_a_call_with_their_duration(heldout4_export):
    """'hội đàm trực tuyến … trong khoảng một giờ' is a remote talk: phone_call, 60 minutes."""
    evs = events_of(heldout4_export, ONLINE_DOC)
    assert any(ev["type"] == "phone_call" and ev["date"] == "2026-01-08" and ev.get("duration_minutes") == 60
               and "Sonexay Siphandone" in ev["participants"] for ev in evs), evs


def test_a_call_requested_by_the_other_side_has_that_side_as_initiator(heldout4_export):
    """'Tối 20/8, theo đề nghị của phía Nga, … điện đàm với … Lavrov' → initiator Lavrov, 40 minutes."""
    calls = [ev for ev in events_of(heldout4_export, RU_ASKED_DOC)
             if ev["type"] == "phone_call" and ev["date"] == "2025-08-20"]
    assert len(calls) == 1 and calls[0]["initiator"] == "Sergei Lavrov", calls
    assert calls[0]["duration_minutes"] == 40, calls


def test_the_uae_mediated_exchange_is_one_event_between_the_parties(heldout4_export):
    """07 ('Hôm nay (24/8)') and 08 ('cuối tuần qua') report one exchange; the UAE mediates."""
    a, b = UAE_DOCS
    both = [ev for ev in events_of(heldout4_export, a) if ev["type"] == "prisoner_exchange"
            and b in {m.get("doc") for m in ev.get("mentions") or []}]
    assert len(both) == 1 and set(both[0]["participants"]) == {"Russia", "Ukraine"}, both
