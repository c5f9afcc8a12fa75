"""decode: UTF-8/BOM, UTF-16, Windows-1258, legacy TCVN3/VNI refusal, binary/empty/oversize."""
from __future__ import annotations

import unicodedata

import pytest

from sukien.decode import LEGACY_MESSAGE, decode_bytes, detect_legacy_encoding, sniff_format
from sukien.models import SukienError

# Our own sentences (not from the seeds).
VI_1 = ("Bộ trưởng Ngoại giao hai nước đã có cuộc hội đàm kéo dài hơn một giờ tại thủ đô. "
        "Hai bên nhất trí thúc đẩy hợp tác kinh tế, văn hóa và giáo dục trong năm tới.")
VI_2 = ("Ngày mai trời có mưa rào rải rác ở nhiều nơi, người dân nên chuẩn bị áo mưa khi ra đường. "
        "Nhiệt độ cao nhất khoảng ba mươi độ, gió nhẹ hướng đông nam.")
VI_LOWER = ("hai nước đã tiếp tục đối thoại về hợp tác kinh tế và văn hóa, đồng thời bàn về việc "
            "tổ chức một cuộc gặp cấp cao trong thời gian tới tại thủ đô của một nước thứ ba")


# ------------------------------------------------------------------ legacy encoders (test data makers)

_TCVN3 = dict(zip(
    "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵĂÂÊÔƠƯĐ",
    bytes([0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6, 0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB,
           0xAE, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1, 0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE,
           0xDF, 0xE1, 0xE2, 0xE3, 0xE4, 0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE,
           0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE,
           0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7])))


def to_tcvn3(text: str) -> bytes:
    return b"".join(bytes([_TCVN3[c]]) if c in _TCVN3 else c.encode("ascii") for c in text)


_VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_HAT = {"\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä", None: "â"}
_VNI_BREVE = {"\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë", None: "ê"}
_VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def to_vni(text: str) -> bytes:
    """VNI-Windows bytes of lower-case Vietnamese text (as a VNI font would store it)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        tone = next((m for m in marks if m in _VNI_TONE), None)
        if ch == "đ":
            out.append("ñ")
        elif "\u0302" in marks:                 # â ê ô (+ tone)
            out.append(base + _VNI_HAT[tone])
        elif "\u0306" in marks:                 # ă (+ tone)
            out.append(base + _VNI_BREVE[tone])
        elif "\u031b" in marks:                 # ơ ư (+ tone)
            out.append({"o": "ô", "u": "ö"}[base] + (_VNI_TONE[tone] if tone else ""))
        elif base == "i" and tone:
            out.append(_VNI_I[tone])
        elif base == "y" and tone == "\u0323":
            out.append("î")
        elif tone:
            out.append(base + _VNI_TONE[tone])
        else:
            out.append(ch)
    return "".join(out).encode("cp1252")


def to_cp1258(text: str) -> bytes:
    """Windows-1258 bytes: base letters (â, ơ, ...) plus a separate combining tone mark."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in d if m in _VNI_TONE)
        base = unicodedata.normalize("NFC", "".join(m for m in d if m not in _VNI_TONE))
        out += base.encode("cp1258") + tones.encode("cp1258")
    return out


# ------------------------------------------------------------------ decoding

def test_decode_utf8_with_and_without_bom_keeps_text_as_decoded():
    nfd = unicodedata.normalize("NFD", VI_1)
    text, enc = decode_bytes(nfd.encode("utf-8"))
    assert enc == "utf-8" and text == nfd                      # not normalized: offsets stay valid
    text, enc = decode_bytes(b"\xef\xbb\xbf" + VI_1.encode("utf-8"))
    assert enc == "utf-8-sig" and text == VI_1                 # BOM dropped


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_decode_utf16(codec):
    data = VI_2.encode(codec)
    if codec == "utf-16-le":
        data = b"\xff\xfe" + data
    elif codec == "utf-16-be":
        data = b"\xfe\xff" + data
    text, enc = decode_bytes(data)
    assert text == VI_2 and enc == "utf-16"


def test_decode_utf16_without_bom_is_recognised():
    text, enc = decode_bytes(VI_2.encode("utf-16-le"))
    assert text == VI_2 and enc == "utf-16-le"


def test_decode_cp1258_composes_tone_marks():
    data = to_cp1258(VI_1)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"\xf2" in data or b"\xec" in data                    # separate tone marks were used
    text, enc = decode_bytes(data)
    assert enc == "cp1258"
    assert text == unicodedata.normalize("NFC", VI_1)


@pytest.mark.parametrize("maker,name", [(to_tcvn3, "TCVN3"), (to_vni, "VNI")])
def test_legacy_encodings_are_refused_with_a_clear_message(maker, name):
    data = maker(VI_LOWER)
    with pytest.raises(SukienError) as ei:
        decode_bytes(data, "old.txt")
    assert LEGACY_MESSAGE in str(ei.value) and "old.txt" in str(ei.value) and name in str(ei.value)
    # the same mojibake already converted to UTF-8 (a common accident) is refused too
    mojibake = data.decode("cp1252").encode("utf-8")
    with pytest.raises(SukienError, match="legacy Vietnamese encoding"):
        decode_bytes(mojibake, "old-utf8.txt")


