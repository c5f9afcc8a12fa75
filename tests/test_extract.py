"""Unit tests of the event extractor (sukien.extract) on our own sentences.

The language layer's output is built by hand here (actors, times, quantities, attribution), so
these tests check the extractor's own rules: triggers and negatives, status cues, participants,
initiator, date, duration, quantities, ordinal, location, coreference and background recaps.
tests/test_extract_golden.py runs the real language layer on whole articles.
"""
from __future__ import annotations

import pytest

from sukien.config import Config, Resources
from sukien.extract import document_events, extract_mentions
from sukien.models import (ActorMention, Analysis, Anchor, Attribution, Document, MetaValue, Quantity,
                           Segment, Sentence, TimeMention)

COUNTRY = {"Japan", "South Korea", "France", "United Kingdom", "Vietnam", "Laos", "Russia",
           "Ukraine", "United States", "Israel", "Hamas", "Indonesia", "Australia", "China"}


@pytest.fixture(scope="module")
def res(tmp_path_factory):
    return Resources(Config(db=str(tmp_path_factory.mktemp("x") / "x.db")))


def _find(line: str, surface: str, after: int = 0) -> int:
    i = line.find(surface, after)
    assert i >= 0, (surface, line)
    return i


def build(lines, pub="2025-06-10", doc_id="t.txt"):
    """lines: list of (text, spec) where spec has optional keys
    actors: [(surface, name, kind, country)] or (surface, [members]) for a group reference
    times: [(surface, kind, value, relative)], quantities: [(surface, kind, value, unit, qualifier)],
    attribution: (surface, name, cue)."""
    text = "\n".join(t for t, _ in lines)
    segs, sents, off = [], [], 0
    for i, (t, spec) in enumerate(lines):
        segs.append(Segment(off, off + len(t), "title" if i == 0 and spec.get("title") else "body"))
        s = Sentence(start=off, end=off + len(t), text=t, index=i, paragraph=spec.get("paragraph", i))
        pos = 0
        for a in spec.get("actors", []):
            if isinstance(a[1], list):
                j = _find(t, a[0])
                m = ActorMention(off + j, off + j + len(a[0]), a[0], None, None, "group", via="reference")
                m.members = list(a[1])
            else:
                surface, name, kind, country = a
                j = _find(t, surface, pos)
                m = ActorMention(off + j, off + j + len(surface), surface, name.lower().replace(" ", "_"),
                                 name, kind, via="name", country=country)
            pos = j + len(a[0])
            s.actors.append(m)
        for surface, kind, value, relative in spec.get("times", []):
            j = _find(t, surface)
            s.times.append(TimeMention(off + j, off + j + len(surface), surface, kind, value, relative=relative))
        for q in spec.get("quantities", []):
            surface, kind, value, unit, qual = q[:5]
            j = _find(t, surface)
            s.quantities.append(Quantity(off + j, off + j + len(surface), surface, kind, value, unit, qual,
                                         unit_text=q[5] if len(q) > 5 else None))
        if spec.get("attribution"):
            surface, name, cue = spec["attribution"]
            j = _find(t, surface)
            s.attribution = Attribution(surface, None, name, cue, off + j, off + j + len(surface))
        sents.append(s)
        off += len(t) + 1
    doc = Document(doc_id=doc_id, text=text, segments=segs,
                   pub_date=MetaValue(pub, "jsonl") if pub else None)
    an = Analysis(doc_id=doc_id, anchor=Anchor(pub, "pub_date", 1.0) if pub else Anchor(None, "none", 0.0),
                  sentences=sents)
    return doc, an


def run(res, lines, **kw):
    doc, an = build(lines, **kw)
    ms = extract_mentions(doc, an, res)
    return doc, ms, document_events(doc, an, ms, res)


P = lambda surface, name, country: (surface, name, "person", country)   # noqa: E731
C = lambda surface, name: (surface, name, "country", name)              # noqa: E731


# ------------------------------------------------------------------------------ triggers

def test_phone_call_trigger_participants_and_cameo(res):
    _, ms, evs = run(res, [("Thủ tướng Nhật Bản Ishiba điện đàm với Tổng thống Hàn Quốc Lee.", {
        "actors": [P("Thủ tướng Nhật Bản Ishiba", "Shigeru Ishiba", "Japan"),
                   P("Tổng thống Hàn Quốc Lee", "Lee Jae-myung", "South Korea")]})])
    assert [m.type for m in ms] == ["phone_call"]
    assert len(evs) == 1
    e = evs[0]
    assert e["type"] == "phone_call" and e["cameo"] == "041" and e["status"] == "occurred"
    assert set(e["participants"]) == {"Shigeru Ishiba", "Lee Jae-myung"}
    assert e["main"] is True and e["doc_event_id"] == "t.txt#0"


@pytest.mark.parametrize("sentence, not_type", [
    ("Chủ tịch nước gửi điện mừng Tổng thống Peru nhân dịp nhậm chức.", "phone_call"),
    ("Thủ tướng gửi điện chia buồn tới Thủ tướng Nhật Bản.", "phone_call"),
    ("Ông gửi thư điện tử cho các phóng viên.", "phone_call"),
    ("Nhiều doanh nghiệp Nhật Bản gặp khó khăn vì chi phí tăng.", "meeting"),
    ("Máy bay của hãng gặp nạn ở vùng núi phía bắc.", "meeting"),
    ("Cuộc thăm dò dư luận mới nhất cho thấy ông dẫn trước.", "visit"),
    ("Ký ức về chiến tranh vẫn còn nguyên vẹn.", "agreement"),
    ("Hai bên tiếp tục thảo luận về thương mại.", "meeting"),
])
def test_negative_forms(res, sentence, not_type):
    _, ms, _ = run(res, [(sentence, {})])
    assert not_type not in [m.type for m in ms]


def test_telegram_is_a_statement_not_a_call(res):
    _, ms, evs = run(res, [("Chủ tịch nước Lương Cường gửi điện mừng Tổng thống Peru.", {
        "actors": [P("Chủ tịch nước Lương Cường", "Luong Cuong", "Vietnam"), P("Tổng thống Peru", "X Peru", "Peru")]})])
    assert [m.type for m in ms] == ["statement"]
    assert evs and evs[0]["type"] == "statement" and evs[0]["cameo"] == "051"


def test_tiep_needs_an_object(res):
    _, ms, _ = run(res, [("Chủ tịch nước tiếp Đại sứ Nhật Bản tại Hà Nội.", {})])
    assert [m.type for m in ms] == ["meeting"] and ms[0].flags["cameo"] == "043"
    _, ms, _ = run(res, [("Hai bên sẽ tiếp tục trao đổi ở cấp chuyên viên.", {})])
    assert "meeting" not in [m.type for m in ms]


def test_movement_verb_is_a_trip_only_towards_a_country_or_place(res):
    # "sẽ sang Nhật Bản": a planned visit (the modal inside the form is its status cue)
    _, ms, evs = run(res, [("Tổng thống Ai Cập sẽ sang Nhật Bản vào tháng tới.", {
        "actors": [P("Tổng thống Ai Cập", "Abdel Fattah el-Sisi", "Egypt"), C("Nhật Bản", "Japan")],
        "times": [("tháng tới", "partial_date", "2025-07", True)]})])
    assert [(m.type, m.status) for m in ms] == [("visit", "planned")]
    assert evs[0]["participants"] == ["Abdel Fattah el-Sisi", "Japan"] and evs[0]["date"] == "2025-07"
    # a person after the verb is no destination ("gửi thư sẽ đến Tổng thống X"), nor a word
    _, ms, _ = run(res, [("Bức thư sẽ đến Tổng thống Pháp trong tuần.", {
        "actors": [P("Tổng thống Pháp", "Emmanuel Macron", "France")]})])
    assert "visit" not in [m.type for m in ms]
    _, ms, _ = run(res, [("Giá dầu dự kiến tới mức cao nhất trong năm.", {})])
    assert "visit" not in [m.type for m in ms]


def test_movement_verb_yields_to_the_purpose_event(res):
    # "sẽ tới Washington để gặp ông Trump": the meeting is the event and keeps the date
    _, ms, evs = run(res, [("Ông Zelensky sẽ tới Washington vào thứ Hai (18/8) để gặp ông Trump.", {
        "actors": [P("Ông Zelensky", "Volodymyr Zelensky", "Ukraine"), ("Washington", "Washington", "place", "United States"),
                   P("ông Trump", "Donald Trump", "United States")],
        "times": [("thứ Hai (18/8)", "date", "2025-08-18", True)]})])
    assert [(m.type, m.status, m.date) for m in ms] == [("meeting", "planned", "2025-08-18")]


@pytest.mark.parametrize("surface, value, dated", [
    ("đầu năm sau", "2026", True),          # the next period after the article's date
    ("tháng 4 năm sau", "2026-04", True),
    ("hai năm sau", "2027", False),         # an offset from another event: no date
    ("ba tháng sau", "2025-09", False),
])
def test_next_period_is_a_date_but_an_offset_is_not(res, surface, value, dated):
    _, ms, _ = run(res, [(f"Thủ tướng Pháp sẽ thăm Nhật Bản {surface}.", {
        "actors": [P("Thủ tướng Pháp", "X France", "France"), C("Nhật Bản", "Japan")],
        "times": [(surface, "year" if "tháng" not in surface else "partial_date", value, True)]})])
    assert ms[0].type == "visit" and (ms[0].date == value) is dated


def test_agreement_on_a_ceasefire_is_a_ceasefire(res):
    _, ms, evs = run(res, [("Israel và Hamas đạt được thỏa thuận ngừng bắn kéo dài 42 ngày.", {
        "actors": [C("Israel", "Israel"), ("Hamas", "Hamas", "organization", None)],
        "quantities": [("42 ngày", "duration", 42 * 1440, "minutes", "exact", "ngày")]})])
    assert [m.type for m in ms] == ["ceasefire"]
    assert evs[0]["type"] == "ceasefire" and evs[0]["quantities"] == {"days": 42}
    assert evs[0]["cameo"] == "0871"


# ------------------------------------------------------------------------------ status

@pytest.mark.parametrize("sentence, status", [
    ("Hai ngoại trưởng sẽ điện đàm vào tuần tới.", "planned"),
    ("Hai ngoại trưởng dự kiến điện đàm vào tuần tới.", "planned"),
    ("Hai ngoại trưởng có thể điện đàm vào tuần tới.", "hypothetical"),
    ("Bộ Ngoại giao không loại trừ khả năng hai ngoại trưởng điện đàm.", "hypothetical"),
    ("Hai ngoại trưởng đã điện đàm tối qua.", "occurred"),
    ("Hai ngoại trưởng điện đàm tối qua.", "occurred"),
])
def test_status_cues(res, sentence, status):
    _, ms, _ = run(res, [(sentence, {})])
    assert ms[0].status == status


def test_negated_mention_is_dropped(res):
    _, ms, evs = run(res, [("Ngoại trưởng Pháp chưa điện đàm với Ngoại trưởng Nhật Bản.", {
        "actors": [P("Ngoại trưởng Pháp", "A Fr", "France"), P("Ngoại trưởng Nhật Bản", "B Jp", "Japan")]})])
    assert ms[0].flags["status_raw"] == "negated"
    assert evs == []


def test_explicit_denial_is_denied_but_a_concessive_one_states_nothing(res):
    _, _, evs = run(res, [("Điện Kremlin bác bỏ thông tin Tổng thống Pháp sẽ gặp Tổng thống Nga.", {
        "actors": [("Điện Kremlin", "Kremlin", "organization", "Russia"), P("Tổng thống Pháp", "A Fr", "France"),
                   P("Tổng thống Nga", "B Ru", "Russia")]})])
    assert len(evs) == 1 and evs[0]["status"] == "denied"
    _, _, evs = run(res, [("Dù hai nhà lãnh đạo chưa có kế hoạch gặp mặt, quan hệ vẫn cải thiện.", {
        "actors": [("hai nhà lãnh đạo", ["A Fr", "B Ru"])]})])
    assert evs == []


def test_agreement_verb_status_depends_on_type(res):
    _, ms, _ = run(res, [("Hai bên nhất trí ngừng bắn trong dịp lễ.", {}),
                         ("Hai bên nhất trí tổ chức cuộc gặp tại Hà Nội.", {})])
    st = {m.type: m.status for m in ms}
    assert st == {"ceasefire": "occurred", "meeting": "planned"}


def test_accepting_a_proposal_makes_the_outcome_occur(res):
    _, ms, _ = run(res, [("Tổng thống Nga đồng ý với sáng kiến ngừng bắn 30 ngày của Tổng thống Pháp.", {})])
    assert ms[0].type == "ceasefire" and ms[0].status == "occurred"


# ------------------------------------------------------------------------------ arguments

def test_initiator_from_do_phia_x_khoi_xuong_maps_to_the_person(res):
    _, _, evs = run(res, [
        ("Thủ tướng Anh Starmer điện đàm với Tổng thống Pháp Macron.", {
            "actors": [P("Thủ tướng Anh Starmer", "Keir Starmer", "United Kingdom"),
                       P("Tổng thống Pháp Macron", "Emmanuel Macron", "France")]}),
        ("Cuộc điện đàm do phía Pháp khởi xướng, kéo dài 40 phút.", {
            "actors": [("phía Pháp", "France", "country", "France")],
            "quantities": [("40 phút", "duration", 40, "minutes", "exact")]}),
    ])
    assert len(evs) == 1
    assert evs[0]["initiator"] == "Emmanuel Macron"
    assert evs[0]["duration_minutes"] == 40
    assert evs[0]["evidence"]["initiator"][0]["sentence"].startswith("Cuộc điện đàm do phía Pháp")


def test_initiator_x_goi_dien_cho_y(res):
    _, ms, _ = run(res, [("Thủ tướng Anh Starmer gọi điện cho Tổng thống Pháp Macron tối qua.", {
        "actors": [P("Thủ tướng Anh Starmer", "Keir Starmer", "United Kingdom"),
                   P("Tổng thống Pháp Macron", "Emmanuel Macron", "France")]})])
    assert ms[0].type == "phone_call" and ms[0].initiator == "Keir Starmer"


def test_a_call_over_the_hotline_is_a_phone_call_with_its_caller(res):
    """"X (chủ động) gọi qua đường dây nóng cho Y": a phone call that X started."""
    _, ms, _ = run(res, [("Chiều 3/7, chỉ huy quân đội Thái Lan chủ động gọi qua đường dây nóng cho phía Campuchia.", {
        "actors": [C("Thái Lan", "Thailand"), C("Campuchia", "Cambodia")]})])
    calls = [m for m in ms if m.type == "phone_call"]
    assert len(calls) == 1 and set(calls[0].participants) == {"Thailand", "Cambodia"}
    assert calls[0].initiator == "Thailand"


def test_an_appeal_is_no_call(res):
    """"kêu gọi ... cho": an appeal, no call; "gọi" alone with no phone word is none either."""
    _, ms, _ = run(res, [("Thái Lan kêu gọi viện trợ khẩn cấp cho Campuchia.", {
        "actors": [C("Thái Lan", "Thailand"), C("Campuchia", "Cambodia")]})])
    assert not [m for m in ms if m.type == "phone_call"]


def test_an_appointment_to_talk_by_phone_is_a_planned_call(res):
    """"hẹn" is a plan; a closing quote may end a fragment inside a gapped form."""
    _, ms, _ = run(res, [("Quan chức Pháp cho biết hai bên \"đã hẹn trao đổi thêm\" qua điện thoại vào sáng 14/6.", {
        "actors": [C("Pháp", "France")], "times": [("sáng 14/6", "date", "2025-06-14", True)]})])
    calls = [m for m in ms if m.type == "phone_call"]
    assert len(calls) == 1 and calls[0].status == "planned" and calls[0].date == "2025-06-14"


def test_duration_nearest_trigger_and_offsets_ignored(res):
    _, ms, _ = run(res, [("Ông cho biết chỉ vài giờ sau khi điện đàm với Thủ tướng Ý, ông đã bay tới Paris.", {
        "actors": [P("Thủ tướng Ý", "Giorgia Meloni", "Italy")],
        "quantities": [("vài giờ", "duration", 180, "minutes", "approx")]})])
    assert ms[0].type == "phone_call" and ms[0].duration_minutes is None
    _, ms, _ = run(res, [("Cuộc điện đàm kéo dài gần 90 phút.", {
        "quantities": [("gần 90 phút", "duration", 90, "minutes", "approx")]})])
    assert ms[0].duration_minutes == 90 and ms[0].flags["duration_qualifier"] == "approx"


