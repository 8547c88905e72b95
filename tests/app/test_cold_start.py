"""A fresh server's first page draws its first chart before numpy, pandas or pyarrow is
imported: they take a second or more to import, and only later views, downloads and uploads
need them; and, once an earlier process has kept their parses, before any YAML is parsed. Each
set is the first screen's in turn, run in a fresh interpreter (this one has imported everything
already)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.content import ROOT_VARIABLE
from explorer.content.parsecache import CACHE_VARIABLE
from tests.conftest import SET_FOLDERS

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("numpy", "pandas", "pyarrow")

PROBE = """
import json, sys
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from explorer.content import yamlfile

HEAVY, seen, parsed = {heavy!r}, [], []
draw, parse = DeltaGenerator.plotly_chart, yamlfile.parse

def counted_parse(raw):
    parsed.append(len(raw))
    return parse(raw)

def first_chart(self, *args, **kwargs):
    if not seen:
        seen.append(sorted(m for m in (*HEAVY, "plotly") if m in sys.modules))
        seen.append(len(parsed))
    return draw(self, *args, **kwargs)

yamlfile.parse = counted_parse

DeltaGenerator.plotly_chart = first_chart
st.plotly_chart = lambda *args, **kwargs: first_chart(st._main, *args, **kwargs)
already = sorted(m for m in HEAVY if m in sys.modules)
at = AppTest.from_file({app!r}, default_timeout=120).run()
print(json.dumps({{"before_app": already, "first_chart": seen[0] if seen else None,
                  "parsed": seen[1] if seen else None,
                  "exception": [e.value for e in at.exception]}}))
"""


def first_run(name: str, tmp_path: Path) -> dict:
    """A fresh interpreter's first run of the app over ``name`` alone, with its parse cache in
    ``tmp_path``: what it had imported and how many YAML files it had parsed at its first
    chart."""
    root = tmp_path / "sets"
    if not root.exists():
        root.mkdir()
        (root / name).symlink_to(SET_FOLDERS[name], target_is_directory=True)
    probe = PROBE.format(heavy=HEAVY, app=str(ROOT / "app.py"))
    env = {
        **os.environ,
        ROOT_VARIABLE: str(root),
        CACHE_VARIABLE: str(tmp_path / "kept"),
        "PYTHONPATH": str(ROOT),
    }
    run = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert found["exception"] == []
    return found


@pytest.mark.parametrize("name", sorted(SET_FOLDERS))
def test_the_first_chart_of_a_fresh_server_waits_for_no_heavy_import(
    name: str, tmp_path: Path
) -> None:
    found = first_run(name, tmp_path)
    assert found["before_app"] == []
    assert found["first_chart"] == ["plotly"], f"imported before the first chart: {found}"


@pytest.mark.parametrize("name", sorted(SET_FOLDERS))
def test_a_fresh_server_after_an_earlier_one_parses_no_yaml_before_its_first_chart(
    name: str, tmp_path: Path
) -> None:
    assert first_run(name, tmp_path)["parsed"] > 0  # the first server parses and keeps
    assert first_run(name, tmp_path)["parsed"] == 0
