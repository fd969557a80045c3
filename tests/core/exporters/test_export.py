"""Annotated PDF export, checked by reopening the real file with PyMuPDF, pdftotext and qpdf."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pymupdf
import pytest
from click.testing import CliRunner

from viewer.cli import main
from viewer.core import annotations as ann
from viewer.core.exporters import ExportOptions, export_pdf, export_to, paragraph_spans
from viewer.core.records import Text

from ...pdfs import make_pdf
from .helpers import AGREE

POSTPONED = "the decision on the question should be postponed"
TREATY = "договор о дружбе, союзе"


def seed(archive, prefix: str) -> int:
    found = archive.resolve_id(prefix)
    assert found is not None
    return found


def highlight(archive, document_id: int, part: str, quote: str, note: str, color: str = "yellow") -> None:
    ann.Create(
        ann.highlight_quote(archive, document_id, part, quote, note=note, color=color, author="Ms Teacher")
    ).redo(archive)


@pytest.fixture
def annotated(seeded):
    """Seed 001 with two noted highlights in its translation, 004 with one in its Russian transcript."""
    highlight(seeded, seed(seeded, "001"), "translation", AGREE, "Stalin agrees")
    highlight(seeded, seed(seeded, "001"), "translation", POSTPONED, "but China decides", "green")
    highlight(seeded, seed(seeded, "004"), "transcript", TREATY, "a treaty after unification", "blue")
    return seeded


def words_under(page: pymupdf.Page, annot: pymupdf.Annot) -> list[str]:
    """The page's words whose middle lies inside one of the annotation's quads, in reading order."""
    vertices = annot.vertices
    rects = [pymupdf.Quad(vertices[i : i + 4]).rect for i in range(0, len(vertices), 4)]
    found = []
    for word in page.get_text("words", sort=False):
        middle = pymupdf.Point((word[0] + word[2]) / 2, (word[1] + word[3]) / 2)
        if any(rect.contains(middle) for rect in rects):
            found.append(word[4])
    return found


def external_checks(path: Path) -> None:
    """poppler's pdftotext and qpdf --check accept the file (skipped where they are not installed)."""
    if shutil.which("qpdf"):
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "No syntax or stream encoding errors" in result.stdout
    if shutil.which("pdftotext"):
        result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        assert "reunification" in result.stdout and "дружбе" in result.stdout


@pytest.mark.parametrize("layout", ["sequential", "facing"])
def test_export_of_two_annotated_seeds(annotated, tmp_path, layout):
    out = tmp_path / f"handout-{layout}.pdf"
    ids = [seed(annotated, "001"), seed(annotated, "004")]
    export_to(annotated, ids, out, ExportOptions(layout=layout, author="Ms Teacher"))
    with pymupdf.open(out) as pdf:
        highlights = [(page, a) for page in pdf for a in page.annots()]
        assert [a.type[1] for _, a in highlights] == ["Highlight"] * 3
        expected = {"Stalin agrees": AGREE, "but China decides": POSTPONED, "a treaty after unification": TREATY}
        for page, annot in highlights:
            assert annot.info["title"] == "Ms Teacher"
            quote = expected.pop(annot.info["content"])
            assert words_under(page, annot) == quote.split()
            assert annot.flags & pymupdf.PDF_ANNOT_IS_PRINT
            assert annot.xref and pdf.xref_get_key(annot.xref, "AP")[0] == "dict"  # an appearance stream
        assert expected == {}
        toc = pdf.get_toc()
        titles = [entry[1] for entry in toc]
        assert toc[0][:2] == [1, annotated.record(ids[0]).title]
        assert [e[0] for e in toc if e[1] == annotated.record(ids[1]).title] == [1]
        if layout == "sequential":
            assert "Translation (English)" in titles and "Transcript (Russian)" in titles
        else:
            assert "Original (Russian) beside Translation (English)" in titles
            assert pdf[toc[-1][2] - 1].rect.width > pdf[toc[-1][2] - 1].rect.height  # landscape
        for number, page in enumerate(pdf):
            text = page.get_text()
            assert text.strip(), f"page {number + 1} has no extractable text"
            assert f"{number + 1} / {pdf.page_count}" in text  # the footer
        assert "Vyshinsky to Mao Zedong" in pdf[0].get_text()
        metadata = pdf.metadata
        assert (metadata["title"], metadata["author"]) == ("2 documents", "Ms Teacher")
        assert "001_" in metadata["keywords"] and metadata["subject"]
        fonts = pdf.get_page_fonts(toc[-1][2] - 1)
        assert fonts and all(f[1] != "n/a" for f in fonts)  # embedded font files
    external_checks(out)