@pytest.mark.parametrize("sentence, expected", [
    ("Hai nước sẽ trao đổi 90 tù binh từ mỗi bên vào cuối tuần.", {"prisoners_each_side": 90}),
    ("Hai bên nhất trí về việc trao đổi tù binh theo công thức 500 đổi 500.", {"prisoners_each_side": 500}),
    ("Phía này sẽ trao trả 12 thương binh cho phía kia.", {"wounded_transferred": 12}),
    ("Phía này sẽ chuyển 15 binh sĩ bị thương nặng cho phía kia.", {"wounded_transferred": 15}),
    ("Nhóm vũ trang phóng thích 4 con tin.", {"hostages": 4}),
])
def test_prisoner_quantities(res, sentence, expected):
    _, ms, _ = run(res, [(sentence, {})])
    pe = [m for m in ms if m.type == "prisoner_exchange"]
    assert pe and pe[0].quantities == expected


def test_ceasefire_days_from_duration(res):
    _, ms, _ = run(res, [("Hai bên tuyên bố ngừng bắn 7 ngày.", {})])
    assert ms[0].type == "ceasefire" and ms[0].quantities == {"days": 7}


@pytest.mark.parametrize("sentence, ordinal", [
    ("Đây là cuộc điện đàm thứ tư giữa hai ông trong năm nay.", 4),
    ("Đây là cuộc điện đàm thứ 5 giữa hai ông.", 5),
    ("Đây là cuộc gặp đầu tiên giữa hai bộ trưởng.", 1),
    ("Hai ông đã có cuộc điện đàm thứ Ba tuần trước.", None),
])
def test_ordinal(res, sentence, ordinal):
    _, ms, _ = run(res, [(sentence, {})])
    assert ms[0].ordinal == ordinal


def test_location_after_tai_and_blocked_after_conflict_nouns(res):
    _, ms, _ = run(res, [("Hai ngoại trưởng hội đàm tại Jakarta hôm qua.", {
        "actors": [("Jakarta", "Jakarta", "place", "Indonesia")]})])
    assert ms[0].location == "Jakarta"
    _, ms, _ = run(res, [("Hai ngoại trưởng điện đàm về chấm dứt xung đột ở Gaza.", {
        "actors": [("Gaza", "Gaza Strip", "place", None)]})])
    assert ms[0].location is None


def test_date_nearest_trigger_and_since_phrases_skipped(res):
    _, ms, _ = run(res, [("Ngày 3/6, hai ngoại trưởng điện đàm, lần thứ hai kể từ tháng 1.", {
        "times": [("Ngày 3/6", "date", "2025-06-03", True), ("tháng 1", "month", "2025-01", True)]})])
    assert ms[0].date == "2025-06-03" and ms[0].flags["year_explicit"] is False
    _, ms, _ = run(res, [("Thủ tướng nói về cuộc điện đàm, trước cuộc gặp lúc 9h cùng ngày với Tổng thống.", {
        "times": [("9h cùng ngày", "time", "T09:00", True)]})])
    assert {m.type: m.date for m in ms} == {"phone_call": "2025-06-10", "meeting": "2025-06-10"}


def test_main_event_without_a_stated_date_stays_undated(res):
    _, _, evs = run(res, [("Tổng thống Pháp Macron điện đàm với Thủ tướng Anh Starmer.", {
        "actors": [P("Tổng thống Pháp Macron", "Emmanuel Macron", "France"),
                   P("Thủ tướng Anh Starmer", "Keir Starmer", "United Kingdom")]})])
    assert evs[0]["date"] is None and evs[0]["date_basis"] == "none"


def test_attribution_source_and_evidence_spans(res):
    doc, ms, evs = run(res, [("Theo Điện Kremlin, Tổng thống Nga Putin đã điện đàm với Tổng thống Pháp Macron.", {
        "actors": [("Điện Kremlin", "Kremlin", "organization", "Russia"),
                   P("Tổng thống Nga Putin", "Vladimir Putin", "Russia"),
                   P("Tổng thống Pháp Macron", "Emmanuel Macron", "France")],
        "attribution": ("Điện Kremlin", "Kremlin", "theo")})])
    assert set(evs[0]["participants"]) == {"Vladimir Putin", "Emmanuel Macron"}
    m = evs[0]["mentions"][0]
    assert m["source"] == "Kremlin"
    assert doc.text[m["start"]:m["end"]] == m["sentence"]
    assert doc.text[ms[0].start:ms[0].end] == "điện đàm"


def test_first_person_in_a_post_is_the_poster(res):
    _, ms, _ = run(res, [("\"Cuộc điện đàm của tôi với Thủ tướng Ấn Độ rất tốt\", Tổng thống Mỹ viết.", {
        "actors": [P("Thủ tướng Ấn Độ", "Narendra Modi", "India"), P("Tổng thống Mỹ", "Donald Trump", "United States")],
        "attribution": ("Tổng thống Mỹ", "Donald Trump", "quote")})])
    assert set(ms[0].participants) == {"Donald Trump", "Narendra Modi"}


# ------------------------------------------------------------------------------ document events

CALL_ARTICLE = [
    ("Chiều 3/6, Thủ tướng Lào Sonexay điện đàm với Thủ tướng Việt Nam Chính.", {
        "actors": [P("Thủ tướng Lào Sonexay", "Sonexay Siphandone", "Laos"),
                   P("Thủ tướng Việt Nam Chính", "Pham Minh Chinh", "Vietnam")],
        "times": [("Chiều 3/6", "date", "2025-06-03", True)]}),
    ("Cuộc điện đàm kéo dài khoảng 40 phút.", {
        "quantities": [("khoảng 40 phút", "duration", 40, "minutes", "approx")]}),
    ("Trong cuộc trao đổi, hai nhà lãnh đạo bàn về thương mại và an ninh.", {
        "actors": [("hai nhà lãnh đạo", ["Sonexay Siphandone", "Pham Minh Chinh"])]}),
    ("Đây là cuộc điện đàm thứ hai giữa hai ông trong năm nay.", {}),
    ("Hai nhà lãnh đạo nhất trí sẽ gặp nhau tại Vientiane vào tháng 10.", {
        "actors": [("Hai nhà lãnh đạo", ["Sonexay Siphandone", "Pham Minh Chinh"]),
                   ("Vientiane", "Vientiane", "place", "Laos")],
        "times": [("tháng 10", "month", "2025-10", True)]}),
    ("Trước đó, ngày 20/5, Bộ trưởng Ngoại giao Sơn đã điện đàm với Bộ trưởng Ngoại giao Lào Thongsavanh.", {
        "actors": [P("Bộ trưởng Ngoại giao Sơn", "Bui Thanh Son", "Vietnam"),
                   P("Bộ trưởng Ngoại giao Lào Thongsavanh", "Thongsavanh Phomvihane", "Laos")],
        "times": [("ngày 20/5", "date", "2025-05-20", True)]}),
]


def test_coreferent_mentions_merge_into_one_main_event(res):
    _, ms, evs = run(res, CALL_ARTICLE)
    calls = [e for e in evs if e["type"] == "phone_call"]
    main = [e for e in calls if e["main"]]
    assert len(main) == 1
    m = main[0]
    assert m["date"] == "2025-06-03" and m["date_basis"] == "sentence" and m["year_explicit"] is False
    assert m["duration_minutes"] == 40 and m["ordinal"] == 2
    assert set(m["participants"]) == {"Sonexay Siphandone", "Pham Minh Chinh"}
    assert len(m["mentions"]) >= 3
    assert "trade and economy" in m["topics"]


def test_background_recap_is_a_separate_event_with_its_own_date(res):
    _, _, evs = run(res, CALL_ARTICLE)
    recap = [e for e in evs if e["type"] == "phone_call" and not e["main"]]
    assert len(recap) == 1
    assert recap[0]["date"] == "2025-05-20"
    assert set(recap[0]["participants"]) == {"Bui Thanh Son", "Thongsavanh Phomvihane"}


def test_planned_meeting_takes_the_leaders_in_focus(res):
    _, _, evs = run(res, CALL_ARTICLE)
    meet = [e for e in evs if e["type"] == "meeting"]
    assert len(meet) == 1
    assert meet[0]["status"] == "planned" and meet[0]["location"] == "Vientiane"
    assert set(meet[0]["participants"]) == {"Sonexay Siphandone", "Pham Minh Chinh"}
    assert meet[0]["date"] == "2025-10"


def test_weak_talk_word_with_other_participants_is_a_second_call(res):
    lines = CALL_ARTICLE[:2] + [
        ("Sau đó, Thủ tướng Việt Nam Chính đã có cuộc trò chuyện với Thủ tướng Campuchia Manet.", {
            "actors": [P("Thủ tướng Việt Nam Chính", "Pham Minh Chinh", "Vietnam"),
                       P("Thủ tướng Campuchia Manet", "Hun Manet", "Cambodia")]})]
    _, _, evs = run(res, lines)
    calls = [e for e in evs if e["type"] == "phone_call"]
    assert len(calls) == 2
    second = [e for e in calls if not e["main"]][0]
    assert set(second["participants"]) == {"Pham Minh Chinh", "Hun Manet"}
    assert second["date"] == "2025-06-03" and second["date_basis"] == "document"


def test_restated_ceasefire_merges_and_takes_the_call_date(res):
    _, _, evs = run(res, [
        ("Ngày 5/6, Tổng thống Pháp Macron điện đàm với Tổng thống Nga Putin.", {
            "actors": [P("Tổng thống Pháp Macron", "Emmanuel Macron", "France"),
                       P("Tổng thống Nga Putin", "Vladimir Putin", "Russia")],
            "times": [("Ngày 5/6", "date", "2025-06-05", True)]}),
        ("Hai bên nhất trí ngừng tấn công các nhà máy điện trong 10 ngày.", {
            "actors": [("Hai bên", ["Emmanuel Macron", "Vladimir Putin"])]}),
        ("Ông Putin đã đồng ý cùng với Pháp đình chỉ các cuộc tấn công vào nhà máy điện trong 10 ngày.", {
            "actors": [P("Ông Putin", "Vladimir Putin", "Russia"), C("Pháp", "France")]}),
    ])
    cf = [e for e in evs if e["type"] == "ceasefire"]
    assert len(cf) == 1
    assert cf[0]["status"] == "occurred" and cf[0]["quantities"] == {"days": 10}
    assert cf[0]["date"] == "2025-06-05" and cf[0]["date_basis"] == "document"
    assert "energy infrastructure" in cf[0]["topics"]


def test_prisoner_exchange_planned_for_a_date(res):
    _, _, evs = run(res, [("Ông cho biết, vào ngày 21/6, Nga và Ukraine sẽ tiến hành trao đổi 80 tù binh từ mỗi bên.", {
        "actors": [C("Nga", "Russia"), C("Ukraine", "Ukraine")],
        "times": [("ngày 21/6", "date", "2025-06-21", True)]})])
    pe = [e for e in evs if e["type"] == "prisoner_exchange"]
    assert len(pe) == 1
    e = pe[0]
    assert e["status"] == "planned" and e["date"] == "2025-06-21"
    assert set(e["participants"]) == {"Russia", "Ukraine"}
    assert e["quantities"] == {"prisoners_each_side": 80}
    assert e["cameo"] == "0841"


def test_talk_events_need_two_sides_and_generic_nouns_make_no_event(res):
    _, _, evs = run(res, [("Các cuộc đàm phán đang diễn ra sau cánh cửa đóng kín.", {}),
                          ("Bất kỳ thỏa thuận nào cũng phải bền vững.", {})])
    assert evs == []


def test_statements_are_not_flooded(res):
    _, _, evs = run(res, [
        ("Thủ tướng Ấn Độ Modi điện đàm với Thủ tướng Nhật Bản Ishiba.", {
            "actors": [P("Thủ tướng Ấn Độ Modi", "Narendra Modi", "India"),
                       P("Thủ tướng Nhật Bản Ishiba", "Shigeru Ishiba", "Japan")]}),
        ("Bộ Ngoại giao Ấn Độ sau đó ra tuyên bố về cuộc điện đàm.", {
            "actors": [("Bộ Ngoại giao Ấn Độ", "Ministry of External Affairs of India", "organization", "India")]}),
    ])
    assert [e["type"] for e in evs] == ["phone_call"]


def test_mention_order_ids_and_record_shape(res):
    doc, _, evs = run(res, CALL_ARTICLE)
    assert [e["doc_event_id"] for e in evs] == [f"t.txt#{i}" for i in range(len(evs))]
    keys = {"doc_event_id", "doc", "type", "cameo", "status", "date", "date_confidence", "date_basis",
            "year_explicit", "participants", "initiator", "duration_minutes", "duration_qualifier", "location",
            "topics", "quantities", "ordinal", "main", "mentions", "evidence", "pub_date", "outlet"}
    for e in evs:
        assert keys <= set(e)
        assert e["doc"] == "t.txt" and e["pub_date"] == "2025-06-10"
        for m in e["mentions"]:
            assert doc.text[m["start"]:m["end"]] == m["sentence"]


def test_no_trigger_no_work(res):
    doc, an = build([("Giá vàng hôm nay tăng nhẹ.", {})])
    assert extract_mentions(doc, an, res) == []
    assert document_events(doc, an, [], res) == []


# ------------------------------------------------------------------------------ golden articles
# tests/golden/events/*.yaml: own-written short articles, run through the real cleaning and
# language layer; each expected event says why it is expected.

import json                      # noqa: E402
from pathlib import Path         # noqa: E402

import yaml                      # noqa: E402

GOLDEN = Path(__file__).parent / "golden" / "events"
GOLD_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seeds-gold.jsonl"


def _pipeline_events(res, doc_id: str, text: str | None = None, path: Path | None = None, pub: str | None = None):
    from sukien import vi
    from sukien.ingest import prepare_document
    from sukien.models import MetaValue, RawInput
    if path is not None:
        raw = RawInput(doc_id=doc_id, origin=str(path), data=path.read_bytes(), fmt="txt")
    else:
        raw = RawInput(doc_id=doc_id, origin=doc_id, text=text, fmt="txt")
    doc, _ = prepare_document(raw, res.config, res)
    if pub:
        doc.pub_date = MetaValue(pub, "test")
    an = vi.analyze(doc, res)
    ms = extract_mentions(doc, an, res)
    return doc, document_events(doc, an, ms, res)


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.yaml")), ids=lambda p: p.stem)
def test_golden_article(res, path):
    g = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert g.get("why") and all(e.get("why") for e in g["expected"])
    _, evs = _pipeline_events(res, path.stem + ".txt", text=g["text"], pub=g.get("pub_date"))
    got = [(e["type"], sorted(e["participants"])) for e in evs]
    def same(e, exp):
        if "participants_include" in exp:
            return set(exp["participants_include"]) <= set(e["participants"])
        if exp.get("by_country"):          # people and their countries are the same side
            cm = _country_map(res, list(e["participants"]) + list(exp["participants"]))
            return _countries(e["participants"], cm) == _countries(exp["participants"], cm)
        return set(e["participants"]) == set(exp["participants"])

    for exp in g["expected"]:
        cands = [e for e in evs if e["type"] == exp["type"] and same(e, exp)]
        assert cands, f"{path.stem}: missing {exp['type']} {exp.get('participants')} ({exp['why']}); got {got}"
        # several events of one type and sides (an exchange and the planned rest of it): the one
        # with the expected status and date
        e = max(cands, key=lambda e: sum(e.get(k) == exp[k] for k in ("status", "date") if k in exp))
        for key in ("status", "date", "main", "location", "initiator", "duration_minutes", "quantities",
                    "ordinal", "cameo"):
            if key in exp:
                assert e[key] == exp[key], f"{path.stem}: {exp['type']} {key}: {e[key]!r} != {exp[key]!r} ({exp['why']})"
    if g.get("exact_count"):
        assert len(evs) == len(g["expected"]), f"{path.stem}: extra events {got}"
    for t in g.get("absent_types", []):
        assert t not in [e["type"] for e in evs], f"{path.stem}: unexpected {t}"


# ------------------------------------------------------------------------------ seeds (per document)
# Core gold events of ../shared/eval/seeds-gold.jsonl, checked document by document (the
# cross-document dates are the resolution stage's job). People are compared through countries,
# as score.py does.

