"""The core's sentences (review reasons, refused files, export progress, history labels, why an
archive cannot be opened) in the interface's language.

The core makes them in English from the templates of ``viewer/core/messages.py`` and stores them so
(an archive keeps its review reasons); ``shown`` finds the template a text was made from, translates
that template (each is marked here, in the "Messages" context, for ``lupdate``) and fills it with the
same parameters, themselves translated where they are a message or a field's name. A text no template
matches is shown as it is: imported words and a reason from an older version stay as stored.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..core import curation
from ..core.messages import parse
from . import i18n
from .i18n import QT_TRANSLATE_NOOP

CONTEXT = "Messages"

# Word for word the core's TEMPLATES (a test compares them); the translation is in the .ts.
TEMPLATES: dict[str, str] = {
    "no_labels": QT_TRANSLATE_NOOP("Messages", "no labels recognised: the title is the first line of the file"),
    "no_date": QT_TRANSLATE_NOOP("Messages", "no date found"),
    "no_title": QT_TRANSLATE_NOOP("Messages", "no title found"),
    "no_text": QT_TRANSLATE_NOOP("Messages", "no document text found"),
    "date_disagrees": QT_TRANSLATE_NOOP("Messages", "date: the heading says {heading}, the text says “{written}”"),
    "title_guessed": QT_TRANSLATE_NOOP("Messages", "title guessed from the first page"),
    "title_from_name": QT_TRANSLATE_NOOP("Messages", "no title found: the file name stands in"),
    "date_guessed": QT_TRANSLATE_NOOP("Messages", "date guessed from the first page"),
    "needs_ocr": QT_TRANSLATE_NOOP("Messages", "needs OCR: {pending} of {total} pages have no text layer"),
    "needs_ocr_why": QT_TRANSLATE_NOOP("Messages", "needs OCR: {pending} of {total} pages have no text layer ({why})"),
    "ocr_uncertain": QT_TRANSLATE_NOOP("Messages", "OCR text is uncertain (confidence {confidence} of 100)"),
    "repaired": QT_TRANSLATE_NOOP("Messages", "the file was damaged and MuPDF repaired it: check the pages"),
    "no_text_on_pages": QT_TRANSLATE_NOOP("Messages", "no text found on any page"),
    "encoding": QT_TRANSLATE_NOOP("Messages", "the file is {encoding}: check the text against the original"),
    "merge_conflict": QT_TRANSLATE_NOOP(
        "Messages",
        "{field}: corrected differently in {other} ({theirs}, {their_author}, {their_day}) and here ({mine}, {my_author}, {my_day}); kept the newer, {kept}",  # noqa: E501
    ),
    "file_disagrees": QT_TRANSLATE_NOOP(
        "Messages", "{field}: the file now says {fresh}; kept the correction {kept} ({author}, {day})"
    ),
    "ocr_not_asked": QT_TRANSLATE_NOOP("Messages", "OCR was not asked for"),
    "ocr_failed_some": QT_TRANSLATE_NOOP("Messages", "OCR failed on some pages"),
    "no_tesseract": QT_TRANSLATE_NOOP("Messages", "Tesseract is not installed"),
    "no_tesseract_language": QT_TRANSLATE_NOOP("Messages", "no Tesseract language data for {languages}"),
    "empty_file": QT_TRANSLATE_NOOP("Messages", "the file is empty"),
    "not_valid_text": QT_TRANSLATE_NOOP("Messages", "not valid {encoding} text ({detail})"),
    "binary": QT_TRANSLATE_NOOP("Messages", "not a text file (it holds binary data)"),
    "few_letters": QT_TRANSLATE_NOOP("Messages", "not a text file (hardly any letters in it)"),
    "no_such_file": QT_TRANSLATE_NOOP("Messages", "no such file"),
    "is_folder": QT_TRANSLATE_NOOP("Messages", "is a folder"),
    "not_regular_file": QT_TRANSLATE_NOOP("Messages", "is not a regular file (a named pipe or a device)"),
    "cannot_read": QT_TRANSLATE_NOOP("Messages", "cannot be read ({detail})"),
    "not_written": QT_TRANSLATE_NOOP("Messages", "could not be written: {reason}"),
    "disk_full": QT_TRANSLATE_NOOP(
        "Messages", "the disk is full (or the archive reached its size limit); nothing of this file was written"
    ),
    "unexpected": QT_TRANSLATE_NOOP("Messages", "unexpected error: {detail}"),
    "not_an_image": QT_TRANSLATE_NOOP("Messages", "not a readable image: its bytes are not JPEG, PNG or TIFF"),
    "no_document_to_attach": QT_TRANSLATE_NOOP("Messages", "no document with id {id} to attach it to"),
    "not_a_scan": QT_TRANSLATE_NOOP("Messages", "not an image or a PDF (JPEG, PNG, TIFF or PDF expected)"),
    "scan_attached_already": QT_TRANSLATE_NOOP("Messages", "this scan is already attached to the document"),
    "not_a_pdf": QT_TRANSLATE_NOOP("Messages", "not a PDF, or damaged beyond repair (MuPDF: {detail})"),
    "not_an_image_kind": QT_TRANSLATE_NOOP("Messages", "not a readable {kind} image (MuPDF: {detail})"),
    "password_needed": QT_TRANSLATE_NOOP(
        "Messages", "encrypted: a password is needed (--password on the command line)"
    ),
    "wrong_password": QT_TRANSLATE_NOOP("Messages", "encrypted, and the password given does not open it"),
    "pages_uncountable": QT_TRANSLATE_NOOP("Messages", "damaged: its pages cannot be counted (MuPDF: {detail})"),
    "no_pages": QT_TRANSLATE_NOOP("Messages", "has no pages"),
    "too_many_pages": QT_TRANSLATE_NOOP("Messages", "has {count} pages, more than the limit of {limit}"),
    "too_slow": QT_TRANSLATE_NOOP(
        "Messages", "reading took longer than {seconds} s (stopped at page {page} of {count})"
    ),
    "page_absurd": QT_TRANSLATE_NOOP("Messages", "page {page} has an absurd size ({width} × {height} pt)"),
    "page_unreadable": QT_TRANSLATE_NOOP("Messages", "page {page} cannot be read (MuPDF: {detail})"),
    "no_readable_page": QT_TRANSLATE_NOOP("Messages", "no readable page"),
    "no_page_readable": QT_TRANSLATE_NOOP("Messages", "none of its {count} pages can be read ({note})"),
    "nothing_recovered": QT_TRANSLATE_NOOP(
        "Messages", "damaged: MuPDF rebuilt its structure but recovered no page content"
    ),
    "stored_unlocked": QT_TRANSLATE_NOOP("Messages", "stored without its password, so its pages can be shown"),
    "repaired_damaged": QT_TRANSLATE_NOOP("Messages", "damaged; MuPDF repaired it"),
    "repaired_damaged_detail": QT_TRANSLATE_NOOP("Messages", "damaged; MuPDF repaired it ({detail})"),
    "attached_one": QT_TRANSLATE_NOOP("Messages", "{count} page attached"),
    "attached": QT_TRANSLATE_NOOP("Messages", "{count} pages attached"),
    "ocr_page_failed": QT_TRANSLATE_NOOP("Messages", "page {page}: OCR failed ({detail})"),
    "unchanged": QT_TRANSLATE_NOOP("Messages", "already in the archive, unchanged"),
    "unchanged_record": QT_TRANSLATE_NOOP("Messages", "{record}: already in the archive, unchanged"),
    "sidecar": QT_TRANSLATE_NOOP("Messages", "read as the metadata of {name}"),
    "sheet_empty": QT_TRANSLATE_NOOP("Messages", "the spreadsheet is empty (no header row)"),
    "sheet_no_column": QT_TRANSLATE_NOOP(
        "Messages", "no column names a file, a title, a key or a url (see docs/import-csv.md)"
    ),
    "sheet_row_error": QT_TRANSLATE_NOOP("Messages", "row {row}: column {column}: {reason}"),
    "json_invalid": QT_TRANSLATE_NOOP("Messages", "not valid JSON (line {line}, column {column})"),
    "json_not_export": QT_TRANSLATE_NOOP(
        "Messages",
        'not an Archive Viewer export (no "format": "{format}"); a PDF\'s metadata file is read with its PDF',
    ),
    "json_version": QT_TRANSLATE_NOOP(
        "Messages", "an export of version {version}; this program reads versions up to {newest}"
    ),
    "json_no_documents": QT_TRANSLATE_NOOP("Messages", "the export holds no list of documents"),
    "json_too_deep": QT_TRANSLATE_NOOP(
        "Messages", "not an Archive Viewer export (its JSON is nested too deeply to read)"
    ),
    "json_record": QT_TRANSLATE_NOOP("Messages", "document {number} ({key})"),
    "json_not_record": QT_TRANSLATE_NOOP("Messages", "document {number}: not a record of this format ({error})"),
    "json_not_written": QT_TRANSLATE_NOOP("Messages", "document {number}: could not be written ({error})"),
    "json_scan_left_out": QT_TRANSLATE_NOOP(
        "Messages",
        "{record}; its scan ({pages} pages) is not in a JSON export made without --with-scans: attach it, or merge the archive",  # noqa: E501
    ),
    "archive_missing": QT_TRANSLATE_NOOP("Messages", "{path}: no such archive (the file is missing)"),
    "archive_unreadable": QT_TRANSLATE_NOOP("Messages", "{path}: cannot be read ({detail})"),
    "archive_empty": QT_TRANSLATE_NOOP("Messages", "{path}: the file is empty, not an archive"),
    "archive_not_sqlite": QT_TRANSLATE_NOOP("Messages", "{path}: not an archive (not an SQLite database)"),
    "archive_truncated": QT_TRANSLATE_NOOP("Messages", "{path}: the archive is truncated"),
    "archive_is_folder": QT_TRANSLATE_NOOP("Messages", "{path}: is a folder, not an archive file"),
    "archive_older": QT_TRANSLATE_NOOP("Messages", "{path}: an older archive; open it once for writing to upgrade it"),
    "archive_foreign": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}: not an Archive Viewer archive (another program's SQLite database); nothing was written to it",
    ),
    "archive_no_folder": QT_TRANSLATE_NOOP("Messages", "{path}: the folder {folder} does not exist"),
    "archive_readonly_folder": QT_TRANSLATE_NOOP("Messages", "{path}: cannot create an archive in a read-only folder"),
    "kiosk_no_collection": QT_TRANSLATE_NOOP(
        "Messages", "{path}: no collection “{name}” (kiosk.toml [exhibit] collection); this archive has {names}"
    ),
    "kiosk_no_collections": QT_TRANSLATE_NOOP(
        "Messages", "{path}: no collection “{name}” (kiosk.toml [exhibit] collection); this archive has no collections"
    ),
    "kiosk_config_missing": QT_TRANSLATE_NOOP("Messages", "{path}: no such kiosk configuration"),
    "kiosk_config_toml": QT_TRANSLATE_NOOP("Messages", "{path}: not valid TOML ({detail})"),
    "kiosk_config_section": QT_TRANSLATE_NOOP("Messages", "{path}: unknown section [{section}] (known: {known})"),
    "kiosk_config_option": QT_TRANSLATE_NOOP("Messages", "{path}: unknown option {where} (known here: {known})"),
    "file_not_in_archive": QT_TRANSLATE_NOOP("Messages", "file {id} is not in the archive"),
    "page_not_in_file": QT_TRANSLATE_NOOP("Messages", "page {page} is not in its file, which ends at page {count}"),
    "exporting": QT_TRANSLATE_NOOP("Messages", "Exporting {count} documents"),
    "setting": QT_TRANSLATE_NOOP("Messages", "Setting {title}"),
    "writing_pdf": QT_TRANSLATE_NOOP("Messages", "Writing the PDF"),
    "pdf_written": QT_TRANSLATE_NOOP("Messages", "{pages} pages, {annotations} annotations"),
    "exported_one": QT_TRANSLATE_NOOP("Messages", "{count} document"),
    "exported": QT_TRANSLATE_NOOP("Messages", "{count} documents"),
    "letters_one": QT_TRANSLATE_NOOP("Messages", "{count} letter"),
    "letters": QT_TRANSLATE_NOOP("Messages", "{count} letters"),
    "letters_skipped": QT_TRANSLATE_NOOP("Messages", "{count} letters, {skipped} not letters"),
    "letters_one_skipped": QT_TRANSLATE_NOOP("Messages", "{count} letter, {skipped} not letters"),
    "merge_line": QT_TRANSLATE_NOOP(
        "Messages", "{added} added, {updated} updated, {conflicting} conflicting, {skipped} skipped"
    ),
    "merged_scan": QT_TRANSLATE_NOOP("Messages", "scan ({pages})"),
    "pages_one": QT_TRANSLATE_NOOP("Messages", "{count} page"),
    "pages": QT_TRANSLATE_NOOP("Messages", "{count} pages"),
    "annotations_one": QT_TRANSLATE_NOOP("Messages", "{count} annotation"),
    "annotations": QT_TRANSLATE_NOOP("Messages", "{count} annotations"),
    "tags_one": QT_TRANSLATE_NOOP("Messages", "{count} tag"),
    "tags": QT_TRANSLATE_NOOP("Messages", "{count} tags"),
    "annotation_edited": QT_TRANSLATE_NOOP("Messages", "{count} annotation edited there since"),
    "annotations_edited": QT_TRANSLATE_NOOP("Messages", "{count} annotations edited there since"),
    "merged_tags": QT_TRANSLATE_NOOP("Messages", "tags {tags}"),
    "corrected_there": QT_TRANSLATE_NOOP("Messages", "{field} as {author} corrected it there"),
    "nothing": QT_TRANSLATE_NOOP("Messages", "nothing"),
    "text_of": QT_TRANSLATE_NOOP("Messages", "a text of {count} characters"),
    "edit": QT_TRANSLATE_NOOP("Messages", "Edit {fields}"),
    "edit_many": QT_TRANSLATE_NOOP("Messages", "Edit {fields} of {count} documents"),
    "tag": QT_TRANSLATE_NOOP("Messages", "Tag {tags}"),
    "tag_many": QT_TRANSLATE_NOOP("Messages", "Tag {tags} on {count} documents"),
    "mark_reviewed": QT_TRANSLATE_NOOP("Messages", "Mark reviewed"),
    "mark_reviewed_many": QT_TRANSLATE_NOOP("Messages", "Mark reviewed ({count} documents)"),
    "delete": QT_TRANSLATE_NOOP("Messages", "Delete {key}"),
    "delete_many": QT_TRANSLATE_NOOP("Messages", "Delete {count} documents"),
    "restore": QT_TRANSLATE_NOOP("Messages", "Restore {key}"),
    "restore_many": QT_TRANSLATE_NOOP("Messages", "Restore {count} documents"),
    "purge": QT_TRANSLATE_NOOP("Messages", "Empty the trash of {key}"),
    "purge_many": QT_TRANSLATE_NOOP("Messages", "Empty the trash of {count} documents"),
    "undo": QT_TRANSLATE_NOOP("Messages", "Undo {label}"),
    "redo": QT_TRANSLATE_NOOP("Messages", "Redo {label}"),
    "edit_merged": QT_TRANSLATE_NOOP("Messages", "Edit {field} (merged from {other})"),
    "merge_kept_newer": QT_TRANSLATE_NOOP("Messages", "Merge {field} from {other}: kept the newer correction"),
    "tag_merged": QT_TRANSLATE_NOOP("Messages", "Tag {tags} (merged from {other})"),
    "no_documents": QT_TRANSLATE_NOOP("Messages", "no documents chosen"),
    "nothing_given": QT_TRANSLATE_NOOP("Messages", "nothing to change: no field given"),
    "nothing_changed": QT_TRANSLATE_NOOP("Messages", "nothing to change: every value is as it was"),
    "no_tag": QT_TRANSLATE_NOOP("Messages", "no tag to add or remove"),
    "tags_carried": QT_TRANSLATE_NOOP("Messages", "nothing to change: the documents already carry these tags"),
    "nothing_to_review": QT_TRANSLATE_NOOP("Messages", "nothing to review: no chosen document needs review"),
    "link_to_itself": QT_TRANSLATE_NOOP("Messages", "a document cannot link to itself"),
    "alias_own": QT_TRANSLATE_NOOP("Messages", "an alias must be a name other than the entry's own"),
    "tag_empty": QT_TRANSLATE_NOOP("Messages", "a tag cannot be empty"),
    "tag_too_long": QT_TRANSLATE_NOOP("Messages", "a tag is at most 80 characters"),
    "no_such_change": QT_TRANSLATE_NOOP("Messages", "no change {id} in the history"),
    "not_reversible": QT_TRANSLATE_NOOP("Messages", "“{label}” cannot be undone"),
    "undone_already": QT_TRANSLATE_NOOP("Messages", "“{label}” was undone already (change {id})"),
    "undo_changed": QT_TRANSLATE_NOOP("Messages", "cannot undo “{label}”: the {part} has changed since"),
    "undo_changed_of": QT_TRANSLATE_NOOP("Messages", "cannot undo “{label}”: the {part} of {key} has changed since"),
    "undo_changed_now": QT_TRANSLATE_NOOP(
        "Messages", "cannot undo “{label}”: the {part} of {key} has changed since (now {now})"
    ),
    "undo_live": QT_TRANSLATE_NOOP("Messages", "cannot undo “{label}”: the document {key} is in the archive"),
    "undo_trash": QT_TRANSLATE_NOOP("Messages", "cannot undo “{label}”: the document {key} is in the trash"),
    "undo_gone": QT_TRANSLATE_NOOP("Messages", "cannot undo “{label}”: the document {key} is emptied from the trash"),
    "readonly_media": QT_TRANSLATE_NOOP("Messages", "the archive is on read-only media or its file is read-only"),
    "title_empty": QT_TRANSLATE_NOOP("Messages", "a title cannot be empty"),
    "expected_text": QT_TRANSLATE_NOOP("Messages", "expected text, got {kind}"),
    "not_iso_date": QT_TRANSLATE_NOOP("Messages", "“{value}” is not an ISO date (yyyy-mm-dd)"),
    "date_expected": QT_TRANSLATE_NOOP("Messages", "expected the date as written, or {parts}"),
    "date_unknown_part": QT_TRANSLATE_NOOP("Messages", "unknown part {parts}"),
    "date_written_text": QT_TRANSLATE_NOOP("Messages", "the date as written must be text"),
    "date_unreadable": QT_TRANSLATE_NOOP("Messages", "“{text}” is not a date this program can read (try {examples})"),
    "date_no_start": QT_TRANSLATE_NOOP("Messages", "a date range needs its start"),
    "date_end_before": QT_TRANSLATE_NOOP("Messages", "the end {end} is before the start {start}"),
    "date_precision": QT_TRANSLATE_NOOP("Messages", "unknown precision {precision} ({known})"),
    "date_unknown": QT_TRANSLATE_NOOP("Messages", "“unknown”"),
    "names_expected": QT_TRANSLATE_NOOP("Messages", "expected a list of names"),
    "entry_no_name": QT_TRANSLATE_NOOP("Messages", "each entry needs a name"),
    "entity_kind": QT_TRANSLATE_NOOP("Messages", "unknown kind {kind} ({known})"),
    "refs_expected": QT_TRANSLATE_NOOP("Messages", "expected a list of references"),
    "ref_parts": QT_TRANSLATE_NOOP("Messages", "a reference has the parts {parts}"),
    "ref_empty": QT_TRANSLATE_NOOP("Messages", "an empty reference"),
    "numbers_expected": QT_TRANSLATE_NOOP("Messages", "expected a list of numbers"),
    "number_empty": QT_TRANSLATE_NOOP("Messages", "a reference number needs a label or a number"),
    "number_role": QT_TRANSLATE_NOOP("Messages", "unknown role {role} ({known})"),
    "link_relation": QT_TRANSLATE_NOOP("Messages", "unknown relation {relation} ({known})"),
    "links_expected": QT_TRANSLATE_NOOP("Messages", "expected a list of links"),
    "link_form": QT_TRANSLATE_NOOP("Messages", "“{item}”: write a link as RELATION:DOCUMENT, e.g. {example}"),
    "link_no_relation": QT_TRANSLATE_NOOP("Messages", "each link needs a relation"),
    "link_no_target": QT_TRANSLATE_NOOP("Messages", "a link needs the document it points to"),
    "body_expected": QT_TRANSLATE_NOOP("Messages", "expected the text's body"),
}

# parameters that are themselves a message (a reason within a reason, a value described in words)
NESTED = {"reason", "why", "note", "label", "fresh", "kept", "theirs", "mine", "pages", "now", "record"}
# what else a change touches besides fields (ChangeItem.target), for "the {part} has changed since"
PARTS = {"tags": QT_TRANSLATE_NOOP("Messages", "tags"), "review": QT_TRANSLATE_NOOP("Messages", "review state")}
_FIELD_NAMES = {spec.label.lower(): name for name, spec in curation.FIELDS.items()}


def _field(label: str) -> str:
    """A field's English label ("Title" or "title", as the core wrote it) in the interface's language."""
    name = _FIELD_NAMES.get(label.lower())
    if name is None:
        return label
    shown = i18n.field_label(name, label)
    return shown if label[:1].isupper() else shown.lower()


def _fields(text: str) -> str:
    """ "title, date and sender" (field_values.field_list) in the interface's language."""
    head, _and, last = text.rpartition(" and ")
    labels = [*(head.split(", ") if head else []), last]
    names = [_FIELD_NAMES.get(label) for label in labels]
    if any(name is None for name in names):
        return text
    return i18n.field_list([name for name in names if name])


