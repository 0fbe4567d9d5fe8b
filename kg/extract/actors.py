"""Actors: the people, countries and organisations an article mentions, resolved to entities.

The gazetteer's names come first (``kg.extract.gazetteer``); then the organisations it does not
know (``kg.extract.bodies``) and the people news introduces by title or apposition
(``kg.extract.people``); countries that are only a venue or a nationality are left out
(``kg.extract.venues``). Every entity becomes one :class:`EntityRecord` with all its mentions.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import replace
from typing import ClassVar

import kg
from kg.extract.base import Doc, EntityRecord, Record
from kg.extract.bodies import OrganisationFinder, outside_non_actor_bodies
from kg.extract.gazetteer import NOT_AN_ACTOR, Gazetteer
from kg.extract.names import (
    CAPITALISED,
    GENERIC_ENDS,
    NOT_FIRST_NAMES,
    NOT_SURNAMES,
    PLURAL_TITLES,
    POLITICAL_QUALIFIERS,
    PORTFOLIO_WORDS,
    POST_NOMINALS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    Found,
    Reading,
    SentenceIndex,
    after_unknown_capitalised,
    in_title_case,
    is_joined,
    slug,
    surname,
)
from kg.extract.people import PeopleFinder
from kg.extract.publishers import Publishers
from kg.extract.text import Match, scan
from kg.extract.venues import city_names, drop_seats_as_places, drop_venues_and_nationalities, seat_names

#: A city's name followed by one of these names an agreement or a process, not the state.
_NAMED_AFTER = re.compile(
    r" (?:accord|Accord|accords|Accords|agreement|Agreement|agreements|protocol|Protocol|convention|"
    r"Convention|declaration|Declaration|Round|round|process|Process|format|Format|consensus|Club)\b"
)

#: The rest of a company's name after a country's name or adjective, up to the company's word.
_COMPANY = re.compile(
    r"(?: (?:[A-Z][\w&'.-]*|and|&)){0,4}? (?:Co|Corp|Corporation|Inc|Ltd|Limited|Plc|PLC|LLC|Airlines|"
    r"Airways|Air Lines|Telecom|Petroleum|Motors|Steel|Industries|Holdings|Bancorp|Bancshares)\b(?!-)"
)

#: A company's name or stock symbol, then "of": "Toyota Motor Corp <TOYO.T> of Japan".
_COMPANY_OF = re.compile(r"(?:\b(?:Co|Corp|Inc|Ltd|Plc|PLC)\.?|>) of (?:the )?$")

#: What follows a leader's name in the name of the government: "the Reagan administration",
#: "the Biden-Harris Administration".
_ADMINISTRATION = re.compile(r"(?:-[A-Z][a-z]+)?(?:'s)? [Aa]dministration\b")


class ActorExtractor:
    """Finds and resolves actor mentions; one :class:`EntityRecord` per entity."""

    name: ClassVar[str] = "dipl.actors.v1"
    version: ClassVar[str] = kg.__version__
    assigns: ClassVar[tuple[str, ...]] = ("dipl:Person", "dipl:Country", "dipl:Organisation", "dipl:Mention")

    def __init__(self, gazetteer: Gazetteer, *, publishers: Publishers | None = None):
        self.gazetteer = gazetteer
        self.publishers = publishers or Publishers(())
        self.organisations = OrganisationFinder(gazetteer)
        self.people = PeopleFinder(gazetteer)
        self.seats = seat_names(gazetteer.metonyms)
        self.cities = city_names(gazetteer.country_hidden)
        #: The first words of known people's names: what a first name looks like even in a headline.
        people = (e.label for e in gazetteer.entries.values() if e.type == "Person")
        self.first_names = frozenset(label.split(" ", 1)[0] for label in people if " " in label)

    def __call__(self, doc: Doc) -> list[Record]:
        reading = self.read(doc)
        resolved: dict[tuple[object, ...], str] = {}  # an article names the same few entities often
        found = [self._known(reading, m, resolved) for m in reading.names]
        found = self.organisations(reading, found)
        found += self.people(reading, found)
        found = merge_surnames(found)
        found = drop_venues_and_nationalities(reading, found, self._spoken_for(reading, found), self.cities)
        found = drop_seats_as_places(reading, found, self.seats)
        found = drop_headline_only_names(reading, found)
        found = drop_administrations_only(reading, found)
        return self._records(reading, found)

    def read(self, doc: Doc) -> Reading:
        """The article as the finders read it, with the gazetteer's names that stand for actors."""
        text = doc.normalised
        tokens, recased = in_title_case(scan(text, normalised=True), text, self._is_acronym)
        day = doc.anchor.day if doc.anchor else None
        matches = list(self.gazetteer.names.find(tokens))
        everything = Reading(doc, text, tokens, SentenceIndex(doc), matches, day, recased)
        names = [m for m in everything.names if self._is_actor_name(everything, m)]
        publisher = self.publishers.of(doc.article)
        dateline = self._dateline_country(doc)
        return replace(
            everything,
            names=outside_non_actor_bodies(text, names),
            home=dateline or (publisher.country if publisher else None),
            home_by_dateline=dateline is not None,
            period=publisher.period if publisher and day is None else None,
        )

    def _dateline_country(self, doc: Doc) -> str | None:
        """The country of the article's dateline ('WASHINGTON, April 1 -'), if the gazetteer knows it."""
        place = doc.article.dateline_place
        if not place:
            return None
        match = next(self.gazetteer.names.find(scan(place)), None)
        if match is None or match.start != 0 or match.end != len(place) or NOT_AN_ACTOR in match.values:
            return None
        key = self.gazetteer.resolve(match.values, doc.anchor.end if doc.anchor else None)
        return key if self.gazetteer.entries[key].type == "Country" else None

    def _is_acronym(self, word: str) -> bool:
        """A word in capitals that the gazetteer knows as written, not title-cased ('NATO', 'USA')."""
        names = self.gazetteer.names
        return names.starts_phrase(word) and not names.starts_phrase(word.capitalize())

    # -- names the gazetteer knows -----------------------------------------------------------

    def _is_actor_name(self, reading: Reading, match: Match) -> bool:
        text, tokens = reading.text, reading.tokens
        if NOT_AN_ACTOR in match.values or text[match.end : match.end + 1] == "$":  # "US$100"
            return False
        entry = self.gazetteer.entries[str(match.values[0])]
        if entry.type == "Country" and _NAMED_AFTER.match(text, match.end):
            return " " in text[match.start : match.end] or not _is_capital_like(text, match)
        if entry.type == "Country" and text.startswith(" ", match.end) and _COMPANY.match(text, match.end):
            return False  # "American Telephone and Telegraph Co", "Japan Air Lines"
        if entry.type == "Country" and _COMPANY_OF.search(text, max(0, match.start - 12), match.start):
            return False  # "Toyota Motor Corp <TOYO.T> of Japan": the company's
        if entry.type == "Person" and match.first_token == match.last_token:
            i = match.last_token + 1  # "Yu" of "Kang Yu-jung" is no one's short name
            if i + 1 < len(tokens) and tokens.words[i] == "-" and tokens.words[i + 1].islower():
                return not is_joined(tokens, i)
            if _in_another_name(reading, match, entry.label, self.first_names):
                return False
        if entry.type == "Organisation" and tokens.words[match.last_token] in GENERIC_ENDS:
            # "Sustainable Development Committee" is not the Development Committee
            return match.first_token - 1 in reading.inside or not after_unknown_capitalised(
                reading, match.first_token
            )
        return True

    def _known(self, reading: Reading, match: Match, resolved: dict[tuple[object, ...], str]) -> Found:
        key = resolved.get(match.values)
        if key is None:
            anchor = reading.doc.anchor
            key = resolved[match.values] = self.gazetteer.resolve(
                match.values, anchor.end if anchor else None
            )
        entry = self.gazetteer.entries[key]
        return Found(key, entry.type, entry.label, True, reading.evidence(match.start, match.end))

    def _spoken_for(self, reading: Reading, found: list[Found]) -> set[str]:
        """The countries someone in the article speaks for: said so, or through an office held."""
        spoken_for = {f.represents for f in found if f.represents}
        for person in {f.key for f in found if f.type == "Person" and f.known}:
            spoken_for |= {h.of for h in self.gazetteer.offices_of(person, reading.day)}
        return spoken_for

    # -- records ---------------------------------------------------------------------------

    def _records(self, reading: Reading, found: list[Found]) -> list[Record]:
        by_key: dict[str, list[Found]] = defaultdict(list)
        for item in sorted(found, key=lambda f: f.evidence.start):
            by_key[item.key].append(item)
        text = reading.doc.text
        records: list[Record] = []
        for key, items in by_key.items():
            first = items[0]
            represents = self._represents(reading, items) if first.type == "Person" else None
            if first.type == "Person" and not first.known:
                key = person_key(first.label, represents, reading.doc.article.id)
            records.append(
                EntityRecord(
                    key=key,
                    type=first.type,
                    label=first.label,
                    mentions=tuple(i.evidence for i in items),
                    known=first.known,
                    aliases=tuple(dict.fromkeys(text[i.evidence.start : i.evidence.end] for i in items)),
                    represents=represents,
                    affiliations=tuple(dict.fromkeys(a for i in items for a in i.affiliations)),
                )
            )
        return records

    def _represents(self, reading: Reading, items: list[Found]) -> str | None:
        said = next((i.represents for i in items if i.represents), None)
        if said is not None:
            return said
        holdings = self.gazetteer.offices_of(items[0].key, reading.day)
        countries = {h.of for h in holdings if h.of.startswith("country/")}
        return countries.pop() if len(countries) == 1 else None


