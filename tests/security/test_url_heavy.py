"""A link with more parameters than can be read (Streamlit reads none past its limit) opens the
defaults with the usual notice, in every set; a link at the limit is still read."""

from __future__ import annotations

import random

import pytest
from streamlit.runtime.state.query_params import (
    CLIENT_STATE_QUERY_STRING_MAX_FIELDS,
    sanitize_query_string,
)

from explorer.content import Catalog
from explorer.views import default_state, parse
from explorer.views.url import MAX_PARAMETERS, TOO_MANY_PARAMETERS
from tests.security.conftest import REAL_CATALOG, TINY_CATALOG

SETS = [
    pytest.param(catalog, set_id, id=set_id)
    for catalog in (REAL_CATALOG, TINY_CATALOG)
    for set_id in catalog.ids
]


def _junk(count: int, seed: int) -> dict[str, str]:
    """``count`` hostile parameters: markup, paths and random code points as keys and values."""
    rng = random.Random(seed)
    stems = ["<script>", "../../etc/passwd", "javascript:", "**x**", "\u202e", "v", "a"]
    return {
        f"{rng.choice(stems)}{''.join(chr(rng.randrange(0x100, 0x2FFF)) for _ in range(6))}{i}": (
            rng.choice(stems)
        )
        for i in range(count)
    }


def _query(params: dict[str, str | list[str]]) -> str:
    return "&".join(
        f"{key}={value}"
        for key, values in params.items()
        for value in ([values] if isinstance(values, str) else values)
    )


def test_the_limit_is_streamlits() -> None:
    assert MAX_PARAMETERS == CLIENT_STATE_QUERY_STRING_MAX_FIELDS
    at_limit = _query({f"k{i}": "x" for i in range(MAX_PARAMETERS)})
    assert sanitize_query_string(at_limit) == at_limit
    assert sanitize_query_string(at_limit + "&k=x") == ""


@pytest.mark.parametrize(("catalog", "set_id"), SETS)
@pytest.mark.parametrize("extra", [1, 2, 5000])
def test_a_link_past_the_limit_opens_the_defaults_with_a_notice(
    catalog: Catalog, set_id: str, extra: int
) -> None:
    params: dict[str, str | list[str]] = {"set": set_id, "view": "timeline"}
    params |= _junk(MAX_PARAMETERS - len(params) + extra, seed=extra)
    assert sum(1 for _ in _query(params).split("&")) == MAX_PARAMETERS + extra
    assert parse(params, catalog) == (default_state(catalog), [TOO_MANY_PARAMETERS])


@pytest.mark.parametrize(("catalog", "set_id"), SETS)
def test_repeated_values_count_as_parameters(catalog: Catalog, set_id: str) -> None:
    params: dict[str, str | list[str]] = {"set": [set_id] * (MAX_PARAMETERS + 1)}
    assert parse(params, catalog) == (default_state(catalog), [TOO_MANY_PARAMETERS])


@pytest.mark.parametrize(("catalog", "set_id"), SETS)
def test_a_link_at_the_limit_is_still_read(catalog: Catalog, set_id: str) -> None:
    params: dict[str, str | list[str]] = {"set": set_id}
    params |= _junk(MAX_PARAMETERS - 1, seed=1)
    state, notices = parse(params, catalog)
    assert state.set == set_id
    assert TOO_MANY_PARAMETERS not in notices
    assert len(notices) == MAX_PARAMETERS - 1  # one per unknown parameter
