"""Document-context references: what an actor mention means given the rest of the document.

* ``_DocCtx``: role holders at the anchor date, corrected by the persons the document names when the
  anchor is unsure; historical persons (all dated roles ended more than ``historical_after_years``
  before the anchor, unless ``active: true``);
* ``_short_ref``: short names ("ông Tập", "Chủ tịch Tập", "ông Sơn") of a person the document
  names in full (``short_name: first|last`` in countries.yaml, per person in people.yaml);
* ``_resolve_context``: over the whole document in order, pronouns ("ông", "ông ấy"),
  counterparts ("người đồng cấp Mỹ": the holder in that country of the office of the last person
  or office named before it, ``_counterpart_anchor``; the country itself when that office has no
  known holder there), predecessors / successors ("người tiền nhiệm của bà"), bare titles ("Thủ
  tướng cho biết"), the host country (the venue of the visit in focus: its sentence, its
  paragraph, the headline and lead, then the last venue) and its leader, and groups ("hai nhà
  lãnh đạo", "hai bên", "hai nước"; in a conflict context the two sides).
"""
from __future__ import annotations

import bisect
import re

from ..models import ActorMention, Anchor, Sentence
from ..textnorm import match_form
from .actordb import LEADER_ROLES, Actor, ActorDB, Hit, _mention, _title_fits, _title_role


class _DocCtx:
    """Role resolution for one document: the holder at the anchor date, corrected by the persons the
    document names when the anchor is unsure (an article naming Trump that says "Tổng thống Mỹ" means
    Trump even if its inferred anchor is a stray year)."""

    def __init__(self, db: ActorDB, anchor: Anchor | None, named: dict[str, int],
                 first: dict[str, int] | None = None):
        self.db = db
        self.date = anchor.date if anchor is not None else None
        self.sure = anchor is not None and anchor.date is not None and anchor.confidence >= 0.6
        self.named = sorted(named, key=lambda a: -named[a])
        self.first = first or {}                 # person id -> offset of its first named mention
        self._hist: dict[str, bool] = {}
        self._holders: dict[tuple, Actor | None] = {}
        # does any person the document names count as historical? (when not, no mention can:
        # every mention of a known person by name / alias / short name comes from a named token)
        self.has_historical = any(self.historical(a) for a in named)

    def historical(self, actor_id: str | None) -> bool:
        """All the person's dated roles ended long (``historical_after_years``) before the anchor."""
        if not actor_id or not self.date:
            return False
        h = self._hist.get(actor_id)
        if h is None:
            a = self.db.actors.get(actor_id)
            h = False
            if a is not None and a.kind == "person" and a.roles and not a.active and \
                    all(r.end for r in a.roles):
                last = max(r.end for r in a.roles if r.end)
                try:
                    h = int(self.date[:4]) - int(last[:4]) > self.db.historical_years
                except ValueError:
                    h = False
            self._hist[actor_id] = h
        return h

    def holder(self, role: str, country: str | None, date: str | None = None, org: str | None = None) -> Actor | None:
        """The holder of ``role`` at the document's date (``date`` is not used: the context's own
        date is); one computation per (role, country, org) and document."""
        key = (role, country, org)
        try:
            return self._holders[key]
        except KeyError:
            h = self._holders[key] = self._holder(role, country, org)
            return h

    def _holder(self, role: str, country: str | None, org: str | None) -> Actor | None:
        if role in self.db.shared_roles:
            # "đặc phái viên Mỹ" when the state has several envoys: the one the document names by
            # name, else none (a title of many holders is no particular person)
            hs = self.db.holders(role, country, self.date)
            if len(hs) > 1:
                return next((a for aid in self.named for a in hs if a.id == aid), None)
        h = self.db.holder(role, country, self.date, org)
        if self.sure or not self.named:
            return h
        if h is not None and h.id in self.named:
            return h
        for aid in self.named:
            a = self.db.actors[aid]
            if any(r.role == role and r.country == country and (org is None or r.org in (None, org))
                   for r in a.roles):
                return a
        return h



