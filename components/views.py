"""Route the state to its view. Views that hold shareable choices of their own (the Council
and cross-impact what-ifs) return them, and the state carries them into the URL.

Each view's module is imported when the view is first shown, not before: the views together
pull in pandas and numpy, which would otherwise delay the first chart of a fresh server by
seconds."""

from __future__ import annotations

import importlib
from dataclasses import replace

from explorer.content.model import ScenarioSet
from explorer.views.state import ViewState


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    view = importlib.import_module(f"components.{state.view}")
    if state.view == "council":
        votes = view.render(scenario_set, dict(state.votes))
        return replace(state, votes=tuple(sorted(votes.items())))
    if state.view == "whatif":
        fixed, judgments = view.render(scenario_set, dict(state.fixed), dict(state.judgments))
        return replace(
            state, fixed=tuple(sorted(fixed.items())), judgments=tuple(sorted(judgments.items()))
        )
    if state.view == "reality":
        view.render(scenario_set, [s for s in (state.a, state.b) if s])
        return state
    view.render(scenario_set, state)
    return state
