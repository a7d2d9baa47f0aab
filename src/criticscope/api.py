"""The REST API: ``create_app(settings)`` builds a FastAPI app over one
:class:`~criticscope.library.Library`, with a router per resource under ``/api/v1``.

* Lists are shaped ``{"data": [...], "count": N, "limit": L, "offset": O}``.
* Errors are always ``{"error": {"status": code, "message": "...", "details": ...}}``.
* Write endpoints (``POST /ingest``, link decisions) need the ``X-API-Key`` header
  when ``api.api_key`` is configured.  CORS is off unless ``api.cors_origins`` is set.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy import func, select, text
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .config import Settings
from .exports import FORMATS, SCHEMAS, encode, export
from .library import Library
from .models import Film, Review
from .report import review_json
from .search import (
    SearchFilters,
    count_films_matching,
    count_indexed_reviews,
    count_reviews_matching,
    search_films,
)
from .store import Store

API_PREFIX = "/api/v1"
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"  # YYYY, YYYY-MM or YYYY-MM-DD
Verdict = Literal["positive", "mixed", "negative"]


class JSONBody(JSONResponse):
    """JSON rendered straight from plain dicts and lists (no per-value encoder pass)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


# --- schemas ----------------------------------------------------------------------


class LinkDecisionIn(BaseModel):
    film_id: int | None = Field(description="The film the review is about; null: about no catalog film.")
    decided_by: str | None = Field(default=None, max_length=100)


class PageIn(BaseModel):
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: str | None = None


class IngestJson(BaseModel):
    pages: list[PageIn] = Field(min_length=1)


# --- dependencies -----------------------------------------------------------------


def get_library(request: Request) -> Library:
    return request.app.state.library


LibraryDep = Annotated[Library, Depends(get_library)]


def require_api_key(request: Request, x_api_key: Annotated[str | None, Header()] = None) -> None:
    expected = request.app.state.library.settings.api.api_key
    if expected and x_api_key != expected:
        raise HTTPException(status_code=401, detail="missing or wrong X-API-Key")


WriteAccess = Depends(require_api_key)


class Page:
    """Pagination parameters, validated against the configured maximum page size."""

    def __init__(self, request: Request, limit: Annotated[int | None, Query(ge=1)] = None,
                 offset: Annotated[int, Query(ge=0)] = 0):
        api = request.app.state.library.settings.api
        if limit is not None and limit > api.max_page_size:
            raise HTTPException(status_code=422, detail=f"limit must be at most {api.max_page_size}")
        self.limit = limit or api.page_size
        self.offset = offset


PageDep = Annotated[Page, Depends()]


def listing(data: list[Any], count: int, page: Page) -> JSONBody:
    return JSONBody({"data": data, "count": count, "limit": page.limit, "offset": page.offset})


def _review_or_404(lib: Library, review_id: str) -> Review:
    try:
        return lib.review(review_id)
    except KeyError:
        raise HTTPException(status_code=404, detail=f"no review {review_id!r}") from None


def _film_or_404(lib: Library, film_id: int) -> dict[str, Any]:
    try:
        return lib.film(film_id, reviews=False)
    except KeyError:
        raise HTTPException(status_code=404, detail=f"no film {film_id}") from None


def _film_exists_or_404(lib: Library, film_id: int) -> None:
    with lib.store.session() as s:
        if s.get(Film, film_id) is None:
            raise HTTPException(status_code=404, detail=f"no film {film_id}")


def _review_row(r: Review) -> dict[str, Any]:
    return {"id": r.id, "headline": r.headline, "critic": r.critic, "outlet": r.outlet,
            "published": r.published, "url": r.url, "film_id": r.film_id, "link_status": r.link_status,
            "link_confidence": r.link_confidence, "rating_text": r.rating_text, "rating_score": r.rating_score,
            "verdict": r.verdict, "verdict_source": r.verdict_source, "estimated_score": r.estimated_score,
            "spoiler": r.spoiler, "pull_quote": r.pull_quote}


# --- routers ----------------------------------------------------------------------

films_router = APIRouter(prefix="/films", tags=["films"])
reviews_router = APIRouter(prefix="/reviews", tags=["reviews"])
people_router = APIRouter(tags=["critics and outlets"])
search_router = APIRouter(prefix="/search", tags=["search"])
ingest_router = APIRouter(prefix="/ingest", tags=["ingest"])
export_router = APIRouter(prefix="/exports", tags=["exports"])


