"""Articles: one article with what was extracted from it; ingest (POST) and retract (DELETE).

``POST /articles`` takes the records ``kg ingest`` reads from JSON (``id, title, text, published,
source, url``; only ``text`` is required), one object or a list. It is all or nothing: every record
is read and every article extracted and checked (SHACL) before anything is written, then all of them
replace their graphs in one transaction; a bad record or article is a 422 problem naming it, and the
store is as it was. Extraction runs in the thread pool, so other requests go on being answered, and
one write at a time goes to the store. Writes need the write token, as SPARQL Update does.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse

from api import media
from api.cache import json_lookup
from api.deps import CacheDep, SettingsDep, StoreDep, WriterDep
from api.errors import BadArticles, PayloadTooLarge
from api.models import ArticlePublic, IngestPublic
from api.pages import HTML_RESPONSE, entity_href, render, segments, wants_html
from kg import events
from kg.errors import ArticleError, BadRequest, KGError, NotFound, UnsupportedMediaType
from kg.pipeline import Pipeline, remove_article
from kg.reader import MAX_FILE_BYTES, SAFE_ID, Article, article_from_record
from kg.settings import Settings
from kg.store import Store, article_graph

router = APIRouter(tags=["articles"])

#: The most articles one request may carry, and the most bytes it may send (as ``kg ingest`` reads a file).
MAX_ARTICLES = 1000
MAX_BODY_BYTES = MAX_FILE_BYTES
ArticleId = Annotated[str, Path(description="The article's id, as given when it was ingested.")]


def _missing(article_id: str) -> NotFound:
    return NotFound(
        f"No article '{article_id}'; list articles with SPARQL: SELECT ?id {{ ?a dipl:articleId ?id }}."
    )


@router.get(
    "/articles/{article_id}",
    summary="One article and what was extracted from it",
    response_model=ArticlePublic,
    responses=HTML_RESPONSE,
)
async def get_article(request: Request, store: StoreDep, cache: CacheDep, article_id: ArticleId) -> Any:
    """An article's text and facts, the entities it mentions (with the character offsets of each
    mention) and the events read from it."""
    if not SAFE_ID.fullmatch(article_id):
        raise _missing(article_id)
    key = ("article", article_id)
    if wants_html(request):
        return article_page(await cache.run(key, lambda: events.article(store, article_id)))
    return await json_lookup(cache, key, lambda: events.article(store, article_id), ArticlePublic)


def article_page(found: dict[str, Any]) -> HTMLResponse:
    """The article as a page: its text with each mention linking to the entity's page."""
    spans = [(m["start"], m["end"], m["entity"]) for m in found["mentions"]]
    pieces = segments(found["text"] or "", spans)
    return render("article.html", article=found, pieces=pieces)


# -- writing ------------------------------------------------------------------------------------


async def _body(request: Request) -> bytes:
    """The request body, refused once it grows past :data:`MAX_BODY_BYTES`."""
    kind, params = media.media_type(request.headers.get("content-type"))
    if kind != "application/json":
        raise UnsupportedMediaType(
            f"Send the articles as application/json (one object or a list), not '{kind or 'no type'}'."
        )
    if params.get("charset", "utf-8").lower() not in {"utf-8", "utf8"}:
        raise UnsupportedMediaType("Send the articles in UTF-8.")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise PayloadTooLarge(f"The body is over {MAX_BODY_BYTES:,} bytes; send the articles in parts.")
        chunks.append(chunk)
    return b"".join(chunks)


