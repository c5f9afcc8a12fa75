"""Titles and plural references resolved against the article (extract_args): "hai Thủ tướng" (the two
persons named with that title before it), "theo đề nghị của Chủ tịch EC" (the person an earlier
sentence named with the words of that title)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Analysis, Document


def titled_pair(title: str, sv, before: int, analysis: Analysis, doc: Document, skip=()) -> list[str]:
    """The last two persons of two countries named with the title (in their own words or right
    before them: "Thủ tướng Nhật Bản Takaichi") before the document offset ``before``; none of the
    names or countries in ``skip`` (the subject of "điện đàm riêng với từng ngoại trưởng")."""
    found: list[str] = []
    seen_c: set = set(skip)
    for s in reversed(analysis.sentences[:sv.sent.index + 1]):
        for x in reversed(s.actors):
            if x.start >= before or x.kind != "person" or not x.name or x.members or x.name in found \
                    or x.name in skip:
                continue
            if title in " ".join(doc.text[max(s.start, x.start - 12):x.end].lower().split()) \
                    and x.country not in seen_c:
                found.append(x.name)
                seen_c.add(x.country)
                if len(found) == 2:
                    return found[::-1]
    return []


_SLOT_END = re.compile(r"[,.;:()]|(?<!\w)(?:trong|khi|sau|trước|và|nhằm|để|với|về)(?!\w)")
_WORD = re.compile(r"\w+")


def titled_initiator(sv, te, acts, after_rx, analysis: Analysis, doc: Document) -> str | None:
    """"Cuộc điện đàm diễn ra theo đề nghị của Chủ tịch EC": a title with no name after an initiator
    pattern is the person an earlier sentence named with the words of that title ("Chủ tịch Ủy ban
    châu Âu (EC) Ursula von der Leyen"); the latest such person before the sentence."""
    low = sv.low
    seg = low[te:te + 160]
    for rx in after_rx:
        m = rx.search(seg)
        if m is None:
            continue
        s = te + m.start("x")
        if any(x.s <= s < x.e for x in acts):
            return None                       # a named actor: _initiator's case
        end = _SLOT_END.search(low, s)
        title = doc.text[sv.to_doc(s):sv.to_doc(end.start() if end else len(low))].strip()
        words = _WORD.findall(title.lower())
        if not (2 <= len(words) <= 5 and title[:1].isupper()):
            return None
        for prev in reversed(analysis.sentences[:sv.sent.index]):
            for x in reversed(prev.actors):
                if x.kind != "person" or not x.name or x.members:
                    continue
                before = set(_WORD.findall(doc.text[max(prev.start, x.start - 80):x.start].lower()))
                own = set(_WORD.findall(x.text.lower()))
                if all(w in before or w in own for w in words):
                    return x.name
        return None
    return None


_FRONTED = re.compile(r"\s*(?:tại|trong|qua)\s*$")


def fronted_talk_side(args, sv, ts: int, te: int, trig, lex, analysis: Analysis) -> None:
    """"Tại cuộc hội đàm với Thủ tướng Y, hai bên đã nhất trí ...": a fronted talk noun naming one
    person, whose clause after the comma has a plural reference as subject ("hai bên", "hai nhà lãnh
    đạo"), was held by Y and the one other person named before it in that sentence or the one before
    (of another country: the visitor of the trip the sentence before reports); adds that person to
    ``args.participants``, and the talk is reported (not a venue named in passing: what "hai bên" did there is the clause's news)."""
    if trig.type not in ("meeting", "phone_call", "negotiation") or not args.nominal or args.left_subject \
            or len(args.participants) != 1 or args.focus_ref:
        return
    low = sv.low
    other = args.participants[0]
    if args.pkind.get(other) != "person" or not _FRONTED.fullmatch(low, 0, ts):
        return
    comma = low.find(",", te)
    if comma < 0 or re.search(r"[.;:()]", low[te:comma]) or lex.references.match(low, comma + 1 + (
            len(low[comma + 1:]) - len(low[comma + 1:].lstrip()))) is None:
        return
    own = args.countries.get(other)
    if own is None:
        return
    before = sv.to_doc(ts)
    idx = sv.sent.index
    cands = {x.name: x for s in analysis.sentences[max(0, idx - 1):idx + 1] for x in s.actors
             if x.start < before and x.kind == "person" and x.name and not x.members and x.name != other}
    if len(cands) != 1:
        return        # several persons before it: the article's antecedent rules decide (extract_docs)
    x = next(iter(cands.values()))
    if x.country is None or x.country == own:
        return
    args.participants.insert(0, x.name)
    args.pkind[x.name], args.countries[x.name] = "person", x.country
    args.asserted = True
