"""Markup and script in content render as inert text in every view.

A hostile copy of the tiny set puts ``<script>``, bold, a ``javascript:`` link, maths, a colour
directive, an image and a heading after every text field. The app is pointed at it through
``SCENARIO_EXPLORER_SCENARIOS`` and each view is rendered in AppTest: every text Streamlit would
read as Markdown (bodies, captions, alerts, expander and widget labels, radio and segmented
options) must carry the payload escaped, and chart text must carry it HTML-escaped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explorer.content import ROOT_VARIABLE, load_catalog, load_files
from explorer.text import escape_markdown
from explorer.views import VIEWS
from tests.security.conftest import (
    APP,
    PAYLOAD,
    TINY_FILES,
    clear_streamlit_caches,
    live_markup,
    write_hostile_set,
)

MARKDOWN_ELEMENTS = ("markdown", "caption", "title", "header", "subheader")
ALERTS = ("error", "warning", "info", "success")
RAW_HTML = re.compile(r"<\s*(script|img|a\s|iframe|svg)", re.IGNORECASE)


def _nodes(node: object) -> Iterator[object]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _nodes(child)


def markdown_texts(at: AppTest) -> list[tuple[str, str]]:
    """(where, text) for every text of the page that Streamlit renders as Markdown."""
    texts: list[tuple[str, str]] = []
    for node in _nodes(at._tree):
        kind = getattr(node, "type", "")
        proto = getattr(node, "proto", None)
        if kind in MARKDOWN_ELEMENTS or kind in ALERTS:
            texts.append((kind, node.value))
        elif kind == "expandable" and proto is not None:
            texts.append(("expander", proto.expandable.label))
        elif getattr(node, "label", None) and kind not in ("code",):
            texts.append((f"{kind} label", node.label))
        if kind == "radio":
            texts += [("radio option", option) for option in proto.options]
        if kind == "button_group":
            texts += [("button option", option.content) for option in proto.options]
    return texts


def chart_strings(at: AppTest) -> list[str]:
    """Every string in every plotly figure of the page."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for chart in at.get("plotly_chart"):
        walk(json.loads(chart.proto.spec))
    return found


@pytest.fixture
def hostile_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "sets"
    write_hostile_set(root / "tiny-set")
    monkeypatch.setenv(ROOT_VARIABLE, str(root))
    clear_streamlit_caches()
    yield root
    clear_streamlit_caches()


def open_view(view: str, **params: str) -> AppTest:
    """The view with every expander that builds its body on opening (``components.lazy``)
    opened, so that what they hold is checked too."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["view"] = view
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    while closed := [e.proto.id.split("-", 2)[2] for e in at.expander if e.proto.id]:
        closed = [key for key in closed if not at.session_state[key]]
        if not closed:
            break
        for key in closed:
            at.session_state[key] = True
        at.run()
    return at


def test_the_hostile_set_loads_so_that_the_app_shows_it(hostile_root: Path) -> None:
    catalog = load_catalog(hostile_root)
    assert not catalog.problems, catalog.problems
    assert PAYLOAD in catalog["tiny-set"].info.title


@pytest.mark.parametrize("view", list(VIEWS))
def test_markup_in_every_text_field_renders_as_inert_text(hostile_root: Path, view: str) -> None:
    params = {"actor": "north"} if view == "stakeholders" else {}
    at = open_view(view, **params)
    assert not at.exception, at.exception
    sources = tuple(s.url for s in load_catalog(hostile_root)["tiny-set"].sources if s.url)
    texts = markdown_texts(at)
    leaks = [(where, text) for where, text in texts if live_markup(text, sources)]
    assert not leaks, leaks
    assert any(escape_markdown(PAYLOAD) in text for _, text in texts), "payload not shown"
    raw = [text for text in chart_strings(at) if RAW_HTML.search(text)]
    assert not raw, raw


def test_only_source_urls_become_links(hostile_root: Path) -> None:
    at = open_view("stakeholders", actor="north")
    links = [text for _, text in markdown_texts(at) if "](" in text.replace("\\]\\(", "")]
    assert links and all("](https://example.org/" in text for text in links), links


def test_a_javascript_source_url_is_a_load_problem() -> None:
    files = dict(TINY_FILES)
    files["sources.yaml"] = files["sources.yaml"].replace(
        b"url: https://example.org/record", b"url: javascript:alert(1)"
    )
    result = load_files("tiny-set", files, "tiny-set")
    assert result.set is None
    (problem,) = result.problems
    assert (problem.file, problem.field) == ("tiny-set/sources.yaml", "sources[0].url")
    assert problem.line == 5


def _without_destinations(text: str) -> str:
    text = re.sub(r"(?<!\\)\]\(<[^<>\n]*>\)", "](url)", text)
    return re.sub(r"(?<!\\)\]\((?:[^()\\\s]|\\.)*\)", "](url)", text)


def _leaks(at: AppTest, links: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(where, text) for where, text in markdown_texts(at) if live_markup(text, links)]


def test_a_hostile_content_version_renders_inert_in_the_sidebar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_caches: None
) -> None:
    root = tmp_path / "sets"
    write_hostile_set(root / "tiny-set", version="1.0 [v](https://evil.example) $v$")
    monkeypatch.setenv(ROOT_VARIABLE, str(root))
    at = open_view("overview")
    assert not at.exception
    assert not _leaks(at)


def test_a_source_url_cannot_close_its_link_and_open_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_caches: None
) -> None:
    root = tmp_path / "sets"
    write_hostile_set(root / "tiny-set")
    sources = root / "tiny-set" / "sources.yaml"
    hostile_url = "https://example.org/record)![x](https://evil.example/p.png"
    sources.write_text(sources.read_text().replace("https://example.org/record", hostile_url))
    monkeypatch.setenv(ROOT_VARIABLE, str(root))
    assert not load_catalog(root).problems
    at = open_view("stakeholders", actor="north")
    assert not at.exception
    # Whichever way a fix writes the destination (percent-encoded, backslash-escaped or in
    # <angle brackets>), what is left once each link's destination is taken out must hold no
    # image and one link per source line.
    texts = [_without_destinations(text) for _, text in markdown_texts(at)]
    assert not [text for text in texts if re.search(r"(?<!\\)!\[", text)], texts
    lines = [text for text in texts if text.startswith("Source:")]
    assert lines and all(len(re.findall(r"(?<!\\)\]\(", line)) == 1 for line in lines), lines
