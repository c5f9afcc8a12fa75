"""Vietnamese time expressions: recognition and TIMEX3-like normalization.

``find_times`` scans a span of a text for dates, partial dates, times of day, date ranges and
relative / vague expressions, and normalizes them against the document's :class:`Anchor`
(its publication date, else an inferred one, see ``infer_anchor``). Offsets are absolute into
the text.

How it works: one compiled alternation finds *atoms* (a numeric date, "tháng 11/2024", "năm
2022", a weekday, a part of the day, "21h37", "theo giờ Moscow", "hôm qua" ...); adjacent atoms
separated only by spaces, commas, brackets and glue words ("ngày", "lúc", "vào") merge into one
mention ("tối 19/5 (theo giờ Việt Nam)", "thứ Ba (ngày 18/3)", "21h37 ngày 12/2 theo giờ
Moscow"). Durations ("90 phút", "30 ngày", "14 năm tù"), percentages, decimals, scores and
ordinals ("lần thứ hai", "cuộc điện đàm thứ ba") never produce a mention.

Values: full dates "2025-03-18"; a date without a year gets the year that puts it nearest to
the anchor (checked against a stated weekday), ``relative=True``; with no anchor the year is
unknown: "XXXX-03-18". Months "2024-11", years "2022", times "T13:00" (no date) or datetimes
"2025-02-12T21:37", ranges "2022-01-08/2022-01-10". Vague expressions have value None.
``note`` says how a value was reached ("year:nearest", "weekday:checked", "same_day",
"offset:-1d", "early"/"mid"/"late" ...).

Language knowledge lives in ``data/vi/temporal.yaml``; compiled patterns live on the
:class:`TemporalLexicon` instance (``res.temporal``).
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..models import Anchor, Segment, TimeMention
from .numbers import (NumberLexicon, _alt, _blocked_spans, _in_blocked, _nfc_lower, _scan_form, _trie_pattern,
                      lower_same_length)

_L = r"(?<![\w])"
_R = r"(?![\w])"
_NUMEND = r"(?![\d/%]|[.,]\d|\w)"       # end of a date number: not more digits, not a decimal, not %


@dataclass
class _Atom:
    kind: str            # dmy dm dm_dash dwords month year edge_rel time weekday rel_day same rel_period offset vague pod tz range
    start: int
    end: int
    g: dict[str, Any] = field(default_factory=dict)


@dataclass
class TemporalLexicon:
    """Temporal vocabulary and compiled patterns, built once per ``Resources``."""
    weekdays: dict[str, int] = field(default_factory=dict)
    ordinal_nouns: set[str] = field(default_factory=set)
    day_cues: set[str] = field(default_factory=set)
    pods: dict[str, tuple[str, bool]] = field(default_factory=dict)
    rel_days: dict[str, tuple[int, str | None]] = field(default_factory=dict)
    same_day: set[str] = field(default_factory=set)
    rel_periods: dict[str, tuple[str, int]] = field(default_factory=dict)
    offset_units: dict[str, str] = field(default_factory=dict)
    offset_dirs: dict[str, int] = field(default_factory=dict)
    edges: dict[str, str] = field(default_factory=dict)
    vague: dict[str, str] = field(default_factory=dict)
    timezones: dict[str, str] = field(default_factory=dict)
    month_names: dict[str, int] = field(default_factory=dict)
    conflicts: list[dict] = field(default_factory=list)
    numbers: NumberLexicon | None = None
    fam_by_key: dict = field(default_factory=dict)
    fam_digit: Any = None
    fam_offset: Any = None
    unit_words: set[str] = field(default_factory=set)
    re_trig: Any = None
    re_numword_back: Any = None
    re_gap: Any = None
    re_years_past: Any = None
    re_future_cue: Any = None
    re_fraction_after: Any = None
    re_date_cue_before: Any = None

    @classmethod
    def load(cls, res) -> "TemporalLexicon":
        data = res.load_yaml("vi/temporal.yaml")
        numbers = NumberLexicon.from_data(res.load_yaml("vi/numbers.yaml"), data)
        return cls.from_data(data, numbers)

    @classmethod
    def from_data(cls, data: dict, numbers: NumberLexicon | None = None) -> "TemporalLexicon":
        lx = cls()
        k = _nfc_lower
        lx.weekdays = {k(e["key"]): int(e["weekday"]) for e in data.get("weekdays", [])}
        lx.ordinal_nouns = {k(e["key"]) for e in data.get("ordinal_nouns", [])}
        lx.day_cues = {k(e["key"]) for e in data.get("day_cues", [])}
        lx.pods = {k(e["key"]): (e["value"], bool(e.get("pm"))) for e in data.get("parts_of_day", [])}
        lx.rel_days = {k(e["key"]): (int(e["offset"]), e.get("part_of_day")) for e in data.get("relative_days", [])}
        lx.same_day = {k(e["key"]) for e in data.get("same_day", [])}
        lx.rel_periods = {k(e["key"]): (e["unit"], int(e["offset"])) for e in data.get("relative_periods", [])}
        lx.offset_units = {k(e["key"]): e["unit"] for e in data.get("offset_units", [])}
        lx.offset_dirs = {k(e["key"]): int(e["sign"]) for e in data.get("offset_directions", [])
                          if not e.get("prefix")}
        lx.edges = {k(e["key"]): e["value"] for e in data.get("edges", [])}
        lx.vague = {k(e["key"]): e.get("note", "") for e in data.get("vague", [])}
        lx.timezones = {k(e["key"]): e["tz"] for e in data.get("timezones", [])}
        lx.conflicts = [dict(e, cues=[k(c) for c in e.get("cues", [])]) for e in data.get("conflicts", [])]
        lx.month_names = {k(e["key"]): int(e["month"]) for e in data.get("month_names", [])}
        lx.numbers = numbers
        lx._compile()
        return lx

    def _compile(self) -> None:
        f = re.IGNORECASE
        wd = _alt(self.weekdays)
        pod = _alt(self.pods)
        edge = _alt(self.edges)
        reld = _alt(self.rel_days)
        same = _alt(self.same_day)
        relp = _alt(self.rel_periods)
        vag = _alt(self.vague)
        tz = _alt(self.timezones)
        ou = _alt(self.offset_units)
        od = _alt(self.offset_dirs)
        numw = r"(?:\d{1,3}|nửa|một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười|mười\s+\w+|\w+\s+mươi(?:\s+\w+)?|vài|mấy|dăm)"
        P = {
            # 8-10/1/2022 ; 18-22/8
            "range": rf"(?P<r_d1>\d{{1,2}})\s*[-–]\s*(?P<r_d2>\d{{1,2}})/(?P<r_m>\d{{1,2}})(?:/(?P<r_y>\d{{4}}))?{_NUMEND}",
            # từ (ngày) 18(/8) đến (ngày) 22/8(/2024)
            "rangew": rf"từ\s+(?:ngày\s+)?(?P<w_d1>\d{{1,2}})(?:/(?P<w_m1>\d{{1,2}}))?(?:/(?P<w_y1>\d{{4}}))?"
                      rf"\s*(?:đến|tới|-|–)\s*(?:ngày\s+)?(?P<w_d2>\d{{1,2}})/(?P<w_m2>\d{{1,2}})(?:/(?P<w_y2>\d{{4}}))?{_NUMEND}",
            # 12 và 13/11 (two consecutive days; other pairs are left to the plain d/m pattern)
            "andpair": rf"(?P<v_d1>\d{{1,2}})\s+và\s+(?:ngày\s+)?(?P<v_d2>\d{{1,2}})/(?P<v_m>\d{{1,2}})(?:/(?P<v_y>\d{{4}}))?{_NUMEND}",
            # 18/3/2025, 18-3-2025, 18.3.2025
            "dmy": rf"(?P<a_d>\d{{1,2}})(?P<a_s>[/.-])(?P<a_m>\d{{1,2}})(?P=a_s)(?P<a_y>\d{{4}}){_NUMEND}",
            # ngày 12 tháng 2 (năm 2025)
            "dwords": rf"ngày\s+(?P<b_d>\d{{1,2}})\s+tháng\s+(?P<b_m>\d{{1,2}})(?:\s*,?\s*năm\s+(?P<b_y>\d{{4}}))?{_R}",
            # (đầu) tháng 11/2024 ; tháng 1 năm 2026 ; tháng 3
            "month": rf"(?:(?P<c_edge>{edge})\s+)?tháng\s+(?P<c_m>\d{{1,2}})(?:\s*(?:/|-|,?\s*năm\s+)\s*(?P<c_y>\d{{4}}))?(?![\d/]|[.,]\d|\w)",
            # tháng Năm (May), tháng Mười Hai năm 2024
            "month_word": rf"(?:(?P<n_edge>{edge})\s+)?tháng\s+(?P<n_m>{_alt(self.month_names) or '(?!)'})"
                          rf"(?:\s*(?:/|,?\s*năm\s+)\s*(?P<n_y>\d{{4}}))?(?![\w/])",
            # quý I/2025, quý 3 năm 2024
            "quarter": rf"quý\s+(?P<q_n>iv|i{{1,3}}|[1-4])(?:\s*(?:/|,?\s*năm\s+)\s*(?P<q_y>\d{{4}}))?(?![\w/])",
            # 2025-12-29
            "iso": rf"(?P<i_y>(?:19|20)\d\d)-(?P<i_m>\d{{1,2}})-(?P<i_d>\d{{1,2}})(?![\d/]|[.,]\d|\w)",
            # (cuối) năm 2022
            "year": rf"(?:(?P<y_edge>{edge})\s+)?năm\s+(?P<y_y>(?:19|20)\d\d){_NUMEND}",
            # 12/2 ; 19-5 (only after a cue)
            "dm": rf"(?P<d_d>\d{{1,2}})(?P<d_s>[/-])(?P<d_m>\d{{1,2}})(?![\d/%-]|[.,]\d|\w)",
            # 21h37, 13h, 21:37, 21 giờ 37 (phút)
            "time": rf"(?P<t_h>\d{{1,2}})\s*(?P<t_s>h|g|:|giờ)\s*(?P<t_m>\d{{2}})?(?:\s*phút)?(?!\w)"
                    rf"(?:\s+(?P<t_pod>{pod})(?!\w)(?!\s+(?:nay|qua|mai)(?!\w)))?",
            # (kể từ) đầu năm (nay)
            "edge_rel": rf"(?P<e_edge>{edge})\s+(?P<e_unit>năm|tháng|tuần)(?:\s+(?P<e_rel>nay|này|ngoái|trước|tới|sau))?{_R}",
            "weekday": rf"(?P<wd>{wd})(?:\s+(?P<wd_rel>tuần\s+(?:này|trước|tới|sau|qua)|vừa\s+qua|tới|này|trước){_R})?{_R}",
            "rel_day": rf"(?:{reld}){_R}",
            "same": rf"(?:{same}){_R}",
            "rel_period": rf"(?:{relp}){_R}",
            "offset": rf"(?:(?P<o_pre>cách\s+đây)\s+(?:(?P<o_q>chưa\s+đầy|chưa\s+tới|gần|hơn|khoảng|chừng|đúng|tròn)\s+)?)?(?P<o_n>{numw})\s+(?P<o_u>{ou})"
                      rf"(?:\s+(?P<o_dir>{od}))?(?:\s+(?P<o_ref>khi|đó))?{_R}",
            "vague": rf"(?:{vag}){_R}",
            "pod": rf"(?:{pod}){_R}",
            "tz": rf"(?:theo\s+)?giờ\s+(?P<tz_name>{tz}){_R}|(?P<tz_off>(?:gmt|utc)\s*[+-]\s*\d{{1,2}}){_R}|(?P<tz_bare>gmt|utc){_R}",
        }

        def family(*names):
            pat = "|".join(f"(?P<{n}>{P[n]})" for n in names)
            return re.compile(pat), names

        # Scanning: one trie of trigger words (and digits) over the lower-cased text finds
        # candidate positions; the family of atom patterns for that trigger is then tried there.
        fam_digit = family("iso", "range", "andpair", "dmy", "dm", "time", "offset")
        fam = {}

        def add(keys, *names):
            for k in keys:
                fam.setdefault(k, [])
                for n in names:
                    if n not in fam[k]:
                        fam[k].append(n)

        D = [str(i) for i in range(10)]
        units = list(self.offset_units)
        dirs = list(self.offset_dirs)
        add(self.weekdays, "weekday")
        add(self.rel_days, "rel_day")
        add(self.same_day, "same")
        add(self.rel_periods, "rel_period")
        add(self.vague, "vague")
        # a part of the day only matters before a date/weekday ("tối 19/5", "sáng thứ Hai");
        # after a clock time it is read by the time pattern ("9h sáng")
        add([f"{p} {x}" for p in self.pods for x in D + ["ngày", "hôm", "thứ", "chủ nhật"]], "pod")
        add([f"{e} {u}" for e in self.edges for u in ("tháng", "năm", "tuần")], "month", "month_word", "year", "edge_rel")
        add([f"tháng {m}" for m in self.month_names], "month_word")
        add([f"quý {q}" for q in ("i", "ii", "iii", "iv", "1", "2", "3", "4")], "quarter")
        add([f"ngày {d}" for d in D], "dwords")
        add([f"tháng {d}" for d in D], "month")
        add([f"năm {d}" for d in D], "year")
        add([f"từ {d}" for d in D] + ["từ ngày"], "rangew")
        add(["cách đây"], "offset")
        # "hai ngày sau", "vài hôm trước": the number word before is found by looking back
        add([f"{u} {d}" for u in units for d in dirs], "offset_back")
        add([f"giờ {z}" for z in self.timezones] + [f"theo giờ {z}" for z in self.timezones], "tz")
        add(["gmt", "utc"], "tz")
        order = list(P)
        self.fam_by_key = {}
        for k, v in fam.items():
            names = sorted((x for x in v if x != "offset_back"), key=order.index)
            self.fam_by_key[k] = (family(*names) if names else None, "offset_back" in v)
        self.fam_digit = fam_digit
        self.fam_offset = family("offset")
        self.unit_words = set(self.offset_units)
        self.re_trig = re.compile(_trie_pattern(list(fam) + [str(i) for i in range(10)]))
        self.re_numword_back = re.compile(
            r"(?:^|(?<=[^\w]))(?:nửa|một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười(?:\s+\w+)?|\w+\s+mươi(?:\s+\w+)?|vài|mấy|dăm)\s+$")
        self.re_gap = re.compile(r"^[\s,]*(?:[()]\s*)?(?:(?:ngày|hôm|lúc|vào|vào lúc|vào ngày|tức|tức là|,)\s*)*(?:[()]\s*)?$", f)
        self.re_years_past = re.compile(rf"{_L}(?:hơn|gần|khoảng|suốt|trong)?\s*({numw})\s+năm\s+(?:qua|nay){_R}", f)
        self.re_future_cue = re.compile(r"(?:^|\W)(?:sẽ|dự kiến|dự định|sắp|kế hoạch)(?!\w)", f)
        self.re_fraction_after = re.compile(
            r"\s+(?:số|dân số|diện tích|lãnh thổ|tổng|trong số|thành viên|phiếu|cử tri|lượng|trường hợp)(?!\w)", f)
        self.re_date_cue_before = re.compile(
            rf"(?:^|(?<=\W))(?:ngày|hôm|vào|từ|đến|tới|{pod}|{wd})\s*[(,]?\s*$", f)


# ----------------------------------------------------------------------------- resolution

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
_YEAR_REL_AFTER = re.compile(r"\s+năm\s+(nay|ngoái|trước|tới|sau)(?!\w)")
_YEAR_REL = {"nay": 0, "ngoái": -1, "trước": -1, "tới": 1, "sau": 1}


def _tense_hint(lt: str, s: int) -> int:
    """-1 when the words before a date say it is past ("hồi tháng 6", "kể từ tháng 3"), +1 when the
    clause says it is planned ("sẽ", "dự kiến"), else 0."""
    b = max(lt.rfind(".", 0, s), lt.rfind("\n", 0, s), lt.rfind(";", 0, s), s - 80)
    before = lt[b + 1:s]
    if _PAST_BEFORE.search(before):
        return -1
    if _FUTURE_BEFORE.search(before):
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


# ----------------------------------------------------------------------------- recognition

_SLOT = {
    "dmy": "date", "iso": "date", "dm": "date", "dwords": "date", "rel_day": "date", "same": "date",
    "weekday": "weekday", "time": "time", "pod": "pod", "tz": "tz",
}


def _atoms(lt: str, lx: TemporalLexicon, blocked) -> list[_Atom]:
    """Atoms in the lower-cased text ``lt``: trigger words and digits, then the pattern family there."""
    cands: list[tuple[int, Any]] = []
    n = len(lt)
    search = lx.re_trig.search
    pos = 0
    while True:
        m = search(lt, pos)
        if m is None:
            break
        p, e = m.span()
        if blocked:
            nb = next((be for bs, be in blocked if bs <= p < be), None)
            if nb is not None:
                pos = nb
                continue
        w = m.group()
        # a multi-word trigger ("sáng thứ", "tháng 1") may hide another one: rescan after its first word
        sp = w.find(" ")
        pos = e if sp < 0 else p + sp
        if p > 0:
            c = lt[p - 1]
            if c.isalnum() or c == "_":
                continue
        if w.isdigit():
            if p > 0 and lt[p - 1] in "/.,:-":
                continue
            cands.append((p, lx.fam_digit))
            continue
        if not w[-1].isdigit() and e < n and (lt[e].isalnum() or lt[e] == "_"):
            continue
        f, back = lx.fam_by_key[w]
        if back:
            b = lx.re_numword_back.search(lt, max(0, p - 24), p)
            if b:
                cands.append((b.start(), lx.fam_offset))
        if f is not None:
            cands.append((p, f))
    cands.sort(key=lambda c: c[0])
    out: list[_Atom] = []
    last_end = -1
    for p, (rx, names) in cands:
        if p < last_end:
            continue
        m = rx.match(lt, p)
        if m is None:
            continue
        kind = next(nm for nm in names if m.group(nm) is not None)
        s, e = m.start(), m.end()
        if kind == "andpair" and int(m.group("v_d2")) != int(m.group("v_d1")) + 1:
            continue
        if kind == "tz":
            k = s
            while k > 0 and lt[k - 1] == " ":
                k -= 1
            if k > 0 and lt[k - 1] == "(":
                s = k - 1
                k = e
                while k < n and lt[k] == " ":
                    k += 1
                if k < n and lt[k] == ")":
                    e = k + 1
        if blocked and _in_blocked(s, e, blocked):
            continue
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        out.append(_Atom(kind, s, e, g))
        last_end = e
    return out


def _prev_words(t: str, s: int, n: int = 4) -> list[str]:
    """Up to n lower-cased words before s, nearest first, stopping at punctuation."""
    words = []
    j = s
    while len(words) < n:
        k = j
        while k > 0 and t[k - 1] in " \t":
            k -= 1
        e = k
        while k > 0 and (t[k - 1].isalpha() or t[k - 1] == "-"):
            k -= 1
        if k == e:
            break
        words.append(t[k:e].lower())
        j = k
    return words


def _weekday_reading(t: str, a: _Atom, lx: TemporalLexicon, followed_by_date: bool) -> float:
    """Confidence that "thứ X" is a weekday (0 = an ordinal, not a time)."""
    wd = a.g["wd"]
    if wd.lower().startswith("chủ"):
        return 0.9
    if followed_by_date or a.g.get("wd_rel"):
        return 0.95
    x = t[a.start:a.end].split()[1] if " " in t[a.start:a.end] else wd
    cap = x[:1].isupper()
    prev = _prev_words(t, a.start, 4)
    after = t[a.end:a.end + 2]
    p1 = prev[0] if prev else ""
    p2 = " ".join(reversed(prev[:2])) if len(prev) >= 2 else p1
    if p1 in lx.day_cues or p2 in lx.day_cues:
        if p1 in lx.ordinal_nouns and not cap:
            return 0.0            # "ngày thứ hai" = the second day
        return 0.85 if cap else 0.6
    # an ordinal noun shortly before: "cuộc điện đàm thứ ba", "lần thứ hai"
    for i in range(len(prev)):
        w1 = prev[i]
        w2 = " ".join(reversed(prev[i:i + 2])) if i + 1 < len(prev) else w1
        if w1 in lx.ordinal_nouns or w2 in lx.ordinal_nouns:
            return 0.0
    # sentence-initial "Thứ hai, ..." = "secondly"
    j = a.start - 1
    while j >= 0 and t[j] in " \t\"'“(":
        j -= 1
    if (j < 0 or t[j] in ".!?\n:;") and after.startswith(","):
        return 0.0
    if cap and not prev:
        return 0.0 if after.startswith(",") else 0.5
    return 0.7 if cap else 0.0


def _group(t: str, atoms: list[_Atom], lx: TemporalLexicon) -> list[list[_Atom]]:
    groups: list[list[_Atom]] = []
    cur: list[_Atom] = []
    slots: set[str] = set()
    for a in atoms:
        slot = _SLOT.get(a.kind)
        if cur and slot is not None and slot not in slots and lx.re_gap.match(t[cur[-1].end:a.start]) \
                and all(_SLOT.get(c.kind) for c in cur) and _compatible(cur, a):
            cur.append(a)
            slots.add(slot)
            continue
        if cur:
            groups.append(cur)
        cur, slots = [a], ({slot} if slot else set())
    if cur:
        groups.append(cur)
    return groups


_NUMERIC_DATE = ("dmy", "iso", "dm", "dwords")


def _compatible(cur: list[_Atom], a: _Atom) -> bool:
    """May atom ``a`` join the group ``cur`` (one mention)?"""
    kinds = [c.kind for c in cur] + [a.kind]
    if "weekday" in kinds:
        wd = a if a.kind == "weekday" else next(c for c in cur if c.kind == "weekday")
        if wd.g.get("wd_rel"):
            return a.kind in ("pod", "time", "tz") and a is not wd
        if any(k in ("rel_day", "same") for k in kinds):
            return False
    if a.kind == "pod" and any(c.kind in ("rel_day", "same") for c in cur):
        return False
    if a.kind == "pod" and any(c.kind in _NUMERIC_DATE for c in cur) and not any(c.kind == "time" for c in cur):
        return False            # "19/5 tối" is rare; "19/5, tối ..." starts a new expression
    if a.kind == "tz" and not any(c.kind in ("time", "dm", "dmy", "dwords", "pod") for c in cur):
        return False
    return True


def find_times(text: str, start: int, end: int, anchor: Anchor, res) -> list[TimeMention]:
    """Time expressions in ``text[start:end]``, normalized against ``anchor``; offsets absolute.

    "cùng ngày" (same day) takes the last full date written before it in the same paragraph
    (inside the span, else in the text of the paragraph before ``start``); with none it keeps
    value None (time: "T13:00") and ``note="same_day"`` for the caller to bind.
    """
    return _find_times(text, start, end, anchor, res, bind_back=True)


def _previous_date_in_paragraph(text: str, start: int, anchor: Anchor, res) -> str | None:
    ps = max(text.rfind("\n", 0, start) + 1, start - 2000)
    if ps >= start:
        return None
    for tm in reversed(_find_times(text, ps, start, anchor, res, bind_back=False)):
        if tm.kind in ("date", "datetime") and tm.value and tm.value[:1].isdigit() and tm.note != "same_day":
            return tm.value[:10]
    return None


def _find_times(text: str, start: int, end: int, anchor: Anchor, res, bind_back: bool) -> list[TimeMention]:
    lx: TemporalLexicon = res.temporal if not isinstance(res, TemporalLexicon) else res
    t, to_abs = _scan_form(text, start, end)
    if not t:
        return []
    lt = lower_same_length(t)
    blocked = _blocked_spans(t)
    atoms = _atoms(lt, lx, blocked)
    if not atoms:
        return []
    out: list[TimeMention] = []
    last_date: str | None = None
    last_end = 0
    covered = 0
    for grp in _group(t, atoms, lx):
        if last_date is not None and "\n" in t[last_end:grp[0].start]:
            last_date = None                 # "cùng ngày" never reaches into an earlier paragraph
        if last_date is None and bind_back and "\n" not in t[:grp[0].start] \
                and any(a.kind == "same" for a in grp):
            last_date = _previous_date_in_paragraph(text, start, anchor, res)
        tm = _build(t, grp, lx, anchor, last_date)
        if tm is None:
            continue
        s, e = tm.start, tm.end
        # include "ngày"/"hôm" written right before a date
        pm = re.search(r"(?:^|(?<=\W))(ngày|hôm|Ngày|Hôm|NGÀY)\s+$", t[max(0, s - 6):s])
        if pm and tm.kind in ("date", "datetime", "range") and t[s:s + 1].isdigit():
            s = s - (min(6, s) - pm.start(1))
        # close a bracket opened inside the mention
        if t.count("(", s, e) > t.count(")", s, e):
            k = e
            while k < len(t) and t[k] == " ":
                k += 1
            if k < len(t) and t[k] == ")":
                e = k + 1
        while e > s and t[e - 1] in " ,(":
            e -= 1
        if s < covered:                     # already part of the previous mention ("20/11 năm ngoái")
            continue
        covered = e
        tm.start, tm.end = to_abs(s), to_abs(e)
        tm.text = text[tm.start:tm.end]
        if tm.kind in ("date", "datetime") and tm.value and not tm.value.startswith(("X", "T")) and tm.note != "same_day":
            last_date = tm.value[:10]
            last_end = e
        out.append(tm)
    return out


def _mk(t, s, e, kind, value, conf=1.0, **kw) -> TimeMention:
    return TimeMention(s, e, t[s:e], kind, value, round(conf, 3), **kw)


def _valid_dm(d: int, m: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]


def _build(t: str, grp: list[_Atom], lx: TemporalLexicon, anchor: Anchor, last_date: str | None) -> TimeMention | None:
    s, e = grp[0].start, grp[-1].end
    if len(grp) == 1:
        a = grp[0]
        k = a.kind
        g = a.g
        if k in ("range", "rangew", "andpair"):
            return _build_range(t, a, anchor)
        if k == "month":
            m = int(g["c_m"])
            if not 1 <= m <= 12:
                return None
            note = lx.edges.get(" ".join(g["c_edge"].lower().split())) if g.get("c_edge") else None
            if g.get("c_y"):
                return _mk(t, s, e, "partial_date", f"{int(g['c_y']):04d}-{m:02d}", 1.0, note=note)
            nxt = re.match(r"\s+năm\s+(nay|ngoái|trước|tới|sau)(?!\w)", t[e:e + 12], re.IGNORECASE)
            a_d = _anchor_date(anchor)
            if nxt and a_d:
                off = {"nay": 0, "ngoái": -1, "trước": -1, "tới": 1, "sau": 1}[nxt.group(1).lower()]
                e2 = e + nxt.end()
                return _mk(t, s, e2, "partial_date", f"{a_d.year + off:04d}-{m:02d}", 0.9 * _anchor_factor(anchor),
                           relative=True, note=note)
            val, conf = _resolve_month(m, anchor, _tense_hint(t.lower(), s))
            return _mk(t, s, e, "month", val, conf, relative=True,
                       note=(note + ";" if note else "") + "year:nearest")
        if k == "month_word":
            word = " ".join(g["n_m"].split())
            ws = s + lt_find_word(t, s, e, word)
            if not t[ws:ws + 1].isupper():
                return None                     # "tháng năm" (time), not "tháng Năm" (May)
            m = lx.month_names[word]
            note = lx.edges.get(" ".join(g["n_edge"].lower().split())) if g.get("n_edge") else None
            if g.get("n_y"):
                return _mk(t, s, e, "partial_date", f"{int(g['n_y']):04d}-{m:02d}", 1.0, note=note)
            val, conf = _resolve_month(m, anchor, _tense_hint(t.lower(), s))
            return _mk(t, s, e, "month", val, conf, relative=True,
                       note=(note + ";" if note else "") + "year:nearest")
        if k == "quarter":
            qn = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(g["q_n"], None) or int(g["q_n"])
            if g.get("q_y"):
                return _mk(t, s, e, "partial_date", f"{int(g['q_y']):04d}-Q{qn}", 1.0)
            ad = _anchor_date(anchor)
            if ad is None:
                return _mk(t, s, e, "partial_date", f"XXXX-Q{qn}", 0.3, relative=True)
            return _mk(t, s, e, "partial_date", f"{ad.year:04d}-Q{qn}", 0.7 * _anchor_factor(anchor), relative=True,
                       note="year:anchor")
        if k == "year":
            note = lx.edges.get(" ".join(g["y_edge"].lower().split())) if g.get("y_edge") else None
            return _mk(t, s, e, "year", g["y_y"], 1.0, note=note)
        if k == "edge_rel":
            return _build_edge_rel(t, a, lx, anchor)
        if k == "rel_period":
            return _build_rel_period(t, a, lx, anchor)
        if k == "offset":
            return _build_offset(t, a, lx, anchor)
        if k == "vague":
            key = " ".join(t[s:e].lower().split())
            return _mk(t, s, e, "vague", None, 0.9, note=lx.vague.get(key) or None)
        if k in ("pod", "tz"):
            return None
        if k == "time":
            return _build_datetime(t, grp, lx, anchor, last_date)
    return _build_datetime(t, grp, lx, anchor, last_date)


def lt_find_word(t: str, s: int, e: int, word: str) -> int:
    """Offset (from s) of the month ``word`` (lower case) right after "tháng" in t[s:e]."""
    low = t[s:e].lower()
    return low.find(word.split()[0], low.find("tháng") + 5)


def _build_range(t: str, a: _Atom, anchor: Anchor) -> TimeMention | None:
    g = a.g
    if a.kind == "range":
        d1, d2, m1, m2, y = int(g["r_d1"]), int(g["r_d2"]), int(g["r_m"]), int(g["r_m"]), g.get("r_y")
        y1 = y
    elif a.kind == "andpair":
        d1, d2, m1, m2, y = int(g["v_d1"]), int(g["v_d2"]), int(g["v_m"]), int(g["v_m"]), g.get("v_y")
        y1 = y
    else:
        d1, d2, m2 = int(g["w_d1"]), int(g["w_d2"]), int(g["w_m2"])
        m1 = int(g["w_m1"]) if g.get("w_m1") else m2
        y, y1 = g.get("w_y2"), g.get("w_y1") or g.get("w_y2")
    if not (_valid_dm(d1, m1) and _valid_dm(d2, m2)):
        return None
    if (m1, d1) >= (m2, d2) and not (y1 and y and int(y1) < int(y)):
        return None
    if y:
        a1, a2 = _safe_date(int(y1), m1, d1), _safe_date(int(y), m2, d2)
        if not a1 or not a2:
            return None
        return _mk(t, a.start, a.end, "range", f"{_iso(a1)}/{_iso(a2)}", 1.0)
    end_iso, conf = resolve_partial(d2, m2, anchor)
    yy = end_iso[:4]
    return _mk(t, a.start, a.end, "range", f"{yy}-{m1:02d}-{d1:02d}/{end_iso}", conf, relative=True,
               note="year:nearest")


def _build_edge_rel(t: str, a: _Atom, lx: TemporalLexicon, anchor: Anchor) -> TimeMention:
    g = a.g
    edge = lx.edges.get(" ".join(g["e_edge"].lower().split()))
    unit = g["e_unit"].lower()
    rel = (g.get("e_rel") or "").lower()
    off = {"": 0, "nay": 0, "này": 0, "ngoái": -1, "trước": -1, "tới": 1, "sau": 1}[rel]
    ad = _anchor_date(anchor)
    note = edge
    if ad is None:
        return _mk(t, a.start, a.end, "vague", None, 0.5, relative=True, note=f"{edge};{unit}{off:+d}")
    conf = (0.9 if rel else 0.7) * _anchor_factor(anchor)
    if unit == "năm":
        return _mk(t, a.start, a.end, "year", f"{ad.year + off:04d}", conf, relative=True, note=note)
    if unit == "tháng":
        d = _add_months(ad.replace(day=1), off)
        return _mk(t, a.start, a.end, "partial_date", f"{d.year:04d}-{d.month:02d}", conf, relative=True, note=note)
    d = ad + timedelta(weeks=off)
    iy, iw, _ = d.isocalendar()
    return _mk(t, a.start, a.end, "partial_date", f"{iy:04d}-W{iw:02d}", conf, relative=True, note=note)


def _build_rel_period(t: str, a: _Atom, lx: TemporalLexicon, anchor: Anchor) -> TimeMention:
    key = " ".join(t[a.start:a.end].lower().split())
    unit, off = lx.rel_periods[key]
    ad = _anchor_date(anchor)
    if ad is None:
        return _mk(t, a.start, a.end, "vague", None, 0.5, relative=True, note=f"{unit}{off:+d}")
    conf = 0.9 * _anchor_factor(anchor)
    if unit == "year":
        return _mk(t, a.start, a.end, "year", f"{ad.year + off:04d}", conf, relative=True, note=f"offset:{off:+d}y")
    if unit == "month":
        d = _add_months(ad.replace(day=1), off)
        return _mk(t, a.start, a.end, "partial_date", f"{d.year:04d}-{d.month:02d}", conf, relative=True,
                   note=f"offset:{off:+d}m")
    d = ad + timedelta(weeks=off)
    iy, iw, _ = d.isocalendar()
    return _mk(t, a.start, a.end, "partial_date", f"{iy:04d}-W{iw:02d}", conf, relative=True, note=f"offset:{off:+d}w")


def _build_offset(t: str, a: _Atom, lx: TemporalLexicon, anchor: Anchor) -> TimeMention | None:
    g = a.g
    pre = g.get("o_pre")
    dirw = (g.get("o_dir") or "").lower()
    if not pre and not dirw:
        return None                                     # "30 ngày": a duration, not a time
    before = t[max(0, a.start - 12):a.start].lower()
    if re.search(r"(?:^|\W)(?:trong|suốt|sau|vòng)\s+$", before):
        return None                                     # "trong 30 ngày tới": a period
    nword = " ".join(g["o_n"].lower().split())
    from .numbers import parse_number
    n = parse_number(nword, lx.numbers)
    approx = False
    if n is None:
        if nword in ("vài", "mấy", "dăm"):
            n, approx = 3, True
        else:
            return None
    sign = -1 if pre else lx.offset_dirs.get(dirw, -1)
    unit = lx.offset_units[" ".join(g["o_u"].lower().split())]
    if n != int(n):                    # "nửa năm" = 6 months, "nửa tháng" = 15 days
        if unit == "y":
            n, unit = n * 12, "m"
        elif unit == "m":
            n, unit = n * 30, "d"
        elif unit == "w":
            n, unit = n * 7, "d"
        n = round(n)
    if g.get("o_q") and g["o_q"].split()[0].lower() not in ("đúng", "tròn"):
        approx = True
    ref = (g.get("o_ref") or "").lower()
    note = f"offset:{sign * int(n):+d}{unit}" if n == int(n) else f"offset:{sign * n:+}{unit}"
    if approx:
        note += ";approx"
    kind = {"d": "date", "w": "date", "m": "month", "y": "year"}[unit]
    ad = _anchor_date(anchor)
    # "3 năm trước đó", "1 ngày trước khi ...", "2 ngày sau": relative to another event
    if ref or dirw == "sau" or ad is None:
        if ref == "khi":
            note += ":before_event" if sign < 0 else ":after_event"
        elif ref == "đó" or dirw == "sau":
            note += ":ref"
        return _mk(t, a.start, a.end, kind, None, 0.5, relative=True, note=note)
    k = int(round(n * sign))
    conf = (0.5 if approx else 0.85) * _anchor_factor(anchor)
    if unit == "d":
        v = _iso(ad + timedelta(days=k))
    elif unit == "w":
        v = _iso(ad + timedelta(weeks=k))
    elif unit == "m":
        d = _add_months(ad.replace(day=1), k)
        v = f"{d.year:04d}-{d.month:02d}"
    else:
        v = f"{ad.year + k:04d}"
    return _mk(t, a.start, a.end, kind, v, conf, relative=True, note=note)


def _build_datetime(t: str, grp: list[_Atom], lx: TemporalLexicon, anchor: Anchor,
                    last_date: str | None) -> TimeMention | None:
    s, e = grp[0].start, grp[-1].end
    by = {}
    for a in grp:
        by.setdefault(_SLOT.get(a.kind) or a.kind, a)
    date_a, wd_a, time_a, pod_a, tz_a = by.get("date"), by.get("weekday"), by.get("time"), by.get("pod"), by.get("tz")
    pod = None
    pod_pm = False
    if pod_a is not None:
        pod, pod_pm = lx.pods[" ".join(t[pod_a.start:pod_a.end].lower().split())]
    elif time_a is not None and time_a.g.get("t_pod"):
        pod, pod_pm = lx.pods[" ".join(time_a.g["t_pod"].split())]
    notes: list[str] = []
    weekday = None
    if wd_a is not None:
        conf_wd = _weekday_reading(t, wd_a, lx, followed_by_date=date_a is not None and date_a.start > wd_a.start)
        if conf_wd <= 0:
            # an ordinal: drop the weekday and keep the rest of the group, if anything is left
            grp = [a for a in grp if a is not wd_a]
            if not grp or all(a.kind in ("pod", "tz") for a in grp):
                return None
            s, e = grp[0].start, grp[-1].end
            wd_a = None
        else:
            weekday = lx.weekdays[" ".join(wd_a.g["wd"].lower().split())]
    value = None
    conf = 1.0
    relative = False
    kind = "date"
    if date_a is not None:
        g = date_a.g
        if date_a.kind == "iso":
            dd = _safe_date(int(g["i_y"]), int(g["i_m"]), int(g["i_d"]))
            if dd is None:
                return None
            value = _iso(dd)
        elif date_a.kind == "dmy":
            d, m, y = int(g["a_d"]), int(g["a_m"]), int(g["a_y"])
            dd = _safe_date(y, m, d)
            if dd is None:
                return None
            value = _iso(dd)
            if weekday is not None:
                if dd.weekday() == weekday:
                    notes.append("weekday:checked")
                else:
                    notes.append("weekday:mismatch")
                    conf = 0.8
        elif date_a.kind == "dwords":
            d, m = int(g["b_d"]), int(g["b_m"])
            if not _valid_dm(d, m):
                return None
            if g.get("b_y"):
                dd = _safe_date(int(g["b_y"]), m, d)
                if dd is None:
                    return None
                value = _iso(dd)
            else:
                value, conf, e = _partial_with_year_words(t, d, m, date_a, e, anchor, weekday, notes)
                relative = True
        elif date_a.kind == "dm":
            d, m = int(g["d_d"]), int(g["d_m"])
            if not _valid_dm(d, m):
                return None
            before = t[max(0, date_a.start - 24):date_a.start]
            cued = bool(lx.re_date_cue_before.search(before)) or len(grp) > 1
            if g["d_s"] == "-" and not cued:
                return None                          # "2-1" is a score, "19-5" needs a cue
            if not cued and (d, m) == (24, 7):
                return None                          # "24/7": round the clock
            if not cued and (lx.re_fraction_after.match(t, date_a.end)
                             or re.search(r"(?:^|\W)(?:chiếm|khoảng|gần|hơn|trên|dưới)\s+$", before)):
                return None                          # "2/3 số phiếu": a fraction
            value, conf, e = _partial_with_year_words(t, d, m, date_a, e, anchor, weekday, notes)
            relative = True
            if not cued:
                conf = round(conf * 0.95, 3)
        elif date_a.kind == "rel_day":
            key = " ".join(t[date_a.start:date_a.end].lower().split())
            off, p = lx.rel_days[key]
            pod = pod or p
            ad = _anchor_date(anchor)
            relative = True
            notes.append(f"offset:{off:+d}d")
            if ad is not None:
                value = _iso(ad + timedelta(days=off))
                conf = 0.9 * _anchor_factor(anchor)
            else:
                conf = 0.3
        elif date_a.kind == "same":
            relative = True
            notes.append("same_day")
            if last_date:
                value, conf = last_date, 0.8
            else:
                conf = 0.5
    elif wd_a is not None:
        # a weekday alone: resolved against the anchor
        relative = True
        ad = _anchor_date(anchor)
        rel = " ".join((wd_a.g.get("wd_rel") or "").lower().split())
        conf = conf_wd
        if ad is not None:
            if rel in ("tuần trước", "tuần qua"):
                d = ad - timedelta(days=ad.weekday() + 7) + timedelta(days=weekday)
            elif rel in ("tuần này",):
                d = ad - timedelta(days=ad.weekday()) + timedelta(days=weekday)
            elif rel in ("tuần tới", "tuần sau"):
                d = ad - timedelta(days=ad.weekday()) + timedelta(days=7 + weekday)
            elif rel == "tới" or (not rel and lx.re_future_cue.search(_sentence_before(t, wd_a.start))):
                d = ad + timedelta(days=(weekday - ad.weekday()) % 7 or 7)
                rel = rel or "future"
            else:
                d = ad - timedelta(days=(ad.weekday() - weekday) % 7)
                rel = rel or "nearest_past"
            value = _iso(d)
            conf = conf * _anchor_factor(anchor)
        notes.append(f"weekday:{rel.replace(' ', '_') or 'nearest'}")
    # time of day
    hhmm = None
    if time_a is not None:
        g = time_a.g
        h, mi = int(g["t_h"]), int(g.get("t_m") or 0)
        sep = g["t_s"].lower()
        if h > 24 or mi > 59:
            return None if len(grp) == 1 else None
        before = t[max(0, time_a.start - 24):time_a.start]
        numbers = lx.numbers
        if sep in ("giờ", "g"):
            clock = (numbers.re_clock_before.search(before) is not None and
                     not numbers.re_duration_before.search(before)) or pod is not None or date_a is not None
            if not clock:
                return None if date_a is None and wd_a is None else _drop_time(t, grp, time_a, lx, anchor, last_date)
        else:
            if numbers.re_duration_before.search(before) or re.match(r"\s+qua(?!\w)", t[time_a.end:time_a.end + 5]):
                return None if date_a is None and wd_a is None else _drop_time(t, grp, time_a, lx, anchor, last_date)
        if pod is not None and pod_pm:
            if h < 12 and not (pod == "night" and h < 5):
                h += 12
        if h == 24:
            h = 0
        hhmm = f"{h:02d}:{mi:02d}"
    tz = None
    if tz_a is not None:
        if tz_a.g.get("tz_name"):
            tz = lx.timezones.get(" ".join(tz_a.g["tz_name"].lower().split()))
        elif tz_a.g.get("tz_off"):
            off = re.sub(r"\s+", "", tz_a.g["tz_off"]).upper()
            tz = off.replace("GMT", "UTC")
        else:
            tz = "UTC"
        if tz == "local":
            tz = None
            notes.append("tz:local")
    if date_a is None and wd_a is None and time_a is None:
        return None
    if hhmm is not None:
        if value is not None and not value.startswith("X") or value and value.startswith("X"):
            kind, value = "datetime", f"{value}T{hhmm}"
        else:
            kind, value = "time", f"T{hhmm}"
    return TimeMention(s, e, t[s:e], kind, value, round(conf, 3), part_of_day=pod, timezone=tz,
                       relative=relative, note=";".join(notes) or None)


def _partial_with_year_words(t, d, m, date_a, e, anchor, weekday, notes):
    """A day/month without digits for the year: "20/11 năm ngoái" takes the year from the words,
    otherwise the nearest year (moved by a past/future hint). Returns (value, confidence, end)."""
    ym = _YEAR_REL_AFTER.match(t.lower(), date_a.end)
    a = _anchor_date(anchor)
    if ym and a is not None:
        dd = _safe_date(a.year + _YEAR_REL[ym.group(1)], m, d)
        if dd is not None:
            notes.append("year:words")
            return _iso(dd), round(0.9 * _anchor_factor(anchor), 3), max(e, ym.end())
    hint = _tense_hint(t.lower(), date_a.start)
    value, conf = _resolve_dm_hint(d, m, anchor, weekday, hint)
    notes.append("year:nearest" + (";weekday" if weekday is not None else "") +
                 (";past" if hint < 0 else ";future" if hint > 0 else ""))
    return value, conf, e


def _drop_time(t, grp, time_a, lx, anchor, last_date):
    rest = [a for a in grp if a is not time_a]
    if not rest:
        return None
    return _build_datetime(t, rest, lx, anchor, last_date)


def _sentence_before(t: str, s: int) -> str:
    b = max(t.rfind(".", 0, s), t.rfind("\n", 0, s), t.rfind("!", 0, s), t.rfind("?", 0, s))
    return t[b + 1:s]


# ----------------------------------------------------------------------------- anchor inference

def infer_anchor(text: str, segments: list[Segment], pub_date: str | None, res) -> Anchor:
    """The reference date for a document.

    A publication date wins (confidence 1). Otherwise, from the kept segments only (removed
    boilerplate never counts): the latest explicit full date ("inferred:latest_full_date");
    else a year from "N năm qua" of a known conflict (data: conflict start dates) or the
    latest stated year, refined by the latest day/month written in the text
    ("inferred:conflict_years", "inferred:stated_years"), with low confidence.
    Anchor(None, "none", 0) when nothing is found.
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
    years: list[int] = []
    conflict_years: list[tuple[int, date]] = []
    none = Anchor(None, "none", 0.0)
    for s, e in spans:
        for tm in _find_times(text, s, e, none, res, bind_back=False):
            v = tm.value
            if not v:
                continue
            if tm.kind == "range":
                v = v.split("/")[-1]
            if tm.kind in ("date", "datetime", "range"):
                if v[:1].isdigit() and not tm.relative:
                    d = _safe_date(int(v[:4]), int(v[5:7]), int(v[8:10]))
                    if d:
                        full.append(d)
                elif v.startswith("XXXX-") and len(v) >= 10:
                    partial.append((int(v[5:7]), int(v[8:10])))
            elif tm.kind in ("year", "partial_date") and not tm.relative and v[:4].isdigit():
                years.append(int(v[:4]))
        seg = text[s:e]
        low = unicodedata.normalize("NFC", seg).lower()
        if "năm qua" not in low and "năm nay" not in low:
            continue
        for m in lx.re_years_past.finditer(low):
            from .numbers import parse_number
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
    if years:
        y = max(years)
        if base is None or y > base.year:
            base, how, conf = date(y, 7, 1), "stated_years", 0.2
    if base is None:
        return Anchor(None, "none", 0.0)
    if partial:
        tmp = Anchor(_iso(base), "tmp", 1.0)
        cands = [date.fromisoformat(resolve_partial(d, mo, tmp)[0]) for mo, d in partial]
        same = [c for c in cands if abs((c - base).days) <= 330]
        if same:
            return Anchor(_iso(max(same)), f"inferred:{how}+partial_dates", round(conf - 0.05, 2))
    return Anchor(_iso(base), f"inferred:{how}", conf)


__all__ = ["TemporalLexicon", "find_times", "infer_anchor", "resolve_partial"]
