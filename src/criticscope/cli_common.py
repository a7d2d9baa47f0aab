"""Helpers shared by every CLI command: the console, JSON output, the library handle."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console

if TYPE_CHECKING:
    from .library import Library

console = Console()
err_console = Console(stderr=True)


def get_library(ctx: click.Context) -> Library:
    """The library of this invocation (opened on first use by the root command)."""
    return ctx.find_root().obj()


def json_option(f: Callable) -> Callable:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead of tables.")(f)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
