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
_WEEKDAY_RE = re.compile(
    r"(?:Thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|Chủ\s*nhật|\bT[2-7]|\bCN)\s*[,.\-–]?\s*(?:ngày\s*)?"
    r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s*[,\-–|]?\s*(\d{1,2})[:hH](\d{2}))?", re.I)
_PLACE_RE = re.compile(
    r"^[ \t(]*(?P<place>[^\W\d_][\w.]*(?:[ \t]+[^\W\d_][\w.]*){0,3})\)?[ \t]*[,\-–][ \t]*ngày[ \t]+"
    r"(\d{1,2})[ \t]*(?:/|tháng)[ \t]*(\d{1,2})[ \t]*(?:/|năm)[ \t]*(\d{4})", re.M)
_DATETIME_LINE_RE = re.compile(
    r"^[ \t]*(?:(\d{1,2})/(\d{1,2})/(\d{4})|(\d{4})-(\d{2})-(\d{2}))[ \t]*[,\-–|T]?[ \t]*(\d{1,2})[:hH](\d{2})", re.M)
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


def _headline_like(line: str) -> bool:
    s = line.strip()
    words = s.split()
    return (15 <= len(s) <= 250 and 3 <= len(words) <= 40 and s[-1] not in ".;,…" and not s.startswith(("!", "[", "http"))
            and not _HEADER_RE.match(s))


def extract_metadata(doc: Document, raw: RawInput, html: str | None = None) -> MetaCandidates:
    """Collect metadata candidates for ``doc`` (after cleaning) and set doc.title/pub_date/outlet/url
    to the most confident ones. Returns the candidates (with the spans of metadata text)."""
    c = MetaCandidates()
    meta = raw.meta or {}
    # --- explicit fields (JSONL)
    if raw.fmt == "jsonl":
        c.add("pub_date", parse_date_value(meta.get("pub_date")), "jsonl", 1.0)
        c.add("title", meta.get("title"), "jsonl", 1.0)
        c.add("outlet", meta.get("outlet"), "jsonl", 1.0)
        c.add("url", meta.get("url"), "jsonl", 1.0)
    if meta.get("fetched_url"):
        c.add("url", meta["fetched_url"], "fetched", 1.0)
    text = doc.text
    # --- Markdown front matter
    fm = _FRONT_MATTER_RE.match(text)
    if fm:
        try:
            import yaml
            data = yaml.safe_load(fm.group(1))
        except Exception:  # noqa: BLE001 - not front matter after all
            data = None
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
    # --- datelines and bylines at the top of the text (outside removed spans)
    head = _head_region(doc)
    for off, line in head:
        if off < body_start:
            continue
        m = _WEEKDAY_RE.search(line)
        if m:
            c.add("pub_date", iso_date(m.group(3), m.group(2), m.group(1)), "dateline", 0.85)
        m = _PLACE_RE.match(line)
        if m and all(w[:1].isupper() for w in m.group("place").split()):
            c.add("pub_date", iso_date(m.group(4), m.group(3), m.group(2)), "dateline", 0.8)
        m = _DATETIME_LINE_RE.match(line)
        if m:
            g = m.groups()
            d = iso_date(g[2], g[1], g[0]) if g[0] else iso_date(g[3], g[4], g[5])
            c.add("pub_date", d, "byline-date", 0.75)
    # --- URL: outlet from the host, date from the path
    url = c.best("url")
    if url is not None:
        c.add("outlet", outlet_from_url(url.value), "url-host", 0.9)
        c.add("pub_date", date_from_url(url.value), "url-path", 0.7)
    # --- "Theo dõi <outlet> trên Google News/Zalo/..." follow lines name the outlet
    fm_follow = _FOLLOW_RE.search(text)
    if fm_follow:
        c.add("outlet", fm_follow.group(1), "follow-line", 0.5)
    # --- dated image URLs inside the text (/2025/2/13/...jpg): the most frequent date
    img_dates = Counter(d for d in (iso_date(*m.groups()) for m in _IMAGE_URL_RE.finditer(text)) if d)
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


__all__ = ["MetaCandidates", "extract_metadata", "exclude_spans", "parse_date_value", "iso_date",
           "outlet_from_url", "date_from_url"]
