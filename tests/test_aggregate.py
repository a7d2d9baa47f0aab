"""Aggregates against hand-computed fixtures, loaded from SQLite and PostgreSQL stores, and
the seed pages analysed together."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import delete

from criticscope.aggregate import (
    AspectRow,
    AudienceRow,
    CriticRow,
    FilmRows,
    MentionRow,
    aggregate_cache,
    aspect_consensus,
    awaiting_decision,
    compute_aggregates,
    extractive_consensus,
    film_aggregates,
    is_positive,
    load_film_rows,
    recompute_all,
)
from criticscope.cli import main
from criticscope.config import AggregateSettings
from criticscope.models import AspectMention, Film, Mention, ReaderComment, Review
from criticscope.store import Store

S = AggregateSettings(min_reviews_for_share=5, min_rated_for_average=4, positive_rating_min=60)


def _critic(rid, verdict, score=None, est=None, quote=None, published=None, spoiler=False):
    return CriticRow(review_id=rid, verdict=verdict, rating_score=score, estimated_score=est, pull_quote=quote,
                     published=published, spoiler=spoiler)


def test_positive_is_verdict_or_rating_at_least_60():
    assert is_positive(_critic("a", "positive"), S)
    assert is_positive(_critic("b", "mixed", score=60), S)
    assert not is_positive(_critic("c", "mixed", score=59.9), S)
    assert not is_positive(_critic("d", "negative"), S)


def test_thresholds_hide_share_and_average_below_minimums():
    rows = FilmRows(critics=[_critic("a", "positive", 80), _critic("b", "mixed", 60), _critic("c", "negative"),
                             _critic("d", "positive", est=77)])
    agg = compute_aggregates(rows, S)
    share = agg["critics"]["share_positive"]
    assert share["shown"] is False and share["value"] is None
    assert share["positive"] == 3 and share["of"] == 4  # a (verdict), b (rating 60), d (verdict)
    assert "4 of 5" in share["note"]
    avg = agg["critics"]["average_score"]
    assert avg["shown"] is False and avg["rated"] == 2 and avg["value"] is None
    assert agg["critics"]["estimated_score"] == {"value": 77.0, "count": 1, "review_ids": ["d"],
                                                 "note": agg["critics"]["estimated_score"]["note"]}


def test_share_and_average_shown_at_exact_minimums():
    rows = FilmRows(critics=[_critic("a", "positive", 100), _critic("b", "negative", 25),
                             _critic("c", "mixed", 50), _critic("d", "positive", 75),
                             _critic("e", "negative", est=20)])
    agg = compute_aggregates(rows, S)
    share = agg["critics"]["share_positive"]
    assert share["shown"] and share["value"] == 40.0 and share["review_ids"] == ["a", "d"]
    avg = agg["critics"]["average_score"]
    assert avg["shown"] and avg["value"] == 62.5  # (100 + 25 + 50 + 75) / 4; the estimate is kept apart
    assert avg["review_ids"] == ["a", "b", "c", "d"]
    assert agg["critics"]["verdicts"] == {"positive": 2, "mixed": 1, "negative": 2}
    hist = {b["from"]: b["count"] for b in agg["critics"]["distribution"]}
    assert hist == {0: 0, 20: 1, 40: 1, 60: 1, 80: 1}
    # stdev over 100, 25, 50, 75 and the estimate 20
    assert agg["critics"]["spread"]["stdev"] == pytest.approx(30.2, abs=0.05)  # mean 54, variance 4570 / 5
    assert agg["critics"]["spread"]["disagreement"] == pytest.approx(0.6)


def test_tie_in_verdicts_and_consensus_covers_the_split():
    rows = FilmRows(critics=[
        _critic("a", "positive", quote="A thrilling, beautifully acted film."),
        _critic("b", "positive", quote="Beautifully acted and thrilling to the end."),
        _critic("c", "negative", quote="A tedious slog with nothing to say."),
        _critic("d", "negative", quote="The ending reveals the killer was the mother.", spoiler=True),
    ])
    consensus = extractive_consensus(rows.critics)
    verdicts = {c["verdict"] for c in consensus}
    assert verdicts == {"positive", "negative"}
    assert all(c["review_id"] != "d" for c in consensus)  # spoiler quotes never chosen
    assert 2 <= len(consensus) <= 3


def test_aspect_consensus_counts_each_review_once():
    aspects = [AspectRow("a", "performances", "positive", "Lee is superb."),
               AspectRow("a", "performances", "positive", "Lee again."),
               AspectRow("b", "performances", "positive", "Wonderful cast."),
               AspectRow("c", "pacing", "negative", "It drags."),
               AspectRow("a", "pacing", "negative", "Too long.")]
    out = aspect_consensus(aspects)
    assert out["praised"][0] == {"aspect": "performances", "count": 2, "review_ids": ["a", "b"],
                                 "quote": "Lee is superb."}
    assert out["criticized"][0]["aspect"] == "pacing" and out["criticized"][0]["count"] == 2


def test_audience_apart_and_awaiting_decisions_counted():
    audience = [AudienceRow("a", "positive")] * 4 + [AudienceRow("b", "negative"), AudienceRow("a", None)]
    rows = FilmRows(critics=[_critic("a", "negative")], audience=audience,
                    mentions=[MentionRow("a", 7, "Heat", 1995), MentionRow("a", 7, "Heat", 1995)],
                    awaiting_decision=["x", "y", "z"])
    agg = compute_aggregates(rows, S)
    assert agg["audience"]["count"] == 6 and agg["audience"]["share_positive"] == 80.0  # 4 of the 5 with a verdict
    assert agg["audience"]["review_ids"] == ["a", "b"]
    assert agg["critics"]["share_positive"]["positive"] == 0  # audience never mixed in
    few = compute_aggregates(FilmRows(audience=audience[3:]), S)["audience"]
    assert few["shown"] is False and few["share_positive"] is None and "2 of 5" in few["note"]
    assert agg["compared_with"] == [{"film_id": 7, "title": "Heat", "year": 1995, "count": 1, "review_ids": ["a"]}]
    assert agg["awaiting_decision"]["count"] == 3
    assert agg["awaiting_decision"]["note"] == "3 review(s) awaiting a film decision"


def test_reviews_without_verdict_or_rating_are_left_out_of_the_share():
    rows = FilmRows(critics=[_critic(c, "positive") for c in "abcd"] + [_critic("e", None), _critic("f", None, 75)])
    share = compute_aggregates(rows, S)["critics"]["share_positive"]
    assert share["of"] == 5 and share["positive"] == 5 and share["value"] == 100.0  # "f" counts by its rating
    assert compute_aggregates(FilmRows(critics=rows.critics[3:]), S)["critics"]["share_positive"]["note"] == (
        "not enough reviews yet (2 of 5 needed); 1 without a verdict or rating")


def test_consensus_centrality_prefers_the_typical_quote():
    rows = [_critic("a", "positive", quote="A gripping, superbly acted thriller."),
            _critic("b", "positive", quote="Superbly acted and gripping from start to finish."),
            _critic("c", "positive", quote="Gripping thriller, superbly acted throughout."),
            _critic("d", "positive", quote="Bring snacks.")]
    consensus = extractive_consensus(rows)
    assert len(consensus) == 2 and "d" not in {c["review_id"] for c in consensus}


# --- loaded from a store, on SQLite and PostgreSQL ---------------------------------------------


def _store_with_reviews(url: str) -> tuple[Store, dict[str, int]]:
    store = Store.open(url)
    with store.session() as s:
        heat = Film(title="Heat", norm_title="heat", year=1995, source="test")
        thief = Film(title="Thief", norm_title="thief", year=1981, source="test")
        other = Film(title="Ronin", norm_title="ronin", year=1998, source="test")
        s.add_all([heat, thief, other])
        s.flush()
        ids = {"heat": heat.id, "thief": thief.id, "ronin": other.id}
        specs = [("h1", "positive", 80.0, "linked", False), ("h2", "negative", 30.0, "linked", False),
                 ("h3", "mixed", None, "not_in_catalog", True), ("h4", "positive", 64.0, "linked", None),
                 ("h5", "positive", None, "linked", False)]
        for rid, verdict, score, status, spoiler in specs:
            s.add(Review(id=rid, text=f"Review {rid}.", verdict=verdict, rating_score=score, film_id=heat.id,
                         link_status=status, spoiler=spoiler, pull_quote=f"Mann's Heat, take {rid}.",
                         published=f"2024-0{rid[1]}-01"))
        s.add(Review(id="hdup", text="Review h1 again.", verdict="negative", film_id=heat.id, link_status="linked",
                     duplicate_of="h1"))
        s.add(Review(id="hnone", text="Not about a film.", verdict="negative", film_id=heat.id, link_status="none"))
        s.add(Review(id="t1", text="Thief review.", verdict="positive", film_id=thief.id, link_status="linked"))
        for rid in ("amb1", "amb2"):
            s.add(Review(id=rid, text=f"{rid}: a Michael Mann crime film.", verdict="positive"))
        s.flush()
        s.add_all([AspectMention(review_id="h1", aspect="action", polarity="positive", text="The shootout!"),
                   AspectMention(review_id="h2", aspect="action", polarity="positive", text="Great shootout."),
                   AspectMention(review_id="h2", aspect="pacing", polarity="negative", text="Too long."),
                   AspectMention(review_id="hdup", aspect="pacing", polarity="negative", text="Dup.")])
        s.add_all([Mention(review_id="h1", kind="film", text="Thief", film_id=thief.id),
                   Mention(review_id="h2", kind="film", text="Heat", film_id=heat.id),  # itself: not a comparison
                   Mention(review_id="h2", kind="person", text="Mann")])
        s.add_all([ReaderComment(review_id="h1", position=0, text="Yes", verdict="positive"),
                   ReaderComment(review_id="hdup", position=0, text="No", verdict="negative")])
    for rid, candidates in (("amb1", [ids["heat"], ids["thief"]]), ("amb2", [ids["thief"], ids["ronin"]])):
        doc = store.load_doc(rid)  # stored the way the linking stage stores it
        doc.ext["linking"] = {"status": "ambiguous", "film_id": None,
                              "candidates": [{"film_id": c, "confidence": 0.5} for c in candidates]}
        store.save_doc(doc, stages=["linking"])
    return store, ids


def test_rows_loaded_from_the_store(db_url):
    store, ids = _store_with_reviews(db_url)
    rows = load_film_rows(store, ids["heat"])
    assert [r.review_id for r in rows.critics] == ["h1", "h2", "h3", "h4", "h5"]  # no duplicate, no "none" link
    assert sorted((a.review_id, a.aspect) for a in rows.aspects) == [("h1", "action"), ("h2", "action"),
                                                                     ("h2", "pacing")]
    assert [(m.review_id, m.title) for m in rows.mentions] == [("h1", "Thief")]
    assert [(a.review_id, a.verdict) for a in rows.audience] == [("h1", "positive")]
    assert rows.awaiting_decision == ["amb1"]
    agg = film_aggregates(store, ids["heat"], S)
    assert agg["critics"]["share_positive"]["value"] == 60.0  # h1, h4 (rating 64), h5 of 5
    assert agg["critics"]["average_score"]["value"] is None and agg["critics"]["average_score"]["rated"] == 3
    assert agg["aspects"]["praised"][0] == {"aspect": "action", "count": 2, "review_ids": ["h1", "h2"],
                                            "quote": "The shootout!"}
    assert all(c["review_id"] != "h3" for c in agg["consensus"])  # its quote is a spoiler's
    assert agg["awaiting_decision"]["count"] == 1  # counted apart, never among the critics
    assert awaiting_decision(store) == {ids["heat"]: ["amb1"], ids["thief"]: ["amb1", "amb2"],
                                        ids["ronin"]: ["amb2"]}
    everything = recompute_all(store, S)
    assert set(everything) == set(ids.values())  # Ronin has only a review awaiting a decision
    for fid in ids.values():
        assert everything[fid] == film_aggregates(store, fid, S, cached=False)
    assert everything[ids["ronin"]]["critics"]["count"] == 0
    store.close()


def test_decisions_move_reviews_and_the_cache_follows(db_url):
    store, ids = _store_with_reviews(db_url)
    heat, thief = ids["heat"], ids["thief"]
    before = film_aggregates(store, heat, S)
    assert film_aggregates(store, heat, S) == before
    assert aggregate_cache(store).hits == 1
    store.set_link_decision("amb1", heat, decided_by="editor")
    after = film_aggregates(store, heat, S)
    assert after["critics"]["count"] == 6 and "amb1" in after["critics"]["review_ids"]
    assert after["awaiting_decision"]["count"] == 0
    assert film_aggregates(store, thief, S)["awaiting_decision"]["review_ids"] == ["amb2"]
    store.clear_link_decision("amb1")  # back to awaiting a decision about either film
    assert film_aggregates(store, heat, S) == before
    assert film_aggregates(store, thief, S)["awaiting_decision"]["review_ids"] == ["amb1", "amb2"]
    doc = store.load_doc("h2")  # a new analysis changes the figures
    doc.ext["verdict"] = {"verdict": "positive", "source": "model", "p_positive": 0.9}
    store.save_doc(doc, stages=["verdict"])
    assert film_aggregates(store, heat, S)["critics"]["share_positive"]["value"] == 80.0
    with store.session() as s:  # so does a removal
        s.execute(delete(Review).where(Review.id == "h5"))
    assert film_aggregates(store, heat, S)["critics"]["count"] == 4
    store.close()


def test_link_candidates_backfilled_by_the_migration(tmp_path):
    """A library analysed before the candidates table existed gets it filled on upgrade."""
    from alembic import command

    from criticscope.store import alembic_config, make_engine

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.exec_driver_sql("INSERT INTO films (id, title, norm_title, kind, countries, languages, genres, "
                             "source, provisional) VALUES (7, 'Heat', 'heat', 'movie', '[]', '[]', '[]', 't', 0)")
        for rid, status in (("r1", "ambiguous"), ("r2", "linked")):
            conn.exec_driver_sql(
                "INSERT INTO reviews (id, text, headings, captions, structured, link_status, created_at, updated_at) "
                f"VALUES ('{rid}', 'x', '[]', '[]', '{{}}', '{status}', '2024-01-01', '2024-01-01')")
            data = json.dumps({"status": status, "candidates": [{"film_id": 7}, {"film_id": 8}, {"film_id": 7}]})
            conn.exec_driver_sql(f"INSERT INTO analyses (review_id, stage, data, updated_at) "
                                 f"VALUES ('{rid}', 'linking', '{data}', '2024-01-01')")
    engine.dispose()
    store = Store.open(url)
    assert awaiting_decision(store) == {7: ["r1"], 8: ["r1"]}
    store.close()


# --- the seed pages, analysed together ---------------------------------------------------------


@pytest.mark.slow
def test_seed_films_show_no_share_yet(tmp_path, settings):
    from criticscope.evaluation.linking import default_catalog_store
    from criticscope.library import Library

    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.fail(f"seed pages not found at {seeds}")
    store = default_catalog_store(settings, tmp_path)  # the default catalog, from its cached build
    settings = settings.model_copy(update={"store": settings.store.model_copy(update={"url": str(store.engine.url)})})
    lib = Library(settings, store)
    result = lib.analyze(sorted(str(p) for p in seeds.glob("*.txt")))
    assert len(result.docs) == 4 and not result.failed
    by_year: dict[int, dict] = {}
    for doc in result.docs:
        film_id = lib.review(doc.review_id).film_id
        assert film_id is not None, doc.source
        info = lib.film(film_id)
        assert info["title"] == "Ballerina"
        by_year[info["year"]] = info
    assert set(by_year) == {2023, 2025}
    old, new = by_year[2023]["aggregates"], by_year[2025]["aggregates"]
    assert old["critics"]["count"] == 2 and new["critics"]["count"] == 2
    assert [r["rating_score"] for r in by_year[2023]["reviews"] if r["rating_score"] is not None] == [60.0]
    assert old["audience"]["count"] == 0 and new["audience"]["count"] == 1
    for agg in (old, new):
        share = agg["critics"]["share_positive"]
        assert share["shown"] is False and share["value"] is None
        assert share["note"].startswith("not enough reviews yet")
        assert agg["audience"]["share_positive"] is None
    runner = CliRunner()  # and the film summary says so
    out = runner.invoke(main, ["--db", str(store.engine.url), "film", "Ballerina"],
                        env={"CRITICSCOPE_HOME": str(settings.data_dir)})
    assert out.exit_code == 0, out.output
    assert out.output.count("not enough reviews yet") == 2 and "Ballerina (2023)" in out.output
    lib.close()
