"""Actor dictionary and actor mentions: table-driven cases (tests/data/vi/actors_cases.yaml).

The cases run on a fixture dictionary (tests/data/actors/{people,countries}.yaml) combined with the
package's own institutions/places/roles/references, so they do not depend on the size of the real
people list."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from sukien.config import PACKAGE_DATA, Config, Resources
from sukien.models import Anchor
from sukien.vi.actors import ActorDB, find_actors
from sukien.vi.sentences import line_segments, split_sentences
from sukien.textnorm import match_form

HERE = Path(__file__).parent
CASES = yaml.safe_load((HERE / "data" / "vi" / "actors_cases.yaml").read_text(encoding="utf-8"))


def make_fixture_data(root: Path) -> Path:
    """A data dir = package data, with people/countries replaced by the test fixtures."""
    (root / "actors").mkdir(parents=True, exist_ok=True)
    for f in (PACKAGE_DATA / "actors").glob("*.yaml"):
        if f.name not in ("people.yaml", "countries.yaml"):
            shutil.copy(f, root / "actors" / f.name)
    for f in (HERE / "data" / "actors").glob("*.yaml"):
        shutil.copy(f, root / "actors" / f.name)
    if (PACKAGE_DATA / "vi").exists():
        shutil.copytree(PACKAGE_DATA / "vi", root / "vi", dirs_exist_ok=True)
    return root


@pytest.fixture(scope="module")
def res(tmp_path_factory):
    return Resources(Config(data_dir=make_fixture_data(tmp_path_factory.mktemp("data"))))


def analyze_text(text, date, res):
    sents = split_sentences(text, line_segments(text))
    find_actors(text, sents, Anchor(date, "pub_date", 1.0), res)
    return [m for s in sents for m in s.actors]


@pytest.mark.parametrize("case", CASES, ids=[f"{i}:{c['text'][:35]}" for i, c in enumerate(CASES)])
def test_actor_cases(case, res):
    ms = analyze_text(case["text"], case.get("date"), res)
    got = {(m.text): m for m in ms}
    for exp in case.get("expect") or []:
        m = got.get(exp["text"])
        assert m is not None, f"no mention {exp['text']!r}; got {[(x.text, x.name) for x in ms]}"
        for k in ("name", "kind", "via", "country", "members"):
            if k in exp:
                assert getattr(m, k) == exp[k], f"{exp['text']!r}.{k}: {getattr(m, k)!r} != {exp[k]!r}"
        assert case["text"][m.start:m.end] == m.text
    for a in case.get("absent") or []:
        assert a not in got, f"unexpected mention {a!r}"
    names = {m.name for m in ms}
    for n in case.get("no_names") or []:
        assert n not in names, f"unexpected actor {n!r}"


def test_holder_dated_roles(res):
    db: ActorDB = res.actors
    assert db.holder("head_of_state", "United States", "2023-06-01").name == "Joe Biden"
    assert db.holder("head_of_state", "United States", "2025-03-01").name == "Donald Trump"
    assert db.holder("head_of_state", "United States", "2019-03-01").name == "Donald Trump"
    assert db.holder("head_of_government", "Vietnam", "2020-01-01").name == "Nguyen Xuan Phuc"
    assert db.holder("head_of_government", "Vietnam", "2021-05-01").name == "Pham Minh Chinh"
    assert db.holder("head_of_government", "Vietnam", None).name == "Pham Minh Chinh"   # current
    assert db.holder("head_of_state", "Atlantis", "2020-01-01") is None
    # boundary: the day power changes hands goes to the incoming holder
    assert db.holder("head_of_state", "United States", "2021-01-20").name == "Joe Biden"
    assert db.holder("head_of_state", "United States", "2021-01-19").name == "Donald Trump"
    # partial dates (year-month) still resolve
    assert db.holder("head_of_state", "United States", "2023-06").name == "Joe Biden"
    # org-scoped roles and the disambiguating `org`
    assert db.holder("spokesperson", "Russia", "2025-01-01", org="kremlin").name == "Dmitry Peskov"
    assert db.holder("spokesperson", "Russia", "2025-01-01", org="russia_foreign_ministry").name == "Maria Zakharova"
    assert db.holder("secretary_general", "United Nations", "2010-06-01").name == "Ban Ki-moon"
    # the country-less form of ARCHITECTURE.md: any country
    assert db.holder("foreign_minister", "2023-06-01").name in {"Antony Blinken", "Sergei Lavrov", "Bui Thanh Son"}
    assert db.role_of("dmitry_medvedev", "2010-01-01").role == "head_of_state"
    assert db.role_of("dmitry_medvedev", "2015-01-01").role == "head_of_government"
    # the holder-elect: whose term starts next after the date ("Tổng thống đắc cử")
    assert db.next_holder("head_of_state", "United States", "2024-11-20").name == "Donald Trump"
    assert db.next_holder("head_of_state", "United States", "2020-11-20").name == "Joe Biden"
    assert db.next_holder("head_of_state", "United States", "2025-03-01") is None   # no later term known
    assert db.next_holder("head_of_state", "United States", None) is None


def test_get_by_name_country_of(res):
    db: ActorDB = res.actors
    assert db.get("vladimir_putin").name == "Vladimir Putin"
    assert db.by_name("Vladimir Putin").id == "vladimir_putin"
    assert db.by_name("Pu-tin") is None
    assert db.country_of("vladimir_putin") == "Russia"
    assert db.country_of("Donald Trump") == "United States"
    assert db.country_of("kremlin") == "Russia"
    assert db.country_of("Nga") == "Russia"
    assert db.country_of("United States") == "United States"
    assert db.country_of("NATO") is None
    assert db.country_of("nobody") is None


def test_no_undeclared_alias_collisions(res):
    assert res.actors.collisions == []


def test_declared_ambiguity_picks_preferred(res):
    ms = analyze_text("Washington và Moscow đối thoại.", "2025-03-01", res)
    assert [(m.text, m.name) for m in ms] == [("Washington", "United States"), ("Moscow", "Russia")]


def test_undeclared_collision_is_reported(tmp_path):
    root = make_fixture_data(tmp_path)
    extra = root / "actors" / "places.yaml"
    data = yaml.safe_load(extra.read_text(encoding="utf-8"))
    data.append({"id": "moscow_idaho", "name": "Moscow (Idaho)", "country": "United States", "kind": "city",
                 "aliases": ["Moscow"], "example": "Moscow là một thị trấn ở Idaho."})
    extra.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    db = ActorDB.load(Resources(Config(data_dir=root)))
    assert any(k == "moscow" for k, _ in db.collisions)


def test_lookup_boundaries_and_case(res):
    db: ActorDB = res.actors
    spans = [(s, e) for s, e, _ in db.lookup("Ngân hàng Nganh và nước Nga")]
    assert spans == [(19, 27)]                       # "nước Nga", not "Nga" inside "Nganh"
    assert db.lookup("giải pháp") == []               # lower-case "pháp" is not France
    assert [h[0].ref for _, _, h in db.lookup("Pháp")] == ["france"]
    # "nước Pháp" (lower-case word + name): the name must be capitalized in the text too
    assert [h[0].ref for _, _, h in db.lookup("nước Pháp")] == ["france"]
    assert db.lookup("nhà nước pháp quyền") == [] and db.lookup("Nhà nước pháp quyền") == []
    assert [h[0].ref for _, _, h in db.lookup("NƯỚC PHÁP")] == ["france"]


def test_state_forms_name_the_country(res):
    """references.yaml state_forms: "Cộng hòa Indonesia", "Vương quốc ..." are generated keys for
    capitalized country aliases of several words or one foreign-looking word, with a capital initial."""
    db: ActorDB = res.actors
    assert [(s, e, h[0].ref) for s, e, h in db.lookup("Cộng hòa Indonesia")] == [(0, 18, "indonesia")]
    assert [(s, e, h[0].ref) for s, e, h in db.lookup("Vương quốc Thụy Sĩ")] == [(0, 18, "switzerland")]
    # lower-case form: only the country itself
    assert [(s, e) for s, e, _ in db.lookup("cộng hòa Indonesia")] == [(9, 18)]
    # one-syllable names are not extended ("Cộng hòa Pháp" is declared in countries.yaml where needed)
    assert [(s, e) for s, e, _ in db.lookup("Cộng hòa Pháp")] == [(9, 13)]


def test_offsets_with_old_tone_and_nfd(res):
    import unicodedata
    text = unicodedata.normalize("NFD", "Ông Putin tới Thổ Nhĩ Kỳ. Hoà bình ở Biển Đông.")
    ms = analyze_text(text, "2025-03-01", res)
    assert {m.name for m in ms} >= {"Vladimir Putin", "Turkey", "South China Sea"}
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_fast_form_is_match_form():
    """The former fast twin of textnorm.match_form is now match_form itself (its NFC fast path is
    checked against the plain definition in tests/test_textnorm.py); the name stays importable."""
    from sukien.vi.actors import fast_form
    assert fast_form is match_form


def test_sentences_out_of_order_give_the_same_mentions(res):
    text = "Ông Putin tới Sochi. Ông Trump ở Nhà Trắng."
    sents = split_sentences(text, line_segments(text))
    find_actors(text, sents, Anchor("2025-03-01", "pub_date", 1.0), res)
    expected = [[(m.text, m.name) for m in s.actors] for s in sents]
    rev = list(reversed(split_sentences(text, line_segments(text))))
    find_actors(text, rev, Anchor("2025-03-01", "pub_date", 1.0), res)
    assert [[(m.text, m.name) for m in s.actors] for s in reversed(rev)] == expected


def test_historical_person_has_low_confidence(res):
    text = "Nhân dịp Quốc khánh, Tổng Bí thư Tô Lâm nhắc lại lời dạy của Chủ tịch Hồ Chí Minh."
    ms = {m.name: m for m in analyze_text(text, "2025-09-02", res)}
    assert ms["Ho Chi Minh"].confidence < 0.6          # roles ended in 1969
    assert ms["To Lam"].confidence == 1.0
    ms = {m.name: m for m in analyze_text(text, "1960-09-02", res)}
    assert ms["Ho Chi Minh"].confidence == 1.0         # in office at the anchor
    # a former leader still active in public life (active: true) is not historical
    ms = {m.name: m for m in analyze_text("Ông Tony Blair tới Cairo dự hội nghị về Gaza.", "2025-10-13", res)}
    assert ms["Tony Blair"].confidence == 1.0


def test_historical_person_is_not_a_member_of_hai_ben(res):
    text = ("Tổng Bí thư Tô Lâm hội đàm với Chủ tịch Trung Quốc Tập Cận Bình. Tại hội đàm, ông Tập nhắc lại "
            "tình cảm của Chủ tịch Hồ Chí Minh với Trung Quốc. Hai bên ký nhiều văn kiện.")
    g = next(m for m in analyze_text(text, "2025-04-14", res) if m.kind == "group")
    assert "Ho Chi Minh" not in g.members and sorted(g.members) == ["To Lam", "Xi Jinping"]


def test_package_people_non_officials():
    pres = Resources(Config())
    text = ("Tỷ phú Elon Musk và cựu Thủ tướng Anh Tony Blair dự diễn đàn. Ông Jared Kushner cũng có mặt.")
    ms = {m.name: m for m in analyze_text(text, "2025-10-13", pres)}
    assert ms["Elon Musk"].country == "United States" and ms["Elon Musk"].kind == "person"
    assert ms["Tony Blair"].confidence == 1.0
    assert "Jared Kushner" in ms


def test_last_word_equals_its_regex():
    """``actors._last_word`` (the word before a space, found with ``str.rfind``) gives what the
    ``_LAST_WORD`` search gives, for windows that start mid-word, words with underscores, digits,
    brackets and punctuation, and an empty word."""
    import random
    from sukien.vi.actors import _LAST_WORD, _last_word
    pieces = ["Nguyễn", "Minh", "(Anh", "Đức,", "a_b", "x", "", "2025", "Hoàng-Anh", "—", "ông", "“Mỹ"]
    rng = random.Random(7)
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) + " Nga"
        j = len(text) - 4                      # the space before "Nga"
        lo = rng.randint(0, j)
        m = _LAST_WORD.search(text, lo, j + 1)
        assert _last_word(text, lo, j) == (m.group(1) if m else None), (text, lo)


# ------------------------------------------------------------------ counterparts, host, leadership,
# predecessors (the package dictionary: dated holders of 2025)

@pytest.fixture(scope="module")
def pres():
    return Resources(Config())


def _by_text(text, date, res, segments=None):
    from sukien.vi.sentences import split_sentences as _split
    sents = _split(text, segments if segments is not None else line_segments(text))
    find_actors(text, sents, Anchor(date, "pub_date", 1.0), res)
    return {m.text: m for s in sents for m in s.actors}


@pytest.mark.parametrize("text, country", [
    # an operations chief, a general, a deputy minister: no holder known in the other country
    ("Tổng giám đốc tác chiến quân sự của Pakistan đã gọi điện cho người đồng cấp Ấn Độ.", "India"),
    ("Ngoại trưởng Ấn Độ Jaishankar nói chỉ huy tác chiến của Pakistan đã gọi cho người đồng cấp Ấn Độ.", "India"),
    ("Thứ trưởng Quốc phòng Nga gặp người đồng cấp Trung Quốc tại Bắc Kinh.", "China"),
    # a known person without a dated role
    ("Thống chế Asim Munir điện đàm với người đồng cấp Ấn Độ.", "India"),
    # an office with a role but no holder in the other country
    ("Bộ trưởng Quốc phòng Pakistan gặp người đồng cấp Ấn Độ.", "India"),
], ids=["operations-chief", "chief-after-a-speaker-of-X", "deputy-minister", "person-without-role",
        "role-without-holder"])
def test_counterpart_of_an_office_without_holder_is_the_country(pres, text, country):
    ms = _by_text(text, "2025-05-11", pres)
    m = next(v for k, v in ms.items() if k.startswith("người đồng cấp"))
    assert (m.kind, m.name, m.country, m.via) == ("country", country, country, "reference")
    assert "Narendra Modi" not in {x.name for x in ms.values()}     # never the head of government


@pytest.mark.parametrize("text, date, name", [
    ("Ông Putin điện đàm với người đồng cấp Mỹ.", "2025-05-11", "Donald Trump"),
    ("Ngoại trưởng Lavrov gặp người đồng cấp Ấn Độ.", "2025-05-11", "Subrahmanyam Jaishankar"),
    ("Thủ tướng Nhật Bản gặp người đồng cấp Ấn Độ bên lề hội nghị.", "2025-05-11", "Narendra Modi"),
    # the anchor is the last person before it who is not of that country (not the Indian speaker)
    ("Ông Modi cho biết Tổng thống Putin đã điện đàm với người đồng cấp Mỹ.", "2025-05-11", "Donald Trump"),
    # no person before it in the sentence: the last one in context
    ("Ngoại trưởng Vương Nghị tới Moscow. Tại đây, cuộc gặp với người đồng cấp Nga kéo dài hai giờ.",
     "2025-05-11", "Sergei Lavrov"),
    # a source ("Theo ông X, ...") is not who the counterpart is counterpart to
    ("Theo ông Peskov, Tổng thống Putin đã mời người đồng cấp Mỹ tới Moscow.", "2025-05-11", "Donald Trump"),
    # out of office on that day (president-elect): the office held last
    ("Ông Trump khuyên người đồng cấp Nga kiềm chế.", "2024-11-10", "Vladimir Putin"),
], ids=["president", "foreign-minister", "prime-minister", "skip-a-person-of-X", "from-context", "source", "elect"])
def test_counterpart_of_a_known_office_is_its_holder(pres, text, date, name):
    ms = _by_text(text, date, pres)
    m = next(v for k, v in ms.items() if k.startswith("người đồng cấp"))
    assert (m.kind, m.name) == ("person", name)


def test_host_country_is_the_venue_of_the_visit_not_a_recalled_trip(pres):
    text = ("Chủ tịch nước Lương Cường thăm chính thức Chile.\n"
            "Tại buổi chiêu đãi, bà Bachelet nhớ lại chuyến thăm Việt Nam của bà.\n"
            "Cuộc hội đàm giữa Chủ tịch nước và nhà lãnh đạo nước chủ nhà diễn ra sáng qua ở Santiago.")
    m = _by_text(text, "2025-10-22", pres)["nhà lãnh đạo nước chủ nhà"]
    assert (m.name, m.country) == ("Gabriel Boric", "Chile")
    # the headline's visit when the sentence and its paragraph name no venue
    from sukien.models import Segment
    text = ("Tổng Bí thư thăm chính thức Indonesia\n"
            "Bà Puan nhớ lại chuyến thăm Việt Nam năm 2019.\n"
            "Cuộc hội đàm với nhà lãnh đạo nước chủ nhà kéo dài hai giờ.")
    lines = text.split("\n")
    segs, off = [], 0
    for i, ln in enumerate(lines):
        segs.append(Segment(off, off + len(ln), "title" if i == 0 else "body"))
        off += len(ln) + 1
    m = _by_text(text, "2025-03-11", pres, segs)["nhà lãnh đạo nước chủ nhà"]
    assert (m.name, m.country) == ("Prabowo Subianto", "Indonesia")
    # without a headline: the venue mentioned last (the recalled trip: the old reading, kept)
    m = _by_text(text, "2025-03-11", pres)["nhà lãnh đạo nước chủ nhà"]
    assert m.country == "Vietnam"
    # a qualified visit ("thăm chính thức X") names the venue too
    m = _by_text("Thủ tướng thăm chính thức Singapore.\nThủ tướng nước chủ nhà đã đón đoàn tại sân bay.",
                 "2025-05-26", pres)["Thủ tướng nước chủ nhà"]
    assert (m.name, m.country) == ("Lawrence Wong", "Singapore")
    # a destination after the host reference is no venue of it ("sẽ thăm Pháp"): only "tại/ở" are
    m = _by_text("Ông Rubio tới Việt Nam. Thủ tướng nước chủ nhà sẽ thăm Pháp vào tháng tới.",
                 "2025-05-26", pres)["Thủ tướng nước chủ nhà"]
    assert m.country == "Vietnam"


def test_generic_leadership_is_the_country(pres):
    ms = _by_text("Lãnh đạo Việt Nam gửi điện mừng tân Thủ tướng Nhật Bản.", "2025-10-22", pres)
    m = ms["Lãnh đạo Việt Nam"]
    assert (m.kind, m.name) == ("country", "Vietnam") and "To Lam" not in {x.name for x in ms.values()}
    ms = _by_text("Các nhà lãnh đạo Nga bày tỏ lo ngại.", "2025-10-22", pres)
    assert (ms["nhà lãnh đạo Nga"].kind, ms["nhà lãnh đạo Nga"].name) == ("country", "Russia")
    # one leader: "nhà lãnh đạo X" alone, or a name after "lãnh đạo X"
    ms = _by_text("Nhà lãnh đạo Nga tiếp đoàn khách tại Sochi.", "2025-10-22", pres)
    assert ms["Nhà lãnh đạo Nga"].name == "Vladimir Putin"
    # a list of countries: one leader each ("the leaders of X and Y")
    ms = _by_text("Lãnh đạo Mỹ và Trung Quốc đã điện đàm hơn hai giờ.", "2023-11-20", pres)
    assert ms["Lãnh đạo Mỹ"].name == "Joe Biden"
    ms = _by_text("Lãnh đạo Triều Tiên Kim Jong-un thị sát nhà máy.", "2025-10-22", pres)
    assert any(x.name == "Kim Jong Un" and x.kind == "person" for x in ms.values()), ms
    # "người đứng đầu" before a body's name: no person named "Đảng Cộng"
    ms = _by_text("Đây là chuyến thăm đầu tiên của ông trên cương vị người đứng đầu Đảng Cộng sản Việt Nam.",
                  "2025-03-10", pres)
    assert not any(x.kind == "person" and x.name and x.name.startswith("Đảng") for x in ms.values()), ms
    ms = _by_text("Ông Trường Chinh từng giữ nhiều trọng trách.", "2025-03-10", pres)
    assert ms["Ông Trường Chinh"].kind == "person"


def test_indochina_is_a_region(pres):
    # "Đông Dương" (Indochina) is a region, never an unknown actor that could be a side
    ms = _by_text("Hợp tác giữa ba nước Đông Dương được đẩy mạnh trong năm nay.", "2025-12-01", pres)
    assert ms["Đông Dương"].kind == "place" and ms["Đông Dương"].name == "Indochina"


def test_predecessor_and_successor(pres):
    db = pres.actors
    assert db.relative("donald_trump", "predecessor", "2025-03-01").name == "Joe Biden"
    assert db.relative("joe_biden", "successor", "2023-01-01").name == "Donald Trump"
    assert db.relative("vladimir_putin", "predecessor", "2020-01-01").name == "Dmitry Medvedev"
    assert db.relative("sanae_takaichi", "predecessor", "2025-10-22").name == "Shigeru Ishiba"
    assert db.relative("fumio_kishida", "successor", "2024-12-01").name == "Shigeru Ishiba"
    assert db.relative("sanae_takaichi", "successor", "2025-10-22") is None     # in office
    assert db.relative("asim_munir", "predecessor", "2025-05-11") is None       # no dated role
    text = "Bà Takaichi nhậm chức Thủ tướng ngày 21/10. Tháng 4, người tiền nhiệm của bà đã thăm Hà Nội."
    ms = _by_text(text, "2025-10-22", pres)
    assert ms["người tiền nhiệm của bà"].name == "Shigeru Ishiba"
    assert "bà" not in ms                                  # not a second mention of Takaichi
    ms = _by_text("Ông Trump chỉ trích người tiền nhiệm vì chính sách nhập cư.", "2025-03-01", pres)
    assert ms["người tiền nhiệm"].name == "Joe Biden"
    ms = _by_text("Người kế nhiệm của Thủ tướng Kishida tiếp tục chính sách này.", "2024-12-01", pres)
    assert ms["Người kế nhiệm của Thủ tướng Kishida"].name == "Shigeru Ishiba"
    # a name right after it is the person meant; a predicate names no one
    ms = _by_text("Chính sách của người tiền nhiệm Joe Biden bị đảo ngược.", "2025-03-01", pres)
    assert [x.name for x in ms.values()] == ["Joe Biden"]
    ms = _by_text("Ông Biden chọn bà Harris làm người kế nhiệm.", "2024-07-01", pres)
    assert "Donald Trump" not in {x.name for x in ms.values()} and "người kế nhiệm" not in ms


def test_ambassador_post_belongs_to_the_title(pres):
    ms = _by_text("Tổng Bí thư tiếp Đại sứ Ấn Độ tại Việt Nam Sandeep Arya.", "2025-07-17", pres)
    m = ms["Đại sứ Ấn Độ tại Việt Nam Sandeep Arya"]
    assert (m.kind, m.name, m.country) == ("person", "Sandeep Arya", "India")
    assert "Việt Nam" not in ms
    # no name after the post: the post stays a place of its own
    ms = _by_text("Ông Putin tiếp Đại sứ Mỹ tại Moscow.", "2025-07-17", pres)
    assert ms["Moscow"].name == "Russia"


def test_bare_counterpart_holds_the_same_office(pres):
    """"người đồng cấp" without a country: the person of another country the document names who
    holds the office of the one it is counterpart to; nobody for an office with no dated holders."""
    text = ("Tổng thống Putin và Tổng thống Trump dự kiến gặp nhau. Trong khi đó, Ngoại trưởng Lavrov đã "
            "điện đàm với Ngoại trưởng Mỹ Rubio. Ông Lavrov cảm ơn người đồng cấp vì cuộc trao đổi.")
    assert _by_text(text, "2025-05-11", pres)["người đồng cấp"].name == "Marco Rubio"   # not Putin
    ms = _by_text("Ông Putin điện đàm với ông Trump. Ông cảm ơn người đồng cấp.", "2025-05-11", pres)
    assert ms["người đồng cấp"].name == "Donald Trump"
    ms = _by_text("Chỉ huy tác chiến của Pakistan đã gọi cho người đồng cấp. Thủ tướng Modi hoan nghênh.",
                  "2025-05-11", pres)
    assert ms["người đồng cấp"].actor_id is None


def test_two_leaders_named_in_different_sentences_are_no_pair_in_focus(pres):
    """"hai nhà lãnh đạo" after a speaker in one sentence and another in the next is the article's
    pair (the most-mentioned leaders), not those two speakers; two leaders named together in one of
    the sentences before still are the pair."""
    lead = ("Tổng thống Pháp Emmanuel Macron và Thủ tướng Ấn Độ Narendra Modi đã điện đàm tối qua. "
            "Ông Macron và ông Modi bàn về thương mại. ")
    text = lead + ("Thủ tướng Đức Friedrich Merz viết trên mạng xã hội rằng ông hoan nghênh cuộc gọi. "
                   "Báo chí dẫn lời Tổng thống Mỹ Donald Trump cho biết Washington sẵn sàng hỗ trợ. "
                   "Đây là lần thứ hai trong năm nay hai nhà lãnh đạo điện đàm.")
    g = _by_text(text, "2025-05-20", pres)["hai nhà lãnh đạo"]
    assert sorted(g.members) == ["Emmanuel Macron", "Narendra Modi"], g.members
    text = lead + ("Trước đó, Thủ tướng Đức Friedrich Merz đã gặp Tổng thống Mỹ Donald Trump tại Washington. "
                   "Hai nhà lãnh đạo bàn về thuế quan.")
    g = _by_text(text, "2025-05-20", pres)["Hai nhà lãnh đạo"]
    assert sorted(g.members) == ["Donald Trump", "Friedrich Merz"], g.members


# ------------------------------------------------------------------ photo captions and credits

def test_a_describing_caption_keeps_the_persons_of_the_story(res):
    """"Ảnh: Tổng thống X tiếp ông Y tại Z" describes the photo (lowercase words after the cue):
    its persons are the story's; "Ảnh: Minh Khôi" / "(Ảnh: Reuters/Minh Khôi)" are credits."""
    text = ("Tổng thống Donald Trump tiếp Tổng thống Volodymyr Zelensky. "
            "Ảnh: Tổng thống Trump bắt tay ông Zelensky tại phòng Bầu dục.")
    names = [m.name for m in analyze_text(text, "2025-08-20", res) if m.start > text.index("Ảnh")]
    assert "Donald Trump" in names and "Volodymyr Zelensky" in names
    for credit in ("Ông Putin phát biểu tại Moscow. (Ảnh: Minh Khôi)",
                   "Ông Putin phát biểu tại Moscow. Ảnh: Reuters/Minh Khôi",
                   "Ông Putin phát biểu tại Moscow. Ảnh: Minh Khôi chụp"):
        ms = analyze_text(credit, "2025-08-20", res)
        assert not [m for m in ms if m.kind == "person" and "Minh Khôi" in m.text], credit


