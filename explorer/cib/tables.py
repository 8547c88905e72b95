"""The data behind each CIB figure and panel, as pandas tables (the 'data one click away')."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from explorer.cib.balance import (
    Solution,
    contributions,
    descriptor_margins,
    evaluate,
    impact_balance,
)
from explorer.cib.matrix import CrossImpactMatrix
from explorer.cib.succession import Succession


def column_label(number: int, solution: Solution, labels: Mapping[tuple[str, ...], str]) -> str:
    """``#3 · CV 0 · TIS 17``, with the authored scenario's label when it is one."""
    base = f"#{number} · CV {solution.consistency_value} · TIS {solution.total_impact_score}"
    label = labels.get(solution.variants)
    return f"{base} · {label}" if label else base


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


def successions_table(
    m: CrossImpactMatrix, paths: Sequence[tuple[str, Succession]]
) -> pd.DataFrame:
    """Several scenarios' successions in one table: each labelled scenario's steps, in turn."""
    return pd.concat(
        [succession_table(m, path).assign(Scenario=label) for label, path in paths],
        ignore_index=True,
    )[["Scenario", "Step", "Changes", *(d.name for d in m.descriptors)]]
