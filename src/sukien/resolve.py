"""Cross-document resolution: cluster document-level events into canonical events.

See docs/RESOLUTION.md for the algorithm. In short:

1. *Nodes*: every document-level event is a node; in incremental mode, the canonical events
   already stored near the new ones (same type family, a shared participant country, a date
   window) come back as super-nodes (their members stay together).
2. *Blocking*: nodes are compared only inside a (type family, country) block and a time window
   (event date, or the publication date of undated events), never everything with everything.
3. *Scoring*: participants / countries, date compatibility (exact, year-less "16/10" vs
   "16/10/2025", ±1 day, same month, unknown), distinctive shared facts (quantities, duration,
   location, ordinal, topics) and the story context (the other events both articles report).
   Hard vetoes: two events of one document, explicitly incompatible dates, disjoint persons of
   one country, participant sets that only partly overlap.
4. *Greedy agglomeration* over candidate pairs by decreasing score, with the vetoes re-checked
   on whole clusters (single link, complete veto).
5. *Merging* with provenance (``resolve_merge.py``): every value keeps its evidence;
   disagreements go to ``conflicts``; a missing date or year is filled from confident cluster
   mates; ids, ordinal checks.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as _date
from typing import Iterator

from .store_events import family_of

MERGE_THRESHOLD = 2.2
DAY_WINDOW = 2            # dated events further apart than this are never compared
PUB_WINDOW_BACK = 45      # an undated event may be about an event up to this many days before publication
PUB_PAIR_WINDOW = 14      # two undated events are compared when published within this many days
UNDATED_SPAN = 30         # an event known only from undated reports: they span at most this many days
WEAK_DATE_CONF = 0.35     # a date below this confidence never conflicts with another (date_relation)
ANCHOR_MIN_CONF = 0.5     # an inferred anchor orders reports only when the language layer is this sure
UNDATED_CANDIDATES = 60  # stored events an undatable report (no date, no publication date) is compared with
CONTEXT_DOCS = 50         # documents of a cluster read for its story context
CONTEXT_MAX = 1.8         # the story-context bonus never exceeds this
FACT_FIELDS = ("type", "quantities", "date", "date_basis", "duration_minutes", "location")   # read by _fact_tokens
PLACE_LEVELS = ("country", "region", "place", "unknown")   # see _Countries.level
# quantities that outlets count differently for one event: the documents of a signing ("ký kết
# và trao 6 văn kiện" / "trao 5 văn kiện": signed vs exchanged, memoranda counted or not). Two such
# counts within ROUGH_GAP of each other are a weak sign of one event (+0.3), not a disagreement.
ROUGH_COUNTS = frozenset({"documents"})
ROUGH_GAP = 0.25
BLOCK_CAP = 400           # undatable nodes compared with at most this many nodes of their block

DAY_MONTH_CONF = 0.5      # a stated year-less day-month: the day is sure, only the year is missing
BASIS_WEIGHT = {"sentence": 1.0, "paragraph": 0.9, "relative": 0.85, "document": 0.7, "anchor": 0.6,
                "cross_document": 0.6, "context": 0.8, "none": 0.3}


# ---------------------------------------------------------------- dates

@dataclass(frozen=True)
class DateVal:
    y: int | None
    m: int | None
    d: int | None
    year_explicit: bool = True
    conf: float = 0.5
    _ord: int | None = field(default=None, init=False, repr=False, compare=False)   # the day number, computed once
    day_level: bool = field(default=False, init=False, repr=False, compare=False)  # month and day known

    def __post_init__(self) -> None:
        o = None
        if self.y and self.m and self.d:
            try:
                o = _date(self.y, self.m, self.d).toordinal()
            except ValueError:
                o = None
        object.__setattr__(self, "_ord", o)
        object.__setattr__(self, "day_level", self.m is not None and self.d is not None)

    def ordinal(self) -> int | None:
        return self._ord

    def iso(self) -> str | None:
        if self.y is None:
            return None
        if self.m is None:
            return f"{self.y:04d}"
        if self.d is None:
            return f"{self.y:04d}-{self.m:02d}"
        return f"{self.y:04d}-{self.m:02d}-{self.d:02d}"


def parse_date(value: str | None, *, year_explicit: bool = True, conf: float = 0.5) -> DateVal | None:
    """'2025-03-18' | '2025-03' | '2025' | '--03-18' / 'XXXX-03-18' (year unknown) → DateVal."""
    if not value or not isinstance(value, str):
        return None
    v = value.strip().split("T")[0].split("/")[0]
    if v.startswith("--") or v.startswith("XXXX"):
        parts = v.replace("XXXX", "").strip("-").split("-")
        if len(parts) == 2 and all(p.isdigit() for p in parts):
            return DateVal(None, int(parts[0]), int(parts[1]), False, conf)
        return None
    parts = v.split("-")
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        return None
    if not nums or not (1000 <= nums[0] <= 2999):
        return None
    y = nums[0]
    m = nums[1] if len(nums) > 1 and 1 <= nums[1] <= 12 else None
    d = nums[2] if len(nums) > 2 and m and 1 <= nums[2] <= 31 else None
    return DateVal(y, m, d, year_explicit, conf)


def _day(value: str | None) -> int | None:
    dv = parse_date(value)
    return dv.ordinal() if dv else None


def date_relation(a: DateVal, b: DateVal) -> tuple[str, float]:
    """How two dates of two reports relate: (kind, bonus). kind 'conflict' is a veto."""
    if a.y is not None and b.y is not None and abs(a.y - b.y) >= 2 and (a.year_explicit or b.year_explicit) \
            and min(a.conf, b.conf) >= WEAK_DATE_CONF and not (a.day_level and b.day_level and (a.m, a.d) == (b.m, b.d)):
        # an inferred year is at most one off: "năm 2019" is never "tháng 2" of a 2025 article. (The
        # same day-month may still be one day: an article without a publication date may have taken
        # a wrong year from a year it states, and gets the right one from its cluster mates.)
        return "conflict", 0.0
    if a.day_level and b.day_level:
        if (a.m, a.d) == (b.m, b.d):
            if a.y == b.y and a.y is not None and a.year_explicit and b.year_explicit:
                return "exact", 2.0
            if a.y is None or b.y is None or not a.year_explicit or not b.year_explicit:
                return "month_day", 1.6
            return "conflict", 0.0          # same day, explicitly different years
        if (a.y is None) != (b.y is None):
            # a year-less day-month ("14-8") against a dated report: the same day (±1 for time
            # zones) in the dated report's year or a neighbouring one, else another event
            part, full = (a, b) if a.y is None else (b, a)
            ofull = full.ordinal()
            for y in (full.y - 1, full.y, full.y + 1):
                op = DateVal(y, part.m, part.d).ordinal()
                if op is not None and ofull is not None and abs(op - ofull) <= 1:
                    return "near", 0.6
            return ("unknown", -0.3) if min(a.conf, b.conf) < WEAK_DATE_CONF else ("conflict", 0.0)
        oa, ob = a.ordinal(), b.ordinal()
        if oa is not None and ob is not None and abs(oa - ob) <= 1 and min(a.conf, b.conf) < 0.85:
            return "near", 0.6               # time zones, "hôm qua" vs the date: a weak report may be a day off
        if min(a.conf, b.conf) < WEAK_DATE_CONF:
            return "unknown", -0.3
        return "conflict", 0.0
    # at least one side is month- or year-level
    if a.y is not None and b.y is not None and a.year_explicit and b.year_explicit and a.y != b.y:
        return ("conflict", 0.0) if min(a.conf, b.conf) >= WEAK_DATE_CONF else ("unknown", -0.3)
    if a.m is not None and b.m is not None:
        if a.m != b.m:
            return ("conflict", 0.0) if min(a.conf, b.conf) >= WEAK_DATE_CONF else ("unknown", -0.3)
        return "month", 0.4
    return "year", 0.1


# ---------------------------------------------------------------- nodes

@dataclass
class Node:
    """A cluster under construction (one document-level event, or a stored canonical event)."""
    key: int
    members: list[dict]
    family: str
    docs: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    persons: dict[str, set[str]] = field(default_factory=dict)
    dates: set[DateVal] = field(default_factory=set)
    pubs: list[int] = field(default_factory=list)
    # first and last publication day of the reports without a firm date (None: no such report)
    upub: tuple[int, int] | None = None
    types: Counter = field(default_factory=Counter)
    statuses: set[str] = field(default_factory=set)
    quantities: dict[str, set[float]] = field(default_factory=dict)
    topics: set[str] = field(default_factory=set)
    durations: set[float] = field(default_factory=set)
    locations: set[str] = field(default_factory=set)
    loc_keys: set[tuple[str, str, str]] = field(default_factory=set)    # (place, its country, its level: PLACE_LEVELS)
    ordinals: set[int] = field(default_factory=set)
    initiators: set[str] = field(default_factory=set)
    old_ids: set[str] = field(default_factory=set)
    _top: str | None = field(default=None, repr=False, compare=False)       # cached types.most_common(1)
    _sort_id: tuple | None = field(default=None, repr=False, compare=False)  # (len(members), smallest member id)
    _pall: set[str] | None = field(default=None, repr=False, compare=False)  # cached all_persons()

    def all_persons(self) -> set[str]:
        """Every person of the cast (cached; invalidated when the node gains members)."""
        if self._pall is None:
            self._pall = set().union(*self.persons.values()) if self.persons else set()
        return self._pall

    def top_type(self) -> str:
        if self._top is None:
            self._top = self.types.most_common(1)[0][0]
        return self._top

    def tkey(self) -> tuple[str, int] | None:
        """Time position for blocking: the event's day, else the first publication day."""
        days = sorted(o for o in (dv.ordinal() for dv in self.dates if dv.year_explicit) if o is not None)
        if days:
            return "date", days[0]
        if self.pubs:
            return "pub", min(self.pubs)
        return None

    def month_span(self) -> tuple[int, int] | None:
        """First and last day number of the month of a month-level date ("hồi tháng 1", "tháng
        1/2025") when the node has no day: blocking pairs it with the days of that month."""
        if any(dv.day_level for dv in self.dates):
            return None
        months = sorted((dv.y, dv.m) for dv in self.dates if dv.y and dv.m and dv.conf >= WEAK_DATE_CONF)
        if not months:
            return None
        y, m = months[0]
        first = _date(y, m, 1).toordinal()
        last = (_date(y + (m == 12), m % 12 + 1, 1).toordinal()) - 1
        return first, last

    def soft_day(self) -> int | None:
        """The day of a date whose year was inferred ("16/5" in an article of June): blocking
        also places the node there, beside its publication day, so that a recap published weeks
        later meets the reports of the day itself."""
        days = sorted(o for o in (dv.ordinal() for dv in self.dates
                                  if not dv.year_explicit and dv.conf >= WEAK_DATE_CONF) if o is not None)
        return days[0] if days else None

    def absorb(self, other: "Node") -> None:
        sa, sb = self._sort_id, other._sort_id
        self._sort_id = (len(self.members) + len(other.members), min(sa[1], sb[1])) \
            if sa is not None and sb is not None and sa[0] == len(self.members) and sb[0] == len(other.members) \
            else None
        self._top = None
        self._pall = None
        self.members += other.members
        self.docs |= other.docs
        self.countries |= other.countries
        for c, ps in other.persons.items():
            self.persons.setdefault(c, set()).update(ps)
        self.dates |= other.dates
        self.pubs += other.pubs
        if other.upub is not None:
            self.upub = other.upub if self.upub is None else \
                (min(self.upub[0], other.upub[0]), max(self.upub[1], other.upub[1]))
        self.types += other.types
        self.statuses |= other.statuses
        for k, vs in other.quantities.items():
            self.quantities.setdefault(k, set()).update(vs)
        self.topics |= other.topics
        self.durations |= other.durations
        self.locations |= other.locations
        self.loc_keys |= other.loc_keys
        self.ordinals |= other.ordinals
        self.initiators |= other.initiators
        self.old_ids |= other.old_ids


