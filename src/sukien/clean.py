"""Cleaning: decide which spans of a document's text layer are article content.

Two entry points (see docs/ARCHITECTURE.md and docs/CLEANING.md):

* ``html_to_text(html)`` renders an HTML page into the *block text layer*: one block (paragraph,
  heading, list item, caption, menu item ...) per line, all visible text included (navigation and
  footer too, so that what cleaning removes can be shown), ``<script>``/``<style>`` dropped.
* ``clean_document(doc, res)`` fills ``doc.segments`` (kept spans with a role: title, lead,
  byline, body, caption, heading) and ``doc.removed`` (``RemovedSpan`` with a reason) over
  ``doc.text``. It never modifies ``doc.text``; every non-blank character ends up in exactly one
  kept segment or removed span.

The rules are generic and line based; the phrase lists (markers, share words, ...) are data in
``data/clean/boilerplate.yaml``. For HTML inputs, trafilatura decides which blocks are main
content; the blocks it leaves out are removed with reason ``html-boilerplate`` and the text rules
then run over the rest.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .clean_html import HtmlBlock, html_blocks, html_main_mask, html_to_text  # noqa: F401 - re-exported
from .models import Document, RemovedSpan, Segment

# ----------------------------------------------------------------------------- reasons

REASONS: dict[str, str] = {
    "front-matter": "Markdown/YAML front matter (metadata, read by ingest)",
    "metadata-line": "a header line that only carries metadata (date, URL, time stamp)",
    "html-boilerplate": "HTML block outside the main content (menu, footer, sidebar, share bar ...)",
    "image-markdown": "Markdown image ![alt](url)",
    "markup": "Markdown syntax (heading hashes, list bullets, emphasis markers, rules)",
    "ad-marker": "advertising marker line",
    "social-follow": "'follow us on ...' line",
    "social-share": "share / like / comment buttons",
    "navigation": "navigation item (mobile version, home, login, tags ...)",
    "related-links": "links to other articles inside the article (marker + headlines)",
    "related-block": "tail of the page made of related headlines, teasers and navigation",
    "duplicate-line": "a line identical to an earlier kept line (e.g. the title repeated)",
}

_DATA_FILE = Path(__file__).parent / "data" / "clean" / "boilerplate.yaml"

# ----------------------------------------------------------------------------- rules (data)


def _norm_key(s: str) -> str:
    """Whole-line lookup key: NFC, lower case, single spaces, edge punctuation trimmed."""
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    low = s.lower()
    # every whitespace character but " " is unprintable (and lower() makes none): in a printable
    # line without double spaces, " ".join(split()) would only trim edge spaces, as strip() does
    if not (s.isprintable() and "  " not in s):
        low = " ".join(low.split())
    return low.strip(" :-–—»>|•·*_#")


def _alternation(keys: list[str]) -> str:
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


@dataclass
class CleanRules:
    """Compiled boilerplate rules, built from ``data/clean/boilerplate.yaml``."""
    markers: frozenset[str]
    navigation: frozenset[str]
    ads: frozenset[str]
    inline_link_re: re.Pattern
    digest_re: re.Pattern
    follow_re: re.Pattern
    share_re: re.Pattern
    tag_re: re.Pattern
    caption_re: re.Pattern
    caption_paren_re: re.Pattern
    metadata_re: re.Pattern

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> CleanRules:
        def keys(name: str) -> list[str]:
            return [unicodedata.normalize("NFC", str(e["key"])).lower() for e in data.get(name) or []]

        cap = _alternation(keys("caption_words"))
        return cls(
            markers=frozenset(keys("related_markers")),
            navigation=frozenset(keys("navigation_lines")),
            ads=frozenset(keys("ad_markers")),
            inline_link_re=re.compile(rf"^(?:{_alternation(keys('inline_link_prefixes'))})\s*(?::|>>?|»)\s*\S", re.I),
            digest_re=re.compile(rf"^(?:{_alternation(keys('digest_prefixes'))})\b[^:\n]{{0,30}}\d{{1,2}}/\d{{1,2}}[^:\n]{{0,12}}:\s*\S", re.I),
            follow_re=re.compile(rf"^(?:{_alternation(keys('follow_prefixes'))})\b.{{0,100}}$", re.I),
            share_re=re.compile(rf"(?:(?:{_alternation(keys('share_words'))})(?!\w)[\s,.:;|/•·\-–]*)+", re.I),
            tag_re=re.compile(rf"^(?:{_alternation(keys('tag_prefixes'))})\s*:\s*\S.{{0,200}}$", re.I),
            # "<description>. Ảnh: Reuters" / "Ảnh: NYT" / "... Ảnh minh họa: AFP."
            caption_re=re.compile(rf"(?:^|[\s.(\-–—|])(?P<kw>{cap})\s*:\s*[^\n:.()]{{1,60}}\.?\s*$", re.I),
            # "<description> (Nguồn: TASS)" / "(Ảnh: AFP)."
            caption_paren_re=re.compile(rf"\((?P<kw>{cap})\s*:\s*[^()\n]{{1,60}}\)\s*\.?\s*$", re.I),
            metadata_re=re.compile(
                rf"^(?:{_alternation(keys('metadata_keys'))})\s*[:=]?\s*"
                r"(?:\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
                r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:,?\s+\d{1,2}[:h]\d{2})?"
                r"|\d{1,2}[:h]\d{2}\s+\d{1,2}/\d{1,2}/\d{4}"
                r"|https?://\S+)(?=\s|$)", re.I),
        )

    @classmethod
    def load(cls, res: Any = None) -> CleanRules:
        import yaml
        path = _DATA_FILE
        if res is not None and getattr(res, "data_dir", None) is not None:
            cand = Path(res.data_dir) / "clean" / "boilerplate.yaml"
            if cand.exists():
                path = cand
        with open(path, encoding="utf-8") as fh:
            return cls.from_data(yaml.safe_load(fh) or {})


def rules_for(res: Any) -> CleanRules:
    """The rules cached on the ``Resources`` instance (no module-level state)."""
    if res is None:
        return CleanRules.load(None)
    rules = getattr(res, "clean_rules", None)
    if isinstance(rules, CleanRules):
        return rules
    rules = getattr(res, "_sukien_clean_rules", None)
    if rules is None:
        rules = CleanRules.load(res)
        try:
            res._sukien_clean_rules = rules
        except AttributeError:       # a Resources stand-in that takes no attributes: no cache
            pass
    return rules


# ----------------------------------------------------------------------------- HTML layer
# html_blocks, html_to_text, html_main_mask: in clean_html.py (imported above, re-exported)

def _html_source(doc: Document) -> str | None:
    """The HTML source of ``doc`` when its text layer was rendered from it."""
    raw = doc.raw
    if raw is None:
        return None
    head = raw[:4000].lower()
    if not re.search(rb"<(?:html|body|p|div|article|h1|main)\b", head) and doc.fmt != "html":
        return None
    for enc in (doc.encoding or "utf-8", "utf-8"):
        try:
            src = raw.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
        src = unicodedata.normalize("NFC", src) if not unicodedata.is_normalized("NFC", src) else src
        if html_to_text(src) == doc.text:
            return src
    return None


# ----------------------------------------------------------------------------- text rules

_IMG_MD_RE = re.compile(r"!\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)?\)")
_MD_HEAD_RE = re.compile(r"^#{1,6}[ \t]+")
_MD_BULLET_RE = re.compile(r"^(?:[-*+]|\d{1,2}\.)[ \t]+")
_MD_HR_RE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,}|={3,})$")
_MD_WRAP_RE = re.compile(r"^(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1$")
_MD_LINK_LINE_RE = re.compile(r"^\[[^\]\n]+\]\([^)\n]+\)\s*\.?$")
_DATE_ONLY_RE = re.compile(
    r"^(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|t[2-7]|cn|ngày|lúc|cập nhật|đăng|gmt\s*[+-]?\s*\d{0,2}"
    r"|utc\s*[+-]?\s*\d{0,2}|\d{1,2}[:h]\d{2}(?::\d{2})?|\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?"
    r"|sáng|chiều|tối|am|pm)[\s,|()\-–:/]*)+$", re.I)
# a time stamp has a full date with the year and a time or a weekday
_STAMP_RE = re.compile(r"(?=.*\d{1,2}[/.-]\d{1,2}[/.-]\d{4})(?=.*(?:\d{1,2}[:h]\d{2}|thứ\s+\w+|chủ\s+nhật))", re.I)
_SENT_END = frozenset(".…;,:")
_CLOSERS = "\"'”’»)]*_ "
_QUOTES_OPEN = "\"'“‘«"
_BYLINE_SUFFIX_RE = re.compile(r"\s*[(\-–—]\s*(?:tổng hợp|theo\b[^)]*|lược dịch|biên dịch|dịch|ttxvn)\)?\s*$", re.I)
_SOURCE_LINE_RE = re.compile(r"^(?:theo|nguồn|source)\s*:?\s*[A-ZĐ][^.!?]{0,80}$")


_KEEP_REASONS = frozenset({"html-boilerplate", "front-matter"})


@dataclass
class _Unit:
    start: int
    end: int
    text: str
    line: int
    reason: str | None = None      # set = removed
    role: str | None = None
    md_title: bool = False         # came from a "# " markdown heading
    html_title: bool = False
    _key: str | None = None
    _caption: bool | None = None

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = _norm_key(self.text)
        return self._key


def _last_char(t: str) -> str:
    t = t.rstrip(_CLOSERS)
    return t[-1] if t else ""


def _headline_like(t: str, limit: int = 250) -> bool:
    return 0 < len(t) <= limit and _last_char(t) not in _SENT_END and not t.endswith("...")


def _teaser(t: str) -> bool:
    t = t.rstrip()
    return t.endswith("...") or t.endswith("…")


def _name_like(t: str) -> bool:
    """A short author-name line: "Bảo Minh", "Thanh Vân (tổng hợp)", "Minh Châu (theo Reuters, TASS)"."""
    core = _BYLINE_SUFFIX_RE.sub("", t).strip()
    words = core.split()
    if not 1 <= len(words) <= 5 or len(core) > 40:
        return False
    return all(w[0].isupper() and not any(ch.isdigit() or ch in ".,:;!?" for ch in w) for w in words)


def _signature_like(t: str) -> bool:
    if _name_like(t) or _SOURCE_LINE_RE.match(t):
        return True
    return len(t) <= 60 and len(t.split()) <= 8 and _last_char(t) not in ".…;,:!?" and t[:1].isupper()


def _heading_like(t: str) -> bool:
    if not t or t[0] in _QUOTES_OPEN or t[0] in "-–—•":
        return False
    if len(t) > 120 or len(t.split()) > 22:
        return False
    last = _last_char(t)
    if last in _SENT_END or t.endswith("..."):
        return False
    if last == "?" and len(t) > 80:
        return False
    return last not in "!\"”"


def _split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, without the newline."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


_INVISIBLE = frozenset("\ufeff\u200b\u200c\u200d\u2060")
# every character for which str.isspace() is true, plus _INVISIBLE (tests check the list)
_BLANK_CHARS = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
                "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000" + "".join(sorted(_INVISIBLE)))
_BLANK_SET = frozenset(_BLANK_CHARS)


def is_blank_char(ch: str) -> bool:
    """Whitespace, BOM and zero-width characters: never part of a kept or removed span."""
    return ch.isspace() or ch in _INVISIBLE


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    """(start, end) of ``text[s:e]`` without blank characters at either edge; (e, e) if all blank."""
    if s >= e:
        return s, e
    if text[s] not in _BLANK_SET and text[e - 1] not in _BLANK_SET:
        return s, e
    seg = text[s:e]
    left = seg.lstrip(_BLANK_CHARS)
    if not left:
        return e, e
    s += len(seg) - len(left)
    return s, s + len(left.rstrip(_BLANK_CHARS))


class _Cleaner:
    def __init__(self, doc: Document, rules: CleanRules):
        self.doc = doc
        self.text = doc.text
        self.rules = rules
        self.removed: list[tuple[int, int, str]] = []
        self.units: list[_Unit] = []
        self.is_md = doc.fmt in ("md", "markdown")
        self.tail_start: int | None = None

    def remove(self, s: int, e: int, reason: str) -> None:
        s, e = _strip_span(self.text, s, e)
        if e > s:
            self.removed.append((s, e, reason))

    # -- step 1: lines → units (front matter, HTML boilerplate, inline markup removed)
    def build_units(self, html_keep: list[bool] | None, html_title: int | None) -> None:
        text = self.text
        lines = _split_lines(text)
        skip_to = -1
        i0 = next((i for i, (s, e) in enumerate(lines) if _strip_span(text, s, e)[1] > _strip_span(text, s, e)[0]),
                  None)
        if i0 is not None:
            first = text[slice(*_strip_span(text, *lines[i0]))]
            if first in ("---", "+++"):
                for j in range(i0 + 1, min(len(lines), i0 + 80)):
                    if text[lines[j][0]:lines[j][1]].strip() == first:
                        self.remove(lines[i0][0], lines[j][1], "front-matter")
                        skip_to = j
                        break
        header_zone = True
        block_no = -1
        for li, (ls, le) in enumerate(lines):
            s, e = _strip_span(text, ls, le)
            if e <= s:
                continue
            block_no += 1
            if li <= skip_to:
                continue
            if html_keep is not None:
                if block_no < len(html_keep) and not html_keep[block_no]:
                    self.remove(s, e, "html-boilerplate")
                    continue
            if header_zone:
                m = self.rules.metadata_re.match(text[s:e])
                if m:
                    self.remove(s, s + m.end(), "metadata-line")
                    s, e = _strip_span(text, s + m.end(), e)
                    if e <= s:
                        continue
            for ps, pe in self._strip_inline(s, e):
                u = _Unit(ps, pe, text[ps:pe], li)
                u.html_title = html_title is not None and block_no == html_title
                if self.is_md and ps > s and text[s:s + 2] == "# ":
                    u.md_title = True
                self.units.append(u)
                header_zone = False

    def _strip_inline(self, s: int, e: int) -> list[tuple[int, int]]:
        """Remove image markdown and Markdown syntax inside one line; return the text pieces."""
        text = self.text
        if not self.is_md and text.find("![", s, e) < 0:      # no image, no Markdown: one piece
            s, e = _strip_span(text, s, e)
            return [(s, e)] if e > s else []
        pieces = []
        pos = s
        for m in _IMG_MD_RE.finditer(text, s, e):
            self.remove(m.start(), m.end(), "image-markdown")
            pieces.append((pos, m.start()))
            pos = m.end()
        pieces.append((pos, e))
        out = []
        for ps, pe in pieces:
            ps, pe = _strip_span(text, ps, pe)
            if pe <= ps:
                continue
            if self.is_md:
                if _MD_HR_RE.match(text[ps:pe]):
                    self.remove(ps, pe, "markup")
                    continue
                seg = text[ps:pe]
                m = _MD_HEAD_RE.match(seg) or _MD_BULLET_RE.match(seg)
                if m and m.end() < len(seg):
                    self.remove(ps, ps + m.end(), "markup")
                    ps, pe = _strip_span(text, ps + m.end(), pe)
                m = _MD_WRAP_RE.match(text[ps:pe])
                if m:
                    w = len(m.group(1))
                    self.remove(ps, ps + w, "markup")
                    self.remove(pe - w, pe, "markup")
                    ps, pe = _strip_span(text, ps + w, pe - w)
            if pe > ps:
                out.append((ps, pe))
        return out

    # -- step 2: per-line rules
    def line_rules(self) -> None:
        r = self.rules
        for u in self.units:
            t = u.text
            key = u.key
            if key in r.ads:
                u.reason = "ad-marker"
            elif key in r.navigation or r.tag_re.match(t):
                u.reason = "navigation"
            elif len(t) <= 140 and r.follow_re.match(t) and _last_char(t) not in ".!?…;," and (
                    " trên" in key[-40:] or key.endswith(" trên") or not key.startswith("theo dõi")):
                u.reason = "social-follow"
            elif len(t) <= 160 and self._share_only(t):
                u.reason = "social-share"
            elif len(t) <= 80 and _DATE_ONLY_RE.match(t) and _STAMP_RE.search(t):
                u.reason = "metadata-line"      # a time stamp; "Ngày 19/5" alone stays (a heading)

    def _share_only(self, t: str) -> bool:
        return self.rules.share_re.fullmatch(t) is not None

    def is_marker(self, u: _Unit) -> bool:
        return len(u.text) <= 60 and u.key in self.rules.markers

    # -- step 3: related blocks
    def related(self) -> None:
        units = [u for u in self.units]
        n = len(units)
        if not n:
            return
        r = self.rules
        marker = [self.is_marker(u) for u in units]
        link = [bool(_MD_LINK_LINE_RE.match(u.text)) or bool(r.inline_link_re.match(u.text)) for u in units]
        head = [_headline_like(u.text) and not self.unit_caption(u) for u in units]
        teaser = [_teaser(u.text) for u in units]
        keys = [u.key for u in units]
        # tail-acceptable units
        ok = [False] * n
        for i, u in enumerate(units):
            if u.reason or marker[i] or link[i] or head[i] or teaser[i]:
                ok[i] = True
            elif i > 0 and head[i - 1] and not marker[i - 1] and not units[i - 1].reason:
                ok[i] = True          # a teaser/lead right after a headline
        suffix_ok = [True] * (n + 1)
        for i in range(n - 1, -1, -1):
            suffix_ok[i] = ok[i] and suffix_ok[i + 1]
        # candidate starts of a tail
        pairs_after = [0] * (n + 1)
        for i in range(n - 1, -1, -1):
            pair = head[i] and i + 1 < n and teaser[i + 1]
            pairs_after[i] = pairs_after[i + 1] + (1 if pair else 0)
        tail = None
        for i in range(n):
            if not suffix_ok[i]:
                continue
            doubled = head[i] and i + 1 < n and keys[i] == keys[i + 1] and len(keys[i]) >= 12
            digest = bool(r.digest_re.match(units[i].text))
            teaser_list = head[i] and i + 1 < n and teaser[i + 1] and pairs_after[i] >= 2
            if marker[i] or doubled or digest or teaser_list:
                tail = i
                break
        end = tail if tail is not None else n
        if tail is not None:
            self.tail_start = units[tail].start
            for u in units[tail:]:
                u.reason = "related-block"
        # inline related blocks: the marker and the headlines right after it
        i = 0
        while i < end:
            if marker[i] and not units[i].reason:
                units[i].reason = "related-links"
                j = i + 1
                taken = 0
                while j < end and taken < 10:
                    if units[j].reason in ("social-share", "social-follow", "navigation", "ad-marker"):
                        j += 1
                        continue
                    if units[j].reason is None and (link[j] or teaser[j] or (head[j] and len(units[j].text) <= 200)):
                        units[j].reason = "related-links"
                        taken += 1
                        j += 1
                        continue
                    break
                i = j
                continue
            if link[i] and not units[i].reason:
                units[i].reason = "related-links"
            elif (head[i] and not units[i].reason and i + 1 < end and keys[i] == keys[i + 1]
                  and len(keys[i]) >= 12 and not units[i + 1].reason):
                # a related headline scraped twice in a row (link text + heading), with its teaser
                units[i].reason = units[i + 1].reason = "related-links"
                i += 2
                if i < end and teaser[i] and not units[i].reason:
                    units[i].reason = "related-links"
                    i += 1
                continue
            i += 1

    def unit_caption(self, u: _Unit) -> bool:
        """``is_caption`` of a unit's text, computed once per unit."""
        if u._caption is None:
            u._caption = self.is_caption(u.text)
        return u._caption

    def is_caption(self, t: str) -> bool:
        if len(t) > 400 or ":" not in t:      # both caption patterns need a colon
            return False
        r = self.rules
        m = r.caption_paren_re.search(t)
        if m:
            return m.group("kw")[0].isupper()
        m = r.caption_re.search(t)
        if not m or not m.group("kw")[0].isupper():      # "Ảnh: Reuters", not "... hình ảnh: ..."
            return False
        return not (m.start() == 0 and re.match(r"(?i)\s*(?:nguồn|source)\b", t))

    # -- step 4: duplicates
    def duplicates(self) -> None:
        seen: set[str] = set()
        for u in self.units:
            if u.reason:
                continue
            k = u.key
            if k in seen:
                u.reason = "duplicate-line"
            else:
                seen.add(k)

    # -- step 5: roles
    def roles(self) -> None:
        kept = [u for u in self.units if not u.reason]
        if not kept:
            return
        for u in kept:
            if self.unit_caption(u):
                u.role = "caption"
        i = 0
        first = kept[0]
        title_ok = (first.role is None and _headline_like(first.text) and len(first.text.split()) >= 3
                    and not _name_like(first.text))
        if first.html_title or first.md_title or title_ok:
            first.role = "title"
            i = 1
        if i < len(kept) and kept[i].role is None and _name_like(kept[i].text) and i + 1 < len(kept):
            kept[i].role = "byline"
            i += 1
        for u in kept[i:i + 4]:
            if u.role is None and not _heading_like(u.text) and not _name_like(u.text):
                u.role = "lead"
                break
            if u.role is None:
                break
        last = kept[-1]
        prev = kept[-2] if len(kept) > 1 else None
        # a signature closes the article: it follows a paragraph or caption, not a list of short lines
        if (prev is not None and last.role is None and _signature_like(last.text)
                and (_name_like(last.text) or prev.role == "caption" or not _headline_like(prev.text, 120))):
            last.role = "byline"
        for u in kept:
            if u.role is None:
                u.role = "heading" if _heading_like(u.text) else "body"

    def result(self) -> tuple[list[Segment], list[RemovedSpan]]:
        segs = [Segment(u.start, u.end, u.role or "body") for u in self.units if not u.reason]
        spans = list(self.removed) + [(u.start, u.end, u.reason) for u in self.units if u.reason]
        if self.tail_start is not None:   # markup/images inside the tail belong to the tail
            spans = [(s, e, "related-block" if s >= self.tail_start and r not in _KEEP_REASONS else r)
                     for s, e, r in spans]
        spans.sort()
        merged: list[list[Any]] = []
        kept_starts = sorted(s.start for s in segs)
        for s, e, reason in spans:
            if merged and merged[-1][2] == reason and merged[-1][1] <= s and not self.text[merged[-1][1]:s].strip():
                # merge only when no kept segment lies in between
                k = bisect.bisect_left(kept_starts, merged[-1][1])
                if k >= len(kept_starts) or kept_starts[k] >= s:
                    merged[-1][1] = max(merged[-1][1], e)
                    continue
            merged.append([s, e, reason])
        return segs, [RemovedSpan(s, e, reason) for s, e, reason in merged]


