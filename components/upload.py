"""Your own scenario set: upload a zipped set, or one scenario to add to the set shown.

An upload is read in memory, once a child process has loaded it within a budget of time and
memory (``explorer.uploads.isolated``), and kept in this session's state only: it is never
written to disk, cached across sessions, or shown to anyone else. The reader is imported when a
file arrives (it pulls in numpy, for .scw files), and a template's zip is built when its button
is clicked: the panel, closed on a fresh page, holds up nothing before the first chart.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import partial
from typing import TYPE_CHECKING

import streamlit as st

from explorer.text import escape_markdown as esc
from explorer.uploads import MAX_UPLOAD_MB
from explorer.uploads.template import (
    COUNCIL_TEMPLATE_FILE_NAME,
    TEMPLATE_FILE_NAME,
    template_zip,
)

if TYPE_CHECKING:
    from explorer.uploads import UploadResult

FILE = "upload.file"
OPEN = "upload.open"
LAST = "upload.last"
"""(uploaded file id, its UploadResult): one upload is loaded once, against the set shown when
it arrived, so later reruns (or switching to the new set) do not load it again."""


def _result(
    file_id: str,
    data: bytes,
    name: str,
    current: tuple[str, Mapping[str, bytes]],
    taken: Collection[str],
) -> UploadResult:
    from explorer.uploads.isolated import load_upload_within_budget

    last = st.session_state.get(LAST)
    if last is None or last[0] != file_id:
        last = (file_id, load_upload_within_budget(data, name, current, taken))
        st.session_state[LAST] = last
    return last[1]


def files_of(set_id: str) -> dict[str, bytes] | None:
    """The YAML files of the set uploaded in this session, if ``set_id`` is that set."""
    last = st.session_state.get(LAST)
    if last and last[1].set is not None and last[1].set.id == set_id:
        return dict(last[1].files)
    return None


def uploaded(
    current_set_id: str, current_files: Mapping[str, bytes], taken: Collection[str] = ()
) -> UploadResult | None:
    """The file in the uploader, loaded against the set shown; ``None`` while there is none.
    Read before the panel is drawn (``render``), so that the view reaches the browser first.
    ``taken``: set ids in use (a clashing upload gets ``-upload``)."""
    file = st.session_state.get(FILE)
    if file is None:
        return None
    return _result(file.file_id, file.getvalue(), file.name, (current_set_id, current_files), taken)


def render(result: UploadResult | None) -> None:
    """Draw the panel in the sidebar, with what became of the file ``uploaded`` read. Closed
    with no file in it, the panel is empty (it holds nothing to keep): its uploader and buttons,
    three widgets and their scripts, are drawn once it is opened."""
    with st.sidebar:
        panel = st.expander("Your own scenario set", key=OPEN, on_change="rerun")
    if not panel.open and st.session_state.get(FILE) is None:
        return
    with panel:
        st.caption(
            "Upload a zipped scenario set folder, one scenario (.yaml) to add to the set shown, "
            "or a ScenarioWizard matrix (.scw) to explore in the What-if view with the set shown. "
            "Uploads stay in this browser session: they are never stored or shared."
        )
        st.file_uploader(
            "Scenario set (.zip), scenario (.yaml) or ScenarioWizard matrix (.scw)",
            type=["zip", "yaml", "yml", "scw"],
            key=FILE,
            max_upload_size=MAX_UPLOAD_MB,
        )
        st.download_button(
            "Download template",
            partial(template_zip, "general"),  # built when clicked
            file_name=TEMPLATE_FILE_NAME,
            mime="application/zip",
            key="upload.template",
            on_click="ignore",
            icon=":material/download:",
            help="A small fictional set to start from: a board decision by a two-thirds majority.",
        )
        st.download_button(
            "Download a Security Council vote template",
            partial(template_zip, "council"),
            file_name=COUNCIL_TEMPLATE_FILE_NAME,
            mime="application/zip",
            key="upload.template_council",
            on_click="ignore",
            type="tertiary",
        )
        if result is None:
            return
        name = st.session_state[FILE].name
        if result.set is None:
            count = len(result.problems)
            st.error(esc(f"{name} was not loaded: {count} problem(s) to fix."))
            st.code("\n".join(map(str, result.problems)), language=None, wrap_lines=True)
            return
        scenarios = len(result.set.scenarios)
        st.success(esc(f"Loaded {result.set.info.title} ({result.set.id}): {scenarios} scenarios."))
