"""Schema v2: how each annotation is anchored, and project settings.

Revision ID: v2
Revises: v1
"""

import sqlalchemy as sa
from alembic import op

revision = "v2"
down_revision = "v1"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("annotation") as batch:
        batch.add_column(
            sa.Column("anchor", sa.String, nullable=False, server_default="position")
        )
    op.create_table(
        "setting",
        sa.Column("key", sa.String, primary_key=True),
        sa.Column("value", sa.String, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("setting")
    with op.batch_alter_table("annotation") as batch:
        batch.drop_column("anchor")
