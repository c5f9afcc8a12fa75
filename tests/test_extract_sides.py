"""Who is a side of a mention (sukien.extract_sides, data/vi/sides.yaml), on our own sentences through
the real language layer: inviters, hosts and witnesses; "ngồi vào bàn đàm phán"; attendants of a talk
noun; talks after an outcome; documents under two leaders; a city naming a document; a state
organ's delegation; the caller of "gọi cho"; sideline meetings with two leaders; a visit's host in an
apposition; "sẽ tới thăm"; compatriots abroad; the outcome of the talks of its sentence. Each rule
with a sentence where it must not apply. Also the validation of data/vi/sides.yaml."""
from __future__ import annotations

import re
import unicodedata

import pytest
import yaml

from sukien.config import PACKAGE_DATA, Resources
from test_data_events import _cue_hit as _hit      # the sides cues are tried as the event cues are
from test_extract import _evs, _mentions, _of, res  # noqa: F401 (res: the module's fixture)

SIDES = yaml.safe_load((PACKAGE_DATA / "vi" / "sides.yaml").read_text(encoding="utf-8"))


def _one(ms, etype, word=None):
    out = [m for m in ms if m.type == etype and (word is None or word in m.trigger.lower())]
    assert len(out) == 1, [(m.type, m.trigger, m.participants) for m in ms]
    return out[0]


# ------------------------------------------------------------------ data/vi/sides.yaml

def test_sides_file_is_nfc_and_complete():
    text = (PACKAGE_DATA / "vi" / "sides.yaml").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text) and SIDES["version"] == 1
    for name, e in SIDES["cues"].items():
        assert set(e) <= {"purpose", "applies", "pattern", "flexible", "words", "examples", "negatives"}, name
        assert e["purpose"] and e["pattern"] and e["examples"] and e.get("negatives"), name
        assert e["applies"] in ("before", "after", "gap", "within"), name
        slots = set(re.findall(r"\{([a-z_]+)\}", e["pattern"]))
        assert slots == set(e.get("words") or {}), name
        for slot, words in (e.get("words") or {}).items():
            assert len(words) == len(set(words)), (name, slot)
            for w in words:
                assert w == w.lower() and unicodedata.is_normalized("NFC", w), (name, w)
                assert re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", w), (name, w)
        shape = re.sub(r"\\[a-zA-Z]", "", re.sub(r"\{[a-z_]+\}", "", e["pattern"]))
        assert not re.search(r"[^\W\d_]{2,}", shape), (name, shape)


@pytest.mark.parametrize("name", sorted(SIDES["cues"]))
def test_each_sides_cue_matches_its_examples_and_not_its_negatives(res, name):
    e = SIDES["cues"][name]
    rx = getattr(res.triggers.ends["sides"], name)
    for ex in e["examples"]:
        assert _hit(rx, e["applies"], ex), (name, ex)
    for ex in e["negatives"]:
        assert not _hit(rx, e["applies"], ex), (name, ex)


# ------------------------------------------------------------------ inviters, hosts, table talks

def test_an_inviting_host_is_no_side_of_the_talks_and_two_heads_negotiate_for_their_states(res):
    m = _one(_mentions(res, "Ngày 5/3, Thủ tướng Nhật Bản Shigeru Ishiba và Tổng thống Hàn Quốc Lee Jae Myung "
                            "đã ngồi vào bàn đàm phán tại Jakarta theo lời mời của Tổng thống nước chủ nhà "
                            "Prabowo Subianto.", pub="2025-03-06"), "negotiation")
    assert sorted(m.participants) == ["Japan", "South Korea"]


def test_a_partner_named_with_voi_stays_a_side(res):
    m = _one(_mentions(res, "Ngày 5/3, Thủ tướng Nhật Bản Shigeru Ishiba đàm phán với Tổng thống Indonesia "
                            "Prabowo Subianto tại Jakarta.", pub="2025-03-06"), "negotiation")
    assert {"Indonesia", "Prabowo Subianto"} & set(m.participants)


def test_brought_to_the_table_is_no_subject_of_the_talks(res):
    ms = _mentions(res, "Sức ép của Washington đã đưa Nhật Bản và Hàn Quốc tới bàn đàm phán.", pub="2025-03-06")
    assert all(sorted(m.participants) != ["Japan", "South Korea"] for m in ms if m.type == "negotiation")


