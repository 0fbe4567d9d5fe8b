"""The ``kg`` command: thin wrappers over library functions; defaults come from :class:`Settings`."""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import pyoxigraph as ox
import typer

from kg.cli_graph import export_graph, graph_app
from kg.errors import ArticleError, KGError, ShapeViolation
from kg.settings import Settings, get_settings

app = typer.Typer(
    help="Diplomatic-event knowledge graph: ingest articles, query, export and serve.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
BULK_LOAD = 1000  # articles: after an ingest this large, compact the store on disk (see Store.compact)

export_app = typer.Typer(help="Export the store: RDF, entities, and the graph (GraphML, GEXF, JSON, HTML).")
ontology_app = typer.Typer(help="Work with the ontology (ontology/*.ttl).")
app.add_typer(export_app, name="export")
app.add_typer(ontology_app, name="ontology")
app.add_typer(graph_app, name="graph")
export_app.command("graph")(export_graph)

StoreOption = Annotated[
    str | None,
    typer.Option("--store", help="Store directory, or 'memory' (default: $KG_STORE or .kg/store)."),
]
logger = logging.getLogger("kg")


def configure_logging(level: str) -> None:
    """Log to stderr at ``level``; only the CLI and the app factory call this."""
    logging.basicConfig(level=level.upper(), format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def settings_with(**overrides: Any) -> Settings:
    """The process settings with command-line options laid over them (``None`` means not given)."""
    given = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**given) if given else get_settings()


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print an error to stderr and return the exit to raise."""
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code)


@contextmanager
def opened(settings: Settings, *, read_only: bool) -> Iterator[Any]:
    """Open the configured store, turning store errors into a clean exit."""
    from kg.store import Store

    if read_only and settings.in_memory:
        raise fail("A 'memory' store is empty in a new process; use a store directory (--store DIR).", 2)
    try:
        store = Store.open(settings.store, read_only=read_only)
    except KGError as error:
        raise fail(str(error), 2) from error
    try:
        yield store
    finally:
        store.close()


# -- ingest ----------------------------------------------------------------------------------


class _Progress:
    """A one-line progress report on stderr for long runs (after 2 s, when stderr is a terminal)."""

    def __init__(self) -> None:
        self.count = 0
        self.started = self.shown = time.perf_counter()
        self.enabled = sys.stderr.isatty()

    def __call__(self, _article: object) -> None:
        self.count += 1
        now = time.perf_counter()
        if self.enabled and now - self.started > 2 and now - self.shown > 0.25:
            rate = self.count / (now - self.started)
            sys.stderr.write(f"\r  {self.count:,} articles  {rate:,.0f}/s ")
            self.shown = now

    def done(self) -> None:
        if self.enabled and self.count and time.perf_counter() - self.started > 2:
            sys.stderr.write("\n")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .json, .jsonl[.gz]) or folders.")],
    store: StoreOption = None,
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Skip the SHACL check.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Read articles, extract events and entities, and store each article in its own graph."""
    from kg.pipeline import IngestReport, Pipeline
    from kg.reader import read_articles

    settings = settings_with(store=store, validate_articles=False if no_validate else None)
    configure_logging(settings.log_level)
    report = IngestReport()

    def skipped(error: ArticleError) -> None:
        logger.warning("skipped %s", error)
        report.skipped.append((error.origin, error.reason))

    def failed(error: KGError, origin: str) -> None:
        logger.warning("skipped %s: %s", origin, error)

    progress = _Progress()
    with opened(settings, read_only=False) as target:
        articles = read_articles(*paths, on_error=skipped)
        Pipeline(settings).ingest(target, articles, on_error=failed, report=report, progress=progress)
        if report.articles >= BULK_LOAD:
            target.compact()
        total = len(target)
    progress.done()
    _print_report(report, total, as_json)
    if report.skipped:
        raise typer.Exit(1)


def _print_report(report: Any, total: int, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps({**report.as_dict(), "store_triples": total}, indent=2))
        return
    typer.echo(
        f"ingested {report.articles} articles: {report.triples:,} triples, {report.entities} entities, "
        f"{report.events} events; skipped {len(report.skipped)}; {report.seconds:.2f} s "
        f"(store holds {total:,} triples)"
    )
    for origin, reason in report.skipped:
        typer.secho(f"  skipped {origin}: {reason}", fg=typer.colors.YELLOW, err=True)


# -- query -----------------------------------------------------------------------------------

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "xml": ox.QueryResultsFormat.XML,
}


