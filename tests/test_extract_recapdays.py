"""Days told in recap clauses (sukien.extract_recapdays) on our own sentences: a day after "sau cuộc",
"kể từ", "tiếp nối cuộc" ... past the start of its sentence is told in a recap; a fronted clause, a
clause break, or no cue at all is not."""
from __future__ import annotations

import pytest

from test_extract import res  # noqa: F401 (res: the module's fixture)

from sukien import vi
from sukien.ingest import prepare_document
from sukien.models import MetaValue, RawInput


def _sentences(res, text, pub="2025-06-11"):
    doc, _ = prepare_document(RawInput(doc_id="r.txt", origin="r.txt", text=text, fmt="txt"), res.config, res)
    doc.pub_date = MetaValue(pub, "test")
    return vi.analyze(doc, res).sentences


def _recap_values(res, text):
    from sukien.extract_recapdays import recap_times
    out = []
    for s in _sentences(res, text):
        out += [s.times[i].value.split("T")[0] for i in sorted(recap_times(s, res.triggers))]
    return out


def test_a_day_after_a_trailing_after_clause_is_a_recap_day(res):
    assert _recap_values(res, "Hai ngoại trưởng điện đàm lần đầu, sau cuộc gặp tại Jakarta hôm 3/2.") \
        == ["2025-02-03"]


def test_a_day_after_since_is_a_recap_day(res):
    assert _recap_values(res, "Đây là chuyến thăm đầu tiên của ông tới Seoul kể từ chuyến đi hôm 21/5.") \
        == ["2025-05-21"]


def test_the_main_day_of_the_sentence_is_no_recap_day(res):
    assert _recap_values(res, "Tối 4/6, hai Thủ tướng điện đàm lần đầu, tiếp nối cuộc gặp ở Lima hôm 16/5.") \
        == ["2025-05-16"]


def test_a_fronted_after_clause_is_no_recap(res):
    assert _recap_values(res, "Sau cuộc hội đàm sáng 4/6, hai Thủ tướng gặp gỡ báo chí.") == []


def test_a_clause_break_ends_the_recap_clause(res):
    assert _recap_values(res, "Hai bên đã nhất trí sau cuộc gặp tại Lima; ngày 4/6, hai bộ trưởng ký biên bản.") == []


def test_no_cue_no_recap_day(res):
    assert _recap_values(res, "Hai nhà lãnh đạo đã gặp nhau tại Paris hôm 7/3.") == []


def _entries():
    import yaml
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "src/sukien/data/events/modality.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["recap_clauses"]


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["cue"])
def test_every_recap_cue_example_tells_its_day_in_a_recap(res, entry):
    assert len(_recap_values(res, entry["example"])) == 1
