"""A live ``kg serve`` for end-to-end tests: a free port, a fast failure with the server's output, and
a teardown that terminates, waits, then kills (datasette's ``datasette_server`` fixture)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from kg.settings import PROJECT_ROOT

KG = [sys.executable, "-m", "kg"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def ingest_seeds(store: Path) -> None:
    env = {**os.environ, "KG_STORE": str(store)}
    subprocess.run([*KG, "ingest", str(PROJECT_ROOT / "seeds")], env=env, check=True, capture_output=True)


@contextmanager
def kg_server(store: Path, **settings: str) -> Iterator[str]:
    """Serve ``store`` with ``KG_<NAME>`` settings; yield the base URL once ``/health`` answers."""
    env = {**os.environ, "KG_STORE": str(store), **{f"KG_{k.upper()}": v for k, v in settings.items()}}
    port = free_port()
    log = tempfile.TemporaryFile("w+")  # a file, not a pipe: a full pipe would block the server's logging
    process = subprocess.Popen(
        [*KG, "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                log.seek(0)
                pytest.fail(f"kg serve exited with {process.returncode}:\n{log.read()}")
            try:
                if httpx.get(url + "/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("kg serve did not answer /health within 30 s")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


# -- a browser page and what it did -------------------------------------------------------------

ARTIFACTS = PROJECT_ROOT / "test-artifacts"


@dataclass
class Watched:
    """A browser page with what it did: console errors, requests, dialogs (a script that ran from data)."""

    page: Any
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def shot(self, name: str, *, full_page: bool = True) -> None:
        """A screenshot in ``test-artifacts/``, for a person to look at."""
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)

    def assert_stayed_home(self, server: str) -> None:
        """No request left the server, no console error, no dialog."""
        away = [u for u in self.requests if not u.startswith((server + "/", "data:", "blob:", "about:"))]
        assert away == [], f"requests left 127.0.0.1: {away}"
        assert self.errors == [], self.errors
        assert self.dialogs == [], f"a script ran from the data: {self.dialogs}"


W = TypeVar("W", bound=Watched)


@contextmanager
def watching(browser: Any, kind: type[W], *, height: int = 900) -> Iterator[W]:
    """A new page in its own browser context, recording what it does."""
    context = browser.new_context(viewport={"width": 1280, "height": height})
    page = context.new_page()
    watched = kind(page)
    page.on("console", lambda message: message.type == "error" and watched.errors.append(message.text))
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    page.on("request", lambda request: watched.requests.append(request.url))

    def dismiss(dialog: Any) -> None:
        watched.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    try:
        yield watched
    finally:
        context.close()
