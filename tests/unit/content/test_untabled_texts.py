"""A text not yet tabled (status proposed) may leave out its circulation date; any other text
must give one, and a file that does not is told so at the text's line, naming the field."""

from __future__ import annotations

import pytest

from explorer.content import Draft, parse
from explorer.content.texts import UNTABLED
from explorer.content.validation import validate

TEXT = """\
id: renewal
title: Renewal of the mandate
status: {status}
clauses: []
sources: [wire]
"""


@pytest.mark.parametrize("status", sorted(UNTABLED))
def test_a_text_not_yet_tabled_needs_no_circulation_date(status: str) -> None:
    text = validate(Draft, parse(TEXT.format(status=status).encode()), "drafts.yaml")
    assert isinstance(text, Draft)
    assert text.circulated is None


@pytest.mark.parametrize("status", ["circulated", "adopted", "rejected", "withdrawn", "in_force"])
def test_a_tabled_text_without_a_circulation_date_is_named_at_its_line(status: str) -> None:
    result = validate(Draft, parse(TEXT.format(status=status).encode()), "drafts.yaml")
    assert isinstance(result, list)
    (problem,) = [str(p) for p in result]
    assert problem.startswith("drafts.yaml:1: ")
    assert "circulated" in problem and f"this one is {status}" in problem


def test_a_text_not_yet_tabled_may_still_give_a_date() -> None:
    dated = TEXT.format(status="proposed") + "circulated: 2026-11-01\n"
    text = validate(Draft, parse(dated.encode()), "drafts.yaml")
    assert isinstance(text, Draft) and text.circulated is not None
