"""Script rerun (AppTest), every view, against the minimal app's rerun in the same process:
after a switch of scenario A and a filter change in every view, a Council vote change in the
Vote view and a judgment change in the What-if view.

`uv run python bench/rerun.py [--runs 15]`: median of the runs; the ratio is the median over the
minimal app's median after its selectbox changes. The minimal app's reruns are taken in turn
with the case's, one of each at a time, so that a machine whose speed drifts during the run
(this one's moved by half within minutes) slows both sides of each ratio alike.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from common import APP, MINIMAL_APP, Measure, machine, measures_table, median_ms
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest, app_test, local_script_runner

from components.whatif_choices import JUDGMENTS
from explorer.content import ScenarioSet, open_catalog
from explorer.views import offered
from explorer.voting.rules import VOTES

TARGET = 4.0
WARM = 4
"""Changes made before timing: each change below cycles through at most 4 values."""
Change = Callable[[AppTest, int], object]
"""Sets a widget for run ``i`` and returns it (its ``run`` reruns the script)."""


def share_script_cache() -> None:
    """Compile each script once, as a server does: AppTest makes a new ``ScriptCache`` for every
    run, so every rerun would compile the script and rewrite its syntax tree for magic again,
    a cost that grows with the script's length and that no server pays after the first run."""
    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared  # type: ignore[misc]


def _timed(
    at: AppTest, change: Change, floor: AppTest, runs: int
) -> tuple[list[float], list[float]]:
    """The rerun after each change, once every change has been seen (what the app builds for a
    content and view it builds once per process, not per session or rerun), each beside a rerun
    of the minimal app after its own change: the app's seconds and the minimal app's."""
    at.run()
    floor.run()
    samples: tuple[list[float], list[float]] = ([], [])
    for i in range(WARM + runs):
        for app, make, seconds in ((floor, _minimal_change, samples[1]), (at, change, samples[0])):
            widget = make(app, i)
            start = time.perf_counter()
            widget.run()  # type: ignore[attr-defined]
            seconds.append(time.perf_counter() - start)
            assert not app.exception, app.exception
    return samples[0][WARM:], samples[1][WARM:]


def _cycle(key: str, values: list[str]) -> Change:
    def change(at: AppTest, i: int) -> object:
        return at.selectbox(key=key).set_value(values[(i + 1) % len(values)])

    return change


def _minimal_change(at: AppTest, i: int) -> object:
    """The minimal app's selectbox moved to the option after the one it shows, whichever case
    ran before."""
    box = at.selectbox(key="minimal.series")
    return box.set_value(box.options[(box.options.index(box.value) + 1) % len(box.options)])


def _filter(at: AppTest, i: int) -> object:
    """Drop one actor group from the filter, then take it back."""
    groups = at.multiselect(key="sidebar.groups")
    every = at.session_state["bench.groups"]
    return groups.set_value(every[:-1] if i % 2 == 0 else every)


def _vote(at: AppTest, i: int) -> object:
    key = next(str(c.key) for c in at.get("button_group") if str(c.key).startswith("vote.member."))
    return at.segmented_control(key=key).set_value([v for v in VOTES if v != "absent"][i % 3])


def _judgment(at: AppTest, i: int) -> object:
    """Move a judgment slider; the sliders are drawn only in their open expander, so open it first
    (untimed), as a person moving one has."""
    if not at.session_state[JUDGMENTS]:
        at.session_state[JUDGMENTS] = True
        at.run()
    key = next(str(s.key) for s in at.slider if str(s.key).startswith("whatif.cell."))
    return at.slider(key=key).set_value([-1, 1, 2, 0][i % 4])


def open_view(view: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.query_params["view"] = view
    at.run()
    at.session_state["bench.groups"] = list(at.multiselect(key="sidebar.groups").value)
    return at


def minimal_app() -> AppTest:
    return AppTest.from_file(str(MINIMAL_APP), default_timeout=60)


def first_set() -> ScenarioSet:
    """The set every run here shows: the app's first."""
    catalog = open_catalog()
    return catalog[catalog.ids[0]]


def measures(runs: int) -> list[Measure]:
    share_script_cache()
    cases: list[tuple[str, str, Change]] = []
    shown = first_set()
    scenarios = [s.id for s in shown.scenarios]
    for view in (v.id for v in offered(shown)):
        cases.append((view, "switch scenario A", _cycle("sidebar.a", scenarios)))
        cases.append((view, "change a filter", _filter))
    cases += [("vote", "change a Council vote", _vote), ("whatif", "move a judgment", _judgment)]
    found = []
    floor_app = minimal_app()
    for view, what, change in cases:
        app, floor = (median_ms(s) for s in _timed(open_view(view), change, floor_app, runs))
        note = f"{app:.1f} ms vs {floor:.1f} ms"
        found.append(Measure(f"rerun, {view}: {what}", app / floor, TARGET, note=note))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    found = measures(runs)
    print(f"Script rerun, AppTest, median of {runs} ({machine()})\n")
    print(measures_table(found))


if __name__ == "__main__":
    main()
