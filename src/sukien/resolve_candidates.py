"""Blocking against the store: which stored canonical events the new records of a run meet
(``event_keys``, see docs/RESOLUTION.md §2 and "Cost per run"), and the anchors of members
without a publication date. Used by ``resolve.resolve``.

``StoreBlocks`` answers the dated-window questions of a whole run from few queries: the windows
the run's records ask for are merged per (family, country) block and each merged range is read
once, in the order of the ``ix_evkeys_block`` index (date, then row id) — the order in which the
single-window query (``store_events.candidate_event_ids``) met its rows — so that every window,
answered by bisection with the same ``LIMIT``, gets exactly the rows that query returned.
"""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from datetime import date as _date

from . import store_events as se
from .resolve import (ANCHOR_MIN_CONF, DAY_WINDOW, PUB_WINDOW_BACK, UNDATED_CANDIDATES, _Countries,
                      _member_date)
from .store_events import family_of

WINDOW_LIMIT = 200        # rows per (family, country, window) question (the LIMIT of the single query)


class StoreBlocks:
    """Dated windows of (family, country) blocks, read once per run (see the module doc)."""

    def __init__(self, store):
        self.store = store
        self.wanted: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        self.ranges: dict[tuple[str, str], list[tuple[str, str, list[str], list[str]]]] = {}

    def want(self, fam: str, country: str, lo: str, hi: str) -> None:
        self.wanted[(fam, country)].add((lo, hi))

    def fetch(self) -> None:
        """Read the merged ranges of every block asked for."""
        for block, windows in self.wanted.items():
            merged: list[list[str]] = []
            for lo, hi in sorted(windows):
                if merged and lo <= merged[-1][1]:
                    if hi > merged[-1][1]:
                        merged[-1][1] = hi
                else:
                    merged.append([lo, hi])
            out = []
            for lo, hi in merged:
                rows = self.store.conn.execute(
                    "SELECT date_sort, event_id FROM event_keys WHERE family = ? AND country = ?"
                    " AND date_sort BETWEEN ? AND ? ORDER BY date_sort, rowid", (*block, lo, hi)).fetchall()
                out.append((lo, hi, [r[0] for r in rows], [r[1] for r in rows]))
            self.ranges[block] = out
        self.wanted.clear()

    def window(self, fam: str, country: str, lo: str, hi: str, limit: int = WINDOW_LIMIT) -> list[str]:
        """== ``se.candidate_event_ids(store, fam, [country], lo, hi, undated=False, limit=limit)``
        (as a set of ids)."""
        for rlo, rhi, keys, ids in self.ranges.get((fam, country), ()):
            if rlo <= lo and hi <= rhi:
                i = bisect.bisect_left(keys, lo)
                j = bisect.bisect_right(keys, hi)
                return ids[i:min(j, i + limit)]
        return se.candidate_event_ids(self.store, fam, [country], lo, hi, undated=False, limit=limit)


def _request(ev: dict, cof: _Countries) -> tuple[str, str, set[str], str | None, str | None] | None:
    """What a new record asks the store: (kind, family, countries, lo, hi); kind "window" (a
    date window, lo..hi), "day_month" (a year-less day) or "recent" (no date at all)."""
    fam = family_of(ev.get("type"))
    countries = {cof(p)[0] for p in ev.get("participants") or []}
    if not countries:
        return None
    dv = _member_date(ev)
    day = dv.ordinal() if dv else None
    if day is not None:
        lo, hi = _date.fromordinal(day - DAY_WINDOW), _date.fromordinal(day + DAY_WINDOW)
        return "window", fam, countries, lo.isoformat(), hi.isoformat()
    if dv is not None and dv.y and dv.m:
        return "window", fam, countries, f"{dv.y:04d}-{dv.m:02d}-00", f"{dv.y:04d}-{dv.m:02d}-99"
    if dv is not None and dv.m and dv.d:   # year unknown ("14-8"): the same day (±1) of any year
        return "day_month", fam, countries, None, None
    pub = cof.day(ev.get("pub_date"))
    if pub is not None:
        lo, hi = _date.fromordinal(pub - PUB_WINDOW_BACK), _date.fromordinal(pub + 1)
        return "window", fam, countries, lo.isoformat(), hi.isoformat()
    return "recent", fam, countries, None, None


def plan_candidates(blocks: StoreBlocks, members: list[dict], cof: _Countries) -> None:
    """Tell ``blocks`` the windows these records will ask for (then ``blocks.fetch()``)."""
    for ev in members:
        req = _request(ev, cof)
        if req is not None and req[0] == "window":
            for c in req[2]:
                blocks.want(req[1], c, req[3], req[4])


