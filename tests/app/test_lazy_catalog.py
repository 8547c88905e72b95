"""The app reads the catalog's index at start and loads a set when it is first shown: opening
the page loads the set it shows, not the others; choosing another set loads that one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.data import cached_catalog
from explorer.content import ROOT_VARIABLE
from tests.conftest import SET_FOLDERS

OpenApp = Callable[..., AppTest]


@pytest.fixture
def every_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Point the app at a folder holding every set the tests run over; return their ids."""
    root = tmp_path / "every"
    root.mkdir()
    for name, folder in SET_FOLDERS.items():
        (root / name).symlink_to(folder, target_is_directory=True)
    monkeypatch.setenv(ROOT_VARIABLE, str(root))
    return sorted(SET_FOLDERS)


def test_the_first_page_loads_only_the_set_it_shows(
    open_app: OpenApp, every_set: list[str]
) -> None:
    at = open_app()
    assert not at.exception
    shown = at.selectbox(key="sidebar.set").value
    catalog = cached_catalog()
    assert catalog.ids == every_set
    assert [i for i in every_set if catalog.is_loaded(i)] == [shown]


def test_choosing_a_set_loads_it_and_shows_its_defaults(
    open_app: OpenApp, every_set: list[str]
) -> None:
    at = open_app()
    other = next(i for i in every_set if i != at.selectbox(key="sidebar.set").value)
    at.selectbox(key="sidebar.set").set_value(other).run()
    assert not at.exception
    chosen = cached_catalog()[other]
    assert cached_catalog().is_loaded(other)
    assert at.selectbox(key="sidebar.a").value == chosen.info.default_pair[0]
    assert at.query_params["set"] == other


def test_a_link_to_a_set_loads_that_set(open_app: OpenApp, every_set: list[str]) -> None:
    last = every_set[-1]
    at = open_app(set=last)
    assert not at.exception and not at.warning
    assert at.selectbox(key="sidebar.set").value == last
    assert cached_catalog().is_loaded(last)