def clean_document(doc: Document, res: Any = None) -> Document:
    """Fill ``doc.segments`` and ``doc.removed`` over ``doc.text`` (which is never modified)."""
    rules = rules_for(res)
    html_keep = None
    html_title = None
    src = _html_source(doc)
    if src is not None:
        blocks = html_blocks(src)
        html_keep, _traf, html_title = html_main_mask(src, blocks)
    c = _Cleaner(doc, rules)
    c.build_units(html_keep, html_title)
    c.line_rules()
    c.related()
    c.duplicates()
    c.roles()
    doc.segments, doc.removed = c.result()
    return doc


def line_report(doc: Document) -> list[dict[str, Any]]:
    """Per non-blank line of ``doc.text``: 1-based line number and what cleaning did with it
    (``kept`` roles and ``removed`` reasons, in order). Used by golden files and ``sukien show``."""
    text = doc.text
    items = sorted([(s.start, s.end, "kept", s.role) for s in doc.segments]
                   + [(r.start, r.end, "removed", r.reason) for r in doc.removed])
    out = []
    starts = [it[0] for it in items]
    for no, (ls, le) in enumerate(_split_lines(text), 1):
        if not text[ls:le].strip():
            continue
        k = max(0, bisect.bisect_right(starts, ls) - 1)
        kept, removed = [], []
        while k < len(items) and items[k][0] < le:
            s, e, kind, label = items[k]
            if e > ls and s < le:
                (kept if kind == "kept" else removed).append(label)
            k += 1
        out.append({"line": no, "kept": kept, "removed": removed})
    return out
