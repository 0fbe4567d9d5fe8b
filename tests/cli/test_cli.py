"""The `kg` command as a user runs it: ingest, query, export, stats and validate over a store on disk."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.settings import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"
runner = CliRunner()

MEETINGS = """
SELECT ?start ?end ?medium WHERE {
  ?m a dipl:Meeting ; dipl:status dipl:Occurred ; dipl:dateStart ?start ; dipl:dateEnd ?end ;
     dipl:participant <https://w3id.org/dipkg/id/person/xi-jinping>,
                      <https://w3id.org/dipkg/id/person/vladimir-putin> ;
     dipl:medium/skos:notation ?medium .
} ORDER BY ?start
"""


def kg(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture
def store(tmp_path: Path) -> str:
    return str(tmp_path / "store")


def test_cli_ingest_seeds_then_query_the_xi_putin_calls(store: str):
    code, out = kg("ingest", str(SEEDS), "--store", store)
    assert code == 0, out
    assert "ingested 2 articles" in out
    code, out = kg("query", MEETINGS, "--store", store, "--format", "json")
    assert code == 0, out
    rows = [{k: v["value"] for k, v in b.items()} for b in json.loads(out)["results"]["bindings"]]
    video = [r for r in rows if r["medium"] == "video"]
    assert {"start": "2021-12-15", "end": "2021-12-15", "medium": "video"} in video
    late_december = [r for r in video if r["start"].startswith("2022-12")]
    assert late_december and all(
        "2022-12-22" <= r["start"] <= r["end"] <= "2022-12-31" for r in late_december
    )


def test_cli_ingesting_twice_leaves_the_triple_count_unchanged(store: str):
    kg("ingest", str(SEEDS), "--store", store)
    _, first = kg("stats", "--store", store, "--json")
    kg("ingest", str(SEEDS), "--store", store)
    _, second = kg("stats", "--store", store, "--json")
    assert json.loads(first)["triples"] == json.loads(second)["triples"] > 0


def test_cli_a_bad_file_is_named_skipped_and_the_good_ones_stored(store: str, tmp_path: Path):
    batch = tmp_path / "batch"
    shutil.copytree(SEEDS, batch, ignore=shutil.ignore_patterns("reference"))
    (batch / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    code, out = kg("ingest", str(batch), "--store", store)
    assert code == 1
    assert "broken.txt" in out and "ingested 2 articles" in out
    _, stats = kg("stats", "--store", store, "--json")
    assert json.loads(stats)["article_graphs"] == 2


def test_cli_validate_exit_codes(store: str, tmp_path: Path):
    kg("ingest", str(SEEDS), "--store", store)
    code, out = kg("validate", "--store", store)
    assert code == 0, out
    assert "2 of 2 graph(s) conform" in out
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix dipl: <https://w3id.org/dipkg/ontology#> .\n<http://x/a> a dipl:Article .\n")
    assert kg("validate", str(bad))[0] == 1
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle {")
    assert kg("validate", str(garbage))[0] == 2


@pytest.mark.parametrize("fmt", ["nquads", "trig", "jsonld", "turtle", "ntriples", "rdfxml"])
def test_cli_export_rdf_parses_back_to_the_same_triples(store: str, tmp_path: Path, fmt: str):
    import pyoxigraph as ox

    from kg.store import RDF_FORMATS

    kg("ingest", str(SEEDS), "--store", store)
    out = tmp_path / f"export.{fmt}"
    code, message = kg("export", "rdf", "--format", fmt, "-o", str(out), "--store", store)
    assert code == 0, message
    parsed = list(ox.parse(path=str(out), format=RDF_FORMATS[fmt]))
    _, stats = kg("stats", "--store", store, "--json")
    total = json.loads(stats)["triples"]
    if fmt in {"nquads", "trig", "jsonld"}:
        assert len(parsed) == total
    else:  # merged into one graph: triples that occur in several graphs count once
        assert 0.5 * total < len(parsed) <= total


def test_cli_export_one_article_and_a_missing_one(store: str):
    kg("ingest", str(SEEDS), "--store", store)
    code, out = kg(
        "export", "rdf", "--format", "turtle", "--article", "004_4b31d466614f82fc", "--store", store
    )
    assert code == 0 and "dipl:Meeting" in out
    code, out = kg("export", "rdf", "--article", "nope", "--store", store)
    assert code == 2 and "No article 'nope'" in out


def test_cli_query_errors_are_clear(store: str):
    kg("ingest", str(SEEDS), "--store", store)
    code, out = kg("query", "SELECT WHERE {", "--store", store)
    assert code == 2 and "error" in out
    code, out = kg(
        "query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--store", str(Path(store).parent / "none")
    )
    assert code == 2 and "kg ingest" in out


def test_cli_table_output_and_store_from_environment(store: str, monkeypatch: pytest.MonkeyPatch):
    from kg.settings import get_settings

    monkeypatch.setenv("KG_STORE", store)
    get_settings.cache_clear()
    try:
        assert kg("ingest", str(SEEDS))[0] == 0
        code, out = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a a dipl:Article }")
    finally:
        get_settings.cache_clear()
    assert code == 0 and out.splitlines()[0].strip() == "n" and "(1 row)" in out


def test_cli_runs_as_python_dash_m():
    result = subprocess.run(
        [sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "ingest" in result.stdout


def test_cli_export_entities_csv_has_the_columns_and_one_row_per_entity(store: str):
    import csv
    import io

    kg("ingest", str(SEEDS), "--store", store)
    code, out = kg("export", "entities", "--format", "csv", "--store", store)
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["entity_id", "label", "type", "aliases", "wikidata", "articles"]
    by_id = {row["entity_id"]: row for row in rows}
    assert len(by_id) == len(rows)
    xi = by_id["person/xi-jinping"]
    assert (xi["label"], xi["type"], xi["wikidata"]) == ("Xi Jinping", "Person", "Q15031")
    assert xi["articles"] == "000_288c75888d6de7ff; 004_4b31d466614f82fc"
    assert "Xi" in xi["aliases"].split("; ")
    assert by_id["person/li-haidong"]["type"] == "Person" and by_id["person/li-haidong"]["wikidata"] == ""
    assert {row["type"] for row in rows} == {"Person", "Country", "Organisation"}


def test_cli_export_events_csv_has_the_issue_columns_and_the_seed_meetings(store: str):
    import csv
    import io

    kg("ingest", str(SEEDS), "--store", store)
    code, out = kg("export", "events", "--format", "csv", "--store", store)
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == [
        "event_id", "kind", "category", "cameo", "medium", "format", "date", "date_start", "date_end",
        "location", "status", "participants", "countries", "organisation", "topics", "articles",
    ]  # fmt: skip
    assert len({row["event_id"] for row in rows}) == len(rows)
    assert {row["kind"] for row in rows} <= {"meeting", "statement", "agreement", "other"}
    meetings = {
        (r["articles"][:3], r["medium"], r["date"] or r["date_start"]): r
        for r in rows
        if r["kind"] == "meeting"
    }
    call = meetings[("004", "video", "2021-12-15")]  # the virtual meeting of 15 December 2021
    assert (call["participants"], call["countries"]) == ("Vladimir Putin; Xi Jinping", "China; Russia")
    assert (call["category"], call["cameo"], call["format"], call["status"]) == (
        "CONSULT",
        "040",
        "bilateral",
        "occurred",
    )
    medvedev = meetings[("000", "in_person", "2022-12-21")]
    assert (medvedev["participants"], medvedev["location"]) == ("Dmitry Medvedev; Xi Jinping", "Beijing")
    planned = [r for r in rows if r["kind"] == "meeting" and r["status"] == "planned"]
    assert [(r["category"], r["cameo"]) for r in planned] == [("AGREE", "036")]
    code, out = kg("export", "events", "--format", "json", "--store", store)
    assert code == 0 and [r["event_id"] for r in json.loads(out)] == [r["event_id"] for r in rows]


def test_cli_evaluate_prints_precision_recall_f1_per_type():
    code, out = kg("evaluate", str(PROJECT_ROOT / "tests" / "data" / "gold_small.json"), "--json")
    assert code == 0, out
    scores = json.loads(out)["scores"]
    assert scores["Person"] == {
        "gold": 4,
        "predicted": 3,
        "matched": 3,
        "precision": 1.0,
        "recall": 0.75,
        "f1": 0.8571,
    }
    assert scores["Country"]["recall"] == 1.0
    assert scores["Organisation"]["matched"] == 2 and scores["Organisation"]["predicted"] > 2
    code, out = kg("evaluate", str(PROJECT_ROOT / "tests" / "data" / "gold_small.json"))
    assert code == 0 and "F1" in out.splitlines()[1]
