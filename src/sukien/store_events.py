"""Persistence and queries for the language tables (sentences, mentions), document-level
events (doc_events) and canonical events (events, event_actors, evidence, event_keys,
event_aliases).

Canonical event records are the EXPORT.md record plus ``summary``, ``plover``, ``evidence``,
``doc_events``, ``n_sources``, ``flags`` and ``provenance``; they are stored whole in
``events.data_json`` and the indexed columns are copies for filtering and ordering.
"""
from __future__ import annotations

import json
from typing import Any, Iterable

from . import store_analysis as sa
from .models import Analysis
from .store import Store, now_iso
from .textnorm import fold

FAMILIES = {
    "phone_call": "phone_call",
    "meeting": "meeting", "negotiation": "meeting", "visit": "meeting",
    "agreement": "agreement", "ceasefire": "agreement",
    "prisoner_exchange": "prisoner_exchange",
    "statement": "statement", "proposal": "statement",
}


def family_of(event_type: str | None) -> str:
    """Type family used for blocking (the same groups as ../shared/eval/score.py)."""
    return FAMILIES.get(event_type or "", "other")


def date_sort_key(date: str | None) -> str | None:
    """Sortable form of a (partial) ISO date: partial dates sort first in their period."""
    if not date:
        return None
    parts = date.split("-")
    while len(parts) < 3:
        parts.append("00")
    return "-".join(parts[:3])


def _dumps(obj: Any) -> str:
    return sa.encode(obj)          # == json.dumps(obj, ensure_ascii=False, default=sa._default)


_default = sa._default     # the JSON fallback for dataclasses and sets (one definition, store_analysis)


# ---------------------------------------------------------------- language layer

def save_analysis(store: Store, doc_id: str, analysis: Analysis) -> None:
    """Replace the document's sentences and actor/time/quantity mentions (one compact row, see
    ``store_analysis``); record its anchor."""
    anchor = analysis.anchor
    row = sa.analysis_json(analysis)
    with store.transaction() as c:
        sa.write_analysis(c, doc_id, row, None if anchor is None else (anchor.date, anchor.source, anchor.confidence))


# ---------------------------------------------------------------- document-level events

def save_doc_events(store: Store, doc_id: str, doc_events: list[dict]) -> None:
    """Replace the document's document-level events (idempotent)."""
    rows = sa.doc_event_rows(doc_id, doc_events)
    with store.transaction() as c:
        sa.write_doc_events(c, doc_id, rows)


def load_doc_events(store: Store, doc_ids: Iterable[str] | None = None, *,
                    exclude: set[str] | frozenset[str] = frozenset()) -> list[dict]:
    """Document-level events (their stored dicts, with ``event_id`` added), in id order.
    ``exclude``: doc_event_ids the caller already holds (their JSON is not decoded again)."""
    if doc_ids is None:
        rows = store.conn.execute("SELECT doc_event_id, event_id, data_json FROM doc_events"
                                  " ORDER BY doc_id, doc_event_id")
        return [_docev(r) for r in rows if r[0] not in exclude]
    out: list[dict] = []
    for chunk in _chunks(sorted(set(doc_ids))):
        q = ",".join("?" * len(chunk))
        out += [_docev(r) for r in store.conn.execute(
            f"SELECT doc_event_id, event_id, data_json FROM doc_events WHERE doc_id IN ({q})"
            " ORDER BY doc_id, doc_event_id", chunk) if r[0] not in exclude]
    return out


def doc_events_of_events(store: Store, event_ids: Iterable[str]) -> list[dict]:
    out: list[dict] = []
    for chunk in _chunks(sorted(set(event_ids))):
        q = ",".join("?" * len(chunk))
        out += [_docev(r) for r in store.conn.execute(
            f"SELECT event_id, data_json FROM doc_events WHERE event_id IN ({q}) ORDER BY doc_id, doc_event_id",
            chunk)]
    return out


HEAVY_FIELDS = ("mentions", "evidence")


