"""Tests for kg.extract.actors (and the gazetteer it reads): who an article mentions.

Names the reference data knows resolve to its entities; a title resolves to whoever held that
office on the article's date; a person introduced by a title but unknown to the reference data
becomes a new entity of the article. Every mention keeps its exact place in the text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.extract.actors import ActorExtractor
from kg.extract.base import Doc, EntityRecord, document_text
from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.extract.publishers import AuthorExtractor, load_publishers
from kg.reader import Article, article_from_record, read_articles

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ARTICLES = {a.id[:3]: a for a in read_articles(SEEDS)}

SEED_000_KEYS = {
    "country/CHN", "country/RUS", "country/UKR",
    "person/xi-jinping", "person/vladimir-putin", "person/dmitry-medvedev", "person/li-haidong",
    "org/UN", "org/SCO", "org/BRICS", "org/G20", "org/CPC", "org/UNITED-RUSSIA",
    "org/china-foreign-affairs-university",
}  # fmt: skip
SEED_004_KEYS = {
    "country/CHN", "country/RUS",
    "person/xi-jinping", "person/vladimir-putin", "person/wang-yi",
    "org/EAEU", "org/CPC", "org/SCO", "org/BRICS", "org/CSTO", "org/UNSC",
}  # fmt: skip


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(SEEDS)


def doc_of(article: Article) -> Doc:
    return Doc.of(article)


def article(text: str, published: str | None = "2021-12-15") -> Article:
    return article_from_record({"id": "t1", "text": text, "published": published}, origin="test")


def actors(
    gazetteer: Gazetteer, item: Article | str, published: str | None = "2021-12-15"
) -> dict[str, EntityRecord]:
    item = article(item, published) if isinstance(item, str) else item
    return {r.key: r for r in ActorExtractor(gazetteer)(doc_of(item))}  # type: ignore[union-attr]


# -- the gazetteer: offices and who held them when --------------------------------------------------


@pytest.mark.parametrize(
    ("office", "of", "day", "holder"),
    [
        ("office/president", "country/RUS", dt.date(2009, 1, 1), "person/dmitry-medvedev"),
        ("office/president", "country/RUS", dt.date(2021, 1, 1), "person/vladimir-putin"),
        ("office/president", "country/CHN", dt.date(2021, 12, 15), "person/xi-jinping"),
        ("office/president", "country/CHN", dt.date(2010, 1, 1), "person/hu-jintao"),
        ("office/president", "country/CHN", dt.date(1980, 1, 1), None),  # the PRC had no president 1975-83
        ("office/party-chairman", "org/UNITED-RUSSIA", dt.date(2022, 12, 21), "person/dmitry-medvedev"),
    ],
)
def test_gazetteer_holder_depends_on_the_day(gazetteer: Gazetteer, office, of, day, holder) -> None:
    assert gazetteer.holder(office, of, day) == holder


# -- the seeds --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("seed", "keys"), [("000", SEED_000_KEYS), ("004", SEED_004_KEYS)])
def test_actors_seed_entities_are_exactly_the_expected_ones(
    gazetteer: Gazetteer, seed: str, keys: set
) -> None:
    assert set(actors(gazetteer, ARTICLES[seed])) == keys


@pytest.mark.parametrize("seed", ["000", "004"])
def test_actors_every_mention_slices_the_text_to_a_whole_word_surface(
    gazetteer: Gazetteer, seed: str
) -> None:
    text = document_text(ARTICLES[seed])
    for record in actors(gazetteer, ARTICLES[seed]).values():
        assert record.mentions, record.key
        for mention in record.mentions:
            surface = text[mention.start : mention.end]
            assert surface in record.aliases
            assert surface == surface.strip() and surface[0].isalnum(), f"{record.key}: {surface!r}"
            assert not text[mention.end : mention.end + 1].isalnum()  # never half a word
            assert mention.start == 0 or not text[mention.start - 1].isalnum()


def test_actors_the_chinese_president_in_seed_004_is_xi_jinping(gazetteer: Gazetteer) -> None:
    text = document_text(ARTICLES["004"])
    xi = actors(gazetteer, ARTICLES["004"])["person/xi-jinping"]
    titled = [m for m in xi.mentions if "Chinese President" in text[m.start : m.end]]
    assert titled and all(m.reason == "office held on 2021-12-15" for m in titled)


def test_actors_known_people_speak_for_their_country(gazetteer: Gazetteer) -> None:
    found = actors(gazetteer, ARTICLES["004"])
    assert found["person/xi-jinping"].known and found["person/xi-jinping"].type == "Person"
    assert (found["person/xi-jinping"].represents, found["person/wang-yi"].represents) == ("country/CHN",) * 2
    assert found["country/CHN"].represents is None


# -- titles resolve through the office held on the article's date --------------------------------


@pytest.mark.parametrize(
    ("published", "person"),
    [("2009-06-01", "person/dmitry-medvedev"), ("2021-06-01", "person/vladimir-putin")],
)
def test_actors_a_title_resolves_to_the_holder_on_the_article_date(
    gazetteer: Gazetteer, published, person
) -> None:
    text = "Talks went well, the Russian President said."
    found = actors(gazetteer, text, published)
    assert set(found) == {"country/RUS", person}
    (mention,) = found[person].mentions
    assert text[mention.start : mention.end] == "Russian President"


def test_actors_a_title_without_a_dated_article_resolves_to_nobody(gazetteer: Gazetteer) -> None:
    assert set(actors(gazetteer, "Talks went well, the Russian President said.", None)) == {"country/RUS"}


def test_actors_title_before_a_known_name_is_not_a_second_mention(gazetteer: Gazetteer) -> None:
    found = actors(gazetteer, "President Xi Jinping spoke.")
    assert set(found) == {"person/xi-jinping"}
    assert found["person/xi-jinping"].aliases == ("Xi Jinping",)


def test_actors_title_span_does_not_swallow_the_word_before(gazetteer: Gazetteer) -> None:
    text = "In Moscow, President of Russia said the talks went well."
    mentions = actors(gazetteer, text)["person/vladimir-putin"].mentions
    assert [text[m.start : m.end] for m in mentions] in (["President"], ["President of Russia"])


# -- people the reference data does not know -------------------------------------------------------


def test_actors_unknown_person_introduced_by_title_is_a_new_person(gazetteer: Gazetteer) -> None:
    text = "Foreign Minister Ana Lopez met Chinese Foreign Minister Wang Yi on Monday."
    found = actors(gazetteer, text)
    lopez = found["person/ana-lopez"]
    assert (lopez.type, lopez.label, lopez.known, lopez.represents) == ("Person", "Ana Lopez", False, None)
    (mention,) = lopez.mentions
    assert text[mention.start : mention.end] == "Foreign Minister Ana Lopez"  # as gold aliases are written
    assert found["person/wang-yi"].known


@pytest.mark.parametrize(
    "text",
    [
        "Russian Foreign Minister Ivan Petrov arrived.",
        "Foreign Minister Ivan Petrov of Russia arrived.",
    ],
)
def test_actors_a_new_person_represents_the_country_of_the_title(gazetteer: Gazetteer, text: str) -> None:
    assert actors(gazetteer, text)["person/ivan-petrov--rus"].represents == "country/RUS"


def test_actors_an_unknown_person_is_one_entity_across_articles_when_name_and_country_agree(
    gazetteer: Gazetteer,
) -> None:
    first = actors(gazetteer, article("Russian Foreign Minister Ivan Petrov arrived. Petrov spoke."))
    second = actors(gazetteer, article("Foreign Minister Ivan Petrov of Russia left."))
    other = actors(gazetteer, article("Foreign Minister Ivan Petrov of Bulgaria left."))
    nameless = actors(gazetteer, article("Foreign Minister Ivan Petrov left."))
    assert [k for k in first if k.startswith("person/")] == ["person/ivan-petrov--rus"]  # one per article
    assert "person/ivan-petrov--rus" in second
    assert "person/ivan-petrov--rus" not in other and "person/ivan-petrov--rus" not in nameless


def test_actors_a_surname_alone_without_a_country_is_the_articles_own(gazetteer: Gazetteer) -> None:
    def keys(item: Article) -> list[str]:
        return [k for k in actors(gazetteer, item, "1986-10-01") if k.startswith("person/caputo")]

    one = {"id": "a1", "text": "Talks with Foreign Minister Caputo went well.", "published": "1986-10-01"}
    (first,) = keys(article_from_record(one, origin="test"))
    (again,) = keys(article_from_record(one, origin="test"))
    (second,) = keys(article_from_record({**one, "id": "a2"}, origin="test"))
    assert first == again != second


def test_actors_names_with_particles_and_title_chains(gazetteer: Gazetteer) -> None:
    found = actors(gazetteer, "Crown Prince and Prime Minister Mohammed bin Salman spoke.")
    assert found["person/mohammed-bin-salman"].label == "Mohammed bin Salman"


def test_actors_later_surname_and_bare_title_resolve_to_people_introduced_earlier(
    gazetteer: Gazetteer,
) -> None:
    text = "President Joe Biden met Foreign Minister Ana Lopez. Lopez thanked the President."
    found = actors(gazetteer, text)
    assert [text[m.start : m.end] for m in found["person/ana-lopez"].mentions] == [
        "Foreign Minister Ana Lopez",
        "Lopez",
    ]
    assert "President" in [text[m.start : m.end] for m in found["person/joe-biden"].mentions]


def test_actors_a_known_person_is_later_called_by_the_family_name_written_first(gazetteer: Gazetteer) -> None:
    text = "President Lee Jae Myung departed for China. Lee will hold talks with Xi on Monday."
    found = actors(gazetteer, text, "2026-01-04")
    assert [text[m.start : m.end] for m in found["person/lee-jae-myung"].mentions] == ["Lee Jae Myung", "Lee"]


@pytest.mark.parametrize(
    "text",
    [
        "President Lee Jae Myung met Prime Minister Lee Hsien Loong. Lee said they agreed.",  # whose Lee?
        "Prime Minister Theresa May met Wang Yi. In May they met again.",  # a month
        "Prime Minister Mark Rutte spoke to mark the day. Mark the date, he said.",  # a word, too
    ],
)
def test_actors_a_word_two_people_or_the_language_share_is_no_short_form(
    gazetteer: Gazetteer, text: str
) -> None:
    found = actors(gazetteer, text, "2018-05-01")
    short = [
        text[m.start : m.end] for e in found.values() for m in e.mentions if " " not in text[m.start : m.end]
    ]
    assert not {"Lee", "May", "Mark"} & set(short)


def test_actors_apposition_with_a_role_anywhere_in_a_sentence(gazetteer: Gazetteer) -> None:
    found = actors(gazetteer, "The talks went well, said Ada Quell, the national security adviser.")
    assert found["person/ada-quell"].known is False
    assert not any(k.startswith("person/") for k in actors(gazetteer, "In New York, the city was calm."))


def test_actors_unknown_person_introduced_by_apposition(gazetteer: Gazetteer) -> None:
    found = actors(gazetteer, "Maria Santos, a director at the Lisbon Water Agency, said so.")
    assert found["person/maria-santos"].known is False
    assert found["org/lisbon-water-agency"].type == "Organisation"


def test_actors_apposition_without_an_article(gazetteer: Gazetteer) -> None:
    text = "Prices will rise, Hasrul Harahap, junior minister for tree crops, told reporters."
    assert actors(gazetteer, text, "1987-04-08")["person/hasrul-harahap"].label == "Hasrul Harahap"


# -- names that are not actors ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Bilateral trade surpassed US$100 billion this year.", set()),
        ("The US and China held talks.", {"country/USA", "country/CHN"}),  # the same letters, as a name
        ("The U.S. said no.", {"country/USA"}),
    ],
)
def test_actors_a_currency_is_not_a_country(gazetteer: Gazetteer, text: str, keys: set) -> None:
    assert set(actors(gazetteer, text)) == keys


def test_actors_one_record_per_entity_with_every_mention(gazetteer: Gazetteer) -> None:
    found = actors(gazetteer, "Xi Jinping met Putin. Xi said Vladimir Putin agreed.")
    putin = found["person/vladimir-putin"]
    assert len(found) == 2
    assert [m.sentence for m in putin.mentions] == [0, 1]
    assert putin.aliases == ("Putin", "Vladimir Putin")


def test_actors_apposition_ties_a_person_to_the_organisation_named_in_it(gazetteer: Gazetteer) -> None:
    text = "Maria Santos, a spokeswoman for the Lisbon Foreign Affairs Agency, said so. The Agency agreed."
    found = actors(gazetteer, text)
    assert found["person/maria-santos"].affiliations == ("org/lisbon-foreign-affairs-agency",)


def test_actors_a_shared_name_resolves_to_the_state_that_existed_on_the_day() -> None:
    from rdflib import Graph

    from kg.extract.gazetteer import build

    turtle = """
    @prefix dipl: <https://w3id.org/dipkg/ontology#> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    @prefix country: <https://w3id.org/dipkg/id/country/> .
    country:RUS a dipl:Country ; rdfs:label "Russia" ; skos:hiddenLabel "Moscow" .
    country:SUN a dipl:Country ; rdfs:label "Soviet Union" ;
        skos:hiddenLabel "Moscow" ; dipl:dissolved "1991-12-26"^^xsd:date .
    """
    graph = Graph().parse(data=turtle, format="turtle")
    gazetteer = build(graph)
    assert actors(gazetteer, "Moscow said no.", published="1987-03-01").keys() == {"country/SUN"}
    assert actors(gazetteer, "Moscow said no.", published="2022-03-01").keys() == {"country/RUS"}
    assert actors(gazetteer, "Moscow said no.", published=None).keys() == {"country/RUS"}


def test_actors_a_designation_is_not_an_institution(gazetteer: Gazetteer) -> None:
    found = actors(gazetteer, "It designates the group as a Foreign Terrorist Organization under the law.")
    assert not [k for k in found if k.startswith("org/")]


@pytest.mark.parametrize(
    "text",
    ["Trade with Latin America grew.", "Ships crossed the Indian Ocean.", "The Paris Agreement holds."],
)
def test_actors_a_stop_phrase_hides_the_name_inside_it(gazetteer: Gazetteer, text: str) -> None:
    assert not [k for k in actors(gazetteer, text) if k.startswith("country/")]


def test_actors_a_title_with_an_unresolved_of_phrase_is_not_a_bare_title(gazetteer: Gazetteer) -> None:
    text = "Xi Jinping met the Chairman of the United Russia party Dmitry Medvedev in Beijing."
    found = actors(gazetteer, text, published="2022-12-21")
    assert "Chairman" not in found["person/xi-jinping"].aliases


# -- organisations: the reference data, and bodies named by their country --------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The U.S. Navy said its ships were attacked.", "org/US-NAVY"),
        ("The Bank of Japan kept rates on hold.", "org/JAPAN-BOJ"),
        ("The Interim Committee of the IMF met in Washington.", "org/IMF-INTERIM-COMMITTEE"),
        ("Labour said the plan would fail.", "org/UK-LABOUR-PARTY"),
        ("Leaders met at the East Asia Summit.", "org/EAST-ASIA-SUMMIT"),
        ("The Palestinian Authority welcomed the talks.", "org/PALESTINIAN-AUTHORITY"),
    ],
)
def test_actors_organisations_of_the_reference_data(gazetteer: Gazetteer, text: str, key: str) -> None:
    assert key in actors(gazetteer, text, "2005-01-01")


def test_actors_every_organisation_the_issue_names_is_known(gazetteer: Gazetteer) -> None:
    for name in [
        "UN", "United Nations", "UN Security Council", "UN General Assembly", "NATO", "EU",
        "European Commission", "European Council", "European Parliament", "G7", "G-7", "G20", "Quad",
        "ASEAN", "APEC", "East Asia Summit", "SCO", "BRICS", "BRICs", "AU", "OAS", "CSTO",
        "Eurasian Economic Union", "OPEC", "WTO", "WHO", "IMF", "World Bank", "CHOGM", "Arab League",
        "GCC", "Commonwealth of Nations", "Communist Party of China", "United Russia",
    ]:  # fmt: skip
        found = actors(gazetteer, f"Officials of the {name} met.")
        assert [r.type for r in found.values()] == ["Organisation"], name


def test_actors_a_generic_name_after_another_capitalised_word_is_not_the_known_body(
    gazetteer: Gazetteer,
) -> None:
    assert "org/DEVELOPMENT-COMMITTEE" in actors(gazetteer, "The Development Committee met.", "1987-04-01")
    text = "The Sustainable Development Committee met."
    assert "org/DEVELOPMENT-COMMITTEE" not in actors(gazetteer, text, "1987-04-01")


@pytest.mark.parametrize(
    ("text", "key", "surface"),
    [
        ("The Iraqi Foreign Ministry said no.", "org/irq-foreign-ministry", "Iraqi Foreign Ministry"),
        ("Iraq's Foreign Ministry said no.", "org/irq-foreign-ministry", "Iraq's Foreign Ministry"),
        ("The Peruvian Embassy said no.", "org/per-embassy", "Peruvian Embassy"),
        ("Peru's Lower House passed the bill.", "org/per-lower-house", "Peru's Lower House"),
    ],
)
def test_actors_a_countrys_body_is_one_organisation_however_written(
    gazetteer: Gazetteer, text: str, key: str, surface: str
) -> None:
    found = actors(gazetteer, text)
    assert found[key].aliases == (surface,) and found[key].type == "Organisation"


def test_actors_universities_and_foundations_are_not_actors(gazetteer: Gazetteer) -> None:
    found = actors(gazetteer, "Xi visits Renmin University of China. The Mellon Foundation gave money.")
    assert set(found) == {"person/xi-jinping"}  # nor is China, named inside the university's name


# -- countries: venues, nationalities and agreements are not actors ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "President Biden met President Xi in Lima, Peru today.",
        "The leaders met yesterday in Jakarta, Indonesia.",
        "Sunday's meeting in Monaco drew 60 people.",
        "Shultz arrived from Helsinki aboard a plane.",
        "I will travel to Nay Pyi Taw in Burma.",
        "Frankie Fredericks, the Namibian athlete, attended.",
        "They discussed the release of Israeli-British national Emily Damari.",
        "They will review the Paris accord next week.",
        "Talks on the Doha Round resumed.",
        "Unemployment in Switzerland fell again.",  # a place with no venue word is a place too
        "The Australian economy grew, and Australian families are better off.",  # a domestic story
        "Two Canadians were kidnapped in Baghdad.",  # a people in the plural
        "Armenians marked the anniversary in Yerevan.",
        "British car maker Aston Martin unveiled a car.",  # a company's nationality
        "It was sold to American Telephone and Telegraph Co last year.",  # a company's name
        "Japan Air Lines ordered ten jets.",
        "It is the first visit by a Latin American Head of State.",  # a region
        "Members of the Indian-American community attended.",  # a community
        "Exporters deplored the outcome of the London talks.",  # a city as the place of an event
        "Donors will meet at their Paris meeting next month.",
        "A team will visit Ottawa next month for talks with bankers.",  # a destination
        "Rates are set at the London Interbank Offered Rate.",
        "Shares closed on the Tokyo Stock Exchange at 1,640 yen.",  # a city's market
        "Canon Inc of Japan said its unit opened a plant.",  # a company's country
        "It will be bought by US surfwear firm Quiksilver.",  # a company's nationality
        "Forty ships are waiting at the Panama Canal.",
    ],
)
def test_actors_a_country_only_as_venue_nationality_or_agreement_is_not_an_actor(
    gazetteer: Gazetteer, text: str
) -> None:
    found = actors(gazetteer, text)
    assert not [k for k in found if k.startswith("country/") and k not in {"country/USA", "country/CHN"}]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Peru said the summit in Lima, Peru went well.", "country/PER"),  # also an actor
        ("The Indonesian President welcomed leaders in Jakarta, Indonesia.", "country/IDN"),  # her office
        ("Investment in China, Russia and India grew.", "country/RUS"),  # a list, not a city and country
        ("Namibian officials met in Windhoek.", "country/NAM"),  # officials act for the state
        ("The Chinese economy slowed, Chinese officials said.", "country/CHN"),  # the only country, acting
        ("Unemployment fell sharply, Paris said.", "country/FRA"),  # a capital is no adjective
        ("The Israelis said they would talk, and Britons agreed.", "country/ISR"),  # a people that acts
        ("Israel and the Palestinians resumed talks.", "country/PSE"),  # the Palestinian side
        ("Four were killed in clashes with Israeli soldiers.", "country/ISR"),  # the state's soldiers
        ("Chinese officials said the premier will visit Japan.", "country/JPN"),  # a state by its name
        ("Chinese officials expressed gratitude in Japan's support for the fund.", "country/JPN"),
        ("Japan Slightly Reduces Sugar Consumption Estimate", "country/JPN"),  # 'Japan' is no adjective
        ("Iran vows not to compromise over red lines.", "country/IRN"),
        ("Tanzania conducts national population and housing census.", "country/TZA"),  # a verb
    ],
)
def test_actors_a_venue_that_also_acts_stays(gazetteer: Gazetteer, text: str, country: str) -> None:
    assert country in actors(gazetteer, text, "2024-11-16")


PM_RELEASE = "PM Transcripts, Australian Government (Media Release; PM Howard, John)"


def release(text: str, source: str = PM_RELEASE) -> Article:
    return article_from_record(
        {"id": "t2", "text": text, "published": "1999-06-01", "source": source}, origin="test"
    )


def home_actors(gazetteer: Gazetteer, text: str) -> set[str]:
    """The actors of an Australian Prime Minister's release, whose home country is Australia."""
    extractor = ActorExtractor(gazetteer, publishers=load_publishers(SEEDS))
    return {r.key for r in extractor(doc_of(release(text)))}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "The measures will ensure the strength of Australia's financial system.",
        "All Australians deserve a fair go, and the Australian community is urged to help.",
        "Coastwatch aircraft will cover Australia's 37,000km coastline.",
    ],
)
def test_actors_the_home_country_of_a_domestic_story_is_no_actor(gazetteer: Gazetteer, text: str) -> None:
    assert "country/AUS" not in home_actors(gazetteer, text)