class _Countries:
    """participant name → canonical country (cached; falls back to the name itself)."""

    def __init__(self, res):
        self.res = res
        self.cache: dict[str, tuple[str, bool]] = {}
        self.days: dict[str | None, int | None] = {}        # per run: publication date → day number
        self.rounded: dict[tuple, DateVal] = {}             # per run: node date values (equal values shared)
        self.levels: dict[str, str] = {}                    # place name → its level (``level``)

    def day(self, value: str | None) -> int | None:
        """``_day(value)``, memoized for the run (many reports share a publication day)."""
        try:
            return self.days[value]
        except KeyError:
            d = self.days[value] = _day(value)
            return d
        except TypeError:           # an unhashable value (not a date string): no memo
            return _day(value)

    def level(self, name: str) -> str:
        """A place's level (``PLACE_LEVELS``): "country", "region" (a state, province or region
        of the dictionary), "place" (a city, a venue, an institution), "unknown" (not in the
        dictionary)."""
        hit = self.levels.get(name)
        if hit is None:
            actor = self.res.actors.by_name(name) if self.res is not None else None
            kind = getattr(actor, "kind", None) if actor is not None else None
            hit = "unknown" if kind is None else "country" if kind == "country" else \
                "region" if getattr(actor, "subkind", None) == "region" else "place"
            self.levels[name] = hit
        return hit

    def __call__(self, name: str) -> tuple[str, bool]:
        """(country, is_country_itself)"""
        hit = self.cache.get(name)
        if hit is None:
            # an unknown name (country_of → None) is simply its own country
            c = (self.res.actors.country_of(name) if self.res is not None else None) or name
            hit = (c, c == name)
            self.cache[name] = hit
        return hit


