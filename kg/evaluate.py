"""Scoring against gold annotations (``../shared/eval/ANNOTATION.md``): precision, recall and F1.

A gold file is a JSON list with one object per article (``id``, ``published``, ``entities``,
``meetings``, ``statements``). The articles are found by id among the seeds, in JSON Lines files
beside the gold file, or in the corpus directory. The extractors run on each article in memory;
nothing is stored.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import BadRequest
from kg.extract.base import Doc, EntityRecord
from kg.reader import Article, read_articles

logger = logging.getLogger(__name__)

ENTITY_TYPES = ("Person", "Country", "Organisation")


@dataclass
class Score:
    """Counts for one row of the table, and the measures derived from them."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched

    def as_dict(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Report:
    """Scores per row (entity types and 'all entities'), and the errors per article."""

    rows: dict[str, Score] = field(default_factory=dict)
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    articles: int = 0
    missing: list[str] = field(default_factory=list)

    def row(self, name: str) -> Score:
        return self.rows.setdefault(name, Score())

    def accuracy(self, name: str) -> Accuracy:
        return self.accuracies.setdefault(name, Accuracy())

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "missing": self.missing,
            "scores": {name: score.as_dict() for name, score in self.rows.items()},
            "accuracy (matched meetings)": {
                name: {"correct": a.correct, "total": a.total, "rate": round(a.rate, 4)}
                for name, a in self.accuracies.items()
            },
            "errors": self.errors,
        }

    def table(self) -> str:
        """The scores as a plain-text table."""
        header = f"{'':<24}{'gold':>7}{'pred':>7}{'match':>7}{'P':>8}{'R':>8}{'F1':>8}"
        lines = [header, "-" * len(header)]
        for name, s in self.rows.items():
            lines.append(
                f"{name:<24}{s.gold:>7}{s.predicted:>7}{s.matched:>7}"
                f"{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
            )
        if self.accuracies:
            lines += ["", f"{'on matched meetings':<24}{'correct':>9}{'total':>7}{'rate':>7}"]
            for name, a in self.accuracies.items():
                lines.append(f"  {name:<22}{a.correct:>9}{a.total:>7}{a.rate:>7.3f}")
        return "\n".join(lines)


def fold(text: str) -> str:
    """A name folded for comparison: NFKC, typographic marks made plain, case and 'the' dropped."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").casefold().strip()
    text = text.removeprefix("the ")
    text = text.removesuffix("'s")
    return " ".join(text.replace(".", "").split())


def load_gold(path: Path) -> list[dict[str, Any]]:
    """A gold file's articles.

    Raises:
        BadRequest: the file is not a JSON list of objects with ids.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BadRequest(f"Cannot read gold file {path}: {error}") from error
    if not isinstance(data, list) or not all(isinstance(d, dict) and d.get("id") for d in data):
        raise BadRequest(f"{path}: a gold file is a JSON list of objects with an 'id' (see ANNOTATION.md).")
    return data


def find_articles(ids: Iterable[str], sources: Iterable[Path]) -> Iterator[Article]:
    """The articles with the given ids, read from the sources in order until all are found."""
    wanted = set(ids)
    for source in sources:
        if not wanted or not source.exists():
            continue
        for article in read_articles(source, on_error=lambda error: None):
            if article.id in wanted:
                wanted.discard(article.id)
                yield article
                if not wanted:
                    return


def article_sources(gold_path: Path, *, seeds_dir: Path, corpus_dir: Path | None) -> list[Path]:
    """Where a gold file's articles may be: the seeds, JSON Lines beside the gold, the corpus."""
    beside = sorted(p for p in gold_path.parent.glob("*.jsonl*") if p != gold_path)
    sources = [seeds_dir, *beside]
    if corpus_dir is not None:
        sources += sorted(corpus_dir.glob("*.jsonl.gz"))
    return sources


