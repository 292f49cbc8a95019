"""Default colours: Okabe-Ito and Paul Tol, distinguishable with the common
colour-vision deficiencies."""

from collections.abc import Iterable

SPEAKER_PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
    "#D55E00", "#F0E442", "#332288", "#117733", "#882255",
)  # fmt: skip


def speaker_colour(index: int) -> str:
    """The ``index``-th default speaker colour (cycling)."""
    return SPEAKER_PALETTE[index % len(SPEAKER_PALETTE)]


def next_speaker_colour(used: Iterable[str | None], count: int) -> str:
    """The colour for a new speaker: the first default no speaker has, else cycle by
    ``count`` (how many speakers there are). The one colour policy of the project."""
    taken = set(used)
    free = [c for c in SPEAKER_PALETTE if c not in taken]
    return free[0] if free else speaker_colour(count)
