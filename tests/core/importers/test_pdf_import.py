"""PDF import: text layer, duplicates, bad input, sidecars, attach; PDFs built here with PyMuPDF."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest

from viewer.core.importers.batch import import_all, import_file, run_import
from viewer.core.importers.mupdf import PasswordRequired, render_png
from viewer.core.importers.pdf import pdf_options

RUSSIAN = "13 мая 1950 г.\nСОВЕРШЕННО СЕКРЕТНО\nМосква, товарищу Филиппову.\nСегодня ночью Мао Цзэдун сообщил"
ENGLISH = "May 13, 1950\nTOP SECRET\nMoscow, to Comrade Filippov.\nTonight Mao Zedong informed"


def make_pdf(path: Path, pages: list[list[str]], *, title: str = "", **save: object) -> Path:
    """A PDF with a real text layer; the built-in CJK font also covers Cyrillic (Helvetica does not)."""
    doc = pymupdf.open()
    font = pymupdf.Font("cjk")
    for paragraphs in pages:
        page = doc.new_page()
        page.insert_font(fontname="F0", fontbuffer=font.buffer)
        for number, paragraph in enumerate(paragraphs):
            page.insert_text((72, 72 + 200 * number), paragraph, fontname="F0", fontsize=11)
    if title:
        doc.set_metadata({"title": title})
    doc.subset_fonts()
    data = doc.tobytes(garbage=3, deflate=True, **save)
    doc.close()  # PyMuPDF misreads a fresh encrypted copy while its source is still open
    path.write_bytes(data)
    return path


@pytest.fixture
def bilingual(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "telegram.pdf", [[RUSSIAN, ENGLISH]])


def test_text_layer_becomes_searchable_texts(archive, bilingual):
    result = import_file(archive, bilingual)
    assert result.outcome == "imported", result.message
    record = archive.record(result.document_id)
    kinds = {(t.kind, t.language, t.origin) for t in record.texts}
    assert ("transcript", "ru", "pdf") in kinds
    assert ("translation", "en", "pdf") in kinds
    assert record.original_language == "Russian"
    assert record.has_scan and record.pages == 1
    assert record.date == "1950-05-13"
    assert "date guessed from the first page" in record.review_reasons
    assert record.classification.startswith("Top Secret")
    for word in ("Филиппову", "Filippov", "Zedong"):
        assert archive.search(word).total == 1, word


def test_same_file_twice_is_stored_once(archive, bilingual, tmp_path):
    copy = tmp_path / "other" / "copy.pdf"
    copy.parent.mkdir()
    copy.write_bytes(bilingual.read_bytes())
    first = import_file(archive, bilingual)
    assert import_file(archive, bilingual).outcome == "unchanged"
    assert import_file(archive, copy).outcome == "unchanged"
    assert archive.conn.execute("SELECT count(*) FROM files").fetchone()[0] == 1
    assert archive.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert first.document_id is not None


def test_changed_file_updates_its_document_and_drops_the_old_bytes(archive, tmp_path):
    path = make_pdf(tmp_path / "note.pdf", [["First version of the note about Harbin"]])
    first = import_file(archive, path)
    make_pdf(path, [["Second version of the note about Dairen"]])
    second = import_file(archive, path)
    assert second.outcome == "updated" and second.document_id == first.document_id
    assert archive.search("Dairen").total == 1 and archive.search("Harbin").total == 0
    assert archive.conn.execute("SELECT count(*) FROM files").fetchone()[0] == 1


def test_multi_page_file_keeps_page_order_and_renders(archive, tmp_path):
    path = make_pdf(
        tmp_path / "report.pdf",
        [[f"Page number {n} of the report on Kaesong"] for n in range(1, 4)],
        title="Report on the Kaesong talks",
    )
    result = import_file(archive, path)
    record = archive.record(result.document_id)
    assert record.title == "Report on the Kaesong talks"
    pages = archive.page_rows(result.document_id)
    assert [p.file_page for p in pages] == [0, 1, 2]
    assert all(p.text_origin == "layer" and not p.needs_ocr for p in pages)
    assert "Page number 2" in pages[1].text
    stored = archive.scan_pages(result.document_id)[0]
    png = render_png(archive.file_bytes(stored.file_id), stored.mime, 2, dpi=50)
    pix = pymupdf.Pixmap(png)
    assert abs(pix.width - 595 * 50 / 72) <= 1 and abs(pix.height - 842 * 50 / 72) <= 1


def test_encrypted_file_needs_its_password(archive, tmp_path):
    path = make_pdf(
        tmp_path / "locked.pdf",
        [["Secret minutes of the Politburo meeting"]],
        encryption=pymupdf.PDF_ENCRYPT_AES_256,
        user_pw="x",
        owner_pw="y",
    )
    refused = import_file(archive, path)
    assert refused.outcome == "refused" and "password" in refused.message
    with pdf_options(password="wrong"):
        assert "does not open it" in import_file(archive, path).message
    with pytest.raises(PasswordRequired):  # what a GUI catches to ask for the password
        from viewer.core.importers.pdf import import_pdf

        data = path.read_bytes()
        import_pdf(archive, path, data, "0" * 64)
    with pdf_options(password="x"):
        result = import_file(archive, path)
    assert result.outcome == "imported", result.message
    assert archive.search("Politburo").total == 1
    stored = archive.scan_pages(result.document_id)[0]
    assert render_png(archive.file_bytes(stored.file_id), stored.mime, 0, dpi=20)  # no password needed
    assert archive.conn.execute("SELECT count(*) FROM imports WHERE outcome = 'refused'").fetchone()[0] == 2


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.pdf", b"", "empty"),
        ("garbage.pdf", b"this is not a PDF at all\n" * 20, "not a PDF"),
        (
            "zero.pdf",
            b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
            "no pages",
        ),
    ],
)
def test_bad_files_are_refused_with_a_reason(archive, tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    result = import_file(archive, path)
    assert result.outcome == "refused"
    assert reason in result.message
    assert archive.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert archive.conn.execute("SELECT count(*) FROM files").fetchone()[0] == 0


def test_truncated_file_is_repaired_or_refused_never_half_written(archive, tmp_path, bilingual):
    data = bilingual.read_bytes()
    outcomes = []
    for cut in (0.3, 0.6, 0.9, 0.99):
        path = tmp_path / f"cut{int(cut * 100)}.pdf"
        path.write_bytes(data[: int(len(data) * cut)])
        result = import_file(archive, path)
        outcomes.append(result.outcome)
        if result.outcome == "imported":
            assert "repaired" in result.message
            assert archive.record(result.document_id).has_scan
    assert set(outcomes) <= {"imported", "refused"}
    pages = archive.conn.execute("SELECT count(*) FROM pages").fetchone()[0]
    documents = archive.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert documents == outcomes.count("imported") and (pages > 0) == (documents > 0)


def test_absurd_page_size_is_reported(archive, tmp_path):
    doc = pymupdf.open()
    doc.new_page(width=595, height=842).insert_text((72, 72), "A normal page about Pyongyang")
    doc.new_page(width=14400, height=2)
    path = tmp_path / "odd.pdf"
    doc.save(path)
    doc.close()
    raw = path.read_bytes()
    assert b"/MediaBox[0 0 14400 2]" in raw
    path.write_bytes(raw.replace(b"/MediaBox[0 0 14400 2]", b"/MediaBox[0 0 9000000 2]"))
    result = import_file(archive, path)
    assert result.outcome == "imported"
    assert any("absurd size" in w for w in result.report["warnings"])
    assert archive.search("Pyongyang").total == 1


def test_folder_mixing_pdfs_and_text_with_progress_and_cancel(archive, tmp_path, samples):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a_note.txt").write_text("A plain note about Port Arthur\n\nMore words.", encoding="utf-8")
    make_pdf(folder / "b.pdf", [["Telegram about Port Arthur"]])
    (folder / "c.pdf").write_bytes(b"%PDF-1.4 broken")
    steps = list(run_import(archive, [folder]))
    assert [s.done for s in steps] == [0, 1, 2, 3] and steps[-1].total == 3
    outcomes = [s.result.outcome for s in steps[1:]]
    assert outcomes == ["imported", "imported", "refused"]
    assert archive.search("Arthur").total == 2
    other = tmp_path / "other.db"
    from viewer.core.store import Archive

    with Archive(other) as second:
        calls = iter([False, True])
        done = list(run_import(second, [folder], cancelled=lambda: next(calls, True)))
        assert len(done) == 2 and second.count() == 1


def test_sidecars_and_spreadsheet_give_metadata(archive, tmp_path, samples):
    folder = tmp_path / "box"
    folder.mkdir()
    make_pdf(folder / "t1.pdf", [["Scanned telegram number one, without a date line"]])
    make_pdf(folder / "t2.pdf", [["Scanned telegram number two"]])
    make_pdf(folder / "t3.pdf", [["Third telegram"]])
    seed = sorted(samples.glob("*.txt"))[0]
    (folder / "t3.txt").write_bytes(seed.read_bytes())
    (folder / "t2.json").write_text(json.dumps({"Title": "Telegram Two", "Date": "1950-06-25", "Box": "7"}))
    (folder / "inventory.csv").write_text(
        "File Name;Title;Date;Original Language;Folder\n"
        "t1.pdf;Telegram One from the spreadsheet;14 May 1950;Russian;F-12\n"
        "t2;Overridden by the JSON;1951;;\n",
        encoding="utf-8",
    )
    summary = import_all(archive, [folder])
    assert summary.count("refused") == 0, summary.results
    by_name = {r.path.name: r for r in summary.results}
    assert by_name["t3.txt"].outcome == "unchanged" and "metadata of t3.pdf" in by_name["t3.txt"].message
    one = archive.record(by_name["t1.pdf"].document_id)
    assert (one.title, one.date, one.original_language) == (
        "Telegram One from the spreadsheet",
        "1950-05-14",
        "Russian",
    )
    assert one.extra["Folder"] == "F-12" and not one.needs_review
    two = archive.record(by_name["t2.pdf"].document_id)
    assert (two.title, two.date, two.extra["Box"]) == ("Telegram Two", "1950-06-25", "7")
    three = archive.record(by_name["t3.pdf"].document_id)
    assert three.date == "1950-05-13" and "Roshchin" in three.title
    # the sidecar's typed texts win; the PDF's own words stay searchable through its pages
    assert {t.origin for t in three.texts} == {"import"}
    assert archive.search("Third").total == 1
    assert archive.count() == 3


def test_no_metadata_means_guesses_flagged_for_review(archive, tmp_path):
    path = make_pdf(tmp_path / "x.pdf", [["Memorandum of Conversation with Kim Il Sung\n\nPyongyang, 4 March 1951"]])
    record = archive.record(import_file(archive, path).document_id)
    assert record.title == "Memorandum of Conversation with Kim Il Sung"
    assert record.date == "1951-03-04"
    assert record.needs_review
    assert {"title guessed from the first page", "date guessed from the first page"} <= set(record.review_reasons)


def test_attach_scan_to_existing_document(seeded, tmp_path):
    from viewer.core.importers.images import attach_scan

    document_id = seeded.page(limit=1)[0].id
    pdf = make_pdf(tmp_path / "scan.pdf", [["Attached scan page mentioning Vladivostok"]] * 2)
    result = attach_scan(seeded, document_id, pdf)
    assert result.outcome == "updated", result.message
    png = tmp_path / "photo.png"
    pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 30), False).save(png)
    assert attach_scan(seeded, document_id, png, ocr=False).outcome == "updated"
    pages = seeded.page_rows(document_id)
    assert [p.position for p in pages] == [0, 1, 2]
    assert seeded.record(document_id).has_scan
    assert seeded.search("Vladivostok").total == 1
    fake = tmp_path / "fake.jpg"
    fake.write_bytes(b"GIF89a not really")
    refused = attach_scan(seeded, document_id, fake)
    assert refused.outcome == "refused" and "not an image" in refused.message
    assert len(seeded.page_rows(document_id)) == 3


def test_attach_multipage_tiff(seeded, tmp_path):
    from viewer.core.importers.images import attach_scan

    tiff = tmp_path / "scan.tiff"
    tiff.write_bytes(_multipage_tiff(3))
    document_id = seeded.page(limit=1)[0].id
    result = attach_scan(seeded, document_id, tiff, ocr=False)
    assert result.outcome == "updated", result.message
    pages = seeded.page_rows(document_id)
    assert len(pages) == 3 and all(p.needs_ocr for p in pages)
    stored = seeded.scan_pages(document_id)[2]
    assert stored.mime == "image/tiff"
    assert render_png(seeded.file_bytes(stored.file_id), stored.mime, 2, dpi=30)


def _multipage_tiff(count: int) -> bytes:
    """A multi-page TIFF by hand (PyMuPDF writes single-page TIFFs only): 8-bit gray strips."""
    import struct

    width, height = 16, 8
    header = b"II*\x00" + struct.pack("<I", 8)
    out = bytearray(header)
    for index in range(count):
        ifd_offset = len(out)
        entries = 8
        pixels_offset = ifd_offset + 2 + entries * 12 + 4
        next_ifd = pixels_offset + width * height if index < count - 1 else 0
        tags = [
            (256, 3, 1, width),
            (257, 3, 1, height),
            (258, 3, 1, 8),
            (259, 3, 1, 1),
            (262, 3, 1, 1),
            (273, 4, 1, pixels_offset),
            (278, 3, 1, height),
            (279, 4, 1, width * height),
        ]
        out += struct.pack("<H", entries)
        for tag, kind, number, value in tags:
            out += struct.pack("<HHII", tag, kind, number, value)
        out += struct.pack("<I", next_ifd)
        out += bytes([(40 * index + x) % 256 for x in range(width * height)])
    return bytes(out)


def test_command_line_import_with_password_and_attach(tmp_path):
    from click.testing import CliRunner

    from viewer.cli import main

    db = tmp_path / "cli.db"
    folder = tmp_path / "in"
    folder.mkdir()
    make_pdf(
        folder / "locked.pdf",
        [["Minutes about Inchon"]],
        encryption=pymupdf.PDF_ENCRYPT_AES_256,
        user_pw="x",
        owner_pw="y",
    )
    runner = CliRunner()
    refused = runner.invoke(main, ["--db", str(db), "import", "-q", str(folder)])
    assert refused.exit_code == 1 and "password" in refused.output
    done = runner.invoke(main, ["--db", str(db), "import", "-q", "--password", "x", "--no-ocr", str(folder)])
    assert done.exit_code == 0 and "1 imported" in done.output, done.output
    scan = make_pdf(tmp_path / "extra.pdf", [["Second scan about Wonsan"]])
    attached = runner.invoke(main, ["--db", str(db), "attach", "locked", str(scan)])
    assert attached.exit_code == 0 and "updated" in attached.output, attached.output
    found = runner.invoke(main, ["--db", str(db), "search", "Wonsan"])
    assert "1 document match" in found.output
    bad = runner.invoke(main, ["--db", str(db), "attach", "locked", str(db)])
    assert bad.exit_code == 1 and "not an image or a PDF" in bad.output
    from viewer.core.importers.pdf import current_options

    assert current_options().password is None and current_options().ocr  # the command's options do not leak
