"""Helpers for the GUI tests: finding seeds, reading the list, making and attaching a scan, showing a widget."""

from __future__ import annotations

from viewer.gui.roles import KEY_ROLE


def seed_id(archive, prefix: str) -> int:
    found = archive.resolve_id(prefix)
    assert found is not None, prefix
    return found


def listed_keys(main) -> list[str]:
    model = main.model
    return sorted(model.index(row, 0).data(KEY_ROLE)[:3] for row in range(model.rowCount()))


def attach_scan(archive, document_id: int, pdf: bytes, pages: int) -> None:
    """Store bytes as the document's scan through the store, as the importers do, without reading
    them (so a test can also attach a file that is not really a PDF)."""
    import hashlib

    with archive.transaction():
        file_id = archive.store_file(hashlib.sha256(pdf).hexdigest(), "scan.pdf", "application/pdf", pdf)
        archive.save_pages(document_id, file_id, [{"file_page": n, "width": 595, "height": 842} for n in range(pages)])


def saved(qtbot, main, timeout: int = 10000) -> None:
    """Wait until the window's annotation writes (which run on the write thread) are done."""
    qtbot.waitUntil(lambda: not main.annotating.writes.busy(), timeout=timeout)


def shown(qtbot, widget, size: tuple[int, int] | None = None):
    """Show ``widget`` as a user would see it (owned by qtbot, resized to ``size``, exposed) and hand it back."""
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
