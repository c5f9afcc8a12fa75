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
"2025-02-12T21:37", ranges "2022-01-08/2022-01-10" (months: "2025-03/2025-04"; "cuối tuần": that
Saturday/Sunday). Vague expressions have value None. Ranges, the weekend and when a hyphenated
day-month ("14-8") is a date live in ``timex_ranges``.
``note`` says how a value was reached ("year:nearest", "weekday:checked", "same_day",
"offset:-1d", "early"/"mid"/"late" ...).

Language knowledge lives in ``data/vi/temporal.yaml``; compiled patterns live on the
:class:`TemporalLexicon` instance (``res.temporal``, module ``temporal``). Year choice and the
document anchor (``resolve_partial``, ``infer_anchor``) live in ``anchor`` and are re-exported here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from ..models import Anchor, TimeMention
from .anchor import (_YEAR_REL, _YEAR_REL_AFTER, _add_months, _anchor_date, _anchor_factor, _iso,
                     _resolve_dm_hint, _resolve_month, _safe_date, _tense_hint, infer_anchor, resolve_partial)
from .numbers import _blocked_spans, _in_blocked, _scan_lower, parse_number
from .temporal import TemporalLexicon
from .timex_ranges import _mk, _prev_words, _valid_dm, build_month_range, build_range, build_weekend, hyphen_cued, \
    day_list_start, night_iso, overnight, year_after


@dataclass
class _Atom:
    kind: str            # dmy dm dm_dash dwords month monthrange year edge_rel time weekday rel_day same rel_period offset vague pod tz range
    start: int
    end: int
    g: dict[str, Any] = field(default_factory=dict)



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
    for p, (rx, names, groups) in cands:
        if p < last_end:
            continue
        m = rx.match(lt, p)
        if m is None:
            continue
        # the family is "(?P<a>...)|(?P<b>...)|...": the alternative that matched is the group
        # that closed last (``lastgroup``), the first of ``names`` that is set
        kind = m.lastgroup
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
        gn = groups[kind]                     # the matched alternative's groups (itself first)
        g = {k: v for k, v in zip(gn, m.group(*gn)) if v is not None} if len(gn) > 1 else {kind: m.group(kind)}
        out.append(_Atom(kind, s, e, g))
        last_end = e
    return out


# words right after "thứ X" that make it an ordinal: "ngày thứ hai của chuyến thăm" (the second
# day of the visit), "năm thứ ba liên tiếp" (the third year in a row)
_ORDINAL_AFTER = re.compile(r"\s+(?:của|liên tiếp)(?!\w)", re.IGNORECASE)


def _weekday_reading(t: str, a: _Atom, lx: TemporalLexicon, followed_by_date: bool) -> tuple[float, bool]:
    """Confidence that "thứ X" is a weekday (0 = an ordinal, not a time), and whether the date
    after it must confirm it: "ngày thứ hai (14/8)" is Monday only if 14/8 is one, else the second
    day (of a visit, a conference); the date then wins over the weekday."""
    wd = a.g["wd"]
    if wd.lower().startswith("chủ"):
        return 0.9, False
    rel = a.g.get("wd_rel") or ""
    if rel.lower().startswith("tuần"):
        return 0.95, False                    # "thứ Hai tuần trước"
    x = t[a.start:a.end].split()[1] if " " in t[a.start:a.end] else wd
    cap = x[:1].isupper()
    prev = _prev_words(t, a.start, 4)
    after = t[a.end:a.end + 2]
    p1 = prev[0] if prev else ""
    p2 = " ".join(reversed(prev[:2])) if len(prev) >= 2 else p1
    dated = followed_by_date or bool(rel)
    if (p1 in lx.day_cues or p2 in lx.day_cues) and p1 not in lx.ordinal_nouns:
        return (0.95 if dated else 0.85 if cap else 0.6), False    # "vào thứ Hai", "sáng thứ hai"
    # an ordinal noun shortly before ("ngày (làm việc) thứ hai", "cuộc điện đàm thứ ba", "lần
    # thứ hai") or an ordinal word after it ("thứ hai của chuyến thăm", "thứ ba liên tiếp")
    if _ORDINAL_AFTER.match(t, a.end):
        return 0.0, False
    for i in range(len(prev)):
        w1 = prev[i]
        w2 = " ".join(reversed(prev[i:i + 2])) if i + 1 < len(prev) else w1
        if w1 in lx.ordinal_nouns or w2 in lx.ordinal_nouns:
            if followed_by_date:
                return 0.95, True             # "ngày thứ hai, 11/8" (Monday), "phiên thứ hai (14/8)"
            if i == 0 and p1 in lx.day_cues:  # "ngày thứ Hai": Monday; "ngày thứ hai": the second day
                return (0.95 if rel else 0.85 if cap else 0.0), False
            if rel and i > 0:                 # "hội nghị khai mạc thứ Hai tới", not "lần thứ hai này"
                return 0.95, False
            return 0.0, False
    if dated:
        return 0.95, False
    # sentence-initial "Thứ hai, ..." = "secondly"
    j = a.start - 1
    while j >= 0 and t[j] in " \t\"'“(":
        j -= 1
    if (j < 0 or t[j] in ".!?\n:;") and after.startswith(","):
        return 0.0, False
    if cap and not prev:
        return (0.0 if after.startswith(",") else 0.5), False
    return (0.7 if cap else 0.0), False


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
        if wd.g.get("wd_rel"):             # "thứ Năm tuần trước": only a time of day joins it
            if a is wd:                        # "sáng thứ Năm tuần trước", "9h sáng thứ Hai tới"
                return all(c.kind in ("pod", "time") for c in cur)
            return a.kind in ("pod", "time", "tz")
        if any(k in ("rel_day", "same") for k in kinds):
            return False
    if a.kind == "pod" and any(c.kind in ("rel_day", "same") for c in cur):
        return False
    if a.kind == "pod" and any(c.kind in _NUMERIC_DATE for c in cur) and not any(c.kind == "time" for c in cur):
        return False            # "19/5 tối" is rare; "19/5, tối ..." starts a new expression
    if a.kind == "tz" and (not any(c.kind in ("time", "dm", "dmy", "dwords", "pod") for c in cur)
                           or any(c.kind == "same" for c in cur)):
        return False            # "chiều cùng ngày giờ Việt Nam": the clock of another mention
    return True


