"""Actor dictionary and actor mention finding.

``ActorDB.load(res)`` reads ``data/actors/{people,countries,institutions,places,roles,references}.yaml``
and builds ONE Aho–Corasick automaton over the matching form (``textnorm.match_form``: NFC, one tone
placement, lower case) of every alias, title and reference phrase.

``find_actors`` then, per sentence:

1. scans the automaton (C speed), keeps matches that start and end at word boundaries and respect
   case (a one-word alias written with an upper-case initial, "Nga", "Mỹ", "Pháp", only matches an
   upper-case initial in the text, so "giải pháp" is not France), and picks leftmost-longest;
2. composes tokens: title/reference chains + a name ("Tổng thống Nga Vladimir Putin" → one person
   mention), title + country ("Tổng thống Mỹ" → the holder at the anchor date), reference phrases
   ("ông chủ Nhà Trắng"), "<prefix> <country>" references ("người đồng cấp Mỹ", "nhà lãnh đạo Nga",
   "phía Nga"), capitals as metonyms ("Moscow" → Russia), institutions, places;
3. unknown capitalized names become typed candidates;

and finally, over the whole document in order, resolves the context-dependent references
(pronouns, counterparts, "hai nhà lãnh đạo").

Document context (data-driven, see references.yaml / countries.yaml):

* short names: "ông Tập", "Chủ tịch Tập", "ông Sơn" = the person the document names in full whose
  ``short_name`` word matches (family name first for Chinese/Korean/Japanese, given name last for
  Vietnamese); two such persons give an unresolved candidate;
* credits ("Ảnh: X", "(Ảnh: Reuters)", "Nguồn: X"): no person mention inside them;
* historical persons (all dated roles ended more than ``historical_after_years`` before the anchor,
  unless ``active``) get ``historical_confidence``;
* "hai bên / hai nước": the pair coordinated or joined by "với" just before; in a conflict context
  (``conflict_cues``) the two sides (countries, armed groups) unless the leaders of those sides are
  the pair in focus; journalists (``non_party_cues``) and historical persons are never members;
* a pronoun inside a quotation is not its speaker: the previous other person.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import ahocorasick
import yaml

from ..models import ActorMention, Anchor, Sentence
from ..textnorm import MatchForm, match_form
from ..textnorm import _PUNCT as _PUNCT_TABLE  # same folding as match_form

_ISO_PREFIX = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LEADER_ROLES = ("head_of_state", "head_of_government", "party_general_secretary", "crown_prince")
_ROLE_PRIORITY = {r: i for i, r in enumerate((
    "head_of_state", "head_of_government", "party_general_secretary", "foreign_minister",
    "crown_prince", "vice_president", "defense_minister", "national_security_advisor",
    "secretary_general", "parliament_speaker", "deputy_head_of_security_council", "envoy",
    "presidential_aide", "spokesperson", "cia_director", "pope"))}

_UP = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper())
_LOW = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).islower())
_CAPWORD = r"[%s][%s%s'’]*" % (_UP, _UP, _LOW)
_PARTICLE = r"(?:bin|ibn|al|el|de|van|von|der|da|di|du|la|le|dos|del)"
_CAPSEQ = re.compile(r"%s(?:(?:[ ]|-)(?:%s[ ])?%s)*" % (_CAPWORD, _PARTICLE, _CAPWORD))
_CAPSEQ_AT = re.compile(r"(?:\s*\([^()\n]{1,40}\))?[ ]?(%s(?:(?:[ ]|-)(?:%s[ ])?%s)*)" % (_CAPWORD, _PARTICLE, _CAPWORD))
_PAREN = re.compile(r"\s*\([^()\n]{1,40}\)")
_WORDS = re.compile(r"\w+")
_NONWORD = re.compile(r"[^\w]")
_DIRECTIONS = frozenset(("đông", "tây", "nam", "bắc", "miền", "trung", "thủ", "toàn", "nước", "phía"))
_LAST_WORD = re.compile(r"(\w+) $")


# ------------------------------------------------------------------------------------- fast form

_TONED = {"a": "áàảãạ", "e": "éèẻẽẹ", "y": "ýỳỷỹỵ"}
_O_TONED = {"o": "óòỏõọ", "u": "úùủũụ"}
_MOVE: dict[str, str] = {}
for _v, _toned in _TONED.items():
    for _k, _ch in enumerate(_toned):
        for _o, _otoned in _O_TONED.items():
            if (_o, _v) in (("o", "a"), ("o", "e"), ("u", "y")):
                _MOVE[_o + _ch] = _otoned[_k] + _v
                _MOVE[_o.upper() + _ch.upper()] = _otoned[_k].upper() + _v.upper()
                _MOVE[_o.upper() + _ch] = _otoned[_k].upper() + _v
                _MOVE[_o + _ch.upper()] = _otoned[_k] + _v.upper()
_OLD_PAIR = re.compile(r"[oOuU][%s]" % "".join(sorted({k[1] for k in _MOVE})))   # no look-arounds: fast


def _fix_old_tones(text: str) -> str:
    if not _OLD_PAIR.search(text):
        return text
    out, last, n = [], 0, len(text)
    for m in _OLD_PAIR.finditer(text):
        i, j = m.start(), m.end()
        if (i > 0 and text[i - 1] in "qQ") or (j < n and (text[j].isalnum() or text[j] == "_")):
            continue
        rep = _MOVE.get(m.group(0))
        if rep is None:
            continue
        out.append(text[last:i])
        out.append(rep)
        last = j
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


_NEW_TO_OLD = {v: k for k, v in _MOVE.items() if k.islower()}
_OLD_TONES = re.compile("|".join(map(re.escape, _NEW_TO_OLD))) if _NEW_TO_OLD else re.compile("$^")
_PUNCT_PAIRS = [(chr(a), b) for a, b in _PUNCT_TABLE.items()]


def fast_form(text: str) -> MatchForm:
    """``textnorm.match_form`` for NFC text, ~20x faster: one regex over the old-style tone
    placements (oà/oé/uỳ at a syllable end) instead of a callback per word. Falls back to
    ``match_form`` for non-NFC input or when lower-casing changes the length."""
    if not unicodedata.is_normalized("NFC", text):
        return match_form(text)
    t = _fix_old_tones(text)
    for a, b in _PUNCT_PAIRS:
        if a in t:
            t = t.replace(a, b)
    t = t.lower()
    if len(t) != len(text):
        return match_form(text)
    return MatchForm(t, None, len(text))


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


@dataclass
class Hit:
    """What one automaton key means (a key may mean several things)."""
    type: str                   # actor | capital | demonym | title | phrase | cprefix | group | pronoun | honorific
    ref: Any                    # actor id | role dict | resolve dict ...
    cap: bool = False           # one-word alias with an upper-case initial: text must be upper case too
    upper: bool = False         # short all-caps acronym: text must be all caps
    alias: str = ""


_PLAIN_TYPES = frozenset(("actor", "capital", "demonym"))


class _Tok:
    __slots__ = ("s", "e", "hits", "by", "plain")

    def __init__(self, s: int, e: int, hits: list[Hit]):
        self.s, self.e = s, e                  # offsets into the original text
        self.hits = hits
        self.by: dict[str, tuple[int, Hit]] = {}
        plain = True
        for i, h in enumerate(hits):
            self.by.setdefault(h.type, (i, h))
            if h.type not in _PLAIN_TYPES:
                plain = False
        self.plain = plain

    def get(self, *types: str) -> Hit | None:
        """The first hit (in preference order) of one of ``types``."""
        best = None
        by = self.by
        for t in types:
            x = by.get(t)
            if x is not None and (best is None or x[0] < best[0]):
                best = x
        return best[1] if best is not None else None


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
        self.place_cues: set[str] = set()
        self.stopwords: set[str] = set()
        self.honorifics: set[str] = set()
        self.pronoun_stop: set[str] = set()
        self.short: dict[str, list[str]] = {}     # match form of a one-word short name -> person ids
        self.non_party: set[str] = set()
        self.conflict_cues: list[str] = []
        self.conflict_re: re.Pattern | None = None
        self.historical_years: int = 15
        self.historical_conf: float = 0.4
        self.credit_re: re.Pattern | None = None
        self._auto: Any = None
        self._role_index: dict[tuple[str, str | None], list[tuple[Role, Actor]]] = {}

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
        db.org_cues_multi = sorted((c for c in db.org_cues if " " in c), key=len, reverse=True)
        db.org_multi_first = {c.split()[0] for c in db.org_cues_multi}
        db.place_cues = {match_form(c).text for c in cues.get("place", [])}
        db.stopwords = {match_form(c).text for c in db.refs.get("candidate_stopwords") or []}
        db.honorifics = {match_form(c).text for c in db.refs.get("honorifics") or []}
        db.pronoun_stop = {match_form(c).text for c in db.refs.get("pronoun_not_followed_by") or []}
        db.non_party = {match_form(c).text for c in db.refs.get("non_party_cues") or []}
        db.conflict_cues = [match_form(c).text for c in db.refs.get("conflict_cues") or []]
        if db.conflict_cues:
            forms = set()
            for c in db.conflict_cues:
                forms.add(c)
                forms.add(_OLD_TONES.sub(lambda m: _NEW_TO_OLD[m.group(0)], c))   # "thoả" = "thỏa"
            db.conflict_re = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(
                map(re.escape, sorted(forms, key=len, reverse=True))), re.I)
        db.historical_years = int(db.refs.get("historical_after_years") or 15)
        db.historical_conf = float(db.refs.get("historical_confidence") or 0.4)
        credits = sorted((match_form(c["text"]).text.strip() for c in db.refs.get("credit_cues") or []),
                         key=len, reverse=True)
        if credits:
            db.credit_re = re.compile(r"(?<!\w)(?:%s)\s*:\s*[^()\n.;]*" % "|".join(map(re.escape, credits)))
        short_by_country: dict[str, str] = {}

        for e in read("countries.yaml"):
            if e.get("short_name"):
                short_by_country[e["name"]] = e["short_name"]
            db._add_actor(Actor(id=e["id"], name=e["name"], kind="country", country=e["name"],
                                aliases=list(e.get("aliases") or []),
                                capitals=list(e.get("capitals") or []),
                                demonyms=list(e.get("demonyms") or []),
                                example=e.get("example", ""), source="countries.yaml"))
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
                                source="institutions.yaml"))
        for e in read("places.yaml"):
            db._add_actor(Actor(id=e["id"], name=e["name"], kind="place", country=e.get("country"),
                                aliases=list(e.get("aliases") or []), subkind=e.get("kind"),
                                example=e.get("example", ""), source="places.yaml"))
        db.titles = read("roles.yaml")
        for t in db.titles:
            db._key(t["title"], Hit("title", t, alias=t["title"]), case_free=True)
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

    def _key(self, alias: str, hit: Hit, case_free: bool = False) -> None:
        k = match_form(alias).text.strip()
        if not k:
            return
        if not case_free:
            one_word = " " not in k
            hit.cap = one_word and alias[:1].isupper()
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
            auto.add_word(pk, (len(pk), hits))
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
            return None
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

    def leader_role(self, country: str) -> str:
        return self.leader_roles.get(country) or self.leader_roles.get("default") or "head_of_state"

    def lookup(self, text: str) -> list[tuple[int, int, list[Hit]]]:
        """All boundary-respecting, case-respecting matches in ``text``, leftmost-longest."""
        mf = match_form(text)
        return [(t.s, t.e, t.hits) for t in self._scan(text, scan_form(mf.text), mf, 0, len(mf.text))]

    # ---------------------------------------------------------------- scanning
    def _scan(self, text: str, scan: str, mf, start: int, end: int) -> list[_Tok]:
        """Tokens in t[start:end]; ``scan`` = scan_form(t) (padded, punctuation as spaces)."""
        raw = [(e_incl - klen + 1, e_incl - 1, hits)
               for e_incl, (klen, hits) in self._auto.iter(scan, start, end + 2)]
        return self._select(text, mf, raw)

    def _raw_all(self, scan: str) -> list[tuple[int, int, list[Hit]]]:
        """Every match in the whole document (one automaton pass), in end order."""
        return [(e_incl - klen + 1, e_incl - 1, hits) for e_incl, (klen, hits) in self._auto.iter(scan)]

    def _select(self, text: str, mf, raw: list) -> list[_Tok]:
        """Case filter + the best non-overlapping cover of the raw matches of one sentence."""
        if not raw:
            return []
        cands = []
        for s, e, hits in raw:
            os_, oe = mf.span_to_orig(s, e)
            ok = hits
            for h in hits:
                if h.upper or h.cap:          # case-restricted hits: filter (rare)
                    ok = [h2 for h2 in hits if not (
                        (h2.upper and not text[os_:oe].isupper()) or
                        (h2.cap and not h2.upper and not text[os_].isupper()))]
                    break
            if ok:
                cands.append((s, e, os_, oe, ok))
        if not cands:
            return []
        if len(cands) == 1:
            s, e, os_, oe, ok = cands[0]
            return [_Tok(os_, oe, ok)]
        return [_Tok(os_, oe, ok) for _, _, os_, oe, ok in _best_cover(cands)]


_PUNCT_CHARS = (",.;:!?()\"'-/\n\r\t%+&*#@|<>=~^$[]{}\\`…«»·•°×–—“”‘’\u00a0\u2009\u202f\u200b"
                "\u2028\u2029\u3000\ufeff")


def _best_cover(cands: list) -> list:
    """Non-overlapping matches covering the most characters (weighted interval scheduling), so
    "Thái tử" + "Mohammed bin Salman" beats "Thái tử Mohammed" + "bin Salman"; ties go to the
    leftmost-longest choice."""
    cands.sort(key=lambda c: (c[1], c[0]))
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


def _iso(v) -> str | None:
    if v is None:
        return None
    return str(v)


# ------------------------------------------------------------------------------------- finding

def _mention(db: ActorDB, a: Actor, s: int, e: int, text: str, via: str, conf: float = 1.0) -> ActorMention:
    kind = a.kind
    return ActorMention(start=s, end=e, text=text[s:e], actor_id=a.id, name=a.name, kind=kind,  # type: ignore[arg-type]
                        via=via, country=(a.name if kind == "country" else a.country),  # type: ignore[arg-type]
                        confidence=conf)


def _gap_ok(text: str, a: int, b: int) -> bool:
    """Tokens at a..b are adjacent: only spaces (or a short parenthetical) between them."""
    if b < a:
        return False
    g = text[a:b]
    if not g:
        return a == b and False
    if g.isspace() and "\n" not in g:
        return True
    m = _PAREN.match(g)
    return bool(m) and g[m.end():].strip() == "" and "\n" not in g


def _adjacent(text: str, a: int, b: int) -> bool:
    g = text[a:b]
    return g == " " or (g != "" and g.isspace() and "\n" not in g) or _gap_ok(text, a, b)


_PAIR_SEP = re.compile(r"\s*(?:-|–|và|,)\s*$")


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


def find_actors(text: str, sentences: list[Sentence], anchor: Anchor | None, res) -> None:
    """Fill ``sentence.actors`` for every sentence (in place)."""
    db: ActorDB = res.actors
    date = anchor.date if anchor is not None else None
    mf = fast_form(text)
    t = mf.text
    # map original offsets -> matching-form offsets (identity in the common case)
    if mf._starts is None:
        to_mf = None
    else:
        to_mf = {}
        for i, o in enumerate(mf._starts):
            to_mf.setdefault(o, i)
    pending: list[tuple[Sentence, ActorMention, str, Any]] = []
    scans = []
    scan = scan_form(t)
    named: dict[str, int] = {}
    first: dict[str, int] = {}
    ordered = all(a.start <= b.start for a, b in zip(sentences, sentences[1:]))
    raw_all = db._raw_all(scan) if ordered else []      # one pass over the document
    ri, nraw = 0, len(raw_all)
    # raw matches come in end order; sentences are in text order: walk both
    for sent in sentences:
        ms = sent.start if to_mf is None else to_mf.get(sent.start, 0)
        me = sent.end if to_mf is None else to_mf.get(sent.end, len(t))
        while ri < nraw and raw_all[ri][1] <= ms:
            ri += 1
        raw = []
        k = ri
        while k < nraw and raw_all[k][1] <= me:
            if raw_all[k][0] >= ms:
                raw.append(raw_all[k])
            k += 1
        toks = db._select(text, mf, raw) if ordered else db._scan(text, scan, mf, ms, me)
        scans.append(toks)
        for tk in toks:
            for h in tk.hits:
                if h.type == "actor" and db.actors[h.ref].kind == "person":
                    named[h.ref] = named.get(h.ref, 0) + 1
                    first.setdefault(h.ref, tk.s)
    ctx = _DocCtx(db, anchor, named, first)
    low = t if to_mf is None else text.lower()
    for sent, toks in zip(sentences, scans):
        sent.actors = _compose(db, text, low, sent, toks, ctx, pending)
    _resolve_context(db, text, sentences, ctx, pending)


def _compose(db: ActorDB, text: str, low: str, sent: Sentence, toks: list[_Tok], ctx: _DocCtx,
             pending: list) -> list[ActorMention]:
    date = ctx.date
    out: list[ActorMention] = []
    n = len(toks)
    i = 0
    covered: list[tuple[int, int]] = []
    while i < n:
        tok = toks[i]
        if tok.plain:                         # fast path: a bare name / alias / capital / demonym
            if i + 1 < n and _org_of_country(db, text, tok, toks[i + 1], out, covered):
                i += 2                         # "Văn phòng Tổng thống Ukraine"
                continue
            _plain(db, text, tok, out, covered, sent)
            i += 1
            continue
        starter = tok.get("title", "phrase", "cprefix", "honorific", "pronoun")
        person_here = tok.get("actor")
        if person_here and db.actors[person_here.ref].kind == "person":
            starter = None
        if starter is not None:
            # collect a chain: starter (title|phrase|cprefix|honorific)* (country|institution)* ...
            j = i
            role_hit = None
            phrase_hit = None
            cprefix_hit = None
            countries: list[tuple[_Tok, Actor]] = []
            insts: list[tuple[_Tok, Actor]] = []
            host: _Tok | None = None
            end = tok.s
            first = True
            while j < n:
                tj = toks[j]
                if not first and not _adjacent(text, end, tj.s):
                    break
                if tj.get("host") is not None and not first:
                    if countries or insts or host:
                        break
                    host = tj
                    end = tj.e
                    j += 1
                    continue
                h_title = tj.get("title")
                h_phrase = tj.get("phrase")
                h_cpre = tj.get("cprefix")
                h_hon = tj.get("honorific") or tj.get("pronoun")
                h_act = tj.get("actor", "capital")
                act = db.actors.get(h_act.ref) if h_act else None
                if act is not None and act.kind == "person":
                    break
                if h_title or h_phrase or h_cpre or h_hon:
                    if countries or insts:
                        break
                    role_hit = h_title or role_hit
                    phrase_hit = h_phrase or phrase_hit
                    cprefix_hit = h_cpre or cprefix_hit
                elif act is not None and act.kind == "country" and h_act.type == "actor":
                    if len(countries) >= 1 and not insts:
                        break
                    if (role_hit is None and phrase_hit is None and cprefix_hit is None and
                            " " not in text[tj.s:tj.e] and _followed_by_cap(text, tj.e, sent.end)):
                        break                 # "Ông Anh Tuấn": a name, not the United Kingdom
                    countries.append((tj, act))
                elif act is not None and act.kind == "organization" and act.subkind != "media":
                    if countries or insts:
                        break
                    insts.append((tj, act))
                else:
                    break
                end = tj.e
                first = False
                j += 1
            chain_end = end
            # a person right after the chain (possibly after a parenthetical: "... Mỹ (CIA) John X")?
            k, pe = j, chain_end
            pm = _PAREN.match(text, chain_end)
            if pm:
                pe = pm.end()
                while k < n and toks[k].s < pe:
                    k += 1
            if k < n and (_adjacent(text, chain_end, toks[k].s) if k == j else
                          toks[k].s - pe <= 1 and text[pe:toks[k].s].strip() == ""):
                hp = toks[k].get("actor")
                pa = db.actors.get(hp.ref) if hp else None
                if pa is not None and pa.kind == "person" and _title_fits(pa, role_hit, phrase_hit):
                    s0 = tok.s
                    for tk in toks[i:j]:
                        hc = tk.get("cprefix")
                        if hc is not None and hc.ref == "country" and not tk.get("title", "honorific"):
                            s0 = toks[min(j, toks.index(tk) + 1)].s
                        else:
                            break
                    out.append(_mention(db, pa, s0, toks[k].e, text, "name"))
                    covered.append((tok.s, toks[k].e))
                    i = k + 1
                    continue
            # a one-word short name of a person the document names in full ("ông Tập", "ông Sơn")?
            if db.short and not countries and not insts and (
                    role_hit is not None or starter.type in ("honorific", "pronoun")):
                sm = _ONE_CAP.match(text, chain_end, sent.end)
                if sm and not _followed_by_cap(text, sm.end(), sent.end) and \
                        not (j < n and toks[j].s <= sm.start(1) < toks[j].e):
                    mnt = _short_ref(db, ctx, text, sm.group(1), tok.s, sm.end(), role_hit, phrase_hit)
                    if mnt is not None:
                        out.append(mnt)
                        covered.append((tok.s, sm.end()))
                        while j < n and toks[j].s < sm.end():
                            j += 1
                        i = j
                        continue
            # an unknown capitalized name right after the chain?
            m = _CAPSEQ_AT.match(text, chain_end, sent.end)
            if m and m.group(1) and (" " in m.group(1) or _foreign_looking(m.group(1))) and (
                    role_hit or starter.type in ("honorific", "pronoun") or
                    (cprefix_hit and cprefix_hit.ref in ("counterpart", "leader"))):
                cs, ce = m.start(1), m.end(1)
                # the name stops at the next dictionary token, except a one-word country that
                # starts it ("Ông Anh Tuấn")
                nxt = next((tk.s for tk in toks[j:] if tk.s > cs or (
                    tk.s == cs and not (tk.get("actor") and db.actors[tk.get("actor").ref].kind == "country"
                                        and " " not in text[tk.s:tk.e]))), sent.end)
                ce = min(ce, nxt)
                name = text[cs:ce].strip(" -")
                if name and not _is_stop_name(db, name):
                    ce = cs + len(name)
                    ctry = countries[0][1].name if countries else (insts[0][1].country if insts else None)
                    out.append(ActorMention(start=tok.s, end=ce, text=text[tok.s:ce], actor_id=None, name=name,
                                            kind="person", via="candidate", country=ctry, confidence=0.6))
                    covered.append((tok.s, ce))
                    while j < n and toks[j].s < ce:
                        j += 1
                    i = j
                    continue
            span = (tok.s, chain_end)
            if host is not None and (role_hit is not None or cprefix_hit is not None):
                # "Tổng thống nước chủ nhà": the country is found in context (the venue)
                if cprefix_hit is not None and cprefix_hit.ref == "country":
                    mnt = ActorMention(start=span[0], end=span[1], text=text[span[0]:span[1]], actor_id=None,
                                       name=None, kind="country", via="reference", confidence=0.5)
                    pending.append((sent, mnt, "host_country", None))
                else:
                    mnt = _role_mention(db, None, None, span, text, "reference", 0.8)
                    pending.append((sent, mnt, "host_role", role_hit.ref if role_hit is not None else None))
                out.append(mnt)
                covered.append(span)
                i = j
                continue
            if phrase_hit is not None:
                r = phrase_hit.ref
                h = ctx.holder(r["role"], r.get("country"), date, r.get("org"))
                out.append(_role_mention(db, h, r.get("country"), span, text, "reference", 0.9))
                covered.append(span)
                i = j
                continue
            if cprefix_hit is not None and (countries or insts):
                kind = cprefix_hit.ref
                target = countries[0][1] if countries else insts[0][1]
                tcountry = target.name if target.kind == "country" else target.country
                if kind == "country":
                    out.append(_mention(db, target, span[0], span[1], text, "reference"))
                elif kind == "leader" and tcountry:
                    h = ctx.holder(db.leader_role(tcountry), tcountry, date)
                    out.append(_role_mention(db, h, tcountry, span, text, "reference", 0.85))
                elif kind == "counterpart" and tcountry:
                    mnt = _role_mention(db, None, tcountry, span, text, "reference", 0.8)
                    out.append(mnt)
                    pending.append((sent, mnt, "counterpart", tcountry))
                covered.append(span)
                i = j
                continue
            if role_hit is not None and countries:
                tr = role_hit.ref
                allowed = tr.get("countries")
                for k, (ctok, ctry) in enumerate(countries):
                    if allowed and ctry.name not in allowed:
                        _plain(db, text, ctok, out, covered, sent)   # "Chủ tịch" of another country
                        continue
                    h = ctx.holder(_title_role(tr, ctry.name), ctry.name, date, tr.get("org"))
                    s0 = tok.s if k == 0 else ctok.s
                    out.append(_role_mention(db, h, ctry.name, (s0, ctok.e), text, "role", 0.9))
                # a second country joined by "-"/"và": "Tổng thống Nga-Mỹ"
                if j < n and len(countries) == 1:
                    tj = toks[j]
                    h2 = tj.get("actor")
                    a2 = db.actors.get(h2.ref) if h2 else None
                    if (a2 is not None and a2.kind == "country" and
                            _PAIR_SEP.match(text[chain_end:tj.s]) and (not allowed or a2.name in allowed)):
                        h = ctx.holder(_title_role(tr, a2.name), a2.name, date, tr.get("org"))
                        out.append(_role_mention(db, h, a2.name, (tj.s, tj.e), text, "role", 0.85))
                        j += 1
                covered.append(span)
                i = j
                continue
            if role_hit is not None and insts:
                # "Người phát ngôn Bộ Ngoại giao Trung Quốc": role of the institution's country
                tr = role_hit.ref
                inst = insts[0][1]
                # the institution's country, or the organization itself ("Tổng Thư ký Liên hợp quốc")
                h = ctx.holder(tr["role"], inst.country, date, inst.id) if inst.country else None
                if h is None:
                    h = ctx.holder(tr["role"], inst.name, date)
                if h is not None or inst.country:
                    out.append(_role_mention(db, h, inst.country, span, text, "role", 0.8))
                    covered.append(span)
                    i = j
                    continue
            if role_hit is not None and not countries and not insts:
                tr = role_hit.ref
                allowed = tr.get("countries")
                if allowed and len(allowed) == 1 and tok.e - tok.s > 0 and j == i + 1:
                    h = ctx.holder(tr["role"], allowed[0], date, tr.get("org"))
                    if h is not None and not _followed_by_cap(text, tok.e, sent.end):
                        out.append(_role_mention(db, h, allowed[0], span, text, "role", 0.8))
                        covered.append(span)
                elif j == i + 1 and tok.get("title") is not None and not _followed_by_cap(text, tok.e, sent.end) \
                        and not _BARE_TITLE_NOT_AFTER.search(low, max(sent.start, tok.s - 14), tok.s) \
                        and not _plural_before(low, sent.start, tok.s):
                    # a bare title ("Thủ tướng cho biết"): the person in context who holds it
                    mnt = _role_mention(db, None, None, span, text, "reference", 0.6)
                    out.append(mnt)
                    pending.append((sent, mnt, "title_ref", tr))
                    covered.append(span)
                i = j if j > i else i + 1
                continue
            pron = tok.get("pronoun")
            if pron is not None and j == i + 1 and not countries and not insts:
                nw = _NEXT_WORD.match(low, tok.e)
                if not _followed_by_cap(text, tok.e, sent.end) and not _plural_before(low, sent.start, tok.s) \
                        and not (nw and nw.group(1) in db.pronoun_stop):
                    mnt = ActorMention(start=tok.s, end=tok.e, text=text[tok.s:tok.e], actor_id=None,
                                       name=None, kind="person", via="pronoun", confidence=0.7)
                    out.append(mnt)
                    pending.append((sent, mnt, "pronoun", pron.alias))
                i += 1
                continue
            # chain gave nothing by itself: fall through to plain handling of its tokens
            if j == i:
                j = i + 1
            skip = 1 if (starter is not None and not (starter.type == "cprefix" and tok.get("actor"))) else 0
            for tk in toks[i + skip:j]:
                _plain(db, text, tk, out, covered, sent)
            i = j
            continue
        if tok.get("host") is not None:
            mnt = ActorMention(start=tok.s, end=tok.e, text=text[tok.s:tok.e], actor_id=None, name=None,
                               kind="country", via="reference", confidence=0.5)
            out.append(mnt)
            pending.append((sent, mnt, "host_country", None))
            i += 1
            continue
        g = tok.get("group")
        if g is not None:
            mnt = ActorMention(start=tok.s, end=tok.e, text=text[tok.s:tok.e], actor_id=None, name=None,
                               kind="group", via="reference", confidence=0.7)
            # "hai nhà lãnh đạo Nga - Mỹ": members given explicitly
            j = i + 1
            explicit = []
            end = tok.e
            while j < n and len(explicit) < 2:
                tj = toks[j]
                ha = tj.get("actor")
                a2 = db.actors.get(ha.ref) if ha else None
                sep = text[end:tj.s]
                if a2 is None or a2.kind != "country" or not (sep.strip() in ("", "-", "–", "và") and len(sep) <= 5):
                    break
                explicit.append(a2)
                end = tj.e
                j += 1
            if len(explicit) == 2:
                mnt.end = end
                mnt.text = text[tok.s:end]
                if g.ref.get("members") == "countries":
                    mnt.members = [a.name for a in explicit]
                else:
                    role = g.ref.get("role")
                    ms = []
                    for c in explicit:
                        h = ctx.holder(role or db.leader_role(c.name), c.name, date)
                        ms.append(h.name if h else c.name)
                    mnt.members = ms
                mnt.confidence = 0.85
                out.append(mnt)
                i = j
                continue
            out.append(mnt)
            pending.append((sent, mnt, "group", g.ref))
            i += 1
            continue
        _plain(db, text, tok, out, covered, sent)
        i += 1
    covered.extend((tk.s, tk.e) for tk in toks if tk.hits)
    _candidates(db, text, low, sent, out, covered)
    if db.credit_re is not None and ":" in sent.text:
        # "Ảnh: Nhật Bắc", "(Ảnh: Telegram/Zelensky)": a photographer / agency, not a person of the story
        credits = [(c.start(), c.end()) for c in db.credit_re.finditer(low, sent.start, sent.end)]
        if credits:
            out = [m for m in out if not (m.kind == "person" and any(a <= m.start and m.end <= b for a, b in credits))]
    for m in out:
        if m.kind == "person" and m.actor_id and m.via in ("name", "alias") and ctx.historical(m.actor_id):
            m.confidence = min(m.confidence, db.historical_conf)
    out.sort(key=lambda m: m.start)
    return out


_ONE_CAP = re.compile(r" (%s)(?![\w-])" % _CAPWORD)


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


_BARE_TITLE_NOT_AFTER = re.compile(
    r"(?:là|làm|chức|ghế|cử|vị trí|nhiệm kỳ|cương vị|danh nghĩa|cựu|phó|ứng viên|văn phòng|dinh)\s+$")
_NEXT_WORD = re.compile(r" (\w+)")
_PLURAL = re.compile(r"(?:các|những|nhiều|mọi|hai|ba|vài|một số|giới)\s+$")


def _plural_before(low: str, sent_start: int, pos: int) -> bool:
    """"các nhà lãnh đạo", "những ông ...": plural or generic, not a pronoun."""
    return bool(_PLURAL.search(low, max(sent_start, pos - 12), pos))


def _followed_by_cap(text: str, pos: int, end: int) -> bool:
    return pos + 1 < end and text[pos] == " " and text[pos + 1].isupper()


def _plain(db: ActorDB, text: str, tok: _Tok, out: list, covered: list, sent: Sentence) -> None:
    h = tok.get("actor", "capital", "demonym")
    if h is None:
        return
    a = db.actors.get(h.ref)
    if a is None:
        return
    if h.type == "capital":
        out.append(_mention(db, a, tok.s, tok.e, text, "metonym", 0.9))
    elif h.type == "demonym":
        out.append(_mention(db, a, tok.s, tok.e, text, "alias", 0.7))
    else:
        if a.kind == "country" and tok.s > sent.start + 1 and text[tok.s - 1] == " " \
                and " " not in text[tok.s:tok.e]:
            # one-syllable country alias glued to a preceding capitalized unknown word is part of
            # a name ("Nguyễn Minh Đức", "Hoàng Anh")
            m = _LAST_WORD.search(text, max(sent.start, tok.s - 25), tok.s)
            if m and m.group(1)[:1].isupper() and m.group(1).lower() not in _DIRECTIONS and not any(cs <= tok.s - 2 < ce for cs, ce in covered) \
                    and not _prev_is_token(out, tok.s):
                tok.hits, tok.by = [], {}     # dropped: the candidate finder sees the whole name
                return
        via = "name" if text[tok.s:tok.e] == a.name else "alias"
        out.append(_mention(db, a, tok.s, tok.e, text, via))
    covered.append((tok.s, tok.e))


def _org_of_country(db: ActorDB, text: str, tok: _Tok, nxt: _Tok, out: list, covered: list) -> bool:
    """A country-less institution ("Văn phòng Tổng thống", "Quốc hội") directly followed by a country:
    one organization mention of that country."""
    h = tok.get("actor")
    a = db.actors.get(h.ref) if h is not None else None
    if a is None or a.kind != "organization" or a.country is not None or text[tok.e:nxt.s] != " ":
        return False
    h2 = nxt.get("actor")
    c = db.actors.get(h2.ref) if h2 is not None else None
    if c is None or c.kind != "country":
        return False
    out.append(ActorMention(start=tok.s, end=nxt.e, text=text[tok.s:nxt.e], actor_id=a.id, name=a.name,
                            kind="organization", via="alias", country=c.name, confidence=0.9))
    covered.append((tok.s, nxt.e))
    return True


def _prev_is_token(out: list[ActorMention], pos: int) -> bool:
    return any(m.end >= pos - 1 and m.end <= pos for m in out)


def _role_mention(db: ActorDB, h: Actor | None, country: str | None, span: tuple[int, int], text: str,
                  via: str, conf: float) -> ActorMention:
    s, e = span
    if h is not None:
        return ActorMention(start=s, end=e, text=text[s:e], actor_id=h.id, name=h.name, kind="person",
                            via=via, country=h.country or country, confidence=conf)  # type: ignore[arg-type]
    return ActorMention(start=s, end=e, text=text[s:e], actor_id=None, name=None, kind="person",
                        via=via, country=country, confidence=conf * 0.5)  # type: ignore[arg-type]


def _is_stop_name(db: ActorDB, name: str) -> bool:
    words = name.split()
    return all(w.lower() in db.stopwords for w in words) or (
        len(words) > 1 and all(w.isupper() and len(w) > 1 for w in words))


def _title_case(st: str) -> bool:
    """A Title Case Headline: most words capitalized, so capitals say nothing about names."""
    words = st.split()
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= 0.7 * len(words)


def _candidates(db: ActorDB, text: str, low: str, sent: Sentence, out: list, covered: list) -> None:
    """Unknown capitalized multi-syllable names not covered by the dictionary."""
    st = sent.text
    title_case = None                         # computed on first need
    for m in _CAPSEQ.finditer(st):
        mt = m.group(0)
        s, e = sent.start + m.start(), sent.start + m.end()
        if " " not in mt and not _foreign_looking(mt):
            # one Vietnamese-looking capitalized word: never a name, unless it starts a two-syllable
            # organization word followed by a name ("Ủy ban Đối ngoại", "Tòa án Tối cao")
            oc = None
            if mt.lower() in db.org_multi_first:
                oc = next((c for c in db.org_cues_multi if low.startswith(c + " ", s)), None)
            nx = _NEXT_CAPSEQ.match(text, s + len(oc), sent.end) if oc is not None else None
            if nx is None:
                continue
            e = nx.end()
        if any(cs <= s and e <= ce for cs, ce in covered):
            continue
        # split around covered spans
        pieces = [(s, e)]
        for cs, ce in covered:
            if ce <= s or cs >= e:
                continue
            nxt = []
            for ps, pe in pieces:
                if ce <= ps or cs >= pe:
                    nxt.append((ps, pe))
                else:
                    if cs > ps:
                        nxt.append((ps, cs))
                    if ce < pe:
                        nxt.append((ce, pe))
            pieces = nxt
        for ps, pe in pieces:
            seg = text[ps:pe]
            lead = len(seg) - len(seg.lstrip(" -"))
            ps += lead
            seg = seg.strip(" -")
            pe = ps + len(seg)
            if not seg:
                continue
            words = seg.split()
            # sentence-initial (or after an opening quote) stop words are not names
            at_start = ps == sent.start or text[sent.start:ps].strip() in ('"', "“", "(", "'", "‘") or \
                text[max(sent.start, ps - 2):ps] in (': ', '" ', '“')
            while words and (at_start or len(words) > 1) and words[0].lower() in db.stopwords:
                ps += len(words[0]) + 1
                words = words[1:]
                at_start = False
            if not words:
                continue
            seg = " ".join(words)
            if text[ps:ps + len(seg)] != seg:
                seg = text[ps:ps + len(seg)]
            pe = ps + len(seg)
            if all(w.isupper() and len(w) > 1 for w in words):
                continue                      # headline caps / acronyms
            kind, cue, dist = _cue_kind(db, low, sent.start, ps)
            if cue is None:
                if title_case is None:
                    title_case = _title_case(st)
                if title_case:
                    continue
            lead = low[ps:ps + 12]
            own = next((c for c in db.org_cues if lead.startswith(c + " ")), None)
            if own is not None and len(words) >= 2:
                # the name starts with an organization word: "Bộ Tài chính Mỹ", "Tập đoàn Vingroup"
                kind, cue, dist = "organization", own, 0
                limit = min((cs for cs, _ in covered if cs >= pe), default=sent.end)
                pe = _org_extent(text, pe, max(pe, min(limit - 1 if limit < sent.end else limit, sent.end)),
                                 own in db.org_heads)
                seg = text[ps:pe]
            if len(words) < 2 and (cue is None or dist > 0 or not _foreign_looking(words[0])):
                continue
            if at_start and cue is None and len(words) < 3:
                # a capitalized common word starting the sentence followed by a name part is rare;
                # two capitalized words at the very start are usually a name, keep with low confidence
                conf = 0.3
            else:
                conf = 0.5 if cue else 0.4
            ctry = None
            if kind == "organization":
                nxt = next((x for x in out if x.start >= pe and x.start - pe <= 1 and x.kind == "country"), None)
                if nxt is not None:       # "Bộ Tài chính Mỹ": the organization of that country
                    ctry = nxt.country
                    out.remove(nxt)
                    pe = nxt.end
                    seg = text[ps:pe]
            out.append(ActorMention(start=ps, end=pe, text=seg, actor_id=None, name=seg, kind=kind,  # type: ignore[arg-type]
                                    via="candidate", country=ctry, confidence=conf))


def _org_extent(text: str, pe: int, end: int, head: bool = True) -> int:
    """Extend an organization name over its lower-case second syllables: "Viện Hàn lâm Khoa học Xã
    hội", "Ban Chấp hành Trung ương" (Vietnamese capitalizes only the first syllable of each word)."""
    for _ in range(6):
        tail = _ORG_TAIL.match(text, pe, end)
        if tail is None:
            last = _LAST_CAP.search(text, max(0, pe - 12), pe)
            low = _LOW_SYL.match(text, pe, end)
            # a name does not end on one capitalized Vietnamese syllable: take its second syllable
            if head and last and low and not _foreign_looking(last.group(1)) and low.group(1) not in _FUNCTION_WORDS:
                pe = low.end()
            return pe
        pe = tail.end()
        nx = _NEXT_CAPSEQ.match(text, pe, end)
        if nx is None:
            return pe
        pe = nx.end()
    return pe


