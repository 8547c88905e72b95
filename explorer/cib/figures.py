"""Figures of cross-impact balance (CIB) analysis: the scenario tableau and the impact balance.

Names of descriptors, variants and scenarios are content: they are HTML-escaped before they go
into labels or hover text, which plotly renders as markup. Colour never carries meaning alone:
tableau cells carry the variant's name, and the chosen variant in a balance is hatched while
the best variant of each descriptor is starred.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from explorer.cib.balance import Solution, contributions, impact_balance
from explorer.cib.matrix import CrossImpactMatrix
from explorer.figures.palette import LABELLED_FILLS, NEUTRAL_COLOR, OBSERVED_COLOR, SCENARIO_STYLES
from explorer.figures.style import esc, layout, wrap

# Okabe-Ito colours, one per variant position (first, second, ...), on which black text
# reads at 4.5:1 or more.
VARIANT_COLORS: tuple[str, ...] = LABELLED_FILLS
CHOSEN_COLOR = SCENARIO_STYLES[0].color
PAGE = 12  # scenarios per tableau: more would not leave their names legible


def tableau(
    m: CrossImpactMatrix,
    solutions: Sequence[Solution],
    labels: Mapping[tuple[str, ...], str] | None = None,
    fixed: Sequence[str] = (),
    first: int = 0,
) -> go.Figure:
    """Scenario tableau of ``solutions[first : first + PAGE]``: one column per scenario, one row
    per descriptor, each cell the scenario's variant, coloured by its position among the
    descriptor's variants."""
    labels = labels or {}
    shown = list(solutions)[first : first + PAGE]
    columns = [
        f"#{n}<br>CV {s.consistency_value} · TIS {s.total_impact_score}"
        + (f"<br>{wrap(labels[s.variants], 15)}" if s.variants in labels else "")
        for n, s in enumerate(shown, start=first + 1)
    ]
    rows = [esc(d.name) + (" (fixed)" if d.name in fixed else "") for d in m.descriptors]
    z = [[d.variants.index(s.variants[j]) for s in shown] for j, d in enumerate(m.descriptors)]
    text = [[wrap(s.variants[j], 15) for s in shown] for j in range(len(m.descriptors))]
    count = max(len(d.variants) for d in m.descriptors)
    colors = [VARIANT_COLORS[k % len(VARIANT_COLORS)] for k in range(count)]
    scale = [[edge, c] for k, c in enumerate(colors) for edge in (k / count, (k + 1) / count)]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=columns,
            y=rows,
            zmin=-0.5,
            zmax=count - 0.5,
            colorscale=scale,
            showscale=False,
            text=text,
            texttemplate="%{text}",
            textfont={"size": 11, "color": "#000000"},
            hovertemplate="%{y}: %{text}<br>%{x}<extra></extra>",
            xgap=2,
            ygap=2,
        )
    )
    fig.update_yaxes(autorange="reversed", fixedrange=True)
    fig.update_xaxes(side="top", tickangle=0, tickfont={"size": 11}, fixedrange=True)
    title = f"Consistent scenarios ({len(solutions)})"
    if len(shown) < len(solutions):
        title = f"Consistent scenarios {first + 1}-{first + len(shown)} of {len(solutions)}"
    fig = layout(fig, title, height=190 + 48 * len(m.descriptors), legend_y=-0.08)
    fig.update_layout(margin={"t": 150})
    return fig


def _hover(name: str, score: int, shares: Mapping[str, int]) -> str:
    parts = [f"from {esc(source)}: {value:+d}" for source, value in shares.items() if value]
    return f"<b>{esc(name)}</b><br>score {score}<br>" + ("<br>".join(parts) or "no impact")


def balance(m: CrossImpactMatrix, scenario: Mapping[str, str], title: str) -> go.Figure:
    """The impact balance of a scenario: every variant's score, the chosen variants hatched and
    the best of each descriptor starred, so a chosen bar without a star is inconsistent.
    Hover lists the share of every impacting descriptor. ``title`` is plain text."""
    scores = impact_balance(m, scenario)
    shares = contributions(m, scenario)
    rows = [(d.name, v) for d in m.descriptors for v in d.variants]
    y = [esc(f"{d} · {v}") for d, v in rows]
    fig = go.Figure()
    for chosen, name, color, pattern in (
        (True, "chosen variant", CHOSEN_COLOR, "/"),
        (False, "other variants", NEUTRAL_COLOR, ""),
    ):
        picked = [(k, d, v) for k, (d, v) in enumerate(rows) if (scenario[d] == v) is chosen]
        fig.add_trace(
            go.Bar(
                x=[scores[d][v] for _, d, v in picked],
                y=[y[k] for k, _, _ in picked],
                orientation="h",
                name=name,
                marker={"color": color, "pattern": {"shape": pattern}},
                hovertext=[_hover(f"{d}: {v}", scores[d][v], shares[d][v]) for _, d, v in picked],
                hoverinfo="text",
            )
        )
    best = [
        (y[k], scores[d][v])
        for k, (d, v) in enumerate(rows)
        if scores[d][v] == max(scores[d].values())
    ]
    fig.add_trace(
        go.Scatter(
            x=[x for _, x in best],
            y=[label for label, _ in best],
            mode="markers",
            name="highest score in its descriptor",
            marker={"symbol": "star", "size": 11, "color": OBSERVED_COLOR},
            hoverinfo="skip",
        )
    )
    fig.update_yaxes(categoryorder="array", categoryarray=y, autorange="reversed")
    fig.update_xaxes(zeroline=True, zerolinecolor=NEUTRAL_COLOR, title="impact score")
    return layout(fig, f"Impact balance: {esc(title)}", height=140 + 22 * len(rows), legend_y=-0.08)