@films_router.get("", operation_id="list_films")
def list_films(lib: LibraryDep, page: PageDep, q: Annotated[str | None, Query(max_length=500)] = None,
               year: int | None = None, reviewed: bool = True) -> JSONBody:
    """Films, most reviewed first; by default only those with at least one review.  ``q``
    searches titles instead (every film of the catalog, best match first)."""
    if q:
        found = search_films(lib.store, q, year=year, limit=page.limit, offset=page.offset)
        return listing(found, count_films_matching(lib.store, q, year=year), page)
    with lib.store.session() as s:
        counts = (select(Review.film_id, func.count().label("n")).where(Review.film_id.is_not(None),
                                                                        Review.duplicate_of.is_(None))
                  .group_by(Review.film_id).subquery())
        q_films = select(Film, func.coalesce(counts.c.n, 0)).outerjoin(counts, counts.c.film_id == Film.id)
        q_films = q_films.where(Film.merged_into.is_(None))
        if reviewed:
            q_films = q_films.where(counts.c.n > 0)
        if year is not None:
            q_films = q_films.where(Film.year == year)
        total = s.scalar(select(func.count()).select_from(q_films.subquery()))
        rows = s.execute(q_films.order_by(func.coalesce(counts.c.n, 0).desc(), Film.id)
                         .limit(page.limit).offset(page.offset)).all()
        data = [{"id": f.id, "title": f.title, "year": f.year, "kind": f.kind, "imdb_id": f.imdb_id,
                 "provisional": f.provisional, "reviews": n} for f, n in rows]
    return listing(data, total or 0, page)


@films_router.get("/{film_id}", operation_id="get_film")
def get_film(film_id: int, lib: LibraryDep) -> JSONBody:
    """One film with its credits and aggregates (each figure lists the reviews behind it)."""
    return JSONBody(_film_or_404(lib, film_id))


@films_router.get("/{film_id}/reviews", operation_id="list_film_reviews")
def film_reviews(film_id: int, lib: LibraryDep, page: PageDep) -> JSONBody:
    """The film's reviews (duplicates left out), in the order they were added."""
    _film_exists_or_404(lib, film_id)
    with lib.store.session() as s:
        q = select(Review).where(Review.film_id == film_id, Review.duplicate_of.is_(None))
        total = s.scalar(select(func.count()).select_from(q.subquery())) or 0
        rows = s.scalars(q.order_by(Review.created_at, Review.id).limit(page.limit).offset(page.offset))
        data = [_review_row(r) for r in rows]
    return listing(data, total, page)


@reviews_router.get("", operation_id="list_reviews")
def list_reviews(lib: LibraryDep, page: PageDep, film_id: int | None = None, critic: str | None = None,
                 outlet: str | None = None, verdict: Verdict | None = None,
                 link_status: str | None = None) -> JSONBody:
    with lib.store.session() as s:
        q = select(Review).where(Review.duplicate_of.is_(None))
        for col, value in ((Review.film_id, film_id), (Review.critic, critic), (Review.outlet, outlet),
                           (Review.verdict, verdict), (Review.link_status, link_status)):
            if value is not None:
                q = q.where(col == value)
        total = s.scalar(select(func.count()).select_from(q.subquery())) or 0
        rows = s.scalars(q.order_by(Review.published.desc(), Review.id).limit(page.limit).offset(page.offset))
        data = [_review_row(r) for r in rows]
    return listing(data, total, page)


@reviews_router.get("/{review_id}", operation_id="get_review")
def get_review(review_id: str, lib: LibraryDep, spoiler_safe: bool = False) -> JSONBody:
    """One review with the spans behind every figure: rating, aspects, spoilers, link evidence."""
    review = _review_or_404(lib, review_id)
    doc = lib.store.load_doc(review.id)
    out = review_json(lib, doc, spoiler_safe=spoiler_safe, full=True)
    ext = doc.ext
    aspects = ext.get("aspects") or {}
    linking = ext.get("linking") or {}
    out["spans"] = {
        "rating": (ext.get("ratings") or {}).get("best"),
        "rating_mentions": (ext.get("ratings") or {}).get("mentions", []),
        "aspects": aspects.get("items", []) if isinstance(aspects, dict) else aspects,
        "spoilers": (ext.get("spoilers") or {}).get("sentences", []),
        "pull_quote": ext.get("pullquote"),
    }
    out["link_evidence"] = {"candidates": linking.get("candidates", []), "evidence": linking.get("evidence", [])}
    out["duplicate_of"] = review.duplicate_of
    return JSONBody(out)


