"""Drafts: the competing texts clause by clause, aligned by issue, differences marked."""

from __future__ import annotations

import streamlit as st

from explorer.analysis.compare import aligned_clauses
from explorer.content import Draft, ScenarioSet
from explorer.formats import day
from explorer.text import content
from explorer.text import escape_markdown as esc
from explorer.views import ViewState

STATUS_WORDS = {
    "adopted": "adopted",
    "vetoed": "vetoed",
    "failed": "not adopted",
    "not_put_to_vote": "not put to a vote",
    "circulated": "circulated; no vote recorded",
}


def _header(draft: Draft, sponsor: str) -> None:
    st.markdown(f"#### {content(draft.title)}")
    meta = [
        f"Sponsor: {sponsor}",
        f"circulated {day(draft.circulated)}",
        STATUS_WORDS[draft.status],
    ]
    if draft.symbol:
        meta.insert(1, draft.symbol)
    if draft.resolution:
        meta.append(f"resolution {draft.resolution}")
    st.markdown(esc(" · ".join(meta)))
    if draft.vote:
        vote = draft.vote
        st.markdown(
            esc(
                f"Vote on {day(vote.date)}: {len(vote.yes)} in favour, {len(vote.no)} against, "
                f"{len(vote.abstain)} abstaining"
                + (f", {len(vote.absent)} absent" if vote.absent else "")
            )
        )
    if draft.note:
        st.caption(content(draft.note))


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    drafts = scenario_set.drafts
    if not drafts:
        st.info("This set has no draft texts.")
        return state
    names = {a.id: a.name for a in scenario_set.actors}
    sources = {s.id: s.publisher for s in scenario_set.sources}
    issues = {i.id: i for i in scenario_set.issues}
    for column, draft in zip(st.columns(len(drafts)), drafts, strict=True):
        with column:
            _header(draft, names[draft.sponsor])
    st.divider()
    titles = [d.title for d in drafts]
    for row in aligned_clauses(scenario_set):
        if row.issue not in state.issues:
            continue
        silent = ", ".join(titles[i] for i in row.silent_in)
        marker = f"not addressed in: {silent}" if silent else "addressed differently"
        st.markdown(f"**{content(issues[row.issue].label)}** · {esc(marker)}")
        for column, clauses in zip(st.columns(len(drafts)), row.cells, strict=True):
            with column, st.container(border=True):
                if not clauses:
                    st.caption("Silent on this issue (as reported).")
                for clause in clauses:
                    st.markdown(content(clause.summary))
                    if clause.quote:
                        st.markdown(f"> {content(clause.quote)}")
                    publishers = sorted({sources[s] for s in clause.sources})
                    st.caption(esc("Sources: " + ", ".join(publishers)))
    return state
