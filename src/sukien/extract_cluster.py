"""The clustering of one article's mentions into events (docs/EVENTS.md "Mentions → document
events"): the event under construction (``_Ev``), when a mention may join an event and how well
(``_compatible``), attaching a mention (``_add``), and the passes over the clustered events that
split summaries and join the halves of one talk. Used by ``extract_docs.cluster_and_build``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .models import EventMention

@dataclass
class _Ev:
    type: str
    mentions: list[EventMention] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)       # countries / organizations
    country: dict[str, str | None] = field(default_factory=dict)
    date: str | None = None
    status: str | None = None          # explicit status seen so far
    soft: str | None = None            # soft status hint seen so far
    location: str | None = None
    quantities: dict[str, float] = field(default_factory=dict)
    ordinal: int | None = None
    location_country: str | None = None
    length: tuple | None = None        # (minutes, qualifier, Evidence) of a talk length (extract_talklen)
    past: bool = False                 # its date lies in a month before the article's (mark_past)
    # countries() until the sides change (_add clears it); never modified by its readers
    _sides: set[str] | None = field(default=None, repr=False, compare=False)

    def countries(self) -> set[str]:
        if self._sides is None:
            self._sides = {self.country.get(p) or p for p in self.persons + self.others}
        return self._sides


def _m_parts(m: EventMention, cache: dict | None = None) -> tuple[list[str], list[str], dict[str, str | None]]:
    """(persons, others, countries) of a mention's participants. ``cache``: values by id(m), for
    mentions whose participants no longer change (the clustering of cluster_and_build); the
    lists returned are never modified by the callers."""
    if cache is not None:
        v = cache.get(id(m))
        if v is None:
            v = cache[id(m)] = _m_parts(m)
        return v
    cmap = m.flags.get("countries") or {}
    pkind = m.flags.get("pkind") or {}
    persons = [p for p in m.participants if pkind.get(p) == "person"]
    others = [p for p in m.participants if p not in persons]
    return persons, others, cmap


def _compatible(e: _Ev, m: EventMention, cues, ignore_participants: bool = False,
                cache: dict | None = None) -> float | None:
    """Score of merging mention m into event e, None when incompatible (``cues``: the compiled
    cue lists, ``Resources.cues``)."""
    cross = False
    if m.type != e.type:
        # a meeting and a negotiation of the same sides at the same place are one event
        # ("gặp trực tiếp tại Istanbul" / "vòng đàm phán Istanbul")
        if {m.type, e.type} != {"meeting", "negotiation"}:
            return None
        # (an event that already holds a mention of m's type is that talk told both ways)
        if not (m.location and m.location == e.location) and not any(x.type == m.type for x in e.mentions) \
                and not _back_reference(e, m, cues):
            # ... or, without a place, the very same sides and no contradicting status
            mc = {(m.flags.get("countries") or {}).get(p) or p for p in m.participants}
            if len(mc) < 2 or mc != e.countries():
                return None
            if m.status != (e.status or e.soft or "occurred") or m.status in ("planned", "hypothetical"):
                return None       # plans are too vague to tell apart: keep them as they are
            # (both reported, or both denied: "phủ nhận có cuộc gặp" / "phủ nhận ... gặp nhau để đàm phán")
        cross = True
    if m.date and e.date and not _dates_agree(m.date, e.date) and not _clock_days(e, m):
        return None
    if m.type == "statement" and (km := _message_kind(m, cues)) \
            and any((kx := _message_kind(x, cues)) and kx != km for x in e.mentions):
        return None       # "Cũng tại cuộc họp báo, người phát ngôn thông báo X đã gửi thư ...": two statements
    if m.type == "meeting" and (fm := _format(m, cues)) and any((fx := _format(x, cues)) and fx != fm for x in e.mentions):
        return None       # "cuộc gặp ba bên" / "gặp riêng từng người": a joint meeting and a separate one
    dm = _day_month(m)
    if dm and any((x_dm := _day_month(x)) and x_dm != dm and not _clock_pair(x, m) for x in e.mentions):
        return None       # "chiều 10-5" / "ngày 12-5" with no year anywhere: still two days
    near_place = False
    if m.location and e.location and m.location != e.location:
        # "Anchorage" / "Alaska": places of one country may be one place told two ways when the
        # sides are the same; places in different (or unknown) countries never are
        mcn, ecn = m.flags.get("location_country"), e.location_country
        if not (mcn and mcn == ecn and (m.participants and {(m.flags.get("countries") or {}).get(p) or p
                                                           for p in m.participants} == e.countries()
                                        or not m.participants and m.location == mcn)) \
                and not _venue_in(e, m.location):
            # ("tại Oman" in a headline without sides / "ở Muscat": the country of the city)
            # "cuộc gặp tại Anchorage kéo dài ..." with no sides and no date of its own: an
            # occurred talk held in the same country as an occurred talk of the article ("ở
            # Alaska") is that talk
            if not (mcn and mcn in (ecn, e.location) and not m.participants and not m.date
                    and (m.type == e.type or _back_reference(e, m, cues))
                    and (m.status or "occurred") == (e.status or "occurred") == "occurred"):
                return None
        near_place = True
    outcome = m.type in ("ceasefire", "agreement", "prisoner_exchange")
    if e.status in ("planned", "hypothetical") and m.type in _MEET_NEG and _held(m, cues):
        return None       # "Sau khi cuộc gặp kết thúc, ...": a talk that has ended is no plan
    if _plan_and_past(e, m) or _earlier_year(e, m):
        return None
    if m.flags.get("background") and e.status in ("planned", "hypothetical"):
        return None       # "Hồi tháng 11/2023, hai bên từng ...": a recap is never the planned event
    if m.flags.get("status_explicit") and m.status in ("planned", "hypothetical") \
            and ((m.date or dm) and not e.date or _next_round(m, cues)) \
            and e.mentions and (e.status or "occurred") == "occurred" \
            and all((x.status or "occurred") == "occurred" for x in e.mentions) \
            and any(x.duration_minutes or (x.flags.get("status_explicit") and x.status == "occurred")
                    for x in e.mentions):
        # "Trong ngày 11/6, Thủ tướng dự kiến tọa đàm ...": a dated plan beside a reported event
        # is another event; it must not give the reported one its date and status. So is the plan
        # of a next round ("hai đoàn nhất trí tổ chức vòng đàm phán kế tiếp vào thứ Bảy tuần sau"),
        # dated or not, beside the held round: the round after it, never that one
        return None
    if m.type in _MEET_NEG and e.type in _MEET_NEG:
        # the next round planned after the held talks is another event: a plan of a next round
        # never joins an event told as held (a length, "đã diễn ra", "vòng đầu tiên"), nor a held
        # mention the event of such a plan
        # ("... sẽ gặp nguy hiểm nếu đàm phán thất bại": a bare talk verb in a plan or a condition,
        # with no sides and no date of its own, is no restatement of the talks told as held either)
        if (_next_plan(m, cues) or _bare_plan(m) or _undated_plan(m)) and any(_told_held(x, cues) for x in e.mentions):
            return None
        if _told_held(m, cues) and any(_next_plan(x, cues) or _bare_plan(x) for x in e.mentions) \
                and not any(_told_held(x, cues) for x in e.mentions):
            return None
    same = outcome and any(x.sentence_index == m.sentence_index for x in e.mentions)
    if same:
        ignore_participants = True      # "X trao trả 33 con tin, đổi lại Y phóng thích ...": one exchange
    elif m.type == "prisoner_exchange" and bool(m.flags.get("remainder")) != any(
            x.flags.get("remainder") for x in e.mentions):
        return None                     # "hoàn tất phần còn lại ...": the rest is another exchange
    if m.flags.get("status_explicit") and e.status and m.status != e.status and not outcome:
        if {m.status, e.status} != {"planned", "hypothetical"} and not _disputed(e, m, cache) \
                and not _bears_out(e, m) and not _fulfilled(e, m, cues):
            return None
    for k, v in (m.quantities or {}).items():
        if k in e.quantities and not _counts_agree(e.quantities[k], v):
            return None
    if m.type == "agreement" and (m.quantities or {}).get("documents", 0) >= 2 and "documents" not in e.quantities \
            and all(x.sentence_index != m.sentence_index for x in e.mentions) \
            and not any(x.flags.get("uncounted") for x in e.mentions):
        return None      # "lễ ký 5 văn kiện" is not the one joint statement told before (but "một loạt văn kiện")
    if m.flags.get("state_act") and e.quantities.get("documents", 0) >= 2 \
            and all(x.sentence_index != m.sentence_index for x in e.mentions):
        return None      # ... nor the joint statement told after it
    if m.ordinal and e.ordinal and m.ordinal != e.ordinal:
        return None                      # "vòng thứ ba" is not "vòng đầu tiên"
    if m.type == "proposal" and not m.flags.get("nominal") and any(
            not x.flags.get("nominal") and bool(x.flags.get("talking_point")) != bool(m.flags.get("talking_point"))
            for x in e.mentions):
        return None      # a request said in the reported talk is not the invitation told apart from it
    score = 1.0 + 0.01 * len(e.mentions) + (2.0 if m.location and m.location == e.location else 0.0) \
        + (1.0 if near_place else 0.0) \
        - (0.5 if cross else 0.0)
    if e.status in ("planned", "hypothetical") and not m.flags.get("status_explicit") and not outcome:
        score -= 1.5      # an unmarked restatement is rather the reported (occurred) event
    if m.flags.get("tells") is not None and any(x.start == m.flags["tells"] for x in e.mentions):
        score += 1.0      # "... diễn ra hôm 1/2, khi ông X gọi điện cho ông Y": the talk it tells of
    if m.flags.get("role") in ("title", "heading") and any(x.flags.get("role") == "lead" for x in e.mentions):
        score += 0.5      # a headline restates the lead
    if ignore_participants:
        return score + (1.0 if same else 0.0)
    persons, others, cmap = _m_parts(m, cache)
    mc = {cmap.get(p) or p for p in persons + others}
    ec = e.countries()
    if mc and ec:
        if not (mc <= ec or (ec <= mc and len(ec) < 2)):
            # an outcome (ceasefire, exchange) restated with other sides named: within one
            # article the same event when the sides overlap
            if not (outcome and mc & ec):
                return None
        # same country, different named persons: a different event (ministers vs leaders)
        for c in mc & ec:
            mp = {p for p in persons if cmap.get(p) == c}
            ep = {p for p in e.persons if e.country.get(p) == c}
            if mp and ep and not (mp & ep):
                return None
        score += len(mc & ec) + len(set(persons) & set(e.persons))
    return score


def _venue_in(e: _Ev, place: str) -> bool:
    """"diễn ra tại Lancaster House ở trung tâm London": the event's venue, told in the article as
    lying in ``place`` (extract_focus.venue_places: the flag ``venues`` of every mention), is in that city: a
    mention placed in the city is the event held at the venue."""
    return any(place in ((x.flags.get("venues") or {}).get(e.location) or ()) for x in e.mentions[:1])


def _back_reference(e: _Ev, m: EventMention, cues) -> bool:
    """"Cuộc đàm phán diễn ra chiều 2/5 ... Sau khi cuộc gặp kết thúc, ...", "Trước cuộc gặp ở
    Doha, ...": a bare meeting noun (no sides, no date, no status of its own) refers to the held
    negotiation of the article (talks are a meeting) when that was told in its sentence or up to
    two sentences before it, or when it names its place (the place itself, or a city of the country
    the talks are placed in). Not the other way round: "nhiều vòng đàm phán" beside a summit are
    the rounds that prepared it."""
    if m.type != "meeting" or e.type != "negotiation" or not m.flags.get("nominal") or m.participants \
            or m.date or m.flags.get("status_explicit") or (e.status or "occurred") != "occurred" or not e.mentions:
        return False
    ev = m.evidence
    if ev is not None and cues.own_sides_after.match(ev.sentence[max(0, m.end - ev.start):].lower()):
        return False      # "cuộc gặp của các trưởng đoàn": it names its own sides
    if m.location:
        return m.location == e.location or (e.location is not None and (m.flags.get("location_country") or None)
                                             in (e.location, e.location_country))
    return any(x.start < m.start and 0 <= m.sentence_index - x.sentence_index <= 2 for x in e.mentions)


def _next_round(m: EventMention, cues) -> bool:
    """A talk noun followed by "next" ("vòng đàm phán kế tiếp", "cuộc gặp tiếp theo"), or a round
    form that ends in it ("vòng kế tiếp"): cue ``next_after``. The round after the reported one."""
    if m.type not in _MEET_NEG or not m.flags.get("nominal"):
        return False
    trig = m.trigger.lower()
    if any(cues.next_after.match(trig[i:]) for i, ch in enumerate(trig) if ch == " "):
        return True
    ev = m.evidence
    if ev is None or not ev.sentence:
        return False
    return cues.next_after.match(ev.sentence[max(0, m.end - ev.start):].lower()) is not None


def _next_plan(m: EventMention, cues) -> bool:
    """A plan of the next round ("hai đoàn nhất trí tổ chức vòng đàm phán kế tiếp ...")."""
    return bool(m.flags.get("status_explicit") and m.status in ("planned", "hypothetical") and _next_round(m, cues))


def _bare_plan(m: EventMention) -> bool:
    """A talk verb in a plan or a condition naming no sides and no date ("nếu đàm phán thất bại")."""
    return bool(m.flags.get("status_explicit") and m.status in ("planned", "hypothetical") and not m.participants
                and not m.date and not m.flags.get("nominal"))


def _undated_plan(m: EventMention) -> bool:
    """A talk verb in a plan, undated ("Chủ tịch nước dự kiến gặp gỡ cộng đồng doanh nghiệp hai nước
    trước khi rời Manila"): the article's talks told as held are not what is still planned."""
    return bool(m.type in _MEET_NEG and m.flags.get("status_explicit") and m.status in ("planned", "hypothetical")
                and not m.date and not m.flags.get("nominal"))


def _told_held(m: EventMention, cues) -> bool:
    """A talk mention told as held: reported (occurred) with its length, its end ("kết thúc"), an
    explicit "đã"/"diễn ra" of its own, or as the first round."""
    if (m.status or "occurred") != "occurred" or m.type not in _MEET_NEG or _next_round(m, cues):
        return False
    return bool(m.duration_minutes or m.ordinal == 1 or _held(m, cues)
                or m.flags.get("status_explicit") and m.flags.get("asserted"))


def _held(m: EventMention, cues) -> bool:
    """The talk noun is followed by its end ("cuộc gặp kết thúc", cue ``held_after``)."""
    ev = m.evidence
    if ev is None or not ev.sentence:
        return False
    return cues.held_after.match(ev.sentence[max(0, m.end - ev.start):].lower()) is not None


def _plan_and_past(e: _Ev, m: EventMention) -> bool:
    """"Tổng Bí thư sẽ thăm Hàn Quốc" (a plan, undated) is not an event dated in a month before the
    article's (a visit "hồi tháng 3" in a September article), whichever of the two came first."""
    if m.flags.get("status_explicit") and m.status == "planned" and not m.date:
        return e.past and (e.status or "occurred") not in ("planned", "hypothetical")
    if m.date and m.flags.get("past") and not m.flags.get("status_explicit") and e.mentions and not e.date:
        return e.status == "planned"
    return False


def _earlier_year(e: _Ev, m: EventMention) -> bool:
    """"Năm 2019, hai nước đã ký kết một số thỏa thuận": a mention dated by a year alone before the
    article's is a recap; it never joins an undated event the article reports (no past or background
    mention in it). extract_docs founds the article's events before such recaps."""
    return bool(m.flags.get("past") and m.date and len(m.date) == 4 and not e.date and e.mentions
                and not any(x.flags.get("past") or x.flags.get("background") for x in e.mentions))


def mark_past(mentions: list[EventMention], anchor: str | None) -> None:
    """Flag ``past`` on every mention dated in a month (a year, for a year alone) before the
    article's anchor month: it tells a past event from a plan (``_plan_and_past``)."""
    if not anchor or len(anchor) < 7:
        return
    for m in mentions:
        d = m.date
        if d and (d[:4] < anchor[:4] if len(d) == 4 else d[:7] < anchor[:7]):
            m.flags["past"] = True


def _bears_out(e: _Ev, m: EventMention) -> bool:
    """"... để điện đàm với X" (a purpose: hypothetical), "ông A gọi cho ông X. Cuộc điện đàm kéo
    dài 40 phút": a sideless, undated talk told as done right after an unmarked report of the
    event (its sentence or the one before) is that event, and shows it took place."""
    if m.status != "occurred" or e.status not in ("planned", "hypothetical") or m.participants or m.date:
        return False
    return any(x.participants and x.flags.get("asserted") and not x.flags.get("status_explicit")
               and x.start < m.start and 0 <= m.sentence_index - x.sentence_index <= 1 for x in e.mentions)


def _fulfilled(e: _Ev, m: EventMention, cues) -> bool:
    """"Hôm 7/4, ông X công bố hai nước sẽ đàm phán vào cuối tuần" beside the talks told as held
    on that weekend's day: the plan of that very event, announced before it (the same full day;
    not a next round)."""
    return bool(m.status == "planned" and e.status == "occurred" and m.date and len(m.date) == 10
                and m.date == e.date and m.type in _MEET_NEG and not _next_round(m, cues)
                and any(_told_held(x, cues) for x in e.mentions))


def _disputed(e: _Ev, m: EventMention, cache: dict | None) -> bool:
    """"Điện Kremlin bác bỏ thông tin cho rằng X đã điện đàm với Y" and the article's account of
    that report ("tờ báo dẫn nguồn tin cho biết X đã điện đàm với Y hôm thứ Năm"): one event, denied.
    A denial of a report and an occurred mention of exactly the same two or more sides."""
    if {m.status, e.status} != {"denied", "occurred"}:
        return False
    if not (m.flags.get("disputes") or any(x.flags.get("disputes") for x in e.mentions)):
        return False
    persons, others, cmap = _m_parts(m, cache)
    mc = {cmap.get(p) or p for p in persons + others}
    return len(mc) >= 2 and mc == e.countries()


def _message_kind(m: EventMention, cues) -> str | None:
    """"letter" for a statement trigger naming a letter, telegram or note (cue ``letter_trigger``),
    "briefing" for one naming a statement made in public, a press briefing or a joint statement
    (cue ``briefing_trigger``), else None."""
    if m.type != "statement":
        return None
    t = m.trigger.lower()
    if cues.briefing_trigger.search(t):
        return "briefing"
    return "letter" if cues.letter_trigger.search(t) else None


def _format(m: EventMention, cues) -> str | None:
    """"joint" for a reported meeting told as three- or more-sided ("cuộc gặp ba bên"), "separate"
    for one told as one-on-one apart from it ("gặp riêng ông X", "hội đàm riêng"), else None (also
    for plans: "thu xếp cuộc gặp ba bên" names no held format): a joint meeting and the separate
    ones held around it are different events. (Cues ``separate``, ``separate_trigger``, ``joint``,
    ``joint_trigger`` of events/cues.yaml.)"""
    ev = m.evidence
    if ev is None or m.type not in ("meeting", "negotiation") or (m.status or "occurred") != "occurred" \
            or not m.flags.get("asserted"):
        return None
    rest = ev.sentence[m.end - ev.start:m.end - ev.start + 24].lower()
    trigger = m.trigger.lower()
    if cues.separate_trigger.search(trigger) or cues.separate.match(rest):
        return "separate"
    return "joint" if cues.joint.match(rest) or cues.joint_trigger.search(trigger) else None


def _day_month(m: EventMention) -> str | None:
    """"MM-DD" of a mention's day: its full date's, or the day and month it names without a year."""
    if m.date and len(m.date) == 10:
        return m.date[5:]
    return None if m.date else m.flags.get("day_month")


def _counts_agree(a: float, b: float) -> bool:
    """1.968 and "gần 2.000": a round count (a multiple of 100, 1.000 or more) within 5% of the
    other is that count rounded; other counts must be equal."""
    if abs(a - b) <= 1e-6:
        return True
    r = max(a, b) if max(a, b) % 100 == 0 else min(a, b) if min(a, b) % 100 == 0 else None
    return r is not None and r >= 1000 and abs(a - b) <= 0.05 * r


def _dates_agree(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _vn_day(e: _Ev) -> bool:
    """The event's day was told on Vietnam's clock (and no mention gives another day)."""
    return any(x.date == e.date and x.flags.get("vn_clock") for x in e.mentions)


def _clock_pair(x: EventMention, m: EventMention) -> bool:
    """Two mentions' days one apart, one told on Vietnam's clock and the other not."""
    if bool(x.flags.get("vn_clock")) == bool(m.flags.get("vn_clock")):
        return False
    e = _Ev(type=x.type, mentions=[x], date=x.date)
    return _clock_days(e, m)


def _clock_days(e: _Ev, m: EventMention) -> bool:
    """Two days one apart, one of them told on Vietnam's clock ("rạng sáng nay (16/8, giờ Việt
    Nam)") and the other not (the local "hôm thứ Sáu (15/8)"): one day told on two clocks."""
    if not (m.date and e.date and len(m.date) == len(e.date) == 10):
        return False
    if bool(m.flags.get("vn_clock")) == _vn_day(e):
        return False
    from datetime import date
    try:
        return abs(date.fromisoformat(m.date).toordinal() - date.fromisoformat(e.date).toordinal()) == 1
    except ValueError:
        return False


def _add(e: _Ev, m: EventMention, loose: bool = False, cache: dict | None = None) -> None:
    """Attach m to e. ``loose``: m was attached without a participant check (anaphora), so it
    only contributes participants of countries the event already has."""
    e.mentions.append(m)
    persons, others, cmap = _m_parts(m, cache)
    if not loose and m.type in ("ceasefire", "agreement", "prisoner_exchange") and len(e.countries()) >= 2:
        mc = {cmap.get(p) or p for p in persons + others}
        loose = not mc <= e.countries()      # restated with another side named: keep the parties
        if loose and m.type == "prisoner_exchange":
            _replace_captive_side(e, m, persons + others, cmap)
    if m.flags.get("role") == "caption" and e.type == "negotiation" and e.mentions[:-1] and len(e.countries()) >= 2:
        # "Ảnh: Ngoại trưởng X rời địa điểm đàm phán": a photo caption shows who was there; it does
        # not name the sides of talks the article already told between two states
        persons, others = [], []
    if m.flags.get("status_explicit") and m.status == "planned" and e.status == "occurred" and m.date \
            and m.date == e.date and e.mentions[:-1] and len(e.countries()) >= 2:
        # the plan of talks told as held (extract_cluster._fulfilled: "Hôm 7/4, ông X công bố hai
        # nước sẽ đàm phán vào cuối tuần"): the announcer is no side, the held account names them
        persons, others = [], []
    if loose and e.mentions[:-1]:
        ec = e.countries()
        persons = [p for p in persons if (cmap.get(p) or p) in ec]
        others = [p for p in others if (cmap.get(p) or p) in ec]
    if m.type == "agreement" and any(x.flags.get("state_act") for x in e.mentions):
        # a state act (a tariff deal, an upgrade of relations): the leaders who restate it ("Thỏa
        # thuận ... giữa hai nhà lãnh đạo") stand for their states, the parties
        others = others + [c for p in persons if (c := cmap.get(p) or e.country.get(p)) and c not in others]
        persons = [p for p in persons if not (cmap.get(p) or e.country.get(p))]
        if m.flags.get("state_act"):
            for p in [p for p in e.persons if e.country.get(p)]:
                e.persons.remove(p)
                if e.country[p] not in e.others and e.country[p] not in others:
                    others.append(e.country[p])
    for p in persons:
        if p not in e.persons:
            e.persons.append(p)
    for p in others:
        if p not in e.others:
            e.others.append(p)
    joiners = m.flags.get("joiners")
    if joiners and (not m.flags.get("status_explicit") or len(e.mentions) == 1 or m.status == (e.status or "occurred")):
        # "X cũng tham gia cuộc trò chuyện": X takes part in the talk (not when X only may join it)
        pkind = m.flags.get("pkind") or {}
        for p in joiners:
            side = e.persons if pkind.get(p) == "person" else e.others
            if p not in side:
                side.append(p)
    for p, c in cmap.items():
        e.country.setdefault(p, c)
    e._sides = None
    if m.date and (not e.date or len(m.date) > len(e.date)
                   or m.date != e.date and not m.flags.get("vn_clock") and _vn_day(e)):
        e.date = m.date          # (the local day wins over Vietnam's clock)
        e.past = bool(m.flags.get("past"))
    if m.flags.get("status_explicit"):
        if e.status == "occurred" and m.flags.get("disputes"):
            e.status = "denied"       # the report this denial disputes (_disputed)
        elif e.status == "denied" and m.status == "occurred" and any(x.flags.get("disputes") for x in e.mentions):
            pass
        elif _modal_aside(e, m):
            pass
        elif e.status is None or _STATUS_RANK[m.status] > _STATUS_RANK[e.status]:
            e.status = m.status
    if m.flags.get("status_soft") and e.soft is None:
        e.soft = m.flags["status_soft"]
    conflicting = m.flags.get("status_explicit") and e.status and m.status != e.status
    if m.location and not e.location and not conflicting:
        e.location = m.location       # a proposal merged into the outcome does not give its place
        e.location_country = m.flags.get("location_country")
    for k, v in (m.quantities or {}).items():
        e.quantities.setdefault(k, v)
    if m.ordinal and not e.ordinal:
        e.ordinal = m.ordinal


def _modal_aside(e: _Ev, m: EventMention) -> bool:
    """"Lệnh ngừng bắn có hiệu lực từ 19/1 ... Sau đó Mỹ đề xuất gia hạn ngừng bắn": a truce,
    exchange or agreement already reported as done on a day is not made a plan, a possibility or a
    denial by a later bare mention (no sides, no date, no denial of a report) that only speaks of
    its extension, its procedure or a further step."""
    if m.type not in ("ceasefire", "agreement", "prisoner_exchange") or m.status == "occurred":
        return False
    if m.date or m.participants or m.flags.get("disputes"):
        return False
    return any(x.date and (x.status or "occurred") == "occurred" and x.flags.get("asserted")
               for x in e.mentions if x is not m)


def _replace_captive_side(e: _Ev, m: EventMention, parts: list[str], cmap: dict) -> None:
    """An exchange whose sides are a releaser and the nationality of its captives ("Israel trả tự
    do cho 1.968 người Palestine") restated by a mention naming that releaser and another releaser
    ("Hamas thả 20 con tin, Israel phóng thích ... tù nhân"): the other releaser is the side."""
    weak = []
    for p in e.others:
        having = [x for x in e.mentions[:-1] if p in x.participants]
        if having and all(p in (x.flags.get("captive_sides") or ()) for x in having):
            weak.append(p)
    mine = m.flags.get("captive_sides") or ()
    strong = [p for p in parts if p not in mine and (cmap.get(p) or p) not in e.countries()]
    if len(weak) != 1 or len(strong) != 1 or not any(
            (cmap.get(p) or p) in e.countries() for p in parts if p not in mine):
        return
    e.others[e.others.index(weak[0])] = strong[0]
    e.country.setdefault(strong[0], cmap.get(strong[0]))
    e._sides = None


_MEET_NEG = ("meeting", "negotiation")
_STATUS_RANK = {"denied": 0, "hypothetical": 1, "planned": 2, "occurred": 3}


_TALKS = ("phone_call", "meeting", "negotiation")


def _sides_of(m: EventMention, cache: dict | None) -> set[str]:
    persons, others, cmap = _m_parts(m, cache)
    return {cmap.get(p) or p for p in persons + others}


def split_summaries(events: list[_Ev], cache: dict | None = None) -> list[_Ev]:
    """"Ngày 12/10, Thủ tướng đã hội kiến Tổng thống Hàn Quốc, Thủ tướng Nhật Bản và Thủ tướng
    Australia", then each meeting told on its own ("Sáng 12/10, Thủ tướng gặp Tổng thống Hàn Quốc",
    "Cuối ngày, Thủ tướng gặp ..."): the mention naming every side founds an event and each meeting
    joins it as a subset. A talk event of three or more sides holding verbal mentions of
    two sides that share one side (the hub) and differ in the other, with two or more such other
    sides, is one event per other side; the mentions naming several of them (the summary) join the
    first of those events without adding sides. A meeting of three sides restated with one pair
    ("A, B và C hội đàm" / "A gặp B") stays one event."""
    out: list[_Ev] = []
    for e in events:
        if e.type not in _TALKS or len(e.countries()) < 3:
            out.append(e)
            continue
        sides = {id(m): _sides_of(m, cache) for m in e.mentions}
        pairs = [m for m in e.mentions if len(sides[id(m)]) == 2 and m.flags.get("asserted")
                 and not m.flags.get("nominal")]
        hub = set.intersection(*(sides[id(m)] for m in pairs)) if pairs else set()
        if len(hub) != 1:
            out.append(e)
            continue
        spokes: dict[str, list[EventMention]] = {}
        for m in pairs:
            spokes.setdefault(next(iter(sides[id(m)] - hub)), []).append(m)
        if len(spokes) < 2:
            out.append(e)
            continue
        rest, paired = [], {id(m) for m in pairs}
        for m in e.mentions:
            if id(m) in paired:
                continue
            own = sides[id(m)] - hub
            if len(own) == 1 and next(iter(own)) in spokes:
                spokes[next(iter(own))].append(m)     # "cuộc gặp với Thủ tướng Campuchia"
            else:
                rest.append(m)
        split = []
        for ms in spokes.values():
            f = _Ev(type=e.type)
            for m in sorted(ms, key=lambda x: x.start):
                _add(f, m, cache=cache)
            split.append(f)
        split.sort(key=lambda f: min(m.start for m in f.mentions))
        for m in rest:
            _add(split[0], m, loose=True, cache=cache)
        out.extend(split)
    return out


def join_halves(events: list[_Ev]) -> list[_Ev]:
    """"kết quả cuộc hội đàm hôm 9/5 với Tổng thống Marcos" / "Chủ tịch nước đã hội đàm với người
    đứng đầu nước sở tại hôm 9/5": two talk events of one type, each with the sides of one country
    only, different countries, dated the same day, with no other status or place, are the two
    halves of one talk whose other side the text left unnamed."""
    gone: set[int] = set()
    for e in events:
        if id(e) in gone or e.type not in _TALKS or not (e.date and len(e.date) == 10) or len(e.countries()) != 1:
            continue
        for f in events:
            if f is e or id(f) in gone or f.type != e.type or f.date != e.date or len(f.countries()) != 1 \
                    or f.countries() == e.countries() or (f.status or "occurred") != (e.status or "occurred"):
                continue
            if e.location and f.location and e.location != f.location:
                continue
            for m in f.mentions:
                _add(e, m)
            gone.add(id(f))
            break
    return [e for e in events if id(e) not in gone]
