"""Event dates (sukien.extract_date) on our own sentences through the real language layer: start
days, "kể từ", counted periods, weekdays of last week, offsets, "cùng ngày", a past talk listed with
several days, the time after a fronted when- or purpose-clause."""
from __future__ import annotations

from test_extract import _evs, _mentions, _of, res  # noqa: F401 (res: the module's fixture)


_CALLS = ("Tổng thống Pháp điện đàm với Thủ tướng Đức\n"
          "Tối 20/11, Tổng thống Pháp Emmanuel Macron điện đàm với Thủ tướng Đức Friedrich Merz.\n\n")


# ---- dates

def test_the_start_day_of_a_planned_trip_dates_it(res):
    ms = _mentions(res, "Theo kế hoạch, Bộ trưởng Ngoại giao Lào Thongsavanh Phomvihane sẽ thăm chính thức "
                        "Việt Nam từ ngày 14/6.", pub="2025-06-10")
    v = [m for m in ms if m.type == "visit"]
    assert v and v[0].date == "2025-06-14" and v[0].status == "planned"


def test_a_since_phrase_is_no_start_day(res):
    ms = _mentions(res, "Đây là chuyến thăm Nhật Bản đầu tiên của Tổng thống Hàn Quốc Lee Jae Myung kể từ "
                        "ngày 4/6.", pub="2025-08-23")
    assert all(m.date != "2025-06-04" for m in ms)


def test_a_counted_period_is_no_date(res):
    ms = _mentions(res, "Tối qua, Tổng thống Pháp Emmanuel Macron điện đàm với Thủ tướng Anh Keir Starmer. "
                        "Đây là lần thứ hai trong tháng này hai nhà lãnh đạo điện đàm.", pub="2025-06-10")
    calls = [m for m in ms if m.type == "phone_call"]
    assert calls[0].date == "2025-06-09" and calls[1].date is None


def test_a_weekday_of_last_week_dates_a_truce_and_the_agreeing_pair_are_its_sides(res):
    evs = _evs(res, "Israel và Hamas trao đổi con tin\nViệc phóng thích là một phần của thỏa thuận ngừng "
                    "bắn có hiệu lực từ trưa thứ Sáu tuần trước, sau khi hai bên chấp thuận kế hoạch của Mỹ.",
               pub="2025-10-14")
    cf = _of(evs, "ceasefire")
    assert cf and cf[0]["date"] == "2025-10-10" and sorted(cf[0]["participants"]) == ["Hamas", "Israel"]


def test_an_offset_of_weeks_is_still_no_date(res):
    ms = _mentions(res, "Lệnh ngừng bắn giữa Israel và Hamas có hiệu lực từ hai tuần trước.", pub="2025-10-14")
    assert all(m.date is None for m in ms if m.type == "ceasefire")


def test_the_day_stated_after_cung_ngay_wins(res):
    ms = _mentions(res, "Ngày 10/10, Ngoại trưởng Mỹ Marco Rubio gặp Ngoại trưởng Nhật Bản tại Tokyo.\n\n"
                        "Cùng ngày 12/10, tại Seoul, ông Rubio đã ký một thỏa thuận hợp tác với Ngoại trưởng "
                        "Hàn Quốc.", pub="2025-10-14")
    agr = [m for m in ms if m.type == "agreement"]
    assert agr and agr[0].date == "2025-10-12"


# ---- one past talk a listed day

def test_a_past_call_listed_with_three_days_is_three_calls(res):
    evs = _evs(res, _CALLS + "Trước đó, hai nhà lãnh đạo đã điện đàm ngày 10-3-2025 về thương mại, ngày 2-6-2025 "
                             "khi khủng hoảng năng lượng nổ ra, và ngày 15-9-2025 trước thềm hội nghị.",
               pub="2025-11-21")
    days = sorted(e["date"] for e in _of(evs, "phone_call"))
    assert days == ["2025-03-10", "2025-06-02", "2025-09-15", "2025-11-20"]
    assert all(sorted(e["participants"]) == ["Emmanuel Macron", "Friedrich Merz"] for e in _of(evs, "phone_call"))


def test_days_not_listed_after_the_talk_do_not_split_it(res):
    # negative: the second day dates something else ("hạn chót"), not another call
    evs = _evs(res, _CALLS + "Hai nhà lãnh đạo đã điện đàm ngày 10-3-2025 về thương mại. Hạn chót đàm phán "
                             "là ngày 2-6-2025.", pub="2025-11-21")
    days = sorted(e["date"] for e in _of(evs, "phone_call"))
    assert "2025-06-02" not in days and "2025-03-10" in days


def test_a_range_of_days_is_one_talk(res):
    # negative: "từ ngày 3 đến ngày 5": one trip/talk over days, never one a day
    evs = _evs(res, "Chiều 4/6, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Malaysia Anwar Ibrahim, "
                    "người thăm Việt Nam từ ngày 3-6-2025 đến ngày 5-6-2025.", pub="2025-06-05")
    assert len(_of(evs, "meeting")) == 1


# ---- a fronted when-clause does not take the main clause's time

def test_time_after_a_fronted_when_clause_dates_the_main_clause(res):
    evs = _evs(res, "Thủ tướng Ai Cập thăm Kenya\n"
                    "Thủ tướng Ai Cập Mostafa Madbouly bắt đầu chuyến thăm chính thức Kenya sáng 14/9.\n\n"
                    "Trước chuyến thăm, tối 8/9, Ngoại trưởng Ai Cập Badr Abdelatty đã điện đàm với Ngoại trưởng "
                    "Kenya Musalia Mudavadi.", pub="2025-09-14")
    calls = _of(evs, "phone_call")
    assert calls and calls[0]["date"] == "2025-09-08"
    assert [e["date"] for e in _of(evs, "visit")] == ["2025-09-14"]


def test_time_after_a_fronted_purpose_clause_dates_the_main_clause(res):
    evs = _evs(res, "Thủ tướng Ai Cập thăm Kenya\n"
                    "Thủ tướng Ai Cập Mostafa Madbouly bắt đầu chuyến thăm chính thức Kenya sáng 14/9.\n\n"
                    "Để chuẩn bị cho chuyến thăm, hôm 2/9, Ngoại trưởng Ai Cập Badr Abdelatty đã điện đàm với "
                    "Ngoại trưởng Kenya Musalia Mudavadi.", pub="2025-09-14")
    calls = _of(evs, "phone_call")
    assert calls and calls[0]["date"] == "2025-09-02"


def test_a_time_inside_the_fronted_clause_stays_its_own(res):
    # negative: "Sau cuộc gặp hôm 3/9, ...": the time before the comma dates the fronted talk
    evs = _evs(res, "Sau cuộc gặp với Ngoại trưởng Kenya Musalia Mudavadi hôm 3/9, Ngoại trưởng Ai Cập Badr "
                    "Abdelatty lên đường về nước.", pub="2025-09-14")
    assert [e["date"] for e in _of(evs, "meeting")] in (["2025-09-03"], [])
