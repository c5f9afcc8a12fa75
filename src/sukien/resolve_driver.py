"""The incremental driver of cross-document resolution (docs/RESOLUTION.md §8): load the new
records and the stored events they block with, build the nodes, cluster, merge, assign ids and
aliases, check ordinals and write what changed. Called through ``resolve.resolve``."""
from __future__ import annotations

from collections import Counter, defaultdict

from . import store_events as se
from .resolve import CONTEXT_DOCS, FACT_FIELDS, Context, Node, _add_features, _Countries, _node_from_member
from .resolve_cluster import _pregroup, cluster
from .store_events import family_of


def run(store, res, doc_ids: list[str] | None = None, *, _again: bool = True) -> None:
    """Cluster the document-level events of ``doc_ids`` (all documents when None) into canonical
    events, joining the stored canonical events they block with. Writes events, event_actors,
    evidence, event_keys, aliases and doc_events.event_id."""
    from .resolve_merge import (assign_ids, check_ordinals, merge_cluster, propagate_parent_dates,
                                repair_years_by_series)
    from .resolve_candidates import StoreBlocks, _attach_anchors, _rows_in, candidates_for, plan_candidates
    from .summary import summarize

    cof = _Countries(res)
    if doc_ids is None:
        new_members = se.load_doc_events(store)
        old_ids = {r[0] for r in store.conn.execute("SELECT event_id FROM events")}
        old_events = se.load_event_heads(store, old_ids)
        super_members: dict[str, list[dict]] = {}
    else:
        doc_ids = sorted(set(doc_ids))
        new_members = se.load_doc_events(store, doc_ids)
        touched = se.event_ids_for_documents(store, doc_ids)
        cand: set[str] = set(touched)
        memo: dict[tuple, list[str]] = {}
        windows = StoreBlocks(store)         # the dated windows of the whole run, read once
        plan_candidates(windows, new_members, cof)
        windows.fetch()
        for ev in new_members:
            cand |= candidates_for(store, ev, cof, memo, windows)
        # events of the same series that carry an ordinal: their check (and a guessed year) may
        # depend on the new events
        blocks = sorted({(family_of(ev.get("type")), cof(p)[0]) for ev in new_members
                         for p in ev.get("participants") or []})
        for fam, country in blocks:
            cand |= {r[0] for r in store.conn.execute(
                "SELECT k.event_id FROM event_keys k JOIN events e ON e.event_id = k.event_id"
                " WHERE k.family = ? AND k.country = ? AND e.ordinal IS NOT NULL"
                " LIMIT 50", (fam, country))}
        # one hop more: undated outcomes (truces, agreements) reported by the same articles may
        # take the date of their main event once it is dated here (propagate_parent_dates)
        cand_docs = {r[0] for r in _rows_in(store, "SELECT DISTINCT doc_id FROM doc_events WHERE event_id IN ({q})",
                                             sorted(cand))}
        cand |= {r[0] for r in _rows_in(
            store, "SELECT DISTINCT event_id FROM doc_events WHERE doc_id IN ({q}) AND date IS NULL"
                   " AND type IN ('agreement', 'ceasefire') AND event_id IS NOT NULL", sorted(cand_docs))}
        old_events = se.load_event_heads(store, cand)
        old_ids = {e["id"] for e in old_events}
        new_ids = {m["doc_event_id"] for m in new_members}
        super_members = defaultdict(list)
        # members of stored events without their mentions and evidence: only the clusters that
        # are merged again need those (complete_doc_events below)
        run_docs = set(doc_ids)
        for m in se.doc_events_of_events_light(store, old_ids):
            if m["doc"] in run_docs or m["doc_event_id"] in new_ids:
                continue
            super_members[m["event_id"]].append(m)
        # members recorded in an event's record but whose doc_events row was replaced are dropped
    _attach_anchors(store, new_members + [m for ms in super_members.values() for m in ms])
    # nodes
    nodes: list[Node] = []
    key = 0
    for eid in sorted(super_members):
        ms = super_members[eid]
        if not ms:
            continue
        n = _node_from_member(key, ms[0], cof)
        for m in ms[1:]:
            n.members.append(m)
            n.docs.add(m["doc"])
            _add_features(n, m, cof)
        n.old_ids.add(eid)
        nodes.append(n)
        key += 1
    nodes += _pregroup(new_members, cof, key)
    # story context: every event of every document involved
    by_doc: dict[str, list[dict]] = defaultdict(list)
    involved = {m["doc_event_id"] for n in nodes for m in n.members}
    for n in nodes:
        for m in n.members:
            by_doc[m["doc"]].append(m)
    # (a super-node's context reads at most CONTEXT_DOCS of its documents: load only those)
    ctx_docs = set(doc_ids or []) | {d for n in nodes for d in sorted(n.docs)[:CONTEXT_DOCS]}
    extra = se.load_doc_event_facts(store, sorted(ctx_docs), FACT_FIELDS, exclude=involved) if ctx_docs else []
    for m in extra:
        by_doc[m["doc"]].append(m)
    clusters = cluster(nodes, Context(by_doc, cof))
    # canonical records: a stored event whose members did not change keeps its record (no
    # re-merge, no rewrite) unless it carries an ordinal (its year may be repaired by the series)
    # or is an undated outcome that may take the date of its main event
    old_by_id = {e["id"]: e for e in old_events}
    fresh_docs = {m["doc"] for m in new_members}
    pairs, kept = [], []
    keep: list[dict | None] = []
    for n in clusters:
        old = old_by_id.get(next(iter(n.old_ids))) if len(n.old_ids) == 1 else None
        if old is not None and not old.get("ordinal") and not any(m["doc"] in fresh_docs for m in n.members) \
                and not (not old.get("date") and (old.get("type") in ("agreement", "ceasefire") or any(
                    m.get(k) for m in n.members for k in ("parent", "during", "part_of")))) \
                and set(old.get("doc_events") or []) == {m["doc_event_id"] for m in n.members}:
            keep.append(old)
        else:
            keep.append(None)
    if super_members:       # the stored members of the clusters merged again get their mentions and evidence
        light = {id(m) for ms in super_members.values() for m in ms}
        se.complete_doc_events(store, [m for n, old in zip(clusters, keep) if old is None and n.old_ids
                                       for m in n.members if id(m) in light])
    for n, old in zip(clusters, keep):
        if old is not None:
            kept.append((old, n))
        else:
            pairs.append((merge_cluster(n, res, cof), n))
    records = [r for r, _ in pairs]
    kept_ids = {r["id"] for r, _ in kept}
    old_ids -= kept_ids
    old_events = [e for e in old_events if e["id"] not in kept_ids]
    lookup: dict = {}
    for rec, n in kept + pairs:
        for m in n.members:
            lookup[("member", m["doc_event_id"])] = m
            lookup[("record", m["doc_event_id"])] = rec
    shifts = repair_years_by_series(store, pairs, old_ids)
    propagate_parent_dates(records, lookup, cof)
    taken = {r[0] for r in store.conn.execute("SELECT event_id FROM events")} - old_ids
    assign_ids(pairs, taken)
    # aliases: each old id points to the new event holding most of its former members
    old_members: dict[str, set[str]] = {e["id"]: set(e.get("doc_events") or []) for e in old_events}
    aliases: dict[str, str] = {}
    new_by_id = {r["id"]: set(r["doc_events"]) for r in records}
    owner = {de: r["id"] for r in records for de in r["doc_events"]}
    for oid, mems in old_members.items():
        if oid in new_by_id:
            continue
        votes = Counter(owner[de] for de in mems if de in owner)
        if votes:
            aliases[oid] = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    for rec in records:
        rec["summary"] = summarize(rec, res)
    deleted = sorted(old_ids - set(new_by_id))
    with store.transaction():
        se.save_events(store, [], delete=deleted)
        refreshed = check_ordinals(store, records)
        se.save_events(store, records + refreshed, aliases=aliases)
        # doc_events.event_id: only the rows whose event changed (each member knows the id it was read with)
        was = {m["doc_event_id"]: m.get("event_id") for _, n in pairs for m in n.members}
        se.assign_doc_events(store, {de: r["id"] for r in records for de in r["doc_events"]
                                     if de not in was or was[de] != r["id"]})
    # a repaired year moves the document's other guessed-year events: resolve that document again
    # when some of its events were not part of this run
    in_run = {de for r in records for de in r["doc_events"]}
    pending = sorted(d for d in shifts if {m["doc_event_id"] for m in se.load_doc_events(store, [d])} - in_run)
    if pending and _again:
        run(store, res, pending, _again=False)