def _short_ref(db: ActorDB, ctx: _DocCtx, text: str, word: str, s: int, e: int,
               role_hit: Hit | None, phrase_hit: Hit | None) -> ActorMention | None:
    """"ông Tập" / "Chủ tịch Tập" / "ông Sơn": the person named in full in this document whose short
    name (family name first for Sino/Korean names, last syllable for Vietnamese ones: countries.yaml
    ``short_name``) is ``word``; preferably named before. Two such persons: an unresolved candidate."""
    ids = [a for a in db.short.get(match_form(word).text, ()) if a in ctx.first]
    if not ids:
        return None
    before = [a for a in ids if ctx.first[a] < s]
    pool = before or ids
    if len(pool) > 1 and (role_hit is not None or phrase_hit is not None):
        fit = [a for a in pool if _title_fits(db.actors[a], role_hit, phrase_hit)]
        pool = fit or pool
    if len(pool) > 1:
        return ActorMention(start=s, end=e, text=text[s:e], actor_id=None, name=word, kind="person",
                            via="candidate", confidence=0.3)
    a = db.actors[pool[0]]
    return _mention(db, a, s, e, text, "alias", 0.9 if before else 0.75)



# ------------------------------------------------------------------------------------- context

_WITH = re.compile(r"(?<!\w)(?:với|cùng)\s", re.I)
_COORD = re.compile(r"\s*(?:và|với|cùng|-|–)\s*")
_OBLIQUE = ("của", "với", "giữa", "cho", "và", "về", "tới", "gặp", "mời", "thay", "cùng")
_PRONOUN_GENDER = {"bà": True, "ông": False, "ông ấy": False}
_QSPAN = re.compile(r'"[^"]*"|“[^”]*”|\([^()]*\)')


def _shielded(text: str, sent: Sentence) -> list[tuple[int, int]]:
    """Spans of quotations and parentheses in the sentence (absolute offsets)."""
    st = sent.text
    if '"' not in st and "“" not in st and "(" not in st:
        return []
    return [(sent.start + m.start(), sent.start + m.end()) for m in _QSPAN.finditer(st)]


def _oblique(text: str, sent: Sentence, m: ActorMention) -> bool:
    """The word before the mention makes it an oblique (not subject) one: "của", "với" ..."""
    words = text[max(sent.start, m.start - 12):m.start].split()
    return bool(words) and words[-1].lower() in _OBLIQUE


def _is_person(m: ActorMention) -> bool:
    return m.kind == "person" and (m.actor_id is not None or (m.via == "candidate" and bool(m.name)))


def _same(a: ActorMention | None, b: ActorMention | None) -> bool:
    if a is None or b is None:
        return False
    if a.actor_id or b.actor_id:
        return a.actor_id == b.actor_id
    return a.name == b.name


def _last_pending(sentences: list[Sentence], pending: list) -> int:
    """The index of the last sentence holding a pending mention: nothing is resolved after it, so
    ``_resolve_context`` stops there (the whole document when the sentence is not found)."""
    ids = {id(p[0]) for p in pending}
    return max((i for i, sx in enumerate(sentences) if id(sx) in ids), default=len(sentences) - 1)


_SOURCE_BEFORE = re.compile(r"(?<!\w)theo\s+$", re.I)


def _counterpart_anchor(db: ActorDB, text: str, s: Sentence, m: ActorMention, country: str, skip):
    """Who "người đồng cấp <country>" (``m``) is counterpart to, in its sentence: the last person
    mention before it that is not of ``country`` (nor ``skip``: historical, a journalist), or the
    string of an unlisted office ("Tổng giám đốc tác chiến quân sự của Pakistan", "Thứ trưởng
    Quốc phòng Nga") written after that person outside any mention; None when neither."""
    anchor = None
    for x in s.actors:
        if x.start >= m.start:
            break
        if x.kind != "person" or (country is not None and x.country == country) or skip(x) or \
                _SOURCE_BEFORE.search(text, max(s.start, x.start - 8), x.start):
            continue                  # "Theo ông Peskov, X mời người đồng cấp Mỹ": a source, no anchor
        if x.actor_id or x.name or x.via == "role":       # not an unresolved pronoun / reference
            anchor = x
    if db.office_re is None:
        return anchor
    lo = anchor.end if anchor is not None else s.start
    spans = [(x.start, x.end) for x in s.actors if x.start < m.start]
    office = None
    for o in db.office_re.finditer(text[lo:m.start].lower()):
        a = lo + o.start()
        if o.group(0) in db.unlisted_offices and not any(b <= a < e for b, e in spans):
            office = o.group(0)
    return office if office is not None else anchor