def doc_events_of_events_light(store: Store, event_ids: Iterable[str]) -> list[dict]:
    """``doc_events_of_events`` without the heavy fields (``HEAVY_FIELDS``: mentions and
    evidence, only needed to merge a cluster again; ``complete_doc_events`` adds them)."""
    out: list[dict] = []
    for chunk in _chunks(sorted(set(event_ids))):
        q = ",".join("?" * len(chunk))
        out += [_docev(r) for r in store.conn.execute(
            f"SELECT event_id, json_remove(data_json, '$.mentions', '$.evidence') AS data_json FROM doc_events"
            f" WHERE event_id IN ({q}) ORDER BY doc_id, doc_event_id", chunk)]
    return out


def complete_doc_events(store: Store, members: list[dict]) -> None:
    """Add the heavy fields to records loaded by ``doc_events_of_events_light`` (in place; a
    field the stored record lacks reads as None, as ``.get`` read it)."""
    by_id = {m["doc_event_id"]: m for m in members}
    for chunk in _chunks(sorted(by_id)):
        q = ",".join("?" * len(chunk))
        for de, heavy in store.conn.execute(
                f"SELECT doc_event_id, json_extract(data_json, '$.mentions', '$.evidence') FROM doc_events"
                f" WHERE doc_event_id IN ({q})", chunk):
            by_id[de].update(zip(HEAVY_FIELDS, json.loads(heavy)))


def load_doc_event_facts(store: Store, doc_ids: Iterable[str], fields: tuple[str, ...], *,
                         exclude: set[str] | frozenset[str] = frozenset()) -> list[dict]:
    """``load_doc_events`` reduced to ``doc_event_id``, ``doc`` and ``fields`` (a missing field
    is None): the facts the story context reads, extracted by SQLite."""
    paths = ", ".join(f"'$.{f}'" for f in ("doc", *fields))
    out: list[dict] = []
    for chunk in _chunks(sorted(set(doc_ids))):
        q = ",".join("?" * len(chunk))
        for de, vals in store.conn.execute(
                f"SELECT doc_event_id, json_extract(data_json, {paths}) FROM doc_events WHERE doc_id IN ({q})"
                " ORDER BY doc_id, doc_event_id", chunk):
            if de not in exclude:
                d = dict(zip(("doc", *fields), json.loads(vals)))
                d["doc_event_id"] = de
                out.append(d)
    return out


def _docev(row) -> dict:
    d = json.loads(row["data_json"])
    d["event_id"] = row["event_id"]
    return d


def assign_doc_events(store: Store, mapping: dict[str, str]) -> None:
    """Record which canonical event each document-level event was resolved into."""
    with store.transaction() as c:
        c.executemany("UPDATE doc_events SET event_id = ? WHERE doc_event_id = ?",
                      [(eid, de) for de, eid in mapping.items()])


def _chunks(items: list, n: int = 500):
    for i in range(0, len(items), n):
        yield items[i:i + n]


# ---------------------------------------------------------------- canonical events

