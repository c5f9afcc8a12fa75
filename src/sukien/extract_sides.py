"""Who is a side of a mention and who is not (docs/EVENTS.md "Eleventh set, mention level").

Rules on one trigger hit's arguments, after extract_args has chosen its actors: hosts, inviters and
witnesses named after the trigger are no sides; the subject of "ngồi vào bàn đàm phán"; the
attendants of a talk noun that names no side ("với sự tham dự của A và B"); talks after which two
sides reached an outcome (negotiations: the states); documents signed or exchanged under two leaders (the states); a city
naming a document ("Tuyên bố chung Kuala Lumpur"); a state organ's delegation (the states);
the caller of "X gọi cho Y"; meetings with two leaders on the sidelines of
a summit (one each); a visit's host named in an apposition. The phrases are data/vi/sides.yaml.
"""
from __future__ import annotations

import re

from .config import compile_cue
from .extract_objects import witnessed_after
from .extract_refs import titled_pair
from .extract_sent import dash_pair

_TALKS = ("meeting", "negotiation", "phone_call")
_CLAUSE_END = re.compile(r"[.;:!?]")
_WORDS = re.compile(r"[^\W_]+")
_CLAUSE_CUT = re.compile(r"[,;:!?]|\.(?!\d)")
_ONLY_AND = re.compile(r"[\s,]*(?:(?:và|cùng|với)[\s,]+)*")


class Sides:
    """The compiled cues of data/vi/sides.yaml (``sides.<name>``)."""

    def __init__(self, entries: dict):
        self.entries = entries
        for name, e in entries.items():
            setattr(self, name, compile_cue(e))


def load_sides(res) -> Sides:
    return Sides((res.load_yaml("vi/sides.yaml") or {}).get("cues") or {})


def _set(a, name: str, kind: str, country: str | None) -> None:
    a.pkind[name] = kind
    a.countries[name] = country


def _as_states(a) -> bool:
    """The sides as their states, when every side has a country and there are two or more."""
    names = a.participants
    if not names or any(not a.countries.get(n) for n in names):
        return False
    states = list(dict.fromkeys(a.countries[n] for n in names))
    if len(states) < 2:
        return False
    a.participants = states
    for c in states:
        _set(a, c, "country", c)
    a.as_countries = True
    a.focus_members = []
    return True


def _unprefixed(text: str, sides) -> str:
    """A mention's text without the title prefix the actor layer gives it ("quyền Thủ tướng X")."""
    m = sides.title_prefix.match(" " + text)
    return text[m.end() - 1:] if m is not None else text


def table_subject(f, lex, ts: int, others, sides, subject_before) -> list:
    """"X và quyền Thủ tướng Y đã ngồi vào bàn đàm phán": the subject before the verb of the table
    phrase (with the persons listed before it across a title prefix)."""
    m = sides.table_talks.search(f.low, max(0, ts - 40), ts)
    if m is None:
        return []
    group = subject_before(f, lex, m.start(), others)
    if group:
        low = f.low
        for x in reversed([x for x in f.acts if x.e <= group[0].s and not x.members and x.kind != "place"]):
            gap = low[x.e:group[0].s]
            p = sides.title_prefix.search(gap)
            if p is None or p.end() != len(gap) or not re.fullmatch(r"\s*(?:,|và|cùng|cùng với)", gap[:p.start()]):
                break
            group.insert(0, x)
    if group and sides.place_relative.search(f.low, max(0, group[0].s - 12), group[0].s):
        return []        # "tại X, nơi A và B ngồi vào bàn đàm phán": the venue of another event
    return group


def motion_subject(f, lex, ts: int, others, sides, subject_before) -> list:
    """"X sẽ tới thăm Y": the subject before the movement verb right before a visit verb."""
    m = sides.serial_motion.search(f.low, max(0, ts - 8), ts)
    return subject_before(f, lex, m.start(), others) if m is not None else []


