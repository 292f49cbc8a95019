"""Every input of the catalogue is refused with one line naming it, or accepted exactly."""

from __future__ import annotations

import pytest

from tests.reliability.bad_inputs import catalogue, try_input

CATALOGUE = {item.name: item for item in catalogue()}


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_bad_input_is_refused_clearly_or_accepted_exactly(project, tmp_path, name):
    item = CATALOGUE[name]
    outcome = try_input(project, item, tmp_path)
    assert outcome == ("refused" if item.text is None else "accepted")
