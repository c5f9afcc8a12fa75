"""Quantities of agreements and exchanges (docs/EVENTS.md "Quantities"); called by
``extract_args.analyze_arguments`` once per trigger hit.

``_quantities`` reads the number of documents signed and the counts of an exchange in the trigger's
own window ("phóng thích hơn 600 tù nhân", "84 đổi 84"). An exchange is often told as two releases in one sentence, joined by a counterpart word
(``exchange_counterpart_cues`` in data/vi/numbers.yaml: "còn", "đổi lại", "để đổi lấy"): "Hamas
bàn giao thi thể của 4 con tin, còn Israel phóng thích hơn 600 tù nhân" is ONE exchange of 4
bodies for 600 prisoners, whichever release the trigger sits in. ``sentence_counts`` adds the counts
of the other clause that the mention lacks, and reads the dead handed over ("thi thể (của) N con
tin", ``remains_nouns``) as ``bodies``, never as hostages freed alive.
"""
from __future__ import annotations

import re
from types import SimpleNamespace
from typing import TYPE_CHECKING

from .extract_objects import word_count

if TYPE_CHECKING:
    from .extract_args import Args

_N = r"(\d{1,3}(?:\.\d{3})+|\d+)"
_NUM = _N
_PRISONER_COUNT = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)\s+(?:tù nhân|tù binh|quân nhân|binh sĩ|binh lính)(?!\s+\S*\s*bị thương)")


def _num(s: str) -> float | None:
    s = s.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        return float(s.replace(".", ""))
    return float(s) if re.fullmatch(r"\d+", s) else None


def _patterns(lex) -> tuple[re.Pattern | None, re.Pattern | None]:
    """The counterpart-word and remains patterns of the number lexicon (``lex``: the trigger lexicon,
    whose ``.numbers`` is the NumberLexicon of data/vi/numbers.yaml, or that NumberLexicon itself)."""
    nl = getattr(lex, "numbers", lex)
    if nl is None:
        return None, None
    return nl.re_exchange_counterpart, nl.re_remains


def _clauses(sentence: str, ts: int, te: int, lex):
    """(own start, own end, other start, other end, cue span) of the trigger's release and the
    counterpart release joined to it by a counterpart word, or None when the sentence has none."""
    cue, _ = _patterns(lex)
    if cue is None:
        return None
    stop = [i for i in (sentence.find(";", te), sentence.find(". ", te)) if i >= 0]
    end = min(stop) if stop else len(sentence)
    start = max(sentence.rfind(";", 0, ts), sentence.rfind(". ", 0, ts), sentence.rfind(":", 0, ts)) + 1
    after = cue.search(sentence, te, end)
    if after is not None:
        return start, after.start(), after.end(), end
    before = list(cue.finditer(sentence, start, ts))
    if before:
        b = before[-1]
        other_s = max(sentence.rfind(":", 0, b.start()), start - 1) + 1
        return b.end(), end, other_s, b.start()
    return None


def counterpart_side(sentence: str, ts: int, te: int, acts, lex, captive_rx=None, analysis=None, names=(),
                     countries=None):
    """The side that releases the counterpart of an exchange, or None: the country or organization
    that opens the counterpart clause ("Hamas bàn giao thi thể của 4 con tin, còn Israel phóng
    thích 600 tù nhân": Hamas for the trigger "phóng thích"); when that clause names no releaser and
    only the nationality of the captives the trigger's releaser gets back ("Hamas thả 3 con tin, đổi
    lấy 90 tù nhân Palestine": its own people, of no other state), the releaser's partner in the
    pair of sides the article joins most often (``opposed_side``: Israel, of "Israel và Hamas").
    Only when the trigger's own release is counted, never the captives' nationality itself."""
    cl = _clauses(sentence, ts, te, lex)
    if cl is None:
        return None
    comma = sentence.find(",", te, cl[1])
    if not _counts(sentence[ts:comma if comma >= 0 else cl[1]], _patterns(lex)[1]):
        return None                    # (a release told without its own count: "nghi thức trao trả")
    os_, oe = cl[2], cl[3]
    inside = [x for x in acts if x.s >= os_ and x.e <= oe and not x.members]
    if inside and not sentence[os_:inside[0].s].rsplit(",", 1)[-1].strip():
        x = inside[0]                  # the clause opens with its releaser (after a fronted "Đêm 26/2,")
        if x.kind not in ("country", "organization") or \
                captive_rx is not None and captive_rx.search(sentence, max(0, x.s - 30), x.s):
            return None
        return x
    if analysis is None or captive_rx is None:
        return None
    caps = {x.name for x in inside if x.kind == "country" and captive_rx.search(sentence, max(0, x.s - 30), x.s)}
    own = [n for n in names if n not in caps]
    if len(caps) != 1 or len(own) != 1:
        return None
    home = (countries or {}).get(own[0])
    if home is not None and home not in caps:
        return None                    # a state gets back its own people, not another country's
    return opposed_side(analysis, own[0], caps)


