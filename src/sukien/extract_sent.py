"""Per-sentence facts shared by every trigger hit of one sentence (docs/EVENTS.md).

A sentence with a trigger is analysed once per trigger hit (``extract_args.analyze_arguments``);
what does not depend on the hit is computed here once per sentence, lazily, and cached on the
sentence view (``SentView``): the actors mapped into the matching form, the clause punctuation
outside actors, the verdict on each comma (does it end a clause?), the list-continuation test of
an actor end, the static checks of time and duration phrases and of place cues. The clause
boundaries of a hit (``_left_boundary`` / ``_right_boundary``) are built from these facts and are
the same as scanning the sentence again for every hit.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

_PUNCT_BOUND = re.compile(r"[;:!?]|\.(?!\d)")
_TIMEZONE = re.compile(r"(?<!\w)giờ\s+$")
_CLAUSE_START = re.compile(r"(?:đã|sẽ|cũng|vừa|đang|mới|cho biết|cho hay|nói|là|thì|không|chưa|đều|vẫn|"
                           r"tiếp tục|nêu|nhấn mạnh|bày tỏ|khẳng định|thông báo|tuyên bố|muốn|cần|phải|sẵn sàng|có thể)(?!\w)")
_COUNTED = re.compile(r"(?<!\w)(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|\d+)\s+(?:nước|quốc gia|bên)\s+$")
_AT_END = re.compile(r"(?<!\w)(?:tại|ở|từ|tới|đến)\s+$")
_CONJ = re.compile(r"\s*(?:,|và|cùng|cùng với)\s+")
_LINKER = re.compile(r"(?<!\w)(?:với|giữa|và|của)(?!\w)")
_COMMA_SEMI = re.compile(r"[,;]")
_START = re.Match.start


@dataclass(slots=True)
class _A:
    s: int          # span in the matching form
    e: int
    name: str
    kind: str
    country: str | None
    via: str
    members: list[str]
    text: str


class SentFacts:
    """What every trigger hit of one sentence shares, computed once (lazily where it is rare)."""

    __slots__ = ("low", "orig", "acts", "covered", "punct", "commas", "_left_comma", "_right_comma",
                 "_list_end", "_tspans", "_sv", "memo", "agree", "refs", "same_occasion", "initiators", "lex", "place_cue")

    def __init__(self, sv, lex=None):
        low = sv.low
        self.low = low
        # the original text when it is aligned with the matching form (title chains need case)
        self.orig = sv.sent.text if len(sv.sent.text) == len(low) else ""
        self.acts = _actors_uncached(sv)
        covered: set[int] = set()
        for a in self.acts:
            covered.update(range(a.s, a.e))
        self.covered = covered
        # clause punctuation outside actors, over the whole sentence (the scan of a prefix differs
        # only for a "." right at its end: see _left_boundary)
        self.punct = [p for p in map(_START, _PUNCT_BOUND.finditer(low)) if p not in covered]
        commas: list[int] = []
        i = low.find(",")
        while i >= 0:
            commas.append(i)
            i = low.find(",", i + 1)
        self.commas = commas
        self._left_comma: dict[int, bool] = {}
        self._right_comma: dict[int, int] = {}
        self._list_end: dict[int, bool] = {}
        self._tspans: list[tuple[int, int]] | None = None   # time phrases in the matching form (lazy)
        self._sv = sv
        self.memo: dict = {}      # other per-sentence values, keyed by the function computing them
        self.place_cue: dict[int, bool] = {}   # extract_args._place_cue with a lexicon, by id of the actor
        self.lex = None
        if lex is not None:
            self.with_lexicon(lex)

    def with_lexicon(self, lex) -> "SentFacts":
        """Prefilters of the lexicon's word lists: False when a list cannot match in any part of
        this sentence (not one of its forms' first words, ``TriggerLexicon.relaxed``, occurs in it);
        the initiator patterns (after, before the trigger) that may match in it."""
        if self.lex is lex:
            return self
        low = self.low
        mask = 0
        if lex.prefilter_automaton is not None:
            for _, bit in lex.prefilter_automaton.iter(low):
                mask |= bit
        # bits in the order of extract._PREFILTERS
        self.agree, self.refs, self.same_occasion = bool(mask & 1), bool(mask & 2), bool(mask & 4)
        if lex.initiator_gate.search(low) is None:
            self.initiators = ([], [])        # the common case: no pattern's longest part is here
        else:
            self.initiators = tuple(
                [rx for rx, (words, parts) in zip(pats, wordlists)
                 if all(w in low for w in words) and all(part.search(low) for part in parts)]
                for pats, wordlists in ((lex.initiator_after, lex.initiator_words[0]),
                                        (lex.initiator_before, lex.initiator_words[1])))
        self.lex = lex
        return self

    def in_time(self, pos: int) -> bool:
        """Position pos lies inside a time phrase of the sentence ("từ ngày 9 đến 11/3")."""
        ts = self._tspans
        if ts is None:
            sv = self._sv
            ts = self._tspans = [(sv.from_doc(t.start), sv.from_doc(t.end)) for t in sv.sent.times]
        return any(a <= pos < b for a, b in ts)

    def list_item_end(self, pos: int) -> bool:
        v = self._list_end.get(pos)
        if v is None:
            v = self._list_end[pos] = _list_item_end(self.low, pos, self.acts)
        return v

    def prev_actor(self, p: int) -> bool:
        """An actor ends right before position p (spaces and ")" between)."""
        low = self.low
        for a in self.acts:
            if a.e <= p and not low[a.e:p].strip(" )"):
                return True
        return False

    def left_comma(self, p: int, lex) -> bool:
        """The comma at p ends the clause before a trigger after it."""
        v = self._left_comma.get(p)
        if v is not None:
            return v
        low = self.low
        before_actor = self.prev_actor(p)
        after_actor = False
        for a in self.acts:
            if a.s > p and not low[p + 1:a.s].strip() and self.list_item_end(a.e):
                after_actor = True
                break
        # a list comma between two actors ("Nga, Mỹ và Pháp") does not end the clause; nor does
        # the comma of a chain of offices ("Phó Thủ tướng, Bộ trưởng Ngoại giao X")
        v = not (before_actor and after_actor) and not (
            after_actor and lex.ends["title"].search(low, max(0, p - 40), p)) and not self.two_titles(p) \
            and not self.list_head(p)
        self._left_comma[p] = v
        return v

    def two_titles(self, p: int) -> bool:
        """The comma at p parts two titles of one person ("Tổng Bí thư, Chủ tịch nước Lào X": the
        first title, read as a reference to X, right before it; X named right after it)."""
        low = self.low
        x = next((a for a in self.acts if a.e <= p and not low[a.e:p].strip()), None)
        if x is None or x.kind != "person" or x.via not in ("role", "reference") or x.members:
            return False
        return any(a.s > p and not low[p + 1:a.s].strip() and a.name == x.name and a.via not in ("role", "reference")
                   for a in self.acts)

    def list_head(self, p: int) -> bool:
        """The comma at p is inside a list that opens its clause: one that goes on with "và" ("Sáng
        26/2, tại Hà Nội, A, B và C đã có cuộc gặp": A is a side, no frame of the clause), or one
        announced by its count ("Bộ trưởng ba nước A, B, C đã gặp"); never "Sau cuộc gặp với A, B
        và C đã ...", where A closes a frame."""
        low, acts = self.low, self.acts
        x = next((a for a in acts if a.e <= p and not low[a.e:p].strip()), None)
        if x is None or x.kind == "place" or x.members:
            return False
        head = x
        while True:     # back to the first item of the list
            prv = next((a for a in acts if a.e <= head.s and re.fullmatch(r"\s*,\s*", low[a.e:head.s])), None)
            if prv is None or prv.kind == "place" or prv.members or _AT_END.search(low, max(0, prv.s - 6), prv.s):
                break       # "tại Viêng Chăn, A, B và C": the venue is no item
            head = prv
        if _COUNTED.search(low, max(0, head.s - 16), head.s):
            return True
        if low[:head.s].rstrip()[-1:] not in ("", ",", ":", ";"):
            return False
        pos, joined = p, False
        while True:
            m = _CONJ.match(low, pos)
            nxt = next((a for a in acts if m is not None and a.s == m.end()), None)
            if nxt is None or nxt.kind == "place":
                return joined
            joined = joined or "và" in m.group()
            pos = nxt.e

    def right_comma(self, p: int) -> int:
        """The comma at p after a trigger: 0 = it never ends the object ("cùng ...", a list of
        actors), 1 = it ends it, 2 = it continues only a title chain (depends on the trigger)."""
        v = self._right_comma.get(p)
        if v is not None:
            return v
        low = self.low
        if low[p + 1:p + 20].lstrip().startswith(("cùng ", "cũng như ")):
            v = 0
        else:
            nxt = None
            for a in self.acts:
                if a.s > p and not low[p + 1:a.s].strip():
                    nxt = a
                    break
            if nxt is not None and self.list_item_end(nxt.e):
                v = 0 if self.prev_actor(p) else 2
            else:
                v = 1
        self._right_comma[p] = v
        return v


def facts(sv, lex=None) -> SentFacts:
    """The facts of a sentence view, built on first use (with the lexicon's prefilters when given)."""
    f = sv.facts
    if f is None:
        f = sv.facts = SentFacts(sv, lex)
    elif lex is not None and f.lex is not lex:
        f.with_lexicon(lex)
    return f


def _actors(sv) -> list[_A]:
    return facts(sv).acts


def _actors_uncached(sv) -> list[_A]:
    out = []
    low = sv.low
    # actors inside a time phrase ("Tối 19/5 (theo giờ Việt Nam)") take no part in events
    tspans = [(t.start, t.end) for t in sv.sent.times]
    hours = "giờ" in low
    from_doc = sv.from_doc
    one_to_one = sv._starts is None            # then from_doc is a shift, clamped to the sentence
    st, n = sv.sent.start, len(low)
    for a in sv.sent.actors:
        a_s, a_e = a.start, a.end
        if tspans and any(ts <= a_s and a_e <= te for ts, te in tspans):
            continue
        if one_to_one:
            s, e = a_s - st, a_e - st
            s = 0 if s < 0 else (n if s > n else s)
            e = 0 if e < 0 else (n if e > n else e)
        else:
            s, e = from_doc(a_s), from_doc(a_e)
        if hours and _TIMEZONE.search(low, max(0, s - 12), s):
            continue              # "(theo giờ Việt Nam)", "giờ Moscow": a time zone
        members = list(getattr(a, "members", None) or [])
        name = a.name or (a.text.strip() if a.via == "candidate" else None)
        if not name and not members:
            continue
        out.append(_A(s, e, name or "", a.kind, a.country if a.kind != "country" else (a.country or a.name),
                      a.via, members, a.text))
    # "đặc phái viên của Tổng thống Mỹ Steve Witkoff": a title-only person right before a named
    # person is an apposition, not a second participant
    out.sort(key=lambda x: x.s)
    keep: list[_A] = []
    n = len(out)
    for i, x in enumerate(out):
        nxt = out[i + 1] if i + 1 < n else None
        if (nxt is not None and x.kind == "person" and nxt.kind == "person" and 0 <= nxt.s - x.e <= 1
                and not low[x.e:nxt.s].strip() and x.via in ("role", "reference")):
            continue
        # "Istanbul, Thổ Nhĩ Kỳ" / "Istanbul (Thổ Nhĩ Kỳ)": the country of a place, not a side
        prv = keep[-1] if keep else None
        if (prv is not None and x.kind == "country" and prv.kind == "place"
                and low[prv.e:x.s].strip() in (",", "(") and (prv.country in (None, x.name))):
            x.kind = "place"
        keep.append(x)
    return keep


_WORD = re.compile(r"\w+")


def tokens_before(low: str, pos: int, n: int) -> list[str]:
    return _WORD.findall(low[max(0, pos - 12 * n):pos])[-n:]


def _inside(pos: int, acts: list[_A]) -> bool:
    return any(a.s <= pos < a.e for a in acts)


def _left_boundary(f: SentFacts, ts: int, lex, others: list[tuple[int, int]]) -> int:
    """Start of the clause of a trigger at ts: after the last clause punctuation, clause comma or
    stop word before it (outside actors), or after the trigger before it."""
    low = f.low
    b = 0
    punct = f.punct
    i = bisect_left(punct, ts - 1)
    if i:
        b = punct[i - 1] + 1
    if ts >= 1 and low[ts - 1] in ";:!?." and (ts - 1) not in f.covered:
        b = ts                    # a prefix scan takes a "." right before ts even before a digit
    commas = f.commas
    for j in range(bisect_left(commas, ts) - 1, -1, -1):
        p = commas[j]
        if p + 1 <= b:
            break
        if f.left_comma(p, lex):
            b = p + 1
            break
    # stop words: the scan may start at b, right after a punctuation mark or a comma (or at 0):
    # no stop word spans one, so the matches from b are those of a scan from 0, and the earlier
    # ones end before b
    covered = f.covered
    b0 = b
    for m in lex.stop_before.finditer(low, b, ts):
        ms = m.start()
        if m.end() > b and ms not in covered and m.end() <= ts:
            if f.in_time(ms):
                continue          # "từ ngày 9 đến 11/3": a word of a time phrase, not of the clause
            if _apposition(f, ms, m.end(), lex):
                continue          # "Đặc phái viên của Tổng thống X là Y": Y's title, no clause
            b = m.end()
    for (s, e) in others:
        if b < e <= ts:
            b = e
    fr = lex.ends.get("frames")
    if fr is not None:
        has = f.memo.get("frames")
        if has is None:
            has = f.memo["frames"] = fr.search(low) is not None     # once per sentence
        if has and fr.search(low, b0, ts) is not None:
            b = _after_frame(low, fr, b0, b, ts)
    return b


def _apposition(f: SentFacts, ms: int, me: int, lex) -> bool:
    """The stop word at ms..me is a link of an apposition "… của <person> là <person>" (an envoy's
    title naming its holder: `apposition` in triggers.yaml): no clause boundary."""
    app = lex.ends.get("apposition")
    if not app:
        return False
    of, is_ = app
    low, acts = f.low, f.acts
    w = low[ms:me]
    if w in of:
        x = next((a for a in acts if a.kind == "person" and a.s >= me and not low[me:a.s].strip()), None)
        if x is None:
            return False
        m = re.match(r"\s+(\w+)\s+", low[x.e:x.e + 12])
        return m is not None and m.group(1) in is_ and any(
            a.kind == "person" and a.s == x.e + m.end() for a in acts)
    if w in is_:
        x = next((a for a in acts if a.kind == "person" and a.e <= ms and not low[a.e:ms].strip()), None)
        if x is None or not any(a.kind == "person" and a.s >= me and not low[me:a.s].strip() for a in acts):
            return False
        return low[max(0, x.s - 8):x.s].split()[-1:] in [[o] for o in of]
    return False


def _after_frame(low: str, fr, b0: int, b: int, ts: int) -> int:
    """"(Nhận / Theo) lời mời của X và Y, Z sẽ thăm …" (`frames` in triggers.yaml): the actors of
    the frame (the inviters, the hosts) are no subject; the clause starts after the comma ending
    the frame (after its last "và" when it lists several)."""
    m = None
    for m in fr.finditer(low, b0, ts):
        pass
    if m is None:
        return b
    start = m.end()
    v = re.search(r"(?<!\w)và(?!\w)", low[start:ts])
    if v is not None:
        start += v.end()
    c = low.find(",", start, ts)
    return c + 1 if c >= 0 and c + 1 > b else b


def _right_boundary(f: SentFacts, te: int, lex, others: list[tuple[int, int]]) -> int:
    """End of the object of a trigger ending at te: the first clause punctuation, clause comma or
    stop word after it (outside actors), or the next trigger."""
    low = f.low
    punct = f.punct
    i = bisect_left(punct, te)
    b = punct[i] if i < len(punct) else len(low)
    commas = f.commas
    for j in range(bisect_left(commas, te), len(commas)):
        p = commas[j]
        if p >= b:
            break
        v = f.right_comma(p)
        if v == 0 or (v == 2 and _title_chain(f.orig, low, te, p, f.acts)):
            continue
        b = p
        break
    covered = f.covered
    for m in lex.stop_after.finditer(low, te, b):
        if m.start() not in covered:
            if low.startswith("và ", m.start()) and (_between_pair(f, te, m.start())
                                                      or _in_turn_objects(f, te, m.start(), lex)):
                continue      # "cuộc gặp giữa ông và ông Putin": the second side, no new clause
            b = m.start()
            break
    nxt = getattr(lex.ends.get("sides"), "next_predicate", None)
    if nxt is not None and ("và" in low[te:b] or "rồi" in low[te:b]):
        # "hội kiến A và làm việc với các quỹ đầu tư của B": a second predicate ends the object
        m = nxt.search(low, te, b)
        if m is not None and m.start() not in covered:
            b = m.start()
    for (s, e) in others:
        if te <= s < b:
            b = s
    return b


_GIUA_END = re.compile(r"(?<!\w)giữa\s+$")
_GIUA_WORD = re.compile(r"(?<!\w)giữa(?!\w)")
_OF_CLOSE = re.compile(r"\s+của\s+(?:phía\s+|hai\s+nước\s+)?")


def _witness(f, lex, ts: int, te: int, right: list) -> bool:
    """A witness verb (`witness_verbs`: dự, tham dự, chứng kiến) right before a nominal signing
    whose two or more sides are named after "giữa" ("dự Lễ ký … giữa Thái Lan và Campuchia")."""
    rx = lex.ends.get("witness")
    if rx is None or rx.search(f.low, max(0, ts - 24), ts) is None:
        return False
    return between_sides(f, te, right)


_MODIFIER_GAP = re.compile(r"\s+(?:[^\W\d_]+\s+){1,3}")
# "cuộc gặp về xung đột Nga – Ukraine": the pair names what the talks are about, not their sides
_TOPIC_OF = re.compile(r"(?<!\w)(?:về|xung đột|chiến sự|chiến tranh|giao tranh|khủng hoảng|căng thẳng|cuộc chiến)(?!\w)")
_DASH_JOIN = re.compile(r"\s{0,2}[-–—]\s{0,2}")


def dash_pair(low: str, te: int, right: list) -> bool:
    """"vòng đàm phán thương mại Mỹ – Trung", "quan hệ an ninh Nga-Mỹ": the first two actors after a
    nominal trigger and one to three plain words (a topic) are joined by a dash: the pair is its
    sides."""
    xs = sorted((x for x in right if x.s >= te), key=lambda x: x.s)
    if len(xs) < 2 or xs[0].kind not in ("country", "person") or xs[1].kind not in ("country", "person"):
        return False
    return _MODIFIER_GAP.fullmatch(low, te, xs[0].s) is not None and not _TOPIC_OF.search(low, te, xs[0].s) \
        and _DASH_JOIN.fullmatch(low, xs[0].e, xs[1].s) is not None


def between_sides(f, te: int, right: list, of: bool = False) -> bool:
    """The sides after a nominal trigger are named after "giữa", two or more of them ("lệnh ngừng
    bắn giữa Thái Lan và Campuchia"); with ``of`` also after a "của" right after the trigger
    ("thỏa thuận ngừng bắn của Nga và Ukraine")."""
    first = min(x.s for x in right)
    if first < te:
        return False
    if not _GIUA_WORD.search(f.low, te, first) and not (of and _OF_CLOSE.fullmatch(f.low, te, first)):
        return False
    return len({x.country or x.name for x in right if x.kind != "place" and not x.members}) >= 2


def _said_before(sv, e: int, ts: int) -> bool:
    """A time ending at e lies before the attribution cue of the sentence, the trigger after it."""
    attr = sv.sent.attribution
    if attr is None or not attr.cue or attr.end is None:
        return False
    cue = sv.low.find(attr.cue.lower(), sv.from_doc(attr.end))
    return 0 <= cue and e <= cue and cue + len(attr.cue) <= ts


def _between_pair(f: SentFacts, te: int, p: int) -> bool:
    """"giữa <one actor> và …" right after the trigger: the "và" at p joins the pair."""
    low = f.low
    xs = [a for a in f.acts if te <= a.s and a.e <= p]
    if len(xs) != 1 or low[xs[0].e:p].strip():
        return False
    return _GIUA_END.search(low, te, xs[0].s) is not None


def _in_turn_objects(f: SentFacts, te: int, p: int, lex) -> bool:
    """"X lần lượt gặp (riêng) ông A và ông B": after a talk cue of several talks (`several_talks`:
    "lần lượt" before the trigger, "riêng" after it), the "và ông" at p joins one more object right
    after a single named object, not a new clause."""
    low = f.low
    xs = [a for a in f.acts if te <= a.s and a.e <= p]
    if len(xs) != 1 or low[xs[0].e:p].strip() or low[te:xs[0].s].strip(" ,") not in ("", "riêng"):
        return False
    return lex.ends["several_before"].search(low, max(0, te - 40), te) is not None \
        or re.search(r"(?<!\w)lần lượt(?!\w)", low[max(0, te - 30):te]) is not None \
        or lex.ends["several_after"].search(low, max(0, te - 8), xs[0].s) is not None


def _joins(x: _A) -> bool:
    """An actor that can join a talk: a person, country or organization of the actor dictionary."""
    return bool(x.name) and x.kind in ("person", "country", "organization") and not x.members \
        and x.via != "candidate"


def joiners(f: SentFacts, lex, ts: int, te: int, others: list[tuple[int, int]]) -> tuple[list[_A], bool]:
    """(actors, before) that join the talk of a joinable nominal trigger at ts..te (docs/EVENTS.md
    "Joiners"): the subject of a join verb right before it ("X cũng tham gia (vào) cuộc trò
    chuyện", from the start of the verb's clause; before = True), or the list after a join phrase
    following it ("cuộc điện đàm có sự tham gia của X và Y"). End-anchored searches in short windows."""
    low = f.low
    m = lex.ends["join_before"].search(low, max(0, ts - 24), ts)
    if m is not None:
        lb = _left_boundary(f, m.start(), lex, others)
        return [x for x in f.acts if lb <= x.s and x.e <= m.start() and _joins(x)], True
    if "sự" in low:
        m = lex.ends["join_after"].search(low, te, min(len(low), te + 60))
        if m is not None and not _PUNCT_BOUND.search(low, te, m.start()):
            rb = _right_boundary(f, m.end(), lex, others)
            return [x for x in f.acts if m.end() <= x.s and x.e <= rb and _joins(x)], False
    return [], False


def _title_chain(orig: str, low: str, te: int, p: int, acts: list[_A]) -> bool:
    """"với Tổng Bí thư, Chủ tịch Trung Quốc X": the words before the comma are a capitalized
    title of the actor after it."""
    start = max([te] + [a.e for a in acts if a.e <= p])
    seg = (orig or "")[start:p]
    m = None
    for m in _LINKER.finditer(seg):
        pass
    words = seg[m.end():].split() if m is not None else seg.split()
    # a title is capitalized on its first syllable: "Ủy viên Bộ Chính trị", "Tổng Bí thư"
    return 0 < len(words) <= 6 and words[0][:1].isupper()


def _list_item_end(low: str, pos: int, acts: list[_A] | None = None) -> bool:
    """True when an actor ending at pos continues a list or a title chain ("Tổng Bí thư, Chủ tịch
    Trung Quốc X tại ..."), False when a new clause starts after it or after the group it heads
    ("..., phía Nga đã nêu", "..., Nga và Ukraine đã thực hiện")."""
    while acts:
        m = _CONJ.match(low, pos)
        if m is None:
            break
        me = m.end()
        nxt = next((a for a in acts if a.s == me), None)
        if nxt is None:
            break
        pos = nxt.e
    rest = low[pos:pos + 20].lstrip(" )")
    return not _CLAUSE_START.match(rest)


# "X tới thành phố Wonsan, miền Đông Triều Tiên, ...": a country set off by a comma right after a
# place (with at most three words: "miền Đông", "phía bắc") says where the place is
_LOCATING_GAP = re.compile(r"\s*,\s*(?:[^\W\d_]+\s+){0,3}")


def _locating(low: str, x: _A, acts: list[_A]) -> bool:
    if x.kind != "country":
        return False
    prev = max((y for y in acts if y.e <= x.s), key=lambda y: y.e, default=None)
    return prev is not None and prev.kind == "place" and prev.country in (None, x.country) \
        and _LOCATING_GAP.fullmatch(low, prev.e, x.s) is not None


def _carried_subject(low: str, lb: int, acts: list[_A]) -> _A | None:
    """The subject of the nearest earlier clause that has one (first actor of that clause; a
    country locating the place just before it is skipped: _locating)."""
    cuts = [0] + [m.end() for m in _COMMA_SEMI.finditer(low[:lb]) if not _inside(m.start(), acts)]
    bounds = list(zip(cuts, cuts[1:] + [lb]))
    for s, e in reversed(bounds):
        xs = [x for x in acts if x.s >= s and x.e <= e and x.kind != "place" and not x.members
              and not _locating(low, x, acts)]
        if xs:
            return min(xs, key=lambda x: x.s)
    return None


# "... kết thúc mà không có thỏa thuận nào", "chưa đạt được một lệnh ngừng bắn": a talk noun under a
# negated existential names no event, so it takes no time or length from its neighbours
_NONE_OF = re.compile(r"(?<!\w)(?:không|chưa)(?:\s+hề)?\s+(?:có|đạt|đạt được|đi đến)"
                      r"(?:\s+(?:được|một|bất kỳ|bất cứ))?\s+$")


# "chủ trì lễ đón chính thức và hội đàm với X": an event joined by "và" right before the trigger
# (a few words, no comma, no number between) shares its time rather than competing for it
# "Ngay trong ngày đầu tiên ngừng bắn (19/1), X đã thả ...": a day counted in another event's days
# is a time phrase of the clause, no event competing for its time
_DAY_OF = re.compile(r"(?<!\w)ngày\s+(?:đầu tiên|đầu|cuối cùng|cuối|thứ\s+\w+)\s+$")
_JOINED_BEFORE = re.compile(r"[^,;.:\d]{0,24}?\s+và\s+$")


def live_others(low: str, others: list[tuple[int, int]], ts: int = -1) -> list[tuple[int, int]]:
    """The other talk nouns of the sentence less those under a negated existential (_NONE_OF), the
    one joined to the trigger at ``ts`` by "và" (_JOINED_BEFORE) and those whose days are counted
    (_DAY_OF): the ones that compete for a time or a length by nearness."""
    return [(s, e) for s, e in others if _NONE_OF.search(low, max(0, s - 30), s) is None
            and not (e <= ts and _JOINED_BEFORE.fullmatch(low, e, ts)) and not _DAY_OF.search(low, max(0, s - 24), s)]


def _dist(s, e, ts, te) -> int:
    if e <= ts:
        return ts - e
    if s >= te:
        return s - te
    return 0


def _venue_between(low: str, te: int, pos: int, nearer, lex) -> bool:
    """"gặp nhau bên lề Hội nghị cấp cao APEC vào tháng 11 tại Hàn Quốc": the place and time of
    the venue event are also those of the event held on its sidelines."""
    if lex is None:
        return False
    return all(te <= os and oe <= pos and lex.ends["venue"].search(low, max(0, os - 25), os)
               for os, oe in nearer)


def courtesy_calls(left: list[_A], right: list[_A], names: list[str]) -> list[str]:
    """"X hội kiến Thủ tướng A và Chủ tịch Quốc hội B": courtesy calls on several leaders of one
    host country (not the caller's) are one call each: the objects to split on, or none."""
    if len(right) < 2 or not left:
        return []
    objs = [x.name for x in right if x.name in names and x.kind == "person" and not x.members]
    hosts = {x.country for x in right}
    if len(objs) != len(right) or len(hosts) != 1 or None in hosts or hosts & {x.country for x in left}:
        return []
    return objs


def _main_subject(low: str, pos: int, acts) -> _A | None:
    """"Trong khuôn khổ chuyến thăm Indonesia từ ngày 9-11/3, sáng 10/3, Tổng Bí thư X đã ...": after
    a fronted frame, the first actor of the main clause (past the frame's comma) when it is a person."""
    c = low.find(",", pos)
    if c < 0:
        return None
    nxt = min((x for x in acts if x.s > c), key=lambda x: x.s, default=None)
    return nxt if nxt is not None and nxt.kind == "person" and not nxt.members else None


_WHEN_OPEN = re.compile(r"\s*(?:khi|lúc|trong khi|sau khi|trước khi|ngay khi)\s+(?:đang\s+|đã\s+)?$")


def when_subject(low: str, ts: int, te: int, acts) -> _A | None:
    """"Khi tiếp Tổng thống Y tại Nhà Trắng hôm 17/10, ông X tỏ ra ...": a subjectless when-clause
    that opens its sentence (or the clause after a fronted comma: "Quả thật, khi tiếp ...") shares
    the main clause's subject, the first person after the when-clause's comma."""
    cs = low.rfind(",", 0, ts) + 1
    if not _WHEN_OPEN.fullmatch(low, cs, ts):
        return None
    return _main_subject(low, te, acts)


_COPULA = re.compile(r"(?<!\w)là\s+$")


def copula_subject(low: str, ts: int, acts: list[_A], refs, pkind: dict, countries: dict):
    """"Lần gần nhất hai nhà lãnh đạo trao đổi là cuộc điện đàm hôm 28/7", "Cuộc tiếp xúc gần nhất giữa
    X và Y là cuộc gặp ...": a nominal trigger right after "là" takes the actors of the clause before
    "là" (the persons named there or a plural reference): (names, focus_ref, focus_text)."""
    if not _COPULA.search(low, max(0, ts - 6), ts):
        return [], False, ""
    cs = max(low.rfind(",", 0, ts), low.rfind(";", 0, ts), low.rfind(".", 0, ts)) + 1
    xs = [x for x in acts if cs <= x.s and x.e <= ts and x.kind == "person" and not x.members]
    if len(xs) >= 2:
        for x in xs:
            pkind[x.name], countries[x.name] = "person", x.country
        return list(dict.fromkeys(x.name for x in xs)), False, ""
    r = refs.search(low, cs, ts) if not xs else None
    if r is not None and not any(x.s < r.end() and x.e > r.start() for x in acts if not x.members):
        return [], True, r.group()
    return [], False, ""


# "cùng Đoàn đại biểu cấp cao ...", "và Phu nhân": who travels with the leader (arrival)
_ESCORT = re.compile(r"\s+(?:cùng|cùng với|và)\s+(?:phu nhân|phu quân|đoàn đại biểu|đoàn công tác|đoàn)(?!\w)"
                     r"[^,;.]{0,40}?\s*$")
_ARRIVAL_TIME_GAP = 14     # characters between the destination and its time ("tới Israel sáng nay")


def arrival(sv, ts: int, te: int, lex) -> bool:
    """A bare movement verb is a trip only as a report of a leader's arrival abroad: a person named
    right before it ("Ông X tới", "Thủ tướng X đến"), a destination right after it in another country
    than the person's, and the time of the arrival right after the destination ("tới Israel sáng
    nay", "đến Hà Nội trưa 25/2") — never "hàng hóa xuất khẩu sang Mỹ" or "từ ngày 3 đến ngày 5".
    Checked before the sentence's hits are analysed (a failed one must not cut another's clause)."""
    acts = facts(sv, lex).acts
    dest = next((x for x in acts if te <= x.s <= te + 2 and x.kind in ("country", "place")), None)
    if dest is None:
        return False
    subj = next((x for x in reversed(acts) if x.e <= ts), None)
    esc = _ESCORT.search(sv.low, max(0, ts - 70), ts)
    if esc is not None:
        # "X cùng Đoàn đại biểu cấp cao Việt Nam tới Y", "X và Phu nhân đến Y": the leader travels
        # with those named after him (the delegation's country is no subject)
        lead = next((x for x in reversed(acts) if x.e <= esc.start()), None)
        if lead is not None and lead.e == esc.start() and all(x.kind != "person" for x in acts
                                                              if esc.start() <= x.s < ts):
            subj, ts = lead, lead.e
    if subj is None or subj.kind != "person" or subj.members or sv.low[subj.e:ts].strip():
        return False
    dest_country = dest.name if dest.kind == "country" else dest.country
    if not subj.country or not dest_country or subj.country == dest_country:
        return False
    for t in sv.sent.times:
        s0 = sv.from_doc(t.start)
        if 0 <= s0 - dest.e <= _ARRIVAL_TIME_GAP and not sv.low[dest.e:s0].strip(" ,("):
            return True
    return False


_SPEECH_GAP_STOP = re.compile(r"[,;:\"“”'‘’(]")


def speaker_subject(attr, sv, ts: int, acts: list[_A]) -> _A | None:
    """"Ông X cũng xác nhận sẽ thăm Trung Quốc vào tháng 4": a subjectless verb right after a person
    speaker's speech verb (a few modal words between, no comma, quote or other actor) is the
    speaker's own act."""
    if attr is None or not attr.name or not attr.cue:
        return None
    ae = sv.from_doc(attr.end)
    gap = sv.low[ae:ts] if 0 <= ae <= ts else ""
    if not gap or _SPEECH_GAP_STOP.search(gap) or len(gap.split()) > 6 or attr.cue.lower() not in gap:
        return None
    if any(ae <= x.s < ts for x in acts):
        return None
    return next((x for x in acts if x.name == attr.name and x.kind == "person" and not x.members and x.e <= ae), None)
