"""HTTP API and web UI (FastAPI on uvicorn): timeline, evidence, sources, search.

``create_app(db, read_only=False, config=None)`` builds the ASGI app. Reads go through
one reader connection on the event loop (async endpoints: SQLite calls are short);
writes (``POST /api/documents``) run in a worker thread on a separate writer
connection, one at a time, then update the search index. Read-only mode opens the
database read-only, keeps the search index in memory and refuses every write (403).

Security: article text is only ever rendered through Jinja2 autoescaping (highlighted
passages are built as lists of plain-text pieces, never as HTML strings); ids are
looked up in the database, never used as paths; static files come from StaticFiles;
request bodies are capped (413); every page carries a Content-Security-Policy that
allows only this origin (no CDN: /docs is a self-hosted page, not Swagger UI's CDN).
"""
from __future__ import annotations

import io
import json
import re
import threading
from contextlib import asynccontextmanager
from datetime import date as _date
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from .config import Config, Resources
from .search import SearchIndex
from .store import Store
from .web import views as wd

WEB_DIR = Path(__file__).parent / "web"
EVENT_TYPES = ("phone_call", "meeting", "visit", "negotiation", "agreement", "ceasefire",
               "prisoner_exchange", "proposal", "statement", "other")
STATUSES = ("occurred", "planned", "hypothetical", "denied")
LANGS = ("vi", "en")
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
       "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


class ApiError(HTTPException):
    """A 4xx with a machine-readable ``type``."""

    def __init__(self, status: int, message: str, type_: str = "bad_request"):
        super().__init__(status_code=status, detail=message)
        self.type = type_


# ------------------------------------------------------------------ ASGI middleware

