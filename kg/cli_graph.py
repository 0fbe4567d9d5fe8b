"""``kg graph ...`` (neighbourhood, path, rank, communities, timeline) and ``kg export graph``.

Thin wrappers over :mod:`kg.graph` and :mod:`kg.graph_view`; each command opens the store read-only,
so they work beside a running ``kg serve``. The helpers of :mod:`kg.cli` are imported when a command
runs, so ``kg.cli`` can import this module at any point.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kg.errors import KGError

if TYPE_CHECKING:  # networkx loads only when a graph command runs, to keep `kg` quick to start
    import networkx as nx

graph_app = typer.Typer(
    help="Ask the graph of entities and events: neighbourhoods, paths, rankings, blocs, timelines.",
    no_args_is_help=True,
)

StoreOption = Annotated[
    str | None,
    typer.Option("--store", help="Store directory (default: $KG_STORE or .kg/store)."),
]
SinceOption = Annotated[
    dt.datetime | None,
    typer.Option("--since", formats=["%Y-%m-%d"], help="Only events ending on or after this date."),
]
UntilOption = Annotated[
    dt.datetime | None,
    typer.Option("--until", formats=["%Y-%m-%d"], help="Only events starting on or before this date."),
]
KindsOption = Annotated[
    str | None,
    typer.Option("--kinds", help="Comma-separated relationship kinds, e.g. met_with,visited (default: all)."),
]
TypesOption = Annotated[
    str | None, typer.Option("--types", help="Comma-separated entity types: Person, Country, Organisation.")
]
FormatOption = Annotated[str, typer.Option("--format", help="table or json.")]


def _day(value: dt.datetime | None) -> dt.date | None:
    return None if value is None else value.date()


@contextmanager
def _projection(store: str | None) -> Iterator[nx.MultiDiGraph]:
    """The projection of the configured store, with library errors turned into a clean exit."""
    from kg.cli import fail, opened, settings_with
    from kg.graph import to_networkx

    with opened(settings_with(store=store), read_only=True) as source:
        try:
            yield to_networkx(source)
        except KGError as error:
            raise fail(str(error), 2) from error


def _emit(data: Any, fmt: str, table: Callable[[Any], list[str]]) -> None:
    from kg.cli import fail

    if fmt == "json":
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif fmt == "table":
        for line in table(data):
            typer.echo(line)
    else:
        raise fail(f"Unknown format '{fmt}'; use table or json.", 2)


def _table(headers: list[str], rows: list[list[Any]]) -> list[str]:
    cells = [[("" if c is None else str(c)).replace("\n", " ")[:60] for c in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return lines


def _kinds(kinds: str | None, default: Any = None) -> frozenset[str]:
    from kg.graph import RELATION_KINDS, parse_kinds

    return parse_kinds(kinds, default=RELATION_KINDS if default is None else default)


# -- commands ---------------------------------------------------------------------------------


@graph_app.command()
def neighbourhood(
    entity: Annotated[str, typer.Argument(help="An entity id, e.g. person/vladimir-putin.")],
    depth: Annotated[int, typer.Option(min=1, max=6, help="Steps out from the entity.")] = 1,
    kinds: KindsOption = None,
    types: TypesOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    max_nodes: Annotated[int | None, typer.Option(min=1, help="Keep the strongest N entities.")] = None,
    fmt: FormatOption = "table",
    store: StoreOption = None,
) -> None:
    """The entities within DEPTH steps of ENTITY and the relationships between them."""
    from kg.graph import neighbourhood as run
    from kg.graph import parse_types, strongest, to_node_link

    with _projection(store) as graph:
        found = run(
            graph,
            entity,
            depth=depth,
            kinds=_kinds(kinds),
            types=parse_types(types),
            since=_day(since),
            until=_day(until),
        )
        data = to_node_link(strongest(found, focus=entity, max_nodes=max_nodes))
    _emit(data, fmt, _neighbourhood_table)


def _neighbourhood_table(data: dict[str, Any]) -> list[str]:
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    lines = _table(
        ["distance", "id", "label", "type"],
        [[n["distance"], n["id"], n["label"], n["type"]] for n in data["nodes"]],
    )
    rows = [
        [labels[e["source"]], e["key"], labels[e["target"]], e["weight"], e.get("first"), e.get("last")]
        for e in data["edges"]
    ]
    return lines + [""] + _table(["from", "relationship", "to", "weight", "first", "last"], rows)


@graph_app.command()
def path(
    source: Annotated[str, typer.Argument(help="The entity to start from.")],
    target: Annotated[str, typer.Argument(help="The entity to reach.")],
    kinds: KindsOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many shortest paths.")] = 5,
    fmt: FormatOption = "table",
    store: StoreOption = None,
) -> None:
    """The shortest paths from SOURCE to TARGET, with the events behind each step."""
    from kg.graph import shortest_paths

    with _projection(store) as graph:
        paths = shortest_paths(
            graph, source, target, kinds=_kinds(kinds), since=_day(since), until=_day(until), limit=limit
        )
    _emit({"source": source, "target": target, "paths": paths}, fmt, _path_lines)


def _path_lines(data: dict[str, Any]) -> list[str]:
    if not data["paths"]:
        return [f"no path from {data['source']} to {data['target']}"]
    lines = []
    for number, steps in enumerate(data["paths"], 1):
        lines.append(f"path {number} ({len(steps)} step{'s' if len(steps) != 1 else ''}):")
        for step in steps:
            lines.append(f"  {step['from']['label']} -> {step['to']['label']}")
            for relation in step["relations"]:
                span = f" {relation['first']} .. {relation['last']}" if relation["first"] else ""
                lines.append(f"    {relation['kind']} ({relation['direction']}) x{relation['weight']}{span}")
                for event in relation["events"]:
                    lines.append(f"      {event['date_start'] or '?':<10}  {event['label']}  [{event['id']}]")
    return lines


@graph_app.command()
def rank(
    measure: Annotated[str, typer.Option(help="degree, betweenness or pagerank.")] = "pagerank",
    kinds: Annotated[
        str | None, typer.Option("--kinds", help="Relationship kinds (default: those from events).")
    ] = None,
    types: TypesOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, typer.Option(min=1, help="How many entities to list.")] = 20,
    fmt: FormatOption = "table",
    store: StoreOption = None,
) -> None:
    """The most central entities over a date range."""
    from kg.graph import EVENT_KINDS, parse_types
    from kg.graph import rank as run

    with _projection(store) as graph:
        rows = run(
            graph,
            measure=measure,
            kinds=_kinds(kinds, EVENT_KINDS),
            types=parse_types(types),
            since=_day(since),
            until=_day(until),
            limit=limit,
        )
    _emit(
        rows,
        fmt,
        lambda data: _table(
            ["rank", "id", "label", "type", measure, "degree", "strength"],
            [
                [i, r["id"], r["label"], r["type"], f"{r['score']:.4g}", r["degree"], r["strength"]]
                for i, r in enumerate(data, 1)
            ],
        ),
    )


@graph_app.command()
def communities(
    method: Annotated[str, typer.Option(help="louvain or greedy (modularity).")] = "louvain",
    kinds: Annotated[
        str | None, typer.Option("--kinds", help="Relationship kinds (default: those from events).")
    ] = None,
    types: TypesOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    resolution: Annotated[float, typer.Option(help="Above 1: smaller blocs; below 1: larger.")] = 1.0,
    seed: Annotated[int, typer.Option(help="Random seed for louvain (same seed, same blocs).")] = 0,
    fmt: FormatOption = "table",
    store: StoreOption = None,
) -> None:
    """Blocs: groups of entities tied more to each other than to the rest."""
    from kg.graph import EVENT_KINDS, parse_types
    from kg.graph import communities as run

    with _projection(store) as graph:
        data = run(
            graph,
            method=method,
            kinds=_kinds(kinds, EVENT_KINDS),
            types=parse_types(types),
            since=_day(since),
            until=_day(until),
            resolution=resolution,
            seed=seed,
        )
    _emit(
        data,
        fmt,
        lambda d: (
            _table(
                ["bloc", "size", "members (strongest first)"],
                [
                    [
                        i,
                        c["size"],
                        ", ".join(m["label"] for m in c["members"][:8]) + (" ..." if c["size"] > 8 else ""),
                    ]
                    for i, c in enumerate(d["communities"], 1)
                ],
            )
            + [
                f"modularity {d['modularity']:.3f}"
                if d["modularity"] is not None
                else "no relationships in range"
            ]
        ),
    )


@graph_app.command()
def timeline(
    a: Annotated[str, typer.Argument(help="One actor (person, country or organisation).")],
    b: Annotated[str, typer.Argument(help="The other actor.")],
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: FormatOption = "table",
    store: StoreOption = None,
) -> None:
    """The contacts between two actors (meetings, calls, statements), oldest first."""
    from kg.graph import timeline as run

    with _projection(store) as graph:
        rows = run(graph, a, b, since=_day(since), until=_day(until))
    _emit(
        rows,
        fmt,
        lambda data: _table(
            ["start", "end", "event", "a", "b", "article"],
            [
                [
                    r["date_start"],
                    r["date_end"],
                    r["label"],
                    ", ".join(m["label"] for m in r["a"]),
                    ", ".join(m["label"] for m in r["b"]),
                    r["article"],
                ]
                for r in data
            ],
        ),
    )


# -- kg export graph --------------------------------------------------------------------------


def export_graph(
    fmt: Annotated[
        str, typer.Option("--format", help="graphml, gexf, json (node-link) or html.")
    ] = "graphml",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to a file (default: stdout).")
    ] = None,
    focus: Annotated[
        str | None, typer.Option(help="Export this entity's neighbourhood (default: everything).")
    ] = None,
    depth: Annotated[int, typer.Option(min=1, max=6, help="Steps out from --focus.")] = 1,
    kinds: KindsOption = None,
    types: TypesOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    max_nodes: Annotated[
        int | None, typer.Option(min=1, help="Keep the strongest N entities (html: 150).")
    ] = None,
    max_edges: Annotated[
        int | None, typer.Option(min=0, help="Keep the strongest N relationships (html: 400).")
    ] = None,
    events: Annotated[
        bool, typer.Option("--events", help="graphml/gexf/json: the whole projection, events and roles too.")
    ] = False,
    link_base: Annotated[
        str, typer.Option(help="html: a click on a node opens LINK_BASE + its id.")
    ] = "/entities/",
    store: StoreOption = None,
) -> None:
    """Export the graph for Gephi (GraphML, GEXF), as node-link JSON, or as a self-contained HTML page."""
    from kg.cli import _write, fail, settings_with
    from kg.graph import export_graph as serialise
    from kg.graph import in_range, neighbourhood, parse_types, strongest, whole
    from kg.graph_view import view
    from kg.ontology import load_ontology

    chosen, allowed, start, end = _kinds(kinds), None, _day(since), _day(until)
    with _projection(store) as graph:
        allowed = parse_types(types)
        if fmt == "html":
            data = view(
                graph,
                ontology=load_ontology(settings_with().ontology_dir),
                focus=focus,
                depth=depth,
                kinds=chosen,
                types=allowed,
                since=start,
                until=end,
                max_nodes=max_nodes or 150,
                max_edges=max_edges or 400,
                link_base=link_base,
            ).encode("utf-8")
        elif events:
            if focus or kinds or types or max_nodes or max_edges:
                raise fail("--events exports the whole projection; only --since/--until apply to it.", 2)
            data = serialise(in_range(graph, since=start, until=end), fmt)
        else:
            found = (
                neighbourhood(graph, focus, depth=depth, kinds=chosen, types=allowed, since=start, until=end)
                if focus
                else whole(graph, kinds=chosen, types=allowed, since=start, until=end)
            )
            data = serialise(strongest(found, focus=focus, max_nodes=max_nodes, max_edges=max_edges), fmt)
    _write(data, output)
