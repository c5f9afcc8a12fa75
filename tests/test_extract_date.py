"""Event dates (sukien.extract_date) on our own sentences through the real language layer: start
days, "kể từ", counted periods, weekdays of last week, offsets, "cùng ngày", a past talk listed with
several days, the time after a fronted when- or purpose-clause."""
from __future__ import annotations

from test_extract import _evs, _mentions, _of, res  # noqa: F401 (res: the module's fixture)

from sukien.extract_date import _week_month


_CALLS = ("Tổng thống Pháp điện đàm với Thủ tướng Đức\n"
          "Tối 20/11, Tổng thống Pháp Emmanuel Macron điện đàm với Thủ tướng Đức Friedrich Merz.\n\n")


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


# ---- one past talk a listed day

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


# ---- a fronted when-clause does not take the main clause's time

def test_time_after_a_fronted_when_clause_dates_the_main_clause(res):
    evs = _evs(res, "Thủ tướng Ai Cập thăm Kenya\n"
                    "Thủ tướng Ai Cập Mostafa Madbouly bắt đầu chuyến thăm chính thức Kenya sáng 14/9.\n\n"
                    "Trước chuyến thăm, tối 8/9, Ngoại trưởng Ai Cập Badr Abdelatty đã điện đàm với Ngoại trưởng "
                    "Kenya Musalia Mudavadi.", pub="2025-09-14")
    calls = _of(evs, "phone_call")
    assert calls and calls[0]["date"] == "2025-09-08"
    assert [e["date"] for e in _of(evs, "visit")] == ["2025-09-14"]


def test_time_after_a_fronted_purpose_clause_dates_the_main_clause(res):
    evs = _evs(res, "Thủ tướng Ai Cập thăm Kenya\n"
                    "Thủ tướng Ai Cập Mostafa Madbouly bắt đầu chuyến thăm chính thức Kenya sáng 14/9.\n\n"
                    "Để chuẩn bị cho chuyến thăm, hôm 2/9, Ngoại trưởng Ai Cập Badr Abdelatty đã điện đàm với "
                    "Ngoại trưởng Kenya Musalia Mudavadi.", pub="2025-09-14")
    calls = _of(evs, "phone_call")
    assert calls and calls[0]["date"] == "2025-09-02"


def test_a_time_inside_the_fronted_clause_stays_its_own(res):
    # negative: "Sau cuộc gặp hôm 3/9, ...": the time before the comma dates the fronted talk
    evs = _evs(res, "Sau cuộc gặp với Ngoại trưởng Kenya Musalia Mudavadi hôm 3/9, Ngoại trưởng Ai Cập Badr "
                    "Abdelatty lên đường về nước.", pub="2025-09-14")
    assert [e["date"] for e in _of(evs, "meeting")] in (["2025-09-03"], [])


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


# ---- fronted frames that are not the event of the main clause

def test_an_offset_may_open_a_fronted_when_clause():
    from sukien.extract_date import _FRONTED_WHEN
    for s in ("một ngày sau cuộc gặp, ", "hai tuần trước chuyến thăm, ", "3 ngày sau khi ký, ", "sau cuộc gặp, "):
        assert _FRONTED_WHEN.match(s), s
    # negative: "năm sau" is the next year, not an offset; a plain subject opens no when-clause
    for s in ("năm sau, hai bên ", "một ngày, ông ", "ông trump sau đó "):
        assert not _FRONTED_WHEN.match(s), s


def test_the_day_after_a_fronted_offset_clause_dates_the_main_clause(res):
    evs = _evs(res, "Thủ tướng Nhật Bản gặp Tổng thống Hàn Quốc\n"
                    "Chiều 4/11, Tổng thống Pháp Emmanuel Macron đã gặp Thủ tướng Nhật Bản Shigeru Ishiba.\n\n"
                    "Một ngày sau cuộc gặp với ông Macron, hôm thứ Tư (5/11), ông Ishiba có cuộc gặp với Tổng "
                    "thống Hàn Quốc Lee Jae-myung tại Seoul.", pub="2025-11-06")
    meets = {tuple(sorted(e["participants"])): e for e in _of(evs, "meeting")}
    kr = [e for k, e in meets.items() if "Lee Jae Myung" in k and "Shigeru Ishiba" in k]
    fr = [e for k, e in meets.items() if "Emmanuel Macron" in k]
    assert kr and kr[0]["date"] == "2025-11-05"
    assert fr and fr[0]["date"] == "2025-11-04"


