"""Merging a cluster of document-level events into one canonical record (with provenance and
conflicts), stable ids, within-document date links, and ordinal checks against the series on
record. The clustering itself lives in ``resolve.py``; see docs/RESOLUTION.md."""
from __future__ import annotations

import hashlib
import json as _json
from collections import Counter, defaultdict
from typing import Any, Iterable

from .resolve import (ANCHOR_MIN_CONF, Node, _Countries, _day, _member_date, _node_sort_id)
from .store_events import family_of

TYPE_SPECIFICITY = ["ceasefire", "prisoner_exchange", "phone_call", "visit", "negotiation", "meeting",
                    "agreement", "proposal", "statement", "other"]
DEFAULT_CAMEO = {"phone_call": "041", "meeting": "040", "visit": "042", "negotiation": "046",
                 "agreement": "057", "ceasefire": "0871", "prisoner_exchange": "0841", "proposal": "036",
                 "statement": "010", "other": "010"}
PLOVER = {"phone_call": "CONSULT", "meeting": "CONSULT", "visit": "CONSULT", "negotiation": "CONSULT",
          "agreement": "AGREE", "ceasefire": "CONCEDE", "prisoner_exchange": "CONCEDE",
          "proposal": "COOPERATE", "statement": "OTHER", "other": "OTHER"}

# ---------------------------------------------------------------- merging a cluster

def _ev_weight(ev: dict) -> float:
    return 1.0 if ev.get("main", True) else 0.7


def _best_member(members: list[dict]) -> dict:
    return sorted(members, key=lambda m: (not m.get("main", True), -len(m.get("mentions") or []),
                                          m["doc_event_id"]))[0]


def _docs_of(members: Iterable[dict]) -> list[str]:
    return sorted({m["doc"] for m in members})


def _choose(values: list[tuple[Any, dict]], best: dict, key=lambda v: v) -> tuple[Any, list[dict]]:
    """Majority value (by member weight); ties go to the best member's value, then the smallest."""
    if not values:
        return None, []
    groups: dict[Any, list[tuple[Any, dict]]] = {}
    for v, m in values:
        groups.setdefault(key(v), []).append((v, m))
    def rank(item):
        k, vs = item
        w = sum(_ev_weight(m) for _, m in vs)
        return (-w, not any(m is best for _, m in vs), str(k))
    ordered = sorted(groups.items(), key=rank)
    conflicts = []
    if len(ordered) > 1:
        conflicts = [{"value": vs[0][0], "docs": _docs_of(m for _, m in vs)} for _, vs in ordered]
    return ordered[0][1][0][0], conflicts


