"""Off-topic set (blind-written): precision on news that is not about diplomacy, via the CLI.

tests/data/offtopic/*.txt are 16 hand-written articles (our own wording, written without reading the
extractor or its dictionaries): sports, business, domestic administration, culture, crime, weather,
technology, education, real estate and a family story, full of the words a naive diplomatic-event
extractor fires on ("Hà Nội FC gặp Công an Hà Nội", "đàm phán gia hạn hợp đồng", "Chủ tịch UBND
tỉnh tiếp công dân", "đội tuyển Việt Nam gặp Thái Lan", "trao trả tài sản", "cuộc gọi video").
14 of them report no diplomatic event (gold ``"events": []``); two mention exactly one genuine event
in passing (a sports memorandum signed by two ministries, the Prime Minister receiving the Japanese
ambassador). tests/data/offtopic/README.md lists the trap words of each article.

Every event the pipeline exports for these articles beyond the two is a false positive: the pinned
precision floor in tests/data/offtopic/scores.json caps them (``raw.unmatched_system`` says how
many were allowed when it was pinned), and recall must stay at 1.0. The set is also the off-topic
share of ``bench/bench_pipeline.py --offtopic-share``.
"""

from __future__ import annotations

import json
import unicodedata

from evalsets import (ROOT, assert_no_drop, check_articles, check_pinned_file, cli_ingest_and_export, read_jsonl,
                      shared_scorer)

FOLDER = ROOT / "tests" / "data" / "offtopic"
ARTICLES = sorted(FOLDER.glob("*.txt"))
GENUINE = {"15": ("agreement", ["Vietnam", "Thailand"]), "16": ("meeting", ["Pham Minh Chinh", "Japan"])}


def test_articles_are_plain_nfc_vietnamese():
    check_articles(ARTICLES, 16, lo=2500, hi=4500)


def test_gold_names_every_article_and_only_the_two_genuine_events():
    gold = read_jsonl(FOLDER / "gold.jsonl")
    assert [r["doc"] for r in gold] == [p.name for p in ARTICLES]
    for r in gold:
        assert unicodedata.normalize("NFC", json.dumps(r, ensure_ascii=False)) == json.dumps(r, ensure_ascii=False)
        prefix = r["doc"][:2]
        if prefix in GENUINE:
            (g,) = r["events"]
            assert g["core"] and (g["type"], g["participants"]) == GENUINE[prefix], g["gid"]
        else:
            assert r["events"] == [], r["doc"]


def test_pinned_file_is_well_formed():
    check_pinned_file(FOLDER / "scores.json")


def test_no_more_false_events_than_pinned(tmp_path_factory):
    export = cli_ingest_and_export(ARTICLES, tmp_path_factory.mktemp("offtopic"), "offtopic")
    result = shared_scorer()(str(FOLDER / "gold.jsonl"), str(export))
    pinned = json.loads((FOLDER / "scores.json").read_text(encoding="utf-8"))
    assert result["recall"] == 1.0, result["misses"]
    assert result["unmatched_system"] <= pinned["raw"]["unmatched_system"], result["extras"]
    assert_no_drop(result, FOLDER / "scores.json", "the off-topic set")
