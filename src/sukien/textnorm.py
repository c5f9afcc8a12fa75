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
# Only words ending in o/u + a tone-marked a/e/y letter can change ("hoà", "thuỷ", "khoẻ").
_TONED_AEY = "".join(sorted(
    ch for ch in map(chr, range(0xC0, 0x1F00))
    if unicodedata.normalize("NFD", ch)[:1] in ("a", "e", "y", "A", "E", "Y")
    and any(m in _TONES for m in unicodedata.normalize("NFD", ch)[1:])))


def _build_moves() -> dict[str, str]:
    """Every old-style final pair (NFC "oà", "uỷ", "Oẻ" ...) -> its new-style form ("òa", "ủy",
    "Ỏe"), derived from ``_retone_word_nfd`` itself so the fast path cannot disagree with it."""
    moves = {}
    for o in "oOuU":
        for ch in _TONED_AEY:
            pair = o + ch
            r = unicodedata.normalize("NFC", _retone_word_nfd(unicodedata.normalize("NFD", pair)))
            if r != pair:
                moves[pair] = r
    return moves


_MOVES = _build_moves()
_OLD_PAIR = re.compile("[oOuU][%s]" % "".join(sorted({k[1] for k in _MOVES})))   # no look-arounds: fast
# the same pairs at the end of a word only (``\w`` is ``str.isalnum()`` or "_"): the others never move
_OLD_PAIR_END = re.compile(_OLD_PAIR.pattern + r"(?!\w)")


def _retone_nfc(text: str) -> str:
    """``normalize_tones`` for NFC text: one regex over the old-style pairs instead of a callback
    per word. A pair changes only at the end of a word of 2..7 characters, and "uy" not after "q"
    ("quý"), exactly as ``_retone_word_nfd`` decides (the tests check both agree)."""
    if not _OLD_PAIR.search(text):
        return text
    out, last, n = [], 0, len(text)
    for m in _OLD_PAIR_END.finditer(text):
        i, j = m.start(), m.end()
        if j < n and (text[j].isalnum() or text[j] == "_"):
            continue                             # not the end of the word
        k = i                                    # the word starts at k: at most 7 characters long
        while k > 0 and i - k < 5 and (text[k - 1].isalnum() or text[k - 1] == "_"):
            k -= 1
        if k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_"):
            continue                             # longer than 7 characters: not one syllable
        if k < i and text[i] in "uU" and text[i - 1] in "qQ":
            continue                             # "quý": u belongs to the consonant qu
        rep = _MOVES.get(m.group(0))
        if rep is None:
            continue
        out.append(text[last:i])
        out.append(rep)
        last = j
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def normalize_tones(text: str) -> str:
    """NFC text with one tone-mark placement ("hoà" → "hòa"). Length-preserving on NFC input."""
    nfc = text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
    if not any(c in nfc for c in "oOuU"):
        return nfc
    return _retone_nfc(nfc)


def old_tone_form(text: str) -> str:
    """The old-style placement of lower-case ``text`` ("thỏa" → "thoả"): the second spelling to look
    for when a pattern is searched in the original text rather than in the matching form."""
    return _NEW_STYLE.sub(lambda m: _NEW_TO_OLD[m.group(0)], text)


# only the Vietnamese pairs (plain a/e/y with one of the five tones), lower case
_NEW_TO_OLD = {v: k for k, v in _MOVES.items()
               if k.islower() and unicodedata.normalize("NFD", k[1])[0] in "aey"
               and len(unicodedata.normalize("NFD", k[1])) == 2}
_NEW_STYLE = re.compile("|".join(map(re.escape, sorted(_NEW_TO_OLD))))
_PUNCT_PAIRS = [(chr(a), b) for a, b in _PUNCT.items()]


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
    """Build the matching form of ``text`` with an offset map to the original.

    NFC input (the common case) takes the fast path: tone re-placement by one regex, punctuation
    by a few ``str.replace`` calls; the map is the identity when the length is unchanged."""
    if unicodedata.is_normalized("NFC", text):
        norm = _retone_nfc(text)
        for a, b in _PUNCT_PAIRS:
            if a in norm:
                norm = norm.replace(a, b)
    else:
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


__all__ = ["MatchForm", "match_form", "normalize_tones", "old_tone_form", "fold", "ascii_name"]
