"""The HTML layer of cleaning: render a page into block text and find its main content.

``html_blocks`` walks the DOM (lxml) into visible blocks with their context, ``html_to_text``
joins them into the block text layer (one block per line) and ``html_main_mask`` decides which
blocks are main content (trafilatura, widened to the article region). ``sukien.clean`` uses
them and re-exports them; see docs/CLEANING.md.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

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


__all__ = ["HtmlBlock", "html_blocks", "html_to_text", "html_main_mask"]
