"""Unit tests of sukien.extract_refs: titles and plural references resolved against the article
("theo đề nghị của Tổng thư ký LHQ": the holder named before; "hai Thủ tướng": the two named with
that title), through the extractor on hand-built sentences (tests/test_extract.py's builder)."""
from __future__ import annotations

import pytest

from sukien.config import Config, Resources
from test_extract import P, run

_CHINH = P("Thủ tướng Chính", "Pham Minh Chinh", "Vietnam")
_SONEXAY = P("Thủ tướng Lào Sonexay", "Sonexay Siphandone", "Laos")


@pytest.fixture(scope="module")
def res(tmp_path_factory):
    return Resources(Config(db=str(tmp_path_factory.mktemp("x") / "x.db")))


def test_a_title_without_a_name_takes_the_holder_named_before_as_initiator(res):
    _, ms, evs = run(res, [
        ("Tối 8/4, Thủ tướng Chính điện đàm với Tổng thư ký Liên hợp quốc (LHQ) Antonio Guterres.", {
            "actors": [_CHINH, P("Antonio Guterres", "Antonio Guterres", None)],
            "times": [("Tối 8/4", "date", "2025-04-08", True)]}),
        ("Cuộc điện đàm diễn ra theo đề nghị của Tổng thư ký LHQ, trong bối cảnh căng thẳng thương mại.", {})])
    assert [m.initiator for m in ms if m.sentence_index == 1] == ["Antonio Guterres"]
    calls = [e for e in evs if e["type"] == "phone_call"]
    assert len(calls) == 1 and calls[0]["initiator"] == "Antonio Guterres"


def test_an_unknown_title_names_no_initiator(res):
    _, ms, _ = run(res, [
        ("Tối 8/4, Thủ tướng Chính điện đàm với Thủ tướng Lào Sonexay.", {"actors": [_CHINH, _SONEXAY]}),
        ("Cuộc điện đàm diễn ra theo đề nghị của Chủ tịch Ngân hàng Thế giới, trong bối cảnh mới.", {})])
    assert all(m.initiator is None for m in ms)


def test_two_prime_ministers_are_the_two_named_with_that_title(res):
    _, ms, evs = run(res, [
        ("Ngày 21/10, Thủ tướng Chính gửi điện chúc mừng Thủ tướng Nhật Bản Takaichi.", {
            "actors": [_CHINH, P("Thủ tướng Nhật Bản Takaichi", "Sanae Takaichi", "Japan")]}),
        ("Chủ tịch Quốc hội Trần Thanh Mẫn cũng gửi điện chúc mừng.", {
            "actors": [P("Chủ tịch Quốc hội Trần Thanh Mẫn", "Tran Thanh Man", "Vietnam")]}),
        ("Hai Thủ tướng dự kiến có cuộc gặp bên lề hội nghị vào cuối tháng 10.", {
            "times": [("cuối tháng 10", "month", "2025-10", True)]})], pub="2025-10-22")
    plan = [m for m in ms if m.type == "meeting"]
    assert plan and plan[0].flags["focus_members"] == ["Pham Minh Chinh", "Sanae Takaichi"]
    meet = [e for e in evs if e["type"] == "meeting"]
    assert len(meet) == 1 and set(meet[0]["participants"]) == {"Pham Minh Chinh", "Sanae Takaichi"}
    assert meet[0]["status"] == "planned"


def test_two_prime_ministers_of_a_reported_talk_keep_the_talk_before(res):
    """A reported (occurred) talk of "hai Thủ tướng" keeps the antecedent the document level gives it."""
    _, ms, _ = run(res, [
        ("Thủ tướng Chính và Thủ tướng Lào Sonexay đến hội trường.", {"actors": [_CHINH, _SONEXAY]}),
        ("Sáng 5/3, hai Thủ tướng hội đàm tại Viêng Chăn.", {"times": [("Sáng 5/3", "date", "2025-03-05", True)]})])
    talk = [m for m in ms if m.type == "meeting"]
    assert talk and talk[0].flags["focus_ref"] and talk[0].flags["focus_members"] == []