def test_a_day_counted_within_an_event_dates_the_clause_after_it():
    from sukien.extract_date import _day_of_frame
    low = "ngay trong ngày đầu tiên ngừng bắn (8/5), nga trao trả 100 tù binh"
    o = low.index("ngừng bắn"); e = low.index(")") + 1; ts = low.index("trao trả")
    assert _day_of_frame(low, (o, o + 9), e, ts)
    # negative: a time owned by an event that does not count the day
    low2 = "lệnh ngừng bắn (8/5), nga trao trả 100 tù binh"
    o2 = low2.index("ngừng bắn"); e2 = low2.index(")") + 1; ts2 = low2.index("trao trả")
    assert not _day_of_frame(low2, (o2, o2 + 9), e2, ts2)
    # negative: a trigger in a later clause (two commas on), not the one the frame opens
    low3 = "ngay trong ngày đầu tiên ngừng bắn (8/5), nga tuyên bố, ukraine trao trả 100 tù binh"
    o3 = low3.index("ngừng bắn"); e3 = low3.index(")") + 1; ts3 = low3.index("trao trả")
    assert not _day_of_frame(low3, (o3, o3 + 9), e3, ts3)


def test_the_first_day_of_a_truce_dates_the_exchange_told_in_its_clause(res):
    evs = _evs(res, "Nga và Ukraine trao đổi tù binh\n"
                    "Ngay trong ngày đầu tiên ngừng bắn (8/5), Nga đã trao trả 100 tù binh cho Ukraine.",
               pub="2025-05-10")
    ex = _of(evs, "prisoner_exchange")
    assert ex and ex[0]["date"] == "2025-05-08"


def test_a_when_clause_between_a_fronted_time_and_the_main_clause_leaves_it_the_time():
    from sukien.extract_date import _inner_when
    low = "cũng trong sáng 5/3, trước cuộc hội đàm, thủ tướng đã tiếp đại sứ"
    e = low.index("5/3") + 3; os = low.index("cuộc hội đàm")
    assert _inner_when(low, os, os + 12, e)
    # negative: the talk is in the main clause itself
    low2 = "cũng trong sáng 5/3, thủ tướng đã có cuộc hội đàm với đại sứ, sau đó tiếp khách"
    os2 = low2.index("cuộc hội đàm")
    assert not _inner_when(low2, os2, os2 + 12, low2.index("5/3") + 3)


def test_a_reception_after_a_fronted_time_and_before_clause_takes_the_day(res):
    evs = _evs(res, "Thủ tướng tiếp Đại sứ Nhật Bản\n"
                    "Chiều 5/3, Thủ tướng Phạm Minh Chính đã điện đàm với Thủ tướng Nhật Bản Shigeru Ishiba.\n\n"
                    "Cũng trong chiều 5/3, trước cuộc điện đàm, Thủ tướng Phạm Minh Chính đã tiếp Đại sứ "
                    "Hàn Quốc Choi Young-sam đến chào từ biệt.", pub="2025-03-06")
    meets = [e for e in _of(evs, "meeting") if any(p.startswith("Choi") for p in e["participants"])]
    assert meets and meets[0]["date"] == "2025-03-05"


# ---- "đến hôm X, khi ...": the day of the when-clause after the time

def test_a_time_after_den_followed_by_a_when_clause_dates_that_clause(res):
    evs = _evs(res, "Quan hệ Mỹ - Trung\n"
                    "Căng thẳng kéo dài nhiều tuần. Bước ngoặt đến hôm 7/4, khi Ngoại trưởng Mỹ Marco Rubio "
                    "và Ngoại trưởng Trung Quốc Vương Nghị hội đàm tại Jakarta.", pub="2025-06-06")
    meets = [e for e in evs if e["type"] in ("meeting", "negotiation") and "Marco Rubio" in e["participants"]]
    assert meets and meets[0]["date"] == "2025-04-07"


