"""Recaps: events and days an article tells from before its news (docs/EVENTS.md "Mentions →
document events", "Date").

Three parts, each a pass of document-level extraction:

* Recaps by their date: an event dated well before the article (its anchor) is background.

    A news article reports what happened in the last days; an event whose latest possible day lies more
    than ``STALE_DAYS`` before the article's anchor ("cuộc gặp ở Kazan tháng 10 năm ngoái" in a September
    article, "hôm 6/10" in a December one) is a recap. Two uses (docs/EVENTS.md "Mentions → document
    events"):

    - ``stale``: an undated restatement that fits both a recap and an event of the news ("Cuộc gặp Modi
      - Tập diễn ra trong bối cảnh ...") is the news' event (``extract_docs.cluster_and_build``, best
      match);
    - ``_main`` (extract_docs) never makes a recap the article's main event while an event of the news
      is a candidate.

* Days told in recap clauses (docs/EVENTS.md "Date"): which days "cùng ngày" / "Trước đó" skip.

    "Tối 4/12, X điện đàm với Y. Đây là cuộc điện đàm đầu tiên giữa hai bên, sau cuộc gặp ... hôm 27/10.
    ... Trước đó, sáng cùng ngày, ...": the 27th dates the earlier meeting the sentence counts from (a
    recap), not the day the article is telling; "sáng cùng ngày" is the 4th. A day inside a clause opened
    by a recap cue (modality.yaml ``recap_clauses``: "sau cuộc", "kể từ", "tiếp theo cuộc" ...) after the
    start of its sentence is such a day. ``extract_date._previous_day`` passes over it only when the day
    told before it is a later one (a recap is earlier than the news; "Hai bên họp báo sau cuộc hội đàm
    sáng 4/12" after a "tối 3/12" still tells the 4th).

* Previous talks (docs/EVENTS.md "2026-11-23 afternoon, held-out 15 round"): a dated talk told as the
    earlier one of the article's talk, without naming its sides.

    "Lần điện đàm trước đó giữa hai ngoại trưởng diễn ra hôm 4/3.", "Cuộc gặp gần nhất của hai ông là
    hôm 9/9.": a call / meeting / negotiation trigger right followed by a "previous" word (modality.yaml
    ``previous_talk``) names no sides of its own ("hai ngoại trưởng" is a reference the article resolves by
    its story); it is the earlier talk of the sides of the article's talk of the same type (the first one
    in the text naming two or more countries). It takes those sides and is background (a recap, clustered
    last, so that it never gathers the article's undated restatements). Only with a day of its own that is
    not the day of that talk: an undated "cuộc gặp trước đó" may be the talk just told. A sideless, undated
    talk noun of the next sentence ("Đó là một cuộc điện đàm kéo dài 30 phút") goes on telling the earlier
    talk: background too, so that it is clustered with it rather than with the news.
"""
from __future__ import annotations

import bisect
import calendar
import re
from datetime import date, timedelta

from .extract_merge import take_sides
from .models import EventMention
from .textnorm import match_form


# ---------------------------------------------------------------- recaps by their date

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


# ---------------------------------------------------------------- days told in recap clauses

_GAP_MAX = 120                 # characters between the cue and the day, within one clause
_BREAK = re.compile(r"[.;:!?]")


def _cue_rx(lex) -> re.Pattern | None:
    if lex is None:
        return None
    rx = lex.__dict__.get("_recap_clauses")
    if rx is None:
        items = ((getattr(lex, "raw", None) or {}).get("modality") or {}).get("recap_clauses") or []
        words = sorted({(it["cue"] if isinstance(it, dict) else it) for it in items}, key=len, reverse=True)
        alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
        rx = re.compile(r"(?<!\w)(?:%s)(?!\w)" % alts) if alts else re.compile(r"(?!x)x")
        lex.__dict__["_recap_clauses"] = rx
    return rx


def recap_times(sent, lex) -> set[int]:
    """The positions (in ``sent.times``) of the times told inside a recap clause of the sentence: a
    clause opened by a recap cue that is not the sentence's first word, with no clause break between
    the cue and the time."""
    rx = _cue_rx(lex)
    if rx is None or not sent.times:
        return set()
    mf = match_form(sent.text)
    low = mf.text
    starts = mf._starts
    cues = [(m.start(), m.end()) for m in rx.finditer(low) if low[:m.start()].strip(" \t\"'“”(-–—")]
    if not cues:
        return set()
    out = set()
    for i, t in enumerate(sent.times):
        rel = t.start - sent.start
        s = rel if starts is None else bisect.bisect_left(starts, rel)
        for cs, ce in cues:
            if ce <= s and s - ce <= _GAP_MAX and not _BREAK.search(low, ce, s):
                out.add(i)
                break
    return out


# ---------------------------------------------------------------- previous talks

_TALKS = ("phone_call", "meeting", "negotiation")


def _previous_rx(res) -> re.Pattern:
    rx = res.triggers.__dict__.get("_previous_talk")
    if rx is None:
        data = (res.triggers.raw.get("modality") or {}).get("previous_talk") or {}
        words = sorted((w["cue"] if isinstance(w, dict) else w for w in data.get("after") or []),
                       key=len, reverse=True)
        stops = sorted(data.get("not_followed_by") or [], key=len, reverse=True)
        alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
        neg = "|".join(r"\s+".join(map(re.escape, w.split())) for w in stops)
        rx = re.compile(r"\s+(?:%s)(?!\w)%s" % (alts, r"(?!\s+(?:%s)(?!\w))" % neg if neg else "")) \
            if alts else re.compile(r"(?!x)x")
        res.triggers.__dict__["_previous_talk"] = rx
    return rx


def previous_talks(mentions: list[EventMention], res) -> None:
    """Give a dated, sideless "previous" talk the sides of the article's first talk of its type."""
    rx = None
    for m in mentions:
        ev = m.evidence
        if m.participants or m.type not in _TALKS or not m.date or ev is None or not ev.sentence:
            continue
        rx = rx or _previous_rx(res)
        if not rx.match(ev.sentence.lower(), m.end - ev.start):
            continue
        for x in sorted(mentions, key=lambda x: x.start):
            cmap = x.flags.get("countries") or {}
            if x is m or x.type != m.type or not x.flags.get("asserted") or x.flags.get("background") \
                    or (x.status or "occurred") != "occurred" \
                    or len({cmap.get(p) or p for p in x.participants}) < 2:
                continue
            if x.date and (x.date == m.date or x.date.startswith(m.date) or m.date.startswith(x.date)):
                break         # the same day: not an earlier talk
            take_sides(m, x)
            m.flags["background"] = True
            # "Đó là một cuộc điện đàm kéo dài 30 phút ...": the sideless, undated talk noun of the
            # next sentence goes on telling it, clustered with the recap (not before it, into the news)
            for y in mentions:
                if y.sentence_index == m.sentence_index + 1 and y.type == m.type and y.flags.get("nominal") \
                        and not y.participants and not y.date:
                    y.flags["background"] = True
            break
