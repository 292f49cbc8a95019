"""The compiled suggestion engine: used only when built from the sources as they are, and
suggesting exactly what the Python modules suggest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.suggest import native

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = [
    ROOT / "resources" / "sample-article.txt",
    *sorted((ROOT / "tests" / "data").glob("**/*.txt")),
]

_SCRIPT = """
import dataclasses, json, sys
from annotator.suggest import native, suggest

out = [native.in_use()]
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for known in ((), ("Helena Marsh", "Tomas Varga")):
        out.append([path, list(known), [dataclasses.asdict(s) for s in suggest(text, known)]])
sys.stdout.write(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


def _suggestions(native_setting: str | None) -> tuple[bool, str]:
    env = dict(os.environ)
    env.pop("SPEECHMARK_NATIVE", None)
    if native_setting is not None:
        env["SPEECHMARK_NATIVE"] = native_setting
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, *map(str, ARTICLES)],
        env=env, capture_output=True, text=True, encoding="utf-8", check=True,
    )  # fmt: skip
    compiled, rest = done.stdout.split(",", 1)
    return compiled == "[true", rest


def _fake_build(folder: Path, stamp: str) -> Path:
    (folder / "suggest").mkdir(parents=True)
    (folder / "lib").mkdir()
    (folder / native.STAMP).write_text(stamp, "ascii")
    return folder


def test_a_build_of_the_current_sources_goes_first_on_the_package_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = _fake_build(tmp_path / "native", native.digest(native.modules()))
    monkeypatch.setenv("SPEECHMARK_NATIVE", str(build))
    monkeypatch.setattr(sys, "path", list(sys.path))
    package_path = ["/the/sources"]
    assert native.prefer_compiled(package_path)
    assert package_path == [str(build / "suggest"), "/the/sources"]
    assert str(build / "lib") in sys.path


def test_a_build_of_other_sources_is_never_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # what a build made before a module was edited holds: the digest of other sources
    edited = tmp_path / "edited"
    edited.mkdir()
    for source in native.modules():
        (edited / source.name).write_bytes(source.read_bytes())
    with (edited / "weights.py").open("a", encoding="utf-8") as weights:
        weights.write("\nNEW_WEIGHT = 0.5\n")
    build = _fake_build(tmp_path / "native", native.digest(native.modules(edited)))
    monkeypatch.setenv("SPEECHMARK_NATIVE", str(build))
    package_path = ["/the/sources"]
    assert not native.prefer_compiled(package_path)
    assert package_path == ["/the/sources"]


def test_no_build_or_switched_off_leaves_the_python_modules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPEECHMARK_NATIVE", str(tmp_path / "never-built"))
    assert not native.prefer_compiled(package_path := ["/the/sources"])
    assert package_path == ["/the/sources"]
    build = _fake_build(tmp_path / "native", native.digest(native.modules()))
    monkeypatch.setenv("SPEECHMARK_NATIVE", "off")
    assert native.folder() is None
    assert not native.prefer_compiled(package_path)
    assert native.current(build)


def test_the_compiled_engine_suggests_exactly_what_the_python_one_does() -> None:
    if not native.in_use():
        pytest.skip(
            "the suggestion engine is not compiled here (python -m annotator.suggest.native_build)"
        )
    compiled, theirs = _suggestions(None)
    plain, ours = _suggestions("off")
    assert compiled and not plain
    assert theirs == ours
