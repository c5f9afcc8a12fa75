"""Event dates (docs/EVENTS.md "Date"): which time phrase of a sentence dates a trigger hit.

A time phrase belongs to the last trigger before it in its clause; a time before every trigger of
its clause goes to the nearest one, unless that one is only the venue the event is held at ("bên
lề Hội nghị cấp cao ..."); offsets, starts ("kể từ") and the day a denial or a plan was said are
no event dates. Called by ``extract_args.analyze_arguments`` once per trigger hit; what does not
depend on the hit is computed once per sentence (``_sentence_times``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .extract_recaps import recap_times
from .extract_sent import _dist, _said_before, _venue_between, facts

if TYPE_CHECKING:
    from .extract_args import Args

# "lần thứ ba trong năm nay", "lần đầu tiên trong tháng này": a count over a period
_COUNT_PERIOD = re.compile(r"(?<!\w)lần\s+(?:thứ\s+\w+|đầu tiên|\w+)\s+(?:trong|kể từ đầu)\s*$")
# "từ ngày 3/4", "từ 3/4" (never "kể từ ngày"): the first day of what is reported
_FROM_DAY = re.compile(r"(?<!kể )(?<!\w)từ\s+(?:ngày\s+)?$")
_SKIP_BEFORE_TIME = re.compile(r"(?:kể từ|từ|trước|sau|đến|tới|cho đến)\s*$")


def _time_value(t, anchor) -> tuple[str | None, str]:
    v = t.value
    txt = t.text.lower()
    if t.kind in ("date", "datetime", "partial_date", "month", "year", "range") and v:
        v = v.split("/")[0]
        if "T" in v:
            v = v.split("T")[0]
        if re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", v or ""):
            if (t.note or "").startswith("weekend") and t.kind == "range":
                return v, "weekend"    # "cuối tuần qua": its Saturday, one of two days (a weak date)
            # "hôm qua", "thứ Ba tuần trước": relative to the anchor; "3/6" (year inferred) is
            # still stated in the sentence
            return v, ("relative" if t.relative and not re.search(r"\d", t.text) else "sentence")
        month = _week_month(v, anchor.date)
        if month is not None:
            return month, "week"       # "tuần trước", "đầu tuần này": its month, never a day
        if re.fullmatch(r"XXXX-\d{2}-\d{2}", v or "") and re.search(r"\d", t.text):
            return v, "day_month"      # "14-8" with no year and no anchor: a partial key
        return None, "none"
    if ("cùng ngày" in txt or "hôm nay" in txt) and anchor.date and anchor.source == "pub_date":
        return anchor.date, "relative"
    return None, "none"


def _week_month(v: str | None, anchor_day: str | None = None) -> str | None:
    """The month of an ISO week ("2025-W33") when its Monday and Sunday fall in one month, else
    None: a reported week-level time ("hồi tuần trước", "đầu tuần này") names no day, but its month
    can be compared with the dated reports of the same event. A week after the anchor's ("tuần
    tới": a plan whose day is still open) gives none."""
    m = re.fullmatch(r"(\d{4})-W(\d{2})", v or "")
    if m is None:
        return None
    import datetime as _dt
    try:
        mon = _dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if anchor_day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", anchor_day[:10]) \
                and mon > _dt.date.fromisoformat(anchor_day[:10]):
            return None
    except ValueError:
        return None
    sun = mon + _dt.timedelta(days=6)
    return f"{mon.year}-{mon.month:02d}" if (mon.year, mon.month) == (sun.year, sun.month) else None


