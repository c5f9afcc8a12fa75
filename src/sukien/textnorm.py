"""Matching form of Vietnamese text, with an offset map back to the original.

The original text is kept untouched for display and offsets. Matching (actor
aliases, triggers, search) runs over a *matching form*:

* NFC composition,
* one tone-mark placement (the "new style": ``hoà`` → ``hòa``, ``thuỷ`` → ``thủy``,
  ``hoá`` → ``hóa``, ``uỳ`` → ``ùy``),
* lower case (optional),
* typographic quotes and dashes folded to ASCII.

``fold`` additionally removes diacritics (``đ`` → ``d``) for accent-insensitive
search; it is never used to identify names.

``MatchForm.to_orig`` maps an offset in the matching form back to the original.
When the normalized text has the same length as the original (the common case:
already-NFC input), the map is the identity and costs nothing.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Two tone placements exist for open syllables oa/oe/uy: "hòa/hoà", "thủy/thuỷ", "khỏe/khoẻ".
# The matching form uses the placement on the first vowel (hòa, thủy), the common one in the
# press. Closed syllables (hoàn, toán, khuyến) are the same in both styles and are left alone.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}   # grave, acute, tilde, hook above, dot below
_PAIRS = {("o", "a"), ("o", "e"), ("u", "y")}

_PUNCT = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-",
                        "\u2014": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " "})


def _retone_word_nfd(d: str) -> str:
    """In one NFD word, move a tone from a/e/y of a final open oa/oe/uy onto the o/u."""
    # find the last two base letters
    bases = [i for i, c in enumerate(d) if not unicodedata.combining(c)]
    if len(bases) < 2:
        return d
    i1, i2 = bases[-2], bases[-1]
    first, second = d[i1], d[i2]
    if (first.lower(), second.lower()) not in _PAIRS:
        return d
    if i2 != i1 + 1:               # the o/u carries a mark (ô, ơ, ư, or a tone already)
        return d
    if first.lower() == "u" and len(bases) >= 3 and d[bases[-3]].lower() == "q":
        return d                   # "quý": u belongs to the consonant qu
    marks = d[i2 + 1:]
    tone = [c for c in marks if c in _TONES]
    if not tone:
        return d
    rest = "".join(c for c in marks if c not in _TONES)
    return d[:i1 + 1] + tone[0] + second + rest


_WORD = re.compile(r"\w+", re.UNICODE)
# Only words ending in o/u + a tone-marked a/e/y letter can change ("hoà", "thuỷ", "khoẻ"):
# matching just those keeps normalize_tones fast on long texts (same result as every \w+ word).
_TONED_AEY = "".join(sorted(
    ch for ch in map(chr, range(0xC0, 0x1F00))
    if unicodedata.normalize("NFD", ch)[:1] in ("a", "e", "y", "A", "E", "Y")
    and any(m in _TONES for m in unicodedata.normalize("NFD", ch)[1:])))
_CANDIDATE = re.compile(rf"(?<!\w)\w*[oOuU][{_TONED_AEY}](?!\w)")


def normalize_tones(text: str) -> str:
    """NFC text with one tone-mark placement ("hoà" → "hòa"). Length-preserving on NFC input."""
    nfc = unicodedata.normalize("NFC", text)
    if not any(c in nfc for c in "oOuU"):
        return nfc

    def fix(m: re.Match) -> str:
        w = m.group(0)
        if len(w) > 7 or len(w) < 2:
            return w
        d = unicodedata.normalize("NFD", w)
        r = _retone_word_nfd(d)
        return w if r == d else unicodedata.normalize("NFC", r)

    return _CANDIDATE.sub(fix, nfc)


@dataclass
class MatchForm:
    text: str                    # matching form
    _starts: list[int] | None    # None = identity map; else original start offset of each char
    orig_len: int

    def to_orig(self, i: int) -> int:
        """Map an offset in the matching form to the original text."""
        if self._starts is None:
            return i
        if i >= len(self._starts):
            return self.orig_len
        return self._starts[i]

    def span_to_orig(self, start: int, end: int) -> tuple[int, int]:
        if self._starts is None:
            return start, end
        s = self.to_orig(start)
        if end <= start:
            return s, s
        # extend e over combining characters of the original that belong to the last char:
        # the span ends where the next original cluster starts
        last = self.to_orig(end - 1)
        for k in range(end, len(self._starts)):
            if self._starts[k] > last:
                return s, self._starts[k]
        return s, self.orig_len


def match_form(text: str, lower: bool = True) -> MatchForm:
    """Build the matching form of ``text`` with an offset map to the original."""
    norm = normalize_tones(text).translate(_PUNCT)
    if lower:
        norm = norm.lower()
    if len(norm) == len(text):
        return MatchForm(norm, None, len(text))
    # Length changed (NFD input, or a lower() that changes length): build a per-char map
    # by normalizing each grapheme cluster (base + combining marks) independently.
    out: list[str] = []
    starts: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = normalize_tones(text[i:j]).translate(_PUNCT)
        if lower:
            piece = piece.lower()
        out.append(piece)
        starts.extend([i] * len(piece))
        i = j
    mt = "".join(out)
    # tone re-placement across clusters (oà → òa) must still happen on the whole string;
    # it is length-preserving on NFC text, so the map stays valid.
    mt2 = normalize_tones(mt)
    if len(mt2) == len(mt):
        mt = mt2
    return MatchForm(mt, starts, n)


def fold(text: str) -> str:
    """Accent-insensitive key for search: lower case, no diacritics, đ → d."""
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    t = "".join(c for c in t if not unicodedata.combining(c))
    return t.lower()


def ascii_name(text: str) -> str:
    """Vietnamese name without diacritics, case kept ("Tô Lâm" → "To Lam")."""
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in t if not unicodedata.combining(c)))


__all__ = ["MatchForm", "match_form", "normalize_tones", "fold", "ascii_name"]