TYPE_GROUP = {"phone_call": 0, "meeting": 1, "negotiation": 1, "visit": 1, "agreement": 2, "ceasefire": 2,
              "prisoner_exchange": 3, "statement": 4, "proposal": 4, "other": 5}


def _countries(names, extra):
    return {extra.get(n) or n for n in names}


@pytest.fixture(scope="module")
def seed_results(res):
    if not GOLD_SEEDS.is_file():
        pytest.skip("seed gold not found")
    seeds = GOLD_SEEDS.parent.parent / "corpus" / "seeds"
    gold = [json.loads(line) for line in GOLD_SEEDS.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = {}
    for rec in gold:
        doc, evs = _pipeline_events(res, rec["doc"], path=seeds / rec["doc"])
        out[rec["doc"]] = (rec, evs)
    return out


def _country_map(res, names):
    m = {}
    for n in names:
        a = res.actors.by_name(n)
        if a is not None:
            m[n] = a.name if a.kind == "country" else (a.country or n)
    return m


def _match(res, g, evs, used):
    best = None
    for i, e in enumerate(evs):
        if i in used or TYPE_GROUP[e["type"]] != TYPE_GROUP[g["type"]]:
            continue
        cm = _country_map(res, list(g["participants"]) + list(e["participants"]))
        gc, sc = _countries(g["participants"], cm), _countries(e["participants"], cm)
        if not gc & sc:
            continue
        accept = g.get("date_accept") or [g.get("date")]
        score = (len(gc & sc) / len(gc | sc) + (e["type"] == g["type"]) + (e.get("date") in accept)
                 + 0.5 * (e["status"] == g["status"]))
        if best is None or score > best[0]:
            best = (score, i, gc == sc)
    return best


# Known gaps, each with its reason (kept visible instead of weakening the checks):
KNOWN = {
    # "thông báo về một cuộc trao đổi tù binh lớn vào ngày 19/3" has no future marker in the text;
    # only the other article (000) says "sẽ". Resolution merges both (explicit "planned" wins).
    ("002-3", "status"),
}


def test_seed_core_events_per_document(res, seed_results):
    problems = []
    unmatched = 0
    for doc, (rec, evs) in seed_results.items():
        used: set[int] = set()
        for g in sorted(rec["events"], key=lambda g: not g["core"]):
            b = _match(res, g, evs, used)
            if b is None:
                if g["core"]:
                    problems.append(f"{g['gid']}: no {g['type']} {g['participants']}")
                continue
            _, i, same = b
            used.add(i)
            if not g["core"]:
                continue
            e = evs[i]
            checks = {"type": e["type"] == g["type"], "status": e["status"] == g["status"], "participants": same}
            if g.get("duration_minutes"):
                checks["duration"] = bool(e["duration_minutes"]) and abs(e["duration_minutes"] - g["duration_minutes"]) <= 0.1 * g["duration_minutes"]
            if g.get("date") and not str(g.get("date_source", "")).startswith("cross_document"):
                accept = g.get("date_accept") or [g["date"]]
                # the year of a "dd/mm" date is the time layer's inference (year_explicit False)
                ok = e["date"] in accept or (not e["year_explicit"] and e["date"]
                                             and any(e["date"][4:] == a[4:] for a in accept))
                checks["date"] = bool(ok)
            for q, v in (g.get("quantities") or {}).items():
                checks[f"quantity {q}"] = e["quantities"].get(q) == v
            if g.get("ordinal"):
                checks["ordinal"] = e["ordinal"] == g["ordinal"]
            if g.get("initiator"):
                cm = _country_map(res, [g["initiator"], e["initiator"] or ""])
                checks["initiator"] = bool(e["initiator"]) and _countries([e["initiator"]], cm) == _countries([g["initiator"]], cm)
            if g.get("location"):
                checks["location"] = e["location"] == g["location"]
            for k, ok in checks.items():
                if not ok and (g["gid"], k) not in KNOWN:
                    problems.append(f"{g['gid']} {k}: got {e.get(k if k != 'duration' else 'duration_minutes')}")
        unmatched += len(evs) - len(used)
    assert not problems, problems
    # precision: at most one exported document event per two documents matches no gold event
    assert unmatched <= 2, unmatched


def test_seed_known_gaps_are_still_gaps(res, seed_results):
    """When a known gap closes, remove it from KNOWN (this test then fails to remind us)."""
    rec, evs = seed_results["002_b7272d817535fd3e.txt"]
    pe = [e for e in evs if e["type"] == "prisoner_exchange"]
    assert pe and pe[0]["status"] == "occurred" and pe[0]["status_basis"] == "default"


def test_subjectless_clause_continues_the_subject_but_not_a_fronted_source(res):
    _, ms, _ = run(res, [("Ngày 5/9, Thủ tướng Chính đến Tokyo, bắt đầu chuyến thăm và làm việc tại Nhật Bản.", {
        "actors": [P("Thủ tướng Chính", "Pham Minh Chinh", "Vietnam"), ("Tokyo", "Tokyo", "place", "Japan"),
                   C("Nhật Bản", "Japan")],
        "times": [("Ngày 5/9", "date", "2025-09-05", True)]})])
    v = [m for m in ms if m.type == "visit"][0]
    assert "Pham Minh Chinh" in v.participants and v.date == "2025-09-05"
    _, ms, _ = run(res, [("Theo Điện Kremlin, đã diễn ra cuộc gặp kéo dài ba giờ.", {
        "actors": [("Điện Kremlin", "Kremlin", "organization", "Russia")],
        "attribution": ("Điện Kremlin", "Kremlin", "theo")})])
    assert ms[0].type == "meeting" and ms[0].participants == []


def test_fronted_place_locates_the_first_event(res):
    _, ms, _ = run(res, [("Ngày 28/7, tại Putrajaya, Thủ tướng Malaysia Anwar chủ trì cuộc gặp giữa hai bên.", {
        "actors": [("Putrajaya", "Putrajaya", "place", "Malaysia"), P("Thủ tướng Malaysia Anwar", "Anwar Ibrahim", "Malaysia")],
        "times": [("Ngày 28/7", "date", "2025-07-28", True)]})])
    assert ms[0].type == "meeting" and ms[0].location == "Putrajaya"


def test_reception_and_working_visit_forms(res):
    _, ms, _ = run(res, [("Thủ tướng tiếp xã giao Bộ trưởng Quốc phòng Australia.", {}),
                         ("Bộ trưởng thăm và làm việc tại Lào.", {})])
    assert [(m.type, m.flags["cameo"]) for m in ms] == [("meeting", "043"), ("visit", "042")]


def test_a_time_belongs_to_the_event_before_it_in_its_clause(res):
    _, ms, _ = run(res, [("Cuộc gặp thượng đỉnh hai nước tại Hà Nội năm 2019 kết thúc mà không đạt được thỏa thuận.", {
        "times": [("năm 2019", "year", "2019", False)]})])
    by_type = {m.type: m for m in ms}
    assert by_type["meeting"].date == "2019"
    assert by_type["agreement"].date is None and by_type["agreement"].flags["status_raw"] == "negated"
    _, ms, _ = run(res, [("Tối 19/5, Nhà Trắng thông báo, hai tổng thống đã điện đàm.", {
        "times": [("Tối 19/5", "date", "2025-05-19", True)]})])
    assert ms[0].date == "2025-05-19"


def test_lan_luot_gives_one_event_per_object(res):
    _, _, evs = run(res, [("Tối 25/3, Thủ tướng Chính lần lượt điện đàm với Thủ tướng Lào Sonexay và Thủ tướng Thái Lan Paetongtarn.", {
        "actors": [P("Thủ tướng Chính", "Pham Minh Chinh", "Vietnam"), P("Thủ tướng Lào Sonexay", "Sonexay Siphandone", "Laos"),
                   P("Thủ tướng Thái Lan Paetongtarn", "Paetongtarn Shinawatra", "Thailand")],
        "times": [("Tối 25/3", "date", "2025-03-25", True)]})])
    calls = sorted(tuple(sorted(e["participants"])) for e in evs if e["type"] == "phone_call")
    assert calls == [("Paetongtarn Shinawatra", "Pham Minh Chinh"), ("Pham Minh Chinh", "Sonexay Siphandone")]


_CHINH = P("Thủ tướng Chính", "Pham Minh Chinh", "Vietnam")
_SONEXAY = P("Thủ tướng Lào Sonexay", "Sonexay Siphandone", "Laos")
_PAETONG = P("Thủ tướng Thái Lan Paetongtarn", "Paetongtarn Shinawatra", "Thailand")


def _meetings(evs):
    return sorted(tuple(sorted(e["participants"])) for e in evs if e["type"] == "meeting")


def test_a_plural_summary_of_talks_is_one_talk_per_object(res):
    """"đã có các cuộc gặp song phương với A và B" sums up several talks: one per object, never one
    talk of all three, even when the summary is dated and the single talks follow it."""
    _, _, evs = run(res, [
        ("Ngày 20/4, bên lề hội nghị tại Bangkok, Thủ tướng Chính đã có các cuộc gặp song phương với Thủ tướng Lào Sonexay và Thủ tướng Thái Lan Paetongtarn.", {
            "actors": [_CHINH, _SONEXAY, _PAETONG], "times": [("Ngày 20/4", "date", "2025-04-20", True)]}),
        ("Sáng 20/4, Thủ tướng Chính gặp Thủ tướng Lào Sonexay.", {
            "actors": [_CHINH, _SONEXAY], "times": [("Sáng 20/4", "date", "2025-04-20", True)]}),
        ("Chiều cùng ngày, Thủ tướng Chính gặp Thủ tướng Thái Lan Paetongtarn.", {"actors": [_CHINH, _PAETONG]})])
    assert _meetings(evs) == [("Paetongtarn Shinawatra", "Pham Minh Chinh"), ("Pham Minh Chinh", "Sonexay Siphandone")]


@pytest.mark.parametrize("sentence", [
    "Thủ tướng Chính đã gặp riêng Thủ tướng Lào Sonexay và Thủ tướng Thái Lan Paetongtarn.",
    "Thủ tướng Chính có những cuộc gặp với Thủ tướng Lào Sonexay và Thủ tướng Thái Lan Paetongtarn.",
])
def test_separately_or_plural_talks_split_per_object(res, sentence):
    _, _, evs = run(res, [(sentence, {"actors": [_CHINH, _SONEXAY, _PAETONG]})])
    assert _meetings(evs) == [("Paetongtarn Shinawatra", "Pham Minh Chinh"), ("Pham Minh Chinh", "Sonexay Siphandone")]


@pytest.mark.parametrize("sentence", [
    # no plural cue: one talk of the three
    "Thủ tướng Chính đã gặp Thủ tướng Lào Sonexay và Thủ tướng Thái Lan Paetongtarn.",
    # the sides of each talk after "giữa": no object list to split
    "Các cuộc gặp giữa Thủ tướng Chính, Thủ tướng Lào Sonexay và Thủ tướng Thái Lan Paetongtarn diễn ra tại Viêng Chăn.",
])
def test_no_split_without_a_plural_cue_or_between_sides(res, sentence):
    _, _, evs = run(res, [(sentence, {"actors": [_CHINH, _SONEXAY, _PAETONG]})])
    assert _meetings(evs) == [("Paetongtarn Shinawatra", "Pham Minh Chinh", "Sonexay Siphandone")]


def test_a_summit_named_as_a_venue_is_no_event(res):
    _, ms, evs = run(res, [("Hai ngoại trưởng Pháp và Đức sẽ gặp nhau bên lề Hội nghị cấp cao G20 vào tháng 11 tại Brazil.", {
        "actors": [C("Pháp", "France"), C("Đức", "Germany"), ("G20", "G20", "organization", None), C("Brazil", "Brazil")],
        "times": [("tháng 11", "month", "2025-11", True)]})])
    summit = [m for m in ms if m.trigger.lower().startswith("hội nghị")][0]
    assert summit.flags["asserted"] is False
    meet = [e for e in evs if e["type"] == "meeting"]
    assert len(meet) == 1 and meet[0]["date"] == "2025-11" and meet[0]["location"] == "Brazil"


def test_negated_or_conditional_agreement_verb(res):
    _, ms, _ = run(res, [("Ông cảnh báo phía kia sẽ chịu hậu quả nếu không đồng ý ngừng bắn.", {})])
    assert ms[0].type == "ceasefire" and ms[0].flags["status_raw"] == "negated"


def test_time_relative_to_another_event_is_not_a_date(res):
    _, ms, _ = run(res, [("Hai nước trao đổi 50 tù binh, một ngày trước cuộc gặp thượng đỉnh tại Geneva.", {
        "times": [("một ngày trước", "date", "2025-06-09", True)]})])
    assert all(m.date is None for m in ms)


def test_title_chain_comma_keeps_the_object(res):
    _, ms, _ = run(res, [("Ông Sơn có cuộc gặp song phương với Ủy viên Bộ Chính trị, Bộ trưởng Ngoại giao Trung Quốc Vương Nghị.", {
        "actors": [P("Ông Sơn", "Bui Thanh Son", "Vietnam"), P("Bộ trưởng Ngoại giao Trung Quốc Vương Nghị", "Wang Yi", "China")]})])
    assert set(ms[0].participants) == {"Bui Thanh Son", "Wang Yi"}


def test_purpose_of_a_planned_trip_is_planned_with_the_traveller(res):
    _, ms, _ = run(res, [("Ông Sánchez cho biết ông sẽ tới Bắc Kinh vào tuần tới để gặp Chủ tịch Tập Cận Bình.", {
        "actors": [P("Ông Sánchez", "Pedro Sanchez", "Spain"), ("Bắc Kinh", "Beijing", "place", "China"),
                   P("Chủ tịch Tập Cận Bình", "Xi Jinping", "China")]})])
    meet = [m for m in ms if m.type == "meeting"][0]
    assert meet.status == "planned" and set(meet.participants) == {"Pedro Sanchez", "Xi Jinping"}
    _, ms, _ = run(res, [("Hai nước lập nhóm công tác để đàm phán về thuế quan.", {})])
    assert ms[0].type == "negotiation" and ms[0].status == "hypothetical"


def test_press_conference_statement_of_the_speaker_when_it_is_the_article(res):
    _, _, evs = run(res, [("Chiều 6/3, tại họp báo thường kỳ, người phát ngôn Bộ Ngoại giao Nguyễn Văn A nêu rõ lập trường.", {
        "actors": [P("người phát ngôn Bộ Ngoại giao Nguyễn Văn A", "Nguyen Van A", "Vietnam")],
        "times": [("Chiều 6/3", "date", "2025-03-06", True)],
        "attribution": ("người phát ngôn Bộ Ngoại giao Nguyễn Văn A", "Nguyen Van A", "nêu rõ")})])
    assert [(e["type"], e["participants"], e["date"]) for e in evs] == [("statement", ["Nguyen Van A"], "2025-03-06")]


def test_exchange_ratio_with_lay(res):
    _, ms, _ = run(res, [("Hai bên nhất trí trao đổi 300 tù binh lấy 300 tù binh vào tuần tới.", {})])
    pe = [m for m in ms if m.type == "prisoner_exchange"][0]
    assert pe.quantities == {"prisoners_each_side": 300}


# ------------------------------------------------------------------------------ meeting reports
# Own sentences run through the real language layer (actor dictionary, times, quantities).

def _evs(res, text, pub="2025-06-11"):
    return _pipeline_events(res, "r.txt", text=text, pub=pub)[1]


def _of(evs, etype):
    return [e for e in evs if e["type"] == etype]


def _mentions(res, text, pub="2025-06-11"):
    from sukien import vi
    from sukien.ingest import prepare_document
    from sukien.models import RawInput
    doc, _ = prepare_document(RawInput(doc_id="m.txt", origin="m.txt", text=text, fmt="txt"), res.config, res)
    doc.pub_date = MetaValue(pub, "test")
    return extract_mentions(doc, vi.analyze(doc, res), res)


def test_requests_inside_a_meeting_report_are_talking_points(res):
    evs = _evs(res, "Chiều 3/6, Chủ tịch nước Lương Cường tiếp Thủ tướng Malaysia Anwar Ibrahim tại Hà Nội.\n\n"
                    "Chủ tịch nước đề nghị phía Malaysia tạo thuận lợi cho hàng nông sản Việt Nam. "
                    "Ông cũng đề nghị hai nước phối hợp chặt chẽ tại các diễn đàn khu vực.")
    assert [e["type"] for e in evs] == ["meeting"]


@pytest.mark.parametrize("sentence, talking", [
    ("Thủ tướng đề nghị phía Hàn Quốc mở rộng đầu tư vào công nghiệp bán dẫn.", True),
    ("Bộ trưởng đề nghị hai bên tăng cường trao đổi đoàn các cấp.", True),
    ("Bộ trưởng đề nghị hai bên tổ chức hội nghị doanh nghiệp vào năm sau.", False),
    ("Phía Nga đề xuất một lệnh ngừng bắn ngắn hạn tại các khu vực tiền tuyến.", False),
])
def test_talking_point_flag(res, sentence, talking):
    ms = [m for m in _mentions(res, sentence) if m.type == "proposal"]
    assert ms and ms[0].flags.get("talking_point") is talking


def test_signing_ceremony_is_an_agreement_with_its_documents(res):
    evs = _evs(res, "Việt Nam và Malaysia ký 9 văn kiện hợp tác\n\n"
                    "Sáng 10/6, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Malaysia Anwar Ibrahim tại Kuala Lumpur. "
                    "Sau hội đàm, hai Thủ tướng chứng kiến lễ trao 9 văn kiện hợp tác về năng lượng và giáo dục.")
    types = sorted(e["type"] for e in evs)
    assert types == ["agreement", "meeting"], evs
    ag = next(e for e in evs if e["type"] == "agreement")
    assert ag["quantities"] == {"documents": 9} and ag["cameo"] == "057"
    assert ag["date"] == "2025-06-10"


def test_signed_joint_statement_is_one_event(res):
    evs = _evs(res, "Ngày 20/6, tại Kuala Lumpur, Thủ tướng Thái Lan và Thủ tướng Campuchia Hun Manet ký Tuyên bố chung "
                    "về hòa bình giữa hai nước.")
    assert [e["type"] for e in evs] == ["agreement"], evs


def test_co_chaired_session_is_a_meeting_of_the_co_chairs(res):
    evs = _evs(res, "Ngoại trưởng Trung Quốc Vương Nghị đến Hà Nội, bắt đầu chuyến thăm chính thức Việt Nam.\n\n"
                    "Ngày 5/9, Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn và ông Vương Nghị đồng chủ trì phiên họp "
                    "lần thứ 17 Ủy ban Chỉ đạo hợp tác song phương.", pub="2025-09-06")
    meet = [e for e in evs if e["type"] == "meeting"]
    assert len(meet) == 1, evs
    assert set(meet[0]["participants"]) == {"Bui Thanh Son", "Wang Yi"}
    assert meet[0]["date"] == "2025-09-05"


def test_courtesy_call_is_a_meeting(res):
    ms = _mentions(res, "Tân Đại sứ Pháp chào xã giao Thủ tướng Phạm Minh Chính.")
    assert [m.type for m in ms] == ["meeting"]


def test_planned_follow_up_round_takes_the_sides_of_the_talks(res):
    evs = _evs(res, "Ngày 3/5, phái đoàn Iran và Mỹ đàm phán gián tiếp hơn hai giờ tại Muscat.\n\n"
                    "Vòng đàm phán tiếp theo dự kiến diễn ra vào ngày 10/5.", pub="2025-05-04")
    neg = sorted((e["date"], e["status"], sorted(e["participants"]), e["duration_minutes"])
                 for e in evs if e["type"] == "negotiation")
    assert neg == [("2025-05-03", "occurred", ["Iran", "United States"], 120),
                   ("2025-05-10", "planned", ["Iran", "United States"], None)], evs


def test_dated_side_plan_does_not_take_over_the_talks(res):
    evs = _evs(res, "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Malaysia Anwar Ibrahim trong khoảng 60 phút.\n\n"
                    "Trong ngày 12/6, Thủ tướng dự kiến gặp gỡ doanh nghiệp Malaysia và Việt Nam.", pub="2025-06-11")
    main = next(e for e in evs if e["main"])
    assert main["type"] == "meeting" and main["status"] == "occurred" and main["date"] != "2025-06-12"
    assert main["duration_minutes"] == 60


def test_follow_on_sentence_takes_the_day_just_named(res):
    evs = _evs(res, "Sáng 10/6, lễ đón chính thức diễn ra tại Phủ Chủ tịch. "
                    "Ngay sau đó, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Malaysia Anwar Ibrahim.")
    meet = next(e for e in evs if e["type"] == "meeting")
    assert meet["date"] == "2025-06-10" and meet["date_basis"] == "relative"


def test_time_context_person_is_not_a_participant(res):
    evs = _evs(res, "Ông Putin và ông Tập Cận Bình điện đàm ngay sau lễ nhậm chức của ông Trump\n\n"
                    "Ngày 21/1, Tổng thống Nga Vladimir Putin đã điện đàm với Chủ tịch Trung Quốc Tập Cận Bình.",
               pub="2025-01-21")
    calls = [e for e in evs if e["type"] == "phone_call"]
    assert len(calls) == 1 and set(calls[0]["participants"]) == {"Vladimir Putin", "Xi Jinping"}, evs


def test_chair_of_talks_joins_them_as_mediator(res):
    evs = _evs(res, "Ngày 28/7, Thủ tướng Campuchia Hun Manet và Quyền Thủ tướng Thái Lan Phumtham Wechayachai "
                    "gặp nhau tại Putrajaya.\n\n"
                    "Với vai trò Chủ tịch ASEAN, Thủ tướng Malaysia Anwar Ibrahim chủ trì cuộc đàm phán.", pub="2025-07-29")
    talks = [e for e in evs if e["type"] in ("meeting", "negotiation")]
    assert len(talks) == 1, evs
    assert "Anwar Ibrahim" in talks[0]["participants"] and "ASEAN" not in talks[0]["participants"]


def test_indirect_talks_keep_their_duration(res):
    ms = [m for m in _mentions(res, "Đại diện Israel và Hamas đàm phán gián tiếp khoảng 90 phút tại Doha.") if m.type == "negotiation"]
    assert ms and ms[0].duration_minutes == 90


def test_online_talks_are_one_call_in_headline_and_body(res):
    evs = _evs(res, "Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm trực tuyến với Ngoại trưởng Trung Quốc Vương Nghị\n\n"
                    "Chiều 4/3, Bộ trưởng Bùi Thanh Sơn đã có cuộc hội đàm trực tuyến với Ngoại trưởng Vương Nghị. "
                    "Cuộc hội đàm kéo dài khoảng 50 phút.", pub="2025-03-05")
    assert [(e["type"], e["cameo"], e["date"], e["duration_minutes"]) for e in evs] == \
        [("phone_call", "041", "2025-03-04", 50)], evs


def test_capital_locations_take_their_canonical_name(res):
    from sukien.extract import _canonical_place, _capital_names
    lex = res.triggers
    lex.ends.setdefault("capitals", _capital_names(res))
    assert _canonical_place("Hà Nội", lex) == "Hanoi"
    assert _canonical_place("Mát-xcơ-va", lex) == "Moscow"
    assert _canonical_place("Moskva", lex) == "Moscow"
    assert _canonical_place("Putrajaya", lex) == "Putrajaya"      # another city of the same list
    assert _canonical_place("Geneva", lex) == "Geneva"


def test_unknown_name_after_tai_is_a_venue_not_a_side(res):
    ms = [m for m in _mentions(res, "Chiều 10/6, Tổng thống Emmanuel Macron tiếp Thủ tướng Phạm Minh Chính tại Dinh Tổng thống Lumière.")
          if m.type == "meeting"]
    assert ms and set(ms[0].participants) == {"Emmanuel Macron", "Pham Minh Chinh"}


# ------------------------------------------------------------------------------ domestic vs diplomatic

O = lambda surface, name, country: (surface, name, "organization", country)   # noqa: E731


def test_a_session_with_a_foreign_side_is_a_meeting(res):
    _, _, evs = run(res, [("Thủ tướng Phạm Minh Chính chủ trì cuộc họp với phái đoàn Nhật Bản.", {
        "actors": [P("Thủ tướng Phạm Minh Chính", "Pham Minh Chinh", "Vietnam"), C("Nhật Bản", "Japan")]})])
    assert [e["type"] for e in evs] == ["meeting"]
    assert set(evs[0]["participants"]) == {"Pham Minh Chinh", "Japan"}


def test_a_domestic_session_is_no_diplomatic_event(res):
    """Chairing a meeting of one's own government: no foreign side, no event."""
    _, _, evs = run(res, [("Thủ tướng Phạm Minh Chính chủ trì cuộc họp của Thường trực Chính phủ về xuất khẩu.", {
        "actors": [P("Thủ tướng Phạm Minh Chính", "Pham Minh Chinh", "Vietnam"),
                   O("Chính phủ", "Government of Vietnam", "Vietnam")]})])
    assert evs == []


def test_a_call_between_compatriots_is_domestic_but_a_call_abroad_is_kept(res):
    _, _, evs = run(res, [("Tổng thống Mỹ Donald Trump điện đàm với Ngoại trưởng Marco Rubio về thuế quan.", {
        "actors": [P("Tổng thống Mỹ Donald Trump", "Donald Trump", "United States"),
                   P("Ngoại trưởng Marco Rubio", "Marco Rubio", "United States")]})])
    assert evs == []
    _, _, evs = run(res, [("Tổng thống Mỹ Donald Trump điện đàm với Tổng thống Nga Vladimir Putin về Ukraine.", {
        "actors": [P("Tổng thống Mỹ Donald Trump", "Donald Trump", "United States"),
                   P("Tổng thống Nga Vladimir Putin", "Vladimir Putin", "Russia")]})])
    assert [e["type"] for e in evs] == ["phone_call"]


def test_year_less_day_month_without_anchor_is_kept_as_a_partial_key(res):
    # no publication date, no year anywhere: the time layer gives "XXXX-10-16"; the record keeps
    # the day-month as a partial key (date stays None: no invented year) with its evidence
    line = "Tối 16/10, Thủ tướng Nhật Bản Ishiba điện đàm với Tổng thống Hàn Quốc Lee."
    _, ms, evs = run(res, [(line, {
        "actors": [P("Thủ tướng Nhật Bản Ishiba", "Shigeru Ishiba", "Japan"),
                   P("Tổng thống Hàn Quốc Lee", "Lee Jae-myung", "South Korea")],
        "times": [("Tối 16/10", "date", "XXXX-10-16", True)]})], pub=None)
    assert ms[0].date is None and ms[0].flags["day_month"] == "10-16"
    call = next(e for e in evs if e["type"] == "phone_call")
    assert call["date"] is None and call["year_explicit"] is False
    assert call["date_basis"] == "day_month" and call["day_month"] == "10-16"
    ev = call["evidence"]["day_month"][0]
    assert ev["value"] == "10-16" and "Tối 16/10" in ev["sentence"]
    # a full date in the same sentence wins: no partial key then
    _, _, evs = run(res, [("Ngày 16/10/2025, Thủ tướng Nhật Bản Ishiba điện đàm với Tổng thống Hàn Quốc Lee.", {
        "actors": [P("Thủ tướng Nhật Bản Ishiba", "Shigeru Ishiba", "Japan"),
                   P("Tổng thống Hàn Quốc Lee", "Lee Jae-myung", "South Korea")],
        "times": [("Ngày 16/10/2025", "date", "2025-10-16", False)]})], pub=None)
    call = next(e for e in evs if e["type"] == "phone_call")
    assert call["date"] == "2025-10-16" and call["day_month"] is None and "day_month" not in call["evidence"]


# ------------------------------------------------------------------------------ fast paths

# The extractor shares per-sentence facts between the trigger hits of a sentence and skips word
# lists that cannot match (extract_sent.py). These tests compare those paths with plain scans.

import re as _re                  # noqa: E402

from sukien.extract import SentView  # noqa: E402
from sukien.extract_sent import _PUNCT_BOUND, _inside, _left_boundary, _list_item_end, _right_boundary, \
    _title_chain, facts  # noqa: E402
from sukien.textnorm import match_form  # noqa: E402


def _plain_two_titles(low, p, acts):
    """The comma at p parts two titles of one person (the first read as a reference to the second)."""
    xs = [a for a in acts if a.e <= p and not low[a.e:p].strip()]
    if not xs or xs[0].kind != "person" or xs[0].via not in ("role", "reference") or xs[0].members:
        return False
    return any(a.s > p and not low[p + 1:a.s].strip() and a.name == xs[0].name
               and a.via not in ("role", "reference") for a in acts)


def _plain_list_head(low, p, acts):
    """The comma at p is inside a list of sides that opens its clause (goes on with "và") or is
    announced by its count ("ba nước A, B, C")."""
    from sukien.extract_sent import _AT_END, _CONJ, _COUNTED
    items = [a for a in acts if a.e <= p and not low[a.e:p].strip()]
    if not items or items[0].kind == "place" or items[0].members:
        return False
    head = items[0]
    while True:
        prv = [a for a in acts if a.e <= head.s and _re.fullmatch(r"\s*,\s*", low[a.e:head.s])]
        if not prv or prv[0].kind == "place" or prv[0].members or _AT_END.search(low[max(0, prv[0].s - 6):prv[0].s]):
            break
        head = prv[0]
    if _COUNTED.search(low[max(0, head.s - 16):head.s]):
        return True
    if low[:head.s].rstrip()[-1:] not in ("", ",", ":", ";"):
        return False
    pos, joined = p, False
    while True:
        m = _CONJ.match(low, pos)
        nxt = [a for a in acts if m is not None and a.s == m.end()]
        if not nxt or nxt[0].kind == "place":
            return joined
        joined = joined or "và" in m.group()
        pos = nxt[0].e


def _plain_left(low, ts, acts, lex, others):
    """The clause start of a trigger by a plain rescan of the sentence (the definition)."""
    b = 0
    for m in _PUNCT_BOUND.finditer(low, 0, ts):
        if not _inside(m.start(), acts):
            b = max(b, m.end())
    for m in _re.finditer(",", low[:ts]):
        p = m.start()
        before_actor = any(a.e <= p and not low[a.e:p].strip(" )") for a in acts)
        after_actor = any(a.s > p and not low[p + 1:a.s].strip() and _list_item_end(low, a.e, acts) for a in acts)
        if not (before_actor and after_actor) and not (
                after_actor and lex.ends["title"].search(low, max(0, p - 40), p)) \
                and not _plain_two_titles(low, p, acts) and not _plain_list_head(low, p, acts):
            b = max(b, p + 1)
    for m in lex.stop_before.finditer(low, 0, ts):
        if not _inside(m.start(), acts) and m.end() <= ts:
            b = max(b, m.end())
    for (s, e) in others:
        if e <= ts:
            b = max(b, e)
    return b


def _plain_right(low, te, acts, lex, others, orig):
    """The object end of a trigger by a plain rescan of the sentence (the definition)."""
    b = len(low)
    for m in _PUNCT_BOUND.finditer(low, te):
        if not _inside(m.start(), acts):
            b = min(b, m.start())
            break
    for m in _re.finditer(",", low[te:b]):
        p = te + m.start()
        if low[p + 1:p + 20].lstrip().startswith(("cùng ", "cũng như ")):
            continue
        nxt = next((a for a in acts if a.s > p and not low[p + 1:a.s].strip()), None)
        prev = any(a.e <= p and not low[a.e:p].strip(" )") for a in acts)
        if nxt is not None and _list_item_end(low, nxt.e, acts) and (prev or _title_chain(orig, low, te, p, acts)):
            continue
        b = min(b, p)
        break
    for m in lex.stop_after.finditer(low, te, b):
        if not _inside(m.start(), acts):
            b = min(b, m.start())
            break
    for (s, e) in others:
        if s >= te:
            b = min(b, s)
    return b


_BOUNDARY_LINES = [
    ("Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn, Ngoại trưởng Nga Lavrov và Ngoại trưởng Lào "
     "đã gặp nhau tại Hà Nội; sau đó, hai bên ký 3 văn kiện, cùng với các bộ trưởng khác.", {
         "actors": [P("Bùi Thanh Sơn", "Bùi Thanh Sơn", "Vietnam"), P("Ngoại trưởng Nga Lavrov", "Sergey Lavrov", "Russia"),
                    P("Ngoại trưởng Lào", "Lao FM", "Laos"), ("Hà Nội", "Hanoi", "place", "Vietnam")]}),
    ("Theo ông Peskov, trong cuộc điện đàm kéo dài 2.5 giờ, Nga, Mỹ và Pháp đã nhất trí: ngừng bắn 30 ngày.", {
        "actors": [P("ông Peskov", "Dmitry Peskov", "Russia"), C("Nga", "Russia"), C("Mỹ", "United States"),
                   C("Pháp", "France")]}),
    ("Tổng thống Mỹ cho biết, ông sẽ tới Washington để gặp Thủ tướng Nhật Bản, Chủ tịch Trung Quốc, "
     "nhưng chưa có kế hoạch cụ thể.", {
         "actors": [C("Mỹ", "United States"), P("Thủ tướng Nhật Bản", "PM Japan", "Japan"),
                    P("Chủ tịch Trung Quốc", "President China", "China")]}),
]


def test_clause_boundaries_agree_with_a_plain_rescan(res):
    lex = res.triggers
    for line, spec in _BOUNDARY_LINES:
        doc, an = build([(line, spec)])
        sv = SentView(an.sentences[0])
        f = facts(sv, lex)
        low = sv.low
        hits = [(s, e) for s, e, _ in lex.scan(low)]
        assert hits, line
        # every word start (and punctuation) as a trigger position, with and without other triggers
        positions = sorted({m.start() for m in _re.finditer(r"\w+|[^\w\s]", low)} | {len(low)})
        for ts in positions:
            for others in ([], hits):
                others = [(s, e) for s, e in others if s != ts]
                assert _left_boundary(f, ts, lex, others) == _plain_left(low, ts, f.acts, lex, others), (line, ts)
                assert _right_boundary(f, ts, lex, others) == \
                    _plain_right(low, ts, f.acts, lex, others, f.orig), (line, ts)


def test_status_cues_fast_alternation_agrees_with_named_groups(res):
    lex = res.triggers
    mod = yaml.safe_load((Path(__file__).parents[1] / "src/sukien/data/events/modality.yaml").read_text("utf-8"))
    for which in ("before", "after"):
        assert lex.status_before_fast[0] is not None and lex.status_after_fast[0] is not None
        rx, statuses = lex.status_before_rx if which == "before" else lex.status_after_rx
        texts = [it["example"] for items in mod[which].values() for it in items]
        texts.append(" ".join(it["cue"] for items in mod[which].values() for it in items))
        texts.append(", ".join(it["cue"].replace(" ", "  ") for items in mod[which].values() for it in items))
        for text in texts:
            low = match_form(text).text
            named = [(m.span(), statuses[int(m.lastgroup[1:])]) for m in rx.finditer(low)]
            fast = [(m.span(), st) for m, st in lex.status_matches(which, low)]
            assert fast == named, text


def test_prefilters_never_hide_a_match(res):
    """A word list skipped for a sentence (no first word of its forms there) cannot match in it."""
    lex = res.triggers
    data = Path(__file__).parents[1] / "src/sukien/data/events"
    texts = []
    for name in ("triggers.yaml", "modality.yaml"):
        def walk(o):
            if isinstance(o, dict):
                for k, v in o.items():
                    if k == "example" and isinstance(v, str):
                        texts.append(v)
                    walk(v)
            elif isinstance(o, list):
                for v in o:
                    walk(v)
        walk(yaml.safe_load((data / name).read_text("utf-8")))
    texts += [line for line, _ in _BOUNDARY_LINES]
    init = lex.raw["triggers"]["initiator"]
    texts += [p.replace("{X}", "phía Pháp") for k in ("before_trigger", "after_trigger") for p in init[k]]
    seen = {"agree": 0, "refs": 0, "same_occasion": 0, "initiators": 0}
    for text in texts:
        doc, an = build([(text, {})])
        f = facts(SentView(an.sentences[0]), lex)
        low = f.low
        for flag, rx in (("agree", lex.agreement_verbs), ("refs", lex.references),
                         ("same_occasion", lex.same_occasion)):
            if rx.search(low):
                seen[flag] += 1
                assert getattr(f, flag), (flag, text)
        for rx in lex.initiator_after + lex.initiator_before:
            if rx.search(low):
                seen["initiators"] += 1
                assert rx in f.initiators[0] + f.initiators[1], text
    assert all(seen.values()), seen        # each prefilter was put to the test


def test_sentence_forms_sliced_from_the_document_form_are_their_own_forms():
    """A sentence cut at word boundaries from a one-to-one document form gets the slice of that form:
    the same as its own matching form (old tone placements, typographic quotes, case)."""
    from sukien.extract import _document_form, _sliced
    texts = [
        "Ông Hoà nói: “Hai bên hoà đàm”. Thuỷ điện HOÀ BÌNH—mới.\nKhoẻ không? QUÝ vị thuỷ thủ ký hoà ước",
        "Tổng thống điện đàm với Thủ tướng.Hoà bình là mục tiêu…ông nói. «Xong» – hết.",
        "hoàhoà thuỷ. Uỷ ban hoà giải, oà khóc; quý uỷ viên",
    ]
    for text in texts:
        doc_low = _document_form(text, match_form)
        assert doc_low is not None and len(doc_low) == len(text)
        # every cut between two characters: sentences as a splitter might make them
        for a in range(len(text)):
            for b in range(a + 1, min(len(text), a + 40) + 1):
                sent = Sentence(start=a, end=b, text=text[a:b], index=0, paragraph=0)
                if _sliced(sent, text):
                    assert SentView(sent, None, doc_low).low == match_form(text[a:b]).text, (a, b)
    assert _document_form("Σίσυφος và Hoà", match_form) is None      # a capital sigma: no slicing


def test_trigger_heads_of_a_document_pass_give_the_sentence_scan(res):
    """The trigger heads a document-level pass finds inside a sentence sliced from the document
    form (extract._DocHits) give the same hits as the sentence's own scan, at every cut."""
    from sukien.extract import _DocHits, _document_form, _sliced
    lex = res.triggers
    texts = [line for line, _ in _BOUNDARY_LINES] + [
        "Hai bên đạt được thỏa thuận ngừng bắn.Tiếp tục hội đàm, ông tiếp Thủ tướng Lào; "
        "cuộc điện đàm kéo dài 40 phút",
        "Nga và Ukraine trao đổi tù binh hôm qua.Không có cuộc gặp nào",
    ]
    checked = 0
    for text in texts:
        doc_low = _document_form(text, match_form)
        assert doc_low is not None
        heads = _DocHits(lex.automaton, doc_low)
        assert heads.found
        for a in range(len(text)):
            for b in range(a + 1, min(len(text), a + 60) + 1, 3):
                sent = Sentence(start=a, end=b, text=text[a:b], index=0, paragraph=0)
                if not _sliced(sent, text):
                    continue
                low = doc_low[a:b]
                expected = lex.scan(low)
                got = lex.scan(low, heads.inside(a, b))
                assert [(s, e, t.form, t.type) for s, e, t in got] == \
                    [(s, e, t.form, t.type) for s, e, t in expected], (text, a, b)
                checked += bool(expected)
    assert checked > 50


def test_mentions_of_a_split_do_not_share_their_lists(res):
    """A mention takes the lists and dicts of its arguments unless several mentions (a split "lần
    lượt ... với A và B") are made from them."""
    doc, an = build([("Tổng thống Nga lần lượt có cuộc điện đàm với Thủ tướng Ấn Độ và Tổng thống Pháp.", {
        "actors": [P("Tổng thống Nga", "Vladimir Putin", "Russia"), P("Thủ tướng Ấn Độ", "Narendra Modi", "India"),
                   P("Tổng thống Pháp", "Emmanuel Macron", "France")]})])
    ms = [m for m in extract_mentions(doc, an, res) if m.type == "phone_call"]
    assert len(ms) == 2 and all(m.flags.get("split") for m in ms)
    a, b = ms
    assert a.participants is not b.participants and a.flags["pkind"] is not b.flags["pkind"]
    assert a.flags["countries"] is not b.flags["countries"] and a.quantities is not b.quantities
    assert a.evidence == b.evidence


# ------------------------------------------------------------------------------ joiners

_CALL = ("Tổng thống Pháp đã điện đàm với Thủ tướng Anh tối 8/6.", {
    "actors": [P("Tổng thống Pháp", "Emmanuel Macron", "France"), P("Thủ tướng Anh", "Keir Starmer", "United Kingdom")],
    "times": [("tối 8/6", "date", "2025-06-08", True)]})
_PARTS = {"Emmanuel Macron", "Keir Starmer"}
_MERZ = P("Thủ tướng Đức Friedrich Merz", "Friedrich Merz", "Germany")


def _calls(evs):
    return [e for e in evs if e["type"] == "phone_call"]


@pytest.mark.parametrize("line", [
    # the subject of a join verb right before the talk word joins the talk of the sentence before
    "Theo nguồn tin, Thủ tướng Đức Friedrich Merz cũng tham gia cuộc trò chuyện kéo dài 40 phút này.",
    "Sau đó, Thủ tướng Đức Friedrich Merz tham gia vào cuộc điện đàm.",
    "Thủ tướng Đức Friedrich Merz cũng tham dự cuộc điện đàm này.",
    # the list after "có sự tham gia của" after the talk word
    "Cuộc trò chuyện có sự tham gia của Thủ tướng Đức Friedrich Merz.",
])
def test_a_joiner_takes_part_in_the_talk_the_phrase_refers_to(res, line):
    _, _, evs = run(res, [_CALL, (line, {"actors": [_MERZ]})])
    calls = _calls(evs)
    assert len(calls) == 1, evs
    assert set(calls[0]["participants"]) == _PARTS | {"Friedrich Merz"}
    assert calls[0]["date"] == "2025-06-08"
    # the joiner is traced to the sentence that says so
    assert any("Friedrich Merz" in ev["value"] and "Merz" in ev["sentence"]
               for ev in calls[0]["evidence"]["participants"])


def test_a_joiner_in_the_same_sentence_joins_the_talk_before_it(res):
    _, _, evs = run(res, [("Tổng thống Pháp đã có cuộc điện đàm với Thủ tướng Anh, sau đó Thủ tướng Đức Friedrich "
                           "Merz tham gia cuộc trao đổi.", {
        "actors": [P("Tổng thống Pháp", "Emmanuel Macron", "France"), P("Thủ tướng Anh", "Keir Starmer", "United Kingdom"),
                   _MERZ]})])
    calls = _calls(evs)
    assert len(calls) == 1 and set(calls[0]["participants"]) == _PARTS | {"Friedrich Merz"}


def test_a_joiner_of_a_talk_between_two_sides_named_after_it(res):
    # "X tham dự cuộc gặp giữa A và B": A and B are the sides, X joins
    _, _, evs = run(res, [("Thủ tướng Đức Friedrich Merz tham dự cuộc gặp giữa Tổng thống Pháp và Thủ tướng Anh "
                           "tại Paris.", {
        "actors": [_MERZ, P("Tổng thống Pháp", "Emmanuel Macron", "France"),
                   P("Thủ tướng Anh", "Keir Starmer", "United Kingdom"), ("Paris", "Paris", "place", "France")]})])
    meetings = [e for e in evs if e["type"] == "meeting"]
    assert len(meetings) == 1 and set(meetings[0]["participants"]) == _PARTS | {"Friedrich Merz"}


def test_attending_a_meeting_with_one_other_side_is_being_a_side(res):
    # "X tham dự cuộc gặp với Y": X meets Y (no earlier talk to join either)
    _, _, evs = run(res, [("Thủ tướng Đức Friedrich Merz tham dự cuộc gặp với Tổng thống Pháp tại Paris.", {
        "actors": [_MERZ, P("Tổng thống Pháp", "Emmanuel Macron", "France"), ("Paris", "Paris", "place", "France")]})])
    meetings = [e for e in evs if e["type"] == "meeting"]
    assert len(meetings) == 1 and set(meetings[0]["participants"]) == {"Friedrich Merz", "Emmanuel Macron"}


def test_joiners_without_a_talk_to_join_are_the_sides_of_their_own(res):
    _, _, evs = run(res, [("Tổng thống Pháp và Thủ tướng Anh tham dự cuộc gặp tại Paris hôm qua.", {
        "actors": [P("Tổng thống Pháp", "Emmanuel Macron", "France"), P("Thủ tướng Anh", "Keir Starmer", "United Kingdom"),
                   ("Paris", "Paris", "place", "France")],
        "times": [("hôm qua", "date", "2025-06-09", True)]})])
    meetings = [e for e in evs if e["type"] == "meeting"]
    assert len(meetings) == 1 and set(meetings[0]["participants"]) == _PARTS


@pytest.mark.parametrize("line", [
    # joining something that is not one call or meeting: a war, an alliance, talks in general
    "Thủ tướng Đức Friedrich Merz cho rằng các nước châu Âu không tham gia cuộc chiến.",
    "Thủ tướng Đức Friedrich Merz muốn Ukraine tham gia các cuộc đàm phán hòa bình.",
    "Thủ tướng Đức Friedrich Merz ủng hộ việc Ukraine tham gia liên minh.",
    # a possible, refused or future joining: the joiner does not take part in the reported call
    "Thủ tướng Đức Friedrich Merz có thể tham gia cuộc điện đàm tiếp theo.",
    "Thủ tướng Đức Friedrich Merz có thể tham gia cuộc trò chuyện.",
    "Thủ tướng Đức Friedrich Merz không được tham gia cuộc trò chuyện.",
    "Thủ tướng Đức Friedrich Merz sẽ tham gia cuộc trò chuyện.",
    # another kind of talk: the call is not that meeting
    "Thủ tướng Đức Friedrich Merz cũng tham dự cuộc gặp tại Berlin.",
])
def test_taking_part_in_something_else_adds_nobody_to_the_call(res, line):
    acts = [_MERZ]
    for surface, name in (("Ukraine", "Ukraine"),):
        if surface in line:
            acts.append(C(surface, name))
    if "Berlin" in line:
        acts.append(("Berlin", "Berlin", "place", "Germany"))
    _, _, evs = run(res, [_CALL, (line, {"actors": acts})])
    calls = _calls(evs)
    assert len(calls) == 1 and set(calls[0]["participants"]) == _PARTS


def test_a_join_two_sentences_away_at_most(res):
    filler = ("Giá dầu tăng nhẹ trong phiên sáng nay.", {})
    _, _, evs = run(res, [_CALL, filler, filler, filler,
                          ("Thủ tướng Đức Friedrich Merz cũng tham gia cuộc trò chuyện.", {"actors": [_MERZ]})])
    assert [set(e["participants"]) for e in _calls(evs)] == [_PARTS]


# ------------------------------------------------------------------------------ the rest of an exchange

_EXCHANGE = ("Ngày 9/6, Nga và Ukraine đã trao đổi 200 tù binh mỗi bên.", {
    "actors": [C("Nga", "Russia"), C("Ukraine", "Ukraine")], "times": [("Ngày 9/6", "date", "2025-06-09", True)]})


def _rest_line(text, times=()):
    acts = [(w, ["Russia", "Ukraine"]) for w in ("Hai bên", "hai bên") if w in text][:1]
    return (text, {"actors": acts, "times": list(times)})


@pytest.mark.parametrize("text, qty", [
    ("Hai bên sẽ hoàn tất phần còn lại của thỏa thuận, với 300 tù binh mỗi bên.", {"prisoners_each_side": 300}),
    ("Hai bên dự kiến thực hiện nốt đợt còn lại với 300 tù binh mỗi bên.", {"prisoners_each_side": 300}),
    ("Hai bên sẽ tiếp tục giai đoạn còn lại, trao trả thêm 150 tù nhân.", {"prisoners": 150}),
])
def test_the_planned_rest_of_an_exchange_is_a_planned_exchange(res, text, qty):
    _, _, evs = run(res, [_EXCHANGE, _rest_line(text)])
    pe = sorted((e for e in evs if e["type"] == "prisoner_exchange"), key=lambda e: e["status"])
    assert [e["status"] for e in pe] == ["occurred", "planned"], evs
    assert pe[0]["quantities"] == {"prisoners_each_side": 200}
    assert pe[1]["quantities"] == qty and set(pe[1]["participants"]) == {"Russia", "Ukraine"}


@pytest.mark.parametrize("lines", [
    # no number of prisoners
    [_EXCHANGE, _rest_line("Hai bên sẽ hoàn tất phần còn lại của thỏa thuận trong tuần tới.")],
    # no exchange reported in the article
    [_rest_line("Hai bên sẽ hoàn tất phần còn lại của hợp đồng, với 300 tù binh mỗi bên.")],
    # no completion verb before "phần còn lại"
    [_EXCHANGE, _rest_line("Số phận của phần còn lại, khoảng 300 tù binh mỗi bên, chưa rõ.")],
])
def test_a_remaining_part_without_prisoners_or_exchange_is_no_event(res, lines):
    _, ms, evs = run(res, lines)
    assert [m for m in ms if m.trigger.endswith("còn lại")] == []
    assert len([e for e in evs if e["type"] == "prisoner_exchange"]) == (1 if lines[0] is _EXCHANGE else 0)


def test_a_weekend_dates_the_event_through_the_language_layer(res):
    """The language layer reads "cuối tuần (này/qua)" as that Saturday–Sunday (a range, against the
    publication date): a planned rest of an exchange takes the coming weekend, a reported exchange
    "cuối tuần qua" the last one. (Wording ours.)"""
    from sukien.vi import analyze

    def events(text):
        doc = Document(doc_id="w.txt", text=text, pub_date=MetaValue("2025-06-11", "test"))   # a Wednesday
        an = analyze(doc, res)
        return document_events(doc, an, extract_mentions(doc, an, res), res)
    evs = events("Nga và Ukraine trao đổi 100 tù binh mỗi bên hôm thứ Ba. Hai bên dự kiến sẽ hoàn tất "
                 "phần còn lại vào cuối tuần này, với 300 tù binh mỗi bên.")
    assert [(e["status"], e["date"]) for e in evs if e["status"] == "planned"] == [("planned", "2025-06-14")]
    evs = events("Nga và Ukraine đã trao đổi 200 tù binh mỗi bên vào cuối tuần qua.")
    assert [(e["type"], e["status"], e["date"]) for e in evs] == [("prisoner_exchange", "occurred", "2025-06-07")]


# ------------------------------------------------------------------------------ light verbs, types, denials

def test_a_light_verb_inside_a_title_or_a_longer_word_is_no_light_verb(res):
    """"ký" of "Tổng thư ký" (inside an actor, or a negative form without one) does not take a
    noun trigger after it as asserted; a real "ký" before the noun does."""
    _, ms, _ = run(res, [("Tổng thư ký Liên hợp quốc António Guterres kêu gọi các bên tôn trọng lệnh ngừng bắn.", {
        "actors": [("Tổng thư ký Liên hợp quốc António Guterres", "António Guterres", "person", None)]})])
    cf = [m for m in ms if m.type == "ceasefire"]
    assert cf and not cf[0].flags["asserted"] and cf[0].participants == []
    _, ms, _ = run(res, [("Thư ký báo chí Nhà Trắng nhắc tới lệnh ngừng bắn.", {})])
    assert [m.flags["asserted"] for m in ms if m.type == "ceasefire"] == [False]
    _, ms, _ = run(res, [("Hai vị tư lệnh đã ký lệnh ngừng bắn ở biên giới.", {})])
    assert [m.flags["asserted"] for m in ms if m.type == "ceasefire"] == [True]


@pytest.mark.parametrize("sentence, negated", [
    ("Israel không chấp nhận lệnh ngừng bắn do Ai Cập đề xuất.", True),
    ("Ông từ chối cuộc gặp mà phía Mỹ gợi ý.", True),
    ("Ông không bình luận về cuộc điện đàm với phía Pháp.", False),   # the noun is no object of the verb
    ("Không lâu sau cuộc gặp, hai bên ra tuyên bố chung.", False),
])
def test_a_negated_verb_negates_the_noun_it_takes(res, sentence, negated):
    _, ms, _ = run(res, [(sentence, {})])
    m = next(m for m in ms if m.flags["nominal"] and m.type != "statement")
    assert (m.flags["status_raw"] == "negated") is negated


def test_a_meeting_the_article_also_calls_negotiations_is_a_negotiation(res):
    evs = _evs(res, "Ngày 18/2, Ngoại trưởng Nga Sergei Lavrov gặp Ngoại trưởng Mỹ Marco Rubio tại Riyadh.\n\n"
                    "Cuộc đàm phán giữa Ngoại trưởng Lavrov và Ngoại trưởng Rubio kéo dài hơn bốn giờ.", pub="2025-02-19")
    talks = [e for e in evs if e["type"] in ("meeting", "negotiation")]
    assert [(e["type"], e["cameo"]) for e in talks] == [("negotiation", "046")], evs
    # without a negotiation word the meeting stays a meeting
    evs = _evs(res, "Ngày 18/2, Ngoại trưởng Nga Sergei Lavrov gặp Ngoại trưởng Mỹ Marco Rubio tại Riyadh.",
               pub="2025-02-19")
    assert [(e["type"], e["cameo"]) for e in evs if e["type"] in ("meeting", "negotiation")] == [("meeting", "040")]


def test_a_meeting_held_to_negotiate_is_the_negotiation(res):
    lex = res.triggers
    hits = lex.scan("quan chức hai nước đã gặp nhau để đàm phán về thuế quan.")
    assert [(t.type, t.form) for _, _, t in hits] == [("negotiation", "gặp nhau để đàm phán")]
    # another purpose, or an object between the meeting and the purpose: no merge
    assert [t.type for _, _, t in lex.scan("hai ông gặp nhau để bàn về thuế quan.")] == ["meeting"]
    assert [t.type for _, _, t in lex.scan("ông gặp ông trump để đàm phán về thuế quan.")] == ["meeting", "negotiation"]


def test_two_denials_of_one_talk_are_one_event(res):
    evs = _evs(res, "Trung Quốc phủ nhận có cuộc gặp với Mỹ về thuế quan\n\n"
                    "Bộ Thương mại Trung Quốc ngày 24/4 phủ nhận thông tin rằng quan chức hai nước đã gặp nhau "
                    "để đàm phán về thuế quan.", pub="2025-04-25")
    talks = [e for e in evs if e["type"] in ("meeting", "negotiation")]
    assert [(e["type"], e["status"], e["date"]) for e in talks] == [("negotiation", "denied", "2025-04-24")], evs


@pytest.mark.parametrize("text, etype, status", [
    ("hai bộ trưởng đã ký tuyên bố chung về ngừng bắn tại cửa khẩu.", "ceasefire", "occurred"),
    ("hai bên đã ký thỏa thuận về việc trao đổi tù binh.", "prisoner_exchange", "planned"),
    ("hai bên đã ký thỏa thuận trao đổi tù binh.", "prisoner_exchange", "planned"),
])
def test_an_agreement_about_an_outcome_is_that_outcome(res, text, etype, status):
    _, ms, _ = run(res, [(text, {})])
    assert [(m.type, m.status) for m in ms] == [(etype, status)]


@pytest.mark.parametrize("text, types", [
    ("hai nước ký thỏa thuận thương mại về nông sản.", ["agreement"]),
    ("hai bên ký thỏa thuận về giám sát lệnh ngừng bắn.", ["agreement", "ceasefire"]),
])
def test_an_agreement_about_something_else_stays_an_agreement(res, text, types):
    _, ms, _ = run(res, [(text, {})])
    assert [m.type for m in ms] == types


_DOVAL = [P("Cố vấn An ninh quốc gia Ấn Độ Ajit Doval", "Ajit Doval", "India"), C("Moskva", "Russia"),
          P("Tổng thống Putin", "Vladimir Putin", "Russia")]


def test_an_ongoing_trip_is_the_frame_of_the_talk_its_traveller_holds(res):
    """"X đang có chuyến thăm Y cũng đã hội kiến Z": X meets Z (the subject before the light verb);
    the trip is only the frame: one meeting, no visit."""
    _, ms, evs = run(res, [("Cố vấn An ninh quốc gia Ấn Độ Ajit Doval đang có chuyến thăm Moskva cũng đã hội kiến "
                            "Tổng thống Putin.", {"actors": _DOVAL})])
    assert [(e["type"], set(e["participants"])) for e in evs] == [("meeting", {"Ajit Doval", "Vladimir Putin"})], evs
    # a trip reported as such ("đã có chuyến thăm ... và hội kiến") stays an event of its own
    _, ms, evs = run(res, [("Cố vấn An ninh quốc gia Ấn Độ Ajit Doval đã có chuyến thăm Moskva và hội kiến "
                            "Tổng thống Putin.", {"actors": _DOVAL})])
    assert sorted(e["type"] for e in evs) == ["meeting", "visit"], evs
    meeting = next(e for e in evs if e["type"] == "meeting")
    assert set(meeting["participants"]) == {"Ajit Doval", "Vladimir Putin"}


def test_a_coordinated_verb_phrase_shares_the_subject_of_the_one_before(res):
    _, ms, _ = run(res, [("Nga và Ukraine đã đạt được thỏa thuận ngừng bắn trên Biển Đen và trao trả tù binh bị thương.", {
        "actors": [C("Nga", "Russia"), C("Ukraine", "Ukraine"), ("Biển Đen", "Black Sea", "place", None)]})])
    ex = next(m for m in ms if m.type == "prisoner_exchange")
    assert set(ex.participants) == {"Russia", "Ukraine"} and ex.status == "planned"    # agreed, still to come
    # "X hoan nghênh Y thăm ... và đồng chủ trì ...": Y, the subject of the verb before, not X
    _, ms, _ = run(res, [("Tổng Bí thư Tô Lâm hoan nghênh ông Vương Nghị thăm Việt Nam và đồng chủ trì phiên họp.", {
        "actors": [P("Tổng Bí thư Tô Lâm", "To Lam", "Vietnam"), P("ông Vương Nghị", "Wang Yi", "China"),
                   C("Việt Nam", "Vietnam")]})])
    cochair = [m for m in ms if m.trigger.startswith("đồng chủ trì")]
    assert cochair and cochair[0].participants == ["Wang Yi"]
    # an exchange reported on its own is reported (occurred)
    _, ms, _ = run(res, [("Nga và Ukraine đã trao trả tù binh bị thương.", {"actors": [C("Nga", "Russia"), C("Ukraine", "Ukraine")]})])
    assert [(m.type, m.status) for m in ms] == [("prisoner_exchange", "occurred")]


_FR_RU = [("Điện Kremlin", "Kremlin", "organization", "Russia"), P("Tổng thống Nga", "B Ru", "Russia"),
          P("Tổng thống Pháp", "A Fr", "France")]


def test_a_denied_report_and_the_report_are_one_denied_event(res):
    """"X bác bỏ thông tin cho rằng A đã điện đàm với B" + the report ("tờ báo cho biết A đã điện đàm
    với B hôm 7/11"): one call, denied, on the reported day (not the day of the denial)."""
    lines = [("Điện Kremlin ngày 11/11 bác bỏ thông tin cho rằng Tổng thống Nga đã điện đàm với Tổng thống Pháp.", {
                 "actors": _FR_RU, "times": [("ngày 11/11", "date", "2024-11-11", True)]}),
             ("Trước đó, một tờ báo cho biết Tổng thống Pháp đã điện đàm với Tổng thống Nga hôm 7/11.", {
                 "actors": _FR_RU[2:] + _FR_RU[1:2], "times": [("hôm 7/11", "date", "2024-11-07", True)]})]
    _, _, evs = run(res, lines, pub="2024-11-11")
    assert [(e["type"], e["status"], e["date"]) for e in evs] == [("phone_call", "denied", "2024-11-07")], evs
    # without a report of its own day, the denial's day dates it
    _, _, evs = run(res, lines[:1], pub="2024-11-11")
    assert [(e["status"], e["date"]) for e in evs] == [("denied", "2024-11-11")], evs
    # a denial of a plan (no report denied) and a call that took place are two events
    _, _, evs = run(res, [("Điện Kremlin phủ nhận Tổng thống Nga sẽ điện đàm với Tổng thống Pháp.", {"actors": _FR_RU}),
                          lines[1]], pub="2024-11-11")
    assert sorted(e["status"] for e in evs if e["type"] == "phone_call") == ["denied", "occurred"], evs


def test_the_captives_country_is_no_side_when_two_others_are_named(res):
    _, ms, _ = run(res, [("Hamas thả 20 con tin và Israel trả tự do cho 1.900 tù nhân Palestine.", {
        "actors": [("Hamas", "Hamas", "armed_group", None), C("Israel", "Israel"), C("Palestine", "Palestine")]})])
    # "thả … con tin" is an exchange trigger too: both mentions are between the two releasers
    assert [set(m.participants) for m in ms if m.type == "prisoner_exchange"] == [{"Hamas", "Israel"}] * 2
    _, ms, _ = run(res, [("Thái Lan đã trao trả 18 binh sĩ Campuchia.", {
        "actors": [C("Thái Lan", "Thailand"), C("Campuchia", "Cambodia")]})])
    assert [set(m.participants) for m in ms] == [{"Thailand", "Cambodia"}]


def test_a_recap_is_never_the_planned_event_and_in_which_ties_it_to_its_frame(res):
    acts = [C("Nga", "Russia"), C("Ukraine", "Ukraine")]
    _, _, evs = run(res, [("Nga và Ukraine sẽ trao trả tù binh vào tuần tới.", {"actors": acts}),
                          ("Hồi tháng 3, Nga và Ukraine từng ngừng bắn một tuần, trong đó hai bên trao trả tù binh.", {
                              "actors": acts + [("hai bên", ["Russia", "Ukraine"])],
                              "times": [("Hồi tháng 3", "partial_date", "2025-03", False)]})])
    pe = sorted((e["status"], e["date"]) for e in evs if e["type"] == "prisoner_exchange")
    assert pe == [("occurred", "2025-03"), ("planned", None)], evs


# ------------------------------------------------------------------------------ session 2026-11-23 (rx)

_US_RU = [P("Tổng thống Mỹ", "Donald Trump", "United States"), P("ông Lavrov", "Sergei Lavrov", "Russia")]


def test_an_envoy_named_after_la_is_the_side_not_his_principal(res):
    # "của <person> là <person>": the stop words of an envoy's title do not cut the subject
    _, ms, _ = run(res, [("Ngoại trưởng Nga Lavrov và Cố vấn an ninh của Tổng thống Mỹ là ông Waltz "
                          "đã có cuộc gặp tại Riyadh.", {
                              "actors": [P("Ngoại trưởng Nga Lavrov", "Sergei Lavrov", "Russia"),
                                         P("Tổng thống Mỹ", "Donald Trump", "United States"),
                                         P("ông Waltz", "Michael Waltz", "United States")]})])
    assert [set(m.participants) for m in ms] == [{"Sergei Lavrov", "Michael Waltz"}]
    # negative: a plain "của" still ends the subject ("the talks of X": X is no subject here)
    _, ms, _ = run(res, [("Trợ lý của Tổng thống Mỹ cho biết ông Lavrov sẽ điện đàm với Thủ tướng Pháp.", {
        "actors": [P("Tổng thống Mỹ", "Donald Trump", "United States"), P("ông Lavrov", "Sergei Lavrov", "Russia"),
                   P("Thủ tướng Pháp", "François Bayrou", "France")]})])
    assert [set(m.participants) for m in ms] == [{"Sergei Lavrov", "François Bayrou"}]


def test_inviters_are_hosts_and_a_time_range_holds_no_clause_word(res):
    line = ("Nhận lời mời của Tổng thống Chile và Thủ tướng Peru, Chủ tịch nước Lương Cường sẽ thăm chính thức "
            "Chile từ ngày 9 đến 12/11 và thăm chính thức Peru từ ngày 12 đến 15/11.")
    _, ms, evs = run(res, [(line, {
        "actors": [P("Tổng thống Chile", "Gabriel Boric", "Chile"), P("Thủ tướng Peru", "X Peru", "Peru"),
                   P("Chủ tịch nước Lương Cường", "Luong Cuong", "Vietnam"), C("Chile", "Chile"), C("Peru", "Peru")],
        "times": [("từ ngày 9 đến 12/11", "range", "2025-11-09/2025-11-12", False),
                  ("từ ngày 12 đến 15/11", "range", "2025-11-12/2025-11-15", False)]})])
    visits = [set(m.participants) for m in ms if m.type == "visit"]
    assert visits == [{"Luong Cuong", "Chile"}, {"Luong Cuong", "Peru"}], visits
    # negative: without the frame the subject before the verb stays the visitor
    _, ms, _ = run(res, [("Tổng thống Chile sẽ thăm chính thức Peru vào tháng 11.", {
        "actors": [P("Tổng thống Chile", "Gabriel Boric", "Chile"), C("Peru", "Peru")]})])
    assert [set(m.participants) for m in ms] == [{"Gabriel Boric", "Peru"}]


def test_a_guest_at_a_signing_between_two_sides_is_no_party(res):
    acts = [P("Thủ tướng", "Pham Minh Chinh", "Vietnam"), C("Lào", "Laos"), C("Campuchia", "Cambodia")]
    _, ms, _ = run(res, [("Cùng ngày, Thủ tướng dự lễ ký hiệp định giữa Lào và Campuchia.", {"actors": acts})])
    sides = [set(m.participants) for m in ms if m.type == "agreement"]
    assert sides and all(s == {"Laos", "Cambodia"} for s in sides), sides
    # negative: the signer of a signing with one other side is a party
    _, ms, _ = run(res, [("Thủ tướng dự lễ ký hiệp định với Lào.", {"actors": acts[:2]})])
    sides = [set(m.participants) for m in ms if m.type == "agreement"]
    assert sides and {"Pham Minh Chinh", "Laos"} in sides, sides


@pytest.mark.parametrize("sentence, status", [
    ("Thủ tướng Ấn Độ mong chờ được đón Tổng thống Mỹ tại New Delhi vào cuối năm.", "hypothetical"),
    ("Không có chuyện hai bên đã đạt được thỏa thuận về thuế quan.", "denied"),
    ("Bộ trưởng nói càng không có chuyện Mỹ và Nga đã ký thỏa thuận.", "denied"),
    # negative: a plain past report
    ("Hai bên đã đạt được thỏa thuận về thuế quan.", "occurred"),
])
def test_wishes_and_denials_of_a_happening(res, sentence, status):
    _, ms, _ = run(res, [(sentence, {})])
    assert ms and ms[0].status == status, [(m.type, m.status) for m in ms]


@pytest.mark.parametrize("sentence, n", [
    ("Nhóm vũ trang thả hai con tin người Thái.", 1),
    ("Chính quyền trả tự do 40 tù nhân chính trị.", 1),
    ("Gió thả diều bay cao trên bãi biển.", 0),                 # negative: no captive after "thả"
    ("Hàng trăm tù nhân đã được thả trong đêm.", 0),            # negative: passive, no releaser form
])
def test_release_without_cho_is_an_exchange_trigger(res, sentence, n):
    _, ms, _ = run(res, [(sentence, {})])
    assert len([m for m in ms if m.type == "prisoner_exchange"]) == n


def test_a_released_demonym_is_a_weak_side_replaced_by_the_other_releaser(res):
    acts = [("Hamas", "Hamas", "armed_group", None), C("Israel", "Israel")]
    _, _, evs = run(res, [
        ("Hamas thả 20 con tin, Israel phóng thích 2.000 tù nhân Palestine", {
            "title": True, "actors": acts + [C("Palestine", "Palestine")]}),
        ("Ngày 13/10, Israel trả tự do cho khoảng 1.900 người Palestine.", {
            "actors": [C("Israel", "Israel"), C("người Palestine", "Palestine")],
            "times": [("Ngày 13/10", "date", "2025-10-13", False)]})], pub="2025-10-14")
    pe = [(set(e["participants"]), e["date"]) for e in evs if e["type"] == "prisoner_exchange"]
    assert pe == [({"Israel", "Hamas"}, "2025-10-13")], evs
    # negative: alone, the released people's country is the other side
    _, _, evs = run(res, [("Ngày 13/10, Israel trả tự do cho khoảng 1.900 người Palestine.", {
        "actors": [C("Israel", "Israel"), C("người Palestine", "Palestine")],
        "times": [("Ngày 13/10", "date", "2025-10-13", False)]})], pub="2025-10-14")
    assert [set(e["participants"]) for e in evs] == [{"Israel", "Palestine"}]


def test_a_truce_takes_effect_on_its_date_and_its_unnamed_signing_is_the_truce(res):
    acts = [C("Israel", "Israel"), ("Hamas", "Hamas", "armed_group", None), C("Ai Cập", "Egypt")]
    line = "Lệnh ngừng bắn có hiệu lực từ trưa 10/10, sau khi Israel và Hamas ký thỏa thuận tại Ai Cập."
    _, ms, evs = run(res, [(line, {"actors": acts, "times": [("trưa 10/10", "datetime", "2025-10-10T12:00", False)]})],
                     pub="2025-10-14")
    assert [(e["type"], e["date"], set(e["participants"])) for e in evs] == [("ceasefire", "2025-10-10", {"Israel", "Hamas"})]
    # negatives: another time of the sentence wins over the coming into force; a named agreement stays one
    line = "Ngày 15/1, Israel và Hamas đạt được thỏa thuận ngừng bắn, có hiệu lực từ ngày 19/1."
    _, _, evs = run(res, [(line, {"actors": acts[:2], "times": [("Ngày 15/1", "date", "2025-01-15", False),
                                                                  ("ngày 19/1", "date", "2025-01-19", False)]})],
                    pub="2025-01-16")
    assert [(e["type"], e["date"]) for e in evs] == [("ceasefire", "2025-01-15")], evs
    line = "Lệnh ngừng bắn vẫn được duy trì, trong khi Israel và Hamas ký thỏa thuận thương mại tại Ai Cập."
    _, ms, _ = run(res, [(line, {"actors": acts})])
    assert "agreement" in [m.type for m in ms]


def test_the_outcome_of_talks_is_between_the_talks_sides(res):
    acts = [C("Nga", "Russia"), C("Ukraine", "Ukraine")]
    lines = [("Phái đoàn Nga và Ukraine đã đàm phán trực tiếp tại Istanbul hôm 16/5.", {
                 "actors": acts + [("Istanbul", "Istanbul", "place", "Turkey")],
                 "times": [("hôm 16/5", "date", "2025-05-16", False)]}),
             ("Kết quả của vòng đàm phán là thỏa thuận trao đổi 1.000 tù binh.", {})]
    _, _, evs = run(res, lines, pub="2025-05-20")
    assert [(e["status"], set(e["participants"])) for e in evs if e["type"] == "prisoner_exchange"] == \
        [("planned", {"Russia", "Ukraine"})], evs
    # negative: a goal of planned talks is no result of them
    _, _, evs = run(res, [("Nga và Ukraine sẽ bắt đầu đàm phán hướng tới ngừng bắn.", {"actors": acts})])
    assert not [e for e in evs if e["type"] == "ceasefire"], evs


@pytest.mark.parametrize("sentence", [
    "Hai bên nhất trí thúc đẩy đàm phán về thương mại tự do.",
    "Hai nước thống nhất đẩy nhanh đàm phán mở thêm cửa khẩu.",
    "Hai đoàn đã soạn một bản dự thảo thỏa thuận hòa bình.",
])
def test_promoting_talks_and_drafts_are_no_events(res, sentence):
    _, ms, _ = run(res, [(sentence, {})])
    assert not [m for m in ms if m.type in ("negotiation", "agreement")]


def test_hai_nuoc_takes_the_countries_of_the_sides(res):
    acts = [P("Thủ tướng Campuchia Hun Manet", "Hun Manet", "Cambodia"),
            P("quyền Thủ tướng Thái Lan Phumtham", "Phumtham Wechayachai", "Thailand")]
    lines = [("Thủ tướng Campuchia Hun Manet và quyền Thủ tướng Thái Lan Phumtham đã gặp nhau ngày 28/7.", {
                 "actors": acts, "times": [("ngày 28/7", "date", "2025-07-28", False)]}),
             ("Các chỉ huy quân sự của hai nước sẽ gặp nhau vào ngày 29/7.", {
                 "actors": [("hai nước", ["Hun Manet", "Phumtham Wechayachai"])],
                 "times": [("ngày 29/7", "date", "2025-07-29", False)]})]
    _, _, evs = run(res, lines, pub="2025-07-28")
    planned = [set(e["participants"]) for e in evs if e["status"] == "planned"]
    assert planned == [{"Cambodia", "Thailand"}], evs
    # negative: "hai bên" keeps the persons
    lines[1] = ("Hai bên sẽ gặp nhau vào ngày 29/7.", {"actors": [("Hai bên", ["Hun Manet", "Phumtham Wechayachai"])],
                                                     "times": [("ngày 29/7", "date", "2025-07-29", False)]})
    _, ms, _ = run(res, lines, pub="2025-07-28")
    assert [set(m.participants) for m in ms if m.sentence_index == 1] == [{"Hun Manet", "Phumtham Wechayachai"}]


def test_a_past_dated_plan_reported_plainly_took_place(res):
    acts = [P("Tổng thống Mỹ", "Donald Trump", "United States"), P("Tổng thống Ukraine", "Volodymyr Zelensky", "Ukraine")]
    lines = [("Ngày 28/12, Tổng thống Mỹ chuẩn bị tiếp Tổng thống Ukraine tại Florida.", {
                 "actors": acts, "times": [("Ngày 28/12", "date", "2025-12-28", False)]}),
             ("Tổng thống Mỹ tiếp Tổng thống Ukraine tại Florida.", {"actors": acts})]
    _, _, evs = run(res, lines, pub="2025-12-29")
    assert [e["status"] for e in evs if e["type"] == "meeting"] == ["occurred"], evs
    # negatives: a plan for the article's own day or without a plain report stays planned
    _, _, evs = run(res, lines[:1], pub="2025-12-29")
    assert [e["status"] for e in evs if e["type"] == "meeting"] == ["planned"], evs
    _, _, evs = run(res, lines, pub="2025-12-28")
    assert [e["status"] for e in evs if e["type"] == "meeting"] == ["planned"], evs


def test_sides_after_giua_keep_va_and_push_the_after_cue(res):
    acts = [P("ông Trump", "Donald Trump", "United States"), P("ông", "Donald Trump", "United States"),
            P("ông Putin", "Vladimir Putin", "Russia"), C("Saudi Arabia", "Saudi Arabia")]
    line = ("Trả lời phóng viên cùng ngày, ông Trump nói cuộc gặp đầu tiên giữa ông và ông Putin "
            "nhiều khả năng sẽ diễn ra tại Saudi Arabia.")
    _, ms, _ = run(res, [(line, {"actors": acts, "times": [("cùng ngày", "date", "2025-02-12", True)],
                                 "attribution": ("ông Trump", "Donald Trump", "nói")})], pub="2025-02-13")
    m = [m for m in ms if m.type == "meeting"][0]
    assert set(m.participants) == {"Donald Trump", "Vladimir Putin"}
    assert m.status == "planned" and m.date is None, (m.status, m.date)
    # negative: "và ông X" after a closed object still starts a new clause
    _, ms, _ = run(res, [("Thủ tướng đã điện đàm với ông Putin và ông Trump cho biết sẽ gọi lại.", {
        "actors": [P("Thủ tướng", "Pham Minh Chinh", "Vietnam"), P("ông Putin", "Vladimir Putin", "Russia"),
                   P("ông Trump", "Donald Trump", "United States")]})])
    assert set(ms[0].participants) == {"Pham Minh Chinh", "Vladimir Putin"}


def test_days_before_the_main_event(res):
    lines = [("Tối 19/5, Tổng thống Nga và Tổng thống Mỹ đã điện đàm hơn hai giờ.", {
                 "actors": [P("Tổng thống Nga", "Vladimir Putin", "Russia"), P("Tổng thống Mỹ", "Donald Trump", "United States")],
                 "times": [("Tối 19/5", "date", "2025-05-19", False)]}),
             ("Trước đó hai ngày, Ngoại trưởng Mỹ đã điện đàm với Ngoại trưởng Nga.", {
                 "actors": [P("Ngoại trưởng Mỹ", "Marco Rubio", "United States"), P("Ngoại trưởng Nga", "Sergei Lavrov", "Russia")]})]
    _, _, evs = run(res, lines, pub="2025-05-20")
    assert sorted(e["date"] for e in evs) == ["2025-05-17", "2025-05-19"], evs
    # negative: "Trước đó," without a count of days gives no date
    lines[1] = ("Trước đó, Ngoại trưởng Mỹ đã điện đàm với Ngoại trưởng Nga.", lines[1][1])
    _, _, evs = run(res, lines, pub="2025-05-20")
    assert sorted(e["date"] or "" for e in evs) == ["", "2025-05-19"], evs


@pytest.mark.parametrize("text, ctype, sides, status", [
    ("Ngày 28/7, Thái Lan và Campuchia đã nhất trí về một lệnh ngừng bắn tại Putrajaya.",
     "ceasefire", {"Thailand", "Cambodia"}, "occurred"),
    ("Nga và Ukraine đã đồng ý về một lệnh ngừng bắn 30 ngày.", "ceasefire", {"Russia", "Ukraine"}, "occurred"),
    ("Nga và Ukraine thống nhất về một thỏa thuận trao đổi tù binh.", "prisoner_exchange",
     {"Russia", "Ukraine"}, "planned"),
    ("Nga và Ukraine đạt được nhận thức chung về một lệnh ngừng bắn.", "ceasefire", {"Russia", "Ukraine"}, "occurred"),
    # a light verb between the agreement phrase and the talks
    ("Nga và Ukraine nhất trí về việc tiến hành các cuộc đàm phán trực tiếp.", "negotiation",
     {"Russia", "Ukraine"}, "planned"),
    ("Nga và Ukraine đạt được đồng thuận về việc tổ chức cuộc gặp thượng đỉnh.", "meeting",
     {"Russia", "Ukraine"}, "planned"),
])
def test_agreeing_sides_survive_a_determiner_before_the_outcome(res, text, ctype, sides, status):
    ms = [m for m in _mentions(res, text) if m.type == ctype]
    assert ms and set(ms[0].participants) == sides and ms[0].status == status, ms


@pytest.mark.parametrize("text", [
    "Nga và Ukraine vẫn không nhất trí về một lệnh ngừng bắn.",      # negated: no event
    "Nga và Ukraine chưa đồng ý về một lệnh ngừng bắn.",
    "Nga và Ukraine chưa đạt được nhận thức chung về lệnh ngừng bắn.",
])
def test_a_negated_agreement_about_one_ceasefire_states_no_event(res, text):
    assert not [e for e in _evs(res, text) if e["type"] == "ceasefire"]


def test_a_comment_about_a_ceasefire_has_no_agreeing_sides(res):
    ms = _mentions(res, "Người phát ngôn Điện Kremlin bình luận về một lệnh ngừng bắn ở Gaza.")
    assert [m.participants for m in ms if m.type == "ceasefire"] == [[]]


@pytest.mark.parametrize("lead", [
    "Tối 12/11, bên lề Hội nghị Cấp cao APEC tại Lima, Thủ tướng Phạm Minh Chính đã có cuộc gặp song phương "
    "với Thủ tướng Thái Lan Paetongtarn Shinawatra.",
    "Tối 12/11, nhân dịp tham dự Hội nghị Cấp cao APEC tại Lima, Thủ tướng Phạm Minh Chính đã gặp "
    "Thủ tướng Thái Lan Paetongtarn Shinawatra.",
])
def test_a_fronted_venue_gives_its_time_and_place_to_the_meeting_after_it(res, lead):
    evs = _evs(res, lead, pub="2024-11-13")
    meet = [e for e in evs if e["type"] == "meeting"]
    assert len(meet) == 1 and meet[0]["date"] == "2024-11-12" and meet[0]["location"] == "Lima", evs


def test_a_fronted_time_before_another_event_is_not_taken_by_the_later_one(res):
    # "sau cuộc điện đàm ..." is no venue: the time stays with the call, the nearest trigger
    ms = _mentions(res, "Ngày 5/6, sau cuộc điện đàm với Thủ tướng Anh Keir Starmer, Tổng thống Pháp "
                        "Emmanuel Macron đã gặp Thủ tướng Đức Friedrich Merz.", pub="2025-06-06")
    call = next(m for m in ms if m.type == "phone_call")
    assert call.date == "2025-06-05"


def test_a_fronted_place_before_a_chain_of_offices_locates_the_event(res):
    evs = _evs(res, "Sáng 9/7, tại Viêng Chăn, Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm với "
                    "Bộ trưởng Ngoại giao Lào Thongsavanh Phomvihane.", pub="2025-07-10")
    meet = [e for e in evs if e["type"] == "meeting"]
    assert len(meet) == 1 and meet[0]["location"] == "Vientiane", evs


def test_a_fronted_place_before_a_reporting_clause_still_locates_nothing(res):
    ms = _mentions(res, "Tại Hà Nội, người phát ngôn cho biết, Thủ tướng sẽ hội đàm với Thủ tướng Lào.")
    assert all(m.location is None for m in ms if m.type == "meeting")


def test_requests_to_an_ambassador_at_a_farewell_call_are_talking_points(res):
    evs = _evs(res, "Chiều 11/6, Chủ tịch nước Lương Cường tiếp Đại sứ Hàn Quốc Choi Young Sam chào từ biệt "
                    "nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam.\n\n"
                    "Chủ tịch nước đề nghị Đại sứ tiếp tục là cầu nối thúc đẩy quan hệ hai nước.", pub="2025-06-12")
    assert [e["type"] for e in evs] == ["meeting"], evs
    # the ambassador's term of office in Vietnam is no place of the meeting
    assert evs[0]["location"] != "Vietnam"


def test_a_concrete_plan_asked_of_an_addressee_word_stays_a_proposal(res):
    ms = _mentions(res, "Chủ tịch nước đề nghị Đại sứ tổ chức đoàn doanh nghiệp Hàn Quốc sang Việt Nam.")
    assert [m.flags["talking_point"] for m in ms if m.type == "proposal"] == [False]
    ms = _mentions(res, "Chủ tịch nước đề nghị Đại sứ tiếp tục là cầu nối giữa hai nước.")
    assert [m.flags["talking_point"] for m in ms if m.type == "proposal"] == [True]


def test_a_bilateral_meeting_verb_takes_its_object(res):
    ms = _mentions(res, "Chiều 26/10, Thủ tướng Phạm Minh Chính gặp song phương Tổng thống Indonesia Prabowo Subianto.")
    assert [(m.type, set(m.participants)) for m in ms] == [("meeting", {"Pham Minh Chinh", "Prabowo Subianto"})]
    # an object that is no actor: no meeting
    assert not _mentions(res, "Chiều 26/10, Thủ tướng Phạm Minh Chính gặp song phương các doanh nghiệp lớn.")


def test_the_posting_in_an_ambassador_s_title_is_no_place(res):
    ms = _mentions(res, "Chiều 10/6, Chủ tịch nước Lương Cường tiếp Đại sứ Nhật Bản tại Việt Nam Ito Naoki.")
    assert [m.location for m in ms if m.type == "meeting"] == [None]
    # a country after "tại" with no name after it still places the event
    ms = _mentions(res, "Chiều 10/6, Tổng thống Pháp Emmanuel Macron gặp Thủ tướng Nhật Bản Ishiba Shigeru tại Nhật Bản.")
    assert [m.location for m in ms if m.type == "meeting"] == ["Japan"]


@pytest.mark.parametrize("text, sides", [
    ("Việt Nam hoan nghênh lệnh ngừng bắn giữa Thái Lan và Campuchia.", {"Thailand", "Cambodia"}),
    ("Người phát ngôn Bộ Ngoại giao cho biết Việt Nam hoan nghênh thỏa thuận ngừng bắn giữa Israel và Hamas.",
     {"Israel", "Hamas"}),
    # the subject is one of the sides named after "giữa": it stays
    ("Nga đồng ý một lệnh ngừng bắn giữa Nga và Ukraine.", {"Russia", "Ukraine"}),
    # one side after "với": the subject is the other side
    ("Nga đồng ý lệnh ngừng bắn với Ukraine.", {"Russia", "Ukraine"}),
])
def test_who_welcomes_an_outcome_between_two_other_sides_is_no_side(res, text, sides):
    ms = [m for m in _mentions(res, text) if m.type == "ceasefire"]
    assert ms and set(ms[0].participants) == sides, ms


@pytest.mark.parametrize("text", [
    "Mỹ và Trung Quốc hoan nghênh kết quả đàm phán tại Malaysia.",
    "Nga hoan nghênh thành công của vòng đàm phán tại Istanbul.",
])
def test_talks_after_a_result_noun_are_a_reference(res, text):
    ms = [m for m in _mentions(res, text) if m.type == "negotiation"]
    assert ms and ms[0].participants == [] and ms[0].flags["nominal"] and ms[0].status == "occurred", ms


def test_welcomed_talks_without_a_result_noun_stay_a_plan_of_the_subject(res):
    ms = [m for m in _mentions(res, "Nga hoan nghênh đàm phán với Mỹ.") if m.type == "negotiation"]
    assert ms and set(ms[0].participants) == {"Russia", "United States"} and ms[0].status == "planned"


@pytest.mark.parametrize("text, status", [
    ("Hai nhà lãnh đạo hoan nghênh việc hai bên đạt được tuyên bố chung về khuôn khổ thương mại.", "occurred"),
    ("Hai nước nhất trí ra tuyên bố chung về quan hệ đối tác.", "occurred"),
    ("Hai nước nhất trí sẽ ra tuyên bố chung vào cuối chuyến thăm.", "planned"),
])
def test_an_agreed_joint_statement_is_adopted_unless_a_plan_cue_says_otherwise(res, text, status):
    ms = [m for m in _mentions(res, text) if m.type == "statement"]
    assert ms and ms[0].status == status, ms


def test_talks_held_successfully_keep_their_sides(res):
    ms = [m for m in _mentions(res, "Việt Nam và Lào đã tổ chức thành công cuộc hội đàm cấp cao.") if m.type == "meeting"]
    assert ms and set(ms[0].participants) == {"Vietnam", "Laos"}, ms


# ------------------------------------------------------------------------------ restatements, frames, side words

_LEE = P("Tổng thống Hàn Quốc Lee", "Lee Jae Myung", "South Korea")
_LAM = P("Tổng Bí thư Tô Lâm", "To Lam", "Vietnam")


def test_a_joint_statement_upgrading_relations_is_an_agreement(res):
    _, ms, evs = run(res, [("Sáng 12/3, Tổng Bí thư Tô Lâm và Tổng thống Hàn Quốc Lee ra tuyên bố chung về việc nâng cấp quan hệ lên Đối tác chiến lược toàn diện.", {
        "actors": [_LAM, _LEE], "times": [("Sáng 12/3", "date", "2025-03-12", True)]})])
    agr = [e for e in evs if e["type"] == "agreement"]
    assert len(agr) == 1 and set(agr[0]["participants"]) == {"Vietnam", "South Korea"}
    assert agr[0]["date"] == "2025-03-12"


@pytest.mark.parametrize("ref, spec", [
    ("hai Thủ tướng", {}),
    ("hai nhà lãnh đạo", {"actors": [("hai nhà lãnh đạo", ["Pham Minh Chinh", "Sonexay Siphandone"])]}),
])
def test_a_joint_statement_of_two_referred_leaders_is_their_countries_agreement(res, ref, spec):
    """"hai Thủ tướng ra tuyên bố chung về việc nâng cấp quan hệ": the reference resolves to the two
    countries (an act of the states), not to the leaders."""
    _, _, evs = run(res, [
        ("Chiều 25/2, Thủ tướng Chính hội đàm với Thủ tướng Lào Sonexay.", {
            "actors": [_CHINH, _SONEXAY], "times": [("Chiều 25/2", "date", "2025-02-25", True)]}),
        (f"Sau hội đàm, {ref} ra tuyên bố chung về việc nâng cấp quan hệ lên Đối tác chiến lược toàn diện.", spec)])
    agr = [e for e in evs if e["type"] == "agreement"]
    assert len(agr) == 1 and set(agr[0]["participants"]) == {"Vietnam", "Laos"}


def test_a_plain_joint_statement_stays_a_statement(res):
    _, ms, _ = run(res, [("Hai nước ra tuyên bố chung về tình hình Biển Đông.", {})])
    assert [m.type for m in ms] == ["statement"]


def test_the_place_left_is_no_side_of_a_visit(res):
    """"trước khi rời Seoul, lên đường thăm Nhật Bản theo lời mời của Thủ tướng Ishiba": the visitor
    is the main clause's subject and the host Japan (the inviting head of government is the host's
    side, as in the golden articles); Seoul, left behind, is no side."""
    _, ms, _ = run(res, [("Chiều nay, Tổng Bí thư Tô Lâm sẽ phát biểu tại Viện Nghiên cứu, trước khi rời Seoul, lên đường thăm chính thức Nhật Bản theo lời mời của Thủ tướng Ishiba.", {
        "actors": [_LAM, ("Seoul", "South Korea", "country", "South Korea"), C("Nhật Bản", "Japan"),
                   P("Thủ tướng Ishiba", "Shigeru Ishiba", "Japan")]})])
    visits = [m for m in ms if m.type == "visit"]
    assert len(visits) == 1 and visits[0].participants[:2] == ["To Lam", "Japan"]
    assert "South Korea" not in visits[0].participants


def test_a_fronted_talk_takes_no_date_or_status_from_its_goal(res):
    """"Tại cuộc điện đàm, ... vào năm 2030": the earlier call restated; 2030 is a goal."""
    _, ms, evs = run(res, [
        ("Ngày 19/6, Tổng Bí thư Tô Lâm đã điện đàm với Tổng thống Hàn Quốc Lee.", {
            "actors": [_LAM, _LEE], "times": [("Ngày 19/6", "date", "2025-06-19", True)]}),
        ("Tại cuộc điện đàm, hai nhà lãnh đạo nhất trí đưa kim ngạch thương mại lên 150 tỷ USD vào năm 2030.", {
            "times": [("năm 2030", "year", "2030", False)]})], pub="2025-08-07")
    framed = [m for m in ms if m.sentence_index == 1 and m.type == "phone_call"]
    assert framed and framed[0].date is None and framed[0].status == "occurred"
    calls = [e for e in evs if e["type"] == "phone_call"]
    assert len(calls) == 1 and calls[0]["date"] == "2025-06-19" and calls[0]["status"] == "occurred"


def test_a_fronted_talk_keeps_a_date_right_after_its_frame(res):
    _, ms, _ = run(res, [("Tại cuộc hội đàm, chiều 10/3, hai nhà lãnh đạo nhất trí tăng cường hợp tác.", {
        "times": [("chiều 10/3", "date", "2025-03-10", True)]})])
    assert [m.date for m in ms if m.type == "meeting"] == ["2025-03-10"]


@pytest.mark.parametrize("sentence, actors, kept", [
    ("Ông được bầu sau khi đảng Tự do đạt thỏa thuận liên minh với đảng Dân chủ Australia.",
     [C("Australia", "Australia")], False),
    ("Đảng Cộng sản Việt Nam đạt thỏa thuận hợp tác với đảng Nhân dân Cách mạng Lào.",
     [C("Việt Nam", "Vietnam"), C("Lào", "Laos")], True),
])
def test_a_coalition_deal_between_parties_of_one_country_is_no_agreement(res, sentence, actors, kept):
    _, ms, _ = run(res, [(sentence, {"actors": actors})])
    assert bool([m for m in ms if m.type == "agreement"]) is kept


@pytest.mark.parametrize("request_", [
    "đề nghị tăng cường hợp tác quốc phòng",        # coordinated with the call: said in it
    "đề nghị London gây sức ép lên Nga",            # addressed to a capital (the other side)
])
def test_a_request_made_in_a_call_is_no_proposal_event(res, request_):
    _, ms, evs = run(res, [(f"Tổng thống Pháp đã điện đàm với Thủ tướng Anh hôm 3/6 và {request_}.", {
        "actors": [P("Tổng thống Pháp", "Emmanuel Macron", "France"), P("Thủ tướng Anh", "Keir Starmer", "United Kingdom")]
        + ([("London", "London", "place", "United Kingdom"), C("Nga", "Russia")] if "London" in request_ else []),
        "times": [("hôm 3/6", "date", "2025-06-03", True)]})])
    props = [m for m in ms if m.type == "proposal"]
    assert props and all(m.flags["talking_point"] for m in props)
    assert [e["type"] for e in evs] == ["phone_call"]


def test_a_proposal_with_its_own_subject_after_a_call_stays(res):
    _, ms, _ = run(res, [("Tổng thống Pháp đã điện đàm với Thủ tướng Anh; Nga đề nghị tổ chức hội nghị hòa bình.", {
        "actors": [P("Tổng thống Pháp", "Emmanuel Macron", "France"), P("Thủ tướng Anh", "Keir Starmer", "United Kingdom"),
                   C("Nga", "Russia")]})])
    props = [m for m in ms if m.type == "proposal"]
    assert props and not props[0].flags.get("talking_point")


def test_a_time_in_a_sau_khi_clause_dates_the_other_event(res):
    _, ms, _ = run(res, [("Lệnh ngừng bắn được công bố vài giờ sau khi Nga tấn công cảng Odesa hôm 22/6.", {
        "actors": [C("Nga", "Russia")], "times": [("hôm 22/6", "date", "2025-06-22", True)]})])
    assert [m.date for m in ms if m.type == "ceasefire"] == [None]


def test_the_writer_of_a_letter_handed_over_is_no_participant(res):
    _, ms, _ = run(res, [("Chiều 17/7, Thủ tướng Chính tiếp Đại sứ Pháp Olivier đến chào và trao thư của Tổng thống Macron.", {
        "actors": [_CHINH, P("Đại sứ Pháp Olivier", "Olivier Brochet", "France"), P("Tổng thống Macron", "Emmanuel Macron", "France")],
        "times": [("Chiều 17/7", "date", "2025-07-17", True)]})])
    meet = [m for m in ms if m.type == "meeting"]
    assert meet and "Emmanuel Macron" not in meet[0].participants and "Olivier Brochet" in meet[0].participants


def test_a_when_clause_takes_the_time_right_before_it(res):
    """"Lần gần nhất ... là hôm 16/9, khi X gọi điện chúc mừng Y": the call of the when-clause is on
    the 16th (the time is owned by no other trigger of that clause), and X made it."""
    _, ms, _ = run(res, [("Lần gần nhất hai nhà lãnh đạo được xác nhận điện đàm là hôm 16/9, khi Tổng thống Pháp gọi điện chúc mừng Thủ tướng Anh.", {
        "actors": [P("Tổng thống Pháp", "Emmanuel Macron", "France"), P("Thủ tướng Anh", "Keir Starmer", "United Kingdom")],
        "times": [("hôm 16/9", "date", "2025-09-16", True)]})], pub="2025-10-17")
    call = [m for m in ms if m.trigger == "gọi điện"]
    assert call and call[0].date == "2025-09-16" and call[0].initiator == "Emmanuel Macron"


def test_a_visit_fronted_as_a_frame_takes_the_main_clause_subject(res):
    """"Trong khuôn khổ chuyến thăm chính thức Lào từ ngày 9-11/3, sáng 10/3, X đã hội đàm với Y": X
    is the visitor (the subject after the frame), Laos the host."""
    _, ms, _ = run(res, [("Trong khuôn khổ chuyến thăm chính thức Lào từ ngày 9-11/3, sáng 10/3, Thủ tướng Chính đã hội đàm với Thủ tướng Lào Sonexay.", {
        "actors": [C("Lào", "Laos"), _CHINH, _SONEXAY],
        "times": [("sáng 10/3", "date", "2025-03-10", True)]})])
    visit = [m for m in ms if m.type == "visit"]
    assert visit and set(visit[0].participants) == {"Pham Minh Chinh", "Laos"}


def test_a_frame_that_is_no_visit_takes_no_subject_from_after_it(res):
    _, ms, _ = run(res, [("Sau chuyến thăm Lào, sáng 10/3, Thủ tướng Chính đã hội đàm với Thủ tướng Lào Sonexay.", {
        "actors": [C("Lào", "Laos"), _CHINH, _SONEXAY], "times": [("sáng 10/3", "date", "2025-03-10", True)]})])
    assert all("Pham Minh Chinh" not in m.participants for m in ms if m.type == "visit")


def test_a_time_in_a_relative_clause_of_another_noun_is_not_the_events(res):
    """"chuyến thăm sẽ tạo xung lực cho quan hệ Đối tác ..., được xác lập tháng 12/2022": the month
    dates the partnership (the noun the "được" clause follows), not the visit."""
    _, ms, _ = run(res, [("Chuyến thăm Hàn Quốc của Tổng Bí thư Tô Lâm sẽ tạo xung lực mới cho quan hệ Đối tác chiến lược toàn diện, được xác lập tháng 12/2022.", {
        "actors": [C("Hàn Quốc", "South Korea"), _LAM], "times": [("tháng 12/2022", "month", "2022-12", False)]})])
    assert [m.date for m in ms if m.type == "visit"] == [None]


def test_a_relative_clause_right_after_the_event_dates_it(res):
    _, ms, _ = run(res, [("Cuộc hội đàm, được tổ chức sáng 5/3 tại Hà Nội, kéo dài hai giờ.", {
        "times": [("sáng 5/3", "date", "2025-03-05", True)]})])
    assert [m.date for m in ms if m.type == "meeting"] == ["2025-03-05"]
