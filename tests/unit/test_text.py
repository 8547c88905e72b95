"""Content text: escaped so Markdown cannot act on it, and isolated so that right-to-left text
(an Arabic or Hebrew quote in an English page) reads in its own direction."""

from __future__ import annotations

import pytest

from explorer.text import (
    FSI,
    PDI,
    content,
    escape_commonmark,
    escape_markdown,
    is_web_link,
    isolate,
    markdown_link,
    markdown_table,
)

ARABIC = "نريد القوة الآن."
HEBREW = "אנחנו רוצים שלום"


@pytest.mark.parametrize("text", [ARABIC, HEBREW, "An English sentence.", "2803 (2025)"])
def test_a_line_is_wrapped_in_a_first_strong_isolate(text: str) -> None:
    assert isolate(text) == f"{FSI}{text}{PDI}"


def test_an_arabic_string_gets_isolated_and_keeps_every_letter() -> None:
    isolated = isolate(ARABIC)
    assert isolated.startswith("\u2068") and isolated.endswith("\u2069")
    assert isolated.strip("\u2068\u2069") == ARABIC


def test_each_line_is_isolated_on_its_own_because_a_line_break_ends_an_isolate() -> None:
    assert isolate(f"{ARABIC}\nEnglish") == f"{FSI}{ARABIC}{PDI}\n{FSI}English{PDI}"


def test_blank_lines_and_the_empty_string_are_left_alone() -> None:
    assert isolate("") == ""
    assert isolate("a\n\nb") == f"{FSI}a{PDI}\n\n{FSI}b{PDI}"


def test_isolating_twice_is_the_same_as_once() -> None:
    assert isolate(isolate(ARABIC)) == isolate(ARABIC)


def test_trailing_spaces_stay_outside_so_a_markdown_line_break_survives() -> None:
    assert isolate("one  \ntwo") == f"{FSI}one{PDI}  \n{FSI}two{PDI}"
    assert isolate(escape_markdown("one\ntwo")) == escape_markdown(isolate("one\ntwo"))


def test_the_escape_does_not_touch_the_isolates() -> None:
    assert escape_markdown(isolate(ARABIC)) == f"{FSI}{escape_markdown(ARABIC)}{PDI}"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("**bold** [link](https://x.org)", r"\*\*bold\*\* \[link\]\(https\://x\.org\)"),
        ("$x$ and :red[alarm]", r"\$x\$ and \:red\[alarm\]"),
        ("<script>alert(1)</script>", r"\<script\>alert\(1\)\</script\>"),
        ("# not a heading", r"\# not a heading"),
        ("**عاجل** $5", r"\*\*عاجل\*\* \$5"),
    ],
)
def test_content_still_escapes_markup_inside_the_isolate(text: str, escaped: str) -> None:
    assert content(text) == f"{FSI}{escaped}{PDI}"


def test_content_keeps_line_breaks_as_markdown_breaks() -> None:
    assert (
        content(f"{ARABIC}\nsecond") == f"{FSI}{escape_markdown(ARABIC)}{PDI}  \n{FSI}second{PDI}"
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://press.un.org/en/2025/sc16220.doc.htm", True),
        ("http://example.org/a?b=c", True),
        ("javascript:alert(1)", False),
        ("https://x.org/<b>", False),
        (None, False),
        ("", False),
    ],
)
def test_only_http_links_are_links(url: str | None, expected: bool) -> None:
    assert is_web_link(url) is expected


def test_a_link_cannot_be_closed_early_by_its_url() -> None:
    link = markdown_link("UN: record", "https://x.org/a)![x](https://evil.example/p.png")
    assert link.endswith("(https://x.org/a%29![x]%28https://evil.example/p.png)")
    assert markdown_link("Seed", None) == content("Seed")


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("Gaza, November 2025: version 1.0.0", "Gaza, November 2025: version 1.0.0"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list\n2. nor this", "\\- not a list\n2\\. nor this"),
        ("*bold* [link](x) <b> a_b", "\\*bold\\* \\[link\\](x) \\<b\\> a\\_b"),
    ],
)
def test_a_readme_escapes_only_what_commonmark_would_act_on(text: str, escaped: str) -> None:
    assert escape_commonmark(text) == escaped


def test_a_markdown_table_escapes_every_cell_and_keeps_each_row_on_one_line() -> None:
    table = markdown_table(["who", "basis"], [("A|B", "$x^2$ **bold**\nnext line"), ("C", None)])
    lines = table.split("\n")
    assert lines[:2] == ["| who | basis |", "| --- | --- |"]
    assert lines[2] == r"| A\|B | \$x^2\$ \*\*bold\*\* next line |"
    assert lines[3] == "| C |  |"
    assert len(lines) == 4
