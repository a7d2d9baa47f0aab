"""``criticscope export``: films, reviews, aggregates and mentions as JSON, CSV or Parquet."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli_common import err_console, get_library
from ..exports import FORMATS, SCHEMAS
from ..exports import export as run_export


@click.command()
@click.argument("what", type=click.Choice(list(SCHEMAS)))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (default: standard output; required for parquet).")
@click.pass_context
def export(ctx, what: str, fmt: str, output: Path | None) -> None:
    """Export WHAT (films, reviews, aggregates, mentions) with a stable column schema (docs/exports.md)."""
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output FILE")
    lib = get_library(ctx)
    data = run_export(lib.store, lib.settings, what, fmt, output)
    if data is not None:
        sys.stdout.buffer.write(data)
    else:
        err_console.print(f"wrote {what} to {output}")
