"""Scope (sukien.extract_scope, data/events/scope.yaml): news that is not about diplomacy yields no
events; diplomatic news keeps its events (docs/EVENTS.md "Scope: what is a diplomatic event").

Our own sentences: the lexicon's word tests first, then whole short articles through the language
layer, extraction and the scope check (``pipeline.analyze_and_extract``)."""
from __future__ import annotations

import unicodedata

import pytest

from sukien.config import Config, Resources
from sukien.textnorm import match_form


@pytest.fixture(scope="module")
def res(tmp_path_factory):
    return Resources(Config(db=str(tmp_path_factory.mktemp("scope") / "x.db")))


def events(res, text, pub="2026-05-20"):
    from sukien.ingest import prepare_document
    from sukien.models import MetaValue, RawInput
    from sukien.pipeline import analyze_and_extract
    doc, _ = prepare_document(RawInput(doc_id="s.txt", origin="s.txt", text=text, fmt="txt"), res.config, res)
    doc.pub_date = MetaValue(pub, "test")
    return analyze_and_extract(doc, res)[1]


# ------------------------------------------------------------------ the lexicon

def test_every_entry_has_an_example_that_contains_it(res):
    raw = res.load_yaml("events/scope.yaml")
    for key in ("non_state_heads", "non_state_tails", "pronoun_forms", "state_titles"):
        for e in raw[key]:
            assert e.get("example"), (key, e)
            assert unicodedata.normalize("NFC", e["example"]) == e["example"]
            assert match_form(e["text"]).text in match_form(e["example"]).text, (key, e)
    # no state or conflict word is a non-state head
    heads = {match_form(e["text"]).text for e in raw["non_state_heads"]}
    assert not heads & {"binh sĩ", "tù binh", "công dân", "người dân", "đại sứ quán", "quân đội", "chính phủ"}


@pytest.mark.parametrize("prefix", [
    "Đội tuyển ", "Sáng nay, U23 ", "Vingroup ký biên bản ghi nhớ với một doanh nghiệp ",
    "Apple ký thỏa thuận với hãng sản xuất linh kiện ", "Nhiều khách hàng từ ", "Con trai bà là kỹ sư ở ",
    "Đại diện Tổng Liên đoàn Lao động ", "Cư dân phản đối chủ đầu tư ",
])
def test_a_country_after_a_non_state_head_is_not_the_state(res, prefix):
    assert res.scope.modifier(prefix.lower(), prefix)


@pytest.mark.parametrize("prefix", [
    "Thủ tướng ", "Chiều 5/3, quân đội ", "Bộ Công an ", "Đội tuyển Việt Nam sẽ gặp ",
    "Doanh nghiệp đã ký với ", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch ", "Ông nhắc lại lập trường của ",
    "Phòng Thương mại hai nước và ", "",
])
def test_a_country_after_a_state_word_or_a_verb_is_the_state(res, prefix):
    assert not res.scope.modifier(prefix.lower(), prefix)


# ------------------------------------------------------------------ whole articles: nothing

@pytest.mark.parametrize("text", [
    # sports: a match, a coach's contract, a team's trip
    "Đội tuyển Việt Nam sẽ gặp Thái Lan trên sân Mỹ Đình tối 5/6.\n\n"
    "HLV Park Hang-seo cho biết các cầu thủ đã sẵn sàng cho trận đấu.",
    "Sáng 14/5, đội bóng lên đường sang Bangkok bằng chuyến bay thuê riêng. "
    "Các cầu thủ sẽ tập hai buổi trước trận đấu.",
    # business: firms of a country
    "Chiều 12/5, công ty Vinfast ký thỏa thuận hợp tác với một tập đoàn Hàn Quốc về sản xuất pin.",
    "Hôm 8/5, Apple công bố thỏa thuận với hãng sản xuất màn hình Hàn Quốc cho dòng máy mới.",
    # domestic administration: a ministry's inspection, a minister's domestic trip
    "Chiều 3/4, đoàn công tác Bộ Y tế thăm và làm việc tại Bệnh viện Đa khoa tỉnh Lào Cai.",
    "Bộ trưởng Bộ Xây dựng dự kiến sẽ thăm và làm việc tại Quảng Trị, Quảng Bình vào tuần tới.",
    # real estate: customers of a country
    "Theo sàn môi giới, nhiều khách hàng từ Singapore và Nhật Bản đã đến thăm dự án hôm 10/5.",
    # a family story: "Anh" is "he"
    "Sáng 2/3, anh Minh về quê thăm mẹ sau mười năm.\n\n"
    "Anh cũng đề xuất cả nhà tổ chức một bữa cơm để cảm ơn hàng xóm.",
], ids=["football-match", "team-trip", "firm-deal", "supplier-deal", "ministry-inspection",
        "domestic-minister-trip", "customers", "pronoun-anh"])
def test_non_diplomatic_news_yields_no_event(res, text):
    assert events(res, text) == []


def test_a_news_agency_is_a_source_not_a_non_state_actor(res):
    assert res.scope.subject_head("hai đội bóng sẽ gặp nhau tại riyadh")
    assert not res.scope.subject_head("hãng tin ria novosti cho biết chuyên gia hai nước sẽ gặp nhau tại riyadh")
    assert not res.scope.modifier("hãng thông tấn ", "hãng thông tấn ")


