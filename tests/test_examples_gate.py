"""The bundled example corpus (examples/corpus, our own wording: txt, md, HTML and a JSONL wire)
scored against examples/gold.jsonl with ../shared/eval/score.py: the scores must not drop below
examples/scores.json (re-pin only upward). The corpus is the one `make demo` ingests, so this
is also the floor of what a newcomer sees first."""
from __future__ import annotations

from pathlib import Path

import pytest

from evalsets import ROOT, assert_no_drop, check_pinned_file, ingest_and_export, shared_scorer

EXAMPLES = ROOT / "examples"
PINNED = EXAMPLES / "scores.json"


@pytest.fixture(scope="module")
def examples_result(tmp_path_factory) -> dict:
    out: Path = ingest_and_export(sorted((EXAMPLES / "corpus").iterdir()), tmp_path_factory.mktemp("examples"),
                                  "examples")
    return shared_scorer()(str(EXAMPLES / "gold.jsonl"), str(out))


def test_pinned_file_is_well_formed():
    check_pinned_file(PINNED)


def test_no_drop_below_the_pinned_example_scores(examples_result):
    assert_no_drop(examples_result, PINNED, "the example corpus")
