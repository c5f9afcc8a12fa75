"""Objects and bystanders of a talk within a sentence (extract_args; docs/EVENTS.md "Seventh round,
mentions"): a subjectless object verb with several objects ("Gặp Thủ tướng A và Tổng thống B", a
heading) is a talk with each of them, not one talk of the objects with each other; the one who
welcomes a bare, already reported agreement ("X hoan nghênh thỏa thuận, còn ...") is no side of it,
and breaking or keeping it ("vi phạm thỏa thuận") reports no new agreement.

The word lists of these cues are data (events/cues.yaml, ``Resources.cues``): each function gets the
compiled ``cues`` passed in."""
from __future__ import annotations

from .vi.numbers import parse_number


def subjectless_objects(low: str, te: int, right: list, names: list[str], cues) -> list[str]:
    """The objects of a subjectless object verb when it names two or more of them joined by "và" or
    commas (``right``: actor spans after the trigger, in order): one talk with each. Empty when a
    subject is among ``names``, when "giữa" follows (the talk between them) or the objects are a
    dash pair ("Mỹ - Nga")."""
    objs = [x for x in right if x.name in names and not x.members and x.kind != "place"]
    if len({x.name for x in objs}) < 2 or any(n not in {x.name for x in objs} for n in names):
        return []
    if cues.between.match(low, te):
        return []
    for a, b in zip(objs, objs[1:]):
        gap = low[a.e:b.s]
        if not cues.joiner.fullmatch(gap):
            return []
    return list(dict.fromkeys(x.name for x in objs))


def referred_agreement(low: str, ts: int, te: int, right: list, cues) -> str | None:
    """A bare agreement noun (no sides, no content after it) that the sentence only refers to, an
    agreement the article reported before: "welcomed" ("X hoan nghênh thỏa thuận, còn Y ...": the
    one who welcomes or praises it is no side), "kept" ("cáo buộc Y vi phạm thỏa thuận": breaking or
    keeping it reports no new agreement); else None. (Cues ``bare_end``: a bare agreement noun;
    ``welcome``: welcome, praise or support said by someone who is not a side; ``keep_or_break``;
    ``call_on``: calling on others to keep it.)"""
    if any(x.s >= te and x.s - te <= 12 for x in right) or cues.bare_end.match(low, te) is None:
        return None
    if cues.welcome.search(low, max(0, ts - 30), ts) is not None:
        return "welcomed"
    keep = cues.keep_or_break.search(low, max(0, ts - 40), ts)
    if keep is not None:
        # "X kêu gọi các bên thực hiện thỏa thuận": who calls on the sides to keep it is none of them
        return "welcomed" if cues.call_on.search(low, max(0, keep.start() - 40), keep.start()) else "kept"
    return None


def welcomed_talks(low: str, ts: int, te: int, cues) -> bool:
    """ "Hai nhà lãnh đạo hoan nghênh việc kết thúc đàm phán về ...": the end of talks (between
    ministries, negotiators) welcomed in passing reports no talks of the ones who welcome it, nor a
    plan of theirs."""
    m = None
    for m in cues.welcomed_end.finditer(low, max(0, ts - 50), te):
        pass
    return m is not None and ts - 2 <= m.end() < te


def go_betweens(names: list[str], lex) -> list[str]:
    """The sides of an exchange less its neutral go-betweens (``exchange_intermediaries`` in
    triggers.yaml): "Hamas trao trả con tin cho Ủy ban Chữ thập đỏ Quốc tế" — the Red Cross receives
    the captives for the other side and is never a side itself."""
    neutral = set((lex.raw.get("triggers") or {}).get("exchange_intermediaries") or ())
    return [n for n in names if n not in neutral]


def venue_item(low: str, x, acts, cues) -> bool:
    """x is a later item of a list of venues ("đã gặp nhau ở Geneva, London, Stockholm và Madrid"):
    cities named for their countries or places, joined by commas or "và", the first one right after
    "ở" / "tại". Such cities are where the talks were held, never their sides."""
    if x.kind not in ("place", "country") or (x.kind == "country" and x.via != "metonym"):
        return False
    cur = x
    while True:
        prv = next((a for a in acts if a.e <= cur.s and cues.list_gap.fullmatch(low[a.e:cur.s])), None)
        if prv is None or prv.kind not in ("place", "country") or (prv.kind == "country" and prv.via != "metonym"):
            return False
        if cues.at_before.search(low, max(0, prv.s - 6), prv.s):
            return True
        cur = prv


def witnessed_after(low: str, te: int, cues) -> bool:
    """A signing witnessed by those named after it ("các bộ, ngành hai nước trao chín văn kiện dưới sự
    chứng kiến của hai Thủ tướng"): its sides are the countries, not the witnessing leaders."""
    return cues.witnessed_by.match(low, te) is not None


def word_count(s: str, lex) -> float | None:
    """A count in digits or words ("12", "chín") before a counted noun ("chín văn kiện hợp tác").
    ``lex``: the trigger lexicon, whose ``numbers`` is the number lexicon loaded once with the
    resources (without it the number words are read from the packaged YAML on every call)."""
    return parse_number(s, getattr(lex, "numbers", None))


def cited_document(low: str, ts: int, te: int, trig, nominal: bool, cues) -> bool:
    """A bare document noun (a joint statement, an agreement: nothing names its sides, day or
    content after it) cited as a source ("Theo Tuyên bố chung, hai nước sẽ ...") or as what is being
    carried out ("kế hoạch hành động triển khai Tuyên bố chung") names a document already made: no
    event mention (the event is where it was issued or signed)."""
    if trig.type not in ("statement", "agreement") or not nominal or cues.bare_end.match(low, te) is None:
        return False
    return cues.cited.search(low, max(0, ts - 30), ts) is not None
