"""The bundled sample article, so a new user sees a real document at once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator import paths
from annotator.core import Document

if TYPE_CHECKING:
    from annotator.store import Project

SAMPLE_SETTING = "sample_added"


def sample_document() -> Document:
    """The sample news report shipped in ``resources/``."""
    text = paths.read_resource_text("sample-article.txt").strip("\n")
    first_line = text.split("\n", 1)[0]
    return Document(
        title=first_line,
        text=text,
        source="Speechmark sample article",
        outlet="The Meridian Herald",
        author="Helena Marsh",
        published="2024-03-14",
        language="en",
    )


def add_sample_if_new(project: Project) -> Document | None:
    """Add the sample article to a project that has never had documents; once only."""
    if project.setting(SAMPLE_SETTING) or project.documents():
        return None
    document = project.add_document(sample_document())
    project.set_setting(SAMPLE_SETTING, "1")
    return document
