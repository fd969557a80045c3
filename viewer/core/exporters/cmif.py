"""CMIF, the Correspondence Metadata Interchange Format that correspSearch harvests: one TEI file
whose header lists the archive's letters and telegrams, one ``correspDesc`` each.

What the format asks (CMIF 2, the TEI Correspondence SIG's guidelines) and where it comes from:

- ``titleStmt``: a title and an ``editor`` with an ``email`` (``CmifOptions``);
- ``publicationStmt``: a ``publisher``, the file's own address (``idno type="url"``, when a base
  address is given), the date of the export and a licence (CC BY 4.0 by default: correspSearch
  takes CC BY or CC0 only);
- ``sourceDesc``: a ``bibl`` with an ``xml:id`` naming this archive as the edition the letters are
  in, which every ``correspDesc/@source`` points at;
- per letter, ``correspDesc`` with ``@key`` (the document's key), ``@ref`` (its address: the
  document's own URL, or the base address and key) and ``@source``; ``correspAction``
  ``type="sent"`` with ``persName`` (``orgName``), ``placeName`` and ``date`` (``@when`` at the
  date's precision, or ``@notBefore``/``@notAfter``), ``type="received"`` with ``persName`` and
  ``placeName``. Places come from the telegram's heading (``places``). Authority URIs (VIAF,
  GeoNames) are left out: the archive does not record them;
- an empty ``text/body/p``.

A document is a letter here when it names a sender or a recipient; others are skipped and counted.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import BinaryIO

from lxml import etree

from .fields import ExportItem, dating, is_correspondence, persons
from .places import correspondence_places
from .tei import SCHEMA_PI
from .tei_text import TEI_NS, XML_NS, child, tei

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
SOURCE_ID = "archive"


@dataclass(frozen=True)
class CmifOptions:
    title: str
    editor: str
    email: str | None = None
    publisher: str | None = None  # default: the editor
    base_url: str | None = None  # where the archive's documents (and this file) are published
    file_name: str = "cmif.xml"
    exported_at: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    licence: str = CC_BY
    edition: str = ""  # the bibl describing the archive as an edition


def letter_address(key: str, url: str | None, base_url: str | None) -> str | None:
    """The address of one letter: its own, else the published archive's address for its key."""
    if url:
        return url
    if base_url:
        return base_url.rstrip("/") + "/" + key
    return None


class CmifWriter:
    """The CMIF header, then a ``correspDesc`` per letter as it comes, then the empty text."""

    def __init__(self, stream: BinaryIO, options: CmifOptions):
        self.options = options
        self.letters = 0
        self.skipped = 0
        self._stack = ExitStack()
        self.xf = self._stack.enter_context(etree.xmlfile(stream, encoding="utf-8"))
        self.xf.write_declaration()
        self.xf.write(etree.ProcessingInstruction("xml-model", SCHEMA_PI), pretty_print=True)
        self._stack.enter_context(self.xf.element(tei("TEI"), nsmap={None: TEI_NS}))
        self._header = ExitStack()  # teiHeader and profileDesc, closed before the text
        self._header.enter_context(self.xf.element(tei("teiHeader")))
        self.xf.write("\n", self._file_desc(), pretty_print=True)
        self._header.enter_context(self.xf.element(tei("profileDesc")))
        self.xf.write("\n")

    def _file_desc(self) -> etree._Element:
        options = self.options
        file_desc = etree.Element(tei("fileDesc"), nsmap={None: TEI_NS})
        title_stmt = child(file_desc, "titleStmt")
        child(title_stmt, "title", options.title)
        editor = child(title_stmt, "editor", options.editor)
        if options.email:
            child(editor, "email", options.email)
        publication = child(file_desc, "publicationStmt")
        publisher = child(publication, "publisher")
        if options.base_url:
            child(publisher, "ref", options.publisher or options.editor, target=options.base_url)
        else:
            publisher.text = options.publisher or options.editor
        if options.base_url:
            child(publication, "idno", options.base_url.rstrip("/") + "/" + options.file_name, type="url")
        child(publication, "date", when=options.exported_at)
        availability = child(publication, "availability")
        child(availability, "licence", "This file is licensed under the terms of the licence named by its address.",
              target=options.licence)  # fmt: skip
        bibl = child(child(file_desc, "sourceDesc"), "bibl", options.edition or options.title, type="online")
        bibl.set(f"{{{XML_NS}}}id", SOURCE_ID)
        if options.base_url:
            child(bibl, "ref", options.base_url, target=options.base_url)
        return file_desc

    def write(self, item: ExportItem) -> None:
        record = item.record
        if not is_correspondence(record):
            self.skipped += 1
            return
        attributes = {"key": record.key, "source": "#" + SOURCE_ID}
        address = letter_address(record.key, record.url, self.options.base_url)
        if address:
            attributes["ref"] = address
        desc = etree.Element(tei("correspDesc"), nsmap={None: TEI_NS})
        for name, value in attributes.items():
            desc.set(name, value)
        places = correspondence_places(record)
        when = dating(record)
        for action, role, place in (("sent", "sender", places.sent), ("received", "recipient", places.received)):
            who = persons(record, role)
            date = action == "sent" and when.known
            if not who and place is None and not date:
                continue
            element = child(desc, "correspAction", type=action)
            for person in who:
                child(element, "orgName" if person.kind == "organization" else "persName", person.name)
            if place is not None:
                child(element, "placeName", place.name)
            if date:
                span = {"when": when.when} if when.when else {"notBefore": when.not_before or "",
                                                               "notAfter": when.not_after or ""}  # fmt: skip
                child(element, "date", **span)
        self.xf.write(desc, pretty_print=True)
        self.letters += 1

    def close(self) -> None:
        self._header.close()
        text = etree.Element(tei("text"), nsmap={None: TEI_NS})
        child(child(text, "body"), "p")
        self.xf.write("\n", text, pretty_print=True)
        self._stack.close()
