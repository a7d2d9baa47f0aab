"""Every export in every format: exact column order and types (SCHEMAS), the same rows
whatever the format, files and bytes alike, and the ``criticscope export`` command."""

from __future__ import annotations

import csv
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from criticscope.aggregate import film_aggregates
from criticscope.cli import main
from criticscope.config import load_settings
from criticscope.exports import FORMATS, SCHEMAS, export
from criticscope.models import Film, Mention, ReaderComment, Review
from criticscope.store import Store

PY_TYPES = {"int": int, "str": str, "float": float, "bool": bool}
ARROW_TYPES = {"int": pa.int64(), "str": pa.string(), "float": pa.float64(), "bool": pa.bool_()}


def populate(store: Store) -> dict[str, int]:
    with store.session() as s:
        heat = Film(title="Heat", norm_title="heat", year=1995, source="test", countries=["United States"],
                    languages=["English", "Spanish"], imdb_id="tt0113277")
        thief = Film(title="Thief", norm_title="thief", year=None, source="test", provisional=True)
        s.add_all([heat, thief])
        s.flush()
        rows = [  # id, verdict, rating, text, estimate, spoiler, p_positive
            ("a1", "positive", 90.0, "9/10", None, False, 0.9),
            ("a2", "positive", 80.0, "4/5", None, None, 0.8),
            ("a3", "negative", 20.0, "1/5", None, True, 0.1),
            ("a4", "mixed", None, None, 55.5, False, 0.5),
            ("a5", "positive", 60.0, "3/5", None, False, 0.7),
        ]
        for rid, verdict, score, rtext, est, spoiler, p in rows:
            s.add(Review(id=rid, text=f"Review {rid} of Heat, with a comma, a \"quote\" and a\nnewline.",
                         headline=f"Heat — review {rid}", critic="Critic, Jr.", outlet="Été Weekly",
                         published="2024-05-0" + rid[1], film_id=heat.id, link_status="linked",
                         link_confidence=0.93, link_source="auto", verdict=verdict, verdict_source="rating",
                         rating_score=score, rating_text=rtext, estimated_score=est, spoiler=spoiler,
                         p_positive=p, pull_quote=f"Quote {rid}."))
        s.add(Review(id="dup", text="Review a1 of Heat again.", duplicate_of="a1", film_id=heat.id,
                     link_status="linked", verdict="negative"))
        s.add(Review(id="b1", text="Thief review.", film_id=thief.id, link_status="not_in_catalog", verdict=None))
        s.flush()
        s.add_all([
            Mention(review_id="a1", kind="film", text="Thief", start=10, end=15, film_id=thief.id, confidence=0.9,
                    sentence="Mann's Thief comes to mind."),
            Mention(review_id="a1", kind="person", text="Al Pacino", start=30, end=39, person_id=None,
                    confidence=0.75),
            Mention(review_id="b1", kind="film", text="Heat", start=0, end=4, film_id=heat.id, confidence=1.0),
        ])
        s.add(ReaderComment(review_id="a1", position=0, text="Great!", verdict="positive"))
        s.add(ReaderComment(review_id="a1", position=1, text="Meh.", verdict="negative"))
        return {"heat": heat.id, "thief": thief.id}


@pytest.fixture
def loaded(db_url, tmp_path):
    settings = load_settings(env={"CRITICSCOPE_HOME": str(tmp_path)}, db_url=db_url)
    store = Store.open(db_url)
    ids = populate(store)
    yield store, settings, ids
    store.close()


def _check_typed(what: str, data: list[dict]) -> None:
    cols = [c for c, _ in SCHEMAS[what]]
    for row in data:
        assert list(row) == cols
        for c, t in SCHEMAS[what]:
            assert row[c] is None or type(row[c]) is PY_TYPES[t], (what, c, row[c])


def _from_csv(what: str, payload: bytes) -> list[dict]:
    reader = csv.reader(io.StringIO(payload.decode("utf-8"), newline=""))
    header = next(reader)
    assert header == [c for c, _ in SCHEMAS[what]]
    out = []
    for values in reader:
        row = {}
        for (c, t), v in zip(SCHEMAS[what], values, strict=True):
            if v == "":
                row[c] = None if t != "str" else v
            elif t == "bool":
                assert v in ("true", "false")
                row[c] = v == "true"
            else:
                row[c] = PY_TYPES[t](v)
        out.append(row)
    return out


@pytest.mark.parametrize("what", list(SCHEMAS))
def test_every_export_in_every_format(loaded, what, tmp_path):
    store, settings, _ = loaded
    as_json = json.loads(export(store, settings, what, "json"))
    assert as_json["schema"] == f"criticscope.export.{what}/1"
    assert as_json["columns"] == [c for c, _ in SCHEMAS[what]]
    data = as_json["data"]
    assert data, what
    _check_typed(what, data)

    table = pq.read_table(io.BytesIO(export(store, settings, what, "parquet")))
    assert table.schema.names == [c for c, _ in SCHEMAS[what]]
    assert [table.schema.field(c).type for c, _ in SCHEMAS[what]] == [ARROW_TYPES[t] for _, t in SCHEMAS[what]]
    assert table.to_pylist() == data

    from_csv = _from_csv(what, export(store, settings, what, "csv"))
    expected = [{c: ("" if v is None and t == "str" else v) for (c, t), v in zip(SCHEMAS[what], row.values(),
                                                                                   strict=True)} for row in data]
    assert from_csv == expected

    for fmt in FORMATS:  # a file holds exactly the bytes
        out = tmp_path / f"{what}.{fmt}"
        assert export(store, settings, what, fmt, out) is None
        if fmt == "parquet":
            assert pq.read_table(out).to_pylist() == data
        else:
            assert out.read_bytes() == export(store, settings, what, fmt)


