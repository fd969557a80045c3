"""TEI and CMIF exports of the five seeds, validated with lxml against the TEI P5 RELAX NG schema
(``tei_all.rng``, read from ../shared/schemas) and read back element by element."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from lxml import etree

from viewer.core import annotations as ann
from viewer.core.exporters.fields import ExportItem, dating
from viewer.core.exporters.tei import TeiCorpusWriter, date_attributes

from ...conftest import SHARED
from .helpers import AGREE, by_prefix, export

TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TEI_ALL = SHARED / "schemas" / "tei_all.rng"


@pytest.fixture(scope="module")
def tei_all():
    """The TEI P5 schema (all modules), loaded once for the module: it takes several seconds."""
    if not TEI_ALL.exists():
        pytest.skip("../shared/schemas/tei_all.rng is not here")
    return etree.RelaxNG(etree.parse(str(TEI_ALL)))


def valid(schema_: etree.RelaxNG, root: etree._Element) -> None:
    ok = schema_.validate(etree.ElementTree(root))
    assert ok, "\n".join(f"{e.line}: {e.message}" for e in list(schema_.error_log)[:10])


# -- TEI ----------------------------------------------------------------------------------------


def marked_text(paragraphs: list[etree._Element], identifier: str) -> str:
    """The words of some paragraphs with ``[[`` and ``]]`` where one annotation's anchors are."""
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        tag = etree.QName(element).localname
        if tag == "anchor":
            parts.append({f"{identifier}-start": "[[", f"{identifier}-end": "]]"}.get(element.get(XML_ID), ""))
        elif tag == "lb":
            parts.append("\n")
        elif tag != "note":
            parts.append(element.text or "")
            for sub in element:
                walk(sub)
        parts.append(element.tail or "")

    for paragraph in paragraphs:
        walk(paragraph)
    return " ".join("".join(parts).split())


def test_tei_corpus_of_the_seeds_is_valid_tei_with_header_texts_and_annotations(seeded, tmp_path, tei_all):
    note = ann.highlight_quote(
        seeded, by_prefix(seeded, "001"), "translation", AGREE, note="Stalin <agrees> & more", author="Ms Teacher"
    )
    ann.Create(note).redo(seeded)
    root = etree.parse(str(export(seeded, "tei", tmp_path / "corpus.xml"))).getroot()
    valid(tei_all, root)
    assert etree.QName(root).localname == "teiCorpus"
    documents = root.findall("t:TEI", NS)
    assert len(documents) == 5
    tei = {d.get(XML_ID)[4:7]: d for d in documents}

    telegram = tei["004"]
    header = telegram.find("t:teiHeader", NS)
    assert header.findtext("t:fileDesc/t:titleStmt/t:title", namespaces=NS) == (
        "Telegram, Filippov [Stalin] to Mao Zedong via the Soviet ambassador"
    )
    identifier = header.find("t:fileDesc/t:sourceDesc/t:msDesc/t:msIdentifier", NS)
    assert identifier.findtext("t:repository", namespaces=NS) == "RGASPI"
    assert {i.get("type"): i.text for i in identifier.findall("t:idno", NS)} == {
        "fond": "588", "opis": "11", "delo": "334", "listy": "57",
    }  # fmt: skip
    sent = header.find("t:profileDesc/t:correspDesc/t:correspAction[@type='sent']", NS)
    assert sent.findtext("t:persName", namespaces=NS) == "Stalin"
    assert (sent.find("t:date", NS).get("when"), sent.findtext("t:date", namespaces=NS)) == (
        "1950-05-16",
        "May 16, 1950",
    )
    received = header.find("t:profileDesc/t:correspDesc/t:correspAction[@type='received']", NS)
    assert received.findtext("t:persName", namespaces=NS) == "Mao Zedong"
    assert received.findtext("t:placeName", namespaces=NS) == "Beijing"
    pointer = received.find("t:placeName", NS).get("ref")[1:]
    assert telegram.xpath(".//t:place[@xml:id=$id]/t:placeName/text()", namespaces=NS, id=pointer)[0] == "Beijing"
    assert [t.get("type") for t in telegram.findall("t:text/t:group/t:text", NS)] == ["transcript", "translation"]
    assert [t.get(XML_LANG) for t in telegram.findall("t:text/t:group/t:text", NS)] == ["ru", "en"]
    transcript = telegram.find("t:text/t:group/t:text[@type='transcript']/t:body", NS)
    assert "договор о дружбе, союзе" in " ".join("".join(transcript.itertext()).split())
    people = [p.findtext("t:persName", namespaces=NS) for p in telegram.findall(".//t:listPerson/t:person", NS)]
    assert people[:2] == ["Stalin", "Mao Zedong"] and "Molotov" in people
    assert "Filippov" in [n.text for n in telegram.findall(".//t:person/t:persName[@type='alias']", NS)]

    # the highlight: anchors around exactly its words, then a note from its author
    reply = tei["001"]
    body = reply.find("t:text/t:group/t:text[@type='translation']/t:body", NS)
    identifier = reply.get(XML_ID) + f"-annotation{note.id}"
    assert f"[[{AGREE}]]" in marked_text(body.findall("t:p", NS), identifier)
    notes = body.findall(".//t:note[@type='annotation']", NS)
    assert [(n.text, n.get("rend"), n.get("target"), n.get("targetEnd")) for n in notes] == [
        ("Stalin <agrees> & more", "yellow", f"#{identifier}-start", f"#{identifier}-end")
    ]
    resp = reply.xpath(".//t:respStmt[@xml:id=$id]/t:name/text()", namespaces=NS, id=notes[0].get("resp")[1:])
    assert resp == ["Ms Teacher"]
    # a reply points at the telegram it answers
    context = reply.find(".//t:correspContext/t:ref", NS)
    assert (context.get("type"), context.get("target")) == ("replyTo", "#" + tei["000"].get(XML_ID))


