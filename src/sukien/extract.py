"""Event mentions and document-level events (docs/EVENTS.md).

``extract_mentions`` finds event triggers (data/events/triggers.yaml) in the sentences of the
language layer's analysis with one Aho–Corasick pass over the matching form (the cheap scan: once
over the document when its form maps offsets one to one, then per sentence only where a trigger
head is); only sentences with a trigger get argument analysis (participants, initiator, date,
status, duration, location, quantities, ordinal, topics, attribution, evidence).

``document_events`` merges coreferent mentions (an article restates its main event many times) into
one record per real event, background recaps (own dates, participants) apart: docs/ARCHITECTURE.md.
"""
from __future__ import annotations

import bisect
import re
import unicodedata

import ahocorasick
from dataclasses import dataclass, field, replace
from typing import Any

from .models import Analysis, Document, EventMention, Evidence, Sentence
from .textnorm import MatchForm, match_form
from .extract_together import (_coordinated, _letter_content, _releasers, _truce_signing, filter_hits,
                               request_goes_on, aim_before, said_in_talk)
from .extract_args import Args, _actors, analyze_arguments, load_sides
from .extract_objects import cited_document
from .extract_refs import fronted_talk_side
from .extract_sent import arrival
from .extract_date import listed_days

__all__ = ["TriggerLexicon", "TopicTaxonomy", "extract_mentions", "document_events"]

# a gap word may end a quoted fragment ("hẹn trao đổi tiếp" qua điện thoại), never open one
_GAP = r"(?:\s+(?:\d+(?:[.,]\d+)*|[^\s.,;:!?\"“”()]+[\"”]?)){0,6}?\s+"


def _form_pattern(form: str) -> str:
    parts = [p.strip() for p in form.split("…")]
    return _GAP.join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts if p)


def _words_re(words: list[str]) -> re.Pattern:
    alts = sorted({_form_pattern(w) for w in words if w}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)") if alts else re.compile(r"(?!x)x")


_ABOUT_GAP = re.compile(r"\s*(?:về\s+(?:việc\s+)?)?")   # an agreement word, then the outcome it is about
_DIGIT = re.compile(r"\d")
_PURPOSE_GAP = re.compile(r"\s+(?:để|nhằm)\s+")   # a meeting trigger, then the negotiation it is held for
_PREFILTERS = ("agree", "references", "same_occasion")    # TriggerLexicon.relaxed, in bit order


def _first_words(forms: list[str]) -> tuple[str, ...]:
    """The first word of each form of a word list: a match of the list anywhere contains one of them."""
    return tuple(sorted({f.replace("…", " ").split()[0] for f in forms if f.split()}))


@dataclass
class Trigger:
    form: str
    type: str | None               # None: a negative form (no event)
    nominal: bool = False
    weak: bool = False
    object: bool = False
    cameo: str | None = None
    keep: bool = False
    online: bool = False           # talks without physical presence ("hội đàm trực tuyến")
    online_same: bool = False      # names the online talks of an article ("hội đàm")
    formal: bool = False           # a formal session (hội đàm, hội kiến, tiếp): never absorbed by a trip
    subject_only: bool = False     # the sides are the subject ("X và Y đồng chủ trì phiên họp ...")
    foreign_side: bool = False     # a chaired session: an event only when a foreign side takes part
    place_object: bool = False     # a movement verb: an event only when a country or place follows it
    arrival: bool = False          # a bare movement verb ("tới", "đến"): a trip only as "Leader X tới Y <time>"
    joinable: bool = False         # one talk others can join ("X tham gia cuộc điện đàm"): `joining.talks`
    remainder: bool = False        # the rest of an exchange ("hoàn tất phần còn lại"): `remainder.forms`
    in_story: bool = False         # an event only with a number, in an article that reports one of its type
    numberless: bool = False       # in_story without a number ("vòng thứ hai diễn ra ..."): `in_story.rounds`
    agreed: bool = False           # an agreement word + the outcome agreed ("ký thỏa thuận trao đổi tù binh")
    states: bool = False           # an act of the states ("tuyên bố chung về việc nâng cấp quan hệ"): sides are countries


