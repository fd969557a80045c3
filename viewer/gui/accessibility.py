"""Accessibility: names for controls, a visible focus everywhere, a focus chain without dead stops,
and an audit the tests use.

A screen reader reads a control by its accessible name. Qt derives one from a button's text or a
form label's buddy; what has no visible words (an icon button, an edit with only a placeholder, a
painted canvas) needs ``name``. ``unnamed`` lists the controls a screen reader would read as
nothing, so a new control without a name is caught where it is added.

Fusion (and the offscreen platform) marks keyboard focus on buttons, edits, combos and tabs, but not
on lists, tables and text views, where the caret or the current row is all there is. ``FocusTracker``
draws a frame in the highlight colour on those while they have the focus, and passes the focus on
from a stop nobody can see (Qt parks an unused dock tab bar outside the window, still visible to the
focus chain).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QAccessible, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSlider,
    QApplication,
    QComboBox,
    QDockWidget,
    QScrollBar,
    QTabBar,
    QWidget,
)


def read_name(widget: QWidget) -> str:
    """The name assistive technology reads for ``widget``: its own, its text, or its label's."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else widget.accessibleName()


def takes_tab_focus(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def interactive(widget: QWidget) -> bool:
    """A control a person reaches and works: it takes the focus, or is a button, slider or dock.
    An editable combo's line edit is the combo's own part: the combo holds the focus and the name."""
    if isinstance(widget, QScrollBar) or not widget.isVisible():
        return False
    parent = widget.parentWidget()
    if isinstance(parent, QComboBox) and parent.lineEdit() is widget:
        return False
    return isinstance(widget, (QAbstractButton, QAbstractSlider, QDockWidget)) or takes_tab_focus(widget)


def unnamed(root: QWidget) -> list[str]:
    """Visible controls under ``root`` (and ``root``) a screen reader would read without a name, and
    tabs without a title, as "Class:objectName" for a test's message."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not interactive(widget) or (isinstance(widget, QTabBar) and widget.count() == 0):
            continue  # an empty tab bar (Qt parks one for docks never tabbed) has nothing to read
        if not read_name(widget):
            found.append(f"{type(widget).__name__}:{widget.objectName()}")
        if isinstance(widget, QTabBar):
            found += [f"tab {i} of {widget.objectName()}" for i in range(widget.count()) if not widget.tabText(i)]
    return found


def seen(widget: QWidget) -> bool:
    """Whether a person can see ``widget`` at all: some of it inside its window, and a tab bar with tabs."""
    if isinstance(widget, QTabBar) and widget.count() == 0:
        return False
    window = widget.window()
    if window is widget:
        return True
    place = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    return place.intersects(window.rect())


def focus_stops(region: QWidget) -> list[QWidget]:
    """``region`` and the widgets inside it that Tab stops at (shown or not), in the focus chain's order."""
    stops = [region] if takes_tab_focus(region) else []
    widget = region.nextInFocusChain()
    while widget is not region and widget is not None:
        if region.isAncestorOf(widget) and takes_tab_focus(widget) and widget not in stops:
            stops.append(widget)
        widget = widget.nextInFocusChain()
        if len(stops) > 10000:  # a chain that never comes back: never here, but never forever either
            break
    return stops


def order(regions: Sequence[QWidget]) -> None:
    """Tab goes through ``regions`` one after another, each region's stops in their own order."""
    stops = [stop for region in regions for stop in focus_stops(region)]
    for before, after in itertools.pairwise(stops):
        QWidget.setTabOrder(before, after)


def ringed(widget: QWidget) -> bool:
    """Widgets the style leaves without a visible focus: lists, tables, trees, text views, scroll
    areas (not a combo's popup list)."""
    return isinstance(widget, QAbstractScrollArea) and widget.window().windowType() != Qt.WindowType.Popup


def paint_focus(painter: QPainter, widget: QWidget, rect: QRect | QRectF) -> None:
    """The focus frame as our own widgets draw it: two pixels of the highlight colour."""
    painter.save()
    painter.setPen(QPen(widget.palette().color(QPalette.ColorRole.Highlight), 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(rect).adjusted(1, 1, -1, -1))
    painter.restore()


class FocusRing(QWidget):
    """The frame drawn over the focused widget: a child on top of it that lets every mouse event through."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("focus_ring")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        paint_focus(painter, self.parentWidget() or self, self.rect())
        painter.end()


class FocusTracker(QObject):
    """Follows the application's focus: frames the focused list or text view (``FocusRing``) and
    moves the focus on from a stop nobody can see, in the direction Tab or Shift+Tab was going."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.ring: FocusRing | None = None
        self.target: QWidget | None = None
        app.focusChanged.connect(self._moved)

    def _moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and not seen(new) and self._pass_on(new):
            return
        self._frame(new if new is not None and ringed(new) else None)

    def _pass_on(self, stuck: QWidget) -> bool:
        back = bool(QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)
        candidate = stuck.previousInFocusChain() if back else stuck.nextInFocusChain()
        for _ in range(10000):
            if candidate is None or candidate is stuck:
                return False
            if (
                candidate.window() is stuck.window()
                and takes_tab_focus(candidate)
                and candidate.isVisible()
                and candidate.isEnabled()
                and seen(candidate)
            ):
                candidate.setFocus(Qt.FocusReason.BacktabFocusReason if back else Qt.FocusReason.TabFocusReason)
                return True
            candidate = candidate.previousInFocusChain() if back else candidate.nextInFocusChain()
        return False

    def _frame(self, target: QWidget | None) -> None:
        if self.target is not None and shiboken6.isValid(self.target):
            self.target.removeEventFilter(self)
        ring = self.ring if self.ring is not None and shiboken6.isValid(self.ring) else None
        self.target = target
        if target is None:
            if ring is not None:
                ring.hide()
            return
        if ring is None:
            ring = self.ring = FocusRing(target)
        elif ring.parentWidget() is not target:
            ring.setParent(target)
        ring.setGeometry(target.rect())
        ring.show()
        ring.raise_()
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.target and event.type() == QEvent.Type.Resize and self.ring is not None:
            self.ring.setGeometry(self.target.rect())
        return False


def install(app: QApplication) -> FocusTracker:
    """One tracker for the application (made once, found again on later calls)."""
    found = app.findChild(FocusTracker)
    return found if isinstance(found, FocusTracker) else FocusTracker(app)
