"""Schema v5: an index of each document's open suggestions.

The corpus list counts every document's quotes and open suggestions: the quotes from the
index of quotes by document, the suggestions from this one (of the suggested quotes
alone), so neither count reads the quotes themselves (a third of the time on a large
corpus, where every quote's row was read).

Revision ID: v5
Revises: v4
"""

import sqlalchemy as sa
from alembic import op

revision = "v5"
down_revision = "v4"
branch_labels = None
depends_on = None

SUGGESTED = sa.text("status = 'suggested'")


def upgrade() -> None:
    op.create_index(
        "ix_annotation_suggested",
        "annotation",
        ["document_id"],
        sqlite_where=SUGGESTED,
        postgresql_where=SUGGESTED,
    )


def downgrade() -> None:
    op.drop_index("ix_annotation_suggested", table_name="annotation")