def find_times(text: str, start: int, end: int, anchor: Anchor, res, low: str | None = None) -> list[TimeMention]:
    """Time expressions in ``text[start:end]``, normalized against ``anchor``; offsets absolute.

    "cùng ngày" (same day) takes the last full date written before it in the same paragraph
    (inside the span, else in the text of the paragraph before ``start``); with none it keeps
    value None (time: "T13:00") and ``note="same_day"`` for the caller to bind.
    """
    return _find_times(text, start, end, anchor, res, bind_back=True, low=low)


def _previous_date_in_paragraph(text: str, start: int, anchor: Anchor, res) -> str | None:
    ps = max(text.rfind("\n", 0, start) + 1, start - 2000)
    if ps >= start:
        return None
    for tm in reversed(_find_times(text, ps, start, anchor, res, bind_back=False)):
        if tm.kind in ("date", "datetime") and tm.value and tm.value[:1].isdigit() and tm.note != "same_day":
            return tm.value[:10]
    return None


def _find_times(text: str, start: int, end: int, anchor: Anchor, res, bind_back: bool,
                low: str | None = None) -> list[TimeMention]:
    lx: TemporalLexicon = res.temporal if not isinstance(res, TemporalLexicon) else res
    t, to_abs, lt = _scan_lower(text, start, end, low)     # low: see numbers._scan_lower
    if not t:
        return []
    blocked = _blocked_spans(t)
    atoms = _atoms(lt, lx, blocked)
    if not atoms:
        out = _told_day_refs(t, lx, [], to_abs) \
            if lx.re_bare_pod is not None or lx.re_ref_day is not None or lx.re_during is not None else []
        for tm in out:
            tm.text = text[tm.start:tm.end]
        return out
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
        # include "ngày"/"hôm"/"(ngày) mùng" written right before a date
        pm = _DAY_WORD_BEFORE.search(t[max(0, s - 12):s])
        if pm and tm.kind in ("date", "datetime", "range") and t[s:s + 1].isdigit():
            s = s - (min(12, s) - pm.start(1))
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
    if lx.re_bare_pod is not None or lx.re_ref_day is not None or lx.re_during is not None:
        extra = _told_day_refs(t, lx, [(m.start, m.end) for m in out], to_abs)
        if extra:
            for tm in extra:
                tm.text = text[tm.start:tm.end]
            out = sorted(out + extra, key=lambda m: m.start)
    return out


