"""Document-level rules of the seventh blind round (long articles), on our own sentences through the
real language layer: a weak talk word takes the type of the talk just told, a compared-against
recap is not the talk the next sentence goes on with, a sideless talk at a city of the place of an
article's talk is that talk, a week-level relative time gives a month (never a day), an outcome told
before the talks it came out of takes their day."""
from __future__ import annotations

from test_extract import _evs, _of, res  # noqa: F401 (res: the module's fixture)

from sukien.extract_date import _week_month


# ---- a weak talk word after a call is that call

_SUMMIT = ("Thủ tướng Nhật Bản và Tổng thống Hàn Quốc hội đàm tại Tokyo\n"
           "Chiều 3/6, Thủ tướng Nhật Bản Shigeru Ishiba đã hội đàm với Tổng thống Hàn Quốc Lee Jae-myung "
           "tại Tokyo. Cuộc hội đàm kéo dài 90 phút.\n\n"
           "Hai nhà lãnh đạo nhất trí tăng cường hợp tác kinh tế.\n\n")


def test_a_weak_talk_word_right_after_a_call_is_that_call(res):
    evs = _evs(res, _SUMMIT + "Tối cùng ngày, ông Ishiba đã điện đàm với Tổng thống Mỹ Donald Trump. "
                              "Theo ông Ishiba, cuộc trò chuyện kéo dài hơn 40 phút.", pub="2025-06-04")
    meet = [e for e in _of(evs, "meeting") if "Lee Jae Myung" in e["participants"]]
    calls = [e for e in _of(evs, "phone_call") if "Donald Trump" in e["participants"]]
    assert meet and meet[0]["duration_minutes"] == 90
    assert calls and calls[0]["duration_minutes"] == 40


def test_a_weak_talk_word_far_from_any_call_keeps_the_articles_talk_type(res):
    # negative: no call in its sentence or the one before: the article's talk type (meeting)
    evs = _evs(res, _SUMMIT + "Ông Ishiba cũng điện đàm với Tổng thống Mỹ Donald Trump.\n\n"
                              "Nhật Bản và Hàn Quốc ký kết ba văn kiện hợp tác.\n\n"
                              "Các chuyên gia đánh giá cao cuộc trò chuyện giữa hai nhà lãnh đạo.", pub="2025-06-04")
    calls = [e for e in _of(evs, "phone_call") if "Donald Trump" in e["participants"]]
    assert all(e["duration_minutes"] is None for e in calls)


# ---- a compared-against recap is not the talk the next sentence tells

def test_the_length_after_a_contrast_goes_to_the_reported_talks_not_the_compared_recap(res):
    evs = _evs(res, "Tổng thống Pháp tiếp Thủ tướng Anh\n"
                    "Sáng 9/7, Tổng thống Pháp Emmanuel Macron tiếp Thủ tướng Anh Keir Starmer tại Điện Élysée. "
                    "Khác hẳn cuộc gặp căng thẳng hồi tháng 3, lần này hai ông trao đổi cởi mở. "
                    "Cuộc hội đàm kéo dài khoảng 50 phút.", pub="2025-07-09")
    meets = {e["date"]: e for e in _of(evs, "meeting")}
    assert meets["2025-07-09"]["duration_minutes"] == 50
    assert all(e["duration_minutes"] is None for d, e in meets.items() if d != "2025-07-09")


def test_only_a_comparison_frame_marks_the_compared_talk():
    from sukien.extract_docs import _CONTRAST
    for head in ("khác hẳn ", "khác với ", "không giống như ", "so với ", "trái với ", "lần này, khác với "):
        assert _CONTRAST.search(head), head
    # negative: an occasion or a plain clause before the talk noun
    for head in ("sau ", "tại ", "hai bên khẳng định ", "khác nhau ở ", "trong "):
        assert not _CONTRAST.search(head), head


# ---- a week-level relative time

def test_a_week_gives_its_month_only_when_it_lies_in_one_month():
    assert _week_month("2025-W33") == "2025-08"      # 11-17/8
    assert _week_month("2025-W31") is None           # 28/7-3/8: two months, no date
    assert _week_month("2025-08-15") is None         # a day is no week
    assert _week_month(None) is None
    # negative: a coming week ("tuần tới") is a plan whose day is open: no month
    assert _week_month("2025-W35", "2025-08-19") is None
    assert _week_month("2025-W34", "2025-08-19") == "2025-08"     # this week ("đầu tuần này")


def test_last_week_dates_a_recap_by_its_month_with_low_confidence(res):
    evs = _evs(res, "Ngoại trưởng Trung Quốc thăm Ấn Độ\n"
                    "Chiều 20/8, Ngoại trưởng Trung Quốc Vương Nghị đã hội đàm với Ngoại trưởng Ấn Độ "
                    "Subrahmanyam Jaishankar tại New Delhi.\n\n"
                    "Cuộc hội đàm diễn ra sau khi Nga và Ấn Độ đàm phán ở Moscow hồi tuần trước.", pub="2025-08-21")
    neg = [e for e in evs if e["type"] in ("negotiation", "meeting") and "Russia" in e["participants"]]
    assert neg and neg[0]["date"] == "2025-08" and neg[0]["date_confidence"] < 0.5


