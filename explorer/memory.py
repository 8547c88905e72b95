"""Giving freed memory back to the system, once sessions have gone.

Streamlit keeps a closed session for ``server.disconnectedSessionTTL`` seconds (for a
reconnect), then drops it when its session store is next written, with no run of ours to
follow. Part of what a session held sits in reference cycles, which only a full garbage
collection frees, and an idle server makes none; then the allocator keeps the freed memory
unless asked to give it back. Hence a timer thread, not a call at the end of a run.

How much comes back depends on the allocator: CPython's own keeps a 1 MiB arena while one
object in it lives, so some of it stays; the Docker image allocates through jemalloc, which
gives back every free page (bench/RESULTS.md, "Memory across upload sessions").
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading
import time
from functools import cache

RELEASE_EVERY_S = 30.0
THREAD_NAME = "release-memory"
_THREAD: list[threading.Thread] = []
_LOCK = threading.Lock()


def release() -> None:
    """Collect cycles, then ask glibc to hand back its free memory. A full collection costs
    tens of milliseconds every ``RELEASE_EVERY_S``: Python makes one of its own only after
    enough new objects, which an idle server never makes, and whether one ran since the
    sessions were dropped cannot be told."""
    gc.collect()
    malloc_trim()


@cache
def _libc() -> ctypes.CDLL | None:
    """The C library, found once (``find_library`` asks ``ldconfig`` in a subprocess)."""
    name = ctypes.util.find_library("c")
    return ctypes.CDLL(name) if name else None


def malloc_trim() -> None:
    """glibc's ``malloc_trim(0)``; nothing where the C library has none."""
    libc = _libc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)


def _release_forever() -> None:
    while True:
        time.sleep(RELEASE_EVERY_S)
        release()


def release_freed_memory() -> threading.Thread:
    """Start, once per process, the thread that releases freed memory every
    ``RELEASE_EVERY_S`` seconds."""
    with _LOCK:
        if not _THREAD:
            _THREAD.append(threading.Thread(target=_release_forever, name=THREAD_NAME, daemon=True))
            _THREAD[0].start()
        return _THREAD[0]