def prefixed_object(low: str, te: int, acts, sides) -> bool:
    """"gọi cho quyền Thủ tướng X": a person right after a title prefix is the trigger's object."""
    if sides is None:
        return False
    m = sides.title_prefix.match(low, te)
    return m is not None and any(x.s == m.end() and x.kind == "person" for x in acts)


def received_delegation(low: str, te: int, acts, sides):
    """"tiếp đoàn nghị sĩ Quốc hội Mỹ": (the body or country the delegation after the trigger is of,
    its country), or None."""
    if sides is None:
        return None
    m = sides.received_delegation.match(low, te)
    if m is None:
        return None
    x = next((x for x in acts if x.s == m.end() and x.kind in ("country", "organization")), None)
    if x is not None and not x.country:
        # "đoàn nghị sĩ Quốc hội Australia": a country-less body, then its country
        y = next((y for y in acts if y.kind == "country" and 0 <= y.s - x.e <= 1), None)
        return (x, y.country) if y is not None else None
    return (x, x.country) if x is not None else None


def guest_visit(low: str, ts: int, te: int, others, sides) -> bool:
    """"tiếp đoàn X đang thăm Việt Nam": an undated visit of the guest a receiving verb before it
    in its clause receives; the reception's background, no event."""
    if sides is None or sides.guest_visit.search(low, max(0, ts - 16), ts) is None:
        return False
    end = _CLAUSE_END.search(low, te)
    stop = end.start() if end else len(low)
    if re.search(r"\d", low[te:stop]):
        return False                      # "đang có chuyến thăm ... từ ngày 14 đến 15/4": its own dates
    return any(oe <= ts and sides.receiving.search(low[os:oe]) is not None
               and not _CLAUSE_END.search(low, oe, ts) for os, oe in others)


def each_titled(a, low: str, te: int, trig, acts, names: list, sides, pair) -> list:
    """"điện đàm riêng với từng ngoại trưởng": the two holders of that title named before
    (``pair(title)``: [(name, country)], extract_refs.titled_pair), one talk each (the returned
    names, ``a.split_objects``); the reference the actor layer read in "từng ngoại trưởng" is no
    side. [] when the cue or the two holders are missing."""
    if sides is None or trig.type not in ("phone_call", "meeting"):
        return []
    m = sides.each_titled.match(low, te)
    if m is None:
        return []
    titles = sorted(sides.entries["each_titled"]["words"]["titles"], key=len, reverse=True)
    found = pair(next(t for t in titles if m.group(0).endswith(t)))
    if len(found) != 2:
        return []
    refs = {x.name for x in acts if x.s >= m.start() and x.e <= m.end() + 1 and x.via in ("reference", "role")}
    subjects = [n for n in names if n not in found and (n not in refs or any(
        x.name == n and x.e <= te for x in acts))]
    if not subjects:
        return []
    a.participants = subjects + [n for n, _ in found]
    for n, c in found:
        _set(a, n, "person", c)
    return [n for n, _ in found]


_OF_GAP = re.compile(r"\s+của\s+")


def place_of_country(low: str, x, acts) -> bool:
    """The country ``x`` follows "<place> của" and the place is one of its cities ("tại thủ đô
    Muscat của Oman", "ở thành phố Istanbul của Thổ Nhĩ Kỳ"; a capital is a metonym of its
    country): it says where the place is, it is no side. Not after a person or a body
    ("Ngoại trưởng của Oman")."""
    if "của" not in low[max(0, x.s - 6):x.s]:
        return False
    prev = max((y for y in acts if y.e <= x.s), key=lambda y: y.e, default=None)
    return (prev is not None and (prev.kind == "place" or prev.via == "metonym") and prev.country == x.country
            and _OF_GAP.fullmatch(low, prev.e, x.s) is not None)