def candidates_for(store, ev: dict, cof: _Countries, memo: dict | None = None,
                   blocks: StoreBlocks | None = None) -> set[str]:
    """Stored events a new record blocks with. ``memo`` caches the lookups of one run (many
    reports of one story ask the same question); ``blocks`` answers the dated windows."""
    def lookup(fam, countries, lo, hi, undated=True, limit=WINDOW_LIMIT):
        if memo is None:
            return se.candidate_event_ids(store, fam, countries, lo, hi, undated=undated, limit=limit)
        # the answer is the union over countries of the dated and the undated part: memoize the parts
        out: set[str] = set()
        for c in countries:
            k = (fam, c, lo, hi, limit)
            hit = memo.get(k)
            if hit is None:
                if blocks is not None and lo and hi:
                    hit = memo[k] = blocks.window(fam, c, lo, hi, limit)
                else:
                    hit = memo[k] = se.candidate_event_ids(store, fam, [c], lo, hi, undated=False, limit=limit)
            out.update(hit)
            if undated:
                k = (fam, c, "undated", limit)
                hit = memo.get(k)
                if hit is None:
                    hit = memo[k] = se.undated_event_ids(store, fam, c, limit)
                out.update(hit)
        return out
    req = _request(ev, cof)
    if req is None:
        return set()
    kind, fam, countries, lo, hi = req
    if kind == "window":
        return set(lookup(fam, countries, lo, hi, undated=True))
    if kind == "day_month":
        dv = _member_date(ev)
        out = _day_month_candidates(store, fam, countries, dv.m, dv.d)
        for c in sorted(countries):
            out.update(se.undated_event_ids(store, fam, c, UNDATED_CANDIDATES))
        return out
    # neither a date nor a publication date: the most recent events of the block
    return set(lookup(fam, countries, None, None, undated=True, limit=UNDATED_CANDIDATES))


def _rows_in(store, sql: str, values: list) -> list:
    out = []
    for i in range(0, len(values), 500):
        chunk = values[i:i + 500]
        out += store.conn.execute(sql.format(q=",".join("?" * len(chunk))), chunk).fetchall()
    return out


def _attach_anchors(store, members: list[dict]) -> None:
    """Members without a publication date get the document's inferred anchor date (``_anchor``,
    used to order reports, never stored) when the language layer is confident enough in it."""
    need = sorted({m["doc"] for m in members if not m.get("pub_date")})
    anchors: dict[str, tuple[str | None, float]] = {}
    for r in _rows_in(store, "SELECT doc_id, anchor_date, anchor_source, anchor_conf FROM documents"
                             " WHERE doc_id IN ({q})", need):
        ok = r[1] and (r[2] or "none") != "none"
        anchors[r[0]] = (r[1] if ok else None, float(r[3] or 0.0) if ok else 0.0)
    for m in members:
        if m.get("pub_date") or m["doc"] not in anchors:
            continue
        date, conf = anchors[m["doc"]]
        m["_anchor_conf"] = conf
        if date and conf >= ANCHOR_MIN_CONF:
            m["_anchor"] = date


def _day_month_candidates(store, fam: str, countries: set[str], month: int, day: int,
                          limit: int = 200) -> set[str]:
    """Stored dated events of a (family, country) block whose day is month/day (±1 day, for
    time zones) in any year: the blocking of a year-less report ("14-8"), which has no window.
    A cast of two or more countries keeps the events found under at least two of them (the
    country-pair block of the veto)."""
    mds = set()
    for y in (2023, 2024):          # a leap and a common year: 29/2 and its neighbours both ways
        try:
            o = _date(y, month, day).toordinal()
        except ValueError:
            continue
        mds |= {_date.fromordinal(o + k).strftime("%m-%d") for k in (-1, 0, 1)}
    if not mds:
        return set()
    seen: Counter = Counter()
    q = ",".join("?" * len(mds))
    for c in sorted(countries):
        rows = store.conn.execute(
            f"SELECT event_id FROM event_keys WHERE family = ? AND country = ? AND date_sort IS NOT NULL"
            f" AND substr(date_sort, 6, 5) IN ({q}) ORDER BY date_sort DESC LIMIT ?",
            (fam, c, *sorted(mds), limit))
        seen.update({r[0] for r in rows})
    need = 2 if len(countries) >= 2 else 1
    return {e for e, k in seen.items() if k >= need}
