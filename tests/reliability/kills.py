"""Killing a writer at random moments (SIGKILL: no clean-up at all) and checking that
every acknowledged edit is in the project, whole, and the file is sound."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from annotator.store import Project
from tests.reliability.writers import sqlite_sound

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class KillOutcome:
    """Kills made, edits acknowledged before them, and what was wrong afterwards."""

    kills: int = 0
    acknowledged: int = 0
    lost: list[str] = field(default_factory=list)  # acknowledged, then missing
    torn: list[str] = field(default_factory=list)  # a corpus import only partly there
    unsound: list[str] = field(default_factory=list)  # integrity, foreign keys, quotes


def _kill_once(path: Path, writer: int, rng: random.Random) -> list[str]:
    """Start a writer, let it acknowledge a random number of edits, wait a random
    moment more (so the kill lands anywhere in a transaction) and kill it."""
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.kill_writer", str(path), str(writer),
         str(rng.randrange(2**32))],
        stdout=subprocess.PIPE, text=True, cwd=ROOT,
    )  # fmt: skip
    assert writer.stdout is not None
    lines = [writer.stdout.readline() for _ in range(rng.randint(1, 25))]
    time.sleep(rng.uniform(0, 0.05))
    writer.send_signal(signal.SIGKILL)
    rest, _ = writer.communicate()  # lines already written before the kill count too
    return [line for line in lines + rest.splitlines() if line.strip()]


def check(path: Path, acknowledged: list[str], outcome: KillOutcome) -> None:
    """Compare what the writers acknowledged with what the project holds."""
    if not sqlite_sound(path):
        outcome.unsound.append("integrity or foreign key check failed")
    with Project(str(path)) as project:
        documents = {d.title: d for d in project.documents()}
        annotations = {a.id: a for a in project.annotations()}
    for line in acknowledged:
        kind, tag, *ids = line.split()
        if kind == "document" and tag not in documents:
            outcome.lost.append(line)
        missing = [i for i in ([tag] if kind == "quotes" else []) + ids if i not in annotations]
        if missing:
            outcome.lost.append(f"{kind} {missing[0]}")
    for a in annotations.values():
        text = next(d.text for d in documents.values() if d.id == a.document_id)
        if text[a.start : a.end] != a.quote:
            outcome.unsound.append(f"quote {a.id} does not match its text")
    corpora: dict[str, int] = {}
    for title in documents:
        if title.startswith("corpus "):
            tag = title.rsplit(" ", 1)[0]
            corpora[tag] = corpora.get(tag, 0) + 1
    outcome.torn = [tag for tag, count in corpora.items() if count != 3]  # all or nothing


def run_kills(path: Path, kills: int, seed: int) -> KillOutcome:
    """``kills`` writers killed one after another on the same project file."""
    rng, outcome = random.Random(seed), KillOutcome()
    acknowledged: list[str] = []
    Project(str(path)).close()
    for number in range(kills):
        acknowledged += _kill_once(path, number, rng)
        outcome.kills += 1
        check(path, acknowledged, outcome)
    outcome.acknowledged = len(acknowledged)
    return outcome
