"""The upload panel: a valid upload comes back as a set, a bad one shows its problems as plain
text with file, line and field, and the template is one click away."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import get_args

import pytest
from streamlit.testing.v1 import AppTest

from explorer.content import load_files
from explorer.uploads.template import (
    TEMPLATES,
    TemplateKind,
    template_files,
    template_zip,
)
from explorer.views import offered

TINY_SET = Path(__file__).resolve().parents[1] / "fixtures" / "tiny-set"
TINY_FILES = {p.relative_to(TINY_SET).as_posix(): p.read_bytes() for p in TINY_SET.rglob("*.yaml")}
OTHER = (
    TINY_FILES["scenarios/rejected.yaml"]
    .replace(b"id: rejected", b"id: other")
    .replace(b"label: Rejected", b"label: Other")
    .replace(b"id: talks-collapse", b"id: other-signpost")
)


def _panel(set_id: str, files: dict[str, bytes]) -> None:
    import streamlit as st

    from components import upload

    result = upload.uploaded(set_id, files)
    upload.render(result)
    uploaded = None if result is None else result.set
    st.session_state["test.returned"] = None if uploaded is None else uploaded.id


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def opened(at: AppTest) -> AppTest:
    """Open the panel, as a person does before choosing a file."""
    at.session_state["upload.open"] = True
    return at.run()


@pytest.fixture
def panel() -> AppTest:
    return opened(
        AppTest.from_function(_panel, args=("tiny-set", TINY_FILES), default_timeout=30).run()
    )


def test_the_panel_closed_and_empty_draws_nothing_in_it() -> None:
    """A fresh page's panel is closed: its uploader and template buttons (and their scripts in
    the browser) wait until it is opened; one that holds a file keeps it when closed."""
    at = AppTest.from_function(_panel, args=("tiny-set", TINY_FILES), default_timeout=30).run()
    assert [e.label for e in at.sidebar.expander] == ["Your own scenario set"]
    assert not at.get("file_uploader") and not at.get("download_button")
    _upload(opened(at), "tiny.zip", _zip({f"tiny-set/{n}": b for n, b in TINY_FILES.items()}))
    at.session_state["upload.open"] = False
    at.run()
    assert at.file_uploader(key="upload.file").value is not None
    assert at.session_state["test.returned"] is not None


def _upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="upload.file").set_value((name, data, "application/octet-stream"))
    return at.run()


def test_the_panel_offers_an_upload_a_template_and_says_uploads_stay_private(
    panel: AppTest,
) -> None:
    assert not panel.exception
    assert [e.label for e in panel.sidebar.expander] == ["Your own scenario set"]
    uploader = panel.file_uploader(key="upload.file")
    assert sorted(t.lstrip(".") for t in uploader.allowed_type) == ["scw", "yaml", "yml", "zip"]
    assert "never stored or shared" in panel.sidebar.caption[0].value
    assert panel.session_state["test.returned"] is None
    assert not panel.error


BUTTONS: dict[TemplateKind, tuple[str, str]] = {
    "general": ("Download template", "upload.template"),
    "council": ("Download a Security Council vote template", "upload.template_council"),
}
KINDS: list[TemplateKind] = list(get_args(TemplateKind))


@pytest.mark.parametrize("kind", KINDS)
def test_each_template_button_serves_its_template_zip_built_when_clicked(
    monkeypatch: pytest.MonkeyPatch, kind: TemplateKind
) -> None:
    """The button holds no bytes (nothing is built or hashed on a run): Streamlit registers a
    callable, called on a click, that gives the template's zip under its file name."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    registered: dict[str | None, Callable[[], object]] = {}
    add_deferred = MediaFileManager.add_deferred

    def spy(self: MediaFileManager, data: Callable[[], object], *args, **kwargs) -> str:
        registered[kwargs.get("file_name")] = data
        return add_deferred(self, data, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    at = opened(
        AppTest.from_function(_panel, args=("tiny-set", TINY_FILES), default_timeout=30).run()
    )
    label, key = BUTTONS[kind]
    (button,) = [b for b in at.get("download_button") if b.proto.label == label]
    assert button.proto.id.endswith(key)
    assert button.proto.deferred_file_id and not button.proto.url
    assert registered[TEMPLATES[kind].file_name]() == template_zip(kind)


def test_the_general_template_comes_first_and_the_council_one_second(panel: AppTest) -> None:
    labels = [b.proto.label for b in panel.get("download_button")]
    assert labels == [BUTTONS["general"][0], BUTTONS["council"][0]]


def test_a_valid_zip_comes_back_as_a_set(panel: AppTest) -> None:
    at = _upload(panel, "Tiny Set.zip", _zip({f"tiny-set/{k}": v for k, v in TINY_FILES.items()}))
    assert not at.exception
    assert at.session_state["test.returned"] == "tiny-set"
    assert "Tiny test set" in at.success[0].value
    assert not at.error


@pytest.mark.parametrize("kind", KINDS)
def test_each_template_uploads_back_as_it_was_downloaded(
    panel: AppTest, kind: TemplateKind
) -> None:
    at = _upload(panel, TEMPLATES[kind].file_name, template_zip(kind))
    assert not at.exception and not at.error
    assert at.session_state["test.returned"] == TEMPLATES[kind].id


@pytest.mark.parametrize("kind", KINDS)
def test_each_template_opens_in_the_app_and_every_view_it_offers_renders(
    open_app: Callable[..., AppTest], kind: TemplateKind
) -> None:
    template = TEMPLATES[kind]
    loaded = load_files(template.id, template_files(kind), template.id).set
    assert loaded is not None
    at = opened(open_app())
    upload = at.file_uploader(key="upload.file")
    upload.set_value((template.file_name, template_zip(kind), "application/zip")).run()
    assert not at.exception and not at.error
    assert at.selectbox(key="sidebar.set").value == template.id
    views = [v.id for v in offered(loaded)]
    assert at.radio(key="sidebar.view").options == [v.label for v in offered(loaded)]
    for view in views:
        at.radio(key="sidebar.view").set_value(view).run()
        assert not at.exception, (view, at.exception)
        assert not at.error and not at.warning, view
        assert at.radio(key="sidebar.view").value == view
        assert at.query_params["set"] == template.id


def test_one_scenario_is_added_to_the_set_shown(panel: AppTest) -> None:
    at = _upload(panel, "other.yaml", OTHER)
    assert not at.exception and not at.error
    assert at.session_state["test.returned"] == "tiny-set-with-other"


def test_a_bad_scenario_shows_file_line_and_field_as_plain_text(panel: AppTest) -> None:
    at = _upload(panel, "other.yaml", OTHER.replace(b"status: counterfactual", b"status: maybe"))
    assert not at.exception
    assert at.session_state["test.returned"] is None
    assert at.error[0].value.startswith("other\\.yaml was not loaded")
    (code,) = at.sidebar.code
    assert "other.yaml:4: status: 'maybe' is not one of" in code.value


def test_a_hostile_zip_is_refused_naming_each_entry(panel: AppTest) -> None:
    hostile = _zip({"../escape.yaml": b"a: 1", "set.yaml": b"a: 1", "run.py": b"import os"})
    at = _upload(panel, "hostile.zip", hostile)
    assert not at.exception
    assert at.session_state["test.returned"] is None
    text = at.sidebar.code[0].value
    assert "hostile.zip/../escape.yaml" in text and "hostile.zip/run.py" in text


def test_markup_in_a_file_name_stays_text(panel: AppTest) -> None:
    at = _upload(panel, "[x](javascript:alert(1)) <script>.yaml", b"id: [")
    assert not at.exception
    message = at.error[0].value
    assert not re.search(r"(?<!\\)(<script|\]\(javascript)", message)
    assert "\\[x\\]\\(javascript" in message


def test_a_removed_file_returns_nothing(panel: AppTest) -> None:
    at = _upload(panel, "other.yaml", OTHER)
    assert at.session_state["test.returned"] == "tiny-set-with-other"
    at.file_uploader(key="upload.file").clear()
    at.run()
    assert at.session_state["test.returned"] is None
