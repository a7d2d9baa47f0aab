"""link candidates: the candidate films of each ambiguous automatic link, indexed by film;
search indexes of databases that ran the first form of 0003 brought up to date

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 2000


def _bring_search_indexes_up_to_date() -> None:
    """Databases that ran an earlier form of revision 0003 index film titles as written
    (SQLite ``films_fts(title, ...)``) and have no ``reviews.search_tsv`` column (PostgreSQL):
    rebuild those pieces as 0003 now creates them."""
    search = importlib.import_module("criticscope.migrations.versions.0003_search")
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        columns = [row[1] for row in bind.exec_driver_sql("PRAGMA table_info(films_fts)")]
        if "norm_title" in columns:
            return
        for stmt in ("DROP TRIGGER IF EXISTS films_fts_au", "DROP TRIGGER IF EXISTS films_fts_ad",
                     "DROP TRIGGER IF EXISTS films_fts_ai", "DROP TABLE IF EXISTS films_fts"):
            op.execute(stmt)
        for stmt in search.SQLITE_UP:
            if "films_fts" in stmt:
                op.execute(stmt)
    elif bind.dialect.name == "postgresql":
        found = bind.exec_driver_sql("SELECT 1 FROM information_schema.columns WHERE table_name = 'reviews' "
                                     "AND column_name = 'search_tsv'").first()
        if found:
            return
        for stmt in search.PG_DOWN:
            op.execute(stmt)
        for stmt in search.PG_UP:
            op.execute(stmt)


def upgrade() -> None:
    _bring_search_indexes_up_to_date()
    candidates = op.create_table(
        "link_candidates",
        sa.Column("review_id", sa.String(length=40), nullable=False),
        sa.Column("film_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["review_id"], ["reviews.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("review_id", "film_id"),
    )
    op.create_index("ix_link_candidates_film", "link_candidates", ["film_id"], unique=False)
    # backfill from the stored linking analyses
    analyses = sa.table("analyses", sa.column("review_id", sa.String), sa.column("stage", sa.String),
                        sa.column("data", sa.JSON))
    bind = op.get_bind()
    rows: list[dict] = []
    for review_id, data in bind.execute(sa.select(analyses.c.review_id, analyses.c.data)
                                        .where(analyses.c.stage == "linking")):
        if (data or {}).get("status") != "ambiguous":
            continue
        seen: set[int] = set()
        for rank, c in enumerate((data or {}).get("candidates") or []):
            fid = c.get("film_id") if isinstance(c, dict) else None
            if isinstance(fid, int) and fid not in seen:
                seen.add(fid)
                rows.append({"review_id": review_id, "film_id": fid, "rank": rank, "confidence": c.get("confidence")})
        if len(rows) >= BATCH:
            op.bulk_insert(candidates, rows)
            rows = []
    if rows:
        op.bulk_insert(candidates, rows)


def downgrade() -> None:
    op.drop_index("ix_link_candidates_film", table_name="link_candidates")
    op.drop_table("link_candidates")
