"""scripts/setup installs into .venv only when pyproject.toml changed (launches stay fast)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
# Stands in for .venv/bin/python: records each call, and "installs" the entry point.
FAKE_PYTHON = """#!/usr/bin/env bash
echo "$*" >> "$(dirname "$0")/../../calls.log"
touch "$(dirname "$0")/annotator" && chmod +x "$(dirname "$0")/annotator"
"""


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    if shutil.which("bash") is None or shutil.which("sha256sum") is None:
        pytest.skip("needs bash and sha256sum")
    (tmp_path / "scripts").mkdir()
    shutil.copy(SCRIPTS / "setup", tmp_path / "scripts" / "setup")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(FAKE_PYTHON, encoding="utf-8")
    python.chmod(0o755)
    return tmp_path


def _setup(checkout: Path, *extras: str) -> list[str]:
    subprocess.run(["bash", "scripts/setup", *extras], cwd=checkout, check=True)
    log = checkout / "calls.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_installs_once_then_only_when_pyproject_changes(checkout: Path) -> None:
    assert len(_setup(checkout)) == 1
    assert len(_setup(checkout)) == 1  # unchanged: no pip run at all
    with (checkout / "pyproject.toml").open("a", encoding="utf-8") as stream:
        stream.write('dependencies = ["click"]\n')
    assert len(_setup(checkout)) == 2
    assert len(_setup(checkout)) == 2


def test_extras_are_installed_on_their_own(checkout: Path) -> None:
    _setup(checkout)
    calls = _setup(checkout, "test")
    assert len(calls) == 2 and calls[-1].endswith("-e .[test]")
    assert len(_setup(checkout, "test")) == 2


def test_a_missing_entry_point_reinstalls(checkout: Path) -> None:
    _setup(checkout)
    (checkout / ".venv" / "bin" / "annotator").unlink()
    assert len(_setup(checkout)) == 2