def test_a_one_word_country_before_a_foreign_name_is_the_persons_country(res):
    """"Đại sứ Lào Khamphao Ernthavanh": Lào is the ambassador's country, not a name part; "Ông Anh
    Tuấn" (a Vietnamese name whose first word is also a country alias) stays one name."""
    for text, name, country in (("Chủ tịch nước tiếp Đại sứ Lào Khamphao Ernthavanh.", "Khamphao Ernthavanh", "Laos"),
                                ("Thủ tướng tiếp Đại sứ Indonesia Ahmad Santoso.", "Ahmad Santoso", "Indonesia")):
        ms = [m for m in analyze_text(text, "2025-12-11", res) if m.kind == "person" and m.via == "candidate"]
        assert [(m.name, m.country) for m in ms] == [(name, country)], text
    ms = analyze_text("Thủ tướng tiếp ông Anh Tuấn tại Hà Nội.", "2025-12-11", res)
    assert "Anh Tuấn" in [m.name for m in ms]
    assert "United Kingdom" not in [m.name for m in ms]


# ---- package entries added in the eighth round (people.yaml, places.yaml, institutions.yaml)

def test_chinese_vice_premiers_are_known_people(pres):
    ms = _by_text("Phó Thủ tướng Trung Quốc Hà Lập Phong đàm phán với phái đoàn Mỹ, còn Phó Thủ tướng "
                  "thường trực Đinh Tiết Tường tiếp đoàn doanh nghiệp.", "2025-05-11", pres)
    names = {m.name for m in ms.values()}
    assert {"He Lifeng", "Ding Xuexiang"} <= names


