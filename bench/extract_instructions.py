"""Instructions per document of extraction, counted by valgrind: a figure the machine's load does not move.

Run: ``python bench/extract_instructions.py [--corpus ../shared/corpus/whitehouse.jsonl.gz] [--limit 100]
[--every 10]`` (needs Debian's ``valgrind``; about a minute for 100 documents).

Documents per second on this shared VM move by half from one day to the next for the same code
(``extract_speed.py`` gave 199 and 136 docs/s for one commit on two days), and by as much again
while other work runs beside the bench. The number of machine instructions the interpreter runs
for a document does not: it repeats to within 0.5% under any load, so two commits compare side by
side even on a busy machine. It is no time: cache misses and branch mispredictions are not in it.
To compare commits, run this script from each one (or with ``PYTHONPATH`` set to each checkout).

The script runs itself under ``valgrind --tool=callgrind`` with counting switched off while Python
starts and the extractors load, and on only around the timed steps (``callgrind_control``): the
tokenizer alone, the actor extractor alone, and every extractor plus the RDF mapping, as
``extract_speed.py`` times them.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

CHILD = "KG_BENCH_UNDER_VALGRIND"  # set in the run under valgrind
STEPS = ("tokens (kg.extract.text.scan)", "actors (dipl.actors.v1)", "all extractors + RDF mapping")
DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "whitehouse.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=100, help="documents to count (default: 100)")
    parser.add_argument("--every", type=int, default=10, help="take every n-th document (default: 10)")
    args = parser.parse_args()
    if os.environ.get(CHILD):
        count(args.corpus, args.limit, args.every)
    else:
        supervise(args)


def supervise(args: argparse.Namespace) -> None:
    """Run this script under callgrind and print the instructions of each step per document."""
    if not args.corpus.exists():
        raise SystemExit(f"No corpus at {args.corpus}; pass --corpus PATH.")
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        raise SystemExit("valgrind is not installed: apt-get install valgrind (Debian), then run again.")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        command = [
            "valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
            sys.executable, __file__, "--corpus", str(args.corpus),
            "--limit", str(args.limit), "--every", str(args.every),
        ]  # fmt: skip
        run = subprocess.run(command, env={**os.environ, CHILD: "1"}, capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit(f"The run under valgrind failed:\n{run.stderr[-2000:]}")
        print(run.stdout, end="")
        documents = int(re.search(r"(\d+) documents$", run.stdout, re.M).group(1))  # type: ignore[union-attr]
        parts = sorted(Path(folder).glob("callgrind.out.*"), key=lambda p: int(p.suffix[1:]))
        if len(parts) != len(STEPS):
            raise SystemExit(f"Expected {len(STEPS)} dumps from callgrind, found {len(parts)}.")
        for step, part in zip(STEPS, parts, strict=True):
            instructions = int(re.search(r"^totals: (\d+)", part.read_text(), re.M).group(1))  # type: ignore[union-attr]
            print(f"{step:<34}{documents:>5} docs {instructions / documents / 1e6:>9.2f} M instructions/doc")


def count(corpus: Path, limit: int, every: int) -> None:
    """The steps, each between switching callgrind's counting on and dumping its counts."""
    from kg.extract.base import Doc, document_text
    from kg.extract.text import scan
    from kg.pipeline import Pipeline
    from kg.reader import read_articles
    from kg.settings import Settings

    articles = list(itertools.islice(read_articles(corpus, on_error=lambda e: None), 0, limit * every, every))
    print(f"{corpus.name}: every {every}th document, {len(articles)} documents")
    pipeline = Pipeline(Settings(store="memory", validate_articles=False))
    actors = pipeline.extractors[0]
    for article in articles[:3]:  # first calls fill caches and compile what is compiled lazily
        pipeline.extract(article)

    def counted(step: Callable[[], object]) -> None:
        control("--instr=on")
        step()
        control("--instr=off")
        control("--dump")

    counted(lambda: [scan(document_text(a)) for a in articles])
    counted(lambda: [actors(Doc.of(a)) for a in articles])
    counted(lambda: [pipeline.extract(a) for a in articles])


def control(option: str) -> None:
    subprocess.run(["callgrind_control", option, str(os.getpid())], check=True, capture_output=True)


if __name__ == "__main__":
    main()
