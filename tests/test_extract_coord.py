"""Mention-level rules of the third blind round, on our own sentences through the real language
layer: coordinated verbs share their clause's modality and time ("sẽ hội kiến A, chào B"), a bare
movement verb as a leader's arrival ("X tới Y sáng nay"), joint statements and witnessed signings as
acts of the states, start days and counted periods in dates, a news agency quoting a speaker, "trước
khi" after a plan, the chair of talks in the passive and a talk length after "diễn ra ... và kéo dài"."""
from __future__ import annotations

import pytest

from test_extract import _evs, _mentions, _of, res  # noqa: F401 (res: the module's fixture)


# ---- coordinated verbs and "chào"

def test_a_courtesy_call_coordinated_after_a_planned_meeting_is_planned_and_dated(res):
    evs = _evs(res, "Thủ tướng Australia Anthony Albanese thăm Việt Nam\n"
                    "Chiều 3/6, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Australia Anthony Albanese "
                    "tại Hà Nội.\n\nNgày mai (4/6), Thủ tướng Anthony Albanese sẽ hội kiến Tổng Bí thư Tô Lâm, "
                    "chào Chủ tịch nước Lương Cường.", pub="2025-06-04")
    meet = {tuple(sorted(e["participants"])): e for e in _of(evs, "meeting")}
    call = meet[("Anthony Albanese", "Luong Cuong")]
    assert call["status"] == "planned" and call["date"] == "2025-06-04"
    assert meet[("Anthony Albanese", "To Lam")]["status"] == "planned"


@pytest.mark.parametrize("sentence", [
    "Cả hội trường đứng lên chào cờ.",
    "Ông gửi lời chào tới các đại biểu.",
    "Hai nước chào mừng 30 năm thiết lập quan hệ ngoại giao.",
])
def test_chao_in_other_words_is_no_meeting(res, sentence):
    assert not [m for m in _mentions(res, sentence) if m.type == "meeting"]


def test_a_coordinated_verb_without_a_counterpart_takes_nothing_from_the_clause_before(res):
    ms = _mentions(res, "Ngày 11/6, Thủ tướng Phạm Minh Chính sẽ hội kiến Tổng thống Pháp Emmanuel Macron, "
                        "thăm quan bảo tàng.", pub="2025-06-10")
    assert all(m.participants for m in ms if m.type == "meeting")


# ---- a bare movement verb as an arrival

def test_a_leader_arriving_abroad_at_a_stated_time_is_a_visit(res):
    evs = _evs(res, "Tổng thống Pháp thăm Ấn Độ\n"
                    "Tổng thống Pháp Emmanuel Macron tới New Delhi chiều nay và phát biểu trước Quốc hội Ấn Độ.",
               pub="2025-06-04")
    visits = _of(evs, "visit")
    assert visits and visits[0]["participants"] == ["Emmanuel Macron", "India"]
    assert visits[0]["date"] == "2025-06-04"


@pytest.mark.parametrize("sentence", [
    "Hàng hóa của Việt Nam xuất khẩu sang Mỹ tăng mạnh trong tháng 5.",
    "Từ ngày 3/6 đến ngày 5/6, hai bên sẽ tổ chức các cuộc tham vấn.",
    "Tổng thống Pháp Emmanuel Macron đến Paris tối qua.",          # home: no trip abroad
    "Tổng thống Pháp Emmanuel Macron tới New Delhi để dự hội nghị.",   # no time: not this form
])
def test_a_bare_movement_verb_is_no_visit_otherwise(res, sentence):
    assert not [m for m in _mentions(res, sentence, pub="2025-06-04") if m.type == "visit"]


# ---- acts of the states

def test_a_joint_statement_adopted_to_upgrade_relations_is_the_agreement_of_the_two_states(res):
    evs = _evs(res, "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Australia\n"
                    "Chiều 3/6, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Australia Anthony Albanese "
                    "tại Hà Nội.\n\nKết thúc hội đàm, hai thủ tướng thông qua tuyên bố chung nâng quan hệ hai "
                    "nước lên Đối tác chiến lược toàn diện.", pub="2025-06-04")
    agr = _of(evs, "agreement")
    assert len(agr) == 1 and sorted(agr[0]["participants"]) == ["Australia", "Vietnam"]


def test_leaders_witnessing_a_signing_are_no_parties_their_countries_are(res):
    evs = _evs(res, "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Australia\n"
                    "Chiều 3/6, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Australia Anthony Albanese "
                    "tại Hà Nội.\n\nSau hội đàm, hai Thủ tướng chứng kiến lễ ký 4 văn kiện hợp tác giữa các bộ, "
                    "ngành hai nước về giáo dục và năng lượng.", pub="2025-06-04")
    agr = _of(evs, "agreement")
    assert len(agr) == 1 and sorted(agr[0]["participants"]) == ["Australia", "Vietnam"]


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


# ---- a channel quoting a speaker; "trước khi" after a plan

def test_the_agency_quoting_a_speaker_is_no_proposer(res):
    ms = _mentions(res, "Reuters dẫn lời ông Volodymyr Zelensky cho biết Kiev sẵn sàng cho một lệnh ngừng bắn "
                        "hoàn toàn, đồng thời đề nghị tổ chức một cuộc gặp cấp cao.", pub="2025-05-20")
    props = [m for m in ms if m.type == "proposal"]
    assert props and props[0].participants == ["Volodymyr Zelensky"]


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


# ---- the chair in the passive; a talk length after "diễn ra ... và kéo dài"

def test_the_chair_of_talks_in_the_passive_joins_them_with_their_length(res):
    evs = _evs(res, "Hai nước đối thoại tại Doha\nSáng 5/6, Bộ trưởng Ngoại giao Ấn Độ và Bộ trưởng Ngoại "
                    "giao Pakistan đã gặp nhau tại Doha trong cuộc đàm phán do Thủ tướng Qatar Mohammed bin "
                    "Abdulrahman Al Thani chủ trì.\n\nCuộc đàm phán diễn ra tại một khách sạn ở thủ đô Doha và "
                    "kéo dài hơn ba tiếng.", pub="2025-06-06")
    talks = [e for e in evs if e["type"] in ("meeting", "negotiation")]
    assert len(talks) == 1
    assert "Mohammed bin Abdulrahman Al Thani" in talks[0]["participants"]
    assert talks[0]["duration_minutes"] == 180


# ---- a summit one is invited to attend

def test_a_summit_named_in_an_invitation_is_no_side_of_the_talks_planned_beside_it(res):
    evs = _evs(res, "Thủ tướng Phạm Minh Chính điện đàm với Thủ tướng Lào\n"
                    "Chiều 15/4, Thủ tướng Phạm Minh Chính điện đàm với Thủ tướng Lào Sonexay Siphandone.\n\n"
                    "Thủ tướng Sonexay Siphandone mời Thủ tướng Phạm Minh Chính sang dự Hội nghị Cấp cao ASEAN "
                    "tại Vientiane. Hai nhà lãnh đạo nhất trí sẽ có cuộc gặp song phương bên lề Hội nghị vào "
                    "tháng 10.", pub="2025-04-16")
    planned = [e for e in evs if e["type"] == "meeting" and e["status"] == "planned"]
    assert planned and "ASEAN" not in planned[0]["participants"]


def test_a_summit_reported_as_attended_is_still_an_event(res):
    ms = _mentions(res, "Ngày 26/10, Thủ tướng Phạm Minh Chính dự Hội nghị Cấp cao ASEAN tại Kuala Lumpur.",
                   pub="2025-10-27")
    assert any(m.type == "meeting" and m.flags["asserted"] for m in ms)
