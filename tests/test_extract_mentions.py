"""The mention loop of sukien.extract (trigger scan and hit filtering, ``_mention``), on our own
sentences through the real language layer: negative forms of "chào", counted people exchanged only
in an exchange story, elliptic rounds only in a story of talks, a trip made to meet someone or to
co-chair a session, a trade truce, a ceasefire of "hai bên" between the states."""
from __future__ import annotations

import pytest

from test_extract import _evs, _mentions, _of, res  # noqa: F401 (res: the module's fixture)


_TALKS = ("Ai Cập và Ethiopia đàm phán về đập thủy điện\n"
          "Chiều 14/9, phái đoàn Ai Cập và phái đoàn Ethiopia đã đàm phán tại Nairobi về việc vận hành "
          "đập thủy điện trên sông Nile.\n\n")


# ---- coordinated verbs and "chào"

@pytest.mark.parametrize("sentence", [
    "Cả hội trường đứng lên chào cờ.",
    "Ông gửi lời chào tới các đại biểu.",
    "Hai nước chào mừng 30 năm thiết lập quan hệ ngoại giao.",
])
def test_chao_in_other_words_is_no_meeting(res, sentence):
    assert not [m for m in _mentions(res, sentence) if m.type == "meeting"]


# ---- counted people exchanged in an exchange story

def test_counted_people_exchanged_in_an_exchange_story(res):
    evs = _evs(res, "Nga và Ukraine trao đổi tù binh\n"
                    "Ngày 24/5, Nga và Ukraine đã trao đổi 390 tù binh mỗi bên với sự trung gian của Thổ Nhĩ Kỳ. "
                    "Trước đó, hôm 16/5, hai bên đã trao đổi 120 người mỗi bên.", pub="2025-05-25")
    ex = _of(evs, "prisoner_exchange")
    assert sorted(e["date"] for e in ex) == ["2025-05-16", "2025-05-24"]
    assert all(sorted(e["participants"]) == ["Russia", "Ukraine"] for e in ex)


@pytest.mark.parametrize("text", [
    # no exchange reported: counted people are no exchange
    "Hôm 16/5, hai bên đã trao đổi 120 người tham gia chương trình học bổng.",
    # an exchange story, but no number: a talk with a counterpart
    "Ngày 24/5, Nga và Ukraine đã trao đổi 390 tù binh mỗi bên. Cùng ngày, Ngoại trưởng Nga Sergei Lavrov "
    "trao đổi với người đồng cấp Thổ Nhĩ Kỳ về vấn đề này.",
])
def test_no_exchange_of_people_without_the_story_or_a_number(res, text):
    ms = _mentions(res, text, pub="2025-05-25")
    assert len([m for m in ms if m.type == "prisoner_exchange" and "người" in m.trigger]) == 0


# ---- a trip to co-chair a session stays a trip

def test_a_trip_to_co_chair_a_session_is_a_planned_visit(res):
    evs = _evs(res, "Hai Thủ tướng Việt Nam và Campuchia hội đàm trực tuyến\n"
                    "Sáng 8/1, Thủ tướng Phạm Minh Chính hội đàm trực tuyến với Thủ tướng Campuchia Hun Manet. "
                    "Theo kế hoạch, Thủ tướng Hun Manet sẽ sang Hà Nội vào cuối tháng 3 để cùng Thủ tướng "
                    "Phạm Minh Chính đồng chủ trì Kỳ họp Ủy ban hỗn hợp.", pub="2026-01-08")
    v = _of(evs, "visit")
    assert len(v) == 1 and sorted(v[0]["participants"]) == ["Hun Manet", "Vietnam"]
    assert v[0]["status"] == "planned" and v[0]["date"] == "2026-03"


def test_a_trip_to_meet_someone_is_the_meeting(res):
    evs = _evs(res, "Thủ tướng Nhật Bản Ishiba Shigeru sẽ tới Washington vào ngày 7/2 để gặp Tổng thống "
                    "Donald Trump.", pub="2025-02-01")
    assert _of(evs, "visit") == [] and len(_of(evs, "meeting")) == 1


# ---- a trade truce is an agreement

def test_a_trade_truce_is_an_agreement(res):
    ms = _mentions(res, "Ngày 30/10, Tổng thống Mỹ Donald Trump và Chủ tịch Trung Quốc Tập Cận Bình đạt thỏa thuận "
                        "đình chiến thương mại trong một năm.", pub="2025-10-31")
    assert [m.type for m in ms] == ["agreement"]


