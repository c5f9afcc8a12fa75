"""Unknown names: capitalized sequences the dictionary does not know become typed candidates.

A multi-syllable capitalized sequence not covered by a dictionary match ("Mark Vogel", "Lê Thị Thu
Hằng"), or one foreign-looking word right after a cue ("ông Kellogg"), becomes an ``ActorMention``
with ``via="candidate"`` and ``actor_id=None``; the nearest cue word of ``candidate_cues``
(references.yaml) decides person / organization / place. Organization names take their lower-case
second syllables ("Ban Chấp hành Trung ương") and a following country ("Bộ Tài chính Mỹ").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..models import ActorMention, Sentence

if TYPE_CHECKING:
    from .actordb import ActorDB

_UP = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper())
_LOW = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).islower())
_CAPWORD = r"[%s][%s%s'’]*" % (_UP, _UP, _LOW)
_PARTICLE = r"(?:bin|ibn|al|el|de|van|von|der|da|di|du|la|le|dos|del)"
_CAPSEQ = re.compile(r"%s(?:(?:[ ]|-)(?:%s[ ])?%s)*" % (_CAPWORD, _PARTICLE, _CAPWORD))
_CAPSEQ_AT = re.compile(r"(?:\s*\([^()\n]{1,40}\))?[ ]?(%s(?:(?:[ ]|-)(?:%s[ ])?%s)*)" % (_CAPWORD, _PARTICLE, _CAPWORD))
_WORDS = re.compile(r"\w+")
_PLAIN_WORDS_MAX = 50_000         # bound of ``ActorDB.plain_words`` (a cache of pure decisions)


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
    plain_words, foreign_words = db.plain_words, db.foreign_words
    spans = None                              # set(covered), built on first need (covered is fixed here)
    base = sent.start
    for m in _CAPSEQ.finditer(st):
        mt = m[0]
        if " " not in mt:
            if mt in plain_words:             # known: Vietnamese-looking, starts no organization word
                continue
            if mt in foreign_words:
                s, e = base + m.start(), base + m.end()
            elif not _foreign_looking(mt):
                # one Vietnamese-looking capitalized word: never a name, unless it starts a
                # two-syllable organization word followed by a name ("Ủy ban Đối ngoại", "Tòa án Tối cao")
                if mt.lower() not in db.org_multi_first:
                    if len(plain_words) < _PLAIN_WORDS_MAX:
                        plain_words.add(mt)
                    continue
                s = base + m.start()
                oc = next((c for c in db.org_cues_multi if low.startswith(c + " ", s)), None)
                nx = _NEXT_CAPSEQ.match(text, s + len(oc), sent.end) if oc is not None else None
                if nx is None:
                    continue
                e = nx.end()
            else:
                if len(foreign_words) < _PLAIN_WORDS_MAX:
                    foreign_words.add(mt)
                s, e = base + m.start(), base + m.end()
        else:
            s, e = base + m.start(), base + m.end()
        if spans is None:
            spans = set(covered)
        if (s, e) in spans:                   # exactly a dictionary match / a composed mention
            continue
        for cs, ce in covered:
            if cs <= s and e <= ce:
                break
        else:
            cs = -1
        if cs != -1:
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
            if db.dashed_name_re is not None and db.dashed_name_re.search(text, max(sent.start, ps - 40), ps):
                continue                      # "Cục châu Á - Đại Dương": the department's name goes on
            kind, cue, dist = _cue_kind(db, low, sent.start, ps)
            juris = _jurisdiction(db, low, sent.start, ps, covered)
            if juris == "known":
                kind, cue, dist = "person", "title", 0    # "Thủ hiến bang Alberta |Danielle Smith"
            elif juris == "unknown" and len(words) >= 3 and words[0].lower() not in db.surnames:
                # "Thủ hiến Ontario Doug Ford", "Thống đốc bang Utah Spencer Cox": the jurisdiction's
                # name, then the holder's (given name and surname: the last two words)
                cut = ps + len(" ".join(words[:-2]))
                out.append(ActorMention(start=ps, end=cut, text=text[ps:cut], actor_id=None, name=text[ps:cut],
                                        kind="place", via="candidate", country=None, confidence=0.4))
                ps, words = cut + 1, words[-2:]
                seg = text[ps:pe]
                kind, cue, dist = "person", "title", 0
            if cue is None:
                if title_case is None:
                    title_case = _title_case(st)
                if title_case:
                    continue
            # "Bộ trưởng Bộ Y tế Lào": the body of an unnamed office holder; its country stays the
            # country mention (the side), as in "Đại sứ Nhật Bản"
            titled = kind == "person" and cue is not None and dist == 0
            lead = low[ps:ps + 12]
            own = _own_org_cue(db, lead)
            if own is not None and len(words) >= 2:
                # the name starts with an organization word: "Bộ Tài chính Mỹ", "Tập đoàn Vingroup"
                kind, cue, dist = "organization", own, 0
                limit = min((cs for cs, _ in covered if cs >= pe), default=sent.end)
                end = max(pe, min(limit - 1 if limit < sent.end else limit, sent.end))
                pe = _org_extent(text, pe, end, own in db.org_heads)
                if own in db.org_heads:
                    pe = _org_list_extent(db, text, pe, end)
                seg = text[ps:pe]
                holder = _holder_name(db, seg) if own in db.org_heads else None
                if holder is not None:
                    # "Bộ trưởng Bộ Nông nghiệp Trần Văn Ba": the office holder, named after his body
                    pe = ps + holder[1]
                    out.append(ActorMention(start=ps, end=pe, text=text[ps:pe], actor_id=None,
                                            name=seg[holder[0]:holder[1]], kind="person", via="candidate",
                                            country=None, confidence=0.5))
                    continue
            if out and out[-1].start <= ps and pe <= out[-1].end and out[-1].via == "candidate" \
                    and out[-1].kind == "person" and out[-1].name != out[-1].text:
                continue                      # the holder's name of the body just before
            if len(words) < 2 and (cue is None or dist > 0 or not _foreign_looking(words[0])):
                continue
            if at_start and cue is None and len(words) < 3:
                # a capitalized common word starting the sentence followed by a name part is rare;
                # two capitalized words at the very start are usually a name, keep with low confidence
                conf = 0.3
            else:
                conf = 0.5 if cue else 0.4
            ctry = None
            if kind == "organization" and not titled:
                nxt = next((x for x in out if x.start >= pe and x.start - pe <= 1 and x.kind == "country"), None)
                if nxt is not None:       # "Bộ Tài chính Mỹ": the organization of that country
                    ctry = nxt.country
                    out.remove(nxt)
                    pe = nxt.end
                    seg = text[ps:pe]
            out.append(ActorMention(start=ps, end=pe, text=seg, actor_id=None, name=seg, kind=kind,  # type: ignore[arg-type]
                                    via="candidate", country=ctry, confidence=conf))


_NAME_SYL = re.compile(r"[%s][%s]*$" % (_UP, _LOW))


def _holder_name(db: ActorDB, seg: str) -> tuple[int, int] | None:
    """Where a person's name lies (start, end in ``seg``) at the end of a body's name, or None: two to four capitalized
    syllables opening with a common family name (references.yaml ``person_surnames``), after at
    least two words of the body ("Bộ Nông nghiệp Trần Văn Ba"; not "Bộ Ngoại giao", "Ban Tuyên
    giáo Trung ương")."""
    words = seg.split(" ")
    if len(words) > 3 and not _NAME_SYL.match(words[-1]) and _NAME_SYL.match(words[-2]):
        words = words[:-1]                # the lower-case syllable _org_extent took ("... Lê Thị Hoa tiếp")
    for k in range(max(2, len(words) - 4), len(words) - 1):
        if words[k].lower() in db.surnames and all(_NAME_SYL.match(w) for w in words[k:]):
            return len(" ".join(words[:k])) + 1, len(" ".join(words))
    return None


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


_LIST_SEP = re.compile(r"(, | và )(%s)" % _CAPWORD)


def _org_list_extent(db: ActorDB, text: str, pe: int, end: int) -> int:
    """Extend a body's name over the list its name is ("Bộ Văn hóa, Thể thao và Du lịch", "Bộ Du
    lịch và Thể thao"): ", X" parts followed by a final "và Y" part, each part a capitalized word that
    starts no other body ("Bộ Ngoại giao và Bộ Quốc phòng" are two). A comma list without the final
    "và" part is not one name ("Bộ Y tế, Hà Nội")."""
    pos, last = pe, None
    for _ in range(6):
        m = _LIST_SEP.match(text, pos, end)
        if m is None or m.group(2).lower() in db.org_heads or m.group(2).lower() in db.org_cues \
                or _own_org_cue(db, text[m.start(2):m.start(2) + 14].lower()) is not None \
                or _foreign_looking(m.group(2)):
            break
        pos = _org_extent(text, m.end(), end, True)
        if m.group(1) == " và ":
            last = pos
            break
    return last if last is not None else pe


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


def _jurisdiction(db: ActorDB, low: str, sent_start: int, ps: int, covered: list) -> str | None:
    """A name after a sub-national office title and its jurisdiction: "known" when a known place
    ends right before the name ("Thủ hiến bang Alberta |Danielle Smith"), "unknown" when the title
    (with its place noun) is right before the name, which then starts with the jurisdiction's name
    ("Thủ hiến |Ontario Doug Ford"; never a Vietnamese name: "Thống đốc Nguyễn Thị Hồng"); None
    otherwise."""
    rx = db.jurisdiction_re
    if rx is None:
        return None
    prev = max((c for c in covered if c[1] <= ps and not low[c[1]:ps].strip()), key=lambda c: c[1], default=None)
    if prev is not None:
        return "known" if rx.search(low, max(sent_start, prev[0] - 30), prev[0]) else None
    return "unknown" if rx.search(low, max(sent_start, ps - 30), ps) else None


def jurisdiction_cut(db: ActorDB, low: str, sent_start: int, ps: int, name: str) -> int:
    """The length of the jurisdiction's name that starts ``name`` (at ``ps``) right after a
    sub-national office title ("Thống đốc |Texas Greg Abbott": 5): all its words but the last two
    (the holder's given name and surname), when it has three or more and is no Vietnamese name;
    0 otherwise."""
    words = name.split()
    if len(words) < 3 or words[0].lower() in db.surnames or "-" in words[0] \
            or _jurisdiction(db, low, sent_start, ps, []) != "unknown":
        return 0
    return len(" ".join(words[:-2]))


def _cue_kind(db: ActorDB, low: str, sent_start: int, pos: int) -> tuple[str, str | None, int]:
    prev = low[max(sent_start, pos - 40):pos]
    words = _WORDS.findall(prev)[-4:]
    kinds = db.cue_kinds
    last_words = db.cue_last_words
    nw = len(words)
    # nearest cue first: try 1..3-word phrases ending right before the name, then further back
    for back in range(0, nw):
        if words[nw - back - 1] not in last_words:
            continue                          # no cue phrase ends with this word
        for size in (3, 2, 1):
            if back + size > nw:
                continue
            phrase = " ".join(words[nw - back - size:nw - back])
            kind = kinds.get(phrase)
            if kind is not None:
                return kind, phrase, back
    return "person", None, 99


def _own_org_cue(db: ActorDB, lead: str) -> str | None:
    """The organization cue ``c`` with ``lead.startswith(c + " ")`` (the first in ``db.org_cues``
    order when several do): only the prefixes of ``lead`` that end before a space can be one."""
    found = None
    cues = db.org_cues
    i = lead.find(" ")
    while i >= 0:
        p = lead[:i]
        if p in cues:
            if found is not None:             # several: keep the set's order, as a scan would
                return next((c for c in cues if lead.startswith(c + " ")), None)
            found = p
        i = lead.find(" ", i + 1)
    return found