def _param(name: str, value: str) -> str:
    if name in NESTED:
        return shown(value)
    if name == "field":
        return _field(value)
    if name == "fields":
        return _fields(value)
    if name == "part":  # a field's or a target's name as stored ("title", "tags")
        if value in curation.FIELDS:
            return i18n.field_label(value, value).lower()
        return QCoreApplication.translate(CONTEXT, PARTS[value]) if value in PARTS else value
    return value


def shown(text: str) -> str:
    """``text``, an English message of the core (made now or stored long ago), in the interface's
    language; several joined with "; " each on its own; anything else as it is."""
    if i18n.current() == i18n.ENGLISH or not text:
        return text
    message = parse(text)
    if message is None:
        return _each(text.split("; ")) if "; " in text else text
    params = {name: _param(name, value) for name, value in message.params.items()}
    return QCoreApplication.translate(CONTEXT, TEMPLATES[message.code]).format(**params)


JOINED = 3  # the most parts a template's own "; " makes


def _each(parts: list[str]) -> str:
    """Messages joined with "; ", each said on its own; a message that has "; " in it ("damaged;
    MuPDF repaired it") is found as the longest run of up to JOINED parts that makes one."""
    said, start = [], 0
    while start < len(parts):
        end = next(
            (
                end
                for end in range(min(len(parts), start + JOINED), start + 1, -1)
                if parse("; ".join(parts[start:end]))
            ),
            start + 1,
        )
        said.append(shown("; ".join(parts[start:end])))
        start = end
    return "; ".join(said)


def shown_all(texts: list[str]) -> list[str]:
    return [shown(text) for text in texts]