def previous_counterpart(sentence: str, ts: int, lex, analysis, sent, names=(), countries=None):
    """The other side of a release told in return for the sentence before it ("Mỹ cho phép một
    hãng dầu trở lại. Đổi lại, Venezuela phóng thích 10 công dân"): when the sentence opens with a
    counterpart word and a comma (``exchange_counterpart_cues``) before the trigger, and the
    sentence before, in the same paragraph, names the actors of exactly one state other than the
    releaser's, that state (a country actor, or one built from the state's name). None otherwise."""
    nl = getattr(lex, "numbers", lex)
    cues = getattr(nl, "counterpart_cues", None) or []
    if analysis is None or sent is None or not names or sent.index <= 0:
        return None
    head = sentence[:ts].lstrip()
    if not any(head.startswith(c) and head[len(c):].lstrip().startswith(",") for c in cues):
        return None
    prev = next((x for x in analysis.sentences if x.index == sent.index - 1), None)
    if prev is None or prev.paragraph != sent.paragraph:
        return None
    own = {(countries or {}).get(n) or n for n in names}
    place = getattr(getattr(lex, "ends", {}).get("sides"), "counterpart_place", None)
    plow = prev.text.lower()
    return _one_other_state(((x, x.start - prev.start) for x in prev.actors or ()), own, place, plow)


def _one_other_state(located, own: set, place, low: str):
    """The one state other than ``own`` that the actors name — ``located``: (actor, its start in
    ``low``) pairs; a country placed by a ``place`` cue before it ("tới Y") is no side and group
    actors are skipped — as its country actor, or one built from the state's name; None unless
    exactly one such state is named."""
    states: dict = {}
    for x, s in located:
        if x.members or (x.kind == "country" and place is not None and place.search(low, max(0, s - 12), s)):
            continue
        c = x.name if x.kind == "country" else x.country if x.kind in ("person", "organization") else None
        if c and c not in own:
            states.setdefault(c, x if x.kind == "country" else None)
    if len(states) != 1:
        return None
    c, x = next(iter(states.items()))
    return x if x is not None else SimpleNamespace(name=c, kind="country", country=c)


def talks_counterpart(sentence: str, te: int, acts, sides, names=(), countries=None):
    """The other side of a release told as the outcome of talks ("X phóng thích hai công dân của Y
    sau nhiều tháng thương lượng với Y"; cue ``release_after_talks`` in data/vi/sides.yaml,
    searched after the trigger): when the trigger has one state as its side and the talk clause names
    the actors of exactly one other state, that state (its country actor when the clause names it,
    else one built from its name). None otherwise."""
    cue = getattr(sides, "release_after_talks", None) if sides is not None else None
    own = {(countries or {}).get(n) or n for n in names}
    if cue is None or len(own) != 1:
        return None
    m = cue.search(sentence, te)
    if m is None:
        return None
    stop = re.compile(r"[.;:]").search(sentence, m.end())
    end = stop.start() if stop else len(sentence)
    place = getattr(sides, "counterpart_place", None)
    return _one_other_state(((x, x.s) for x in acts if m.start() <= x.s and x.e <= end), own, place, sentence)


