"""One YAML guard: a file over the size, value or nesting limit is refused with what was
measured, whichever loader is in use, and the limits are told apart from malformed YAML."""

from __future__ import annotations

import pytest
import yaml

from explorer.content import MAX_DEPTH, YamlError, over_limit, parse, yamlfile
from explorer.errors import ScenarioError


def nested(levels: int) -> bytes:
    return b"[" * levels + b"]" * levels


def refusal(raw: bytes) -> YamlError:
    with pytest.raises(YamlError) as caught:
        parse(raw)
    return caught.value


def test_a_yaml_error_is_a_scenario_error() -> None:
    assert issubclass(YamlError, ScenarioError)


def test_nesting_at_the_limit_is_read() -> None:
    assert parse(nested(MAX_DEPTH)).data is not None


def test_nesting_past_the_limit_says_how_deep_it_went_and_where() -> None:
    error = refusal(b"title: x\nitems:\n  - " + nested(68))  # the mapping, the list, 68 more
    assert (error.line, error.message) == (
        3,
        "nested more than 64 levels deep (70 levels); refused",
    )


def test_nesting_built_from_aliases_counts_as_nesting() -> None:
    anchor = b"a: &deep " + nested(40) + b"\n"
    raw = anchor + b"b: " + b"[" * 30 + b"*deep" + b"]" * 30 + b"\n"
    assert "(71 levels)" in refusal(raw).message  # the mapping, 30 lists, then 40 through *deep


def test_a_parser_that_recurses_is_stopped_with_the_same_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """PyYAML's pure-Python composer (used where libyaml is missing) recurses per level."""
    monkeypatch.setattr(yamlfile, "_Loader", yaml.SafeLoader)
    error = refusal(nested(990))
    assert error.over_limit
    assert error.message.startswith("nested more than 64 levels deep")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (nested(MAX_DEPTH + 1), "nested more than 64 levels deep (65 levels); refused"),
        (b"a: 1\n" + b"#" * 1_000_000, "file is 1,000,005 bytes; the limit is 1,000,000"),
        (
            b"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + b"".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n".encode()
                for i in range(5)
            ),
            "aliases expand to more than 100,000 values; refused",
        ),
    ],
    ids=["depth", "size", "aliases"],
)
def test_over_limit_names_the_limit(raw: bytes, message: str) -> None:
    error = over_limit(raw)
    assert error is not None and error.over_limit
    assert error.message == message


@pytest.mark.parametrize(
    "raw", [b"a: 1\n", b"a: [unclosed\n", b"\xff\xfe", b"", b"a: !!python/name:os.system\n"]
)
def test_over_limit_leaves_other_problems_to_the_parser(raw: bytes) -> None:
    assert over_limit(raw) is None
