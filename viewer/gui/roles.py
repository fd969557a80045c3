"""The item-data roles of every model in the GUI, declared once and distinct.

A view asks a model for ``index.data(ROLE)``; two roles with the same number would answer one
question with the other's value, so they live here, one number each, above ``Qt.UserRole``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's record id: a document (lists, tiles) or an annotation
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the document's key, e.g. "1950-06-25-telegram"
DATE_ROLE = Qt.ItemDataRole.UserRole + 3  # the date as a tile shows it (the kiosk)
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 4  # a search hit's snippet: (plain text, [(start, end) of each hit])

ROLES = {"id": ID_ROLE, "key": KEY_ROLE, "date": DATE_ROLE, "snippet": SNIPPET_ROLE}
