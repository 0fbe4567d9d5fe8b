"""Media types the service speaks, and content negotiation over an ``Accept`` header.

Each table maps the media type the service answers with to the other names clients ask for it
by (SPARQLWrapper, for one, asks for ``application/turtle`` and ``application/json``). The first
entry of a table is what a client gets when it accepts anything.

>>> negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULTS)
'application/sparql-results+xml'
>>> negotiate("text/html", RESULTS) is None
True
>>> negotiate(None, GRAPHS)
'text/turtle'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

RESULTS: dict[str, Sequence[str]] = {
    "application/sparql-results+json": ("application/json",),
    "application/sparql-results+xml": ("application/xml", "text/xml"),
    "text/csv": (),
    "text/tab-separated-values": (),
}
BOOLEAN: dict[str, Sequence[str]] = {
    "application/sparql-results+json": ("application/json",),
    "application/sparql-results+xml": ("application/xml", "text/xml"),
}
GRAPHS: dict[str, Sequence[str]] = {
    "text/turtle": ("application/turtle", "application/x-turtle"),
    "application/n-triples": ("text/plain",),
    "application/rdf+xml": (),
    "application/ld+json": ("application/x-json+ld",),
}
#: Dataset formats, for a whole-store GET at ``/store``.
DATASETS: dict[str, Sequence[str]] = {"application/n-quads": ("text/x-nquads",), "application/trig": ()}

#: The names :data:`kg.store.RDF_FORMATS` gives the formats above.
FORMAT_NAMES = {
    "text/turtle": "turtle",
    "application/n-triples": "ntriples",
    "application/rdf+xml": "rdfxml",
    "application/ld+json": "jsonld",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}


def media_type(header: str | None) -> tuple[str, dict[str, str]]:
    """The media type of a ``Content-Type`` header, lower case, and its parameters."""
    kind, *params = (header or "").split(";")
    pairs = (p.split("=", 1) for p in params if "=" in p)
    return kind.strip().lower(), {k.strip().lower(): v.strip().strip('"') for k, v in pairs}


def canonical(name: str, table: Mapping[str, Sequence[str]]) -> str | None:
    """The media type of a table that ``name`` names (itself or an alias)."""
    return next((offer for offer, aliases in table.items() if name == offer or name in aliases), None)


def _ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        name, params = media_type(part)
        try:
            quality = float(params.get("q", "1"))
        except ValueError:
            quality = 0.0
        if name:
            ranges.append((name, quality))
    return ranges


def _quality(names: Sequence[str], ranges: list[tuple[str, float]]) -> float:
    """The quality the most specific matching range gives any of ``names``; 0 when none matches."""
    best: tuple[int, float] = (-1, 0.0)
    for name in names:
        kind = name.split("/")[0]
        for pattern, quality in ranges:
            specificity = (
                2 if pattern == name else 1 if pattern == f"{kind}/*" else 0 if pattern == "*/*" else -1
            )
            if specificity > best[0]:
                best = (specificity, quality)
    return best[1]


def negotiate(accept: str | None, table: Mapping[str, Sequence[str]]) -> str | None:
    """The media type of ``table`` the ``Accept`` header prefers (q-values honoured, the table's order
    breaking ties), the table's first without a header, ``None`` when it accepts none of them."""
    ranges = _ranges(accept or "")
    if not ranges:
        return next(iter(table))
    best, best_quality = None, 0.0
    for offer, aliases in table.items():
        quality = _quality((offer, *aliases), ranges)
        if quality > best_quality:
            best, best_quality = offer, quality
    return best
