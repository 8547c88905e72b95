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
from explorer.figures.palette import (
    INK_COLOR,
    LABELLED_FILLS,
    NEUTRAL_COLOR,
    OBSERVED_COLOR,
    SCENARIO_STYLES,
)
from explorer.figures.style import esc, layout, wrap

# Okabe-Ito colours, one per variant position (first, second, ...), on which black text
# reads at 4.5:1 or more.
VARIANT_COLORS: tuple[str, ...] = LABELLED_FILLS
CHOSEN_COLOR = SCENARIO_STYLES[0].color
PAGE = 4
"""Scenarios per tableau: on a phone four columns leave each variant's name some 60 px."""
CELL_CHARS = 11  # characters per line of a variant's name in a cell
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")


def cell_text(text: str, width: int = CELL_CHARS) -> str:
    """Escaped, in lines of at most ``width`` characters; a word longer than that is broken
    with a hyphen, so that no cell's text runs into the next."""
    return wrap(" ".join(piece for word in text.split() for piece in _pieces(word, width)), width)


def _pieces(word: str, width: int) -> list[str]:
    if len(word) <= width:
        return [word]
    parts = [word[k : k + width - 1] for k in range(0, len(word), width - 1)]
    return [part + "-" for part in parts[:-1]] + [parts[-1]]


def tableau(
    m: CrossImpactMatrix,
    solutions: Sequence[Solution],
    labels: Mapping[tuple[str, ...], str] | None = None,
    fixed: Sequence[str] = (),
    first: int = 0,
) -> go.Figure:
    """Scenario tableau of ``solutions[first : first + PAGE]``: one column per scenario (its
    number, consistency value CV and total impact score TIS), one row per descriptor, each cell
    the scenario's variant, coloured by its position among the descriptor's variants, with a
    legend for the colours."""
    labels = labels or {}
    shown = list(solutions)[first : first + PAGE]
    columns = [
        f"#{n}<br>CV {s.consistency_value}<br>TIS {s.total_impact_score}"
        + (f"<br>{cell_text(labels[s.variants], 12)}" if s.variants in labels else "")
        for n, s in enumerate(shown, start=first + 1)
    ]
    rows = [wrap(d.name + (" (fixed)" if d.name in fixed else ""), 14) for d in m.descriptors]
    z = [[d.variants.index(s.variants[j]) for s in shown] for j, d in enumerate(m.descriptors)]
    text = [[cell_text(s.variants[j]) for s in shown] for j in range(len(m.descriptors))]
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
            textfont={"size": 10, "color": "#000000"},
            hovertemplate="%{y}: %{text}<br>%{x}<extra></extra>",
            xgap=2,
            ygap=2,
            showlegend=False,
        )
    )
    for k, color in enumerate(colors):
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=f"{ORDINALS[k] if k < len(ORDINALS) else k + 1} variant",
                marker={"symbol": "square", "size": 14, "color": color},
                hoverinfo="skip",
            )
        )
    fig.update_yaxes(autorange="reversed", fixedrange=True)
    fig.update_xaxes(side="top", tickangle=0, tickfont={"size": 11}, fixedrange=True)
    title = f"Consistent scenarios ({len(solutions)})"
    if len(shown) < len(solutions):
        title = f"Consistent scenarios {first + 1}-{first + len(shown)} of {len(solutions)}"
    header = 16 * max((c.count("<br>") + 1 for c in columns), default=1)
    fig = layout(fig, title, height=70 + 52 * len(m.descriptors), legend_y=-0.04, top=header)
    fig.update_layout(
        legend={
            "title": {
                "text": "Colour: the variant's place in its descriptor",
                "font": {"color": INK_COLOR},
            }
        },
        margin={"b": 60},
    )
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
    y = [wrap(f"{d} · {v}", 26) for d, v in rows]
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
    row = 40 if any("<br>" in label for label in y) else 24
    legend_y = -64 / (row * len(rows))  # under the axis title: 64 px as a share of the plot
    fig = layout(fig, f"Impact balance: {esc(title)}", 200 + row * len(rows), legend_y)
    fig.update_layout(legend={"orientation": "v"})
    return fig
