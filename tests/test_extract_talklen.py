"""Talk lengths (sukien.extract_talklen): a duration that a talk noun carries ("sau khoảng hai giờ
thảo luận", "cuộc thảo luận kéo dài 40 phút") is the length of the talks the article reports, never
of an outcome named in the same sentence. Our own sentences, through the real language layer."""
from __future__ import annotations

import pytest

from sukien.config import Config, Resources
from sukien.extract_talklen import carrier
from sukien.textnorm import match_form

from test_extract import _evs


@pytest.fixture(scope="module")
def res(tmp_path_factory):
    return Resources(Config(db=str(tmp_path_factory.mktemp("x") / "x.db")))


TALKS = ("Ngày 12/5, phái đoàn Ấn Độ và phái đoàn Pakistan đã có cuộc đàm phán tại Doha.\n\n")


def _talks(evs):
    return [e for e in evs if e["type"] in ("meeting", "negotiation", "phone_call")]


@pytest.mark.parametrize("sentence, minutes", [
    ("Sau khoảng hai giờ thảo luận, người phát ngôn Bộ Ngoại giao Qatar cho biết hai bên đạt được nhận "
     "thức chung về một lệnh ngừng bắn.", 120),
    ("Sau khoảng 90 phút trao đổi, hai bên ra thông cáo ngắn.", 90),
    ("Sau hơn 3 giờ bàn bạc, hai đoàn nhất trí gặp lại vào tuần sau.", 180),
    ("Cuộc thảo luận kéo dài 40 phút.", 40),
    ("Buổi làm việc giữa hai đoàn kéo dài gần hai tiếng.", 120),
    ("Hai bên đã thảo luận trong khoảng 45 phút về việc trao trả tù binh.", 45),
])
def test_a_talk_noun_gives_its_length_to_the_reported_talks(res, sentence, minutes):
    evs = _evs(res, TALKS + sentence, pub="2025-05-12")
    talks = _talks(evs)
    assert len(talks) == 1 and talks[0]["duration_minutes"] == minutes, evs
    assert sentence.split(",")[0] in talks[0]["evidence"]["duration_minutes"][0]["sentence"]
    # never the outcome named in the same sentence
    assert all(e["duration_minutes"] is None for e in evs if e not in talks)


def test_a_length_before_a_talk_trigger_goes_to_the_talks_too(res):
    # "sau hơn 3 giờ hội đàm": the trigger itself names no side; the length is the meeting's
    evs = _evs(res, "Chiều 4/6, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Thái Lan tại Hà Nội.\n\n"
                    "Sau hơn 3 giờ hội đàm, hai bên ký ba văn kiện hợp tác.", pub="2025-06-05")
    talks = _talks(evs)
    assert len(talks) == 1 and talks[0]["duration_minutes"] == 180, evs


def test_the_talks_own_length_wins(res):
    evs = _evs(res, TALKS + "Cuộc đàm phán kéo dài 50 phút. Sau 2 giờ làm việc, hai đoàn ăn trưa.", pub="2025-05-12")
    assert _talks(evs)[0]["duration_minutes"] == 50, evs


@pytest.mark.parametrize("sentence", [
    # talks with an audience are no talks between the sides
    "Sau 30 phút trao đổi với báo chí, Ngoại trưởng Qatar rời khỏi khách sạn.",
    # a length still to come
    "Hai bên sẽ thảo luận trong khoảng 2 giờ vào sáng mai.",
    # an offset, no talk noun after it
    "Vài giờ sau, hai đoàn rời Doha.",
    # a duration of something else ("kéo dài" of the ceasefire between the noun and the length)
    "Hai bên thảo luận về lệnh ngừng bắn kéo dài 12 giờ.",
    # the talk word is part of another event's trigger
    "Sau 2 giờ trao đổi tù binh, hai bên rút quân khỏi cầu.",
])
def test_what_is_no_talk_length(res, sentence):
    evs = _evs(res, TALKS + sentence, pub="2025-05-12")
    assert all(e["duration_minutes"] is None for e in evs), evs


def test_a_length_of_talks_with_other_sides_is_not_given_to_these_talks(res):
    evs = _evs(res, TALKS + "Sau 2 giờ thảo luận với Thủ tướng Anh, Tổng thống Pháp trở về Paris.", pub="2025-05-12")
    assert all(e["duration_minutes"] is None for e in evs if set(e["participants"]) == {"India", "Pakistan"}), evs


@pytest.mark.parametrize("text, noun", [
    ("sau khoảng hai giờ thảo luận, hai bên", "thảo luận"),
    ("cuộc thảo luận giữa hai bộ trưởng kéo dài 40 phút", "thảo luận"),
    ("hai bên làm việc trong gần hai tiếng", "làm việc"),
])
def test_carrier_finds_the_talk_noun(res, text, noun):
    low = match_form(text).text
    q = next(w for w in ("khoảng hai giờ", "40 phút", "gần hai tiếng") if w in low)
    s = low.index(q)
    span = carrier(low, s, s + len(q), res.triggers, [])
    assert span is not None and low[span[0]:span[1]] == noun


def test_carrier_skips_a_trigger_between_the_noun_and_the_length(res):
    low = match_form("hai bên thảo luận về lệnh ngừng bắn kéo dài 12 giờ").text
    s = low.index("12 giờ")
    trig = (low.index("lệnh ngừng bắn"), low.index("lệnh ngừng bắn") + len("lệnh ngừng bắn"))
    assert carrier(low, s, s + 6, res.triggers, [trig]) is None
    assert carrier(low, s, s + 6, res.triggers, []) is not None


def test_a_talk_length_in_a_call_article_is_the_call_s(res):
    evs = _evs(res, "Tối 11/6, Thủ tướng Phạm Minh Chính điện đàm với Thủ tướng Canada Mark Carney.\n\n"
                    "Trong khoảng 40 phút trao đổi, hai Thủ tướng nhất trí thúc đẩy thương mại.", pub="2025-06-12")
    assert [(e["type"], e["duration_minutes"]) for e in evs] == [("phone_call", 40)], evs


def test_the_first_session_of_the_talks_gives_its_length(res):
    # "phiên họp đầu tiên kéo dài ...": a session of the talks the article reports
    evs = _evs(res, TALKS + "Theo một nguồn tin ngoại giao, phiên họp đầu tiên kéo dài khoảng 4 giờ.", pub="2025-05-12")
    talks = _talks(evs)
    assert len(talks) == 1 and talks[0]["duration_minutes"] == 240, evs


def test_a_press_conference_gives_no_length_to_the_talks(res):
    # negative: "phiên họp báo" is no session of the talks
    evs = _evs(res, TALKS + "Sau đó, phiên họp báo chung kéo dài khoảng 30 phút.", pub="2025-05-12")
    assert [t["duration_minutes"] for t in _talks(evs)] == [None], evs
