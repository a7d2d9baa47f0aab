"""The Jinja environment (autoescape always on) and the page renderers shared by the
web app and ``criticscope report --html``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import __version__
from .chart import distribution_chart
from .markup import render_text, spans_from_ext

if TYPE_CHECKING:
    from ..library import Library

STYLESHEET = "criticscope.css"
SCRIPT = "criticscope.js"


def make_env() -> Environment:
    env = Environment(loader=PackageLoader("criticscope", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["pct"] = lambda v: "" if v is None else f"{round(100 * v)}%"
    env.filters["num"] = lambda v: "" if v is None else f"{v:g}"
    env.filters["size"] = human_size
    env.filters["plural"] = lambda n, word, many=None: f"{n} {word if n == 1 else (many or word + 's')}"
    return env


def human_size(n: int) -> str:
    for unit, scale in (("MB", 1_000_000), ("kB", 1_000)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} bytes"


def static_text(name: str) -> str:
    return (files("criticscope") / "static" / name).read_text(encoding="utf-8")


def link_maker(base_url: str | None, standalone: bool) -> Callable[[str], str | None]:
    """``href(path)``: the path itself in the app, absolute to ``base_url`` in a standalone
    report, or None there when no base URL was given (the template then prints plain text)."""
    if not standalone:
        return lambda path: path
    if base_url:
        base = base_url.rstrip("/")
        return lambda path: base + path
    return lambda path: None


def page_context(*, page: str, data: dict[str, Any], json_url: str | None, standalone: bool = False,
                 base_url: str | None = None, **extra: Any) -> dict[str, Any]:
    ctx: dict[str, Any] = {
        "page": page, "data": data, "json_url": json_url, "standalone": standalone,
        "href": link_maker(base_url, standalone), "version": __version__,
        "static": lambda name: f"/static/{name}?v={__version__}",
        "inline_css": Markup(static_text(STYLESHEET)) if standalone else None,  # our own file, not user data
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }
    ctx.update(extra)
    return ctx


def film_extras(data: dict[str, Any]) -> dict[str, Any]:
    return {"chart": distribution_chart(data["aggregates"]["critics"]["distribution"])}


def review_extras(lib: Library, data: dict[str, Any]) -> dict[str, Any]:
    doc = lib.store.load_doc(data["review_id"])
    return {"blocks": render_text(doc.text, spans_from_ext(doc.ext), doc.headings)}


def render_film_report(lib: Library, film_id: int, *, base_url: str | None = None,
                       env: Environment | None = None) -> str:
    """A self-contained HTML page for one film (CSS inlined, no scripts)."""
    from .pages import film_data

    data = film_data(lib, film_id)
    ctx = page_context(page="film", data=data, json_url=None, standalone=True, base_url=base_url,
                       **film_extras(data))
    return (env or make_env()).get_template("film.html").render(ctx)
