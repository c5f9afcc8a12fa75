"""Actor mention finding: ``find_actors`` scans a document and composes its mentions.

The layer is split by responsibility (all names used to live here and stay importable from here):

* ``actordb``: the dictionary (``ActorDB.load(res)``: ``data/actors/*.yaml``, ONE Aho–Corasick
  automaton over the matching form of every alias, title and reference phrase, dated roles);
* ``actors`` (this module): the per-sentence scan and the composition of tokens into mentions;
* ``candidates``: unknown capitalized names → typed candidates;
* ``references``: document context (role holders, historical persons, short names, pronouns,
  counterparts, bare titles, host country, groups such as "hai bên").

``find_actors``, per sentence:

1. takes the automaton matches (one pass over the document, C speed) that start and end at word
   boundaries and respect case (a one-word alias written with an upper-case initial, "Nga", "Mỹ",
   "Pháp", only matches an upper-case initial in the text, so "giải pháp" is not France), and picks
   the best cover (leftmost-longest);
2. composes tokens: title/reference chains + a name ("Tổng thống Nga Vladimir Putin" → one person
   mention), title + country ("Tổng thống Mỹ" → the holder at the anchor date), reference phrases
   ("ông chủ Nhà Trắng"), "<prefix> <country>" references ("người đồng cấp Mỹ", "nhà lãnh đạo Nga",
   "phía Nga"; "lãnh đạo Việt Nam" alone and "các nhà lãnh đạo X" are the country's leadership),
   capitals as metonyms ("Moscow" → Russia), institutions (with a following country:
   "Văn phòng Tổng thống Ukraine"), places, short names ("ông Tập", ``references._short_ref``), an
   ambassador's post ("Đại sứ Ấn Độ tại Việt Nam X" is one person of India), predecessors and
   successors ("người tiền nhiệm của bà", ``_relations``);
3. unknown capitalized names become typed candidates (``candidates``);
4. drops persons inside photo / source credits ("Ảnh: X", "(Ảnh: Reuters)", "Nguồn: X") and lowers
   the confidence of historical persons (``historical_confidence``; ``active: true`` exempts);

and finally, over the whole document in order, ``references._resolve_context`` resolves the
context-dependent references (pronouns, counterparts, bare titles, "hai nhà lãnh đạo", "hai bên").
"""
from __future__ import annotations

import bisect
import re
from operator import attrgetter
from typing import Any

from ..models import ActorMention, Anchor, Sentence
from ..textnorm import MatchForm, match_form
from ..textnorm import match_form as fast_form  # noqa: F401  (was a faster twin of match_form; kept for importers)
from .actordb import (LEADER_ROLES, Actor, ActorDB, Hit, Role, _mention, _Tok,  # noqa: F401  (re-exported)
                      _title_fits, _title_role, scan_form)
from .candidates import _CAPSEQ_AT, _CAPWORD, _candidates, _foreign_looking, _is_stop_name, jurisdiction_cut
from .references import _DocCtx, _resolve_context, _short_ref
from .pairs import add_pair_forms

_PAREN = re.compile(r"\s*\([^()\n]{1,40}\)")
_DIRECTIONS = frozenset(("đông", "tây", "nam", "bắc", "miền", "trung", "thủ", "toàn", "nước", "phía"))
_LAST_WORD = re.compile(r"(\w+) $")
_START = attrgetter("start")


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
    # the last test is _gap_ok's parenthetical case, which needs a "("
    return g == " " or (g != "" and g.isspace() and "\n" not in g) or ("(" in g and _gap_ok(text, a, b))


_PAIR_SEP = re.compile(r"\s*(?:-|–|và|,)\s*$")



