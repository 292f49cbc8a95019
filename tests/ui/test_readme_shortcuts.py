"""The README's table of workspace keys says what the window really binds."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def workspace_table() -> list[tuple[list[str], list[str]]]:
    """(keys, commands) of each row of the table under "## The workspace"."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## The workspace", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        if line.startswith("| `"):
            keys_cell, command_cell = line.strip("|").split("|")
            keys = re.findall(r"`([^`]+)`", keys_cell)
            commands = [c.strip() for c in command_cell.split(",")]
            rows.append(
                (
                    keys,
                    commands if len(commands) == len(keys) else [command_cell.strip()] * len(keys),
                )
            )
    return rows


def test_every_key_in_the_readme_does_what_it_says(window):
    bound: dict[str, set[str]] = {}
    for _menu, command, keys in window.views.shortcut_rows():
        for key in keys.split(", "):
            bound.setdefault(key, set()).add(command.rstrip("…"))
    rows = workspace_table()
    assert len(rows) >= 10
    for keys, commands in rows:
        for key, command in zip(keys, commands, strict=True):
            assert command in bound.get(key, set()), (key, command, bound.get(key))
