"""Extraction gaps closed on 2026-11-23, on our own sentences through the real language layer:
a host verb joined to talks ("tiếp và hội đàm"), dash pairs of short country forms ("Mỹ – Trung"),
third parties welcoming what others agreed, an unnamed later round of talks, the dead handed back
(no prisoner exchange) and called-off plans (denied)."""
from __future__ import annotations

from test_extract import _evs, _mentions, _of, res  # noqa: F401 (res: the module's fixture)


# ---- 1. "tiếp và hội đàm": one meeting, dated by the sentence

def test_host_and_talks_is_one_dated_meeting(res):
    evs = _evs(res, "Thủ tướng hội đàm với người đồng cấp Nhật Bản\n"
                    "Chiều 14/3, tại Hà Nội, Thủ tướng Phạm Minh Chính tiếp và hội đàm với Thủ tướng Nhật Bản "
                    "Shigeru Ishiba.", pub="2025-03-15")
    meet = _of(evs, "meeting")
    assert len(meet) == 1
    assert meet[0]["date"] == "2025-03-14"
    assert sorted(meet[0]["participants"]) == ["Pham Minh Chinh", "Shigeru Ishiba"]


def test_welcome_and_talks_and_receive_and_courtesy_call(res):
    for verbs in ("đón và hội đàm với", "tiếp và hội kiến"):
        evs = _evs(res, f"Sáng 9/4, Chủ tịch nước Lương Cường {verbs} Tổng thống Pháp Emmanuel Macron "
                        "tại Phủ Chủ tịch.", pub="2025-04-10")
        meet = _of(evs, "meeting")
        assert len(meet) == 1 and meet[0]["date"] == "2025-04-09", verbs
        assert sorted(meet[0]["participants"]) == ["Emmanuel Macron", "Luong Cuong"], verbs


def test_host_verb_with_its_own_object_stays_a_mention(res):
    # negative: "tiếp X và hội đàm": the host verb has its object; nothing is dropped
    ms = _mentions(res, "Sáng 9/4, Chủ tịch nước Lương Cường tiếp Tổng thống Pháp Emmanuel Macron.", pub="2025-04-10")
    assert [m.trigger for m in ms] == ["tiếp"]


# ---- 2. dash pairs of short country forms

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


# ---- 3. third parties welcoming an agreement of others

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


# ---- 4. an unnamed later round

def test_an_unnamed_second_round_is_between_the_articles_sides(res):
    evs = _evs(res, "Hai phái đoàn gặp lại nhau\n"
                    "Hôm 16/5, các phái đoàn Nga và Ukraine gặp nhau lần đầu tại Istanbul.\n\n"
                    "Vòng đàm phán thứ hai diễn ra ngày 2/6 tại một cung điện bên eo biển.", pub="2025-06-05")
    two = [e for e in evs if e["type"] == "negotiation" and e.get("ordinal") == 2]
    assert len(two) == 1 and two[0]["date"] == "2025-06-02"
    assert sorted(two[0]["participants"]) == ["Russia", "Ukraine"]


def test_an_unnamed_round_without_earlier_talks_has_no_sides(res):
    # negative: nothing to take the sides from
    evs = _evs(res, "Vòng đàm phán thứ hai diễn ra ngày 2/6 tại một cung điện bên eo biển.", pub="2025-06-05")
    assert not any(e["participants"] for e in _of(evs, "negotiation"))


# ---- 5. the dead handed back are no prisoner exchange

def test_handing_back_bodies_is_no_prisoner_exchange(res):
    evs = _evs(res, "Ngày 11/6, Nga tiến hành trao trả thi thể binh sĩ thiệt mạng cho Ukraine.", pub="2025-06-12")
    assert not _of(evs, "prisoner_exchange")


def test_prisoners_and_bodies_are_one_exchange(res):
    evs = _evs(res, "Hôm 9/6, Nga và Ukraine trao đổi 1.200 tù binh mỗi bên và trao trả 5.000 thi thể binh sĩ.",
               pub="2025-06-10")
    ex = _of(evs, "prisoner_exchange")
    assert len(ex) == 1 and sorted(ex[0]["participants"]) == ["Russia", "Ukraine"]
    assert ex[0]["quantities"].get("prisoners_each_side") == 1200


def test_handing_back_prisoners_stays_an_exchange(res):
    # negative: "trao trả tù binh" is an exchange
    evs = _evs(res, "Ngày 11/6, Nga trao trả 80 tù binh cho Ukraine.", pub="2025-06-12")
    assert _of(evs, "prisoner_exchange")


# ---- 6. called-off plans are denied

def test_a_cancelled_summit_is_denied(res):
    evs = _evs(res, "Hội nghị thượng đỉnh Mỹ - Nga tại Budapest đã bị hủy.", pub="2025-10-22")
    meet = _of(evs, "meeting")
    assert meet and meet[0]["status"] == "denied"


def test_postponed_and_shelved_meetings_are_denied(res):
    for text in ("Nhà Trắng cho biết ông Trump tạm gác kế hoạch gặp ông Putin tại Budapest.",
                 "Cuộc gặp giữa ông Trump và ông Putin bị hoãn vô thời hạn.",
                 "Ông Trump hủy cuộc gặp với ông Putin tại Budapest."):
        evs = _evs(res, text, pub="2025-10-22")
        meet = _of(evs, "meeting")
        assert meet and meet[0]["status"] == "denied", text


def test_a_held_meeting_is_not_called_off(res):
    # negative: a far-away "bị hủy" in another clause does not deny the meeting
    evs = _evs(res, "Ngày 20/10, ông Trump gặp ông Putin tại Budapest, trong khi chuyến bay của phái đoàn bị hủy.",
               pub="2025-10-22")
    meet = _of(evs, "meeting")
    assert meet and meet[0]["status"] == "occurred"
