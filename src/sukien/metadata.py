"""Document metadata with provenance and confidence (``models.MetaValue``).

Publication date, title, outlet and URL are collected from every place that states them —
JSONL fields, Markdown front matter, a header line (``date 2025-12-29``), datelines and
bylines at the top of the text, HTML meta tags (and trafilatura), the URL (host → outlet,
``/2025/2/13/`` → date) and dated image URLs in the text — each with a source name and a
confidence; the most confident value wins. See docs/FORMATS.md for the confidence table.
"""
from __future__ import annotations

import html as htmllib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Iterable
from urllib.parse import urlparse

from .models import Document, MetaValue, RawInput, RemovedSpan, Segment

def iso_date(y: int | str, m: int | str, d: int | str) -> str | None:
    try:
        dt = date(int(y), int(m), int(d))
    except (ValueError, TypeError):
        return None
    return dt.isoformat() if 1900 <= dt.year <= 2100 else None


_ISO_RE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DMY_RE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def parse_date_value(value: Any) -> str | None:
    """A date from a metadata field: date/datetime objects, ISO strings (with time), D/M/YYYY."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    s = str(value).strip()
    m = _ISO_RE.match(s)
    if m:
        return iso_date(*m.groups())
    m = _DMY_RE.match(s)
    if m:
        return iso_date(m.group(3), m.group(2), m.group(1))
    return None


_FRONT_MATTER_RE = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_HEADER_RE = re.compile(
    r"\A\s*(?P<kw>date|published|pub_?date|ngày đăng|đăng ngày|cập nhật)\s*[:=]?\s*"
    r"(?P<d>\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*", re.I)
_PLACE_RE = re.compile(
    r"^[ \t(]*(?P<place>[^\W\d_][\w.]*(?:[ \t]+[^\W\d_][\w.]*){0,3})\)?[ \t]*[,\-–][ \t]*ngày[ \t]+"
    r"(\d{1,2})[ \t]*(?:/|tháng)[ \t]*(\d{1,2})[ \t]*(?:/|năm)[ \t]*(\d{4})", re.M)
# ------------------------------------------------------------------ datelines
# A dateline is a line made only of date/time tokens and separators: "Thứ Năm, 06-03-2025, 18:05",
# "Thứ Tư, 07:10, 01/10/2025", "14/10/2025 08:30 GMT+7", "Cập nhật: 19/05/2025 21:15",
# "12:30 | 13/02/2025", "2025-02-13T09:00:00+07:00". The tokens are a table (kind, regex); the
# parser walks the line token by token, so any order of weekday/label/date/time is accepted.
WEEKDAYS = {"hai": 0, "ba": 1, "tư": 2, "năm": 3, "sáu": 4, "bảy": 5, "bẩy": 5,
            "2": 0, "3": 1, "4": 2, "5": 3, "6": 4, "7": 5, "chủ nhật": 6, "cn": 6}
DATELINE_LABELS = {   # label (lower case, NFC) → kind; "updated" dates are less sure publication dates
    "ngày": "published", "đăng": "published", "đăng lúc": "published", "đăng ngày": "published",
    "ngày đăng": "published", "xuất bản": "published", "published": "published", "posted": "published",
    "cập nhật": "updated", "cập nhật lúc": "updated", "cập nhật ngày": "updated", "updated": "updated",
    "last updated": "updated"}
_LABEL_ALT = "|".join(re.escape(k) for k in sorted(DATELINE_LABELS, key=len, reverse=True))
_DATELINE_TOKENS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
                       r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)")),
    ("weekday", re.compile(r"(?:thứ\s*(?P<w>hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|(?P<w2>chủ\s*nhật)|t(?P<w3>[2-7])|(?P<w4>cn))"
                           r"(?!\w)", re.I)),
    ("date", re.compile(r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?!\d)")),
    ("date", re.compile(r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,\s*)?năm\s+(?P<y>\d{4})(?!\d)",
                        re.I)),
    ("time", re.compile(r"(?P<H>\d{1,2})\s*[:hH]\s*(?P<M>\d{2})(?::\d{2})?(?:\s*(?:AM|PM|SA|CH)\b)?(?!\d)", re.I)),
    ("tz", re.compile(r"(?:GMT|UTC|ICT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?(?!\w)|giờ\s+(?:Hà\s+Nội|Việt\s+Nam|địa\s+phương)",
                      re.I)),
    ("label", re.compile(rf"(?:{_LABEL_ALT})(?!\w)", re.I)),
]
_DATELINE_SEP = " \t,;|:/·•()[]-–—"
# a name-like prefix before a dateline on a byline ("Phương Linh | 20/05/2025 21:40")
_BYLINE_PREFIX_RE = re.compile(r"^\s*(?:[^\W\d_][\w.'’]*\s+){0,4}[^\W\d_][\w.'’]*\s*[|\-–—,/•·]\s*$")


@dataclass
class Dateline:
    """A parsed dateline: the date, the stated weekday (0 = Monday) if any, the label kind."""
    date: str
    weekday: int | None = None
    weekday_ok: bool | None = None       # None: no weekday stated
    label: str | None = None             # "published" | "updated" | None
    has_time: bool = False


def parse_dateline(line: str) -> Dateline | None:
    """The date of a line made ONLY of dateline tokens (weekday, label, date, time, time zone and
    separators, in any order), or None. ``"Thứ Tư, 07:10, 01/10/2025"`` → 2025-10-01."""
    s = unicodedata.normalize("NFC", line).strip()
    if not s or len(s) > 120:
        return None
    i, n = 0, len(s)
    dates: list[tuple[str, str | None]] = []
    weekday: int | None = None
    label: str | None = None
    has_time = False
    while i < n:
        if s[i] in _DATELINE_SEP:
            i += 1
            continue
        for kind, rx in _DATELINE_TOKENS:
            m = rx.match(s, i)
            if m and m.end() > i:
                break
        else:
            return None                      # a word that is not part of a dateline
        if kind in ("iso", "date"):
            d = iso_date(m.group("y"), m.group("m"), m.group("d"))
            if d is None:
                return None
            dates.append((d, label))
            has_time = has_time or (kind == "iso" and m.group("H") is not None)
        elif kind == "weekday":
            key = " ".join((m.group("w") or m.group("w2") or m.group("w3") or m.group("w4")).lower().split())
            weekday = WEEKDAYS.get(key)
        elif kind == "time":
            if int(m.group("H")) > 23 or int(m.group("M")) > 59:
                return None
            has_time = True
        elif kind == "label":
            label = DATELINE_LABELS.get(" ".join(m.group(0).lower().split()))
        i = m.end()
    if not dates:
        return None
    date_, lab = next(((d, lb) for d, lb in dates if lb != "updated"), dates[0])
    ok = None if weekday is None else date.fromisoformat(date_).weekday() == weekday
    return Dateline(date_, weekday, ok, lab or label, has_time)


def find_dateline(line: str, byline: bool = False) -> Dateline | None:
    """``parse_dateline`` of the whole line, or the part after a short name-like prefix
    ("Phương Linh - 20/05/2025 21:40"): on a byline line any short prefix, elsewhere only one
    made of capitalized words (so "... ký kết, ngày 12/2/2025" in a sentence is no dateline)."""
    dl = parse_dateline(line)
    if dl is not None:
        return dl
    for m in re.finditer(r"[|\-–—,/•·]", line):
        prefix = line[:m.start()]
        if not _BYLINE_PREFIX_RE.match(line[:m.end()]):
            continue
        if not byline and not all(w[:1].isupper() for w in prefix.split()):
            continue
        dl = parse_dateline(line[m.end():])
        if dl is not None:
            return dl
    return None


def dateline_confidence(dl: Dateline) -> tuple[str, float]:
    """(source, confidence) of a dateline: a weekday that agrees with the date or a label makes
    it a "dateline"; a bare date/time line is a "byline-date"; a wrong weekday lowers it."""
    if dl.weekday_ok is False:
        return "dateline", 0.5
    if dl.label == "updated":
        return "dateline", 0.7
    if dl.weekday_ok or dl.label == "published":
        return "dateline", 0.85 if dl.weekday_ok else 0.8
    return "byline-date", 0.75 if dl.has_time else 0.6


_URL_DATE_RE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$)")
_IMAGE_URL_RE = re.compile(
    r"https?://[^\s)\"'<>]+?/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/[^\s)\"'<>]*?\.(?:jpe?g|png|gif|webp|avif)\b",
    re.I)
_FOLLOW_RE = re.compile(r"^[ \t]*Theo dõi[ \t]+(\S.{0,40}?)[ \t]+trên\b", re.M)
_META_TAG_RE = re.compile(r"<meta\b([^>]*)>", re.I)
_ATTR_RE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_TITLE_TAG_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)
_CANONICAL_RE = re.compile(r"<link\b[^>]*rel=[\"']?canonical[^>]*>", re.I)

_DATE_META_KEYS = {"article:published_time": 0.95, "og:published_time": 0.95, "datepublished": 0.95,
                   "pubdate": 0.9, "publishdate": 0.9, "publish-date": 0.9, "date": 0.85,
                   "dc.date": 0.85, "dc.date.issued": 0.85, "dcterms.created": 0.85, "article:modified_time": 0.6}


@dataclass
class MetaCandidates:
    """Every metadata value found, with provenance; ``best(name)`` picks by confidence."""
    items: dict[str, list[MetaValue]] = field(default_factory=dict)
    spans: list[tuple[int, int, str]] = field(default_factory=list)   # metadata text to mark removed

    def add(self, name: str, value: Any, source: str, confidence: float) -> None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return
        if isinstance(value, str):
            value = " ".join(value.split())
        self.items.setdefault(name, []).append(MetaValue(value, source, confidence))

    def best(self, name: str) -> MetaValue | None:
        vals = self.items.get(name) or []
        return max(vals, key=lambda v: v.confidence) if vals else None   # max keeps the first on ties


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlparse(url).hostname or "").lower()
    for prefix in ("www.", "m.", "amp."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host or None


def date_from_url(url: str | None) -> str | None:
    if not url:
        return None
    m = _URL_DATE_RE.search(urlparse(url).path)
    return iso_date(*m.groups()) if m else None


def _html_meta(html: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _META_TAG_RE.finditer(html[:200000]):
        attrs = {a.group(1).lower(): htmllib.unescape(a.group(2) or a.group(3) or a.group(4) or "")
                 for a in _ATTR_RE.finditer(m.group(1))}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and "content" in attrs and key not in out:
            out[key] = attrs["content"]
    return out


_META_REASONS = ("metadata", "dateline", "byline", "date", "front-matter")


def _head_region(doc: Document, max_lines: int = 12, max_chars: int = 2500) -> list[tuple[int, str]]:
    """The first lines of the text layer (offset, line) outside removed spans (lines that cleaning
    removed as metadata — datelines, bylines — are kept: they are what we look for)."""
    removed = [(r.start, r.end) for r in doc.removed if not r.reason.startswith(_META_REASONS)]
    out, pos = [], 0
    for line in doc.text[:max_chars].splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        if not line.strip():
            continue
        if any(s <= start and pos - 1 <= e for s, e in removed):
            continue
        out.append((start, line.rstrip("\r\n")))
        if len(out) >= max_lines:
            break
    return out


def _menu_like(line: str) -> bool:
    """A menu or breadcrumb line of a scraped page ("Thời sự", "Khoa học công nghệ", "Thế giới ›
    Phân tích"): at most four words and no digit. Such lines do not count toward the first lines
    where a dateline is looked for (a dateline after a six-line menu is still at the top)."""
    return len(line.split()) <= 4 and not any(ch.isdigit() for ch in line)


def _headline_like(line: str) -> bool:
    s = line.strip()
    words = s.split()
    return (15 <= len(s) <= 250 and 3 <= len(words) <= 40 and s[-1] not in ".;,…" and not s.startswith(("!", "[", "http"))
            and not _HEADER_RE.match(s) and parse_dateline(s) is None)


EXPLICIT_META_KEYS = ("url", "title", "pub_date", "outlet")
DATELINE_LINES = 5          # datelines are looked for in the first lines only (not counting menus; and on bylines)


def explicit_meta(raw: RawInput) -> dict[str, Any]:
    """The metadata stated explicitly with an input (JSONL fields, API parameters), non-empty only."""
    meta = raw.meta or {}
    return {k: meta[k] for k in EXPLICIT_META_KEYS if meta.get(k) not in (None, "")}


def _byline_lines(doc: Document) -> list[tuple[int, str]]:
    """Lines of the text layer that cleaning marked as a byline (kept segment or removed span)."""
    spans = [(s.start, s.end) for s in doc.segments if s.role == "byline"]
    spans += [(r.start, r.end) for r in doc.removed if r.reason.startswith("byline")]
    out = []
    for a, b in sorted(spans):
        ls = doc.text.rfind("\n", 0, a) + 1
        le = doc.text.find("\n", b)
        le = len(doc.text) if le < 0 else le
        out.append((ls, doc.text[ls:le].rstrip("\r")))
    return out


_DIRECTIVE_RE = re.compile(r"^%", re.M)
_NOT_PLAIN_YAML_RE = re.compile(r"[^\n\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd]|[|>\[\]{}!&*%@`\\]")


def _load_front_matter(src: str) -> Any:
    """YAML front matter as PyYAML's ``safe_load`` reads it (None when it is not YAML).

    libyaml's C loader (same safe constructor, ~10x faster) decides alone on plain input:
    printable characters and newlines, no line starting with ``%`` (a directive). Its result is
    used when there are also none of the indicators ``| > [ ] { } ! & * % @``, no backtick or
    backslash and no character outside the BMP; its rejection is final on any plain input (a
    "---" rule that opens a Markdown text is no YAML). The two scanners differ outside that
    (libyaml accepts a tab after ``key:``, ``|#`` ...): there the pure-Python loader decides.
    tests/test_metadata.py checks the two agree on generated front matter."""
    import yaml
    loader = getattr(yaml, "CSafeLoader", None)
    plain = loader is not None and src.replace("\n", "").isprintable() and not _DIRECTIVE_RE.search(src)
    if plain:
        try:
            data = yaml.load(src, Loader=loader)
        except Exception:  # noqa: BLE001 - not front matter after all
            return None
        if not _NOT_PLAIN_YAML_RE.search(src):
            return data
    try:
        return yaml.safe_load(src)
    except Exception:  # noqa: BLE001 - not front matter after all
        return None


def extract_metadata(doc: Document, raw: RawInput, html: str | None = None) -> MetaCandidates:
    """Collect metadata candidates for ``doc`` (after cleaning) and set doc.title/pub_date/outlet/url
    to the most confident ones. Returns the candidates (with the spans of metadata text)."""
    c = MetaCandidates()
    meta = raw.meta or {}
    # --- explicit fields (JSONL record, or the parameters of an API request)
    src_name = "jsonl" if raw.fmt == "jsonl" else ("request" if raw.origin.startswith("api") else "explicit")
    for key, value in explicit_meta(raw).items():
        c.add(key, parse_date_value(value) if key == "pub_date" else value, src_name, 1.0)
    if meta.get("fetched_url"):
        c.add("url", meta["fetched_url"], "fetched", 1.0)
    text = doc.text
    # --- Markdown front matter
    fm = _FRONT_MATTER_RE.match(text)
    if fm:
        data = _load_front_matter(fm.group(1))
        if isinstance(data, dict):
            low = {str(k).lower(): v for k, v in data.items()}
            for key in ("pub_date", "date", "published", "ngay"):
                if key in low:
                    c.add("pub_date", parse_date_value(low[key]), "front-matter", 0.95)
                    break
            c.add("title", low.get("title"), "front-matter", 0.95)
            c.add("outlet", low.get("outlet") or low.get("source"), "front-matter", 0.95)
            c.add("url", low.get("url") or low.get("link"), "front-matter", 0.95)
            c.spans.append((0, fm.end(), "front-matter"))
    # --- header line "date 2025-12-29" at the top
    body_start = fm.end() if fm else 0
    hm = _HEADER_RE.match(text, body_start)
    if hm:
        c.add("pub_date", parse_date_value(hm.group("d")), "header-line", 0.95)
        c.spans.append((hm.start("kw"), hm.end(), "metadata-header"))
    # --- HTML meta
    if html is not None:
        hmeta = _html_meta(html)
        for key, conf in _DATE_META_KEYS.items():
            if key in hmeta:
                c.add("pub_date", parse_date_value(hmeta[key]), "html-meta", conf)
        c.add("title", hmeta.get("og:title"), "html-meta", 0.9)
        tm = _TITLE_TAG_RE.search(html[:200000])
        if tm:
            c.add("title", htmllib.unescape(re.sub(r"<[^>]+>", "", tm.group(1))), "html-title", 0.8)
        c.add("outlet", hmeta.get("og:site_name"), "html-meta", 0.8)
        c.add("url", hmeta.get("og:url"), "html-meta", 0.9)
        lm = _CANONICAL_RE.search(html[:200000])
        if lm:
            href = re.search(r"href=[\"']?([^\"'\s>]+)", lm.group(0))
            if href:
                c.add("url", href.group(1), "html-canonical", 0.95)
        if not c.items.get("pub_date") or not c.items.get("title"):
            try:
                import trafilatura
                tmeta = trafilatura.extract_metadata(html)
            except Exception:  # noqa: BLE001 - metadata is best effort
                tmeta = None
            if tmeta is not None:
                c.add("pub_date", parse_date_value(getattr(tmeta, "date", None)), "trafilatura", 0.8)
                c.add("title", getattr(tmeta, "title", None), "trafilatura", 0.85)
                c.add("outlet", getattr(tmeta, "sitename", None), "trafilatura", 0.75)
    # --- datelines: the first DATELINE_LINES lines at the top (kept, or removed as metadata) and
    #     byline lines anywhere; a date inside the body is not a publication date
    head = _head_region(doc)
    top = [(o, ln) for o, ln in head if o >= body_start and not _menu_like(ln)][:DATELINE_LINES]
    bylines = _byline_lines(doc)
    seen: set[int] = set()
    for off, line in top + bylines:
        if off in seen:
            continue
        seen.add(off)
        dl = find_dateline(line, byline=(off, line) in bylines)
        if dl is not None:
            src_name, conf = dateline_confidence(dl)
            c.add("pub_date", dl.date, src_name, conf)
            continue
        m = _PLACE_RE.match(line)
        if m and all(w[:1].isupper() for w in m.group("place").split()):
            c.add("pub_date", iso_date(m.group(4), m.group(3), m.group(2)), "dateline", 0.8)
    # --- URL: outlet from the host, date from the path
    url = c.best("url")
    if url is not None:
        c.add("outlet", outlet_from_url(url.value), "url-host", 0.9)
        c.add("pub_date", date_from_url(url.value), "url-path", 0.7)
    # --- "Theo dõi <outlet> trên Google News/Zalo/..." follow lines name the outlet
    fm_follow = _FOLLOW_RE.search(text) if "Theo dõi" in text else None     # the pattern's literal
    if fm_follow:
        c.add("outlet", fm_follow.group(1), "follow-line", 0.5)
    # --- dated image URLs inside the text (/2025/2/13/...jpg): the most frequent date
    img_dates = (Counter(d for d in (iso_date(*m.groups()) for m in _IMAGE_URL_RE.finditer(text)) if d)
                 if "://" in text else None)           # an image URL needs "://": skip the scan
    if img_dates:
        best_date = max(img_dates.items(), key=lambda kv: (kv[1], kv[0]))[0]
        c.add("pub_date", best_date, "image-url", 0.4)
    # --- title from cleaning (title segment) or a headline-like first line
    for seg in doc.segments:
        if seg.role == "title":
            c.add("title", text[seg.start:seg.end], "clean-title", 0.8)
            break
    first = next(((o, ln) for o, ln in head if o >= body_start and ln.strip()), None)
    if first and _headline_like(first[1]) and not any(s <= first[0] < e for s, e, _ in c.spans):
        c.add("title", first[1].strip(), "first-line", 0.6)

    doc.pub_date = c.best("pub_date")
    doc.title = c.best("title")
    doc.outlet = c.best("outlet")
    doc.url = c.best("url")
    return c


def exclude_spans(doc: Document, spans: Iterable[tuple[int, int, str]]) -> None:
    """Mark metadata text (front matter, header line) as removed and clip kept segments around it,
    unless cleaning already removed it."""
    for s, e, reason in spans:
        if e <= s or any(r.start <= s and e <= r.end for r in doc.removed):
            continue
        doc.removed.append(RemovedSpan(s, e, reason))
        segs: list[Segment] = []
        for seg in doc.segments:
            if seg.end <= s or seg.start >= e:
                segs.append(seg)
                continue
            for a, b in ((seg.start, min(seg.end, s)), (max(seg.start, e), seg.end)):
                while a < b and doc.text[a].isspace():
                    a += 1
                while b > a and doc.text[b - 1].isspace():
                    b -= 1
                if b > a:
                    segs.append(Segment(a, b, seg.role))
        doc.segments = segs
    doc.removed.sort(key=lambda r: (r.start, r.end))


__all__ = ["Dateline", "parse_dateline", "find_dateline", "dateline_confidence", "explicit_meta",
           "EXPLICIT_META_KEYS", "MetaCandidates", "extract_metadata", "exclude_spans", "parse_date_value", "iso_date",
           "outlet_from_url", "date_from_url"]