def _node_from_member(key: int, ev: dict, cof: _Countries) -> Node:
    n = Node(key=key, members=[ev], family=family_of(ev.get("type")))
    n.docs.add(ev["doc"])
    _add_features(n, ev, cof)
    return n


def _add_features(n: Node, ev: dict, cof: _Countries) -> None:
    n._top = None
    n._pall = None
    for p in ev.get("participants") or []:
        c, is_country = cof(p)
        n.countries.add(c)
        if not is_country:
            n.persons.setdefault(c, set()).add(p)
    dv = _member_date(ev)
    if dv is not None:   # confidence rounded: a big cluster keeps a handful of distinct date values
        k = (dv.y, dv.m, dv.d, dv.year_explicit, round(dv.conf, 1))
        r = cof.rounded.get(k)
        if r is None:
            r = cof.rounded[k] = DateVal(*k)
        n.dates.add(r)
    pd = cof.day(ev.get("pub_date"))
    if pd is not None:
        n.pubs.append(pd)
        if dv is None or dv.conf < WEAK_DATE_CONF:
            n.upub = (pd, pd) if n.upub is None else (min(n.upub[0], pd), max(n.upub[1], pd))
    n.types[ev.get("type") or "other"] += 1
    n.statuses.add(ev.get("status") or "occurred")
    for k, v in (ev.get("quantities") or {}).items():
        if isinstance(v, (int, float)):
            n.quantities.setdefault(k, set()).add(float(v))
    n.topics |= {t.lower() for t in ev.get("topics") or []}
    if ev.get("duration_minutes"):
        n.durations.add(float(ev["duration_minutes"]))
    if ev.get("location"):
        n.locations.add(ev["location"])
        n.loc_keys.add((ev["location"], cof(ev["location"])[0], cof.level(ev["location"])))
    if ev.get("ordinal"):
        n.ordinals.add(int(ev["ordinal"]))
    if ev.get("initiator"):
        n.initiators.add(cof(ev["initiator"])[0])


