"""Shared fixtures: settings over a temporary store, a store holding the seeds, the ontology."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.ontology import Ontology, load_ontology
from kg.pipeline import Pipeline
from kg.reader import read_articles
from kg.settings import PROJECT_ROOT, Settings
from kg.store import Store

SEEDS = PROJECT_ROOT / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--e2e", action="store_true", help="also run end-to-end tests (live server, browser)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--e2e"):
        return
    skip = pytest.mark.skip(reason="end-to-end test: run with --e2e")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def ontology() -> Ontology:
    return load_ontology(PROJECT_ROOT / "ontology")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings over an empty store directory of this test."""
    return Settings(store=str(tmp_path / "store"))


@pytest.fixture(scope="session")
def seeded_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store directory holding the two seed articles (ingest once per session; open it read-only)."""
    path = tmp_path_factory.mktemp("seeded") / "store"
    with Store(path) as store:
        Pipeline(Settings(store=str(path))).ingest(store, read_articles(SEEDS))
    return path


@pytest.fixture
def seeded_store(seeded_store_dir: Path) -> Iterator[Store]:
    with Store(seeded_store_dir, read_only=True) as store:
        yield store
