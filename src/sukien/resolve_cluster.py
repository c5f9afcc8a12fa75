"""Cross-document resolution, the clustering step (docs/RESOLUTION.md §2 and §4): pregrouping
of identical reports, blocking into candidate pairs (type family, country, time windows) and the
greedy agglomeration by decreasing pair score with the vetoes re-checked on whole clusters. The
nodes, dates and pair scores are in ``resolve.py``."""
from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from itertools import islice

from .resolve import (BLOCK_CAP, CONTEXT_MAX, DAY_WINDOW, MERGE_THRESHOLD, OUTCOME_FAMILIES, PUB_PAIR_WINDOW,
                      PUB_WINDOW_BACK, WEAK_DATE_CONF, Context, Node, _Countries, _member_date, _node_from_member,
                      _node_sort_id, veto, veto_score)


def _pregroup(members: list[dict], cof: _Countries, start_key: int) -> list[Node]:
    """Document-level events with the same type family, cast and explicit day date are the same
    event (unless they come from one document): group them cheaply before pairwise scoring."""
    groups: dict[tuple, list[Node]] = {}
    loose: list[Node] = []
    key = start_key
    for ev in members:
        node = _node_from_member(key, ev, cof)
        key += 1
        dv = _member_date(ev)
        if dv is None or not dv.day_level or not dv.year_explicit or dv.conf < 0.6 or not node.countries:
            loose.append(node)
            continue
        persons = tuple(sorted(set().union(*node.persons.values()))) if node.persons else ()
        gk = (node.family, tuple(sorted(node.countries)), persons, dv.iso(), ev.get("location"),
              ev.get("ordinal"), tuple(sorted((ev.get("quantities") or {}).items())))
        for g in groups.setdefault(gk, []):
            if not (g.docs & node.docs):
                g.absorb(node)
                break
        else:
            groups[gk].append(node)
    out = [n for gs in groups.values() for n in gs] + loose
    return out


def _candidate_pairs(nodes: list[Node]) -> list[int]:
    """Blocking: pairs in one (family, country) block within a time window, each once, as
    ``i * len(nodes) + j`` with i < j (ints hash faster than tuples; the order is irrelevant:
    ``cluster`` orders its merges by score)."""
    # Two casts of two or more countries must share two countries (see veto): they meet in a
    # (family, country pair) block. A one-country cast meets everything of its country in a
    # (family, country, "*") block, where pairs of two multi-country casts are skipped.
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        cs = sorted(n.countries)
        for c in cs:
            blocks[(n.family, c, "*")].append(i)
        for x in range(len(cs)):
            for y in range(x + 1, len(cs)):
                blocks[(n.family, cs[x], cs[y])].append(i)
        if n.family in OUTCOME_FAMILIES:          # truces / exchanges also meet by a shared quantity
            for k, vs in n.quantities.items():
                for v in vs:
                    blocks[(n.family, f"q:{k}", v)].append(i)
    size = len(nodes)
    multi = [len(n.countries) >= 2 for n in nodes]
    tkeys = [n.tkey() for n in nodes]
    soft = [n.soft_day() if k is not None and k[0] == "pub" else None for n, k in zip(nodes, tkeys)]
    months = [n.month_span() if k is None or k[0] == "pub" else None for n, k in zip(nodes, tkeys)]
    seen: set[int] = set()
    out: list[int] = []
    add, push = seen.add, out.append
    for bkey, idxs in blocks.items():
        star = bkey[2] == "*"
        if star and all(multi[i] for i in idxs):
            continue
        if len(idxs) < 2:
            continue
        dated: list[tuple[int, int]] = []
        pubbed: list[tuple[int, int]] = []
        untimed: list[int] = []
        for i in idxs:
            k = tkeys[i]
            if k is None:
                untimed.append(i)
            elif k[0] == "date":
                dated.append((k[1], i))
            else:
                pubbed.append((k[1], i))
                if soft[i] is not None:
                    dated.append((soft[i], i))
        dated.sort()
        pubbed.sort()
        cand: list[tuple[int, int]] = []
        for seq, window in ((dated, DAY_WINDOW), (pubbed, PUB_PAIR_WINDOW)):   # sliding windows
            for x in range(len(seq)):
                tx, i = seq[x]
                for y in range(x + 1, len(seq)):
                    ty, j = seq[y]
                    if ty - tx > window:
                        break
                    cand.append((i, j))
        if dated and pubbed:      # a report published at tp may be about an event in [tp-45, tp+1]
            days = [t for t, _ in dated]
            for tp, j in pubbed:
                if soft[j] is not None:
                    continue      # placed at its own day above: the ±DAY_WINDOW pairs are the ones that can agree
                lo = bisect.bisect_left(days, tp - PUB_WINDOW_BACK)
                hi = bisect.bisect_right(days, tp + 1)
                cand += [(dated[k][1], j) for k in range(lo, hi)]
        if dated:                 # "hồi tháng 1" meets the days of January
            days = [t for t, _ in dated]
            for j in idxs:
                span = months[j]
                if span is not None:
                    lo = bisect.bisect_left(days, span[0])
                    hi = bisect.bisect_right(days, span[1])
                    cand += [(dated[k][1], j) for k in range(lo, hi)]
        for i, j in cand:
            if i == j or star and multi[i] and multi[j]:
                continue
            code = i * size + j if i < j else j * size + i
            if code not in seen:
                add(code)
                push(code)
        for i in untimed:
            multi_i = star and multi[i]
            partners = list(islice((j for j in idxs if j != i and not (multi_i and multi[j])), BLOCK_CAP))
            for j in partners:
                code = i * size + j if i < j else j * size + i
                if code not in seen:
                    add(code)
                    push(code)
    return out


