"""The "Export and cite" panel: closed it costs nothing; open it offers a citation to copy and
downloads of the view's CSV, the set's zip and the brief (HTML, and PDF where Chromium is).

Caches are cleared around every test by the autouse fixture in tests/app/conftest.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import export
from explorer import publish
from explorer.content import Catalog, ScenarioSet, load_set, read_folder
from explorer.publish import brief, pdf
from explorer.views import VIEWS, default_state
from tests.conftest import SET_FOLDERS

LINK = "https://example.app/?view=timeline"
BUTTONS = ["export.csv", "export.zip", "export.brief_html", "export.brief_pdf"]


def export_panel(*args: object) -> None:
    """The script AppTest runs: only the panel (its source is run alone, without imports)."""
    from components import export

    export.render(*args)  # type: ignore[arg-type]


Content = tuple[ScenarioSet, Mapping[str, bytes]]


def loaded(folder: Path) -> Content:
    scenario_set, files = load_set(folder).set, read_folder(folder)
    assert scenario_set is not None and isinstance(files, dict)
    return scenario_set, files


def panel(content: Content, opened: bool, **change: object) -> AppTest:
    scenario_set, files = content
    state = replace(default_state(Catalog(sets={scenario_set.id: scenario_set})), **change)
    at = AppTest.from_function(
        export_panel, args=(scenario_set, state, LINK, files), default_timeout=60
    )
    if opened:
        at.session_state["export.open"] = True
    return at.run()


def buttons(at: AppTest) -> list[str]:
    return [button.key for button in at.get("download_button")]


def test_the_closed_panel_builds_no_downloads(tiny_set: Path) -> None:
    at = panel(loaded(tiny_set), opened=False)
    assert not at.exception
    assert [e.label for e in at.get("expander")] == ["Export and cite"]
    assert buttons(at) == []


def test_the_open_panel_offers_the_citation_and_every_download(
    tiny_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[str] = []
    monkeypatch.setattr(pdf, "pdf_available", lambda: True)
    monkeypatch.setattr(pdf, "brief_pdf", printed.append)
    at = panel(loaded(tiny_set), opened=True, view="timeline")
    assert not at.exception
    assert buttons(at) == BUTTONS
    assert printed == [], "the PDF is printed only when its button is clicked"
    (citation,) = at.get("code")
    assert citation.value.startswith('Scenario Explorer, "Tiny test set", content version 0.1.0')
    assert f": Adopted vs Rejected, timeline. {LINK} (accessed " in citation.value


def test_no_pdf_button_without_chromium(tiny_set: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "pdf_available", lambda: False)
    at = panel(loaded(tiny_set), opened=True)
    assert not at.exception
    assert buttons(at) == BUTTONS[:3]


def test_a_rerun_reuses_the_cached_files(tiny_set: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []

    def counted(name: str) -> Callable[..., object]:
        original = getattr(publish, name)

        def build(*args: object) -> object:
            built.append(name)
            return original(*args)

        return build

    for name in ("view_csv", "set_zip"):
        monkeypatch.setattr(publish, name, counted(name))
    at = panel(loaded(tiny_set), opened=True)
    at.run()
    assert not at.exception
    assert built == ["view_csv", "set_zip"]


@pytest.mark.parametrize("view", list(VIEWS))
@pytest.mark.parametrize("b", ["compared", None])
@pytest.mark.parametrize("set_id", list(SET_FOLDERS))
def test_every_view_of_every_set_exports(set_id: str, view: str, b: str | None) -> None:
    at = panel(loaded(SET_FOLDERS[set_id]), opened=True, view=view, **({} if b else {"b": None}))
    assert not at.exception, at.exception
    assert buttons(at)[:3] == BUTTONS[:3]


def test_once_printed_the_panel_and_the_html_brief_say_the_pdfs_page_count(
    tiny_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "pdf_available", lambda: True)
    monkeypatch.setattr(pdf, "counted_brief_pdf", lambda page: (b"%PDF", 3))
    stated: list[int | None] = []
    original = brief.brief_html

    def html_brief(*args: object) -> str:
        stated.append(args[-1])  # type: ignore[arg-type]
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(brief, "brief_html", html_brief)
    content = loaded(tiny_set)
    before = panel(content, opened=True)
    (label,) = [b.label for b in before.get("download_button") if b.key == "export.brief_pdf"]
    assert label == "Brief (PDF)"
    assert "its first page says how many" in before.caption[0].value
    scenario_set, _ = content
    state = default_state(Catalog(sets={scenario_set.id: scenario_set}))
    key = (scenario_set.id, scenario_set.content_hash, state.a, state.b, LINK, dt.date.today())
    assert export._pdf_of(scenario_set, key)() == b"%PDF"
    after = panel(content, opened=True)
    (label,) = [b.label for b in after.get("download_button") if b.key == "export.brief_pdf"]
    assert label == "Brief (PDF, 3 pages)"
    assert "As PDF (A4) it has 3 pages" in after.caption[0].value
    assert stated == [None, 3], "the HTML brief states the count once it is known"


def test_without_chromium_the_panel_says_to_print_the_html_brief(
    tiny_set: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "pdf_available", lambda: False)
    at = panel(loaded(tiny_set), opened=True)
    assert "A PDF needs Chromium, which this server lacks" in at.caption[0].value
