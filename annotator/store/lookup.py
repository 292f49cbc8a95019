"""Name <-> id lookups for speakers and codes, loaded once per transaction.

Loaded through the full store (``load``) or, from a SQLite file opened with the standard
library alone, by ``read``; both build them from the same rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.core import CodeKind
from annotator.store.errors import UnknownName

if TYPE_CHECKING:
    from sqlmodel import Session


@dataclass
class Names:
    """The speakers and codes of a project, by id and by case-folded name."""

    speaker_names: dict[int, str] = field(default_factory=dict)
    speaker_aliases: dict[str, int] = field(default_factory=dict)
    code_names: dict[int, str] = field(default_factory=dict)
    code_kinds: dict[int, CodeKind] = field(default_factory=dict)
    _by_folded_name: dict[CodeKind, dict[str, int]] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, s: Session) -> Names:
        import sqlalchemy as sa  # not for ``read``: a bulk import into a file runs without it

        from annotator.store.tables import CodeRow, SpeakerRow

        # Plain rows: this runs for every edit and every read of quotes.
        connection = s.connection()
        speaker = SpeakerRow.__table__.c  # type: ignore[attr-defined]
        speakers = connection.execute(sa.select(speaker.id, speaker.name, speaker.aliases)).all()
        code = CodeRow.__table__.c  # type: ignore[attr-defined]
        codes = connection.execute(sa.select(code.id, code.name, code.kind)).all()
        return cls.of_rows(speakers, codes)

    @classmethod
    def read(cls, db: sqlite3.Connection) -> Names:
        """The names of a SQLite project, read by the standard library's driver (which
        gives the aliases as their JSON text)."""
        speakers = [
            (i, name, json.loads(aliases) if aliases else None)
            for i, name, aliases in db.execute("SELECT id, name, aliases FROM speaker")
        ]
        return cls.of_rows(speakers, db.execute("SELECT id, name, kind FROM code"))

    @classmethod
    def of_rows(
        cls,
        speakers: Sequence[tuple[int, str, list[str] | None]],  # id, name, aliases
        codes: Iterable[tuple[int, str, str]],  # id, name, kind
    ) -> Names:
        names = cls()
        for speaker_id, name, _aliases in speakers:
            names.speaker_names[speaker_id] = name
        # Aliases first, so that a canonical name always wins over another's alias.
        for speaker_id, _name, aliases in speakers:
            for alias in aliases or ():
                names.speaker_aliases.setdefault(alias.casefold(), speaker_id)
        for speaker_id, name, _aliases in speakers:
            names.speaker_aliases[name.casefold()] = speaker_id
        for code_id, name, kind in codes:
            names.code_names[code_id] = name
            names.code_kinds[code_id] = CodeKind(kind)
        return names

    def codes_of(self, kind: CodeKind) -> dict[int, str]:
        return {i: n for i, n in self.code_names.items() if self.code_kinds[i] is kind}

    def _code_index(self, kind: CodeKind) -> dict[str, int]:
        # Built once per kind: bulk imports look codes up for every annotation.
        index = self._by_folded_name.get(kind)
        if index is None:
            index = {n.casefold(): i for i, n in self.codes_of(kind).items()}
            self._by_folded_name[kind] = index
        return index

    def speaker_id(self, name: str | None, *, missing_ok: bool = False) -> int | None:
        """The id of the speaker with that name or alias (any case)."""
        if name is None:
            return None
        found = self.speaker_aliases.get(name.strip().casefold())
        if found is None and not missing_ok:
            raise UnknownName("speaker", name, self.speaker_names.values())
        return found

    def code_id(self, kind: CodeKind, name: str | None, *, missing_ok: bool = False) -> int | None:
        """The id of the tone or device with that name (any case)."""
        if name is None:
            return None
        found = self._code_index(kind).get(name.strip().casefold())
        if found is None and not missing_ok:
            raise UnknownName(kind.value, name, self.codes_of(kind).values())
        return found
