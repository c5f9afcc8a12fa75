"""Sides that a mention does not name itself, settled before an article's mentions are clustered
(docs/EVENTS.md "Arguments" and "Mentions → document events"): plural references ("hai nhà lãnh
đạo", "hai bên"), dated talks without named sides, and one country per person across the article.
Used by ``extract_docs.cluster_and_build``.
"""
from __future__ import annotations

import re

from .extract_merge import _dedupe, take_sides
from .models import EventMention

TALK_TYPES = ("phone_call", "meeting", "visit", "negotiation")


def _resolve_focus(mentions: list[EventMention], res) -> None:
    """Plural references ("hai nhà lãnh đạo", "hai bên") take the participants of the nearest
    earlier asserted multi-participant mention, else the language layer's members of the
    reference (the leaders in focus)."""
    prev: EventMention | None = None
    prev_of_type: dict[str, EventMention] = {}
    country_refs = [r["form"] for r in (res.triggers.raw.get("triggers") or {}).get("references") or []
                    if r.get("countries")]
    from .extract_cluster import _next_plan
    cues = res.cues
    for m in sorted(mentions, key=lambda x: x.start):
        # (a plan of the next round, "vòng đàm phán kế tiếp", names its round even without a date)
        implicit = (not m.participants and (m.date or _next_plan(m, cues)) and m.flags.get("asserted")
                    and m.type in TALK_TYPES and not m.flags.get("focus_ref"))
        if implicit and (later := _told_later(m, mentions)) is not None:
            # "Cuộc điện đàm gần đây nhất diễn ra hôm 1/2, khi ông X gọi điện cho ông Y": the clause
            # after the date tells the sides of that very talk
            pkind = m.flags.setdefault("pkind", {})
            cmap = m.flags.setdefault("countries", {})
            for p in later.participants:
                pkind.setdefault(p, (later.flags.get("pkind") or {}).get(p))
                cmap.setdefault(p, (later.flags.get("countries") or {}).get(p))
            m.participants = list(later.participants)
            later.flags["tells"] = m.start      # and it joins m's event (extract_cluster._compatible)
        elif implicit and prev is not None and prev.flags.get("paragraph", -9) >= m.flags.get("paragraph", 0) - 1 \
                and prev.type == m.type:
            # "Cuộc điện đàm ngày 5/6 ..., trong khi cuộc gọi hôm 19/9 ...": dated talks without
            # named sides are between the sides just talked about
            m.flags["focus_ref"] = True
        elif m.type in prev_of_type and (implicit and (
                m.status == "planned" and m.flags.get("status_explicit")
                or m.type == "negotiation" and m.status == "occurred" and m.flags.get("nominal"))
                or m.type == "prisoner_exchange" and not m.participants and m.date and m.flags.get("asserted")
                and not m.flags.get("focus_ref") and prev_of_type[m.type].status == "planned"):
            # "Vòng đàm phán tiếp theo dự kiến diễn ra vào 19/4": a planned follow-up round is
            # between the sides of the article's talks of that type; so are talks told with their own
            # date ("Vòng thứ nhất diễn ra hôm 3/3 tại Vienna", "Cuộc đàm phán kéo dài hai ngày 6 và
            # 7/5"); a dated exchange without sides after an agreed (planned) one is between the
            # states of that one ("đợt trao đổi tù binh từ ngày 23 đến 25/5" after "A và B nhất trí
            # trao đổi ...")
            m.flags["focus_ref"] = True
            m.flags["focus_members"] = []
            m.flags["as_countries"] = True
            prev = prev_of_type[m.type]
        elif implicit and m.type == "negotiation" and (m.ordinal or 0) >= 2 \
                and (prev_of_type.get("negotiation") or prev_of_type.get("meeting")) is not None:
            # "Vòng đàm phán thứ hai diễn ra tại Istanbul ngày 2/6": a later round without named
            # sides is between the sides of the article's earlier talks (a round of negotiations
            # may have been told as the delegations meeting)
            m.flags["focus_ref"] = True
            m.flags["focus_members"] = []
            m.flags["as_countries"] = True
            prev = prev_of_type.get("negotiation") or prev_of_type["meeting"]
        if m.flags.get("focus_ref") and not m.flags.get("as_countries") and country_refs \
                and any(w in (m.flags.get("focus_text") or "").lower() for w in country_refs):
            m.flags["as_countries"] = True      # "hai nước": the countries of the sides
        if m.flags.get("focus_ref"):
            own = list(m.participants)
            pkind = m.flags.setdefault("pkind", {})
            cmap = m.flags.setdefault("countries", {})
            members: list[str] = []
            para = m.flags.get("paragraph", 0)
            pp = prev.flags.get("paragraph", -9) if prev is not None else -9
            layer = list(m.flags.get("focus_members") or [])
            leaders = re.search(r"lãnh đạo|tổng thống|thủ tướng|nguyên thủ|chủ tịch",
                                (m.flags.get("focus_text") or "").lower())
            if leaders and len(layer) >= 2:
                members = layer       # "hai nhà lãnh đạo": the leaders in focus
                if m.type == "agreement" and _witnessed(m, res):
                    # "hai nhà lãnh đạo sẽ chứng kiến trao các văn kiện": the leaders witness a
                    # signing between their countries: the countries are the sides
                    kinds, cm = {}, {}
                    for p in layer:
                        _lookup(res, p, kinds, cm)
                    if all(cm.get(p) for p in layer):
                        members = list(dict.fromkeys(cm[p] for p in layer))
                        for c in members:
                            pkind.setdefault(c, "country")
                            cmap.setdefault(c, c)
            elif prev is not None:
                members = list(prev.participants)
                pc = prev.flags.get("countries") or {}
                if m.flags.get("as_countries") and all(pc.get(p) for p in members):
                    # the negotiators of a future round are not named: its sides are the countries
                    members = list(dict.fromkeys(pc[p] for p in members))
                    for c in members:
                        pkind.setdefault(c, "country")
                        cmap.setdefault(c, c)
                if len(members) > 2 and len(layer) == 2:
                    # "hai bên" after "X chủ trì cuộc gặp giữa A và B": the two sides, not the host
                    lc = {(prev.flags.get("countries") or {}).get(p) or p for p in members}
                    kinds, cm = {}, {}
                    for p in layer:
                        _lookup(res, p, kinds, cm)
                    if {cm.get(p) or p for p in layer} <= lc:
                        members = layer
            elif layer:
                members = layer
            for p in members:
                if prev is not None and p in (prev.flags.get("pkind") or {}):
                    pkind.setdefault(p, prev.flags["pkind"][p])
                    cmap.setdefault(p, (prev.flags.get("countries") or {}).get(p))
                else:
                    _lookup(res, p, pkind, cmap)
                if p not in own:
                    own.append(p)
            m.participants = _dedupe(own, cmap, pkind)
        cmap = m.flags.get("countries") or {}
        if len({cmap.get(p) or p for p in m.participants}) >= 2 and m.flags.get("asserted") \
                and not m.flags.get("host_only"):
            prev = m
            if m.status == "occurred" and not m.flags.get("background") or m.type == "prisoner_exchange":
                prev_of_type[m.type] = m


