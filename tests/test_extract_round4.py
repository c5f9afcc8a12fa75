"""Mention-level rules of the fourth blind round, on our own sentences through the real language
layer: courtesy calls on several host leaders are one call each, ", sau đó <verb>" carries the
subject (and the plan) of the clause before it, a talk named after "là" takes the subject before
it, counted people exchanged in an exchange story, "chuyến thăm kéo dài N ngày của X tới Y" and a
trip to co-chair a session."""
from __future__ import annotations

import pytest

from test_extract import _evs, _mentions, _of, res  # noqa: F401 (res: the module's fixture)


def _sides(evs, etype):
    return sorted(tuple(sorted(e["participants"])) for e in _of(evs, etype))


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


# ---- a visit's length between the noun and its sides

def test_a_visit_with_its_length_before_the_visitor(res):
    ms = _mentions(res, "Chuyến thăm kéo dài ba ngày của Thủ tướng Ấn Độ Narendra Modi tới Việt Nam bắt đầu "
                        "hôm nay.", pub="2025-06-05")
    v = [m for m in ms if m.type == "visit"]
    assert v and sorted(v[0].participants) == ["Narendra Modi", "Vietnam"]


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


# ---- what a letter proposes is the letter's content

def test_a_proposal_in_a_letter_is_no_proposal_of_its_own(res):
    ms = _mentions(res, "Hồi tháng 5, Tổng thống Pháp Emmanuel Macron đã gửi thư cho Tổng thống Nga Vladimir Putin "
                        "đề nghị đàm phán.", pub="2025-08-21")
    assert [m.type for m in ms if m.type in ("statement", "proposal")] == ["statement"]


def test_a_proposal_in_a_clause_of_its_own_stays(res):
    ms = _mentions(res, "Tổng thống Pháp Emmanuel Macron đã gửi thư cho Tổng thống Nga Vladimir Putin, đồng thời "
                        "đề nghị Liên hợp quốc tổ chức hội nghị hòa bình.", pub="2025-08-21")
    assert [m.type for m in ms if m.type == "proposal"] == ["proposal"]


# ---- a trade truce is an agreement

def test_a_trade_truce_is_an_agreement(res):
    ms = _mentions(res, "Ngày 30/10, Tổng thống Mỹ Donald Trump và Chủ tịch Trung Quốc Tập Cận Bình đạt thỏa thuận "
                        "đình chiến thương mại trong một năm.", pub="2025-10-31")
    assert [m.type for m in ms] == ["agreement"]


def test_a_truce_without_a_trade_word_is_a_ceasefire(res):
    ms = _mentions(res, "Ngày 30/10, Nga và Ukraine đạt thỏa thuận đình chiến trong ba ngày.", pub="2025-10-31")
    assert [m.type for m in ms] == ["ceasefire"]
