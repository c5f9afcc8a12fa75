"""bench/bench_pipeline.py's article generator: deterministic, varied, and in feed order with
``arrival="time"`` (the same articles as the random order, sorted by their days)."""
from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds is not beside the repository")


@pytest.fixture(scope="module")
def bp():
    sys.path.insert(0, str(BENCH))
    try:
        import bench_pipeline
        yield bench_pipeline
    finally:
        sys.path.remove(str(BENCH))


def test_generation_is_deterministic_and_varied(bp):
    a, b = bp.generate(40, 3), bp.generate(40, 3)
    assert a == b
    assert len({r["text"] for r in a}) == 40
    assert bp.generate(40, 4) != a


def test_time_arrival_is_the_same_articles_in_the_order_of_their_days(bp):
    rand, timed = bp.generate(60, 5), bp.generate(60, 5, arrival="time")
    assert sorted(r["id"] for r in rand) == sorted(r["id"] for r in timed)
    assert {r["id"]: r for r in rand} == {r["id"]: r for r in timed}
    pubs = [date.fromisoformat(r["pub_date"]) for r in timed if r.get("pub_date")]
    assert pubs == sorted(pubs)                        # dated articles come in the order of their days
    assert [r["id"] for r in rand] != [r["id"] for r in timed]
    assert all(re.fullmatch(r"bench-\d{6}", r["id"]) for r in timed)
