"""Load test of the REST look-ups: `kg serve` over the White House corpus, hit by a concurrent client.

Builds a store from ``whitehouse.jsonl.gz`` (or reuses one with ``--reuse``), starts ``kg serve`` on
a free loopback port, and picks look-up targets across the whole store: ``--entities`` entities drawn
at random from every entity an article mentions (plus the 25 mentioned most, the heaviest look-ups),
a word of each one's name, and ``--events`` events drawn at random from all events. The mix is

    /entities?q=WORD   /entities/{id}   /entities/{id}/relations   /events?participant|country|organisation=ID
    /events/{id}

from ``--connections`` concurrent clients. The server's look-up indexes are built at start-up (the
time it takes is printed; ``/health`` says ``indexed``). Then a cold pass asks every distinct URL
once, in random order: what a first visitor waits for, every answer computed, nothing cached. Then
the warm run draws from the same URLs at random, bounded by ``--seconds`` and ``--requests``: look-ups
repeat, and the service answers repeats from a cache emptied by the next write. Prints look-ups per
second and p50/p99 latency of both, by kind, and the server's memory; ``--index-memory`` also builds
the indexes in this process to measure what they hold. Last, two runaway SPARQL queries (a triple
cross product, minutes of work) occupy both query workers until the deadline (``--query-timeout``)
stops them, while two clients ask 1,000 of the look-ups: their latency is printed.

    .venv/bin/python bench/rest_load.py                      # build the store (about 4 min), then load
    .venv/bin/python bench/rest_load.py --reuse              # reuse the store built last time
    .venv/bin/python bench/rest_load.py --limit 1000         # a quicker run on the first 1,000 articles

Target (issue 5): at least 500 look-ups/s with p99 under 100 ms on a 2-core machine.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote

import httpx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.lookup import PREFIXES  # noqa: E402
from kg.mapping import iri, key_of  # noqa: E402
from kg.pipeline import Pipeline  # noqa: E402
from kg.reader import read_articles  # noqa: E402
from kg.settings import Settings  # noqa: E402
from kg.store import Store  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "whitehouse.jsonl.gz"
DEFAULT_STORE = Path(tempfile.gettempdir()) / "kg-bench-rest" / "store"

MENTIONED = """
SELECT ?entity (COUNT(DISTINCT ?article) AS ?n) WHERE {
  ?article dipl:mentions ?entity .
} GROUP BY ?entity ORDER BY DESC(?n)
"""
EVENTS = """
SELECT DISTINCT ?event WHERE {
  ?event a ?class . VALUES ?class { dipl:Meeting dipl:Statement dipl:Agreement dipl:OtherEvent }
}
"""
LABEL = "SELECT ?e ?label WHERE { ?e rdfs:label ?label }"
#: The event-list filter that takes each kind of entity.
FILTER_OF = {"person": "participant", "country": "country", "org": "organisation"}


def build(store_dir: Path, corpus: Path, limit: int | None) -> None:
    """Ingest the corpus (without the SHACL check, as for any bulk load), then compact the store."""
    if store_dir.exists():
        shutil.rmtree(store_dir)
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    settings = Settings(store=str(store_dir), validate_articles=False)
    articles = itertools.islice(read_articles(corpus), limit)
    with Store(store_dir) as store:
        report = Pipeline(settings).ingest(store, articles, on_error=lambda error, origin: None)
    # One transaction an article leaves RocksDB with gigabytes of write-ahead log and many small
    # tables; compacting once makes every later look-up about twice as fast.
    compacted = ox.Store(str(store_dir))
    compacted.optimize()
    compacted.flush()
    del compacted
    print(
        f"built {store_dir}: {report.articles:,} articles, {report.triples:,} triples, "
        f"{len(report.skipped)} skipped, {time.perf_counter() - started:.0f} s"
    )


def targets(store_dir: Path, seed: int, *, entities: int, events: int) -> dict[str, list[str]]:
    """The URLs of the mix, by kind, drawn across what the store holds."""
    rng = random.Random(seed)
    with Store(store_dir, read_only=True) as store:
        mentioned = [key_of(r["entity"]) for r in store.select(MENTIONED, prefixes=PREFIXES)]
        picked = list(dict.fromkeys(mentioned[:25] + rng.sample(mentioned, min(entities, len(mentioned)))))
        labels = {}
        for key in picked:
            rows = store.select(LABEL, bindings={"e": iri(key)}, prefixes=PREFIXES)
            if rows:
                labels[key] = min(str(row["label"]) for row in rows)
        all_events = [key_of(r["event"]) for r in store.select(EVENTS, prefixes=PREFIXES)]
    picked = [key for key in picked if key in labels]
    words = {max(labels[key].split(), key=len) for key in picked if labels[key].split()}
    return {
        "search": [f"/entities?q={quote(word)}" for word in sorted(words)],
        "entity": [f"/entities/{quote(k)}" for k in picked],
        "relations": [f"/entities/{quote(k)}/relations" for k in picked],
        "events": [f"/events?{FILTER_OF.get(k.split('/')[0], 'participant')}={quote(k)}" for k in picked],
        "event": [
            f"/events/{quote(k.removeprefix('event/'))}"
            for k in rng.sample(all_events, min(events, len(all_events)))
        ],
    }


def index_memory(store_dir: Path) -> None:
    """Build the look-up indexes in this process and print what they hold (tracemalloc)."""
    import gc
    import tracemalloc

    from kg.event_index import EventIndex
    from kg.lookup import SearchIndex

    with Store(store_dir, read_only=True) as store:
        for name, build in (("event index", EventIndex.build), ("name index", SearchIndex.build)):
            started = time.perf_counter()
            build(store)
            seconds = time.perf_counter() - started
            gc.collect()
            tracemalloc.start()
            index = build(store)
            gc.collect()
            held, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            sizes = index.size() if isinstance(index, EventIndex) else {"names": len(index.names)}
            print(
                f"{name}: built in {seconds:.2f} s; holds {held / 1e6:.1f} MB "
                f"(peak while building {peak / 1e6:.1f} MB); {sizes}"
            )
            del index


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """`kg serve` on a free loopback port, its output in a temporary file."""

    def __init__(self, store_dir: Path, *, query_timeout: float = 30.0):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile("w+")
        env = {
            **os.environ,
            "KG_STORE": str(store_dir),
            "KG_LOG_LEVEL": "WARNING",
            "KG_QUERY_TIMEOUT": str(query_timeout),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--port", str(self.port)],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )

    def wait(self, timeout: float = 120, *, indexed: bool = False) -> None:
        """Wait until /health answers (and, with ``indexed``, says the look-up indexes are built)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                raise SystemExit(f"kg serve exited with {self.process.returncode}:\n{self.log.read()}")
            try:
                response = httpx.get(self.url + "/health", timeout=2)
                if response.status_code == 200 and (not indexed or response.json().get("indexed")):
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise SystemExit(f"kg serve did not answer within {timeout:.0f} s")

    def rss_mb(self) -> float:
        """The resident memory of the server process (not its query workers), in MB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


class RawClient:
    """A minimal HTTP/1.1 keep-alive client on one connection: GET, read ``Content-Length`` bytes.

    httpx spends about 1.5 ms of CPU a request; on a 2-core machine that shares its cores with the
    server, the client would be what is measured. This one spends a few tens of microseconds.
    """

    def __init__(self, base: str):
        self.host, self.port = base.removeprefix("http://").split(":")
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, url: str, headers: dict[str, str]) -> RawResponse:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, int(self.port))
        assert self.reader is not None
        lines = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.writer.write(f"GET {url} HTTP/1.1\r\nHost: {self.host}\r\n{lines}\r\n".encode())
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        fields = dict(line.lower().split(": ", 1) for line in head[1:] if ": " in line)
        body = await self.reader.readexactly(int(fields.get("content-length", "0")))
        return RawResponse(int(head[0].split()[1]), body)

    async def aclose(self) -> None:
        if self.writer is not None:
            self.writer.close()


class RawResponse(NamedTuple):
    status_code: int
    content: bytes


async def fire(
    base: str, urls: list[str], *, connections: int, seconds: float, requests: int, client: str = "httpx"
) -> dict:
    """Ask for ``urls`` in order (cycling) from ``connections`` clients until time or count runs out."""
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {}
    failures: list[str] = []
    feed = itertools.cycle(urls) if len(urls) < requests else iter(urls)
    sent = 0
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)

    async def worker(client: Any) -> None:
        nonlocal sent
        while sent < requests and time.perf_counter() < deadline:
            try:
                url = next(feed)
            except StopIteration:
                return
            sent += 1
            started = time.perf_counter()
            response = await client.get(url, headers={"accept": "application/json"})
            elapsed = time.perf_counter() - started
            if response.status_code != 200:
                failures.append(f"{response.status_code} {url}")
                continue
            latencies.append(elapsed)
            by_kind.setdefault(kind_of(url), []).append(elapsed)

    started = time.perf_counter()
    if client == "raw":
        clients = [RawClient(base) for _ in range(connections)]
        await asyncio.gather(*(worker(c) for c in clients))
        for each in clients:
            await each.aclose()
    else:
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as shared:
            await asyncio.gather(*(worker(shared) for _ in range(connections)))
    wall = time.perf_counter() - started
    return {"latencies": latencies, "by_kind": by_kind, "failures": failures, "wall": wall}


def kind_of(url: str) -> str:
    if url.startswith("/events?"):
        return "events?participant|country|org="
    if url.startswith("/events/"):
        return "events/{id}"
    if url.startswith("/entities?"):
        return "entities?q="
    relations = url.endswith("/relations") and url.count("/") == 4  # the entity person/relations is 3
    return "entities/{id}/relations" if relations else "entities/{id}"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")


def report(name: str, result: dict) -> None:
    latencies = result["latencies"]
    rate = len(latencies) / result["wall"] if result["wall"] else 0.0
    print(
        f"{name}: {len(latencies):,} look-ups in {result['wall']:.1f} s = {rate:,.0f}/s; "
        f"p50 {percentile(latencies, 0.5) * 1000:.1f} ms, p99 {percentile(latencies, 0.99) * 1000:.1f} ms, "
        f"max {max(latencies, default=0) * 1000:.0f} ms; {len(result['failures'])} failed"
    )
    for kind, values in sorted(result["by_kind"].items()):
        print(
            f"    {kind:<26} {len(values):>7,}  p50 {statistics.median(values) * 1000:6.1f} ms  "
            f"p99 {percentile(values, 0.99) * 1000:7.1f} ms"
        )
    for failure in result["failures"][:5]:
        print(f"    failed: {failure}")


RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


async def during_runaway(base: str, urls: list[str], *, connections: int, client: str) -> None:
    """Look-ups (each URL once) while two runaway SPARQL queries occupy both query workers until
    the deadline stops them: the look-ups must not wait for them."""
    async with httpx.AsyncClient(base_url=base, timeout=600) as runner:
        started = time.perf_counter()
        runaways = [asyncio.create_task(runner.get("/sparql", params={"query": RUNAWAY})) for _ in range(2)]
        await asyncio.sleep(0.5)
        result = await fire(
            base, urls, connections=connections, seconds=600, requests=len(urls), client=client
        )
        still_running = sum(not task.done() for task in runaways)
        answers = await asyncio.gather(*runaways)
        seconds = time.perf_counter() - started
    report(f"during two runaway queries ({still_running} still running at the end)", result)
    statuses = sorted({f"{a.status_code} {a.json().get('type', '').rsplit('/', 1)[-1]}" for a in answers})
    print(f"    the runaways: {', '.join(statuses)} after {seconds:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--store", type=Path, default=DEFAULT_STORE, help=f"store directory ({DEFAULT_STORE})"
    )
    parser.add_argument("--reuse", action="store_true", help="reuse the store if it exists")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="ingest only the first N articles")
    parser.add_argument("--entities", type=int, default=800, help="entities drawn across the store")
    parser.add_argument("--events", type=int, default=800, help="events drawn across the store")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the warm run")
    parser.add_argument("--requests", type=int, default=20_000, help="most requests in the warm run")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument(
        "--client", choices=("httpx", "raw"), default="raw", help="a minimal keep-alive client, or httpx"
    )
    parser.add_argument("--index-memory", action="store_true", help="measure the indexes in-process")
    parser.add_argument(
        "--query-timeout", type=float, default=15.0, help="the server's KG_QUERY_TIMEOUT, for the runaways"
    )
    args = parser.parse_args()

    if not (args.reuse and (args.store / "CURRENT").exists()):
        build(args.store, args.corpus, args.limit)
    if args.index_memory:
        index_memory(args.store)
    mix = targets(args.store, args.seed, entities=args.entities, events=args.events)
    urls = [url for group in mix.values() for url in group]
    print(f"{len(urls):,} distinct look-ups: " + ", ".join(f"{len(v)} {k}" for k, v in mix.items()))
    server = Server(args.store, query_timeout=args.query_timeout)
    try:
        server.wait()
        started = time.perf_counter()
        server.wait(indexed=True)
        print(
            f"server up; look-up indexes built {time.perf_counter() - started:.1f} s after /health "
            f"first answered; server RSS {server.rss_mb():.0f} MB"
        )
        rng = random.Random(args.seed)
        cold = list(urls)
        rng.shuffle(cold)
        first = fire(
            server.url,
            cold,
            connections=args.connections,
            seconds=600,
            requests=len(cold),
            client=args.client,
        )
        report(f"cold (each URL once, {args.client} client)", asyncio.run(first))
        warm = [rng.choice(urls) for _ in range(args.requests)]
        result = asyncio.run(
            fire(
                server.url,
                warm,
                connections=args.connections,
                seconds=args.seconds,
                requests=args.requests,
                client=args.client,
            )
        )
        report(f"warm (random repeats, {args.client} client)", result)
        sample = rng.sample(urls, min(1000, len(urls)))
        asyncio.run(during_runaway(server.url, sample, connections=2, client=args.client))
        print(f"server RSS after the runs: {server.rss_mb():.0f} MB")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
