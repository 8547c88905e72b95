"""Pure figure builders for the Vote view: who voted how, as a hemicycle of seats, and the
body's record on the question over time. No Streamlit here; the record as a table is in
``explorer.voting.tables``.

Every vote and every outcome has a colour-blind-safe colour (Okabe-Ito) and its own marker
symbol, so nothing is told by colour alone. Content text is HTML-escaped before it goes into
labels and hover text, which plotly renders as markup.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from explorer.content import CouncilVote
from explorer.figures.palette import NEUTRAL_COLOR, OUTLINE_COLOR
from explorer.figures.style import clip, esc, layout
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
# Left to right around the hemicycle.
_SEAT_ORDER = ("yes", "abstain", "absent", "no")


LABELLED_SEATS = 20
"""Above this many members, names on the hemicycle would print over each other: the seats are
then drawn unlabelled, named in their hover text and in the chart's text summary."""


def _text_position(angle: float) -> str:
    """Labels point away from the hemicycle, so that neighbours do not overlap."""
    degrees = math.degrees(angle)
    if degrees > 150:
        return "middle left"
    if degrees > 100:
        return "top left"
    if degrees >= 80:
        return "top center"
    return "top right" if degrees >= 30 else "middle right"


def seat_chart(
    votes: Mapping[str, str],
    permanent: Collection[str],
    title: str,
    outcome: str,
    changed: Collection[str] = (),
) -> go.Figure:
    """The members (by name) as seats on a hemicycle: in favour on the left, against on the
    right. Permanent members (veto holders, where the rule has them) are in bold with a black
    ring; ``changed`` members (a what-if) are labelled so; ``outcome`` (plain text) is written
    in the middle."""
    seats = sorted(
        votes,
        key=lambda m: (_SEAT_ORDER.index(votes[m]), m not in permanent, m),
    )
    count = len(seats)
    angles = {
        member: math.pi * (1 - index / (count - 1)) if count > 1 else math.pi / 2
        for index, member in enumerate(seats)
    }
    fig = go.Figure()
    for vote in _SEAT_ORDER:
        members = [m for m in seats if votes[m] == vote]
        if not members:
            continue
        style = VOTE_STYLES[vote]
        labels = [
            (f"<b>{esc(m)}</b>" if m in permanent else esc(m))
            + (" (changed)" if m in changed else "")
            for m in members
        ]
        fig.add_trace(
            go.Scatter(
                x=[math.cos(angles[m]) for m in members],
                y=[math.sin(angles[m]) for m in members],
                mode="markers+text" if count <= LABELLED_SEATS else "markers",
                name=f"{style.label} ({len(members)})",
                text=labels,
                textposition=[_text_position(angles[m]) for m in members],
                marker={
                    "symbol": style.symbol,
                    "size": 22,
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
    fig.add_annotation(
        x=0, y=0.15, text=f"<b>{esc(outcome)}</b>", showarrow=False, font={"size": 15}
    )
    fig.update_xaxes(visible=False, range=[-2.1, 2.1], fixedrange=True)
    fig.update_yaxes(
        visible=False, range=[-0.15, 1.3], fixedrange=True, scaleanchor="x", scaleratio=1
    )
    return layout(fig, esc(title), height=460, legend_y=-0.08)


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
