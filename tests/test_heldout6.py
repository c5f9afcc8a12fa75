"""Sixth held-out set (blind-written, long articles): quality floor on Vietnamese diplomacy news, via the CLI.

tests/data/heldout6/*.txt are 8 hand-written articles of 3,000–6,500 characters (our own wording, written
without reading the extractor, its dictionaries, the devset or the articles of the earlier held-out sets)
in the styles of VnExpress, Tuổi Trẻ, Thanh Niên, Znews, VietnamPlus, Báo Quốc tế, VOV and Dân trí, with
long scraped boilerplate and background sections; tests/data/heldout6/gold.jsonl annotates them in the
seeds-gold format (../shared/eval/README.md); tests/data/heldout6/README.md says what each article tests
and the annotation conventions (cancelled summit → ``denied``, body returns → optional
``prisoner_exchange``).

Same procedure as (the shared shell ``evalsets.LongFormSet``) tests/test_heldout5.py: the .txt files are copied to a temporary folder, ingested
with ``python -m sukien ingest`` into a fresh database in a subprocess, exported with
``python -m sukien export --format jsonl``, scored with ../shared/eval/score.py, and the scores must
not drop below tests/data/heldout6/scores.json (re-pin only upward, and say why).
"""

from __future__ import annotations

from evalsets import LongFormSet

IRAN_DOC = "08_dantri_iran-my-dam-phan-gian-tiep-oman.txt"
BUDAPEST_DOCS = ("03_thanhnien_thuong-dinh-budapest-bi-huy.txt", "04_znews_trump-gac-lai-cuoc-gap-putin.txt")


class TestHeldout6(LongFormSet):
    name, count, lo, hi, what = "heldout6", 8, 3000, 6500, "the sixth held-out set"
    # 01/02 (Istanbul round 2), 03/04 (Budapest summit called off); 7 link pairs
    pairs, links = {frozenset({"01", "02"}), frozenset({"03", "04"})}, 7

    def check_set(self, gold, by_doc):
        # Oman mediates the Iran–US talks: never a participant
        assert not [g for g in by_doc[IRAN_DOC]["events"] if g["type"] == "negotiation"
                    and {"Oman", "Badr Albusaidi"} & set(g["participants"])]
        # the called-off Budapest summit is 'denied', undated, in both articles
        for doc in BUDAPEST_DOCS:
            summit = [g for g in by_doc[doc]["events"] if g["canonical"] == "trump-putin-budapest-summit-cancelled"]
            assert len(summit) == 1 and summit[0]["status"] == "denied" and summit[0]["date"] is None
