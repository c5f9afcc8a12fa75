"""Per-sentence rules (sukien.extract_sent) on our own sentences through the real language layer:
a bare movement verb as a leader's arrival, courtesy calls on several host leaders, a talk named
after "là", the speaker as the subject of a subjectless plan, a subjectless fronted when-clause, dash
pairs of countries after a talk noun."""
from __future__ import annotations

import pytest

from test_extract import _evs, _mentions, _of, res  # noqa: F401 (res: the module's fixture)


def _sides(evs, etype):
    return sorted(tuple(sorted(e["participants"])) for e in _of(evs, etype))


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


# ---- courtesy calls, one per host leader; ", sau đó" carries the subject

def test_courtesy_calls_with_their_own_subject_are_split(res):
    evs = _evs(res, "Chiều 10/3, Tổng thống Indonesia Prabowo Subianto hội kiến Chủ tịch nước Lương Cường "
                    "và Thủ tướng Phạm Minh Chính.", pub="2025-03-10")
    assert _sides(evs, "meeting") == [("Luong Cuong", "Prabowo Subianto"), ("Pham Minh Chinh", "Prabowo Subianto")]


@pytest.mark.parametrize("sentence", [
    # talks (not courtesy calls) with two officials of one country stay one meeting
    "Chiều 10/3, Tổng thống Mỹ Donald Trump hội đàm với Tổng thống Nga Vladimir Putin và Ngoại trưởng Nga "
    "Sergei Lavrov.",
    # leaders of different countries: one joint call
    "Chiều 10/3, Thủ tướng Phạm Minh Chính hội kiến Thủ tướng Lào Sonexay Siphandone và Thủ tướng Campuchia "
    "Hun Manet.",
])
def test_no_split_outside_courtesy_calls_on_one_host(res, sentence):
    evs = _evs(res, sentence, pub="2025-03-10")
    assert len(_of(evs, "meeting")) == 1


# ---- a talk named after "là"

def test_a_call_after_la_takes_the_pair_before_it(res):
    evs = _evs(res, "Ông Biden và ông Tập sẽ gặp nhau tại San Francisco\n"
                    "Tổng thống Mỹ Joe Biden và Chủ tịch Trung Quốc Tập Cận Bình sẽ gặp nhau vào ngày 15/11. "
                    "Lần gần nhất hai nhà lãnh đạo trao đổi là cuộc điện đàm hôm 28/7, khi họ thảo luận về "
                    "Đài Loan.", pub="2025-11-10")
    call = _of(evs, "phone_call")
    assert len(call) == 1 and sorted(call[0]["participants"]) == ["Joe Biden", "Xi Jinping"]
    assert call[0]["date"] == "2025-07-28" and call[0]["status"] == "occurred"


def test_a_call_after_la_with_named_persons(res):
    ms = _mentions(res, "Lần gần nhất ông Joe Biden và ông Tập Cận Bình trao đổi là cuộc điện đàm hôm 28/7.")
    call = [m for m in ms if m.type == "phone_call"]
    assert call and sorted(call[0].participants) == ["Joe Biden", "Xi Jinping"]


def test_a_topic_after_la_is_no_event(res):
    evs = _evs(res, "Tổng thống Mỹ Joe Biden và Chủ tịch Trung Quốc Tập Cận Bình sẽ gặp nhau vào ngày 15/11. "
                    "Chủ đề chính của hai nhà lãnh đạo là thương mại.", pub="2025-11-10")
    assert [e["type"] for e in evs] == ["meeting"]


# ---- the speaker of "X xác nhận sẽ thăm Y" is the visitor

def test_the_speaker_is_the_subject_of_a_subjectless_plan(res):
    evs = _evs(res, "Tổng thống Pháp Emmanuel Macron gặp Chủ tịch Trung Quốc Tập Cận Bình tại Paris ngày 6/5. "
                    "Ông Macron cũng xác nhận sẽ thăm Trung Quốc vào tháng 12.", pub="2025-05-07")
    v = _of(evs, "visit")
    assert len(v) == 1 and sorted(v[0]["participants"]) == ["China", "Emmanuel Macron"]
    assert v[0]["status"] == "planned" and v[0]["date"] == "2025-12"


