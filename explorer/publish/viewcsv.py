"""The current view's data as a CSV file, safe to open in a spreadsheet."""

from __future__ import annotations

import re

from explorer.content import ScenarioSet
from explorer.views import VIEWS, ViewState

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_START = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def _inert(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and _FORMULA_START.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def view_csv(scenario_set: ScenarioSet, state: ViewState) -> tuple[str, bytes]:
    """The file name and UTF-8 CSV of the data the current view shows."""
    view = VIEWS[state.view]
    table = view.table(scenario_set, state)
    name = f"{scenario_set.id}-{view.id}"
    if view.compares:
        name += f"-{state.a}" + (f"-vs-{state.b}" if state.b else "")
    text = table.map(_inert).to_csv(index=False, lineterminator="\n")
    return f"{name}.csv", text.encode("utf-8")