def test_cover_page_carries_the_metadata(annotated, tmp_path):
    out = export_to(annotated, [seed(annotated, "001")], tmp_path / "one.pdf")
    with pymupdf.open(out) as pdf:
        cover = " ".join(pdf[0].get_text().split())
        for words in (
            "Ciphered Telegram No. 8600",
            "Top Secret",
            "Vyshinsky",
            "Mao Zedong",
            "Rights",
            "Ciphered telegram",
            "May 14, 1950",
        ):
            assert words in cover
        assert pdf.metadata["title"] == annotated.record(seed(annotated, "001")).title


def test_options_choose_parts_and_colours(annotated, tmp_path):
    ids = [seed(annotated, "001"), seed(annotated, "004")]
    out = export_to(annotated, ids, tmp_path / "yellow.pdf", ExportOptions(colors=frozenset({"yellow"})))
    with pymupdf.open(out) as pdf:
        assert [a.info["content"] for p in pdf for a in p.annots()] == ["Stalin agrees"]
    out = export_to(annotated, ids, tmp_path / "plain.pdf", ExportOptions(annotations=False, parts=("translation",)))
    with pymupdf.open(out) as pdf:
        assert sum(1 for p in pdf for _ in p.annots()) == 0
        assert "Transcript (Russian)" not in [e[1] for e in pdf.get_toc()]


def test_cjk_text_is_embedded_and_highlighted_exactly(seeded, tmp_path):
    doc = seed(seeded, "001")
    chinese = "毛泽东同志：\n\n朝鲜同志们提出的统一建议，我们表示同意。此问题应由中国和朝鲜同志共同最终决定。"
    with seeded.transaction():
        seeded.replace_machine_texts(doc, [Text("transcript", "zh", chinese, origin="manual")], origin="manual")
    highlight(seeded, doc, "transcript", "中国和朝鲜同志", "who decides")
    out = export_to(seeded, [doc], tmp_path / "zh.pdf", ExportOptions(parts=("transcript",)))
    with pymupdf.open(out) as pdf:
        [(page, annot)] = [(p, a) for p in pdf for a in p.annots()]
        # CJK has no spaces: compare the characters inside the quads, not words
        inside = [
            c["c"]
            for block in page.get_text("rawdict")["blocks"]
            for line in block.get("lines", [])
            for span in line["spans"]
            for c in span["chars"]
            if any(
                pymupdf.Quad(annot.vertices[i : i + 4]).rect.contains(
                    pymupdf.Point((c["bbox"][0] + c["bbox"][2]) / 2, (c["bbox"][1] + c["bbox"][3]) / 2)
                )
                for i in range(0, len(annot.vertices), 4)
            )
        ]
        assert "".join(inside) == "中国和朝鲜同志"
        assert "朝鲜同志们提出的统一建议" in page.get_text().replace("\n", "")
        assert any("Droid" in f[3] for f in pdf.get_page_fonts(page.number))