@dataclass
class TriggerLexicon:
    """Trigger forms, negative forms, reference words and status cues, compiled once."""
    triggers: list[Trigger]
    types: dict[str, dict]                     # cameo.yaml
    references: re.Pattern
    light_verbs: re.Pattern
    asserting: re.Pattern
    anaphora_before: re.Pattern
    anaphora_after: re.Pattern
    stop_before: re.Pattern
    stop_after: re.Pattern
    subject_carry: re.Pattern
    initiator_before: list[re.Pattern]
    initiator_after: list[re.Pattern]
    agreement_verbs: re.Pattern
    agreement_occurred: set[str]
    background: re.Pattern
    same_occasion: re.Pattern
    concessive: re.Pattern
    accepted: re.Pattern
    location_blockers: re.Pattern
    venue: re.Pattern
    raw: dict = field(default_factory=dict)
    ends: dict = field(default_factory=dict)   # end-anchored variants: "agreed", "anaphora", "venue", "blockers"
    status_before_rx: tuple = (None, [])       # one alternation over the `before` cues, statuses by group
    status_after_rx: tuple = (None, [])
    # the same alternations without named groups (several times faster) and the status of each cue
    # by its text; (None, {}) when a cue has a gap ("…"): then the named groups decide
    status_before_fast: tuple = (None, {})
    status_after_fast: tuple = (None, {})
    initiator_keys: list[str] = field(default_factory=list)
    automaton: Any = None                      # Aho–Corasick over each form's first literal part
    gap_regex: dict = field(default_factory=dict)   # trigger index -> compiled full pattern (gap forms)
    form_lengths: list = field(default_factory=list)  # trigger index -> minus the length of its form
    # prefilters (extract_sent.SentFacts.with_lexicon): the first word of every form of a word list; when
    # none occurs in a sentence, the list cannot match in any part of that sentence
    relaxed: dict = field(default_factory=dict)
    initiator_words: tuple = ([], [])          # the literal words of each initiator pattern (after, before)
    initiator_gate: Any = None                 # the longest literal part of every initiator pattern
    prefilter_automaton: Any = None            # Aho–Corasick: each `relaxed` word -> bit of its lists
    numbers: Any = None                        # the number lexicon (res.temporal.numbers): "chín văn kiện"

    @classmethod
    def load(cls, res) -> "TriggerLexicon":
        trig = res.load_yaml("events/triggers.yaml")
        cameo = res.load_yaml("events/cameo.yaml")
        lx = cls.from_data(trig, cameo, res.load_yaml("events/modality.yaml"), capitals=_capital_names(res))
        lx.numbers, lx.ends["sides"] = res.temporal.numbers, load_sides(res)   # data/vi/sides.yaml
        return lx

    @classmethod
    def from_data(cls, trig: dict, cameo: dict, mod: dict,
                  capitals: dict[str, str] | None = None) -> "TriggerLexicon":
        entries: list[Trigger] = []
        state_acts = set(trig.get("state_acts") or [])
        arrival_forms = set(trig.get("arrival_forms") or [])
        for etype, items in (trig.get("types") or {}).items():
            for it in items:
                entries.append(Trigger(form=it["form"], type=etype, nominal=bool(it.get("nominal")),
                                       weak=bool(it.get("weak")), object=bool(it.get("object")),
                                       cameo=it.get("cameo"), keep=bool(it.get("keep")),
                                       subject_only=bool(it.get("subject_only")),
                                       formal=bool(it.get("formal")), online=bool(it.get("online")),
                                       online_same=bool(it.get("online_same")),
                                       foreign_side=bool(it.get("foreign_side")),
                                       place_object=bool(it.get("place_object")),
                                       arrival=it["form"] in arrival_forms,
                                       states=it["form"] in state_acts))
        for it in trig.get("negatives") or []:
            entries.append(Trigger(form=it["form"], type=it.get("as")))
        joinable = set((trig.get("joining") or {}).get("talks") or [])
        remainder = set((trig.get("remainder") or {}).get("forms") or [])
        in_story = set((trig.get("in_story") or {}).get("forms") or [])
        rounds = set((trig.get("in_story") or {}).get("rounds") or [])
        for e in entries:
            e.joinable, e.remainder = e.form in joinable, e.form in remainder and e.type is not None
            e.in_story, e.numberless = (e.form in in_story | rounds) and e.type is not None, e.form in rounds
        # the cheap scan: one Aho–Corasick pass over the first literal part of every form
        auto = ahocorasick.Automaton()
        heads: dict[str, list[int]] = {}
        gap_regex: dict[int, re.Pattern] = {}
        for i, e in enumerate(entries):
            head = " ".join(e.form.split("…")[0].split())
            heads.setdefault(head, []).append(i)
            if "…" in e.form:
                gap_regex[i] = re.compile(_form_pattern(e.form) + r"(?!\w)")
        for head, idx in heads.items():
            auto.add_word(head, (head, idx))
        auto.make_automaton()
        def combined(section: dict) -> tuple[re.Pattern, list[str]]:
            out = []
            for status, items in (section or {}).items():
                for it in items:
                    out.append((it["cue"], status))
            out.sort(key=lambda p: -len(p[0]))
            rx = re.compile(r"(?<!\w)(?:" + "|".join(f"(?P<c{j}>{_form_pattern(c)})" for j, (c, _) in enumerate(out))
                            + r")(?!\w)")
            return rx, [s for _, s in out]

        def fast(section: dict) -> tuple[re.Pattern | None, dict[str, str]]:
            # a cue is literal words: the text a match covers names the cue, and the first cue in
            # the alternation's order with those words is the one that matched
            rx, statuses = combined(section)
            by_text: dict[str, str] = {}
            out = sorted(((it["cue"], st) for st, items in (section or {}).items() for it in items),
                         key=lambda p: -len(p[0]))
            if any("…" in c for c, _ in out):
                return None, {}
            for c, st in out:
                by_text.setdefault(" ".join(c.split()), st)
            return re.compile(re.sub(r"\(\?P<c\d+>", "(?:", rx.pattern)), by_text

        init = trig.get("initiator") or {}

        def slot_patterns(items: list[str]) -> list[re.Pattern]:
            pats = []
            for p in items:
                a, b = p.split("{X}")
                pats.append(re.compile((_form_pattern(a) + r"\s+" if a.strip() else "") + "(?P<x>.{1,60}?)"
                                       + (r"\s+" + _form_pattern(b) if b.strip() else "") + r"(?!\w)"))
            return pats

        av = mod.get("agreement_verbs") or {}
        return cls(
            triggers=entries, types=cameo.get("types") or {},
            references=_words_re([r["form"] for r in trig.get("references") or []]),
            light_verbs=_words_re(trig.get("light_verbs") or []),
            asserting=_words_re(trig.get("asserting_predicates") or []),
            anaphora_before=_words_re(trig.get("anaphora_before") or []),
            anaphora_after=_words_re(trig.get("anaphora_after") or []),
            stop_before=_words_re(trig.get("stop_before") or []),
            stop_after=_words_re(trig.get("stop_after") or []),
            subject_carry=_words_re(trig.get("subject_carry") or []),
            initiator_before=slot_patterns(init.get("before_trigger") or []),
            initiator_after=slot_patterns(init.get("after_trigger") or []),
            status_before_rx=combined(mod.get("before")),
            status_after_rx=combined(mod.get("after")),
            status_before_fast=fast(mod.get("before")), status_after_fast=fast(mod.get("after")),
            initiator_keys=[k for p in (init.get("before_trigger") or []) + (init.get("after_trigger") or [])
                            for k in [p.replace("{X}", "|").split("|")[-1].strip() or p.split("{X}")[0].strip()]],
            agreement_verbs=_words_re([c["cue"] for c in av.get("cues") or []]),
            agreement_occurred=set(av.get("occurred_types") or []),
            background=_words_re(mod.get("background") or []),
            same_occasion=_words_re(mod.get("same_occasion") or []),
            concessive=_words_re(mod.get("concessive") or []),
            accepted=_words_re(mod.get("accepted_proposals") or []),
            location_blockers=_words_re(trig.get("location_blockers") or []),
            venue=_words_re(trig.get("venue_prepositions") or []),
            raw={"triggers": trig, "modality": mod},
            automaton=auto, gap_regex=gap_regex,
        ).with_ends(capitals=capitals)

    def with_ends(self, capitals: dict[str, str] | None = None) -> "TriggerLexicon":
        def end(rx: re.Pattern, tail: str = r"\s*$") -> re.Pattern:
            return re.compile(r"(?:" + rx.pattern + r")" + tail)
        self.ends = {"agreed": end(self.agreement_verbs, r"\s+(?:về\s+)?(?:việc\s+)?(?:" + self.light_verbs.pattern
                                 + r"\s+)?(?:(?:một|các|những)\s+)?$"),
                     "anaphora": end(self.anaphora_before),
                     "venue": end(self.venue, r"(?:\s+(?:" + _words_re((self.raw.get("triggers") or {}).get(
                         "venue_verbs") or ["tham dự"]).pattern + r"))?\s*$"),
                     "blockers": end(self.location_blockers)}
        mod = self.raw.get("modality") or {}
        self.ends["addressee"] = re.compile(r"\s+(?:cũng\s+)?(?:" + _words_re(
            mod.get("talking_point_addressees") or ["phía"]).pattern + r")")
        titles = (self.raw.get("triggers") or {}).get("title_words") or ["bộ trưởng"]
        self.ends["title"] = re.compile(r"(?<!\w)(?:" + _words_re(titles).pattern + r")\s*$")
        self.ends["follow_on"] = re.compile(r"\s*(?:" + _words_re(mod.get("follow_on") or ["sau đó"]).pattern + r")\s*,")
        self.ends["concrete"] = _words_re(mod.get("concrete_proposals") or ["tổ chức"])
        trig = self.raw.get("triggers") or {}
        join = trig.get("joining") or {}
        # "X (cũng) tham gia (vào) | cuộc trò chuyện": a join verb right before the talk form;
        # "cuộc điện đàm có sự tham gia của | X": a join phrase after it
        self.ends["join_before"] = re.compile(r"(?<!\w)(?:" + _words_re(join.get("verbs") or ["tham gia"]).pattern
                                              + r")(?:\s+(?:vào|cả))?\s+$")
        self.ends["join_after"] = _words_re(join.get("phrases") or ["có sự tham gia của"])
        rem = trig.get("remainder") or {}
        self.ends["remainder"] = re.compile(r"(?<!\w)(?:" + _words_re(rem.get("verbs") or ["hoàn tất"]).pattern
                                            + r")(?:\s+nốt)?\s+$")
        self.ends["capitals"] = capitals or {}
        app = trig.get("apposition") or {}
        self.ends["apposition"] = (set(app.get("of") or []), set(app.get("is") or [])) if app else None
        wit = trig.get("witness_verbs") or []
        self.ends["witness"] = re.compile(r"(?<!\w)(?:" + _words_re(wit).pattern + r")\s+(?:(?:buổi|các)\s+)?$") if wit else None
        sev = trig.get("several_talks") or {}
        self.ends["several_before"] = re.compile(r"(?<!\w)(?:" + _words_re(sev.get("before") or ["lần lượt"]).pattern
                                                 + r")\s+(?:(?:đã|có|cuộc|buổi|chuyến|vòng|cú)\s+){0,2}$")
        self.ends["several_after"] = re.compile(r"\s+(?:" + _words_re(sev.get("after") or ["riêng"]).pattern
                                                + r")(?!\w)")
        self.ends["courtesy"] = set(sev.get("courtesy") or [])
        trade = trig.get("trade_truce") or []
        self.ends["trade"] = re.compile(r"[\"”’']?\s+(?:" + _words_re(trade).pattern + r")") if trade else None
        self.ends["departure"] = re.compile(r"(?<!\w)(?:" + _words_re(trig.get("departure_verbs") or ["rời"]).pattern
                                            + r")\s+$")
        msg = _words_re(trig.get("message_nouns") or ["thư"]).pattern
        self.ends["message"] = re.compile(r"(?<!\w)(?:" + msg + r")\s+của\s+$")
        party = _words_re(trig.get("party_nouns") or ["đảng"]).pattern
        self.ends["party"] = re.compile(r"\s*(?:" + party + r")\s+\w")
        self.ends["party_partner"] = re.compile(r"\s+(?:\w+\s+){0,2}?với\s+(?:các\s+)?(?:" + party + r")\s+\w")
        self.ends["titled_refs"] = {" ".join(r["form"].split()[1:]) for r in trig.get("references") or []
                                    if r.get("title")}
        frames = trig.get("frames") or []
        self.ends["frames"] = _words_re(frames) if frames else None
        # "X đang có chuyến thăm Y cũng đã hội kiến Z": a light verb right before a nominal trigger
        # ("đang": an ongoing trip, the frame of what follows)
        self.ends["light_end"] = re.compile(r"(?<!\w)(?P<asp>đang\s+)?(?:" + self.light_verbs.pattern
                                            + r")\s+(?:(?:cuộc|chuyến|các|buổi|vòng|một)\s+)?$")
        self.ends["captives"] = re.compile(r"(?<!\w)(?:" + _words_re(trig.get("captives") or ["tù nhân"]).pattern
                                           + r")\s+$")
        eff = _words_re(trig.get("effective") or ["có hiệu lực"]).pattern
        self.ends["effective"] = re.compile(r"(?<!\w)(?:" + eff + r")\s+(?:kể\s+)?từ\s+(?:\w+\s+)?$")
        self.ends["results"] = re.compile(r"(?<!\w)(?:" + _words_re(trig.get("results") or ["kết quả"]).pattern
                                          + r")(?:\s+của)?(?:\s+(?:các|những))?\s+$")
        self.ends["captives_head"] = re.compile(r"(?:" + _words_re(trig.get("captives") or ["tù nhân"]).pattern + r")\s+")
        self.ends["report"] = re.compile(r"\s+(?:" + _words_re(mod.get("denied_reports") or ["thông tin"]).pattern + r")")
        # negative forms with a light verb as one of their words ("tổng thư ký", "đăng ký"): a
        # light verb inside one of them is no light verb
        lv_words = {w for v in trig.get("light_verbs") or [] for w in v.split()}
        self.ends["light_blockers"] = _words_re([it["form"] for it in trig.get("negatives") or []
                                                 if lv_words & set(it["form"].split())])
        self.form_lengths = [-len(t.form.replace("…", "")) for t in self.triggers]
        self.relaxed = {"agree": _first_words([c["cue"] for c in (mod.get("agreement_verbs") or {}).get("cues") or []]),
                        "references": _first_words([r["form"] for r in trig.get("references") or []]),
                        "same_occasion": _first_words(mod.get("same_occasion") or [])}
        init = (self.raw.get("triggers") or {}).get("initiator") or {}
        # per pattern: its words (each must occur in the sentence) and its literal parts before and
        # after the slot, spaces flexible (each must be found in the sentence)
        self.initiator_words = tuple(
            [(p.replace("{X}", " ").replace("…", " ").split(),
              [re.compile(_form_pattern(part)) for part in p.split("{X}") if part.strip()])
             for p in init.get(k) or []]
            for k in ("after_trigger", "before_trigger"))
        longest = {max((_form_pattern(part) for part in p.split("{X}") if part.strip()), key=len)
                   for k in ("after_trigger", "before_trigger") for p in init.get(k) or []}
        self.initiator_gate = re.compile("|".join(sorted(longest)) if longest else r"(?!x)x")
        auto = ahocorasick.Automaton()
        bits: dict[str, int] = {}
        for bit, name in enumerate(_PREFILTERS):
            for w in self.relaxed[name]:
                bits[w] = bits.get(w, 0) | (1 << bit)
        for w, b in bits.items():
            auto.add_word(w, b)
        if bits:
            auto.make_automaton()
        self.prefilter_automaton = auto if bits else None
        return self

    def cameo_of(self, etype: str, trigger: Trigger | None = None) -> str:
        if trigger is not None and trigger.cameo:
            return str(trigger.cameo)
        return str((self.types.get(etype) or {}).get("cameo") or "010")

    def status_matches(self, which: str, low: str, pos: int = 0, endpos: int | None = None):
        """(match, status) of the status cues (``which``: "before" / "after") in low[pos:endpos]."""
        endpos = len(low) if endpos is None else endpos
        rx, by_text = self.status_before_fast if which == "before" else self.status_after_fast
        if rx is None:
            rx, statuses = self.status_before_rx if which == "before" else self.status_after_rx
            for m in rx.finditer(low, pos, endpos):
                yield m, statuses[int(m.lastgroup[1:])]
            return
        for m in rx.finditer(low, pos, endpos):
            t = m.group()
            st = by_text.get(t)
            yield m, (st if st is not None else by_text[" ".join(t.split())])

    def scan(self, low: str, found: list | None = None) -> list[tuple[int, int, Trigger]]:
        """Trigger occurrences (negatives removed) in a matching-form string. An agreement word
        right before an outcome trigger ("đạt được thỏa thuận ngừng bắn", "ký tuyên bố chung về
        ngừng bắn") is that outcome (``agreed``); a meeting held to negotiate ("gặp nhau để đàm
        phán") is the negotiation.
        ``found``: the automaton's output over ``low`` when already known (see _candidates)."""
        out: list[tuple[int, int, Trigger]] = []
        for s, e, i in self._candidates(low, found):
            t = self.triggers[i]
            if t.type is None:
                continue
            if out and out[-1][2].type == "agreement" and t.type in ("ceasefire", "prisoner_exchange") \
                    and _ABOUT_GAP.fullmatch(low, out[-1][1], s):
                # "ký tuyên bố chung về ngừng bắn", "thỏa thuận về việc trao đổi tù binh": the outcome
                s0, e0, t0 = out.pop()
                gap = " ".join(low[e0:s].split())
                t = Trigger(form=" ".join(x for x in (t0.form, gap, t.form) if x), type=t.type,
                            nominal=t0.nominal and t.nominal, cameo=t.cameo, agreed=True)
                out.append((s0, e, t))
                continue
            if out and out[-1][2].type == "meeting" and t.type == "negotiation" \
                    and _PURPOSE_GAP.fullmatch(low, out[-1][1], s):
                # "gặp nhau để đàm phán về thuế quan": a meeting held to negotiate is the negotiation
                s0, e0, t0 = out.pop()
                t = Trigger(form=t0.form + " " + low[e0:s].strip() + " " + t.form,
                            type=t.type, nominal=t0.nominal, cameo=t.cameo)
                out.append((s0, e, t))
                continue
            out.append((s, e, t))
        return out

    def _candidates(self, low: str, found: list | None = None) -> list[tuple[int, int, int]]:
        """Leftmost-longest non-overlapping matches of all forms (negatives included): at each
        position the longest form wins ("tiếp tục" over "tiếp"), then the scan goes on after it.
        ``found``: the automaton's (end, value) pairs over ``low`` when known (the pairs of a
        document pass that lie inside the sentence, shifted: the same set; their order does not
        matter, the candidates are sorted)."""
        cands = []
        n = len(low)
        lengths = self.form_lengths
        for end, (head, idx) in (self.automaton.iter(low) if found is None else found):
            s = end - len(head) + 1
            if (s > 0 and (low[s - 1].isalnum() or low[s - 1] == "_")):
                continue
            for i in idx:
                rx = self.gap_regex.get(i)
                if rx is None:
                    e = end + 1
                    if e < n and (low[e].isalnum() or low[e] == "_"):
                        continue
                else:
                    m = rx.match(low, s)
                    if m is None:
                        continue
                    e = m.end()
                cands.append((s, lengths[i], i, e))
        cands.sort()
        out, last = [], 0
        for s, _, i, e in cands:
            if s >= last:
                out.append((s, e, i))
                last = e
        return out


