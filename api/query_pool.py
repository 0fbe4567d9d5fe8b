"""A pool of worker processes that run SPARQL queries under a deadline, and are killed past it.

Python threads cannot interrupt a query inside Oxigraph, so queries run in processes
(:func:`api.sparql_worker.worker_main`), ``KG_QUERY_WORKERS`` of them (2 by default), each holding
the store open read-only beside the server, which holds it for writing. A job goes to an idle
worker over a pipe; a thread waits for the answer until the deadline. Past it the worker is killed
(SIGKILL: the query stops at once, the CPU is free) and a fresh one is started in the background,
while the request gets a 503 ``query-timeout`` problem. Requests that are not queries never wait
on the pool, so ``/health`` and the look-ups keep answering.

A read-only open sees the store as it was when it opened, so each job carries the store's
``generation`` and a worker reopens when it changed (a write happened). A memory store
(``KG_STORE=memory``) cannot be opened by another process: workers get an N-Quads snapshot of it,
taken once per generation, which suits the small stores that live in memory.

With ``KG_QUERY_WORKERS=0`` queries run in threads of the server instead: the deadline still
answers the client, but a runaway query keeps its thread and a core busy until it ends.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import socket
import subprocess
import sys
from multiprocessing.connection import Connection

import anyio.to_thread

from api.errors import QueryBusy, QueryFailed, QueryTimeout
from api.sparql_worker import Outcome, QueryJob, execute
from kg.store import Store

logger = logging.getLogger(__name__)

START_TIMEOUT = 60.0  # seconds a new worker may take to import and say it is ready


class _Stuck(Exception):
    """A worker did not answer before the deadline."""


class _Worker:
    """The parent's end of one worker process: ``python -m api.sparql_worker`` over a socket pair.

    A plain subprocess rather than :mod:`multiprocessing`: spawning re-imports the parent's
    ``__main__`` (whatever embeds the app), and forking copies a process with threads and RocksDB.
    """

    def __init__(self, location: str):
        parent, child = socket.socketpair()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "api.sparql_worker", str(child.fileno()), location],
            pass_fds=[child.fileno()],
            stdin=subprocess.DEVNULL,
        )
        child.close()
        self.conn = Connection(parent.detach())
        self.generation: int | None = None
        self.isolated = False  # whether it runs without network access (reported when ready)

    def wait_ready(self) -> None:
        if not self.conn.poll(START_TIMEOUT):
            raise _Stuck("worker did not start")
        _, self.isolated = self.conn.recv()

    def exchange(self, job: QueryJob, snapshot: bytes | None, timeout: float) -> Outcome:
        """Send a job and wait for its outcome (in a thread: this blocks)."""
        self.conn.send((job, snapshot))
        if not self.conn.poll(timeout):
            raise _Stuck
        outcome: Outcome = self.conn.recv()
        return outcome

    def stop(self, kill: bool) -> None:
        if not kill:
            try:
                self.conn.send(None)
                self.process.wait(2)
            except (OSError, subprocess.TimeoutExpired):
                pass
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(5)
        self.conn.close()


class QueryPool:
    """Runs :class:`QueryJob` objects on worker processes with a per-query deadline.

    Args:
        store: the server's store; its ``generation`` tells workers when to reopen.
        location: the store setting (a directory, or ``memory``).
        workers: how many worker processes; 0 runs queries in threads (no kill).
        timeout: seconds a query may run.
    """

    def __init__(self, store: Store, *, location: str, workers: int, timeout: float):
        self.store = store
        self.location = location
        self.size = workers
        self.timeout = timeout
        self._idle: asyncio.LifoQueue[_Worker] = asyncio.LifoQueue()  # the warmest worker first
        self._all: set[_Worker] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._snapshot: tuple[int, bytes] | None = None
        self._closed = False
        self._warned = False

    @property
    def isolated(self) -> bool:
        """Whether every started worker runs without network access."""
        return bool(self._all) and all(worker.isolated for worker in self._all)

    async def start(self) -> None:
        """Start the workers; they join the pool as they become ready, so this returns at once."""
        for _ in range(self.size):
            self._spawn_soon()

    async def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        for worker in list(self._all):
            await anyio.to_thread.run_sync(worker.stop, False)
        self._all.clear()

    async def run(self, job: QueryJob) -> Outcome:
        """Run a job; raises :class:`QueryTimeout`, :class:`QueryBusy` or :class:`QueryFailed`."""
        if self.size == 0:
            return await self._run_in_thread(job)
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.timeout)
        except TimeoutError:
            raise QueryBusy(
                f"Every query worker stayed busy for {self.timeout:g} s. Try again shortly."
            ) from None
        generation = self.store.generation
        job = dataclasses.replace(job, generation=generation)
        snapshot = None
        if worker.generation != generation and self.store.path is None:
            snapshot = await anyio.to_thread.run_sync(self._memory_snapshot, generation)
        try:
            outcome = await anyio.to_thread.run_sync(worker.exchange, job, snapshot, self.timeout)
        except _Stuck:
            await self._replace(worker)
            raise QueryTimeout(
                f"The query ran for more than {self.timeout:g} s and was stopped. Narrow it (more "
                "specific patterns, a LIMIT) or run it on a copy of the store with `kg query`."
            ) from None
        except (EOFError, OSError) as error:
            await self._replace(worker)
            raise QueryFailed(f"The query worker died while running the query ({error!r}).") from None
        except BaseException:  # cancelled mid-exchange: the worker's state is unknown, so replace it
            worker.stop(True)  # SIGKILL and reap: milliseconds, and no await in a cancelled scope
            self._all.discard(worker)
            self._spawn_soon()
            raise
        worker.generation = generation
        self._idle.put_nowait(worker)
        return outcome

    async def _run_in_thread(self, job: QueryJob) -> Outcome:
        try:
            with anyio.fail_after(self.timeout):
                return await anyio.to_thread.run_sync(execute, self.store, job, abandon_on_cancel=True)
        except TimeoutError:
            raise QueryTimeout(
                f"The query ran for more than {self.timeout:g} s; it was abandoned (with "
                "KG_QUERY_WORKERS=0 it cannot be stopped and still runs)."
            ) from None

    def _memory_snapshot(self, generation: int) -> bytes:
        if self._snapshot is None or self._snapshot[0] != generation:
            self._snapshot = (generation, self.store.dump(fmt="nquads"))
        return self._snapshot[1]

    async def _replace(self, worker: _Worker) -> None:
        """Kill a worker (its query stops) and start another in the background."""
        self._all.discard(worker)
        await anyio.to_thread.run_sync(worker.stop, True)
        logger.warning("killed query worker %s; starting a fresh one", worker.process.pid)
        self._spawn_soon()

    def _spawn_soon(self) -> None:
        if self._closed:
            return
        task = asyncio.get_running_loop().create_task(self._spawn())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _spawn(self) -> None:
        worker = _Worker(self.location)
        self._all.add(worker)
        try:
            await anyio.to_thread.run_sync(worker.wait_ready)
        except (_Stuck, EOFError, OSError):
            logger.error("a query worker failed to start; queries wait for the others")
            self._all.discard(worker)
            await anyio.to_thread.run_sync(worker.stop, True)
            return
        if self._closed:
            await anyio.to_thread.run_sync(worker.stop, False)
            return
        if not worker.isolated and not self._warned:
            self._warned = True
            logger.warning(
                "query workers keep network access (no network namespace here); "
                "SERVICE and LOAD are kept out by the lexical check alone"
            )
        self._idle.put_nowait(worker)