@pytest.mark.parametrize("sentence", [
    "Ông Macron xác nhận Thủ tướng Pháp sẽ thăm Trung Quốc vào tháng 12.",   # another subject
    'Ông Macron nói: "Sẽ thăm Trung Quốc vào tháng 12".',                     # a quote
])
def test_the_speaker_is_not_the_subject_past_another_actor_or_a_quote(res, sentence):
    ms = [m for m in _mentions(res, sentence, pub="2025-05-07") if m.type == "visit"]
    assert all("Emmanuel Macron" not in m.participants for m in ms)


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


# ---- dash pairs of short country forms

def test_short_forms_of_a_dash_pair_are_both_sides(res):
    for pair, want in (("Mỹ – Trung", ["China", "United States"]), ("Mỹ-Trung", ["China", "United States"]),
                       ("Việt – Nhật", ["Japan", "Vietnam"])):
        evs = _evs(res, f"Ngày 8/5, vòng đàm phán thương mại {pair} diễn ra tại Geneva.", pub="2025-05-09")
        neg = _of(evs, "negotiation")
        assert len(neg) == 1 and sorted(neg[0]["participants"]) == want, pair


def test_full_names_joined_by_a_dash_after_a_topic(res):
    evs = _evs(res, "Hôm 20/2, cuộc gặp an ninh Nga – Mỹ diễn ra tại Riyadh.", pub="2025-02-21")
    meet = _of(evs, "meeting")
    assert meet and sorted(meet[0]["participants"]) == ["Russia", "United States"]


def test_a_short_form_without_a_dash_pair_is_no_country(res):
    # negatives: "miền Trung", a region pair, a conflict pair the talks are about
    ms = _mentions(res, "Ngày 8/5, Bộ trưởng Nguyễn Văn A làm việc với các tỉnh miền Trung – Tây Nguyên.", pub="2025-05-09")
    assert not any("China" in m.participants for m in ms)
    evs = _evs(res, "Ngày 8/5, cuộc gặp về xung đột Nga – Ukraine diễn ra tại Paris.", pub="2025-05-09")
    assert not any(sorted(e["participants"]) == ["Russia", "Ukraine"] for e in _of(evs, "meeting"))


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


# ---- the commas of a list of sides (round 8)

_TRIO = "Sáng 12/3, tại Viêng Chăn, {a}, {b} và Thủ tướng Campuchia Hun Manet đã có cuộc gặp ba bên."


def test_the_first_item_of_a_list_that_opens_the_clause_is_a_side(res):
    ms = _mentions(res, _TRIO.format(a="Tổng Bí thư Tô Lâm", b="Chủ tịch nước Lào Thongloun Sisoulith"),
                   pub="2025-03-13")
    assert any(sorted(m.participants) == ["Hun Manet", "Thongloun Sisoulith", "To Lam"] for m in ms)


def test_two_titles_of_one_person_are_no_clause_comma(res):
    ms = _mentions(res, "Tổng Bí thư Tô Lâm và Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith đã có cuộc gặp "
                        "tại Hà Nội.", pub="2025-03-13")
    assert any(sorted(m.participants) == ["Thongloun Sisoulith", "To Lam"] for m in ms)
    ms = _mentions(res, _TRIO.format(a="Tổng Bí thư Tô Lâm", b="Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith"),
                   pub="2025-03-13")
    assert any(sorted(m.participants) == ["Hun Manet", "Thongloun Sisoulith", "To Lam"] for m in ms)


def test_a_list_announced_by_its_count_is_one_list_of_sides(res):
    ms = _mentions(res, "Các Bộ trưởng Quốc phòng ba nước Thái Lan, Lào, Campuchia đã gặp kín tại Bangkok hôm 3/3.",
                   pub="2025-03-13")
    assert any(sorted(m.participants) == ["Cambodia", "Laos", "Thailand"] for m in ms if m.type == "meeting")


def test_a_frame_before_the_comma_is_no_list_item(res):
    # negative: "Sau cuộc gặp với A, B và C đã ...": A closes the frame, B and C are the sides
    ms = _mentions(res, "Sau cuộc gặp với Thủ tướng Ấn Độ Narendra Modi, Nga và Ukraine đã có cuộc đàm phán tại "
                        "Geneva.", pub="2025-03-13")
    assert any(sorted(m.participants) == ["Russia", "Ukraine"] for m in ms if m.type == "negotiation")


# ---- an event joined by "và" right before the trigger shares its time (round 8)

