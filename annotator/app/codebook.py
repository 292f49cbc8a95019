"""Sharing a codebook: its tones, devices and speakers as a JSON file."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core import Codebook, Speaker
from annotator.core.codebook import (
    CodebookError,
    codebook_edit,
    codebook_from_dict,
    codebook_to_dict,
)
from annotator.core.edits import Batch

if TYPE_CHECKING:
    from annotator.store import Project


def read_codebook_file(path: Path) -> tuple[Codebook, tuple[Speaker, ...]]:
    """The codebook and speakers in ``path``; ValueError naming the file if it is not one."""
    try:
        return codebook_from_dict(json.loads(path.read_text(encoding="utf-8-sig")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, CodebookError) as error:
        raise ValueError(f"{path}: not a codebook ({error})") from error


def write_codebook_file(codebook: Codebook, speakers: Iterable[Speaker], path: Path) -> int:
    """Write a codebook and speakers to ``path``; returns the entries written."""
    speakers = tuple(speakers)
    data = codebook_to_dict(codebook, speakers)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(codebook.tones) + len(codebook.devices) + len(speakers)


def read_codebook_edit(project: Project, path: Path) -> Batch:
    """The edit adding what the codebook file has and the project lacks (empty: nothing)."""
    codebook, speakers = read_codebook_file(path)
    return codebook_edit(project.codebook(), project.speakers(), codebook, speakers)


def write_codebook(project: Project, path: Path) -> int:
    """Write the project's codebook and speakers to ``path``; returns the entries written."""
    return write_codebook_file(project.codebook(), project.speakers(), path)
