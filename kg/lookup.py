"""Look-ups over the store: entities, their relationships, events and articles, as plain data.

Every query here is prepared text with values bound at call time (``Store.select(bindings=)``),
never built from user input. Oxigraph substitutes only variables a query projects, so each bound
variable is also selected. The API and the graph views read through these functions.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

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


def _str(row: dict[str, Node], name: str) -> str | None:
    value = row.get(name)
    return None if value is None else str(value)


def _date(row: dict[str, Node], name: str) -> str | None:
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


@dataclass(frozen=True)
class SearchIndex:
    """Every entity's names, lower-cased, for substring search in memory.

    Built from three linear queries rather than one join: the union of an entity's graphs repeats a
    triple once per article graph that holds it, so a join of labels, names and mentions grows with
    the square of an entity's articles (minutes for the White House corpus; see bench/rest_load.py).
    """

    entities: list[tuple[str, str, str, int]]  # key, type, label, articles mentioning it
    names: list[tuple[str, int, int]]  # lower-cased name, weight, index into entities

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
        return cls(entities, flat)

    def search(self, q: str) -> list[dict[str, Any]]:
        """Entities with a name that holds ``q`` (any case), best first."""
        needle = q.casefold()
        scores: dict[int, int] = {}
        for name, weight, index in self.names:
            if needle in name:
                rank = weight * (4 if name == needle else 2 if name.startswith(needle) else 1)
                if rank > scores.get(index, 0):
                    scores[index] = rank
        found = [
            {"id": key, "label": label, "type": kind, "articles": articles, "score": scores[index]}
            for index, (key, kind, label, articles) in ((i, self.entities[i]) for i in scores)
        ]
        found.sort(key=lambda e: (-e["score"], -e["articles"], e["label"]))
        return found


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
    rows = store.select(ENTITY, bindings={"entity": node_of(key, "entity")}, prefixes=PREFIXES)
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


# -- relationships ----------------------------------------------------------------------------

EVENT_LINKS = """
SELECT DISTINCT ?entity ?event ?kind ?role ?other ?otherRole ?start ?end ?medium ?stance ?article WHERE {
  ?event ?role ?entity ; a ?kind ; dipl:extractedFrom ?a .
  ?a dipl:articleId ?article .
  VALUES ?role { dipl:participant dipl:host dipl:visitor dipl:speaker dipl:target }
  VALUES ?kind { dipl:Meeting dipl:Statement dipl:Agreement dipl:OtherEvent }
  ?event ?otherRole ?other .
  VALUES ?otherRole { dipl:participant dipl:host dipl:visitor dipl:speaker dipl:target dipl:organisation }
  FILTER(?other != ?entity)
  OPTIONAL { ?event dipl:dateStart ?start } OPTIONAL { ?event dipl:dateEnd ?end }
  OPTIONAL { ?event dipl:medium/skos:notation ?medium }
  OPTIONAL { ?event dipl:stance/skos:notation ?stance }
}
"""

STATIC_LINKS = """
SELECT DISTINCT ?entity ?p ?other WHERE {
  { ?entity ?p ?other . VALUES ?p { dipl:memberOf dipl:affiliatedWith dipl:represents } }
  UNION { ?entity dipl:holds/dipl:officeOf ?other . BIND(dipl:holds AS ?p) }
}
"""

MEDIUM_KINDS = {"phone": "phoned", "video": "video_called", "in_person": "met_in_person"}
STATIC_KINDS = {"memberOf": "member_of", "affiliatedWith": "affiliated_with", "holds": "holds_office_in",
                "represents": "represents"}  # fmt: skip


@dataclass
class Relation:
    """One relationship of an entity with another, summed over events."""

    kind: str
    other: str
    count: int = 0
    first: str | None = None
    last: str | None = None
    articles: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)

    def add(self, event: str, start: str | None, end: str | None, article: str | None) -> None:
        if event not in self.events:
            self.events.add(event)
            self.count += 1
        if start and (self.first is None or start < self.first):
            self.first = start
        if (end or start) and (self.last is None or (end or start) > self.last):  # type: ignore[operator]
            self.last = end or start
        if article:
            self.articles.add(article)

    def as_dict(self, labels: dict[str, str]) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "other": self.other,
            "other_label": labels.get(self.other),
            "count": self.count,
            "first": self.first,
            "last": self.last,
            "articles": sorted(self.articles),
            "events": sorted(self.events),
        }


def _event_kinds(row: dict[str, Node]) -> list[str]:
    """The relationship kinds one event gives an entity towards another."""
    role, other_role = str(row["role"]).rsplit("#", 1)[-1], str(row["otherRole"]).rsplit("#", 1)[-1]
    kind = str(row["kind"]).rsplit("#", 1)[-1]
    if other_role == "organisation":
        return ["met_within"] if kind == "Meeting" else []
    if kind == "Meeting":
        kinds = ["met_with"]
        if medium := _str(row, "medium"):
            kinds.append(MEDIUM_KINDS.get(medium, "met_with"))
        if role == "visitor" and other_role in {"host", "participant"}:
            kinds.append("visited")
        if role == "host" and other_role in {"visitor", "participant"}:
            kinds.append("hosted")
        return list(dict.fromkeys(kinds))
    if role == "speaker" and other_role == "target":
        return [f"statement_toward:{_str(row, 'stance') or 'unspecified'}"]
    if role == "target" and other_role == "speaker":
        return [f"statement_from:{_str(row, 'stance') or 'unspecified'}"]
    return [kind.lower() + "_with"] if role == other_role == "participant" else []


def _within(start: str | None, end: str | None, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether an event's window meets the range; with a range, an undated event is outside it."""
    if since is None and until is None:
        return True
    if start is None or end is None:
        return False
    return not ((since and end < since.isoformat()) or (until and start > until.isoformat()))


def relations(
    store: Store,
    key: str,
    *,
    kind: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Every relationship of an entity grouped by kind, each with the other entity, counts, dates, sources.

    Events outside ``since``..``until`` (by their date window) are left out; memberships, offices and
    affiliations have no date and are always included.
    """
    node = node_of(key, "entity")
    found: dict[tuple[str, str], Relation] = {}
    for row in store.select(EVENT_LINKS, bindings={"entity": node}, prefixes=PREFIXES):
        start, end = _date(row, "start"), _date(row, "end")
        if not _within(start, end, since, until):
            continue
        for relation_kind in _event_kinds(row):
            other = key_of(row["other"])
            relation = found.setdefault((relation_kind, other), Relation(relation_kind, other))
            relation.add(key_of(row["event"]), start, end, _str(row, "article"))
    for row in store.select(STATIC_LINKS, bindings={"entity": node}, prefixes=PREFIXES):
        relation_kind = STATIC_KINDS[str(row["p"]).rsplit("#", 1)[-1]]
        other = key_of(row["other"])
        found.setdefault((relation_kind, other), Relation(relation_kind, other)).count = 1
    labels = labels_of(store, {other for _, other in found})
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (relation_kind, _), relation in sorted(found.items()):
        if kind is None or relation_kind == kind or relation_kind.startswith(kind + ":"):
            grouped[relation_kind].append(relation.as_dict(labels))
    for items in grouped.values():
        items.sort(key=lambda r: (-r["count"], r["other"]))
    return dict(grouped)


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
