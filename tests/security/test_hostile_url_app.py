"""Hostile links in the app: oversized, repeated, unicode, HTML and path-like parameters give
one notice, the default view and no exception; the notice shows them as inert text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from explorer.views import default_state
from tests.security.conftest import APP, REAL_CATALOG, clear_streamlit_caches, live_markup

DEFAULT = default_state(REAL_CATALOG)
HOSTILE_URLS: dict[str, dict[str, str | list[str]]] = {
    "oversized": {"a": "x" * 5000, "b": "y" * 301, "z" * 2000: "1"},
    "repeated": {"a": ["<script>alert(1)</script>", "../../etc/passwd"], "view": ["x", "y"]},
    "html": {
        "b": '"><img src=x onerror=alert(1)>',
        "view": "<script>alert(document.cookie)</script>",
        "<svg onload=alert(1)>": "1",
    },
    "markdown": {"a": "[x](javascript:alert(1))", "view": "$x^2$ **bold** :red[red]"},
    "path-like": {
        "set": "../../../etc/passwd",
        "a": "/etc/shadow",
        "b": "..\\..\\windows\\win.ini",
        "actor": "file:///etc/passwd",
    },
    "unicode": {"a": "\u202eevil\u202c \U0001f642", "issues": "\u0639~\u05d1~\x00", "v": "\ufeff"},
    "everything at once": {
        "set": "%2e%2e%2f",
        "a": "x" * 400,
        "groups": "<b>~</b>",
        "tracks": "<i>~</i>~secur1ty",
        "dates": "0000-00-00..9999-99-99",
        "votes": "usa:veto~<script>:yes",
        "fix": "a:b~../:..",
        "judge": "x.y_z.w:9",
    },
}


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    clear_streamlit_caches()
    yield
    clear_streamlit_caches()


@pytest.mark.parametrize("case", list(HOSTILE_URLS))
def test_a_hostile_link_gives_one_inert_notice_and_the_default_view(case: str) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in HOSTILE_URLS[case].items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    (notice,) = at.warning
    assert "could not be used" in notice.value
    assert not live_markup(notice.value), notice.value
    assert not at.error
    assert at.selectbox(key="sidebar.set").value == DEFAULT.set
    assert at.selectbox(key="sidebar.a").value == DEFAULT.a
    assert at.selectbox(key="sidebar.b").value == DEFAULT.b
    assert at.radio(key="sidebar.view").value == DEFAULT.view
    assert dict(at.query_params) == {}