# ------------------------------------------------------------------------------ topics

@dataclass
class TopicTaxonomy:
    """Topic labels (data/events/topics.yaml) found through their Vietnamese cue words."""
    labels: list[str]
    automaton: Any = None          # Aho–Corasick: cue -> label

    @classmethod
    def load(cls, res) -> "TopicTaxonomy":
        return cls.from_data(res.load_yaml("events/topics.yaml"))

    @classmethod
    def from_data(cls, data: dict) -> "TopicTaxonomy":
        labels, pairs = [], []
        for t in data.get("topics") or []:
            labels.append(t["label"])
            pairs += [(" ".join(c.split()), t["label"]) for c in t.get("cues") or []]
        if not pairs:
            return cls(labels=labels)
        auto = ahocorasick.Automaton()
        for key, label in pairs:
            if key not in auto:
                auto.add_word(key, (key, label))
        auto.make_automaton()
        return cls(labels=labels, automaton=auto)

    def find(self, low: str) -> list[str]:
        """Topic labels whose cues occur in a matching-form string (word boundaries; in order)."""
        if self.automaton is None:
            return []
        hits = []
        n = len(low)
        for end, (key, label) in self.automaton.iter(low):
            s = end - len(key) + 1
            if (s > 0 and low[s - 1].isalnum()) or (end + 1 < n and low[end + 1].isalnum()):
                continue
            hits.append((s, -len(key), label, end + 1))
        hits.sort()
        out: list[str] = []
        last = 0
        for s, _, label, e in hits:
            if s < last:
                continue
            last = e
            if label not in out:
                out.append(label)
        return out


