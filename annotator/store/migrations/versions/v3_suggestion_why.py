"""Schema v3: keep the suggestion engine's explanation with each suggested annotation.

Revision ID: v3
Revises: v2
"""

import sqlalchemy as sa
from alembic import op

revision = "v3"
down_revision = "v2"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("annotation") as batch:
        batch.add_column(sa.Column("why", sa.String, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("annotation") as batch:
        batch.drop_column("why")
