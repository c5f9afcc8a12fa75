"""Recaps (sukien.extract_recaps) on our own values and sentences: an event dated well before the
article is background and never takes the news' undated restatements nor becomes the article's main
event; a day after "sau cuộc", "kể từ", "tiếp nối cuộc" ... past the start of its sentence is told in a
recap (a fronted clause, a clause break, or no cue at all is not)."""
from __future__ import annotations

import pytest

from test_extract import res  # noqa: F401 (res: the module's fixture)

from sukien import vi
from sukien.extract_cluster import _Ev
from sukien.extract_docs import _main
from sukien.extract_recaps import current, recent_first, stale
from sukien.ingest import prepare_document
from sukien.models import EventMention, MetaValue, RawInput


@pytest.mark.parametrize("value, anchor, old", [
    ("2024-10", "2025-09-01", True),          # "tháng 10 năm ngoái"
    ("2025-10-06", "2025-12-03", True),       # a call two months before
    ("2025-08-31", "2025-09-01", False),      # yesterday's news
    ("2025-08", "2025-09-01", False),         # last month, its end within the month before
    ("2025", "2025-12-03", False),            # the article's year
    ("2024", "2025-03-01", True),
    ("2025-08-29/2025-08-30", "2025-09-01", False),   # a range: its last day
    (None, "2025-09-01", False),              # undated: never stale
    ("2024-10", None, False),                 # no anchor: never
    ("2024-10", "2025", False),               # an anchor without a day: never
])
def test_stale(value, anchor, old):
    assert stale(value, anchor) is old


def _m(si: int, date=None, **flags) -> EventMention:
    return EventMention(doc="t.txt", type="meeting", trigger="gặp", start=si * 100, end=si * 100 + 3,
                        sentence_index=si, date=date, flags=dict(flags))


def _ev(date, n: int, first: int = 5) -> _Ev:
    return _Ev(type="meeting", date=date, mentions=[_m(first + i, date if i == 0 else None) for i in range(n)])


def test_an_undated_restatement_prefers_the_news_over_a_recap():
    pool = [_ev("2024-10", 2), _ev("2025-08-31", 2)]
    scored = [(2.0, 0), (2.0, -1)]          # a tie: the earlier event (the recap) would win
    got = recent_first(_m(9), scored, pool, "2025-09-01")
    assert max(got) == (2.0, -1)
    # a dated mention, a recap's own mention ("background"), or a pool of recaps only: unchanged
    assert recent_first(_m(9, "2024-10"), scored, pool, "2025-09-01") == scored
    assert recent_first(_m(9, background=True), scored, pool, "2025-09-01") == scored
    assert recent_first(_m(9), scored, [_ev("2024-10", 1), _ev("2024-11", 1)], "2025-09-01") == scored
    # the talk just told (+0.5 in extract_docs) still outweighs the lowering
    assert max(recent_first(_m(9), [(2.5, 0), (2.0, -1)], pool, "2025-09-01")) == (2.25, 0)


def test_a_recap_is_never_the_main_event_beside_the_news():
    recap, news = _ev("2024-10", 4, first=6), _ev("2025-08-31", 3, first=4)
    assert _main([recap, news], "2025-09-01") is news
    assert _main([recap, news]) is recap                 # without an anchor: restated most often
    assert _main([recap], "2025-09-01") is recap         # nothing else: the recap
    assert current([recap, news], "2025-09-01") == [news]


# ================================ days told in recap clauses
def _sentences(res, text, pub="2025-06-11"):
    doc, _ = prepare_document(RawInput(doc_id="r.txt", origin="r.txt", text=text, fmt="txt"), res.config, res)
    doc.pub_date = MetaValue(pub, "test")
    return vi.analyze(doc, res).sentences


def _recap_values(res, text):
    from sukien.extract_recaps import recap_times
    out = []
    for s in _sentences(res, text):
        out += [s.times[i].value.split("T")[0] for i in sorted(recap_times(s, res.triggers))]
    return out


def test_a_day_after_a_trailing_after_clause_is_a_recap_day(res):
    assert _recap_values(res, "Hai ngoại trưởng điện đàm lần đầu, sau cuộc gặp tại Jakarta hôm 3/2.") \
        == ["2025-02-03"]


def test_a_day_after_since_is_a_recap_day(res):
    assert _recap_values(res, "Đây là chuyến thăm đầu tiên của ông tới Seoul kể từ chuyến đi hôm 21/5.") \
        == ["2025-05-21"]


def test_the_main_day_of_the_sentence_is_no_recap_day(res):
    assert _recap_values(res, "Tối 4/6, hai Thủ tướng điện đàm lần đầu, tiếp nối cuộc gặp ở Lima hôm 16/5.") \
        == ["2025-05-16"]


def test_a_fronted_after_clause_is_no_recap(res):
    assert _recap_values(res, "Sau cuộc hội đàm sáng 4/6, hai Thủ tướng gặp gỡ báo chí.") == []


def test_a_clause_break_ends_the_recap_clause(res):
    assert _recap_values(res, "Hai bên đã nhất trí sau cuộc gặp tại Lima; ngày 4/6, hai bộ trưởng ký biên bản.") == []


def test_no_cue_no_recap_day(res):
    assert _recap_values(res, "Hai nhà lãnh đạo đã gặp nhau tại Paris hôm 7/3.") == []


def _entries():
    import yaml
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "src/sukien/data/events/modality.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["recap_clauses"]


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["cue"])
def test_every_recap_cue_example_tells_its_day_in_a_recap(res, entry):
    assert len(_recap_values(res, entry["example"])) == 1