# "offset:-1d:ref" (timex): days counted from another time; bound only when counted from the day
# last told ("trước đó", "sau đó", "hôm sau"), never from an event named after it
_POD_BACK = 4          # sentences a bare part of the day looks back for a day told with a part of the day
_REF_DAYS = re.compile(r"offset:([+-]\d+)d:ref")
_TOLD_REF = re.compile(r"(?:trước|sau)\s+đó|hôm\s+(?:sau|trước\s+đó)")
_OFFSET_END = re.compile(r"(?:trước|sau)\s*$")
# "năm sau", "đầu năm sau", "tháng 4 năm sau", "cuối tuần sau": the next period after the
# article's date (resolved against the anchor), not an offset; "hai năm sau", "3 tháng sau" are
_NEXT_PERIOD = re.compile(r"(?:^|(?:thứ\s+\w+|chủ nhật|vào|đầu|cuối|giữa|tháng\s+\d{1,2})\s+)(?:năm|tháng|tuần)\s+sau\s*$")
# "tuần trước", "thứ Sáu tuần trước", "cuối tháng trước": the period before the article's date, not
# an offset ("hai tuần trước" is one)
_STATED_DAY = re.compile(r"\s*\(?(\d{1,2})[/-](\d{1,2})(?![/\d-])")
_LAST_PERIOD = re.compile(r"(?:^|(?:thứ\s+\w+|chủ nhật|vào|đầu|cuối|giữa|tháng\s+\d{1,2})\s+)(?:năm|tháng|tuần)\s+trước\s*$")
_OFFSET_AFTER = re.compile(r"\s*(?:trước|sau)(?:\s+khi)?\s+")


def _sentence_times(sv, triggers: list[tuple[int, int]], analysis) -> list[tuple]:
    """The time phrases of a sentence that can date its triggers, with what does not depend on the
    trigger: (time, value, basis, start, end, shared day, owning trigger). Computed once per
    sentence (the trigger set is the same for every hit of a sentence)."""
    f = facts(sv)
    key = ("times", tuple(sorted(triggers)))
    out = f.memo.get(key)
    if out is not None:
        return out
    out = []
    low = sv.low
    for t in sv.sent.times:
        v, basis = _time_value(t, analysis.anchor)
        txt = t.text.lower()
        shared = "cùng ngày" in txt or t.note == "same_day"
        if shared:
            # "the same day" (also "Trước đó, vào buổi sáng, ..."): the day last named before, else
            # the anchor
            prev_day = _previous_day(analysis, sv.sent, pod=t.part_of_day, lex=f.lex) if "cùng ngày" in txt \
                else _told_day(analysis, sv.sent, pod_first=t.part_of_day is not None, lex=f.lex)
            if prev_day:
                v, basis = prev_day, "relative"
            elif t.note == "same_day" and v is None and "cùng ngày" not in txt:
                continue      # a bare part of the day with no day told before it: no date
        elif v is None and (ref := _REF_DAYS.fullmatch(t.note or "")) and _TOLD_REF.search(txt):
            # "Trước đó một ngày", "Ngày hôm sau": days counted from the day last told
            prev_day = _told_day(analysis, sv.sent, lex=f.lex)
            if prev_day:
                import datetime as _dt
                v = (_dt.date.fromisoformat(prev_day) + _dt.timedelta(days=int(ref.group(1)))).isoformat()
                basis = "relative"
        if shared:
            # "Cùng ngày 13/10": the day stated right after it wins over the day it repeats
            said = _STATED_DAY.match(low, sv.from_doc(t.end))
            year = (v or analysis.anchor.date or "")[:4]
            if said is not None and re.fullmatch(r"\d{4}", year) \
                    and 1 <= int(said.group(1)) <= 31 and 1 <= int(said.group(2)) <= 12:
                v, basis = f"{year}-{int(said.group(2)):02d}-{int(said.group(1)):02d}", "sentence"
        if basis == "weekend" and v:
            v, basis = _weekend_day(analysis, t, v)
        if not v:
            continue
        s, e = sv.from_doc(t.start), sv.from_doc(t.end)
        if _COUNT_PERIOD.search(low, max(0, s - 30), s):
            continue          # "lần thứ ba trong năm nay": the period counted over, not a date
        start_day = False
        if _SKIP_BEFORE_TIME.search(low[max(0, s - 12):s]) and not (
                f.lex is not None and f.lex.ends["effective"].search(low, max(0, s - 30), s)):
            # ("có hiệu lực từ trưa 10/10": the start of a truce is its date); "thăm Lào từ ngày
            # 3/4": the first day of a trip or talks dates them when no other time does
            if _FROM_DAY.search(low, max(0, s - 12), s) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                start_day = True
            elif _WHEN_AFTER.match(low, e):
                # "Bước ngoặt đến hôm 10/5, khi X và Y đàm phán ...", "kéo dài đến ngày 15/8, khi
                # ...": the day of the when-clause that follows (that clause's event only)
                start_day = "when"
            else:
                continue
        if _OFFSET_END.search(low[s:e]) and not _NEXT_PERIOD.search(low[s:e]) and not _LAST_PERIOD.search(low[s:e]):
            continue          # "một ngày trước": an offset from an event, not a date
        off = _OFFSET_AFTER.match(low[e:e + 14])
        if off and any(0 <= os - (e + off.end()) <= 8 for os, _ in triggers):
            continue          # "một ngày trước cuộc gặp thượng đỉnh": relative to that event
        out.append((t, v, basis, s, e, shared, _time_owner(low, s, e, triggers), start_day))
    f.memo[key] = out
    return out


