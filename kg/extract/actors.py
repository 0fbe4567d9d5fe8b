"""Actors: the people, countries and organisations an article mentions, resolved to entities.

Gazetteer names and aliases; titles resolved through the office held on the article's date ("the
Chinese President", "the President of Russia"), or, bare, through the first holder of that office the
article introduced ("the President" in a readout); a title and a surname through the holders of that
office on the day ("President Bush" in 2004); people the gazetteer does not know when news
introduces them by title ("Foreign Minister Ana Lopez of Chile", "State Department spokesman Charles
Redman") or apposition ("Li Haidong, a professor at ..."), and their later short forms ("Lopez");
organisations named like institutions ("the Nuclear Regulatory Commission") or as a country's body
("the Iraqi Foreign Ministry"). A country that is only a venue ("in Lima, Peru") or a nationality
("a Namibian athlete") is not an actor (tests/gold/README.md).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import ClassVar

import kg
from kg.extract.base import Doc, EntityRecord, Evidence, Record
from kg.extract.gazetteer import NOT_AN_ACTOR, Gazetteer
from kg.extract.text import Match, Tokens, normalise, scan

_CAPITALISED = re.compile(r"^[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?$|^[A-Z]\.$|^[A-Z]$|^(?:II|III|IV|VI|VII|VIII)$")
_REGNAL = frozenset("II III IV VI VII VIII".split())  # "Abdullah II": a numeral is no surname
#: Lowercase words inside personal names: "Mohammed bin Salman", "Ursula von der Leyen".
_PARTICLES = frozenset("bin bint ibn al el de da di du van von der den le la dos das del".split())
_ROLES = (
    "professor|minister|president|spokesman|spokeswoman|spokesperson|adviser|advisor|secretary|"
    "ambassador|envoy|chairman|chairwoman|chair|director|official|senator|leader|head|chief|deputy|"
    "governor|mayor|commissioner|representative|lawmaker|diplomat|researcher|fellow|analyst|expert"
)
_APPOSITION = re.compile(
    rf"\b([A-Z][a-z]+(?: [A-Z][a-z]+(?:-[a-z]+)?){{1,2}}), "
    rf"(?:(?:a|an|the) (?:[\w-]+ ){{0,3}}|(?:[a-z-]+ ){{0,2}})(?:{_ROLES})\b"
)  # "Li Haidong, a professor at ...", "Hasrul Harahap, junior minister for tree crops"
#: Last words of institutions' names. Universities, institutes and foundations are not actors
#: (tests/gold/README.md); the few that act for a state are in the reference data.
_HEADS = "Ministry|Parliament|Commission|Agency|Council|Organi[sz]ation|Department|Party"
_INSTITUTION = re.compile(
    rf"(?<!\ba )(?<!\ban )\b(?:[A-Z][\w'&-]+ (?:(?:and|&) )?){{1,6}}(?:{_HEADS})\b"
    r"(?: (?:for|of|on) (?:the )?(?:[A-Z][\w'&-]+ ?){1,4})?"  # "... Agency for International Development"
)
#: Names of bodies that are not actors; a country named inside one is not an actor either
#: ("Renmin University of China", "London School of Economics").
_NOT_ACTOR_BODY = re.compile(
    r"\b(?:[A-Z][\w'&-]+ ){0,4}(?:University|Institute|College|School|Academy|Foundation|Hospital|Museum)"
    r"(?: (?:of|for) (?:the )?(?:[A-Z][\w'&-]+ ?){1,4})?"
)
_NOT_ACTOR_WORDS = (
    "University",
    "Institute",
    "College",
    "School",
    "Academy",
    "Foundation",
    "Hospital",
    "Museum",
)
_PREVIOUS_WORD = re.compile(r"\b[A-Z][\w'&-]* $")
#: A country's body named by the country: "the Iraqi Foreign Ministry", "Japan's Lower House".
_BODIES = re.compile(
    r"(?:(?:Foreign|Defen[cs]e|Finance|Trade|Economy|Agriculture|Interior|Justice|Commerce|Industry|"
    r"Energy|Health|Education|Information) Ministry|Ministry of [A-Z][a-z]+(?: Affairs)?|Foreign Office|"
    r"Embassy|Consulate|Parliament|Senate|Lower House|Upper House|National Assembly|Cabinet|Navy|Army|"
    r"Air Force|Coast Guard|Central Bank|Armed Forces)"
    r"(?![\w-])"
)
#: Head words of titles that introduce a person: "Press Secretary Karine Jean-Pierre".
_TITLE_HEADS = frozenset(
    "Minister Secretary President Premier Chancellor Advisor Adviser Envoy Ambassador Spokesman "
    "Spokeswoman Spokesperson Director Chairman Chairwoman Chair Senator Governor Representative "
    "Commissioner King Queen Prince Princess Emir Sheikh Sultan General Admiral Mayor Leader Speaker "
    "Administrator Counselor Counsellor Chief Mr Mrs Ms Dr".split()
)
#: The same in lower case, as news writes a role before a name: "State Department spokesman Charles
#: Redman", "Republican politician Fred Upton", "presidential spokesperson Kang Yu-jung".
_ROLE_HEADS = frozenset(
    "spokesman spokeswoman spokesperson minister senator lawmaker politician legislator congressman "
    "congresswoman envoy ambassador negotiator diplomat".split()
)
#: Titles that business uses too: after an unknown capitalised word they name a company's officer.
_BUSINESS_TITLES = frozenset("Chairman Chairwoman Chair Chief Director President".split())
#: Titles that name a person without a first name: "Mr Howard", "Dr Mahathir".
_HONORIFICS = frozenset("Mr Mrs Ms Dr".split())
#: Words that end an institution's name, so never a person's: "... Terrorist Organization".
_NOT_SURNAMES = frozenset(
    "Organization Organisation Council Commission Ministry Agency University Institute Party Union "
    "Committee Department Office Assembly Summit Forum Group Army Navy Force Forces House Court "
    "Bank Fund Government Administration Cabinet Embassy Motors Electric Electronics Airlines "
    "Corporation Company Times Post News Fleet Sea Ocean River Island Islands Mountains Strait Bay "
    "Gulf Peninsula Region Province State States City Square Street Airport Port Station Hall Palace "
    "Stadium Prize Award Cup Games Olympics Day Week Act Law Bill Plan Initiative Strategy Program "
    "Programme Project Policy Doctrine Road Corridor Executive Extraordinary Plenipotentiary "
    "Emeritus Designate Elect Centre Center Club League Association Federation Network Service "
    "Services Guard Corps Command Republic Kingdom Empire Dynasty War Revolution".split()
)
#: Last words of organisations' names that other names end with too ("Sustainable Development Committee").
_GENERIC_ENDS = frozenset(
    "Committee Council Party Ministry Department Commission Bank Assembly Office Agency".split()
)
#: Words before "in", "to", "from" ... that make the place after them a venue: "meeting in Monaco".
_VENUE_CUES = frozenset(
    "travel travels travelled traveled travelling traveling arrive "
    "arrives arrived arriving arrival meeting meetings meet meets met summit Summit Meeting talks held "
    "hold holds hosted hosting conference Conference session forum Forum fly flew flies flying go goes "
    "went going return returns returned returning stop stopover based attend attends attended "
    "attending gathered convened ceremony dinner stay stayed headed leave leaves left depart departs "
    "departed way".split()
)
_LOCATIVES = frozenset("in to from at into via near".split())
#: Nouns after a nationality adjective that name private people, not the state: "a Namibian athlete".
_PRIVATE_PEOPLE = frozenset(
    "athlete athletes national nationals citizen citizens player players student students tourist "
    "tourists journalist journalists businessman businessmen businesswoman worker workers man men "
    "woman women boy boys girl girls child children singer actor actress writer author artist coach "
    "runner champion footballer sprinter cyclist boxer golfer driver merchant hostage hostages "
    "descent origin".split()
)
#: A city's name followed by one of these names an agreement or a process, not the state.
_NAMED_AFTER = re.compile(
    r" (?:accord|Accord|accords|Accords|agreement|Agreement|agreements|protocol|Protocol|convention|"
    r"Convention|declaration|Declaration|Round|round|process|Process|format|Format|consensus|Club)\b"
)


@dataclass
class _Found:
    key: str
    type: str
    label: str
    known: bool
    evidence: Evidence
    office: str | None = None  # the office a person was introduced with
    represents: str | None = None
    affiliations: tuple[str, ...] = ()


class ActorExtractor:
    """Finds and resolves actor mentions; one :class:`EntityRecord` per entity."""

    name: ClassVar[str] = "dipl.actors.v1"
    version: ClassVar[str] = kg.__version__
    assigns: ClassVar[tuple[str, ...]] = ("dipl:Person", "dipl:Country", "dipl:Organisation", "dipl:Mention")

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> list[Record]:
        text = doc.normalised
        tokens = scan(text)
        sentences = _SentenceIndex(doc)
        matches = list(self.gazetteer.names.find(tokens))
        inside = {i for m in matches for i in range(m.first_token, m.last_token + 1)}
        names = [m for m in matches if self._is_actor_name(text, tokens, m, inside)]
        names = _outside_non_actor_bodies(text, names)
        found = [self._known(doc, m, sentences) for m in names]
        found += self._bodies(doc, names, found, sentences)
        found += self._institutions(doc, names, found, sentences)
        found = self._drop_inside_institutions(found)
        found += self._titled(doc, tokens, names, found, sentences)
        found += self._generic_titles(doc, tokens, names, found, sentences)
        found += self._appositions(doc, found, sentences)
        found += self._short_forms(doc, tokens, found, sentences)
        found = self._drop_venues_and_nationalities(doc, tokens, found)
        return self._records(doc, found)

    # -- names the gazetteer knows -----------------------------------------------------------

    def _is_actor_name(self, text: str, tokens: Tokens, match: Match, inside: set[int]) -> bool:
        if NOT_AN_ACTOR in match.values or text[match.end : match.end + 1] == "$":  # "US$100"
            return False
        entry = self.gazetteer.entries[str(match.values[0])]
        if entry.type == "Country" and _NAMED_AFTER.match(text, match.end):
            return " " in text[match.start : match.end] or not _is_capital_like(text, match)
        if entry.type == "Person" and match.first_token == match.last_token:
            i = match.last_token + 1  # "Yu" of "Kang Yu-jung" is no one's short name
            if i + 1 < len(tokens) and tokens.words[i] == "-" and tokens.words[i + 1].islower():
                return not _is_joined(tokens, i)
        if entry.type == "Organisation" and tokens.words[match.last_token] in _GENERIC_ENDS:
            return match.first_token - 1 in inside or not _after_unknown_capitalised(
                tokens, match.first_token, text
            )  # "Sustainable Development Committee" is not the Development Committee
        return True

    def _known(self, doc: Doc, match: Match, sentences: _SentenceIndex) -> _Found:
        day = doc.anchor.end if doc.anchor else None
        key = self.gazetteer.resolve(match.values, day)
        entry = self.gazetteer.entries[key]
        return _Found(key, entry.type, entry.label, True, sentences.evidence(match.start, match.end))

    # -- titles: "Foreign Minister Wang Yi", "the Chinese President" ------------------------

    def _titled(
        self, doc: Doc, tokens: Tokens, names: list[Match], known: list[_Found], sentences: _SentenceIndex
    ) -> list[_Found]:
        name_at = {m.first_token: m for m in names}
        inside = {i for m in names for i in range(m.first_token, m.last_token + 1)}
        found: list[_Found] = []
        bare: list[Match] = []
        for office in self.gazetteer.office_names.find(tokens):
            if office.first_token in inside or _is_business_title(
                tokens, office.first_token, doc.normalised, inside
            ):
                continue  # "SK Group Chairman Chey Tae-won": a company's officer
            after = office.last_token + 1
            if after in name_at and self.gazetteer.entries[str(name_at[after].values[0])].type == "Person":
                continue  # "President Xi": the name itself is the mention
            unknown = self._unknown_name(doc, tokens, after, name_at)
            if unknown is not None and (
                holder := self._holder_named(tokens.words[after], doc, _values(office))
            ):
                entry = self.gazetteer.entries[holder]  # "Vice President Harris Announces ...": a headline
                evidence = sentences.evidence(
                    office.start, tokens.ends[after], "holder of the title on the day", 0.8
                )
                found.append(
                    _Found(holder, "Person", entry.label, True, evidence, office=str(office.values[0]))
                )
            elif unknown is not None:
                found.append(self._new_person(doc, tokens, office, unknown, name_at, sentences))
            elif _is_title_chain(tokens, office):
                continue  # "Crown Prince and Prime Minister ...": the last title names the person
            elif (
                person := self._surnamed(doc, tokens, office, name_at, known + found, sentences)
            ) is not None:
                found.append(person)
            else:
                holder = self._holder(doc, tokens, office, name_at, sentences)
                if holder is not None:
                    found.append(holder)
                elif not _followed_by_of(tokens, office):  # "the Chairman of <unresolved>" is not bare
                    bare.append(office)
        return found + self._bare_titles(doc, bare, known + found, sentences)

    def _surnamed(
        self,
        doc: Doc,
        tokens: Tokens,
        office: Match,
        name_at: dict[int, Match],
        people: list[_Found],
        sentences: _SentenceIndex,
    ) -> _Found | None:
        """'President Bush', 'Foreign Minister Caputo': a title and one name.

        The person is whoever held an office of that title on the day under that surname; failing
        that, a new person named by the surname alone.
        """
        i = office.last_token + 1
        surname = _single_name(tokens, i, name_at, doc.normalised)
        if surname is None:
            return None
        start, end = tokens.starts[office.first_token], tokens.ends[i]
        earlier = _earlier_named(surname, people, start)
        if earlier is not None:
            evidence = sentences.evidence(start, end, f"the {earlier.label} introduced earlier", 0.75)
            return _Found(earlier.key, "Person", earlier.label, earlier.known, evidence)
        holder = self._holder_named(surname, doc, _values(office))
        if holder is not None:
            entry = self.gazetteer.entries[holder]
            evidence = sentences.evidence(start, end, f"{surname}, holder of the title on the day", 0.8)
            return _Found(holder, "Person", entry.label, True, evidence, office=str(office.values[0]))
        near = self._country_near(tokens, office, name_at, name_end=i)
        evidence = sentences.evidence(near[1] if near else start, end, "named with a title", 0.7)
        return _Found(
            f"person/{_slug(surname)}", "Person", surname, False, evidence,
            office=str(office.values[0]), represents=near[0] if near else None,
        )  # fmt: skip

    def _holder_named(self, surname: str, doc: Doc, offices: set[str] | None = None) -> str | None:
        """The one person with that surname who held one of the offices (any) on the article's day."""
        day = doc.anchor.day if doc.anchor else None
        people = self.gazetteer.holders_named(surname, day, offices) if day else set()
        return people.pop() if len(people) == 1 else None

    def _generic_titles(
        self, doc: Doc, tokens: Tokens, names: list[Match], found: list[_Found], sentences: _SentenceIndex
    ) -> list[_Found]:
        """People introduced by a title the gazetteer does not list ('Special Envoy Steve Witkoff')."""
        name_at = {m.first_token: m for m in names}
        inside = {i for m in names for i in range(m.first_token, m.last_token + 1)}
        words = tokens.words
        taken = [(f.evidence.start, f.evidence.end) for f in found]
        people = []
        for i, word in enumerate(words):
            if word not in _TITLE_HEADS and word not in _ROLE_HEADS:
                continue
            start = i + 1 + (i + 1 < len(words) and words[i + 1] == ".")  # "Mr. Jared Kushner"
            if start < len(words) and words[start] in _TITLE_HEADS:
                continue  # "Secretary General Jens Stoltenberg": the last title word leads
            if _is_business_title(tokens, i, doc.normalised, inside):
                continue  # "Samsung Electronics Chairman Lee Jae-yong": a company's officer
            start = _skip_of_phrase(tokens, start)  # "Secretary of the Army Dan Driscoll"
            last = self._unknown_name(doc, tokens, start, name_at)
            if last is None and word not in _ROLE_HEADS:
                person = self._generic_surnamed(doc, tokens, i, start, name_at, found + people, sentences)
                if person is not None and not any(
                    s < person.evidence.end and person.evidence.start < e for s, e in taken
                ):
                    people.append(person)
                    taken.append((person.evidence.start, person.evidence.end))
                continue
            if last is None or words[last] in _TITLE_HEADS:
                continue
            span = (tokens.starts[start], tokens.ends[last])
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            label = doc.normalised[span[0] : span[1]]
            evidence = sentences.evidence(span[0], span[1], f"named after the title '{word}'", 0.75)
            people.append(_Found(f"person/{_slug(label)}", "Person", label, False, evidence))
            taken.append(span)
        return people

    def _generic_surnamed(
        self,
        doc: Doc,
        tokens: Tokens,
        title: int,
        i: int,
        name_at: dict[int, Match],
        people: list[_Found],
        sentences: _SentenceIndex,
    ) -> _Found | None:
        """'Secretary Driscoll', 'Mr Howard': a title word and a surname.

        The one office holder of the day with that surname; else, after a title (not Mr or Dr),
        a new person named by the surname.
        """
        surname = _single_name(tokens, i, name_at, doc.normalised)
        if surname is None:
            return None
        start, end = tokens.starts[_title_start(tokens, title, doc.normalised)], tokens.ends[i]
        earlier = _earlier_named(surname, people, start)
        if earlier is not None:
            evidence = sentences.evidence(start, end, f"the {earlier.label} introduced earlier", 0.75)
            return _Found(earlier.key, "Person", earlier.label, earlier.known, evidence)
        holder = self._holder_named(surname, doc)
        if holder is not None:
            entry = self.gazetteer.entries[holder]
            evidence = sentences.evidence(start, end, f"{surname}, in office on the day", 0.75)
            return _Found(holder, "Person", entry.label, True, evidence)
        if tokens.words[title] in _HONORIFICS:
            return None
        evidence = sentences.evidence(start, end, f"named after the title '{tokens.words[title]}'", 0.7)
        return _Found(f"person/{_slug(surname)}", "Person", surname, False, evidence)

    def _unknown_name(self, doc: Doc, tokens: Tokens, i: int, name_at: dict[int, Match]) -> int | None:
        """The last token of a 2-5 word name starting at ``i`` that the gazetteer lacks.

        Names are capitalised words (initials allowed) with lowercase particles inside them.
        """
        words = tokens.words
        if i >= len(words) or words[i] in _TITLE_HEADS or words[i] in _NOT_FIRST_NAMES:
            return None  # "President General Pervez Musharraf": the later title leads
        last = i
        while last < len(words) and last - i < 6 and last not in name_at:
            word = words[last]
            if last > i and not _same_line(tokens, last - 1, last, doc.normalised):
                break
            joined = word == "-" and last > i and _is_joined(tokens, last)  # "Jean-Pierre", "Dae-jung"
            lowercase_tail = last > i and words[last - 1] == "-" and word.isalpha()
            if not (
                _CAPITALISED.match(word) or joined or lowercase_tail or (word in _PARTICLES and last > i)
            ):
                break
            last += 1
        while last > i and words[last - 1] in _PARTICLES | {"-"}:
            last -= 1
        if last - i < 2 or words[last - 1] in _NOT_SURNAMES or len(words[last - 1]) < 2:
            return None
        return last - 1

    def _new_person(
        self,
        doc: Doc,
        tokens: Tokens,
        office: Match,
        last: int,
        name_at: dict[int, Match],
        sentences: _SentenceIndex,
    ) -> _Found:
        first = office.last_token + 1
        label = doc.normalised[tokens.starts[first] : tokens.ends[last]]
        near = self._country_near(tokens, office, name_at, name_end=last)
        start = near[1] if near else office.start
        evidence = sentences.evidence(start, tokens.ends[last], "named with a title", 0.8)
        return _Found(
            f"person/{_slug(label)}", "Person", label, False, evidence,
            office=str(office.values[0]), represents=near[0] if near else None,
        )  # fmt: skip

    def _holder(
        self, doc: Doc, tokens: Tokens, office: Match, name_at: dict[int, Match], sentences: _SentenceIndex
    ) -> _Found | None:
        """'the Chinese President', 'The President of China': the holder of that office on the day."""
        near = self._country_near(tokens, office, name_at)
        if near is None or doc.anchor is None or doc.anchor.day is None:
            return None
        country, start, end = near
        for office_key in office.values:
            person = self.gazetteer.holder(str(office_key), country, doc.anchor.day)
            if person is not None:
                entry = self.gazetteer.entries[person]
                reason = f"office held on {doc.anchor.day.isoformat()}"
                evidence = sentences.evidence(start, end, reason, 0.85)
                return _Found(person, "Person", entry.label, True, evidence, office=str(office_key))
        return None

    def _country_near(
        self, tokens: Tokens, office: Match, name_at: dict[int, Match], *, name_end: int | None = None
    ) -> tuple[str, int, int] | None:
        """The country of a title, and the span of the whole title.

        'Chinese President', 'President of China' and 'President Xi Jinping of China' (with
        ``name_end`` the last token of the name) all name China.
        """
        before = next((m for m in name_at.values() if m.last_token == office.first_token - 1), None)
        if before is not None and self._is_country(before):
            return str(before.values[0]), before.start, office.end
        after = (office.last_token if name_end is None else name_end) + 1
        if after < len(tokens) and tokens.words[after] == "of" and after + 1 in name_at:
            country = name_at[after + 1]
            if self._is_country(country) or name_end is None:
                return str(country.values[0]), office.start, country.end
        return None

    def _is_country(self, match: Match) -> bool:
        return self.gazetteer.entries[str(match.values[0])].type == "Country"

    def _bare_titles(
        self, doc: Doc, bare: list[Match], found: list[_Found], sentences: _SentenceIndex
    ) -> list[_Found]:
        """'the President' with no country: the first person the article introduced in that office."""
        day = doc.anchor.day if doc.anchor else None
        resolved = []
        for office in bare:
            earlier = sorted(
                (f for f in found if f.evidence.start < office.start), key=lambda f: f.evidence.start
            )
            for person in earlier:
                offices = {person.office} | {h.office for h in self.gazetteer.offices_of(person.key, day)}
                if person.type == "Person" and offices & {str(v) for v in office.values}:
                    evidence = sentences.evidence(
                        office.start, office.end, f"the {person.label} introduced earlier", 0.7
                    )
                    resolved.append(_Found(person.key, "Person", person.label, person.known, evidence))
                    break
        return resolved

    # -- people introduced by apposition, and their short forms ------------------------------

    def _appositions(self, doc: Doc, found: list[_Found], sentences: _SentenceIndex) -> list[_Found]:
        """'Li Haidong, a professor at ...', 'said Jake Sullivan, the national security adviser'."""
        taken = [(f.evidence.start, f.evidence.end) for f in found]
        people = []
        for match in _APPOSITION.finditer(doc.normalised):
            start, end = match.span(1)
            label = match.group(1)
            if label.split()[0] in _NOT_FIRST_NAMES or any(s < end and start < e for s, e in taken):
                continue
            if not _same_line_text(doc.normalised, start, end):
                continue
            evidence = sentences.evidence(start, end, "introduced by apposition", 0.8)
            clause_end = _clause_end(doc.normalised, match.end())
            affiliations = tuple(
                f.key
                for f in found
                if f.type == "Organisation" and match.end() <= f.evidence.start < clause_end
            )
            people.append(
                _Found(f"person/{_slug(label)}", "Person", label, False, evidence, affiliations=affiliations)
            )
            taken.append((start, end))
        return people

    def _short_forms(
        self, doc: Doc, tokens: Tokens, found: list[_Found], sentences: _SentenceIndex
    ) -> list[_Found]:
        """Later mentions of a new person by surname alone ('Lopez' after 'Ana Lopez')."""
        surnames: dict[str, _Found] = {}
        for item in found:
            if item.type == "Person" and not item.known and " " in item.label:
                surname = _surname(item.label)
                if len(surname) > 2 and surname not in surnames:
                    surnames[surname] = item
        if not surnames:
            return []
        taken = [(f.evidence.start, f.evidence.end) for f in found]
        short = []
        for i in [i for i, word in enumerate(tokens.words) if word in surnames]:
            person, start, end = surnames[tokens.words[i]], tokens.starts[i], tokens.ends[i]
            if start < person.evidence.end or any(s <= start < e for s, e in taken):
                continue
            evidence = sentences.evidence(start, end, f"short form of {person.label}", 0.75)
            short.append(_Found(person.key, "Person", person.label, False, evidence))
        return short

    # -- organisations the gazetteer does not know -------------------------------------------

    def _institutions(
        self, doc: Doc, names: list[Match], bodies: list[_Found], sentences: _SentenceIndex
    ) -> list[_Found]:
        text, found = doc.normalised, []
        taken = [(f.evidence.start, f.evidence.end) for f in bodies if not f.known]
        for match in _INSTITUTION.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            first = match.group().split(" ", 1)[0]
            if first in _NOT_FIRST_NAMES:  # "The Commission", "When Parliament"
                start += len(first) + 1
                if " " not in text[start:end].strip():
                    continue
            if _PREVIOUS_WORD.search(text, max(0, start - 40), start):
                continue  # the tail of a longer name: "(a) Foreign Terrorist Organization"
            if any(
                m.start < end and start < m.end and not (start <= m.start and m.end <= end) for m in names
            ):
                continue  # overlaps a known name without containing it: "Communist Party" of "... of China"
            if any(m.start <= start and end <= m.end for m in names):
                continue
            while end > start and text[end - 1].isspace():
                end -= 1
            label = text[start:end]
            evidence = sentences.evidence(start, end, "named like an institution", 0.7)
            found.append(_Found(f"org/{_slug(label)}", "Organisation", normalise(label), False, evidence))
        return found

    def _bodies(
        self, doc: Doc, names: list[Match], found: list[_Found], sentences: _SentenceIndex
    ) -> list[_Found]:
        """'the Iraqi Foreign Ministry', "Japan's Lower House", 'the U.S. Embassy': a country's body.

        One entity per country and body across articles (``org/irq-foreign-ministry``), labelled as
        first written.
        """
        text, bodies = doc.normalised, []
        taken = [(f.evidence.start, f.evidence.end) for f in found if f.type != "Country"]
        for match in names:
            if not self._is_country(match):
                continue
            after = match.end + (3 if text.startswith("'s ", match.end) else 1)
            body = _BODIES.match(text, after) if text[match.end : match.end + 1] in " '" else None
            if body is None:
                continue
            start, end = match.start, body.end()
            if any(s < end and start < e for s, e in taken):
                continue
            country = self.gazetteer.resolve(match.values, doc.anchor.end if doc.anchor else None)
            key = f"org/{country.rsplit('/', 1)[-1].lower()}-{_slug(body.group())}"
            evidence = sentences.evidence(start, end, "a country's body", 0.75)
            bodies.append(_Found(key, "Organisation", text[start:end], False, evidence))
            taken.append((start, end))
        return bodies

    @staticmethod
    def _drop_inside_institutions(found: list[_Found]) -> list[_Found]:
        spans = [(f.evidence.start, f.evidence.end) for f in found if not f.known]
        return [
            f
            for f in found
            if not f.known or not any(s <= f.evidence.start and f.evidence.end <= e for s, e in spans)
        ]

    # -- countries that are only a venue or a nationality -------------------------------------

    def _drop_venues_and_nationalities(self, doc: Doc, tokens: Tokens, found: list[_Found]) -> list[_Found]:
        """Countries whose every mention is a venue ('in Lima, Peru') or a nationality ('a Namibian
        athlete'), and for whom nobody in the article speaks, are not actors."""
        day = doc.anchor.day if doc.anchor else None
        spoken_for = {f.represents for f in found if f.represents}
        for person in {f.key for f in found if f.type == "Person" and f.known}:
            spoken_for |= {h.of for h in self.gazetteer.offices_of(person, day)}
        mentions: dict[str, list[_Found]] = defaultdict(list)
        for item in found:
            if item.type == "Country" and item.key not in spoken_for:
                mentions[item.key].append(item)
        country_at = {  # every token of every country mention
            i: f.key
            for f in found
            if f.type == "Country"
            for i in range(
                bisect_right(tokens.starts, f.evidence.start) - 1,
                bisect_right(tokens.starts, f.evidence.end - 1),
            )
        }
        venues = {
            f.evidence.start for f in found if f.type == "Country" and _is_venue(doc, tokens, f, country_at)
        }
        drop = {
            key
            for key, items in mentions.items()
            if all(i.evidence.start in venues or _is_nationality(doc.normalised, i) for i in items)
        }
        return [f for f in found if f.key not in drop]

    # -- records ---------------------------------------------------------------------------

    def _records(self, doc: Doc, found: list[_Found]) -> list[Record]:
        by_key: dict[str, list[_Found]] = defaultdict(list)
        for item in sorted(found, key=lambda f: f.evidence.start):
            by_key[item.key].append(item)
        records: list[Record] = []
        for key, items in by_key.items():
            first = items[0]
            aliases = tuple(dict.fromkeys(doc.text[i.evidence.start : i.evidence.end] for i in items))
            records.append(
                EntityRecord(
                    key=key,
                    type=first.type,
                    label=first.label,
                    mentions=tuple(i.evidence for i in items),
                    known=first.known,
                    aliases=aliases,
                    represents=self._represents(doc, items) if first.type == "Person" else None,
                    affiliations=tuple(dict.fromkeys(a for i in items for a in i.affiliations)),
                )
            )
        return records

    def _represents(self, doc: Doc, items: list[_Found]) -> str | None:
        said = next((i.represents for i in items if i.represents), None)
        if said is not None:
            return said
        day = doc.anchor.day if doc.anchor else None
        holdings = self.gazetteer.offices_of(items[0].key, day)
        countries = {h.of for h in holdings if h.of.startswith("country/")}
        return countries.pop() if len(countries) == 1 else None


