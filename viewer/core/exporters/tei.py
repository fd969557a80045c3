"""TEI P5 XML: one ``TEI`` per document, as files of their own or one ``teiCorpus``.

Each document's ``teiHeader`` holds its title and the annotators (``titleStmt``), the archival
references (``sourceDesc``: an ``msDesc`` per holding, ``msIdentifier`` with ``repository`` and an
``idno`` per fond, opis, delo, papka and listy; then a ``bibl`` with the date, reference numbers,
address and the source's own citation), and in ``profileDesc`` the summary (``abstract``), who
sent it to whom from where and when (``correspDesc`` with ``correspAction`` sent and received;
``correspContext`` for replies), its languages, type and classification, and the people and
places it names (``listPerson``, ``listPlace``, with their aliases). Dates carry their precision:
``@when`` at day, month or year, or ``@notBefore``/``@notAfter`` for a range.

The texts follow as ``text`` elements in a ``group``, each with its ``@type`` (transcript,
translation, notes) and ``@xml:lang``, annotations anchored in them (``tei_text``); annotations
that anchor nowhere (on scan pages, or waiting for review) are listed as ``note``s in ``back``.
Everything is built with lxml, which escapes what the documents say; ``xml_text`` drops the few
characters XML cannot hold.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from ..records import Annotation, DocumentRecord, Person
from .fields import (
    REFERENCE_PARTS,
    ExportItem,
    dating,
    entities,
    is_correspondence,
    language_code,
    languages,
    persons,
)
from .places import correspondence_places
from .tei_text import TEI_NS, XML_NS, child, tei, write_body

SCHEMA_PI = (
    'href="http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" type="application/xml" '
    'schematypens="http://relaxng.org/ns/structure/1.0"'
)
LANGUAGE_NAMES = {"ru": "Russian", "en": "English", "zh": "Chinese", "ko": "Korean", "de": "German", "fr": "French"}
LINK_TYPES = {
    ("reply_to", "out"): "replyTo",
    ("reply_to", "in"): "repliedBy",
    ("continues", "out"): "continues",
    ("continues", "in"): "continuedBy",
    ("related", "out"): "related",
    ("related", "in"): "related",
}
Target = Callable[[str], str]  # a document key -> where its TEI is (a file, or an id in the corpus)


def document_id(key: str) -> str:
    """An ``xml:id`` for a document: keys may start with a digit, which an XML name may not."""
    return "doc-" + re.sub(r"[^\w.-]", "_", key)


def in_corpus(key: str) -> str:
    return "#" + document_id(key)


def file_name(key: str) -> str:
    return re.sub(r"[^\w.-]", "_", key) + ".xml"


def date_attributes(record: DocumentRecord) -> dict[str, str]:
    when = dating(record)
    if when.when:
        return {"when": when.when}
    if when.not_before and when.not_after:
        return {"notBefore": when.not_before, "notAfter": when.not_after}
    return {}


class _Ids:
    """The ``xml:id``s inside one document, all prefixed by its own so a corpus never repeats one."""

    def __init__(self, record: DocumentRecord, annotations: list[Annotation]):
        self.document = document_id(record.key)
        self.entities: dict[tuple[str, str], str] = {}
        for number, entity in enumerate((*entities(record, "person"), *entities(record, "organization")), 1):
            self.entities[(entity.kind, entity.name)] = f"{self.document}-person{number}"
        for number, entity in enumerate(entities(record, "place"), 1):
            self.entities[("place", entity.name)] = f"{self.document}-place{number}"
        authors = dict.fromkeys(a.author for a in annotations if a.author)
        self.authors = {author: f"{self.document}-resp{number}" for number, author in enumerate(authors, 1)}

    def entity(self, person: Person) -> str:
        return "#" + self.entities[(person.kind, person.name)]

    def anchor(self, annotation: Annotation) -> str:
        return f"{self.document}-annotation{annotation.id}"

    def resp(self, annotation: Annotation) -> str | None:
        return "#" + self.authors[annotation.author] if annotation.author else None


def tei_document(item: ExportItem, target: Target, exported: str) -> etree._Element:
    """One document as a ``TEI`` element (``exported``: a sentence for the publicationStmt)."""
    record = item.record
    ids = _Ids(record, item.annotations)
    root = etree.Element(tei("TEI"), nsmap={None: TEI_NS})
    root.set(f"{{{XML_NS}}}id", ids.document)
    header = child(root, "teiHeader")
    file_desc = child(header, "fileDesc")
    title_stmt = child(file_desc, "titleStmt")
    child(title_stmt, "title", record.title or record.key)
    for author, identifier in ids.authors.items():
        resp_stmt = child(title_stmt, "respStmt", xml_id=identifier)
        child(resp_stmt, "resp", "annotation")
        child(resp_stmt, "name", author)
    publication = child(file_desc, "publicationStmt")
    child(publication, "p", exported)
    _source_desc(child(file_desc, "sourceDesc"), record)
    _profile(child(header, "profileDesc"), record, ids, target)
    _texts(child(root, "text"), item, ids)
    return root


def _source_desc(source: etree._Element, record: DocumentRecord) -> None:
    for ref in record.archival_refs:
        if not ref.archive:
            continue
        identifier = child(child(source, "msDesc"), "msIdentifier")
        child(identifier, "repository", ref.archive)
        for part in REFERENCE_PARTS:
            value = getattr(ref, part)
            if value:
                child(identifier, "idno", value, type=part)
        alternative = child(identifier, "altIdentifier", type="as-written")
        child(alternative, "idno", ref.raw)
    bibl = child(source, "bibl")
    child(bibl, "title", record.title or record.key)
    child(bibl, "date", record.date_as_written or None, **date_attributes(record))
    if record.source and not any(ref.archive for ref in record.archival_refs):
        child(bibl, "note", record.source, type="source")
    for number in record.reference_numbers:
        child(bibl, "idno", number, type="reference")
    if record.url:
        child(bibl, "ref", record.url, target=record.url)
    for kind, value in (("citation", record.citation), ("credits", record.credits), ("rights", record.rights)):
        if value:
            child(bibl, "note", value, type=kind)
    if record.source_file:
        child(bibl, "note", record.source_file, type="imported-from")


def _profile(profile: etree._Element, record: DocumentRecord, ids: _Ids, target: Target) -> None:
    if record.summary:
        child(child(profile, "abstract"), "p", record.summary)
    if is_correspondence(record):
        _correspondence(child(profile, "correspDesc"), record, ids, target)
    found = languages(record)
    if found:
        usage = child(profile, "langUsage")
        for code in found:
            child(usage, "language", LANGUAGE_NAMES.get(code, code), ident=code)
    terms = [("type", record.type), ("classification", record.classification)]
    if any(value for _, value in terms):
        keywords = child(child(profile, "textClass"), "keywords")
        for kind, value in terms:
            if value:
                child(keywords, "term", value, type=kind)
    people = [*entities(record, "person"), *entities(record, "organization")]
    if people:
        listing = child(child(profile, "particDesc"), "listPerson")
        for person in people:
            tag, name = ("org", "orgName") if person.kind == "organization" else ("person", "persName")
            entry = child(listing, tag, xml_id=ids.entity(person)[1:])
            _names(entry, name, person)
    places = entities(record, "place")
    if places:
        listing = child(child(profile, "settingDesc"), "listPlace")
        for place in places:
            _names(child(listing, "place", xml_id=ids.entity(place)[1:]), "placeName", place)


def _names(entry: etree._Element, tag: str, person: Person) -> None:
    child(entry, tag, person.name)
    for alias in person.aliases:
        child(entry, tag, alias, type="alias")
    if person.note:
        child(entry, "note", person.note)


def _correspondence(desc: etree._Element, record: DocumentRecord, ids: _Ids, target: Target) -> None:
    places = correspondence_places(record)
    for action, role, place in (("sent", "sender", places.sent), ("received", "recipient", places.received)):
        who = persons(record, role)
        attributes = date_attributes(record) if action == "sent" else {}
        if not who and place is None and not attributes:
            continue
        element = child(desc, "correspAction", type=action)
        for person in who:
            tag = "orgName" if person.kind == "organization" else "persName"
            child(element, tag, person.name, ref=ids.entity(person))
        if place is not None:
            child(element, "placeName", place.name, ref=ids.entity(place))
        if attributes:
            child(element, "date", record.date_as_written or None, **attributes)
    if record.links:
        context = child(desc, "correspContext")
        for link in record.links:
            pointer = {"target": target(link.key)} if link.key else {}
            child(
                context, "ref", link.title or link.evidence, type=LINK_TYPES[(link.relation, link.direction)], **pointer
            )
    if not len(desc):
        child(desc, "p", "Correspondence without a known sender, recipient or date.")


def _texts(outer: etree._Element, item: ExportItem, ids: _Ids) -> None:
    record = item.record
    placed: set[int | None] = set()
    if record.texts:
        group = child(outer, "group")
        for text in record.texts:
            language = language_code(text.language)
            attributes = {"type": text.kind, **({"xml_lang": language} if language else {})}
            inner = child(group, "text", **attributes)
            anchored = [
                a
                for a in item.annotations
                if text.id is not None and a.text_id == text.id and a.anchored and a.status == "ok"
            ]
            placed.update(a.id for a in anchored)
            write_body(child(inner, "body"), text.body, anchored, ids.anchor, ids.resp)
    else:
        child(child(outer, "body"), "p")
    elsewhere = [a for a in item.annotations if a.id not in placed]
    if elsewhere:
        division = child(child(outer, "back"), "div", type="annotations")
        for annotation in elsewhere:
            _loose_note(division, annotation, ids)


def _loose_note(division: etree._Element, annotation: Annotation, ids: _Ids) -> None:
    where = annotation.label() if annotation.part == "scan" else f"{annotation.part}: “{annotation.label()}”"
    attributes = {"type": "annotation", "subtype": annotation.shape, "rend": annotation.color, "n": where}
    who = ids.resp(annotation)
    if who:
        attributes["resp"] = who
    if annotation.status != "ok":
        attributes["n"] = f"{where} (waiting for review)"
    child(division, "note", annotation.note or None, **attributes)


class TeiCorpusWriter:
    """One ``teiCorpus`` file: its own header, then each document's ``TEI`` as it comes."""

    def __init__(self, stream: BinaryIO, *, title: str, exported: str):
        self.exported = exported
        self._stack = ExitStack()
        self.xf = self._stack.enter_context(etree.xmlfile(stream, encoding="utf-8"))
        self.xf.write_declaration()
        self.xf.write(etree.ProcessingInstruction("xml-model", SCHEMA_PI), pretty_print=True)
        self._stack.enter_context(self.xf.element(tei("teiCorpus"), nsmap={None: TEI_NS}))
        header = etree.Element(tei("teiHeader"), nsmap={None: TEI_NS})
        file_desc = child(header, "fileDesc")
        child(child(file_desc, "titleStmt"), "title", title)
        child(child(file_desc, "publicationStmt"), "p", exported)
        child(child(file_desc, "sourceDesc"), "p", "Documents of an Archive Viewer archive, one TEI element each.")
        self.xf.write("\n", header, pretty_print=True)

    def write(self, item: ExportItem) -> None:
        self.xf.write(tei_document(item, in_corpus, self.exported), pretty_print=True)
        self.xf.flush()

    def close(self) -> None:
        self._stack.close()


class TeiFilesWriter:
    """One file per document, ``KEY.xml`` in a folder, each written beside itself and renamed."""

    def __init__(self, folder: Path, *, exported: str):
        self.folder = folder
        self.exported = exported
        self.written: list[Path] = []

    def write(self, item: ExportItem) -> None:
        path = self.folder / file_name(item.record.key)
        element = tei_document(item, file_name, self.exported)
        partial = path.with_name(path.name + ".part")
        tree = etree.ElementTree(element)
        element.addprevious(etree.ProcessingInstruction("xml-model", SCHEMA_PI))
        tree.write(str(partial), xml_declaration=True, encoding="utf-8", pretty_print=True)
        os.replace(partial, path)
        self.written.append(path)

    def close(self) -> None:
        pass
