"""What importing one file comes to: ``FileResult``, shared by the batch runner and the importers it
dispatches to (PDF, images), so those need not import the runner that imports them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class FileResult:
    path: Path
    outcome: str  # imported, updated, unchanged, refused
    document_id: int | None = None
    message: str = ""
    report: dict[str, object] = field(default_factory=dict)
    needs_password: bool = False  # refused as an encrypted PDF the password given (if any) does not open
