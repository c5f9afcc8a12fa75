"""Vietnamese language layer: sentences, times, quantities, actors, attribution.

``analyze(doc, res)`` runs every unit over the kept segments of a document and returns an
``Analysis`` whose offsets point into ``doc.text``. See docs/LANGUAGE.md.
"""
from __future__ import annotations

from ..models import Analysis, Document
from .sentences import line_segments, split_sentences


def _quote_balance(t: str) -> int:
    """1 when the sentence leaves a quotation open (or closes one), else 0. Straight and curly
    quotes are mixed in the wild (\"...\u201d), so they count as one pool."""
    return (t.count('"') + t.count("\u201c") + t.count("\u201d")) % 2


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
    for s in sentences:
        s.times = find_times(text, s.start, s.end, anchor, res)
        s.quantities = find_quantities(text, s.start, s.end, res)
    find_actors(text, sentences, anchor, res)
    prev = None
    open_quote: list = []            # sentences inside a quotation split over several sentences
    for s in sentences:
        s.attribution = attribute(text, s, res, prev)
        if open_quote and s.paragraph != open_quote[0].paragraph:
            open_quote = []
        balance = _quote_balance(s.text)
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