def titled_objects(a, names: list, acts, ts: int, title: str, sv, before: int, analysis, doc) -> bool:
    """"Tổng thống Mỹ tiếp hai ngoại trưởng": a titled plural object of a named subject is the last
    two persons of two other countries the article names with that title (not the sides of the
    event told just before, which may be their states); added to ``names``. False when the subject
    or the two persons are missing."""
    subj = [x for x in acts if x.e <= ts and x.kind == "person" and x.name in names]
    if not subj:
        return False
    skip = {x.name for x in subj} | {x.country for x in subj if x.country}
    objs = titled_pair(title, sv, before, analysis, doc, skip)
    if len(objs) != 2:
        return False
    cs = {y.name: y.country for s in analysis.sentences[:sv.sent.index + 1] for y in s.actors if y.name in objs}
    for n in objs:
        if n not in names:
            names.append(n)
        a.pkind[n], a.countries[n] = "person", cs.get(n)
    return True


def title_holders(a, sv, ts: int, acts, analysis, doc):
    """``pair(title)`` for ``each_titled``: the last two persons of two countries named with the title
    before the trigger (extract_refs.titled_pair), none of them the subject or of his country, with
    their countries."""
    def holders(title: str) -> list[tuple[str, str | None]]:
        subj = [x for x in acts if x.e <= ts and x.kind == "person" and x.name in a.participants]
        skip = {x.name for x in subj} | {x.country for x in subj if x.country}
        found = titled_pair(title, sv, sv.to_doc(ts), analysis, doc, skip)
        cs = {y.name: y.country for s in analysis.sentences[:sv.sent.index + 1] for y in s.actors if y.name in found}
        return [(n, cs.get(n)) for n in found]
    return holders


def _chain(low: str, acts, pos: int, end: int) -> list:
    """The actors listed from pos on ("A, B và C"), up to end."""
    out = []
    for x in acts:
        if x.s < pos or x.e > end or x.members or x.kind == "place":
            continue
        gap = low[(out[-1].e if out else pos):x.s]
        if out and not re.fullmatch(r"\s*(?:,|và|cùng|cùng với)\s*", gap):
            break
        if not out and gap.strip():
            break
        out.append(x)
    return out


def _named_states(low: str, te: int, right) -> bool:
    """The first two actors after a nominal trigger are two states joined by a dash ("thỏa thuận
    thương mại Anh - Mỹ") or named after "giữa" ("thỏa thuận giữa Anh và Mỹ")."""
    xs = sorted((x for x in right if x.s >= te), key=lambda x: x.s)[:2]
    if len(xs) < 2 or any(x.kind != "country" for x in xs) or xs[0].name == xs[1].name:
        return False
    return dash_pair(low, te, xs) or (_BETWEEN_STATES.fullmatch(low, te, xs[0].s) is not None
                                      and _AND_GAP.fullmatch(low, xs[0].e, xs[1].s) is not None)


_SEVERAL_DOCUMENTS = re.compile(r"(?<!\w)(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|một loạt|nhiều|các)\s+"
                                r"(?:văn kiện|văn bản|thỏa thuận|bản ghi nhớ|hiệp định)(?!\w)")
_OWNER_GAP = re.compile(r"(?:\s+[^\W\d_]+){0,2}?\s+của\s+")
_BETWEEN_STATES = re.compile(r"(?:\s+[^\W\d_]+){0,3}?\s+giữa\s+")
_AND_GAP = re.compile(r"\s+và\s+")


