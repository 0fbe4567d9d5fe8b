"""Errors only the service raises: limits, authorisation and content negotiation.

Like the tree in :mod:`kg.errors`, each carries its status and problem type; ``headers`` go onto
the problem response (``WWW-Authenticate``, ``Retry-After``).
"""

from __future__ import annotations

from kg.errors import KGError, QueryRefused


class ServiceError(KGError):
    """Base of the service's own errors."""

    headers: dict[str, str] = {}


class QueryTimeout(ServiceError):
    """A query ran past ``KG_QUERY_TIMEOUT`` and was stopped (its worker process killed)."""

    status = 503
    slug = "query-timeout"
    title = "Query stopped at the deadline"


class QueryBusy(ServiceError):
    """Every query worker stayed busy for a whole deadline."""

    status = 503
    slug = "query-busy"
    title = "All query workers are busy"
    headers = {"Retry-After": "5"}


class QueryFailed(ServiceError):
    """A query failed while running (its worker died, or the engine raised)."""

    status = 500
    slug = "query-failed"
    title = "Query failed"


class UpdateFailed(ServiceError):
    """An update parsed but could not be applied (CREATE of a graph that exists, DROP of one that
    does not); the transaction changed nothing."""

    status = 400
    slug = "update-failed"
    title = "Update failed"


class TooManyRows(ServiceError):
    """A result has more rows than ``KG_QUERY_MAX_ROWS``; the service answers nothing rather than part."""

    status = 422
    slug = "too-many-rows"
    title = "Result has too many rows"


class NotAcceptable(ServiceError):
    """The client accepts none of the media types the result can be written in."""

    status = 406
    slug = "not-acceptable"
    title = "Not acceptable"


class WritesDisabled(ServiceError, QueryRefused):
    """Writes over HTTP are off: the service has no ``KG_WRITE_TOKEN``."""

    slug = "read-only"
    title = "Service is read-only"


class Unauthorized(ServiceError):
    """A write came without the bearer token, or with a wrong one."""

    status = 401
    slug = "unauthorized"
    title = "Write token missing or wrong"

    def __init__(self, message: str, *, error: str | None = None):
        super().__init__(message)
        challenge = 'Bearer realm="kg"' + (f', error="{error}"' if error else "")
        self.headers = {"WWW-Authenticate": challenge}


class PayloadTooLarge(ServiceError):
    """A request body over the size the service reads."""

    status = 413
    slug = "payload-too-large"
    title = "Request body too large"


class BadArticles(ServiceError):
    """Articles sent to ``POST /articles`` that cannot be stored; ``errors`` names each and what is wrong.

    Nothing of the request is stored when one of its articles is bad.
    """

    status = 422
    slug = "bad-articles"
    title = "Articles could not be ingested"

    def __init__(self, message: str, errors: list[dict[str, object]]):
        super().__init__(message)
        self.errors = errors