def _anchor_role(db: ActorDB, x: ActorMention, date: str | None) -> str | None:
    """The office of the person a counterpart is counterpart to: their dated role, or for a role
    mention without a known holder ("Bộ trưởng Quốc phòng Pakistan") the role of its title."""
    if x.actor_id:
        r = db.role_of(x.actor_id, date)
        if r is None and date:
            # not in office on that day (a president-elect, a former leader): the office they held
            # last before it, else the one they take next ("ông Trump khuyên người đồng cấp Nga" in
            # November 2024)
            roles = [y for y in db.actors[x.actor_id].roles if y.start]
            past = [y for y in roles if y.start[:10] <= date[:10]]
            r = max(past, key=lambda y: y.start) if past else min(roles, key=lambda y: y.start, default=None)
        return r.role if r else None
    if x.via != "role":
        return None
    for _, _, hits in db.lookup(x.text):
        t = next((h.ref for h in hits if h.type == "title"), None)
        if t is not None and (not t.get("countries") or x.country in t["countries"]):
            return _title_role(t, x.country)
    return None


def _resolve_context(db: ActorDB, text: str, sentences: list[Sentence], ctx: _DocCtx, pending: list) -> None:
    if not pending:
        return
    date = ctx.date
    # document salience of persons (resolved ones)
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    # gender as the document writes it: "bà Takaichi" (anywhere in the document) is a woman, "ông
    # Albanese" a man; the pronouns "bà" / "ông" never take a person of the other one
    female: set[str] = set()
    male: set[str] = set()
    for s in sentences:
        w = 3 if s.role in ("title", "lead") else 1      # the headline and lead set the focus
        for m in s.actors:
            if m.kind == "person" and m.actor_id:
                counts[m.actor_id] = counts.get(m.actor_id, 0) + w
                first.setdefault(m.actor_id, m.start)
                if m.via in ("name", "alias"):
                    h = m.text[:4].lower()
                    if h.startswith("bà "):
                        female.add(m.actor_id)
                    elif h == "ông ":
                        male.add(m.actor_id)
    ranked = sorted(counts, key=lambda a: (-counts[a], first[a]))

    def ever(a: str, roles) -> bool:
        return any(r.role in roles for r in db.actors[a].roles)

    focus_cache: dict[tuple, list[str]] = {}

    def focus(roles=None) -> list[str]:
        """The two most-mentioned persons holding (at any time: the anchor may be unsure) one of
        ``roles``, or a leader role (a copy: one computation per ``roles`` and document)."""
        roles = tuple(roles) if roles else LEADER_ROLES
        pool = focus_cache.get(roles)
        if pool is None:
            pool = [a for a in ranked if ever(a, roles) and not ctx.historical(a)]
            if len(pool) < 2:
                pool = pool + [a for a in ranked if a not in pool]
            pool = focus_cache[roles] = pool[:2]
        return list(pool)

    np_cache: dict[int, bool] = {}

    def non_party(x: ActorMention) -> bool:
        """A journalist / photographer ("phóng viên Minh Khôi"): reports, never a side."""
        if x.kind != "person" or not db.non_party:
            return False
        v = np_cache.get(x.start)
        if v is None:
            pre = " ".join(text[max(0, x.start - 24):x.start].lower().split())
            v = np_cache[x.start] = any(pre.endswith(c) for c in db.non_party)
        return v

    def is_side(x: ActorMention) -> bool:
        if x.kind == "country":
            return True
        if x.kind != "organization":
            return False
        a = db.actors.get(x.actor_id) if x.actor_id else None
        return a is None or a.subkind != "media"

    def recent_pair(sent_idx: int, pos: int, persons_only: bool, roles=None,
                    sides: bool = False, back: int = 2) -> list[ActorMention] | None:
        """The participants of the event in focus: two actors coordinated just before ("Moscow và
        Kiev", "giữa ông A và ông B") or a subject and the actor after "với/cùng" ("X hội đàm với
        Y"), in this sentence before ``pos`` or in the ``back`` previous ones."""
        for k in range(back + 1):             # this sentence, then the previous ones
            if sent_idx - k < 0:
                break
            key = (sent_idx - k, pos if k == 0 else None, persons_only,
                   tuple(roles) if roles else None, sides)
            if key not in pair_cache:
                pair_cache[key] = scope_pair(sentences[sent_idx - k], pos if k == 0 else None,
                                             persons_only, roles, sides)
            if pair_cache[key] is not None:
                return pair_cache[key]
        return None

    pair_cache: dict = {}

    base_cache: dict[int, list[ActorMention]] = {}

    def scope_pair(sc: Sentence, pos: int | None, persons_only: bool, roles, sides: bool) -> list[ActorMention] | None:
        base = base_cache.get(id(sc))
        if base is None:
            base = base_cache[id(sc)] = [
                m for m in sc.actors if m.name and m.kind != "group" and m.kind != "place" and
                (m.kind != "person" or not (ctx.historical(m.actor_id) or non_party(m)))]
        if len(base) < 2:
            return None
        ms = [m for m in base if (pos is None or m.end <= pos) and
              (m.kind == "person" or not persons_only) and (not sides or is_side(m)) and
              (not roles or (m.actor_id is not None and ever(m.actor_id, roles)))]
        if len(ms) < 2:
            return None
        for a, b in reversed(list(zip(ms, ms[1:]))):
            c = _COORD.match(text, a.end)
            if a.name != b.name and c and c.end() == b.start \
                    and not (a.country and b.country and a.country == b.country):   # two sides
                if a.kind == b.kind or not persons_only:
                    return [a, b]
        st = sc.text
        withs = [sc.start + w.end() for w in _WITH.finditer(st)] if "với" in st or "cùng" in st else []
        # "X gặp / hội kiến / tiếp Y" (``pair_verbs``): the object right after the verb
        verbs = {sc.start + v.end() for v in db.pair_verb_re.finditer(st)} if db.pair_verb_re is not None else ()
        if verbs:
            withs = sorted({*withs, *verbs})
        if not withs:
            return None
        for yi, y in enumerate(ms):
            if yi == 0:
                continue
            # "X ... với [titles] Y": "với" before Y, no other actor of Y's kind in between
            wi = bisect.bisect_right(withs, y.start) - 1
            if wi < 0 or withs[wi] < y.start - 60:
                continue
            we = withs[wi]
            if we in verbs and we != y.start and not (we < y.start and _WITH.match(text, we)):
                continue                      # a verb's object is the actor right after it
            if any(z.kind == y.kind and we <= z.start < y.start for z in ms):
                continue
            x = next((x for x in ms[:yi] if x.kind == y.kind and x.name != y.name and
                      not _oblique(text, sc, x) and not (x.country and x.country == y.country)), None)
            if x is not None:
                return [x, y]
        return None

    sides_cache: list = []

    def doc_sides() -> list[str] | None:
        """The two sides the document opposes most often: pairs of countries / organizations joined
        by "và", "-", "với" ("Israel và Hamas", "Nga - Ukraine"), the headline and lead counting 3."""
        if not sides_cache:
            cnt: dict[tuple[str, str], int] = {}
            for sx in sentences:
                w = 3 if sx.role in ("title", "lead") else 1
                acts = sx.actors
                if len(acts) < 2:
                    continue
                for a, b in zip(acts, acts[1:]):
                    if b.start - a.end > 6 or not a.name or not b.name or not is_side(a) or not is_side(b):
                        continue
                    c = _COORD.match(text, a.end)
                    if c and c.end() == b.start and a.name != b.name:
                        key = (a.name, b.name)
                        cnt[key] = cnt.get(key, 0) + w
            merged: dict[frozenset, tuple[int, tuple[str, str]]] = {}
            for k, v in cnt.items():
                fk = frozenset(k)
                old = merged.get(fk)
                merged[fk] = ((old[0] if old else 0) + v, old[1] if old else k)
            best = max(merged.values(), key=lambda x: x[0], default=None)
            sides_cache.append(list(best[1]) if best else None)
        return sides_cache[0]

    top_cache: dict[bool, list[str]] = {}

    def top_sides(countries_only: bool) -> list[str]:
        """The two most-mentioned countries (or sides) of the document, the headline and lead
        counting 3; persons count for their country."""
        if countries_only in top_cache:
            return top_cache[countries_only]
        cnt: dict[str, int] = {}
        order: dict[str, int] = {}
        for sx in sentences:
            w = 3 if sx.role in ("title", "lead") else 1
            for x in sx.actors:
                if x.kind == "person" and x.actor_id and not ctx.historical(x.actor_id) and x.country:
                    nm = x.country
                elif x.name and (x.kind == "country" or (not countries_only and is_side(x))):
                    nm = x.name if x.kind != "country" or not x.country else x.country
                else:
                    continue
                cnt[nm] = cnt.get(nm, 0) + w
                order.setdefault(nm, x.start)
        top_cache[countries_only] = sorted(cnt, key=lambda c: (-cnt[c], order[c]))[:2]
        return top_cache[countries_only]

    has_cue: dict[int, bool] = {}
    heads = [k for k, sx in enumerate(sentences[:6]) if sx.role in ("title", "lead")]

    def cue_in(k: int) -> bool:
        v = has_cue.get(k)
        if v is None:
            sx = sentences[k]
            v = has_cue[k] = db.conflict_re.search(text, sx.start, sx.end) is not None
        return v

    conflict_at: dict[int, bool] = {}

    def conflict(si: int) -> bool:
        if db.conflict_re is None:
            return False
        v = conflict_at.get(si)
        if v is None:
            v = conflict_at[si] = any(cue_in(k) for k in (si, si - 1, si - 2) if k >= 0) or \
                any(cue_in(k) for k in heads)
        return v

    def recent_holders(sent_idx: int, pos: int, roles, back: int = 2) -> list[ActorMention] | None:
        """The last two persons of different countries who (ever) held ``roles``, named together in
        one sentence: this one before ``pos`` or one of the two previous ones ("X hội đàm với Y. Hai
        ngoại trưởng ..."). Two leaders named in different sentences ("ông A viết rằng ...", then
        "Reuters dẫn lời ông B ...") are no pair in focus."""
        for k in range(sent_idx, max(-1, sent_idx - back - 1), -1):
            seen: list[ActorMention] = []
            for x in reversed(sentences[k].actors):
                if k == sent_idx and x.start >= pos:
                    continue
                if x.kind == "person" and x.actor_id and ever(x.actor_id, roles) and \
                        not ctx.historical(x.actor_id) and not non_party(x) and \
                        all(y.actor_id != x.actor_id and y.country != x.country for y in seen):
                    seen.append(x)
                    if len(seen) == 2:
                        return [seen[1], seen[0]]
        return None

    def venue(m: ActorMention, at: bool = False) -> str | None:
        """The country of a venue: a place, or a country / capital after a ``venue_cues`` word
        (``at``: only "where it happens" cues, for a place too: "tại", "ở")."""
        if m.via == "reference" or m.kind not in ("place", "country") or not m.country:
            return None
        if m.kind == "place" and not at:
            return m.country
        cue = db.at_re if at else db.venue_re
        return m.country if cue is not None and cue.search(text, max(0, m.start - 24), m.start) else None

    main_cache: list = []

    def main_venue() -> str | None:
        """The venue of the visit the document reports: the first one of the headline and lead."""
        if not main_cache:
            main_cache.append(next((v for sx in sentences if sx.role in ("title", "lead")
                                    for x in sx.actors if (v := venue(x))), None))
        return main_cache[0]

    def host_country(sent_idx: int, pos: int) -> str | None:
        """The country of the venue in focus at ``pos``: the last one before it in its sentence, one
        after it in its sentence after "tại/ở", the last one in the sentences before it in its
        paragraph, the headline and lead's (the visit the document reports), the last one before."""
        s0 = sentences[sent_idx]
        for m in reversed(s0.actors):
            if m.start < pos and (v := venue(m)):
                return v
        for m in s0.actors:
            if m.start > pos and (v := venue(m, at=True)):
                return v
        k = sent_idx - 1
        while k >= 0 and sentences[k].paragraph == s0.paragraph:
            for m in reversed(sentences[k].actors):
                if v := venue(m):
                    return v
            k -= 1
        if v := main_venue():
            return v
        for k in range(k, -1, -1):
            for m in reversed(sentences[k].actors):
                if v := venue(m):
                    return v
        return None

    def pronoun_src(s: Sentence, m: ActorMention, arg: str | None, shield, subject, carried) -> tuple:
        """The person a pronoun ("ông", "bà", "ông ấy"; None: any) stands for, and the confidence."""
        if any(a <= m.start < b and text[a] != "(" for a, b in shield):
            # "ông ấy" inside a quotation: the speaker talks about someone else
            spk = next((x for x in s.actors if _is_person(x) and x.name and x is not m and
                        not any(a <= x.start < b for a, b in shield)), None) \
                or subject or prev_subject or last_person
            return next((x for x in reversed(history) if not _same(x, spk)), None), 0.5
        if _oblique(text, s, m):
            src = last_person
        elif subject is not None:
            src = subject
        else:
            src = prev_subject or last_person
        if src is not None and (female or male) and arg in _PRONOUN_GENDER:
            other = male if _PRONOUN_GENDER[arg] else female
            if src.actor_id in other or (_PRONOUN_GENDER[arg] and female and src.actor_id not in female):
                # "ông Chính gặp Thủ tướng Takaichi, ngay sau khi bà nhậm chức": the
                # latest person of the pronoun's gender (a known woman for "bà")
                want = female if _PRONOUN_GENDER[arg] else None
                src = next((x for x in reversed(history) if x.actor_id not in other and
                            (want is None or x.actor_id in want)), None)
        return src, (0.6 if carried else 0.75)

    def counterpart(s: Sentence, m: ActorMention, country: str) -> tuple[Actor | None, float]:
        """"người đồng cấp X": the holder in X of the office of the person it is counterpart to
        (``_counterpart_anchor``: the last person or office named before it in the sentence, else
        the last person in context), X's leader for a leader without an equal in X, X itself for an
        office with no known holder there (a general, a deputy minister) or an unknown anchor."""
        anchor = _counterpart_anchor(db, text, s, m, country, lambda x: ctx.historical(x.actor_id) or non_party(x))
        if anchor is None:           # the last person before the sentence (its own were ruled out)
            anchor = next((x for x in reversed(history) if x.start < s.start and x.country != country and
                           not ctx.historical(x.actor_id) and not non_party(x)), None)
        role = _anchor_role(db, anchor, date) if isinstance(anchor, ActorMention) else None
        if role is not None:
            h = ctx.holder(role, country, date)
            if h is None and role in LEADER_ROLES:
                h = ctx.holder(db.leader_role(country), country, date)
            if h is not None:
                return h, 0.8
        return db.by_canonical.get(country), 0.7

    def bare_counterpart(s: Sentence, m: ActorMention) -> Actor | None:
        """"người đồng cấp" alone: the person of another country the document names who holds
        the office of the one it is counterpart to (``_counterpart_anchor``, else the last person);
        for a leader without such a person, the other leader in focus; nobody for an office with no
        dated holders ("Tổng giám đốc tác chiến ... gọi cho người đồng cấp") or an unknown person."""
        anchor = _counterpart_anchor(db, text, s, m, None, lambda x: ctx.historical(x.actor_id) or non_party(x))
        if anchor is None:
            anchor = next((x for x in reversed(history) if x.start < s.start), None)
        if isinstance(anchor, str):
            return None
        role = _anchor_role(db, anchor, date) if anchor is not None else None
        if anchor is not None and role is None:
            return None
        if role is not None:
            a = next((db.actors[y] for y in ranked if y != anchor.actor_id and ever(y, (role,)) and
                      (not anchor.country or db.actors[y].country != anchor.country) and
                      not ctx.historical(y)), None)
            if a is not None or role not in LEADER_ROLES:
                return a
        other = [a for a in focus() if anchor is None or (a != anchor.actor_id and not (
            anchor.country and db.actors[a].country == anchor.country))]
        return db.actors[other[0]] if other else None

    pend = {id(m): (kind, arg) for _, m, kind, arg in pending}
    last_person: ActorMention | None = None      # the last person mentioned (outside quotes)
    history: list[ActorMention] = []             # persons mentioned outside quotes, in order
    prev_subject: ActorMention | None = None     # the subject of the previous sentence
    last_para = -1
    stop = _last_pending(sentences, pending)
    for si, s in enumerate(sentences):
        if si > stop:
            break
        carried = s.paragraph != last_para
        last_para = s.paragraph
        shield = _shielded(text, s)
        subject: ActorMention | None = None
        for m in s.actors:
            p = pend.get(id(m))
            if p is not None:
                kind, arg = p
                if kind == "pronoun" and arg == "người đồng cấp":
                    a = bare_counterpart(s, m)
                    if a is not None:
                        m.actor_id, m.name, m.country, m.confidence = a.id, a.name, a.country, 0.6
                elif kind == "pronoun":
                    src, conf = pronoun_src(s, m, arg, shield, subject, carried)
                    if src is not None:
                        m.actor_id, m.name, m.country, m.confidence = src.actor_id, src.name, src.country, conf
                elif kind == "relation":
                    # "người tiền nhiệm của bà": the pronoun's person (or, alone, the subject in
                    # context), then the previous / next holder of that person's office
                    src, conf = pronoun_src(s, m, arg.get("pron"), shield, subject, carried)
                    h = db.relative(src.actor_id, arg["relation"], date) if src is not None and src.actor_id else None
                    if h is not None:
                        m.actor_id, m.name, m.country, m.confidence = h.id, h.name, h.country, min(conf, 0.7)
                elif kind == "counterpart":
                    h, conf = counterpart(s, m, arg)
                    if h is not None:
                        m.actor_id, m.name, m.kind, m.country, m.confidence = h.id, h.name, h.kind, \
                            (h.name if h.kind == "country" else h.country), conf
                elif kind == "concurrent":
                    # the person the next title names ("Tổng Bí thư, Chủ tịch nước Tô Lâm")
                    nxt = next((x for x in s.actors if x.start > m.start), None)
                    if nxt is not None and nxt.kind == "person" and nxt.actor_id and pend.get(id(nxt)) is None:
                        m.actor_id, m.name, m.country, m.confidence = nxt.actor_id, nxt.name, nxt.country, nxt.confidence
                elif kind == "title_ref":
                    roles = {arg["role"], *((arg.get("overrides") or {}).values())}
                    holders = [a for a in ranked if any(r.role in roles for r in db.actors[a].roles)]
                    # a paragraph that opens on a bare title ("Cùng ngày, Thủ tướng dự ...") when
                    # the document names several holders of it: the document's protagonist (the
                    # most-mentioned holder, headline and lead counting 3), not the other leader
                    # who spoke last in the paragraph before
                    ctxs = (subject,) if carried and len(holders) > 1 else (subject, prev_subject, last_person)
                    cands = [x for x in ctxs if x is not None and x.actor_id]
                    pick = next((x for x in cands if any(r.role in roles for r in db.actors[x.actor_id].roles)), None)
                    if pick is not None and pick is last_person and pick is not subject and pick is not prev_subject \
                            and pick.country != "Vietnam":
                        # "X sẽ hội đàm với Thủ tướng Y. Thủ tướng cũng dự kiến ...": holders of both
                        # countries named just before; the bare title is Vietnam's (the press names a
                        # foreign holder with the title and the name)
                        since = sentences[si - 1].start if si > 0 else s.start
                        own = next((x for x in reversed(history) if x.start >= since and x.actor_id
                                    and x.country == "Vietnam" and not ctx.historical(x.actor_id)
                                    and any(r.role in roles for r in db.actors[x.actor_id].roles)), None)
                        if own is not None:
                            pick = own
                    if pick is None and holders and (len(holders) == 1 or len(ctxs) == 1):
                        live = [h for h in holders if not ctx.historical(h)] or holders
                        # Vietnamese press names a foreign holder with the title and the name
                        # ("Thủ tướng Carney"); a bare title among several holders is Vietnam's
                        own = [h for h in live if db.actors[h].country == "Vietnam"]
                        a = db.actors[(own or live)[0]]
                        pick = ActorMention(0, 0, "", a.id, a.name, "person", country=a.country)
                    if pick is not None:
                        m.actor_id, m.name, m.country, m.confidence = pick.actor_id, pick.name, pick.country, 0.6
                elif kind in ("host_country", "host_role"):
                    hc = host_country(si, m.start)
                    if hc is not None:
                        if kind == "host_country":
                            a = db.by_canonical.get(hc)
                            m.actor_id, m.name, m.country = (a.id if a else None), hc, hc
                            m.confidence = 0.7
                        else:
                            role = _title_role(arg, hc) if arg else db.leader_role(hc)
                            h = ctx.holder(role, hc, date, arg.get("org") if arg else None)
                            if not arg and (h is None or h.id not in counts):
                                # "nhà lãnh đạo nước chủ nhà": the host's leader the document names
                                h = next((db.actors[a] for a in ranked if db.actors[a].country == hc and
                                          ever(a, LEADER_ROLES) and not ctx.historical(a)), h)
                            m.country = hc
                            if h is not None:
                                m.actor_id, m.name, m.confidence = h.id, h.name, 0.7
                elif kind == "group":
                    want = arg.get("members")
                    if want != "persons" and conflict(si):
                        # "hai bên" in a conflict: the two sides (countries, armed groups), not
                        # the mediators or envoys who happen to be mentioned
                        sp = recent_pair(si, m.start, False, None, sides=True)
                        names = [x.country if want == "countries" and x.country else x.name for x in sp] \
                            if sp else (doc_sides() or top_sides(want == "countries"))
                        if names:
                            local = recent_pair(si, m.start, True) or recent_holders(si, m.start, LEADER_ROLES)
                            if local and {x.country for x in local} == set(names):
                                names = None  # the leaders of those two sides are the ones in focus
                        if names and len(set(names)) == 2:
                            m.members = list(names)
                            m.confidence = 0.8 if sp else 0.75
                            continue
                    roles = tuple(arg["roles"]) if arg.get("roles") else LEADER_ROLES
                    pair = None
                    if want != "countries":
                        # "Sau khi bà A nhậm chức, ông B gửi điện mừng và hai nhà lãnh đạo điện đàm":
                        # two leaders this sentence names before the reference are the pair, before
                        # the pair of an earlier sentence's event
                        pair = recent_pair(si, m.start, want == "persons", arg.get("roles"), back=0) \
                            or recent_holders(si, m.start, roles, back=0)
                    if pair is None:
                        pair = recent_pair(si, m.start, want == "persons", arg.get("roles"))
                    if pair is None and want != "countries":
                        pair = recent_holders(si, m.start, roles)
                    if pair is not None and want != "countries":
                        m.members = [x.name for x in pair]
                        m.confidence = 0.8
                    elif pair is not None and all(x.country for x in pair) and pair[0].country != pair[1].country:
                        m.members = [x.country for x in pair]
                        m.confidence = 0.8
                    elif want == "countries" and len(top_sides(True)) == 2:
                        m.members = top_sides(True)
                        m.confidence = 0.7
                    elif want == "countries":
                        ms = []
                        for a in focus():
                            c = db.actors[a].country
                            if c and c not in ms:
                                ms.append(c)
                        m.members = ms
                        m.confidence = 0.7 if len(m.members) == 2 else 0.3
                    else:
                        m.members = [db.actors[a].name for a in focus(arg.get("roles"))]
                        m.confidence = 0.7 if len(m.members) == 2 else 0.3
            if m.kind == "person" and (m.actor_id is not None or (m.via == "candidate" and bool(m.name))) \
                    and (not shield or not any(a <= m.start < b for a, b in shield)):   # _is_person(m)
                last_person = m
                if not history or not _same(history[-1], m):
                    history.append(m)
                if subject is None and not _oblique(text, s, m):
                    subject = m
        if subject is not None:
            prev_subject = subject
        elif carried:
            prev_subject = None