_OUTCOMES = ("agreement", "ceasefire", "prisoner_exchange")


def _sides_of_framing_talks(mentions: list[EventMention], res=None) -> None:
    """"Tại vòng đàm phán ngày 2/6, phái đoàn A do X dẫn đầu và phái đoàn B do Y dẫn đầu đã nhất
    trí trao đổi ...": a talk named without sides that frames its sentence (a nominal talk mention
    before an outcome of that sentence) is between the sides who reached the outcome there, when
    the outcome names two or more sides and no talk of the sentence names sides. "A và B đã gặp
    nhau tại X, trong cuộc đàm phán do C chủ trì": a talk noun after the one meeting (or round)
    of its sentence that names two or more sides, with the same status, is that talk."""
    for m in mentions:
        if m.participants or m.type not in ("meeting", "negotiation") or not m.flags.get("nominal") \
                or not m.flags.get("asserted"):
            continue
        same = [x for x in mentions if x.sentence_index == m.sentence_index and x is not m]
        talks = [x for x in same if x.type in TALK_TYPES and x.participants]
        if len(talks) == 1 and talks[0].type in ("meeting", "negotiation") and talks[0].start < m.start:
            # "A và B đã gặp nhau tại Putrajaya, trong cuộc đàm phán do C chủ trì": the talks the
            # clause before names the sides of
            same = talks
        elif talks:
            continue
        for x in same:
            cmap = x.flags.get("countries") or {}
            if (x.start > m.start and x.type in _OUTCOMES
                    or x.type in TALK_TYPES and (x.status or "occurred") == (m.status or "occurred")) \
                    and x.flags.get("asserted") and len({cmap.get(p) or p for p in x.participants}) >= 2:
                take_sides(m, x)
                break
    if res is not None:
        _sides_since_first(mentions, res)
        from .extract_recaps import previous_talks
        previous_talks(mentions, res)     # "Lần điện đàm trước đó ... hôm 4/3": the earlier talk
        mark_uncounted(mentions, res)     # "ký một loạt văn kiện": documents of an untold number
        venue_places(mentions)            # "tại Lancaster House ở trung tâm London": the venue's city


