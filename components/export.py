"""Export and cite: a citation to copy, and downloads of the view's data, the set and a brief.

The panel's body runs only while it is open, and the files are cached (a few of each, shared
by every session) by all they depend on: the set's id, its content hash, the ids and the link,
never by content alone, so an ordinary rerun costs nothing and no session sees another's. The
PDF is printed by Chromium only when it is clicked; it states the page count it really has, and
once printed that count is remembered (shared, bounded), so the panel and the HTML brief say it
too. ``explorer.publish`` is imported when first
used: it pulls in pandas, which takes a second to import and would otherwise hold up the first
page of a fresh server.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

import streamlit as st

from explorer.content import ScenarioSet, content_hash
from explorer.formats import count
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
    pages: int | None,
) -> str:
    from explorer.publish import brief as brief

    return brief.brief_html(_scenario_set, a, b, link, day, pages)


PageKey = tuple[str, str, str, str | None, str, dt.date]
REMEMBERED_COUNTS = 64


@st.cache_resource
def _page_counts() -> dict[PageKey, int]:
    """How many pages each printed brief has (set id, content hash, a, b, link, day), shared
    by every session and bounded: the oldest is forgotten first."""
    return {}


def _pdf_of(scenario_set: ScenarioSet, key: PageKey) -> Callable[[], bytes]:
    """Called by Streamlit on a click, on another thread; an error there shows as a failed
    download."""
    _, _, a, b, link, day = key

    def make() -> bytes:
        from explorer.publish.brief import brief_html
        from explorer.publish.pdf import counted_brief_pdf

        printed = counted_brief_pdf(lambda pages: brief_html(scenario_set, a, b, link, day, pages))
        if printed is None:
            raise RuntimeError("Chromium could not print the brief")
        counts = _page_counts()
        counts[key] = printed[1]
        while len(counts) > REMEMBERED_COUNTS:
            counts.pop(next(iter(counts)))
        return printed[0]

    return make


def set_zip(scenario_set: ScenarioSet, files: Mapping[str, bytes], share_base: str) -> bytes:
    """The set's zip (``explorer.publish.set_zip``), cached by all it depends on: the set's id
    (its folder's name in the zip and in its link), its content, the files and the link's base.
    Two sessions that upload the same files under two names get two zips."""
    return _set_zip(
        scenario_set, files, scenario_set.id, scenario_set.content_hash, content_hash(files),
        share_base,
    )  # fmt: skip


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
        key = (scenario_set.id, digest, state.a, state.b, link, today)
        pages = _page_counts().get(key)
        page = _brief(scenario_set, *key, pages)
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
                f"Brief (PDF, {count(pages, 'page')})" if pages else "Brief (PDF)",
                _pdf_of(scenario_set, key),
                file_name=f"brief-{pair}.pdf",
                mime="application/pdf",
                key="export.brief_pdf",
                on_click="ignore",
                icon=":material/picture_as_pdf:",
            )
        st.caption(
            "CSV: the data this view shows, as filtered. ZIP: the whole scenario set's YAML "
            "files with a README and metadata.json (version, content hash, licence, sources). "
            f"Brief: {_brief_words(pages, pdf_available())}"
        )


def _brief_words(pages: int | None, printable: bool) -> str:
    """What the brief is, with the page count it has as PDF once it has been printed."""
    what = (
        "the compared pair as a printable document: key dates, positions and indicators drawn "
        "as charts, the sources it cites, longer texts folded (open in the HTML file, left "
        "out of a printout)."
    )
    if not printable:
        return what + " A PDF needs Chromium, which this server lacks: print the HTML file."
    if pages:
        return what + f" As PDF (A4) it has {count(pages, 'page')}, as its first page says."
    return what + " As PDF (A4) it runs to a few pages; its first page says how many."