@pytest.mark.parametrize(
    "text",
    [
        "Australia will continue to play a major role.",
        "Australia has focused on four areas.",
        "The Australian Government's program grows.",
        "It marks Australia's membership of APEC.",
        "Tony Burke is the Alternate Representative of Australia.",
    ],
)
def test_actors_the_home_country_that_acts_stays(gazetteer: Gazetteer, text: str) -> None:
    assert "country/AUS" in home_actors(gazetteer, text)


def test_actors_a_domestic_release_implies_no_country_for_its_author(gazetteer: Gazetteer) -> None:
    doc = doc_of(release("I am pleased to announce new funding for Australia's regulators."))
    doc.records += ActorExtractor(gazetteer)(doc)
    added = AuthorExtractor(gazetteer, load_publishers(SEEDS))(doc)
    assert {r.type for r in added} == {"Person"}


# -- people: titles with a surname, roles in lower case --------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "key"),
    [
        ("President Bush said the talks went well.", "2004-06-01", "person/george-w-bush"),
        ("President Bush said the talks went well.", "1990-06-01", "person/george-h-w-bush"),
        ("I welcome President Kim's visit.", "1999-08-24", "person/kim-dae-jung"),
        ("Prime Minister Howard spoke.", "1999-08-24", "person/john-howard"),
    ],
)
def test_actors_a_title_and_surname_is_the_holder_of_the_day(
    gazetteer: Gazetteer, text: str, published: str, key: str
) -> None:
    assert key in actors(gazetteer, text, published)