# ------------------------------------------------------------------ attendants, talks after an outcome

def test_the_attendants_of_a_talk_noun_are_its_sides(res):
    m = _one(_mentions(res, "Cuộc đàm phán diễn ra chiều 3/3 tại Riyadh, với sự tham dự của Ngoại trưởng Nga "
                            "Sergei Lavrov và Ngoại trưởng Mỹ Marco Rubio.", pub="2025-03-04"), "negotiation")
    assert sorted(m.participants) == ["Marco Rubio", "Sergei Lavrov"]


def test_attendants_of_one_country_are_no_two_sides(res):
    m = _one(_mentions(res, "Cuộc đàm phán diễn ra chiều 3/3 tại Riyadh, với sự tham dự của Ngoại trưởng Mỹ "
                            "Marco Rubio và Bộ trưởng Quốc phòng Mỹ Pete Hegseth.", pub="2025-03-04"), "negotiation")
    assert m.participants == []


def test_talks_after_which_two_states_agreed_are_between_them(res):
    m = _one(_mentions(res, "Armenia và Azerbaijan nhất trí ngừng bắn sau cuộc đàm phán tại Moskva.",
                       pub="2025-03-04"), "negotiation")
    assert sorted(m.participants) == ["Armenia", "Azerbaijan"]


@pytest.mark.parametrize("text", [
    "Armenia và Azerbaijan nhất trí ngừng bắn trước cuộc đàm phán tại Moskva.",
    "Armenia và Azerbaijan nhất trí ngừng bắn sau cuộc gặp tại Moskva.",      # a meeting: no states
])
def test_no_sides_for_talks_before_an_outcome_or_for_a_meeting(res, text):
    ms = [m for m in _mentions(res, text, pub="2025-03-04") if m.type in ("negotiation", "meeting")]
    assert all(sorted(m.participants) != ["Armenia", "Azerbaijan"] for m in ms)


def test_an_outcome_of_the_talks_of_its_sentence_takes_the_sides_in_focus(res):
    ms = _mentions(res, "Chiều 3/3, Ngoại trưởng Armenia và Ngoại trưởng Azerbaijan đàm phán tại Moskva.\n\n"
                        "Cuộc đàm phán kéo dài ba giờ, kết thúc bằng tuyên bố về lệnh ngừng bắn.", pub="2025-03-04")
    m = _one(ms, "ceasefire")
    assert m.flags["focus_ref"] and m.flags["asserted"] and m.flags["as_countries"]
    ms = _mentions(res, "Chiều 3/3, Ngoại trưởng Armenia và Ngoại trưởng Azerbaijan đàm phán tại Moskva.\n\n"
                        "Cuộc đàm phán kéo dài ba giờ. Giới quan sát hoài nghi về lệnh ngừng bắn.", pub="2025-03-04")
    assert not _one(ms, "ceasefire").flags["focus_ref"]


# ------------------------------------------------------------------ documents, document names, delegations

def test_documents_signed_by_two_leaders_are_an_agreement_of_their_states(res):
    m = _one(_mentions(res, "Tổng thống Pháp Emmanuel Macron và Thủ tướng Ấn Độ Narendra Modi ký loạt văn kiện "
                            "hợp tác quốc phòng.", pub="2025-03-04"), "agreement")
    assert sorted(m.participants) == ["France", "India"]


def test_documents_under_the_two_leaders_in_focus(res):
    ms = _mentions(res, "Chiều 3/3, Tổng thống Pháp Emmanuel Macron hội đàm với Thủ tướng Ấn Độ Narendra Modi. "
                        "Sau hội đàm, hai nhà lãnh đạo chứng kiến lễ trao 12 văn kiện hợp tác.", pub="2025-03-04")
    m = [m for m in ms if m.type == "agreement"][-1]
    assert sorted(m.participants) == ["France", "India"]


def test_an_agreement_of_two_leaders_without_documents_keeps_the_leaders(res):
    m = _one(_mentions(res, "Tổng thống Pháp Emmanuel Macron và Thủ tướng Ấn Độ Narendra Modi đạt thỏa thuận "
                            "về dự án tàu ngầm.", pub="2025-03-04"), "agreement")
    assert "France" not in m.participants