def save_events(store: Store, events: list[dict], *, delete: Iterable[str] = (),
                aliases: dict[str, str] | None = None) -> None:
    """Upsert canonical events with their actors, evidence rows and blocking keys.

    ``delete``: ids of events that no longer exist (removed first, in the same transaction);
    ``aliases``: old id → new id, so that an old id keeps resolving (see docs/RESOLUTION.md).
    """
    ts = now_iso()
    with store.transaction() as c:
        c.executemany("DELETE FROM events WHERE event_id = ?", [(old,) for old in delete])
        # one statement per table for the whole batch; an id given twice: the last record wins
        events = list({ev["id"]: ev for ev in events}.values())
        # a record equal to the stored one (an event merged again whose members and values did
        # not change) is not written again: its row, actors, keys and evidence stay as they are
        dumped = {ev["id"]: _dumps(ev) for ev in events}
        for chunk in _chunks(sorted(dumped)):
            q = ",".join("?" * len(chunk))
            for eid, data in c.execute(f"SELECT event_id, data_json FROM events WHERE event_id IN ({q})", chunk):
                if dumped.get(eid) == data:
                    del dumped[eid]
        events = [ev for ev in events if ev["id"] in dumped]
        ids = [(ev["id"],) for ev in events]
        # an upsert, not INSERT OR REPLACE: a replaced row would cascade to its evidence rows,
        # which are rewritten below only where they changed
        c.executemany(
            "INSERT INTO events (event_id, type, status, date, date_sort, summary, n_sources, n_conflicts,"
            " data_json, updated_at, ordinal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(event_id) DO UPDATE SET type = excluded.type, status = excluded.status,"
            " date = excluded.date, date_sort = excluded.date_sort, summary = excluded.summary,"
            " n_sources = excluded.n_sources, n_conflicts = excluded.n_conflicts, data_json = excluded.data_json,"
            " updated_at = excluded.updated_at, ordinal = excluded.ordinal",
            [(ev["id"], ev.get("type") or "other", ev.get("status") or "occurred", ev.get("date"),
              date_sort_key(ev.get("date")), ev.get("summary"), int(ev.get("n_sources") or 0),
              len(ev.get("conflicts") or []), dumped[ev["id"]], ts, _ordinal_col(ev.get("ordinal")))
             for ev in events])
        c.executemany("DELETE FROM event_actors WHERE event_id = ?", ids)
        c.executemany("DELETE FROM event_keys WHERE event_id = ?", ids)
        actor_rows: list[tuple] = []
        ev_rows: list[tuple] = []
        key_rows: list[tuple] = []
        for ev in events:
            eid = ev["id"]
            actors = {(p, "participant") for p in ev.get("participants") or []}
            if ev.get("initiator"):
                actors.add((ev["initiator"], "initiator"))
            actor_rows += [(eid, a, r) for a, r in sorted(actors)]
            for m in ev.get("mentions") or []:
                ev_rows.append((eid, "mention", None, m["doc"], m["start"], m["end"], m.get("sentence") or "",
                                m.get("source")))
            for fld, items in sorted((ev.get("evidence") or {}).items()):
                for it in items:
                    if it.get("doc") is None or it.get("start") is None:
                        continue
                    val = it.get("value")
                    ev_rows.append((eid, fld, None if val is None else (val if isinstance(val, str) else _dumps(val)),
                                    it["doc"], it["start"], it.get("end", it["start"]), it.get("sentence") or "",
                                    it.get("source")))
            fam = family_of(ev.get("type"))
            key_rows += [(eid, fam, k, date_sort_key(ev.get("date"))) for k in ev.get("countries") or []]
        _write_evidence(c, [i for (i,) in ids], ev_rows)
        c.executemany("INSERT OR IGNORE INTO event_actors (event_id, actor, role) VALUES (?, ?, ?)", actor_rows)
        c.executemany("INSERT OR IGNORE INTO event_keys (event_id, family, country, date_sort) VALUES (?, ?, ?, ?)",
                      key_rows)
        now = ts
        for old, new in (aliases or {}).items():
            if old == new:
                continue
            c.execute("INSERT OR REPLACE INTO event_aliases (alias, event_id, at) VALUES (?, ?, ?)", (old, new, now))
            # chains: anything that pointed at ``old`` now points at ``new``
            c.execute("UPDATE event_aliases SET event_id = ? WHERE event_id = ?", (new, old))
        # an id that exists again is no longer an alias
        c.executemany("DELETE FROM event_aliases WHERE alias = ?", ids)


def _write_evidence(c, event_ids: list[str], rows: list[tuple]) -> None:
    """Make the evidence rows of ``event_ids`` exactly ``rows``, writing only the difference:
    a re-merged event keeps most of its rows (its older members), so only the rows that are
    gone are deleted and only the new ones inserted. (Rows are compared as whole tuples; the
    table has no order of its own: readers sort.)"""
    old: dict[tuple, list[int]] = {}
    for chunk in _chunks(sorted(set(event_ids))):
        q = ",".join("?" * len(chunk))
        for r in c.execute(f"SELECT rowid, event_id, field, value, doc_id, start, end, sentence, source"
                           f" FROM evidence WHERE event_id IN ({q})", chunk):
            old.setdefault(tuple(r[1:]), []).append(r[0])
    if not old:
        fresh = rows
    else:
        fresh = []
        for row in rows:
            ids = old.get(row)
            if ids:
                ids.pop()               # kept as it is
            else:
                fresh.append(row)
        c.executemany("DELETE FROM evidence WHERE rowid = ?", [(i,) for ids in old.values() for i in ids])
    c.executemany("INSERT INTO evidence (event_id, field, value, doc_id, start, end, sentence, source)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", fresh)


def _ordinal_col(v: Any) -> Any:
    """events.ordinal (schema v3): the record's ordinal as json_extract reads it (NULL = none)."""
    if v is None or isinstance(v, (int, float, str)):
        return v
    return _dumps(v)            # (never the case: a merged ordinal is an int) any other JSON value is "not null"


