"""Argument rules of event mentions (sukien.extract_args) on our own sentences through the real
language layer: the sides of joint statements, witnessed signings and ceasefires agreed by leaders
(their states), a news agency quoting a speaker, the chair of talks in the passive, a summit one is
invited to, ", sau đó" carrying the subject, a visit's length before its sides, a forum after "bên
lề", the visitor of ", người đang có chuyến thăm", "kết thúc" before a talk noun, third parties
welcoming what others agreed."""
from __future__ import annotations

import pytest

from test_extract import _evs, _mentions, _of, res  # noqa: F401 (res: the module's fixture)


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


# ---- a channel quoting a speaker; "trước khi" after a plan

def test_the_agency_quoting_a_speaker_is_no_proposer(res):
    ms = _mentions(res, "Reuters dẫn lời ông Volodymyr Zelensky cho biết Kiev sẵn sàng cho một lệnh ngừng bắn "
                        "hoàn toàn, đồng thời đề nghị tổ chức một cuộc gặp cấp cao.", pub="2025-05-20")
    props = [m for m in ms if m.type == "proposal"]
    assert props and props[0].participants == ["Volodymyr Zelensky"]


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


# ---- courtesy calls, one per host leader; ", sau đó" carries the subject

def test_courtesy_calls_after_sau_do_are_one_planned_call_each(res):
    evs = _evs(res, "Tổng thống Indonesia thăm Việt Nam\n"
                    "Theo lịch trình, chiều 10/3, Tổng thống Indonesia Prabowo Subianto sẽ hội đàm với Tổng Bí thư "
                    "Tô Lâm, sau đó hội kiến Chủ tịch nước Lương Cường và Thủ tướng Phạm Minh Chính.",
               pub="2025-03-10")
    meet = {tuple(sorted(e["participants"])): e for e in _of(evs, "meeting")}
    assert set(meet) == {("Prabowo Subianto", "To Lam"), ("Luong Cuong", "Prabowo Subianto"),
                         ("Pham Minh Chinh", "Prabowo Subianto")}
    for e in meet.values():
        assert e["status"] == "planned" and e["date"] == "2025-03-10"


# ---- a visit's length between the noun and its sides

def test_a_visit_with_its_length_before_the_visitor(res):
    ms = _mentions(res, "Chuyến thăm kéo dài ba ngày của Thủ tướng Ấn Độ Narendra Modi tới Việt Nam bắt đầu "
                        "hôm nay.", pub="2025-06-05")
    v = [m for m in ms if m.type == "visit"]
    assert v and sorted(v[0].participants) == ["Narendra Modi", "Vietnam"]


# ---- a forum after "bên lề" is no side

@pytest.mark.parametrize("sentence, sides", [
    ("Hôm nay, Chủ tịch Trung Quốc Tập Cận Bình dự kiến gặp Thủ tướng Nhật Bản Ishiba Shigeru bên lề APEC.",
     ["Shigeru Ishiba", "Xi Jinping"]),
    ("Ngày 12/11, Chủ tịch Trung Quốc Tập Cận Bình gặp Thủ tướng Nhật Bản Ishiba Shigeru bên lề Hội nghị cấp cao "
     "APEC tại Lima.", ["Shigeru Ishiba", "Xi Jinping"]),
])
def test_a_forum_on_whose_sidelines_two_leaders_meet_is_no_side(res, sentence, sides):
    ms = [m for m in _mentions(res, sentence, pub="2025-11-12") if m.trigger.lower() == "gặp"]
    assert ms and sorted(ms[0].participants) == sides


def test_an_organization_met_is_still_a_side(res):
    ms = _mentions(res, "Ngày 12/11, Thủ tướng Nhật Bản Ishiba Shigeru gặp Tổng thư ký Liên hợp quốc António "
                        "Guterres.", pub="2025-11-12")
    assert sorted(ms[0].participants) == ["António Guterres", "Shigeru Ishiba"]


# ---- a ceasefire between the states of the leaders who agree it

def test_ceasefire_agreed_by_two_leaders_is_between_their_states(res):
    evs = _evs(res, "Xung đột biên giới tạm lắng\n"
                    "Tối 12/5, Thủ tướng Ấn Độ Narendra Modi và Thủ tướng Pakistan Shehbaz Sharif nhất trí ngừng bắn "
                    "trên toàn tuyến biên giới.", pub="2025-05-13")
    cf = _of(evs, "ceasefire")
    assert len(cf) == 1 and sorted(cf[0]["participants"]) == ["India", "Pakistan"]


