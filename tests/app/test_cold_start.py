"""A fresh server's first page draws its first chart before numpy, pandas or pyarrow is
imported: they take a second or more to import, and only later views, downloads and uploads
need them. Each set is the first screen's in turn, run in a fresh interpreter (this one has
imported everything already)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.content import ROOT_VARIABLE
from tests.conftest import SET_FOLDERS

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("numpy", "pandas", "pyarrow")

PROBE = """
import json, sys
import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

HEAVY, seen = {heavy!r}, []
draw = DeltaGenerator.plotly_chart

def first_chart(self, *args, **kwargs):
    if not seen:
        seen.append(sorted(m for m in (*HEAVY, "plotly") if m in sys.modules))
    return draw(self, *args, **kwargs)

DeltaGenerator.plotly_chart = first_chart
st.plotly_chart = lambda *args, **kwargs: first_chart(st._main, *args, **kwargs)
already = sorted(m for m in HEAVY if m in sys.modules)
at = AppTest.from_file({app!r}, default_timeout=120).run()
print(json.dumps({{"before_app": already, "first_chart": seen[0] if seen else None,
                  "exception": [e.value for e in at.exception]}}))
"""


@pytest.mark.parametrize("name", sorted(SET_FOLDERS))
def test_the_first_chart_of_a_fresh_server_waits_for_no_heavy_import(
    name: str, tmp_path: Path
) -> None:
    (tmp_path / name).symlink_to(SET_FOLDERS[name], target_is_directory=True)
    probe = PROBE.format(heavy=HEAVY, app=str(ROOT / "app.py"))
    env = {**os.environ, ROOT_VARIABLE: str(tmp_path), "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert found["exception"] == []
    assert found["before_app"] == []
    assert found["first_chart"] == ["plotly"], f"imported before the first chart: {found}"
