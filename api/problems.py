"""Errors on the wire: every error is an RFC 9457 problem (``application/problem+json``)."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from kg.errors import KGError, ShapeViolation

logger = logging.getLogger(__name__)

PROBLEM_TYPE_BASE = "https://w3id.org/dipkg/problems/"
MEDIA_TYPE = "application/problem+json"


def problem(request: Request, status: int, title: str, detail: str, slug: str, **extra: Any) -> JSONResponse:
    """A problem response."""
    body = {
        "type": PROBLEM_TYPE_BASE + slug,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": str(request.url.path),
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE)


async def _kg_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, KGError)
    errors = error.results if isinstance(error, ShapeViolation) else getattr(error, "errors", None)
    extra = {"errors": errors} if errors else {}
    response = problem(request, error.status, error.title, str(error), error.slug, **extra)
    response.headers.update(getattr(error, "headers", None) or {})
    return response


async def _http_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    slug = {404: "not-found", 405: "method-not-allowed", 406: "not-acceptable"}.get(
        error.status_code, "http-error"
    )
    response = problem(
        request, error.status_code, slug.replace("-", " ").capitalize(), str(error.detail), slug
    )
    response.headers.update(error.headers or {})
    return response


async def _validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    errors = [{"loc": list(e["loc"]), "message": e["msg"]} for e in error.errors()]
    detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['message']}" for e in errors)
    return problem(request, 422, "Invalid request", detail, "invalid-request", errors=errors)


async def _server_error(request: Request, error: Exception) -> JSONResponse:
    logger.exception("unhandled error on %s", request.url.path)
    return problem(
        request, 500, "Internal error", "The server failed; the log has the details.", "internal-error"
    )


def install(app: FastAPI) -> None:
    """Register the handlers: domain errors inside, a server-error net outside."""
    app.add_exception_handler(KGError, _kg_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _server_error)