def test_a_city_naming_a_document_is_no_side(res):
    m = _one(_mentions(res, "Israel và Hamas ký Hiệp định Cairo về trao đổi con tin hôm 3/3.", pub="2025-03-04"),
             "agreement")
    assert "Egypt" not in m.participants and {"Israel", "Hamas"} <= set(m.participants)


def test_a_country_named_as_partner_of_an_agreement_stays(res):
    m = _one(_mentions(res, "Israel ký thỏa thuận với Ai Cập về cửa khẩu Rafah hôm 3/3.", pub="2025-03-04"),
             "agreement")
    assert "Egypt" in m.participants


def test_a_government_delegation_negotiates_for_its_state(res):
    m = _one(_mentions(res, "Hôm 3/3, đoàn đàm phán Chính phủ do Bộ trưởng Bộ Công Thương dẫn đầu đã đàm phán "
                            "trực tiếp với Bộ trưởng Tài chính Mỹ Scott Bessent tại Washington.", pub="2025-03-04"),
             "negotiation", "đàm phán")
    assert sorted(m.participants) == ["United States", "Vietnam"]


def test_two_ministers_who_negotiate_stay_persons(res):
    m = _one(_mentions(res, "Hôm 3/3, Bộ trưởng Tài chính Mỹ Scott Bessent đàm phán với Ngoại trưởng Nga "
                            "Sergei Lavrov tại Riyadh.", pub="2025-03-04"), "negotiation")
    assert {"Scott Bessent", "Sergei Lavrov"} <= set(m.participants) and "Russia" not in m.participants


# ------------------------------------------------------------------ calls, sideline meetings, visits

def test_the_caller_of_goi_cho_is_the_initiator(res):
    ms = _mentions(res, "Hôm 3/3, Tổng thống Pháp Emmanuel Macron điện đàm với Thủ tướng Anh Keir Starmer, "
                        "rồi gọi cho quyền Thủ tướng Ba Lan Donald Tusk.", pub="2025-03-04")
    calls = [m for m in ms if m.type == "phone_call"]
    second = next(m for m in calls if "Donald Tusk" in m.participants)
    assert second.initiator == "Emmanuel Macron" and "Keir Starmer" not in second.participants
    first = next(m for m in calls if "Keir Starmer" in m.participants)
    assert first.initiator is None             # "điện đàm với" tells no caller


def test_two_leaders_met_on_the_sidelines_are_two_meetings(res):
    ms = _mentions(res, "Thủ tướng Phạm Minh Chính gặp Tổng thống Pháp Emmanuel Macron, Thủ tướng Ấn Độ "
                        "Narendra Modi bên lề Hội nghị G20.", pub="2025-03-04")
    meets = sorted(sorted(m.participants) for m in ms if m.type == "meeting" and "Pham Minh Chinh" in m.participants)
    assert meets == [["Emmanuel Macron", "Pham Minh Chinh"], ["Narendra Modi", "Pham Minh Chinh"]]


def test_a_joint_meeting_on_the_sidelines_stays_one(res):
    ms = _mentions(res, "Thủ tướng Phạm Minh Chính có cuộc gặp chung với Tổng thống Pháp Emmanuel Macron và "
                        "Thủ tướng Ấn Độ Narendra Modi bên lề Hội nghị G20.", pub="2025-03-04")
    meets = [m for m in ms if m.type == "meeting" and "Pham Minh Chinh" in m.participants]
    assert len(meets) == 1 and len(meets[0].participants) == 3


def test_the_host_of_a_visit_named_in_an_apposition(res):
    ms = _mentions(res, "Tổng thống Nga Vladimir Putin đến Bắc Kinh tối 1/9, mở đầu chuyến thăm kéo dài bốn ngày, "
                        "chuyến thăm Trung Quốc thứ hai trong năm.", pub="2025-09-02")
    v = [m for m in ms if m.type == "visit"][0]
    assert sorted(v.participants) == ["China", "Vladimir Putin"]


