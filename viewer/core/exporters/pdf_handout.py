"""``export_pdf``: the annotated handout, written beside the target and renamed at the end."""

from __future__ import annotations

import errno
import os
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..messages import say
from .builder import Builder
from .options import LAYOUTS, ExportOptions, ExportProgress
from .sections import export_document

if TYPE_CHECKING:
    from ..store import Archive

DEDUP_UP_TO = 4000  # PDF objects; beyond this the save does not merge duplicates (its cost is their square)


def export_pdf(
    archive: Archive, document_ids: Sequence[int], out: str | Path, options: ExportOptions | None = None
) -> Generator[ExportProgress, None, None]:
    """Write one PDF with a section per document; yields progress, the last step carries the path."""
    options = options or ExportOptions()
    if options.layout not in LAYOUTS:
        raise ValueError(f"unknown layout {options.layout!r}; choose one of {', '.join(LAYOUTS)}")
    out = Path(out)
    total = len(document_ids) + 1
    builder = Builder(options)
    titles = []
    try:
        for done, document_id in enumerate(document_ids):
            record = archive.record(document_id)  # read once: the section is set from it too
            title = (record.title or record.key) if record else str(document_id)
            titles.append((title, record.key if record else str(document_id)))
            yield ExportProgress(done, total, say("setting", title=title[:60]))
            if record is not None:
                export_document(builder, archive, record)
        yield ExportProgress(total - 1, total, say("writing_pdf"))
        if builder.pdf.page_count == 0:
            raise ValueError("nothing to export: no such documents")
        builder.write_footers()
        builder.pdf.set_toc(builder.toc)
        from ... import APP_NAME, __version__

        title = options.title or (titles[0][0] if len(titles) == 1 else f"{len(titles)} documents")
        builder.pdf.set_metadata(
            {
                "title": title,
                "author": options.author or "",
                "subject": "Annotated documents exported from " + APP_NAME,
                "keywords": ", ".join(key for _, key in titles),
                "creator": f"{APP_NAME} {__version__}",
                "producer": f"{APP_NAME} {__version__} (PyMuPDF)",
            }
        )
        builder.pdf.subset_fonts()
        partial = out.with_name(out.name + ".part")
        try:
            # merging duplicate objects (garbage=3) compares them pairwise: worth it for a handout of
            # ordinary size (scans' shared resources), not for one of tens of thousands of objects
            garbage = 3 if builder.pdf.xref_length() <= DEDUP_UP_TO else 2
            builder.pdf.save(partial, garbage=garbage, deflate=True)
        except BaseException as error:
            partial.unlink(missing_ok=True)
            if isinstance(error, OSError) or not isinstance(error, Exception):
                raise
            # MuPDF says why in its own words ("cannot fwrite: No space left on device")
            full = "No space" in str(error)
            raise OSError(errno.ENOSPC if full else errno.EIO, _why(error), str(out)) from None
        builder.summary.pages = builder.pdf.page_count
    finally:
        builder.pdf.close()
    os.replace(partial, out)
    summary = builder.summary
    yield ExportProgress(total, total, say("pdf_written", pages=summary.pages, annotations=summary.annotations), out)


def _why(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text.split(": ", 1)[-1][:160] if text.startswith("code=") else text[:160]


def export_to(
    archive: Archive, document_ids: Sequence[int], out: str | Path, options: ExportOptions | None = None
) -> Path:
    """Run an export to the end (tests, scripts)."""
    steps = list(export_pdf(archive, document_ids, out, options))
    assert steps[-1].path is not None
    return steps[-1].path
