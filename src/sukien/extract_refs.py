"""Titles and plural references resolved against the article (extract_args): "hai Thủ tướng" (the two
persons named with that title before it), "theo đề nghị của Chủ tịch EC" (the person an earlier
sentence named with the words of that title)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Analysis, Document


def titled_pair(title: str, sv, before: int, analysis: Analysis, doc: Document) -> list[str]:
    """The last two persons of two countries named with the title (in their own words or right
    before them: "Thủ tướng Nhật Bản Takaichi") before the document offset ``before``."""
    found: list[str] = []
    seen_c: set = set()
    for s in reversed(analysis.sentences[:sv.sent.index + 1]):
        for x in reversed(s.actors):
            if x.start >= before or x.kind != "person" or not x.name or x.members or x.name in found:
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