def read_records(body: bytes) -> list[Article]:
    """The articles of a request body, or a :class:`BadArticles` naming every bad record.

    Raises:
        BadRequest: the body is not UTF-8 JSON.
        BadArticles: no articles, too many, a record that is no article, or one id twice.
    """
    try:
        value = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise BadRequest(f"The body is not UTF-8: {error}.") from error
    except json.JSONDecodeError as error:
        raise BadRequest(f"The body is not JSON: {error}.") from error
    records = value if isinstance(value, list) else [value]
    if not records or len(records) > MAX_ARTICLES:
        raise BadArticles(
            f"Send from 1 to {MAX_ARTICLES} articles; got {len(records)}.",
            [{"record": None, "message": f"{len(records)} records"}],
        )
    articles, errors = [], []
    for number, record in enumerate(records):
        try:
            articles.append(article_from_record(record, origin=f"request[{number}]"))
        except ArticleError as error:
            errors.append({"record": number, "message": error.reason})
    seen: dict[str, int] = {}
    for number, article in enumerate(articles):
        if article.id in seen:
            errors.append(
                {"record": number, "message": f"id '{article.id}' is also record {seen[article.id]}"}
            )
        seen.setdefault(article.id, number)
    if errors:
        raise BadArticles(_summary(errors), errors)
    return articles


def _summary(errors: list[dict[str, Any]]) -> str:
    first = errors[0]
    more = f" (and {len(errors) - 1} more; see 'errors')" if len(errors) > 1 else ""
    return f"Nothing was stored: record {first['record']}: {first['message']}{more}."


def ingest(pipeline: Pipeline, store: Store, articles: list[Article]) -> dict[str, Any]:
    """Extract and check every article, then store them all in one transaction (blocking).

    Raises:
        BadArticles: an article failed extraction or its SHACL check; nothing was stored.
    """
    started = time.perf_counter()
    graphs, stored, errors = {}, [], []
    for number, article in enumerate(articles):
        try:
            doc, graph = pipeline.extract(article)
        except KGError as error:
            errors.append({"record": number, "id": article.id, "message": str(error)})
            continue
        graphs[article_graph(article.id)] = graph
        stored.append(
            {
                "id": article.id,
                "href": entity_href(f"article/{article.id}"),
                "triples": len(graph),
                "entities": len(doc.entities),
                "events": len(doc.events),
            }
        )
    if errors:
        raise BadArticles(_summary(errors), errors)
    store.replace_graphs(graphs)
    return {"articles": stored, "seconds": round(time.perf_counter() - started, 3)}


async def _pipeline(request: Request, settings: Settings) -> Pipeline:
    """The app's pipeline, built on first use (it loads the gazetteer: about a second)."""
    state = request.app.state
    if getattr(state, "pipeline", None) is None:
        state.pipeline = await run_in_threadpool(Pipeline, settings)
    return state.pipeline  # type: ignore[no-any-return]


def _write_lock(request: Request) -> asyncio.Lock:
    state = request.app.state
    if getattr(state, "write_lock", None) is None:
        state.write_lock = asyncio.Lock()
    return state.write_lock  # type: ignore[no-any-return]


@router.post(
    "/articles",
    summary="Ingest articles (write token required)",
    status_code=201,
    response_model=IngestPublic,
    dependencies=[WriterDep],
)
async def post_articles(request: Request, store: StoreDep, settings: SettingsDep) -> Any:
    """Read, extract, check and store one article (a JSON object) or several (a list), all or nothing.

    An article whose id is already stored replaces it. Answers 201 with what was stored; a
    ``Location`` header names the article when there is one.
    """
    articles = read_records(await _body(request))
    async with _write_lock(request):
        pipeline = await _pipeline(request, settings)
        report = await run_in_threadpool(ingest, pipeline, store, articles)
    headers = {"Location": report["articles"][0]["href"]} if len(articles) == 1 else {}
    return JSONResponse(IngestPublic(**report).model_dump(), status_code=201, headers=headers)


@router.delete(
    "/articles/{article_id}",
    summary="Retract an article and everything read from it (write token required)",
    status_code=204,
    dependencies=[WriterDep],
)
async def delete_article(request: Request, store: StoreDep, article_id: ArticleId) -> Response:
    """Remove the article's graph: its text, mentions, events and evidence. 404 if it is not stored."""
    if not SAFE_ID.fullmatch(article_id):
        raise _missing(article_id)
    async with _write_lock(request):
        removed = await run_in_threadpool(remove_article, store, article_id)
    if not removed:
        raise _missing(article_id)
    return Response(status_code=204)
