"""Scope: keep only diplomatic events (docs/EVENTS.md "Scope: what is a diplomatic event").

Runs on the document-level event records after they are built (``pipeline.analyze_and_extract``).
News about sports, business, culture or domestic administration is full of the words a diplomatic
extractor fires on ("đội tuyển Việt Nam gặp Thái Lan", "ký thỏa thuận với tập đoàn Nhật Bản",
"đoàn công tác Bộ Y tế thăm và làm việc tại Điện Biên"). A record is kept only when at least one of
its participants is a state-level actor:

* a person, organization or country the actor dictionary knows (a country only when it names the
  state: not "đội tuyển Việt Nam", "doanh nghiệp Hàn Quốc", "Hà Nội FC", nor the pronoun "Anh" at
  the start of a sentence in an article that never names the United Kingdom otherwise);
* an unknown person or body the language layer ties to a country ("Bộ Tài chính Mỹ").

Places (the dictionary's places, among them Vietnam's provinces, cities and stadiums; unknown
names after "sân", "tỉnh", "xã" ...) and countries that
only modify a non-state head noun are removed from the participants; a call, meeting or negotiation
left with fewer than two sides is dropped. An event whose sides are only countries (no person or
body of a state named) is dropped when every sentence telling it has a non-state head noun as its
actor ("Đội bóng lên đường sang Bangkok", "khách hàng từ Singapore đến thăm") and no state title.
The lexicon is data: ``data/events/scope.yaml``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from .textnorm import match_form

_WORD = re.compile(r"[^\W_][\w\-]*")
_CUT = re.compile(r"[,;:.()\"“”!?]| [–-] ")
_TALKS = frozenset(("phone_call", "meeting", "negotiation"))
_ACTING = frozenset(("person", "organization", "group"))


def _mf(s: str) -> str:
    return match_form(s).text


@dataclass
class ScopeLexicon:
    heads: list[tuple[str, ...]]        # non-state head nouns, as word tuples (longest first)
    links: set[str]
    link_pairs: set[tuple[str, str]]
    breaks: set[str]
    not_after: set[str]
    not_before: set[str]
    max_gap: int
    tails: set[str]
    pronoun_forms: set[str]
    place_cues: list[tuple[str, ...]]
    state_titles: list[tuple[str, ...]]
    min_story_heads: int
    home_country: str

    @classmethod
    def load(cls, res) -> "ScopeLexicon":
        raw = res.load_yaml("events/scope.yaml") or {}

        def words(items) -> list[tuple[str, ...]]:
            out = {tuple(_mf(x["text"] if isinstance(x, dict) else str(x)).split()) for x in items or []}
            return sorted(out, key=len, reverse=True)

        links = [tuple(_mf(x).split()) for x in raw.get("links") or []]
        return cls(heads=words(raw.get("non_state_heads")),
                   links={x[0] for x in links if len(x) == 1},
                   link_pairs={x for x in links if len(x) == 2},
                   breaks={_mf(x) for x in raw.get("breaks") or []},
                   not_after={_mf(x) for x in raw.get("not_after") or []},
                   not_before={_mf(x) for x in raw.get("not_before") or []},
                   max_gap=int(raw.get("max_gap") or 4),
                   tails={_mf(x["text"]) for x in raw.get("non_state_tails") or []},
                   pronoun_forms={x["text"] for x in raw.get("pronoun_forms") or []},
                   place_cues=words(raw.get("place_cues")),
                   state_titles=words(raw.get("state_titles")),
                   min_story_heads=int(raw.get("min_story_heads") or 3),
                   home_country=str(raw.get("home_country") or "Vietnam"))

    # ------------------------------------------------------------ word tests

    def __post_init__(self) -> None:
        self._by_last: dict[str, list[tuple[str, ...]]] = {}
        for h in self.heads:                  # longest first, per last word
            self._by_last.setdefault(h[-1], []).append(h)
        self._titles_by_first: dict[str, list[tuple[str, ...]]] = {}
        for t in self.state_titles:
            if t:
                self._titles_by_first.setdefault(t[0], []).append(t)

    def _head_at(self, ws: list[str], end: int) -> int | None:
        """The start of a head noun ending at word index ``end`` (exclusive), else None."""
        if end <= 0:
            return None
        for h in self._by_last.get(ws[end - 1], ()):
            n = len(h)
            if end - n >= 0 and tuple(ws[end - n:end]) == h:
                if end - n > 0 and ws[end - n - 1] in self.not_after:
                    return None
                if end < len(ws) and ws[end] in self.not_before:
                    return None           # "hãng tin", "hãng thông tấn": a source, not an actor
                return end - n
        return None

    def modifier(self, low_prefix: str, orig_prefix: str) -> bool:
        """The words right before a country (its clause, lower case ``low_prefix`` and as written
        ``orig_prefix``) end with a non-state head noun, up to ``max_gap`` lower-case words and the
        link words ("từ", "ở", "của") in between: "hãng sản xuất linh kiện Hàn Quốc"."""
        cut = max((m.end() for m in _CUT.finditer(low_prefix)), default=0)
        ws = _WORD.findall(low_prefix[cut:])
        ow = _WORD.findall(orig_prefix[cut:])
        if len(ow) != len(ws):
            ow = ws
        gap = 0
        caps = False               # a capitalized word in between: only inside a capitalized name
        i = len(ws)
        while i > 0:
            h = self._head_at(ws, i)
            if h is not None:
                return not caps or ow[h][:1].isupper()
            w = ws[i - 1]
            if i >= 2 and (ws[i - 2], w) in self.link_pairs:
                i -= 2
                continue
            if w in self.links:
                i -= 1
                continue
            if gap >= self.max_gap:
                return False
            if not ow[i - 1][:1].islower():
                caps = True
            elif w in self.breaks and not (w == "và" and i < len(ws) and ow[i][:1].isupper()):
                return False       # "Phòng Thương mại và Công nghiệp Việt Nam": "và" inside a name
            gap += 1
            i -= 1
        return False

    def count_heads(self, low_text: str, limit: int | None = None) -> int:
        """How many non-state head nouns the text names; with ``limit``, counting stops there."""
        ws = _WORD.findall(low_text)
        by_last, n = self._by_last, 0
        for i, w in enumerate(ws, 1):        # (only a head's last word can end one)
            if w in by_last and self._head_at(ws, i) is not None:
                n += 1
                if limit is not None and n >= limit:
                    break
        return n

    def subject_head(self, low_sentence: str) -> bool:
        """The sentence names a non-state head noun (its actor in these stories)."""
        return self.count_heads(low_sentence, 1) > 0

    def has_title(self, low_sentence: str) -> bool:
        """A state title ("thủ tướng", "bộ trưởng ngoại giao") occurs in the text (word-aligned)."""
        ws = _WORD.findall(low_sentence)
        by_first = self._titles_by_first
        for i, w in enumerate(ws):
            for t in by_first.get(w, ()):
                if tuple(ws[i:i + len(t)]) == t:
                    return True
        return False

    def place_cued(self, low_prefix: str) -> bool:
        ws = _WORD.findall(low_prefix[-30:])
        return any(len(ws) >= len(c) and tuple(ws[-len(c):]) == c for c in self.place_cues)


# ---------------------------------------------------------------- the check

def _event_sentences(rec: dict, sentences: list, bounds: tuple[list[int], list[int]] | None = None) -> list:
    """The sentences that overlap a mention of ``rec``, in document order. ``bounds``: the sentences'
    starts and ends when both are sorted (sentences in order, not nested): each span's sentences are
    then one range found by bisection instead of a test of every sentence."""
    spans = [(m.get("start"), m.get("end")) for m in rec.get("mentions") or [] if m.get("start") is not None]
    if bounds is None:
        return [s for s in sentences if any(a < s.end and s.start < b for a, b in spans)]
    starts, ends = bounds
    hit: set[int] = set()
    for a, b in spans:       # a < end (ends sorted: from the first end past a) and start < b
        hit.update(range(bisect.bisect_right(ends, a), bisect.bisect_left(starts, b)))
    return [sentences[i] for i in sorted(hit)]


def _sorted_bounds(sentences: list) -> tuple[list[int], list[int]] | None:
    starts, ends = [s.start for s in sentences], [s.end for s in sentences]
    ok = all(x <= y for x, y in zip(starts, starts[1:])) and all(x <= y for x, y in zip(ends, ends[1:]))
    return (starts, ends) if ok else None


def _unattributed(low: str, s, end: int | None = None) -> str:
    """The sentence (up to ``end``) without its source ("Hãng tin RIA Novosti dẫn lời ...": the
    agency is who tells it, not who acts)."""
    end = s.end if end is None else end
    at = s.attribution
    if at is None or not (s.start <= at.start < at.end <= s.end):
        return low[s.start:end]
    if at.start >= end:
        return low[s.start:end]
    return low[s.start:at.start] + " , " + low[at.end:max(end, at.end)]


def _sides_end(s, parts: list[str]) -> int:
    """Where the last mention of the record's countries in sentence ``s`` ends, when two or more of
    them are named there (else the sentence's end): a non-state head noun after both sides ("X thả
    20 tù nhân và Y nới lỏng cấm vận với tập đoàn Z") is an object of their
    predicates, not the actor of the event. With one country named, the actor may be the head noun
    ("một hãng mỹ phẩm đưa nam diễn viên Hàn Quốc sang thăm Đà Nẵng")."""
    named = [a for a in s.actors or () if a.kind == "country" and a.name in parts and s.start <= a.end <= s.end]
    if len({a.name for a in named}) < 2:
        return s.end
    return max(a.end for a in named)


def _after_actor(s, a) -> bool:
    """Another actor of the sentence ends right before ``a``: the word before ``a`` is that actor's
    last ("Bộ Ngoại giao Hàn Quốc Park Min": no "bản" there is no place cue, "Nhật Bản" is)."""
    return any(b is not a and b.end <= a.start and a.start - b.end <= 1 for b in s.actors or ())


def _body(db, name: str) -> bool:
    """The name starts with an organization head ("Bộ Xây dựng", "Hội đồng Tiền lương", "Ủy ban ...")."""
    low = _mf(name)
    return any(low.startswith(h + " ") for h in db.org_heads)


def _home(db, lex: "ScopeLexicon", name: str | None) -> bool | None:
    """Whether a dictionary name is of the home country (None: unknown to the dictionary)."""
    a = db.by_name(name) if name else None
    if a is None:
        return None
    return (a.name if a.kind == "country" else a.country) == lex.home_country


def _domestic_trip(db, lex: "ScopeLexicon", parts: list[str], kinds: dict, left: list[str], location) -> bool:
    """A visit of the home country's own leaders to a place of their country ("Chủ tịch nước thăm Bệnh
    viện Bạch Mai", "Thủ tướng thăm và làm việc tại tỉnh Quảng Ninh"): every side left is of the home
    country, and a place or body of the home country (or an unknown place) was a side or is the
    event's location; no foreign place."""
    if not left or not all(kinds[p] == "state" and _home(db, lex, p) for p in left):
        return False
    loc = location.get("name") if isinstance(location, dict) else location
    at_home = _home(db, lex, loc)
    if at_home is False:
        return False              # a foreign place: a trip abroad
    if at_home:                   # a province or city, not the country or its capital ("chuyến thăm
        la = db.by_name(loc)      # Việt Nam / Hà Nội" with the visitor unnamed is a foreign visit)
        at_home = la is not None and la.kind == "place"
    gone = [p for p in parts if p not in left]
    if any(_home(db, lex, p) is False for p in gone):
        return False
    return bool(gone) or bool(at_home)


def in_scope(doc, analysis, events: list[dict], res) -> list[dict]:
    """The records of ``events`` that are diplomatic events, with places and non-state countries
    removed from their participants (in place); the others are dropped."""
    if not events:
        return events
    lex: ScopeLexicon = res.scope
    db = res.actors
    text = doc.text
    low = text.lower()
    sentences = list(analysis.sentences or [])
    by_name: dict[str, list[tuple[Any, Any]]] = {}
    for s in sentences:
        for a in s.actors or ():
            for key in {a.name, a.text}:
                if key:
                    by_name.setdefault(key, []).append((s, a))
    memo: dict[Any, bool] = {}

    def modified(s, a) -> bool:
        key = (a.start, a.end)
        if key in memo:
            return memo[key]
        memo[key] = False
        pre_low, pre = low[s.start:a.start], text[s.start:a.start]
        res_ = lex.modifier(pre_low, pre)
        if not res_:
            nxt = _WORD.match(low, a.end + 1) if low[a.end:a.end + 1] == " " else None
            res_ = bool(nxt and nxt.group(0) in lex.tails)
        if not res_:
            # "khách hàng từ Singapore và Nhật Bản": a country coordinated with a modified one
            prev = [(s2, b) for s2, b in by_name_all if b.kind == "country" and b.end <= a.start
                    and b.end >= a.start - 5 and s2 is s]
            if prev and text[prev[-1][1].end:a.start].strip() in ("và", ",", "hoặc"):
                res_ = modified(*prev[-1])
        if not res_ and a.text in lex.pronoun_forms:
            res_ = text[s.start:a.start].strip(" \"“‘'(") == "" and \
                not any(b.kind == "country" and b.name == a.name and b.text not in lex.pronoun_forms
                        for _, b in by_name_all) and \
                not any(b.country == a.name and b.kind != "country" for _, b in by_name_all)
        memo[key] = res_
        return res_

    by_name_all = [(s, a) for s in sentences for a in s.actors or ()]

    def kind_of(p: str, sents: list) -> str:
        """state | unknown | place | modified | body"""
        ms = by_name.get(p) or []
        near = [(s, a) for s, a in ms if s in sents] or ms
        actor = db.by_name(p)
        if actor is not None:
            if actor.kind == "country":
                cms = [(s, a) for s, a in near if a.kind == "country" and a.via != "reference"]
                if cms and all(modified(s, a) for s, a in cms):
                    return "modified"
                return "state"
            return "place" if actor.kind == "place" else "state"
        if near and all(a.actor_id is None and lex.place_cued(low[max(s.start, a.start - 30):a.start])
                        and not _after_actor(s, a) for s, a in near):
            return "place"
        if any(a.kind in _ACTING and a.country and a.country != lex.home_country for _, a in near):
            return "state"        # an unknown official or body of a foreign state ("Bộ Tài chính Mỹ")
        if near and all(a.actor_id is None and a.kind == "organization" and _body(db, a.name or a.text)
                        for _, a in near):
            return "body"         # "Bộ Xây dựng", "Cục Quản lý": a domestic body the dictionary does not know
        return "unknown"

    # an article about sports, business or culture: non-state heads again and again, no state
    # title and no person of the dictionary anywhere; there a side of countries alone is a team's,
    # a firm's or a troupe's
    story: list[bool] = []          # computed once, when a record of countries alone asks

    def plain_story() -> bool:
        if not story:
            story.append(not any(a.kind == "person" and a.actor_id for _, a in by_name_all)
                         and not lex.has_title(low)
                         and lex.count_heads(low, lex.min_story_heads) >= lex.min_story_heads)
        return story[0]

    bounds = _sorted_bounds(sentences)
    kept = []
    for rec in events:
        parts = list(rec.get("participants") or [])
        sents = _event_sentences(rec, sentences, bounds)
        kinds = {p: kind_of(p, sents) for p in parts}
        left = [p for p in parts if kinds[p] in ("state", "unknown")]
        if not any(kinds[p] == "state" for p in left):
            continue
        if len(left) < len(parts) and rec.get("type") in _TALKS and len(left) < 2:
            continue
        only_countries = all((db.by_name(p) is not None and db.by_name(p).kind == "country")
                             for p in left if kinds[p] == "state")
        if only_countries and plain_story():
            continue
        if only_countries and sents and all(lex.subject_head(_unattributed(low, s, _sides_end(s, left)))
                                            and not lex.has_title(low[s.start:s.end]) for s in sents):
            continue
        if rec.get("type") == "visit" and _domestic_trip(db, lex, parts, kinds, left, rec.get("location")):
            continue
        if len(left) < len(parts):
            rec["participants"] = left
        kept.append(rec)
    return kept


__all__ = ["ScopeLexicon", "in_scope"]