def event_ids_for_documents(store: Store, doc_ids: Iterable[str]) -> set[str]:
    """Canonical events that have a mention in any of these documents."""
    out: set[str] = set()
    for chunk in _chunks(sorted(set(doc_ids))):
        q = ",".join("?" * len(chunk))
        out |= {r[0] for r in store.conn.execute(
            f"SELECT DISTINCT event_id FROM evidence WHERE field = 'mention' AND doc_id IN ({q})", chunk)}
        out |= {r[0] for r in store.conn.execute(
            f"SELECT DISTINCT event_id FROM doc_events WHERE doc_id IN ({q}) AND event_id IS NOT NULL", chunk)}
    return out


def candidate_event_ids(store: Store, family: str, countries: Iterable[str], date_lo: str | None,
                        date_hi: str | None, *, undated: bool = True, limit: int = 200) -> list[str]:
    """Blocking: events of a type family that share a participant country and whose date lies
    in [date_lo, date_hi] (or that are undated, when ``undated``). Without a window: the most
    recent ``limit`` events of the block."""
    out: list[str] = []
    for country in sorted(set(countries)):
        if date_lo and date_hi:
            rows = store.conn.execute(
                "SELECT event_id FROM event_keys WHERE family = ? AND country = ? AND date_sort BETWEEN ? AND ?"
                " LIMIT ?", (family, country, date_lo, date_hi, limit))
            out += [r[0] for r in rows]
        else:
            rows = store.conn.execute(
                "SELECT event_id FROM event_keys WHERE family = ? AND country = ? AND date_sort IS NOT NULL"
                " ORDER BY date_sort DESC LIMIT ?", (family, country, limit))
            out += [r[0] for r in rows]
        if undated:
            out += undated_event_ids(store, family, country, limit)
    return sorted(set(out))


def undated_event_ids(store: Store, family: str, country: str, limit: int = 200) -> list[str]:
    """Undated events of one (family, country) block (at most ``limit``)."""
    rows = store.conn.execute(
        "SELECT event_id FROM event_keys WHERE family = ? AND country = ? AND date_sort IS NULL LIMIT ?",
        (family, country, limit))
    return [r[0] for r in rows]


def load_events(store: Store, event_ids: Iterable[str]) -> list[dict]:
    out: list[dict] = []
    for chunk in _chunks(sorted(set(event_ids))):
        q = ",".join("?" * len(chunk))
        out += [json.loads(r[0]) for r in store.conn.execute(
            f"SELECT data_json FROM events WHERE event_id IN ({q}) ORDER BY event_id", chunk)]
    return out


HEAD_FIELDS = ("id", "type", "date", "date_confidence", "ordinal", "doc_events")


def load_event_heads(store: Store, event_ids: Iterable[str]) -> list[dict]:
    """The few fields of stored canonical events that resolution reads from the events it does
    not rewrite (``HEAD_FIELDS``; a missing field is None), in id order like ``load_events``;
    SQLite extracts them without the evidence and mentions being decoded here."""
    paths = ", ".join(f"'$.{f}'" for f in HEAD_FIELDS)
    out: list[dict] = []
    for chunk in _chunks(sorted(set(event_ids))):
        q = ",".join("?" * len(chunk))
        out += [dict(zip(HEAD_FIELDS, json.loads(r[0]))) for r in store.conn.execute(
            f"SELECT json_extract(data_json, {paths}) FROM events WHERE event_id IN ({q}) ORDER BY event_id", chunk)]
    return out


def resolve_alias(store: Store, event_id: str) -> str:
    row = store.conn.execute("SELECT event_id FROM event_aliases WHERE alias = ?", (event_id,)).fetchone()
    return row[0] if row else event_id


