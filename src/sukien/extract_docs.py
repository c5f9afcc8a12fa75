"""Document-level events: coreferent mentions merged, recaps kept apart, records built
(docs/EVENTS.md "Mentions → document events"; record shape in docs/ARCHITECTURE.md).

``extract.document_events`` is the entry point; this module holds the clustering of one article's
mentions (the order of the passes; the rules of one merge are in ``extract_cluster``) and the
record builder.
"""
from __future__ import annotations

import re

from .extract_cluster import (_MEET_NEG, _Ev, _add, _compatible, _dates_agree, _m_parts,
                              _undated_plan, join_halves, mark_past, split_summaries)
from .extract_focus import TALK_TYPES, _resolve_focus, _sides_of_framing_talks, _unify_countries
from .extract_merge import (_days_before_main, capital_countries, _dedupe, _drop_summaries, _framed_visits, _outcomes_of_talks,
                            _talks_at_one_place, _visits_absorb_meetings, guests_of, visitor_and_host)
from .extract_recaps import current, recent_first
from .extract_talklen import assign as _assign_lengths
from .extract_talks import OUTCOMES, _next_ordinals, _results_of_talks, _talks_of_outcomes, borrowed_sides
from .models import Analysis, Document, EventMention, Evidence

_CLAUSE_PUNCT = re.compile(r"[,;:.!?]")


# ------------------------------------------------------------------------------ document events

