"""Route the state to its view. Views that hold shareable choices of their own (the Council
and cross-impact what-ifs) return them, and the state carries them into the URL."""

from __future__ import annotations

from dataclasses import replace

from components import (
    council,
    drafts,
    outcomes,
    overview,
    reality,
    sources,
    stakeholders,
    timeline,
    whatif,
)
from explorer.model import ScenarioSet
from explorer.state import ViewState

PLAIN = {
    "overview": overview.render,
    "timeline": timeline.render,
    "stakeholders": stakeholders.render,
    "outcomes": outcomes.render,
    "drafts": drafts.render,
    "sources": sources.render,
}


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    if state.view == "council":
        votes = council.render(scenario_set, dict(state.votes))
        return replace(state, votes=tuple(sorted(votes.items())))
    if state.view == "whatif":
        fixed, judgments = whatif.render(scenario_set, dict(state.fixed), dict(state.judgments))
        return replace(
            state, fixed=tuple(sorted(fixed.items())), judgments=tuple(sorted(judgments.items()))
        )
    if state.view == "reality":
        reality.render(scenario_set, [s for s in (state.a, state.b) if s])
        return state
    PLAIN[state.view](scenario_set, state)
    return state