def test_actors_a_title_and_an_unknown_surname_is_a_new_person(gazetteer: Gazetteer) -> None:
    text = "Talks with Foreign Minister Caputo and Secretary Driscoll went well."
    found = {r.label: r for r in actors(gazetteer, text, "1986-10-01").values()}
    assert found["Caputo"].aliases == ("Foreign Minister Caputo",)  # the title, as gold writes it
    assert found["Driscoll"].aliases == ("Secretary Driscoll",) and not found["Driscoll"].known
    assert not [k for k in actors(gazetteer, "Thank you, Mr Smith.", "1999-01-01") if k.startswith("person/")]


def test_actors_a_later_title_and_name_is_the_person_introduced_earlier(gazetteer: Gazetteer) -> None:
    text = "President Trump met King Abdullah II of Jordan. King Abdullah thanked him."
    found = actors(gazetteer, text, "2025-02-11")
    assert found["person/abdullah-ii"].aliases == ("King Abdullah II of Jordan", "King Abdullah")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("State Department spokesman Charles Redman said so.", "person/charles-redman"),
        ("Republican politician Fred Upton objected.", "person/fred-upton"),
        ("said presidential spokesperson Kang Yu-jung.", "person/kang-yu-jung"),
    ],
)
def test_actors_people_named_after_a_role_in_lower_case(gazetteer: Gazetteer, text: str, key: str) -> None:
    assert actors(gazetteer, text)[key].type == "Person"