def cluster_and_build(doc: Document, analysis: Analysis, mentions: list[EventMention], res) -> list[dict]:
    """One record per real event the article reports (docs/ARCHITECTURE.md)."""
    cues = res.cues
    mentions = [m for m in mentions if m.flags.get("status_raw") != "negated"]
    mentions = [m for m in mentions if not _proposed_talk(m, mentions, doc.text)]
    # an elliptic round ("Vòng thứ hai ...", triggers.yaml `in_story.rounds`) names its own event
    # only with its date: an undated one cannot tell which of the article's rounds it is
    ellipses = set(((res.triggers.raw.get("triggers") or {}).get("in_story") or {}).get("rounds") or [])
    mentions = [m for m in mentions if m.date or m.trigger.lower() not in ellipses]
    if not mentions:
        return []
    _online_talks(mentions, res)
    borrowed_sides(mentions, analysis)     # "Cuộc đàm phán ... sau cuộc gặp giữa X và Y": not X–Y talks
    _unify_countries(mentions)
    _resolve_focus(mentions, res)
    _sides_of_framing_talks(mentions, res)
    _unify_countries(mentions)
    mark_past(mentions, anchor := analysis.anchor.date if analysis.anchor else None)
    _results_of_talks(mentions, cues)
    _talks_of_outcomes(mentions, cues)
    events: list[_Ev] = []
    # from here on the participants of a mention do not change: _m_parts once per mention
    pc: dict[int, tuple] = {}

    def best(m: EventMention, pool: list[_Ev], ignore: bool = False) -> _Ev | None:
        mt = m.type
        talk = mt in _MEET_NEG
        # _compatible's first test inlined: other types never merge (but a meeting and a negotiation)
        scored = [(s, -i) for i, e in enumerate(pool)
                  if (e.type == mt or (talk and e.type in _MEET_NEG))
                  and (s := _compatible(e, m, cues, ignore, pc)) is not None]
        if not scored:
            return None
        if len(scored) > 1 and not m.participants:
            # "Tại cuộc gặp, ...", "Sau cuộc gọi, ...": a talk named without its sides is the one
            # just told (a mention in its sentence or up to two sentences back), else the best overlap
            near = {}
            for s, ni in scored:
                before = [x.start for x in pool[-ni].mentions
                          if x.start < m.start and 0 <= m.sentence_index - x.sentence_index <= 2
                          and not _contrasted(x, cues)]
                if before:
                    near[ni] = max(before)
            if near:
                last = max(near, key=near.get)
                scored = [(s + (0.5 if ni == last else 0.0), ni) for s, ni in scored]
        s, ni = max(recent_first(m, scored, pool, anchor))    # a recap never takes the news' restatement
        return pool[-ni]

    def specificity(m: EventMention) -> int:
        return (2 if m.participants else 0) + (1 if m.date else 0)

    hosts = [m for m in mentions if m.flags.get("host_only")]
    joins = [m for m in mentions if m.flags.get("joiners") and not m.participants]   # see _joined
    jids = {id(m) for m in joins}
    strong = [m for m in mentions if m.flags.get("asserted") and not m.flags.get("weak")
              and not m.flags.get("anaphoric") and not m.flags.get("host_only") and id(m) not in jids]
    # recaps ("Hồi tháng 11/2023, ...") last: they must not absorb the article's undated restatements
    # dated plans after the reported events: "dự kiến tọa đàm ngày 11/6" must not found the event
    # that the article's unmarked report of the talks then joins
    # a talk noun naming three or more sides without a date ("cuộc gặp A – B" with the arranger C)
    # after them too: the dated reports of its pairs found their events first, so that it does not
    # lend its extra sides to one of them (it joins an event of all its sides, or stands alone)
    strong.sort(key=lambda m: (bool(m.flags.get("background")) or _wide_noun(m, pc)
                               or bool(m.flags.get("past") and m.date and len(m.date) == 4), _dated_plan(m),
                               -specificity(m), m.start))
    for m in strong:
        e = best(m, events)
        if e is None:
            e = _Ev(type=m.type)
            events.append(e)
        _add(e, m, cache=pc)
    events = join_halves(split_summaries(events, pc))
    # "X chủ trì cuộc đàm phán": the chair joins the talks the article reports (same family, no
    # date conflict), as a participant (mediator); without such talks the mention stands alone
    for m in hosts:
        pool = [e for e in events if e.type in ("meeting", "negotiation")
                and (e.status or "occurred") == (m.status or "occurred")
                and not (m.date and e.date and not _dates_agree(m.date, e.date))
                and len(e.countries()) >= 2]
        if pool:
            e = max(pool, key=lambda e: (len(e.mentions), e.type == m.type))
            _add(e, m, cache=pc)
        else:
            strong.append(m)
            e = best(m, events) or _Ev(type=m.type)
            if e not in events:
                events.append(e)
            _add(e, m, cache=pc)
    # weak talk words ("cuộc trò chuyện") take the talk type the article uses most
    counts = {t: sum(1 for m in mentions if m.type == t and not m.flags.get("weak"))
              for t in ("phone_call", "meeting")}
    talk_type = max(counts, key=lambda t: (counts[t], t == "phone_call")) if any(counts.values()) else None
    # "X cũng tham gia cuộc trò chuyện này": X joins the talk the phrase refers to; without one, X
    # is a side of the mention's own talk
    joined = set()
    for m in joins:
        e = _joined(m, mentions, events, pc, res)
        if e is not None:
            joined.add(id(m))
            _add(e, m, cache=pc)
            continue
        m.participants, m.flags["joiners"] = m.flags["joiners"], []
        pc.pop(id(m), None)
        if m.flags.get("asserted") and not m.flags.get("weak") and not m.flags.get("anaphoric"):
            strong.append(m)
            e = best(m, events)
            if e is None:
                e = _Ev(type=m.type)
                events.append(e)
            _add(e, m, cache=pc)
    # identity, not dataclass equality: comparing two mentions field by field is costly, and two
    # distinct mentions with equal fields always fall on the same side of this split
    strong_ids = {id(m) for m in strong} | joined
    rest = [m for m in mentions if id(m) not in strong_ids]
    unattached: list[EventMention] = []
    rest.sort(key=lambda m: (-specificity(m), m.start))
    for m in rest:
        if m.flags.get("weak"):
            x = _exchange_told(m, events, pc)
            if x is not None:
                _add(x, m, loose=True, cache=pc)
                continue
            e = _talk_of_sentence(m, events)
            if e is not None:
                _add(e, m, loose=True, cache=pc)
                continue
            # "... đã điện đàm với X. Theo X, cuộc trò chuyện kéo dài ...": the talk told in its
            # sentence or the one before names its type; else the type the article uses most
            near = _talk_just_told(m, mentions)
            if near is None and talk_type is None:
                continue
            m.type = near or talk_type
            m.flags["cameo"] = res.triggers.cameo_of(m.type)
        if m.flags.get("anaphoric"):
            pool = [e for e in events if e.type == m.type]
            persons, others, cmap = _m_parts(m, pc)
            mc = {cmap.get(p) or p for p in persons + others}
            # "Đây là chuyến thăm Hàn Quốc đầu tiên của Tổng Bí thư": an event of all its sides
            pool = [e for e in pool if mc <= e.countries()] or pool if mc else pool
            # "đây là cuộc điện đàm thứ chín": the article's event, not a plan mentioned in passing
            factual = [e for e in pool if e.status in (None, "occurred")]
            e = _main(factual if factual and m.status == "occurred" else pool)
            if e is not None and _compatible(e, m, cues, ignore_participants=True, cache=pc) is not None:
                _add(e, m, loose=True, cache=pc)
            elif e is None:
                unattached.append(m)
            continue
        e = best(m, events)
        if e is not None and not m.flags.get("asserted") and m.flags.get("status_explicit") \
                and m.status != (e.status or "occurred") and m.type not in OUTCOMES:
            e = None      # "chưa có kế hoạch về vòng đàm phán tiếp theo": another (future) event
        if e is not None:
            _add(e, m, cache=pc)
            continue
        if (m.flags.get("weak") and m.flags.get("asserted") and m.status == "occurred"
                and len({(m.flags.get("countries") or {}).get(p) or p for p in m.participants}) >= 2):
            e = _Ev(type=m.type)
            events.append(e)
            _add(e, m, cache=pc)
        elif not m.flags.get("weak"):
            unattached.append(m)
    _presupposed(events, unattached, cues)
    _truce_of_exchange(events, pc)
    _outcomes_of_talks(events)
    _next_ordinals(events, cues)
    return build_records(doc, analysis, events, res)


def _joined(m: EventMention, mentions: list[EventMention], events: list[_Ev], pc: dict, res) -> _Ev | None:
    """The talk a join mention ("X cũng tham gia cuộc trò chuyện này") refers to: the call or meeting
    of the nearest mention before it, in its sentence or up to two sentences back, that it fits
    (same type, or any talk type for a weak talk word; no date, place or status conflict)."""
    owner = {id(x): e for e in events if e.type in ("phone_call", "meeting") for x in e.mentions}
    weak = m.flags.get("weak")
    for x in reversed(mentions):
        if x.start >= m.start or id(x) not in owner:
            continue
        if m.sentence_index - x.sentence_index > 2:
            break
        e, t = owner[id(x)], m.type
        if e.type != t and not weak:
            continue
        m.type = e.type
        if _compatible(e, m, res.cues, ignore_participants=True, cache=pc) is not None:
            if weak:
                m.flags["cameo"] = res.triggers.cameo_of(e.type)
            return e
        m.type = t
    return None


