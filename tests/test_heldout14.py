"""Fourteenth held-out set (blind-written, long articles): quality floor on diplomacy news, via the CLI.

tests/data/heldout14/*.txt are 8 hand-written articles of 3,200–4,800 characters (our own wording, written
without reading the extractor, its dictionaries, the devset or the articles of the earlier held-out sets)
in the styles of Báo Tin tức (TTXVN), Dân trí, VnExpress, Thanh Niên, Tiền Phong, Báo Chính phủ, Lao Động
and Znews, with scraped boilerplate and background sections; tests/data/heldout14/gold.jsonl annotates them
in the seeds-gold format (../shared/eval/README.md); tests/data/heldout14/README.md says what each article
tests and the annotation conventions.

Same procedure as (the shared shell ``evalsets.LongFormSet``) tests/test_heldout13.py: the .txt files are
copied to a temporary folder, ingested with ``python -m sukien ingest`` into a fresh database in a
subprocess, exported with ``python -m sukien export --format jsonl``, scored with ../shared/eval/score.py,
and the scores must not drop below tests/data/heldout14/scores.json (a placeholder with all-zero floors
until the first run is pinned; re-pin only upward, and say why).
"""

from __future__ import annotations

from evalsets import LongFormSet

NO_PUB_DATE_DOC = "02_dantri_viet-nam-philippines-bay-van-kien-cam-ket-ve-bien.txt"
RELATIVE_DOC = "04_thanhnien_hai-cuoc-goi-cua-ong-trump-va-bai-toan-tokyo-bac-kinh.txt"


class TestHeldout14(LongFormSet):
    name, count, lo, hi, what = "heldout14", 8, 3200, 4800, "the fourteenth held-out set"
    # 01/02 (Lương Cường's state visit to the Philippines from 23/2/2026, his talks with Marcos on 24/2 and
    # the 7 documents), 03/04 (the Xi–Trump call of 24/11/2025 and the Trump–Takaichi call of 25/11);
    # 5 link pairs
    pairs, links = {frozenset({"01", "02"}), frozenset({"03", "04"})}, 5
    no_pub_date_doc = NO_PUB_DATE_DOC        # 02 has no pub date and no year: its core dates come from 01 only

    def check_set(self, gold, by_doc):
        core = {g["canonical"]: g for r in gold for g in r["events"] if g["core"]}
        assert len([g for r in gold for g in r["events"] if g["core"]]) == 26
        # signings of N documents: one agreement of the two states (the witnessing leaders are not parties)
        docs7 = core["vietnam-philippines-7-documents-2026-02-24"]
        assert set(docs7["participants"]) == {"Vietnam", "Philippines"} and docs7["quantities"]["documents"] == 7
        # a visit: visitor and host country, dated by its first day, the month accepted; the inviter is no side
        visit = core["luong-cuong-visit-philippines-2026-02-23"]
        assert visit["participants"] == ["Luong Cuong", "Philippines"] and "2026-02" in visit["date_accept"]
        # over-merge traps: two Belarus releases (13/12 and 11/9) and two Trump–Lula calls (2/12 and 6/10)
        dec, sep = core["belarus-prisoner-release-2025-12-13"], core["belarus-prisoner-release-2025-09-11"]
        assert set(dec["participants"]) == set(sep["participants"]) == {"Belarus", "United States"}
        assert dec["type"] == sep["type"] == "prisoner_exchange" and dec["date"] != sep["date"]
        new, old = core["trump-lula-call-2025-12-02"], core["trump-lula-video-call-2025-10-06"]
        assert new["type"] == old["type"] == "phone_call" and new["date"] != old["date"]
        # initiators: "theo đề nghị của phía Mỹ" / "chủ động gọi" / "theo đề nghị của phía Việt Nam"
        for r in gold:
            for g in r["events"]:
                if g["canonical"] == "xi-trump-call-2025-11-24":
                    assert g["initiator"] == "Donald Trump", g["gid"]
        assert core["pham-minh-chinh-takaichi-call-2025-12-04"]["initiator"] == "Pham Minh Chinh"
        assert new["initiator"] == "Luiz Inacio Lula da Silva"
        # 04 dates its core events only relatively ("tối thứ Hai vừa qua", "Hôm kia"): the pub date gives the day
        doc04 = by_doc[RELATIVE_DOC]
        assert doc04["pub_date"] == "2025-11-27"
        assert all(not g.get("date_source") for g in doc04["events"] if g["core"])
        assert {g["date"] for g in doc04["events"] if g["core"]} == {"2025-11-24", "2025-11-25"}
        # letters and telegrams are statements, never core
        for r in gold:
            for g in r["events"]:
                if "telegram" in g["canonical"] or "letter" in g["canonical"]:
                    assert not g["core"] and g["type"] in {"statement", "proposal"}, g["gid"]
        # 06's Bùi Thanh Sơn trip is planned
        assert core["bui-thanh-son-visit-japan-2025-12-10"]["status"] == "planned"
