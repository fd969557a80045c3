"""A filter's drop-down box whose popup is as wide as its longest entry ("Mao Zedong (5)"), however
narrow the box.

The filter bar refills its boxes at every change of the filters, and the person box can hold
thousands of names: measuring every entry at each refill cost more than the refill. The entries are
measured when the popup opens, once for each change of them (or of the font)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox


class FacetCombo(QComboBox):
    """A combo box that sizes its popup to its entries when it opens, measuring them once per change."""

    _measured = False  # class defaults: a font change may arrive while Qt builds the box
    _listening = False

    def _listen(self, on: bool) -> None:
        """Hear of the entries' changes only while they are measured: once they change, the next
        popup measures them, so the thousands of rows of a refill do not each call back."""
        if on == self._listening:
            return
        model = self.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged, model.layoutChanged):
            if on:
                signal.connect(self._entries_changed)
            else:
                signal.disconnect(self._entries_changed)
        self._listening = on

    def _entries_changed(self, *_args: object) -> None:
        self._measured = False
        self._listen(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._entries_changed()
        super().changeEvent(event)

    def showPopup(self) -> None:
        if not self._measured:
            metrics = self.fontMetrics()
            widest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
            self.view().setMinimumWidth(widest + self.iconSize().width() + 48)
            self._measured = True
            self._listen(True)
        super().showPopup()