def test_a_time_after_den_does_not_date_the_event_it_ends(res):
    # negative: "kéo dài đến ngày 15/8": the end of the truce, not its date; only the when-clause's
    evs = _evs(res, "Tình hình Nga - Ukraine\n"
                    "Lệnh ngừng bắn giữa Nga và Ukraine kéo dài đến ngày 15/8, khi Nga mở cuộc tấn công mới.",
               pub="2025-09-06")
    assert all(e["date"] != "2025-08-15" for e in _of(evs, "ceasefire"))


# ---- "Tiếp nối kết quả chuyến thăm, hôm qua (9/9), ...": the time is the main clause's

def test_time_after_a_fronted_follow_up_clause_is_not_the_earlier_trips(res):
    evs = _evs(res, "Thủ tướng Ai Cập thăm Kenya\n"
                    "Thủ tướng Ai Cập Mostafa Madbouly thăm chính thức Kenya ngày 2/9.\n\n"
                    "Tiếp nối kết quả chuyến thăm, hôm qua (9/9), Ngoại trưởng Ai Cập Badr Abdelatty đã điện đàm "
                    "với Ngoại trưởng Kenya Musalia Mudavadi.", pub="2025-09-10")
    assert [e["date"] for e in _of(evs, "visit")] == ["2025-09-02"]
    calls = _of(evs, "phone_call")
    assert calls and calls[0]["date"] == "2025-09-09"


def test_a_trip_in_the_main_clause_after_a_follow_up_frame_keeps_its_time(res):
    # negative: the trigger after the frame's comma is the main clause's, and so is the time
    evs = _evs(res, "Tiếp nối kết quả hội nghị, ngày 9/9, Thủ tướng Ai Cập Mostafa Madbouly thăm chính thức Kenya.",
               pub="2025-09-10")
    assert [e["date"] for e in _of(evs, "visit")] == ["2025-09-09"]


def test_a_time_ending_the_coordinated_predicate_before_is_not_the_triggers(res):
    """"thiết lập quan hệ năm 1992 và nâng cấp quan hệ lên ... vào tháng 12/2022": the year before
    "và" closes the first predicate; the upgrade takes its own time after it."""
    from test_extract import _evs, _of
    evs = _evs(res, "Việt Nam và Hàn Quốc thiết lập quan hệ ngoại giao năm 1992 và nâng cấp quan hệ lên Đối tác "
                    "chiến lược toàn diện vào tháng 12/2022.", pub="2025-06-04")
    ag = _of(evs, "agreement")
    assert len(ag) == 1 and ag[0]["date"] == "2022-12"
    # with no time of its own after the trigger, the time before "và" still dates it
    evs = _evs(res, "Việt Nam và Hàn Quốc bắt đầu đàm phán hôm 3/6 và nâng cấp quan hệ lên Đối tác chiến lược.",
               pub="2025-06-04")
    assert [e["date"] for e in _of(evs, "agreement")] == ["2025-06-03"]


def test_a_trip_dated_by_its_range_leaves_the_next_day_to_the_talks(res):
    """"Trong chuyến thăm ... từ ngày 3 đến 5/4, chiều 4/4, X hội đàm với Y": the trip owns the range,
    so the day after it dates the talks of the main clause, not the trip's first day."""
    ms = _mentions(res, "Trong khuôn khổ chuyến thăm chính thức Lào từ ngày 3 đến 5/4, chiều 4/4 tại Phủ Chủ tịch "
                        "ở Viêng Chăn, Thủ tướng Phạm Minh Chính đã hội đàm với Thủ tướng Lào Sonexay Siphandone.",
                   pub="2025-04-05")
    talks = [m for m in ms if m.type == "meeting"]
    assert talks and talks[0].date == "2025-04-04"
    visit = [m for m in ms if m.type == "visit"]
    assert visit and visit[0].date == "2025-04-03"