def find_actors(text: str, sentences: list[Sentence], anchor: Anchor | None, res,
                mf: MatchForm | None = None) -> None:
    """Fill ``sentence.actors`` for every sentence (in place). ``mf``: ``match_form(text)`` when
    the caller already has it."""
    db: ActorDB = res.actors
    if mf is None:
        mf = match_form(text)
    t = mf.text
    # map original offsets -> matching-form offsets (identity in the common case)
    if mf._starts is None:
        to_mf = None
    else:
        to_mf = {}
        for i, o in enumerate(mf._starts):
            to_mf.setdefault(o, i)
    pending: list[tuple[Sentence, ActorMention, str, Any]] = []
    scan = scan_form(t)
    named: dict[str, int] = {}
    first: dict[str, int] = {}
    if to_mf is None:
        bounds = [(x.start, x.end) for x in sentences]
    else:
        bounds = [(to_mf.get(x.start, 0), to_mf.get(x.end, len(t))) for x in sentences]
    if all(a[1] <= b[0] for a, b in zip(bounds, bounds[1:])) and all(a <= b for a, b in bounds):
        scans = db._doc_tokens(text, scan, mf, bounds)     # disjoint sentences: one pass
    else:
        scans = _sentence_tokens(db, text, scan, mf, sentences, bounds)
    for toks in scans:
        for tk in toks:
            for ref in tk.k.persons:          # the hits naming a person
                named[ref] = named.get(ref, 0) + 1
                first.setdefault(ref, tk.s)
    ctx = _DocCtx(db, anchor, named, first)
    low = t if to_mf is None else text.lower()
    apposed: dict[str, str] = {}
    for sent, toks in zip(sentences, scans):
        sent.actors = _compose(db, text, low, sent, toks, ctx, pending)
        _apposed_countries(db, text, low, sent, apposed)
        _body_holder_countries(sent, apposed)
        add_pair_forms(db, text, sent)        # "Mỹ – Trung": short forms of a dash pair
    if apposed:                               # the same unknown person named again: the same country
        for sent in sentences:
            for x in sent.actors:
                if x.kind == "person" and x.via == "candidate" and x.country is None and x.name in apposed:
                    x.country = apposed[x.name]
    _resolve_context(db, text, sentences, ctx, pending)


def _sentence_tokens(db: ActorDB, text: str, scan: str, mf: MatchForm, sentences: list[Sentence],
                     bounds: list[tuple[int, int]]) -> list[list[_Tok]]:
    """The tokens of each sentence, one sentence at a time (sentences that overlap or are out of
    order; ``ActorDB._doc_tokens`` is the one-pass equivalent for the usual disjoint ones)."""
    scans = []
    ordered = all(a.start <= b.start for a, b in zip(sentences, sentences[1:]))
    raw_all = db._raw_all(scan) if ordered else []      # one pass over the document
    # raw matches come in end order; sentences are in text order: the matches of a sentence are
    # those ending in (start, end] that start at or after its start
    raw_ends = [r[1] for r in raw_all]
    right = bisect.bisect_right
    lo = 0
    for ms, me in bounds:
        if ordered:
            lo = right(raw_ends, ms, lo)
            raw = [r for r in raw_all[lo:right(raw_ends, me, lo)] if r[0] >= ms]
            toks = db._select(text, mf, raw)
        else:
            toks = db._scan(text, scan, mf, ms, me)
        scans.append(toks)
    return scans


def _title_prefixes(db: ActorDB, text: str, low: str, sent: Sentence, out: list[ActorMention]) -> None:
    """"Quyền Bộ trưởng Ngoại giao Lào X", "nguyên Thủ tướng Y": the prefix word before a person
    mention that starts with a title (an upper-case word that is not the person's name) joins it."""
    for m in out:
        if m.kind != "person" or m.start - sent.start < 4 or not m.text[:1].isupper():
            continue
        p = db.title_prefix_re.search(low, max(sent.start, m.start - 12), m.start)
        if p is None or (m.name and text[m.start:].startswith(m.name.split()[0])):
            continue          # (a bare name after the word: "nguyên" may end a name itself)
        m.start = p.start()
        m.text = text[m.start:m.end]