@pytest.mark.parametrize(
    "text",
    [
        "Samsung Electronics Chairman Lee Jae-yong attended.",
        "Hyundai Motor Group Executive Chair Euisun Chung attended.",
        '"Prices are firm," said John Hill, a vice president at Merrill Lynch Futures.',
        "The rise is real, said Rosario Ilacqua, analyst with L.F. Rothschild.",  # private
        "Approved were Ford Philippines and General Motors Pilipinas, a subsidiary.",  # a company
    ],
)
def test_actors_company_officers_are_not_people(gazetteer: Gazetteer, text: str) -> None:
    assert not [k for k in actors(gazetteer, text) if k.startswith("person/")]


def test_actors_names_in_plain_spellings(gazetteer: Gazetteer) -> None:
    found = actors(gazetteer, "US President George W Bush spoke.", "2004-06-01")
    assert "person/george-w-bush" in found


# -- organisations: bodies named without their country, institutions ------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("WASHINGTON, March 3 - The Senate passed the bill.", "United States Senate"),
        (
            "TOKYO, March 3 - The Foreign Ministry said the Lower House would vote.",
            "House of Representatives of Japan",
        ),
        ("Japan's Lower House passed the bill.", "House of Representatives of Japan"),
    ],
)
def test_actors_a_national_body_named_without_its_country_is_the_home_countrys(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    found = {r.label: r for r in actors(gazetteer, text, "1987-03-03").values()}
    assert found[name].known and found[name].type == "Organisation"


def test_actors_a_bare_body_with_no_home_country_or_known_body_is_left_alone(gazetteer: Gazetteer) -> None:
    assert not actors(gazetteer, "The Senate passed the bill.")  # no dateline, no publisher
    found = actors(
        gazetteer, "MOSCOW, March 3 - The Foreign Ministry said Parliament would vote.", "1987-03-03"
    )
    assert "org/sun-foreign-ministry" in found  # a ministry: the dateline's country's
    assert not any("parliament" in k.lower() for k in found)  # a legislature needs a line in the table


@pytest.mark.parametrize(
    ("text", "source", "key"),
    [
        ("MANILA, June 19 - The balance will be provided by the central bank.", None, "org/phl-central-bank"),
        ("TOKYO, March 3 - The finance ministry said so.", None, "org/JAPAN-MOF"),
        ("TOKYO, March 3 - The central bank said so.", None, "org/JAPAN-BOJ"),
        ("Speaking to Kenya's parliament on Tuesday, he said so.", None, "org/ken-parliament"),
        ("The Iraqi foreign ministry protested.", None, "org/irq-foreign-ministry"),
        ("There was no time to pass the bill through parliament.", "BBC News", "org/UK-PARLIAMENT"),
    ],
)
def test_actors_a_countrys_body_in_lower_case(
    gazetteer: Gazetteer, text: str, source: str | None, key: str
) -> None:
    record = {"id": "t3", "text": text, "published": "1987-06-19", "source": source}
    extractor = ActorExtractor(gazetteer, publishers=load_publishers(SEEDS))
    assert key in {r.key for r in extractor(doc_of(article_from_record(record, origin="test")))}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("MANILA, June 19 - Every country needs a central bank.", None),  # no particular one
        ("MANILA, June 19 - The state parliament voted.", None),
        ("MANILA, June 19 - The central bank governors will meet.", None),  # several
        ("Growth slowed, with the central bank predicting more.", "BBC News"),  # any country's
    ],
)
def test_actors_a_body_in_lower_case_with_no_particular_country_is_nobody(
    gazetteer: Gazetteer, text: str, source: str | None
) -> None:
    record = {"id": "t3", "text": text, "published": "1987-06-19", "source": source}
    extractor = ActorExtractor(gazetteer, publishers=load_publishers(SEEDS))
    assert not [
        r for r in extractor(doc_of(article_from_record(record, origin="test"))) if r.type == "Organisation"
    ]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "The Gender Policy Council and Domestic Climate Council met.",
            {"Gender Policy Council", "Domestic Climate Council"},
        ),
        ("The White House's Gender Policy Council met.", {"Gender Policy Council"}),
        ("The Forestry and Fisheries Ministry met.", {"Forestry and Fisheries Ministry"}),
        ("Xinhua News Agency reported it.", set()),
    ],
)
def test_actors_institutions_joined_possessive_or_media(
    gazetteer: Gazetteer, text: str, labels: set[str]
) -> None:
    found = actors(gazetteer, text)
    assert {r.label for r in found.values() if r.type == "Organisation"} == labels


