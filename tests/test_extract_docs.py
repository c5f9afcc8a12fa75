"""Document-level clustering (sukien.extract_docs, extract_cluster, extract_focus, extract_merge) on
our own sentences: which mentions of one article are one event (docs/EVENTS.md "Mentions →
document events"). The language layer's output is built by hand (tests/test_extract.py ``build``),
so these tests check the clustering rules alone (the last one, an undated elliptic round, runs the
real language layer through tests/test_extract.py ``_evs``).
"""
from __future__ import annotations

import pytest

from sukien.config import Config, Resources
from sukien.extract import document_events, extract_mentions
from test_extract import C, P, _evs, _of, build


@pytest.fixture(scope="module")
def res(tmp_path_factory):
    return Resources(Config(db=str(tmp_path_factory.mktemp("x") / "x.db")))


def run(res, lines, **kw):
    """test_extract.run, with a sentence role per line (spec "role": title / heading / lead)."""
    kw.setdefault("pub", "2025-10-13")
    doc, an = build(lines, **kw)
    for s, (_, spec) in zip(an.sentences, lines):
        if spec.get("role"):
            s.role = spec["role"]
    ms = extract_mentions(doc, an, res)
    return document_events(doc, an, ms, res)


def of_type(evs, t):
    return [e for e in evs if e["type"] == t]


def sentences(e):
    return [m["sentence"] for m in e["mentions"]]


# ------------------------------------------------------------------ one country per person

ENVOY_BODY = ("Sáng 4/6, Chủ tịch nước Lương Cường đã tiếp Đại sứ Hàn Quốc tại Việt Nam Choi Young-sam, "
              "người mang theo thông điệp của Tổng thống Lee Jae-myung.")


def _envoy(head_envoy: str, body_envoy_country=None):
    head = "Chủ tịch nước Lương Cường tiếp Đại sứ Hàn Quốc " + head_envoy
    return [
        (head, {"role": "title", "actors": [P("Chủ tịch nước Lương Cường", "Luong Cuong", "Vietnam"),
                                            P("Đại sứ Hàn Quốc " + head_envoy, head_envoy, "South Korea")]}),
        (ENVOY_BODY, {"actors": [P("Chủ tịch nước Lương Cường", "Luong Cuong", "Vietnam"),
                                 P("Choi Young-sam", "Choi Young-sam", body_envoy_country),
                                 P("Tổng thống Lee Jae-myung", "Lee Jae-myung", "South Korea")],
                      "times": [("Sáng 4/6", "date", "2025-06-04", True)]}),
    ]


def test_a_headline_naming_part_of_the_cast_is_the_body_event(res):
    """The body leaves the envoy's country open ("Đại sứ Hàn Quốc tại Việt Nam": Korea or Vietnam?)
    and names a third person; the headline gives the envoy his country: one meeting."""
    evs = of_type(run(res, _envoy("Choi Young-sam")), "meeting")
    assert len(evs) == 1, evs
    assert evs[0]["date"] == "2025-06-04"
    assert any(s.endswith("Choi Young-sam") and s.startswith("Chủ tịch nước") for s in sentences(evs[0]))


def test_a_headline_naming_another_person_of_that_country_stays_apart(res):
    evs = of_type(run(res, _envoy("Park Noh-wan", body_envoy_country="South Korea")), "meeting")
    assert len(evs) == 2, evs


# ------------------------------------------------------------------ two calls of one cast

def _denial(later_clause: str, later_spec: dict):
    return [
        ("Tranh cãi quanh cuộc điện đàm Macron - Putin", {
            "role": "title", "actors": [P("Macron", "Emmanuel Macron", "France"),
                                        P("Putin", "Vladimir Putin", "Russia")]}),
        ("Điện Élysée phủ nhận việc Tổng thống Emmanuel Macron đã điện đàm với Tổng thống Nga Vladimir Putin "
         "hôm 3/3.", {
            "role": "lead", "actors": [P("Tổng thống Emmanuel Macron", "Emmanuel Macron", "France"),
                                       P("Tổng thống Nga Vladimir Putin", "Vladimir Putin", "Russia")],
            "times": [("hôm 3/3", "date", "2025-03-03", True)]}),
        (later_clause, later_spec),
    ]


CONFIRMED = ("Cuộc điện đàm gần đây nhất mà hai bên công nhận diễn ra hôm 1/2, khi ông Macron gọi điện cho "
             "ông Putin để bàn về an ninh hạt nhân.")


def test_a_dated_call_told_by_its_when_clause_is_another_call_than_the_denied_one(res):
    evs = of_type(run(res, _denial(CONFIRMED, {
        "actors": [P("ông Macron", "Emmanuel Macron", "France"), P("ông Putin", "Vladimir Putin", "Russia")],
        "times": [("hôm 1/2", "date", "2025-02-01", True)]}), pub="2025-03-05"), "phone_call")
    assert len(evs) == 2, evs
    denied = next(e for e in evs if e["status"] == "denied")
    confirmed = next(e for e in evs if e["status"] == "occurred")
    assert denied["date"] == "2025-03-03" and confirmed["date"] == "2025-02-01"
    assert set(confirmed["participants"]) == {"Emmanuel Macron", "Vladimir Putin"}
    assert CONFIRMED in sentences(confirmed) and CONFIRMED not in sentences(denied)
    # the headline restates the lead: the denied call is the article's event
    assert denied["main"] and any("Tranh cãi" in s for s in sentences(denied))


def test_a_when_clause_with_its_own_status_tells_no_sides(res):
    """"... điện đàm hôm 1/2, trong khi ông Macron sẽ gọi điện cho ông Putin": a plan, not the sides
    of the dated call."""
    evs = of_type(run(res, _denial(
        "Hai bên đã điện đàm hôm 1/2, trong khi ông Macron sẽ gọi điện cho ông Putin vào tuần tới.", {
            "actors": [P("ông Macron", "Emmanuel Macron", "France"), P("ông Putin", "Vladimir Putin", "Russia")],
            "times": [("hôm 1/2", "date", "2025-02-01", True)]}), pub="2025-03-05"), "phone_call")
    assert not any(e["date"] == "2025-02-01" and e["status"] == "planned" for e in evs), evs
    assert any(e["status"] == "planned" and not e["date"] for e in evs), evs
    assert any(e["status"] == "occurred" and e["date"] == "2025-02-01" for e in evs), evs


# ------------------------------------------------------------------ talks named without sides

def _three_meetings(last_line):
    return [
        ("Sáng 12/10, Thủ tướng Phạm Minh Chính đã gặp Tổng thống Hàn Quốc Lee Jae-myung.", {
            "actors": [P("Thủ tướng Phạm Minh Chính", "Pham Minh Chinh", "Vietnam"),
                       P("Tổng thống Hàn Quốc Lee Jae-myung", "Lee Jae-myung", "South Korea")],
            "times": [("Sáng 12/10", "date", "2025-10-12", True)]}),
        ("Đầu giờ chiều 12/10, Thủ tướng tiếp tục gặp Thủ tướng Nhật Bản Ishiba Shigeru.", {
            "actors": [P("Thủ tướng", "Pham Minh Chinh", "Vietnam"),
                       P("Thủ tướng Nhật Bản Ishiba Shigeru", "Shigeru Ishiba", "Japan")],
            "times": [("Đầu giờ chiều 12/10", "date", "2025-10-12", True)]}),
        last_line,
    ]


def test_a_talk_named_without_sides_is_the_one_just_told(res):
    evs = of_type(run(res, _three_meetings(
        ("Tại cuộc gặp, hai bên nhất trí thúc đẩy hợp tác bán dẫn.", {}))), "meeting")
    assert len(evs) == 2
    japan = next(e for e in evs if "Shigeru Ishiba" in e["participants"])
    assert any("Tại cuộc gặp" in s for s in sentences(japan))


def test_a_talk_naming_its_side_is_not_moved_to_the_last_one(res):
    evs = of_type(run(res, _three_meetings(
        ("Tại cuộc gặp với Tổng thống Lee Jae-myung, hai bên nhất trí thúc đẩy hợp tác bán dẫn.", {
            "actors": [P("Tổng thống Lee Jae-myung", "Lee Jae-myung", "South Korea")]}))), "meeting")
    korea = next(e for e in evs if "Lee Jae-myung" in e["participants"])
    assert any("Tại cuộc gặp" in s for s in sentences(korea))


# ------------------------------------------------------------------ summaries of several meetings

ROUND = ("Ngày 12/10, Thủ tướng đã hội kiến Tổng thống Hàn Quốc Lee Jae-myung, Thủ tướng Nhật Bản Ishiba "
         "Shigeru và Thủ tướng Australia Anthony Albanese.")
ROUND_ACTORS = [P("Thủ tướng", "Pham Minh Chinh", "Vietnam"),
                P("Tổng thống Hàn Quốc Lee Jae-myung", "Lee Jae-myung", "South Korea"),
                P("Thủ tướng Nhật Bản Ishiba Shigeru", "Shigeru Ishiba", "Japan"),
                P("Thủ tướng Australia Anthony Albanese", "Anthony Albanese", "Australia")]
AUSTRALIA = ("Cuối ngày 12/10, Thủ tướng gặp Thủ tướng Australia Anthony Albanese.", {
    "actors": [P("Thủ tướng", "Pham Minh Chinh", "Vietnam"),
               P("Thủ tướng Australia Anthony Albanese", "Anthony Albanese", "Australia")],
    "times": [("Cuối ngày 12/10", "date", "2025-10-12", True)]})


def test_a_lead_summing_up_several_meetings_is_no_extra_event(res):
    lines = [(ROUND, {"role": "lead", "actors": ROUND_ACTORS,
                      "times": [("Ngày 12/10", "date", "2025-10-12", True)]})] + _three_meetings(AUSTRALIA)
    evs = of_type(run(res, lines), "meeting")
    assert sorted(len(e["participants"]) for e in evs) == [2, 2, 2], evs
    assert {p for e in evs for p in e["participants"]} == {"Pham Minh Chinh", "Lee Jae-myung", "Shigeru Ishiba",
                                                           "Anthony Albanese"}
    assert all(e["date"] == "2025-10-12" for e in evs)
    assert sum(ROUND in sentences(e) for e in evs) == 1


def test_an_undated_headline_naming_the_countries_is_no_extra_event(res):
    lines = [("Thủ tướng hội kiến lãnh đạo Hàn Quốc, Nhật Bản và Australia", {
        "role": "title", "actors": [P("Thủ tướng", "Pham Minh Chinh", "Vietnam"), C("Hàn Quốc", "South Korea"),
                                    C("Nhật Bản", "Japan"), C("Australia", "Australia")]})] + _three_meetings(AUSTRALIA)
    evs = of_type(run(res, lines), "meeting")
    assert len(evs) == 3 and all(len(e["participants"]) == 2 for e in evs), evs
    assert sum(lines[0][0] in sentences(e) for e in evs) == 1


