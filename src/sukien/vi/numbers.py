"""Vietnamese numbers, quantities and durations.

``parse_number`` turns a written number into a float ("1.000" → 1000, "1,5 triệu" → 1.5e6,
"một trăm bảy mươi lăm" → 175, regional "ba mươi tư" → 34). ``find_quantities`` scans a span of
a text for counts with their counted noun, per-side counts, exchange ratios, percentages, money
and durations (in minutes, with a qualifier).

Language knowledge lives in ``data/vi/numbers.yaml``; the compiled patterns live on a
:class:`NumberLexicon` instance (owned by ``res.temporal.numbers``), never in module globals.
Vietnamese number formatting: ``.`` groups thousands, ``,`` is the decimal mark.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..models import Quantity

_WB_L = r"(?<![\w])"
_WB_R = r"(?![\w])"

# A written digit number: Vietnamese thousands "1.000.000", decimals "5,26" / "2.5", plain "175".
DIGIT_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![.,]?\d)|\d+,\d+(?![.,]?\d)|\d+\.\d{1,2}(?![.,]?\d)|\d+(?![.,]?\d)"


def _literal_alt(keys) -> str:
    """Regex alternation of literal keys, longest first, spaces literal."""
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


def _alt(keys) -> str:
    """Regex alternation of literal keys, longest first, spaces matching any whitespace."""
    ks = sorted({k for k in keys if k}, key=len, reverse=True)
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in ks)


def _trie_pattern(words, digit_runs: bool = True) -> str:
    """A regex matching any of ``words`` (literal, lower case), factored as a trie.

    Every top-level alternative starts with a literal character, so ``re`` can skip ahead with
    its first-character set: scanning costs about as much as a ``str.find``. The caller checks
    word boundaries.
    """
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return ("(?:" + body + ")?") if len(alts) == 1 else body + "?"
        return body

    alts = []
    for ch, child in sorted(trie.items()):
        if digit_runs and ch.isdigit() and list(child) == [""]:
            alts.append(ch + r"\d*")            # a digit key: the whole run of digits, one hit
        else:
            alts.append(re.escape(ch) + emit(child))
    return "|".join(alts)


class EndsWith:
    """Which key (one to a few words) ends a string, followed by whitespace ("... gần 90" → "gần").

    A fast stand-in for a ``(?:key1|key2)\\s+$`` regex search: split the tail into words and look
    the last one, two, three words up in a set.
    """
    _OPEN = "([{\"'“‘«"

    def __init__(self, keys):
        self.keys = {" ".join(_nfc_lower(k).split()) for k in keys}
        self.maxw = max((len(k.split()) for k in self.keys), default=0)
        # the last word of every key (None: an empty key, which any word ending in "(" would match)
        self.last_words = None if "" in self.keys else {k.split()[-1] for k in self.keys}

    def search(self, before: str):
        """(key, start offset in ``before``) of the key that ends ``before``, or None."""
        b = before.rstrip()
        if len(b) == len(before) or not b:
            return None
        toks = b[-48:].split()
        if not toks:
            return None
        last = toks[-1].lower()
        lw = self.last_words
        if lw is not None and last not in lw and last.lstrip(self._OPEN) not in lw:
            return None                        # no key ends with this word
        low = [x.lower() for x in toks]
        for k in range(min(self.maxw, len(toks)), 0, -1):
            seg = low[-k:]
            first = seg[0].lstrip(self._OPEN)
            key = " ".join([first] + seg[1:])
            if key in self.keys:
                # start offset of the key's first word inside ``before``
                pos = len(b)
                for tok in reversed(toks[-k:]):
                    pos = b.rfind(tok, 0, pos)
                pos += len(toks[-k]) - len(toks[-k].lstrip(self._OPEN))
                return key, pos
        return None


def lower_same_length(t: str) -> str:
    """``t.lower()``, keeping offsets (the rare characters whose lower case is longer stay as they are)."""
    lt = t.lower()
    if len(lt) == len(t):
        return lt
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in t)


def _nfc_lower(s: str) -> str:
    return unicodedata.normalize("NFC", s).lower()


@dataclass
class NumberLexicon:
    """Number words, units and compiled patterns (read-only after ``from_data``)."""
    digits: dict[str, float] = field(default_factory=dict)
    after_tens: set[str] = field(default_factory=set)
    fillers: set[str] = field(default_factory=set)
    scales: dict[str, float] = field(default_factory=dict)
    vague: dict[str, float] = field(default_factory=dict)
    qualifiers: dict[str, str] = field(default_factory=dict)
    duration_units: dict[str, float] = field(default_factory=dict)
    currencies: dict[str, str] = field(default_factory=dict)
    not_currency_after_dong: set[str] = field(default_factory=set)
    per_side: dict[str, str] = field(default_factory=dict)
    counted_nouns: set[str] = field(default_factory=set)
    stop_words: set[str] = field(default_factory=set)
    exchange_words: set[str] = field(default_factory=set)
    percent_words: dict[str, str] = field(default_factory=dict)
    reference_phrases: set[str] = field(default_factory=set)
    counterpart_cues: list[str] = field(default_factory=list)   # "còn", "đổi lại" (exchange_counterpart_cues)
    remains_nouns: list[str] = field(default_factory=list)      # "thi thể", "hài cốt" (remains_nouns)
    clock_cues: list[str] = field(default_factory=list)
    duration_cues: list[str] = field(default_factory=list)
    # compiled
    re_number: Any = None
    re_number_lc: Any = None
    re_trigger: Any = None
    re_word_ok: Any = None
    re_reference_lc: Any = None
    re_word_number_full: Any = None
    re_digit_full: Any = None
    re_qual_before: Any = None
    re_unit_after: Any = None
    re_dur_more: Any = None
    re_currency_after: Any = None
    re_percent_after: Any = None
    re_exchange_after: Any = None
    re_noun_after: Any = None
    re_per_after: Any = None
    re_skip_before: Any = None
    re_clock_before: Any = None
    re_pod_after: Any = None
    re_duration_before: Any = None
    re_any_word_after: Any = None
    re_reference: Any = None
    # extract_quant: the word joining the two releases of one exchange, and the dead handed over
    # ("thi thể của 4 con tin"; group 1 is the count); None when the data has no such list
    re_exchange_counterpart: Any = None
    re_remains: Any = None
    trigger_keys: list[str] = field(default_factory=list)   # what ``re_trigger`` matches (literal keys)
    # written number -> its value (a pure function of the text and this lexicon), bounded
    value_cache: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_data(cls, data: dict, temporal: dict | None = None) -> "NumberLexicon":
        """Build from numbers.yaml; ``temporal`` (temporal.yaml) supplies the clock/duration cues."""
        lx = cls()
        temporal = temporal or {}
        lx.clock_cues = [_nfc_lower(e["key"]) for e in temporal.get("clock_cues", [])] or ["lúc", "vào lúc"]
        lx.duration_cues = [_nfc_lower(e["key"]) for e in temporal.get("duration_cues", [])] or ["trong", "kéo dài"]
        for e in data.get("digits", []):
            k = _nfc_lower(e["key"])
            lx.digits[k] = float(e["value"])
            if e.get("after_tens"):
                lx.after_tens.add(k)
            if e.get("filler"):
                lx.fillers.add(k)
        for e in data.get("scales", []):
            lx.scales[_nfc_lower(e["key"])] = float(e["value"])
        for e in data.get("vague_counts", []):
            lx.vague[_nfc_lower(e["key"])] = float(e["value"])
        for e in data.get("qualifiers", []):
            lx.qualifiers[_nfc_lower(e["key"])] = e["value"]
        for e in data.get("duration_units", []):
            lx.duration_units[_nfc_lower(e["key"])] = float(e["minutes"])
        for e in data.get("currencies", []):
            lx.currencies[_nfc_lower(e["key"])] = e["code"]
        lx.not_currency_after_dong = {_nfc_lower(e["key"]) for e in data.get("not_currency_after_dong", [])}
        for e in data.get("per_side", []):
            lx.per_side[_nfc_lower(e["key"])] = e["per"]
        lx.counted_nouns = {_nfc_lower(e["key"]) for e in data.get("counted_nouns", [])}
        lx.stop_words = {_nfc_lower(e["key"]) for e in data.get("noun_stop_words", [])}
        lx.exchange_words = {_nfc_lower(e["key"]) for e in data.get("exchange_words", [])}
        lx.percent_words = {_nfc_lower(e["key"]): e.get("unit", "%") for e in data.get("percent_words", [])}
        lx.reference_phrases = {_nfc_lower(e["key"]) for e in data.get("reference_phrases", [])}
        lx.counterpart_cues = [_nfc_lower(e["key"]) for e in data.get("exchange_counterpart_cues") or []]
        lx.remains_nouns = [_nfc_lower(e["key"]) for e in data.get("remains_nouns") or []]
        lx._compile()
        return lx

    def _compile(self) -> None:
        f = re.IGNORECASE
        word_tokens = list(self.digits) + ["mười", "mươi", "trăm", "rưỡi", "nửa"] + list(self.scales)
        wt = _alt(word_tokens)
        word_num = rf"(?:{wt})(?:\s+(?:{wt}){_WB_R})*"
        scale = _alt(self.scales)
        vague = _alt(self.vague)
        num = (rf"{_WB_L}(?:(?P<vague>{vague}){_WB_R}"
               rf"|(?P<digit>{DIGIT_NUM})(?P<dscale>(?:\s+(?:{scale}){_WB_R})*(?:\s+rưỡi{_WB_R})?)"
               rf"|(?P<word>{word_num}){_WB_R})")
        self.re_number = re.compile(num, f)
        self.re_number_lc = re.compile(num)            # on lower-cased text (see find_quantities)
        starters = [k for k in self.digits if k not in self.after_tens and k not in self.fillers and self.digits[k] > 0]
        starters += ["mười", "nửa"] + list(self.vague) + [str(i) for i in range(10)]
        self.trigger_keys = starters
        self.re_trigger = re.compile(_trie_pattern(starters))
        follow = _alt(list(self.duration_units) + list(self.currencies) + list(self.percent_words)
                      + list(self.counted_nouns))
        self.re_word_ok = re.compile(rf"(?:(?:{vague})|{word_num})\s*(?:{follow})(?![\w$€])")
        self.re_reference_lc = re.compile(rf"(?:{_alt(self.reference_phrases)}){_WB_R}") \
            if self.reference_phrases else re.compile(r"(?!)")
        self.re_word_number_full = re.compile(rf"^(?:{word_num})$", f)
        self.re_digit_full = re.compile(rf"^(?P<d>{DIGIT_NUM})(?P<s>(?:\s+(?:{scale}))*)(?P<h>\s+rưỡi)?$", f)
        self.re_qual_before = EndsWith(self.qualifiers)
        du = _alt(self.duration_units)
        self.re_unit_after = re.compile(rf"\s*({du}){_WB_R}", f)
        # a further "15 phút" after "1 giờ", or "rưỡi", or "đồng hồ"
        self.re_dur_more = re.compile(rf"\s+(?:(?P<num>{DIGIT_NUM}|{word_num})\s+(?P<unit>{du}){_WB_R}"
                                      rf"|(?P<half>rưỡi){_WB_R}|(?P<clock>đồng\s+hồ){_WB_R})", f)
        self.re_currency_after = re.compile(rf"\s*({_alt(self.currencies)})(?![\w$€])", f)
        self.re_percent_after = re.compile(rf"\s*({_alt(self.percent_words)})(?!\w)", f)
        self.re_exchange_after = re.compile(
            rf"\s+(?:(?P<noun1>[^\W\d]+(?:\s+[^\W\d]+)?)\s+)??(?:{_alt(self.exchange_words)})\s+(?P<n2>{DIGIT_NUM})(?![\w/])", f)
        self.re_reference = re.compile(rf"(?:{_alt(self.reference_phrases)}){_WB_R}", f) \
            if self.reference_phrases else re.compile(r"(?!)")
        self.re_noun_after = re.compile(rf"\s+({_alt(self.counted_nouns)}){_WB_R}", f)
        self.re_any_word_after = re.compile(r"\s+([^\W\d_]+)", f)
        self.re_per_after = re.compile(rf"(?:\s+[^\W\d]+){{0,2}}?\s+({_alt(self.per_side)}){_WB_R}", f)
        # identifiers and calendar words before a number: not a quantity
        self.re_skip_before = EndsWith(
            "ngày tháng năm thứ số điều khoản mục chương phần lúc quý kỳ khóa khoá hạng top nhóm luật ảnh hình"
            " clip video tuần đợt vòng mã phòng tầng quận phường đường tập trang khu lô giờ".split()
            + ["phiên bản", "nghị định", "nghị quyết", "quyết định", "thông tư", "giai đoạn", "trong vòng"])
        self.re_clock_before = EndsWith(self.clock_cues)
        self.re_duration_before = EndsWith(self.duration_cues)
        self.re_pod_after = re.compile(r"\s+(?:sáng|trưa|chiều|tối|đêm|khuya)(?!\w)|\s+(?:ngày|hôm)\s+\d", f)
        # (on lower-cased text, like the sentence extract_quant reads)
        self.re_exchange_counterpart = re.compile(r"(?:,\s*|\s)(?:" + _literal_alt(self.counterpart_cues) + r")\s") \
            if self.counterpart_cues else None
        self.re_remains = re.compile(r"(?<!\w)(?:" + _literal_alt(self.remains_nouns) + r")\s+(?:của\s+)?(?:(?:khoảng|hơn|gần)\s+)?"
                                     r"(\d{1,3}(?:\.\d{3})+|\d+)\s+(?:con tin|tù nhân|tù binh|binh sĩ|người)(?!\w)") \
            if self.remains_nouns else None


def default_lexicon() -> NumberLexicon:
    """A NEW lexicon from the packaged data (reads two YAML files, a few ms): for one-off use and
    test fixtures. Nothing is cached in the module; code that runs per document passes
    ``res.temporal.numbers`` (or ``res``) instead."""
    from ..config import Resources
    res = Resources()
    return NumberLexicon.from_data(res.load_yaml("vi/numbers.yaml"), res.load_yaml("vi/temporal.yaml"))


def number_lexicon(lex=None) -> NumberLexicon:
    """The ``NumberLexicon`` of ``lex``: a NumberLexicon itself, a TemporalLexicon (its ``numbers``)
    or a Resources (``res.temporal.numbers``); None builds one from the packaged data (uncached)."""
    if lex is None:
        return default_lexicon()
    if isinstance(lex, NumberLexicon):
        return lex
    nums = getattr(lex, "numbers", None)          # a TemporalLexicon
    if isinstance(nums, NumberLexicon):
        return nums
    return lex.temporal.numbers                   # a Resources


def _lexicon(res) -> NumberLexicon:
    if res is None:
        return default_lexicon()
    tl = res.temporal
    return tl.numbers


# ----------------------------------------------------------------------------- parsing

def _parse_digits(d: str) -> float | None:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", d):
        return float(d.replace(".", "").replace(",", "."))
    if "," in d:
        return float(d.replace(",", "."))
    try:
        return float(d)
    except ValueError:
        return None


def _parse_words(tokens: list[str], lx: NumberLexicon) -> float | None:
    total = 0.0          # groups already multiplied by a scale
    largest = 0.0        # largest scale applied so far
    cur = 0.0            # current group below 1000
    pending: float | None = None    # a digit waiting for mươi/trăm/a scale
    last = None
    last_mult = 1.0      # unit of the last position, for "rưỡi"
    seen = False
    for tok in tokens:
        if tok in lx.fillers:
            if last != "trăm":
                return None
            last = "filler"
            continue
        if tok in lx.digits:
            v = lx.digits[tok]
            if tok in lx.after_tens and last not in ("mười", "mươi"):
                return None
            if pending is not None:
                return None
            if last in ("mười", "mươi", "filler"):
                cur += v
                last = "unit"
            else:
                pending = v
                last = "digit"
                seen = True
                continue
            last_mult = 1.0
            seen = True
        elif tok == "mười":
            if pending is not None or last in ("mười", "mươi", "unit"):
                return None
            cur += 10
            last = "mười"
            last_mult = 10.0
            seen = True
        elif tok == "mươi":
            if pending is None or pending < 1:
                return None
            cur += pending * 10
            pending = None
            last = "mươi"
            last_mult = 10.0
        elif tok == "trăm":
            if pending is not None:
                p = pending
            elif cur == 0 and last is None:
                p = 1.0
            else:
                return None
            cur += p * 100
            pending = None
            last = "trăm"
            last_mult = 100.0
            seen = True
        elif tok == "nửa":
            if pending is not None or last is not None:
                return None
            pending = 0.5
            last = "digit"
            seen = True
        elif tok == "rưỡi":
            if last in ("scale", "trăm"):
                if last == "scale":
                    total += last_mult * 0.5
                else:
                    cur += 50
            elif last == "digit" and pending is not None:
                pending += 0.5
            else:
                return None
            last = "half"
        elif tok in lx.scales:
            s = lx.scales[tok]
            g = cur + (pending or 0.0)
            pending, cur = None, 0.0
            if g == 0:
                if total == 0:
                    g = 1.0
                    total = g * s
                else:
                    total *= s
            elif s > largest and total > 0:
                total = (total + g) * s
            else:
                total += g * s
            largest = max(largest, s)
            last = "scale"
            last_mult = s
            seen = True
        else:
            return None
    if not seen:
        return None
    if pending is not None and last == "digit" and last_mult >= 100:
        # colloquial "một trăm hai" = 120, "hai nghìn ba" = 2 300
        pending *= last_mult / 10
    return total + cur + (pending or 0.0)


def parse_number(s: str, lex=None) -> float | None:
    """A written Vietnamese number as a float, or None.

    "1.000" → 1000, "1,5 triệu" → 1 500 000, "hai" → 2, "ba mươi" → 30,
    "một trăm bảy mươi lăm" → 175, "ba mươi tư" → 34, "hai mươi mốt" → 21, "hai nghìn" = "hai ngàn".
    Vague counts ("hàng chục") return None; ``find_quantities`` reports them as approximate.

    ``lex``: the number lexicon to use: ``res.temporal.numbers``, or ``res`` / ``res.temporal``
    themselves. Without it the packaged data is loaded for this call only (slow, no hidden cache):
    pass the lexicon in any loop.
    """
    if not s:
        return None
    lx = lex if isinstance(lex, NumberLexicon) else number_lexicon(lex)
    t = " ".join(_nfc_lower(s).split())
    m = lx.re_digit_full.match(t)
    if m:
        v = _parse_digits(m.group("d"))
        if v is None:
            return None
        for sc in m.group("s").split():
            v *= lx.scales[sc]
        if m.group("h"):
            scs = m.group("s").split()
            v += 0.5 * (lx.scales[scs[-1]] if scs else 1.0)
        return v
    if lx.re_word_number_full.match(t):
        return _parse_words(t.split(), lx)
    return None


# ----------------------------------------------------------------------------- scanning

def _blocked_spans(t: str) -> list[tuple[int, int]]:
    """URLs and image markdown: numbers inside them are never quantities or dates."""
    if "http" not in t and "![" not in t and "www." not in t:
        return []
    out = []
    for m in re.finditer(r"!\[[^\]\n]*\]\([^)\n]*\)|https?://\S+|www\.\S+", t):
        out.append((m.start(), m.end()))
    return out


def _in_blocked(s: int, e: int, blocked) -> bool:
    for bs, be in blocked:
        if s < be and e > bs:
            return True
    return False


def _scan_form(text: str, start: int, end: int):
    """The span to scan (NFC) and a function mapping its offsets back to ``text``."""
    sub = text[start:end]
    if sub.isascii() or unicodedata.is_normalized("NFC", sub):
        return sub, (lambda i: start + i)
    from ..textnorm import match_form
    mf = match_form(sub, lower=False)
    return mf.text, (lambda i: start + mf.to_orig(i))


def _scan_lower(text: str, start: int, end: int, low: str | None = None):
    """``_scan_form`` and the lower-cased scan form (``lower_same_length``). ``low``: the lower-cased
    ``text`` when every slice of it is the lower-cased slice (``vi._DocForms.slice_low``); it is
    used when the span is scanned as it is (NFC)."""
    sub = text[start:end]
    if sub.isascii() or unicodedata.is_normalized("NFC", sub):
        return sub, (lambda i: start + i), (low[start:end] if low is not None else lower_same_length(sub))
    t, to_abs = _scan_form(text, start, end)
    return t, to_abs, lower_same_length(t)


def _number_value(m: re.Match, lx: NumberLexicon) -> tuple[float | None, bool]:
    """(value, approximate) of a re_number match."""
    if m.group("vague"):
        key = " ".join(m.group("vague").lower().split())
        return lx.vague.get(key), True
    cache = lx.value_cache
    if m.group("digit"):
        txt = m.group("digit") + (m.group("dscale") or "")
        key = ("d", txt)
        v = cache.get(key, _MISSING)
        if v is _MISSING:
            v = parse_number(txt, lx)
            if len(cache) < _VALUE_CACHE_MAX:
                cache[key] = v
        return v, False
    word = m.group("word").lower()
    key = ("w", word)
    v = cache.get(key, _MISSING)
    if v is _MISSING:
        v = _parse_words(word.split(), lx)
        if len(cache) < _VALUE_CACHE_MAX:
            cache[key] = v
    return v, False


_MISSING = object()
_VALUE_CACHE_MAX = 50_000        # bound of ``NumberLexicon.value_cache``


def _line_start_section(t: str, s: int, e: int) -> bool:
    """"2." / "2)" at the start of a line: a section number."""
    ls = t.rfind("\n", 0, s) + 1
    if t[ls:s].strip():
        return False
    return e < len(t) and t[e] in ".)" and (e + 1 >= len(t) or t[e + 1] in " \t")


def find_quantities(text: str, start: int, end: int, res, low: str | None = None) -> list[Quantity]:
    """Quantities in ``text[start:end]`` (offsets absolute into ``text``).

    Kinds: count (with the counted noun as ``unit``, ``per="each_side"`` for "từ mỗi bên"),
    exchange_ratio ("1.000 đổi 1.000"), percent, money (``unit`` = ISO code), duration
    (``unit="minutes"``, ``unit_text`` = the unit as written), number (no unit). ``low``: see
    ``_scan_lower`` (the lower-cased text, as ``analyze`` has it).
    """
    lx = _lexicon(res)
    t, to_abs, lt = _scan_lower(text, start, end, low)
    if not t:
        return []
    blocked = _blocked_spans(t)
    out: list[Quantity] = []
    pos = 0
    for m in _numbers_in(lt, lx, blocked):
        s, e = m.start(), m.end()
        if s < pos:
            continue
        if blocked and _in_blocked(s, e, blocked):
            continue
        is_digit = m.group("digit") is not None
        is_word = m.group("word") is not None
        if not is_digit and lx.re_reference.match(t, s):
            continue
        if is_word:
            # "Ba Lan", "Năm 2022": a capitalized word number mid-sentence is a name or a calendar word
            if t[s].isupper() and s > 0 and not _sentence_initial(t, s):
                continue
        # contexts that make the number a date, a clock time, a score or an identifier
        if is_digit:
            nxt = t[e:e + 2]
            if nxt[:1] in ("/", ":") or _NOT_QTY_AFTER.match(nxt):
                continue
            if s > 0 and t[s - 1] in "/-:.,$" and not (t[s - 1] == "$"):
                continue
            if _line_start_section(t, s, e):
                continue
            if _RANGE_START.match(t, e):          # "từ 9 đến 11/12": the first day of a date range
                continue
        before = t[max(0, s - 24):s]
        sk = lx.re_skip_before.search(before)
        if sk and sk[0] != "trong vòng":
            continue
        if is_word:
            toks = m.group("word").split()
            if len(toks) > 1 and toks[-1].lower() == "năm" and toks[-2].lower() in (
                    "mươi", "mười", "trăm", "nửa", *lx.scales):
                e = s + len(m.group("word")) - len(toks[-1])
                e = len(t[:e].rstrip())
                m2 = lx.re_number_lc.match(lt, s, e)
                if m2 is None:
                    continue
                m = m2
        value, approximate = _number_value(m, lx)
        if value is None or (is_word and value == 0):
            continue
        qual = "exact"
        qs = s
        qm = lx.re_qual_before.search(before)
        if qm:
            qual = lx.qualifiers[qm[0]]
            qs = s - (len(before) - qm[1])
            if _OFFSET_BEFORE.search(before[:qm[1]]):
                continue                       # "cách đây chưa đầy nửa năm": a time offset
        elif _OFFSET_BEFORE.search(before):
            continue                           # "cách đây 1 tuần"
        if approximate and qual == "exact":
            qual = "approx"
        rest = t[e:e + 80]
        q = None
        # clock time "13h", "21h37", "lúc 9 giờ", "3 giờ chiều": not a quantity; "trong 24h qua" is a duration
        if is_digit and _CLOCK_H.match(rest):
            if _CLOCK_HM.match(rest) or not (_duration_cue(before, lx) or _H_QUA.match(rest)):
                pos = e
                continue
            q = Quantity(qs, e + 1, "", "duration", value * 60, "minutes", qual, approximate=approximate,
                         unit_text="h")
        # percent
        pm = lx.re_percent_after.match(rest)
        if pm and q is None:
            q = Quantity(qs, e + pm.end(), "", "percent", value,
                         lx.percent_words[" ".join(pm.group(1).lower().split())], qual, approximate=approximate)
        # exchange ratio
        if q is None and is_digit:
            xm = lx.re_exchange_after.match(rest)
            if xm:
                v2 = _parse_digits(xm.group("n2"))
                if v2 is not None:
                    n1 = xm.group("noun1")
                    unit = " ".join(n1.lower().split()) if n1 else None
                    q = Quantity(qs, e + xm.end(), "", "exchange_ratio", value,
                                 unit if unit in lx.counted_nouns else None, qual)
        # duration
        if q is None:
            um = lx.re_unit_after.match(rest)
            if um and not _unit_is_calendar(rest, um) and not (
                    is_word and value == 1 and re.match(r"\s+(?:nào|kia|đẹp trời)(?!\w)", rest[um.end():])):
                unit = " ".join(um.group(1).lower().split())
                if unit in ("giờ",) and is_digit and _is_clock_giờ(before, rest[um.end():], lx):
                    pos = e + um.end()
                    continue
                minutes = value * lx.duration_units[unit]
                qe = e + um.end()
                unit_text = unit
                while True:
                    dm = lx.re_dur_more.match(t, qe)
                    if not dm:
                        break
                    if dm.group("half"):
                        minutes += 0.5 * lx.duration_units[unit]
                    elif dm.group("clock"):
                        if unit not in ("giờ", "tiếng"):
                            break
                        unit_text = unit + " đồng hồ"
                    else:
                        u2 = " ".join(dm.group("unit").lower().split())
                        if lx.duration_units[u2] >= lx.duration_units[unit]:
                            break
                        v2 = parse_number(dm.group("num"), lx)
                        if v2 is None:
                            break
                        minutes += v2 * lx.duration_units[u2]
                        unit = u2
                    qe = dm.end()
                # "3 năm trước": an offset in time, not a duration (timex handles it)
                if lx.duration_units[unit] >= 1440 and re.match(r"\s+(?:trước|sau)(?:\s+(?:đó|khi))?(?!\w)", t[qe:qe + 12]) and \
                        not re.search(r"(?:^|\W)(?:sau|trong|suốt)\s+(?:\w+\s+)?$", before):
                    pos = qe
                    continue
                tm = _TU.match(t[qe:qe + 6])
                if tm:
                    qe += tm.end()
                    unit_text = unit_text + " tù"
                q = Quantity(qs, qe, "", "duration", minutes, "minutes", qual, approximate=approximate,
                             unit_text=unit_text)
        # money
        if q is None:
            cm = lx.re_currency_after.match(rest)
            cur = None
            if cm:
                key = " ".join(cm.group(1).lower().split())
                if key == "đồng":
                    after = t[e + cm.end():e + cm.end() + 12].lower().split()
                    if after and (after[0].strip(".,;:") in lx.not_currency_after_dong
                                  or " ".join(after[:2]) in lx.not_currency_after_dong):
                        cm = None
                if cm:
                    cur = lx.currencies[key]
            elif is_digit and s > 0 and t[max(0, s - 3):s].upper().endswith(("$", "US$")):
                cur = "USD"
                qs = min(qs, s - 1)
                cm = None
            if cur:
                q = Quantity(qs, e + (cm.end() if cm else 0), "", "money", value, cur, qual,
                             approximate=approximate)
        # counted noun
        if q is None:
            nm = lx.re_noun_after.match(rest)
            unit = None
            ne = e
            if nm:
                unit = " ".join(nm.group(1).lower().split())
                ne = e + nm.end()
            elif is_digit or approximate:
                wm = lx.re_any_word_after.match(rest)
                if wm and wm.group(1).islower() and wm.group(1) not in lx.stop_words:
                    unit = wm.group(1)
                    ne = e + wm.end()
            if unit:
                per = None
                pm2 = lx.re_per_after.match(t, ne)
                if pm2 and pm2.end() - ne < 40:
                    per = lx.per_side[" ".join(pm2.group(1).lower().split())]
                    ne = pm2.end()
                elif _PER_SIDE_BEFORE.search(t, max(0, qs - 40), qs):
                    per = "each_side"                  # "mỗi bên trao trả 150 tù binh"
                if is_word and value == 1 and not approximate:
                    pos = e
                    continue
                q = Quantity(qs, ne, "", "count", value, unit, qual, per=per, approximate=approximate)
            elif is_digit:
                if _YEAR_LIKE.fullmatch(m.group("digit")):
                    pos = e
                    continue
                q = Quantity(qs, e, "", "number", value, None, qual, approximate=approximate)
        if q is None:
            continue
        q_end_local = q.end
        q.start, q.end = to_abs(q.start), to_abs(q.end)
        q.text = text[q.start:q.end]
        out.append(q)
        pos = q_end_local
    return out


# precompiled once (were re.match(pattern, ...) calls through re's cache)
_NOT_QTY_AFTER = re.compile(r"-\d|h\d|\.\d")
_CLOCK_H = re.compile(r"h(?:\d{1,2})?(?!\w)")
_CLOCK_HM = re.compile(r"h\d")
_H_QUA = re.compile(r"h\s+qua(?!\w)")
_TU = re.compile(r"\s+tù(?!\w)")
_YEAR_LIKE = re.compile(r"(19|20)\d\d")
_PER_SIDE_BEFORE = re.compile(r"(?:^|(?<=\W))mỗi\s+(?:bên|phía)\s+(?:[^\W\d]+\s+){0,3}$", re.IGNORECASE)
_OFFSET_BEFORE = re.compile(r"(?:^|\W)cách\s+đây\s+$", re.IGNORECASE)
_RANGE_START = re.compile(r"\s*(?:đến|tới|-|–)\s*(?:ngày\s+)?\d{1,2}/\d", re.IGNORECASE)


def _numbers_in(lt: str, lx: NumberLexicon, blocked=()):
    """Number matches in the lower-cased text: a trie of digits and number words finds where to try."""
    search, match = lx.re_trigger.search, lx.re_number_lc.match
    ref_match, word_ok = lx.re_reference_lc.match, lx.re_word_ok.match
    pos, n = 0, len(lt)
    bi = 0
    while True:
        m = search(lt, pos)
        if m is None:
            return
        p, e = m.span()
        if blocked:
            while bi < len(blocked) and blocked[bi][1] <= p:
                bi += 1
            if bi < len(blocked) and blocked[bi][0] <= p:
                pos = blocked[bi][1]
                continue
        if p > 0 and (lt[p - 1].isalnum() or lt[p - 1] == "_"):
            pos = e
            continue
        if not lt[p].isdigit():
            if e < n and lt[e].isalpha():          # "chính" is not "chín"
                pos = e
                continue
            # a number word only counts before a unit, a currency, % or a counted noun, and
            # not in a reference to the participants ("hai bên"): cheap checks first
            if ref_match(lt, p) or not word_ok(lt, p):
                pos = e
                continue
        mm = match(lt, p)
        if mm is None:
            pos = m.end()
            continue
        yield mm
        pos = mm.end()


def _sentence_initial(t: str, s: int) -> bool:
    j = s - 1
    while j >= 0 and t[j] in " \t\"'“‘(«":
        j -= 1
    return j < 0 or t[j] in ".!?\n:;–-"


def _duration_cue(before: str, lx: NumberLexicon) -> bool:
    return lx.re_duration_before.search(before) is not None


def _unit_is_calendar(rest: str, um: re.Match) -> bool:
    """"30 tháng 4" (a date), "năm 2022": the unit word starts a calendar expression."""
    unit = um.group(1).lower()
    after = rest[um.end():um.end() + 6]
    if unit in ("tháng", "năm") and re.match(r"\s*\d", after):
        return True
    return False


def _is_clock_giờ(before: str, after: str, lx: NumberLexicon) -> bool:
    """"lúc 9 giờ", "3 giờ chiều", "21 giờ ngày 12/2": a clock time, not a duration."""
    if lx.re_pod_after.match(after):
        return True
    if lx.re_qual_before.search(before) or _duration_cue(before, lx):
        return False
    return lx.re_clock_before.search(before) is not None
