"""Default colours: Okabe-Ito and Paul Tol, distinguishable with the common
colour-vision deficiencies."""

SPEAKER_PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
    "#D55E00", "#F0E442", "#332288", "#117733", "#882255",
)  # fmt: skip


def speaker_colour(index: int) -> str:
    """The ``index``-th default speaker colour (cycling)."""
    return SPEAKER_PALETTE[index % len(SPEAKER_PALETTE)]