def test_a_three_party_meeting_restated_with_one_pair_stays_one_event(res):
    evs = of_type(run(res, [
        ("Cuộc gặp ba bên giữa Donald Trump, Vladimir Putin và Volodymyr Zelensky diễn ra ngày 12/10 tại Geneva.", {
            "actors": [P("Donald Trump", "Donald Trump", "United States"),
                       P("Vladimir Putin", "Vladimir Putin", "Russia"),
                       P("Volodymyr Zelensky", "Volodymyr Zelensky", "Ukraine")],
            "times": [("ngày 12/10", "date", "2025-10-12", True)]}),
        ("Ông Trump đã gặp ông Putin trong hai giờ.", {
            "actors": [P("Ông Trump", "Donald Trump", "United States"), P("ông Putin", "Vladimir Putin", "Russia")]}),
    ]), "meeting")
    assert len(evs) == 1 and len(evs[0]["participants"]) == 3, evs


# ------------------------------------------------------------------ halves of one talk

def _halves(second_time):
    return [
        ("Tại buổi tiếp, Chủ tịch nước thông báo kết quả cuộc hội đàm hôm qua với Tổng thống Philippines "
         "Ferdinand Marcos.", {
            "actors": [P("Chủ tịch nước", "Luong Cuong", "Vietnam"),
                       P("Tổng thống Philippines Ferdinand Marcos", "Ferdinand Marcos Jr.", "Philippines")],
            "times": [("hôm qua", "date", "2025-05-09", True)]}),
        ("Chủ tịch nước Lương Cường đã hội đàm với người đứng đầu nước sở tại " + second_time[0]
         + " tại Manila.", {
            "actors": [P("Chủ tịch nước Lương Cường", "Luong Cuong", "Vietnam")],
            "times": [second_time]}),
    ]


def test_two_halves_of_one_talk_on_one_day_are_one_talk(res):
    evs = of_type(run(res, _halves(("hôm 9/5", "date", "2025-05-09", True)), pub="2025-05-10"), "meeting")
    talks = [e for e in evs if e["date"] == "2025-05-09"]
    assert len(talks) == 1 and set(talks[0]["participants"]) == {"Luong Cuong", "Ferdinand Marcos Jr."}, evs


def test_halves_on_different_days_are_not_joined(res):
    evs = of_type(run(res, _halves(("hôm 8/5", "date", "2025-05-08", True)), pub="2025-05-10"), "meeting")
    assert not any(len(e["participants"]) == 2 and e["date"] == "2025-05-08" for e in evs), evs


# ------------------------------------------------------------------ a plan is not a past event

def _state_visit(recap_time):
    return [
        ("Tổng thống Indonesia sẽ thăm cấp Nhà nước Việt Nam", {
            "role": "heading", "actors": [P("Tổng thống Indonesia", "Prabowo Subianto", "Indonesia"),
                                          C("Việt Nam", "Vietnam")]}),
        ("Tổng thống Indonesia Prabowo Subianto sẽ thăm cấp Nhà nước Việt Nam từ ngày 20 đến 22/9.", {
            "actors": [P("Tổng thống Indonesia Prabowo Subianto", "Prabowo Subianto", "Indonesia"),
                       C("Việt Nam", "Vietnam")],
            "times": [("từ ngày 20 đến 22/9", "date", "2025-09-20", True)]}),
        ("Chuyến thăm Việt Nam của Tổng thống Prabowo Subianto " + recap_time[0]
         + " đã mở ra nhiều hướng hợp tác.", {
            "actors": [C("Việt Nam", "Vietnam"), P("Tổng thống Prabowo Subianto", "Prabowo Subianto", "Indonesia")],
            "times": [recap_time]}),
    ]


def test_an_undated_plan_does_not_join_a_visit_of_an_earlier_month(res):
    evs = of_type(run(res, _state_visit(("hồi tháng 3", "month", "2025-03", True)), pub="2025-09-05"), "visit")
    plan = next(e for e in evs if e["status"] == "planned")
    assert plan["date"] == "2025-09-20"
    assert any(s.startswith("Tổng thống Indonesia sẽ thăm") for s in sentences(plan)), evs
    assert len([e for e in evs if e["status"] == "planned"]) == 1


def test_an_undated_plan_still_joins_its_dated_plan(res):
    """Without the recap, headline and lead are one planned visit (the rule only keeps a plan off
    an event of an earlier month)."""
    lines = _state_visit(("hồi tháng 3", "month", "2025-03", True))[:2]
    evs = of_type(run(res, lines, pub="2025-09-05"), "visit")
    assert len(evs) == 1 and evs[0]["status"] == "planned" and evs[0]["date"] == "2025-09-20"


def test_this_is_the_first_visit_of_x_is_x_s_planned_visit_not_another_trip(res):
    """"Đây là chuyến thăm đầu tiên tới Việt Nam của ông Prabowo": the headline's planned visit of its
    sides, not the factual visit of another leader reported before it."""
    lines = _state_visit(("hồi tháng 3", "month", "2025-03", True))[:2] + [
        ("Tháng 3 vừa qua, Thủ tướng Malaysia Anwar Ibrahim đã thăm chính thức Việt Nam.", {
            "actors": [P("Thủ tướng Malaysia Anwar Ibrahim", "Anwar Ibrahim", "Malaysia"), C("Việt Nam", "Vietnam")],
            "times": [("Tháng 3 vừa qua", "month", "2025-03", True)]}),
        ("Đây là chuyến thăm đầu tiên tới Việt Nam của ông Prabowo sau khi nhậm chức Tổng thống.", {
            "actors": [C("Việt Nam", "Vietnam"), P("ông Prabowo", "Prabowo Subianto", "Indonesia")]}),
    ]
    evs = of_type(run(res, lines, pub="2025-09-05"), "visit")
    plan = next(e for e in evs if e["status"] == "planned")
    other = next(e for e in evs if "Anwar Ibrahim" in e["participants"])
    assert lines[3][0] in sentences(plan) and lines[3][0] not in sentences(other)


def test_this_is_the_first_visit_of_x_is_x_s_visit_even_when_the_headline_is_another(res):
    lines = [
        ("Thủ tướng Malaysia sẽ thăm chính thức Việt Nam", {
            "role": "heading", "actors": [P("Thủ tướng Malaysia", "Anwar Ibrahim", "Malaysia"), C("Việt Nam", "Vietnam")]}),
        ("Hồi tháng 3, Tổng thống Indonesia Prabowo Subianto đã thăm Việt Nam.", {
            "actors": [P("Tổng thống Indonesia Prabowo Subianto", "Prabowo Subianto", "Indonesia"),
                       C("Việt Nam", "Vietnam")],
            "times": [("Hồi tháng 3", "month", "2025-03", True)]}),
        ("Đây là chuyến thăm đầu tiên tới Việt Nam của ông Prabowo sau khi nhậm chức Tổng thống.", {
            "actors": [C("Việt Nam", "Vietnam"), P("ông Prabowo", "Prabowo Subianto", "Indonesia")]}),
    ]
    evs = of_type(run(res, lines, pub="2025-09-05"), "visit")
    prabowo = next(e for e in evs if "Prabowo Subianto" in e["participants"])
    assert lines[2][0] in sentences(prabowo), evs


def test_a_talk_with_an_unnamed_side_does_not_absorb_another_meeting(res):
    """The talks of 9/5 name one side ("người đứng đầu nước sở tại" unresolved); the audience with the
    Senate president on 10/5 is restated undated, with her country left open: it is that audience."""
    lines = [
        ("Sáng 10/5, tại Manila, Chủ tịch nước Lương Cường đã hội kiến Chủ tịch Thượng viện Philippines "
         "Imee Marcos.", {
            "role": "lead", "actors": [P("Chủ tịch nước Lương Cường", "Luong Cuong", "Vietnam"),
                                       P("Chủ tịch Thượng viện Philippines Imee Marcos", "Imee Marcos", "Philippines")],
            "times": [("Sáng 10/5", "date", "2025-05-10", True)]}),
        ("Bà Imee Marcos bày tỏ vui mừng được đón Chủ tịch nước Lương Cường.", {
            "actors": [P("Bà Imee Marcos", "Imee Marcos", None), P("Chủ tịch nước Lương Cường", "Luong Cuong", "Vietnam")]}),
        ("Chủ tịch nước Lương Cường đã hội đàm với người đứng đầu nước sở tại hôm 9/5.", {
            "actors": [P("Chủ tịch nước Lương Cường", "Luong Cuong", "Vietnam")],
            "times": [("hôm 9/5", "date", "2025-05-09", True)]}),
    ]
    evs = of_type(run(res, lines, pub="2025-05-10"), "meeting")
    audience = [e for e in evs if "Imee Marcos" in e["participants"]]
    assert len(audience) == 1 and audience[0]["date"] == "2025-05-10", evs
    assert lines[1][0] in sentences(audience[0])


# ------------------------------------------------------------------ rules on hand-made mentions
# (helper-j round: the clustering rules called directly on mentions built here)

from sukien.extract_cluster import _Ev, _add, _compatible, _counts_agree  # noqa: E402
from sukien.extract_docs import _exchange_told, _proposed_talk, _truce_of_exchange  # noqa: E402
from sukien.extract_focus import _sides_of_framing_talks  # noqa: E402
from sukien.extract_merge import _drop_summaries  # noqa: E402
from sukien.models import EventMention  # noqa: E402


@pytest.fixture(scope="module")
def cues():
    """The compiled cue lists (events/cues.yaml) the clustering rules are given."""
    return Resources().cues

_KIND = {"Vietnam": "country", "Laos": "country", "Cambodia": "country", "Thailand": "country",
         "Armenia": "country", "Azerbaijan": "country", "India": "country", "China": "country",
         "Brazil": "country", "Singapore": "country", "ASEAN": "organization", "G20": "organization"}
_COUNTRY = {"Pham Minh Chinh": "Vietnam", "Sonexay Siphandone": "Laos", "Hun Manet": "Cambodia",
            "Anutin Charnvirakul": "Thailand", "Ararat Mirzoyan": "Armenia", "Jeyhun Bayramov": "Azerbaijan",
            "Narendra Modi": "India", "Li Qiang": "China", "Lawrence Wong": "Singapore"}


