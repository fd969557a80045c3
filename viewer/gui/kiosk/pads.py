"""Big-button pads for the kiosk: the administrator's PIN pad, the on-screen keyboard, and the calm
"out of order" page. Buttons never take the keyboard focus, so the search field keeps it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.kiosk_pin import PinAttempts
from ..messages import shown
from .idle import Clock

MIN_TARGET = 64  # px; well above the 44 px minimum for a finger

LAYOUT_ROWS = {
    "latin": ("1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"),
    "cyrillic": ("1234567890", "ЙЦУКЕНГШЩЗХ", "ФЫВАПРОЛДЖЭ", "ЯЧСМИТЬБЮ"),
}
LAYOUT_NAMES = {"latin": "ABC", "cyrillic": "АБВ"}


def big_button(text: str, parent: QWidget, name: str, slot: Callable[[], object] | None = None) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setMinimumSize(MIN_TARGET, MIN_TARGET)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if slot is not None:
        button.clicked.connect(lambda _=False: slot())
    return button


def plain_label(text: str, parent: QWidget, name: str, wrap: bool = True) -> QLabel:
    """A label for reading, not selecting: kiosk text is looked at, never copied."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # titles and exhibits come from the archive: text, not markup
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class PinPad(QWidget):
    """An overlay over the whole kiosk asking for the administrator's PIN.

    Signals: unlocked() after the right PIN; cancelled(). Wrong PINs are counted: after
    ``max_attempts`` the pad refuses input for ``lockout`` seconds (read from the injected clock),
    twice as long after the next round (``PinAttempts``).
    """

    unlocked = Signal()
    cancelled = Signal()

    def __init__(
        self,
        check: Callable[[str], bool],
        clock: Clock,
        max_attempts: int = 5,
        lockout: float = 60.0,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("kiosk_pin_pad")
        self.setAccessibleName(self.tr("Administrator PIN"))
        self.check, self.clock = check, clock
        self.max_attempts, self.lockout = max_attempts, lockout
        self.entered = ""
        self.attempts = PinAttempts(max_attempts, lockout, clock)
        card = QWidget(self)
        card.setObjectName("kiosk_pin_card")
        card.setFixedWidth(460)
        title = QLabel(self.tr("Staff only: enter the PIN to leave"), card)
        title.setObjectName("kiosk_pin_title")
        title.setWordWrap(True)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display = QLabel("", card)
        self.display.setObjectName("kiosk_pin_display")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel("", card)
        self.message.setObjectName("kiosk_pin_message")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.keys: dict[str, QPushButton] = {}
        for number, label in enumerate("123456789C0✓"):
            name = {"C": "clear", "✓": "ok"}.get(label, label)
            text = {"C": self.tr("Clear"), "✓": self.tr("OK")}.get(label, label)
            slot = {"clear": self.clear, "ok": self.submit}.get(name, lambda d=label: self.press(d))
            button = big_button(text, card, f"kiosk_pin_{name}", slot)
            button.setMinimumHeight(84)
            grid.addWidget(button, number // 3, number % 3)
            self.keys[name] = button
        cancel = big_button(self.tr("Cancel"), card, "kiosk_pin_cancel", self.cancel)
        column = QVBoxLayout(card)
        column.setContentsMargins(28, 24, 28, 24)
        column.setSpacing(12)
        for widget in (title, self.display, self.message):
            column.addWidget(widget)
        column.addLayout(grid)
        column.addWidget(cancel)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.hide()

    def paintEvent(self, _event) -> None:
        QPainter(self).fillRect(self.rect(), QColor(0, 0, 0, 150))

    def open(self) -> None:
        self.clear()
        self.message.setText("")
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def locked(self) -> bool:
        return self.attempts.locked()

    def press(self, digit: str) -> None:
        if self.locked() or len(self.entered) >= 12:
            return
        self.entered += digit
        self.display.setText("●" * len(self.entered))

    def clear(self) -> None:
        self.entered = ""
        self.display.setText("")

    def submit(self) -> bool:
        """Check the PIN; True when it was right (and unlocked() was sent)."""
        if self.locked():
            self.message.setText(self.tr("Too many wrong PINs. Please wait."))
            self.clear()
            return False
        if self.entered and self.check(self.entered):
            self.attempts.succeeded()
            self.clear()
            self.hide()
            self.unlocked.emit()
            return True
        self.clear()
        if self.attempts.failed():
            self.message.setText(self.tr("Too many wrong PINs. Please wait."))
        else:
            self.message.setText(self.tr("That PIN is not right."))
        return False

    def cancel(self) -> None:
        self.clear()
        self.hide()
        self.cancelled.emit()


class OnScreenKeyboard(QWidget):
    """Big keys that type into a line edit, with Latin and Cyrillic layouts to switch between.

    Signals: done() when the visitor taps "Done".
    """

    done = Signal()

    def __init__(
        self, target: QLineEdit, layouts: tuple[str, ...] = ("latin", "cyrillic"), parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("kiosk_keyboard")
        self.setAccessibleName(self.tr("On-screen keyboard"))
        self.target = target
        self.layouts = layouts
        self.layout_index = 0
        self.rows: list[QHBoxLayout] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 6, 0, 0)
        column.setSpacing(6)
        self.letter_buttons: list[QPushButton] = []
        widest = max(len(row) for name in layouts for row in LAYOUT_ROWS[name])
        for _ in range(4):
            row = QHBoxLayout()
            row.setSpacing(6)
            column.addLayout(row)
            self.rows.append(row)
        for _ in range(widest * 4):
            button = big_button("", self, "kiosk_key", None)
            button.clicked.connect(lambda _=False, b=button: self.type_text(b.text().lower()))
            self.letter_buttons.append(button)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        self.switch = big_button("", self, "kiosk_key_layout", self.next_layout)
        self.switch.setVisible(len(layouts) > 1)
        space = big_button(self.tr("Space"), self, "kiosk_key_space", lambda: self.type_text(" "))
        back = big_button("⌫", self, "kiosk_key_backspace", target.backspace)
        back.setAccessibleName(self.tr("Delete a letter"))
        clear = big_button(self.tr("Clear"), self, "kiosk_key_clear", target.clear)
        finish = big_button(self.tr("Done"), self, "kiosk_key_done", self.done.emit)
        bottom.addWidget(self.switch, 1)
        bottom.addWidget(space, 4)
        bottom.addWidget(back, 1)
        bottom.addWidget(clear, 1)
        bottom.addWidget(finish, 1)
        column.addLayout(bottom)
        self.set_layout(layouts[0])

    def current_layout(self) -> str:
        return self.layouts[self.layout_index]

    def set_layout(self, name: str) -> None:
        self.layout_index = self.layouts.index(name)
        buttons = iter(self.letter_buttons)
        for row, letters in zip(self.rows, LAYOUT_ROWS[name], strict=True):
            while row.count():
                row.takeAt(0)
            for letter in letters:
                button = next(buttons)
                button.setText(letter)
                button.setAccessibleName(letter)
                button.show()
                row.addWidget(button)
        for button in buttons:
            button.hide()
        following = self.layouts[(self.layout_index + 1) % len(self.layouts)]
        self.switch.setText(LAYOUT_NAMES[following])
        self.switch.setAccessibleName(
            self.tr("Switch to Latin letters") if following == "latin" else self.tr("Switch to Cyrillic letters")
        )

    def next_layout(self) -> None:
        self.set_layout(self.layouts[(self.layout_index + 1) % len(self.layouts)])

    def type_text(self, text: str) -> None:
        self.target.insert(text)


class OutOfOrder(QWidget):
    """What a visitor sees when the archive cannot be opened: a calm sentence, not a traceback.
    The cause goes to the log and, in small type for the staff, on the screen; the kiosk tries
    again now and then."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("kiosk_out_of_order")
        self.setAccessibleName(self.tr("Out of order"))
        heading = QLabel(self.tr("This display is resting"), self)
        heading.setObjectName("kiosk_out_of_order_title")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr("The archive is not available at the moment.")
            + "\n"
            + self.tr("Please ask the library staff, or come back a little later."),
            self,
        )
        text.setObjectName("kiosk_out_of_order_text")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        # what went wrong, for the staff who come to look: on the screen, not only in the log
        self.reason = QLabel("", self)
        self.reason.setObjectName("kiosk_out_of_order_reason")
        self.reason.setTextFormat(Qt.TextFormat.PlainText)  # a cause may quote the archive or kiosk.toml
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(heading)
        layout.addSpacing(24)
        layout.addWidget(text)
        layout.addStretch(2)
        layout.addWidget(self.reason)
        layout.addStretch(1)
        self.cause = ""
        self.retry = QTimer(self)
        self.retry.setObjectName("kiosk_retry")

    def set_cause(self, cause: str, retry_after: float) -> None:
        """Say why on the screen (for whoever looks after the display) and when it tries again."""
        self.cause = cause
        self.reason.setText(
            self.tr("For the staff: {cause}").format(cause=shown(cause))
            + "\n"
            + self.tr("The display tries again every {seconds} seconds.").format(seconds=f"{retry_after:g}")
        )