def _member_date(ev: dict) -> DateVal | None:
    """The member's date with its weighted confidence (computed once per loaded record: the
    ``_dateval`` key lives only in memory, records are never saved back from here)."""
    if "_dateval" in ev:
        return ev["_dateval"]
    conf = ev.get("date_confidence")
    conf = 0.5 if conf is None else float(conf)
    conf *= BASIS_WEIGHT.get(ev.get("date_basis") or "sentence", 0.8) if ev.get("date_basis") else 1.0
    dv = parse_date(ev.get("date"), year_explicit=ev.get("year_explicit", True) is not False, conf=conf)
    if dv is None and ev.get("date_partial"):
        dv = parse_date(ev.get("date_partial"), year_explicit=False, conf=conf)
    if dv is None and ev.get("day_month"):        # "14-8" with no year anywhere: a partial key
        dv = parse_date(f"--{ev['day_month']}", year_explicit=False, conf=max(conf, DAY_MONTH_CONF))
    ev["_dateval"] = dv
    return dv


# ---------------------------------------------------------------- scoring

_TOLD_PAST = frozenset({"occurred", "denied"})   # reports about something past: it took place, or it did not
_TALKS = {"meeting", "negotiation"}     # one talk is told as a meeting by one outlet, as negotiations by another


def _shared_sides(a: Node, b: Node) -> set[str] | None:
    """The countries a and b share, or None when their sides rule out one event: another type
    family, a common document, no shared country, one shared side of two different pairs, or
    different persons for the same country (the side checks of ``veto`` and ``veto_score``)."""
    if a.family != b.family or not a.docs.isdisjoint(b.docs):
        return None
    ac, bc = a.countries, b.countries
    if not ac or not bc:
        return None
    inter = ac & bc
    if not inter:
        return None
    if len(inter) < 2 and len(ac) >= 2 and len(bc) >= 2 and not _shared_outcome(a, b):
        return None                          # US-RU vs US-UA: one shared side is not one event
    ap, bp = a.persons, b.persons
    if ap and bp:
        for c in inter:
            pa, pb = ap.get(c), bp.get(c)
            if pa and pb and pa.isdisjoint(pb):
                return None
    return inter