def test_a_chinese_city_is_a_place_and_no_person(pres):
    ms = _by_text("Hội nghị khai mạc ở Thiên Tân, sau đó ông tiếp Thủ tướng Ấn Độ.", "2025-08-31", pres)
    m = next(m for t, m in ms.items() if "Thiên Tân" in t)
    assert m.kind == "place" and m.name == "Tianjin"


def test_the_red_cross_committee_is_one_organization(pres):
    ms = _by_text("Các con tin được bàn giao cho Ủy ban Chữ thập đỏ Quốc tế tại biên giới.", "2025-02-03", pres)
    m = next(m for t, m in ms.items() if "Chữ thập" in t)
    assert m.kind == "organization" and m.name == "International Committee of the Red Cross"


def test_senate_president_title_gives_an_unknown_holder_his_country(res):
    """"Chủ tịch Thượng viện <nước> <tên>": a title (role senate_president), so the name after it is a
    person of that country; the chamber alone ("Thượng viện Italy thông qua ...") names no person."""
    ms = analyze_text("Chủ tịch Thượng viện Italy Ignazio La Russa tiếp Đại sứ Việt Nam tại Rome.", "2026-03-10", res)
    p = [m for m in ms if m.name == "Ignazio La Russa"]
    assert p and p[0].kind == "person" and p[0].country == "Italy"
    ms = analyze_text("Thượng viện Italy thông qua dự luật ngân sách hôm 5/3.", "2026-03-10", res)
    assert all(m.kind != "person" for m in ms) and any(m.name == "Italy" for m in ms)


