"""The query API and dashboard server (FastAPI).

Read-only by default. ``POST /articles`` is enabled only when the app is created with a token,
and then only for requests carrying it (``Authorization: Bearer TOKEN`` or
``X-Flashpoint-Token: TOKEN``). Every filter goes through the shared filter model
(flashpoint.store.queries) and reaches DuckDB as a bound parameter. Bad parameters get a 400
(or 422 for a wrong type) with a message; oversized requests a 413/414.
"""
from __future__ import annotations

import csv
import hmac
import html
import inspect
import io
import json
import threading
from pathlib import Path
from typing import Any, Optional

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from ..config import Settings
from ..store import Store
from ..store import queries as Q
from ..store.db import StoreBusy, StoreError
from ..store.queries import EventFilter, FilterError, FILTER_HELP

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
MAX_URL = 4096
MAX_PAGE = 10_000

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


class LimitRequests:
    """ASGI middleware: refuse request bodies over ``max_body`` bytes (413) and URLs over MAX_URL (414)."""

    def __init__(self, app, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        url_len = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
        if url_len > MAX_URL:
            return await _plain_error(send, 414, f"The request URL is too long ({url_len} bytes; at most {MAX_URL}).")
        for k, v in scope.get("headers") or []:
            if k == b"content-length":
                try:
                    n = int(v)
                except ValueError:
                    return await _plain_error(send, 400, "The Content-Length header is not a number.")
                if n > self.max_body:
                    return await _plain_error(send, 413, f"The request body is too large ({n} bytes; at most {self.max_body}).")
        has_length = any(k == b"content-length" for k, _ in scope.get("headers") or [])
        if has_length or scope.get("method") in ("GET", "HEAD", "OPTIONS", "DELETE"):
            return await self.app(scope, receive, send)
        # A body without Content-Length (chunked): read it here, up to the limit, then replay it.
        body, more = b"", True
        while more:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            body += msg.get("body", b"")
            more = msg.get("more_body", False)
            if len(body) > self.max_body:
                return await _plain_error(send, 413, f"The request body is too large (at most {self.max_body} bytes).")
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _plain_error(send, status: int, message: str):
    body = json.dumps({"detail": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _filter_dependency():
    """A FastAPI dependency with one documented query parameter per filter of the shared model."""
    params = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=Optional[str],
                                default=Query(None, description=help_, max_length=2000))
              for name, help_ in FILTER_HELP.items()]

    def dep(**kwargs) -> EventFilter:
        return EventFilter.parse(kwargs)
    dep.__signature__ = inspect.Signature(params)
    return dep


event_filter = _filter_dependency()


def _check_known(request: Request, *extra: str):
    known = set(FILTER_HELP) | set(extra)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise FilterError(f"unknown parameter {', '.join(u[:40] for u in unknown)}; "
                          f"known: {', '.join(sorted(known))}")


class ArticleIn(BaseModel):
    text: Optional[str] = Field(None, description="plain text of the article (or give html)")
    html: Optional[str] = Field(None, description="HTML of the article page")
    title: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = Field(None, description="publication date YYYY-MM-DD (resolves relative dates)")
    url: Optional[str] = None
    id: Optional[str] = Field(None, description="your id for the article (else a content hash)")
    source: Optional[str] = Field(None, description="where it came from (default: the url, else 'api')")


def create_app(db: str | None = None, token: str | None = None, settings: Settings | None = None,
               max_body: int | None = None) -> FastAPI:
    settings = settings or Settings()
    db = str(db or settings.db_path)
    store = Store(db, settings)
    max_body = max_body or (settings.max_text_bytes + 65536)
    write_lock = threading.Lock()

    app = FastAPI(title="flashpoint", version=_version(),
                  description="PLOVER-coded political and conflict events: query, map, graph, evidence.",
                  docs_url=None, redoc_url=None)
    app.state.store = store
    app.state.db = db

    @app.exception_handler(FilterError)
    async def _filter_error(request, exc):
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(StoreBusy)
    async def _busy(request, exc):
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "1"})

    @app.exception_handler(StoreError)
    async def _store_error(request, exc):
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(RequestValidationError)
    async def _validation(request, exc):
        msgs = []
        for e in exc.errors():
            loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path"))
            msgs.append(f"{loc or 'request'}: {e.get('msg')}")
        return JSONResponse({"detail": "; ".join(msgs) or "invalid request"}, status_code=422)

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    # -- events ---------------------------------------------------------------------------
    @app.get("/events", summary="Events matching the filters, one page at a time",
             responses={200: {"content": {"application/json": {}, "text/csv": {}, "application/x-ndjson": {},
                                          "application/geo+json": {}}}})
    def events(request: Request, f: EventFilter = Depends(event_filter),
               limit: int = Query(100, ge=0, le=MAX_PAGE, description="page size (at most 10000)"),
               offset: int = Query(0, ge=0, le=10**9, description="rows to skip"),
               order: str = Query("date", description="date (newest first), -date, intensity or confidence"),
               format: str = Query("json", description="json, csv, jsonl or geojson")):
        _check_known(request, "limit", "offset", "order", "format")
        if format not in ("json", "csv", "jsonl", "geojson"):
            raise FilterError("format must be json, csv, jsonl or geojson")
        total, rows = store.page(f, limit, offset, order, max_limit=MAX_PAGE)
        if format == "csv":
            buf = io.StringIO()
            w = csv.DictWriter(buf, fieldnames=Q.EVENT_COLUMN_NAMES)
            w.writeheader()
            for r in rows:
                w.writerow(Q.flat_record(r))
            return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": 'attachment; filename="events.csv"'})
        if format == "jsonl":
            body = "".join(json.dumps(Q.to_record(r), ensure_ascii=False) + "\n" for r in rows)
            return Response(body, media_type="application/x-ndjson")
        if format == "geojson":
            for r in rows:
                r.pop("extra", None)
            feats = [{"type": "Feature", "id": r["event_id"],
                      "geometry": {"type": "Point", "coordinates": [r["location_lon"], r["location_lat"]]},
                      "properties": r}
                     for r in rows if r.get("location_lat") is not None and r.get("location_lon") is not None]
            return _json({"type": "FeatureCollection", "features": feats}, media_type="application/geo+json")
        nxt = offset + len(rows) if offset + len(rows) < total else None
        return _json({"total": total, "limit": limit, "offset": offset, "next_offset": nxt,
                      "events": [Q.to_record(r) for r in rows]})

    @app.get("/events/{event_id}", summary="One event (the EVENTS.md record)")
    def one_event(event_id: str):
        ev = store.event(event_id[:100])
        if ev is None:
            return JSONResponse({"detail": f"No event {event_id[:100]!r} in the store."}, status_code=404)
        return ev

    @app.get("/actors", summary="Actors in the matching events, with counts as source and target")
    def actors(request: Request, f: EventFilter = Depends(event_filter),
               limit: int = Query(100, ge=0, le=MAX_PAGE), offset: int = Query(0, ge=0, le=10**9)):
        _check_known(request, "limit", "offset")
        sql, params = Q.actors_sql(f, limit, offset, max_limit=MAX_PAGE)
        return _json({"actors": [Q.flat_record(r) for r in store._rows(sql, params)], "limit": limit, "offset": offset})

    @app.get("/graph", summary="Actor network: nodes and edges (count, mean intensity) for the filter")
    def graph(request: Request, f: EventFilter = Depends(event_filter),
              by: str = Query("name", description="node identity: name, code or country"),
              unit: str = Query("incidents", description="count incidents or events"),
              min_count: int = Query(1, ge=1, le=10**6), limit: int = Query(300, ge=1, le=5000, description="most edges"),
              layout: bool = Query(False, description="add x, y positions (networkx spring layout)")):
        _check_known(request, "by", "unit", "min_count", "limit", "layout")
        esql, eparams = Q.edges_sql(f, by, unit, min_count, limit)
        edges = [Q.flat_record(r) for r in store._rows(esql, eparams)]
        nsql, nparams = Q.nodes_sql(f, by)
        keep = {e["source"] for e in edges} | {e["target"] for e in edges}
        nodes = [Q.flat_record(r) for r in store._rows(nsql, nparams) if r["id"] in keep]
        if layout and nodes:
            import networkx as nx
            g = nx.Graph()
            g.add_nodes_from(n["id"] for n in nodes)
            for e in edges:
                if g.has_edge(e["source"], e["target"]):
                    g[e["source"]][e["target"]]["weight"] += e["count"]
                elif e["source"] != e["target"]:
                    g.add_edge(e["source"], e["target"], weight=e["count"])
            pos = nx.spring_layout(g, seed=7, weight="weight", iterations=100)
            for n in nodes:
                x, y = pos[n["id"]]
                n["x"], n["y"] = round(float(x), 4), round(float(y), 4)
        return _json({"nodes": nodes, "edges": edges})

    @app.get("/timeline", summary="Counts per day, week or month, by event type or quad class")
    def timeline(request: Request, f: EventFilter = Depends(event_filter),
                 interval: str = Query("day", description="day, week or month"),
                 by: str = Query("event_type", description="event_type, quad_class, source_country, location_country or none"),
                 unit: str = Query("incidents", description="count incidents or events")):
        _check_known(request, "interval", "by", "unit")
        sql, params = Q.timeline_sql(f, interval, by, unit)
        return _json({"interval": interval, "by": by, "unit": unit,
                      "series": [Q.flat_record(r) for r in store._rows(sql, params)]})

    # -- articles -------------------------------------------------------------------------
    @app.get("/articles", summary="Stored articles, newest first")
    def articles(limit: int = Query(100, ge=0, le=MAX_PAGE), offset: int = Query(0, ge=0, le=10**9)):
        df = store.articles(limit, offset)
        return {"articles": [Q.flat_record(r) for r in df.to_dict("records")]}

    @app.get("/articles/{article_id}", summary="An article's cleaned text with its event sentences marked")
    def article(article_id: str, format: str = Query("json", description="json or html")):
        if format not in ("json", "html"):
            raise FilterError("format must be json or html")
        art = store.article(article_id[:200])
        if art is None:
            return JSONResponse({"detail": f"No article {article_id[:100]!r} in the store."}, status_code=404)
        if format == "html":
            return HTMLResponse(marked_html(art))
        return _json(art)

    @app.post("/articles", summary="Code one article and add it to the store (needs the server's token)",
              status_code=201)
    def post_article(request: Request, body: ArticleIn):
        if not token:
            return JSONResponse({"detail": "This server is read-only. Start it with --token (or FLASHPOINT_TOKEN) "
                                           "to accept articles."}, status_code=403)
        given = request.headers.get("x-flashpoint-token") or ""
        auth = request.headers.get("authorization") or ""
        if auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        if not given or not hmac.compare_digest(given.encode(), token.encode()):
            return JSONResponse({"detail": "A valid token is needed to add articles "
                                           "(header 'Authorization: Bearer TOKEN')."},
                                status_code=401, headers={"WWW-Authenticate": "Bearer"})
        if not (body.text or body.html) or not (body.text or body.html).strip():
            raise FilterError("send the article as text or html")
        if len((body.text or body.html).encode("utf-8", "replace")) > settings.max_text_bytes:
            return JSONResponse({"detail": f"The article is larger than {settings.max_text_bytes} bytes."},
                                status_code=413)
        if body.published is not None:
            Q._date("published", body.published)
        from ..doc import Article
        from ..store.ingest import ingest
        art = Article(source=body.source or body.url or "api", text=body.text, html=body.html, id=body.id,
                      title=body.title, author=body.author, published=body.published, url=body.url)
        results: list = []
        with write_lock:
            report = ingest([art], db=db, settings=settings, workers=1, progress=False,
                            on_result=lambda aid, res: results.append(res))
        if report.failures:
            return JSONResponse({"detail": f"The article could not be coded: {report.failures[0][1]}"}, status_code=422)
        if not results:  # same input already stored
            return JSONResponse({"status": "exists", "detail": "This article is already in the store."}, status_code=200)
        res = results[0]
        return JSONResponse({"article_id": res.article_id, "status": res.status, "events": res.events,
                             "duplicate_of": res.duplicate_of},
                            status_code=201 if res.status == "stored" else 200)

    @app.get("/failures", summary="Inputs that could not be read or coded, with the reason")
    def failures():
        return {"failures": [Q.flat_record(r) for r in store.failures().to_dict("records")]}

    @app.get("/stats", summary="How many articles, events, incidents, actors, places and failures the store holds")
    def stats():
        return store.stats()

    # -- dashboard ------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index():
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return FileResponse(STATIC / "docs.html", media_type="text/html")

    @app.get("/countries.geojson", include_in_schema=False)
    def countries():
        from ..web.countries import countries_geojson
        return Response(countries_geojson(), media_type="application/geo+json",
                        headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    app.add_middleware(LimitRequests, max_body=max_body)
    return app


def marked_html(art: dict[str, Any]) -> str:
    """The article as HTML with each event sentence in <mark> and triggers in <b>."""
    text = art.get("text") or ""
    out, pos = [], 0
    for m in art.get("marks", []):
        if m["start"] < pos:
            continue
        out.append(html.escape(text[pos:m["start"]]))
        inner, ipos = [], m["start"]
        for t in sorted(m["triggers"], key=lambda t: t["start"]):
            if t["start"] < ipos:
                continue
            inner.append(html.escape(text[ipos:t["start"]]))
            inner.append(f"<b>{html.escape(text[t['start']:t['end']])}</b>")
            ipos = t["end"]
        inner.append(html.escape(text[ipos:m["end"]]))
        ids = " ".join(html.escape(i) for i in m["event_ids"])
        title = html.escape(", ".join(m["event_types"]))
        out.append(f'<mark data-events="{ids}" title="{title}">{"".join(inner)}</mark>')
        pos = m["end"]
    out.append(html.escape(text[pos:]))
    body = "".join(out).replace("\n", "<br>\n")
    title = html.escape(art.get("title") or art.get("article_id") or "")
    return (f"<!doctype html><meta charset=utf-8><title>{title}</title>"
            f"<link rel=stylesheet href=/static/style.css><article class=doc><h1>{title}</h1><p>{body}</p></article>")


def _json(obj: Any, status_code: int = 200, media_type: str = "application/json") -> Response:
    """A JSON response without FastAPI's (slow) generic encoder; values are already plain."""
    return Response(json.dumps(obj, ensure_ascii=False, default=str, separators=(",", ":")),
                    status_code=status_code, media_type=media_type)


def _version() -> str:
    try:
        from .. import __version__
        return __version__
    except ImportError:  # pragma: no cover
        return "0"
