"""Every spelling of a person finds every document naming the person (issue 17).

An archive of the five seeds and the fifty real pages (tests/data/real) is searched for the
aliases the issue lists: a name of several words in Cyrillic, an older romanisation, a hyphenated
form and a code name. The documents expected were written down by reading the texts: each names
the person in some spelling (Kim Il Sung, KIM IL SUNG, 김일성; Мао Цзэдуну, 毛泽东, Mao Tse-tung;
Feng Xi [Stalin], И.В. Сталина, Filippov...). A page's first line summarising another document
("Related Documents" furniture) does not count as naming.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from viewer.core.gazetteer import Gazetteer, builtin_entities
from viewer.core.importers.batch import import_all
from viewer.core.search_query import quote_names
from viewer.core.store import Archive, Filters

ROOT = Path(__file__).resolve().parents[3]
REAL = ROOT / "tests" / "data" / "real"
SEEDS = ROOT / "resources" / "samples"

KIM_IL_SUNG = {
    "000_0f4d882c8d8fa40e.txt",
    "003_8eea2ab9ee4e7676.txt",
    "dc_shtykov_fengxi_1950_08_31.txt",
    "dv_gromyko_stalin_kim_letter_1950.txt",
    "dv_lee_hurak_kim_1972.txt",
    "dv_moskovsky_kim_1962_08_14.txt",
    "dv_puzanov_1958_05_18.txt",
    "dv_puzanov_1960_07_23_related.txt",
    "dv_roshchin_filippov_1950_05_13_related.txt",
    "dv_shtykov_fengxi_1950_10_14_related.txt",
    "dv_stalin_kim_telephone_1948.txt",
    "dv_sudarikov_kimil_1972.txt",
    "dv_vereshchagin_1956.txt",
    "ko_egloos_shtykov_1950.txt",
    "ko_nkd_kim_stalin_1948.txt",
    "ko_nkd_stalin_kim_1949.txt",
    "wc_110489_moskovsky_kim_1962.txt",
    "wc_119484_puzanov_1960.txt",
    "wc_moskovsky_kim_1962_11_14.txt",
    "wc_puzanov_1957_08_21.txt",
    "wc_record_kim_1969_04_14.txt",
    "wc_sudarikov_1969_11_18.txt",
    "wc_sudarikov_1972_05_15.txt",
    "wc_sudarikov_kim_1969_03_17.txt",
}
MAO_ZEDONG = {
    "000_0f4d882c8d8fa40e.txt",
    "001_56bc44923964e047.txt",
    "002_17641bb20539a64a.txt",
    "003_8eea2ab9ee4e7676.txt",
    "004_b1a35747eb61871d.txt",
    "docslib_mao_liu_1950_01_13.txt",
    "docslib_mao_liu_zhou_1950_01_07.txt",
    "docslib_mao_zhou_ccpcc_1950_01_07.txt",
    "docslib_zhou_mao_1952_07_26.txt",
    "dv_roshchin_filippov_1950_05_13_related.txt",
    "ml_mao_telegram_stalin_1949.txt",
    "ru_bobrodobro_telegram_1949.txt",
    "ru_c21ch_telegram_1948.txt",
    "ru_maoism_roshchin_1949.txt",
    "ru_maoism_stalin_mao_1949.txt",
    "ru_vossta_terebinu_1949.txt",
    "ru_wikireading_filippov_1949.txt",
    "wc_112088_khrushchev_mao_1959.txt",
    "wc_khrushchev_mao_1958_08_01.txt",
    "wc_khrushchev_mao_airport_1958.txt",
    "wc_mao_filippov_1948_05_10.txt",
    "zh_marxist_mao_zhou_1950.txt",
    "zh_yenke_19491222.txt",
}
ZHOU_ENLAI = {
    "000_0f4d882c8d8fa40e.txt",
    "002_17641bb20539a64a.txt",
    "docslib_mao_liu_zhou_1950_01_07.txt",
    "docslib_mao_zhou_ccpcc_1950_01_07.txt",
    "docslib_zhou_mao_1952_07_26.txt",
    "dv_roshchin_filippov_1950_05_13_related.txt",
    "ru_maoism_roshchin_1949.txt",
    "wc_khrushchev_mao_1958_08_01.txt",
    "zh_marxist_mao_zhou_1950.txt",
    "zh_yenke_19491222.txt",
}
STALIN = {
    "000_0f4d882c8d8fa40e.txt",
    "001_56bc44923964e047.txt",
    "002_17641bb20539a64a.txt",
    "004_b1a35747eb61871d.txt",
    "dc_shtykov_fengxi_1950_08_31.txt",
    "dv_gromyko_stalin_kim_letter_1950.txt",
    "dv_roshchin_filippov_1950_05_13_related.txt",
    "dv_shtykov_fengxi_1950_10_14_related.txt",
    "dv_stalin_kim_telephone_1948.txt",
    "ko_egloos_shtykov_1950.txt",
    "ko_nkd_cable_121973_1947.txt",
    "ko_nkd_kim_stalin_1948.txt",
    "ko_nkd_stalin_kim_1949.txt",
    "ml_mao_telegram_stalin_1949.txt",
    "ru_bobrodobro_telegram_1949.txt",
    "ru_c21ch_telegram_1948.txt",
    "ru_maoism_stalin_mao_1949.txt",
    "ru_vossta_terebinu_1949.txt",
    "ru_wikireading_filippov_1949.txt",
    "wc_ccp_report_stalin_1949_zh.txt",
    "wc_khrushchev_mao_1958_08_01.txt",
    "wc_mao_filippov_1948_05_10.txt",
    "zh_yenke_19491222.txt",
}
SPELLINGS = {
    "Ким Ир Сен": KIM_IL_SUNG,
    "Kim Il-sung": KIM_IL_SUNG,
    "Мао Цзэдун": MAO_ZEDONG,
    "Mao Tse-tung": MAO_ZEDONG,
    "Чжоу Эньлай": ZHOU_ENLAI,
    "Chou En-lai": ZHOU_ENLAI,
    "Фын Си": STALIN,  # Stalin's code name in the telegrams of 1950
}
PEOPLE = {"Kim Il Sung": KIM_IL_SUNG, "Mao Zedong": MAO_ZEDONG, "Zhou Enlai": ZHOU_ENLAI, "Stalin": STALIN}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("spellings")
    shutil.copytree(SEEDS, folder / "seeds")
    (folder / "real").mkdir()
    for page in REAL.glob("*.txt"):
        shutil.copy(page, folder / "real" / page.name)
    with Archive(folder / "archive.db") as opened:
        summary = import_all(opened, [folder / "seeds", folder / "real"])
        assert summary.count("imported") == 55, summary.results
        yield opened


def _files(archive: Archive, ids: set[int]) -> set[str]:
    documents = [archive.document_row(i) for i in ids]
    return {Path(d.source_path or "").name for d in documents if d is not None}


@pytest.mark.parametrize("spelling", list(SPELLINGS))
@pytest.mark.parametrize("typed", ["as written", "quoted", "unhyphenated", "lower case"])
def test_each_spelling_finds_every_document_naming_the_person(archive: Archive, spelling: str, typed: str):
    query = {
        "as written": spelling,
        "quoted": f'"{spelling}"',
        "unhyphenated": spelling.replace("-", " "),
        "lower case": spelling.lower(),
    }[typed]
    found = _files(archive, {hit.id for hit in archive.search(query, limit=500).hits})
    assert found == SPELLINGS[spelling], (sorted(SPELLINGS[spelling] - found), sorted(found - SPELLINGS[spelling]))


@pytest.mark.parametrize("person", list(PEOPLE))
def test_the_importer_links_every_document_naming_the_person(archive: Archive, person: str):
    found = _files(archive, {row.id for row in archive.page(Filters(person=person), limit=-1)})
    assert found == PEOPLE[person]


def test_a_name_in_a_query_beside_other_words_and_excluded(archive: Archive):
    kim_and_mao = _files(archive, {hit.id for hit in archive.search("Ким Ир Сен Mao Tse-tung", limit=500).hits})
    assert kim_and_mao == KIM_IL_SUNG & MAO_ZEDONG
    without = _files(archive, {hit.id for hit in archive.search("Stalin -Chou En-lai", limit=500).hits})
    assert without == STALIN - ZHOU_ENLAI
    # the name's surface forms are highlighted, whichever spelling the document uses
    hit = archive.search("Chou En-lai", limit=500)
    assert {"Zhou Enlai", "周恩来", "Чжоу Эньлай"} <= set(hit.terms)


def test_names_of_several_words_are_quoted_whole():
    gazetteer = Gazetteer(builtin_entities())

    def names(text: str) -> list[tuple[int, int]]:
        return [(hit.start, hit.end) for hit in gazetteer.find(text) if " " in hit.as_written.strip()]

    assert quote_names("Ким Ир Сена письмо", names) == '"Ким Ир Сена" письмо'
    assert quote_names("letters -Chou En lai", names) == 'letters -"Chou En lai"'
    assert quote_names('"Mao Tse-tung" Stalin', names) == '"Mao Tse-tung" Stalin'  # quoted already
    assert quote_names("Kim Il Sung*", names) == "Kim Il Sung*"  # a prefix stays a prefix
    assert quote_names("Kim Il Sung, Mao Zedong", names) == '"Kim Il Sung", "Mao Zedong"'


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("беседа с Чжоу Эньлаем о", "Zhou Enlai"),
        ("по поручению Чжоу Эньлая", "Zhou Enlai"),
        ("Chou En lai said", "Zhou Enlai"),
        ("met Kim Il-\nSung at noon", "Kim Il Sung"),
        ("met KIM IL\nSUNG at noon", "Kim Il Sung"),
        ("signed I. V. Stalin", "Stalin"),
        ("товарищу Ким Ир Сену", "Kim Il Sung"),
        ("To Comrade Фын Си", "Stalin"),
    ],
)
def test_the_importer_finds_a_name_across_gaps_and_russian_cases(text: str, person: str):
    hits = Gazetteer(builtin_entities()).find(text)
    assert [hit.entity.name for hit in hits] == [person], hits
