"""Texts: the competing texts (drafts, proposals, treaties) clause by clause, aligned by issue,
differences marked, each with its proponents, status and decision. Every clause card opens with
the short name of its text, so on a phone, where the columns stack, each card still says whose
text it is."""

from __future__ import annotations

import streamlit as st

from explorer.analysis.compare import aligned_clauses
from explorer.content import Draft, ScenarioSet
from explorer.formats import day
from explorer.text import content
from explorer.text import escape_markdown as esc
from explorer.views import ViewState

STATUS_WORDS = {
    "proposed": "proposed",
    "circulated": "circulated",
    "adopted": "adopted",
    "rejected": "not adopted",
    "vetoed": "vetoed",
    "withdrawn": "withdrawn",
    "not_put_to_vote": "not put to a vote",
    "in_force": "in force",
    "suspended": "suspended",
}
# Statuses of a text still awaiting a decision: there, a missing vote is worth saying.
AWAITING = {"proposed", "circulated"}


def status_words(text: Draft) -> str:
    """The text's status in words, saying when no decision is recorded for a pending text."""
    words = STATUS_WORDS[text.status]
    return (
        f"{words}; no decision recorded" if text.vote is None and text.status in AWAITING else words
    )


def short_name(text: Draft, names: dict[str, str], kinds: dict[str, str]) -> str:
    """``Draft by United States (S/2025/748)``: the text's kind, proponents and symbol, or
    its title where it names no proponent."""
    who = ", ".join(names[p] for p in text.proponents)
    kind = kinds.get(text.kind, text.kind)
    name = f"{kind[:1].upper()}{kind[1:]} by {who}" if who else text.title
    return f"{name} ({text.symbol})" if text.symbol and text.symbol not in name else name


def _header(text: Draft, names: dict[str, str]) -> None:
    st.markdown(f"#### {content(text.title)}")
    proponents = [names[p] for p in text.proponents]
    tabled = f"circulated {day(text.circulated)}" if text.circulated else "not yet tabled"
    meta = [tabled, status_words(text)]
    if proponents:
        label = "Sponsor" if len(proponents) == 1 else "Proponents"
        meta.insert(0, f"{label}: {', '.join(proponents)}")
    if text.symbol:
        meta.insert(1 if proponents else 0, text.symbol)
    if text.resolution:
        meta.append(f"resolution {text.resolution}")
    st.markdown(esc(" · ".join(meta)))
    if text.vote:
        vote = text.vote
        st.markdown(
            esc(
                f"Vote on {day(vote.date)}: {len(vote.yes)} in favour, {len(vote.no)} against, "
                f"{len(vote.abstain)} abstaining"
                + (f", {len(vote.absent)} absent" if vote.absent else "")
            )
        )
    if text.note:
        st.caption(content(text.note))


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    texts = scenario_set.drafts
    if not texts:
        st.info("This set has no texts.")
        return state
    names = {a.id: a.name for a in scenario_set.actors}
    sources = {s.id: s.cited_as for s in scenario_set.sources}
    issues = {i.id: i for i in scenario_set.issues}
    for column, text in zip(st.columns(len(texts)), texts, strict=True):
        with column:
            _header(text, names)
    st.divider()
    titles = [t.title for t in texts]
    kinds = {k.id: k.label for k in scenario_set.vocabulary.text_kinds}
    cards = [short_name(text, names, kinds) for text in texts]
    for row in aligned_clauses(scenario_set):
        if row.issue not in state.issues:
            continue
        silent = ", ".join(titles[i] for i in row.silent_in)
        marker = f"not addressed in: {silent}" if silent else "addressed differently"
        st.markdown(f"**{content(issues[row.issue].label)}** · {esc(marker)}")
        for column, card, clauses in zip(st.columns(len(texts)), cards, row.cells, strict=True):
            with column, st.container(border=True):
                st.markdown(f"**{esc(card)}**")
                if not clauses:
                    st.caption("Silent on this issue (as reported).")
                for clause in clauses:
                    st.markdown(content(clause.summary))
                    if clause.quote:
                        st.markdown(f"> {content(clause.quote)}")
                    publishers = sorted({sources[s] for s in clause.sources})
                    st.caption(esc("Sources: " + ", ".join(publishers)))
    return state
