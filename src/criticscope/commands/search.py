"""``criticscope search``: full-text and semantic search over stored reviews."""

from __future__ import annotations

import click
from rich.table import Table

from ..cli_common import console, emit_json, get_library, json_option
from ..search import SearchFilters


@click.command()
@click.argument("query")
@click.option("--semantic", is_flag=True, help="Search sentences by meaning instead of words.")
@click.option("--film", "film_id", type=int, help="Only reviews of this film id.")
@click.option("--critic")
@click.option("--outlet")
@click.option("--verdict", type=click.Choice(["positive", "mixed", "negative"]))
@click.option("--rated/--unrated", "has_rating", default=None, help="Only reviews with (or without) a rating.")
@click.option("--spoiler-free", is_flag=True, help="Leave out reviews that spoil the plot.")
@click.option("--since", "date_from", help="Published on or after this date (YYYY-MM-DD).")
@click.option("--until", "date_to", help="Published on or before this date (YYYY-MM-DD).")
@click.option("--limit", type=int, default=20, show_default=True)
@json_option
@click.pass_context
def search(ctx, query, semantic, film_id, critic, outlet, verdict, has_rating, spoiler_free, date_from, date_to,
           limit, as_json) -> None:
    """Search reviews: full text (ranked), or --semantic for sentences close in meaning,
    e.g. "reviews praising the fight choreography"."""
    lib = get_library(ctx)
    filters = SearchFilters(film_id=film_id, critic=critic, outlet=outlet, verdict=verdict, has_rating=has_rating,
                            spoiler_free=spoiler_free, date_from=date_from, date_to=date_to)
    hits = lib.search(query, filters, semantic=semantic, limit=limit)
    if as_json:
        emit_json([h.as_dict() for h in hits])
        return
    table = Table("review", "score", "critic / outlet", "verdict", "text")
    for h in hits:
        table.add_row(h.review_id[:10], f"{h.score:.3f}", " · ".join(x for x in (h.critic, h.outlet) if x),
                      h.verdict or "", h.snippet)
    console.print(table if hits else "no matches")
