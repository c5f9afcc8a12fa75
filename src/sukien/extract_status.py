"""The status of one event mention (docs/EVENTS.md "Status"): the cues of the trigger's clause
(modality.yaml), agreement verbs, denials, purpose clauses and the soft hints of nominal
complements. Called by ``extract_args.analyze_arguments`` once per trigger hit. The word lists of
the grammatical cues (negation, condition, "trước khi", "rằng", speaker verbs, purpose, clause breaks)
are data (events/cues.yaml): ``_status`` gets the compiled ``cues`` (``Resources.cues``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .extract_sent import tokens_before

if TYPE_CHECKING:
    from .extract_args import Args

_COMMA_SEMI = re.compile(r"[,;]")
_STOP = re.compile(r"[.;:!?\"“”]")


def _cue_status(by_text: dict[str, str], m) -> str:
    """The status of the cue a fast status match covers (TriggerLexicon.status_before_fast)."""
    t = m.group()
    st = by_text.get(t)
    return st if st is not None else by_text[" ".join(t.split())]


def _sides_end(f, low: str, te: int, cues) -> int:
    """The end of the sides named right after a nominal trigger ("cuộc gặp đầu tiên giữa ông và ông
    Putin | sẽ diễn ra"): an after-cue counts from there."""
    if f is None:
        return te
    m = cues.sides_cue.match(low, te)
    if m is None:
        return te
    end, pos = te, m.end()
    for x in f.acts:                 # in order of position
        if x.s < pos:
            continue
        gap = low[pos:x.s].strip()
        if gap not in ("", "và", ","):
            break
        end = pos = x.e
    return end


def _status(a: Args, low, ts, te, lb, trig, lex, cues, bridge: bool = True, f=None) -> None:
    lo = max(0, ts - 70)
    # the clause start for cues is the last comma (a list comma included)
    cm = low.rfind(",", 0, ts)
    lo = max(lo, cm + 1 if cm >= 0 else 0)
    window = low[lo:ts]
    best = None      # (end, length, status)
    denied = False
    rx_fast, by_text = lex.status_before_fast
    if rx_fast is not None:
        found = []
        for m in rx_fast.finditer(window):
            t = m.group()
            st = by_text.get(t)
            found.append((m.start(), m.end(), st if st is not None else by_text[" ".join(t.split())]))
    else:
        found = [(m.start(), m.end(), st) for m, st in lex.status_matches("before", window)]
    den = None       # the first denial cue (start, end) in the window
    for ms, me, st in found:
        if st == "denied" and not denied:
            denied, den = True, (ms, me)
        cand = (me, me - ms, st)
        if best is None or cand[:2] > best[:2]:
            best = cand
    if not denied and lo > 0 and lex.ends.get("report") is not None:
        # "bác bỏ thông tin cho rằng Bộ trưởng ba nước A, B, C đã gặp kín": a denied report scopes
        # over the whole account it introduces, past its list commas (no sentence break between)
        # (a cue that starts before the window and ends inside it, cut off by it, counts too)
        lo2 = max(0, ts - 160)
        for m, st in lex.status_matches("before", low, lo2, ts):
            if m.start() >= lo:
                break
            if st == "denied" and lex.ends["report"].match(low, m.end()) and not _STOP.search(low, m.end(), ts) \
                    and cues.that.search(low, m.end(), ts) and not cues.says.search(low, m.end(), ts):
                denied, den = True, (m.start() - lo, m.end() - lo)
                best = (ts - lo, 99, "denied")
                break
    agree_words = f is None or f.agree
    for m in (lex.agreement_verbs.finditer(window) if agree_words else ()):
        st = "occurred" if trig.type in lex.agreement_occurred else "planned"
        before_verb = window[max(0, m.start() - 12):m.start()]
        if cues.neg_before.search(before_verb):
            st = "negated"            # "nếu không đồng ý ngừng bắn": no agreement
        elif cues.if_before.search(before_verb):
            st = "hypothetical"
        cand = (m.end(), m.end() - m.start(), st)
        if best is None or cand[:2] > best[:2]:
            best = cand
    if best is not None and best[2] == "hypothetical" and agree_words:
        agree = [m for m in lex.agreement_verbs.finditer(window) if m.end() <= best[0]]
        acc = lex.accepted.search(window, agree[-1].end()) if agree else None
        if acc is not None and acc.end() == best[0] and trig.type in lex.agreement_occurred:
            best = (best[0], best[1], "occurred")
    if best is not None and best[2] == "planned" and any(st == "hypothetical" and me <= best[0] - best[1]
                                                         for _, me, st in found):
        # "không loại trừ khả năng hai bên sẽ gặp lại": a possibility before the future "sẽ" of
        # its clause scopes over it (a possible plan, no announced one)
        best = (best[0], best[1], "hypothetical")
    if denied:
        # an explicit denial scopes over what it denies ("bác bỏ thông tin X sẽ gặp Y")
        best = (ts, 99, "denied")
    if best is not None and best[2] == "hypothetical" and cues.purpose.search(low, max(0, ts - 8), ts):
        # "ông sẽ tới Washington ... để gặp ông Trump": the purpose of a planned trip is planned
        matrix = [st for _, st in lex.status_matches("before", low, max(0, ts - 90), ts - 4)]
        if matrix and matrix[-1] == "planned":
            best = (best[0], best[1], "planned")
    if best is None:
        before = cues.before_then.search(low, max(0, ts - 30), ts)
        if before is not None and not _COMMA_SEMI.search(low, before.end(), ts):
            # "Thủ tướng sẽ phát biểu tại phiên họp, trước khi lên đường thăm Brazil": what follows
            # a plan is planned too (the matrix's last cue before "trước khi")
            matrix = [st for _, st in lex.status_matches("before", low, max(0, before.start() - 150), before.start())]
            if matrix and matrix[-1] == "planned":
                best = (ts, 0, "planned")
    if best is not None and best[2] == "denied" and lex.concessive.match(low[:ts].lstrip()):
        best = (best[0], best[1], "negated")
    after = None
    if trig.nominal or a.nominal:
        rx_fast, by_text = lex.status_after_fast
        se = _sides_end(f, low, te, cues)
        if rx_fast is None:
            m, st = next(lex.status_matches("after", low, te, se + 70), (None, None))
        else:
            m = rx_fast.search(low, te, se + 70)
            st = _cue_status(by_text, m) if m is not None else None
        if m and (m.start() - se <= 25 or st == "denied" and not cues.clause_break.search(low, te, m.start())):
            # "Hội nghị thượng đỉnh Mỹ - Nga tại Budapest đã bị hủy": a passive call-off ends the
            # noun phrase of its subject however long (no clause break between)
            after = (m.start() - te, st)
    if after and not (denied and after[1] == "occurred"):
        # ("bác bỏ thông tin rằng A và B đã có cuộc gặp kéo dài một giờ": what the denied report
        # tells of the meeting, its length included, is denied with it)
        st = after[1]
    elif after:
        st = "denied"
    elif a.nominal and not bridge and not (best is not None and best[2] == "denied"):
        # ("bác bỏ thông tin về cuộc điện đàm": a denial scopes over its noun too)
        # a nominal complement ("về cuộc gặp", "sau cuộc gặp"): the clause's modality is only a
        # soft hint (a plan stays a plan: "sẽ gọi lại ngay sau cuộc gặp"); "trước cuộc gặp" in
        # news points to an event still to come
        prev = tokens_before(low, ts, 2)
        if best is not None and best[2] == "negated" and lo + best[0] > lb:
            # "Israel không chấp nhận lệnh ngừng bắn", "Tổng thư ký X không ủng hộ thỏa thuận": the
            # negated verb of its own clause takes the noun as its object (no stop word between;
            # "không bình luận về cuộc gặp", "không lâu sau cuộc gặp" stay references)
            a.status_raw = "negated"
            return
        if best is not None and best[2] == "planned":
            a.status_soft = "planned"
        elif prev and prev[-1] == "trước" or prev[-2:] == ["trước", "cuộc"]:
            a.status_soft = "planned"
        return
    else:
        st = best[2] if best else None
    if trig.agreed and st in (None, "occurred") and trig.type not in lex.agreement_occurred:
        st = "planned"    # "hai bên đã ký thỏa thuận trao đổi tù binh": the signing happened, the exchange is planned
    if st is None:
        return
    if st == "negated":
        a.status_raw = "negated"
        return
    a.status, a.status_explicit = st, True
    if st == "denied" and den is not None:
        # "X ngày 11/11 bác bỏ thông tin cho rằng ...": where the denial is (a time before it dates
        # the denial); a denial of a report disputes the article's account of that report
        a.denial_at = lo + den[0]
        a.disputes = lex.ends["report"].match(low, lo + den[1]) is not None