def _since_rx(res) -> re.Pattern:
    rx = res.triggers.__dict__.get("_since_first")
    if rx is None:
        words = sorted(((res.triggers.raw.get("modality") or {}).get("since_first") or []), key=len, reverse=True)
        alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
        rx = re.compile(r"(?<!\w)(?:%s)\s*$" % alts) if alts else re.compile(r"(?!x)x")
        res.triggers.__dict__["_since_first"] = rx
    return rx


def _sides_since_first(mentions: list[EventMention], res) -> None:
    """"Đây là cuộc điện đàm đầu tiên giữa hai Thủ tướng, sau cuộc gặp bên lề hội nghị hôm 27/10":
    a talk noun without sides right after "sau" / "kể từ" (modality.yaml ``since_first``), following the
    first talk ("đầu tiên") of its sentence between two or more sides, is the talk those sides held
    before: it takes their sides and is background (a recap: it never gathers the article's undated
    plans of those sides). Only the first talk since: "cuộc điện đàm thứ tám ... kể từ cuộc gặp ..."
    may count from a talk the article tells with other words."""
    rx = None
    for m in mentions:
        ev = m.evidence
        if m.participants or m.type not in TALK_TYPES or not m.flags.get("nominal") or ev is None \
                or not ev.sentence:
            continue
        for x in mentions:
            if x is m or x.sentence_index != m.sentence_index or x.end > m.start or x.ordinal != 1 \
                    or x.type not in TALK_TYPES:
                continue
            cmap = x.flags.get("countries") or {}
            if len({cmap.get(p) or p for p in x.participants}) < 2:
                continue
            gap = ev.sentence[max(0, x.end - ev.start):max(0, m.start - ev.start)].lower()
            rx = rx or _since_rx(res)
            if re.search(r"[.;:]", gap) or not rx.search(gap):
                continue
            take_sides(m, x)
            m.flags["background"] = True     # told as the time since which: a recap, clustered last
            break


def _witnessed(m: EventMention, res) -> bool:
    """A witness verb (triggers.yaml `witness_verbs`: chứng kiến, dự) right before the trigger."""
    rx = res.triggers.ends.get("witness")
    ev = m.evidence
    if rx is None or ev is None or not ev.start <= m.start <= ev.start + len(ev.sentence):
        return False
    return rx.search(ev.sentence[:m.start - ev.start].lower()) is not None


def _told_later(m: EventMention, mentions: list[EventMention]) -> EventMention | None:
    """The undated mention of the same talk type after m in its sentence that names two or more
    sides, with no other status stated (None when there is none)."""
    for x in mentions:
        if x.sentence_index != m.sentence_index or x.start <= m.start or x.type != m.type or x.date:
            continue
        cmap = x.flags.get("countries") or {}
        if len({cmap.get(p) or p for p in x.participants}) < 2 or not x.flags.get("asserted"):
            continue
        if x.flags.get("status_explicit") and m.flags.get("status_explicit") and x.status != m.status:
            continue
        return x
    return None


def _unify_countries(mentions: list[EventMention]) -> None:
    """One name is one person in an article: a person whose country one mention leaves open
    ("Đại sứ Hàn Quốc tại Việt Nam Choi Young-sam": Korea or Vietnam?) has the country another
    mention gives it ("Đại sứ Hàn Quốc Choi Young-sam" in the headline). Only open countries are
    filled, and only when the other mentions agree on one country."""
    known: dict[str, str | None] = {}
    for m in mentions:
        pkind = m.flags.get("pkind") or {}
        for p, c in (m.flags.get("countries") or {}).items():
            if c and pkind.get(p) == "person":
                known[p] = c if known.get(p, c) == c else None
    known = {p: c for p, c in known.items() if c}
    if not known:
        return
    for m in mentions:
        cmap = m.flags.get("countries")
        if cmap and any(c is None and p in known for p, c in cmap.items()):
            for p, c in list(cmap.items()):
                if c is None and p in known:
                    cmap[p] = known[p]


def _lookup(res, name: str, pkind: dict, cmap: dict) -> None:
    a = res.actors.by_name(name)             # None for a name the dictionary does not know
    if a is None:
        pkind.setdefault(name, "person")
        cmap.setdefault(name, None)
        return
    kind = getattr(a, "kind", "person")
    pkind.setdefault(name, "person" if kind == "person" else kind)
    cmap.setdefault(name, a.name if kind == "country" else getattr(a, "country", None))


