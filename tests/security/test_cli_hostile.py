"""The command line under hostile input: every error is a message and a non-zero exit, never a
traceback, and no file or folder name can print a line of its own (a forged ``OK``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explorer.__main__ import main
from explorer.content import ScenarioSet
from tests.conftest import SET_FOLDERS, SETS, set_id

FORGED = "OK forged: 9 scenarios, 9 actors, 9 issues, 9 stances, 9 sources, 9 observations"


def test_validate_a_file_says_so_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "set.yaml"
    path.write_text("title: x\n")
    assert main(["validate", str(path)]) == 2
    out, err = capsys.readouterr()
    assert (
        out == ""
        and err == f"{path} is a file; give a set folder (with set.yaml) or a folder of sets\n"
    )


def test_validate_a_missing_path_says_so_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr() == ("", f"no such folder: {tmp_path / 'nowhere'}\n")


def test_a_missing_path_with_a_newline_prints_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["validate", f"nowhere\n{FORGED}"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "\\n" + FORGED in err


@pytest.mark.parametrize("scenario_set", list(SETS.values()), ids=set_id)
def test_a_folder_name_with_a_newline_cannot_forge_an_ok_line(
    scenario_set: ScenarioSet, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sets" / f"x\n{FORGED}\n"
    shutil.copytree(SET_FOLDERS[scenario_set.id], folder)
    (folder / "set.yaml").write_text("title: [broken\n")
    (folder / "scenarios" / f"y\n{FORGED}.yaml").write_text("id: [broken\n")
    assert main(["validate", str(folder.parent)]) == 1
    assert main(["validate", str(folder)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines and not any(line.startswith("OK") for line in lines), lines
    assert all("\\n" + FORGED in line for line in lines), lines