def exchange_counterpart(sentence: str, ts: int, te: int, acts, lex, analysis, sent, names=(), countries=None):
    """The other releaser of an exchange: the counterpart clause of the sentence (``counterpart_side``),
    else the state the sentence before gave something in return to (``previous_counterpart``), else
    the one other state of the talks the release followed (``talks_counterpart``)."""
    return (counterpart_side(sentence, ts, te, acts, lex, lex.ends["captives"], analysis, names, countries)
            or previous_counterpart(sentence, ts, lex, analysis, sent, names, countries)
            or talks_counterpart(sentence, te, acts, lex.ends.get("sides"), names, countries))


_PAIR_JOIN = re.compile(r"\s*(?:và|-|–)\s*")


def opposed_side(analysis, releaser: str, captives: set[str]):
    """The other side of an exchange told by one releaser and its captives' nationality only ("Hamas
    thả 3 con tin, đổi lấy 90 tù nhân Palestine"): the partner of the releaser in the pair of sides
    the article joins most often ("Israel và Hamas", "Nga - Ukraine"; headline and lead count 3),
    when that partner is not the captives' own country. None when the article names no such pair.
    Returns the partner's ActorMention (its name, kind and country)."""
    # (read again for each such release: they are few, and no module-level memo outlives the document)
    cnt: dict[frozenset, list] = {}
    for s in analysis.sentences:
        w = 3 if s.role in ("title", "lead") else 1
        acts = [x for x in s.actors if x.name and x.kind in ("country", "organization") and not x.members]
        for a, b in zip(acts, acts[1:]):
            gap = s.text[a.end - s.start:b.start - s.start]
            if a.name != b.name and len(gap) <= 6 and _PAIR_JOIN.fullmatch(gap):
                k = frozenset((a.name, b.name))
                cnt.setdefault(k, [0, {}])
                cnt[k][0] += w
                cnt[k][1].setdefault(a.name, a)
                cnt[k][1].setdefault(b.name, b)
    best = max(cnt.values(), key=lambda v: v[0], default=None)
    pair = best[1] if best else None
    if not pair or releaser not in pair:
        return None
    other = next(x for n, x in pair.items() if n != releaser)
    return None if other.name in captives or (other.country and other.country in captives) else other


def _counts(text: str, rem: re.Pattern | None) -> dict[str, float]:
    """Bodies, hostages and prisoners counted in one clause."""
    out: dict[str, float] = {}
    dead = []
    if rem is not None:
        for m in rem.finditer(text):
            out.setdefault("bodies", _num(m.group(1)))
            dead.append(m.span())
    for m in re.finditer(_N + r"\s+con tin(?!\w)", text):
        if not any(a <= m.start() < b for a, b in dead):
            out.setdefault("hostages", _num(m.group(1)))
            break
    m = re.search(r"(?:(?:khoảng|hơn|gần)\s+)?" + _N + r"\s+(?:tù nhân|tù binh)(?!\w)", text)
    if m and not any(a <= m.start() < b for a, b in dead):
        out["prisoners"] = _num(m.group(1))
    return out


def sentence_counts(q: dict, sentence: str, ts: int, te: int, lex) -> dict:
    """``q`` (the counts of an exchange mention whose trigger is ``sentence[ts:te]``, lower case)
    with the dead read as bodies and the counts of the counterpart clause added; zeros dropped."""
    cue, rem = _patterns(lex)
    q = {k: v for k, v in q.items() if v}
    if cue is None or not sentence or not q:
        return q              # (a release told without a count of its own takes none from the other)
    cl = _clauses(sentence, ts, te, lex)
    if cl is None:
        stop = [i for i in (sentence.find(";", te), sentence.find(". ", te)) if i >= 0]
        own_s, own_e, other = max(sentence.rfind(";", 0, ts), sentence.rfind(". ", 0, ts)) + 1, \
            (min(stop) if stop else len(sentence)), None
    else:
        own_s, own_e, other = cl[0], cl[1], sentence[cl[2]:cl[3]]
    own = _counts(sentence[own_s:own_e], rem)
    if "bodies" in own:
        if q.get("hostages") == own["bodies"]:
            del q["hostages"]          # "thi thể của 4 con tin": four dead, not four freed
        q.setdefault("bodies", own["bodies"])
    if other is None:
        return q
    for k, v in _counts(other, rem).items():
        if k == "prisoners" and "prisoners_each_side" in q:
            continue
        q.setdefault(k, v)
    return q


