"""Attaching a scan from the window, and importing an encrypted PDF with its password."""

from __future__ import annotations

import pymupdf

from .helpers import seed_id


def _pdf(path, text: str, password: str | None = None) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), text, fontsize=20)
    if password:
        doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=password, owner_pw=password + "!")
    else:
        doc.save(path)
    doc.close()


def test_attach_a_scan_to_the_open_document(qtbot, window, tmp_path):
    document_id = seed_id(window.archive, "003")
    window.open_document(document_id)
    assert window.registry["attach_scan"].isEnabled()
    scan = tmp_path / "ignatiev-original.pdf"
    _pdf(scan, "IGNATIEV original telegram page")
    with qtbot.waitSignal(window.imports.scan_attached, timeout=30000) as signal:
        window.imports.attach(document_id, scan)
    assert signal.args == [document_id]
    assert [row.file_page for row in window.archive.scan_pages(document_id)] == [0]
    assert window.panel.current_tab() == "scan"
    assert window.archive.record(document_id).has_scan


def test_an_encrypted_pdf_imports_with_its_password(qtbot, window, tmp_path):
    locked = tmp_path / "locked.pdf"
    _pdf(locked, "Minutes about Kaesong", password="kaesong")
    asked: list[str] = []
    window.imports.password_prompt = lambda message: asked.append(message) or "kaesong"  # the person types it
    results = []
    window.imports.import_finished.connect(results.append)
    window.imports.start_import([str(locked)])
    qtbot.waitUntil(lambda: len(results) == 2, timeout=60000)
    first, second = results
    assert (first[0], first[2]) == (0, 1)  # refused for want of a password...
    assert asked == ["locked.pdf is encrypted."]
    assert (second[0], second[2]) == (1, 0)  # ...then imported with it
    assert window.archive.search("Kaesong").total == 1


def test_a_wrong_password_is_refused_and_asked_again_no_more(qtbot, window, tmp_path):
    locked = tmp_path / "locked.pdf"
    _pdf(locked, "Minutes about Kaesong", password="kaesong")
    answers = iter(["wrong", None])
    window.imports.password_prompt = lambda message: next(answers)
    results = []
    window.imports.import_finished.connect(results.append)
    window.imports.start_import([str(locked)])
    qtbot.waitUntil(lambda: len(results) == 2, timeout=60000)
    assert results[1][2] == 1 and "does not open it" in results[1][3][0]
    assert window.archive.search("Kaesong").total == 0
