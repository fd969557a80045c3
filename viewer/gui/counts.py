"""Phrases with a number in them ("3 documents imported"), each with its plural forms in the translation.

They sit in one QObject class because ``lupdate`` marks a phrase as having plural forms only for
``tr()`` (not for ``QCoreApplication.translate()`` with a variable count), and PySide's ``tr()`` finds
the plural forms only when called on the very class that holds the phrase, not on a subclass. In
English no translation is loaded (as in most tests), so each phrase gives its English singular and
plural here: the source text ("%n document(s)") is only what the translator reads.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from . import i18n


def grouped(n: int) -> str:
    """A number with its thousands grouped as the interface's language writes them (1,000 or 1 000)."""
    text = f"{n:,}"
    return text.replace(",", "\u00a0") if i18n.current() == "ru" else text


class Counts(QObject):
    def _pick(self, n: int, translated: str, one: str, other: str) -> str:
        text = translated if i18n.current() != i18n.ENGLISH else (one if n == 1 else other).replace("%n", str(n))
        return text.replace(str(n), grouped(n), 1) if abs(n) >= 1000 else text

    def documents(self, n: int) -> str:
        return self._pick(n, self.tr("%n document(s)", "", n), "%n document", "%n documents")

    def selected(self, n: int) -> str:
        one, other = "the %n selected document", "the %n selected documents"
        return self._pick(n, self.tr("the %n selected document(s)", "", n), one, other)

    def tag_on(self, n: int) -> str:
        """A change's label; {tag} is filled in after."""
        one, other = "Tag “{tag}” on %n document", "Tag “{tag}” on %n documents"
        return self._pick(n, self.tr("Tag “{tag}” on %n document(s)", "", n), one, other)

    def untag_on(self, n: int) -> str:
        one, other = "Untag “{tag}” on %n document", "Untag “{tag}” on %n documents"
        return self._pick(n, self.tr("Untag “{tag}” on %n document(s)", "", n), one, other)

    def set_on(self, n: int) -> str:
        one, other = "Set {field} on %n document", "Set {field} on %n documents"
        return self._pick(n, self.tr("Set {field} on %n document(s)", "", n), one, other)

    def per_bar(self, n: int) -> str:
        """The timeline's histogram scale."""
        one, other = "up to %n document per bar", "up to %n documents per bar"
        return self._pick(n, self.tr("up to %n document(s) per bar", "", n), one, other)

    def mark_reviewed(self, n: int) -> str:
        one, other = "Mark document reviewed", "Mark %n documents reviewed"
        return self._pick(n, self.tr("Mark %n document(s) reviewed", "", n), one, other)

    def restore(self, n: int) -> str:
        one, other = "Restore document", "Restore %n documents"
        return self._pick(n, self.tr("Restore %n document(s)", "", n), one, other)

    def delete(self, n: int) -> str:
        one, other = "Delete document", "Delete %n documents"
        return self._pick(n, self.tr("Delete %n document(s)", "", n), one, other)

    def moved_to_trash(self, n: int) -> str:
        one = "Document moved to the trash (Edit ▸ Undo brings it back)"
        other = "%n documents moved to the trash (Edit ▸ Undo brings them back)"
        return self._pick(
            n, self.tr("%n document(s) moved to the trash (Edit ▸ Undo brings them back)", "", n), one, other
        )

    def need_review(self, n: int) -> str:
        one, other = "%n document needs review", "%n documents need review"
        return self._pick(n, self.tr("%n document(s) need review", "", n), one, other)

    def first_listed(self, n: int) -> str:
        one, other = "(the first %n listed)", "(the first %n listed)"
        return self._pick(n, self.tr("(the first %n listed)", "", n), one, other)

    def imported(self, n: int) -> str:
        one, other = "%n document imported", "%n documents imported"
        return self._pick(n, self.tr("%n document(s) imported", "", n), one, other)

    def unchanged(self, n: int) -> str:
        one, other = "%n unchanged (imported before)", "%n unchanged (imported before)"
        return self._pick(n, self.tr("%n unchanged (imported before)", "", n), one, other)

    def files_refused(self, n: int) -> str:
        one, other = "%n file refused", "%n files refused"
        return self._pick(n, self.tr("%n file(s) refused", "", n), one, other)

    def of_those_need_review(self, n: int) -> str:
        one, other = "%n of those imported needs review", "%n of those imported need review"
        return self._pick(n, self.tr("%n of those imported need(s) review", "", n), one, other)

    def deleted_documents(self, n: int) -> str:
        one, other = "%n deleted document.", "%n deleted documents."
        return self._pick(n, self.tr("%n deleted document(s).", "", n), one, other)

    def empty_trash_question(self, n: int) -> str:
        one, other = "Delete the %n document in the trash for good?", "Delete the %n documents in the trash for good?"
        return self._pick(n, self.tr("Delete the %n document(s) in the trash for good?", "", n), one, other)

    def deleted_for_good(self, n: int) -> str:
        one, other = "%n document deleted for good", "%n documents deleted for good"
        return self._pick(n, self.tr("%n document(s) deleted for good", "", n), one, other)

    def files_removed(self, n: int) -> str:
        one, other = "%n stored file removed", "%n stored files removed"
        return self._pick(n, self.tr("%n stored file(s) removed", "", n), one, other)

    def entries(self, n: int) -> str:
        """People and organisations listed."""
        one, other = "%n entry", "%n entries"
        return self._pick(n, self.tr("%n entr(y/ies)", "", n), one, other)

    def add_to(self, n: int) -> str:
        """A change to a collection; {title} is filled in after."""
        one, other = "Add %n document to “{title}”", "Add %n documents to “{title}”"
        return self._pick(n, self.tr("Add %n document(s) to “{title}”", "", n), one, other)

    def remove_from(self, n: int) -> str:
        one, other = "Remove %n document from “{title}”", "Remove %n documents from “{title}”"
        return self._pick(n, self.tr("Remove %n document(s) from “{title}”", "", n), one, other)

    def all_listed(self, n: int) -> str:
        """Export: every document the list shows."""
        one, other = "The %n document in the list (a handout)", "All %n documents in the list (a handout)"
        return self._pick(n, self.tr("All %n document(s) in the list (a handout)", "", n), one, other)

    def in_the_list(self, n: int) -> str:
        """Export As: the documents the list shows."""
        one, other = "The %n document in the list", "The %n documents in the list"
        return self._pick(n, self.tr("The %n document(s) in the list", "", n), one, other)

    def pages(self, n: int) -> str:
        return self._pick(n, self.tr("%n page(s)", "", n), "%n page", "%n pages")

    def found_for(self, n: int) -> str:
        """The list's summary while searching; {query} and {total} are filled in after."""
        one, other = "%n document found for “{query}” (of {total})", "%n documents found for “{query}” (of {total})"
        return self._pick(n, self.tr("%n document(s) found for “{query}” (of {total})", "", n), one, other)

    def of_total(self, n: int) -> str:
        """The list's summary under filters: "{shown} of %n documents" ({shown} filled in after)."""
        one, other = "{shown} of %n document", "{shown} of %n documents"
        return self._pick(n, self.tr("{shown} of %n document(s)", "", n), one, other)

    def match(self, n: int) -> str:
        """The kiosk's search; {query} is filled in after."""
        one, other = "%n document matches “{query}”", "%n documents match “{query}”"
        return self._pick(n, self.tr("%n document(s) match “{query}”", "", n), one, other)


_counts: Counts | None = None


def counts() -> Counts:
    """The one Counts object (made on first use, in the GUI thread)."""
    global _counts
    if _counts is None:
        _counts = Counts()
    return _counts
