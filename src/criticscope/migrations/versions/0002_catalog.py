"""film catalog: lookup keys, one title row per normalized title, wider credit roles

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("film_titles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("variants", sa.Text(), nullable=True))
        batch_op.create_index("ux_film_titles_film_norm", ["film_id", "norm_title"], unique=True)
        batch_op.drop_index("ix_film_titles_film_id")  # the unique index above starts with film_id
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_keys", sa.Text(), nullable=True))
    with op.batch_alter_table("credits", schema=None) as batch_op:
        batch_op.alter_column("role", existing_type=sa.String(length=12), type_=sa.String(length=20),
                              existing_nullable=False)
    with op.batch_alter_table("films", schema=None) as batch_op:
        batch_op.create_index("ix_films_provisional", ["provisional"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("films", schema=None) as batch_op:
        batch_op.drop_index("ix_films_provisional")
    with op.batch_alter_table("credits", schema=None) as batch_op:
        batch_op.alter_column("role", existing_type=sa.String(length=20), type_=sa.String(length=12),
                              existing_nullable=False)
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_column("name_keys")
    with op.batch_alter_table("film_titles", schema=None) as batch_op:
        batch_op.create_index("ix_film_titles_film_id", ["film_id"], unique=False)
        batch_op.drop_index("ux_film_titles_film_norm")
        batch_op.drop_column("variants")
        batch_op.drop_column("kind")
