"""Content scale: a generated catalog of 100 sets x 10 scenarios. Catalog load time, and the
rerun after a scenario switch against the Gaza set alone (caching must make it independent of
the catalog's size).

`uv run python bench/scale.py [--runs 20]`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

import streamlit as st
from common import APP, ROOT, machine, median_ms, table
from streamlit.testing.v1 import AppTest

from explorer.content import ROOT_VARIABLE, load_catalog

GAZA = ROOT / "scenarios" / "gaza-unsc-2025"
SETS = 100
SCENARIOS_PER_SET = 10
TEMPLATE = "council-deadlock.yaml"


def generate(root: Path) -> None:
    """Copies of the Gaza set, each with extra copies of one scenario (ids renamed) up to 10."""
    shutil.copytree(GAZA, root / GAZA.name)
    for index in range(SETS - 1):
        folder = root / f"generated-{index:03d}"
        shutil.copytree(GAZA, folder)
        info = (folder / "set.yaml").read_text()
        (folder / "set.yaml").write_text(
            re.sub(r"^title: .*", f"title: Generated set {index}", info, flags=re.M)
        )
        text = (GAZA / "scenarios" / TEMPLATE).read_text()
        existing = len(list((folder / "scenarios").glob("*.yaml")))
        for copy in range(SCENARIOS_PER_SET - existing):
            renamed = re.sub(r"(\n\s*-?\s*id: )(\S+)", rf"\1\2-copy{copy}", "\n" + text)
            renamed = re.sub(r"\nlabel: .*", f"\nlabel: Generated copy {copy}", renamed)
            (folder / "scenarios" / f"council-deadlock-copy{copy}.yaml").write_text(
                renamed.lstrip("\n")
            )


def reruns(runs: int) -> list[float]:
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(APP), default_timeout=300).run()
    choices = ["council-deadlock", "us-draft-adopted", "implementation-stalls"]
    samples = []
    for i in range(runs):
        box = at.selectbox(key="sidebar.a").set_value(choices[i % len(choices)])
        start = time.perf_counter()
        box.run()
        samples.append(time.perf_counter() - start)
        assert not at.exception, at.exception
        assert at.selectbox(key="sidebar.set").value == GAZA.name, at.selectbox(
            key="sidebar.set"
        ).value
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as big, tempfile.TemporaryDirectory() as small:
        generate(Path(big))
        shutil.copytree(GAZA, Path(small) / GAZA.name)
        start = time.perf_counter()
        catalog = load_catalog(Path(big))
        load_seconds = time.perf_counter() - start
        assert len(catalog.sets) == SETS, str(next(iter(catalog.problems.values()), ""))[:500]
        scenarios = sum(len(s.scenarios) for s in catalog.sets.values())
        start = time.perf_counter()
        load_catalog(Path(small))
        small_load = time.perf_counter() - start
        os.environ[ROOT_VARIABLE] = small
        alone = median_ms(reruns(runs))
        os.environ[ROOT_VARIABLE] = big
        with_big = median_ms(reruns(runs))
    rows = [
        ["catalog load: Gaza set alone", f"{1000 * small_load:.0f}", "1 set"],
        [
            "catalog load: generated catalog",
            f"{1000 * load_seconds:.0f}",
            f"{SETS} sets, {scenarios} scenarios",
        ],
        ["rerun on a switch: Gaza set alone", f"{alone:.1f}", "1.00"],
        [
            "rerun on a switch: with the generated catalog",
            f"{with_big:.1f}",
            f"{with_big / alone:.2f}",
        ],
    ]
    print(f"Content scale, rerun median of {runs} ({machine()})\n")
    print(table(["measurement", "ms", "note / ratio"], rows))


if __name__ == "__main__":
    main()
