"""Export and cite: a citation to copy, and downloads of the view's data, the set and a brief.

The panel's body runs only while it is open, and the files are cached (a few of each, shared
by every session) by all they depend on: the set's id, its content hash, the ids and the link,
never by content alone, so an ordinary rerun costs nothing and no session sees another's. The
PDF is printed by Chromium only when it is clicked. ``explorer.publish`` is imported when first
used: it pulls in pandas, which takes a second to import and would otherwise hold up the first
page of a fresh server.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

import streamlit as st

from explorer.content import ScenarioSet, content_hash
from explorer.views import ViewState


@st.cache_data(show_spinner=False, max_entries=64)
def _view_csv(
    _scenario_set: ScenarioSet, set_id: str, content_hash: str, state: ViewState
) -> tuple[str, bytes]:
    from explorer import publish

    return publish.view_csv(_scenario_set, state)


@st.cache_data(show_spinner=False, max_entries=8)
def _set_zip(
    _scenario_set: ScenarioSet,
    _files: Mapping[str, bytes],
    set_id: str,
    content_hash: str,
    files_hash: str,
    share_base: str,
) -> bytes:
    from explorer import publish

    return publish.set_zip(_scenario_set, _files, share_base)


@st.cache_data(show_spinner=False, max_entries=32)
def _brief(
    _scenario_set: ScenarioSet,
    set_id: str,
    content_hash: str,
    a: str,
    b: str | None,
    link: str,
    day: dt.date,
) -> str:
    from explorer.publish import brief as brief

    return brief.brief_html(_scenario_set, a, b, link, day)


def set_zip(scenario_set: ScenarioSet, files: Mapping[str, bytes], share_base: str) -> bytes:
    """The set's zip (``explorer.publish.set_zip``), cached by all it depends on: the set's id
    (its folder's name in the zip and in its link), its content, the files and the link's base.
    Two sessions that upload the same files under two names get two zips."""
    return _set_zip(
        scenario_set, files, scenario_set.id, scenario_set.content_hash, content_hash(files),
        share_base,
    )  # fmt: skip


def _pdf_of(page: str) -> Callable[[], bytes]:
    """Called by Streamlit on a click, on another thread; an error there shows as a failed
    download."""

    def make() -> bytes:
        from explorer.publish.pdf import brief_pdf

        pdf = brief_pdf(page)
        if pdf is None:
            raise RuntimeError("Chromium could not print the brief")
        return pdf

    return make


def render(
    scenario_set: ScenarioSet, state: ViewState, link: str, files: Mapping[str, bytes]
) -> None:
    panel = st.expander("Export and cite", key="export.open", on_change="rerun")
    if not panel.open:
        return
    from explorer import publish
    from explorer.publish.pdf import pdf_available

    today = dt.date.today()
    digest = scenario_set.content_hash
    pair = f"{state.a}-vs-{state.b}" if state.b else state.a
    with panel:
        st.markdown("**Cite this view**")
        st.code(publish.citation(scenario_set, state, link, today), language=None, wrap_lines=True)
        name, data = _view_csv(scenario_set, scenario_set.id, digest, state)
        page = _brief(scenario_set, scenario_set.id, digest, state.a, state.b, link, today)
        share_base = urlsplit(link)._replace(query="", fragment="").geturl()
        csv_column, zip_column, html_column, pdf_column = st.columns(4)
        csv_column.download_button(
            "Data of this view (CSV)",
            data,
            file_name=name,
            mime="text/csv",
            key="export.csv",
            on_click="ignore",
            icon=":material/table:",
        )
        zip_column.download_button(
            "Scenario set (ZIP)",
            set_zip(scenario_set, files, share_base),
            file_name=f"{scenario_set.id}-{scenario_set.info.version}.zip",
            mime="application/zip",
            key="export.zip",
            on_click="ignore",
            icon=":material/folder_zip:",
        )
        html_column.download_button(
            "Brief (HTML)",
            page,
            file_name=f"brief-{pair}.html",
            mime="text/html",
            key="export.brief_html",
            on_click="ignore",
            icon=":material/description:",
        )
        if pdf_available():
            pdf_column.download_button(
                "Brief (PDF)",
                _pdf_of(page),
                file_name=f"brief-{pair}.pdf",
                mime="application/pdf",
                key="export.brief_pdf",
                on_click="ignore",
                icon=":material/picture_as_pdf:",
            )
        st.caption(
            "CSV: the data this view shows, as filtered. ZIP: the whole scenario set's YAML "
            "files with a README and metadata.json (version, content hash, licence, sources). "
            "Brief: the compared pair as a printable document, with the sources it cites."
        )