# ---------------------------------------------------------------- documents of an untold number

# Documents of an untold number (docs/EVENTS.md "2026-11-23 afternoon, held-out 15 round").
#
# "Hai bên đã ký một loạt văn kiện ... Kết thúc hội nghị, hai bên ký ba văn kiện: ...": a signing
# told with a word of plural, uncounted quantity before the documents (triggers.yaml
# ``uncounted_documents``: một loạt, nhiều, các ...) is not "the one joint statement told before": a
# later count of two or more documents may restate it (extract_cluster._compatible). The mention is
# flagged ``uncounted``.

def _uncounted_rx(res) -> re.Pattern:
    rx = res.triggers.__dict__.get("_uncounted_docs")
    if rx is None:
        data = (res.triggers.raw.get("triggers") or {}).get("uncounted_documents") or {}
        words = sorted(data.get("words") or [], key=len, reverse=True)
        nouns = sorted(data.get("nouns") or ["văn kiện"], key=len, reverse=True)
        alt = lambda ws: "|".join(r"\s+".join(map(re.escape, w.split())) for w in ws)   # noqa: E731
        rx = re.compile(r"(?<!\w)(?:%s)\s+(?:%s)(?!\w)" % (alt(words), alt(nouns))) if words else re.compile(r"(?!x)x")
        res.triggers.__dict__["_uncounted_docs"] = rx
    return rx


def mark_uncounted(mentions, res) -> None:
    rx = None
    for m in mentions:
        if m.type != "agreement" or (m.quantities or {}).get("documents"):
            continue
        rx = rx or _uncounted_rx(res)
        if rx.search(m.trigger.lower()):
            m.flags["uncounted"] = True


# ---------------------------------------------------------------- venues inside cities

# Venues inside cities (docs/EVENTS.md "2026-11-23 afternoon, held-out 15 round").
#
# "Hội nghị diễn ra tại Lancaster House ở trung tâm London": a named venue told as lying in a named
# place ("<Venue> ở/tại [up to two words] <Place>", both capitalised names) is in that place, so a
# mention placed in the city ("hội nghị thượng đỉnh ở London hôm qua") may be the event held at the
# venue (extract_cluster._venue_in). The pairs of the article's event sentences are collected before clustering
# (a mention may join before the sentence that tells the venue's city does) and shared, as the flag
# ``venues`` ({venue: {place, ...}}), by every mention of the article.

_PREP = re.compile(r"\s*,?\s+(?:ở|tại)\s+")
_WORD = re.compile(r"[\w'’-]+")


def _caps_before(text: str, end: int) -> str | None:
    """The run of capitalised words right before ``end`` (at most five), or None."""
    words = []
    for w in reversed(list(_WORD.finditer(text, 0, end))):
        if w.end() != end and text[w.end():end].strip():
            break
        if not w.group()[0].isupper():
            break
        words.append(w.group())
        end = w.start()
        if len(words) == 5:
            break
    return " ".join(reversed(words)) or None


def _caps_after(text: str, start: int) -> str | None:
    """The run of capitalised words from ``start``, after at most two lower-case words ("trung tâm")."""
    words, lower = [], 0
    for w in _WORD.finditer(text, start):
        if text[start:w.start()].strip():
            break
        if w.group()[0].isupper():
            words.append(w.group())
        elif words or lower == 2:
            break
        else:
            lower += 1
        start = w.end()
    return " ".join(words) or None


def _pairs(text: str):
    for mo in _PREP.finditer(text):
        venue, place = _caps_before(text, mo.start()), _caps_after(text, mo.end())
        # the venue is itself told as a place: "tại Lancaster House ở ..." ("Ông X ở lại Y": no venue)
        if venue and place and venue != place \
                and re.search(r"(?<!\w)(?:tại|ở)\s+$", text[:mo.start() - len(venue)]):
            yield venue, place


def venue_places(mentions) -> None:
    """Collect the venue/place pairs of the sentences of ``mentions``; flag them on every mention."""
    venues: dict[str, set] = {}
    for text in {m.evidence.sentence for m in mentions if m.evidence is not None and m.evidence.sentence}:
        if " ở " not in text and " tại " not in text:
            continue
        for venue, place in _pairs(text):
            venues.setdefault(venue, set()).add(place)
    if not venues:
        return
    for m in mentions:
        m.flags["venues"] = venues