def test_the_traveller_of_toi_tham(res):
    m = _one(_mentions(res, "Theo chương trình, ngày 5/3 Thủ tướng Phạm Minh Chính sẽ tới thăm Đại học Tokyo.",
                       pub="2025-03-04"), "visit")
    assert "Pham Minh Chinh" in m.participants


def test_compatriots_abroad_are_no_meeting(res):
    ms = _mentions(res, "Tối 5/3, Thủ tướng Phạm Minh Chính gặp gỡ cộng đồng người Việt Nam tại Pháp.", pub="2025-03-06")
    assert not [m for m in ms if m.type == "meeting"]
    ms = _mentions(res, "Tối 5/3, Thủ tướng Phạm Minh Chính gặp Tổng thống Pháp Emmanuel Macron.", pub="2025-03-06")
    assert [m for m in ms if m.type == "meeting"]


# ------------------------------------------------------------------ a place's country; treaties of states

def test_the_country_of_a_place_after_cua_is_no_side_and_the_place_is_the_venue(res):
    """"tại thủ đô Doha của Qatar": Qatar says where Doha is; it is no side, Doha is the location."""
    ms = _mentions(res, "Vòng đàm phán gián tiếp giữa Ấn Độ và Pakistan hôm thứ Sáu (6/6) tại thủ đô Doha "
                        "của Qatar kéo dài ba giờ.")
    m = _one(ms, "negotiation")
    assert m.participants == ["India", "Pakistan"] and m.location == "Doha"
    ms = _mentions(res, "Cuộc gặp giữa Nga và Ukraine diễn ra tại thành phố Istanbul của Thổ Nhĩ Kỳ.")
    assert "Turkey" not in _one(ms, "meeting").participants


def test_a_country_after_cua_that_is_no_place_s_country_stays_a_side(res):
    ms = _mentions(res, "Ngoại trưởng Ấn Độ đã gặp Ngoại trưởng của Qatar tại Doha.")
    assert "Qatar" in _one(ms, "meeting").participants


def test_a_peace_treaty_signed_by_two_ministers_is_of_their_states(res):
    ms = _mentions(res, "Ngoại trưởng Cộng hòa Dân chủ (CHDC) Congo Thérèse Kayikwamba Wagner và Ngoại trưởng "
                        "Rwanda Olivier Nduhungirehe đã ký thỏa thuận hòa bình tại Washington.", pub="2025-06-28")
    assert _one(ms, "agreement").participants == ["DR Congo", "Rwanda"]


def test_a_memorandum_signed_by_two_ministers_keeps_them(res):
    ms = _mentions(res, "Bộ trưởng Ngoại giao Bùi Thanh Sơn và Ngoại trưởng Trung Quốc Vương Nghị ký biên bản "
                        "ghi nhớ về hợp tác giáo dục.", pub="2024-06-28")
    assert set(_one(ms, "agreement").participants) == {"Bui Thanh Son", "Wang Yi"}


# ------------------------------------------------------------------ delegations received, talks with each

@pytest.mark.parametrize("text, side", [
    ("Chiều 5/3, Chủ tịch nước Lương Cường tiếp đoàn nghị sĩ Quốc hội Australia do một thượng nghị sĩ dẫn đầu.",
     "Australia"),
    ("Sáng 6/3, Thủ tướng Phạm Minh Chính tiếp đoàn Bộ Quốc phòng Hàn Quốc tại trụ sở Chính phủ.", "South Korea"),
    ("Chủ tịch Quốc hội Trần Thanh Mẫn tiếp Đoàn đại biểu cấp cao Quốc hội Campuchia.", "Cambodia"),
], ids=["congress", "ministry", "parliament"])
def test_a_received_delegation_is_its_state(res, text, side):
    """"tiếp đoàn <body of a country>": a meeting with the delegation's state as the other side."""
    ms = _mentions(res, text, pub="2025-03-07")
    m = _one(ms, "meeting")
    assert side in m.participants and len(m.participants) == 2


def test_a_received_group_without_a_body_or_country_is_no_meeting(res):
    ms = _mentions(res, "Giám đốc Sở tiếp đoàn học sinh giỏi của tỉnh.", pub="2025-03-07")
    assert not [m for m in ms if m.type == "meeting"]


