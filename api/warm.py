"""Rebuild the look-up indexes in the background: at start-up and after each write the service makes.

The event index (:mod:`kg.event_index`) and the name index (:class:`kg.lookup.SearchIndex`) are built
once per store generation, each on first use. Built on first use, the first look-up after a write
would wait for them (about a second each on the White House corpus), so a thread builds them as soon
as the store changes: :meth:`kg.store.Store.on_write` wakes it after every write this process makes
(``POST /articles``, ``DELETE /articles/{id}``, SPARQL Update, the Graph Store Protocol). A look-up
that comes while a build runs waits for that build rather than starting another; none ever reads an
index of an older generation.
"""

from __future__ import annotations

import logging
import threading

from kg.event_index import event_index
from kg.lookup import search_index
from kg.store import Store

logger = logging.getLogger(__name__)


class IndexWarmer:
    """A daemon thread that builds the indexes of ``store`` whenever its generation moves on.

    Args:
        store: the store the service reads.
    """

    def __init__(self, store: Store):
        self.store = store
        self.built = -1  # the generation the indexes were last built for
        self._wake = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="kg-index-warmer", daemon=True)

    @property
    def ready(self) -> bool:
        """Whether the indexes are built for the store as it is now."""
        return self.built == self.store.generation

    def start(self) -> None:
        """Build now (in the thread), and again after every write."""
        self.store.on_write(lambda generation: self._wake.set())
        self._wake.set()
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the thread, waiting for a build under way (the store must stay open until it ends)."""
        self._stopping = True
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            if self._stopping:
                return
            generation = self.store.generation
            try:
                event_index(self.store)
                search_index(self.store)
            except Exception:  # a failed build is retried by the next look-up; keep the thread alive
                logger.exception("building the look-up indexes failed")
                continue
            self.built = generation
