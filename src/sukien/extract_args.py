"""Argument rules for event mentions (docs/EVENTS.md).

Everything here works on one sentence's matching form (``SentView.low``) with the language
layer's actor / time / quantity mentions mapped into it. Word lists live in
data/events/*.yaml; the code only knows the shape of Vietnamese clauses:
subject before the trigger (up to a clause boundary), object or "với/giữa X" after it.
What the trigger hits of one sentence share (actors, clause boundaries, prefilters) is in
extract_sent.py; values that do not depend on the hit are computed once per sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .extract_sent import (_A, _CONJ, _actors, _carried_subject, _dist, _left_boundary, _right_boundary,
                           _main_subject, _venue_between, _witness, between_sides, copula_subject, courtesy_calls,
                           dash_pair, facts, joiners, live_others, speaker_subject, tokens_before, when_subject)
from .extract_date import _date
from .extract_refs import titled_initiator, titled_pair
from .extract_status import _status
from .extract_objects import go_betweens, referred_agreement, subjectless_objects, venue_item, welcomed_talks
from .extract_talklen import carrier
from .extract_quant import _quantities, exchange_counterpart, lasted_rivals
from .extract_sides import (  # noqa: F401 (load_sides: extract.py)
    caller_initiator, clause_subject, each_titled, witnessed_signing, witnesses_states, guest_visit, load_sides, motion_subject, place_of_country,
    own_trip, planned_round_of_states,
    prefixed_object, received_delegation, refine_sides, table_subject, title_holders, titled_objects)
from .models import Analysis, Document

_NUM_WORDS = {"nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
              "bẩy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12}
_NOMINALIZERS = {"cuộc", "các", "những", "vòng", "buổi", "lệnh", "việc", "sự", "chuyến", "bức", "lễ", "một"}
_FIRST_PERSON = re.compile(r"(?<!\w)(?:tôi|ta)(?!\w)")
_LOC_CUE = re.compile(r"(?:(?<!\w)(?:tại|ở|tới|đến|sang|thăm))(?:\s+[^\s,.;:]+){0,3}?\s*$")
_FRONTED = re.compile(r"^\s*(?:[^,]{0,40},\s*)?(?:tại|ở)\s+(?:[^\s,]+\s+){0,3}$")
_LOC_CUE_NEAR = re.compile(r"(?<!\w)(?:tại|ở|tới|đến|sang|thăm)\s+$")
_FRONT_FRAME = re.compile(r"^\s*(?:trong|tại)\s+(?:cuộc\s+)?$")
_SIDELINES = re.compile(r"(?<!\w)bên lề(?:\s+\w+){0,8}?\s+$")
_AT = re.compile(r"(?<!\w)(?:tại|ở)(?:\s+(?:trụ sở|phủ|văn phòng|tòa nhà))?\s+$")
_GIUA = re.compile(r"(?<!\w)(?:giữa|với)(?!\w)")
_WHO_VISITS = re.compile(r",\s*(?:người\s+(?:(?:hiện\s+)?(?:đang|vừa|đã|sẽ)\s+)?|(?:hiện\s+)?(?:đang|vừa)\s+)(?:có|thực hiện|tiến hành|ở)?\s*$")
_DURABLE = ("phone_call", "meeting", "visit", "negotiation")
_NUM = r"(\d{1,3}(?:\.\d{3})+|\d+)"


def _num(s: str) -> float | None:
    s = s.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        return float(s.replace(".", ""))
    try:
        return float(s)
    except ValueError:
        return None


# ------------------------------------------------------------------------------ arguments

@dataclass(slots=True)
class Args:
    participants: list[str] = field(default_factory=list)
    countries: dict[str, str | None] = field(default_factory=dict)
    pkind: dict[str, str] = field(default_factory=dict)
    initiator: str | None = None
    date: str | None = None
    date_confidence: float = 0.0
    date_basis: str = "none"
    year_explicit: bool = False
    day_month: str | None = None     # "08-14": a year-less day-month with no anchor to date it
    day_month_confidence: float = 0.0
    vn_clock: bool = False          # its date is told on Vietnam's clock ("16/8, giờ Việt Nam")
    status: str = "occurred"
    status_raw: str | None = None
    status_explicit: bool = False
    status_soft: str | None = None
    duration: float | None = None
    duration_qualifier: str | None = None
    location: str | None = None
    quantities: dict[str, float] = field(default_factory=dict)
    ordinal: int | None = None
    nominal: bool = False
    asserted: bool = True
    anaphoric: bool = False
    focus_ref: bool = False
    focus_members: list[str] = field(default_factory=list)
    background: bool = False
    same_occasion: bool = False
    left_subject: bool = False
    as_countries: bool = False       # the sides are the countries of the persons named
    carried: bool = False            # a subjectless clause that continues the subject before it
    split_objects: list[str] = field(default_factory=list)
    host_only: bool = False          # "X chủ trì cuộc đàm phán" (no sides named): X chairs the talks
    location_country: str | None = None
    focus_text: str = ""
    joiners: list[str] = field(default_factory=list)   # join the talk this mention refers to
    denial_at: int | None = None     # the denial cue ("bác bỏ", "phủ nhận") of a denied mention
    disputes: bool = False           # the denial is of a report ("bác bỏ thông tin cho rằng ...")
    denial_date: tuple | None = None   # (distance, day) of a time before the denial cue: a fallback
    frame_of: int | None = None      # start of the ongoing trip ("đang có chuyến thăm") framing it
    captive_sides: list[str] = field(default_factory=list)   # sides named only as captives' nationality
    talk_outcome: bool = False       # the outcome of talks told before it in its sentence (extract_sides)


_STOP_PUNCT = re.compile(r"[.;:]")
_HOST = re.compile(r"(?<!\w)(?:chủ trì|đồng chủ trì|làm trung gian|điều phối)\s+(?:các\s+|cuộc\s+|phiên\s+|buổi\s+)?$")


_ATTEND_BEFORE = re.compile(r"(?<!\w)(?:dự|tham dự)\s+$")
_INVITED = re.compile(r"(?<!\w)(?:mời|lời mời)(?!\w)")
_BY_CHAIR = re.compile(r"\s+do\s+")
_CHAIRS = re.compile(r"\s+(?:đồng\s+)?chủ trì(?!\w)")
_DO_MODIFIER = re.compile(r"(?<!\w)do\s+[^,]*$")
_COMMA_SEMI_DOT = re.compile(r"[,;.]")
_AND_END = re.compile(r"(?<!\w)và\s*$")
_GAP_SIDES = re.compile(r"(?<!\w)(?:giữa|với)(?!\w)")
_GAP_OF = re.compile(r"(?:\s+\w+){0,2}?\s+của(?!\w)")
_LASTING_OF = re.compile(r"\s+kéo dài(?:\s+\w+){1,3}?\s+của\s+")
_GAP_TO = re.compile(r"(?<!\w)(?:tới|đến|sang)\s*$")
_OF_BEFORE = re.compile(r"(?<!\w)của\s+$")
_IS_AFTER = re.compile(r"\s+là\s+")
_IN_TURN = re.compile(r"(?<!\w)lần lượt(?!\w)")
_BETWEEN = re.compile(r"(?<!\w)giữa(?!\w)")
_BETWEEN_OF = re.compile(r"\s*(?:giữa|của)\s")


_SEVERAL_TYPES = ("meeting", "phone_call", "visit", "negotiation")


def _several(low: str, ts: int, te: int, right, lex) -> bool:
    """A plural or 'in turn' cue before the trigger or 'separately' after it; not "giữa A và B"."""
    first = min(x.s for x in right)
    if first < te or _BETWEEN.search(low, te, first):
        return False
    return bool(_IN_TURN.search(low[max(0, ts - 30):ts]) or lex.ends["several_before"].search(low, max(0, ts - 40), ts)
                or lex.ends["several_after"].match(low, te) or lex.ends["several_after"].search(low, ts, te))


def _light_verb(f, lex, lb: int, ts: int) -> bool:
    """A light verb in low[lb:ts] ("đã có cuộc gặp", "ký thỏa thuận"): a word of its own, not one
    inside an actor's name or title ("Tổng thư ký Liên hợp quốc X kêu gọi ... thỏa thuận") nor a
    word of a negative form that contains it ("thư ký", "đăng ký")."""
    blocked = None
    low = f.low
    for m in lex.light_verbs.finditer(low, lb, ts):
        if m.start() in f.covered:
            continue
        if blocked is None:
            blocked = [b.span() for b in lex.ends["light_blockers"].finditer(low, max(0, lb - 12), ts)]
        if not any(s <= m.start() and m.end() <= e for s, e in blocked):
            return True
    return False


def _subject_before(f, lex, pos: int, others) -> list[_A]:
    """The subject of the verb at pos: the last actor (no place, no plural reference) of its clause
    before it with the actors listed with it ("Israel và phong trào Hamas đã đạt được ..."; in "X
    hoan nghênh Y thăm ...", Y)."""
    plb = _left_boundary(f, pos, lex, others)
    xs = [x for x in f.acts if plb <= x.s and x.e <= pos and x.kind != "place" and not x.members]
    if not xs:
        return []
    group = [xs[-1]]
    for x in reversed(xs[:-1]):
        if not _CONJ.fullmatch(f.low, x.e, group[0].s):
            break
        group.insert(0, x)
    return group


def _loc_cue(f, x: _A):
    """_LOC_CUE before an actor (a place cue: "tại", "ở", "tới" ... within a few words), once per actor."""
    key = ("loc_cue", id(x))
    if key in f.memo:
        return f.memo[key]
    v = f.memo[key] = _LOC_CUE.search(f.low[max(0, x.s - 30):x.s])
    return v


def analyze_arguments(sv, ts, te, trig, others, lex, analysis: Analysis, doc: Document, prev, cues) -> Args | None:
    low = sv.low
    sent = sv.sent
    f = facts(sv, lex)
    acts = f.acts
    a = Args()
    # ---- an object is required ("tiếp Thủ tướng Lào", not "tiếp tục")
    if trig.place_object:
        # a movement verb ("sẽ sang Nhật Bản"): the destination must be a country or a place named
        # right after it; a person ("gửi thư tới Tổng thống X") or any other word is no trip
        if not any(te <= x.s <= te + 2 and x.kind in ("country", "place") for x in acts):
            return None
    elif trig.object:
        rest = sent.text[sv.to_doc(te) - sent.start:].lstrip()
        nxt_actor = any(te <= x.s <= te + 2 for x in acts) or prefixed_object(sv.low, te, acts, lex.ends.get("sides")) \
            or received_delegation(sv.low, te, acts, lex.ends.get("sides")) is not None
        if not (nxt_actor or (rest[:1].isupper())):
            return None
    if trig.type == "visit" and guest_visit(low, ts, te, others, lex.ends.get("sides")):
        return None           # "tiếp đoàn X đang thăm Việt Nam": the guest's visit, background
    prev_tok = tokens_before(low, ts, 1)
    # "hoan nghênh kết quả (của) đàm phán": the talks are the complement of a result noun, a
    # reference to talks reported elsewhere, not an act of the verb's subject
    result = lex.ends["results"].search(low, max(0, ts - 24), ts) is not None
    a.nominal = nominal = trig.nominal or result or (bool(prev_tok) and prev_tok[0] in _NOMINALIZERS)
    lb = _left_boundary(f, ts, lex, others)
    if trig.type == "proposal" and lb < ts and _DO_MODIFIER.search(low[lb:ts]):
        return None           # "một lệnh ngừng bắn do X đề xuất": a modifier, not a proposal act

    rb = _right_boundary(f, te, lex, others)
    left_txt = low[lb:ts]
    off = max(0, ts - 40)
    agreed = lex.ends["agreed"].search(low, off, ts) if f.agree else None
    if agreed and (agreed.start() < lb or not left_txt.strip(" ,")):
        # "hai bên nhất trí về việc trao đổi tù binh", "X và Y nhất trí về (việc tổ chức) một lệnh
        # ngừng bắn": the clause was cut inside the agreement phrase; the agreeing sides take part
        lb = _left_boundary(f, agreed.start(), lex, others)
        left_txt = low[lb:ts]
    # ---- anaphora and assertion
    if nominal:
        if lex.ends["anaphora"].search(low[max(0, ts - 12):ts]) or \
                lex.anaphora_after.match(low[te:].lstrip()) and low[te:te + 1] == " ":
            a.anaphoric = True
    light = _light_verb(f, lex, lb, ts) and not result
    bridge = light or bool(f.agree and not result and lex.agreement_verbs.search(left_txt))
    # ---- participants
    allow_left = (not nominal) or bridge
    left = [x for x in acts if x.s >= lb and x.e <= ts] if allow_left else []
    if allow_left and (held := clause_subject(f, lex, lb, ts, left, others)) is not None:
        left = held           # "X, Bộ trưởng Bộ Quốc phòng Việt Nam đã hội đàm": X, not his office
    right_all = [x for x in acts if (x.s >= te and x.e <= rb) or (x.s > ts and x.e <= te)
                 or (ts < x.s < te < x.e)]
    if "rời" in low or "của" in low:
        # "trước khi rời Jakarta, lên đường thăm ...": the place left behind is no side; "trao thư
        # của Thủ tướng X": the writer of the message handed over is no side either
        acts = [x for x in acts if not lex.ends["departure"].search(low, max(0, x.s - 12), x.s)
                and not lex.ends["message"].search(low, max(0, x.s - 24), x.s)]
        left = [x for x in left if x in acts]
        right_all = [x for x in right_all if x in acts]
    if nominal and not right_all:
        # "Cuộc gặp kéo dài khoảng 100 phút giữa X và Y ...", "cuộc điện đàm kéo dài một giờ với X":
        # the sides after the predicate
        g = _GIUA.search(low, te, min(len(low), te + 60))
        if g is not None and not _COMMA_SEMI_DOT.search(low, te, g.start()):
            rb2 = _right_boundary(f, g.end(), lex, others)
            right_all = [x for x in acts if x.s >= g.end() and x.e <= rb2]
        g = _LASTING_OF.match(low, te)
        if g is not None:
            # "Chuyến thăm kéo dài ba ngày của X tới Y ...": the sides after the length
            rb2 = _right_boundary(f, g.end() - 1, lex, others)
            right_all = [x for x in acts if x.s >= g.end() and x.e <= rb2]
    right: list[_A] = []
    if right_all:
        if not nominal:
            right = right_all
        else:
            first = min(right_all, key=lambda x: x.s)
            gap = low[te:first.s] if first.s >= te else ""
            if _GAP_SIDES.search(gap[:60]) or len(gap.strip(" -–")) == 0 \
                    or _GAP_OF.match(gap) or _LASTING_OF.fullmatch(gap) \
                    or (trig.type == "visit" and _GAP_TO.search(gap)) or dash_pair(low, te, right_all):
                right = right_all       # "chuyến thăm cấp nhà nước tới Trung Quốc": the host
    if not left and not right and nominal:
        # "Trong cuộc điện đàm đầu tiên, kéo dài 20 phút, X và Y ...": a fronted frame; its sides
        # are the subject of the clause after it
        if _FRONT_FRAME.match(low[:ts]):
            for pos in [p + 1 for p in f.commas if p >= te]:
                xs = [x for x in acts if x.s >= pos and not x.members]
                if xs and not low[pos:xs[0].s].strip(" ,"):
                    rb3 = _right_boundary(f, xs[0].s, lex, [])
                    right = [x for x in acts if pos <= x.s and x.e <= max(rb3, xs[0].e)]
                    break
    if not nominal and allow_left and others and not any(x.kind not in ("place", "country") for x in left):
        # "X đang có chuyến thăm Moskva cũng đã hội kiến Y": the clause starts at a nominal trigger
        # taken through a light verb; both share the subject before that verb
        prior = next(((s, e) for s, e in others if e == lb), None)
        lv = lex.ends["light_end"].search(low, max(0, prior[0] - 30), prior[0]) if prior else None
        if lv is not None and lv.start() not in f.covered:
            subj = _subject_before(f, lex, lv.start(), others)
            if subj:
                left = subj + [x for x in left if x.kind == "place"]    # not the trip's destination
                if lv.group("asp"):
                    a.frame_of = prior[0]      # an ongoing trip: the frame of this event
        elif left_txt.rstrip().endswith("và") and _AND_END.search(left_txt, max(0, len(left_txt) - 8)):
            # "X và Y đã đạt được thỏa thuận ngừng bắn tại Gaza và trao trả con tin": a verb phrase
            # coordinated with the trigger before it (same clause) shares its subject
            prior = max(((s, e) for s, e in others if e <= ts), default=None)
            if prior is not None and not _COMMA_SEMI_DOT.search(low, prior[1], ts):
                # a country between the two verbs is the object of the first ("thăm Indonesia
                # từ ngày 9 đến 11/3 và thăm Singapore"), not a side of the second
                left = _subject_before(f, lex, prior[0], others) + [x for x in left if x.kind == "place"]
    # "Đặc phái viên ... của Tổng thống Donald Trump là Steve Witkoff": the envoy takes part, not
    # the principal named in the envoy's title
    for x in list(left) + list(right):
        if x.kind == "person" and _OF_BEFORE.search(low[max(0, x.s - 6):x.s]) \
                and _IS_AFTER.match(low[x.e:x.e + 6]) \
                and any(y.kind == "person" and y.s > x.e and not low[x.e:y.s].strip().replace("là", "", 1).strip()
                        for y in acts):
            left = [y for y in left if y is not x]
            right = [y for y in right if y is not x]
    if not left and not nominal and trig.type == "negotiation" and "sides" in lex.ends:
        left = table_subject(f, lex, ts, others, lex.ends["sides"], _subject_before)   # "ngồi vào bàn đàm phán"
    elif not left and not nominal and trig.type == "visit" and "sides" in lex.ends:
        left = motion_subject(f, lex, ts, others, lex.ends["sides"], _subject_before)  # "sẽ tới thăm"
    if trig.subject_only and left:
        right = []            # "đồng chủ trì Phiên họp ... Ủy ban X": the committee names the session
    jn, before = joiners(f, lex, ts, te, others) if trig.joinable and nominal else ((), False)
    if jn:
        sides = {x.country or x.name for x in right if x not in jn and x.kind != "place" and not x.members}
        if before and len(sides) == 1:
            left = left + [x for x in jn if x not in left]    # "X tham dự cuộc gặp với Y": X is a side
        else:       # "X cũng tham gia cuộc trò chuyện (giữa A và B)": X joins that talk
            left, right = [x for x in left if x not in jn], [x for x in right if x not in jn]
            for x in jn:
                if x.name not in a.joiners:
                    a.joiners.append(x.name)
                    a.pkind[x.name], a.countries[x.name] = ("person" if x.kind == "person" else x.kind), x.country
    chosen = left + right
    if nominal and left and not right and _HOST.search(low, max(0, ts - 20), ts):
        # "Với vai trò Chủ tịch ASEAN, ông X chủ trì cuộc đàm phán": the chair (a mediator) of talks
        # reported elsewhere, not talks of its own; a chair title's organization is no side
        a.host_only = True
        persons = [x for x in left if x.kind == "person"]
        if persons:
            chosen = left = persons
    by = _BY_CHAIR.match(low, te) if nominal and trig.type in ("meeting", "negotiation") else None
    if by is not None:
        # "trong cuộc đàm phán do Thủ tướng X chủ trì": X chairs the talks (the passive of "X chủ
        # trì cuộc đàm phán")
        chair = next((x for x in acts if x.s == by.end() and x.kind == "person" and not x.members), None)
        if chair is not None and _CHAIRS.match(low, chair.e):
            a.host_only = True
            chosen = left = [chair]
    if nominal and left and right and trig.type == "agreement" and _witness(f, lex, ts, te, right):
        # "Thủ tướng dự Lễ ký Tuyên bố chung giữa A và B": the guest of a signing between two named
        # sides attends it, he is no party to it
        chosen, left = list(right), []
    elif nominal and left and right and not light and between_sides(f, te, right, of=True) \
            and not {x.country or x.name for x in left} & {x.country or x.name for x in right}:
        # "Việt Nam hoan nghênh lệnh ngừng bắn giữa Thái Lan và Campuchia": who welcomes or accepts
        # what two other sides agreed on is no side of it
        chosen, left = list(right), []
    # a subjectless clause ("X đến Tokyo, bắt đầu chuyến thăm ...", "..., đồng thời trao trả ...")
    # continues the subject of the clause before it
    rel = _WHO_VISITS.search(low, max(0, ts - 40), ts) if trig.type == "visit" and not left else None
    who = [x for x in acts if x.kind == "person" and x.e <= rel.start()] if rel is not None else []
    if who:     # "X hội đàm với Y, người đang có chuyến thăm ...": the visitor is Y, right before "người"
        chosen, left = [who[-1]] + [x for x in chosen if x is not who[-1]], [who[-1]]
    if not left and allow_left and not a.joiners:
        if cues.purpose.search(low, max(0, ts - 8), ts):
            # "ông sẽ tới Washington ... để gặp ông Trump": the traveller of the same clause
            cs = low.rfind(",", 0, ts) + 1
            own = [x for x in acts if cs <= x.s and x.e <= ts and x.kind in ("person", "country") and not x.members]
            if own:
                chosen = own[:1] + chosen
                left = own[:1]
        elif (subj := when_subject(low, ts, te, acts)) is not None:    # "Khi tiếp Y ..., ông X ..."
            chosen, left = [subj] + chosen, [subj]
        elif lex.subject_carry.match(left_txt.strip()) or (lb > 0 and low[lb - 1] == ",") \
                or lex.subject_carry.fullmatch(low[low.rfind(",", 0, ts) + 1:ts].strip()):   # ", sau đó gặp"
            attr = sent.attribution
            # "Theo X, ...": X is the source, not the subject; a speaker ("X thông báo ...") is
            fronted = attr is not None and (attr.cue or "").lower().startswith("theo")
            skip = (sv.from_doc(attr.start), sv.from_doc(attr.end)) if fronted else (-1, -1)
            # "Reuters dẫn lời ông X cho biết ..., đồng thời đề nghị ...": the channel that quotes
            # the speaker is no subject of what the speaker does
            channel = attr.channel if attr is not None and attr.channel else None
            subj = _carried_subject(low, lb, [x for x in acts if not (x.s < skip[1] and x.e > skip[0])
                                              and not (channel and x.name == channel)])
            if subj is not None:
                chosen = [subj] + chosen
                left = [subj]
                a.carried = True
        elif (subj := speaker_subject(sent.attribution, sv, ts, acts)) is not None:
            chosen, left = [subj] + chosen, [subj]      # "Ông X xác nhận sẽ thăm Y": the speaker goes
    if trig.type == "visit" and nominal and not left:
        # "..., trong khuôn khổ chuyến thăm cấp nhà nước tới Trung Quốc": the visitor is the
        # sentence's subject
        attr = sent.attribution
        fronted = attr is not None and (attr.cue or "").lower().startswith("theo")
        skip = (sv.from_doc(attr.start), sv.from_doc(attr.end)) if fronted else (-1, -1)
        persons = [x for x in acts if x.kind == "person" and x.e <= ts and not (x.s < skip[1] and x.e > skip[0])]
        subj = persons[0] if persons else None
        if subj is None and ts and (lex.ends["venue"].fullmatch(low[:ts].lstrip()) or own_trip(low, te, lex.ends.get("sides"))):
            # a fronted frame ("Trong khuôn khổ chuyến thăm ..., X đã ..."): the main clause's subject
            subj = _main_subject(low, max([te] + [x.e for x in right]), acts)
        if subj is not None and subj not in chosen and not any(x.kind == "person" for x in right):
            chosen = [subj] + chosen
    a.left_subject = bool(left)
    names: list[str] = []
    loc_cands: list[_A] = []
    for x in chosen:
        if x.members:
            a.focus_ref = True
            a.focus_text = (a.focus_text + " " + x.text).strip()
            for mname in x.members:
                a.focus_members.append(mname)
            continue
        kind = x.kind
        if kind == "place" or (kind == "country" and (_loc_cue(f, x) or venue_item(low, x, acts, cues)) and trig.type != "visit") \
                or ((kind == "organization" or x.via == "candidate") and _AT.search(low, max(0, x.s - 16), x.s)):
            loc_cands.append(x)     # "tại Trụ sở Trung ương Đảng", "tại Điện Élysée": a venue, not a side
            continue
        if kind == "organization" and x.s > te and _SIDELINES.search(low, max(0, x.s - 60), x.s):
            continue                # "gặp X bên lề (Hội nghị) APEC": the forum is no side of the talk
        if kind == "country" and place_of_country(low, x, acts):
            continue                # "tại thủ đô Muscat của Oman": the place's country, no side
        if x.name and x.name not in names:
            names.append(x.name)
            a.pkind[x.name] = "person" if kind == "person" else kind
            a.countries[x.name] = x.country
    # first person inside a quote or a post: the speaker
    win_lo, win_hi = (lb if allow_left else ts), rb
    attr = sent.attribution
    if attr is not None and attr.name and _FIRST_PERSON.search(low[win_lo:win_hi]):
        sp = attr.name
        kinds = {x.name: x for x in acts}
        if sp not in names and (sp in kinds and kinds[sp].kind == "person"):
            names.insert(0, sp)
            a.pkind[sp] = "person"
            a.countries[sp] = kinds[sp].country
    titled: list[str] = []
    if f.refs:
        for r in lex.references.finditer(low, win_lo, win_hi):
            # "hai ông chủ Điện Kremlin và Nhà Trắng": part of named actors, not a plural reference
            if not any(x.s < r.end() and x.e > r.start() for x in acts if not x.members):
                title = " ".join(r.group().split()[1:])
                if r.start() >= te and title in lex.ends["titled_refs"] and \
                        titled_objects(a, names, acts, ts, title, sv, sv.to_doc(r.start()), analysis, doc):
                    break             # "Tổng thống A tiếp hai ngoại trưởng": the two named before
                a.focus_ref = True
                a.focus_text = (a.focus_text + " " + r.group()).strip()
                if not a.focus_members and title in lex.ends["titled_refs"]:
                    # "hai Thủ tướng dự kiến có cuộc gặp": the last two persons named with that title
                    # before it (a plan: the talk reported just before, with its other sides, is not
                    # its antecedent; a reported talk keeps extract_docs' antecedent)
                    titled = titled_pair(title, sv, sv.to_doc(r.start()), analysis, doc)
                break
    if nominal and not names and not a.focus_ref:
        # "Lần gần nhất hai nhà lãnh đạo trao đổi là cuộc điện đàm hôm 28/7": the subject before "là"
        names, a.focus_ref, a.focus_text = copula_subject(low, ts, acts, lex.references, a.pkind, a.countries)
    if trig.type == "ceasefire" and nominal and not names and not a.focus_ref and f.refs:
        # "... lệnh ngừng bắn có hiệu lực từ 10/10, sau khi hai bên đồng ý với kế hoạch ...": a truce
        # named without sides takes the pair that agreed to it later in the sentence
        r = lex.references.search(low, win_hi)
        if r is not None and lex.agreement_verbs.match(low, r.end() + 1) is not None \
                and not any(x.s < r.end() and x.e > r.start() for x in acts if not x.members):
            a.focus_ref = True
            a.focus_text = r.group()
    if trig.type == "statement" and attr is not None and attr.name:
        # a press conference or a communiqué is the statement of the sentence's speaker
        sp = attr.name
        sx = next((x for x in acts if x.name == sp and x.kind == "person"), None)
        if sx is not None and sp not in names:
            names.insert(0, sp)
            a.pkind[sp] = "person"
            a.countries[sp] = sx.country
    if trig.type == "prisoner_exchange" and (cx := exchange_counterpart(low, ts, te, acts, lex, analysis, sent,
                                                                        names, a.countries)) is not None and cx.name not in names:
        # "Hamas bàn giao thi thể 4 con tin, còn Israel phóng thích 600 tù nhân": both releasers
        names.append(cx.name)
        a.pkind[cx.name], a.countries[cx.name] = cx.kind, cx.country
    if trig.type == "prisoner_exchange" and len(names := go_betweens(names, lex)) >= 2:    # no ICRC
        # "Hamas thả con tin và Israel trả tự do cho 240 tù nhân Palestine": the captives' country
        # is no side when two others are named; with the releaser alone it is a weak side (another
        # mention of the exchange naming the other releaser replaces it: extract_docs._add)
        nat = {x.name for x in chosen if x.kind == "country" and (
            lex.ends["captives"].search(low, max(0, x.s - 30), x.s) or lex.ends["captives_head"].match(low, x.s, x.e))}
        if nat and len({a.countries.get(n) or n for n in names if n not in nat}) >= 2:
            names = [n for n in names if n not in nat]
        elif nat:
            a.captive_sides = [n for n in names if n in nat]
    if trig.type == "agreement" and witnessed_signing(low, ts, te, trig, nominal, right, lex, cues):
        # "hai Thủ tướng chứng kiến lễ ký 5 văn kiện hợp tác": the leaders witness a signing between
        # their countries (ministries, agencies): the countries are the sides, not the witnesses
        a.as_countries = True
        names = witnesses_states(names, a, acts, low, lex.ends.get("sides"))
    if trig.type == "ceasefire" and any(a.pkind.get(n) == "person" for n in names) \
            and all(a.pkind.get(n) in ("person", "country") and a.countries.get(n) for n in names) \
            and len({a.countries[n] for n in names}) >= 2:
        a.as_countries = True   # "Thủ tướng A và Tổng thống B nhất trí ngừng bắn": their two states
    if trig.states or a.as_countries:
        # "X và Y ra tuyên bố chung về việc nâng cấp quan hệ": the states of the leaders agree ("hai
        # nhà lãnh đạo ...": the countries of the sides before, extract_docs: as_countries)
        a.focus_members = []
        if names and all(a.countries.get(n) for n in names):
            names = list(dict.fromkeys(a.countries[n] for n in names))
            for c in names:
                a.pkind[c], a.countries[c] = "country", c
    a.participants = names
    if refine_sides(a, f, sv, ts, te, trig, chosen, right, rb, others, lex, lex.ends.get("sides"), _subject_before,
                    analysis):
        return None           # "gặp gỡ cộng đồng người Việt Nam tại Anh": no diplomatic meeting
    if trig.type == "agreement" and lex.ends["party"].match(low, lb) and lex.ends["party_partner"].match(low, te) \
            and len({a.countries.get(n) or n for n in names}) < 2:
        return None     # "đảng X đạt thỏa thuận liên minh với đảng Y": a coalition deal at home
    # a summary of several talks, one event per object: "lần lượt có cuộc điện đàm với A và B", "đã
    # có các cuộc gặp song phương với A, B và C", "gặp riêng A và B" (never one talk of them all)
    if trig.type in _SEVERAL_TYPES and len(right) >= 2 and _several(low, ts, te, right, lex):
        objs = [x.name for x in right if x.name in names and not x.members and x.kind != "place"]
        if len(objs) >= 2 and any(n not in objs for n in names):
            a.split_objects = objs
    elif not nominal and trig.form in lex.ends.get("courtesy", ()):    # "X hội kiến A và B": a call each
        a.split_objects = courtesy_calls(left, right, names) if not _BETWEEN.search(low, te, te + 8) else []
    if not nominal and not a.split_objects and analysis is not None:
        # "điện đàm riêng với từng ngoại trưởng": one talk with each holder of the title named before
        a.split_objects = each_titled(a, low, te, trig, acts, a.participants, lex.ends.get("sides"),
                                      title_holders(a, sv, ts, acts, analysis, doc))
    if trig.object and not nominal and not a.split_objects and len(right) >= 2:   # "Gặp A và B": each
        a.split_objects = subjectless_objects(low, te, right, names, cues)
    # ---- status (a movement form carries its own modal: "sẽ sang", "dự kiến tới" read as a cue)
    # (a join verb carries the status cues of its clause: "X không / có thể / sẽ tham gia cuộc gặp")
    _status(a, low, low.rfind(" ", ts, te) + 1 if trig.place_object else ts, te, lb, trig, lex, cues,
            bridge or bool(jn and before), f)
    if titled and a.status in ("planned", "hypothetical"):
        a.focus_members = titled
    planned_round_of_states(a, low, ts, trig, lex.ends.get("sides"))
    # ---- initiator
    a.initiator = _initiator(low, lb, ts, te, rb, acts, lex, f)
    if a.initiator is None and trig.type in _SEVERAL_TYPES and f.initiators[0]:
        a.initiator = titled_initiator(sv, te, acts, f.initiators[0], analysis, doc)
    caller_initiator(a, low, ts, trig, right, lex.ends.get("sides"))      # "X gọi cho Y"
    # ---- date
    live = live_others(low, others, ts)     # a talk noun under "không có" competes for no time or length
    _date(a, sv, ts, te, live, analysis, lex, trig.type)
    anchor = analysis.anchor.date
    if not a.status_explicit and a.date and anchor and analysis.anchor.source == "pub_date" \
            and a.date > anchor[:len(a.date)]:
        a.status, a.status_explicit = "planned", True      # dated after the article: still to come
    # ---- duration, quantities, ordinal, location
    if sent.quantities or trig.type == "ceasefire":
        _duration(a, sv, ts, te, live, trig, lex)
    if trig.type in ("agreement", "prisoner_exchange"):
        # the rest of an exchange: its numbers follow a comma ("..., với 610 tù binh mỗi bên")
        end = next((p for p in f.punct if p >= te), len(low)) if trig.remainder else rb
        _quantities(a, low[lb:end] if end > lb else low, ts, te, trig, low, lex)
        if trig.remainder and not a.quantities:
            return None       # no number of prisoners: not an exchange
    a.ordinal = _ordinal(sv, te)
    a.location, a.location_country = _location(sv, ts, te, others, loc_cands, acts, trig, allow_left, lex, rb)
    # ---- assertion
    venue = nominal and trig.type == "meeting" and lex.ends["venue"].search(low, max(0, ts - 25), ts) is not None
    inv = _INVITED.search(low, max(0, ts - 80), ts) if nominal and trig.type == "meeting" else None
    if inv is not None and not _COMMA_SEMI_DOT.search(low, inv.end(), ts) \
            and _ATTEND_BEFORE.search(low, max(0, ts - 12), ts) is not None:
        # "X mời Y sang dự Hội nghị Cấp cao ASEAN": the summit is what Y is invited to, no event
        # reported (nor a side of the talks planned beside it)
        a.asserted = False
    elif venue and not bridge:
        # "bên lề Hội nghị cấp cao APEC tại ...": a venue named in passing, not an event reported
        a.asserted = False
    elif nominal and not a.anaphoric:
        after = low[te:te + 40]
        a.asserted = bool(bridge or lex.asserting.match(after.lstrip())
                          or _BETWEEN_OF.match(after) and len(names) + len(a.focus_members) >= 2
                          or a.date or a.location or a.quantities or a.ordinal or a.duration)
    elif a.anaphoric:
        a.asserted = False
    if a.talk_outcome:
        a.asserted = True       # "Cuộc đàm phán ... kết thúc bằng tuyên bố về lệnh ngừng bắn"
    if nominal and trig.type == "agreement" and (ref := referred_agreement(low, ts, te, right, cues)):
        a.asserted = False      # "X hoan nghênh thỏa thuận, còn Y ...": X is no side
        a.participants = [] if ref == "welcomed" else a.participants
    elif trig.type == "negotiation" and welcomed_talks(low, ts, te, cues):
        return None             # "X và Y hoan nghênh việc kết thúc đàm phán về ...": in passing
    # ---- background / same occasion
    bg = f.memo.get("background")
    if bg is None:
        bg = f.memo["background"] = bool(lex.background.match(low.lstrip(" \"“”'‘’")))   # ('"Lần trước, ...')
    a.background = bg
    a.same_occasion = f.same_occasion and bool(lex.same_occasion.search(low, 0, ts))
    return a


def _initiator(low, lb, ts, te, rb, acts, lex, f=None) -> str | None:
    def actor_in(s, e):
        best = None
        for x in acts:
            if x.s < e and x.e > s and x.name and not x.members and x.kind != "place":
                if best is None or x.e > best.e:
                    best = x
        return best.name if best else None
    # only the patterns whose words all occur in the sentence can match (most sentences: none)
    after_rx, before_rx = (lex.initiator_after, lex.initiator_before) if f is None else f.initiators
    if not after_rx and not before_rx:
        return None
    seg_after = low[te:min(len(low), te + 160)]
    near = low[max(0, ts - 120):min(len(low), te + 160)]
    # "Ngay sau đó, theo đề nghị của phía Australia, X điện đàm với Y": a fronted request
    front = low[max(0, ts - 120):ts]
    for rx in after_rx:
        for m in rx.finditer(front):
            off = max(0, ts - 120)
            n = actor_in(off + m.start("x"), off + m.end("x"))
            if n and not _STOP_PUNCT.search(front, m.end()):
                return n
    if not any(k in near for k in lex.initiator_keys):
        return None
    for rx in after_rx:
        for m in rx.finditer(seg_after):
            n = actor_in(te + m.start("x"), te + m.end("x"))
            if n:
                return n
    off = max(lb, ts - 60)
    seg_before = low[off:min(len(low), te + 15)]
    for rx in before_rx:
        for m in rx.finditer(seg_before):
            if off + m.end("x") > ts or off + m.end() < ts:
                continue
            n = actor_in(off + m.start("x"), off + m.end("x"))
            if n:
                return n
    return None


def _duration(a: Args, sv, ts, te, others, trig, lex) -> None:
    best = None
    for q in sv.sent.quantities:
        if q.kind != "duration" or q.value is None or q.approximate:
            continue
        s, e = sv.from_doc(q.start), sv.from_doc(q.end)
        ended = re.search(r"kết thúc(?:\s+\w+){0,2}\s+sau\s*$", sv.low[max(0, s - 30):s])
        if not ended and (re.match(r"\s*(?:sau|trước)(?!\w)", sv.low[e:e + 8])
                          or re.search(r"(?:sau|trước)\s*$", sv.low[max(0, s - 8):s])):
            continue          # "vài giờ sau khi ...": an offset ("kết thúc sau 40 phút" is a length)
        talk = carrier(sv.low, s, e, lex, others)
        if talk is not None and not (talk[0] < te and talk[1] > ts):
            continue          # "sau hai giờ thảo luận": the length of other talks (extract_talklen)
        d = _dist(s, e, ts, te)
        rivals = lasted_rivals(sv.low, s, e, ts, others)    # "X ... kéo dài hơn 4 giờ": X's length
        if rivals is None or any(_dist(s, e, os, oe) < d for os, oe in rivals):
            continue
        if best is None or d < best[0]:
            best = (d, q)
    if best is None:
        if trig.type == "ceasefire":
            m = re.search(_NUM + r"\s+ngày", sv.low[te:te + 40])
            if m:
                a.quantities["days"] = _num(m.group(1)) or 0
        return
    q = best[1]
    unit_text = (getattr(q, "unit_text", None) or "").lower()
    if trig.type == "ceasefire":
        if q.value >= 1440 or "ngày" in unit_text:
            a.quantities["days"] = round(q.value / 1440.0, 2)
        return
    if trig.type in _DURABLE and 5 <= q.value <= 720:
        a.duration = float(q.value)
        a.duration_qualifier = q.qualifier


def _ordinal(sv, te) -> int | None:
    low = sv.low
    if "thứ" not in low and "đầu tiên" not in low:
        return None                # both patterns below need one of these words
    # "Vòng đàm phán Nga - Ukraine thứ ba": skip the sides named right after the trigger
    for x in _actors(sv):          # already in order of position
        if 0 <= x.s - te <= 3 and _DASHES.fullmatch(low[te:x.s]):
            te = x.e
    m = _ORDINAL.match(low[te:]) if "thứ" in low else None
    if m:
        w = m.group(1)
        orig = sv.sent.text[sv.to_doc(te + m.start(1)) - sv.sent.start:][:1]
        after = low[te + m.end():te + m.end() + 8]
        counted = _COUNTED.search(m.group(0)) is not None     # "lần thứ hai, ...": never a weekday
        if not counted and (orig.isupper() or after.lstrip().startswith(("(", "tuần", "ngày", ","))):
            return None            # a weekday ("thứ Ba")
        if w.isdigit():
            return int(w)
        return _NUM_WORDS.get(w)
    if "đầu tiên" in low and _FIRST_ONE.match(low[te:te + 40]):
        return 1
    return None


_DASHES = re.compile(r"[\s\-–]*")
_ORDINAL = re.compile(r"(?:\s+(?:trực tiếp|chính thức|cấp cao|thượng đỉnh|song phương))?\s+(?:lần\s+)?thứ\s+"
                      r"(\d+|mười một|mười hai|\w+)(?!\w)")
_COUNTED = re.compile(r"(?<!\w)lần\s+thứ\s")
_FIRST_ONE = re.compile(r"(?:\s+[^\s.,;:]+){0,2}?\s+đầu tiên(?!\w)")
_PLACE_AFTER = re.compile(r"\s*(?:tại|ở)\s+((?:[A-ZĐÀ-Ỹ][\w-]*)(?:\s+[A-ZĐÀ-Ỹ][\w-]*){0,3})")


def _place_name_after_cue(sv, te: int, rb: int | None) -> str | None:
    """No place in the dictionary: a capitalized name right after "tại/ở" following the trigger
    ("gặp nhau tại Busan") is the location, as written."""
    if "tại" not in sv.sent.text and "ở" not in sv.sent.text:
        return None                # the pattern needs one of them
    rel = sv.to_doc(te) - sv.sent.start
    m = _PLACE_AFTER.match(sv.sent.text, rel)
    if m is None or (rb is not None and sv.from_doc(sv.sent.start + m.end(1)) > rb):
        return None
    return m.group(1)


_COMMA_SEMI = re.compile(r"[,;]")
_AND = re.compile(r"(?<!\w)và(?!\w)")


# "tại thủ đô Muscat": a capital (a metonym of its country) after a place cue and a city noun
_CITY_NEAR = re.compile(r"(?<!\w)(?:tại|ở|tới|đến|sang)\s+(?:thủ đô|thành phố|tp\.?)\s+$")


def _place_cue(f, x: _A, lex) -> bool:
    """A place cue ("tại", "ở", "tới" ...) stands before the actor, right before it for a country
    ("tại các bệnh viện của Nga": the country modifies a noun), and no blocker word stands before
    the cue ("xung đột ở Ukraine"); once per actor."""
    memo = f.place_cue if lex is not None else f.memo
    key = id(x) if lex is not None else ("place_cue", id(x), True)
    v = memo.get(key)
    if v is None:
        low = f.low
        cue = _loc_cue(f, x)
        v = bool(cue) and not (x.kind == "country" and not _LOC_CUE_NEAR.search(low[max(0, x.s - 12):x.s])
                               and not (x.via == "metonym" and _CITY_NEAR.search(low[max(0, x.s - 24):x.s])))
        if v and lex is not None:
            cue_at = max(0, x.s - 30) + cue.start()
            v = not lex.ends["blockers"].search(low, max(0, cue_at - 25), cue_at)
        if v and x.kind == "country":
            # "Đại sứ Nhật Bản tại Việt Nam Ito Naoki": the posting in a person's title, no place
            v = not any(y.kind == "person" and y.s >= x.e and not low[x.e:y.s].strip() for y in f.acts)
        memo[key] = v
    return v


def _fronted(low: str, pos: int, lex) -> bool:
    """low[:pos] is a fronted place phrase: "(Ngày 9/7,) tại ", or one after a fronted venue ("Ngày
    26/5, bên lề Hội nghị Cấp cao ASEAN lần thứ 46 tại ")."""
    if _FRONTED.match(low, 0, pos):
        return True
    if lex is None:
        return False
    rx = lex.ends.get("fronted_venue")
    if rx is None:
        rx = lex.ends["fronted_venue"] = re.compile(r"^\s*(?:[^,]{0,40},\s*)?" + lex.venue.pattern
                                                    + r"[^,]{0,80}?\s(?:tại|ở)\s+(?:[^\s,]+\s+){0,3}$")
    return rx.match(low, 0, pos) is not None


def _location(sv, ts, te, others, loc_cands, acts, trig, allow_left=True, lex=None,
              rb=None) -> tuple[str | None, str | None]:
    low = sv.low
    f = facts(sv)
    best = None
    places = f.memo.get("places")
    if places is None:
        # the sentence's places and countries (no group references), equal ones once
        places = []
        for x in acts:
            if x.kind in ("place", "country") and x not in places and not x.members:
                places.append(x)
        if acts is f.acts:
            f.memo["places"] = places
    pool = list(loc_cands) + [x for x in places if x not in loc_cands] if loc_cands else list(places)
    for x in pool:
        if trig.type == "visit" and x.kind in ("place", "country") and ts < x.s <= te + 1 < x.e + 1:
            best = (-1, x)        # "thăm cấp nhà nước Trung Quốc": the destination
            break
        if not _place_cue(f, x, lex):
            continue              # no cue, a country modifying a noun, or a blocked cue
        if x.s < ts and not allow_left:
            continue
        d = _dist(x.s, x.e, ts, te)
        in_clause = rb is not None and te <= x.s and x.e <= rb
        if d > 90 and not in_clause:
            continue
        nearer = [(os, oe) for os, oe in others if _dist(x.s, x.e, os, oe) < d]
        if nearer and not _venue_between(low, te, x.s, nearer, lex):
            continue
        if x.s < ts and d > 0 and trig.type not in ("visit",):
            # a place before the trigger only counts inside the same clause, close to it
            if _COMMA_SEMI.search(low, x.e, ts) or d > 30 or _AND.search(low[x.e:ts]):
                continue
        if x.s >= te and not in_clause and _COMMA_SEMI.search(low, te, x.s):
            continue
        if best is None or d < best[0]:
            best = (d, x)
    if best is None:
        # "vòng đàm phán Istanbul", "hội nghị Paris": a place right after the trigger
        for x in pool:
            if x.kind == "place" and 0 <= x.s - te <= 1:
                best = (0, x)
                break
    if best is None:
        # "Ngày 28/7, tại Putrajaya (Malaysia), X chủ trì cuộc gặp ...": a fronted place phrase
        # locates the sentence's first event
        # ("Ngày 26/5, bên lề Hội nghị Cấp cao ASEAN tại Kuala Lumpur, X đã có cuộc gặp ...": the
        # venue before it is no event of its own; "Phó Thủ tướng, Bộ trưởng X": no clause comma)
        venue = lex.ends["venue"] if lex is not None else None
        if not any(os < ts and not (venue and venue.search(low, max(0, os - 25), os)) for os, _ in others):
            for x in pool:
                if x.s < ts and x.kind in ("place", "country") and _fronted(low, x.s, lex) \
                        and sum(1 for p in f.commas if x.e <= p < ts and not (
                            lex is not None and lex.ends["title"].search(low, max(0, p - 40), p))) <= 1 \
                        and (lex is None or not lex.stop_before.search(low, x.e, ts)):
                    best = (0, x)     # ... unless a reporting verb stands between ("Tại X, ông Y nói rằng ...")
                    break
    if best is None:
        return _place_name_after_cue(sv, te, rb), None
    x = best[1]
    if x.via == "metonym":
        return x.text.strip(), x.country
    return x.name or x.text.strip(), x.country
