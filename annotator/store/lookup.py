"""Name <-> id lookups for speakers and codes, loaded once per transaction."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlmodel import Session

from annotator.core import CodeKind
from annotator.store.errors import UnknownName
from annotator.store.tables import CodeRow, SpeakerRow


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
        names = cls()
        # Plain rows: this runs for every edit and every read of quotes.
        connection = s.connection()
        speaker = SpeakerRow.__table__.c  # type: ignore[attr-defined]
        speakers = connection.execute(sa.select(speaker.id, speaker.name, speaker.aliases)).all()
        for speaker_id, name, _aliases in speakers:
            names.speaker_names[speaker_id] = name
        # Aliases first, so that a canonical name always wins over another's alias.
        for speaker_id, _name, aliases in speakers:
            for alias in aliases or ():
                names.speaker_aliases.setdefault(alias.casefold(), speaker_id)
        for speaker_id, name, _aliases in speakers:
            names.speaker_aliases[name.casefold()] = speaker_id
        code = CodeRow.__table__.c  # type: ignore[attr-defined]
        for code_id, name, kind in connection.execute(sa.select(code.id, code.name, code.kind)):
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