def veto(a: Node, b: Node) -> bool:
    """True when a and b can never be the same real-world event."""
    if _shared_sides(a, b) is None:
        return True
    ad, bd = a.dates, b.dates
    if ad and bd:
        for da in ad:
            for db in bd:
                if date_relation(da, db)[0] == "conflict":
                    return True
        return _undated_spread(a, b)
    return _reported_before(a, b) or _undated_spread(a, b)


def _undated_spread(a: Node, b: Node) -> bool:
    """The reports without a firm date (none, or one too weak to conflict with another, see
    ``date_relation``) of a and b together span more than ``UNDATED_SPAN`` days of publication:
    undated reports chained week after week ("the two sides exchanged prisoners", "talks next
    week") are several events, not one that every report of the year joins, with or without a
    dated report among them."""
    au, bu = a.upub, b.upub
    if au is None or bu is None:
        return False                 # no new undated report: the span does not change
    return max(au[1], bu[1]) - min(au[0], bu[0]) > UNDATED_SPAN


def _reported_before(a: Node, b: Node) -> bool:
    """One side is undated and says the event took place (or denies that it did), but every report
    of it was published before all the other side's stated days: an event that already happened
    cannot be one that a report published before it describes (the undated half of ``veto`` and
    ``veto_score``)."""
    for x, y in ((a, b), (b, a)):
        if not x.dates and y.dates and x.pubs and x.statuses <= _TOLD_PAST:
            last = max(x.pubs)
            days = [dv.ordinal() for dv in y.dates if dv.day_level and (dv.year_explicit or dv.conf >= WEAK_DATE_CONF)]
            if days and all(d is not None and d > last + 1 for d in days):
                return True
    return False