def test_a_truce_without_a_trade_word_is_a_ceasefire(res):
    ms = _mentions(res, "Ngày 30/10, Nga và Ukraine đạt thỏa thuận đình chiến trong ba ngày.", pub="2025-10-31")
    assert [m.type for m in ms] == ["ceasefire"]


# ---- a ceasefire between the states of the leaders who agree it

def test_ceasefire_of_hai_ben_after_a_leaders_meeting_is_between_the_states(res):
    evs = _evs(res, "Hai nước đồng ý ngừng bắn\n"
                    "Chiều 12/5, Thủ tướng Ấn Độ Narendra Modi và Thủ tướng Pakistan Shehbaz Sharif gặp nhau tại Dubai.\n\n"
                    "Sau ba giờ thảo luận, hai bên đồng ý lệnh ngừng bắn có hiệu lực từ 0h ngày 13/5.",
               pub="2025-05-13")
    cf = _of(evs, "ceasefire")
    assert cf and all(sorted(e["participants"]) == ["India", "Pakistan"] for e in cf)
    meet = _of(evs, "meeting")
    assert meet and sorted(meet[0]["participants"]) == ["Narendra Modi", "Shehbaz Sharif"]


# ---- earlier rounds told with their own date

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


# ---- a trade truce in quotes (round 8)

def test_a_quoted_trade_truce_is_an_agreement(res):
    evs = _evs(res, "Sau hội nghị: Nhật Bản và Hàn Quốc \"đình chiến\" thương mại sáu tháng", pub="2025-10-31")
    assert _of(evs, "agreement") and not _of(evs, "ceasefire")


def test_a_quoted_ceasefire_without_trade_stays_a_ceasefire(res):
    # negative: no trade word after the closing quote
    evs = _evs(res, "Sáng 3/2, Thái Lan và Campuchia \"đình chiến\" tại biên giới.", pub="2025-02-03")
    assert _of(evs, "ceasefire")


# ---- a round of an exchange named without its captives (round 8)

def test_a_round_of_exchange_in_an_exchange_story_is_an_exchange(res):
    ms = _mentions(res, "Hôm 8/3, phe nổi dậy đã thả 5 con tin, đổi lấy 40 tù nhân.\n\n"
                        "Theo kế hoạch, đợt trao đổi thứ hai sẽ diễn ra vào thứ Bảy tới (15/3).", pub="2025-03-10")
    assert ("2025-03-15", "planned") in [(m.date, m.status) for m in ms if m.type == "prisoner_exchange"]


def test_a_round_of_exchange_outside_an_exchange_story_is_no_event(res):
    # negative: "đợt trao đổi" of students, in an article that reports no exchange
    ms = _mentions(res, "Hai trường đại học hợp tác\n"
                        "Đợt trao đổi sinh viên thứ hai sẽ diễn ra vào thứ Bảy tới (15/3).", pub="2025-03-10")
    assert not [m for m in ms if m.type == "prisoner_exchange"]


# ---- requests voiced in a reported talk: talking points, no proposals

@pytest.mark.parametrize("sentence, talking", [
    # a group addressed at the talk
    ("Thủ tướng đề nghị các tập đoàn Đức tăng đầu tư vào năng lượng tái tạo.", True),
    ("Bộ trưởng đề nghị các nhà đầu tư Úc quan tâm tới lĩnh vực logistics.", True),
    ("Bộ trưởng đề nghị các nước ASEAN giữ vững lập trường chung về Biển Đông.", True),
    # a concrete plan addressed to a group stays a proposal
    ("Bộ trưởng đề nghị các nước ASEAN tổ chức hội nghị đặc biệt vào tháng tới.", False),
])
def test_requests_to_groups_are_talking_points(res, sentence, talking):
    ms = [m for m in _mentions(res, sentence) if m.type == "proposal"]
    assert ms and ms[0].flags.get("talking_point") is talking


def test_a_request_joined_to_a_talking_point_is_one_too(res):
    ms = [m for m in _mentions(res, "Chủ tịch nước đề nghị phía Đức ủng hộ việc mở cửa thị trường cho nông sản "
                                    "Việt Nam và đề nghị Ủy ban châu Âu sớm dỡ bỏ cảnh báo đối với thủy sản.")
          if m.type == "proposal"]
    assert len(ms) == 2 and all(m.flags["talking_point"] for m in ms)