# ---- bodies and offices (off-topic round: institution names, acronym + country)

def test_an_acronym_office_before_a_country_leaves_the_country(pres):
    """"DGMO Pakistan" (an office named by its acronym, no person): the country is that side; a
    capitalized Vietnamese-looking word before a one-syllable country still makes one name."""
    ms = _by_text("Sau đó, DGMO Pakistan đã gọi điện cho người đồng cấp phía Ấn Độ.", "2025-05-11", pres)
    assert any(m.kind == "country" and m.name == "Pakistan" for m in ms.values())
    assert not any(m.kind == "person" and "DGMO" in m.text for m in ms.values())
    ms = _by_text("Bà Nguyễn Thị Lan gọi điện cho con gái.", "2025-05-11", pres)
    assert not any(m.kind == "country" for m in ms.values())


@pytest.mark.parametrize("text, body, country", [
    ("Chiều 9/4, Bộ trưởng Bộ Khoa học và Công nghệ Lào đã đến Hà Nội.", "Bộ Khoa học và Công nghệ", "Laos"),
    ("Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch Việt Nam dự lễ khai mạc.",
     "Bộ Văn hóa, Thể thao và Du lịch", "Vietnam"),
    ("Bộ trưởng Bộ Xây dựng sẽ đi kiểm tra công trình vào tuần tới.", "Bộ Xây dựng", None),
    ("Cục Quản lý thị trường kiểm tra ba cửa hàng.", "Cục Quản lý", None),
], ids=["minister-of-a-foreign-ministry", "comma-list-name", "domestic-ministry", "department"])
def test_a_title_before_a_body_name_is_no_person_and_the_body_is_whole(pres, text, body, country):
    """"Bộ trưởng Bộ X <nước>": the capitalized words after the title are the body's name (with its
    "A, B và C" list), not a person's name; the country after it stays a country mention (the side
    of the unnamed office holder, as in "Đại sứ Nhật Bản")."""
    ms = _by_text(text, "2026-04-09", pres)
    assert body in ms and ms[body].kind == "organization"
    assert not any(m.kind == "person" and m.via == "candidate" for m in ms.values())
    if country is not None:
        assert any(m.kind == "country" and m.name == country for m in ms.values())


