"""End to end: the W3C SPARQL 1.1 Protocol and Graph Store Protocol tests against a live `kg serve`.

The manifests (``../shared/reference/sparql-protocol/``) describe each test as HTTP requests in the
W3C HTTP-in-RDF vocabulary, with the status class, result format and ASK answer to expect. Each test
runs on an emptied store (``DROP ALL``) that holds the test's ``ut:graphData`` graphs, loaded through
the Graph Store Protocol under the IRIs the manifest labels them with; every request carries the
write token, so the update tests run as a writer would. Paths map ``/sparql/`` to ``/sparql`` and
``/gsp`` to ``/store``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from rdflib import RDFS, Graph, Namespace
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.query import Result
from rdflib.term import Node
from serving import kg_server

from kg.settings import PROJECT_ROOT

pytestmark = pytest.mark.e2e

SUITE = PROJECT_ROOT.parent / "shared" / "reference" / "sparql-protocol"
MANIFESTS = {
    "protocol": [SUITE / "protocol" / "manifest.ttl"],
    "gsp": [SUITE / "graph-store-protocol" / f"manifest-{kind}.ttl" for kind in ("direct", "indirect")],
}
TOKEN = "w3c-test-token"
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
STATUS = {"OK": 200, "Created": 201, "NoContent": 204, "NotFound": 404}
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
RDF_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}


@dataclass
class Step:
    """One HTTP request of a test and what its response must be."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: list[str]
    boolean: bool | None = None
    result_format: str | None = None
    location: str | None = None
    content_type: str | None = None
    graph: str | None = None  # expected response body, Turtle


@dataclass
class W3CTest:
    name: str
    title: str
    data: list[tuple[Path, str]] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)


def _text(graph: Graph, node: Node | None, prop: Node) -> str | None:
    value = graph.value(node, prop) if node is not None else None
    return None if value is None else str(value)


def _headers(graph: Graph, node: Node | None) -> dict[str, str]:
    if node is None or graph.value(node, HT.headers) is None:
        return {}
    items = Collection(graph, graph.value(node, HT.headers))
    return {str(graph.value(h, HT.fieldName)).lower(): str(graph.value(h, HT.fieldValue)) for h in items}


def _step(graph: Graph, request: Node) -> Step:
    body_node = graph.value(request, HT.body)
    body = None
    if body_node is not None:
        encoding = _text(graph, body_node, CNT.characterEncoding) or "UTF-8"
        body = str(graph.value(body_node, CNT.chars)).encode(encoding)
    response = graph.value(request, HT.resp)
    boolean = graph.value(response, MF.expectedBoolean)
    response_headers = _headers(graph, response)
    path = str(graph.value(request, HT.absolutePath))
    path = path.replace("/sparql/", "/sparql", 1) if path.startswith("/sparql/") else "/store" + path[4:]
    return Step(
        method=str(graph.value(request, HT.methodName)),
        path=path,
        headers=_headers(graph, request),
        body=body,
        statuses=[str(s).rsplit("#", 1)[1] for s in graph.objects(response, MF.expectedStatus)],
        boolean=None if boolean is None else bool(boolean.toPython()),
        result_format=_text(graph, response, MF.expectedFormat),
        location=_text(graph, response, MF.expectedLocation),
        content_type=response_headers.get("content-type"),
        graph=_text(graph, graph.value(response, HT.body), CNT.chars),
    )


def load_tests(suite: str) -> list[W3CTest]:
    """The tests of one suite's manifests, in manifest order."""
    tests = []
    for path in MANIFESTS[suite]:
        graph = Graph().parse(path, format="turtle")
        manifest = next(graph.subjects(MF.entries, None))
        for entry in Collection(graph, graph.value(manifest, MF.entries)):
            test = W3CTest(str(entry).rsplit("#", 1)[1], str(graph.value(entry, MF.name)))
            for data in graph.objects(entry, UT.graphData):
                file = Path(str(graph.value(data, UT.graph)).removeprefix("file://"))
                test.data.append((file, str(graph.value(data, RDFS.label))))
            requests = graph.value(graph.value(entry, MF.action), HT.requests)
            test.steps = [_step(graph, request) for request in Collection(graph, requests)]
            tests.append(test)
    return tests


def _params(suite: str) -> list[Any]:
    if not SUITE.is_dir():
        reason = f"the W3C protocol tests are not at {SUITE} (../shared absent)"
        return [pytest.param(None, marks=pytest.mark.skip(reason=reason), id="suite-absent")]
    return [pytest.param(test, id=test.name) for test in load_tests(suite)]


@pytest.fixture(scope="module")
def w3c_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live server over an empty store, with writes on."""
    store = tmp_path_factory.mktemp("w3c") / "store"
    with kg_server(store, write_token=TOKEN) as url:
        yield url


def _status_ok(status: int, expected: list[str]) -> bool:
    for name in expected:
        if name.startswith("StatusCode") and status // 100 == int(name[10]):
            return True
        if STATUS.get(name) == status:
            return True
    return False


def _check_results(step: Step, response: httpx.Response) -> None:
    media = response.headers.get("content-type", "").split(";")[0].strip()
    if step.result_format in {"boolean", "tabular"}:
        assert media in RESULT_TYPES, f"{media} is not a SPARQL results format"
        result = Result.parse(io.BytesIO(response.content), format=RESULT_TYPES[media])
        if step.result_format == "boolean":
            assert result.type == "ASK"
        if step.boolean is not None:
            assert result.askAnswer is step.boolean
    elif step.result_format == "RDF":
        assert media in RDF_TYPES, f"{media} is not an RDF format"
        Graph().parse(data=response.content, format=RDF_TYPES[media])
    if step.content_type is not None:
        assert media == step.content_type.split(";")[0].strip()
    if step.graph is not None:
        got = Graph().parse(data=response.content, format=RDF_TYPES[media])
        want = Graph().parse(data=step.graph, format="turtle")
        assert isomorphic(got, want), f"got:\n{got.serialize(format='turtle')}"


def _prepare(client: httpx.Client, test: W3CTest) -> None:
    """Empty the store, then load the test's data graphs through the Graph Store Protocol."""
    reset = client.post("/sparql", content="DROP ALL", headers={"content-type": "application/sparql-update"})
    assert reset.status_code == 204, reset.text
    for file, graph in test.data:
        put = client.put(
            "/store",
            params={"graph": graph},
            content=file.read_bytes(),
            headers={"content-type": "application/n-triples"},
        )
        assert put.status_code in {201, 204}, put.text


def run(server: str, test: W3CTest) -> None:
    with httpx.Client(base_url=server, headers={"authorization": f"Bearer {TOKEN}"}, timeout=30) as client:
        _prepare(client, test)
        location = None
        for number, step in enumerate(test.steps, 1):
            path, body = step.path, step.body
            if location is not None:
                path = path.replace("$LOCATION$", location)
                body = body.replace(b"$LOCATION$", location.encode()) if body is not None else None
            response = client.request(step.method, path, content=body, headers=step.headers)
            assert _status_ok(response.status_code, step.statuses), (
                f"request {number} ({step.method} {path}): {response.status_code} not in {step.statuses}: "
                f"{response.text[:300]}"
            )
            if step.location is not None:
                location = response.headers["location"]
            if response.status_code < 300:
                _check_results(step, response)


@pytest.mark.parametrize("test", _params("protocol"))
def test_w3c_sparql_protocol(w3c_server: str, test: W3CTest):
    run(w3c_server, test)


@pytest.mark.parametrize("test", _params("gsp"))
def test_w3c_graph_store_protocol(w3c_server: str, test: W3CTest):
    run(w3c_server, test)