class _SentenceIndex:
    """The sentence of an offset by bisection (an article has hundreds of mentions)."""

    def __init__(self, doc: Doc):
        self.sentences = doc.sentences
        self.starts = [s.start for s in doc.sentences]

    def index(self, offset: int) -> int:
        """As :meth:`Doc.sentence_at`: the sentence that contains the offset, else the last one."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i].index
        return self.sentences[-1].index

    def evidence(self, start: int, end: int, reason: str = "", confidence: float = 0.95) -> Evidence:
        return Evidence(start, end, self.index(start), "mention", reason, confidence)


#: Capitalised words that start a sentence or a place, not a name.
_NOT_FIRST_NAMES = frozenset(
    "The This That These In On At As For But And When While After Before During".split()
)


def _is_joined(tokens: Tokens, i: int) -> bool:
    """Whether token ``i`` (a hyphen) joins two words with no space: 'Jean-Pierre', 'Dae-jung'."""
    if i + 1 >= len(tokens) or not tokens.words[i + 1].isalpha():
        return False
    return tokens.ends[i - 1] == tokens.starts[i] and tokens.ends[i] == tokens.starts[i + 1]


def _same_line(tokens: Tokens, before: int, after: int, text: str) -> bool:
    """Whether two tokens are separated by spaces only (a name never runs across a line break)."""
    return "\n" not in text[tokens.ends[before] : tokens.starts[after]]


def _same_line_text(text: str, start: int, end: int) -> bool:
    return "\n" not in text[start:end]


def _single_name(tokens: Tokens, i: int, name_at: dict[int, Match], text: str) -> str | None:
    """The one capitalised word at ``i`` that a title names a person by ('President Bush said')."""
    words = tokens.words
    if i >= len(words) or i in name_at or not _same_line(tokens, i - 1, i, text):
        return None
    word = words[i]
    if (
        not _CAPITALISED.match(word)
        or len(word) < 3
        or word in _TITLE_HEADS
        or word in _NOT_FIRST_NAMES
        or word in _NOT_SURNAMES
    ):
        return None
    following = words[i + 1] if i + 1 < len(words) else ""
    if _CAPITALISED.match(following) or following in ("-", "&") or following in _PARTICLES:
        return None  # the start of a longer name, or of a hyphenated one
    return word


def _after_unknown_capitalised(tokens: Tokens, i: int, text: str) -> bool:
    """Whether token ``i`` follows, on the same line, a capitalised word that is not a title."""
    if i == 0 or not _same_line(tokens, i - 1, i, text):
        return False
    word = tokens.words[i - 1]
    if not _CAPITALISED.match(word) or word in _NOT_FIRST_NAMES or word in _TITLE_HEADS:
        return False
    return text[tokens.starts[i - 1] - 1 : tokens.starts[i - 1]] not in (".", "\n")


#: Words that qualify a title: "Vice President", "Executive Chair".
_TITLE_MODIFIERS = frozenset("Vice Deputy Executive Acting Assistant Associate Senior Former Co".split())


def _outside_non_actor_bodies(text: str, names: list[Match]) -> list[Match]:
    """The names that are not part of a university's, institute's or foundation's name."""
    if not any(word in text for word in _NOT_ACTOR_WORDS):
        return names
    spans = [m.span() for m in _NOT_ACTOR_BODY.finditer(text)]
    if not spans:
        return names
    return [
        m
        for m in names
        if not any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in spans)
    ]


