// The SPARQL page: run the editor's query with fetch and draw the results as a table.
// Every value goes into the page as text (textContent), never as HTML: results hold article text.
"use strict";

const ID_BASE = "https://w3id.org/dipkg/id/";

// The page of one of our IRIs, or null: events, articles and entities each have their own route.
function pageOf(iri) {
  if (!iri.startsWith(ID_BASE)) return null;
  const key = iri.slice(ID_BASE.length);
  for (const kind of ["event", "article"]) {
    if (key.startsWith(kind + "/")) return "/" + kind + "s/" + key.slice(kind.length + 1);
  }
  return "/entities/" + key;
}

function cell(row, term) {
  const td = row.insertCell();
  if (!term) return;
  const href = term.type === "uri" ? pageOf(term.value) : null;
  if (href) {
    const link = document.createElement("a");
    link.setAttribute("href", href);
    link.textContent = term.value;
    td.append(link);
  } else {
    td.textContent = term.value;
  }
}

function drawTable(data, out) {
  const table = document.createElement("table");
  table.id = "results-table";
  const head = table.createTHead().insertRow();
  for (const name of data.head.vars) {
    const th = document.createElement("th");
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const binding of data.results.bindings) {
    const row = body.insertRow();
    for (const name of data.head.vars) cell(row, binding[name]);
  }
  out.append(table);
}

async function run(event) {
  event.preventDefault();
  const out = document.getElementById("results");
  const error = document.getElementById("error");
  const status = document.getElementById("status");
  out.replaceChildren();
  error.textContent = "";
  status.textContent = "Running…";
  const started = performance.now();
  let response;
  try {
    response = await fetch("/sparql", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Accept: "application/sparql-results+json, text/turtle;q=0.9",
      },
      body: new URLSearchParams({ query: document.getElementById("query").value }),
    });
  } catch (failure) {
    status.textContent = "";
    error.textContent = "The service did not answer: " + failure;
    return;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const type = response.headers.get("Content-Type") || "";
  if (!response.ok) {
    status.textContent = "";
    const problem = type.includes("json") ? await response.json() : { title: await response.text() };
    error.textContent = response.status + " " + (problem.title || "") + ": " + (problem.detail || "");
    return;
  }
  if (type.startsWith("application/sparql-results+json")) {
    const data = await response.json();
    if ("boolean" in data) {
      out.textContent = data.boolean ? "Yes (true)" : "No (false)";
      status.textContent = "Answered in " + seconds + " s.";
      return;
    }
    drawTable(data, out);
    status.textContent = data.results.bindings.length + " rows in " + seconds + " s.";
    return;
  }
  const pre = document.createElement("pre");
  pre.textContent = await response.text();
  out.append(pre);
  status.textContent = "A graph, in " + seconds + " s.";
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("sparql-form").addEventListener("submit", run);
  for (const button of document.querySelectorAll(".examples button")) {
    button.addEventListener("click", () => {
      document.getElementById("query").value = button.dataset.query;
    });
  }
});
