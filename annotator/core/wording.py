"""How counts read in messages, reports and briefings."""


def plural(count: int, noun: str) -> str:
    """``1 quote``, ``2 quotes``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
