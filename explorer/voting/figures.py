"""Pure figure builders for the Vote view: who voted how, as a hemicycle of seats, and the
body's record on the question over time. No Streamlit here; the record as a table is in
``explorer.voting.tables``.

Every vote and every outcome has a colour-blind-safe colour (Okabe-Ito) and its own marker
symbol, so nothing is told by colour alone. Content text is HTML-escaped before it goes into
labels and hover text, which plotly renders as markup.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from explorer.content import CouncilVote
from explorer.figures.palette import NEUTRAL_COLOR, OUTLINE_COLOR
from explorer.figures.style import clip, esc, layout, short_labels
from explorer.formats import count, day
from explorer.voting.rules import AFFIRMATIVE_VOTES_REQUIRED, VOTES


@dataclass(frozen=True)
class MarkStyle:
    label: str
    color: str
    symbol: str


VOTE_STYLES: dict[str, MarkStyle] = {
    "yes": MarkStyle("In favour", "#009E73", "circle"),
    "no": MarkStyle("Against", "#D55E00", "x"),
    "abstain": MarkStyle("Abstaining", "#E69F00", "diamond"),
    "absent": MarkStyle("Absent", NEUTRAL_COLOR, "circle-open"),
}
OUTCOME_STYLES: dict[str, MarkStyle] = {
    "adopted": MarkStyle("Adopted", "#009E73", "circle"),
    "vetoed": MarkStyle("Vetoed", "#D55E00", "x"),
    "insufficient_votes": MarkStyle("Fewer than 9 votes", "#0072B2", "triangle-down"),
}
# Left to right across the chart.
_SEAT_ORDER = ("yes", "abstain", "absent", "no")
ROW = 24  # px per member
NAME_CHARS = 24
"""A member's name is cut to this many characters on the chart (in full on hover and in the
summary), so that a phone keeps room for the vote columns."""


def seat_chart(
    votes: Mapping[str, str],
    permanent: Collection[str],
    title: str,
    outcome: str,
    changed: Collection[str] = (),
) -> go.Figure:
    """The members (by name) one to a row, each marked in the column of its vote: in favour on
    the left, against on the right. Names sit on the axis beside their row, so they never meet
    each other or a marker, at any width and for a body of any size. Permanent members (veto
    holders, where the rule has them) are in bold with a black ring; ``changed`` members (a
    what-if) are labelled so; ``outcome`` (plain text) is written under the title."""
    seats = sorted(votes, key=lambda m: (_SEAT_ORDER.index(votes[m]), m not in permanent, m))
    columns = [v for v in _SEAT_ORDER if v in votes.values()]
    names = dict(zip(seats, short_labels(seats, NAME_CHARS), strict=True))
    rows = {m: _row_label(names[m], m in permanent, m in changed) for m in seats}
    fig = go.Figure()
    for vote in columns:
        members = [m for m in seats if votes[m] == vote]
        style = VOTE_STYLES[vote]
        labels = [
            (f"<b>{esc(m)}</b>" if m in permanent else esc(m))
            + (" (changed)" if m in changed else "")
            for m in members
        ]
        fig.add_trace(
            go.Scatter(
                x=[_column(vote, len(members))] * len(members),
                y=[rows[m] for m in members],
                mode="markers",
                name=f"{style.label} ({len(members)})",
                text=labels,
                marker={
                    "symbol": style.symbol,
                    "size": 16,
                    "color": style.color,
                    "line": {
                        "width": [3 if m in permanent else 1 for m in members],
                        "color": ["#000000" if m in permanent else OUTLINE_COLOR for m in members],
                    },
                },
                hovertext=[
                    f"{label}<br>{style.label.lower()}"
                    + (" · permanent member" if m in permanent else "")
                    for m, label in zip(members, labels, strict=True)
                ],
                hoverinfo="text",
            )
        )
    fig.update_xaxes(
        side="top",
        categoryorder="array",
        categoryarray=[_column(v, list(votes.values()).count(v)) for v in columns],
        tickfont={"size": 12},
        range=[-0.5, len(columns) - 0.5],
        showgrid=False,
        fixedrange=True,
    )
    fig.update_yaxes(
        categoryorder="array",
        categoryarray=[rows[m] for m in seats],
        autorange="reversed",
        showgrid=True,
        fixedrange=True,
    )
    fig = layout(fig, f"{esc(title)}<br>{esc(outcome)}", 70 + ROW * len(seats), top=44)
    fig.update_layout(showlegend=False)
    return fig


def _column(vote: str, members: int) -> str:
    return f"{VOTE_STYLES[vote].label}<br>({members})"


def _row_label(name: str, permanent: bool, changed: bool) -> str:
    """``name`` is escaped already."""
    label = f"<b>{name}</b>" if permanent else name
    return label + (" (changed)" if changed else "")


def seats_summary(votes: Mapping[str, str], title: str, outcome: str) -> str:
    """One sentence per chart: who voted how, and the outcome."""
    parts = []
    for vote in VOTES:
        members = sorted(m for m, v in votes.items() if v == vote)
        if members or vote != "absent":
            parts.append(f"{VOTE_STYLES[vote].label.lower()}: {', '.join(members) or 'none'}")
    listing = "; ".join(parts)
    return f"{title}: {outcome}. {listing[:1].upper()}{listing[1:]}."


def _record_hover(vote: CouncilVote) -> str:
    lines = [
        f"<b>{day(vote.date)}: {vote.kind} by {esc(vote.sponsor)}</b>",
        esc(vote.symbol or "symbol not confirmed"),
        esc(clip(vote.subject, 110)),
        f"{vote.yes} in favour, {vote.no} against, {vote.abstain} abstaining"
        + (f", {vote.absent} absent" if vote.absent else ""),
        OUTCOME_STYLES[vote.outcome].label
        + (f" by {esc(', '.join(vote.vetoed_by))}" if vote.vetoed_by else "")
        + (f": {esc(vote.resolution)}" if vote.resolution else ""),
    ]
    return "<br>".join(lines)


def record_chart(record: Sequence[CouncilVote], decision_date: dt.date | None) -> go.Figure:
    """Every recorded vote by date and votes in favour, shaped and coloured by outcome; drafts
    filled, amendments open; a line at the nine votes required and one at the set's decision."""
    fig = go.Figure()
    for outcome, style in OUTCOME_STYLES.items():
        for kind, suffix in (("draft", ""), ("amendment", "-open")):
            group = [v for v in record if v.outcome == outcome and v.kind == kind]
            if not group:
                continue
            fig.add_trace(
                go.Scatter(
                    x=[v.date for v in group],
                    y=[v.yes for v in group],
                    mode="markers",
                    name=f"{style.label} ({kind}s)",
                    marker={
                        "symbol": style.symbol + suffix,
                        "size": 14,
                        "color": style.color,
                        "line": {"width": 2, "color": style.color},
                    },
                    hovertext=[_record_hover(v) for v in group],
                    hoverinfo="text",
                )
            )
    fig.add_hline(
        y=AFFIRMATIVE_VOTES_REQUIRED,
        line={"dash": "dash", "color": NEUTRAL_COLOR},
        annotation_text=f"{AFFIRMATIVE_VOTES_REQUIRED} votes required",
        annotation_position="top left",
    )
    if decision_date:
        fig.add_vline(x=decision_date, line={"dash": "dot", "color": NEUTRAL_COLOR})
        fig.add_annotation(
            x=decision_date,
            y=1,
            yref="paper",
            text="the decision",
            showarrow=False,
            yanchor="bottom",
        )
    size = max((v.yes + v.no + v.abstain + v.absent for v in record), default=0)
    fig.update_yaxes(title="votes in favour", range=[-0.5, size + 0.5], dtick=3)
    return layout(fig, "Recorded votes on the question", height=420, legend_y=-0.08)


def record_summary(record: Sequence[CouncilVote]) -> str:
    if not record:
        return "No recorded Council votes."
    kinds = Counter(v.kind for v in record)
    outcomes = Counter(v.outcome for v in record)
    first, last = min(v.date for v in record), max(v.date for v in record)
    return (
        f"{len(record)} recorded votes from {day(first)} to {day(last)} "
        f"({count(kinds['draft'], 'draft')}, {count(kinds['amendment'], 'amendment')}): "
        + ", ".join(f"{outcomes[o]} {style.label.lower()}" for o, style in OUTCOME_STYLES.items())
        + "."
    )
