"""Formatted citations: Chicago notes and bibliography, APA and MLA, rendered by citeproc-py from
the CSL style files shipped in ``styles/`` and the CSL item ``csl.csl_item`` makes of a record.

A note style's citation is its footnote ("chicago-note"), its bibliography entry the reference
list's line ("chicago-bibliography"); author-date styles are offered by their reference list
entry, the form a reader pastes into a paper. Each citation is rendered on its own (a fresh
bibliography per call), so there is never an "Ibid." or a shortened second note.

Two gaps of citeproc-py are closed after rendering (``_tidy``): it does not apply the locale's
``punctuation-in-quote`` option (American English puts a comma or full stop that follows a quoted
title inside the quotation marks), and it repeats the title of an item without author.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from ..records import DocumentRecord
from .csl import csl_item

LOCALE = "en-US"


@dataclass(frozen=True)
class CitationStyle:
    name: str
    label: str
    file: str  # in styles/
    form: str  # "note" (the citation) or "bibliography" (the reference list entry)


STYLES: dict[str, CitationStyle] = {
    style.name: style
    for style in (
        CitationStyle("chicago-note", "Chicago (note)", "chicago-notes-bibliography.csl", "note"),
        CitationStyle(
            "chicago-bibliography", "Chicago (bibliography)", "chicago-notes-bibliography.csl", "bibliography"
        ),
        CitationStyle("apa", "APA 7th edition", "apa.csl", "bibliography"),
        CitationStyle("mla", "MLA 9th edition", "modern-language-association.csl", "bibliography"),
    )
}
DEFAULT_STYLE = "chicago-note"
# Locales whose typography moves a following comma or full stop inside closing quotation marks.
_PUNCTUATION_IN_QUOTE = {"en-US"}
_CLOSING_QUOTES = "”"  # not ’: it is also the apostrophe of a plural possessive


class CitationError(ValueError):
    """An unknown style name."""


@cache
def _style(file: str) -> Any:
    """A parsed CSL style (parsing the Chicago file takes a tenth of a second: once per process)."""
    from citeproc import CitationStylesStyle

    with resources.as_file(resources.files(__package__) / "styles" / file) as path:
        return CitationStylesStyle(str(path), locale=LOCALE, validate=False)


def style(name: str) -> CitationStyle:
    try:
        return STYLES[name]
    except KeyError:
        raise CitationError(f"unknown citation style “{name}”; choose one of {', '.join(STYLES)}") from None


def cite(record: DocumentRecord, style_name: str = DEFAULT_STYLE) -> str:
    """One document's citation in plain text."""
    return cite_item(csl_item(record), style_name)


def cite_item(item: dict[str, Any], style_name: str = DEFAULT_STYLE) -> str:
    """A CSL-JSON item's citation in plain text (the item as ``csl.csl_item`` makes it).

    Two adjustments of the item, both about what the archive's titles and styles are:
    - its ``language`` becomes English when the title is written in Latin letters (the titles
      archives give are English even for a Russian original, and CSL styles title-case English
      titles only);
    - a letter that a style leaves out of its reference list (APA lists no personal
      communication) is given there as a manuscript whose genre names the recipient ("ciphered
      telegram to Mao Zedong"); an item the style lists under no type (Chicago lists nothing
      unpublished without a repository or an address) is given in the style's note form, so a
      copied citation is never empty.
    """
    chosen = style(style_name)
    item = dict(item)
    if _latin(item.get("title", "")):
        item["language"] = "en"
    text = _render(item, chosen)
    if not text and item.get("type") == "personal_communication":
        recipients = " and ".join(name.get("literal", "") for name in item.get("recipient", []))
        kind = item.get("genre") or "letter"
        text = _render(dict(item, type="manuscript", genre=f"{kind} to {recipients}" if recipients else kind), chosen)
    if not text and chosen.form == "bibliography":
        text = _render(item, replace(chosen, form="note"))
    return text


def _render(item: dict[str, Any], chosen: CitationStyle) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():  # citeproc-py warns about CSL it does not read; the rest renders
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(_style(chosen.file), CiteProcJSON([item]), formatter.plain)
        citation = Citation([CitationItem(item["id"].lower())])  # citeproc-py keys its items in lower case
        bibliography.register(citation)
        if chosen.form == "note":
            text = str(bibliography.cite(citation, lambda _missing: None))
        else:
            text = "".join(str(entry) for entry in bibliography.bibliography())
    return _tidy(text)


def _latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in letters)


def cite_many(records: Sequence[DocumentRecord], style_name: str = DEFAULT_STYLE) -> list[str]:
    return [cite(record, style_name) for record in records]


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    if LOCALE in _PUNCTUATION_IN_QUOTE:
        text = _punctuation_in_quote(text)
    # An item without author: the style puts its title first in the author's place, and CSL then
    # leaves the title out where it would come; citeproc-py does not when the title comes from a
    # macro (Chicago, MLA), so the title would stand twice.
    text = re.sub(r"^(“[^”]+”)\s+\1(?=\s|$)\s*", r"\1 ", text).rstrip()
    text = re.sub(r"^(.+?)\. (\((?:n\.d\.|\d{4}[^)]*)\)\.) \1 (?=\[)", r"\1. \2 ", text)  # APA: "T. (1950). T [..."
    return re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)  # a title or abbreviation ending in "." before the closing one


def _punctuation_in_quote(text: str) -> str:
    """“Title”, → “Title,” and “Title”. → “Title.” (a comma or full stop right after a closing quote)."""
    return re.sub(rf"([{_CLOSING_QUOTES}])([.,])", r"\2\1", text)