@reviews_router.post("/{review_id}/link", operation_id="set_review_link", dependencies=[WriteAccess])
def set_link(review_id: str, body: LinkDecisionIn, lib: LibraryDep) -> dict[str, Any]:
    """Record a person's decision about the film; re-runs never overwrite it."""
    review = _review_or_404(lib, review_id)
    if body.film_id is not None:
        _film_or_404(lib, body.film_id)
    lib.link_set(review.id, body.film_id, decided_by=body.decided_by)
    return {"review_id": review.id, "film_id": body.film_id, "source": "user"}


@reviews_router.delete("/{review_id}/link", operation_id="clear_review_link", dependencies=[WriteAccess])
def clear_link(review_id: str, lib: LibraryDep) -> dict[str, Any]:
    review = _review_or_404(lib, review_id)
    return {"review_id": review.id, "cleared": lib.link_clear(review.id)}


def _grouped(lib: Library, column, page: Page) -> JSONBody:
    with lib.store.session() as s:
        q = (select(column, func.count().label("reviews")).where(column.is_not(None), Review.duplicate_of.is_(None))
             .group_by(column))
        total = s.scalar(select(func.count()).select_from(q.subquery())) or 0
        rows = s.execute(q.order_by(func.count().desc(), column).limit(page.limit).offset(page.offset)).all()
    return listing([{"name": name, "reviews": n} for name, n in rows], total, page)


@people_router.get("/critics", operation_id="list_critics")
def list_critics(lib: LibraryDep, page: PageDep) -> JSONBody:
    return _grouped(lib, Review.critic, page)


@people_router.get("/outlets", operation_id="list_outlets")
def list_outlets(lib: LibraryDep, page: PageDep) -> JSONBody:
    return _grouped(lib, Review.outlet, page)


@search_router.get("", operation_id="search_reviews")
def search(lib: LibraryDep, page: PageDep, q: Annotated[str, Query(min_length=1, max_length=500)],
           semantic: bool = False, film_id: int | None = None, critic: str | None = None, outlet: str | None = None,
           verdict: Verdict | None = None, has_rating: bool | None = None, spoiler_free: bool = False,
           date_from: Annotated[str | None, Query(pattern=DATE)] = None,
           date_to: Annotated[str | None, Query(pattern=DATE)] = None) -> JSONBody:
    """Full-text search over reviews (ranked), or semantic search over their sentences.
    ``count`` is the number of matching reviews (semantic: of reviews with sentence vectors)."""
    filters = SearchFilters(film_id=film_id, critic=critic, outlet=outlet, verdict=verdict, has_rating=has_rating,
                            spoiler_free=spoiler_free, date_from=date_from, date_to=date_to)
    hits = lib.search(q, filters, semantic=semantic, limit=page.limit, offset=page.offset)
    if page.offset == 0 and len(hits) < page.limit:
        total = len(hits)  # the whole result is on this page
    elif semantic:
        total = count_indexed_reviews(lib.store, filters)
    else:
        total = count_reviews_matching(lib.store, q, filters)
    return listing([h.as_dict() for h in hits], total, page)


async def _read_upload(upload: UploadFile, limit: int) -> bytes:
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(status_code=413, detail=f"file {upload.filename!r} is larger than {limit} bytes")
    return data


@ingest_router.post("", operation_id="ingest", dependencies=[WriteAccess])
async def ingest_files(lib: LibraryDep, files: Annotated[list[UploadFile], File()]) -> dict[str, Any]:
    """Upload review pages (multipart ``files``); each is analyzed and journaled."""
    api = lib.settings.api
    if len(files) > api.max_upload_files:
        raise HTTPException(status_code=413, detail=f"at most {api.max_upload_files} files per request")
    items = [(f"upload:{f.filename or 'unnamed'}", await _read_upload(f, api.max_upload_bytes)) for f in files]
    return await run_in_threadpool(_analyze_items, lib, items)


