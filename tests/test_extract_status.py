"""Mention status (sukien.extract_status) on our own sentences through the real language layer:
a trip after a planned or reported act ("trước khi"), a possibility over a future "sẽ", called-off
plans (denied)."""
from __future__ import annotations

from test_extract import _evs, _mentions, _of, res  # noqa: F401 (res: the module's fixture)


# ---- a channel quoting a speaker; "trước khi" after a plan

def test_a_trip_after_a_planned_act_is_planned(res):
    ms = _mentions(res, "Theo chương trình, sáng 12/11, Chủ tịch nước sẽ dự phiên đối thoại với doanh nghiệp, "
                        "trước khi lên đường thăm chính thức Chile.", pub="2025-11-11")
    v = [m for m in ms if m.type == "visit"]
    assert v and v[0].status == "planned"


def test_a_trip_after_a_reported_act_stays_reported(res):
    ms = _mentions(res, "Hôm qua, Bộ trưởng Ngoại giao Lào dự hội nghị tại Jakarta, trước khi thăm Malaysia.",
                   pub="2025-11-11")
    v = [m for m in ms if m.type == "visit"]
    assert v and v[0].status == "occurred"


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


# ---- called-off plans are denied

def test_a_cancelled_summit_is_denied(res):
    evs = _evs(res, "Hội nghị thượng đỉnh Mỹ - Nga tại Budapest đã bị hủy.", pub="2025-10-22")
    meet = _of(evs, "meeting")
    assert meet and meet[0]["status"] == "denied"


def test_postponed_and_shelved_meetings_are_denied(res):
    for text in ("Nhà Trắng cho biết ông Trump tạm gác kế hoạch gặp ông Putin tại Budapest.",
                 "Cuộc gặp giữa ông Trump và ông Putin bị hoãn vô thời hạn.",
                 "Ông Trump hủy cuộc gặp với ông Putin tại Budapest."):
        evs = _evs(res, text, pub="2025-10-22")
        meet = _of(evs, "meeting")
        assert meet and meet[0]["status"] == "denied", text


def test_a_held_meeting_is_not_called_off(res):
    # negative: a far-away "bị hủy" in another clause does not deny the meeting
    evs = _evs(res, "Ngày 20/10, ông Trump gặp ông Putin tại Budapest, trong khi chuyến bay của phái đoàn bị hủy.",
               pub="2025-10-22")
    meet = _of(evs, "meeting")
    assert meet and meet[0]["status"] == "occurred"


# ---- a denied report scopes over its whole account (round 8)

def test_a_denied_report_covers_a_long_account_with_a_list(res):
    ms = _mentions(res, "Tại cuộc họp báo hôm 5/3, người phát ngôn đã bác bỏ thông tin cho rằng Bộ trưởng Quốc phòng "
                        "ba nước Thái Lan, Lào, Campuchia đã gặp kín tại Bangkok.", pub="2025-03-13")
    assert [m.status for m in ms if m.type == "meeting"] == ["denied"]


def test_a_new_speaker_after_the_denied_report_is_no_denial(res):
    # negative: "..., nói rằng X và Y đã gặp nhau": the speaker asserts the meeting
    ms = _mentions(res, "Hôm qua, Điện Kremlin bác bỏ thông tin về chuyến đi của Bộ trưởng Quốc phòng Nga, nói rằng "
                        "Nga và Ukraine đã gặp nhau tại Istanbul.", pub="2025-03-13")
    assert [m.status for m in ms if m.type == "meeting"] == ["occurred"]


# ---- a denied report: a cue cut off by the window, a length told in the denied account (set 12)

def test_a_denial_cue_cut_off_by_the_window_still_denies(res):
    # the words between "bác bỏ" and the noun put the cue across the start of the 70-character window
    ms = _mentions(res, "Người phát ngôn bác bỏ thông tin trên một số tờ báo nước ngoài rằng ông A và ông B đã có cuộc gặp.",
                   pub="2025-03-13")
    assert [m.status for m in ms if m.type == "meeting"] == ["denied"]


def test_a_length_in_the_denied_account_is_denied_with_it(res):
    ms = _mentions(res, "Tuy nhiên, người phát ngôn Bộ Ngoại giao Nga bác bỏ thông tin trên một số tờ báo khu vực rằng "
                        "ông Lavrov và ông Sybiha đã có cuộc gặp riêng kéo dài một giờ tại khách sạn.", pub="2025-03-23")
    assert [m.status for m in ms if m.type == "meeting"] == ["denied"]


def test_a_reported_meeting_with_its_length_stays_occurred(res):
    # negative: no denial, "kéo dài" tells a meeting that took place
    ms = _mentions(res, "Ông Lavrov và ông Sybiha đã có cuộc gặp riêng kéo dài một giờ tại khách sạn.", pub="2025-03-23")
    assert [m.status for m in ms if m.type == "meeting"] == ["occurred"]