_PROPOSED_GAP = re.compile(r"\s*(?:[^\W\d_]+\s+){0,4}", re.UNICODE)


def _contrasted(x: EventMention, cues) -> bool:
    """Whether mention x is only what its sentence compares the reported event with (cue
    ``contrast``: "Khác hẳn cuộc gặp hồi tháng 2, lần này ...", "Không giống lần trước, ...", "So với
    cuộc gặp trước, ...": the event compared against is not the one the next sentences go on telling)."""
    ev = x.evidence
    if ev is None or not ev.sentence:
        return False
    return cues.contrast.search(ev.sentence[:max(0, x.start - ev.start)].lower()) is not None


def _talk_just_told(m: EventMention, mentions: list[EventMention]) -> str | None:
    """The type of the last strong call or meeting mentioned before a weak talk word, in its own
    sentence or the sentence before it; None when there is none."""
    told = [x for x in mentions if x.type in ("phone_call", "meeting") and not x.flags.get("weak")
            and x.start < m.start and 0 <= m.sentence_index - x.sentence_index <= 1]
    return max(told, key=lambda x: x.start).type if told else None


def _talk_of_sentence(m: EventMention, events: list[_Ev]) -> _Ev | None:
    """"Vòng đàm phán kéo dài hơn 4 giờ, bao gồm cả các cuộc tiếp xúc trực tiếp lẫn gián tiếp": a
    weak talk word with no date and no status of its own, after a strong talk mention of its own
    sentence, is part of that talk (the event the last such mention belongs to) when it names no
    sides the event does not have."""
    if m.date or m.flags.get("status_explicit"):
        return None
    cmap = m.flags.get("countries") or {}
    mc = {cmap.get(p) or p for p in m.participants}
    best = None
    for e in events:
        if e.type not in TALK_TYPES or not mc <= e.countries():
            continue
        for x in e.mentions:
            if x.sentence_index == m.sentence_index and x.end <= m.start and not x.flags.get("weak") \
                    and x.type in TALK_TYPES and x.type != "visit" and (best is None or x.start > best[0]):
                best = (x.start, e)
    return best[1] if best is not None else None


def _proposed_talk(m: EventMention, mentions: list[EventMention], text: str) -> bool:
    """"X đề nghị tổ chức một cuộc gặp cấp cao": a talk noun without sides or date right after a
    proposal trigger of its sentence (up to four words between, no punctuation) is what is
    proposed, no talk that took place: it joins no event (the proposal is the event)."""
    if m.participants or m.date or m.type not in TALK_TYPES or not m.flags.get("nominal"):
        return False
    return any(x.type == "proposal" and x.sentence_index == m.sentence_index and x.end <= m.start
               and _PROPOSED_GAP.fullmatch(text, x.end, m.start) for x in mentions)


def _exchange_told(m: EventMention, events: list[_Ev], pc: dict) -> _Ev | None:
    """"Cuộc trao đổi diễn ra ba ngày sau khi ...": a generic talk word naming two or more sides
    between whom the article reports an exchange (of prisoners) and no talk is that exchange; one
    naming no sides is the article's only exchange when that is its story."""
    persons, others, cmap = _m_parts(m, pc)
    mc = {cmap.get(p) or p for p in persons + others}
    if not mc and not m.date and (m.status or "occurred") == "occurred":
        # "Cuộc trao đổi diễn ra đúng ngày ...", no sides named, in a story told as one exchange
        # (restated more often than any talk it mentions in passing): that exchange
        ex = [e for e in events if e.type == "prisoner_exchange" and (e.status or "occurred") == "occurred"]
        most = max((len(e.mentions) for e in events if e.type in TALK_TYPES), default=0)
        return ex[0] if len(ex) == 1 and len(ex[0].mentions) > 2 * most else None
    if len(mc) < 2 or (m.status or "occurred") != "occurred" \
            or any(e.type in TALK_TYPES and mc <= e.countries() for e in events):
        return None
    got = [e for e in events if e.type == "prisoner_exchange" and mc <= e.countries()
           and (e.status or "occurred") == "occurred" and not (m.date and e.date and not _dates_agree(m.date, e.date))]
    return got[0] if len(got) == 1 else None


def _truce_of_exchange(events: list[_Ev], pc: dict) -> None:
    """"Việc trao đổi là một phần của thỏa thuận ngừng bắn ...": a ceasefire the article names
    without sides, beside exactly one reported exchange of prisoners between two sides, is the
    truce between those sides (an exchange is made under the truce of its conflict). So is a
    ceasefire named with one of those sides only ("thỏa thuận ngừng bắn với Hamas") when every
    reported exchange is between the same two sides."""
    ex = [e for e in events if e.type == "prisoner_exchange" and len(e.countries()) == 2
          and (e.status or "occurred") == "occurred"]
    if not ex or any(x.countries() != ex[0].countries() for x in ex):
        return
    sides = ex[0].countries()
    truces = [e for e in events if e.type == "ceasefire"]
    bare = [e for e in truces if not e.countries()]
    if len(ex) == 1 and len(bare) == 1 and len(truces) == 1:
        pass
    elif len(truces) == 1 and len(truces[0].countries()) == 1 and truces[0].countries() < sides:
        bare = truces
    else:
        return
    e, x = bare[0], ex[0]
    for p in x.others + x.persons:
        if p not in e.persons + e.others:
            (e.persons if p in x.persons else e.others).append(p)
        e.country.setdefault(p, x.country.get(p))
    e._sides = None


