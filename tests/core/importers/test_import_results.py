"""What an import says of each file, as values a window can act on without reading the message."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from viewer.core.importers.batch import import_all
from viewer.core.importers.pdf import pdf_options


def _locked_pdf(path: Path, password: str) -> Path:
    document = pymupdf.open()
    document.new_page().insert_text((72, 100), "Minutes about Kaesong", fontsize=20)
    document.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=password, owner_pw=password + "!")
    document.close()
    return path


def test_an_encrypted_pdf_is_refused_as_needing_a_password(archive, tmp_path):
    locked = _locked_pdf(tmp_path / "locked.pdf", "kaesong")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7 not really")
    first = {r.path.name: r for r in import_all(archive, [locked, broken]).results}
    assert first["locked.pdf"].outcome == "refused" and first["locked.pdf"].needs_password
    assert first["broken.pdf"].outcome == "refused" and not first["broken.pdf"].needs_password
    with pdf_options(password="wrong"):
        (wrong,) = import_all(archive, [locked]).results
    assert wrong.outcome == "refused" and wrong.needs_password  # asked again, not refused for good
    with pdf_options(password="kaesong"):
        (opened,) = import_all(archive, [locked]).results
    assert opened.outcome == "imported" and not opened.needs_password
