"""Seeded random draw of the second held-out gold set (tests/gold/holdout2.json).

Run from the repository root:

    python tests/gold/draw_holdout2.py

It reads the corpus in /work/shared/corpus/ (or ../shared/corpus/), excludes every id of
tests/gold/dev.json (as it was when this set was drawn: the later dev2 batch, DEV2_IDS of
draw_dev2.py, is not excluded) and tests/gold/holdout.json, and prints the drawn documents, stratum by
stratum. The draw is fixed by SEED: each stratum's pool is sorted by id and shuffled with
random.Random(f"{SEED}-{stratum}"); the first k candidates that pass the filters are taken.

Filters (all strata): text of at most 6,000 characters and at least MIN_LEN characters (a
lower minimum for the short AG News and ABC items), and not garbled. For the Australian PM
texts (OCR before about 1997) "garbled" is measured, not judged: the share of alphabetic tokens
that are not in a vocabulary built from the clean (2000 and later) Australian PM texts must be
at most GARBLE_MAX. (The other sources are born-digital; the same measure is high for them only
because of their own vocabulary, 'mln', 'dlrs', names, so it is not applied to them.) REJECT lists
candidates skipped by hand after reading (with the reason); it is empty unless a text turned out
unreadable in a way the measure missed.

No candidate is skipped for having no meeting or no diplomatic content: documents with no
meeting are kept as they come.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

SEED = 20261123
MAX_LEN = 6000
MIN_LEN = 300
MIN_LEN_SHORT = 100  # AG News snippets and ABC items are short by nature
GARBLE_MAX = 0.05

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CANDIDATES = [REPO.parent / "shared" / "corpus", Path("/work/shared/corpus")]

# Candidates skipped by hand after reading, with the reason (kept so the run is repeatable).
REJECT: dict[str, str] = {}

WH_READOUT = re.compile(r"^readout\b", re.I)
WH_STATEMENT = re.compile(r"^(joint statement|statement|remarks)\b", re.I)
RT_GOV = re.compile(r"\b(minister|president|prime minister|secretary of state|government)\b", re.I)


def corpus_dir() -> Path:
    for c in CANDIDATES:
        if c.is_dir():
            return c
    sys.exit("corpus not found")


def docs(stem: str) -> list[dict]:
    with gzip.open(corpus_dir() / f"{stem}.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def year(d: dict) -> int | None:
    p = d.get("published")
    return int(p[:4]) if p else None


# (stratum, source, k, predicate on the document)
# The corpus has no "Readout ..." title in 2026; a stratum whose pool is empty falls back to
# FALLBACK[stratum] (for wh-2026-readout: any 2026 title that is not a statement or remarks).
STRATA = []
for y in range(2021, 2027):
    STRATA.append(
        (
            f"wh-{y}-readout",
            "whitehouse",
            1,
            lambda d, y=y: year(d) == y and WH_READOUT.search(d["title"] or ""),
        )
    )
    STRATA.append(
        (
            f"wh-{y}-statement",
            "whitehouse",
            1,
            lambda d, y=y: year(d) == y and WH_STATEMENT.search(d["title"] or ""),
        )
    )
for name, lo, hi, k in [
    ("au-1980s", 1983, 1989, 2),
    ("au-1990s", 1990, 1999, 3),
    ("au-2000s", 2000, 2009, 3),
    ("au-2010s", 2010, 2018, 2),
]:
    STRATA.append((name, "au_pm_transcripts", k, lambda d, lo=lo, hi=hi: year(d) and lo <= year(d) <= hi))
FALLBACK = {
    "wh-2026-readout": lambda d: year(d) == 2026 and not WH_STATEMENT.search(d["title"] or ""),
}
STRATA += [
    ("rt-government", "reuters21578", 3, lambda d: RT_GOV.search(d["title"] + "\n" + d["text"])),
    ("rt-any", "reuters21578", 3, lambda d: True),
    ("bbc-politics", "news_mixed", 3, lambda d: d["id"].startswith("bbc-politics-")),
    ("bbc-business", "news_mixed", 2, lambda d: d["id"].startswith("bbc-business-")),
    ("other-recent-web", "news_mixed", 1, lambda d: d["id"].startswith("news-")),
    ("other-agnews-world", "news_mixed", 1, lambda d: d["id"].startswith("agnews-")),
    ("other-abc", "news_mixed", 1, lambda d: d["id"].startswith("lee-")),
]

WORD = re.compile(r"[A-Za-z]+")


def vocabulary(au: list[dict]) -> set[str]:
    c = Counter()
    for d in au:
        if year(d) and year(d) >= 2000:
            c.update(w.lower() for w in WORD.findall(d["text"]))
    return {w for w, n in c.items() if n >= 3}


def garble(text: str, vocab: set[str]) -> float:
    words = [w.lower() for w in WORD.findall(text)]
    if not words:
        return 1.0
    return sum(1 for w in words if w not in vocab) / len(words)


def draw(seed, exclude: set[str]) -> list[tuple[str, dict, float]]:
    """The seeded stratified draw: (stratum, document, garble score) for every document taken.

    Shared with draw_dev2.py, which calls it with another seed and a larger exclusion set."""
    cache: dict[str, list[dict]] = {}
    for stem in {s for _, s, _, _ in STRATA}:
        cache[stem] = docs(stem)
    vocab = vocabulary(cache["au_pm_transcripts"])
    taken: set[str] = set()
    out: list[tuple[str, dict, float]] = []
    for name, stem, k, pred in STRATA:
        short = name in ("other-agnews-world", "other-abc")
        pool = [
            d
            for d in cache[stem]
            if d["id"] not in exclude
            and d["id"] not in taken
            and (MIN_LEN_SHORT if short else MIN_LEN) <= len(d["text"]) <= MAX_LEN
            and pred(d)
        ]
        if not pool and name in FALLBACK:
            pool = [
                d
                for d in cache[stem]
                if d["id"] not in exclude
                and d["id"] not in taken
                and MIN_LEN <= len(d["text"]) <= MAX_LEN
                and FALLBACK[name](d)
            ]
        pool.sort(key=lambda d: d["id"])
        random.Random(f"{seed}-{name}").shuffle(pool)
        n = 0
        for d in pool:
            if n == k:
                break
            g = garble(d["text"], vocab)
            if stem == "au_pm_transcripts" and g > GARBLE_MAX:
                continue
            if d["id"] in REJECT:
                continue
            taken.add(d["id"])
            n += 1
            out.append((name, d, g))
    return out


def excluded_ids(*files: str) -> set[str]:
    """Every id of the given gold files (names relative to tests/gold/)."""
    return {g["id"] for f in files for g in json.loads((HERE / f).read_text())}


def show(rows: list[tuple[str, dict, float]]) -> None:
    for name, d, g in rows:
        title = (d["title"] or "")[:70]
        print(f"{name}\t{d['id']}\t{d.get('published')}\t{len(d['text'])}\t{g:.3f}\t{title}")
    print(f"# {len(rows)} documents", file=sys.stderr)


def main() -> int:
    # dev.json has grown since this draw (the "dev2" and "dev3" batches of draw_dev2.py and draw_dev3.py).
    # Those later ids were not excluded when holdout2.json was drawn, and excluding them would change the
    # pools and so the shuffle, so they are left out of the exclusion to keep the draw repeatable.
    from draw_dev2 import DEV2_IDS
    from draw_dev3 import DEV3_IDS

    show(draw(SEED, excluded_ids("dev.json", "holdout.json") - set(DEV2_IDS) - set(DEV3_IDS)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
