"""The SPARQL 1.1 Protocol endpoint at ``/sparql``: queries, updates and the service description.

Queries: GET ``?query=``, POST ``application/x-www-form-urlencoded`` (``query=``) and POST
``application/sparql-query``, with ``default-graph-uri`` / ``named-graph-uri``, which replace any
``FROM`` / ``FROM NAMED`` of the query (protocol section 2.1.4). Without a dataset of either kind,
triple patterns outside ``GRAPH`` match every graph of the store. Results by content negotiation;
406 when the client accepts none. Each query runs in a worker process under ``KG_QUERY_TIMEOUT``
and ``KG_QUERY_MAX_ROWS`` (``api/query_pool.py``).

Updates (only with ``KG_WRITE_TOKEN`` and its bearer token): POST ``application/sparql-update`` or
an ``update=`` form field, with ``using-graph-uri`` / ``using-named-graph-uri``.

``SERVICE`` and ``LOAD`` are refused before anything runs: the server sends no request to an
address a client names. A GET with no query returns the service description (Turtle, N-Triples,
RDF/XML or JSON-LD; a client that accepts none of them gets a 400 problem asking for a query); a
browser (``Accept: text/html``) gets the query editor instead.

Every error is an RFC 9457 problem (``application/problem+json``):

* 400 ``query-syntax`` (with the parser's message), ``bad-request`` (two queries, an update over
  GET, a graph parameter that is no IRI, a body that is not UTF-8, USING and using-graph-uri both),
  ``update-failed`` (an update that cannot apply, such as DROP of a missing graph: nothing changed);
* 401 ``unauthorized`` (write token missing or wrong; ``WWW-Authenticate: Bearer``), 403
  ``read-only`` (no ``KG_WRITE_TOKEN``: no writes at all), 403 ``query-refused`` (SERVICE, LOAD);
* 405 for other methods, 406 ``not-acceptable``, 415 ``unsupported-media-type`` (including a
  charset other than UTF-8);
* 422 ``too-many-rows``: the result has more than ``KG_QUERY_MAX_ROWS`` rows (triples for
  CONSTRUCT/DESCRIBE); the service never sends part of a result with a 200;
* 503 ``query-timeout``: the query ran past ``KG_QUERY_TIMEOUT`` and its worker was killed; 503
  ``query-busy`` (with ``Retry-After``): no worker came free within the deadline;
* 500 ``query-failed``: the engine failed or the worker died.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool

from api import media, service_description
from api.deps import OntologyDep, QueryPoolDep, SettingsDep, StoreDep, require_write_token
from api.errors import NotAcceptable, QueryFailed, TooManyRows, UpdateFailed
from api.pages import examples, render, wants_html
from api.sparql_worker import QueryJob
from kg.errors import BadRequest, QueryRefused, QuerySyntaxError, UnsupportedMediaType
from kg.sparql_text import add_using, has_dataset_clause, has_update_dataset, is_iri, outbound_keywords
from kg.store import RDF_FORMATS

router = APIRouter(tags=["sparql"])

FORM_TYPE = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"

Params = list[tuple[str, str]]


def _values(params: Params, name: str) -> list[str]:
    return [value for key, value in params if key == name]


def _one(params: Params, name: str) -> str | None:
    values = _values(params, name)
    if len(values) > 1:
        raise BadRequest(f"Send one '{name}' parameter, not {len(values)}.")
    return values[0] if values else None


def _graphs(params: Params, name: str) -> list[str]:
    graphs = _values(params, name)
    for iri in graphs:
        if not is_iri(iri):
            raise BadRequest(f"'{name}' must be an absolute IRI; got {iri!r}.")
    return graphs


def _refuse_outbound(text: str) -> None:
    found = outbound_keywords(text)
    if found:
        raise QueryRefused(
            f"{' and '.join(sorted(found))} refused: this endpoint sends no request to another "
            "service or URL. Load the data with `kg ingest`, or query the other endpoint yourself."
        )


def _endpoint(request: Request) -> str:
    return str(request.url.replace(query="", fragment=""))


async def _query(
    request: Request,
    pool: QueryPoolDep,
    settings: SettingsDep,
    ontology: OntologyDep,
    text: str,
    params: Params,
) -> Response:
    _refuse_outbound(text)
    defaults, named = _graphs(params, "default-graph-uri"), _graphs(params, "named-graph-uri")
    accept = request.headers.get("accept")
    protocol_dataset = bool(defaults or named)
    job = QueryJob(
        text=text,
        max_rows=settings.query_max_rows,
        results_media=media.negotiate(accept, media.RESULTS),
        boolean_media=media.negotiate(accept, media.BOOLEAN),
        graph_media=media.negotiate(accept, media.GRAPHS),
        prefixes=ontology.prefixes,
        base_iri=_endpoint(request),
        default_graph=defaults if protocol_dataset else None,
        named_graphs=named if protocol_dataset else None,
        union_default_graph=not protocol_dataset and not has_dataset_clause(text),
    )
    if not (job.results_media or job.boolean_media or job.graph_media):
        raise NotAcceptable(f"No result format matches 'Accept: {accept}'.")
    outcome = await pool.run(job)
    if outcome.status == "ok":
        return Response(outcome.body, media_type=outcome.media_type)
    error = {
        "syntax": QuerySyntaxError,
        "not-acceptable": NotAcceptable,
        "too-many-rows": TooManyRows,
    }.get(outcome.status, QueryFailed)
    detail = outcome.detail
    if outcome.status == "too-many-rows":
        detail += " The service returns whole results only: add a LIMIT, or page with LIMIT and OFFSET."
    elif outcome.status == "not-acceptable":
        detail = f"No result format matches 'Accept: {accept}': {detail}."
    raise error(detail)


async def _update(
    request: Request, store: StoreDep, settings: SettingsDep, ontology: OntologyDep, text: str, params: Params
) -> Response:
    require_write_token(request, settings)
    _refuse_outbound(text)
    using, using_named = _graphs(params, "using-graph-uri"), _graphs(params, "using-named-graph-uri")
    if using or using_named:
        if has_update_dataset(text):
            raise BadRequest(
                "The update names its dataset with USING or WITH and the request with "
                "using-graph-uri / using-named-graph-uri; give one or the other."
            )
        text = add_using(text, using, using_named)
    try:
        await run_in_threadpool(
            lambda: store.update(text, base_iri=_endpoint(request), prefixes=ontology.prefixes)
        )
    except RuntimeError as error:  # how Oxigraph reports an update that cannot apply
        raise UpdateFailed(f"The update changed nothing: {error}.") from error
    return Response(status_code=204)


def _service_description(request: Request, settings: SettingsDep) -> Response:
    chosen = media.negotiate(request.headers.get("accept"), media.GRAPHS)
    if chosen is None:
        raise BadRequest(
            "Send a SPARQL query in the 'query' parameter (GET or form) or as an "
            "application/sparql-query body. Ask with Accept: text/turtle for the service description."
        )
    triples = service_description.describe(
        _endpoint(request),
        writable=bool(settings.write_token),
        max_rows=settings.query_max_rows,
        timeout=settings.query_timeout,
    )
    body = service_description.serialize(triples, RDF_FORMATS[media.FORMAT_NAMES[chosen]])
    return Response(body, media_type=chosen)


@router.get("/sparql", summary="Run a SPARQL query (SPARQL 1.1 Protocol, GET), or describe the service")
async def sparql_get(
    request: Request, pool: QueryPoolDep, settings: SettingsDep, ontology: OntologyDep
) -> Response:
    """Run the SPARQL query given as ``?query=``; without one, return the service description, or to a
    browser the query editor (example queries, results as a table)."""
    params = list(request.query_params.multi_items())
    if _values(params, "update"):
        raise BadRequest("SPARQL Update goes by POST (application/sparql-update or an update= form field).")
    text = _one(params, "query")
    if text is None:
        if wants_html(request):
            return render("sparql.html", examples=examples(), prefixes=sorted(ontology.prefixes))
        return _service_description(request, settings)
    return await _query(request, pool, settings, ontology, text, params)


@router.post("/sparql", summary="Run a SPARQL query or update (SPARQL 1.1 Protocol, POST)")
async def sparql_post(
    request: Request, pool: QueryPoolDep, store: StoreDep, settings: SettingsDep, ontology: OntologyDep
) -> Response:
    """Run a query (form ``query=`` or an ``application/sparql-query`` body) or an update (form
    ``update=`` or an ``application/sparql-update`` body; needs the write token)."""
    kind, options = media.media_type(request.headers.get("content-type"))
    charset = options.get("charset", "utf-8").lower()
    if kind not in {FORM_TYPE, QUERY_TYPE, UPDATE_TYPE}:
        raise UnsupportedMediaType(
            f"Unsupported content type '{kind or '(none)'}'; send {FORM_TYPE}, {QUERY_TYPE} or {UPDATE_TYPE}."
        )
    if charset not in {"utf-8", "utf8"}:
        raise UnsupportedMediaType(f"Send the body in UTF-8, not {charset}.")
    try:
        body = (await request.body()).decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadRequest(f"The body is not UTF-8: {error}.") from error
    params = list(request.query_params.multi_items())
    if kind == QUERY_TYPE:
        return await _query(request, pool, settings, ontology, body, params)
    if kind == UPDATE_TYPE:
        return await _update(request, store, settings, ontology, body, params)
    params += parse_qsl(body, keep_blank_values=True)
    query, update = _one(params, "query"), _one(params, "update")
    if query is not None and update is not None:
        raise BadRequest("Send either 'query' or 'update', not both.")
    if update is not None:
        return await _update(request, store, settings, ontology, update, params)
    if query is None:
        raise BadRequest("Send a SPARQL query in the 'query' form field, or an update in 'update'.")
    return await _query(request, pool, settings, ontology, query, params)