@ingest_router.post("/json", operation_id="ingest_json", dependencies=[WriteAccess])
def ingest_json(lib: LibraryDep, body: IngestJson) -> dict[str, Any]:
    """Submit pages as JSON (``text`` or ``html`` plus optional metadata)."""
    import json

    api = lib.settings.api
    if len(body.pages) > api.max_upload_files:
        raise HTTPException(status_code=413, detail=f"at most {api.max_upload_files} pages per request")
    items = []
    for i, page in enumerate(body.pages, 1):
        line = json.dumps(page.model_dump(exclude_none=True), ensure_ascii=False).encode()
        if len(line) > api.max_upload_bytes:
            raise HTTPException(status_code=413, detail=f"page {i} is larger than {api.max_upload_bytes} bytes")
        items.append((f"upload:page-{i}.jsonl", line + b"\n"))
    return _analyze_items(lib, items)


def _analyze_items(lib: Library, items: list[tuple[str, bytes]]) -> dict[str, Any]:
    result = lib.analyze_bytes(items)
    by_id = {d.review_id: d for d in result.docs}
    return {"run_id": result.report.run_id, "journal": [r.as_dict() for r in result.report.rows],
            "reviews": [review_json(lib, by_id[rid]) for rid in result.report.review_ids if rid in by_id],
            "failed": len(result.failed)}


@export_router.get("/{what}", operation_id="export")
def export_data(what: str, lib: LibraryDep, format: str = "json") -> Response:  # noqa: A002
    """One export (films, reviews, aggregates, mentions) as a JSON, CSV or Parquet download;
    JSON and CSV are streamed."""
    if what not in SCHEMAS:
        raise HTTPException(status_code=404, detail=f"unknown export {what!r}; choose from {', '.join(SCHEMAS)}")
    if format not in FORMATS:
        raise HTTPException(status_code=422, detail=f"format must be one of {', '.join(FORMATS)}")
    media = {"json": "application/json", "csv": "text/csv; charset=utf-8",
             "parquet": "application/vnd.apache.parquet"}[format]
    headers = {"Content-Disposition": f'attachment; filename="{what}.{format}"'}
    if format == "parquet":
        return Response(content=export(lib.store, lib.settings, what, format), media_type=media, headers=headers)
    return StreamingResponse(encode(lib.store, lib.settings, what, format), media_type=media, headers=headers)


# --- the app ----------------------------------------------------------------------


def _error(status: int, message: str, details: Any = None) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"status": status, "message": message,
                                                               "details": details}})


def create_app(settings: Settings, library: Library | None = None) -> FastAPI:
    """Build the app.  ``library`` may be passed in (tests); otherwise it is opened from settings."""
    lib = library or Library(settings, Store.open(settings.db_url))
    app = FastAPI(title="criticscope", version=__version__, description="Linked, trustworthy critic data.",
                  openapi_url=f"{API_PREFIX}/openapi.json", docs_url=f"{API_PREFIX}/docs", redoc_url=None)
    app.state.library = lib
    if settings.api.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.api.cors_origins, allow_methods=["*"],
                           allow_headers=["*"])

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if not request.url.path.startswith(API_PREFIX) and getattr(app.state, "html_errors", None):
            return await app.state.html_errors(request, exc)
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        return _error(500, "internal server error")  # the server logs the traceback

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = [{"loc": list(e.get("loc", [])), "msg": e.get("msg")} for e in exc.errors()]
        return _error(422, "invalid request", details)

    @app.get(f"{API_PREFIX}/health", tags=["meta"], operation_id="health")
    def health() -> dict[str, Any]:
        """Liveness: the server answers and the database is reachable (one trivial query)."""
        with lib.store.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return {"status": "ok", "version": __version__, "database": lib.store.dialect}

    for router in (films_router, reviews_router, people_router, search_router, ingest_router, export_router):
        app.include_router(router, prefix=API_PREFIX)
    try:
        from .web import register_web
    except ImportError:
        pass
    else:
        register_web(app, lib)
    return app


def app_from_env() -> FastAPI:
    """An app with settings from the environment (``CRITICSCOPE_DB`` ...), for
    ``uvicorn --factory criticscope.api:app_from_env`` and multi-worker serving."""
    from .config import load_settings

    return create_app(load_settings())