_FUNCTION_WORDS = frozenset(("và", "của", "với", "đã", "sẽ", "đang", "là", "cho", "tại", "ở", "được", "bị",
                             "cũng", "vừa", "có", "không", "trong", "về", "từ", "theo", "khi", "thì"))
_NEXT_CAPSEQ = re.compile(" %s(?:[ ]%s)*" % (_CAPWORD, _CAPWORD))
_LAST_CAP = re.compile(r"(?:^|[ ])(%s)$" % _CAPWORD)
_LOW_SYL = re.compile(r" ([a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]+)(?![\w-])")
_ORG_TAIL = re.compile(r" [a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]+(?= [%s]|[,.;:]|$)" % _UP)
_VI_SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$")
_CLUSTER_END = re.compile(r"[bcdfghjklmnpqrstvwxz]{2,}$")


def _foreign_looking(w: str) -> bool:
    """A word that cannot be one Vietnamese syllable ("Zarubezhneft", "Kellogg")."""
    if len(w) >= 8 or "-" in w:
        return True
    lw = w.lower()
    if "f" in lw or "j" in lw or "w" in lw or "z" in lw:
        return True
    if len(w) >= 5 and w.isascii() and not _VI_SYLLABLE.match(lw):
        return True                             # no diacritics, not one syllable: "Rosatom", "Kellogg"
    return bool(_CLUSTER_END.search(lw)) and not lw.endswith(("ch", "ng", "nh"))