def merge_date(members: list[dict]) -> tuple[str | None, float, list[dict], dict]:
    """Canonical date of a cluster: (date, confidence, conflict values, provenance)."""
    dated = [(m, _member_date(m)) for m in members]
    dated = [(m, dv) for m, dv in dated if dv is not None]
    prov: dict[str, Any] = {}
    if not dated:
        return None, 0.0, [], prov
    day = [(m, dv) for m, dv in dated if dv.day_level]
    if day:
        groups: dict[tuple[int, int], list] = defaultdict(list)
        for m, dv in day:
            groups[(dv.m, dv.d)].append((m, dv))
        def gweight(item):
            (mm, dd), vs = item
            w = sum(dv.conf * (1.0 if dv.year_explicit else 0.6) * _ev_weight(m) for m, dv in vs)
            return (-round(w, 6), -len(vs), mm, dd)
        ranked = sorted(groups.items(), key=gweight)
        (mm, dd), vs = ranked[0]
        explicit = Counter(dv.y for _, dv in vs if dv.year_explicit and dv.y)
        # a soft year inferred from a publication date beats one an undated article took from a
        # year it states ("Năm 2023, ...")
        soft = Counter(dv.y for m, dv in vs if not dv.year_explicit and dv.y and m.get("pub_date")) or \
            Counter(dv.y for _, dv in vs if not dv.year_explicit and dv.y)
        year = (explicit or soft).most_common(1)[0][0] if (explicit or soft) else None
        if year is None:   # a year from a coarser mate ("tháng 3/2025")
            years = Counter(dv.y for _, dv in dated if dv.y and dv.year_explicit and (dv.m in (None, mm)))
            year = years.most_common(1)[0][0] if years else None
        if year is None:
            prov["date_partial"] = f"--{mm:02d}-{dd:02d}"
            return None, 0.0, [], prov
        value = f"{year:04d}-{mm:02d}-{dd:02d}"
        conf = max(dv.conf for _, dv in vs)
        ndocs = len({m["doc"] for m, _ in vs})
        conf = min(1.0, conf + 0.05 * (ndocs - 1))
        soft_docs = sorted({m["doc"] for m, dv in vs if not dv.year_explicit})
        yearless = sorted({m["doc"] for m, dv in vs if dv.y is None})
        if soft_docs and explicit:
            prov["year_from"] = {"docs": sorted({m["doc"] for m, dv in vs if dv.year_explicit}),
                                 "filled_for": soft_docs}
        elif yearless:      # "14-8" with no year anywhere: the year of the mates that date it
            prov["year_from"] = {"docs": sorted({m["doc"] for m, dv in vs if dv.y == year}),
                                 "filled_for": yearless}
        # conflicting day-level values (soft years that agree on day and month are not conflicts)
        conflicts = []
        if len(ranked) > 1:
            for (m2, d2), vs2 in ranked:
                ys = Counter(dv.y for _, dv in vs2 if dv.y and dv.year_explicit) or Counter(
                    dv.y for _, dv in vs2 if dv.y)
                y2 = year if (m2, d2) == (mm, dd) else (ys.most_common(1)[0][0] if ys else year)
                conflicts.append({"value": f"{y2:04d}-{m2:02d}-{d2:02d}", "docs": _docs_of(m for m, _ in vs2)})
        return value, round(conf, 3), conflicts, prov
    # only months / years known
    best = sorted(dated, key=lambda t: (-(t[1].m is not None), -t[1].conf, t[0]["doc_event_id"]))[0][1]
    return best.iso(), round(best.conf * 0.8, 3), [], prov


def _report_day(m: dict) -> int | None:
    """When the report was written: its publication date, else the anchor the language layer
    inferred from its text."""
    return _day(m.get("pub_date")) or _day(m.get("_anchor"))


def status_progression(members: list[dict], date: str | None) -> list[dict] | None:
    """Reports written before the event's day call it planned and reports written on or after it
    say it took place: that is the event's history, not a disagreement. The steps in order
    (``[{"status": "planned", "docs": [...]}, {"status": "occurred", "docs": [...]}]``), else None."""
    st = lambda m: m.get("status") or "occurred"  # noqa: E731
    if {st(m) for m in members} != {"planned", "occurred"}:
        return None
    day = _day(date)
    if day is None:
        return None
    planned = [_report_day(m) for m in members if st(m) == "planned"]
    occurred = [_report_day(m) for m in members if st(m) == "occurred"]
    if None in planned or None in occurred or max(planned) > day or min(occurred) < day:
        return None
    return [{"status": s, "docs": _docs_of(m for m in members if st(m) == s)} for s in ("planned", "occurred")]


def merge_status(members: list[dict], date: str | None) -> tuple[str, list[dict]]:
    """occurred beats planned/hypothetical when the event's date is not after the reports that
    say it occurred; otherwise the weighted majority; a tie goes to the latest report. Planned
    before the day and occurred after it is a progression (``status_progression``), no conflict."""
    st = lambda m: m.get("status") or "occurred"  # noqa: E731
    statuses = Counter(st(m) for m in members)
    conflicts = []
    if len(statuses) > 1 and status_progression(members, date) is None:
        conflicts = [{"value": s, "docs": _docs_of(m for m in members if st(m) == s)}
                     for s, _ in sorted(statuses.items(), key=lambda kv: (-kv[1], kv[0]))]
    if len(statuses) == 1:
        return next(iter(statuses)), conflicts
    day = _day(date)
    occurred_days = [d for d in (_report_day(m) for m in members if st(m) == "occurred") if d is not None]
    if "occurred" in statuses and day is not None and occurred_days and day <= max(occurred_days) + 1:
        return "occurred", conflicts
    # the reports that call it planned were all written after its day: the day has passed and
    # another report says it took place (a year-less report cannot be ordered by its own day)
    planned_days = [_report_day(m) for m in members if st(m) == "planned"]
    if "occurred" in statuses and day is not None and planned_days and None not in planned_days \
            and day < min(planned_days):
        return "occurred", conflicts
    weight = {s: sum(_ev_weight(m) for m in members if st(m) == s) for s in statuses}
    latest = {s: max((d for d in (_report_day(m) for m in members if st(m) == s) if d is not None), default=-1)
              for s in statuses}
    order = {"occurred": 0, "planned": 1, "denied": 2, "hypothetical": 3}
    status = sorted(statuses, key=lambda s: (-round(weight[s], 6), -latest[s], order.get(s, 9)))[0]
    return status, conflicts