def _online_talks(mentions: list[EventMention], res) -> None:
    """"hội đàm trực tuyến" in the headline, "cuộc hội đàm" in the body: in an article whose talks
    are online, the talk word names them (phone_call: no physical presence), unless other sides or
    another status are named."""
    online = [m for m in mentions if m.flags.get("online") and m.type == "phone_call"]
    if not online:
        return
    sides = set()
    for m in online:
        sides.update(m.participants)
    for m in mentions:
        if m.type == "meeting" and m.flags.get("online_same") and set(m.participants) <= sides \
                and (m.status or "occurred") == "occurred":
            m.type = "phone_call"
            m.flags["cameo"] = res.triggers.cameo_of("phone_call")


def _wide_noun(m: EventMention, pc: dict) -> bool:
    """A nominal talk mention ("cuộc gặp") without a date whose sides are three or more countries."""
    if not m.flags.get("nominal") or m.date or m.type not in _MEET_NEG:
        return False
    persons, others, cmap = _m_parts(m, pc)
    return len({cmap.get(p) or p for p in persons + others}) >= 3


def _dated_plan(m: EventMention) -> bool:    # (or an undated verbal one: "dự kiến gặp gỡ ... trước khi rời")
    return bool(m.date and m.flags.get("status_explicit") and m.status in ("planned", "hypothetical")) or _undated_plan(m)


def _presupposed(events: list[_Ev], unattached: list[EventMention], cues) -> None:
    """An article may only refer to its event ("cuộc điện đàm được đánh giá là ...") without ever
    asserting it: a type referred to at least twice with no event of that type becomes one event
    built from those references."""
    by_type: dict[str, list[EventMention]] = {}
    for m in unattached:
        by_type.setdefault(m.type, []).append(m)
    for etype, ms in by_type.items():
        if etype not in TALK_TYPES or len(ms) < 2 or any(e.type == etype for e in events):
            continue
        ms.sort(key=lambda m: (-len(m.participants), m.start))
        e = _Ev(type=etype)
        for m in ms:
            if not e.mentions or _compatible(e, m, cues) is not None or m.flags.get("anaphoric"):
                _add(e, m)
        events.append(e)


def _main(events: list[_Ev], anchor: str | None = None) -> _Ev | None:
    """The article's main event: restated most often, with a bonus for a mention in the title or
    lead and for talk events (the occasion other outcomes are reported from); statements, proposals
    and recaps dated well before the article (extract_recaps) only when nothing else is there."""
    pool = current([e for e in events if e.type not in ("statement", "proposal")] or events, anchor)
    if not pool:
        return None

    top = max(len(e.mentions) for e in pool)
    talks = [e for e in pool if e.type in TALK_TYPES and len(e.mentions) * 2 >= top]
    pool = talks or pool

    def score(e: _Ev):
        lead = any(m.sentence_index <= 1 or m.flags.get("role") in ("title", "lead") for m in e.mentions)
        return (len(e.mentions) + 2 * lead, -min(m.start for m in e.mentions))
    return max(pool, key=score)


_BILATERAL = ("phone_call", "meeting", "visit", "negotiation", "agreement", "ceasefire", "prisoner_exchange")


def _domestic(e, parts: list[str], cmap: dict, pkind: dict | None = None) -> bool:
    """A diplomatic event has sides of different countries. Two or more participants that all
    belong to one country ("Thủ tướng chủ trì cuộc họp của Thường trực Chính phủ", a president
    calling his own minister) make a domestic event; so does a chaired session ("chủ trì cuộc
    họp") with no foreign side. A participant of unknown country counts as a side of its own."""
    if e.type not in _BILATERAL:
        return False
    if pkind is not None and any(m.flags.get("foreign_side") for m in e.mentions):
        # a session ("cuộc họp", "chủ trì cuộc họp") is diplomatic only between two known
        # countries: a side of unknown country (a club, a coach's agent) makes no foreign side
        known = {cmap.get(p) or (p if pkind.get(p) == "country" else None) for p in parts} - {None}
        if len(known) < 2:
            return True
    sides = {cmap.get(p) or p for p in parts}
    if len(sides) >= 2:
        return False
    return len(parts) >= 2 or all(m.flags.get("foreign_side") for m in e.mentions)


# ------------------------------------------------------------------------------ records

