"""vi/pairs.py: short country forms of a dash pair ("Mỹ – Trung", "Việt – Nhật") on the package
dictionary; alone or next to a region they are nothing."""
from __future__ import annotations

import pytest

from sukien.config import Config, Resources
from sukien.models import Anchor
from sukien.vi.actors import find_actors
from sukien.vi.sentences import line_segments, split_sentences


@pytest.fixture(scope="module")
def res(tmp_path_factory):
    return Resources(Config(db=str(tmp_path_factory.mktemp("p") / "p.db")))


def _countries(text, res):
    sents = split_sentences(text, line_segments(text))
    find_actors(text, sents, Anchor("2025-05-10", "pub_date", 1.0), res)
    return [(m.text, m.name) for s in sents for m in s.actors if m.kind == "country"]


@pytest.mark.parametrize("text,want", [
    ("Hai bên nối lại đối thoại thương mại Mỹ – Trung tuần này.", [("Mỹ", "United States"), ("Trung", "China")]),
    ("Quan hệ Mỹ-Trung tiếp tục căng thẳng.", [("Mỹ", "United States"), ("Trung", "China")]),
    ("Diễn đàn doanh nghiệp Việt – Nhật thu hút 300 đại biểu.", [("Việt", "Vietnam"), ("Nhật", "Japan")]),
    ("Giao tranh biên giới Thái - Campuchia lắng dịu.", [("Thái", "Thailand"), ("Campuchia", "Cambodia")]),
])
def test_short_forms_next_to_a_dash_are_countries(text, want, res):
    assert _countries(text, res) == want


@pytest.mark.parametrize("text", [
    "Mưa lớn kéo dài ở miền Trung trong ba ngày.",
    "Đoàn công tác làm việc với các tỉnh miền Trung – Tây Nguyên.",
    "Hội chợ mở cửa vào Chủ Nhật.",
    "Ông Trung - giám đốc sở - phát biểu khai mạc.",
])
def test_short_forms_without_a_country_pair_are_nothing(text, res):
    assert not any(n in ("China", "Japan") for _, n in _countries(text, res))


def test_a_full_name_is_not_split(res):
    # negative: "Trung Quốc" stays one country mention
    assert _countries("Đối thoại Mỹ – Trung Quốc diễn ra tại Geneva.", res) == [
        ("Mỹ", "United States"), ("Trung Quốc", "China")]
