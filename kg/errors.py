"""The project's error tree: every error a user can cause, with an HTTP status and a problem type.

Messages say what went wrong and what to do next. The API turns each into an RFC 9457 problem
(``application/problem+json``); the CLI prints the message and exits non-zero.
"""

from __future__ import annotations


class KGError(Exception):
    """Base of every error the library raises on purpose."""

    status: int = 500
    slug: str = "internal-error"
    title: str = "Internal error"


class ArticleError(KGError, ValueError):
    """An article could not be read or parsed; ``origin`` names the file (and line)."""

    status = 422
    slug = "bad-article"
    title = "Article could not be read"

    def __init__(self, origin: str, reason: str):
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class ShapeViolation(KGError):
    """A graph does not conform to ``ontology/shapes.ttl``."""

    status = 422
    slug = "shape-violation"
    title = "Graph violates the ontology's shapes"

    def __init__(self, message: str, *, report: str = "", results: list[dict[str, str]] | None = None):
        super().__init__(message)
        self.report = report
        self.results = results or []


class QuerySyntaxError(KGError):
    """A SPARQL query or update does not parse."""

    status = 400
    slug = "query-syntax"
    title = "SPARQL syntax error"


class QueryRefused(KGError):
    """A query is well formed but not allowed here (an update on a read-only endpoint, SERVICE, LOAD)."""

    status = 403
    slug = "query-refused"
    title = "Query refused"


class StoreError(KGError):
    """The store cannot be opened or written."""

    status = 503
    slug = "store-unavailable"
    title = "Store unavailable"


class StoreLocked(StoreError):
    """Another process holds the store open for writing."""

    slug = "store-locked"
    title = "Store is in use"


class OntologyError(KGError):
    """The ontology is missing, does not parse, or code asked for a term it does not declare."""

    slug = "ontology-error"
    title = "Ontology error"


class NotFound(KGError):
    """A resource (article, entity, event) does not exist."""

    status = 404
    slug = "not-found"
    title = "Not found"


class BadRequest(KGError):
    """A request is missing something it needs or is malformed."""

    status = 400
    slug = "bad-request"
    title = "Bad request"


class UnsupportedMediaType(KGError):
    """A request body comes in a media type the endpoint does not take."""

    status = 415
    slug = "unsupported-media-type"
    title = "Unsupported media type"
