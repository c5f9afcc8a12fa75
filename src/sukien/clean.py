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
    return " ".join(s.lower().replace("\u00a0", " ").split()).strip(" :-–—»>|•·*_#")


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

_WS_RE = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u2060\u2009\u202f\ufeff]+")
_SKIP_TAGS = frozenset("script style noscript template svg math canvas iframe object embed head "
                       "title meta link select textarea video audio".split())
_BLOCK_TAGS = frozenset("address article aside blockquote body center dd details dialog dir div dl "
                        "dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr "
                        "html legend li main menu nav ol p pre section summary table tbody thead "
                        "tfoot tr td th caption ul option br".split())
_SEPARATED_INLINE = frozenset({"a", "button", "label"})
_BOILER_TAGS = frozenset({"nav", "footer", "aside", "form", "button"})
_BOILER_TOKENS = frozenset(
    "nav navbar navigation menu mainmenu submenu footer breadcrumb breadcrumbs share sharing "
    "social socials related relate lienquan tinlienquan comment comments binhluan cookie cookies "
    "consent banner ads ad advert advertisement quangcao sidebar tags tag keywords keyword "
    "subscribe newsletter login search popup modal mostread mostview cate category toplinks "
    "mostpopular popular widget".split())
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")


@dataclass
class HtmlBlock:
    text: str
    tag: str                       # the innermost block element the text started in
    tags: frozenset[str]           # tag names of that element and its ancestors
    tokens: frozenset[str]         # class/id tokens of that element and its ancestors
    path: tuple[int, ...]          # serial numbers of the enclosing elements (outermost first)


def _parse_html(html: str):
    from lxml import etree
    from lxml import html as lhtml
    s = html.lstrip("\ufeff")
    s = re.sub(r"^\s*<\?xml[^>]*\?>", "", s)
    s = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", " ", s)
    if not s.strip():
        return None
    parser = lhtml.HTMLParser(huge_tree=True)     # deeply nested pages (libxml2 caps depth at 2048)
    try:
        return lhtml.document_fromstring(s, parser=parser)
    except (etree.ParserError, ValueError):
        try:
            return lhtml.fragment_fromstring(s, create_parent="div", parser=parser)
        except (etree.ParserError, ValueError):
            return None


_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _hidden(el) -> bool:
    """Elements a browser does not show (hidden attribute, inline display:none)."""
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE_RE.search(style))


def html_blocks(html: str) -> list[HtmlBlock]:
    """The visible blocks of an HTML page, in document order, with their DOM context."""
    root = _parse_html(html)
    if root is None:
        return []
    body = root.find("body")
    if body is None:
        body = root
    blocks: list[HtmlBlock] = []
    buf: list[str] = []
    buf_ctx: list[Any] = [None]
    serial = [0]

    def flush() -> None:
        if buf:
            text = _WS_RE.sub(" ", "".join(buf)).strip()
            buf.clear()
            if text:
                tag, tags, tokens, path = buf_ctx[0]
                blocks.append(HtmlBlock(text, tag, tags, tokens, path))
        buf_ctx[0] = None

    def add(text: str | None, ctx) -> None:
        if text:
            if buf_ctx[0] is None:
                if not text.strip():
                    return
                buf_ctx[0] = ctx
            buf.append(text)

    root_ctx = ("body", frozenset({"body"}), frozenset(), ())
    ctx_stack = [root_ctx]
    # iterative walk (deeply nested pages must not hit the recursion limit)
    stack: list[tuple[Any, bool]] = [(body, False)]
    first = True
    while stack:
        el, leaving = stack.pop()
        if leaving:
            tag = el.tag.lower()
            if tag in _BLOCK_TAGS:
                flush()
            ctx_stack.pop()
            add(el.tail, ctx_stack[-1])
            continue
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if tag is None or tag in _SKIP_TAGS or _hidden(el):
            if not first:
                add(el.tail, ctx_stack[-1])
            continue
        first = False
        parent = ctx_stack[-1]
        serial[0] += 1
        own = set()
        for attr in ("class", "id"):
            v = el.get(attr)
            if v:
                own.update(t for t in _TOKEN_SPLIT.split(v.lower()) if t)
        ctx = (tag if tag in _BLOCK_TAGS else parent[0], parent[1] | {tag},
               parent[2] | own if own else parent[2], parent[3] + (serial[0],))
        if tag in _BLOCK_TAGS:
            flush()
        elif tag in _SEPARATED_INLINE and buf and buf[-1][-1:].isalnum():
            buf.append(" ")                  # adjacent menu links: "Trang chủ" "Thế giới"
        ctx_stack.append(ctx)
        add(el.text, ctx)
        stack.append((el, True))
        for child in reversed(el):
            stack.append((child, False))
    flush()
    return blocks


