"""Partner catalog: matching through the search analysis, longest match, capitals, resolution of filter values."""
from pathlib import Path

import pytest

from indexer.extract.partners import PartnerCatalog

SEED = Path(__file__).parent.parent / "corpus"


@pytest.fixture(scope="module")
def catalog() -> PartnerCatalog:
    return PartnerCatalog.load()


def names(catalog: PartnerCatalog, text: str) -> list[str]:
    return [partner.name for partner in catalog.find(text)]


def test_seed_china_document(catalog):
    text = (SEED / "000_df8d99c26602f3bf.txt").read_text(encoding="utf-8")
    assert sorted(names(catalog, text)) == ["Asiya Ombudsmanlar Assosiasiyası", "Çin"]


def test_seed_oic_ombudsman_document(catalog):
    text = (SEED / "003_e879f1925df36061.txt").read_text(encoding="utf-8")
    assert names(catalog, text) == [
        "İƏT Ombudsmanlar Assosiasiyası",
        "Pakistan",
        "İslam Əməkdaşlıq Təşkilatı",  # named on its own: "İƏT regionunda", "İƏT çərçivəsində"
        "Türkiyə",
        "Mərakeş",
        "İran",
        "İndoneziya",
        "Ermənistan",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pakistanın nümayəndələri", ["Pakistan"]),
        ("Türkiyənin ombudsmanı", ["Türkiyə"]),
        ("UNICEF-in nümayəndəliyi", ["UNICEF"]),
        ("Birləşmiş Millətlər Təşkilatının", ["BMT"]),
        ("İƏT-OA-nın Baş Assambleyası", ["İƏT Ombudsmanlar Assosiasiyası"]),
        ("Ermənistanın törətdiyi", ["Ermənistan"]),
        ("İndoneziyadan gələn", ["İndoneziya"]),
        ("Turkiyenin ve Pakistanin ombudsmanlari", ["Türkiyə", "Pakistan"]),
        ("Merakesin nümayəndəsi", ["Mərakeş"]),
        ("IET-OA-nin uzvleri", ["İƏT Ombudsmanlar Assosiasiyası"]),
        ("Avropa Ittifaqinin destəyi", ["Avropa İttifaqı"]),  # "I" typed for "İ"
        ("Qazaxstanın ombudsmanı", ["Qazaxıstan"]),
        ("Birləşmiş Krallığın səfiri", ["Böyük Britaniya"]),
    ],
)
def test_inflected_and_plain_letter_forms_match(catalog, text, expected):
    assert names(catalog, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Birləşmiş Ərəb Əmirliklərinin səfiri", ["Birləşmiş Ərəb Əmirlikləri"]),
        ("Çin Xalq Respublikasının Kommunist Partiyasının nümayəndəsi", ["Çin"]),
        ("İslam Əməkdaşlıq Təşkilatının Ombudsmanlar Assosiasiyası", ["İƏT Ombudsmanlar Assosiasiyası"]),
        ("İslam Əməkdaşlıq Təşkilatının Ombudsmanlar Assosasiyası", ["İƏT Ombudsmanlar Assosiasiyası"]),
        ("İslam Əməkdaşlıq Təşkilatının Baş katibi", ["İslam Əməkdaşlıq Təşkilatı"]),
    ],
)
def test_longest_name_wins(catalog, text, expected):
    assert names(catalog, text) == expected


def test_azerbaijan_is_never_a_partner(catalog):
    assert names(catalog, "Azərbaycan Respublikası və Azərbaycanın ombudsmanı, Azerbaijan") == []
    assert catalog.resolve("Azərbaycan") is None
    assert all(partner.kind != "home" for partner in catalog)


@pytest.mark.parametrize("text", ["çin rütbəsi", "qatar stansiyaya çatdı", "mali dəstək", "un və şəkər"])
def test_common_words_written_in_lower_case_are_not_partners(catalog, text):
    assert names(catalog, text) == []