OUTCOME_FAMILIES = ("agreement", "prisoner_exchange")


def _shared_outcome(a: Node, b: Node) -> bool:
    """Reports name different sides of one truce or exchange (the leaders who agreed it, the
    parties who observe it): a shared distinctive quantity (30 days, 175 prisoners) lets two such
    casts that share one country be compared."""
    return a.family in OUTCOME_FAMILIES and any(a.quantities[k] & b.quantities[k]
                                                for k in a.quantities.keys() & b.quantities.keys())


def _close_counts(xs: set[float], ys: set[float]) -> bool:
    """Two counts of a ``ROUGH_COUNTS`` quantity within ``ROUGH_GAP`` of each other."""
    return any(abs(x - y) <= ROUGH_GAP * max(x, y) for x in xs for y in ys)


def _add_facts(s: float, a: Node, b: Node) -> float:
    """``s`` plus the type and distinctive-fact terms of a pair's score (shared by ``score`` and
    ``veto_score``; added to ``s`` in one fixed order so both give the same float)."""
    if a.top_type() == b.top_type():
        s += 0.2
    aq, bq = a.quantities, b.quantities
    qbonus = 0.0
    if aq and bq:
        for k in aq.keys() & bq.keys():
            if aq[k] & bq[k]:
                qbonus += 1.0
            elif k in ROUGH_COUNTS and _close_counts(aq[k], bq[k]):
                qbonus += 0.3       # "ký 6 văn kiện" / "trao 5 văn kiện": one signing, counted two ways
            else:
                qbonus -= 1.2
    s += min(qbonus, 2.0)
    if a.topics and b.topics:
        s += 0.6 * len(a.topics & b.topics) / len(a.topics | b.topics)
    if a.durations and b.durations:
        # outlets round ("hơn hai giờ" vs 150 minutes): only a wide gap speaks against one event
        gap = min(abs(x - y) / max(x, y) for x in a.durations for y in b.durations)
        s += 0.6 if gap <= 0.1 else (0.0 if gap <= 0.3 else -0.4)
    if a.locations and b.locations:
        if a.locations & b.locations:
            s += 0.5
        elif not _place_within(a, b):
            s -= 0.6
            if a.family == "meeting" and _apart(a, b):
                s -= 0.6         # met in person in two different countries: two meetings
    if a.ordinals and b.ordinals:
        s += 0.6 if a.ordinals & b.ordinals else -1.0
    if a.initiators and b.initiators:
        s += 0.2 if a.initiators & b.initiators else -0.3
    return s


def score(a: Node, b: Node, ctx: float = 0.0) -> float:
    inter, union = a.countries & b.countries, a.countries | b.countries
    s = 0.7 + 0.3 * len(inter) / max(1, len(union))
    pa, pb = a.all_persons(), b.all_persons()
    if pa and pb:
        s += 0.3 * len(pa & pb) / len(pa | pb)
    # dates
    best = None
    for da in a.dates:
        for db in b.dates:
            kind, bonus = date_relation(da, db)
            best = bonus if best is None else max(best, bonus)
    if best is not None:
        s += best
    else:
        dated, undated = (a, b) if a.dates else (b, a)
        if dated.dates and undated.pubs:
            days = [dv.ordinal() for dv in dated.dates if dv.ordinal() is not None]
            pub = min(undated.pubs)
            if days and any(pub - PUB_WINDOW_BACK <= d <= pub + 1 for d in days):
                s += 0.6 if any(pub - 3 <= d <= pub + 1 for d in days) else 0.2
        elif not a.dates and not b.dates and a.pubs and b.pubs:
            gap = abs(min(a.pubs) - min(b.pubs))
            s += 0.4 if gap <= 3 else (-0.5 if gap > 30 else 0.0)
    return _add_facts(s, a, b) + ctx