def merge_participants(members: list[dict], best: dict, cof: "_Countries", pcount: Counter,
                       first_seen: dict) -> list[str]:
    """Sides (countries) named by more than half of the reports (completed by the best report's
    sides when fewer than two have a majority, and by the side most named by the other reports
    when that still leaves one side);
    each side by its most reported person(s), or by the country itself when no report names a
    person ("Russia" and "Vladimir Putin" are one side) or more reports name the country than
    any person of it."""
    support: Counter = Counter()
    for m in members:
        support.update({cof(p)[0] for p in m.get("participants") or []})
    sides = {c for c, k in support.items() if k * 2 > len(members)}
    if len(sides) < 2:      # no majority for two sides: the best report's cast completes it
        sides |= {cof(p)[0] for p in best.get("participants") or []}
    if len(sides) == 1:     # still one side ("Tô Lâm witnessed the signing"): the other reports'
        rest = {c: k for c, k in support.items() if c not in sides}     # most named other side
        top = max(rest.values(), default=0)
        pick = [c for c, k in rest.items() if k == top]
        if len(pick) == 1:
            sides.add(pick[0])
    out = []
    for c in sides:
        persons = {p: k for p, k in pcount.items() if cof(p)[0] == c and not cof(p)[1]}
        top = max(persons.values(), default=0)
        if persons and top >= pcount.get(c, 0):
            out += [p for p, k in persons.items() if k == top or k * 2 > len(members)]
        elif persons:       # more reports name the state than any person of it: the state
            out.append(c)   # ("Iran và Mỹ đàm phán" twice, "Witkoff và Araghchi" once)
        else:
            out += [p for p in pcount if cof(p)[0] == c] or [c]
    return sorted(dict.fromkeys(out), key=lambda p: (first_seen.get(p, (True, 99, "")), p))