def M(etype, start, si, parts=(), status="occurred", date=None, **flags):
    """A mention of ``etype`` at ``start`` in sentence ``si`` with sides ``parts``."""
    pk = {p: _KIND.get(p, "person") for p in parts}
    cm = {p: _COUNTRY.get(p, p if _KIND.get(p) == "country" else None) for p in parts}
    flags.setdefault("asserted", True)
    return EventMention(doc="t.txt", type=etype, trigger=etype, start=start, end=start + 5, sentence_index=si,
                        participants=list(parts), status=status, date=date,
                        flags={"pkind": pk, "countries": cm, **flags})


def ev_of(*ms):
    e = _Ev(type=ms[0].type)
    for m in ms:
        _add(e, m)
    return e


def test_a_day_and_month_without_year_keep_two_calls_apart(cues):
    """"chiều 10-5" and "ngày 12-5" in an article with no year anywhere: two days, two calls."""
    e = ev_of(M("phone_call", 0, 1, ["Armenia", "Azerbaijan"], day_month="05-10"))
    assert _compatible(e, M("phone_call", 90, 3, ["Armenia", "Azerbaijan"], day_month="05-12"), cues) is None
    assert _compatible(e, M("phone_call", 90, 3, ["Armenia", "Azerbaijan"], day_month="05-10"), cues) is not None
    assert _compatible(e, M("phone_call", 90, 3, ["Armenia", "Azerbaijan"]), cues) is not None


def test_a_planned_call_without_year_does_not_join_the_reported_one(cues):
    """"hai bên hẹn điện đàm tiếp vào ngày 12-5" beside a call that happened (its length told)."""
    e = ev_of(M("phone_call", 0, 1, ["Armenia", "Azerbaijan"]),
              M("phone_call", 40, 2, []))
    e.mentions[1].duration_minutes = 40
    plan = M("phone_call", 90, 3, ["Armenia", "Azerbaijan"], status="planned", status_explicit=True,
             day_month="05-12")
    assert _compatible(e, plan, cues) is None


def test_a_rounded_count_agrees_with_the_exact_one():
    assert _counts_agree(1968, 2000) and _counts_agree(2000, 1968)
    assert _counts_agree(20, 20)
    assert not _counts_agree(20, 28)           # small counts must be equal
    assert not _counts_agree(1700, 2000)       # more than 5% apart
    assert not _counts_agree(1968, 1975)       # neither is round


def test_a_signing_of_several_documents_is_not_the_joint_statement_told_before(cues):
    joint = ev_of(M("agreement", 0, 2, ["Vietnam", "Laos"]))
    signing = M("agreement", 300, 6, [])
    signing.quantities = {"documents": 7.0}
    assert _compatible(joint, signing, cues) is None
    one = M("agreement", 300, 6, [])                   # "hai bên ký thỏa thuận": no count
    assert _compatible(joint, one, cues) is not None
    same_sentence = M("agreement", 20, 2, [])
    same_sentence.quantities = {"documents": 7.0}
    assert _compatible(joint, same_sentence, cues) is not None


def test_a_talk_noun_joins_an_event_that_already_holds_that_type(cues):
    """"Hai ngoại trưởng gặp nhau ..., trong cuộc đàm phán ..." then "Cuộc đàm phán kéo dài ba giờ":
    the meeting already told as talks takes the sideless talk noun."""
    e = ev_of(M("meeting", 0, 1, ["Ararat Mirzoyan", "Jeyhun Bayramov"]),
              M("negotiation", 60, 1, ["Ararat Mirzoyan", "Jeyhun Bayramov"]))
    assert _compatible(e, M("negotiation", 200, 2, []), cues) is not None
    plain = ev_of(M("meeting", 0, 1, ["Ararat Mirzoyan", "Jeyhun Bayramov"]))
    assert _compatible(plain, M("negotiation", 200, 2, []), cues) is None


def test_a_framing_talk_takes_the_sides_of_the_outcome_reached_there():
    """"Tại vòng đàm phán ngày 5/3, phái đoàn Armenia và phái đoàn Azerbaijan đã nhất trí trao trả tù
    binh ...": the round is between the two sides."""
    talk = M("negotiation", 4, 5, [], nominal=True, date="2025-03-05")
    deal = M("prisoner_exchange", 120, 5, ["Armenia", "Azerbaijan"], status="planned")
    other = M("negotiation", 400, 7, [], nominal=True)
    _sides_of_framing_talks([talk, deal, other])
    assert set(talk.participants) == {"Armenia", "Azerbaijan"}
    assert other.participants == []                    # another sentence: nothing


def test_a_talk_after_its_outcome_or_beside_a_named_talk_is_left_alone():
    deal = M("prisoner_exchange", 0, 1, ["Armenia", "Azerbaijan"])
    talk = M("negotiation", 90, 1, [], nominal=True)   # "... theo thỏa thuận đạt được tại vòng đàm phán"
    _sides_of_framing_talks([deal, talk])
    assert talk.participants == []
    named = M("phone_call", 0, 2, ["Pham Minh Chinh", "Hun Manet"])
    talk2 = M("meeting", 40, 2, [], nominal=True)      # a call is no meeting
    _sides_of_framing_talks([named, talk2])
    assert talk2.participants == []


def test_a_talk_noun_after_the_meeting_of_its_sentence_is_that_meeting():
    """"Hai ngoại trưởng đã gặp nhau tại Alma-Ata, trong cuộc đàm phán do Kazakhstan chủ trì"."""
    meet = M("meeting", 0, 1, ["Ararat Mirzoyan", "Jeyhun Bayramov"])
    talk = M("negotiation", 70, 1, [], nominal=True)
    _sides_of_framing_talks([meet, talk])
    assert set(talk.participants) == {"Ararat Mirzoyan", "Jeyhun Bayramov"}
    plan = M("meeting", 0, 3, ["Ararat Mirzoyan", "Jeyhun Bayramov"], status="planned")
    talk3 = M("negotiation", 70, 3, [], nominal=True)
    _sides_of_framing_talks([plan, talk3])
    assert talk3.participants == []                    # another status: not that talk


def test_a_talk_proposed_in_its_sentence_is_no_reported_talk():
    text = "Ông Pashinyan đề nghị tổ chức một cuộc gặp thượng đỉnh. Ông đề nghị, sau cuộc gặp hôm qua, ..."
    prop = M("proposal", 0, 0, ["Armenia"])
    prop.start, prop.end = text.index("đề nghị"), text.index("đề nghị") + len("đề nghị")
    talk = M("meeting", text.index("cuộc gặp"), 0, [], nominal=True)
    assert _proposed_talk(talk, [prop, talk], text)
    j = text.index("đề nghị,")
    prop2 = M("proposal", j, 1, ["Armenia"])
    prop2.start, prop2.end = j, j + len("đề nghị")
    talk2 = M("meeting", text.index("cuộc gặp hôm"), 1, [], nominal=True)
    assert not _proposed_talk(talk2, [prop2, talk2], text)          # a comma between
    dated = M("meeting", text.index("cuộc gặp"), 0, [], nominal=True, date="2025-03-01")
    dated.date = "2025-03-01"
    assert not _proposed_talk(dated, [prop, dated], text)           # a dated talk was reported


def test_a_generic_talk_word_with_the_sides_of_an_exchange_is_that_exchange():
    """"Cuộc trao đổi diễn ra hai ngày sau khi lệnh ngừng bắn giữa Armenia và Azerbaijan có hiệu lực"."""
    ex = ev_of(M("prisoner_exchange", 0, 1, ["Armenia", "Azerbaijan"], date="2025-03-05"))
    word = M("meeting", 400, 5, ["Armenia", "Azerbaijan"], weak=True, nominal=True)
    assert _exchange_told(word, [ex], {}) is ex
    talks = ev_of(M("negotiation", 200, 3, ["Armenia", "Azerbaijan"]))
    assert _exchange_told(word, [ex, talks], {}) is None           # the article reports talks too
    assert _exchange_told(M("meeting", 400, 5, ["Armenia"], weak=True), [ex], {}) is None


def test_a_sideless_truce_beside_one_exchange_is_the_truce_of_its_sides():
    ex = ev_of(M("prisoner_exchange", 0, 1, ["Armenia", "Azerbaijan"]))
    truce = ev_of(M("ceasefire", 300, 4, [], nominal=True))
    _truce_of_exchange([ex, truce], {})
    assert truce.countries() == {"Armenia", "Azerbaijan"}
    named = ev_of(M("ceasefire", 500, 6, ["Armenia", "Azerbaijan"]))
    lone = ev_of(M("ceasefire", 300, 4, [], nominal=True))
    _truce_of_exchange([ex, lone, named], {})
    assert not lone.countries()                        # a truce with sides is told: leave it