def veto_score(a: Node, b: Node) -> float | None:
    """``None if veto(a, b) else score(a, b)`` in one pass (the pair loop of ``cluster``): the
    date relations are computed once for the veto and the bonus. Same checks, same sums in the
    same order as ``veto`` and ``score``."""
    inter = _shared_sides(a, b)
    if inter is None:
        return None
    ad, bd = a.dates, b.dates
    best = None
    if ad and bd:
        for da in ad:
            for db in bd:
                kind, bonus = date_relation(da, db)
                if kind == "conflict":
                    return None
                if best is None or bonus > best:
                    best = bonus
        if _undated_spread(a, b):
            return None
    elif _reported_before(a, b) or _undated_spread(a, b):
        return None
    s = 0.7 + 0.3 * len(inter) / len(a.countries | b.countries)
    pa, pb = a.all_persons(), b.all_persons()
    if pa and pb:
        s += 0.3 * len(pa & pb) / len(pa | pb)
    if best is not None:
        s += best
    else:
        dated, undated = (a, b) if ad else (b, a)
        if dated.dates and undated.pubs:
            days = [dv.ordinal() for dv in dated.dates if dv.ordinal() is not None]
            pub = min(undated.pubs)
            if days and any(pub - PUB_WINDOW_BACK <= d <= pub + 1 for d in days):
                s += 0.6 if any(pub - 3 <= d <= pub + 1 for d in days) else 0.2
        elif not ad and not bd and a.pubs and b.pubs:
            gap = abs(min(a.pubs) - min(b.pubs))
            s += 0.4 if gap <= 3 else (-0.5 if gap > 30 else 0.0)
    return _add_facts(s, a, b)


def _place_within(a: Node, b: Node) -> bool:
    """One report names the larger place, the other a place in it: the country ("Việt Nam") and
    a city of it ("Hà Nội"), or a region ("Alaska") and a place of the same country ("Anchorage"):
    not a disagreement, only a coarser statement."""
    for pa, ca, la in a.loc_keys:
        for pb, cb, lb in b.loc_keys:
            if (la == "country" and cb == pa) or (lb == "country" and ca == pb):
                return True
            if (la == "region" or lb == "region") and ca == cb and "unknown" not in (la, lb):
                return True
    return False


def _apart(a: Node, b: Node) -> bool:
    """Every place of a and every place of b are known places of different countries ("Điện
    Kremlin" and "Alaska"): for a meeting in person, a sign of two meetings."""
    ka = [(c, lvl) for _, c, lvl in a.loc_keys]
    kb = [(c, lvl) for _, c, lvl in b.loc_keys]
    if not ka or not kb or any(lvl == "unknown" for _, lvl in ka + kb):
        return False
    return {c for c, _ in ka}.isdisjoint(c for c, _ in kb)


# ---------------------------------------------------------------- story context

def _fact_tokens(ev: dict, cof: "_Countries | None" = None) -> set[tuple]:
    """Distinctive facts of one document-level event (for the story-context signal). A place
    also stands for its country ("Budapest" and "Hungary" in two reports of one summit)."""
    fam = family_of(ev.get("type"))
    toks: set[tuple] = set()
    for k, v in (ev.get("quantities") or {}).items():
        if isinstance(v, (int, float)):
            toks.add((fam, "q", k, float(v)))
    dv = parse_date(ev.get("date"))
    if dv and dv.day_level and ev.get("date_basis") not in ("anchor", "document", "cross_document", "none"):
        toks.add((fam, "md", dv.m, dv.d))
    if ev.get("duration_minutes"):
        toks.add((fam, "dur", float(ev["duration_minutes"])))
    if ev.get("location"):
        toks.add((fam, "loc", ev["location"]))
        if cof is not None:
            toks.add((fam, "loc", cof(ev["location"])[0]))
    return toks


