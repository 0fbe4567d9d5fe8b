"""Helper for the development gold set (tests/gold/dev.json).

Selects and prints corpus documents, and checks the gold file against the corpus.
The corpus is read from ../shared/corpus/ (relative to the repository root) and is
never copied into the repository.

    python tests/gold/pick.py list SOURCE [REGEX] [--max-len N] [--year YYYY] [--n N]
    python tests/gold/pick.py show ID [ID ...]
    python tests/gold/pick.py check [tests/gold/dev.json]
    python tests/gold/pick.py check tests/gold/holdout.json      (any gold file, by path)
    python tests/gold/pick.py check tests/gold/holdout2.json

SOURCE is a corpus file stem: whitehouse, au_pm_transcripts, reuters21578,
news_mixed, headlines_2022.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CANDIDATES = [REPO.parent / "shared" / "corpus", Path("/work/shared/corpus")]
SOURCES = ["whitehouse", "au_pm_transcripts", "reuters21578", "news_mixed", "headlines_2022"]
TYPES = {"Person", "Country", "Organisation"}
MEDIA = {"phone", "video", "in_person", "unspecified"}
FORMATS = {"bilateral", "trilateral", "multilateral"}
STATUSES = {"occurred", "planned"}
STANCES = {"support", "criticize", "concern", "agree", "reject", "commit", "praise"}


def corpus_dir() -> Path:
    for c in CANDIDATES:
        if c.is_dir():
            return c
    sys.exit("corpus not found in ../shared/corpus/")


def iter_source(stem: str):
    with gzip.open(corpus_dir() / f"{stem}.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            yield stem, json.loads(line)


def iter_all():
    for stem in SOURCES:
        yield from iter_source(stem)


def source_of(doc_id: str) -> str:
    if doc_id.startswith("wh-"):
        return "whitehouse"
    if doc_id.startswith("aupm-"):
        return "au_pm_transcripts"
    if doc_id.startswith("reuters21578-"):
        return "reuters21578"
    if doc_id.startswith("hl2022-"):
        return "headlines_2022"
    return "news_mixed"


def load_ids(ids) -> dict:
    want = set(ids)
    found = {}
    stems = {source_of(i) for i in want}
    for stem in SOURCES:
        if stem not in stems:
            continue
        for _, d in iter_source(stem):
            if d["id"] in want:
                found[d["id"]] = d
    missing = want - set(found)
    if missing:  # fall back to a full scan in case an id prefix is unusual
        for _, d in iter_all():
            if d["id"] in missing:
                found[d["id"]] = d
    return found


def cmd_list(a):
    rx = re.compile(a.regex, re.I) if a.regex else None
    n = 0
    for _, d in iter_source(a.source):
        text = d.get("text") or ""
        if a.max_len and len(text) > a.max_len:
            continue
        if a.min_len and len(text) < a.min_len:
            continue
        if a.year and not (d.get("published") or "").startswith(a.year):
            continue
        if a.src and a.src.lower() not in (d.get("source") or "").lower():
            continue
        hay = (d.get("title") or "") + ("\n" + text if a.in_text else "")
        if rx and not rx.search(hay):
            continue
        print(f"{d['id']}\t{d.get('published')}\t{len(text)}\t{(d.get('title') or '')[:110]}")
        n += 1
        if n >= a.n:
            break


def cmd_show(a):
    docs = load_ids(a.ids)
    for i in a.ids:
        d = docs.get(i)
        if not d:
            print(f"### {i}: NOT FOUND")
            continue
        print(f"### {d['id']} | {d.get('published')} | {d.get('source')} | {len(d['text'])} chars")
        print(f"TITLE: {d.get('title')}")
        print(d["text"])
        print()


def iso(s) -> bool:
    try:
        dt.date.fromisoformat(s)
        return True
    except (TypeError, ValueError):
        return False


def cmd_check(a):
    path = Path(a.path)
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(gold, list), "gold must be a JSON list"
    docs = load_ids([g["id"] for g in gold])
    errors: list[str] = []
    warnings: list[str] = []
    seen = set()
    per_source = Counter()
    ent_types = Counter()
    n_meet = n_stat = 0
    title_only = implied_n = 0
    media = Counter()
    formats = Counter()
    statuses = Counter()
    for g in gold:
        gid = g.get("id")
        err = lambda m, gid=gid: errors.append(f"{gid}: {m}")  # noqa: E731
        warn = lambda m, gid=gid: warnings.append(f"{gid}: {m}")  # noqa: E731
        if set(g) != {"id", "published", "entities", "meetings", "statements", "notes"}:
            err(f"keys {sorted(g)}")
        if gid in seen:
            err("duplicate id")
        seen.add(gid)
        d = docs.get(gid)
        if d is None:
            err("id not in corpus")
            continue
        per_source[source_of(gid)] += 1
        text = d["text"]
        if g.get("published") != d.get("published"):
            err(f"published {g.get('published')} != corpus {d.get('published')}")
        labels = {}
        implied = set()
        for e in g["entities"]:
            if e.get("type") not in TYPES:
                err(f"entity type {e.get('type')!r}")
            if e["label"] in labels:
                err(f"duplicate entity label {e['label']}")
            labels[e["label"]] = e["type"]
            ent_types[e["type"]] += 1
            if not e.get("aliases"):
                implied.add(e["label"])
            for al in e.get("aliases", []):
                if al in text:
                    continue
                if al in (d.get("title") or ""):
                    title_only += 1
                else:
                    err(f"alias {al!r} of {e['label']} not in text or title")
        for m in g["meetings"]:
            n_meet += 1
            media[m.get("medium")] += 1
            formats[m.get("format")] += 1
            statuses[m.get("status")] += 1
            if m.get("medium") not in MEDIA:
                err(f"medium {m.get('medium')}")
            if m.get("format") not in FORMATS:
                err(f"format {m.get('format')}")
            if m.get("status") not in STATUSES:
                err(f"status {m.get('status')}")
            if not m.get("participants"):
                err("meeting without participants")
            if not m.get("countries"):
                err("meeting without countries")
            for p in m.get("participants", []):
                if labels.get(p) != "Person":
                    err(f"participant {p} not a Person entity")
            for c in m.get("countries", []):
                if labels.get(c) != "Country":
                    err(f"meeting country {c} not a Country entity")
            org = m.get("organisation")
            if org is not None and labels.get(org) != "Organisation":
                err(f"meeting organisation {org} not an Organisation entity")
            date = m.get("date")
            win = m.get("date_window")
            if date is not None and not iso(date):
                err(f"date {date}")
            if not (isinstance(win, list) and len(win) == 2 and all(iso(x) for x in win)):
                err(f"date_window {win}")
            else:
                if win[0] > win[1]:
                    err(f"date_window start > end {win}")
                if date and not (win[0] <= date <= win[1]):
                    err(f"date {date} outside window {win}")
                if date and win[0] != win[1]:
                    warn(f"date given but window is a span {win} (multi-day event)")
            nparts = len(m.get("participants", []))
            fmt = m.get("format")
            if fmt == "bilateral" and nparts > 2:
                warn(f"bilateral with {nparts} participants")
            if fmt == "trilateral" and nparts != 3:
                warn(f"trilateral with {nparts} participants")
            ev = m.get("evidence") or ""
            if not ev or ev not in text:
                err(f"meeting evidence not a substring: {ev!r}")
            if not isinstance(m.get("topics"), list):
                err("topics not a list")
        used = {x for m in g["meetings"] for x in m.get("participants", []) + m.get("countries", [])}
        used |= {s.get("speaker") for s in g["statements"]}
        for lab in sorted(implied):
            if lab in used:
                implied_n += 1
            else:
                err(f"entity {lab} has no aliases and is not a meeting participant/country or speaker")
        if len(g["statements"]) > 6:
            err("more than 6 statements")
        for s in g["statements"]:
            n_stat += 1
            if s.get("stance") not in STANCES:
                err(f"stance {s.get('stance')}")
            if s.get("speaker") not in labels:
                err(f"speaker {s.get('speaker')} not an entity")
            t = s.get("target")
            if t is not None and t not in labels:
                err(f"statement target {t} is not an entity label")
            ev = s.get("evidence") or ""
            if not ev or ev not in text:
                err(f"statement evidence not a substring: {ev!r}")
    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"documents: {len(gold)}  {dict(per_source)}")
    print(f"entities: {sum(ent_types.values())}  {dict(ent_types)}")
    print(f"meetings: {n_meet}  media {dict(media)}  format {dict(formats)}  status {dict(statuses)}")
    print(f"statements: {n_stat}")
    print(f"aliases found only in the title: {title_only}")
    print(f"entities with no surface form (implied): {implied_n}")
    print(f"docs with no meeting: {sum(1 for g in gold if not g['meetings'])}")
    years = Counter((g.get("published") or "null")[:4] for g in gold)
    print(f"years: {dict(sorted(years.items()))}")
    print("OK" if not errors else f"{len(errors)} ERRORS")
    return 1 if errors else 0


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    pl = sub.add_parser("list")
    pl.add_argument("source", choices=SOURCES)
    pl.add_argument("regex", nargs="?")
    pl.add_argument("--in-text", action="store_true", help="match the regex in the text too")
    pl.add_argument("--max-len", type=int, default=6000)
    pl.add_argument("--min-len", type=int, default=0)
    pl.add_argument("--year")
    pl.add_argument("--src", help="substring of the source field")
    pl.add_argument("--n", type=int, default=40)
    ps = sub.add_parser("show")
    ps.add_argument("ids", nargs="+")
    pc = sub.add_parser("check")
    pc.add_argument("path", nargs="?", default=str(HERE / "dev.json"))
    a = p.parse_args(argv)
    if a.cmd == "list":
        cmd_list(a)
    elif a.cmd == "show":
        cmd_show(a)
    else:
        return cmd_check(a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
