"""Talks and their outcomes in one article, before its mentions are clustered (docs/EVENTS.md
"Eleventh set, document level" and "Twelfth set, document level"): an outcome the held talks of its
sentence ended with is reported ("Cuộc đàm phán ..., kết thúc bằng thỏa thuận ngừng bắn"); talks
named only after their outcome take the outcome's sides ("X và Y nhất trí ngừng bắn sau cuộc đàm
phán"); the plan of the next round gets the number after the last held round. Called by
``extract_docs.cluster_and_build``; the cue lists are in data/events/cues.yaml."""
from __future__ import annotations

from .extract_cluster import _MEET_NEG, _Ev, _next_plan, _told_held
from .models import EventMention

OUTCOMES = ("ceasefire", "agreement", "prisoner_exchange")   # results reported from a talk


def _next_ordinals(events: list[_Ev], cues) -> None:
    """"vòng đàm phán đầu tiên ... hai đoàn đồng ý tổ chức vòng đàm phán kế tiếp vào ...": the plan
    of the next round, with no number of its own, is the round after the last numbered round the
    article reports as held (its number + 1)."""
    held = [x.ordinal for e in events for x in e.mentions
            if e.type in _MEET_NEG and x.ordinal and _told_held(x, cues)]
    held += [e.ordinal for e in events if e.type in _MEET_NEG and e.ordinal
             and any(_told_held(x, cues) for x in e.mentions) and e.status in (None, "occurred")]
    if not held:
        return
    for e in events:
        if e.type not in _MEET_NEG or any(x.ordinal for x in e.mentions):
            continue
        nxt = [x for x in e.mentions if _next_plan(x, cues)]
        if nxt:
            nxt[0].ordinal = max(held) + 1


_TALK_WORDS = ("meeting", "negotiation")
_RESULT_GAP = 120          # characters between the talk mention and its outcome


def _results_of_talks(mentions: list[EventMention], cues) -> None:
    """"Cuộc đàm phán kéo dài hai giờ, kết thúc bằng thỏa thuận ngừng bắn": an outcome noun told
    as the result of held talks of its sentence (cue ``talks_result`` between them, the talk
    reported as occurred, no modality on either) is reported as reached: the mention asserts
    the outcome, occurred (a later "để đạt được một lệnh ngừng bắn" is only a word about it)."""
    for m in mentions:
        if m.type not in ("ceasefire", "agreement") or m.flags.get("status_explicit") \
                or (m.status or "occurred") != "occurred":
            continue
        for x in mentions:
            if x.type not in _TALK_WORDS or x.sentence_index != m.sentence_index or x.end > m.start \
                    or m.start - x.end > _RESULT_GAP or (x.status or "occurred") != "occurred" \
                    or not x.flags.get("asserted") or x.evidence is None:
                continue
            base = x.evidence.start
            gap = x.evidence.sentence[x.end - base:m.start - base].lower()
            if cues.talks_result.search(gap):
                m.flags["asserted"] = True
                m.flags["status_explicit"] = True
                m.status = "occurred"
                break


def _talks_of_outcomes(mentions: list[EventMention], cues) -> None:
    """"X và Y nhất trí ngừng bắn sau cuộc đàm phán ở Z": a talk mention without sides, introduced
    right after an outcome mention of its sentence that names two or more sides (cue
    ``talks_after_outcome``: "sau", "tại", "trong" + the talk noun), names talks held between those
    sides (the converse of ``extract_merge._outcomes_of_talks``). Only talks told as held, only
    when one outcome mention of the sentence names sides, and only in an article that names no
    person of each side in a talk mention of its own (then those mentions give the sides)."""
    for x in mentions:
        if x.type not in _TALK_WORDS or x.participants or (x.status or "occurred") != "occurred" \
                or x.flags.get("status_explicit") and x.status != "occurred" or x.evidence is None:
            continue
        rel = x.start - x.evidence.start
        if not cues.talks_after_outcome.search(x.evidence.sentence[max(0, rel - 30):rel].lower()):
            continue
        outs = [m for m in mentions if m.type in OUTCOMES and m.sentence_index == x.sentence_index
                and m.end <= x.start and (m.status or "occurred") == "occurred"
                and len({(m.flags.get("countries") or {}).get(p) or p for p in m.participants}) >= 2]
        if len(outs) != 1:
            continue
        o = outs[0]
        oc = {(o.flags.get("countries") or {}).get(p) or p for p in o.participants}
        if any(_names_people_of(y, oc) for y in mentions if y.type in _TALK_WORDS and y is not x):
            continue      # the article names who talked: its own mentions give the sides
        x.participants = list(o.participants)
        for key in ("countries", "pkind"):
            merged = dict(x.flags.get(key) or {})
            merged.update({p: v for p, v in (o.flags.get(key) or {}).items() if p in o.participants})
            x.flags[key] = merged


def _names_people_of(y: EventMention, countries: set) -> bool:
    """A held talk mention naming a person of each of these countries."""
    if (y.status or "occurred") != "occurred":
        return False
    cmap, pkind = y.flags.get("countries") or {}, y.flags.get("pkind") or {}
    return countries <= {cmap.get(p) for p in y.participants if pkind.get(p) == "person"}


def borrowed_sides(mentions: list[EventMention], analysis) -> None:
    """"Cuộc đàm phán được sắp xếp ngay sau cuộc gặp giữa X và Y": a talk noun whose sides are only
    named after another talk noun of its sentence ("cuộc gặp giữa X và Y") has borrowed that talk's
    sides: it names no side of its own. It is the article's talks of its type told again (an
    anaphoric mention, joined to the article's event of its type), not a second X–Y talk; the
    other noun keeps the sides. Only when both mentions carry the same sides and every one of
    them is named after the other noun's trigger (never before the first noun or between them)."""
    by_index = {s.index: s for s in analysis.sentences or ()}
    for m in mentions:
        if m.type not in _TALK_NOUNS or not m.flags.get("nominal") or not m.participants \
                or m.flags.get("anaphoric"):
            continue
        sent = by_index.get(m.sentence_index)
        if sent is None:
            continue
        x = next((x for x in mentions if x is not m and x.sentence_index == m.sentence_index
                  and x.type in _TALK_NOUNS and x.start >= m.end and x.flags.get("nominal")
                  and set(x.participants) == set(m.participants)), None)
        if x is None:
            continue
        named = [a for a in sent.actors or () if a.name in m.participants or a.text in m.participants]
        if not named or any(a.start < x.end for a in named) \
                or not all(any(p in (a.name, a.text) for a in named) for p in m.participants):
            continue
        m.participants = []
        m.flags["anaphoric"] = True
        m.flags["asserted"] = False


_TALK_NOUNS = ("meeting", "negotiation", "phone_call")
