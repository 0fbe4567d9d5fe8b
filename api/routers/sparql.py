"""The SPARQL 1.1 Protocol endpoint at ``/sparql`` (queries; read-only).

GET ``?query=``, POST ``application/x-www-form-urlencoded`` and POST ``application/sparql-query``;
results by content negotiation. Triple patterns outside ``GRAPH`` match every graph of the
store, unless the request names graphs with ``default-graph-uri`` / ``named-graph-uri``.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, Header, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from rdflib import URIRef

from api.deps import OntologyDep, StoreDep
from kg.errors import BadRequest, QueryRefused, UnsupportedMediaType

router = APIRouter(tags=["sparql"])

SELECT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}
FORM_TYPE = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"


def negotiate(accept: str | None, offers: dict[str, Any], default: str) -> str:
    """The offered media type the Accept header prefers (q-values honoured), else the default."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept or "").split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        quality = next((float(p[2:]) for p in params if p.startswith("q=") and _is_number(p[2:])), 1.0)
        ranked.append((quality, -position, media.lower()))
    for quality, _, media in sorted(ranked, reverse=True):
        if quality <= 0:
            continue
        if media in offers:
            return media
        if media in {"*/*", "application/*", "text/*"}:
            return default
    return default


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _run(
    store: Any, text: str, prefixes: dict[str, str], defaults: list[str], named: list[str], accept: str | None
) -> Response:
    """Evaluate and serialise a query; runs in a worker thread, off the event loop."""
    options: dict[str, Any] = {"prefixes": prefixes}
    if defaults:
        options["default_graph"] = [URIRef(g) for g in defaults]
    if named:
        options["named_graphs"] = [URIRef(g) for g in named]
    result = store.query(text, **options)
    if isinstance(result, ox.QueryTriples):
        media = negotiate(accept, GRAPH_TYPES, "text/turtle")
        return Response(result.serialize(format=GRAPH_TYPES[media]), media_type=media)
    media = negotiate(accept, SELECT_TYPES, "application/sparql-results+json")
    return Response(result.serialize(format=SELECT_TYPES[media]), media_type=media)


async def _answer(
    request: Request, store: Any, ontology: Any, text: str | None, defaults: list[str], named: list[str]
) -> Response:
    if not text:
        raise BadRequest(
            "Send a SPARQL query in the 'query' parameter (GET or form) "
            "or as an application/sparql-query body."
        )
    accept = request.headers.get("accept")
    return await run_in_threadpool(_run, store, text, ontology.prefixes, defaults, named, accept)


@router.get("/sparql", summary="Run a SPARQL query (SPARQL 1.1 Protocol, GET)")
async def sparql_get(
    request: Request,
    store: StoreDep,
    ontology: OntologyDep,
    query: Annotated[str | None, Query(description="The SPARQL query.")] = None,
    default_graph_uri: Annotated[list[str], Query(alias="default-graph-uri")] = [],  # noqa: B006
    named_graph_uri: Annotated[list[str], Query(alias="named-graph-uri")] = [],  # noqa: B006
) -> Response:
    """Run a SPARQL query given as ``?query=``."""
    if "update" in request.query_params:
        raise QueryRefused("Updates are not accepted over GET; this endpoint is read-only.")
    return await _answer(request, store, ontology, query, default_graph_uri, named_graph_uri)


@router.post("/sparql", summary="Run a SPARQL query (SPARQL 1.1 Protocol, POST)")
async def sparql_post(
    request: Request,
    store: StoreDep,
    ontology: OntologyDep,
    content_type: Annotated[str, Header()] = "",
) -> Response:
    """Run a SPARQL query sent as a form (``query=``) or as an ``application/sparql-query`` body."""
    media = content_type.split(";")[0].strip().lower()
    raw = (await request.body()).decode("utf-8", errors="replace")
    url_params = parse_qs(request.url.query)
    if media == FORM_TYPE:
        form = parse_qs(raw, keep_blank_values=True)
        if "update" in form:
            raise QueryRefused("SPARQL Update is not accepted: this endpoint is read-only.")
        text = (form.get("query") or [None])[0]
        params = {**url_params, **form}
    elif media == QUERY_TYPE:
        text, params = raw, url_params
    elif media == "application/sparql-update":
        raise QueryRefused("SPARQL Update is not accepted: this endpoint is read-only.")
    else:
        raise UnsupportedMediaType(f"Unsupported content type '{media}'; send {FORM_TYPE} or {QUERY_TYPE}.")
    defaults, named = params.get("default-graph-uri", []), params.get("named-graph-uri", [])
    return await _answer(request, store, ontology, text, defaults, named)
