"""Tests for kg.extract.statements: who took which position toward whom, and agreements.

The statement extractor reads the actors and meetings found before it, so each test runs the
default pipeline's extractors on a Doc, as ``kg ingest`` does. The seeds are the worked example
(``../shared/seeds/seeds.gold.json``): statements E, F, G and K, agreement J.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import SKOS

from kg.evaluate import match_statements, stance_groups
from kg.extract import make_pipeline
from kg.extract.base import Doc, EventRecord
from kg.extract.statements import CUES_FILE, Cue, CueLexicon, StatementExtractor, default_codes
from kg.ontology import load_ontology
from kg.reader import Article, article_from_record, read_articles
from kg.vocab import DIPL

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
ONTOLOGY = load_ontology(ROOT / "ontology")
PIPELINE = make_pipeline(SEEDS)
ARTICLES = {a.id[:3]: a for a in read_articles(SEEDS)}
XI, PUTIN, BIDEN = "person/xi-jinping", "person/vladimir-putin", "person/joe-biden"
CHN, RUS, USA, PRK, UKR = "country/CHN", "country/RUS", "country/USA", "country/PRK", "country/UKR"


def extracted(item: Article | str, published: str | None = "2024-11-16", title: str = "") -> Doc:
    """A Doc of an article (or of a text) after every extractor of the default pipeline."""
    if isinstance(item, str):
        record = {"id": "t1", "title": title, "text": item, "published": published}
        item = article_from_record(record, origin="test")
    doc = Doc.of(item)
    for extractor in PIPELINE:
        doc.records.extend(extractor(doc))
    return doc


def statements(item: Article | str, **kwargs: object) -> list[EventRecord]:
    return [e for e in extracted(item, **kwargs).events if e.kind == "statement"]  # type: ignore[arg-type]


def said(item: Article | str, **kwargs: object) -> list[tuple[str | None, str | None, str | None]]:
    """(speaker, stance, target) of each statement."""
    return [(s.speaker, s.stance, s.target) for s in statements(item, **kwargs)]


# -- the seeds: E, F, G, K and J ------------------------------------------------------------------


def test_statements_seed_000_putin_supports_china_on_taiwan_E() -> None:
    found = [s for s in statements(ARTICLES["000"]) if s.stance == "support"]
    assert [(s.speaker, s.target, s.topics) for s in found] == [(PUTIN, CHN, ("taiwan",))]
    assert (found[0].category, found[0].cameo, found[0].quoted) == ("SUPPORT", "051", False)


def test_statements_seed_000_xi_commends_russia_F_and_putin_commits_to_coordinate_with_china_G() -> None:
    found = said(ARTICLES["000"])
    assert (XI, "praise", RUS) in found  # "Xi stressed that ... China commends that."
    assert (PUTIN, "commit", CHN) in found  # "Russia is willing to continue close coordination with China"


def test_statements_seed_000_are_made_in_the_video_call_and_dated_as_it() -> None:
    doc = extracted(ARTICLES["000"])
    call = next(e for e in doc.events if e.kind == "meeting" and e.medium == "video")
    for statement in (e for e in doc.events if e.kind == "statement"):
        assert statement.related == (call.key,)
        assert (statement.date_start, statement.date_end) == (call.date_start, call.date_end)


def test_statements_seed_004_putin_will_be_a_staunch_supporter_of_china_on_taiwan_K() -> None:
    found = statements(ARTICLES["004"])
    assert (PUTIN, "support", CHN) in [(s.speaker, s.stance, s.target) for s in found]
    k = next(s for s in found if s.speaker == PUTIN)
    assert (k.date, k.topics) == (dt.date(2021, 12, 15), ("taiwan",))


def test_statements_seed_004_renewal_of_the_treaty_is_an_agreement_J() -> None:
    doc = extracted(ARTICLES["004"])
    (agreement,) = [e for e in doc.events if e.kind == "agreement"]
    assert set(agreement.participants) == {CHN, RUS}  # "The two sides": the states of the call
    assert (agreement.category, agreement.cameo, agreement.status) == ("AGREE", "057", "occurred")
    assert agreement.date == dt.date(2021, 12, 15)
    assert "bilateral-relations" in agreement.topics


def test_statements_evidence_points_at_the_cue_the_speaker_and_the_target() -> None:
    doc = extracted(ARTICLES["000"])
    e = next(s for s in doc.events if s.kind == "statement" and s.stance == "support")
    spans = {ev.aspect: doc.text[ev.start : ev.end] for ev in e.evidence}
    assert spans["stance"] == "firmly supports"
    assert spans["speaker"] == "Putin"
    assert spans["target"] == "China"
    assert spans["event"].startswith("Putin said Russia firmly supports")
    assert all(ev.reason and 0 < ev.confidence <= 1 for ev in e.evidence)


# -- how speakers, stances and targets are read ----------------------------------------------------


def test_statements_a_named_subject_condemns_a_target() -> None:
    text = "President Biden condemned the deployment of thousands of DPRK troops to Russia."
    assert said(text) == [(BIDEN, "criticize", PRK)]
    assert (statements(text)[0].category, statements(text)[0].cameo) == ("ACCUSE", "111")


def test_statements_a_pronoun_is_the_person_who_opened_an_earlier_sentence() -> None:
    text = "President Biden met President Xi in Lima. He expressed deep concern over the PRC's arms sales."
    assert said(text) == [(BIDEN, "concern", CHN)]


def test_statements_joint_subject_is_the_principal_of_the_meeting() -> None:
    text = "President Biden held a call with President Xi today. The two leaders welcomed the new talks."
    assert [s[:2] for s in said(text)] == [(BIDEN, "praise")]


AU_RELEASE = "PM Transcripts, Australian Government (Media Release; PM Howard, John)"
WH_READOUT = "White House Briefing Room (statements-releases)"
HOWARD, MALIKI, EU = "person/john-howard", "person/nouri-al-maliki", "org/EU"


def released(text: str, source: str = AU_RELEASE, published: str = "2003-11-10", title: str = "") -> Doc:
    """A Doc of a text a publisher of first-person documents released."""
    record = {"id": "r1", "title": title, "text": text, "published": published, "source": source}
    return extracted(article_from_record(record, origin="test"))


def test_statements_the_author_of_a_release_speaks_as_i_and_as_the_bare_title() -> None:
    doc = released(
        "I warmly welcome the decision by the Secretary-General of the United Nations. "
        "The Prime Minister condemned the attack on Iraq."
    )
    found = [(e.speaker, e.stance) for e in doc.events if e.kind == "statement"]
    assert found == [(HOWARD, "praise"), (HOWARD, "criticize")]


def test_statements_i_in_a_transcript_is_whoever_has_the_word() -> None:
    doc = released(
        "Joint press conference with Prime Minister Shinzo Abe, Sydney\n\n"
        "PRIME MINISTER HOWARD: I welcome the decision of the Japanese Government.\n\n"
        "PRIME MINISTER ABE: I condemn the missile launch by North Korea.\n\n"
        "JOURNALIST: We support the plan.",
        published="2007-09-09",
    )
    found = [(e.speaker, e.stance) for e in doc.events if e.kind == "statement"]
    assert found == [(HOWARD, "praise"), ("person/shinzo-abe", "criticize")]


def test_statements_i_of_a_release_is_no_antecedent_of_a_later_he() -> None:
    doc = released("I met President Bush in Canberra. He condemned the attack on Iraq.")
    assert [e.speaker for e in doc.events if e.kind == "statement"] == ["person/george-w-bush"]


def test_statements_a_joint_subject_speaks_for_the_publishers_office_holder_when_present() -> None:
    text = (
        "Iraqi Prime Minister Nouri al-Maliki met Prime Minister John Howard in Canberra today. "
        "The leaders agreed to an Australia-Iraq Agricultural Partnership."
    )
    assert [s[:2] for s in said(text)] == [(MALIKI, "agree")]  # no publisher: the first named
    doc = released(text)
    assert [(e.speaker, e.stance) for e in doc.events if e.kind == "statement"] == [(HOWARD, "agree")]


def test_statements_a_joint_subject_speaks_in_the_meeting_held_not_in_one_planned() -> None:
    text = (
        "Jake Sullivan met Foreign Minister Wang Yi in Beijing today. Both sides welcomed the talks, "
        "including planning for a call between President Biden and President Xi in the coming weeks."
    )
    assert [s[:2] for s in said(text, published="2024-08-29")] == [("person/jake-sullivan", "praise")]


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("We support the sovereignty and territorial integrity of Ukraine.", "support"),
        ("We oppose any unilateral change to the status quo.", "reject"),
        ("I reject their attempts to defame the Government.", "reject"),
        ("I call on Congress to pass the bill.", "request"),
        ("I have decided to establish a task force on coastal surveillance.", "commit"),
        ("I would like to thank the Financial Stability Board for its work.", "praise"),
    ],
)
def test_statements_present_tense_cues_of_a_first_person_release(text: str, stance: str) -> None:
    doc = released(text)
    assert [(e.speaker, e.stance) for e in doc.events if e.kind == "statement"] == [(HOWARD, stance)]


@pytest.mark.parametrize(
    ("text", "speaker", "stance"),
    [
        ("At the dinner I will take the opportunity to express my appreciation to France.", HOWARD, "praise"),
        (
            "It showed the European Union's steadfast, political and economic support for Ukraine.",
            EU,
            "support",
        ),
        ("The talks showed the United States' firm commitment to peace in Europe.", USA, "commit"),
    ],
)
def test_statements_whose_stance_a_noun_names_speaks_when_no_subject_does(
    text: str, speaker: str, stance: str
) -> None:
    doc = released(text)
    assert [(e.speaker, e.stance) for e in doc.events if e.kind == "statement"] == [(speaker, stance)]


def test_statements_a_subject_before_a_noun_cue_speaks_rather_than_its_possessor() -> None:
    assert [s[:2] for s in said("President Biden reaffirmed the United States' commitment to NATO.")] == [
        (BIDEN, "commit")
    ]
    text = "President Biden spoke with the press today and reaffirmed the United States' commitment to NATO."
    assert [s[:2] for s in said(text)] == [(BIDEN, "commit")]  # he speaks for the state he represents


@pytest.mark.parametrize(
    "title", ["First Lady Melania Trump’s Statement", "Statement by First Lady Melania Trump"]
)
def test_statements_a_release_titled_with_another_voice_is_not_the_presidents(title: str) -> None:
    doc = released("I call on Congress to hold a public hearing.", WH_READOUT, "2026-04-09", title)
    assert "person/donald-trump" not in {e.speaker for e in doc.events}


def test_statements_a_welcome_to_a_visitor_is_no_praise() -> None:
    assert said("President Biden will welcome Prime Minister Meloni to the White House.") == []
    assert said("The President will be doubly welcome.") == []


def test_statements_a_country_speaks_when_the_text_says_so() -> None:
    assert said("Russia firmly supports China's position.") == [(RUS, "support", CHN)]


def test_statements_an_actor_that_said_something_and_took_a_stance_speaks() -> None:
    text = "Ukraine has said the front should be frozen and rejects any withdrawal demanded by Russia."
    assert said(text) == [(UKR, "reject", RUS)]
    assert said("The Soviet Union said its diplomats are watched and has accused Washington.") == [
        ("country/SUN", "criticize", USA)
    ]


def test_statements_a_state_that_said_it_of_itself_speaks() -> None:
    assert said("The US has said it is committed to supporting Ukraine.") == [(USA, "commit", UKR)]
    assert said("The United Nations said they were ready to help Ukraine.") == [("org/UN", "commit", UKR)]


def test_statements_he_is_the_subject_of_the_sentence_before_not_who_its_opening_phrase_names() -> None:
    text = (
        "In his audience with Pope Francis today, President Joe Biden thanked him. "
        "He lauded Pope Francis' leadership on the climate crisis."
    )
    assert {(speaker, stance) for speaker, stance, _ in said(text)} == {("person/joe-biden", "praise")}


def test_statements_given_support_and_a_headline_said_again_once() -> None:
    headline = "Netherlands lends support to Turkey's mediation role"
    assert said(headline, title=headline) == [("country/NLD", "support", "country/TUR")]


def test_statements_an_advocate_or_a_champion_supports() -> None:
    assert said("Joe Biden is a strong advocate of NATO.") == [("person/joe-biden", "support", "org/NATO")]


def test_statements_a_speaker_before_an_aside_set_off_by_commas_says_it() -> None:
    text = "Vladimir Putin, in an interview with Reuters on March 11, said Russia supports China."
    assert said(text) == [(PUTIN, "support", CHN)]


def test_statements_calls_for_action_are_requests() -> None:
    (s,) = statements("President Xi urged the United States to lift its sanctions.")
    assert (s.speaker, s.stance, s.target, s.category, s.cameo) == (XI, "request", USA, "REQUEST", "020")


def test_statements_a_direct_quote_is_quoted() -> None:
    (s,) = statements('"Russia firmly supports China\'s position," Putin said.')
    assert (s.speaker, s.quoted) == (PUTIN, True)


@pytest.mark.parametrize(
    "text",
    [
        "China has never supported the plan.",  # negated
        "Asked whether Russia supports the plan, Putin said nothing.",  # a question
        "Arsenal manager Arsene Wenger praised his players after the 3-1 win.",  # sport
        "Apple said it supports the new USB standard and welcomed the ruling.",  # technology
        "Experts welcomed the mutual trust between the two countries.",  # no actor speaks
        "A TV station in the US has refused to show the series.",  # 'in the US' is no subject
    ],
)
def test_statements_nothing_invented(text: str) -> None:
    assert statements(text) == []


def test_statements_at_most_six_per_article() -> None:
    text = " ".join(
        f"President Biden condemned {c}."
        for c in ["Russia", "Iran", "Syria", "Cuba", "Chad", "Mali", "Peru", "Iraq"]
    )
    assert len(statements(text)) <= StatementExtractor.MAX_STATEMENTS


def test_statements_signed_agreement_names_its_parties() -> None:
    doc = extracted("China and Russia signed a trade agreement on Monday.")
    (agreement,) = [e for e in doc.events if e.kind == "agreement"]
    assert set(agreement.participants) == {CHN, RUS}
    assert "trade" in agreement.topics


def test_statements_agreement_to_sign_later_is_planned() -> None:
    doc = extracted("Japan will sign a free trade agreement with Australia.")
    (agreement,) = [e for e in doc.events if e.kind == "agreement"]
    assert (agreement.status, agreement.category, agreement.date) == ("planned", "AGREE", None)
    assert set(agreement.participants) == {"country/JPN", "country/AUS"}


# -- lexicon and ontology ---------------------------------------------------------------------------


def test_statements_lexicon_stances_are_ontology_notations() -> None:
    lexicon = CueLexicon.from_file(SEEDS / "reference" / CUES_FILE)
    assert lexicon.stances() <= set(ONTOLOGY.concepts(DIPL.StanceScheme))


def test_statements_every_stance_has_a_category_and_a_cameo_code_that_agree() -> None:
    codes = default_codes(ONTOLOGY)
    assert set(ONTOLOGY.concepts(DIPL.StanceScheme)) | {"agreement"} == set(codes)
    for stance, (category, cameo) in codes.items():
        ONTOLOGY.concept(DIPL.PloverScheme, category)
        term = ONTOLOGY.concept(DIPL.CameoScheme, cameo)
        mapped = {
            ONTOLOGY.notation(c)
            for p in (SKOS.closeMatch, SKOS.broadMatch)
            for c in ONTOLOGY.graph.objects(term, p)
        }
        if stance != "agreement":  # CAMEO2PLOVER files 057 (sign agreement) under SUPPORT
            assert mapped <= {category}, stance


def test_statements_bad_lexicon_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "cues.tsv"
    path.write_text("# comment\nsaid\t-\treport\ncondemned\tcriticize\n", encoding="utf-8")
    with pytest.raises(ValueError, match="cues.tsv:3"):
        CueLexicon.from_file(path)


def test_statements_lexicon_prefers_agreements_and_longer_frames_at_one_place() -> None:
    lexicon = CueLexicon([Cue("agreed to", "agree", "intent"), Cue("agreed to establish", None, "agreement")])
    assert [h.cue.frame for h in lexicon.find("They agreed to establish a fund.")] == ["agreement"]


def test_statements_graph_of_a_seed_conforms_to_the_shapes() -> None:
    from kg.pipeline import Pipeline
    from kg.settings import Settings

    _, triples = Pipeline(Settings(store="memory", validate_articles=True)).extract(ARTICLES["000"])
    assert any(triples.graph().subjects(DIPL.stance, None))


# -- scoring ------------------------------------------------------------------------------------


def test_statements_scoring_matches_speaker_stance_group_and_target() -> None:
    groups = stance_groups(SEEDS)
    gold = [
        {"speaker": "Joe Biden", "stance": "support", "target": "Ukraine", "evidence": "support for Ukraine"},
        {"speaker": "Joe Biden", "stance": "criticize", "target": "Russia", "evidence": "condemned Russia"},
    ]
    predicted = [
        {
            "speaker": "Joe Biden",
            "stance": "request",
            "target": None,
            "sentence": "urged support for Ukraine",
        },
        {"speaker": "Joe Biden", "stance": "concern", "target": "China", "sentence": "concern about China"},
    ]
    assert match_statements(gold, predicted, groups) == [(0, 0)]  # request ~ support; China is not Russia
    assert match_statements(gold, predicted, groups, exact=True) == []
    assert groups["praise"] == groups["support"] and groups["concern"] == groups["criticize"]
    assert groups["commit"] == groups["agree"] and groups["reject"] != groups["support"]
