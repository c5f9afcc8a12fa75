"""Spans and hyphenated day-months for ``timex``: date ranges, month ranges, the weekend, and
when a day-month written with a hyphen ("14-8") is a date rather than a score or a count.

* day ranges: "8-10/1/2022", "từ 18 đến 22/8", "từ 13-8 đến 15-8", "12 và 13/11", "13 và 14-8"
  → ``range`` "2022-01-08/2022-01-10"; a year in words after them ("từ 13 đến 15/8 năm 2025",
  ``year_after``, also read by timex for "14/8 năm 2025"); across the new year without one ("từ
  28/12 đến 2/1"); consecutive days listed after "ngày" ("ngày 14, 15 và 16/8", ``day_list_start``);
* the night before a morning date, "đêm 2 rạng sáng 3/9" (``overnight``) → "2025-09-02/2025-09-03";
* month ranges: "tháng 3-4/2025", "từ tháng 3 đến tháng 5 năm nay", "tháng 11/2024 - 2/2025"
  → ``range`` "2025-03/2025-04" (month precision, ``note`` "month");
* "cuối tuần (này/qua/trước/tới)" → ``range`` of that Saturday and Sunday (``note`` "weekend").

A hyphenated pair needs a cue (``hyphen_cued``): a day word, part of the day, weekday, clock time
or "từ/đến/tới" right before it, a weekday / part of the day / clock time before it in the same
expression ("sáng thứ Năm (14-8)"), brackets right after a day word or an event noun ("hôm qua
(13-8)", "cuộc hội đàm (14-8)"), or "ngày/hôm" a few words before it ("ngày làm việc đầu tiên
14-8"). The looser cues give way to a score or count word before it ("tỷ số", "thắng",
"khoảng", "Điều") or a unit / counted noun after it ("3-4 người", "2-3 ngày").
"""
from __future__ import annotations

import re
from datetime import timedelta

from ..models import Anchor, TimeMention
from .anchor import _YEAR_REL, _YEAR_REL_AFTER, _anchor_date, _anchor_factor, _iso, _resolve_month, \
    _safe_date, _tense_hint, resolve_partial
from .temporal import TemporalLexicon

_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_CLOSE = re.compile(r"\s*\)")
_PAST = re.compile(r"(?:^|\W)đã(?!\w)")
_SOFT_CUES = ("từ", "đến", "tới", "vào")    # also before counts: "từ 3-4 người", "vào 3-4 giờ sáng"
_PREV_PAIR = re.compile(r"(?<![\d/.,-])(\d{1,2})([/-])(\d{1,2})\s*(?:,|và|hoặc|hay)\s*$")


def _mk(t, s, e, kind, value, conf=1.0, **kw) -> TimeMention:
    return TimeMention(s, e, t[s:e], kind, value, round(conf, 3), **kw)


# the year written after a day-month or a day range: "14/8 năm 2025", "(14/8) năm 2025"
_YEAR_AFTER = re.compile(r"(?:\s*\))?\s+năm\s+((?:19|20)\d\d)(?![\d/%]|[.,]\d|\w)", re.IGNORECASE)


def year_after(t: str, s: int, e: int):
    """The match of "năm YYYY" right after the mention t[s:e] (the year is group 1), or None;
    across a closing bracket only when the mention opened it ("thứ Năm (14/8) năm 2025")."""
    m = _YEAR_AFTER.match(t, e)
    if m and ")" in m.group() and t.rfind("(", s, e) <= t.rfind(")", s, e):
        return None
    return m


# "đêm 2 rạng sáng 3/9", "tối 31/8 sang sáng 1/9": the night before a morning date, its day only
_NIGHT_BEFORE = re.compile(r"(?:^|(?<=\W))(?:đêm|tối|khuya)\s+(\d{1,2})\s*(?:,|và|đến|sang|tới)?\s*$",
                           re.IGNORECASE)


def overnight(t: str, s: int, iso: str) -> int | None:
    """Where "đêm N" starts right before the dawn / morning of the date ``iso`` that starts at s
    ("đêm 2 rạng sáng 3/9"), when N is the day before it; else None."""
    m = _NIGHT_BEFORE.search(t, max(0, s - 20), s)
    if m is None or int(m.group(1)) != int(night_iso(iso)[8:10]):
        return None
    return m.start()


