"""Sharing one DuckDB file between one writer process and many readers.

DuckDB lets one process hold a database file for writing, or several processes hold it
read-only, never both at once. flashpoint shares the file in turns:

* The writer (``flashpoint ingest``, ``POST /articles``) holds the file only while it
  writes a batch of already-coded articles (each article in its own transaction), then
  lets go. Before it asks for the file it leaves a note, ``<db>.writer`` (its pid), beside
  the database.
* Readers (the API, ``flashpoint.open``, exports) keep a read-only connection while they
  are busy and for a moment after, and give it up at once when they see the writer's note.
  A reader that finds the file taken waits and tries again (up to ``timeout`` seconds).

So readers keep answering while an ingest runs (at worst a request waits for one batch to be
written), and the writer never waits long for readers. A note left by a killed writer is
ignored (its pid is gone).
"""
from __future__ import annotations

import atexit
import contextlib
import os
import threading
import time
import weakref
from pathlib import Path

import duckdb


class StoreError(Exception):
    """A problem with the store a user can act on (message is a sentence)."""


class StoreBusy(StoreError):
    pass


def _lock_error(exc: Exception) -> bool:
    msg = str(exc)
    return ("lock" in msg.lower() and isinstance(exc, duckdb.IOException)) or \
        "different configuration" in msg


def intent_path(path: str) -> str:
    return str(path) + ".writer"


def writer_waiting(path: str) -> bool:
    p = intent_path(path)
    try:
        pid = int(Path(p).read_text().strip() or 0)
    except (FileNotFoundError, ValueError):
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def connect(path: str, read_only: bool, timeout: float = 30.0) -> duckdb.DuckDBPyConnection:
    """Open the database, waiting while another process holds it."""
    deadline = time.monotonic() + timeout
    delay = 0.005
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if not _lock_error(exc):
                if read_only and not Path(path).exists():
                    raise StoreError(f"There is no store at {path}; create one with `flashpoint ingest FILE --db {path}`.") from None
                raise StoreError(f"Cannot open the store {path}: {exc}") from None
            if time.monotonic() > deadline:
                raise StoreBusy(f"The store {path} is busy (another process is writing to it); try again in a moment.") from None
            time.sleep(delay)
            delay = min(delay * 1.5, 0.1)


class Reader:
    """A read-only connection kept while in use, closed when idle or when a writer waits."""

    def __init__(self, path: str, idle_close: float = 0.5, timeout: float = 30.0):
        self.path = str(path)
        self.idle_close = idle_close
        self.timeout = timeout
        self._con: duckdb.DuckDBPyConnection | None = None
        self._refs = 0
        self._last = 0.0
        self._lock = threading.Condition()
        self._timer: threading.Thread | None = None
        self._closed = False
        _readers.add(self)

    def _ensure_timer(self):
        if self._timer is None or not self._timer.is_alive():
            self._timer = threading.Thread(target=self._reaper, daemon=True, name="flashpoint-reader-reaper")
            self._timer.start()

    def _reaper(self):
        while not self._closed:
            time.sleep(0.02)
            with self._lock:
                if self._con is None:
                    return
                if self._refs == 0 and (time.monotonic() - self._last > self.idle_close or writer_waiting(self.path)):
                    self._close_locked()
                    return

    def _close_locked(self):
        if self._con is not None:
            with contextlib.suppress(Exception):
                self._con.close()
            self._con = None
            self._lock.notify_all()

    @contextlib.contextmanager
    def connection(self):
        """A cursor on a read-only connection (thread-safe: one cursor per use)."""
        if not Path(self.path).exists():
            raise StoreError(f"There is no store at {self.path}; create one with `flashpoint ingest FILE --db {self.path}`.")
        deadline = time.monotonic() + self.timeout
        with self._lock:
            while True:
                if self._con is not None and writer_waiting(self.path):
                    if self._refs == 0:
                        self._close_locked()
                    else:
                        self._lock.wait(0.02)
                        continue
                if self._con is None:
                    if writer_waiting(self.path):
                        if time.monotonic() > deadline:
                            raise StoreBusy(f"The store {self.path} is busy (an ingest is writing to it); try again in a moment.")
                        self._lock.wait(0.01)
                        continue
                    try:
                        self._con = duckdb.connect(self.path, read_only=True)
                    except (duckdb.IOException, duckdb.ConnectionException) as exc:
                        if not _lock_error(exc):
                            raise StoreError(f"Cannot open the store {self.path}: {exc}") from None
                        if time.monotonic() > deadline:
                            raise StoreBusy(f"The store {self.path} is busy (another process is writing to it); try again in a moment.") from None
                        self._lock.wait(0.01)
                        continue
                break
            self._refs += 1
            cur = self._con.cursor()
        try:
            yield cur
        finally:
            with contextlib.suppress(Exception):
                cur.close()
            with self._lock:
                self._refs -= 1
                self._last = time.monotonic()
                if self._refs == 0:
                    self._ensure_timer()
                    self._lock.notify_all()

    def close(self):
        with self._lock:
            self._closed = True
            self._close_locked()


_readers: "weakref.WeakSet[Reader]" = weakref.WeakSet()


@atexit.register
def _close_readers():
    for r in list(_readers):
        with contextlib.suppress(Exception):
            r.close()
        if r._timer is not None:
            r._timer.join(0.2)


class Writer:
    """Holds the database for writing only inside ``with writer.connection():``."""

    def __init__(self, path: str, timeout: float = 120.0):
        self.path = str(path)
        self.timeout = timeout
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)

    @contextlib.contextmanager
    def connection(self):
        from . import schema
        note = Path(intent_path(self.path))
        note.write_text(str(os.getpid()))
        try:
            con = connect(self.path, read_only=False, timeout=self.timeout)
            try:
                schema.create(con)
                yield con
            finally:
                con.close()
        finally:
            with contextlib.suppress(FileNotFoundError):
                note.unlink()