def test_a_body_without_title_takes_the_country_after_it(pres):
    ms = _by_text("Bộ Tài chính Mỹ công bố danh sách trừng phạt mới.", "2026-04-09", pres)
    assert ms["Bộ Tài chính Mỹ"].kind == "organization" and ms["Bộ Tài chính Mỹ"].country == "United States"


def test_two_bodies_joined_by_va_stay_two_and_a_comma_alone_joins_nothing(pres):
    ms = _by_text("Bộ Ngoại giao và Bộ Quốc phòng đã họp chiều 3/3.", "2026-03-04", pres)
    assert "Bộ Quốc phòng" in ms and not any("và Bộ" in t for t in ms)
    ms = _by_text("Đại diện Bộ Y tế, Hải Dương và Hưng Yên dự họp.", "2026-03-04", pres)
    assert not any(t.startswith("Bộ Y tế,") for t in ms)


def test_ban_ki_moon_is_still_a_person_after_a_title(pres):
    ms = _by_text("Cựu Tổng thư ký Ban Ki-moon phát biểu tại hội thảo.", "2025-03-04", pres)
    assert any(m.kind == "person" and "Ban Ki-moon" in t for t, m in ms.items())


def test_a_body_followed_by_another_country_is_that_country_s():
    """"Quốc hội Lào" is the National Assembly of Laos (a country-less body joined to its country,
    named with it); the bare "Bộ Ngoại giao" of the Vietnamese press is Vietnam's, but "Bộ Ngoại giao
    Nhật Bản" is Japan's (``of_country``): never Vietnam's ministry beside a country Japan."""
    full = Resources()
    text = ("Chủ tịch Quốc hội tiếp Đoàn đại biểu Quốc hội Lào. Bộ Ngoại giao Nhật Bản ra tuyên bố. "
            "Bộ Ngoại giao thông báo lịch trình. Bộ Ngoại giao Việt Nam họp báo.")
    got = {m.text: m for m in analyze_text(text, "2026-06-10", full)}
    assert (got["Quốc hội Lào"].name, got["Quốc hội Lào"].country) == ("National Assembly of Laos", "Laos")
    assert (got["Bộ Ngoại giao Nhật Bản"].name, got["Bộ Ngoại giao Nhật Bản"].country) == \
        ("Ministry of Foreign Affairs of Japan", "Japan")
    assert got["Bộ Ngoại giao"].name == got["Bộ Ngoại giao Việt Nam"].name == "Ministry of Foreign Affairs of Vietnam"
    db = full.actors
    assert db.country_of("National Assembly of Laos") == "Laos"
    assert db.country_of("Ministry of Foreign Affairs of Japan") == "Japan"
    assert db.country_of("Bank of Nowhere") is None          # " of " + no country: unknown as before


