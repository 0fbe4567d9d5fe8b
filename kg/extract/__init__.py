"""The extractors, registered by versioned name in one table, and the default pipeline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kg.extract.actors import ActorExtractor
from kg.extract.base import Extractor
from kg.extract.gazetteer import load_gazetteer
from kg.extract.meetings import MeetingExtractor

#: name -> factory taking the seeds directory. Order in DEFAULT_PIPELINE matters: later
#: extractors read the records of earlier ones.
REGISTRY: dict[str, Callable[[Path], Extractor]] = {
    ActorExtractor.name: lambda seeds: ActorExtractor(load_gazetteer(seeds)),
    MeetingExtractor.name: lambda seeds: MeetingExtractor(),
}
DEFAULT_PIPELINE = (ActorExtractor.name, MeetingExtractor.name)


def make_pipeline(seeds_dir: Path, names: tuple[str, ...] = DEFAULT_PIPELINE) -> list[Extractor]:
    """The extractors named, built over the reference data in ``seeds_dir``."""
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise ValueError(f"Unknown extractor(s) {unknown}; registered: {sorted(REGISTRY)}.")
    return [REGISTRY[name](Path(seeds_dir)) for name in names]