# ------------------------------------------------------------------------------ sentence view

def _form_function():
    """textnorm.match_form, or the language layer's faster equivalent when it is there."""
    try:
        from .vi.actors import fast_form
    except ImportError:          # pragma: no cover - the language layer always ships it
        return match_form
    return fast_form


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _document_form(text: str, form) -> str | None:
    """The matching form of a whole document when it maps offsets one to one (the common case),
    else None. The matching form of a sentence is then the same slice of it (see SentView): tone
    re-placement looks only inside a word, the other steps at one character (a capital sigma, the
    one letter whose lower case depends on its neighbours, turns this path off)."""
    if not text or "Σ" in text or not unicodedata.is_normalized("NFC", text):
        return None
    mf = form(text)
    if mf._starts is not None or len(mf.text) != len(text):
        return None
    return mf.text


def _sliced(sent: Sentence, doc_text: str) -> bool:
    """The sentence is the document's text between its offsets, cut at word boundaries, in NFC:
    its matching form is the slice of a one-to-one document form (_document_form)."""
    a, b, text = sent.start, sent.end, sent.text
    return (b - a == len(text) and doc_text[a:b] == text
            and (a == 0 or not _is_word(doc_text[a - 1])) and (b >= len(doc_text) or not _is_word(doc_text[b]))
            and unicodedata.is_normalized("NFC", text))


