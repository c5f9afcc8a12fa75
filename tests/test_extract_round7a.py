"""Rules of the seventh blind round, mention level, on our own sentences through the real language
layer: a talk noun under "không có" competes for no time or length; a subjectless "Gặp A và B" is a
talk with each; a bare agreement that someone welcomes, breaks or keeps is no new agreement; the end
of talks welcomed in passing is no talks; a leader arriving "cùng Đoàn đại biểu ..." is a trip."""
from __future__ import annotations

from test_extract import _evs, _mentions, _of, res  # noqa: F401 (res: the module's fixture)

_SUMMIT = ("Cuộc gặp giữa Tổng thống Pháp Emmanuel Macron và Thủ tướng Ấn Độ Narendra Modi tại Geneva, "
           "Thụy Sĩ, kéo dài gần ba tiếng và kết thúc chiều nay{paren} mà không có thỏa thuận thương mại "
           "nào được ký.")


# ---- a talk noun under a negated existential takes no time or length

def test_a_denied_agreement_after_the_length_leaves_it_to_the_talks(res):
    evs = _evs(res, _SUMMIT.format(paren=" (12/6, giờ Việt Nam)"), pub="2025-06-12")
    m = _of(evs, "meeting")
    assert m and m[0]["duration_minutes"] == 180 and m[0]["date"] == "2025-06-12"


def test_a_denied_agreement_also_leaves_the_relative_time(res):
    evs = _evs(res, _SUMMIT.format(paren=""), pub="2025-06-12")
    m = _of(evs, "meeting")
    assert m and m[0]["duration_minutes"] == 180 and m[0]["date"] == "2025-06-12"


def test_an_asserted_agreement_still_competes_for_the_time(res):
    # negative: a signed agreement (no "không có") is an event of its own and keeps the nearer time
    evs = _evs(res, "Cuộc gặp giữa Tổng thống Pháp Emmanuel Macron và Thủ tướng Ấn Độ Narendra Modi tại "
                    "Geneva, Thụy Sĩ, kéo dài gần ba tiếng, trước khi hai bên ký thỏa thuận thương mại "
                    "chiều nay.", pub="2025-06-12")
    assert [e["date"] for e in _of(evs, "agreement")] == ["2025-06-12"]


# ---- a subjectless object verb with two objects: one talk with each

def test_a_subjectless_heading_with_two_objects_is_no_talk_between_them(res):
    evs = _evs(res, "Chủ tịch nước gặp lãnh đạo các nước tại Lima\n"
                    "Gặp Tổng thống Peru và Thủ tướng Canada\n"
                    "Chiều 14/11, Chủ tịch nước Lương Cường đã gặp Tổng thống Peru Dina Boluarte.\n\n"
                    "Tối 14/11, Chủ tịch nước Lương Cường gặp Thủ tướng Canada Justin Trudeau.",
               pub="2024-11-15")
    sides = [sorted(e["participants"]) for e in _of(evs, "meeting")]
    assert ["Dina Boluarte", "Justin Trudeau"] not in sides
    assert ["Justin Trudeau", "Luong Cuong"] in sides


def test_a_subject_with_two_objects_stays_one_talk(res):
    # negative: with a subject, "X gặp A và B" is left to the other rules (one talk of the three)
    evs = _evs(res, "Chiều 14/11, Chủ tịch nước Lương Cường gặp Tổng thống Peru Dina Boluarte và Thủ tướng "
                    "Canada Justin Trudeau.", pub="2024-11-15")
    assert any("Luong Cuong" in e["participants"] for e in _of(evs, "meeting"))


# ---- a bare agreement welcomed, broken or kept (mention level: the article's agreement is elsewhere)

def _agreements(res, text):
    return [m for m in _mentions(res, text, pub="2025-07-30") if m.type == "agreement"]


def test_who_welcomes_a_bare_agreement_is_no_side(res):
    ms = _agreements(res, "Tổng thư ký Liên hợp quốc António Guterres hoan nghênh thỏa thuận, còn Nhật Bản "
                          "kêu gọi kiềm chế.")
    assert ms and all(not m.participants and not m.flags.get("asserted") for m in ms)


