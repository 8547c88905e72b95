"""Route the state to its view, as the registry (``explorer.views.registry``) declares it.

Each view's module is imported when the view is first shown, not before: the views together
pull in pandas and numpy, which would otherwise delay the first chart of a fresh server by
seconds. Every view has the same signature, ``render(scenario_set, state) -> state``: views that
hold shareable choices of their own (Stakeholders, Vote and What-if) return the state with
them, and the URL carries them.
"""

from __future__ import annotations

import importlib

from explorer.content import ScenarioSet
from explorer.views import VIEWS, ViewState


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    component = importlib.import_module(VIEWS[state.view].component)
    return component.render(scenario_set, state)
