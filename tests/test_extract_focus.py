"""Sides a mention does not name itself (sukien.extract_focus), on our own sentences through the
real language layer: dated earlier or later rounds of talks and a dated exchange after an agreed one
are between the sides of the article's talks."""
from __future__ import annotations

from test_extract import _evs, _of, res  # noqa: F401 (res: the module's fixture)


_TALKS = ("Ai Cập và Ethiopia đàm phán về đập thủy điện\n"
          "Chiều 14/9, phái đoàn Ai Cập và phái đoàn Ethiopia đã đàm phán tại Nairobi về việc vận hành "
          "đập thủy điện trên sông Nile.\n\n")


_AGREED = ("Armenia và Azerbaijan nhất trí trao đổi tù binh\n"
           "Chiều 4/9, Armenia và Azerbaijan nhất trí trao đổi toàn bộ tù binh còn lại sau vòng đàm phán tại Abu Dhabi.\n\n")


# ---- earlier rounds told with their own date

def test_a_dated_earlier_round_without_sides_is_between_the_sides_of_the_talks(res):
    evs = _evs(res, _TALKS + "Ai Cập lo ngại đập làm giảm lưu lượng nước.\n\nEthiopia cho rằng đập giúp phát "
                             "triển kinh tế.\n\nSudan kêu gọi kiềm chế.\n\nVòng đàm phán đầu tiên đã diễn ra hôm 2/8 "
                             "tại Kampala.", pub="2025-09-14")
    days = {e["date"]: sorted(e["participants"]) for e in _of(evs, "negotiation")}
    assert days.get("2025-08-02") == ["Egypt", "Ethiopia"]
    assert "2025-09-14" in days


# ---- an earlier dated exchange after an agreed one

def test_a_dated_exchange_after_an_agreed_one_is_between_the_same_states(res):
    evs = _evs(res, _AGREED + "Đợt trao đổi tù binh trước đó được thực hiện từ ngày 12 đến 13/8 tại biên giới.",
               pub="2025-09-05")
    px = {e["date"]: (e["status"], sorted(e["participants"])) for e in _of(evs, "prisoner_exchange")}
    assert px.get("2025-08-12") == ("occurred", ["Armenia", "Azerbaijan"])
    assert any(st == "planned" for st, _ in px.values())


def test_a_dated_exchange_in_a_story_of_one_exchange_joins_it(res):
    # negative: no agreed (planned) exchange before it: the day is the reported exchange's own
    evs = _evs(res, "Armenia và Azerbaijan trao đổi tù binh\n"
                    "Armenia và Azerbaijan đã trao đổi 30 tù binh tại biên giới.\n\n"
                    "Đợt trao đổi tù binh được thực hiện hôm 12/8 tại cửa khẩu.", pub="2025-08-13")
    px = _of(evs, "prisoner_exchange")
    assert len(px) == 1 and px[0]["date"] == "2025-08-12"


# ---- an unnamed later round

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