class GuardMiddleware:
    """Body size cap (413, by Content-Length and while streaming) + security headers."""

    def __init__(self, app, max_body: int):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for k, v in scope.get("headers", []):
            if k == b"content-length":
                try:
                    too_big = int(v) > self.max_body
                except ValueError:
                    too_big = False
                if too_big:
                    return await _send_json(send, 413, _err_body(413, "payload_too_large",
                                                                 f"request body over {self.max_body} bytes"))
        seen = 0

        async def limited_receive():
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_body:
                    raise ApiError(413, f"request body over {self.max_body} bytes", "payload_too_large")
            return msg

        async def send_with_headers(msg):
            if msg["type"] == "http.response.start":
                headers = list(msg.get("headers", []))
                headers += [(b"content-security-policy", CSP.encode()),
                            (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"),
                            (b"x-frame-options", b"DENY")]
                msg = {**msg, "headers": headers}
            await send(msg)

        await self.app(scope, limited_receive, send_with_headers)


def _err_body(status: int, type_: str, message: str, details: Any = None) -> dict:
    err: dict[str, Any] = {"status": status, "type": type_, "message": message}
    if details is not None:
        err["details"] = details
    return {"error": err}


async def _send_json(send, status: int, body: dict) -> None:
    data = json.dumps(body, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode()),
                            (b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff")]})
    await send({"type": "http.response.body", "body": data})


# ------------------------------------------------------------------ parameters

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date_param(name: str, value: str | None, *, upper: bool) -> str | None:
    """'2025', '2025-03' or '2025-03-18' → a bound comparable with events.date_sort."""
    if value is None or value == "":
        return None
    m = _DATE_RE.match(value.strip())
    if not m:
        raise ApiError(422, f"'{name}' must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}", "invalid_parameter")
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        _date(int(y), int(mo or 1), int(d or 1))
    except ValueError:
        raise ApiError(422, f"'{name}' is not a real date: {value!r}", "invalid_parameter") from None
    if d:
        return f"{y}-{mo}-{d}"
    if mo:
        return f"{y}-{mo}-99" if upper else f"{y}-{mo}-00"
    return f"{y}-99-99" if upper else f"{y}-00-00"


def check_choice(name: str, value: str | None, choices: tuple[str, ...]) -> str | None:
    if value in (None, ""):
        return None
    if value not in choices:
        raise ApiError(422, f"'{name}' must be one of {', '.join(choices)}; got {value!r}", "invalid_parameter")
    return value


class Filters:
    def __init__(self, actor=None, type=None, status=None, date_from=None, date_to=None, q=None):
        self.actor = (actor or "").strip() or None
        self.type = check_choice("type", type, EVENT_TYPES)
        self.status = check_choice("status", status, STATUSES)
        self.raw_from, self.raw_to = date_from or "", date_to or ""
        self.lo = parse_date_param("from", date_from, upper=False)
        self.hi = parse_date_param("to", date_to, upper=True)
        if self.lo and self.hi and self.lo > self.hi:
            raise ApiError(422, "'from' is after 'to'", "invalid_parameter")
        self.q = (q or "").strip() or None

    def as_query(self) -> dict[str, str]:
        d = {"actor": self.actor, "type": self.type, "status": self.status,
             "from": self.raw_from, "to": self.raw_to, "q": self.q}
        return {k: v for k, v in d.items() if v}


# ------------------------------------------------------------------ app state

class State:
    def __init__(self, db: str, read_only: bool, config: Config):
        self.db, self.read_only, self.config = db, read_only, config
        self.res = Resources(config)
        if read_only:
            if not Path(db).exists():
                raise FileNotFoundError(f"database not found: {db}")
            self.writer = None
            self.reader = Store(db, read_only=True)
            self.index = SearchIndex.for_store(self.reader)
        else:
            self.writer = Store(db)                      # creates / migrates the database
            self.reader = Store(db, read_only=True) if db != ":memory:" else self.writer
            self.index = SearchIndex(self.writer, query_conn=self.reader.conn)
        self.write_lock = threading.Lock()
        self.repo = wd.Repo(self.reader, self.res)
        self.index.refresh()
        self._reader_version = self._version()

    def _version(self) -> int:
        return self.reader.conn.execute("PRAGMA data_version").fetchone()[0]

    def fresh_index(self) -> SearchIndex:
        """Refresh the index when another connection wrote since the last look (lazy)."""
        v = self._version()
        if v != self._reader_version and self.write_lock.acquire(blocking=False):
            try:
                self.index.refresh()
                self._reader_version = v
            finally:
                self.write_lock.release()
        return self.index

    def close(self) -> None:
        for st in {id(s): s for s in (self.reader, self.writer) if s is not None}.values():
            try:
                st.close()
            except Exception:  # pragma: no cover - closing twice
                pass


# ------------------------------------------------------------------ the app

def create_app(db: str, read_only: bool = False, config: Config | None = None) -> FastAPI:
    """Build the FastAPI app over the database file ``db``."""
    config = config or Config(db=db)
    state = State(db, read_only, config)

    @asynccontextmanager
    async def lifespan(_app):
        yield
        state.close()

    app = FastAPI(title="sukien", version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Vietnamese news → a deduplicated, source-attributed timeline of "
                              "diplomatic events. JSON API under /api; HTML pages at /, /events/{id}, "
                              "/documents/{id}, /actors/{id}, /search.")
    app.state.sukien = state
    app.add_middleware(GuardMiddleware, max_body=config.max_bytes)
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(WEB_DIR / "templates")),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["q"] = lambda s: quote(str(s), safe="")
    env.filters["evalue"] = wd.evidence_value
    strings = json.loads((WEB_DIR / "templates" / "i18n.json").read_text(encoding="utf-8"))
    repo = state.repo

    # ---------------------------------------------------------- errors
    def _is_api(request: Request) -> bool:
        p = request.url.path
        return p.startswith("/api/") or p == "/api" or p == "/openapi.json"

    def _error_page(request: Request, status: int, message: str) -> HTMLResponse:
        lang = _lang(request)
        t = strings[lang]
        title = t["not_found"] if status == 404 else t["bad_request"]
        return _render(request, "error.html", {"status": status, "title": title, "message": message},
                       status=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        type_ = getattr(exc, "type", None) or {404: "not_found", 403: "forbidden", 405: "method_not_allowed",
                                                413: "payload_too_large"}.get(exc.status_code, "error")
        msg = exc.detail if isinstance(exc.detail, str) else "error"
        if _is_api(request) or exc.status_code == 413:
            return JSONResponse(_err_body(exc.status_code, type_, msg), status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        return _error_page(request, exc.status_code, msg)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in exc.errors()]
        msg = "; ".join(f"{'.'.join(str(x) for x in d['loc'][1:]) or 'request'}: {d['msg']}" for d in details)
        if _is_api(request):
            return JSONResponse(_err_body(422, "invalid_parameter", msg, details), status_code=422)
        return _error_page(request, 422, msg)

    # ---------------------------------------------------------- rendering helpers
    def _lang(request: Request) -> str:
        lang = request.query_params.get("lang") or request.cookies.get("lang") or "vi"
        return lang if lang in LANGS else "vi"

    def _render(request: Request, template: str, ctx: dict, status: int = 200) -> HTMLResponse:
        lang = _lang(request)
        other = "en" if lang == "vi" else "vi"
        params = dict(request.query_params)
        params["lang"] = other
        base = {"t": strings[lang], "lang": lang, "other_lang": other,
                "lang_url": "/" + request.url.path.lstrip("/") + "?" + urlencode(params),   # never "//host"
                "read_only": state.read_only, "event_types": EVENT_TYPES, "statuses": STATUSES,
                "request_path": request.url.path}
        html = env.get_template(template).render(**base, **ctx)
        resp = HTMLResponse(html, status_code=status)
        if request.query_params.get("lang") in LANGS:
            resp.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax", httponly=True)
        return resp

    def _filters(actor, type, status, date_from, date_to, q) -> Filters:
        return Filters(actor, type, status, date_from, date_to, q)

    def _event_ids_for(f: Filters) -> list[str] | None:
        return state.fresh_index().event_ids(f.q) if f.q else None

    # ---------------------------------------------------------- JSON API
    @app.get("/api/events", tags=["events"], summary="List canonical events (filtered, paginated)")
    async def api_events(actor: str | None = Query(None, description="actor: canonical name, name in any case / without accents, dictionary id; a country also matches its nationals' events (docs/API.md, Actor filter)"),
                         type: str | None = Query(None, description="event type, e.g. phone_call"),
                         status: str | None = Query(None, description="occurred|planned|hypothetical|denied"),
                         date_from: str | None = Query(None, alias="from", description="YYYY[-MM[-DD]]"),
                         date_to: str | None = Query(None, alias="to", description="YYYY[-MM[-DD]]"),
                         q: str | None = Query(None, description="full-text filter (accent-insensitive)"),
                         limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)):
        f = _filters(actor, type, status, date_from, date_to, q)
        total, items = repo.list_events(f, limit=limit, offset=offset, ids=_event_ids_for(f))
        return {"total": total, "limit": limit, "offset": offset, "filters": f.as_query(),
                "items": [wd.event_brief(e) for e in items]}

    @app.get("/api/events/{event_id:path}", tags=["events"],
             summary="One event: attributes, mentions, evidence, sources, conflicts, related events")
    async def api_event(event_id: str):
        ev = repo.get_event(event_id)
        if ev is None:
            raise ApiError(404, f"no event with id {event_id!r}", "not_found")
        return wd.event_json(ev, repo)

    @app.get("/api/documents", tags=["documents"], summary="List documents (paginated)")
    async def api_documents(limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)):
        total, items = repo.list_documents(limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/api/documents/{doc_id:path}", tags=["documents"],
             summary="One document: cleaned text, removed spans, mentions, events")
    async def api_document(doc_id: str):
        doc = repo.get_document(doc_id)
        if doc is None:
            raise ApiError(404, f"no document with id {doc_id!r}", "not_found")
        return wd.document_json(doc)

    @app.get("/api/actors", tags=["actors"], summary="Actors that take part in events")
    async def api_actors():
        items = repo.actors()
        return {"total": len(items), "items": items}

    @app.get("/api/actors/{actor_id:path}", tags=["actors"], summary="One actor and its events over time")
    async def api_actor(actor_id: str):
        a = repo.actor(actor_id)
        if a is None:
            raise ApiError(404, f"no actor with id {actor_id!r}", "not_found")
        return {**a, "events": [wd.event_brief(e) for e in a["events"]]}

    @app.get("/api/search", tags=["search"], summary="Full-text search over events and documents (BM25)")
    async def api_search(q: str = Query(..., min_length=1, max_length=500, description="query; accents optional"),
                         limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0)):
        res = wd.run_search(state.fresh_index(), repo, q, limit=limit, offset=offset)
        return res

    @app.get("/api/export", tags=["events"], summary="Export every canonical event (EXPORT.md JSONL, or CSV)")
    async def api_export(format: str = Query("jsonl", description="jsonl | csv")):
        if format not in ("jsonl", "csv"):
            raise ApiError(422, f"'format' must be jsonl or csv; got {format!r}", "invalid_parameter")
        from . import export as _export
        buf = io.StringIO()
        (_export.export_jsonl if format == "jsonl" else _export.export_csv)(state.reader, buf)
        media = "application/x-ndjson" if format == "jsonl" else "text/csv"
        return PlainTextResponse(buf.getvalue(), media_type=media + "; charset=utf-8",
                                 headers={"content-disposition": f'attachment; filename="sukien-events.{format}"'})

    @app.post("/api/documents", tags=["documents"], status_code=201,
              summary="Ingest documents (text, Markdown, HTML or JSONL body) and run the pipeline")
    async def api_post_documents(
            request: Request,
            id_: str | None = Query(None, alias="id", max_length=500,
                                   description="document id for a text/Markdown/HTML body (or header X-Document-Id); "
                                               "default api-<sha1(body)[:12]>"),
            doc_id: str | None = Query(None, max_length=500, description="same as 'id' (older name)"),
            fmt: str | None = Query(None, description="txt | md | html | jsonl (default: from Content-Type)"),
            title: str | None = Query(None, max_length=1000),
            pub_date: str | None = Query(None, description="YYYY-MM-DD"),
            outlet: str | None = Query(None, max_length=200),
            url: str | None = Query(None, max_length=2000)):
        import hashlib
        from .ingest import ingest_raws
        from .models import RawInput
        if state.read_only:
            raise ApiError(403, "the server runs in read-only mode: writes are refused", "forbidden")
        body = await request.body()          # capped by GuardMiddleware (413)
        if not body.strip():
            raise ApiError(400, "empty request body", "bad_request")
        fmt = wd.body_format(fmt, request.headers.get("content-type", ""))
        if pub_date:
            parse_date_param("pub_date", pub_date, upper=False)
        meta = {k: v for k, v in {"title": title, "pub_date": pub_date, "outlet": outlet, "url": url}.items() if v}
        did = (id_ or doc_id or request.headers.get("x-document-id") or "").strip()
        if len(did) > 500:
            raise ApiError(422, "the document id is longer than 500 characters", "invalid_parameter")
        if fmt == "jsonl":                   # one document per line; ids from the records
            raw = RawInput(doc_id="api", origin="api", data=body, fmt="jsonl")
        else:
            did = did or f"api-{hashlib.sha1(body).hexdigest()[:12]}"
            raw = RawInput(doc_id=did, origin="api", data=body, fmt=fmt, meta=meta)

        def work() -> dict:
            with state.write_lock:
                report = ingest_raws([raw], state.writer, state.res, progress="none")
                result = report.to_dict()
                result["ingested"] = len(report.new) + len(report.updated)
                result["documents"] = report.new + report.updated + report.unchanged
                result["search_index"] = state.index.refresh()
                return result

        result = await run_in_threadpool(work)
        if result.get("ingested"):
            return JSONResponse(result, status_code=201)
        if result.get("failed") and not result.get("documents"):
            first = result["failed"][0]
            body = _err_body(422, "invalid_document", f"{first.get('stage')}: {first.get('reason')}")
            return JSONResponse({**body, "report": result}, status_code=422)
        return JSONResponse(result, status_code=200)          # every document already stored, unchanged

    # ---------------------------------------------------------- HTML pages
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def page_timeline(request: Request, actor: str | None = None, type: str | None = None,
                            status: str | None = None, date_from: str | None = Query(None, alias="from"),
                            date_to: str | None = Query(None, alias="to"), q: str | None = None,
                            zoom: str = "year", offset: int = Query(0, ge=0)):
        f = _filters(actor, type, status, date_from, date_to, q)
        zoom = zoom if zoom in ("year", "month") else "year"
        ids = _event_ids_for(f)
        total, events = repo.list_events(f, limit=5000, offset=0, ids=ids)
        axis = wd.build_axis(events, zoom, _lang(request))
        page = events[offset:offset + 200]
        return _render(request, "timeline.html", {
            "f": f, "zoom": zoom, "axis": axis, "total": total, "events": page, "offset": offset,
            "next_offset": offset + 200 if offset + 200 < len(events) else None,
            "actors": repo.actors(), "query": f.as_query(),
            "zoom_urls": {z: "/?" + urlencode({**f.as_query(), "zoom": z}) for z in ("year", "month")}})

    @app.get("/events/{event_id:path}", response_class=HTMLResponse, include_in_schema=False)
    async def page_event(request: Request, event_id: str):
        ev = repo.get_event(event_id)
        if ev is None:
            raise StarletteHTTPException(404, f"no event with id {event_id!r}")
        if ev["id"] != event_id:
            return RedirectResponse(f"/events/{quote(ev['id'], safe='')}", status_code=301)
        return _render(request, "event.html", wd.event_page(ev, repo, strings[_lang(request)]))

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    async def page_documents(request: Request, offset: int = Query(0, ge=0)):
        total, items = repo.list_documents(limit=200, offset=offset)
        return _render(request, "documents.html", {"total": total, "docs": items, "offset": offset})

    @app.get("/documents/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    async def page_document(request: Request, doc_id: str, hl: str | None = None):
        doc = repo.get_document(doc_id)
        if doc is None:
            raise StarletteHTTPException(404, f"no document with id {doc_id!r}")
        return _render(request, "document.html", wd.document_page(doc, hl))

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    async def page_actors(request: Request):
        return _render(request, "actors.html", {"actors": repo.actors()})

    @app.get("/actors/{actor_id:path}", response_class=HTMLResponse, include_in_schema=False)
    async def page_actor(request: Request, actor_id: str):
        a = repo.actor(actor_id)
        if a is None:
            raise StarletteHTTPException(404, f"no actor with id {actor_id!r}")
        axis = wd.build_axis(a["events"], "year", _lang(request))
        return _render(request, "actor.html", {"actor": a, "axis": axis})

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def page_search(request: Request, q: str = Query("", max_length=500)):
        res = wd.run_search(state.fresh_index(), repo, q, limit=50, offset=0) if q.strip() else None
        return _render(request, "search.html", {"q": q, "res": res})

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def page_docs(request: Request):
        return _render(request, "api_docs.html", {"spec": wd.openapi_view(app.openapi())})

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon():
        return RedirectResponse("/static/favicon.svg")

    return app


__all__ = ["create_app", "Filters", "parse_date_param", "ApiError"]
