"""Look-up results kept per store generation: any write to the store empties the cache.

``Store.generation`` goes up on every write this process makes (and only this process writes a store
it serves), so a result computed at one generation stays right until the generation changes. The
cache is bounded (least recently used out first) and shared by the event loop and the thread pool.
Cached values are shared between requests: callers must not change them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel

from kg.store import Store

T = TypeVar("T")
_MISSING = object()


class GenerationCache:
    """A bounded map from a look-up's name and arguments to its result, valid for one store generation.

    Args:
        store: the store whose ``generation`` keys the cache.
        maxsize: how many results to keep.
    """

    def __init__(self, store: Store, *, maxsize: int = 16_384):
        self.store = store
        self.maxsize = maxsize
        self.generation = store.generation
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any:
        """The cached result, or ``_MISSING``."""
        with self._lock:
            if self.store.generation != self.generation:
                self._items.clear()
                self.generation = self.store.generation
            value = self._items.get(key, _MISSING)
            if value is not _MISSING:
                self._items.move_to_end(key)
                self.hits += 1
            return value

    def put(self, key: Hashable, value: Any, generation: int) -> None:
        """Keep a result computed at ``generation``, unless the store has been written since."""
        with self._lock:
            if generation != self.store.generation or generation != self.generation:
                return
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)

    def compute(self, key: Hashable, function: Callable[[], T]) -> T:
        """The cached result of ``function``, computing and keeping it on a miss (blocking)."""
        value = self.get(key)
        if value is not _MISSING:
            return value  # type: ignore[no-any-return]
        generation = self.store.generation
        self.misses += 1
        value = function()
        self.put(key, value, generation)
        return value

    async def run(self, key: Hashable, function: Callable[[], T]) -> T:
        """As :meth:`compute`, but a miss runs ``function`` in the thread pool, off the event loop."""
        value = self.get(key)
        if value is not _MISSING:
            return value  # type: ignore[no-any-return]
        generation = self.store.generation
        self.misses += 1
        value = await run_in_threadpool(function)
        self.put(key, value, generation)
        return value


def _json(model: type[BaseModel], data: Any) -> bytes:
    return model.model_validate(data).model_dump_json().encode()


async def json_lookup(
    cache: GenerationCache, key: Hashable, function: Callable[[], Any], model: type[BaseModel]
) -> Response:
    """The JSON of a look-up: from the cache, or computed, checked and written in one trip to the
    thread pool.

    A large result (an entity's hundreds of relationships) costs milliseconds to validate and write;
    kept as bytes, a repeated look-up costs only the routing. Each trip to the pool and back costs
    about as much as a look-up answered from the indexes, so a miss makes one, not one for the data
    and another for its JSON (issue 5). The data is cached under ``key`` as well, for the page of the
    same resource.
    """
    body = await cache.run(("json", key), lambda: _json(model, cache.compute(key, function)))
    return Response(body, media_type="application/json")
