"""AppTest helpers: a fresh app per test, caches cleared so tests cannot leak into each other,
and the app pointed at one of the sets the tests run over (``SETS`` in tests/conftest.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from explorer.content import ROOT_VARIABLE, ScenarioSet
from explorer.views import ViewState
from tests.conftest import SET_FOLDERS, SETS

APP = Path(__file__).resolve().parents[2] / "app.py"


@pytest.fixture(autouse=True)
def _clear_caches() -> Iterator[None]:
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def open_app() -> Callable[..., AppTest]:
    """Open the app at a URL given as query parameters, as a browser would."""

    def _open(**params: str | list[str]) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        return at.run()

    return _open


@pytest.fixture
def only_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], ScenarioSet]:
    """Point the app at a folder that holds one set only (its first screen's set); return it."""

    def _only(name: str) -> ScenarioSet:
        root = tmp_path / "only"
        root.mkdir()
        (root / name).symlink_to(SET_FOLDERS[name], target_is_directory=True)
        monkeypatch.setenv(ROOT_VARIABLE, str(root))
        return SETS[name]

    return _only


def linked_view(scenario_set: ScenarioSet, view: str, choices: dict[str, object]) -> ViewState:
    """Draw one view as the app does (``components.url``): the view's own ``choices`` (fields of
    the state) come as a link gives them, and a run whose link is not the echo of what the view
    drew on the run before counts as a link from outside, which seeds the view's controls.
    Called from the scripts AppTest runs."""
    from dataclasses import replace

    from components import url, views
    from explorer.content import Catalog
    from explorer.views import default_state

    catalog = Catalog({scenario_set.id: scenario_set})
    asked = replace(default_state(catalog), view=view, **choices)
    st.session_state[url.OUTSIDE] = asked != st.session_state.get("test.written")
    shown = views.render(scenario_set, asked)
    st.session_state["test.written"] = shown
    return shown


def figures_of(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def text(at: AppTest) -> str:
    """Everything written as Markdown or caption, with the content escaping taken out."""
    values = [m.value for m in at.markdown] + [c.value for c in at.caption]
    return re.sub(r"\\(.)", r"\1", "\n".join(values))


def figure(at: AppTest, title: str) -> dict:
    return next(f for f in figures_of(at) if f["layout"]["title"]["text"] == title)


def trace(fig: dict, name: str) -> dict:
    return next(t for t in fig["data"] if t.get("name") == name)
