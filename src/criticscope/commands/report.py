"""``criticscope report``: one film's page as a self-contained HTML file (or its JSON)."""

from __future__ import annotations

import click

from ..cli_common import emit_json, get_library


@click.command()
@click.argument("film_id", type=int)
@click.option("--html", "as_html", is_flag=True,
              help="Write the film page as self-contained HTML (CSS inlined, no scripts); default: JSON.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True), default="-",
              show_default=True, help="File to write (- for standard output).")
@click.option("--base-url", metavar="URL",
              help="Link reviews and films to a running criticscope server at URL (default: no links).")
@click.pass_context
def report(ctx: click.Context, film_id: int, as_html: bool, output: str, base_url: str | None) -> None:
    """Report on one film: badge, rating chart, consensus, aspects and every critic's review."""
    from ..webviews.pages import film_data
    from ..webviews.render import render_film_report

    lib = get_library(ctx)
    try:
        if not as_html:
            data = film_data(lib, film_id)
            if output == "-":
                emit_json(data)
                return
            import json

            text = json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
        else:
            text = render_film_report(lib, film_id, base_url=base_url)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0] if exc.args else exc)) from exc
    with click.open_file(output, "w", encoding="utf-8") as fh:
        fh.write(text)
    if output != "-":
        click.echo(f"wrote {output}", err=True)
