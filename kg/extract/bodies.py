"""Organisations the gazetteer does not know: institutions by the shape of their names, countries' bodies.

"The Nuclear Regulatory Commission" is named like an institution; "the Iraqi Foreign Ministry" and
"Japan's Lower House" are a country's bodies, one entity per country and body across articles.
Universities, institutes and foundations are not actors (tests/gold/README.md), and neither is a
name inside one ("Renmin University of China").
"""

from __future__ import annotations

import re

from kg.extract.gazetteer import Gazetteer
from kg.extract.names import NOT_FIRST_NAMES, Found, Reading, overlaps, slug
from kg.extract.text import Match, normalise

#: Last words of institutions' names. Universities, institutes and foundations are not actors
#: (tests/gold/README.md); the few that act for a state are in the reference data.
_HEADS = "Ministry|Parliament|Commission|Agency|Council|Organi[sz]ation|Department|Party"
_INSTITUTION = re.compile(
    rf"(?<!\ba )(?<!\ban )\b(?:[A-Z][\w'&-]+ (?:(?:and|&) )?){{1,6}}(?:{_HEADS})\b"
    r"(?: (?:for|of|on) (?:the )?(?:[A-Z][\w'&-]+ ?){1,4})?"  # "... Agency for International Development"
)
#: Names of bodies that are not actors; a country named inside one is not an actor either
#: ("Renmin University of China", "London School of Economics").
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
_NOT_ACTOR_BODY = re.compile(
    rf"\b(?:[A-Z][\w'&-]+ ){{0,4}}(?:{'|'.join(_NOT_ACTOR_WORDS)})"
    r"(?: (?:of|for) (?:the )?(?:[A-Z][\w'&-]+ ?){1,4})?"
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


class OrganisationFinder:
    """Finds the organisations an article names that the gazetteer does not know."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def __call__(self, reading: Reading, found: list[Found]) -> list[Found]:
        """Countries' bodies and institutions; known names inside an institution's name give way."""
        bodies = self.bodies(reading, found)
        institutions = self.institutions(reading, found + bodies)
        return drop_inside_institutions(found + bodies + institutions)

    def bodies(self, reading: Reading, found: list[Found]) -> list[Found]:
        """'the Iraqi Foreign Ministry', "Japan's Lower House", 'the U.S. Embassy': a country's body.

        One entity per country and body across articles (``org/irq-foreign-ministry``), labelled as
        first written.
        """
        text, bodies = reading.text, []
        taken = [f.span for f in found if f.type != "Country"]
        for match in reading.names:
            if self.gazetteer.entries[str(match.values[0])].type != "Country":
                continue
            after = match.end + (3 if text.startswith("'s ", match.end) else 1)
            body = _BODIES.match(text, after) if text[match.end : match.end + 1] in " '" else None
            if body is None or overlaps((match.start, body.end()), taken):
                continue
            start, end = match.start, body.end()
            country = self.gazetteer.resolve(
                match.values, reading.doc.anchor.end if reading.doc.anchor else None
            )
            key = f"org/{country.rsplit('/', 1)[-1].lower()}-{slug(body.group())}"
            evidence = reading.evidence(start, end, "a country's body", 0.75)
            bodies.append(Found(key, "Organisation", text[start:end], False, evidence))
            taken.append((start, end))
        return bodies

    def institutions(self, reading: Reading, found: list[Found]) -> list[Found]:
        """'the Nuclear Regulatory Commission': capitalised words ending in an institution's word."""
        text, names, institutions = reading.text, reading.names, []
        taken = [f.span for f in found if not f.known]
        for match in _INSTITUTION.finditer(text):
            start, end = match.span()
            if overlaps((start, end), taken):
                continue
            first = match.group().split(" ", 1)[0]
            if first in NOT_FIRST_NAMES:  # "The Commission", "When Parliament"
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
            evidence = reading.evidence(start, end, "named like an institution", 0.7)
            institutions.append(
                Found(f"org/{slug(label)}", "Organisation", normalise(label), False, evidence)
            )
        return institutions


def drop_inside_institutions(found: list[Found]) -> list[Found]:
    """Known names inside the name of an organisation the article introduces ('... of China')."""
    spans = [f.span for f in found if not f.known]
    return [
        f
        for f in found
        if not f.known or not any(s <= f.evidence.start and f.evidence.end <= e for s, e in spans)
    ]


def outside_non_actor_bodies(text: str, names: list[Match]) -> list[Match]:
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
