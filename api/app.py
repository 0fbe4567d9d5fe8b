"""The app factory: ``create_app(settings)`` opens the store and the ontology and mounts the routers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute

import kg
from api import pages, problems
from api.cache import GenerationCache
from api.query_pool import QueryPool
from api.routers import articles, entities, events, graph, home, sparql, store
from api.warm import IndexWarmer
from kg.errors import StoreLocked
from kg.ontology import load_ontology
from kg.pipeline import ensure_static_graphs
from kg.settings import Settings, get_settings
from kg.store import Store

logger = logging.getLogger(__name__)


def _operation_id(route: APIRoute) -> str:
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


def open_store(settings: Settings) -> Store:
    """Open the store for writing; if another process is writing it, serve it read-only."""
    try:
        return Store.open(settings.store)
    except StoreLocked:
        logger.warning("store %s is locked by another process; serving it read-only", settings.store)
        return Store.open(settings.store, read_only=True)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The FastAPI application over the store named by ``settings``."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.ontology = load_ontology(settings.ontology_dir)
        app.state.store = open_store(settings)
        ensure_static_graphs(app.state.store, settings, app.state.ontology)
        app.state.cache = GenerationCache(app.state.store)
        app.state.warmer = IndexWarmer(app.state.store)
        app.state.warmer.start()
        app.state.query_pool = QueryPool(
            app.state.store,
            location=settings.store,
            workers=settings.query_workers,
            timeout=settings.query_timeout,
        )
        await app.state.query_pool.start()
        try:
            yield
        finally:
            await app.state.query_pool.close()
            await run_in_threadpool(app.state.warmer.stop)
            app.state.store.close()

    app = FastAPI(
        title="Diplomatic-event knowledge graph",
        version=kg.__version__,
        description="Who met whom, when, how and about what: SPARQL, look-ups and pages.",
        lifespan=lifespan,
        generate_unique_id_function=_operation_id,
    )
    problems.install(app)
    app.include_router(sparql.router)
    app.include_router(store.router)
    app.include_router(graph.router)
    app.include_router(entities.router)
    app.include_router(events.router)
    app.include_router(articles.router)
    app.include_router(home.router)
    app.include_router(pages.router)
    return app