def test_ceasefire_between_an_armed_group_and_a_state_keeps_the_group(res):
    # negative: a group is no person of a state; nothing is mapped
    evs = _evs(res, "Hamas và Israel nhất trí ngừng bắn tại Dải Gaza từ trưa 10/10.", pub="2025-10-11")
    cf = _of(evs, "ceasefire")
    assert cf and "Hamas" in cf[0]["participants"]


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


# ---- "kết thúc" before a talk noun asserts it, with its subject as the sides

def test_ending_a_round_names_its_sides(res):
    evs = _evs(res, "Các phái đoàn Ai Cập và Ethiopia đã kết thúc vòng đàm phán thứ ba tại Nairobi hôm 14/9.",
               pub="2025-09-15")
    neg = _of(evs, "negotiation")
    assert neg and sorted(neg[0]["participants"]) == ["Egypt", "Ethiopia"]


# ---- third parties welcoming an agreement of others

def test_welcoming_an_agreement_of_two_others_takes_no_part(res):
    evs = _evs(res, "Pháp hoan nghênh thỏa thuận ngừng bắn của Israel và Hamas.", pub="2025-10-10")
    cf = _of(evs, "ceasefire")
    assert cf and all("France" not in e["participants"] for e in cf)
    assert sorted(cf[0]["participants"]) == ["Hamas", "Israel"]


def test_greeting_a_ceasefire_between_others(res):
    for verb in ("chào mừng", "hoan nghênh"):
        evs = _evs(res, f"Liên hợp quốc {verb} lệnh ngừng bắn của Thái Lan và Campuchia.", pub="2025-07-29")
        cf = _of(evs, "ceasefire")
        assert cf and sorted(cf[0]["participants"]) == ["Cambodia", "Thailand"], verb


def test_the_sides_welcoming_their_own_agreement_stay_sides(res):
    # negative: the welcoming sides are the agreement's own sides
    evs = _evs(res, "Israel và Hamas hoan nghênh thỏa thuận ngừng bắn của hai bên.", pub="2025-10-10")
    cf = _of(evs, "ceasefire")
    assert cf and sorted(cf[0]["participants"]) == ["Hamas", "Israel"]


# ---- documents exchanged between "hai bên", a signing witnessed by those named after it (round 8)

_TALKS_JP = "Chiều 3/2, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản Ishiba Shigeru tại Hà Nội. "


def test_documents_exchanged_by_the_two_sides_are_an_agreement_of_the_states(res):
    evs = _evs(res, _TALKS_JP + "Sau hội đàm, hai bên đã trao chín văn kiện hợp tác.", pub="2025-02-03")
    ag = _of(evs, "agreement")
    assert ag and sorted(ag[0]["participants"]) == ["Japan", "Vietnam"] and ag[0]["quantities"].get("documents") == 9


def test_a_signing_witnessed_by_leaders_named_after_it_is_between_their_states(res):
    evs = _evs(res, _TALKS_JP + "Sau hội đàm, các bộ, ngành đã trao 12 văn kiện hợp tác dưới sự chứng kiến của Thủ "
                                "tướng Phạm Minh Chính và Thủ tướng Ishiba Shigeru.", pub="2025-02-03")
    assert [sorted(e["participants"]) for e in _of(evs, "agreement")] == [["Japan", "Vietnam"]]


def test_a_single_agreement_of_named_leaders_keeps_them(res):
    # negative: no count of documents, no witness: the leaders who sign stay the sides
    evs = _evs(res, "Chiều 3/2, Thủ tướng Phạm Minh Chính và Thủ tướng Nhật Bản Ishiba Shigeru đã ký thỏa thuận về "
                    "lao động.", pub="2025-02-03")
    assert any("Pham Minh Chinh" in e["participants"] for e in _of(evs, "agreement"))


# ------------------------------------------------------------------ twelfth set, mention level (helper-b)

