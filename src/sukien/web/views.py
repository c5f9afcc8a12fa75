"""Read-side queries and view models for the web server (``sukien.server``).

``Repo`` reads the store: documents through ``Store``'s document methods; event lists, counts,
lookups (old ids included) and the actor / full-text filters through ``sukien.store_events``
(``list_event_rows``, ``count_events``, ``get_event_row``, ``event_rows_for_document``,
``resolve_actor``) — the one implementation the CLI and the Python API use too; here only the
web-specific reads remain (evidence rows, related events, actor aggregates, document pages).
The ``*_page`` / ``*_json`` functions turn records into plain dicts for the JSON API
and the Jinja2 templates. Highlighted text is always returned as a list of
``{"text", "cls"}`` pieces: the templates escape every piece, so article text can
never inject markup.
"""
from __future__ import annotations

import calendar
import json
from datetime import date as _date, timedelta
from typing import Any

from .. import store_analysis, store_events as se

MONTHS = {"vi": [f"T{i}" for i in range(1, 13)],
          "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]}
EVENT_FIELDS = ("type", "cameo", "status", "date", "date_confidence", "participants", "initiator",
                "duration_minutes", "location", "topics", "quantities", "ordinal")
CONTEXT_CHARS = 320


def _attr(obj: Any, name: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def _loads(s: str | None) -> dict:
    try:
        v = json.loads(s) if s else {}
    except ValueError:
        return {}
    return v if isinstance(v, dict) else {}


# ====================================================================== Repo

class Repo:
    def __init__(self, store, res=None):
        self.store, self.res = store, res
        self.conn = store.conn

    # ------------------------------------------------------------ actors dictionary
    def _actordb(self):
        return None if self.res is None else self.res.actors

    def _actor_info(self, name: str) -> dict[str, Any]:
        db = self._actordb()
        info: dict[str, Any] = {"id": name, "name": name, "kind": None, "country": None}
        if db is None:
            return info
        a = db.by_name(name)                  # None when the dictionary does not know the name
        if a is not None:
            info["id"] = _attr(a, "id") or _attr(a, "actor_id") or name
            info["kind"] = _attr(a, "kind") or _attr(a, "type")
        info["country"] = db.country_of(name)
        return info

    def actor_names(self) -> list[str]:
        return se.actor_names(self.store)

    def resolve_actor(self, key: str) -> str | None:
        """An actor id, canonical name or accent-less name → the canonical name used in events
        (the one actor rule of ``sukien.store_events``)."""
        return se.resolve_actor(self.store, key, actors=self._actordb())

    def actors(self) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT a.actor, count(DISTINCT a.event_id) AS n, min(e.date_sort) AS first, max(e.date_sort) AS last"
            " FROM event_actors a JOIN events e ON e.event_id = a.event_id"
            " GROUP BY a.actor ORDER BY n DESC, a.actor").fetchall()
        out = []
        for r in rows:
            info = self._actor_info(r["actor"])
            out.append({**info, "n_events": r["n"], "first": _date_of_sort(r["first"]),
                        "last": _date_of_sort(r["last"])})
        return out

    def actor(self, key: str) -> dict[str, Any] | None:
        name = self.resolve_actor(key)
        if name is None:
            return None
        rows = se.list_event_rows(self.store, actor=name, actors=self._actordb(), limit=None)
        return {**self._actor_info(name), "events": [_event_row(r) for r in rows], "n_events": len(rows)}

    # ------------------------------------------------------------ events
    def list_events(self, f, *, limit: int, offset: int, ids: list[str] | None = None):
        """(total, rows) of the events passing the web filters ``f`` (``sukien.server.Filters``);
        ``ids``: the full-text matches of ``f.q`` (``SearchIndex.event_ids``), when already known."""
        filters = dict(actor=f.actor, type=f.type, status=f.status, date_from=f.lo, date_to=f.hi,
                       q=f.q, event_ids=ids, actors=self._actordb())
        total = se.count_events(self.store, **filters)
        rows = se.list_event_rows(self.store, **filters, limit=limit, offset=offset)
        return total, [_event_row(r) for r in rows]

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        r = se.get_event_row(self.store, event_id)          # an old id resolves (re-clustered events)
        if r is None:
            return None
        event_id = r["event_id"]
        ev = _event_row(r)
        ev["evidence_rows"] = [dict(x) for x in self.conn.execute(
            "SELECT field, value, doc_id, start, end, sentence, source FROM evidence WHERE event_id = ?"
            " ORDER BY field, doc_id, start", (event_id,))]
        ev["actors"] = [dict(x) for x in self.conn.execute(
            "SELECT actor, role FROM event_actors WHERE event_id = ? ORDER BY role, actor", (event_id,))]
        return ev

    def related_events(self, ev: dict[str, Any], days: int = 30) -> list[dict[str, Any]]:
        names = [a["actor"] for a in ev.get("actors", [])] or list(ev["data"].get("participants") or [])
        d = _parse_date(ev.get("date"))
        if not names or d is None:
            return []
        lo, hi = d[0] - timedelta(days=days), d[1] + timedelta(days=days)
        marks = ",".join("?" * len(names))
        rows = self.conn.execute(
            f"SELECT e.* FROM events e WHERE e.event_id != ? AND e.date_sort IS NOT NULL"
            f" AND e.date_sort >= ? AND e.date_sort <= ?"
            f" AND e.event_id IN (SELECT event_id FROM event_actors WHERE actor IN ({marks}))"
            f" ORDER BY e.date_sort, e.event_id LIMIT 50",
            [ev["id"], lo.isoformat(), hi.isoformat(), *names]).fetchall()
        return [_event_row(x) for x in rows]

    # ------------------------------------------------------------ documents
    def list_documents(self, *, limit: int, offset: int):
        total = self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        items = self.store.list_documents(limit=limit, offset=offset)
        if items:
            ids = [d["doc_id"] for d in items]
            marks = ",".join("?" * len(ids))
            counts = dict(self.conn.execute(
                f"SELECT doc_id, count(DISTINCT event_id) FROM doc_events WHERE doc_id IN ({marks})"
                f" AND event_id IS NOT NULL GROUP BY doc_id", ids).fetchall())
            for d in items:
                d["n_events"] = counts.get(d["doc_id"], 0)
        return total, items

    def doc_text(self, doc_id: str) -> str | None:
        r = self.conn.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return r[0] if r else None

    def doc_heads(self, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
        if not doc_ids:
            return {}
        marks = ",".join("?" * len(doc_ids))
        return {r["doc_id"]: dict(r) for r in self.conn.execute(
            f"SELECT doc_id, title, outlet, pub_date, url FROM documents WHERE doc_id IN ({marks})", doc_ids)}

    def sentence_at(self, doc_id: str, start: int) -> tuple[int, int] | None:
        return store_analysis.sentence_at(self.store, doc_id, start)

    def segment_at(self, doc_id: str, start: int) -> tuple[int, int] | None:
        r = self.conn.execute("SELECT start, end FROM segments WHERE doc_id = ? AND start <= ? AND end > ?"
                              " LIMIT 1", (doc_id, start, start)).fetchone()
        return (r[0], r[1]) if r else None

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        row = self.store.document_row(doc_id)
        if row is None:
            return None
        doc = dict(row)
        doc["text"] = self.doc_text(doc_id) or ""
        doc["segments"] = [{"start": s.start, "end": s.end, "role": s.role} for s in self.store.segments(doc_id)]
        doc["removed"] = [{"start": s.start, "end": s.end, "reason": s.reason}
                          for s in self.store.removed_spans(doc_id)]
        # language rows: one compact row per document (schema v3), or the rows of earlier versions
        doc["sentences"], doc["mentions"] = store_analysis.analysis_rows(self.store, doc_id)
        doc["events"] = [_event_row(r) for r in se.event_rows_for_document(self.store, doc_id)]
        doc["doc_events"] = [{"doc_event_id": r["doc_event_id"], "event_id": r["event_id"], "type": r["type"],
                              "date": r["date"]} for r in self.conn.execute(
            "SELECT doc_event_id, event_id, type, date FROM doc_events WHERE doc_id = ? ORDER BY doc_event_id",
            (doc_id,))]
        try:
            doc["near_duplicates"] = self.store.near_duplicates(doc_id)
        except Exception:
            doc["near_duplicates"] = []
        return doc


# ====================================================================== events → dicts

def _date_of_sort(s: str | None) -> str | None:
    if not s:
        return None
    return s.replace("-99", "").replace("-00", "")


def _parse_date(d: str | None) -> tuple[_date, _date] | None:
    """'2025-03-18' → (that day, that day); '2025-03' → (1 Mar, 31 Mar); '2025' → the year."""
    if not d:
        return None
    try:
        parts = [int(x) for x in d.split("-")]
        if len(parts) == 3:
            x = _date(*parts)
            return x, x
        if len(parts) == 2:
            return _date(parts[0], parts[1], 1), _date(parts[0], parts[1], calendar.monthrange(*parts)[1])
        if len(parts) == 1:
            return _date(parts[0], 1, 1), _date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None
    return None


def _event_row(r) -> dict[str, Any]:
    data = _loads(r["data_json"])
    return {"id": r["event_id"], "type": r["type"], "status": r["status"], "date": r["date"],
            "date_sort": r["date_sort"], "summary": r["summary"] or data.get("summary"),
            "n_sources": r["n_sources"], "n_conflicts": r["n_conflicts"], "data": data}


def event_brief(e: dict[str, Any]) -> dict[str, Any]:
    d = e["data"]
    return {"id": e["id"], "type": e["type"], "cameo": d.get("cameo"), "status": e["status"], "date": e["date"],
            "date_confidence": d.get("date_confidence"), "participants": d.get("participants") or [],
            "summary": e["summary"], "n_sources": e["n_sources"], "n_conflicts": e["n_conflicts"],
            "url": f"/api/events/{e['id']}"}


def _evidence_by_field(ev: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    rows = ev.get("evidence_rows") or []
    if rows:
        for r in rows:
            out.setdefault(r["field"], []).append(
                {"value": r["value"], "doc": r["doc_id"], "start": r["start"], "end": r["end"],
                 "sentence": r["sentence"], "source": r["source"]})
        return out
    for field, items in (ev["data"].get("evidence") or {}).items():
        if isinstance(items, dict):
            items = [items]
        out[field] = [i for i in items if isinstance(i, dict)]
    return out


def _mentions(ev: dict[str, Any]) -> list[dict[str, Any]]:
    ms = [m for m in ev["data"].get("mentions") or [] if isinstance(m, dict)]
    if not ms:
        ms = _evidence_by_field(ev).get("mention", [])
    return ms


def source_groups(ev: dict[str, Any], outlet_label: str, heads: dict[str, dict]) -> list[dict[str, Any]]:
    """Mentions and evidence grouped by attribution (who the article attributes the claim to)."""
    groups: dict[str, dict[str, Any]] = {}
    seen: set[tuple] = set()
    items = [("mention", m) for m in _mentions(ev)]
    for field, evs in _evidence_by_field(ev).items():
        items.extend((field, x) for x in evs if field != "mention")
    for field, m in items:
        key = (m.get("doc"), m.get("start"), m.get("end"))
        src = m.get("source") or None
        label = src or outlet_label
        g = groups.setdefault(label, {"label": label, "own_voice": src is None, "items": [], "docs": set()})
        g["docs"].add(m.get("doc"))
        if key in seen:
            continue
        seen.add(key)
        g["items"].append({**m, "field": field, "outlet": (heads.get(m.get("doc")) or {}).get("outlet")})
    out = sorted(groups.values(), key=lambda g: (g["own_voice"], -len(g["items"]), g["label"]))
    for g in out:
        g["docs"] = sorted(d for d in g["docs"] if d)
    return out


def event_json(ev: dict[str, Any], repo: Repo) -> dict[str, Any]:
    d = dict(ev["data"])
    d.update({"id": ev["id"], "type": ev["type"], "status": ev["status"], "date": ev["date"],
              "summary": ev["summary"], "n_sources": ev["n_sources"], "n_conflicts": ev["n_conflicts"]})
    d["mentions"] = _mentions(ev)
    d["evidence"] = _evidence_by_field(ev)
    d.setdefault("conflicts", [])
    heads = repo.doc_heads(sorted({m.get("doc") for m in d["mentions"]} |
                                  {x.get("doc") for v in d["evidence"].values() for x in v}))
    d["sources"] = [{"source": None if g["own_voice"] else g["label"], "docs": g["docs"],
                     "sentences": [{"doc": i.get("doc"), "start": i.get("start"), "end": i.get("end"),
                                    "sentence": i.get("sentence"), "field": i["field"]} for i in g["items"]]}
                    for g in source_groups(ev, "", heads)]
    d["documents"] = list(heads.values())
    d["actors"] = ev.get("actors", [])
    d["related"] = [event_brief(x) for x in repo.related_events(ev)]
    return d


# ====================================================================== highlighted text

def pieces(text: str, spans: list[tuple[int, int, str]], lo: int = 0, hi: int | None = None) -> list[dict]:
    """Split text[lo:hi] into {"text", "cls"} pieces; spans (start, end, cls) must not overlap."""
    hi = len(text) if hi is None else hi
    out, pos = [], lo
    for s, e, cls in sorted(spans):
        s, e = max(s, lo), min(e, hi)
        if e <= s or s < pos:
            continue
        if s > pos:
            out.append({"text": text[pos:s], "cls": ""})
        out.append({"text": text[s:e], "cls": cls})
        pos = e
    if pos < hi:
        out.append({"text": text[pos:hi], "cls": ""})
    return out


def context_pieces(repo: Repo, item: dict[str, Any], texts: dict[str, str | None]) -> dict[str, Any]:
    """The evidence span in its article context: paragraph window, sentence emphasized, span marked."""
    doc, start, end = item.get("doc"), item.get("start"), item.get("end")
    if doc not in texts:
        texts[doc] = repo.doc_text(doc) if doc else None
    text = texts[doc]
    sentence = item.get("sentence") or ""
    if not text or not isinstance(start, int) or not isinstance(end, int) or not (0 <= start < end <= len(text)):
        return {"pieces": [{"text": sentence, "cls": "ev-sent"}], "ok": False}
    sent = repo.sentence_at(doc, start)
    if sent is None:
        i = text.find(sentence, max(0, start - len(sentence))) if sentence else -1
        sent = (i, i + len(sentence)) if i >= 0 and i <= start < i + len(sentence) else (start, end)
    seg = repo.segment_at(doc, start) or (max(0, sent[0] - CONTEXT_CHARS), min(len(text), sent[1] + CONTEXT_CHARS))
    lo, hi = max(seg[0], sent[0] - CONTEXT_CHARS), min(seg[1], sent[1] + CONTEXT_CHARS)
    lo, hi = min(lo, sent[0]), max(hi, sent[1])
    spans = [(sent[0], start, "ev-sent"), (start, end, "ev-mark"), (end, sent[1], "ev-sent")]
    out = pieces(text, spans, lo, hi)
    if lo > 0 and (seg[0] < lo):
        out.insert(0, {"text": "… ", "cls": ""})
    if hi < seg[1]:
        out.append({"text": " …", "cls": ""})
    return {"pieces": out, "ok": True}


def event_page(ev: dict[str, Any], repo: Repo, t: dict[str, str]) -> dict[str, Any]:
    data = ev["data"]
    by_field = _evidence_by_field(ev)
    mentions = _mentions(ev)
    docs = sorted({m.get("doc") for m in mentions if m.get("doc")} |
                  {x.get("doc") for v in by_field.values() for x in v if x.get("doc")})
    heads = repo.doc_heads(docs)
    texts: dict[str, str | None] = {}
    conflicts = [c for c in data.get("conflicts") or [] if isinstance(c, dict)]
    conflict_fields = {c.get("field") for c in conflicts}
    attrs = []
    for field in EVENT_FIELDS:
        value = ev[field] if field in ("type", "status", "date") else data.get(field)
        if field == "date" and not value and by_field.get(field) is None:
            value = None
        evs = by_field.get(field, [])
        if field == "type" and not evs:
            evs = mentions[:1]
        attrs.append({"field": field, "label": t.get(field, field), "value": value,
                      "display": _display(field, value, t), "conflict": field in conflict_fields,
                      "evidence": [{**x, "ctx": context_pieces(repo, x, texts),
                                    "head": heads.get(x.get("doc"), {"doc_id": x.get("doc")})} for x in evs[:6]],
                      "more": max(0, len(evs) - 6)})
    extra = [f for f in by_field if f not in EVENT_FIELDS and f != "mention"]
    for field in extra:
        evs = by_field[field]
        attrs.append({"field": field, "label": t.get(field, field), "value": None,
                      "display": ", ".join(str(x.get("value")) for x in evs if x.get("value") is not None),
                      "conflict": field in conflict_fields,
                      "evidence": [{**x, "ctx": context_pieces(repo, x, texts),
                                    "head": heads.get(x.get("doc"), {"doc_id": x.get("doc")})} for x in evs[:6]],
                      "more": max(0, len(evs) - 6)})
    groups = source_groups(ev, t["outlet_voice"], heads)
    for g in groups:
        for i in g["items"]:
            i["ctx"] = context_pieces(repo, i, texts)
    progression = [p for p in (data.get("provenance") or {}).get("status_progression") or [] if isinstance(p, dict)]
    return {"ev": ev, "data": data, "attrs": attrs, "groups": groups, "conflicts": conflicts,
            "progression": progression,
            "related": repo.related_events(ev), "heads": heads, "mentions": mentions,
            "flags": data.get("flags") or []}


def evidence_value(v: Any) -> str | None:
    """An evidence value for display: JSON lists/objects (as stored) become plain text."""
    if v is None or v == "":
        return None
    if isinstance(v, str) and v[:1] in "[{":
        try:
            v = json.loads(v)
        except ValueError:
            return v
    if isinstance(v, list):
        return ", ".join(str(x) for x in v)
    if isinstance(v, dict):
        return ", ".join(f"{k}: {x}" for k, x in v.items())
    return str(v)


def _display(field: str, value: Any, t: dict[str, str]) -> str:
    if value is None or value == [] or value == {}:
        return "—"
    if field == "type":
        return t.get("t_" + str(value), str(value))
    if field == "status":
        return t.get("s_" + str(value), str(value))
    if field == "date_confidence" and isinstance(value, (int, float)):
        return f"{value:.2f}"
    if isinstance(value, list):
        return ", ".join(str(x) for x in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v:g}" if isinstance(v, (int, float)) else f"{k}: {v}" for k, v in value.items())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# ====================================================================== documents

def document_json(doc: dict[str, Any]) -> dict[str, Any]:
    text = doc["text"]
    out = {k: v for k, v in doc.items() if k not in ("events",)}
    out["kept_text"] = "\n".join(text[s["start"]:s["end"]] for s in doc["segments"]) if doc["segments"] else text
    out["removed"] = [{**r, "text": text[r["start"]:r["end"]]} for r in doc["removed"]]
    out["events"] = [event_brief(e) for e in doc["events"]]
    return out


def _non_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out, last = [], -1
    for s, e, c in sorted(spans, key=lambda x: (x[0], -(x[1] - x[0]))):
        if s >= last and e > s:
            out.append((s, e, c))
            last = e
    return out


def document_page(doc: dict[str, Any], hl: str | None) -> dict[str, Any]:
    text = doc["text"]
    hl_span = None
    if hl:
        try:
            a, b = (int(x) for x in hl.split("-", 1))
            if 0 <= a < b <= len(text):
                hl_span = (a, b)
        except ValueError:
            hl_span = None
    ment = [(m["start"], m["end"], "m-" + m["kind"]) for m in doc["mentions"]
            if m["kind"] in ("actor", "time", "quantity")]
    blocks: list[dict[str, Any]] = []
    regions = [("kept", s["start"], s["end"], s["role"]) for s in doc["segments"]]
    regions += [("removed", r["start"], r["end"], r["reason"]) for r in doc["removed"]]
    if not doc["segments"]:
        regions.append(("kept", 0, len(text), "body"))
    regions.sort(key=lambda x: (x[1], x[2]))
    pos = 0
    for kind, s, e, label in regions:
        if s < pos:
            s = pos
        if e <= s:
            continue
        if s > pos and text[pos:s].strip():
            blocks.append({"kind": "other", "label": "", "pieces": [{"text": text[pos:s], "cls": ""}]})
        if kind == "kept":
            spans = [x for x in ment if s <= x[0] and x[1] <= e]
            if hl_span and s <= hl_span[0] < e:
                spans = [x for x in spans if x[1] <= hl_span[0] or x[0] >= hl_span[1]]
                spans.append((hl_span[0], min(hl_span[1], e), "ev-mark"))
            blocks.append({"kind": "kept", "label": label, "start": s,
                           "pieces": pieces(text, _non_overlapping(spans), s, e)})
        else:
            blocks.append({"kind": "removed", "label": label, "chars": e - s, "start": s,
                           "pieces": [{"text": text[s:e], "cls": ""}]})
        pos = e
    removed_count: dict[str, int] = {}
    for r in doc["removed"]:
        removed_count[r["reason"]] = removed_count.get(r["reason"], 0) + 1
    return {"doc": doc, "blocks": blocks, "removed_count": removed_count, "hl": hl_span}


# ====================================================================== timeline axis

def build_axis(events: list[dict[str, Any]], zoom: str, lang: str) -> dict[str, Any]:
    """Rows of positioned markers: one row per year (zoom=year) or per month (zoom=month)."""
    rows: dict[str, dict[str, Any]] = {}
    undated: list[dict[str, Any]] = []
    for e in events:
        d = e.get("date")
        parts = d.split("-") if d else []
        try:
            nums = [int(x) for x in parts]
        except ValueError:
            nums = []
        if not nums:
            undated.append(e)
            continue
        y = nums[0]
        approx = len(nums) < 3
        if zoom == "year":
            key, label = str(y), str(y)
            ndays = 366 if calendar.isleap(y) else 365
            if len(nums) == 3:
                try:
                    doy = _date(y, nums[1], nums[2]).timetuple().tm_yday
                except ValueError:
                    undated.append(e)
                    continue
                pos = (doy - 0.5) / ndays * 100
            elif len(nums) == 2 and 1 <= nums[1] <= 12:
                pos = (_date(y, nums[1], 1).timetuple().tm_yday + 14) / ndays * 100
            else:
                pos = 50.0
        else:
            if len(nums) < 2 or not 1 <= nums[1] <= 12:
                undated.append(e)
                continue
            key = f"{y:04d}-{nums[1]:02d}"
            label = f"{MONTHS[lang][nums[1] - 1]} {y}"
            ndays = calendar.monthrange(y, nums[1])[1]
            pos = (min(nums[2], ndays) - 0.5) / ndays * 100 if len(nums) == 3 else 50.0
        row = rows.setdefault(key, {"key": key, "label": label, "items": [], "ndays": ndays})
        row["items"].append({"ev": e, "pos": round(pos, 2), "approx": approx})
    out_rows = []
    for key in sorted(rows):
        row = rows[key]
        lanes: list[float] = []
        for it in sorted(row["items"], key=lambda i: (i["pos"], i["ev"]["id"])):
            for li, last in enumerate(lanes):
                if it["pos"] - last >= 2.4:
                    lanes[li] = it["pos"]
                    it["lane"] = li
                    break
            else:
                lanes.append(it["pos"])
                it["lane"] = len(lanes) - 1
        row["lanes"] = max(1, len(lanes))
        if zoom == "year":
            y = int(key)
            row["ticks"] = [{"pos": round((_date(y, m, 1).timetuple().tm_yday - 1) / row["ndays"] * 100, 2),
                             "label": MONTHS[lang][m - 1]} for m in range(1, 13)]
        else:
            row["ticks"] = [{"pos": round((d - 1) / row["ndays"] * 100, 2), "label": str(d)}
                            for d in (1, 5, 10, 15, 20, 25, row["ndays"])]
        out_rows.append(row)
    return {"rows": out_rows, "undated": undated, "zoom": zoom}


# ====================================================================== search

def run_search(index, repo: Repo, q: str, *, limit: int, offset: int) -> dict[str, Any]:
    """Search results with event/document headers and highlighted snippets (original text)."""
    from ..search import highlight
    res = index.search(q, limit=limit, offset=offset)
    terms = res["terms"]
    events = []
    for h in res["events"]:
        ev = repo.get_event(h.id)
        if ev is None:
            continue
        sents = [m.get("sentence") for m in _mentions(ev) if m.get("sentence")]
        sents += [x.get("sentence") for v in _evidence_by_field(ev).values() for x in v if x.get("sentence")]
        best = _best_text(list(dict.fromkeys([ev["summary"] or "", *sents]))[:40], terms)
        snippet = highlight(best, terms)
        events.append({**event_brief(ev), "score": float(f"{h.score:.6g}"),
                       "snippet": "".join(p for p, _ in snippet),
                       "pieces": [{"text": p, "cls": "hit" if m else ""} for p, m in snippet]})
    docs = []
    heads = repo.doc_heads([h.id for h in res["documents"]])
    for h in res["documents"]:
        head = heads.get(h.id)
        if head is None:
            continue
        title = head.get("title") or ""
        snippet = highlight(title, terms)
        if not any(m for _, m in snippet):          # the match is in the body: window around it
            snippet = highlight(repo.doc_text(h.id) or "", terms)
        docs.append({"id": h.id, "title": head.get("title"), "outlet": head.get("outlet"),
                     "pub_date": head.get("pub_date"), "score": float(f"{h.score:.6g}"),
                     "url": f"/api/documents/{h.id}", "snippet": "".join(p for p, _ in snippet),
                     "pieces": [{"text": p, "cls": "hit" if m else ""} for p, m in snippet]})
    return {"query": q, "terms": terms, "mode": res["mode"], "total_events": res["total_events"],
            "total_documents": res["total_documents"], "limit": limit, "offset": offset,
            "events": events, "documents": docs}


def _best_text(candidates: list[str], terms: list[str]) -> str:
    """The candidate text containing the most distinct query terms (first on ties)."""
    from ..search import fold_aligned, _WORD
    tset = set(terms)
    best, score = (candidates[0] if candidates else ""), -1
    for c in candidates:
        if not c:
            continue
        words = set(_WORD.findall(fold_aligned(c)))
        s = len(tset & words)
        if s > score:
            best, score = c, s
    return best


# ====================================================================== ingest through the API

def body_format(fmt: str | None, content_type: str) -> str:
    from ..server import ApiError
    if fmt:
        if fmt not in ("txt", "md", "html", "jsonl"):
            raise ApiError(422, f"'fmt' must be txt, md, html or jsonl; got {fmt!r}", "invalid_parameter")
        return fmt
    ct = content_type.split(";")[0].strip().lower()
    table = {"text/plain": "txt", "text/markdown": "md", "text/html": "html", "application/xhtml+xml": "html",
             "application/x-ndjson": "jsonl", "application/jsonl": "jsonl", "application/x-jsonlines": "jsonl",
             "application/json-lines": "jsonl", "application/json": "jsonl", "": "txt"}
    if ct not in table:
        raise ApiError(415, f"unsupported Content-Type {ct!r}: use text/plain, text/markdown, text/html "
                            "or application/x-ndjson", "unsupported_media_type")
    return table[ct]


def _report_dict(report) -> dict[str, Any]:
    out = report.to_dict()
    out["ingested"] = len(report.new) + len(report.updated)
    out["documents"] = report.new + report.updated + report.unchanged
    return out


def _failed_report(store, report, err) -> dict[str, Any]:
    """A body refused before ingest: recorded in ingest_errors like any other bad input."""
    report.failed.append(err)
    try:
        store.record_error(err.doc or "http-post", err.reason, line=err.line, stage=err.stage or "read")
    except Exception:  # noqa: BLE001 - recording must not hide the original error
        pass
    return _report_dict(report)


# ====================================================================== /docs

def openapi_view(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The OpenAPI document as a flat list of operations for the self-hosted /docs page."""
    ops = []
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            params = [{"name": p.get("name"), "in": p.get("in"), "required": p.get("required", False),
                       "description": p.get("description") or "",
                       "schema": _schema_text(p.get("schema") or {})} for p in op.get("parameters", [])]
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary") or "",
                        "tag": (op.get("tags") or ["other"])[0], "params": params,
                        "responses": sorted(op.get("responses", {}).keys())})
    return ops


def _schema_text(s: dict[str, Any]) -> str:
    if "anyOf" in s:
        return " | ".join(_schema_text(x) for x in s["anyOf"])
    t = s.get("type", "")
    bits = [t]
    for k in ("minimum", "maximum", "minLength", "maxLength", "default"):
        if k in s:
            bits.append(f"{k}={s[k]}")
    return " ".join(b for b in bits if b != "")