def match_entities(gold: list[dict[str, Any]], predicted: list[EntityRecord]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) of entities that name the same thing.

    Two entities match when their types agree and a folded name of one is a folded name of the
    other (labels and aliases both count).
    """
    gold_names = [{fold(g["label"]), *(fold(a) for a in g.get("aliases", []))} for g in gold]
    pred_names = [{fold(p.label), *(fold(a) for a in p.aliases)} for p in predicted]
    pairs, used = [], set()
    for strict in (True, False):  # labels first, then any shared name
        for gi, g in enumerate(gold):
            if any(gi == pair[0] for pair in pairs):
                continue
            for pi, p in enumerate(predicted):
                if pi in used or p.type != g.get("type"):
                    continue
                same = fold(g["label"]) == fold(p.label) if strict else bool(gold_names[gi] & pred_names[pi])
                if same:
                    pairs.append((gi, pi))
                    used.add(pi)
                    break
    return pairs


def score_entities(report: Report, article_id: str, gold: list[dict[str, Any]], doc: Doc) -> dict[str, str]:
    """Add one article's entity counts and errors to the report; return entity keys -> gold labels."""
    predicted = [e for e in doc.entities if e.type in ENTITY_TYPES]
    pairs = match_entities(gold, predicted)
    for entity_type in ENTITY_TYPES:
        row = report.row(entity_type)
        row.gold += sum(1 for g in gold if g.get("type") == entity_type)
        row.predicted += sum(1 for p in predicted if p.type == entity_type)
        row.matched += sum(1 for gi, _ in pairs if gold[gi].get("type") == entity_type)
    matched_gold, matched_pred = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    missed = [f"{g['type']}:{g['label']}" for i, g in enumerate(gold) if i not in matched_gold]
    extra = [f"{p.type}:{p.label}" for i, p in enumerate(predicted) if i not in matched_pred]
    if missed or extra:
        report.errors.append({"article": article_id, "missed": missed, "invented": extra})
    names = {p.key: p.label for p in doc.entities}
    names.update({predicted[pi].key: gold[gi]["label"] for gi, pi in pairs})
    return names


