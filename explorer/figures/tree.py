"""The scenario tree figure: the decision and the paths it can take, by status, with the
selected scenarios marked. No Streamlit here.

Status is told by marker shape as well as colour, and content text is HTML-escaped before it
goes into labels and hover text, which plotly renders as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from explorer.content import ScenarioSet
from explorer.figures.palette import NEUTRAL_COLOR, OUTLINE_COLOR, STATUS_STYLES
from explorer.figures.style import esc, layout, wrap
from explorer.formats import day


def _tree_positions(scenario_set: ScenarioSet) -> dict[str, tuple[int, int]]:
    """(depth, row) for each scenario: roots at depth 1, each branch one deeper, rows downward."""
    children: dict[str | None, list[str]] = {}
    for s in scenario_set.scenarios:
        children.setdefault(s.parent, []).append(s.id)
    position: dict[str, tuple[int, int]] = {}

    def place(node: str, depth: int) -> None:
        position[node] = (depth, -len(position))
        for child in children.get(node, []):
            place(child, depth + 1)

    for root in children.get(None, []):
        place(root, 1)
    return position


def scenario_tree(scenario_set: ScenarioSet, selected: Sequence[str]) -> go.Figure:
    """The decision and the paths it can take: roots from the decision, branches from parents.
    Status is shown by colour and marker shape; the selected scenarios are ringed and lettered."""
    position = _tree_positions(scenario_set)
    roots = [position[s.id][1] for s in scenario_set.scenarios if s.parent is None]
    root_y = sum(roots) / len(roots) if roots else 0
    fig = go.Figure()
    edge_x: list[float | None] = []
    edge_y: list[float | None] = []
    for s in scenario_set.scenarios:
        px, py = position[s.parent] if s.parent else (0, root_y)
        edge_x += [px, *position[s.id][:1], None]
        edge_y += [py, position[s.id][1], None]
    fig.add_trace(
        go.Scatter(
            x=edge_x,
            y=edge_y,
            mode="lines",
            line={"color": NEUTRAL_COLOR, "width": 1.5},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[0],
            y=[root_y],
            mode="markers+text",
            name="decision",
            marker={"symbol": "hexagon", "size": 24, "color": NEUTRAL_COLOR},
            text=[f"Decision<br>{day(scenario_set.info.decision_date)}"],
            textposition="bottom center",
            hovertext=[esc(scenario_set.info.decision_point)],
            hoverinfo="text",
            showlegend=False,
        )
    )
    by_id = {s.id: s for s in scenario_set.scenarios}
    letters = dict(zip(selected, ("A", "B"), strict=False))
    for status, (color, symbol) in STATUS_STYLES.items():
        ids = [i for i in position if by_id[i].status == status]
        if not ids:
            continue
        fig.add_trace(
            go.Scatter(
                x=[position[i][0] for i in ids],
                y=[position[i][1] for i in ids],
                mode="markers+text",
                name=status,
                marker={
                    "symbol": symbol,
                    "color": color,
                    "size": [26 if i in letters else 18 for i in ids],
                    "line": {
                        "width": [3 if i in letters else 1.5 for i in ids],
                        "color": ["#000000" if i in letters else OUTLINE_COLOR for i in ids],
                    },
                },
                text=[
                    (f"{letters[i]}: " if i in letters else "") + wrap(by_id[i].label, 16)
                    for i in ids
                ],
                textposition="middle right",
                hovertext=[esc(by_id[i].narrative.headline) for i in ids],
                hoverinfo="text",
            )
        )
    depth = max((d for d, _ in position.values()), default=1)
    lowest = min((r for _, r in position.values()), default=0)
    fig.update_xaxes(visible=False, range=[-0.7, depth + 1.4], fixedrange=True)
    fig.update_yaxes(visible=False, range=[lowest - 0.6, 0.6], fixedrange=True)
    return layout(fig, "Scenario tree: the decision and its paths", height=160 + 60 * len(position))
