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


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL of an empty schema of its own in the scratch PostgreSQL database named by
    ANNOTATOR_TEST_POSTGRES (`.ci/run` starts one); the schema is dropped afterwards."""
    base = os.environ.get("ANNOTATOR_TEST_POSTGRES")
    if not base:
        pytest.skip("set ANNOTATOR_TEST_POSTGRES to a scratch PostgreSQL database")
    import uuid

    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()
