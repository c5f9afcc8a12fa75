"""Sentence splitting: table-driven cases (tests/data/vi/sentences.yaml) + offset invariants."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sukien.models import Segment
from sukien.vi.sentences import line_segments, split_sentences

CASES = yaml.safe_load((Path(__file__).parent / "data" / "vi" / "sentences.yaml").read_text(encoding="utf-8"))
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_split_cases(case):
    text = case["text"]
    got = [s.text for s in split_sentences(text, line_segments(text))]
    assert got == case["sentences"]


def test_offsets_point_into_text_and_respect_segments():
    text = "TIÊU ĐỀ\n\nĐoạn một. Câu hai!\nRÁC QUẢNG CÁO\nĐoạn ba."
    def seg(part, role):
        i = text.index(part)
        return Segment(i, i + len(part), role)
    segs = [seg("TIÊU ĐỀ", "title"), seg("Đoạn một. Câu hai!", "body"), seg("Đoạn ba.", "body")]
    sents = split_sentences(text, segs)
    assert [s.text for s in sents] == ["TIÊU ĐỀ", "Đoạn một.", "Câu hai!", "Đoạn ba."]
    for i, s in enumerate(sents):
        assert text[s.start:s.end] == s.text
        assert s.index == i
    assert [s.paragraph for s in sents] == [0, 1, 1, 2]
    assert sents[0].role == "title"
    assert all("RÁC" not in s.text for s in sents)      # removed spans are never read


def test_empty_and_whitespace():
    assert split_sentences("", []) == []
    assert split_sentences("   \n  ", line_segments("   \n  ")) == []


@pytest.mark.skipif(not SEEDS.exists(), reason="seeds not available")
def test_seeds_offsets_and_no_tiny_fragments():
    for f in sorted(SEEDS.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        sents = split_sentences(text, line_segments(text))
        assert sents
        for s in sents:
            assert text[s.start:s.end] == s.text and s.text == s.text.strip()
            # no split inside dates / decimals
            assert not s.text[:1].isdigit() or not text[s.start - 2:s.start].strip().endswith(("/", ","))
        # no sentence starts right after an abbreviation-like split such as "TP." or an initial
        for a, b in zip(sents, sents[1:]):
            assert not a.text.endswith((" TP.", " Mr.", " Dr."))