class SentView:
    """A sentence with its matching form and offset maps (matching form <-> document)."""

    __slots__ = ("sent", "low", "_mf", "_starts", "facts")

    def __init__(self, sent: Sentence, form=None, doc_low: str | None = None):
        """doc_low: the one-to-one matching form of the document when the sentence is sliced from
        it (_sliced): the sentence's matching form is then its slice."""
        self.sent = sent
        text = sent.text
        if doc_low is not None:
            mf = MatchForm(doc_low[sent.start:sent.end], None, len(text))
        else:
            mf = (form or _form_function())(text)
        self.low = mf.text
        self._mf = mf
        self._starts = mf._starts          # None = identity
        self.facts = None                  # extract_sent.SentFacts, built on first use

    def to_doc(self, i: int) -> int:
        return self.sent.start + self._mf.to_orig(i)

    def from_doc(self, j: int) -> int:
        rel = j - self.sent.start
        if self._starts is None:
            return max(0, min(rel, len(self.low)))
        return bisect.bisect_left(self._starts, rel)


# ------------------------------------------------------------------------------ extraction

class _DocHits:
    """An Aho–Corasick automaton's output over a whole document form, by end position: the
    occurrences inside a sentence sliced from it are those of a pass over the sentence."""

    __slots__ = ("ends", "starts", "found")

    def __init__(self, automaton, doc_low: str):
        self.ends: list[int] = []
        self.starts: list[int] = []
        self.found: list = []
        if automaton is None:
            return
        for found in automaton.iter(doc_low):
            end, (key, _) = found
            self.ends.append(end + 1)
            self.starts.append(end + 1 - len(key))
            self.found.append(found)

    def inside(self, a: int, b: int) -> list:
        """The (end, value) pairs lying in doc_low[a:b], shifted to the slice's offsets."""
        ends, starts, found = self.ends, self.starts, self.found
        return [(found[j][0] - a, found[j][1])
                for j in range(bisect.bisect_left(ends, a + 1), bisect.bisect_right(ends, b)) if starts[j] >= a]


