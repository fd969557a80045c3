"""Text files (.txt, .md): the saved pages of an online archive, or plain notes without labels."""

from __future__ import annotations

from pathlib import Path

from ..gazetteer import Gazetteer
from ..messages import say
from ..records import ParsedDocument
from .decode import MARKED, decode
from .page import parse_page


def parse_text_file(data: bytes, path: Path, gazetteer: Gazetteer | None = None) -> ParsedDocument:
    """Decode and parse one file; raises ImportRefused for files that are not text."""
    text, encoding = decode(data, str(path))
    parsed = parse_page(text, path.stem, gazetteer)
    parsed.report.recognised["encoding"] = encoding
    if MARKED in encoding:  # bytes that are not text in any encoding it reads naturally in
        parsed.review_reasons.append(say("encoding", encoding=encoding))
    return parsed