def test_a_breach_of_the_agreement_is_no_new_agreement(res):
    ms = _agreements(res, "Tối 29/7, Thái Lan cáo buộc Campuchia vi phạm thỏa thuận.")
    assert ms and not any(m.flags.get("asserted") for m in ms)


def test_an_agreement_with_its_sides_after_welcome_keeps_them(res):
    # negative: the welcomed agreement names its sides: the existing rule gives them, still asserted
    ms = _agreements(res, "Nhật Bản hoan nghênh thỏa thuận giữa Thái Lan và Campuchia ký hôm 28/7.")
    assert any(sorted(m.participants) == ["Cambodia", "Thailand"] and m.flags.get("asserted") for m in ms)


def test_a_signed_bare_agreement_is_still_asserted(res):
    # negative: signing is neither welcome nor breach
    ms = _agreements(res, "Tối 29/7, Thái Lan và Campuchia đã ký thỏa thuận.")
    assert any(m.flags.get("asserted") for m in ms)


# ---- the end of talks welcomed in passing

def test_welcoming_the_end_of_talks_is_no_talks(res):
    evs = _evs(res, "Tổng thống Pháp Emmanuel Macron và Thủ tướng Ấn Độ Narendra Modi hoan nghênh việc kết thúc đàm phán một số nội dung hợp tác thủy sản.",
               pub="2025-07-29")
    assert not _of(evs, "negotiation")


def test_talks_that_end_are_still_talks(res):
    # negative: no welcome before "kết thúc"
    evs = _evs(res, "Các phái đoàn Ai Cập và Ethiopia đã kết thúc vòng đàm phán thứ ba tại Nairobi hôm 14/9.",
               pub="2025-09-15")
    assert _of(evs, "negotiation")


# ---- a leader arriving with his delegation

def test_a_leader_arriving_with_the_delegation_is_a_trip(res):
    evs = _evs(res, "Chủ tịch nước Lương Cường cùng Đoàn đại biểu cấp cao Việt Nam tới Lima chiều 14/11, bắt "
                    "đầu chuyến công tác dự Hội nghị APEC.", pub="2024-11-14")
    v = _of(evs, "visit")
    assert v and sorted(v[0]["participants"]) == ["Luong Cuong", "Peru"] and v[0]["date"] == "2024-11-14"


def test_a_leader_arriving_with_the_spouse_is_a_trip(res):
    evs = _evs(res, "Chủ tịch nước Lương Cường cùng Phu nhân tới Lima chiều 14/11.", pub="2024-11-14")
    assert _of(evs, "visit")


def test_goods_arriving_with_a_convoy_are_no_trip(res):
    # negative: no person before the escort
    evs = _evs(res, "Hàng hóa cùng đoàn xe tới Lima chiều 14/11.", pub="2024-11-14")
    assert not _of(evs, "visit")


def test_another_leader_in_the_company_is_no_escort(res):
    # negative: "cùng Tổng thống Peru" names a person, not a delegation
    evs = _evs(res, "Chủ tịch nước Lương Cường cùng Tổng thống Peru tới Lima chiều 14/11.", pub="2024-11-14")
    assert not _of(evs, "visit")


# ---- delegations working together

def test_two_delegations_working_together_are_talks(res):
    evs = _evs(res, "Phái đoàn Ai Cập, do Ngoại trưởng Badr Abdelatty dẫn đầu, đã làm việc với phái đoàn Ethiopia "
                    "hôm thứ Bảy (7/6).", pub="2025-06-09")
    neg = _of(evs, "negotiation")
    assert neg and neg[0]["date"] == "2025-06-07" and "Ethiopia" in neg[0]["participants"]


def test_a_working_session_with_a_province_is_no_talks(res):
    # negative: "làm việc với" a home body is no diplomatic event
    evs = _evs(res, "Thủ tướng làm việc với tỉnh Quảng Ninh hôm 7/6.", pub="2025-06-09")
    assert not _of(evs, "negotiation")

