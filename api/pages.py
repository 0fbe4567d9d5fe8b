"""HTML pages: the same resources as the JSON routes, rendered for a browser (Datasette-style).

Routes build their data first and render it last, with the templates of ``api/templates`` in an
autoescaping Jinja environment: every string from an article is escaped. Everything a page needs
ships with the package and is served from ``/assets/``; the Content-Security-Policy lets a page load
only those, and lets its script talk only to this service.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from kg.errors import NotFound

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
ASSETS = HERE / "assets"
EXAMPLES = HERE / "examples"

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
#: The OpenAPI note of a route that also answers with a page.
HTML_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/html": {}}, "description": "JSON, or a page when the client asks for HTML."}
}
#: The assets a page may load, with their media types; nothing else is served from /assets/.
ASSET_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}

_environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
)
_environment.filters["url"] = lambda key: quote(str(key))

router = APIRouter(tags=["pages"])


def wants_html(request: Request) -> bool:
    """Whether the client prefers HTML (a browser) to JSON."""
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept.split(",")[0]


def render(template: str, **context: Any) -> HTMLResponse:
    """A page from a template, with the Content-Security-Policy header."""
    html = _environment.get_template(template).render(**context)
    return HTMLResponse(html, headers={"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff"})


def highlight(text: str, start: int, end: int) -> tuple[str, str, str]:
    """A text cut around a span: before, span, after (the template marks the middle)."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return text[:start], text[start:end], text[end:]


def segments(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """A text cut into pieces, each with the entity it mentions (``None`` between mentions).

    Spans are ``(start, end, entity)``; a span that overlaps an earlier one is left out.

    >>> segments("Xi met Putin.", [(0, 2, "person/xi"), (7, 12, "person/putin")])
    [('Xi', 'person/xi'), (' met ', None), ('Putin', 'person/putin'), ('.', None)]
    """
    pieces: list[tuple[str, str | None]] = []
    at = 0
    for start, end, entity in sorted(spans):
        if start < at or end <= start or end > len(text):
            continue
        if start > at:
            pieces.append((text[at:start], None))
        pieces.append((text[start:end], entity))
        at = end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


def entity_href(key: str) -> str:
    """The page of one of our ids: ``event/X`` is at ``/events/X``, ``article/X`` at ``/articles/X``,
    an entity at ``/entities/KEY``.

    >>> entity_href("event/004_4b31d466614f82fc/meeting-1"), entity_href("person/xi-jinping")
    ('/events/004_4b31d466614f82fc/meeting-1', '/entities/person/xi-jinping')
    """
    for kind in ("event", "article"):
        if key.startswith(kind + "/"):
            return f"/{kind}s/{quote(key.removeprefix(kind + '/'))}"
    return f"/entities/{quote(key)}"


_environment.filters["href"] = entity_href


@cache
def examples() -> list[dict[str, str]]:
    """The example queries of the SPARQL page, from ``api/examples/*.rq`` (first line: ``# Title``)."""
    found = []
    for path in sorted(EXAMPLES.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        title, _, query = text.partition("\n")
        found.append({"name": path.stem, "title": title.lstrip("# ").strip(), "query": query.strip()})
    return found


@cache
def _asset(name: str) -> bytes:
    return (ASSETS / name).read_bytes()


@router.get("/assets/{name}", include_in_schema=False)
async def asset(name: str) -> Response:
    """A stylesheet or script of the pages (only files that ship in ``api/assets``)."""
    suffix = Path(name).suffix
    shipped = {p.name for p in ASSETS.iterdir()}
    if name not in shipped or suffix not in ASSET_TYPES:
        raise NotFound(f"No asset '{name}'.")
    return Response(
        _asset(name),
        media_type=ASSET_TYPES[suffix],
        headers={"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"},
    )
