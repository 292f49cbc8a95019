"""Who made an annotation: the analyst, or the suggestion engine (a piece of software)."""

# The annotator name the suggestion engine writes on what it proposes; an accepted
# suggestion keeps it, so exports can credit the software rather than a person.
ENGINE_NAME = "speechmark-suggest"


def is_engine(annotator: str | None) -> bool:
    """True when ``annotator`` names the suggestion engine, not a person."""
    return annotator == ENGINE_NAME
