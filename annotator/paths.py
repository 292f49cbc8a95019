"""Where things live (default project, user data, bundled resources) and who is working.

One place for platformdirs and importlib.resources. ``ANNOTATOR_PROJECT`` overrides the
default project file and ``ANNOTATOR_DATA_DIR`` the per-user data folder (tests use both).
"""

from __future__ import annotations

import getpass
import os
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Speechmark"
PROJECT_SUFFIX = ".speechmark"


def data_dir() -> Path:
    """The per-user folder holding the default project."""
    override = os.environ.get("ANNOTATOR_DATA_DIR")
    return Path(override) if override else user_data_path(APP_NAME, appauthor=False)


def default_project() -> str:
    """The project opened when none is named: ``ANNOTATOR_PROJECT`` or the user default."""
    return os.environ.get("ANNOTATOR_PROJECT") or str(data_dir() / f"default{PROJECT_SUFFIX}")


def resource(name: str) -> Traversable:
    """A file bundled in ``resources/`` (codebook, sample article, icons)."""
    return resources.files("annotator.resources").joinpath(name)


def read_resource_text(name: str) -> str:
    return resource(name).read_text(encoding="utf-8")


def annotator_name() -> str:
    """Who is annotating: ``ANNOTATOR_NAME`` or the login name."""
    try:
        return os.environ.get("ANNOTATOR_NAME") or getpass.getuser()
    except Exception:  # no login name in some containers
        return "analyst"