# -- people: capitals, plural titles, portfolios, companies ----------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "key"),
    [
        ("PRIME MINISTER TURNBULL: Thank you all for coming.", "2017-11-11", "person/malcolm-turnbull"),
        ("THE HON. DONALD J TRUMP\nPRESIDENT OF THE UNITED STATES", "2017-11-11", "person/donald-trump"),
        ("They met the President of the United States.", "2021-06-01", "person/joe-biden"),
    ],
)
def test_actors_speaker_labels_and_titles_of_the_country(
    gazetteer: Gazetteer, text: str, published: str, key: str
) -> None:
    assert key in actors(gazetteer, text, published)


def test_actors_names_in_capitals_make_no_new_people(gazetteer: Gazetteer) -> None:
    found = actors(gazetteer, "SPEECH BY THE PRIME MINISTER PARLIAMENTARY LUNCH\nMR JOHN CLARK", "1990-03-01")
    assert not [r for r in found.values() if r.type == "Person" and not r.known]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "Presidents Klaus Iohannis of Romania and Dan Popescu of Moldova met.",
            {"Klaus Iohannis", "Dan Popescu"},
        ),
        ("Turkish Minister of Industry and Trade Cahit Aral said so.", {"Cahit Aral"}),
        ("The Minister for Foreign Affairs and Trade, Mr Jon Kerin, said so.", {"Jon Kerin"}),
        ("Tory leader Michael Howard spoke. Mr Howard said no.", {"Michael Howard"}),
        ("David Turk, Deputy Secretary, Department of Energy, spoke.", {"David Turk"}),
        ("Jack Tseng, president of the company, said so.", set()),
        ("At the meeting, chairman Hugh Macaulay said so.", set()),
        ("Prime Minister Johnson, President Alan Smith and others met.", {"Johnson", "Alan Smith"}),
        ("He is the Deputy Climate Advisor. Zaidi is a lawyer.", set()),
        ("It grew. Since President Carl B. Ortho founded it, it grew.", {"Carl B. Ortho"}),  # an initial
        ("Trade Minister J.K. Malang told the meeting.", {"J.K. Malang"}),  # initials as one word
        ("Trade Minister Carl B. went home.", set()),  # no surname after the initial
        ("Prime Minister Ingrida Šimonytė spoke.", {"Ingrida Šimonytė"}),  # letters with diacritics
        ("Russia's envoy, Ivan Petrovsky, said so.", {"Ivan Petrovsky"}),  # a role, then the name
        ("He met the vice minister of Trade and Industry, Ken Oshiro.", {"Ken Oshiro"}),
        ("The company's president, Dean Grossman, said so.", set()),  # a company's officer
        ("Rostam Umarov, Ukraine's chief negotiator, said so.", {"Rostam Umarov"}),  # a state's role
        ("Terry Lund, Federated's chief executive, said so.", set()),  # a company's
        ("Ditte Juul Jørgensen, Commission Director-General, spoke.", {"Ditte Juul Jørgensen"}),
        ("At HIS EXCELLENCY, MR ALAN GROTE.", set()),  # capitals and no title: no one new
        ("Director Sara Carter The White House Office spoke.", {"Sara Carter"}),  # a sentence goes on
        ("The Director of Public Prosecutions will decide.", set()),  # a title, no name
        ("He was Director for International Economics and Finance.", set()),
    ],
)
def test_actors_people_the_reference_data_lacks(gazetteer: Gazetteer, text: str, labels: set[str]) -> None:
    found = actors(gazetteer, text, "2004-05-01")
    assert {r.label for r in found.values() if r.type == "Person" and not r.known} == labels


def test_actors_a_title_before_a_name_set_off_names_that_person(gazetteer: Gazetteer) -> None:
    found = actors(gazetteer, "The US special envoy, Steve Witkoff, went to Moscow.", "2026-01-10")
    assert "person/steve-witkoff" in found
    assert {r.key for r in found.values() if r.type == "Person"} == {"person/steve-witkoff"}


def test_actors_new_people_have_keys_without_diacritics(gazetteer: Gazetteer) -> None:
    assert "person/flavio-roca" in actors(gazetteer, "It was Secretary Flávio Roca who spoke.")


