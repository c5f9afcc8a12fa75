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
