"""Mention-level rules of the fifth blind round, on our own sentences through the real language
layer: a ceasefire agreed by leaders of two states is between the states (also when its sides are
"hai bên"), and a past talk listed with several days is one talk a day."""
from __future__ import annotations

from test_extract import _evs, _of, res  # noqa: F401 (res: the module's fixture)


# ---- a ceasefire between the states of the leaders who agree it

def test_ceasefire_agreed_by_two_leaders_is_between_their_states(res):
    evs = _evs(res, "Xung đột biên giới tạm lắng\n"
                    "Tối 12/5, Thủ tướng Ấn Độ Narendra Modi và Thủ tướng Pakistan Shehbaz Sharif nhất trí ngừng bắn "
                    "trên toàn tuyến biên giới.", pub="2025-05-13")
    cf = _of(evs, "ceasefire")
    assert len(cf) == 1 and sorted(cf[0]["participants"]) == ["India", "Pakistan"]


def test_ceasefire_of_hai_ben_after_a_leaders_meeting_is_between_the_states(res):
    evs = _evs(res, "Hai nước đồng ý ngừng bắn\n"
                    "Chiều 12/5, Thủ tướng Ấn Độ Narendra Modi và Thủ tướng Pakistan Shehbaz Sharif gặp nhau tại Dubai.\n\n"
                    "Sau ba giờ thảo luận, hai bên đồng ý lệnh ngừng bắn có hiệu lực từ 0h ngày 13/5.",
               pub="2025-05-13")
    cf = _of(evs, "ceasefire")
    assert cf and all(sorted(e["participants"]) == ["India", "Pakistan"] for e in cf)
    meet = _of(evs, "meeting")
    assert meet and sorted(meet[0]["participants"]) == ["Narendra Modi", "Shehbaz Sharif"]


def test_ceasefire_between_an_armed_group_and_a_state_keeps_the_group(res):
    # negative: a group is no person of a state; nothing is mapped
    evs = _evs(res, "Hamas và Israel nhất trí ngừng bắn tại Dải Gaza từ trưa 10/10.", pub="2025-10-11")
    cf = _of(evs, "ceasefire")
    assert cf and "Hamas" in cf[0]["participants"]


# ---- one past talk a listed day

_CALLS = ("Tổng thống Pháp điện đàm với Thủ tướng Đức\n"
          "Tối 20/11, Tổng thống Pháp Emmanuel Macron điện đàm với Thủ tướng Đức Friedrich Merz.\n\n")


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


# ---- "X hội đàm với Y, người đang có chuyến thăm ...": Y visits, not the host

def test_the_visitor_is_the_person_the_relative_clause_describes(res):
    evs = _evs(res, "Chủ tịch nước hội đàm với Tổng thống Indonesia\n"
                    "Sáng 10/3, tại Phủ Chủ tịch, Chủ tịch nước Lương Cường đã chủ trì lễ đón và hội đàm với Tổng thống "
                    "Indonesia Prabowo Subianto, người đang có chuyến thăm chính thức Việt Nam từ ngày 9 đến 11/3/2025.",
               pub="2025-03-10")
    visits = _of(evs, "visit")
    assert visits and all("Luong Cuong" not in e["participants"] for e in visits)
    assert any("Prabowo Subianto" in e["participants"] for e in visits)


def test_a_host_without_a_relative_clause_is_still_the_subject_of_his_own_trip(res):
    # negative: no "người ..." clause: the sentence's subject makes the trip
    evs = _evs(res, "Chủ tịch nước thăm Indonesia\n"
                    "Sáng 10/3, tại Jakarta, Chủ tịch nước Lương Cường hội đàm với Tổng thống Indonesia Prabowo "
                    "Subianto trong chuyến thăm cấp nhà nước Indonesia.", pub="2025-03-10")
    visits = _of(evs, "visit")
    assert visits and all("Prabowo Subianto" not in e["participants"] for e in visits)
