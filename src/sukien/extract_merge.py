"""Event-level merges after an article's mentions are clustered (docs/EVENTS.md "Mentions →
document events"): summaries of several events, trips that absorb a meeting or are only the frame
of one, a meeting and a negotiation at one place; and the participant list of a merged event.
Used by ``extract_docs.build_records``; the events are ``extract_cluster._Ev`` with their
participants (``parts``, ``pkind``, ``cmap``) set.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .extract_cluster import _format

_DAYS_BEFORE = re.compile(r"\s*(?:trước đó\s+(\w+)\s+ngày|(\w+)\s+ngày\s+trước đó)\s*,")
_SMALL = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7}


def _dedupe(names: list[str], cmap: dict, pkind: dict) -> list[str]:
    """Drop a country or organization when a person of that country takes part, and an
    organization when its country is a participant."""
    person_c = {cmap.get(p) for p in names if pkind.get(p) == "person" and cmap.get(p)}
    countries = {p for p in names if pkind.get(p) == "country"}
    out = []
    for p in names:
        if pkind.get(p) != "person" and (cmap.get(p) or p) in person_c:
            continue
        if pkind.get(p) not in ("person", "country") and cmap.get(p) in countries:
            continue          # "Bộ Ngoại giao Trung Quốc" next to "Trung Quốc": the country speaks
        if p not in out:
            out.append(p)
    return out


def take_sides(m, x) -> None:
    """``m`` takes the sides of ``x`` (with their kinds and countries, where ``m`` knows none)."""
    pkind = m.flags.setdefault("pkind", {})
    own = m.flags.setdefault("countries", {})
    cmap = x.flags.get("countries") or {}
    for p in x.participants:
        pkind.setdefault(p, (x.flags.get("pkind") or {}).get(p))
        own.setdefault(p, cmap.get(p))
    m.participants = _dedupe(list(x.participants), own, pkind)


def capital_countries(res) -> dict[str, str]:
    """Capital names of the actor dictionary (actors/countries.yaml ``capitals``, each spelling)
    → the country's name; loaded once per Resources."""
    got = getattr(res, "_capital_countries", None)
    if got is None:
        got = {}
        countries = res.load_yaml("actors/countries.yaml") or []
        for c in countries if isinstance(countries, list) else []:
            for x in c.get("capitals") or []:
                if isinstance(x, str) and c.get("name"):
                    got.setdefault(x, c["name"])
        try:
            res._capital_countries = got
        except AttributeError:
            pass
    return got


def _sides(e) -> set:
    return {e.cmap.get(p) or p for p in e.parts}


def _drop_summaries(events: list, cues) -> list:
    """A headline naming all sides of several events of one type ("X điện đàm với A và B", "Thủ
    tướng hội kiến lãnh đạo Hàn Quốc, Nhật Bản và Australia") is a summary of those events (X–A, X–B), not
    a third event: its mentions join the first of them. Sides compare by name or by country (the
    headline names countries, the body their leaders). An organization the summary names besides
    ("... bên lề Hội nghị BRICS": the frame) that none of them has does not keep it apart. A
    meeting told as joint ("cuộc gặp ba bên", ``extract_cluster._format``; ``cues``: ``Resources.cues``) is never a
    summary."""
    out = list(events)
    for e in events:
        if any(_format(m, cues) == "joint" for m in e.mentions):
            continue      # "đã có cuộc gặp ba bên": one meeting of all its sides, not a summary of pairs
        others = [o for o in out if o is not e and o.type == e.type and not (o.date and e.date and o.date != e.date)
                  and (set(o.parts) < set(e.parts) or _sides(o) < _sides(e))]
        if len(others) < 2:
            continue
        frame = {p for p in e.parts if e.pkind.get(p) not in ("person", "country") and not e.cmap.get(p)}
        union = set().union(*(_sides(o) for o in others))
        if set().union(*(set(o.parts) for o in others)) == set(e.parts) or union == _sides(e) \
                or (frame and not frame & union and union == _sides(e) - frame):
            first = min(others, key=lambda o: min(m.start for m in o.mentions))
            first.mentions.extend(e.mentions)
            out.remove(e)
    return out


