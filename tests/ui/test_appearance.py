"""Colours in the workspace: codes without a colour, and the legend."""

from __future__ import annotations

from annotator.core import Annotation, Code, Codebook, CodeKind
from annotator.ui.appearance import ColourBy, Colours, legend_html

TEXT = "She said “we stay and we fight”. He said “never”."


def _codebook() -> Codebook:
    devices = tuple(Code(CodeKind.DEVICE, f"device {n}") for n in range(21))
    return Codebook(devices=(Code(CodeKind.DEVICE, "metaphor", colour="#0072B2"), *devices))


def test_devices_without_colours_get_distinct_ones() -> None:
    colours = Colours((), _codebook())
    assert len(set(colours.devices.values())) == 22
    assert colours.devices["metaphor"] == "#0072B2"


def test_legend_names_every_device_in_use(qtbot) -> None:
    start = TEXT.index("“we stay")
    quote = Annotation.on(1, TEXT, start, start + 22, devices=("metaphor", "device 3", "device 7"))
    html = legend_html([quote], Colours((), _codebook()), ColourBy.DEVICE)
    for name in ("metaphor", "device 3", "device 7"):
        assert f"&nbsp;{name}&nbsp;" in html
    colours = Colours((), _codebook())
    assert colours.devices["device 7"].lower() in html.lower()
