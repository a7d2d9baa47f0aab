"""``criticscope catalog``: import film sources, search and inspect the catalog."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.table import Table
from sqlalchemy import func, select

from ..catalog import CatalogImportError, CatalogIndex, ImportStats, get_source, merge_provisional
from ..catalog.db import CREDITS, FILMS, PEOPLE, PROGRESS, TITLES
from ..cli_common import console, emit_json, err_console, get_library, json_option


@click.group("catalog")
def catalog() -> None:
    """The film catalog that reviews are linked to: import, search, inspect."""


@catalog.group("import")
def import_group() -> None:
    """Import films and people from a source (idempotent: re-importing updates)."""


def _run_import(ctx: click.Context, source: str, as_json: bool, **options: Any) -> None:
    lib = get_library(ctx)
    try:
        stats = get_source(source).import_into(lib.store, lib.settings, **options)
    except CatalogImportError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        emit_json(stats.as_dict())
    else:
        _print_stats(stats)


def _print_stats(stats: ImportStats) -> None:
    if stats.files:
        table = Table(title=f"{stats.source} import", show_lines=False)
        for col in ("file", "rows read", "kept", "bad rows", "note"):
            table.add_column(col, justify="left" if col in ("file", "note") else "right")
        for f in stats.files.values():
            note = "unchanged, skipped" if f.skipped else (f"resumed after line {f.resumed_from:,}"
                                                            if f.resumed_from else "")
            table.add_row(escape(f.file), f"{f.rows:,}", f"{f.kept:,}", f"{f.bad_rows:,}", note)
        console.print(table)
    console.print(f"films +{stats.films_added:,} (updated {stats.films_updated:,}), titles +{stats.titles_added:,}, "
                  f"people +{stats.people_added:,}, credits +{stats.credits_added:,}; "
                  f"provisional films merged: {stats.merged_provisional}; {stats.seconds:.1f}s")
    if stats.bad_row_count:
        err_console.print(f"[yellow]{stats.bad_row_count:,} unreadable row(s) skipped[/yellow]"
                          + (f", first {len(stats.bad_rows)}:" if stats.bad_rows else ""))
        for bad in stats.bad_rows[:20]:
            err_console.print(f"  {escape(str(bad))}")


@import_group.command("imdb")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--min-votes", type=int, default=0, show_default=True, help="Skip titles with fewer IMDb votes.")
@click.option("--kinds", default="movie,tvMovie", show_default=True, help="titleType values to import.")
@click.option("--years", default=None, help="Release years to import, e.g. 1990-2026, 1990- or -1999.")
@click.option("--include-adult", is_flag=True, help="Also import titles flagged isAdult.")
@click.option("--partial", is_flag=True, help="Import whichever files are present (title.basics is required).")
@click.option("--force", is_flag=True, help="Ignore saved progress and re-read every file.")
@click.option("--batch-size", type=int, default=10_000, show_default=True, help="Rows per transaction.")
@click.option("--workers", type=click.IntRange(0, 8), default=None,
              help="Helper processes for scanning and normalizing (default: 1 for inputs of 64 MB or more).")
@click.option("--progress/--no-progress", default=None, help="Progress bars (default: when stderr is a terminal).")
@json_option
@click.pass_context
def import_imdb(ctx: click.Context, folder: Path, min_votes: int, kinds: str, years: str | None,
                include_adult: bool, partial: bool, force: bool, batch_size: int, workers: int | None,
                progress: bool | None, as_json: bool) -> None:
    """Import IMDb's non-commercial TSV datasets from FOLDER (title.basics, title.akas,
    title.crew, title.principals, name.basics, title.ratings; .tsv.gz or .tsv).
    An interrupted import resumes where it stopped."""
    try:
        from ..catalog.sources.imdb import parse_years

        parse_years(years)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--years") from exc
    show = sys.stderr.isatty() and not as_json if progress is None else progress
    _run_import(ctx, "imdb", as_json, path=str(folder), min_votes=min_votes, kinds=kinds, years=years,
                include_adult=include_adult, require_all=not partial, force=force, batch_size=batch_size,
                workers=workers, progress=show)


@import_group.command("wikidata-sample")
@click.option("--path", type=click.Path(path_type=Path), help="Another movies.db (default: bokeh-sampledata's).")
@click.option("--max-cast", type=int, default=8, show_default=True, help="Cast members kept per film.")
@json_option
@click.pass_context
def import_wikidata(ctx: click.Context, path: Path | None, max_cast: int, as_json: bool) -> None:
    """Import the ~17,000 Wikidata films (1940-2014) shipped by bokeh-sampledata."""
    _run_import(ctx, "wikidata-sample", as_json, path=str(path) if path else None, max_cast=max_cast)


@import_group.command("bundled")
@click.option("--path", "paths", multiple=True, type=click.Path(path_type=Path),
              help="JSONL files or folders to read instead of the bundled ones.")
@json_option
@click.pass_context
def import_bundled(ctx: click.Context, paths: tuple[Path, ...], as_json: bool) -> None:
    """Import the starter catalog shipped with criticscope (data/catalog/*.jsonl)."""
    _run_import(ctx, "bundled", as_json, paths=[str(p) for p in paths] or None)


def _index(ctx: click.Context) -> CatalogIndex:
    lib = get_library(ctx)
    lib.ensure_catalog()
    return CatalogIndex.load(lib.store, weights=None)


def _evidence(scores: dict[str, float]) -> str:
    parts = []
    for key, value in scores.items():
        mark = "=" if value >= 0.99 else ("≈" if value >= 0.6 else "≠")
        parts.append(f"{mark} {key} {value:.2f}")
    return ", ".join(parts)


@catalog.command("search")
@click.argument("text")
@click.option("--year", type=int, help="The film's year, if known.")
@click.option("--person", "people", multiple=True, help="A director or cast member (repeatable).")
@click.option("--limit", type=int, default=10, show_default=True)
@json_option
@click.pass_context
def search(ctx: click.Context, text: str, year: int | None, people: tuple[str, ...], limit: int,
           as_json: bool) -> None:
    """Find catalog films a title (with typos, other languages' titles) may name."""
    found = _index(ctx).candidates(text, year=year, people=people, limit=limit)
    if as_json:
        emit_json({"data": [c.as_dict() for c in found], "count": len(found)})
        return
    if not found:
        console.print(f"no catalog film matches {escape(text)!r}")
        return
    table = Table()
    for col in ("id", "match", "title", "year", "directed by", "matched title", "evidence"):
        table.add_column(col, justify="right" if col in ("id", "match", "year") else "left")
    for c in found:
        title = escape(c.title) + (" [dim](provisional)[/dim]" if c.provisional else "")
        table.add_row(str(c.film_id), f"{c.score:.0%}", title, str(c.year or "?"), escape(", ".join(c.directors[:2])),
                      escape(c.matched_title) if c.matched_title != c.title else "", _evidence(c.scores))
    console.print(table)


def film_details(store: Any, film_id: int) -> dict[str, Any] | None:
    """Everything the catalog stores about one film."""
    with store.engine.connect() as conn:
        film = conn.execute(select(FILMS).where(FILMS.c.id == film_id)).mappings().first()
        if film is None:
            return None
        titles = conn.execute(select(TITLES.c.title, TITLES.c.region, TITLES.c.language, TITLES.c.kind)
                              .where(TITLES.c.film_id == film_id).order_by(TITLES.c.id)).mappings().all()
        credits = conn.execute(select(PEOPLE.c.id, PEOPLE.c.name, PEOPLE.c.imdb_id, CREDITS.c.role, CREDITS.c.ord)
                               .join(PEOPLE, PEOPLE.c.id == CREDITS.c.person_id)
                               .where(CREDITS.c.film_id == film_id)
                               .order_by(CREDITS.c.role, CREDITS.c.ord)).mappings().all()
    return {**dict(film), "titles": [dict(t) for t in titles],
            "credits": [{"person_id": c["id"], "name": c["name"], "imdb_id": c["imdb_id"], "role": c["role"],
                         "ord": c["ord"]} for c in credits]}


@catalog.command("show")
@click.argument("film_id", type=int)
@json_option
@click.pass_context
def show(ctx: click.Context, film_id: int, as_json: bool) -> None:
    """Show one catalog film: facts, alternative titles, credits."""
    info = film_details(get_library(ctx).store, film_id)
    if info is None:
        raise click.ClickException(f"no catalog film with id {film_id}")
    if as_json:
        emit_json(info)
        return
    console.rule(f"{escape(info['title'])} ({info['year'] or '?'})")
    facts = [("id", info["id"]), ("kind", info["kind"]), ("original title", info["original_title"]),
             ("IMDb", info["imdb_id"]), ("runtime", info["runtime"]), ("countries", ", ".join(info["countries"] or [])),
             ("languages", ", ".join(info["languages"] or [])), ("genres", ", ".join(info["genres"] or [])),
             ("platform", info["platform"]), ("votes", info["votes"]), ("source", info["source"]),
             ("provisional", "yes" if info["provisional"] else None)]
    for label, value in facts:
        if value not in (None, ""):
            console.print(f"[bold]{label}:[/bold] {escape(str(value))}")
    others = [t for t in info["titles"] if t["title"] != info["title"]]
    if others:
        console.print("[bold]also known as:[/bold] " + "; ".join(
            escape(t["title"]) + (f" ({t['region']})" if t["region"] else "") for t in others[:20]))
    by_role: dict[str, list[str]] = {}
    for c in info["credits"]:
        by_role.setdefault(c["role"], []).append(c["name"])
    for role, names in by_role.items():
        console.print(f"[bold]{role}:[/bold] " + escape(", ".join(names[:15])))


@catalog.command("stats")
@json_option
@click.pass_context
def stats(ctx: click.Context, as_json: bool) -> None:
    """Count films by source, people, credits, titles; show import progress."""
    store = get_library(ctx).store
    with store.engine.connect() as conn:
        by_source = dict(conn.execute(select(FILMS.c.source, func.count()).group_by(FILMS.c.source)).all())
        out = {
            "films": sum(by_source.values()),
            "films_by_source": by_source,
            "provisional": conn.scalar(select(func.count()).select_from(FILMS).where(FILMS.c.provisional.is_(True))),
            "titles": conn.scalar(select(func.count()).select_from(TITLES)),
            "people": conn.scalar(select(func.count()).select_from(PEOPLE)),
            "credits": conn.scalar(select(func.count()).select_from(CREDITS)),
            "imports": [dict(r) for r in conn.execute(select(PROGRESS).order_by(PROGRESS.c.source, PROGRESS.c.file))
                        .mappings()],
        }
    if as_json:
        emit_json(out)
        return
    console.print(f"films: {out['films']:,} ({', '.join(f'{k}: {v:,}' for k, v in sorted(by_source.items()))}); "
                  f"provisional: {out['provisional']:,}")
    console.print(f"titles: {out['titles']:,}; people: {out['people']:,}; credits: {out['credits']:,}")
    for imp in out["imports"]:
        state = "done" if imp["finished"] else "interrupted"
        console.print(f"  {imp['source']} {escape(imp['file'])}: {state} at line {imp['rows_done']:,}, "
                      f"{imp['bad_rows']:,} bad row(s)")


@catalog.command("merge")
@json_option
@click.pass_context
def merge(ctx: click.Context, as_json: bool) -> None:
    """Merge provisional films into real catalog films that now match them."""
    count = merge_provisional(get_library(ctx).store)
    if as_json:
        emit_json({"merged": count})
    else:
        console.print(f"merged {count} provisional film(s)")


@catalog.command("generate-imdb")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--titles", type=int, default=10_000, show_default=True, help="How many titles to generate.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--mix", type=click.Choice(["imdb", "movies"]), default="imdb", show_default=True,
              help="imdb: the real mix of title types; movies: mostly films.")
@click.option("--plain", is_flag=True, help="Write .tsv instead of .tsv.gz.")
def generate_imdb(folder: Path, titles: int, seed: int, mix: str, plain: bool) -> None:
    """Write synthetic files in IMDb's dataset format (for trying imports and benchmarks)."""
    from ..catalog.imdb_generator import generate

    out = generate(folder, titles, seed=seed, mix=mix, compress=not plain)
    for stem, path in out.paths.items():
        click.echo(f"{path}: {out.rows[stem]:,} rows")