def test_last_week_across_two_months_gives_no_date(res):
    # negative: the week of 28/7-3/8 names no single month
    evs = _evs(res, "Ngoại trưởng Trung Quốc thăm Ấn Độ\n"
                    "Chiều 6/8, Ngoại trưởng Trung Quốc Vương Nghị đã hội đàm với Ngoại trưởng Ấn Độ "
                    "Subrahmanyam Jaishankar tại New Delhi.\n\n"
                    "Cuộc hội đàm diễn ra sau khi Nga và Ấn Độ đàm phán ở Moscow hồi tuần trước.", pub="2025-08-07")
    neg = [e for e in evs if e["type"] in ("negotiation", "meeting") and "Russia" in e["participants"]]
    assert neg and neg[0]["date"] not in ("2025-07", "2025-08")


def test_a_weekday_of_this_week_keeps_its_day(res):
    # negative: "thứ Hai đầu tuần này" names a day; the week's month must not replace it
    evs = _evs(res, "Ngoại trưởng Mỹ điện đàm với Ngoại trưởng Nga\n"
                    "Hôm thứ Ba đầu tuần này, Ngoại trưởng Mỹ Marco Rubio đã điện đàm với Ngoại trưởng Nga "
                    "Sergei Lavrov.", pub="2025-09-12")
    calls = _of(evs, "phone_call")
    assert calls and calls[0]["date"] == "2025-09-09"


# ---- a sideless talk at a city of the place of the article's talk

def test_a_sideless_talk_at_a_city_joins_the_talk_held_in_that_country(res):
    evs = _evs(res, "Mỹ và Trung Quốc họp thượng đỉnh\n"
                    "Chiều 30/10, Tổng thống Mỹ Donald Trump và Chủ tịch Trung Quốc Tập Cận Bình đã gặp nhau "
                    "tại Thụy Sĩ.\n\n"
                    "Cũng trong tháng 10, Thủ tướng Nhật Bản đã gặp Tổng thống Mỹ Donald Trump.\n\n"
                    "Theo Tân Hoa xã, cuộc gặp tại Geneva kéo dài khoảng 100 phút.", pub="2025-10-31")
    us_cn = [e for e in _of(evs, "meeting") if "Xi Jinping" in e["participants"]]
    assert us_cn and us_cn[0]["duration_minutes"] == 100


def test_a_dated_sideless_talk_at_a_place_of_the_same_country_does_not_join(res):
    # negative: a talk with its own (other) date is another talk, a recap
    evs = _evs(res, "Mỹ và Trung Quốc họp thượng đỉnh\n"
                    "Chiều 30/10, Tổng thống Mỹ Donald Trump và Chủ tịch Trung Quốc Tập Cận Bình đã gặp nhau "
                    "tại Thụy Sĩ.\n\n"
                    "Đây là lần đầu hai bên gặp kể từ cuộc gặp tại Geneva hồi tháng 6.", pub="2025-10-31")
    us_cn = [e for e in _of(evs, "meeting") if "Xi Jinping" in e["participants"]]
    assert us_cn and us_cn[0]["date"] == "2025-10-30"


def test_a_sideless_talk_at_a_city_of_another_country_does_not_join(res):
    # negative: Geneva is not in Austria
    evs = _evs(res, "Mỹ và Trung Quốc họp thượng đỉnh\n"
                    "Chiều 30/10, Tổng thống Mỹ Donald Trump và Chủ tịch Trung Quốc Tập Cận Bình đã gặp nhau "
                    "tại Áo.\n\n"
                    "Theo Tân Hoa xã, cuộc gặp tại Geneva kéo dài khoảng 100 phút.", pub="2025-10-31")
    us_cn = [e for e in _of(evs, "meeting") if "Xi Jinping" in e["participants"]]
    assert us_cn and us_cn[0]["duration_minutes"] is None


# ---- an outcome told before the talks it came out of

def test_an_outcome_told_before_the_talks_it_followed_takes_their_day(res):
    evs = _evs(res, "Ông Netanyahu chấp thuận ngừng bắn với Hamas sau cuộc điện đàm với ông Trump\n"
                    "Tối 12/5, Thủ tướng Israel Benjamin Netanyahu đã điện đàm với Tổng thống Mỹ Donald Trump "
                    "trong khoảng 40 phút.", pub="2025-05-13")
    cf = _of(evs, "ceasefire")
    assert cf and cf[0]["date"] == "2025-05-12"


def test_an_outcome_before_a_talk_not_introduced_as_its_occasion_stays_undated(res):
    # negative: "và" links two facts; the truce is not said to come out of the call
    evs = _evs(res, "Ông Netanyahu chấp thuận ngừng bắn với Hamas, cuộc điện đàm với ông Trump kéo dài\n"
                    "Tối 12/5, Thủ tướng Israel Benjamin Netanyahu đã điện đàm với Tổng thống Mỹ Donald Trump "
                    "trong khoảng 40 phút.", pub="2025-05-13")
    cf = _of(evs, "ceasefire")
    assert all(e["date"] != "2025-05-12" for e in cf)