@app.command()
def query(
    sparql: Annotated[str | None, typer.Argument(help="A SPARQL 1.1 query.")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the query from a file.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json, csv, tsv or xml.")] = "table",
    store: StoreOption = None,
) -> None:
    """Run a SPARQL query over the whole store (triple patterns match every graph)."""
    from kg.ontology import load_ontology

    if (sparql is None) == (file is None):
        raise fail("Give a query, or --file F (not both).", 2)
    if fmt not in {"table", *RESULT_FORMATS}:
        raise fail(f"Unknown format '{fmt}'; use table, json, csv, tsv or xml.", 2)
    text = sparql if sparql is not None else file.read_text(encoding="utf-8")  # type: ignore[union-attr]
    settings = settings_with(store=store)
    prefixes = load_ontology(settings.ontology_dir).prefixes
    with opened(settings, read_only=True) as source:
        try:
            result = source.query(text, prefixes=prefixes)
        except KGError as error:
            raise fail(str(error), 2) from error
        _print_result(result, fmt)


def _print_result(result: Any, fmt: str) -> None:
    if isinstance(result, ox.QueryBoolean):
        typer.echo("true" if bool(result) else "false")
    elif isinstance(result, ox.QueryTriples):
        sys.stdout.buffer.write(result.serialize(format=ox.RdfFormat.TURTLE))
    elif fmt == "table":
        _print_table(result)
    else:
        sys.stdout.buffer.write(result.serialize(format=RESULT_FORMATS[fmt]))
        if fmt == "json":
            typer.echo("")


def _print_table(solutions: ox.QuerySolutions) -> None:
    names = [v.value for v in solutions.variables]
    rows = [[_cell(row[name]) for name in names] for row in solutions]
    widths = [max([len(n), *(len(r[i]) for r in rows)]) for i, n in enumerate(names)]
    typer.echo("  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)))
    typer.echo("  ".join("-" * w for w in widths))
    for row in rows:
        typer.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    typer.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


def _cell(term: Any) -> str:
    if term is None:
        return ""
    value = term.value if hasattr(term, "value") else str(term)
    return value.replace("\n", " ")[:80]


# -- export, stats, validate -----------------------------------------------------------------


@export_app.command("rdf")
def export_rdf(
    fmt: Annotated[
        str, typer.Option("--format", help="turtle, nquads, trig, ntriples, jsonld or rdfxml.")
    ] = "nquads",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to a file (default: stdout).")
    ] = None,
    article: Annotated[str | None, typer.Option("--article", help="Export one article's graph.")] = None,
    store: StoreOption = None,
) -> None:
    """Export the whole store (every graph) or one article as RDF."""
    from kg.export import export_rdf as run_export
    from kg.ontology import load_ontology

    settings = settings_with(store=store)
    prefixes = load_ontology(settings.ontology_dir).prefixes
    with opened(settings, read_only=True) as source:
        try:
            data = run_export(source, fmt=fmt, prefixes=prefixes, article_id=article)
        except KGError as error:
            raise fail(str(error), 2) from error
    _write(data, output)


TableFormat = Annotated[str, typer.Option("--format", help="csv or json.")]
OutputOption = Annotated[
    Path | None, typer.Option("-o", "--output", help="Write to a file (default: stdout).")
]


@export_app.command("entities")
def export_entities(fmt: TableFormat = "csv", output: OutputOption = None, store: StoreOption = None) -> None:
    """Export every entity the articles mention: id, label, type, aliases, Wikidata id, articles."""
    from kg.export import ENTITY_COLUMNS, entity_rows

    _export_table(entity_rows, ENTITY_COLUMNS, fmt=fmt, output=output, store=store)


@export_app.command("events")
def export_events(fmt: TableFormat = "csv", output: OutputOption = None, store: StoreOption = None) -> None:
    """Export every event: kind, PLOVER category, CAMEO code, medium, format, dates, place, status,
    participants, their countries, organisation, topics and source articles."""
    from kg.export import EVENT_COLUMNS, event_rows

    _export_table(event_rows, EVENT_COLUMNS, fmt=fmt, output=output, store=store)


def _export_table(
    rows: Callable[[Any], list[dict[str, str]]],
    columns: tuple[str, ...],
    *,
    fmt: str,
    output: Path | None,
    store: str | None,
) -> None:
    from kg.export import export_table

    settings = settings_with(store=store)
    with opened(settings, read_only=True) as source:
        try:
            data = export_table(rows(source), columns, fmt=fmt)
        except KGError as error:
            raise fail(str(error), 2) from error
    _write(data, output)


def _write(data: bytes, output: Path | None) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
        typer.echo(f"wrote {len(data):,} bytes to {output}", err=True)


@app.command()
def stats(
    store: StoreOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Count what the store holds: triples, articles, entities, events by kind."""
    from kg.export import store_stats

    settings = settings_with(store=store)
    with opened(settings, read_only=True) as source:
        figures = store_stats(source)
    if as_json:
        typer.echo(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            typer.echo(f"{key:>18}  {value:,}" if isinstance(value, int) else f"{key:>18}  {value}")


@app.command()
def validate(
    file: Annotated[Path | None, typer.Argument(help="A Turtle file to check instead of the store.")] = None,
    store: StoreOption = None,
) -> None:
    """Check article graphs against ontology/shapes.ttl (exit 0 conforms, 1 violations, 2 error)."""
    from rdflib import Graph

    from kg.ontology import load_ontology
    from kg.store import ARTICLE_GRAPH_BASE

    settings = settings_with(store=store)
    try:
        ontology = load_ontology(settings.ontology_dir)
        graphs: list[tuple[str, Graph]] = []
        if file is not None:
            graphs.append((str(file), Graph().parse(file)))
        else:
            with opened(settings, read_only=True) as source:
                graphs = [(str(n), source.graph(n)) for n in source.graph_names(ARTICLE_GRAPH_BASE)]
    except (KGError, OSError, SyntaxError) as error:
        raise fail(str(error), 2) from error
    violations = 0
    for name, graph in graphs:
        try:
            ontology.validate(graph)
        except ShapeViolation as error:
            violations += 1
            typer.echo(f"{name}: {error}")
            for result in error.results:
                typer.echo(f"  {result['focus']} {result['path']}: {result['message']}")
    typer.echo(f"{len(graphs) - violations} of {len(graphs)} graph(s) conform")
    raise typer.Exit(1 if violations else 0)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="A gold file in the form of ANNOTATION.md.")],
    corpus: Annotated[
        Path | None, typer.Option(help="Corpus directory of JSON Lines files (default: $KG_CORPUS_DIR).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print scores and errors as JSON.")] = False,
    details: Annotated[
        bool, typer.Option("--details", help="List missed and invented items per article.")
    ] = False,
) -> None:
    """Score the extractors against gold annotations: precision, recall and F1 per type."""
    from kg.evaluate import evaluate as run_evaluate
    from kg.pipeline import Pipeline

    settings = settings_with(corpus_dir=corpus, validate_articles=False)
    configure_logging("WARNING")
    pipeline = Pipeline(settings)
    try:
        report = run_evaluate(
            gold,
            extract=lambda article: pipeline.extract(article)[0],
            seeds_dir=settings.seeds_dir,
            corpus_dir=settings.corpus_dir,
        )
    except KGError as error:
        raise fail(str(error), 2) from error
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
        return
    typer.echo(
        f"{report.articles} articles scored"
        + (f"; not found: {', '.join(report.missing)}" if report.missing else "")
    )
    typer.echo(report.table())
    if details:
        for error in report.errors:  # entity, meeting and statement errors, each with its own keys
            parts = [f"{key} {value}" for key, value in error.items() if key != "article"]
            typer.echo(f"{error['article']}: " + "; ".join(parts))


# -- serve, settings, ontology -----------------------------------------------------------------


@app.command()
def serve(
    store: StoreOption = None,
    host: Annotated[str | None, typer.Option(help="Interface to listen on (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on (default 8000).")] = None,
) -> None:
    """Serve the store over HTTP: SPARQL at /sparql, health at /health, pages at /."""
    import uvicorn

    from api.app import create_app

    settings = settings_with(store=store, host=host, port=port)
    configure_logging(settings.log_level)
    application = create_app(settings)
    typer.echo(
        f"Serving {settings.store} at http://{settings.host}:{settings.port}/ (Ctrl+C to stop)", err=True
    )
    uvicorn.run(application, host=settings.host, port=settings.port, log_level=settings.log_level.lower())


@app.command("settings")
def show_settings() -> None:
    """Print every setting, its value and the environment variable that sets it."""
    settings = get_settings()
    for name, info in Settings.model_fields.items():
        value = "(set)" if name == "write_token" and settings.write_token else getattr(settings, name)
        typer.echo(f"KG_{name.upper():<18} {value!s:<40} {info.description}")


@ontology_app.command("codegen")
def ontology_codegen(
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if kg/vocab.py is out of date.")] = False,
) -> None:
    """Regenerate kg/vocab.py (the closed namespace of ontology terms) from ontology/*.ttl."""
    from kg.ontology import Ontology, generate_vocab

    settings = get_settings()
    source = generate_vocab(Ontology(settings.ontology_dir))
    target = Path(__file__).with_name("vocab.py")
    if check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != source:
            raise fail("kg/vocab.py is out of date; run `kg ontology codegen`.", 1)
        typer.echo("kg/vocab.py is up to date")
        return
    target.write_text(source, encoding="utf-8")
    typer.echo(f"wrote {target}")


def main() -> None:
    """Entry point of the ``kg`` console script."""
    app()
