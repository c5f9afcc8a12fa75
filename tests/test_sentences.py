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


def _split_plain(text, segments):
    """``split_sentences`` as first written: every segment split into lines by the line pattern,
    every span stripped character by character."""
    import re
    from sukien.models import Sentence
    from sukien.vi import sentences as S
    out = []
    for p, seg in enumerate(segments):
        chunk = text[seg.start:seg.end]
        for lm in re.finditer(r"[^\n]+", chunk):
            line = lm.group(0)
            if not line.strip():
                continue
            base = seg.start + lm.start()
            for s, e in S._split_line(line):
                while s < e and line[s].isspace():
                    s += 1
                while e > s and line[e - 1].isspace():
                    e -= 1
                out.append(Sentence(start=base + s, end=base + e, text=line[s:e], index=len(out),
                                    paragraph=p, role=seg.role))
    return out


def test_split_fast_paths_change_nothing():
    """One-line segments skip the line split and ``_strip`` returns at once when there is nothing
    to strip: same sentences as the plain definition, on lines with tabs, CR, non-breaking and
    trailing spaces, blank lines and segments cut anywhere."""
    import random
    lines = ["Ông A nói: \"Tốt.\" Bà B đáp.  ", "\t  ", "Tin mới… Hôm qua 18/3.\r", "\u00a0Chào. Tạm biệt.\u00a0",
             "Một câu không dấu chấm", "", "TP. HCM mưa to. Mr. Smith đến!  Vậy à? Ừ.", "   "]
    text = "\n".join(lines)
    rng = random.Random(3)
    cases = [[Segment(0, len(text), "body")], line_segments(text)]
    for _ in range(200):
        cuts = sorted(rng.sample(range(len(text) + 1), rng.randint(2, 8)))
        cases.append([Segment(a, b, "body") for a, b in zip(cuts, cuts[1:])])
    for segs in cases:
        assert split_sentences(text, segs) == _split_plain(text, segs)


def test_word_before_equals_its_regex():
    """``sentences._word_before`` (the run of word characters and dots before a full stop, found
    with ``str.rfind``) gives what the ``_WORD_BEFORE`` search gives."""
    import random
    from sukien.vi.sentences import _WORD_BEFORE, _word_before
    pieces = ["TP", "N.V.A", "Mr", "ông", "(Tp", "v.v", "a_b", "", ".", "...", "2025", "U.S", "“Ông", "x,y"]
    rng = random.Random(9)
    for _ in range(3000):
        line = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) + ". Sau"
        end = len(line) - 5
        lo = rng.randint(0, end)
        m = _WORD_BEFORE.search(line, lo, end)
        assert _word_before(line, lo, end) == (m.group(1) if m else None), (line, lo)
