"""The shared expression table (tests/data/expressions_time.tsv) read by test_timex and test_numbers."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "expressions_time.tsv"


def rows(func: str):
    """The table's rows for one function (`func` column), as pytest params named by their text."""
    with open(DATA, encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#") and ln.strip()]
    rd = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [pytest.param(r, id=f"{func}:{r['text'][:50]}") for r in rd if r["func"] == func]


def check_attrs(obj, attrs: str):
    """`k=v` exact (floats approximately; True/False/None literals), `k~v` substring, `;`-separated."""
    for item in filter(None, (a.strip() for a in attrs.split(";"))):
        if "~" in item and ("=" not in item or item.index("~") < item.index("=")):
            k, v = item.split("~", 1)
            got = getattr(obj, k)
            assert got is not None and v in str(got), (k, got, v)
        else:
            k, v = item.split("=", 1)
            got = getattr(obj, k)
            want = {"True": True, "False": False, "None": None}.get(v, v)
            if isinstance(got, float) and not isinstance(want, bool):
                assert got == pytest.approx(float(want)), (k, got, want)
            else:
                assert got == want, (k, got, want)