def _values(match: Match) -> set[str]:
    return {str(v) for v in match.values}


def _surname(label: str) -> str:
    """The word a person is later called by: the last, or the one before a numeral ('Abdullah II')."""
    words = label.split()
    return words[-2] if words[-1] in _REGNAL and len(words) > 1 else words[-1]


def _earlier_named(surname: str, people: list[_Found], before: int) -> _Found | None:
    """The person introduced before an offset whose full name begins or ends with ``surname``."""
    for person in sorted(people, key=lambda f: f.evidence.start):
        if person.type != "Person" or person.evidence.start >= before or " " not in person.label:
            continue
        words = person.label.split()
        if surname in (words[0], words[-1], _surname(person.label)):
            return person
    return None


def _title_start(tokens: Tokens, i: int, text: str) -> int:
    """The first token of a title that ends at token ``i``: 'Economy Minister', 'Special Envoy'."""
    while (
        i > 0
        and _CAPITALISED.match(tokens.words[i - 1])
        and tokens.words[i - 1] not in _NOT_FIRST_NAMES
        and _same_line(tokens, i - 1, i, text)
        and text[tokens.starts[i - 1] - 2 : tokens.starts[i - 1]] not in (". ", "\n")
    ):
        i -= 1
    return i


def _is_business_title(tokens: Tokens, i: int, text: str, inside: set[int]) -> bool:
    """Whether the title at token ``i`` follows a company's name: 'Samsung Electronics Chairman'."""
    while (
        i > 0
        and tokens.words[i] in _TITLE_MODIFIERS | _BUSINESS_TITLES
        and tokens.words[i - 1] in _TITLE_MODIFIERS
    ):
        i -= 1
    if tokens.words[i] not in _BUSINESS_TITLES and tokens.words[i] not in _TITLE_MODIFIERS:
        return False
    return i - 1 not in inside and _after_unknown_capitalised(tokens, i, text)


