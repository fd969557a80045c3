"""Scores the importer on real pages against hand-written truth (tests/data/real/truth.toml).

Every page goes through the real importer into a real archive, and each field the archive shows is
compared with what a person reading the page wrote down. Run it to see what is left:

    python -m tests.core.importers.score_real tests/data/real tests/data/real/truth.toml

It prints one row per field (right, total, share, target) and then every miss with the file, what
the truth says and what the archive holds.
"""

from __future__ import annotations

import re
import sys
import tempfile
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# field -> the share of pages that must be right (None: reported, not a target)
TARGETS: dict[str, float | None] = {
    "title": 0.95,
    "date": 0.95,
    "date review": 0.95,
    "title people": 0.90,
    "sender": 0.90,
    "recipients": 0.90,
    "language": 1.00,
    "archival refs": 0.90,
    "url": 0.90,
    "record id": 1.00,
    "summary": 0.90,
    "title organisations": None,
    "type": None,
}
LANGUAGE_NAMES = {"ru": "russian", "zh": "chinese", "ko": "korean", "en": "english", "ja": "japanese"}


@dataclass
class Row:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, file: str, wanted: object, got: object) -> None:
        self.total += 1
        if ok:
            self.right += 1
        else:
            self.misses.append(f"{file}: wanted {wanted!r}, got {got!r}")

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 1.0


def fold(text: str | None) -> str:
    """Letters and digits only, case folded: what two spellings of one title or name share."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return "".join(ch for ch in text if ch.isalnum())


def same_title(got: str | None, wanted: list[str]) -> bool:
    return bool(got) and fold(got) in {fold(w) for w in wanted}


def name_matches(name: str, alternatives: str) -> bool:
    return fold(name) in {fold(a) for a in alternatives.split("|")}


def names_of(record: dict[str, Any], role: str | None = None) -> list[str]:
    """Every name and as-written form the archive holds for the document's people in ``role``."""
    names = []
    for person in record["people"]:
        if role is None or person["role"] == role:
            names += [person["name"], person.get("as_written") or "", *person.get("aliases", [])]
    return [n for n in names if n]


def import_pages(folder: Path, database: Path) -> dict[str, dict[str, Any]]:
    """file name -> the archive's record of it, every page imported by the real importer."""
    from viewer.core.importers.batch import import_all
    from viewer.core.store import Archive

    files = sorted(folder.glob("*.txt"))
    records: dict[str, dict[str, Any]] = {}
    with Archive(database) as archive:
        summary = import_all(archive, files)
        for result in summary.results:
            if result.document_id is None:
                continue
            record = archive.record(result.document_id)
            if record is not None:
                data = record.as_json() if hasattr(record, "as_json") else dict(record)
                data["report"] = result.report
                records[result.path.name] = data
    return records


def score(folder: Path, truth_path: Path, database: Path | None = None) -> dict[str, Row]:
    truth = tomllib.loads(truth_path.read_text("utf-8"))["page"]
    with tempfile.TemporaryDirectory() as work:
        records = import_pages(folder, database or Path(work) / "real.db")
    rows = {name: Row() for name in TARGETS}
    for page in truth:
        file = page["file"]
        got = records.get(file)
        if got is None:
            for row in ("title", "date"):
                rows[row].add(False, file, "imported", "refused")
            continue
        rows["title"].add(
            same_title(got["title"], [page["title"], *page.get("title_alt", [])]), file, page["title"], got["title"]
        )
        date_ok = got["date"] == page["date"] and got["date_precision"] == page["precision"]
        rows["date"].add(date_ok, file, page["date"], got["date"])
        flagged = any("date" in reason for reason in got["review_reasons"])
        rows["date review"].add(
            flagged == page.get("date_conflict", False), file, page.get("date_conflict", False), got["review_reasons"]
        )
        people = names_of(got)
        for person in page["title_people"]:
            found = any(name_matches(name, person) for name in people)
            rows["title people"].add(found, file, person, sorted({p["name"] for p in got["people"]}))
        for organisation in page["title_orgs"]:
            found = any(name_matches(name, organisation) for name in people)
            rows["title organisations"].add(found, file, organisation, sorted({p["name"] for p in got["people"]}))
        if page["correspondence"]:
            senders = names_of(got, "sender")
            ok = any(name_matches(name, page["sender"]) for name in senders) if page["sender"] else not senders
            rows["sender"].add(ok, file, page["sender"] or None, got["sender"])
            recipients = [p for p in got["people"] if p["role"] == "recipient"]
            wanted = page["recipients"]
            each_found = all(
                any(name_matches(n, w) for p in recipients for n in (p["name"], p["as_written"] or "")) for w in wanted
            )
            none_extra = all(
                any(name_matches(n, w) for w in wanted for n in (p["name"], p["as_written"] or "")) for p in recipients
            )
            rows["recipients"].add(each_found and none_extra, file, wanted, got["recipient"])
        if page["language"]:
            language = (got["original_language"] or "").casefold()
            ok = LANGUAGE_NAMES.get(language, language) == page["language"].casefold()
            rows["language"].add(ok, file, page["language"], got["original_language"])
        if page["archival_refs"]:
            refs = [ref["raw"] for ref in got["archival_refs"]]
            ok = len(refs) == len(page["archival_refs"]) and all(
                fold(want) in fold(have) for want, have in zip(page["archival_refs"], refs, strict=False)
            )
            rows["archival refs"].add(ok, file, page["archival_refs"], refs)
        if page["url"]:
            url = re.sub(r"^https?://", "", got["url"] or "")
            rows["url"].add(url == page["url"], file, page["url"], got["url"])
        rows["record id"].add(
            (got["record_id"] or "") == page["record_id"], file, page["record_id"] or None, got["record_id"]
        )
        if page["summary"]:
            ok = (got["summary"] or "").startswith(page["summary"])
            rows["summary"].add(ok, file, page["summary"], (got["summary"] or "")[:70] or None)
        if page.get("type"):
            ok = fold(got["type"]).startswith(fold(page["type"].split()[0]))
            rows["type"].add(ok, file, page["type"], got["type"])
    return rows


def table(rows: dict[str, Row]) -> str:
    lines = [f"{'field':<20} {'right':>5} {'total':>5} {'share':>6}  target", "-" * 48]
    for name, row in rows.items():
        target = TARGETS[name]
        mark = "" if target is None else f"{target:.0%}" + ("" if row.share >= target else "  BELOW")
        lines.append(f"{name:<20} {row.right:>5} {row.total:>5} {row.share:>6.0%}  {mark}")
    for name, row in rows.items():
        if row.misses:
            lines.append(f"\n{name} misses:")
            lines += [f"  {miss}" for miss in row.misses]
    return "\n".join(lines)


def below_target(rows: dict[str, Row]) -> list[str]:
    return [
        f"{name}: {row.right}/{row.total}"
        for name, row in rows.items()
        if TARGETS[name] is not None and row.share < (TARGETS[name] or 0)
    ]


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("tests/data/real")
    truth = Path(argv[1]) if len(argv) > 1 else folder / "truth.toml"
    rows = score(folder, truth)
    print(table(rows))
    return 1 if below_target(rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
