"""The Word briefing, read back with python-docx."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from annotator.core.corpus import Corpus
from annotator.core.model import Annotation, Code, CodeKind, Document
from annotator.io.briefing import build_briefing, write_briefing
from annotator.io.briefing.charts import device_frequency_png, tone_by_speaker_png
from annotator.io.briefing.styles import ATTRIBUTION, QUOTE
from tests.data.io.sample_corpus import sample_corpus

PNG = b"\x89PNG\r\n\x1a\n"


def _styles(document: docx.document.Document) -> list[str]:
    return [p.style.name for p in document.paragraphs]


def _quotes(document: docx.document.Document) -> list[docx.text.paragraph.Paragraph]:
    return [p for p in document.paragraphs if p.style.name == QUOTE]


def test_structure(tmp_path: Path) -> None:
    corpus = sample_corpus()
    path = tmp_path / "briefing.docx"
    written = write_briefing(corpus, path, title="Summit", analyst="Dana", scope="Test scope")
    assert written == len(corpus.annotations)
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for wanted in (
        "Executive summary",
        "Most-quoted speakers",
        "Quotes by speaker",
        "Appendix: sources",
        "Liz Truss",
        "Unattributed",
    ):
        assert wanted in headings
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == "Summit"
    assert len(_quotes(document)) == written
    assert _styles(document).count(ATTRIBUTION) >= written
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Prepared by Dana" in text and "Analyst note:" in text
    scope_cells = [c.text for c in document.tables[0].rows[2].cells]
    assert scope_cells == ["Selection", "Test scope"]


def test_summary_table_and_charts(tmp_path: Path) -> None:
    path = tmp_path / "briefing.docx"
    write_briefing(sample_corpus(), path)
    document = docx.Document(str(path))
    summary = next(t for t in document.tables if t.rows[0].cells[0].text == "Speaker")
    header = [c.text for c in summary.rows[0].cells]
    assert header == ["Speaker", "Role", "Quotes", "Dominant tone"]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in summary.rows[1:]}
    assert rows["Liz Truss"][1:3] == ["Prime Minister", "1"]
    assert rows["Liz Truss"][3].strip() == "warning"
    assert len(document.inline_shapes) == 2
    sources = document.tables[-1]
    assert [c.text for c in sources.rows[0].cells] == ["Title", "Outlet", "Date", "Link"]
    assert len(sources.rows) == 1 + 2


def test_rtl_emoji_and_control_characters(tmp_path: Path) -> None:
    corpus = sample_corpus()
    summit = corpus.documents[0]
    weird = Annotation.on(
        1, summit.text, 0, 20, note="bad\x00 \x0bnote \x1f\ufffe", speaker="X\x07"
    )
    corpus = replace(corpus, annotations=(*corpus.annotations, weird))
    path = tmp_path / "briefing.docx"
    assert write_briefing(corpus, path, title="T\x0bitle \U0001f389", include_context=True) == 5
    document = docx.Document(str(path))
    arabic = next(p for p in _quotes(document) if "لن نتراجع" in p.text)
    assert arabic._p.pPr.find(qn("w:bidi")) is not None
    assert all(r._r.rPr.find(qn("w:rtl")) is not None for r in arabic.runs)
    english = next(p for p in _quotes(document) if "intimidated" in p.text)
    assert english._p.pPr.find(qn("w:bidi")) is None
    assert any("\U0001f389" in p.text for p in document.paragraphs)
    assert any(p.text.startswith("Context:") for p in document.paragraphs)


def test_very_long_quote(tmp_path: Path) -> None:
    text = "Opening words. " + ("We shall persevere and prevail. " * 320) + "The end."
    document = Document(title="Long speech", text=text, id=1)
    quote = Annotation.on(1, text, 15, len(text) - 9, speaker="Orator", tone="warning")
    corpus = Corpus(documents=(document,), annotations=(quote,))
    assert len(quote.quote) > 10_000
    path = tmp_path / "long.docx"
    assert write_briefing(corpus, path, group_by="tone") == 1
    (block,) = _quotes(docx.Document(str(path)))
    assert len(block.text) > 10_000
    assert block.paragraph_format.keep_together is False


@pytest.mark.parametrize("group_by", ["speaker", "document", "tone"])
def test_groupings(tmp_path: Path, group_by: str) -> None:
    path = tmp_path / f"{group_by}.docx"
    assert write_briefing(sample_corpus(), path, group_by=group_by) == 4
    document = docx.Document(str(path))
    assert f"Quotes by {dict(speaker='speaker', document='source', tone='tone')[group_by]}" in [
        p.text for p in document.paragraphs
    ]
    assert len(_quotes(document)) == 4


def test_bad_grouping() -> None:
    with pytest.raises(ValueError, match="group_by"):
        build_briefing(sample_corpus(), group_by="outlet")


def test_template_styles_and_header_are_used(tmp_path: Path) -> None:
    template = docx.Document()
    style = template.styles.add_style(QUOTE, docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    style.font.name, style.font.size = "Georgia", Pt(13)
    template.sections[0].header.paragraphs[0].text = "MINISTRY OF EXAMPLES"
    template.add_paragraph("Template body text to be replaced")
    template_path = tmp_path / "template.docx"
    template.save(str(template_path))
    path = tmp_path / "briefing.docx"
    write_briefing(sample_corpus(), path, template=template_path)
    document = docx.Document(str(path))
    assert document.sections[0].header.paragraphs[0].text == "MINISTRY OF EXAMPLES"
    assert "Template body text to be replaced" not in [p.text for p in document.paragraphs]
    quotes = _quotes(document)
    assert len(quotes) == 4
    assert all(q.style.font.name == "Georgia" and q.style.font.size == Pt(13) for q in quotes)
    assert ATTRIBUTION in [s.name for s in document.styles]


def test_template_without_heading_styles(tmp_path: Path) -> None:
    template = docx.Document()
    for name in ("Heading 1", "Heading 2", "Title"):
        element = template.styles[name].element
        element.getparent().remove(element)
    template_path = tmp_path / "bare.docx"
    template.save(str(template_path))
    path = tmp_path / "briefing.docx"
    assert write_briefing(sample_corpus(), path, template=template_path) == 4
    assert "Executive summary" in [p.text for p in docx.Document(str(path)).paragraphs]


def test_charts_are_png() -> None:
    briefing = build_briefing(sample_corpus())
    tone = tone_by_speaker_png(briefing.tone_chart)
    devices = device_frequency_png(briefing.device_chart)
    assert tone is not None and tone.startswith(PNG)
    assert devices is not None and devices.startswith(PNG)
    from PIL import Image  # matplotlib depends on Pillow

    with Image.open(io.BytesIO(tone)) as image:
        assert image.info["dpi"][0] == pytest.approx(200, abs=1)
    empty = build_briefing(Corpus())
    assert tone_by_speaker_png(empty.tone_chart) is None
    assert device_frequency_png(empty.device_chart) is None


def test_empty_corpus(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    assert write_briefing(Corpus(), path) == 0
    assert "Executive summary" in [p.text for p in docx.Document(str(path)).paragraphs]


def test_local_source_paths_not_published(tmp_path: Path) -> None:
    corpus = sample_corpus()
    summit, arabic = corpus.documents
    local = replace(arabic, source="/home/jroe/Documents/press/arabic.txt")
    path = tmp_path / "briefing.docx"
    write_briefing(replace(corpus, documents=(summit, local)), path)
    with zipfile.ZipFile(path) as archive:
        xml = "".join(
            archive.read(n).decode("utf-8")
            for n in archive.namelist()
            if n.endswith(".rels") or n.endswith(".xml")
        )
    assert "jroe" not in xml
    assert "https://example.org/news/summit" in xml


def _without_roles(corpus: Corpus) -> Corpus:
    return replace(corpus, speakers=tuple(replace(s, role=None) for s in corpus.speakers))


def test_title_page_gives_the_figures_at_a_glance(tmp_path: Path) -> None:
    path = tmp_path / "briefing.docx"
    write_briefing(sample_corpus(), path)
    document = docx.Document(str(path))
    body = document.element.body
    first_break = next(
        n for n, p in enumerate(document.paragraphs) if 'w:br w:type="page"' in p._p.xml
    )
    assert "At a glance" in [p.text for p in document.paragraphs[:first_break]]
    glance = document.tables[1]
    assert body.index(glance._tbl) < body.index(document.paragraphs[first_break]._p)
    rows = {r.cells[0].text: r.cells[1].text for r in glance.rows}
    assert rows["Quotes"] == "4 quotes from 3 named speakers in 2 documents"
    assert rows["Most quoted"].startswith("Ayman Safadi (1 quote)")
    assert "Unattributed" not in rows["Most quoted"]
    assert rows["Main tones"].startswith("confrontational (25%)")


def test_role_column_only_when_someone_has_a_role(tmp_path: Path) -> None:
    path = tmp_path / "briefing.docx"
    write_briefing(_without_roles(sample_corpus()), path)
    document = docx.Document(str(path))
    summary = next(t for t in document.tables if t.rows[0].cells[0].text == "Speaker")
    assert [c.text for c in summary.rows[0].cells] == ["Speaker", "Quotes", "Dominant tone"]
    truss = next(r for r in summary.rows if r.cells[0].text == "Liz Truss")
    assert [c.text.strip() for c in truss.cells] == ["Liz Truss", "1", "warning"]


def test_no_tone_is_not_the_grey_of_neutral() -> None:
    corpus = sample_corpus()
    neutral = Code(CodeKind.TONE, "neutral", colour="#999999")
    codebook = replace(corpus.codebook, tones=(*corpus.codebook.tones, neutral))
    first = replace(corpus.annotations[0], tone="neutral")
    corpus = replace(corpus, codebook=codebook, annotations=(first, *corpus.annotations[1:]))
    labels = {label.name: label.colour for label in build_briefing(corpus).tone_chart.tones}
    assert labels["neutral"] == "#999999"
    assert labels["No tone"] not in {code.colour for code in codebook.tones}


def test_trailing_comma_trimmed_from_quotes(tmp_path: Path) -> None:
    text = "“We will face down the threats,” she said. He said: “No;” and left."
    document = Document(title="Commas", text=text, id=1)
    quotes = []
    for quote in ("“We will face down the threats,”", "“No;”"):
        start = text.index(quote)
        quotes.append(Annotation.on(1, text, start, start + len(quote), speaker="Ana"))
    path = tmp_path / "briefing.docx"
    write_briefing(Corpus(documents=(document,), annotations=tuple(quotes)), path)
    printed = [p.text for p in _quotes(docx.Document(str(path)))]
    assert printed == ["“We will face down the threats”", "“No”"]


def test_last_quotes_share_a_page_with_the_appendix(tmp_path: Path) -> None:
    path = tmp_path / "briefing.docx"
    write_briefing(sample_corpus(), path)
    document = docx.Document(str(path))
    appendix = next(p for p in document.paragraphs if p.text == "Appendix: sources")
    assert not appendix.paragraph_format.page_break_before
    assert appendix.paragraph_format.keep_with_next


def test_empty_appendix_columns_left_out(tmp_path: Path) -> None:
    corpus = sample_corpus()
    bare = tuple(replace(d, outlet=None, source=None) for d in corpus.documents)
    path = tmp_path / "briefing.docx"
    write_briefing(replace(corpus, documents=bare), path)
    sources = docx.Document(str(path)).tables[-1]
    assert [c.text for c in sources.rows[0].cells] == ["Title", "Date"]


def test_charts_have_alternative_text(tmp_path: Path) -> None:
    path = tmp_path / "briefing.docx"
    write_briefing(sample_corpus(), path)
    document = docx.Document(str(path))
    described = [shape._inline.docPr.get("descr") or "" for shape in document.inline_shapes]
    assert len(described) == 2
    tone, devices = described
    assert "Liz Truss: 1 quote (1 warning)" in tone
    assert "slogan: 1" in devices and "metaphor: 1" in devices


def test_tone_by_speaker_counts_as_the_analysis_view_and_stats_do(monkeypatch) -> None:
    from annotator.core.stats import NONE, crosstab
    from annotator.io.briefing import charts
    from tests.data.io.awkward_corpus import awkward_corpus

    corpus = awkward_corpus()
    counted = crosstab(corpus, ["speaker", "tone"])
    chart = build_briefing(corpus).tone_chart

    def stats_name(name: str, unnamed: str) -> str:
        return NONE if name == unnamed else name

    speakers = [stats_name(s, "Unattributed") for s in chart.speakers]
    assert speakers == counted.values(0)[:8]
    assert "Unattributed" in chart.speakers and "No tone" in [t.name for t in chart.tones]
    for tone, counts in zip(chart.tones, chart.counts, strict=True):
        for speaker, count in zip(speakers, counts, strict=True):
            assert count == counted.counts.get((speaker, stats_name(tone.name, "No tone")), 0)
    drawn = []
    monkeypatch.setattr(charts, "draw_stacked", lambda figure, table, *a, **k: drawn.append(table))
    charts.tone_by_speaker_png(chart)
    assert drawn == [chart.table]  # the analysis view's drawing, from the same table