def test_an_undated_trip_still_takes_the_day_nearest_it(res):
    # negative: the trip has no time of its own, so the day right after it is the trip's
    ms = _mentions(res, "Trong chuyến thăm chính thức Lào, hôm 4/4 tại Viêng Chăn, Thủ tướng Phạm Minh Chính cùng "
                        "các bộ trưởng đã có nhiều hoạt động, sau đó ông hội đàm với Thủ tướng Lào Sonexay "
                        "Siphandone.", pub="2025-04-05")
    visit = [m for m in ms if m.type == "visit"]
    assert visit and visit[0].date == "2025-04-04"


# ---- eleventh round: the day last told, the weekend

_BERLIN = "Ngày 12/5, Tổng thống Pháp Emmanuel Macron hội đàm với Thủ tướng Đức Friedrich Merz tại Berlin. "


def _tusk(ms):
    return [m for m in ms if "Donald Tusk" in m.participants]


def test_a_morning_told_after_trước_đó_is_the_day_of_the_event_before(res):
    ms = _mentions(res, _BERLIN + "Trước đó, vào buổi sáng, ông Macron gặp Thủ tướng Ba Lan Donald Tusk.",
                   pub="2025-05-14")
    assert [m.date for m in _tusk(ms)] == ["2025-05-12"]


def test_a_morning_takes_the_day_told_with_a_part_of_the_day_not_a_background_day(res):
    ms = _mentions(res, "Chiều 12/5, Tổng thống Pháp Emmanuel Macron hội đàm với Thủ tướng Đức Friedrich Merz. "
                        "Hai bên hoan nghênh hiệp định thương mại ký hôm 2/5. "
                        "Trước đó, vào buổi sáng, ông Macron gặp Thủ tướng Ba Lan Donald Tusk.", pub="2025-05-14")
    assert [m.date for m in _tusk(ms)] == ["2025-05-12"]


def test_a_morning_without_an_order_told_dates_nothing(res):
    # negative: "vào buổi sáng" in a clause about another noun, no "trước đó"/"sau đó"
    ms = _mentions(res, _BERLIN + "Tại buổi tiếp diễn ra vào buổi sáng, hai bên nhất trí sẽ ký một hiệp định "
                                  "quốc phòng.", pub="2025-05-14")
    assert all(m.date is None for m in ms if m.type == "agreement")


def test_one_day_before_the_day_last_told(res):
    ms = _mentions(res, _BERLIN + "Trước đó một ngày, ông Macron điện đàm với Thủ tướng Ba Lan Donald Tusk.",
                   pub="2025-05-14")
    assert [m.date for m in _tusk(ms)] == ["2025-05-11"]


def test_one_day_before_an_event_named_after_it_is_still_no_date(res):
    # negative: "một ngày trước cuộc gặp" counts from the event, not from the day last told
    ms = _mentions(res, _BERLIN + "Một ngày trước cuộc gặp thượng đỉnh, ông Macron điện đàm với Thủ tướng Ba Lan "
                                  "Donald Tusk.", pub="2025-05-14")
    assert all(m.date != "2025-05-11" for m in _tusk(ms))


def test_a_call_during_the_talks_just_told_takes_their_day(res):
    ms = _mentions(res, _BERLIN + "Trong lúc cuộc hội đàm đang diễn ra, ông Macron điện đàm với Thủ tướng Ba Lan "
                                  "Donald Tusk.", pub="2025-05-14")
    assert [m.date for m in _tusk(ms) if m.type == "phone_call"] == ["2025-05-12"]


def test_the_weekend_is_its_saturday_with_a_weak_confidence(res):
    ms = _mentions(res, "Nga và Ukraine đã trao đổi 146 tù binh mỗi bên vào cuối tuần qua.", pub="2025-08-26")
    ex = [m for m in ms if m.type == "prisoner_exchange"]
    assert ex and ex[0].date == "2025-08-23" and ex[0].date_confidence < 0.5


