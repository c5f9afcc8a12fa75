"""Reference rules of sukien.vi.references on our own sentences through the real language layer
(the seventh round): a bare title that opens a paragraph, with several holders named, is Vietnam's
holder (Vietnamese press names a foreign holder with the title and the name)."""
from __future__ import annotations

from test_extract import _evs, _of, res  # noqa: F401 (res: the module's fixture)

_ARTICLE = ("Thủ tướng gặp Thủ tướng Australia và Thủ tướng New Zealand\n"
            "Thủ tướng Australia Anthony Albanese đón Thủ tướng Phạm Minh Chính tại Canberra. Thủ tướng "
            "Australia Anthony Albanese cho biết Australia coi trọng quan hệ với Việt Nam. Ông Albanese "
            "cũng mời Việt Nam tham gia diễn đàn năng lượng.\n\n"
            "Tối 7/3, Thủ tướng gặp Thủ tướng New Zealand Christopher Luxon.")


def test_a_bare_title_opening_a_paragraph_is_vietnams_holder(res):
    evs = _evs(res, _ARTICLE, pub="2024-03-08")
    sides = [sorted(e["participants"]) for e in _of(evs, "meeting") if e["date"] == "2024-03-07"]
    assert ["Christopher Luxon", "Pham Minh Chinh"] in sides
    assert ["Anthony Albanese", "Christopher Luxon"] not in sides


def test_a_bare_title_without_a_vietnamese_holder_keeps_the_protagonist(res):
    # negative: no Vietnamese prime minister named: the most-mentioned holder as before
    evs = _evs(res, "Thủ tướng Australia Anthony Albanese thăm New Zealand\n"
                    "Thủ tướng Australia Anthony Albanese tới Wellington. Ông Albanese cho biết hai nước "
                    "là đối tác thân thiết. Thủ tướng Australia Anthony Albanese cũng gặp giới doanh nghiệp."
                    "\n\nTối 7/3, Thủ tướng gặp Thủ tướng New Zealand Christopher Luxon.", pub="2024-03-08")
    assert any({"Anthony Albanese", "Christopher Luxon"} <= set(e["participants"]) for e in evs)


# ---- eleventh round: "hai nhà lãnh đạo" after two leaders named in its own sentence

_BEFORE = ("Thủ tướng Nhật Bản Shigeru Ishiba tiếp Tổng thống Pháp Emmanuel Macron tại Tokyo ngày 3/5. Trước đó, "
           "ông Macron hội đàm với Chủ tịch Trung Quốc Tập Cận Bình tại Bắc Kinh hôm 1/5.\n\n")


def test_two_leaders_named_in_the_sentence_are_the_pair_not_the_earlier_talks(res):
    evs = _evs(res, "Macron thăm châu Á\n" + _BEFORE + "Tháng 10/2024, ngay sau khi ông Ishiba nhậm chức Thủ "
                    "tướng Nhật Bản, ông Macron đã gửi điện chúc mừng và hai nhà lãnh đạo có cuộc điện đàm ngắn.",
               pub="2025-05-05")
    calls = _of(evs, "phone_call")
    assert calls and sorted(calls[0]["participants"]) == ["Emmanuel Macron", "Shigeru Ishiba"]


def test_one_leader_named_in_the_sentence_keeps_the_pair_of_the_talks_before(res):
    # negative: only Macron before the reference: the pair of the talks just told
    evs = _evs(res, "Macron thăm châu Á\n" + _BEFORE + "Theo ông Macron, hai nhà lãnh đạo đã điện đàm nhiều lần "
                    "trong tháng 4.", pub="2025-05-05")
    calls = _of(evs, "phone_call")
    assert calls and sorted(calls[0]["participants"]) == ["Emmanuel Macron", "Xi Jinping"]


# ------------------------------------------------------------------ thirteenth set (helper-d)

def test_a_bare_title_after_both_holders_were_named_is_vietnams(res):
    from test_extract import _mentions
    ms = _mentions(res, "Theo lịch trình, ngày 12/3, Thủ tướng Phạm Minh Chính sẽ hội đàm với Thủ tướng Anwar "
                        "Ibrahim. Thủ tướng cũng dự kiến hội kiến Quốc vương Malaysia.", pub="2026-03-05")
    later = [m for m in ms if m.trigger == "hội kiến"]
    assert later and "Pham Minh Chinh" in later[0].participants and "Anwar Ibrahim" not in later[0].participants


def test_a_bare_title_after_only_the_foreign_holder_stays_his(res):
    # negative: the previous sentences name no Vietnamese holder of the office
    from test_extract import _mentions
    ms = _mentions(res, "Ngày 12/3, Thủ tướng Anwar Ibrahim tiếp đoàn doanh nghiệp Nhật Bản. Thủ tướng cũng dự kiến "
                        "hội kiến Quốc vương Malaysia.", pub="2026-03-13")
    later = [m for m in ms if m.trigger == "hội kiến"]
    assert later and "Pham Minh Chinh" not in later[0].participants