def _is_venue(doc: Doc, tokens: Tokens, item: _Found, country_at: dict[int, str]) -> bool:
    """'meeting in Monaco', 'arrived from Helsinki', 'in Lima, Peru', 'Nay Pyi Taw in Burma'.

    ``country_at`` maps every token of every country mention to the country.
    """
    words = tokens.words
    i = bisect_right(tokens.starts, item.evidence.start) - 1
    j = bisect_right(tokens.starts, item.evidence.end - 1)  # the token after the mention
    before = words[i - 1] if i >= 1 else ""
    if j + 1 < len(words) and words[j] == "," and before in _LOCATIVES and country_at.get(j + 1) == item.key:
        return True  # "in Jakarta, Indonesia": the city of a "city, country" pair
    if before == "," and i >= 3 and _CAPITALISED.match(words[i - 2]):  # "... in Lima, Peru"
        k = i - 2
        while k > 0 and _CAPITALISED.match(words[k - 1]) and words[k - 1] not in _NOT_FIRST_NAMES:
            k -= 1
        city = {country_at.get(n) for n in range(k, i - 1)} - {None}
        return k >= 1 and words[k - 1] in _LOCATIVES and city <= {item.key}
    if before in _LOCATIVES and i >= 2:
        cue = words[i - 2]
        in_place = before == "in" and country_at.get(i - 2) == item.key  # "Nay Pyi Taw in Burma"
        return cue in _VENUE_CUES or in_place
    return False