def night_iso(iso: str) -> str:
    """The day before the ISO date ``iso``."""
    return _iso(_safe_date(int(iso[:4]), int(iso[5:7]), int(iso[8:10])) - timedelta(days=1))


_LIST_DAY = re.compile(r"(?:^|(?<=[^\w,]))(\d{1,2})\s*,\s*$")
_LIST_HEAD = re.compile(r"(?:^|\W)(?:ngày|hôm)\s+$", re.IGNORECASE)


def day_list_start(t: str, s: int, d: int) -> tuple[int, int]:
    """Days listed before day ``d`` written at s ("ngày 14, 15 và 16/8", "các ngày 14, 15/8"): where
    the list starts and its first day, when the days are consecutive and "ngày"/"hôm" opens the
    list; else (s, d)."""
    s0, d0 = s, d
    while d0 > 1:
        m = _LIST_DAY.search(t, max(0, s0 - 8), s0)
        if m is None or int(m.group(1)) != d0 - 1:
            break
        s0, d0 = m.start(1), d0 - 1
    if s0 == s or not _LIST_HEAD.search(t, max(0, s0 - 12), s0):
        return s, d
    return s0, d0


def _valid_dm(d: int, m: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= _DAYS[m - 1]


def _prev_words(t: str, s: int, n: int = 4, hyphen: bool = True) -> list[str]:
    """Up to n lower-cased words before s, nearest first, stopping at punctuation (a word may
    hold a hyphen unless ``hyphen`` is False)."""
    words: list[str] = []
    j = s
    while len(words) < n:
        k = j
        while k > 0 and t[k - 1] in " \t":
            k -= 1
        e = k
        while k > 0 and (t[k - 1].isalpha() or (hyphen and t[k - 1] == "-")):
            k -= 1
        if k == e:
            break
        words.append(t[k:e].lower())
        j = k
    return words


def _words_before(t: str, s: int, n: int) -> list[str]:
    """Up to n lower-cased words (letters only) before s, in text order, stopping at punctuation."""
    return _prev_words(t, s, n, hyphen=False)[::-1]


def _blocked_words(words: list[str], keys: set[str]) -> bool:
    """Does one word, or two adjacent words, of ``words`` belong to ``keys``?"""
    return any(w in keys for w in words) or any(f"{a} {b}" in keys for a, b in zip(words, words[1:]))


def hyphen_cued(t: str, grp: list, date_a, lx: TemporalLexicon) -> bool:
    """Is the hyphenated day-month ``date_a`` ("14-8") a date here (see the module docstring)?"""
    s, e = date_a.start, date_a.end
    if any(a.start < s for a in grp):
        return True                          # "sáng thứ Năm (14-8)", "21h 14-8"
    m = lx.re_date_cue_before.search(t, max(0, s - 24), s)
    if m:
        if m.group().strip(" \t(,").lower() not in _SOFT_CUES:
            return True                      # "tối 13-8", "ngày 14-8", "hôm 14-8", "thứ Năm, 14-8"
        return not lx.re_count_after.match(t, e)
    if lx.re_bracket_cue_before.search(t, max(0, s - 40), s) and _CLOSE.match(t, e):
        return True                          # "hôm qua (13-8)", "cuộc hội đàm (14-8)"
    m = _PREV_PAIR.search(t, max(0, s - 16), s)
    if m and not lx.re_count_after.match(t, e):
        # a list of dates: "ngày 14-8 và 15-8" (the pair before must be a date itself)
        if m.group(2) == "/" or hyphen_cued(t, [], _Pair(m.start(), m.end(3)), lx):
            return True
    m = lx.re_day_phrase_before.search(t, max(0, s - 48), s)
    if m:
        # "ngày làm việc đầu tiên 14-8", but not "mỗi ngày có khoảng 3-4 chuyến", "ngày càng ...",
        # "ngày mai đá trận 3-1" (a relative day, not a day described)
        day, described = m.group(0).split()[0].lower(), m.group(1).lower().split()
        words = _words_before(t, m.start(), 1) + [day] + described
        if f"{day} {described[0]}" not in lx.rel_days and not _blocked_words(words, lx.hyphen_not_before) \
                and not lx.re_count_after.match(t, e):
            return True
    return False


class _Pair:
    """A day-month pair's position (for the check of the pair before it in a list)."""
    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end


def _hyphen_pair_ok(t: str, a, lx: TemporalLexicon) -> bool:
    """A range or pair written with a hyphenated day-month ("13 và 14-8", "từ 13 đến 15-8"):
    not followed by a count, not after a score word ("hòa 1 và 2-2")."""
    return not lx.re_count_after.match(t, a.end) and \
        not _blocked_words(_words_before(t, a.start, 2), lx.hyphen_not_before)


def _dot_pair_ok(t: str, a, lx: TemporalLexicon, year: str | None) -> bool:
    """A range or pair written with a dotted day-month ("từ 9 đến 11.3", "12 và 13.3", the Thanh
    Niên style): as for the hyphen, and it needs a year written, "ngày" inside it ("từ ngày 9 đến
    11.3") or a date cue before it ("trong hai ngày 12 và 13.3") — "từ 2 đến 3.5" is two numbers."""
    if not _hyphen_pair_ok(t, a, lx):
        return False
    if year or re.search(r"(?<!\w)ngày(?!\w)", t[a.start:a.end], re.I):
        return True
    return hyphen_cued(t, [], _Pair(a.start, a.end), lx) and \
        not lx.re_count_after.match(t, a.end)


def build_range(t: str, a, anchor: Anchor, lx: TemporalLexicon) -> TimeMention | None:
    g = a.g
    start = a.start
    if a.kind == "range":
        d1, d2, m1, m2, y = int(g["r_d1"]), int(g["r_d2"]), int(g["r_m"]), int(g["r_m"]), g.get("r_y")
        y1 = y
    elif a.kind == "andpair":
        if g["v_s"] == "-" and not _hyphen_pair_ok(t, a, lx):
            return None
        if g["v_s"] == "." and not _dot_pair_ok(t, a, lx, g.get("v_y")):
            return None
        d1, d2, m1, m2, y = int(g["v_d1"]), int(g["v_d2"]), int(g["v_m"]), int(g["v_m"]), g.get("v_y")
        y1 = y
        start, d1 = day_list_start(t, a.start, d1)     # "ngày 14, 15 và 16/8"
    else:
        if g["w_s"] == "-" and not _hyphen_pair_ok(t, a, lx):
            return None
        if g["w_s"] == "." and not _dot_pair_ok(t, a, lx, g.get("w_y2")):
            return None
        d1, d2, m2 = int(g["w_d1"]), int(g["w_d2"]), int(g["w_m2"])
        m1 = int(g["w_m1"]) if g.get("w_m1") else m2
        y, y1 = g.get("w_y2"), g.get("w_y1") or g.get("w_y2")
    if not (_valid_dm(d1, m1) and _valid_dm(d2, m2)):
        return None
    e = a.end
    ym = None if y else year_after(t, a.start, e)
    if ym:                                       # "từ 13 đến 15/8 năm 2025", "từ 28/12 đến 2/1 năm 2025"
        y, e = ym.group(1), ym.end()
        y1 = y1 or (y if (m1, d1) < (m2, d2) else str(int(y) - 1))
    # a later month first crosses the new year: "từ 28/12 đến 2/1", "từ 30-12 đến 2-1" (no year
    # written; with hyphens only December to January: "từ 5-6 đến 3-4" is more likely two counts)
    new_year = m1 > m2 and not y1 and not y and (g.get("w_s") == "/" or (m1, m2) == (12, 1))
    if (m1, d1) >= (m2, d2) and not (y1 and y and int(y1) < int(y)) and not new_year:
        return None
    if y:
        a1, a2 = _safe_date(int(y1), m1, d1), _safe_date(int(y), m2, d2)
        if not a1 or not a2:
            return None
        return _mk(t, start, e, "range", f"{_iso(a1)}/{_iso(a2)}", 1.0)
    end_iso, conf = resolve_partial(d2, m2, anchor)
    yy = end_iso[:4]
    if new_year and yy.isdigit():
        if _safe_date(int(yy) - 1, m1, d1) is None:
            return None
        yy = f"{int(yy) - 1:04d}"
    return _mk(t, start, a.end, "range", f"{yy}-{m1:02d}-{d1:02d}/{end_iso}", conf, relative=True,
               note="year:nearest")


def build_month_range(t: str, a, anchor: Anchor) -> TimeMention | None:
    """"tháng 3-4/2025", "từ tháng 3 đến tháng 5 năm nay" → "2025-03/2025-05" (month precision)."""
    g = a.g
    m1, m2 = int(g["mr_m1"]), int(g["mr_m2"])
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or m1 == m2 and not g.get("mr_y1"):
        return None
    y1 = int(g["mr_y1"]) if g.get("mr_y1") else None
    y2 = int(g["mr_y2"]) if g.get("mr_y2") else None
    e = a.end
    conf, relative, note = 1.0, False, "month"
    if y1 is None and y2 is not None:
        y1 = y2 if m1 < m2 else y2 - 1
    elif y2 is None and y1 is not None:
        y2 = y1 if m2 > m1 else y1 + 1
    elif y1 is None:
        ad = _anchor_date(anchor)
        ym = _YEAR_REL_AFTER.match(t.lower(), e)
        relative = True
        if ym and ad is not None:           # "từ tháng 3 đến tháng 5 năm nay"
            y2 = ad.year + _YEAR_REL[ym.group(1)]
            y1 = y2 if m1 < m2 else y2 - 1
            e, conf, note = ym.end(), 0.9 * _anchor_factor(anchor), "month;year:words"
        else:
            val, conf = _resolve_month(m1, anchor, _tense_hint(t.lower(), a.start))
            if val.startswith("X"):
                return _mk(t, a.start, e, "range", f"XXXX-{m1:02d}/XXXX-{m2:02d}", conf, relative=True, note=note)
            y1 = int(val[:4])
            y2 = y1 if m2 > m1 else y1 + 1
            note = "month;year:nearest"
    if (y1, m1) >= (y2, m2):
        return None
    return _mk(t, a.start, e, "range", f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}", conf, relative=relative, note=note)


def build_weekend(t: str, a, rel: str, lx: TemporalLexicon, anchor: Anchor) -> TimeMention:
    """"cuối tuần (này/qua/trước/tới)": that Saturday and Sunday. Bare "cuối tuần" is the weekend
    nearest the anchor (ties: the past one), the coming one when the sentence says it is planned
    ("sẽ", "dự kiến"), the last one when it says it is past ("đã", "hồi")."""
    ad = _anchor_date(anchor)
    before = [w for w in _words_before(t, a.start, 3) if w not in ("ngày", "dịp", "vào")]
    if not rel and before and before[-1] in lx.generic_cues:
        return _mk(t, a.start, a.end, "vague", None, 0.6, note="weekend;generic")   # "vào các ngày cuối tuần"
    if ad is None:
        return _mk(t, a.start, a.end, "vague", None, 0.5, relative=True, note="weekend")
    monday = ad - timedelta(days=ad.weekday())
    last_sat = ad - timedelta(days=(ad.weekday() - 5) % 7 or 7)      # the last Saturday before the anchor
    conf = 0.9
    if rel in ("qua", "vừa qua"):
        sat = last_sat
    elif rel == "trước":
        sat = monday - timedelta(days=2)
    elif rel in ("tới", "sau"):
        sat = monday + timedelta(days=12)
    elif rel in ("này", "nay"):
        sat = monday + timedelta(days=5)
    else:
        conf = 0.75
        sentence = _clause(t, a.start, a.end)
        this_sat = monday + timedelta(days=5)
        if ad >= this_sat:
            sat = this_sat                   # during the weekend
        elif lx.re_future_cue.search(sentence):
            sat = this_sat
        elif _PAST.search(sentence) or _tense_hint(t.lower(), a.start) < 0:
            sat = last_sat
        else:                                # Monday–Wednesday: the one just past; Thursday, Friday: the coming one
            sat = this_sat if (this_sat - ad).days < ad.weekday() + 1 else last_sat
    conf *= _anchor_factor(anchor)
    note = "weekend" + (f";{rel.replace(' ', '_')}" if rel else "")
    return _mk(t, a.start, a.end, "range", f"{_iso(sat)}/{_iso(sat + timedelta(days=1))}", conf,
               relative=True, note=note)


def _clause(t: str, s: int, e: int) -> str:
    """The sentence around t[s:e] (from the last sentence end before s to the next one after e)."""
    b = max(t.rfind(".", 0, s), t.rfind("\n", 0, s), t.rfind("!", 0, s), t.rfind("?", 0, s))
    ends = [k for k in (t.find(".", e), t.find("\n", e), t.find("!", e), t.find("?", e)) if k >= 0]
    return t[b + 1:min(ends) if ends else len(t)].lower()


__all__ = ["build_range", "build_month_range", "build_weekend", "hyphen_cued"]