def refine_sides(a, f, sv, ts: int, te: int, trig, chosen, right, rb: int, others, lex, sides,
                 subject_before, analysis=None) -> bool:
    """Apply the rules of this module to ``a`` (extract_args.Args) of one trigger hit; True when the
    hit is no event (a meeting with a community of compatriots abroad)."""
    if sides is None:
        return False
    low = f.low
    acts = f.acts
    etype = trig.type
    # ---- "gặp gỡ cộng đồng người Việt Nam tại Anh": compatriots abroad, no diplomatic meeting
    if etype == "meeting" and not a.nominal:
        objs = [x for x in right if x.kind != "place" and not x.members and x.name in a.participants]
        if objs and all(sides.community.search(low, max(0, x.s - 24), x.s) for x in objs):
            return True
    # ---- "tiếp đoàn nghị sĩ Quốc hội Mỹ (do X dẫn đầu)": the delegation's state is the side
    if etype == "meeting" and not a.nominal:
        got = received_delegation(low, te, acts, sides)
        if got is not None and got[0].kind != "country":
            body, state = got
            a.participants = list(dict.fromkeys(state if n == body.name else n for n in a.participants))
            if state not in a.participants:
                a.participants.append(state)
            _set(a, state, "country", state)
    # ---- inviters, hosts and witnesses named after the trigger are no sides
    if etype != "visit" and len(a.participants) >= 3:
        drop = {x.name for x in chosen if x.s >= te and x.kind == "person"
                and sides.non_side.search(low, max(0, x.s - 60), x.s)}
        if drop:
            keep = [n for n in a.participants if n not in drop]
            if len({a.countries.get(n) or n for n in keep}) >= 2:
                a.participants = keep
    # ---- mediators and supporters ("nhờ sự trung gian của C", "do C làm trung gian") are no sides
    if etype != "visit" and a.participants:
        drop = mediators(low, chosen, sides)
        if drop:
            # (with two other sides named, or none: "Moskva và Kiev trao trả tù binh với sự hỗ trợ
            # của C", the capitals read later; never leaving one side alone with its mediator gone)
            keep = [n for n in a.participants if n not in drop]
            if not keep or len({a.countries.get(n) or n for n in keep}) >= 2:
                a.participants = keep
    # ---- a city naming a document ("Tuyên bố chung Kuala Lumpur") or right after a talk noun
    # ("hòa đàm Putrajaya": the venue) is no side
    if a.participants and etype in ("agreement", "statement", "ceasefire", "meeting", "negotiation", "phone_call"):
        titled = [x for x in chosen if x.s >= ts and (x.via == "metonym" or x.kind == "place")
                  and (sides.document_names.search(low, max(0, x.s - 24), x.s)
                       if etype not in _TALKS else x.s <= te + 1)]
        named = {x.name for x in titled} - {x.name for x in chosen if x not in titled}
        if named:
            a.participants = [n for n in a.participants if n not in named]
    # ---- attendants of a talk noun that names no side; talks after an outcome of two sides
    if etype in _TALKS and a.nominal and not a.participants and not a.focus_ref:
        stop = min([s for s, _ in others if s > te] + [len(low)])
        m = sides.attended_by.search(low, te, stop)
        if m is not None and not _CLAUSE_END.search(low, te, m.start()):
            end = _CLAUSE_END.search(low, m.end())
            xs = _chain(low, acts, m.end(), min(stop, end.start() if end else len(low)))
            xs = [x for x in xs if x.kind in ("person", "country")]
            if len({x.country or x.name for x in xs}) >= 2:
                for x in xs:
                    a.participants.append(x.name)
                    _set(a, x.name, "person" if x.kind == "person" else x.kind, x.country)
                a.asserted = True
        elif etype == "negotiation" and sides.after_outcome.search(low, max(0, ts - 24), ts) is not None:
            prior = max(((s, e) for s, e in others if e <= ts), default=None)
            if prior is not None and not _CLAUSE_END.search(low, prior[1], ts) \
                    and lex.agreement_verbs.search(low, max(0, prior[0] - 40), prior[0] + 1) is not None:
                xs = [x for x in subject_before(f, lex, prior[0], others) if x.kind in ("person", "country")]
                if len({x.country or x.name for x in xs}) >= 2 and all(x.country for x in xs):
                    a.participants = [x.name for x in xs]
                    for x in xs:
                        _set(a, x.name, "person" if x.kind == "person" else x.kind, x.country)
                    if any(x.kind == "country" for x in xs):
                        _as_states(a)
    # ---- "Cuộc đàm phán ..., kết thúc bằng tuyên bố về lệnh ngừng bắn": the sides of those talks
    if etype in ("ceasefire", "agreement") and a.nominal and not a.participants and not a.focus_ref \
            and any(e <= ts for _, e in others):
        if any(not _CLAUSE_END.search(low, e, ts) and sides.talk_outcome.search(low, e, ts)
               for _, e in others if e <= ts):
            a.focus_ref = a.as_countries = a.talk_outcome = True
    # ---- documents signed or exchanged under two leaders: the states
    if etype == "agreement" and not trig.states \
            and sides.documents.search(low, max(0, ts - 4), min(len(low), te + 40)) is not None:
        if a.participants and any(a.pkind.get(n) == "person" for n in a.participants):
            _as_states(a)
        elif not a.participants and analysis is not None:
            # "hai nhà lãnh đạo chứng kiến việc trao 16 văn kiện": the states of the leaders in focus
            group = next((x for x in reversed(acts) if x.members and x.e <= ts and not _CLAUSE_END.search(low, x.e, ts)), None)
            if group is not None and len(group.members) == 2:
                known = {y.name: y.country for s in analysis.sentences[:sv.sent.index + 1] for y in s.actors
                         if y.name in group.members and y.country}
                states = list(dict.fromkeys(known.get(n) for n in group.members))
                if len(states) == 2 and all(states):
                    a.participants = states
                    for c in states:
                        _set(a, c, "country", c)
                    a.as_countries, a.focus_members, a.focus_ref = True, [], False
    # ---- a peace or ceasefire treaty signed by two persons: the treaty of their states
    if etype in ("agreement", "ceasefire") and len(a.participants) == 2 \
            and all(a.pkind.get(n) == "person" for n in a.participants) \
            and sides.state_treaty.search(low, max(0, ts - 16), min(len(low), te + 40)) is not None:
        _as_states(a)
    elif etype == "agreement" and not a.participants and a.focus_ref \
            and sides.parties_ref.fullmatch(a.focus_text.lower()) is not None \
            and sides.state_treaty.search(low, max(0, ts - 16), min(len(low), te + 40)) is not None:
        a.as_countries = True     # "hai bên sẽ ký hiệp định thương mại tự do": the states in focus
    # ---- two heads of state or government who negotiate ("đàm phán") negotiate for their states
    if etype == "negotiation" and len(a.participants) == 2:
        heads = [x for x in chosen + acts if x.kind == "person" and x.name in a.participants
                 and sides.head_titles.match(_unprefixed(x.text.lower(), sides)) is not None]
        if len({x.name for x in heads}) == 2:
            _as_states(a)
    # ---- a state organ's delegation negotiates for its state
    if etype == "negotiation" and len(a.participants) >= 2:
        organ = any(x.kind == "organization" and x.country and x.name in a.participants
                    and sides.delegation_organs.search(low, max(0, x.s - 24), x.e + 1) for x in chosen)
        if organ:
            heads = {x.name for x in chosen if x.kind == "person" and sides.led_by.search(low, max(0, x.s - 4), x.s)}
            keep = [n for n in a.participants if n not in heads and a.countries.get(n)]
            if len({a.countries[n] for n in keep}) >= 2:
                a.participants = keep
                _as_states(a)
    # ---- meetings with leaders of two other countries on the sidelines of a summit: one each
    if etype == "meeting" and not a.split_objects and a.status == "occurred" and sides.sideline.search(low):
        subj = [n for n in a.participants if n not in {x.name for x in right}
                and a.pkind.get(n) in ("person", "country")]
        objs = list(dict.fromkeys(x.name for x in right if x.kind == "person" and x.name in a.participants))
        own = {a.countries.get(n) for n in subj}
        cs = [a.countries.get(n) for n in objs]
        if len(subj) == 1 and len(objs) >= 2 and all(cs) and len(set(cs)) == len(cs) and not own & set(cs) \
                and not sides.joint_talk.search(low, max(0, ts - 12), rb):
            a.split_objects = objs
    # ---- a visit's host named in an apposition ("..., chuyến thăm Ấn Độ đầu tiên của ông")
    if etype == "visit" and a.participants and not any(a.pkind.get(n) == "country" for n in a.participants):
        own = {a.countries.get(n) for n in a.participants}
        for x in acts:
            if x.s > te and x.kind == "country" and x.name not in own \
                    and sides.visit_apposition.search(low, max(0, x.s - 40), x.s) \
                    and not _CLAUSE_END.search(low, te, x.s):
                a.participants.append(x.name)
                _set(a, x.name, "country", x.name)
                break
    # ---- "X và Y công bố thỏa thuận thương mại Anh - Mỹ": leaders announcing (or signing) an
    # agreement named after their two states are no sides of it; the states are
    if etype == "agreement" and a.nominal and len(a.participants) >= 3 and _named_states(low, te, right):
        pair = sorted((x for x in right if x.s >= te), key=lambda x: x.s)[:2]
        states = {x.name for x in pair}
        if all(a.countries.get(n) in states for n in a.participants):
            a.participants = [x.name for x in pair]
            _as_states(a)
    # ---- "Chuyến thăm của X mở ra ... với 9 thỏa thuận được ký": the owner of another event noun
    # before the agreement (its possessor, after "của") is no side of the agreement
    if etype == "agreement" and a.participants:
        owned = {x.name for x in chosen if x.e <= ts and any(
            e <= x.s and _OWNER_GAP.fullmatch(low, e, x.s) for s, e in others if e <= ts)}
        if owned and not any(x.name in owned for x in chosen if x.e > ts or x.s >= te):
            a.participants = [n for n in a.participants if n not in owned]
            # "Chuyến thăm của X ... với 9 thỏa thuận được ký kết tại Hà Nội": documents signed on a
            # trip are between the traveller's state and the one other state the sentence names
            own = {x.country for x in chosen if x.name in owned and x.country}
            host = {x.name for x in acts if x.kind == "country" and not x.members} - own
            if not a.participants and len(own) == 1 and len(host) == 1 and _SEVERAL_DOCUMENTS.search(low):
                a.participants = sorted(own) + sorted(host)
                for c in a.participants:
                    _set(a, c, "country", c)
                a.as_countries = True
    # ---- "A và B hoàn tất đàm phán hiệp định thương mại tự do": the subject of the concluding verb
    cue = getattr(sides, "concluded_talks", None)
    if etype == "agreement" and a.nominal and not a.participants and not a.focus_ref and cue is not None \
            and (hit := cue.search(low, max(0, ts - 40), ts)) is not None:
        for x in subject_before(f, lex, hit.start(), others):
            if x.kind in ("person", "country") and x.name not in a.participants:
                a.participants.append(x.name)
                _set(a, x.name, x.kind, x.country)
    # ---- "bắt đầu chuyến thăm theo lời mời của phía Bình Nhưỡng": the inviter of a visit is its host
    cue = getattr(sides, "visit_inviter", None)
    if etype == "visit" and cue is not None and a.participants \
            and not any(a.pkind.get(n) == "country" for n in a.participants):
        own = {a.countries.get(n) for n in a.participants}
        x = next((x for x in acts if x.s > te and x.kind in ("country", "person") and not x.members
                  and cue.search(low, max(0, x.s - 40), x.s) and not _CLAUSE_END.search(low, te, x.s)), None)
        host = (x.name if x.kind == "country" else x.country) if x is not None else None
        if host and host not in own:
            a.participants.append(host)
            _set(a, host, "country", host)
    return False


