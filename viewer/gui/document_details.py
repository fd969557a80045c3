"""The Details tab of a document: every stored field as HTML, and the citation.

Every value read from the archive is escaped here, so imported text never becomes markup.
"""

from __future__ import annotations

import html
from typing import Any

from ..core.records import DocumentRecord


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
    date = record.date or "unknown"
    if record.date_end and record.date_end != record.date:
        date += f" – {record.date_end}"
    rows = [
        row("Key", text(f"{record.key} (id {record.id})")),
        row("Date", text(f"{date} ({precision})")),
        row("Date as written", text(record.date_as_written)),
        row("Type", text(record.type)),
        row("Classification", text(record.classification)),
        row("Original language", text(record.original_language)),
        row("Reference numbers", text(", ".join(record.reference_numbers))),
        row("Archival source", text(record.source)),
    ]
    for ref in record.archival_refs:
        parts = [f"{k} {getattr(ref, k)}" for k in ("fond", "opis", "delo", "papka", "listy") if getattr(ref, k)]
        if parts:
            rows.append(row(ref.archive or "Archive", text(", ".join(parts))))
    if record.url:  # a link the app draws, and only to a web page; the window asks before it opens one
        web = record.url.lower().startswith(("http://", "https://"))
        rows.append(row("Address", f'<a href="{e(record.url)}">{e(record.url)}</a>' if web else text(record.url)))
    rows += [
        row("Record", text(record.record_id)),
        row("Citation", text(record.citation)),
        row("Credits", text(record.credits)),
        row("Rights", text(record.rights)),
    ]
    rows.append(row("Contents", text(", ".join(record.contents))))
    texts = [f"{t.kind} ({t.language or '?'}, {t.origin}, {len(t.body):,} characters)" for t in record.texts]
    rows.append(row("Texts", text("; ".join(texts))))
    rows.append(row("Scan", text(f"{record.pages} page(s)" if record.pages else "none")))
    rows.append(row("Source file", text(record.source_file)))
    rows.append(row("Imported", text(record.imported_at)))
    if record.review_reasons:
        rows.append(row("Needs review", text("; ".join(record.review_reasons))))
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
        line = f"<b>{e(person.name)}</b> — {e(person.role)}"
        if person.kind != "person":
            line += f" ({e(person.kind)})"
        if person.as_written and person.as_written != person.name:
            line += f", written “{e(person.as_written)}”"
        if person.aliases:
            line += f'<br><span style="color:{muted}">also {e(", ".join(person.aliases[:10]))}</span>'
        people.append(f"<li>{line}</li>")
    links = []
    for link in record.links:
        if link.document_id:
            target = (
                f'<a href="doc:{link.document_id}">{e(link.title or link.key or "")}</a> ({e(link.date or "undated")})'
            )
        else:
            target = f"{e(str(link.unresolved or '?'))} — not in this archive"
        links.append(f"<li>{e(link.label.capitalize())}: {target}</li>")
    summary = f"<h3>Summary</h3><p>{text(record.summary)}</p>" if record.summary else ""
    return (
        f"{summary}<h3>Fields</h3><table cellspacing='3'>{''.join(rows)}</table>"
        + (f"<h3>People and places</h3><ul>{''.join(people)}</ul>" if people else "")
        + (f"<h3>Related documents</h3><ul>{''.join(links)}</ul>" if links else "")
    )
