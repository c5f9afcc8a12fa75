"""Recaps by their date: an event dated well before the article (its anchor) is background.

A news article reports what happened in the last days; an event whose latest possible day lies more
than ``STALE_DAYS`` before the article's anchor ("cuộc gặp ở Kazan tháng 10 năm ngoái" in a September
article, "hôm 6/10" in a December one) is a recap. Two uses (docs/EVENTS.md "Mentions → document
events"):

- ``stale``: an undated restatement that fits both a recap and an event of the news ("Cuộc gặp Modi
  - Tập diễn ra trong bối cảnh ...") is the news' event (``extract_docs.cluster_and_build``, best
  match);
- ``_main`` (extract_docs) never makes a recap the article's main event while an event of the news
  is a candidate.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

STALE_DAYS = 30


def _last_day(d: str) -> date | None:
    """The latest day a date value (YYYY, YYYY-MM, YYYY-MM-DD, a range "A/B") may mean."""
    d = d.split("/")[-1]
    try:
        if len(d) == 4:
            return date(int(d), 12, 31)
        if len(d) == 7:
            y, m = int(d[:4]), int(d[5:7])
            return date(y, m, calendar.monthrange(y, m)[1])
        if len(d) >= 10:
            return date.fromisoformat(d[:10])
    except ValueError:
        return None
    return None


def stale(value: str | None, anchor: str | None, days: int = STALE_DAYS) -> bool:
    """Whether ``value`` (an event's date) ends more than ``days`` days before ``anchor`` (the
    article's reference day). An undated event, or an article without an anchor day, is never stale."""
    if not value or not anchor or len(anchor) < 10:
        return False
    last = _last_day(value)
    try:
        ref = date.fromisoformat(anchor[:10])
    except ValueError:
        return False
    return last is not None and last < ref - timedelta(days=days)


def current(events: list, anchor: str | None) -> list:
    """The events of ``events`` that are not stale recaps (all of them when every one is)."""
    fresh = [e for e in events if not stale(e.date, anchor)]
    return fresh or events


def recent_first(m, scored: list[tuple[float, int]], pool: list, anchor: str | None) -> list[tuple[float, int]]:
    """Scores ``(score, -index)`` of the events of ``pool`` an undated mention may join, the stale
    recaps lowered by a quarter when an event of the news is among them: less than the bonus of the
    talk just told (extract_docs: "Hôm 28/2, X gặp Y. Cuộc gặp kéo dài ..." stays the recap). A
    mention of a recap itself (``background``, ``past``) keeps its scores."""
    if len(scored) < 2 or m.date or m.flags.get("background") or m.flags.get("past"):
        return scored
    old = {ni for _, ni in scored if stale(pool[-ni].date, anchor)}
    if not old or len(old) == len(scored):
        return scored
    return [(s - 0.25 if ni in old else s, ni) for s, ni in scored]