def test_tei_one_file_per_document_each_valid(seeded, tmp_path, tei_all):
    folder = export(seeded, "tei", tmp_path / "tei", tei_files=True)
    files = sorted(folder.glob("*.xml"))
    assert [f.name[:3] for f in files] == ["000", "001", "002", "003", "004"]
    for path in files:
        root = etree.parse(str(path)).getroot()
        assert etree.QName(root).localname == "TEI"
        valid(tei_all, root)
    assert not list(folder.glob("*.part"))


def test_tei_dates_say_their_precision(seeded):
    record = seeded.record(by_prefix(seeded, "002"))
    month = replace(record, date="1950-10-01", date_end="1950-10-31", date_precision="month")
    year = replace(record, date="1950-01-01", date_end="1950-12-31", date_precision="year")
    span = replace(record, date="1950-10-13", date_end="1950-10-20", date_precision="day")
    unknown = replace(record, date=None, date_end=None, date_precision="unknown", date_as_written="")
    assert date_attributes(record) == {"when": "1950-10-13"}
    assert date_attributes(month) == {"when": "1950-10"}
    assert date_attributes(year) == {"when": "1950"}
    assert date_attributes(span) == {"notBefore": "1950-10-13", "notAfter": "1950-10-20"}
    assert date_attributes(unknown) == {}
    assert [dating(r).parts for r in (month, year, span)] == [
        ((1950, 10),), ((1950,),), ((1950, 10, 13), (1950, 10, 20)),
    ]  # fmt: skip


def test_tei_takes_markup_and_control_characters_in_documents_as_text(seeded, tei_all):
    record = seeded.record(by_prefix(seeded, "002"))
    odd = replace(
        record,
        title="<b>Roshchin</b> & “Filippov” ]]> \x01",
        summary="Page one\fpage two",
        date=None,
        date_end=None,
        date_precision="unknown",
    )
    stream = io.BytesIO()
    writer = TeiCorpusWriter(stream, title="t & <t>", exported="Exported.")
    writer.write(ExportItem(odd))
    writer.close()
    root = etree.fromstring(stream.getvalue())
    valid(tei_all, root)
    assert root.findtext("t:TEI/t:teiHeader/t:fileDesc/t:titleStmt/t:title", namespaces=NS) == (
        "<b>Roshchin</b> & “Filippov” ]]> \ufffd"
    )
    assert root.findtext(".//t:abstract/t:p", namespaces=NS) == "Page one\npage two"


# -- CMIF ---------------------------------------------------------------------------------------

PLACES = {  # where the seeds' headings say they left from and arrived at
    "000": ("Beijing", None),
    "001": (None, "Beijing"),
    "002": (None, "Moscow"),
    "003": ("Pyongyang", None),
    "004": (None, "Beijing"),
}