def planned_round_of_states(a, low: str, ts: int, trig, sides) -> None:
    """"Dự kiến trong tháng 7, hai bên sẽ tổ chức vòng đàm phán tiếp theo": a planned round of
    negotiations whose sides are "hai bên" is between the states of the talks in focus
    (``as_countries``)."""
    if sides is None or trig.type != "negotiation" or a.status != "planned" or not a.focus_ref \
            or a.participants or sides.parties_ref.fullmatch(a.focus_text.lower()) is None:
        return
    before = low[max(0, ts - 8):ts].split()
    if sides.round_noun.match(low[ts:ts + 8]) or (before and sides.round_noun.fullmatch(before[-1])):
        a.as_countries = True


def caller_initiator(a, low: str, ts: int, trig, right, sides) -> None:
    """"X gọi cho Y", "rồi gọi điện tới Y": the subject of a calling verb made the call."""
    if sides is None or trig.type != "phone_call" or a.nominal or a.initiator is not None \
            or sides.caller.match(low, ts) is None:
        return
    objs = {x.name for x in right}
    subj = [n for n in a.participants if n not in objs and a.pkind.get(n) in ("person", "country")]
    if len(subj) == 1 and len(a.participants) == 2:
        a.initiator = subj[0]


__all__ = ["caller_initiator", "motion_subject", "Sides", "load_sides", "prefixed_object", "refine_sides", "table_subject"]