def _date(a: Args, sv, ts, te, others, analysis, lex=None, etype: str | None = None) -> None:
    best = None
    best_dm = None        # the nearest year-less day-month, used only when no full date is found
    best_eff = None       # the nearest time a truce or agreement takes effect from (a fallback)
    best_week = None      # the nearest week-level time ("tuần trước"): its month, when nothing else dates
    best_day = None       # the nearest time that names a day (beats a bare "năm nay" of its year)
    low = sv.low
    times = _sentence_times(sv, [(ts, te)] + list(others), analysis) if sv.sent.times else ()
    frame_end = _frame_end(low, ts, te) if times else None
    when_end = _when_end(low, ts, te) if times else None
    when = _WHEN.search(low, 0, ts) if times and "khi" in low[:ts] else None
    for t, v, basis, s, e, shared, owner, start_day in times:
        if when is not None and e <= when.start() and not low[e:when.start()].strip() and basis != "day_month":
            best = (0, v, basis, t)     # "là hôm 16/9, khi ông X gọi điện ...": the time of the when-clause
            break
        if start_day == "when":
            continue      # (a time after "đến"/"từ" dates only the when-clause right after it)
        if t.note == "plan_period":
            continue      # "ký Kế hoạch hợp tác năm 2026": the plan's year, not the signing's date
        if when_end is not None and s > when_end:
            continue      # "Trước chuyến thăm, tối 5/6, X điện đàm với Y": the main clause's time
        if frame_end is not None and s > frame_end and low[frame_end:s].strip(" ,"):
            continue      # "Tại cuộc điện đàm, hai bên nhất trí ... vào năm 2030": a goal, not the call's day
        if e <= ts and _AND_ONLY.fullmatch(low, e, ts) and any(x[3] >= te for x in times):
            continue      # "thiết lập quan hệ năm 1992 và nâng cấp quan hệ ... vào tháng 12/2022": the
            #               time ends the coordinated predicate before, the trigger's comes after it
        if s >= te and _SUBORDINATE.search(low, te, s):
            continue      # "Lệnh ngừng bắn được công bố vài giờ sau khi Mỹ không kích ... hôm 22/6"
        rel = _RELATIVE.search(low, te, s) if s >= te else None
        if rel is not None and low[te:rel.start()].strip():
            continue      # "chuyến thăm sẽ tạo xung lực cho quan hệ ..., được xác lập tháng 12/2022"
        d_me = _dist(s, e, ts, te)
        if not shared and owner != (ts, te):
            if owner is not None:
                # another event's time, unless that event is the venue this one is held at, or the
                # time ends the trip this one is coordinated with ("đã thăm Bắc Kinh hôm 23/4 và hội
                # đàm với Y": talks in the trip, the same day) and this one has no time of its own
                if not _venue_between(low, te, s, [owner], lex) and not _day_of_frame(low, owner, e, ts) \
                        and not (owner[1] <= s and e <= ts and _AND_ONLY.fullmatch(low, e, ts)
                                 and not any(x[3] >= te for x in times) and _trip(low, owner, lex)):
                    continue
            else:
                # a time before every trigger of its clause goes to the nearest trigger
                nearer = [(os, oe) for os, oe in others if _dist(s, e, os, oe) < d_me
                          and not ((we := _when_end(low, os, oe)) is not None and s > we)
                          and not _inner_when(low, os, oe, e)
                          and not any(x[6] == (os, oe) and x[4] <= s for x in times)]
                # ("chuyến thăm ... từ ngày 9 đến 11/3, sáng 10/3, ... X hội đàm với Y": a trigger
                # already dated by its own time before this one does not take a second one)
                if nearer and not _venue_between(low, te, s, nearer, lex) \
                        and not _fronted_venues(low, e, ts, nearer, lex):
                    continue
        if (a.status_explicit and a.status in ("planned", "hypothetical") or a.nominal and etype == "visit") \
                and _said_before(sv, e, ts):
            continue      # "Trả lời phóng viên cùng ngày, ông X nói cuộc gặp sẽ ...": the day it was said
            #               ("Chiều 22/1, người phát ngôn thông báo lịch trình chuyến thăm ...": a trip)
        if a.denial_at is not None and e <= a.denial_at:
            # "Peskov ngày 11/11 bác bỏ thông tin ...": the day of the denial, not of the event
            if basis != "day_month" and (a.denial_date is None or d_me < a.denial_date[0]):
                a.denial_date = (d_me, v)
            continue
        if start_day or lex is not None and s >= te and lex.ends["effective"].search(low, max(0, s - 30), s):
            # "có hiệu lực từ 10/10": the start of a truce dates it only when no other time does
            if best_eff is None or d_me < best_eff[0]:
                best_eff = (d_me, v, basis, t)
            continue
        if basis == "week":
            # "thứ Hai đầu tuần này": the day it names wins over the week's month
            if best_week is None or d_me < best_week[0]:
                best_week = (d_me, v, basis, t)
            continue
        if basis == "day_month":
            if best_dm is None or d_me < best_dm[0]:
                best_dm = (d_me, v, basis, t)
            continue
        if best is None or d_me < best[0]:
            best = (d_me, v, basis, t)
        if v and len(v) >= 10 and (best_day is None or d_me < best_day[0]):
            best_day = (d_me, v, basis, t)
    if best is not None and best_day is not None and len(best[1] or "") == 4 and best[3].relative \
            and best_day[1].startswith(best[1]):
        # "Chiều 22/11, X có cuộc gặp với Y, chủ nhà của hội nghị năm nay": "năm nay" (this year)
        # says less than the day of the same year the sentence names
        best = best_day
    if best is None and best_eff is not None and best_eff[2] != "day_month":
        best = best_eff
    if best is None and best_week is not None:
        best = best_week
    if best is None and best_dm is not None:
        _, v, _, t = best_dm
        a.day_month = v[5:]
        a.day_month_confidence = round(min(1.0, t.confidence) * 0.9, 3)
        return
    if best is None:
        fo = lex.ends.get("follow_on") if lex is not None else None
        if fo is not None and fo.match(low) and not any(os < ts for os, _ in others):
            # "Ngay sau đó, hai bên hội đàm": the day of the sentence just before
            prev = [x for x in analysis.sentences if x.index == sv.sent.index - 1]
            day = _previous_day(analysis, sv.sent, lex=lex) if prev and prev[0].times else None
            if day:
                a.date, a.date_basis, a.year_explicit, a.date_confidence = day, "relative", False, 0.6
        return
    _, v, basis, t = best
    a.date = v
    a.date_basis = "sentence" if basis in ("sentence",) else "relative"
    a.year_explicit = not t.relative
    # a weekend names two days: its Saturday (the annotation convention, the Sunday accepted too)
    # is half as sure as a day a sentence names, so a report that names the day wins over it
    weight = 0.9 if basis == "sentence" else 0.5 if basis == "week" else 0.4 if basis == "weekend" else 0.75
    # "rạng sáng nay (16/8, giờ Việt Nam)": the day on Vietnam's clock, a day after the local day
    # of an event in the Americas or Europe; the local day, when the article gives it, wins
    zone = getattr(t, "timezone", None)
    if zone is None:      # "rạng sáng nay (16/8, giờ Việt Nam)": the clock told in the parenthesis after it
        te_ = sv.from_doc(t.end)
        zone = next((getattr(t2, "timezone", None) for t2, v2, _, s2, *_ in times
                     if v2 == v and 0 <= s2 - te_ <= 3 and low[te_:s2].strip() in ("", "(")), None)
    a.vn_clock = zone == "Asia/Ho_Chi_Minh"
    a.date_confidence = round(min(1.0, t.confidence) * weight * (0.95 if a.vn_clock else 1.0), 3)


