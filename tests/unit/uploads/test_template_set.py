"""The template set ships as package data: its folder, read from disk, is a valid set."""

from __future__ import annotations

from explorer.content import load_files, read_folder
from explorer.uploads.template import TEMPLATE_FOLDER, TEMPLATE_ID, template_files


def test_the_template_folder_loads_as_a_valid_set_of_exactly_the_template_files() -> None:
    files = read_folder(TEMPLATE_FOLDER)
    assert files == template_files()
    result = load_files(TEMPLATE_ID, files, TEMPLATE_ID)
    assert result.problems == ()
    assert result.set is not None
    assert [s.id for s in result.set.scenarios] == ["adopted", "rejected"]
    assert result.set.info.default_pair == ("adopted", "rejected")
