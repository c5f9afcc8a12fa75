"""Score an event export against a gold file: the scoring of ../shared/eval/README.md.

Per document, the exported events that mention the document are matched one-to-one with its
gold events (type family must agree; participants must overlap once people are mapped to their
countries), greedily by similarity. Core gold events count for recall; an exported event that
matches no gold event counts against precision. Slots are scored on matched core events;
``cross_doc_links`` counts document pairs whose core gold events are one real-world event and
whose matched exported events share an id; ``overmerged`` counts distinct real events merged
into one exported event. The result has the same keys and values as ../shared/eval/score.py.
"""
from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

TYPE_GROUPS = [{"phone_call"}, {"meeting", "negotiation", "visit"}, {"agreement", "ceasefire"},
               {"prisoner_exchange"}, {"statement", "proposal"}, {"other"}]

# person / body → country, as the evaluation defines it (../shared/eval/score.py)
_US = "united states"
_COUNTRY_OF = {
    **dict.fromkeys(["donald trump", "marco rubio", "steve witkoff", "jd vance", "mike pence", "joe biden",
                     "barack obama", "keith kellogg", "john ratcliffe", "michael waltz", "pete hegseth",
                     "antony blinken", "mike pompeo", "us negotiators", "white house", "us", "usa",
                     "united states of america"], _US),
    **dict.fromkeys(["vladimir putin", "sergei lavrov", "sergey lavrov", "yury ushakov", "yuri ushakov",
                     "dmitry peskov", "kirill dmitriev", "dmitry medvedev", "vladimir medinsky",
                     "gennady zyuganov", "russian delegation", "russian negotiators", "kremlin",
                     "russian federation"], "russia"),
    **dict.fromkeys(["volodymyr zelensky", "andriy yermak", "rustem umerov", "ukrainian delegation",
                     "ukrainian negotiators"], "ukraine"),
    **dict.fromkeys(["xi jinping", "wang yi"], "china"),
    **dict.fromkeys(["olaf scholz", "friedrich merz"], "germany"),
    **dict.fromkeys(["pham minh chinh", "to lam", "luong cuong", "bui thanh son", "tran dai quang"], "vietnam"),
    **dict.fromkeys(["mohammed bin salman", "salman bin abdulaziz al saud"], "saudi arabia"),
    **dict.fromkeys(["benjamin netanyahu", "israeli delegation"], "israel"),
    "emmanuel macron": "france", "giorgia meloni": "italy", "alexander stubb": "finland",
    "recep tayyip erdogan": "turkey", "viktor orban": "hungary", "phankham viphavanh": "laos",
    "jigme khesar namgyel wangchuck": "bhutan", "hamas delegation": "hamas", "eu": "european union",
}


def norm(name: Any) -> str:
    """Lower case, no diacritics, hyphens as spaces."""
    text = unicodedata.normalize("NFD", str(name).replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().replace("-", " ").split())


def countries(names: Iterable[str] | None) -> set[str]:
    out = set()
    for n in names or []:
        k = norm(n)
        out.add(_COUNTRY_OF.get(k, k))
    return out


def type_group(t: str | None) -> int:
    return next((i for i, g in enumerate(TYPE_GROUPS) if t in g), len(TYPE_GROUPS))


def date_ok(value: str | None, g: dict) -> bool:
    accept = g.get("date_accept") or ([g["date"]] if g.get("date") else [])
    return value in accept


def similarity(s: dict, g: dict) -> float | None:
    if type_group(s.get("type")) != type_group(g["type"]):
        return None
    sp = {norm(p) for p in s.get("participants") or []}
    gp = {norm(p) for p in g.get("participants") or []}
    sc, gc = countries(sp), countries(gp)
    if not (sc & gc) and not (sp & gp):
        return None
    sim = len(sc & gc) / max(1, len(sc | gc)) + len(sp & gp) / max(1, len(sp | gp))
    if s.get("type") == g["type"]:
        sim += 0.5
    if g.get("date") and s.get("date") and date_ok(s.get("date"), g):
        sim += 1.0
    return sim


