"""link candidates: the candidate films of each ambiguous automatic link, indexed by film

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BATCH = 2000


def upgrade() -> None:
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
