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


def _gap_ok_plain(gap, lex):
    """``attribution._gap_ok`` as first written (a generator over the stop characters)."""
    import re
    gap = re.sub(r"\([^()]{0,40}\)", " ", gap)
    if len(gap) > 45 or any(c in gap for c in ',;:."“”!?-–—'):
        return False
    for w in re.findall(r"[\w/]+", gap):
        if w in lex.adverb_words or w[0].isdigit() or w in ("hai", "ba", "tư", "năm", "sáu", "bảy", "nhật", "chủ"):
            continue
        return False
    return True


def test_gap_ok_equals_plain_definition(res):
    """The subject-verb gap test with one character-class search (and no parenthetical pass
    without a "("): same verdict as the plain definition on random gaps."""
    import random
    from sukien.vi.attribution import _gap_ok, lexicon
    lex = lexicon(res)
    words = sorted(lex.adverb_words)[:8] + ["hôm", "qua", "ông", "(Reuters)", "(ảnh)", "thứ", "hai", "3/4", "x",
                                            ",", ";", ".", "“", "–", "—", "-", "!", "(", ")", "a_b", "  "]
    rng = random.Random(2)
    for _ in range(3000):
        gap = " ".join(rng.choice(words) for _ in range(rng.randint(0, 7)))
        assert _gap_ok(gap, lex) == _gap_ok_plain(gap, lex), gap