@pytest.mark.parametrize("text, body, person", [
    ("Bộ trưởng Bộ Nông nghiệp Trần Văn Hải đã tiếp đoàn doanh nghiệp Úc.", "Bộ Nông nghiệp", "Trần Văn Hải"),
    ("Thứ trưởng Bộ Tài chính Lê Thị Hoa tiếp Đại sứ Nhật Bản.", "Bộ Tài chính", "Lê Thị Hoa"),
], ids=["minister", "deputy-with-verb-after"])
def test_an_unknown_holder_named_after_his_body_is_a_person(pres, text, body, person):
    """"Bộ trưởng Bộ X <họ tên>": the capitalized syllables from a common family name on
    (references.yaml ``person_surnames``) are the office holder, not part of the body's name."""
    ms = _by_text(text, "2026-04-09", pres)
    got = [m for m in ms.values() if m.kind == "person" and m.name == person]
    assert got and body in got[0].text
    assert not any(m.kind == "organization" and person in m.text for m in ms.values())


@pytest.mark.parametrize("text, body", [
    ("Sở Y tế Hà Tĩnh thông báo lịch tiêm chủng.", "Sở Y tế"),
    ("Ban Tuyên giáo Trung ương tổ chức hội nghị.", "Ban Tuyên giáo Trung ương"),
])
def test_a_body_name_without_a_holder_stays_a_body(pres, text, body):
    ms = _by_text(text, "2026-04-09", pres)
    assert body in ms and ms[body].kind == "organization"
    assert not any(m.kind == "person" for m in ms.values())


