"""Attribution: whose claim a sentence is (the cues are data: data/vi/attribution.yaml).

``attribute(text, sentence, res, prev=None)`` looks, in order, for

1. a reporting outlet quoting someone: "hãng tin RIA dẫn lời ông Putin" (source Putin, channel RIA);
2. a quotation with its speaker: '"..." – Ông Peskov nói', '"..." - ông Trump viết';
3. "Theo X, ..." / "..., theo X." ("theo phía Nga", "Theo tuyên bố của Điện Kremlin");
4. a social post: "trên mạng xã hội Truth Social" (channel) with the sentence's subject as source;
5. a statement noun: "thông cáo của Điện Kremlin";
6. a speech verb right after its subject: "X cho biết / cho hay / nói / khẳng định / thông báo ...";
7. a sentence that is only a quotation, introduced by the previous sentence ("... như sau:").

It returns None for the outlet's own voice. The source is resolved to the ``ActorMention`` of the
sentence (filled by ``find_actors`` beforehand) when one covers it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import ActorMention, Attribution, Sentence
from ..textnorm import MatchForm, match_form
from .scan import A_CHANNEL, A_QUOTE, A_REP, A_SOCIAL, A_STMT, A_TAIL, A_THEO, A_VERB, ATTR

_QUOTE_CHARS = '"“”'


@dataclass
class AttributionLexicon:
    theo_not: list[str]
    verbs: list[tuple[str, list[str]]]            # (cue, not_followed_by)
    reported: list[str]
    tail_verbs: list[str]
    statement_nouns: list[str]
    social_markers: list[str]
    channels: list[str]
    adverb_words: set[str]
    subject_heads: list[str]
    verb_re: re.Pattern = field(init=False)
    tail_re: re.Pattern = field(init=False)
    social_re: re.Pattern = field(init=False)
    stmt_re: re.Pattern = field(init=False)
    rep_re: re.Pattern = field(init=False)
    theo_start_re: re.Pattern = field(init=False)
    theo_end_re: re.Pattern = field(init=False)
    any_re: re.Pattern = field(init=False)
    verb_stops: dict = field(init=False)
    head_re: re.Pattern = field(init=False)
    source_noun_re: re.Pattern = field(init=False)

    def __post_init__(self) -> None:
        alt = lambda xs: "|".join(re.escape(x) for x in sorted(xs, key=len, reverse=True))  # noqa: E731
        self.verb_re = re.compile(r"(?<!\w)(%s)(?!\w)" % alt([v for v, _ in self.verbs]))
        self.tail_re = re.compile(r'["”][.!?]?\s*(?:[-–—]|,)\s*([^"“”\-–—,]{1,80}?)\s+(%s)(?!\w)' % alt(self.tail_verbs))
        long_channels = [match_form(c).text for c in self.channels if len(c) > 2]
        self.social_re = re.compile(r"(?<!\w)(%s)\s+(%s)(?!\w)|(?<!\w)(?:trên|qua)\s+(%s)(?!\w)" % (
            alt(self.social_markers), alt([match_form(c).text for c in self.channels]), alt(long_channels)))
        self.stmt_re = re.compile(r"(?<!\w)(%s)\s+" % alt(self.statement_nouns))
        self.rep_re = re.compile(r"(?<!\w)(%s)\s+" % alt(self.reported))
        self.theo_start_re = re.compile(r'^[\s"“(]*theo\s+(?!(?:%s)(?!\w))([^,;:]{1,100}?)\s*,' % alt(self.theo_not))
        self.theo_end_re = re.compile(r',\s*theo\s+(?!(?:%s)(?!\w))([^,;:.]{1,80}?)\s*[.!?]?["”]?\s*$' % alt(self.theo_not))
        self._channel_by_form = {match_form(c).text: c for c in self.channels}
        self.verb_stops = dict(self.verbs)         # cue -> the words that must not follow it
        self.source_noun_re = re.compile(r"(?<!\w)(?:nguồn tin|%s)(?!\w)" % alt(self.subject_heads)) \
            if self.subject_heads else re.compile(r"nguồn tin")
        self.head_re = re.compile(r"(?<!\w)(?:%s)(?:\s+(?:tại|ở|của|phía))?\s+$" % alt(self.subject_heads)) \
            if self.subject_heads \
            else re.compile(r"(?!x)x")
        # one cheap scan: a sentence with none of the cues (and no quotation) is the outlet's voice
        self.any_re = re.compile(r'["“”]|(?<!\w)(?:theo|%s)(?!\w)' % alt(
            [v for v, _ in self.verbs] + self.reported + self.statement_nouns + self.social_markers))

    @classmethod
    def load(cls, res) -> "AttributionLexicon":
        d = res.load_yaml("vi/attribution.yaml") or {}
        theo = d.get("according_to") or {}
        verbs = [(match_form(v["cue"]).text, [match_form(x).text for x in v.get("not_followed_by") or []])
                 for v in d.get("speech_verbs") or []]
        adv = set()
        for a in d.get("adverbs") or []:
            adv.update(match_form(a).text.split())
        soc = d.get("social") or {}
        return cls(theo_not=[match_form(x).text for x in theo.get("not_followed_by") or []],
                   verbs=verbs,
                   reported=[match_form(x["cue"]).text for x in d.get("reported_speech") or []],
                   tail_verbs=[match_form(x).text for x in d.get("quote_tail_verbs") or []],
                   statement_nouns=[match_form(x["cue"]).text for x in d.get("statement_nouns") or []],
                   social_markers=[match_form(x).text for x in soc.get("markers") or []],
                   channels=list(soc.get("channels") or []),
                   adverb_words=adv,
                   subject_heads=[match_form(x).text for x in d.get("subject_heads") or []])

    def channel(self, form: str) -> str:
        return self._channel_by_form.get(form, form)


def lexicon(res) -> AttributionLexicon:
    lex = getattr(res, "_sukien_attribution", None)
    if lex is None:
        lex = AttributionLexicon.load(res)
        setattr(res, "_sukien_attribution", lex)   # cached on the Resources instance
    return lex


# ------------------------------------------------------------------------------------------

def _src(m: ActorMention | None, text_span: tuple[int, int], text: str, cue: str,
         channel: str | None = None) -> Attribution:
    if m is not None:
        return Attribution(source_text=m.text, actor_id=m.actor_id, name=m.name or None, cue=cue,
                           start=m.start, end=m.end, channel=channel)
    s, e = text_span
    return Attribution(source_text=text[s:e], actor_id=None, name=None, cue=cue, start=s, end=e,
                       channel=channel)


def _sources(sent: Sentence) -> list[ActorMention]:
    return [m for m in sent.actors if m.kind != "group" and m.kind != "place"]


def _best_in(sent: Sentence, s: int, e: int, prefer_person: bool = True) -> ActorMention | None:
    ms = [m for m in _sources(sent) if m.start >= s and m.end <= e]
    if not ms:
        return None
    if prefer_person:
        persons = [m for m in ms if m.kind == "person"]
        if persons:
            return persons[0]
        return ms[0]
    return ms[0]


_APPOSITIVE = re.compile(r"(?:,[^,;:\"“”]{2,90},|\s[-–][^\-–;:\"“”]{2,120}[-–])\s*$")
_GAP_PAREN = re.compile(r"\([^()]{0,40}\)")
_GAP_TOKEN = re.compile(r"[\w/]+")


_GAP_STOP = re.compile('[,;:."“”!?\\-–—]')     # punctuation that ends a subject-verb gap


def _gap_ok(gap: str, lex: AttributionLexicon) -> bool:
    if "(" in gap:                            # (no "(": no parenthetical to blank out)
        gap = _GAP_PAREN.sub(" ", gap)
    if len(gap) > 45 or _GAP_STOP.search(gap):
        return False
    for w in _GAP_TOKEN.findall(gap):
        if w in lex.adverb_words or w[0].isdigit():
            continue
        if w in ("hai", "ba", "tư", "năm", "sáu", "bảy", "nhật", "chủ"):
            continue
        return False
    return True


def attribute(text: str, sentence: Sentence, res, prev: Sentence | None = None,
              form: MatchForm | None = None, cues: int | None = None) -> Attribution | None:
    """Whose claim ``sentence`` is, or None for the outlet's own voice. ``form``: the matching form
    of ``sentence.text`` when the caller already has it (``match_form(sentence.text)``); ``cues``:
    the ``scan.A_*`` flags of the cue words that occur in that form (a pattern whose cue word does
    not occur cannot match and is not run); None: run every pattern."""
    lex = lexicon(res)
    st = sentence.text
    mf = form if form is not None else match_form(st)
    t = mf.text
    if cues is None:
        cues = -1                             # every flag: nothing is skipped
        if not lex.any_re.search(t):
            return None
    elif not cues & ATTR:
        return None                           # no cue word occurs: any_re cannot match
    elif not cues & A_QUOTE and not lex.any_re.search(t):
        return None                           # (a quotation mark is a match of any_re by itself)
    base = sentence.start

    def orig(i: int) -> int:
        return base + mf.to_orig(i)

    # 1. "<outlet> dẫn lời X"
    m = lex.rep_re.search(t) if cues & A_REP else None
    if m:
        after = orig(m.end())
        src = next((a for a in _sources(sentence) if a.start >= after and a.kind == "person"), None) or \
            next((a for a in _sources(sentence) if a.start >= after), None)
        outlet = None
        for a in _sources(sentence):
            if a.end <= orig(m.start()) and (outlet is None or a.kind == "organization" or
                                             outlet.kind != "organization"):
                outlet = a
        if src is not None:
            return _src(src, (src.start, src.end), text, m.group(1),
                        channel=(outlet.name or outlet.text) if outlet else None)
    # 2. quote tail '"..." – Ông X nói'
    for m in (lex.tail_re.finditer(t) if cues & A_QUOTE and cues & A_TAIL else ()):
        s, e = orig(m.start(1)), orig(m.end(1))
        a = _best_in(sentence, s, e)
        if a is None:
            a = next((x for x in _sources(sentence) if x.start < e and x.end > s), None)
        return _src(a, (s, e), text, "quote")
    # 3. "Theo X, ..." / "..., theo X."
    for rx in ((lex.theo_start_re, lex.theo_end_re) if cues & A_THEO else ()):
        m = rx.search(t)
        if m:
            s, e = orig(m.start(1)), orig(m.end(1))
            a = _best_in(sentence, s, e)
            if a is not None or any(c.isupper() for c in text[s:e]) or lex.source_noun_re.search(t, m.start(1), m.end(1)):
                return _src(a, (s, e), text, "theo")
    # 4. social post
    m = lex.social_re.search(t) if cues & (A_SOCIAL | A_CHANNEL) else None
    if m:
        channel = lex.channel(m.group(2) or m.group(3))
        ms, me = orig(m.start()), orig(m.end())
        cands = [a for a in _sources(sentence) if a.end <= ms or a.start >= me]
        vm = lex.verb_re.search(t)
        subj = None
        if vm:
            vpos = orig(vm.start())
            before = [a for a in cands if a.end <= vpos]
            subj = before[-1] if before else None
        if subj is None:
            persons = [a for a in cands if a.kind == "person"]
            subj = persons[0] if persons else (cands[0] if cands else None)
        if subj is not None:
            return _src(subj, (subj.start, subj.end), text, "social", channel=channel)
    # 5. statement noun "thông cáo của X"
    m = lex.stmt_re.search(t) if cues & A_STMT else None
    if m:
        after = orig(m.end())
        a = next((x for x in _sources(sentence) if x.start == after or
                  (x.start > after and x.start - after <= 2)), None)
        if a is not None:
            return _src(a, (a.start, a.end), text, "statement")
    # 6. speech verb right after its subject
    verbs = lex.verb_stops
    for m in (lex.verb_re.finditer(t) if cues & A_VERB else ()):
        cue = m.group(1)
        rest = t[m.end():m.end() + 12].lstrip()
        if any(rest.startswith(x) for x in verbs.get(cue, ())):
            continue
        vpos = orig(m.start())
        before = [a for a in _sources(sentence) if a.end <= vpos]
        if not before:
            continue
        a = before[-1]
        gap = t[mf_index(mf, a.end - base):m.start()]
        if _gap_ok(gap, lex):
            head = lex.head_re.search(t, 0, mf_index(mf, a.start - base))
            if head is not None and a.kind in ("country", "organization"):
                # "Tờ báo Mỹ lưu ý": a part of the country speaks, not the country
                hs = orig(head.start())
                return Attribution(source_text=text[hs:a.end], actor_id=None, name=None, cue=cue,
                                   start=hs, end=a.end)
            return _src(a, (a.start, a.end), text, cue)
        # an appositive between subject and verb: "Ông X, chuyên gia ..., nhận định" /
        # "ông X - Đặc phái viên ... - cho biết"
        ap = _APPOSITIVE.search(t, 0, m.start())
        if ap is not None:
            apos = orig(ap.start())
            subj = [x for x in before if x.end <= apos and x.kind == "person"]
            if subj and subj[-1].end >= apos - 1 and _gap_ok(t[mf_index(mf, subj[-1].end - base):ap.start()], lex):
                return _src(subj[-1], (subj[-1].start, subj[-1].end), text, cue)
    # 7. a bare quotation introduced by the previous sentence ("... như sau:")
    if st[:1] in _QUOTE_CHARS and prev is not None and prev.text.rstrip().endswith(":"):
        if prev.attribution is not None:
            pa = prev.attribution
            return Attribution(pa.source_text, pa.actor_id, pa.name, "quote", pa.start, pa.end, pa.channel)
        persons = [a for a in prev.actors if a.kind == "person"]
        if persons:
            return _src(persons[0], (persons[0].start, persons[0].end), text, "quote")
    return None


def mf_index(mf, orig_rel: int) -> int:
    """Offset in the matching form for an offset relative to the sentence start."""
    if mf._starts is None:
        return orig_rel
    for i, o in enumerate(mf._starts):
        if o >= orig_rel:
            return i
    return len(mf.text)


__all__ = ["attribute", "AttributionLexicon", "lexicon"]
