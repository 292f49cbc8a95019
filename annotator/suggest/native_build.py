"""Compile the suggestion engine with mypyc: ``python -m annotator.suggest.native_build``.

Needs mypy (which brings mypyc), setuptools, a C compiler and Python's headers. Does
nothing when the build is current; otherwise compiles a copy of the sources in a scratch
folder and swaps the finished build in at once, so a failed or interrupted build leaves the
last one (or none: the plain Python then runs). Exits 1 with the reason when it cannot.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from annotator.suggest import native


class BuildError(Exception):
    """The engine could not be compiled; the message says why."""


def build(target: Path) -> None:
    """Compile the engine's modules into ``target``, replacing what is there."""
    with tempfile.TemporaryDirectory(prefix="speechmark-native-") as scratch:
        work = Path(scratch)
        package = work / "annotator" / "suggest"
        package.mkdir(parents=True)
        (work / "annotator" / "__init__.py").write_text("")
        (package / "__init__.py").write_text("")
        for source in native.modules():
            shutil.copyfile(source, package / source.name)
        copied = native.modules(package)  # the stamp names what was compiled, byte for byte
        command = [sys.executable, "-m", "mypyc", "--ignore-missing-imports"]
        command += [f"annotator/suggest/{p.name}" for p in copied]
        try:
            done = subprocess.run(command, cwd=work, capture_output=True, text=True)
        except OSError as error:
            raise BuildError(f"could not run mypyc: {error}") from error
        if done.returncode != 0:
            output = (done.stdout + done.stderr).strip().splitlines()
            if any("No module named mypyc" in line for line in output):
                raise BuildError("mypyc is not installed (it comes with mypy)")
            raise BuildError("mypyc failed: " + " / ".join(output[-3:]))
        staged = target.with_name(f"{target.name}.new-{os.getpid()}")
        shutil.rmtree(staged, ignore_errors=True)
        (staged / "suggest").mkdir(parents=True)
        (staged / "lib").mkdir()
        for compiled in package.glob(f"*{native.EXTENSION}"):
            shutil.move(compiled, staged / "suggest" / compiled.name)
        for runtime in work.glob(f"*__mypyc{native.EXTENSION}"):
            shutil.move(runtime, staged / "lib" / runtime.name)
        made = len(list((staged / "suggest").iterdir()))
        if made != len(copied) or not any((staged / "lib").iterdir()):
            shutil.rmtree(staged, ignore_errors=True)
            raise BuildError("mypyc did not compile every module")
        (staged / native.STAMP).write_text(native.digest(copied), "ascii")
        retired = target.with_name(f"{target.name}.old-{os.getpid()}")
        if target.exists():
            target.rename(retired)
        staged.rename(target)
        shutil.rmtree(retired, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quiet", action="store_true", help="say nothing when already built")
    arguments = parser.parse_args(argv)
    target = native.folder()
    if target is None:
        print("compiled suggestion engine switched off (SPEECHMARK_NATIVE)")
        return 0
    if native.current(target):
        if not arguments.quiet:
            print(f"compiled suggestion engine is current: {target}")
        return 0
    print("compiling the suggestion engine (once per change, about a minute)...", flush=True)
    try:
        build(target)
    except (BuildError, OSError) as error:
        print(f"the suggestion engine runs as plain Python: {error}", file=sys.stderr)
        return 1
    print(f"compiled suggestion engine ready: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
