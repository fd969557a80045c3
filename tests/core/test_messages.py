"""The core's sentences as templates (viewer/core/messages.py): what the importers really write (refused
files, review reasons, notes) is each read back as a template with its parameters, so the window can
say it in its own language; and the English stays what the command line has always printed."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from viewer.core.importers.batch import run_import
from viewer.core.messages import TEMPLATES, Message, parse, say
from viewer.core.store import Archive


def params_of(template: str) -> list[str]:
    return [name for _text, name, _spec, _conv in string.Formatter().parse(template) if name]


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_each_template_is_read_back_as_itself(code):
    """Made with any values, the English is read as the same template with the same values: no two
    templates can be mistaken for each other."""
    values = {name: f"v{number}" for number, name in enumerate(params_of(TEMPLATES[code]))}
    text = say(code, **values)
    assert parse(text) == Message(code, values)
    assert str(Message(code, values)) == text


def test_a_text_of_no_template_is_not_read():
    assert parse("a reason typed by a person") is None
    assert parse("") is None


def test_the_most_literal_template_wins():
    assert parse("Delete 3 documents") == Message("delete_many", {"count": "3"})
    assert parse("Delete 004-cable") == Message("delete", {"key": "004-cable"})
    reason = "needs OCR: 2 of 3 pages have no text layer (OCR was not asked for)"
    assert parse(reason) == Message("needs_ocr_why", {"pending": "2", "total": "3", "why": "OCR was not asked for"})


def _blank_pdf(path: Path) -> None:
    import pymupdf

    doc = pymupdf.open()
    doc.new_page()
    doc.save(str(path))
    doc.close()


def test_what_an_import_writes_is_read_as_templates(tmp_path):
    """Refused files, review reasons and notes of a real import, each read as a known template."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 200)
    (folder / "fake.pdf").write_text("not a pdf at all")
    (folder / "notes.txt").write_text("Notes from a meeting\n\nSome words about the harvest, no day written.\n")
    (folder / "old.txt").write_bytes("Письмо\n\nТекст письма о встрече в Москве, без даты.\n".encode("cp1251"))
    _blank_pdf(folder / "blank.pdf")
    (folder / "sub").mkdir()
    with Archive(tmp_path / "a.db", create=True) as archive:
        results = [step.result for step in run_import(archive, [folder, tmp_path / "gone.txt"]) if step.result]
        refused = {r.path.name: r.message for r in results if r.outcome == "refused"}
        assert {"empty.txt", "binary.txt", "fake.pdf", "gone.txt"} <= refused.keys()
        for name, reason in refused.items():
            assert parse(reason) is not None, (name, reason)
        assert parse(refused["empty.txt"]) == Message("empty_file")
        reasons = [reason for entry in archive.review_queue() for reason in entry.reasons]
        assert reasons
        for reason in reasons:
            assert parse(reason) is not None, reason
        codes = {parse(reason).code for reason in reasons}  # type: ignore[union-attr]
        assert {"no_labels", "no_date"} <= codes
        assert codes & {"needs_ocr", "needs_ocr_why", "no_text_on_pages"}


def test_archive_errors_are_read_as_templates(tmp_path):
    from viewer.core.errors import ArchiveError

    (tmp_path / "empty.db").write_bytes(b"")
    (tmp_path / "folder.db").mkdir()
    (tmp_path / "other.db").write_bytes(b"just some bytes that are not SQLite" * 10)
    for name in ("gone.db", "empty.db", "folder.db", "other.db"):
        with pytest.raises(ArchiveError) as caught:
            Archive(tmp_path / name, create=False)
        assert parse(str(caught.value)) is not None, str(caught.value)


def test_kiosk_configuration_errors_are_read_as_templates(tmp_path):
    from viewer.core.kiosk_config import KioskConfigError, load

    (tmp_path / "broken.toml").write_text("[display\n")
    (tmp_path / "section.toml").write_text("[nonsense]\nx = 1\n")
    (tmp_path / "option.toml").write_text("[display]\nnonsense = 1\n")
    found = []
    for name in ("gone.toml", "broken.toml", "section.toml", "option.toml"):
        with pytest.raises(KioskConfigError) as caught:
            load(tmp_path / name)
        found.append(parse(str(caught.value)))
    assert [message.code if message else None for message in found] == [
        "kiosk_config_missing",
        "kiosk_config_toml",
        "kiosk_config_section",
        "kiosk_config_option",
    ]
