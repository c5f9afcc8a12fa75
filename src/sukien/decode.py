"""Decoding an input's bytes into text: UTF-8 (with or without BOM), UTF-16/32, Windows-1258
(decoded, then NFC-composed), and refusing what must not be stored: legacy Vietnamese font
encodings (TCVN3/ABC, VNI: detected from their characteristic byte patterns), binary files,
empty and oversize inputs. Errors are ``SukienError``s naming the input and the reason.
"""
from __future__ import annotations

import json
import re
import unicodedata

from .models import SukienError

LEGACY_MESSAGE = "legacy Vietnamese encoding TCVN3/VNI detected; convert to UTF-8"

_MAGIC = [(b"%PDF", "PDF document"), (b"\x89PNG", "PNG image"), (b"GIF8", "GIF image"),
          (b"\xff\xd8\xff", "JPEG image"), (b"PK\x03\x04", "ZIP archive (docx/xlsx/epub?)"),
          (b"\x1f\x8b", "gzip archive"), (b"\x7fELF", "executable"), (b"SQLite format 3\x00", "SQLite database"),
          (b"\xd0\xcf\x11\xe0", "MS Office document"), (b"BZh", "bzip2 archive"), (b"7z\xbc\xaf", "7z archive")]

# TCVN3 (ABC) puts Vietnamese letters on Latin-1 code points: à=µ ả=¶ ã=· á=¸ ạ=¹ ă=¨ â=© đ=® ê=ª
# ô=« ơ=¬ ư=(soft hyphen) ... so legacy text shows these symbols glued to letters ("Céng hoµ").
_TCVN3_SYMBOLS = "µ¶·¸¹¨»¼½¾©®ª«¬\xad"
_TCVN3_RE = re.compile(rf"[A-Za-z][{_TCVN3_SYMBOLS}]|[{_TCVN3_SYMBOLS}][a-z]|[a-z][\xc6-\xde][a-z]")
# VNI-Windows writes a base letter followed by a mark byte: à = "aø", á = "aù", ệ = "eä", ô = "oâ".
_VNI_RE = re.compile(r"[aeiouyAEIOUY][øùûï]|[aeAE][âäåãàáéèëúü]|[oO][âäåë]|\bñ[aeiouôö]")


# Proper Vietnamese precomposed letters (Latin Extended Additional: ạ ả ấ ầ ... ỹ). A single-byte
# decoding (Latin-1, Windows-1252/1258) of a legacy font encoding can never produce them, so text
# that has them in a normal proportion is real Unicode Vietnamese, whatever else it quotes: a
# foreign name such as "Araújo" shows the VNI pattern "aú" but is no sign of a legacy encoding.
_PROPER_VI_RE = re.compile("[\u1ea0-\u1ef9]")
_PROPER_VI_RATIO = 0.05   # per word; real Vietnamese has several times more, legacy text none


def detect_legacy_encoding(text: str) -> str | None:
    """"TCVN3" or "VNI" when ``text`` looks like a legacy Vietnamese font encoding read as Latin.

    Strict: the characteristic byte sequences must be frequent (>= 3 hits, >= 2% of the words)
    and varied (>= 2 distinct sequences, not one foreign name repeated), and the text must lack
    proper precomposed Vietnamese letters."""
    # cheap exit for ordinary Vietnamese (the common case): a text has at most (len + 1) / 2 words;
    # the count only grows with the text, and its first third usually has enough proper letters
    enough = _PROPER_VI_RATIO * (len(text) + 1)
    head = len(text) // 3
    if head >= 400 and len(_PROPER_VI_RE.findall(text, 0, head)) * 2 >= enough:
        return None
    proper = len(_PROPER_VI_RE.findall(text))
    if proper * 2 >= enough:
        return None
    words = max(1, len(text.split()))
    if proper / words >= _PROPER_VI_RATIO:
        return None
    for name, rx in (("TCVN3", _TCVN3_RE), ("VNI", _VNI_RE)):
        found = rx.findall(text)
        hits = len(found)
        if hits >= 3 and hits / words >= 0.02 and len(set(found)) >= 2:
            return name
    return None


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


# the control characters (category Cc: U+0000-001F, U+007F-009F) other than \t \n \v \f \r
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    return len(_CONTROL_RE.findall(sample)) / len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:4096]
    if len(head) < 4:
        return None
    even = head[0::2].count(0) / len(head[0::2])
    odd = head[1::2].count(0) / len(head[1::2])
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, origin: str = "<bytes>", *, max_bytes: int | None = None) -> tuple[str, str]:
    """Decode an input's bytes. Returns ``(text, encoding)``; raises ``SukienError`` naming
    ``origin`` and the reason for binary, empty, oversize, legacy-encoded or undecodable input.

    The text is kept as decoded (no normalization), except Windows-1258, whose separate
    combining tone marks are composed (NFC)."""
    def fail(reason: str) -> SukienError:
        return SukienError(reason, doc=origin, stage="decode")

    if max_bytes is not None and len(data) > max_bytes:
        raise fail(f"input is {len(data):,} bytes, over the size cap of {max_bytes:,} bytes (Config.max_bytes)")
    if not data.strip():
        raise fail("empty input (no text)")
    kind = _binary_kind(data)
    if kind:
        raise fail(f"binary file ({kind}), not text")

    text: str | None = None
    enc = ""
    if data.startswith(b"\xef\xbb\xbf"):
        enc = "utf-8-sig"
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        enc = "utf-32"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16"
    elif b"\x00" in data:
        enc = _utf16_without_bom(data) or ""
        if not enc:
            raise fail("binary content (NUL bytes), not text")
    if enc:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as exc:
            raise fail(f"undecodable: looks like {enc} but byte {exc.start} is invalid") from None
    else:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                raw1258 = data.decode("cp1258")
            except UnicodeDecodeError:
                latin = data.decode("latin-1")
                if detect_legacy_encoding(latin):
                    raise fail(f"{LEGACY_MESSAGE} ({detect_legacy_encoding(latin)})") from None
                raise fail("undecodable: not valid UTF-8, UTF-16 or Windows-1258") from None
            legacy = detect_legacy_encoding(raw1258)
            if legacy:
                raise fail(f"{LEGACY_MESSAGE} ({legacy})") from None
            text, enc = unicodedata.normalize("NFC", raw1258), "cp1258"
    if _control_ratio(text) > 0.01:
        raise fail("binary or non-text content (control characters)")
    legacy = detect_legacy_encoding(text)
    if legacy:
        raise fail(f"{LEGACY_MESSAGE} ({legacy})")
    if not text.strip():
        raise fail("empty input (no text)")
    return text, enc

def sniff_format(text: str) -> str:
    """Guess the format of stdin / URL content: jsonl, html, md or txt."""
    head = text.lstrip("\ufeff \t\r\n")[:2000]
    low = head.lower()
    if head.startswith("{"):
        first = head.splitlines()[0]
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            pass
    if low.startswith(("<!doctype html", "<html")) or re.search(r"<(?:body|p|div|article)\b", low):
        return "html"
    if head.startswith("---\n") or re.search(r"^#{1,6} \S", head, re.M):
        return "md"
    return "txt"


__all__ = ["LEGACY_MESSAGE", "decode_bytes", "detect_legacy_encoding", "sniff_format"]