def mediators(low: str, chosen, sides) -> set[str]:
    """Names of the actors of ``chosen`` that mediate or support the event (cues ``mediator``:
    "nhờ sự trung gian của C", "với sự hỗ trợ của C"; ``mediator_after``: "do C làm trung gian")."""
    rx_b = getattr(sides, "mediator", None)
    rx_a = getattr(sides, "mediator_after", None)
    out = set()
    for x in chosen:
        if x.kind == "place":
            continue
        if (rx_b is not None and rx_b.search(low, max(0, x.s - 48), x.s)) or \
                (rx_a is not None and rx_a.match(low, x.e)):
            out.add(x.name)
    return out


_APPOSED_GAP = re.compile(r"\s*(?:(?:đã|cũng|sẽ|vừa|đang|chính thức)\s+)*")


def apposed_holder(f, lex, lb: int, ts: int, left: list) -> list | None:
    """"Đại tướng X, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng Việt Nam đã hội đàm với Y": the
    actors of the clause before the trigger (``left``, cut at the comma after X) are only the body
    and the state of X's office title: the subject is X. None when that is not so: a person among
    them, no title right before them, other words between them and the verb, or no named person
    just before the comma (a title chain of at most three parts, naming no other person)."""
    if not left or any(x.kind in ("person", "place") or x.members for x in left):
        return None
    low = f.low
    tr = lex.ends.get("title")
    if tr is None:
        return None
    seg = low[lb:left[0].s]
    m = tr.search(seg)
    if m is None or seg[:m.start()].strip(" ,"):
        return None                                   # the part opens with the office title
    for a, b in zip(left, left[1:]):
        if low[a.e:b.s].strip():
            return None                               # "Bộ Quốc phòng Việt Nam": one office
    if not _APPOSED_GAP.fullmatch(low, left[-1].e, ts):
        return None                                   # right before the verb
    head = low[:lb].rstrip()
    if not head.endswith(","):
        return None
    before = [x for x in f.acts if x.e <= lb and x.kind == "person" and not x.members]
    if not before:
        return None
    p = before[-1]
    gap = low[p.e:lb]
    if len(gap) > 90 or gap.count(",") > 3 or not gap.lstrip().startswith(","):
        return None
    if any(p.e <= x.s < lb and x.kind == "person" for x in f.acts if x is not p):
        return None
    if p.via in ("role", "reference", "pronoun"):
        return None
    return [p]