@pytest.mark.parametrize("sentence", [
    # the first request is a concrete plan (no talking point): the joined one is judged on its own
    "Bộ trưởng đề nghị hai bên tổ chức đối thoại chiến lược vào năm sau "
    "và đề nghị Liên hợp quốc tổ chức hội nghị giám sát.",
    # joined to a talking point, but a concrete plan of its own
    "Bộ trưởng đề nghị phía Lào tăng cường kết nối hạ tầng "
    "và đề nghị hai bên tổ chức hội nghị đầu tư vào tháng 9.",
])
def test_a_concrete_request_stays_a_proposal(res, sentence):
    ms = [m for m in _mentions(res, sentence) if m.type == "proposal"]
    assert len(ms) == 2 and ms[-1].flags["talking_point"] is False


# ---- a fronted talk noun with one named side: "Tại cuộc hội đàm với Y, hai bên ..."

_TRIP = ("Dấu ấn được tạo dựng trong chuyến thăm chính thức Malaysia của Chủ tịch nước Lương Cường "
         "hồi tuần trước. ")


def _talks(res, text):
    return [m for m in _mentions(res, text) if m.type == "meeting"]


def test_fronted_talk_with_both_sides_as_subject_takes_the_visitor(res):
    ms = _talks(res, _TRIP + "Tại cuộc hội đàm kéo dài hơn một giờ với Thủ tướng Anwar Ibrahim, "
                             "hai bên đã nhất trí tăng cường hợp tác quốc phòng.")
    assert len(ms) == 1 and ms[0].participants == ["Luong Cuong", "Anwar Ibrahim"]
    assert ms[0].flags["asserted"]
    evs = _evs(res, "Quan hệ Việt Nam - Malaysia\n" + _TRIP + "Tại cuộc hội đàm kéo dài hơn một giờ với "
               "Thủ tướng Anwar Ibrahim, hai bên đã nhất trí tăng cường hợp tác quốc phòng.")
    assert [sorted(e["participants"]) for e in _of(evs, "meeting")] == [["Anwar Ibrahim", "Luong Cuong"]]


@pytest.mark.parametrize("sentence", [
    # the main clause has a subject of its own, no plural reference
    "Tại cuộc hội đàm kéo dài hơn một giờ với Thủ tướng Anwar Ibrahim, Bộ Quốc phòng Malaysia "
    "công bố kế hoạch diễn tập.",
    # not fronted: the talk noun is inside the clause
    "Giới quan sát đánh giá cao cuộc hội đàm với Thủ tướng Anwar Ibrahim, hai bên đều hài lòng.",
])
def test_fronted_talk_rule_needs_a_fronted_noun_and_a_plural_subject(res, sentence):
    ms = _talks(res, _TRIP + sentence)
    assert all("Luong Cuong" not in m.participants for m in ms)


def test_fronted_talk_takes_no_one_of_the_same_country(res):
    ms = _talks(res, "Thủ tướng Malaysia Anwar Ibrahim trở về Kuala Lumpur hôm qua. Tại cuộc gặp với "
                     "Quốc vương Malaysia Sultan Ibrahim, hai bên bàn về tình hình khu vực.")
    assert all("Anwar Ibrahim" not in m.participants for m in ms)


def test_fronted_talk_takes_no_side_when_several_persons_came_before(res):
    # the sentence before names a talk of two others: which of them met Y is not this rule's call
    ms = _talks(res, "Sáng 12/10, Thủ tướng Phạm Minh Chính gặp Thủ tướng Nhật Bản Shigeru Ishiba. "
                     "Tại cuộc gặp với Tổng thống Hàn Quốc Lee Jae-myung, hai bên bàn về chất bán dẫn.")
    assert all("Shigeru Ishiba" not in m.participants for m in ms if "Lee Jae-myung" in m.participants)


def test_upgrading_relations_is_an_agreement_of_the_two_states(res):
    evs = _evs(res, "Việt Nam và Australia nâng cấp quan hệ\n"
                    "Trong chuyến thăm của Thủ tướng Phạm Minh Chính tới Canberra hồi tháng 3/2024, hai nước đã "
                    "nâng cấp quan hệ lên Đối tác chiến lược toàn diện.", pub="2025-03-25")
    ag = _of(evs, "agreement")
    assert len(ag) == 1 and set(ag[0]["participants"]) == {"Vietnam", "Australia"}
    assert ag[0]["date"] == "2024-03"
    # raising a trade figure is no upgrade of relations
    evs = _evs(res, "Năm ngoái, hai nước nâng kim ngạch thương mại song phương lên 20 tỷ USD.", pub="2025-03-25")
    assert not _of(evs, "agreement")
