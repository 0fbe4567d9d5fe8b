"""Settings: the one table of configuration, read from ``KG_*`` environment variables."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every setting of the library, the CLI and the service; ``KG_<NAME>`` sets each one."""

    model_config = SettingsConfigDict(env_prefix="KG_", frozen=True, extra="ignore")

    store: str = Field(
        default=".kg/store",
        description="Store directory (created on first use), or 'memory' for a store that lives in RAM.",
    )
    ontology_dir: Path = Field(
        default=PROJECT_ROOT / "ontology",
        description="Directory of the ontology's Turtle files (terms, SKOS schemes, SHACL shapes).",
    )
    seeds_dir: Path = Field(
        default=PROJECT_ROOT / "seeds",
        description="Directory of the seed articles and the reference data the extractor ships with.",
    )
    corpus_dir: Path = Field(
        default=PROJECT_ROOT.parent / "shared" / "corpus",
        description="Directory of JSON Lines corpus files where `kg evaluate` looks up gold article ids.",
    )
    host: str = Field(default="127.0.0.1", description="Interface `kg serve` listens on.")
    port: int = Field(default=8000, ge=0, le=65535, description="Port `kg serve` listens on (0: any free).")
    log_level: str = Field(default="INFO", description="Logging level: DEBUG, INFO, WARNING or ERROR.")
    query_timeout: float = Field(
        default=30.0, gt=0, description="Seconds a SPARQL query may run before it is stopped."
    )
    query_max_rows: int = Field(
        default=10_000, gt=0, description="Most result rows a SPARQL query may return; more is an error."
    )
    query_workers: int = Field(
        default=2,
        ge=0,
        description="SPARQL query worker processes (killed at the deadline); 0 runs queries in threads.",
    )
    write_token: str | None = Field(
        default=None,
        description="Bearer token that enables writes over HTTP; unset means the service is read-only.",
    )
    validate_articles: bool = Field(
        default=True, description="Check every article graph against the SHACL shapes before storing it."
    )

    @property
    def in_memory(self) -> bool:
        """Whether the store lives in RAM only."""
        return self.store == "memory"


@lru_cache
def get_settings() -> Settings:
    """The settings of this process, read once from the environment."""
    return Settings()
