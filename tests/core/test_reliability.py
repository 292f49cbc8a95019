"""Agreement statistics against published worked examples and the krippendorff package."""

import math

import krippendorff
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.reliability import (
    alpha_nominal,
    alpha_of_coverage,
    cohen_kappa,
    coverage_counts,
)


def test_kappa_of_the_textbook_table():
    # 50 items, two raters: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: kappa 0.4.
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)


def test_kappa_edge_cases():
    assert cohen_kappa([]) is None
    assert cohen_kappa([("a", "a")] * 3) == 1.0


def test_alpha_of_krippendorffs_own_example():
    # Krippendorff's reliability-data example: 4 observers, 12 units, nominal: 0.743.
    rows = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    units = [list(column) for column in zip(*rows, strict=True)]
    assert alpha_nominal(units) == pytest.approx(0.743, abs=0.0005)


def test_alpha_takes_any_hashable_values():
    units = [["warning", "warning"], ["warning", "warning"], ["hostile", "hostile"],
             ["hostile", "warning"]]  # fmt: skip
    assert alpha_nominal(units) == pytest.approx(8 / 15)


spans = st.lists(st.tuples(st.integers(0, 120), st.integers(1, 30)), max_size=6)


@settings(max_examples=60, deadline=None)
@given(st.lists(spans, min_size=2, max_size=4))
def test_alpha_over_characters_equals_the_full_matrix(coders):
    length = 150
    marked = [[(s, min(length, s + n)) for s, n in c] for c in coders]
    ours = alpha_of_coverage([(len(marked), coverage_counts(length, marked))])
    data = [[1 if any(a <= x < b for a, b in c) else 0 for x in range(length)] for c in marked]
    if len({v for row in data for v in row}) < 2:
        assert ours is None
        return
    theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert math.isclose(ours, theirs, abs_tol=1e-9)