# ---------------------------------------------------------------- queries (CLI, Python API, HTTP API, web)
#
# ONE implementation of the event filters, used by ``sukien timeline``, ``sukien.api.Sukien``,
# ``/api/events`` and the web pages (``sukien.web.views.Repo``).
#
# Actor rule (``actor=KEY``), see docs/API.md:
#   KEY names an actor when it is (1) its canonical name as stored in the events, (2) that name
#   compared case- and accent-insensitively, with ``_`` / ``-`` read as spaces (so "vladimir putin",
#   "Vladimír Putin" and the name-derived dictionary id "vladimir_putin" all name "Vladimir Putin"),
#   or (3) an id of the actor dictionary (the caller's ``actors``, else the packaged one).
#   The filter keeps the events that actor takes part in (participant or initiator). When KEY
#   (by the same rules) is also a country, it also keeps the events with a participant of that
#   country ("Russia" → events of Russia and of Putin, Lavrov, ...). No substring matching: an
#   unknown KEY matches nothing.
# Text rule (``q=TEXT``): accent-insensitive full-text match (every word) through the search
# index of ``sukien.search``; a caller that already ran the search passes ``event_ids`` instead.

def _name_key(s: str) -> str:
    return " ".join(fold(s).replace("_", " ").replace("-", " ").split())


def _aget(obj: Any, name: str) -> Any:
    if obj is None:
        return None
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def actor_names(store: Store) -> list[str]:
    """Canonical names of the actors that take part in events."""
    return [r[0] for r in store.conn.execute("SELECT DISTINCT actor FROM event_actors ORDER BY actor")]


def _alias_name(actors: Any, key: str) -> str | None:
    """The canonical name of ``key`` when the whole key is one alias of the actor dictionary
    ("Putin", "Nga", "Điện Kremlin", "Tập Cận Bình")."""
    if actors is None:
        return None
    for s, e, hits in actors.lookup(key):
        if s == 0 and e == len(key):
            for h in hits:
                if h.type == "actor":
                    return _aget(actors.get(h.ref), "name")
    return None


def resolve_actor(store: Store, key: str, *, actors: Any = None) -> str | None:
    """An actor's canonical name (as stored in events) for ``key`` by the actor rule above, or None.
    ``actors``: the actor dictionary (``Resources.actors``) for dictionary ids and aliases
    ("Putin" → "Vladimir Putin"); without it, only stored names match."""
    key = (key or "").strip()
    if not key:
        return None
    names = actor_names(store)
    if key in names:
        return key
    nk = _name_key(key)
    for n in names:
        if _name_key(n) == nk:
            return n
    if actors is not None:
        name = _aget(actors.get(key), "name")
        if name in names:
            return name
        name = _alias_name(actors, key)
        if name in names:
            return name
        for n in names:                         # dictionary ids that are not derived from the name
            a = actors.by_name(n)
            if a is not None and (_aget(a, "id") or _aget(a, "actor_id")) == key:
                return n
    return None


def _countries(store: Store, key: str, name: str | None, actors: Any = None) -> list[str]:
    """Country keys (event_keys.country) that ``key`` / its resolved ``name`` denote."""
    nk = {_name_key(key)} | ({_name_key(name)} if name else set())
    if name is None and actors is not None:     # an id or alias of a country that only appears in event_keys
        a = actors.get(key)
        if a is not None and _aget(a, "kind") == "country" and _aget(a, "name"):
            nk.add(_name_key(_aget(a, "name")))
        alias = _alias_name(actors, key)        # "Nga" → Russia
        if alias:
            nk.add(_name_key(alias))
    rows = store.conn.execute("SELECT DISTINCT country FROM event_keys").fetchall()
    return sorted(r[0] for r in rows if r[0] and _name_key(r[0]) in nk)


def _search_event_ids(store: Store, q: str) -> list[str]:
    """Events matching every word of ``q`` (accent-insensitive), through sukien.search."""
    from .search import SearchIndex
    idx = getattr(store, "_sukien_search_index", None)
    if idx is None:
        idx = SearchIndex.for_store(store)
        idx.refresh()
        try:
            store._sukien_search_index = idx            # reused by the next query on this store
        except AttributeError:
            pass
    else:
        idx.refresh_if_stale()
    return idx.event_ids(q)


