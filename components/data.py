"""The cached entry points: the catalog, opened once per process, its sets loaded on first use
(with a spinner), and built figures."""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

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


MEMO_ENTRIES = 512


class _Memo:
    """Built values by key, the most recently used kept; shared by every session."""

    def __init__(self) -> None:
        self.values: OrderedDict[tuple[Hashable, ...], object] = OrderedDict()
        self.lock = threading.Lock()


@st.cache_resource(show_spinner=False)
def _memo() -> _Memo:
    """One store per process, emptied with Streamlit's caches (``st.cache_resource.clear``)."""
    return _Memo()


def memo(key: tuple[Hashable, ...], build: Callable[[], T]) -> T:
    """Build once per ``key`` and share the result across reruns and sessions.

    Building a plotly figure validates every trace and costs tens of milliseconds; the figures
    are never mutated after they are built, so a shared object is safe and needs no copy.
    ``key`` must name everything the build depends on (the set's content hash, ids, filters).
    Keys are hashed by Python, not by Streamlit's cache (which walked every key on every call,
    about 0.4 ms each, several times a run)."""
    store = _memo()
    with store.lock:
        if key in store.values:
            store.values.move_to_end(key)
            return store.values[key]  # type: ignore[return-value]
    value = build()
    with store.lock:
        store.values[key] = value
        while len(store.values) > MEMO_ENTRIES:
            store.values.popitem(last=False)
    return value
