"""The sentences the core makes for people (review reasons, refused files, import and export notes,
history labels, why an archive cannot be opened) as stable English templates with named parameters.

The core stores and prints the English (the command line, the logs and every archive already made
keep it); the window says them in its own language without the core knowing Qt: ``parse`` finds the
template an English text was made from and its parameters, and the GUI (``viewer/gui/messages.py``)
fills a translation of the same template with them. A text no template matches (a reason from an
older version, or typed by a person) is shown as stored. ``say`` is how core code makes one.

A template changes only together with its translation: ``tests/gui/test_messages.py`` checks that the
GUI's table holds each of these, word for word.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from functools import cache

TEMPLATES: dict[str, str] = {
    # -- review reasons (stored with the document) ---------------------------------------------
    "no_labels": "no labels recognised: the title is the first line of the file",
    "no_date": "no date found",
    "no_title": "no title found",
    "no_text": "no document text found",
    "date_disagrees": "date: the heading says {heading}, the text says “{written}”",
    "title_guessed": "title guessed from the first page",
    "title_from_name": "no title found: the file name stands in",
    "date_guessed": "date guessed from the first page",
    "needs_ocr": "needs OCR: {pending} of {total} pages have no text layer",
    "needs_ocr_why": "needs OCR: {pending} of {total} pages have no text layer ({why})",
    "ocr_uncertain": "OCR text is uncertain (confidence {confidence} of 100)",
    "repaired": "the file was damaged and MuPDF repaired it: check the pages",
    "no_text_on_pages": "no text found on any page",
    "encoding": "the file is {encoding}: check the text against the original",
    "merge_conflict": "{field}: corrected differently in {other} ({theirs}, {their_author}, {their_day}) and here "
    "({mine}, {my_author}, {my_day}); kept the newer, {kept}",
    "file_disagrees": "{field}: the file now says {fresh}; kept the correction {kept} ({author}, {day})",
    # why pages still need OCR
    "ocr_not_asked": "OCR was not asked for",
    "ocr_failed_some": "OCR failed on some pages",
    "no_tesseract": "Tesseract is not installed",
    "no_tesseract_language": "no Tesseract language data for {languages}",
    # -- refused files, and notes on imported ones ---------------------------------------------
    "empty_file": "the file is empty",
    "not_valid_text": "not valid {encoding} text ({detail})",
    "binary": "not a text file (it holds binary data)",
    "few_letters": "not a text file (hardly any letters in it)",
    "no_such_file": "no such file",
    "is_folder": "is a folder",
    "not_regular_file": "is not a regular file (a named pipe or a device)",
    "cannot_read": "cannot be read ({detail})",
    "not_written": "could not be written: {reason}",
    "disk_full": "the disk is full (or the archive reached its size limit); nothing of this file was written",
    "unexpected": "unexpected error: {detail}",
    "not_an_image": "not a readable image: its bytes are not JPEG, PNG or TIFF",
    "no_document_to_attach": "no document with id {id} to attach it to",
    "not_a_scan": "not an image or a PDF (JPEG, PNG, TIFF or PDF expected)",
    "scan_attached_already": "this scan is already attached to the document",
    "not_a_pdf": "not a PDF, or damaged beyond repair (MuPDF: {detail})",
    "not_an_image_kind": "not a readable {kind} image (MuPDF: {detail})",
    "password_needed": "encrypted: a password is needed (--password on the command line)",
    "wrong_password": "encrypted, and the password given does not open it",
    "pages_uncountable": "damaged: its pages cannot be counted (MuPDF: {detail})",
    "no_pages": "has no pages",
    "too_many_pages": "has {count} pages, more than the limit of {limit}",
    "too_slow": "reading took longer than {seconds} s (stopped at page {page} of {count})",
    "page_absurd": "page {page} has an absurd size ({width} × {height} pt)",
    "page_unreadable": "page {page} cannot be read (MuPDF: {detail})",
    "no_readable_page": "no readable page",
    "no_page_readable": "none of its {count} pages can be read ({note})",
    "nothing_recovered": "damaged: MuPDF rebuilt its structure but recovered no page content",
    "stored_unlocked": "stored without its password, so its pages can be shown",
    "repaired_damaged": "damaged; MuPDF repaired it",
    "repaired_damaged_detail": "damaged; MuPDF repaired it ({detail})",
    "attached_one": "{count} page attached",
    "attached": "{count} pages attached",
    "ocr_page_failed": "page {page}: OCR failed ({detail})",
    "unchanged": "already in the archive, unchanged",
    "unchanged_record": "{record}: already in the archive, unchanged",
    "sidecar": "read as the metadata of {name}",
    "sheet_empty": "the spreadsheet is empty (no header row)",
    "sheet_no_column": "no column names a file, a title, a key or a url (see docs/import-csv.md)",
    "sheet_row_error": "row {row}: column {column}: {reason}",
    "json_invalid": "not valid JSON (line {line}, column {column})",
    "json_not_export": 'not an Archive Viewer export (no "format": "{format}"); a PDF\'s metadata file is read with '
    "its PDF",
    "json_version": "an export of version {version}; this program reads versions up to {newest}",
    "json_no_documents": "the export holds no list of documents",
    "json_too_deep": "not an Archive Viewer export (its JSON is nested too deeply to read)",
    "json_record": "document {number} ({key})",
    "json_not_record": "document {number}: not a record of this format ({error})",
    "json_not_written": "document {number}: could not be written ({error})",
    "json_scan_left_out": "{record}; its scan ({pages} pages) is not in a JSON export made without "
    "--with-scans: attach it, or merge the archive",
    # -- why an archive (or the kiosk's lesson) cannot be opened -------------------------------
    "archive_missing": "{path}: no such archive (the file is missing)",
    "archive_unreadable": "{path}: cannot be read ({detail})",
    "archive_empty": "{path}: the file is empty, not an archive",
    "archive_not_sqlite": "{path}: not an archive (not an SQLite database)",
    "archive_truncated": "{path}: the archive is truncated",
    "archive_is_folder": "{path}: is a folder, not an archive file",
    "archive_older": "{path}: an older archive; open it once for writing to upgrade it",
    "archive_foreign": "{path}: not an Archive Viewer archive (another program's SQLite database); "
    "nothing was written to it",
    "archive_no_folder": "{path}: the folder {folder} does not exist",
    "archive_readonly_folder": "{path}: cannot create an archive in a read-only folder",
    "kiosk_no_collection": "{path}: no collection “{name}” (kiosk.toml [exhibit] collection); this archive has {names}",
    "kiosk_no_collections": "{path}: no collection “{name}” (kiosk.toml [exhibit] collection); "
    "this archive has no collections",
    "kiosk_config_missing": "{path}: no such kiosk configuration",
    "kiosk_config_toml": "{path}: not valid TOML ({detail})",
    "kiosk_config_section": "{path}: unknown section [{section}] (known: {known})",
    "kiosk_config_option": "{path}: unknown option {where} (known here: {known})",
    "file_not_in_archive": "file {id} is not in the archive",
    "page_not_in_file": "page {page} is not in its file, which ends at page {count}",
    # -- export progress ------------------------------------------------------------------------
    "exporting": "Exporting {count} documents",
    "setting": "Setting {title}",
    "writing_pdf": "Writing the PDF",
    "pdf_written": "{pages} pages, {annotations} annotations",
    "exported_one": "{count} document",
    "exported": "{count} documents",
    "letters_one": "{count} letter",
    "letters": "{count} letters",
    "letters_skipped": "{count} letters, {skipped} not letters",
    "letters_one_skipped": "{count} letter, {skipped} not letters",
    # -- a merge's report -----------------------------------------------------------------------
    "merge_line": "{added} added, {updated} updated, {conflicting} conflicting, {skipped} skipped",
    "merged_scan": "scan ({pages})",
    "pages_one": "{count} page",
    "pages": "{count} pages",
    "annotations_one": "{count} annotation",
    "annotations": "{count} annotations",
    "tags_one": "{count} tag",
    "tags": "{count} tags",
    "annotation_edited": "{count} annotation edited there since",
    "annotations_edited": "{count} annotations edited there since",
    "merged_tags": "tags {tags}",
    "corrected_there": "{field} as {author} corrected it there",
    # -- values and labels in the history -------------------------------------------------------
    "nothing": "nothing",
    "text_of": "a text of {count} characters",
    "edit": "Edit {fields}",
    "edit_many": "Edit {fields} of {count} documents",
    "tag": "Tag {tags}",
    "tag_many": "Tag {tags} on {count} documents",
    "mark_reviewed": "Mark reviewed",
    "mark_reviewed_many": "Mark reviewed ({count} documents)",
    "delete": "Delete {key}",
    "delete_many": "Delete {count} documents",
    "restore": "Restore {key}",
    "restore_many": "Restore {count} documents",
    "purge": "Empty the trash of {key}",
    "purge_many": "Empty the trash of {count} documents",
    "undo": "Undo {label}",
    "redo": "Redo {label}",
    "edit_merged": "Edit {field} (merged from {other})",
    "merge_kept_newer": "Merge {field} from {other}: kept the newer correction",
    "tag_merged": "Tag {tags} (merged from {other})",
    # -- why a change in the window was refused ------------------------------------------------
    "no_documents": "no documents chosen",
    "nothing_given": "nothing to change: no field given",
    "nothing_changed": "nothing to change: every value is as it was",
    "no_tag": "no tag to add or remove",
    "tags_carried": "nothing to change: the documents already carry these tags",
    "nothing_to_review": "nothing to review: no chosen document needs review",
    "link_to_itself": "a document cannot link to itself",
    "alias_own": "an alias must be a name other than the entry's own",
    "tag_empty": "a tag cannot be empty",
    "tag_too_long": "a tag is at most 80 characters",
    "no_such_change": "no change {id} in the history",
    "not_reversible": "“{label}” cannot be undone",
    "undone_already": "“{label}” was undone already (change {id})",
    "undo_changed": "cannot undo “{label}”: the {part} has changed since",
    "undo_changed_of": "cannot undo “{label}”: the {part} of {key} has changed since",
    "undo_changed_now": "cannot undo “{label}”: the {part} of {key} has changed since (now {now})",
    "undo_live": "cannot undo “{label}”: the document {key} is in the archive",
    "undo_trash": "cannot undo “{label}”: the document {key} is in the trash",
    "undo_gone": "cannot undo “{label}”: the document {key} is emptied from the trash",
    "readonly_media": "the archive is on read-only media or its file is read-only",
    "title_empty": "a title cannot be empty",
    "expected_text": "expected text, got {kind}",
    "not_iso_date": "“{value}” is not an ISO date (yyyy-mm-dd)",
    "date_expected": "expected the date as written, or {parts}",
    "date_unknown_part": "unknown part {parts}",
    "date_written_text": "the date as written must be text",
    "date_unreadable": "“{text}” is not a date this program can read (try {examples})",
    "date_no_start": "a date range needs its start",
    "date_end_before": "the end {end} is before the start {start}",
    "date_precision": "unknown precision {precision} ({known})",
    "date_unknown": "“unknown”",
    "names_expected": "expected a list of names",
    "entry_no_name": "each entry needs a name",
    "entity_kind": "unknown kind {kind} ({known})",
    "refs_expected": "expected a list of references",
    "ref_parts": "a reference has the parts {parts}",
    "ref_empty": "an empty reference",
    "numbers_expected": "expected a list of numbers",
    "number_empty": "a reference number needs a label or a number",
    "number_role": "unknown role {role} ({known})",
    "link_relation": "unknown relation {relation} ({known})",
    "links_expected": "expected a list of links",
    "link_form": "“{item}”: write a link as RELATION:DOCUMENT, e.g. {example}",
    "link_no_relation": "each link needs a relation",
    "link_no_target": "a link needs the document it points to",
    "body_expected": "expected the text's body",
}


@dataclass(frozen=True)
class Message:
    """One message: a template's code and the values of its parameters (as the English shows them)."""

    code: str
    params: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return TEMPLATES[self.code].format(**self.params)


def say(code: str, **params: object) -> str:
    """The English text of the message ``code`` (what the command line prints and the archive stores)."""
    return TEMPLATES[code].format(**params)


@cache
def _patterns() -> list[tuple[int, str, re.Pattern[str]]]:
    """Each template as a pattern (a parameter is any text), the most literal words first, so that
    "Delete 3 documents" is read as ``delete_many`` before ``delete`` with the key "3 documents"."""
    found = []
    for code, template in TEMPLATES.items():
        literal, pattern = 0, []
        for text, name, _spec, _conversion in string.Formatter().parse(template):
            literal += len(text)
            pattern.append(re.escape(text))
            if name:
                pattern.append(f"(?P<{name}>.+?)")
        found.append((literal, code, re.compile("".join(pattern), re.DOTALL)))
    return sorted(found, key=lambda item: -item[0])


def parse(text: str) -> Message | None:
    """The message an English text was made from (a stored review reason, a refusal), or None."""
    for _literal, code, pattern in _patterns():
        match = pattern.fullmatch(text)
        if match is not None:
            return Message(code, match.groupdict())
    return None