def _where(store: Store, actor=None, type=None, status=None, date_from=None, date_to=None, q=None,
           event_ids=None, actors=None) -> tuple[str, list]:
    clauses, params = [], []
    if actor and str(actor).strip():
        name = resolve_actor(store, actor, actors=actors)
        countries = _countries(store, actor, name, actors)
        alts = []
        if name is not None:
            alts.append("e.event_id IN (SELECT event_id FROM event_actors WHERE actor = ?)")
            params.append(name)
        if countries:
            alts.append(f"e.event_id IN (SELECT event_id FROM event_keys WHERE country IN"
                        f" ({','.join('?' * len(countries))}))")
            params += countries
        clauses.append("(" + " OR ".join(alts) + ")" if alts else "0")
    if type:
        types = [t.strip() for t in str(type).split(",") if t.strip()]
        clauses.append(f"e.type IN ({','.join('?' * len(types))})")
        params += types
    if status:
        statuses = [s.strip() for s in str(status).split(",") if s.strip()]
        clauses.append(f"e.status IN ({','.join('?' * len(statuses))})")
        params += statuses
    if date_from:
        clauses.append("e.date_sort >= ?")
        params.append(date_sort_key(date_from))
    if date_to:
        to = date_to.split("-")
        to += ["99"] * (3 - len(to))
        clauses.append("e.date_sort <= ?")
        params.append("-".join(to))
    if event_ids is None and q and str(q).strip():
        event_ids = _search_event_ids(store, str(q))
    if event_ids is not None:
        clauses.append("e.event_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(event_ids)))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_event_rows(store: Store, *, actor: str | None = None, type: str | None = None, status: str | None = None,
                    date_from: str | None = None, date_to: str | None = None, q: str | None = None,
                    event_ids: Iterable[str] | None = None, actors: Any = None,
                    limit: int | None = 100, offset: int = 0) -> list:
    """The ``events`` rows (all columns) that pass the filters, ordered by date (undated last), then id.

    ``actor``/``q``: the rules at the top of this section; ``event_ids``: restrict to these ids
    (e.g. search results; replaces the ``q`` search); ``actors``: the actor dictionary."""
    where, params = _where(store, actor, type, status, date_from, date_to, q, event_ids, actors)
    sql = f"SELECT e.* FROM events e{where} ORDER BY e.date_sort IS NULL, e.date_sort, e.event_id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return store.conn.execute(sql, params).fetchall()


def list_events(store: Store, *, actor: str | None = None, type: str | None = None, status: str | None = None,
                date_from: str | None = None, date_to: str | None = None, q: str | None = None,
                limit: int | None = 100, offset: int = 0, event_ids: Iterable[str] | None = None,
                actors: Any = None) -> list[dict]:
    """Canonical events (full records) ordered by date (undated last), then id (filters: see above)."""
    return [json.loads(r["data_json"]) for r in list_event_rows(
        store, actor=actor, type=type, status=status, date_from=date_from, date_to=date_to, q=q,
        event_ids=event_ids, actors=actors, limit=limit, offset=offset)]


def count_events(store: Store, *, actor: str | None = None, type: str | None = None, status: str | None = None,
                 date_from: str | None = None, date_to: str | None = None, q: str | None = None,
                 event_ids: Iterable[str] | None = None, actors: Any = None) -> int:
    where, params = _where(store, actor, type, status, date_from, date_to, q, event_ids, actors)
    return store.conn.execute(f"SELECT COUNT(*) FROM events e{where}", params).fetchone()[0]


def get_event_row(store: Store, event_id: str):
    """The ``events`` row of ``event_id``; an old id resolves through the aliases. None if unknown."""
    row = store.conn.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
    if row is None:
        new = resolve_alias(store, event_id)
        if new == event_id:
            return None
        row = store.conn.execute("SELECT * FROM events WHERE event_id = ?", (new,)).fetchone()
    return row


def get_event(store: Store, event_id: str) -> dict | None:
    """The full record (evidence and doc events included); old ids resolve through aliases."""
    row = get_event_row(store, event_id)
    return None if row is None else json.loads(row["data_json"])


def event_rows_for_document(store: Store, doc_id: str) -> list:
    """``events`` rows of the events reported by a document (see event_ids_for_documents), by date."""
    ids = sorted(event_ids_for_documents(store, [doc_id]))
    return list_event_rows(store, event_ids=ids, limit=None)


def events_for_document(store: Store, doc_id: str) -> list[dict]:
    return [json.loads(r["data_json"]) for r in event_rows_for_document(store, doc_id)]


def events_for_actor(store: Store, actor: str, *, actors: Any = None) -> list[dict]:
    """Every event that passes the ``actor`` filter (the actor rule above), by date."""
    return list_events(store, actor=actor, actors=actors, limit=None)
