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


# ---- one day told on two clocks

_ABROAD = ("Thượng đỉnh Mỹ - Nga kết thúc không có đột phá\n"
           "Cuộc gặp giữa Tổng thống Mỹ Donald Trump và Tổng thống Nga Vladimir Putin tại Anchorage, bang Alaska, "
           "kéo dài gần ba tiếng và kết thúc rạng sáng nay (16/8, giờ Việt Nam).\n\n"
           "Cuộc gặp diễn ra hôm thứ Sáu ({local}, giờ địa phương) tại một căn cứ quân sự.")


def test_a_day_on_vietnams_clock_and_the_local_day_are_one_meeting(res):
    evs = _of(_evs(res, _ABROAD.format(local="15/8"), pub="2025-08-16"), "meeting")
    assert len(evs) == 1
    assert evs[0]["date"] == "2025-08-15"          # the local day wins over Vietnam's clock
    assert evs[0]["duration_minutes"] == 180


def test_days_further_apart_than_the_clocks_are_two_meetings(res):
    evs = _of(_evs(res, _ABROAD.format(local="13/8"), pub="2025-08-16"), "meeting")
    assert sorted(e["date"] for e in evs) == ["2025-08-13", "2025-08-16"]
