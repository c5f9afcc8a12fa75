"""Clustering of one article's mentions into events (sukien.extract_cluster), on our own sentences
through the real language layer: a recap dated by an earlier year never joins an undated event."""
from __future__ import annotations

from test_extract import _evs, _of, res  # noqa: F401 (res: the module's fixture)


# ---- a recap dated by an earlier year is not the article's undated signing

def test_an_earlier_years_signing_is_not_todays(res):
    evs = _evs(res, "Thủ tướng Việt Nam hội đàm với Thủ tướng Ba Lan\n"
                    "Chiều 3/10, tại Hà Nội, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Ba Lan Donald Tusk.\n\n"
                    "Sau hội đàm, hai Thủ tướng chứng kiến lễ ký kết các văn kiện hợp tác giữa hai nước.\n\n"
                    "Năm 2018, hai nước đã ký kết một thỏa thuận về hợp tác giáo dục.", pub="2025-10-03")
    ag = _of(evs, "agreement")
    assert len(ag) == 2
    assert sorted(str(e["date"])[:4] for e in ag) != ["2018", "2018"]

