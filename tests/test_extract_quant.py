"""Quantities of exchanges told across their sentence (sukien.extract_quant, eleventh round) on our
own sentences through the real language layer: both releases of one exchange joined by "còn",
"đổi lại", "để đổi lấy"; the dead handed over as bodies; the releaser of the counterpart clause as
a side; the implicit other side of an article's pair."""
from __future__ import annotations

from test_extract import _mentions, res  # noqa: F401 (res: the module's fixture)

from sukien.extract_quant import sentence_counts


def _ex(ms):
    return [m for m in ms if m.type == "prisoner_exchange" and m.quantities]


def test_both_releases_joined_by_con_are_one_exchange(res):
    ms = _mentions(res, "Ngày 3/3, Hamas trao trả 6 con tin, còn Israel phóng thích 620 tù nhân Palestine.",
                   pub="2025-03-04")
    ex = _ex(ms)
    assert ex and all(m.quantities == {"hostages": 6, "prisoners": 620} for m in ex)
    assert all(sorted(m.participants) == ["Hamas", "Israel"] for m in ex)


def test_the_dead_handed_over_are_bodies_not_hostages(res):
    ms = _mentions(res, "Đêm 26/2, Hamas bàn giao thi thể của 4 con tin, còn Israel phóng thích hơn 600 tù nhân "
                        "Palestine.", pub="2025-02-28")
    ex = _ex(ms)
    assert ex and ex[-1].quantities == {"bodies": 4, "prisoners": 600}
    assert sorted(ex[-1].participants) == ["Hamas", "Israel"]


def test_a_release_without_a_counterpart_word_takes_no_other_count(res):
    # negative: two sentences, no counterpart word: each release keeps its own count
    ms = _mentions(res, "Ngày 3/3, Hamas trả tự do cho 6 con tin. Cùng ngày, Israel thả 620 tù nhân Palestine.",
                   pub="2025-03-04")
    assert [m.quantities for m in _ex(ms)] == [{"hostages": 6}, {"prisoners": 620}]


def test_the_releasers_partner_in_the_articles_pair_is_the_other_side(res):
    ms = _mentions(res, "Lệnh ngừng bắn giữa Israel và Hamas có hiệu lực từ ngày 19/1.\n\n"
                        "Ngay trong ngày 19/1, Hamas đã thả 3 con tin, đổi lấy 90 tù nhân Palestine.",
                   pub="2025-01-20")
    ex = [m for m in _ex(ms) if m.quantities.get("hostages") == 3]
    assert ex and sorted(ex[0].participants) == ["Hamas", "Israel"] and ex[0].quantities["prisoners"] == 90


def test_captives_of_another_country_are_the_other_side_not_the_pair(res):
    # negatives: the article's pair is Russia–United States; the captives' country is the side
    ms = _mentions(res, "Nga và Mỹ nhất trí nối lại đối thoại. Nga - Mỹ sẽ họp tại Riyadh.\n\n"
                        "Hôm 19/3, Nga trao trả 175 tù binh Ukraine, đổi lấy 175 quân nhân Nga.", pub="2025-03-20")
    ex = _ex(ms)
    assert ex and "United States" not in ex[0].participants
    ms = _mentions(res, "Nga và Mỹ nhất trí nối lại đối thoại. Nga - Mỹ sẽ họp tại Riyadh.\n\n"
                        "Hôm 19/3, Nga trao trả 175 tù binh, đổi lấy 175 tù binh Ukraine.", pub="2025-03-20")
    assert all("United States" not in m.participants for m in _ex(ms))     # Russia gets no Ukrainians back


def test_sentence_counts_keeps_a_count_of_its_own_first(res):
    low = "hamas thả 4 con tin để đổi lấy 200 tù nhân, theo thỏa thuận 33 con tin"
    ts = low.index("thả")
    q = sentence_counts({"hostages": 4.0}, low, ts, ts + 3, res.triggers)
    assert q == {"hostages": 4.0, "prisoners": 200.0}
    assert sentence_counts({}, low, ts, ts + 3, res.triggers) == {}       # no count of its own: none from the other clause


