"""Texts: the competing texts (drafts, proposals, treaties) clause by clause, aligned by issue,
differences marked, each with its proponents, status and decision. Every clause card opens with
the short name of its text, so on a phone, where the columns stack, each card still says whose
text it is. What it draws is built once per content and choice of issues."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components.data import memo
from explorer.analysis.compare import aligned_clauses
from explorer.content import Clause, Draft, ScenarioSet
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


@dataclass(frozen=True)
class Header:
    """A text's head: its title, what it is and where it stands, and its vote, as one Markdown
    body (the same paragraphs as one element each, one element); its note as a caption."""

    head: str
    note: str | None


Part = tuple[bool, str]
"""What a card draws, in order: (True, a caption) or (False, a Markdown body)."""


@dataclass(frozen=True)
class Row:
    """One issue across the texts: its line (how the texts differ) and each text's card, drawn
    as a bordered column (the cards of a row as tall as the tallest, one block fewer a card
    than a bordered container in a column)."""

    line: str
    cards: tuple[tuple[Part, ...], ...]


def _header(text: Draft, names: dict[str, str]) -> Header:
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
    vote = None
    if text.vote:
        v = text.vote
        vote = esc(
            f"Vote on {day(v.date)}: {len(v.yes)} in favour, {len(v.no)} against, "
            f"{len(v.abstain)} abstaining" + (f", {len(v.absent)} absent" if v.absent else "")
        )
    head = [f"#### {content(text.title)}", esc(" · ".join(meta)), *([vote] if vote else [])]
    return Header("\n\n".join(head), content(text.note) if text.note else None)


def _card(name: str, clauses: tuple[Clause, ...], sources: dict[str, str]) -> tuple[Part, ...]:
    """The card's parts: each clause's summary, quote and sources, the card's name opening the
    first summary (one Markdown body: the same paragraphs, one element fewer); a silent text
    says so."""
    title = f"**{esc(name)}**"
    if not clauses:
        return ((False, title), (True, "Silent on this issue (as reported)."))
    parts: list[Part] = []
    for clause in clauses:
        parts.append((False, content(clause.summary)))
        if clause.quote:
            parts.append((False, f"> {content(clause.quote)}"))
        publishers = sorted({sources[s] for s in clause.sources})
        parts.append((True, esc("Sources: " + ", ".join(publishers))))
    parts[0] = (False, f"{title}\n\n{parts[0][1]}")
    return tuple(parts)


def _page(scenario_set: ScenarioSet, issues: tuple[str, ...]) -> tuple[list[Header], list[Row]]:
    """Every text's head and every shown issue's row, as Markdown: built once per content and
    choice of issues, so that a rerun only draws."""
    names = {a.id: a.name for a in scenario_set.actors}
    sources = {s.id: s.cited_as for s in scenario_set.sources}
    labels = {i.id: i.label for i in scenario_set.issues}
    texts = scenario_set.drafts
    titles = [t.title for t in texts]
    kinds = {k.id: k.label for k in scenario_set.vocabulary.text_kinds}
    cards = [short_name(text, names, kinds) for text in texts]
    rows = []
    for row in aligned_clauses(scenario_set):
        if row.issue not in issues:
            continue
        silent = ", ".join(titles[i] for i in row.silent_in)
        marker = f"not addressed in: {silent}" if silent else "addressed differently"
        line = f"**{content(labels[row.issue])}** · {esc(marker)}"
        shown = zip(cards, row.cells, strict=True)
        rows.append(Row(line, tuple(_card(card, clauses, sources) for card, clauses in shown)))
    return [_header(text, names) for text in texts], rows


def render(scenario_set: ScenarioSet, state: ViewState) -> ViewState:
    texts = scenario_set.drafts
    if not texts:
        st.info("This set has no texts.")
        return state
    key = ("texts.page", scenario_set.content_hash, state.issues)
    headers, rows = memo(key, lambda: _page(scenario_set, state.issues))
    for column, header in zip(st.columns(len(texts)), headers, strict=True):
        with column:
            st.markdown(header.head)
            if header.note:
                st.caption(header.note)
    st.divider()
    for row in rows:
        st.markdown(row.line)
        for column, card in zip(st.columns(len(texts), border=True), row.cards, strict=True):
            with column:
                for caption, text in card:
                    if caption:
                        st.caption(text)
                    else:
                        st.markdown(text)
    return state