def _compose(db: ActorDB, text: str, low: str, sent: Sentence, toks: list[_Tok], ctx: _DocCtx,
             pending: list) -> list[ActorMention]:
    date = ctx.date
    out: list[ActorMention] = []
    n = len(toks)
    i = 0
    covered: list[tuple[int, int]] = []
    rels: list[tuple[_Tok, str]] = []
    while i < n:
        tok = toks[i]
        if tok.plain:                         # fast path: a bare name / alias / capital / demonym
            if i + 1 < n and tok.k.org_free is not False and _org_of_country(db, text, tok, toks[i + 1], out, covered):
                i += 2                         # "Văn phòng Tổng thống Ukraine"
                continue
            _plain(db, text, tok, out, covered, sent)
            i += 1
            continue
        starter = tok.k.starter               # tok.get("title", "phrase", "cprefix", "honorific", "pronoun")
        pf = tok.k.person_first
        if pf is None:                        # (a key built without the actor table)
            person_here = tok.first.get("actor")
            pf = bool(person_here) and db.actors[person_here.ref].kind == "person"
        if pf:
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
                if not first and text[end:tj.s] != " " and not _adjacent(text, end, tj.s):
                    break
                ch = tj.k.chain
                if ch is None:                # (a key built without the actor table)
                    ha = tj.k.act_cap
                    ch = (tj.first.get("host"), tj.first.get("title"), tj.first.get("phrase"),
                          tj.first.get("cprefix"), tj.first.get("honorific") or tj.first.get("pronoun"),
                          ha, db.actors.get(ha.ref) if ha else None)
                h_host, h_title, h_phrase, h_cpre, h_hon, h_act, act = ch
                if h_host is not None and not first:
                    if countries or insts or host:
                        break
                    host = tj
                    end = tj.e
                    j += 1
                    continue
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
                            " " not in text[tj.s:tj.e] and _followed_by_cap(text, tj.e, sent.end)
                            and not _foreign_name_after(text, tj, sent.end)):
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
            if countries and j < n and (role_hit is not None or starter.type == "honorific") and \
                    _POST.fullmatch(low, chain_end, toks[j].s):
                # "Đại sứ Ấn Độ tại Việt Nam Sandeep Arya": the post (a country or capital after
                # "tại") belongs to the title when a name follows it
                if _country_tok(db, toks[j]) and _followed_by_cap(text, toks[j].e, sent.end):
                    chain_end = toks[j].e
                    j += 1
            # a person right after the chain (possibly after a parenthetical: "... Mỹ (CIA) John X")?
            k, pe = j, chain_end
            pm = _PAREN.match(text, chain_end)
            if pm:
                pe = pm.end()
                while k < n and toks[k].s < pe:
                    k += 1
            if k < n and (_adjacent(text, chain_end, toks[k].s) if k == j else
                          toks[k].s - pe <= 1 and text[pe:toks[k].s].strip() == ""):
                hp = toks[k].first.get("actor")
                pa = db.actors.get(hp.ref) if hp else None
                # a title tied to an institution is that body's office ("Chủ tịch Ủy ban Thường vụ
                # Nhân đại ... X"): the person after it holds it, whatever the title's role id says
                if pa is not None and pa.kind == "person" and (
                        (role_hit is None and phrase_hit is None) or (insts and not countries)
                        or _title_fits(pa, role_hit, phrase_hit)):
                    s0 = tok.s
                    for tk in toks[i:j]:
                        hc = tk.first.get("cprefix")
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
                    (cprefix_hit and cprefix_hit.ref in ("counterpart", "leader", "leadership"))):
                cs, ce = m.start(1), m.end(1)
                # the name stops at the next dictionary token, except a one-word country that
                # starts it ("Ông Anh Tuấn")
                nxt = next((tk.s for tk in toks[j:] if tk.s > cs or (
                    tk.s == cs and not (tk.first.get("actor") and db.actors[tk.first.get("actor").ref].kind == "country"
                                        and " " not in text[tk.s:tk.e]))), sent.end)
                ce = min(ce, nxt)
                name = text[cs:ce].strip(" -")
                if name and role_hit is None and starter.type == "cprefix" and \
                        db.cue_kinds.get(name.split()[0].lower()) == "organization":
                    name = ""                 # "người đứng đầu Đảng Cộng sản ...": a body, not a person
                if name and _body_name(db, name):
                    name = ""                 # "Bộ trưởng Bộ Xây dựng": the title of a body, not a person's name
                if name and _building_of_title(db, low, sent.start, tok.s, tok.e):
                    name = ""                 # "tại Dinh Tổng thống Miraflores": a venue, not the holder
                cut = jurisdiction_cut(db, low, sent.start, cs, name) if name else 0
                if cut:
                    # "Thống đốc Texas Greg Abbott": the jurisdiction, then its holder
                    out.append(ActorMention(start=cs, end=cs + cut, text=text[cs:cs + cut], actor_id=None,
                                            name=text[cs:cs + cut], kind="place", via="candidate", country=None,
                                            confidence=0.4))
                    cs, name = cs + cut + 1, name[cut + 1:]
                if name and not _is_stop_name(db, name):
                    ce = cs + len(name)
                    ctry = countries[0][1].name if countries else (insts[0][1].country if insts else None)
                    ps = cs if cut else tok.s
                    out.append(ActorMention(start=ps, end=ce, text=text[ps:ce], actor_id=None, name=name,
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
                if kind == "leader" and _plural_before(low, sent.start, tok.s):
                    kind = "country"          # "các nhà lãnh đạo Việt Nam": the leadership, no one person
                elif kind == "leadership" and j < n and _PAIR_SEP.match(text[chain_end:toks[j].s]) and \
                        _country_tok(db, toks[j]):
                    kind = "leader"           # "lãnh đạo Mỹ và Trung Quốc": one leader per country
                if kind == "country" or (kind == "leadership" and countries):
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
                    h = ctx.holder(_title_role(tr, ctry.name), ctry.name, date, tr.get("org")) \
                        if not tr.get("elect") else db.next_holder(_title_role(tr, ctry.name), ctry.name, date)
                    s0 = tok.s if k == 0 else ctok.s
                    out.append(_role_mention(db, h, ctry.name, (s0, ctok.e), text, "role", 0.9))
                # a second country joined by "-"/"và": "Tổng thống Nga-Mỹ"
                if j < n and len(countries) == 1:
                    tj = toks[j]
                    h2 = tj.first.get("actor")
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
                if j == i + 1 and j < n and text[tok.e:toks[j].s] in _CONCURRENT \
                        and toks[j].first.get("title") is not None:
                    # "Tổng Bí thư, Chủ tịch nước Tô Lâm", "Thủ tướng kiêm Ngoại trưởng Qatar X":
                    # concurrent offices of the one person the next title names, not a second person
                    # (nor the previous subject): resolved to the mention that follows
                    mnt = _role_mention(db, None, None, span, text, "reference", 0.6)
                    out.append(mnt)
                    pending.append((sent, mnt, "concurrent", None))
                    covered.append(span)
                elif allowed and len(allowed) == 1 and tok.e - tok.s > 0 and j == i + 1:
                    h = ctx.holder(tr["role"], allowed[0], date, tr.get("org"))
                    if h is not None and not _followed_by_cap(text, tok.e, sent.end):
                        out.append(_role_mention(db, h, allowed[0], span, text, "role", 0.8))
                        covered.append(span)
                elif j == i + 1 and tok.first.get("title") is not None and not _followed_by_cap(text, tok.e, sent.end) \
                        and not _BARE_TITLE_NOT_AFTER.search(low, max(sent.start, tok.s - 14), tok.s) \
                        and not _plural_before(low, sent.start, tok.s):
                    # a bare title ("Thủ tướng cho biết"): the person in context who holds it
                    mnt = _role_mention(db, None, None, span, text, "reference", 0.6)
                    out.append(mnt)
                    pending.append((sent, mnt, "title_ref", tr))
                    covered.append(span)
                i = j if j > i else i + 1
                continue
            pron = tok.first.get("pronoun")
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
            skip = 1 if (starter is not None and not (starter.type == "cprefix" and tok.first.get("actor"))) else 0
            for tk in toks[i + skip:j]:
                _plain(db, text, tk, out, covered, sent)
            i = j
            continue
        if tok.first.get("host") is not None:
            mnt = ActorMention(start=tok.s, end=tok.e, text=text[tok.s:tok.e], actor_id=None, name=None,
                               kind="country", via="reference", confidence=0.5)
            out.append(mnt)
            pending.append((sent, mnt, "host_country", None))
            i += 1
            continue
        rel = tok.first.get("relation")
        if rel is not None:                   # "người tiền nhiệm (của bà)": after the scan
            rels.append((tok, rel.ref))
            i += 1
            continue
        g = tok.first.get("group")
        if g is not None:
            mnt = ActorMention(start=tok.s, end=tok.e, text=text[tok.s:tok.e], actor_id=None, name=None,
                               kind="group", via="reference", confidence=0.7)
            # "hai nhà lãnh đạo Nga - Mỹ": members given explicitly
            j = i + 1
            explicit = []
            end = tok.e
            while j < n and len(explicit) < 2:
                tj = toks[j]
                ha = tj.first.get("actor")
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
    covered += [(tk.s, tk.e) for tk in toks if tk.hits]
    _candidates(db, text, low, sent, out, covered)
    if db.title_prefix_re is not None:
        _title_prefixes(db, text, low, sent, out)
    if db.credit_re is not None and ":" in sent.text:
        # "Ảnh: Nhật Bắc", "(Ảnh: Telegram/Zelensky)": a photographer / agency, not a person of the story
        credits = [(c.start(), c.end()) for c in db.credit_re.finditer(low, sent.start, sent.end)
                   if not _described(text, c.start(), c.end())]
        if credits:
            out = [m for m in out if not (m.kind == "person" and any(a <= m.start and m.end <= b for a, b in credits))]
    if ctx.has_historical:
        for m in out:
            if m.kind == "person" and m.actor_id and m.via in ("name", "alias") and ctx.historical(m.actor_id):
                m.confidence = min(m.confidence, db.historical_conf)
    if len(out) > 1:
        out.sort(key=_START)
    if rels:
        out = _relations(db, text, low, sent, out, rels, ctx, pending)
    return out


_WORD_START = re.compile(r"(?<!\w)[^\W\d_]", re.UNICODE)


def _building_of_title(db: ActorDB, low: str, sent_start: int, s: int, e: int) -> bool:
    """The word before a title and the title are a place cue of ``candidate_cues`` ("phủ tổng thống",
    "dinh thủ tướng"): the name after them is a building's, not the title holder's."""
    prev = _LAST_WORD.search(low, sent_start, s)
    return prev is not None and db.cue_kinds.get(prev.group(1) + " " + " ".join(low[s:e].split())) == "place"


def _body_name(db: ActorDB, name: str) -> bool:
    """A capitalized name after a title that is the title's body ("Bộ trưởng Bộ Xây dựng", "Chủ tịch
    Ủy ban Kinh tế"): it starts with an organization head word (``org_name_heads``) followed by a
    Vietnamese-looking word (not "Ban Ki-moon")."""
    words = name.split()
    first = words[0].lower()
    if first not in db.org_heads and (len(words) < 2 or f"{first} {words[1].lower()}" not in db.org_heads):
        return False
    rest = words[1:] if first in db.org_heads else words[2:]
    return bool(rest) and not _foreign_looking(rest[0])


def _described(text: str, a: int, b: int) -> bool:
    """"Ảnh: Tổng thống X tiếp ông Y tại Z": a caption that describes the photo (two or more
    lowercase words after the cue: a verb, a preposition, a title) names the persons of the story;
    "Ảnh: Nhật Bắc", "(Ảnh: Reuters/Minh Khôi)" are credits (names only)."""
    colon = text.find(":", a, b)
    return sum(1 for w in _WORD_START.finditer(text, colon + 1 if colon >= 0 else a, b) if w.group().islower()) >= 2


_OF = re.compile(r"\s+của\s+")
_NOT_RELATION_AFTER = re.compile(r"(?:là|làm|trở thành|chọn|cử|chỉ định|đề cử)\s+$")


def _relations(db: ActorDB, text: str, low: str, sent: Sentence, out: list[ActorMention],
               rels: list, ctx: _DocCtx, pending: list) -> list[ActorMention]:
    """"người tiền nhiệm của bà" / "người kế nhiệm của Tổng thống Mỹ": one person mention, the
    previous / next holder of the office of the person after "của" (a pronoun: resolved in context,
    ``references``); alone ("Ông Trump chỉ trích người tiền nhiệm"), the subject's. Not read before a
    name ("người tiền nhiệm Joe Biden" names him) nor as a predicate ("được chọn làm người kế nhiệm")."""
    for tok, rel in rels:
        inner = next((x for x in out if x.start >= tok.e), None)
        if inner is not None and _OF.fullmatch(low, tok.e, inner.start):
            if inner.kind != "person":
                continue
            pend = next((k for k in range(len(pending) - 1, -1, -1) if pending[k][1] is inner), None)
            mnt = ActorMention(start=tok.s, end=inner.end, text=text[tok.s:inner.end], actor_id=None, name=None,
                               kind="person", via="reference", confidence=0.3)
            if pend is not None:
                if pending[pend][2] != "pronoun":
                    continue                  # "của Thủ tướng" (a bare title): left as it is
                pending[pend] = (sent, mnt, "relation", {"relation": rel, "pron": pending[pend][3]})
            elif inner.actor_id:
                h = db.relative(inner.actor_id, rel, ctx.date)
                if h is not None:
                    mnt = _mention(db, h, tok.s, inner.end, text, "reference", 0.8)
            out = [mnt if x is inner else x for x in out]
        elif not _followed_by_cap(text, tok.e, sent.end) and \
                not _NOT_RELATION_AFTER.search(low, max(sent.start, tok.s - 16), tok.s):
            mnt = ActorMention(start=tok.s, end=tok.e, text=text[tok.s:tok.e], actor_id=None, name=None,
                               kind="person", via="reference", confidence=0.3)
            pending.append((sent, mnt, "relation", {"relation": rel, "pron": None}))
            out.append(mnt)
            out.sort(key=_START)
    return out


_CONCURRENT = frozenset((", ", " kiêm "))     # between two titles of one person
_POST = re.compile(r" tại ")
_ONE_CAP = re.compile(r" (%s)(?![\w-])" % _CAPWORD)



_BARE_TITLE_NOT_AFTER = re.compile(
    r"(?:là|làm|chức|ghế|cử|vị trí|nhiệm kỳ|cương vị|danh nghĩa|cựu|phó|ứng viên|văn phòng|dinh)\s+$")
_NEXT_WORD = re.compile(r" (\w+)")
_PLURAL = re.compile(r"(?:các|những|nhiều|mọi|hai|ba|vài|một số|giới)\s+$")


def _plural_before(low: str, sent_start: int, pos: int) -> bool:
    """"các nhà lãnh đạo", "những ông ...": plural or generic, not a pronoun."""
    return bool(_PLURAL.search(low, max(sent_start, pos - 12), pos))


def _foreign_name_after(text: str, tj: _Tok, end: int) -> bool:
    """"Đại sứ Campuchia Chea Kimtha", "ông Lào Khamphao": a one-word country that cannot be a
    syllable of a Vietnamese name, or one followed by a name with a word that cannot be one, is the
    country of the person named after it (not the first word of a Vietnamese name: "Ông Anh Tuấn")."""
    if _foreign_looking(text[tj.s:tj.e]):
        return True
    m = _CAPSEQ_AT.match(text, tj.e, end)
    return bool(m and m.group(1) and any(_foreign_looking(w) for w in m.group(1).replace("-", " ").split()))


def _followed_by_cap(text: str, pos: int, end: int) -> bool:
    return pos + 1 < end and text[pos] == " " and text[pos + 1].isupper()


def _plain(db: ActorDB, text: str, tok: _Tok, out: list, covered: list, sent: Sentence) -> None:
    h = tok.k.plain_hit                  # tok.get("actor", "capital", "demonym")
    if h is None:
        return
    if out and out[-1].start <= tok.s and tok.e <= out[-1].end:
        return                           # inside the name just composed ("Lê Đức Anh": _name_goes_on)
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
            w = _last_word(text, max(sent.start, tok.s - 25), tok.s - 1)
            # an acronym before it is an office or a body of that country, not a name part:
            # "DGMO Pakistan", "FBI Mỹ"
            if w and w[:1].isupper() and w.lower() not in _DIRECTIONS and not any(cs <= tok.s - 2 < ce for cs, ce in covered) \
                    and not _prev_is_token(out, tok.s) and not (len(w) > 1 and w.isupper()):
                tok.drop()     # dropped: the candidate finder sees the whole name
                return
            if w and out and _name_goes_on(db, text, out[-1], w, tok, sent, covered):
                return         # "Phó Thủ tướng Hồ Đức Phớc": the titled name goes on over "Đức"
        via = "name" if text[tok.s:tok.e] == a.name else "alias"
        out.append(_mention(db, a, tok.s, tok.e, text, via))
    covered.append((tok.s, tok.e))


_VN_SYL = re.compile(r" (\w+)(?![\w-])")


def _name_goes_on(db: ActorDB, text: str, prev: ActorMention, w: str, tok: _Tok, sent: Sentence,
                  covered: list) -> bool:
    """A one-syllable country alias right after a titled person candidate that ends on a family
    name ("Phó Thủ tướng Hồ" + "Đức" + "Phớc", "Bộ trưởng Lê" + "Đức" + "Anh"): the name's middle
    syllable. The candidate takes it and the capitalized syllables after it (up to two); True when
    it did (the token is dropped)."""
    if prev.kind != "person" or prev.via != "candidate" or prev.end != tok.s - 1 or w.lower() not in db.surnames:
        return False
    end, pos = tok.e, tok.e
    for _ in range(2):
        m = _VN_SYL.match(text, pos, sent.end)
        if m is None or not m.group(1)[:1].isupper() or not m.group(1)[1:].islower() and len(m.group(1)) > 1:
            break
        end = pos = m.end()
    if end == tok.e:
        return False          # "Bộ trưởng Lê Đức": no given name after it, keep the reading
    prev.name = (prev.name or "") + text[prev.end:end]
    prev.end, prev.text = end, text[prev.start:end]
    covered.append((prev.start, end))
    tok.drop()
    return True


def _last_word(text: str, lo: int, j: int) -> str | None:
    """The word right before the space at ``j``: ``_LAST_WORD.search(text, lo, j + 1).group(1)``
    (None without a match), with ``str.rfind`` when the piece after the last space is one word."""
    sp = text.rfind(" ", lo, j)
    w = text[sp + 1 if sp >= 0 else lo:j]
    if w.isalnum():                           # all \w, bounded by a space or ``lo``: the whole run
        return w
    m = _LAST_WORD.search(text, lo, j + 1)
    return m.group(1) if m else None


def _org_of_country(db: ActorDB, text: str, tok: _Tok, nxt: _Tok, out: list, covered: list) -> bool:
    """A country-less institution ("Văn phòng Tổng thống", "Quốc hội") directly followed by a country:
    one organization mention of that country, named with it ("National Assembly of Laos", so that a
    reader and ``ActorDB.country_of`` know whose). Likewise an institution whose bare alias is
    Vietnam's ("Bộ Ngoại giao") followed by another country ("Bộ Ngoại giao Nhật Bản": Japan's
    ``of_country`` body, "Ministry of Foreign Affairs of Japan")."""
    h = tok.first.get("actor")
    a = db.actors.get(h.ref) if h is not None else None
    if a is None or a.kind != "organization" or (a.country is not None and not a.of_country) \
            or text[tok.e:nxt.s] != " ":
        return False
    h2 = nxt.first.get("actor")
    c = db.actors.get(h2.ref) if h2 is not None else None
    if c is None or c.kind != "country" or c.name == a.country:
        return False
    own = a.country is None
    out.append(ActorMention(start=tok.s, end=nxt.e, text=text[tok.s:nxt.e], actor_id=a.id if own else None,
                            name=f"{a.name if own else a.of_country} of {c.name}", kind="organization",
                            via="alias", country=c.name, confidence=0.9))
    covered.append((tok.s, nxt.e))
    return True


def _country_tok(db: ActorDB, tok: _Tok) -> bool:
    """The token names a country (by name or capital)."""
    h = tok.k.act_cap
    a = db.actors.get(h.ref) if h is not None else None
    return a is not None and a.kind == "country"


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



__all__ = ["ActorDB", "Actor", "Role", "Hit", "find_actors", "fast_form", "scan_form", "LEADER_ROLES"]


_APP_SEG_END = re.compile(r"[,;.:!?()\n\"“”]")
_APP_WORDS = re.compile(r"[^\W\d_]+")


def _apposed_countries(db: ActorDB, text: str, low: str, sent: Sentence, apposed: dict) -> None:
    """An unknown person (a candidate without a country) followed by an apposition of office titles
    ("Đại tướng X, Phó Thủ tướng, Bộ trưởng Bộ Quốc phòng Lào"): the first country named in those
    titles is the person's (in place). Each comma-separated part must open with a person title
    (``candidate_cues`` of kind person); a part naming another person ends the apposition, and a
    country after a blocker word ("đại sứ Mỹ tại Lào" gives Mỹ; "tại Lào" alone gives nothing) is no
    country of the holder."""
    acts = sent.actors
    if not acts:
        return
    for i, x in enumerate(acts):
        if x.kind != "person" or x.via != "candidate" or x.country is not None or x.members:
            continue
        pos = x.end
        if text[pos:pos + 1] != ",":
            continue
        later = acts[i + 1:]
        for _ in range(3):                    # at most three titles
            if text[pos:pos + 1] != ",":
                break
            start = pos + 1
            m = _APP_SEG_END.search(text, start, sent.end)
            end = m.start() if m else sent.end
            words = _APP_WORDS.findall(low[start:min(end, start + 60)])[:5]
            heads = [" ".join(words[:n]) for n in range(len(words), 0, -1)]
            if not any(db.cue_kinds.get(h) == "person" or h in db.honorifics for h in heads):
                break                         # ("Ủy viên Trung ương Đảng": an honorific title)
            inside = [y for y in later if start <= y.start and y.end <= end]
            if any(y.kind == "person" for y in inside):
                break
            c = next((y for y in inside if y.kind == "country" and y.via != "metonym" and not y.members), None)
            if c is not None:
                bl = db.apposition_blockers
                if bl is None or bl.search(low, start, c.start) is None:
                    x.country = c.country or c.name
                    if x.name:
                        apposed.setdefault(x.name, x.country)
                break
            pos = end


def _body_holder_countries(sent: Sentence, apposed: dict) -> None:
    """An unknown person (a candidate without a country) named right after a body of a state ("Cục
    trưởng Cục Lãnh sự Bộ Ngoại giao Hàn Quốc Park Min"): the body is the end of the person's
    title, its state is the person's (in place; later mentions of the same name get it too)."""
    acts = sent.actors
    for prev, x in zip(acts, acts[1:]):
        if x.kind != "person" or x.via != "candidate" or x.country is not None or x.members:
            continue
        if prev.kind != "organization" or not prev.country or prev.members:
            continue
        if prev.end <= x.start and not sent.text[prev.end - sent.start:x.start - sent.start].strip():
            x.country = prev.country
            if x.name:
                apposed.setdefault(x.name, x.country)
