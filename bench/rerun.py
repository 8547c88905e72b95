"""Script rerun on a scenario switch (AppTest), per view, against the minimal app.

`uv run python bench/rerun.py [--runs 25]`: median of the runs, ratio to the minimal app's rerun
after a radio change measured in the same process.
"""

from __future__ import annotations

import argparse
import time

import streamlit as st
from common import APP, MINIMAL_APP, machine, median_ms, table
from streamlit.testing.v1 import AppTest

from explorer.views import VIEWS

SCENARIOS = [
    "us-draft-adopted",
    "council-deadlock",
    "implementation-stalls",
    "russian-draft-prevails",
]


def minimal_reruns(runs: int) -> list[float]:
    at = AppTest.from_file(str(MINIMAL_APP), default_timeout=60).run()
    samples = []
    for i in range(runs):
        radio = at.radio(key="minimal.series").set_value(["one", "two", "three"][(i + 1) % 3])
        start = time.perf_counter()
        radio.run()
        samples.append(time.perf_counter() - start)
    return samples


def app_reruns(view: str, runs: int) -> list[float]:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["view"] = view
    at.run()
    samples = []
    for i in range(runs):
        box = at.selectbox(key="sidebar.a").set_value(SCENARIOS[(i + 1) % len(SCENARIOS)])
        start = time.perf_counter()
        box.run()
        samples.append(time.perf_counter() - start)
        assert not at.exception, at.exception
    return samples


def whatif_slider_reruns(runs: int) -> list[float]:
    """The What-if view's rerun after a judgment slider moves (a new matrix each time)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["view"] = "whatif"
    at.run()
    key = next(s.key for s in at.slider if str(s.key).startswith("whatif.cell."))
    samples = []
    for i in range(runs):
        slider = at.slider(key=key).set_value([-1, 1, 2, 0][i % 4])
        start = time.perf_counter()
        slider.run()
        samples.append(time.perf_counter() - start)
        assert not at.exception, at.exception
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=25)
    runs = parser.parse_args().runs
    st.cache_data.clear()
    floor = median_ms(minimal_reruns(runs))
    rows = [["minimal app (radio change)", f"{floor:.1f}", "1.00"]]
    for view in VIEWS:
        value = median_ms(app_reruns(view, runs))
        rows.append([f"{view}: switch scenario A", f"{value:.1f}", f"{value / floor:.2f}"])
    value = median_ms(whatif_slider_reruns(runs))
    rows.append(["whatif: move a judgment slider", f"{value:.1f}", f"{value / floor:.2f}"])
    print(f"Script rerun, AppTest, median of {runs} ({machine()})\n")
    print(table(["measurement", "median ms", "ratio"], rows))


if __name__ == "__main__":
    main()
