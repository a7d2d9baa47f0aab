"""The ``criticscope`` command line: a thin layer over :class:`criticscope.Library`."""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps

import click
from rich.table import Table

from . import __version__
from .cli_common import console, emit_json, err_console, get_library, json_option
from .config import load_settings
from .library import Library
from .report import analyze_json, review_summary

SUBCOMMANDS = {  # module -> click object name
    "criticscope.commands.catalog": "catalog",
    "criticscope.commands.link": "link",
    "criticscope.commands.search": "search",
    "criticscope.commands.film": "film",
    "criticscope.commands.serve": "serve",
    "criticscope.commands.export": "export",
    "criticscope.commands.report": "report",
}


class LazyLibrary:
    """Opens the library on first use, so ``--help`` and argument errors stay fast."""

    def __init__(self, db: str | None, config: str | None):
        self.db, self.config = db, config
        self._lib: Library | None = None

    def __call__(self) -> Library:
        if self._lib is None:
            settings = load_settings(self.config, db_url=self.db) if self.db else load_settings(self.config)
            from .store import Store

            self._lib = Library(settings, Store.open(settings.db_url))
        return self._lib

    def close(self) -> None:
        if self._lib is not None:
            self._lib.close()


@contextmanager
def _progress(paths: tuple[str, ...]) -> Iterator[Callable[[], None] | None]:
    """A rich progress bar over the inputs when there are many (and stderr is a terminal);
    yields the callback to advance it, or None."""
    from .ingest import iter_paths

    total = sum(1 for _ in iter_paths(paths)) if sys.stderr.isatty() else 0
    if total < 20:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=err_console, transient=True) as prog:
        task = prog.add_task("reading pages", total=total)
        yield lambda: prog.advance(task)


def handle_errors(f: Callable) -> Callable:
    """Turn a missing review or bad argument into a one-line error and exit code 2."""

    @wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except KeyError as exc:
            raise click.ClickException(str(exc.args[0] if exc.args else exc)) from exc

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="criticscope")
@click.option("--db", envvar="CRITICSCOPE_DB", help="Database URL (sqlite:///path.db or postgresql://...).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), envvar="CRITICSCOPE_CONFIG",
              help="A TOML file overriding the packaged defaults.")
@click.option("-v", "--verbose", count=True, help="More logging (-vv for debug).")
@click.pass_context
def main(ctx: click.Context, db: str | None, config_file: str | None, verbose: int) -> None:
    """criticscope turns raw film-review pages into linked, trustworthy critic data."""
    logging.basicConfig(level=[logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)],
                        format="%(levelname)s %(name)s: %(message)s")
    lazy = LazyLibrary(db, config_file)
    ctx.obj = lazy
    ctx.call_on_close(lazy.close)


def _print_failures(rows) -> None:
    for row in rows:
        where = f"{row.origin} ({row.item})" if row.item else row.origin
        err_console.print(f"[red]error[/red]: {where}: {row.reason}", highlight=False, soft_wrap=True)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--retry-failed", is_flag=True, help="Retry every input that failed before.")
