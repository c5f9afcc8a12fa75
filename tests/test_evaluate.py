"""evaluate.score agrees with ../shared/eval/score.py (imported by path) on the seeds gold and
on synthetic exports."""
from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest

from sukien.evaluate import score, slot_ratio

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
GOLD = EVAL / "seeds-gold.jsonl"


@pytest.fixture(scope="module")
def reference():
    path = EVAL / "score.py"
    if not path.exists():
        pytest.skip("../shared/eval/score.py not found")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _gold():
    return [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]


def _perfect_export(gold):
    """One system event per gold canonical event, mentioning every document that reports it."""
    by_canon: dict[str, dict] = {}
    for rec in gold:
        for g in rec["events"]:
            ev = by_canon.setdefault(g["canonical"], {
                "id": "ev-" + g["canonical"], "type": g["type"], "status": g["status"], "date": g.get("date"),
                "participants": g["participants"], "initiator": g.get("initiator"),
                "duration_minutes": g.get("duration_minutes"), "mentions": []})
            ev["mentions"].append({"doc": rec["doc"], "start": 0, "end": 1, "sentence": "x", "source": None})
    return list(by_canon.values())


def _perturb(events, seed):
    rnd = random.Random(seed)
    out = []
    for ev in events:
        ev = json.loads(json.dumps(ev))
        r = rnd.random()
        if r < 0.15:
            continue                                        # a miss
        if r < 0.3:
            ev["date"] = "2025-01-01"                       # a wrong date
        elif r < 0.4:
            ev["duration_minutes"] = (ev.get("duration_minutes") or 10) * 2
        elif r < 0.5:
            ev["status"] = "planned" if ev["status"] == "occurred" else "occurred"
        elif r < 0.6:
            ev["type"] = {"phone_call": "meeting", "ceasefire": "agreement"}.get(ev["type"], ev["type"])
        elif r < 0.7 and len(ev["mentions"]) > 1:           # split a cross-document event
            out.append(dict(ev, id=ev["id"] + "-b", mentions=ev["mentions"][1:]))
            ev["mentions"] = ev["mentions"][:1]
        out.append(ev)
        if rnd.random() < 0.1:                              # an extra, unmatched event
            out.append({"id": ev["id"] + "-x", "type": "statement", "status": "occurred", "date": None,
                        "participants": ["Nobody Known"], "mentions": ev["mentions"][:1]})
    if len(out) > 3 and rnd.random() < 0.5:                 # an over-merge
        a, b = out[0], out[1]
        a["mentions"] = a["mentions"] + b["mentions"]
    return out


def _write(tmp_path, name, events):
    p = tmp_path / name
    p.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events), encoding="utf-8")
    return p


def test_perfect_export_scores_perfectly(tmp_path, reference):
    gold = _gold()
    sys_path = _write(tmp_path, "perfect.jsonl", _perfect_export(gold))
    ours = score(GOLD, sys_path)
    assert ours == reference.score(str(GOLD), str(sys_path))
    assert ours["f1"] == 1.0 and ours["overmerged"] == 0 and ours["core_fn"] == 0


@pytest.mark.parametrize("seed", range(8))
def test_agrees_with_reference_on_synthetic_exports(tmp_path, reference, seed):
    events = _perturb(_perfect_export(_gold()), seed)
    sys_path = _write(tmp_path, f"s{seed}.jsonl", events)
    assert score(GOLD, sys_path) == reference.score(str(GOLD), str(sys_path))


def test_agrees_on_an_empty_export(tmp_path, reference):
    sys_path = _write(tmp_path, "empty.jsonl", [])
    ours = score(GOLD, sys_path)
    assert ours == reference.score(str(GOLD), str(sys_path)) and ours["recall"] == 0.0


def test_agrees_on_the_seeds_export(tmp_path, reference, seeds_export):
    assert score(GOLD, seeds_export) == reference.score(str(GOLD), str(seeds_export))


def test_slot_ratio():
    assert slot_ratio("3/4") == 0.75 and slot_ratio("0/0") == 1.0


@pytest.fixture(scope="module")
def seeds_export(tmp_path_factory):
    """The system's own export of the seeds (needs the full pipeline)."""
    from test_quality_gate import export_seeds
    return export_seeds(tmp_path_factory.mktemp("seeds"))
