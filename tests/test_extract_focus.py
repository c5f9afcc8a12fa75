"""Sides a mention does not name itself (sukien.extract_focus), on our own sentences through the
real language layer: dated earlier or later rounds of talks and a dated exchange after an agreed one
are between the sides of the article's talks."""
from __future__ import annotations

from test_extract import _evs, _of, res  # noqa: F401 (res: the module's fixture)

from sukien import extract, vi
from sukien.ingest import prepare_document
from sukien.models import MetaValue, RawInput


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


# ================================ held-out 15 round (helper-c): previous talks, tariff truces and
# concluded treaty talks (triggers.yaml), documents of an untold number, venues inside cities, habitual talks


def _doc_events(res, text, pub="2026-03-05"):
    doc, _ = prepare_document(RawInput(doc_id="h.txt", origin="h.txt", text=text, fmt="txt"), res.config, res)
    doc.pub_date = MetaValue(pub, "test")
    an = vi.analyze(doc, res)
    ms = extract.extract_mentions(doc, an, res)
    return extract.document_events(doc, an, ms, res)


def _h_mentions(res, text, pub="2026-03-05"):
    doc, _ = prepare_document(RawInput(doc_id="h.txt", origin="h.txt", text=text, fmt="txt"), res.config, res)
    doc.pub_date = MetaValue(pub, "test")
    return extract.extract_mentions(doc, vi.analyze(doc, res), res)


# ---- previous talks (extract_recaps, modality.yaml previous_talk)

CALLS = ("Chiều 4/3, Ngoại trưởng Việt Nam Lê Hoài Trung đã điện đàm với Ngoại trưởng Ấn Độ "
         "Subrahmanyam Jaishankar về hợp tác quốc phòng. Cuộc điện đàm kéo dài khoảng 50 phút. "
         "{prev} Đó là một cuộc điện đàm kéo dài khoảng 25 phút, tập trung vào thương mại. "
         "Sáng 3/3, Thứ trưởng Ngoại giao Đặng Hoàng Giang đã tiếp Đại sứ Ấn Độ Sandeep Arya tại Hà Nội.")


def test_a_dated_previous_call_takes_the_sides_of_the_article_call(res):
    evs = _doc_events(res, CALLS.format(prev="Lần điện đàm trước đó giữa hai ngoại trưởng diễn ra hôm 12/11/2025."))
    calls = sorted(_of(evs, "phone_call"), key=lambda e: e["date"])
    assert [c["date"] for c in calls] == ["2025-11-12", "2026-03-04"]
    assert len(calls[0]["participants"]) == 2 and set(calls[0]["participants"]) == set(calls[1]["participants"])
    # the next sentence's length is the earlier call's; the reception never takes it
    assert calls[0]["duration_minutes"] == 25 and calls[1]["duration_minutes"] == 50
    assert all(m["duration_minutes"] is None for m in _of(evs, "meeting"))


def test_a_previous_talk_without_a_day_of_its_own_stays_sideless(res):
    evs = _doc_events(res, CALLS.format(prev="Lần điện đàm trước đó giữa hai ngoại trưởng cũng rất cởi mở."))
    assert [c["date"] for c in _of(evs, "phone_call")] == ["2026-03-04"]


def test_before_doing_is_no_previous_talk(res):
    """"điện đàm trước khi ...": 'trước' of another sense (previous_talk.not_followed_by)."""
    from sukien.extract_recaps import _previous_rx
    rx = _previous_rx(res)
    assert rx.match(" trước đó giữa hai ông")
    assert rx.match(" gần nhất của hai bên")
    assert not rx.match(" trước khi lên đường")
    assert not rx.match(" trước tiên về thương mại")


# ---- tariff truces and concluded treaty talks (triggers.yaml agreement forms, state_acts)

