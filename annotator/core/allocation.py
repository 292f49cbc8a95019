"""Making many small objects at once without Python's cycle collector walking the heap."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def many_objects() -> Iterator[None]:
    """Pause the cycle collector while the block makes thousands of plain objects.

    Every few hundred new objects the collector runs, and now and then it walks every
    object the program holds (Qt's wrappers, the modules, the document shown): reading a
    document's ten thousand quotes spent as long in those walks as in the reading. Rows,
    tuples and frozen dataclasses hold no cycles, so nothing is left uncollected; the
    collector runs as usual after the block.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