_AND_ONLY = re.compile(r"\s*,?\s*(?:và|rồi)\s+")
_SUBORDINATE = re.compile(r"(?<!\w)(?:sau khi|trước khi|kể từ khi|từ khi|ngay khi)(?!\w)")
_RELATIVE = re.compile(r",\s*(?:vốn\s+|đã\s+|vừa\s+)?được\s+\w+")   # a reduced relative clause of a noun
_WHEN = re.compile(r",\s*khi\s+[^,;:.]*$")
_WHEN_AFTER = re.compile(r"\s*\)?\s*,\s*khi\s")
_FRONTED = re.compile(r"^\s*(?:trong|tại)\s+(?:cuộc\s+|buổi\s+|chuyến\s+)?$")
# ("Một ngày sau cuộc gặp với X, hôm thứ Sáu (31/10), ...": an offset may open the clause)
_FRONTED_WHEN = re.compile(r"\s*(?:(?:(?:một|hai|ba|bốn|năm|vài|mấy|\d{1,2})\s+(?:ngày|tuần|tháng|giờ|năm)\s+)?"
                           r"(?:ngay\s+)?(?:sau|trước|kể từ|từ)(?:\s+khi)?|để|nhằm|nhân dịp"
                           r"|tiếp nối|tiếp theo|tiếp sau|trên cơ sở)\s")


