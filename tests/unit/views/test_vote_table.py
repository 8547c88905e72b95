"""The Vote view's CSV: the chosen text's members, its recorded vote only where one is recorded,
and the what-if of the link, for every decided text of every set."""

from __future__ import annotations

from dataclasses import replace

import pytest

from explorer.content import Catalog, ScenarioSet
from explorer.views import default_state
from explorer.views.data import vote_table
from explorer.voting import chosen_decision, decisions, recorded_votes, starting_votes
from tests.conftest import SETS

DECIDED = [(s, t.id) for s in SETS.values() for t, _ in decisions(s)]


@pytest.mark.parametrize(
    ("scenario_set", "text_id"), DECIDED, ids=[f"{s.id}/{t}" for s, t in DECIDED]
)
def test_the_csv_gives_the_chosen_text_s_members_its_record_and_the_what_if(
    scenario_set: ScenarioSet, text_id: str
) -> None:
    found = chosen_decision(scenario_set, text_id)
    assert found is not None
    text, body = found
    start = starting_votes(text, body)
    member = sorted(start)[0]
    changed = "no" if start[member] != "no" else "yes"
    state = replace(
        default_state(Catalog({scenario_set.id: scenario_set})),
        view="vote",
        text=text_id,
        votes=((member, changed),),
    )
    table = vote_table(scenario_set, state)
    rows = table[table["draft"] == text.title]
    names = {a.id: a.name for a in scenario_set.actors}
    assert sorted(rows["member"]) == sorted(names[m] for m in start)
    recorded = recorded_votes(text.vote) if text.vote else {}
    assert (rows["recorded"] == "").all() == (text.vote is None)  # empty, never "None"
    for m, vote in start.items():
        row = rows[rows["member"] == names[m]].iloc[0]
        assert row["what-if"] == (changed if m == member else vote)
        assert row["recorded"] == (recorded[m] if text.vote else "")
