"""The anchor of a document and the resolution of dates written without a year.

``infer_anchor`` gives the reference date (the publication date, else one inferred from the kept
text, with low confidence). ``resolve_partial`` picks the year of a day/month (the one nearest
the anchor, checked against a stated weekday); ``_resolve_dm_hint`` / ``_resolve_month`` move it
by a past/future hint of the words around it (``_tense_hint``). Never today's clock.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, timedelta

from ..models import Anchor, Segment
from .numbers import parse_number
from .temporal import TemporalLexicon


def _iso(d: date) -> str:
    return d.isoformat()


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _anchor_date(anchor: Anchor | None) -> date | None:
    if anchor is None or not anchor.date:
        return None
    try:
        return date.fromisoformat(anchor.date[:10])
    except ValueError:
        return None


def _anchor_factor(anchor: Anchor) -> float:
    return 0.6 + 0.4 * max(0.0, min(1.0, anchor.confidence))


def resolve_partial(day: int, month: int, anchor: Anchor, weekday: int | None = None) -> tuple[str, float]:
    """The ISO date of day/month without a year, and a confidence.

    The year is the one that puts the date nearest the anchor (news reports the recent past or
    the near future). A stated weekday (Monday=0) checks the choice: if the nearest year does not
    match but the neighbouring one does, the weekday wins. Without an anchor the year is unknown
    ("XXXX-MM-DD", low confidence).
    """
    a = _anchor_date(anchor)
    if a is None:
        return f"XXXX-{month:02d}-{day:02d}", 0.3
    cands = []
    for y in (a.year - 1, a.year, a.year + 1):
        d = _safe_date(y, month, day)
        if d is not None:
            cands.append((abs((d - a).days), d))
    if not cands:
        return f"XXXX-{month:02d}-{day:02d}", 0.2
    cands.sort(key=lambda c: (c[0], c[1] > a))     # ties: prefer the past
    dist, best = cands[0]
    conf = 0.95 if dist <= 120 else (0.8 if dist <= 183 else 0.6)
    if weekday is not None:
        if best.weekday() == weekday:
            conf = min(1.0, conf + 0.05)
        else:
            match = [c for c in cands if c[1].weekday() == weekday]
            if match:
                dist, best = match[0]
                conf = 0.75
            else:
                conf = min(conf, 0.5)
    return _iso(best), round(conf * _anchor_factor(anchor), 3)


_PAST_BEFORE = re.compile(r"(?:^|\W)(?:(?:hồi|kể từ|từ hồi|hồi đầu|trước đó vào)\s+(?:\w+\s+){0,2}|hôm\s+)$")
_FUTURE_BEFORE = re.compile(r"(?:^|\W)(?:sẽ|dự kiến|dự định|sắp|kế hoạch|chuẩn bị)(?!\w)")
_PAST_WORDS = ("hồi", "từ", "trước đó vào", "hôm")           # every _PAST_BEFORE match holds one
_FUTURE_WORDS = ("sẽ", "dự kiến", "dự định", "sắp", "kế hoạch", "chuẩn bị")   # the _FUTURE_BEFORE words
_YEAR_REL_AFTER = re.compile(r"\s+năm\s+(nay|ngoái|trước|tới|sau)(?!\w)")
_YEAR_REL = {"nay": 0, "ngoái": -1, "trước": -1, "tới": 1, "sau": 1}


def _tense_hint(lt: str, s: int) -> int:
    """-1 when the words before a date say it is past ("hồi tháng 6", "kể từ tháng 3"), +1 when the
    clause says it is planned ("sẽ", "dự kiến"), else 0."""
    b = max(lt.rfind(".", 0, s), lt.rfind("\n", 0, s), lt.rfind(";", 0, s), s - 80)
    before = lt[b + 1:s]
    # each pattern needs one of its words: a substring test first saves the regex scan
    if any(w in before for w in _PAST_WORDS) and _PAST_BEFORE.search(before):
        return -1
    if any(w in before for w in _FUTURE_WORDS) and _FUTURE_BEFORE.search(before):
        return 1
    return 0


def _resolve_dm_hint(day: int, month: int, anchor: Anchor, weekday: int | None, hint: int) -> tuple[str, float]:
    """resolve_partial, but a past/future hint moves a date that fell on the wrong side of the anchor."""
    iso, conf = resolve_partial(day, month, anchor, weekday)
    a = _anchor_date(anchor)
    if not hint or a is None or iso.startswith("X") or weekday is not None:
        return iso, conf
    d = date.fromisoformat(iso)
    if hint < 0 and d > a + timedelta(days=1):
        alt = _safe_date(d.year - 1, month, day)
        if alt:
            return _iso(alt), round(conf * 0.9, 3)
    if hint > 0 and d < a - timedelta(days=1):
        alt = _safe_date(d.year + 1, month, day)
        if alt and (alt - a).days <= 366:
            return _iso(alt), round(conf * 0.9, 3)
    return iso, conf


def _resolve_month(month: int, anchor: Anchor, hint: int = 0) -> tuple[str, float]:
    """The year of a month written without one (nearest the anchor; a past/future hint can move it)."""
    val, conf = _resolve_month_nearest(month, anchor)
    a = _anchor_date(anchor)
    if hint and a is not None and not val.startswith("X"):
        y = int(val[:4])
        if hint < 0 and (y, month) > (a.year, a.month):
            return f"{y - 1:04d}-{month:02d}", round(conf * 0.9, 3)
        if hint > 0 and (y, month) < (a.year, a.month):
            return f"{y + 1:04d}-{month:02d}", round(conf * 0.9, 3)
    return val, conf


def _resolve_month_nearest(month: int, anchor: Anchor) -> tuple[str, float]:
    a = _anchor_date(anchor)
    if a is None:
        return f"XXXX-{month:02d}", 0.3
    best = min((a.year - 1, a.year, a.year + 1), key=lambda y: (abs((y * 12 + month) - (a.year * 12 + a.month)), y > a.year))
    dist = abs((best * 12 + month) - (a.year * 12 + a.month))
    conf = 0.9 if dist <= 3 else (0.75 if dist <= 6 else 0.55)
    return f"{best:04d}-{month:02d}", round(conf * _anchor_factor(anchor), 3)


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))



def _background_month(text: str, months: list[tuple[int, int, int]], year: int, latest: date) -> bool:
    """Is the year of the stated years a background milestone's rather than the news'? The
    latest month-year of that year ("nâng cấp quan hệ vào tháng 11-2023") comes three months or
    more after every year-less day-month of the text (the news, "sáng 28-4"), and is not planned
    ("sẽ", "dự kiến"; a trip "vào đầu tháng 8/2022" a few days after the news is no milestone):
    the news follows it, in a year the text does not say — no anchor rather than a wrong year."""
    own = [(m, s) for y, m, s in months if y == year]
    if not own:
        return False
    m, s = max(own)
    if (m - latest.month) < 3 or latest.year != year:
        return False
    return _tense_hint(text.lower(), s) <= 0


def _weekday_denies(weekdays: list[tuple[int, int, int]], base: date) -> bool:
    """Does a stated weekday deny the inferred year? "hôm thứ Sáu (8/8)" in a text whose only year is
    a background "Năm 2023, ...": 8/8 is a Friday in no year next to 2023, so the news is in a year
    the text does not say. ``infer_anchor`` then takes the first later year that every stated
    weekday fits (the news follows its background), else no anchor rather than a stale one."""
    for month, day, wd in weekdays:
        ys = [y for y in (base.year - 1, base.year, base.year + 1)
              if (d := _safe_date(y, month, day)) is not None and d.weekday() == wd]
        if not ys:
            return True
    return False


def infer_anchor(text: str, segments: list[Segment], pub_date: str | None, res) -> Anchor:
    """The reference date for a document.

    A publication date wins (confidence 1). Otherwise, from the kept segments only (removed
    boilerplate never counts): the latest explicit full date ("inferred:latest_full_date");
    else a year from "N năm qua" of a known conflict (data: conflict start dates) or the
    latest stated year, refined by the latest day/month written in the text
    ("inferred:conflict_years", "inferred:stated_years"), with low confidence.
    Anchor(None, "none", 0) when nothing is found, when the latest stated month-year is a
    background milestone months after every day-month of the text (``_background_month``), or
    when a stated weekday fits no year next to the inferred one nor a few years later
    (``_weekday_denies``; "inferred:weekday_years" when a later year fits).
    """
    if pub_date:
        p = str(pub_date).strip()[:10]
        try:
            date.fromisoformat(p)
            return Anchor(p, "pub_date", 1.0)
        except ValueError:
            pass
    lx: TemporalLexicon = res.temporal if not isinstance(res, TemporalLexicon) else res
    spans = [(sg.start, sg.end) for sg in segments] if segments else [(0, len(text))]
    full: list[date] = []
    partial: list[tuple[int, int]] = []
    weekdays: list[tuple[int, int, int]] = []     # year-less day-months with a stated weekday
    years: list[int] = []
    months: list[tuple[int, int, int]] = []
    conflict_years: list[tuple[int, date]] = []
    none = Anchor(None, "none", 0.0)
    lt: str | None = None              # the lower-cased text, made when a stated year needs its tense
    planned_years: list[int] = []
    from .timex import _find_times          # timex imports this module: import at call time
    for s, e in spans:
        for tm in _find_times(text, s, e, none, res, bind_back=False):
            v = tm.value
            if not v:
                continue
            if tm.kind == "range":
                v = v.split("/")[-1]
            if tm.kind in ("date", "datetime", "range"):
                if len(v) < 10:
                    if tm.kind == "range" and v[:4].isdigit() and not tm.relative:
                        years.append(int(v[:4]))     # a month range: "tháng 3-4/2025"
                    continue
                if v[:1].isdigit() and not tm.relative:
                    d = _safe_date(int(v[:4]), int(v[5:7]), int(v[8:10]))
                    if d:
                        full.append(d)
                elif v.startswith("XXXX-") and len(v) >= 10:
                    partial.append((int(v[5:7]), int(v[8:10])))
                    if ";weekday" in (tm.note or ""):        # "thứ Sáu (8/8)": the weekday was read
                        tl = " ".join(unicodedata.normalize("NFC", tm.text).lower().split())
                        wd = max((k for k in lx.weekdays if k in tl), key=len, default=None)
                        if wd is not None:
                            weekdays.append((int(v[5:7]), int(v[8:10]), lx.weekdays[wd]))
            elif tm.kind in ("year", "partial_date") and not tm.relative and v[:4].isdigit():
                lt = lt if lt is not None else text.lower()
                if _tense_hint(lt, tm.start) > 0:
                    # "dự kiến tổ chức trưng cầu vào năm 2027": a plan's year, later than the news'
                    # — used only when the text states no other year
                    planned_years.append(int(v[:4]))
                    if len(v) == 7 and v[5:7].isdigit():
                        months.append((int(v[:4]), int(v[5:7]), tm.start))
                    continue
                years.append(int(v[:4]))
                if len(v) == 7 and v[5:7].isdigit():
                    months.append((int(v[:4]), int(v[5:7]), tm.start))    # "tháng 11-2023"
        seg = text[s:e]
        low = unicodedata.normalize("NFC", seg).lower()
        if "năm qua" not in low and "năm nay" not in low:
            continue
        for m in lx.re_years_past.finditer(low):
            n = parse_number(m.group(1), lx.numbers)
            if n is None or n != int(n) or not 0 < n < 80:
                continue
            window = low[max(0, m.start() - 150):m.end() + 150]
            for c in lx.conflicts:
                if any(cue in window for cue in c["cues"]):
                    st = date.fromisoformat(c["start"])
                    conflict_years.append((int(n), st))
                    break
    if full:
        return Anchor(_iso(max(full)), "inferred:latest_full_date", 0.5)
    base: date | None = None
    how = None
    conf = 0.0
    if conflict_years:
        n, st = max(conflict_years, key=lambda c: (c[1] + timedelta(days=365 * c[0])))
        base = _safe_date(st.year + n, st.month, st.day) or date(st.year + n, st.month, 28)
        how, conf = "conflict_years", 0.35
    years = years or planned_years
    if years:
        y = max(years)
        if base is None or y > base.year:
            base, how, conf = date(y, 7, 1), "stated_years", 0.2
    if base is None:
        return Anchor(None, "none", 0.0)
    if _weekday_denies(weekdays, base):
        # the news follows its background year: the first later year every stated weekday fits
        y = next((y for y in range(base.year + 2, base.year + 7)
                  if all((x := _safe_date(y, mo, d)) is not None and x.weekday() == wd for mo, d, wd in weekdays)),
                 None)
        if y is None:
            return Anchor(None, "none", 0.0)
        base, how, conf = date(y, 7, 1), "weekday_years", 0.15
    if partial:
        tmp = Anchor(_iso(base), "tmp", 1.0)
        cands = [date.fromisoformat(resolve_partial(d, mo, tmp)[0]) for mo, d in partial]
        same = [c for c in cands if abs((c - base).days) <= 330]
        if same and how == "stated_years" and _background_month(text, months, base.year, max(same)):
            return Anchor(None, "none", 0.0)
        if same:
            return Anchor(_iso(max(same)), f"inferred:{how}+partial_dates", round(conf - 0.05, 2))
    return Anchor(_iso(base), f"inferred:{how}", conf)


__all__ = ["infer_anchor", "resolve_partial"]
