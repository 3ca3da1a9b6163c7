"""extract(): the facts of a whole document, and the measured quality on the labelled set."""
import datetime

import pytest

from indexer.document import Document
from indexer.extract import Facts, PartnerCatalog, extract

from .conftest import load_bench_script

TODAY = datetime.date(2026, 11, 22)
GOAL = 0.97  # precision and recall of years, partners and datelines on tests/data/labelled/


@pytest.fixture(scope="module")
def catalog() -> PartnerCatalog:
    return PartnerCatalog.load()


def test_facts_of_a_news_item(catalog):
    doc = Document(
        id="x",
        title="Ombudsman Pakistanın nümayəndə heyəti ilə görüşüb",
        text="Bakı, 5 oktyabr 2020\n\nGörüşdə 2014-cü ildə imzalanmış memorandum və COP29 müzakirə olunub.",
    )
    assert extract(doc, catalog, TODAY) == Facts(datetime.date(2020, 10, 5), (2014, 2020), ("Pakistan",))


def test_metadata_date_wins_over_the_dateline(catalog):
    doc = Document(id="x", title="", text="5 oktyabr 2020. Görüş.", date=datetime.date(2020, 10, 6))
    assert extract(doc, catalog, TODAY).date == datetime.date(2020, 10, 6)


def test_years_include_the_publication_year(catalog):
    doc = Document(id="x", title="", text="Görüş keçirilib.", date=datetime.date(2019, 1, 2))
    assert extract(doc, catalog, TODAY).years == (2019,)


def test_metadata_partners_are_resolved_and_unknown_ones_kept(catalog):
    doc = Document(id="x", title="", text="Görüş.", partners=["iet oa", "turkiye", "Narnia Ombudsmanı", "Azərbaycan"])
    assert extract(doc, catalog, TODAY).partners == ("Narnia Ombudsmanı", "Türkiyə", "İƏT Ombudsmanlar Assosiasiyası")


def test_partners_in_the_title_count(catalog):
    doc = Document(id="x", title="Çin nümayəndə heyəti", text="Görüş keçirilib.")
    assert extract(doc, catalog, TODAY).partners == ("Çin",)


def test_nothing_found(catalog):
    assert extract(Document(id="x", title="", text=""), catalog, TODAY) == Facts(None, (), ())


def test_labelled_set_precision_and_recall():
    evaluation = load_bench_script("eval_extraction")
    scores, misses = evaluation.evaluate()
    assert len(list(evaluation.LABELLED.glob("*.md"))) >= 40
    for key in ("years", "partners", "dates"):
        assert scores[key].precision >= GOAL, misses
        assert scores[key].recall >= GOAL, misses


def test_the_evaluation_counts_misses(tmp_path):
    (tmp_path / "one.md").write_text(
        "---\ntitle: Pakistan\nexpected_years: [2020]\nexpected_partners: [Çin]\n---\n2021-ci ildə.\n", encoding="utf-8"
    )
    scores, misses = load_bench_script("eval_extraction").evaluate(tmp_path)
    assert (scores["years"].right, scores["years"].extra, scores["years"].missed) == (0, 1, 1)
    assert scores["partners"].precision == 0 and scores["partners"].recall == 0
    assert len(misses) == 2