def test_the_undated_visit_of_a_received_guest_is_no_event(res):
    """"tiếp đoàn X đang thăm Việt Nam": the guest's visit is the background of the reception."""
    ms = _mentions(res, "Chiều 5/3, Chủ tịch nước Lương Cường tiếp đoàn nghị sĩ Quốc hội Australia đang thăm "
                        "Việt Nam.", pub="2025-03-07")
    assert [m.type for m in ms] == ["meeting"]


def test_a_received_guest_s_visit_with_its_own_dates_stays(res):
    ms = _mentions(res, "Sáng 6/3, Thủ tướng Phạm Minh Chính tiếp Thủ tướng Lào Sonexay Siphandone, người đang có "
                        "chuyến thăm chính thức Việt Nam từ ngày 5 đến 7/3.", pub="2025-03-07")
    assert {m.type for m in ms} == {"meeting", "visit"}


_EACH = ("Ngoại trưởng Armenia Ararat Mirzoyan và Ngoại trưởng Azerbaijan Jeyhun Bayramov đã ký thỏa thuận hòa "
         "bình tại Washington hôm 8/8. ")


def test_a_call_with_each_minister_is_one_call_each(res):
    """"ông X điện đàm riêng với từng ngoại trưởng": one call per minister named before, never the
    subject himself (also a foreign minister)."""
    ms = _mentions(res, "Ngoại trưởng Mỹ Marco Rubio chứng kiến lễ ký. " + _EACH
                   + "Trước đó, hôm 6/8, ông Rubio đã điện đàm riêng với từng ngoại trưởng.", pub="2025-08-09")
    calls = sorted(tuple(m.participants) for m in ms if m.type == "phone_call")
    assert calls == [("Marco Rubio", "Ararat Mirzoyan"), ("Marco Rubio", "Jeyhun Bayramov")]


def test_a_call_with_the_ministers_of_two_countries_is_not_split(res):
    ms = _mentions(res, _EACH + "Trước đó, hôm 6/8, ông Rubio đã điện đàm với ngoại trưởng hai nước.",
                   pub="2025-08-09")
    assert len([m for m in ms if m.type == "phone_call"]) == 1


def test_a_titled_plural_object_is_the_two_holders_named_before(res):
    """"Tổng thống Mỹ tiếp hai ngoại trưởng": the two ministers, not the states of the treaty before."""
    ms = _mentions(res, _EACH + "Cũng trong chiều 8/8, Tổng thống Mỹ Donald Trump đã tiếp hai ngoại trưởng tại "
                                "Phòng Bầu dục.", pub="2025-08-09")
    m = _one(ms, "meeting")
    assert set(m.participants) == {"Donald Trump", "Ararat Mirzoyan", "Jeyhun Bayramov"}


def test_a_planned_round_of_the_two_parties_is_between_states(res):
    ms = _mentions(res, "Theo dự kiến, trong tháng 9 hai bên sẽ tổ chức vòng đàm phán tiếp theo.", pub="2025-08-09")
    m = _one(ms, "negotiation")
    assert m.status == "planned" and m.flags.get("as_countries")
    ms = _mentions(res, "Tháng trước, hai bên đã tổ chức vòng đàm phán thứ hai.", pub="2025-08-09")
    assert not _one(ms, "negotiation").flags.get("as_countries")
    # no round: "hai bên nhất trí sẽ sớm hoàn tất đàm phán" keeps the two leaders in focus
    ms = _mentions(res, "Hai bên nhất trí sẽ sớm hoàn tất đàm phán về hiệp định thương mại.", pub="2025-08-09")
    assert not _one(ms, "negotiation").flags.get("as_countries")


def test_an_acting_head_of_government_negotiates_for_the_state(res):
    """"với sự tham dự của Thủ tướng A và quyền Thủ tướng B": "quyền" is in B's span, B still a head."""
    ms = _mentions(res, "Cuộc đàm phán diễn ra chiều 3/8 tại Kuala Lumpur, với sự tham dự của Thủ tướng Campuchia "
                        "Hun Manet và quyền Thủ tướng Thái Lan Phumtham Wechayachai.", pub="2025-08-04")
    assert set(_one(ms, "negotiation").participants) == {"Cambodia", "Thailand"}


