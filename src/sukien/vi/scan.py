"""Document-level prefilters of ``analyze``: which sentences can hold a time, a quantity or an
attribution at all.

One Aho–Corasick pass over the document's lower-cased text finds every occurrence of the literal
word keys the per-sentence scanners start from (``TemporalLexicon.re_trig``: temporal trigger
words; ``NumberLexicon.re_trigger``: number words), a regex search finds the first digit of each
sentence (a digit is a trigger of both), and one pass over the matching form finds the attribution
cues (``AttributionLexicon.any_re``: quotes, "theo", speech verbs ...), flagged by the pattern they
can start, so ``attribute`` only runs the patterns whose cue word is in the sentence.

A sentence is *live* for a unit when an occurrence lies inside it (for a number word: and
``re_word_ok`` matches there, as the number scan requires before it yields). Every per-sentence
scanner only reports something at such an occurrence, so skipping the other sentences changes
nothing; the callers only use these flags when the slices they scan are exactly the document's
(NFC text, see ``vi._DocForms``). A pattern built from an empty word list (an empty alternative
matches anywhere) is never skipped.
"""
from __future__ import annotations

import re
from typing import Any

import ahocorasick

_DIGIT = re.compile(r"[0-9]")

TIME = 1          # a temporal trigger or a digit
DIGIT = 2         # an ASCII digit (a quantity can start there)
NUMWORD = 4       # a number word that starts a quantity scan (checked with re_word_ok)
# attribution cues, in the matching form, by the pattern of ``AttributionLexicon`` they start
A_QUOTE = 8       # a quotation mark (tail_re)
A_THEO = 16       # "theo" (theo_start_re, theo_end_re)
A_VERB = 32       # a speech verb (verb_re)
A_REP = 64        # reported speech, "dẫn lời" (rep_re)
A_STMT = 128      # a statement noun (stmt_re)
A_SOCIAL = 256    # a social-network marker (social_re)
A_CHANNEL = 512   # a social-network name of more than 2 letters (the "trên/qua <channel>" branch of social_re)
A_TAIL = 1024     # a quote-tail verb (tail_re needs one after the quotation mark)
ATTR = 2048       # some cue of ``any_re`` is there (a quote, "theo", a verb, reported speech ...)
ALL = 4095        # every flag: skip nothing


def _automaton(keys: dict[str, int]) -> Any:
    auto = ahocorasick.Automaton()
    for k, flags in keys.items():
        auto.add_word(k, (len(k), flags))
    auto.make_automaton()
    return auto


class SentenceScan:
    """The automata of the prefilters, built once per ``Resources`` (``res.sentence_scan``)."""

    def __init__(self, res) -> None:
        from ..textnorm import match_form
        from .attribution import lexicon
        tlx = res.temporal
        nlx = tlx.numbers
        low: dict[str, int] = {}
        # digits (trigger keys of both scanners) are found by ``_DIGIT``; the automaton holds
        # the word keys
        for k in tlx.fam_by_key:
            if k and not k.isdigit():
                low[k] = low.get(k, 0) | TIME
        for k in (*tlx.bare_pods, *tlx.ref_days, *tlx.during):       # read by timex._told_day_refs
            low[k] = low.get(k, 0) | TIME
        for k in nlx.trigger_keys:
            if k and not k.isdigit():
                low[k] = low.get(k, 0) | NUMWORD
        alex = lexicon(res)
        mf: dict[str, int] = {}
        always = 0
        for flag, keys in ((A_QUOTE | ATTR, ['"', "\u201c", "\u201d"]), (A_THEO | ATTR, ["theo"]),
                           (A_VERB | ATTR, [v for v, _ in alex.verbs]), (A_REP | ATTR, alex.reported),
                           (A_STMT | ATTR, alex.statement_nouns), (A_SOCIAL | ATTR, alex.social_markers),
                           (A_CHANNEL, [match_form(c).text for c in alex.channels if len(c) > 2]),
                           (A_TAIL, alex.tail_verbs)):
            if not keys or not all(keys):
                always |= flag & ~ATTR            # an empty alternative matches anywhere: never skip it
            for k in keys:
                if k:
                    mf[k] = mf.get(k, 0) | flag
        self._always = always
        self._low = _automaton(low)
        self._mf = _automaton(mf)
        self._word_ok = nlx.re_word_ok.match

    def flags(self, low: str, mf: str | None, starts: list[int], ends: list[int]) -> list[int] | None:
        """Per sentence (``starts``/``ends``: sorted, non-overlapping spans), the OR of the flags of
        the key occurrences inside it; NUMWORD only where ``re_word_ok`` matches within the sentence.
        ``mf``: the matching form of the text (None: no ATTR flags). ``analyze`` reads None as "no
        prefilter" (every unit reads every sentence)."""
        out = [0] * len(starts)
        word_ok = self._word_ok
        ns = len(starts)
        if not ns:
            return out
        search = _DIGIT.search
        # the sentences are sorted and disjoint: an occurrence ending at e_incl can only lie in the
        # first sentence ending after e_incl (``i`` below), and the occurrences come in end order,
        # so ``i`` only moves forward
        i = 0
        m = search(low, starts[0])
        while m is not None:                  # the first digit of each sentence that has one
            p = m.start()
            while i < ns and ends[i] <= p:
                i += 1
            if i == ns:
                break
            if starts[i] <= p:
                out[i] |= TIME | DIGIT
                m = search(low, ends[i])
            else:
                m = search(low, starts[i])    # nothing between the sentences is read
        last = ends[-1]
        i = 0
        for e_incl, (n, f) in self._low.iter(low, starts[0], last):
            while i < ns and ends[i] <= e_incl:
                i += 1
            if i == ns:
                break
            p = e_incl - n + 1
            if p < starts[i]:
                continue
            if f & NUMWORD and (out[i] & DIGIT or word_ok(low, p, ends[i]) is None):
                f &= ~NUMWORD
            out[i] |= f
        if mf is not None:
            if self._always:
                out = [f | self._always for f in out]
            i = 0
            for e_incl, (n, f) in self._mf.iter(mf, starts[0], last):
                while i < ns and ends[i] <= e_incl:
                    i += 1
                if i == ns:
                    break
                if e_incl - n + 1 >= starts[i]:
                    out[i] |= f
        return out


__all__ = ["SentenceScan", "ALL", "TIME", "DIGIT", "NUMWORD", "ATTR", "A_QUOTE", "A_THEO", "A_VERB", "A_REP",
           "A_STMT", "A_SOCIAL", "A_CHANNEL", "A_TAIL"]
