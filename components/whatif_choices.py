"""The What-if view's choices (fixed descriptors, changed judgments) across reruns: taken from
the link when it changed from outside, kept in the session for one matrix, so that they hold
while the controls that show them are not drawn (their expander is closed, or the sliders show
another pair of descriptors)."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from components import url
from components.data import memo
from explorer.cib import CibError, CrossImpactMatrix, Judgment, with_judgments
from explorer.text import escape_markdown as esc

FIXED, OVERRIDES, KEPT_FOR = "whatif.fixed", "whatif.overrides", "whatif.kept_for"
"""The kept choices (descriptor -> variant, judgment -> value) and the matrix they were made on."""
FIXES, JUDGMENTS = "whatif.fixes", "whatif.judgments"
"""The keys of the two expanders (``components.lazy.opened``): open, they hold the controls."""


def changed(
    content_hash: str, m: CrossImpactMatrix, judgments: Mapping[Judgment, int]
) -> CrossImpactMatrix:
    """``m`` with ``judgments`` changed, made (and its digest hashed) once per change."""
    if not judgments:
        return m
    changes = tuple(sorted(judgments.items()))
    return memo(
        ("whatif.changed", content_hash, m.digest, changes), lambda: with_judgments(m, judgments)
    )


def valid(
    content_hash: str,
    m: CrossImpactMatrix,
    fixed: Mapping[str, str],
    judgments: Mapping[Judgment, int],
) -> tuple[dict[str, str], dict[Judgment, int]]:
    """The caller's choices that fit the matrix; a notice for each one that does not."""
    good_fixed, good_judgments = {}, {}
    for descriptor, variant in fixed.items():
        try:
            m.variant_position(descriptor, variant)
            good_fixed[descriptor] = variant
        except CibError as err:
            st.warning(esc(f"Ignored a fixed descriptor: {err}"))
    for key, value in judgments.items():
        try:
            changed(content_hash, m, {key: value})
            good_judgments[key] = value
        except CibError as err:
            st.warning(esc(f"Ignored a changed judgment: {err}"))
    return good_fixed, good_judgments


def seed(m: CrossImpactMatrix, fixed: dict[str, str], judgments: dict[Judgment, int]) -> bool:
    """Take the link's choices when it changed from outside (see ``components.url``) or the
    choices kept were made on another matrix (another set), and open the expander of each kind
    of choice the link carries; True when the controls must follow them."""
    fresh = url.changed_outside() or st.session_state.get(KEPT_FOR) != m.digest
    if fresh:
        st.session_state[KEPT_FOR] = m.digest
        st.session_state[FIXED], st.session_state[OVERRIDES] = dict(fixed), dict(judgments)
        for key, carried in ((FIXES, fixed), (JUDGMENTS, judgments)):
            if carried:
                st.session_state[key] = True
    return fresh


def kept(m: CrossImpactMatrix) -> tuple[dict[str, str], dict[Judgment, int]]:
    """The choices kept: fixed descriptors in the matrix's order, and changed judgments."""
    fixed = st.session_state[FIXED]
    ordered = {d.name: fixed[d.name] for d in m.descriptors if d.name in fixed}
    return ordered, dict(st.session_state[OVERRIDES])


def reset_judgments() -> None:
    """Every judgment back to the matrix's (a button's callback): the sliders are seeded anew."""
    st.session_state[OVERRIDES] = {}
    for key in [k for k in st.session_state if str(k).startswith("whatif.cell.")]:
        del st.session_state[key]
