import gc

import pytest

from annotator.core.allocation import many_objects


def test_the_cycle_collector_runs_again_after_a_bulk_read_even_a_failed_one() -> None:
    assert gc.isenabled()
    with many_objects():
        assert not gc.isenabled()
        with many_objects():  # nested reads leave it paused until the outer one ends
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), many_objects():
        raise ValueError("the read failed")
    assert gc.isenabled()


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    gc.disable()
    try:
        with many_objects():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