def _cue_kind(db: ActorDB, low: str, sent_start: int, pos: int) -> tuple[str, str | None, int]:
    prev = low[max(sent_start, pos - 40):pos]
    words = _WORDS.findall(prev)[-4:]
    # nearest cue first: try 1..3-word phrases ending right before the name, then further back
    for back in range(0, len(words)):
        for size in (3, 2, 1):
            if back + size > len(words):
                continue
            phrase = " ".join(words[len(words) - back - size:len(words) - back])
            if phrase in db.person_cues:
                return "person", phrase, back
            if phrase in db.org_cues:
                return "organization", phrase, back
            if phrase in db.place_cues:
                return "place", phrase, back
    return "person", None, 99


# ------------------------------------------------------------------------------------- context

_VENUE_CUE = re.compile(r"(?:tại|ở|tới|đến|thăm|sang)\s+$", re.I)
_WITH = re.compile(r"(?<!\w)(?:với|cùng)\s", re.I)
_COORD = re.compile(r"\s*(?:và|với|cùng|-|–)\s*")
_OBLIQUE = ("của", "với", "giữa", "cho", "và", "về", "tới", "gặp", "mời", "thay", "cùng")
_QSPAN = re.compile(r'"[^"]*"|“[^”]*”|\([^()]*\)')


