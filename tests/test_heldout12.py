"""Twelfth held-out set (blind-written, long articles): quality floor on diplomacy news, via the CLI.

tests/data/heldout12/*.txt are 8 hand-written articles of 3,000–5,000 characters (our own wording, written
without reading the extractor, its dictionaries, the devset or the articles of the earlier held-out sets)
in the styles of VnExpress, Thanh Niên, Báo Chính phủ, Tuổi Trẻ, VTV, Báo Thế giới & Việt Nam, VietnamPlus
and Lao Động, with scraped boilerplate and background sections; tests/data/heldout12/gold.jsonl annotates
them in the seeds-gold format (../shared/eval/README.md); tests/data/heldout12/README.md says what each
article tests and the annotation conventions.

Same procedure as (the shared shell ``evalsets.LongFormSet``) tests/test_heldout11.py: the .txt files are
copied to a temporary folder, ingested with ``python -m sukien ingest`` into a fresh database in a
subprocess, exported with ``python -m sukien export --format jsonl``, scored with ../shared/eval/score.py,
and the scores must not drop below tests/data/heldout12/scores.json (re-pin only upward, and say why).
"""

from __future__ import annotations

from evalsets import LongFormSet

NO_PUB_DATE_DOC = "02_thanhnien_muscat-mo-canh-cua-hat-nhan-iran-my.txt"


class TestHeldout12(LongFormSet):
    name, count, lo, hi, what = "heldout12", 8, 3000, 5000, "the twelfth held-out set"
    # 01/02 (Iran–US talks in Muscat 12/4/2025 and the planned 19/4 round), 03/04 (Phạm Minh Chính's
    # meetings with Ramaphosa and Albanese at the Johannesburg G20); 4 link pairs
    pairs, links = {frozenset({"01", "02"}), frozenset({"03", "04"})}, 4
    no_pub_date_doc = NO_PUB_DATE_DOC        # 02 has no pub date and no year: its core dates come from 01 only

    def check_set(self, gold, by_doc):
        core = {g["canonical"]: g for r in gold for g in r["events"] if g["core"]}
        # mediators, hosts, witnesses and announcers are not participants
        for c in ("iran-us-talks-muscat-2025-04-12", "iran-us-round3-muscat-2025-04-26"):
            assert set(core[c]["participants"]) == {"Iran", "United States"}, c
        assert set(core["drc-rwanda-peace-agreement-2025-06-27"]["participants"]) == {"DR Congo", "Rwanda"}
        # the over-merge trap: the third Muscat round (26/4) is not the first (12/4)
        assert core["iran-us-round3-muscat-2025-04-26"]["date"] != core["iran-us-talks-muscat-2025-04-12"]["date"]
        # 04 dates its meetings only with "Hôm qua": the pub date gives the day, not the other article
        doc04 = by_doc["04_tuoitre_viet-nam-nam-phi-huong-toi-moc-thuong-mai-2-ty-usd.txt"]
        assert all(g["date"] == "2025-11-22" and not g.get("date_source") for g in doc04["events"] if g["core"])
        # 06's main event is a visit announced as planned by the spokesperson
        visit06 = core["luong-cuong-state-visit-angola-2025-08-23"]
        assert visit06["status"] == "planned" and "Pham Thu Hang" not in visit06["participants"]