def _told_day_refs(t: str, lx: TemporalLexicon, taken: list[tuple[int, int]], to_abs) -> list[TimeMention]:
    """Times that name no day but point at the day last told before them: a bare part of the day
    ("Trước đó, vào buổi sáng, ...": note "same_day", value None, like an unbound "cùng ngày") and
    days counted from it ("Trước đó một ngày", "Ngày hôm sau": note "offset:<n>d:ref"). The
    event-date layer binds them (extract_date). Spans inside another time mention are skipped."""
    lt = t.lower()
    out: list[TimeMention] = []

    def free(s: int, e: int) -> bool:
        return not any(a < to_abs(e) and to_abs(s) < b for a, b in taken) and \
            not any(m.start < e and s < m.end for m in out)

    if lx.re_ref_day is not None:
        for mt in lx.re_ref_day.finditer(lt):
            s, e = mt.span()
            if free(s, e):
                off = lx.ref_days[" ".join(mt.group("ref").split())]
                out.append(TimeMention(s, e, t[s:e], "date", None, 0.6, relative=True,
                                       note=f"offset:{off:+d}d:ref"))
    dm = lx.re_during.match(lt) if lx.re_during is not None else None
    if dm is not None and free(dm.start(), dm.end()):
        s0 = dm.start() + len(dm.group()) - len(dm.group().lstrip(" \t\n\"'“(-–"))
        out.append(TimeMention(s0, dm.end(), t[s0:dm.end()], "date", None, 0.6, relative=True, note="same_day"))
    if lx.re_bare_pod is not None:
        for mt in lx.re_bare_pod.finditer(lt):
            s, e = mt.span()
            prev = lt[max(0, s - 16):s].split()
            if prev and (prev[-1] in lx.bare_pod_not_before
                         or " ".join(prev[-2:]) in lx.bare_pod_not_before):
                continue                      # "các buổi sáng", "mỗi buổi chiều": any morning
            opens = not lt[:s].strip(" \t\n\"'“(-–")
            if not opens and (lx.re_bare_pod_cue is None or lx.re_bare_pod_cue.search(lt, 0, s) is None):
                continue                      # "Tại buổi tiếp diễn ra vào buổi sáng, ...": no order told
            if free(s, e):
                pod = lx.bare_pods[" ".join(mt.group("pod").split())]
                out.append(TimeMention(s, e, t[s:e], "date", None, 0.6, part_of_day=pod, relative=True,
                                       note="same_day"))
    for m in out:
        m.start, m.end = to_abs(m.start), to_abs(m.end)
    return out


_DAY_WORD_BEFORE = re.compile(r"(?:^|(?<=\W))((?:ngày|hôm)(?:\s+(?:mùng|mồng))?|mùng|mồng)\s+$", re.IGNORECASE)


def _build(t: str, grp: list[_Atom], lx: TemporalLexicon, anchor: Anchor, last_date: str | None) -> TimeMention | None:
    s, e = grp[0].start, grp[-1].end
    if len(grp) == 1:
        a = grp[0]
        k = a.kind
        g = a.g
        if k in ("range", "rangew", "andpair"):
            return build_range(t, a, anchor, lx)
        if k == "monthrange":
            return build_month_range(t, a, anchor)
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
            val, conf = _resolve_month(m, anchor, _hint(t, s, e))
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
            val, conf = _resolve_month(m, anchor, _hint(t, s, e))
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
            if note is None and lx.re_plan_before is not None and lx.re_plan_before.search(t, max(0, s - 80), s):
                note = "plan_period"          # "Kế hoạch hợp tác năm 2026": the plan's year, no event's date
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