def test_actors_mr_and_a_surname_is_a_holder_only_of_a_country_in_context(gazetteer: Gazetteer) -> None:
    assert "person/condoleezza-rice" not in actors(gazetteer, "Dr Rice opened the clinic.", "2006-03-03")
    found = actors(gazetteer, "The United States agreed, Dr Rice said.", "2006-03-03")
    assert "person/condoleezza-rice" in found


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Officials at the Board of Investments approved it.", "Board of Investments"),  # named head first
        ("The Office of National Assessments reported.", "Office of National Assessments"),
        ("The Australian Customs Service said.", "Australian Customs Service"),
        (
            "The Australian Prudential Regulation Authority warned banks.",
            "Australian Prudential Regulation Authority",
        ),
        ("Present was the Secretary Department of Defence.", "Department of Defence"),  # not the secretary
        ("The High Court of Australia ruled.", "High Court of Australia"),  # courts
        ("The Central Bank of the Philippines said so.", "Central Bank of the Philippines"),
        (
            "The Department of Immigration and Multicultural Affairs will act.",  # the whole portfolio
            "Department of Immigration and Multicultural Affairs",
        ),
    ],
)
def test_actors_institutions_by_the_shape_of_their_names(gazetteer: Gazetteer, text: str, label: str) -> None:
    assert label in [
        e.label for e in actors(gazetteer, text, "2005-01-01").values() if e.type == "Organisation"
    ]


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("The Republic Advisory Committee met.", {"Republic Advisory Committee"}),  # committees, boards
        (
            "The Narcotics Control Bureau and the Gaza Executive Board met.",
            {"Narcotics Control Bureau", "Gaza Executive Board"},
        ),
        (  # a first word of initials joined to a name; a second "of" phrase
            "The U.S.-India Drug Policy Executive Working Group and the National Committee for the "
            "Administration of Gaza met.",
            {
                "U.S.-India Drug Policy Executive Working Group",
                "National Committee for the Administration of Gaza",
            },
        ),
        ("The Philippines' Board of Investments approved it.", {"Board of Investments"}),  # plural possessive
        (
            "It was agreed. Each Policy Review Board will meet.",
            {"Policy Review Board"},
        ),  # a determiner is no part of the name
        ("The Australian Cricket Board and the Iowa Farm Bureau met.", set()),  # sport and farmers
    ],
)
def test_actors_committees_boards_bureaus_working_groups_and_task_forces(
    gazetteer: Gazetteer, text: str, labels: set[str]
) -> None:
    found = actors(gazetteer, text, "2022-05-01")
    assert {r.label for r in found.values() if r.type == "Organisation" and not r.known} == labels


def test_actors_a_body_named_again_by_the_last_words_of_its_name_is_the_same_body(
    gazetteer: Gazetteer,
) -> None:
    found = actors(
        gazetteer,
        "The U.S.-EU Task Force on Energy Security met. The Task Force agreed. "
        "The Australia-China Joint Coordination Group met; the China Joint Coordination Group reported.",
        "2023-11-01",
    )
    bodies = {r.label: r.aliases for r in found.values() if r.type == "Organisation" and not r.known}
    assert bodies == {
        "U.S.-EU Task Force on Energy Security": ("U.S.-EU Task Force on Energy Security", "Task Force"),
        "Australia-China Joint Coordination Group": (
            "Australia-China Joint Coordination Group",
            "China Joint Coordination Group",
        ),
    }


def test_actors_banks_and_courts_are_institutions_only_as_central_banks_and_courts_of_law(
    gazetteer: Gazetteer,
) -> None:
    found = actors(gazetteer, "Commonwealth Bank shares rose. John Olsen and Richard Court met.")
    assert not [r.label for r in found.values() if r.type == "Organisation"]


@pytest.mark.parametrize(
    ("text", "alias"),
    [
        ("He met the Tasmanian Premier, Mr. Gray, in Hobart.", "Tasmanian Premier, Mr. Gray"),
        ("The appeal failed when Mr Justice Forbes ruled.", "Mr Justice Forbes"),  # judges hold office
    ],
)
def test_actors_a_title_then_an_honorific_and_a_surname_names_a_person(
    gazetteer: Gazetteer, text: str, alias: str
) -> None:
    assert alias in {a for r in actors(gazetteer, text, "1983-05-01").values() for a in r.aliases}


def test_actors_a_headline_in_capitals_is_no_institution(gazetteer: Gazetteer) -> None:
    found = actors(
        gazetteer, "TNT SETS NEW PACKAGE DELIVERY SERVICE\n\nTNT Ltd said it would expand.", "1987-04-01"
    )
    assert not [e for e in found.values() if e.type == "Organisation"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The dispute will be settled, U.S. Commerce secretary Malcolm Baldrige said.", "Malcolm Baldrige"),
        ("Rules are awaited, trade and industry secretary Jose Concepcion said.", "Jose Concepcion"),
        ("Earlier this evening, Speaker McCarthy and I reached a budget agreement.", "McCarthy"),
        ("Governor DeSantis signed the bill.", "DeSantis"),
        ("In his audience with His Holiness Pope Francis today, the President spoke of peace.", "Francis"),
        ("A joint media release with the Treasurer, Wayne Swan.", "Wayne Swan"),  # the name set off
    ],
)
def test_actors_a_portfolio_secretary_and_names_with_inner_capitals(
    gazetteer: Gazetteer, text: str, label: str
) -> None:
    assert label in [e.label for e in actors(gazetteer, text, "2023-05-27").values() if e.type == "Person"]


def test_actors_a_private_secretary_is_nobody_public(gazetteer: Gazetteer) -> None:
    found = actors(gazetteer, "His secretary John Smith typed the letter.", "2023-05-27")
    assert not [e for e in found.values() if e.type == "Person"]


# -- seats of government: 'the Kremlin said' is a body; 'at the White House' is a place ------------


@pytest.mark.parametrize(
    ("text", "published", "key", "acts"),
    [
        ("The Kremlin said it would agree to talks.", "2022-03-03", "org/RUSSIA-KREMLIN", True),
        ("The Kremlin denied it.", "1987-03-03", "org/RUSSIA-KREMLIN", True),  # the Soviet leadership
        ("White House Says Shultz Trip May Lead To Summit", "1987-04-13", "org/US-WHITE-HOUSE", True),
        ("The visit was set, the Blue House said.", "2025-12-30", "org/KOREA-PRESIDENTIAL-OFFICE", True),
        ("He met the Vice President at the White House.", "2022-03-03", "org/US-WHITE-HOUSE", False),
        ("White House Press Secretary Jen Psaki spoke.", "2022-03-03", "org/US-WHITE-HOUSE", False),
        ("A Kremlin spokesman declined to comment.", "2022-03-03", "org/RUSSIA-KREMLIN", False),
        ("The Downing Street talks covered trade.", "2005-03-03", "org/UK-NUMBER-10", False),
        ("He met Mr Blair at 10 Downing Street.", "2005-03-03", "org/UK-NUMBER-10", False),
        ("JOSEPH R. BIDEN JR.\nTHE WHITE HOUSE,\nMarch 3, 2022.", "2022-03-03", "org/US-WHITE-HOUSE", False),
    ],
)
def test_actors_a_seat_of_government_is_a_body_where_it_acts(
    gazetteer: Gazetteer, text: str, published: str, key: str, acts: bool
) -> None:
    found = actors(gazetteer, text, published)
    assert (key in found) is acts
    assert "country/USA" not in found or "White House" not in found["country/USA"].aliases


