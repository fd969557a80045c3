"""Classification spellings grouped by meaning, on the values the importer derives from the seeds
and the real pages, and on the spellings the originals themselves use."""

from __future__ import annotations

import shutil
from pathlib import Path

from viewer.core.classification import MEANINGS, grouped, normalise
from viewer.core.importers.batch import import_all
from viewer.core.store import Archive

from ..conftest import SAMPLES

REAL = Path(__file__).resolve().parent.parent / "data" / "real"


def test_top_secret_in_every_spelling_is_one_group():
    for spelling in (
        "Top Secret",
        "Top Secret (СОВ. СЕКРЕТНО)",
        "TOP SECRET",
        "top secret.",
        "Совершенно секретно",
        "СОВ. СЕКРЕТНО",
        "Сов.секретно",  # as seed 004's header writes it
        "Top  Secret [Совершенно секретно]",
        "绝密",
    ):
        assert normalise(spelling) == "Top Secret", spelling


def test_different_markings_stay_apart_and_unknown_ones_keep_their_words():
    assert normalise("Strictly Secret") == normalise("Строго секретно") == "Strictly Secret"
    assert normalise("Secret") == normalise("СЕКРЕТНО") == "Secret"
    assert normalise("Confidential") == "Confidential"
    assert normalise("Особая  папка.") == "Особая папка"  # not a marking we know: its own group
    assert normalise("Secret (Особая папка)") == "Secret"
    assert normalise(None) is None and normalise("  ") is None


def test_values_the_importer_derives_from_real_pages_group_by_meaning(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SAMPLES, folder)
    for page in REAL.glob("*.txt"):
        shutil.copy(page, folder)
    with Archive(tmp_path / "real.db") as archive:
        import_all(archive, [folder])
        spellings = dict(archive.facet_counts("classification"))
    # what the seeds and the pages give today (seed 004 carries its Russian marking beside the English)
    assert {"Top Secret", "Top Secret (СОВ. СЕКРЕТНО)", "Strictly Secret"} <= set(spellings)
    for spelling in spellings:
        assert normalise(spelling) in set(MEANINGS.values()), spelling
    groups = {g.name: g for g in grouped([(normalise(s), s, n) for s, n in spellings.items()])}
    top = groups["Top Secret"]
    assert top.count == spellings["Top Secret"] + spellings["Top Secret (СОВ. СЕКРЕТНО)"]
    assert dict(top.spellings) == {s: n for s, n in spellings.items() if normalise(s) == "Top Secret"}
    assert groups["Strictly Secret"].count == spellings["Strictly Secret"]


def test_groups_come_most_documents_first_with_their_spellings_most_frequent_first():
    rows = [("Secret", "Secret", 1), ("Top Secret", "TOP SECRET", 2), ("Top Secret", "Top Secret", 5)]
    first, second = grouped(rows)
    assert (first.name, first.count, first.spellings) == ("Top Secret", 7, (("Top Secret", 5), ("TOP SECRET", 2)))
    assert (second.name, second.count) == ("Secret", 1)