# ------------------------------------------------------------------ thirteenth set (helper-d)

def _pe(ms):
    return [m for m in ms if m.type == "prisoner_exchange"]


@pytest.mark.parametrize("text", [
    "Ngày 4/3, Armenia và Azerbaijan trao trả 30 tù binh với sự trung gian của Qatar.",
    "Ngày 4/3, Armenia và Azerbaijan trao đổi 30 tù binh nhờ trung gian Qatar.",
    "Ngày 4/3, Armenia và Azerbaijan hoàn tất đợt trao trả tù binh với sự hỗ trợ của Qatar.",
])
def test_a_mediator_of_an_exchange_is_no_side(res, text):
    ms = _pe(_mentions(res, text, pub="2026-03-05"))
    assert ms and all(sorted(m.participants) == ["Armenia", "Azerbaijan"] for m in ms)


def test_a_mediator_named_with_do_lam_trung_gian_is_no_side(res):
    ms = _pe(_mentions(res, "Ngày 4/3, Armenia và Azerbaijan trao trả 30 tù binh, đợt trao đổi do Qatar làm "
                            "trung gian.", pub="2026-03-05"))
    assert ms and all("Qatar" not in m.participants for m in ms)


def test_a_mediator_alone_leaves_the_exchange_without_sides(res):
    # the capitals as subject are read later (document level): the mediator never stays the one side
    ms = _pe(_mentions(res, "Hôm qua, hai bên hoàn tất một đợt trao trả tù binh với sự hỗ trợ của Qatar.",
                       pub="2026-03-05"))
    assert ms and all("Qatar" not in m.participants for m in ms)


def test_a_third_state_named_as_a_side_stays(res):
    # negative: no mediator cue, three states exchange
    ms = _pe(_mentions(res, "Ngày 4/3, Armenia, Azerbaijan và Gruzia trao trả 30 tù binh cho nhau.",
                       pub="2026-03-05"))
    assert ms and any(len(m.participants) == 3 for m in ms)


def test_the_office_title_after_a_named_subject_is_no_side(res):
    ms = [m for m in _mentions(res, "Sáng 9/4, Thượng tướng Nguyễn Tân Cương, Bộ trưởng Bộ Quốc phòng Việt Nam đã "
                                    "hội đàm với Bộ trưởng Quốc phòng Nhật Bản Nakatani Gen.", pub="2026-04-10")
          if m.type == "meeting"]
    assert ms and any("Cuong" in p or "Cương" in p for p in ms[0].participants)
    assert not any(p.startswith("Bộ") for p in ms[0].participants) and "Vietnam" not in ms[0].participants


def test_a_body_that_opens_the_clause_stays_the_subject(res):
    # negative: the body after a frame ("Sau cuộc gặp với ông A,") is no title of A
    ms = [m for m in _mentions(res, "Sau cuộc gặp với ông Hoàng Văn Bình, Bộ Ngoại giao Việt Nam đã hội đàm với "
                                    "phái đoàn Nga.", pub="2026-04-10") if m.trigger == "hội đàm"]
    assert ms and "Hoang Van Binh" not in ms[0].participants and "Hoàng Văn Bình" not in ms[0].participants


def test_a_second_predicate_after_va_ends_the_object(res):
    ms = [m for m in _mentions(res, "Ngày 3/5, Chủ tịch nước Lương Cường sẽ hội kiến Tổng thống Hàn Quốc Lee Jae-myung "
                                    "và làm việc với các tập đoàn lớn của Nhật Bản.", pub="2026-04-28")
          if m.type == "meeting"]
    assert ms and "Japan" not in ms[0].participants


def test_two_persons_joined_by_va_stay_objects(res):
    # negative: "và" before a second person is no new predicate
    ms = [m for m in _mentions(res, "Ngày 3/5, Chủ tịch nước Lương Cường hội kiến Tổng thống Hàn Quốc Lee Jae-myung "
                                    "và Thủ tướng Nhật Bản Ishiba Shigeru.", pub="2026-04-28") if m.type == "meeting"]
    assert ms and "Shigeru Ishiba" in ms[0].participants



