"""Clustering of one article's mentions into events (sukien.extract_cluster), on our own sentences
through the real language layer: a recap dated by an earlier year never joins an undated event."""
from __future__ import annotations

from test_extract import _evs, _of, res  # noqa: F401 (res: the module's fixture)


# ---- a recap dated by an earlier year is not the article's undated signing

def test_an_earlier_years_signing_is_not_todays(res):
    evs = _evs(res, "Thủ tướng Việt Nam hội đàm với Thủ tướng Ba Lan\n"
                    "Chiều 3/10, tại Hà Nội, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Ba Lan Donald Tusk.\n\n"
                    "Sau hội đàm, hai Thủ tướng chứng kiến lễ ký kết các văn kiện hợp tác giữa hai nước.\n\n"
                    "Năm 2018, hai nước đã ký kết một thỏa thuận về hợp tác giáo dục.", pub="2025-10-03")
    ag = _of(evs, "agreement")
    assert len(ag) == 2
    assert sorted(str(e["date"])[:4] for e in ag) != ["2018", "2018"]


# ---- one day told on two clocks

_ABROAD = ("Thượng đỉnh Mỹ - Nga kết thúc không có đột phá\n"
           "Cuộc gặp giữa Tổng thống Mỹ Donald Trump và Tổng thống Nga Vladimir Putin tại Anchorage, bang Alaska, "
           "kéo dài gần ba tiếng và kết thúc rạng sáng nay (16/8, giờ Việt Nam).\n\n"
           "Cuộc gặp diễn ra hôm thứ Sáu ({local}, giờ địa phương) tại một căn cứ quân sự.")


def test_a_day_on_vietnams_clock_and_the_local_day_are_one_meeting(res):
    evs = _of(_evs(res, _ABROAD.format(local="15/8"), pub="2025-08-16"), "meeting")
    assert len(evs) == 1
    assert evs[0]["date"] == "2025-08-15"          # the local day wins over Vietnam's clock
    assert evs[0]["duration_minutes"] == 180


def test_days_further_apart_than_the_clocks_are_two_meetings(res):
    evs = _of(_evs(res, _ABROAD.format(local="13/8"), pub="2025-08-16"), "meeting")
    assert sorted(e["date"] for e in evs) == ["2025-08-13", "2025-08-16"]


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


# ---- a bare plan, possibility or denial does not overturn an outcome reported as done on a day

def _em(type_, status="occurred", date=None, participants=(), **flags):
    from sukien.models import EventMention
    return EventMention(doc="d", type=type_, trigger="t", start=0, end=1, sentence_index=0,
                        participants=list(participants), date=date, status=status, flags=dict(flags))


def test_a_bare_extension_proposal_does_not_make_a_dated_truce_hypothetical():
    from sukien.extract_cluster import _Ev, _add
    e = _Ev(type="ceasefire")
    _add(e, _em("ceasefire", date="2025-05-08", asserted=True))
    _add(e, _em("ceasefire", status="hypothetical", status_explicit=True, asserted=True))
    assert (e.status or "occurred") == "occurred"


def test_a_bare_plan_still_marks_an_outcome_with_no_dated_report():
    # negative: without a dated report of the truce, the plan is what the article tells
    from sukien.extract_cluster import _Ev, _add
    e = _Ev(type="ceasefire")
    _add(e, _em("ceasefire", asserted=True))
    _add(e, _em("ceasefire", status="planned", status_explicit=True, asserted=True))
    assert e.status == "planned"


def test_a_sided_or_disputing_denial_still_denies_a_dated_exchange():
    # negative: a denial naming the sides, or disputing the report, is about this very exchange
    from sukien.extract_cluster import _Ev, _add
    for kw in ({"participants": ["Russia", "Ukraine"]}, {"disputes": True}):
        e = _Ev(type="prisoner_exchange")
        _add(e, _em("prisoner_exchange", date="2025-05-08", participants=["Russia", "Ukraine"], asserted=True))
        parts = kw.pop("participants", ())
        _add(e, _em("prisoner_exchange", status="denied", participants=parts, status_explicit=True, **kw))
        assert e.status == "denied"


def test_a_truce_in_force_since_a_day_keeps_its_status_beside_a_proposed_extension(res):
    evs = _evs(res, "Nga và Ukraine trao đổi tù binh\n"
                    "Lệnh ngừng bắn giữa Nga và Ukraine có hiệu lực từ ngày 8/5. Nga và Ukraine đã trao đổi "
                    "200 tù binh hôm 10/5.\n\n"
                    "Sau đó, Thổ Nhĩ Kỳ đưa ra đề xuất gia hạn ngừng bắn thêm 30 ngày, nhưng chưa bên nào "
                    "chấp nhận.", pub="2025-05-12")
    cf = _of(evs, "ceasefire")
    assert cf and cf[0]["status"] == "occurred" and cf[0]["date"] == "2025-05-08"


# ---- a talk told as done right after an unmarked report bears the report out

def test_a_talk_told_as_done_after_the_report_makes_a_purposed_call_occurred(res):
    from sukien.extract_cluster import _Ev, _add, _compatible
    e = _Ev(type="phone_call")
    _add(e, _em("phone_call", status="hypothetical", participants=["Donald Trump", "Vladimir Putin"],
                status_explicit=True, asserted=True))       # "... tạm dừng cuộc họp để điện đàm với X"
    rep = _em("phone_call", participants=["Donald Trump", "Vladimir Putin"], asserted=True)
    rep.sentence_index, rep.start = 5, 500                     # "ông Trump gọi cho ông Putin."
    _add(e, rep)
    told = _em("phone_call", status_explicit=True, asserted=True)   # "Cuộc điện đàm kéo dài 40 phút."
    told.sentence_index, told.start = 6, 600
    assert _compatible(e, told, res.cues) is not None
    _add(e, told)
    assert e.status == "occurred"


