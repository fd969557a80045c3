"""resources/kiosk.example.toml works on the bundled archive as it ships, and a kiosk that cannot
start its lesson says why on the screen (for the staff), not only in its log."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from viewer.core.kiosk_config import load
from viewer.gui.kiosk.window import KioskWindow

from ...conftest import ROOT

EXAMPLE = ROOT / "resources" / "kiosk.example.toml"


@pytest.fixture
def make_kiosk(open_kiosk, tmp_path):
    """The example's settings in a window of 1280×800, on a copy of the shipped archive.db."""
    shipped = tmp_path / "archive.db"
    shutil.copy(ROOT / "archive.db", shipped)

    def make(**options) -> KioskWindow:
        return open_kiosk(shipped, replace(load(EXAMPLE), fullscreen=False, **options), lambda: 1000.0)

    return make


def test_the_example_shows_its_exhibit_on_the_bundled_archive(make_kiosk, screenshots):
    kiosk = make_kiosk()
    assert load(EXAMPLE).collection == "korea-1950"
    assert not kiosk.is_out_of_order()
    assert kiosk.start.title.text() == "Moscow, Beijing and Pyongyang, 1950"
    assert len(kiosk.exhibit_ids) == 5
    grab_kiosk = kiosk.grab()
    assert grab_kiosk.width() == 1280
    grab_kiosk.save(str(screenshots / "kiosk-example-1280x800.png"))


def test_a_kiosk_that_cannot_start_its_lesson_says_why_on_screen(make_kiosk, tmp_path, screenshots):
    kiosk = make_kiosk(collection="korea-1951", retry_after=30)
    assert kiosk.is_out_of_order()
    reason = kiosk.out_of_order.reason
    assert reason.isVisible()
    text = reason.text()
    assert "no collection “korea-1951”" in text and "kiosk.toml" in text
    assert "this archive has “korea-1950”" in text  # what the staff can put in kiosk.toml instead
    assert "tries again every 30 seconds" in text
    assert "no collection “korea-1951”" in (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    kiosk.grab().save(str(screenshots / "kiosk-out-of-order-1280x800.png"))
