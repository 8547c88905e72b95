"""What-if: cross-impact balance (CIB) analysis of the set's matrix. Fix descriptors and change
judgments; see every consistent scenario, why each variant wins, whether the authored scenarios
hold under the matrix, and where succession takes them. The controls of the choices are built
only while their expander is open; the choices themselves are kept by
``components.whatif_choices``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import streamlit as st

from components import scw_download, succession_panel
from components.chart import ChartContent, chart
from components.data import memo
from components.lazy import opened
from components.succession_panel import Authored
from components.whatif_choices import (
    FIXED,
    FIXES,
    JUDGMENTS,
    OVERRIDES,
    changed,
    kept,
    reset_judgments,
    seed,
    valid,
)
from explorer.cib import CibError, CrossImpactMatrix, Judgment, Solution, from_cib_file, search
from explorer.cib import figures as cf
from explorer.cib import summaries as cs
from explorer.cib import tables as ct
from explorer.content import CibFile, ScenarioSet
from explorer.text import escape_markdown as esc
from explorer.views import ViewState

FREE = "(any variant)"


def _fixes(m: CrossImpactMatrix, fresh: bool) -> None:
    """The descriptor controls, each seeded from the kept choices; each change is kept."""
    fixed: dict[str, str] = st.session_state[FIXED]
    st.caption(
        "A fixed descriptor keeps its variant whatever the others push for (intervention "
        "analysis); the scenarios shown are then consistent in every other descriptor."
    )
    columns = st.columns(4)
    for i, descriptor in enumerate(m.descriptors):
        widget = f"whatif.fix.{i}"
        if fresh or widget not in st.session_state:
            st.session_state[widget] = fixed.get(descriptor.name, FREE)
        with columns[i % 4]:
            value = st.selectbox(esc(descriptor.name), [FREE, *descriptor.variants], key=widget)
        if value == FREE:
            fixed.pop(descriptor.name, None)
        else:
            fixed[descriptor.name] = value


def _judgments(cib: CibFile, m: CrossImpactMatrix, sources: Mapping[str, str], fresh: bool) -> None:
    """One pair of descriptors' judgments as sliders, seeded from the kept changes; each change
    is kept."""
    overrides: dict[Judgment, int] = st.session_state[OVERRIDES]
    names = [d.name for d in m.descriptors]
    left, right = st.columns(2)
    source = left.selectbox("Acting descriptor", names, key="whatif.from")
    target = right.selectbox("Descriptor acted on", names, index=1, key="whatif.to")
    section = next((s for s in cib.sections if (s.impacting, s.impacted) == (source, target)), None)
    if section:
        cited = ", ".join(sorted({sources.get(s, s) for s in section.sources}))
        st.caption(
            esc(f"Rationale: {section.rationale}" + (f" Sources: {cited}." if cited else ""))
        )
    else:
        st.caption("No judgment section for this pair: every judgment is 0 unless changed here.")
    i, j = names.index(source), names.index(target)
    targets = m.descriptors[j].variants
    for a, variant in enumerate(m.descriptors[i].variants):
        st.markdown(esc(f"{source}: {variant} acts on {target}:"))
        for b, (column, aim) in enumerate(zip(st.columns(len(targets)), targets, strict=True)):
            key, widget = (source, variant, target, aim), f"whatif.cell.{i}.{a}.{j}.{b}"
            base, seeding = m.judgment(key), fresh or widget not in st.session_state
            if seeding:
                st.session_state[widget] = overrides.get(key, base)
            # Unseeded, its kept value as the default: Streamlit then skips a walk of the
            # whole session state (the value is not part of a slider's identity).
            default = None if seeding else overrides.get(key, base)
            value = column.slider(esc(aim), -m.scale, m.scale, default, key=widget)
            if value == base:
                overrides.pop(key, None)
            else:
                overrides[key] = value
                column.caption(f"Changed: the matrix says {base:+d}.")
    st.button("Reset every judgment", key="whatif.reset", on_click=reset_judgments)


def _balance(m: CrossImpactMatrix, solutions: tuple[Solution, ...], authored: Authored) -> None:
    labels = {tuple(v[d.name] for d in m.descriptors): label for _, label, v in authored}
    names = [d.name for d in m.descriptors]
    choices = {f"{label} (authored)": variants for _, label, variants in authored} | {
        ct.column_label(n, s, labels): dict(zip(names, s.variants, strict=True))
        for n, s in enumerate(solutions, start=1)
    }
    title = st.selectbox("Impact balance of", list(choices), key="whatif.balance")
    st.caption(
        "Impact balance: each variant's score is the sum of the judgments the scenario's chosen "
        "variants (hatched) pass on to it. The scenario is consistent when every chosen variant "
        "scores highest in its descriptor (starred)."
    )
    variants = choices[title]
    chart(
        "whatif.balance_chart",
        (m.digest, title, tuple(variants.items())),
        lambda: ChartContent(
            cf.balance(m, variants, title),
            cs.balance_summary(m, variants, title),
            ct.balance_table(m, variants),
        ),
    )


def _page(solutions: tuple[Solution, ...]) -> int:
    """Where the tableau starts: the scenarios come a page at a time so that names stay legible."""
    if len(solutions) <= cf.PAGE:
        return 0
    starts = list(range(0, len(solutions), cf.PAGE))
    pages = {s: f"{s + 1}-{min(s + cf.PAGE, len(solutions))}" for s in starts}
    return st.segmented_control(
        "Consistent scenarios shown",
        starts,
        format_func=pages.get,
        required=True,
        default=0,
        key=f"whatif.page.{len(solutions)}",  # a new key when the count changes: back to page 1
    )


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    """Draw the view, seeded from the state's fixed descriptors (descriptor -> variant) and
    changed judgments; return the state with both as the user now has them."""
    fixed, judgments = dict(state.fixed), dict(state.judgments)
    cib = scenario_set.cib
    if cib is None:
        st.info("This set has no cross-impact matrix (cib.yaml), so there is nothing to explore.")
        return state
    try:
        base = memo(("whatif.matrix", scenario_set.content_hash), lambda: from_cib_file(cib))
    except CibError as err:
        st.error(esc(str(err)))
        return state
    fresh = seed(base, *valid(scenario_set.content_hash, base, fixed, judgments))
    st.caption(esc(f"{cib.title}. {cib.judgment}"))
    st.markdown(
        "A scenario is **consistent** when, for every descriptor, the other descriptors' "
        "judgments give its chosen variant the highest score (a tie counts)."
    )
    sources = {s.id: s.cited_as for s in scenario_set.sources}
    if panel := opened("Fix descriptors: impose a variant from outside", FIXES):
        with panel:
            _fixes(base, fresh)
    if panel := opened("Change judgments", JUDGMENTS):
        with panel:
            _judgments(cib, base, sources, fresh)
    chosen, overrides = kept(base)
    m = changed(scenario_set.content_hash, base, overrides)
    imposed = tuple(sorted(chosen.items()))
    result = memo(("whatif.search", m.digest, imposed), lambda: search(m, fixed=chosen))
    solutions = result.solutions
    if result.truncated:
        st.warning(esc(cs.truncation_note(result)))
    labels = {s.id: s.label for s in scenario_set.scenarios}
    authored = [(s.scenario, labels[s.scenario], dict(s.variants)) for s in cib.scenarios]
    marks = {tuple(v[d.name] for d in m.descriptors): label for _, label, v in authored}
    first = _page(solutions)
    st.caption(
        "Each column is a consistent scenario. CV, consistency value: by how much, at the least, "
        "each chosen variant outscores the others of its descriptor (0 or more is consistent). "
        "TIS, total impact score: the sum of the chosen variants' scores, how strongly the "
        "scenario holds itself together."
    )
    chart(
        "whatif.tableau",
        (m.digest, imposed, scenario_set.content_hash, first),
        lambda: ChartContent(
            cf.tableau(m, solutions, marks, list(chosen), first),
            cs.tableau_summary(solutions, chosen),
            ct.tableau_table(m, solutions, marks),
        ),
    )
    if solutions or authored:
        _balance(m, solutions, authored)
    succession_panel.render(m, authored)
    scw_download.render(scenario_set, cib, m)
    return replace(
        state, fixed=tuple(sorted(chosen.items())), judgments=tuple(sorted(overrides.items()))
    )
