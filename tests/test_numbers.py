"""sukien.vi.numbers: parse_number, find_quantities (table-driven + seeds)."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from exprtable import check_attrs, rows as _rows
from sukien.config import Resources
from sukien.vi.numbers import NumberLexicon, find_quantities, parse_number

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def res():
    return Resources()


@pytest.fixture(scope="module")
def lex(res):
    """The packaged number lexicon, loaded explicitly (parse_number keeps no module-level cache)."""
    return res.temporal.numbers


@pytest.mark.parametrize("row", _rows("num"))
def test_parse_number(row, lex):
    got = parse_number(row["text"], lex)
    if row["value"] == "-":
        assert got is None
    else:
        assert got == pytest.approx(float(row["value"]))


@pytest.mark.parametrize("row", _rows("qty"))
def test_quantity(row, res):
    text = row["text"]
    qs = find_quantities(text, 0, len(text), res)
    hits = [q for q in qs if q.text == row["match"]]
    assert hits, f"no quantity {row['match']!r} in {[(q.text, q.kind, q.value) for q in qs]}"
    q = hits[0]
    assert q.kind == row["kind"]
    assert q.value == pytest.approx(float(row["value"]))
    assert text[q.start:q.end] == q.text
    check_attrs(q, row["attrs"])


@pytest.mark.parametrize("row", _rows("noqty"))
def test_no_quantity(row, res):
    text = row["text"]
    qs = find_quantities(text, 0, len(text), res)
    if row["kind"]:
        qs = [q for q in qs if q.kind == row["kind"]]
    if row["match"] == "*":
        assert qs == [], [(q.text, q.kind) for q in qs]
    else:
        s = text.index(row["match"])
        e = s + len(row["match"])
        assert not [q for q in qs if q.start < e and q.end > s], [(q.text, q.kind) for q in qs]


def test_parse_number_accepts_nfd_and_spacing(lex):
    assert parse_number(unicodedata.normalize("NFD", "một trăm bảy mươi lăm"), lex) == 175
    assert parse_number("  ba   mươi  ", lex) == 30
    assert parse_number("", lex) is None


def test_parse_number_takes_the_lexicon_or_the_resources(res, lex):
    assert parse_number("ba mươi tư", res) == parse_number("ba mươi tư", res.temporal) == \
        parse_number("ba mươi tư", lex) == 34
    # without one, the packaged data is loaded for that call: nothing is cached in the module
    from sukien.vi import numbers
    assert parse_number("hai mươi mốt") == 21
    assert numbers.default_lexicon() is not numbers.default_lexicon()
    assert not hasattr(numbers.default_lexicon, "cache_info")


def test_nfd_input_offsets_map_back(res):
    text = unicodedata.normalize("NFD", "Cuộc gọi kéo dài gần hai tiếng rưỡi và trao đổi 175 tù nhân từ mỗi bên")
    qs = find_quantities(text, 0, len(text), res)
    got = {(unicodedata.normalize("NFC", q.text), q.kind, q.value) for q in qs}
    assert ("gần hai tiếng rưỡi", "duration", 150) in got
    assert ("175 tù nhân từ mỗi bên", "count", 175) in got
    assert all(text[q.start:q.end] == q.text for q in qs)


def test_durations_in_one_sentence_keep_order_and_offsets(res):
    text = "Cuộc gọi đầu kéo dài gần 90 phút, cuộc thứ hai hơn 2 giờ và cuộc thứ ba chỉ nửa tiếng."
    qs = [q for q in find_quantities(text, 0, len(text), res) if q.kind == "duration"]
    assert [(q.value, q.qualifier) for q in qs] == [(90, "approx"), (120, "more_than"), (30, "exact")]
    assert all(text[q.start:q.end] == q.text for q in qs)


def test_span_limits(res):
    text = "Đoạn một có 30 ngày. Đoạn hai có 45 phút."
    s = text.index("Đoạn hai")
    qs = find_quantities(text, s, len(text), res)
    assert [(q.text, q.value) for q in qs] == [("45 phút", 45)]


def test_lexicon_from_data_is_independent(res):
    data = res.load_yaml("vi/numbers.yaml")
    data["digits"] = [d for d in data["digits"] if d["key"] != "hai"]
    lx = NumberLexicon.from_data(data)
    assert parse_number("hai", lx) is None
    assert parse_number("hai", res.temporal.numbers) == 2     # the packaged lexicon is untouched


# ----------------------------------------------------------------------------- seeds

def _seed(prefix: str) -> str:
    files = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip("seed corpus not available")
    return files[0].read_text(encoding="utf-8")


def _q(text, res):
    return find_quantities(text, 0, len(text), res)


def _durations(qs):
    return {(q.value, q.qualifier) for q in qs if q.kind == "duration"}


def test_seed_000_quantities(res):
    qs = _q(_seed("000"), res)
    per = [q for q in qs if q.per == "each_side"]
    assert per and per[0].value == 175 and per[0].unit == "tù nhân" and per[0].kind == "count"
    assert (150, "approx") in _durations(qs)                       # gần hai tiếng rưỡi
    assert (43200, "exact") in _durations(qs)                      # 30 ngày
    assert [q for q in qs if q.value == 23 and q.kind == "count"]
    vague = [q for q in qs if q.approximate]
    assert {q.value for q in vague} >= {10, 1000}                  # hàng chục, hàng nghìn


def test_seed_001_quantities(res):
    qs = _q(_seed("001"), res)
    d = [q for q in qs if q.kind == "duration"]
    assert d and d[0].value == 75 and d[0].qualifier == "approx"
    assert not [q for q in qs if q.text.startswith("13")]          # 13h is a clock time


def test_seed_003_quantities(res):
    text = _seed("003")
    qs = _q(text, res)
    durs = _durations(qs)
    assert (90, "approx") in durs and (90, "exact") in durs        # gần 90 phút / 90 phút
    assert (60, "exact") in durs                                   # 1 giờ đồng hồ
    assert (180, "exact") in durs                                  # trong vòng 3 giờ
    prison = [q for q in qs if q.unit_text == "năm tù"]
    assert prison and prison[0].value == 14 * 525600
    pct = sorted(q.value for q in qs if q.kind == "percent")
    assert pct == [5.26, 8.8, 21]
    # nothing from the image markdown / URLs, no clock time, no year-as-duration offset
    for q in qs:
        assert "cafefcdn" not in text[max(0, q.start - 80):q.start]
        assert not q.text.startswith("21h")
    assert not [q for q in qs if q.kind == "duration" and q.value == 3 * 525600]   # "3 năm trước đó"


def test_seed_004_quantities(res):
    qs = _q(_seed("004"), res)
    assert (120, "more_than") in _durations(qs)
    ex = [q for q in qs if q.kind == "exchange_ratio"]
    assert ex and ex[0].value == 1000
    assert not [q for q in qs if q.kind == "number" and q.value == 1000]
