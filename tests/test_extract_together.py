"""What the trigger hits of one sentence tell together (sukien.extract_together), on our own
sentences through the real language layer: a coordinated verb shares its clause's modality and time,
a proposal in a sent letter is the letter's content, a host verb joined to talks ("tiếp và hội đàm")
is one meeting, the dead handed back are no prisoner exchange."""
from __future__ import annotations

from test_extract import _evs, _mentions, _of, res  # noqa: F401 (res: the module's fixture)


# ---- coordinated verbs and "chào"

def test_a_courtesy_call_coordinated_after_a_planned_meeting_is_planned_and_dated(res):
    evs = _evs(res, "Thủ tướng Australia Anthony Albanese thăm Việt Nam\n"
                    "Chiều 3/6, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Australia Anthony Albanese "
                    "tại Hà Nội.\n\nNgày mai (4/6), Thủ tướng Anthony Albanese sẽ hội kiến Tổng Bí thư Tô Lâm, "
                    "chào Chủ tịch nước Lương Cường.", pub="2025-06-04")
    meet = {tuple(sorted(e["participants"])): e for e in _of(evs, "meeting")}
    call = meet[("Anthony Albanese", "Luong Cuong")]
    assert call["status"] == "planned" and call["date"] == "2025-06-04"
    assert meet[("Anthony Albanese", "To Lam")]["status"] == "planned"


def test_a_coordinated_verb_without_a_counterpart_takes_nothing_from_the_clause_before(res):
    ms = _mentions(res, "Ngày 11/6, Thủ tướng Phạm Minh Chính sẽ hội kiến Tổng thống Pháp Emmanuel Macron, "
                        "thăm quan bảo tàng.", pub="2025-06-10")
    assert all(m.participants for m in ms if m.type == "meeting")


# ---- what a letter proposes is the letter's content

def test_a_proposal_in_a_letter_is_no_proposal_of_its_own(res):
    ms = _mentions(res, "Hồi tháng 5, Tổng thống Pháp Emmanuel Macron đã gửi thư cho Tổng thống Nga Vladimir Putin "
                        "đề nghị đàm phán.", pub="2025-08-21")
    assert [m.type for m in ms if m.type in ("statement", "proposal")] == ["statement"]


def test_a_proposal_in_a_clause_of_its_own_stays(res):
    ms = _mentions(res, "Tổng thống Pháp Emmanuel Macron đã gửi thư cho Tổng thống Nga Vladimir Putin, đồng thời "
                        "đề nghị Liên hợp quốc tổ chức hội nghị hòa bình.", pub="2025-08-21")
    assert [m.type for m in ms if m.type == "proposal"] == ["proposal"]


# ---- "tiếp và hội đàm": one meeting, dated by the sentence

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


# ---- the dead handed back are no prisoner exchange

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


def test_a_plan_verb_behind_a_support_verb_is_a_talking_point(res):
    """"đề nghị Pháp ủng hộ tiến trình nối lại đàm phán": the addressee is asked to back an aim
    (modality.yaml supported_aims), so the request is said at the talk, no proposal of its own."""
    from test_extract import _mentions
    ms = _mentions(res, "Tại cuộc gặp, Thủ tướng Phạm Minh Chính đề nghị Pháp ủng hộ tiến trình nối lại đàm phán "
                        "thương mại.", pub="2025-06-11")
    ps = [m for m in ms if m.type == "proposal"]
    assert ps and ps[0].flags.get("talking_point") is True


def test_a_plan_verb_right_after_the_addressee_stays_a_proposal(res):
    # negative: no support verb between, the concrete plan asked of the addressee is a proposal
    from test_extract import _mentions
    ms = _mentions(res, "Thủ tướng Phạm Minh Chính đề nghị Pháp sớm nối lại đàm phán thương mại.", pub="2025-06-11")
    ps = [m for m in ms if m.type == "proposal"]
    assert ps and ps[0].flags.get("talking_point") is False


# ---- held-out 14 round (helper-a): a request in the clause a talk frames

class _T:
    def __init__(self, etype):
        self.type = etype


def _hits(low: str, trigger: str, etype: str = "phone_call"):
    s = low.index(trigger)
    return [(s, s + len(trigger), _T(etype))]


def test_said_in_talk_takes_a_clause_framed_by_the_talk():
    from sukien.extract_together import said_in_talk
    lex = res_lex()
    low = "hai ông có cuộc điện đàm kéo dài 30 phút, trong đó ông carney đề nghị gỡ bỏ thuế thép."
    assert said_in_talk(low, low.index("đề nghị"), _hits(low, "cuộc điện đàm"), lex)
    low = "thủ tướng hội đàm với tổng thống và đề nghị hai nước mở đường bay."
    assert said_in_talk(low, low.index("đề nghị"), _hits(low, "hội đàm", "meeting"), lex)
    # not: another clause ("trong khi đó"), a sentence break, no talk before, no lexicon given
    low = "hai ông điện đàm hôm qua, trong khi đó bộ trưởng đề nghị gỡ bỏ thuế thép."
    assert not said_in_talk(low, low.index("đề nghị"), _hits(low, "điện đàm"), lex)
    low = "hai ông điện đàm hôm qua. trong đó ông carney đề nghị gỡ bỏ thuế."
    assert not said_in_talk(low, low.index("đề nghị"), _hits(low, "điện đàm"), lex)
    low = "bộ trưởng ra thông cáo, trong đó ông đề nghị gỡ bỏ thuế thép."
    assert not said_in_talk(low, low.index("đề nghị"), _hits(low, "ra thông cáo", "statement"), lex)
    low = "hai ông có cuộc điện đàm kéo dài 30 phút, trong đó ông carney đề nghị gỡ bỏ thuế thép."
    assert not said_in_talk(low, low.index("đề nghị"), _hits(low, "cuộc điện đàm"), None)


def res_lex():
    from sukien.config import Config, Resources
    return Resources(Config()).triggers
