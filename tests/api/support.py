"""What the in-process API tests share: an app over a copy of the seeded store, and the error check."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from api.app import create_app
from kg.settings import Settings

# A page must not load anything from another host: no src, href or action to "//..." or "http(s)://...".
EXTERNAL = re.compile(r"""(?:src|href|action)\s*=\s*["']?(?:https?:)?//""")


def app_client(seeded_store_dir: Path, directory: Path, **settings: Any) -> TestClient:
    """A client of an app over a copy of the seeded store in ``directory`` (the app may write to it).

    Queries run in-process (``query_workers=0``) unless ``settings`` say otherwise.
    """
    store = directory / "store"
    shutil.copytree(seeded_store_dir, store)
    return TestClient(create_app(Settings(store=str(store), **({"query_workers": 0} | settings))))


def assert_problem(response: Any, status: int) -> dict:
    """An RFC 9457 problem with that status, a title, a detail and a type."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    assert body["type"].startswith("https://")
    return body
