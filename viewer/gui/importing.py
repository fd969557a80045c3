"""Bringing files into the open archive from the window: File ▸ Import… and File ▸ Attach Scan…, with
a password prompt for encrypted PDFs.

The work runs on the task runner's write pool with its own archive connection; this module asks
for files, shows progress, reports what was refused and offers a retry with a password.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QLineEdit, QMainWindow

from ..core.importers.results import FileResult
from ..core.store import Archive
from . import plain
from .messages import shown
from .tasks import Task, TaskRunner, progress_dialog


class ImportOutcome(NamedTuple):
    """What an import did; ``reasons`` holds every refusal as "name: reason"."""

    imported: int
    unchanged: int
    refused: int
    reasons: list[str]
    locked: list[str]  # the encrypted PDFs among the refused, by path, to try again with a password
    others: list[str]  # the refusals a password would not mend
    document_ids: tuple[int, ...] = ()  # the documents imported or updated (the summary asks which need review)
    indexes_waiting: str = ""  # why the indexes a large import left out could not be made again (else empty)


def import_files(archive: Archive, paths: list[str], task: Task, password: str | None = None) -> ImportOutcome:
    """The real importer, on a worker with its own connection; reports each file, stops when cancelled."""
    from ..core.importers.batch import Summary, run_import
    from ..core.importers.pdf import pdf_options

    summary = Summary()
    waiting = ""
    with pdf_options(password=password):
        for step in run_import(archive, paths, cancelled=task.cancelled.is_set):
            if step.stage == "indexes":  # no count: a busy bar, the dialog back after the files' end closed it
                task.report(0, 0, QCoreApplication.translate("ImportCommands", "Making the archive's indexes again…"))
                continue
            if step.stage == "indexes_waiting":
                waiting = step.note
                continue
            name = step.current.name if step.current else ""
            task.report(
                step.done,
                step.total,
                QCoreApplication.translate("ImportCommands", "Importing {name}… ({done} of {total})").format(
                    name=name, done=step.done, total=step.total
                ),
            )
            if step.result is not None:
                summary.results.append(step.result)
    refused = summary.refused()
    locked = [r for r in refused if r.needs_password]
    return ImportOutcome(
        summary.count("imported") + summary.count("updated"),
        summary.count("unchanged"),
        len(refused),
        [f"{r.path.name}: {shown(r.message)}" for r in refused],  # in the window's language (the worker asks)
        [str(r.path) for r in locked],
        [f"{r.path.name}: {shown(r.message)}" for r in refused if r not in locked],
        tuple(r.document_id for r in summary.results if r.outcome in ("imported", "updated") and r.document_id),
        waiting,
    )


def attach_file(archive: Archive, document_id: int, path: Path, password: str | None) -> FileResult:
    """Attach a scan on a worker; an encrypted PDF comes back refused with ``needs_password``."""
    from ..core.importers.images import attach_scan
    from ..core.importers.mupdf import PasswordRequired

    try:
        return attach_scan(archive, document_id, path, password=password, ask_password=True)
    except PasswordRequired as locked:
        return FileResult(path, "refused", None, locked.reason, needs_password=True)


class ImportCommands(QObject):
    """File ▸ Import… and File ▸ Attach Scan… for a window.

    ``archive`` and ``current_document`` are asked each time, so another archive opened in the
    window is the one written to. ``password_prompt`` may be replaced (tests answer for the person).

    Signals: archive_changed() after files came in (the window re-reads the archive);
    import_finished(object) with the ImportOutcome; scan_attached(int) with the document.
    """

    archive_changed = Signal()
    import_finished = Signal(object)
    scan_attached = Signal(int)

    def __init__(
        self,
        window: QMainWindow,
        runner: TaskRunner,
        archive: Callable[[], Archive],
        current_document: Callable[[], int | None],
    ):
        super().__init__(window)
        self.window, self.runner = window, runner
        self.archive, self.current_document = archive, current_document
        # shows what an import did (the window's summary dialog); without it, refusals come as a warning
        self.summarise: Callable[[ImportOutcome], None] | None = None

    def indexes_back(self) -> None:
        """Make again, on the write thread, the indexes an import killed meanwhile left out (about 8 s
        at a million documents; the archive answers without them, slower, until then)."""
        if not self.archive().indexes_waiting():
            return
        path = self.archive().path
        said = self.tr("Making the archive's indexes again…")
        self.window.statusBar().showMessage(said)

        def work() -> list[str]:
            with Archive(path) as archive:
                return archive.make_indexes_again()

        def done(_result: object) -> None:
            if self.window.statusBar().currentMessage() == said:
                self.window.statusBar().clearMessage()

        self.runner.run(work, done, done, write=True)

    def choose_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import Documents"),
            str(Path.home()),
            self.tr("Documents (*.txt *.md *.text *.pdf);;All files (*)"),
        )
        if paths:
            self.start_import(paths)

    def start_import(self, paths: list[str], password: str | None = None) -> Task:
        """Import on the write pool with a cancellable progress dialog, then refresh the window;
        encrypted PDFs are offered a password prompt and imported again."""
        path = self.archive().path

        def work(task: Task) -> ImportOutcome:
            with Archive(path) as archive:
                return import_files(archive, paths, task, password)

        task = self.runner.start(work, write=True)
        progress_dialog(
            self.window, "import_progress", self.tr("Import"), self.tr("Importing…"), max(len(paths), 1), task
        )

        def finished(outcome: ImportOutcome) -> None:
            self.archive_changed.emit()
            message = self.tr("{imported} imported, {unchanged} unchanged, {refused} refused").format(
                imported=outcome.imported, unchanged=outcome.unchanged, refused=outcome.refused
            )
            self.window.statusBar().showMessage(message, 8000)
            if self.summarise is not None and (outcome.imported or outcome.others):
                self.summarise(outcome)
            elif outcome.others:
                refused = "\n".join(outcome.others[:20])
                plain.warn(self.window, self.tr("Some files were refused"), message + "\n\n" + refused)
            if outcome.indexes_waiting:
                plain.warn(
                    self.window,
                    self.tr("Import"),
                    self.tr(
                        "The documents were imported, but the indexes this import left out could not be made "
                        "again ({reason}). The archive answers without them, more slowly, until they are made: "
                        "when the archive is next opened here, or imported into."
                    ).format(reason=outcome.indexes_waiting),
                )
            self.import_finished.emit(outcome)
            if outcome.locked:
                self.ask_password(outcome.locked)

        task.finished.connect(finished)
        task.failed.connect(
            lambda message: plain.critical(self.window, self.tr("Import failed"), message.splitlines()[0])
        )
        return task

    def ask_password(self, locked: list[str]) -> None:
        """Ask for the password of encrypted PDFs and import them again with it."""
        names = ", ".join(Path(p).name for p in locked[:5]) + ("…" if len(locked) > 5 else "")
        password = self.password_prompt(
            (self.tr("{names} is encrypted.") if len(locked) == 1 else self.tr("{names} are encrypted.")).format(
                names=names
            )
        )
        if password:
            self.start_import(locked, password)

    def password_prompt(self, message: str) -> str | None:
        """Ask for a password (replaceable, as tests do, by a callable with the same shape)."""
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(self.tr("Password needed"))
        dialog.setLabelText(f"{message}\n" + self.tr("Password:"))
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        for label in dialog.findChildren(QLabel):
            plain.plain(label)  # the message names the file
        given = dialog.exec() == QInputDialog.DialogCode.Accepted
        password = dialog.textValue()
        dialog.deleteLater()
        return password if given and password else None

    def choose_attach(self) -> None:
        document_id = self.current_document()
        if document_id is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Attach a scan"),
            str(Path.home()),
            self.tr("Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)"),
        )
        if name:
            self.attach(document_id, Path(name))

    def attach(self, document_id: int, path: Path, password: str | None = None) -> None:
        """Attach a scan on the write pool; an encrypted PDF brings up a password prompt."""
        archive_path = self.archive().path

        def work() -> FileResult:
            with Archive(archive_path) as archive:
                return attach_file(archive, document_id, path, password)

        def done(result: FileResult) -> None:
            message = shown(result.message)
            if result.needs_password:
                password_text = self.password_prompt(
                    self.tr("{name} is {reason}.").format(name=path.name, reason=message)
                )
                if password_text:
                    self.attach(document_id, path, password_text)
                return
            if result.outcome == "refused":
                plain.warn(self.window, self.tr("Scan not attached"), f"{path.name}: {message}")
                return
            attached = self.tr("{name}: attached").format(name=path.name) + (f" ({message})" if message else "")
            self.window.statusBar().showMessage(attached, 8000)
            self.archive_changed.emit()
            self.scan_attached.emit(document_id)

        self.runner.run(
            work,
            done,
            lambda message: plain.critical(self.window, self.tr("Attach failed"), message),
            write=True,
        )
