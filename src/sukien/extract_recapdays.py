"""Days told in recap clauses (docs/EVENTS.md "Date"): which days "cùng ngày" / "Trước đó" skip.

"Tối 4/12, X điện đàm với Y. Đây là cuộc điện đàm đầu tiên giữa hai bên, sau cuộc gặp ... hôm 27/10.
... Trước đó, sáng cùng ngày, ...": the 27th dates the earlier meeting the sentence counts from (a
recap), not the day the article is telling; "sáng cùng ngày" is the 4th. A day inside a clause opened
by a recap cue (modality.yaml ``recap_clauses``: "sau cuộc", "kể từ", "tiếp theo cuộc" ...) after the
start of its sentence is such a day. ``extract_date._previous_day`` passes over it only when the day
told before it is a later one (a recap is earlier than the news; "Hai bên họp báo sau cuộc hội đàm
sáng 4/12" after a "tối 3/12" still tells the 4th).
"""
from __future__ import annotations

import bisect
import re

from .textnorm import match_form

_GAP_MAX = 120                 # characters between the cue and the day, within one clause
_BREAK = re.compile(r"[.;:!?]")


def _cue_rx(lex) -> re.Pattern | None:
    if lex is None:
        return None
    rx = lex.__dict__.get("_recap_clauses")
    if rx is None:
        items = ((getattr(lex, "raw", None) or {}).get("modality") or {}).get("recap_clauses") or []
        words = sorted({(it["cue"] if isinstance(it, dict) else it) for it in items}, key=len, reverse=True)
        alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
        rx = re.compile(r"(?<!\w)(?:%s)(?!\w)" % alts) if alts else re.compile(r"(?!x)x")
        lex.__dict__["_recap_clauses"] = rx
    return rx


def recap_times(sent, lex) -> set[int]:
    """The positions (in ``sent.times``) of the times told inside a recap clause of the sentence: a
    clause opened by a recap cue that is not the sentence's first word, with no clause break between
    the cue and the time."""
    rx = _cue_rx(lex)
    if rx is None or not sent.times:
        return set()
    mf = match_form(sent.text)
    low = mf.text
    starts = mf._starts
    cues = [(m.start(), m.end()) for m in rx.finditer(low) if low[:m.start()].strip(" \t\"'“”(-–—")]
    if not cues:
        return set()
    out = set()
    for i, t in enumerate(sent.times):
        rel = t.start - sent.start
        s = rel if starts is None else bisect.bisect_left(starts, rel)
        for cs, ce in cues:
            if ce <= s and s - ce <= _GAP_MAX and not _BREAK.search(low, ce, s):
                out.add(i)
                break
    return out
