"""Dependencies shared by the routers: the settings, the store and the ontology of the app."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from kg.ontology import Ontology
from kg.settings import Settings
from kg.store import Store


def get_app_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings  # type: ignore[no-any-return]


def get_store(request: Request) -> Store:
    """The store the app opened at start-up."""
    return request.app.state.store  # type: ignore[no-any-return]


def get_ontology(request: Request) -> Ontology:
    """The loaded ontology."""
    return request.app.state.ontology  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
OntologyDep = Annotated[Ontology, Depends(get_ontology)]