def test_abbreviations_match_only_in_capitals(catalog):
    assert names(catalog, "ABŞ-ın səfiri") == ["ABŞ"]
    assert names(catalog, "abş səfiri") == []
    assert names(catalog, "UN Women") == ["BMT Qadınlar"]
    assert names(catalog, "Aİ-nin dəstəyi") == ["Avropa İttifaqı"]


def test_all_capitals_title_still_matches(catalog):
    assert names(catalog, "PAKİSTAN İLƏ ƏMƏKDAŞLIQ") == ["Pakistan"]


def test_each_partner_once_in_order_of_first_mention(catalog):
    assert names(catalog, "İran, Pakistan, İranın, Pakistanla") == ["İran", "Pakistan"]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("İƏT-OA", "İƏT Ombudsmanlar Assosiasiyası"),
        ("iet oa", "İƏT Ombudsmanlar Assosiasiyası"),
        ("OIC Ombudsman Association", "İƏT Ombudsmanlar Assosiasiyası"),
        ("turkiye", "Türkiyə"),
        ("TÜRKİYƏ", "Türkiyə"),
        ("Turkey", "Türkiyə"),
        ("pakistan", "Pakistan"),
        ("çxr", "Çin"),
        ("china", "Çin"),
    ],
)
def test_resolve_filter_values(catalog, value, expected):
    assert catalog.resolve(value).name == expected


def test_resolve_unknown_name(catalog):
    assert catalog.resolve("Narnia") is None


def test_an_alias_of_two_partners_is_refused(tmp_path):
    path = tmp_path / "partners.yaml"
    path.write_text(
        "partners:\n"
        "  - {name: Çin, kind: country, aliases: [ÇXR]}\n"
        "  - {name: Tayvan, kind: country, aliases: [ÇXR]}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="ÇXR"):
        PartnerCatalog.load(path)


def test_unknown_kind_is_refused(tmp_path):
    path = tmp_path / "partners.yaml"
    path.write_text("partners:\n  - {name: X, kind: city}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="kind"):
        PartnerCatalog.load(path)


@pytest.mark.parametrize(
    "text",
    [
        "Malın keyfiyyəti üçün qarantiya",  # mal (goods), not Mali
        "Malını qaytara bilər",
        "Qanın donorluğu",  # qan (blood), not Qana
        "AŞIB",  # a headline verb in capitals, not AŞ (Avropa Şurası)
        "APA-nın yaranmasından",  # a news agency
        "AI texnologiyaları",  # artificial intelligence, not Aİ (Avropa İttifaqı)
        "Su obyektləri",  # not Sudan
    ],
)
def test_words_that_look_like_a_name_are_not_partners(catalog, text):
    assert names(catalog, text) == []


def test_catalog_holds_every_country_and_many_organisations(catalog):
    kinds = [partner.kind for partner in catalog]
    assert kinds.count("country") >= 197  # UN members and observers, Kosovo, Taiwan, Northern Cyprus, ...
    assert kinds.count("organisation") >= 60


def test_a_common_word_at_the_start_of_a_sentence_is_not_a_partner(catalog):
    assert names(catalog, "Layihə davam edir. Mali dəstək göstərilib.") == []
    assert names(catalog, "Sudan istifadə qaydaları") == []
    assert names(catalog, "Ombudsman Mali Respublikasının səfiri ilə görüşüb.") == ["Mali"]
    assert names(catalog, "Görüşdə Sudan və Malinin nümayəndələri iştirak edib.") == ["Sudan", "Mali"]


def test_every_name_and_alias_resolves_to_its_partner(catalog):
    for partner in catalog:
        for alias in (partner.name, *partner.aliases):
            assert catalog.resolve(alias) is partner, alias


def test_a_name_with_a_comma_is_one_alias(catalog):
    unesco = catalog.resolve("UNESCO")
    assert "BMT-nin Təhsil, Elm və Mədəniyyət Təşkilatı" in unesco.aliases
    assert names(catalog, "BMT-nin Təhsil, Elm və Mədəniyyət Təşkilatının baş direktoru") == ["UNESCO"]
