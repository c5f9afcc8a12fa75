"""Objects and bystanders of a talk within a sentence (sukien.extract_objects), on our own sentences
through the real language layer: a subjectless "Gặp A và B" is a talk with each; a bare agreement
that someone welcomes, breaks or keeps is no new agreement; the end of talks welcomed in passing is
no talks."""
from __future__ import annotations

import pytest

from test_extract import _evs, _mentions, _of, res  # noqa: F401 (res: the module's fixture)


# ---- a subjectless object verb with two objects: one talk with each

def test_a_subjectless_heading_with_two_objects_is_no_talk_between_them(res):
    evs = _evs(res, "Chủ tịch nước gặp lãnh đạo các nước tại Lima\n"
                    "Gặp Tổng thống Peru và Thủ tướng Canada\n"
                    "Chiều 14/11, Chủ tịch nước Lương Cường đã gặp Tổng thống Peru Dina Boluarte.\n\n"
                    "Tối 14/11, Chủ tịch nước Lương Cường gặp Thủ tướng Canada Justin Trudeau.",
               pub="2024-11-15")
    sides = [sorted(e["participants"]) for e in _of(evs, "meeting")]
    assert ["Dina Boluarte", "Justin Trudeau"] not in sides
    assert ["Justin Trudeau", "Luong Cuong"] in sides


def test_a_subject_with_two_objects_stays_one_talk(res):
    # negative: with a subject, "X gặp A và B" is left to the other rules (one talk of the three)
    evs = _evs(res, "Chiều 14/11, Chủ tịch nước Lương Cường gặp Tổng thống Peru Dina Boluarte và Thủ tướng "
                    "Canada Justin Trudeau.", pub="2024-11-15")
    assert any("Luong Cuong" in e["participants"] for e in _of(evs, "meeting"))


# ---- a bare agreement welcomed, broken or kept (mention level: the article's agreement is elsewhere)

def _agreements(res, text):
    return [m for m in _mentions(res, text, pub="2025-07-30") if m.type == "agreement"]


def test_who_welcomes_a_bare_agreement_is_no_side(res):
    ms = _agreements(res, "Tổng thư ký Liên hợp quốc António Guterres hoan nghênh thỏa thuận, còn Nhật Bản "
                          "kêu gọi kiềm chế.")
    assert ms and all(not m.participants and not m.flags.get("asserted") for m in ms)


def test_a_breach_of_the_agreement_is_no_new_agreement(res):
    ms = _agreements(res, "Tối 29/7, Thái Lan cáo buộc Campuchia vi phạm thỏa thuận.")
    assert ms and not any(m.flags.get("asserted") for m in ms)


def test_an_agreement_with_its_sides_after_welcome_keeps_them(res):
    # negative: the welcomed agreement names its sides: the existing rule gives them, still asserted
    ms = _agreements(res, "Nhật Bản hoan nghênh thỏa thuận giữa Thái Lan và Campuchia ký hôm 28/7.")
    assert any(sorted(m.participants) == ["Cambodia", "Thailand"] and m.flags.get("asserted") for m in ms)


def test_a_signed_bare_agreement_is_still_asserted(res):
    # negative: signing is neither welcome nor breach
    ms = _agreements(res, "Tối 29/7, Thái Lan và Campuchia đã ký thỏa thuận.")
    assert any(m.flags.get("asserted") for m in ms)


# ---- the end of talks welcomed in passing

def test_welcoming_the_end_of_talks_is_no_talks(res):
    evs = _evs(res, "Tổng thống Pháp Emmanuel Macron và Thủ tướng Ấn Độ Narendra Modi hoan nghênh việc kết thúc đàm phán một số nội dung hợp tác thủy sản.",
               pub="2025-07-29")
    assert not _of(evs, "negotiation")


def test_talks_that_end_are_still_talks(res):
    # negative: no welcome before "kết thúc"
    evs = _evs(res, "Các phái đoàn Ai Cập và Ethiopia đã kết thúc vòng đàm phán thứ ba tại Nairobi hôm 14/9.",
               pub="2025-09-15")
    assert _of(evs, "negotiation")


# ---- calling on the sides to carry out a bare agreement (round 8)

def test_who_calls_on_the_sides_to_carry_out_the_agreement_is_no_side(res):
    ms = _agreements(res, "Ông Ban Ki-moon hoan nghênh đợt trả tự do và kêu gọi các bên thực hiện đầy đủ thỏa thuận.")
    assert ms and all(not m.participants and not m.flags.get("asserted") for m in ms)


def test_carrying_out_the_agreement_reports_no_new_one(res):
    ms = _agreements(res, "Tối 29/7, Thái Lan cam kết thực hiện nghiêm túc thỏa thuận.")
    assert ms and not any(m.flags.get("asserted") for m in ms)


def test_carrying_out_a_named_agreement_is_left_to_the_other_rules(res):
    # negative: the agreement names its sides right after the noun: not a bare reference
    ms = _agreements(res, "Nhật Bản kêu gọi thực hiện thỏa thuận giữa Thái Lan và Campuchia ký hôm 28/7.")
    assert any({"Cambodia", "Thailand"} <= set(m.participants) for m in ms)


# ---- a neutral go-between of a handover is no side of the exchange (round 8)

def test_the_red_cross_receiving_captives_is_no_side(res):
    evs = _evs(res, "Sáng 3/2, Hamas trao trả 3 con tin Israel cho Ủy ban Chữ thập đỏ Quốc tế ở Khan Younis, trong "
                    "đợt trao đổi thứ tư.", pub="2025-02-03")
    ex = _of(evs, "prisoner_exchange")
    assert ex and all("International Committee of the Red Cross" not in e["participants"] for e in ex)
    assert any("Hamas" in e["participants"] for e in ex)


