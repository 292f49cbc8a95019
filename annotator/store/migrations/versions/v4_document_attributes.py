"""Schema v4: a document's web address and the analyst's own variables (JSON).

Revision ID: v4
Revises: v3
"""

import sqlalchemy as sa
from alembic import op

revision = "v4"
down_revision = "v3"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.add_column(sa.Column("url", sa.String, nullable=True))
        batch.add_column(sa.Column("attributes", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.drop_column("attributes")
        batch.drop_column("url")
