"""Recaps by their date (sukien.extract_recent): an event dated well before the article is background;
it never takes the news' undated restatements nor becomes the article's main event (our own values)."""
from __future__ import annotations

import pytest

from sukien.extract_cluster import _Ev
from sukien.extract_docs import _main
from sukien.extract_recent import current, recent_first, stale
from sukien.models import EventMention


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