def test_a_done_talk_far_from_the_report_does_not_overturn_a_plan(res):
    # negative: no unmarked report in its sentence or the one before: the plan stays another event
    from sukien.extract_cluster import _Ev, _add, _compatible
    e = _Ev(type="phone_call")
    _add(e, _em("phone_call", status="planned", participants=["Donald Trump", "Vladimir Putin"],
                status_explicit=True, asserted=True))
    told = _em("phone_call", status_explicit=True, asserted=True)
    told.sentence_index, told.start = 6, 600
    assert _compatible(e, told, res.cues) is None


# ---- a joint meeting ("cuộc gặp ba bên") and the separate ones around it are different events

def test_a_joint_meeting_and_a_separate_one_stay_apart(res):
    evs = _evs(res, "Tổng thống Thổ Nhĩ Kỳ Recep Tayyip Erdogan hôm 14/8 có cuộc gặp ba bên với Tổng thống Nga "
                    "Vladimir Putin và Tổng thống Ukraine Volodymyr Zelensky tại Istanbul.\n\n"
                    "Trước đó, ông Erdogan gặp riêng Tổng thống Nga Vladimir Putin.", pub="2025-08-15")
    meets = _of(evs, "meeting")
    assert len(meets) == 2
    assert any(set(e["participants"]) >= {"Recep Tayyip Erdogan", "Vladimir Putin", "Volodymyr Zelensky"}
               for e in meets)


def test_a_meeting_told_twice_without_a_format_is_one(res):
    # negative: a restatement without "ba bên" / "riêng" still joins the meeting
    evs = _evs(res, "Tổng thống Thổ Nhĩ Kỳ Recep Tayyip Erdogan hôm 14/8 gặp Tổng thống Nga Vladimir Putin "
                    "tại Istanbul.\n\nCuộc gặp giữa ông Erdogan và ông Putin kéo dài hai giờ.", pub="2025-08-15")
    assert len(_of(evs, "meeting")) == 1


# ---- the format of a held meeting (cues joint, joint_trigger, separate, separate_trigger)

def _told(trigger: str, after: str, **kw):
    from sukien.models import Evidence
    sentence = "Hai bên " + trigger + after
    m = _em("meeting", asserted=True, **kw)
    m.trigger, m.start, m.end = trigger, 8, 8 + len(trigger)
    m.evidence = Evidence(doc="d", start=0, end=len(sentence), sentence=sentence)
    return m


def test_the_format_of_a_held_meeting_comes_from_the_cue_lists(res):
    from sukien.extract_cluster import _format
    cues = res.cues
    assert _format(_told("có cuộc gặp", " ba bên tại Cairo."), cues) == "joint"
    assert _format(_told("hội đàm ba bên", " tại Cairo."), cues) == "joint"
    assert _format(_told("gặp", " riêng rẽ từng đoàn."), cues) == "separate"
    assert _format(_told("gặp riêng", " Thủ tướng Ba Lan."), cues) == "separate"
    # negative: no number of sides, no "riêng"; "bên lề" is not "ba bên"; a plan has no held format
    assert _format(_told("có cuộc gặp", " bên lề hội nghị."), cues) is None
    assert _format(_told("gặp", " riêngtư."), cues) is None
    assert _format(_told("có cuộc gặp", " ba bên.", status="planned"), cues) is None


# ---- a bare meeting noun after held talks refers to them (helper-h; our own sentences)

_HELD = ("Nga và Ukraine đàm phán tại Istanbul\n"
         "Cuộc đàm phán diễn ra chiều 2/6 tại Istanbul, kéo dài hơn một giờ.\n\n"
         "{ref}, người phát ngôn Thổ Nhĩ Kỳ trả lời báo chí.\n\n"
         "Theo kế hoạch, các chỉ huy quân sự hai bên sẽ gặp nhau vào sáng 9/6.")


def test_a_meeting_that_ended_goes_with_the_held_negotiation(res):
    """"Sau khi cuộc gặp kết thúc": a talk that has ended is the held negotiation of 2/6, never the
    commanders' planned meeting of 9/6 (which keeps only its own mention)."""
    evs = _evs(res, _HELD.format(ref="Sau khi cuộc gặp kết thúc"), pub="2025-06-03")
    talks = _of(evs, "negotiation")
    assert talks and any("cuộc gặp kết thúc" in m["sentence"] for m in talks[0]["mentions"])
    plan = [e for e in _of(evs, "meeting") if e["status"] == "planned"]
    assert plan and plan[0]["date"] == "2025-06-09"
    assert all("kết thúc" not in m["sentence"] for m in plan[0]["mentions"])


def test_a_meeting_noun_naming_its_own_people_is_no_back_reference(res):
    # negative: "cuộc gặp của các chuyên gia" names who met: not a restatement of the talks
    evs = _evs(res, _HELD.format(ref="Song song với cuộc gặp của các chuyên gia kỹ thuật"), pub="2025-06-03")
    talks = _of(evs, "negotiation")
    assert talks and all("chuyên gia" not in m["sentence"] for m in talks[0]["mentions"])
