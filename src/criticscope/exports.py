"""Exports of films, reviews, aggregates and mentions as JSON, CSV or Parquet.

Column schemas are stable (``SCHEMAS``; documented in docs/exports.md): columns are
only ever added at the end, never renamed or removed.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from .aggregate import film_aggregates
from .config import Settings
from .models import Film, Mention, Review
from .store import Store

SCHEMAS: dict[str, list[tuple[str, str]]] = {
    "films": [("id", "int"), ("title", "str"), ("original_title", "str"), ("year", "int"), ("kind", "str"),
              ("countries", "str"), ("languages", "str"), ("imdb_id", "str"), ("source", "str"),
              ("provisional", "bool"), ("reviews", "int")],
    "reviews": [("id", "str"), ("source", "str"), ("url", "str"), ("outlet", "str"), ("critic", "str"),
                ("headline", "str"), ("published", "str"), ("film_id", "int"), ("link_status", "str"),
                ("link_confidence", "float"), ("link_source", "str"), ("rating_text", "str"),
                ("rating_score", "float"), ("verdict", "str"), ("verdict_source", "str"), ("p_positive", "float"),
                ("estimated_score", "float"), ("spoiler", "bool"), ("pull_quote", "str"), ("duplicate_of", "str"),
                ("text", "str")],
    "aggregates": [("film_id", "int"), ("title", "str"), ("year", "int"), ("reviews", "int"),
                   ("share_positive", "float"), ("positive", "int"), ("average_score", "float"), ("rated", "int"),
                   ("estimated_score", "float"), ("estimated", "int"), ("positive_verdicts", "int"),
                   ("mixed_verdicts", "int"), ("negative_verdicts", "int"), ("spread_stdev", "float"),
                   ("audience_comments", "int"), ("audience_share_positive", "float"), ("awaiting_decision", "int")],
    "mentions": [("review_id", "str"), ("kind", "str"), ("text", "str"), ("start", "int"), ("end", "int"),
                 ("film_id", "int"), ("person_id", "int"), ("confidence", "float"), ("sentence", "str")],
}
FORMATS = ("json", "csv", "parquet")


def rows(store: Store, what: str, settings: Settings) -> Iterator[dict[str, Any]]:
    if what not in SCHEMAS:
        raise KeyError(f"unknown export {what!r}; choose from {', '.join(SCHEMAS)}")
    cols = [c for c, _ in SCHEMAS[what]]
    with store.session() as s:
        if what == "reviews":
            for r in s.scalars(select(Review).order_by(Review.id)):
                yield {c: getattr(r, c) for c in cols}
        elif what == "mentions":
            for m in s.scalars(select(Mention).order_by(Mention.review_id, Mention.start, Mention.id)):
                yield {c: getattr(m, c) for c in cols}
        elif what == "films":
            counts: dict[int, int] = {}
            for fid in s.scalars(select(Review.film_id).where(Review.film_id.is_not(None),
                                                              Review.duplicate_of.is_(None))):
                counts[fid] = counts.get(fid, 0) + 1
            for f in s.scalars(select(Film).where(Film.merged_into.is_(None)).order_by(Film.id)):
                yield {"id": f.id, "title": f.title, "original_title": f.original_title, "year": f.year,
                       "kind": f.kind, "countries": "; ".join(f.countries or []),
                       "languages": "; ".join(f.languages or []), "imdb_id": f.imdb_id, "source": f.source,
                       "provisional": f.provisional, "reviews": counts.get(f.id, 0)}
            return
    if what == "aggregates":
        with store.session() as s:
            films = s.execute(select(Film.id, Film.title, Film.year).where(
                Film.id.in_(select(Review.film_id).where(Review.film_id.is_not(None)))).order_by(Film.id)).all()
        for fid, title, year in films:
            a = film_aggregates(store, fid, settings.aggregates)
            c = a["critics"]
            yield {"film_id": fid, "title": title, "year": year, "reviews": c["count"],
                   "share_positive": c["share_positive"]["value"], "positive": c["share_positive"]["positive"],
                   "average_score": c["average_score"]["value"], "rated": c["average_score"]["rated"],
                   "estimated_score": c["estimated_score"]["value"], "estimated": c["estimated_score"]["count"],
                   "positive_verdicts": c["verdicts"]["positive"], "mixed_verdicts": c["verdicts"]["mixed"],
                   "negative_verdicts": c["verdicts"]["negative"], "spread_stdev": c["spread"]["stdev"],
                   "audience_comments": a["audience"]["count"],
                   "audience_share_positive": a["audience"]["share_positive"],
                   "awaiting_decision": a["awaiting_decision"]["count"]}


def _arrow_schema(what: str):
    import pyarrow as pa

    types = {"int": pa.int64(), "str": pa.string(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(c, types[t]) for c, t in SCHEMAS[what]])


def export(store: Store, settings: Settings, what: str, fmt: str, out: Path | None = None) -> bytes | None:
    """Write one export to ``out`` (or return it as bytes when ``out`` is None)."""
    if fmt not in FORMATS:
        raise KeyError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    data = list(rows(store, what, settings))
    cols = [c for c, _ in SCHEMAS[what]]
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(data, schema=_arrow_schema(what))
        sink = io.BytesIO() if out is None else str(out)
        pq.write_table(table, sink)
        return sink.getvalue() if out is None else None  # type: ignore[union-attr]
    if fmt == "json":
        payload = json.dumps({"schema": f"criticscope.export.{what}/1", "columns": cols, "data": data},
                             ensure_ascii=False, indent=1, default=str).encode()
    else:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
        writer.writeheader()
        writer.writerows(data)
        payload = buf.getvalue().encode()
    if out is None:
        return payload
    Path(out).write_bytes(payload)
    return None
