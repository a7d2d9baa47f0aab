"""The web UI: server-rendered Jinja pages on the API's FastAPI app.

Every page has a ``.json`` twin returning the data the page is rendered from
(``/films/12`` and ``/films/12.json``; the home page's twin is ``/.json``).
Pages work without JavaScript; the only script remembers the spoiler reveal.
Write forms (``/decide``, ``/ingest``) need an ``api_key`` field when
``api.api_key`` is configured.  See docs/web.md.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from .library import Library
from .webviews import pages
from .webviews.render import film_extras, make_env, page_context, review_extras

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HTML_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "same-origin"}
PASTE_ORIGIN = "paste:pasted-text.txt"

Builder = Callable[[Request, Library], dict[str, Any]]
Extras = Callable[[Request, Library, dict[str, Any]], dict[str, Any]]


class WebError(HTTPException):
    pass


def _json_url(request: Request) -> str:
    path = request.url.path
    twin = "/.json" if path == "/" else f"{path}.json"
    return twin + (f"?{request.url.query}" if request.url.query else "")


def _film_id(request: Request) -> int:
    raw = request.path_params["film_id"]
    if not raw.isdigit():
        raise WebError(404, f"no film {raw!r}")
    return int(raw)


def _not_found(fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    try:
        return fn()
    except KeyError as exc:
        raise WebError(404, str(exc.args[0] if exc.args else exc)) from None


# --- page data from requests ---------------------------------------------------------


def _home(request: Request, lib: Library) -> dict[str, Any]:
    return pages.home_data(lib)


def _search(request: Request, lib: Library) -> dict[str, Any]:
    qp = request.query_params
    return pages.search_data(lib, qp.get("q", ""), semantic=qp.get("semantic") in ("1", "on", "true"))


def _film(request: Request, lib: Library) -> dict[str, Any]:
    film_id = _film_id(request)
    return _not_found(lambda: pages.film_data(lib, film_id))


def _review(request: Request, lib: Library) -> dict[str, Any]:
    show = request.query_params.get("spoilers") == "show"
    return _not_found(lambda: pages.review_data(lib, request.path_params["review_id"], show_spoilers=show))


def _decide(request: Request, lib: Library) -> dict[str, Any]:
    return pages.decide_data(lib, done=request.query_params.get("done"))


def _ingest(request: Request, lib: Library) -> dict[str, Any]:
    return pages.ingest_page_data(lib, run_id=request.query_params.get("run") or None)


# --- forms ----------------------------------------------------------------------------


def _check_key(lib: Library, given: Any) -> None:
    expected = lib.settings.api.api_key
    if expected and not (isinstance(given, str) and hmac.compare_digest(given.encode(), expected.encode())):
        raise WebError(401, "missing or wrong API key (fill in the API key field)")


async def _upload_items(request: Request, lib: Library) -> list[tuple[str, bytes]]:
    api = lib.settings.api
    form = await request.form(max_files=api.max_upload_files + 1, max_fields=20,
                              max_part_size=api.max_upload_bytes + 1)
    _check_key(lib, form.get("api_key"))
    uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if len(uploads) > api.max_upload_files:
        raise WebError(413, f"at most {api.max_upload_files} files per upload")
    items: list[tuple[str, bytes]] = []
    for f in uploads:
        data = await f.read(api.max_upload_bytes + 1)
        if len(data) > api.max_upload_bytes:
            raise WebError(413, f"file {f.filename!r} is larger than {api.max_upload_bytes} bytes")
        items.append((f"upload:{f.filename}", data))
    text = form.get("text")
    if isinstance(text, str) and text.strip():
        data = text.encode("utf-8")
        if len(data) > api.max_upload_bytes:
            raise WebError(413, f"pasted text is larger than {api.max_upload_bytes} bytes")
        items.append((PASTE_ORIGIN, data))
    if not items:
        raise WebError(400, "nothing to ingest: choose files or paste a review")
    return items


def _decision_film(raw: Any) -> int | None:
    if raw == "none":
        return None
    if isinstance(raw, str) and raw.isdigit():
        return int(raw)
    raise WebError(400, "film_id must be a film id or 'none'")


# --- registration --------------------------------------------------------------------


class WebApp:
    """The pages of one app, rendered with one Jinja environment."""

    def __init__(self, lib: Library, env: Environment | None = None):
        self.lib = lib
        self.env = env or make_env()

    def render(self, template: str, ctx: dict[str, Any], status: int = 200) -> HTMLResponse:
        html = self.env.get_template(template).render(ctx)
        return HTMLResponse(html, status_code=status, headers=HTML_HEADERS)

    def page(self, request: Request, name: str, data: dict[str, Any], extras: dict[str, Any] | None = None,
             status: int = 200) -> HTMLResponse:
        ctx = page_context(page=name, data=data, json_url=_json_url(request), request_path=request.url.path,
                           query=dict(request.query_params), **(extras or {}))
        return self.render(f"{name}.html", ctx, status)

    async def html_errors(self, request: Request, exc: HTTPException) -> Response:
        message = str(exc.detail) if exc.detail else "error"
        if request.url.path.endswith(".json"):
            return JSONResponse({"error": {"status": exc.status_code, "message": message, "details": None}},
                                status_code=exc.status_code, headers=exc.headers)
        ctx = page_context(page="error", data={"status": exc.status_code, "message": message}, json_url=None,
                           request_path=request.url.path, query={})
        resp = self.render("error.html", ctx, exc.status_code)
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        return resp

    def twin(self, router: APIRouter, path: str, name: str, build: Builder, extras: Extras | None = None) -> None:
        """Register ``path`` (HTML) and its ``.json`` twin, both built by ``build``."""
        lib = self.lib

        def as_json(request: Request) -> JSONResponse:
            return JSONResponse(jsonable_encoder(build(request, lib)))

        def as_html(request: Request) -> HTMLResponse:
            data = build(request, lib)
            return self.page(request, name, data, extras(request, lib, data) if extras else None)

        router.add_api_route("/.json" if path == "/" else f"{path}.json", as_json, methods=["GET"],
                             name=f"web_{name}_json")
        router.add_api_route(path, as_html, methods=["GET"], name=f"web_{name}")


def register_web(app: FastAPI, lib: Library) -> None:
    """Mount the pages, the static files and the HTML error pages on ``app``."""
    web = WebApp(lib)
    app.state.web = web
    app.state.html_errors = web.html_errors
    from importlib.resources import files

    app.mount("/static", StaticFiles(directory=str(files("criticscope") / "static")), name="static")
    router = APIRouter(include_in_schema=False)
    web.twin(router, "/", "home", _home)
    web.twin(router, "/search", "search", _search)
    web.twin(router, "/films/{film_id}", "film", _film, lambda req, lib, data: film_extras(data))
    web.twin(router, "/reviews/{review_id}", "review", _review, lambda req, lib, data: review_extras(lib, data))
    web.twin(router, "/decide", "decide", _decide)
    web.twin(router, "/ingest", "ingest", _ingest)

    @router.get("/index.json", name="web_home_index_json")
    def home_index_json() -> JSONResponse:
        return JSONResponse(jsonable_encoder(pages.home_data(lib)))

    @router.post("/decide/{review_id}", name="web_decide_post")
    async def decide_post(request: Request, review_id: str) -> Response:
        form = await request.form(max_files=0, max_fields=10, max_part_size=10_000)
        _check_key(lib, form.get("api_key"))
        film_id = _decision_film(form.get("film_id"))
        decided_by = form.get("decided_by")
        decided_by = (decided_by.strip()[:100] or None) if isinstance(decided_by, str) else None

        def record() -> str:
            review = lib.review(review_id)
            if film_id is not None:
                lib.film(film_id)
            lib.link_set(review.id, film_id, decided_by=decided_by)
            return review.id

        try:
            rid = await run_in_threadpool(record)
        except KeyError as exc:
            raise WebError(404, str(exc.args[0] if exc.args else exc)) from None
        return RedirectResponse(f"/decide?done={rid}", status_code=303)

    async def ingest_post(request: Request) -> dict[str, Any]:
        items = await _upload_items(request, lib)
        result = await run_in_threadpool(lib.analyze_bytes, items)
        return await run_in_threadpool(pages.ingest_result_data, lib, result)

    @router.post("/ingest", name="web_ingest_post")
    async def ingest_html(request: Request) -> Response:
        result = await ingest_post(request)
        data = await run_in_threadpool(pages.ingest_page_data, lib)
        data["result"] = result
        return web.page(request, "ingest", data)

    @router.post("/ingest.json", name="web_ingest_post_json")
    async def ingest_json(request: Request) -> Response:
        return JSONResponse(jsonable_encoder(await ingest_post(request)))

    app.include_router(router)
