"""The home page: what the store holds, the latest meetings, and a SPARQL box. No external assets."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from api.deps import OntologyDep, StoreDep
from kg.export import store_stats
from kg.store import ARTICLE_GRAPH_BASE

router = APIRouter(tags=["pages"])

MEETINGS_QUERY = """
SELECT ?meeting ?start ?end ?medium (GROUP_CONCAT(DISTINCT ?name; separator=" · ") AS ?people) WHERE {
  ?meeting a dipl:Meeting ; dipl:participant ?p .
  ?p rdfs:label ?name .
  OPTIONAL { ?meeting dipl:dateStart ?start ; dipl:dateEnd ?end }
  OPTIONAL { ?meeting dipl:medium/skos:prefLabel ?medium }
} GROUP BY ?meeting ?start ?end ?medium ORDER BY DESC(?start) LIMIT 20
"""

EXAMPLE_QUERY = """SELECT ?meeting ?date ?medium WHERE {
  ?meeting a dipl:Meeting ; dipl:dateStart ?date .
  OPTIONAL { ?meeting dipl:medium/skos:notation ?medium }
} ORDER BY ?date"""

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Diplomatic-event knowledge graph</title>
<link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font: 15px/1.45 system-ui, sans-serif; max-width: 62rem; margin: 2rem auto; padding: 0 1rem; color: #222 }}
table {{ border-collapse: collapse; width: 100% }} td, th {{ text-align: left; padding: .25rem .5rem;
border-bottom: 1px solid #ddd; vertical-align: top }} textarea {{ width: 100%; font: 13px monospace }}
.counts span {{ display: inline-block; margin-right: 1.2rem }} .counts b {{ font-size: 1.3rem }}
</style></head><body>
<h1>Diplomatic-event knowledge graph</h1>
<p class="counts">{counts}</p>
<h2>Latest meetings</h2>
<table><thead><tr><th>When</th><th>Who</th><th>How</th></tr></thead><tbody>{meetings}</tbody></table>
<h2>SPARQL</h2>
<form id="sparql-form" method="get" action="/sparql">
<textarea name="query" id="query" rows="7">{example}</textarea>
<p><button type="submit">Run query</button> Prefixes such as <code>dipl:</code>, <code>rdfs:</code> and
<code>skos:</code> are predefined. Endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol).</p>
</form>
<div id="results"></div>
<script>
document.getElementById("sparql-form").addEventListener("submit", async (event) => {{
  event.preventDefault();
  const out = document.getElementById("results");
  const url = "/sparql?query=" + encodeURIComponent(document.getElementById("query").value);
  const response = await fetch(url, {{ headers: {{ Accept: "application/sparql-results+json" }} }});
  const data = await response.json();
  out.replaceChildren();
  if (!response.ok) {{ out.textContent = data.detail || data.title; return; }}
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const name of data.head.vars) head.insertCell().textContent = name;
  const body = table.createTBody();
  for (const binding of data.results.bindings) {{
    const row = body.insertRow();
    for (const name of data.head.vars) row.insertCell().textContent = binding[name] ? binding[name].value : "";
  }}
  out.append(table);
}});
</script>
</body></html>"""


def _meetings_rows(store: object, prefixes: dict[str, str]) -> str:
    rows = []
    for row in store.select(MEETINGS_QUERY, prefixes=prefixes):  # type: ignore[attr-defined]
        start, end = str(row.get("start", "")), str(row.get("end", ""))
        when = start if start == end else f"{start} – {end}"
        cells = (when, str(row.get("people", "")), str(row.get("medium", "")))
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    return (
        "".join(rows) or '<tr><td colspan="3">No meetings yet: run <code>kg ingest seeds/</code>.</td></tr>'
    )


@router.get("/", response_class=HTMLResponse, summary="Home page")
async def home(store: StoreDep, ontology: OntologyDep) -> HTMLResponse:
    """The home page: counts, latest meetings and a SPARQL box."""
    figures = await run_in_threadpool(store_stats, store)
    meetings = await run_in_threadpool(_meetings_rows, store, ontology.prefixes)
    shown = ("articles", "meetings", "persons", "countries", "organisations", "triples")
    counts = "".join(f"<span><b>{figures[k]:,}</b> {k}</span>" for k in shown)
    html = PAGE.format(counts=counts, meetings=meetings, example=escape(EXAMPLE_QUERY))
    return HTMLResponse(html)


@router.get("/health", tags=["health"], summary="Liveness and store check")
async def health(store: StoreDep) -> dict[str, object]:
    """Whether the service is up and its store answers (cheaply: no count of the whole store)."""
    articles = await run_in_threadpool(lambda: next(store.graph_names(ARTICLE_GRAPH_BASE), None) is not None)
    return {
        "status": "ok",
        "has_articles": articles,
        "read_only": store.read_only,
        "generation": store.generation,
    }