def html_to_text(html: str) -> str:
    """Render an HTML page into the block text layer (one block per line)."""
    return "\n".join(b.text for b in html_blocks(html))


def _align_key(s: str) -> str:
    s = unicodedata.normalize("NFC", s).lower()
    return "".join(ch for ch in s if ch.isalnum())


def _trafilatura_main(html: str) -> tuple[list[str], str | None] | None:
    """trafilatura's main-content paragraphs and title; None when it finds nothing."""
    try:
        import trafilatura
    except ImportError:          # pragma: no cover - a declared dependency
        return None
    try:
        res = trafilatura.bare_extraction(html, include_comments=False, include_tables=True,
                                          include_images=False, favor_recall=True, deduplicate=False,
                                          with_metadata=True)
    except Exception:            # noqa: BLE001 - a parser failure means "no main content found"
        return None
    if res is None:
        return None
    get = res.get if isinstance(res, dict) else (lambda k: getattr(res, k, None))
    text = get("text") or ""
    lines = [ln.strip().strip("|").strip() for ln in text.splitlines()]
    return [ln for ln in lines if ln], get("title")


def _is_boiler_block(b: HtmlBlock) -> bool:
    if b.tags & _BOILER_TAGS or b.tokens & _BOILER_TOKENS:
        return True
    return "header" in b.tags and not (b.tags & {"article", "main"})


def html_main_mask(html: str, blocks: list[HtmlBlock]) -> tuple[list[bool], list[bool], int | None]:
    """Which blocks are main content.

    Returns (keep, trafilatura_only, title_index): ``trafilatura_only`` is the raw alignment of
    trafilatura's paragraphs with the blocks (reported for measurement); ``keep`` widens it to the
    article region: from the title block to the last main block, plus blocks inside the innermost
    element that holds all main blocks, minus blocks under navigation/share/related/footer markup.
    """
    n = len(blocks)
    found = _trafilatura_main(html)
    keys = [_align_key(b.text) for b in blocks]
    core = [False] * n
    title_idx: int | None = None
    if found is not None:
        tlines, title = found
        tkeys = [_align_key(t) for t in tlines]
        tset = set(tkeys)
        joined = "\n".join(tkeys)
        for i, k in enumerate(keys):
            if not k:
                continue
            if k in tset or (len(k) >= 20 and k in joined):
                core[i] = True
        if title:
            tk = _align_key(title)
            cands = [i for i, k in enumerate(keys) if k and k == tk]
            if cands:
                h1 = [i for i in cands if blocks[i].tag == "h1"]
                title_idx = (h1 or cands)[0]
    if title_idx is None:
        h1s = [i for i, b in enumerate(blocks) if b.tag == "h1" and not _is_boiler_block(b)]
        if h1s:
            title_idx = h1s[0]
    traf_only = list(core)
    main = [i for i in range(n) if core[i] and not _is_boiler_block(blocks[i])]
    if not main:   # trafilatura found nothing usable: fall back to <article>/<main> or all non-boilerplate
        inside = [i for i, b in enumerate(blocks) if b.tags & {"article", "main"} and not _is_boiler_block(b)]
        main = inside or [i for i, b in enumerate(blocks) if not _is_boiler_block(b)]
    keep = [False] * n
    if not main:
        return keep, traf_only, title_idx
    # the innermost element holding every main block
    prefix = blocks[main[0]].path
    for i in main[1:]:
        p = blocks[i].path
        j = 0
        while j < len(prefix) and j < len(p) and prefix[j] == p[j]:
            j += 1
        prefix = prefix[:j]
    lo = min(main[0], title_idx) if title_idx is not None else main[0]
    hi = main[-1]
    for i, b in enumerate(blocks):
        if i == title_idx:
            keep[i] = True
            continue
        if _is_boiler_block(b):
            continue
        in_region = lo <= i <= hi
        in_container = len(prefix) > 0 and b.path[:len(prefix)] == prefix and i > hi
        if in_region or in_container:
            keep[i] = True
    return keep, traf_only, title_idx


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


def is_blank_char(ch: str) -> bool:
    """Whitespace, BOM and zero-width characters: never part of a kept or removed span."""
    return ch.isspace() or ch in _INVISIBLE


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in _INVISIBLE):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _INVISIBLE):
        e -= 1
    return s, e


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
        nonblank = [i for i, (s, e) in enumerate(lines) if _strip_span(text, s, e)[1] > _strip_span(text, s, e)[0]]
        if nonblank:
            i0 = nonblank[0]
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
        head = [_headline_like(u.text) and not self.is_caption(u.text) for u in units]
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

    def is_caption(self, t: str) -> bool:
        if len(t) > 400:
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
            if self.is_caption(u.text):
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