# -- parties: short names are the home country's ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The Coalition's plan will cut taxes, Labor said.", "org/AUS-COALITION"),
        ("The Coalition's plan will cut taxes, Labor said.", "org/AUS-LABOR"),
        ("The Nationals and the Greens voted against it.", "org/AUS-NATIONAL"),
    ],
)
def test_actors_a_partys_short_name_is_the_home_countrys(gazetteer: Gazetteer, text: str, key: str) -> None:
    assert key in home_actors(gazetteer, text)


def test_actors_a_partys_short_name_makes_no_body_elsewhere(gazetteer: Gazetteer) -> None:
    found = actors(gazetteer, "WASHINGTON, March 3 - Labor said the Democrats would vote.", "1987-03-03")
    assert set(found) == {"org/US-DEMOCRATIC-PARTY"}  # "Labor" is no American body
    assert "org/UK-CONSERVATIVE-PARTY" in actors(gazetteer, "Senate Republicans and Tory Party MPs met.")


@pytest.mark.parametrize(
    ("text", "published", "absent", "present"),
    [
        ("- Cliff Albright, Director, Voters Matter", "2024-01-09", "person/madeleine-albright", None),
        ("I spoke with Governor John Carney of Delaware.", "2023-04-02", "person/mark-carney", None),
        ("He backed a Comprehensive Test Ban Treaty in 1996.", "1995-10-21", "person/ban-ki-moon", None),
        ("He was representing Kerry Francis Bullmore Packer there.", "2017-05-31", "person/john-kerry", None),
        ("Former Premier Peter Beattie spoke.", "2011-10-17", "person/david-beattie", "person/peter-beattie"),
        ("Vice President Joseph Biden spoke.", "2010-05-01", None, "person/joe-biden"),  # the same initial
        ("President Biden and the Biden Administration acted.", "2022-05-01", None, "person/joe-biden"),
        ("It grew under the Hawke and Keating Governments.", "2009-01-01", None, "person/paul-keating"),
        ("Q Is Trump starting a trade war? It is early.", "2024-11-29", None, "person/donald-trump"),
        ("Reagan Sees Room For Rate Drop\nReagan said so.", "1987-10-20", None, "person/ronald-reagan"),
    ],
)  # fmt: skip
def test_actors_a_known_surname_inside_another_persons_name_is_not_that_person(
    gazetteer: Gazetteer, text: str, published: str, absent: str | None, present: str | None
) -> None:
    found = actors(gazetteer, text, published)
    assert absent is None or absent not in found
    assert present is None or present in found


WHITE_HOUSE = "White House Briefing Room"


def white_house_actors(gazetteer: Gazetteer, text: str, published: str) -> dict[str, EntityRecord]:
    """The actors of a White House text, whose home country is the United States."""
    record = {"id": "t4", "text": text, "published": published, "source": WHITE_HOUSE}
    extractor = ActorExtractor(gazetteer, publishers=load_publishers(SEEDS))
    return {r.key: r for r in extractor(doc_of(article_from_record(record, origin="test")))}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "published", "key"),
    [
        ("First Lady Melania Trump thanked the children.", "2026-04-09", "person/melania-trump"),
        ("First Lady Jill Biden will lead the delegation.", "2024-07-22", "person/jill-biden"),
        (
            "The Vice President and I are fighting to grow the middle class.",
            "2024-09-06",
            "person/kamala-harris",
        ),
        ("During the month, the First Lady and I offer our prayers.", "2025-03-04", "person/melania-trump"),
        ("Today the President signed the bill.", "2022-05-01", "person/joe-biden"),
    ],
)
def test_actors_a_bare_title_of_a_white_house_text_is_the_holder_of_the_day(
    gazetteer: Gazetteer, text: str, published: str, key: str
) -> None:
    assert key in white_house_actors(gazetteer, text, published)


@pytest.mark.parametrize(
    "text",
    [
        "She was a Vice President covering humanitarian issues at CARE.",  # not after 'the'
        "He serves as the Vice President for Strategy at Acme.",  # a company's
        "She is Deputy Assistant to the Vice President for Policy.",  # an aide's title
        "He worked in the Office of the Vice President.",  # an office's name
    ],
)
def test_actors_a_bare_title_in_another_title_is_nobody(gazetteer: Gazetteer, text: str) -> None:
    assert "person/kamala-harris" not in white_house_actors(gazetteer, text, "2022-05-01")


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("The Coalition will win the election, Mr Howard said.", True),
        ("Coalition forces in Afghanistan say three soldiers died.", False),  # allies at war
        ("The US-led Coalition struck again.", False),
    ],
)
def test_actors_the_coalition_is_the_australian_party_only_out_of_war(
    gazetteer: Gazetteer, text: str, party: bool
) -> None:
    assert ("org/AUS-COALITION" in home_actors(gazetteer, text)) is party


@pytest.mark.parametrize(
    ("title", "label", "kept"),
    [
        ("Tnt Sets New Package Delivery Service", "Tnt Sets New Package Delivery Service", False),
        ("Guinness Sues Boesky In Federal Court", "Guinness Sues Boesky In Federal Court", False),
        ("Statement by Press Secretary Mary Ellen Doe on Energy Reserve Exchange", "Mary Ellen Doe", True),
    ],
)
def test_actors_a_name_only_a_title_case_headline_gives_is_dropped(
    gazetteer: Gazetteer, title: str, label: str, kept: bool
) -> None:
    record = {"id": "t6", "title": title, "text": "The company said so on Monday.", "published": "1987-04-13"}
    found = ActorExtractor(gazetteer)(doc_of(article_from_record(record, origin="test")))
    assert (label in {r.label for r in found}) is kept  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The Prime Minister's Business Advisory Council met.", "Prime Minister's Business Advisory Council"),
        ("The White House's Gender Policy Council met.", "Gender Policy Council"),  # a building owns it
    ],
)
def test_actors_a_body_named_with_the_office_it_serves(gazetteer: Gazetteer, text: str, label: str) -> None:
    assert label in {r.label for r in actors(gazetteer, text, "2014-05-01").values()}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("FEMA has launched 21 sites.", "org/US-FEMA"),
        ("The CDC estimates that some chemicals persist.", "org/US-CDC"),
        ("PCAST met on Monday.", "org/US-PCAST"),
    ],
)
def test_actors_us_agencies_by_their_acronyms(gazetteer: Gazetteer, text: str, key: str) -> None:
    assert key in actors(gazetteer, text, "2022-05-01")


def test_actors_epa_alone_is_no_us_agency(gazetteer: Gazetteer) -> None:
    assert "org/US-EPA" not in actors(
        gazetteer, "Japan and Australia hope to conclude the EPA.", "2007-09-09"
    )


def test_actors_the_bare_names_of_a_list_of_people_are_people(gazetteer: Gazetteer) -> None:
    text = (
        "The appointed members are:\n\n- Secretary Marco Rubio\n- Steve Witkoff\n- Sir Tony Blair\n"
        "- Marc Rowan\n- Robert Gabriel\n\nEach member will oversee a portfolio."
    )
    labels = {r.label for r in actors(gazetteer, text, "2026-01-16").values() if r.type == "Person"}
    assert {"Marc Rowan", "Robert Gabriel"} <= labels