def build_records(doc: Document, analysis: Analysis, events, res) -> list[dict]:
    topics = res.topics
    lex = res.triggers
    cues = res.cues
    records = []
    # participants and filters
    kept = []
    for e in events:
        pkind: dict[str, str] = {}
        cmap: dict[str, str | None] = {}
        for m in e.mentions:
            pkind.update(m.flags.get("pkind") or {})
            cmap.update({k: v for k, v in (m.flags.get("countries") or {}).items() if v or k not in cmap})
        parts = _dedupe(e.persons + e.others, cmap, pkind)
        if e.type == "meeting":
            parts = _without_forum(e, parts, cmap, pkind, cues)
        if e.type == "visit":
            caps = capital_countries(res)
            host = e.location_country or (caps.get(e.location) if e.location else None)
            parts = visitor_and_host(e, parts, cmap, pkind, caps, guests_of(events, host))
        if e.type == "prisoner_exchange":
            parts = _without_mediators(e, parts, cmap, analysis, doc.text, cues)
        if not parts or _domestic(e, parts, cmap, pkind):
            continue
        if e.type == "meeting" and any(m.type == "negotiation" for m in e.mentions):
            e.type = "negotiation"    # a meeting the article also calls "đàm phán": talks on an issue
        e.parts, e.pkind, e.cmap = parts, pkind, cmap
        kept.append(e)
    kept = _drop_summaries(kept, cues)
    kept = _framed_visits(kept)
    kept = _visits_absorb_meetings(kept)
    kept = _talks_at_one_place(kept)
    non_stmt = [e for e in kept if e.type not in ("statement", "proposal")]
    talks = [e for e in kept if e.type in ("phone_call", "meeting", "visit", "negotiation")]
    final = []
    for e in kept:
        ms = e.mentions
        if e.type == "statement" and any(
                o.type == "agreement" and {m.sentence_index for m in ms} <= {x.sentence_index for x in o.mentions}
                for o in kept):
            continue      # "lễ ký Tuyên bố chung ...": the signed joint statement is the agreement
        if e.type == "statement":
            # statements: telegrams / joint statements, or the article's own subject (in its lead,
            # nothing else reported as having happened)
            lead = any(m.sentence_index <= 2 for m in ms)
            happened = any((o.status or "occurred") == "occurred" and not any(x.flags.get("background") for x in o.mentions)
                           for o in non_stmt)
            if not any(m.flags.get("keep") for m in ms) and non_stmt and not (lead and not happened):
                continue
        if e.type == "proposal":
            if not any(m.flags.get("left_subject") and not m.flags.get("nominal") for m in ms):
                continue
            if all(m.flags.get("talking_point") for m in ms if not m.flags.get("nominal")) and talks:
                continue      # "X đề nghị phía Y tăng cường ...": said at the reported meeting / call
                #               ("những đề nghị này": a noun restating them is no proposal of its own)
        nparts = len({e.cmap.get(p) or p for p in e.parts})
        if e.type in ("phone_call", "meeting", "negotiation") and len(e.parts) < 2:
            continue
        if e.type in ("ceasefire", "agreement", "prisoner_exchange") and nparts < 2 \
                and not (e.date or e.quantities):
            continue
        if e.type == "visit" and len(e.parts) < 2 and not e.location:
            continue
        status = e.status or _soft_status(e) or "occurred"
        if status == "planned" and _done_plan(e, analysis):
            e.status = status = "occurred"
        if status == "hypothetical" and (len({e.cmap.get(p) or p for p in e.parts}) < 2
                                         or all(m.flags.get("nominal") for m in ms)
                                         or not (e.date or e.location)):
            continue              # a possibility is an event only when it is concrete (when / where)
        e.final_status = status
        e.status_basis = "explicit" if e.status else ("soft" if status != "occurred" else "default")
        final.append(e)
    main = _main(final, analysis.anchor.date if analysis.anchor else None)
    _assign_lengths(final, main, analysis, lex, doc.doc_id)    # "Sau khoảng hai giờ thảo luận, ...": the talks' length
    for e in final:
        ms = sorted(e.mentions, key=lambda m: m.start)
        dated = [m for m in ms if m.date]
        date, conf, basis, year_explicit, date_m = None, 0.0, "none", False, None
        if dated:
            date_m = max(dated, key=lambda m: (len(m.date), m.date_confidence, -m.start))
            date, conf = date_m.date, date_m.date_confidence
            basis = date_m.flags.get("date_basis") or "sentence"
            year_explicit = bool(date_m.flags.get("year_explicit"))
        elif e.final_status == "denied" and any(m.flags.get("denial_date") for m in ms):
            # "Bộ Ngoại giao ngày 24/4 phủ nhận ...": without a day of its own, the day of the denial
            date_m = next(m for m in ms if m.flags.get("denial_date"))
            date, conf, basis = date_m.flags["denial_date"], 0.6, "sentence"
        e.date_info = (date, conf, basis, year_explicit, date_m)
        # no full date: a year-less day-month ("14-8" in an article with no publication date and
        # no year) is kept as a partial key that resolution completes from a dated cluster mate
        dm = [m for m in ms if m.flags.get("day_month")] if not dated else []
        e.day_month_m = max(dm, key=lambda m: (m.flags.get("day_month_confidence") or 0.0, -m.start)) \
            if dm else None
    # an undated event tied to another event of the same sentence ("Sau hội đàm, hai bên ký ...")
    # takes that event's date
    # (no year known: that event's year-less day-month, "Kết thúc hội đàm sáng 28-4, ...")
    # (a bare year is no day: "lễ ký 3 văn kiện, gồm Kế hoạch hợp tác năm 2026" right after the dated
    # talks is signed on the talks' day, when that day lies in the year)
    for e in final:
        year = e.date_info[0] if e.date_info[0] and len(e.date_info[0]) == 4 else None
        if e.date_info[0] and not year or e.day_month_m is not None:
            continue
        for m in e.mentions:
            if e.final_status == "planned" and e.type in OUTCOMES:
                # "ngày 29/1, X sẽ hội đàm với Y; hai nhà lãnh đạo sẽ chứng kiến trao các văn kiện":
                # a planned signing after the planned talks of its sentence, between their countries,
                # is planned for the talks' day
                ec = {e.cmap.get(p) or p for p in e.parts}
                f = next((f for f in final if f is not e and f.final_status == "planned" and f.date_info[0]
                          and f.type in ("meeting", "phone_call", "negotiation")
                          and ec <= {f.cmap.get(p) or p for p in f.parts}
                          and any(x.sentence_index == m.sentence_index and x.end <= m.start for x in f.mentions)),
                         None)
                if f is not None and not (year and not f.date_info[0].startswith(year + "-")):
                    d, c, _, y, dm = f.date_info
                    e.date_info = (d, round(c * 0.8, 3), "paragraph", y, dm)
                    break
                continue
            if e.final_status != "occurred":
                break
            # ("X đồng ý ngừng bắn sau điện đàm với Y": an outcome told before the talks it came
            # out of, which are introduced by "sau"/"tại"/"trong", takes their day too)
            f = next((f for f in final if f is not e and (f.date_info[0] or f.day_month_m is not None)
                      and any(x.sentence_index == m.sentence_index
                              and (x.start < m.start and (m.flags.get("same_occasion") or _introduced(x, cues))
                                   or x.start > m.start and e.type in OUTCOMES
                                   and f.type in ("phone_call", "meeting", "negotiation") and _introduced(x, cues))
                              for x in f.mentions)), None)
            if f is None and e.type in ("meeting", "phone_call", "negotiation"):
                # "X đã thăm Bắc Kinh hôm 23/4 và hội đàm với Y": the talks coordinated with a
                # dated visit of the same visitor in one clause (no clause punctuation between)
                f = next((f for f in final if f is not e and f.type == "visit" and f.final_status == "occurred"
                          and (f.date_info[0] or f.day_month_m is not None) and set(f.parts) & set(e.parts)
                          and any(x.sentence_index == m.sentence_index and x.end <= m.start
                                  and x.evidence is not None and m.evidence is not None
                                  and not _CLAUSE_PUNCT.search(doc.text, x.end, m.start)
                                  for x in f.mentions)), None)
            if f is not None and year and not (f.date_info[0] or "").startswith(year + "-"):
                f = None
            if f is not None:
                if not f.date_info[0]:
                    e.day_month_m = f.day_month_m
                    break
                d, c, _, y, dm = f.date_info
                e.date_info = (d, round(c * 0.8, 3), "paragraph", y, dm)
                break
    # "Trước lễ ký, X đã có cuộc gặp với Y": an undated talk fronted by the signing ceremony of the
    # article (before or after it, the same occasion) takes the day of the one dated signing
    signed = [f for f in final if f.type == "agreement" and f.final_status == "occurred" and f.date_info[0]]
    if len({f.date_info[0] for f in signed}) == 1:
        for e in final:
            if e.date_info[0] or e.day_month_m is not None or e.final_status != "occurred" \
                    or e.type not in ("meeting", "phone_call", "negotiation") or not any(_at_ceremony(m, cues) for m in e.mentions):
                continue
            d, c, _, y, dm = signed[0].date_info
            e.date_info = (d, round(c * 0.7, 3), "paragraph", y, dm)
    # secondary events without a date of their own: the main event's date when tied to it
    if main is not None and main.date_info[0]:
        mdate, mconf, _, myear, mm = main.date_info
        mcountries = {main.cmap.get(p) or p for p in main.parts}
        for e in final:
            if e is main or e.date_info[0]:
                continue
            ecountries = {e.cmap.get(p) or p for p in e.parts}
            background = any(m.flags.get("background") for m in e.mentions)
            outcome = (e.type in ("ceasefire", "agreement") and e.final_status == "occurred"
                       and ecountries <= mcountries)
            # (an occasion that took place is no main event still planned: "Cũng tại cuộc họp báo,
            # người phát ngôn thông báo X đã gửi thư ..." in an article announcing a visit)
            occasion = (e.final_status == "occurred" and not background and main.final_status == "occurred"
                        and any(m.flags.get("same_occasion") for m in e.mentions))
            # "Trên chuyến bay trở về Washington, ông X điện đàm với Y": on the way home from the
            # article's event, a talk of one of its people (the day of the return)
            homeward = (e.final_status == "occurred" and not background and set(e.parts) & set(main.parts)
                        and any(_homeward(m, cues) for m in e.mentions))
            if outcome or occasion or homeward:
                e.date_info = (mdate, round(mconf * 0.7, 3), "document", myear, mm)
            elif e.final_status == "occurred" and (day := _days_before_main(e, mdate)):
                e.date_info = (day, round(mconf * 0.6, 3), "document", myear, mm)
    # "Bên lề vòng đàm phán, hai trưởng đoàn có cuộc trao đổi trực tiếp ngắn" (or a report of such a
    # meeting that is denied): an undated meeting of two (or more) of the sides of the article's
    # held negotiation is held at those talks, on their day (a year-less day-month when that is all)
    if main is not None and main.type == "negotiation" and main.final_status == "occurred" \
            and (main.date_info[0] or main.day_month_m is not None):
        mcountries = {main.cmap.get(p) or p for p in main.parts}
        for e in final:
            if e is main or e.type != "meeting" or e.date_info[0] or e.day_month_m is not None \
                    or e.final_status not in ("occurred", "denied") or len(mcountries) < 2 \
                    or len(ec := {e.cmap.get(p) or p for p in e.parts}) < 2 or not ec <= mcountries \
                    or any(m.flags.get("background") for m in e.mentions):
                continue
            if main.date_info[0]:
                mdate, mconf, _, myear, mm = main.date_info
                e.date_info = (mdate, round(mconf * 0.6, 3), "document", myear, mm)
            else:
                e.day_month_m = main.day_month_m
    for e in sorted(final, key=lambda e: min(m.start for m in e.mentions)):
        records.append(_record(doc, analysis, e, e is main, lex, topics))
    for n, r in enumerate(records):
        r["doc_event_id"] = f"{doc.doc_id}#{n}"
    return records