def test_the_length_after_keo_dai_is_its_subject_s_not_a_talk_after_it(res):
    """"vòng đàm phán ... kéo dài hơn 3 giờ, bao gồm các cuộc tiếp xúc ...": the round lasted."""
    ms = _mentions(res, 'Một nhà ngoại giao cho biết vòng đàm phán là "thẳng thắn" và kéo dài hơn 3 giờ, bao '
                        'gồm cả các cuộc tiếp xúc song phương.')
    neg = [m for m in ms if m.type == "negotiation"]
    assert neg and neg[0].duration_minutes == 180
    assert not any(m.duration_minutes for m in ms if m.type == "meeting")


def test_a_length_before_another_clause_stays_with_its_talk(res):
    ms = _mentions(res, "Cuộc gặp kéo dài 40 phút, sau đó hai bên cùng dự tiệc chiêu đãi.")
    assert [m.duration_minutes for m in ms if m.type == "meeting"] == [40]


def test_a_city_of_a_country_after_cua_is_the_venue_not_a_side(res):
    ms = _mentions(res, "Cuộc đàm phán giữa Ấn Độ và Pakistan hôm thứ Sáu (6/6) tại thủ đô Doha của Qatar kéo "
                        "dài ba giờ.")
    neg = [m for m in ms if m.type == "negotiation"]
    assert neg and set(neg[0].participants) == {"India", "Pakistan"} and neg[0].location == "Doha"


# ---- held-out 15 round (helper-d): the visitor in an apposition ", đang ở thăm ..."

def test_the_visitor_is_the_person_an_aspect_apposition_describes(res):
    evs = _evs(res, "Thủ tướng hội đàm với Tổng thống Chile\n"
                    "Sáng 9/4, Thủ tướng Phạm Minh Chính đã hội đàm với ông Gabriel Boric, Tổng thống Cộng hòa "
                    "Chile, đang ở thăm chính thức Việt Nam từ ngày 8 đến 10/4/2025.",
               pub="2025-04-09")
    visits = _of(evs, "visit")
    assert visits and all("Pham Minh Chinh" not in e["participants"] for e in visits)
    assert any(sorted(e["participants"]) == ["Gabriel Boric", "Vietnam"] for e in visits)


def test_a_relative_clause_with_o_tham_names_the_visitor_too(res):
    evs = _evs(res, "Chủ tịch nước Lương Cường tiếp Tổng thống Chile Gabriel Boric, người đang ở thăm Việt Nam "
                    "từ ngày 8 đến 10/4/2025.", pub="2025-04-09")
    visits = _of(evs, "visit")
    assert visits and all("Luong Cuong" not in e["participants"] for e in visits)
    assert any("Gabriel Boric" in e["participants"] for e in visits)


def test_a_subject_visiting_without_an_apposition_keeps_his_trip(res):
    # negative: no comma before "đang": the subject of the clause travels
    evs = _evs(res, "Chủ tịch nước Lương Cường đang ở thăm Chile và đã hội đàm với Tổng thống Gabriel Boric "
                    "hôm 9/4.", pub="2025-04-10")
    visits = _of(evs, "visit")
    assert visits and all("Gabriel Boric" not in e["participants"] for e in visits)


@pytest.mark.parametrize("sentence, ordinal", [
    ("Hai tổng thống điện đàm lần thứ hai, bàn về thuế quan và an ninh biên giới.", 2),
    ("Hai ngoại trưởng hội đàm lần thứ ba, tập trung vào hợp tác năng lượng.", 3),
    ("Hai ngoại trưởng hội đàm thứ Ba, tập trung vào hợp tác năng lượng.", None),     # a weekday
    ("Hai bộ trưởng gặp nhau thứ hai, ngày 3/11, tại Hà Nội.", None),                 # a weekday
])
def test_an_ordinal_counted_with_lan_is_never_a_weekday(res, sentence, ordinal):
    ms = _mentions(res, sentence)
    assert ms and ms[0].ordinal == ordinal


def test_a_recap_opened_inside_a_quotation_is_background(res):
    quoted = _mentions(res, "“Lần trước, tại Geneva, hai ngoại trưởng đã gặp nhau trong ba giờ”, ông nói.")
    plain = _mentions(res, "Lần trước, tại Geneva, hai ngoại trưởng đã gặp nhau trong ba giờ.")
    assert plain and plain[0].flags["background"]
    assert quoted and quoted[0].flags["background"]
