"""The event index answers as SPARQL over the store does, and notices every write to the store.

The oracle is the SPARQL the look-ups ran before the index (one join per request, bound values): the
index must give the same relationships, event lists, event summaries and related events, on the
seeds and, when the shared corpus is beside the project, on 150 White House articles.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rdflib import XSD, Literal, URIRef

from kg import event_index
from kg.event_index import EventIndex, Relation, event_keys, relations
from kg.events import summaries
from kg.lookup import PREFIXES, labels_of
from kg.mapping import iri, key_of
from kg.pipeline import Pipeline
from kg.reader import read_articles
from kg.settings import PROJECT_ROOT, Settings
from kg.store import Store, article_graph

WHITEHOUSE = PROJECT_ROOT.parent / "shared" / "corpus" / "whitehouse.jsonl.gz"

# -- the oracle: the look-ups as one SPARQL query each ------------------------------------------

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
FILTERS = {
    "participant": "?event dipl:participant ?participant .",
    "country": "{ ?event dipl:participant ?country } UNION "
    "{ ?event dipl:participant/dipl:represents ?country }",
    "organisation": "?event dipl:organisation ?organisation .",
    "medium": "?event dipl:medium/skos:notation ?medium .",
    "kind": "?class skos:notation ?kind .",
    "topic": "?event dipl:topic/skos:notation ?topic .",
    "since": "FILTER(?end >= ?since)",
    "until": "FILTER(?start <= ?until)",
}
EVENTS = """
SELECT DISTINCT ?event ?start ?end {bound} WHERE {{
  {filters}
  ?event a ?class . VALUES ?class {{ dipl:Meeting dipl:Statement dipl:Agreement dipl:OtherEvent }}
  OPTIONAL {{ ?event dipl:dateStart ?start }} OPTIONAL {{ ?event dipl:dateEnd ?end }}
}} ORDER BY DESC(?start) ?event
"""


EVENTS_FACTS = """
SELECT DISTINCT ?event ?p ?o ?notation WHERE {{
  VALUES ?event {{ {values} }}
  ?event ?p ?o .
  OPTIONAL {{ ?o skos:notation ?notation }}
}}
"""
RELATED = """
SELECT ?event ?other WHERE {
  { ?event dipl:relatedEvent ?other } UNION { ?other dipl:relatedEvent ?event }
} ORDER BY ?other
"""
LINKS = ("participant", "host", "visitor", "speaker", "target", "organisation")
SINGLE = ("category", "cameo", "medium", "format", "status", "date", "dateStart", "dateEnd",
          "datePrecision", "stance")  # fmt: skip


def _local(node: Any) -> str:
    return str(node).rsplit("#", 1)[-1]


def _date(row: dict[str, Any], name: str) -> str | None:
    return str(row[name])[:10] if name in row else None


def oracle_relations(store: Store, key: str) -> dict[str, list[dict[str, Any]]]:
    found: dict[tuple[str, str], Relation] = {}
    for row in store.select(EVENT_LINKS, bindings={"entity": iri(key)}, prefixes=PREFIXES):
        medium, stance = row.get("medium"), row.get("stance")
        kinds = event_index.event_kinds(
            _local(row["kind"]),
            _local(row["role"]),
            _local(row["otherRole"]),
            None if medium is None else str(medium),
            None if stance is None else str(stance),
        )
        start, end = _date(row, "start"), _date(row, "end")
        facts = event_index.EventFacts(_local(row["kind"]), starts=[start] if start else [],
                                       ends=[end] if end else [], articles=[str(row["article"])])  # fmt: skip
        for kind in kinds:
            other = key_of(row["other"])
            found.setdefault((kind, other), Relation(kind, other)).add(key_of(row["event"]), facts)
    for row in store.select(STATIC_LINKS, bindings={"entity": iri(key)}, prefixes=PREFIXES):
        kind = event_index.STATIC_KINDS[_local(row["p"])]
        found.setdefault((kind, key_of(row["other"])), Relation(kind, key_of(row["other"]))).count = 1
    labels = labels_of(store, {other for _, other in found})
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (kind, _), relation in sorted(found.items()):
        grouped[kind].append(relation.as_dict(labels))
    for items in grouped.values():
        items.sort(key=lambda r: (-r["count"], r["other"]))
    return dict(grouped)


def oracle_events(store: Store, **filters: Any) -> list[str]:
    values: dict[str, Any] = {}
    for name, value in filters.items():
        if name in {"participant", "country", "organisation"}:
            values[name] = iri(value)
        elif name in {"since", "until"}:
            values[name] = Literal(value.isoformat(), datatype=XSD.date)
        else:
            values[name] = Literal(value)
    patterns = [FILTERS[name] for name in values]
    query = EVENTS.format(bound=" ".join(f"?{n}" for n in values), filters="\n  ".join(patterns))
    return [key_of(row["event"]) for row in store.select(query, bindings=values, prefixes=PREFIXES)]


def oracle_summaries(store: Store, keys: list[str]) -> list[dict[str, Any]]:
    facts: dict[str, dict[str, list[str]]] = {key: defaultdict(list) for key in keys}
    query = EVENTS_FACTS.format(values=" ".join(f"<{iri(key)}>" for key in keys))
    for row in store.select(query, prefixes=PREFIXES):
        name = _local(row["p"])
        value = row.get("notation", row["o"])
        linked = name in LINKS or name in {"place", "relatedEvent"}
        facts[key_of(row["event"])][name].append(key_of(value) if linked else str(value))
    found = {key: f for key, f in facts.items() if f.get("type")}
    labels = labels_of(store, {k for f in found.values() for n in (*LINKS, "place") for k in f.get(n, [])})

    def one(f: dict[str, list[str]], name: str) -> str | None:
        return sorted(f[name])[0] if f.get(name) else None

    return [
        {
            "id": key,
            "kind": _local(sorted(f["type"])[0]),
            **{name: one(f, name) for name in SINGLE},
            **{n: [{"id": k, "label": labels.get(k)} for k in sorted(set(f.get(n, [])))] for n in LINKS},
            "topics": sorted(set(f.get("topic", []))),
            "articles": sorted({key_of(a).removeprefix("article/") for a in f.get("extractedFrom", [])}),
            "place": {"id": one(f, "place"), "label": labels.get(one(f, "place") or "")}
            if f.get("place")
            else None,
        }
        for key, f in found.items()
    ]


def oracle_related(store: Store, key: str) -> list[str]:
    rows = store.select(RELATED, bindings={"event": iri(key)}, prefixes=PREFIXES)
    return list(dict.fromkeys(key_of(r["other"]) for r in rows if key_of(r["other"]) != key))


# -- stores ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    if not WHITEHOUSE.exists():
        pytest.skip("the shared corpus is not beside the project")
    path = tmp_path_factory.mktemp("wh150") / "store"
    with Store(path) as store:
        articles = itertools.islice(read_articles(WHITEHOUSE), 150)
        Pipeline(Settings(store=str(path), validate_articles=False)).ingest(store, articles)
    with Store(path, read_only=True) as store:
        yield store


def filter_cases(store: Store) -> list[dict[str, Any]]:
    """Every entity as participant, country and organisation, and each notation filter with dates."""
    index = EventIndex.build(store)
    cases: list[dict[str, Any]] = [{}]
    for entity in sorted(index.by_entity):
        role = {"country": "country", "org": "organisation"}.get(entity.split("/")[0], "participant")
        cases.append({role: entity})
        cases.append({"participant": entity, "kind": "meeting", "since": dt.date(2021, 6, 1)})
    for medium in ("phone", "video", "in_person"):
        cases.append({"medium": medium, "until": dt.date(2022, 12, 31)})
    for kind in ("meeting", "statement", "agreement", "other"):
        cases.append({"kind": kind})
    topics = sorted({t for facts in index.events.values() for t in facts.topics})
    cases += [{"topic": topic, "since": dt.date(2021, 1, 1)} for topic in topics]
    return cases


def check_against_oracle(store: Store) -> None:
    index = EventIndex.build(store)
    assert index.events, "the store holds events"
    for entity in sorted(set(index.by_entity) | set(index.static)):
        assert relations(store, entity) == oracle_relations(store, entity), entity
    for filters in filter_cases(store):
        assert event_keys(store, **filters) == oracle_events(store, **filters), filters
    keys = sorted(index.events)
    for start in range(0, len(keys), 200):
        page = keys[start : start + 200]
        assert summaries(store, page) == oracle_summaries(store, page)
    for key in keys:
        assert index.events[key].related == oracle_related(store, key), key


def test_event_index_matches_sparql_on_the_seeds(seeded_store: Store):
    check_against_oracle(seeded_store)


def test_event_index_matches_sparql_on_white_house_articles(corpus_store: Store):
    check_against_oracle(corpus_store)


# -- writes ----------------------------------------------------------------------------------


@pytest.fixture
def store(seeded_store_dir: Path) -> Iterator[Store]:
    """A writable in-memory copy of the seeded store."""
    with Store(seeded_store_dir, read_only=True) as seeded:
        data = seeded.dump()
    copy = Store()
    copy.load_dataset(data)
    yield copy


def met_with(store: Store, key: str) -> set[str]:
    return {r["other"] for r in relations(store, key).get("met_with", [])}


def sources(store: Store, key: str, other: str) -> list[str]:
    return next(r["articles"] for r in relations(store, key)["met_with"] if r["other"] == other)


def test_event_index_sees_an_article_replaced_and_removed(store: Store):
    seed = "004_4b31d466614f82fc"
    assert seed in sources(store, "person/xi-jinping", "person/vladimir-putin")
    graph = article_graph(seed)
    triples = list(store.graph(graph))
    store.remove_graph(graph)
    assert seed not in sources(store, "person/xi-jinping", "person/vladimir-putin")
    assert not any(e.startswith(f"event/{seed}/") for e in event_keys(store))
    store.replace_graphs({graph: triples})
    assert seed in sources(store, "person/xi-jinping", "person/vladimir-putin")
    assert any(e.startswith(f"event/{seed}/") for e in event_keys(store))


def test_event_index_sees_a_sparql_update_and_a_graph_load(store: Store):
    meeting, xi, biden = iri("event/x/meeting-1"), iri("person/xi-jinping"), iri("person/joe-biden")
    store.update(
        f"""INSERT DATA {{ GRAPH <https://example.org/g> {{
          <{meeting}> a dipl:Meeting ; dipl:participant <{xi}>, <{biden}> ;
            dipl:dateStart "2023-11-15"^^xsd:date ; dipl:dateEnd "2023-11-15"^^xsd:date ;
            dipl:extractedFrom <{iri("article/x")}> .
          <{iri("article/x")}> dipl:articleId "x" . }} }}""",
        prefixes={**PREFIXES},
    )
    assert "person/joe-biden" in met_with(store, "person/xi-jinping")
    assert event_keys(store, participant="person/joe-biden")[0] == "event/x/meeting-1"
    store.load_graph(
        f"<{meeting}> <{PREFIXES['dipl']}participant> <{iri('person/rishi-sunak')}> .".encode(),
        fmt="ntriples",
        name=URIRef("https://example.org/g2"),
    )
    assert {"person/joe-biden", "person/rishi-sunak"} <= met_with(store, "person/xi-jinping")


def test_event_index_is_built_once_per_generation(store: Store):
    first = event_index.event_index(store)
    assert event_index.event_index(store) is first
    store.clear_default_graph()
    assert event_index.event_index(store) is not first
