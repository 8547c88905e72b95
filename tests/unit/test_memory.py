"""Freed memory is given back while the server is idle: cycles collected, the allocator trimmed."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest

from explorer import memory


class Node:
    """An object in a reference cycle, as a dropped session's objects are."""

    def __init__(self) -> None:
        self.itself = self


@pytest.fixture
def no_automatic_collection() -> Iterator[None]:
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _garbage_cycle() -> weakref.ref[Node]:
    return weakref.ref(Node())


def test_an_idle_process_collects_its_cycles(no_automatic_collection: None) -> None:
    cycle = _garbage_cycle()
    assert cycle() is not None, "a cycle is not freed by reference counting"
    memory.release()
    assert cycle() is None


def test_one_thread_gives_freed_memory_back_however_often_it_is_asked() -> None:
    first, second = memory.release_freed_memory(), memory.release_freed_memory()
    assert first is second and first.is_alive() and first.daemon
    assert [t.name for t in threading.enumerate()].count(memory.THREAD_NAME) == 1


def test_the_real_trim_runs_without_error() -> None:
    memory.malloc_trim()
