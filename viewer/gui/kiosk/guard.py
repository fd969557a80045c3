"""The kiosk's application-wide event filter: input resets the idle clock, nothing leaves the app.

One filter on the QApplication sees every event before any widget does, so a shortcut added later
to some widget, a context menu or Ctrl+Q cannot slip through. The kiosk needs no key with Ctrl, Alt
or Meta, so every such key is swallowed, except the administrator's exit chord, which is reported.
The window manager's own keys (Alt+Tab, Alt+F4) are outside Qt's reach; Alt+F4 arrives as a close
request, which the kiosk window refuses unless unlocked.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence

from .idle import IdleWatcher

INPUT = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.TabletPress,
    QEvent.Type.Gesture,
    QEvent.Type.NativeGesture,
}
WAKING = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
    QEvent.Type.TabletPress,
}
MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
    | Qt.KeyboardModifier.ShiftModifier
)
COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)
BLOCKED_KEYS = {
    Qt.Key.Key_Menu,
    Qt.Key.Key_Close,
    Qt.Key.Key_Exit,
    Qt.Key.Key_Back,
    Qt.Key.Key_Forward,
    Qt.Key.Key_HomePage,
    Qt.Key.Key_Launch0,
    Qt.Key.Key_Launch1,
    Qt.Key.Key_LaunchMail,
    Qt.Key.Key_Explorer,
    Qt.Key.Key_Search,
    Qt.Key.Key_Print,
    Qt.Key.Key_SysReq,
    Qt.Key.Key_Help,
    Qt.Key.Key_Super_L,
    Qt.Key.Key_Super_R,
    Qt.Key.Key_Meta,
}
F_KEYS = range(Qt.Key.Key_F1.value, Qt.Key.Key_F35.value + 1)
# The clipboard's keys as the platform binds them: Ctrl+V is a command key anyway, but X11 and
# Windows also paste with Shift+Insert and cut with Shift+Delete, which have no command modifier.
CLIPBOARD_KEYS = (QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut)
MOUSE_BUTTONS = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick}


def chord_of(text: str) -> QKeyCombination | None:
    """The first key of a sequence such as "Ctrl+Alt+Shift+Q" (None when Qt cannot read it)."""
    sequence = QKeySequence(text)
    if sequence.isEmpty():
        return None
    first: QKeyCombination = sequence[0]  # type: ignore[index]  # PySide6's stubs lack QKeySequence.__getitem__
    return None if first.key() == Qt.Key.Key_unknown else first


def _combination(event: QKeyEvent) -> QKeyCombination:
    modifiers = event.modifiers() & MODIFIERS
    return QKeyCombination(Qt.KeyboardModifier(modifiers.value), Qt.Key(event.key()))


class KioskGuard(QObject):
    """Signals: exit_chord_pressed() when the administrator's chord is typed; blocked(str) names
    each key or menu swallowed (for the log and the tests)."""

    exit_chord_pressed = Signal()
    blocked = Signal(str)

    def __init__(self, idle: IdleWatcher, exit_chord: QKeyCombination | None, parent: QObject | None = None):
        super().__init__(parent)
        self.idle = idle
        self.exit_chord = exit_chord
        self.swallowed = 0

    def _forbidden(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in BLOCKED_KEYS or key in F_KEYS or any(event.matches(k) for k in CLIPBOARD_KEYS):
            return True
        return bool(event.modifiers() & COMMAND_MODIFIERS) and key not in (
            Qt.Key.Key_Control,
            Qt.Key.Key_Alt,
            Qt.Key.Key_Shift,
            Qt.Key.Key_AltGr,
        )

    def _is_chord(self, event: QKeyEvent) -> bool:
        return self.exit_chord is not None and _combination(event) == self.exit_chord

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT:
            woke = self.idle.activity()
            if woke and kind in WAKING:
                self.swallowed += 1
                return True
        if kind == QEvent.Type.ContextMenu:
            self.blocked.emit("context menu")
            return True
        if kind in MOUSE_BUTTONS and event.button() == Qt.MouseButton.MiddleButton:  # type: ignore[attr-defined]
            self.blocked.emit("middle button")  # X11 pastes the selection with it
            return True
        if kind == QEvent.Type.ShortcutOverride:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if self._is_chord(key_event) or self._forbidden(key_event):
                event.accept()  # taken here: no QShortcut or QAction can fire on it
                return True
        elif kind == QEvent.Type.KeyPress:
            key_event = event  # type: ignore[assignment]
            if self._is_chord(key_event):
                if not key_event.isAutoRepeat():
                    self.exit_chord_pressed.emit()
                return True
            if self._forbidden(key_event):
                self.blocked.emit(QKeySequence(_combination(key_event)).toString())
                return True
        elif kind == QEvent.Type.KeyRelease and self._forbidden(event):  # type: ignore[arg-type]
            return True
        return False
