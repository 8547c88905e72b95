"""What the views build is kept in bounded stores: a shipped set's results in one store shared
by every session, any other set's (an upload's) in the session that built it, so they go when
the session does and no other session sees them."""

from __future__ import annotations

import pickle

import pytest
from streamlit.testing.v1 import AppTest

from components import data
from components.data import SESSION_KEY, BoundedCache
from tests.conftest import SETS


def _size(value: object) -> int:
    return len(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def test_the_least_recently_used_entry_goes_past_the_entry_bound() -> None:
    cache = BoundedCache(max_entries=2, max_bytes=10**9)
    for key in ("a", "b"):
        cache.get_or_build(key, lambda key=key: key)
    cache.get_or_build("a", lambda: "rebuilt")  # a is used again: b is now the oldest
    cache.get_or_build("c", lambda: "c")
    assert len(cache) == 2
    assert cache.get_or_build("a", lambda: "rebuilt") == "a"
    assert cache.get_or_build("b", lambda: "rebuilt") == "rebuilt"


def test_entries_go_until_the_bytes_fit() -> None:
    value = b"x" * 1_000
    cache = BoundedCache(max_entries=100, max_bytes=3 * _size(value))
    for index in range(5):
        cache.get_or_build(index, lambda: value)
    assert len(cache) == 3 and cache.bytes == 3 * _size(value)
    assert cache.get_or_build(0, lambda: b"rebuilt") == b"rebuilt"


def test_a_value_larger_than_the_store_is_returned_and_not_kept() -> None:
    cache = BoundedCache(max_entries=100, max_bytes=100)
    assert cache.get_or_build("big", lambda: b"x" * 1_000) == b"x" * 1_000
    assert len(cache) == 0 and cache.bytes == 0


def test_what_cannot_be_measured_is_counted_as_large() -> None:
    cache = BoundedCache(max_entries=100, max_bytes=data.UNKNOWN_BYTES)
    cache.get_or_build("lambda", lambda: lambda: None)
    assert cache.bytes == data.UNKNOWN_BYTES


def _script(content_hash: str) -> None:
    from components.data import memo

    memo(("test.view", content_hash), lambda: f"built for {content_hash}")


@pytest.mark.parametrize("set_id", list(SETS))
def test_a_shipped_sets_results_are_shared_and_an_uploads_stay_in_its_session(
    set_id: str,
) -> None:
    scenario_set = SETS[set_id]
    shipped = scenario_set.content_hash in data._shipped_hashes()
    first = AppTest.from_function(_script, args=(scenario_set.content_hash,)).run()
    second = AppTest.from_function(_script, args=(scenario_set.content_hash,)).run()
    key = ("test.view", scenario_set.content_hash)
    in_session = [SESSION_KEY in at.session_state for at in (first, second)]
    if shipped:
        assert key in data._shared() and in_session == [False, False]
    else:
        assert key not in data._shared() and in_session == [True, True]
        assert first.session_state[SESSION_KEY] is not second.session_state[SESSION_KEY]
        assert len(first.session_state[SESSION_KEY]) == 1


def test_an_upload_never_reaches_the_shared_store() -> None:
    at = AppTest.from_function(_script, args=("a-hash-no-shipped-set-has",)).run()
    assert ("test.view", "a-hash-no-shipped-set-has") not in data._shared()
    assert len(at.session_state[SESSION_KEY]) == 1
