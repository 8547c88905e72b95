"""The brief as PDF states the page count it really has, and stays a few pages long.

Contract: ``counted_brief_pdf`` prints until the count the brief states is the count its PDF
has; should stating it keep moving a page break, the brief is printed without a count rather
than with a wrong one. Printed, every set's default pair runs to a few pages: longer texts are
folded in the HTML file and left out of a printout.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest

from explorer.content import ScenarioSet
from explorer.publish import pdf
from explorer.publish.brief import brief_html
from explorer.publish.pdf import CHROMIUM, counted_brief_pdf, page_count
from tests.conftest import SETS, set_id

GENERATED = dt.date(2026, 11, 27)
LINK = "https://example.app/"
FEW_PAGES = 10


def stated(page: str) -> int | None:
    found = re.search(r"As PDF \(A4\) this brief is (\d+) pages?\.", page)
    return int(found[1]) if found else None


def fake_printer(
    pages_of: Callable[[int | None], int], printed: list[int | None]
) -> Callable[..., bytes]:
    """A stand-in for Chromium: the PDF of a page has ``pages_of(the count it states)`` pages."""

    def print_page(page: str, chromium: object = None) -> bytes:
        printed.append(stated(page))
        return b"%PDF-1.4\n" + b"<< /Type /Page >>\n" * pages_of(stated(page)) + b"/Type /Pages"

    return print_page


def template(pages: int | None) -> str:
    return f"<p>As PDF (A4) this brief is {pages} pages.</p>" if pages else "<p>brief</p>"


def test_page_count_counts_page_objects_not_the_page_tree() -> None:
    assert page_count(b"%PDF << /Type /Pages >> << /Type /Page >> <</Type/Page>>") == 2


def test_the_count_is_stated_after_one_measuring_print(monkeypatch: pytest.MonkeyPatch) -> None:
    printed: list[int | None] = []
    monkeypatch.setattr(pdf, "brief_pdf", fake_printer(lambda _: 3, printed))
    result = counted_brief_pdf(template)
    assert result is not None and result[1] == 3
    assert printed == [None, 3]


def test_a_count_that_moves_a_page_break_is_measured_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printed: list[int | None] = []
    monkeypatch.setattr(pdf, "brief_pdf", fake_printer(lambda n: 4 if n else 3, printed))
    result = counted_brief_pdf(template)
    assert result is not None and result[1] == 4
    assert printed == [None, 3, 4]


def test_a_count_that_never_settles_is_left_out_rather_than_wrong(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printed: list[int | None] = []
    monkeypatch.setattr(pdf, "brief_pdf", fake_printer(lambda n: 5 if n == 4 else 4, printed))
    result = counted_brief_pdf(template)
    assert result is not None and result[1] == 4
    assert printed[-1] is None


def test_no_pdf_and_no_count_without_chromium(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "brief_pdf", lambda *printed: None)
    assert counted_brief_pdf(template) is None


@pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"Chromium is not installed at {CHROMIUM}")
@pytest.mark.parametrize("scenario_set", SETS.values(), ids=set_id)
def test_every_sets_brief_prints_to_a_few_pages_and_says_how_many(
    scenario_set: ScenarioSet,
) -> None:
    a, b = scenario_set.info.default_pair
    pages: list[str] = []

    def page(count: int | None) -> str:
        pages.append(brief_html(scenario_set, a, b, LINK, GENERATED, count))
        return pages[-1]

    result = counted_brief_pdf(page)
    assert result is not None
    document, count = result
    assert page_count(document) == count == stated(pages[-1])
    assert count <= FEW_PAGES