def test_pdf_original_is_carried_over_with_rect_and_pin(seeded, tmp_path):
    doc = seed(seeded, "002")
    data = make_pdf("Original scan text", pages=2)
    with seeded.transaction():
        file_id = seeded.store_file("a" * 64, "scan.pdf", "application/pdf", data)
        seeded.save_pages(doc, file_id, [{"file_page": n, "width": 595, "height": 842} for n in range(2)])
    ann.Create(
        ann.new_shape(seeded, doc, 1, "rect", (70, 80, 400, 110), note="doubtful date", author="archivist")
    ).redo(seeded)
    ann.Create(ann.new_shape(seeded, doc, 0, "pin", (500, 90, 0, 0), note="stamp", author="archivist")).redo(seeded)
    out = export_to(seeded, [doc], tmp_path / "scan.pdf", ExportOptions(parts=("scan",)))
    with pymupdf.open(out) as pdf:
        scan_start = next(e for e in pdf.get_toc() if e[1].startswith("Scan"))[2] - 1
        for number in range(2):
            page = pdf[scan_start + number]
            assert f"Original scan text, page {number + 1}" in page.get_text()  # the text layer, not pixels
            assert page.get_images() == []  # nothing was rasterised
            assert page.get_drawings()  # the vector frame came along
        annots = {a.type[1]: (page.number, a.rect, a.info, a.flags) for page in pdf for a in page.annots()}
        assert set(annots) == {"Square", "Text"}
        number, rect, info, _ = annots["Square"]
        assert (number, info["content"], info["title"]) == (scan_start + 1, "doubtful date", "archivist")
        assert rect.contains(pymupdf.Rect(70, 80, 400, 110))
        number, rect, info, _ = annots["Text"]
        assert (number, info["content"]) == (scan_start, "stamp")
        assert all(flags & pymupdf.PDF_ANNOT_IS_PRINT for *_, flags in annots.values())
    if shutil.which("qpdf"):
        assert subprocess.run(["qpdf", "--check", str(out)], capture_output=True, check=False).returncode == 0


def test_abandoned_export_leaves_no_file(annotated, tmp_path):
    out = tmp_path / "cancelled.pdf"
    steps = export_pdf(annotated, [seed(annotated, "001"), seed(annotated, "004")], out)
    first = next(steps)
    assert (first.done, first.total) == (0, 3)
    steps.close()  # what a cancel does: stop asking for steps
    assert list(tmp_path.glob("cancelled.pdf*")) == []


def test_paragraph_spans_index_the_body():
    body = "First line\nsecond line\n\n\nSecond para\n  \nThird"
    spans = paragraph_spans(body)
    assert [body[a:b] for a, b in spans] == ["First line\nsecond line", "Second para", "Third"]


def test_cli_export(annotated, tmp_path):
    out = tmp_path / "cli.pdf"
    result = CliRunner().invoke(
        main,
        [
            "--db",
            str(annotated.path),
            "export",
            "001",
            "004",
            "--pdf",
            str(out),
            "--layout",
            "facing",
            "--author",
            "Ms Teacher",
            "-q",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "3 annotations" in result.output
    with pymupdf.open(out) as pdf:
        assert pdf.metadata["author"] == "Ms Teacher"
    result = CliRunner().invoke(
        main,
        ["--db", str(annotated.path), "export", "--search", "Filippov", "--pdf", str(tmp_path / "search.pdf"), "-q"],
    )
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["--db", str(annotated.path), "export", "--pdf", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2


def test_facing_rows_pair_the_long_paragraphs():
    from viewer.core.exporters import align_paragraphs

    # a letterhead of six short lines against two, then the message and its translation
    left = [(0, 10), (11, 20), (21, 30), (31, 40), (41, 50), (51, 60), (61, 400), (401, 410)]
    right = [(0, 12), (13, 25), (26, 380), (381, 392)]
    rows = align_paragraphs(left, right)
    [row] = [row for row in rows if (61, 400) in row[0]]
    assert (26, 380) in row[1]  # the message sits beside its translation
    assert [span for row in rows for span in row[0]] == left  # every paragraph once, in order
    assert [span for row in rows for span in row[1]] == right
