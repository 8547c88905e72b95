"""The Overview says how far the content reaches and names the likelihood scale on every card;
the Timeline lists every event it draws, numbered, so nothing needs hover. For every set."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from explorer.analysis.reach import content_reach
from explorer.content import Catalog, ScenarioSet
from explorer.figures.timeline_key import timeline_key
from explorer.views import default_state
from explorer.views.selection import event_series
from tests.conftest import SETS

OpenApp = Callable[..., AppTest]
OnlySet = Callable[[str], ScenarioSet]


def _texts(at: AppTest) -> list[str]:
    shown = [*at.caption, *at.markdown]
    return [element.value.replace("\\", "") for element in shown]


@pytest.mark.parametrize("set_id", list(SETS))
def test_the_overview_says_how_far_the_content_reaches_and_names_the_scale(
    open_app: OpenApp, only_set: OnlySet, set_id: str
) -> None:
    scenario_set = only_set(set_id)
    at = open_app()
    assert not at.exception
    texts = _texts(at)
    assert content_reach(scenario_set).line() in texts
    for scenario in scenario_set.scenarios:
        assert any(scenario.chance in text for text in texts), scenario.id
        if scenario.likelihood is not None:
            assert "ICD 203" in scenario.chance


@pytest.mark.parametrize("set_id", list(SETS))
def test_the_timeline_lists_every_event_it_draws_by_number(
    open_app: OpenApp, only_set: OnlySet, set_id: str
) -> None:
    scenario_set = only_set(set_id)
    at = open_app(view="timeline")
    assert not at.exception
    state = default_state(Catalog(sets={set_id: scenario_set}))
    key = timeline_key(event_series(scenario_set, state), state.tracks, state.dates)
    assert key
    (listing,) = [text for text in _texts(at) if text.startswith("- 1. ")]
    assert listing.split("\n") == [f"- {entry.line()}" for entry in key]