@json_option
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], retry_failed: bool, as_json: bool) -> None:
    """Read, clean and store review pages (files, folders, URLs, or - for stdin)."""
    lib = get_library(ctx)
    if retry_failed:
        report = lib.retry_failed()
    elif not paths:
        raise click.UsageError("give at least one PATH, URL or - (stdin), or --retry-failed")
    else:
        with _progress(paths) as tick:
            report = lib.ingest(paths, progress=tick)
    if as_json:
        emit_json({"run_id": report.run_id, "journal": [r.as_dict() for r in report.rows]})
    else:
        counts: dict[str, int] = {}
        for r in report.rows:
            counts[r.status] = counts.get(r.status, 0) + 1
        summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "nothing to do"
        console.print(f"run {report.run_id}: {summary}")
    _print_failures(report.failed)
    ctx.exit(1 if report.failed else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--spoiler-safe", is_flag=True, help="Mask spoiler sentences in what is printed.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run the pipeline in this process or on a Dask cluster.")
@click.option("--scheduler", default=None, help="Dask scheduler address, or local[N] for a local cluster.")
@json_option
@click.pass_context
def analyze(ctx: click.Context, paths: tuple[str, ...], spoiler_safe: bool, engine: str, scheduler: str | None,
            as_json: bool) -> None:
    """Ingest pages and run every analysis stage; print what was found.

    With --json, prints the documented schema (docs/json-schema.md).
    """
    lib = get_library(ctx)
    if engine == "dask":
        from .runner import analyze_distributed

        result = analyze_distributed(lib, list(paths), scheduler=scheduler, console=err_console)
    else:
        with _progress(paths) as tick:
            result = lib.analyze(paths, progress=tick)
    if as_json:
        emit_json(analyze_json(lib, result, spoiler_safe=spoiler_safe))
    else:
        for doc in result.docs:
            console.print(review_summary(lib, doc, spoiler_safe=spoiler_safe))
        console.print(f"[bold]{len(result.docs)}[/bold] review(s) analyzed, {len(result.failed)} input(s) failed")
    _print_failures(result.failed)
    ctx.exit(1 if result.failed else 0)


@main.command()
@click.option("--stage", "stages", multiple=True, help="Stage to re-run (repeatable; default: all).")
@click.option("--review", "review_ids", multiple=True, help="Only these reviews (default: all).")
@click.pass_context
@handle_errors
def reprocess(ctx: click.Context, stages: tuple[str, ...], review_ids: tuple[str, ...]) -> None:
    """Re-run analysis stages on stored reviews (a person's link decisions are kept)."""
    lib = get_library(ctx)
    ids = [lib.review(r).id for r in review_ids] if review_ids else None
    docs = lib.reprocess(list(stages) or None, ids)
    errors = [e for d in docs for e in d.errors]
    console.print(f"reprocessed {len(docs)} review(s) with stage(s) {', '.join(stages) or 'all'}")
    for e in errors:
        err_console.print(f"[yellow]warning[/yellow]: {e}")


@main.group()
def reviews() -> None:
    """List and show stored reviews."""


@reviews.command("list")
@click.option("--film", "film_id", type=int, help="Only reviews linked to this film id.")
@click.option("--critic")
@click.option("--outlet")
@click.option("--verdict", type=click.Choice(["positive", "mixed", "negative"]))
@click.option("--limit", type=int, default=100, show_default=True)
@json_option
@click.pass_context
def reviews_list(ctx, film_id, critic, outlet, verdict, limit, as_json) -> None:
    """List reviews with their film, rating, verdict and spoiler flag."""
    lib = get_library(ctx)
    rows = lib.reviews(film_id=film_id, critic=critic, outlet=outlet, verdict=verdict, limit=limit)
    if as_json:
        emit_json([_review_row(r) for r in rows])
        return
    table = Table("id", "headline / source", "critic", "film", "rating", "verdict", "spoiler")
    for r in rows:
        table.add_row(r.id[:10], (r.headline or r.source or "")[:60], r.critic or "", str(r.film_id or r.link_status
                      or ""), r.rating_text or "", r.verdict or "", "yes" if r.spoiler else "")
    console.print(table)


def _review_row(r) -> dict:
    return {"id": r.id, "source": r.source, "url": r.url, "headline": r.headline, "critic": r.critic,
            "outlet": r.outlet, "published": r.published, "film_id": r.film_id, "link_status": r.link_status,
            "rating_text": r.rating_text, "rating_score": r.rating_score, "verdict": r.verdict,
            "spoiler": r.spoiler}


@reviews.command("show")
@click.argument("review_id")
@click.option("--spoiler-safe", is_flag=True, help="Mask spoiler sentences.")
@json_option
@click.pass_context
@handle_errors
def reviews_show(ctx, review_id: str, spoiler_safe: bool, as_json: bool) -> None:
    """Show one review: clean text, film, rating, verdict, aspects, pull quote, spoilers, comments."""
    lib = get_library(ctx)
    doc = lib.doc(review_id)
    if as_json:
        from .report import review_json

        emit_json(review_json(lib, doc, spoiler_safe=spoiler_safe, full=True))
        return
    console.print(review_summary(lib, doc, spoiler_safe=spoiler_safe, full=True))


@main.command()
@click.option("--failed", is_flag=True, help="Only inputs that failed.")
@click.option("--run", "run_id", help="Only this run.")
@json_option
@click.pass_context
def journal(ctx, failed: bool, run_id: str | None, as_json: bool) -> None:
    """Show the ingest journal: one row per input and run."""
    rows = get_library(ctx).journal(failed_only=failed, run_id=run_id)
    if as_json:
        emit_json([{"id": r.id, "run_id": r.run_id, "origin": r.origin, "item": r.item, "status": r.status,
                    "reason": r.reason, "review_id": r.review_id, "raw_sha256": r.raw_sha256,
                    "resolved": r.resolved, "created_at": r.created_at.isoformat()} for r in rows])
        return
    table = Table("run", "origin", "status", "reason", "review")
    for r in rows:
        status = r.status + (" (retried ok)" if r.resolved else "")
        table.add_row(r.run_id, r.origin + (f" ({r.item})" if r.item else ""), status, r.reason or "",
                      (r.review_id or "")[:10])
    console.print(table)


@main.group()
def ratings() -> None:
    """Inspect ratings found on reviews."""


@ratings.command("explain")
@click.argument("review_id")
@click.pass_context
@handle_errors
def ratings_explain(ctx, review_id: str) -> None:
    """Show every rating-like expression found on a review and why it was kept or rejected."""
    from .ratings import explain, extract_ratings

    doc = get_library(ctx).doc(review_id)
    click.echo(explain(extract_ratings(doc.text, doc.structured)))


@main.command()
@click.option("--spoiler-safe", is_flag=True, help="Mask spoiler sentences.")
@json_option
@click.pass_context
def demo(ctx, spoiler_safe: bool, as_json: bool) -> None:
    """Analyze the example pages bundled with criticscope and print a readable summary."""
    from .demo import example_paths

    lib = get_library(ctx)
    result = lib.analyze([str(p) for p in example_paths()])
    if as_json:
        emit_json(analyze_json(lib, result, spoiler_safe=spoiler_safe))
        return
    for doc in result.docs:
        console.print(review_summary(lib, doc, spoiler_safe=spoiler_safe))
    console.print(f"\n[bold]{len(result.docs)}[/bold] example review(s) analyzed into {lib.settings.db_url}")
    _print_failures(result.failed)


@main.command("eval")
@click.argument("names", nargs=-1)
@click.option("--gate", is_flag=True, help="Exit 1 when a metric drops below its pinned floor.")
@click.option("--quick", is_flag=True, help="Subsample large held-out sets (for CI).")
@json_option
@click.pass_context
def eval_cmd(ctx, names: tuple[str, ...], gate: bool, quick: bool, as_json: bool) -> None:
    """Run evaluations (ratings, verdicts, linking, aspects, spoilers, pullquote, cleaning)."""
    from . import evaluation

    settings = load_settings(ctx.find_root().obj.config)
    failures: list[str] = []
    out = {}
    for name in names or evaluation.EVALUATIONS:
        result = evaluation.run(name, settings, quick=quick)
        floors = evaluation.floors_for(name)
        failed = evaluation.gate(result, floors)
        failures += failed
        out[name] = {"metrics": result.metrics, "floors": floors, "failures": failed}
        if not as_json:
            console.rule(f"eval {name}")
            click.echo(result.table)
            for metric, floor in floors.items():
                value = result.metrics.get(metric)
                mark = "FAIL" if any(f.startswith(f"{name}.{metric}:") for f in failed) else "ok"
                click.echo(f"  gate {metric}: {value if value is None else round(value, 4)} (floor {floor}) {mark}")
    if as_json:
        emit_json(out)
    if gate and failures:
        for f in failures:
            err_console.print(f"[red]below floor[/red]: {f}")
        ctx.exit(1)


def _register_subcommands() -> None:
    for module_name, attr in SUBCOMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        main.add_command(getattr(module, attr))


_register_subcommands()

if __name__ == "__main__":  # pragma: no cover
    main()