def test_a_length_after_keo_dai_is_compared_only_with_triggers_before_it():
    from sukien.extract_quant import lasted_rivals
    low = "vòng đàm phán kéo dài hơn 4 giờ, bao gồm các cuộc tiếp xúc song phương."
    s = low.index("4 giờ")
    e, talk, contact = s + 5, (0, 13), (low.index("cuộc tiếp xúc"), low.index("cuộc tiếp xúc") + 13)
    assert lasted_rivals(low, s, e, talk[0], [contact]) == []            # the round: no rival after
    assert lasted_rivals(low, s, e, contact[0], [talk]) is None          # the contact: not its length
    plain = "vòng đàm phán trong 4 giờ, bao gồm các cuộc tiếp xúc."
    s2 = plain.index("4 giờ")
    assert lasted_rivals(plain, s2, s2 + 5, 0, [contact]) == [contact]   # no "kéo dài": unchanged


def test_the_counterpart_and_remains_patterns_live_on_the_number_lexicon(res):
    # the cues of data/vi/numbers.yaml are compiled once with the NumberLexicon (no module state)
    nl = res.triggers.numbers
    assert nl.re_exchange_counterpart.search("hamas thả 3 con tin, còn israel thả 90 tù nhân")
    assert nl.re_remains.search("bàn giao thi thể của 4 con tin").group(1) == "4"
    assert not nl.re_exchange_counterpart.search("hai bên còntrao đổi")        # negative: no word "còn"
    assert not nl.re_remains.search("thả 4 con tin")                          # negative: alive, no remains
    # without a lexicon nothing is read as a counterpart clause
    low = "hamas thả 4 con tin để đổi lấy 200 tù nhân"
    assert sentence_counts({"hostages": 4.0}, low, 6, 9, None) == {"hostages": 4.0}


# ------------------------------------------------------------------ held-out 14 round (helper-b)

def _releases(ms):
    return [m for m in ms if m.type == "prisoner_exchange"]


def test_a_release_given_in_return_for_the_sentence_before_has_that_state_as_its_other_side(res):
    ms = _mentions(res, "Hôm 5/6, Mỹ cho phép tập đoàn Chevron tiếp tục khai thác dầu tại Venezuela. Đổi lại, chính "
                        "phủ Venezuela trả tự do cho 10 người.", pub="2025-06-06")
    assert any(sorted(m.participants) == ["United States", "Venezuela"] for m in _releases(ms))


def test_a_country_where_someone_is_is_no_other_side_of_the_release(res):
    # negative: the country before is only where the freed are ("hiện ở Ba Lan")
    ms = _mentions(res, "Hôm 5/6, 20 công dân Đức đã trở về và hiện ở Ba Lan. "
                        "Đổi lại, Nga trả tự do cho 10 người.", pub="2025-06-06")
    assert all("Poland" not in m.participants for m in _releases(ms))


def test_no_counterpart_word_at_the_start_takes_nothing_from_the_sentence_before(res):
    # negative: no "Đổi lại," opening the sentence
    ms = _mentions(res, "Hôm 5/6, Mỹ cho phép tập đoàn Chevron tiếp tục khai thác dầu tại Venezuela. Cùng ngày, "
                        "chính phủ Venezuela trả tự do cho 10 người.", pub="2025-06-06")
    assert all("United States" not in m.participants for m in _releases(ms))


def test_a_release_after_talks_with_another_state_has_that_state_as_its_other_side(res):
    ms = _mentions(res, "Hôm 5/6, Iran trả tự do cho hai nhà báo sau nhiều tháng thương lượng với Paris.",
                   pub="2025-06-06")
    assert any(sorted(m.participants) == ["France", "Iran"] for m in _releases(ms))


def test_a_release_after_years_in_prison_has_no_other_side(res):
    # negative: "sau ba năm giam giữ" names no talks
    ms = _mentions(res, "Hôm 5/6, giữa lúc Mỹ gây sức ép, Venezuela trả tự do cho 10 nhà hoạt động sau ba năm "
                        "giam giữ.", pub="2025-06-06")
    rel = _releases(ms)
    assert rel and all("United States" not in m.participants for m in rel)
