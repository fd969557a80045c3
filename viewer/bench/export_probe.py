"""The export figure of the benchmark: a 20-page document with 50 highlights, exported annotated."""

from __future__ import annotations

from pathlib import Path

from ..core.annotations import Create, new_highlight
from ..core.exporters import export_pdf
from ..core.importers.batch import import_all
from ..core.store import Archive
from .measure import elapsed_s
from .synthetic import EN_WORDS, PEOPLE, RU_WORDS, _paragraphs


def _long_document(folder: Path) -> Path:
    import random

    rng = random.Random(20)
    english = _paragraphs(rng, EN_WORDS, [p[0] for p in PEOPLE], 23 * 3000)
    russian = _paragraphs(rng, RU_WORDS, [p[1] for p in PEOPLE], 3000)
    path = folder / "long-telegram.md"
    path.write_text(
        "**May 16, 1950**\n\n**Telegram, Filippov [Stalin] to Mao Zedong, a long record**\n\n"
        "**Summary:**\n\nA long synthetic record for the export benchmark.\n\n"
        "**Original Language:**\n\nRussian\n\n**Contents:**\n\n- Transcript - Russian\n- English Translation\n\n"
        f"{russian}\n\n{english}\n",
        "utf-8",
    )
    return path


def export_seconds(work: Path) -> float:
    """Seconds to export the document (annotations made beforehand, not timed)."""
    folder = work / "export"
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "export.db"
    if not db.exists():
        with Archive(db) as archive:
            import_all(archive, [_long_document(folder)])
            document_id = archive.resolve_id("long-telegram")
            assert document_id is not None
            body = archive.texts(document_id)[-1].body
            step = len(body) // 50
            for number in range(50):
                start = number * step
                end = body.find(" ", body.find(" ", start + 20) + 1)
                annotation = new_highlight(
                    archive, document_id, "translation", start, end, note=f"note {number}", author="bench"
                )
                Create(annotation).redo(archive)
    with Archive(db, readonly=True) as archive:
        document_id = archive.resolve_id("long-telegram")
        assert document_id is not None
        out = folder / "export.pdf"
        return elapsed_s(lambda: [None for _ in export_pdf(archive, [document_id], out)])