def _build_edge_rel(t: str, a: _Atom, lx: TemporalLexicon, anchor: Anchor) -> TimeMention:
    g = a.g
    edge = lx.edges.get(" ".join(g["e_edge"].lower().split()))
    unit = g["e_unit"].lower()
    rel = (g.get("e_rel") or "").lower()
    rel = " ".join(rel.split())
    if unit == "tuần" and g["e_edge"].lower() == "cuối":
        return build_weekend(t, a, rel, lx, anchor)          # "cuối tuần": the weekend
    off = {"": 0, "nay": 0, "này": 0, "ngoái": -1, "trước": -1, "qua": -1, "vừa qua": -1, "tới": 1, "sau": 1}[rel]
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
        conf_wd, confirm = _weekday_reading(t, wd_a, lx, date_a is not None and date_a.start > wd_a.start)
        if confirm:
            # "ngày (làm việc) thứ hai (14/8)": Monday only if the date, read without it, is one;
            # otherwise the second day, and the date alone is the mention
            plain = _build_datetime(t, [a for a in grp if a is not wd_a], lx, anchor, last_date)
            v = plain.value if plain is not None else None
            if plain is None or v and v[:1].isdigit() and _safe_date(int(v[:4]), int(v[5:7]), int(v[8:10])).weekday() \
                    != lx.weekdays[" ".join(wd_a.g["wd"].lower().split())]:
                return plain
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
            value, conf = _iso(dd), _check_weekday(dd, weekday, notes)
        elif date_a.kind == "dwords":
            d, m = int(g["b_d"]), int(g["b_m"])
            if not _valid_dm(d, m):
                return None
            if g.get("b_y"):
                dd = _safe_date(int(g["b_y"]), m, d)
                if dd is None:
                    return None
                value, conf = _iso(dd), _check_weekday(dd, weekday, notes)
            else:
                value, conf, e = _partial_with_year_words(t, d, m, date_a, e, anchor, weekday, notes)
                relative = True
        elif date_a.kind == "dm":
            d, m = int(g["d_d"]), int(g["d_m"])
            if not _valid_dm(d, m):
                return None
            before = t[max(0, date_a.start - 24):date_a.start]
            ym = year_after(t, s, date_a.end)           # "14/8 năm 2025": one date
            y = int(ym.group(1)) if ym else None
            if g["d_s"] != "/":       # "14-8", "14.8" (the Thanh Niên style) need a cue like the hyphen
                if not hyphen_cued(t, grp, date_a, lx):     # "2-1" is a score, "19-5" needs a cue
                    rest = [x for x in grp if x is not date_a]
                    return _build_datetime(t, rest, lx, anchor, last_date) if rest else None
                cued = True
            else:
                cued = bool(lx.re_date_cue_before.search(before)) or len(grp) > 1
            if not cued and y is None and (d, m) == (24, 7):
                return None                          # "24/7": round the clock
            if not cued and (lx.re_fraction_after.match(t, date_a.end)
                             or re.search(r"(?:^|\W)(?:chiếm|khoảng|gần|hơn|trên|dưới)\s+$", before)):
                return None                          # "2/3 số phiếu": a fraction
            if y is not None:
                dd = _safe_date(y, m, d)
                if dd is None:
                    return None
                value, conf = _iso(dd), _check_weekday(dd, weekday, notes)
                e = max(e, ym.end())
            else:
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
            elif h == 12 and pod == "night":
                h = 0                                # "12 giờ đêm": midnight
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
    elif pod in ("dawn", "morning") and pod_a is not None and value and value[:1].isdigit():
        night = overnight(t, pod_a.start, value)         # "đêm 2 rạng sáng 3/9"
        if night is not None:
            return _mk(t, night, e, "range", f"{night_iso(value)}/{value}", conf, relative=relative,
                       note=";".join(["overnight"] + notes))
    elif date_a is grp[0] and date_a.kind in ("dm", "dmy") and value and value[:1].isdigit():
        ls, d0 = day_list_start(t, s, int(value[8:10]))     # "các ngày 14, 15/8"
        if ls < s:
            return _mk(t, ls, e, "range", f"{value[:8]}{d0:02d}/{value}", conf, relative=relative,
                       note=";".join(notes) or None)
    return TimeMention(s, e, t[s:e], kind, value, round(conf, 3), part_of_day=pod, timezone=tz,
                       relative=relative, note=";".join(notes) or None)


# after a date or a month: "ngày 2/9 vừa qua" (past), "ngày 5/9 tới" (coming; not "tới Hà Nội")
_PAST_AFTER = re.compile(r"\s+(?:vừa\s+qua|vừa\s+rồi|mới\s+đây)(?!\w)", re.IGNORECASE)
_FUTURE_AFTER = re.compile(r"\s+(?:sắp\s+)?tới(?=\s*(?:[,.;:)!?]|$))", re.IGNORECASE)


def _hint(t: str, s: int, e: int) -> int:
    """The tense of the date t[s:e]: the words right after it ("vừa qua", "tới"), else those before
    it and the clause (``_tense_hint``)."""
    if _PAST_AFTER.match(t, e):
        return -1
    if _FUTURE_AFTER.match(t, e):
        return 1
    return _tense_hint(t.lower(), s)


def _check_weekday(dd, weekday: int | None, notes: list[str]) -> float:
    """Confidence of a date with its year written, given a stated weekday (noted)."""
    if weekday is None:
        return 1.0
    if dd.weekday() == weekday:
        notes.append("weekday:checked")
        return 1.0
    notes.append("weekday:mismatch")
    return 0.8


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
    hint = _hint(t, date_a.start, date_a.end)
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


__all__ = ["TemporalLexicon", "find_times", "infer_anchor", "resolve_partial"]
