"""The gazetteer: known countries, organisations, people and offices, read from the reference data.

The reference data is Turtle under ``seeds/reference/`` (format in ``seeds/README.md``); the same
files are loaded into the store's reference graph, so what the extractor knows and what the graph
says are one thing.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Graph, URIRef

from kg.errors import OntologyError
from kg.extract.text import PhraseMatcher
from kg.vocab import DIPL

logger = logging.getLogger(__name__)

ID_BASE = "https://w3id.org/dipkg/id/"
NOT_AN_ACTOR = ""  # the payload of phrases that hide the names inside them ("Latin America")
NOT_ACTORS_FILE = "not_actors.tsv"  # not .txt: `kg ingest seeds/` would read it as an article
NATIONAL_BODIES_FILE = "national_bodies.tsv"
ENTITY_TYPES = ("Person", "Country", "Organisation")


@dataclass(frozen=True, slots=True)
class Entry:
    """A known entity, with the days it began and ceased to exist where the data says."""

    key: str
    type: str
    label: str
    founded: dt.date | None = None
    dissolved: dt.date | None = None

    def existed(self, day: dt.date) -> bool:
        """Whether the entity existed on a day."""
        return (self.founded is None or self.founded <= day) and (
            self.dissolved is None or day <= self.dissolved
        )


@dataclass(frozen=True, slots=True)
class Holding:
    """A person holding an office for a country or organisation between two dates."""

    person: str
    office: str
    of: str
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        """Whether the holding was current on a day."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Gazetteer:
    """Known entities and the phrases that name them; offices and who held them when."""

    entries: dict[str, Entry] = field(default_factory=dict)
    names: PhraseMatcher = field(default_factory=PhraseMatcher)
    office_names: PhraseMatcher = field(default_factory=PhraseMatcher)
    holdings: list[Holding] = field(default_factory=list)
    #: (name, country) -> organisation: "Parliament" written in an Australian article
    national_bodies: dict[tuple[str, str], str] = field(default_factory=dict)
    #: Organisations' hidden labels, without "the": metonyms ("Pentagon", "Kremlin", "Republicans")
    metonyms: set[str] = field(default_factory=set)
    #: Countries' hidden labels: capitals and seats that stand for a state, adjectives, demonyms
    country_hidden: set[str] = field(default_factory=set)

    def resolve(self, keys: tuple[object, ...], day: dt.date | None) -> str:
        """The entity a shared name means on a day: one that existed then, preferring one still existing.

        "Moscow" and "Soviet" in 1987 are the Soviet Union; "Moscow" in 2022 is Russia.
        """
        entries = [self.entries[str(k)] for k in keys]
        if day is None:  # undated: the entity that still exists
            return min(entries, key=lambda e: (e.dissolved is not None, keys.index(e.key))).key
        existing = [e for e in entries if e.existed(day)] or entries
        # Of those that existed then, one with known bounds is the more specific reading.
        return min(existing, key=lambda e: (e.founded is None and e.dissolved is None, keys.index(e.key))).key

    def holder(self, office: str, of: str, day: dt.date) -> str | None:
        """The person who held ``office`` for ``of`` on ``day``, if the data knows."""
        found = [h for h in self._by_post.get((office, of), ()) if h.covers(day)]
        if not found:
            return None
        # On a handover day both terms cover the day; the one that began latest is in office.
        return max(found, key=lambda h: h.start or dt.date.min).person

    def offices_of(self, person: str, day: dt.date | None) -> list[Holding]:
        """The offices a person held on a day (all of them if the day is unknown)."""
        return [h for h in self._by_person.get(person, ()) if day is None or h.covers(day)]

    def holders_named(self, surname: str, day: dt.date, offices: set[str] | None = None) -> set[str]:
        """The people whose label ends (or begins) with ``surname`` who held an office on ``day``.

        "President Bush" in 2004 is George W. Bush: of the people named Bush, the one then in office.
        """
        return {
            h.person
            for h in self._by_surname.get(surname, ())
            if h.covers(day) and (offices is None or h.office in offices)
        }

    def holders_named_between(
        self, surname: str, start: dt.date, end: dt.date, offices: set[str] | None = None
    ) -> set[str]:
        """As :meth:`holders_named`, for anyone in office at some time between two days."""
        return {
            h.person
            for h in self._by_surname.get(surname, ())
            if (h.start is None or h.start <= end)
            and (h.end is None or start <= h.end)
            and (offices is None or h.office in offices)
        }

    @cached_property
    def _by_surname(self) -> dict[str, list[Holding]]:
        index: dict[str, list[Holding]] = defaultdict(list)
        for holding in self.holdings:
            words = self.entries[holding.person].label.split()
            for word in {words[0], words[-1]} if len(words) > 1 else ():  # "President Kim" (Dae-jung)
                index[word].append(holding)
        return dict(index)

    @cached_property
    def _by_person(self) -> dict[str, list[Holding]]:
        index: dict[str, list[Holding]] = defaultdict(list)
        for holding in self.holdings:
            index[holding.person].append(holding)
        return dict(index)

    @cached_property
    def _by_post(self) -> dict[tuple[str, str], list[Holding]]:
        index: dict[tuple[str, str], list[Holding]] = defaultdict(list)
        for holding in self.holdings:
            index[(holding.office, holding.of)].append(holding)
        return dict(index)