#: Words that end a person's name as another name's first word: "Biden Administration", "Howard Government".
_AFTER_SURNAME = NOT_SURNAMES | GENERIC_ENDS | POST_NOMINALS | {"Jr", "Sr"}
#: Capitalised words before a surname that are no first name: titles, qualifiers and portfolios.
_NOT_GIVEN = (
    NOT_FIRST_NAMES | TITLE_HEADS | TITLE_MODIFIERS | PORTFOLIO_WORDS | POLITICAL_QUALIFIERS | PLURAL_TITLES
)

#: Words that begin questions and clauses, capitalised at the start of one.
_QUESTION_WORDS = frozenset(
    "Is Are Was Were Do Does Did Has Have Had Can Could Will Would Should Shall May Might Must Why How What "
    "Where Who Then Now So Also Here There Not Only".split()
)


def _in_another_name(reading: Reading, match: Match, label: str, first_names: frozenset[str]) -> bool:
    """Whether a known person's one-word name is a word of someone else's name: "Cliff Albright" (not
    Madeleine Albright), "Governor John Carney", "Kerry Francis Bullmore Packer", "Test Ban Treaty".

    A capitalised word just before it that is not a title and does not begin like the person's own
    first name ("Joseph Biden" is Biden), or, within a sentence, a capitalised word after it that
    is no name the gazetteer knows and does not end a body's name ("Biden Administration"). In a
    line written in title case (a headline: "Xi Meets Putin", "Reagan Sees Room") only a known
    first name before it counts, a name after a title, or the first word of a bulleted line ("- Cliff
    Albright, Director").
    """
    words, i, text = reading.tokens.words, match.first_token, reading.text
    if i in reading.recased:
        return False  # "PM RUDD:"
    if i > 0 and reading.same_line(i - 1, i) and i - 1 not in reading.inside:
        before = words[i - 1]
        if (
            CAPITALISED.match(before)
            and len(before) > 1
            and before not in _NOT_GIVEN
            and before[0] != label[0]
            and text[reading.tokens.starts[i - 1] - 2 : reading.tokens.starts[i - 1]] != ". "
            and before not in _QUESTION_WORDS  # "Q Is Trump starting ...", "Can Macron's rivals win"
            and f" {before.lower()} " not in text  # a word, not a name: "Federal Member for Flynn"
        ):
            start = reading.tokens.starts[i - 1]
            bullet = text[start - 2 : start] in ("- ", "* ", "• ")
            titled = i >= 2 and words[i - 2] in TITLE_HEADS  # "First Lady Melania Trump Statement"
            return bullet or titled or before in first_names or not _title_case_line(text, match.start)
    j = i + 1
    if j < len(words) and reading.same_line(i, j) and j not in reading.inside and i > 0:
        after = words[j]
        return (
            CAPITALISED.match(after) is not None
            and len(after) > 1
            and after not in _AFTER_SURNAME
            and after.removesuffix("s") not in _AFTER_SURNAME  # "the Hawke and Keating Governments"
            and words[i - 1][:1].islower()
            and not _title_case_line(text, match.start)
        )
    return False


