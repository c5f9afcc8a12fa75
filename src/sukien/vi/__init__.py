"""Vietnamese language layer: sentences, times, quantities, actors, attribution.

``analyze(doc, res)`` runs every unit over the kept segments of a document and returns an
``Analysis`` whose offsets point into ``doc.text``. See docs/LANGUAGE.md.

Speed: the document is lower-cased and put in matching form ONCE (``_DocForms``); one
Aho-Corasick pass over each (``scan.SentenceScan``) then says which sentences can hold anything
at all: a sentence without a temporal trigger word or digit gets no ``find_times`` call, one
without a digit or a number word followed by a unit gets no ``find_quantities`` call, one without
an attribution cue or quote gets no ``attribute`` call, and attribution reads a slice of the
document's matching form instead of building one per sentence. Each skip is exact: it only
happens where the per-sentence unit provably finds nothing (same keys, same characters).
"""
from __future__ import annotations

import unicodedata

from ..models import Analysis, Document, Sentence
from ..textnorm import _PUNCT_PAIRS, MatchForm, _retone_nfc, match_form
from .scan import A_QUOTE, ALL, ATTR, DIGIT, NUMWORD, TIME
from .sentences import line_segments, split_sentences


def _quote_balance(t: str) -> int:
    """1 when the sentence leaves a quotation open (or closes one), else 0. Straight and curly
    quotes are mixed in the wild (\"...\u201d), so they count as one pool."""
    return (t.count('"') + t.count("\u201c") + t.count("\u201d")) % 2


class _DocForms:
    """Document-level forms shared by the units of one ``analyze`` call.

    ``low``: the lower-cased text (same length, ``numbers.lower_same_length``), valid for the
    trigger prefilters only when the text is NFC (every slice of an NFC text is NFC, so the
    per-sentence units scan exactly these characters). ``mf``: the matching form of the whole text
    (built from ``low`` when no tone moves: ``tests/test_vi.py`` compares it with ``match_form``).
    ``slice_low``: ``low`` when every slice of it is the lower-cased slice (no capital sigma), for
    ``find_times`` / ``find_quantities``, which then do not lower-case each sentence again.
    """

    __slots__ = ("text", "nfc", "low", "mf", "slice_low")

    def __init__(self, text: str) -> None:
        from .numbers import lower_same_length
        self.text = text
        self.nfc = text.isascii() or unicodedata.is_normalized("NFC", text)
        lt = text.lower() if self.nfc else ""
        same = len(lt) == len(text)           # (lower_same_length(text) is then lt)
        self.low = (lt if same else lower_same_length(text)) if self.nfc else None
        if same and "\u03a3" not in text and _retone_nfc(text) == text:
            # ``match_form``'s NFC path with no tone to move: its punctuation pairs, then lower case;
            # both are per character (no capital sigma), so they are applied to ``lt`` as it is
            norm = lt
            for a, b in _PUNCT_PAIRS:
                if a in norm:
                    norm = norm.replace(a, b)
            self.mf = MatchForm(norm, None, len(text))
        else:
            self.mf = match_form(text)
        # ``low[a:b]`` is ``lower_same_length(text[a:b])`` for every slice: lower-casing is per
        # character except the final sigma (a capital sigma lowers by its context)
        self.slice_low = self.low if self.low is not None and "\u03a3" not in text else None

    def has_form(self, s: Sentence) -> bool:
        """``sentence_form(s)`` is not None (without building it)."""
        if not self.nfc or self.mf._starts is not None:
            return False
        text, a, b = self.text, s.start, s.end
        return not ((a > 0 and not text[a - 1].isspace()) or (b < len(text) and not text[b].isspace()))

    def sentence_form(self, s: Sentence) -> MatchForm | None:
        """The matching form of ``s.text`` as a slice of the document's, when that slice is exactly
        what ``match_form(s.text)`` gives: NFC text, identity offset map, and whitespace (or the
        text's edge) on both sides, so tone placement and lower-casing see the same word context."""
        if not self.has_form(s):
            return None
        return MatchForm(self.mf.text[s.start:s.end], None, s.end - s.start)


def analyze(doc: Document, res) -> Analysis:
    """Sentences of the kept segments with their times, quantities, actors and attribution.

    Documents without segments (not cleaned) are read as one body segment per non-empty line.
    """
    from .actors import find_actors
    from .attribution import attribute
    from .numbers import find_quantities
    from .timex import find_times, infer_anchor
    segments = doc.segments or line_segments(doc.text)
    text = doc.text
    anchor = infer_anchor(text, segments, doc.pub_date.value if doc.pub_date else None, res)
    sentences = split_sentences(text, segments)
    forms = _DocForms(text)
    flags = None
    if forms.low is not None and all(x.end <= y.start for x, y in zip(sentences, sentences[1:])):
        flags = res.sentence_scan.flags(forms.low, forms.mf.text if forms.mf._starts is None else None,
                                        [x.start for x in sentences], [x.end for x in sentences])
    filtered = flags is not None
    if flags is None:
        flags = [ALL] * len(sentences)            # no prefilter: every unit reads every sentence
    low = forms.slice_low
    for s, f in zip(sentences, flags):
        if f & TIME:
            s.times = find_times(text, s.start, s.end, anchor, res, low=low)
        if f & (DIGIT | NUMWORD):
            s.quantities = find_quantities(text, s.start, s.end, res, low=low)
    find_actors(text, sentences, anchor, res, mf=forms.mf)
    prev = None
    open_quote: list = []            # sentences inside a quotation split over several sentences
    # the A_QUOTE flag says whether the sentence's matching form holds a quotation mark ('"', and
    # the curly ones it maps to '"'): without one the quote balance is 0
    quote_flags = filtered and forms.mf._starts is None
    # ``forms.has_form(s)`` / ``forms.sentence_form(s)``, inline: NFC text, identity map, whitespace
    # (or the text's edge) on both sides of the sentence
    ident, n, mft = filtered and forms.nfc and forms.mf._starts is None, len(text), forms.mf.text
    for s, f in zip(sentences, flags):
        a, b = s.start, s.end
        if not ident or (a > 0 and not text[a - 1].isspace()) or (b < n and not text[b].isspace()):
            s.attribution = attribute(text, s, res, prev, form=forms.sentence_form(s))
        elif f & ATTR:
            s.attribution = attribute(text, s, res, prev, form=MatchForm(mft[a:b], None, b - a), cues=f)
        else:
            s.attribution = None              # no cue, no quote: the outlet's own voice
        if open_quote and s.paragraph != open_quote[0].paragraph:
            open_quote = []
        balance = _quote_balance(s.text) if not quote_flags or f & A_QUOTE else 0
        if open_quote:
            open_quote.append(s)
            if balance != 0:         # the quotation closes here: share one source over its sentences
                src = next((x.attribution for x in open_quote if x.attribution is not None), None)
                if src is not None:
                    for x in open_quote:
                        if x.attribution is None:
                            x.attribution = src
                open_quote = []
        elif balance != 0:
            open_quote = [s]
        prev = s
    return Analysis(doc_id=doc.doc_id, anchor=anchor, sentences=sentences)


__all__ = ["analyze"]
