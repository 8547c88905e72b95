"""The cached entry points: the catalog, opened once per process, its sets loaded on first use
(with a spinner), and built figures.

What is built for a shipped set is shared by every session, in a store bounded in entries and
bytes; what is built for a set only one session has (an upload) lives in that session's state,
also bounded, and goes with the session when Streamlit drops it. Streamlit keeps a closed
session for ``server.disconnectedSessionTTL`` seconds (for a reconnect), then shuts it down
when its session store is next written (``explorer.memory`` then gives the memory back).
"""

from __future__ import annotations

import gc
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

import streamlit as st

from explorer.content import Catalog, open_catalog, read_folder, scenarios_root
from explorer.text import escape_markdown

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def cached_catalog() -> Catalog:
    """The catalog's index (each set's id and title); its sets are immutable (frozen models) and
    loaded on first use (``load_sets``), so one shared copy serves every session."""
    catalog = open_catalog()
    gc.freeze()
    return catalog


def load_sets(catalog: Catalog, set_ids: Iterable[str | None]) -> None:
    """Load the sets this run may show, with a spinner for each not yet loaded; and the first
    set that loads, which is the default. A set that fails to load leaves the catalog's index
    and joins its problems.

    A loaded set lives as long as the catalog keeps it: ``gc.freeze`` moves it out of the
    garbage collector's sight, so that a large catalog does not slow every later collection
    (and with it every rerun)."""
    for set_id in set_ids:
        if set_id is not None:
            _load(catalog, set_id)
    while catalog.ids and not _load(catalog, catalog.ids[0]):
        continue


def _load(catalog: Catalog, set_id: str) -> bool:
    if set_id not in catalog.sets:
        return False
    if catalog.is_loaded(set_id):
        return True
    with st.spinner(f"Loading {escape_markdown(catalog.title(set_id))}..."):
        loaded = catalog.sets.get(set_id) is not None
    gc.freeze()
    return loaded


@st.cache_resource(show_spinner=False, max_entries=16)
def set_files(set_id: str) -> dict[str, bytes]:
    """The raw YAML files of a loaded set, for the download of the whole set."""
    files = read_folder(scenarios_root() / set_id)
    return files if isinstance(files, dict) else {}


SHARED_ENTRIES, SHARED_BYTES = 512, 64_000_000
SESSION_ENTRIES, SESSION_BYTES = 64, 16_000_000
UNKNOWN_BYTES = 1_000_000
"""Counted for a value that cannot be measured (pickled)."""
SESSION_KEY = "data.memo"


class BoundedCache:
    """Least recently used first out, past ``max_entries`` or ``max_bytes`` (each value measured
    once, as its pickled length). Safe to share between the threads of several sessions."""

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self.bytes = 0
        self._items: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def get_or_build(self, key: Hashable, build: Callable[[], T]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key][0]
        value = build()
        size = _size(value)
        with self._lock:
            if key not in self._items and size <= self.max_bytes:
                self._items[key] = (value, size)
                self.bytes += size
            while len(self._items) > self.max_entries or self.bytes > self.max_bytes:
                self.bytes -= self._items.popitem(last=False)[1][1]
        return value


def _size(value: object) -> int:
    try:
        return len(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, TypeError, AttributeError):  # unpicklable: counted as large
        return UNKNOWN_BYTES


@st.cache_resource(show_spinner=False)
def _shared() -> BoundedCache:
    return BoundedCache(SHARED_ENTRIES, SHARED_BYTES)


def _shipped_hashes() -> set[str]:
    """The content hashes of the shipped sets loaded so far (reading none that is not)."""
    catalog = cached_catalog()
    return {catalog[i].content_hash for i in catalog.ids if catalog.is_loaded(i)}


def store_for(key: tuple[Hashable, ...]) -> BoundedCache:
    """The shared store when ``key`` names a shipped set's content hash, else this session's."""
    if not _shipped_hashes().isdisjoint(k for k in key if isinstance(k, str)):
        return _shared()
    if SESSION_KEY not in st.session_state:
        st.session_state[SESSION_KEY] = BoundedCache(SESSION_ENTRIES, SESSION_BYTES)
    return st.session_state[SESSION_KEY]


def memo(key: tuple[Hashable, ...], _build: Callable[[], T]) -> T:
    """Build once per ``key`` and keep the result for later reruns.

    Building a plotly figure validates every trace and costs tens of milliseconds; the figures
    are never mutated after they are built, so a shared object is safe and needs no copy.
    ``key`` must name everything the build depends on (the set's content hash, ids, filters).
    A shipped set's results are shared across sessions; any other's stay in the session that
    built them (``store_for``).
    """
    return store_for(key).get_or_build(key, _build)