def _talks_at_one_place(events: list) -> list:
    """A meeting and a negotiation of the same sides at the same place and day are one event
    ("phái đoàn hai nước gặp trực tiếp tại Istanbul" / "vòng đàm phán Istanbul"): a negotiation."""
    out = list(events)
    for n in [e for e in events if e.type == "negotiation" and e.location]:
        for mt in [e for e in out if e.type == "meeting" and e.location == n.location]:
            if mt.date and n.date and mt.date != n.date:
                continue
            if (mt.status or "occurred") != (n.status or "occurred"):
                continue
            nc = {n.cmap.get(p) or p for p in n.parts}
            mc = {mt.cmap.get(p) or p for p in mt.parts}
            if not (nc <= mc or mc <= nc):
                continue
            n.mentions.extend(mt.mentions)
            n.parts = _dedupe(n.parts + [p for p in mt.parts if p not in n.parts],
                              {**mt.cmap, **n.cmap}, {**mt.pkind, **n.pkind})
            n.cmap.update({k: c for k, c in mt.cmap.items() if c})
            n.pkind.update(mt.pkind)
            n.date = n.date or mt.date
            out.remove(mt)
    return out


def _visits_absorb_meetings(events: list) -> list:
    """A trip and an informal meeting of the traveller in the same article ("X bay tới Moscow ...
    X đã có cuộc gặp với Y trong 3 giờ"), neither dated differently nor placed elsewhere, are one
    event: the visit. A state visit with a named host keeps its formal talks separate."""
    out = list(events)
    for v in [e for e in events if e.type == "visit"]:
        visitors = {p for p in v.parts if v.pkind.get(p) == "person"}
        if len(visitors) != 1:
            continue              # a state visit with a named host: its formal talks are events too
        for mt in [e for e in out if e.type == "meeting"]:
            if not visitors & set(mt.parts):
                continue
            if any(m.flags.get("formal") for m in mt.mentions):
                continue          # "hội đàm", "hội kiến", "tiếp": a session of its own
            if mt.date and v.date and mt.date != v.date:
                continue
            if mt.location and v.location and mt.location != v.location:
                continue
            if (mt.status or "occurred") != (v.status or "occurred"):
                continue
            v.mentions.extend(mt.mentions)
            for p in mt.parts:
                if p not in v.parts:
                    v.parts.append(p)
            v.pkind.update(mt.pkind)
            v.cmap.update({k: c for k, c in mt.cmap.items() if c})
            v.parts = _dedupe(v.parts, v.cmap, v.pkind)
            v.date = v.date or mt.date
            v.location = v.location or mt.location
            out.remove(mt)
    return out


def _framed_visits(events: list) -> list:
    """"X đang có chuyến thăm Moskva cũng đã hội kiến Y": an ongoing trip named only as the frame
    of the traveller's talk in the same clause (every asserting mention is such a frame,
    extract_args ``frame_of``) is no event of its own: its mentions join that talk."""
    out = list(events)
    for v in [e for e in events if e.type == "visit"]:
        asserted = [m for m in v.mentions if m.flags.get("asserted")]
        if not asserted or not all(m.flags.get("frame") for m in asserted):
            continue
        sents = {m.sentence_index for m in asserted}
        talk = next((t for t in out if t is not v and t.type in ("meeting", "phone_call", "negotiation")
                     and set(t.parts) & set(v.parts)
                     and any(x.sentence_index in sents and x.flags.get("framed") for x in t.mentions)), None)
        if talk is None:
            continue
        talk.mentions.extend(v.mentions)
        talk.location = talk.location or v.location
        out.remove(v)
    return out


_OUTCOMES = ("ceasefire", "agreement", "prisoner_exchange")