class Context:
    """Facts of the *other* events each document reports: two articles that report the same
    outcomes (a 30-day truce, an exchange on 19/3) tell the same story, so their undated
    events of one type and cast are the same event (of one type: a visit and the talks held on
    it are two events of one story; a meeting and negotiations may be one)."""

    def __init__(self, doc_events_by_doc: dict[str, list[dict]], cof: "_Countries | None" = None):
        self.cof = cof
        self.tokens: dict[str, dict[str, set[tuple]]] = {}
        for doc, evs in doc_events_by_doc.items():
            self.tokens[doc] = {ev["doc_event_id"]: _fact_tokens(ev, cof) for ev in evs}
        self._own: dict[int, set[tuple]] = {}      # node key → facts of its own first 50 members

    def _member_tokens(self, m: dict) -> set[tuple]:
        toks = self.tokens.get(m["doc"], {}).get(m["doc_event_id"])
        return toks if toks is not None else _fact_tokens(m, self.cof)

    def own_tokens(self, n: Node) -> set[tuple]:
        """Facts of the node's own (first 50) members; computed once per node (bonus is only
        asked before clustering starts absorbing nodes)."""
        own = self._own.get(n.key)
        if own is None:
            own = set()
            for m in n.members[:50]:
                own |= self._member_tokens(m)
            self._own[n.key] = own
        return own

    def node_tokens(self, n: Node, cap_docs: int = 50) -> set[tuple]:  # cap_docs = CONTEXT_DOCS
        mine = {m["doc_event_id"] for m in n.members}
        out: set[tuple] = set()
        for doc in sorted(n.docs)[:cap_docs]:
            for de, toks in self.tokens.get(doc, {}).items():
                if de not in mine:
                    out |= toks
        return out

    def bonus(self, a: Node, b: Node, cache: dict[int, set[tuple]]) -> float:
        if a.top_type() != b.top_type() and {a.top_type(), b.top_type()} != _TALKS:
            return 0.0          # one story tells a trip and the talks held on it: two events
        ta = cache.get(a.key)
        if ta is None:
            ta = cache[a.key] = self.node_tokens(a)
        tb = cache.get(b.key)
        if tb is None:
            tb = cache[b.key] = self.node_tokens(b)
        shared = ta & tb
        if not shared:
            return 0.0
        return min(CONTEXT_MAX, 0.6 * len(shared - self.own_tokens(a) - self.own_tokens(b)))


def _node_sort_id(n: Node) -> str:
    cached = n._sort_id
    if cached is None or cached[0] != len(n.members):     # members only grow: the length tells a stale value
        cached = n._sort_id = (len(n.members), min(m["doc_event_id"] for m in n.members))
    return cached[1]


# ---------------------------------------------------------------- driver

def resolve(store, res, doc_ids: list[str] | None = None, *, _again: bool = True) -> None:
    """Cluster the document-level events of ``doc_ids`` (all documents when None) into canonical
    events, joining the stored canonical events they block with. Writes events, event_actors,
    evidence, event_keys, aliases and doc_events.event_id. (The driver is in
    ``resolve_driver.py``; this module holds the nodes, the scoring and the clustering.)"""
    from .resolve_driver import run
    with _collector_paused():
        run(store, res, doc_ids, _again=_again)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while resolving (restored after, also on error).
    Resolution allocates millions of small containers (decoded records, node sets, pair tuples)
    and creates no reference cycles, so the collector frees nothing here; its passes over every
    live object (the language resources included) were about a quarter of the CPU time of
    resolution. Reference counting still frees everything as usual."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


# the clustering lives in resolve_cluster.py (it needs the nodes and scores above)
from .resolve_cluster import _candidate_pairs, _days_conflict, _pregroup, _single_day, cluster  # noqa: E402,F401
