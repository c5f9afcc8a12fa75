"""Objects and bystanders of a talk within a sentence (extract_args; docs/EVENTS.md "Seventh round,
mentions"): a subjectless object verb with several objects ("Gặp Thủ tướng A và Tổng thống B", a
heading) is a talk with each of them, not one talk of the objects with each other; the one who
welcomes a bare, already reported agreement ("X hoan nghênh thỏa thuận, còn ...") is no side of it,
and breaking or keeping it ("vi phạm thỏa thuận") reports no new agreement."""
from __future__ import annotations

import re

_BETWEEN = re.compile(r"\s*(?:\w+\s+){0,2}?giữa(?!\w)")
_JOINER = re.compile(r"\s*(?:,|và|cùng|cùng với)\s*")
# words of welcome, praise or support said about an outcome by someone who is not a side of it
_WELCOME = re.compile(r"(?<!\w)(?:hoan nghênh|chào đón|chào mừng|ca ngợi|đánh giá cao|ủng hộ)"
                      r"(?:\s+(?:việc|các|những|bản|một))?\s+$")
# words said of an agreement in force: breaking or keeping it ("cáo buộc Y vi phạm thỏa thuận")
_KEEP_OR_BREAK = re.compile(r"(?<!\w)(?:vi phạm|phá vỡ|phá hoại|tuân thủ|tôn trọng)(?:\s+(?:các|những|bản))?\s+$")
# a bare agreement noun: nothing names its sides or its content right after it
_BARE_END = re.compile(r"\s*(?:[,;.!?)\"”]|$|(?:này|đó|nói trên|trên|vừa đạt được|vừa đạt|còn)(?!\w))")


def subjectless_objects(low: str, te: int, right: list, names: list[str]) -> list[str]:
    """The objects of a subjectless object verb when it names two or more of them joined by "và" or
    commas (``right``: actor spans after the trigger, in order): one talk with each. Empty when a
    subject is among ``names``, when "giữa" follows (the talk between them) or the objects are a
    dash pair ("Mỹ - Nga")."""
    objs = [x for x in right if x.name in names and not x.members and x.kind != "place"]
    if len({x.name for x in objs}) < 2 or any(n not in {x.name for x in objs} for n in names):
        return []
    if _BETWEEN.match(low, te):
        return []
    for a, b in zip(objs, objs[1:]):
        gap = low[a.e:b.s]
        if not _JOINER.fullmatch(gap):
            return []
    return list(dict.fromkeys(x.name for x in objs))


def referred_agreement(low: str, ts: int, te: int, right: list) -> str | None:
    """A bare agreement noun (no sides, no content after it) that the sentence only refers to, an
    agreement the article reported before: "welcomed" ("X hoan nghênh thỏa thuận, còn Y ...": the
    one who welcomes or praises it is no side), "kept" ("cáo buộc Y vi phạm thỏa thuận": breaking or
    keeping it reports no new agreement); else None."""
    if any(x.s >= te and x.s - te <= 12 for x in right) or _BARE_END.match(low, te) is None:
        return None
    if _WELCOME.search(low, max(0, ts - 30), ts) is not None:
        return "welcomed"
    if _KEEP_OR_BREAK.search(low, max(0, ts - 20), ts) is not None:
        return "kept"
    return None


_WELCOMED_END = re.compile(r"(?<!\w)(?:hoan nghênh|chào đón|chào mừng|ca ngợi|đánh giá cao)\s+(?:việc\s+)?"
                           r"(?:kết thúc|hoàn tất|hoàn thành)(?:\s+(?:các|những|vòng|cuộc))?(?!\w)")


def welcomed_talks(low: str, ts: int, te: int) -> bool:
    """ "Hai nhà lãnh đạo hoan nghênh việc kết thúc đàm phán về ...": the end of talks (between
    ministries, negotiators) welcomed in passing reports no talks of the ones who welcome it, nor a
    plan of theirs."""
    m = None
    for m in _WELCOMED_END.finditer(low, max(0, ts - 50), te):
        pass
    return m is not None and ts - 2 <= m.end() < te