def test_export_contents(loaded):
    store, settings, ids = loaded

    def data(what):
        return json.loads(export(store, settings, what, "json"))["data"]

    reviews = {r["id"]: r for r in data("reviews")}
    assert set(reviews) == {"a1", "a2", "a3", "a4", "a5", "dup", "b1"}  # duplicates too, flagged
    assert reviews["dup"]["duplicate_of"] == "a1"
    assert reviews["a4"]["rating_score"] is None and reviews["a4"]["estimated_score"] == 55.5
    assert reviews["a2"]["spoiler"] is None and reviews["a3"]["spoiler"] is True
    assert reviews["a1"]["text"].endswith("a\nnewline.") and reviews["a1"]["outlet"] == "Été Weekly"

    films = {f["title"]: f for f in data("films")}
    assert films["Heat"]["reviews"] == 5  # the duplicate is not counted
    assert films["Heat"]["countries"] == "United States" and films["Heat"]["languages"] == "English; Spanish"
    assert films["Thief"]["year"] is None and films["Thief"]["provisional"] is True

    aggregates = {a["film_id"]: a for a in data("aggregates")}
    heat = aggregates[ids["heat"]]
    expected = film_aggregates(store, ids["heat"], settings.aggregates)["critics"]
    assert heat["reviews"] == 5 == expected["count"]
    assert heat["positive"] == 3 and heat["share_positive"] == expected["share_positive"]["value"] == 60.0
    assert heat["average_score"] == 62.5 and heat["rated"] == 4  # (90 + 80 + 20 + 60) / 4
    assert heat["estimated_score"] == 55.5 and heat["estimated"] == 1
    assert (heat["positive_verdicts"], heat["mixed_verdicts"], heat["negative_verdicts"]) == (3, 1, 1)
    assert heat["audience_comments"] == 2 and heat["audience_share_positive"] is None  # 2 of 5 needed
    thief = aggregates[ids["thief"]]
    assert thief["reviews"] == 1 and thief["share_positive"] is None and thief["average_score"] is None

    mentions = data("mentions")
    assert [(m["review_id"], m["kind"], m["text"]) for m in mentions] == [
        ("a1", "film", "Thief"), ("a1", "person", "Al Pacino"), ("b1", "film", "Heat")]
    assert mentions[0]["film_id"] == ids["thief"] and mentions[1]["person_id"] is None


def test_unknown_export_or_format(loaded):
    store, settings, _ = loaded
    with pytest.raises(KeyError):
        export(store, settings, "people", "json")
    with pytest.raises(KeyError):
        export(store, settings, "films", "xml")


def test_empty_library_exports_headers_only(tmp_path):
    settings = load_settings(env={"CRITICSCOPE_HOME": str(tmp_path)}, db_url=f"sqlite:///{tmp_path / 'e.db'}")
    store = Store.open(settings.db_url)
    assert json.loads(export(store, settings, "reviews", "json"))["data"] == []
    assert export(store, settings, "mentions", "csv").decode().splitlines() == [
        ",".join(c for c, _ in SCHEMAS["mentions"])]
    table = pq.read_table(io.BytesIO(export(store, settings, "aggregates", "parquet")))
    assert table.num_rows == 0 and table.schema.names == [c for c, _ in SCHEMAS["aggregates"]]
    store.close()


def test_export_command(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    store = Store.open(db)
    populate(store)
    store.close()
    runner = CliRunner()
    env = {"CRITICSCOPE_DB": db, "CRITICSCOPE_HOME": str(tmp_path / "home")}

    result = runner.invoke(main, ["export", "reviews", "--format", "csv"], env=env)
    assert result.exit_code == 0, result.output
    assert len(_from_csv("reviews", result.stdout_bytes)) == 7

    result = runner.invoke(main, ["export", "aggregates"], env=env)
    assert result.exit_code == 0, result.output
    assert {a["reviews"] for a in json.loads(result.stdout_bytes)["data"]} == {5, 1}

    out = tmp_path / "films.parquet"
    result = runner.invoke(main, ["export", "films", "--format", "parquet", "-o", str(out)], env=env)
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).column("title").to_pylist() == ["Heat", "Thief"]

    result = runner.invoke(main, ["export", "mentions", "--format", "parquet"], env=env)
    assert result.exit_code == 2 and "--output" in result.output  # parquet is never written to a terminal
    result = runner.invoke(main, ["export", "people"], env=env)
    assert result.exit_code == 2
