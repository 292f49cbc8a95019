"""The Word briefing: quotes, who said them, tone and devices, for decision-makers.

``write_briefing`` builds the neutral briefing model (``model``), draws its charts
(``charts``) and lays it out in Word (``render_docx``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.core.corpus import Corpus
from annotator.io.briefing.charts import device_frequency_png, tone_by_speaker_png
from annotator.io.briefing.model import GROUPINGS, Briefing, ReliabilityTable, build_briefing
from annotator.io.briefing.render_docx import render_docx

__all__ = ["GROUPINGS", "Briefing", "ReliabilityTable", "build_briefing", "write_briefing"]


def write_briefing(
    corpus: Corpus,
    path: Path | str,
    *,
    title: str = "Briefing",
    analyst: str | None = None,
    group_by: str = "speaker",
    template: Path | None = None,
    include_context: bool = False,
    scope: str | None = None,
    reliability: ReliabilityTable | None = None,
    laid_out: Callable[[int, int], None] | None = None,
) -> int:
    """Write a Word briefing of ``corpus`` (already filtered) to ``path``; return quotes written.

    ``group_by`` is ``"speaker"``, ``"document"`` or ``"tone"``. ``template`` is a .docx
    whose styles, page setup and header (e.g. a logo) are kept and whose body is
    replaced; Speechmark's own styles are added only where the template lacks them.
    ``include_context`` prints the sentence around each quote; ``scope`` describes the
    selection (filters) on the title page; ``reliability`` adds an appendix of the
    analysts' agreement. ``laid_out(quotes done, quotes in all)`` is called before each
    quote is laid out; what it raises stops the briefing, and ``path`` is left as it was
    (the file is written beside it and renamed when complete).
    """
    briefing = build_briefing(
        corpus,
        title=title,
        analyst=analyst,
        group_by=group_by,
        include_context=include_context,
        scope=scope,
    )
    charts = {
        "tone": tone_by_speaker_png(briefing.tone_chart),
        "devices": device_frequency_png(briefing.device_chart),
    }
    return render_docx(
        briefing,
        path,
        charts=charts,
        template=template,
        reliability=reliability,
        laid_out=laid_out,
    )
