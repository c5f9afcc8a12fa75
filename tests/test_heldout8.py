"""Eighth held-out set (blind-written, long articles): quality floor on Vietnamese diplomacy news, via the CLI.

tests/data/heldout8/*.txt are 8 hand-written articles of 3,000–6,500 characters (our own wording, written
without reading the extractor, its dictionaries, the devset or the articles of the earlier held-out sets)
in the styles of Báo Thế giới & Việt Nam, VTC News, Tuổi Trẻ, Quân đội nhân dân, VietNamNet, Pháp luật
TP.HCM, Báo điện tử Chính phủ and Dân Việt, with long scraped boilerplate and background sections;
tests/data/heldout8/gold.jsonl annotates them in the seeds-gold format (../shared/eval/README.md);
tests/data/heldout8/README.md says what each article tests and the annotation conventions.

Same procedure as (the shared shell ``evalsets.LongFormSet``) tests/test_heldout7.py: the .txt files are copied to a temporary folder, ingested
with ``python -m sukien ingest`` into a fresh database in a subprocess, exported with
``python -m sukien export --format jsonl``, scored with ../shared/eval/score.py, and the scores must
not drop below tests/data/heldout8/scores.json (re-pin only upward, and say why).
"""

from __future__ import annotations

from evalsets import LongFormSet

BUSAN_NO_YEAR_DOC = "03_tuoitre_dinh-chien-thuong-mai-mot-nam.txt"
GAZA_DOC = "05_vietnamnet_hamas-tha-bon-nu-binh-si.txt"
GULF_DOC = "07_baochinhphu_thu-tuong-dien-dam-thai-tu-saudi-arabia.txt"
TRILATERAL_DOC = "08_danviet_gap-cap-cao-ba-dang-viet-nam-lao-campuchia.txt"


class TestHeldout8(LongFormSet):
    name, count, lo, hi, what = "heldout8", 8, 3000, 6500, "the eighth held-out set"
    # 02/03 (Busan), 05/06 (Gaza ceasefire); 5 link pairs
    pairs, links = {frozenset({"02", "03"}), frozenset({"05", "06"})}, 5

    def check_set(self, gold, by_doc):
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