def merge_cluster(node: Node, res=None, cof: _Countries | None = None) -> dict:
    """The canonical record (EXPORT.md fields + extras) of one cluster."""
    cof = cof or _Countries(res)
    members = sorted(node.members, key=lambda m: m["doc_event_id"])
    best = _best_member(members)
    conflicts: list[dict] = []
    provenance: dict[str, Any] = {}
    # type
    tcount: Counter = Counter()
    for m in members:
        tcount[m.get("type") or "other"] += _ev_weight(m)
    etype = sorted(tcount.items(), key=lambda kv: (-round(kv[1], 6), TYPE_SPECIFICITY.index(kv[0])
                                                   if kv[0] in TYPE_SPECIFICITY else 99))[0][0]
    cameos = Counter(m.get("cameo") for m in members if m.get("type") == etype and m.get("cameo"))
    cameo = cameos.most_common(1)[0][0] if cameos else DEFAULT_CAMEO.get(etype, "010")
    # date
    date, date_conf, date_conf_values, dprov = merge_date(members)
    provenance.update(dprov)
    if date_conf_values:
        conflicts.append({"field": "date", "values": date_conf_values})
    undated_docs = sorted({m["doc"] for m in members if _member_date(m) is None})
    if date and undated_docs:
        provenance["date_filled_for"] = undated_docs
    # participants: the sides most reports name, each by its most reported person
    pcount: Counter = Counter()
    first_seen: dict[str, tuple] = {}
    for m in members:
        for i, p in enumerate(m.get("participants") or []):
            pcount[p] += 1
            first_seen.setdefault(p, (m is not best, i, m["doc_event_id"]))
    participants = merge_participants(members, best, cof, pcount, first_seen)
    # initiator, location, ordinal, duration
    initiator, c = _choose([(m["initiator"], m) for m in members if m.get("initiator")], best,
                           key=lambda v: cof(v)[0])
    if c:
        conflicts.append({"field": "initiator", "values": c})
    location, c = _choose([(m["location"], m) for m in members if m.get("location")], best)
    if c:
        conflicts.append({"field": "location", "values": c})
    ordinal, c = _choose([(int(m["ordinal"]), m) for m in members if m.get("ordinal")], best)
    if c:
        conflicts.append({"field": "ordinal", "values": c})
    durs = sorted(((float(m["duration_minutes"]), m) for m in members if m.get("duration_minutes")),
                  key=lambda t: (t[0], t[1]["doc_event_id"]))
    duration = None
    if durs:
        buckets: list[list[tuple[float, dict]]] = []
        for v, m in durs:
            for b in buckets:
                if abs(b[0][0] - v) <= 0.1 * max(b[0][0], v):
                    b.append((v, m))
                    break
            else:
                buckets.append([(v, m)])
        buckets.sort(key=lambda b: (-sum(_ev_weight(m) for _, m in b), not any(m is best for _, m in b), b[0][0]))
        vals = Counter(v for v, _ in buckets[0])
        duration = sorted(vals.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        duration = int(duration) if float(duration).is_integer() else duration
        if len(buckets) > 1:
            conflicts.append({"field": "duration_minutes", "values": [
                {"value": _num(Counter(v for v, _ in b).most_common(1)[0][0]), "docs": _docs_of(m for _, m in b)}
                for b in buckets]})
    # quantities
    quantities: dict[str, Any] = {}
    qkeys = sorted({k for m in members for k in (m.get("quantities") or {})})
    for k in qkeys:
        v, c = _choose([(m["quantities"][k], m) for m in members if k in (m.get("quantities") or {})], best)
        quantities[k] = _num(v)
        if c:
            conflicts.append({"field": f"quantities.{k}", "values": c})
    # topics: union, most reported first
    tc: Counter = Counter()
    tfirst: dict[str, tuple] = {}
    for m in members:
        for i, t in enumerate(m.get("topics") or []):
            tc[t] += 1
            tfirst.setdefault(t, (m["doc_event_id"], i))
    topics = sorted(tc, key=lambda t: (-tc[t], tfirst[t]))
    status, c = merge_status(members, date)
    if c:
        conflicts.append({"field": "status", "values": c})
    progression = status_progression(members, date) if status == "occurred" else None
    if progression:
        provenance["status_progression"] = progression
    # mentions and evidence
    mentions, seen = [], set()
    for m in members:
        for mm in m.get("mentions") or []:
            k = (mm.get("doc", m["doc"]), mm.get("start"), mm.get("end"))
            if k in seen:
                continue
            seen.add(k)
            mentions.append({"doc": k[0], "start": mm.get("start"), "end": mm.get("end"),
                             "sentence": mm.get("sentence", ""), "source": mm.get("source")})
    mentions.sort(key=lambda x: (x["doc"], x["start"] or 0, x["end"] or 0))
    evidence: dict[str, list[dict]] = {}
    seen_ev: dict[tuple, list[dict]] = {}     # (field, hash key) → items kept: dedupe without O(n²) scans
    for m in members:
        for fld, items in (m.get("evidence") or {}).items():
            lst = evidence.setdefault(fld, [])
            for it in items or []:
                e = dict(it)
                e.setdefault("doc", m["doc"])
                bucket = seen_ev.setdefault((fld, _dict_key(e)), [])
                if e not in bucket:
                    bucket.append(e)
                    lst.append(e)
    # a year-less day-month ("14-8") completed by the cluster: its evidence also stands for the
    # full date, with the documents the year came from
    year_from = (provenance.get("year_from") or {}).get("docs") or []
    if date and year_from:
        for it in evidence.get("day_month") or []:
            if it.get("doc") not in year_from and date[5:] == it.get("value"):
                e = dict(it, value=date, year_from=list(year_from))
                if e not in evidence.setdefault("date", []):
                    evidence["date"].append(e)
    for items in evidence.values():
        items.sort(key=lambda e: (e.get("doc") or "", e.get("start") or 0))
    docs = sorted({m["doc"] for m in members} | {x["doc"] for x in mentions})
    countries = sorted({cof(p)[0] for p in participants} | ({cof(initiator)[0]} if initiator else set()))
    return {
        "id": None, "type": etype, "cameo": cameo, "plover": PLOVER.get(etype, "OTHER"), "status": status,
        "date": date, "date_confidence": date_conf if date else 0.0, "participants": participants,
        "initiator": initiator, "duration_minutes": duration, "location": location, "topics": topics,
        "quantities": quantities, "ordinal": ordinal, "mentions": mentions, "conflicts": conflicts,
        "summary": None, "evidence": evidence, "doc_events": [m["doc_event_id"] for m in members],
        "documents": docs, "n_sources": len(docs), "flags": [], "provenance": provenance,
        "countries": countries or sorted(node.countries),
        "outlets": sorted({m["outlet"] for m in members if m.get("outlet")}),
    }


_SCALARS = (str, int, float, bool, type(None))


def _dict_key(e: dict) -> tuple:
    """A hashable key that equal evidence items share: their span and value (an unhashable
    value — list, dict — is left out of it). Items with the same key are then compared item by
    item (the bucket), so the key only has to be equal for equal items."""
    v = e.get("value")
    return (len(e), e.get("doc"), e.get("start"), e.get("end"), v if isinstance(v, _SCALARS) else None)


def _num(v: Any) -> Any:
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


# ---------------------------------------------------------------- ids

def content_key(ev: dict) -> str:
    return "|".join([family_of(ev["type"]), ",".join(ev.get("countries") or []), ev.get("date") or ""])


def event_id_for(ev: dict, anchor_member: str) -> str:
    """Stable id: a hash of the cluster's defining content (type family, participant countries,
    date) and of its smallest member id (``<doc>#<n>``, independent of ingest order), so that two
    events of one cast and day never share an id."""
    key = content_key(ev) + "|" + anchor_member
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def assign_ids(records: list[tuple[dict, Node]], taken: set[str]) -> None:
    """Give every record its id (a hash collision, never seen in practice, gets a suffix)."""
    for rec, node in sorted(records, key=lambda t: _node_sort_id(t[1])):
        eid = base = event_id_for(rec, _node_sort_id(node))
        n = 1
        while eid in taken:
            eid = f"{base}-{n}"
            n += 1
        taken.add(eid)
        rec["id"] = eid


# ---------------------------------------------------------------- within-document links

PARENT_KEYS = ("parent", "during", "context_event", "related_to", "part_of")


def propagate_parent_dates(records: list[dict], member_of: dict, cof: "_Countries | None" = None) -> None:
    """An undated event that its document places inside another event takes that event's date,
    with provenance: (1) the extractor names the enclosing event (``parent``/``during``/...);
    (2) otherwise an agreement or truce that occurred, between participants of the document's
    main event, is an outcome of that event (the extractor's own rule, applied again once
    resolution has dated the main event from another article)."""
    mains: dict[str, dict] = {}
    for key, ev in member_of.items():
        if key[0] == "member" and ev.get("main"):
            mains[ev["doc"]] = ev
    for _ in range(2):
        for rec in records:
            if rec.get("date"):
                continue
            for de in rec["doc_events"]:
                ev = member_of.get(("member", de))
                if ev is None:
                    continue
                parent = next((ev.get(k) for k in PARENT_KEYS if isinstance(ev.get(k), str)), None)
                rule = "parent"
                if parent is None and cof is not None and ev.get("type") in ("agreement", "ceasefire") \
                        and (ev.get("status") or "occurred") == "occurred" and not ev.get("main"):
                    main = mains.get(ev["doc"])
                    if main is not None and main is not ev:
                        mine = {cof(p)[0] for p in ev.get("participants") or []}
                        theirs = {cof(p)[0] for p in main.get("participants") or []}
                        if mine and mine <= theirs:
                            parent, rule = main["doc_event_id"], "outcome_of_main_event"
                prec = member_of.get(("record", parent)) if parent else None
                if prec is not None and prec is not rec and prec.get("date"):
                    rec["date"] = prec["date"]
                    rec["date_confidence"] = round(min(0.7, (prec.get("date_confidence") or 0.5) * 0.8), 3)
                    rec["provenance"]["date_from_event"] = {"doc_event": parent, "doc": ev["doc"], "rule": rule,
                                                            "event": prec.get("id")}
                    break


# ---------------------------------------------------------------- ordinals

def _light_events(store, rows: list) -> list[dict]:
    """Series members without their heavy records: id, type, status, date, participants,
    countries (from the events, event_actors and event_keys tables)."""
    out = {r[0]: {"id": r[0], "type": r[1], "status": r[2], "date": r[3], "participants": [], "countries": []}
           for r in rows}
    ids = sorted(out)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        q = ",".join("?" * len(chunk))
        for eid, actor in store.conn.execute(
                f"SELECT event_id, actor FROM event_actors WHERE role = 'participant' AND event_id IN ({q})", chunk):
            out[eid]["participants"].append(actor)
        for eid, country in store.conn.execute(
                f"SELECT event_id, country FROM event_keys WHERE event_id IN ({q})", chunk):
            out[eid]["countries"].append(country)
    return list(out.values())


def check_ordinals(store, records: list[dict]) -> list[dict]:
    """Compare "the third call this year" with the series on record: occurred events of the same
    type family and participants, earlier in the same year (stored events and this batch). More
    earlier events than the ordinal allows is an inconsistency; fewer means the store does not
    hold the whole series. Stored events of the same series that carry an ordinal are re-checked
    too; returns those whose flags changed (to be saved again)."""
    batch = {r["id"]: r for r in records}
    keys = sorted({(family_of(r["type"]), r["date"][:4]) for r in records if r.get("date") and len(r["date"]) >= 4})
    changed: list[dict] = []
    by_year: dict[str, tuple[list, list[dict]]] = {}    # one read per year, shared by the families
    for fam, year in keys:
        span = (f"{year}-00-00", f"{year}-99-99")
        if year not in by_year:
            by_year[year] = (
                store.conn.execute("SELECT event_id, type, status, date FROM events"
                                   " WHERE date_sort >= ? AND date_sort <= ?", span).fetchall(),
                [_json.loads(r[0]) for r in store.conn.execute(
                    "SELECT data_json FROM events WHERE date_sort >= ? AND date_sort <= ?"
                    " AND ordinal IS NOT NULL", span)])     # events.ordinal (schema v3)
        year_rows, year_stored = by_year[year]
        rows = [r for r in year_rows if family_of(r[1]) == fam and r[0] not in batch]
        pool = _light_events(store, rows) + [v for v in batch.values() if family_of(v.get("type")) == fam
                                             and (v.get("date") or "")[:4] == year]
        stored = [r for r in year_stored if family_of(r.get("type")) == fam and r["id"] not in batch]
        light_ids = {r["id"]: i for i, r in enumerate(pool)}
        keys = {id(o): _series_key(o) for o in pool}
        series: dict[tuple, list[dict]] = defaultdict(list)     # series key → its occurred, day-dated events
        for o in pool:
            if o.get("status") == "occurred" and o.get("date") and len(o["date"]) == 10:
                series[keys[id(o)]].append(o)
        for rec in [v for v in pool if v["id"] in batch] + stored:
            if not rec.get("ordinal") and not any(str(f.get("flag", "")).startswith("ordinal")
                                                  for f in rec.get("flags") or []):
                continue
            before = [f for f in rec.get("flags") or [] if str(f.get("flag", "")).startswith("ordinal")]
            flags = [f for f in rec.get("flags") or [] if not str(f.get("flag", "")).startswith("ordinal")]
            me = pool[light_ids[rec["id"]]] if rec["id"] in light_ids else rec
            new = _ordinal_flag(rec, [o for o in series.get(_series_key(rec), ()) if o is not me], year, keys)
            if new:
                flags.append(new)
            rec["flags"] = flags
            if rec["id"] not in batch and before != ([new] if new else []):
                changed.append(rec)
    return changed


def _weak_year(m: dict) -> bool:
    """The member's year was guessed: not stated, no publication date, a weak inferred anchor."""
    return (not m.get("year_explicit", True) and not m.get("pub_date")
            and m.get("_anchor_conf", 0.0) < ANCHOR_MIN_CONF)


def _series_key(rec: dict) -> tuple:
    """Events of one series: same type family and the same people (the same countries when the
    records name no person) — Rubio–Lavrov calls are not in the Trump–Putin series."""
    cs = set(rec.get("countries") or [])
    persons = frozenset(p for p in rec.get("participants") or [] if p not in cs)
    return family_of(rec.get("type")), persons or frozenset(cs)


def _series_count(pool: Iterable[dict], rec: dict, year: int, mmdd: str, keys: dict | None = None) -> int:
    """Occurred events of rec's series dated earlier in ``year``; ``keys``: id(event) → series key."""
    key, y = _series_key(rec), f"{year:04d}"
    keyf = (lambda o: keys.get(id(o)) or _series_key(o)) if keys is not None else _series_key  # noqa: E731
    return sum(1 for o in pool if o is not rec and o.get("status") == "occurred" and o.get("date")
               and len(o["date"]) == 10 and o["date"][:4] == y and o["date"][5:] < mmdd
               and keyf(o) == key)


def repair_years_by_series(store, pairs: list[tuple[dict, "Node"]], replaced: set[str] = frozenset()
                           ) -> dict[str, int]:
    """A year the language layer could only guess (no year in the text, no publication date, a
    weak anchor) is corrected when the event's own ordinal ("the third call this year") fits the
    series on record in exactly one year and not in the guessed one. The other guessed-year
    events of the same documents move by the same number of years (one anchor, one guess).
    ``replaced``: ids of stored events this run replaces (their new versions are in ``pairs``)."""
    shifts: dict[str, int] = {}
    records = [r for r, _ in pairs]
    for rec, node in pairs:
        date = rec.get("date")
        if not rec.get("ordinal") or not date or len(date) != 10 or not all(_weak_year(m) for m in node.members):
            continue
        fam = family_of(rec["type"])
        cs = set(rec.get("countries") or [])
        rows = [r for r in store.conn.execute(
            "SELECT e.event_id, e.type, e.status, e.date FROM events e JOIN event_keys k ON k.event_id = e.event_id"
            " WHERE k.family = ? AND k.country = ? AND e.status = 'occurred' AND e.date_sort IS NOT NULL",
            (fam, sorted(cs)[0])) if r[0] not in replaced]
        pool = _light_events(store, rows) + records
        years = sorted({int(o["date"][:4]) for o in pool if o is not rec and o.get("date")
                        and _series_key(o) == _series_key(rec)})
        want = int(rec["ordinal"]) - 1
        old_year, mmdd = int(date[:4]), date[5:]
        if _series_count(pool, rec, old_year, mmdd) == want:
            continue
        fits = [y for y in years if y != old_year and _series_count(pool, rec, y, mmdd) == want]
        if len(fits) != 1:
            continue
        rec["date"] = f"{fits[0]:04d}-{mmdd}"
        rec["provenance"]["year_from_series"] = {"guessed": old_year, "ordinal": rec["ordinal"],
                                                 "earlier_on_record": want}
        for m in node.members:
            shifts[m["doc"]] = fits[0] - old_year
    if not shifts:
        return shifts
    for rec, node in pairs:
        if "year_from_series" in rec["provenance"] or not rec.get("date") or len(rec["date"]) < 4:
            continue
        deltas = {shifts.get(m["doc"]) for m in node.members}
        if len(deltas) == 1 and None not in deltas and all(_weak_year(m) for m in node.members):
            delta = deltas.pop()
            rec["date"] = f"{int(rec['date'][:4]) + delta:04d}{rec['date'][4:]}"
            rec["provenance"]["year_from_series"] = {"shifted_by": delta, "same_document_as": sorted(
                {m["doc"] for m in node.members})}
    return shifts


def _ordinal_flag(rec: dict, pool, year: str, keys: dict | None = None) -> dict | None:
    if not rec.get("ordinal") or not rec.get("date") or len(rec["date"]) < 10:
        return None
    earlier = _series_count(pool, rec, int(rec["date"][:4]), rec["date"][5:], keys)
    expected = int(rec["ordinal"]) - 1
    if earlier > expected:
        return {"flag": "ordinal_inconsistent", "ordinal": rec["ordinal"], "earlier_on_record": earlier,
                "message": f"reported as no. {rec['ordinal']} of {year}, but {earlier} earlier events of this "
                           f"series are on record"}
    if earlier < expected:
        return {"flag": "ordinal_series_incomplete", "ordinal": rec["ordinal"], "earlier_on_record": earlier,
                "message": f"reported as no. {rec['ordinal']} of {year}; only {earlier} earlier events of this "
                           f"series are on record"}
    return None