def test_a_state_receiving_captives_stays_a_side(res):
    # negative: a party receiving its own people is a side
    evs = _evs(res, "Sáng 3/2, Nga trao trả 150 tù binh cho Ukraine, đổi lấy 150 quân nhân Nga.", pub="2025-02-03")
    assert any(sorted(e["participants"]) == ["Russia", "Ukraine"] for e in _of(evs, "prisoner_exchange"))


# ---- a list of venues (round 8)

def test_cities_listed_after_o_are_venues_not_sides(res):
    ms = _mentions(res, "Trước đó, các phái đoàn đã gặp nhau ở Paris, Berlin, Rome và Madrid.", pub="2025-10-30")
    assert ms and not any(set(m.participants) & {"Germany", "Italy", "Spain"} for m in ms)


def test_sides_named_before_a_venue_list_stay(res):
    # negative: the sides come before "tại"; the list of cities is only where they met
    ms = _mentions(res, "Trước đó, phái đoàn Ai Cập và Ethiopia đã gặp nhau tại Paris và Berlin.", pub="2025-10-30")
    assert any(sorted(m.participants) == ["Egypt", "Ethiopia"] for m in ms)


def test_countries_listed_as_objects_are_sides(res):
    # negative: no "ở"/"tại" before the list
    ms = _mentions(res, "Ngoại trưởng Pháp đã gặp Nga và Ukraine.", pub="2025-10-30")
    assert any({"Russia", "Ukraine"} <= set(m.participants) for m in ms)


# ---- a document cited as a source or carried out: no event mention

@pytest.mark.parametrize("sentence", [
    "Theo Tuyên bố chung, hai nước sẽ lập đường dây nóng giữa hai Bộ Quốc phòng.",
    "Hai bên bàn về lộ trình triển khai Tuyên bố chung, trong đó có việc mở thêm đường bay.",
    "Căn cứ thỏa thuận, hai bên sẽ giảm thuế đối với hàng nông sản.",
])
def test_a_cited_document_is_no_event_mention(res, sentence):
    assert not [m for m in _mentions(res, sentence) if m.type in ("statement", "agreement")]


@pytest.mark.parametrize("sentence, etype", [
    # issued or signed: the event itself
    ("Hai Thủ tướng đã ra Tuyên bố chung sau cuộc hội đàm.", "statement"),
    # the agreement is named with what it is about: an event, not only the document
    ("Theo thỏa thuận thương mại ký năm ngoái, hai bên giảm thuế đối với hàng nông sản.", "agreement"),
])
def test_an_issued_or_dated_document_stays(res, sentence, etype):
    assert [m for m in _mentions(res, sentence) if m.type == etype]


# ---- the cue lists are data (events/cues.yaml), passed in compiled

def _referred(cues, low: str, noun: str = "thỏa thuận"):
    from sukien.extract_objects import referred_agreement
    ts = low.index(noun)
    return referred_agreement(low, ts, ts + len(noun), [], cues)


def test_a_bare_agreement_is_welcomed_kept_or_new_by_the_cue_lists(res):
    cues = res.cues
    assert _referred(cues, "ngoại trưởng anh hoan nghênh thỏa thuận, còn nga im lặng.") == "welcomed"
    assert _referred(cues, "hai bên cáo buộc nhau vi phạm thỏa thuận.") == "kept"
    assert _referred(cues, "liên hợp quốc kêu gọi các bên thực hiện thỏa thuận.") == "welcomed"
    # negative: signed, not welcomed; a named content after the noun is no bare agreement
    assert _referred(cues, "hai nước đã ký thỏa thuận.") is None
    assert _referred(cues, "phía anh hoan nghênh thỏa thuận về thương mại giữa hai nước.") is None


def test_a_word_added_to_a_cue_list_needs_no_code(tmp_path):
    """A Resources over another data folder compiles that folder's cues.yaml: adding "tán thành" to
    the welcome verbs makes its speaker no side of the agreement."""
    import shutil

    import yaml

    from sukien.config import PACKAGE_DATA, Config, Resources
    data = tmp_path / "data"
    shutil.copytree(PACKAGE_DATA, data)
    path = data / "events" / "cues.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    low = "thủ tướng tán thành thỏa thuận, còn phe đối lập phản đối."
    assert _referred(Resources(Config(data_dir=PACKAGE_DATA)).cues, low) is None
    doc["cues"]["welcome"]["words"]["verbs"].append("tán thành")
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    assert _referred(Resources(Config(data_dir=data)).cues, low) == "welcomed"


def test_document_counts_in_words_use_the_loaded_number_lexicon(res, monkeypatch):
    """"chín văn kiện": the count is read with the number lexicon loaded once with the resources
    (``res.triggers.numbers``), never by reading the packaged YAML again for each signing (25 ms a
    call: it once took half the extraction time of articles with signings)."""
    from sukien.extract_objects import word_count
    from sukien.vi import numbers
    assert res.triggers.numbers is res.temporal.numbers
    assert word_count("chín", res.triggers) == 9
    monkeypatch.setattr(numbers, "default_lexicon", lambda: pytest.fail("number lexicon read from YAML again"))
    (ev,) = [e for e in _evs(res, "Sau hội đàm, hai Thủ tướng chứng kiến lễ ký kết chín văn kiện hợp tác giữa "
                                   "Việt Nam và Nhật Bản ngày 5/3/2025.") if e["type"] == "agreement"]
    assert ev["quantities"].get("documents") == 9
