"""Attribution cases (tests/data/vi/attribution_cases.yaml) over the fixture dictionary."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sukien.config import Config, Resources
from sukien.models import Document, MetaValue
from sukien.vi import analyze

from test_actors import make_fixture_data  # noqa: E402  (tests dir is on sys.path under pytest)

HERE = Path(__file__).parent
CASES = yaml.safe_load((HERE / "data" / "vi" / "attribution_cases.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def res(tmp_path_factory):
    return Resources(Config(data_dir=make_fixture_data(tmp_path_factory.mktemp("data"))))


@pytest.mark.parametrize("case", CASES, ids=[f"{i}:{c['text'][:35]}" for i, c in enumerate(CASES)])
def test_attribution_cases(case, res):
    text = case["text"]
    doc = Document(doc_id="t", text=text, pub_date=MetaValue(case.get("date", "2025-03-19"), "test"))
    an = analyze(doc, res)
    sent = an.sentences[case.get("sentence", -1)]
    a = sent.attribution
    if case.get("none"):
        assert a is None, f"expected outlet voice, got {a}"
        return
    assert a is not None, f"no attribution for {sent.text!r}"
    assert a.name == case["source"], a
    if "cue" in case:
        assert a.cue == case["cue"]
    if "channel" in case:
        assert a.channel == case["channel"]
    if "source_text" in case:
        assert a.source_text == case["source_text"]
    assert text[a.start:a.end] == a.source_text


def test_counts():
    assert len(CASES) >= 20
