"""The cached entry points: the catalog, opened once per process, its sets loaded on first use
(with a spinner), and built figures."""

from __future__ import annotations

import gc
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


@st.cache_resource(show_spinner=False, max_entries=512)
def memo(key: tuple[Hashable, ...], _build: Callable[[], T]) -> T:
    """Build once per ``key`` and share the result across reruns and sessions.

    Building a plotly figure validates every trace and costs tens of milliseconds; the figures
    are never mutated after they are built, so a shared object is safe and needs no copy.
    ``key`` must name everything the build depends on (the set's content hash, ids, filters);
    ``_build`` is not hashed (the leading underscore tells Streamlit so).
    """
    return _build()
