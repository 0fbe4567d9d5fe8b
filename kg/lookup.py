"""Look-ups over the store: entity search, one entity, labels, as plain data.

Every query here is prepared text with values bound at call time (``Store.select(bindings=)``),
never built from user input. Oxigraph substitutes only variables a query projects, so each bound
variable is also selected. An entity's relationships and the event lists are answered from an index
of every event (:mod:`kg.event_index`). The API and the graph views read through these functions.
"""

from __future__ import annotations

import bisect
import itertools
import threading
import weakref
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from rdflib import URIRef

from kg.errors import NotFound
from kg.mapping import article_iri, iri, key_of
from kg.ontology import DIPL_NS
from kg.store import Store, to_ox

PREFIXES = {
    "dipl": DIPL_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
ENTITY_CLASSES = "VALUES ?class { dipl:Person dipl:Country dipl:Organisation }"


def node_of(key: str, what: str) -> URIRef:
    """The IRI of a key from a request.

    Raises:
        NotFound: the key cannot be part of an IRI (a space, a quote, ``<`` or ``>``), so nothing has it.
    """
    node = iri(key)
    try:
        to_ox(node)
    except ValueError as error:
        raise NotFound(f"No {what} '{key}': an id has no spaces, quotes or angle brackets.") from error
    return node


def _str(row: Mapping[str, object], name: str) -> str | None:
    value = row.get(name)
    return None if value is None else str(value)


def _date(row: Mapping[str, object], name: str) -> str | None:
    value = row.get(name)
    return None if value is None else str(value)[:10]


# -- entities ---------------------------------------------------------------------------------

ENTITY_TYPES = f"SELECT DISTINCT ?entity ?class WHERE {{ ?entity a ?class . {ENTITY_CLASSES} }}"
NAMES = """
SELECT DISTINCT ?entity ?p ?surface WHERE {
  ?entity ?p ?surface . VALUES ?p { rdfs:label skos:altLabel dipl:alias skos:hiddenLabel }
}
"""
MENTION_COUNTS = """
SELECT ?entity (COUNT(DISTINCT ?article) AS ?articles) WHERE { ?article dipl:mentions ?entity }
GROUP BY ?entity
"""
#: How much a match in each kind of name counts: labels beat aliases beat adjectives and capitals.
NAME_WEIGHTS = {"label": 3, "altLabel": 2, "alias": 2, "hiddenLabel": 1}


#: What joins the names in :attr:`SearchIndex.haystack`; a needle that holds it is matched name by name.
SEPARATOR = "\x00"


@dataclass(frozen=True)
class SearchIndex:
    """Every entity's names, lower-cased, for substring search in memory.

    Built from three linear queries rather than one join: the union of an entity's graphs repeats a
    triple once per article graph that holds it, so a join of labels, names and mentions grows with
    the square of an entity's articles (minutes for the White House corpus; see bench/rest_load.py).

    The names are also joined into one string, :attr:`haystack`, so that a search is a few
    ``str.find`` calls in C rather than a Python loop over every name (15,564 names on the White
    House corpus: about 1.5 ms a search that way, the dearest of the look-ups; issue 5).
    """

    entities: list[tuple[str, str, str, int]]  # key, type, label, articles mentioning it
    names: list[tuple[str, int, int]]  # lower-cased name, weight, index into entities
    haystack: str = ""  # the names joined by SEPARATOR, in the order of ``names``
    starts: list[int] = field(default_factory=list)  # where each name starts in ``haystack``

    @classmethod
    def build(cls, store: Store) -> SearchIndex:
        types = {
            key_of(row["entity"]): str(row["class"]).rsplit("#", 1)[-1]
            for row in store.select(ENTITY_TYPES, prefixes=PREFIXES)
        }
        names: dict[str, dict[str, int]] = defaultdict(dict)
        labels: dict[str, str] = {}
        for row in store.select(NAMES, prefixes=PREFIXES):
            key, kind, surface = key_of(row["entity"]), str(row["p"]).rsplit("#", 1)[-1], str(row["surface"])
            if key not in types:
                continue
            lowered = surface.casefold()
            names[key][lowered] = max(names[key].get(lowered, 0), NAME_WEIGHTS[kind])
            if kind == "label" and (key not in labels or surface < labels[key]):
                labels[key] = surface
        counts = {
            key_of(row["entity"]): int(row["articles"])  # type: ignore[call-overload]
            for row in store.select(MENTION_COUNTS, prefixes=PREFIXES)
        }
        entities, flat = [], []
        for key in sorted(k for k in types if k in labels):
            for name, weight in names[key].items():
                flat.append((name, weight, len(entities)))
            entities.append((key, types[key], labels[key], counts.get(key, 0)))
        starts = list(itertools.accumulate((len(name) + 1 for name, _, _ in flat[:-1]), initial=0))
        return cls(entities, flat, SEPARATOR.join(name for name, _, _ in flat), starts if flat else [])

    def search(self, q: str) -> list[dict[str, Any]]:
        """Entities with a name that holds ``q`` (any case), best first."""
        needle = q.casefold()
        scores: dict[int, int] = {}
        for name, weight, index in self._matches(needle):
            rank = weight * (4 if name == needle else 2 if name.startswith(needle) else 1)
            if rank > scores.get(index, 0):
                scores[index] = rank
        found = [
            {"id": key, "label": label, "type": kind, "articles": articles, "score": scores[index]}
            for index, (key, kind, label, articles) in ((i, self.entities[i]) for i in scores)
        ]
        found.sort(key=lambda e: (-e["score"], -e["articles"], e["label"]))
        return found

    def _matches(self, needle: str) -> Iterator[tuple[str, int, int]]:
        """The names that hold ``needle``, each once, in index order."""
        if not needle or SEPARATOR in needle:  # could match across names: look at each one
            yield from (entry for entry in self.names if needle in entry[0])
            return
        haystack, starts = self.haystack, self.starts
        at = haystack.find(needle)
        while at != -1:
            i = bisect.bisect_right(starts, at) - 1  # a match without the separator is inside one name
            yield self.names[i]
            if i + 1 == len(starts):
                return
            at = haystack.find(needle, starts[i + 1])  # one match a name is enough


_indexes: weakref.WeakKeyDictionary[Store, tuple[int, SearchIndex]] = weakref.WeakKeyDictionary()
_index_lock = threading.Lock()


def search_index(store: Store) -> SearchIndex:
    """The search index of a store, built once per store generation."""
    with _index_lock:
        cached = _indexes.get(store)
        if cached is not None and cached[0] == store.generation:
            return cached[1]
        generation = store.generation
        index = SearchIndex.build(store)
        _indexes[store] = (generation, index)
        return index


def search_entities(
    store: Store, q: str, *, type: str | None = None, limit: int = 20, offset: int = 0
) -> tuple[int, list[dict[str, Any]]]:
    """Entities whose label or an alias contains ``q``, best first, and how many there are.

    Ranking: an exact label beats a prefix beats a substring; labels beat aliases beat adjectives
    and capitals; then the entities mentioned in more articles come first. The text is matched in
    memory (:class:`SearchIndex`), never put into a query.
    """
    found = [e for e in search_index(store).search(q) if type is None or e["type"] == type]
    return len(found), found[offset : offset + limit]


ENTITY = """
SELECT DISTINCT ?entity ?p ?o ?holding ?office ?officeLabel ?of ?ofLabel ?start ?end WHERE {
  {
    ?entity ?p ?o .
    VALUES ?p { rdf:type rdfs:label skos:altLabel skos:hiddenLabel dipl:alias dipl:wikidata dipl:isoCode
                dipl:memberOf dipl:affiliatedWith }
  } UNION {
    ?entity dipl:holds ?holding . ?holding dipl:office ?office ; dipl:officeOf ?of .
    OPTIONAL { ?office rdfs:label ?officeLabel } OPTIONAL { ?of rdfs:label ?ofLabel }
    OPTIONAL { ?holding dipl:startDate ?start } OPTIONAL { ?holding dipl:endDate ?end }
  }
}
"""


def entity(store: Store, key: str) -> dict[str, Any]:
    """An entity: label, type, names, offices with dates, memberships, affiliations, Wikidata id.

    Raises:
        NotFound: no entity has this id.
    """
    rows = store.select_values(ENTITY, bindings={"entity": node_of(key, "entity")}, prefixes=PREFIXES)
    facts: dict[str, set[str]] = defaultdict(set)
    offices: dict[str, dict[str, Any]] = {}
    for row in rows:
        if "holding" in row:
            offices[str(row["holding"])] = {
                "office": _str(row, "officeLabel") or key_of(row["office"]),
                "of": key_of(row["of"]),
                "of_label": _str(row, "ofLabel"),
                "start": _date(row, "start"),
                "end": _date(row, "end"),
            }
        elif "p" in row:
            facts[str(row["p"]).rsplit("#", 1)[-1]].add(str(row["o"]))
    types = [t.rsplit("#", 1)[-1] for t in facts.get("type", set()) if t.startswith(DIPL_NS)]
    if not types or not facts.get("label"):
        raise NotFound(
            f"No entity '{key}'. Ids look like 'person/xi-jinping' or 'country/CHN'; see /entities?q=."
        )
    return {
        "id": key,
        "label": sorted(facts["label"])[0],
        "type": sorted(types)[0],
        "aliases": sorted(facts["altLabel"] | facts["alias"]),
        "wikidata": next(iter(facts["wikidata"]), None),
        "iso_code": next(iter(facts["isoCode"]), None),
        "offices": sorted(offices.values(), key=lambda o: (o["start"] or "", o["office"])),
        "member_of": sorted(key_of(o) for o in facts["memberOf"]),
        "affiliated_with": sorted(key_of(o) for o in facts["affiliatedWith"]),
    }


LABELS = "SELECT DISTINCT ?entity ?label WHERE {{ VALUES ?entity {{ {values} }} ?entity rdfs:label ?label }}"


def values_of(keys: Iterable[str]) -> dict[str, str]:
    """Our keys as IRIs written for a ``VALUES`` block, by key; keys that are no IRI are left out.

    pyoxigraph checks each IRI as it builds the term (a ``>``, a space or a quote is refused), so the
    text cannot break out of ``<...>``: this is how a set of values is bound, as Oxigraph binds only
    one value per variable.
    """
    written = {}
    for key in keys:
        try:
            written[key] = str(to_ox(iri(key)))
        except ValueError:
            continue
    return written


def labels_of(store: Store, keys: Iterable[str]) -> dict[str, str]:
    """The labels of some entities, by key, in one query (the first label in code-point order)."""
    terms = values_of(keys)
    if not terms:
        return {}
    labels: dict[str, str] = {}
    rows = store.select(LABELS.format(values=" ".join(terms.values())), prefixes=PREFIXES)
    for row in rows:
        key, label = key_of(row["entity"]), str(row["label"])
        if key not in labels or label < labels[key]:
            labels[key] = label
    return labels


def has_article(store: Store, article_id: str) -> bool:
    """Whether an article is stored."""
    rows = store.select(
        "SELECT ?a WHERE { ?a a dipl:Article }", bindings={"a": article_iri(article_id)}, prefixes=PREFIXES
    )
    return bool(rows)