def coordinated_subject(f, lex, lb: int, ts: int, left: list, others=()) -> list | None:
    """"X sẽ phát biểu tại hội nghị của tổ chức Y và dự kiến gặp Z": the actors of the clause
    before the trigger (``left``) end right before "và" and the modal words of a second predicate
    (cue ``coordinated_predicate``): they are the object of the first predicate, whose subject (the
    first person or country of that clause, with a predicate between it and them) is the subject of
    the trigger too; so too with no actor before "và" in the trigger's clause ("X cho biết sẽ tới Y
    vào tháng 4 và không loại trừ khả năng gặp Z"). None when that is not so ("X và Y dự kiến hội
    đàm": no predicate between)."""
    cue = getattr(lex.ends.get("sides"), "coordinated_predicate", None)
    if cue is None:
        return None
    low = f.low
    m = cue.search(low, left[-1].e if left else lb, ts)
    if m is None or (left and low[left[-1].e:m.start()].strip()):
        return None
    end = left[0].s if left else m.start()
    cs = max((c.end() for c in _CLAUSE_CUT.finditer(low, 0, end)), default=0)
    place = getattr(lex.ends.get("sides"), "counterpart_place", None)
    subj = [x for x in f.acts if cs <= x.s and x.e <= end and (x.kind in ("person", "country") or x.members)
            and x not in left and not (x.kind == "country" and place is not None
                                       and place.search(low, max(0, x.s - 12), x.s))]
    sv = getattr(f, "_sv", None)
    at = sv.sent.attribution if sv is not None else None
    if at is not None and at.cue and sv.sent.start <= at.end <= sv.sent.end:
        ae = sv.from_doc(at.end)
        ci = low.find(at.cue.lower(), ae, end)
        ae = ci + len(at.cue) if ci >= 0 else ae
        # "X cho biết hai bên nhất trí ... và sẽ ...": the reported clause's own subject, when it has
        # one ("X cho biết sẽ tới Y và không loại trừ ...": else the speaker)
        subj = [x for x in subj if x.s >= ae] or subj
    if not subj or subj[0].members:
        return None                     # "hai bên": a group reference, resolved elsewhere
    prior = max(((a, b) for a, b in others if subj[0].e <= a and b <= m.start()), default=None)
    if prior is not None:
        # "X hoan nghênh Y thăm Z và đồng chủ trì ...": the subject of the trigger before "và" (Y)
        subj = [x for x in subj if x.e <= prior[0]] or subj
        subj = subj[-1:]
    gap = low[subj[0].e:end]
    if len(_WORDS.findall(gap)) < 2 or _ONLY_AND.fullmatch(gap):
        return None                     # "X và Y": a coordinated subject, no predicate between
    return [subj[0]]


