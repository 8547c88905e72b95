"""The cached entry points: the catalog, loaded once per process, and built figures."""

from __future__ import annotations

import gc
from collections.abc import Callable, Hashable
from typing import TypeVar

import streamlit as st

from explorer.content import Catalog, load_catalog, read_folder, scenarios_root

T = TypeVar("T")


@st.cache_resource(show_spinner=False)
def cached_catalog() -> Catalog:
    """The catalog is immutable (frozen models), so one shared copy serves every session.

    Its objects live as long as the process: ``gc.freeze`` moves them out of the garbage
    collector's sight, so that a large catalog does not slow every later collection (and with it
    every rerun)."""
    catalog = load_catalog()
    gc.freeze()
    return catalog


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