def _without_mediators(e, parts: list[str], cmap: dict, analysis: Analysis, text: str, cues) -> list[str]:
    """"Nga và Ukraine trao đổi 150 tù binh nhờ trung gian UAE": a side of an exchange of three or
    more that one of the exchange's sentences names right after a go-between frame (cue
    ``mediator_before``) is its mediator, not a side, when two sides remain."""
    if len({cmap.get(p) or p for p in parts}) < 3:
        return parts
    idx = {m.sentence_index for m in e.mentions}
    low = text.lower()
    med = set()
    for s in analysis.sentences or ():
        if s.index not in idx:
            continue
        for a in s.actors or ():
            name = a.name if a.name in parts else (a.text if a.text in parts else None)
            if name and cues.mediator_before.search(low, max(s.start, a.start - 40), a.start):
                med.add(name)
    left = [p for p in parts if p not in med]
    return left if med and len({cmap.get(p) or p for p in left}) >= 2 else parts


def _without_forum(e, parts: list[str], cmap: dict, pkind: dict, cues) -> list[str]:
    """"Cuộc họp của Ủy ban hỗn hợp giữa hai nước", "Ủy ban hỗn hợp Việt Nam - Lào sẽ họp": the
    body whose session the meeting is (an organization of no country named right after "cuộc họp
    (của)", cue ``session_body``, or before a session verb, its subject) is the forum, not a side,
    when two countries remain as the sides."""
    forum = []
    for p in parts:
        if pkind.get(p) in ("person", "country") or cmap.get(p):
            continue
        for m in e.mentions:
            ev = m.evidence
            i = ev.sentence.find(p) if ev is not None and ev.sentence else -1
            if i > 0 and cues.session_body.search(ev.sentence[max(0, i - 25):i].lower()) \
                    or i >= 0 and m.flags.get("foreign_side") and not m.flags.get("nominal") \
                    and ev.start + i < m.start:
                forum.append(p)       # (or the body that "sẽ họp": the session's subject)
                break
    rest = [p for p in parts if p not in forum]
    if forum and len({cmap.get(p) or p for p in rest}) >= 2:
        return rest
    return parts


