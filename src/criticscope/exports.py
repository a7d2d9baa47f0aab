"""Exports of films, reviews, aggregates and mentions as JSON, CSV or Parquet.

Column schemas are stable (``SCHEMAS``; documented in docs/exports.md): columns are
only ever added at the end, never renamed, retyped or removed.  Rows are read and
written in batches, so an export of a large library does not sit in memory as a whole
(except Parquet returned as bytes, which is built in a buffer).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from .aggregate import recompute_all
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
SCHEMA_VERSION = 1
BATCH = 5000
_CASTS = {"int": int, "str": str, "float": float, "bool": bool}


def _typed(what: str, row: dict[str, Any]) -> dict[str, Any]:
    """The row with every value of its schema type (or None): ints stored as floats and the
    like never leak into an export."""
    return {c: None if row[c] is None else _CASTS[t](row[c]) for c, t in SCHEMAS[what]}


def _stream(store: Store, q) -> Iterator[Any]:
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(q)
        yield from result


def rows(store: Store, what: str, settings: Settings) -> Iterator[dict[str, Any]]:
    """The rows of one export, as dicts in schema column order."""
    if what not in SCHEMAS:
        raise KeyError(f"unknown export {what!r}; choose from {', '.join(SCHEMAS)}")
    cols = [c for c, _ in SCHEMAS[what]]
    if what == "reviews":
        for r in _stream(store, select(*(getattr(Review, c) for c in cols)).order_by(Review.id)):
            yield _typed(what, r._asdict())
    elif what == "mentions":
        q = select(*(getattr(Mention, c) for c in cols)).order_by(Mention.review_id, Mention.start, Mention.id)
        for r in _stream(store, q):
            yield _typed(what, r._asdict())
    elif what == "films":
        with store.session() as s:
            counts = dict(s.execute(select(Review.film_id, func.count())
                                    .where(Review.film_id.is_not(None), Review.duplicate_of.is_(None))
                                    .group_by(Review.film_id)).all())
        q = (select(Film.id, Film.title, Film.original_title, Film.year, Film.kind, Film.countries, Film.languages,
                    Film.imdb_id, Film.source, Film.provisional)
             .where(Film.merged_into.is_(None)).order_by(Film.id))
        for f in _stream(store, q):
            row = f._asdict()
            row["countries"] = "; ".join(row["countries"] or [])
            row["languages"] = "; ".join(row["languages"] or [])
            row["reviews"] = counts.get(f.id, 0)
            yield _typed(what, row)
    else:
        aggregates = recompute_all(store, settings.aggregates)
        with store.session() as s:
            titles = {fid: (title, year) for fid, title, year in
                      s.execute(select(Film.id, Film.title, Film.year).where(Film.id.in_(list(aggregates))))}
        for fid, a in aggregates.items():
            c = a["critics"]
            title, year = titles.get(fid, (None, None))
            yield _typed(what, {
                "film_id": fid, "title": title, "year": year, "reviews": c["count"],
                "share_positive": c["share_positive"]["value"], "positive": c["share_positive"]["positive"],
                "average_score": c["average_score"]["value"], "rated": c["average_score"]["rated"],
                "estimated_score": c["estimated_score"]["value"], "estimated": c["estimated_score"]["count"],
                "positive_verdicts": c["verdicts"]["positive"], "mixed_verdicts": c["verdicts"]["mixed"],
                "negative_verdicts": c["verdicts"]["negative"], "spread_stdev": c["spread"]["stdev"],
                "audience_comments": a["audience"]["count"],
                "audience_share_positive": a["audience"]["share_positive"],
                "awaiting_decision": a["awaiting_decision"]["count"]})


def arrow_schema(what: str):
    import pyarrow as pa

    types = {"int": pa.int64(), "str": pa.string(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(c, types[t]) for c, t in SCHEMAS[what]],
                     metadata={"schema": f"criticscope.export.{what}/{SCHEMA_VERSION}"})


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def encode(store: Store, settings: Settings, what: str, fmt: str) -> Iterator[bytes]:
    """A JSON or CSV export as a stream of UTF-8 chunks."""
    cols = [c for c, _ in SCHEMAS[what]]
    if fmt == "json":
        head = {"schema": f"criticscope.export.{what}/{SCHEMA_VERSION}", "columns": cols}
        yield (json.dumps(head, ensure_ascii=False)[:-1] + ', "data": [').encode()
        sep = "\n"
        for row in rows(store, what, settings):
            yield (sep + json.dumps(row, ensure_ascii=False)).encode()
            sep = ",\n"
        yield b"\n]}\n"
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(cols)
        for i, row in enumerate(rows(store, what, settings), 1):
            writer.writerow([_csv_value(v) for v in row.values()])
            if i % 1000 == 0:
                yield buf.getvalue().encode()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue().encode()
    else:
        raise KeyError(f"format {fmt!r} cannot be streamed; choose json or csv")


def _write_parquet(store: Store, settings: Settings, what: str, sink: Any) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(what)
    with pq.ParquetWriter(sink, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows(store, what, settings):
            batch.append(row)
            if len(batch) == BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))


def export(store: Store, settings: Settings, what: str, fmt: str, out: Path | None = None) -> bytes | None:
    """Write one export to ``out`` (or return it as bytes when ``out`` is None)."""
    if what not in SCHEMAS:
        raise KeyError(f"unknown export {what!r}; choose from {', '.join(SCHEMAS)}")
    if fmt not in FORMATS:
        raise KeyError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if fmt == "parquet":
        buf = io.BytesIO() if out is None else None
        _write_parquet(store, settings, what, buf if buf is not None else str(out))
        return buf.getvalue() if buf is not None else None
    if out is None:
        return b"".join(encode(store, settings, what, fmt))
    with Path(out).open("wb") as fh:
        for chunk in encode(store, settings, what, fmt):
            fh.write(chunk)
    return None