def test_actors_a_list_mostly_of_bodies_names_no_new_people(gazetteer: Gazetteer) -> None:
    text = (
        "Participants include:\n\n- Secretary Marco Rubio\n- Sir Tony Blair\n- Baltimore Ravens\n"
        "- National Park Service\n- Planet Word\n- Indiana Fever\n- Coca-Cola Company"
    )
    labels = {r.label for r in actors(gazetteer, text, "2026-01-16").values() if r.type == "Person"}
    assert not labels & {"Baltimore Ravens", "Planet Word", "Indiana Fever"}


@pytest.mark.parametrize(
    "text",
    [
        "The President of Portugal, His Excellency Mr Jorge Sampaio, will visit. President Sampaio will go.",
        "President Sampaio will visit. Mr Jorge Sampaio was elected in 1996.",  # the full name comes later
    ],
)
def test_actors_a_title_and_surname_is_the_person_the_article_names_in_full(
    gazetteer: Gazetteer, text: str
) -> None:
    people = {r.label for r in actors(gazetteer, text, "2002-05-17").values() if r.type == "Person"}
    assert people == {"Jorge Sampaio"}


def test_actors_a_surname_two_people_share_stays_apart(gazetteer: Gazetteer) -> None:
    text = "Commissioner Tulloch spoke first. Later Senator Ann Tulloch met Governor Bob Tulloch in Perth."
    people = {r.label for r in actors(gazetteer, text, "2002-05-17").values() if r.type == "Person"}
    assert people == {"Tulloch", "Ann Tulloch", "Bob Tulloch"}


@pytest.mark.parametrize(
    ("text", "published", "source", "key"),
    [
        ("China's president arrived.", "2005-03-01", None, "person/hu-jintao"),  # a possessive country
        ("Russia's foreign minister spoke.", "2005-03-01", None, "person/sergey-lavrov"),
        ("The Chinese president arrived in London.", None, "BBC News", "person/hu-jintao"),  # undated BBC
    ],
)
def test_actors_a_countrys_title_is_its_holder_then(
    gazetteer: Gazetteer, text: str, published: str | None, source: str | None, key: str
) -> None:
    record = {"id": "t7", "text": text, "published": published, "source": source}
    extractor = ActorExtractor(gazetteer, publishers=load_publishers(SEEDS))
    assert key in {r.key for r in extractor(doc_of(article_from_record(record, origin="test")))}  # type: ignore[union-attr]


def test_actors_a_title_after_a_is_nobody_in_particular(gazetteer: Gazetteer) -> None:
    found = actors(gazetteer, "He would have been a very good president of the United States.", "2004-06-10")
    assert not [k for k in found if k.startswith("person/")]


@pytest.mark.parametrize(
    "text",
    [
        "He was deputy secretary in the Department of the Prime Minister and Cabinet.",
        "Senator Ryan, Minister Assisting the Prime Minister on the Status of Women, spoke.",
    ],
)
def test_actors_the_prime_minister_in_another_name_or_title_is_nobody(
    gazetteer: Gazetteer, text: str
) -> None:
    assert "person/john-howard" not in home_actors(gazetteer, text)


def test_actors_the_prime_minister_of_an_australian_release_is_the_prime_minister_of_the_day(
    gazetteer: Gazetteer,
) -> None:
    assert "person/john-howard" in home_actors(gazetteer, "The Prime Minister today welcomed the report.")


@pytest.mark.parametrize(
    ("text", "key"), [("the Nato secretary general", "org/NATO"), ("Opec ministers met", "org/OPEC")]
)
def test_actors_groupings_as_british_papers_write_them(gazetteer: Gazetteer, text: str, key: str) -> None:
    assert key in actors(gazetteer, text, "2026-02-04")


def test_actors_listed_officers_of_private_bodies_are_nobody_public(gazetteer: Gazetteer) -> None:
    text = (
        "Leaders who participated include:\n\n- Scott Fay, President, Democracy SENTRY\n"
        "- Derrick Johnson, President and CEO, NAACP\n- Beth Lynk, Executive Director, When We All Vote\n"
        "- Jane Roe, Director, Office of Management and Budget"
    )
    people = {r.label for r in actors(gazetteer, text, "2024-02-27").values() if r.type == "Person"}
    assert people == {"Jane Roe"}


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Baldrige said the Reagan administration hoped for a deal.", False),  # the government
        ("The Biden-Harris Administration's efforts continue.", False),
        ("President Reagan said the Reagan administration hoped for a deal.", True),  # named himself
    ],
)
def test_actors_a_leader_named_only_in_the_administrations_name_is_no_person(
    gazetteer: Gazetteer, text: str, named: bool
) -> None:
    found = actors(gazetteer, text, "1987-03-29" if "Reagan" in text else "2024-02-13")
    assert bool([k for k in found if k.startswith("person/")]) is named


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The Tasmanian Government agreed.", "Tasmanian Government"),
        ("We will work with the Victorian State Government.", "Victorian State Government"),
        ("Our offer to the Western Australian Government stands.", "Western Australian Government"),
    ],
)
def test_actors_a_states_government_is_an_organisation(gazetteer: Gazetteer, text: str, label: str) -> None:
    found = {r.label: r for r in actors(gazetteer, text, "2013-05-01").values()}
    assert found[label].type == "Organisation" and "country/AUS" not in {r.key for r in found.values()}


def test_actors_the_commonwealth_and_state_government_is_no_particular_body(gazetteer: Gazetteer) -> None:
    found = actors(gazetteer, "This is the Commonwealth and State Government delivering.", "2013-05-01")
    assert not [r for r in found.values() if r.type == "Organisation"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Speaking to Ukraine's parliament, he said so.", "org/UKRAINE-RADA"),
        ("The GRU was blamed.", "org/RUSSIA-GRU"),
        ("The ISI denied it.", "org/PAKISTAN-ISI"),
        ("AUSMIN met in Sydney.", "org/AUSMIN"),
        ("The Trans-Pacific Partnership (TPP) talks resumed.", "org/TPP"),
    ],
)
def test_actors_more_bodies_and_groupings_of_the_reference_data(
    gazetteer: Gazetteer, text: str, key: str
) -> None:
    assert key in actors(gazetteer, text, "2016-02-04")


@pytest.mark.parametrize(
    ("text", "published", "wrong"),
    [
        (
            "She met Crown Prince Salman bin Hamad Al Khalifa of Bahrain.",
            "2025-01-10",
            "person/mohammed-bin-salman",
        ),
        ("Biden's Call with President Michel Aoun of Lebanon", "2025-01-10", "person/charles-michel"),
    ],
)
def test_actors_a_title_and_name_of_another_country_is_not_the_holder_sharing_a_word(
    gazetteer: Gazetteer, text: str, published: str, wrong: str
) -> None:
    assert wrong not in actors(gazetteer, text, published)