_DOCUMENTS = re.compile(r"(\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?:văn kiện|văn bản|thỏa thuận|bản ghi nhớ|hiệp định)(?!\w)")


def _quantities(a: "Args", low, ts, te, trig, sentence: str = "", lex=None) -> None:
    if trig.type == "agreement":
        # "ký kết 14 văn kiện hợp tác", "chứng kiến lễ trao 14 văn kiện": the number of documents
        full = sentence or low
        m = _DOCUMENTS.search(full, max(0, ts - 3), min(len(full), te + 40))
        n = word_count(m.group(1), lex) if m is not None else None     # "chín văn kiện" too
        if n and n >= 2:     # N documents exchanged between "hai bên": the states (named leaders stay)
            a.quantities["documents"], a.as_countries = n, a.as_countries or not a.participants
        return
    if trig.type != "prisoner_exchange":
        return
    seg = low
    m = re.search(_NUM + r"\s+(?:tù nhân|tù binh|người|binh sĩ|binh lính|con tin|quân nhân)[^.;]{0,25}?mỗi bên", seg)
    if m:
        a.quantities["prisoners_each_side"] = _num(m.group(1))
    m = re.search(_NUM + r"(?:\s+(?:tù nhân|tù binh|người))?\s+(?:đổi|lấy)\s+" + _NUM, seg)
    if m and "prisoners_each_side" not in a.quantities:
        x, y = _num(m.group(1)), _num(m.group(2))
        if x == y:
            a.quantities["prisoners_each_side"] = x
    m = re.search(_NUM + r"\s+(?:thương binh|(?:binh sĩ|binh lính|tù binh|người|quân nhân)"
                  r"(?:\s+[^\s,.;]+){0,2}?\s+bị thương)", seg)
    if m:
        a.quantities["wounded_transferred"] = _num(m.group(1))
    if "prisoners_each_side" not in a.quantities:
        # "175 quân nhân Nga được trả về ..., đổi lại phía Nga trao trả 175 tù binh Ukraine"
        nums = [_num(x.group(1)) for x in _PRISONER_COUNT.finditer(sentence or seg)]
        if len(nums) == 2 and nums[0] == nums[1]:
            a.quantities["prisoners_each_side"] = nums[0]
    m = re.search(_NUM + r"\s+con tin", seg)
    if m:
        a.quantities["hostages"] = _num(m.group(1))
    if "prisoners_each_side" not in a.quantities and "wounded_transferred" not in a.quantities:
        m = re.search(_NUM + r"\s+(?:tù nhân|tù binh)", seg)
        if m:
            a.quantities["prisoners"] = _num(m.group(1))
    a.quantities = sentence_counts(a.quantities, sentence or seg, ts, te, lex)     # both releases, the dead


__all__ = ["_quantities", "counterpart_side", "exchange_counterpart", "opposed_side", "previous_counterpart", "sentence_counts", "talks_counterpart"]


_LASTED = re.compile(r"(?<!\w)kéo dài(?:\s+(?:khoảng|hơn|gần|chừng|trong|suốt|tới|đến|chưa đầy|chỉ|tổng cộng))*\s*$")
_CLAUSE_STOP = re.compile(r"[.;:]")


def lasted_rivals(low: str, s: int, e: int, ts: int, others):
    """The triggers a length at ``s:e`` is compared with (the nearest one takes it): after "kéo dài"
    ("vòng đàm phán ... kéo dài hơn 4 giờ, bao gồm các cuộc tiếp xúc ...") only those before it, the
    subject of "kéo dài"; None when the trigger at ``ts`` comes after it and a trigger of its clause
    stands before it (the length is not its own). Otherwise ``others`` unchanged."""
    if _LASTED.search(low, max(0, s - 24), s) is None:
        return others
    if ts >= e and any(oe <= s and not _CLAUSE_STOP.search(low, oe, s) for _, oe in others):
        return None
    return [(os, oe) for os, oe in others if oe <= s]