@pytest.mark.parametrize("text, name, country", [
    ("Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên làm việc với doanh nghiệp Hàn Quốc.", "Nguyen Hong Dien", "Vietnam"),
    ("Đại diện Thương mại Mỹ Jamieson Greer trả lời báo giới về thuế quan.", "Jamieson Greer", "United States"),
    ("Bộ trưởng Thương mại Mỹ Howard Lutnick có bài phát biểu tại Detroit.", "Howard Lutnick", "United States"),
    ("Ngoại trưởng Cộng hòa Dân chủ (CHDC) Congo Thérèse Kayikwamba Wagner tới Addis Ababa.",
     "Therese Kayikwamba Wagner", "DR Congo"),
    ("Ngoại trưởng Rwanda Olivier Nduhungirehe trả lời phỏng vấn.", "Olivier Nduhungirehe", "Rwanda"),
    ("Bộ trưởng Quan hệ Đối ngoại Angola Téte António tiếp đoàn khách.", "Tete Antonio", "Angola"),
], ids=["trade-minister-vn", "ustr", "commerce", "drc-fm", "rwanda-fm", "angola-fm"])
def test_new_office_holders_of_2025_are_one_mention(pres, text, name, country):
    """people.yaml / roles.yaml: the title, the country and the name are one person mention (no
    "Congo Thérèse ..." candidate, no "Bộ Công Thương Nguyễn Hồng Diên" body)."""
    ms = _by_text(text, "2025-06-20", pres)
    got = [m for m in ms.values() if m.name == name]
    assert got and got[0].kind == "person" and got[0].country == country
    assert not any(m.via == "candidate" for m in ms.values())


def test_the_trade_minister_title_names_the_holder(pres):
    ms = _by_text("Bộ trưởng Công Thương phát biểu khai mạc hội chợ.", "2025-06-20", pres)
    assert any(m.name == "Nguyen Hong Dien" for m in ms.values())


@pytest.mark.parametrize("text, span", [
    ("Quyền Bộ trưởng Ngoại giao Lào Trần Văn Tư cũng dự lễ.", "Quyền Bộ trưởng Ngoại giao Lào Trần Văn Tư"),
    ("Ông gặp nguyên Thủ tướng Australia Kevin Rudd tại hội thảo.", "nguyên Thủ tướng Australia Kevin Rudd"),
    ("Quyền Tổng thống Hàn Quốc Choi Sang-mok điện đàm với Tổng thống Mỹ.", "Quyền Tổng thống Hàn Quốc Choi Sang-mok"),
], ids=["acting-candidate", "former-candidate", "acting-known"])
def test_a_title_prefix_belongs_to_the_person_s_span(pres, text, span):
    """references.yaml ``title_prefixes``: "quyền", "nguyên", "cựu" before a title are the person's."""
    ms = _by_text(text, "2025-01-10", pres)
    assert span in ms and ms[span].kind == "person"


def test_a_prefix_word_before_no_title_stays_out(pres):
    ms = _by_text("Bảo vệ quyền con người là ưu tiên của Thủ tướng Nhật Bản.", "2025-01-10", pres)
    assert not any(t.lower().startswith("quyền") for t in ms)
    ms = _by_text("Ông Trần Văn Nguyên gặp Thủ tướng Lào.", "2025-01-10", pres)
    assert not any(t.startswith("Nguyên Thủ tướng") for t in ms)