def _title_case_line(text: str, at: int) -> bool:
    """Whether the line around an offset writes all its longer words capitalised (a headline)."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    words = [w for w in text[start : end if end >= 0 else None].split() if len(w) > 3 and w.isalpha()]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def merge_surnames(found: list[Found]) -> list[Found]:
    """A new person named by one word ('President Sampaio') is the one person of the article whose
    full name ends with it ('His Excellency Mr Jorge Sampaio'), whichever the text gives first; two
    such people ('George Bush', 'Laura Bush') leave it alone."""
    full: dict[str, set[tuple[str, str, bool]]] = defaultdict(set)
    for f in found:
        if f.type == "Person" and " " in f.label:
            full[surname(f.label)].add((f.key, f.label, f.known))
    if not full:
        return found
    merged = []
    for f in found:
        people = full.get(f.label) if f.type == "Person" and not f.known and " " not in f.label else None
        if people and len(people) == 1:
            key, label, known = next(iter(people))
            f = replace(f, key=key, label=label, known=known)
        merged.append(f)
    return merged


def drop_administrations_only(reading: Reading, found: list[Found]) -> list[Found]:
    """``found`` without the people named only in their administration's name: "the Reagan
    administration hoped" is the United States (tests/gold/README.md), not Reagan."""
    text = reading.text
    if "dministration" not in text:
        return found
    named_otherwise = {
        f.key for f in found if f.type == "Person" and not _ADMINISTRATION.match(text, f.evidence.end)
    }
    return [f for f in found if f.type != "Person" or f.key in named_otherwise]


