"""Extraction speed and memory over the White House corpus: actors alone, and the whole pipeline.

Run: ``python bench/extract_speed.py [--corpus ../shared/corpus/whitehouse.jsonl.gz] [--limit N]``.
Prints documents per second on one core (reading excluded; by the wall clock and by CPU time,
which a busy shared machine disturbs less), peak memory, and resident memory every
1,000 documents, which should stay flat. Targets (issues 3 and 4): actors >= 300 docs/s; the full
extraction >= 200 docs/s with flat memory over 10,000 documents.
"""

from __future__ import annotations

import argparse
import itertools
import os
import time
from pathlib import Path

from kg.extract.base import Doc, document_text
from kg.extract.text import scan
from kg.pipeline import Pipeline
from kg.reader import Article, read_articles
from kg.settings import PROJECT_ROOT, Settings

DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus" / "whitehouse.jsonl.gz"


def memory_mb(field: str) -> float:
    """A field of /proc/self/status (VmRSS, VmHWM) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run(name: str, articles: list[Article], step) -> None:  # noqa: ANN001 - a callable on one article
    samples = []
    started, cpu_started = time.perf_counter(), time.process_time()
    for n, article in enumerate(articles, 1):
        step(article)
        if n % 1000 == 0:
            samples.append(f"{memory_mb('VmRSS'):.0f}")
    seconds = time.perf_counter() - started
    rate, cpu_rate = len(articles) / seconds, len(articles) / (time.process_time() - cpu_started)
    # CPU time as well: on a shared machine the wall clock counts other people's work.
    print(
        f"{name:<34}{len(articles):>7} docs {seconds:>8.2f} s {rate:>8.0f} docs/s {cpu_rate:>8.0f} docs/s CPU"
    )
    print(f"{'':<34}RSS every 1,000 docs (MB): {' '.join(samples) or '-'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="documents to read (default: all)")
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"No corpus at {args.corpus}; pass --corpus PATH.")
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    started = time.perf_counter()
    articles = list(itertools.islice(read_articles(args.corpus, on_error=lambda e: None), args.limit))
    chars = sum(len(a.text) for a in articles)
    print(f"{args.corpus.name}: {len(articles):,} documents, {chars / len(articles):,.0f} chars on average,")
    print(
        f"read in {time.perf_counter() - started:.2f} s (not counted below); one core; RSS {memory_mb('VmRSS'):.0f} MB\n"
    )
    pipeline = Pipeline(Settings(store="memory", validate_articles=False))
    actors = pipeline.extractors[0]

    def actors_only(article: Article) -> None:
        actors(Doc.of(article))

    def tokens_only(article: Article) -> None:
        scan(document_text(article))

    run("tokens (kg.extract.text.scan)", articles, tokens_only)
    run("actors (dipl.actors.v1)", articles, actors_only)
    run("all extractors + RDF mapping", articles, pipeline.extract)
    print(f"\npeak RSS (VmHWM): {memory_mb('VmHWM'):.0f} MB, of which the articles held in memory are part")


if __name__ == "__main__":
    main()
