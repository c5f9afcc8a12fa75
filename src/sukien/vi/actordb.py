"""The actor dictionary: data loading, the automaton, dated roles.

``ActorDB.load(res)`` reads ``data/actors/{people,countries,institutions,places,roles,references}.yaml``
and builds ONE Aho–Corasick automaton over the matching form (``textnorm.match_form``: NFC, one tone
placement, lower case) of every alias, title and reference phrase. Keys and text are padded with
spaces and punctuation is turned into spaces, so a key matches whole syllables only. An alias shared
by two entries must be declared in ``references.yaml`` ``ambiguous_aliases``; undeclared ones are
listed in ``ActorDB.collisions`` (the data tests fail on them).

Queries: ``get``, ``by_name``, ``country_of``, ``holder(role, country, date, org)`` (dated roles),
``role_of``, ``leader_role``, ``lookup``. Scanning (``_scan``, ``_raw_all``, ``_select``) gives the
tokens that ``actors.find_actors`` composes into mentions.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date as _date, timedelta as _timedelta
from operator import itemgetter
from typing import Any

import ahocorasick
import yaml

from ..models import ActorMention
from ..textnorm import match_form, old_tone_form

_ISO_PREFIX = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LEADER_ROLES = ("head_of_state", "head_of_government", "party_general_secretary", "crown_prince")
_ROLE_PRIORITY = {r: i for i, r in enumerate((
    "head_of_state", "head_of_government", "party_general_secretary", "foreign_minister",
    "crown_prince", "vice_president", "defense_minister", "national_security_advisor",
    "secretary_general", "parliament_speaker", "senate_president", "deputy_head_of_security_council", "envoy",
    "presidential_aide", "spokesperson", "cia_director", "pope"))}
_NONWORD = re.compile(r"[^\w]")


# ------------------------------------------------------------------------------------- records

@dataclass
class Role:
    role: str
    country: str | None
    start: str | None
    end: str | None
    org: str | None = None

    def active(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        d = date[:10]
        if self.start and d < self.start[:len(d)] and not self.start.startswith(d):
            return False
        if self.end and d >= self.end[:len(d)] and not self.end.startswith(d):
            return False
        return True


@dataclass
class Actor:
    id: str
    name: str
    kind: str                   # person | country | organization | place
    country: str | None
    aliases: list[str]
    roles: list[Role] = field(default_factory=list)
    subkind: str | None = None  # institution kind / place kind
    capitals: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    example: str = ""
    source: str = ""            # data file
    short_name: str | None = None   # "first" | "last": the word of the full name used alone ("ông Tập")
    active: bool = False        # still in public life after the last dated role (never historical)
    # an institution of one country whose bare alias the press also uses for another country's
    # ("Bộ Ngoại giao" is Vietnam's, "Bộ Ngoại giao Nhật Bản" Japan's): the generic English name
    # ("Ministry of Foreign Affairs") of the body followed directly by another country
    of_country: str | None = None


@dataclass
class Hit:
    """What one automaton key means (a key may mean several things)."""
    type: str                   # actor | capital | demonym | title | phrase | cprefix | group | pronoun | honorific
                                # | host | relation
    ref: Any                    # actor id | role dict | resolve dict ...
    cap: bool = False           # one-word alias with an upper-case initial: text must be upper case too
    upper: bool = False         # short all-caps acronym: text must be all caps
    alias: str = ""
    cap_last: bool = False      # "nước Pháp": a lower-case word + a capitalized name; the text's last
                                # word must be capitalized too ("nhà nước pháp quyền" is no country)


_PLAIN_TYPES = frozenset(("actor", "capital", "demonym"))


def _first_of(by: dict[str, tuple[int, Hit]], types: tuple[str, ...]) -> Hit | None:
    """The hit that comes first in the hit list among the first hits of ``types``."""
    best = None
    for t in types:
        x = by.get(t)
        if x is not None and (best is None or x[0] < best[0]):
            best = x
    return best[1] if best is not None else None


class _KeyInfo:
    """What one hit list means, computed once per automaton key (``ActorDB._finish``) and shared,
    read-only, by every token of that key: the first hit of each type (``by`` with its index,
    ``first``), whether all hits are plain names, the hits ``_plain`` and a chain start would take,
    and, for keys with case-restricted hits, the filtered variant for each case of the text."""
    __slots__ = ("hits", "by", "first", "plain", "plain_hit", "act_cap", "starter", "case", "any_upper", "variants",
                 "persons", "chain", "person_first", "cap_last", "org_free")

    def __init__(self, hits: list[Hit], variants: bool = True, actors: dict | None = None):
        by: dict[str, tuple[int, Hit]] = {}
        plain = True
        for i, h in enumerate(hits):
            by.setdefault(h.type, (i, h))
            if h.type not in _PLAIN_TYPES:
                plain = False
        self.hits = hits
        self.by = by
        self.first = {t: h for t, (_, h) in by.items()}
        self.plain = plain
        self.plain_hit = _first_of(by, ("actor", "capital", "demonym"))
        self.act_cap = _first_of(by, ("actor", "capital"))
        self.starter = _first_of(by, ("title", "phrase", "cprefix", "honorific", "pronoun"))
        self.case = any(h.upper or h.cap or h.cap_last for h in hits)
        self.cap_last = any(h.cap_last for h in hits)     # the case test reads the last word
        self.any_upper = any(h.upper for h in hits)
        # the person ids among the hits (one per "actor" hit of a person), in hit order
        self.persons = tuple(h.ref for h in hits if h.type == "actor" and actors[h.ref].kind == "person") \
            if actors is not None else ()
        # what a title chain reads from a token (``actors._compose``): (host, title, phrase, cprefix,
        # honorific-or-pronoun hits, the actor/capital hit and its Actor); None without ``actors``
        first = self.first
        act = actors.get(self.act_cap.ref) if self.act_cap is not None and actors is not None else None
        self.chain = (first.get("host"), first.get("title"), first.get("phrase"), first.get("cprefix"),
                      first.get("honorific") or first.get("pronoun"), self.act_cap, act) \
            if actors is not None or not hits else None
        # the first "actor" hit names a person (a chain never starts on it); None without ``actors``
        ha = first.get("actor")
        self.person_first = (bool(ha) and actors[ha.ref].kind == "person") if actors is not None else \
            (False if not hits else None)
        # the first "actor" hit is an organization without a country ("Quốc hội", "Văn phòng Tổng
        # thống": ``actors._org_of_country`` may join a country to it); None without ``actors``
        oa = actors.get(ha.ref) if ha is not None and actors is not None else None
        self.org_free = (oa is not None and oa.kind == "organization" and (oa.country is None or bool(oa.of_country))) \
            if actors is not None or not hits else None
        self.variants: dict[tuple[bool, bool], _KeyInfo | None] = {}
        if self.case and variants:
            # (text all upper case, text with an upper-case initial) -> the hits that fit
            for up in (False, True):
                for cap in (False, True):
                    ok = [h for h in hits if not ((h.upper and not up) or
                                                  ((h.cap or h.cap_last) and not h.upper and not cap))]
                    # every hit fits: the key's own info (no copy: the loader builds thousands)
                    self.variants[(up, cap)] = (self if len(ok) == len(hits) else
                                                _KeyInfo(ok, variants=False, actors=actors)) if ok else None


class _Tok:
    """One selected dictionary match: its span in the original text and the ``_KeyInfo`` of its hits
    (``hits``, ``by``, ``first``, ``plain`` are copied from it for quick access)."""
    __slots__ = ("s", "e", "hits", "by", "first", "plain", "k")

    def __init__(self, s: int, e: int, info: _KeyInfo):
        self.s, self.e = s, e                  # offsets into the original text
        self.k = info
        self.hits, self.by, self.first, self.plain = info.hits, info.by, info.first, info.plain

    def drop(self) -> None:
        """Forget every hit (the token is part of a longer unknown name)."""
        self.k = _KeyInfo([])
        self.hits, self.by, self.first = [], {}, {}

    def get(self, *types: str) -> Hit | None:
        """The first hit (in preference order) of one of ``types``."""
        if len(types) == 1:
            return self.first.get(types[0])
        return _first_of(self.by, types)


# ------------------------------------------------------------------------------------- database

class ActorDB:
    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.by_canonical: dict[str, Actor] = {}
        self.keys: dict[str, list[Hit]] = {}
        self.titles: list[dict] = []
        self.refs: dict = {}
        self.ambiguous: dict[str, str] = {}      # match form of alias -> preferred actor id
        self.collisions: list[tuple[str, list[str]]] = []   # undeclared shared aliases
        self.leader_roles: dict[str, str] = {}
        self.person_cues: set[str] = set()
        self.org_cues: set[str] = set()
        self.org_cues_multi: list[str] = []
        self.org_multi_first: set[str] = set()
        self.org_heads: set[str] = set()
        # "Cục châu Á - |Đại Dương": a department's name going on after a spaced dash (references.yaml
        # ``dashed_name_heads``; vi/candidates.py); None without the list
        self.dashed_name_re: re.Pattern | None = None
        self.place_cues: set[str] = set()
        # "Thủ hiến bang Ontario |Doug Ford": a sub-national office title and the place noun of its
        # jurisdiction (references.yaml ``jurisdiction_titles``; vi/candidates.py); None without the list
        self.jurisdiction_re: re.Pattern | None = None
        self.cue_kinds: dict[str, str] = {}
        self.cue_last_words: frozenset[str] = frozenset()   # the last word of each cue phrase
        self.stopwords: set[str] = set()
        self.honorifics: set[str] = set()
        self.surnames: frozenset[str] = frozenset()   # "Bộ Nông nghiệp Trần Văn Ba": where the holder's name starts
        self.title_prefix_re: re.Pattern | None = None   # "quyền", "nguyên" right before a person's title
        self.pronoun_stop: set[str] = set()
        self.pair_verb_re: re.Pattern | None = None   # "X gặp Y": subject and object are a pair in focus
        self.short: dict[str, list[str]] = {}     # match form of a one-word short name -> person ids
        self.non_party: set[str] = set()
        self.apposition_blockers: re.Pattern | None = None   # "đại sứ Mỹ tại Lào": no country of the holder
        self.conflict_cues: list[str] = []
        self.conflict_re: re.Pattern | None = None
        self.historical_years: int = 15
        self.historical_conf: float = 0.4
        self.credit_re: re.Pattern | None = None
        # "người đồng cấp X": the offices a counterpart can be of (unlisted offices and, so that a
        # longer title wins, the titles of roles.yaml), matched on the matching form
        self.office_re: re.Pattern | None = None
        self.unlisted_offices: frozenset[str] = frozenset()
        # a venue: a country / capital right after one of these ("tại", "thăm chính thức");
        # ``at_re`` only the "where it happens" ones ("tại", "ở")
        self.venue_re: re.Pattern | None = None
        self.at_re: re.Pattern | None = None
        self._auto: Any = None
        # one capitalized word that is never a candidate name by itself (not foreign-looking, starts
        # no multi-word organization cue): a cache of that pure decision (``candidates``), bounded
        self.plain_words: set[str] = set()
        self.foreign_words: set[str] = set()      # one capitalized word that is ``_foreign_looking``
        self._role_index: dict[tuple[str, str | None], list[tuple[Role, Actor]]] = {}
        # roles a state gives to several persons at once (roles.yaml ``shared: true``: envoys): a bare
        # title of one names no particular holder (``holders``; vi/references._DocCtx)
        self.shared_roles: set[str] = set()

    # ---------------------------------------------------------------- loading
    @classmethod
    def load(cls, res) -> "ActorDB":
        db = cls()

        def read(name: str) -> list:
            path = res.data_dir / "actors" / name
            if not path.exists():
                return []
            with open(path, encoding="utf-8") as fh:        # libyaml when available: ~8x faster
                return yaml.load(fh, Loader=_YAML_LOADER) or []

        refs = read("references.yaml")
        db.refs = refs if isinstance(refs, dict) else {}
        for a in db.refs.get("ambiguous_aliases") or []:
            db.ambiguous[match_form(a["alias"]).text] = a["prefer"]
        db.leader_roles = dict(db.refs.get("leader_roles") or {})
        cues = db.refs.get("candidate_cues") or {}
        db.person_cues = {match_form(c).text for c in cues.get("person", [])}
        db.org_cues = {match_form(c).text for c in cues.get("organization", [])}
        db.org_heads = {match_form(c).text for c in db.refs.get("org_name_heads") or []}
        dashed = [str(c) for c in db.refs.get("dashed_name_heads") or []]
        if dashed:
            db.dashed_name_re = re.compile(r"(?<!\w)(?:%s)(?:\s+\S+){1,3}\s+[-–]\s*$"
                                           % "|".join(re.escape(c) for c in sorted(dashed, key=len, reverse=True)))
        db.org_cues_multi = sorted((c for c in db.org_cues if " " in c), key=len, reverse=True)
        db.org_multi_first = {c.split()[0] for c in db.org_cues_multi}
        db.place_cues = {match_form(c).text for c in cues.get("place", [])}
        jt = db.refs.get("jurisdiction_titles") or {}
        if jt.get("titles"):
            alt = lambda ws: "|".join(re.escape(match_form(w).text) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
            db.jurisdiction_re = re.compile(r"(?<!\w)(?:%s)(?:\s+(?:%s))?\s+$" % (alt(jt["titles"]), alt(jt.get("places") or ["bang"])))
        # phrase -> candidate kind, person before organization before place (``candidates._cue_kind``)
        for kind, group in (("place", db.place_cues), ("organization", db.org_cues), ("person", db.person_cues)):
            db.cue_kinds.update(dict.fromkeys(group, kind))
        db.cue_last_words = frozenset(c.split()[-1] for c in db.cue_kinds if c.split())
        db.stopwords = {match_form(c).text for c in db.refs.get("candidate_stopwords") or []}
        db.honorifics = {match_form(c).text for c in db.refs.get("honorifics") or []}
        db.surnames = frozenset(match_form(c).text for c in db.refs.get("person_surnames") or [])
        prefixes = sorted((match_form(c).text for c in db.refs.get("title_prefixes") or []), key=len, reverse=True)
        if prefixes:
            db.title_prefix_re = re.compile(r"(?<!\w)(?:%s) $" % "|".join(map(re.escape, prefixes)), re.I)
        db.pronoun_stop = {match_form(c).text for c in db.refs.get("pronoun_not_followed_by") or []}
        verbs = sorted((match_form(v["text"]).text.strip() for v in db.refs.get("pair_verbs") or []), key=len, reverse=True)
        if verbs:
            db.pair_verb_re = re.compile(r"(?<!\w)(?:%s) " % "|".join(map(re.escape, verbs)), re.I)
        db.non_party = {match_form(c).text for c in db.refs.get("non_party_cues") or []}
        blockers = [match_form(c).text for c in db.refs.get("apposition_country_blockers") or []]
        db.apposition_blockers = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(c) for c in sorted(blockers, key=len, reverse=True))
                                            + r")(?!\w)") if blockers else None
        db.conflict_cues = [match_form(c).text for c in db.refs.get("conflict_cues") or []]
        if db.conflict_cues:
            forms = set()
            for c in db.conflict_cues:
                forms.add(c)
                forms.add(old_tone_form(c))            # "thoả" = "thỏa"
            db.conflict_re = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(
                map(re.escape, sorted(forms, key=len, reverse=True))), re.I)
        db.historical_years = int(db.refs.get("historical_after_years") or 15)
        db.historical_conf = float(db.refs.get("historical_confidence") or 0.4)
        credits = sorted((match_form(c["text"]).text.strip() for c in db.refs.get("credit_cues") or []),
                         key=len, reverse=True)
        if credits:
            db.credit_re = re.compile(r"(?<!\w)(?:%s)\s*:\s*[^()\n.;]*" % "|".join(map(re.escape, credits)))
        offices = {match_form(o).text for o in db.refs.get("unlisted_offices") or []}
        db.unlisted_offices = frozenset(offices)
        venues = db.refs.get("venue_cues") or []
        db.venue_re = _end_re([v["text"] for v in venues])
        db.at_re = _end_re([v["text"] for v in venues if v.get("at")])
        short_by_country: dict[str, str] = {}

        for e in read("countries.yaml"):
            if e.get("short_name"):
                short_by_country[e["name"]] = e["short_name"]
            db._add_actor(Actor(id=e["id"], name=e["name"], kind="country", country=e["name"],
                                aliases=list(e.get("aliases") or []),
                                capitals=list(e.get("capitals") or []),
                                demonyms=list(e.get("demonyms") or []),
                                example=e.get("example", ""), source="countries.yaml"))
        db._add_state_forms([f["text"] for f in db.refs.get("state_forms") or []])
        for e in read("people.yaml"):
            roles = [Role(r["role"], r.get("country") or e.get("country"), _iso(r.get("from")),
                          _iso(r.get("to")), r.get("org")) for r in e.get("roles") or []]
            db._add_actor(Actor(id=e["id"], name=e["name"], kind="person", country=e.get("country"),
                                aliases=list(e.get("aliases") or []), roles=roles,
                                example=e.get("example", ""), source="people.yaml",
                                short_name=e.get("short_name") or short_by_country.get(e.get("country") or ""),
                                active=bool(e.get("active"))))
        for e in read("institutions.yaml"):
            db._add_actor(Actor(id=e["id"], name=e["name"], kind="organization",
                                country=e.get("country"), aliases=list(e.get("aliases") or []),
                                subkind=e.get("kind"), example=e.get("example", ""),
                                source="institutions.yaml", of_country=e.get("of_country")))
        for e in read("places.yaml"):
            db._add_actor(Actor(id=e["id"], name=e["name"], kind="place", country=e.get("country"),
                                aliases=list(e.get("aliases") or []), subkind=e.get("kind"),
                                example=e.get("example", ""), source="places.yaml"))
        db.titles = read("roles.yaml")
        db.shared_roles = {t["role"] for t in db.titles if t.get("shared") and t.get("role")}
        for t in db.titles:
            db._key(t["title"], Hit("title", t, alias=t["title"]), case_free=True)
        if offices:
            forms = sorted(offices | {match_form(t["title"]).text for t in db.titles}, key=len, reverse=True)
            db.office_re = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, forms)))
        for p in db.refs.get("phrases") or []:
            db._key(p["text"], Hit("phrase", p["resolve"], alias=p["text"]), case_free=True)
        for p in db.refs.get("country_patterns") or []:
            db._key(p["prefix"], Hit("cprefix", p["resolve"], alias=p["prefix"]), case_free=True)
        for g in db.refs.get("groups") or []:
            db._key(g["text"], Hit("group", g, alias=g["text"]), case_free=True)
        for p in db.refs.get("pronouns") or []:
            db._key(p["text"], Hit("pronoun", None, alias=p["text"]), case_free=True)
        for h in db.refs.get("honorifics") or []:
            db._key(h, Hit("honorific", None, alias=h), case_free=True)
        for h in db.refs.get("host") or []:
            db._key(h["text"], Hit("host", None, alias=h["text"]), case_free=True)
        for r in db.refs.get("relations") or []:
            db._key(r["text"], Hit("relation", r["relation"], alias=r["text"]), case_free=True)
        db._finish()
        return db

    def _add_actor(self, a: Actor) -> None:
        self.actors[a.id] = a
        self.by_canonical.setdefault(a.name, a)
        seen = set()
        forms = [(x, "actor") for x in a.aliases]
        if a.name not in a.aliases:
            forms.append((a.name, "actor"))
        forms += [(x, "capital") for x in a.capitals] + [(x, "demonym") for x in a.demonyms]
        for alias, typ in forms:
            k = match_form(alias).text
            if k in seen:
                continue
            seen.add(k)
            self._key(alias, Hit(typ, a.id, alias=alias))
        if a.kind == "person" and a.short_name in ("first", "last"):
            for alias in [*a.aliases, a.name]:
                words = alias.split()
                if len(words) < 2 or not all(w[:1].isupper() for w in words):
                    continue                    # one word (already an alias) or a title inside
                w = words[0] if a.short_name == "first" else words[-1]
                lst = self.short.setdefault(match_form(w).text, [])
                if a.id not in lst:
                    lst.append(a.id)
        for r in a.roles:
            self._role_index.setdefault((r.role, r.country), []).append((r, a))
            self._role_index.setdefault((r.role, None), []).append((r, a))

    def _add_state_forms(self, forms: list[str]) -> None:
        """"<form> <country>" names the country ("Cộng hòa Indonesia", "Vương quốc Thái Lan"), for
        every capitalized alias of several words or of one foreign-looking word (4+ ASCII letters;
        not "Pháp", "Nga", whose lower-case twins are ordinary words). The form must be written
        with an upper-case initial ("Nhà nước Palestine"; "nhà nước pháp quyền" is no country)."""
        if not forms:
            return
        low_forms = tuple(f.lower() + " " for f in forms)
        for a in [x for x in self.actors.values() if x.kind == "country"]:
            for alias in a.aliases:
                words = alias.split()
                # a name: capitalized words of letters only, not an acronym ("CHXHCN Việt Nam"), not
                # already a state form ("Cộng hòa Séc"), several words or one foreign-looking word
                if not all(w[:1].isupper() and w.isalpha() and not (len(w) > 1 and w.isupper()) for w in words) \
                        or alias.lower().startswith(low_forms) \
                        or not (len(words) > 1 or (alias.isascii() and len(alias) >= 4)):
                    continue
                for f in forms:
                    key = f"{f} {alias}"
                    if any(h.ref == a.id for h in self.keys.get(match_form(key).text.strip(), ())):
                        continue              # already an alias ("Vương quốc Thái Lan")
                    self._key(key, Hit("actor", a.id, cap=True, alias=key), case_free=True)

    def _key(self, alias: str, hit: Hit, case_free: bool = False) -> None:
        k = match_form(alias).text.strip()
        if not k:
            return
        if not case_free:
            one_word = " " not in k
            hit.cap = one_word and alias[:1].isupper()
            hit.cap_last = not one_word and alias[:1].islower() and alias.split()[-1][:1].isupper()
            letters = [c for c in alias if c.isalpha()]
            hit.upper = one_word and len(letters) <= 4 and all(c.isupper() for c in letters)
        self.keys.setdefault(k, []).append(hit)

    def _finish(self) -> None:
        auto = ahocorasick.Automaton()
        padded: dict[str, list[Hit]] = {}
        for k, hits in self.keys.items():
            # the automaton runs over " " + text-with-punctuation-as-spaces + " ", and every key is
            # padded the same way, so a key can only match whole syllables (no Python boundary checks)
            pk = scan_form(_NONWORD.sub(" ", k))
            lst = padded.setdefault(pk, [])
            lst.extend(h for h in hits if h not in lst)
        for pk, hits in padded.items():
            core = pk[1:-1]
            actor_ids = list(dict.fromkeys(h.ref for h in hits if h.type in ("actor", "capital", "demonym")))
            if len(actor_ids) > 1:
                pref = self.ambiguous.get(core) or self.ambiguous.get(core.replace(" ", ""))
                if pref is None:
                    pref = next((v for k2, v in self.ambiguous.items() if scan_form(_NONWORD.sub(" ", k2))[1:-1] == core), None)
                if pref in actor_ids:
                    hits.sort(key=lambda h: 0 if h.ref == pref else 1)
                else:
                    self.collisions.append((core, actor_ids))
            auto.add_word(pk, (len(pk), hits, _KeyInfo(hits, actors=self.actors)))
        auto.make_automaton()
        self._auto = auto

    # ---------------------------------------------------------------- queries
    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def by_name(self, name: str) -> Actor | None:
        a = self.by_canonical.get(name)
        if a:
            return a
        hits = self.keys.get(match_form(name).text)
        for h in hits or []:
            if h.type in ("actor", "capital", "demonym"):
                return self.actors.get(h.ref)
        return None

    def country_of(self, name_or_id: str | None) -> str | None:
        if not name_or_id:
            return None
        a = self.actors.get(name_or_id) or self.by_name(name_or_id)
        if a is None:
            # a body named with its country by ``actors._org_of_country`` ("National Assembly of Laos")
            head, sep, tail = name_or_id.rpartition(" of ")
            c = self.by_canonical.get(tail) if sep and head else None
            return c.name if c is not None and c.kind == "country" else None
        return a.name if a.kind == "country" else a.country

    def holder(self, role: str, country: str | None = None, date: str | None = None,
               org: str | None = None) -> Actor | None:
        """The person holding ``role`` (in ``country``; None = any) on ``date`` (None = now).

        ``holder(role, "2025-03-01")`` (the ARCHITECTURE.md form, without a country) also works."""
        if country is not None and date is None and _ISO_PREFIX.match(country):
            country, date = None, country
        cands = [(r, a) for r, a in self._role_index.get((role, country), []) if r.active(date)]
        if org:
            with_org = [(r, a) for r, a in cands if r.org == org]
            cands = with_org or [(r, a) for r, a in cands if r.org is None]
        if not cands:
            return None
        cands.sort(key=lambda ra: ra[0].start or "")
        return cands[-1][1]

    def holders(self, role: str, country: str | None, date: str | None = None) -> list[Actor]:
        """Every person holding ``role`` (in ``country``) on ``date`` (None = now), once each."""
        out: dict[str, Actor] = {}
        for r, a in self._role_index.get((role, country), []):
            if r.active(date):
                out.setdefault(a.id, a)
        return list(out.values())

    def next_holder(self, role: str, country: str | None, date: str | None) -> Actor | None:
        """The person whose term in ``role`` (in ``country``) starts first after ``date``: the
        president-elect ("Tổng thống đắc cử Mỹ" in November 2024 is Trump). None without a date."""
        if not date:
            return None
        d = date[:10]
        later = [(r, a) for r, a in self._role_index.get((role, country), [])
                 if r.start and r.start[:len(d)] > d]
        return min(later, key=lambda ra: ra[0].start)[1] if later else None

    def role_of(self, actor_id: str, date: str | None) -> Role | None:
        """The main role the person holds on ``date`` (most senior first)."""
        a = self.actors.get(actor_id)
        if a is None or not a.roles:
            return None
        act = [r for r in a.roles if r.active(date)] or ([] if date is None else [])
        if not act:
            return None
        act.sort(key=lambda r: _ROLE_PRIORITY.get(r.role, 99))
        return act[0]

    def relative(self, actor_id: str, relation: str, date: str | None) -> Actor | None:
        """The predecessor ("người tiền nhiệm") or successor ("người kế nhiệm") of a person in the
        office they hold on ``date`` (else the last one they held before it): the holder of the same
        role, country and org the day before their term began / on the day it ended; None when the
        dates are unknown. Consecutive terms of the same person are skipped."""
        a = self.actors.get(actor_id)
        if a is None or not a.roles:
            return None
        r = self.role_of(actor_id, date)
        if r is None:
            past = [x for x in a.roles if x.start and (date is None or x.start[:10] <= date[:10])]
            r = max(past, key=lambda x: x.start or "") if past else None
        for _ in range(4):
            if r is None:
                return None
            when = _day_before(r.start) if relation == "predecessor" else r.end
            if not when:
                return None
            h = self.holder(r.role, r.country, when, r.org)
            if h is None or h.id != actor_id:
                return h
            r = next((x for x in a.roles if x.role == r.role and x.country == r.country and x.active(when)), None)
        return None

    def leader_role(self, country: str) -> str:
        return self.leader_roles.get(country) or self.leader_roles.get("default") or "head_of_state"

    def lookup(self, text: str) -> list[tuple[int, int, list[Hit]]]:
        """All boundary-respecting, case-respecting matches in ``text``, leftmost-longest."""
        mf = match_form(text)
        return [(t.s, t.e, t.hits) for t in self._scan(text, scan_form(mf.text), mf, 0, len(mf.text))]

    # ---------------------------------------------------------------- scanning
    def _scan(self, text: str, scan: str, mf, start: int, end: int) -> list[_Tok]:
        """Tokens in t[start:end]; ``scan`` = scan_form(t) (padded, punctuation as spaces)."""
        raw = [(e_incl - v[0] + 1, e_incl - 1, v)
               for e_incl, v in self._auto.iter(scan, start, end + 2)]
        return self._select(text, mf, raw)

    def _raw_all(self, scan: str) -> list[tuple[int, int, tuple]]:
        """Every match in the whole document (one automaton pass), in end order: (start, end,
        automaton value ``(key length, hits, _KeyInfo(hits))``)."""
        return [(e_incl - v[0] + 1, e_incl - 1, v) for e_incl, v in self._auto.iter(scan)]

    def _doc_tokens(self, text: str, scan: str, mf, bounds: list[tuple[int, int]]) -> list[list[_Tok]]:
        """The tokens of every sentence at once: ``bounds`` are the sentences' ``(start, end)`` in
        the matching form, in text order and not overlapping. Same tokens as ``_select`` on each
        sentence's matches (those inside its bounds, in end order): one automaton pass, the case
        filter once per match, the best cover per sentence (``tests/test_vi.py`` compares)."""
        out: list[list[_Tok]] = [[] for _ in bounds]
        if not bounds:
            return out
        ident = mf._starts is None
        cur: list = []                        # the candidates of sentence ``ck`` (k only grows)
        ck = -1
        # matches come in end order: the sentence that can hold one is the first whose end is at
        # or after the match's end (earlier ones end before it); it holds it if it starts before
        k, n = 0, len(bounds)
        ks, ke = bounds[0]
        for e_incl, v in self._auto.iter(scan, ks, bounds[-1][1] + 2):
            e = e_incl - 1
            if e > ke:
                while k < n and bounds[k][1] < e:
                    k += 1
                if k == n:
                    break
                ks, ke = bounds[k]
            s = e_incl - v[0] + 1
            if s < ks:
                continue                      # crosses a sentence's start or lies between sentences
            os_, oe = (s, e) if ident else mf.span_to_orig(s, e)
            info = v[2]
            if info.case:                     # _case_fit, inline
                c = text.rfind(" ", os_, oe) + 1 if info.cap_last else os_
                info = info.variants[(info.any_upper and text[os_:oe].isupper(), text[c or os_].isupper())]
                if info is None:
                    continue                  # a case-restricted hit the text does not fit
            if k != ck:
                if cur:
                    out[ck] = _cover_toks(cur)
                cur = []
                ck = k
            cur.append((s, e, os_, oe, info))
        if cur:
            out[ck] = _cover_toks(cur)
        return out

    def _select(self, text: str, mf, raw: list) -> list[_Tok]:
        """Case filter + the best non-overlapping cover of the raw matches of one sentence
        (``raw``: ``(start, end, automaton value)`` in the matching form)."""
        if not raw:
            return []
        cands = []
        ident = mf._starts is None
        for s, e, v in raw:
            os_, oe = (s, e) if ident else mf.span_to_orig(s, e)
            info = v[2]
            if info.case and (info := _case_fit(info, text, os_, oe)) is None:
                continue                      # a case-restricted hit the text does not fit
            cands.append((s, e, os_, oe, info))
        if not cands:
            return []
        if len(cands) == 1:
            c = cands[0]
            return [_Tok(c[2], c[3], c[4])]
        return [_Tok(os_, oe, info) for _, _, os_, oe, info in _best_cover(cands)]


_PUNCT_CHARS = (",.;:!?()\"'-/\n\r\t%+&*#@|<>=~^$[]{}\\`…«»·•°×–—“”‘’\u00a0\u2009\u202f\u200b"
                "\u2028\u2029\u3000\ufeff")


def _case_fit(info: "_KeyInfo", text: str, s: int, e: int) -> "_KeyInfo | None":
    """The variant of a case-restricted key that the text at s..e fits (all upper case, upper-case
    initial), or None ("Nga" the country needs a capital N; "giải pháp" is not France)."""
    c = text.rfind(" ", s, e) + 1 if info.cap_last else s      # "nước Pháp": the name's initial
    return info.variants[(info.any_upper and text[s:e].isupper(), text[c or s].isupper())]


def _cover_toks(cands: list) -> list[_Tok]:
    """The tokens of the best cover of one sentence's candidates ``(s, e, orig s, orig e, info)``."""
    if len(cands) == 1:
        c = cands[0]
        return [_Tok(c[2], c[3], c[4])]
    return [_Tok(os_, oe, info) for _, _, os_, oe, info in _best_cover(cands)]


