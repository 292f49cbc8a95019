"""The suggestion engine compiled to C, used in place of its Python modules when built.

``python -m annotator.suggest.native_build`` compiles the engine's modules with mypyc into a
folder of the Python environment (``speechmark-native`` under ``sys.prefix``; the
``SPEECHMARK_NATIVE`` variable names another, or ``off`` for none). The compiled modules
compute exactly what the Python ones do, about one and a half times as fast. A build is
used only while the sources are the ones it was made from: edit a module and the plain
Python runs until the next build, so a stale build never answers.
"""

from __future__ import annotations

import hashlib
import os
import sys
import sysconfig
from pathlib import Path

SOURCES = Path(__file__).resolve().parent
# The package's own start and the build's two modules stay Python.
PLAIN = frozenset({"__init__.py", "native.py", "native_build.py"})
STAMP = "built-from"  # file in the build folder: the digest of the sources it was made from
EXTENSION = sysconfig.get_config_var("EXT_SUFFIX") or ".so"


def folder() -> Path | None:
    """Where the build lives (None: compiled modules are switched off)."""
    setting = os.environ.get("SPEECHMARK_NATIVE", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    return Path(setting) if setting else Path(sys.prefix) / "speechmark-native"


def modules(package: Path = SOURCES) -> list[Path]:
    """The engine's modules that are compiled, in a fixed order."""
    return sorted(p for p in package.glob("*.py") if p.name not in PLAIN)


def digest(paths: list[Path]) -> str:
    """What a build answers for: these sources, under this Python."""
    made = hashlib.sha256(f"{sys.version}\0{EXTENSION}\0".encode())
    for path in paths:
        made.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return made.hexdigest()


def current(build: Path | None) -> bool:
    """True when ``build`` holds modules compiled from the sources as they are now."""
    if build is None:
        return False
    try:
        return (build / STAMP).read_text("ascii") == digest(modules())
    except OSError:
        return False


def prefer_compiled(package_path: list[str]) -> bool:
    """Put a current build first on the package's ``__path__``; True if there is one."""
    build = folder()
    if not current(build):
        return False
    assert build is not None
    runtime = str(build / "lib")  # the compiled modules' shared part, a top-level module
    if runtime not in sys.path:
        sys.path.append(runtime)
    package_path.insert(0, str(build / "suggest"))
    return True


def in_use() -> bool:
    """True when the engine that answers is the compiled one."""
    from annotator.suggest import engine

    return (engine.__file__ or "").endswith(EXTENSION)
