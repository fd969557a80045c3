"""The Details tab of a document: every stored field as HTML, and the citation.

Every value read from the archive is escaped here, so imported text never becomes markup.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..core.records import DocumentRecord
from .counts import counts
from .i18n import QT_TRANSLATE_NOOP, precision_name
from .messages import shown

# the store's link labels (core/store/documents.py LINK_LABELS) and people's roles and kinds, as shown
WORDS = {
    "reply to": QT_TRANSLATE_NOOP("Details", "reply to"),
    "replied by": QT_TRANSLATE_NOOP("Details", "replied by"),
    "continues": QT_TRANSLATE_NOOP("Details", "continues"),
    "continued by": QT_TRANSLATE_NOOP("Details", "continued by"),
    "related": QT_TRANSLATE_NOOP("Details", "related"),
    "sender": QT_TRANSLATE_NOOP("Details", "sender"),
    "recipient": QT_TRANSLATE_NOOP("Details", "recipient"),
    "signatory": QT_TRANSLATE_NOOP("Details", "signatory"),
    "mentioned": QT_TRANSLATE_NOOP("Details", "mentioned"),
    "place": QT_TRANSLATE_NOOP("Details", "place"),
    "person": QT_TRANSLATE_NOOP("Details", "person"),
    "organization": QT_TRANSLATE_NOOP("Details", "organisation"),
    "transcript": QT_TRANSLATE_NOOP("Details", "transcript"),
    "translation": QT_TRANSLATE_NOOP("Details", "translation"),
    "notes": QT_TRANSLATE_NOOP("Details", "notes"),
    "import": QT_TRANSLATE_NOOP("Details", "typed"),  # where a text came from (Text.origin)
    "pdf": QT_TRANSLATE_NOOP("Details", "from the PDF's text"),
    "ocr": QT_TRANSLATE_NOOP("Details", "recognised (OCR)"),
    "manual": QT_TRANSLATE_NOOP("Details", "entered by hand"),
}


def _word(value: str) -> str:
    """A word the store gives in English (a role, a kind, a link's label), in the interface's language."""
    return QCoreApplication.translate("Details", WORDS[value]) if value in WORDS else value


def citation_of(record: DocumentRecord, style: str | None = None) -> str:
    """The citation in ``style`` (a CSL style of ``core.exporters.STYLES``); without a style, the
    citation the source itself gives, else Chicago's note. Title, date and source as a last resort."""
    if style is None and record.citation:
        return record.citation
    from ..core.exporters.citations import DEFAULT_STYLE, CitationError, cite

    try:
        return cite(record, style or DEFAULT_STYLE)
    except CitationError:
        pass
    parts = [f"“{record.title}”"]
    when = record.date_as_written or record.date
    if when:
        parts.append(when)
    for value in (record.source, record.url):
        if value:
            parts.append(value)
    return ", ".join(parts) + "."


def details_html(record: DocumentRecord, muted: str) -> str:
    """Every stored field of ``record`` (links to related documents as ``doc:<id>``); ``muted`` is the
    colour of the labels, from the palette of the widget that shows it."""
    e = html.escape

    def row(label: str, value: Any) -> str:
        if value in (None, "", [], {}):
            return ""
        return (
            f'<tr><td valign="top" style="color:{muted}; padding-right:12px; white-space:nowrap">'
            f"{e(label)}</td><td>{value}</td></tr>"
        )

    def text(value: Any) -> str:
        return e(str(value)).replace("\n", "<br>") if value not in (None, "") else ""

    precision = record.date_precision
    date = record.date or QCoreApplication.translate("Details", "unknown")
    if record.date_end and record.date_end != record.date:
        date += f" – {record.date_end}"
    if record.date:  # an unknown date says so once, not "unknown (unknown)"
        date += f" ({precision_name(precision)})"
    rows = [
        row(QCoreApplication.translate("Details", "Key"), text(f"{record.key} (id {record.id})")),
        row(QCoreApplication.translate("Details", "Date"), text(date)),
        row(QCoreApplication.translate("Details", "Date as written"), text(record.date_as_written)),
        row(QCoreApplication.translate("Details", "Type"), text(record.type)),
        row(QCoreApplication.translate("Details", "Classification"), text(record.classification)),
        row(QCoreApplication.translate("Details", "Original language"), text(record.original_language)),
        row(QCoreApplication.translate("Details", "Reference numbers"), text(", ".join(record.reference_numbers))),
        row(QCoreApplication.translate("Details", "Archival source"), text(record.source)),
    ]
    for ref in record.archival_refs:
        parts = [f"{k} {getattr(ref, k)}" for k in ("fond", "opis", "delo", "papka", "listy") if getattr(ref, k)]
        if parts:
            rows.append(row(ref.archive or QCoreApplication.translate("Details", "Archive"), text(", ".join(parts))))
    if record.url:  # a link the app draws, and only to a web page; the window asks before it opens one
        web = record.url.lower().startswith(("http://", "https://"))
        rows.append(
            row(
                QCoreApplication.translate("Details", "Address"),
                f'<a href="{e(record.url)}">{e(record.url)}</a>' if web else text(record.url),
            )
        )
    rows += [
        row(QCoreApplication.translate("Details", "Record"), text(record.record_id)),
        row(QCoreApplication.translate("Details", "Citation"), text(record.citation)),
        row(QCoreApplication.translate("Details", "Credits"), text(record.credits)),
        row(QCoreApplication.translate("Details", "Rights"), text(record.rights)),
    ]
    rows.append(row(QCoreApplication.translate("Details", "Contents"), text(", ".join(record.contents))))
    characters = QCoreApplication.translate("Details", "{kind} ({language}, {origin}, {count} characters)")
    texts = [
        characters.format(
            kind=_word(t.kind), language=t.language or "?", origin=_word(t.origin), count=f"{len(t.body):,}"
        )
        for t in record.texts
    ]
    rows.append(row(QCoreApplication.translate("Details", "Texts"), text("; ".join(texts))))
    rows.append(
        row(
            QCoreApplication.translate("Details", "Scan"),
            text(counts().pages(record.pages) if record.pages else QCoreApplication.translate("Details", "none")),
        )
    )
    rows.append(row(QCoreApplication.translate("Details", "Source file"), text(record.source_file)))
    rows.append(row(QCoreApplication.translate("Details", "Imported"), text(record.imported_at)))
    if record.review_reasons:
        reasons = "; ".join(map(shown, record.review_reasons))
        rows.append(row(QCoreApplication.translate("Details", "Needs review"), text(reasons)))
    for key, value in (record.extra or {}).items():
        rows.append(
            row(
                str(key),
                text(
                    value
                    if isinstance(value, str)
                    else ", ".join(map(str, value))
                    if isinstance(value, list)
                    else str(value)
                ),
            )
        )
    people = []
    for person in record.people:
        line = f"<b>{e(person.name)}</b> — {e(_word(person.role))}"
        if person.kind != "person":
            line += f" ({e(_word(person.kind))})"
        if person.as_written and person.as_written != person.name:
            line += ", " + e(QCoreApplication.translate("Details", "written “{name}”").format(name=person.as_written))
        if person.aliases:
            also = e(QCoreApplication.translate("Details", "also {names}").format(names=", ".join(person.aliases[:10])))
            line += f'<br><span style="color:{muted}">{also}</span>'
        people.append(f"<li>{line}</li>")
    undated = QCoreApplication.translate("Details", "undated")
    absent = QCoreApplication.translate("Details", "not in this archive")
    links = []
    for link in record.links:
        if link.document_id:
            title = e(link.title or link.key or "")
            target = f'<a href="doc:{link.document_id}">{title}</a> ({e(link.date or undated)})'
        else:
            target = f"{e(str(link.unresolved or '?'))} — {e(absent)}"
        links.append(f"<li>{e(_word(link.label).capitalize())}: {target}</li>")
    headings = {
        "summary": QCoreApplication.translate("Details", "Summary"),
        "fields": QCoreApplication.translate("Details", "Fields"),
        "people": QCoreApplication.translate("Details", "People and places"),
        "links": QCoreApplication.translate("Details", "Related documents"),
    }
    h = {key: f"<h3>{e(value)}</h3>" for key, value in headings.items()}
    summary = f"{h['summary']}<p>{text(record.summary)}</p>" if record.summary else ""
    return (
        f"{summary}{h['fields']}<table cellspacing='3'>{''.join(rows)}</table>"
        + (f"{h['people']}<ul>{''.join(people)}</ul>" if people else "")
        + (f"{h['links']}<ul>{''.join(links)}</ul>" if links else "")
    )
