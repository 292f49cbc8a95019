"""Schema v1: documents, speakers, codes, annotations and their devices.

Revision ID: v1
"""

import sqlalchemy as sa
from alembic import op

revision = "v1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String, nullable=False),
        sa.Column("text", sa.String, nullable=False),
        sa.Column("source", sa.String),
        sa.Column("outlet", sa.String),
        sa.Column("author", sa.String),
        sa.Column("published", sa.String),
        sa.Column("language", sa.String),
        sa.Column("imported_at", sa.DateTime, nullable=False),
        sa.Column("sha256", sa.String, nullable=False),
    )
    op.create_index("ix_document_sha256", "document", ["sha256"], unique=True)
    op.create_table(
        "speaker",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String, nullable=False, unique=True),
        sa.Column("aliases", sa.JSON, nullable=False),
        sa.Column("role", sa.String),
        sa.Column("organisation", sa.String),
        sa.Column("country", sa.String),
        sa.Column("colour", sa.String),
    )
    op.create_table(
        "code",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("description", sa.String, nullable=False),
        sa.Column("colour", sa.String),
        sa.Column("shortcut", sa.String),
        sa.Column("parent", sa.String),
        sa.Column("position", sa.Integer, nullable=False),
        sa.UniqueConstraint("kind", "name"),
    )
    op.create_index("ix_code_kind", "code", ["kind"])
    op.create_table(
        "annotation",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("document.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("quote", sa.String, nullable=False),
        sa.Column("prefix", sa.String, nullable=False),
        sa.Column("suffix", sa.String, nullable=False),
        sa.Column("speaker_id", sa.Integer, sa.ForeignKey("speaker.id")),
        sa.Column("tone_id", sa.Integer, sa.ForeignKey("code.id")),
        sa.Column("note", sa.String),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("confidence", sa.Float),
        sa.Column("annotator", sa.String),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("modified", sa.DateTime, nullable=False),
    )
    op.create_index("ix_annotation_document_id", "annotation", ["document_id"])
    op.create_table(
        "annotation_device",
        sa.Column(
            "annotation_id",
            sa.String,
            sa.ForeignKey("annotation.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("code_id", sa.Integer, sa.ForeignKey("code.id"), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_annotation_device_code_id", "annotation_device", ["code_id"])


def downgrade() -> None:
    for table in ("annotation_device", "annotation", "code", "speaker", "document"):
        op.drop_table(table)