def extract_mentions(doc: Document, analysis: Analysis, res) -> list[EventMention]:
    """Event mentions, one per trigger occurrence, in document order."""
    lex: TriggerLexicon = res.triggers
    topics: TopicTaxonomy = res.topics
    cues = res.cues                   # events/cues.yaml, compiled once
    out: list[EventMention] = []
    sents = analysis.sentences
    form = _form_function()
    doc_text = doc.text
    doc_low = _document_form(doc_text, form) if len(sents) > 1 else None
    if doc_low is not None:
        # the cheap scan once over the whole document: a sentence sliced from the document form
        # with no trigger head inside it has no hit (its own scan would find the same heads)
        heads = _DocHits(lex.automaton, doc_low)
    for k, sent in enumerate(sents):
        if not sent.text:
            continue
        sliced = doc_low is not None and _sliced(sent, doc_text)
        found = None
        if sliced:
            found = heads.inside(sent.start, sent.end)
            if not found:
                continue
        sv = SentView(sent, form, doc_low if sliced else None)
        hits = lex.scan(sv.low, found)
        if hits and any(t.arrival for _, _, t in hits):
            # a bare "tới"/"đến"/"sang" is a trip only as "Leader X tới <foreign place> <time>"
            hits = [h for h in hits if not h[2].arrival or arrival(sv, h[0], h[1], lex)]
        if hits and any(t.place_object for _, _, t in hits):
            # "sẽ tới Washington để gặp ông Trump": when another trigger follows a movement form,
            # that one is the event (with the date and place); the trip is only its vehicle
            # (a session co-chaired there, "sẽ sang Hà Nội để cùng X đồng chủ trì kỳ họp", is no
            # talk of its own: the trip stays the event)
            hits = [h for h in hits if not h[2].place_object
                    or not any(s0 >= h[1] and t.type is not None and not t.subject_only for s0, _, t in hits)]
        if hits and any(t.remainder for _, _, t in hits):
            # "hoàn tất / thực hiện nốt phần còn lại": the rest of an exchange, only after a completion
            # verb in an article that reports an exchange (before, or in the same sentence)
            ctx = any(m.type == "prisoner_exchange" for m in out) \
                or any(t.type == "prisoner_exchange" and not t.remainder for _, _, t in hits)
            hits = [h for h in hits if not h[2].remainder
                    or ctx and lex.ends["remainder"].search(sv.low, max(0, h[0] - 30), h[0]) is not None]
        if hits and lex.ends["trade"] is not None and any(t.type == "ceasefire" for _, _, t in hits):
            # "thỏa thuận đình chiến thương mại": a trade truce is an agreement, no military ceasefire
            hits = [(a, b, replace(t, type="agreement", cameo=None) if t.type == "ceasefire"
                     and lex.ends["trade"].match(sv.low, b) else t) for a, b, t in hits]
        if hits and any(t.in_story for _, _, t in hits):
            # "hôm 16/5, hai bên đã trao đổi 120 người": counted people exchanged, in an article that
            # reports an exchange (before, or in the same sentence); never "trao đổi với người đồng cấp"
            hits = [h for h in hits if not h[2].in_story
                    or (h[2].numberless or _DIGIT.search(sv.low, h[0], h[1]) is not None)
                    and (any(m.type == h[2].type for m in out)
                         or any(t.type == h[2].type and not t.in_story for _, _, t in hits))]
        if hits:
            hits = filter_hits(hits, sv.low, lex)   # "tiếp và hội đàm với Y", "trao trả thi thể"
        if not hits:
            continue
        prev = sents[k - 1] if k > 0 else None
        sent_topics = topics.find(sv.low)
        # what every mention of the sentence shares: one Evidence (never modified downstream)
        attr = sent.attribution
        source = (attr.name or attr.source_text) if attr is not None else None
        ev = Evidence(doc=doc.doc_id, start=sent.start, end=sent.end, sentence=sent.text, source=source)
        shared = (doc.doc_id, sent, sv, ev, source, sent_topics)
        spans = [(a, b) for a, b, _ in hits]
        made: dict[int, EventMention] = {}
        last: Args | None = None
        for i, (ts, te, trig) in enumerate(hits):
            others = spans[:i] + spans[i + 1:]
            args: Args | None = analyze_arguments(sv, ts, te, trig, others, lex, analysis, doc, prev, cues)
            if args is None:
                continue
            if cited_document(sv.low, ts, te, trig, args.nominal, cues):
                continue                 # "Theo Tuyên bố chung, ...": a document made before, no event
            fronted_talk_side(args, sv, ts, te, trig, lex, analysis)  # "Tại cuộc hội đàm với Y, hai bên ..."
            if last is not None and args.carried:
                _coordinated(args, last)
            last = args
            if args.split_objects:
                subjects = [p for p in args.participants if p not in args.split_objects]
                for obj in args.split_objects:
                    one = _mention(shared, ts, te, trig, args, lex)
                    one.participants = subjects + [obj]
                    one.flags["split"] = True
                    out.append(one)
                continue
            m = _mention(shared, ts, te, trig, args, lex, own=True)
            days = listed_days(sv, te, others) if trig.type in ("phone_call", "meeting") \
                and m.status == "occurred" and m.date else []
            if m.date in days:
                for day in [d for d in dict.fromkeys(days) if d != m.date]:
                    one = _mention(shared, ts, te, trig, args, lex)    # one talk a listed day
                    one.date = day
                    one.flags["split"] = True
                    out.append(one)
            if trig.type == "proposal" and not trig.form.startswith("mời"):
                m.flags["talking_point"] = (_talking_point(sv, te, lex) or said_in_talk(sv.low, ts, hits, lex)
                                            or request_goes_on(sv.low, ts, te, hits, made, lex))
            trip = made.get(args.frame_of) if args.frame_of is not None else None
            if trip is not None and trip.type == "visit":
                # "X đang có chuyến thăm Y cũng đã hội kiến Z": the trip frames the talk
                trip.flags["frame"] = m.flags["framed"] = True
            made[ts] = m
            out.append(m)
        if len(made) > 1:
            _releasers(list(made.values()))
            _truce_signing(list(made.values()), sv, lex)
            for m in _letter_content(list(made.values()), sv):
                out.remove(m)
    return out