@dataclass
class Accuracy:
    """How often an attribute of matched items is right."""

    total: int = 0
    correct: int = 0

    @property
    def rate(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += ok


def _window(item: dict[str, Any]) -> tuple[str, str] | None:
    window = item.get("date_window")
    if window and len(window) == 2 and window[0] and window[1]:
        return str(window[0]), str(window[1])
    return (item["date"], item["date"]) if item.get("date") else None


def _overlaps(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


def predicted_meetings(doc: Doc, names: dict[str, str]) -> list[dict[str, Any]]:
    """The meetings of a doc in the gold form, participants named as the gold names them."""
    found = []
    for event in doc.events:
        if event.kind != "meeting":
            continue
        window = (
            (event.date_start.isoformat(), event.date_end.isoformat())
            if event.date_start and event.date_end
            else None
        )
        found.append(
            {
                "participants": sorted({names.get(p, p) for p in event.participants}),
                "medium": event.medium or "unspecified",
                "date": event.date.isoformat() if event.date else None,
                "date_window": list(window) if window else None,
                "location": event.place,
                "status": event.status,
                "organisation": names.get(event.organisation or "", event.organisation),
            }
        )
    return found


def _best_pairs(candidates: list[tuple[Any, ...]]) -> list[tuple[int, int]]:
    """One-to-one (gold, predicted) pairs from ranked candidates ``(*rank, gi, pi)``, best first."""
    pairs, used_gold, used_pred = [], set(), set()
    for *_, gi, pi in sorted(candidates, reverse=True):
        if gi not in used_gold and pi not in used_pred:
            pairs.append((gi, pi))
            used_gold.add(gi)
            used_pred.add(pi)
    return pairs


def match_meetings(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs of meetings that share a participant and whose dates can agree, best first:
    the most people in common, then the same organisation ("the East Asia Summit" rather than the
    visit before it), then the right date, then the order of the text."""
    candidates = []
    for gi, g in enumerate(gold):
        people = {fold(p) for p in g.get("participants", [])}
        for pi, p in enumerate(predicted):
            shared = people & {fold(x) for x in p["participants"]}
            if shared and _overlaps(_window(g), _window(p)) and g.get("status", "occurred") == p["status"]:
                union = people | {fold(x) for x in p["participants"]}
                same_body = fold(g.get("organisation") or "") == fold(p.get("organisation") or "")
                rank = (len(shared) / len(union), same_body, _date_correct(g, p))
                candidates.append((*rank, -gi, -pi, gi, pi))
    return _best_pairs(candidates)


def _date_correct(gold: dict[str, Any], predicted: dict[str, Any]) -> bool:
    """A known day must be that day; a window must lie inside the gold window (a day of slack)."""
    if gold.get("date"):
        return predicted.get("date") == gold["date"]
    window, ours = _window(gold), _window(predicted)
    if window is None:
        return ours is None
    if ours is None:
        return False
    low = (dt.date.fromisoformat(window[0]) - dt.timedelta(days=1)).isoformat()
    high = (dt.date.fromisoformat(window[1]) + dt.timedelta(days=1)).isoformat()
    return low <= ours[0] and ours[1] <= high


def score_meetings(
    report: Report, article_id: str, gold: list[dict[str, Any]], predicted: list[dict[str, Any]]
) -> None:
    """Add one article's meeting counts, participant counts and attribute accuracies to the report."""
    pairs = match_meetings(gold, predicted)
    row = report.row("meetings")
    row.gold += len(gold)
    row.predicted += len(predicted)
    row.matched += len(pairs)
    people = report.row("participants (matched)")
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        gold_people, ours = {fold(x) for x in g.get("participants", [])}, {fold(x) for x in p["participants"]}
        people.gold += len(gold_people)
        people.predicted += len(ours)
        people.matched += len(gold_people & ours)
        report.accuracy("medium").add(g.get("medium", "unspecified") == p["medium"])
        report.accuracy("date").add(_date_correct(g, p))
        report.accuracy("place").add(fold(g.get("location") or "") == fold(p["location"] or ""))
        report.accuracy("status").add(g.get("status", "occurred") == p["status"])
    matched_gold, matched_pred = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    missed = [
        g.get("evidence", str(g.get("participants"))) for i, g in enumerate(gold) if i not in matched_gold
    ]
    extra = [
        str(p["participants"]) + f" {p['date_window']}"
        for i, p in enumerate(predicted)
        if i not in matched_pred
    ]
    if missed or extra:
        report.errors.append({"article": article_id, "missed meetings": missed, "invented meetings": extra})


# -- statements ------------------------------------------------------------------------------

#: Stances the gold codes differently from the ontology: calls for action ("urged X to", "called
#: for") are ``support`` in the gold conventions (tests/gold/README.md), ``request`` in the ontology.
GOLD_STANCE_CONVENTIONS = {"request": "support"}
STATEMENT_ROWS = ("statements", "statements, exact stance", "targets (matched)")


def stance_groups(seeds_dir: Path) -> dict[str, str]:
    """Stance notation -> the group it is scored in: stances the ontology gives the same default
    PLOVER category are one (support and praise are SUPPORT; criticize and concern, ACCUSE; agree
    and commit, AGREE), and ``request`` joins ``support`` as the gold conventions code it."""
    from kg.extract.statements import default_codes
    from kg.ontology import load_ontology
    from kg.settings import PROJECT_ROOT

    beside = Path(seeds_dir).resolve().parent / "ontology"
    ontology = load_ontology(beside if (beside / "dipl.ttl").exists() else PROJECT_ROOT / "ontology")
    groups = {stance: category for stance, (category, _) in default_codes(ontology).items()}
    for stance, like in GOLD_STANCE_CONVENTIONS.items():
        if like in groups:
            groups[stance] = groups[like]
    return groups


def predicted_statements(doc: Doc, names: dict[str, str]) -> list[dict[str, Any]]:
    """The statements of a doc in the gold form, speaker and target named as the gold names them."""
    found = []
    for event in doc.events:
        if event.kind != "statement" or not event.speaker:
            continue
        sentence = next((e for e in event.evidence if e.aspect == "event"), event.evidence[0])
        found.append(
            {
                "speaker": names.get(event.speaker, event.speaker),
                "stance": event.stance,
                "target": names.get(event.target, event.target) if event.target else None,
                "sentence": doc.text[sentence.start : sentence.end],
            }
        )
    return found


def match_statements(
    gold: list[dict[str, Any]],
    predicted: list[dict[str, Any]],
    groups: dict[str, str],
    *,
    exact: bool = False,
) -> list[tuple[int, int]]:
    """One-to-one pairs of statements: same speaker, stances in one group (the same stance if
    ``exact``), and targets that do not disagree (a target only one side gives is no conflict).
    Among candidates, pairs whose predicted sentence holds the gold evidence come first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if fold(g.get("speaker") or "") != fold(p["speaker"]):
                continue
            same = g.get("stance") == p["stance"]
            if not same and (exact or groups.get(g.get("stance"), "?") != groups.get(p["stance"], "!")):
                continue
            gt, pt = g.get("target"), p["target"]
            if gt and pt and fold(gt) != fold(pt):
                continue
            quoted = fold(g.get("evidence") or "") in fold(p["sentence"])
            candidates.append((quoted, same, bool(gt) and gt == pt, -gi, -pi, gi, pi))
    return _best_pairs(candidates)


def score_statements(
    report: Report,
    article_id: str,
    gold: list[dict[str, Any]],
    predicted: list[dict[str, Any]],
    groups: dict[str, str],
) -> None:
    """Add one article's statement counts (grouped and exact stance) and target agreement."""
    pairs = match_statements(gold, predicted, groups)
    for name, found in (
        (STATEMENT_ROWS[0], pairs),
        (STATEMENT_ROWS[1], match_statements(gold, predicted, groups, exact=True)),
    ):
        row = report.row(name)
        row.gold += len(gold)
        row.predicted += len(predicted)
        row.matched += len(found)
    targets = report.row(STATEMENT_ROWS[2])
    for gi, pi in pairs:
        gt, pt = gold[gi].get("target"), predicted[pi]["target"]
        targets.gold += bool(gt)
        targets.predicted += bool(pt)
        targets.matched += bool(gt and pt and fold(gt) == fold(pt))
    matched_gold, matched_pred = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    missed = [
        f"{g.get('speaker')} {g.get('stance')} {g.get('target')}: {g.get('evidence', '')}"
        for i, g in enumerate(gold)
        if i not in matched_gold
    ]
    extra = [
        f"{p['speaker']} {p['stance']} {p['target']}: {p['sentence'][:120]}"
        for i, p in enumerate(predicted)
        if i not in matched_pred
    ]
    if missed or extra:
        report.errors.append(
            {"article": article_id, "missed statements": missed, "invented statements": extra}
        )


def evaluate(gold_path: Path, *, extract: Any, seeds_dir: Path, corpus_dir: Path | None = None) -> Report:
    """Score the extractors against a gold file.

    Args:
        gold_path: the gold JSON file.
        extract: a function from an :class:`Article` to a ``Doc`` with records (the pipeline's).
        seeds_dir: the project's seeds, searched first for article ids.
        corpus_dir: the corpus of JSON Lines files, searched last.
    """
    gold = {item["id"]: item for item in load_gold(gold_path)}
    report = Report()
    sources = article_sources(gold_path, seeds_dir=seeds_dir, corpus_dir=corpus_dir)
    found = {article.id: article for article in find_articles(gold, sources)}
    report.missing = sorted(set(gold) - set(found))
    groups = stance_groups(seeds_dir)
    for article_id, item in gold.items():
        if article_id not in found:
            continue
        doc = extract(found[article_id])
        names = score_entities(report, article_id, item.get("entities", []), doc)
        if "meetings" in item:
            score_meetings(report, article_id, item["meetings"], predicted_meetings(doc, names))
        if "statements" in item:
            score_statements(report, article_id, item["statements"], predicted_statements(doc, names), groups)
        report.articles += 1
    total = Score()
    for entity_type in ENTITY_TYPES:
        total.add(report.row(entity_type))
    events = ("meetings", "participants (matched)", *STATEMENT_ROWS)
    meetings = {k: report.rows.pop(k) for k in events if k in report.rows}
    report.rows["all entities"] = total
    report.rows.update(meetings)
    return report
