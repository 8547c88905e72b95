"""Any date the model accepts: every set, its dates moved centuries away or all onto one day,
still validates, shows every view it offers without an exception and exports its zip.

A zip entry holds dates from 1980 to 2107 only (``explorer.zipfiles.zip_day`` clamps); a date
slider reaches from 1684 to 2255 (the sidebar offers date fields beyond it, and no control when
every date is one day)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from explorer import publish
from explorer.content import ROOT_VARIABLE, ScenarioSet, load_set, read_folder
from explorer.uploads import load_upload
from explorer.views import offered
from explorer.zipfiles import FIRST_DAY, LAST_DAY, deterministic_zip, zip_day
from tests.conftest import SET_FOLDERS, SETS
from tests.security.conftest import APP, clear_streamlit_caches

DATE = re.compile(rb"(?<=[:\-\[,] )(\d{4})-(\d{2})-(\d{2})(?=[ \t]*(?:$|[,}\]#]))", re.MULTILINE)
"""A date that is a whole value (not part of an id such as ``vote-2025-11-17``)."""
PARTIAL = re.compile(
    rb"((?:date|start|end|earliest|latest|published|circulated|as_of): )"
    rb"\"?(\d{4})(?:-(\d{2}))?\"?(?=[ \t]*(?:$|[,}\]#]))",
    re.MULTILINE,
)
"""A date written as a year or a month (``date: 2026``, ``latest: 2026-12``)."""
CENTURIES = 400 * 365 + 97
"""Days in 400 years: a shift by it keeps every 29 February."""


def _moved(text: bytes, move: Callable[[dt.date], dt.date]) -> bytes:
    def one(match: re.Match[bytes]) -> bytes:
        try:
            when = dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            return match.group(0)
        return move(when).isoformat().encode()

    def partial(match: re.Match[bytes]) -> bytes:
        key, year, month = match.groups()
        first = dt.date(int(year), int(month or 1), 1)
        moved = move(first)
        if moved.month != first.month or moved.day != 1:  # onto one day: that day, in full
            return key + moved.isoformat().encode()
        return key + (f"{moved.year:04d}" + (f"-{moved.month:02d}" if month else "")).encode()

    return PARTIAL.sub(partial, DATE.sub(one, text))


def _moves(scenario_set: ScenarioSet) -> dict[str, Callable[[dt.date], dt.date]]:
    split = scenario_set.info.decision_date
    return {
        "centuries away": lambda d: d + dt.timedelta(days=CENTURIES * (1 if d > split else -1)),
        "all on one day": lambda d: split,
    }


def moved_set(tmp_path: Path, scenario_set: ScenarioSet, how: str) -> Path:
    """A copy of the set with every date in its files moved ``how``, under ``tmp_path``."""
    source = SET_FOLDERS[scenario_set.id]
    target = tmp_path / "sets" / scenario_set.id
    for path in source.rglob("*.yaml"):
        copy = target / path.relative_to(source)
        copy.parent.mkdir(parents=True, exist_ok=True)
        if how == "all on one day" and path.name == "positions.yaml":
            # a stance's as_of tells an actor's positions on one issue apart: one day for all
            # would make them duplicates, a set that does not validate
            copy.write_bytes(path.read_bytes())
            continue
        copy.write_bytes(_moved(path.read_bytes(), _moves(scenario_set)[how]))
    return target


CASES = [(s, how) for s in SETS.values() for how in ("centuries away", "all on one day")]
IDS = [f"{s.id}-{how}" for s, how in CASES]


@pytest.fixture
def moved(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[ScenarioSet, Path]:
    scenario_set, how = request.param
    folder = moved_set(tmp_path, scenario_set, how)
    result = load_set(folder)
    assert result.problems == (), result.problems[:3]
    assert result.set is not None
    return result.set, folder


@pytest.mark.parametrize("moved", CASES, ids=IDS, indirect=True)
def test_a_set_with_any_dates_exports_a_zip_that_uploads_back(
    moved: tuple[ScenarioSet, Path],
) -> None:
    scenario_set, folder = moved
    files = read_folder(folder)
    assert isinstance(files, dict)
    data = publish.set_zip(scenario_set, files, "http://localhost:8501/")
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert {info.date_time[:3] for info in infos} == {
        (zip_day(scenario_set.info.as_of).year, zip_day(scenario_set.info.as_of).month,
         zip_day(scenario_set.info.as_of).day)
    }  # fmt: skip
    result = load_upload(data, "moved.zip")
    assert result.problems == () and dict(result.files) == files


@pytest.mark.parametrize(
    ("stamp", "written"),
    [
        (dt.date(1, 1, 1), FIRST_DAY),
        (dt.date(1979, 12, 31), FIRST_DAY),
        (FIRST_DAY, FIRST_DAY),
        (dt.date(2026, 2, 28), dt.date(2026, 2, 28)),
        (LAST_DAY, LAST_DAY),
        (dt.date(2108, 1, 1), LAST_DAY),
        (dt.date(9999, 12, 31), LAST_DAY),
    ],
)
def test_a_zip_is_dated_within_the_zip_formats_range(stamp: dt.date, written: dt.date) -> None:
    data = deterministic_zip({"a.yaml": b"a: 1\n"}, stamp)
    (info,) = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert info.date_time == (written.year, written.month, written.day, 0, 0, 0)


@pytest.mark.parametrize("moved", CASES, ids=IDS, indirect=True)
def test_a_set_with_any_dates_shows_every_view(
    moved: tuple[ScenarioSet, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    scenario_set, folder = moved
    monkeypatch.setenv(ROOT_VARIABLE, str(folder.parent))
    clear_streamlit_caches()
    try:
        for view in (v.id for v in offered(scenario_set)):
            at = AppTest.from_file(str(APP), default_timeout=60)
            at.query_params["view"] = view
            at.run()
            assert not at.exception, (view, [e.value for e in at.exception])
            assert not at.error, (view, [e.value for e in at.error])
    finally:
        clear_streamlit_caches()