def test_vni_sample_shows_the_characteristic_patterns():
    view = to_vni("việt nam hòa bình").decode("cp1252")
    assert "vieät" in view and "hoøa" in view
    assert detect_legacy_encoding(view * 3) == "VNI"


def test_no_legacy_false_positive_on_real_articles(seeds_dir):
    for f in sorted(seeds_dir.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        assert detect_legacy_encoding(text) is None, f.name
        assert detect_legacy_encoding(unicodedata.normalize("NFD", text)) is None, f.name
    assert detect_legacy_encoding(VI_1 + VI_2 + " hoà thuỷ hoá khoẻ quý") is None


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"  \n\t \n", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file (PNG image)"),
    (b"%PDF-1.7\n" + bytes(200), "binary file (PDF"),
    (bytes(range(256)) * 8, "binary"),
    (b"abc\x81\x8d\x8e\x90\x9d\xc3(" * 20, "undecodable"),
])
def test_bad_bytes_give_a_reason(data, reason):
    with pytest.raises(SukienError) as ei:
        decode_bytes(data, "bad.bin")
    assert reason in str(ei.value) and "bad.bin" in str(ei.value)


def test_size_cap():
    with pytest.raises(SukienError, match="over the size cap"):
        decode_bytes(VI_1.encode() * 10, "big.txt", max_bytes=100)


def test_sniff_format():
    assert sniff_format('{"id": "a", "text": "x"}\n') == "jsonl"
    assert sniff_format("<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert sniff_format("---\ntitle: x\n---\nnội dung") == "md"
    assert sniff_format("Một dòng văn bản.") == "txt"


# Regression: valid UTF-8 Vietnamese news that quotes foreign names whose letters happen to form
# VNI-like pairs ("Araújo" → "aú", "Raphaël" → "aë") was refused as legacy-encoded.
_FOREIGN_NAMES_VI = (
    "Ông Ernesto Araújo tiếp Bộ trưởng Ngoại giao tại thủ đô trong chuyến thăm chính thức.\n"
    "Ông Ernesto Araújo cho rằng hai bên cần tăng cường hợp tác kinh tế và đầu tư.\n"
    "Sau cuộc gặp, ông Araújo và ông Raphaël Glucksmann đã họp báo chung.\n"
    "Người phát ngôn cho biết ông Araújo đồng ý rằng một lệnh ngừng bắn là cần thiết.\n"
)


@pytest.mark.parametrize("repeat", [1, 3, 10])
def test_no_legacy_false_positive_on_foreign_names_in_utf8_vietnamese(repeat):
    text = _FOREIGN_NAMES_VI * repeat
    assert detect_legacy_encoding(text) is None
    assert decode_bytes(text.encode("utf-8"), "araujo.txt") == (text, "utf-8")


def test_legacy_detection_needs_varied_patterns_not_one_repeated_name():
    # no Vietnamese letters at all, only one VNI-like pair repeated: not legacy either
    text = "Ernesto Araújo " * 40
    assert detect_legacy_encoding(text) is None


def test_legacy_text_with_a_few_foreign_names_is_still_refused():
    data = to_vni(VI_LOWER)
    view = data.decode("cp1252") + " Araújo Araújo"
    assert detect_legacy_encoding(view) == "VNI"


def test_control_ratio_counts_exactly_the_control_characters():
    from sukien.decode import _control_ratio
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for text in (every, every[:15000], "a\x00b", "\t\n\r\f\v", "x" * 30000 + "\x01", "\x85\x9f\x7f text", ""):
        sample = text[:20000]
        ref = (sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f\v") / len(sample)
               if sample else 0.0)
        assert _control_ratio(text) == ref


_T1, _T2 = to_tcvn3(VI_1).decode("latin-1"), to_tcvn3(VI_2).decode("latin-1")


@pytest.mark.parametrize("text", [VI_1, VI_2, VI_LOWER, VI_1 * 5, _T1, _T2 * 3, "", "abc", "ẠẠẠ " + _T1 * 2,
                                  VI_1[:500] + _T2 * 4, VI_1 * 3 + _T2 * 20, _T2 * 20 + VI_1 * 3])
def test_legacy_detection_with_the_early_exit_agrees_with_the_full_count(text):
    import sukien.decode as dec

    def reference(t: str) -> str | None:
        proper = len(dec._PROPER_VI_RE.findall(t))
        if proper * 2 >= dec._PROPER_VI_RATIO * (len(t) + 1):
            return None
        words = max(1, len(t.split()))
        if proper / words >= dec._PROPER_VI_RATIO:
            return None
        for name, rx in (("TCVN3", dec._TCVN3_RE), ("VNI", dec._VNI_RE)):
            found = rx.findall(t)
            if len(found) >= 3 and len(found) / words >= 0.02 and len(set(found)) >= 2:
                return name
        return None
    assert detect_legacy_encoding(text) == reference(text)