def test_the_weekend_is_the_day_the_article_states_within_it(res):
    # "cuối tuần này" (26–27/4) and "từ ngày 27 đến 28/4" in the same article: the Sunday, sure
    ms = _mentions(res, "Chiều 22/4, Thủ tướng Phạm Minh Chính điện đàm với Thủ tướng Nhật Bản Ishiba Shigeru "
                        "để chuẩn bị cho chuyến thăm chính thức Việt Nam của ông Ishiba vào cuối tuần này. Ông Ishiba "
                        "sẽ thăm chính thức Việt Nam từ ngày 27 đến 28/4.", pub="2025-04-22")
    visits = [m for m in ms if m.type == "visit" and m.date]
    assert visits and {m.date for m in visits} == {"2025-04-27"}


def test_a_weekend_on_different_days_keeps_its_saturday(res):
    # negative: the article states no day of that weekend
    ms = _mentions(res, "Chiều 22/4, Thủ tướng Phạm Minh Chính điện đàm với Thủ tướng Nhật Bản Ishiba Shigeru "
                        "để chuẩn bị cho chuyến thăm chính thức Việt Nam của ông Ishiba vào cuối tuần này.",
                   pub="2025-04-22")
    assert {m.date for m in ms if m.type == "visit" and m.date} == {"2025-04-26"}


def test_a_single_day_of_the_weekend_told_for_another_event_is_not_taken(res):
    # negative: "hôm 27/7" dates the ministry's statement, not the weekend's calls: the Saturday stays
    ms = _mentions(res, "Cuối tuần trước, Tổng thống Mỹ cho biết đã lần lượt điện đàm với lãnh đạo Thái Lan và "
                        "Campuchia. Bộ Ngoại giao Thái Lan hôm 27/7 ra tuyên bố bác bỏ cáo buộc của phía bên kia.",
                   pub="2025-07-29")
    assert {m.date for m in ms if m.type == "phone_call" and m.date} == {"2025-07-26"}


# ---- "Chiều cùng ngày": the day whose earlier part was told, not a later-told afternoon

def test_an_afternoon_of_the_same_day_is_the_day_whose_morning_was_told(res):
    ms = _mentions(res, "Sáng 5/3, Tổng thống Pháp Emmanuel Macron hội đàm với Thủ tướng Ấn Độ Narendra Modi.\n\n"
                        "Ông Macron tới New Delhi chiều 4/3, bắt đầu chuyến thăm từ ngày 4 đến 6/3.\n\n"
                        "Chiều cùng ngày, Tổng thống Macron hội kiến Chủ tịch Hạ viện Ấn Độ.", pub="2025-03-07")
    m = [m for m in ms if m.type == "meeting" and "hội kiến" in m.trigger][0]
    assert m.date == "2025-03-05"


def test_an_afternoon_of_the_same_day_after_a_morning_told_last(res):
    ms = _mentions(res, "Ông Macron tới New Delhi sáng 4/3, bắt đầu chuyến thăm từ ngày 4 đến 6/3.\n\n"
                        "Chiều cùng ngày, Tổng thống Macron hội kiến Chủ tịch Hạ viện Ấn Độ.", pub="2025-03-07")
    m = [m for m in ms if m.type == "meeting" and "hội kiến" in m.trigger][0]
    assert m.date == "2025-03-04"


def test_the_same_day_without_a_part_of_the_day_is_the_last_day_told(res):
    ms = _mentions(res, "Sáng 5/3, Tổng thống Pháp Emmanuel Macron hội đàm với Thủ tướng Ấn Độ Narendra Modi.\n\n"
                        "Ông Macron tới New Delhi chiều 4/3.\n\n"
                        "Cùng ngày, Tổng thống Macron hội kiến Chủ tịch Hạ viện Ấn Độ.", pub="2025-03-07")
    m = [m for m in ms if m.type == "meeting" and "hội kiến" in m.trigger][0]
    assert m.date == "2025-03-04"


# ------------------------------------------------------------------ twelfth set, mention level (helper-b)