# "Ngay trong ngày đầu tiên ngừng bắn (19/1), ...", "Vào ngày thứ hai của chuyến thăm (5/3), ...":
# a fronted day counted within another event
_DAY_OF = re.compile(r"(?:^|,)\s*(?:ngay\s+)?(?:trong|vào)?\s*ngày\s+(?:đầu\s+tiên|thứ\s+\w+|cuối\s+cùng)\s+"
                     r"(?:của\s+)?(?:lệnh\s+|thỏa\s+thuận\s+|cuộc\s+|chuyến\s+|đợt\s+)?$")


def _day_of_frame(low: str, owner: tuple[int, int], e: int, ts: int) -> bool:
    """"Ngay trong ngày đầu tiên ngừng bắn (19/1), Hamas thả 3 con tin": the time after an event
    that only counts the day ("ngày đầu tiên/thứ hai/cuối cùng của X") is the day of the clause
    that follows the frame (a trigger after the frame's comma), not only of X."""
    return ts >= e and low[e:ts].count(",") == 1 and not re.search(r"[;:.]", low[e:ts]) \
        and _DAY_OF.search(low[:owner[0]]) is not None


def _when_end(low: str, ts: int, te: int) -> int | None:
    """"Trước chuyến thăm, ...", "Sau khi các cuộc đàm phán bắt đầu, ...", "Để chuẩn bị cho chuyến
    thăm, ...": a trigger inside a fronted when- or purpose clause (the sentence opens with it, no
    comma before the trigger); the end of that clause (its comma), or None. A time after it is the
    main clause's."""
    if not _FRONTED_WHEN.match(low) or "," in low[:ts]:
        return None
    c = low.find(",", te)
    return c + 1 if c >= 0 else None


def _inner_when(low: str, os: int, oe: int, e: int) -> bool:
    """"Cũng trong chiều 22/7, trước cuộc điện đàm, Thủ tướng đã tiếp ...": a trigger inside a
    when-clause set off by commas after a fronted time (which ends at e) does not take that time
    from the main clause that follows."""
    c = low.rfind(",", 0, os)
    if c < e or "," not in low[oe:]:
        return False
    return _FRONTED_WHEN.match(low, c + 1) is not None


def _frame_end(low: str, ts: int, te: int) -> int | None:
    """"Tại cuộc điện đàm, ...": a talk fronted as the frame of the clause after it (a restatement);
    the end of the frame (its comma), or None."""
    if not _FRONTED.match(low[:ts]):
        return None
    c = low.find(",", te)
    return c + 1 if c >= 0 else None


def _trip(low: str, span: tuple[int, int], lex) -> bool:
    """The trigger at ``span`` is a trip ("thăm", "công du"; sides.yaml ``trip_words``)."""
    sides = lex.ends.get("sides") if lex is not None else None
    return sides is not None and sides.trip_words.search(low, span[0], span[1]) is not None


