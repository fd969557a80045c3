"""Render the application icon's PNG sizes from its one SVG source.

    python packaging/render_icons.py

Writes ``resources/icons/hicolor/<n>x<n>/apps/org.archiveviewer.ArchiveViewer.png`` for the sizes
desktops ask for (the freedesktop icon theme layout, so an installer can copy the tree as it is)
and ``resources/icons/archive-viewer.png`` (256 px, the window icon). PyMuPDF renders SVG, so no
extra dependency is needed (Qt's SVG module is not in PySide6-Essentials).
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "archive-viewer.svg"
APP_ID = "org.archiveviewer.ArchiveViewer"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(size: int, out: Path) -> None:
    """One square PNG of ``size`` pixels with a transparent background."""
    with pymupdf.open(SOURCE) as svg:
        page = svg[0]
        zoom = size / page.rect.width
        pixmap = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    pixmap.save(out)


def main() -> None:
    for size in SIZES:
        render(size, ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png")
    render(256, ICONS / "archive-viewer.png")
    print(f"rendered {len(SIZES) + 1} PNGs into {ICONS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