def _capital_names(res) -> dict[str, str]:
    """Capital aliases (matching form) → the capital's canonical name, the first name written in
    Latin letters in the actor dictionary ("Hà Nội" → "Hanoi", "Mát-xcơ-va" → "Moscow")."""
    out: dict[str, str] = {}
    countries = res.load_yaml("actors/countries.yaml") or []
    for c in countries if isinstance(countries, list) else []:
        caps = [x for x in (c.get("capitals") or []) if isinstance(x, str)]
        # a list may hold several cities ("Kuala Lumpur", "Putrajaya"): a Vietnamese spelling
        # belongs to the Latin name before it; a Latin variant to an earlier one of the same start
        # ("Moscow" / "Moskva")
        canon_of: dict[str, str] = {}
        last = None
        for x in caps:
            if x.isascii():
                same = next((y for y in caps[:caps.index(x)] if y.isascii()
                             and y[:3].lower() == x[:3].lower()), None)
                last = canon_of.get(same, same) if same else x
                canon_of[x] = last
            elif last is not None:
                canon_of[x] = last
            else:
                later = next((y for y in caps if y.isascii()), None)
                if later:
                    canon_of[x] = later
        for x, canon in canon_of.items():
            out.setdefault(match_form(x).text, canon)
    return out


def _canonical_place(name: str | None, lex) -> str | None:
    if not name:
        return name
    return (lex.ends.get("capitals") or {}).get(match_form(name).text, name)