def test_this_year_says_less_than_the_day_of_its_sentence(res):
    """"Chiều 14/5, X gặp Y, chủ tịch luân phiên của diễn đàn năm nay": "năm nay" of the same year
    never beats the day the sentence names."""
    ms = _mentions(res, "Chiều 14/5 theo giờ địa phương, tại Trung tâm Hội nghị Quốc gia "
                        "ở thủ đô Lima, nhân dịp dự Hội nghị các nhà lãnh đạo kinh tế châu Á - Thái Bình Dương, "
                        "Thủ tướng Phạm Minh Chính đã có cuộc gặp với Tổng thống Peru Dina Boluarte, nước chủ nhà "
                        "của diễn đàn năm nay.", pub="2025-05-15")
    m = [x for x in ms if x.type == "meeting" and "Pham Minh Chinh" in x.participants]
    assert m and m[0].date == "2025-05-14"


def test_a_year_alone_still_dates_a_talk_without_a_day(res):
    ms = _mentions(res, "Thủ tướng Phạm Minh Chính đã có cuộc gặp với Tổng thống Peru hồi đầu năm nay.",
                   pub="2025-05-15")
    m = [x for x in ms if x.type == "meeting"]
    assert m and (m[0].date or "").startswith("2025")


def test_a_talk_coordinated_after_a_dated_trip_shares_its_day(res):
    """"X đã thăm Hà Nội hôm 9/5 và hội đàm với Y": the same subject, the same day."""
    ms = _mentions(res, "Ngoại trưởng Ấn Độ Subrahmanyam Jaishankar đã thăm Hà Nội hôm 9/5 và hội đàm với Bộ "
                        "trưởng Ngoại giao Bùi Thanh Sơn.", pub="2025-05-11")
    talk = [m for m in ms if m.type == "meeting"]
    assert talk and talk[0].date == "2025-05-09"


def test_a_coordinated_talk_with_its_own_time_keeps_it(res):
    ms = _mentions(res, "Ngoại trưởng Ấn Độ Subrahmanyam Jaishankar đã thăm Hà Nội hôm 9/5 và hội đàm với Bộ "
                        "trưởng Ngoại giao Bùi Thanh Sơn vào ngày 10/5.", pub="2025-05-11")
    talk = [m for m in ms if m.type == "meeting"]
    assert talk and talk[0].date == "2025-05-10"


def test_a_talk_after_a_dated_call_does_not_share_its_day(res):
    """Only a trip frames the talks coordinated after it: "điện đàm với A hôm 3/6 và hội đàm với B"."""
    ms = _mentions(res, "Thủ tướng Phạm Minh Chính điện đàm với Thủ tướng Singapore Lawrence Wong hôm 3/6 và hội "
                        "đàm với Thủ tướng Thái Lan.", pub="2025-06-12")
    assert [m.date for m in ms if m.type == "meeting"] == [None]


def test_a_weekday_of_next_week_is_a_date_not_an_offset(res):
    """"vào thứ Sáu tuần sau": the Friday of the week after the article's, like "thứ Sáu tuần trước"."""
    ms = _mentions(res, "Hai phái đoàn đồng ý tổ chức vòng đàm phán tiếp theo vào thứ Sáu tuần sau.", pub="2025-04-13")
    neg = [m for m in ms if m.type == "negotiation"]
    assert neg and neg[0].date == "2025-04-18" and neg[0].status == "planned"
    ms = _mentions(res, "Hai phái đoàn đồng ý gặp lại hai tuần sau.", pub="2025-04-13")
    assert not [m.date for m in ms if m.date]


# ------------------------------------------------------------------ thirteenth set (helper-d)

def test_the_year_of_a_plan_dates_no_signing(res):
    ms = [m for m in _mentions(res, "Hai bên đã ký Chương trình hợp tác giáo dục năm 2027 và thỏa thuận về trao "
                                    "đổi học bổng.", pub="2026-06-03") if m.type == "agreement"]
    assert ms and all(m.date != "2027" for m in ms)


