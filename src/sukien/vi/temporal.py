"""The temporal lexicon: ``data/vi/temporal.yaml`` and the patterns compiled from it.

``TemporalLexicon.load(res)`` (through ``res.temporal``, one per ``Resources``) reads the temporal
vocabulary (weekdays, parts of the day, relative days and periods, offsets, edges, vague
expressions, time zones, month names, known conflicts) and the number lexicon it owns
(``numbers``, a ``NumberLexicon``), and compiles the atom patterns ``timex.find_times`` uses: one
trie of trigger words and digits, and per trigger the small family of patterns tried there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .numbers import NumberLexicon, _alt, _nfc_lower, _trie_pattern

_L = r"(?<![\w])"
_R = r"(?![\w])"
_NUMEND = r"(?![\d/%]|[.,]\d|\w)"       # end of a date number: not more digits, not a decimal, not %


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
    bracket_nouns: set[str] = field(default_factory=set)
    hyphen_not_before: set[str] = field(default_factory=set)
    hyphen_not_after: set[str] = field(default_factory=set)
    generic_cues: set[str] = field(default_factory=set)
    bare_pods: dict[str, str] = field(default_factory=dict)
    bare_pod_not_before: set[str] = field(default_factory=set)
    bare_pod_not_after: set[str] = field(default_factory=set)
    bare_pod_cues: set[str] = field(default_factory=set)
    during: set[str] = field(default_factory=set)
    during_nouns: set[str] = field(default_factory=set)
    re_during: Any = None
    re_bare_pod_cue: Any = None
    ref_days: dict[str, int] = field(default_factory=dict)
    re_bare_pod: Any = None
    re_ref_day: Any = None
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
    re_bracket_cue_before: Any = None
    re_day_phrase_before: Any = None
    re_count_after: Any = None
    re_plan_before: Any = None          # "Kế hoạch hợp tác quốc phòng " before "năm 2026" (plan_period_nouns)
    plan_nouns: set = None
    plan_blockers: set = None

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
        lx.bracket_nouns = {k(e["key"]) for e in data.get("bracket_date_nouns", [])}
        lx.hyphen_not_before = {k(e["key"]) for e in data.get("hyphen_not_date_before", [])}
        lx.hyphen_not_after = {k(e["key"]) for e in data.get("hyphen_not_date_after", [])}
        lx.generic_cues = {k(e["key"]) for e in data.get("generic_period_cues", [])}
        lx.bare_pods = {k(e["key"]): e["part_of_day"] for e in data.get("bare_parts_of_day", [])}
        lx.bare_pod_not_before = {k(e["key"]) for e in data.get("bare_part_blockers_before", [])}
        lx.bare_pod_not_after = {k(e["key"]) for e in data.get("bare_part_blockers_after", [])}
        lx.bare_pod_cues = {k(e["key"]) for e in data.get("bare_part_sequence_cues", [])}
        lx.during = {k(e["key"]) for e in data.get("during_frames", [])}
        lx.during_nouns = {k(e["key"]) for e in data.get("during_nouns", [])}
        lx.ref_days = {k(e["key"]): int(e["offset"]) for e in data.get("ref_day_offsets", [])}
        lx.plan_nouns = {k(e["key"]) for e in data.get("plan_period_nouns", [])}
        lx.plan_blockers = {k(e["key"]) for e in data.get("plan_period_blockers", [])}
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
            # (the hyphen and dot styles too: từ 13-8 đến 15-8, từ 13 đến 15-8, từ ngày 9 đến 11.3.2026)
            "rangew": rf"từ\s+(?:ngày\s+)?(?P<w_d1>\d{{1,2}})(?:[/.-](?P<w_m1>\d{{1,2}}))?(?:[/.-](?P<w_y1>\d{{4}}))?"
                      rf"\s*(?:đến|tới|-|–)\s*(?:ngày\s+)?(?P<w_d2>\d{{1,2}})(?P<w_s>[/.-])(?P<w_m2>\d{{1,2}})"
                      rf"(?:[/.-](?P<w_y2>\d{{4}}))?{_NUMEND}",
            # 12 và 13/11, 12 và 13.11 (two consecutive days; other pairs are left to the plain d/m pattern)
            "andpair": rf"(?P<v_d1>\d{{1,2}})\s+và\s+(?:ngày\s+)?(?P<v_d2>\d{{1,2}})(?P<v_s>[/.-])(?P<v_m>\d{{1,2}})"
                       rf"(?:[/.-](?P<v_y>\d{{4}}))?{_NUMEND}",
            # 18/3/2025, 18-3-2025, 18.3.2025
            "dmy": rf"(?P<a_d>\d{{1,2}})(?P<a_s>[/.-])(?P<a_m>\d{{1,2}})(?P=a_s)(?P<a_y>\d{{4}}){_NUMEND}",
            # ngày 12 tháng 2 (năm 2025)
            "dwords": rf"ngày\s+(?P<b_d>\d{{1,2}})\s+tháng\s+(?P<b_m>\d{{1,2}})(?:\s*,?\s*năm\s+(?P<b_y>\d{{4}}))?{_R}",
            # (từ) tháng 3-4/2025 ; tháng 3 đến tháng 5 (năm 2025) ; tháng 11/2024 - 2/2025
            "monthrange": rf"(?:từ\s+)?tháng\s+(?P<mr_m1>\d{{1,2}})(?:\s*(?:/|,?\s*năm\s+)\s*(?P<mr_y1>\d{{4}}))?"
                          rf"(?:\s*[-–]\s*(?:tháng\s+)?|\s+(?:đến|tới)\s+tháng\s+)(?P<mr_m2>\d{{1,2}})"
                          rf"(?:\s*(?:/|,?\s*năm\s+)\s*(?P<mr_y2>\d{{4}}))?(?![\d/]|[.,]\d|\w)",
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
            "dm": rf"(?P<d_d>\d{{1,2}})(?P<d_s>[/.-])(?P<d_m>\d{{1,2}})(?![\d/%-]|[.,]\d|\w)",
            # 21h37, 13h, 21:37, 21 giờ 37 (phút)
            "time": rf"(?P<t_h>\d{{1,2}})\s*(?P<t_s>h|g|:|giờ)\s*(?P<t_m>\d{{2}})?(?:\s*phút)?(?!\w)"
                    rf"(?:\s+(?P<t_pod>{pod})(?!\w)(?!\s+(?:nay|qua|mai)(?!\w)))?",
            # (kể từ) đầu năm (nay)
            "edge_rel": rf"(?P<e_edge>{edge})\s+(?P<e_unit>năm|tháng|tuần)(?:\s+(?P<e_rel>nay|này|ngoái|trước|tới|sau|vừa\s+qua|qua))?{_R}",
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
            rx = re.compile(pat)
            # per alternative, its own groups (itself first, then those inside it, in group order):
            # only these can be set when that alternative matched
            order = sorted(rx.groupindex, key=rx.groupindex.get)
            starts = [order.index(n) for n in names] + [len(order)]
            groups = {n: tuple(order[starts[i]:starts[i + 1]]) for i, n in enumerate(names)}
            return rx, names, groups

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
        # ("chiều cùng ngày": the part of the day of a same-day reference, extract_date._previous_day)
        add([f"{p} {x}" for p in self.pods for x in D + ["ngày", "hôm", "thứ", "chủ nhật"]
             + sorted({w.split()[0] for w in self.same_day})], "pod")
        add([f"{e} {u}" for e in self.edges for u in ("tháng", "năm", "tuần")], "month", "month_word", "year", "edge_rel")
        add([f"tháng {m}" for m in self.month_names], "month_word")
        add([f"quý {q}" for q in ("i", "ii", "iii", "iv", "1", "2", "3", "4")], "quarter")
        add([f"ngày {d}" for d in D], "dwords")
        add([f"tháng {d}" for d in D], "monthrange", "month")
        add(["từ tháng"], "monthrange")
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
        # "vào buổi sáng" with no day of its own; "trước đó một ngày", "hôm sau": from the day last told
        if self.bare_pods:
            na = _alt(self.bare_pod_not_after) or "(?!)"
            self.re_bare_pod = re.compile(rf"(?<!\w)(?:vào\s+)?(?P<pod>{_alt(self.bare_pods)})"
                                          rf"(?!\w)(?!\s+(?:{na})(?!\w))(?!\s*\(?\s*\d)", f)
        if self.bare_pod_cues:
            self.re_bare_pod_cue = re.compile(rf"(?<!\w)(?:{_alt(self.bare_pod_cues)})(?!\w)", f)
        if self.during and self.during_nouns:
            # "Trong lúc cuộc gặp đang diễn ra": at the opening of the sentence, within one clause
            self.re_during = re.compile(rf"^\W*(?:{_alt(self.during)})\s+(?:{_alt(self.during_nouns)})\s+"
                                        rf"[^,.;:]{{1,40}}?\s+đang\s+diễn\s+ra(?!\w)", f)
        if self.ref_days:
            self.re_ref_day = re.compile(rf"(?<!\w)(?P<ref>{_alt(self.ref_days)})(?!\w)", f)
        self.re_years_past = re.compile(rf"{_L}(?:hơn|gần|khoảng|suốt|trong)?\s*({numw})\s+năm\s+(?:qua|nay){_R}", f)
        self.re_future_cue = re.compile(r"(?:^|\W)(?:sẽ|dự kiến|dự định|sắp|kế hoạch)(?!\w)", f)
        self.re_fraction_after = re.compile(
            r"\s+(?:số|dân số|diện tích|lãnh thổ|tổng|trong số|thành viên|phiếu|cử tri|lượng|trường hợp)(?!\w)", f)
        self.re_date_cue_before = re.compile(
            rf"(?:^|(?<=\W))(?:ngày|hôm|vào|từ|đến|tới|{pod}|{wd})\s*[(,]?\s*$", f)
        # a hyphenated day-month ("14-8") in brackets right after a day word or an event noun:
        # "hôm qua (13-8)", "cuộc hội đàm (14-8)"
        self.re_bracket_cue_before = re.compile(
            rf"(?:^|(?<=\W))(?:{_alt(self.bracket_nouns) or '(?!)'}|{reld})\s*\(\s*$", f)
        # ... or a few words after "ngày"/"hôm": "trong ngày làm việc đầu tiên 14-8"
        # the plan noun and at most four plain words, none a blocker, right before the year phrase
        if self.plan_nouns:
            blk = _alt(self.plan_blockers or ())
            gap = rf"(?:\s+(?!(?:{blk})(?!\w))[^\W\d_]+){{0,4}}" if self.plan_blockers else r"(?:\s+[^\W\d_]+){0,4}"
            self.re_plan_before = re.compile(rf"(?<!\w)(?:{_alt(self.plan_nouns)}){gap}\s+$", f)
        self.re_day_phrase_before = re.compile(r"(?:^|(?<=[^\w]))(?:ngày|hôm)((?:\s+[^\W\d_]+){1,4})\s+$", f)
        nlx = self.numbers
        after = list(self.hyphen_not_after)
        if nlx is not None:
            # currencies that are also plain words ("đồng loạt", "bảng giá", "yên bình") are left out
            after += list(nlx.duration_units) + [c for c in nlx.currencies if c.isascii() or " " in c] \
                + list(nlx.percent_words) + list(nlx.counted_nouns) + list(nlx.scales)
        # a count after "3-4" ("3-4 người", "2-3 ngày", "5-6 triệu USD", "3-4 nghìn"), but not "14-8 năm nay"
        self.re_count_after = re.compile(
            rf"\s*(?:{_alt(after) or '(?!)'})(?![\w$€])(?<!năm)|\s*năm(?!\s+(?:nay|ngoái|trước|tới|sau|\d{{4}})(?!\w))(?!\w)", f)