def _read_jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score_records(gold: list[dict], system: list[dict]) -> dict:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for ev in system:
        for d in {m.get("doc") for m in ev.get("mentions") or []}:
            by_doc[d].append(ev)
    tp = fn = fp = 0
    slots: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    match_of: dict[str, Any] = {}
    misses: list[str] = []
    extras: list[str] = []

    def slot(name: str, ok: bool) -> None:
        slots[name][1] += 1
        slots[name][0] += bool(ok)

    for rec in gold:
        doc = rec["doc"]
        cands = by_doc.get(doc, [])
        pairs = []
        for i, s in enumerate(cands):
            for g in rec["events"]:
                sim = similarity(s, g)
                if sim is not None:
                    pairs.append((sim, g["core"], i, g["gid"]))
        pairs.sort(key=lambda p: (-p[0], not p[1]))   # stable: ties keep system order
        used_s: set[int] = set()
        used_g: set[str] = set()
        matched: dict[str, dict] = {}
        for _, _, i, gid in pairs:
            if i in used_s or gid in used_g:
                continue
            used_s.add(i)
            used_g.add(gid)
            matched[gid] = cands[i]
        for g in rec["events"]:
            s = matched.get(g["gid"])
            if s is not None:
                match_of[g["gid"]] = s.get("id")
            if not g["core"]:
                continue
            if s is None:
                fn += 1
                misses.append(f'{doc}:{g["gid"]} {g["type"]} {g.get("date")} {g.get("participants")}')
                continue
            tp += 1
            if g.get("date"):
                slot("date", date_ok(s.get("date"), g))
            if g.get("duration_minutes"):
                d = s.get("duration_minutes")
                slot("duration", bool(d) and abs(d - g["duration_minutes"]) <= 0.1 * g["duration_minutes"])
            if g.get("initiator"):
                slot("initiator", bool(s.get("initiator")) and countries([s["initiator"]]) == countries([g["initiator"]]))
            slot("status", s.get("status") == g["status"])
            slot("type_exact", s.get("type") == g["type"])
            slot("participants_exact", countries(g["participants"]) == countries(s.get("participants")))
        for i, s in enumerate(cands):
            if i not in used_s:
                fp += 1
                extras.append(f'{doc}: {s.get("type")} {s.get("date")} {s.get("participants")}')
    # cross-document links
    canon: dict[str, list[str]] = defaultdict(list)
    canonical_of: dict[str, str] = {}
    for rec in gold:
        for g in rec["events"]:
            canonical_of.setdefault(g["gid"], g["canonical"])
            if g["core"]:
                canon[g["canonical"]].append(g["gid"])
    right = asked = 0
    for gids in canon.values():
        for a in range(len(gids)):
            for b in range(a + 1, len(gids)):
                asked += 1
                sa, sb = match_of.get(gids[a]), match_of.get(gids[b])
                right += sa is not None and sa == sb
    owner: dict[Any, set[str]] = defaultdict(set)
    for gid, sid in match_of.items():
        owner[sid].add(canonical_of[gid])
    overmerged = sum(len(v) - 1 for v in owner.values() if len(v) > 1)
    prec = tp / max(1, tp + fp)
    rec_ = tp / max(1, tp + fn)
    f1 = 2 * prec * rec_ / max(1e-9, prec + rec_)
    return {"core_tp": tp, "core_fn": fn, "unmatched_system": fp, "precision": round(prec, 3),
            "recall": round(rec_, 3), "f1": round(f1, 3),
            "slots": {k: f"{v[0]}/{v[1]}" for k, v in slots.items()},
            "cross_doc_links": f"{right}/{asked}", "overmerged": overmerged,
            "misses": misses, "extras": extras}


def score(gold_path: str | Path, system_jsonl_path: str | Path) -> dict:
    """Score a system export (JSONL) against a gold file (JSONL, one line per document)."""
    return score_records(_read_jsonl(gold_path), _read_jsonl(system_jsonl_path))


def slot_ratio(value: str) -> float:
    right, asked = (int(x) for x in value.split("/"))
    return right / asked if asked else 1.0