_END_START = itemgetter(1, 0)


def _best_cover(cands: list) -> list:
    """Non-overlapping matches covering the most characters (weighted interval scheduling), so
    "Thái tử" + "Mohammed bin Salman" beats "Thái tử Mohammed" + "bin Salman"; ties go to the
    leftmost-longest choice."""
    cands.sort(key=_END_START)
    prev_end = -1
    for c in cands:
        if c[0] < prev_end:
            break
        prev_end = c[1]
    else:
        return cands                    # no two overlap: the cover is all of them
    ends = [c[1] for c in cands]
    n = len(cands)
    best = [0] * (n + 1)
    take = [False] * (n + 1)
    prev = [0] * (n + 1)
    for i in range(1, n + 1):
        s, e = cands[i - 1][0], cands[i - 1][1]
        p = bisect.bisect_right(ends, s, 0, i - 1)
        with_i = best[p] + (e - s)
        if with_i > best[i - 1]:
            best[i], take[i], prev[i] = with_i, True, p
        else:
            best[i], take[i], prev[i] = best[i - 1], False, i - 1
    out = []
    i = n
    while i > 0:
        if take[i]:
            out.append(cands[i - 1])
            i = prev[i]
        else:
            i -= 1
    out.reverse()
    return out


def scan_form(t: str) -> str:
    """" " + t + " " with punctuation as spaces (fast replace chain over the usual punctuation;
    a rare symbol left in place only prevents a match right next to it)."""
    for c in _PUNCT_CHARS:
        if c in t:
            t = t.replace(c, " ")
    return " " + t + " "


