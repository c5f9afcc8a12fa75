"""textnorm: matching form, tone placement, offset map back to the original (NFC and NFD input)."""
from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from sukien.textnorm import ascii_name, fold, match_form, normalize_tones

SYLLABLES = ["hoà", "hòa", "thuỷ", "thủy", "khoẻ", "khỏe", "hoá", "quý", "Việt", "Nam", "Đà", "Nẵng", "người",
             "Tổng", "thống", "điện", "đàm", "ngừng", "bắn", "HOÀ", "Thuý", "tuỳ", "xoá", "loè", "Khoả",
             "Putin", "Trump", "ưu", "ươn", "toán", "khuyến", "ông", "Ushakov", "1.000", "30", "“", "”", "–"]
SEPARATORS = [" ", " ", ", ", ". ", "\n", " - ", "\u00a0", ": "]

text_strategy = st.lists(st.tuples(st.sampled_from(SYLLABLES), st.sampled_from(SEPARATORS)),
                         min_size=1, max_size=30).map(lambda parts: "".join(a + b for a, b in parts))


def _check_round_trip(text: str) -> None:
    mf = match_form(text)
    # every word of the matching form maps back to original characters with the same matching form
    for m in re.finditer(r"\w+", mf.text):
        s, e = mf.span_to_orig(m.start(), m.end())
        assert 0 <= s <= e <= len(text)
        assert match_form(text[s:e]).text == m.group(0), (text, m.group(0), text[s:e])
    # the whole string maps to the whole original
    assert mf.span_to_orig(0, len(mf.text)) == (0, len(text))


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_offsets_round_trip_on_nfc_input(text):
    _check_round_trip(unicodedata.normalize("NFC", text))


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_offsets_round_trip_on_nfd_input(text):
    _check_round_trip(unicodedata.normalize("NFD", text))


@settings(max_examples=200, deadline=None)
@given(text_strategy)
def test_nfc_and_nfd_have_the_same_matching_form(text):
    assert match_form(unicodedata.normalize("NFD", text)).text == match_form(unicodedata.normalize("NFC", text)).text


def test_tone_placement_variants_are_equal():
    assert match_form("hoà").text == match_form("hòa").text == "hòa"
    assert match_form("thuỷ").text == match_form("thủy").text == "thủy"
    assert match_form("Khoẻ").text == "khỏe"
    assert normalize_tones("hoàn toàn") == "hoàn toàn"          # closed syllables are left alone
    assert normalize_tones("quý") == "quý"                        # qu + y: the tone stays on y


def test_nfc_input_keeps_the_identity_map():
    mf = match_form("Tổng thống “Putin” – hoà bình")
    assert mf.text == 'tổng thống "putin" - hòa bình'
    assert mf.span_to_orig(3, 8) == (3, 8)


def test_fold_and_ascii_name():
    assert fold("Đà Nẵng") == "da nang"
    assert ascii_name("Tô Lâm") == "To Lam"


def _reference_normalize_tones(text: str) -> str:
    """The plain definition: re-tone every word (normalize_tones only visits candidate words)."""
    from sukien.textnorm import _retone_word_nfd
    nfc = unicodedata.normalize("NFC", text)

    def fix(m):
        w = m.group(0)
        if len(w) > 7 or len(w) < 2:
            return w
        d = unicodedata.normalize("NFD", w)
        r = _retone_word_nfd(d)
        return w if r == d else unicodedata.normalize("NFC", r)
    return re.sub(r"\w+", fix, nfc)


@settings(max_examples=300, deadline=None)
@given(st.one_of(text_strategy, st.text(alphabet=st.sampled_from(list("oOuUaAeEyYqQhHtT ,.\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")), max_size=40)))
def test_fast_normalize_tones_equals_the_plain_definition(text):
    assert normalize_tones(text) == _reference_normalize_tones(text)


def test_fast_normalize_tones_on_real_articles(seeds_dir):
    for f in sorted(seeds_dir.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        assert normalize_tones(text) == _reference_normalize_tones(text), f.name