# ------------------------------------------------------------------ whole articles: kept

def test_a_reception_of_a_foreign_leader_is_kept(res):
    evs = events(res, "Chiều 3/6, Chủ tịch nước Lương Cường tiếp Thủ tướng Malaysia Anwar Ibrahim tại Hà Nội.")
    assert [e["type"] for e in evs] == ["meeting"]


def test_two_ministers_sign_in_a_sports_story_and_their_countries_are_the_sides(res):
    """A state title in a sentence full of sports words: the two ministries' signing is kept, and
    the unnamed ministers' sides are their countries (not the body "Bộ Thể thao")."""
    evs = events(res, "Đội tuyển Việt Nam tập buổi cuối trước trận gặp Lào.\n\n"
                      "Bên lề lễ trao giải bóng đá, chiều 19/5, Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch "
                      "Việt Nam và Bộ trưởng Bộ Thể thao Lào đã ký biên bản ghi nhớ về "
                      "trao đổi huấn luyện viên.")
    agr = [e for e in evs if e["type"] == "agreement"]
    assert len(agr) == 1 and set(agr[0]["participants"]) == {"Vietnam", "Laos"}
    assert not any(e["type"] == "meeting" for e in evs)


@pytest.mark.parametrize("text", [
    "Chiều 3/4, Chủ tịch nước Lương Cường đến thăm Bệnh viện Bạch Mai và động viên các y bác sĩ.",
    "Chiều 8/5, Thủ tướng Phạm Minh Chính thăm và làm việc tại tỉnh Quảng Ninh.",
], ids=["hospital", "province"])
def test_a_home_leaders_trip_inside_the_country_is_domestic(res, text):
    assert events(res, text) == []


def test_a_home_leaders_trip_abroad_is_kept(res):
    evs = events(res, "Chiều 8/5, Thủ tướng Phạm Minh Chính thăm chính thức Pháp.")
    assert [(e["type"], set(e["participants"])) for e in evs] == [("visit", {"Pham Minh Chinh", "France"})]


def test_a_foreign_body_named_without_dictionary_entry_is_a_state_side(res):
    evs = events(res, "Sáng 6/5, Bộ Thương mại Mỹ và Bộ Công Thương Việt Nam đã ký thỏa thuận về chuỗi cung ứng.")
    assert evs and all(e["participants"] for e in evs)


# ------------------------------------------------------------------ the cheap paths

def test_head_count_stops_at_its_limit_and_agrees_with_a_full_count(res):
    lex = res.scope
    low = match_form("Đội tuyển Việt Nam gặp câu lạc bộ Thái Lan; doanh nghiệp Hàn Quốc và đội tuyển Lào").text
    full = lex.count_heads(low)
    assert full >= 3
    assert lex.count_heads(low, 2) == 2 and lex.count_heads(low, full + 5) == full
    assert lex.subject_head(low) and not lex.subject_head(match_form("Thủ tướng hội đàm với Tổng thống").text)


def test_event_sentences_by_bisection_are_those_of_the_plain_overlap_test():
    from hypothesis import given, strategies as st

    from sukien.extract_scope import _event_sentences, _sorted_bounds
    from sukien.models import Sentence

    @given(st.lists(st.integers(1, 30), min_size=1, max_size=12),
           st.lists(st.tuples(st.integers(0, 400), st.integers(0, 40)), max_size=6))
    def check(lengths, spans):
        sents, pos = [], 0
        for i, n in enumerate(lengths):
            sents.append(Sentence(index=i, paragraph=0, start=pos, end=pos + n, text="x" * n))
            pos += n + 1                          # one space between sentences
        rec = {"mentions": [{"start": a, "end": a + w} for a, w in spans]}
        bounds = _sorted_bounds(sents)
        assert bounds is not None
        assert _event_sentences(rec, sents, bounds) == _event_sentences(rec, sents)

    check()


# ------------------------------------------------------------------ held-out 14 round (helper-b)

def test_a_head_noun_after_both_sides_is_no_actor_of_an_exchange(res):
    evs = events(res, "Ngày 5/6, Mỹ và Venezuela trao đổi 10 tù nhân, mở đường cho tập đoàn Chevron quay lại.",
                 pub="2025-06-06")
    assert any(e["type"] == "prisoner_exchange" and sorted(e["participants"]) == ["United States", "Venezuela"]
               for e in evs)


def test_a_head_noun_before_the_one_country_still_makes_no_diplomacy(res):
    # negative: one country named, the firm is the actor
    evs = events(res, "Hãng mỹ phẩm đưa nam diễn viên Hàn Quốc Kim Soo sang thăm Đà Nẵng hôm 5/6.", pub="2025-06-06")
    assert not any(e["type"] == "visit" for e in evs)


def test_a_country_name_ending_in_a_place_word_is_no_place_cue(res):
    evs = events(res, "Ngày 2/3 tại Tokyo, ông Lưu Kính Tùng có cuộc gặp với Cục trưởng Cục châu Á - Đại Dương "
                      "Bộ Ngoại giao Nhật Bản Hoshino Ken về vấn đề hải sản.", pub="2026-03-03")
    m = [e for e in evs if e["type"] == "meeting"]
    assert m and sorted(m[0]["participants"]) == ["Hoshino Ken", "Liu Jinsong"]