def test_a_year_after_a_plan_with_a_verb_between_still_dates(res):
    # negative: "được ký năm 2024": the year of the signing
    lx = res.temporal
    low = "kế hoạch hợp tác được ký năm 2024"
    assert lx.re_plan_before.search(low, 0, low.index("năm 2024")) is None
    low2 = "ký kế hoạch hợp tác quốc phòng năm 2026"
    assert lx.re_plan_before.search(low2, 0, low2.index("năm 2026")) is not None


def test_the_day_a_trip_is_announced_is_not_the_trips_day(res):
    ms = [m for m in _mentions(res, "Chiều 14/5, Người phát ngôn Bộ Ngoại giao Nguyễn Minh Anh đã thông báo lịch "
                                    "trình chuyến thăm chính thức Nhật Bản của Chủ tịch nước.", pub="2026-05-14")
          if m.type == "visit"]
    assert ms and all(m.date != "2026-05-14" for m in ms)


def test_a_trip_told_before_the_speaker_keeps_its_day(res):
    # negative: the time is the trip's own ("Chiều 14/5, X thăm Y"), no speech verb before the trip
    ms = [m for m in _mentions(res, "Chiều 14/5, Chủ tịch nước bắt đầu chuyến thăm chính thức Nhật Bản.",
                               pub="2026-05-15") if m.type == "visit"]
    assert ms and ms[0].date == "2026-05-14"


# ---- "cùng ngày" / "Trước đó" pass over a day told in a recap clause (extract_recaps)

_RECAP = ("Trưa 9/5, Tổng thống Pháp Emmanuel Macron điện đàm với Thủ tướng Đức Friedrich Merz.\n\n"
          "Đây là cuộc điện đàm đầu tiên giữa hai nhà lãnh đạo, sau cuộc gặp song phương tại Paris hôm 7/3.\n\n")


def test_same_day_after_a_recap_clause_is_the_day_told_before_it(res):
    ms = _mentions(res, _RECAP + "Trước đó, sáng cùng ngày, Ngoại trưởng Pháp đã tiếp Đại sứ Đức tại Paris.",
                   pub="2025-05-11")
    meet = [m for m in ms if m.type == "meeting" and m.date != "2025-03-07"]
    assert meet and meet[-1].date == "2025-05-09"


def test_a_day_counted_back_after_a_recap_clause_counts_from_the_day_told(res):
    ms = _mentions(res, _RECAP + "Trước đó một ngày, Ngoại trưởng hai nước đã điện đàm về Ukraine.",
                   pub="2025-05-11")
    calls = [m for m in ms if m.type == "phone_call"]
    assert calls and calls[-1].date == "2025-05-08"


def test_a_later_day_in_an_after_clause_is_still_the_day_told(res):
    # the day after "sau cuộc" is later than the day told before it: the story's day, not a recap
    ms = _mentions(res, "Tối 3/12, Thủ tướng Australia tới Hà Nội, bắt đầu chuyến thăm chính thức Việt Nam.\n\n"
                        "Hai Thủ tướng gặp báo chí sau cuộc hội đàm sáng 4/12.\n\n"
                        "Chiều cùng ngày, Thủ tướng Australia hội kiến Chủ tịch nước Lương Cường.",
                   pub="2025-12-05")
    meet = [m for m in ms if m.type == "meeting" and "Luong Cuong" in m.participants]
    assert meet and meet[0].date == "2025-12-04"


def test_same_day_inside_a_recap_paragraph_stays_the_recap_day(res):
    # no recap clause: the day a recap sentence tells is the day "Cùng ngày" repeats
    ms = _mentions(res, "Tối 9/5, Tổng thống Pháp Emmanuel Macron điện đàm với Thủ tướng Đức Friedrich Merz.\n\n"
                        "Hôm 7/3, hai nhà lãnh đạo đã gặp nhau tại Paris. Cùng ngày, ông Merz cũng "
                        "hội kiến Thủ tướng Anh Keir Starmer.", pub="2025-05-11")
    meet = [m for m in ms if m.type == "meeting" and "Keir Starmer" in m.participants]
    assert meet and meet[0].date == "2025-03-07"