def _time_owner(low: str, s: int, e: int, triggers: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The trigger a time phrase belongs to: the last trigger before it in the same clause
    ("cuộc gặp ... tại Hà Nội năm 2019 kết thúc mà không đạt được thỏa thuận"); None when no
    trigger precedes it in its clause (then the nearest trigger takes it)."""
    left = [(a, b) for a, b in triggers if b <= s and not re.search(r"[,;:]", low[b:s])]
    return max(left) if left else None


def _weekend_day(analysis, tm, sat: str) -> tuple[str, str]:
    """"cuối tuần này" names a Saturday and a Sunday: the one of the two days on which a range of
    days stated with digits elsewhere in the article starts ("... vào cuối tuần này", then "thăm
    chính thức từ ngày 27 đến 28/4": the Sunday 27th, a sure day), else the Saturday (the annotation
    convention, a weak date: basis "weekend"). A single day of that weekend stated elsewhere is not
    taken ("hôm 27/7, Bộ Ngoại giao ra tuyên bố" is most often another event of the weekend)."""
    import datetime as _dt
    try:
        sun = (_dt.date.fromisoformat(sat) + _dt.timedelta(days=1)).isoformat()
    except ValueError:
        return sat, "weekend"
    said = set()
    for x in analysis.sentences:
        for t in x.times:
            if t is tm or not re.search(r"\d", t.text) or t.kind != "range":
                continue
            v = (t.value or "").split("/")[0].split("T")[0]
            if v in (sat, sun):
                said.add(v)
    if len(said) == 1:
        return said.pop(), "relative"
    return sat, "weekend"


def _told_day(analysis, sent, pod_first: bool = False, lex=None) -> str | None:
    """The day "trước đó, vào buổi sáng", "Trước đó một ngày", "Trong lúc cuộc gặp đang diễn ra"
    point at: with ``pod_first`` (a bare part of the day) a day stated with a part of the day in the
    few sentences before ("Tại cuộc gặp chiều 10/7, ... thỏa thuận đạt được hôm 2/7 ... Trước đó, vào
    buổi sáng, ...": the 10th, not the background 2nd); else the last day stated in this paragraph or
    the one before; else the day of the article's main event (the first day of its headline or lead:
    "Trước đó hai ngày" paragraphs after the last date, a background one, counts from the news)."""
    before = [x for x in analysis.sentences if x.index < sent.index]
    if pod_first:
        for s in reversed(before[-_POD_BACK:]):
            for t in reversed(s.times):
                v = (t.value or "").split("/")[0].split("T")[0]
                if t.part_of_day and t.kind in ("date", "datetime") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                    return v
    near = [x for x in before if x.paragraph >= sent.paragraph - 1]
    day = _previous_day(analysis, sent, near, lex=lex) if near else None
    heads = [x for x in before if x.role in ("title", "lead")]
    if day and lex is not None and _last_told(near, None, _recap_skip(analysis, lex)) is None:
        # the days told near are all in recap clauses: the news' day when it is a later one
        story = _previous_day(analysis, sent, heads, first=True) if heads else None
        return story if story is not None and story > day else day
    if day:
        return day
    return _previous_day(analysis, sent, heads, first=True) if heads else None


_POD_ORDER = ("dawn", "morning", "noon", "afternoon", "evening", "night")


def _previous_day(analysis, sent, scope=None, first: bool = False, pod: str | None = None,
                  lex=None) -> str | None:
    """The day "cùng ngày" refers to: the last day stated before this sentence (in ``scope``, the
    sentences to read, when given; with ``first`` the first day of the scope); within one sentence a
    single day wins over the first day of a range ("Chiều 14/8, ... chuyến thăm từ 13 đến 15/8": the
    14th). With ``pod``, the part of the day of the reference ("Chiều cùng ngày"), a sentence whose
    days are all told with that part of the day or a later one is passed over when an earlier
    sentence tells a day with an earlier part ("Sáng 29/10 ... hội đàm. ... tới London chiều 28/10,
    chuyến thăm từ 28 đến 30/10. ... Chiều cùng ngày, ... hội kiến": the 29th, the day whose
    morning was told). A day told in a recap clause ("..., sau cuộc gặp ... hôm 27/10":
    extract_recaps) is passed over when that gives a later day (the day the article tells)."""
    before = [x for x in analysis.sentences if x.index < sent.index] if scope is None else scope
    if first:
        for s in before:
            for t in s.times:
                v = (t.value or "").split("/")[0].split("T")[0]
                if t.kind in ("date", "datetime", "range") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                    return v
        return None
    rank = _POD_ORDER.index(pod) if pod in _POD_ORDER else None
    told = _last_told(before, rank)
    if lex is None or told is None:
        return told
    story = _last_told(before, rank, _recap_skip(analysis, lex))
    return story if story is not None and story > told else told


def _recap_skip(analysis, lex):
    """``skip`` for ``_last_told``: the times of a sentence told in a recap clause (memoized)."""
    memo = analysis.__dict__.setdefault("_recap_times", {})

    def recap(s) -> set[int]:
        got = memo.get(s.index)
        if got is None:
            got = memo[s.index] = recap_times(s, lex)
        return got
    return recap


def _last_told(before, rank: int | None, skip=None) -> str | None:
    """``_previous_day``'s walk back over ``before``; ``skip(sentence)``: the positions of the times
    of that sentence to pass over."""
    fallback = None
    for s in reversed(before):
        first_of_range = None
        days = []
        passed = skip(s) if skip is not None else ()
        for i in range(len(s.times) - 1, -1, -1):
            t = s.times[i]
            if i in passed:
                continue
            v = (t.value or "").split("/")[0].split("T")[0]
            if t.kind in ("date", "datetime", "range") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                if t.kind != "range":
                    days.append((v, t.part_of_day))
                else:
                    first_of_range = first_of_range or v
        if not days and not first_of_range:
            continue
        day = days[0][0] if days else first_of_range
        if rank is None:
            return day
        if days and all(p in _POD_ORDER and _POD_ORDER.index(p) >= rank for _, p in days):
            fallback = fallback or day       # told that afternoon already: look for a morning before
            continue
        if fallback is not None and not any(p in _POD_ORDER and _POD_ORDER.index(p) < rank for _, p in days):
            continue                         # only a day without a part of the day: keep looking
        return day if fallback is None else next(v for v, p in days if p in _POD_ORDER
                                                 and _POD_ORDER.index(p) < rank)
    return fallback


def _fronted_venues(low: str, e: int, ts: int, nearer, lex) -> bool:
    """"Ngày 26/5, bên lề Hội nghị Cấp cao ASEAN ..., X đã có cuộc gặp với Y": the triggers between a
    fronted time and this one are all the venue the event is held at (a venue word before them)."""
    return lex is not None and all(e <= os and oe <= ts and lex.ends["venue"].search(low, max(0, os - 25), os)
                                   for os, oe in nearer)


_LIST_JOIN = re.compile(r"(?:,|\s(?:và|rồi|cũng như)\s)")


def listed_days(sv, te: int, triggers: list[tuple[int, int]]) -> list[str]:
    """"hai Thủ tướng đã điện đàm ngày 14-2-2025 về ..., ngày 24-7-2025 khi ..., và ngày 3-11-2025":
    the full days listed right after a talk trigger, each one occasion of it (one talk a day). Only
    days opened by "ngày" and joined by commas or "và", with no other trigger between them; [] when
    fewer than two."""
    low = sv.low
    days: list[tuple[int, int, str]] = []
    for t in sv.sent.times:
        v = (t.value or "").split("/")[0]
        s, e = sv.from_doc(t.start), sv.from_doc(t.end)
        if s < te or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) or not re.match(r"(?:vào\s+)?ngày\s+\d", low[s:e]):
            continue
        days.append((s, e, v))
    days.sort()
    out: list[str] = []
    last = te
    for s, e, v in days:
        gap = low[last:s]
        if any(last <= a < s for a, _ in triggers) or len(gap) > 90 or ";" in gap or "." in gap.rstrip(".") \
                or (out and _LIST_JOIN.search(gap) is None) or (not out and len(gap.strip()) > 6):
            break
        out.append(v)
        last = e
    return out if len(set(out)) >= 2 else []