def _end_re(words: list[str]) -> re.Pattern | None:
    """A pattern for one of ``words`` (longest first) ending the searched span, after a word
    boundary and before whitespace (``venue_cues``: "thăm chính thức " before a country)."""
    forms = sorted({match_form(w).text.strip() for w in words if w.strip()}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"(?<!\w)(?:%s)\s+$" % "|".join(map(re.escape, forms)), re.I)


def _day_before(d: str | None) -> str | None:
    """The ISO day before ``d`` (a year-month or a year: the day before its first day)."""
    if not d:
        return None
    parts = (d[:10].split("-") + ["01", "01"])[:3]
    try:
        day = _date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None
    return (day - _timedelta(days=1)).isoformat()


def _iso(v) -> str | None:
    if v is None:
        return None
    return str(v)


def _mention(db: ActorDB, a: Actor, s: int, e: int, text: str, via: str, conf: float = 1.0) -> ActorMention:
    kind = a.kind
    # positional (start, end, text, actor_id, name, kind, via, country, confidence): a hot path
    return ActorMention(s, e, text[s:e], a.id, a.name, kind,  # type: ignore[arg-type]
                        via, a.name if kind == "country" else a.country, conf)  # type: ignore[arg-type]



def _title_fits(person: Actor, role_hit: Hit | None, phrase_hit: Hit | None) -> bool:
    """A title glued to a known person names that person only if the person ever held the role
    ("đặc phái viên của Tổng thống Mỹ Steve Witkoff": the title is Trump's, not Witkoff's)."""
    hit = phrase_hit or role_hit
    if hit is None or not person.roles:
        return True
    role = hit.ref.get("role") if isinstance(hit.ref, dict) else None
    if role is None:
        return True
    roles = {role, *((hit.ref.get("overrides") or {}).values())}
    return any(r.role in roles for r in person.roles)


def _title_role(title: dict, country: str | None) -> str:
    """The role a title means in a country ("Tổng thống Iran" is the head of government)."""
    return (title.get("overrides") or {}).get(country, title["role"])
