"""The graph: projection from the store, analytics, exports, the HTML view, `kg graph` and /graph/...

Most tests read the seeds' projection (Xi Jinping and Vladimir Putin met five times, Xi met Dmitry
Medvedev once, Putin and Xi met within the SCO); the algorithms also run on tiny stores made inline.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
import typer
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from kg import graph_view
from kg.cli_graph import export_graph, graph_app
from kg.errors import BadRequest, NotFound
from kg.graph import (
    build_projection,
    communities,
    entity_graph,
    flatten,
    in_range,
    neighbourhood,
    parse_kinds,
    parse_types,
    rank,
    shortest_paths,
    strongest,
    timeline,
    to_gexf,
    to_graphml,
    to_networkx,
    to_node_link,
    whole,
)
from kg.store import Store

PUTIN, XI, MEDVEDEV = "person/vladimir-putin", "person/xi-jinping", "person/dmitry-medvedev"
XSS = "<img src=x onerror=alert(1)>"
PREFIXES = """PREFIX dipl: <https://w3id.org/dipkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def iri(key: str) -> str:
    return f"<https://w3id.org/dipkg/id/{key}>"


@pytest.fixture(scope="module")
def graph(seeded_store_dir: Path) -> Iterator[nx.MultiDiGraph]:
    with Store(seeded_store_dir, read_only=True) as store:
        yield to_networkx(store)


def insert(store: Store, body: str) -> Store:
    """Add triples, written in SPARQL's syntax with ``id:KEY`` for our IRIs, to one article graph."""
    body = re.sub(r"id:([\w/-]+)", lambda m: iri(m.group(1)), body)
    store.update(PREFIXES + f"INSERT DATA {{ GRAPH <https://w3id.org/dipkg/graph/article/t> {{ {body} }} }}")
    return store


def tiny_store(body: str) -> Store:
    """A memory store holding ``body`` (see :func:`insert`)."""
    return insert(Store(), body)


def people(*names: str) -> str:
    return " ".join(f'id:person/{n} a dipl:Person ; rdfs:label "{n.title()}" .' for n in names)


def meeting(key: str, date: str, *names: str, role: str = "participant") -> str:
    who = ", ".join(f"id:person/{n}" for n in names)
    return f'id:event/t/{key} a dipl:Meeting ; dipl:{role} {who} ; dipl:dateStart "{date}"^^xsd:date .'