def _shielded(text: str, sent: Sentence) -> list[tuple[int, int]]:
    """Spans of quotations and parentheses in the sentence (absolute offsets)."""
    st = sent.text
    if '"' not in st and "“" not in st and "(" not in st:
        return []
    return [(sent.start + m.start(), sent.start + m.end()) for m in _QSPAN.finditer(st)]


def _oblique(text: str, sent: Sentence, m: ActorMention) -> bool:
    prev = text[max(sent.start, m.start - 12):m.start].rstrip().lower()
    w = prev.rsplit(None, 1)[-1] if prev.split() else ""
    return w in _OBLIQUE


def _is_person(m: ActorMention) -> bool:
    return m.kind == "person" and (m.actor_id is not None or (m.via == "candidate" and bool(m.name)))


def _same(a: ActorMention | None, b: ActorMention | None) -> bool:
    if a is None or b is None:
        return False
    if a.actor_id or b.actor_id:
        return a.actor_id == b.actor_id
    return a.name == b.name


def _resolve_context(db: ActorDB, text: str, sentences: list[Sentence], ctx: _DocCtx, pending: list) -> None:
    if not pending:
        return
    date = ctx.date
    # document salience of persons (resolved ones)
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for s in sentences:
        w = 3 if s.role in ("title", "lead") else 1      # the headline and lead set the focus
        for m in s.actors:
            if m.kind == "person" and m.actor_id:
                counts[m.actor_id] = counts.get(m.actor_id, 0) + w
                first.setdefault(m.actor_id, m.start)
    ranked = sorted(counts, key=lambda a: (-counts[a], first[a]))

    def ever(a: str, roles) -> bool:
        return any(r.role in roles for r in db.actors[a].roles)

    def focus(roles=None) -> list[str]:
        """The two most-mentioned persons holding (at any time: the anchor may be unsure) one of
        ``roles``, or a leader role."""
        roles = tuple(roles) if roles else LEADER_ROLES
        pool = [a for a in ranked if ever(a, roles) and not ctx.historical(a)]
        if len(pool) < 2:
            pool = pool + [a for a in ranked if a not in pool]
        return pool[:2]

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
                    sides: bool = False) -> list[ActorMention] | None:
        """The participants of the event in focus: two actors coordinated just before ("Moscow và
        Kiev", "giữa ông A và ông B") or a subject and the actor after "với/cùng" ("X hội đàm với
        Y"), in this sentence before ``pos`` or in the two previous ones."""
        for k in (0, 1, 2):                   # this sentence, then the two previous ones
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
        if "với" not in st and "cùng" not in st:
            return None
        withs = [sc.start + w.end() for w in _WITH.finditer(st)]
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

    def conflict(si: int) -> bool:
        if db.conflict_re is None:
            return False
        return any(cue_in(k) for k in (si, si - 1, si - 2) if k >= 0) or any(cue_in(k) for k in heads)

    def recent_holders(sent_idx: int, pos: int, roles) -> list[ActorMention] | None:
        """The last two persons of different countries who (ever) held ``roles``, mentioned in this
        sentence before ``pos`` or in the two previous ones ("X hội đàm với Y. Hai ngoại trưởng ...")."""
        seen: list[ActorMention] = []
        for k in range(sent_idx, max(-1, sent_idx - 3), -1):
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

    def host_country(sent_idx: int, pos: int) -> str | None:
        """The country of the venue mentioned last before ``pos`` (a place, or a country after
        "tại/ở/tới/đến/thăm")."""
        for k in range(sent_idx, -1, -1):
            for m in reversed(sentences[k].actors):
                if k == sent_idx and m.start >= pos:
                    continue
                if m.kind == "place" and m.country:
                    return m.country
                if m.kind == "country" and m.name and m.via != "reference" and \
                        _VENUE_CUE.search(text, max(0, m.start - 8), m.start):
                    return m.name
        return None

    pend = {id(m): (kind, arg) for _, m, kind, arg in pending}
    last_person: ActorMention | None = None      # the last person mentioned (outside quotes)
    history: list[ActorMention] = []             # persons mentioned outside quotes, in order
    prev_subject: ActorMention | None = None     # the subject of the previous sentence
    last_para = -1
    for si, s in enumerate(sentences):
        carried = s.paragraph != last_para
        last_para = s.paragraph
        shield = _shielded(text, s)
        subject: ActorMention | None = None
        for m in s.actors:
            p = pend.get(id(m))
            if p is not None:
                kind, arg = p
                if kind == "pronoun":
                    src = None
                    if arg != "người đồng cấp" and any(a <= m.start < b and text[a] != "(" for a, b in shield):
                        # "ông ấy" inside a quotation: the speaker talks about someone else
                        spk = next((x for x in s.actors if _is_person(x) and x.name and x is not m and
                                    not any(a <= x.start < b for a, b in shield)), None) \
                            or subject or prev_subject or last_person
                        src = next((x for x in reversed(history) if not _same(x, spk)), None)
                        if src is not None:
                            m.actor_id, m.name, m.country = src.actor_id, src.name, src.country
                            m.confidence = 0.5
                        continue
                    if _oblique(text, s, m):
                        src = last_person
                    elif subject is not None:
                        src = subject
                    else:
                        src = prev_subject or last_person
                    if arg == "người đồng cấp":
                        near = last_person
                        other = [a for a in focus() if near is None or a != near.actor_id]
                        src = None
                        if other:
                            a = db.actors[other[0]]
                            m.actor_id, m.name, m.country, m.confidence = a.id, a.name, a.country, 0.6
                    if src is not None:
                        m.actor_id, m.name, m.country = src.actor_id, src.name, src.country
                        m.confidence = 0.6 if carried else 0.75
                elif kind == "counterpart":
                    role = None
                    if last_person is not None and last_person.actor_id:
                        r = db.role_of(last_person.actor_id, date)
                        role = r.role if r else None
                    h = ctx.holder(role or db.leader_role(arg), arg, date)
                    if h is None and role:
                        h = ctx.holder(db.leader_role(arg), arg, date)
                    if h is not None:
                        m.actor_id, m.name, m.country, m.confidence = h.id, h.name, h.country, 0.8
                elif kind == "title_ref":
                    roles = {arg["role"], *((arg.get("overrides") or {}).values())}
                    cands = [x for x in (subject, prev_subject, last_person) if x is not None and x.actor_id]
                    pick = next((x for x in cands if any(r.role in roles for r in db.actors[x.actor_id].roles)), None)
                    if pick is None:
                        holders = [a for a in ranked if any(r.role in roles for r in db.actors[a].roles)]
                        if len(holders) == 1:
                            a = db.actors[holders[0]]
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
                    pair = recent_pair(si, m.start, want == "persons", arg.get("roles"))
                    if pair is None and want != "countries":
                        pair = recent_holders(si, m.start, tuple(arg["roles"]) if arg.get("roles") else LEADER_ROLES)
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
            if _is_person(m) and not any(a <= m.start < b for a, b in shield):
                last_person = m
                if not history or not _same(history[-1], m):
                    history.append(m)
                if subject is None and not _oblique(text, s, m):
                    subject = m
        if subject is not None:
            prev_subject = subject
        elif carried:
            prev_subject = None



__all__ = ["ActorDB", "Actor", "Role", "find_actors"]
