"""Pure figure and table builders for cross-impact balance (CIB) analysis. No Streamlit here.

Names of descriptors, variants and scenarios are content: they are HTML-escaped before they go
into labels or hover text, which plotly renders as markup. Colour never carries meaning alone:
tableau cells carry the variant's name, and the chosen variant in a balance is hatched while
the best variant of each descriptor is starred.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from explorer.cib.matrix import (
    CrossImpactMatrix,
    Solution,
    Succession,
    contributions,
    descriptor_margins,
    evaluate,
    impact_balance,
)
from explorer.figures.palette import LABELLED_FILLS, NEUTRAL_COLOR, OBSERVED_COLOR, SCENARIO_STYLES
from explorer.figures.style import esc, layout, wrap

# Okabe-Ito colours, one per variant position (first, second, ...), on which black text
# reads at 4.5:1 or more.
VARIANT_COLORS: tuple[str, ...] = LABELLED_FILLS
CHOSEN_COLOR = SCENARIO_STYLES[0].color
PAGE = 12  # scenarios per tableau: more would not leave their names legible


def column_label(number: int, solution: Solution, labels: Mapping[tuple[str, ...], str]) -> str:
    """``#3 · CV 0 · TIS 17``, with the authored scenario's label when it is one."""
    base = f"#{number} · CV {solution.consistency_value} · TIS {solution.total_impact_score}"
    label = labels.get(solution.variants)
    return f"{base} · {label}" if label else base


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


# --- Tables and one-sentence summaries --------------------------------------------------------


def tableau_table(
    m: CrossImpactMatrix,
    solutions: Sequence[Solution],
    labels: Mapping[tuple[str, ...], str] | None = None,
) -> pd.DataFrame:
    table = {"Descriptor": [d.name for d in m.descriptors]}
    for n, solution in enumerate(solutions, start=1):
        table[column_label(n, solution, labels or {})] = list(solution.variants)
    return pd.DataFrame(table)


def balance_table(m: CrossImpactMatrix, scenario: Mapping[str, str]) -> pd.DataFrame:
    scores, shares = impact_balance(m, scenario), contributions(m, scenario)
    records = []
    for d in m.descriptors:
        for v in d.variants:
            record = {
                "Descriptor": d.name,
                "Variant": v,
                "Chosen": "yes" if scenario[d.name] == v else "",
                "Score": scores[d.name][v],
            }
            records.append(record | {f"from {s}": x for s, x in shares[d.name][v].items()})
    return pd.DataFrame(records)


def authored_table(
    m: CrossImpactMatrix, scenarios: Sequence[tuple[str, Mapping[str, str]]]
) -> pd.DataFrame:
    """Each authored scenario under the matrix: consistent or not, and by how much not."""
    records = []
    for label, variants in scenarios:
        solution = evaluate(m, variants)
        behind = [d for d, x in descriptor_margins(m, variants).items() if x < 0]
        records.append(
            {
                "Scenario": label,
                "Consistent": "yes" if solution.inconsistency == 0 else "no",
                "Consistency value": solution.consistency_value,
                "Inconsistency": solution.inconsistency,
                "Total impact score": solution.total_impact_score,
                "Descriptors pushed elsewhere": ", ".join(behind) or "none",
            }
        )
    return pd.DataFrame(records)


def succession_table(m: CrossImpactMatrix, path: Succession) -> pd.DataFrame:
    """One row per step; ``Changes`` names what moved since the step before."""
    names = [d.name for d in m.descriptors]
    records = []
    for step, state in enumerate(path.path):
        before = path.path[step - 1] if step else state
        moved = [n for n, a, b in zip(names, before, state, strict=True) if a != b]
        records.append(
            {"Step": step, "Changes": ", ".join(moved) or "start"}
            | dict(zip(names, state, strict=True))
        )
    return pd.DataFrame(records)


def tableau_summary(solutions: Sequence[Solution], fixed: Mapping[str, str]) -> str:
    given = "; ".join(f"{d} = {v}" for d, v in fixed.items())
    where = f" with {given} imposed" if given else ""
    if not solutions:
        return f"No consistent scenario{where}."
    ties = sum(1 for s in solutions if s.consistency_value == 0)
    return (
        f"{len(solutions)} consistent scenarios{where}; {ties} of them hold only by a tie "
        f"(consistency value 0). The highest total impact score is "
        f"{max(s.total_impact_score for s in solutions)}."
    )


def balance_summary(m: CrossImpactMatrix, scenario: Mapping[str, str], title: str) -> str:
    margins = descriptor_margins(m, scenario)
    behind = {d: x for d, x in margins.items() if x < 0}
    if not behind:
        ties = [d for d, x in margins.items() if x == 0]
        extra = f" ({', '.join(ties)} only by a tie)" if ties else ""
        return f"In {title}, every chosen variant has the highest score of its descriptor{extra}."
    worst = ", ".join(f"{d} ({x})" for d, x in behind.items())
    return f"In {title}, other variants score higher for: {worst}."


def succession_summary(label: str, path: Succession) -> str:
    steps = len(path.path) - 1
    if path.ends_in == "cycle":
        size = len(path.attractor)
        return (
            f"{label}: after {path.attractor_start} steps, succession enters a cycle of "
            f"{size} scenarios and never settles."
        )
    if steps == 0:
        return f"{label} is a fixed point of succession: nothing in it moves."
    return f"{label}: succession settles on a consistent scenario after {steps} step(s)."
