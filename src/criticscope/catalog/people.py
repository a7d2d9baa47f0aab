"""Housekeeping on catalog people."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection

_PAIRS_SQL = text("""
    SELECT x.id, MIN(y.id) FROM people x
    JOIN credits cx ON cx.person_id = x.id
    JOIN credits cy ON cy.film_id = cx.film_id AND cy.person_id <> x.id
    JOIN people y ON y.id = cy.person_id
    WHERE x.imdb_id IS NULL AND y.imdb_id IS NOT NULL AND x.norm_name = y.norm_name AND x.norm_name <> ''
    GROUP BY x.id
""")


def merge_duplicate_people(conn: Connection) -> int:
    """Fold a person known without an IMDb id (from the Wikidata sample or the bundled
    catalog) into the IMDb person of the same name credited on the same film: credits and
    mentions move, the duplicate row goes.  Returns how many people were merged."""
    pairs = [{"x": x, "y": y} for x, y in conn.execute(_PAIRS_SQL)]
    if not pairs:
        return 0
    conn.execute(text("INSERT INTO credits (film_id, person_id, role, ord) "
                      "SELECT film_id, :y, role, ord FROM credits WHERE person_id = :x "
                      "ON CONFLICT (film_id, person_id, role) DO NOTHING"), pairs)
    conn.execute(text("DELETE FROM credits WHERE person_id = :x"), pairs)
    conn.execute(text("UPDATE mentions SET person_id = :y WHERE person_id = :x"), pairs)
    conn.execute(text("DELETE FROM people WHERE id = :x"), pairs)
    return len(pairs)
