"""full-text search: FTS5 external-content tables (SQLite) and tsvector GIN indexes (PostgreSQL)

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SQLITE_UP = [
    """CREATE VIRTUAL TABLE reviews_fts USING fts5(headline, text, critic, outlet, content='reviews',
       content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER reviews_fts_ai AFTER INSERT ON reviews BEGIN
       INSERT INTO reviews_fts(rowid, headline, text, critic, outlet)
       VALUES (new.rowid, new.headline, new.text, new.critic, new.outlet); END""",
    """CREATE TRIGGER reviews_fts_ad AFTER DELETE ON reviews BEGIN
       INSERT INTO reviews_fts(reviews_fts, rowid, headline, text, critic, outlet)
       VALUES ('delete', old.rowid, old.headline, old.text, old.critic, old.outlet); END""",
    """CREATE TRIGGER reviews_fts_au AFTER UPDATE OF headline, text, critic, outlet ON reviews BEGIN
       INSERT INTO reviews_fts(reviews_fts, rowid, headline, text, critic, outlet)
       VALUES ('delete', old.rowid, old.headline, old.text, old.critic, old.outlet);
       INSERT INTO reviews_fts(rowid, headline, text, critic, outlet)
       VALUES (new.rowid, new.headline, new.text, new.critic, new.outlet); END""",
    "INSERT INTO reviews_fts(reviews_fts) VALUES ('rebuild')",
    # films are searched on norm_title (ASCII, no leading article) and the original title
    """CREATE VIRTUAL TABLE films_fts USING fts5(norm_title, original_title, content='films', content_rowid='id',
       tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER films_fts_ai AFTER INSERT ON films BEGIN
       INSERT INTO films_fts(rowid, norm_title, original_title)
       VALUES (new.id, new.norm_title, new.original_title); END""",
    """CREATE TRIGGER films_fts_ad AFTER DELETE ON films BEGIN
       INSERT INTO films_fts(films_fts, rowid, norm_title, original_title)
       VALUES ('delete', old.id, old.norm_title, old.original_title); END""",
    """CREATE TRIGGER films_fts_au AFTER UPDATE OF norm_title, original_title ON films BEGIN
       INSERT INTO films_fts(films_fts, rowid, norm_title, original_title)
       VALUES ('delete', old.id, old.norm_title, old.original_title);
       INSERT INTO films_fts(rowid, norm_title, original_title)
       VALUES (new.id, new.norm_title, new.original_title); END""",
    "INSERT INTO films_fts(films_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS films_fts_au", "DROP TRIGGER IF EXISTS films_fts_ad",
    "DROP TRIGGER IF EXISTS films_fts_ai", "DROP TABLE IF EXISTS films_fts",
    "DROP TRIGGER IF EXISTS reviews_fts_au", "DROP TRIGGER IF EXISTS reviews_fts_ad",
    "DROP TRIGGER IF EXISTS reviews_fts_ai", "DROP TABLE IF EXISTS reviews_fts",
]
# reviews.search_tsv is a stored generated column (ranking reads it instead of re-parsing
# the text); the films index expression must stay identical to criticscope.search.PG_FILM_TSV.
PG_UP = [
    "ALTER TABLE reviews ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(headline, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(critic, '') || ' ' || coalesce(outlet, '')), 'C') || "
    "setweight(to_tsvector('english', text), 'B')) STORED",
    "CREATE INDEX ix_reviews_tsv ON reviews USING gin (search_tsv)",
    "CREATE INDEX ix_films_tsv ON films USING gin "
    "(to_tsvector('simple', films.norm_title || ' ' || coalesce(films.original_title, '')))",
]
PG_DOWN = ["DROP INDEX IF EXISTS ix_films_tsv", "DROP INDEX IF EXISTS ix_reviews_tsv",
           "ALTER TABLE reviews DROP COLUMN IF EXISTS search_tsv"]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for stmt in SQLITE_UP if dialect == "sqlite" else PG_UP:
        op.execute(stmt)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for stmt in SQLITE_DOWN if dialect == "sqlite" else PG_DOWN:
        op.execute(stmt)
