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


def _reference_match_form_text(text: str) -> str:
    """The plain definition of the matching form (what match_form computed before its NFC fast
    path): re-tone every word, fold punctuation with str.translate, lower case; per grapheme
    cluster when the length changes."""
    from sukien.textnorm import _PUNCT
    norm = _reference_normalize_tones(text).translate(_PUNCT).lower()
    if len(norm) == len(text):
        return norm
    out, i, n = [], 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        out.append(_reference_normalize_tones(text[i:j]).translate(_PUNCT).lower())
        i = j
    mt = "".join(out)
    mt2 = _reference_normalize_tones(mt)
    return mt2 if len(mt2) == len(mt) else mt


TONE_ALPHABET = list("oOuUaAeEyYqQhHtTđ_1 ,.\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\u201c\u2013İ")


# a word ending in an old-style pair, with a prefix of 0..8 characters and something after it
_PAIRS_OLD = ["oà", "oá", "oả", "oã", "oạ", "oè", "oẻ", "uỳ", "uý", "uỷ", "Oà", "UỶ", "uÝ", "oầ", "oằ", "uà", "oý"]
word_strategy = st.tuples(st.text(alphabet=st.sampled_from(list("qQhtxđuô_1")), max_size=8), st.sampled_from(_PAIRS_OLD),
                          st.sampled_from(["", " ", "n", "_", ",", "\u0301", "9"])).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(text_strategy, st.text(alphabet=st.sampled_from(TONE_ALPHABET), max_size=40),
                 st.lists(word_strategy, min_size=1, max_size=4).map(" ".join), st.text(max_size=30)))
def test_match_form_fast_path_equals_the_plain_definition(text):
    """match_form's NFC fast path (one regex over old-style pairs, str.replace for punctuation)
    gives exactly the plain definition, on NFC and NFD input alike."""
    for t in (text, unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)):
        mf = match_form(t)
        assert mf.text == _reference_match_form_text(t), t
        if len(mf.text) == len(t):
            assert mf.span_to_orig(0, len(mf.text)) == (0, len(t))


def test_match_form_fast_path_on_real_articles(seeds_dir):
    samples = ["Hoà bình, THUỶ điện, khoẻ mạnh, quý vị, Toà án “Tối cao” – hoà.", "Ủy ban Uỷ ban", "thuở xưa",
               "quỷ quái QUÝ", "xxxxxhoà hoà", "xxxxhoà qoà", "Khoả thân, loè loẹt, Hoá, hoẵng"]
    samples += [f.read_text(encoding="utf-8") for f in sorted(seeds_dir.glob("*.txt"))]
    for s in samples:
        assert match_form(s).text == _reference_match_form_text(s)
        assert match_form(s)._starts is None          # NFC, length kept: identity map


def test_old_tone_form():
    from sukien.textnorm import old_tone_form
    assert old_tone_form("thỏa thuận hòa bình") == "thoả thuận hoà bình"
    assert match_form(old_tone_form("thủy điện khỏe")).text == "thủy điện khỏe"