def _talking_point(sv, te: int, lex) -> bool:
    """"đề nghị phía Nhật Bản / hai bên / Pháp + verb clause": a request addressed to the other side
    (a talking point of a reported meeting), unless a concrete plan verb follows the addressee."""
    low = sv.low
    m = lex.ends["addressee"].match(low, te)
    if m is not None:
        pos = m.end()
    else:
        nxt = [x for x in _actors(sv) if te < x.s <= te + 7 and low[te:x.s].strip() in ("", "cũng")
               and (x.kind != "place" or x.country) and not x.members]
        if not nxt:
            return False
        pos = min(x.e for x in nxt)
    c = lex.ends["concrete"].search(low, pos, min(len(low), pos + 40))
    return c is None or bool(re.search(r"[,;.]", low[pos:c.start()])) or aim_before(lex, low, pos, c.start())


def _mention(shared: tuple, ts: int, te: int, trig: Trigger, args: Args, lex, own: bool = False) -> EventMention:
    """The mention of one trigger hit. ``shared``: (doc id, sentence, sentence view, evidence,
    source, topics), the same for every hit of the sentence. ``own``: the mention is the only one
    made from ``args`` (then it takes its lists and dicts instead of copies)."""
    doc_id, sent, sv, ev, source, topics = shared
    etype = trig.type
    s0 = sv.to_doc(ts)
    s1 = sv.to_doc(te - 1) + 1 if te > ts else s0
    st = sent.start
    location = _canonical_place(args.location, lex)
    quantities = args.quantities if own else dict(args.quantities)
    fe = {}
    if args.date:
        fe["date"] = ev
    if args.duration:
        fe["duration_minutes"] = ev
    if location:
        fe["location"] = ev
    if args.initiator:
        fe["initiator"] = ev
    if args.ordinal:
        fe["ordinal"] = ev
    if quantities:
        fe["quantities"] = ev
    flags = {
        "cameo": lex.cameo_of(etype, trig), "nominal": args.nominal, "weak": trig.weak, "keep": trig.keep,
        "asserted": args.asserted, "anaphoric": args.anaphoric, "focus_ref": args.focus_ref,
        "focus_members": args.focus_members if own else list(args.focus_members),
        "status_explicit": args.status_explicit,
        "date_basis": args.date_basis, "year_explicit": args.year_explicit, "vn_clock": args.vn_clock,
        "day_month": args.day_month, "day_month_confidence": args.day_month_confidence,
        "background": args.background, "same_occasion": args.same_occasion,
        "countries": args.countries if own else dict(args.countries),
        "left_subject": args.left_subject, "paragraph": sent.paragraph, "role": sent.role,
        "duration_qualifier": args.duration_qualifier, "source": source,
        "status_raw": args.status_raw, "pkind": args.pkind if own else dict(args.pkind), "status_soft": args.status_soft,
        "location_country": args.location_country, "focus_text": args.focus_text,
        "host_only": args.host_only, "formal": trig.formal, "online": trig.online,
        "online_same": trig.online_same, "foreign_side": trig.foreign_side,
    }
    if args.denial_at is not None:
        flags["disputes"] = args.disputes         # the denial of a report ("bác bỏ thông tin ...")
        if args.denial_date:
            flags["denial_date"] = args.denial_date[1]     # the denial's day: the event's only if none
    if args.captive_sides:
        flags["captive_sides"] = args.captive_sides   # "trả tự do cho 30 tù nhân Palestine": a weak side
    if args.joiners:
        flags["joiners"] = list(args.joiners)      # take part in the talk this mention refers to
    if trig.states or args.as_countries or (etype == "ceasefire" and not args.participants):
        # (a ceasefire whose sides are "hai bên" is between the states of the sides in focus)
        flags["as_countries"] = True              # "hai Thủ tướng ra tuyên bố chung ...": the two countries
    if trig.states:
        flags["state_act"] = True                 # a joint statement: never the signing of N documents
    if trig.remainder:
        flags["remainder"] = True                 # the rest of an exchange: another exchange
    return EventMention(
        doc=doc_id, type=etype, trigger=sent.text[s0 - st:s1 - st], start=s0, end=s1,
        sentence_index=sent.index, participants=args.participants if own else list(args.participants), initiator=args.initiator,
        date=args.date, date_confidence=args.date_confidence, status=args.status,
        duration_minutes=args.duration, location=location,
        topics=list(topics), quantities=quantities, ordinal=args.ordinal, evidence=ev,
        field_evidence=fe, flags=flags,
    )


def document_events(doc: Document, analysis: Analysis, mentions: list[EventMention], res) -> list[dict]:
    """One record per real event the article reports: coreferent mentions merged, background
    recaps separate (docs/EVENTS.md; record shape in docs/ARCHITECTURE.md)."""
    from .extract_docs import cluster_and_build
    return cluster_and_build(doc, analysis, mentions, res)