def test_a_ceremony_and_talks_share_the_time(res):
    ms = _mentions(res, "Sáng 12/5, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã chủ trì lễ đón chính thức và "
                        "hội đàm với Thủ tướng Malaysia Anwar Ibrahim, người đang có chuyến thăm chính thức Việt Nam "
                        "từ ngày 11 đến 13/5/2025.", pub="2025-05-12")
    assert [m.date for m in ms if m.type == "meeting"] == ["2025-05-12"]


def test_an_earlier_event_with_its_own_time_still_competes(res):
    # negative: a number (its own time) between the two: the later talks do not take "3/5"
    ms = _mentions(res, "Thủ tướng Phạm Minh Chính điện đàm với Thủ tướng Malaysia Anwar Ibrahim hôm 3/5 và hội đàm "
                        "với Tổng thống Indonesia Prabowo Subianto.", pub="2025-05-12")
    assert [m.date for m in ms if m.type == "meeting"] == [None]


# ---- a day counted in another event's days is a time phrase (round 8)

def test_a_release_on_the_first_day_of_a_truce_takes_that_day(res):
    ms = _mentions(res, "Ngay trong ngày đầu tiên ngừng bắn (8/3), phe nổi dậy đã thả 5 con tin, đổi lấy 40 tù nhân.",
                   pub="2025-03-13")
    assert [m.date for m in ms if m.type == "prisoner_exchange"] == ["2025-03-08"]


def test_a_truce_named_before_the_time_still_competes(res):
    # negative: no day count before the other noun: the nearer ceasefire keeps its own time
    ms = _mentions(res, "Sau lệnh ngừng bắn hôm 8/3, phe nổi dậy đã thả 5 con tin, đổi lấy 40 tù nhân vào ngày 10/3.",
                   pub="2025-03-13")
    assert [m.date for m in ms if m.type == "prisoner_exchange"] == ["2025-03-10"]


# ---- "lần lượt gặp (riêng) ông A và ông B": one talk with each, "và ông" no new clause

_HOSTS = ("Thủ tướng Ấn Độ Narendra Modi và Thủ tướng Nhật Bản Shigeru Ishiba dự hội nghị tại Washington. ")


@pytest.mark.parametrize("sentence", [
    "Trước đó, Tổng thống Mỹ Donald Trump lần lượt gặp ông Modi và ông Ishiba tại Nhà Trắng.",
    "Trước đó, Tổng thống Mỹ Donald Trump đã gặp riêng ông Modi và ông Ishiba vào buổi sáng.",
])
def test_talks_in_turn_with_two_named_persons_are_one_each(res, sentence):
    ms = [m for m in _mentions(res, _HOSTS + sentence) if m.type == "meeting"]
    assert sorted(tuple(m.participants) for m in ms) == [("Donald Trump", "Narendra Modi"),
                                                          ("Donald Trump", "Shigeru Ishiba")]


def test_va_ong_without_an_in_turn_cue_still_opens_a_clause(res):
    # "và ông Ishiba phát biểu": a new clause with its own subject, no second object of the talk
    ms = [m for m in _mentions(res, _HOSTS + "Tổng thống Mỹ Donald Trump gặp ông Modi và ông Ishiba phát biểu "
                                             "tại hội nghị.") if m.type == "meeting"]
    assert ms and all("Shigeru Ishiba" not in m.participants for m in ms)


# ---- held-out 15 round (helper-d): a country locating the place just before it carries no subject

def test_a_country_locating_a_city_is_not_the_subject_carried_to_a_trip(res):
    ms = _mentions(res, "Ngoại trưởng Trung Quốc Vương Nghị đã tới thành phố Danang, miền Trung Việt Nam, vào "
                        "chiều 3/7, bắt đầu chuyến thăm kéo dài hai ngày.", pub="2025-07-04")
    visits = [m for m in ms if m.type == "visit"]
    assert visits and "Wang Yi" in visits[0].participants and visits[0].participants[0] == "Wang Yi"


def test_a_subject_after_a_comma_clause_is_still_carried(res):
    # negative: "Việt Nam" opens its own clause (no place right before it): it is the carried subject
    ms = _mentions(res, "Hôm 3/7, Việt Nam tiếp nhận lô hàng viện trợ, đồng thời đề nghị Lào tăng cường hợp tác.",
                   pub="2025-07-04")
    props = [m for m in ms if m.type == "proposal"]
    assert props and props[0].participants[0] == "Vietnam"