def two_blocs() -> Store:
    """Two tight triangles (a, b, c) and (x, y, z), joined once between c and x."""
    body = [people("a", "b", "c", "x", "y", "z")]
    for n, (p, q) in enumerate([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z")] * 3):
        body.append(meeting(f"m{n}", f"2020-01-{n % 28 + 1:02d}", p, q))
    body.append(meeting("bridge", "2020-02-01", "c", "x"))
    return tiny_store(" ".join(body))


# -- projection ---------------------------------------------------------------------------------


def test_graph_projection_has_typed_entities_and_events_keyed_by_our_ids(graph):
    putin = graph.nodes[PUTIN]
    assert (putin["kind"], putin["type"], putin["label"]) == ("entity", "Person", "Vladimir Putin")
    assert (
        graph.nodes["country/RUS"]["type"] == "Country" and graph.nodes["org/SCO"]["type"] == "Organisation"
    )
    events = {n: d for n, d in graph.nodes(data=True) if d["kind"] == "event"}
    video = events["event/004_4b31d466614f82fc/meeting-1"]
    assert (video["type"], video["date_start"], video["medium"]) == ("Meeting", "2021-12-15", "video")
    assert video["label"] == "Meeting 2021-12-15 (video)"  # the class and medium labels of the ontology
    assert graph.has_edge(PUTIN, "event/004_4b31d466614f82fc/meeting-1", key="participant")


def test_graph_projection_sums_meetings_into_one_dated_weighted_edge(graph):
    assert not graph.has_edge(XI, PUTIN, key="met_with")  # symmetric: stored once, smaller key first
    met = graph.edges[PUTIN, XI, "met_with"]
    # five: seed 004's call and the visit planned in it, seed 000's call, the meetings in February
    # and on the sidelines of the SCO summit (one event, as in the seeds); Medvedev's is not theirs
    assert (met["weight"], met["first"], met["last"]) == (5, "2021-12-15", "2022-12-30")
    assert met["media"] == {"in_person": 3, "video": 2} and len(met["events"]) == 5
    assert graph.edges[PUTIN, "org/SCO", "met_within"]["weight"] == 1


def test_graph_projection_has_memberships_offices_and_representation(graph):
    assert graph.has_edge("country/RUS", "org/SCO", key="member_of")
    assert graph.has_edge(PUTIN, "country/RUS", key="represents")
    offices = graph.edges[MEDVEDEV, "country/RUS", "holds_office_in"]
    assert ["Prime Minister", "2012-05-08", "2020-01-16"] in offices["tenures"]
    assert offices["last"] == "2020-01-16"
    assert graph.edges[PUTIN, "country/RUS", "holds_office_in"]["last"] is None  # still in office


def test_graph_projection_visits_statements_and_agreements():
    store = tiny_store(
        people("a", "b", "c")
        + ' id:event/t/v a dipl:Meeting ; dipl:visitor id:person/a ; dipl:host id:person/b ; dipl:dateStart "2021-03-01"^^xsd:date .'  # noqa: E501
        + " id:event/t/s1 a dipl:Statement ; dipl:speaker id:person/a ; dipl:target id:person/c ; dipl:stance dipl:Support ."  # noqa: E501
        + " id:event/t/s2 a dipl:Statement ; dipl:speaker id:person/a ; dipl:target id:person/c ."
        + " id:event/t/g a dipl:Agreement ; dipl:participant id:person/b, id:person/c ."
    )
    graph = build_projection(store)
    assert graph.has_edge("person/a", "person/b", key="visited") and graph.has_edge(
        "person/a", "person/b", key="met_with"
    )
    assert not graph.has_edge("person/b", "person/a", key="visited")  # "hosted" is this edge read backwards
    toward = graph.edges["person/a", "person/c", "statement_toward"]
    assert toward["weight"] == 2 and sum(toward["stances"].values()) == 2
    assert graph.has_edge("person/b", "person/c", key="agreement_with")
    assert parse_kinds("hosted") == {"visited"}


def test_graph_projection_is_cached_per_store_generation_and_frozen():
    store = tiny_store(people("a", "b") + " " + meeting("m", "2020-01-01", "a", "b"))
    first = to_networkx(store)
    assert to_networkx(store) is first and nx.is_frozen(first)
    with pytest.raises(nx.NetworkXError):
        first.add_node("x")
    insert(store, people("c"))
    second = to_networkx(store)
    assert second is not first and "person/c" in second and "person/c" not in first


def test_graph_in_range_sums_edges_again_and_keeps_tenures_that_meet_it(graph):
    in_2022 = in_range(graph, since=dt.date(2022, 1, 1), until=dt.date(2022, 12, 31))
    met = in_2022.edges[PUTIN, XI, "met_with"]
    assert (met["weight"], met["first"], met["media"]) == (4, "2022-02-04", {"in_person": 3, "video": 1})
    assert "event/004_4b31d466614f82fc/meeting-2" in in_2022  # the visit planned for the Winter Olympics
    assert not in_2022.has_edge(MEDVEDEV, "country/RUS", key="holds_office_in")  # out of office since 2020
    assert in_2022.has_edge(MEDVEDEV, "country/RUS", key="represents")  # undated reference data stays
    assert in_range(graph) is graph
    assert in_range(graph, since=dt.date(2022, 1, 1)) is in_range(
        graph, since=dt.date(2022, 1, 1)
    )  # memoised


@pytest.mark.parametrize(
    ("parse", "text"), [(parse_kinds, "met_with,shook_hands"), (parse_types, "Person,Planet")]
)
def test_graph_unknown_kinds_and_types_are_bad_requests_that_list_the_known_ones(parse, text):
    with pytest.raises(BadRequest, match="use any of"):
        parse(text)


# -- analytics ----------------------------------------------------------------------------------


def test_graph_neighbourhood_by_depth_kind_type_and_date(graph):
    one = neighbourhood(graph, PUTIN)
    # country/CHN: Putin's statements of support for China (seeds E and K) link him to it
    assert set(one) == {PUTIN, XI, "country/RUS", "org/SCO", "country/CHN"}
    assert one.nodes[PUTIN]["distance"] == 0 and one.nodes[XI]["distance"] == 1
    assert set(neighbourhood(graph, PUTIN, kinds={"met_with"})) == {PUTIN, XI}
    assert set(neighbourhood(graph, PUTIN, depth=2, types={"Person"})) == {PUTIN, XI, MEDVEDEV}
    early = neighbourhood(graph, PUTIN, kinds={"met_with"}, until=dt.date(2021, 12, 31))
    assert early.edges[PUTIN, XI, "met_with"]["weight"] == 1  # the call (the visit it plans is in 2022)
    assert set(neighbourhood(graph, PUTIN, kinds={"met_with"}, since=dt.date(2023, 1, 1))) == {PUTIN}


def test_graph_unknown_entity_is_not_found_with_a_suggestion(graph):
    with pytest.raises(NotFound, match="Did you mean 'person/vladimir-putin'"):
        neighbourhood(graph, "person/vladimir-putn")
    with pytest.raises(NotFound):
        timeline(graph, PUTIN, "event/004_4b31d466614f82fc/meeting-1")  # an event is not an entity


def test_graph_shortest_path_names_the_events_of_each_step(graph):
    [path] = shortest_paths(graph, PUTIN, MEDVEDEV, kinds={"met_with"})
    assert [(s["from"]["id"], s["to"]["id"]) for s in path] == [(PUTIN, XI), (XI, MEDVEDEV)]
    [relation] = path[1]["relations"]
    assert relation["kind"] == "met_with" and relation["direction"] == "both"
    assert [e["id"] for e in relation["events"]] == ["event/000_288c75888d6de7ff/meeting-4"]
    assert path[0]["relations"][0]["event_count"] == 5
    assert len(shortest_paths(graph, PUTIN, MEDVEDEV)) == 2  # also through Russia, which both represent
    assert shortest_paths(graph, PUTIN, MEDVEDEV, kinds={"met_within"}) == []


@pytest.mark.parametrize("measure", ["degree", "betweenness", "pagerank"])
def test_graph_rank_puts_the_bridge_first(measure):
    graph = build_projection(two_blocs())
    top = [r["id"] for r in rank(graph, measure=measure, limit=2)]
    assert set(top) == {"person/c", "person/x"}


def test_graph_rank_over_a_range_and_unknown_measure(graph):
    assert rank(graph, measure="degree", since=dt.date(2030, 1, 1)) == []
    assert rank(graph, measure="degree")[0]["id"] == XI
    with pytest.raises(BadRequest, match="pagerank"):
        rank(graph, measure="fame")


@pytest.mark.parametrize("method", ["louvain", "greedy"])
def test_graph_communities_find_the_two_blocs_the_same_way_each_time(method):
    graph = build_projection(two_blocs())
    found = communities(graph, method=method, seed=3)
    assert [{m["id"] for m in c["members"]} for c in found["communities"]] in (
        [{f"person/{n}" for n in "abc"}, {f"person/{n}" for n in "xyz"}],
        [{f"person/{n}" for n in "xyz"}, {f"person/{n}" for n in "abc"}],
    )
    assert found["modularity"] > 0.3
    assert communities(graph, method=method, seed=3) == found


def test_graph_timeline_of_two_leaders_and_of_their_countries(graph):
    rows = timeline(graph, XI, PUTIN)
    assert [r["date_start"] for r in rows] == [
        "2021-12-15", "2022-02-04", "2022-02-04", "2022-09-15", "2022-12-23"
    ]  # fmt: skip
    assert rows[0]["a"] == [{"id": XI, "label": "Xi Jinping", "role": "participant"}]
    assert [r["date_start"] for r in timeline(graph, XI, PUTIN, since=dt.date(2022, 12, 1))] == ["2022-12-23"]
    countries = timeline(graph, "country/CHN", "country/RUS")
    medvedev = [r for r in countries if r["b"][0]["id"] == MEDVEDEV]
    assert [r["date_start"] for r in medvedev] == ["2022-12-21"]  # he represents Russia
    with pytest.raises(BadRequest):
        timeline(graph, XI, XI)


def test_graph_strongest_keeps_the_focus_the_caps_and_says_what_it_left_out(graph):
    found = neighbourhood(graph, PUTIN, depth=2)
    cut = strongest(found, focus=PUTIN, max_nodes=5, max_edges=6)
    assert PUTIN in cut and cut.number_of_nodes() == 5 and cut.number_of_edges() <= 6
    assert XI in cut  # the strongest tie
    assert nx.is_connected(nx.Graph(cut.to_undirected()))
    assert cut.graph["left_out"] == {
        "nodes": found.number_of_nodes() - 5,
        "edges": found.number_of_edges() - cut.number_of_edges(),
        "nodes_total": found.number_of_nodes(),
        "edges_total": found.number_of_edges(),
    }
    assert strongest(found, focus=PUTIN, max_nodes=1000).graph["left_out"] is None


def test_graph_entity_graph_sums_kinds_into_one_weighted_edge(graph):
    steps = entity_graph(graph, kinds={"represents", "holds_office_in"})
    assert steps.edges[PUTIN, "country/RUS"] == {"weight": 2, "kinds": ["holds_office_in", "represents"]}


# -- exports ------------------------------------------------------------------------------------


def attributes(graph: nx.MultiDiGraph) -> tuple[dict, dict]:
    return dict(graph.nodes(data=True)), {(u, v, k): d for u, v, k, d in graph.edges(keys=True, data=True)}


def test_graph_graphml_round_trips(graph):
    sample = neighbourhood(graph, PUTIN, depth=2)
    back = nx.read_graphml(io.BytesIO(to_graphml(sample)), force_multigraph=True)
    assert attributes(back) == attributes(flatten(sample))
    assert back.edges[PUTIN, XI, "met_with"]["media_video"] == 2
    assert back.edges[PUTIN, XI, "met_with"]["events"].count("; ") == 4


def test_graph_gexf_round_trips(graph):
    sample = whole(graph)
    back = nx.read_gexf(io.BytesIO(to_gexf(sample)))
    nodes, edges = attributes(back)
    for data in edges.values():
        data.pop("id")
        data["weight"] = int(data["weight"])  # GEXF keeps weights as floats
    assert (nodes, edges) == attributes(flatten(sample))


def test_graph_node_link_json_round_trips_exactly(graph):
    sample = in_range(graph, since=dt.date(2022, 1, 1))  # the whole projection: events and roles too
    data = json.loads(json.dumps(to_node_link(sample)))
    back = nx.node_link_graph(data, edges="edges")
    assert attributes(back) == attributes(sample) and back.graph == sample.graph


# -- the HTML view ------------------------------------------------------------------------------


class FrenchOntology:
    """Stands in for the ontology to show that the legend's words come from it."""

    def label(self, term) -> str:
        return {"Person": "Personne", "Country": "Pays"}.get(str(term).rsplit("#", 1)[-1], "Autre")


def probe_graph() -> nx.MultiDiGraph:
    return build_projection(
        tiny_store(
            f'id:person/probe a dipl:Person ; rdfs:label "{XSS}" .'
            ' id:country/X a dipl:Country ; rdfs:label "X" . id:person/probe dipl:represents id:country/X .'
        )
    )


def test_graph_view_is_self_contained_escaped_and_labelled_by_the_ontology():
    page = graph_view.view(probe_graph(), ontology=FrenchOntology(), focus="person/probe")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "<script src" not in page and '<link rel="stylesheet"' not in page
    assert "vis.Network" in page and "@license" in page  # vis-network inline, with its licence
    assert XSS not in page  # in the heading, escaped; in the data, as \u003c...\u003e
    assert "&lt;img src=x onerror=alert(1)&gt;: relationships to depth 1" in page
    assert "Personne (1)" in page and "Pays (1)" in page
    data = json.loads(
        re.search(r'id="graph-data" type="application/json">(.*?)</script>', page, re.S).group(1)
    )
    assert {n["label"] for n in data["nodes"]} == {XSS, "X"}
    assert data["options"]["physics"]["stabilization"]["iterations"] <= 200


def test_graph_view_cuts_large_neighbourhoods_with_a_note(graph, ontology):
    page = graph_view.view(graph, ontology=ontology, focus=PUTIN, depth=2, max_nodes=4)
    total = len(neighbourhood(graph, PUTIN, depth=2))
    assert total > 4 and f"Showing the strongest 4 of {total} entities" in page


def test_graph_view_says_when_nothing_matches(graph, ontology):
    page = graph_view.view(graph, ontology=ontology, since=dt.date(2030, 1, 1), kinds={"met_with"})
    assert "No entity has relationships that match these filters." in page
    assert "Events from 2030-01-01 to now; relationships: met with" in page


def test_graph_view_bypasses_pyvis_add_node(monkeypatch, ontology):
    def refuse(*args, **kwargs):
        raise AssertionError("pyvis's add_node/add_edge are quadratic; the view sets the lists directly")

    monkeypatch.setattr("pyvis.network.Network.add_node", refuse)
    monkeypatch.setattr("pyvis.network.Network.add_edge", refuse)
    big = nx.MultiDiGraph()
    for n in range(2000):
        big.add_node(f"person/p{n}", kind="entity", type="Person", label=f"P {n}")
    for n in range(1, 2000):
        big.add_edge(f"person/p{n}", f"person/p{n // 2}", key="met_with", kind="met_with", weight=1 + n % 3)
    page = graph_view.to_html(big, ontology=ontology, heading="big")
    assert page.count('"group": "Person"') == 2000


# -- the CLI ------------------------------------------------------------------------------------

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(graph_app, list(args), catch_exceptions=False)


def test_cli_graph_neighbourhood_and_path(seeded_store_dir):
    store = ["--store", str(seeded_store_dir)]
    result = invoke("neighbourhood", PUTIN, "--kinds", "met_with", "--format", "json", *store)
    assert result.exit_code == 0, result.output
    assert {n["id"] for n in json.loads(result.output)["nodes"]} == {PUTIN, XI}
    result = invoke("path", PUTIN, MEDVEDEV, "--kinds", "met_with", *store)
    assert result.exit_code == 0 and "Xi Jinping -> Dmitry Medvedev" in result.output
    assert "event/000_288c75888d6de7ff/meeting-4" in result.output


def test_cli_graph_rank_communities_timeline(seeded_store_dir):
    store = ["--store", str(seeded_store_dir)]
    ranking = json.loads(invoke("rank", "--measure", "degree", "--format", "json", *store).output)
    assert ranking[0]["id"] == XI
    assert "modularity" in invoke("communities", *store).output
    result = invoke("timeline", XI, PUTIN, "--since", "2022-12-01", *store)
    assert result.exit_code == 0 and "2022-12-23" in result.output and "2021-12-15" not in result.output


def test_cli_graph_errors_exit_2_with_the_message(seeded_store_dir):
    result = runner.invoke(graph_app, ["neighbourhood", "person/nobody", "--store", str(seeded_store_dir)])
    assert result.exit_code == 2 and "No entity 'person/nobody'" in result.output
    result = runner.invoke(graph_app, ["rank", "--kinds", "hugged", "--store", str(seeded_store_dir)])
    assert result.exit_code == 2 and "Unknown relationship kind" in result.output


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "html"])
def test_cli_export_graph(seeded_store_dir, tmp_path, fmt):
    app = typer.Typer()
    app.command()(export_graph)
    app.command("other")(lambda: None)  # two commands, so typer keeps the subcommand name
    target = tmp_path / f"graph.{fmt}"
    args = ["export-graph", "--format", fmt, "--focus", PUTIN, "--depth", "2", "-o", str(target)]
    result = runner.invoke(app, [*args, "--store", str(seeded_store_dir)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    if fmt == "graphml":
        assert PUTIN in nx.read_graphml(target, force_multigraph=True)
    elif fmt == "gexf":
        assert XI in nx.read_gexf(target)
    elif fmt == "json":
        assert MEDVEDEV in nx.node_link_graph(json.loads(target.read_text()), edges="edges")
    else:
        assert "Vladimir Putin: relationships to depth 2" in target.read_text()


# -- the API ------------------------------------------------------------------------------------


def assert_problem(response, status: int) -> dict:
    """As in tests/api: an RFC 9457 problem with this status."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


@pytest.fixture(scope="module")
def client(seeded_store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from api.app import create_app
    from api.routers import graph as graph_router
    from kg.settings import Settings

    store = tmp_path_factory.mktemp("graph-api") / "store"
    shutil.copytree(seeded_store_dir, store)
    app = create_app(Settings(store=str(store)))
    app.include_router(graph_router.router)  # until api/app.py includes it
    with TestClient(app) as client:
        yield client


def test_api_graph_json_endpoints(client):
    body = client.get("/graph/neighbourhood", params={"focus": PUTIN, "kinds": "met_with"}).json()
    assert {n["id"] for n in body["nodes"]} == {PUTIN, XI} and body["edges"][0]["media"]["video"] == 2
    body = client.get("/graph/path", params={"source": PUTIN, "target": MEDVEDEV, "kinds": "met_with"}).json()
    assert body["paths"][0][1]["from"]["id"] == XI
    body = client.get("/graph/rank", params={"measure": "betweenness"}).json()
    assert body["ranking"][0]["id"] == XI
    assert client.get("/graph/communities").json()["communities"][0]["size"] == 4
    body = client.get("/graph/timeline", params={"a": XI, "b": PUTIN, "until": "2021-12-31"}).json()
    assert [e["date_start"] for e in body["events"]] == ["2021-12-15"]  # the call (its plan is for 2022)


def test_api_graph_view_is_html(client, graph):
    response = client.get("/graph/view", params={"focus": PUTIN, "depth": 2, "max_nodes": 5})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    total = len(neighbourhood(graph, PUTIN, depth=2))
    assert f"Showing the strongest 5 of {total} entities" in response.text


def test_api_graph_errors_are_problems(client):
    assert (
        "Did you mean"
        in assert_problem(client.get("/graph/neighbourhood", params={"focus": "person/putin"}), 404)["detail"]
    )
    assert_problem(client.get("/graph/rank", params={"measure": "fame"}), 400)
    assert_problem(client.get("/graph/view", params={"focus": PUTIN, "kinds": "hugged"}), 400)
    assert_problem(client.get("/graph/timeline", params={"a": PUTIN}), 422)