# ------------------------------------------------------------------ held-out 14 round (helper-b)

def test_a_coordinated_predicate_keeps_the_subject_of_the_first_not_its_object(res):
    m = _one(_mentions(res, "Ông Modi sẽ dự lễ kỷ niệm của ASEAN và dự kiến hội đàm với Thủ tướng Anh Keir "
                            "Starmer.", pub="2025-07-11"), "meeting")
    assert sorted(m.participants) == ["Keir Starmer", "Narendra Modi"]      # not ASEAN


def test_a_coordinated_subject_stays_both_sides(res):
    # negative: "A và B dự kiến hội đàm": no predicate between, the coordinated subject is kept
    m = _one(_mentions(res, "Sáng mai (12/7), Thủ tướng Anh Keir Starmer và Thủ tướng Ấn Độ Narendra Modi dự kiến "
                            "hội đàm tại London.", pub="2025-07-11"), "meeting")
    assert sorted(m.participants) == ["Keir Starmer", "Narendra Modi"]


def test_the_speaker_is_the_subject_of_a_predicate_after_his_plan(res):
    ms = _mentions(res, "Ông Macron cho biết sẽ sang Ấn Độ vào tháng 11 và không loại trừ khả năng gặp ông Modi.",
                   pub="2025-07-11")
    m = _one(ms, "meeting")
    assert sorted(m.participants) == ["Emmanuel Macron", "Narendra Modi"]


def test_a_reported_clause_with_its_own_group_subject_keeps_no_speaker(res):
    # negative: "hai bên" is the subject of the reported clause, not the speaker
    ms = _mentions(res, "Ngoại trưởng Pháp Jean-Noël Barrot cho biết hai bên đã thống nhất một lộ trình và sẽ nối lại "
                        "đàm phán trong tháng tới.", pub="2025-09-10")
    assert all("Jean-Noël Barrot" not in m.participants for m in ms if m.type == "negotiation")


def test_a_handover_witnessed_after_talks_is_between_the_two_states(res):
    ms = _mentions(res, "Thủ tướng Phạm Minh Chính tiếp Thủ tướng Malaysia Anwar Ibrahim và chứng kiến trao 5 văn "
                        "kiện hợp tác.", pub="2025-05-27")
    ag = [m for m in ms if m.type == "agreement"]
    assert ag and sorted(ag[0].participants) == ["Malaysia", "Vietnam"]


def test_a_witnessed_handover_takes_no_state_the_sentence_names_only_as_a_place(res):
    # negative: the one other country is where it happens ("tại Malaysia"), no side
    ms = _mentions(res, "Thủ tướng Phạm Minh Chính dự hội nghị tại Malaysia, chứng kiến trao 5 văn kiện hợp tác "
                        "giữa các doanh nghiệp Việt Nam.", pub="2025-05-27")
    assert all("Malaysia" not in m.participants for m in ms if m.type == "agreement")


def test_a_trip_of_ones_own_is_the_trip_of_the_main_clauses_subject(res):
    ms = _mentions(res, "Kể lại chuyến thăm Hàn Quốc của mình, Thủ tướng Lào Sonexay Siphandone cho biết ông rất "
                        "ấn tượng.", pub="2025-05-27")
    v = [m for m in ms if m.type == "visit"]
    assert v and "Sonexay Siphandone" in v[0].participants
    # negative: no reflexive owner: the trip's visitor is not read from the clause after the comma
    ms = _mentions(res, "Sau chuyến thăm Hàn Quốc, Thủ tướng Lào Sonexay Siphandone cho biết ông rất ấn tượng.",
                   pub="2025-05-27")
    assert all("Sonexay Siphandone" not in m.participants for m in ms if m.type == "visit")


# ---- held-out 15 round (helper-d)

def test_the_inviter_of_a_visit_is_its_host(res):
    ms = _mentions(res, "Ngoại trưởng Nga Sergei Lavrov đã tới thành phố Danang vào chiều 3/7, bắt đầu chuyến thăm "
                        "kéo dài hai ngày theo lời mời của phía Hà Nội.", pub="2025-07-04")
    v = _one(ms, "visit")
    assert v.participants == ["Sergei Lavrov", "Vietnam"]