def test_cmif_lists_each_letter_once_by_the_cmif_rules(seeded, tmp_path, tei_all):
    path = export(seeded, "cmif", tmp_path / "cmif.xml", editor="Ann Archivist", email="ann@example.org")
    root = etree.parse(str(path)).getroot()
    valid(tei_all, root)
    header = root.find("t:teiHeader", NS)
    editor = header.find("t:fileDesc/t:titleStmt/t:editor", NS)
    assert (editor.text, editor.findtext("t:email", namespaces=NS)) == ("Ann Archivist", "ann@example.org")
    publication = header.find("t:fileDesc/t:publicationStmt", NS)
    assert (
        publication.find("t:availability/t:licence", NS).get("target") == "https://creativecommons.org/licenses/by/4.0/"
    )
    assert publication.find("t:date", NS).get("when")
    bibl_ids = {b.get(XML_ID) for b in header.findall("t:fileDesc/t:sourceDesc/t:bibl", NS)}
    letters = header.findall("t:profileDesc/t:correspDesc", NS)
    assert len(letters) == 5 and len({d.get("key") for d in letters}) == 5
    for desc in letters:
        key = desc.get("key")[:3]
        record = seeded.record(by_prefix(seeded, key))
        assert desc.get("source")[0] == "#" and desc.get("source")[1:] in bibl_ids
        assert desc.get("ref") == record.url  # the letter's own address where it has one
        sent, received = (desc.find(f"t:correspAction[@type='{kind}']", NS) for kind in ("sent", "received"))
        assert [a.get("type") for a in desc.findall("t:correspAction", NS)] == ["sent", "received"]
        assert sent.findtext("t:persName", namespaces=NS) == record.sender
        assert received.findtext("t:persName", namespaces=NS) == record.recipient
        assert sent.find("t:date", NS).get("when") == record.date
        assert (sent.findtext("t:placeName", namespaces=NS), received.findtext("t:placeName", namespaces=NS)) == (
            PLACES[key]
        )
    assert root.find("t:text/t:body/t:p", NS) is not None


def test_cmif_with_a_base_address_gives_every_letter_one_and_skips_what_is_no_letter(seeded, tei_all):
    from viewer.core.exporters.cmif import CmifOptions, CmifWriter

    memo = seeded.record(by_prefix(seeded, "002"))
    memo = replace(memo, key="memo", people=[p for p in memo.people if p.role not in ("sender", "recipient")])
    stream = io.BytesIO()
    writer = CmifWriter(stream, CmifOptions(title="T", editor="E", base_url="https://example.org/archive/"))
    writer.write(ExportItem(seeded.record(by_prefix(seeded, "001"))))
    writer.write(ExportItem(memo))
    writer.close()
    root = etree.fromstring(stream.getvalue())
    valid(tei_all, root)
    assert (writer.letters, writer.skipped) == (1, 1)
    (desc,) = root.findall(".//t:correspDesc", NS)
    assert desc.get("ref") == "https://example.org/archive/001_56bc44923964e047"
    assert root.findtext(".//t:publicationStmt/t:idno[@type='url']", namespaces=NS) == (
        "https://example.org/archive/cmif.xml"
    )


def test_tei_keeps_annotations_that_anchor_nowhere_and_organisations(seeded, tei_all):
    from viewer.core.records import Annotation, Person

    record = seeded.record(by_prefix(seeded, "004"))
    translation = next(t for t in record.texts if t.kind == "translation")
    ministry = Person("MFA USSR", "organization", "sender", "МИД СССР", None, ["МИД СССР"])
    record = replace(record, people=[ministry, *record.people])
    on_scan = Annotation(7, record.id, "scan", "rect", "pink", "the stamp", "Ann", page_id=3, page_position=1)
    lost = Annotation(8, record.id, "translation", "highlight", note="words gone", text_id=translation.id,
                      status="needs_review", quote="a treaty of friendship")  # fmt: skip
    overlapping = [  # two highlights that overlap and one that runs across a paragraph break
        Annotation(9, record.id, "translation", "highlight", text_id=translation.id, start=10, end=40),
        Annotation(10, record.id, "translation", "highlight", text_id=translation.id, start=30, end=200),
    ]
    stream = io.BytesIO()
    writer = TeiCorpusWriter(stream, title="t", exported="Exported.")
    writer.write(ExportItem(record, [on_scan, lost, *overlapping]))
    writer.close()
    root = etree.fromstring(stream.getvalue())
    valid(tei_all, root)
    sent = root.find(".//t:correspAction[@type='sent']", NS)
    assert [e.text for e in sent] == ["MFA USSR", "Stalin", "May 16, 1950"]
    assert etree.QName(sent[0]).localname == "orgName"
    assert root.find(".//t:particDesc/t:listPerson/t:org/t:orgName", NS).text == "MFA USSR"
    notes = root.findall("t:TEI/t:text/t:back/t:div[@type='annotations']/t:note", NS)
    assert [(n.get("subtype"), n.get("n"), n.text) for n in notes] == [
        ("rect", "Page 2, rectangle", "the stamp"),
        ("highlight", "translation: “a treaty of friendship” (waiting for review)", "words gone"),
    ]
    anchors = root.findall(".//t:text[@type='translation']//t:anchor", NS)
    assert len(anchors) == 4 and len(root.findall(".//t:text[@type='translation']//t:note", NS)) == 2