def clause_subject(f, lex, lb: int, ts: int, left: list, others=()) -> list | None:
    """The subject of the trigger when the actors before it are not: an office title's holder
    (``apposed_holder``) or the subject of a coordinated predicate (``coordinated_subject``)."""
    held = apposed_holder(f, lex, lb, ts, left)
    return held if held is not None else coordinated_subject(f, lex, lb, ts, left, others)


def witnessed_signing(low: str, ts: int, te: int, trig, nominal: bool, right: list, lex, cues) -> bool:
    """A signing or a handover of documents witnessed by the actors named before it ("hai Thủ tướng
    chứng kiến lễ ký 5 văn kiện", "... tiếp Y và chứng kiến trao 5 bản ghi nhớ": the verb
    right after "chứng kiến" is its complement, as a noun would be), or followed by a witness frame
    (``witnessed_after``): its sides are the states, not the witnesses."""
    wit = lex.ends.get("witness")
    if trig.states or wit is None:
        return False
    after = witnessed_after(low, te, cues)
    before = wit.search(low, max(0, ts - 24), ts)
    if not (nominal or after or (before is not None and not low[before.end():ts].strip())):
        return False
    return bool(before is not None or after) and (
        after or not any(x.kind != "place" and not x.members for x in right))


def witnesses_states(names: list, a, acts, low: str, sides) -> list:
    """The sides of a witnessed signing with one state among its witnesses ("X tiếp Thủ tướng Y và
    chứng kiến trao 5 bản ghi nhớ": X alone before the verb): with the one other state whose leader
    or name the sentence gives (no country after a place word), both states."""
    own = {a.countries.get(n) for n in names}
    if len(own) != 1 or None in own:
        return names
    place = getattr(sides, "counterpart_place", None)
    other = {x.name if x.kind == "country" else x.country for x in acts
             if x.kind in ("person", "country") and not x.members
             and not (x.kind == "country" and place is not None and place.search(low, max(0, x.s - 12), x.s))}
    other -= own | {None}
    if len(other) != 1:
        return names
    c = other.pop()
    a.pkind[c], a.countries[c] = "country", c
    return names + [c]


def own_trip(low: str, te: int, sides) -> bool:
    """"Kể về chuyến thăm Hàn Quốc của mình, Thủ tướng X nói ...": a trip noun owned by a
    reflexive (cue ``own_trip``) is the trip of the main clause's subject."""
    cue = getattr(sides, "own_trip", None)
    return cue is not None and cue.match(low, te) is not None
