"""Names and labels a reader cannot tell apart are duplicates: in every set, giving a second
actor, issue, indicator or scenario the name or label of the first in another Unicode form
(composed or decomposed accents) or another case is refused, naming both places."""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml

from explorer.content import load_set
from tests.conftest import SET_FOLDERS

LISTS = [
    ("actors.yaml", "actors", "name"),
    ("issues.yaml", "issues", "label"),
    ("indicators.yaml", "indicators", "label"),
]


def _pairs(name: str) -> list[tuple[str, str]]:
    """Two spellings of one name: composed and decomposed accents, and another case."""
    base = f"Café {name}"[:30].strip()
    nfc, nfd = unicodedata.normalize("NFC", base), unicodedata.normalize("NFD", base)
    return [(nfc, nfd), (nfd, nfc), (nfc, nfc.upper()), (nfd, nfc.swapcase())]


def _cases() -> list[object]:
    cases = []
    for set_id, folder in SET_FOLDERS.items():
        for file, field, key in LISTS:
            entries = yaml.safe_load((folder / file).read_text(encoding="utf-8"))[field]
            if len(entries) < 2:
                continue
            for n, (first, second) in enumerate(_pairs(entries[0][key])):
                cases.append(
                    pytest.param(folder, file, field, key, first, second, id=f"{set_id}-{file}-{n}")
                )
        scenario_files = sorted((folder / "scenarios").glob("*.yaml"))
        if len(scenario_files) >= 2:
            label = yaml.safe_load(scenario_files[0].read_text(encoding="utf-8"))["label"]
            for n, (first, second) in enumerate(_pairs(label)):
                cases.append(
                    pytest.param(
                        folder,
                        "scenarios",
                        None,
                        "label",
                        first,
                        second,
                        id=f"{set_id}-scenario-{n}",
                    )
                )
    return cases


def _write(path: Path, doc: object) -> None:
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize(("folder", "file", "field", "key", "first", "second"), _cases())
def test_names_alike_once_case_and_unicode_form_are_ignored_are_refused(
    tmp_path: Path, folder: Path, file: str, field: str | None, key: str, first: str, second: str
) -> None:
    target = tmp_path / folder.name
    shutil.copytree(folder, target)
    if field is None:
        paths = sorted((target / "scenarios").glob("*.yaml"))[:2]
        docs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in paths]
        docs[0][key], docs[1][key] = first, second
        for path, doc in zip(paths, docs, strict=True):
            _write(path, doc)
        first_file, second_file = (f"scenarios/{p.name}" for p in paths)
        second_loc = key
    else:
        doc = yaml.safe_load((target / file).read_text(encoding="utf-8"))
        doc[field][0][key], doc[field][1][key] = first, second
        _write(target / file, doc)
        first_file = second_file = file
        second_loc = f"{field}[1].{key}"
    result = load_set(target, shown_as="set")
    assert result.set is None
    found = [str(p) for p in result.problems if "once case and accents" in str(p)]
    pattern = (
        rf"set/{re.escape(second_file)}:(\d+): {re.escape(second_loc)}: {re.escape(repr(second))} "
        rf"is the same {key} as {re.escape(repr(first))} \(set/{re.escape(first_file)}:(\d+)\) "
        r"once case and accents' encoding are ignored"
    )
    assert len(found) == 1, result.problems
    match = re.fullmatch(pattern, found[0])
    assert match, found[0]
    lines = {
        first_file: (target / first_file).read_text(encoding="utf-8").splitlines(),
        second_file: (target / second_file).read_text(encoding="utf-8").splitlines(),
    }
    assert first in lines[first_file][int(match[2]) - 1]
    assert second in lines[second_file][int(match[1]) - 1]


@pytest.mark.parametrize("folder", SET_FOLDERS.values(), ids=SET_FOLDERS.keys())
def test_every_shipped_set_still_loads_with_no_names_alike(folder: Path) -> None:
    assert load_set(folder).problems == ()
