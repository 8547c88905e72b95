"""The Sources view's search is in the link: a link with ``search=`` opens with the field filled
and the table filtered; typing a search puts it in the state the link is written from.
Checked for every set."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from explorer.content import ScenarioSet
from tests.conftest import SETS, set_id


def sources_page(scenario_set: "ScenarioSet", search: str) -> None:  # noqa: UP037
    import streamlit as st

    from tests.app.conftest import linked_view

    st.session_state["test.shown"] = linked_view(scenario_set, "sources", {"search": search})


def open_sources(scenario_set: ScenarioSet, search: str) -> AppTest:
    at = AppTest.from_function(
        sources_page, default_timeout=60, kwargs={"scenario_set": scenario_set, "search": search}
    )
    return at.run()


def word_of(scenario_set: ScenarioSet) -> str:
    """A word of the first source's publisher: a search some sources match."""
    return scenario_set.sources[0].publisher.split()[0]


@pytest.mark.parametrize("scenario_set", SETS.values(), ids=set_id)
def test_a_link_with_a_search_fills_the_field_and_filters_the_table(
    scenario_set: ScenarioSet,
) -> None:
    word = word_of(scenario_set)
    at = open_sources(scenario_set, word)
    assert not at.exception, at.exception
    assert at.text_input(key="sources.query").value == word
    matching = [
        s
        for s in scenario_set.sources
        if word.casefold() in s.title.casefold() or word.casefold() in s.publisher.casefold()
    ]
    assert f"{len(matching)} of {len(scenario_set.sources)} sources." in at.caption[0].value
    assert at.session_state["test.shown"].search == word


@pytest.mark.parametrize("scenario_set", SETS.values(), ids=set_id)
def test_typing_a_search_puts_it_in_the_state_the_link_is_written_from(
    scenario_set: ScenarioSet,
) -> None:
    at = open_sources(scenario_set, "")
    assert at.session_state["test.shown"].search == ""
    at.text_input(key="sources.query").input(word_of(scenario_set)).run()
    assert not at.exception, at.exception
    assert at.session_state["test.shown"].search == word_of(scenario_set)