def _without_article(name: str) -> str:
    """A name without a leading "the": "the United Nations" and "The UN" match as "United Nations"."""
    return name[4:] if name[:4] in ("the ", "The ") else name


def _key(node: URIRef) -> str:
    return str(node)[len(ID_BASE) :]


def reference_files(seeds_dir: Path) -> list[Path]:
    """The Turtle files of the reference data, in a stable order."""
    return sorted((Path(seeds_dir) / "reference").glob("*.ttl"))


def build(graph: Graph) -> Gazetteer:
    """A gazetteer from a reference graph."""
    gazetteer = Gazetteer()
    for type_name in ENTITY_TYPES:
        for node in graph.subjects(RDF.type, DIPL[type_name]):
            founded, dissolved = graph.value(node, DIPL.founded), graph.value(node, DIPL.dissolved)
            entry = Entry(
                _key(node),
                type_name,
                str(graph.value(node, RDFS.label)),
                founded.toPython() if founded is not None else None,
                dissolved.toPython() if dissolved is not None else None,
            )
            gazetteer.entries[entry.key] = entry
            for predicate in (RDFS.label, SKOS.altLabel, SKOS.hiddenLabel):
                for name in graph.objects(node, predicate):
                    gazetteer.names.add(_without_article(str(name)), entry.key)
                    if predicate == SKOS.hiddenLabel and type_name == "Organisation":
                        gazetteer.metonyms.add(_without_article(str(name)))
                    elif predicate == SKOS.hiddenLabel and type_name == "Country":
                        gazetteer.country_hidden.add(str(name))
    for office in graph.subjects(RDF.type, DIPL.Office):
        for predicate in (RDFS.label, SKOS.altLabel):
            for name in graph.objects(office, predicate):
                gazetteer.office_names.add(str(name), _key(office))
                gazetteer.office_names.add(str(name).lower(), _key(office))
                gazetteer.office_names.add(str(name).title(), _key(office))
    for person, holding in graph.subject_objects(DIPL.holds):
        start, end = graph.value(holding, DIPL.startDate), graph.value(holding, DIPL.endDate)
        gazetteer.holdings.append(
            Holding(
                _key(person),
                _key(graph.value(holding, DIPL.office)),
                _key(graph.value(holding, DIPL.officeOf)),
                start.toPython() if start is not None else None,
                end.toPython() if end is not None else None,
            )
        )
    return gazetteer


@cache
def load_gazetteer(seeds_dir: Path) -> Gazetteer:
    """The gazetteer of the reference data in ``seeds_dir``, built once per process."""
    graph = Graph()
    for path in reference_files(seeds_dir):
        graph.parse(path, format="turtle")
    gazetteer = build(graph)
    stop_list = Path(seeds_dir) / "reference" / NOT_ACTORS_FILE
    if stop_list.exists():
        for line in stop_list.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                gazetteer.names.add(_without_article(line.strip()), NOT_AN_ACTOR)
    bodies = Path(seeds_dir) / "reference" / NATIONAL_BODIES_FILE
    if bodies.exists():
        gazetteer.national_bodies = read_national_bodies(bodies, gazetteer)
    logger.debug("gazetteer: %d entities, %d holdings", len(gazetteer.entries), len(gazetteer.holdings))
    return gazetteer


def read_national_bodies(path: Path, gazetteer: Gazetteer) -> dict[tuple[str, str], str]:
    """The table of bodies named without their country: (name, country) -> organisation.

    Raises:
        OntologyError: a line without three cells, or naming an entity the gazetteer lacks.
    """
    table: dict[tuple[str, str], str] = {}
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    for number, line in enumerate(lines[1:], start=2):
        cells = [cell.strip() for cell in line.split("\t")]
        unknown = [cell for cell in cells[1:] if cell not in gazetteer.entries]
        if len(cells) != 3 or unknown:
            raise OntologyError(
                f"{path}: data row {number} must be 'name, country, organisation', all known; got {cells}."
            )
        table[(cells[0], cells[1])] = cells[2]
    return table