def _outcomes_of_talks(events: list) -> None:
    """"Kết quả của vòng đàm phán Istanbul là thỏa thuận trao đổi 1.000 tù binh": an outcome event
    that names no side, a mention of it after a talk (negotiation or meeting) mention of its own
    sentence, is between the sides of that talk's event (talks that took place: "đàm phán hướng
    tới ngừng bắn" in a plan names a goal, not a result). Called after clustering (``_Ev`` with
    persons, others and their countries, before ``build_records``)."""
    talk_of = {id(m): e for e in events if e.type in ("negotiation", "meeting") and len(e.countries()) >= 2
               and (e.status or "occurred") == "occurred" for m in e.mentions}
    if not talk_of:
        return
    by_sent: dict[int, list] = {}
    for e in events:
        if e.type in ("negotiation", "meeting"):
            for m in e.mentions:
                if id(m) in talk_of:
                    by_sent.setdefault(m.sentence_index, []).append(m)
    for e in events:
        if e.type not in _OUTCOMES or e.persons or e.others or not e.mentions:
            continue
        talks = set()
        for m in e.mentions:
            before = [t for t in by_sent.get(m.sentence_index, ()) if t.start < m.start]
            if before:
                talks.add(id(talk_of[id(max(before, key=lambda t: t.start))]))
        if len(talks) != 1:
            continue
        t = next(x for x in events if id(x) == next(iter(talks)))
        e.persons, e.others = list(t.persons), list(t.others)
        e.country.update(t.country)
        e._sides = None


def _days_before_main(e, main_day: str) -> str | None:
    """"Trước đó hai ngày, X đã điện đàm với Y" (the sentence opens with it): an undated event some
    days before the article's main event ("đó": the event the article is about), dated from its day."""
    for m in e.mentions:
        sent = (m.evidence.sentence if m.evidence is not None else "").lower()
        g = _DAYS_BEFORE.match(sent)
        if g is None:
            continue
        w = g.group(1) or g.group(2)
        n = int(w) if w.isdigit() else _SMALL.get(w)
        if n and len(main_day) == 10:
            try:
                return (date.fromisoformat(main_day) - timedelta(days=n)).isoformat()
            except ValueError:
                return None
    return None


def visitor_and_host(e, parts: list[str], cmap: dict, pkind: dict,
                     capitals: dict[str, str] | None = None, guests: set[str] | None = None) -> list[str]:
    """A visit's sides are the visitor and the host *country* (CAMEO 042: a visit to a place):
    the host country's leaders named around it (the inviter "theo lời mời của Tổng thống X", the
    leader who welcomes) give way to their country, which is the visit's location. Unchanged when
    the location is no country the document knows or when no other side remains (a leader's
    trip inside their own country). ``capitals``: capital name → its country ("New Delhi" →
    "India"): a visit placed in a capital and told without any side of that country ("Ông X đến
    New Delhi, mở đầu chuyến thăm cấp nhà nước") takes the capital's country as its host.
    ``guests``: persons the dictionary gives no country whom the article has meet the host
    country's people (``guests_of``): visitors from abroad, never the host's own officials."""
    capital_host = (capitals or {}).get(e.location) if e.location else None
    host = e.location_country or capital_host or (
        e.location if e.location and cmap.get(e.location, e.location) == e.location
        and pkind.get(e.location, "country") == "country" else None)
    if not host:
        return parts
    hosts = [p for p in parts if pkind.get(p) == "person" and cmap.get(p) == host]
    if not hosts and parts and (e.location_country or capital_host) \
            and all((cmap.get(p) or p) != host for p in parts) \
            and all(pkind.get(p) == "person" and (cmap.get(p) or p in (guests or ())) for p in parts):
        # only visitors named (persons of a known country other than the host): add the host
        out = list(parts) + [host]
        pkind.setdefault(host, "country")
        cmap.setdefault(host, host)
        return out
    if not hosts or not any((cmap.get(p) or p) != host for p in parts):
        return parts
    out = [p for p in parts if p not in hosts]
    if host not in out:
        out.append(host)
        pkind.setdefault(host, "country")
        cmap.setdefault(host, host)
    return out


def guests_of(events: list, host: str | None) -> set[str]:
    """"X đến Hà Nội, bắt đầu chuyến thăm ...; Đại tướng Y hội đàm với X; Thủ tướng Z tiếp X": the
    persons without a known country whom people of ``host`` meet in the article's formal talks
    (hội đàm, tiếp, hội kiến) are its guests from abroad."""
    out: set[str] = set()
    if not host:
        return out
    for o in events:
        if o.type != "meeting" or not any(x.flags.get("formal") for x in o.mentions):
            continue
        if not any(o.country.get(p) == host for p in o.persons):
            continue
        out.update(p for p in o.persons if not o.country.get(p))
    return out
