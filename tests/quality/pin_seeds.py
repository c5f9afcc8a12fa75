"""Pin the seeds scores the system achieves now into tests/quality/seeds_scores.json.

    .venv/bin/python tests/quality/pin_seeds.py

Re-pin only upward, in the commit that earns it (tests/test_quality_gate.py fails on any drop).
"""
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_quality_gate import export_seeds, GOLD, PINNED
from sukien.evaluate import score, slot_ratio
r = score(GOLD, export_seeds(Path(tempfile.mkdtemp())))
pinned = {"f1": r["f1"], "recall": r["recall"], "precision": r["precision"],
          "slots": {k: round(slot_ratio(v), 3) for k, v in sorted(r["slots"].items())},
          "cross_doc_links": round(slot_ratio(r["cross_doc_links"]), 3), "overmerged": r["overmerged"],
          "raw": {"slots": r["slots"], "cross_doc_links": r["cross_doc_links"], "core_tp": r["core_tp"],
                  "core_fn": r["core_fn"], "unmatched_system": r["unmatched_system"]}}
PINNED.write_text(json.dumps(pinned, indent=2) + "\n", encoding="utf-8")
print(json.dumps(pinned, indent=2))
