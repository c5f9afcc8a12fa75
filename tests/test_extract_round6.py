"""Rules of the sixth blind round (long articles with recaps), on our own sentences through the real
language layer: earlier rounds told with their own date (also elliptic: "Vòng thứ hai được tổ chức
..."), "X và Y kết thúc vòng đàm phán", a possibility over a future "sẽ", the time after a fronted
when-clause, a recap dated by an earlier year."""
from __future__ import annotations

from test_extract import _evs, _of, res  # noqa: F401 (res: the module's fixture)

_TALKS = ("Ai Cập và Ethiopia đàm phán về đập thủy điện\n"
          "Chiều 14/9, phái đoàn Ai Cập và phái đoàn Ethiopia đã đàm phán tại Nairobi về việc vận hành "
          "đập thủy điện trên sông Nile.\n\n")


# ---- earlier rounds told with their own date

def test_a_dated_earlier_round_without_sides_is_between_the_sides_of_the_talks(res):
    evs = _evs(res, _TALKS + "Ai Cập lo ngại đập làm giảm lưu lượng nước.\n\nEthiopia cho rằng đập giúp phát "
                             "triển kinh tế.\n\nSudan kêu gọi kiềm chế.\n\nVòng đàm phán đầu tiên đã diễn ra hôm 2/8 "
                             "tại Kampala.", pub="2025-09-14")
    days = {e["date"]: sorted(e["participants"]) for e in _of(evs, "negotiation")}
    assert days.get("2025-08-02") == ["Egypt", "Ethiopia"]
    assert "2025-09-14" in days


def test_elliptic_rounds_are_rounds_in_a_story_of_talks(res):
    evs = _evs(res, _TALKS + "Hai bên đã trải qua ba vòng đàm phán kể từ tháng 6. Vòng thứ nhất được tổ chức "
                             "tại Kampala hôm 5/6. Vòng thứ hai diễn ra tại Kigali từ ngày 20 đến 21/7.",
               pub="2025-09-14")
    days = {e["date"]: sorted(e["participants"]) for e in _of(evs, "negotiation")}
    assert days.get("2025-06-05") == ["Egypt", "Ethiopia"]
    assert days.get("2025-07-20") == ["Egypt", "Ethiopia"]


def test_an_elliptic_round_outside_a_story_of_talks_is_no_event(res):
    # negative: "vòng thứ hai" of an election, in an article that reports no talks
    evs = _evs(res, "Bầu cử tổng thống Chile\n"
                    "Vòng thứ hai diễn ra hôm 14/12, theo Ủy ban bầu cử.", pub="2025-12-15")
    assert not _of(evs, "negotiation")


def test_an_undated_elliptic_round_founds_no_event(res):
    # negative: "Vòng thứ tư" without a date cannot tell which round it is
    evs = _evs(res, _TALKS + "Theo giới quan sát, vòng thứ tư sẽ diễn ra ở cấp bộ trưởng.", pub="2025-09-14")
    assert not [e for e in _of(evs, "negotiation") if e["status"] == "planned"]


# ---- "kết thúc" before a talk noun asserts it, with its subject as the sides

def test_ending_a_round_names_its_sides(res):
    evs = _evs(res, "Các phái đoàn Ai Cập và Ethiopia đã kết thúc vòng đàm phán thứ ba tại Nairobi hôm 14/9.",
               pub="2025-09-15")
    neg = _of(evs, "negotiation")
    assert neg and sorted(neg[0]["participants"]) == ["Egypt", "Ethiopia"]


# ---- a possibility before a future "sẽ"

def test_a_possibility_over_a_future_is_hypothetical(res):
    evs = _evs(res, "Nhà phân tích: không loại trừ khả năng Ai Cập và Ethiopia sẽ gặp nhau tại Cairo.",
               pub="2025-09-15")
    assert [e["status"] for e in _of(evs, "meeting")] == ["hypothetical"]


def test_a_plain_future_stays_planned(res):
    # negative: no possibility before "sẽ"
    evs = _evs(res, "Ai Cập và Ethiopia sẽ gặp nhau tại Cairo vào tuần tới.",
               pub="2025-09-15")
    assert [e["status"] for e in _of(evs, "meeting")] == ["planned"]


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


# ---- a recap dated by an earlier year is not the article's undated signing

def test_an_earlier_years_signing_is_not_todays(res):
    evs = _evs(res, "Thủ tướng Việt Nam hội đàm với Thủ tướng Ba Lan\n"
                    "Chiều 3/10, tại Hà Nội, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Ba Lan Donald Tusk.\n\n"
                    "Sau hội đàm, hai Thủ tướng chứng kiến lễ ký kết các văn kiện hợp tác giữa hai nước.\n\n"
                    "Năm 2018, hai nước đã ký kết một thỏa thuận về hợp tác giáo dục.", pub="2025-10-03")
    ag = _of(evs, "agreement")
    assert len(ag) == 2
    assert sorted(str(e["date"])[:4] for e in ag) != ["2018", "2018"]


# ---- a subjectless when-clause shares the main clause's subject

def test_a_fronted_when_clause_takes_the_main_subject(res):
    evs = _evs(res, "Quả thật, khi tiếp Thủ tướng Canada Mark Carney tại Nhà Trắng hôm 7/10, Tổng thống Mỹ "
                    "Donald Trump tỏ ra thận trọng về thuế quan.", pub="2025-10-09")
    meet = _of(evs, "meeting")
    assert meet and sorted(meet[0]["participants"]) == ["Donald Trump", "Mark Carney"]


def test_a_when_clause_with_its_own_subject_keeps_it(res):
    # negative: "khi ông X tiếp Y": the clause names its subject; the main one is not added
    evs = _evs(res, "Khi Tổng thống Pháp Emmanuel Macron tiếp Thủ tướng Canada Mark Carney hôm 7/10, Tổng thống "
                    "Mỹ Donald Trump đang ở Florida.", pub="2025-10-09")
    meet = _of(evs, "meeting")
    assert meet and sorted(meet[0]["participants"]) == ["Emmanuel Macron", "Mark Carney"]


# ---- an earlier dated exchange after an agreed one

_AGREED = ("Armenia và Azerbaijan nhất trí trao đổi tù binh\n"
           "Chiều 4/9, Armenia và Azerbaijan nhất trí trao đổi toàn bộ tù binh còn lại sau vòng đàm phán tại Abu Dhabi.\n\n")


def test_a_dated_exchange_after_an_agreed_one_is_between_the_same_states(res):
    evs = _evs(res, _AGREED + "Đợt trao đổi tù binh trước đó được thực hiện từ ngày 12 đến 13/8 tại biên giới.",
               pub="2025-09-05")
    px = {e["date"]: (e["status"], sorted(e["participants"])) for e in _of(evs, "prisoner_exchange")}
    assert px.get("2025-08-12") == ("occurred", ["Armenia", "Azerbaijan"])
    assert any(st == "planned" for st, _ in px.values())


def test_a_dated_exchange_in_a_story_of_one_exchange_joins_it(res):
    # negative: no agreed (planned) exchange before it: the day is the reported exchange's own
    evs = _evs(res, "Armenia và Azerbaijan trao đổi tù binh\n"
                    "Armenia và Azerbaijan đã trao đổi 30 tù binh tại biên giới.\n\n"
                    "Đợt trao đổi tù binh được thực hiện hôm 12/8 tại cửa khẩu.", pub="2025-08-13")
    px = _of(evs, "prisoner_exchange")
    assert len(px) == 1 and px[0]["date"] == "2025-08-12"
