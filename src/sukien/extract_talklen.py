"""Talk lengths (docs/EVENTS.md "Duration"): a duration that a talk noun carries.

"Sau khoảng hai giờ thảo luận, ông X cho biết hai bên ...", "cuộc thảo luận kéo dài 40 phút", "hai
bên làm việc trong gần hai tiếng": a duration right before a talk noun, or after one and a length
word ("kéo dài", "trong", "suốt"), is how long the talks lasted. Most talk nouns ("thảo luận", "trao
đổi", "làm việc", "bàn bạc") are no event triggers: the length belongs to the talks the article
reports between the sides of that sentence, never to an outcome of the sentence ("... đạt được
nhận thức chung về một lệnh ngừng bắn"). A trigger's own argument rules (extract_args._duration) skip
a duration that another talk noun carries; ``assign`` gives it to the talk event after clustering.

The nouns and length words are data (triggers.yaml ``talk_lengths``).
"""
from __future__ import annotations

import re

from .extract_sent import _actors
from .models import Evidence

_MIN, _MAX = 5, 720          # minutes: the durations a talk may have (extract_args._duration)
_TALKS = ("meeting", "negotiation", "phone_call")
_DURABLE = _TALKS + ("visit",)


def _words(words: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


def patterns(lex) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(noun right after a duration, noun + length word right before a duration, an audience right
    after the noun), compiled once per lexicon."""
    got = lex.ends.get("talk_len")
    if got is None:
        data = (lex.raw.get("triggers") or {}).get("talk_lengths") or {}
        nouns = _words(data.get("nouns") or ["thảo luận"])
        verbs = _words(data.get("verbs") or ["kéo dài"])
        after = re.compile(r"\s+(?P<n>" + nouns + r")(?!\w)")
        # "cuộc thảo luận (giữa hai bộ trưởng) kéo dài": a few words between, no clause punctuation
        # or "cuộc đàm phán diễn ra tại ... và kéo dài": the place and time between, one clause
        before = re.compile(r"(?<!\w)(?P<n>" + nouns + r")(?!\w)(?:(?:\s+[^\s,.;:!?]+){0,6}?|\s+diễn\s+ra"
                            r"(?:\s+[^\s,.;:!?]+){0,12}?\s+và)\s+(?:" + verbs + r")\s+$")
        audience = re.compile(r"\s+(?:" + _words(data.get("audiences") or ["với báo chí"]) + r")(?!\w)")
        got = lex.ends["talk_len"] = (after, before, audience)
    return got


def carrier(low: str, s: int, e: int, lex, spans) -> tuple[int, int] | None:
    """The span of the talk noun that carries the duration at low[s:e], or None. ``spans``: the
    trigger hits of the sentence; one between the noun and the length word is what lasts ("thảo
    luận về lệnh ngừng bắn kéo dài 12 giờ"). Talks with an audience ("30 phút trao đổi với báo
    chí") are no talks between sides."""
    after, before, audience = patterns(lex)
    m = after.match(low, e)
    if m is None:
        m = before.search(low, max(0, s - 90), s)
        if m is not None and any(m.end("n") <= a and b <= s for a, b in spans):
            return None
    if m is None or audience.match(low, m.end("n")):
        return None
    return m.span("n")


def _lengths(analysis, lex):
    """(sentence, quantity, countries named in its clause) of every talk length of the article."""
    from .extract import SentView
    out = []
    for sent in analysis.sentences:
        qs = [q for q in sent.quantities if q.kind == "duration" and q.value is not None
              and not q.approximate and _MIN <= q.value <= _MAX]
        if not qs:
            continue
        sv = SentView(sent)
        hits = [(a, b, t.type) for a, b, t in lex.scan(sv.low) if t.type is not None]
        spans = [(a, b) for a, b, _ in hits]
        for q in qs:
            s, e = sv.from_doc(q.start), sv.from_doc(q.end)
            span = carrier(sv.low, s, e, lex, spans)
            if span is None or any(a < span[1] and span[0] < b and t not in _DURABLE for a, b, t in hits):
                continue          # "sau 2 giờ trao đổi tù binh": a word of another event's trigger
            # its clause: "Sau khoảng hai giờ thảo luận với phía Mỹ, ông X cho biết ..."
            low = sv.low
            a, b = min(s, span[0]), max(e, span[1])
            cs = max(low.rfind(c, 0, a) for c in ",;:") + 1
            ce = min([i for i in (low.find(c, b) for c in ",;:") if i >= 0] or [len(low)])
            # a length still to come ("sẽ kéo dài", "dự kiến kéo dài") is no report of the talks
            if any(st != "occurred" for _, st in lex.status_matches("before", low, cs, s)):
                continue
            named = {x.country or x.name for x in _actors(sv)
                     if cs <= x.s and x.e <= ce and x.kind != "place" and not x.members and x.name}
            out.append((sent, q, named))
    return out


def assign(events: list, main, analysis, lex, doc_id: str) -> None:
    """Give each talk length of the article to the reported talk event it refers to: an occurred
    call, meeting or negotiation without a length of its own, sharing most countries with the
    actors of the length's clause (none named: any), then the article's main event, then the
    talk mentioned last before the sentence; the speaker of another clause ("..., ông X cho biết")
    names no side. A length a mention already holds is not given again."""
    if not any(e.type in _TALKS for e in events):
        return
    lengths = _lengths(analysis, lex)
    for sent, q, named in lengths:
        if any(m.duration_minutes == q.value and m.evidence is not None and m.evidence.start == sent.start
               for e in events for m in e.mentions):
            continue          # the trigger of this sentence took it ("cuộc hội đàm kéo dài 2 giờ")
        pool = [e for e in events if e.type in _TALKS and getattr(e, "final_status", "occurred") == "occurred"
                and not any(m.duration_minutes for m in e.mentions) and e.length is None]
        if not pool:
            continue

        def score(e):
            sides = {e.cmap.get(p) or p for p in e.parts}
            before = [m.start for m in e.mentions if m.start < sent.start]
            return len(named & sides), e is main, max(before, default=-1)
        best = max(pool, key=score)
        if named and not score(best)[0]:
            continue          # the sentence names other sides: not these talks
        attr = sent.attribution
        source = (attr.name or attr.source_text) if attr is not None else None
        best.length = (float(q.value), q.qualifier, Evidence(doc=doc_id, start=sent.start, end=sent.end,
                                                             sentence=sent.text, source=source))