def _homeward(m: EventMention, cues) -> bool:
    """The mention's clause is fronted by the way home ("Trên chuyến bay trở về Washington, ...")
    or by the middle of the article's talks ("Giữa chừng cuộc họp, ông X gọi cho ông Y"): cue
    ``homeward``."""
    ev = m.evidence
    if ev is None or not ev.sentence:
        return False
    head = ev.sentence[:max(0, m.start - ev.start)].lower()
    chunks = head.split(",")[:-1]          # the comma-closed phrases before the trigger's clause
    return any(cues.homeward.match(c.strip()) for c in chunks[:2])


def _done_plan(e, analysis: Analysis) -> bool:
    """A plan dated before the article's day ("chuẩn bị tiếp X tại Y vào chiều cùng ngày") that the
    article also reports plainly ("Ông Trump tiếp X tại Y": a verbal mention naming both sides, no
    cue) took place."""
    anchor = analysis.anchor
    if not (e.date and len(e.date) == 10 and anchor.date and anchor.source == "pub_date"
            and e.date < anchor.date[:10]):
        return False
    return any(m.flags.get("asserted") and not m.flags.get("nominal") and not m.flags.get("status_explicit")
               and not m.flags.get("background") and len(m.participants) >= 2 for m in e.mentions)


def _introduced(x: EventMention, cues) -> bool:
    """The mention is introduced by a temporal/occasion preposition ("Sau hội đàm, ...", "Kết thúc
    cuộc gặp, ...": at its end, the same day): cue ``occasion_before``."""
    ev = x.evidence
    if ev is None:
        return False
    rel = x.start - ev.start
    return bool(cues.occasion_before.search(ev.sentence[max(0, rel - 20):rel].lower()))


def _at_ceremony(x: EventMention, cues) -> bool:
    """The mention's sentence opens with the signing ceremony as its frame ("Trước lễ ký, ...",
    "Ngay sau buổi lễ ký kết, ..."), a comma right after: a talk held on the day of the signing
    (cue ``ceremony_frame``)."""
    return x.evidence is not None and bool(cues.ceremony_frame.match(x.evidence.sentence.lower()))


