"""Council figures: every vote and outcome has its own colour and marker, each member has a row
with its name and a mark in its vote's column, permanent members and what-if changes are
marked, and content is escaped."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go
import pytest

from explorer.content import CouncilVote
from explorer.voting import figures as cf
from explorer.voting.tables import record_table

P5 = ["China", "France", "Russian Federation", "United Kingdom", "United States"]
VOTES = {
    **dict.fromkeys(["United States", "United Kingdom", "France"], "yes"),
    **{f"Elected {n}": "yes" for n in range(1, 11)},
    "China": "abstain",
    "Russian Federation": "abstain",
}


def traces(fig: go.Figure) -> dict[str, go.Scatter]:
    return {t.name: t for t in fig.data}


def test_each_vote_has_its_own_colour_and_marker() -> None:
    styles = list(cf.VOTE_STYLES.values())
    assert len({s.color for s in styles}) == len({s.symbol for s in styles}) == len(styles)
    outcomes = list(cf.OUTCOME_STYLES.values())
    assert len({s.color for s in outcomes}) == len({s.symbol for s in outcomes}) == 3


def test_the_seat_chart_draws_one_trace_per_vote_cast_with_its_count() -> None:
    fig = cf.seat_chart(VOTES, P5, "Recorded vote", "adopted: 13 in favour")
    by_name = traces(fig)
    assert set(by_name) == {"In favour (13)", "Abstaining (2)"}
    assert by_name["In favour (13)"].marker.symbol == "circle"
    assert by_name["Abstaining (2)"].marker.symbol == "diamond"
    assert fig.layout.title.text == "Recorded vote<br>adopted: 13 in favour"
    assert not fig.layout.annotations, "the outcome is not printed across the seats"


def test_each_member_has_a_row_and_a_mark_in_its_votes_column() -> None:
    votes = {**VOTES, "Elected 1": "no", "Elected 2": "absent"}
    fig = cf.seat_chart(votes, P5, "t", "o")
    by_name = traces(fig)
    rows = [y for t in fig.data for y in t.y]
    assert len(rows) == len(set(rows)) == 15
    assert list(fig.layout.yaxis.categoryarray) == rows
    assert set(by_name["Against (1)"].x) == {"Against<br>(1)"}
    assert list(fig.layout.xaxis.categoryarray) == [
        "In favour<br>(11)",
        "Abstaining<br>(2)",
        "Absent<br>(1)",
        "Against<br>(1)",
    ]
    assert by_name["Absent (1)"].marker.symbol == "circle-open"


def test_permanent_members_are_bold_and_ringed() -> None:
    fig = cf.seat_chart(VOTES, P5, "t", "o")
    abstaining = traces(fig)["Abstaining (2)"]
    assert list(abstaining.text) == ["<b>China</b>", "<b>Russian Federation</b>"]
    assert list(abstaining.marker.line.width) == [3, 3]
    in_favour = traces(fig)["In favour (13)"]
    assert "<b>France</b>" in in_favour.text
    assert "Elected 1" in in_favour.text


def test_changed_members_are_labelled() -> None:
    votes = {**VOTES, "United States": "no"}
    fig = cf.seat_chart(votes, P5, "What-if", "o", changed={"United States"})
    assert list(traces(fig)["Against (1)"].text) == ["<b>United States</b> (changed)"]


def test_seat_chart_escapes_names_title_and_outcome() -> None:
    fig = cf.seat_chart({"<img src=x>": "yes"}, [], "<b>t</b>", "<i>o</i>")
    (trace,) = fig.data
    assert list(trace.text) == ["&lt;img src=x&gt;"]
    assert fig.layout.title.text == "&lt;b&gt;t&lt;/b&gt;<br>&lt;i&gt;o&lt;/i&gt;"
    assert list(trace.y) == ["&lt;img src=x&gt;"]


def test_seats_summary_says_who_voted_how() -> None:
    summary = cf.seats_summary(VOTES, "Vote", "adopted: 13 in favour, 0 against, 2 abstentions")
    assert summary.startswith("Vote: adopted: 13 in favour, 0 against, 2 abstentions. ")
    assert "In favour: Elected 1, " in summary
    assert "against: none" in summary
    assert "abstaining: China, Russian Federation." in summary
    assert "absent" not in summary


def vote(**fields: object) -> CouncilVote:
    base: dict[str, object] = {
        "id": "v",
        "date": dt.date(2024, 1, 1),
        "kind": "draft",
        "sponsor": "Somewhere",
        "subject": "A text",
        "yes": 13,
        "no": 0,
        "abstain": 2,
        "outcome": "adopted",
        "sources": ("s",),
    }
    return CouncilVote.model_validate(base | fields)


RECORD = [
    vote(id="a", date=dt.date(2023, 10, 16), yes=5, no=4, abstain=6, outcome="insufficient_votes"),
    vote(
        id="b",
        date=dt.date(2023, 10, 18),
        yes=12,
        no=1,
        abstain=2,
        outcome="vetoed",
        vetoed_by=("United States",),
        symbol="S/2023/773",
    ),
    vote(
        id="c",
        date=dt.date(2023, 12, 22),
        kind="amendment",
        yes=10,
        no=1,
        abstain=4,
        outcome="vetoed",
        vetoed_by=("United States",),
    ),
    vote(id="d", date=dt.date(2025, 11, 17), resolution="S/RES/2803 (2025)"),
]


def test_the_record_chart_places_votes_by_date_and_votes_in_favour() -> None:
    fig = cf.record_chart(RECORD, dt.date(2025, 11, 17))
    by_name = traces(fig)
    assert set(by_name) == {
        "Adopted (drafts)",
        "Vetoed (drafts)",
        "Vetoed (amendments)",
        "Fewer than 9 votes (drafts)",
    }
    assert list(by_name["Vetoed (drafts)"].y) == [12]
    assert list(by_name["Adopted (drafts)"].x) == [dt.date(2025, 11, 17)]


def test_amendments_are_drawn_open_and_outcomes_by_their_own_marker() -> None:
    by_name = traces(cf.record_chart(RECORD, None))
    assert by_name["Vetoed (drafts)"].marker.symbol == "x"
    assert by_name["Vetoed (amendments)"].marker.symbol == "x-open"
    assert by_name["Fewer than 9 votes (drafts)"].marker.symbol == "triangle-down"


def test_the_record_chart_marks_nine_votes_and_the_decision() -> None:
    fig = cf.record_chart(RECORD, dt.date(2025, 11, 17))
    lines = {(s.type, s.y0, s.x0) for s in fig.layout.shapes}
    assert any(y0 == 9 for _, y0, _ in lines)
    assert any(x0 == dt.date(2025, 11, 17) for _, _, x0 in lines)
    texts = {a.text for a in fig.layout.annotations}
    assert {"9 votes required", "the decision"} <= texts


def test_the_record_hover_tells_the_vote_and_escapes_content() -> None:
    record = [
        *RECORD,
        vote(
            id="e",
            sponsor="<script>x</script>",
            yes=14,
            no=1,
            abstain=0,
            outcome="vetoed",
            vetoed_by=("United States",),
        ),
    ]
    fig = cf.record_chart(record, None)
    hovers = [h for t in fig.data for h in t.hovertext]
    assert any("12 in favour, 1 against, 2 abstaining" in h for h in hovers)
    assert any("Vetoed by United States" in h for h in hovers)
    assert any("symbol not confirmed" in h for h in hovers)
    assert any("Adopted: S/RES/2803 (2025)" in h for h in hovers)
    assert not any("<script>" in h for h in hovers)


def test_record_summary_and_table() -> None:
    assert cf.record_summary(RECORD) == (
        "4 recorded votes from 16 October 2023 to 17 November 2025 (3 drafts, 1 amendment): "
        "1 adopted, 2 vetoed, 1 fewer than 9 votes."
    )
    assert cf.record_summary([]) == "No recorded Council votes."
    table = record_table(RECORD, {"s": "United Nations"})
    assert len(table) == 4
    assert list(table["symbol"])[:2] == ["not confirmed", "S/2023/773"]
    assert set(table["named against"]) == {"not confirmed"}
    assert set(table["sources"]) == {"United Nations"}


@pytest.mark.parametrize("size", [15, 32, 193])
def test_every_member_is_named_on_its_row_whatever_the_size_of_the_body(size: int) -> None:
    votes = {f"Member {i}": "yes" for i in range(size)}
    fig = cf.seat_chart(votes, [], "A vote", "adopted")
    (seats,) = fig.data
    assert sorted(seats.y) == sorted(votes)
    assert sorted(seats.text) == sorted(votes)


def test_long_names_are_cut_on_the_chart_told_apart_and_whole_on_hover() -> None:
    long = "The Federal Democratic Republic of "
    votes = {f"{long}Somewhere": "yes", f"{long}Elsewhere": "yes", "Short": "no"}
    (seats, _) = cf.seat_chart(votes, [], "A vote", "adopted").data
    assert len(set(seats.y)) == 2
    assert all(len(label) <= cf.NAME_CHARS for label in seats.y)
    assert sorted(seats.text) == sorted(m for m, v in votes.items() if v == "yes")
