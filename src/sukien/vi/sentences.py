"""Sentence splitting over the kept segments of a document.

A fast pure-regex splitter (underthesea's sent_tokenize is ~50x slower and splits "TP. HCM"-like
abbreviations no better). Rules:

* every line of a kept segment is at least one sentence (headlines have no final punctuation);
* a boundary is ``.``/``!``/``?``/``…``/``...`` (plus closing quotes/brackets) followed by
  whitespace and an upper-case letter, a digit or an opening quote/bracket;
* no boundary after an abbreviation (``TP.``, ``Mr.``, ``Dr.``, ``St.``, ``TS.``), after a single
  upper-case initial (``N.V.A.``), inside numbers (``18/3/2025``, ``5,26%``, ``3.184``);
* a quotation that closes on the same line stays in one sentence (a quoted multi-sentence speech
  with its "– Ông X nói" tail), unless it is very long;
* a closing quote after the final period belongs to the sentence.
"""
from __future__ import annotations

import re

from ..models import Segment, Sentence

_ABBREV = frozenset("""tp tt mr mrs ms dr st prof ts ths pgs gs ks bs ls th tr vs v.v etc no jr sr
co inc ltd corp gen col lt capt sgt mt ft vol ed eds al e.g i.e p ph q""".split())

_UP = "".join(chr(c) for c in range(0x41, 0x1F00) if chr(c).isupper())

# candidate boundary: terminal punctuation run, optional closing quotes/brackets, whitespace,
# then something that can start a sentence. The run is one character class (the same matches as
# "(?:\.{3}|…|[.!?])+": the run always ends where the punctuation ends), so ``re`` can skip ahead
# to the next candidate character instead of trying the pattern at every position.
_BOUNDARY = re.compile(
    r"(?P<term>[.!?…]+)(?P<close>[\"”’'»)\]]*)(?P<ws>\s+)(?=[%s0-9\"“‘«(\[„\-–—])" % re.escape(_UP))
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_LINE = re.compile(r"[^\n]+")

MAX_QUOTE = 700          # a quotation longer than this may be split inside


_QUOTE_SPAN = re.compile(r'“[^”"\n]*[”"]|"[^"”\n]*["”]')


def _quote_spans(line: str) -> list[tuple[int, int]]:
    """Spans of quotations that open and close within the line (straight or curly quotes)."""
    return [m.span() for m in _QUOTE_SPAN.finditer(line)]


def _word_before(line: str, lo: int, end: int) -> str | None:
    """``_WORD_BEFORE.search(line, lo, end).group(1)`` (None without a match); ``str.rfind`` when
    the piece after the last space is letters, digits and dots only."""
    sp = line.rfind(" ", lo, end)
    w = line[sp + 1 if sp >= 0 else lo:end]
    if w.replace(".", "").isalnum():          # all [\w.], bounded by a space or ``lo``: the whole run
        return w
    m = _WORD_BEFORE.search(line, lo, end)
    return m.group(1) if m else None


def _is_abbrev(line: str, term_start: int) -> bool:
    w = _word_before(line, max(0, term_start - 24), term_start)
    if not w:
        return False
    if not w or "." in w and all(len(p) <= 1 for p in w.split(".") if p):
        # initials like "N.V.A" or "U.S"
        return any(ch.isupper() for ch in w)
    last = w.rsplit(".", 1)[-1]
    if len(last) == 1 and last.isupper():      # a single initial: "ông N." / "George W."
        return True
    return last.lower() in _ABBREV


def _split_line(line: str) -> list[tuple[int, int]]:
    """Sentence spans (relative to the line), stripped of surrounding whitespace."""
    if "." not in line and "!" not in line and "?" not in line and "…" not in line:
        return [_strip(line, 0, len(line))]
    quotes = None
    cuts = []
    for m in _BOUNDARY.finditer(line):
        ts = m.start("term")
        term = m.group("term")
        if term == "." and _is_abbrev(line, ts):
            continue
        cut = m.start("ws")
        if quotes is None:
            quotes = [q for q in _quote_spans(line) if q[1] - q[0] <= MAX_QUOTE]
        if any(qs < cut < qe for qs, qe in quotes):
            continue                        # inside a quotation that closes on this line
        nxt = line[m.end():m.end() + 2]
        if term in ("...", "…") and nxt[:1] in "-–—":
            continue
        if nxt[:1] in "-–—" and m.group("close"):
            # '"...!" – Ông X nói': the speaker tail belongs to the quote
            continue
        cuts.append(cut)
    spans = []
    s = 0
    for c in cuts:
        spans.append(_strip(line, s, c))
        s = c
    spans.append(_strip(line, s, len(line)))
    return [sp for sp in spans if sp[1] > sp[0]]


def _strip(line: str, s: int, e: int) -> tuple[int, int]:
    if s < e and not line[s].isspace() and not line[e - 1].isspace():
        return s, e                           # the usual case: nothing to strip
    while s < e and line[s].isspace():
        s += 1
    while e > s and line[e - 1].isspace():
        e -= 1
    return s, e


def split_sentences(text: str, segments: list[Segment]) -> list[Sentence]:
    """Sentences of the kept segments, with offsets into ``text``."""
    out: list[Sentence] = []
    for p, seg in enumerate(segments):
        chunk = text[seg.start:seg.end]
        if "\n" not in chunk:                # one line (the usual segment): no line split
            lines = ((chunk, seg.start),) if chunk else ()
        else:
            lines = ((lm.group(0), seg.start + lm.start()) for lm in _LINE.finditer(chunk))
        role = seg.role
        for line, base in lines:
            if line.isspace():
                continue
            # positional: (start, end, text, index, paragraph, role)
            for s, e in _split_line(line):
                out.append(Sentence(base + s, base + e, line[s:e], len(out), p, role))
    return out


def line_segments(text: str, role: str = "body") -> list[Segment]:
    """One body segment per non-empty line (fallback when no cleaning result is available)."""
    segs = []
    for m in _LINE.finditer(text):
        s, e = _strip(text, m.start(), m.end())
        if e > s:
            segs.append(Segment(s, e, role))       # type: ignore[arg-type]
    return segs


__all__ = ["split_sentences", "line_segments"]