def _soft_status(e) -> str | None:
    """A soft hint decides only when every asserting mention carries it."""
    asserted = [m for m in e.mentions if m.flags.get("asserted")] or e.mentions
    hints = {m.flags.get("status_soft") for m in asserted}
    if len(hints) == 1 and None not in hints:
        return hints.pop()
    return None


def _ev(m: EventMention | Evidence, value) -> dict:
    ev = getattr(m, "evidence", m)
    return {"value": value, "doc": ev.doc, "start": ev.start, "end": ev.end, "sentence": ev.sentence,
            "source": ev.source}


def _record(doc, analysis, e, is_main, lex, topics) -> dict:
    ms = sorted(e.mentions, key=lambda m: m.start)
    date, conf, basis, year_explicit, date_m = e.date_info
    evidence: dict[str, list] = {}
    if date_m is not None:
        evidence["date"] = [_ev(date_m, date)]
    dm_m = getattr(e, "day_month_m", None) if not date else None
    day_month = dm_m.flags["day_month"] if dm_m is not None else None
    if dm_m is not None:
        evidence["day_month"] = [_ev(dm_m, day_month)]
    # a stated length ("khoảng 40 phút") beats a bound ("chưa đầy một giờ"), the body beats the title
    durs = [m for m in ms if m.duration_minutes]
    dur_m = min(durs, key=lambda m: (m.flags.get("duration_qualifier") not in ("exact", "approx", None),
                                     m.flags.get("role") == "title", m.start)) if durs else None
    # else a talk length of another sentence ("Sau khoảng hai giờ thảo luận, ...": extract_talklen)
    dur = (dur_m.duration_minutes, dur_m.flags.get("duration_qualifier"), dur_m.evidence) if dur_m else e.length
    if dur is not None:
        evidence["duration_minutes"] = [_ev(dur[2], dur[0])]
    loc_m = next((m for m in ms if m.location), None)
    if loc_m is not None:
        evidence["location"] = [_ev(loc_m, loc_m.location)]
    init = None
    init_m = next((m for m in ms if m.initiator), None)
    if init_m is not None:
        init = init_m.initiator
        if e.pkind.get(init) != "person":
            c = e.cmap.get(init) or init
            person = next((p for p in e.parts if e.pkind.get(p) == "person" and e.cmap.get(p) == c), None)
            init = person or init
        evidence["initiator"] = [_ev(init_m, init)]
    ord_m = next((m for m in ms if m.ordinal), None)
    if ord_m is not None:
        evidence["ordinal"] = [_ev(ord_m, ord_m.ordinal)]
    quantities: dict[str, float] = {}
    for m in ms:
        for k, v in (m.quantities or {}).items():
            if k not in quantities:
                quantities[k] = int(v) if float(v).is_integer() else v
                evidence.setdefault("quantities", []).append(_ev(m, {k: quantities[k]}))
    if quantities.get("prisoners") is not None and quantities.get("prisoners") == quantities.get("prisoners_each_side"):
        del quantities["prisoners"]          # "trao đổi 175 tù binh" restates the per-side number
    tps: list[str] = []
    for m in ms:
        for t in m.topics:
            if t not in tps:
                tps.append(t)
    status_m = next((m for m in ms if m.flags.get("status_explicit") and m.status == e.final_status), None)
    if status_m is not None:
        evidence["status"] = [_ev(status_m, e.final_status)]
    pev = [m for m in ms if m.participants][:3]
    ids = {id(m) for m in pev}
    pev += [m for m in ms if m.flags.get("joiners") and id(m) not in ids]
    evidence["participants"] = [_ev(m, list(m.participants) + [p for p in m.flags.get("joiners") or () if p in e.parts])
                                for m in pev]
    seen, mentions = set(), []
    for m in ms:
        key = (m.evidence.start, m.evidence.end)
        if key in seen:
            continue
        seen.add(key)
        mentions.append({"doc": m.evidence.doc, "start": m.evidence.start, "end": m.evidence.end,
                         "sentence": m.evidence.sentence, "source": m.evidence.source})
    cameo = next((m.flags.get("cameo") for m in ms if m.type == e.type and m.flags.get("cameo")), None) \
        or lex.cameo_of(e.type)
    if e.type == "meeting" and cameo == "040" and e.location and is_main is False:
        cameo = "040"
    return {
        "doc_event_id": "",
        "doc": doc.doc_id,
        "type": e.type,
        "cameo": cameo,
        "status": e.final_status,
        "status_basis": e.status_basis,            # explicit (a cue) | soft (a hint) | default (no cue)
        "date": date,
        "date_confidence": conf if date else ((dm_m.flags.get("day_month_confidence") or 0.0) if dm_m else 0.0),
        "date_basis": basis if date else ("day_month" if dm_m else "none"),
        "day_month": day_month,                    # "MM-DD" when only a year-less day-month is known
        "year_explicit": year_explicit if date else False,
        "participants": list(e.parts),
        "initiator": init,
        "duration_minutes": dur[0] if dur else None,
        "duration_qualifier": dur[1] if dur else None,
        "location": e.location,
        "topics": tps,
        "quantities": quantities,
        "ordinal": ord_m.ordinal if ord_m else None,
        "main": bool(is_main),
        "mentions": mentions,
        "evidence": evidence,
        "pub_date": doc.pub_date.value if doc.pub_date else None,
        "outlet": doc.outlet.value if doc.outlet else None,
    }