def test_johannesburg_is_a_city_of_south_africa(pres):
    ms = _by_text("Hội nghị khai mạc tại Johannesburg chiều nay.", "2025-11-22", pres)
    assert ms["Johannesburg"].kind == "place" and ms["Johannesburg"].country == "South Africa"


@pytest.mark.parametrize("text, name", [
    ("Tháng 3, Phó Thủ tướng Hồ Đức Phớc đã thăm Mỹ.", "Hồ Đức Phớc"),
    ("Phó Chủ tịch Quốc hội Nguyễn Đức Hải thăm Lào.", "Nguyễn Đức Hải"),
    ("Bộ trưởng Lê Đức Anh phát biểu tại hội nghị.", "Lê Đức Anh"),
], ids=["phoc", "hai", "two-country-syllables"])
def test_a_country_syllable_inside_a_titled_vietnamese_name_is_the_name(pres, text, name):
    """"Phó Thủ tướng Hồ Đức Phớc": after a family name (``person_surnames``), "Đức" / "Anh" are
    syllables of the name, not Germany or the United Kingdom."""
    ms = _by_text(text, "2025-07-03", pres)
    got = [m for m in ms.values() if m.kind == "person" and m.name == name]
    assert got and not any(m.name in ("Germany", "United Kingdom") for m in ms.values())


def test_a_country_after_a_title_and_before_a_foreign_name_stays_a_country(pres):
    ms = _by_text("Thủ tướng Đức Olaf Scholz thăm Pháp.", "2024-07-03", pres)
    assert any(m.name == "Olaf Scholz" and m.country == "Germany" for m in ms.values())


# ------------------------------------------------------------------ thirteenth set (helper-d)

def test_an_unknown_person_takes_the_country_of_the_titles_after_him(pres):
    text = ("Trung tướng Vongsa Phommachak, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Quốc phòng Lào, đã tới Hà Nội. "
            "Chiều cùng ngày, Trung tướng Vongsa Phommachak dự tiệc chiêu đãi.")
    from sukien.vi.sentences import split_sentences as _split
    sents = _split(text, line_segments(text))
    find_actors(text, sents, Anchor("2026-02-03", "pub_date", 1.0), pres)
    named = [m for s in sents for m in s.actors if m.name == "Vongsa Phommachak"]
    assert len(named) == 2 and all(m.country == "Laos" for m in named)      # the second mention too


@pytest.mark.parametrize("text", [
    "Ông Karl Ostrander, đại sứ tại Lào, đã trình quốc thư.",           # the post's place is no country of his
    "Ông Karl Ostrander cho biết Lào sẵn sàng hợp tác.",                 # no apposition
    "Ông Karl Ostrander, người từng sống ở Lào, phát biểu.",             # no title opens the apposition
])
def test_a_country_outside_an_office_apposition_is_not_the_persons(pres, text):
    ms = [m for m in _by_text(text, "2026-02-03", pres).values() if m.name == "Karl Ostrander"]
    assert ms and ms[0].country is None


# ---- held-out 15 round (helper-d): a sub-national office title, its jurisdiction, then the holder

@pytest.mark.parametrize("text, person, place", [
    ("Thống đốc bang Utah Spencer Cox gửi thư cho Tổng thống.", "Spencer Cox", "Utah"),       # unknown state
    ("Thủ hiến Manitoba Wab Kinew phản đối thuế quan mới.", "Wab Kinew", "Manitoba"),
    ("Thủ hiến bang Alberta Danielle Smith gửi thư cho Thủ tướng.", "Danielle Smith", "Alberta"),  # known place
])
def test_a_jurisdiction_between_a_title_and_a_name_is_no_part_of_the_name(res, text, person, place):
    ms = analyze_text(text, "2025-10-09", res)
    assert person in [m.name for m in ms if m.kind == "person"], [(m.name, m.kind) for m in ms]
    assert place in [m.name for m in ms if m.kind == "place"], [(m.name, m.kind) for m in ms]
    assert not any(place in (m.name or "") and m.kind == "person" for m in ms)


@pytest.mark.parametrize("text, person", [
    ("Thống đốc Nguyễn Thị Hồng phát biểu tại hội nghị.", "Nguyễn Thị Hồng"),   # a Vietnamese name: whole
    ("Thống đốc Spencer Cox phát biểu tại hội nghị.", "Spencer Cox"),           # two words: the holder alone
])
def test_a_name_right_after_a_jurisdiction_title_stays_whole(res, text, person):
    ms = analyze_text(text, "2025-10-09", res)
    assert person in [m.name for m in ms if m.kind == "person"], [(m.name, m.kind) for m in ms]
    assert not any(m.kind == "place" for m in ms)


def test_canadian_officials_and_provinces_are_known(pres):
    ms = _by_text("Thủ hiến bang Ontario Doug Ford gửi thư cho ông Carney, còn ông LeBlanc điện đàm với "
                  "Bộ trưởng Thương mại Mỹ.", "2025-10-09", pres)
    assert ms["Doug Ford"].name == "Doug Ford" and ms["Doug Ford"].country == "Canada"
    assert ms["ông LeBlanc"].name == "Dominic LeBlanc"
    assert ms["bang Ontario"].kind == "place" and ms["bang Ontario"].country == "Canada"


def test_jurisdiction_titles_examples_and_negatives(res):
    refs = yaml.safe_load((PACKAGE_DATA / "actors" / "references.yaml").read_text(encoding="utf-8"))
    jt = refs["jurisdiction_titles"]
    for ex in jt["examples"]:
        persons = [m.name for m in analyze_text(ex, "2025-10-09", res) if m.kind == "person" and m.via == "candidate"]
        assert persons and all(len(p.split()) == 2 for p in persons), (ex, persons)
    for ex in jt["negatives"]:
        ms = analyze_text(ex, "2025-10-09", res)
        assert not any(m.kind == "place" and m.via == "candidate" for m in ms), ex
