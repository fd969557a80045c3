"""Help ▸ About: the version and the archive's counts, in the interface's language."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import APP_NAME, __version__
from ..core.store import Archive


def stat_names() -> dict[str, str]:
    """The archive's counts (Archive.stats keys) as the About box names them."""
    return {
        "documents": QCoreApplication.translate("About", "Documents"),
        "texts": QCoreApplication.translate("About", "Texts"),
        "people": QCoreApplication.translate("About", "People"),
        "places": QCoreApplication.translate("About", "Places"),
        "pages": QCoreApplication.translate("About", "Pages"),
        "annotations": QCoreApplication.translate("About", "Annotations"),
        "needs_review": QCoreApplication.translate("About", "Needs review"),
    }


def show_about(parent: QWidget, archive: Archive) -> None:
    names = stat_names()
    lines = "".join(
        f"<tr><td>{html.escape(names.get(k, k.replace('_', ' ').capitalize()))}</td><td align='right'>{v:,}</td></tr>"
        for k, v in archive.stats().items()
    )
    path = html.escape(str(archive.path))
    QMessageBox.about(
        parent,
        QCoreApplication.translate("About", "About {name}").format(name=APP_NAME),
        f"<h3>{APP_NAME} {__version__}</h3><p>"
        + html.escape(QCoreApplication.translate("About", "Read, search and annotate historical documents, offline."))
        + "</p><p>"
        + QCoreApplication.translate("About", "Archive: {path}").format(path=path)
        + f"</p><table>{lines}</table>",
    )
