"""``criticscope film``: one film's critics' summary, traceable to its reviews."""

from __future__ import annotations

import click
from rich.markup import escape
from rich.table import Table

from ..cli_common import console, emit_json, get_library, json_option


@click.command()
@click.argument("title")
@click.option("--year", type=int, help="The film's year, when several films share the title.")
@click.option("--id", "film_id", type=int, help="Pick the film by catalog id instead of title.")
@json_option
@click.pass_context
def film(ctx, title: str, year: int | None, film_id: int | None, as_json: bool) -> None:
    """Show what critics said about a film: share positive, average score, aspects, consensus."""
    lib = get_library(ctx)
    matches = [lib.film(film_id)] if film_id else lib.find_films(title, year=year)
    if not matches:
        raise click.ClickException(f"no film titled {title!r}" + (f" ({year})" if year else ""))
    if len(matches) > 1 and not as_json:
        with_reviews = [m for m in matches if m["aggregates"]["critics"]["count"]]
        matches = with_reviews or matches[:1]
    if as_json:
        emit_json(matches)
        return
    for info in matches:
        agg = info["aggregates"]
        critics = agg["critics"]
        console.rule(f"{escape(info['title'])} ({info['year'] or '?'})")
        if info.get("directors"):
            console.print("Directed by " + ", ".join(info["directors"]))
        share, avg = critics["share_positive"], critics["average_score"]
        console.print(f"Critics: {critics['count']} review(s); "
                      + (f"{share['value']:g}% positive" if share["shown"] else share["note"]) + "; "
                      + (f"average {avg['value']:g}/100" if avg["shown"] else avg["note"]))
        console.print("Verdicts: " + ", ".join(f"{k} {v}" for k, v in critics["verdicts"].items()))
        if agg["awaiting_decision"]["count"]:
            console.print(agg["awaiting_decision"]["note"], style="yellow")
        for side in ("praised", "criticized"):
            if agg["aspects"][side]:
                console.print(f"Most {side}: " + ", ".join(f"{a['aspect']} ({a['count']})"
                                                          for a in agg["aspects"][side]))
        for c in agg["consensus"]:
            console.print(f"  “{escape(c['text'])}” ({c['verdict']})", style="italic")
        if agg["audience"]["count"]:
            aud = agg["audience"]
            console.print(f"Audience (kept apart): {aud['count']} comment(s)"
                          + (f", {aud['share_positive']:g}% positive" if aud["share_positive"] is not None else ""))
        table = Table("review", "critic", "outlet", "rating", "verdict", "spoiler")
        for r in info["reviews"]:
            table.add_row(r["id"][:10], r["critic"] or "", r["outlet"] or "", r["rating_text"] or "",
                          r["verdict"] or "", "yes" if r["spoiler"] else "")
        console.print(table)
