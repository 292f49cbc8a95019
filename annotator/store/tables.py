"""The project's tables (sqlmodel). Only the store reads and writes them.

Times are UTC; SQLite gives them back naive and the translation re-attaches UTC.
The schema is created and upgraded by the Alembic migrations in ``migrations/``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, String, UniqueConstraint, text
from sqlmodel import Field, SQLModel


class DocumentRow(SQLModel, table=True):
    __tablename__ = "document"

    id: int | None = Field(default=None, primary_key=True)
    title: str
    text: str
    source: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    imported_at: datetime
    sha256: str = Field(index=True, unique=True)
    url: str | None = None  # v4
    attributes: dict[str, str] | None = Field(default=None, sa_column=Column(JSON))  # v4


class SpeakerRow(SQLModel, table=True):
    __tablename__ = "speaker"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    role: str | None = None
    organisation: str | None = None
    country: str | None = None
    colour: str | None = None


class CodeRow(SQLModel, table=True):
    __tablename__ = "code"
    __table_args__ = (UniqueConstraint("kind", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True)
    name: str
    description: str = ""
    colour: str | None = None
    shortcut: str | None = None
    parent: str | None = None
    position: int = 0


class AnnotationRow(SQLModel, table=True):
    __tablename__ = "annotation"
    # The corpus list counts each document's open suggestions from this index alone (v5).
    __table_args__ = (
        Index(
            "ix_annotation_suggested",
            "document_id",
            sqlite_where=text("status = 'suggested'"),
            postgresql_where=text("status = 'suggested'"),
        ),
    )

    id: str = Field(primary_key=True)
    document_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("document.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    speaker_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("speaker.id"), nullable=True)
    )
    tone_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("code.id"), nullable=True)
    )
    note: str | None = None
    status: str = "accepted"
    confidence: float | None = None
    annotator: str | None = None
    created: datetime
    modified: datetime
    # v2: how the annotation sits on its text: position, exact, fuzzy or orphaned (with
    # the migration's server default: a new project's schema is the migrated one)
    anchor: str = Field(
        default="position",
        sa_column=Column(String, nullable=False, default="position", server_default="position"),
    )
    why: str | None = None  # v3: the suggestion engine's reason


class AnnotationDeviceRow(SQLModel, table=True):
    __tablename__ = "annotation_device"

    annotation_id: str = Field(
        sa_column=Column(String, ForeignKey("annotation.id", ondelete="CASCADE"), primary_key=True)
    )
    code_id: int = Field(
        sa_column=Column(Integer, ForeignKey("code.id"), primary_key=True, index=True)
    )
    position: int = 0


class SettingRow(SQLModel, table=True):
    """Project-wide settings (v2), e.g. the last viewed document."""

    __tablename__ = "setting"

    key: str = Field(primary_key=True)
    value: str
