"""scripts/setup installs into .venv only when pyproject.toml changed (launches stay fast),
and brings the compiled suggestion engine up to date without ever failing for it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
# Stands in for .venv/bin/python: records each call, and "installs" the entry point; the
# engine's build fails when the checkout holds a file named "no-compiler".
FAKE_PYTHON = """#!/usr/bin/env bash
echo "$*" >> "$(dirname "$0")/../../calls.log"
touch "$(dirname "$0")/annotator" && chmod +x "$(dirname "$0")/annotator"
case "$*" in *native_build*) [ ! -e "$(dirname "$0")/../../no-compiler" ] ;; esac
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


def _calls(checkout: Path) -> list[str]:
    log = checkout / "calls.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def _setup(checkout: Path, *extras: str) -> list[str]:
    """The pip runs so far, after one more set-up."""
    subprocess.run(["bash", "scripts/setup", *extras], cwd=checkout, check=True)
    return [call for call in _calls(checkout) if "pip install" in call]


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
    assert len(calls) == 2 and calls[-1].endswith("-e .[native,test]")
    assert len(_setup(checkout, "test")) == 2


def test_a_missing_entry_point_reinstalls(checkout: Path) -> None:
    _setup(checkout)
    (checkout / ".venv" / "bin" / "annotator").unlink()
    assert len(_setup(checkout)) == 2


def test_every_set_up_brings_the_compiled_engine_up_to_date(checkout: Path) -> None:
    _setup(checkout)
    _setup(checkout)
    builds = [call for call in _calls(checkout) if "annotator.suggest.native_build" in call]
    assert len(builds) == 2  # the build itself does nothing when it is current


def test_an_engine_that_cannot_be_compiled_does_not_stop_the_set_up(checkout: Path) -> None:
    (checkout / "no-compiler").touch()
    assert len(_setup(checkout)) == 1  # exits 0: the plain Python engine runs
