"""Dependencies shared by the routers: settings, store, ontology, query pool, and the write check.

The getters are ``async`` although they only read ``app.state``: FastAPI runs a plain ``def``
dependency in the thread pool, and the hop there and back cost more than most look-ups (issue 5).
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from api.cache import GenerationCache
from api.errors import Unauthorized, WritesDisabled
from api.query_pool import QueryPool
from kg.ontology import Ontology
from kg.settings import Settings
from kg.store import Store


async def get_app_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings  # type: ignore[no-any-return]


async def get_store(request: Request) -> Store:
    """The store the app opened at start-up."""
    return request.app.state.store  # type: ignore[no-any-return]


async def get_ontology(request: Request) -> Ontology:
    """The loaded ontology."""
    return request.app.state.ontology  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
OntologyDep = Annotated[Ontology, Depends(get_ontology)]


async def get_query_pool(request: Request) -> QueryPool:
    """The worker processes that run SPARQL queries."""
    return request.app.state.query_pool  # type: ignore[no-any-return]


def require_write_token(request: Request, settings: SettingsDep) -> None:
    """Let a write through only with ``Authorization: Bearer <KG_WRITE_TOKEN>``.

    Raises:
        WritesDisabled: the service has no write token (403).
        Unauthorized: the header is missing or the token wrong (401, with ``WWW-Authenticate``).
    """
    if not settings.write_token:
        raise WritesDisabled(
            "This service is read-only: SPARQL Update and the Graph Store Protocol are off. "
            "Start it with KG_WRITE_TOKEN set to enable them."
        )
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("Writes need the header 'Authorization: Bearer <KG_WRITE_TOKEN>'.")
    if not hmac.compare_digest(token.strip().encode(), settings.write_token.encode()):
        raise Unauthorized("The bearer token is not this service's write token.", error="invalid_token")


QueryPoolDep = Annotated[QueryPool, Depends(get_query_pool)]
WriterDep = Depends(require_write_token)


async def get_cache(request: Request) -> GenerationCache:
    """Look-up results kept until the store's next write."""
    return request.app.state.cache  # type: ignore[no-any-return]


CacheDep = Annotated[GenerationCache, Depends(get_cache)]