def cluster(nodes: list[Node], context: Context | None = None, threshold: float = MERGE_THRESHOLD) -> list[Node]:
    """Greedy agglomeration by decreasing pair score; vetoes re-checked on whole clusters."""
    ctx_cache: dict[int, set[tuple]] = {}
    heap: list[tuple[float, str, str, int, int]] = []
    days = [_single_day(n) for n in nodes]
    size = len(nodes)
    for code in _candidate_pairs(nodes):
        i, j = divmod(code, size)
        da, db = days[i], days[j]
        if da is not None and db is not None and _days_conflict(da, db):
            continue                  # a date conflict (a veto), decided without scoring
        a, b = nodes[i], nodes[j]
        s = veto_score(a, b)          # == None if veto(a, b) else score(a, b)
        if s is None:
            continue
        if context is not None:
            if s + CONTEXT_MAX < threshold:      # not even the largest story bonus lifts it: skip the context
                continue
            s = s + context.bonus(a, b, ctx_cache)      # == score(a, b, ctx)
        if s >= threshold:
            ka, kb = _node_sort_id(a), _node_sort_id(b)
            heap.append((-round(s, 6), min(ka, kb), max(ka, kb), i, j))
    heapq.heapify(heap)
    parent = list(range(len(nodes)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    live = {i: nodes[i] for i in range(len(nodes))}
    while heap:
        _, _, _, i, j = heapq.heappop(heap)
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        a, b = live[ri], live[rj]
        if veto(a, b):
            continue
        keep, gone = (ri, rj) if _node_sort_id(a) <= _node_sort_id(b) else (rj, ri)
        live[keep].absorb(live[gone])
        parent[gone] = keep
        del live[gone]
    return [live[k] for k in sorted(live, key=lambda k: _node_sort_id(live[k]))]


def _single_day(n: Node) -> tuple[int, float, tuple[int, int]] | None:
    """(day number, confidence, (month, day)) when the node has exactly one date value and it is
    a valid day with a year; else None. Two such nodes of different (month, day) conflict in
    ``date_relation`` when the weaker is confident (≥ 0.35) and they are two or more days apart
    or both are sure (≥ 0.85)."""
    if len(n.dates) != 1:
        return None
    (dv,) = n.dates
    if dv.y is None or dv.m is None or dv.d is None or dv._ord is None:
        return None
    return dv._ord, dv.conf, (dv.m, dv.d)


def _days_conflict(da: tuple[int, float, tuple[int, int]], db: tuple[int, float, tuple[int, int]]) -> bool:
    """Two ``_single_day`` values that ``date_relation`` calls a conflict (the cheap check of the
    pair loop; False means "not decided here", never "compatible")."""
    if da[2] == db[2]:
        return False
    gap, conf = abs(da[0] - db[0]), min(da[1], db[1])
    return conf >= WEAK_DATE_CONF and (gap >= 2 or conf >= 0.85)