def test_an_inviter_of_the_visitors_own_state_is_no_host(res):
    # negative: the inviter is the visitor's own state (no other host to add)
    ms = _mentions(res, "Ông Sergei Lavrov tới Danang hôm 3/7, bắt đầu chuyến công du theo lời mời của phía Nga.",
                   pub="2025-07-04")
    v = _one(ms, "visit")
    assert "Russia" not in v.participants


@pytest.mark.parametrize("sentence", [
    "Hôm 8/5, Tổng thống Mỹ Donald Trump và Thủ tướng Anh Keir Starmer công bố thỏa thuận thương mại Anh - Mỹ.",
    "Hôm 8/5, Tổng thống Mỹ Donald Trump và Thủ tướng Anh Keir Starmer công bố thỏa thuận thương mại giữa Anh và Mỹ.",
])
def test_leaders_announcing_an_agreement_named_after_their_states_are_no_sides(res, sentence):
    ms = _mentions(res, sentence, pub="2025-05-09")
    a = _one(ms, "agreement")
    assert sorted(a.participants) == ["United Kingdom", "United States"] and a.flags.get("as_countries")


def test_announcers_of_another_pairs_agreement_stay(res):
    # negative: the named states are not both the leaders' own: nothing is replaced
    ms = _mentions(res, "Hôm 8/5, Tổng thống Mỹ Donald Trump và Thủ tướng Nhật Bản công bố thỏa thuận thương mại "
                        "Anh - Mỹ.", pub="2025-05-09")
    a = _one(ms, "agreement")
    assert "Donald Trump" in a.participants


def test_an_agreement_reached_by_concluding_talks_has_the_talks_subject_as_sides(res):
    ms = _mentions(res, "Hôm 6/5, Anh và Ấn Độ hoàn tất đàm phán hiệp định thương mại tự do sau ba năm.",
                   pub="2025-05-09")
    a = _one(ms, "agreement")
    assert sorted(a.participants) == ["India", "United Kingdom"]


def test_an_agreement_after_talks_only_begun_gets_no_sides_from_them(res):
    # negative: "bắt đầu đàm phán" concludes nothing
    ms = _mentions(res, "Hôm 6/5, Anh và Ấn Độ bắt đầu đàm phán hiệp định thương mại tự do.", pub="2025-05-09")
    assert all(m.participants == [] for m in ms if m.type == "agreement" and m.trigger == "hiệp định")


def test_documents_signed_on_a_trip_are_between_the_travellers_state_and_the_host(res):
    ms = _mentions(res, "Chuyến thăm của Tổng thống Chile mở ra giai đoạn mới với 7 thỏa thuận được ký kết tại "
                        "Hà Nội.", pub="2025-04-10")
    a = [m for m in ms if m.type == "agreement" and m.quantities.get("documents")]
    assert a and sorted(a[0].participants) == ["Chile", "Vietnam"] and a[0].flags.get("as_countries")


def test_the_owner_of_a_trip_is_no_side_of_an_agreement_told_after_it(res):
    # negative: no number of documents: the traveller is dropped, no states are guessed
    ms = _mentions(res, "Chuyến thăm của Tổng thống Chile mở ra giai đoạn mới với thỏa thuận về đồng.",
                   pub="2025-04-10")
    a = _one(ms, "agreement")
    assert a.participants == []


def test_a_trade_treaty_of_hai_ben_is_between_the_states(res):
    ms = _mentions(res, "Thủ tướng Phạm Minh Chính hội đàm với Tổng thống Chile Gabriel Boric hôm 9/4. Một nguồn "
                        "tin cho biết hai bên sẽ ký hiệp định thương mại tự do mới.", pub="2025-04-10")
    a = [m for m in ms if m.type == "agreement"]
    assert a and a[-1].flags.get("as_countries")
    ms = _mentions(res, "Thủ tướng Phạm Minh Chính hội đàm với Tổng thống Chile Gabriel Boric hôm 9/4. Một nguồn "
                        "tin cho biết hai bên sẽ ký biên bản ghi nhớ về giáo dục.", pub="2025-04-10")
    assert not any(m.flags.get("as_countries") for m in ms if m.type == "agreement" and m.flags.get("focus_ref"))
