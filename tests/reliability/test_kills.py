"""A writer killed at random moments (during edits, imports and corpus imports) never
loses an acknowledged edit, never leaves half a corpus import, never corrupts the file."""

from __future__ import annotations

import os

from tests.reliability.kills import run_kills


def test_random_kills_lose_no_acknowledged_edit(tmp_path):
    seed = int.from_bytes(os.urandom(4), "big")
    outcome = run_kills(tmp_path / "killed.speechmark", kills=6, seed=seed)
    assert outcome.kills == 6 and outcome.acknowledged >= 6, seed
    assert (outcome.lost, outcome.torn, outcome.unsound) == ([], [], []), f"seed {seed}"
