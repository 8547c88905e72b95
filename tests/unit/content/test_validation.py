"""What a person sees when a file does not fit its model: the file, the line, the field path
and a plain message, one per problem, every problem at once."""

from __future__ import annotations

import pytest

from explorer.content import Actor, ActorsFile, Draft, Source, Stance, parse
from explorer.content.validation import validate

SOURCE = """\
id: wire
title: Wire report
publisher: Example Wire
url: https://example.org/wire
accessed: 2026-01-31
kind: news
"""


def problems(model: type, text: str) -> list[str]:
    result = validate(model, parse(text.encode()), "f.yaml")
    assert isinstance(result, list), "expected problems, the model validated"
    return [str(p) for p in result]


def source_with(old: str, new: str) -> str:
    assert old in SOURCE
    return SOURCE.replace(old, new)


def test_a_valid_document_gives_the_model() -> None:
    source = validate(Source, parse(SOURCE.encode()), "f.yaml")
    assert isinstance(source, Source)
    assert source.id == "wire"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (source_with("kind: news\n", ""), "f.yaml:1: kind: required field is missing"),
        (
            source_with("kind: news", "kind: news\nkindd: news"),
            "f.yaml:7: kindd: unknown field (check the spelling against the format in README.md)",
        ),
        (
            source_with("kind: news", "kind: rumour"),
            "f.yaml:6: kind: 'rumour' is not one of official, news, analysis, statement, seed "
            "(fixed by the app)",
        ),
        (
            source_with("accessed: 2026-01-31", "accessed: 31/01/2026"),
            "f.yaml:5: accessed: '31/01/2026' is not a date (use YYYY-MM-DD)",
        ),
        (
            source_with("id: wire", "id: Wire Report"),
            "f.yaml:1: id: 'Wire Report' is not a valid id "
            "(use lowercase letters, digits and hyphens)",
        ),
        (
            source_with("url: https://example.org/wire", "url: ftp://example.org/wire"),
            "f.yaml:4: url: 'ftp://example.org/wire' is not an http(s) URL",
        ),
        (
            source_with("kind: news", "kind: news\nlanguage: english"),
            "f.yaml:7: language: 'english' is not a language code (use e.g. en, ar, fr)",
        ),
        (source_with("title: Wire report", "title: '  '"), "f.yaml:2: title: must not be empty"),
        (
            source_with("title: Wire report", "title: [Wire, report]"),
            "f.yaml:2: title: ['Wire', 'report']: Input should be a valid string",
        ),
        (
            source_with("url: https://example.org/wire\n", ""),
            "f.yaml:1: a source gives the url that was read (only a seed text may lack one)",
        ),
        ("- a list\n", "f.yaml:1: must be a mapping of fields, not list"),
    ],
    ids=[
        "missing",
        "unknown-key",
        "not-a-choice",
        "not-a-date",
        "id-pattern",
        "url-pattern",
        "language-pattern",
        "empty-text",
        "wrong-type",
        "model-rule",
        "not-a-mapping",
    ],
)
def test_each_kind_of_error_reads_as_a_plain_message(text: str, expected: str) -> None:
    assert problems(Source, text) == [expected]


def test_a_list_field_given_one_value_says_it_must_be_a_list() -> None:
    text = "actor: north\nissue: force\nvalue: unknown\nas_of: 2026-01-31\nsources: wire\n"
    assert problems(Stance, text) == ["f.yaml:5: sources: must be a list, not str"]


def test_an_empty_list_that_needs_items_says_how_many() -> None:
    text = (
        "id: d\ntitle: D\nsponsor: north\ncirculated: 2025-11-03\nstatus: circulated\n"
        "clauses: []\nsources: []\n"
    )
    assert problems(Draft, text) == ["f.yaml:7: sources: needs at least 1 item(s)"]


def test_a_long_value_is_shortened_in_the_message() -> None:
    (message,) = problems(Source, source_with("kind: news", "kind: " + "x" * 200))
    assert message.startswith("f.yaml:6: kind: 'xxxxxxxx")
    assert "'" + "x" * 56 + "... is not one of" in message


def test_nested_fields_are_shown_as_a_path_on_their_own_line() -> None:
    text = "actors:\n  - id: north\n    name: Northland\n    kind: country\n"
    assert problems(ActorsFile, text) == [
        "f.yaml:2: actors[0].region: required field is missing",
        "f.yaml:4: actors[0].kind: 'country' is not an actor kind of this set; declare it under "
        "actor_kinds in vocabulary.yaml, or use one of state, organisation, armed_group, body, "
        "bloc",
    ]


def test_every_problem_is_reported_at_once_in_line_order() -> None:
    text = "id: North\nname: ''\nkind: state\nregion: Africa\nparty: maybe\n"
    assert problems(Actor, text) == [
        "f.yaml:1: id: 'North' is not a valid id (use lowercase letters, digits and hyphens)",
        "f.yaml:2: name: must not be empty",
        "f.yaml:5: party: 'maybe': Input should be a valid boolean, unable to interpret input",
    ]
