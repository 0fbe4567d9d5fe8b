"""The extractors, registered by versioned name in one table, and the default pipeline."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from kg.extract.actors import ActorExtractor
from kg.extract.base import Extractor
from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.extract.meetings import MeetingExtractor
from kg.extract.occasions import Occasions, load_occasions
from kg.extract.publishers import AuthorExtractor, Publishers, load_publishers
from kg.extract.statements import StatementExtractor
from kg.extract.topics import TopicExtractor, topic_matcher
from kg.ontology import Ontology, load_ontology
from kg.vocab import DIPL


class Resources:
    """What extractors are built from: the reference data in ``seeds_dir`` and the ontology."""

    def __init__(self, seeds_dir: Path, ontology_dir: Path | None = None):
        self.seeds_dir = Path(seeds_dir)
        self.ontology_dir = Path(ontology_dir) if ontology_dir else self.seeds_dir.parent / "ontology"

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return load_gazetteer(self.seeds_dir)

    @cached_property
    def ontology(self) -> Ontology:
        return load_ontology(self.ontology_dir)

    @cached_property
    def publishers(self) -> Publishers:
        return load_publishers(self.seeds_dir)

    @cached_property
    def occasions(self) -> Occasions:
        return load_occasions(self.seeds_dir)

    def alt_labels(self, scheme: object) -> dict[str, list[str]]:
        """The surface forms of each concept of a SKOS scheme, by notation (label and altLabels)."""
        return self.ontology.surface_forms(scheme)  # type: ignore[arg-type]


#: name -> factory taking the resources. Order in DEFAULT_PIPELINE matters: later extractors
#: read the records of earlier ones.
REGISTRY: dict[str, Callable[[Resources], Extractor]] = {
    ActorExtractor.name: lambda r: ActorExtractor(r.gazetteer, publishers=r.publishers),
    AuthorExtractor.name: lambda r: AuthorExtractor(r.gazetteer, r.publishers),
    MeetingExtractor.name: lambda r: MeetingExtractor(
        r.alt_labels(DIPL.MediumScheme),
        gazetteer=r.gazetteer,
        publishers=r.publishers,
        topics=topic_matcher(r.ontology),
        occasions=r.occasions,
    ),
    StatementExtractor.name: lambda r: StatementExtractor.from_ontology(
        r.ontology, r.seeds_dir, gazetteer=r.gazetteer, publishers=r.publishers
    ),
    TopicExtractor.name: lambda r: TopicExtractor(topic_matcher(r.ontology)),
}
DEFAULT_PIPELINE = (
    ActorExtractor.name,
    AuthorExtractor.name,
    MeetingExtractor.name,
    StatementExtractor.name,
    TopicExtractor.name,
)


def make_pipeline(
    seeds_dir: Path, ontology_dir: Path | None = None, names: tuple[str, ...] = DEFAULT_PIPELINE
) -> list[Extractor]:
    """The extractors named, built over the reference data in ``seeds_dir`` and the ontology."""
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise ValueError(f"Unknown extractor(s) {unknown}; registered: {sorted(REGISTRY)}.")
    resources = Resources(seeds_dir, ontology_dir)
    return [REGISTRY[name](resources) for name in names]