def _is_capital_like(text: str, match: Match) -> bool:
    """A one-word name that is not an adjective: 'Paris' (accord), not 'French' (agreement)."""
    word = text[match.start : match.end]
    return not re.search(r"(?:an|ese|ish|ch|i|ic)$", word)


def _is_nationality(text: str, item: _Found) -> bool:
    """'a Namibian athlete', 'Israeli-British national': an adjective of a private person's nationality."""
    rest = re.match(r"(?:-[A-Z][a-z]+)*\s+([a-z]+)", text[item.evidence.end : item.evidence.end + 40])
    return rest is not None and rest.group(1) in _PRIVATE_PEOPLE


def _skip_of_phrase(tokens: Tokens, i: int) -> int:
    """The token after an 'of (the) Capitalised...' phrase that continues a title, or ``i``."""
    words = tokens.words
    if i >= len(words) or words[i] != "of":
        return i
    j = i + 1 + (i + 1 < len(words) and words[i + 1] == "the")
    if j < len(words) and _CAPITALISED.match(words[j]) and j + 1 < len(words):
        return j + 1
    return i


def _clause_end(text: str, start: int) -> int:
    """Where an apposition ends: the next comma, full stop or line end after ``start``."""
    ends = [i for i in (text.find(c, start) for c in ",.;\n") if i >= 0]
    return min(ends, default=len(text))


def _followed_by_of(tokens: Tokens, office: Match) -> bool:
    after = office.last_token + 1
    return after < len(tokens) and tokens.words[after] == "of"


def _is_title_chain(tokens: Tokens, office: Match) -> bool:
    """Whether a title is followed by 'and' and another title ('Crown Prince and Prime Minister')."""
    after = office.last_token + 1
    return after < len(tokens) and tokens.words[after] in {"and", "&"}


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