def test_leaders_agreeing_to_keep_tariffs_is_their_states_agreement(res):
    evs = _doc_events(res, "Ngày 3/3, Tổng thống Hàn Quốc Lee Jae-myung và Tổng thống Mỹ Donald Trump đã nhất trí "
                       "duy trì các mức thuế hiện hành thêm 60 ngày sau cuộc điện đàm.")
    ags = _of(evs, "agreement")
    assert len(ags) == 1 and ags[0]["date"] == "2026-03-03"
    assert set(ags[0]["participants"]) == {"South Korea", "United States"}


def test_extending_a_tariff_truce_is_an_agreement(res):
    evs = _doc_events(res, "Hôm 2/3, Trung Quốc và Mỹ gia hạn thỏa thuận đình chiến thương mại thêm 90 ngày.")
    assert [e["date"] for e in _of(evs, "agreement")] == ["2026-03-02"]


def test_keeping_contacts_is_no_agreement(res):
    evs = _doc_events(res, "Ngày 3/3, hai ngoại trưởng Hàn Quốc và Nhật Bản nhất trí duy trì liên lạc thường xuyên.")
    assert _of(evs, "agreement") == []


def test_concluding_treaty_talks_is_the_agreement_but_ratifying_is_not(res):
    evs = _doc_events(res, "Hôm 2/3, Việt Nam và Canada hoàn tất đàm phán hiệp định thương mại song phương sau hai năm.")
    ags = _of(evs, "agreement")
    assert len(ags) == 1 and ags[0]["date"] == "2026-03-02" and not _of(evs, "negotiation")
    # completing the ratification is a later step: no "hoàn tất ..." trigger (the bare noun may still be one)
    ms = _h_mentions(res, "Hôm 2/3, Quốc hội Canada hoàn tất việc phê chuẩn hiệp định thương mại với Việt Nam.")
    assert not [m for m in ms if m.trigger.lower().startswith("hoàn tất")]


# ---- documents of an untold number (extract_focus)

def test_a_counted_signing_restates_a_series_of_documents(res):
    evs = _doc_events(res, "Chiều 4/3, Việt Nam và Indonesia đã ký một loạt văn kiện hợp tác tại Jakarta. "
                       "Kết thúc hội đàm, hai bên ký bốn văn kiện về năng lượng, giáo dục và nghề cá.")
    ags = _of(evs, "agreement")
    assert len(ags) == 1 and ags[0]["date"] == "2026-03-04"


def test_some_documents_is_no_series(res):
    from sukien.extract_focus import _uncounted_rx
    rx = _uncounted_rx(res)
    assert rx.search("ký một loạt văn kiện") and rx.search("ký nhiều thỏa thuận")
    assert not rx.search("ký ba văn kiện") and not rx.search("ký văn kiện")


# ---- a venue inside a city (extract_focus)

def test_venue_pairs():
    from sukien.extract_focus import _pairs
    assert list(_pairs("Hội đàm diễn ra tại Nhà Trắng ở thủ đô Washington.")) == [("Nhà Trắng", "Washington")]
    assert list(_pairs("Hội nghị được tổ chức tại Điện Kremlin ở Moskva hôm qua.")) == [("Điện Kremlin", "Moskva")]
    assert list(_pairs("Ông Putin ở lại Moskva.")) == []          # no venue told as a place
    assert list(_pairs("Hai ông gặp nhau tại Hà Nội.")) == []


# ---- habitual talks (triggers.yaml negatives)

def test_every_time_they_meet_is_no_meeting(res):
    ms = _h_mentions(res, "Theo Đại sứ, chuyện về chiến dịch năm 1968 vẫn được kể lại mỗi lần hai đoàn gặp nhau.")
    assert not [m for m in ms if m.type == "meeting"]
    ms = _h_mentions(res, "Mỗi khi hai ngoại trưởng điện đàm, họ đều bàn về an ninh hàng hải.")
    assert not [m for m in ms if m.type == "phone_call"]
    ms = _h_mentions(res, "Hôm 2/3, hai đoàn gặp nhau tại Hà Nội.")
    assert [m for m in ms if m.type == "meeting"]