def drop_headline_only_names(reading: Reading, found: list[Found]) -> list[Found]:
    """``found`` without the people and bodies the reference data lacks that only a title names whose
    every word (but 'to', 'of', 'in') is capitalised, where a name's end cannot be seen: "Wayne Swan
    Additional Funding", "TNT Sets New Package Delivery Service", "Chairman Sells Shares". A name the
    body repeats stays."""
    title = reading.doc.article.title
    words = [w for w in (title or "").split() if len(w) > 2 and w.isalpha()]
    if len(words) < 3 or not all(w[0].isupper() for w in words):
        return found  # "Statement by Press Secretary Jen Psaki on the Impact ...": the name ends at "on"
    end = len(title)
    in_body = {f.key for f in found if f.evidence.start >= end}
    body = reading.text[end:]

    def seen(f: Found) -> bool:
        after = reading.text[f.evidence.end : end].split(" ", 2)
        return (
            f.known
            or f.type == "Country"
            or f.key in in_body
            or f.evidence.start >= end
            or f.label.rsplit(" ", 1)[-1] in body  # "Sir Joh Bjelke-Petersen will be ..."
            or (len(after) > 1 and after[1][:1].islower())  # "... Jen Psaki on Strategic Petroleum ..."
        )

    return [f for f in found if seen(f)]


def _is_capital_like(text: str, match: Match) -> bool:
    """A one-word name that is not an adjective: 'Paris' (accord), not 'French' (agreement)."""
    word = text[match.start : match.end]
    return not re.search(r"(?:an|ese|ish|ch|i|ic)$", word)


def person_key(label: str, country: str | None, article_id: str) -> str:
    """The key of a person the reference data does not know: one entity per article, the same
    across articles when name and context agree.

    The context is the country the person speaks for. A full name links by name and country
    ("person/ivan-petrov--rus"), or by name alone when no article says the country
    ("person/li-haidong"); a surname alone ("Foreign Minister Caputo") links only with its
    country, and is otherwise the article's own ("person/caputo--" and a hash of the article id).

    >>> person_key("Ivan Petrov", "country/RUS", "a1"), person_key("Li Haidong", None, "a1")
    ('person/ivan-petrov--rus', 'person/li-haidong')
    >>> caputo = person_key("Caputo", None, "a1")
    >>> caputo == person_key("Caputo", None, "a1") != person_key("Caputo", None, "a2")
    True
    """
    name = slug(label)
    if country is not None:
        return f"person/{name}--{country.rsplit('/', 1)[-1].lower()}"
    if " " in label.strip():
        return f"person/{name}"
    return f"person/{name}--{hashlib.blake2s(article_id.encode(), digest_size=4).hexdigest()}"
