"""``criticscope link``: see why a review was linked to a film, and correct it.

A person's decision (``link set``, ``link review``) is stored apart from the
automatic link and survives every re-run; ``link clear`` hands the review back
to the automatic linker.
"""

from __future__ import annotations

from typing import Any

import click
from rich.markup import escape
from rich.table import Table
from sqlalchemy import select

from ..cli_common import console, emit_json, get_library, json_option
from ..models import Film, Review


@click.group("link")
def link() -> None:
    """Which film each review is about: explain, set, clear, review the ambiguous ones."""


def _linking(lib: Any, review_id: str) -> tuple[Any, dict[str, Any]]:
    """The review's document and its linking output (computed now if never stored)."""
    doc = lib.doc(review_id)
    data = doc.ext.get("linking")
    if not data:
        doc = lib.pipeline.get("linking")(doc)
        data = doc.ext["linking"]
    return doc, data


def _percent(value: float | None) -> str:
    return f"{100 * (value or 0):.0f}%"


def _fired(candidate: dict[str, Any]) -> str:
    return candidate.get("fired") or ""


def _film_label(lib: Any, film_id: int | None) -> str:
    if film_id is None:
        return "none"
    with lib.store.session() as s:
        film = s.get(Film, film_id)
        if film is None:
            return f"#{film_id}"
        year = f" ({film.year})" if film.year else ""
        flag = " [provisional]" if film.provisional else ""
        return f"#{film_id} {film.title}{year}{flag}"


def _candidate_table(candidates: list[dict[str, Any]], title: str = "candidates") -> Table:
    table = Table(title=title)
    for col, justify in (("#", "right"), ("film", "left"), ("director", "left"), ("match", "right"),
                         ("penalties", "left")):
        table.add_column(col, justify=justify)  # type: ignore[arg-type]
    for i, c in enumerate(candidates, 1):
        year = f" ({c['year']})" if c.get("year") else ""
        table.add_row(str(i), escape(f"{c['title']}{year} #{c['film_id']}"), escape(", ".join(c.get("directors") or [])),
                      _percent(c.get("confidence")), escape(_fired(c)))
    return table


@link.command("explain")
@click.argument("review")
@json_option
@click.pass_context
def explain(ctx: click.Context, review: str, as_json: bool) -> None:
    """Show the evidence, the candidate films with their match percentage and the
    penalties that fired ("≠ year, director") for REVIEW (an id or unique prefix)."""
    lib = get_library(ctx)
    try:
        doc, data = _linking(lib, review)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0] if exc.args else exc)) from exc
    if as_json:
        emit_json({"review_id": doc.review_id, **data})
        return
    console.print(f"[bold]{escape(doc.headline or doc.review_id)}[/bold]")
    console.print(f"status: {data.get('status')} ({data.get('source', 'auto')}), film: "
                  f"{escape(_film_label(lib, data.get('film_id')))}, confidence {_percent(data.get('confidence'))}, "
                  f"recommendation {data.get('recommendation')}")
    for note in data.get("notes") or []:
        console.print(f"  note: {escape(note)}")
    if data.get("candidates"):
        console.print(_candidate_table(data["candidates"]))
    evidence = Table(title="evidence")
    for col in ("kind", "text", "detail"):
        evidence.add_column(col)
    for row in (data.get("evidence") or [])[:40]:
        detail = ", ".join(f"{k}={v}" for k, v in (row.get("detail") or {}).items() if v not in (None, [], ""))
        evidence.add_row(row.get("kind", ""), escape(str(row.get("text", ""))[:70]), escape(detail[:80]))
    console.print(evidence)
    films = [m for m in data.get("mentions") or [] if m.get("kind") == "film"]
    people = [m for m in data.get("mentions") or [] if m.get("kind") == "person"]
    console.print(f"mentions: {len(films)} film(s), {len(people)} person(s); cast named: "
                  f"{escape(', '.join(data.get('cast') or [])) or '-'}")


def _parse_film(lib: Any, value: str) -> int | None:
    if value.lower() in ("none", "null", "-"):
        return None
    try:
        film_id = int(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a film id (or 'none')") from exc
    with lib.store.session() as s:
        if s.get(Film, film_id) is None:
            raise click.BadParameter(f"no film #{film_id} in the catalog")
    return film_id


@link.command("set")
@click.argument("review")
@click.argument("film_id")
@click.option("--by", "decided_by", help="Who decided (kept with the decision).")
@click.pass_context
def set_link(ctx: click.Context, review: str, film_id: str, decided_by: str | None) -> None:
    """Link REVIEW to FILM_ID (or 'none': about no catalog film).  Re-runs keep it."""
    lib = get_library(ctx)
    target = _parse_film(lib, film_id)
    try:
        lib.link_set(review, target, decided_by=decided_by)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0] if exc.args else exc)) from exc
    console.print(f"{escape(review)} -> {escape(_film_label(lib, target))} (decided by a person)")


@link.command("clear")
@click.argument("review")
@click.pass_context
def clear_link(ctx: click.Context, review: str) -> None:
    """Forget the person's decision for REVIEW; the automatic link applies again."""
    lib = get_library(ctx)
    try:
        cleared = lib.link_clear(review)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0] if exc.args else exc)) from exc
    console.print("decision cleared" if cleared else "no decision to clear")


def _ambiguous(lib: Any, limit: int | None) -> list[str]:
    with lib.store.session() as s:
        q = select(Review.id).where(Review.link_status == "ambiguous", Review.link_source != "user",
                                    Review.duplicate_of.is_(None)).order_by(Review.created_at, Review.id)
        if limit:
            q = q.limit(limit)
        return list(s.scalars(q))


@link.command("review")
@click.option("--limit", type=int, default=None, help="Stop after this many reviews.")
@click.pass_context
def review_ambiguous(ctx: click.Context, limit: int | None) -> None:
    """Walk the reviews linked as ambiguous and pick their film: a candidate's
    number, [s]kip, [n]one (about no catalog film) or [q]uit."""
    lib = get_library(ctx)
    ids = _ambiguous(lib, limit)
    if not ids:
        console.print("no ambiguous reviews")
        return
    decided = 0
    for n, rid in enumerate(ids, 1):
        doc, data = _linking(lib, rid)
        candidates = (data.get("candidates") or [])[:5]
        console.print(f"\n[bold]({n}/{len(ids)}) {escape(doc.headline or rid)}[/bold]")
        console.print(escape(" ".join(doc.text.split())[:300]) + "…")
        console.print(_candidate_table(candidates))
        choices = [str(i) for i in range(1, len(candidates) + 1)] + ["s", "n", "q"]
        answer = click.prompt("pick a number, [s]kip, [n]one, [q]uit", type=click.Choice(choices),
                              show_choices=False, default="s")
        if answer == "q":
            break
        if answer == "s":
            continue
        film_id = None if answer == "n" else candidates[int(answer) - 1]["film_id"]
        lib.link_set(rid, film_id, decided_by="link review")
        decided += 1
        console.print(f"-> {escape(_film_label(lib, film_id))}")
    console.print(f"{decided} decision(s) recorded")
