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


# ------------------------------------------------------------------ held-out 14 round (helper-b)

def _actors_of(res, text, pub="2025-12-14"):
    from sukien import vi
    from sukien.ingest import prepare_document
    from sukien.models import MetaValue, RawInput
    doc, _ = prepare_document(RawInput(doc_id="a.txt", origin="a.txt", text=text, fmt="txt"), res.config, res)
    doc.pub_date = MetaValue(pub, "test")
    return [a for s in vi.analyze(doc, res).sentences for a in s.actors]


def test_a_bare_envoy_title_of_a_state_with_several_envoys_is_no_particular_person(res):
    acts = _actors_of(res, "Đặc phái viên Mỹ đã tới Caracas hôm qua để đàm phán với chính quyền Venezuela.")
    assert not any(a.name in ("Steve Witkoff", "Keith Kellogg") for a in acts)
    assert any(a.country == "United States" for a in acts)


def test_a_bare_envoy_title_is_the_envoy_the_article_names(res):
    # negative: the article names one of the envoys: the bare title is he
    acts = _actors_of(res, "Ông Steve Witkoff tới Moskva hôm qua. Đặc phái viên Mỹ sau đó gặp ông Putin.")
    assert [a.name for a in acts].count("Steve Witkoff") == 2


def test_a_department_name_going_on_after_a_dash_is_no_name_of_its_own(res):
    acts = _actors_of(res, "Hôm qua, Cục trưởng Cục châu Á - Đại Dương Bộ Ngoại giao Hàn Quốc Park Min đã đến Hà Nội.")
    assert not any(a.text.startswith("Đại Dương") for a in acts)
    acts = _actors_of(res, "Ông Park Min - Đại sứ Hàn Quốc - đến Hà Nội.")     # negative: no department head
    assert any(a.name == "Park Min" for a in acts)


def test_an_unknown_official_named_after_his_ministry_has_its_state(res):
    acts = _actors_of(res, "Hôm qua, Cục trưởng Cục châu Á - Thái Bình Dương Bộ Ngoại giao Hàn Quốc Park Min đã đến "
                           "Hà Nội.")
    assert any(a.name == "Park Min" and a.country == "South Korea" for a in acts)
    acts = _actors_of(res, "Hôm qua, Bộ Ngoại giao Hàn Quốc cho biết ông Park Min đã đến Hà Nội.")
    assert not any(a.name == "Park Min" and a.country == "South Korea" for a in acts)   # negative: not adjacent


def test_a_leaders_palace_named_after_the_title_is_no_person(res):
    acts = _actors_of(res, "Hai bên hội đàm tại Dinh Tổng thống Miraflores ở Caracas.")
    assert not any(a.kind == "person" and "Miraflores" in (a.name or "") for a in acts)
    acts = _actors_of(res, "Tổng thống Venezuela Miraflores Diaz tiếp đoàn.")        # negative: a holder
    assert any(a.kind == "person" and a.name == "Miraflores Diaz" for a in acts)
