"""Export canonical events: JSON Lines exactly per ../shared/spec/EXPORT.md (plus the extra
fields ``summary``, ``plover``, ``evidence``, ``n_sources``, ``flags``), and a flat CSV with the
same fields (lists joined by "; ") coded with CAMEO and PLOVER."""
from __future__ import annotations

import csv
import json
from typing import IO, Any

from . import store_events as se

# EXPORT.md fields, in its order
FIELDS = ["id", "type", "cameo", "status", "date", "date_confidence", "participants", "initiator",
          "duration_minutes", "location", "topics", "quantities", "ordinal", "mentions", "conflicts"]
EXTRA = ["summary", "plover", "n_sources", "flags", "evidence"]
CSV_FIELDS = ["id", "type", "cameo", "plover", "status", "date", "date_confidence", "participants", "initiator",
              "duration_minutes", "location", "topics", "quantities", "ordinal", "n_sources", "documents",
              "summary", "conflicts", "flags"]


def export_record(ev: dict) -> dict:
    """The EXPORT.md record of a stored canonical event (extra fields after the spec's)."""
    out: dict[str, Any] = {}
    for f in FIELDS:
        v = ev.get(f)
        if f in ("participants", "topics", "mentions", "conflicts") and v is None:
            v = []
        if f == "quantities" and v is None:
            v = {}
        if f == "date_confidence" and v is None:
            v = 0.0
        out[f] = v
    out["mentions"] = [{"doc": m["doc"], "start": m["start"], "end": m["end"], "sentence": m.get("sentence", ""),
                        "source": m.get("source")} for m in out["mentions"]]
    for f in EXTRA:
        if f in ev:
            out[f] = ev[f]
    return out


def iter_events(store, batch: int = 1000, **filters):
    offset = 0
    while True:
        chunk = se.list_events(store, limit=batch, offset=offset, **filters)
        if not chunk:
            return
        yield from chunk
        offset += len(chunk)


def export_jsonl(store, fh: IO[str], **filters) -> int:
    n = 0
    for ev in iter_events(store, **filters):
        fh.write(json.dumps(export_record(ev), ensure_ascii=False) + "\n")
        n += 1
    return n


def _flat(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "; ".join(_flat(x) for x in v)
    if isinstance(v, dict):
        return "; ".join(f"{k}={_flat(x)}" for k, x in v.items())
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def csv_row(ev: dict) -> dict[str, str]:
    rec = export_record(ev)
    row = {f: _flat(rec.get(f)) for f in CSV_FIELDS if f in rec}
    row["documents"] = "; ".join(sorted({m["doc"] for m in rec["mentions"]}))
    row["conflicts"] = "; ".join(
        f"{c['field']}: " + " | ".join(f"{_flat(v['value'])} ({', '.join(v['docs'])})" for v in c["values"])
        for c in rec.get("conflicts") or [])
    row["flags"] = "; ".join(str(f.get("flag")) for f in ev.get("flags") or [])
    return {f: row.get(f, "") for f in CSV_FIELDS}


def export_csv(store, fh: IO[str], **filters) -> int:
    w = csv.DictWriter(fh, fieldnames=CSV_FIELDS, lineterminator="\n")
    w.writeheader()
    n = 0
    for ev in iter_events(store, **filters):
        w.writerow(csv_row(ev))
        n += 1
    return n
