"""``python -m explorer brief``: writes the brief of a pair; an unknown id exits 2 and says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer import __main__ as cli
from explorer.content import ROOT_VARIABLE
from explorer.publish import pdf


@pytest.fixture
def here(tiny_set: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An empty working folder; the CLI reads the tiny set."""
    monkeypatch.setenv(ROOT_VARIABLE, str(tiny_set.parent))
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_brief_writes_the_html_file_with_the_pair_and_the_link(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = here / "brief.html"
    args = ["--set", "tiny-set", "--a", "adopted", "--b", "rejected"]
    assert cli.main(["brief", *args, "--out", str(out), "--link", "https://example.app/"]) == 0
    page = out.read_text()
    assert "A force arrives" in page and "Counterfactual: this did not happen" in page
    assert '<a href="https://example.app/">' in page
    assert capsys.readouterr().out == f"wrote {out}\n"


def test_brief_defaults_to_the_first_set_and_its_default_pair(here: Path) -> None:
    assert cli.main(["brief"]) == 0
    page = (here / "brief-adopted-vs-rejected.html").read_text()
    assert "A: The draft is adopted" in page and "B: The draft is rejected" in page
    assert '<a href="http://localhost:8501/">' in page


def test_brief_of_one_scenario_with_b_none(here: Path) -> None:
    assert cli.main(["brief", "--a", "rejected", "--b", "none"]) == 0
    page = (here / "brief-rejected.html").read_text()
    assert "Projected reactions under Rejected" in page
    assert "http://localhost:8501/?a=rejected&amp;b=none&amp;v=0.1.0" in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--set", "nope"], "no scenario set 'nope'; choose one of: tiny-set"),
        (["--a", "nope"], "no scenario in tiny-set 'nope'; choose one of: adopted, rejected"),
        (["--b", "nope"], "no scenario in tiny-set 'nope'; choose one of: adopted, rejected"),
        (["--a", "none"], "--a must be a scenario, and --b another one (or none)"),
        (["--a", "rejected"], "--a must be a scenario, and --b another one (or none)"),
    ],
)
def test_unknown_ids_exit_2_with_a_clear_message_and_write_nothing(
    here: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert cli.main(["brief", *args]) == 2
    assert capsys.readouterr().err == message + "\n"
    assert list(here.iterdir()) == []


def test_pdf_without_chromium_fails_with_a_message(
    here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pdf, "brief_pdf", lambda *printed: None)
    assert cli.main(["brief", "--pdf"]) == 1
    assert "could not print a PDF" in capsys.readouterr().err
    assert list(here.iterdir()) == []