class _Rec:
    def __init__(self, parts, start, date="2025-07-06"):
        self.type, self.date, self.parts = "meeting", date, list(parts)
        self.pkind = {p: _KIND.get(p, "person") for p in parts}
        self.cmap = {p: _COUNTRY.get(p, p if _KIND.get(p) == "country" else None) for p in parts}
        self.mentions = [M("meeting", start, start // 100, parts)]


def test_a_headline_naming_the_summit_besides_the_meetings_is_no_extra_event(cues):
    """"Thủ tướng gặp lãnh đạo Ấn Độ, Trung Quốc bên lề Hội nghị G20": G20 is the frame."""
    a = _Rec(["Pham Minh Chinh", "Narendra Modi"], 100)
    b = _Rec(["Pham Minh Chinh", "Li Qiang"], 200)
    head = _Rec(["Pham Minh Chinh", "India", "China", "G20"], 0, date=None)
    out = _drop_summaries([a, b, head], cues)
    assert head not in out and len(out) == 2
    third = _Rec(["Pham Minh Chinh", "India", "China", "Brazil", "G20"], 0, date=None)
    assert third in _drop_summaries([a, b, third], cues)      # a side none of the meetings has


def test_an_undated_talk_noun_of_three_sides_lends_none_to_a_dated_pair(res):
    """A dated pair reported as background ("Trước đó, hôm 18/8, X tiếp Z") must not take the third
    side of an undated talk noun naming three ("cuộc gặp giữa X, Y và Z"): the noun is clustered after
    the dated reports of its pairs."""
    us, ru, ua = ("ông Trump", "Donald Trump", "person", "United States"), \
        ("Putin", "Vladimir Putin", "person", "Russia"), ("Zelensky", "Volodymyr Zelensky", "person", "Ukraine")
    lines = [
        ("Ông Trump và ông Putin gặp nhau tại Alaska hôm 15/8.",
         {"actors": [("Ông Trump",) + us[1:], ("ông Putin",) + ru[1:]], "times": [("hôm 15/8", "date", "2025-08-15", False)]}),
        ("Trước đó, hôm 18/8, ông Trump tiếp ông Zelensky tại Nhà Trắng.",
         {"actors": [us, ("ông Zelensky",) + ua[1:]], "times": [("hôm 18/8", "date", "2025-08-18", False)]}),
        ("Đã có cuộc gặp giữa ông Trump, Putin và Zelensky.", {"actors": [us, ru, ua]}),
    ]
    evs = of_type(run(res, lines, pub="2025-08-20"), "meeting")
    by_date = {e["date"]: e for e in evs}
    assert sorted(by_date["2025-08-18"]["participants"]) == ["Donald Trump", "Volodymyr Zelensky"]
    assert sorted(by_date["2025-08-15"]["participants"]) == ["Donald Trump", "Vladimir Putin"]


def test_a_sideless_generic_talk_word_in_an_exchange_story_is_that_exchange():
    """"Cuộc trao đổi diễn ra đúng ngày quốc khánh ...", no sides named, in an article that restates one
    exchange (three mentions) and names a summit once: the exchange, not the summit."""
    ex = ev_of(M("prisoner_exchange", 0, 0, ["Armenia", "Azerbaijan"]), M("prisoner_exchange", 100, 1, ["Armenia", "Azerbaijan"]),
               M("prisoner_exchange", 200, 2, ["Armenia", "Azerbaijan"]))
    summit = ev_of(M("meeting", 600, 8, ["India", "China"], nominal=True))
    word = M("meeting", 550, 8, [], weak=True, nominal=True)
    assert _exchange_told(word, [ex, summit], {}) is ex
    summit2 = ev_of(M("meeting", 600, 8, ["India", "China"]), M("meeting", 700, 9, ["India", "China"]))
    assert _exchange_told(word, [ex, summit2], {}) is None        # the talks are told as much
    other = ev_of(M("prisoner_exchange", 900, 10, ["India", "China"]))
    assert _exchange_told(word, [ex, other, summit], {}) is None  # two exchanges: which one?
    assert _exchange_told(M("meeting", 550, 8, [], status="planned", weak=True), [ex], {}) is None


# ------------------------------------------------------------------ the day of the talks it ends

def _ended_talks(second: str):
    modi, macron = P("Thủ tướng Ấn Độ Modi", "Narendra Modi", "India"), P("Tổng thống Pháp Macron", "Emmanuel Macron", "France")
    return [
        ("Thủ tướng Ấn Độ Modi hội đàm với Tổng thống Pháp Macron sáng 14-3 tại New Delhi.",
         {"actors": [modi, macron], "times": [("sáng 14-3", "date", "XXXX-03-14", True)]}),
        (second, {}),
    ]


def test_an_agreement_at_the_end_of_undated_talks_takes_their_day_month(res):
    """No publication date and no year: "Kết thúc hội đàm, ..." gives the agreement the talks'
    year-less day-month (the key resolution completes), as "Sau hội đàm" gives a full date."""
    evs = run(res, _ended_talks("Kết thúc hội đàm, hai bên ký hiệp định hợp tác quốc phòng."), pub=None)
    talks, deals = of_type(evs, "meeting"), of_type(evs, "agreement")
    assert talks and talks[0]["day_month"] == "03-14", evs
    assert deals and deals[0]["day_month"] == "03-14" and not deals[0]["date"], deals


def test_an_agreement_not_tied_to_the_talks_gets_no_day_month(res):
    evs = run(res, _ended_talks("Năm ngoái, hai bên ký hiệp định hợp tác quốc phòng."), pub=None)
    deals = of_type(evs, "agreement")
    assert deals and not deals[0]["day_month"], deals


# ---- an elliptic round names its own event only with its date

_TALKS = ("Ai Cập và Ethiopia đàm phán về đập thủy điện\n"
          "Chiều 14/9, phái đoàn Ai Cập và phái đoàn Ethiopia đã đàm phán tại Nairobi về việc vận hành "
          "đập thủy điện trên sông Nile.\n\n")


def test_an_undated_elliptic_round_founds_no_event(res):
    # negative: "Vòng thứ tư" without a date cannot tell which round it is
    evs = _evs(res, _TALKS + "Theo giới quan sát, vòng thứ tư sẽ diễn ra ở cấp bộ trưởng.", pub="2025-09-14")
    assert not [e for e in _of(evs, "negotiation") if e["status"] == "planned"]


# ---- a weak talk word after a call is that call

_SUMMIT = ("Thủ tướng Nhật Bản và Tổng thống Hàn Quốc hội đàm tại Tokyo\n"
           "Chiều 3/6, Thủ tướng Nhật Bản Shigeru Ishiba đã hội đàm với Tổng thống Hàn Quốc Lee Jae-myung "
           "tại Tokyo. Cuộc hội đàm kéo dài 90 phút.\n\n"
           "Hai nhà lãnh đạo nhất trí tăng cường hợp tác kinh tế.\n\n")


def test_a_weak_talk_word_right_after_a_call_is_that_call(res):
    evs = _evs(res, _SUMMIT + "Tối cùng ngày, ông Ishiba đã điện đàm với Tổng thống Mỹ Donald Trump. "
                              "Theo ông Ishiba, cuộc trò chuyện kéo dài hơn 40 phút.", pub="2025-06-04")
    meet = [e for e in _of(evs, "meeting") if "Lee Jae Myung" in e["participants"]]
    calls = [e for e in _of(evs, "phone_call") if "Donald Trump" in e["participants"]]
    assert meet and meet[0]["duration_minutes"] == 90
    assert calls and calls[0]["duration_minutes"] == 40


def test_a_weak_talk_word_far_from_any_call_keeps_the_articles_talk_type(res):
    # negative: no call in its sentence or the one before: the article's talk type (meeting)
    evs = _evs(res, _SUMMIT + "Ông Ishiba cũng điện đàm với Tổng thống Mỹ Donald Trump.\n\n"
                              "Nhật Bản và Hàn Quốc ký kết ba văn kiện hợp tác.\n\n"
                              "Các chuyên gia đánh giá cao cuộc trò chuyện giữa hai nhà lãnh đạo.", pub="2025-06-04")
    calls = [e for e in _of(evs, "phone_call") if "Donald Trump" in e["participants"]]
    assert all(e["duration_minutes"] is None for e in calls)


# ---- a compared-against recap is not the talk the next sentence tells

def test_the_length_after_a_contrast_goes_to_the_reported_talks_not_the_compared_recap(res):
    evs = _evs(res, "Tổng thống Pháp tiếp Thủ tướng Anh\n"
                    "Sáng 9/7, Tổng thống Pháp Emmanuel Macron tiếp Thủ tướng Anh Keir Starmer tại Điện Élysée. "
                    "Khác hẳn cuộc gặp căng thẳng hồi tháng 3, lần này hai ông trao đổi cởi mở. "
                    "Cuộc hội đàm kéo dài khoảng 50 phút.", pub="2025-07-09")
    meets = {e["date"]: e for e in _of(evs, "meeting")}
    assert meets["2025-07-09"]["duration_minutes"] == 50
    assert all(e["duration_minutes"] is None for d, e in meets.items() if d != "2025-07-09")


def test_only_a_comparison_frame_marks_the_compared_talk(cues):
    for head in ("khác hẳn ", "khác với ", "không giống như ", "so với ", "trái với ", "lần này, khác với "):
        assert cues.contrast.search(head), head
    # negative: an occasion or a plain clause before the talk noun
    for head in ("sau ", "tại ", "hai bên khẳng định ", "khác nhau ở ", "trong "):
        assert not cues.contrast.search(head), head


# ---- an outcome told before the talks it came out of

def test_an_outcome_told_before_the_talks_it_followed_takes_their_day(res):
    evs = _evs(res, "Ông Netanyahu chấp thuận ngừng bắn với Hamas sau cuộc điện đàm với ông Trump\n"
                    "Tối 12/5, Thủ tướng Israel Benjamin Netanyahu đã điện đàm với Tổng thống Mỹ Donald Trump "
                    "trong khoảng 40 phút.", pub="2025-05-13")
    cf = _of(evs, "ceasefire")
    assert cf and cf[0]["date"] == "2025-05-12"


def test_an_outcome_before_a_talk_not_introduced_as_its_occasion_stays_undated(res):
    # negative: "và" links two facts; the truce is not said to come out of the call
    evs = _evs(res, "Ông Netanyahu chấp thuận ngừng bắn với Hamas, cuộc điện đàm với ông Trump kéo dài\n"
                    "Tối 12/5, Thủ tướng Israel Benjamin Netanyahu đã điện đàm với Tổng thống Mỹ Donald Trump "
                    "trong khoảng 40 phút.", pub="2025-05-13")
    cf = _of(evs, "ceasefire")
    assert all(e["date"] != "2025-05-12" for e in cf)


# ---- a truce named with one side only, beside the exchanges of the conflict

def test_a_truce_named_with_one_side_takes_the_sides_of_the_exchanges(res):
    evs = _evs(res, "Thỏa thuận ngừng bắn với Hamas lung lay\n"
                    "Lệnh ngừng bắn có hiệu lực từ ngày 19/1. Hôm 25/1, Hamas trả tự do cho 4 con tin, đổi lại "
                    "Israel phóng thích 200 tù nhân Palestine.\n\n"
                    "Hôm 1/2, Hamas thả thêm 3 con tin, đổi lại Israel trả tự do cho 180 tù nhân.", pub="2025-02-03")
    cf = _of(evs, "ceasefire")
    assert cf and {"Israel", "Hamas"} <= set(cf[0]["participants"])


def test_a_one_sided_truce_keeps_its_side_when_the_exchanges_are_between_other_sides(res):
    # negative: the exchanges are between Russia and Ukraine; Hamas' truce is not theirs
    evs = _evs(res, "Thỏa thuận ngừng bắn với Hamas lung lay\n"
                    "Hôm 25/1, Nga trao trả 150 tù binh cho Ukraine, đổi lại Ukraine trao trả 150 tù binh "
                    "cho Nga.", pub="2025-01-27")
    for cf in _of(evs, "ceasefire"):
        assert not {"Russia", "Ukraine"} & set(cf["participants"])


# ---- on the way home from the article's event, or in the middle of its talks

def test_a_call_on_the_flight_home_takes_the_day_of_the_articles_summit(res):
    evs = _evs(res, "Thượng đỉnh Mỹ - Nga tại Helsinki\n"
                    "Chiều 16/7, Tổng thống Mỹ Donald Trump đã hội đàm với Tổng thống Nga Vladimir Putin tại "
                    "Helsinki, Phần Lan.\n\n"
                    "Hai nhà lãnh đạo thảo luận về kiểm soát vũ khí.\n\n"
                    "Trên chuyến bay trở về Washington, ông Trump đã điện đàm với Thủ tướng Anh Theresa May.",
               pub="2018-07-17")
    calls = [e for e in _of(evs, "phone_call") if "Donald Trump" in e["participants"]]
    assert calls and calls[0]["date"] == "2018-07-16"


def test_a_call_fronted_by_another_trip_stays_undated(res):
    # negative: a flight that is not the way home, by someone not in the article's event
    evs = _evs(res, "Thượng đỉnh Mỹ - Nga tại Helsinki\n"
                    "Chiều 16/7, Tổng thống Mỹ Donald Trump đã hội đàm với Tổng thống Nga Vladimir Putin tại "
                    "Helsinki, Phần Lan.\n\n"
                    "Hai nhà lãnh đạo thảo luận về kiểm soát vũ khí.\n\n"
                    "Trên chuyến bay tới Brussels, Thủ tướng Canada Justin Trudeau đã điện đàm với Thủ tướng "
                    "Anh Theresa May.", pub="2018-07-17")
    calls = [e for e in _of(evs, "phone_call") if "Justin Trudeau" in e["participants"]]
    assert all(e["date"] != "2018-07-16" for e in calls)


def test_only_the_way_home_or_the_middle_of_talks_fronts_a_tied_clause(cues):
    for s in ("trên chuyến bay trở về washington", "trên chuyên cơ air force one trở về nước",
              "giữa chừng cuộc họp", "giữa buổi hội đàm"):
        assert cues.homeward.match(s), s
    for s in ("trên chuyến bay tới brussels", "trước cuộc họp", "trong cuộc họp báo hôm sau", "giữa tháng 8"):
        assert not cues.homeward.match(s), s


# ------------------------------------------------------------------ the day of the signing ceremony

_SIGNING = "Tổng thống Nga Vladimir Putin và Tổng thống Ukraine Volodymyr Zelensky hôm 14/8 ký một hiệp định tại Istanbul."


def test_a_talk_fronted_by_the_signing_ceremony_takes_its_day(res):
    evs = _evs(res, _SIGNING + "\n\nTrước lễ ký, Tổng thống Thổ Nhĩ Kỳ Recep Tayyip Erdogan đã có cuộc gặp với "
               "Tổng thống Nga Vladimir Putin.", pub="2025-08-15")
    meets = _of(evs, "meeting")
    assert meets and meets[0]["date"] == "2025-08-14"


def test_a_talk_fronted_by_another_frame_or_without_a_dated_signing_stays_undated(res):
    # negative: "Trước chuyến thăm" is no ceremony of the day; an undated signing gives no day
    evs = _evs(res, _SIGNING + "\n\nTrước chuyến thăm, Tổng thống Thổ Nhĩ Kỳ Recep Tayyip Erdogan đã có cuộc gặp "
               "với Tổng thống Nga Vladimir Putin.", pub="2025-08-15")
    assert [e["date"] for e in _of(evs, "meeting")] == [None]
    undated = _SIGNING.replace(" hôm 14/8", "")
    evs = _evs(res, undated + "\n\nTrước lễ ký, Tổng thống Thổ Nhĩ Kỳ Recep Tayyip Erdogan đã có cuộc gặp với "
               "Tổng thống Nga Vladimir Putin.", pub="2025-08-15")
    assert all(e["date"] is None for e in _of(evs, "meeting"))


def test_a_noun_restating_talking_points_keeps_no_proposal(res):
    """"Những đề nghị này ...": a noun restating requests made at the reported talks is no proposal of its
    own, so the requests stay talking points of the meeting."""
    evs = _evs(res, "Thủ tướng Anh hội đàm với Thủ tướng Canada\nChiều 12/5, Thủ tướng Anh Keir Starmer hội đàm với "
                    "Thủ tướng Canada Mark Carney tại London. Ông Starmer đề nghị phía Canada tăng cường hợp tác về "
                    "năng lượng. Những đề nghị này được phía Canada ghi nhận.", pub="2025-05-13")
    assert _of(evs, "meeting") and not _of(evs, "proposal")


def test_a_concrete_proposal_restated_by_a_noun_stays(res):
    # negative: a proposal that is no talking point (no talks reported) stays an event
    evs = _evs(res, "Thủ tướng Anh đề xuất hội nghị\nNgày 12/5, Thủ tướng Anh Keir Starmer đề nghị tổ chức hội nghị "
                    "thượng đỉnh về Ukraine tại London. Đề nghị này được nhiều nước châu Âu hoan nghênh.",
               pub="2025-05-13")
    assert _of(evs, "proposal")


# ------------------------------------------------------------------ eleventh set, document level (helper-h)
# (our own sentences; the facts are invented)

_TALKS_THEN_TRUCE = (
    "Armenia và Azerbaijan ngừng bắn sau đàm phán ở Moscow\n"
    "Lãnh đạo Armenia và Azerbaijan đồng ý ngừng bắn từ trưa nay, {link} cuộc đàm phán kéo dài gần 4 giờ tại Moscow.\n\n"
    "Cuộc đàm phán diễn ra tối 9/10 tại Điện Kremlin, với sự tham dự của hai ngoại trưởng.\n\n"
    "Sau khi cuộc gặp kết thúc, người phát ngôn Điện Kremlin cho biết hai bên sẽ trao trả thi thể binh sĩ.\n\n"
    "Theo thỏa thuận, các chỉ huy quân sự hai bên sẽ gặp nhau vào sáng 12/10.")


def test_talks_named_after_their_outcome_are_an_event_of_the_outcomes_sides(res):
    """"X và Y đồng ý ngừng bắn sau cuộc đàm phán ...": the talks were held between X and Y: a
    negotiation of its own (date, length, place), beside the ceasefire."""
    evs = _evs(res, _TALKS_THEN_TRUCE.format(link="sau"), pub="2025-10-10")
    talks = _of(evs, "negotiation")
    assert len(talks) == 1
    t = talks[0]
    assert set(t["participants"]) == {"Armenia", "Azerbaijan"} and t["status"] == "occurred"
    assert t["date"] == "2025-10-09" and t["duration_minutes"] == 240
    assert _of(evs, "ceasefire") and set(_of(evs, "ceasefire")[0]["participants"]) == {"Armenia", "Azerbaijan"}


def test_talks_after_the_outcome_without_a_linking_word_get_no_sides(res):
    # negative: "trước cuộc đàm phán" does not tell the talks the outcome came out of
    evs = _evs(res, "Armenia và Azerbaijan ngừng bắn\n"
                    "Lãnh đạo Armenia và Azerbaijan đồng ý ngừng bắn từ trưa nay, trước cuộc đàm phán dự kiến ở Moscow.\n\n"
                    "Cuộc đàm phán diễn ra tối 9/10 tại Điện Kremlin.", pub="2025-10-10")
    assert not _of(evs, "negotiation")


def test_a_meeting_that_ended_is_the_held_talks_not_the_planned_meeting(res):
    """"Sau khi cuộc gặp kết thúc, ...": the back-reference goes with the held talks of 9/10; the
    commanders' planned meeting keeps its own day and only its own mention."""
    evs = _evs(res, _TALKS_THEN_TRUCE.format(link="sau"), pub="2025-10-10")
    talks = _of(evs, "negotiation")[0]
    assert any("cuộc gặp kết thúc" in m["sentence"] for m in talks["mentions"])
    plan = [e for e in _of(evs, "meeting") if e["status"] == "planned"]
    assert len(plan) == 1 and plan[0]["date"] == "2025-10-12"
    assert all("kết thúc" not in m["sentence"] for m in plan[0]["mentions"])


def test_talks_that_ended_in_an_outcome_report_it_as_reached(res):
    """"Cuộc đàm phán ..., khép lại bằng thỏa thuận về lệnh ngừng bắn": the ceasefire was reached
    at the talks (occurred, their sides and day), even when a later sentence only speaks of the
    aim ("để sớm đạt được một lệnh ngừng bắn")."""
    evs = _evs(res, "Đàm phán tại Doha\n"
                    "Hôm qua (4/3), Israel và Hamas đã đàm phán gián tiếp tại Doha. Cuộc đàm phán kéo dài khoảng "
                    "5 giờ, khép lại bằng thỏa thuận về lệnh ngừng bắn trong 6 tuần.\n\n"
                    "Trước đó, Qatar kêu gọi hai bên gặp nhau để sớm đạt được một lệnh ngừng bắn.", pub="2025-03-05")
    truce = _of(evs, "ceasefire")
    assert len(truce) == 1 and truce[0]["status"] == "occurred"
    assert set(truce[0]["participants"]) == {"Israel", "Hamas"} and truce[0]["date"] == "2025-03-04"


def test_talks_without_a_result_word_report_no_outcome(res):
    # negative: "kéo dài 5 giờ nhưng không có lệnh ngừng bắn nào" reaches nothing
    evs = _evs(res, "Đàm phán tại Doha\n"
                    "Hôm qua (4/3), Israel và Hamas đã đàm phán gián tiếp tại Doha. Cuộc đàm phán kéo dài khoảng "
                    "5 giờ nhưng không có lệnh ngừng bắn nào.\n\n"
                    "Trước đó, Qatar kêu gọi hai bên gặp nhau để sớm đạt được một lệnh ngừng bắn.", pub="2025-03-05")
    assert not [e for e in _of(evs, "ceasefire") if e["status"] == "occurred"]


def test_a_visit_to_a_capital_takes_the_capitals_country_as_host(res):
    evs = _evs(res, "Tổng thống Pháp tới Nhật Bản\n"
                    "Tổng thống Pháp Emmanuel Macron đến Tokyo tối 3/3, mở đầu chuyến thăm cấp nhà nước kéo dài "
                    "ba ngày.", pub="2025-03-04")
    v = _of(evs, "visit")
    assert len(v) == 1 and set(v[0]["participants"]) == {"Emmanuel Macron", "Japan"}


def test_a_trip_to_the_own_capital_gets_no_host(res):
    # negative: a leader arriving in his own capital visits no foreign country
    evs = _evs(res, "Tổng thống Pháp trở về Paris\n"
                    "Tổng thống Pháp Emmanuel Macron đến Paris tối 3/3, mở đầu chuyến thăm các địa phương "
                    "miền Bắc.", pub="2025-03-04")
    for v in _of(evs, "visit"):
        assert "France" not in v["participants"] or "Emmanuel Macron" not in v["participants"]


def test_a_joint_committees_session_is_a_meeting_of_the_two_states(res):
    """"Cuộc họp của Ủy ban hỗn hợp ... giữa hai nước dự kiến diễn ra ngày 20/11": a planned meeting
    of the two states; the committee is the forum, not a side."""
    evs = _evs(res, "Việt Nam và Lào nhất trí tăng cường hợp tác biên giới\n"
                    "Chiều 10/11, Bộ trưởng Ngoại giao Bùi Thanh Sơn điện đàm với Bộ trưởng Ngoại giao Lào "
                    "Thongsavanh Phomvihane.\n\n"
                    "Cuộc họp của Ủy ban hỗn hợp về biên giới giữa hai nước dự kiến diễn ra ngày 20/11 tại "
                    "Viêng Chăn.", pub="2025-11-11")
    m = _of(evs, "meeting")
    assert len(m) == 1 and m[0]["status"] == "planned" and m[0]["date"] == "2025-11-20"
    assert set(m[0]["participants"]) == {"Vietnam", "Laos"}


@pytest.mark.parametrize("text", [
    # a club and a player's agent: no two known countries
    "Câu lạc bộ gia hạn hợp đồng\nCuộc họp giữa lãnh đạo câu lạc bộ Hà Nội và người đại diện của tiền đạo "
    "Kim Min-jae đã diễn ra chiều 12/3.",
    # a press conference is no meeting
    "Người phát ngôn trả lời báo chí\nTại cuộc họp báo chiều 12/3, người phát ngôn Bộ Ngoại giao Trung Quốc "
    "bác bỏ thông tin trên.",
])
def test_a_session_without_two_known_countries_is_no_meeting(res, text):
    assert not _of(_evs(res, text, pub="2025-03-13"), "meeting")


# ------------------------------------------------------------------ set 12: next rounds, plans fulfilled

HELD_AND_NEXT = ("Ai Cập và Ethiopia kết thúc vòng đàm phán đầu tiên tại Kenya\n\n"
                 "Chiều 8/3, phái đoàn Ai Cập và Ethiopia đã đàm phán gián tiếp tại Nairobi trong khoảng ba giờ, "
                 "với Ngoại trưởng Kenya làm trung gian. Kết thúc buổi làm việc, hai phái đoàn nhất trí tổ chức "
                 "vòng đàm phán kế tiếp vào tuần sau. Trước đó, Tổng thống Ai Cập cảnh báo Ethiopia sẽ phải chịu "
                 "trách nhiệm nếu đàm phán thất bại.")


def test_the_next_round_agreed_at_the_held_talks_is_another_event(res):
    talks = _of(_evs(res, HELD_AND_NEXT, pub="2025-03-10"), "negotiation")
    held = [e for e in talks if e["status"] == "occurred"]
    plan = [e for e in talks if e["status"] == "planned"]
    assert len(held) == 1 and held[0]["date"] == "2025-03-08" and held[0]["duration_minutes"] == 180
    assert not any("kế tiếp" in s for s in sentences(held[0]))
    # the plan is between the sides of the held talks, the round after the first
    assert len(plan) == 1 and set(plan[0]["participants"]) == {"Egypt", "Ethiopia"} and plan[0]["ordinal"] == 2


def test_a_restated_held_round_without_next_stays_one_event(res):
    # negative: no "kế tiếp"/"tiếp theo": the talk noun restates the held talks
    text = ("Chiều 8/3, phái đoàn Ai Cập và Ethiopia đã đàm phán gián tiếp tại Nairobi. "
            "Vòng đàm phán kéo dài khoảng ba giờ.")
    talks = _of(_evs(res, text, pub="2025-03-10"), "negotiation")
    assert len(talks) == 1 and talks[0]["status"] == "occurred" and talks[0]["duration_minutes"] == 180


ROUND_TWO = ("Vòng đàm phán thứ hai giữa Ai Cập và Ethiopia diễn ra tại Nairobi\n\n"
             "Vòng đàm phán thứ hai giữa Ai Cập và Ethiopia đã diễn ra ngày 15/3 tại Nairobi. Hôm 10/3, Tổng thống "
             "Kenya William Ruto thông báo Ai Cập và Ethiopia sẽ đàm phán vào thứ Bảy (15/3).\n\n"
             "Ảnh: Ngoại trưởng Ai Cập Badr Abdelatty rời địa điểm đàm phán tại Nairobi. Ảnh: AFP\n\n"
             "Một quan chức Kenya cho biết vòng đàm phán kéo dài hơn 5 giờ. Hai bên dự kiến tổ chức vòng kế tiếp "
             "vào ngày 29/3.")


def test_a_plan_announced_for_the_day_of_the_held_talks_is_those_talks(res):
    talks = _of(_evs(res, ROUND_TWO, pub="2025-03-16"), "negotiation")
    held = [e for e in talks if e["status"] == "occurred"]
    assert len(held) == 1 and held[0]["date"] == "2025-03-15"
    assert any("thông báo" in s for s in sentences(held[0]))
    assert not any(e["status"] == "planned" and e["date"] == "2025-03-15" for e in talks)
    # a photo caption naming one negotiator does not make him a side of the states' talks
    assert set(held[0]["participants"]) == {"Egypt", "Ethiopia"}


def test_the_elliptic_next_round_is_the_round_after_the_held_one(res):
    plan = [e for e in _of(_evs(res, ROUND_TWO, pub="2025-03-16"), "negotiation") if e["status"] == "planned"]
    assert len(plan) == 1 and plan[0]["date"] == "2025-03-29" and plan[0]["ordinal"] == 3
    assert set(plan[0]["participants"]) == {"Egypt", "Ethiopia"}


ROUND_THREE = ("Vòng đàm phán thứ ba giữa Nga và Ukraine diễn ra tại Istanbul\n\n"
               "Vòng đàm phán thứ ba giữa Nga và Ukraine đã diễn ra ngày 22/3 tại Istanbul. Phái đoàn hai nước do "
               "Ngoại trưởng Nga Sergei Lavrov và Ngoại trưởng Ukraine Andrii Sybiha dẫn đầu.\n\n"
               "Tối qua, một quan chức Thổ Nhĩ Kỳ cho biết vòng đàm phán là \"thực chất\" và kéo dài hơn 5 giờ, bao "
               "gồm cả các cuộc tiếp xúc trực tiếp lẫn gián tiếp. Tuy nhiên, người phát ngôn Bộ Ngoại giao Nga bác bỏ "
               "thông tin trên một số tờ báo khu vực rằng ông Lavrov và ông Sybiha đã có cuộc gặp riêng kéo dài một "
               "giờ tại khách sạn.")


def test_a_denied_meeting_of_the_heads_stays_apart_on_the_day_of_the_talks(res):
    evs = _evs(res, ROUND_THREE, pub="2025-03-23")
    talks, meets = _of(evs, "negotiation"), _of(evs, "meeting")
    assert len(talks) == 1 and set(talks[0]["participants"]) == {"Russia", "Ukraine"}
    assert talks[0]["status"] == "occurred" and talks[0].get("duration_minutes") != 60
    # "các cuộc tiếp xúc" in the sentence of the round is part of the round, not of the denied meeting
    assert any("tiếp xúc" in s for s in sentences(talks[0]))
    assert len(meets) == 1 and meets[0]["status"] == "denied" and meets[0]["date"] == "2025-03-22"
    assert not any("tiếp xúc" in s for s in sentences(meets[0]))


def test_talks_coordinated_with_a_dated_visit_take_its_day(res):
    text = ("Ngoại trưởng Nga thăm Triều Tiên\n\nNgoại trưởng Nga Sergei Lavrov đã thăm Bình Nhưỡng hôm 18/3 và "
            "hội đàm với Ngoại trưởng Triều Tiên Choe Son-hui về tình hình bán đảo.")
    meets = _of(_evs(res, text, pub="2025-03-20"), "meeting")
    assert [m["date"] for m in meets] == ["2025-03-18"]


def test_talks_told_in_another_sentence_than_the_visit_keep_no_day(res):
    # negative: a sentence of its own, a recap ("từng"): not the talks of that visit
    text = ("Ngoại trưởng Nga thăm Triều Tiên\n\nNgoại trưởng Nga Sergei Lavrov đã thăm Bình Nhưỡng hôm 18/3. "
            "Ông Lavrov từng hội đàm với Ngoại trưởng Triều Tiên Choe Son-hui về tình hình bán đảo.")
    meets = _of(_evs(res, text, pub="2025-03-20"), "meeting")
    assert [m["date"] for m in meets] == [None]


def test_a_letter_announced_at_a_briefing_is_another_statement(res):
    text = ("Thủ tướng sẽ thăm chính thức Nepal\n\nTại cuộc họp báo thường kỳ chiều 6/3, người phát ngôn Bộ Ngoại "
            "giao Phạm Thu Hằng thông báo Thủ tướng Phạm Minh Chính sẽ thăm chính thức Nepal từ ngày 12 đến 14/3. "
            "Cũng tại cuộc họp báo, người phát ngôn cho biết Thủ tướng Phạm Minh Chính đã gửi thư chia buồn tới "
            "Thủ tướng Thái Lan về trận lũ ở miền Bắc nước này.")
    stmts = _of(_evs(res, text, pub="2025-03-06"), "statement")
    # the briefing (its speaker) and the letter (its sender and recipient): two statements, no
    # statement of the speaker with the letter's sides
    assert len(stmts) == 2
    assert not any("Pham Thu Hang" in e["participants"] and len(e["participants"]) >= 3 for e in stmts)


def test_a_message_sent_at_an_occasion_is_not_dated_by_a_main_event_still_planned(res):
    # "Tại cuộc họp báo, ... đã gửi điện mừng": the occasion is the briefing, not the planned visit
    text = ("Tổng Bí thư sẽ thăm chính thức Mông Cổ\n\nNgười phát ngôn Bộ Ngoại giao cho biết Tổng Bí thư Tô Lâm sẽ "
            "thăm chính thức Mông Cổ từ ngày 4 đến 6/5. Tại cuộc họp báo, người phát ngôn cũng cho biết Bộ trưởng "
            "Ngoại giao Bùi Thanh Sơn đã gửi điện mừng Ngoại trưởng Mông Cổ nhân dịp ông nhậm chức.")
    evs = _evs(res, text, pub="2025-04-28")
    assert [e["date"] for e in _of(evs, "visit")] == ["2025-05-04"]
    assert [e["date"] for e in _of(evs, "statement")] == [None]


# ------------------------------------------------------------------ thirteenth set, document level (helper-e)

def test_a_talk_noun_before_another_talk_noun_does_not_take_its_sides(res):
    # "Cuộc đàm phán ... sau cuộc gặp giữa X và Y": the sides named after "cuộc gặp" are the
    # meeting's; the talks noun is the article's negotiation told again
    text = ("Ngày 14/3, phái đoàn Nga, Ukraine và Mỹ bắt đầu đàm phán tại Riyadh.\n\n"
            "Cuộc đàm phán được tổ chức hai ngày sau cuộc gặp giữa Tổng thống Nga Vladimir Putin và Đặc phái "
            "viên Mỹ Steve Witkoff tại Moskva hôm 12/3. Cuộc gặp kéo dài khoảng ba giờ.")
    evs = _evs(res, text, pub="2025-03-15")
    meets = _of(evs, "meeting")
    assert [(sorted(e["participants"]), e["date"], e["duration_minutes"]) for e in meets] == \
        [(["Steve Witkoff", "Vladimir Putin"], "2025-03-12", 180)]
    negs = _of(evs, "negotiation")
    assert len(negs) == 1 and set(negs[0]["participants"]) == {"Russia", "Ukraine", "United States"}
    assert any(s.startswith("Cuộc đàm phán được tổ chức") for s in sentences(negs[0]))


def test_a_talk_noun_naming_its_own_sides_keeps_them(res):
    # negative: the sides are named before the second noun: the talks noun keeps them
    text = ("Cuộc đàm phán giữa Nga và Mỹ diễn ra hôm 12/3 tại Riyadh, ngay sau cuộc gặp giữa Nga và Mỹ "
            "ở cấp chuyên gia.")
    evs = _evs(res, text, pub="2025-03-15")
    assert any(set(e["participants"]) == {"Russia", "United States"} for e in evs if e["type"] in ("meeting", "negotiation"))


def test_a_numbered_strategic_dialogue_is_a_meeting_of_the_two_states(res):
    text = ("Đối thoại chiến lược Việt Nam – Nhật Bản lần thứ 9 đã diễn ra ngày 14/5 tại Tokyo. Phiên đối thoại "
            "do hai Thứ trưởng Ngoại giao đồng chủ trì và kéo dài khoảng hai giờ.")
    meets = _of(_evs(res, text, pub="2025-05-15"), "meeting")
    assert len(meets) == 1
    assert set(meets[0]["participants"]) == {"Vietnam", "Japan"} and meets[0]["date"] == "2025-05-14"


def test_a_dialogue_mechanism_without_number_day_or_place_is_no_session(res):
    # negative: the mechanism, not a session held ("hủy kế hoạch đối thoại chiến lược")
    text = ("Chủ tịch nước Lương Cường tiếp Đại sứ Hàn Quốc Choi Young-sam chiều 18/6 tại Hà Nội. "
            "Phía Hàn Quốc bác bỏ thông tin Seoul đã hủy kế hoạch đối thoại chiến lược với Việt Nam.")
    meets = _of(_evs(res, text, pub="2025-06-19"), "meeting")
    assert [e["status"] for e in meets] == ["occurred"]
    assert not any("đối thoại chiến lược" in s for e in meets for s in sentences(e))


def test_a_guest_the_hosts_receive_is_a_visitor_from_abroad(res):
    # the dictionary knows no country of the guest (an invented name): the host country's leaders
    # hold talks with him and receive him, so his trip to the capital is a visit to that country
    text = ("Đại tướng Bounmy Keovilay cùng đoàn đại biểu quân sự cấp cao đến Hà Nội sáng 5/3, bắt đầu chuyến thăm "
            "chính thức kéo dài ba ngày.\n\nChiều 6/3, Đại tướng Phan Văn Giang hội đàm với Đại tướng Bounmy Keovilay. "
            "Cùng ngày, Thủ tướng Phạm Minh Chính tiếp Đại tướng Bounmy Keovilay tại Trụ sở Chính phủ.")
    visits = _of(_evs(res, text, pub="2025-03-07"), "visit")
    assert [(sorted(e["participants"]), e["date"]) for e in visits] == [(["Bounmy Keovilay", "Vietnam"], "2025-03-05")]


def test_a_person_of_unknown_country_nobody_receives_gets_no_host(res):
    # negative: no talks with the host country's people: his trip gets no host (extract_scope then
    # drops a visit with no state side)
    text = ("Ông Bounmy Keovilay đến Hà Nội sáng 5/3, bắt đầu chuyến thăm kéo dài ba ngày.")
    assert [e["participants"] for e in _of(_evs(res, text, pub="2025-03-07"), "visit")] == [["Bounmy Keovilay"]]


def test_a_signing_right_after_dated_talks_takes_their_day_not_a_year_in_its_documents(res):
    # "Kế hoạch hợp tác năm 2025" names a document: the signing is on the talks' day
    text = ("Chiều 6/3, Bộ trưởng Quốc phòng Phan Văn Giang hội đàm với Bộ trưởng Quốc phòng Campuchia Tea Seiha "
            "tại Hà Nội. Ngay sau hội đàm, hai Bộ trưởng chứng kiến lễ ký 2 văn kiện, gồm Kế hoạch hợp tác quốc "
            "phòng năm 2025 và thỏa thuận về đào tạo.")
    ag = _of(_evs(res, text, pub="2025-03-07"), "agreement")
    assert len(ag) == 1 and ag[0]["date"] == "2025-03-06"


def test_a_signing_of_another_year_keeps_its_year(res):
    # negative: the year is not the talks' year: no day from them
    text = ("Chiều 6/3, Bộ trưởng Quốc phòng Phan Văn Giang hội đàm với Bộ trưởng Quốc phòng Campuchia Tea Seiha "
            "tại Hà Nội. Tại hội đàm, hai Bộ trưởng nhắc lại thỏa thuận về đào tạo ký năm 2019.")
    ag = _of(_evs(res, text, pub="2025-03-07"), "agreement")
    assert all(e["date"] != "2025-03-06" for e in ag)


def test_a_planned_signing_the_leaders_witness_is_their_states_on_the_talks_day(res):
    text = ("Theo chương trình, ngày 12/6, Thủ tướng Phạm Minh Chính sẽ hội đàm với Thủ tướng Malaysia Anwar Ibrahim; "
            "hai nhà lãnh đạo sẽ chứng kiến trao một số văn kiện hợp tác về năng lượng.")
    ag = _of(_evs(res, text, pub="2025-06-04"), "agreement")
    assert [(e["status"], sorted(e["participants"]), e["date"]) for e in ag] == \
        [("planned", ["Malaysia", "Vietnam"], "2025-06-12")]


def test_a_planned_signing_in_another_sentence_gets_no_day_from_the_talks(res):
    # negative: not in the talks' sentence: no day taken from them
    text = ("Theo chương trình, ngày 12/6, Thủ tướng Phạm Minh Chính sẽ hội đàm với Thủ tướng Malaysia Anwar Ibrahim. "
            "Trong chuyến thăm, hai nhà lãnh đạo sẽ chứng kiến trao một số văn kiện hợp tác về năng lượng.")
    ag = _of(_evs(res, text, pub="2025-06-04"), "agreement")
    assert all(e["date"] != "2025-06-12" for e in ag)


@pytest.mark.parametrize("request_, kept", [
    ("Thủ tướng đề nghị quân đội hai nước tiếp tục phối hợp giữ gìn an ninh biên giới.", False),
    ("Thủ tướng đề nghị hai quân đội tăng cường trao đổi đoàn các cấp.", False),
    ("Thủ tướng đề nghị quân đội hai nước tổ chức diễn tập chung vào năm sau.", True),
])
def test_a_request_to_the_two_armies_at_a_reception_is_a_talking_point(res, request_, kept):
    text = ("Chiều 3/6, Thủ tướng Phạm Minh Chính tiếp Bộ trưởng Quốc phòng Campuchia Tea Seiha tại Hà Nội. " + request_)
    assert bool(_of(_evs(res, text, pub="2025-06-04"), "proposal")) is kept


def test_the_go_between_of_an_exchange_is_no_side(res):
    text = ("Nga và Ukraine trao đổi 90 tù binh nhờ trung gian Thổ Nhĩ Kỳ\n\n"
            "Ngày 5/3, Nga và Ukraine đã trao đổi 90 tù binh mỗi bên nhờ trung gian Thổ Nhĩ Kỳ.")
    ex = _of(_evs(res, text, pub="2025-03-06"), "prisoner_exchange")
    assert [sorted(e["participants"]) for e in ex] == [["Russia", "Ukraine"]]


def test_a_third_side_named_without_a_go_between_frame_stays(res):
    # negative: three states that exchange prisoners among them, no mediator named
    text = "Ngày 5/3, Nga, Ukraine và Belarus đã trao đổi 90 tù binh tại biên giới."
    ex = _of(_evs(res, text, pub="2025-03-06"), "prisoner_exchange")
    assert ex and all(len(e["participants"]) == 3 for e in ex)


# ------------------------------------------------------------------ held-out 14 round (helper-a)
# (our own sentences: a call told "lần thứ hai" beside the recap of the first; a request said in a
# talk; a recap dated months before the article; the first talk since a meeting; an undated plan)

_SECOND_CALL = (
    "Thủ tướng Canada Mark Carney và Tổng thống Mexico Claudia Sheinbaum điện đàm lần thứ hai\n\n"
    "Thủ tướng Canada Mark Carney chủ động gọi cho Tổng thống Mexico Claudia Sheinbaum.\n\n"
    "Theo Văn phòng Thủ tướng Canada, cuộc trao đổi qua điện thoại diễn ra vào tối 9/11 và kéo dài "
    "khoảng 35 phút.\n\n"
    "Quan hệ hai nước căng thẳng từ mùa hè. Bước ngoặt đến hôm 2/9, khi hai nhà lãnh đạo có cuộc điện "
    "đàm trực tuyến đầu tiên kéo dài khoảng 20 phút.\n")


def test_a_turning_point_recap_keeps_its_own_call_apart_from_the_news(res):
    """"Bước ngoặt đến hôm 2/9, khi ..." (modality.yaml ``background``) recaps an earlier call: the call
    of the news keeps its day and length ("cuộc trao đổi qua điện thoại": a call noun of its own)."""
    calls = _of(_evs(res, _SECOND_CALL, pub="2025-11-10"), "phone_call")
    got = sorted((e["date"], e.get("duration_minutes")) for e in calls)
    assert got == [("2025-09-02", 20), ("2025-11-09", 35)]
    main = [e for e in calls if e["main"]]
    assert [e["date"] for e in main] == ["2025-11-09"]
    recap = [e for e in calls if e["date"] == "2025-09-02"]
    assert len(recap[0]["mentions"]) == 1                   # the lead's call ("chủ động gọi cho") is the news


def test_a_phone_exchange_noun_is_a_call_of_its_own(res):
    from test_extract import _mentions
    ms = _mentions(res, "Cuộc trao đổi qua điện thoại giữa hai ngoại trưởng diễn ra tối 4/3.")
    calls = [m for m in ms if m.type == "phone_call"]
    assert calls and not calls[0].flags.get("weak")
    ms = _mentions(res, "Cuộc trao đổi giữa hai ngoại trưởng diễn ra tối 4/3.")
    assert all(m.flags.get("weak") for m in ms if m.type == "phone_call")     # no medium: still weak


def test_a_request_in_the_clause_framed_by_a_talk_is_a_talking_point(res):
    """"..., trong đó ông X đề nghị ..." after a call of its sentence (modality.yaml
    ``talk_content_clauses``): said in that call, no proposal."""
    evs = _evs(res, "Tối 9/11, Thủ tướng Canada Mark Carney điện đàm với Tổng thống Mexico Claudia Sheinbaum "
                    "trong khoảng 35 phút, trong đó ông Carney đề nghị gỡ bỏ thuế đối với thép.", pub="2025-11-10")
    assert [e["type"] for e in evs] == ["phone_call"]


def test_a_request_in_a_talk_and_an_invitation_told_apart_stay_apart(res):
    """A request said in the reported call ("đề nghị phía Mexico ...") and a possible invitation told
    later are not one proposal: the talking point is dropped, the invitation alone is too vague."""
    evs = _evs(res, "Tối 9/11, Thủ tướng Canada Mark Carney điện đàm với Tổng thống Mexico Claudia Sheinbaum.\n\n"
                    "Ông Carney đề nghị phía Mexico nới lỏng quy định về thép.\n\n"
                    "Theo giới phân tích, bà Sheinbaum có thể được mời tới Ottawa vào đầu năm sau.",
               pub="2025-11-10")
    assert _of(evs, "proposal") == []


def test_a_recap_months_before_the_article_is_not_its_main_event(res):
    """An undated restatement fits both the recap ("cuộc gặp ở Lima tháng 11 năm ngoái") and the news:
    it is the news (extract_recaps), and the news is the main event."""
    evs = _evs(res, "Thủ tướng Modi gặp Thủ tướng Lý Cường tại Johannesburg\n\n"
                    "Thủ tướng Ấn Độ Narendra Modi và Thủ tướng Trung Quốc Lý Cường đã gặp nhau bên lề hội nghị G20 "
                    "tại Johannesburg.\n\n"
                    "Cuộc gặp diễn ra chiều 22/11 và kéo dài khoảng 40 phút.\n\n"
                    "Đây là lần thứ hai hai nhà lãnh đạo gặp trực tiếp, sau cuộc gặp ở Lima tháng 11 năm ngoái.\n\n"
                    "Cuộc gặp Modi - Lý diễn ra trong bối cảnh thương mại hai nước tăng mạnh.\n\n"
                    "Ông Modi viết trên mạng xã hội rằng ông đã có cuộc gặp hữu ích với Thủ tướng Lý Cường.",
               pub="2025-11-23")
    main = [e for e in evs if e["main"]]
    assert [(e["type"], e["date"]) for e in main] == [("meeting", "2025-11-22")]


def test_the_meeting_since_which_a_first_call_is_counted_is_between_its_sides(res):
    """"Đây là cuộc điện đàm đầu tiên giữa hai Thủ tướng, sau cuộc gặp ... hôm 10/10": the meeting was
    between the two Prime Ministers; a minister received by an ambassador that day is another meeting."""
    evs = _evs(res, "Tối 4/12, Thủ tướng Phạm Minh Chính điện đàm với Thủ tướng Thái Lan Anutin Charnvirakul.\n\n"
                    "Đây là cuộc điện đàm đầu tiên giữa hai Thủ tướng, sau cuộc gặp song phương bên lề hội nghị "
                    "tại Jakarta hôm 10/10.\n\n"
                    "Trước đó, hôm 10/10, Bộ trưởng Ngoại giao Lê Hoài Trung đã tiếp Đại sứ Thái Lan tại Việt Nam "
                    "Urawadee Sriphiromya.", pub="2025-12-05")
    meetings = _of(evs, "meeting")
    sides = sorted(tuple(sorted(e["participants"])) for e in meetings)
    assert ("Anutin Charnvirakul", "Pham Minh Chinh") in sides
    assert len(meetings) == 2


def test_an_undated_plan_does_not_make_the_held_talks_a_plan(res):
    """"... và dự kiến gặp gỡ cộng đồng doanh nghiệp hai nước trước khi rời Santiago": an undated plan
    clusters after the reported talks and never joins talks told as held (their length): they stay held."""
    evs = _evs(res, "Chủ tịch nước Lương Cường hội đàm với Tổng thống Chile Gabriel Boric\n\n"
                    "Cuộc hội đàm giữa Chủ tịch nước Lương Cường và Tổng thống Chile Gabriel Boric diễn ra tại "
                    "Dinh La Moneda, kéo dài khoảng 90 phút.\n\n"
                    "Trong chuyến thăm, Chủ tịch nước cũng hội kiến Chủ tịch Thượng viện Chile và dự kiến gặp gỡ "
                    "cộng đồng doanh nghiệp hai nước trước khi rời Santiago.", pub="2025-03-05")
    talks = [e for e in _of(evs, "meeting") if e.get("duration_minutes")]
    assert [e["status"] for e in talks] == ["occurred"]
    assert [e["status"] for e in _of(evs, "meeting") if not e.get("duration_minutes")] == ["planned"]


def test_a_talking_point_and_another_request_are_two_proposals(cues):
    """A request said in the reported talk (``talking_point``) and an invitation or plan told apart
    from it are never one proposal (the invitation must not keep the talking point alive)."""
    point = M("proposal", 0, 2, ["Pham Minh Chinh"], talking_point=True)
    invite = M("proposal", 300, 6, ["Pham Minh Chinh", "Laos"], status="hypothetical")
    assert _compatible(ev_of(point), invite, cues) is None
    assert _compatible(ev_of(invite), point, cues) is None
    other = M("proposal", 500, 7, ["Pham Minh Chinh"], talking_point=True)
    assert _compatible(ev_of(point), other, cues) is not None          # two talking points: one
    noun = M("proposal", 700, 8, ["Pham Minh Chinh"], nominal=True)     # "những đề nghị này"
    assert _compatible(ev_of(point), noun, cues) is not None


def _with_sentence(m, sentence: str, trigger: str, at: int = 0):
    from sukien.models import Evidence
    i = sentence.index(trigger, at)
    m.start, m.end = i, i + len(trigger)
    m.evidence = Evidence(doc="t.txt", start=0, end=len(sentence), sentence=sentence)
    return m


def test_the_first_talk_since_a_meeting_lends_that_meeting_its_sides(res):
    s = "Đây là cuộc điện đàm đầu tiên giữa hai Thủ tướng, sau cuộc gặp song phương tại Jakarta hôm 10/10."
    call = _with_sentence(M("phone_call", 0, 3, ["Pham Minh Chinh", "Anutin Charnvirakul"], nominal=True),
                          s, "cuộc điện đàm")
    call.ordinal = 1
    meet = _with_sentence(M("meeting", 0, 3, [], nominal=True), s, "cuộc gặp")
    _sides_of_framing_talks([call, meet], res)
    assert set(meet.participants) == {"Pham Minh Chinh", "Anutin Charnvirakul"} and meet.flags["background"]


@pytest.mark.parametrize("sentence, ordinal", [
    # the eighth call since ...: it may count from a talk the article names otherwise
    ("Đây là cuộc điện đàm thứ tám giữa hai Thủ tướng kể từ cuộc gặp tại Jakarta.", 8),
    # no "sau" / "kể từ" before the meeting: another talk, not the time since which
    ("Đây là cuộc điện đàm đầu tiên giữa hai Thủ tướng; cuộc gặp tại Jakarta bị hoãn.", 1),
    ("Đây là cuộc điện đàm đầu tiên giữa hai Thủ tướng, trước cuộc gặp tại Jakarta.", 1),
])
def test_no_sides_lent_without_a_first_talk_since(res, sentence, ordinal):
    call = _with_sentence(M("phone_call", 0, 3, ["Pham Minh Chinh", "Anutin Charnvirakul"], nominal=True),
                          sentence, "cuộc điện đàm")
    call.ordinal = ordinal
    meet = _with_sentence(M("meeting", 0, 3, [], nominal=True), sentence, "cuộc gặp")
    _sides_of_framing_talks([call, meet], res)
    assert meet.participants == []


# ---- an argued-against meeting ("không có lý do gì để ...") states no event (modality.yaml negated)

_RECAP_MEETING = ("Tổng thống Pháp hủy cuộc gặp với Thủ tướng Đức\n"
                  "Chiều 20/5, Tổng thống Pháp Emmanuel Macron tuyên bố hủy cuộc gặp dự kiến với Thủ tướng "
                  "Đức Friedrich Merz tại Geneva.\n\n")


@pytest.mark.parametrize("said", [
    "Một cố vấn cho biết không có lý do gì để hai nhà lãnh đạo gặp nhau lúc này.",
    "Một cố vấn cho biết hai nhà lãnh đạo không cần phải gặp nhau lúc này.",
])
def test_an_argued_against_meeting_does_not_absorb_the_recap_of_a_held_one(res, said):
    evs = _evs(res, _RECAP_MEETING + said + "\n\nHai nhà lãnh đạo gặp nhau tại Paris mà không ký văn kiện nào.",
               pub="2025-05-21")
    meets = _of(evs, "meeting")
    assert not [e for e in meets if e["status"] == "hypothetical"]
    held = [e for e in meets if e["status"] == "occurred"]
    assert held and all(len(e["mentions"]) == 1 for e in held)


def test_a_reason_to_meet_stays_hypothetical(res):
    # negative: "có nhiều lý do để" (a purpose, no argument against the talks) is still a possible meeting
    from test_extract import _mentions
    ms = _mentions(res, "Một cố vấn cho biết có nhiều lý do để Tổng thống Pháp Emmanuel Macron và Thủ tướng "
                        "Đức Friedrich Merz gặp nhau.", pub="2025-05-21")
    meet = [m for m in ms if m.type == "meeting"]
    assert meet and meet[0].status == "hypothetical" and meet[0].flags.get("status_raw") != "negated"
