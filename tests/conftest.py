"""Shared fixtures. Qt runs offscreen; nothing touches the user's real data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from annotator.store import Project  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.setenv("ANNOTATOR_PROJECT", str(tmp_path / "userdata" / "default.speechmark"))
    monkeypatch.setenv("ANNOTATOR_NAME", "tester")


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """A new project file with the default codebook."""
    with Project(str(tmp_path / "test.speechmark")) as opened:
        yield opened
